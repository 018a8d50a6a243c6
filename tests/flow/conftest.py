"""The reply kit's fixtures (the real wording and knowledge base), for suggest --jsonl tests."""

from tests.replies.conftest import keyword_kb, reply_config

__all__ = ["keyword_kb", "reply_config"]
