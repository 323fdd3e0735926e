"""Validated answers: store, history, YAML files, suspension, matching and serving.

The store's tests run on a SQLite file and on a real PostgreSQL server (``database``
fixture); the serving tests, with the real model, on SQLite.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from o2r_assistant.config import Settings
from o2r_assistant.corpus import Chunk
from o2r_assistant.errors import ValidatedAnswerError
from o2r_assistant.evaluation.cases import load_cases
from o2r_assistant.matching import differences, signature
from o2r_assistant.rendering import md_text
from o2r_assistant.validated import (
    CORPUS_CHECK,
    MAX_TEXT_CHARS,
    QuoteFinder,
    Usage,
    ValidatedAnswer,
    ValidatedStore,
)
from o2r_assistant.validated_io import (
    export_yaml,
    import_answers,
    read_answers,
    read_answers_text,
    regression_cases,
)
from o2r_assistant.yamlio import read_yaml

FIXTURE = Path(__file__).parent / "validated"
QUOTE = "Les dépenses de formation ne sont pas éligibles."


def _chunk(text: str, chunk_id: str = "ami#0") -> Chunk:
    return Chunk(chunk_id, "ami", "AMI O2R", text, 0, len(text))


FINDER = QuoteFinder([_chunk(f"Préambule.\n{QUOTE}\nLe coût total du projet.")])


def _answer(**changes) -> ValidatedAnswer:
    base = ValidatedAnswer(
        id="formation",
        phrasings=("Les dépenses de formation sont-elles éligibles ?",),
        text="Non, les dépenses de formation ne sont pas éligibles.",
        citations=(QUOTE,),
        author="Équipe de test",
    )
    return replace(base, **changes)


@pytest.fixture
def store(database: Path | str) -> ValidatedStore:
    return ValidatedStore(database)


# ---------------------------------------------------------------- store and history


def test_every_edit_is_kept_with_who_and_when(store: ValidatedStore) -> None:
    assert store.all() == [] and store.revision() == 0
    assert store.save(_answer(), "Alice")
    assert not store.save(_answer(), "Alice")  # identical: nothing changes
    store.save(_answer(text="Non : elles ne sont pas éligibles."), "Bruno")
    store.publish("formation", "Chloé", FINDER, today=date(2025, 3, 1))
    store.retire("formation", "Alice")
    history = store.history("formation")
    assert [(h.editor, h.action) for h in history] == [
        ("Alice", "modification"),
        ("Bruno", "modification"),
        ("Chloé", "publication"),
        ("Alice", "retrait"),
    ]
    assert history[0].answer.text.startswith("Non, les")
    assert history[2].answer.validated_on == date(2025, 3, 1)
    assert all(h.at.endswith("+00:00") for h in history)
    assert store.get("formation").status == "retired"
    assert store.revision() == 4


def test_a_citation_not_in_the_corpus_is_refused_in_french(store: ValidatedStore) -> None:
    store.save(_answer(citations=("Les dépenses de formation sont toujours éligibles.",)), "A")
    with pytest.raises(ValidatedAnswerError) as err:
        store.publish("formation", "A", FINDER)
    assert "introuvable dans le corpus" in err.value.message_fr
    assert store.get("formation").status == "draft"


def test_quotes_are_found_whatever_the_spacing_and_apostrophes() -> None:
    finder = QuoteFinder([_chunk("L’objet social  des\ncandidats devra être cohérent.")])
    found = finder.locate("L'objet social des candidats devra")
    assert found is not None and found.quote == "L’objet social  des\ncandidats devra"


def test_sizes_and_fields_are_checked(store: ValidatedStore) -> None:
    for bad, reason in (
        (_answer(id="Bad Id"), "identifiant invalide"),
        (_answer(phrasings=(" ",)), "au moins une question"),
        (_answer(text="x" * (MAX_TEXT_CHARS + 1)), "dépasse"),
        (_answer(citations=("court",)), "citation doit compter"),
        (_answer(author=""), "nom de l'auteur"),
        (_answer(status="published"), "date de validation"),
    ):
        with pytest.raises(ValidatedAnswerError) as err:
            store.save(bad, "A")
        assert reason in err.value.message_fr
    assert store.all() == []


def test_staff_text_is_cleaned_and_shown_escaped(store: ValidatedStore) -> None:
    hostile = "Oui\x00 <script>alert(1)</script> ![x](https://evil.example/p.png) **gras**"
    store.save(_answer(text=hostile), "A")
    text = store.get("formation").text
    assert "\x00" not in text
    shown = md_text(text)
    assert "<script>" not in shown and "![x](" not in shown and "**gras**" not in shown
    assert "\\<script\\>" in shown and "\\!\\[x\\]\\(" in shown


# ---------------------------------------------------------------- suspension


def test_answers_whose_quote_left_the_corpus_are_suspended(store: ValidatedStore) -> None:
    store.save(_answer(), "A")
    store.publish("formation", "A", FINDER)
    assert store.verify(FINDER) == []
    gone = QuoteFinder([_chunk("Les dépenses de formation sont éligibles.")])
    assert [a.id for a in store.verify(gone)] == ["formation"]
    suspended = store.get("formation")
    assert suspended.status == "published" and "introuvable" in suspended.suspended
    assert not suspended.servable(date.today())
    assert store.history("formation")[-1].editor == CORPUS_CHECK
    assert store.verify(gone) == []  # already suspended: no new history entry
    store.verify(FINDER)  # the quote is back
    assert store.get("formation").servable(date.today())
    assert [h.action for h in store.history("formation")][-2:] == ["suspension", "rétablissement"]


def test_servings_ratings_and_vectors_are_kept(store: ValidatedStore) -> None:
    assert store.usage() == {}
    for _ in range(3):
        store.record_served("formation")
    store.rate(1, "formation", "up")
    store.rate(2, "formation", "up")
    store.rate(2, "formation", "down")  # the same chat answer rated again
    store.rate(3, "budget", "down")
    assert store.usage() == {"formation": Usage(3, 1, 1), "budget": Usage(0, 0, 1)}
    store.record_offered(["formation", "duree"])
    store.record_offered(["formation"])
    store.record_taken("formation")
    assert store.usage()["formation"] == Usage(3, 1, 1, offered=2, taken=1)
    assert store.usage()["duree"] == Usage(offered=1)
    calls: list[str] = []

    def embed(text: str) -> list[float]:
        calls.append(text)
        return [float(len(text)), 1.0]

    first = store.vectors("m", ["a", "bb", "a"], embed)
    assert first.tolist() == [[1.0, 1.0], [2.0, 1.0], [1.0, 1.0]] and calls == ["a", "bb"]
    again = store.vectors("m", ["bb", "ccc"], embed)
    assert again.tolist() == [[2.0, 1.0], [3.0, 1.0]] and calls == ["a", "bb", "ccc"]
    store.vectors("other-model", ["a"], embed)
    assert calls[-1] == "a"


def test_an_expired_answer_is_not_servable() -> None:
    answer = _answer(status="published", validated_on=date(2025, 1, 1))
    assert answer.servable(date.today())
    assert not replace(answer, valid_until=date.today() - timedelta(days=1)).servable(date.today())


# ---------------------------------------------------------------- YAML files


def test_export_import_round_trip_and_a_second_import_changes_nothing(
    store: ValidatedStore, tmp_path: Path
) -> None:
    answers = read_answers(FIXTURE / "answers.yaml")
    assert len(answers) == 20
    assert {a.author for a in answers} == {"Équipe de test"}
    finder = QuoteFinder([_chunk(q, f"c{i}") for i, a in enumerate(answers) for q in a.citations])
    assert import_answers(store, answers, "Import", finder) == 20
    revision = store.revision()
    assert import_answers(store, answers, "Import", finder) == 0
    assert store.revision() == revision
    exported = export_yaml(store.all())
    again = read_answers_text(exported, "export.yaml")
    assert again == sorted(answers, key=lambda a: a.id)
    other = ValidatedStore(tmp_path / "other.sqlite3")
    import_answers(other, again, "Import", finder)
    assert export_yaml(other.all()) == exported


def test_an_import_with_a_missing_quote_changes_nothing(store: ValidatedStore) -> None:
    text = export_yaml([_answer(status="published", validated_on=date(2025, 1, 1))])
    answers = read_answers_text(text, "f.yaml")
    with pytest.raises(ValidatedAnswerError) as err:
        import_answers(store, answers, "A", QuoteFinder([_chunk("Autre chose.")]))
    assert "import refusé" in err.value.message_fr
    assert store.all() == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("- {id: x}\n", "clés manquantes"),
        ("{id: x}\n", "liste de réponses"),
        ("- id: a\n  id: b\n", "YAML invalide"),
    ],
)
def test_bad_files_are_refused_in_french(text: str, reason: str) -> None:
    with pytest.raises(ValidatedAnswerError) as err:
        read_answers_text(text, "f.yaml")
    assert reason in err.value.message_fr


def test_published_answers_export_as_regression_cases(tmp_path: Path) -> None:
    answers = read_answers(FIXTURE / "answers.yaml")
    answers.append(_answer(id="brouillon"))  # drafts are not exported
    path = tmp_path / "cases.yaml"
    path.write_text(regression_cases(answers), encoding="utf-8")
    cases = load_cases(path)
    assert len(cases) == sum(len(a.phrasings) for a in answers[:-1])
    assert {c.answered_by for c in cases} == {"validated"}
    first = next(c for c in cases if c.id == "validated-cout-minimum-1")
    assert first.question == "Quel est le coût minimum d'un projet ?"
    assert list(first.must_include) == ["Le coût total du projet doit être d'au"]


# ---------------------------------------------------------------- the "different question" guard


@pytest.mark.parametrize(
    ("stored", "asked"),
    [
        ("Quel est le coût minimum d'un projet ?", "Quel est le coût maximum d'un projet ?"),
        (
            "Quelle est la durée maximale du parcours d'une personne ?",
            "Quelle est la durée maximale du projet ?",
        ),
        (
            "Quelle est la durée de la convention ?",
            "Quelle est la date limite de dépôt des candidatures ?",
        ),
        ("À qui adresser la demande ?", "Quand adresser la demande ?"),
        (
            "La convention peut-elle être renouvelée ?",
            "La convention ne peut-elle pas être renouvelée ?",
        ),
        (
            "Quand le décret n° 2024-584 est-il entré en vigueur ?",
            "Quand le décret n° 2024-1196 est-il entré en vigueur ?",
        ),
    ],
)
def test_close_but_different_questions_differ(stored: str, asked: str) -> None:
    assert differences(signature(asked), signature(stored))


@pytest.mark.parametrize(
    ("stored", "asked"),
    [
        ("Quel est le coût minimum d'un projet ?", "Quel budget minimal faut-il prévoir ?"),
        (
            "Combien de temps peut durer l'accompagnement d'une personne ?",
            "Quelle est la durée maximale de l'accompagnement d'un jeune ?",
        ),
        ("Peut-on financer des formations avec l'O2R ?", "La formation est-elle financée ?"),
    ],
)
def test_paraphrases_do_not_differ(stored: str, asked: str) -> None:
    assert differences(signature(asked), signature(stored)) == []


# ---------------------------------------------------------------- serving, real model


@pytest.fixture
def fixture_store(tmp_path: Path) -> ValidatedStore:
    store = ValidatedStore(tmp_path / "feedback.sqlite3")
    finder = QuoteFinder(
        [_chunk(q, f"c{i}") for i, a in enumerate(read_answers(FIXTURE / "answers.yaml"))
         for q in a.citations]
    )  # fmt: skip
    import_answers(store, read_answers(FIXTURE / "answers.yaml"), "Import", finder)
    return store


@pytest.fixture
def validated_assistant(served_index: Path, fixture_store: ValidatedStore):
    from o2r_assistant.assistant import Assistant

    return Assistant(Settings(), validated=fixture_store)


def test_fixture_paraphrases_match_and_near_misses_do_not(validated_assistant) -> None:
    questions = read_yaml(FIXTURE / "questions.yaml", error=ValueError, what="question set")
    source = validated_assistant.validated
    embed = validated_assistant.embedder.embed_query
    for answer_id, paraphrases in questions["paraphrases"].items():
        for question in paraphrases:
            found = source.match(question, embed(question))
            assert found is not None and found.answer.id == answer_id, question
    for question in questions["near_misses"]:
        assert source.match(question, embed(question)) is None, question


def test_a_paraphrase_is_served_with_its_date_and_citations(validated_assistant) -> None:
    answer = validated_assistant.ask("Quel budget minimal faut-il prévoir pour le projet ?")
    assert answer.mode == "validated" and not answer.abstained
    served = answer.validated
    assert served.answer_id == "cout-minimum"
    assert answer.text == (
        "Le coût total du projet doit être d'au moins 150 000 € sur 3 ans.\n\n"
        "Réponse validée par la DREETS Pays de la Loire le 15 janvier 2025."
    )
    own = [c for c in answer.citations if c.n <= served.own]
    assert [c.quote for c in own] == [
        "Le coût total du projet ne pourra pas être inférieur à 150 000€ sur 3 ans"
    ]
    assert own[0].quote in own[0].passage
    # Under them, the usual quotes, numbered after.
    assert served.extract and f"[{served.own + 1}]" in served.extract
    assert all(c.n > served.own for c in answer.citations[len(own) :])
    assert answer.to_dict()["validated"]["answer_id"] == "cout-minimum"
    assert answer.timings["validated_ms"] < 50


def test_a_close_question_not_served_offers_the_answer_and_its_phrasing_serves_it(
    validated_assistant,
) -> None:
    question = (
        "Bonjour, on voudrait savoir si on peut mettre des frais de formation dans le budget "
        "du projet ?"
    )
    answer = validated_assistant.ask(question)
    assert answer.mode == "extractive" and answer.validated is None
    first = answer.suggestions[0]
    assert first.answer_id == "formation-non-eligible"
    assert answer.to_dict()["suggestions"][0]["phrasing"] == first.phrasing
    # The chat's suggestion button asks the stored phrasing, which the answer serves.
    served = validated_assistant.ask(first.phrasing, history=[question])
    assert served.validated.answer_id == "formation-non-eligible" and not served.suggestions


def test_each_question_of_a_message_gets_its_offers(validated_assistant) -> None:
    answer = validated_assistant.ask(
        "Bonjour, quel est le délai de réponse de la DREETS ? Par ailleurs, on voudrait savoir "
        "si on peut mettre des frais de formation dans le budget du projet ?"
    )
    assert "formation-non-eligible" in {o.answer_id for o in answer.suggestions}


def test_an_empty_store_serves_and_suggests_nothing(served_index: Path, tmp_path: Path) -> None:
    from o2r_assistant.assistant import Assistant

    assistant = Assistant(Settings(), validated=ValidatedStore(tmp_path / "empty.sqlite3"))
    answer = assistant.ask("Quel est le coût minimum d'un projet ?")
    assert answer.mode == "extractive" and answer.suggestions == [] and not answer.abstained


def test_suggestions_never_contradict_the_question_nor_leave_the_texts(
    validated_assistant,
) -> None:
    ask = validated_assistant.ask
    # Served: nothing else is offered.
    assert ask("Quel budget minimal faut-il prévoir pour le projet ?").suggestions == []
    # A maximum is not offered the minimum; an amount is not offered a yes/no answer.
    assert "cout-minimum" not in {
        s.answer_id for s in ask("Quel est le coût maximum d'un projet ?").suggestions
    }
    assert ask("Quel est le salaire d'un chargé d'insertion ?").suggestions == []
    # Close to published answers, but about something the texts never name: none.
    question = "Faut-il être certifié Qualiopi pour candidater ?"
    vector = validated_assistant.embedder.embed_query(question)
    assert validated_assistant.validated.suggest(question, vector)
    assert ask(question).suggestions == []


def test_near_misses_follow_ups_and_stated_facts_go_the_usual_way(validated_assistant) -> None:
    assert validated_assistant.ask("Quel est le coût maximum d'un projet ?").mode == "extractive"
    first = "Combien de temps peut durer l'accompagnement d'une personne ?"
    assert validated_assistant.ask(first).mode == "validated"
    follow = validated_assistant.ask("Et pour la convention ?", history=[first])
    assert follow.mode == "extractive"
    facts = validated_assistant.ask(
        "Notre association à Nantes a un budget de 90 000 € sur 3 ans. "
        "Quel est le coût minimum d'un projet ?"
    )
    assert facts.mode == "extractive" and facts.findings is not None


def test_a_published_answer_is_served_without_restart(
    validated_assistant, fixture_store: ValidatedStore
) -> None:
    question = "Qui instruit les candidatures ?"
    assert validated_assistant.ask(question).mode == "extractive"
    quote = "elle instruit les candidatures pour le préfet de région"
    chunks = validated_assistant.index.chunks()
    fixture_store.save(
        _answer(id="instruction", phrasings=(question,), text="La DREETS.", citations=(quote,)),
        "A",
    )
    fixture_store.publish("instruction", "A", QuoteFinder(chunks))
    assert validated_assistant.ask(question).validated.answer_id == "instruction"
    fixture_store.retire("instruction", "A")
    assert validated_assistant.ask(question).mode == "extractive"


def test_reindexing_without_the_quote_suspends_the_answer(
    tmp_path: Path, fixture_store: ValidatedStore
) -> None:
    from fakes import FakeEmbedder

    from o2r_assistant.assistant import Assistant

    assert fixture_store.get("formation-non-eligible").servable(date.today())
    path = tmp_path / "corpus" / "ami-o2r-pays-de-la-loire.md"
    path.write_text(path.read_text(encoding="utf-8").replace(QUOTE, ""), encoding="utf-8")
    assistant = Assistant(Settings(), FakeEmbedder(), build=True, validated=fixture_store)
    suspended = fixture_store.get("formation-non-eligible")
    assert suspended.suspended and not suspended.servable(date.today())
    assert fixture_store.get("cout-minimum").suspended is None
    question = "Les dépenses de formation sont-elles éligibles ?"
    assert assistant.validated.match(question, assistant.embedder.embed_query(question)) is None


def test_regression_cases_pass_in_o2r_eval_with_the_fixture(
    served_index: Path, tmp_path: Path
) -> None:
    import json

    from click.testing import CliRunner

    from o2r_assistant.cli import cli

    answers = [a for a in read_answers(FIXTURE / "answers.yaml") if a.id.startswith("d")]
    cases = tmp_path / "cases.yaml"
    cases.write_text(regression_cases(answers), encoding="utf-8")
    out = tmp_path / "r.json"
    runner = CliRunner()
    args = ["eval", str(cases), "--json", str(out), "--min-pass", "1"]
    result = runner.invoke(cli, [*args, "--validated", str(FIXTURE / "answers.yaml")])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["answered_by"]["validated"] == data["cases"] == 7
    # Without the file, the same cases fail on answered_by: nothing is served by default.
    assert runner.invoke(cli, args).exit_code == 1


def test_o2r_ask_serves_published_answers_like_the_chat(
    served_index: Path, fixture_store: ValidatedStore
) -> None:
    import json

    from click.testing import CliRunner

    from o2r_assistant.cli import cli

    question = "Quel budget minimal faut-il prévoir pour le projet ?"
    runner = CliRunner()
    served = runner.invoke(cli, ["ask", question, "--json"], catch_exceptions=False)
    assert json.loads(served.output)["validated"]["answer_id"] == "cout-minimum"
    text = runner.invoke(cli, ["ask", question], catch_exceptions=False).output
    assert "Réponse validée par la DREETS Pays de la Loire le 15 janvier 2025." in text
    plain = runner.invoke(cli, ["ask", question, "--no-validated", "--json"])
    assert json.loads(plain.output).get("validated") is None
    close = "Bonjour, on voudrait savoir si on peut mettre des frais de formation dans le budget ?"
    offered = runner.invoke(cli, ["ask", close], catch_exceptions=False).output
    assert "Réponses validées pour des questions proches" in offered
    assert "- Les dépenses de formation sont-elles éligibles ?" in offered
