"""Answer every ask, in order (reply-guide: "every explicit request or question ... is answered
or acknowledged explicitly, one by one, with what will and will not happen").

Each ask is first recognised as one of a few kinds of ask (a call, a refund, when it will be
fixed, why it happened, ...), in the order of :data:`ASK_CLASSES`: the first that matches wins.
Its answer is that class's sentence from ``[templates.answer_<class>]``, or a sentence the draft
already holds that answers it (the deadline line answers "I need it by 8", the incident line
"is there an outage?"). What the desk does not control is never promised: a refund, a visit or
a senior call is passed on, with the time we will report back. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from triage.domain import Ask
from triage.replies.askback import IMPERATIVES, NOUN_START, ask_phrase, is_request
from triage.replies.rules import PolicyRule
from triage.replies.templates import Templates, Tone
from triage.replies.tone import check, errors
from triage.replies.tone_config import ToneConfig

_W = r"(?:[\w'-]+\s+)"
ASK_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "security_data",
            r"\b(?:data|information|details|records|files|emails?|passwords?)\b[^.?!]{0,40}"
            r"\b(?:stolen|taken|leaked|accessed|affected|compromised|exposed|seen|copied)\b"
            r"|\bwhat\s+else\s+(?:was|has\s+been|is|got)\s+(?:affected|accessed|taken|hit)\b"
            r"|\b(?:have|has|were|was)\s+(?:you|we|they|it|the\s+\w+)\s+(?:been\s+)?(?:hacked|breached)\b",
        ),
        (
            "rhetorical",
            r"\bdo\s+you\s+(?:have\s+)?any\s+idea\b|\bare\s+you\s+(?:completely\s+|totally\s+|all\s+)?"
            r"(?:incapable|serious|joking|kidding|stupid|incompetent|mad|insane)\b|\bhow\s+hard\s+can\b"
            r"|\bwhat(?:'s|\s+is)\s+wrong\s+with\s+you\b|\bdo\s+you\s+even\b|\bwho\s+do\s+you\s+think\b"
            r"|\btest\s+me\b|\bwhat\s+(?:kind|sort)\s+of\s+(?:company|service|business|outfit)\b",
        ),
        ("apology", r"\bapolog\w*|\bsay\s+sorry\b"),
        (
            "pass_on",
            r"\b(?:pass|forward|send|give)\s+(?:this|it|these|my\s+\w+)\s+(?:on\s+)?to\s+"
            r"(?:whoever|the\s+(?:person|people|team)|someone\s+who)\b",
        ),
        (
            "escalate",
            r"\b(?:your|a|the|most|more)\s+(?:senior\w*|manager|supervisor|director|vp|boss|head\s+of\s+\w+)\b"
            r"|\bsomeone\s+(?:more\s+)?(?:senior|in\s+charge|with\s+authority)\b|\bescalat\w*"
            r"|\bsenior\s+(?:person|engineer|manager|member|staff|someone)\b|\bsomebody\s+senior\b"
            r"|\banswer\s+for\s+(?:this|it|that)\b|\baccountab\w*",
        ),
        (
            "call",
            r"\b(?:call|phone|ring|telephone)\s+(?:me|us|back|him|her)\b"
            r"|\b(?:a|the)\s+(?:phone\s+)?(?:call|callback|call\s+back)\b(?!\s+(?:notes|log|record|recording|centre|center|queue))"
            r"|\bover\s+the\s+(?:tele)?phone\b|\bon\s+the\s+phone\b|\bconversation\b"
            r"|\b(?:talk|speak)\s+(?:to|with)\s+(?:me|us|someone|a\s+person|a\s+human|somebody)\b",
        ),
        (
            "cause",
            r"^\W*why\b|\bwhy\s+(?:it|this|that|they|we|you|the|my|our|is|are|was|did|does|do|has)\b"
            r"|\bwhat\s+(?:happened|went\s+wrong|caused|is\s+causing|'s\s+causing|is\s+going\s+wrong)\b"
            r"|\bhow\s+(?:did|could|can|are|were|is|was|do|does)\s+(?:this|it|that|they|someone|he|she)\b[^.?!]{0,30}"
            r"\b(?:happen|get(?:ting)?\s+in|got\s+in|getting|possible|have|get|know|find)\b"
            r"|\bhow\s+(?:this|it|that)\s+(?:happened|could\s+(?:have\s+)?happen\w*|came\s+about)\b"
            r"|\bwhere\s+(?:did|do|does|could)\s+(?:they|he|she|someone|somebody|these|those)\s+"
            r"(?:get|find|obtain)\b"
            r"|\b(?:root\s+)?cause\b|\bexplanation\b|\bexplain\s+(?:why|what\s+happened|how)\b",
        ),
        (
            "when",
            r"\bwhen\s+(?:will|would|can|could|is|are|do|does|should)\s+(?:it|this|that|they|you|we|"
            r"the|my|our|service|things|everything|everyone)\b|\bhow\s+long\b|\bany\s+idea\s+when\b"
            r"|\bwhen\s+(?:it|they)(?:'ll|\s+will)\s+be\b"
            r"|\bwhen\s+(?:this|that|the\s+\w+|service|things|everything)\s+(?:will|would|is|gets?)\b"
            r"|\bfor\s+when\b|\b(?:an?\s+)?(?:actual|real|proper|exact)\s+(?:time|date)\b"
            r"|\beta\b|\b(?:realistic|expected|rough|firm)\s+(?:time|date|timescale|timeframe|estimate)\b"
            r"|\btime\s?(?:scale|frame|line)s?\b|\bwhat\s+time\b",
        ),
        (
            "update",
            r"\bupdate\s+(?:me|us)\b|\bupdates?\s+(?:on|about|from)\b"
            r"|\b(?:an?|any|regular|hourly|daily|proper|some|actual|real|further|latest|next)\s+updates?\b"
            r"|\bkeep\s+(?:me|us)\s+(?:posted|informed|updated|in\s+the\s+loop)\b"
            r"|\blet\s+(?:me|us)\s+know\s+(?:what|where|how)\b|\bwhat(?:'s|\s+is)\s+(?:happening|going\s+on)\b"
            r"|\bwhere\s+(?:it|this|things|we)\s+(?:stands?|are)\b",
        ),
        (
            "stop_contact",
            r"\bunsubscribe\b|\btake\s+(?:me|us)\s+off\b|\bremove\s+(?:me|us)\s+from\b"
            r"|\bstop\s+(?:sending|emailing|calling|texting|contacting|chasing|spamming)\b"
            r"|\b(?:mailing|marketing|distribution)\s+list\b[^.?!]{0,20}\b(?:off|remove)|\bopt\s+(?:me\s+)?out\b",
        ),
        (
            "visit",
            r"\bon[\s-]?site\b|\bcome\s+(?:out|round|over|in|and|to|here|by|back)\b"
            r"|\b(?:engineer|technician|someone|somebody)\b[^.?!]{0,20}\b(?:here|in\s+my\s+office|in\s+the\s+office|out\s+to|round)\b"
            r"|\bvisit\b|\bsend\s+(?:an?\s+)?(?:\w+\s+)?(?:engineer|technician|someone|somebody)\b"
            r"|^\W*(?:an?|the)\s+(?:engineer|technician)\b",
        ),
        (
            "money",
            r"\brefund\w*|\bcredit(?:ed|s)?\b(?!\s+card)|\bcompensat\w*|\bmoney\s+back\b|\breimburs\w*"
            r"|\bwaive\w*|\bpay\s+(?:me|us)\s+back\b|\bthe\s+difference\b"
            # "you pay for the repair" asks money of us; "I'm happy to pay for it" does not
            r"|\b(?:you|you'll|you\s+should|you\s+must|will\s+you|you\s+will)\s+(?:\w+\s+)?pay\s+for\b",
        ),
        (
            "cancel",
            r"\bcancel\w*|\bterminat\w*|\bend\s+(?:my|our|the)\s+(?:contract|subscription|account)\b"
            r"|\bclose\s+(?:my|our)\s+account\b",
        ),
        (
            "revert",
            rf"\b(?:put|change|switch|turn|set|roll|move|bring)\s+{_W}{{0,4}}back\b(?!\s+(?:in|on|online|up|to\s+me))"
            r"|\brevert\w*|\bundo\b|\brestore\s+the\s+(?:old|previous|original)\b"
            r"|\b(?:a|an)\s+(?:toggle|opt-?out|exemption)\b|\bthe\s+old\s+(?:one|version|way|design|layout)\b",
        ),
        (
            "confirm",
            r"\bin\s+writing\b|\bwritten\s+(?:confirmation|explanation|answer|statement|response|reply)\b",
        ),
        (
            "what_to_do",
            r"\bwhat\s+(?:should|do|must|can|shall)\s+(?:i|we)\s+do\b|\bwhat\s+to\s+do\b"
            r"|\bwhat\s+(?:are|is)\s+(?:the|my|our)\s+(?:next\s+)?steps?\b"
            r"|^\W*should\s+(?:i|we)\s+(?:be\s+)?\w+(?:ing)?\b|\bwhether\s+(?:i|we)\s+should\b",
        ),
        (
            "inform",
            r"^\W*(?:please\s+)?(?:(?:could|can|would|will)\s+(?:you|someone|somebody)\s+(?:please\s+)?)?"
            r"(?:let\s+(?:me|us)\s+know|tell\s+(?:me|us)|confirm|advise|explain|send\s+(?:me|us)\s+(?:the\s+)?"
            r"(?:details|information|info|terms|list|price|prices|pricing|quote))\b",
        ),
        (
            "how",
            r"^\W*(?:how\s+(?:do|can|could|would|should)\s+(?:i|we)|is\s+there\s+(?:a|any)\s+way"
            r"|is\s+it\s+possible\s+(?:to|for))\b",
        ),
        (
            "deadline",
            r"\b(?:by|before|until)\s+(?:\d|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|"
            r"friday|saturday|sunday|the\s+end|end\s+of|close\s+of|noon|lunch|then)"
            r"|\bneed\s+(?:it|this|them)\s+(?:working|done|back|fixed|sorted)?\s*(?:by|before|for|tonight|today|tomorrow)\b"
            r"|\bneeds?\s+to\s+be\s+\w+\s+(?:by|before|today|tonight|tomorrow|first\s+thing)\b",
        ),
        ("dont", r"^\W*(?:please\s+)?(?:do\s+not|don't|never)\s+(?!hesitate)\w+"),
        (
            "attend",
            r"^\W*(?:anyone|anybody|hello|hi)\W*$|\bwhere\s+is\s+everyone\b"
            r"|\bis\s+(?:anyone|anybody)\s+(?:there|on|reading|looking|listening|working)\b"
            r"|\bfix\b|\bsort\s+(?:it|this|that)\b|\bsort\w*\s+out\b|\blook\s+(?:at|into)\b"
            r"|\b(?:have|take)\s+a\s+look\b|\bcheck\b|\binvestigate\b|\bhelp\b"
            r"|\bsomeone\s+on\s+(?:it|this)\b|\bget\s+(?:someone|somebody|an\s+engineer)\b"
            r"|\bpick\s+(?:this|the\s+\w+)\s+up\b|\bpick\s+up\s+(?:this|the)\s+(?:issue|ticket|case)\b|\bpriority\b|\bdeal\s+with\b|\bworking\s+again\b"
            r"|\bget\s+(?:it|this|us|me|them|things|everything)\b[^.?!]{0,20}\b(?:working|back|fixed|sorted|going|online|up)\b"
            r"|\bback\s+(?:up|online|on)\b|\bworking\s+(?:again|now|today|tonight)\b"
            r"|\bneed\s+(?:it|that|this|them|the\s+\w+|\w+)\s+(?:\w+\s+)?working\b",
        ),
    )
)
Where = Literal["above", "below", ""]
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
# an imperative that asks nothing of the desk: rhetoric, or a dropped "I" ("Read your email")
_NOT_ASKING_VERBS = frozenset("think read imagine note remember consider guess try".split())
_SAYS = re.compile(
    r"^\W*(?:(?:yes|no|well|so|but|and|also|ok|okay)\W+)?(?:i|we|he|she|they|it|this|that|there)"
    r"\b(?:'\w+)?\s+\w+"
    r"|\b(?:is|are|was|were|am|has|have|had|does|did)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class AnswerContext:
    """What an answer may say about this draft: who handles it, when, and what the draft holds."""

    kind: str
    key: str
    style: Tone
    callback: str
    handler: str  # "our network team", or "we"
    handler_obj: str  # "our network team", or "us"
    cadence: str = ""  # minutes between outage updates ("" = none)
    supervisor: bool = False
    security: bool = False
    steps: Where = ""  # where the numbered steps are, relative to the answers
    policy: tuple[PolicyRule, ...] = ()
    refusal: str = ""  # the draft's refusal, when the email asks for what policy does not allow
    # sentences the draft already holds, by the class of ask they answer
    reuse: Mapping[str, str] = field(default_factory=dict)
    tone: ToneConfig = field(default_factory=ToneConfig)
    prior_contact: bool = False  # earlier contact is established (an ask may not claim it)
    # when a decision another team makes (a refund, a senior contact) can be promised: in its
    # working hours, never the on-call hour an urgent draft promises for the next update
    decision_callback: str = ""
    # the ask the acknowledgement already said back ("Thanks for asking whether ..."): its
    # answer does not say it a second time
    restated: str = ""


# "Can I get the diagramming software installed?" asks for something to be done, not a fact
_GET_ME = re.compile(
    r"^\W*(?:please\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|borrow|"
    r"be\s+(?:given|added|sent|set\s+up|moved))\b",
    re.IGNORECASE,
)


def ask_class(ask: Ask) -> str:
    """The first class whose pattern matches, else ``do`` (a request) or ``question``."""
    text = ask.text.replace("’", "'")
    for name, pattern in ASK_CLASSES:
        if pattern.search(text):
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
    ):
        return "statement"
    return "question" if ask.type == "question" or text.rstrip().endswith("?") else "do"


def _slot(cls: str, ctx: AnswerContext) -> str:
    """The template slot for a class of ask in this draft."""
    security = ctx.security or ctx.kind == "security"
    if cls in ("security_data", "cause"):
        return "answer_cause_security" if security else "answer_cause"
    if cls == "when":
        return "answer_when_outage" if ctx.kind == "outage" else "answer_when"
    if cls == "escalate":
        return "answer_escalate_done" if ctx.supervisor else "answer_escalate"
    if cls == "apology":
        return "answer_apology_security" if security else "answer_apology"
    if cls == "what_to_do":
        return (
            f"answer_what_to_do_steps{'_below' if ctx.steps == 'below' else ''}"
            if ctx.steps
            else "answer_what_to_do"
        )
    if cls == "how" and ctx.steps:
        return "answer_how_steps" if ctx.steps == "below" else "answer_how_steps_above"
    if cls in ("how", "question"):
        return "answer_question"
    if cls in ("attend", "deadline"):
        return "answer_attend"
    if cls == "inform":
        return "answer_inform"
    if cls in ("dont", "rhetorical"):
        return f"answer_{cls}"
    if cls == "statement":
        return "answer_do_request" if ctx.kind == "request" else "answer_do"
    if cls == "pass_on":
        return "answer_do_request" if ctx.kind == "request" else "answer_do"
    if cls == "do":
        return "answer_do_request" if ctx.kind == "request" else "answer_do"
    return f"answer_{cls}"


def _refusal(ask: Ask, ctx: AnswerContext, templates: Templates) -> str:
    rule = next((r for r in ctx.policy if r.matches(ask.text)), None)
    if rule is None:
        return ""
    return templates.render(
        "policy_refuse",
        ctx.key,
        ctx.style,
        refuse=rule.refuse,
        reason=rule.reason,
        alternative=rule.alternative,
    )


def answer(ask: Ask, ctx: AnswerContext, templates: Templates) -> str:
    """The sentence that answers ``ask`` in this draft."""
    return _answer(ask, ctx, templates)[0]


def _answer(ask: Ask, ctx: AnswerContext, templates: Templates) -> tuple[str, bool]:
    """The answering sentence, and whether it is the plain one that does not name the ask."""
    refusal = _refusal(ask, ctx, templates)
    if refusal:
        return refusal, False
    cls = ask_class(ask)
    if cls in ("revert", "do") and ctx.refusal:
        return ctx.refusal, False  # the email asks for what policy does not allow: the no answers
    if cls == "revert" and ctx.kind != "policy_complaint":
        cls = "do"  # "roll back this import" is work to do, not a decision to take elsewhere
    if cls == "how" and not ctx.steps:
        cls = "question"
    if (
        ctx.kind == "feedback"
        and cls in ("do", "statement", "attend", "question", "how")
        and "pass_on" in ctx.reuse
    ):
        # "I need this in my life", "maybe test it on someone over forty?": in feedback, a
        # wish or a suggestion is answered by where the feedback goes, not "it's with us now"
        return ctx.reuse["pass_on"], False
    if cls == "statement":  # nothing asked: the plan's next update or answer covers it
        for covered in ("update", "question"):
            if covered in ctx.reuse:
                return ctx.reuse[covered], False
        if ctx.kind == "question":
            cls = "question"
    if cls in ctx.reuse and cls not in ("question", "do"):
        return ctx.reuse[cls], False
    slot = _slot(cls, ctx)
    decided_elsewhere = cls in ("money", "escalate", "revert") and ctx.decision_callback
    fields = {
        "callback": ctx.decision_callback if decided_elsewhere else ctx.callback,
        "handler": ctx.handler,
        "handler_cap": ctx.handler[:1].upper() + ctx.handler[1:],
        "handler_obj": ctx.handler_obj,
        "cadence": ctx.cadence,
    }
    if cls == "inform":
        slot = "answer_inform"
    if slot in ("answer_do", "answer_do_request", "answer_question", "answer_inform"):
        phrase = ask_phrase(ask.text)
        if phrase is not None and ask.text == ctx.restated:
            slot = "answer_permission" if _for_themselves(phrase) else slot
            return templates.render(f"{slot}_plain", ctx.key, ctx.style, **fields), False
        if phrase is not None and slot != "answer_inform" and _for_themselves(phrase):
            slot = "answer_permission"  # they want to do something themselves: can they?
        said = templates.render(slot, ctx.key, ctx.style, ask=phrase, **fields) if phrase else ""
        if said and _safe(said, ctx):
            return said, False
        if cls in ctx.reuse:  # the draft's own line answers it ("we'll answer you by ...")
            return ctx.reuse[cls], False
        return templates.render(f"{slot}_plain", ctx.key, ctx.style, **fields), True
    return templates.render(slot, ctx.key, ctx.style, **fields), False


def _safe(sentence: str, ctx: AnswerContext) -> bool:
    """Their words said back must not make ours claim, promise or admit what we can't: the
    tone checker's error rules, and no cheer ("lol"), on the sentence alone."""
    found = check(
        sentence,
        config=ctx.tone,
        whole_reply=False,
        prior_contact=ctx.prior_contact,
        security=ctx.security or ctx.kind == "security",
    )
    return not errors(found) and not any(f.rule == "over-cheer" for f in found)


def _for_themselves(phrase: str) -> bool:
    """ "to pick it up", "whether you can collect it": the customer would act, not us."""
    return phrase.startswith("to ") or bool(re.match(r"whether you (?:can|could|may)\b", phrase))


def answer_asks(
    asks: tuple[Ask, ...], ctx: AnswerContext, templates: Templates
) -> tuple[tuple[str, str], ...]:
    """(ask, answering sentence) for every ask, in order. Two asks answered by the same sentence
    share it: the reply says it once. Asks none of whose words can be said back share one
    sentence too: three stock lines in a row ("As for what you've asked of us ...", "As for
    your question ...") read as a template answering nothing."""
    answered = [(a.text, *_answer(a, ctx, templates)) for a in asks]
    plain = [text for text, _, is_plain in answered if is_plain]
    if len(plain) < 2:
        return tuple((text, said) for text, said, _ in answered)
    slot = "answer_rest_plain" if len(plain) < len(answered) else "answer_all_plain"
    fields = {"callback": ctx.callback, "handler_obj": ctx.handler_obj}
    shared = templates.render(slot, ctx.key, ctx.style, **fields)
    return tuple((text, shared if is_plain else said) for text, said, is_plain in answered)


def new_sentences(answers: tuple[tuple[str, str], ...], already: str) -> list[str]:
    """The answering sentences not yet in the draft (``already``), each once, in ask order."""
    out: list[str] = []
    for _, sentence in answers:
        if sentence not in already and sentence not in out:
            out.append(sentence)
    return out
