"""Recognising text that is not a question about the call, or that gives orders.

Used on questions (which then get an abstention) and on corpus sentences (an
uploaded document may carry instructions aimed at the assistant: they are
never quoted as answers, and a generated answer that cites them is refused).
"""

from __future__ import annotations

import re

# Orders addressed to an assistant, in a question or hidden in a document.
_INSTRUCTION = re.compile(
    r"ignore[rz]?\s+(?:tes|vos|les|toutes?\s+(?:les|tes|vos))?\s*(?:instructions|consignes|règles)"
    r"|oublie[rz]?\s+(?:tes|vos|les|toutes?\s+les)\s+(?:instructions|consignes|règles)"
    r"|prompt\s+(?:système|system)|system\s+prompt|ignore (?:all|previous|the above)"
    r"|tu es (?:maintenant|désormais)|\bpretend\s+as\b|jailbreak|mode développeur"
    # "Act as a lawyer", "you will now act as…"; not a body that may "act as the lead".
    r"|(?:^|[.!?;:]\s*|\b(?:you|please|now)\s+(?:to\s+|will\s+|must\s+)?)act\s+as\b"
    r"|\bréponds?\s+(?:uniquement|seulement|toujours|que)\b"
    # Told to assert, not someone reported asserting ("Quelqu'un au CA affirme que…").
    r"|(?:^|[.!?;:]\s*|\b(?:et|puis|stp|svp|please)\s+)affirme[rz]?\s+que\b"
    r"|\bne\s+cite[rz]?\s+aucune\s+source"
    # Text that speaks to or about AI assistants has no place in the call's documents.
    r"|\bla bonne réponse est\b|\bassistants?\s+(?:numériques?|virtuels?|conversationnels?)"
    r"|\bchatbots?\b|\bintelligences?\s+artificielles?\b|\bmodèles?\s+de\s+langue\b"
    r"|\bLLMs?\b",
    re.I,
)
_CODE_REQUEST = re.compile(
    r"\b(?:écri[st]|écrire|génère|code|coder|programme[rz]?|script|fonction)\b.{0,40}"
    r"\b(?:python|javascript|java|sql|bash|html|css|code|script|fonction|programme)\b"
    r"|\b(?:write|generate)\b.{0,30}\b(?:code|function|script|program)\b",
    re.I,
)
# Code pasted as a question (SQL, shell, HTML, template syntax).
_CODE_INPUT = re.compile(
    r"\bselect\b.{1,80}\bfrom\b|\b(?:drop|truncate)\s+table\b|\brm\s+-rf\b|<\s*/?\s*script"
    r"|\bsudo\b|\bcurl\s+http|\$\(|`[^`]+`|;\s*--"
    r"|<%.*?%>|\{\{.*?\}\}|[#$]\{.*?\}",
    re.I | re.S,
)
_CHITCHAT = re.compile(
    r"^(?:bonjour|bonsoir|salut|coucou|hello|hi|merci|ça va|ca va|comment (?:ça|ca) va"
    r"|qui es-tu|tu vas bien|au revoir|bonne journée)[\s,!?.]*"
    r"(?:(?:ça|ca) va|merci|beaucoup|à (?:toi|vous))?[\s,!?.]*$",
    re.I,
)


def is_instruction(text: str) -> bool:
    """Whether ``text`` gives orders to an assistant."""
    return bool(_INSTRUCTION.search(text))


def blocked_reason(question: str) -> str | None:
    """Why a question is out of scope whatever the corpus says, or None."""
    if is_instruction(question):
        return "injection"
    if _CODE_REQUEST.search(question) or _CODE_INPUT.search(question):
        return "code"
    if _CHITCHAT.match(question.strip()):
        return "chitchat"
    return None
