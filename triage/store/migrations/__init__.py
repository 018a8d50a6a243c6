"""Alembic migrations, kept inside the package and driven from triage/store/schema.py."""
