"""``[kb]`` in triage.toml: the cases learned from the desk's own answers (README "Learned
cases"). Apart from triage/replies/cases.py so that Settings does not import numpy."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CaseSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # the desk's Sent folder, read by `triage kb import-sent` (read-only: nothing is changed)
    sent_folder: str = "Sent"
    # a case is offered when the two customer emails' embeddings have at least this cosine
    # (the base sentence model's space, classify/topic.py; bench/case_similarity.py) ...
    min_similarity: float = Field(default=0.55, ge=0.0, le=1.0)
    # ... and share at least this part of their content words (Jaccard; 0 = no such gate)
    min_overlap: float = Field(default=0.15, ge=0.0, le=1.0)
    # how many cases at most are offered next to the knowledge-base candidates (0: none)
    cases: int = Field(default=3, ge=0, le=6)
