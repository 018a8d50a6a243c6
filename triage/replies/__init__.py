"""Suggested replies (design/reply-guide.md): acknowledge -> plan -> fix -> close.

- ``compose.compose``      the pure composer (clock, knowledge base, wording, SLA passed in)
- ``restate``              the customer's problem in one second-person sentence
- ``names``                the name for the greeting (header, then signature; never the address)
- ``templates`` / ``config``  wording variants and the [tone]/[knowledge] tables of replies.toml
- ``knowledge`` / ``kb_files`` / ``kb_check``  the knowledge base of fixes and its tone check
- ``tone`` / ``tone_config``  the tone checker, for our drafts and for agents' edits
- ``batch``                ``triage suggest --jsonl``; ``serial``: Suggestion <-> dict, a row's reply
- ``values``               the frozen values of this stage (Suggestion, Finding, History, KbEntry, KbMatch)

Nothing here imports torch; the classifier is injected as an ``Embedder``.
"""
