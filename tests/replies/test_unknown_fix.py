"""No knowledge-base fix: the questions the email leaves open, else what we'll do first."""

from __future__ import annotations

import pytest

from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase

from .test_compose import email, make, reading

# each email gives the time, the message and what was tried: the usual questions are answered
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
    assert "what we'll check first" in s.agent_todo[0]  # the agent keeps the promise
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
    # money named in passing is no billing problem ("customers are only charged once")
    printer = PRINTER + " Customers are only charged once, so it's not a billing problem."
    s = make(reply_config, keyword_kb, email(printer), read=reading("fault"))
    assert "charge" not in s.fix
    assert "printer's status" in s.fix


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
