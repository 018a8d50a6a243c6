"""Compose the suggested reply: acknowledge -> plan -> fix -> close (design/reply-guide.md).

Pure: the clock, the knowledge base, the wording and the response targets are all passed in.
Tone scales with frustration: levels 0-1 get the ``calm`` wording, 2-3 the ``upset`` wording, which
has no exclamation marks and no humour. Every piece of customer text that ends up in the reply
(the restated problem) is run through the tone checker first and dropped if it would add an
error-level finding (a customer's "my fault" must not come back as our "your fault").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from triage.domain import Email, Scores
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.names import customer_name, first_name
from triage.replies.restate import restatements, swap_pronouns
from triage.replies.templates import Templates, Tone
from triage.replies.tone import check, check_suggestion, errors
from triage.replies.tone_config import ToneConfig
from triage.replies.values import FIX_PLACEHOLDER, History, KbMatch, Suggestion
from triage.sla import SlaPolicy, callback_at, follow_up_on, format_day, format_when

# The customer saying it is a repeat counts too: the store may not hold the earlier contact
# (a phone call, another mailbox), but the reply must still not pretend it is news.
_REPEAT_CUE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|umpteenth|\d+(?:st|nd|rd|th))\s+time\b"
    r"|\bI(?:'ve|’ve|\s+have)\s+(?:already\s+)?(?:emailed|written|called|phoned|rung|reported|raised|chased|"
    r"logged|asked|contacted)\b"
    r"|\b(?:chased|chasing)\b"
    r"|\b(?:no|nobody|no\s+one|no-one)\s+(?:has\s+)?(?:replied|answered|responded|got\s+back|called\s+back)\b"
    r"|\bstill\s+(?:not|no|hasn't|haven't|isn't|waiting)\b",
    re.IGNORECASE,
)


def email_key(email: Email) -> str:
    """What makes the wording choice stable per email: the Message-ID, else the content."""
    if email.message_id:
        return email.message_id
    basis = "\x00".join((email.from_address or "", email.subject, email.newest_text))
    return hashlib.sha256(basis.encode()).hexdigest()


def is_repeat(email: Email, history: History) -> bool:
    return history.repeat or bool(_REPEAT_CUE.search(email.newest_text))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _restatement(email: Email, frustration: int, tone: ToneConfig) -> str | None:
    subject = _words(swap_pronouns(email.subject))
    for clause in restatements(email.newest_text):
        if _words(clause) == subject:
            continue  # reply-guide: in your own words, not a copy of their subject line
        findings = check(clause, frustration=frustration, config=tone, whole_reply=False)
        # the customer's own "lol" is fine in their mail, not in our reply; their jargon is theirs
        if not errors(findings) and not any(f.rule == "over-cheer" for f in findings):
            return clause
    return None


def _acknowledge(
    email: Email,
    scores: Scores,
    repeat: bool,
    name: str | None,
    key: str,
    templates: Templates,
    tone_config: ToneConfig,
) -> str:
    tone: Tone = "upset" if scores.frustration >= 2 else "calm"
    greeting = (
        templates.render("greeting_named", key, tone, first_name=first_name(name), name=name)
        if name
        else templates.render("greeting_neutral", key, tone)
    )
    clause = _restatement(email, scores.frustration, tone_config)
    body = [
        templates.render("restate", key, tone, restatement=clause)
        if clause
        else templates.render("restate_fallback", key, tone)
    ]
    if scores.frustration >= 2:
        body.append(templates.render("feeling_upset", key, tone))
    elif scores.frustration == 1:
        body.append(templates.render("feeling_annoyed", key, tone))
    elif scores.urgency >= 2:
        body.append(templates.render("feeling_urgent", key, tone))
    # a calm question with no impact is not a failure of ours: nothing to apologise for
    if repeat:  # its own apology: "... and I'm sorry it still isn't resolved"
        body.append(templates.render("repeat_contact", key, tone))
    elif scores.frustration >= 1 or scores.urgency >= 1:
        body.append(templates.render("apology", key, tone))
    body.append(templates.render("thanks", key, tone))
    return f"{greeting}\n\n{' '.join(body)}"


def _plan(
    scores: Scores,
    match: KbMatch,
    callback: str,
    supervisor: bool,
    key: str,
    templates: Templates,
) -> str:
    tone: Tone = "upset" if scores.frustration >= 2 else "calm"
    if scores.urgency >= 3:
        owner = templates.render("owner_critical", key, tone)
    elif match.confident and match.entry.team:
        owner = templates.render("owner_team", key, tone, team=match.entry.team)
    else:
        owner = templates.render("owner_self", key, tone)
    parts = [owner, templates.render("callback", key, tone, callback=callback)]
    if supervisor:
        parts.append(templates.render("escalation", key, tone))
    if match.confident and match.entry.heads_up:
        parts.append(templates.render("heads_up", key, tone, heads_up=match.entry.heads_up))
    return " ".join(parts)


def _fix(scores: Scores, match: KbMatch, callback: str, key: str, templates: Templates) -> str:
    tone: Tone = "upset" if scores.frustration >= 2 else "calm"
    if match.confident:
        entry = match.entry
        steps = "\n".join(f"{i}. {step}" for i, step in enumerate(entry.steps, 1))
        intro = templates.render("fix_intro", key, tone, title=entry.title)
        return f"{intro}\n\n{steps}\n\n{templates.render('fix_why', key, tone, why=entry.why)}"
    marker = templates.render(
        "fix_unknown", key, tone, placeholder=FIX_PLACEHOLDER, callback=callback
    )
    return f"{marker}\n\n{templates.render('investigate', key, tone, callback=callback)}"


def compose(
    email: Email,
    scores: Scores,
    history: History,
    *,
    now: datetime,
    kb: KnowledgeBase,
    templates: Templates,
    sla: SlaPolicy,
    supervisor: bool = False,
    tone: ToneConfig | None = None,
) -> Suggestion:
    """The suggested reply for ``email``, with its tone findings (``now`` must be aware)."""
    tone = tone or ToneConfig()
    key = email_key(email)
    style: Tone = "upset" if scores.frustration >= 2 else "calm"
    name = customer_name(email)
    repeat = is_repeat(email, history)
    match = kb.match(
        f"{email.subject}\n{email.newest_text}", scores.embedding or None, scores.model_version
    )

    promised = callback_at(now, scores.urgency, sla)
    callback = format_when(promised, now, sla)
    follow_up = follow_up_on(promised, sla)

    acknowledge = _acknowledge(email, scores, repeat, name, key, templates, tone)
    plan = _plan(scores, match, callback, supervisor, key, templates)
    fix = _fix(scores, match, callback, key, templates)
    close = "\n\n".join(
        (
            " ".join(
                (
                    templates.render("anything_else", key, style),
                    templates.render(
                        "follow_up",
                        key,
                        style,
                        follow_up=format_day(follow_up, now.astimezone(sla.zone).date()),
                    ),
                )
            ),
            templates.render("sign_off", key, style),
        )
    )
    text = "\n\n".join((acknowledge, plan, fix, close))
    suggestion = Suggestion(
        acknowledge=acknowledge,
        plan=plan,
        fix=fix,
        close=close,
        text=text,
        callback=promised,
        follow_up=follow_up,
        kb_entry=match.entry.id if match.confident else None,
        kb_closest=match.entry.id,
        similarity=match.similarity,
        kb_score=match.score,
        placeholder=not match.confident,
        repeat_contact=repeat,
        escalated=supervisor,
        name=name,
    )
    findings = tuple(check_suggestion(suggestion, frustration=scores.frustration, config=tone))
    return replace(suggestion, findings=findings)


def composer_for(
    config: ReplyConfig, kb: KnowledgeBase
) -> Callable[[Email, Scores, History, datetime, bool], Suggestion]:
    """:func:`compose` with the desk's wording, tone rules, response targets and knowledge base
    bound: the ``Composer`` that triage/flow/decide.py calls (built once per process)."""

    def composer(
        email: Email, scores: Scores, history: History, now: datetime, supervisor: bool
    ) -> Suggestion:
        return compose(
            email,
            scores,
            history,
            now=now,
            kb=kb,
            templates=config.templates,
            # one SLA for routing and for the callback time promised in the reply
            sla=config.sla,
            supervisor=supervisor,
            tone=config.tone,
        )

    return composer
