"""Tests for the local Bot API's parser of Telegram's HTML subset."""

from __future__ import annotations

import pytest

from bot.local_bot_api.html import HTMLParseError, parse_html, strip_text, utf16_len


def test_tags_become_entities_with_utf16_offsets():
    text, entities = parse_html('😀 <b>bold</b> &amp; <a href="https://x.example/?a=1&amp;b=2">link</a>')
    assert text == "😀 bold & link"
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "offset": 10, "length": 4, "url": "https://x.example/?a=1&b=2"},
    ]
    assert utf16_len("😀") == 2


def test_pre_with_language_is_one_entity_and_empty_tags_are_dropped():
    text, entities = parse_html('<pre><code class="language-python">x = 1</code></pre><i></i>')
    assert text == "x = 1"
    assert entities == [{"type": "pre", "offset": 0, "length": 5, "language": "python"}]


@pytest.mark.parametrize(
    "source, detail",
    [
        ("a < b", "Unclosed start tag"),
        ("<b>open", "Can't find end tag"),
        ("<b>x</i>", "Unmatched end tag"),
        ("<script>x</script>", 'Unsupported start tag "script"'),
        ("fish & chips", "unescaped '&'"),
        ("</b>", "Unexpected end tag"),
        ('<span class="x">y</span>', 'Unsupported start tag "span"'),
    ],
)
def test_what_telegram_refuses_raises_with_its_detail(source, detail):
    with pytest.raises(HTMLParseError, match="can't parse entities") as error:
        parse_html(source)
    assert detail in str(error.value)


def test_strip_text_trims_and_clips_entities():
    text, entities = strip_text("  hi there ", [{"type": "bold", "offset": 0, "length": 5}])
    assert text == "hi there"
    assert entities == [{"type": "bold", "offset": 0, "length": 3}]
