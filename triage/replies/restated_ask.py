"""The ask a request's or a question's restatement says back ("Thanks for asking whether
..."), and when none is said back because the plan answers a list point by point. Pure."""

from __future__ import annotations

import re

from triage.domain import Ask
from triage.replies.ask_classes import ask_class
from triage.replies.askback import ask_phrase
from triage.replies.listed_asks import TO_DO, list_items, list_lines

# the asks whose own words can restate a request or a question (a call, a refund, "when?" are
# answered by their class's line and restate nothing)
_RESTATING = frozenset({"do", "question", "how", "inform", "cost"})


def restated_ask(kind: str, frustration: int, asks: tuple[Ask, ...], text: str) -> Ask | None:
    """The ask a request's or a question's restatement says back ("Thanks for asking whether
    ..."): the first one whose words can be said back; None for other kinds, and for an upset
    customer, whose questions are often rhetorical ("Is this how you treat customers?" would
    come back as "Thank you for asking whether this is how we treat customers"). Worked out
    once per draft (``Draft.restated``). None for a checklist in ``text`` (the newest text;
    ``to_do_list``): the plan answers each of its points, and the restatement names the list
    instead."""
    if kind not in ("request", "question") or frustration >= 2:
        return None
    if to_do_list(kind, frustration, asks, text):
        return None
    earlier = False  # an ask before it that could not be said back
    for ask in asks:
        if earlier and _FOLLOW_UP.match(ask.text):
            return None  # "And if it's the button, does the client need ...?" hangs on it
        if ask_class(ask) in _RESTATING and names_something(named_phrase(ask)):
            return ask
        earlier = earlier or ask_class(ask) not in ("statement", "rhetorical")
    return None


# a question that follows on from the one before it (paired judges: "opens with the side
# question, and an 'it' that refers to nothing", where the main one could not be said back)
_FOLLOW_UP = re.compile(r"\W*(?:and|also|plus)\b", re.I)


def named_phrase(ask: Ask) -> str | None:
    """The ask said back with its "it" named where the reader could ("Thanks for asking us to
    wipe your work iPhone or block it"; "wipe it" said back alone does not say what "it" is)."""
    return (ask_phrase(ask.named) if ask.named else None) or ask_phrase(ask.text)


# words that name nothing on their own: "whether that is right" says back no problem
_EMPTY_WORDS = frozenset(
    """whether if what how why when where who which us to for you your we our it its it's this
    that these those is are was be can could would will do does did right ok okay possible
    true correct normal fine so there the a an any way thing things something anything help
    me my i of in on with and or not""".split()
)


def names_something(phrase: str | None) -> bool:
    """An ask said back as a restatement must name what it is about ("whether that is right"
    was the judges' vague restatement)."""
    if phrase is None:
        return False
    words = re.findall(r"[\w'-]+", phrase.lower())
    return sum(w not in _EMPTY_WORDS for w in words) >= 2


def to_do_list(kind: str, frustration: int, asks: tuple[Ask, ...], text: str) -> bool:
    """Whether a calm request's asks include a list of the customer's own (in ``text``, the
    newest text) whose every point asks us to do something (a leaver's or a new starter's
    checklist): the plan answers each point, so the restatement does not say its first point
    back (``restatement``)."""
    if kind != "request" or frustration >= 2:
        return False
    items = list_items([a.text for a in asks], list_lines(text))
    return bool(items) and all(ask_class(a) in TO_DO for a in asks if a.text in items)
