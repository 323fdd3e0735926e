"""Validated answers in files: YAML import and export, and regression cases.

The YAML format (one list of answers, by id) is for version control and for
moving answers between installations; ``regression_cases`` turns the published
answers into a question set for ``o2r eval``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import ValidatedAnswerError
from .validated import (
    MAX_AUTHOR_CHARS,
    MAX_FILE_ANSWERS,
    QuoteFinder,
    ValidatedAnswer,
    ValidatedStore,
    _missing_fr,
    _one_line,
    _refuse,
    checked,
)
from .yamlio import read_yaml, read_yaml_text

# ---------------------------------------------------------------- YAML files

_KEYS = {"id", "questions", "answer", "citations", "author", "status", "validated_on"}
_OPTIONAL_KEYS = {"valid_until"}
YAML_HEADER = (
    "# Réponses validées de l'assistant O2R (export). Chaque entrée : id, questions "
    "(formulations),\n# answer (texte), citations (extraits exacts du corpus), author, "
    "status (draft | published | retired),\n# validated_on (AAAA-MM-JJ), valid_until "
    "(facultatif).\n"
)


def export_yaml(answers: Iterable[ValidatedAnswer]) -> str:
    """Every answer as a YAML list, by id: for version control, and ``import_yaml``."""
    data = [a.to_dict() for a in sorted(answers, key=lambda a: a.id)]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100) if data else "[]\n"
    return YAML_HEADER + body


def _date(value: Any, key: str, where: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    raise _refuse(
        f"{where}: {key} must be a date (YYYY-MM-DD)",
        f"{where} : « {key} » doit être une date (AAAA-MM-JJ)",
    )


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _refuse(
            f"{where}: {key} must be a list of texts",
            f"{where} : « {key} » doit être une liste de textes",
        )
    return tuple(value)


def parse_answers(data: Any, origin: str) -> list[ValidatedAnswer]:
    """Records from a YAML file's data; refuses the whole file at the first fault."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise _refuse(
            f"{origin}: expected a list of validated answers",
            f"{origin} : le fichier doit contenir une liste de réponses validées",
        )
    if len(data) > MAX_FILE_ANSWERS:
        raise _refuse(
            f"{origin}: more than {MAX_FILE_ANSWERS} answers",
            f"{origin} : {MAX_FILE_ANSWERS} réponses au plus par fichier",
        )
    answers: list[ValidatedAnswer] = []
    for n, item in enumerate(data, start=1):
        where = f"{origin}, réponse n° {n}"
        if not isinstance(item, dict):
            raise _refuse(f"{where}: not a mapping", f"{where} : entrée invalide")
        keys = set(item)
        unknown, absent = keys - _KEYS - _OPTIONAL_KEYS, _KEYS - keys
        if unknown or absent:
            raise _refuse(
                f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(absent)}",
                f"{where} : clés inconnues {sorted(unknown)}, clés manquantes {sorted(absent)}",
            )
        for key in ("id", "answer", "author", "status"):
            if not isinstance(item[key], str):
                raise _refuse(
                    f"{where}: {key} must be a text", f"{where} : « {key} » : texte attendu"
                )
        answer = ValidatedAnswer(
            id=item["id"],
            phrasings=_strings(item["questions"], "questions", where),
            text=item["answer"],
            citations=_strings(item["citations"], "citations", where),
            author=item["author"],
            status=item["status"],
            validated_on=_date(item["validated_on"], "validated_on", where),
            valid_until=_date(item.get("valid_until"), "valid_until", where),
        )
        answers.append(checked(answer))
    ids = [a.id for a in answers]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise _refuse(
            f"{origin}: repeated ids {repeated}", f"{origin} : identifiants répétés {repeated}"
        )
    return answers


def read_answers(path: Path) -> list[ValidatedAnswer]:
    data = read_yaml(path, error=ValidatedAnswerError, what="validated answers")
    return parse_answers(data, str(path))


def read_answers_text(text: str, origin: str) -> list[ValidatedAnswer]:
    return parse_answers(read_yaml_text(text, origin=origin, error=ValidatedAnswerError), origin)


def import_answers(
    store: ValidatedStore, answers: Sequence[ValidatedAnswer], editor: str, finder: QuoteFinder
) -> int:
    """Store every answer in one transaction; returns how many changed.

    A published answer whose quotes are not all in the corpus refuses the whole
    import. An unchanged answer keeps its suspension (decided by the corpus).
    """
    for answer in answers:
        missing = finder.missing(answer) if answer.status == "published" else []
        if missing:
            raise _refuse(
                f"{answer.id}: citations not in the indexed corpus: {missing}",
                f"import refusé, réponse « {answer.id} » : {_missing_fr(missing)}",
            )
    editor = _one_line(editor)[:MAX_AUTHOR_CHARS]
    changed = 0
    with store._connect() as conn:
        for answer in answers:
            changed += store._write(conn, answer, editor or answer.author, "import")
    return changed


# ---------------------------------------------------------------- regression cases


def must_include_of(text: str) -> str:
    """A phrase the served text must hold: the first words of its first sentence."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = first.replace("|", " ").split()[:8]
    return " ".join(words).rstrip(".,;:!?")


def regression_cases(answers: Iterable[ValidatedAnswer]) -> str:
    """Published answers as a question set (shared format v2): one case per phrasing."""
    cases: list[dict[str, Any]] = []
    for answer in sorted(answers, key=lambda a: a.id):
        if answer.status != "published":
            continue
        for n, phrasing in enumerate(answer.phrasings, start=1):
            cases.append(
                {
                    "id": f"validated-{answer.id}-{n}",
                    "question": phrasing,
                    "must_include": [must_include_of(answer.text)],
                    "answered_by": "validated",
                    "tags": ["validated"],
                }
            )
    header = "# Cas de non-régression des réponses validées (format eval/FORMAT.md, version 2).\n"
    body = (
        yaml.safe_dump(cases, allow_unicode=True, sort_keys=False, width=1000) if cases else "[]\n"
    )
    return header + body
