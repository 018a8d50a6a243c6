"""Tally the blind judges' verdicts on the reply items (bench/reply_items.py, bench/JUDGE_RUBRIC.md).

    .venv/bin/python bench/reply_tally.py var/judge/before [--markdown | --json]

Reads from the run folder: rubric_items.jsonl, rubric_second.jsonl, ab_items.jsonl, ab_key.jsonl,
mechanical.json, and the judges' rubric_verdicts.jsonl, rubric_second_verdicts.jsonl and
ab_verdicts.jsonl (another place with --rubric-verdicts / --second-verdicts / --ab-verdicts).
Every verdict file is checked strictly before anything is counted: JSON objects, every item
exactly once, no unknown ids, every field present with an allowed value, nothing else but an
optional "note". Any error is printed (file and line) and the exit status is 2. A verdict file
that is not there yet is reported as not judged.

Prints the figures issue 15 targets: send-ready %, mean edit minutes, fix wrong %, restatement
good / wrong %, asks answered %, harmful count, formulaic %, ours preferred-or-tied against the
brands' real replies, the two judges' agreement on the second judge's items (% per field,
Cohen's kappa for send_ready), and the mechanical checks. --markdown prints the README table,
with the date and commit the drafts were built on.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

RUBRIC_FIELDS: dict[str, tuple[str, ...] | None] = {
    "restatement": ("good", "awkward", "wrong"),
    "greeting": ("ok", "bad"),
    "fix": ("right", "wrong", "placeholder", "none", "answered", "not_answered"),
    "asks": ("yes", "no"),
    "plan": ("ok", "too_slow", "unrealistic", "missing"),
    "tone": ("ok", "formulaic", "harmful"),
    "send_ready": ("yes", "no"),
    "edit_minutes": None,  # a number >= 0
}
AB_FIELDS: dict[str, tuple[str, ...] | None] = {"verdict": ("A", "B", "tie")}
OPTIONAL_FIELDS = frozenset({"note"})
EDIT_MINUTES_AGREE = 2.0  # two judges' edit minutes agree when this close


class VerdictError(ValueError):
    """A verdict or key file that does not hold what the rubric asks for; lists every problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def read_jsonl(path: Path) -> list[tuple[int, Any]]:
    """(line number, parsed value) for every non-blank line; a bad line raises VerdictError."""
    rows: list[tuple[int, Any]] = []
    problems: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(f"{path}: line {n}: not JSON ({exc.msg})")
    if problems:
        raise VerdictError(problems)
    return rows


def item_ids(path: Path) -> list[str]:
    return [str(r["id"]) for _, r in read_jsonl(path)]


def _check_value(field: str, allowed: tuple[str, ...] | None, value: object) -> str | None:
    if allowed is None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{field} must be a number of minutes, got {value!r}"
        if not math.isfinite(value) or value < 0:
            return f"{field} must be a finite number >= 0, got {value!r}"
        return None
    if value not in allowed:
        return f"{field} must be one of {'|'.join(allowed)}, got {value!r}"
    return None


def load_verdicts(
    path: Path, ids: Sequence[str], fields: dict[str, tuple[str, ...] | None]
) -> dict[str, dict[str, Any]]:
    """The verdicts of ``path`` by id, checked against the items' ``ids`` and the ``fields``."""
    expected = set(ids)
    found: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for n, row in read_jsonl(path):
        where = f"{path}: line {n}"
        if not isinstance(row, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        ident = row.get("id")
        if not isinstance(ident, str) or not ident:
            problems.append(f"{where}: no id")
            continue
        where += f" ({ident})"
        if ident not in expected:
            problems.append(f"{where}: unknown id (not in the items file)")
            continue
        if ident in found:
            problems.append(f"{where}: id judged twice")
            continue
        for key in sorted(set(row) - set(fields) - OPTIONAL_FIELDS - {"id"}):
            problems.append(f"{where}: unknown field {key!r}")
        for field, allowed in fields.items():
            if field not in row:
                problems.append(f"{where}: missing {field}")
            elif (msg := _check_value(field, allowed, row[field])) is not None:
                problems.append(f"{where}: {msg}")
        if "note" in row and not isinstance(row["note"], str):
            problems.append(f"{where}: note must be a string")
        found[ident] = row
    missing = [i for i in ids if i not in found]
    if missing:
        shown = ", ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
        problems.append(f"{path}: {len(missing)} item(s) not judged: {shown}")
    if problems:
        raise VerdictError(problems)
    return found


def load_key(path: Path, ids: Sequence[str]) -> dict[str, str]:
    """id -> "A" or "B", the side our draft was shown on."""
    key: dict[str, str] = {}
    problems: list[str] = []
    for n, row in read_jsonl(path):
        if not isinstance(row, dict) or row.get("ours") not in ("A", "B") or "id" not in row:
            problems.append(f"{path}: line {n}: needs id and ours A|B")
            continue
        key[str(row["id"])] = str(row["ours"])
    missing = set(ids) - set(key)
    if missing:
        problems.append(f"{path}: no side for {len(missing)} item(s): {sorted(missing)[:10]}")
    if problems:
        raise VerdictError(problems)
    return key


# ---- the figures ----------------------------------------------------------------------------


def pct(k: int, n: int) -> float:
    return round(100 * k / n, 1) if n else 0.0


def rubric_figures(verdicts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    rows = list(verdicts.values())
    n = len(rows)

    def count(field: str, value: str) -> int:
        return sum(1 for r in rows if r[field] == value)

    minutes = sorted(float(r["edit_minutes"]) for r in rows)
    return {
        "n": n,
        "send_ready_pct": pct(count("send_ready", "yes"), n),
        "edit_minutes_mean": round(sum(minutes) / n, 2) if n else 0.0,
        "edit_minutes_median": _median(minutes),
        "fix_wrong_pct": pct(count("fix", "wrong"), n),
        "fix_wrong_or_not_answered_pct": pct(
            count("fix", "wrong") + count("fix", "not_answered"), n
        ),
        "restatement_good_pct": pct(count("restatement", "good"), n),
        "restatement_wrong_pct": pct(count("restatement", "wrong"), n),
        "asks_answered_pct": pct(count("asks", "yes"), n),
        "harmful": count("tone", "harmful"),
        "formulaic_pct": pct(count("tone", "formulaic"), n),
        "greeting_bad": count("greeting", "bad"),
        "plan_ok_pct": pct(count("plan", "ok"), n),
        "counts": {
            f: dict(Counter(str(r[f]) for r in rows))
            for f, allowed in RUBRIC_FIELDS.items()
            if allowed is not None
        },
    }


def ab_figures(verdicts: dict[str, dict[str, Any]], key: dict[str, str]) -> dict[str, Any]:
    won = sum(1 for i, v in verdicts.items() if v["verdict"] == key[i])
    tied = sum(1 for v in verdicts.values() if v["verdict"] == "tie")
    n = len(verdicts)
    return {
        "n": n,
        "ours_won": won,
        "tied": tied,
        "brand_won": n - won - tied,
        "ours_preferred_or_tied_pct": pct(won + tied, n),
        "ours_won_pct": pct(won, n),
    }


def cohen_kappa(a: Sequence[object], b: Sequence[object]) -> float | None:
    """Cohen's kappa of two raters' labels on the same items; None when chance agreement is
    total (both gave one and the same label to every item) and kappa is undefined."""
    if len(a) != len(b) or not a:
        raise ValueError("kappa needs two equally long, non-empty label lists")
    n = len(a)
    observed = sum(1 for x, y in zip(a, b, strict=True) if x == y) / n
    ca, cb = Counter(a), Counter(b)
    chance = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1 - chance)


def agreement(
    first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The two judges on the items both judged: % agreement per field, kappa for send_ready."""
    ids = sorted(set(first) & set(second))
    n = len(ids)
    fields: dict[str, float] = {}
    for field, allowed in RUBRIC_FIELDS.items():
        if allowed is None:
            same = sum(
                1
                for i in ids
                if abs(float(first[i][field]) - float(second[i][field])) <= EDIT_MINUTES_AGREE
            )
        else:
            same = sum(1 for i in ids if first[i][field] == second[i][field])
        fields[field] = pct(same, n)
    kappa = cohen_kappa(
        [first[i]["send_ready"] for i in ids], [second[i]["send_ready"] for i in ids]
    )
    diffs = [abs(float(first[i]["edit_minutes"]) - float(second[i]["edit_minutes"])) for i in ids]
    return {
        "n": n,
        "agreement_pct": fields,
        "send_ready_kappa": None if kappa is None else round(kappa, 3),
        "edit_minutes_mean_abs_diff": round(sum(diffs) / n, 2) if n else 0.0,
    }


def _median(values: list[float]) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


# ---- the report -----------------------------------------------------------------------------


def tally(
    run: Path,
    rubric_verdicts: Path | None = None,
    second_verdicts: Path | None = None,
    ab_verdicts: Path | None = None,
) -> dict[str, Any]:
    """Everything the run folder and the verdict files say; raises VerdictError on bad files."""
    rubric_v = rubric_verdicts or run / "rubric_verdicts.jsonl"
    second_v = second_verdicts or run / "rubric_second_verdicts.jsonl"
    ab_v = ab_verdicts or run / "ab_verdicts.jsonl"
    report: dict[str, Any] = {"run": str(run)}
    mech = run / "mechanical.json"
    report["mechanical"] = json.loads(mech.read_text(encoding="utf-8")) if mech.exists() else None
    problems: list[str] = []
    first: dict[str, dict[str, Any]] | None = None
    rubric_ids = item_ids(run / "rubric_items.jsonl")
    second_ids = item_ids(run / "rubric_second.jsonl")
    if not set(second_ids) <= set(rubric_ids):
        problems.append("rubric_second.jsonl holds items that rubric_items.jsonl does not")
    parts: list[tuple[str, Path, list[str], dict[str, tuple[str, ...] | None]]] = [
        ("rubric", rubric_v, rubric_ids, RUBRIC_FIELDS),
        ("second", second_v, second_ids, RUBRIC_FIELDS),
        ("ab", ab_v, item_ids(run / "ab_items.jsonl"), AB_FIELDS),
    ]
    loaded: dict[str, dict[str, dict[str, Any]]] = {}
    key: dict[str, str] = {}
    for name, path, ids, fields in parts:
        if not path.exists():
            report[name] = None
            continue
        try:
            loaded[name] = load_verdicts(path, ids, fields)
        except VerdictError as exc:
            problems += exc.problems
    if "ab" in loaded:
        try:
            key = load_key(run / "ab_key.jsonl", list(loaded["ab"]))
        except VerdictError as exc:
            problems += exc.problems
    if problems:
        raise VerdictError(problems)
    if "rubric" in loaded:
        first = loaded["rubric"]
        report["rubric"] = rubric_figures(first)
    if "second" in loaded:
        report["second"] = rubric_figures(loaded["second"])
        report["agreement"] = agreement(first, loaded["second"]) if first is not None else None
    if "ab" in loaded:
        report["ab"] = ab_figures(loaded["ab"], key)
    return report


def _git_head() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    return out.stdout.strip() or "unknown"


def _mech_lines(mech: dict[str, Any] | None) -> list[tuple[str, str]]:
    if not mech:
        return [("mechanical checks", "no mechanical.json")]
    r, a, speed = mech["rubric"], mech["ab"], mech["speed"]

    def both(key: str) -> str:
        return (
            f"{pct(r[key]['drafts'], r['drafts'])} % ({r[key]['drafts']}/{r['drafts']}) · "
            f"tweets {pct(a[key]['drafts'], a['drafts'])} % ({a[key]['drafts']}/{a['drafts']})"
        )

    top = r["ack_sentences_top"][0] if r["ack_sentences_top"] else None
    stock = f"{r['ack_sentences_over_10pct']} (emails) · {a['ack_sentences_over_10pct']} (tweets)"
    if top:
        stock += f"; most common: “{top['sentence']}” in {pct(top['drafts'], r['drafts'])} %"
    no_draft = len(r["no_draft"]) + len(a["no_draft"])
    return [
        ("drafts with a bracketed placeholder “[”", "emails " + both("placeholder")),
        (
            "acknowledgements copying 9+ words of the email in a row",
            "emails " + both("ack_copies_9_words"),
        ),
        ("acknowledgement sentences in > 10 % of drafts", stock),
        ("items that got no draft", str(no_draft)),
        ("drafts/s (model load excluded)", str(speed["drafts_per_s"])),
    ]


def rows_of(report: dict[str, Any]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    r = report.get("rubric")
    if r:
        n = r["n"]
        rows += [
            (f"send-ready (rubric, n={n})", f"{r['send_ready_pct']} %"),
            (
                "mean edit minutes (median)",
                f"{r['edit_minutes_mean']} ({r['edit_minutes_median']})",
            ),
            (
                "fix wrong",
                f"{r['fix_wrong_pct']} % (wrong or question not answered: {r['fix_wrong_or_not_answered_pct']} %)",
            ),
            (
                "restatement good / wrong",
                f"{r['restatement_good_pct']} % / {r['restatement_wrong_pct']} %",
            ),
            ("asks answered or acknowledged", f"{r['asks_answered_pct']} %"),
            ("harmful tone", f"{r['harmful']} of {n}"),
            ("formulaic tone", f"{r['formulaic_pct']} %"),
            ("plan ok", f"{r['plan_ok_pct']} %"),
            ("greeting bad", f"{r['greeting_bad']} of {n}"),
        ]
    else:
        rows.append(("rubric", "not judged yet"))
    a = report.get("ab")
    if a:
        rows.append(
            (
                f"ours preferred or tied vs the brands' real replies (A/B, n={a['n']})",
                f"{a['ours_preferred_or_tied_pct']} % (won {a['ours_won']}, tied {a['tied']}, lost {a['brand_won']})",
            )
        )
    else:
        rows.append(("A/B against the brands' replies", "not judged yet"))
    g = report.get("agreement")
    if g:
        kappa = "n/a" if g["send_ready_kappa"] is None else f"{g['send_ready_kappa']:.2f}"
        per = ", ".join(f"{f} {v} %" for f, v in g["agreement_pct"].items())
        rows.append((f"judges' agreement (n={g['n']}; edit minutes within ±2)", per))
        rows.append(("send_ready Cohen's kappa between the judges", kappa))
    else:
        rows.append(("second judge", "not judged yet"))
    return rows + _mech_lines(report.get("mechanical"))


def markdown(report: dict[str, Any]) -> str:
    mech = report.get("mechanical") or {}
    # the day the drafts were made; a run built at a fixed --at time says when its mail arrives
    made = str(mech.get("made_at") or mech.get("built_at") or "")[:10]
    built = made or datetime.now(UTC).date().isoformat()
    arrives = str(mech.get("built_at", ""))
    at = f", mail arriving {arrives[:16].replace('T', ' ')}" if mech.get("made_at") else ""
    commit = mech.get("commit") or _git_head()
    dirty = " (uncommitted changes)" if mech.get("dirty") else ""
    head = (
        f"Measured {built} on commit `{commit}`{dirty} (run `{mech.get('label', '?')}`{at}): "
        "blind judges, `bench/JUDGE_RUBRIC.md`; items and tallies by `bench/reply_items.py` "
        "and `bench/reply_tally.py`.\n\n| measure | value |\n|---|---|\n"
    )
    return head + "".join(f"| {k} | {v.replace('|', '/')} |\n" for k, v in rows_of(report))


def text(report: dict[str, Any]) -> str:
    width = max(len(k) for k, _ in rows_of(report))
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows_of(report))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("run", type=Path, help="the folder reply_items.py wrote (var/judge/<label>)")
    ap.add_argument("--rubric-verdicts", type=Path)
    ap.add_argument("--second-verdicts", type=Path)
    ap.add_argument("--ab-verdicts", type=Path)
    fmt = ap.add_mutually_exclusive_group()
    fmt.add_argument("--markdown", action="store_true", help="the README table")
    fmt.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        report = tally(args.run, args.rubric_verdicts, args.second_verdicts, args.ab_verdicts)
    except VerdictError as exc:
        for p in exc.problems:
            print(f"error: {p}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(
            f"error: {exc.filename}: no such file (run bench/reply_items.py first)", file=sys.stderr
        )
        return 2
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print(markdown(report) if args.markdown else text(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
