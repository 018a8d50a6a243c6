"""A subject line without what mail clients and ticket systems put in front of it: "Re:",
"Fwd:", "AW:", "[EXTERNAL]", "[#66014]". One rule for every reader of subjects (the store's
earlier-contact count, the reading's topic, the reply's restatement). Pure.
"""

from __future__ import annotations

import re

# reply and forward marks in the languages a desk commonly sees, and leading [tags]
REPLY_MARKS = re.compile(
    r"^(?:\s*(?:(?:re|fwd?|aw|sv|tr|wg|antw)\s*(?:\[\d+\])?\s*:|\[[^\]]*\])\s*)+", re.I
)


def bare_subject(subject: str) -> str:
    """``subject`` without its leading reply/forward marks and [tags]."""
    return REPLY_MARKS.sub("", subject or "").strip()
