"""Minutes are rich text: HTML from the editor, cleaned by a maintained sanitizer (nh3, Ammonia) before it is kept."""

from __future__ import annotations

import html
import re

import nh3

# What an editor of minutes produces: structure, emphasis, lists, tables, links. No images, styles or scripts.
TAGS = {"p", "br", "h1", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "blockquote",
        "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "code", "pre", "hr", "span", "div", "mark"}
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}, "ol": {"start"}}


def clean(value: str) -> str:
    """The HTML with only what minutes may hold; links open safely (http, https, mailto)."""
    return nh3.clean(value, tags=TAGS, attributes=ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer").strip()


_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|tr|blockquote|pre)>|<br\s*/?>", re.IGNORECASE)


def plain(value: str) -> str:
    """The text of clean HTML, blocks on their own lines (for search and plain-text exports)."""
    text = _BLOCK_END.sub("\n", value)
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
