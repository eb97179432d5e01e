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
MAX_QUESTIONS = 5  # questions a customer may be asked, skippable "why" follow-ups apart
MAX_FOLLOW_UPS = 3  # skippable conditional text questions, each asked only after an answer that calls for it
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


def _condition_value(op: str, value: object, where: str) -> object:
    """Check a condition's value fits its operator: a list for `in`, a number for <, <=, >, >=, else one value."""

    def scalar(v: object) -> bool:
        return isinstance(v, str | int | float) and not isinstance(v, bool)

    if op == "in":
        if not isinstance(value, list) or not value or not all(scalar(v) for v in value):
            raise DefinitionError(
                f"{where}: condition op 'in' needs a list of values, e.g. value: [1, 2], not {value!r}"
            )
        return tuple(value)
    if op in ("<", "<=", ">", ">=") and (not scalar(value) or isinstance(value, str)):
        raise DefinitionError(f"{where}: condition op {op!r} needs a number, not {value!r}")
    if not scalar(value):
        raise DefinitionError(f"{where}: condition op {op!r} needs one value, not {value!r}")
    return value


def _check_against(when: Condition, anchor: Question, where: str) -> None:
    """Refuse a condition that can never hold for the answers its question takes (an option id, a score)."""
    values: tuple = when.value if isinstance(when.value, tuple) else (when.value,)  # `in` holds a tuple
    if anchor.type == "choice":
        if when.op not in ("==", "!=", "in"):
            raise DefinitionError(f"{where}: {anchor.id} is a choice; compare it with ==, != or in, not {when.op}")
        unknown = [v for v in values if anchor.option(str(v)) is None]
        if unknown:
            raise DefinitionError(f"{where}: {anchor.id} has no option {unknown[0]!r}")
    elif anchor.scale is not None and any(isinstance(v, str) for v in values):
        raise DefinitionError(f"{where}: {anchor.id} is a {anchor.type} score; compare it with numbers")


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
        when = Condition(cond["question"], cond["op"], _condition_value(cond["op"], cond["value"], where))
        _check_against(when, earlier[when.question], where)
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
    asked, follow_ups = longest_path(survey)
    if asked > MAX_QUESTIONS:
        raise DefinitionError(
            f"{source}: one customer can be asked up to {asked} questions (conditions that can hold together"
            f" count together); keep it to {MAX_QUESTIONS} or fewer"
        )
    if follow_ups > MAX_FOLLOW_UPS:
        raise DefinitionError(
            f"{source}: up to {follow_ups} follow-up questions asked; keep it to {MAX_FOLLOW_UPS} or fewer"
        )
    return survey


def is_follow_up(question: Question) -> bool:
    """Tell whether a question is a skippable "why" asked only after an answer that calls for it."""
    return question.when is not None and question.type == "text" and question.skippable


def max_path_length(survey: Survey) -> int:
    """Count the questions a customer could be asked at most (conditional ones and follow-ups included)."""
    return max(len(path) for path in _paths(survey))


def longest_path(survey: Survey) -> tuple[int, int]:
    """Count the questions and the follow-ups one customer could be asked at most, trying every answer that matters."""
    paths = _paths(survey)
    byid = {q.id: q for q in survey.questions}
    return (
        max(sum(not is_follow_up(byid[q]) for q in path) for path in paths),
        max(sum(is_follow_up(byid[q]) for q in path) for path in paths),
    )


def _paths(survey: Survey) -> list[list[str]]:
    """Every run of questions one customer could be asked (cut past the limits), one per way the conditions turn out.

    Every answer that can turn a condition differently is tried, so overlapping conditions count as often as
    they can both hold.
    """
    from surveys.engine import SKIPPED, AnswerValue, next_question  # the engine builds on this module

    def outcomes(question: Question) -> list[AnswerValue]:
        tests = [q.when for q in survey.questions if q.when is not None and q.when.question == question.id]
        if question.scale is not None:
            candidates = [AnswerValue(number=float(n)) for n in range(question.scale[0], question.scale[1] + 1)]
        elif question.type == "choice":
            candidates = [AnswerValue(text=o.id) for o in question.options]
        else:  # free text: the values conditions name, numbers around them, and anything else
            named = [v for t in tests for v in (t.value if isinstance(t.value, tuple) else (t.value,))]
            near = [n + d for n in named if isinstance(n, int | float) for d in (-1, 1)]
            candidates = [AnswerValue(text=str(v)) for v in (*named, *near)] + [AnswerValue(text="\0")]
        if question.skippable:
            candidates.append(SKIPPED)
        distinct: dict[tuple[bool, ...], AnswerValue] = {}
        for candidate in candidates:  # one answer per way the conditions on this question turn out
            distinct.setdefault(tuple(t.holds(candidate.value) for t in tests), candidate)
        return list(distinct.values())

    def walk(answers: dict) -> list[list[str]]:
        question = next_question(survey, answers)
        if question is None or len(answers) > MAX_QUESTIONS + MAX_FOLLOW_UPS:
            return [list(answers)]
        return [path for a in outcomes(question) for path in walk({**answers, question.id: a})]

    return walk({})


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
    elif not Path(directory).is_dir():
        raise DefinitionError(f"{directory}: not a directory (--surveys names a folder of survey .yaml files)")
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
