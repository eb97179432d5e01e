"""Each language's cue module (english_cues, russian_cues, chinese_cues), its cues looked up by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

_MODULES = {"en": "analysis.english_cues", "ru": "analysis.russian_cues", "zh": "analysis.chinese_cues"}


@cache
def _cue(language: str, name: str) -> Callable[[str], bool] | None:
    """The language's cue function called `name`, its module imported on first use; None when it has no such cue."""
    module = _MODULES.get(language)
    return getattr(importlib.import_module(module), name, None) if module is not None else None


def holds(name: str, text: str, language: str) -> bool:
    """Whether the language's cue `name` ("plain_fact", "sarcastic", "hedged", ...) holds for the text; False without it."""
    cue = _cue(language, name)
    return cue is not None and cue(text)
