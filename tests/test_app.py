"""The Streamlit app driven headlessly with AppTest (no browser), on the prebuilt index."""

from __future__ import annotations

import csv
import io
import re
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.db import EVAL_RUNS, Database
from o2r_assistant.evaluation import load_cases
from o2r_assistant.feedback import FEEDBACK_NOTICE_FR, FeedbackStore, export_question_set

APP = str(PROJECT_ROOT / "app.py")
PASSWORD = "mot-de-passe-de-test"


@pytest.fixture(autouse=True)
def fresh_process_caches() -> None:
    """Each test starts like a new app process: the login limiter is per process."""
    st.cache_resource.clear()


def plain(markdown: str) -> str:
    """What st.markdown displays for text escaped by the app (backslash escapes removed)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n")


def rules_rows(at: AppTest) -> list[dict[str, str]]:
    """The rows of the checker's Markdown table of rules (its cells as Markdown)."""
    table = next(m.value for m in at.markdown if m.value.startswith("| Règle |"))
    header, _, *rows = table.splitlines()
    names = [c.strip() for c in header.strip("|").split("|")]
    cells = [re.split(r"(?<!\\)\|", row.strip()[1:-1]) for row in rows]
    return [dict(zip(names, (c.strip() for c in row), strict=True)) for row in cells]


def texts(at: AppTest) -> list[str]:
    return [plain(m.value) for m in at.markdown]


def start(served_index: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def go(at: AppTest, page: str) -> AppTest:
    at.sidebar.radio[0].set_value(page).run()
    assert not at.exception
    return at


def by_label(elements, label: str):
    return next(e for e in elements if e.label == label)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """What each download button offers, by file name (AppTest keeps the files in memory)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    offered: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        if filename is not None:
            offered[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return offered


def test_first_screen(served_index: Path) -> None:
    at = start(served_index)
    assert [o.split(" ", 1)[1] for o in at.sidebar.radio[0].options] == [
        "Poser une question",
        "Rédaction",
        "Réponses validées",
        "Évaluation",
        "Corpus",
        "Journal",
    ]
    assert "Seule la DREETS Pays de la Loire" in at.sidebar.info[0].value
    version = plain(" ".join(m.value for m in at.sidebar.markdown))
    assert "5 documents" in version and "Empreinte du corpus" in version
    assert any("Arrêté du 26 juin 2024" in plain(c.value) for c in at.sidebar.caption)
    examples = [b for b in at.button if b.key and b.key.startswith("example-")]
    assert len(examples) >= 3
    examples[0].click().run()
    assert any("ne sont pas éligibles" in t for t in texts(at))


def test_cited_answer(served_index: Path) -> None:
    at = ask(start(served_index), "Les dépenses de formation sont-elles éligibles ?")
    answer = next(t for t in texts(at) if "ne sont pas éligibles" in t)
    assert "[1]" in answer
    expander = next(e for e in at.expander if plain(e.label).startswith("[1] "))
    passage = " ".join(m.value for m in expander.markdown)
    assert ":orange-background[" in passage  # the quoted sentence is highlighted
    assert any("Consulter la source officielle" in m.value for m in expander.markdown)
    assert all(not m.proto.allow_html for m in at.markdown)


def test_abstention_is_not_styled_as_an_answer(served_index: Path) -> None:
    at = ask(start(served_index), "Quelle est la recette de la tarte tatin ?")
    (info,) = [i for i in at.main.info if i.icon == ":material/search_off:"]
    assert "Je ne trouve pas de réponse" in plain(info.value)
    assert not any(plain(e.label).startswith("[1]") for e in at.expander)


def test_follow_up_uses_the_history(served_index: Path, monkeypatch) -> None:
    from o2r_assistant.assistant import Assistant

    seen: list[list[str] | None] = []
    answers: list[object] = []
    previous: list[object] = []
    original = Assistant.ask

    def spy(self, question, history=None, dossier=None, **kwargs):
        seen.append(history)
        previous.append(kwargs.get("previous"))
        answers.append(original(self, question, history=history, dossier=dossier, **kwargs))
        return answers[-1]

    monkeypatch.setattr(Assistant, "ask", spy)
    at = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    ask(at, "Et pour la durée ?")
    assert seen == [[], ["Quel est le coût minimum d'un projet ?"]]
    # The answer shown before goes along: it is not computed again.
    assert previous == [None, answers[0]]


def test_markup_in_questions_is_shown_literally(served_index: Path) -> None:
    evil = "<script>alert(1)</script> **gras** [x](javascript:alert(1)) # Titre :red[rouge] $x$"
    at = ask(start(served_index), evil)
    (user,) = [m for m in at.markdown if plain(m.value) == evil]
    # Every Markdown/HTML character reaches st.markdown backslash-escaped.
    assert re.search(r"(?<!\\)[<>*\[\]()#:$]", user.value) is None
    assert all(not m.proto.allow_html for m in at.markdown)
    assert not at.exception


def test_empty_question_gets_a_french_message(served_index: Path) -> None:
    at = ask(start(served_index), "   \u200b ")
    assert any("La question est vide" in plain(e.value) for e in at.error)


def test_truncation_notice(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_MAX_QUESTION_CHARS", "60")
    at = ask(start(served_index), "Les dépenses de formation sont-elles éligibles " * 5 + "?")
    assert any("trop long" in plain(w.value) for w in at.warning)


def test_checker_is_prefilled_from_the_conversation(served_index: Path) -> None:
    at = ask(start(served_index), "Notre projet coûte 120 000 € sur 3 ans en Sarthe")
    at.toggle(key="edit_dossier").set_value(True).run()
    assert by_label(at.number_input, "Coût total du projet (€)").value == 120000
    assert by_label(at.number_input, "Durée du projet (mois)").value == 36
    assert by_label(at.multiselect, "Départements d'intervention").value == ["72"]
    row = next(r for r in rules_rows(at) if "Coût total minimum" in plain(r["Règle"]))
    # The status in words beside its icon (not by colour or icon alone).
    assert row["Règle"].startswith(":red[:material/cancel:] Non conforme : ")
    assert "120 000 €" in plain(row["Constat"]) and "150 000 €" in plain(row["Constat"])
    assert any("Inéligible" in plain(e.value) for e in at.error)
    # The findings also appear under the answer, apart from the quotes.
    assert any("Vérification automatique des faits indiqués" in t for t in texts(at))
    assert any(b.label == "Télécharger la checklist (Markdown)" for b in at.get("download_button"))


def test_checker_form_can_be_completed(served_index: Path) -> None:
    at = ask(start(served_index), "Notre projet coûte 120 000 € sur 3 ans en Sarthe")
    at.toggle(key="edit_dossier").set_value(True).run()
    by_label(at.number_input, "Coût total du projet (€)").set_value(180000)
    by_label(at.number_input, "Durée d'un parcours d'accompagnement (mois)").set_value(18)
    by_label(at.selectbox, "Public principal").set_value("invisibles")
    by_label(at.text_input, "Autres lieux (villes, codes postaux, séparés par des virgules)").input(
        "Rennes (35)"
    )
    at.button(key="FormSubmitter:d1-form-Vérifier").click().run()
    assert not at.exception
    status = {
        label: word.lower()
        for word, label in (
            re.match(r".*\] (.+?) : \*\*(.+)\*\*", plain(r["Règle"])).groups()
            for r in rules_rows(at)
        )
    }
    assert "conforme" in status["Coût total minimum du projet"]
    assert "non conforme" in status["Durée du parcours par personne"]
    assert "non conforme" in status["Territoire : Pays de la Loire"]
    assert "non conforme" not in status["Public cible : les « invisibles »"]


def test_feedback_is_stored_and_exported(served_index: Path, tmp_path: Path) -> None:
    at = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    at.pills[0].set_value(0).run()  # "Pas utile"
    store = FeedbackStore(Settings().feedback_db)
    (record,) = store.records()
    assert record.rating == "down" and record.question == "Quel est le coût minimum d'un projet ?"
    assert record.citations and record.citations[0]["n"] == 1
    at.text_input(key="comment-3").input("Montant à préciser")
    at.text_area(key="corrected-3").input("Le coût total doit atteindre 150 000 € sur 3 ans.")
    at.button(key="FormSubmitter:feedback-form-3-Envoyer mon avis").click().run()
    assert not at.exception
    (record,) = store.records()
    assert record.comment == "Montant à préciser"
    assert "Merci pour votre avis." in [plain(c.value) for c in at.caption]

    path = tmp_path / "export.yaml"
    path.write_text(export_question_set(store.records("down")), encoding="utf-8")
    (case,) = load_cases(path)
    assert case.id == f"feedback-{record.id}" and case.must_include == ("150 000", "3 an")


def test_feedback_notice_and_erasure_of_the_session(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_FEEDBACK_RETENTION_DAYS", "30")
    at = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    assert FEEDBACK_NOTICE_FR.format(days=30) in [c.value for c in at.caption]
    at.pills[0].set_value(1).run()
    store = FeedbackStore(Settings().feedback_db)
    store.add("Question d'une autre session", "Réponse", [], "up", session_id="autre")
    session_id = at.session_state["session_id"]
    assert len(store.records(session_id=session_id)) == 1

    panel = by_label(at.expander, "Vos données personnelles")
    assert "au bout de 30 jours" in panel.markdown[0].value
    by_label(at.button, "Supprimer mes avis de cette session").click().run()
    assert "1 avis supprimé(s)." in [s.value for s in at.success]
    assert [r.question for r in store.records()] == ["Question d'une autre session"]
    assert at.pills[0].value is None  # the rating is reset, so nothing is stored again
    at.run()
    assert not store.records(session_id=session_id)
    at.pills[0].set_value(0).run()  # and a new rating is stored afresh
    (again,) = store.records(session_id=session_id)
    assert again.rating == "down"


def test_drafting_page(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    at = login(go(start(served_index), "Rédaction"), PASSWORD)
    at.text_area(key="email").input(
        "Bonjour,\nNotre association, basée à Nantes, prévoit un budget de 120 000 € sur 3 ans."
        "\nLes dépenses de formation sont-elles éligibles ?\nMerci"
    )
    by_label(at.button, "Préparer un projet de réponse").click().run()
    assert not at.exception
    draft = next(t for t in at.text_area if t.label == "Projet de réponse (modifiable)").value
    assert draft.startswith("Bonjour,")
    assert "ne sont pas éligibles" in draft and "[1]" in draft and "Sources :" in draft
    assert "Cordialement," in draft and "Les services de la DREETS Pays de la Loire" in draft
    assert "Coût total minimum du projet (non conforme)" in draft
    labels = [b.label for b in at.get("download_button")]
    assert "Télécharger (.md)" in labels and "Télécharger (.docx)" in labels


def test_questions_per_session_are_limited_on_both_pages(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_QUESTION_BURST", "2")
    monkeypatch.setenv("O2R_QUESTIONS_PER_MINUTE", "1")
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)  # Rédaction is a staff page
    at = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    ask(at, "Combien de temps peut durer l'accompagnement d'une personne ?")
    assert not at.error
    ask(at, "Les dépenses de formation sont-elles éligibles ?")
    (refused,) = at.error
    assert "patientez" in plain(refused.value) and "secondes" in plain(refused.value)
    # The same session drafting is refused too; another session is not.
    login(go(at, "Rédaction"), PASSWORD).text_area(key="email").input("Quel est le coût minimum ?")
    at.button[0].click().run()
    assert any("patientez" in plain(e.value) for e in at.error)
    assert not any(t.label == "Projet de réponse (modifiable)" for t in at.text_area)
    other = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    assert not other.error


def test_a_question_waits_for_an_answer_slot_then_gets_a_busy_message(
    served_index: Path, monkeypatch
) -> None:
    from o2r_assistant.scheduling import shared_slots

    monkeypatch.setenv("O2R_ANSWER_SLOTS", "1")
    monkeypatch.setenv("O2R_ANSWER_WAIT_S", "0.2")
    at = start(served_index)
    with shared_slots(1, 0.2).turn("other", 10):  # another session's answer is being computed
        ask(at, "Quel est le coût minimum d'un projet ?")
    (busy,) = at.error
    assert "très sollicité" in plain(busy.value)
    ask(at, "Quel est le coût minimum d'un projet ?")  # the slot is free again
    assert any("150 000" in t for t in texts(at))


def test_a_question_takes_its_fair_turn_as_its_session(served_index: Path, monkeypatch) -> None:
    from o2r_assistant.scheduling import FairSlots

    turns: list[tuple[str, float]] = []
    real_turn = FairSlots.turn

    def recording(self: FairSlots, session: str, cost: float):
        turns.append((session, cost))
        return real_turn(self, session, cost)

    monkeypatch.setattr(FairSlots, "turn", recording)
    at = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    ask(at, "Notre association accompagne des jeunes ; " * 20 + "quel est le coût minimum ?")
    (short, long) = turns
    assert short[0] == long[0] == at.session_state.session_id
    assert short[1] < 30 < long[1]


def test_the_draft_download_keeps_only_the_source_links(
    served_index: Path, downloads, monkeypatch
) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    at = login(go(start(served_index), "Rédaction"), PASSWORD)
    at.text_area(key="email").input("Les dépenses de formation sont-elles éligibles ?")
    at.button[0].click().run()
    draft = by_label(at.text_area, "Projet de réponse (modifiable)")
    sources = re.findall(r"https://\S+\.html", draft.value)
    assert sources
    draft.input(
        draft.value + "\n![pixel](http://pisteur.example/p.png) <img src=x onerror=alert(1)> "
        "[cliquez ici](javascript:alert(1))"
    ).run()
    md = downloads["brouillon-reponse-o2r.md"].decode()
    assert "pixel" in md and "cliquez ici" in md
    assert "](http://pisteur" not in md and "](javascript:" not in md
    assert re.search(r"(?<!\\)<", md) is None  # no live HTML
    assert all(url in md for url in sources)  # the sources stay, as bare links


def test_validated_answer_history_names_the_signed_in_identity(
    served_index: Path, monkeypatch
) -> None:
    from o2r_assistant.validated import ValidatedStore

    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    at = login(go(start(served_index), "Réponses validées"), PASSWORD)
    at.text_area(key="validated0-questions").input(
        "Les dépenses de formation sont-elles éligibles ?"
    )
    at.text_area(key="validated0-text").input("Non, elles ne sont pas éligibles.")
    at.text_area(key="validated0-quotes").input("Les dépenses de formation ne sont pas éligibles.")
    at.text_input(key="validated0-author").input("Camille Test")
    at.button(key="FormSubmitter:validated0-form-Publier").click().run()
    assert not at.exception and not at.error
    store = ValidatedStore(Settings().database)
    (answer,) = store.all()
    assert answer.author == "Camille Test"  # as typed, what the chat shows
    assert [h.editor for h in store.history(answer.id)] == [
        "Camille Test (mot de passe partagé)"
    ] * 2
    by_label(at.button, "Retirer").click().run()
    assert store.history(answer.id)[-1].editor == "mot de passe partagé"  # who clicked


def test_a_close_published_answer_is_offered_in_the_chat_and_in_drafts(
    served_index: Path, monkeypatch
) -> None:
    from o2r_assistant.validated import QuoteFinder, ValidatedAnswer, ValidatedStore
    from o2r_assistant.validated_io import import_answers

    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    phrasing = "Les dépenses de formation sont-elles éligibles ?"
    quote = "Les dépenses de formation ne sont pas éligibles."
    answer = ValidatedAnswer(
        id="formation", phrasings=(phrasing,), text="Non : elles ne sont pas éligibles.",
        citations=(quote,), author="Camille Test", status="published",
    )  # fmt: skip
    finder = QuoteFinder([c for c in _served_chunks() if quote in c.text])
    import_answers(ValidatedStore(Settings().database), [answer], "Test", finder)
    question = (
        "Bonjour, on voudrait savoir si on peut mettre des frais de formation dans le budget "
        "du projet ?"
    )
    at = ask(start(served_index), question)
    assert not any("Réponse validée par la DREETS" in t for t in texts(at))
    store = ValidatedStore(Settings().database)
    assert store.usage()["formation"].offered == 1
    offer = next(b for b in at.button if plain(b.label) == phrasing)
    offer.click().run()  # the offer asks the stored phrasing
    assert not at.exception
    assert any("Réponse validée par la DREETS" in t for t in texts(at))
    usage = store.usage()["formation"]
    assert (usage.offered, usage.taken, usage.served) == (1, 1, 1)
    ask(at, phrasing)  # asked by hand, not through the offer: served, not taken
    assert store.usage()["formation"].taken == 1

    at = login(go(at, "Rédaction"), PASSWORD)
    at.text_area(key="email").input(f"Bonjour,\n{question}\nCordialement,\nMarie")
    by_label(at.button, "Préparer un projet de réponse").click().run()
    assert not at.exception
    offered = [e for e in at.expander if phrasing in plain(e.label)]
    assert offered and "Non : elles ne sont pas éligibles." in texts(offered[0])


def test_the_validated_page_shows_answers_suspended_by_a_build_made_elsewhere(
    served_index: Path, monkeypatch
) -> None:
    from o2r_assistant.build import build_index
    from o2r_assistant.embeddings import get_embedder
    from o2r_assistant.validated import QuoteFinder, ValidatedAnswer, ValidatedStore
    from o2r_assistant.validated_io import import_answers

    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    quote = "Les dépenses de formation ne sont pas éligibles."
    answer = ValidatedAnswer(
        id="formation", phrasings=("Les dépenses de formation sont-elles éligibles ?",),
        text="Non.", citations=(quote,), author="Camille Test", status="published",
        validated_on=date(2026, 11, 2),
    )  # fmt: skip
    finder = QuoteFinder([c for c in _served_chunks() if quote in c.text])
    import_answers(ValidatedStore(Settings().database), [answer], "Test", finder)
    at = login(go(start(served_index), "Réponses validées"), PASSWORD)
    assert "Publiées (1)" in [plain(h.value) for h in at.subheader]
    # The quoted document leaves the corpus and a build (another process, the CLI) swaps
    # the new generation in: the page shows the answer suspended on its next run.
    settings = Settings()
    (settings.corpus_dir / "ami-o2r-pays-de-la-loire.md").unlink()
    build_index(settings, get_embedder(settings.embedder))
    at.run()
    assert not at.exception
    assert "Suspendues : à revoir (1)" in [plain(h.value) for h in at.subheader]


def _served_chunks():
    from o2r_assistant.assistant import Assistant

    return Assistant(Settings()).index.chunks()


def test_staff_pages_are_disabled_without_password(served_index: Path) -> None:
    for page in ("Rédaction", "Corpus", "Évaluation", "Journal"):
        at = go(start(served_index), page)
        assert any("désactivée" in plain(w.value) for w in at.warning)
        assert not at.text_input and not at.file_uploader


def login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="password").input(password)
    at.button(key="FormSubmitter:login-Se connecter").click().run()
    assert not at.exception
    return at


def locked_message(at: AppTest) -> str | None:
    return next((plain(e.value) for e in at.error if "Trop de tentatives" in e.value), None)


def test_wrong_password_is_refused_then_locked(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    monkeypatch.setenv("O2R_LOGIN_LOCK_S", "3")
    at = go(start(served_index), "Corpus")
    for _ in range(2):
        login(at, "mauvais")
        assert "Mot de passe incorrect." in [plain(e.value) for e in at.error]
    login(at, "encore-mauvais")
    locked_at = time.monotonic()
    assert locked_message(at) in {
        "Trop de tentatives infructueuses : réessayez dans 3 s.",
        "Trop de tentatives infructueuses : réessayez dans 2 s.",
    }
    submit = at.button(key="FormSubmitter:login-Se connecter")
    assert submit.proto.disabled  # even the right password cannot be sent now
    assert not at.file_uploader

    # A new session (a reload, another browser) is locked too: the count is per process.
    other = go(start(served_index), "Corpus")
    assert locked_message(other)
    assert other.button(key="FormSubmitter:login-Se connecter").proto.disabled

    time.sleep(max(0.0, locked_at + 3.1 - time.monotonic()))  # the lock has passed
    at.run()
    assert not locked_message(at)
    login(at, PASSWORD)
    assert at.file_uploader


def test_corpus_page_upload_remove_and_reindex(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    corpus = Settings().corpus_dir
    at = login(go(start(served_index), "Corpus"), PASSWORD)
    listing = at.dataframe[0].value
    assert list(listing["Document"]) == sorted(p.stem for p in corpus.glob("*.md"))
    assert (listing["Passages indexés"] > 0).all()

    at.file_uploader[0].set_value(("../../evil.md", b"# X\n\nTexte.", "text/md"))
    at.run()
    assert any("refusé" in plain(e.value) for e in at.error)  # before any click
    assert by_label(at.button, "Ajouter au corpus").disabled
    assert not (corpus.parent / "evil.md").exists()

    note = "# Note O2R\n\nLes candidats déposent un dossier complet avant la date limite.\n"
    at.file_uploader[0].set_value(("note-o2r.md", note.encode(), "text/md"))
    at.run()
    assert not at.error and not by_label(at.button, "Ajouter au corpus").disabled
    estimate = next(plain(c.value) for c in at.caption if "indexation estimée" in c.value)
    assert estimate.startswith("1 passage(s) (")
    by_label(at.button, "Ajouter au corpus").click().run()
    assert (corpus / "note-o2r.md").read_text() == note
    assert any("Document ajouté : note-o2r.md" in plain(s.value) for s in at.success)
    assert any("Le corpus a changé" in plain(w.value) for w in at.warning)

    for doc_id in (
        "contexte-glossaire",
        "decret-2024-584-conventionnement",
        "arrete-2024-06-26-cahier-des-charges",
        "loi-plein-emploi-article-7",
    ):
        at.selectbox[0].set_value(doc_id)
        by_label(at.checkbox, "Je confirme le retrait de ce document").check()
        at.run()
        by_label(at.button, "Retirer du corpus").click().run()
        assert not (corpus / f"{doc_id}.md").exists()
        assert any(f"Document retiré : {doc_id}" in plain(s.value) for s in at.success)

    # Two short documents left: the rebuild stays quick.
    by_label(at.button, "Relancer l'indexation").click().run()
    assert not at.exception
    rebuilt = next(plain(s.value) for s in at.success if "Index reconstruit" in s.value)
    assert "2 documents" in rebuilt and "repris du cache" in rebuilt  # the kept document
    assert any("L'index est à jour" in plain(s.value) for s in at.success)
    assert set(at.dataframe[0].value["Document"]) == {"ami-o2r-pays-de-la-loire", "note-o2r"}
    assert "2 documents" in plain(" ".join(m.value for m in at.sidebar.markdown))
    # The new index serves answers at once.
    go(at, "Poser une question")
    ask(at, "Que doivent déposer les candidats avant la date limite ?")
    assert any("dossier complet" in t for t in texts(at))


NOTE = "# Note O2R\n\nLes candidats déposent un dossier complet avant la date limite.\n"


def test_an_upload_posing_as_the_decret(served_index: Path, monkeypatch) -> None:
    """The issue's attack: the décret's title, reference and date, an http:// source and a
    cost floor "ramené à 50 000 €"."""
    from o2r_assistant.audit import AuditLog
    from o2r_assistant.corpus import load_document

    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    settings = Settings()
    decret = load_document(settings.corpus_dir / "decret-2024-584-conventionnement.md")
    fake = (
        f'---\ntitle: "{decret.title}"\nreference: "{decret.reference}"\ndate: 2024-06-24\n'
        'source_url: "http://www.legifrance.gouv.fr/eli/decret/2024/6/24/2024-584/jo/texte"\n'
        "---\n\n# Coût minimum d'un projet\n\n"
        "Le coût minimum d'un projet est ramené à 50 000 € sur 3 ans.\n"
    )
    at = login(go(start(served_index), "Corpus"), PASSWORD)
    at.file_uploader[0].set_value(("faux-decret.md", fake.encode(), "text/md"))
    at.run()
    warning = next(plain(w.value) for w in at.warning if "même titre" in w.value)
    assert "decret-2024-584-conventionnement.md" in warning and decret.title in warning
    assert by_label(at.button, "Ajouter au corpus").disabled  # refused without confirmation
    confirm = "Je confirme l'ajout de ce document en connaissance de cause"
    by_label(at.checkbox, confirm).check().run()
    by_label(at.button, "Ajouter au corpus").click().run()
    assert (settings.corpus_dir / "faux-decret.md").exists()
    entry = AuditLog(settings.feedback_db).entries()[0]
    assert (entry.actor, entry.action) == ("mot de passe partagé", "document_added")
    assert (
        entry.target == "faux-decret.md (doublon confirmé de decret-2024-584-conventionnement.md)"
    )

    by_label(at.button, "Relancer l'indexation").click().run()
    assert not at.exception
    label = f"ajouté localement le {datetime.now(UTC):%d/%m/%Y} par mot de passe partagé"
    # The sidebar does not list two identical décret titles.
    titles = [plain(c.value) for c in at.sidebar.caption if decret.title in plain(c.value)]
    assert len(titles) == len(set(titles)) == 2
    assert sum(label in t for t in titles) == 1

    go(at, "Poser une question")
    ask(at, "Quel est le coût minimum d'un projet ? 50 000 €")
    cited = [e for e in at.expander if decret.title in plain(e.label)]
    local = [e for e in cited if label in plain(e.label)]
    assert local, "the posing document is cited: the case under test"
    for expander in local:
        shown = " ".join(m.value for m in expander.markdown)
        assert "Consulter la source officielle" not in shown and "](http" not in shown
        assert any("Adresse non officielle" in plain(c.value) for c in expander.caption)


@pytest.fixture
def held_build(monkeypatch: pytest.MonkeyPatch):
    """Background index builds wait for the returned event before they start."""
    from o2r_assistant import build

    release = threading.Event()
    build_index = build.build_index

    def held(*args, **kwargs):
        release.wait(60)
        return build_index(*args, **kwargs)

    monkeypatch.setattr(build, "build_index", held)
    yield release
    release.set()


def the_build(settings: Settings):
    """The background build of the app process, if one runs."""
    from o2r_assistant.build import running_build
    from o2r_assistant.ui.common import load_assistant

    assistant = load_assistant(settings.model_dump_json(exclude={"admin_password"}))
    return running_build(settings, assistant.embedder)


def test_a_stale_index_is_served_while_the_new_one_is_built(served_index: Path, held_build) -> None:
    from o2r_assistant.ui.corpus_page import BUILD_NOTICE

    (Settings().corpus_dir / "note-o2r.md").write_text(NOTE, encoding="utf-8")
    at = ask(start(served_index), "Quel est le coût minimum d'un projet ?")
    assert any("150 000" in t for t in texts(at))  # answered while the build waits
    assert BUILD_NOTICE in [c.value for c in at.sidebar.caption]
    assert "5 documents" in plain(" ".join(m.value for m in at.sidebar.markdown))
    job = the_build(Settings())
    assert job is not None and job.progress.describe_fr() == "préparation de l'index…"

    held_build.set()
    job.wait(120)
    assert job.report is not None and job.report.manifest.documents == 6
    ask(at, "Que doivent déposer les candidats avant la date limite ?")
    assert any("dossier complet" in t for t in texts(at))  # the new index, same assistant
    assert BUILD_NOTICE not in [c.value for c in at.sidebar.caption]
    assert "6 documents" in plain(" ".join(m.value for m in at.sidebar.markdown))


def test_the_corpus_page_follows_a_build_it_did_not_start(
    served_index: Path, held_build, monkeypatch
) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    (Settings().corpus_dir / "note-o2r.md").write_text(NOTE, encoding="utf-8")
    at = go(start(served_index), "Corpus")  # the start-up build is waiting
    threading.Timer(1.0, held_build.set).start()
    login(at, PASSWORD)  # the page shows the build's progress until it ends
    rebuilt = next(plain(s.value) for s in at.success if "Index reconstruit" in s.value)
    assert "6 documents" in rebuilt
    assert any("L'index est à jour" in plain(s.value) for s in at.success)
    assert "note-o2r" in set(at.dataframe[0].value["Document"])


def test_evaluation_page_runs_a_question_set(served_index: Path, monkeypatch) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    at = login(go(start(served_index), "Évaluation"), PASSWORD)
    questions = (
        '- id: formation\n  question: "Les dépenses de formation sont-elles éligibles ?"\n'
        '  must_include: ["pas éligibles"]\n'
        '- id: tatin\n  question: "Quelle est la recette de la tarte tatin ?"\n  abstain: true\n'
    )
    at.multiselect[0].set_value([])
    at.file_uploader[0].set_value(("mini.yaml", questions.encode(), "application/x-yaml"))
    by_label(at.button, "Lancer l'évaluation").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Cas"] == "2" and metrics["Taux de réussite"] == "100%"
    assert len(at.image) == 2  # hit@k and latency plots
    with Database(Settings().database).read() as conn:  # the run is in the database
        assert conn.execute(sa.select(sa.func.count()).select_from(EVAL_RUNS)).scalar() == 1

    by_label(at.button, "Lancer l'évaluation").click().run()  # a second run is compared
    assert any("Comparaison avec l'évaluation précédente" in t for t in texts(at))
    assert by_label(at.get("download_button"), "Exporter les avis négatifs (YAML)")


def test_staff_export_csv_and_delete_feedback(served_index: Path, monkeypatch, downloads) -> None:
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", PASSWORD)
    store = FeedbackStore(Settings().feedback_db)
    formula = store.add('=HYPERLINK("http://x")', "Réponse", [], "down")
    kept = store.add("Quel budget ?", "Réponse", [], "down")
    at = login(go(start(served_index), "Évaluation"), PASSWORD)
    table = at.dataframe[0].value
    assert list(table["N°"]) == [str(formula), str(kept)]
    assert table["Question"][0].startswith("'=")  # shown, and exported, as text
    labels = [b.label for b in at.get("download_button")]
    assert "Exporter les avis négatifs (YAML)" in labels
    assert "Exporter les avis négatifs (CSV)" in labels
    exported = downloads["avis-negatifs.csv"].decode("utf-8-sig")
    table_rows = csv.DictReader(io.StringIO(exported), delimiter=";")
    rows = [(r["N°"], r["Question"][:2]) for r in table_rows]
    assert rows == [(str(formula), "'="), (str(kept), "Qu")]

    by_label(at.number_input, "N° de l'avis à supprimer").set_value(formula)
    by_label(at.button, "Supprimer cet avis").click().run()
    assert f"Avis n° {formula} supprimé." in [s.value for s in at.success]
    assert list(at.dataframe[0].value["N°"]) == [str(kept)]
    by_label(at.button, "Supprimer cet avis").click().run()
    assert f"Aucun avis n° {formula}." in [w.value for w in at.warning]
    assert [r.id for r in store.records()] == [kept]


@pytest.mark.parametrize(
    "text", ["**x** _y_", "<b>x</b> &amp;", "[a](javascript:alert(1))", "# h\n- i\n1. j", "a\\b"]
)
def test_user_text_round_trips_through_the_escaping(served_index: Path, text: str) -> None:
    at = ask(start(served_index), text)
    assert any(plain(m.value) == text for m in at.markdown)


def test_one_message_extracts_facts_once(served_index: Path, fact_extractions: list[str]) -> None:
    at = start(served_index)
    ask(at, "Notre projet coûte 120 000 € sur 3 ans en Sarthe")
    assert len(fact_extractions) == 1
    ask(at, "Et la durée d'un parcours ?")
    assert len(fact_extractions) == 2
