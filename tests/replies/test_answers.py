"""Asks: recognised by what they ask for, answered with what will and will not happen, and said
back in our words only when that can be done right."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.domain import Ask
from triage.replies.answer_slots import complaint_slot, used_class
from triage.replies.answers import AnswerContext, answer, answer_asks
from triage.replies.ask_classes import ask_class
from triage.replies.config import ReplyConfig
from triage.replies.ourwords import swap_pronouns
from triage.replies.tone import check, errors


def ctx(kind: str = "fault", **changes: object) -> AnswerContext:
    base = {
        "kind": kind,
        "key": "<k@x>",
        "style": "calm",
        "callback": "14:00 GMT today",
        "handler": "our network team",
        "handler_obj": "our network team",
    }
    return AnswerContext(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't print", "you can't print"),
        ("My VPN keeps dropping me", "your VPN keeps dropping you"),
        ("Your app deleted my files", "our app deleted your files"),
        ("I emailed you twice and you never replied", "you emailed us twice and we never replied"),
        ("I am locked out and I was told to wait", "you are locked out and you were told to wait"),
        ("We've lost our shared drive", "you've lost your shared drive"),
        ('The screen says "I am broken" now', 'The screen says "I am broken" now'),
    ],
)
def test_pronouns_are_turned_around(text: str, expected: str) -> None:
    assert swap_pronouns(text) == expected


def test_refunds_visits_and_senior_calls_are_passed_on_never_promised(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    for text in ("Refund the £54 difference", "Send an engineer out today", "Get your manager"):
        said = answer(Ask(text, "request"), ctx(), t)
        assert errors(check(said, config=reply_config.tone, whole_reply=False)) == []
        assert "14:00 GMT today" in said
    refund = answer(Ask("I want a refund", "request"), ctx(), t)
    assert "can't promise" in refund
    assert t.teams["billing_team"] in refund


def test_an_escalation_asked_of_us_is_done_not_put_to_a_manager(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    asked = ("Please just escalate it.", "Escalate this now", "Can you escalate my ticket?")
    for text in (
        *asked,
        "Please escalate",
        "Could you please escalate this?",
        "Escalate it now please",
    ):
        said = answer(Ask(text, "request"), ctx(), t)
        assert "escalat" in said
        assert t.supervisor in said
        assert "their answer" not in said
        assert errors(check(said, config=reply_config.tone, whole_reply=False)) == []
    # a senior person asked for is still a request put to the manager, with their answer
    senior = answer(Ask("Escalate it to your manager and get them to explain", "request"), ctx(), t)
    assert "answer" in senior


def test_a_security_question_about_cause_or_data_gets_no_guess(reply_config: ReplyConfig) -> None:
    t = reply_config.templates
    for text in ("How did they get in?", "Has my data been stolen?"):
        said = answer(Ask(text, "question"), ctx("security"), t)
        assert t.teams["security_team"] in said
        assert "guess" in said


def test_why_in_a_complaint_about_a_decision_is_put_to_those_who_made_it(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    ask = Ask("Why did we receive no advance notice?", "question")
    fault = answer(ask, ctx("fault"), t)
    complaint = answer(ask, ctx("policy_complaint"), t)
    assert "cause" in fault
    assert "cause" not in complaint
    assert "people responsible" in complaint
    assert "14:00" in complaint


def test_changing_back_is_a_decision_only_in_a_policy_complaint(reply_config: ReplyConfig) -> None:
    t = reply_config.templates
    ask = Ask("I want you to roll back this import on your end", "request")
    work = answer(ask, ctx("fault"), t)
    decision = answer(ask, ctx("policy_complaint"), t)
    assert work.startswith("You asked us to roll back this import on our end")
    assert t.teams["decisions"] in decision


def test_a_request_put_as_is_it_possible_is_committed_to_not_checked(
    reply_config: ReplyConfig,
) -> None:
    # judges: "after three rounds it defers the simple handheld swap again ('we'll check that
    # properly')"
    t = reply_config.templates
    ask = Ask("Is it possible to just swap the handheld for a different one?", "question")
    said = answer(ask, ctx(), t)
    assert "swap the handheld for a different one" in said
    assert "check that properly" not in said
    assert "find out" not in said
    assert "14:00 GMT today" in said


def test_a_loan_asked_for_at_least_is_committed_to(reply_config: ReplyConfig) -> None:
    t = reply_config.templates
    said = answer(Ask("Could I at least borrow a laptop for the day?", "question"), ctx(), t)
    assert "for a laptop for the day" in said
    assert "check that properly" not in said
    # a call asked for where the email gives no number: never "the one in your email"
    call = answer(Ask("Someone ring me back please", "request"), ctx(), t)
    assert "in your email" not in call
    assert "number we hold" not in call  # nor one we may not hold, or an attacker changed


def test_a_rhetorical_question_is_met_with_the_feeling_not_a_promise_to_check(
    reply_config: ReplyConfig,
) -> None:
    feeling = "I can see how much trouble this has caused you, and why you're upset."
    said = answer(
        Ask("Are you completely incapable of running a database?", "question"),
        ctx(reuse={"rhetorical": feeling}),
        reply_config.templates,
    )
    assert said == feeling


def test_sentences_the_draft_holds_answer_the_asks_they_fit(reply_config: ReplyConfig) -> None:
    line = "You need this by 14:00 today, and our next update reaches you before then."
    c = ctx(reuse={"deadline": line, "attend": "This is with our team now."})
    t = reply_config.templates
    assert answer(Ask("I need it working by 3pm today", "request"), c, t) == line
    assert answer(Ask("Please look at this", "request"), c, t) == "This is with our team now."


def test_policy_refusal_answers_the_ask_that_runs_into_it(reply_config: ReplyConfig) -> None:
    [rule] = [r for r in reply_config.rules.policy if r.id == "mfa-off"]
    said = answer(
        Ask("Please turn off the login codes for my account", "request"),
        ctx("request", policy=reply_config.rules.policy),
        reply_config.templates,
    )
    assert said.startswith(("I'm afraid we can't", "I'm sorry, but we can't"))
    assert rule.alternative in said


@given(st.text(max_size=120))
def test_any_ask_gets_a_sentence_that_claims_promises_and_admits_nothing(text: str) -> None:
    from triage.replies.config import load_reply_config
    from triage.sla import SlaPolicy

    from .conftest import ROOT

    cfg = _config.get("cfg") or load_reply_config(ROOT / "config" / "replies.toml", sla=SlaPolicy())
    _config["cfg"] = cfg
    for kind in ("fault", "security", "request"):
        said = answer(Ask(text, "request"), ctx(kind, tone=cfg.tone), cfg.templates)
        assert said.strip()
        found = check(
            said,
            config=cfg.tone,
            whole_reply=False,
            prior_contact=False,
            security=kind == "security",
        )
        assert errors(found) == [], (text, said)
        assert "[" not in said
        assert "{" not in said


_config: dict[str, ReplyConfig] = {}


def test_offering_to_pay_is_not_a_request_for_money() -> None:
    assert ask_class(Ask("I'm happy to pay for whatever is needed", "request")) != "money"
    assert ask_class(Ask("I expect you to pay for the repair", "request")) == "money"
    assert ask_class(Ask("Please refund the difference", "request")) == "money"


def test_asking_to_be_given_something_is_a_request_not_a_question() -> None:
    for text in ("Can I get the diagramming software installed?", "Could we have a loan laptop?"):
        assert ask_class(Ask(text, "question")) == "do"
    assert ask_class(Ask("Can I reset my own password?", "question")) != "do"


def test_asks_none_of_whose_words_can_be_said_back_share_one_sentence(
    reply_config: ReplyConfig,
) -> None:
    templates = reply_config.templates
    ctx = _fault()
    asks = (
        Ask("What exactly are we getting for that?", "question"),
        Ask("What now?", "question"),
        Ask("Could you reset my voicemail PIN please", "request"),
    )
    said = [sentence for _, sentence in answer_asks(asks, ctx, templates)]
    assert said[0] == said[1]  # one sentence for the two it cannot name
    assert "reset your voicemail PIN" in said[2]
    shared = {
        t.format(callback="17:00 today", handler_obj="us")
        for t in templates.slots["answer_rest_plain"]["any"]
    }
    assert said[0] in shared  # ("What now?" is too short to quote: neither is quoted)
    # asks that can be quoted are, by name, in one sentence: "the rest of what you asked"
    # names none (judges: passed over)
    quotable = (asks[0], Ask("Where has the old menu gone?", "question"), asks[2])
    named = [sentence for _, sentence in answer_asks(quotable, ctx, templates)]
    assert named[0] == named[1]
    assert '"What exactly are we getting for that?"' in named[0]
    assert '"Where has the old menu gone?"' in named[0]
    alone = answer_asks(asks[:1], ctx, templates)  # a single one is quoted by itself
    assert '"What exactly are we getting for that?"' in alone[0][1]


def test_a_sentence_that_asks_nothing_shares_its_neighbours_answer(
    reply_config: ReplyConfig,
) -> None:
    # "I'm asking about a feature." and "I'd like a straight answer" named as points of their
    # own became "on the other points you raised", points never raised (judges)
    templates = reply_config.templates
    asks = (
        Ask("Does your network support IPv6 for home customers?", "question"),
        Ask("I'm asking about a feature.", "request"),
        Ask("Could you reset my voicemail PIN please", "request"),
        Ask("but I'd like a straight answer.", "request"),
    )
    said = [sentence for _, sentence in answer_asks(asks, ctx("question"), templates)]
    assert said[1] == said[0]
    assert said[3] == said[2]
    others = {
        t.format(callback="14:00 GMT today", handler_obj="our network team")
        for slot in ("answer_rest_plain", "answer_all_plain")
        for t in templates.slots[slot]["any"]
    }
    assert not others & set(said)
    # a list point read as no ask is still said back where its words can be (paired judges:
    # "acknowledges the deletion-retention question")
    listed = (Ask("how long emails are kept after they're deleted from a mailbox", "request"),)
    [(_, kept)] = answer_asks((*listed, asks[0]), ctx("question"), templates)[:1]
    assert "how long emails are kept" in kept
    # ... but never "You asked us to take our time" (paired judges)
    calm = answer_asks(
        (asks[0], Ask("Honestly, take your time.", "request")), ctx("question"), templates
    )
    assert "take our time" not in calm[1][1]
    # alone, it still gets a sentence of its own (a stock one)
    [(_, alone)] = answer_asks(asks[1:2], ctx("question"), templates)
    assert "14:00 GMT today" in alone
    # two stock lines beside it are all that is asked: "what you've asked", not "the rest"
    two = (Ask("What exactly are we getting for that?", "question"), Ask("What now?", "question"))
    said = [s for _, s in answer_asks((*two, asks[1]), ctx("question"), templates)]
    alls = {
        t.format(callback="14:00 GMT today", handler_obj="our network team")
        for t in templates.slots["answer_all_plain"]["any"]
    }
    assert said[0] in alls


def test_several_named_questions_are_answered_in_one_sentence(reply_config: ReplyConfig) -> None:
    ctx = AnswerContext(
        kind="question",
        key="k",
        style="calm",
        callback="17:00 today",
        handler="we",
        handler_obj="us",
    )
    asks = (
        Ask("Do you offer any nonprofit discount?", "question"),
        Ask("Is the IT induction session still on Thursday at 2?", "question"),
        Ask("Could you reset my voicemail PIN please", "request"),
    )
    said = [s for _, s in answer_asks(asks, ctx, reply_config.templates)]
    assert said[0] == said[1]  # one sentence names both, in order
    assert said[0].index("whether we offer any") < said[0].index("whether the IT induction")
    assert "reset your voicemail PIN" in said[2]


def test_several_things_to_do_are_said_back_in_one_sentence(reply_config: ReplyConfig) -> None:
    ctx = _fault()
    asks = (Ask("Get it off my invoices.", "request"), Ask("Remove the banner too.", "request"))
    said = [s for _, s in answer_asks(asks, ctx, reply_config.templates)]
    assert said[0] == said[1]  # "we will take that on now" once, not twice
    assert said[0].index("get it off your invoices") < said[0].index("to remove the banner")


def test_something_the_desk_provides_is_committed_to_not_taken_on(
    reply_config: ReplyConfig,
) -> None:
    ctx = _fault()
    lend = Ask("Could you lend us a spare wristband printer until it's fixed?", "request")
    [(_, said)] = answer_asks((lend,), ctx, reply_config.templates)
    assert "lend you a spare wristband printer" in said
    assert "it's done" in said  # committed: "once it's done" / "that it's done"
    assert "where it stands" not in said  # not "we will take that on now"


def test_a_thing_asked_for_is_committed_to_and_a_request_in_feedback_is_not_a_wish(
    reply_config: ReplyConfig,
) -> None:
    ctx = _fault()
    keyboard = Ask("Any chance of a keyboard that isn't sticky?", "question")
    [(_, said)] = answer_asks((keyboard,), ctx, reply_config.templates)
    assert "for a keyboard that isn't sticky" in said
    assert "it's done" in said
    passed = "Your comments go to the team."
    feedback = replace(ctx, kind="feedback", reuse={"pass_on": passed})
    link = Ask("Could someone send me the link to the recording?", "request")
    [(_, sent)] = answer_asks((link,), feedback, reply_config.templates)
    assert sent != passed
    assert "send you the link to the recording" in sent


def test_a_decision_asked_for_is_never_arranged(reply_config: ReplyConfig) -> None:
    ctx = _fault()
    for text in ("I want a discount for the trouble.", "I'd like a new feature in the app."):
        [(_, said)] = answer_asks((Ask(text, "request"),), ctx, reply_config.templates)
        assert "arrange it" not in said
        assert "it's done" not in said


def _fault() -> AnswerContext:
    """A calm fault's answers, due by 17:00 today and given by us."""
    return AnswerContext(
        kind="fault", key="k", style="calm", callback="17:00 today", handler="we", handler_obj="us"
    )


def test_an_ask_that_holds_several_is_answered_part_by_part(reply_config: ReplyConfig) -> None:
    # judges: "I need a date, an engineer, and someone to actually ring me back" was answered
    # with the call alone
    text = "I need a date, an engineer, and someone to actually ring me back."
    ((ask, said),) = answer_asks((Ask(text, "request"),), ctx(), reply_config.templates)
    assert ask == text
    assert "engineer" in said
    assert re.search(r"(?i)\b(?:ring|phone|call)\b", said)
    assert said.count("14:00 GMT today") >= 2  # each part with its time
    # an earlier ask's answer is not said again by the one that holds several
    call_first = answer_asks(
        (Ask("Please call me.", "request"), Ask(text, "request")), ctx(), reply_config.templates
    )
    first, second = (s for _, s in call_first)
    assert first not in second


def test_each_part_of_an_ask_to_stop_an_attack_is_promised_first(
    reply_config: ReplyConfig,
) -> None:
    text = "Please (a) freeze the payout now and (b) suspend the admin account."
    c = ctx("security", security=True, attacks=frozenset({text}))
    ((_, said),) = answer_asks((Ask(text, "request"),), c, reply_config.templates)
    assert "straight away" not in said


def test_work_the_desk_does_is_committed_to_and_a_specific_attend_is_said_back(
    reply_config: ReplyConfig,
) -> None:
    # judges: "no commitment that someone will check his approver rights today" (the ask got
    # the next-update line) and "we will take that on" read as boilerplate that never commits
    ctx = replace(_fault(), reuse={"attend": "We'll update you by 17:00 today."})
    check = Ask("Could someone check my approver permissions today, please?", "request")
    [(_, said)] = answer_asks((check,), ctx, reply_config.templates)
    assert "check your approver permissions" in said
    assert re.search(r"arrange it|see to it", said)
    # ... while "look at it" names nothing: the plan's own line answers it
    look = Ask("Could someone look at it please.", "request")
    [(_, plain)] = answer_asks((look,), ctx, reply_config.templates)
    assert plain == "We'll update you by 17:00 today."
    # a complaint's "noted" is its own plan line, not "we will take that on now"
    where = "We've passed your complaint to the people responsible."
    complaint = replace(ctx, kind="policy_complaint", reuse={"noted": where})
    noted = Ask("I'd like the complaint noted.", "request")
    [(_, done)] = answer_asks((noted,), complaint, reply_config.templates)
    assert done == where


def test_several_things_we_commit_to_are_one_sentence(reply_config: ReplyConfig) -> None:
    # "we will arrange it ... holding it up" once for each read as a template to judges
    ctx = replace(_fault(), kind="request")
    asks = (
        Ask("Membership of the Employment team distribution list.", "request"),
        Ask("Could you swap the mouse on reception?", "request"),
    )
    said = [s for _, s in answer_asks(asks, ctx, reply_config.templates)]
    assert said[0] == said[1]
    assert "for membership of the Employment team distribution list" in said[0]
    assert "for us to swap the mouse on reception" in said[0]


def test_why_a_price_is_asked_of_the_people_who_set_it_not_as_a_faults_cause(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    why = Ask("I'd like to understand why I am charged £22 more than a new customer.", "request")
    priced = answer_asks((why,), ctx("question", about_money=True), t)[0][1]
    assert "people responsible" in priced
    assert "cause" not in priced
    # a charge's why is a billing fault's cause, not a price decision (review)
    twice = Ask("Why have I been charged twice this month?", "question")
    assert (
        "people responsible"
        not in answer_asks((twice,), ctx("question", about_money=True), t)[0][1]
    )
    # a fault's why is still its cause, found before it is explained
    broken = answer(Ask("Why does it keep dropping?", "question"), ctx("fault"), t)
    assert "people responsible" not in broken


def test_work_asked_with_a_price_is_booked_once_the_price_is_agreed(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    asks = (
        Ask("Could you set up a guest network?", "request"),
        Ask("Please send a quote.", "request"),
    )
    said = {s for _, s in answer_asks(asks, ctx("request"), t)}
    assert len(said) == 1  # the price, then the work, in one sentence
    (sentence,) = said
    assert "price" in sentence
    assert "book the work in" in sentence
    assert "once it's done" not in sentence
    # a price for something else leaves the job as it is (review)
    other = (asks[0], Ask("Also, please send a quote for two new laptops.", "request"))
    assert all("book the work in" not in s for _, s in answer_asks(other, ctx("request"), t))
    # without the price asked, the work itself is committed to
    alone = answer_asks(asks[:1], ctx("request"), t)
    assert "book the work in" not in alone[0][1]


def test_a_thing_asked_for_by_a_time_is_promised_not_only_the_time(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    deadline = {"deadline": "We've noted that you need this by 10:00 GMT tomorrow."}
    work = Ask("Could the extra time be added to the exam settings before then?", "question")
    said = answer(work, ctx("request", reuse=deadline), t)
    assert "the extra time to be added to the exam settings" in said
    # a person by a time, "this" or an answer by a time: the deadline line answers it
    for text in (
        "I want the IT Director on the phone by 10:15.",
        "I want my supervisor on the phone by 10:15.",
        "I want this sorted by 5pm.",
        "I need an answer by 5pm.",
    ):
        assert (
            answer(Ask(text, "request"), ctx("request", reuse=deadline), t)
            == (deadline["deadline"])
        ), text


def test_a_call_to_a_number_the_ask_gives_is_promised_to_that_number(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    mine = answer(Ask("Call me on 07700 900938", "request"), ctx(has_number=True), t)
    assert "07700 900938" in mine
    assert "14:00 GMT today" in mine
    ward = answer(Ask("Someone needs to call Ward 6 on 6601 RIGHT NOW.", "request"), ctx(), t)
    assert "Ward 6 on 6601" in ward
    assert "reply with" not in ward  # the number is in the ask: never asked for again
    plain = answer(Ask("Please call me today.", "request"), ctx(), t)
    assert "number" in plain  # none given: asked for


def test_how_a_member_of_staff_treated_them_goes_to_the_manager_not_the_fixing_team(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    said = answer(Ask("I want the person disciplined.", "request"), ctx(), t)
    assert t.supervisor in said
    assert "our network team" not in said
    assert "disciplin" not in said  # what happens to staff is never promised
    recording = answer(Ask("I want the call recording.", "request"), ctx(), t)
    assert "recording" in recording
    assert "whether we hold it" in recording  # found and offered, not promised to exist


def test_asking_for_someone_to_get_back_to_them_is_answered_by_the_plans_own_line(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    line = "Our desktop support team has this, and you'll hear from us by 14:00 GMT today."
    for text in (
        "I need it for a workshop at 10 so could someone get back to me quickly please?",
        "Is anyone answering these?",
    ):
        assert answer(Ask(text, "request"), ctx(reuse={"attend": line}), t) == line


def test_an_offer_to_bring_the_device_in_is_taken_up_except_in_a_security_matter(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    offer = Ask("Shall I bring it down to you?", "question")
    assert "bring it in" in answer(offer, ctx(), t)
    assert "bring it in" not in answer(offer, ctx("security", security=True), t)


def test_several_asks_to_stop_an_attack_are_said_back_in_one_sentence(
    reply_config: ReplyConfig,
) -> None:
    stop = Ask("Please stop all outgoing mail from my account.", "request")
    rules = Ask("Please find and remove whatever rule they've set up.", "request")
    c = ctx("security", security=True, attacks=frozenset({stop.text, rules.text}))
    said = [s for _, s in answer_asks((stop, rules), c, reply_config.templates)]
    assert said[0] == said[1]  # "the first thing ... will do" once, not twice
    assert "stop all outgoing mail" in said[0]
    assert "remove whatever rule" in said[0]


def test_an_executive_named_gets_the_request_passed_to_them_not_our_duty_manager(
    reply_config: ReplyConfig,
) -> None:
    t = reply_config.templates
    said = answer(Ask("and I want this escalated to your CTO.", "request"), ctx(), t)
    assert "our CTO" in said
    assert "confirm" in said  # that it reached them, not what they will decide
    # "the Head of Department" is as likely theirs: never made ours
    theirs = Ask("the Head of Department has agreed to nominate me, can you escalate?", "request")
    assert "our Head of Department" not in answer(theirs, ctx(), t)


def test_the_class_an_ask_is_answered_as_is_the_one_the_agents_to_do_reads(
    reply_config: ReplyConfig,
) -> None:
    # one decision (used_class) for the answer and the to-do: "bring it in" is neither said
    # nor put on the agent's list in a security matter
    secure = ctx("security", security=True)
    offer = Ask("Shall I bring it down to you?", "question")
    staff = Ask("Can you look into the engineer who was rude to my wife?", "request")
    assert used_class(offer, secure) == "question"
    assert used_class(staff, secure) == "do"
    assert used_class(offer, ctx()) == "bring_in"
    assert used_class(staff, ctx()) == "conduct"


def test_a_complaints_demand_is_looked_at_unless_the_desk_answers_for_it() -> None:
    assert complaint_slot("answer_do", "policy_complaint", "us to let people go") == (
        "answer_do_complaint"
    )
    behaviour = "for that agent's behaviour to be addressed"
    assert complaint_slot("answer_do", "policy_complaint", behaviour) == "answer_do"
    assert complaint_slot("answer_do", "fault", "us to undo whatever was done") == "answer_do"
    setting = "for confirmation that invitations now require admin approval on your account"
    assert complaint_slot("answer_do", "policy_complaint", setting) == "answer_do"
    autosave = "for the new autosave behaviour switched off for everyone in our firm"
    assert complaint_slot("answer_do", "policy_complaint", autosave) == "answer_do_complaint"
    policy = "for confirmation that individual names will never be published again"
    assert complaint_slot("answer_do", "policy_complaint", policy) == "answer_do_complaint"


def test_a_plain_wish_in_a_question_is_not_answered_with_what_we_have_done(
    reply_config: ReplyConfig,
) -> None:
    # "what we've done" of "I'd want them put onto a memory stick or something" made no sense
    wish = Ask("I'd want them put onto a memory stick or something.", "request")
    [(_, said)] = answer_asks((wish,), ctx("question"), reply_config.templates)
    assert "what we've done" not in said
    assert "14:00 GMT today" in said
    [(_, fault)] = answer_asks((wish,), ctx("fault"), reply_config.templates)
    assert "14:00 GMT today" in fault


def test_politeness_is_not_said_back() -> None:
    from triage.replies.askback import ask_phrase

    said = ask_phrase("Could you possibly explain what the extra is for?")
    assert said is not None
    assert "possibly" not in said
    assert "explain what the extra is for" in said


def test_in_a_security_matter_should_the_others_do_the_same_is_answered_yes(
    reply_config: ReplyConfig,
) -> None:
    # judges: "never answers whether colleagues should disconnect" (a ransomware report)
    yes = set(reply_config.templates.slots["answer_others_too"]["any"])
    security = ctx("security", security_team="our IT security team")

    def said(text: str, c: AnswerContext = security) -> str:  # noqa: B008
        [(_, sentence)] = answer_asks((Ask(text, "question"),), c, reply_config.templates)
        return sentence

    assert said("Should my colleagues disconnect too?") in yes
    # "the same" as a safe step they took, only
    same = "Should I tell them to do the same?"
    assert said(same, replace(security, took_safe_step=True)) in yes
    assert said(same) not in yes
    # never of anything else, nor outside a security matter (review)
    assert said("Should I tell the others to pay the invoice too?") not in yes
    assert said("Should my colleagues disconnect too?", ctx("fault")) not in yes
