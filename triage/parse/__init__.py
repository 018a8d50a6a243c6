"""The parse stage: raw bytes -> Email.

``intake`` turns a fetched message into what the store keeps (parsed, or quarantined with the
reason); ``message`` parses the bytes (headers, sender, thread ids); ``mimebody`` walks the MIME
tree for the text and attachments (``mimedepth`` past the email package's nesting limit),
``charsets`` decodes, ``htmltext`` turns HTML into text, ``quotes`` splits the newest text from
quoted history and the signature, and ``kinds`` tells auto-replies, bounces and lists from
customers.
"""
