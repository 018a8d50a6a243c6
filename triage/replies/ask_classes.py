"""What kind of ask an ask is: a call, a refund, when it will be fixed, why it happened, ...
(:data:`ASK_CLASSES`, in order: the first that matches wins), else a request (``do``), a
question, or a sentence the reading took for an ask that asks nothing (``statement``). The
answer each class gets is triage/replies/answers.py. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from triage.domain import Ask
from triage.replies.ask_table import ASK_CLASSES
from triage.replies.askback import NOUN_START, is_request
from triage.replies.ourwords import THREAT_TAIL
from triage.replies.requests import CAN_I, IMPERATIVES, desk_request

# Stopping an attack in the desk's own systems, asked in a security matter: "terminate his
# sessions and suspend the account", "freeze the payout NOW", "put our tenant into read-only
# mode", "preserve the logs". It is promised first (answers.py, kinds.security).
# a call asked for in an ask of another class ("I want a manager to call me in the next hour")
CALL_WORDS = re.compile(
    # a call asked for: "to call me", "a call from", "on the phone with"; not "my phone has
    # been dead" nor "by email please, not phone"
    r"(?<!not\s)(?<!no\s)\b(?:(?:call|phone|ring|telephone)\s+(?:me|us|back)\b|"
    r"(?:someone|somebody|anyone|anybody)\s+(?:\w+\s+)?(?:calling|ringing|phoning)\s+(?:me|us|back)\b|(?:a|the)\s+(?:phone\s+)?"
    r"call(?:back)?\b|on\s+the\s+phone\s+(?:with|to)\b|speak\s+(?:to|with)\b)",
    re.I,
)
CONTAIN = re.compile(
    r"\b(?:suspend|disabl|deactivat|lock|block|terminat|kill|revok|freez|stop|halt|hold|"
    r"deprovision|remov|cut\s+off|shut\s+(?:down|off)|log\s+\S+\s+out|sign\s+\S+\s+out|"
    r"take\s+down|preserv|quarantin|wipe|read-?only|put\s+a\s+(?:hold|block|stop))\w*\b"
    r"[^.?!]{0,60}?\b(?:accounts?|sessions?|access|payouts?|payments?|transfers?|log-?ins?|"
    r"passwords?|tokens?|keys?|devices?|laptops?|phones?|numbers?|port(?:ing)?|logs?|exports?|"
    r"users?|tenant|sync|cards?|mailbox(?:es)?|domain|mode)\b"
    # "I need the number stopped and returned", "the payout frozen"
    r"|\b(?:accounts?|payouts?|payments?|transfers?|numbers?|cards?|sessions?|access|port)\s+"
    r"(?:\w+\s+)?(?:stopped|frozen|locked|blocked|suspended|disabled|cancell?ed|revoked|"
    r"reversed|shut\s+down|taken\s+down)\b"
    # "Force sign-out of all sessions", and a lost device's "Can you wipe it or block it?"
    r"|\bsign[- ]?outs?\s+(?:of\s+)?(?:all|every|any)\b|(?<!n't\s)(?<!not\s)(?<!never\s)\b(?:wipe|lock|block|disable|freeze)\s+(?:it|them)\b",
    re.IGNORECASE,
)


def contains_attack(ask: Ask) -> bool:
    """An ask to stop an attack in our systems (not a question about it)."""
    asks_it_done = ask.type == "request" or is_request(ask.text)  # "Could you suspend it?"
    return asks_it_done and bool(CONTAIN.search(ask.text))


_SO_THAT = re.compile(r",?\s+so\s+that\s+", re.I)
# a question in its word order ("... : is there a way to turn on version history")
_QUESTION_START = re.compile(
    r"(?:^|[:;,]\s*)(?:is|are|can|could|would|will|do|does|did|how|what|where|when|why|who|which|"
    r"should|may)\b",
    re.I,
)
_ANY_CHANCE_OF = re.compile(r"^\W*any\s+chance\s+of\s+(?:getting\s+)?(?:a|an|another|some)\b", re.I)
# leave given, not an ask: "Feel free to escalate that to whoever you like" (judges: answered
# "You asked for someone more senior" to someone who asked for no one)
_ALSO_ASKS = re.compile(
    r"\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you)\b|\bplease\b",
    re.I,
)
_LEAVE = re.compile(
    r"^\W*(?:(?:and|so)\s+)?(?:feel\s+free|by\s+all\s+means|you're\s+welcome|you\s+are\s+welcome)\s+to\s+"
    r"(?:escalate|pass|forward|share|complain|report|mention|show)\b",
    re.I,
)
_LET_ME = re.compile(
    r"^\W*let\s+me\s+(?:spell|be\s+clear|be\s+honest|put|explain|remind|say|tell\s+you|start)\b",
    re.I,
)
_STATEMENT = re.compile(
    r"^\W*(?:i'?m|i\s+am|i\s+was|it'?s|it\s+is|this\s+is|that'?s|there'?s|we'?re)\b", re.I
)
_ASKING = re.compile(
    r"\b(?:please|can|could|would|will|want|need|expect|like|must|should)\b|\?", re.I
)
# A sentence the reading took for a request that asks nothing: it says something about them
# ("Friday is our busiest day", "Our contract guarantees 99.9%", "I would be very grateful").
# Answering it as a request ("As for what you've asked of us ...") is a stock line about
# nothing; the plan's next-update line covers it.
_ASKS_SOMETHING = re.compile(
    r"\bplease\b|\?|\b(?:can|could|would|will|won't|wouldn't|can't)\s+(?:you|someone|somebody|"
    r"anyone|one\s+of\s+you|the\s+team|i|we)\b|\b(?:i|we)(?:'d|\s+would)?\s+(?:really\s+|also\s+)?"
    r"(?:like|want|need|expect|require|appreciate|prefer)\b|\b(?:must|should|needs?)\b"
    r"|\blet\s+(?:me|us)\s+know\b|\b(?:i|we)\s+(?:ask|request|insist)\b",
    re.I,
)
_NO_HURRY = re.compile(
    r"^\W*(?:\w+,\s*)?(?:take\s+your\s+time|no\s+(?:rush|hurry)|don't\s+worry|not\s+urgent|"
    r"whenever\s+(?:you|it's|is)|there's\s+no\s+(?:rush|hurry))\b",
    re.I,
)
_LULL = re.compile(r"(?:\bso|\bbut|,)\s+(?:there's\s+)?no\s+(?:rush|hurry)\W*$", re.I)
# (the answer asked for alone, ending the sentence: "an honest answer about whether it'll happen
# again" asks that, "please properly read my email and restore the folder" asks for the folder)
_OF_THE_REPLY = re.compile(
    r"\b(?:an?\s+(?:straight|proper|real|clear|direct|honest|simple)\s+(?:answer|reply|response)"
    r"(?:\s+(?:for\s+once|this\s+time|please))?"
    r"|(?:actually|properly)\s+read\s+(?:this|it|my\s+email|what\s+I\s+(?:wrote|asked))"
    r"(?:\s+(?:one|time|properly))?)\s*[.!?]*\s*$",
    re.I,
)
_THEN = re.compile(r"[:;?]\s*\w")  # "will you refund me? I want a straight answer" asks
# an imperative that asks nothing of the desk: rhetoric, or a dropped "I" ("Read your email")
_NOT_ASKING_VERBS = frozenset("think read imagine note remember consider guess try".split())
_SAYS = re.compile(
    r"^\W*(?:(?:yes|no|well|so|but|and|also|ok|okay)\W+)?(?:i|we|he|she|they|it|this|that|there)"
    r"\b(?:'\w+)?\s+\w+"
    r"|\b(?:is|are|was|were|am|has|have|had|does|did)\b",
    re.I,
)


# "Can I get the diagramming software installed?" asks for something to be done, not a fact
_GET_ME = re.compile(
    rf"^\W*{CAN_I}(?:get|have|borrow|"
    r"be\s+(?:given|added|sent|set\s+up|moved))\b",
    re.IGNORECASE,
)


_VISIT = dict(ASK_CLASSES)["visit"]


def idle_words(text: str) -> bool:
    """Words read as an ask that ask nothing beyond the rest: when without asking ("Renewal's
    in October so no rush"; not "fix it, no rush"), or asked of the reply itself ("I'd like a
    straight answer", "could someone who knows the answer actually read this"), which answers
    them by answering the rest (never a call asked)."""
    if _NO_HURRY.search(text):
        return True  # "Honestly, take your time." (paired judges: "You asked us to take our time")
    opening = re.match(r"\W*(\w+)", text)
    ordered = opening is not None and opening.group(1).lower() in IMPERATIVES
    if _LULL.search(text) and not (_ASKS_SOMETHING.search(text) or ordered or is_request(text)):
        return True
    meta = _OF_THE_REPLY.search(text)
    if meta is None or CALL_WORDS.search(text):
        return False
    return not _THEN.search(text[: meta.start()])


_SOFT_ASK = re.compile(
    r"\bif\s+(?:it's|it\s+is|it\s+were)\s+possible\s+to\b|"
    r"\bwould\s+be\s+(?:great|ideal|lovely|brilliant|a\s+great\s+help)\b",
    re.I,
)
_WANTS = re.compile(
    r"\b(?:expect|want|need|demand|claim|compensat|refund|cancel|leav|complain|escalat)\w*", re.I
)
_IF_THEN_I = re.compile(r"^\W*if\s+(?!you\b)[^,?]*,\s*(?:i|we)(?:'ll|\s+will)\s[^?]*$", re.I)


# pure over a frozen ask, and asked of each ask three times or more per draft (the answers,
# the acknowledgement's count of points, the price-first and no-point tests, the to-do)
@lru_cache(maxsize=4096)
def ask_class(ask: Ask) -> str:
    """The first class whose pattern matches, else ``do`` (a request) or ``question``."""
    # a threat after the ask ("..., or I'm cancelling my contract") is not what is asked
    text = THREAT_TAIL.sub("", ask.text.replace("’", "'")) or ask.text
    # nor what it is for ("is there a way to turn on version history, so that I can roll back
    # myself?" asks how, not for anything to be rolled back)
    ask_part = _SO_THAT.split(text, maxsplit=1)[0]
    asks_it = (
        _ASKS_SOMETHING.search(ask_part) or is_request(ask_part) or _QUESTION_START.search(ask_part)
    )
    if len(ask_part.split()) >= 4 and asks_it:
        text = ask_part  # not "I'm letting you know so that you can tell me when ..."
    if _ANY_CHANCE_OF.match(text):
        return "do"  # "Any chance of a keyboard that isn't sticky?" asks for one
    # "If it's a policy thing, I'll stop grumbling": what they will do if, not an ask
    # (not "If I lose members, I'll be expecting compensation": asked for, on a condition)
    lull = idle_words(text) or bool(_IF_THEN_I.match(text)) and not _WANTS.search(text)
    if _LET_ME.match(text) or _LEAVE.match(text) or lull:
        # "Honestly, take your time." (idle_words) / "Let me spell this out, ..." ask for
        # nothing to be done
        return "statement"
    for name, pattern in ASK_CLASSES:
        if pattern.search(text):
            if name == "rhetorical" and _ALSO_ASKS.search(text):
                continue  # "I've been on hold for an hour, can someone call me?" asks
            if name == "how" and desk_request(text):
                return "do"  # "Is it possible to swap the handheld?" asks for it done
            if name == "how" and _VISIT.search(text):
                return "visit"  # "Is there any way to get an engineer out today?"
            return name
    if is_request(text) or _GET_ME.match(text) or re.search(r"\bplease\b", text, re.IGNORECASE):
        return "do"  # "could your invoices please include ...?" asks for something done
    if _STATEMENT.match(text) and not _ASKING.search(text):
        return "statement"  # "I'm asking about a feature": read as an ask, asks for nothing
    first = re.match(r"\W*(\w+)", text)
    if first and first.group(1).lower() in _NOT_ASKING_VERBS and not _ASKS_SOMETHING.search(text):
        return "statement"  # "Think about that.", "Read your price increase email."
    if (
        ask.type == "request"
        and not _ASKS_SOMETHING.search(text)
        and _SAYS.search(text)
        and not NOUN_START.match(text)  # "A list of every leaver ..." is a demand in a list
        and not (first and first.group(1).lower() in IMPERATIVES)
        and not _SOFT_ASK.search(text)  # "If it's possible to have someone there, great"
    ):
        return "statement"
    return "question" if ask.type == "question" or text.rstrip().endswith("?") else "do"


# a price asked for something named ("a quote for two new laptops"), not for the job asked
_PRICED_ELSE = re.compile(
    r"(?i)\b(?:quote|price|cost|estimate)s?\s+(?:for|on|of)\s+(?!(?:it|this|that|them|these|"
    r"those|the\s+(?:work|job|above)|all\s+(?:of\s+)?(?:this|that|the\s+above))\b)"
)


def priced_first(asks: tuple[Ask, ...]) -> bool:
    """A request for work that also asks its price ("set up a guest network ... Please send a
    quote"): the work is booked once the price is agreed, not "confirmed once it's done" by the
    time the quote is due (judges). Not a list of jobs, which keeps its points listed back each
    named, nor a price for something else ("a quote for two new laptops": review)."""
    classes = [ask_class(a) for a in asks]
    priced = [a for a, c in zip(asks, classes, strict=True) if c == "cost"]
    if not priced or any(_PRICED_ELSE.search(a.text) for a in priced):
        return False
    return 1 <= classes.count("do") <= 2


# a deadline or a "confirm by Monday" that asks for nothing more ("Can you set up the laptop
# by Monday?" is a job: review)
_ONLY_WHEN = re.compile(
    r"(?i)^\W*(?:please\s+)?(?:confirm|let\s+(?:me|us)\s+know)\b[^?]{0,30}\b(?:by|before)\b"
)


def no_point(ask: Ask) -> bool:
    """An ask that is no point of its own beside the one said back ("and for the other things
    you've asked" of a deadline and "please confirm by Monday" thanked them for what they
    never asked: judges)."""
    cls = ask_class(ask)
    if cls == "deadline":
        return not re.match(r"(?i)\W*(?:can|could|would|will|please)\b", ask.text)
    return (
        cls in ("statement", "rhetorical") or cls == "inform" and bool(_ONLY_WHEN.search(ask.text))
    )
