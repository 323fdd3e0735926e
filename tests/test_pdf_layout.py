"""PDFs as users upload them: paragraphs, headings, split words and titles, on real PDFs.

``fixtures/pdf`` holds corpus texts printed from a web page by Chromium
(``make_fixtures.py``); the other PDFs are laid out line by line with fpdf2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfs import lines_pdf

from o2r_assistant.config import PROJECT_ROOT
from o2r_assistant.corpus import chunk_document, load_document, split_sentences
from o2r_assistant.pdf import PdfLine, lay_out_pdf_lines

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"

# Corpus sentences, cut into lines about as long as an A4 page holds in 11 pt.
PUBLICATION = [
    "Le décret n° 2024-584 du 24 juin 2024 a été publié au Journal officiel du 25 juin 2024 et il",
    "est entré en vigueur le 26 juin 2024. Il insère dans le code du travail les articles D. 5316-",
    "1 à D. 5316-16, pris pour l'application de l'article L. 5316-4.",
]
APPEL = [
    "Dans chaque région, le préfet de région organise un appel à manifestation d'intérêt (AMI)",
    "régional. Cet AMI fixe les priorités de la région en matière de publics et de territoires. Le",
    "préfet de région en définit lui-",
    "même le calendrier et la procédure. L'AMI Pays de la Loire est l'un de ces appels",
    "régionaux.",
]


def sentences_of(corpus_file: str) -> list[str]:
    """The sentences of a shipped document, without Markdown marks."""
    doc = load_document(PROJECT_ROOT / "corpus" / corpus_file)
    spans = split_sentences(doc.text, doc.body_start)
    return [doc.text[a:b].lstrip("#-• ") for a, b in spans]


def load(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return load_document(path)


def headings(doc) -> list[str]:
    return [doc.text[a:b] for _, a, b in doc.headings]


def test_ami_printed_from_its_web_page_keeps_every_sentence_whole():
    doc = load_document(FIXTURES / "ami.pdf")
    # The browser titled the PDF after the file ("ami.html"): the page's title is used.
    assert doc.title == "AMI - Offre de repérage et de remobilisation – Pays de la Loire"
    chunks = chunk_document(doc)
    for sentence in sentences_of("ami-o2r-pays-de-la-loire.md"):
        assert any(sentence in chunk.text for chunk in chunks), sentence
    texts = "\n".join(chunk.text for chunk in chunks)
    assert "Les dépenses de formation ne sont pas éligibles." in texts
    assert "Le coût total du projet ne pourra pas être inférieur à 150 000€ sur 3 ans" in texts
    # "socio-" ends a line of the PDF; the browser's date, address and page count are gone.
    assert "l’insertion socio-professionnelle et un ancrage territorial" in texts
    assert "file:" not in doc.text and "1/1" not in doc.text and " AM" not in doc.text
    assert all(chunk.page == 1 for chunk in chunks)


def test_printed_pages_give_sections_like_markdown():
    doc = load_document(FIXTURES / "cahier.pdf")
    assert doc.title == "Arrêté du 26 juin 2024 : le cahier des charges national"
    assert [number for number, _, _ in doc.pages] == [1, 2, 3]
    chunks = chunk_document(doc)
    sections = {chunk.section for chunk in chunks}
    assert {
        "I. Conditions d'éligibilité > Un projet conforme au référentiel d'activités",
        "I. Conditions d'éligibilité > Le public visé",
        "I. Conditions d'éligibilité > Qui peut candidater",
        "II. Critères de sélection des projets",
        "Le modèle économique et la comptabilité",
    } <= sections
    for sentence in sentences_of("arrete-2024-06-26-cahier-des-charges.md"):
        assert any(sentence in chunk.text for chunk in chunks), sentence
    # A sentence that runs over a page break is cited on the page where it starts.
    cinq_mois = next(c for c in chunks if "au cours des cinq derniers mois" in c.text)
    assert cinq_mois.page == 1 and cinq_mois.section.endswith("Le public visé")
    assert "file:" not in doc.text and "/3" not in doc.text
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text


def test_words_split_at_line_ends_are_joined(tmp_path):
    lines = [
        "L'objet social des candidats devra être cohérent avec les enjeux d'insertion socio-",
        "professionnelle des publics les plus vulnérables. Le parcours prend la forme d'un",
        "accompa-",
        "gnement intensif dont la durée maximale est de douze mois. Les départements de la Loire-",
        "Atlantique et de la Vendée sont concernés. L'offre de repérage et de remobili-",
        "sation s'adresse aux invisibles ; la remobilisation vise le retour à l'emploi le plus",
        "rapidement.",
    ]
    doc = load(tmp_path, "note.pdf", lines_pdf([PUBLICATION + APPEL + lines]))
    text = doc.text
    assert "d'insertion socio-professionnelle des publics" in text
    assert "d'un accompagnement intensif" in text
    assert "de la Loire-Atlantique et" in text
    assert "en définit lui-même le calendrier" in text
    assert "les articles D. 5316-1 à D. 5316-16" in text
    # Written elsewhere in one piece, the word loses its hyphen.
    assert "de remobilisation s'adresse" in text
    # A paragraph ends on a short line: wrapped lines make one line per paragraph.
    assert text.count("\n") == 2 and text.endswith("le plus rapidement.")


def test_headings_in_the_body_font_and_no_false_ones(tmp_path):
    page_1 = [
        ("Décret n° 2024-584 du 24 juin 2024", 16),
        "1. Publication et entrée en vigueur",
        *PUBLICATION,
        "2. Un appel à manifestation d'intérêt par région",
        *APPEL,
        "La convention comporte notamment :",
        "1. La présentation de l'organisme",
        "2. Les moyens en personnel et les moyens financiers",
        "3. Les engagements de l'organisme",
        "Les demandes sont instruites dans la limite des crédits ouverts par la loi de finances.",
    ]
    page_2 = [
        "Durée de la convention      3 ans",
        "Durée maximale du parcours      12 mois",
        "Coût total minimum      150 000 EUR",
        "L'instruction tient compte des besoins qui ne sont pas couverts dans le territoire",
        "concerné et de la qualité du projet présenté. Tout organisme public ou privé intéressé",
        "adresse sa demande de conventionnement au préfet de la région dans laquelle il veut",
    ]
    page_3 = [
        "exercer son activité. La demande peut être déposée par voie dématérialisée.",
        "LE PARCOURS PROPOSÉ AUX PERSONNES",
        "Le parcours proposé par l'organisme prend la forme d'un accompagnement intensif dont la",
        "durée maximale est de douze mois pour une même personne.",
        "La rémunération des bénéficiaires",
        "Les personnes accompagnées peuvent percevoir une rémunération, sous conditions de",
        "ressources.",
    ]
    doc = load(
        tmp_path,
        "decret.pdf",
        lines_pdf(
            [page_1, page_2, page_3],
            header="Décret n° 2024-584 - conventionnement des organismes O2R",
            footer="Page {page} sur {pages}",
        ),
    )
    assert doc.title == "Décret n° 2024-584 du 24 juin 2024"
    assert headings(doc) == [
        "Décret n° 2024-584 du 24 juin 2024",
        "1. Publication et entrée en vigueur",
        "2. Un appel à manifestation d'intérêt par région",
        "LE PARCOURS PROPOSÉ AUX PERSONNES",
        "La rémunération des bénéficiaires",
    ]
    assert "Page 1 sur 3" not in doc.text and "conventionnement des organismes O2R" not in doc.text
    chunks = chunk_document(doc)

    def chunk_with(words: str):
        return next(c for c in chunks if words in c.text)

    assert chunk_with("publié au Journal officiel").section == "1. Publication et entrée en vigueur"
    assert chunk_with("lui-même").section == "2. Un appel à manifestation d'intérêt par région"
    douze_mois = chunk_with("douze mois pour une même personne")
    assert douze_mois.section == "LE PARCOURS PROPOSÉ AUX PERSONNES" and douze_mois.page == 3
    # The paragraph that runs from page 2 onto page 3 is whole and cited on page 2.
    demande = chunk_with(
        "demande de conventionnement au préfet de la région dans laquelle il veut exercer"
    )
    assert "exercer son activité. La demande peut" in demande.text and demande.page == 2
    # List items and table rows stay lines of their own, under the section they are in.
    for row in ("3. Les engagements de l'organisme", "Coût total minimum 150 000 EUR"):
        assert f"\n{row}\n" in doc.text


@pytest.mark.parametrize(
    ("metadata", "file_name", "expected"),
    [
        ("ami.html", "ami.pdf", "Le parcours proposé aux personnes"),
        ("Microsoft Word - note_cadrage.docx", "note.pdf", "Le parcours proposé aux personnes"),
        ("Untitled", "note.pdf", "Le parcours proposé aux personnes"),
        ("guide", "guide.pdf", "Le parcours proposé aux personnes"),
        (None, "note.pdf", "Le parcours proposé aux personnes"),
        ("Microsoft Word - Cahier des charges", "x.pdf", "Cahier des charges"),
        ("Cahier des charges national", "cdc.pdf", "Cahier des charges national"),
    ],
)
def test_title_falls_back_from_a_file_name_to_the_first_heading(
    tmp_path, metadata, file_name, expected
):
    lines = [
        "Le parcours proposé aux personnes",
        "Le parcours proposé par l'organisme prend la forme d'un accompagnement intensif dont la",
        "durée maximale est de douze mois pour une même personne.",
    ]
    assert load(tmp_path, file_name, lines_pdf([lines], title=metadata)).title == expected


def test_title_without_heading_is_the_file_name_made_readable(tmp_path):
    lines = ["Les personnes accompagnées peuvent percevoir une rémunération."]
    doc = load(tmp_path, "note_de-cadrage_2025.pdf", lines_pdf([lines], title="ami.html"))
    assert doc.title == "Note de cadrage 2025"


_LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(_LINE_TEXT, st.integers(0, 2), st.sampled_from([0.0, 8.0, 11.0, 16.0])),
        max_size=40,
    )
)
def test_layout_of_any_lines_is_consistent(rows):
    lines, page = [], 1
    for text, page_step, size in rows:
        page += page_step
        lines.append(PdfLine(" ".join(text.split()), page, size))
    text, pages, heading_spans = lay_out_pdf_lines(lines)
    ends = [0]
    for _, a, b in pages:
        assert ends[-1] <= a < b <= len(text)
        ends.append(b)
    for _, a, b in heading_spans:
        assert 0 <= a < b <= len(text) and "\n" not in text[a:b]
