"""`journeypulse demo`: the real bot against the local Bot API emulator, with simulated customers."""

from __future__ import annotations

import asyncio
import random
import secrets
from dataclasses import dataclass
from pathlib import Path

from analysis.aggregate import week_name
from analysis.report import build_weekly_report
from bot import callbacks
from bot.app import run_bot
from bot.local_bot_api import BotAPIEmulator
from bot.settings import load_settings
from surveys.clock import system_clock
from surveys.complaints import Action
from surveys.definitions import load_surveys
from surveys.export import export_answers
from surveys.orders import add_order
from surveys.store import Store

USERNAME = "journeypulse_demo_bot"
NAMES = {"en": ["Ann", "Ben", "Cleo", "Dan", "Eve"], "ru": ["Анна", "Борис", "Вера"], "zh": ["李娜", "王伟", "张敏"]}
WORDS = {
    ("en", "happy"): [
        "Love it, works perfectly and arrived early!",
        "Great quality, very happy with it.",
        "Checkout was quick and easy.",
    ],
    ("en", "unhappy"): [
        "The box arrived damaged and one part was broken.",
        "Delivery was late and support never replied.",
        "Wrong size, I want a refund.",
    ],
    ("en", "mixed"): ["Product is fine but delivery took too long.", "Okay overall, the manual is confusing."],
    ("ru", "happy"): ["Отличный товар, всё понравилось!", "Быстрая доставка, спасибо!"],
    ("ru", "unhappy"): ["Посылка пришла поврежденной, очень недоволен.", "Доставка опоздала на неделю."],
    ("ru", "mixed"): ["Товар нормальный, но упаковка плохая."],
    ("zh", "happy"): ["质量很好，非常满意！", "物流很快，包装完好。"],
    ("zh", "unhappy"): ["收到的商品坏了，很失望。", "快递太慢了，客服也不回复。"],
    ("zh", "mixed"): ["东西还行，就是配送有点慢。"],
}
# A low answer's "why" names what went wrong at that stage; other texts (improve, tell_more) follow the mood.
FOLLOW_UPS = {
    ("what_went_wrong", "en"): [
        "Checkout kept failing at payment, I had to try three times.",
        "The promo code did not work and the price went up at checkout.",
        "The website crashed when I tried to place the order.",
    ],
    ("what_went_wrong", "ru"): [
        "Не могу оформить заказ с первого раза, сайт вылетал.",
        "Промокод не сработал, при оплате цена выросла.",
    ],
    ("what_went_wrong", "zh"): ["下单的时候网站闪退了好几次。", "优惠码用不了，付款时价格变贵了。"],
    ("delivery_why", "en"): [
        "The box arrived damaged and one part was broken.",
        "Delivery was four days late and tracking never updated.",
        "The courier left the parcel in the rain, the packaging was soaked.",
    ],
    ("delivery_why", "ru"): [
        "Посылка пришла поврежденной, коробка смята.",
        "Доставка опоздала на неделю, трек не обновлялся.",
    ],
    ("delivery_why", "zh"): ["快递太慢了，晚了四天才到。", "包装压扁了，箱子也湿了。"],
    ("support_why", "en"): [
        "Support never replied to my emails about the broken part.",
        "The operator was rude and nobody can tell me where my refund is.",
    ],
    ("support_why", "ru"): ["Поддержка не отвечает уже неделю.", "Оператор нахамил, возврат так и не оформили."],
    ("support_why", "zh"): ["客服一直没人回，问题还是没解决。", "打了三次电话，客服什么都没做。"],
    ("nps_why", "en"): [
        "Too expensive for this quality.",
        "The product broke after two days and nobody helped.",
        "Delivery is far too slow, I will order elsewhere.",
    ],
    ("nps_why", "ru"): ["Слишком дорого для такого качества.", "Товар сломался через два дня."],
    ("nps_why", "zh"): ["价格太贵，质量不怎么样。", "东西用了两天就坏了。"],
}
SCORES = {"happy": (0.8, 1.0), "mixed": (0.45, 0.75), "unhappy": (0.0, 0.35)}
# Where things went wrong for a mixed or unhappy customer: they rate that stage low, the others middling,
# so the report has a stage that hurts most instead of the same figures everywhere.
PAINS = {"delivery": 4, "support": 2, "purchase": 2, "first_use": 1}
SUPPORT_CHAT, AGENT = -1000000000777, 999
APOLOGY = "Sorry about that! We are sending a replacement today, tracking number follows."


@dataclass
class Customer:
    """A simulated customer: who they are and how they feel."""

    user_id: int
    name: str
    language: str
    mood: str
    pain: str = ""  # the stage that went wrong for them; "" for a happy customer

    def feeling_at(self, stage: str) -> str:
        """How they rate a stage: NPS and how they heard of us follow their mood, the stage that hurt is low."""
        if stage in ("awareness", "loyalty") or self.mood == "happy":
            return self.mood
        return "unhappy" if stage == self.pain else "mixed"


async def act(
    emu: BotAPIEmulator, who: Customer, rng: random.Random, outros: set[str], stages: dict[str, str], after: int
) -> int:
    """Answer questions as they arrive until a survey's closing message; return the last message id seen.

    `stages` maps each question id to its journey stage."""
    while True:
        message = await emu.wait_for_bot_message(who.user_id, after=after, timeout=60)
        after = message["message_id"]
        if message.get("text") in outros:
            return after
        answers = [(answer, data) for _, data in emu.buttons(message) if (answer := callbacks.Answer.parse(data))]
        skips = [(skip, data) for _, data in emu.buttons(message) if (skip := callbacks.Skip.parse(data))]
        buttons = [data for _, data in answers]
        if answers:
            values = {answer.value: data for answer, data in answers}
            question_id = answers[0][0].question_id
            feeling = who.feeling_at(stages.get(question_id, ""))
            low, high = SCORES[feeling]
            if all(value.isdigit() for value in values):
                choice = buttons[min(len(buttons) - 1, int(rng.uniform(low, high) * len(buttons)))]
            elif "not_solved" in values:  # the support question
                outcome = "not_solved" if feeling == "unhappy" else rng.choices(["not_needed", "solved"], [3, 1])[0]
                choice = values[outcome]
            else:
                choice = rng.choice(buttons)
            emu.press_button(who.user_id, message["message_id"], choice)
        elif skips:  # a free-text question
            question_id = skips[0][0].question_id
            if rng.random() < 0.15:
                emu.press_button(who.user_id, message["message_id"], skips[0][1])
            else:
                emu.send_text(
                    who.user_id,
                    rng.choice(FOLLOW_UPS.get((question_id, who.language)) or WORDS[(who.language, who.mood)]),
                )


async def support_agent(emu: BotAPIEmulator, done: asyncio.Event) -> int:
    """Act as a support agent in the forum support chat: take each new card, answer the customer, resolve it."""
    after, handled = 0, 0
    while not done.is_set():
        try:
            card = await emu.wait_for_bot_message(
                SUPPORT_CHAT, lambda m: "Reply to this card" in m.get("text", ""), after=after, timeout=0.5
            )
        except TimeoutError:
            continue
        after = card["message_id"]
        actions = {c.action: data for _, data in emu.buttons(card) if (c := callbacks.Desk.parse(data))}
        if Action.TAKE not in actions:
            continue
        emu.press_button(AGENT, card["message_id"], actions[Action.TAKE], chat_id=SUPPORT_CHAT)
        emu.send_text(
            AGENT,
            APOLOGY,
            chat_id=SUPPORT_CHAT,
            reply_to_message_id=card["message_id"],
            message_thread_id=card.get("message_thread_id"),
        )
        emu.press_button(AGENT, card["message_id"], actions[Action.RESOLVE], chat_id=SUPPORT_CHAT, check=False)
        handled += 1
    return handled


async def confirm_fixes(emu: BotAPIEmulator, people: list[Customer], rng: random.Random) -> int:
    """Let customers answer "Was your issue resolved?", mostly yes."""
    answered = 0
    for who in people:
        for message in emu.bot_messages(who.user_id):
            asked = [c for _, data in emu.buttons(message) if (c := callbacks.Confirmation.parse(data))]
            if asked:
                answer = callbacks.Confirmation(asked[0].complaint_id, fixed=rng.random() < 0.75)
                emu.press_button(who.user_id, message["message_id"], answer.build())
                answered += 1
    return answered


async def run_demo(out: Path, customers: int = 36, first_week_delay: float = 3.0, seed: int = 7) -> Path:
    """Run the demo end to end and return the database path."""
    out.mkdir(parents=True, exist_ok=True)
    database = out / "journeypulse.sqlite3"
    for stale in out.glob("journeypulse.sqlite3*"):
        stale.unlink()
    rng = random.Random(seed)
    surveys = load_surveys()
    outros = {s.outro[lang] for s in surveys.values() for lang in s.outro}
    stages = {q.id: q.stage for s in surveys.values() for q in s.questions}
    token = f"{rng.randrange(10**8, 10**9)}:DEMO{secrets.token_hex(8)}"
    async with BotAPIEmulator(token=token, username=USERNAME) as emu:
        settings = load_settings(
            telegram_bot_token=token,
            telegram_api_base_url=emu.base_url,
            telegram_bot_username=USERNAME,
            database_path=database,
            deep_link_secret=secrets.token_urlsafe(32),
            first_week_delay=first_week_delay,
            reminder_delay=3600,
            quiet_hours="",
            scheduler_interval=0.5,
            support_chat_id=SUPPORT_CHAT,
            staff_user_ids=str(AGENT),
            telegram_rate_limit=False,  # the emulator has no flood limits to respect
        )
        emu.add_group(SUPPORT_CHAT, "Support desk", is_forum=True)
        emu.add_user(AGENT, "Sam")
        store = await Store.open(database)
        stop = asyncio.Event()
        bot = asyncio.create_task(run_bot(settings, surveys, stop, store=store))
        people = []
        for n in range(customers):
            language = rng.choices(["en", "ru", "zh"], weights=[3, 1, 1])[0]
            mood = rng.choices(["happy", "mixed", "unhappy"], weights=[5, 2, 2])[0]
            pain = "" if mood == "happy" else rng.choices(list(PAINS), list(PAINS.values()))[0]
            who = Customer(1000 + n, rng.choice(NAMES[language]), language, mood, pain)
            emu.add_user(who.user_id, who.name, language_code=language)
            people.append(who)
        print(f"Emulator on {emu.base_url.removesuffix('/bot')}; {customers} simulated customers start their surveys…")

        async def journey(who: Customer) -> None:
            _, link = await add_order(
                store, settings.secret("DEEP_LINK_SECRET"), USERNAME, f"DEMO-{who.user_id}", who.name, system_clock()
            )
            emu.send_text(who.user_id, f"/start {link.split('start=', 1)[1]}")
            last = await act(emu, who, rng, outros, stages, 0)
            await act(emu, who, rng, outros, stages, last)  # the first-week survey, after FIRST_WEEK_DELAY

        desk_done = asyncio.Event()
        agent = asyncio.create_task(support_agent(emu, desk_done))
        try:
            await asyncio.wait_for(asyncio.gather(*(journey(who) for who in people)), timeout=120 + first_week_delay)
            await asyncio.sleep(2.0)  # the last answers are read and flagged
            for _ in range(100):  # the last cards reach the desk and are resolved (at most 20 s more, when loaded)
                await asyncio.sleep(0.2)
                if not await store.cards_to_post(system_clock()) and not await store.open_complaints(limit=1):
                    break
            desk_done.set()
            handled = await agent
            await asyncio.sleep(0.5)
            confirmed = await confirm_fixes(emu, people, rng)
            for _ in range(50):  # let the desk post the customers' answers under the cards
                await asyncio.sleep(0.2)
                if not await store.notes_to_post(system_clock()) and not await store.stale_cards():
                    break
        finally:
            desk_done.set()
            stop.set()
            await bot
        print(
            f"Support desk: {handled} complaints taken, answered and resolved; {confirmed} customers answered whether it was fixed."
        )
        answers = await export_answers(store, out / "answers.csv")
        await store.close()
    print(f"Done: {answers} answers from {customers} customers, each answer committed as it arrived.")
    print(f"  database: {database}")
    print(f"  export:   {out / 'answers.csv'}")
    # The demo's answers all fall in the current ISO week, so that is the week worth reporting.
    report = await asyncio.to_thread(build_weekly_report, database, week_name(system_clock()), out / "report")
    print(f"  report:   {report}")
    print(f"Next: DATABASE_PATH={database} journeypulse export answers --out answers.csv")
    return database
