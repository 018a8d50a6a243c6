"""The words the ask shapes (``ask_forms``) are read by: politeness, addressees, modals,
demand verbs, formulas and rhetorical phrasings. Each list was read off the tuning portion of
the labelled data; the pipeline has no lemmatizer, so verb forms are listed.
"""

from __future__ import annotations

import re

PLEASE = frozenset({"please", "pls", "plz", "pleeease", "pleease", "plse", "kindly"})
# "please" in these is a politeness formula, not a request to the desk
PLEASE_NOT_ASKING = frozenset(
    "find note see ignore excuse forgive bear disregard accept consider let".split()
)
ADDRESSEES = frozenset("you u ya someone somebody anyone anybody one y'all it team".split())
SOMEONE = frozenset({"someone", "somebody", "anyone", "anybody"})
# "someone needs to pull the plug", "this needs to change", "he needs a replacement": with a
# noun subject ("the funds need to be with the solicitors") it is mostly the situation told
NEEDERS = SOMEONE | {"this", "it", "that", "he", "she", "they", "whoever"}
YOU = frozenset({"you", "u", "ya", "y'all", "y’all", "yall", "guys"})
# Chat spellings that open a question typed without "?" ("whats going on with my order").
WH_SPELLINGS = frozenset(
    {"whats", "what's", "wats", "y", "wtf", "tf", "hows", "how's", "wheres", "where's", "whens"}
)
HELP = frozenset({"help", "help me", "pls help", "please help", "help please", "sos"})
MODALS = frozenset({"can", "could", "would", "will", "may", "might", "ca", "wo", "cud", "cld"})
WOULD = frozenset({"would", "'d", "d", "wd"})
DEMAND_VERBS = frozenset(
    """want wants need needs expect require demand insist request wonder like appreciate love
    welcome asking requesting expecting needing wanting""".split()
)
# the pipeline has no lemmatizer: the forms are listed
DISCLAIM_FORMS = frozenset(
    """ask asks asking want wants wanting need needs needing expect expects expecting request
    requesting require requiring demand demanding chase chasing""".split()
)
# "like" / "love" / "appreciate" / "welcome" ask only with "would": "I'd like", not "I like"
NEEDS_WOULD = frozenset({"like", "love", "appreciate", "welcome"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# "I want to know", "I need to speak to": the infinitives after want / need / would like
# that ask the desk for something; most others describe the writer's own plans.
ASK_INFINITIVES = frozenset(
    {"know", "understand", "speak", "talk", "hear", "see", "request", "book", "order"}
)
# what is done through the desk, when wanted ("I'd like to return it ... or a refund" asked
# for the return: judges, "return, replacement or refund request ignored"); not needed ("I
# need to return the laptop to the office by Friday" is their own errand: review)
THROUGH_US = frozenset(
    {"cancel", "return", "upgrade", "downgrade", "renew", "pause", "reopen", "exchange"}
    | {"swap", "claim", "transfer"}
)
PLEASED = frozenset(
    """grateful great helpful wonderful good appreciated ideal nice lovely best brilliant
    amazing fantastic perfect handy useful better fab awesome""".split()
)
# Bare verbs that open formulas, not asks: "Thanks", "Have a good day", "See below".
NOT_IMPERATIVE = frozenset(
    {"thank", "thanks", "cheers", "have", "see", "sorry", "hope", "welcome", "enjoy", "regards"}
    | {"note", "consider", "find", "want", "got", "bin"}
)
# "please don't treat this as urgent" reassures; "please don't close it" asks
REASSURING = frozenset({"worry", "treat", "rush", "panic", "hurry"})
# Offers, not asks: "let me know if you need anything".
OFFERS = ("if you need", "if you want", "if you'd like", "if you would like", "happy to help")
LEADERS = frozenset(
    {"please", "pls", "plz", "kindly", "just", "so", "and", "also", "then", "now", "ok", "okay"}
)
SKIPPED_TAGS = frozenset({"UH", "RB", "CC", "LS", "NFP", ":", "-LRB-", "-RRB-", "HYPH"})
RHETORICAL = (
    "how hard can",
    "how difficult can",
    "what's the point",
    "what is the point",
    "are you kidding",
    "are you serious",
    "are you joking",
    "seriously?",
    "really?",
    "is this a joke",
    "what is wrong with you",
    "what's wrong with you",
    "who does that",
    "why do i bother",
    "why would i",
    ", right?",
    "what a joke",
    "how is that acceptable",
    "how is this acceptable",
    "is that too much to ask",
    "is it too much to ask",
    "what do you expect",
    "you know?",
    "guess what?",
    "who knew?",
    "how is it",
    "does anyone",
    "do you understand",
    "you people",
    "on earth",
    "seriously",
    # not "tell me honestly what is happening" (an ask)
    "honestly,",
    "honestly?",
    "do you honestly",
    "capable of",
    "what year",
    "do you know what",
    "do you have any idea",
)
# "Are you insane?", "are you calling me a liar?": a fifth of "are you" questions in the
# tuning portion asked anything; these openings of it do.
ARE_YOU_ASKING = ("are you able", "are you going", "are you planning", "are you aware")
INVERTING = frozenset({"is", "are", "do", "does", "can", "will", "should", "could", "would"})
# "??", "?!": in the tuning portion two thirds of such questions vent rather than ask; they
# count only in a request form ("Can someone PLEASE call me??").
OUTRAGE = re.compile(r"\?[?!]|!\?")
# the verbs of a call, and the words after them that make "call"/"phone" a noun opening a line
# ("call centre 0800 ...", "call logs 555-0123 attached", "phone number 07700 ..."): read by
# ask_forms (a mis-parsed command) and replies.call_asked (who to ring)
CALL_VERBS = frozenset({"call", "ring", "phone", "text"})
CALL_NOUNS = frozenset(
    """centre center centres centers log logs history quality queue queues volume recording
    recordings forwarding button charges charge costs cost back staff handler handlers number
    numbers no line lines ext extension id ref reference binder tone""".split()
)
# a phone number: seven characters or more of digits, spaces, dashes and brackets ("07700
# 900123", "+44 (0)20 7946 0958", "555-0123"); not a date ("2024-01-05"), a time or an amount
PHONE_NUMBER = r"(?<![\w£$€.:/])(?!\d{4}-\d{2}-\d{2}\b)\+?\(?\d[\d ()-]{5,}\d(?![\w:/%])(?!\.\d)"
