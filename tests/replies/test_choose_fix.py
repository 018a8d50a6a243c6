"""choose_fix.py: which entry's steps a draft offers, and the lone-keyword last resort."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from triage.domain import Email, Scores
from triage.replies.choose_fix import sure
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.rules import ReplyRules
from triage.replies.values import KbMatch

from .conftest import BaseModelEmbedder
from .test_compose import email, make, reading, scores


def _embedded(
    embedder: BaseModelEmbedder, text: str, subject: str, space: str = ""
) -> tuple[Email, Scores]:
    """The email and its scores carrying the base sentence model's embedding of it (said to be
    of ``space`` where given)."""
    mail = email(text, subject=subject)
    [vector] = embedder.embed([f"{mail.subject}\n\n{text}"])
    scored = Scores(1, 0.33, 0, 0.0, 0.0, embedding=tuple(float(x) for x in vector),
                    embedding_model=space or embedder.model_version)  # fmt: skip
    return mail, scored


# a printer named, but not the print-quality entry's faded or streaky prints (cosine 0.56)
BLANK_PAGES = (
    "The colour printer on the second floor has started printing completely blank pages for "
    "anything in colour. Black and white jobs come out fine."
)


def test_a_topic_is_sure_on_keywords_or_when_the_sentence_embedding_is_sure(
    keyword_kb: KnowledgeBase,
) -> None:
    entry = keyword_kb.entries[0]
    rules = ReplyRules()
    near = KbMatch(entry, 0.7, 0.9, 0.59, True, "embedding+keywords")  # one common word
    rare = KbMatch(entry, 0.61, 0.9, 0.78, True, "embedding+keywords")  # one rare word
    strong = KbMatch(entry, 0.75, 0.5, 0.95, True, "embedding+keywords")  # a phrase and more
    unsure = KbMatch(entry, 0.4, 0.9, 0.95, False, "embedding+keywords")
    assert [sure(m, rules) for m in (near, rare, strong, unsure)] == [False, False, True, False]
    # the base sentence model's space, close and clearly closest, with one of its words
    # (knowledge.py ``semantic``): sure without a keyword phrase
    meant = KbMatch(entry, 0.4, 0.8, 0.3, True, "embedding+keywords", semantic=True)
    assert sure(meant, rules)
    # an entry that answers other problems, or lacks what it requires, is never confident
    vetoed = KbMatch(entry, 0.4, 0.8, 0.3, False, "embedding+keywords", semantic=True)
    assert not sure(vetoed, rules)


def test_one_rare_phrase_never_offers_steps_on_its_own(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # a lone phrase misleads ("Started on Monday" is no new starter; "blank page" in an app is
    # no print fault): tried as a last resort in session 17, it lost 7 of 11 paired calls
    blank = make(reply_config, keyword_kb, email("The app on my tablet shows a blank page."))
    assert blank.kb_entry is None
    assert "When did it start" in blank.text
    twice = email("I think I was charged twice for May. Can you look?", subject="Billing")
    assert make(reply_config, keyword_kb, twice, read=reading()).kb_entry is None


def test_steps_they_did_are_left_out(reply_config: ReplyConfig, keyword_kb: KnowledgeBase) -> None:
    junk = email(
        "I've requested a password reset 4 times and nothing arrives (checked spam, junk, "
        "quarantine). Can you reset it manually?",
        subject="password reset email not arriving",
    )
    s = make(reply_config, keyword_kb, junk, read=reading())
    assert s.kb_entry == "spam-junk-missing-mail"
    assert "Junk or Spam folder" not in s.text
    excel = email(
        "Excel crashes every time I open our month-end workbook (Consol_v7.xlsm). Other "
        "spreadsheets open fine.\n\nWhat I've tried:\n- Opening in Safe Mode (excel /safe) - "
        "opens but macros don't run\n- Repairing Office",
        subject="Excel crashing on month-end workbook",
    )
    e = make(reply_config, keyword_kb, excel, read=reading())
    assert e.kb_entry == "excel-freezing"
    assert "safe mode" not in e.fix.lower()  # the two safe-mode steps are out, the rest stays
    assert "tell us the file's name" in e.fix


def test_a_how_to_question_naming_an_entrys_phrase_gets_its_steps(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    ask = "How do I change my wifi password?"
    question = email(f"{ask} Ex-lodger still has it.", subject="wifi password")
    s = make(reply_config, keyword_kb, question, read=reading("question", asks=(ask,)))
    assert s.kb_entry == "wifi-password-change"
    # the same phrase in a fault is one phrase, not sure enough for steps
    fault = email("The wifi password stopped working on my laptop.", subject="wifi password")
    assert make(reply_config, keyword_kb, fault, read=reading()).kb_entry != "wifi-password-change"


def test_the_first_step_alone_is_no_fix_but_a_last_step_is() -> None:
    from triage.domain import Reading
    from triage.replies.choose_fix import choose_fix
    from triage.replies.values import KbEntry

    entry = KbEntry(
        id="excel-freezing",
        title="Excel freezes",
        symptoms=(),
        keywords=("excel",),
        steps=(
            "Save a copy of the workbook under a new name.",
            "Open Excel in safe mode without its add-ins.",
            "Open the copy in safe mode to test the add-ins.",
            "If it still freezes, tell us and we will test it here.",
        ),
        why="Most freezes come from an add-in.",
        kinds=("fault",),
    )
    match = KbMatch(entry, 0.9, None, 0.9, True, "keywords")
    read = Reading("fault", 0.9, False, "one", (), (), None, (), "en", 0, False)
    rules = ReplyRules()
    # safe mode tried and the last step not wanted: the first step alone is left -> no fix
    first = "I've tried safe mode and the add-ins test. Please don't tell me to tell you it still freezes."
    assert choose_fix("fault", read, [match], rules, first) == (None, ())
    # the last step alone is still the right next action
    last = "I've already saved a copy of the workbook. I tried safe mode and the add-ins test."
    chosen, steps = choose_fix("fault", read, [match], rules, last)
    assert chosen is match
    assert steps == (entry.steps[3],)


def test_a_fix_found_by_meaning_is_offered_and_marked_for_the_agent(
    reply_config: ReplyConfig, embedded_kb: KnowledgeBase, base_embedder: BaseModelEmbedder
) -> None:
    # "our wifi" alone is not sure enough on keywords; the sentence embedding puts the email
    # clearly nearest the older-TV band entry, which it names ("older tv")
    text = (
        "Our older TV in the bedroom no longer lists our wifi since the hub was updated. "
        "Phones and the laptop see it fine."
    )
    mail, scored = _embedded(base_embedder, text, "TV and wifi")
    s = make(reply_config, embedded_kb, mail, scored, read=reading())
    assert s.kb_entry == "tv-wifi-band"
    assert s.kb_semantic
    assert "2.4 GHz" in s.text
    # found by the keywords alone (no embedding): no fix, nothing marked
    plain = make(reply_config, embedded_kb, mail, read=reading())
    assert plain.kb_entry is None
    assert not plain.kb_semantic


def test_steps_are_offered_only_where_the_email_reads_like_the_entrys_symptoms() -> None:
    from triage.domain import Reading
    from triage.replies.choose_fix import choose_fix, close_to
    from triage.replies.values import KbEntry

    def entry(kinds: tuple[str, ...]) -> KbEntry:
        return KbEntry(
            id="print-quality",
            title="Prints come out faded or streaky",
            symptoms=("prints are faded",),
            keywords=("printer", "prints"),
            steps=("Print a cleaning page.", "Tell us the printer's label."),
            why="A dirty drum fades prints.",
            kinds=kinds,
        )

    rules = ReplyRules()  # fix_similarity_min 0.6, as config/replies.toml sets it
    read = Reading("fault", 0.9, False, "one", (), (), None, (), "en", 0, False)
    prints = entry(("fault",))
    # sure of the printer on its keywords, but "printing blank pages" is not "faded" (0.56)
    far = KbMatch(prints, 0.79, 0.56, 0.9, True, "embedding+keywords")
    # a lower-ranked entry the email does read like gives the steps (the topic named in the
    # restatement stays the top one's: compose.py)
    jams = replace(prints, id="printer-jam", title="Paper jams in the printer")
    near = KbMatch(jams, 0.7, 0.74, 0.9, True, "embedding+keywords")
    plain = KbMatch(prints, 0.9, None, 0.9, True, "keywords")  # no embedding: not judged
    assert choose_fix("fault", read, [far], rules, "blank pages") == (None, ())
    assert choose_fix("fault", read, [far, near], rules, "faded")[0] is near
    assert choose_fix("fault", read, [plain], rules, "faded")[0] is plain
    assert [close_to(m, rules) for m in (far, near, plain)] == [False, True, True]
    # an entry whose steps keep someone safe, or are the desk's own, keeps them: they ask
    # nothing of the customer that could miss the problem
    for kept in (replace(prints, safety=True), replace(prints, by="desk")):
        own = KbMatch(kept, 0.79, 0.4, 0.9, True, "embedding+keywords")
        assert choose_fix("fault", read, [own], rules, "blank pages")[0] is own
    # a security matter keeps its safe steps however it is worded
    secure = KbMatch(entry(("security",)), 0.79, 0.49, 0.9, True, "embedding+keywords")
    assert choose_fix("security", read, [secure], rules, "a text scam")[0] is secure
    # the gate is the desk's setting: 0 offers every sure entry's steps, as before
    assert choose_fix("fault", read, [far], replace(rules, fix_similarity_min=0.0), "")[0] is far


def test_keywords_of_a_topic_with_another_symptom_give_our_first_step_not_its_steps(
    reply_config: ReplyConfig, embedded_kb: KnowledgeBase, base_embedder: BaseModelEmbedder
) -> None:
    # a printer's keywords make the print-quality topic sure, but "blank pages" is not its
    # faded or streaky prints: no cleaning-page steps, nor its "is the mark in the same
    # place?", but what we do first about a printer
    mail, scored = _embedded(base_embedder, BLANK_PAGES, "Colour printer printing blank pages")
    s = make(reply_config, embedded_kb, mail, scored, read=reading())
    assert s.kb_closest == "print-quality"
    assert s.similarity is not None
    assert s.similarity < reply_config.rules.fix_similarity_min
    assert s.kb_entry is None
    assert "cleaning page" not in s.text
    assert "same place" not in s.text
    assert "check the printer's status and error log" in s.fix
    # the desk that wants every sure entry's steps sets the gate to 0
    rules = replace(reply_config.rules, fix_similarity_min=0.0)
    loose = make(replace(reply_config, rules=rules), embedded_kb, mail, scored,
                 read=reading())  # fmt: skip
    assert loose.kb_entry == "print-quality"


def test_the_symptom_gate_is_a_cosine_the_config_sets() -> None:
    from triage.errors import ConfigError
    from triage.replies.rules import load_rules

    assert load_rules({"compose": {"fix_similarity_min": 0.5}}).fix_similarity_min == 0.5
    assert load_rules({}).fix_similarity_min == ReplyRules().fix_similarity_min == 0.6
    for bad in (1.5, -0.1, True, "0.6"):
        with pytest.raises(ConfigError, match="fix_similarity_min"):
            load_rules({"compose": {"fix_similarity_min": bad}})


def test_the_gate_is_shipped_on_and_reads_only_the_sentence_models_space(
    reply_config: ReplyConfig,
    base_embedder: BaseModelEmbedder,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assert reply_config.rules.fix_similarity_min == 0.6  # config/replies.toml

    class PooledSpace:
        """The same vectors, said to be the classifier's pooled space (no topic encoder)."""

        model_version = "classifier:test"
        sentence_space = False

        def embed(self, texts: Sequence[str]) -> Any:
            return base_embedder.embed(texts)

    settings = reply_config.knowledge.model_copy(
        update={"cache_dir": tmp_path_factory.mktemp("kb-pooled")}
    )
    kb = KnowledgeBase.load(settings, embedder=PooledSpace())
    assert not kb.sentence_space
    mail, scored = _embedded(
        base_embedder, BLANK_PAGES, "Colour printer printing blank pages", PooledSpace.model_version
    )
    s = make(reply_config, kb, mail, scored, read=reading())
    # a cosine in another space says nothing about the symptom: the steps stay
    assert s.similarity is not None
    assert s.similarity < 0.6
    assert s.kb_entry == "print-quality"


def test_a_how_to_question_naming_the_entry_is_answered_however_far_its_wording() -> None:
    from triage.domain import Ask, Reading
    from triage.replies.choose_fix import choose_fix
    from triage.replies.values import KbEntry

    entry = KbEntry(
        id="wifi-password-change",
        title="Change the Wi-Fi password",
        symptoms=("the ex-lodger still has our wifi password",),
        keywords=("change my wifi password",),
        steps=("Open the router's page.", "Choose a new password."),
        why="The router keeps the password.",
        kinds=("question",),
    )
    ask = Ask("How do I change my wifi password?", "question")
    read = Reading("question", 0.9, False, "one", (), (ask,), None, (), "en", 0, False)
    far = KbMatch(entry, 0.7, 0.41, 0.9, True, "embedding+keywords")
    chosen, steps = choose_fix("question", read, [far], ReplyRules(), ask.text)
    assert chosen is far
    assert steps == entry.steps
    # the same entry for a fault worded far from it: no steps
    fault = replace(read, kind="fault", asks=())
    assert choose_fix("fault", fault, [replace(far, entry=replace(entry, kinds=("fault",)))],
                      ReplyRules(), "it broke") == (None, ())  # fmt: skip


def test_a_security_topic_the_email_reads_like_says_what_happened_in_its_own_words(
    reply_config: ReplyConfig, embedded_kb: KnowledgeBase, base_embedder: BaseModelEmbedder
) -> None:
    # no sentence of the email can be said back as what was done to them, and the reply went
    # from the greeting to the steps (judges: "no restatement of the hijacked mailbox")
    text = (
        "Two friends rang this morning: they've had emails from my address asking them to buy "
        "gift cards because I'm stuck abroad. I'm at home and I never sent them. What do I do?"
    )
    mail, scored = _embedded(base_embedder, text, "My email is sending messages I didn't write")
    s = make(reply_config, embedded_kb, mail, scored, read=reading("security", security=True))
    entry = embedded_kb.get("compromised-account")
    assert entry is not None
    assert entry.said
    assert entry.said in s.acknowledge
    # about a colleague's account ("the account", still not theirs to be told of as ours to
    # guess): the plain line, not the topic's clause
    team = reading("security", security=True, scope="team")
    other = make(reply_config, embedded_kb, mail, scored, read=team)
    assert entry.said not in other.acknowledge
    assert any(
        p in other.acknowledge
        for p in reply_config.templates.slots["restate_security_plain"]["any"]
    )


def test_an_organisation_wide_security_topic_says_what_happened_for_a_site(
    reply_config: ReplyConfig, embedded_kb: KnowledgeBase, base_embedder: BaseModelEmbedder
) -> None:
    # the site's matter, not one person's: the entry lists the scope, so its clause is said
    # (judges: "no restatement of the hacked site")
    text = (
        "OUR WEBSITE IS SHOWING CASINO ADS and some page in a language I can't read instead "
        "of our menu!!! A customer sent me a screenshot. Somebody HACKED it."
    )
    mail, scored = _embedded(base_embedder, text, "OUR WEBSITE IS SHOWING CASINO ADS")
    site = reading("security", security=True, scope="site")
    s = make(reply_config, embedded_kb, mail, scored, read=site)
    entry = embedded_kb.get("website-compromised")
    assert entry is not None
    assert entry.said
    assert entry.said in s.acknowledge
    # a team's matter the entry does not list is not said as the site's
    team = make(reply_config, embedded_kb, mail, scored, read=replace(site, scope="team"))
    assert entry.said not in team.acknowledge


def test_a_step_asking_for_what_the_email_gives_is_said_as_the_entrys_given_step(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    named = make(
        reply_config,
        keyword_kb,
        email(
            "Excel keeps crashing when I open Consol_May24_v7.xlsm from SharePoint.",
            subject="Excel crashes",
        ),
    )
    plain = make(
        reply_config,
        keyword_kb,
        email("Excel keeps crashing when I open our month-end workbook.", subject="Excel crashes"),
    )
    assert named.kb_entry == plain.kb_entry == "excel-freezing"
    assert "tell us the file's name" in plain.fix
    assert "tell us the file's name" not in named.fix
    assert "open the file you named with you" in named.fix


def test_a_calm_fault_that_asks_only_how_gets_the_answer_not_a_handover(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    text = (
        "Outlook keeps underlining 'organise' and 'colour' and trying to change them to "
        "American spellings. How do I switch it to UK English?"
    )
    ask = "How do I switch it to UK English?"
    mail = email(text, subject="Outlook spellcheck in American")
    calm = make(reply_config, keyword_kb, mail, read=reading("fault", asks=(ask,)))
    assert calm.kind == "question"
    assert "English (United Kingdom)" in calm.text
    assert "passed this to" not in calm.text
    assert "In the meantime" not in calm.text
    # and what to do if the answer does not work, not "the steps above answer your question"
    closes = ("If these steps don't sort it, just reply", "If that doesn't do it, reply")
    assert any(c in calm.text for c in closes)
    assert "answer your" not in calm.text
    # upset, the fault's shape stays: someone takes it on
    upset = make(
        reply_config, keyword_kb, mail, scores(frustration=2), read=reading("fault", asks=(ask,))
    )
    assert upset.kind == "fault"
    # nor urgent: someone is on it now
    urgent = make(
        reply_config, keyword_kb, mail, scores(urgency=3), read=reading("fault", asks=(ask,))
    )
    assert urgent.kind == "fault"
