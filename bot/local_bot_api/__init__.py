"""A local stand-in for the Telegram Bot API over real HTTP, for the demo, the tests and the benchmarks."""

from bot.local_bot_api.server import BotAPIEmulator, BotAPIError

__all__ = ["BotAPIEmulator", "BotAPIError"]
