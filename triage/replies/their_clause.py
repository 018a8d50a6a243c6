"""Whether the customer's own problem clause can be said back as ours: pronouns turned
(``problem_phrase``), and its grammar intact: no capital a cut sentence left behind, no name cut
short, no history or promise instead of the problem, nothing that names no thing, and no
clause the reader cut inside a phrase. Split from restate.py. Pure.
"""

from __future__ import annotations

import re

from triage.replies.ourwords import BRANDS, problem_phrase

# product names that are also common words
COMMON_WORDS = frozenset("office windows word edge mac teams".split())


# a clause said back with its grammar intact: no capital a sentence left behind ("Customers get
# server not found"), no dash-joined fragments, no history ("your router was faulty") or
# someone's promise ("you would receive a refund") instead of the problem
_UNCLEAN = re.compile(r"^[A-Z][a-z]|\s-\s|s's\b|\b(?:would|was|were|said|promised|told)\b")


# a capital a cut left behind, or (any case) a clause ending where its phrase had not
_CUT_SHORT = re.compile(r"\b[A-Z]\W*$|(?i:\b(?:not|the|a|an|my|your|our|of|to|with|and|or)\W*$)")
# words that may follow a whole clause in the email: a new clause, a time, a place, a reason
_CLAUSE_NEXT = frozenset(
    """and but so or because as since when while if after before until unless though although
    which who that where at on in for from to by with without this today yesterday tomorrow
    again now anymore either too also any every all most some just still then even only last
    over during yet twice once earlier overnight""".split()
)


def cut_mid_phrase(problem: str, text: str) -> bool:
    """Whether the reading's problem clause was cut inside a phrase: where the email holds it
    as written, the word after it goes on with it ("the Authenticator app didn't move my work"
    of "... my work account across"; said back it was the judges' broken restatement)."""
    found = re.search(re.escape(problem), text, re.I) if problem else None
    if found is None:  # the reader lower-cases a sentence's first word: any case
        return False
    m = re.match(r"[ \t]+([a-z][\w'-]*)", text[found.end() :])
    return m is not None and m.group(1) not in _CLAUSE_NEXT and not m.group(1).endswith("ly")


# a clause that names no thing of its own ("I have a strange problem", "there's an issue")
# (but "a problem with the printer" names it)
_SAYS_NOTHING = re.compile(
    r"^(?:(?:i|we|you)(?:'ve\s+got|\s+have(?:\s+got)?)|there(?:'s|\s+is))\s+(?:a|an)\s+"
    r"(?:(?:strange|weird|odd|big|serious|urgent|major|minor|small|slight|real|bit\s+of\s+a)\s+)?"
    r"(?:problem|issue)\W*$",
    re.I,
)


def clean(clause: str) -> bool:
    # a product's name keeps its capital at the start ("Outlook keeps underlining organise"
    # once the customer's "outlook" is spelled): no sentence was cut there
    head, _, rest = clause.partition(" ")
    if rest and head.lower() in BRANDS and head.lower() not in COMMON_WORDS and head[:1].isupper():
        clause = f"{head.lower()} {rest}"
    return _UNCLEAN.search(clause) is None


def their_clause(problem: str, text: str) -> str | None:
    """The reading's problem clause in our words, or None where it cannot be said back: no
    capital a cut sentence left behind ("In has stopped charging anything"), no name cut short
    ("none have the T"), no history or promise ("your account was locked", "we promised ...")
    (the clean-clause rule, but "you were charged" is the problem itself), nothing that names
    no thing, no clause the reader cut inside a phrase ("didn't move your work" of "... work
    account across")."""
    said = problem_phrase(problem)
    if not said or (
        _CUT_SHORT.search(said)
        or _SAYS_NOTHING.search(said)
        or not clean(said.replace(" were ", " are "))
        or cut_mid_phrase(problem, text)
    ):
        return None
    return said
