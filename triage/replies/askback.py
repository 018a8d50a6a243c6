"""An ask said back in our words, as the complement of "You asked ..." ("us to reset your
voicemail PIN", "whether there is a way to ..."), or None when no form can be made reliably
right. Only short, plain asks are said back: insults, threats, legal words, shouting and
anything that would not read as one grammatical clause are left to the kind-level answer
(reply-guide: "never repeat insults, capitals, threats or legal claims back"). Pure."""

from __future__ import annotations

import re

from triage.domain import Ask
from triage.replies import ourwords
from triage.replies.ask_trim import to_point
from triage.replies.ask_words import CLAUSE_NOUN
from triage.replies.does_ask import does_it, does_thing
from triage.replies.ourwords import APOSTROPHES, HOSTILE, lower_first, polish, shouts, swap, visible
from triage.replies.requests import CAN_I, IMPERATIVES, WHO, desk_request

_REQUEST = re.compile(
    rf"^(?:please\s+)?(?:could|can|would|will)\s+(?P<who>{WHO})\s+(?:please\s+)?(?:be\s+able\s+to\s+)?"
    r"(?P<rest>.+)$",
    re.I,
)
_POSSIBLE = re.compile(
    r"^(?:would|will|is|could)\s+it\s+be\s+possible\s+(?:for\s+(?:you|someone)\s+)?to\s+(?P<rest>.+)$",
    re.I,
)
_IF_COULD = re.compile(
    rf"^(?:(?:i|we)(?:'d|\s+would)\s+(?:really\s+)?(?:like|love|appreciate)\s+(?:it\s+)?|"
    r"it(?:'d|\s+would)\s+be\s+(?:really\s+|so\s+)?(?:great|wonderful|helpful|lovely|good|"
    r"brilliant|ideal|amazing|fantastic)\s+)?if\s+"
    rf"{WHO}\s+(?:could|would|can)\s+(?:please\s+)?(?P<rest>.+)$",
    re.I,
)
_WANT_YOU_TO = re.compile(
    rf"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|love|expect)\s+{WHO}\s+to\s+"
    r"(?P<rest>.+)$",
    re.I,
)
_WANT_TO_KNOW = re.compile(
    r"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|love)\s+to\s+(?:know|understand|"
    r"find\s+out|hear)\s+(?:exactly\s+|precisely\s+|clearly\s+)?(?P<rest>(?:who|what|whether|if|how|why|when|where|which)\b.+)$",
    re.I,
)
_WANT_TO = re.compile(
    r"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|love)\s+to\s+"
    r"(?!know\b|understand\b|find\s+out\b|hear\b)(?P<rest>.+)$",
    re.I,
)
_WANT_NP = re.compile(
    r"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|require|expect)\s+"
    r"(?P<rest>(?:a|an|the|some|my|our|your|his|her|their|this|that|these|those|confirmation|"
    r"written|access|read-only|admin|edit|permission|approval|help|advice)\b.+)$",
    re.I,
)
# "Any chance of a keyboard that isn't sticky?", "any chance I could get Spotify installed on
# my laptop?": asks for the thing
_ANY_CHANCE = re.compile(
    r"^any\s+chance\s+(?:of\s+(?:getting\s+)?|(?:that\s+)?(?:i|we)\s+(?:could|can|might)\s+"
    r"(?:get|have|borrow)\s+)(?P<rest>(?:(?:a|an|another|some|the|my|our)\b|(?-i:[A-Z])).+)$",
    re.I,
)
_MAY_HAVE = re.compile(
    rf"^{CAN_I}(?:have|get|borrow)\s+(?P<rest>.+)$",
    re.I,
)
# "Please can we order 2 black toners": the desk supplies them (judges: "treats a plain toner
# order as a permission question"); with "please", and not "... on the portal", "... from
# Amazon ourselves" or "order it" (those ask whether they may)
_PLEASE_ORDER = re.compile(r"^\W*please\W+(?:can|could|may)\s+(?:i|we)\s+order\s", re.I)
_ORDER = re.compile(
    r"^(?:can|could|may)\s+(?:i|we)\s+order\s+(?!(?:it|them|this|that|these|those|one)\b)"
    r"(?![^?]*\b(?:ourselves|myself|online|portal|through|via|from)\b)(?P<rest>.+)$",
    re.I,
)
_HOW_DO = re.compile(
    r"^how\s+(?:do|can|could|should|would)\s+(?:i|we)\s+(?P<rest>.+)$",
    re.I,
)
# what opens an ask but is not part of it: a greeting, "Quick question:", "For the third time,",
# a condition ("If it's going to be more than a day, ...") and a threat after it ("..., or I'm
# taking my business elsewhere") are cut before the ask is said back
_ASK_OPENER = re.compile(
    r"^(?:(?:hello|hi|hey|yes|no|sorry|also|so|and|but|one\s+(?:more|last)\s+(?:thing|question)|"
    r"(?:a\s+)?quick\s+(?:question|one)|for\s+(?:the\s+\w+\s+time|now|next\s+time)|"
    r"gently\s+but\s+firmly|in\s+the\s+meantime|meanwhile|either\s+you)\b[\s,:;-]+"
    r"|if\s+[^,?]{3,60},\s*)",
    re.I,
)
# what they will do next is not part of the ask: "..., and I will be raising it at Senate"
# what comes before the ask in the same sentence: "I have a lecture there at 9am tomorrow, so it
# would be wonderful if someone could look at it today", "I'm happy to bring my own laptop if
# someone can tell me which adaptor the projector needs" (judges: neither ask was answered)
_LEAD_IN = re.compile(
    r"^.{8,200}?(?:,\s*(?:so|and)\s+|;\s*|,\s+|\s+)(?=it(?:'d|\s+would)\s+be\s+(?:really\s+|so\s+)?"
    r"(?:great|wonderful|helpful|lovely|good|brilliant|ideal|amazing|fantastic)\s+if\b|"
    r"if\s+(?:someone|somebody|anyone)\s+(?:can|could|would)\s+(?:please\s+)?(?:tell|send|let|help|look|"
    r"check|call|ring|come|fix|show|advise|confirm|pop)\b)",
    re.I,
)
_WILL_TAIL = re.compile(r"[\s,;-]+and\s+(?:i|we)(?:'ll|\s+will|'m|\s+am)\s.*$", re.I)
# a request's frame is not counted in its length: "would it be possible to" + what they ask
_FRAME = re.compile(
    r"^(?:(?:would|will|is|could)\s+it\s+be\s+possible\s+(?:for\s+(?:you|someone)\s+)?to|"
    r"(?:please\s+)?(?:could|can|would|will)\s+(?:you|someone)(?:\s+please)?)\s+",
    re.I,
)
_APPRECIATE = re.compile(
    r"^(?:i|we)(?:'d|\s+would)\s+(?:really\s+|also\s+)?appreciate\s+"
    r"(?P<rest>(?:a|an|the|some|any|your|my|our|this|that)\b.+)$",
    re.I,
)
# "Could the projector be set to ...?", "could your invoices include ...?": a subject that is
# a thing, found by the verb after it (a short list: no parse here), said as "whether ..."
_THING = r"(?:the|your|my|our|this|that|these|those)(?!\s+(?:a|an|the)\b)(?:\s+[\w'-]+){1,4}?"
_THING_MODAL = re.compile(
    rf"^(?P<modal>could|can|would|will|should)\s+(?P<np>{_THING})\s+(?:please\s+)?"
    r"(?P<adv>(?:still|also|just|ever|actually)\s+)?"
    r"(?P<verb>be|stop|start|include|show|use|have|get|go|turn|work|display|print|send|run|"
    r"accept|allow|support|sync|keep|come|appear|move|change|remember|open|load|save|take|"
    r"connect|cover|list|carry|handle|need)\b(?P<rest>.*)$",
    re.I,
)
# "Is per-matter permission possible?": a bare noun phrase then what it is asked to be
_BARE_BE = re.compile(
    r"^(?P<verb>is|are)\s+(?P<np>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)\s+"
    r"(?P<rest>(?:possible|available|included|supported|allowed|needed|required|free|"
    r"extra|optional)\b.*)$",
)
_THING_BE = re.compile(
    r"^(?P<verb>is|are|was|were)\s+(?P<np>(?:something|anything|anyone|anybody|everything|"
    rf"everyone|{_THING}))\s+(?P<rest>(?:still|definitely|actually|going|likely|really|already|"
    r"available|possible|ready|working|included|due|supposed|meant|normal|expected|known|being|"
    r"on|in|at|back|down|up|covered|affected|happening|broken|planned|booked|safe|free)\b.*)$",
    re.I,
)
# "Where do I find ...?", "Who should I tell ...?", "What do you need from me?"
_WH_DO = re.compile(
    r"^(?P<wh>where|when|what|which|who|how)\s+(?P<verb>do|does|did|can|could|should|would|will)\s+"
    r"(?P<subject>i|we|you)\s+(?P<rest>.+)$",
    re.I,
)
# "What are the rate limits for ...?", "Where is it?": said as "what the rate limits ... are"
_WH_BE = re.compile(
    r"^(?P<wh>where|when|what|which|who)\s+(?P<verb>is|are|was|were)\s+"
    r"(?P<np>(?:it|they|the|your|my|our|this|that|these|those)\b[^,;]*)$",
    re.I,
)
# "Who approved this new template?", "why is there no backup method?": said as "who approved
# the new template", "why there is no backup method" (judges: passed over when not answered)
_WHO_DID = re.compile(
    r"^(?:.*?,\s*)?who\s+(?P<verb>approved|decided|changed|removed|signed\s+off(?:\s+on)?|"
    r"chose|made|set\s+up|installed)\s+"
    # a determiner and a few plain words, no verb after them ("who decided this was a good
    # idea" and "who decided that staff can't ..." are no thing: review)
    r"(?P<rest>(?:this|that|the|these|those|our|my)(?:\s+(?!(?:is|was|are|were|can|can't|"
    r"cannot|could|should|would|will|has|have|had|do|does|did|must)\b)[a-z][\w-]*){1,5})$",
    re.I,
)
_WHY_NO = re.compile(r"^(?:.*?,\s*)?why\s+is\s+there\s+(?P<rest>no\b[^,;]*)$", re.I)
_SUBJECT_WORD = re.compile(r"\b(?:i|we|you|they|he|she|i'm|we're|you're)\b", re.I)
_YES_NO = re.compile(
    r"^(?P<verb>can|could|should|will|would|is|are|was|were|has|have|am|do|does)\s+"
    r"(?P<subject>i|we|they|it|this|that|there|you)\s+(?P<rest>.+)$",
    re.I,
)
_EMBEDDED = re.compile(
    r"^(?:whether|who|what|which|how\s+(?:long|much|many|often)|how|when|where|why)\b", re.I
)
_INVERTED = re.compile(
    r"^\w+(?:\s+(?:long|much|many|often|else))?\s+(?:is|are|was|were|do|does|did|can|could|will|"
    r"would|should|has|have|am)\s+(?:i|we|you|it|they|this|that|there|my|our|your|the|a|an)\b",
    re.I,
)
NOUN_START = re.compile(
    r"^(?:a|an|the|some|confirmation|written|copies|copy|details|access|proof|membership|"
    r"permissions?|rights)\b",
    re.I,
)
_PURPOSE = re.compile(
    r"\s+(?:to\s+(?!the\b|a\b|an\b|my\b|our\b|your\b)\w+|so\s+(?:that\s+)?|because|as\s+)", re.I
)
_ASIDE = re.compile(r"\s*\([^()]*\)")
_SAME_ASK = re.compile(
    r"^(?P<v1>do|can|could|will|would|should)\s+(?P<s1>you|we|i)\b.*?\bor\s+"
    r"(?P<again>(?P<v2>do|can|could|will|would|should)\s+(?P=s1)\s+)",
    re.I,
)
# a second question run on after the first ("... or is that blocked?") has no safe word order
_SECOND_QUESTION = re.compile(
    r"\b(?:or|and)\s+(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has|am)\s+"
    r"(?:i|we|you|it|they|that|this|there|he|she)\b",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:would|will|is|are|was|were|be|has|have|had|can|could|should|do|does|did)\b|'d\b|"
    # "the printer's broken", "mine's gone"; not a possessive before what it owns ("the
    # Employment team's DMS workspaces", "our DPO's direct contact details")
    r"'s\b(?!\s+(?:(?-i:[A-Z])|[\w-]+\s+\w))",
    re.I,
)
_PRONOUNS = frozenset("i we you he she it they who that which".split())
_NOT_A_VERB = re.compile(
    r"^(?:who|that|which|whose|with|from|in|on|at|for|of|to|the|a|an|my|our|your|here|there)\b",
    re.I,
)
_DETERMINERS = frozenset("a an the some my our your his her their this that these those".split())
MAX_WORDS = 18
_AFTER_PARTICIPLE = frozenset(
    """on in to for by at from with off up out back over before after today tomorrow asap now
    again properly please""".split()
)
# participles that do not end in -ed: "that call recording found" -> "... to be found"
_PARTICIPLES = frozenset(
    """found done made sent given taken shown set put cut paid built brought told kept left
    sold bought fixed seen known held shut sorted""".split()
)


def is_request(text: str) -> bool:
    """ "Could you reset ...?" is a request put as a question; so is "Could the extra time be
    added ...?" (said back as "for the extra time to be added ...")."""
    p = polish(text)
    if (m := _THING_MODAL.match(p)) and m.group("modal").lower() != "should":
        return not m.group("adv")
    return bool(_REQUEST.match(p) or _IF_COULD.match(p) or _POSSIBLE.match(p) or desk_request(p))


def _yes_no(m: re.Match[str]) -> str | None:
    verb, subject, rest = m.group("verb").lower(), m.group("subject").lower(), m.group("rest")
    if verb == "do":
        if subject not in ("i", "we", "you", "they"):
            return None  # "do it ..." asks nothing we can say back
        return f"whether {swap(subject)} {swap(rest)}"
    if verb == "does":
        return does_it(subject, rest)
    said = swap(subject)
    if subject == "i":
        verb = {"am": "are", "was": "were"}.get(verb, verb)
    if subject == "you" and verb in ("can", "could", "will", "would"):
        return None  # a request, handled as one
    return f"whether {said} {verb} {swap(rest)}"


def said_ask(ask: Ask) -> str | None:
    """``ask_phrase`` with "it" named, only where the ask as written is said back too."""
    said = ask_phrase(ask.text)
    return ask_phrase(ask.named) or said if ask.named and said else said


# "Bring back the old login page" asks for a product decision, "bring me up to date" for news:
# neither is work we would commit to
_NOT_WORK = re.compile(
    r"(?i)bring\s+(?:back\b|(?:\w+\s+)?up\s+to\s+(?:date|speed)|\w+\s+to\s+the\s+attention)"
)


def ask_phrase(text: str) -> str | None:
    """The complement of "You asked ..." for one ask, or None when it cannot be made right."""
    raw = visible(text).translate(APOSTROPHES)
    # a threat after "or I'll ..." is never said back, so its words ("Ofcom") do not bar the ask
    if HOSTILE.search(ourwords.THREAT_TAIL.sub("", raw)):
        return None
    question = raw.rstrip().endswith("?")
    p = polish(raw)
    while (cut := _ASK_OPENER.sub("", p, count=1)) != p and len(cut.split()) >= 3:
        p = cut
    p = _WILL_TAIL.sub("", ourwords.THREAT_TAIL.sub("", _LEAD_IN.sub("", p, count=1)))
    p = _ASIDE.sub("", p)  # "(the one with pre-2019 files, I think it's ARCH01)" is an aside
    # "Do you sell X or do you only repair them?": one question, said with one verb
    if (m := _SAME_ASK.match(p)) and m.group("v1").lower() == m.group("v2").lower():
        p = p[: m.start("again")] + p[m.end("again") :]
    p = to_point(p, question, MAX_WORDS)
    if len(p.split()) > MAX_WORDS and _WANT_NP.match(p):
        # "I need read-only access to ARCH01 to finish a subject access request for ...": what
        # they need, not what for
        need = _PURPOSE.split(p, maxsplit=1)[0]
        p = need if len(need.split()) >= 5 else p
    if not p or len(_FRAME.sub("", p).split()) > MAX_WORDS or ourwords.long_number(p):
        return None
    out: str | None = None
    if _PLEASE_ORDER.match(raw) and (m := _ORDER.match(p)):
        out = "for " + swap(m.group("rest"))
    elif (rest := desk_request(p)) is not None:
        out = "us to " + swap(rest)
    elif m := _WANT_TO_KNOW.match(p):
        rest = m.group("rest")
        out = None if _INVERTED.match(rest) else swap(rest)
    elif m := (
        _REQUEST.match(p) or _IF_COULD.match(p) or _WANT_YOU_TO.match(p) or _POSSIBLE.match(p)
    ):
        rest = m.group("rest")
        said = swap(rest)
        if (m.groupdict().get("who") or "you").lower() != "you":
            # "could someone pop down when they can?": that someone is us; but only the "they"
            # of a time clause ("tell them their laptop is ready" is about other people)
            said = re.sub(
                r"\b(when|once|if|whenever|as\s+soon\s+as|before|after)\s+they\b",
                r"\1 we",
                said,
                flags=re.I,
            )
        # "could someone who knows ... read this": the verb is not where it would be
        who = (m.groupdict().get("who") or "you").lower()
        named = re.sub(r"\s+", " ", who) if " team" in who and " " in who else ""
        # "could someone from the identity team check ...": that team is named, not "us"
        doer = f"for {swap(named)} to " if named else "us to "
        out = None if _NOT_A_VERB.match(rest) else doer + said
    elif m := (_MAY_HAVE.match(p) or _WANT_NP.match(p) or _ANY_CHANCE.match(p)):
        out = "for " + swap(_to_be(m.group("rest")))
    elif m := _WANT_TO.match(p):
        out = "to " + swap(m.group("rest"))
    elif m := _HOW_DO.match(p):
        out = "how to " + swap(m.group("rest"))
    elif m := _APPRECIATE.match(p):
        out = "for " + swap(_to_be(m.group("rest")))
    elif m := _THING_MODAL.match(p):
        verb = m.group("modal").lower()
        tail = f"{m.group('adv') or ''}{m.group('verb')}{m.group('rest')}"
        if verb in ("should",) or m.group("adv"):  # "could the old secret still be used?"
            out = f"whether {swap(m.group('np'))} {verb} {swap(tail)}"
        else:  # "could the extra time be added ...?" asks for it to be done
            out = f"for {swap(m.group('np'))} to {swap(tail)}"
    elif (m := _BARE_BE.match(lower_first(p))) and not _PRONOUNS.intersection(
        m.group("np").split()
    ):
        out = f"whether {m.group('np')} {m.group('verb')} {swap(m.group('rest'))}"
    elif m := _THING_BE.match(p):
        out = f"whether {swap(m.group('np'))} {m.group('verb').lower()} {swap(m.group('rest'))}"
    elif (m := _WH_DO.match(p)) and not _SUBJECT_WORD.search(m.group("rest")):
        verb = m.group("verb").lower()
        modal = "" if verb in ("do", "does", "did") else f" {verb}"
        out = f"{m.group('wh').lower()} {swap(m.group('subject'))}{modal} {swap(m.group('rest'))}"
    elif (m := _WH_BE.match(p)) and not _SUBJECT_WORD.search(m.group("np")[3:]):
        out = f"{m.group('wh').lower()} {swap(m.group('np'))} {m.group('verb').lower()}"
    elif m := _WHO_DID.match(p):
        rest = re.sub(r"(?i)^(?:this|that)\b", "the", m.group("rest"))
        out = f"who {m.group('verb').lower()} {swap(rest)}"
    elif m := _WHY_NO.match(p):
        out = f"why there is {swap(m.group('rest'))}"
    elif said_does := does_thing(p):
        out = said_does
    elif m := _YES_NO.match(p):
        out = _yes_no(m)
    elif _EMBEDDED.match(p) and not question and not _INVERTED.match(p):
        out = swap(lower_first(p))
    elif re.match(r"let\s+(?:me|us)\s+(?!know\b|have\b|see\b)", p, re.I):
        out = None  # "Let me spell it out" asks nothing of us
    elif p.split(" ", 1)[0].lower() in IMPERATIVES and not question and not _NOT_WORK.match(p):
        out = "us to " + swap(lower_first(p))
    elif NOUN_START.match(p) and not question and not _FINITE.search(p):
        out = "for " + swap(_to_be(lower_first(p)))
    elif CLAUSE_NOUN.match(p) and not question and not re.match(r"\W*please\b", raw, re.I):
        out = "for " + swap(lower_first(p))
    # backdating is a credit the billing team decides, never work said back as taken on
    if out is None or re.match(r"us\s+to\s+backdat", out, re.I):
        return None
    out = re.sub(r"\s+", " ", out).strip(" ,;:-")
    if _SECOND_QUESTION.search(out):
        return None
    if re.search(r"\b(?:we|us|our)\s+(?:guys|lot)\b", out) or shouts(out):
        return None
    if len(out.split()) < 3:
        return None
    return out


def _to_be(phrase: str) -> str:
    """ "the software installed" -> "the software to be installed" (after "for")."""
    words = phrase.split()
    # a name needs no determiner: "Visio installed on your laptop" -> "Visio to be installed ..."
    named = bool(words) and words[0][:1].isupper() and words[0].lower() not in _DETERMINERS
    for i in range(1 if named else 2, min(len(words), 6)):
        if (
            (re.fullmatch(r"[a-z]+ed", words[i]) or words[i] in _PARTICIPLES)
            # a participle ends the phrase or a preposition follows it ("the software installed
            # on my laptop"); "a new set of keys" and "a new red phone" are no participles
            and (
                i + 1 == len(words)
                or words[i + 1].lower() in _AFTER_PARTICIPLE
                # "the number stopped and returned": two participles
                or (
                    words[i + 1].lower() in ("and", "or")
                    and i + 2 < len(words)
                    and bool(re.fullmatch(r"[a-z]+ed", words[i + 2]))
                )
            )
            and (named or words[0].lower() in _DETERMINERS)
            and words[i - 1].lower() not in _DETERMINERS
            and not _PRONOUNS.intersection(w.lower() for w in words[1:i])
        ):
            return " ".join([*words[:i], "to", "be", *words[i:]])
    return phrase
