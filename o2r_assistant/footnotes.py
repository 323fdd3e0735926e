"""One numbering of the sources across several answers.

A reply draft answers each question of an e-mail, and the chat each question of
a message that asks several: their quotes are numbered once across the whole
text, and a quote already given is pointed to instead of repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .answer import Answer, Citation

ALREADY_QUOTED = "Le passage cité plus haut {markers} répond aussi à cette question."
ALREADY_QUOTED_EN = "The passage quoted above {markers} answers this question too."
_MARKER = re.compile(r"\[(\d+)\]")
_QUOTED = re.compile(r"«(.*)»", re.S)


@dataclass
class Footnotes:
    """The sources numbered so far, and the quotes already given."""

    numbers: dict[str, int] = field(default_factory=dict)  # chunk id -> number
    citations: list[Citation] = field(default_factory=list)
    quoted: dict[str, str] = field(default_factory=dict)  # quote -> its markers

    def paragraphs(
        self,
        answer: Answer,
        *,
        findings: bool = False,
        lead_only: bool = False,
        english: bool = False,
    ) -> list[str]:
        """The answer's quotes not given yet, renumbered; else a pointer to the earlier one.

        ``findings``: keep the checker's paragraph (a draft gives it in its own block).
        ``lead_only``: only the answer's first quote. ``english``: the pointer in English.
        """
        chunk_of = {c.n: c.chunk_id for c in answer.citations}
        skip = None if findings else answer.verdict
        kept: list[str] = []
        repeated: str | None = None
        quotes = 0
        for part in answer.text.split("\n\n"):
            if part == skip:
                continue
            marked = {int(n) for n in _MARKER.findall(part)}
            if marked:
                quotes += 1
                if lead_only and quotes > 1:
                    continue
            # The same words between quotation marks are the same quote, whatever the lead;
            # a quote inside one already given (or holding it) repeats it too.
            quoted = _QUOTED.search(part) if marked else None
            key = quoted[1].strip() if quoted else part
            given = next((q for q in self.quoted if key in q or q in key), None) if marked else None
            if given is not None:
                repeated = repeated or self.quoted[given]
                continue
            for citation in answer.citations:
                if citation.n in marked:
                    self._keep(citation)
            text = _MARKER.sub(lambda m: f"[{self.numbers[chunk_of[int(m[1])]]}]", part)
            if marked:
                self.quoted[key] = " ".join(dict.fromkeys(m[0] for m in _MARKER.finditer(text)))
            kept.append(text)
        if not kept and repeated:
            return [(ALREADY_QUOTED_EN if english else ALREADY_QUOTED).format(markers=repeated)]
        return kept

    def _keep(self, citation: Citation) -> None:
        """Number the citation's passage if new, and keep the citation once."""
        n = self.numbers.setdefault(citation.chunk_id, len(self.numbers) + 1)
        renumbered = replace(citation, n=n)
        if renumbered not in self.citations:
            self.citations.append(renumbered)
