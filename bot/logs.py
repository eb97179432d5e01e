"""Logging set-up that never lets a secret (the bot token) reach any output."""

from __future__ import annotations

import logging
from urllib.parse import quote

REDACTED = "[TELEGRAM_BOT_TOKEN]"


class SecretRedactor(logging.Filter):
    """Replace every secret in a record's message, arguments and traceback before it is written."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        # The token also travels percent-encoded in URLs (':' → %3A).
        forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""), quote(secret))}
        self.secrets = sorted(forms, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """The text with every secret replaced."""
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format string: leave it to logging's own error report
            return True
        record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def redact_secrets(*secrets: str | None) -> None:
    """Attach a redactor to every handler of the root logger, so records from any library pass it."""
    redactor = SecretRedactor([s for s in secrets if s])
    for handler in logging.getLogger().handlers:
        handler.addFilter(redactor)
