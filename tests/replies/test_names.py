from __future__ import annotations

import pytest

from triage.domain import Email
from triage.replies.names import addressed_as, clean_name, customer_name, first_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Priya Raman", "Priya Raman"),
        ('"Raman, Priya"', "Priya Raman"),
        ("PRIYA RAMAN", "Priya Raman"),
        ("priya.raman@kestrel.example", None),
        ("IT Support", None),
        ("Duty Manager Switchboard", None),  # a role, not "Dear Duty"
        ("noreply", None),
        ("{desk}", None),
        ("Agent 007", None),
        ("Tomasz Wiśniewski", "Tomasz Wiśniewski"),
        ("Siobhán O'Neil", "Siobhán O'Neil"),
        ("\u202eAna\u200b Lima", "Ana Lima"),
        ("", None),
        (None, None),
    ],
)
def test_clean_name(raw: str | None, expected: str | None) -> None:
    assert clean_name(raw) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Priya Raman", "Priya"),
        ("Dr Ifeanyi Okoro", "Dr Okoro"),
        ("Kemal", "Kemal"),
        ("Sir Hugh Wetherby-Cole", "Sir Hugh"),
        ("Dame Judith Carr", "Dame Judith"),
        ("Sister Abimbola Adeyinka", "Sister Adeyinka"),  # a ward sister, not "Dear Sister,"
        # the surname from its particle (judges: "'Dr Berg' mangles her surname")
        ("Dr Femke van der Berg", "Dr van der Berg"),
        ("Prof Ana de la Cruz", "Prof de la Cruz"),
        ("Dr Van Morrison", "Dr Morrison"),  # a given name, not a particle
        ("Dr Van der Berg", "Dr Van der Berg"),  # no given name: the surname from the title
        ("Dr de Souza", "Dr de Souza"),
    ],
)
def test_first_name(name: str, expected: str) -> None:
    assert first_name(name) == expected


def _email(from_name: str, newest_text: str = "x", signature: str = "") -> Email:
    return Email(
        message_id=None,
        subject="x",
        from_name=from_name,
        from_address="someone@x.example",
        date=None,
        newest_text=newest_text,
        signature=signature,
    )


def test_signature_fallback() -> None:
    email = _email("helpdesk@x.example", signature="Cheers,\nGordon MacLeod\nSite Manager")
    assert customer_name(email) == "Gordon MacLeod"


def test_a_title_signed_after_the_name_goes_before_it() -> None:
    text = "I will be leaving you the moment I am able to.\n\nDorothy Mbeki (Mrs)"
    name = customer_name(_email("Dorothy Mbeki", text))
    assert name == "Mrs Dorothy Mbeki"
    assert first_name(name) == "Mrs Mbeki"


@pytest.mark.parametrize(
    ("from_name", "signature", "expected"),
    [
        ("Mei Lin Tan", "Thanks,\nMei Lin", "Mei Lin"),  # a given name of two words
        ("Nguyen Thi Lan", "Best,\nLan", "Lan"),  # family name first
        ("Nguyen Thi Lan", "", "Lan"),  # ... even unsigned, by its middle name
        ("Wang Wei", "", "Wang"),  # two words: the order is not known
        ("Olusegun Bamidele", "Segun", "Segun"),  # the short form they sign with
        ("Priya Raman", "Priya Raman\nPayroll", "Priya"),
        ("Priya Raman", "Thanks,\nPriya", "Priya"),
        ("Priya Raman", "Thanks,\nGordon", "Priya"),  # someone else's name: not theirs
        ("Priya Raman", "", "Priya"),
        ("Dr Ifeanyi Okoro", "Ifeanyi", "Dr Okoro"),  # a title they gave is kept
        ("Mrs Kamala Devi", "Kamala\nShop Manager", "Kamala"),  # not a courtesy title signed
        ("Mrs Kamala Devi", "Regards,\nK. Devi", "Mrs Devi"),
        ("Alexander Byrne", "Al", "Alexander"),  # too short to be sure
        ("Edith Ramsbottom", "Mrs E. Ramsbottom", "Mrs Ramsbottom"),  # signed with a title
        ("Edith Ramsbottom", "Mrs Jones", "Edith"),  # not her name
        ("Adaeze Nwosu", "Ms. Adaeze Nwosu\nYear 4 Teacher", "Adaeze"),  # her given name too
        ("Edith Ramsbottom", "Mrs Ramsbottom", "Mrs Ramsbottom"),
        ("Priya Raman", "Regards,\nRaman", "Priya"),  # a surname alone is no greeting
        ("Mei Lin Tan", "Tan", "Mei"),
        ("Mary Ann Jones", "Ann Jones", "Ann"),
        ("Josephine Carr", "Ine", "Josephine"),  # a fragment, not a short form
        ("Harold Pike", "Old", "Harold"),
        # an initial and the surname signed: still the given name (paired judges preferred
        # "Dear Albert" to "Dear Albert Greaves", 11-0); an initial alone is no name
        ("Albert Greaves", "Regards,\nA. Greaves", "Albert"),
        ("R. Subramanian", "R. Subramanian", None),
        ("R. Subramanian", "Thanks,\nRaj", "Raj"),  # the name they sign with (review)
    ],
)
def test_the_greeting_uses_the_name_they_sign_with(
    from_name: str, signature: str, expected: str | None
) -> None:
    email = _email(from_name, signature=signature)
    assert addressed_as(email, customer_name(email)) == expected


def test_no_name_no_greeting_name() -> None:
    assert addressed_as(_email("x@y.example"), None) is None
