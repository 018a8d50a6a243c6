"""Editable wording of the replies: ``[templates]`` in ``config/replies.toml``.

Each slot has variants per tone (``calm``, ``upset``, or ``any`` for both) so replies don't read
canned. The variant is chosen by a hash of the email's identity and the slot name: the same email
always gets the same wording (a regenerated suggestion does not change under the agent's eyes),
different emails get different wordings.

Every template is checked at load time: only the fields its slot provides may appear, so a typo
in the config is a ConfigError naming the slot, not a "{nmae}" in a customer's inbox.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from triage.errors import ConfigError

Tone = Literal["calm", "upset"]
TONES: tuple[str, ...] = ("calm", "upset", "any")

# the teams a desk names in [desk] (reply-guide: ownership has a name)
_TEAMS = (
    "security_team",
    "incident_team",
    "feedback_team",
    "billing_team",
    "decisions",
    "complaints_team",
)
# Names every template may use: the desk's ([desk] in replies.toml) and who signs.
GLOBAL_FIELDS: frozenset[str] = frozenset({"desk", "supervisor", "agent", "signature", *_TEAMS})
_DEFAULT_TEAMS = {
    "security_team": "our IT security team",
    "incident_team": "our on-call engineers",
    "feedback_team": "the service desk manager",
    "billing_team": "our billing team",
    "decisions": "the managers who set that policy",
    # who looks into a complaint no policy answers (judges: "the people responsible" is no owner)
    "complaints_team": "our service desk manager",
}
_NONE: frozenset[str] = frozenset()
# what every answer to an ask may say: when, who (as subject or object), the outage cadence
# {about}: " about the staff room copier" (what the email is about), or ""
_ANSWER = frozenset({"callback", "handler", "handler_cap", "handler_obj", "cadence", "about"})

# slot -> the fields its templates may use (reply-guide section in the comment)
SLOT_FIELDS: dict[str, frozenset[str]] = {
    "greeting_named": frozenset({"first_name", "name"}),  # Acknowledge: use their name
    "greeting_neutral": _NONE,  # ... or a neutral greeting, never the raw address
    "deadline_before_said": frozenset({"deadline", "callback"}),
    "empathy_upset": _NONE,  # the feeling named and the apology, one sentence
    "restate_asked_several": frozenset({"ask"}),  # ... the first of several
    "restate_listed": _NONE,  # ... or a list of them, which the plan answers point by point
    # what a complaint says it is about ("... complain about how long it took")
    "restate_complaint_about": frozenset({"about"}),
    "restate_asked": frozenset({"ask"}),  # a request or question said back: "Thanks for asking ..."
    "restate_problem": frozenset({"problem"}),  # their problem, in our words
    "restate_grievance": frozenset({"grievance"}),  # what a complaint says we did
    "brief_question": frozenset({"question"}),  # the brief reply's one question
    "restate_topic": frozenset({"problem"}),  # show you read the whole message
    "restate_topic_scope": frozenset({"problem", "who"}),
    "restate_scope": frozenset({"who"}),
    # the message on their screen ("Account suspended"), and who gets it
    "restate_shows": frozenset({"shows"}),
    "restate_shows_scope": frozenset({"shows", "who"}),
    # what the subject line names ("the grey streak on prints"), by kind
    "restate_subject": frozenset({"topic"}),
    "restate_subject_scope": frozenset({"topic", "who"}),
    "restate_subject_request": frozenset({"topic"}),
    "restate_subject_question": frozenset({"topic"}),
    "restate_subject_quoted": frozenset({"subject"}),  # their subject line, quoted
    "restate_contacted_about": frozenset({"topic"}),  # "I rang about X": X, not the call
    "restate_subject_chase": frozenset({"topic"}),
    "restate_subject_policy_complaint": frozenset({"topic"}),
    "restate_fault": _NONE,
    "restate_request": _NONE,
    "restate_question": _NONE,
    "restate_chase": _NONE,
    "restate_policy_complaint": _NONE,
    "feeling_upset": _NONE,  # name the feeling, briefly
    "feeling_annoyed": _NONE,
    "feeling_urgent": _NONE,
    "condolence": _NONE,  # someone close to them has died: their loss first
    "apology": _NONE,  # apologise for real and own it
    "apology_again": _NONE,  # ... and own that it has happened again
    "restate_security": frozenset({"problem"}),  # what they report, before the safe steps
    "restate_security_topic": frozenset({"problem"}),  # ... the topic's own clause
    "restate_security_about": frozenset({"topic"}),  # ... what its subject says it is about
    "restate_security_plain": _NONE,  # nothing of it can be said back, and no topic line
    "apology_chase": _NONE,
    "apology_neutral": _NONE,  # ... without owning a cause that may not be ours (security)
    "repeat_known": frozenset({"earlier", "days"}),  # repeat contact, with the facts
    "repeat_said": _NONE,
    "repeat_followup": _NONE,  # ... a calm check-in after one contact
    **{
        f"let_down_{k}": _NONE
        for k in ("call", "call_promised", "visit", "claim", "late", "advice", "silence", "broken")
    },
    "thanks": _NONE,  # thank them, once
    "thanks_tried": _NONE,  # never tell them to do what they say they did
    "thanks_tried_skipped": _NONE,  # ... and the fix leaves those steps out
    "owner_named": _NONE,  # Plan: take control, who does what (a name for "myself")
    "owner_team": frozenset({"team"}),
    "owner_critical": _NONE,
    "callback": frozenset({"callback"}),  # a concrete time they will hear back
    "answer_do_question_plain": frozenset({"about", "callback", "handler_obj"}),
    "answer_others_too": _NONE,  # security: should the others do the same? yes
    "feedback_thanks_about": frozenset({"topic"}),  # feedback on what its subject names
    "deadline_before": frozenset({"deadline", "callback"}),  # their deadline: met ...
    "deadline_after": frozenset({"deadline", "callback"}),  # ... or honestly not
    "deadline_noted": frozenset({"deadline", "callback"}),
    "deadline_unclear": frozenset({"callback"}),  # the callback is in the plan already
    "deadline_passed": frozenset({"callback"}),  # their time has gone when we write
    "deadline_after_unsaid": frozenset({"callback"}),  # their time, unsaid, before our update
    "escalation": _NONE,  # escalation is announced, not hidden
    "heads_up": frozenset({"heads_up"}),  # proactive about bad news
    "fix_intro": frozenset({"title"}),  # Fix: plain language, numbered steps
    "fix_intro_safety": _NONE,  # ... that keep someone safe, not "worth a try"
    "fix_intro_desk": _NONE,  # ... that we take on our side (``KbEntry.by``)
    "fix_why": frozenset({"why"}),  # say why it works
    "questions_intro": _NONE,  # no known fix: the questions that find the cause
    "questions_after": frozenset({"callback"}),
    "our_action": frozenset({"action"}),  # ... nothing left to ask: what we'll do next
    "anything_else": _NONE,  # Close: offer something extra
    "follow_up": frozenset({"follow_up"}),  # promise a follow-up, with a date
    "sign_off": _NONE,
    "outage_incident": _NONE,  # Outage: an incident is open, and who runs it
    "outage_cadence": frozenset({"callback", "cadence"}),  # the update cadence
    "outage_cadence_daily": frozenset({"callback"}),
    "outage_no_workaround": _NONE,
    "outage_workaround": frozenset({"workaround"}),
    "outage_close": _NONE,
    "request_plan": _ANSWER,  # Request: what, by whom, when
    "request_needs": _NONE,  # ... and what is needed from them
    "request_steps": _NONE,
    "policy_refuse": frozenset({"refuse", "reason", "alternative"}),  # a clear, kind no
    "policy_refuse_next": frozenset({"callback"}),
    "question_answer_intro": _NONE,  # Question: the answer first
    "question_unknown": _ANSWER,  # ... or who will answer, and when
    "chase_plan": frozenset({"callback"}),  # Chase: own the delay
    "policy_where": frozenset({"owner"}),  # Policy complaint: where the decision sits
    "policy_can": frozenset({"callback"}),  # ... and what the desk can do
    "policy_passed": frozenset({"callback"}),  # ... or, with no known policy, where it went
    "feedback_thanks": _NONE,  # Feedback: thanks, and where it goes
    "feedback_fixed": _NONE,
    "feedback_where": _NONE,
    "feedback_praise": _NONE,  # ... a warm word back for praise
    "feedback_where_praise": _NONE,
    "feedback_where_person": frozenset({"person"}),  # the person they thanked hears it
    "feedback_suggestions": frozenset({"suggestions"}),  # "four suggestions", counted back
    "feedback_suggestions_praise": frozenset({"suggestions"}),
    "feedback_where_listed": _NONE,  # ... each passed on, and what comes of them
    "feedback_where_suggested": frozenset({"ask"}),  # one suggestion said back, passed on
    "security_intro": _NONE,  # Security: the safe steps first
    "security_intro_repeat": _NONE,  # ... to someone who reported it before: no thanks
    "security_contain_intro": _NONE,  # ... or what they asked to stop it, promised first
    "security_feeling": _NONE,
    "security_handover": frozenset({"callback"}),  # handed over by name
    "security_noguess": _NONE,  # no guesses about cause or data loss
    "security_not_us": _NONE,  # someone posed as us: the desk's own rule, said plainly
    "security_close": _NONE,
    "language_colleague": frozenset({"language"}),  # Language: a speaker will answer
    "language_unknown": _NONE,
    # Asks: each one answered or acknowledged (triage/replies/answers.py)
    "answer_cause": _ANSWER,
    "answer_cause_security": _ANSWER,
    "answer_cause_decision": _ANSWER,
    "answer_when": _ANSWER,
    "answer_when_outage": _ANSWER,
    "answer_update": _ANSWER,
    "answer_escalate_done": _ANSWER,
    "answer_escalate": _ANSWER,
    "answer_escalate_exec": frozenset({"who", "callback"}),
    "answer_conduct": _ANSWER,
    "answer_bring_in": _ANSWER,
    "answer_recording": _ANSWER,
    "answer_escalate_it": _ANSWER,  # "please escalate it": done, by us
    "answer_escalate_call_done": _ANSWER,  # ... asked as a call from them
    "answer_escalate_call": _ANSWER,
    "answer_call": _ANSWER,
    "answer_call_number": _ANSWER,
    "answer_call_you_on": _ANSWER | {"number"},
    "answer_call_them_on": _ANSWER | {"who", "number"},
    "answer_spare": _ANSWER,
    "answer_visit": _ANSWER,
    "answer_money": _ANSWER,
    "answer_price": _ANSWER,
    "answer_cost": _ANSWER,  # what it would cost: a price, sent by the update time
    "answer_feature": _ANSWER | {"ask"},
    "answer_feature_plain": _ANSWER,
    "answer_apology": _ANSWER,
    "answer_apology_security": _ANSWER,
    "answer_stop_contact": _ANSWER,
    "answer_cancel": _ANSWER,
    "answer_revert": _ANSWER,
    "answer_confirm": _ANSWER,
    "answer_what_to_do_steps": _ANSWER,
    "answer_what_to_do_steps_below": _ANSWER,
    "answer_what_to_do": _ANSWER,
    "answer_how_steps": _ANSWER,
    "answer_how_steps_above": _ANSWER,
    "answer_how_steps_answered": _ANSWER,
    "answer_attend": _ANSWER,
    "answer_dont": _ANSWER,
    "answer_dont_said": _ANSWER | {"ask"},
    "answer_noted": _ANSWER,
    "answer_rhetorical": _ANSWER,
    "answer_contain": _ANSWER | {"ask"},  # stopping an attack: promised first
    "answer_contain_plain": _ANSWER,
    "answer_do": _ANSWER | {"ask"},
    "answer_do_complaint": _ANSWER | {"ask"},  # a complaint's demand: decided, not promised
    "answer_do_plain": _ANSWER,
    # a request that asks for a price: booked once it is agreed
    "answer_do_quoted": _ANSWER,
    # what they want in writing, said back
    "answer_confirm_said": _ANSWER | {"ask"},
    "answer_do_request": _ANSWER | {"ask"},
    "answer_do_request_plain": _ANSWER,
    "answer_inform": _ANSWER | {"ask"},
    "answer_inform_plain": _ANSWER,
    "answer_permission": _ANSWER | {"ask"},
    "answer_permission_plain": _ANSWER,
    "answer_question": _ANSWER | {"ask"},
    "answer_question_plain": _ANSWER,
    "answer_rest_plain": frozenset({"callback", "handler_obj"}),
    "answer_questions": frozenset({"asks", "callback", "handler_obj"}),
    "answer_requests": frozenset({"asks", "callback", "handler"}),  # ... things to do
    "answer_commits": frozenset({"asks", "callback", "handler"}),  # ... things we will do
    "answer_contains": frozenset({"asks", "callback", "handler"}),  # ... things we will do
    "answer_all_plain": frozenset({"callback", "handler_obj"}),
    "answer_listed": frozenset({"callback"}),
    "answer_listed_rest": frozenset({"callback"}),
    "answer_listed_do": frozenset({"callback", "handler_cap"}),
    "answer_listed_do_rest": frozenset({"callback", "handler_cap"}),
    # questions that could not be said back, quoted as written ("What would it cost?")
    "answer_quoted_questions": frozenset({"quotes", "it", "callback", "handler_obj"}),
}


@dataclass(frozen=True, slots=True)
class Templates:
    slots: Mapping[str, Mapping[str, tuple[str, ...]]]
    desk: str = "the IT Service Desk"
    supervisor: str = "our duty manager"
    agent: str = ""  # who signs; "" = the desk signs, and no sentence says "myself"
    teams: Mapping[str, str] = field(default_factory=lambda: dict(_DEFAULT_TEAMS))

    @property
    def signature(self) -> str:
        return f"{self.agent}\n{self.desk}" if self.agent else self.desk

    def signed_by(self, agent: str | None) -> Templates:
        """The same wording signed by ``agent`` (None: as configured)."""
        if agent is None:
            return self
        return replace(self, agent=agent.strip())

    def render(self, slot: str, key: str, tone: Tone, *, avoid: str = "", **fields: str) -> str:
        """The variant of ``slot`` for this email (``key``) and tone, filled in; the next one
        when it holds the word ``avoid`` and another does not."""
        by_tone = self.slots[slot]
        variants = by_tone.get(tone) or by_tone.get("any") or ()
        if not variants:
            raise ConfigError(f"[templates.{slot}] has no '{tone}' or 'any' variants")
        digest = hashlib.sha256(f"{key}\x00{slot}".encode()).digest()
        start = int.from_bytes(digest[:8], "big") % len(variants)
        order = [variants[(start + k) % len(variants)] for k in range(len(variants))]
        if avoid:
            word = re.compile(rf"\b{re.escape(avoid)}\b", re.IGNORECASE)
            order = [t for t in order if not word.search(t)] or order
        template = order[0]
        names = {
            **_DEFAULT_TEAMS,
            **self.teams,
            "desk": self.desk,
            "supervisor": self.supervisor,
            "agent": self.agent,
            "signature": self.signature,
        }
        return template.format_map({**names, **fields})


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def load_templates(
    table: Mapping[str, Any], desk: Mapping[str, Any] | None = None, source: str = "config"
) -> Templates:
    """Validate ``[templates]`` (and ``[desk]``): every slot present, only known fields."""
    slots: dict[str, dict[str, tuple[str, ...]]] = {}
    missing = sorted(set(SLOT_FIELDS) - set(table))
    if missing:
        raise ConfigError(f"{source}: [templates] is missing slots {missing}")
    for slot, value in table.items():
        if slot not in SLOT_FIELDS:
            raise ConfigError(
                f"{source}: [templates.{slot}]: unknown slot (known: {sorted(SLOT_FIELDS)})"
            )
        variants_by_tone = {"any": value} if isinstance(value, list) else value
        if not isinstance(variants_by_tone, Mapping):
            raise ConfigError(f"{source}: [templates.{slot}] must be a list or a table of lists")
        parsed: dict[str, tuple[str, ...]] = {}
        for tone, variants in variants_by_tone.items():
            where = f"{source}: [templates.{slot}] {tone}"
            if tone not in TONES:
                raise ConfigError(f"{where}: unknown tone (known: {TONES})")
            if (
                not isinstance(variants, list)
                or not variants
                or not all(isinstance(v, str) and v.strip() for v in variants)
            ):
                raise ConfigError(f"{where}: must be a non-empty list of non-empty strings")
            for variant in variants:
                try:
                    used = _fields(variant)
                except ValueError as exc:
                    raise ConfigError(f"{where}: bad template {variant!r}: {exc}") from exc
                unknown = used - SLOT_FIELDS[slot] - GLOBAL_FIELDS
                if unknown:
                    raise ConfigError(
                        f"{where}: unknown field(s) {sorted(unknown)} in {variant!r} "
                        f"(this slot has {sorted(SLOT_FIELDS[slot] | GLOBAL_FIELDS)})"
                    )
            parsed[tone] = tuple(variants)
        if "any" not in parsed and not {"calm", "upset"} <= set(parsed):
            raise ConfigError(
                f"{source}: [templates.{slot}] needs 'any' or both 'calm' and 'upset'"
            )
        slots[slot] = parsed
    desk = desk or {}
    unknown_keys = set(desk) - {"name", "supervisor", "agent_name", *_TEAMS}
    if unknown_keys:
        raise ConfigError(f"{source}: [desk] unknown keys {sorted(unknown_keys)}")
    return Templates(
        slots=slots,
        desk=str(desk.get("name", "the IT Service Desk")),
        supervisor=str(desk.get("supervisor", "our duty manager")),
        agent=str(desk.get("agent_name", "")).strip(),
        teams={k: str(desk.get(k, _DEFAULT_TEAMS[k])) for k in _TEAMS},
    )
