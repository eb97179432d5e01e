"""Survey definitions: load the YAML files and validate them into plain dataclasses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

LANGUAGES = ("en", "ru", "zh")
STAGES = ("awareness", "purchase", "delivery", "first_use", "support", "loyalty")
SCALES = {"csat": (1, 5), "nps": (0, 10), "ces": (1, 7)}
QUESTION_TYPES = (*SCALES, "choice", "text")
OPERATORS = ("<", "<=", ">", ">=", "==", "!=", "in")
MAX_QUESTIONS = 5
_ID = re.compile(r"^[a-z][a-z0-9_]{0,23}$")


class DefinitionError(ValueError):
    """A survey file is broken; the message names the file, the question and the problem."""


@dataclass(frozen=True)
class Option:
    """One choice of a `choice` question."""

    id: str
    label: dict[str, str]


@dataclass(frozen=True)
class Condition:
    """Ask a question only when an earlier answer satisfies `op value`."""

    question: str
    op: str
    value: object

    def holds(self, answer: object) -> bool:
        """Tell whether an earlier answer satisfies this condition (a skipped answer never does)."""
        if answer is None:
            return False
        if self.op == "in":
            return answer in self.value  # type: ignore[operator]  # parse_survey makes an `in` value a list
        if self.op in ("==", "!="):
            return (answer == self.value) == (self.op == "==")
        try:
            a, b = float(answer), float(self.value)  # type: ignore[arg-type]  # anything else raises, caught below
        except (TypeError, ValueError):
            return False
        return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[self.op]


@dataclass(frozen=True)
class Question:
    """One question of a survey."""

    id: str
    stage: str
    type: str
    prompt: dict[str, str]
    skippable: bool = False
    options: tuple[Option, ...] = ()
    when: Condition | None = None

    @property
    def scale(self) -> tuple[int, int] | None:
        """Return the (low, high) range of a score question, None otherwise."""
        return SCALES.get(self.type)

    def option(self, option_id: str) -> Option | None:
        """Return the option with this id, if the question has it."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Survey:
    """A survey: texts around it and its ordered questions."""

    id: str
    title: dict[str, str]
    intro: dict[str, str]
    outro: dict[str, str]
    questions: tuple[Question, ...] = field(default_factory=tuple)

    def question(self, question_id: str) -> Question | None:
        """Return the question with this id, if any."""
        return next((q for q in self.questions if q.id == question_id), None)


def _texts(raw: object, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise DefinitionError(f"{where}: expected texts for {', '.join(LANGUAGES)}")
    missing = [lang for lang in LANGUAGES if not isinstance(raw.get(lang), str) or not raw[lang].strip()]
    if missing:
        raise DefinitionError(f"{where}: missing language {', '.join(missing)}")
    return {lang: raw[lang] for lang in LANGUAGES}


def _question(raw: object, where: str, earlier: dict[str, Question]) -> Question:
    if not isinstance(raw, dict):
        raise DefinitionError(f"{where}: a question must be a mapping")
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        raise DefinitionError(f"{where}: question id {qid!r} must be 1-24 chars of a-z, 0-9, _")
    where = f"{where}, question {qid}"
    if qid in earlier:
        raise DefinitionError(f"{where}: duplicate id")
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        raise DefinitionError(f"{where}: unknown type {qtype!r} (expected one of {', '.join(QUESTION_TYPES)})")
    stage = raw.get("stage")
    if stage not in STAGES:
        raise DefinitionError(f"{where}: unknown stage {stage!r} (expected one of {', '.join(STAGES)})")
    options: tuple[Option, ...] = ()
    if qtype == "choice":
        raw_options = raw.get("options")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            raise DefinitionError(f"{where}: a choice question needs at least two options")
        options = tuple(
            Option(str(o.get("id")), _texts(o.get("label"), f"{where}, option {o.get('id')}"))
            for o in raw_options
            if isinstance(o, dict)
        )
        ids = [o.id for o in options]
        if len(ids) != len(raw_options) or len(set(ids)) != len(ids) or not all(_ID.match(i) for i in ids):
            raise DefinitionError(f"{where}: options need unique ids of a-z, 0-9, _")
    when = None
    if raw.get("when") is not None:
        cond = raw["when"]
        if not isinstance(cond, dict) or cond.get("op") not in OPERATORS or "value" not in cond:
            raise DefinitionError(f"{where}: condition needs question, op ({' '.join(OPERATORS)}) and value")
        if cond.get("question") not in earlier:
            raise DefinitionError(f"{where}: condition on unknown or later question {cond.get('question')!r}")
        when = Condition(cond["question"], cond["op"], cond["value"])
    return Question(
        id=qid,
        stage=stage,
        type=qtype,
        prompt=_texts(raw.get("prompt"), f"{where}, prompt"),
        skippable=bool(raw.get("skippable", False)),
        options=options,
        when=when,
    )


def parse_survey(text: str, source: str) -> Survey:
    """Parse and validate one survey definition; `source` names it in error messages."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise DefinitionError(f"{source}:{line} not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(raw, dict):
        raise DefinitionError(f"{source}: expected a mapping with id, title, intro, outro, questions")
    sid = raw.get("id")
    if not isinstance(sid, str) or not _ID.match(sid):
        raise DefinitionError(f"{source}: survey id {sid!r} must be a-z, 0-9, _")
    raw_questions = raw.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise DefinitionError(f"{source}: no questions")
    questions: dict[str, Question] = {}
    for index, rq in enumerate(raw_questions, 1):
        q = _question(rq, f"{source}, #{index}", questions)
        questions[q.id] = q
    survey = Survey(
        id=sid,
        title=_texts(raw.get("title"), f"{source}, title"),
        intro=_texts(raw.get("intro"), f"{source}, intro"),
        outro=_texts(raw.get("outro"), f"{source}, outro"),
        questions=tuple(questions.values()),
    )
    longest = max_path_length(survey)
    if longest > MAX_QUESTIONS:
        raise DefinitionError(f"{source}: up to {longest} questions asked; keep it to {MAX_QUESTIONS} or fewer")
    return survey


def max_path_length(survey: Survey) -> int:
    """Count the questions a customer could be asked at most (conditional ones included)."""
    unconditional = sum(1 for q in survey.questions if q.when is None)
    # Conditional questions on the same earlier question with exclusive ranges count once per anchor.
    anchors = {q.when.question for q in survey.questions if q.when is not None}
    return unconditional + len(anchors)


def load_survey(path: Path) -> Survey:
    """Load one survey file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(f"{path}: cannot read ({exc})") from None
    return parse_survey(text, str(path))


def load_surveys(directory: Path | None = None) -> dict[str, Survey]:
    """Load every survey in a directory (default: the definitions shipped with the package)."""
    if directory is None:
        root = resources.files("surveys") / "definitions"
        files = sorted((p for p in root.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)
        surveys = [parse_survey(p.read_text(encoding="utf-8"), f"surveys/definitions/{p.name}") for p in files]
    else:
        surveys = [load_survey(p) for p in sorted(Path(directory).glob("*.yaml"))]
    by_id: dict[str, Survey] = {}
    for s in surveys:
        if s.id in by_id:
            raise DefinitionError(f"{directory}: two files define survey {s.id}")
        by_id[s.id] = s
    for required in ("post_purchase", "first_week"):
        if required not in by_id:
            raise DefinitionError(f"{directory or 'surveys/definitions'}: survey {required} is missing")
    return by_id
