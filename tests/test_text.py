"""Text normalisation shared by every reader of the corpus and of questions."""

from __future__ import annotations

import threading
import unicodedata

import snowballstemmer

from o2r_assistant.text import fold_accents, singular, stem, tokens, with_equivalents

THREADS = 8
ENDINGS = ["ement", "ations", "issions", "eront", "euses", "ables", "ités", "ance"]


def test_stems_are_right_when_sessions_stem_at_once() -> None:
    # Words no other test stems, so each call reaches the stemmer rather than the cache.
    words = [f"territori{n}{ending}" for n in range(1500) for ending in ENDINGS]
    reference = snowballstemmer.stemmer("french")
    expected = {w: fold_accents(reference.stemWord(w)) for w in words}
    barrier = threading.Barrier(THREADS)
    wrong: list[str] = []

    def session(k: int) -> None:
        barrier.wait()
        for word in words[k::THREADS] + words[(k + 1) % THREADS :: THREADS]:
            try:
                if stem(word) != expected[word]:
                    wrong.append(word)
            except Exception as err:  # a shared stemmer raises IndexError mid-word
                wrong.append(f"{word}: {type(err).__name__}")

    threads = [threading.Thread(target=session, args=(k,)) for k in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_equivalent_stems_join_their_class_only():
    given = with_equivalents(set(tokens("les dépenses ne sont pas éligibles")))
    assert set(tokens("financer pris en charge")) <= given
    assert not set(tokens("durée")) & given
    assert with_equivalents(set()) == frozenset()


def test_singular_drops_a_plural_ending():
    assert singular("communes") == "commune"
    assert singular("partenariat") == "partenariat"


def test_a_compound_preposition_names_no_topic():
    # "au regard des attendus" says nothing about being looked at.
    assert "regard" not in tokens("la qualité du parcours au regard des attendus")
    assert "regard" in tokens("notre expérience sera-t-elle regardée ?")
    assert tokens("au cours des cinq derniers mois") == ["cinq", "derni", "mois"]


def test_paid_for_in_one_idiom_is_one_word() -> None:
    # Its words alone would match "pris par les ministres chargés de…".
    assert tokens("les cours pro c pris en charge ou pas ?") == tokens("les cours pro financé ?")
    assert "financ" in tokens("La formation est-elle prise en charge ?")
    # Support given is no payment.
    assert "financ" not in tokens("la prise en charge des jeunes")


def test_fold_accents_drops_every_combining_mark_and_keeps_the_rest() -> None:
    # The definition: compatibility decomposition, then no combining mark. Checked on every
    # character of the Basic Multilingual Plane, one at a time and in a run.
    chars = [chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000]

    def reference(text: str) -> str:
        return "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )

    assert [fold_accents(ch) for ch in chars] == [reference(ch) for ch in chars]
    run = "".join(chars)
    assert fold_accents(run) == reference(run)
    assert (
        fold_accents("Dépenses ﬁnancées, cœur, Mayenne (53)")
        == "Depenses financees, cœur, Mayenne (53)"
    )
