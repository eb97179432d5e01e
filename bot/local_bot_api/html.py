"""Telegram's HTML formatting subset parsed into text and entities, with Telegram's offsets and errors."""

from __future__ import annotations

import re
from typing import Any


class HTMLParseError(ValueError):
    """Text that Telegram would refuse with 400 "can't parse entities"."""


_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_HTML_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);")
_HTML_START_TAG = re.compile(r"([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^>]*)?)$", re.S)
_HTML_ATTR = re.compile(r"""\s*([a-zA-Z_-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?""")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


def parse_html(source: str) -> tuple[str, list[dict]]:
    """Parse Telegram's HTML subset into (text, entities), raising HTMLParseError where the real server refuses."""
    pieces: list[str] = []
    length = 0  # of the text so far, in UTF-16 code units, which is how Telegram counts offsets
    stack: list[dict] = []
    entities: list[dict] = []
    index = 0

    def fail(detail: str) -> HTMLParseError:
        return HTMLParseError(f"can't parse entities: {detail}")

    while index < len(source):
        char = source[index]
        if char == "&":
            match = _HTML_ENTITY.match(source, index)
            decoded = _decode_html_entity(match.group(1)) if match else None
            if match is None or decoded is None:
                # Stricter than Telegram, which keeps a bare '&' literally: unescaped user text must not slip by.
                raise fail(f"Unsupported HTML entity or unescaped '&' at byte offset {_byte_offset(source, index)}")
            pieces.append(decoded)
            length += utf16_len(decoded)
            index = match.end()
            continue
        if char != "<":
            pieces.append(char)
            length += utf16_len(char)
            index += 1
            continue
        offset = _byte_offset(source, index)
        end = source.find(">", index)
        if end == -1:
            raise fail(f"Unclosed start tag at byte offset {offset}")
        body = source[index + 1 : end]
        index = end + 1
        if body.startswith("/"):
            name = body[1:].strip().lower()
            if not stack:
                raise fail(f"Unexpected end tag at byte offset {offset}")
            open_tag = stack.pop()
            if open_tag["tag"] != name:
                raise fail(
                    f'Unmatched end tag at byte offset {offset}, expected "</{open_tag["tag"]}>", found "</{name}>"'
                )
            _close_html_tag(open_tag, length, stack, entities)
            continue
        match = _HTML_START_TAG.match(body)
        name = match.group(1).lower() if match else body.split(" ", 1)[0]
        if not match or name not in _HTML_TAGS:
            raise fail(f'Unsupported start tag "{name}" at byte offset {offset}')
        attrs = {
            m.group(1).lower(): _unescape_attribute(next((g for g in m.group(2, 3, 4) if g is not None), ""))
            for m in _HTML_ATTR.finditer(match.group(2))
            if m.group(1)
        }
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise fail(f'Unsupported start tag "span" at byte offset {offset}')
        stack.append({"tag": name, "offset": length, "attrs": attrs})
    if stack:
        raise fail(f"Can't find end tag corresponding to start tag {stack[-1]['tag']}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(pieces), entities


def _decode_html_entity(name: str) -> str | None:
    if name.startswith(("#x", "#X")):
        code = int(name[2:], 16)
    elif name.startswith("#"):
        code = int(name[1:])
    else:
        return _HTML_NAMED_ENTITIES.get(name)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else None


def _unescape_attribute(value: str) -> str:
    return _HTML_ENTITY.sub(lambda m: _decode_html_entity(m.group(1)) or m.group(0), value)


def _close_html_tag(tag: dict, end: int, stack: list[dict], entities: list[dict]) -> None:
    kind, attrs = _HTML_TAGS[tag["tag"]], tag["attrs"]
    language = attrs.get("class", "")
    if kind == "code" and stack and stack[-1]["tag"] == "pre" and language.startswith("language-"):
        stack[-1]["language"] = language.removeprefix("language-")  # <pre><code class=...> is one pre entity
        return
    if end == tag["offset"]:
        return  # Telegram drops empty entities
    entity: dict[str, Any] = {"type": kind, "offset": tag["offset"], "length": end - tag["offset"]}
    if kind == "text_link":
        if not attrs.get("href"):
            return
        entity["url"] = attrs["href"]
    elif kind == "pre" and tag.get("language"):
        entity["language"] = tag["language"]
    elif kind == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    entities.append(entity)


def strip_text(text: str, entities: list[dict]) -> tuple[str, list[dict]]:
    """Trim surrounding whitespace as Telegram does, clipping entities to what remains."""
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    stripped = text.strip()
    size = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, size)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept
