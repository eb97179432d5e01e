"""The text catalogue: every sentence the bot says, in English, Russian and Chinese."""

from __future__ import annotations

from html import escape

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Hi {name}! 👋",
        "welcome": "Hi! I collect feedback for our shop. Please open the personal link you received with your order to start.",
        "invalid_link": "Sorry, this link isn't valid or has expired. Please use the link from your order confirmation, or ask the shop for a new one.",
        "foreign_link": "This link belongs to another customer's order, so I can't use it for you. Please use the link you received with your own order.",
        "resumed": "Welcome back! Let's continue where we left off.",
        "already_done": "You've already answered this survey, thank you! I'll be in touch about a week after your purchase.",
        "no_survey": "Thanks for your message! There's no survey running right now. I'll write when there is. Type /help to see what I can do.",
        "use_buttons": "Please choose one of the buttons below.",
        "use_text": "Please answer this one in a message of your own words.",
        "unsupported": "Sorry, I can only read text and button presses here.",
        "not_yours": "This button isn't available to you.",
        "stale": "That question is no longer open. Here's where we are:",
        "finished": "This survey is finished, thank you!",
        "already_recorded": "Already recorded, thank you!",
        "recorded": "Thanks!",
        "skip": "Skip ⏭",
        "skipped": "skipped",
        "your_answer": "Your answer: {answer}",
        "reminder": "A gentle reminder: your answers help us a lot. It takes under a minute.",
        "help": "I ask a few short questions after your purchase and once more about a week later.\n\n/language: change language\n/stop: no more surveys\n/help: this message\n\nYour answers are stored by the shop to improve its service.",
        "stopped": "Done. I won't send you any more surveys. If you change your mind, open your order link again.",
        "language_prompt": "Choose your language:",
        "language_set": "Language set to English.",
        "unknown_button": "Sorry, I don't recognise that button.",
        "error": "Sorry, something went wrong on my side. Your answers so far are saved; please try again in a moment.",
    },
    "ru": {
        "greeting": "Здравствуйте, {name}! 👋",
        "welcome": "Здравствуйте! Я собираю отзывы для нашего магазина. Чтобы начать, откройте персональную ссылку, которую вы получили с заказом.",
        "invalid_link": "К сожалению, эта ссылка недействительна или устарела. Используйте ссылку из подтверждения заказа или попросите магазин прислать новую.",
        "foreign_link": "Эта ссылка относится к заказу другого покупателя, поэтому я не могу использовать её для вас. Используйте ссылку из вашего заказа.",
        "resumed": "С возвращением! Продолжим с того места, где остановились.",
        "already_done": "Вы уже ответили на этот опрос, спасибо! Я напишу примерно через неделю после покупки.",
        "no_survey": "Спасибо за сообщение! Сейчас опроса нет, я напишу, когда он появится. Наберите /help, чтобы узнать, что я умею.",
        "use_buttons": "Пожалуйста, выберите одну из кнопок ниже.",
        "use_text": "На этот вопрос ответьте, пожалуйста, сообщением своими словами.",
        "unsupported": "Извините, здесь я понимаю только текст и нажатия кнопок.",
        "not_yours": "Эта кнопка вам недоступна.",
        "stale": "Этот вопрос уже закрыт. Вот где мы сейчас:",
        "finished": "Этот опрос завершён, спасибо!",
        "already_recorded": "Уже записано, спасибо!",
        "recorded": "Спасибо!",
        "skip": "Пропустить ⏭",
        "skipped": "пропущено",
        "your_answer": "Ваш ответ: {answer}",
        "reminder": "Небольшое напоминание: ваши ответы нам очень помогают. Это займёт меньше минуты.",
        "help": "Я задаю несколько коротких вопросов после покупки и ещё раз примерно через неделю.\n\n/language — сменить язык\n/stop — больше не присылать опросы\n/help — эта справка\n\nВаши ответы хранит магазин, чтобы улучшать сервис.",
        "stopped": "Готово. Я больше не буду присылать опросы. Если передумаете, снова откройте ссылку из заказа.",
        "language_prompt": "Выберите язык:",
        "language_set": "Язык: русский.",
        "unknown_button": "Извините, я не знаю эту кнопку.",
        "error": "Извините, у меня что-то пошло не так. Ваши ответы сохранены; попробуйте ещё раз чуть позже.",
    },
    "zh": {
        "greeting": "{name}，您好！👋",
        "welcome": "您好！我为我们的商店收集反馈。请打开您随订单收到的专属链接开始。",
        "invalid_link": "抱歉，此链接无效或已过期。请使用订单确认中的链接，或联系商店获取新链接。",
        "foreign_link": "此链接属于其他顾客的订单，无法为您使用。请使用您自己订单中的链接。",
        "resumed": "欢迎回来！我们从上次停下的地方继续。",
        "already_done": "您已经回答过这份问卷，谢谢！购买大约一周后我会再联系您。",
        "no_survey": "感谢您的消息！目前没有进行中的问卷，有的时候我会通知您。输入 /help 查看我能做什么。",
        "use_buttons": "请选择下面的一个按钮。",
        "use_text": "这个问题请用您自己的话发消息回答。",
        "unsupported": "抱歉，这里我只能读取文字和按钮。",
        "not_yours": "您无法使用这个按钮。",
        "stale": "这个问题已经结束。我们现在到这里：",
        "finished": "这份问卷已完成，谢谢！",
        "already_recorded": "已记录，谢谢！",
        "recorded": "谢谢！",
        "skip": "跳过 ⏭",
        "skipped": "已跳过",
        "your_answer": "您的回答：{answer}",
        "reminder": "温馨提醒：您的回答对我们很有帮助，不到一分钟即可完成。",
        "help": "购买后我会问几个简短的问题，大约一周后再问一次。\n\n/language：切换语言\n/stop：不再接收问卷\n/help：显示此帮助\n\n您的回答由商店保存，用于改进服务。",
        "stopped": "好的，我不会再向您发送问卷。如果您改变主意，请再次打开订单链接。",
        "language_prompt": "请选择语言：",
        "language_set": "语言已设置为中文。",
        "unknown_button": "抱歉，我不认识这个按钮。",
        "error": "抱歉，我这边出了点问题。您的回答已保存，请稍后再试。",
    },
}

LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "zh": "中文"}


def text(language: str, key: str, **values: object) -> str:
    """Return a catalogue sentence in the language (English fallback), with values HTML-escaped."""
    template = TEXTS.get(language, TEXTS["en"]).get(key) or TEXTS["en"][key]
    return template.format(**{name: escape(str(value)) for name, value in values.items()})
