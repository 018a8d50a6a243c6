"""The text reading of an email: asks, deadline, tried steps, language, "wrote before".

Nothing is imported here: spaCy, dateparser and fastText load only when a
``triage.reading.reader.TextReader`` is built, so importing triage stays cheap.
"""
