"""Read the knowledge base: ``config/knowledge/<id>.md``, one fix per file.

Format (TOML front matter between ``+++`` lines, then the numbered steps)::

    +++
    title = "Reset a forgotten or expired password"
    symptoms = ["I forgot my password", "my password has expired"]   # how customers say it
    keywords = ["password", "expired", "forgot"]                      # words that point here
    why = "One sentence on why the steps work."
    team = "user accounts team"   # optional: who takes it ("I've passed this to our ...")
    heads_up = ""                 # optional: bad news to say up front (a visit, a cost, a wait)
    questions = ["Which page ...?", "Since when ...?"]   # 2-3 questions that find the cause
    scopes = ["one"]              # where the steps apply: one, team, site, everyone
    kinds = ["fault"]             # reading kinds it answers (``KB_KINDS``)
    incident = ""                 # what the desk says and does; required for outages and for
                                  # entries whose scopes include site or everyone
    workaround = ""               # optional: what people can do meanwhile, in an outage or
                                  # across a site (said instead of one person's steps)
    workaround_unless = ""        # optional: a regular expression; an email that matches it
                                  # is not told the workaround (it would not be true for it)
    problems = ["laptops?|pcs?: no-power"]   # optional: the problems it answers, as the
                                  # vocabulary of config/replies.toml names them ("things: troubles")
    by = "customer"               # optional: who takes the steps, "customer" or "desk" (what
                                  # we do on our side: check a bill, run an export)
    requires = ""                 # optional: a regular expression the email must contain
    safety = false                # optional: the steps keep someone safe (a sparking socket)
    said = ""                     # optional: a security matter said back, as a clause
    todo = []                     # optional: what the agent must check or do before sending
                                  # (shown by show/review, never in the reply)
    [given]                       # optional: a step said instead of one that asks for what
    4 = "We'll test the file you named."   # the email already gives (by step number)
    +++
    1. First step, in plain words.
    2. Second step.

TOML, not YAML: the standard library reads it, and it has no surprising type coercions.

An outage entry may have no steps at all (its reply is the incident wording; steps are only a
workaround); every other entry needs at least two.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from triage.domain import READING_KINDS, READING_SCOPES
from triage.errors import ConfigError
from triage.replies.values import KbEntry

_STEP = re.compile(r"^\s*(\d+)[.)]\s+(.*\S)\s*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# the reading's kinds and scopes, less "na": an entry always answers something, for someone
KB_KINDS = READING_KINDS
KB_SCOPES = tuple(s for s in READING_SCOPES if s != "na")
# a reply to a whole site or to everyone says what the desk is doing, never "restart your laptop"
WIDE_SCOPES = frozenset({"site", "everyone"})
_KEYS = {
    "title",
    "symptoms",
    "keywords",
    "why",
    "team",
    "heads_up",
    "questions",
    "scopes",
    "kinds",
    "incident",
    "workaround",
    "workaround_unless",
    "problems",
    "by",
    "requires",
    "safety",
    "said",
    "todo",
    "given",
}
_BY = ("customer", "desk")


def parse_entry(text: str, entry_id: str, source: str = "") -> KbEntry:
    where = source or entry_id
    if not _ID.match(entry_id):
        raise ConfigError(f"{where}: file name must be lower-case letters, digits and dashes")
    parts = text.split("+++")
    if not text.lstrip().startswith("+++") or len(parts) < 3:
        raise ConfigError(f"{where}: missing the +++ front matter block")
    try:
        meta = tomllib.loads(parts[1])
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: front matter is not valid TOML: {exc}") from exc
    body = "+++".join(parts[2:])
    steps: list[str] = []
    for line in body.splitlines():
        m = _STEP.match(line)
        if m:
            steps.append(m.group(2))
        elif line.strip() and steps:
            steps[-1] += " " + line.strip()  # a wrapped step continues on the next line
    unknown = set(meta) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown front matter keys {sorted(unknown)}")

    def text_list(key: str, minimum: int) -> tuple[str, ...]:
        value = meta.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{where}: {key} must be a list of non-empty strings")
        if len(value) < minimum:
            raise ConfigError(f"{where}: {key} needs at least {minimum} item(s)")
        return tuple(v.strip() for v in value)

    def text_value(key: str, required: bool) -> str:
        value = meta.get(key, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise ConfigError(f"{where}: {key} must be a non-empty string")
        return value.strip()

    def choices(key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        if key not in meta:
            raise ConfigError(f"{where}: {key} is required (any of {', '.join(allowed)})")
        values = text_list(key, 1)
        wrong = [v for v in values if v not in allowed]
        if wrong:
            raise ConfigError(f"{where}: {key} has {wrong}; allowed: {', '.join(allowed)}")
        if len(set(values)) != len(values):
            raise ConfigError(f"{where}: {key} lists a value twice")
        return values

    if "questions" not in meta:
        raise ConfigError(f"{where}: questions is required (2 or 3 questions that find the cause)")
    questions = text_list("questions", 2)
    if len(questions) > 3:
        raise ConfigError(f"{where}: questions has {len(questions)} items; ask 2 or 3")
    for q in questions:
        if not q.endswith("?"):
            raise ConfigError(f"{where}: questions must each end with '?': {q!r}")
    scopes = choices("scopes", KB_SCOPES)
    kinds = choices("kinds", KB_KINDS)
    incident = text_value("incident", False)
    if not incident and ("outage" in kinds or WIDE_SCOPES & set(scopes)):
        raise ConfigError(
            f"{where}: incident is required when kinds has 'outage' or scopes has 'site' or"
            " 'everyone' (what the desk says and does, instead of end-user steps)"
        )
    problems = text_list("problems", 0) if "problems" in meta else ()
    for problem in problems:
        try:
            problem_patterns(problem)
        except ValueError as exc:
            raise ConfigError(f"{where}: problems: {exc}") from exc
    requires = text_value("requires", False)
    unless = text_value("workaround_unless", False)
    for name, pattern in (("requires", requires), ("workaround_unless", unless)):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{where}: {name} is not a valid regular expression: {exc}") from exc
    safety = meta.get("safety", False)
    if not isinstance(safety, bool):
        raise ConfigError(f"{where}: safety must be true or false")
    said = text_value("said", False)
    if said and ("security" not in kinds or said[:1].isupper() or said[-1:] in ".!?;:"):
        raise ConfigError(
            f"{where}: said is a security entry's clause, lower-case and without a final stop"
            f" (it is said inside our sentence): {said!r}"
        )
    todo = text_list("todo", 0) if "todo" in meta else ()
    for line in todo:
        if line[-1:] not in ".!?":
            raise ConfigError(f"{where}: todo lines are sentences for the agent: {line!r}")
    given = _given(meta.get("given", {}), steps, where)
    by = text_value("by", False) or "customer"
    if by not in _BY:
        raise ConfigError(f"{where}: by is {by!r}; allowed: {', '.join(_BY)}")
    if len(steps) < 2 and not ("outage" in kinds and incident):
        raise ConfigError(f"{where}: needs at least two numbered steps after the front matter")
    return KbEntry(
        id=entry_id,
        title=text_value("title", True),
        symptoms=text_list("symptoms", 1),
        keywords=text_list("keywords", 1),
        steps=tuple(steps),
        why=text_value("why", True),
        team=text_value("team", False),
        heads_up=text_value("heads_up", False),
        source=source,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        questions=questions,
        scopes=scopes,
        kinds=kinds,
        incident=incident,
        workaround=text_value("workaround", False),
        workaround_unless=unless,
        problems=problems,
        by=by,
        requires=requires,
        safety=safety,
        said=said,
        todo=todo,
        given=given,
    )


def _given(table: object, steps: list[str], where: str) -> tuple[tuple[str, str], ...]:
    """``[given]``: step number → the step said instead when the email already gives what the
    step asks for (``done.asks_only_given``): "tell us the file's name" becomes what we do with
    the file they named, where leaving the step out left too little of the fix."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: given must be a table of step number = step text")
    out = []
    for key, said in table.items():
        if not re.fullmatch(r"[0-9]+", key) or not 1 <= int(key) <= len(steps):
            raise ConfigError(f"{where}: given has {key!r}, which is no step's number")
        if not isinstance(said, str) or not said.strip():
            raise ConfigError(f"{where}: given.{key} must be a non-empty string")
        out.append((steps[int(key) - 1], said.strip()))
    return tuple(out)


Problem = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]


def problem_patterns(problem: str) -> Problem:
    """ "things: troubles" as two whole-string patterns, and after " @ " a pattern the email
    must contain ("... @ home|house|router": the steps are a home's), or with "!" must not
    ("... @ !phone|mobile": the steps are a computer's); ValueError says what is wrong."""
    pair, *rest = re.split(r"\s+@(?:\s+|$)", problem, maxsplit=1)
    at, where = bool(rest), (rest[0] if rest else "")
    things, sep, troubles = pair.rpartition(":")  # "(?:hard )?drives?: noise"
    if not sep or not things.strip() or not troubles.strip() or (at and not where.strip()):
        raise ValueError(f"{problem!r} is not 'things: troubles' or 'things: troubles @ where'")
    try:
        return (
            re.compile(things.strip(), re.IGNORECASE),
            re.compile(troubles.strip(), re.IGNORECASE),
            _where(where.strip()) if at else None,
        )
    except re.error as exc:
        raise ValueError(f"{problem!r} is not a valid regular expression: {exc}") from exc


def _where(where: str) -> re.Pattern[str]:
    """A pattern that searches true where the email is in that setting: "!x" is true only
    where no "x" is (a lookahead over the whole text from its start)."""
    if where.startswith("!"):
        return re.compile(rf"^(?![\s\S]*\b(?:{where[1:].strip()})\b)", re.IGNORECASE)
    return re.compile(rf"\b(?:{where})\b", re.IGNORECASE)


def read_entries(directory: Path) -> tuple[KbEntry, ...]:
    """Every ``*.md`` entry of ``directory``, sorted by id. ConfigError names the bad file."""
    if not directory.is_dir():
        raise ConfigError(f"knowledge base directory {str(directory)!r} not found")
    entries = []
    for path in sorted(directory.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read: {exc}") from exc
        entries.append(parse_entry(text, path.stem, str(path)))
    if not entries:
        raise ConfigError(f"knowledge base directory {str(directory)!r} has no *.md entries")
    return tuple(entries)
