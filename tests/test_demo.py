"""The README's first command: the demo runs end to end against the local Bot API, offline."""

from __future__ import annotations

import sqlite3

from bot.demo import run_demo


async def test_the_demo_runs_both_surveys_and_the_desk_end_to_end(tmp_path, capsys):
    database = await run_demo(tmp_path / "demo", customers=8, first_week_delay=1.0, seed=3)
    printed = capsys.readouterr().out
    with sqlite3.connect(database) as db:
        sent = db.execute(
            "SELECT survey, count(*) FROM invitations WHERE completed_at IS NOT NULL GROUP BY survey"
        ).fetchall()
        pending = db.execute("SELECT count(*) FROM inbox WHERE processed_at IS NULL").fetchone()[0]
        # A customer who answers "not fixed" reopens the complaint, which clears resolved_at; how many do depends
        # on how the simulated customers interleave, so the resolution is read from the complaint's events.
        complaints = db.execute(
            "SELECT count(*), sum(card_message_id IS NOT NULL AND EXISTS (SELECT 1 FROM complaint_events e"
            " WHERE e.complaint_id = complaints.id AND e.kind = 'resolved')) FROM complaints"
        ).fetchone()
    assert dict(sent) == {"post_purchase": 8, "first_week": 8}, "every simulated customer finishes both surveys"
    assert pending == 0
    assert complaints[0] == complaints[1] > 0, "each complaint gets a card and is resolved (some reopened after)"
    assert f"Support desk: {complaints[0]} complaints taken" in printed
    assert "Done:" in printed and (tmp_path / "demo" / "report" / "report.html").stat().st_size > 0
    assert (tmp_path / "demo" / "answers.csv").read_text(encoding="utf-8").count("\n") > 16
