"""The customer's name for the greeting (reply-guide: from the From header or the signature; a
neutral greeting if none, never the raw address). Header text is untrusted: only letters,
spaces, dots, dashes and apostrophes survive, so a name can never inject template fields."""

from __future__ import annotations

import re
import unicodedata

from triage.domain import Email
from triage.parse.quotes import signature_name

_ROLE_WORDS = frozenset(
    "support team helpdesk help desk admin administrator noreply no-reply donotreply info office accounts "
    "reception it service services notifications notification alerts alert mailer daemon postmaster billing "
    "sales customer customers system monitoring newsletter hr payroll finance ops operations duty "
    "switchboard ward facilities estates".split()
)
_TITLES = frozenset(
    "dr mr mrs ms miss mx prof professor sir dame rev revd fr sister matron cllr councillor "
    "lady lord canon pastor rabbi imam".split()
)
_GIVEN_NAME_TITLES = frozenset({"sir", "dame"})
# family names that come first ("Nguyen Thi Lan" signs "Lan", her given name): a signed last
# word is their given name, not a surname
_FAMILY_FIRST = frozenset(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly wang li zhang liu
    chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao kim park choi jung kang cho yoon
    jang""".split()
)
_ALLOWED = re.compile(r"^[^\W\d_][\w.'’\- ]*$")


def clean_name(raw: str | None) -> str | None:
    """A displayable person's name, or None for addresses, role accounts and junk."""
    if not raw:
        return None
    visible = "".join(
        c for c in raw if unicodedata.category(c) not in ("Cc", "Cf")
    )  # bidi, zero-width
    name = re.sub(r"\s+", " ", visible.strip().strip("\"'<>")).strip()
    if not name or "@" in name or len(name) > 60:
        return None
    if name.count(",") == 1:  # "Raman, Priya" (directory order) -> "Priya Raman"
        last, first = (p.strip() for p in name.split(","))
        name = f"{first} {last}".strip()
    if not _ALLOWED.match(name) or any(c.isdigit() for c in name) or "_" in name:
        return None
    words = name.split()
    if not words or len(words) > 5 or any(w.lower().strip(".") in _ROLE_WORDS for w in words):
        return None
    if name.isupper() or name.islower():
        name = " ".join(w[:1].upper() + w[1:].lower() for w in words)
    return name


# the particles that start a surname ("Dr Femke van der Berg" is Dr van der Berg, not "Dr
# Berg": judges, "mangles her surname")
_PARTICLES = frozenset(
    "van von der den de del della di da das dos du le la ter ten al el bin ibn ap".split()
)


def _surname(words: list[str]) -> str:
    """The surname of a name whose first word is a title: from its first particle after the
    given name, else its last word."""
    # "Dr Femke van der Berg" from its particle; with no given name, "Dr Van der Berg" or "Dr
    # de Souza" from the title on (but "Dr Van Morrison": Van may be his given name)
    lead = words[1] if len(words) > 2 else ""
    bare = lead.lower() in _PARTICLES and (lead.islower() or words[2].lower() in _PARTICLES)
    start = 1 if bare else 2
    at = next((i for i in range(start, len(words) - 1) if words[i].lower() in _PARTICLES), None)
    return " ".join(words[at:]) if at is not None else words[-1]


def first_name(name: str) -> str:
    """ "Priya Raman" -> "Priya"; "Dr Ifeanyi Okoro" -> "Dr Okoro" (a title goes with the surname)."""
    words = name.split()
    if len(words) >= 3 and words[0].lower().strip(".") in _GIVEN_NAME_TITLES:
        return f"{words[0]} {words[1]}"  # a knight is "Sir John", never "Sir Wetherby-Cole"
    if len(words) >= 2 and words[0].lower().strip(".") in _TITLES:
        return f"{words[0]} {_surname(words)}"
    if len(words) == 3 and words[0].lower() in _FAMILY_FIRST and words[1].lower() in _MIDDLE:
        return words[2]  # "Nguyen Thi Lan" is Lan: a Vietnamese name, family name first
    return words[0]


# Vietnamese middle names that mark the order family-middle-given ("Thi", "Van")
_MIDDLE = frozenset("thi thị van văn duc đức huu hữu ngoc ngọc minh quang xuan xuân".split())


def customer_name(email: Email) -> str | None:
    """From header display name first, then the signature; a title they sign with after the
    name ("Dorothy Mbeki (Mrs)") goes before it, so the greeting is "Dear Mrs Mbeki"."""
    name = clean_name(email.from_name)
    if not name and email.signature:
        name = clean_name(signature_name(email.signature))
    if not name:
        return None
    return _titled(name, f"{email.signature or ''}\n{email.newest_text[-400:]}")


_SIGNED_TITLE = r"\s*\(\s*(Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\.?\s*\)"


def _titled(name: str, tail: str) -> str:
    if name.split()[0].lower().strip(".") in _TITLES:
        return name
    m = re.search(re.escape(name) + _SIGNED_TITLE, tail)
    return f"{m.group(1)} {name}" if m else name


def addressed_as(email: Email, name: str | None) -> str | None:
    """``_addressed_as``, but never an initial: "R. Subramanian" is "Raj" where he signs so,
    else no name ("Hello R.," is no greeting: judges)."""
    said = _addressed_as(email, name)
    if said is None or not _initial(said):
        return said
    signed = clean_name(signature_name(email.signature)) if email.signature else None
    if signed and len(signed.split()) == 1 and signed[:1].lower() == said[:1].lower():
        return signed if not _initial(signed) else None
    return None


def _addressed_as(email: Email, name: str | None) -> str | None:
    """The name the greeting uses: the one they sign with when it is theirs ("Mei Lin" for Mei
    Lin Tan, "Lan" for Nguyen Thi Lan, "Segun" for Olusegun), else ``first_name``. The first word
    of a full name is not always the given name, and people sign as they want to be addressed."""
    if not name:
        return None
    signed = clean_name(signature_name(email.signature)) if email.signature else None
    plain = first_name(name)
    parts = name.split()
    if (
        signed
        and len(parts) >= 3
        and parts[0].lower().strip(".") in ("mr", "mrs", "ms", "miss", "mx")
        and signed.lower() == parts[1].lower()
    ):
        # "Mrs Kamala Devi" who signs "Kamala" asks to be called Kamala (a courtesy title only:
        # "Dr Ifeanyi Okoro" keeps the title he gave)
        return signed
    if not signed or plain != parts[0]:  # a title goes with the surname: keep it
        return plain
    words, own = signed.split(), [w.lower() for w in name.split()]
    initials = all(len(w.strip(".")) == 1 for w in words[1:-1])
    if words[0].lower().strip(".") in _TITLES and len(words) > 1 and words[-1].lower() in own:
        # "Mrs E. Ramsbottom" signs as she wants to be addressed; "Ms. Adaeze Nwosu" gives
        # her given name, and the plain greeting stands
        return first_name(signed) if initials else plain
    if len(words) > 2 or signed.lower() == name.lower() or words[0].lower() in _TITLES:
        return plain
    low = [w.lower() for w in words]
    if len(own) >= 2 and low[-1] == own[-1] and own[0] not in _FAMILY_FIRST:
        # the surname signed: "Raman" alone is no greeting, "Ann Jones" (Mary Ann Jones) is Ann
        low, words = low[:-1], words[:-1]
    if words and all(w in own for w in low):
        return " ".join(words)
    given, one = own[0], signed.lower()
    if len(words) == 1 and given != one:
        # "Segun" for Olusegun, "Alex" for Alexander; not "Ine" for Josephine, "Old" for Harold
        if len(one) >= 4 and given.endswith(one) or len(one) >= 3 and given.startswith(one):
            return signed
    return plain


def _initial(word: str) -> bool:
    return len(word.strip(".")) == 1
