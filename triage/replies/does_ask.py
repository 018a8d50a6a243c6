"""A question put with "does" or "do" said back with its verb agreeing ("Does a guest user
count toward our seat total?" -> "whether a guest user counts toward your seat total"; "Does it
still work?" -> "whether it still works"), for ``askback``; None where no safe word order is
found without a parse. Pure."""

from __future__ import annotations

import re

from triage.replies.ourwords import swap

# "Does a guest user count toward our seat total?": a thing, then a verb from a short list
# (no parse here: the list finds where the thing ends), said as "whether a guest user counts
# ..."; the customer's "does" or "do" says whether the thing is one or many
_VERBS = (
    "have|count|need|include|support|work|cover|come|allow|cost|offer|use|sync|show|apply|affect|"
    "expire|renew|stay|keep|take|run|charge|require|change|update|carry|store|save|hold|get|send|"
    "accept|list|matter"
)
_DOES_THING = re.compile(
    r"^(?P<do>does|do)\s+(?P<np>(?:the|a|an|your|my|our|this|that|these|those)(?:\s+[\w'-]+){1,4}?)"
    rf"\s+(?P<v>{_VERBS})\b(?P<rest>.*)$",
    re.I,
)
# the verb was a noun of the thing after all ("Does the Windows update need a restart?", "Does
# the licence cost change?"), or the thing holds a clause or a "not" ("Does the update I
# installed need ...", "Does the app not work?"): no safe word order
_NOT_THE_VERB = re.compile(rf"^\s+(?:{_VERBS}|not)\b", re.I)
_CLAUSE_IN_THING = re.compile(r"\b(?:i|we|you|they|he|she|not|n't)\b", re.I)


_ADVERBS = "still|also|really|just|only|usually|normally|definitely|ever|always|actually"
# words after "does it" that are no bare verb ("does it not ...", "does it's ...")
_NOT_VERBS = frozenset(
    "not never a an the to it its this that there here you we i they he she so".split()
)


def _third_person(verb: str) -> str:
    """ "have" -> "has", "count" -> "counts", "carry" -> "carries", "match" -> "matches"."""
    if verb == "have":
        return "has"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    return verb + "s"


def does_thing(p: str) -> str | None:
    """ "Does/Do <the thing> <verb> ...?" (``p`` polished) said as "whether ...", or None."""
    m = _DOES_THING.match(p)
    if m is None or _NOT_THE_VERB.match(m.group("rest")) or _CLAUSE_IN_THING.search(m.group("np")):
        return None
    verb = m.group("v").lower()
    said = _third_person(verb) if m.group("do").lower() == "does" else verb
    return f"whether {swap(m.group('np'))} {said}{swap(m.group('rest'))}"


def does_it(subject: str, rest: str) -> str | None:
    """ "Does it/this/that <verb> ...?" (``subject`` lower-cased, ``rest`` after it) said as
    "whether it <verb>s ...", the adverb kept before the verb; None for any other subject."""
    m = re.match(rf"(?P<adv>(?:{_ADVERBS})\s+)?(?P<v>[a-z]+)\b(?P<tail>.*)$", rest)
    if subject not in ("it", "this", "that") or m is None or m.group("v") in _NOT_VERBS:
        return None
    adv = m.group("adv") or ""
    return f"whether {subject} {adv}{_third_person(m.group('v'))}{swap(m.group('tail'))}"
