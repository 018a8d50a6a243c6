"""Realistic support emails for the benchmarks: a length mix, some HTML, some quoted threads."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime

_OPENERS = ["Hi team,", "Hello,", "Hi IT,", "Good morning,", "Dear support,", "Hey,"]
_PROBLEMS = [
    "My laptop will not connect to the office Wi-Fi since the update last night.",
    "The printer on the second floor keeps jamming and now shows error 13.",
    "I cannot log in to the VPN, it says my password expired but the reset page fails.",
    "Outlook has not synced any new mail since yesterday afternoon.",
    "The shared Finance drive shows access denied for the whole accounts team.",
    "Our website is down for all customers and the payment page returns an error.",
    "I clicked a link in an email that looked like it came from HR and entered my password.",
    "Teams calls have no audio on my headset although it works in other apps.",
]
_DETAILS = [
    "I already restarted the machine twice.",
    "It started around 9:15 this morning.",
    "My colleague next to me has the same problem.",
    "The error message says 'connection timed out' after about a minute.",
    "I need this working before the client meeting at 2pm.",
    "This is the third time I am writing about this and nobody has replied.",
    "Honestly this is getting ridiculous, we lose hours every week.",
    "No rush, whenever someone has a moment.",
]


def make_email(n: int, rng: random.Random) -> bytes:
    m = EmailMessage()
    name = f"{rng.choice(['Ann', 'Bo', 'Chen', 'Dev', 'Eli', 'Fay'])} {rng.choice(['Lee', 'Ng', 'Ortiz', 'Park'])}"
    m["From"] = f"{name} <user{n}@customer.example>"
    m["To"] = "support@helpdesk.example"
    m["Subject"] = rng.choice(_PROBLEMS)[:40]
    m["Message-ID"] = f"<bench-{n}-{rng.randrange(10**9)}@customer.example>"
    m["Date"] = format_datetime(datetime(2026, 11, 23, 8, tzinfo=UTC) + timedelta(seconds=n))
    words = int(rng.lognormvariate(4.7, 0.6))  # median ~110 words like real tickets
    parts = [rng.choice(_OPENERS), "", rng.choice(_PROBLEMS)]
    while sum(len(p.split()) for p in parts) < words:
        parts.append(rng.choice(_DETAILS))
    parts += ["", "Thanks,", name.split()[0]]
    body = "\n".join(parts)
    if rng.random() < 0.12:  # a reply with quoted history
        quoted = "\n".join("> " + line for line in body.splitlines() * 3)
        body += f"\n\nOn Mon, 23 Nov 2026 at 08:00, Support wrote:\n{quoted}\n"
    m.set_content(body)
    if rng.random() < 0.3:
        m.add_alternative(
            f"<html><body><p>{body.replace(chr(10), '<br>')}</p></body></html>", subtype="html"
        )
    return bytes(m)


def corpus(count: int, seed: int = 0) -> list[bytes]:
    rng = random.Random(seed)
    return [make_email(n, rng) for n in range(count)]
