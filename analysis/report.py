"""The weekly feedback-loop report: report.html (self-contained), report.md and stages.csv."""

from __future__ import annotations

import base64
import html
import io
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis.aggregate import (  # noqa: E402
    FIGURES,
    NEGATIVE_TEXT,
    POSITIVE_TEXT,
    REPORT_LANGUAGE,
    SMALL_SAMPLE,
    STAGES,
    TESTED,
    TREND_WEEKS,
    TopicFigure,
    WeeklyFigures,
    aggregate_week,
    last_complete_week,
    parse_week,
    week_name,
)
from analysis.poster import draw_poster  # noqa: E402
from analysis.stats import ALPHA, Verdict  # noqa: E402
from analysis.topics import Taxonomy, default_taxonomy  # noqa: E402
from surveys.definitions import Survey  # noqa: E402
from surveys.export import write_csv, write_private  # noqa: E402

DIGEST_AT = time(9, 0)  # managers get last week's digest on Monday at this local time

# Figures the headline may name, with how a person reads them; True when higher is better.
HEADLINE_FIGURES = {
    "feeling": ("feeling", True),
    "negative_share": ("negative share", False),
    "csat": ("CSAT", True),
    "nps": ("NPS", True),
    "ces_high": ("easy-effort share", True),
    "sentiment_mean": ("mean sentiment", True),
    "response_rate": ("response rate", True),
}
COLUMNS = {
    "responses": "Answers",
    "response_rate": "Response rate %",
    "completion": "Completion %",
    "csat": "CSAT %",
    "nps": "NPS",
    "ces_mean": "CES mean",
    "ces_high": "CES ≥5 %",
    "sentiment_mean": "Sentiment",
    "negative_share": "Negative %",
    "feeling": "Feeling",
}
# How a person reads each figure name (hover text of ⚠, verdict lines).
LABELS = {
    "responses": "answers",
    "invitations": "invitations",
    "response_rate": "response rate",
    "completion": "completion",
    "csat": "CSAT",
    "nps": "NPS",
    "ces_mean": "CES mean",
    "ces_high": "CES ≥5 share",
    "sentiment_mean": "mean sentiment",
    "negative_share": "negative share",
    "positive_share": "positive share",
    "feeling": "feeling",
}
SEGMENT_BASE = {
    "responses": "responses",
    "csat": "csat_n",
    "nps": "nps_n",
    "negative_share": "rated_n",
    "feeling": "rated_n",
}
METHOD = [
    "Week: ISO week, Monday 00:00 to Monday 00:00 UTC. Answers count in the week they were given; "
    "invitations in the week they were sent.",
    "Response rate = invitations sent in the week with at least one answer ÷ invitations sent in the week "
    "(per stage: invitations of the surveys that ask about the stage).",
    "Completion = started invitations that finished the survey ÷ started invitations.",
    "Drop-off before a question = started, unfinished invitations whose last answered question comes before it "
    "÷ started invitations (a question skipped by its condition is not a drop-off).",
    "CSAT = answers of 4 or 5 on the 1–5 scale ÷ CSAT answers × 100.",
    "NPS = % of answers 9–10 (promoters) − % of answers 0–6 (detractors), on 0–10.",
    "CES = mean of the 1–7 ease answers, and % of answers ≥ 5.",
    "Sentiment = mean stored polarity (−1…1) over scored texts only; texts not scored (no scorer for their "
    "language) are counted apart and never as 0.",
    f"Negative answer: text sentiment < {NEGATIVE_TEXT}, CSAT ≤ 2, NPS ≤ 6, CES ≤ 2 or support contacted and "
    f"not solved. Positive: text sentiment > {POSITIVE_TEXT}, CSAT ≥ 4, NPS ≥ 9, CES ≥ 5 or support contacted and "
    "solved. Negative share = negative ÷ rated answers (ratings, scored texts and support outcomes); other choice "
    "answers (how they heard of us, support not needed) are not rated. Feeling = positive share − negative share "
    "(−100…100).",
    "An unscored text is labelled negative when its survey holds a negative rating (or an unsolved support "
    "contact), else positive when it holds a positive one; a scored text that is neither negative nor positive is "
    'labelled the same way (a neutral "left it in the rain" after a 2 for delivery is a complaint). This label '
    "only chooses topics and quotes.",
    "Topics: each text answer's topics from the topic taxonomy (analysis/topics.yaml or TOPICS_FILE, stored with "
    "the answer; a text may name several). Per stage: how many of its negative texts name each topic, as a share of "
    "the stage's negative texts, against the same share last week (two-proportion z-test, Benjamini–Hochberg across "
    "all stages × topics; untested when the stage had no negative texts last week), and the most negative text "
    "naming it.",
    "Quotes: one per topic, then the most positive texts of the stage (scored texts by sentiment first).",
    "Significance: each week-over-week change of CSAT and negative share is tested with a pooled two-proportion "
    "z-test; of NPS (answers scored +100/0/−100), feeling (rated answers +100/0/−100), CES mean and mean sentiment "
    "with a Welch test by the normal approximation. The p-values of all stages × figures are controlled together "
    f"by Benjamini–Hochberg at a false-discovery rate of {ALPHA:.0%}; only changes passing it are called worse or "
    "better, the rest held. Intervals: 95 % (Wilson for shares, normal for differences).",
    "Key drivers: per customer (order) the mean rating of each stage on 0–1 (CSAT, CES rescaled; support solved 1, "
    "not solved 0) against the same customer's NPS answer this week; Pearson r with a Fisher-z 95 % interval, "
    "Benjamini–Hochberg across stages; computed with at least 10 such customers. Importance is correlation, not cause.",
    f"⚠ marks a figure resting on fewer than {SMALL_SAMPLE} answers: read it as a hint, not a finding.",
    "Δ = this week − last week, in the figure's own unit (points for percentages).",
    "Complaints: a survey opens one complaint when an answer fires a rule (CSAT ≤ 2, CES ≤ 2, NPS ≤ 6 with a "
    "complaining text, text sentiment below the threshold, a complaint phrase, support 'not solved'); it counts "
    "in the week it was opened and under every stage with a flagged answer. First reply = first staff message "
    "relayed to the customer. Resolved within 48 h = complaints first resolved ≤ 48 h after opening ÷ the week's "
    "complaints. Confirmed = resolved complaints whose customer answered 'yes' ÷ resolved complaints whose "
    "customer answered. Oldest open: age at the end of the week (or now).",
]


def escape_markdown(text: str) -> str:
    """Make customer text inert in Markdown: HTML-escape, backslash every markup character, one line."""
    text = html.escape(" ".join(str(text).split()), quote=True)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~:])", r"\\\1", text)


def _num(value: float, digits: int = 1) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def _delta(value: float, digits: int = 1) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:+.{digits}f}"


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def curve_lines(figures: WeeklyFigures) -> list[tuple[str, list[float], str, str]]:
    """The weeks the feeling curve draws (label, values, style, colour): a week without any value gets no line."""
    lines = [
        (figures.previous, [figures.stages.loc[s, "feeling_previous"] for s in STAGES], "o--", "#999"),
        (figures.week, [figures.stages.loc[s, "feeling"] for s in STAGES], "o-", "#1f6feb"),
    ]
    return [line for line in lines if any(not math.isnan(v) for v in line[1])]


def feeling_curve(figures: WeeklyFigures) -> bytes:
    """The journey map's emotion line: feeling per stage, this week and last, as PNG."""
    fig, ax = plt.subplots(figsize=(8, 3.2))
    x = range(len(STAGES))
    for label, values, style, colour in curve_lines(figures):
        ax.plot(x, values, style, color=colour, label=label)
    ax.axhline(0, color="#ccc", linewidth=0.8)
    ax.set_xticks(list(x), [s.replace("_", " ") for s in STAGES])
    ax.set_ylim(-100, 100)
    ax.set_ylabel("feeling (positive − negative %)")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="best")  # not over a stage at the bottom right (loyalty is often low)
    ax.set_title("Feeling across the journey")
    return _png(fig)


def trend_chart(figures: WeeklyFigures) -> bytes:
    """Feeling per stage over the last eight weeks, as PNG."""
    fig, ax = plt.subplots(figsize=(8, 3.2))
    for stage in STAGES:
        rows = figures.trend[figures.trend["stage"] == stage]
        if rows["feeling"].notna().any():
            ax.plot(rows["week"], rows["feeling"], "o-", label=stage.replace("_", " "))
    ax.set_ylim(-100, 100)
    ax.set_title(f"Feeling per stage, last {TREND_WEEKS} weeks")
    ax.tick_params(axis="x", labelrotation=30)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8, ncol=3)
    return _png(fig)


def nps_chart(figures: WeeklyFigures) -> bytes:
    """Promoters, passives and detractors of the week, as PNG."""
    fig, ax = plt.subplots(figsize=(8, 1.6))
    left = 0
    for name, colour in (("detractors", "#d73a49"), ("passives", "#bbb"), ("promoters", "#2da44e")):
        value = figures.nps_breakdown.get(name, 0)
        ax.barh([0], [value], left=left, color=colour, label=f"{name} ({value})")
        left += value
    ax.set_yticks([])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=3, fontsize=8)
    ax.set_title(f"NPS {nps_text(figures)}: promoters % − detractors %")
    return _png(fig)


def nps_text(figures: WeeklyFigures) -> str:
    """The week's overall NPS as text ('—' without NPS answers)."""
    b = figures.nps_breakdown
    total = sum(b.values())
    return f"{(b.get('promoters', 0) - b.get('detractors', 0)) * 100 / total:+.0f}" if total else "—"


def _change_text(change) -> str:
    digits = 2 if change.figure == "sentiment_mean" else 1
    unit = " points" if TESTED[change.figure][0] == "share" else ""
    return (
        f"{LABELS[change.figure]} {_num(change.before, digits)} → {_num(change.now, digits)} "
        f"({change.delta:+.{digits}f}{unit}, 95 % CI {change.low:+.{digits}f} to {change.high:+.{digits}f}, p = {change.p:.3g})"
    )


def verdicts(figures: WeeklyFigures, verdict: Verdict) -> list[tuple[str, str]]:
    """(stage, what changed) for the tested changes with `verdict`, largest |z| first within a stage's line."""
    out = []
    for stage in STAGES:
        mine = sorted((c for c in figures.changes if c.stage == stage and c.verdict == verdict), key=lambda c: c.p)
        if not mine:
            continue
        if verdict == Verdict.HELD:
            out.append(
                (
                    stage,
                    ", ".join(
                        f"{LABELS[c.figure]} {_delta(c.delta, 2 if c.figure == 'sentiment_mean' else 1)}" for c in mine
                    ),
                )
            )
        else:
            out.append((stage, "; ".join(_change_text(c) for c in mine)))
    return out


def drivers_chart(figures: WeeklyFigures) -> bytes:
    """Key drivers as a quadrant chart: how much each stage matters to NPS (r) against how well it does, as PNG."""
    fig, ax = plt.subplots(figsize=(8, 3.6))
    for d in figures.drivers:
        ax.errorbar(
            [d.r],
            [d.performance],
            xerr=[[d.r - d.low], [d.high - d.r]],
            fmt="o",
            color="#1f6feb" if d.significant else "#999",
            capsize=3,
        )
        ax.annotate(d.stage.replace("_", " "), (d.r, d.performance), textcoords="offset points", xytext=(6, 6))
    ax.axvline(0.3, color="#ccc", linewidth=0.8)
    ax.axhline(50, color="#ccc", linewidth=0.8)
    ax.set_xlim(-1, 1)
    ax.set_ylim(0, 100)
    ax.set_xlabel("importance: correlation of the stage's rating with NPS (95 % CI; blue = significant)")
    ax.set_ylabel("performance: positive %")
    ax.text(
        0.98, 0.04, "fix first: matters, does badly", transform=ax.transAxes, ha="right", color="#d73a49", fontsize=8
    )
    ax.set_title("Key drivers of NPS" + ("" if figures.drivers else " (too few customers with both ratings)"))
    return _png(fig)


def driver_lines(figures: WeeklyFigures) -> list[str]:
    """One line per driver stage, most important first."""
    if not figures.drivers:
        return ["Too few customers rated a stage and gave an NPS this week to find drivers."]
    return [
        f"{d.stage.replace('_', ' ')}: r = {d.r:+.2f} (95 % CI {d.low:+.2f} to {d.high:+.2f}, {d.pairs} customers, "
        f"p = {d.p:.3g}{', significant' if d.significant else ''}); performance {_num(d.performance)}% positive"
        for d in sorted(figures.drivers, key=lambda d: -d.r)
    ]


def headline(figures: WeeklyFigures) -> str:
    """Name the most significant change that got worse (else better), or say that nothing changed for real."""
    for verdict in (Verdict.WORSE, Verdict.BETTER):
        called = sorted((c for c in figures.changes if c.verdict == verdict), key=lambda c: c.p)
        if called:
            c = called[0]
            return f"{c.stage.replace('_', ' ').capitalize()}: {_change_text(c)}: {verdict.value}."
        if topics := topic_verdicts(figures, verdict):  # figures held, but what customers complain about moved
            stage, line = topics[0]
            return f"{stage.replace('_', ' ').capitalize()}: {line}: {verdict.value}."
    if all(c.verdict == Verdict.UNTESTED for c in figures.changes):
        return "No figure can be compared with last week yet."
    return "No change from last week is significant: every tested figure held."


def hurting(figures: WeeklyFigures) -> list[str]:
    """Stages with any rated answers, most negative first."""
    rated = figures.stages[figures.stages["rated_n"] > 0]
    return list(rated.sort_values("negative_share", ascending=False).index)


def improved(figures: WeeklyFigures) -> list[tuple[str, str]]:
    """(stage, what got significantly better) per stage."""
    return verdicts(figures, Verdict.BETTER)


def topic_change(t: TopicFigure) -> str:
    """How a topic's share moved since last week, and whether that is a real change."""
    if math.isnan(t.previous):
        return "—"  # topic_note says there is nothing to compare with
    called = {Verdict.WORSE: "worse", Verdict.BETTER: "better", Verdict.HELD: "held"}.get(t.verdict, "untested")
    return f"{t.previous:.0f}% → {t.share:.0f}% ({t.delta:+.1f} points, {called}, p = {t.p:.2g})"


def topic_rows(figures: WeeklyFigures, stage: str) -> list[tuple[str, str, str, str, str | None]]:
    """(topic, count, share %, change, quote) per topic behind the stage's negative texts."""
    found = figures.topics.get(stage)
    if found is None:
        return []
    return [
        (figures.taxonomy.label(t.topic, REPORT_LANGUAGE), str(t.count), f"{t.share:.0f}", topic_change(t), t.quote)
        for t in found.topics
    ]


def topic_note(figures: WeeklyFigures, stage: str) -> str | None:
    """Say how many negative texts the topics rest on, and how many name no topic."""
    found = figures.topics.get(stage)
    if found is None:
        return None
    rest = (
        f"; {found.untopiced} of them name{'s' if found.untopiced == 1 else ''} no listed topic"
        if found.untopiced
        else ""
    )
    if found.topics and math.isnan(found.topics[0].previous):
        rest += "; none last week to compare with"
    return f"{found.negative_texts} negative written answer{'' if found.negative_texts == 1 else 's'}{rest}."


def topic_verdicts(figures: WeeklyFigures, verdict: Verdict) -> list[tuple[str, str]]:
    """(stage, topic change) for topics whose share among negative texts changed significantly."""
    return [
        (
            stage,
            f"topic {figures.taxonomy.label(t.topic, REPORT_LANGUAGE)}: named by {t.share:.0f}% of negative texts "
            f"(last week {t.previous:.0f}%, {t.delta:+.1f} points, p = {t.p:.2g})",
        )
        for stage, found in figures.topics.items()
        for t in found.topics
        if t.verdict == verdict
    ]


VERDICT_SECTIONS = (
    (Verdict.WORSE, "What got worse", "No figure got significantly worse."),
    (Verdict.BETTER, "What improved", "No figure improved significantly."),
    (Verdict.HELD, "What held", "No figure could be compared with last week."),
)


def _cell(row, name: str) -> str:
    digits = 2 if name == "sentiment_mean" else 1 if name not in ("responses",) else 0
    text = _num(row[name], digits)
    if f"{name}_low" in row and not math.isnan(row[f"{name}_low"]):
        text += f" [{row[f'{name}_low']:.0f}–{row[f'{name}_high']:.0f}]"
    # Nothing to compare with when the stage had no answers last week (no "36 (+36)").
    delta = _delta(row.get(f"{name}_delta"), digits) if row.get("responses_previous", 0) > 0 else ""
    return text + (f" ({delta})" if delta else "")


def small_labels(row) -> str:
    """Which figures of a row rest on few answers, as a person reads them."""
    return ", ".join(LABELS.get(name, name) for name in str(row["small_figures"]).split())


def _segment_cell(row, name: str) -> str:
    digits = 0 if name == "responses" else 1
    base = row.get(SEGMENT_BASE[name], 0)
    warn = " ⚠" if 0 < base < SMALL_SAMPLE else ""
    return _num(row[name], digits) + warn


def _duration(hours: float) -> str:
    """Render a duration in hours as minutes, hours or days, whichever reads best."""
    if hours is None or math.isnan(hours):
        return "—"
    if hours < 1:
        return f"{hours * 60:.0f} min"
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} d"


def complaint_lines(figures: WeeklyFigures) -> list[str]:
    """Summarise how the support desk followed up the week's complaints, one line per figure."""
    c = figures.complaints
    if c.opened == 0 and not c.oldest_open:
        return [f"No complaints were opened in week {figures.week} and none are open."]
    stages = ", ".join(f"{s.replace('_', ' ')} {c.per_stage[s]}" for s in STAGES if c.per_stage.get(s)) or "none"
    lines = [
        f"Complaints opened: {c.opened} (per stage: {stages}).",
        f"Median time to first staff reply: {_duration(c.median_first_reply_hours)}.",
        f"Resolved within 48 hours: {_num(c.resolved_48h)}%.",
        f"Customers who confirmed the fix: {_num(c.confirmed)}% of resolved complaints whose customer answered.",
    ]
    if c.oldest_open:
        oldest = "; ".join(
            f"#{i} {_duration(hours)} {state.replace('_', ' ')} ({stages.replace(',', ', ').replace('_', ' ') or '?'})"
            for i, hours, state, stages in c.oldest_open
        )
        lines.append(f"Oldest open: {oldest}.")
    else:
        lines.append("No complaint is open.")
    return lines


def stage_quotes(figures: WeeklyFigures, stage: str) -> list[tuple[str, list[str]]]:
    """Quotes shown under a stage besides its topics' ones: negative ones when no topic was found, two positive."""
    quotes = figures.quotes.get(stage, {})
    found = figures.topics.get(stage)
    negative = [] if found and found.topics else quotes.get("negative", [])
    return [("negative", negative), ("positive", quotes.get("positive", [])[:2])]


def render_html(figures: WeeklyFigures, pngs: dict[str, bytes]) -> str:
    """Render the report as one self-contained HTML page; all customer text is escaped."""
    e = html.escape
    charts = {name: base64.b64encode(png).decode("ascii") for name, png in pngs.items()}
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
        f"<title>Journey report {e(figures.week)}</title><style>body{{font-family:sans-serif;max-width:60em;margin:auto;"
        "padding:1em}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:right}"
        "td:first-child,th:first-child,.words{text-align:left}.topics{width:100%}.warn{color:#b35900}blockquote{color:#444}</style></head><body>",
        f"<h1>Customer journey: week {e(figures.week)}</h1>",
        f"<p>{e(figures.start.date().isoformat())} – {e((figures.end.date()).isoformat())} (UTC, end exclusive); "
        f"compared with {e(figures.previous)}. {figures.answers} answers.</p>",
    ]
    if figures.answers == 0:
        out.append(
            f"<p><strong>No answers were given in week {e(figures.week)}.</strong> There is nothing to report.</p>"
        )
    out.append(f"<h2>Headline</h2><p>{e(headline(figures))}</p>")
    for verdict, title, none in VERDICT_SECTIONS:
        lines = verdicts(figures, verdict) + (topic_verdicts(figures, verdict) if verdict != Verdict.HELD else [])
        out.append(
            f"<h2>{title}</h2>"
            + (
                "<ul>" + "".join(f"<li>{e(s.replace('_', ' '))}: {e(t)}</li>" for s, t in lines) + "</ul>"
                if lines
                else f"<p>{none}</p>"
            )
        )
    out.append(f"<img alt='feeling curve' src='data:image/png;base64,{charts['feeling']}'>")
    out.append(
        "<h2>Per stage</h2><table><tr><th>Stage</th>" + "".join(f"<th>{e(v)}</th>" for v in COLUMNS.values()) + "</tr>"
    )
    for stage in STAGES:
        row = figures.stages.loc[stage]
        warn = (
            f" <span class='warn' title='few answers: {e(small_labels(row))}'>⚠</span>" if row["small_sample"] else ""
        )
        out.append(
            f"<tr><td>{e(stage.replace('_', ' '))}{warn}</td>"
            + "".join(f"<td>{e(_cell(row, n))}</td>" for n in COLUMNS)
            + "</tr>"
        )
    out.append("</table>")
    if figures.stages["small_sample"].any():
        out.append(f"<p class='warn'>⚠ some figures rest on fewer than {SMALL_SAMPLE} answers (hover for which).</p>")
    out.append("<h2>Where it hurts</h2>")
    if not hurting(figures):
        out.append("<p>No rated answers this week.</p>")
    for stage in hurting(figures):
        row = figures.stages.loc[stage]
        out.append(f"<h3>{e(stage.replace('_', ' '))}: {_num(row['negative_share'])}% negative</h3>")
        rows = topic_rows(figures, stage)
        if rows:
            out.append(
                "<table class='topics'><tr><th>Topic</th><th>Negative texts</th><th>Share %</th>"
                "<th class='words'>Change of share since last week</th><th class='words'>Quote</th></tr>"
            )
            out += [
                f"<tr><td>{e(label)}</td><td>{count}</td><td>{share}</td><td class='words'>{e(change)}</td>"
                f"<td class='words'>{'“' + e(quote) + '”' if quote else ''}</td></tr>"
                for label, count, share, change, quote in rows
            ]
            out.append("</table>")
        if note := topic_note(figures, stage):
            out.append(f"<p>{e(note)}</p>")
        if stage not in figures.quotes:
            out.append("<p>No written answers at this stage this week: the share rests on ratings alone.</p>")
        for kind, quotes in stage_quotes(figures, stage):
            out += [f"<blockquote>{'−' if kind == 'negative' else '+'} “{e(quote)}”</blockquote>" for quote in quotes]
    out.append(
        "<h2>Key drivers</h2><ul>" + "".join(f"<li>{e(line)}</li>" for line in driver_lines(figures)) + "</ul>"
        f"<img alt='key drivers' src='data:image/png;base64,{charts['drivers']}'>"
    )
    out.append(
        "<h2>Complaint follow-up</h2><ul>"
        + "".join(f"<li>{e(line)}</li>" for line in complaint_lines(figures))
        + "</ul>"
    )
    out.append(
        "<h2>Surveys</h2><table><tr><th>Survey</th><th>Sent</th><th>Response rate %</th><th>Completion %</th><th class='words'>Drop-off before each question %</th></tr>"
    )
    for _, row in figures.surveys.iterrows():
        drop = ", ".join(f"{e(q)} {_num(v)}" for q, v in row["drop_off"].items())
        out.append(
            f"<tr><td>{e(row['survey'])}</td><td>{row['invitations']}</td><td>{_num(row['response_rate'])}</td>"
            f"<td>{_num(row['completion'])}</td><td class='words'>{drop}</td></tr>"
        )
    out.append("</table>")
    for title, table, column in (
        ("By channel", figures.by_channel, "channel"),
        ("By language", figures.by_language, "language"),
    ):
        out.append(f"<h2>{title}</h2>")
        if table.empty:
            out.append("<p>No answers.</p>")
            continue
        out.append(
            f"<table><tr><th>{column}</th><th>Answers</th><th>CSAT %</th><th>NPS</th><th>Negative %</th><th>Feeling</th></tr>"
        )
        for _, row in table.iterrows():
            out.append(
                f"<tr><td>{e(str(row[column]))}</td>"
                + "".join(f"<td>{e(_segment_cell(row, n))}</td>" for n in SEGMENT_BASE)
                + "</tr>"
            )
        out.append("</table>")
    out.append(
        "<h2>Sentiment scorers</h2>"
        + scorer_lines(figures, lambda rows: "<p>" + "<br>".join(e(r) for r in rows) + "</p>")
    )
    out.append(f"<h2>Trend</h2><img alt='trend' src='data:image/png;base64,{charts['trend']}'>")
    out.append(
        f"<h2>NPS</h2><p>NPS {e(nps_text(figures))} ({e(_breakdown(figures))}).</p><img alt='NPS breakdown' src='data:image/png;base64,{charts['nps']}'>"
    )
    out.append("<h2>Method notes</h2><ol>" + "".join(f"<li>{e(m)}</li>" for m in METHOD) + "</ol></body></html>")
    return "\n".join(out)


def render_markdown(figures: WeeklyFigures) -> str:
    """Render the report as Markdown; customer text is escaped so it stays plain text."""
    m = escape_markdown
    out = [
        f"# Customer journey: week {figures.week}",
        "",
        f"{figures.start.date()} – {figures.end.date()} (UTC, end exclusive); compared with {figures.previous}. "
        f"{figures.answers} answers.",
        "",
    ]
    if figures.answers == 0:
        out += [f"**No answers were given in week {figures.week}.** There is nothing to report.", ""]
    out += ["## Headline", "", headline(figures), ""]
    for verdict, title, none in VERDICT_SECTIONS:
        called = verdicts(figures, verdict) + (topic_verdicts(figures, verdict) if verdict != Verdict.HELD else [])
        lines = [f"- {s.replace('_', ' ')}: {t}" for s, t in called] or [none]
        out += [f"## {title}", "", *lines, ""]
    out += ["## Per stage", "", "| Stage | " + " | ".join(COLUMNS.values()) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for stage in STAGES:
        row = figures.stages.loc[stage]
        warn = " ⚠" if row["small_sample"] else ""
        out.append(f"| {stage.replace('_', ' ')}{warn} | " + " | ".join(_cell(row, n) for n in COLUMNS) + " |")
    if figures.stages["small_sample"].any():
        out += ["", f"⚠ some figures rest on fewer than {SMALL_SAMPLE} answers."]
    out += ["", "## Where it hurts", ""]
    for stage in hurting(figures):
        out += [f"### {stage.replace('_', ' ')}: {_num(figures.stages.loc[stage, 'negative_share'])}% negative", ""]
        rows = topic_rows(figures, stage)
        if rows:
            out += [
                "| Topic | Negative texts | Share % | Change of share since last week | Quote |",
                "|---|---|---|---|---|",
            ]
            out += [
                f"| {m(label)} | {count} | {share} | {change} | {'“' + m(quote) + '”' if quote else ''} |"
                for label, count, share, change, quote in rows
            ]
            out.append("")
        if note := topic_note(figures, stage):
            out += [note, ""]
        if stage not in figures.quotes:
            out += ["No written answers at this stage this week: the share rests on ratings alone.", ""]
        for kind, quotes in stage_quotes(figures, stage):
            for quote in quotes:
                out += [f"> {'−' if kind == 'negative' else '+'} “{m(quote)}”", ""]
    if not hurting(figures):
        out += ["No rated answers this week.", ""]
    out += ["## Key drivers", ""] + [f"- {line}" for line in driver_lines(figures)] + [""]
    out += (
        ["## Complaint follow-up", ""] + [f"- {line}" for line in complaint_lines(figures)] + [""]
    )  # no customer text
    out += [
        "## Surveys",
        "",
        "| Survey | Sent | Response rate % | Completion % | Drop-off before each question % |",
        "|---|---|---|---|---|",
    ]
    for _, row in figures.surveys.iterrows():
        drop = ", ".join(f"{q} {_num(v)}" for q, v in row["drop_off"].items())
        out.append(
            f"| {m(row['survey'])} | {row['invitations']} | {_num(row['response_rate'])} | {_num(row['completion'])} | {m(drop)} |"
        )
    for title, table, column in (
        ("By channel", figures.by_channel, "channel"),
        ("By language", figures.by_language, "language"),
    ):
        out += ["", f"## {title}", ""]
        if table.empty:
            out.append("No answers.")
            continue
        out += [f"| {column} | Answers | CSAT % | NPS | Negative % | Feeling |", "|---|---|---|---|---|---|"]
        for _, row in table.iterrows():
            out.append(f"| {m(str(row[column]))} | " + " | ".join(_segment_cell(row, n) for n in SEGMENT_BASE) + " |")
    out += [
        "",
        "## Trend",
        "",
        "Feeling per stage and week:",
        "",
        "| Week | " + " | ".join(s.replace("_", " ") for s in STAGES) + " |",
        "|---" * (len(STAGES) + 1) + "|",
    ]
    for week, rows in figures.trend.groupby("week", sort=True):
        by_stage = rows.set_index("stage")["feeling"]
        out.append(f"| {week} | " + " | ".join(_num(by_stage.get(s, math.nan)) for s in STAGES) + " |")
    out += ["", "## NPS", "", f"NPS {nps_text(figures)} ({_breakdown(figures)}).", ""]
    out += ["## Sentiment scorers", "", scorer_lines(figures, lambda rows: "\n".join(f"- {m(r)}" for r in rows)), ""]
    out += ["## Method notes", ""] + [f"{n}. {text}" for n, text in enumerate(METHOD, 1)]
    return "\n".join(out) + "\n"


def _breakdown(figures: WeeklyFigures) -> str:
    b = figures.nps_breakdown
    return ", ".join(f"{name} {b.get(name, 0)}" for name in ("promoters", "passives", "detractors"))


def scorer_lines(figures: WeeklyFigures, render) -> str:
    """Say which scorer scored the week's texts in each detected language, rendered by `render`."""
    if figures.scorers.empty:
        return render(["No text answers this week."])
    return render([f"{row.text_language}: {row.scorer}, {row.texts} texts" for row in figures.scorers.itertuples()])


def stage_rows(figures: WeeklyFigures) -> tuple[list[str], list[dict]]:
    """Columns and rows of stages.csv: every figure, its delta and base, topics and quotes per stage."""
    table = figures.stages.reset_index()
    columns = list(table.columns) + [
        "negative_texts",
        "topics",
        "top_topic",
        "top_topic_count",
        "top_topic_share",
        "top_topic_delta",
        "top_topic_verdict",
        "top_topic_quote",
        "negative_quote",
        "positive_quote",
    ]
    rows = []
    for record in table.to_dict("records"):
        stage = record["stage"]
        quotes = figures.quotes.get(stage, {})
        found = figures.topics.get(stage)
        top = found.top if found else None
        record.update(
            {
                "week": figures.week,
                "negative_texts": found.negative_texts if found else 0,
                "topics": "; ".join(
                    f"{figures.taxonomy.label(t.topic, REPORT_LANGUAGE)} {t.count}" for t in found.topics
                )
                if found
                else "",
                "top_topic": figures.taxonomy.label(top.topic, REPORT_LANGUAGE) if top else None,
                "top_topic_count": top.count if top else None,
                "top_topic_share": top.share if top else None,
                "top_topic_delta": top.delta if top else None,
                "top_topic_verdict": top.verdict.value if top else None,
                "top_topic_quote": top.quote if top else None,
                "negative_quote": next(iter(quotes.get("negative") or []), None),
                "positive_quote": next(iter(quotes.get("positive") or []), None),
            }
        )
        rows.append(
            {k: (None if math.isnan(v) else round(v, 3)) if isinstance(v, float) else v for k, v in record.items()}
        )
    return ["week", *columns], rows


def draw_charts(figures: WeeklyFigures) -> dict[str, bytes]:
    """Draw the report's four charts as PNG bytes."""
    return {
        "feeling": feeling_curve(figures),
        "trend": trend_chart(figures),
        "nps": nps_chart(figures),
        "drivers": drivers_chart(figures),
    }


def build_weekly_report(
    db_path: str | Path,
    week: str | None = None,
    out_dir: str | Path | None = None,
    surveys: dict[str, Survey] | None = None,
    taxonomy: Taxonomy | None = None,
) -> Path:
    """Write the weekly report files (see write_weekly_report) and return the HTML path."""
    return write_weekly_report(db_path, week, out_dir, surveys, taxonomy)[0]


def write_weekly_report(
    db_path: str | Path,
    week: str | None = None,
    out_dir: str | Path | None = None,
    surveys: dict[str, Survey] | None = None,
    taxonomy: Taxonomy | None = None,
) -> list[Path]:
    """Write report.html, report.md and stages.csv for `week` (default: the last complete one) into `out_dir`
    (default: reports/<week>); return the paths written, report.html first. `surveys` are the definitions the
    bot asks (default: the shipped ones)."""
    week = week or last_complete_week()
    parse_week(week)
    figures = aggregate_week(db_path, week, surveys, taxonomy)
    out = Path(out_dir) if out_dir is not None else Path("reports") / week
    out.mkdir(parents=True, exist_ok=True)
    charts = draw_charts(figures)
    write_private(out / "report.md", render_markdown(figures).encode("utf-8"))
    columns, rows = stage_rows(figures)
    write_csv(out / "stages.csv", columns, rows)
    target = out / "report.html"
    write_private(target, render_html(figures, charts).encode("utf-8"))
    png, pdf = draw_poster(figures)
    write_private(out / "poster.png", png)
    write_private(out / "poster.pdf", pdf)
    return [target, out / "report.md", out / "stages.csv", out / "poster.png", out / "poster.pdf"]


@dataclass(frozen=True)
class WeeklySummary:
    """One week for a manager in chat: the key figures, the journey-map poster (PNG) and the full HTML report."""

    week: str
    answers: int
    feelings: list[tuple[str, float, float]]  # (stage, feeling, change from last week); NaN when not rated
    hurting: tuple[str, float] | None  # the stage with the largest negative share, and that share
    topics: tuple[TopicFigure, ...]  # behind the hurting stage's negative texts, most mentioned first
    top_topics: dict[str, str]  # stage -> the topic most named by its negative texts
    quote: str | None  # the hurting stage's top topic's quote, else its most negative answer (customer text: escape it)
    small_sample: bool  # some figure of the week rests on fewer than SMALL_SAMPLE answers
    chart_png: bytes  # the journey-map poster
    html: str
    taxonomy: Taxonomy = field(default_factory=default_taxonomy)

    def topic_label(self, key: str, language: str) -> str:
        """A topic's name in the reader's language."""
        return self.taxonomy.label(key, language)


def weekly_summary(
    db_path: str | Path,
    week: str | None = None,
    surveys: dict[str, Survey] | None = None,
    taxonomy: Taxonomy | None = None,
) -> WeeklySummary:
    """Compute `week` (default: the last complete one) against `surveys` for a chat digest; CPU-bound, run it in a thread."""
    week = week or last_complete_week()
    parse_week(week)
    figures = aggregate_week(db_path, week, surveys, taxonomy)
    charts = draw_charts(figures)
    stages = figures.stages
    feelings = [
        (stage, float(stages.loc[stage, "feeling"]), float(stages.loc[stage, "feeling_delta"])) for stage in STAGES
    ]
    worst = hurting(figures)
    top = worst[0] if worst else None
    found = figures.topics.get(top) if top else None
    quotes = ([found.top.quote] if found and found.top and found.top.quote else []) + (
        figures.quotes.get(top, {}).get("negative", []) if top else []
    )
    return WeeklySummary(
        week=week,
        answers=figures.answers,
        feelings=feelings,
        hurting=(top, float(stages.loc[top, "negative_share"])) if top else None,
        topics=found.topics[:3] if found else (),
        top_topics={stage: t.top.topic for stage, t in figures.topics.items() if t.top},
        quote=quotes[0] if quotes else None,
        small_sample=bool(stages["small_sample"].any()),
        chart_png=draw_poster(figures, pdf=False)[0],
        html=render_html(figures, charts),
        taxonomy=figures.taxonomy,
    )


def digest_week(moment: datetime, zone: ZoneInfo) -> str:
    """Name the week whose digest is due by `moment`: the week before the latest Monday DIGEST_AT in `zone`."""
    local = moment.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    if local.weekday() == 0 and local.time() < DIGEST_AT:
        monday -= timedelta(weeks=1)
    return week_name(monday - timedelta(weeks=1))


__all__ = ["FIGURES", "build_weekly_report", "digest_week", "escape_markdown", "weekly_summary"]
