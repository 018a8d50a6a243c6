"""What only the agent can do for a reply: the promises it makes that a person must keep (a
call, a visit, a price, an escalation) and what it could not settle, as the suggestion's
``agent_todo`` lines, never as text in the reply. Pure."""

from __future__ import annotations

from triage.domain import Ask
from triage.replies.answer_slots import used_class
from triage.replies.answers import AnswerContext
from triage.replies.choose_kind import kind_unsure
from triage.replies.deadlines import deadline_missed
from triage.replies.listed_asks import listed
from triage.replies.parts import Draft
from triage.replies.split_asks import split_ask


def promised_todo(
    draft: Draft, answers: tuple[tuple[str, str], ...], ctx: AnswerContext
) -> tuple[str, ...]:
    """What the reply promises that only the agent can keep, or what it could not settle:
    from the class each ask was answered as (``used_class``)."""
    out = []
    classes = {used_class(Ask(p, "request"), ctx) for text, _ in answers for p in split_ask(text)}
    teams = draft.templates.teams
    if "call" in classes:
        out.append(f"Phone the customer by {draft.callback}: the reply promises a call.")
    if classes & {"escalate", "escalate_call", "apology"} and not draft.supervisor:
        out.append(f"Pass the request for a senior contact to {draft.templates.supervisor}.")
    if "bring_in" in classes:
        out.append("The reply asks the customer to bring the device in: make sure it's expected.")
    if "conduct" in classes:
        out.append(
            f"Pass the complaint about a member of staff to {draft.templates.supervisor}: the "
            "reply says they will look into it."
        )
    if "recording" in classes:
        out.append(
            f"Ask for the call recording to be found and say by {draft.callback} whether we "
            "hold it and how the customer can have a copy (a subject access request if need be)."
        )
    if "escalate_it" in classes and not draft.supervisor:
        out.append(f"Escalate it to {draft.templates.supervisor} now: the reply says it is.")
    if "escalate_call" in classes:
        out.append(f"Have {draft.templates.supervisor} ring the customer by the time promised.")
    if "money" in classes:
        out.append(f"Pass the refund or credit request to {teams['billing_team']}.")
    if "cost" in classes:
        out.append(f"Send the price the reply promises by {draft.callback}.")
    if "feature" in classes:
        out.append("Pass the product change asked for to the team that builds it.")
    if "visit" in classes:
        out.append(f"Book the visit the reply promises and send its time by {draft.callback}.")
    if "dont" in classes:
        out.append("Note the customer's instruction on their account: the reply says it is noted.")
    if draft.level >= 3 and draft.kind in ("fault", "request", "question"):
        out.append("Make sure an engineer is on it now: the reply says one is.")
    if deadline_missed(draft):
        out.append("The customer's deadline is before the promised update: try to answer sooner.")
    r = draft.reading
    if kind_unsure(r, draft.rules, draft.text):
        why = ", and no earlier contact shows" if r.kind == "chase" else ""
        out.append(f"Kind unsure ({r.kind}, p={r.kind_p:.2f}{why}): written as a fault; check it.")
    return tuple(out)


def listed_todo(answers: tuple[tuple[str, str], ...], callback: str) -> tuple[str, ...]:
    """The points listed back unread by anyone (listed_asks.py) are promised an answer each:
    the agent routes them."""
    lists = {said for _, said in answers if listed(said)}
    n = sum(said.count("\n- ") for said in lists)
    if not n:
        return ()
    return (
        f"The reply lists {n} of the customer's points and promises an answer on each by "
        f"{callback}: route each one (some may not be ours to do).",
    )
