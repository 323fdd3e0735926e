"""Feedback store and its export as a question set.

The store's tests run twice: on a SQLite file and on a real PostgreSQL server
(``database`` fixture, tests/pgserver.py).
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from o2r_assistant.answer import Citation
from o2r_assistant.db import Database
from o2r_assistant.errors import O2RError
from o2r_assistant.evaluation import load_cases
from o2r_assistant.feedback import FeedbackStore, export_question_set, key_terms

COLUMNS = {
    "session_id",
    "id",
    "created_at",
    "question",
    "answer",
    "citations",
    "rating",
    "comment",
    "corrected_answer",
}
CITATION = Citation(
    n=1,
    chunk_id="ami-1",
    doc_id="ami-o2r-pays-de-la-loire",
    title="AMI",
    section="Budget",
    page=None,
    quote="Les dépenses de formation ne sont pas éligibles.",
    passage="Budget. Les dépenses de formation ne sont pas éligibles.",
    url="https://example.org/ami",
    reference="AMI O2R",
)


@pytest.fixture
def store(database: Path | str) -> FeedbackStore:
    return FeedbackStore(database)


def test_creates_parent_dirs_and_uses_wal(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "nested" / "dir" / "feedback.sqlite3")
    store.add("Q ?", "R.", [], "up")
    assert store.path.exists()
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_stores_only_the_documented_fields(store: FeedbackStore) -> None:
    store.add("Q ?", "R.", [CITATION], "down", "  ", "")
    columns = {c["name"] for c in sa.inspect(store.db.engine()).get_columns("feedback")}
    assert columns == COLUMNS
    (record,) = store.records()
    assert record.comment is None and record.corrected_answer is None
    assert record.citations[0]["quote"] == CITATION.quote
    assert record.citations[0]["url"] == CITATION.url
    assert record.created_at.endswith("+00:00")


def test_round_trip_and_update(store: FeedbackStore) -> None:
    first = store.add("Q1 ?", "R1.", [CITATION], "up")
    second = store.add("Q2 ?", "R2.", [{"n": 1, "quote": "x"}], "down", "faux")
    assert [r.id for r in store.records()] == [first, second]
    assert [r.id for r in store.records("down")] == [second]
    store.update(first, "down", "imprécis", "Le minimum est de 150 000 € sur 3 ans.")
    updated = store.records("down")[0]
    assert (updated.id, updated.comment) == (first, "imprécis")
    assert updated.corrected_answer == "Le minimum est de 150 000 € sur 3 ans."


def test_records_of_a_missing_database_is_empty(store: FeedbackStore) -> None:
    assert store.records() == []
    assert store.path is None or not store.path.exists()


def test_refuses_unknown_ratings(store: FeedbackStore) -> None:
    with pytest.raises(ValueError):
        store.add("Q ?", "R.", [], "meh")  # type: ignore[arg-type]


def test_unusable_path_raises_a_french_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(O2RError) as err:
        FeedbackStore(tmp_path / "file" / "feedback.sqlite3").add("Q ?", "R.", [], "up")
    assert "indisponible" in err.value.message_fr


def test_concurrent_writers_in_threads(store: FeedbackStore) -> None:
    def write(i: int) -> int:
        return FeedbackStore(store.db).add(f"Q{i} ?", "R.", [CITATION], "down")

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(write, range(80)))
    assert len(set(ids)) == 80
    assert len(store.records()) == 80


def _write_many(target: Database, count: int) -> None:
    store = FeedbackStore(target)
    for i in range(count):
        store.add(f"Q{i} ?", "R.", [], "up")


def test_concurrent_writers_in_processes(store: FeedbackStore) -> None:
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_write_many, args=(store.db, 25)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    assert len(store.records("up")) == 75


def test_key_terms_are_amounts_and_durations_only() -> None:
    assert key_terms("Le coût minimum est de 150 000 € sur 3 ans.") == ["150 000", "3 an"]
    assert key_terms("150.000 euros, puis 12 mois d'accompagnement au plus") == [
        "150 000",
        "12 mois",
    ]
    assert key_terms("Environ 1,2 M€ pour la région.") == []
    assert key_terms("Les associations sont éligibles.") == []


def test_export_is_a_valid_question_set(store: FeedbackStore, tmp_path: Path) -> None:
    corrected = store.add(
        "Quel est le budget minimum ?",
        "Je ne trouve pas.",
        [],
        "down",
        "La réponse devrait donner le montant.",
        "Le coût total ne peut pas être inférieur à 150 000 € sur 3 ans.",
    )
    commented = store.add(
        "Peut-on candidater à deux ?",
        "Oui.",
        [CITATION],
        "down",
        "Il manque le chef de file\n- id: injected\n  question: x",
    )
    store.add("Question appréciée ?", "Réponse.", [], "up")
    text = export_question_set(store.records())
    path = tmp_path / "feedback.yaml"
    path.write_text(text, encoding="utf-8")

    cases = {case.id: case for case in load_cases(path)}
    assert set(cases) == {f"feedback-{corrected}", f"feedback-{commented}"}
    first = cases[f"feedback-{corrected}"]
    assert first.question == "Quel est le budget minimum ?"
    assert first.must_include == ("150 000", "3 an")
    assert first.tags == ("feedback",)
    second = cases[f"feedback-{commented}"]
    assert second.must_include == () and second.tags == ("feedback",)
    # Comments stay comments: one line each, never YAML content.
    assert "# Commentaire : Il manque le chef de file - id: injected question: x" in text
    assert "# Réponse corrigée : Le coût total ne peut pas" in text


def test_export_without_negative_feedback(store: FeedbackStore) -> None:
    store.add("Q ?", "R.", [], "up")
    assert yaml.safe_load(export_question_set(store.records())) == []
