"""Text made safe for Streamlit Markdown: user and corpus text is shown, never interpreted.

Every ASCII punctuation character is backslash-escaped, so no Markdown, HTML,
Streamlit directive (``:red[…]``, ``:material/…:``) or ``$`` math can be
injected; only the markup these helpers add themselves is live. Addresses that
Markdown would link by itself (``http://…``, ``www.…``, e-mail addresses, with
or without ``mailto:``) get an invisible word joiner that stops it: escapes do
not, as the autolinker reads the text once escapes are resolved. So the only
links are the official source links the app builds (:func:`safe_url`).

:func:`plain_markdown` cleans Markdown meant to stay Markdown (the draft
download) the same way: no image, HTML, link or automatic link but the ones
given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .sanitize import clean_text

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+\Z")
WORD_JOINER = "\u2060"
# Where GFM's autolinker starts a link: a scheme before ":", "www" before ".", "@".
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)|(?=@)")


def unlinked(text: str) -> str:
    """``text`` with a word joiner where Markdown would start an automatic link."""
    return _AUTOLINK.sub(lambda m: m.group() + WORD_JOINER, text)


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", unlinked(text))


def _lines(text: str) -> str:
    # Leading spaces would start a code block; a single newline would be lost.
    return "  \n".join(line.strip() for line in text.splitlines())


def md_text(text: object) -> str:
    """Any text made safe for st.markdown: shown literally, line breaks kept."""
    return _lines(_escape(str(text)))


def highlighted(passage: str, quotes: list[str]) -> str:
    """The passage as safe Markdown, with each quoted sentence highlighted."""
    spans = sorted((start, start + len(q)) for q in quotes if q and (start := passage.find(q)) >= 0)
    out, position = [], 0
    for start, end in spans:
        if start < position:  # overlapping quotes: the first one wins
            continue
        out.append(_escape(passage[position:start]))
        out.append(f":orange-background[{_escape(passage[start:end])}]")
        position = end
    out.append(_escape(passage[position:]))
    return _lines("".join(out))


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link that cannot break out of ``[text](url)``."""
    return url if url and _SAFE_URL.match(url) else None


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
# A link's URL may hold one level of parentheses: [x](javascript:alert(1)).
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*)?\)")
# "[1]" footnote markers stay as they are; other brackets and "<" are escaped.
_LIVE = re.compile(r"(\[\d{1,3}\](?![(\[:]))|([\[\]<])")


def _inert(text: str) -> str:
    text = _LIVE.sub(lambda m: m.group(1) or "\\" + m.group(2), text)
    return unlinked(text)


def plain_markdown(text: str, links: Iterable[str] = ()) -> str:
    """Markdown whose only links are ``links`` (safe http(s) URLs), as links or bare.

    Images become their alternative text, other links their text; HTML, other
    bracket syntax and automatic links are made inert; non-printable characters go.
    """
    kept = sorted({url for url in links if safe_url(url)}, key=len, reverse=True)
    text = _IMAGE.sub(r"\1", clean_text(text))
    text = _LINK.sub(lambda m: m.group(0) if m.group(2) in kept else m.group(1), text)
    if not kept:
        return _inert(text)
    urls = "|".join(re.escape(url) for url in kept)
    protected = re.compile(rf"(\[[^\]\[]*\]\((?:{urls})\)|(?<![\w/])(?:{urls})(?![\w/?#&=.%-]))")
    parts = protected.split(text)
    return "".join(part if i % 2 else _inert(part) for i, part in enumerate(parts))
