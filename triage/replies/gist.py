"""The email's problem said back in our words: the thing it is about, in the customer's words
("the receipt printer", "your smartcard reader"), and its trouble in the desk's ("is down
again", "keeps dropping out", "you can't get into"), from the vocabulary of
triage/replies/vocabulary.py.

Blind judges found most restatements empty ("something has gone wrong that needs sorting out")
or the customer's sentence pasted back; a help-desk agent names the thing and what is wrong with
it in a few plain words ("Down again. Whole house offline." -> "your internet connection is
down"; "staff room copier jamming (again)" -> "the staff room copier keeps jamming"). The subject line is read first (a headline of the problem), then the first sentences.
A trouble is said only of a thing in the same sentence (or, when the sentence says "it", of the
thing the sentence before it or the subject line names), and only of a thing it fits (no "keeps
dropping out" of a bill). None when nothing fits. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.replies.chase_words import ABOUT_THE_CHASE, CHASED_AGAIN, is_letter
from triage.replies.detail import since_in
from triage.replies.kb_files import Problem
from triage.replies.ourwords import BRANDS, KEEP_CAPS, PEOPLE, SENTENCE, SPELLED
from triage.replies.vocabulary import Thing, Trouble, Vocabulary
from triage.subjects import bare_subject

FIRST_SENTENCES = 3  # the problem is stated near the top; later ones are detail or history
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|dear|good\s+(?:morning|afternoon|evening)|morning|afternoon)\b"
    r"[^.!?\n]{0,40}[,!]?\s*$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")
# words that are not part of a thing's name ("fix the fan": "fix" and "the" are not the fan)
_STOP = frozenset(
    """a an the my our your his her their its this that these those is are was were be been
    has have had do does did and or but to of in on at for with from by it i we you they he
    she all every any no not still just again also so then now very really only even
    can can't cannot won't will would could should keeps keep kept being get got getting
    why what when where how which who there here some one two three yet since after before
    about as if than please hi hello hey dear up down off out over new says said saying
    showing tells told displays""".split()  # "AutoCAD says licence expired" (not "claims")
)
_DETERMINERS = {"my": "your", "our": "your", "your": "the", "the": "the", "this": "the"}
_DETERMINERS |= {"his": "his", "her": "her", "their": "the"}
_AGAIN = re.compile(r"\b(?:again|once more|keeps? happening|back again|yet again)\b", re.I)
_IT = re.compile(r"\b(?:it|it's|its|they|they're|this|that)\b", re.I)
# (the pronoun right before it: "Outlook since we moved offices keeps crashing" is Outlook's)
_CAUSE = re.compile(r"\b(?:after|because|since|as|when)\s+(?:you|we|they|he|she|i)\s+$", re.I)
# who has a person's trouble ("Our accountant can't access ..."): a person word just before
_PEOPLE = re.compile(rf"\b(?:(my|our|the)\s+)?({'|'.join(sorted(PEOPLE))}|new\s+starter)\s*$", re.I)
_AND = re.compile(r"\s*(?:and|&)\s*(?:the\s+|my\s+|our\s+)?", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no\s+longer|\w+n't)\s+(?:\w+\s+)?$", re.I)
_NEGATION = re.compile(r"(?:not|never|no|\w+n't)\b", re.I)
_BETWEEN = re.compile(
    r"\s*(?:(?:on|with|of|in|from|for|to)\s+)?(?:the|my|our|your|a)?\s*(?:\d+\s+)?", re.I
)
# a word before a noun that makes it a verb: "to email you", "I'll text you"
_VERB_BEFORE = frozenset(
    "to i we you they please will 'll can could would should can't don't didn't".split()
)
_AFTER_PREPOSITION = re.compile(
    # (not "with" or "for": "trouble with my laptop. It won't turn on." is about the laptop)
    r"\b(?:on|in|at|from|of|into|onto|via|through|than)\s+(?:(?:the|my|our|your|a|an|"
    r"this|that|these|those|their|his|her)\s+)?(?:[\w'-]+\s+){0,2}$",
    re.I,
)
_LIKE = re.compile(r"\b(?:like|as\s+if|as\s+though)\s+(?:a|an|the|some)?\s*$", re.I)
# a speed test's figure ("31-38Mb down, 9 up"): "down" is the direction, no outage (judges:
# "restates 'the Wi-Fi is down' when he reports slow wired speeds")
_FIGURE = re.compile(r"\d\s*(?:mb|mbps|mbit|meg|gb|kb)\w*(?:/s)?\s*$", re.I)
_OF = re.compile(r"\s+(?:on|of)\s+(?:the\s+|my\s+|our\s+|your\s+|their\s+|his\s+|her\s+)?", re.I)
_CURRENCY = frozenset("£$€")
# "channel 412", "Room 4"; not "internet 5 days" or "printer 3 times"
_NUMBER = re.compile(
    r" \d+[A-Za-z]?\b(?!\s*(?:days?|hours?|hrs?|weeks?|months?|years?|minutes?|mins?|times?|"
    r"mbps|gb|mb|%|am|pm|users?|people|staff))",
    re.I,
)
_SINGULAR_S = frozenset("access series news teams bus class glass address status lens".split())


@dataclass(frozen=True, slots=True)
class Gist:
    """The problem in our words, and how much it says."""

    text: str  # "the staff room copier keeps jamming"
    head: str  # the thing's own word, lower-cased ("copier"), to compare with other readings
    generic: bool  # a trouble that says little ("has stopped working"): detail may beat it
    thing: str = ""  # the vocabulary's ids: what a knowledge-base entry says it answers
    trouble: str = ""
    again: bool = False  # the email says the trouble is back ("down again")
    about: str = ""  # the thing in the customer's words ("the staff room copier")

    def answered_by(self, problems: tuple[Problem, ...], text: str) -> bool:
        """Whether one of an entry's "things: troubles @ where" patterns names this problem
        in this email (``text``: its subject and newest text)."""
        return any(
            (things.fullmatch(self.thing) or things.fullmatch(self.head))
            and troubles.fullmatch(self.trouble)
            and (where is None or where.search(text) is not None)
            for things, troubles, where in problems
        )


# troubles that say little about what is wrong: a clean clause of the customer's about the
# same thing says more ("the printer still won't print double-sided from any PC")
_GENERIC = frozenset({"not-working", "down-device", "print-quality", "error", "flickering"})


@dataclass(frozen=True, slots=True)
class _Found:
    thing: Thing
    start: int  # where the thing's words start in the sentence
    end: int
    said: str  # "the receipt printer"
    plural: bool
    head: str = ""


def email_gist(text: str, kind: str, vocab: Vocabulary) -> Gist | None:
    """The problem of an email read as ``kind``: a chase or a complaint is about how it was
    handled, so only its opening names the problem (a slow line mentioned under "8am to 6pm
    appointment window??" is a side detail). Worked out once per draft (``Draft.gist``)."""
    if kind in ("chase", "policy_complaint"):
        return gist(text, vocab, 1, chasing=True)
    return gist(text, vocab)


def gist(
    text: str, vocab: Vocabulary, sentences: int = FIRST_SENTENCES, *, chasing: bool = False
) -> Gist | None:
    """The problem in our words ("your laptop has stopped working again"), or None; from the
    subject line and the first ``sentences`` of the body (``chasing``: after any short opening
    about the chase itself, "Fourth email on this.")."""
    if not vocab.troubles or not vocab.things:
        return None
    subject, _, body = text.partition("\n")
    subject = bare_subject(subject)
    first = [s for s in SENTENCE.split(body) if s.strip() and not _GREETING.match(s)]
    while chasing and len(first) > sentences and ABOUT_THE_CHASE.search(first[0]):
        first = first[1:]
    first = first[:sentences]
    earlier: list[_Found] = _things(subject, vocab, headline=True)
    named = False
    vague: Gist | None = None
    for n, sent in enumerate([subject, *first]):
        found = _things(sent, vocab, headline=n == 0)
        said = _said(sent, found, earlier if n > 0 else [], vocab, subject)
        # a later trouble that says more of the same thing beats one that says little ("VPN
        # error 809" / "VPN won't connect"; not "The printer is broken. My laptop is slow")
        if said and not said.generic and (vague is None or said.head == vague.head):
            return said
        vague = vague or said
        # "it"/"they" in the next sentence is what this one is about, not a thing after a
        # preposition ("They appear on the payslips. But they're missing from the export":
        # the codes are missing, not the payslips)
        if found:
            earlier = [f for f in found if not _AFTER_PREPOSITION.search(sent[: f.start])]
        # a thing no trouble is said of ("password") names nothing a trouble could be about
        named = named or any(f.thing.group in vocab.sayable for f in found)
    if vague is not None or named:
        return vague
    # "Locked out after too many password attempts": nothing named, the trouble says enough
    for sent in [subject, *first]:
        for trouble in vocab.troubles:
            if trouble.alone and trouble.words.search(sent):
                return Gist(trouble.alone, "", False, "account", trouble.id)
    return None


def _said(
    sent: str, found: list[_Found], earlier: list[_Found], vocab: Vocabulary, subject: str
) -> Gist | None:
    for trouble in vocab.troubles:
        m = trouble.words.search(sent)
        if m is None:
            continue
        if _NEGATED.search(sent[: m.start()]) and not _NEGATION.match(m.group(0)):
            continue  # "things that aren't broken", "it's not slow", "I haven't clicked it"
        if not trouble.say[0]:
            # said the same whatever it is about ("you opened a link in a message that may
            # not be genuine"): the link is no thing to say a trouble of
            return Gist(trouble.alone, "", False, "", trouble.id)
        if m.group(0).lower() == "down" and _FIGURE.search(sent[: m.start()]):
            continue
        if _LIKE.search(sent[: m.start()]):
            continue  # "it looks like a ransom note": a figure of speech, not the trouble
        fits = [f for f in found if not trouble.groups or f.thing.group in trouble.groups]
        if trouble.person:
            # "can't log in to the volunteer scheduling system" (right after), "Teams keeps
            # signing me out" (before); not "locked out after too many password attempts"
            after = [
                f
                for f in fits
                if f.start >= m.end() and _BETWEEN.fullmatch(sent[m.end() : f.start])
            ]
            before = [f for f in fits if f.end <= m.start()]
            pick = after[0] if after else (before[-1] if before else None)
        else:
            before = [f for f in fits if f.end <= m.start()]
            # "No internet", "no signal on the TV": a thing after its trouble only inside it,
            # or right after it ("missing I have to email you" is no missing email)
            near = [
                f
                for f in fits
                if f.start >= m.start()
                and (f.start < m.end() or _BETWEEN.fullmatch(sent[m.end() : f.start]))
            ]
            pick = before[-1] if before else (near[0] if near else None)
            if pick in before and _CAUSE.search(sent[pick.end : m.start()]):
                pick = None  # "a refund in January after you double-charged me": not its trouble
            held = [f for f in before if pick and _OF.fullmatch(sent[f.end : pick.start])]
            if pick is not None and held and pick.thing.group != "part":
                # "mouse on reception pc keeps freezing": the mouse, on the reception PC
                # (judges: "misreads a freezing mouse as a freezing PC")
                on = f"{held[-1].said} on {_owned(pick.said)}"
                first = held[-1]
                pick = _Found(first.thing, first.start, pick.end, on, first.plural, first.head)
        if pick is None and _IT.search(sent[: m.start()] or sent):
            # "Paid you to fix the fan. It now sounds like a hairdryer": the fan
            prior = [f for f in earlier if not trouble.groups or f.thing.group in trouble.groups]
            pick = prior[-1] if prior else None
        if pick is None:
            continue
        whole = [f for f in fits if f.start > pick.end and _OF.fullmatch(sent[pick.end : f.start])]
        if whole and (pick.thing.group == "part" or pick.start < m.end() and m.start() < pick.end):
            # "Ransom screen on the family PC", "the sound on my laptop": the PC, the laptop;
            # but "the app on my iPad keeps crashing" is the app, "mouse on reception pc" the
            # mouse (judges: "says his iPad keeps crashing when it's the app")
            pick = whole[0]
        elif whole and pick.thing.group != whole[0].thing.group:
            # "the app on your iPad": where it is, said with it
            on = f"{pick.said} on {_owned(whole[0].said)}"
            pick = _Found(pick.thing, pick.start, whole[0].end, on, pick.plural, pick.head)
        if pick.start < m.end() and m.start() < pick.end:
            # "Pixelated channels": the trouble's words are not the thing's name
            cut = re.sub(rf"\b{re.escape(m.group(0))}\s+", "", pick.said, flags=re.I)
            pick = _Found(pick.thing, pick.start, pick.end, cut, pick.plural, pick.head)
        said, again = _sentence(trouble, pick, sent, m, subject)
        generic = trouble.id in _GENERIC
        return Gist(said, pick.head, generic, pick.thing.id, trouble.id, again, pick.said)
    return None


def _owned(said: str) -> str:
    """ "the reception PC" as theirs ("your reception PC"); a place stays "the"."""
    if re.search(r"\b(?:site|office|floor|building|ward|network|house|home|branch|school)$", said):
        return said
    return re.sub(r"^the ", "your ", said)


def _sentence(
    trouble: Trouble, thing: _Found, sent: str, m: re.Match[str], subject: str
) -> tuple[str, bool]:
    """The thing and its trouble as a clause, and whether the email says it is back."""
    # "again" of this trouble: in the subject line or right after it ("has died AGAIN"), not
    # anywhere in a long sentence ("... keeps losing it and finding it again")
    # (not "ticket closed AGAIN", "chasing again": what is back is our failure, not the fault)
    told = _AGAIN.search(subject) and not CHASED_AGAIN.search(subject)
    again = bool(_AGAIN.search(sent, m.end(), m.end() + 25) or told)
    if trouble.person:
        who, plural = _who(sent[: m.start()])
        verb = trouble.say[1 if plural else 0]
        return f"{who} {verb} {thing.said}", again
    verb = trouble.say[1 if thing.plural else 0]
    if again and trouble.again:
        return f"{thing.said} {verb} again", again
    since = since_in(sent[m.start() :], how_long=True)
    if since and re.match(r"(?:is|are) ", verb):
        perfect = "has been" if verb.startswith("is") else "have been"
        return f"{thing.said} {perfect} {verb.split(' ', 1)[1]} {since}", again
    return f"{thing.said} {verb}", again


def _who(before: str) -> tuple[str, bool]:
    """Who has a person's trouble: "your accountant" of "Our accountant can't access ...",
    else "you" (plural agreement)."""
    m = _PEOPLE.search(before.strip())
    if m is None:
        return "you", True
    det = (m.group(1) or "").lower()
    noun = m.group(2).lower()
    owner = "the" if det == "the" else "your"
    plural = noun.endswith("s") or noun == "staff"
    return f"{owner} {noun}", plural


# the address or device the email was written from is not what is broken
_WRITING_FROM = re.compile(
    r"\b(?:writing|emailing|e-mailing|sending\s+this|replying|messaging|contacting\s+you)\s+"
    r"(?:(?:to\s+)?you\s+)?(?:this\s+)?from\s+(?:my|a|an|our|her|his|their)\s+(?:[\w'-]+\s+){0,2}$",
    re.I,
)


def _things(sent: str, vocab: Vocabulary, headline: bool = False) -> list[_Found]:
    """The things a sentence names, in order, each with the customer's words before it (a
    subject line's capitals are a headline's, not names: "Boardroom Video Conferencing")."""
    out: list[_Found] = []
    for thing in vocab.things:
        for m in thing.words.finditer(sent):
            before = sent[: m.start()].split()
            if before and before[-1].lower() in _VERB_BEFORE:
                continue
            if sent[: m.start()].count('"') % 2:
                continue  # inside a quotation ("drive encryption recovery key"): their words
            if (
                sent[m.start() - 1 : m.start()] == "-"
                and sent[m.start() - 2 : m.start() - 1].isalpha()
            ):
                # "voicemail-to-email": the whole name, never "the voicemail-to- email"
                at = sent.rfind(" ", 0, m.start()) + 1
                whole = f"the {sent[at : m.end()]}"
                out.append(_Found(thing, at, m.end(), whole, False, m.group(0).lower()))
                continue
            if _WRITING_FROM.search(sent[: m.start()]):
                continue  # "Writing from my personal email because I can't get into anything"
            if m.group().lower().replace("-", "").startswith("email") and is_letter(
                sent, m.start(), m.end()
            ):
                continue
            out.append(_named(thing, sent, m, headline))
    out.sort(key=lambda f: f.start)
    # one mention one thing: "wifi router" is the router, not the Wi-Fi as well
    kept: list[_Found] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            if f.end > kept[-1].end:
                kept[-1] = f
            continue
        if kept and _AND.fullmatch(sent[kept[-1].end : f.start]):
            # "printer and scanner": one subject, both named, plural
            first = kept[-1]
            second = (
                re.sub(r"^(?:the|your) ", "", f.said)
                if first.said.startswith(("the ", "your "))
                else f.said
            )
            both = f"{first.said} and {second}"
            kept[-1] = _Found(first.thing, first.start, f.end, both, True, first.head)
            continue
        kept.append(f)
    return kept


def _named(thing: Thing, sent: str, m: re.Match[str], headline: bool) -> _Found:
    """The thing with the customer's words before it ("receipt printer"), up to two."""
    mods: list[str] = []
    det = ""
    start = m.start()
    for w in reversed(list(_WORD.finditer(sent[: m.start()]))[-3:]):
        low = w.group(0).lower()
        if sent[w.end() : start].strip():
            break  # punctuation between: not one name
        if low in _DETERMINERS:
            det = _DETERMINERS[low]
            break
        if (
            low in _STOP
            or len(mods) == 3
            or low.endswith("'s")
            or sent[w.start() - 1 : w.start()] == "@"
        ):
            break
        mods.insert(0, _as_written(w.group(0), headline or w.start() == 0))
        start = w.start()
        if sent[start - 1 : start] in _CURRENCY:  # "£60 refund"
            mods[0] = sent[start - 1] + mods[0]
            start -= 1
    word = m.group(0).lower()
    head = _as_written(m.group(0), headline or m.start() == 0)
    end = m.end()
    if number := _NUMBER.match(sent, m.end()):  # "channel 412": a name, no "the"
        head, end = head + number.group(0), number.end()
        if not mods and det in ("", "the"):
            return _Found(thing, start, end, head, False, word)
    # "DMS", "CRMS": one system; "PHONES" in a shouted subject is phones
    acronym = m.group().isupper() and (len(m.group()) <= 4 or m.group() in KEEP_CAPS)
    plural = word.endswith("s") and not word.endswith("ss") and word not in _SINGULAR_S
    plural = plural and not acronym
    if thing.said:
        return _Found(thing, start, end, thing.said, False, word)
    if not mods and not det and word in BRANDS:
        return _Found(thing, start, end, head, False, word)  # "Teams", not "the Teams"
    owner = det or ("your" if thing.own else "the")
    return _Found(thing, start, end, " ".join([owner, *mods, head]), plural, word)


def _as_written(word: str, opening: bool) -> str:
    """A brand, a name or an acronym keeps its capitals ("Outlook", "Eastfield", "VPN"); a
    shouted or a sentence-opening word does not ("LAPTOP", "SITE", "Printer")."""
    if word in SPELLED:
        return SPELLED[word]  # "ipad" is "iPad"
    if word.isupper() and len(word) > 1:
        return word if word in KEEP_CAPS else word.lower()  # PC, VPN, SSO
    if word[:1].isupper() and word[1:].islower() and word.lower() not in BRANDS:
        return word.lower() if opening else word
    return word
