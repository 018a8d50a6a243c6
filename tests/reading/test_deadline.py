"""The deadline scorer's pieces on the real spaCy pipeline: the candidates (NER's times plus
the clock times it misses), each feature the logistic regression weighs, and the fitted
weights file."""

from __future__ import annotations

import json
import math

import pytest

from tests.reading.conftest import RECEIVED
from triage.reading import deadline
from triage.reading.deadline_features import CONTEXT, NAMES
from triage.reading.reader import TextReader


def _candidates(reader: TextReader, text: str, asks: bool = True) -> list[deadline.Candidate]:
    [doc] = reader.english_docs([("", text, RECEIVED)]).values()
    spans = [(0, len(text))] if asks else []
    return deadline.candidates(doc, text, spans)


def _feature(reader: TextReader, text: str, name: str, phrase: str) -> float:
    cands = _candidates(reader, text, asks=False)
    [cand] = [c for c in cands if phrase in c.phrase]
    return cand.features[NAMES.index(name)]


@pytest.mark.parametrize(
    ("text", "name", "phrase", "value"),
    [
        ("Please get it fixed by Friday.", "cue", "Friday", 1.0),
        ("Can you fix the screen before the board meeting at 2?", "cue", "2", 1.0),
        ("We spoke on Friday.", "cue", "Friday", 0.0),
        ("It has been down for three days.", "duration", "three days", 1.0),
        ("Send me the export within 7 days.", "duration", "7 days", 0.0),
        ("Send me the export within 7 days.", "within", "7 days", 1.0),
        ("It broke this morning after the update.", "past_tense", "this morning", 1.0),
        ("I will need it back tomorrow.", "past_tense", "tomorrow", 0.0),
        ("I will need it back tomorrow.", "near", "tomorrow", 1.0),
        ("Your notice said it would be finished by 7am Monday.", "reported", "Monday", 1.0),
        ("I need it finished by 7am Monday.", "reported", "Monday", 0.0),
        ("Mornings before 7:45 work best for a visit.", "habitual", "7:45", 1.0),
        ("Please come before 7:45 tomorrow.", "habitual", "7:45", 0.0),
        ("I don't need this done today, no panic.", "negated", "today", 1.0),
        ("The exam starts in an hour and the network is down.", "stakes", "hour", 1.0),
        ("If it isn't back by noon I will cancel.", "threat", "noon", 1.0),
        ("We have the bed meeting at 2pm and the board is down.", "event_head", "2pm", 1.0),
        ("The printer jammed at 2pm again.", "event_head", "2pm", 0.0),
        ("Guests are arriving at 4pm and the wifi is down.", "progressive", "4pm", 1.0),
        ("I restarted it at 4pm.", "progressive", "4pm", 0.0),
        ("I pay for 50 and get 25.", "bare_number", "50", 1.0),
    ],
)
def test_each_feature_reads_its_sign(
    reader: TextReader, text: str, name: str, phrase: str, value: float
) -> None:
    assert _feature(reader, text, name, phrase) == value


def test_in_ask_is_set_only_inside_an_asks_span(reader: TextReader) -> None:
    text = "Please call me tomorrow."
    inside = _candidates(reader, text, asks=True)[0]
    outside = _candidates(reader, text, asks=False)[0]
    k = NAMES.index("in_ask")
    assert (inside.features[k], outside.features[k]) == (1.0, 0.0)


def test_other_candidates_cues_are_context(reader: TextReader) -> None:
    text = "We met on Monday. Please send the report by Friday."
    cands = _candidates(reader, text, asks=False)
    by_phrase = {c.phrase: c.features[NAMES.index("other_cue")] for c in cands}
    assert by_phrase == {"on Monday": 1.0, "by Friday": 0.0}


def test_a_time_in_an_ask_lowers_the_others(reader: TextReader) -> None:
    text = "I fly out tomorrow. Please call me within the hour."
    [doc] = reader.english_docs([("", text, RECEIVED)]).values()
    ask = text.index("Please")
    cands = deadline.candidates(doc, text, [(ask, len(text))])
    k = NAMES.index("other_in_ask")
    by_phrase = {c.phrase: c.features[k] for c in cands}
    assert by_phrase == {"tomorrow": 1.0, "the hour": 0.0}


def test_clock_times_ner_misses_are_candidates(reader: TextReader) -> None:
    text = "The BACS file has to be submitted by 2pm or 600 people don't get paid on Friday."
    phrases = [c.phrase for c in _candidates(reader, text, asks=False)]
    assert any("2pm" in p for p in phrases)
    assert any("Friday" in p for p in phrases)
    text = "We need the quote before end of day."
    assert any("end of day" in c.phrase for c in _candidates(reader, text, asks=False))


def test_the_cued_time_wins_over_history(reader: TextReader) -> None:
    text = (
        "The BACS file has to be submitted by 2pm or 600 people don't get paid on Friday. "
        "It broke on Monday."
    )
    found = reader.read("", text, RECEIVED).deadline
    assert found is not None
    assert "2pm" in found.phrase


def test_the_weights_file_matches_the_features() -> None:
    raw = json.loads(deadline.WEIGHTS.read_text(encoding="utf-8"))
    assert list(raw["weights"]) == list(NAMES)
    assert 0 < raw["threshold"] < 1
    assert set(CONTEXT) <= set(NAMES)
    weights, threshold = deadline.scorer()
    # the signs a reader would expect of a deadline and of history
    assert weights[NAMES.index("cue")] > 0
    assert weights[NAMES.index("near")] > 0
    assert weights[NAMES.index("past_tense")] < 0
    assert weights[NAMES.index("duration")] < 0
    t = raw["threshold"]
    assert threshold == pytest.approx(math.log(t / (1 - t)), abs=1e-3)


def test_when_they_can_be_reached_or_a_day_chosen_is_no_deadline(reader: TextReader) -> None:
    # an availability window and a setting chosen "instead of" another day give no deadline
    window = "The line is down. I'm at home before 9am and after 4pm if an engineer can come."
    choice = "Can I make the week start on Monday instead of Sunday? I couldn't spot the setting."
    assert reader.read("Line down", window, RECEIVED).deadline is None
    assert reader.read("week start", choice, RECEIVED).deadline is None
    # ... while a time to be done by still is one
    due = "The line is down. Please send an engineer before 9am, I work from home."
    assert reader.read("Line down", due, RECEIVED).deadline is not None


def test_a_time_they_rule_out_is_no_deadline(reader: TextReader) -> None:
    now = "Ransomware is encrypting the NAS. I need someone NOW, not tomorrow."
    assert reader.read("NAS", now, RECEIVED).deadline is None
    assert reader.read("NAS", "I need someone by tomorrow.", RECEIVED).deadline is not None
    calm = "Please add our PO number to invoices. It isn't urgent this month, as I can still pay."
    assert not any("month" in c.phrase for c in _candidates(reader, calm))
    assert any("month" in c.phrase for c in _candidates(reader, "I need it this month."))
    # "don't let this wait until tomorrow" asks for sooner; "we don't need it until Friday"
    # still names the day
    sooner = "Please disable her account now. Please don't let this wait until tomorrow."
    assert not any("tomorrow" in c.phrase for c in _candidates(reader, sooner))
    curly = "This can’t wait until Monday, the whole team is locked out."
    assert not any("Monday" in c.phrase for c in _candidates(reader, curly))
    assert any("Friday" in c.phrase for c in _candidates(reader, "We don't need it until Friday."))


def test_a_year_is_a_span_not_a_deadline(reader: TextReader) -> None:
    span = "I want it unblocked: this is the third small thing taken off us this year."
    assert not any("year" in c.phrase for c in _candidates(reader, span))
    due = reader.read("Licences", "We need the licences renewed by this year.", RECEIVED)
    assert due.deadline is not None
    assert due.deadline.at is not None
    assert (due.deadline.at.month, due.deadline.at.day) == (12, 31)


def test_a_penalty_at_a_time_is_at_stake(reader: TextReader) -> None:
    text = "We have 38 returns still to file before midnight and each one late is a £100 penalty."
    assert _feature(reader, text, "stakes", "midnight") == 1.0


def test_a_time_after_no_hurry_is_when_not_by_when(reader: TextReader) -> None:
    calm = (
        "Hello Priya,\n\nThank you again for your help last month with the new laptops, the "
        "volunteers love them.\n\n"
        "We now have a stack of seven old laptops and two desktop towers sitting in the storage "
        "closet. A local church group asked if they could have them for their after-school "
        "program. Before we give them away, what do we need to do about the data on them? Some "
        "were used for donor records. Is wiping them something you do, and what would it cost "
        "roughly? There's no hurry, we can sort it out next month."
    )
    assert reader.read("Old laptops - what to do with them?", calm, RECEIVED).deadline is None
    review = "There's no hurry, we can review it next month."
    assert reader.read("Old laptops", review, RECEIVED).deadline is None
    # someone else's "not urgent", a turn after it, or what is at stake keep the time (review)
    for kept in (
        "No rush, but I need the report by Friday.",
        "You marked my ticket as not urgent and the audit is tomorrow at 10am.",
        "No rush on the mouse; the projector is needed for the board meeting tomorrow at 9.",
        "No rush, we need it for the board meeting next Friday.",
    ):
        assert reader.read("Report", kept, RECEIVED).deadline is not None, kept
