"""The reply to feedback or thanks (triage/replies/feedback.py): suggestions counted back, the
person a thank-you is written to named, and a real question in it answered."""

from __future__ import annotations

import pytest

from triage.reading.values import Ask
from triage.replies.config import ReplyConfig
from triage.replies.feedback import _suggested, _suggestions, _thanked
from triage.replies.knowledge import KnowledgeBase

from .test_compose import email, make, reading

LIST = """Replying to your request for feedback on the new printers.

Overall: a big improvement, thank you for a well-run rollout.

1. The default is colour. Could the default be mono?
2. The release screen times out after about 20 seconds.
3. The "Scan to My Email" button names every file scan0001.pdf.
4. There's no sign on the 5th floor saying which printer is which.
"""


def test_a_list_of_suggestions_is_counted_back_with_when_they_will_hear(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # judges: "no specific thanks for the praised rollout, and her four suggestions aren't
    # acknowledged"
    read = reading("feedback", asks=("Could the default be mono?",))
    s = make(reply_config, keyword_kb, email(LIST, subject="Feedback: printers"), read=read)
    assert "four suggestions" in s.acknowledge
    assert "what comes of them" in s.plan  # passed on, with no date the desk can't keep
    assert "sorry" not in s.text.lower()


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (LIST, "four suggestions"),
        ("1. One thing only.", ""),
        ("No list here.", ""),
        # what went well, numbered, is praise
        ("Three things you did well:\n1. Quick response\n2. Friendly engineer\n3. Fixed", ""),
    ],
)
def test_suggestions_are_counted_from_a_numbered_list(text: str, count: str) -> None:
    assert _suggestions(text) == count


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Hi Tomás,\n\nEverything is back. Thank you so much for restoring it.", "Tomás"),
        ("Hi team,\n\nThank you so much for restoring it.", ""),
        ("Hello there,\n\nThanks!", ""),
        ("Dear Sir,\n\nThank you for sorting my laptop out.", ""),  # a salutation
        ("Dear Colleagues,\n\nThank you!", ""),
        ("Thanks again, and please tell Mei she made my week.", "Mei"),
        ("Please thank Jade for me.", "Jade"),
        ("Great service as always! Please tell Payroll my bank details have changed.", ""),
        ("Please tell Mum I said hi.", ""),
        ("I rang last week and spoke to Aisha. She sorted it in ten minutes.", "Aisha"),
        ("I spoke to Sales twice about it.", ""),
        ("I spoke to Barclays first and they were no use.", ""),
        ("I spoke to Dave, who was no help at all, then Aisha fixed it.", ""),
    ],
)
def test_a_thank_you_written_to_someone_by_name_names_them(text: str, person: str) -> None:
    assert _thanked(text) == person


def test_a_real_question_in_a_thank_you_is_answered_not_filed_as_feedback(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    ask = "Is there a way to turn on version history for the whole workspace?"
    text = f"Hi Tomás,\n\nThank you so much for restoring the project, you saved my week. {ask}"
    s = make(reply_config, keyword_kb, email(text), read=reading("feedback", asks=(ask,)))
    assert "Tomás" in s.plan
    assert "version history" in s.text


@pytest.mark.parametrize(
    ("text", "said", "not_said"),
    [
        # judges: "invents 'it's all working now'" of thanks for Maria who sorted an import
        (
            "Just wanted to say thank you to Maria, who sorted our import last week.",
            "Maria",
            "working",
        ),
        # it is news they gave: said back
        ("Thanks to Jade, the printer is working again. Great job!", "working again", ""),
        ("The VPN is back up and working again, thanks.", "working", ""),
    ],
)
def test_thanks_for_a_person_is_not_news_that_it_works_unless_they_say_so(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase, text: str, said: str, not_said: str
) -> None:
    draft = make(reply_config, keyword_kb, email(text), read=reading("feedback"))
    assert said in draft.text
    assert not not_said or not_said not in draft.acknowledge


DROP_IN = """Just a suggestion rather than a problem. A lot of people on our floor have small
'how do I...' questions. Would you ever consider a weekly 30-minute drop-in, either in the
canteen or on Teams? I think it'd save you a fair few tickets."""


def test_one_suggestion_is_said_back_with_where_it_goes(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # judges: "the drop-in suggestion is never acknowledged"
    ask = "Would you ever consider a weekly 30-minute drop-in, either in the canteen or on Teams?"
    read = reading("feedback", asks=(ask,))
    s = make(reply_config, keyword_kb, email(DROP_IN, subject="Suggestion: drop-ins"), read=read)
    assert "You asked us to consider a weekly 30-minute drop-in" in s.plan
    assert "service desk manager" in s.plan
    assert s.text.count("service desk manager") == 1  # said once, not again as the ask's answer


@pytest.mark.parametrize(
    "ask",
    [
        "Could someone send me the link when you have a moment?",  # a request to be sent
        "Is there a way to turn on version history for the whole workspace?",  # wants an answer
        "Could you add an export to .ods?",  # a change to the product: its own answer
        "Could someone call me to walk me through it?",  # a call asked for
        "Would you consider refunding the £95 call-out?",  # money: the billing team's
        "Could you reset my password?",  # a request
    ],
)
def test_not_a_suggestion_keeps_its_own_answer(ask: str) -> None:
    assert _suggested((Ask(ask, "request"),)) == ""


@pytest.mark.parametrize(
    ("subject", "about"),
    [
        ("new portal - feedback", "the new portal"),
        ("IT induction feedback", "the IT induction"),
        ("Feedback on your hold music", "our hold music"),  # ours, not theirs
        ("Re: Feedback on my recent visit", "your recent visit"),
        ("engineer left rubbish", ""),  # a sentence: nothing said rather than garbled
        ("Feedback on your app and my account", ""),
        ("Feedback", ""),
        ("Compliments for your engineer", ""),  # praise keeps its own thanks
        # no label, or a when or a who after it: no topic (review)
        ("Feedback after my visit", ""),
        ("Feedback from the Leeds office", ""),
        ("Happy customer", ""),
        ("Loving the new portal!", ""),
        # unlabelled, a plain phrase is still what it is about (paired judges, 2-0)
        ("login screen photo", "the login screen photo"),
    ],
)
def test_plain_feedback_names_what_its_subject_is_about(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase, subject: str, about: str
) -> None:
    # judges: "no restatement" of feedback thanked with "Thank you for sending this"
    text = "The font is so small I had to zoom to 150% to find the new ticket button. Just so you know."
    draft = make(reply_config, keyword_kb, email(text, subject=subject), read=reading("feedback"))
    slots = reply_config.templates.slots["feedback_thanks_about"]["any"]
    if about:
        assert any(t.format(topic=about) in draft.acknowledge for t in slots)
    else:
        assert not any(t.split("{")[0] in draft.acknowledge for t in slots)
