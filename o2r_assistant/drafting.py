"""Reply drafts for support staff: a candidate's e-mail in, a French reply out.

Each question of the e-mail gets its own short paragraph and quotes; footnotes
are numbered once across the draft and no passage is quoted twice. When the
e-mail states facts about the project, the checker's findings follow, then a
request for the missing facts that the stated ones make relevant (partners but
no chef de file, a budget but no duration…). Nothing is sent: staff edit the
text and copy it or download it (.md or .docx). Every download is marked
« Brouillon — non envoyé » (first line of the .md, header of every .docx page):
staff remove the mark when they send the reply themselves.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .answer import Answer, Citation, source_lines
from .assistant import Assistant
from .facts import extract_facts
from .footnotes import Footnotes
from .missing import fact_requests
from .question import questions_of
from .report import STATUS_FR, CheckReport
from .sanitize import clean_text

GREETING = "Bonjour,"
INTRO = (
    "Merci pour votre message et pour l'intérêt que vous portez à l'appel à manifestation "
    "d'intérêt « Offre de repérage et de remobilisation » (O2R) en Pays de la Loire. "
    "Voici les éléments de réponse tirés des textes de l'appel."
)
QUESTION_LEAD = "Concernant votre question « {question} » :"
NO_ANSWER = (
    "Les textes de l'appel (AMI O2R Pays de la Loire, loi n° 2023-1196 article 7, décret "
    "n° 2024-584 et arrêté du 26 juin 2024) ne traitent pas directement de votre question : "
    "elle appelle un examen particulier par nos services."
)
FINDINGS_INTRO = "Au vu des éléments indiqués dans votre message :"
REQUESTS_INTRO = "Pour compléter l'examen de votre projet, pourriez-vous nous préciser :"
DISCLAIMER = (
    "Ces éléments sont donnés à titre indicatif : seule l'instruction de votre dossier "
    "permet de statuer sur son éligibilité."
)
CLOSING = "Cordialement,"
SIGNATURE = "Les services de la DREETS Pays de la Loire"
SOURCES_HEADING = "Sources :"
DRAFT_MARK = "Brouillon — non envoyé"


@dataclass(frozen=True)
class Draft:
    """A reply draft: its text, and the questions, answers and findings it was built from."""

    text: str
    questions: tuple[str, ...]
    answers: tuple[Answer, ...]  # one per question
    citations: tuple[Citation, ...]  # numbered as in the text
    findings: CheckReport | None

    @property
    def question(self) -> str:
        """What the assistant was asked, in one line."""
        return " ".join(self.questions)


def start_of(email_text: str, max_chars: int) -> str:
    """What to ask when no sentence asks anything: the e-mail's start, cut at a word."""
    text = " ".join(email_text.split())
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] or text[:max_chars]
    return text


def _findings_lines(report: CheckReport) -> list[str]:
    lines = [FINDINGS_INTRO, "", report.summary_fr(), ""]
    for r in report.results:
        if r.status != "missing":
            lines.append(f"- {r.label} ({STATUS_FR[r.status]}) : {r.explanation}")
    return lines


def _requests_lines(requests: list[str]) -> list[str]:
    last = len(requests) - 1
    return [
        REQUESTS_INTRO,
        "",
        *(f"- {r}{'.' if i == last else ' ;'}" for i, r in enumerate(requests)),
    ]


def draft_reply(email_text: str, assistant: Assistant) -> Draft:
    """Draft a French reply to a candidate's e-mail; deterministic for one corpus."""
    email_text = clean_text(email_text)
    asked = questions_of(email_text)
    questions = asked or [start_of(email_text, assistant.settings.max_question_chars)]
    # The facts are read once, from the whole e-mail, and shared by every question.
    facts = extract_facts(email_text)
    dossier = None if facts.is_empty() else facts
    answers: list[Answer] = []
    for i, q in enumerate(questions):
        # The questions before serve as history: "Et la durée ?" continues the one before.
        previous = answers[-1] if answers else None
        answers.append(
            assistant.ask(q, questions[:i], dossier=dossier, read_facts=False, previous=previous)
        )
    findings = answers[0].findings
    footnotes = Footnotes()
    lines = [GREETING, "", INTRO]
    for question, answer in zip(questions, answers, strict=True):
        body = NO_ANSWER if answer.abstained else "\n".join(footnotes.paragraphs(answer))
        lead = [QUESTION_LEAD.format(question=question)] if asked else []
        lines += ["", "\n".join([*lead, body])]
    if findings is not None and dossier is not None:
        lines += ["", *_findings_lines(findings)]
        requests = fact_requests(findings, dossier)
        if requests:
            lines += ["", *_requests_lines(requests)]
    lines += ["", DISCLAIMER, "", CLOSING, "", SIGNATURE]
    if footnotes.citations:
        lines += ["", SOURCES_HEADING, *source_lines(footnotes.citations)]
    text = "\n".join(lines).strip() + "\n"
    return Draft(text, tuple(questions), tuple(answers), tuple(footnotes.citations), findings)


def draft_to_markdown(draft: Draft) -> str:
    """The draft's text to download as Markdown, its first line the draft mark."""
    return f"**{DRAFT_MARK}**\n\n{draft.text}"


def draft_to_docx(draft: Draft) -> bytes:
    """The draft's text as a Word document: one paragraph per block, bullets kept,
    and the draft mark in the header of every page."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    document.sections[0].header.paragraphs[0].add_run(DRAFT_MARK).bold = True
    # python-docx refuses control characters, which staff may paste into the draft.
    for block in re.split(r"\n\s*\n", clean_text(draft.text).strip()):
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
