"""The whole reading on hand-written emails, the guide's examples among them
(shared/design/reply-guide.md "Read the message before writing", reading-labels.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.reading.conftest import RECEIVED, ZONE
from triage.reading.reader import TextReader
from triage.reading.values import Ask, TextReading


def _read(reader: TextReader, text: str, subject: str = "") -> TextReading:
    return reader.read(subject, text, RECEIVED)


def _asks(reading: TextReading) -> list[str]:
    return [a.text for a in reading.asks]


def test_the_guides_asks_are_found_in_order_with_their_type(reader: TextReader) -> None:
    text = (
        "Your new 'smart' filter has eaten three of my client emails this week.\n\n"
        "Please switch it off for my account. I want your most senior person on a call with "
        "me. Is that your policy or ours?"
    )
    reading = _read(reader, text)
    assert reading.asks == (
        Ask("Please switch it off for my account.", "request"),
        Ask("I want your most senior person on a call with me.", "request"),
        Ask("Is that your policy or ours?", "question"),
    )


def test_rhetorical_questions_and_statements_are_not_asks(reader: TextReader) -> None:
    text = (
        "The printer on floor 2 is jammed again. How hard can it be to fix a printer?! "
        "It was fine last week. Could someone take a look today?"
    )
    assert _asks(_read(reader, text)) == ["Could someone take a look today?"]


def test_shouted_commands_are_read_as_commands(reader: TextReader) -> None:
    text = "I have called four times. ANSWER THE PHONE. And tell me whether to switch my PC off."
    asks = _asks(_read(reader, text))
    assert "ANSWER THE PHONE" in asks[0]
    assert any("tell me whether to switch my PC off" in a for a in asks)


def test_a_list_after_i_want_is_one_ask_per_line(reader: TextReader) -> None:
    text = (
        "This is the third outage this month.\n\nI want:\n"
        "1. Our data restored today.\n2. A phone call from a manager.\n"
        "3. Written confirmation of what was lost.\n\nRegards,\nSam"
    )
    assert _asks(_read(reader, text)) == [
        "Our data restored today.",
        "A phone call from a manager.",
        "Written confirmation of what was lost.",
    ]


def test_a_listed_thing_with_a_clause_of_detail_still_asks(reader: TextReader) -> None:
    # parsed with two subjects ("refund", "it"), the line read as telling (judges: "refund
    # request ignored")
    text = "I want:\n- A manager to call me today\n- A refund for every day it's been off\n"
    assert _asks(_read(reader, text)) == [
        "A manager to call me today",
        "A refund for every day it's been off",
    ]


def test_what_is_done_through_the_desk_is_asked_for(reader: TextReader) -> None:
    text = "It drops every ten minutes. I'd like to return it and get one that works, or a refund."
    assert _asks(_read(reader, text)) == [
        "I'd like to return it and get one that works, or a refund."
    ]
    assert _asks(_read(reader, "I'd like to give you some feedback on the new app.")) == []
    told = "We were then told we'd need to return the router, which we did."
    assert _asks(_read(reader, told)) == []
    felt = "No option to turn it off. This makes me want to cancel out of pure spite."
    assert _asks(_read(reader, felt)) == []
    others = "I have had four calls from your sales team asking if I want to upgrade."
    assert _asks(_read(reader, others)) == []
    errand = "I need to return the laptop to the office by Friday but the charger is missing."
    assert _asks(_read(reader, errand)) == []
    said = "I already said I need a replacement laptop."
    assert _asks(_read(reader, said)) == [said]


def test_a_list_of_what_happened_is_no_list_of_asks(reader: TextReader) -> None:
    # judges, harmful: "- a chatbot first, ..." was answered "we will arrange each of those"
    story = (
        "My last four support requests went like this:\n- a chatbot first, which never"
        " understood the question;\n- then a human who replied with a generic article.\n\n"
        "None of the issues were serious."
    )
    assert _asks(_read(reader, story)) == []
    told = "I'd like to explain what happened:\n- the screen went black\n- then it restarted"
    assert _asks(_read(reader, told)) == []
    wants = "I'd like:\n- a call from a manager\n- a refund of this month"
    assert _asks(_read(reader, wants)) == ["a call from a manager", "a refund of this month"]


def test_a_numbered_line_the_parse_cuts_is_still_one_ask(reader: TextReader) -> None:
    # the parse ended a sentence inside "1) an engineer this week, first slot of the day",
    # and the list's other two lines were lost with it; a detail after a dash ("- he'll hand
    # them to Paul") does not make a line tell rather than ask
    text = (
        "Nobody came. I want:\n1) an engineer this week, first slot of the day\n"
        "2) compensation for today's lost wages and every day without service\n"
        "3) someone senior to ring me, not a script reader\n\n"
        "Please could you:\n- Arrange collection of his laptop and phone - he'll hand them "
        "to Paul on the day\n- Access to the Finance shared drive - same as Tom Gilbert has\n"
    )
    assert _asks(_read(reader, text)) == [
        "an engineer this week, first slot of the day",
        "compensation for today's lost wages and every day without service",
        "someone senior to ring me, not a script reader",
        "Arrange collection of his laptop and phone - he'll hand them to Paul on the day",
        "Access to the Finance shared drive - same as Tom Gilbert has",
    ]


def test_two_commands_joined_by_and_are_two_asks(reader: TextReader) -> None:
    text = "Stop the restore job immediately and explain what happened to my folders."
    assert len(_read(reader, text).asks) == 2


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        (
            "How do I set an out of office on Outlook web? I'm off from Friday.",
            "How do I set an out of office on Outlook web?",
        ),
        (
            "I want a loan laptop today, I'm not using annual leave to cover for this.",
            "I want a loan laptop today, I'm not using annual leave to cover for this.",
        ),
        ("Please keep this confidential.", "Please keep this confidential."),
        (
            "Sarah is on leave so please give me access to her mailbox.",
            "Sarah is on leave so please give me access to her mailbox.",
        ),
        (
            "The payroll folder is confidential, can you restrict it to HR only?",
            "The payroll folder is confidential, can you restrict it to HR only?",
        ),
        (
            "I'm on leave from Monday, can you set up my out of office?",
            "I'm on leave from Monday, can you set up my out of office?",
        ),
    ],
)
def test_a_customers_words_about_leave_or_secrecy_still_ask(
    reader: TextReader, text: str, ask: str
) -> None:
    # "out of office", "annual leave" and "confidential" alone once marked a sentence as an
    # auto-reply's or a disclaimer's, and the customer's ask was lost
    assert _asks(_read(reader, text)) == [ask]


@pytest.mark.parametrize(
    "text",
    [
        "This email and any attachments are confidential and may be privileged.",
        "I am currently out of the office until Monday, please contact Jo Bloggs instead.",
        "I'm off on annual leave until 5 January; please contact reception.",
        "CONFIDENTIALITY NOTICE: please delete this message if it is not for you.",
    ],
)
def test_disclaimer_and_auto_reply_sentences_ask_nothing(reader: TextReader, text: str) -> None:
    assert _asks(_read(reader, text)) == []


def test_the_guides_deadlines_resolve_in_the_desks_zone(reader: TextReader) -> None:
    cases = {
        "The projector is dead and we meet tomorrow night, please help.": (
            "tomorrow night",
            datetime(2026, 12, 3, 20, 0, tzinfo=ZONE),
        ),
        "The scanners are down and the trailers leave by 08:00, please fix it.": (
            "by 08:00",
            datetime(2026, 12, 3, 8, 0, tzinfo=ZONE),
        ),
        "Can you get this sorted by Friday? The auditors want it.": (
            "by Friday",
            datetime(2026, 12, 4, 17, 0, tzinfo=ZONE),
        ),
        "Can you fix the screen before the board meeting at 2?": (
            "before the board meeting at 2",
            datetime(2026, 12, 2, 14, 0, tzinfo=ZONE),
        ),
    }
    for text, (phrase, at) in cases.items():
        deadline = _read(reader, text).deadline
        assert deadline is not None, text
        assert phrase in deadline.phrase, (text, deadline)
        assert deadline.at == at, (text, deadline)


def test_an_event_minutes_or_an_hour_away_is_the_deadline(reader: TextReader) -> None:
    for text, phrase, minutes in (
        ("My final exam starts in 45 minutes and the internet has just died.", "in 45", 45),
        ("Internet down, exam starts in an hour.", "in an hour", 60),
        ("I have a video job interview in 90 minutes.", "in 90 minutes", 90),
    ):
        deadline = _read(reader, text).deadline
        assert deadline is not None, text
        assert phrase in deadline.phrase, (text, deadline)
        assert deadline.at == RECEIVED + timedelta(minutes=minutes), (text, deadline)
    # what someone else said ("call you back within 15 minutes") and history are not
    for text in (
        "Twice I was told someone would call me back within 15 minutes; nobody has.",
        "The meeting room screen died in the last 20 minutes.",
        "Our shop has been offline for 45 minutes.",
        "The engineer will be here in 30 minutes, so the exam room should be fine.",
        "The update will finish in 20 minutes, then the exam software should work.",
        "Our shop opens in 600 minutes and the till is dead.",
    ):
        assert _read(reader, text).deadline is None, text


@pytest.mark.parametrize(
    "text",
    [
        "The VPN has been down since Monday. Please fix it ASAP.",
        "I called at 9:05 this morning and nobody called back. Please escalate it.",
        "My laptop has been slow for three days.",
    ],
)
def test_history_and_asap_are_not_deadlines(reader: TextReader, text: str) -> None:
    assert _read(reader, text).deadline is None


def test_tried_steps_are_the_customers_own_words(reader: TextReader) -> None:
    text = (
        "VPN error 809 again. I've restarted the laptop twice and tried my phone hotspot, "
        "same thing. My colleague says to reinstall the client but I haven't done that."
    )
    tried = _read(reader, text).tried
    assert any(t.startswith("restarted the laptop twice") for t in tried)
    assert any("phone hotspot" in t for t in tried)
    assert not any("reinstall" in t for t in tried)


def test_a_list_of_what_was_tried_gives_each_item(reader: TextReader) -> None:
    text = (
        "Excel crashes when I open the workbook.\n\nWhat I've tried:\n"
        "- Opening in Safe Mode (excel /safe) - opens but macros don't run\n"
        "- Repairing Office from Apps & Features\n"
        "- Copying the file locally instead of opening from SharePoint\n"
        "A colleague can open the same file."
    )
    tried = _read(reader, text).tried
    assert tried[:3] == (
        "Opening in Safe Mode",
        "Repairing Office from Apps & Features",
        "Copying the file locally instead of opening from SharePoint",
    )
    assert "tried" not in tried  # the heading is no step of its own
    # typed on a phone, a step with a comma in it, and an item that says nothing was done
    phone = (
        "What I\u2019ve tried:\n- Cleared cache, cookies and history\n"
        "- Haven't tried another browser yet"
    )
    assert _read(reader, phone).tried == ("Cleared cache, cookies and history",)
    # a list under no such heading is not what was tried
    asks = "Could you:\n- reset my password\n- unlock my account"
    assert _read(reader, asks).tried == ()


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("", "This is the third time I'm writing about the scanner.", True),
        ("", "I already reported this on Monday and nothing happened.", True),
        ("RE: Third time asking - printer", "Still broken.", True),
        ("", "As I said in my last email, the scanner is broken.", True),
        ("", "The scanner stopped working this morning.", False),
        ("", "I restarted it twice.", False),
        ("", "Our whole shop has been offline since we opened at 8:30.", False),  # the shop
        ("", "I opened a ticket on Monday and nobody replied.", True),
        ("", "It's the second time this month and slightly annoying.", False),  # the fault again
        ("", "I have just opened your letter saying that from April my bill goes up.", False),
        ("", "This is the 4th email I have sent about it.", True),
        ("", "I'm writing about this for the third time now.", True),
        ("", "That's the third time this ticket has been closed without a fix.", True),
        # contact with someone else is no earlier contact with the desk
        ("", "I rang the cardiology nurses, and they said it must send this week.", False),
        ("", "I called my bank yesterday and they blocked the card.", False),
        ("", "I rang your helpline yesterday and waited an hour.", True),
        ("", "I emailed the support team last week about it.", True),
        ("", "I called you twice last week.", True),
        # a name or "the manager" may well be ours
        ("", "I emailed Priya last week about this.", True),
        ("", "I phoned the manager yesterday.", True),
        # ringing the line itself is no contact; calling it in is
        ("", "When I rang it from my mobile this morning a recording answered.", False),
        ("", "I called it in on Monday and heard nothing.", True),
        ("", "I rang it in yesterday and was given a ticket number.", True),
        # contact denied is none ("charges for dates we never called you")
        ("", "Three charges on Jan 6, Jan 12 and Jan 19: we never called you.", False),
        ("", "I haven't contacted you about this before.", False),
        ("", "cant log in since ur update. 3rd msg. nobody replies.", True),
        ("", "I have rung you EVERY DAY and I've never complained before.", True),
        ("", "If they had asked, I'd have told them I do it every day.", False),
        ("", "I must have emailed you ten times about this.", True),
        ("", "Haven't I already told you twice?", True),
        ("", "I emailed every user the new password.", False),
        ("", "We need another mailbox for the new starter.", False),
        ("", "I've rung the bank twice about it.", False),
        ("", "I've already phoned a solicitor friend.", False),
        # what went to someone else is no message to us (a misdirected email)
        ("", "Ten minutes ago I emailed a client file to the wrong John.", False),
        ("", "I sent the invoice to my accountant last week.", False),
        ("", "I emailed it to your team last week.", True),
        ("", "I emailed the screenshots to the wrong ticket yesterday.", True),
        # a contact verb inside a relative clause about a thing is no contact ...
        ("", "The features we actually asked for in the last year haven't appeared.", False),
        # ... about a ticket or a callback it is
        ("", "The ticket I raised last week is still open.", True),
        ("", "The callback I asked for on Monday never came.", True),
        ("", "The problem I reported last week is back.", True),
        ("", "The access I asked for on Monday still isn't set up.", True),
        # "sent it" is contact only when it went to us
        ("", "I've sent it manually for now but it's a hassle to do that every week.", False),
        ("", "I sent it to you twice last week.", True),
        ("", "I sent it last Tuesday, did you get it?", True),
        ("", "I submitted this yesterday via the portal and still nothing.", True),
        ("", "I sent an email about this yesterday.", True),
        # how other requests went, told as a bulleted pattern, is no earlier contact about this
        (
            "",
            "My last four support requests went like this:\n- a chatbot first;\n- then,"
            " after I explained again, a reply asking me to describe the issue.",
            False,
        ),
        ("", "I explained again yesterday and nobody replied.", True),
    ],
)
def test_says_wrote_before(reader: TextReader, subject: str, text: str, expected: bool) -> None:
    assert _read(reader, text, subject).says_wrote_before is expected


def test_language_and_foreign_questions(reader: TextReader) -> None:
    reading = _read(reader, "Hola, no puedo entrar en mi cuenta desde ayer. ¿Pueden ayudarme?")
    assert reading.language == "es"
    assert _asks(reading) == ["¿Pueden ayudarme?"]
    assert reading.deadline is None
    assert _read(reader, "ok").language == "en"  # too short to tell: the desk's language


def test_automated_mail_reads_empty(reader: TextReader) -> None:
    text = (
        "I am on annual leave until Monday. For anything urgent please contact the AP team "
        "by 5pm today."
    )
    reading = _read(reader, text, subject="Automatic reply: your ticket")
    assert reading.asks == ()
    assert reading.deadline is None


def test_read_many_is_read_for_each(reader: TextReader) -> None:
    items = [
        ("printer", "Floor 2 printer jamming again. Can someone look today?", RECEIVED),
        ("", "Hola, ¿pueden ayudarme?", RECEIVED),
        ("", "", RECEIVED),
    ]
    assert reader.read_many(items) == [reader.read(*item) for item in items]
    assert reader.read_many([]) == []


def test_an_empty_text_reads_empty(reader: TextReader) -> None:
    reading = _read(reader, "")
    assert reading.asks == ()
    assert reading.deadline is None
    assert reading.tried == ()


def test_received_must_be_aware(reader: TextReader) -> None:
    with pytest.raises(ValueError, match="aware"):
        reader.read("", "Please call me.", datetime(2026, 12, 2, 9, 30))  # noqa: DTZ001


def test_the_received_zone_does_not_change_the_local_reading(reader: TextReader) -> None:
    text = "Please fix the projector by 5pm today."
    a = reader.read("", text, RECEIVED)
    b = reader.read("", text, RECEIVED.astimezone(UTC))
    assert a == b


@pytest.mark.parametrize(
    "text",
    [
        'I have now received six "How did we do?" emails for one ticket.',
        'I even tested it with the students ("can the back row hear me?") and it was fine.',
    ],
)
def test_a_quoted_question_is_not_an_ask(reader: TextReader, text: str) -> None:
    assert _asks(_read(reader, text)) == []


def test_a_question_after_a_quote_is_still_an_ask(reader: TextReader) -> None:
    text = 'The screen says "No sensor found". Can you look at it?'
    assert _asks(_read(reader, text)) == ["Can you look at it?"]


def test_honestly_in_a_request_is_no_rhetoric(reader: TextReader) -> None:
    text = "Can someone please tell me honestly what is happening? Honestly, is this a joke?"
    assert _asks(_read(reader, text)) == ["Can someone please tell me honestly what is happening?"]


def test_a_url_query_mark_makes_no_question(reader: TextReader) -> None:
    text = "The examples use ?page=2 in the query. Which one should I use?"
    assert _asks(_read(reader, text)) == ["Which one should I use?"]


def test_a_sentence_that_tells_is_not_an_ask_but_a_listed_demand_is(reader: TextReader) -> None:
    text = (
        "Friday is our busiest day for online orders. Could you fix the sync today?\n\n"
        "I want:\n- Our data restored from your backups TODAY.\n- The termination fee removed\n"
        "- Our contract guarantees 99.9% availability."
    )
    asks = [a.text for a in _read(reader, text).asks]
    assert not any(a.startswith("Friday is our busiest day") for a in asks)
    assert any(a.startswith("Could you fix the sync") for a in asks)
    assert "Our data restored from your backups TODAY." in asks
    assert any(a.startswith("The termination fee removed") for a in asks)
    assert not any(a.startswith("Our contract guarantees") for a in asks)


def test_what_the_writer_says_they_do_not_want_is_no_ask_and_no_deadline(
    reader: TextReader,
) -> None:
    text = (
        "I'm not asking for anything today and my contract doesn't end until later this year, "
        "but I want it on record that this is why loyal customers leave."
    )
    reading = _read(reader, text)
    assert not any(a.text.startswith("I'm not asking") for a in reading.asks)
    assert reading.deadline is None
    # a negated need with a time limit still gives one, and "but please" still asks
    limited = _read(reader, "We don't need it until Friday, but please confirm.")
    assert limited.asks


def test_two_commands_in_a_row_are_read_and_echoed_times_are_no_deadline(
    reader: TextReader,
) -> None:
    text = (
        'I reported it at 6:20. Your reply: "Our security team will review your case within 48 '
        'hours."\n\n48 HOURS?! The payout is scheduled for 3pm TODAY. Freeze the payout NOW, '
        "lock the account, and get a human being to call me. Restore the files to the state as "
        "of 06:00 if you can."
    )
    reading = _read(reader, text)
    assert any(a.text.startswith("Freeze the payout NOW, lock the account") for a in reading.asks)
    assert reading.deadline is not None
    assert "3pm" in reading.deadline.phrase


def test_a_command_with_a_comment_spliced_on_is_an_ask_without_the_comment(
    reader: TextReader,
) -> None:
    text = (
        "This is the third system this year where self-service reset just DOESN'T WORK. "
        "Reset it and fix the link, it's not difficult. I'm copying my director."
    )
    assert _asks(_read(reader, text)) == ["Reset it and fix the link"]
    assert _asks(_read(reader, "Send me the invoice, it's urgent.")) == ["Send me the invoice"]
    # the comment is cut wherever it goes ("not that hard", "was fine yesterday")
    assert _asks(_read(reader, "Fix it, it's not that hard.")) == ["Fix it"]
    assert _asks(_read(reader, "Reset it, it was fine yesterday.")) == ["Reset it"]
    assert _asks(_read(reader, "Look into it, it's urgent.")) == ["Look into it"]
    # an aside, a withdrawal or a comment with no command before it asks nothing
    for said in (
        "Trust me, it's annoying.",
        "Look, it's broken.",
        "Forget it, it's fine.",
        "Never mind, it's fine.",
        "If you see it, it's fine.",
        "Turn left, it's the second door.",
        "Honestly, it's bad.",
    ):
        assert _asks(_read(reader, said)) == [], said
    # a comma inside a question is not a comment to cut
    asked = _asks(_read(reader, "Could you check it, it's the one by the door?"))
    assert asked == ["Could you check it, it's the one by the door?"]


def test_an_ultimatum_put_to_us_is_an_ask(reader: TextReader) -> None:
    text = (
        "My bill is going up again. Either you match the new customer price or I'm off. "
        "Either way, it was a poor letter."
    )
    asks = _asks(_read(reader, text))
    assert len(asks) == 1
    assert asks[0].startswith("Either you match the new customer price")


@pytest.mark.parametrize(
    "text",
    [
        "Either you didn't read my email or you don't care.",  # an accusation
        "Either you or your colleague told me it was fixed.",  # who, not what
    ],
)
def test_either_you_without_a_threat_is_no_ultimatum(reader: TextReader, text: str) -> None:
    assert _asks(_read(reader, text)) == []
