"""Which reply shape an email gets (triage/replies/choose_kind.py): the reading's kind when sure
enough, a chase only with a sign of earlier contact, security only with words of one."""

from __future__ import annotations

import pytest

from triage.errors import ConfigError
from triage.replies.choose_kind import kind_unsure, reply_kind
from triage.replies.config import ReplyConfig
from triage.replies.rules import load_rules

from .test_compose import reading


def test_kind_falls_back_to_a_fault_when_unsure_and_security_comes_first(
    reply_config: ReplyConfig,
) -> None:
    rules = reply_config.rules
    assert reply_kind(reading("feedback", kind_p=0.5), rules, "Thanks") == "fault"
    assert reply_kind(reading("feedback", kind_p=0.9), rules, "Thanks") == "feedback"
    # a thank-you that says so and asks nothing is one, however unsure the head
    note = "Aisha sorted my bill in ten minutes. Just wanted to say thanks - she was brilliant."
    assert reply_kind(reading("feedback", kind_p=0.5), rules, note) == "feedback"
    # ... not one that says thanks and then what is wrong, or thanks in advance
    again = "I'm writing to thank you for fixing my laptop yesterday, but it's broken again."
    assert reply_kind(reading("feedback", kind_p=0.5), rules, again) == "fault"
    ahead = "My screen cracked. I'd like to thank you in advance for sorting a replacement."
    assert reply_kind(reading("feedback", kind_p=0.5), rules, ahead) == "fault"
    # so is feedback or a suggestion that says so, and feedback on earlier tickets is no chase
    idea = "Just a suggestion rather than a problem. Would you consider a weekly drop-in?"
    assert reply_kind(reading("feedback", kind_p=0.5), rules, idea) == "feedback"
    support = "I'm writing to give some feedback on your support, not about a specific issue."
    assert reply_kind(reading("chase", kind_p=0.9), rules, support) == "policy_complaint"
    assert reply_kind(reading("chase", kind_p=0.5), rules, support) == "policy_complaint"
    review = (
        "I wanted to raise some concerns ahead of our contract review next month. My team "
        "ended up chasing by phone repeatedly."
    )
    assert reply_kind(reading("chase", kind_p=0.8), rules, review) == "policy_complaint"
    # ... but feedback that chases is a chase, and a suggestion someone made is no feedback
    chasing = (
        "I emailed on Monday to share my concerns about the server room. Still no reply and "
        "it's 31C in there now."
    )
    assert reply_kind(reading("chase", kind_p=0.8), rules, chasing) == "chase"
    made = "Your colleague made a suggestion to clear the cache but I still can't log in."
    assert reply_kind(reading("feedback", kind_p=0.5), rules, made) == "fault"
    assert reply_kind(reading("chase", kind_p=0.9), rules, "Still no reply.") == "chase"
    assert reply_kind(reading("", kind_p=0.0), rules, "") == "fault"
    assert reply_kind(reading("fault", scope="site"), rules, "Nobody on 3 can print") == "outage"
    # the head's scope alone does not make one person's fault an outage
    assert reply_kind(reading("fault", scope="site"), rules, "The till PC won't load") == "fault"
    hacked = "Our shared mailbox was hacked and is sending spam."
    assert reply_kind(reading("outage", security=True), rules, hacked) == "security"
    assert reply_kind(reading("request", security=True), rules, "Please add me") == "request"
    # security only with words of one: a letter to a dead customer is no security matter
    letter = "A letter came to my dead mother's house offering her a discount."
    assert reply_kind(reading("security"), rules, letter) == "fault"
    assert reply_kind(reading("security"), rules, "I clicked a phishing link") == "security"
    # an attack going on now is one, whatever the heads read
    now = "Someone is in my computer RIGHT NOW and your helpline has me on hold."
    assert reply_kind(reading("request"), rules, now) == "security"
    vished = "A caller said he was IT and I read out the code from my authenticator app."
    assert reply_kind(reading("fault"), rules, vished) == "security"


def test_a_chase_with_no_sign_of_earlier_contact_needs_a_surer_head(
    reply_config: ReplyConfig,
) -> None:
    rules = reply_config.rules
    dispute = "Three charges I don't recognise; last time it took five weeks to get a credit."
    # a new dispute the head half-reads as a chase is written as a fault, flagged to the agent
    assert reply_kind(reading("chase", kind_p=0.49), rules, dispute) == "fault"
    assert kind_unsure(reading("chase", kind_p=0.49), rules)
    # ... but the customer's words or the store's history make it one at the usual threshold
    assert reply_kind(reading("chase", kind_p=0.49, wrote_before=True), rules, dispute) == "chase"
    assert reply_kind(reading("chase", kind_p=0.49, prior=1), rules, dispute) == "chase"
    # ... and so does a promise they say they were given
    late = "I was told my new laptop would be ready at 9 this morning. It's now 2pm."
    assert reply_kind(reading("chase", kind_p=0.43), rules, late) == "chase"
    assert kind_unsure(reading("chase", kind_p=0.43), rules, "I was told about the new plan.")
    # and a sure head is trusted ("promised callback - never happened")
    assert reply_kind(reading("chase", kind_p=0.95), rules, "Promised callback") == "chase"
    assert not kind_unsure(reading("fault", kind_p=0.49), rules)


def test_the_unsaid_chase_threshold_is_a_probability() -> None:
    assert load_rules({"compose": {"min_chase_p_unsaid": 0.7}}).min_chase_p_unsaid == 0.7
    with pytest.raises(ConfigError, match="min_chase_p_unsaid"):
        load_rules({"compose": {"min_chase_p_unsaid": 6}})


def test_an_unsure_kind_that_opens_by_cancelling_is_a_complaint_not_a_fault(
    reply_config: ReplyConfig,
) -> None:
    # "a problem that needs sorting out" and "the fix" for a cancellation (judges)
    rules = reply_config.rules
    text = "Cancel our account effective immediately. That's three outages this month."
    unsure = reading("chase", kind_p=0.49, asks=("Cancel our account effective immediately.",))
    assert reply_kind(unsure, rules, text) == "policy_complaint"
    # a sure head is trusted, and an unsure one with no cancelling is still a fault
    sure = reading("request", kind_p=0.95, asks=("Cancel our account effective immediately.",))
    assert reply_kind(sure, rules, text) == "request"
    assert reply_kind(reading("chase", kind_p=0.49), rules, text) == "fault"
    # closing a leaver's account is a request, whatever the head's doubt
    leaver = "Please close the email account for John who left on Friday."
    unsure_request = reading("request", kind_p=0.3, asks=(leaver,))
    assert reply_kind(unsure_request, rules, leaver) != "policy_complaint"
    other = reading("chase", kind_p=0.3, asks=(leaver,))
    assert reply_kind(other, rules, leaver) != "policy_complaint"


def test_an_unsure_kind_that_disputes_a_charge_is_a_complaint_not_the_fault_behind_it(
    reply_config: ReplyConfig,
) -> None:
    # judges: "restated as the broken PC, when he is disputing an invoice"
    rules = reply_config.rules
    text = (
        "Invoice INV-21177 charges us £95 for a call-out to fix the PC your own update broke."
        " Cancel the invoice."
    )
    unsure = reading("policy_complaint", kind_p=0.33, asks=("Cancel the invoice.",))
    assert reply_kind(unsure, rules, text) == "policy_complaint"
    # an unsure fault that asks for a refund of the service is still the fault
    refund = reading("chase", kind_p=0.3, asks=("Fix it or refund me.",))
    assert reply_kind(refund, rules, "The app crashes. Fix it or refund me.") == "fault"
    # an unsure request that only names an invoice or a bill is not a dispute (review)
    for asked in (
        "Can you drop the invoices folder from my OneDrive sync?",
        "Please remove the charge card from my profile.",
        "Please drop the bill off at reception.",
        "Can you remove the Bill Smith account?",
    ):
        unsure_req = reading("request", kind_p=0.3, asks=(asked,))
        assert reply_kind(unsure_req, rules, asked) != "policy_complaint", asked
