import pytest

from triage.plurals import looks_plural, singular


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("laptops", True),
        ("printers", True),
        ("access", False),  # -ss
        ("status", False),  # -us
        ("analysis", False),  # -is
        ("vpn", False),
        ("", False),
    ],
)
def test_a_plural_is_read_by_its_ending(word: str, plural: bool) -> None:
    assert looks_plural(word) is plural


def test_singular_drops_only_a_plural_s() -> None:
    assert singular("printers") == "printer"
    assert singular("virus") == "virus"
    assert singular("password") == "password"
