"""Passages per document and per corpus are capped before a file is accepted; the indexing
time is estimated first."""

from __future__ import annotations

import time

import pytest

from o2r_assistant.config import Settings
from o2r_assistant.corpus import corpus_files
from o2r_assistant.errors import UploadError
from o2r_assistant.uploads import (
    PASSAGES_PER_SECOND,
    add_document,
    duration_fr,
    plan_upload,
)


def markdown(lines: int) -> bytes:
    """The issue's file: one sentence per line, about 90 characters each."""
    body = "\n".join(
        f"Ligne {i} : le porteur décrit une action de repérage numéro {i} dans le quartier."
        for i in range(lines)
    )
    return f"# Grand document\n\n{body}\n".encode()


def test_the_issues_100000_line_file_is_refused_quickly(settings: Settings) -> None:
    """Before: 8.9 MB, under the 20 MB limit, accepted in 0.8 s, 10,028 passages."""
    data = markdown(100_000)
    assert len(data) < settings.upload_max_mb * 1_048_576
    before = corpus_files(settings.corpus_dir)
    started = time.perf_counter()
    with pytest.raises(UploadError) as refused:
        add_document(settings, "grand.md", data)
    seconds = time.perf_counter() - started
    assert "au-delà de la limite de 2\u202f000 par document" in refused.value.message_fr
    assert corpus_files(settings.corpus_dir) == before
    assert seconds < 30  # about 3 s on the loaded 2-core machine


def test_a_document_at_the_limit_is_accepted_with_an_estimate(settings: Settings) -> None:
    data = markdown(300)
    plan = plan_upload(settings, "moyen.md", data)
    assert 0 < plan.passages < plan.corpus_passages
    assert plan.estimated_seconds == pytest.approx(plan.corpus_passages / PASSAGES_PER_SECOND)
    assert plan.summary_fr().startswith(f"{plan.passages} passage(s) (")
    assert "indexation estimée à" in plan.summary_fr()
    assert not (settings.corpus_dir / "moyen.md").exists()  # a plan writes nothing
    tight = settings.model_copy(update={"max_passages_per_document": plan.passages})
    assert add_document(tight, "moyen.md", data) == settings.corpus_dir / "moyen.md"


def test_the_corpus_limit_counts_the_other_documents(settings: Settings) -> None:
    data = markdown(300)
    plan = plan_upload(settings, "moyen.md", data)
    tight = settings.model_copy(update={"max_passages": plan.corpus_passages - 1})
    with pytest.raises(UploadError) as refused:
        plan_upload(tight, "moyen.md", data)
    assert "le corpus compterait" in refused.value.message_fr
    # Replacing a document does not count it twice.
    add_document(settings, "moyen.md", data)
    exact = settings.model_copy(update={"max_passages": plan.corpus_passages})
    assert plan_upload(exact, "moyen.md", data, replace=True).corpus_passages == (
        plan.corpus_passages
    )


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("O2R_MAX_PASSAGES_PER_DOCUMENT", "3")
    monkeypatch.setenv("O2R_MAX_PASSAGES", "30")
    settings = Settings()
    assert (settings.max_passages_per_document, settings.max_passages) == (3, 30)
    with pytest.raises(UploadError, match="over the limit of 3 per document"):
        add_document(settings, "moyen.md", markdown(300))


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0.2, "1 s"),
        (40, "40 s"),
        (59.4, "1 min"),
        (61, "2 min"),
        (3599, "1 h 00"),
        (3900, "1 h 05"),
    ],
)
def test_durations_are_rounded_up(seconds: float, shown: str) -> None:
    assert duration_fr(seconds) == shown
