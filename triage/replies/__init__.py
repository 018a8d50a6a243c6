"""Suggested replies (design/reply-guide.md): one shape per kind of email, every ask answered.

- ``compose.compose``      the pure composer (clock, knowledge base, wording, rules, SLA passed in)
- ``kinds``                one shape per kind (fault, outage, request, question, chase, policy
                           complaint, feedback, security); ``parts``: the pieces they share
- ``answers``              every ask of the reading answered, in order, by one sentence
- ``ourwords``             an ask said back in our words (or not at all), pronouns turned round
- ``names``                the name for the greeting (header, then signature; never the address)
- ``templates`` / ``rules`` / ``config``  wording variants, the reply rules (policy, questions,
                           safe steps, languages, topics) and the tables of replies.toml
- ``knowledge`` / ``kb_files`` / ``kb_check``  the knowledge base of fixes and its tone check
- ``tone`` / ``tone_claims`` / ``tone_match`` / ``tone_config``  the tone checker, for our
                           drafts and for agents' edits
- ``cases`` / ``fixes`` / ``case_config``  cases learned from the desk's own answers, and the
                           numbered candidate fixes (KB entries, then cases) a draft offers
- ``serial``               Suggestion <-> dict, a row's reply; ``display``: the notes for agents
- ``values``               the frozen values of this stage (Suggestion, Finding, History, KbEntry, KbMatch)

Nothing here imports torch; the classifier is injected as an ``Embedder``.
"""
