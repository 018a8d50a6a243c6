"""What the email says the customer already did, as phrases to hold a fix's steps against
(reply-guide: never tell them to do what they say they did). Pure.

The reading's ``tried`` keeps the steps it is sure of; the fix needs more, because a step that
repeats what they did is a wrong fix to the judges whatever else the draft gets right (fresh
check emails, 2026-12-06: safe mode after "Opening in Safe Mode", the junk folder after
"checked spam, junk, quarantine", the police after "we've reported it to the police"). So
here every deed said in the past counts (one deed a phrase; not one supposed or asked about),
every item of a "What I've tried:" list, and what they ask not to be told again.
``parts.untried`` then drops a step that shares two content words with one. The reader's
``tried`` (parse-based, measured in issue 14) and ``evidence.says_done`` overlap with this:
one detector in the reader is the cleaner design, left for a session that re-measures it.
"""

from __future__ import annotations

import re

from triage.reading.tried import tried_list
from triage.replies.ourwords import APOSTROPHES

# the verbs of a deed, in the past: "I've checked ...", "we have already reported it ..."
_VERBS = (
    r"(?:tried|checked|cleared|selected|reported|swapped|repaired|reinstalled|re-installed|"
    r"updated|reset|followed|restarted|rebooted|unplugged|replaced|changed|plugged|moved|"
    r"disabled|enabled|removed|deleted|held|pressed|saved|copied|signed\s+out|logged\s+out)"
)
# with "I"/"we" before it; not "I haven't tried" (no "not" fits between the subject and the
# verb), "I'll check" or "I'd tried it on my old PC" ("'d" is as often "would")
_DID = re.compile(
    rf"\b(?:i|we)(?:'ve|\s+have|\s+had)?\s+(?:already\s+|also\s+|just\s+|even\s+|both\s+)?"
    rf"{_VERBS}\b[^.!?\n;]{{3,120}}",
    re.I,
)
# "(checked spam, junk, quarantine)", "Checked the cables - all fine": the verb without "I";
# "Unplugged it for 30 secs like the website said", "Restarting it AGAIN." (a restart step
# after them was a wrong fix: review, session 19); not "reset", which opens a request too
_BARE = re.compile(
    r"(?:^|[(\n]|[.!?]\s+)\s*(?:already\s+)?(?:tried|checked|cleared|restarted|rebooted|"
    r"reinstalled|swapped|reported|unplugged|power[- ]cycled|(?:turned|switched)\s+it\s+off|"
    r"restarting|rebooting|unplugging)\s[^.!?\n;)]{3,120}",
    re.I,
)
# a piece after a join that is a deed of its own ("..., and restarted the router"), not what
# happened ("but it still freezes", "and it works")
_PIECE_DID = re.compile(
    rf"^(?:(?:i|we)(?:'ve|\s+have|\s+had)?\s+)?(?:also\s+|even\s+)?{_VERBS}\b", re.I
)
# "rather than telling me to turn it off and on again", "please don't ask me to restart it":
# what they will not be told again is as good as done
_NOT_AGAIN = re.compile(
    r"\b(?:rather\s+than|instead\s+of|(?:please\s+)?(?:don't|do\s+not))\s+(?:just\s+)?"
    r"(?:telling|tell|asking|ask)\s+(?:me|us)\s+to\s+[^.!?\n;]{3,80}",
    re.I,
)
# a deed only supposed or asked about: "If I reset my password, will ...?", "Should I have
# restarted it?"
_SUPPOSED = re.compile(r"\b(?:if|when|whether|should|would|could|will|shall|unless)\b", re.I)
# "What I've tried:", "Tried so far:", "Things we've done:" heading a list
_JOINS = re.compile(r",\s*(?:and\s+|but\s+)?|\s+(?:and|but|then)\s+|\s+-\s+|;", re.I)
_SENTENCE = re.compile(r"[^.!?\n]*[.!?]?", re.I)


# "I've rung the helpdesk number THREE TIMES and nobody picks up": a step telling them to call
# the desk's line is one they have tried (judges: "tells him to ring the line nobody answers");
# the desk is the one rung, not a manager or a bank, and no line break between
_RANG_UNANSWERED = re.compile(
    r"\b(?:rang|rung|called|phoned|calling|ringing|(?:tried|trying)\s+(?:to\s+)?(?:ring|call|phone|"
    r"get\s+through))\s+(?:you|your\s+(?:\w+\s+)?(?:help\s*line|number|line|phones?|desk|shop|office)|the\s+"
    r"(?:help\s*desk|service\s+desk|helpline|support\s+line|desk|shop)|support)\b[^.!?\n]{0,80}?"
    r"(?:no(?:body|-?\s?one)(?:'s)?\s+(?:picks?|picked|answer\w*|is\s+answering)|no\s+(?:answer|reply)|"
    r"unanswered|rings?\s+out|(?:just|kept)\s+ring\w*|line\s+(?:was|is)\s+engaged|"
    r"(?:can't|couldn't|could\s+not|cannot)\s+get\s+through|(?:straight\s+)?to\s+voicemail)",
    re.I,
)
# the marker ``said_done`` gives for it: ``parts.untried`` drops only a step to call the desk
CALLED_UNANSWERED = "called the service desk phone line and nobody answered"


def said_done(text: str) -> tuple[str, ...]:
    """The clauses of ``text`` (the newest text of an email) that say something was done."""
    text = text.translate(APOSTROPHES)  # "I’ve checked": as typed on a phone
    found: list[str] = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if not sentence.strip() or sentence.rstrip().endswith("?"):
            continue  # "Should I have restarted it?": asked, not done
        for deed in (*_DID.finditer(sentence), *_BARE.finditer(sentence)):
            if _SUPPOSED.search(sentence[: deed.start()]):
                continue  # "If I reset my password from the sign-in page, ..."
            found += _deeds(deed.group(0).strip(" (\n.!?"))
        found += [d.group(0) for d in _NOT_AGAIN.finditer(sentence)]
    found += tried_list(text)  # each item of a "What I've tried:" list
    if _RANG_UNANSWERED.search(text):
        found.append(CALLED_UNANSWERED)  # a step telling them to call us is no help
    return tuple(found)


def _deeds(clause: str) -> list[str]:
    """A clause cut at its joins: the piece with the verb, and each later piece that is a deed
    of its own; a one-word piece stays with the one before ("checked spam, junk, quarantine"
    is one list). One deed a phrase: a long clause shares two words with some unrelated step
    ("I've checked the socket with a lamp and it works, the charger light is on" is no "bring
    it to the desk with its charger ... while it is checked")."""
    out: list[str] = []
    for piece in (p.strip() for p in _JOINS.split(clause)):
        if out and len(piece.split()) < 2:
            out[-1] = f"{out[-1]}, {piece}"
        elif piece and (not out or _PIECE_DID.match(piece)):
            out.append(piece)
        elif piece:
            break  # "but it still freezes": what happened, and what follows is about it
    return out


# details a step asks for, and how the email shows it already gave them (a value after the
# label): a step that asks only for what they gave is left out ("tell us the Key ID" to
# someone who wrote "Key ID 4A7F21C0")
_GIVEN: tuple[tuple[str, str], ...] = (
    # the value right after its label ("Key ID: 4A7F21C0", "asset tag is HL-L04417"), with a
    # digit in it, so "I can't find the asset tag" or "the Key ID field" gives nothing
    (
        r"\bkey\s+id\b",
        r"(?i:\bkey\s+id\b)\s*(?:(?i:is|starting|starts\s+with|beginning|begins\s+with)\s+|[:#-]\s*)?"
        r"(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{8}\b",
    ),
    (
        r"\basset\s+(?:tag|number)\b",
        r"(?i:\basset\s+(?:tag|number|no)\b\.?)\s*(?:(?i:is)\s+|[:#-]\s*)?"
        r"(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9-]{3,}\b",
    ),
    (r"\bcrime\s+ref", r"(?i:\bcrime\s+ref\w*\b\.?)\s*(?:(?i:number|no|is)\.?\s*|[:#-]\s*)?\d"),
    # "tell us what you entered on the page" to someone who wrote "I typed in my work email
    # and password" (judges: "asks what he entered, which he said")
    (
        r"\bwhat\s+you\s+entered\b",
        r"(?i:(?<!not\s)(?<!n't\s)(?<!never\s)\b(?:entered|typed|put|gave)\s+(?:in\s+)?(?:all\s+)?"
        r"(?:my|our)\s+(?:\w+\s+){0,3}?"
        r"(?:password|card|bank\s+details|credentials|log-?in\s+details))",
    ),
    # a file named by its name and type ("Consol_May24_v7.xlsm"), and where it lives
    # (judges: "asks for the file name she gave"); a step that asks for both needs both
    (
        r"\bthe\s+file'?s\s+name\s+and\s+where\b",
        r"\b[\w-]+\.(?i:xlsx|xlsm|xlsb|xls|csv|docx|doc|pptx|ppt|pdf|accdb)\b",
    ),
    (
        r"\bwhere\s+it\s+is\s+saved\b",
        r"(?i:\b(?:on|from|in)\s+(?:our\s+|the\s+|my\s+|a\s+)?(?:sharepoint|onedrive|"
        r"teams\s+(?:channel|site|folder)|(?:network|shared)\s+drive)\b)"
        r"|\b(?:the\s+)?[A-Z]:?\s+drive\b|\b[A-Z]:\\",
    ),
    # a phone number to reach them on, given as theirs ("Call me on 07700 900938", "I'm on
    # ...", "my mobile is ..."), not one they rang or an asset tag (review)
    (
        r"\bphone\s+number\b",
        # ("call me today on ...", "I'm on my personal mobile, 07700 ...": training judges)
        r"(?i:\b(?:(?:call|ring|phone|reach|contact|text)\s+(?:me|us)(?:\s+back)?"
        r"(?:\s+(?:today|now|asap|tonight|tomorrow))?\s+(?:on|at)|"
        r"(?:i'm|i\s+am|we're|we\s+are|reached)\s+on(?:\s+(?:my|our)\s+(?:\w+\s+)?"
        r"(?:mobile|phone|landline|number),?)?|(?:my|our)\s+(?:mobile|number|phone|landline)"
        r"(?:\s+number)?\s*(?:is|:))\s*)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b",
    ),
    # the mailbox's address, whole or as its name ("the lettings@ shared mailbox")
    (r"\btell\s+us\s+the\s+address\b", r"\b[\w.-]+@(?:[\w-]+\.[\w.-]+)?"),
    # two charges by amount and date ("£64.99 on the 1st and again £64.99 on the 3rd"), and an
    # account number after its label (judges: "asks for charge dates he already gave")
    (
        r"\bdates\s+and\s+amounts\b",
        r"(?:[£$€]\s?\d[\d,.]*\s+on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b[^\n]{0,80}?){2}",
    ),
    (
        r"\baccount\s+number\b",
        r"(?i:\baccount)\s*(?i:number|no\.?)?\s*[:#]?\s*\d[\d-]{4,}\d\b",
    ),
    # a meeting room by its name ("meeting room Severn", "the Severn room")
    (
        r"\bthe\s+room'?s\s+name\b",
        r"\b(?i:meeting\s+)?(?i:room)\s+[A-Z][\w-]+|\b[A-Z][\w-]+\s+(?i:meeting\s+)?(?i:room)\b",
    ),
    # where a cable is down: a pole's tag and a house on a named road ("the pole outside 31
    # Station Road"; "The pole number ... is CX-4471-B"; judges: "asks for the location and
    # pole number he gave")
    (
        r"\bpole'?s\s+number\b",
        r"(?i:\bpole\b)[^.\n]{0,40}?\b(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9-]{3,}\b",
    ),
    (
        r"\bnearest\s+house\s+number\b",
        r"\b\d{1,4}[a-z]?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Road|Street|Lane|Avenue|Close|Way|Drive|"
        r"Place|Crescent|Terrace|Grove|Hill|Gardens|Rd|St)\b",
    ),
    # the program at the top of Task Manager named ("Task Manager shows something called
    # "MsMpEng""; judges: "asks which process is top after he named MsMpEng"): a name in
    # quotes or an .exe, not an apostrophe ("the disk's at 100%") nor "don't know what". (Not
    # a file by its name: with "tell us the file's name" gone, an Excel fault lost its only
    # other step and got questions the email had answered.)
    (
        r"\bwhich\s+program\s+is\s+at\s+the\s+top\b",
        r"(?i:task\s+manager)(?:(?!(?i:don't|do\s+not|can't|not\s+sure))[^.\n]){0,60}?"
        r"\b(?i:shows?|says?|has|lists?)\b[^.\n]{0,40}?(?:(?<![A-Za-z])[\"“'‘][A-Za-z][\w.-]{1,30}"
        r"(?:\s[\w.-]+){0,2}[\"”'’](?![A-Za-z])|\b\w+\.exe\b)",
    ),
)
_ASKS_US = re.compile(r"\b(?:tell|send|give)\s+us\b|\blet\s+us\s+know\b|\breply\s+with\b", re.I)


def asks_only_given(step: str, text: str) -> bool:
    """Whether every detail of ``_GIVEN`` that ``step`` asks for is one ``text`` already gives
    (a step that also asks for something else, such as where a file was saved, is judged
    only by those details); a step asks only where it says "tell us", a question always."""
    if not (_ASKS_US.search(step) or step.rstrip().endswith("?")):
        return False
    named = [given for asked, given in _GIVEN if re.search(asked, step, re.I)]
    return bool(named) and all(re.search(given, text) for given in named)


# what they did, held against a fix's steps (``said_done`` and the reading's ``tried``)
_STOP = frozenset(
    """the a an my your our it its to of in on for and or with from at by this that is was
    have has had be been i we you me us them they again already all then""".split()
)
# "Turn the router off at the plug", "Switch the TV box off at the wall" are the restart "I
# switched it off and on again" did
RESTART = re.compile(
    r"\b(?:restart\w*|reboot\w*|(?:turn|switch)\w*\s+(?:[\w-]+\s+){0,3}?off|power[- ]cycl\w*|"
    r"unplug\w*|off\s+and\s+(?:back\s+)?on)\b",
    re.I,
)


def _content(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return {w[:5] for w in words if w not in _STOP and len(w) > 2}


# "uninstall it from the Company Portal and install it again" is the reinstall they did
REINSTALL = re.compile(r"\b(?:re-?install\w*|uninstall\w*|install\w*\s+(?:it\s+)?again)\b", re.I)


def untried(steps: tuple[str, ...], tried: tuple[str, ...]) -> tuple[str, ...]:
    """The steps the customer has not already done (reply-guide: never tell them to do what
    they say they did): a step goes when a tried phrase shares two content words with it, or
    both are a restart."""
    if not tried:
        return steps
    out = []
    for step in steps:
        words = _content(step)
        done = any(
            bool(_CALL_US.match(step))
            if t == CALLED_UNANSWERED
            else len(words & _content(t)) >= 2
            or any(same.search(step) and same.search(t) for same in (RESTART, REINSTALL))
            for t in tried
        )
        if not done:
            out.append(step)
    return tuple(out)


# a step telling them to ring the desk ("Call the service desk phone line so we can start at
# once"): the one step a line they rang unanswered rules out, and only that one
_CALL_US = re.compile(
    r"^\s*(?:call|ring|phone)\s+(?:the\s+)?(?:service\s+desk|help\s*desk|us|our)\b", re.I
)
