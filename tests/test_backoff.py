from triage.backoff import backoff_delay


def test_full_jitter_ceiling_doubles_and_caps() -> None:
    top = [backoff_delay(a, initial=1.0, cap=30.0, rand=lambda: 0.999999) for a in range(8)]
    assert [round(t) for t in top] == [1, 2, 4, 8, 16, 30, 30, 30]


def test_full_jitter_can_be_zero_and_huge_attempts_do_not_overflow() -> None:
    assert backoff_delay(3, initial=1.0, cap=30.0, rand=lambda: 0.0) == 0.0
    assert backoff_delay(10_000, initial=1.0, cap=5.0, rand=lambda: 0.5) == 2.5
