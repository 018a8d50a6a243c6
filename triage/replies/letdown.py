"""What of ours the customer says let them down: a callback that never came, a visit that
never happened, advice they had already followed, or "fixed" that is not. Pure.

Judges (training split, session 13) marked one draft in four for not owning the failure the
customer wrote about: "I'm sorry you've had to contact us more than once" for six missed
callbacks, "Thank you for checking in" to a man told to restart what he had restarted twice.
The customer's own account is enough to say it (reply-guide: earlier contact is said when the
store holds it or the customer says so); the reply names the failure, not its cause.
"""

from __future__ import annotations

import re

# a call we said would come and did not: "nobody called", "never rang back", "still no
# callback", "promised a call ... nothing"
_CALL = re.compile(
    r"\b(?:no(?:body|\s+one)|never)\s+(?:has\s+|had\s+|ever\s+)?(?:called|rang|phoned|rung|"
    r"contacted\s+me)\b|\bnever\s+(?:got\s+|had\s+|received\s+)?(?:a|the|my|any)\s+(?:call|callback|"
    r"call\s*back)\b|\b(?:still\s+)?no\s+(?:call|callback|call\s*back|phone\s+call)\b|"
    r"\b(?:promised|booked|arranged|supposed\s+to\s+(?:get|have))\s+(?:me\s+)?(?:a\s+)?"
    r"(?:call|callback|call\s*back)\b[^.!?]{0,80}(?:never|didn't|did\s+not|hasn't|nobody|no\s+one|"
    r"nothing)|\b(?:missed|broken)\s+(?:\w+\s+)?(?:call\s*backs?|callbacks?)\b|"
    r"\b(?:didn't|did\s+not|never)\s+(?:call|ring|phone)\s+(?:me\s+)?back\b|"
    r"\bpromised\s+(?:me\s+)?(?:a\s+)?call(?:\s*back)?\s+\w+\s+times\b",
    re.I,
)
# a visit we booked that did not happen: "engineer no-show", "nobody turned up"
_VISIT = re.compile(
    r"\bno[- ]?show\b|\b(?:engineer|technician|tech|installer|courier|someone|nobody|no\s+one)\s+"
    r"(?:\w+\s+)?(?:didn't|did\s+not|never|failed\s+to)\s+(?:turn\s+up|show(?:\s+up)?|come|arrive|"
    r"appear)\b|\bno(?:body|\s+one)\s+(?:turned\s+up|showed(?:\s+up)?|came|arrived)\b|"
    r"\bno(?:body|\s+one)\s+has\s+(?:come|been|turned\s+up|shown\s+up)\b|"
    r"\bmissed\s+(?:\w+\s+)?(?:appointments?|visits?)\b|"
    r"\b(?:appointment|visit)\s+(?:is\s+|was\s+|has\s+been\s+|got\s+)?[\"“']?cancell?ed\b",
    re.I,
)
# advice of ours they had already followed: "the reply telling me to restart ... I did that
# before I emailed you", "told to try resending ... I HAVE"
_ADVICE = re.compile(
    r"\b(?:(?:you|your\s+(?:\w+\s+)?(?:agent|colleague|team|reply|chat|engineer|support|person|"
    r"man|staff|technician|email|bot|helpdesk)|(?:the|a|one|your)\s+(?:reply|agent|email|message|"
    r"chat|engineer|technician),?|i\s+was|we\s+were|being|been|was|were)\s+)(?:(?:told|telling|asked|"
    r"asking|advised|advising|suggested|suggesting)\s+(?:me\s+|us\s+)?(?:to|that)\s+|"
    r"(?:keep|kept)\s+saying\s+)"
    # what says they had done it: "I'd already done", "I did that", "I HAVE", "as I said"
    r"[^\n]{0,200}?(?:\b(?:i|we)(?:'ve|'d|\s+have|\s+had)?\s+already\b|\balready\s+(?:done|tried|did)\b|"
    r"\bi\s+did\s+(?:that|this|it|exactly\s+that)\b|\bi\s+have\b[.!]|"
    r"(?-i:\bI\s+HAVE\b)|\bdid\s+that\b|\bbefore\s+i\s+(?:emailed|wrote|contacted|rang|called)\b|"
    r"\bas\s+i\s+(?:said|told|explained|mentioned)\b|\bi\s+will\s+not\b|\bno,\s+i\b|"
    r"\bare\s+you\s+(?:kidding|serious|joking)\b|\bit(?:'s|’s|\s+is)\s+not\s+(?:my|our)\b)",
    re.I,
)
# a message of ours that never came: "heard nothing back", "an auto-acknowledgement and nothing
# else", "nobody has replied"
_SILENCE = re.compile(
    r"\b(?:heard|had|got|received)\s+nothing\s+(?:back|since|from)\b|"
    r"\bno(?:body|\s+one)\s+(?:has\s+|ever\s+)?(?:got(?:ten)?\s+back|replied|responded|answered|"
    r"written)\b|\bnever\s+(?:heard\s+back|got\s+(?:a\s+)?(?:reply|response))\b|"
    r"\bauto(?:mated|matic)?[- ]?(?:reply|acknowledge?ment|response)\s+(?:and|but)\s+nothing\b|"
    r"\b(?:still\s+)?no\s+(?:reply|response|answer)\s+(?:yet|since|from\s+(?:you|your|anyone|"
    r"support|it\b|the\s+(?:desk|helpdesk|service\s+desk|support|team|it\b)))",
    re.I,
)
# something we said was done that is not: "you told me it was locked ... STILL sending",
# "told it would definitely be ready. It wasn't."
_CLAIM = re.compile(
    r"\b(?:you|your\s+\w+|i\s+was|we\s+were)\s+(?:told|said|promised|assured|confirmed)\s+"
    r"(?:me\s+|us\s+)?(?:that\s+)?[^.!?\n]{0,60}?\b(?:was|were|is|had\s+been|would\s+(?:definitely\s+)?be)\s+"
    r"(?:\"|“)?(?:fixed|sorted|resolved|locked|done|working|ready|closed|back|secure|blocked|"
    r"dealt\s+with|cancelled|refunded|credited|removed|replaced|reconnected|restored|delivered|"
    r"sent|installed|booked|corrected|updated|processed)\b[^\n]{0,200}?\b(?:still|again|wasn't|isn't|it\s+was\s+not|"
    r"not\s+ready|hasn't|never)\b",
    re.I,
)
_KINDS = (  # a missed visit first: "nobody came and nobody rang" is the visit
    ("visit", _VISIT),
    ("call", _CALL),
    ("claim", _CLAIM),
    ("advice", _ADVICE),
    ("silence", _SILENCE),
)


def let_down(text: str) -> str | None:
    """Which failure of ours the email reports: "call", "visit", "claim", "advice" or
    "silence"; None when it reports none."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return None
