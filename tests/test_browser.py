"""End to end: the real Streamlit server driven by headless Chromium (Debian's build)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, WAIT_MS, chromium, go, serve, tick

XSS = "<script>window.__pwned=1</script> **gras**"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def server(served_index: Path, tmp_path: Path):
    with serve(tmp_path) as url:
        yield url


def _open(browser, url: str):
    """A new page at ``url``: (page, seconds to a usable chat input, seconds to ready)."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page.set_default_timeout(WAIT_MS)
    started = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_placeholder("Posez votre question").wait_for(state="visible")
    page.get_by_text("Vérifier mon projet").wait_for(state="visible")
    usable = time.perf_counter() - started
    # The corpus version is drawn once the assistant (and its index) is loaded.
    page.get_by_text("Version du corpus").wait_for(state="visible")
    return page, usable, time.perf_counter() - started


def test_chat_in_a_real_browser(server: str, tmp_path: Path) -> None:
    with chromium() as browser:
        # Cold: the first visit also imports the answering stack and opens the index.
        cold_input_s, cold_ready_s = _open(browser, server)[1:]
        page, warm_input_s, warm_ready_s = _open(browser, server)

        box = page.get_by_placeholder("Posez votre question")
        box.fill("Les dépenses de formation sont-elles éligibles ?")
        asked = time.perf_counter()
        box.press("Enter")
        answer = page.get_by_test_id("stChatMessage").filter(has_text="ne sont pas éligibles")
        answer.first.wait_for(state="visible")
        answer_s = time.perf_counter() - asked
        assert "[1]" in answer.first.inner_text()
        page.get_by_test_id("stExpander").filter(has_text="[1]").first.wait_for()

        box.fill(XSS)
        box.press("Enter")
        page.get_by_test_id("stChatMessage").filter(
            has_text="<script>window.__pwned=1</script>"
        ).first.wait_for(state="visible")
        page.get_by_test_id("stChatMessage").nth(3).wait_for(state="visible")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("[data-testid=stChatMessage] script").count() == 0
        assert page.get_by_text("**gras**").count() >= 1

        # Tall enough for the whole page: the app scrolls inside its own container.
        page.set_viewport_size({"width": 1440, "height": 2200})
        page.get_by_test_id("stExpander").filter(has_text="[1]").first.click()
        page.wait_for_timeout(500)
        shot = tmp_path / "app.png"
        page.screenshot(path=str(shot), full_page=True)

    ARTIFACTS.mkdir(exist_ok=True)
    stable = ARTIFACTS / "app.png"
    shutil.copyfile(shot, stable)
    print(
        f"\nfirst visit (cold server): chat input after {cold_input_s:.2f} s, "
        f"index ready after {cold_ready_s:.2f} s"
        f"\nnext visit: chat input after {warm_input_s:.2f} s, ready after {warm_ready_s:.2f} s"
        f"\nanswer latency in the browser: {answer_s:.2f} s"
        f"\nscreenshot: {shot} (copy: {stable})"
    )
    # Sanity bounds only: timing depends on the machine.
    assert cold_ready_s < 60 and warm_ready_s < 30
    assert answer_s < 30


# ---------------------------------------------------------------- staff login

STAFF_PASSWORD = "le-bon-mot-de-passe"
LOCK_S = 20  # long enough for the refused tries below, short enough to wait out
LOCKED = re.compile(r"Trop de tentatives infructueuses : réessayez dans (\d+) s\.")


@pytest.fixture
def staff_server(served_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("O2R_ADMIN_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setenv("O2R_LOGIN_LOCK_S", str(LOCK_S))
    with serve(tmp_path) as url:
        yield url


def _login_form(page, url: str | None = None):
    """Open ``url`` (or reload), go to the Corpus page; the page once its login form is drawn."""
    if url:
        page.goto(url, wait_until="domcontentloaded")
    else:
        page.reload(wait_until="domcontentloaded")
    go(page, "Corpus")
    page.get_by_role("button", name="Se connecter").wait_for(state="visible")
    return page


def _new_context(browser, url: str):
    """A new browser context (no cookie, no storage): a new Streamlit session."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    return _login_form(page, url)


def _send(page, password: str) -> None:
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()


def _locked_for(page) -> int:
    """The wait the page shows (it must show one), in seconds."""
    message = page.get_by_text(LOCKED)
    message.wait_for(state="visible")
    return int(LOCKED.search(message.inner_text())[1])


def test_new_sessions_do_not_reset_the_login_lock(staff_server: str, tmp_path: Path) -> None:
    """The attack of the issue: one wrong password per new browser context or reload."""
    with chromium() as browser:
        # Opened before any guess: its form stays enabled until it is sent.
        early = _new_context(browser, staff_server)

        page = _new_context(browser, staff_server)
        _send(page, "mauvais-1")
        page.get_by_text("Mot de passe incorrect.").wait_for(state="visible")
        _login_form(page)  # reload: a new session
        assert page.get_by_role("button", name="Se connecter").is_enabled()
        _send(page, "mauvais-2")
        page.get_by_text("Mot de passe incorrect.").wait_for(state="visible")
        page.context.close()

        page = _new_context(browser, staff_server)
        _send(page, "mauvais-3")  # the third from this address: locked
        locked_at = time.monotonic()
        assert 0 < _locked_for(page) <= LOCK_S
        page.context.close()

        # A new context is refused: the form is drawn locked.
        page = _new_context(browser, staff_server)
        assert 0 < _locked_for(page) <= LOCK_S
        assert page.get_by_role("button", name="Se connecter").is_disabled()
        _login_form(page)  # and after a reload
        assert 0 < _locked_for(page) <= LOCK_S
        assert page.get_by_role("button", name="Se connecter").is_disabled()
        page.context.close()

        # Even the right password, sent from the page opened before the lock, is refused
        # (Streamlit discards the click: the button is disabled in the run it starts).
        assert early.get_by_role("button", name="Se connecter").is_enabled()
        _send(early, STAFF_PASSWORD)
        assert 0 < _locked_for(early) <= LOCK_S
        assert early.get_by_role("button", name="Se connecter").is_disabled()
        assert early.get_by_role("button", name="Se déconnecter").count() == 0
        assert time.monotonic() - locked_at < LOCK_S, "too slow: the lock ran out"

        # Once the lock has passed, one more wrong password locks for twice as long.
        time.sleep(max(0.0, locked_at + LOCK_S + 1 - time.monotonic()))
        page = _new_context(browser, staff_server)
        assert page.get_by_role("button", name="Se connecter").is_enabled()
        _send(page, "mauvais-4")
        assert LOCK_S < _locked_for(page) <= 2 * LOCK_S

    log = (tmp_path / "streamlit.log").read_text()
    # Four wrong passwords read, each logged with the client address; nothing accepted.
    assert log.count("staff login refused from client unknown: wrong password") == 4
    assert "client lock for 20 s" in log and "client lock for 40 s" in log
    assert "accepted" not in log
    assert STAFF_PASSWORD not in log and "mauvais" not in log


# ---------------------------------------------------------------- validated answers

REINDEX_MS = 240_000


def test_staff_publish_a_validated_answer_then_the_corpus_suspends_it(
    staff_server: str, tmp_path: Path
) -> None:
    """The issue's scenario: propose from Rédaction, publish, see it served, suspend it."""
    from datetime import date

    from o2r_assistant.validated import date_fr

    with chromium() as browser:
        page = _new_context(browser, staff_server)  # on the Corpus page's login form
        _send(page, STAFF_PASSWORD)
        page.get_by_role("button", name="Se déconnecter").wait_for(state="visible")

        go(page, "Rédaction")
        page.get_by_label("E-mail du candidat").fill(
            "Bonjour,\nLes dépenses de formation sont-elles éligibles ?\nCordialement,\nMarie"
        )
        page.get_by_role("button", name="Préparer un projet de réponse").click()
        page.get_by_role("button", name="Proposer comme réponse validée").click()

        # The new page opens on a draft pre-filled with the question and the quote.
        questions = page.get_by_label("Questions : une formulation par ligne")
        questions.wait_for(state="visible")
        assert questions.input_value() == "Les dépenses de formation sont-elles éligibles ?"
        quotes = page.get_by_label("Citations : extraits exacts du corpus indexé, un par ligne")
        assert "Les dépenses de formation ne sont pas éligibles." in quotes.input_value()
        page.get_by_label("Réponse, en français (affichée telle quelle, sans mise en forme)").fill(
            "Non : les dépenses de formation ne sont pas éligibles. <b>Relisez l'AMI.</b>"
        )
        page.get_by_label("Votre nom", exact=True).fill("Camille Test")
        page.get_by_role("button", name="Publier").click()
        page.get_by_text("publiée : l'assistant la sert désormais").wait_for(state="visible")
        page.get_by_text("Publiées (1)").wait_for(state="visible")

        go(page, "Poser une question")
        box = page.get_by_placeholder("Posez votre question")
        box.fill("Les frais de formation sont-ils éligibles ?")
        box.press("Enter")
        line = f"Réponse validée par la DREETS Pays de la Loire le {date_fr(date.today())}."
        served = page.get_by_test_id("stChatMessage").filter(has_text=line)
        served.first.wait_for(state="visible")
        assert "<b>Relisez l'AMI.</b>" in served.first.inner_text()  # shown, not interpreted
        assert page.locator("[data-testid=stChatMessage] b").count() == 0
        # The usual quotes are drawn under the staff text, after it: wait for them.
        served.first.get_by_text("Ce que disent les textes").first.wait_for(state="visible")
        page.get_by_test_id("stExpander").filter(has_text="[1]").first.wait_for()
        page.set_viewport_size({"width": 1440, "height": 1600})
        page.screenshot(path=str(tmp_path / "validated.png"), full_page=True)

        # In words too far from the phrasing to be served, the answer is offered by its
        # phrasing; the button asks it, and the validated answer is served.
        box.fill(
            "Bonjour, on voudrait savoir si on peut mettre des frais de formation dans le "
            "budget du projet ?"
        )
        box.press("Enter")
        page.get_by_text("a validé une réponse à une question proche").wait_for(state="visible")
        assert served.count() == 1
        page.screenshot(path=str(tmp_path / "validated-offer.png"), full_page=True)
        offer = page.get_by_role("button", name="Les dépenses de formation sont-elles éligibles ?")
        offer.click()
        served.nth(1).wait_for(state="visible")

        # The corpus loses the quoted document: after reindexing, the answer is suspended.
        go(page, "Corpus")
        tick(page, page.get_by_label("Je confirme le retrait de ce document"))
        page.get_by_role("button", name="Retirer du corpus").click()
        page.get_by_text("Document retiré : ami-o2r-pays-de-la-loire").wait_for(state="visible")
        page.get_by_role("button", name="Relancer l'indexation").click()
        page.get_by_text("Index reconstruit").wait_for(state="visible", timeout=REINDEX_MS)
        go(page, "Réponses validées")
        page.get_by_text("Suspendues : à revoir (1)").wait_for(state="visible")
        page.get_by_text("Publiées (0)").wait_for(state="visible")

    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(tmp_path / "validated.png", ARTIFACTS / "validated.png")
    shutil.copyfile(tmp_path / "validated-offer.png", ARTIFACTS / "validated-offer.png")
