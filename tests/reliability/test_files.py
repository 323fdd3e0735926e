"""Hostile files offered for the corpus: each is refused with a French reason, in bounded time,
and nothing on disk changes (corpus, served index, temporary folder)."""

from __future__ import annotations

import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pdfs import encrypted_pdf, text_pdf
from pypdf import PdfReader

from o2r_assistant import corpus
from o2r_assistant.config import Settings
from o2r_assistant.corpus import chunk_documents, load_corpus
from o2r_assistant.errors import UploadError
from o2r_assistant.uploads import add_document

from .support import (
    form_bomb_pdf,
    many_pages_pdf,
    nested_info_pdf,
    observe,
    page_tree_bomb_pdf,
    record,
    tree_digest,
    within,
)

NOTE = "# Note\n\nLes candidatures sont déposées auprès de la DREETS.\n".encode()
REAL_PDF = text_pdf(["Les structures candidates justifient d'un ancrage territorial."] * 3)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
FRONT = b"---\n%s\n---\n\n# Note\n\nTexte de la note.\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 20
# No refusal may take longer than this, whatever the file (the PDF reader is a child process).
REFUSAL_SECONDS = 30


@pytest.fixture
def sandbox(settings: Settings, served_index: Path, tmp_path: Path, monkeypatch) -> Path:
    """tmp_path holds the corpus, the served index and the process's temporary folder."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return tmp_path


def refuse(settings: Settings, sandbox: Path, name: str, data: bytes) -> UploadError:
    """Offer one file; it must be refused within the bound, leaving every byte as it was."""
    before = tree_digest(sandbox)
    started = time.perf_counter()
    with pytest.raises(UploadError) as caught:
        within(REFUSAL_SECONDS, add_document, settings, name, data)
    observe("files: refusal", time.perf_counter() - started)
    assert tree_digest(sandbox) == before
    return caught.value


CONTENT_CASES: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("pdf", "corrompu.pdf", lambda: b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "illisible"),
    ("pdf", "tronque.pdf", lambda: REAL_PDF[: len(REAL_PDF) // 2], "illisible"),
    ("pdf", "entete-seul.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8, "illisible"),
    ("pdf", "chiffre.pdf", encrypted_pdf, "chiffré"),
    ("pdf", "scan.pdf", lambda: text_pdf(["", "", ""]), "aucun texte"),
    ("pdf", "bombe-pages.pdf", lambda: many_pages_pdf(20_000), "au-delà de la limite de 500"),
    ("pdf", "bombe-arbre.pdf", page_tree_bomb_pdf, "illisible"),
    ("pdf", "imbrique.pdf", nested_info_pdf, "illisible"),
    ("text", "image.md", lambda: PNG, "binaire"),
    ("text", "archive.md", lambda: ZIP, "binaire"),
    ("text", "pdf-renomme.md", lambda: REAL_PDF, "UTF-8"),
    ("text", "utf16.txt", lambda: "Dépenses éligibles".encode("utf-16"), "binaire"),
    ("text", "latin1.txt", lambda: "Crèche éligible".encode("latin-1"), "UTF-8"),
    ("text", "entete-seule.md", lambda: b"---\ntitle: Vide\n---\n\n  \n", "aucun texte"),
    ("text", "date-impossible.md", lambda: FRONT % b"date: 2024-13-01", "YAML"),
    ("text", "nombre-geant.md", lambda: FRONT % (b"title: 1" + b"0" * 5000), "YAML"),
    ("text", "entete-imbrique.md", lambda: FRONT % (b"title: " + b"[" * 5000), "YAML"),
    ("text", "vide.md", lambda: b"", "vide"),
]


@pytest.mark.parametrize(
    ("kind", "name", "make", "reason"),
    [pytest.param(*case, id=case[1]) for case in CONTENT_CASES],
)
def test_hostile_content_is_refused_and_changes_nothing(
    settings: Settings, sandbox: Path, kind: str, name: str, make, reason: str
) -> None:
    err = refuse(settings, sandbox, name, make())
    assert err.message_fr.startswith("fichier refusé") and reason in err.message_fr
    assert err.message_fr != str(err)  # a French message for users, an English one for logs
    record("files tried", kind)


def test_the_nested_pdf_really_overflows_the_parser_stack() -> None:
    """The premise of the 'imbrique.pdf' case: reading its title recurses past the limit."""
    causes: list[str] = []
    try:
        PdfReader(io.BytesIO(nested_info_pdf())).metadata  # noqa: B018
    except Exception as err:  # pypdf wraps the RecursionError in its own error
        cause: BaseException | None = err
        while cause is not None:
            causes.append(type(cause).__name__)
            cause = cause.__cause__ or cause.__context__
    assert "RecursionError" in causes


def test_oversized_file_is_refused_before_parsing(settings: Settings, sandbox: Path) -> None:
    limit = int(settings.upload_max_mb * 1024 * 1024)
    err = refuse(settings, sandbox, "gros.md", NOTE + b"a" * limit)
    assert "au-delà de la limite de 20 Mo" in err.message_fr
    record("files tried", "size")


@pytest.mark.parametrize(
    "name",
    [
        "../../x.md",
        "..\\..\\x.md",
        "sous-dossier/../../x.md",
        "x.md/",
        "~/x.md",
        "%2e%2e%2fx.md",
        "nul\0.md",
        "x.md\0.pdf",
        "fichier\u202egpj.md",  # right-to-left override: shows as "fichiermd.jpg"
        "CON\n.md",
    ],
)
def test_path_traversal_names_are_refused(
    settings: Settings, sandbox: Path, tmp_path: Path, name: str
) -> None:
    err = refuse(settings, sandbox, name, NOTE)
    assert err.message_fr.startswith("nom de fichier refusé")
    assert not (tmp_path.parent / "x.md").exists()
    record("files tried", "name")


def test_absolute_names_are_refused(settings: Settings, sandbox: Path, tmp_path: Path) -> None:
    target = tmp_path / "ailleurs.md"
    for name in (str(target), "/etc/cron.d/o2r.md", "C:\\Windows\\x.md", "//serveur/x.md"):
        err = refuse(settings, sandbox, name, NOTE)
        assert err.message_fr.startswith("nom de fichier refusé")
        record("files tried", "name")
    assert not target.exists()


def test_long_line_with_many_periods_is_chunked_in_linear_time(settings: Settings) -> None:
    """Accepted by the upload, then chunked by every index build: it must not stall them.

    Splitting sentences used to copy the rest of the line at each period; this 200 KB
    line took about a minute, and the 20 MB an upload allows would take days.
    """
    line = "Voir l'art. 7 de la loi et le n. 2 du décret, puis le point 3. suite " * 3000
    add_document(settings, "note-longue.md", f"# Note\n\n{line}\n".encode())
    started = time.perf_counter()
    loaded = load_corpus(settings.corpus_dir)
    chunks = within(20, chunk_documents, loaded.documents)
    observe("files: chunking a 200 KB line", time.perf_counter() - started)
    documents = {doc.doc_id: doc for doc in loaded.documents}
    assert any(chunk.doc_id == "note-longue" for chunk in chunks)
    for chunk in chunks:
        assert documents[chunk.doc_id].text[chunk.start : chunk.end] == chunk.text


def test_pdf_that_would_parse_for_hours_is_refused_at_the_deadline(
    settings: Settings, sandbox: Path, monkeypatch
) -> None:
    """4 KB drawing one costly form 5,000 times: pypdf bounds each stream, not this."""
    monkeypatch.setattr(corpus, "MAX_PDF_SECONDS", 3.0)
    bomb = form_bomb_pdf()
    assert len(bomb) < 10_000
    started = time.perf_counter()
    err = refuse(settings, sandbox, "formulaire.pdf", bomb)
    assert "délai" in err.message_fr
    assert time.perf_counter() - started < 3.0 + 6.0  # the deadline plus starting a process
    record("files tried", "pdf")
    # An index build meets the same bound: the file, copied in by hand, is skipped.
    (settings.corpus_dir / "formulaire.pdf").write_bytes(bomb)
    loaded = within(REFUSAL_SECONDS, load_corpus, settings.corpus_dir)
    assert [err.path for err in loaded.errors] == ["formulaire.pdf"]
    assert len(loaded.documents) == 5


def test_a_bad_front_matter_placed_by_hand_does_not_stop_the_build(settings: Settings) -> None:
    """load_corpus skips the file and loads the others: an index build still succeeds."""
    (settings.corpus_dir / "date-impossible.md").write_bytes(FRONT % b"date: 2024-13-01")
    loaded = load_corpus(settings.corpus_dir)
    assert [err.path for err in loaded.errors] == ["date-impossible.md"]
    assert len(loaded.documents) == 5
