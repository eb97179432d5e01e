"""The weekly report as a browser sees it: headless Chromium's DOM (skipped where Chromium is not installed)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from analysis.report import build_weekly_report
from tests.test_aggregate import WEEK, respond

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> Box <b>crushed</b> & late"


def rendered_dom(path) -> str:
    """The DOM Chromium builds from a file, serialised."""
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", path.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
async def test_chromium_renders_hostile_text_as_text(store, surveys, tmp_path):
    await respond(
        store,
        surveys,
        "post_purchase",
        {"channel": "ad", "checkout_ease": 1, "purchase_csat": 1, "what_went_wrong": HOSTILE},
        scores={"what_went_wrong": -0.9},
        topics={"what_went_wrong": ("packaging",)},
    )
    dom = rendered_dom(build_weekly_report(store.path, WEEK, tmp_path))
    # Only the four charts are elements; the customer's tags arrive as text.
    assert "<script" not in dom and "<b>crushed" not in dom
    assert dom.count("<img") == 4 and dom.count('src="data:image/png;base64,') == 4
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; Box &lt;b&gt;crushed" in dom
    # The sections a manager reads first, in order, and the stage's topic with its quote as text in a table row.
    titles = ["What got worse", "What improved", "What held", "Per stage", "Where it hurts", "Key drivers"]
    assert all(f"<h2>{t}</h2>" in dom for t in titles)
    assert [dom.index(f"<h2>{t}</h2>") for t in titles] == sorted(dom.index(f"<h2>{t}</h2>") for t in titles)
    row = dom.split('<table class="topics">', 1)[1].split("</table>", 1)[0]
    assert "<td>Packaging</td><td>1</td><td>100</td>" in row and "“&lt;script&gt;alert(1)" in row
