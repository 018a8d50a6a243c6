"""display.py: the agent's notes under a suggestion, as `show` prints them and `show --json`
gives them."""

from __future__ import annotations

import json

from triage.replies.display import agent_json, agent_lines, fix_label, fixes_text

KB = {"origin": "kb", "ref": "tv-wifi-band", "source": "KB tv-wifi-band", "text": "1. Open it."}
CASE = {
    "origin": "case",
    "ref": "7",
    "source": "case from reply to #12, approved by jo, 2026-11-30",
    "text": "Swap the\x1b[31m cable.\nThen ring us.",
    "similarity": 0.812,
}


def test_each_candidate_says_where_it_came_from() -> None:
    assert fix_label(KB, "tv-wifi-band") == "KB tv-wifi-band (used)"
    assert fix_label(KB, "other") == "KB tv-wifi-band"
    assert fix_label(CASE) == "case from reply to #12, approved by jo, 2026-11-30 (similarity 0.81)"


def test_a_fix_found_by_meaning_asks_the_agent_to_check_it_fits() -> None:
    label = fix_label(KB, "tv-wifi-band", by_meaning=True)
    assert label.startswith("KB tv-wifi-band (used; found by meaning")
    assert "check it fits" in label
    text = fixes_text([KB, CASE], "tv-wifi-band", by_meaning=True).plain
    assert " 1. KB tv-wifi-band (used; found by meaning" in text
    assert "\x1b" not in text  # a case's text is the customer's desk's words: cleaned
    stored = {"fixes": [KB], "kb_entry": "tv-wifi-band", "kb_semantic": True, "agent_todo": []}
    [lines] = agent_lines(stored)
    assert "found by meaning" in str(getattr(lines, "plain", lines))
    assert agent_json(json.dumps(stored))["kb_semantic"] is True
    assert agent_json(None)["kb_semantic"] is False
