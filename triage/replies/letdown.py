"""What of ours the customer says let them down: a callback that never came, a visit that
never happened, advice they had already followed, or "fixed" that is not. Pure.

Judges (training split, session 13) marked one draft in four for not owning the failure the
customer wrote about: "I'm sorry you've had to contact us more than once" for six missed
callbacks, "Thank you for checking in" to a man told to restart what he had restarted twice.
The customer's own account is enough to say it (reply-guide: earlier contact is said when the
store holds it or the customer says so); the reply names the failure, not its cause.

Each pattern names us as the one who failed ("you", "your engineer", "nobody ... back", a
callback or visit we booked): a seller, a manager or a courier who let them down is not ours
to own, and a dead phone line ("nobody has rung us since 9") is a fault, not our silence.
"""

from __future__ import annotations

import re
from functools import lru_cache

# who, on our side: "you", "your engineer", "nobody", "no one from your team"
_WE = (
    r"(?:you|your\s+(?:\w+\s+)?(?:engineer|technician|agent|team|colleague|staff|support|company|"
    r"helpdesk|service\s+desk|people)|no(?:body|\s+one)(?:\s+from\s+(?:you|your\s+\w+))?)"
)
# a call we said would come and did not: "nobody called me back", "still no callback"
_CALL = re.compile(
    rf"\b{_WE}\s+(?:has\s+|have\s+|had\s+|ever\s+)?(?:never|didn't|did\s+not|hasn't|haven't)\s+"
    r"(?:called|rang|rung|phoned|call|ring|phone)\s+(?:me\s+|us\s+)?back\b|"
    r"\bno(?:body|\s+one)\s+(?:has\s+|ever\s+)?(?:called|rang|rung|phoned)\s+(?:me\s+|us\s+)?back\b|"
    r"\bnever\s+(?:got|had|received)\s+(?:a|the|my|any)\s+call\s*back\b|"
    r"\b(?:still\s+)?no\s+call\s*back\b|\b(?:missed|broken)\s+(?:\w+\s+)?call\s*backs?\b|"
    r"\b(?:promised|booked|arranged|supposed\s+to\s+(?:get|have))\s+(?:me\s+)?(?:a\s+)?"
    r"call(?:\s*back)?\b[^.!?]{0,80}(?:never|didn't|did\s+not|hasn't|nobody|no\s+one|nothing)|"
    r"\bpromised\s+(?:me\s+)?(?:a\s+)?call(?:\s*back)?\s+\w+\s+times\b|"
    # "the lady said someone would call me back that day, nobody did"
    r"\b(?:said|told\s+(?:me|us)|promised)\s+(?:that\s+)?(?:someone|somebody|they|you|he|she|"
    r"an?\s+\w+)\s+would\s+(?:call|ring|phone)\b[^!?]{0,80}?(?:\bno(?:body|\s+one)\s+(?:did|has)\b|"
    r"\b(?:they|you|he|she)\s+(?:never\s+did|didn't|did\s+not|haven't|hasn't)\b)|"
    # "I was promised a callback on Tuesday ... It's now Friday ... like they said they would"
    # (the day since named, "it's now Friday"; the call not made, "nobody rang ... like they
    # said they would"; not "Sam rang as promised" nor "It's now working fine")
    r"\b(?:i\s+was|we\s+were)\s+promised\s+(?:a\s+)?call(?:\s*back)?\b[^!?]{0,160}?"
    r"(?:\bit(?:'s|’s|\s+is)\s+now\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|\d|the\s+\d|a\s+week|two|three|four|five|several)|\b(?:still\s+)?(?:waiting|no\s+sign)"
    r"\s+(?:for|of)\s+(?:a|the|that|any)\s+call|\bstill\s+no\s+call|"
    r"\b(?:someone|somebody|anyone)\s+(?:\w+\s+)?(?:ringing|calling|phoning)\s+(?:me|us)\s+"
    r"(?:back\s+)?(?:like|as)\s+(?:they|you)\s+said)",
    re.I,
)
# a visit we booked that did not happen: "engineer no-show", "nobody came" (with an engineer,
# a visit or an appointment named: "nobody has been able to log in" is no visit)
_VISIT = re.compile(
    r"\bno[- ]?show\b|\b(?:(?:your|the|an?)\s+)?(?:engineer|technician|installer)\s+(?:\w+\s+)?"
    r"(?:didn't|did\s+not|never|failed\s+to|has\s+(?:not|failed\s+to)|hasn't)\s+(?:turn(?:ed)?\s+up|"
    r"show(?:ed)?(?:\s+up)?|come|came|arrive[d]?|appear(?:ed)?)\b|"
    r"\bmissed\s+(?:engineer\s+|installation\s+|repair\s+)?(?:appointments?|visits?)\b|"
    r"\b(?:engineer|technician|installation|install|repair|your)\s+(?:appointment|visit)\s+"
    r"(?:is\s+|was\s+|has\s+been\s+|got\s+)?[\"“']?cancell?ed\b",
    re.I,
)
_NOBODY_CAME = re.compile(
    r"\bno(?:body|\s+one)\s+(?:has\s+)?(?:turned\s+up|showed(?:\s+up)?|came|arrived|come)\b"
    r"(?!\s+(?:in|into|back|over|out|through|forward)\b)",
    re.I,
)
_A_VISIT = re.compile(r"\b(?:engineer|technician|installer|visit|appointment)\b", re.I)
# advice of ours they had already followed: "the reply telling me to restart ... I did that
# before I emailed you", "told to try resending ... I HAVE"; a troubleshooting step, from us
_ADVICE = re.compile(
    r"\b(?:(?:you|your\s+(?:\w+\s+)?(?:agent|colleague|team|reply|chat|engineer|support|person|"
    r"man|staff|technician|email|bot|helpdesk)|(?:the|a|one|your)\s+(?:reply|agent|email|message|"
    r"chat|engineer|technician),?|i\s+was|we\s+were|being|been|was|were)\s+)(?:(?:told|telling|"
    r"asked|asking|advised|advising|suggested|suggesting)\s+(?:me\s+|us\s+)?(?:to|that\s+i\s+)\s*|"
    r"(?:keep|kept)\s+saying\s+)(?!\S+\s+by\s+(?:my|the|a|his|her|our)\b)[\"“]?(?:try\s+)?"
    r"(?:restart|reboot|resend|re-?install|uninstall|clear|update|turn|switch|log|sign|reset|check|"
    r"unplug|add|re-?enter|power|remove|delete|review)\w*\b"
    # what says they had done it: "I'd already done", "I did that", "I HAVE", "as I said"
    r"[^\n]{0,200}?(?:\b(?:i|we)(?:'ve|'d|\s+have|\s+had)?\s+already\s+(?:done|tried|did|been|"
    r"[a-z]+ed)\b|\b(?:which|that)\s+(?:i|we)(?:'d|\s+had)\s+already\b|\balready\s+(?:done|tried|did)\b|"
    r"\b(?:i|we)\s+did\s+(?:that|this|it|exactly\s+that)\b|\bi\s+have\b[.!]|"
    r"(?-i:\bI\s+HAVE\b(?!\s+(?:NO|A|AN|THE|TO|BEEN|GOT|HAD)\b))|"
    r"\bbefore\s+i\s+(?:emailed|wrote|contacted|rang|called)\b|"
    r"\bas\s+i\s+(?:said|told|explained|mentioned)\b|\bi\s+will\s+not\b|\bno,\s+i\b|"
    r"\bare\s+you\s+(?:kidding|serious|joking)\b|\bit(?:'s|’s|\s+is)\s+not\s+(?:my|our)\b)",
    re.I,
)
# a message of ours that never came: "heard nothing back" from us, "an auto-acknowledgement
# and nothing else"
_SILENCE = re.compile(
    r"\b(?:heard|had|got|received)\s+nothing\s+back\b(?!\s+from\s+(?!you|your)\w)|"
    r"\bnever\s+heard\s+back\b|"
    r"\bauto(?:mated|matic)?[- ]?(?:reply|acknowledge?ment|response)\s+(?:and|but)\s+nothing\b|"
    rf"\b{_WE}\s+(?:has\s+|have\s+|ever\s+)?(?:got(?:ten)?\s+back\s+to\s+me|replied\s+to\s+(?:my\s+)?"
    r"(?:ticket|report|email|message|request))\b|"
    r"\b(?:still\s+)?no\s+(?:reply|response|answer)\s+(?:yet\s+)?from\s+(?:you|your|anyone\s+at|"
    r"support|the\s+(?:desk|helpdesk|service\s+desk|support\s+team))|"
    # "my email of 10 days ago got no reply", "my last two emails have had no reply": their own
    # messages to us, unanswered (not "my email to Dave in accounts")
    r"\bmy\s+(?:last\s+|first\s+|previous\s+|earlier\s+)?(?:(?:two|three|four|\d+)\s+)?"
    r"(?:e-?mails?|messages?|tickets?|requests?)\b"
    r"(?:(?!\b(?:to|with|for)\s+(?!you\b|your\b|the\s+(?:desk|helpdesk|service\s+desk)\b|"
    r"support\b))[^.!?\n]){0,30}\b(?:got|had|has\s+had|have\s+had|received|(?:still\s+)?ha(?:s|ve))\s+"
    r"no\s+(?:reply|replies|response|answer)\b",
    re.I,
)
# something we said was done that is not: "you told me it was locked ... STILL sending",
# "told it would definitely be ready. It wasn't." Said by us (not "by the shop"), and undone
# within the next sentence ("it has been great since. I never thought to ask" is no let-down)
_CLAIM = re.compile(
    r"\b(?:you|your\s+\w+|i\s+was|we\s+were)\s+(?:told|said|promised|assured|confirmed)\s+"
    r"(?!by\s+(?!you\b|your\b))(?:me\s+|us\s+)?(?:that\s+)?[^.!?\n]{0,60}?\b(?:was|were|is|had\s+been|"
    r"would\s+(?:definitely\s+)?be)\s+(?:\"|“)?(?:fixed|sorted|resolved|locked|done|working|ready|"
    r"closed|back|secure|blocked|dealt\s+with|cancelled|refunded|credited|removed|replaced|"
    r"reconnected|restored|delivered|sent|installed|booked|corrected|updated|processed)\b"
    r"[^!?\n]{0,160}?(?:\b(?:it|this|that|they|which|the\s+\w+)(?:'s|’s|\s+is|\s+was|\s+has|\s+are)?"
    r"\s+still\b|(?<!\bi\s)(?<!\bwe\s)\b(?:wasn't|isn't|hasn't|haven't|weren't|didn't)\b|"
    r"\bit\s+(?:was|is|has)\s+not\b|"
    r"\bnot\s+ready\b)",
    re.I,
)
# a time we gave that has long passed: "I was told 3-5 working days. It's now been two weeks",
# "your live chat agent (Jess) told me it was 'an area fault, fixed within 48 hours'. It
# wasn't." (by us: "I was told", "you said", "your agent told me"; not "the shop told me")
_LATE = re.compile(
    r"\b(?:i\s+was|we\s+were|you|your\s+[\w ]{0,25}?(?:\([^)]*\)\s*)?)\s*(?:told|said|promised|quoted)"
    r"\s+(?!by\s+(?!you\b|your\b))(?:me\s+|us\s+)?[^.!?\n]{0,60}?\b(?:\d+(?:\s*(?:-|to)\s*\d+)?|one|"
    r"two|three|four|five|a\s+few)\s+(?:working\s+|business\s+)?(?:hours?|days?|weeks?)\b"
    r"[^!?\n]{0,120}?(?:\b(?:it|that|they)\s+(?:wasn't|isn't|hasn't|didn't|weren't)\b|"
    r"\b(?:it's|it\s+has|it\s+is|that's|that\s+was)\s+(?:now\s+)?(?:been\s+)?(?:over\s+|more\s+than\s+)?"
    r"(?:two|three|four|five|six|\d+|a)\s+(?:weeks?|days?|months?)|\bnow\s+day\s+\d+)",
    re.I,
)
_KINDS = (  # a missed visit first: "nobody came and nobody rang" is the visit
    ("visit", _VISIT),
    ("call", _CALL),
    ("claim", _CLAIM),
    ("late", _LATE),
    ("advice", _ADVICE),
    ("silence", _SILENCE),
)


@lru_cache(maxsize=256)  # a draft asks several times (``Draft.failed``); the text is the key
def let_down(text: str) -> str | None:
    """Which failure of ours the email reports: "call", "visit", "claim", "late", "advice" or
    "silence"; None when it reports none."""
    # "nobody came" of a visit named in that sentence or the one before (not "the office was
    # shut so nobody came in ... could an engineer look at it?")
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    for before, sentence in zip(["", *sentences], sentences, strict=False):
        if _NOBODY_CAME.search(sentence) and _A_VISIT.search(f"{before} {sentence}"):
            return "visit"
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return None
