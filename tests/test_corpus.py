"""Corpus loading and chunking, on real files (Markdown, text and generated PDFs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfs import encrypted_pdf, text_pdf

from o2r_assistant.config import PROJECT_ROOT
from o2r_assistant.corpus import (
    TARGET_MAX_CHARS,
    Document,
    chunk_document,
    chunk_documents,
    corpus_hash,
    load_corpus,
    load_document,
    split_sentences,
)
from o2r_assistant.errors import DocumentError

SHIPPED_CORPUS = PROJECT_ROOT / "corpus"

LONG_PARAGRAPH = (
    "Le porteur de projet présente un budget équilibré. "
    "Les dépenses de personnel représentent la plus grande part du coût. "
    "Les actions d'aller vers se déroulent dans les quartiers prioritaires. "
) * 4


def make_pdf(path: Path, pages: list[str]) -> Path:
    path.write_bytes(text_pdf(pages))
    return path


def test_shipped_corpus_loads_with_front_matter():
    loaded = load_corpus(SHIPPED_CORPUS)
    assert not loaded.errors
    ids = {d.doc_id for d in loaded.documents}
    assert "ami-o2r-pays-de-la-loire" in ids and "decret-2024-584-conventionnement" in ids
    decret = next(d for d in loaded.documents if d.doc_id.startswith("decret"))
    assert decret.title.startswith("Décret n° 2024-584")
    assert decret.source_url.startswith("https://www.legifrance.gouv.fr/")
    assert decret.reference and decret.date == "2024-06-24"


def test_text_file_without_front_matter(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Une note simple.\nDeuxième paragraphe de la note.", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "note" and doc.reference is None
    assert chunk_document(doc)[0].text.startswith("Une note simple.")


def test_binary_file_with_md_suffix_is_refused(tmp_path):
    path = tmp_path / "faux.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    with pytest.raises(DocumentError, match=r"faux\.md"):
        load_document(path)


def test_pdf_keeps_page_numbers(tmp_path):
    path = make_pdf(
        tmp_path / "guide.pdf",
        ["Guide du candidat. La page un parle du budget.", LONG_PARAGRAPH],
    )
    doc = load_document(path)
    assert [p[0] for p in doc.pages] == [1, 2]
    chunks = chunk_document(doc)
    assert chunks[0].page == 1
    assert any(c.page == 2 and "quartiers prioritaires" in c.text for c in chunks)
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text


def test_encrypted_pdf_is_refused(tmp_path):
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    with pytest.raises(DocumentError, match=r"locked\.pdf.*encrypted"):
        load_document(locked)


def test_corrupt_and_textless_pdfs_are_refused_others_still_load(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> garbage")
    blank = FPDF()
    blank.add_page()
    blank.rect(10, 10, 50, 50)
    blank.output(str(corpus / "blank.pdf"))
    (corpus / "ok.md").write_text("# Titre\n\nUn paragraphe lisible.", encoding="utf-8")
    loaded = load_corpus(corpus)
    assert [d.doc_id for d in loaded.documents] == ["ok"]
    messages = sorted(str(e) for e in loaded.errors)
    assert "blank.pdf" in messages[0] and "no extractable text" in messages[0]
    assert "corrupt.pdf" in messages[1]


def test_chunks_are_stable_complete_and_sized():
    docs = load_corpus(SHIPPED_CORPUS).documents
    first, second = chunk_documents(docs), chunk_documents(docs)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    assert len({c.chunk_id for c in first}) == len(first)
    by_id = {d.doc_id: d for d in docs}
    for chunk in first:
        doc = by_id[chunk.doc_id]
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.title == doc.title and chunk.source_url == doc.source_url
        assert len(chunk.text) <= TARGET_MAX_CHARS
        meta = chunk.metadata()
        assert {"doc_id", "title", "section", "start", "end", "reference", "source_url"} <= set(
            meta
        )
    decret = [c for c in first if c.doc_id.startswith("decret")]
    assert any(c.section == "Le parcours proposé aux personnes" for c in decret)


def test_chunker_never_cuts_a_sentence():
    docs = load_corpus(SHIPPED_CORPUS).documents
    for doc in docs:
        sentences = split_sentences(doc.text, doc.body_start)
        for chunk in chunk_document(doc):
            for a, b in sentences:
                inside = chunk.start <= a and b <= chunk.end
                outside = b <= chunk.start or a >= chunk.end
                assert inside or outside, doc.text[a:b]


def test_long_paragraph_is_split_between_sentences(tmp_path):
    path = tmp_path / "long.md"
    path.write_text("# Titre\n\n" + LONG_PARAGRAPH * 3, encoding="utf-8")
    doc = load_document(path)
    chunks = chunk_document(doc)
    assert len(chunks) > 1
    for chunk in chunks:
        assert chunk.text.rstrip().endswith(".")
        assert len(chunk.text) <= TARGET_MAX_CHARS


def test_same_text_same_id_across_files(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text("Texte identique.", encoding="utf-8")
    a, b = (chunk_document(load_document(tmp_path / f"{n}.md"))[0] for n in "ab")
    assert a.chunk_id != b.chunk_id  # the id includes the document
    again = chunk_document(load_document(tmp_path / "a.md"))[0]
    assert again.chunk_id == a.chunk_id


def test_sentence_splitter_keeps_legal_references():
    text = "Voir l'article L. 5316-1 du code. Le décret n° 2024-584 s'applique. Fin."
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == [
        "Voir l'article L. 5316-1 du code.",
        "Le décret n° 2024-584 s'applique.",
        "Fin.",
    ]


def test_corpus_hash_changes_with_content(tmp_path):
    corpus = tmp_path / "corpus"
    before = corpus_hash(corpus)
    (corpus / "extra.md").write_text("Nouveau document.", encoding="utf-8")
    assert corpus_hash(corpus) != before


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_chunker_handles_arbitrary_text(text):
    doc = Document(doc_id="x", path=Path("x.md"), title="x", text=text)
    for chunk in chunk_document(doc):
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text.strip()
