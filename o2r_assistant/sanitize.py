"""Non-printable characters removed from text where it enters the program.

Questions, e-mails, feedback, uploaded question sets and drafts go through
:func:`clean_text` before they are stored, written as YAML or XML (python-docx),
or shown. It keeps what a person types: letters of any script, emoji, tabs and
line breaks.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and newline: a space, as they may stand between words.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Zero-width space and bidirectional controls (not the joiners of emoji and scripts);
# the word joiner and invisible operators (the app inserts U+2060 to break automatic
# links: pasted back, it goes); the BOM; lone surrogates; the non-characters U+FFFE
# and U+FFFF. XML 1.0 (docx) and YAML refuse most of these and the controls, and none
# is typed on purpose.
_INVISIBLE = re.compile(
    "[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\ufffe\uffff\ud800-\udfff]"
)
_LINE_ENDS = re.compile(r"\r\n?")


def clean_text(text: str) -> str:
    """``text`` in NFC with Unix line ends and no non-printable character."""
    text = _LINE_ENDS.sub("\n", unicodedata.normalize("NFC", text))
    return _INVISIBLE.sub("", _CONTROLS.sub(" ", text))


def clean_optional(text: str | None) -> str | None:
    """:func:`clean_text`, stripped; None for None or a text left blank."""
    if text is None:
        return None
    return clean_text(text).strip() or None
