"""The kind no: the policy rule an email runs into, and the sentence that refuses it with the
reason and the best alternative (reply-guide: a request policy does not allow). Pure."""

from __future__ import annotations

from triage.replies.ask_classes import ask_class
from triage.replies.parts import Draft
from triage.replies.rules import PolicyRule


def refusal_for(d: Draft) -> PolicyRule | None:
    """The policy rule the email runs into: in an ask, or in a request or policy complaint. An
    ask why it happened ("why is my desktop picture now a grey logo?") asks for no change: a
    refusal of one was the judges' "invents a policy she never challenged"."""
    for rule in d.rules.policy:
        if any(rule.matches(a.text) and ask_class(a) != "cause" for a in d.reading.asks):
            return rule
        if d.kind in ("request", "policy_complaint") and rule.matches(d.text):
            return rule
    return None


def refuse(d: Draft, rule: PolicyRule) -> str:
    return d.render(
        "policy_refuse", refuse=rule.refuse, reason=rule.reason, alternative=rule.alternative
    )
