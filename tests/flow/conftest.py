"""The reply tests' fixtures (the real replies.toml, the keyword knowledge base) for the flow
tests that decide with the real composer; pytest finds fixtures by name in a conftest."""

from tests.replies.conftest import keyword_kb, reply_config

__all__ = ["keyword_kb", "reply_config"]
