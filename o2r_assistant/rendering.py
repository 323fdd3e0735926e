"""Text made safe for Streamlit Markdown: user and corpus text is shown, never interpreted.

Every ASCII punctuation character is backslash-escaped, so no Markdown, HTML,
Streamlit directive (``:red[…]``, ``:material/…:``) or ``$`` math can be
injected; only the markup these helpers add themselves is live.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`\\]+\Z")


def _escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


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
