"""Several asks said back in one sentence ("You asked us to A and to B: ..."), the safety
test every sentence that says their words back passes (``safe``), and which answering
sentences a draft adds, in what order (``new_sentences``). Split from answers.py. Pure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triage.replies.listed_asks import listed
from triage.replies.templates import Templates
from triage.replies.tone import check, errors

if TYPE_CHECKING:
    from triage.replies.answers import AnswerContext


def safe(sentence: str, ctx: AnswerContext) -> bool:
    """Their words said back must not make ours claim, promise or admit what we can't: the
    tone checker's error rules, and no cheer ("lol"), on the sentence alone."""
    found = check(
        sentence,
        config=ctx.tone,
        whole_reply=False,
        prior_contact=ctx.prior_contact,
        security=ctx.security_matter,
    )
    return not errors(found) and not any(f.rule == "over-cheer" for f in found)


def joined_requests(
    said: list[str], ctx: AnswerContext, templates: Templates, slot: str = "answer_requests"
) -> str:
    """Several things to do in one sentence ("You asked us to A and to B: ..."); "" for fewer
    than two, or when the sentence would not be safe to say."""
    if len(said) < 2:
        return ""
    if any(s.startswith("for ") for s in said):  # "for A and for us to B"
        said = [f"for {s}" if s.startswith("us to ") else s for s in said]
    rest = [s.removeprefix("us ") for s in said[1:]]
    listed = ", ".join([said[0], *rest[:-1]]) + " and " + rest[-1]
    fields = {"callback": ctx.callback, "handler": ctx.handler}
    sentence = templates.render(slot, ctx.key, ctx.style, asks=listed, **fields)
    return sentence if safe(sentence, ctx) else ""


def joined_questions(said: list[str], ctx: AnswerContext, templates: Templates) -> str:
    """Several named questions in one sentence ("You asked whether A, whether B and what C:
    ..."): judges counted "we'd rather check than guess" three times in a row. "" for fewer
    than two, or when the sentence would not be safe to say."""
    if len(said) < 2:
        return ""
    listed = ", ".join(said[:-1]) + " and " + said[-1]
    fields = {"callback": ctx.callback, "handler_obj": ctx.handler_obj}
    sentence = templates.render("answer_questions", ctx.key, ctx.style, asks=listed, **fields)
    return sentence if safe(sentence, ctx) else ""


def new_sentences(answers: tuple[tuple[str, str], ...], already: str) -> list[str]:
    """The answering sentences not yet in the draft (``already``), each once, in ask order;
    one that answers several asks ("On the other points you raised ...") goes last, after the
    answers it is "other" to."""
    out: list[str] = []
    for _, sentence in answers:
        # one answer may be held in another that answers several asks ("... You asked for a
        # call: ..."): said once
        if sentence not in already and not any(sentence in o for o in out):
            out.append(sentence)
    shared = {s for s in out if sum(said == s for _, said in answers) > 1}
    # a list of their points (listed_asks.py) ends the paragraph: a sentence after it would
    # run on from its last line
    return sorted(out, key=lambda s: (listed(s), s in shared))
