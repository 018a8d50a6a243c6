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

from triage.replies.ourwords import APOSTROPHES

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
    # "the lady said someone would call me back that day, nobody did": said by one of ours (you,
    # your people, or "the lady"/"the agent" they spoke to, not the courier or the bank), and
    # the call is what did not happen ("he hasn't arrived yet" is no missed call)
    r"\b(?:you|your\s+\w+|the\s+(?:lady|man|woman|guy|agent|person|advisor|adviser|operator)|"
    r"(?:i|we)\s+(?:was|were)\s+told)\s+(?:said|told\s+(?:me|us)|promised)?\s*(?:that\s+)?"
    r"(?:someone|somebody|they|you|he|she|a\s+manager|an?\s+engineer)\s+would\s+(?:call|ring|phone)\b"
    r"[^!?.]{0,60}[.,;]?\s*(?:\bno(?:body|\s+one)\s+(?:did|has|called|rang|phoned)\b|"
    r"\b(?:they|you|he|she)\s+(?:never\s+did|never\s+(?:called|rang|phoned)|didn't(?:\s+(?:call|ring|phone))?|"
    r"did\s+not(?:\s+(?:call|ring|phone))?|hasn't\s+(?:called|rung|phoned)|haven't\s+(?:called|rung|phoned))"
    r"(?:\W*$|\W+(?:and|so|yet|either|still)\b|\W*[.!]))|"
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
    r"no\s+(?:reply|replies|response|answer)\b|"
    # "Still no reply to my question from 3 weeks ago" (not "to my email to the supplier")
    r"\bno\s+(?:reply|response|answer)\s+to\s+my\s+(?:question|e-?mail|message|ticket|request)\b"
    r"(?!\s+(?:to|with|for|on)\s+(?!you\b|your\b|the\s+(?:desk|helpdesk|service\s+desk)\b|support\b))",
    re.I,
)
# silence after they say they wrote or rang us ("I've emailed three times and rung once. Nobody
# replies.", "I raised this through the portal at 08:20 and haven't heard anything"); not the
# recipients of their own mail ("I emailed Dave on Friday and nobody has replied - I think my
# outgoing mail is stuck"), nor "nobody answers the phone" (not getting through), nor a calm
# check-in ("I haven't heard anything yet - just checking you got it. No rush.")
_NOT_HEARD = re.compile(
    r"\bno(?:body|\s+one)\s+(?:ever\s+)?(?:replies|responds|gets\s+back|has\s+(?:replied|"
    r"responded|got(?:ten)?\s+back))\b|"
    r"(?:\b(?:i|we)|\band)\s+(?:haven't|have\s+not|still\s+haven't)\s+heard\s+(?:anything|a\s+thing|"
    r"a\s+word|back)\b(?!\s+(?:back\s+)?(?:from|about|through|since|on|via|in|over)\s+(?!you\b|your\b|"
    r"the\s+(?:desk|helpdesk|service\s+desk|support)\b)\w)",
    re.I,
)
_US = r"(?:you|your\s+\w+|us|the\s+(?:desk|helpdesk|service\s+desk|support(?:\s+team)?))\b"
_WROTE_TO_US = re.compile(
    rf"\b(?:emailed|e-mailed|rang|rung|phoned|called|chased|messaged|contacted|written\s+to|wrote\s+to)\s+{_US}|"
    r"\b(?:emailed|e-mailed|rang|rung|phoned|called|chased|messaged|written|wrote)\s+(?:in\s+)?"
    r"(?:(?:\d+|two|three|four|five|six|several|many|multiple)\s+times|twice|once|again)\b|"
    r"\b(?:raised|logged|reported|submitted)\s+(?:this|it|a\s+ticket)\b|"
    r"\b(?:followed\s+up|chased(?:\s+it|\s+this)?)\s+(?:twice|again|three\s+times|\d+\s+times)\b|"
    r"\b(?:sending|sent)\s+this\s+again\b|\b(?:my|the)\s+(?:previous|earlier|last)\s+(?:e-?mails?|messages?)\b|"
    r"\b(?:\d+(?:st|nd|rd|th)|second|third|fourth)\s+(?:msg|message|e-?mail)\b",
    re.I,
)
_CALM_CHECK = re.compile(r"\b(?:no\s+rush|no\s+hurry|no\s+panic|just\s+checking)\b", re.I)
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
# wasn't." Given by us ("I was told", "you said", "your agent told me"; not "by the Dell rep"),
# and passed: the time since is longer than the time given ("You said 5 working days. It's
# been 3 days so far" is not late), or the next sentence says it did not happen
_GAVE = re.compile(
    r"\b(?:i\s+was|we\s+were|you|your\s+[\w ]{0,25}?(?:\([^)]*\)\s*)?)\s*(?:told|said|promised|quoted)"
    r"\s+(?:me\s+|us\s+)?(?P<rest>[^.!?\n]{0,80})",
    re.I,
)
_NUMBER = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a|an"
_SPAN = re.compile(
    rf"\b(?P<n>{_NUMBER})(?:\s*(?:-|to)\s*(?P<m>{_NUMBER}))?\s+(?:working\s+|business\s+)?"
    r"(?P<u>hours?|days?|weeks?|months?)\b",
    re.I,
)
_SINCE = re.compile(
    r"\b(?:it's|it\s+has|it\s+is|that's|that\s+was|we're|we\s+are|i'm|i\s+am)\s+(?:now\s+)?"
    r"(?:been\s+|on\s+)?(?:over\s+|more\s+than\s+|almost\s+|nearly\s+)?"
    rf"(?:(?P<n>{_NUMBER})\s+(?P<u>hours?|days?|weeks?|months?)|day\s+(?P<day>\d+))\b"
    r"|\bnow\s+day\s+(?P<day2>\d+)\b",
    re.I,
)
_DIDNT = re.compile(r"^\W*(?:it|that|they)\s+(?:wasn't|isn't|hasn't|didn't|weren't)\W*$", re.I)
_THIRD_PARTY = re.compile(
    r"\bby\s+(?:the|a|an|my|our|his|her)\s+(?!desk\b|helpdesk\b|service\b|support\b|team\b)\w+",
    re.I,
)
_OUTCOME = re.compile(r"\b(?:fixed|sorted|resolved|ready|back|done|repaired|working|live)\b", re.I)
_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 3,
}  # fmt: skip
_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 720}


def _hours(n: str | None, unit: str) -> float:
    count = _WORDS.get(re.sub(r"\s+", " ", (n or "1").lower())) or int(n or 1)
    return float(count) * _HOURS[unit.lower().rstrip("s")]


def _late(text: str) -> bool:
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    for i, sentence in enumerate(sentences):
        for gave in _GAVE.finditer(sentence):
            rest = gave.group("rest")
            span = _SPAN.search(rest)
            if span is None or _THIRD_PARTY.search(rest):
                continue
            given = _hours(span.group("m") or span.group("n"), span.group("u"))
            after = sentences[i + 1 : i + 3]
            if after and _DIDNT.match(after[0]) and _OUTCOME.search(rest):
                return True  # "fixed within 48 hours". It wasn't.
            for later in [sentence[gave.end() :], *after]:
                if (since := _SINCE.search(later)) is None:
                    continue
                day = since.group("day") or since.group("day2")
                passed = float(day) * 24 if day else _hours(since.group("n"), since.group("u"))
                if passed > given:
                    return True
    return False


# something we said would happen, by one of ours ("You said a specialist would call me within
# 48 hours", "I spoke to Tom in your billing team and he said he'd email a credit note the same
# day"), that they then say did not come ("No call.", "I haven't received anything yet",
# "That was last Monday"): judges, "no apology for the broken promise". Not said by someone
# else ("told by Barclays"), nor an outcome of something else ("I haven't had a chance to look
# at it"); one line break may wrap the sentence
_PROMISED = re.compile(
    r"(?:\b(?:you|your\s+[\w ]{1,30}?|i\s+was|we\s+were|(?<=,\s)was|and\s+was)\s+(?:said|told|promised)"
    r"(?!\s+by\s+(?!you\b|your\b))|"
    r"\byour\s+[\w ]{1,25}?(?:team|department|desk)\b[^.!?]{0,60}?\b(?:he|she|they)\s+"
    r"(?:said|told\s+(?:me|us)|promised))"
    r"(?P<who>[^.!?]{0,60}?)(?:\bwould|'d|\bwill)\s+(?:\w+\s+)?(?P<verb>call|ring|phone|come|visit|"
    r"attend|email|send|post|arrive|be\s+(?:sent|with\s+(?:me|us|you))|"
    # "we'd have an update by close of business", "you'd have a quote by Friday"
    r"have\s+(?:an?\s+|the\s+|my\s+|our\s+)?(?:update|quote|answer|reply|response|estimate|price)|"
    # "was told it would be "in the spring image"" ... "it's simply not there"
    r"be\s+[\"“]?in\s+(?:the|our|your|next)\s)"
    r"(?P<then>(?:[^\n]|\n(?!\n)){0,200}?)(?:\b(?:haven't|hasn't|have\s+not|has\s+not)\s+(?:yet\s+)?"
    r"(?:received|got|heard\s+(?:anything|back)|had\s+(?:it|anything|a\s+call|an?\s+email|a\s+visit))\b|"
    r"\bno\s+(?:call|email|visit)\b|\bno\s+sign\s+of\s+(?:him|her|them|anyone|(?:the|an?)\s+engineer)\b|"
    r"\bno(?:body|\s+one)\s+(?:came|called|rang|turned)\b|\bnothing\s+(?:has\s+)?(?:arrived|come|"
    r"happened)\b|\bthat\s+was\s+(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|\w+\s+(?:days|weeks|fridays|mondays)\s+ago)\b|"
    r"\bit(?:'s|\s+is)\s+(?:simply\s+|still\s+|just\s+)?not\s+(?:there|in\s+it)\b|"
    # "... by close of business. We didn't."
    r"(?<=[.!]\s)(?:we|i)\s+(?:didn't|did\s+not|never\s+did)\b\W*(?:$|[.!]))",
    re.I | re.M,
)
# the promise was kept after all ("He did call, but ..."), or what comes is a thing ("the
# laptop would come with a charger"), not a person
_KEPT = re.compile(r"\b(?:did|has|have)\s+(?:call|ring|phone|come|visit|arrive|send)\w*\b", re.I)
_PERSON = re.compile(
    r"\b(?:someone|somebody|he|she|they|an?\s+(?:engineer|technician|specialist)|the\s+engineer)\s*$",
    re.I,
)


# what we agreed to give, still awaited: "we are still waiting for the service credit you agreed
# to" (judges: "does not confirm the agreed $680 credit or own four chases")
# (the thing was ours to give: "the budget sign-off you agreed we needed" or "the form you
# confirmed you received" are theirs)
_AGREED = re.compile(
    r"\bstill\s+waiting\s+(?:for|on)\s+(?:the|our|my|that|a)\s+[^.!?\n]{1,40}?\b(?:you|your\s+\w+)\s+"
    r"(?:agreed|promised|confirmed|offered)(?:\s+(?:to|us|me))?"
    r"(?=\s*(?:[.,;!?]|$|\s+(?:for|in|on|by|last|over|when|at|on\s+the\s+phone)\b))",
    re.I | re.M,
)


def _promise(text: str) -> str | None:
    """ "call", "visit" or "broken" for a promise of ours the email says was not kept."""
    if _AGREED.search(text):
        return "broken"
    m = _PROMISED.search(text)
    if m is None or _KEPT.search(m.group("then")):
        return None
    verb = m.group("verb").lower()
    if verb in ("call", "ring", "phone"):
        return "call"
    person = _PERSON.search(m.group("who").strip())
    return "visit" if verb in ("come", "visit", "attend") and person else "broken"


_KINDS = (  # a missed visit first: "nobody came and nobody rang" is the visit
    ("visit", _VISIT),
    ("call", _CALL),
    ("claim", _CLAIM),
    ("advice", _ADVICE),
    ("silence", _SILENCE),
)


@lru_cache(maxsize=256)  # a draft asks several times (``Draft.failed``); the text is the key
def let_down(text: str) -> str | None:
    """Which failure of ours the email reports: "call", "visit", "claim", "late", "advice",
    "silence" or "broken" (a promise not kept); None when it reports none."""
    text = text.translate(APOSTROPHES)  # "didn’t", "It’s": as typed on a phone
    # "nobody came" of a visit named in that sentence or the one before (not "the office was
    # shut so nobody came in ... could an engineer look at it?")
    sentences = re.split(r"(?<=[.!?])\s+|\n+", text)
    for before, sentence in zip(["", *sentences], sentences, strict=False):
        if _NOBODY_CAME.search(sentence) and _A_VISIT.search(f"{before} {sentence}"):
            return "visit"
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
        if kind == "claim" and _late(text):
            return "late"
    if (m := _NOT_HEARD.search(text)) and _WROTE_TO_US.search(text[: m.start()]):
        return None if _CALM_CHECK.search(text) else "silence"
    return _promise(text)


# the callback was promised in so many words: "I was told someone would call back", "they
# promised a call on Thursday", "said he'd ring me" (paired judges preferred "We said we'd
# call you, and we didn't" there, and read it as a claim where the email only says nobody
# called back)
_SAID_WOULD_CALL = re.compile(
    r"\b(?:told|said|promised|assured|agreed)\b[^.!?\n]{0,60}?\b(?:call|ring|phone|rang)\w*"
    r"|\b(?:would|will|'d|'ll)\s+(?:call|ring|phone)\b|\bcall\s*backs?\s+(?:was|were)\s+promised\b",
    re.I,
)


def promised_call(text: str) -> bool:
    """The email says a call back was promised, not only that none came."""
    return _SAID_WOULD_CALL.search(text.translate(APOSTROPHES)) is not None


# a wait the customer names, gone by in weeks or months: "three weeks ago", "since January",
# "requested it in January", "waiting two months" (judges: "thanks him for chasing instead of
# owning a three-week delay"); not a span ahead or a duration ("away for two weeks", "the
# laptop is a month old", "a new starter in March")
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_WEEKS = r"(?:\d+|two|three|four|five|six|seven|eight|several|a\s+few|many|a\s+couple\s+of)\s+(?:weeks|months)"
_LONG_WAIT = re.compile(
    rf"\b{_WEEKS}\s+ago\b|\b(?:a|one)\s+month\s+ago\b|\bsince\s+(?:{_MONTH}|last\s+(?:month|year))\b|"
    rf"\b(?:waiting|waited|been)\s+(?:for\s+)?(?:over\s+|nearly\s+|almost\s+)?{_WEEKS}\b|"
    rf"\b(?:asked|requested|raised|reported|ordered|submitted|logged|emailed|wrote)\b[^.!?\n]{{0,60}}?"
    rf"\bin\s+{_MONTH}\b|\bfor\s+(?:weeks|months)\s+now\b",
    re.I,
)


def long_wait(text: str) -> bool:
    """The email names a wait of weeks or months."""
    return _LONG_WAIT.search(text) is not None
