"""Corpus uploads: every refusal leaves the corpus untouched; accepted files land whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pdfs import encrypted_pdf, text_pdf
from pypdf import PdfWriter

from o2r_assistant.config import Settings
from o2r_assistant.corpus import corpus_files, load_document
from o2r_assistant.errors import DuplicateDocumentError, UploadError
from o2r_assistant.pdf import MAX_PDF_PAGES
from o2r_assistant.uploads import (
    add_document,
    check_filename,
    describe_corpus,
    plan_upload,
    remove_document,
)

NOTE_MD = (
    '---\ntitle: "Note d\'information O2R"\ndate: 2025-01-15\n---\n\n'
    "# Note\n\nLes porteurs de projet déposent leur dossier avant la date limite de l'appel.\n"
).encode()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder, hidden ones included."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def blank_pages_pdf(count: int) -> bytes:
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def corpus(settings: Settings) -> Path:
    return settings.corpus_dir


@pytest.mark.parametrize(
    "name",
    [
        "../../x.md",
        "../x.md",
        "/etc/passwd",
        "sub/x.md",
        "sub\\x.md",
        "a\0b.md",
        ".hidden.md",
        "..md",
        " espace.md",
        "note .md",
        "",
        "x.exe",
        "x.md.exe",
        "sans-extension",
        "x" * 200 + ".md",
        "x\n.md",
    ],
)
def test_refuses_odd_names(settings: Settings, corpus: Path, tmp_path: Path, name: str) -> None:
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        add_document(settings, name, NOTE_MD)
    assert "refusé" in err.value.message_fr or "non pris en charge" in err.value.message_fr
    assert snapshot(corpus) == before
    assert not (tmp_path / "x.md").exists()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binaire.md", b"\x00\x01\x02PK\x03\x04" * 50, "binaire"),
        ("latin1.txt", "Dépenses éligibles".encode("latin-1"), "UTF-8"),
        ("vide.md", b"", "vide"),
        ("blanc.md", b"   \n\n  ", "aucun texte"),
        ("corrompu.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "illisible"),
        ("chiffre.pdf", encrypted_pdf("Texte confidentiel du projet."), "chiffré"),
        ("scan.pdf", text_pdf(["", ""]), "aucun texte"),
        ("bombe.pdf", blank_pages_pdf(MAX_PDF_PAGES + 1), "limite"),
        ("entete.md", b"---\ntitle: [unclosed\n---\n\nTexte.\n", "YAML"),
    ],
)
def test_refuses_bad_content(
    settings: Settings, corpus: Path, name: str, data: bytes, reason: str
) -> None:
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        add_document(settings, name, data)
    assert reason in err.value.message_fr
    assert snapshot(corpus) == before


def test_refuses_oversize(corpus: Path) -> None:
    settings = Settings(upload_max_mb=0.001)  # about 1 KB
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        add_document(settings, "gros.md", NOTE_MD * 20)
    assert "au-delà de la limite" in err.value.message_fr
    assert snapshot(corpus) == before


def test_valid_upload_is_loadable_and_leaves_no_temporary_file(
    settings: Settings, corpus: Path
) -> None:
    before = snapshot(corpus)
    path = add_document(settings, "note-information.md", NOTE_MD)
    assert path == corpus.resolve() / "note-information.md"
    assert path.read_bytes() == NOTE_MD
    after = snapshot(corpus)
    # The document and its local origin (``provenance``), nothing else.
    assert set(after) == {*before, "note-information.md", ".note-information.md.origin.json"}
    assert after["note-information.md"] == NOTE_MD
    assert load_document(path).title == "Note d'information O2R"
    assert path in [p.resolve() for p in corpus_files(corpus)]


def test_valid_pdf_upload(settings: Settings, corpus: Path) -> None:
    data = text_pdf(["Les organismes candidats decrivent leur ancrage territorial."])
    path = add_document(settings, "Annexe technique (2025).pdf", data)
    assert path.name == "Annexe technique (2025).pdf"
    assert "ancrage territorial" in load_document(path).text


def test_existing_name_needs_replace(settings: Settings, corpus: Path) -> None:
    add_document(settings, "note.md", NOTE_MD)
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        add_document(settings, "note.md", NOTE_MD.replace(b"Note", b"Autre"))
    assert "existe déjà" in err.value.message_fr
    assert snapshot(corpus) == before

    updated = NOTE_MD.replace(b"date limite", b"date limite du 31 mars")
    add_document(settings, "note.md", updated, replace=True)
    assert (corpus / "note.md").read_bytes() == updated
    assert set(snapshot(corpus)) == set(before)


def test_refused_replacement_keeps_the_old_file(settings: Settings, corpus: Path) -> None:
    add_document(settings, "note.md", NOTE_MD)
    before = snapshot(corpus)
    with pytest.raises(UploadError):
        add_document(settings, "note.md", b"\x00binary", replace=True)
    assert snapshot(corpus) == before


def test_refuses_a_second_file_with_the_same_document_id(settings: Settings, corpus: Path) -> None:
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        add_document(settings, "contexte-glossaire.txt", b"Un texte quelconque.")
    assert "contexte-glossaire.md" in err.value.message_fr
    assert snapshot(corpus) == before


@pytest.mark.parametrize(
    "name",
    ["Decret-2024-584-conventionnement.md", "décret-2024-584-conventionnement.md",
     "DÉCRET-2024-584-CONVENTIONNEMENT.txt"],
)  # fmt: skip
def test_names_differing_in_case_or_accents_are_the_same_document(
    settings: Settings, corpus: Path, name: str
) -> None:
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        add_document(settings, name, NOTE_MD, replace=True)
    assert "decret-2024-584-conventionnement.md" in err.value.message_fr
    assert snapshot(corpus) == before


def test_never_writes_through_a_symlink(settings: Settings, corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_bytes(b"original")
    (corpus / "lien.md").symlink_to(outside)
    with pytest.raises(UploadError):
        add_document(settings, "lien.md", NOTE_MD, replace=True)
    assert outside.read_bytes() == b"original"


def test_check_filename_accepts_ordinary_names() -> None:
    for name in ("ami.md", "Cahier des charges 2025.pdf", "arrêté_26-06.TXT", "note (v2).md"):
        assert check_filename(name) == name


def test_remove_document(settings: Settings, corpus: Path) -> None:
    remove_document(settings, "contexte-glossaire")
    assert not (corpus / "contexte-glossaire.md").exists()
    assert len(corpus_files(corpus)) == 4


@pytest.mark.parametrize("doc_id", ["inconnu", "", "../corpus/ami-o2r-pays-de-la-loire"])
def test_remove_unknown_document(settings: Settings, corpus: Path, doc_id: str) -> None:
    before = snapshot(corpus)
    with pytest.raises(UploadError) as err:
        remove_document(settings, doc_id)
    assert "n'existe pas" in err.value.message_fr
    assert snapshot(corpus) == before


def test_the_last_document_cannot_be_removed(settings: Settings, corpus: Path) -> None:
    for path in corpus_files(corpus)[1:]:
        remove_document(settings, path.stem)
    last = corpus_files(corpus)[0]
    with pytest.raises(UploadError) as err:
        remove_document(settings, last.stem)
    assert "au moins un document" in err.value.message_fr
    assert last.exists()


def test_describe_corpus(settings: Settings, corpus: Path) -> None:
    (corpus / "casse.pdf").write_bytes(b"%PDF-1.4 broken")
    infos = {d.doc_id: d for d in describe_corpus(settings, {"contexte-glossaire": 4})}
    glossary = infos["contexte-glossaire"]
    assert glossary.chunks == 4
    assert glossary.date == "2024-06-26"
    assert glossary.title.startswith("Contexte et glossaire")
    assert infos["ami-o2r-pays-de-la-loire"].chunks == 0
    assert infos["casse"].error and "illisible" in infos["casse"].error


DECRET = "decret-2024-584-conventionnement.md"
DECRET_TITLE = (
    "Décret n° 2024-584 du 24 juin 2024 — conventionnement des organismes et rémunération des "
    "bénéficiaires (articles D. 5316-1 à D. 5316-16 du code du travail)"
)


def posing_as_the_decret(title: str = DECRET_TITLE, reference: str = "Note") -> bytes:
    return (
        f'---\ntitle: "{title}"\nreference: "{reference}"\ndate: 2024-06-24\n'
        'source_url: "http://legifrance.example/decret-2024-584"\n---\n\n'
        "# Coût minimum\n\nLe coût minimum d'un projet est ramené à 50 000 € sur 3 ans.\n"
    ).encode()


@pytest.mark.parametrize(
    ("data", "existing", "clash"),
    [
        (posing_as_the_decret(), DECRET, "title"),
        # Case, accents and spacing do not tell titles apart.
        (posing_as_the_decret(" ".join(DECRET_TITLE.upper().split()).replace("É", "E")), DECRET,
         "title"),
        (posing_as_the_decret(
            "Note", "Décret n° 2024-584 du 24 juin 2024 relatif aux organismes chargés du "
            "repérage et de l'accompagnement spécifique des personnes les plus éloignées de "
            "l'emploi et à la rémunération de leurs bénéficiaires ; code du travail, articles "
            "D. 5316-1 à D. 5316-16"), DECRET, "reference"),
        (posing_as_the_decret("DÉCRET N°2024-584 : version consolidée"), DECRET, "act"),
        (posing_as_the_decret("Note", "Loi no 2023-1196 du 18 décembre 2023, version annotée"),
         "loi-plein-emploi-article-7.md", "act"),
        (posing_as_the_decret("Arrêté du 26 juin 2024 (annexe 2)"),
         "arrete-2024-06-26-cahier-des-charges.md", "act"),
    ],
)  # fmt: skip
def test_an_upload_posing_as_a_corpus_document_needs_confirmation(
    settings: Settings, corpus: Path, data: bytes, existing: str, clash: str
) -> None:
    plan = plan_upload(settings, "faux-decret.md", data)
    assert plan.duplicate is not None
    assert (plan.duplicate.filename, plan.duplicate.clash) == (existing, clash)
    before = snapshot(corpus)
    with pytest.raises(DuplicateDocumentError) as err:
        add_document(settings, "faux-decret.md", data)
    assert err.value.existing == existing
    # The French message names the document it would pass for.
    assert existing in err.value.message_fr
    assert load_document(corpus / existing).title in err.value.message_fr
    assert snapshot(corpus) == before

    path = add_document(
        settings, "faux-decret.md", data, allow_duplicate=True, added_by="mot de passe partagé"
    )
    origin = load_document(path).origin
    assert origin is not None and origin.added_by == "mot de passe partagé"


@pytest.mark.parametrize(
    "data",
    [
        NOTE_MD,
        # Citing the décret is not posing as it: only what a title or reference starts with.
        posing_as_the_decret("Fiche pratique", "Fiche rédigée d'après le décret n° 2024-584"),
        posing_as_the_decret("Décret n° 2024-585 du 24 juin 2024"),
    ],
)
def test_other_documents_are_not_duplicates(settings: Settings, data: bytes) -> None:
    assert plan_upload(settings, "fiche.md", data).duplicate is None
    add_document(settings, "fiche.md", data)


def test_replacing_a_document_is_not_a_duplicate_of_itself(
    settings: Settings, corpus: Path
) -> None:
    data = (corpus / DECRET).read_bytes().replace(b"trois ans", b"3 ans")
    assert plan_upload(settings, DECRET, data, replace=True).duplicate is None
    add_document(settings, DECRET, data, replace=True)
