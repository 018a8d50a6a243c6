"""The label scheme (../shared/design/labels.md) as constants shared by training and inference."""

from __future__ import annotations

from typing import Final

LEVELS: Final = 4  # both ordinal labels run 0..3
URGENCY_NAMES: Final = ("low", "normal", "high", "critical")
FRUSTRATION_NAMES: Final = ("calm", "annoyed", "frustrated", "angry")
ORDINAL_LABELS: Final = ("urgency", "frustration")
ALL_LABELS: Final = ("urgency", "frustration", "not_customer")

# GoEmotions has no frustration scale; this is our own mapping of its emotions onto it
# (documented in the model card). The most upset emotion a comment carries wins.
# disapproval and annoyance are mostly mild in the data ("I don't think so", "ugh"), anger
# is the only one raters used for hostility; disgust and disappointment sit in between.
GOEMOTIONS_FRUSTRATION: Final[dict[str, int]] = {
    "annoyance": 1,
    "disapproval": 1,
    "disappointment": 2,
    "disgust": 2,
    "anger": 3,
}
# The binary "upset" task: positive = any of these, predicted = frustration >= 1.
GOEMOTIONS_UPSET: Final = frozenset(GOEMOTIONS_FRUSTRATION)


def goemotions_frustration(emotions: list[str]) -> int:
    """Frustration level of a GoEmotions comment from its emotion names (0 when none is upset)."""
    return max((GOEMOTIONS_FRUSTRATION.get(e, 0) for e in emotions), default=0)
