"""The journey-map poster: one A3 landscape page (PNG and PDF) to print and hang on the office wall."""

from __future__ import annotations

import io
import math
import textwrap
import unicodedata
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from analysis.aggregate import REPORT_LANGUAGE, STAGES, WeeklyFigures  # noqa: E402
from analysis.stats import Z95, Verdict  # noqa: E402

A3_LANDSCAPE = (16.54, 11.69)  # inches
# Fonts tried glyph by glyph, so Chinese quotes render when a CJK font is installed (else they show as boxes).
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP", "Droid Sans Fallback")
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
NO_LINE_START = frozenset("，。！？、；：”’）」』》…,.!?;:")  # punctuation that never starts a line
ARROWS = {
    Verdict.WORSE: ("▼ worse", "#d73a49"),
    Verdict.BETTER: ("▲ better", "#2da44e"),
    Verdict.HELD: ("■ held", "#777"),
    Verdict.UNTESTED: ("· no comparison", "#777"),
}


def poster_fonts() -> list[str]:
    """The font family list for the poster: installed CJK fonts after the default, for glyph fallback."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    if not installed.intersection(CJK_FONTS):  # installed after matplotlib cached its font list
        for path in CJK_FONT_FILES:
            if Path(path).is_file():
                font_manager.fontManager.addfont(path)
        installed = {f.name for f in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *[name for name in CJK_FONTS if name in installed]]


def feeling_band(row) -> tuple[float, float, float]:
    """Feeling of a stage and its 95 % normal interval (answers scored +100/0/−100)."""
    n = row["rated_n"]
    if not n:
        return math.nan, math.nan, math.nan
    pos, neg = row["positive_share"] / 100, row["negative_share"] / 100
    mean = 100 * (pos - neg)
    var = 10000 * (pos + neg) - mean * mean
    half = Z95 * math.sqrt(max(var, 0.0) / n)
    return mean, max(-100.0, mean - half), min(100.0, mean + half)


def stage_card(figures: WeeklyFigures, stage: str) -> tuple[str, str, str, str, str]:
    """(headline figure, change arrow, its colour, top topic of negative texts, one quote) shown under a stage."""
    row = figures.stages.loc[stage]
    figure = "nps" if stage == "loyalty" else "csat"
    if row[f"{figure}_n"] > 0:
        value = f"NPS {row['nps']:+.0f}" if figure == "nps" else f"CSAT {row['csat']:.0f} %"
    elif row["rated_n"] > 0:
        figure, value = "feeling", f"feeling {row['feeling']:+.0f}"
    else:
        figure, value = "feeling", "no ratings"
    verdicts = [c.verdict for c in figures.changes if c.stage == stage and c.figure == figure]
    arrow, colour = ARROWS[verdicts[0] if verdicts else Verdict.UNTESTED]
    found = figures.topics.get(stage)
    top = found.top if found else None
    quotes = figures.quotes.get(stage, {})
    quote = (top.quote if top and top.quote else None) or (quotes.get("negative") or quotes.get("positive") or [""])[0]
    topic = (
        f"{figures.taxonomy.label(top.topic, REPORT_LANGUAGE)}\n{top.count} of {found.negative_texts}"
        if top and found
        else "—"
    )
    return value, arrow, colour, topic, quote


def wrap_wide(text: str, width: int) -> list[str]:
    """Wrap text into lines of at most `width` columns, a Chinese or Japanese character taking two (it has no spaces)."""
    lines = []
    for line in textwrap.wrap(text, width) or [""]:
        current, used = "", 0
        for char in line:
            wide = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
            if used + wide > width and char not in NO_LINE_START:
                lines.append(current)
                current, used = "", 0
            current, used = current + char, used + wide
        lines.append(current)
    return lines


def draw_poster(figures: WeeklyFigures, pdf: bool = True) -> tuple[bytes, bytes]:
    """Draw the poster; return (PNG, PDF) bytes (PDF empty when not asked for, as for a chat photo)."""
    with plt.rc_context({"font.family": poster_fonts()}), warnings.catch_warnings():
        # Without a CJK font Chinese quotes show as boxes (README: install one); one warning per glyph is noise.
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        fig = plt.figure(figsize=A3_LANDSCAPE)
        fig.suptitle(
            f"Customer journey, week {figures.week}  ·  {figures.answers} answers  ·  overall NPS "
            f"{_overall_nps(figures)}",
            fontsize=22,
            y=0.97,
        )
        ax = fig.add_axes((0.06, 0.50, 0.90, 0.40))
        x = list(range(len(STAGES)))
        bands = [feeling_band(figures.stages.loc[s]) for s in STAGES]
        ax.fill_between(
            x, [b[1] for b in bands], [b[2] for b in bands], color="#1f6feb", alpha=0.18, label="95 % interval"
        )
        ax.plot(x, [b[0] for b in bands], "o-", color="#1f6feb", linewidth=3, markersize=10, label="feeling")
        ax.axhline(0, color="#bbb", linewidth=1)
        ax.set_ylim(-108, 108)  # a stage at ±100 stays visible
        ax.set_xlim(-0.5, len(STAGES) - 0.5)
        ax.set_xticks(x, [s.replace("_", " ") for s in STAGES], fontsize=16)
        ax.set_ylabel("feeling (positive − negative %)", fontsize=12)
        ax.legend(loc="upper left", fontsize=11)
        for i, stage in enumerate(STAGES):
            value, arrow, colour, topic, quote = stage_card(figures, stage)
            left = 0.06 + 0.90 * i / len(STAGES)
            # Latin only, and the CJK fallback fonts have no bold: ask DejaVu alone, so matplotlib does not warn.
            fig.text(left + 0.075, 0.42, value, ha="center", fontsize=18, weight="bold", family="DejaVu Sans")
            fig.text(left + 0.075, 0.38, arrow, ha="center", fontsize=14, color=colour)
            fig.text(left + 0.075, 0.345, "top topic of negative answers", ha="center", fontsize=10, color="#777")
            # the topic's name, then how many of the stage's negative written answers name it
            fig.text(
                left + 0.075,
                0.315,
                "\n".join(w for part in topic.split("\n") for w in wrap_wide(part, 22)),
                ha="center",
                va="top",
                fontsize=13,
                color="#222",
                parse_math=False,
            )  # a label from the editable taxonomy: a "$" is not mathtext
            if quote:
                wrapped = "\n".join(wrap_wide(f"“{' '.join(quote.split())[:220]}”", 25))
                fig.text(
                    left + 0.075,
                    0.25,
                    wrapped,
                    ha="center",
                    va="top",
                    fontsize=12,
                    style="italic",
                    color="#333",
                    parse_math=False,
                )
        fig.text(
            0.5,
            0.03,
            "Change arrows: week-over-week tests with Benjamini–Hochberg control (see the report's "
            "method notes); top topic: the topic most named by the stage's negative written answers.",
            ha="center",
            fontsize=10,
            color="#666",
        )
        png_out, pdf_out = io.BytesIO(), io.BytesIO()
        fig.savefig(png_out, format="png", dpi=100)
        if pdf:
            fig.savefig(pdf_out, format="pdf")
        plt.close(fig)
    return png_out.getvalue(), pdf_out.getvalue()


def _overall_nps(figures: WeeklyFigures) -> str:
    b = figures.nps_breakdown
    total = sum(b.values())
    return f"{(b.get('promoters', 0) - b.get('detractors', 0)) * 100 / total:+.0f}" if total else "—"
