"""Orchestration: what runs the stages, in order, and wires them from Settings.

``runtime`` is the composition root (Store, sources, model, decision kit, worker); ``worker``
is the loop; ``sync`` fetches new mail from a source into the store; ``pipeline`` is the triage
stage (claim -> histories -> classify -> ``decide`` -> save); ``ack`` applies mailbox actions
after the decisions are committed; ``sources`` builds the IMAP or Maildir sources;
``requeue`` parses a quarantined message again; ``suggest_jsonl`` decides each line of a
JSON-Lines file the way the worker decides stored mail.
"""
