"""Chinese written in traditional characters ("還沒收到貨"), read as the simplified text the readers learnt."""

from __future__ import annotations

import re
from functools import cache

import opencc

# Any CJK ideograph; a text without one is returned as it is, without loading the converter.
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _converter() -> opencc.OpenCC:
    """OpenCC's traditional-to-simplified converter, loaded on first use."""
    return opencc.OpenCC("t2s")


def in_simplified(text: str) -> str:
    """The text with its traditional Chinese characters as simplified ones; simplified text comes back unchanged."""
    return _converter().convert(text) if _HAN.search(text) else text
