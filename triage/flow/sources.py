"""Pick the mail source the settings ask for: IMAP when ``[imap] host`` is set, else the Maildir."""

from __future__ import annotations

from triage.mailbox import MailSource
from triage.settings import Settings, require_imap_credentials


def make_source(settings: Settings) -> MailSource:
    if settings.uses_imap:
        require_imap_credentials(settings)
        from triage.mailbox.imap import ImapMailSource  # imapclient only when IMAP is used

        token_source = None
        if settings.imap.auth == "xoauth2" and settings.oauth.enabled:
            from triage.oauth import TokenSource

            token_source = TokenSource(settings.oauth).token
        return ImapMailSource(settings.imap, token_source=token_source)
    from triage.mailbox.maildir import MaildirMailSource

    return MaildirMailSource(
        settings.maildir.path,
        settings.paths.data_dir / "maildir-state",
        account=settings.imap.account,
        max_message_bytes=settings.imap.max_message_bytes,
    )


def watched_folders(settings: Settings) -> list[str]:
    folders = [settings.imap.folder]
    folders += [f for f in settings.imap.extra_folders if f not in folders]
    return folders
