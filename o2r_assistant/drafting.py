"""Reply drafts for support staff: a candidate's e-mail in, a French reply out.

The draft quotes the corpus with numbered footnotes and, when the e-mail states
facts about the project, adds the checker's findings. Nothing is sent: staff
edit the text and copy it or download it (.md or .docx).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .answer import Answer
from .assistant import Assistant
from .report import STATUS_FR, CheckReport

GREETING = "Bonjour,"
INTRO = (
    "Merci pour votre message et pour l'intérêt que vous portez à l'appel à manifestation "
    "d'intérêt « Offre de repérage et de remobilisation » (O2R) en Pays de la Loire. "
    "Voici les éléments de réponse tirés des textes de l'appel."
)
NO_ANSWER = (
    "Les textes de l'appel (AMI O2R Pays de la Loire, loi n° 2023-1196 article 7, décret "
    "n° 2024-584 et arrêté du 26 juin 2024) ne traitent pas directement de votre question : "
    "elle appelle un examen particulier par nos services."
)
FINDINGS_INTRO = "Au vu des éléments indiqués dans votre message :"
DISCLAIMER = (
    "Ces éléments sont donnés à titre indicatif : seule l'instruction de votre dossier "
    "permet de statuer sur son éligibilité."
)
CLOSING = "Cordialement,"
SIGNATURE = "Les services de la DREETS Pays de la Loire"
SOURCES_HEADING = "Sources :"

_QUESTION = re.compile(r"[^.!?\n]*\?")


@dataclass(frozen=True)
class Draft:
    """A reply draft: its text, and the answer and findings it was built from."""

    text: str
    answer: Answer
    findings: CheckReport | None
    question: str


def question_of(email_text: str, max_chars: int) -> str:
    """What to ask the assistant: the e-mail's question sentences, else its start."""
    questions = [q.strip() for q in _QUESTION.findall(email_text)]
    questions = [q for q in questions if re.search(r"\w", q)]
    text = " ".join(questions) if questions else " ".join(email_text.split())
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] or text[:max_chars]
    return text


def _findings_lines(report: CheckReport) -> list[str]:
    lines = [FINDINGS_INTRO, "", report.summary_fr(), ""]
    for r in report.results:
        if r.status != "missing":
            lines.append(f"- {r.label} ({STATUS_FR[r.status]}) : {r.explanation}")
    return lines


def _sources_lines(answer: Answer) -> list[str]:
    return [SOURCES_HEADING, *answer.sources_markdown().splitlines()]


def draft_reply(email_text: str, assistant: Assistant) -> Draft:
    """Draft a French reply to a candidate's e-mail; deterministic for one corpus."""
    question = question_of(email_text, assistant.settings.max_question_chars)
    answer = assistant.ask(question, message=email_text)
    findings = answer.findings
    lines = [GREETING, "", INTRO, ""]
    lines.append(NO_ANSWER if answer.abstained else answer.text)
    if findings is not None:
        lines += ["", *_findings_lines(findings)]
    lines += ["", DISCLAIMER, "", CLOSING, "", SIGNATURE]
    if answer.citations:
        lines += ["", *_sources_lines(answer)]
    return Draft("\n".join(lines).strip() + "\n", answer, findings, question)


def draft_to_docx(draft: Draft) -> bytes:
    """The draft's text as a Word document: one paragraph per block, bullets kept."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    for block in re.split(r"\n\s*\n", draft.text.strip()):
        lines = block.splitlines()
        if all(line.startswith("- ") for line in lines):
            for line in lines:
                document.add_paragraph(line[2:], style="List Bullet")
        elif lines and lines[0] == SOURCES_HEADING:
            document.add_paragraph().add_run(SOURCES_HEADING).bold = True
            for line in lines[1:]:
                document.add_paragraph(line).paragraph_format.space_after = Pt(2)
        else:
            paragraph = document.add_paragraph()
            for i, line in enumerate(lines):
                run = paragraph.add_run(line)
                if i < len(lines) - 1:
                    run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
