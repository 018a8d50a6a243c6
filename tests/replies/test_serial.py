from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

from triage.domain import Email, Scores
from triage.replies.compose import compose
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.serial import reply_text, suggestion_from_dict, suggestion_to_dict
from triage.replies.values import History


def test_round_trip_through_json(reply_config: ReplyConfig, keyword_kb: KnowledgeBase) -> None:
    email = Email(
        message_id="<r@x>",
        subject="dock",
        from_name="Ana Lima",
        from_address="ana@x.example",
        date=None,
        newest_text="My second screen says no signal when I plug into the docking station.",
    )
    s = compose(
        email,
        Scores(2, 0.66, 2, 0.66, 0.0),
        History(same_sender=1),
        now=datetime(2026, 11, 23, 10, tzinfo=UTC),
        kb=keyword_kb,
        templates=reply_config.templates,
        sla=reply_config.sla,
        tone=reply_config.tone,
    )
    assert s.findings == () or all(f.severity == "warning" for f in s.findings)
    back = suggestion_from_dict(json.loads(json.dumps(suggestion_to_dict(s))))
    assert back == s


def test_reply_text_is_the_edit_else_the_suggestion_else_none() -> None:
    suggestion = json.dumps({"text": "Hi Ana, ...", "plan": "..."})
    assert reply_text(SimpleNamespace(reply_text="edited", suggestion=suggestion)) == "edited"
    assert reply_text(SimpleNamespace(reply_text=None, suggestion=suggestion)) == "Hi Ana, ..."
    assert reply_text(SimpleNamespace(reply_text=None, suggestion=None)) is None
