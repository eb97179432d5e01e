"""The journey service on a real SQLite file: links, answers, duplicates, opt-out, schedule, quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from surveys import journey
from surveys.journey import Person, Policy
from surveys.links import make_token
from surveys.store import LEASE_TIME, to_text
from tests.helpers import T0
from tests.readings import reading

SECRET = "s3cret"
POLICY = Policy(first_week_delay=timedelta(days=7), reminder_delay=timedelta(hours=24), quiet_hours=None)


async def linked(store, surveys, user=7, ref="A-1", policy=POLICY):
    order = await store.add_order(ref, "Ann", T0, T0)
    step = await journey.open_link(
        store, surveys, policy, SECRET, make_token(SECRET, order.id), Person(user, user, "Ann", "ru-RU"), T0
    )
    return order, step


async def test_open_link_starts_post_purchase_and_schedules_first_week(store, surveys):
    order, step = await linked(store, surveys)
    assert step.status == "started" and step.question.id == "channel"
    assert step.customer.language == "ru"
    assert (await store.order(order.id)).customer_id == step.customer.id
    due = await store.due_invitations(T0 + timedelta(days=7))
    assert [(i.survey, c.telegram_user_id) for i, c in due] == [("first_week", 7)]
    assert await store.due_invitations(T0 + timedelta(days=6)) == []


async def test_second_start_resumes_without_duplicates(store, surveys):
    order, step = await linked(store, surveys)
    await journey.press(store, surveys, step.customer, step.invitation.id, "channel", "ad", T0)
    again = await journey.open_link(store, surveys, POLICY, SECRET, make_token(SECRET, order.id), Person(7, 7), T0)
    assert again.status == "resumed" and again.question.id == "checkout_ease"
    rows = await store._all("SELECT count(*) FROM invitations")
    assert rows[0][0] == 2


async def test_forged_and_foreign_links_change_nothing(store, surveys):
    order, _ = await linked(store, surveys)
    forged = await journey.open_link(store, surveys, POLICY, SECRET, "1_AAAAAAAAAAAAAAAAAAAAAA", Person(8, 8), T0)
    assert forged.status == "invalid_link"
    other = await journey.open_link(store, surveys, POLICY, SECRET, make_token(SECRET, order.id), Person(9, 9), T0)
    assert other.status == "foreign_link"
    assert (await store.order(order.id)).customer_id == (await store.customer_by_user(7)).id
    assert (await store._all("SELECT count(*) FROM customers WHERE telegram_user_id = 8"))[0][0] == 0


async def test_full_survey_with_duplicates_and_stale_buttons(store, surveys):
    _, step = await linked(store, surveys)
    c, inv = step.customer, step.invitation.id
    scored = []

    def score(text):
        scored.append(text)
        return reading(-0.6)

    s = await journey.press(store, surveys, c, inv, "channel", "friend", T0)
    assert s.status == "recorded" and s.question.id == "checkout_ease"
    dup = await journey.press(store, surveys, c, inv, "channel", "ad", T0)
    assert dup.status == "duplicate" and dup.value.text == "friend"
    stale = await journey.press(store, surveys, c, inv, "purchase_csat", "5", T0)
    assert stale.status == "stale" and stale.question.id == "checkout_ease"
    bad = await journey.press(store, surveys, c, inv, "checkout_ease", "9", T0)
    assert bad.status == "invalid"
    await journey.press(store, surveys, c, inv, "checkout_ease", "2", T0)
    no_skip = await journey.skip(store, surveys, c, inv, "purchase_csat", T0)
    assert no_skip.status == "invalid"
    s = await journey.write(store, surveys, c, "1", score, T0)
    assert s.status == "recorded" and s.question.id == "what_went_wrong"
    s = await journey.write(store, surveys, c, "Box arrived <b>crushed</b>", score, T0)
    assert s.status == "recorded" and s.question is None
    assert scored == ["Box arrived <b>crushed</b>"]
    finished = await journey.press(store, surveys, c, inv, "channel", "ad", T0)
    assert finished.status == "duplicate"
    rows = await store._all("SELECT question_id, value_number, value_text, sentiment, scorer FROM answers ORDER BY id")
    assert rows == [
        ("channel", None, "friend", None, None),
        ("checkout_ease", 2.0, None, None, None),
        ("purchase_csat", 1.0, None, None, None),
        ("what_went_wrong", None, "Box arrived <b>crushed</b>", -0.6, "test"),
    ]
    assert (await store.invitation(inv)).completed_at == T0
    assert (await journey.write(store, surveys, c, "more", score, T0)).status == "no_survey"


async def test_buttons_of_another_customer_are_refused(store, surveys):
    _, step = await linked(store, surveys)
    _, other = await linked(store, surveys, user=8, ref="B-2")
    refused = await journey.press(store, surveys, other.customer, step.invitation.id, "channel", "ad", T0)
    assert refused.status == "not_yours"
    assert await store.answers(step.invitation.id) == {}


async def test_stop_excludes_customer_from_schedule_until_start_again(store, surveys):
    order, _ = await linked(store, surveys)
    await journey.stop(store, 7, T0)
    assert await store.due_invitations(T0 + timedelta(days=8)) == []
    await journey.open_link(store, surveys, POLICY, SECRET, make_token(SECRET, order.id), Person(7, 7), T0)
    assert len(await store.due_invitations(T0 + timedelta(days=8))) == 1


async def test_invitation_is_claimed_once_and_reminded_once(store, surveys):
    await linked(store, surveys)
    later = T0 + timedelta(days=7)
    [(invitation, customer)] = await store.due_invitations(later)
    step = await journey.start_invitation(store, surveys, POLICY, invitation, customer, later)
    assert step.question.id == "expectations"
    assert await journey.start_invitation(store, surveys, POLICY, invitation, customer, later) is None
    assert await store.due_invitations(later) == []
    await journey.delivered(store, POLICY, step, later)
    reminders = await store.due_reminders(later + timedelta(hours=24))
    first_week = [i for i, _ in reminders if i.survey == "first_week"]
    assert len(first_week) == 1
    reminder = await journey.remind(store, surveys, first_week[0], customer, later)
    assert reminder.question.id == "expectations"
    assert await journey.remind(store, surveys, first_week[0], customer, later) is None
    await journey.delivered(store, POLICY, reminder, later)
    assert [i for i, _ in await store.due_reminders(later + timedelta(days=2)) if i.survey == "first_week"] == []


async def test_a_claim_lost_in_a_crash_is_due_again_once_its_lease_runs_out(store, surveys):
    await linked(store, surveys)
    later = T0 + timedelta(days=7)
    [(invitation, customer)] = await store.due_invitations(later)
    assert await journey.start_invitation(store, surveys, POLICY, invitation, customer, later) is not None
    # The holder dies here, before sending: nothing is marked sent, and the lease runs out.
    assert await store.due_invitations(later + timedelta(seconds=60)) == []
    again = later + LEASE_TIME
    [(due, _)] = await store.due_invitations(again)
    assert due.id == invitation.id and due.sent_at is None
    assert await journey.start_invitation(store, surveys, POLICY, due, customer, again) is not None


async def test_a_survey_listed_due_sends_nothing_once_the_customer_stopped_or_it_went_out_meanwhile(store, surveys):
    await linked(store, surveys)
    later = T0 + timedelta(days=7)
    [(invitation, customer)] = await store.due_invitations(later)
    await journey.stop(store, 7, later)  # /stop between the sender's listing and its claim
    assert await journey.start_invitation(store, surveys, POLICY, invitation, customer, later) is None
    await store.set_stopped(customer.id, None)
    await store.mark_sent(invitation.id, later, later + timedelta(days=1))  # another process sent it meanwhile
    assert await journey.start_invitation(store, surveys, POLICY, invitation, customer, later) is None
    reminder_time = later + timedelta(days=1)
    [(due, _)] = [(i, c) for i, c in await store.due_reminders(reminder_time) if i.id == invitation.id]
    await store.mark_reminded(invitation.id, reminder_time)
    assert await journey.remind(store, surveys, due, customer, reminder_time) is None
    assert await store._all("SELECT count(*) FROM leases WHERE until > ?", (to_text(reminder_time),)) == [(0,)]


async def test_answers_count_while_the_sender_has_not_yet_marked_the_survey_sent(store, surveys):
    order, _ = await linked(store, surveys)
    later = T0 + timedelta(days=7)
    [(invitation, customer)] = await store.due_invitations(later)
    step = await journey.start_invitation(store, surveys, POLICY, invitation, customer, later)
    # The question is out and the customer presses at once, before the sender records the survey as sent.
    pressed = await journey.press(store, surveys, customer, invitation.id, "expectations", "4", later)
    assert pressed.status == "recorded" and pressed.question.id == "delivery"
    await store.mark_asked(invitation.id, "delivery", 11)
    [(post_purchase_id,)] = await store._all("SELECT id FROM invitations WHERE survey = 'post_purchase'")
    await store.mark_completed(post_purchase_id, later)
    written = await journey.write(store, surveys, customer, "4", lambda t: None, later)
    assert written.status == "recorded" and written.invitation.id == invitation.id
    await journey.delivered(store, POLICY, step, later)
    assert (await store.invitation(invitation.id)).sent_at == later


async def test_a_button_for_a_survey_not_yet_due_is_refused(store, surveys):
    _, step = await linked(store, surveys)
    [(first_week,)] = await store._all("SELECT id FROM invitations WHERE survey = 'first_week'")
    early = await journey.press(store, surveys, step.customer, first_week, "expectations", "4", T0 + timedelta(days=1))
    assert early.status == "no_survey"


async def test_release_puts_an_unsent_invitation_back(store, surveys):
    await linked(store, surveys)
    later = T0 + timedelta(days=7)
    [(invitation, customer)] = await store.due_invitations(later)
    step = await journey.start_invitation(store, surveys, POLICY, invitation, customer, later)
    await journey.release(store, step)
    assert len(await store.due_invitations(later)) == 1


def test_quiet_hours_shift_to_their_end_in_local_time():
    policy = Policy(quiet_hours=(time(21), time(9)), timezone=ZoneInfo("Europe/Moscow"))  # UTC+3
    evening = datetime(2026, 11, 18, 19, 30, tzinfo=UTC)  # 22:30 in Moscow
    assert policy.is_quiet(evening)
    assert policy.next_allowed(evening) == datetime(2026, 11, 19, 6, 0, tzinfo=UTC)  # 09:00 Moscow
    early = datetime(2026, 11, 19, 3, 0, tzinfo=UTC)  # 06:00 Moscow
    assert policy.next_allowed(early) == datetime(2026, 11, 19, 6, 0, tzinfo=UTC)
    noon = datetime(2026, 11, 19, 9, 0, tzinfo=UTC)
    assert policy.next_allowed(noon) == noon
    day_window = Policy(quiet_hours=(time(12), time(14)))
    assert day_window.next_allowed(datetime(2026, 11, 19, 13, tzinfo=UTC)) == datetime(2026, 11, 19, 14, tzinfo=UTC)
    assert Policy(quiet_hours=None).next_allowed(evening) == evening


async def test_first_week_due_respects_quiet_hours(store, surveys):
    policy = Policy(first_week_delay=timedelta(days=7), quiet_hours=(time(21), time(9)))
    order = await store.add_order("N-1", None, datetime(2026, 11, 10, 22, 0, tzinfo=UTC), T0)
    await journey.open_link(store, surveys, policy, SECRET, make_token(SECRET, order.id), Person(5, 5), T0)
    rows = await store._all("SELECT due_at FROM invitations WHERE survey = 'first_week'")
    assert rows == [("2026-11-18T12:00:00.000000Z",)]  # already overdue: due now, not in the past
    order = await store.add_order("N-2", None, datetime(2026, 11, 18, 22, 0, tzinfo=UTC), T0)
    await journey.open_link(store, surveys, policy, SECRET, make_token(SECRET, order.id), Person(6, 6), T0)
    rows = await store._all(
        "SELECT due_at FROM invitations i JOIN orders o ON o.id = i.order_id WHERE o.order_ref = 'N-2' AND survey = 'first_week'"
    )
    assert rows == [("2026-11-26T09:00:00.000000Z",)]


async def test_no_second_survey_while_the_customer_is_answering_one(store, surveys):
    policy = Policy(first_week_delay=timedelta(seconds=5), reminder_delay=timedelta(hours=1), quiet_hours=None)
    _, step = await linked(store, surveys, policy=policy)
    soon = T0 + timedelta(minutes=10)
    assert await store.due_invitations(soon, busy_since=soon - policy.reminder_delay) == []
    later = T0 + timedelta(hours=2)  # the first survey was abandoned: the next may go out
    assert len(await store.due_invitations(later, busy_since=later - policy.reminder_delay)) == 1
    for qid, raw in (("channel", "ad"), ("checkout_ease", "5"), ("purchase_csat", "5")):
        await journey.press(store, surveys, step.customer, step.invitation.id, qid, raw, T0)
    await journey.skip(store, surveys, step.customer, step.invitation.id, "improve", T0)
    assert len(await store.due_invitations(soon, busy_since=soon - policy.reminder_delay)) == 1
