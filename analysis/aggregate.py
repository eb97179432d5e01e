"""Weekly figures per journey stage, survey and segment, computed with pandas from the read-only store."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd

from analysis.drivers import Driver, key_drivers
from analysis.stats import Change, Verdict, benjamini_hochberg, two_proportions, welch, wilson
from analysis.topics import Taxonomy, default_taxonomy
from surveys.clock import system_clock
from surveys.complaints import OPEN_STATES
from surveys.definitions import Survey, load_surveys
from surveys.store import (
    COMPLAINT_FACTS,
    INVITATION_ANSWERS,
    ORDER_CHANNELS,
    REPORT_ANSWERS,
    TREND_ANSWERS,
    complaint_facts_params,
    connect_readonly,
    to_text,
)

STAGES = ("awareness", "purchase", "delivery", "first_use", "support", "loyalty")
REPORT_LANGUAGE = "en"  # of the report files and poster, topic names included; chat summaries use the reader's
SMALL_SAMPLE = 30  # a figure resting on fewer answers than this is flagged
TREND_WEEKS = 8
NEGATIVE_TEXT = -0.05  # text sentiment below this is negative, above +0.05 positive
POSITIVE_TEXT = 0.05
# Choice options that rate the journey: the support question's outcome (other choices are not rated).
NEGATIVE_CHOICES = frozenset({"not_solved"})
POSITIVE_CHOICES = frozenset({"solved"})
QUESTION_TYPES = ("csat", "nps", "ces", "choice", "text")

# Every figure of a stage row; the week-over-week delta of each is `<name>_delta`.
FIGURES = (
    "responses",
    "invitations",
    "response_rate",
    "completion",
    "csat",
    "nps",
    "ces_mean",
    "ces_high",
    "sentiment_mean",
    "negative_share",
    "positive_share",
    "feeling",
)
# Which answer count each figure rests on, for the small-sample flag.
FIGURE_BASE = {
    "response_rate": "invitations",
    "completion": "started",
    "csat": "csat_n",
    "nps": "nps_n",
    "ces_mean": "ces_n",
    "ces_high": "ces_n",
    "sentiment_mean": "scored_n",
    "negative_share": "rated_n",
    "positive_share": "rated_n",
    "feeling": "rated_n",
}


class WeekError(ValueError):
    """A week is not written as YYYY-Www or does not exist."""


def parse_week(text: str) -> tuple[datetime, datetime]:
    """Return the UTC start (Monday 00:00) and end (next Monday) of an ISO week like 2026-W47."""
    match = re.fullmatch(r"(\d{4})-?W(\d{1,2})", text.strip(), re.IGNORECASE)
    if not match:
        raise WeekError(f"week {text!r} is not an ISO week like 2026-W47")
    try:
        monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise WeekError(f"week {text!r} does not exist") from None
    start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
    return start, start + timedelta(days=7)


def week_name(moment: datetime | date) -> str:
    """Name the ISO week a moment falls in."""
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def shift_week(week: str, weeks: int) -> str:
    """Name the ISO week `weeks` after (negative: before) `week`."""
    return week_name(parse_week(week)[0] + timedelta(weeks=weeks))


def last_complete_week(now: datetime | None = None) -> str:
    """Name the last ISO week that has fully ended."""
    return week_name((now or system_clock()) - timedelta(days=7))


@dataclass(frozen=True)
class TopicFigure:
    """One topic behind a stage's negative texts: how many mention it, their share, its change and one quote."""

    topic: str  # taxonomy key; label it with the taxonomy in the reader's language
    count: int
    share: float  # % of the stage's negative texts this week that mention the topic
    previous: float  # the same share last week (NaN when the stage had no negative texts then)
    p: float  # two-proportion test of the share against last week (NaN when untested)
    verdict: Verdict
    quote: str | None  # the most negative text mentioning it (customer text: escape it)

    @property
    def delta(self) -> float:
        """Change of the share from last week, in points."""
        return self.share - self.previous


@dataclass(frozen=True)
class StageTopics:
    """The topics behind one stage's negative texts this week, most mentioned first."""

    negative_texts: int
    topics: tuple[TopicFigure, ...] = ()
    untopiced: int = 0  # negative texts that name no topic of the taxonomy

    @property
    def top(self) -> TopicFigure | None:
        """The most mentioned topic, if any."""
        return self.topics[0] if self.topics else None


def answer_topics(texts: pd.DataFrame, taxonomy: Taxonomy) -> pd.Series:
    """The topic keys of each text answer: as stored, or found now for answers stored before topics were."""
    stored = texts["topics"] if "topics" in texts else pd.Series(None, index=texts.index, dtype=object)
    return pd.Series(
        [
            tuple(t for t in str(keys).split(";") if t) if isinstance(keys, str) else taxonomy.find(str(text))
            for keys, text in zip(stored, texts["value_text"], strict=True)
        ],
        index=texts.index,
        dtype=object,
    )


def _negative_texts(answers: pd.DataFrame, stage: str) -> pd.DataFrame:
    if answers.empty:
        return answers
    return answers[
        (answers["stage"] == stage) & (answers["question_type"] == "text") & (answers["text_label"] == "negative")
    ]


def _mentions(found: pd.Series) -> Counter[str]:
    """How many texts name each topic, in the order first met."""
    return Counter(key for keys in found for key in dict.fromkeys(keys))


def stage_topics(this: pd.DataFrame, before: pd.DataFrame, taxonomy: Taxonomy) -> dict[str, StageTopics]:
    """Per stage, the topics of this week's negative texts with count, share, tested change and a quote."""
    raw = []  # (stage, negative texts, untopiced, [(topic, count, previous count, p, quote)], previous texts)
    for stage in STAGES:
        now, old = _negative_texts(this, stage), _negative_texts(before, stage)
        if now.empty:
            continue
        now = now.assign(found=answer_topics(now, taxonomy)).sort_values("sentiment", na_position="last", kind="stable")
        counts = _mentions(now["found"])
        old_counts = _mentions(answer_topics(old, taxonomy)) if not old.empty else Counter()
        texts = list(zip(now["found"], now["value_text"], strict=True))  # most negative first
        used: set[str] = set()
        rows = []
        for key, count in sorted(counts.items(), key=lambda item: -item[1]):  # ties: the most negative text first
            mentions = [text for keys, text in texts if key in keys]
            quote = next((text for text in mentions if text not in used), mentions[0])
            used.add(quote)
            p, _, _ = two_proportions(old_counts[key], len(old), count, len(now))
            rows.append((key, count, old_counts[key], p, quote))
        raw.append((stage, len(now), int((now["found"].map(len) == 0).sum()), rows, len(old)))
    called = iter(benjamini_hochberg([row[3] for *_, rows, _ in raw for row in rows]))
    out = {}
    for stage, n, untopiced, rows, n_old in raw:
        figures = []
        for key, count, old_count, p, quote in rows:
            share, previous = 100 * count / n, (100 * old_count / n_old if n_old else math.nan)
            real = next(called)
            verdict = (
                Verdict.UNTESTED
                if math.isnan(p)
                else Verdict.HELD
                if not real
                else Verdict.WORSE
                if share > previous
                else Verdict.BETTER
            )
            figures.append(TopicFigure(key, count, share, previous, p, verdict, quote))
        out[stage] = StageTopics(n, tuple(figures), untopiced)
    return out


@dataclass
class ComplaintFigures:
    """How the support desk followed up the week's complaints."""

    opened: int = 0
    per_stage: dict[str, int] = field(default_factory=dict)  # complaints with a flagged answer at the stage
    median_first_reply_hours: float = math.nan
    resolved_48h: float = math.nan  # % of the week's complaints first resolved within 48 hours
    confirmed: float = math.nan  # % of the week's resolved complaints whose customer confirmed the fix
    oldest_open: list[tuple[int, float, str, str]] = field(default_factory=list)  # (id, age h, state, stages)


@dataclass
class WeeklyFigures:
    """Everything the weekly report shows, for one ISO week and its predecessor."""

    week: str
    previous: str
    start: datetime
    end: datetime
    answers: int
    stages: pd.DataFrame  # one row per stage: FIGURES, their *_delta, counts, small_sample
    surveys: pd.DataFrame  # one row per survey: sent, started, completed, rates, drop_off (dict)
    by_channel: pd.DataFrame
    by_language: pd.DataFrame
    trend: pd.DataFrame  # rows (week, stage) with sentiment_mean, negative_share, csat, nps, responses
    topics: dict[str, StageTopics] = field(default_factory=dict)  # stages with negative texts this week
    quotes: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # stage -> negative/positive -> texts
    nps_breakdown: dict[str, int] = field(default_factory=dict)  # promoters, passives, detractors this week
    complaints: ComplaintFigures = field(default_factory=ComplaintFigures)
    scorers: pd.DataFrame = field(default_factory=pd.DataFrame)  # rows (text_language, scorer, texts) this week
    changes: list[Change] = field(default_factory=list)  # tested week-over-week changes, stages × TESTED figures
    drivers: list[Driver] = field(default_factory=list)  # stages whose rating goes with NPS, this week
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)  # labels the topic keys


# Figures whose week-over-week change is tested: share (two-proportion z-test) or mean (Welch), higher better?
TESTED = {
    "csat": ("share", True),
    "negative_share": ("share", False),
    "nps": ("mean", True),
    "ces_mean": ("mean", True),
    "sentiment_mean": ("mean", True),
    "feeling": ("mean", True),
}


def _per_answer(a: pd.DataFrame, figure: str) -> pd.Series:
    """The per-answer values whose mean (or share) is `figure`: a share as 0/1, NPS and feeling as −100/0/100."""
    v, kind = a["value_number"], a["question_type"]
    if figure == "csat":
        return (v[kind == "csat"] >= 4).astype(float)
    if figure == "negative_share":
        return a.loc[a["rated"], "negative"].astype(float)
    if figure == "nps":
        nps = v[kind == "nps"]
        return (nps >= 9).astype(float) * 100 - (nps <= 6).astype(float) * 100
    if figure == "ces_mean":
        return v[kind == "ces"].astype(float)
    if figure == "sentiment_mean":
        return a.loc[kind == "text", "sentiment"].dropna().astype(float)
    rated = a[a["rated"]]
    return rated["positive"].astype(float) * 100 - rated["negative"].astype(float) * 100


def tested_changes(this: pd.DataFrame, before: pd.DataFrame) -> list[Change]:
    """Test every TESTED figure at every stage, this week against the last; call only BH-significant ones."""
    raw = []
    for stage in STAGES:
        now_rows = this[this["stage"] == stage] if not this.empty else this
        old_rows = before[before["stage"] == stage] if not before.empty else before
        for figure, (kind, _) in TESTED.items():
            x2 = _per_answer(now_rows, figure) if not now_rows.empty else pd.Series(dtype=float)
            x1 = _per_answer(old_rows, figure) if not old_rows.empty else pd.Series(dtype=float)
            scale = 100.0 if kind == "share" else 1.0
            if kind == "share":
                p, low, high = two_proportions(int(x1.sum()), len(x1), int(x2.sum()), len(x2))
            else:
                p, low, high = welch(
                    float(x1.mean()) if len(x1) else math.nan,
                    float(x1.var()) if len(x1) > 1 else math.nan,
                    len(x1),
                    float(x2.mean()) if len(x2) else math.nan,
                    float(x2.var()) if len(x2) > 1 else math.nan,
                    len(x2),
                )
            now = float(x2.mean()) * scale if len(x2) else math.nan
            old = float(x1.mean()) * scale if len(x1) else math.nan
            raw.append((stage, figure, now, old, p, low * scale, high * scale))
    significant = benjamini_hochberg([r[4] for r in raw])
    changes = []
    for (stage, figure, now, old, p, low, high), real in zip(raw, significant, strict=True):
        higher_better = TESTED[figure][1]
        if math.isnan(p):
            verdict = Verdict.UNTESTED
        elif not real:
            verdict = Verdict.HELD
        else:
            verdict = Verdict.BETTER if ((now - old) > 0) == higher_better else Verdict.WORSE
        changes.append(Change(stage, figure, now, old, now - old, p, low, high, verdict))
    return changes


def share_interval(successes: float, n: float) -> tuple[float, float]:
    """Wilson 95 % interval of a share, in percent."""
    low, high = wilson(int(round(successes)), int(n))
    return low * 100, high * 100


def rate_answers(kind: pd.Series, v: pd.Series, sentiment: pd.Series, choice: pd.Series) -> dict[str, pd.Series]:
    """Which answers are rated, negative and positive, and which ratings are (see the report's method notes)."""
    choice_neg = (kind == "choice") & choice.isin(NEGATIVE_CHOICES)
    choice_pos = (kind == "choice") & choice.isin(POSITIVE_CHOICES)
    negative_rating = (
        ((kind == "csat") & (v <= 2)) | ((kind == "nps") & (v <= 6)) | ((kind == "ces") & (v <= 2)) | choice_neg
    )
    positive_rating = (
        ((kind == "csat") & (v >= 4)) | ((kind == "nps") & (v >= 9)) | ((kind == "ces") & (v >= 5)) | choice_pos
    )
    scored = (kind == "text") & sentiment.notna()
    return {
        "rated": kind.isin(["csat", "nps", "ces"]) | scored | choice_neg | choice_pos,
        "negative": negative_rating | (scored & (sentiment < NEGATIVE_TEXT)),
        "positive": positive_rating | (scored & (sentiment > POSITIVE_TEXT)),
        "negative_rating": negative_rating,
        "positive_rating": positive_rating,
    }


def label_answers(answers: pd.DataFrame) -> pd.DataFrame:
    """Add `negative`, `positive`, `rated` and `text_label` columns (see the method notes of the report)."""
    a = answers.copy()
    kind = a["question_type"]
    rating = rate_answers(kind, a["value_number"], a["sentiment"], a["value_text"])
    a["rated"], a["negative"], a["positive"] = rating["rated"], rating["negative"], rating["positive"]
    by_invitation = (
        pd.DataFrame(
            {"invitation_id": a["invitation_id"], "neg": rating["negative_rating"], "pos": rating["positive_rating"]}
        )
        .groupby("invitation_id")
        .any()
    )
    # An unscored or neutral text ("the courier left it in the rain" after a 2 for delivery) takes its label
    # from the ratings given in the same survey.
    inv_neg = a["invitation_id"].map(by_invitation["neg"]).fillna(False).astype(bool)
    inv_pos = a["invitation_id"].map(by_invitation["pos"]).fillna(False).astype(bool)
    label = pd.Series("", index=a.index, dtype=object)
    is_text = kind == "text"
    scored = is_text & a["sentiment"].notna()
    label[scored & (a["sentiment"] < NEGATIVE_TEXT)] = "negative"
    label[scored & (a["sentiment"] > POSITIVE_TEXT)] = "positive"
    undecided = is_text & (label == "")
    label[undecided & inv_neg] = "negative"
    label[undecided & ~inv_neg & inv_pos] = "positive"
    a["text_label"] = label
    return a


def _pct(mask: pd.Series) -> float:
    return float(mask.mean() * 100) if len(mask) else math.nan


def answer_figures(a: pd.DataFrame) -> dict:
    """Figures resting on answers alone: responses, CSAT, NPS, CES, sentiment, negative share."""
    v, kind = a["value_number"], a["question_type"]
    csat, nps, ces = v[kind == "csat"], v[kind == "nps"], v[kind == "ces"]
    texts = a[kind == "text"]
    scored = texts["sentiment"].dropna()
    rated = a[a["rated"]]
    return {
        "responses": len(a),
        "csat_n": len(csat),
        "csat": _pct(csat >= 4),
        "nps_n": len(nps),
        "nps": _pct(nps >= 9) - _pct(nps <= 6) if len(nps) else math.nan,
        "ces_n": len(ces),
        "ces_mean": float(ces.mean()) if len(ces) else math.nan,
        "ces_high": _pct(ces >= 5),
        "texts_n": len(texts),
        "scored_n": len(scored),
        "unscored_n": len(texts) - len(scored),
        "sentiment_mean": float(scored.mean()) if len(scored) else math.nan,
        "rated_n": len(rated),
        "negative_share": _pct(rated["negative"]),
        "positive_share": _pct(rated["positive"]),
        "feeling": _pct(rated["positive"]) - _pct(rated["negative"]) if len(rated) else math.nan,
    }


def _flag(row: dict) -> dict:
    small = [name for name, base in FIGURE_BASE.items() if 0 < row.get(base, 0) < SMALL_SAMPLE]
    if 0 < row.get("responses", 0) < SMALL_SAMPLE:
        small.insert(0, "responses")
    row["small_figures"] = " ".join(small)
    row["small_sample"] = bool(small)
    return row


def invitation_progress(rows: pd.DataFrame, surveys: dict[str, Survey]) -> pd.DataFrame:
    """One row per sent invitation: survey, started, completed, position of the last question reached."""
    if rows.empty:
        return pd.DataFrame(
            {
                "invitation_id": pd.Series(dtype="int64"),
                "survey": pd.Series(dtype=object),
                "started": pd.Series(dtype=bool),
                "completed": pd.Series(dtype=bool),
                "reached": pd.Series(dtype="int64"),
            }
        )
    pos = pd.Series(-1, index=rows.index)
    for survey in surveys.values():
        mine = rows["survey"] == survey.id
        where = rows.loc[mine, "question_id"].map({q.id: n for n, q in enumerate(survey.questions)})
        pos[mine] = where.fillna(-1).astype(int)
    rows = rows.assign(pos=pos, done=rows["completed_at"].notna())
    grouped = rows.groupby("invitation_id").agg(
        survey=("survey", "first"),
        completed=("done", "any"),
        answers=("question_id", "count"),
        reached=("pos", "max"),
    )
    grouped["started"] = grouped["answers"] > 0
    return grouped.reset_index()


def survey_figures(progress: pd.DataFrame, answers: pd.DataFrame, surveys: dict[str, Survey]) -> pd.DataFrame:
    """Per survey: invitations sent, response rate, completion, drop-off before each question."""
    out = []
    for survey in surveys.values():
        inv = progress[progress["survey"] == survey.id]
        started = inv[inv["started"]]
        stopped = started[~started["completed"].astype(bool)]
        drop = {
            q.id: (100 * float((stopped["reached"] < n).sum()) / len(started) if len(started) else math.nan)
            for n, q in enumerate(survey.questions)
        }
        out.append(
            {
                "survey": survey.id,
                "responses": int((answers["survey"] == survey.id).sum()),
                "invitations": len(inv),
                "started": len(started),
                "completed": int(inv["completed"].astype(bool).sum()),
                "response_rate": 100 * len(started) / len(inv) if len(inv) else math.nan,
                "completion": 100 * (len(started) - len(stopped)) / len(started) if len(started) else math.nan,
                "drop_off": drop,
            }
        )
    return pd.DataFrame(out)


def stage_figures(answers: pd.DataFrame, progress: pd.DataFrame, surveys: dict[str, Survey]) -> pd.DataFrame:
    """One row per journey stage with every figure and its small-sample flag."""
    rows = []
    for stage in STAGES:
        covering = {s.id for s in surveys.values() if any(q.stage == stage for q in s.questions)}
        inv = progress[progress["survey"].isin(covering)]
        started = inv[inv["started"]]
        row = {"stage": stage, **answer_figures(answers[answers["stage"] == stage])}
        row.update(
            {
                "invitations": len(inv),
                "started": len(started),
                "response_rate": 100 * len(started) / len(inv) if len(inv) else math.nan,
                "completion": 100 * float(started["completed"].astype(bool).mean()) if len(started) else math.nan,
            }
        )
        rows.append(_flag(row))
    return pd.DataFrame(rows).set_index("stage")


def segment_figures(answers: pd.DataFrame, column: str) -> pd.DataFrame:
    """Answer figures per value of `column` (channel or language)."""
    if answers.empty:
        return pd.DataFrame(columns=[column, "responses"])
    rows = [_flag({column: key, **answer_figures(group)}) for key, group in answers.groupby(column, sort=True)]
    return pd.DataFrame(rows)


def scorer_table(answers: pd.DataFrame) -> pd.DataFrame:
    """Text answers per detected language and the scorer that scored them ('not scored' when none did)."""
    texts = answers[answers["question_type"] == "text"] if not answers.empty else answers
    if texts.empty:
        return pd.DataFrame(columns=["text_language", "scorer", "texts"])
    texts = texts.assign(
        text_language=texts["text_language"].fillna("und"), scorer=texts["scorer"].fillna("not scored")
    )
    return texts.groupby(["text_language", "scorer"]).size().reset_index(name="texts")


def week_names(moments: pd.Series) -> pd.Series:
    """Name the ISO week of each stored moment (UTC text), parsing each distinct day once."""
    days = moments.str.slice(0, 10)
    return days.map({day: week_name(date.fromisoformat(day)) for day in days.dropna().unique()})


def read_trend(conn, start: datetime, end: datetime, weeks: list[str]) -> pd.DataFrame:
    """Read the narrow answer rows of [start, end) in chunks, as categoricals with their ratings."""
    week_type = pd.CategoricalDtype(weeks)
    stage_type, kind_type = pd.CategoricalDtype(STAGES), pd.CategoricalDtype(QUESTION_TYPES)
    chunks = []
    for chunk in pd.read_sql(TREND_ANSWERS, conn, params=(to_text(start), to_text(end)), chunksize=200_000):
        kind = chunk["question_type"].astype(kind_type)
        v, sentiment = pd.to_numeric(chunk["value_number"]), pd.to_numeric(chunk["sentiment"])
        rating = rate_answers(kind, v, sentiment, chunk["choice"])
        chunks.append(
            pd.DataFrame(
                {
                    "week": week_names(chunk["day"]).astype(week_type),
                    "stage": chunk["stage"].astype(stage_type),
                    "question_type": kind,
                    "value_number": v,
                    "sentiment": sentiment,
                    "rated": rating["rated"],
                    "negative": rating["negative"],
                    "positive": rating["positive"],
                }
            )
        )
    return pd.concat(chunks, ignore_index=True) if chunks else empty_trend()


TREND_COLUMNS = {
    "week": object,
    "stage": object,
    "question_type": object,
    "value_number": float,
    "sentiment": float,
    "rated": bool,
    "negative": bool,
    "positive": bool,
}


def empty_trend() -> pd.DataFrame:
    """Trend rows with no answers, typed so that filters on them still work."""
    return pd.DataFrame({name: pd.Series(dtype=kind) for name, kind in TREND_COLUMNS.items()})


def read_facts(
    conn, start: datetime, end: datetime, trend_start: datetime, weeks: list[str]
) -> tuple[pd.DataFrame, ...]:
    """Read full answers and sent invitations of [start, end), their orders' channels, narrow trend rows before."""
    answers = pd.read_sql(REPORT_ANSWERS, conn, params=(to_text(start), to_text(end)))
    invitations = pd.read_sql(INVITATION_ANSWERS, conn, params=(to_text(start), to_text(end)))
    channels = pd.read_sql(ORDER_CHANNELS, conn, params=(to_text(start), to_text(end)))
    trend = read_trend(conn, trend_start, start, weeks)
    return answers, invitations, channels, trend


def prepare_answers(answers: pd.DataFrame, channels: pd.DataFrame) -> pd.DataFrame:
    """Attach channel and week, make repeated strings categorical, label each answer."""
    a = answers.copy()
    for col in ("value_number", "sentiment"):
        a[col] = pd.to_numeric(a[col], errors="coerce")
    by_order = channels.drop_duplicates("order_id").set_index("order_id")["channel"]
    a["channel"] = a["order_id"].map(by_order).astype(object).where(lambda c: c.notna(), "unknown")
    a["week"] = week_names(a["day"]).astype("category") if not a.empty else pd.Series(dtype=object)
    a["stage"] = a["stage"].astype(pd.CategoricalDtype(STAGES))
    a["question_type"] = a["question_type"].astype(pd.CategoricalDtype(QUESTION_TYPES))
    for col in ("survey", "language", "channel"):
        a[col] = a[col].astype("category")
    return label_answers(a) if not a.empty else a.assign(rated=False, negative=False, positive=False, text_label="")


def aggregate_week(
    db_path: str | Path, week: str, surveys: dict[str, Survey] | None = None, taxonomy: Taxonomy | None = None
) -> WeeklyFigures:
    """Compute every figure of the weekly report for `week` (YYYY-Www) and its change from the week before."""
    surveys = surveys or load_surveys()
    taxonomy = taxonomy or default_taxonomy()
    start, end = parse_week(week)
    previous = shift_week(week, -1)
    prev_start = start - timedelta(weeks=1)
    trend_weeks = [shift_week(week, -n) for n in range(TREND_WEEKS - 1, -1, -1)]
    conn = connect_readonly(db_path)
    try:
        # Full rows (texts, orders) only for this week and the last; earlier trend weeks need a few columns.
        raw_answers, raw_invitations, channels, older = read_facts(
            conn, prev_start, end, start - timedelta(weeks=TREND_WEEKS - 1), trend_weeks[:-2]
        )
        complaint_rows = pd.read_sql(COMPLAINT_FACTS, conn, params=complaint_facts_params(start, end))
    finally:
        conn.close()
    answers = prepare_answers(raw_answers, channels)
    raw_invitations = raw_invitations.assign(week=week_names(raw_invitations["sent_at"]))

    def figures_for(name: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        a = answers[answers["week"] == name] if not answers.empty else answers
        progress = invitation_progress(raw_invitations[raw_invitations["week"] == name], surveys)
        return a, stage_figures(a, progress, surveys), survey_figures(progress, a, surveys)

    this, stages, survey_table = figures_for(week)
    before, prev_stages, _ = figures_for(previous)
    for name, base in (("csat", "csat_n"), ("negative_share", "rated_n")):
        bounds = [
            share_interval(
                stages.loc[s, name] * stages.loc[s, base] / 100 if stages.loc[s, base] else 0, stages.loc[s, base]
            )
            for s in STAGES
        ]
        stages[f"{name}_low"] = [b[0] for b in bounds]
        stages[f"{name}_high"] = [b[1] for b in bounds]
    for name in FIGURES:
        stages[f"{name}_delta"] = stages[name] - prev_stages[name]
        stages[f"{name}_previous"] = prev_stages[name]

    recent = answers[list(TREND_COLUMNS)] if not answers.empty else empty_trend()
    trend = pd.concat([older.astype({"week": object}), recent.astype({"week": object})], ignore_index=True)
    groups = {key: rows for key, rows in trend.groupby(["week", "stage"], observed=True)} if not trend.empty else {}
    empty = empty_trend()
    trend_rows = [
        {"week": name, "stage": stage, **answer_figures(groups.get((name, stage), empty))}
        for name in trend_weeks
        for stage in STAGES
    ]
    quotes = {}
    for stage in STAGES:
        texts = this[(this["stage"] == stage) & (this["question_type"] == "text")] if not this.empty else this
        if texts.empty:
            continue
        neg = texts[texts["text_label"] == "negative"]
        pos = texts[texts["text_label"] == "positive"]
        quotes[stage] = {
            "negative": neg.sort_values("sentiment", na_position="last")["value_text"]
            .drop_duplicates()
            .head(3)
            .tolist(),
            "positive": pos.sort_values("sentiment", ascending=False, na_position="last")["value_text"]
            .drop_duplicates()
            .head(3)
            .tolist(),
        }
    nps = this["value_number"][this["question_type"] == "nps"] if not this.empty else pd.Series(dtype=float)
    breakdown = {
        "promoters": int((nps >= 9).sum()),
        "passives": int(((nps >= 7) & (nps <= 8)).sum()),
        "detractors": int((nps <= 6).sum()),
    }
    return WeeklyFigures(
        week=week,
        previous=previous,
        start=start,
        end=end,
        answers=len(this),
        stages=stages,
        surveys=survey_table,
        by_channel=segment_figures(this, "channel"),
        by_language=segment_figures(this, "language"),
        trend=pd.DataFrame(trend_rows),
        topics=stage_topics(this, before, taxonomy),
        quotes=quotes,
        taxonomy=taxonomy,
        nps_breakdown=breakdown,
        complaints=complaint_figures(complaint_rows, start, end),
        scorers=scorer_table(this),
        changes=tested_changes(this, before),
        drivers=key_drivers(this, {st: float(stages.loc[st, "positive_share"]) for st in STAGES}),
    )


def complaint_figures(
    facts: pd.DataFrame, start: datetime, end: datetime, now: datetime | None = None
) -> ComplaintFigures:
    """Compute the complaint follow-up figures of a week from COMPLAINT_FACTS rows."""
    if facts.empty:
        return ComplaintFigures()
    moments = {
        c: pd.to_datetime(facts[c], utc=True, format="ISO8601")
        for c in ("opened_at", "first_reply_at", "first_resolved_at")
    }
    week = (moments["opened_at"] >= pd.Timestamp(start)) & (moments["opened_at"] < pd.Timestamp(end))
    this = facts[week]
    per_stage: Counter[str] = Counter()
    for stages in this["stages"].dropna():
        per_stage.update(set(stages.split(",")))
    reply_hours = (moments["first_reply_at"] - moments["opened_at"])[week].dropna().dt.total_seconds() / 3600
    resolve_hours = (moments["first_resolved_at"] - moments["opened_at"])[week].dt.total_seconds() / 3600
    resolved = this[moments["first_resolved_at"][week].notna()]
    asked = resolved["confirmed"].notna()
    # Assign before filtering: a Series assigned to an empty frame brings its whole index (rows of NaN) with it.
    still_open = facts.assign(opened=moments["opened_at"])[facts["state"].isin(OPEN_STATES)]
    reference = pd.Timestamp(min(end, now or system_clock()))
    oldest = [
        (int(r.complaint_id), (reference - r.opened).total_seconds() / 3600, r.state, r.stages or "")
        for r in still_open.sort_values("opened").head(5).itertuples()
    ]
    return ComplaintFigures(
        opened=len(this),
        per_stage=dict(per_stage),
        median_first_reply_hours=float(reply_hours.median()) if len(reply_hours) else math.nan,
        resolved_48h=_pct(resolve_hours.fillna(math.inf) <= 48) if len(this) else math.nan,
        confirmed=float((resolved["confirmed"] == 1).sum() / asked.sum() * 100) if asked.any() else math.nan,
        oldest_open=oldest,
    )
