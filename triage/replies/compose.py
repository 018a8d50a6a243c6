"""Compose the suggested reply from the email and its reading (design/reply-guide.md).

Pure: the clock, the knowledge base, the wording, the rules and the response targets are all
passed in. The reading decides the shape (triage/replies/kinds.py: one per kind of email), which
knowledge-base fixes may be offered (one that fits the scope and kind, never end-user steps for a
whole site), and what must be answered (every ask, in order: triage/replies/answers.py). Tone
scales with frustration: levels 0-1 get the ``calm`` wording, 2-3 the ``upset`` wording.

Nothing of the customer's text is pasted back except an ask said in our words, and nothing the
agent must still do is left as text in the reply: it goes on the Suggestion (``agent_todo``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from triage.domain import Email, Reading, Scores
from triage.replies import promise
from triage.replies.agent_todo import listed_todo, promised_todo
from triage.replies.answers import (
    AnswerContext,
    answer_asks,
)
from triage.replies.ask_classes import contains_attack
from triage.replies.ask_words import MONEY_WORDS, SAFE_STEP
from triage.replies.brief import brief, is_brief
from triage.replies.call_asked import with_call_asked
from triage.replies.choose_fix import (
    FIXES,
    answered_how_to,
    choose_fix,
    close_to,
    on_keywords,
    sure,
)
from triage.replies.choose_kind import reply_kind
from triage.replies.config import ReplyConfig
from triage.replies.deadlines import deadline_missed, gone_before
from triage.replies.gist import email_gist
from triage.replies.joined_asks import new_sentences
from triage.replies.kinds import SHAPES
from triage.replies.knowledge import KnowledgeBase, best_of, fitting
from triage.replies.listed_asks import list_lines
from triage.replies.names import addressed_as, customer_name
from triage.replies.parts import (
    Draft,
    email_text,
    greeting,
    handler,
    section,
    shown_upset,
    sign_off,
)
from triage.replies.phone_numbers import gives_number, signature_number
from triage.replies.promise import decision_at, hours_left, promised_level, senior_at
from triage.replies.restated_ask import restated_ask
from triage.replies.rules import ReplyRules
from triage.replies.shape import Shape
from triage.replies.templates import Templates
from triage.replies.tone import check_suggestion
from triage.replies.tone_config import ToneConfig
from triage.replies.values import History, KbMatch, Suggestion
from triage.sla import (
    LEVELS,
    SlaPolicy,
    callback_for_deadline,
    follow_up_on,
    format_day,
    format_when,
)

EMPTY_READING = Reading("", 0.0, False, "", (), (), None, (), "", 0, False)


def _sure_topic(topic: KbMatch, rules: ReplyRules, scope: str) -> bool:
    """The topic the draft names (its team, its questions where the email reads like its
    symptoms, ``Draft.symptom_fits``, an outage's workaround): a sure one; one the embedding
    alone is sure of must also fit the scope read (a site-wide entry is no topic of one
    person's email), as its steps must (``fitting``)."""
    if not sure(topic, rules):
        return False
    fits = scope in ("", "na") or scope in topic.entry.scopes
    return fits or on_keywords(topic, rules)


def email_key(email: Email) -> str:
    """What makes the wording choice stable per email: the Message-ID, else the content."""
    if email.message_id:
        return email.message_id
    basis = "\x00".join((email.from_address or "", email.subject, email.newest_text))
    return hashlib.sha256(basis.encode()).hexdigest()


def _language(draft: Draft, language: str) -> tuple[Shape, tuple[str, ...]]:
    """Another language: no English paraphrase; a colleague who speaks it will reply."""
    rules = draft.rules
    english = rules.language_names.get(language, "")
    line = (
        draft.render("language_colleague", language=english)
        if english
        else draft.render("language_unknown")
    )
    native = rules.language_lines.get(language, "")
    ack = section(greeting(draft), line, native)
    todo = (f"Needs a {english or language} speaker: pass it to a colleague who speaks it.",)
    return Shape(ack, "", "", sign_off(draft)), todo


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
    reading: Reading | None = None,
    rules: ReplyRules | None = None,
) -> Suggestion:
    """The suggested reply for ``email``, with its tone findings (``now`` must be aware)."""
    tone = tone or ToneConfig()
    rules = rules or ReplyRules()
    key = email_key(email)
    name = customer_name(email)
    words = email_text(email)  # what the rules read; the reply's own text comes later
    reading = with_call_asked(gone_before(reading or EMPTY_READING, email.date, now), words)
    kind = reply_kind(reading, rules, words)
    query = f"{email.subject}\n{email.newest_text}"
    embedding = scores.embedding or None
    problem = email_gist(words, kind, rules.vocabulary)
    ranked = kb.rank(query, embedding, scores.space, problem)
    topic = best_of(ranked, reading.scope or "one")
    candidates = fitting(ranked, scope=reading.scope or "one", kind=kind)
    # the symptom gate reads a cosine in the base sentence model's space only: the classifier's
    # own pooled vector puts every email near every entry (knowledge.py), so without a topic
    # encoder the gate is off
    gate = rules if kb.sentence_space else replace(rules, fix_similarity_min=0.0)
    fix, steps = choose_fix(kind, reading, candidates, gate, words)
    if answered_how_to(kind, reading, fix, scores.urgency, scores.frustration):
        kind = "question"

    # the customer's deadline, when sooner than this level's callback, moves the promise up to
    # the level whose target meets it (the plan works to their time or says it cannot); what
    # the reply is about sets a floor, nothing critical keeps it below the on-call hour
    deadline_at = reading.deadline.at if reading.deadline else None
    left = hours_left(reading.deadline, now)
    floor = promised_level(scores.urgency, kind, reading, words, hours_left=left)
    promised, promise_level = callback_for_deadline(now, floor, deadline_at, sla)
    follow_up = follow_up_on(promised, sla)
    draft = Draft(
        email=email,
        scores=scores,
        reading=reading,
        kind=kind,
        key=key,
        templates=templates,
        rules=rules,
        sla=sla,
        now=now,
        promised=promised,
        callback=format_when(promised, now, sla),
        follow_up=format_day(follow_up, now.astimezone(sla.zone).date()),
        name=name,
        first_name=addressed_as(email, name),
        fix=fix.entry if fix else None,
        steps=steps,
        topic=topic.entry if _sure_topic(topic, rules, reading.scope) else None,
        symptom_fits=close_to(topic, gate),
        supervisor=supervisor,
        # the store's count, not the reading's copy of it: a reading stored before the count
        # was by matter counted any email from the sender
        earlier=history.same_matter,
        window_days=history.window_days,
        text=words,
        level=promise_level,
        upset=shown_upset(scores.frustration, words),
        gist=problem,
        restated=restated_ask(kind, scores.frustration, reading.asks, email.newest_text),
        attacks=frozenset(a.text for a in reading.asks if contains_attack(a)),
    )
    language = reading.language
    foreign = bool(language) and language != rules.desk_language
    if foreign:
        shape, todo = _language(draft, language)
        answers: tuple[tuple[str, str], ...] = ()
    else:
        shape = SHAPES[kind](draft)
        if is_brief(draft):
            shape = brief(draft, shape)
        subject, obj = handler(draft)
        ctx = AnswerContext(
            kind=kind,
            key=key,
            style=draft.tone,
            callback=draft.callback,
            handler=subject,
            handler_obj=obj,
            cadence=str(rules.update_every[max(0, min(3, scores.urgency))]),
            supervisor=supervisor,
            security=kind == "security",
            # steps of ours are no answer to "what should I do?" ("the steps below")
            steps="" if draft.our_steps else shape.steps,
            policy=rules.policy,
            refusal=shape.refusal,
            # venting put as a question: answered by the acknowledgement, not a second feeling
            reuse={"rhetorical": shape.acknowledge.split("\n\n")[-1], **shape.reuse},
            tone=tone,
            prior_contact=draft.repeat,
            decision_callback=format_when(decision_at(now, promised, sla), now, sla),
            senior_callback=format_when(senior_at(now, promised, promise_level, sla), now, sla),
            restated=draft.restated.text if draft.restated else "",
            attacks=draft.attacks if kind == "security" else frozenset(),
            security_team=draft.security_team if kind == "security" else "",
            about_money=bool(MONEY_WORDS.search(draft.text)),
            # a number in the signature is one to ring ("Gavin Trent / Trent Outdoor / 07700
            # 900330" was asked "please reply with the number": judges), not a VAT or fax one
            has_number=gives_number(draft.text) or signature_number(draft.email.signature),
            about=f" about {problem.about}" if problem and problem.about else "",
            list_lines=list_lines(email.newest_text),
            took_safe_step=any(SAFE_STEP.search(t) for t in reading.tried),
        )
        answers = _once(answer_asks(reading.asks, ctx, templates), _text(shape), draft.callback)
        # the entry's own checks, whether its steps or only its topic is used (a breach's
        # 72-hour report is due whatever the reply offers)
        entry = fix.entry if fix else draft.topic
        entry_todo = entry.todo if entry else ()
        todo = (
            shape.todo
            + entry_todo
            + promised_todo(draft, answers, ctx)
            + listed_todo(answers, draft.callback)
        )
        if floor < scores.urgency and promise_level < scores.urgency:
            todo += (
                f"Read as {LEVELS[scores.urgency]}, but the email shows no one else affected, "
                f"no security matter and no deadline within hours: the reply promises "
                f"{draft.callback}. Promise sooner if it is critical.",
            )
        if promise_level > scores.urgency:
            if promise_level == floor and not promise.within_hours(left):
                why = f"for {kind}"
            elif deadline_missed(draft):
                why = "(the soonest the desk can promise; it still misses their deadline)"
            else:
                why = "to meet the customer's deadline"
            todo += (
                f"The reply promises an update by {draft.callback} {why}, sooner than the "
                f"{LEVELS[scores.urgency]} target: keep it.",
            )
    said = new_sentences(answers, _text(shape))
    # stopping an attack comes before anything else the plan says (kinds.security)
    first = draft.attacks if kind == "security" else frozenset()
    lead = new_sentences(tuple(x for x in answers if x[0] in first), _text(shape))
    plan = section(" ".join(lead), shape.plan, " ".join(s for s in said if s not in lead))
    bodies = {
        "acknowledge": shape.acknowledge,
        "plan": plan,
        "fix": shape.fix,
        "close": shape.close,
    }
    text = "\n\n".join(bodies[n] for n in shape.order if bodies[n])
    suggestion = Suggestion(
        acknowledge=shape.acknowledge,
        plan=plan,
        fix=shape.fix,
        close=shape.close,
        text=text,
        callback=promised,
        follow_up=follow_up,
        kb_entry=fix.entry.id if fix else None,
        kb_closest=topic.entry.id,
        similarity=topic.similarity if fix is None else fix.similarity,
        kb_score=topic.score if fix is None else fix.score,
        kb_semantic=fix is not None and fix.semantic and not on_keywords(fix, rules),
        placeholder=fix is None and kind in FIXES,
        repeat_contact=draft.repeat,
        escalated=supervisor,
        name=name,
        kind=kind,
        order=shape.order,
        answers=answers,
        agent_todo=todo,
        candidates=tuple(m.entry.id for m in candidates),
        language=language if foreign else "",
    )
    findings = tuple(check_suggestion(suggestion, frustration=scores.frustration, config=tone))
    return replace(suggestion, findings=findings)


def _text(shape: Shape) -> str:
    return "\n\n".join((shape.acknowledge, shape.plan, shape.fix, shape.close))


def _once(
    answers: tuple[tuple[str, str], ...], drafted: str, callback: str
) -> tuple[tuple[str, str], ...]:
    """The answers with the plan's update time said as "then": judges counted the same "by
    17:00 GMT on Monday 7 December" two to six times in a draft. A sentence the draft already
    holds (the plan's own line, reused as an answer) is left whole, so it is not said twice;
    a different time (a decision another team makes, in working hours) is said in full."""
    timed = f"by {callback}"
    if callback not in drafted:
        # the plan said no time: the first answer the reader meets says it, the rest "then"
        shown = [x for x in new_sentences(answers, drafted) if timed in x]
        if not shown:
            return answers
        first = shown[0]
        return tuple(
            (ask, said if said == first else said.replace(timed, "by then"))
            for ask, said in answers
        )
    return tuple(
        (ask, said if said in drafted else said.replace(timed, "by then")) for ask, said in answers
    )


Composer = Callable[[Email, Scores, History, datetime, bool, Reading | None], Suggestion]


def composer_for(config: ReplyConfig, kb: KnowledgeBase, *, agent: str | None = None) -> Composer:
    """:func:`compose` with the desk's wording, rules, tone checks, response targets and
    knowledge base bound, signed by ``agent`` (None: ``[desk] agent_name``): the ``Composer``
    that triage/flow/decide.py calls (built once per process)."""
    templates = config.templates.signed_by(agent)

    def composer(
        email: Email,
        scores: Scores,
        history: History,
        now: datetime,
        supervisor: bool,
        reading: Reading | None,
    ) -> Suggestion:
        return compose(
            email,
            scores,
            history,
            now=now,
            kb=kb,
            templates=templates,
            # one SLA for routing and for the callback time promised in the reply
            sla=config.sla,
            supervisor=supervisor,
            tone=config.tone,
            reading=reading,
            rules=config.rules,
        )

    return composer
