from triage.textsafe import clean


def test_ansi_and_control_sequences_are_removed() -> None:
    evil = "Invoice \x1b[31mRED\x1b[0m \x1b]0;pwned\x07done\x08\x00 \u202eevil"
    assert clean(evil) == "Invoice RED done evil"


def test_newlines_kept_unless_single_line() -> None:
    assert clean("a\r\nb\n\tc") == "a\nb\n\tc"
    assert clean("a\r\nb\n\tc", single_line=True) == "a b c"


def test_rich_markup_is_left_as_text_for_rich_text_objects() -> None:
    # markup is not a control sequence: it survives clean() and is printed via rich Text
    assert clean("[bold red]hi[/]") == "[bold red]hi[/]"
