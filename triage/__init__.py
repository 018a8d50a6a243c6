"""triage: an email-queue triage worker for IT help desks.

Importing this package is cheap and side-effect free: no torch, no database, no network.
"""

__version__ = "0.1.0"
