"""Telegram side of journeypulse: the Application, handlers, texts, CLI and the local Bot API emulator."""
