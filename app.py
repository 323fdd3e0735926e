"""Streamlit web app: cited answers for candidates, drafting and administration for staff.

UI only: answering, checking, drafting, feedback and corpus changes live in the
``o2r_assistant`` package. Every text that comes from a user or from the corpus
is shown as text (see ``o2r_assistant.rendering``), never as Markdown or HTML.
"""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from o2r_assistant.access import LoginLimiter, LoginPolicy, client_key, is_enabled
from o2r_assistant.checker import Dossier, evaluate
from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.corpus import LOADERS, corpus_files
from o2r_assistant.dossier_form import REGION, DossierForm, budget_categories, form_widgets
from o2r_assistant.errors import DossierError, O2RError
from o2r_assistant.feedback import FeedbackStore, export_question_set
from o2r_assistant.rendering import highlighted, md_text, safe_url
from o2r_assistant.report import STATUS_FR, CheckReport
from o2r_assistant.uploads import DocumentInfo, add_document, describe_corpus, remove_document
from o2r_assistant.widgets import BUDGET, PUBLIC, STRUCTURE, TERRITORY, Widget

# The answering stack (Chroma, LangChain, the embedder) is imported when first needed,
# so a fresh server paints the page before it has finished loading.
if TYPE_CHECKING:
    from o2r_assistant.answer import Answer, Citation
    from o2r_assistant.assistant import Assistant

log = logging.getLogger("o2r_assistant.app")

PAGE_ASK = "Poser une question"
PAGE_DRAFT = "Rédaction"
PAGE_EVAL = "Évaluation"
PAGE_CORPUS = "Corpus"
PAGES = (PAGE_ASK, PAGE_DRAFT, PAGE_EVAL, PAGE_CORPUS)
PAGE_ICONS = {
    PAGE_ASK: ":material/forum:",
    PAGE_DRAFT: ":material/edit_note:",
    PAGE_EVAL: ":material/monitoring:",
    PAGE_CORPUS: ":material/folder_open:",
}

NOTICE = (
    "Les réponses de cet assistant sont indicatives. Seule la DREETS Pays de la Loire "
    "décide de l'éligibilité et de la sélection des projets."
)
EXAMPLES = (
    "Les dépenses de formation sont-elles éligibles ?",
    "Quel est le coût minimum d'un projet ?",
    "Qui sont les publics « invisibles » visés par l'appel ?",
    "Combien de temps peut durer l'accompagnement d'une personne ?",
)
ABSTAIN_ICON = ":material/search_off:"
# Material icons ship with Streamlit; emoji depend on the visitor's fonts.
STATUS_MARK = {
    "pass": ":green[:material/check_circle:]",
    "fail": ":red[:material/cancel:]",
    "warn": ":orange[:material/warning:]",
    "missing": ":gray[:material/help:]",
}
ERROR_FR = "Une erreur inattendue est survenue. Réessayez ou contactez l'équipe du service."

TRISTATE: dict[bool | None, str] = {None: "Non renseigné", True: "Oui", False: "Non"}
SECTION_ICONS = {
    BUDGET: ":material/euro:",
    TERRITORY: ":material/map:",
    PUBLIC: ":material/groups:",
    STRUCTURE: ":material/apartment:",
}

MAX_EVAL_UPLOAD_BYTES = 1_000_000


# ---------------------------------------------------------------- errors


def show_error(err: O2RError) -> None:
    st.error(md_text(err.message_fr), icon=":material/error:")


# ---------------------------------------------------------------- resources


@st.cache_resource(show_spinner=False, max_entries=2)
def load_assistant(settings_json: str) -> Assistant:
    """One assistant per process and configuration, shared by every session.

    Building it serves the index, and first builds it if missing or stale.
    """
    from o2r_assistant.assistant import Assistant

    settings = Settings.model_validate_json(settings_json)
    started = time.perf_counter()
    assistant = Assistant(settings, build=True)
    log.info("assistant ready in %.2fs", time.perf_counter() - started)
    return assistant


def get_assistant(settings: Settings) -> Assistant | None:
    """The shared assistant, or None after showing why it cannot be loaded."""
    key = settings.model_dump_json(exclude={"admin_password"})
    try:
        with st.spinner("Préparation de l'index du corpus…", show_time=True):
            return load_assistant(key)
    except O2RError as err:
        log.warning("assistant unavailable: %s", err)
        show_error(err)
        return None


@st.cache_data(show_spinner=False, max_entries=16)
def corpus_listing(
    corpus_dir: str, fingerprint: tuple, chunk_counts: tuple[tuple[str, int], ...]
) -> list[DocumentInfo]:
    """Titles and dates of the corpus files; recomputed when a file or the index changes."""
    settings = Settings(corpus_dir=Path(corpus_dir))
    return describe_corpus(settings, dict(chunk_counts))


def documents(settings: Settings, assistant: Assistant) -> list[DocumentInfo]:
    fingerprint = tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in corpus_files(settings.corpus_dir)
    )
    counts: dict[str, int] = {}
    for chunk in assistant.index.chunks():
        counts[chunk.doc_id] = counts.get(chunk.doc_id, 0) + 1
    return corpus_listing(str(settings.corpus_dir), fingerprint, tuple(sorted(counts.items())))


def state() -> Any:
    """Session state with this app's defaults."""
    s = st.session_state
    s.setdefault("messages", [])
    s.setdefault("next_id", 1)
    s.setdefault("dossier", Dossier())
    s.setdefault("dossier_version", 0)
    s.setdefault("staff", False)
    return s


# ---------------------------------------------------------------- sidebar


def sidebar() -> tuple[str, Any]:
    """Navigation and notice; returns the page and a slot for the corpus version."""
    with st.sidebar:
        st.markdown("### :material/explore: Assistant O2R")
        st.caption("AMI « Offre de repérage et de remobilisation » — Pays de la Loire")
        page = st.radio(
            "Navigation",
            PAGES,
            key="page",
            format_func=lambda p: f"{PAGE_ICONS[p]} {p}",
        )
        st.info(NOTICE, icon=":material/gavel:")
        version = st.container()
        if st.session_state.get("staff") and st.button("Se déconnecter", icon=":material/logout:"):
            st.session_state.staff = False
            st.rerun()
    return page, version


def corpus_version(settings: Settings, assistant: Assistant) -> None:
    manifest = assistant.index.manifest
    with st.expander("Version du corpus", icon=":material/library_books:"):
        if manifest is not None:
            st.markdown(
                md_text(
                    f"Index construit le {_when(manifest.built_at)}\n"
                    f"Empreinte du corpus : {manifest.corpus_hash}\n"
                    f"{manifest.documents} documents, {manifest.chunks} passages"
                )
            )
        for doc in documents(settings, assistant):
            date = f" ({doc.date})" if doc.date else ""
            st.caption(md_text(f"{doc.title}{date}"))


def _when(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.astimezone(UTC).strftime("%d/%m/%Y à %H:%M UTC")


# ---------------------------------------------------------------- answers


def render_citations(citations: list[Citation]) -> None:
    grouped: dict[int, list[Citation]] = {}
    for c in citations:
        grouped.setdefault(c.n, []).append(c)
    for n, group in grouped.items():
        first = group[0]
        with st.expander(md_text(f"[{n}] {first.title}"), icon=":material/format_quote:"):
            where = first.section or ""
            if first.page is not None:
                where = f"{where}, page {first.page}" if where else f"page {first.page}"
            if where:
                st.caption(md_text(f"Section : {where}"))
            if first.reference:
                st.caption(md_text(f"Référence : {first.reference}"))
            st.markdown(highlighted(first.passage, [c.quote for c in group]))
            url = safe_url(first.url)
            if url:
                st.markdown(f"[:material/open_in_new: Consulter la source officielle]({url})")


def render_findings_summary(report: CheckReport) -> None:
    """The checker's reading of one message, kept apart from the quotes."""
    with st.container(border=True):
        st.markdown("**:material/fact_check: Vérification automatique des faits indiqués**")
        st.markdown(md_text(report.summary_fr()))
        for r in report.results:
            if r.status != "missing":
                st.markdown(
                    f"{STATUS_MARK[r.status]} **{md_text(r.label)}** : {md_text(r.explanation)}"
                )
        st.caption("Détail et checklist dans le panneau « Vérifier mon projet ».")


def render_answer(answer: Answer) -> None:
    for notice in answer.notices:
        st.warning(md_text(notice), icon=":material/info:")
    if answer.abstained:
        st.info(md_text(answer.text), icon=ABSTAIN_ICON)
    else:
        st.markdown(md_text(answer.text))
        render_citations(answer.citations)
    if answer.findings is not None and answer.facts_stated:
        render_findings_summary(answer.findings)


def render_feedback(message: dict, store: FeedbackStore) -> None:
    key = message["id"]
    rating = st.feedback("thumbs", key=f"rating-{key}")
    if rating is None:
        return
    value = "up" if rating == 1 else "down"
    answer: Answer = message["answer"]
    try:
        if message.get("feedback_id") is None:
            message["feedback_id"] = store.add(
                answer.question, answer.text, answer.citations, value
            )
            message["rating"] = value
        elif message.get("rating") != value:
            store.update(
                message["feedback_id"], value, message.get("comment"), message.get("corrected")
            )
            message["rating"] = value
    except O2RError as err:
        show_error(err)
        return
    if message.get("annotated"):
        st.caption("Merci pour votre avis.")
        return
    with st.form(f"feedback-form-{key}", border=False):
        comment = st.text_input("Un commentaire ? (facultatif)", key=f"comment-{key}")
        corrected = None
        if value == "down":
            corrected = st.text_area(
                "La réponse attendue, si vous la connaissez (facultatif)",
                key=f"corrected-{key}",
                height=80,
            )
        sent = st.form_submit_button("Envoyer mon avis", icon=":material/send:")
    if sent:
        try:
            store.update(message["feedback_id"], value, comment, corrected)
        except O2RError as err:
            show_error(err)
            return
        message.update(annotated=True, comment=comment, corrected=corrected)
        st.rerun()


def ask(settings: Settings, question: str) -> None:
    s = state()
    history = [m["content"] for m in s.messages if m["role"] == "user"]
    s.messages.append({"role": "user", "content": question, "id": _next_id()})
    assistant = get_assistant(settings)
    if assistant is None:
        return
    dossier = s.dossier if not s.dossier.is_empty() else None
    reply: dict[str, Any] = {"role": "assistant", "id": _next_id()}
    try:
        answer = assistant.ask(question, history=history, dossier=dossier)
        reply["answer"] = answer
        if answer.facts_stated:
            s.dossier = answer.dossier
            s.dossier_version += 1  # the form is rebuilt pre-filled with the new facts
    except O2RError as err:
        log.info("question refused: %s", err)
        reply["error"] = err.message_fr
    except Exception:
        log.exception("answering failed")
        reply["error"] = ERROR_FR
    s.messages.append(reply)


def _next_id() -> int:
    s = state()
    s.next_id += 1
    return s.next_id


def chat(settings: Settings) -> None:
    s = state()
    store = FeedbackStore(settings.feedback_db)
    history = st.container()
    pending = s.pop("pending_question", None)
    prompt = st.chat_input("Posez votre question sur l'AMI O2R…")
    question = prompt if prompt is not None else pending
    if question is not None:
        ask(settings, question)
    with history:
        if not s.messages:
            st.markdown(
                "Posez une question sur l'appel : structures éligibles, public visé, budget, "
                "durées, territoire, critères de sélection… Chaque réponse cite les textes."
            )
            st.caption("Exemples :")
            for i, example in enumerate(EXAMPLES):
                st.button(
                    example,
                    key=f"example-{i}",
                    icon=":material/chat_bubble:",
                    on_click=s.__setitem__,
                    args=("pending_question", example),
                )
        for message in s.messages:
            if message["role"] == "user":
                with st.chat_message("user"):
                    st.markdown(md_text(message["content"]))
                continue
            with st.chat_message("assistant"):
                if "error" in message:
                    st.error(md_text(message["error"]), icon=":material/error:")
                    continue
                render_answer(message["answer"])
                render_feedback(message, store)


# ---------------------------------------------------------------- checker panel


def _choice(label: str, labels: dict[Any, str], value: Any, key: str) -> Any:
    """A selectbox over the keys of ``labels``, each shown by its label."""
    options = list(labels)
    return st.selectbox(label, options, index=options.index(value), format_func=labels.get, key=key)


def _budget(frame: pd.DataFrame, dossier: Dossier, key: str) -> pd.DataFrame:
    return st.data_editor(
        frame,
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "Année": st.column_config.NumberColumn(
                min_value=2000, max_value=2100, step=1, format="%d", width=70
            ),
            "Catégorie": st.column_config.SelectboxColumn(
                options=budget_categories(dossier), width=130
            ),
            "Montant (€)": st.column_config.NumberColumn(
                min_value=0, step=100, format="%.0f", width=100
            ),
        },
    )


def _input(widget: Widget, value: Any, dossier: Dossier, key: str) -> Any:
    """The Streamlit input for one widget of the dossier form."""
    label, kind = widget.label, widget.kind
    if kind == "euros":
        step = float(widget.step)  # Streamlit wants value, bounds and step of one type
        return st.number_input(label, min_value=0.0, step=step, format="%.0f", value=value, key=key)
    if kind == "months":
        return st.number_input(label, min_value=1, max_value=240, step=1, value=value, key=key)
    if kind == "yes_no":
        return _choice(label, TRISTATE, value, key)
    if kind in ("choice", "public"):
        return _choice(label, dict(widget.choices), value, key)
    if kind in ("text", "other_places"):
        return st.text_input(label, value=value, key=key)
    if kind == "departments":
        return st.multiselect(
            label, list(REGION), default=value, format_func=lambda c: f"{c} — {REGION[c]}", key=key
        )
    if kind == "budget":
        return _budget(value, dossier, key)
    raise ValueError(f"no input for widgets of kind {kind!r}")


def dossier_form(dossier: Dossier, version: int) -> Dossier | None:
    """The session dossier as an editable form; the edited dossier once submitted."""
    k = f"d{version}-"
    form = DossierForm.of(dossier)
    values: dict[str, Any] = {}
    with st.form(f"{k}form", border=False):
        for i, (section, widgets) in enumerate(form_widgets()):
            with st.expander(section, icon=SECTION_ICONS[section], expanded=i == 0):
                for widget in widgets:
                    if widget.help:
                        st.caption(widget.help)
                    value = getattr(form, widget.key)
                    values[widget.key] = _input(widget, value, dossier, k + widget.key)
        submitted = st.form_submit_button(
            "Vérifier", type="primary", icon=":material/fact_check:", width="stretch"
        )
    if not submitted:
        return None
    return DossierForm(**values).to_dossier(dossier)


def _short_title(title: str) -> str:
    return re.split(r"\s+[—–]\s+", title, maxsplit=1)[0]


def rules_table(report: CheckReport) -> pd.DataFrame:
    """One row per rule; every cell is Markdown (st.table), so texts are escaped."""
    rows = []
    for r in report.results:
        kind = "bloquant" if r.blocking else "non bloquant"
        rows.append(
            {
                "": STATUS_MARK[r.status],
                "Règle": (
                    f"**{md_text(r.label)}**  \n:small[:gray[{STATUS_FR[r.status]}, {kind}]]"
                ),
                "Constat": md_text(r.explanation),
            }
        )
    return pd.DataFrame(rows)


def rule_sources(report: CheckReport) -> None:
    with st.expander("Textes sur lesquels reposent ces règles", icon=":material/menu_book:"):
        for r in report.results:
            quotes = []
            for source in r.sources:
                title = md_text(_short_title(source.title))
                url = safe_url(source.source_url)
                cited = f"[{title}]({url})" if url else title
                quotes.append(f"« {md_text(source.passage)} » ({cited})")
            if quotes:
                st.markdown(f"**{md_text(r.label)}** : " + " ; ".join(quotes))


def render_report(report: CheckReport, known_facts: bool) -> None:
    if not known_facts:
        st.info(
            "Aucun fait connu pour l'instant : décrivez votre projet dans la conversation "
            "(budget, lieux, durées, public…) ou remplissez le formulaire.",
            icon=":material/info:",
        )
        with st.expander(f"Les {len(report.results)} règles vérifiées"):
            st.table(rules_table(report), hide_index=True, border="horizontal")
    else:
        verdict = md_text(report.summary_fr())
        if report.verdict == "eligible":
            st.success(verdict, icon=":material/check_circle:")
        elif report.verdict == "ineligible":
            st.error(verdict, icon=":material/cancel:")
        else:
            st.warning(verdict, icon=":material/pending:")
        st.table(rules_table(report), hide_index=True, border="horizontal")
    rule_sources(report)
    st.download_button(
        "Télécharger la checklist (Markdown)",
        report.to_markdown(),
        file_name="checklist-o2r.md",
        mime="text/markdown",
        icon=":material/download:",
        width="stretch",
    )


def checker_panel() -> None:
    s = state()
    st.subheader(":material/fact_check: Vérifier mon projet")
    st.caption(
        "Pré-rempli avec les faits cités dans la conversation ; complétez-les pour une "
        "vérification plus complète."
    )
    render_report(evaluate(s.dossier), known_facts=not s.dossier.is_empty())
    if not st.toggle("Compléter ou corriger les informations du projet", key="edit_dossier"):
        return
    try:
        edited = dossier_form(s.dossier, s.dossier_version)
    except DossierError as err:
        log.info("dossier form refused: %s", err)
        st.error(md_text(err.message_fr))
        return
    if edited is not None:
        s.dossier = edited
        st.rerun()  # the report above shows the edited dossier


def page_ask(settings: Settings) -> None:
    st.title("Assistant de l'AMI O2R Pays de la Loire")
    st.caption(
        "Offre de repérage et de remobilisation — loi n° 2023-1196 du 18 décembre 2023, "
        "article 7 ; décret n° 2024-584 ; arrêté du 26 juin 2024."
    )
    left, right = st.columns([5, 4], gap="large")
    with left:
        chat(settings)
    with right, st.container(border=True):
        checker_panel()


# ---------------------------------------------------------------- drafting


def page_draft(settings: Settings) -> None:
    from o2r_assistant.drafting import draft_reply, draft_to_docx

    s = state()
    st.title("Rédaction d'une réponse")
    st.caption(
        "Collez l'e-mail d'un candidat : l'assistant prépare un projet de réponse cité, à relire "
        "et à compléter. Rien n'est envoyé."
    )
    email = st.text_area("E-mail du candidat", height=200, key="email")
    if st.button("Préparer un projet de réponse", type="primary", icon=":material/edit_note:"):
        assistant = get_assistant(settings)
        if not email.strip():
            st.error("Collez d'abord le texte de l'e-mail du candidat.")
        elif assistant is not None:
            try:
                s.draft = draft_reply(email, assistant)
                s.draft_version = s.get("draft_version", 0) + 1
            except O2RError as err:
                show_error(err)
    draft = s.get("draft")
    if draft is None:
        return
    text = st.text_area(
        "Projet de réponse (modifiable)",
        value=draft.text,
        height=420,
        key=f"draft-{s.draft_version}",
    )
    edited = replace(draft, text=text)
    md_col, docx_col = st.columns(2)
    md_col.download_button(
        "Télécharger (.md)",
        text,
        file_name="reponse-o2r.md",
        mime="text/markdown",
        icon=":material/download:",
        width="stretch",
    )
    docx_col.download_button(
        "Télécharger (.docx)",
        draft_to_docx(edited),
        file_name="reponse-o2r.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/download:",
        width="stretch",
    )
    st.caption(md_text(f"Question posée à l'assistant : {draft.question}"))
    if draft.citations:
        st.markdown("**Passages cités, pour vérification**")
        render_citations(list(draft.citations))


# ---------------------------------------------------------------- staff access


@st.cache_resource(show_spinner=False)
def login_limiter(policy: LoginPolicy) -> LoginLimiter:
    """One limiter per process, shared by every session: reconnecting does not reset it."""
    return LoginLimiter(policy)


def login_policy(settings: Settings) -> LoginPolicy:
    return LoginPolicy(
        max_failures=settings.login_max_failures,
        lock_seconds=settings.login_lock_s,
        max_lock_seconds=settings.login_max_lock_s,
        global_max_failures=settings.login_global_max_failures,
        global_window_seconds=settings.login_global_window_s,
    )


def wait_fr(seconds: float) -> str:
    """A wait in French, rounded up to the second: « 45 s », « 2 min 30 s », « 1 h »."""
    hours, rest = divmod(math.ceil(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return " ".join(parts)


def staff_gate(settings: Settings) -> bool:
    """True once this session gave the admin password.

    Wrong passwords are counted per client address and for all clients, in one
    limiter per process (see ``o2r_assistant.access``), not in the session.
    """
    s = state()
    if not is_enabled(settings.admin_password):
        st.warning(
            "Cette page est désactivée : aucun mot de passe d'administration n'est configuré. "
            "Définissez la variable d'environnement O2R\\_ADMIN\\_PASSWORD puis relancez "
            "l'application.",
            icon=":material/lock:",
        )
        return False
    if s.staff:
        return True
    limiter = login_limiter(login_policy(settings))
    client = client_key(st.context.ip_address)
    locked = limiter.seconds_left(client) > 0
    with st.form("login"):
        st.markdown(":material/lock: **Accès réservé aux services de la DREETS**")
        password = st.text_input("Mot de passe", type="password", key="password")
        submitted = st.form_submit_button("Se connecter", disabled=locked)
    if submitted:
        # The limiter refuses a locked client unread, whatever the form showed; a page
        # opened before the lock sends a click that Streamlit discards (the button is
        # disabled in this run), so the password does not even reach the limiter.
        outcome = limiter.check(client, password, settings.admin_password)
        if outcome.status == "ok":
            s.staff = True
            log.info("staff login accepted from client %s", client)
            st.rerun()
        if outcome.status == "locked":
            log.warning(
                "staff login refused unread from client %s: %s lock, %.0f s left "
                "(%d failures from this client, %d from all clients in the window)",
                client, outcome.scope, outcome.seconds_left,
                outcome.failures, outcome.global_failures,
            )  # fmt: skip
            st.rerun()
        log.warning(
            "staff login refused from client %s: wrong password "
            "(%d failures from this client, %d from all clients in the window)%s",
            client, outcome.failures, outcome.global_failures,
            f"; {outcome.scope} lock for {outcome.seconds_left:.0f} s"
            if outcome.seconds_left else "",
        )  # fmt: skip
        if outcome.seconds_left:
            st.rerun()
        st.error("Mot de passe incorrect.", icon=":material/error:")
    if limiter.seconds_left(client) > 0:
        lock_countdown(limiter, client)
    return False


@st.fragment(run_every=1.0)
def lock_countdown(limiter: LoginLimiter, client: str) -> None:
    left = limiter.seconds_left(client)
    if left <= 0:
        st.rerun()
    st.error(
        f"Trop de tentatives infructueuses : réessayez dans {wait_fr(left)}.",
        icon=":material/timer:",
    )


# ---------------------------------------------------------------- evaluation


def question_sets() -> list[Path]:
    folders = [PROJECT_ROOT / "tests" / "eval", PROJECT_ROOT.parent / "shared" / "eval"]
    return [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.yaml"))]


def run_eval(settings: Settings, assistant: Assistant, paths: list[Path]) -> None:
    from o2r_assistant.evaluation import (
        default_runs_dir,
        previous_run,
        run_evaluation,
        save_run,
        write_report,
    )

    bar = st.progress(0.0, text="Évaluation en cours…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"Évaluation : {done}/{total} questions")

    try:
        result = run_evaluation(paths, assistant=assistant, progress=progress)
    except O2RError as err:
        bar.empty()
        show_error(err)
        return
    bar.empty()
    data = result.to_dict()
    runs = default_runs_dir(settings)
    folder = save_run(data, runs).parent
    files = write_report(result, folder / "rapport.md")
    st.session_state.eval_run = {
        "result": data,
        "images": [str(p) for p in files if p.suffix == ".png"],
        "previous": previous_run(runs, data["config"]["files"], folder.name),
    }
    log.info("evaluation stored in %s", folder)


def render_eval(run: dict) -> None:
    from o2r_assistant.evaluation import METRICS, compare_results

    data, previous = run["result"], run["previous"]
    st.subheader("Résultats")
    for start in range(0, len(METRICS), 4):
        row = METRICS[start : start + 4]
        for col, metric in zip(st.columns(4), row, strict=False):
            col.metric(metric.label_short, metric.format(metric.value(data), short=True))
    if previous is not None:
        st.markdown("**Comparaison avec l'évaluation précédente sur les mêmes jeux**")
        labels = {metric.name: metric.label_short for metric in METRICS}
        rows = [
            {"Indicateur": labels[name], "Précédente": a, "Actuelle": b, "Écart": delta}
            for name, a, b, delta in compare_results(previous, data)
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    else:
        st.caption("Pas d'évaluation précédente sur ces jeux de questions.")
    failures = data["failures"]
    st.markdown(f"**Échecs : {len(failures)}**")
    if failures:
        st.dataframe(
            pd.DataFrame([{"Cas": f["id"], "Raisons": " ; ".join(f["reasons"])} for f in failures]),
            hide_index=True,
            width="stretch",
        )
    images = [p for p in run["images"] if Path(p).is_file()]
    if images:
        cols = st.columns(len(images))
        for col, image in zip(cols, images, strict=True):
            col.image(image)


def feedback_export(settings: Settings) -> None:
    st.subheader("Avis des utilisateurs")
    try:
        negative = FeedbackStore(settings.feedback_db).records("down")
    except O2RError as err:
        show_error(err)
        return
    st.caption(
        f"{len(negative)} avis négatif(s). L'export produit un jeu de questions au format "
        "d'évaluation (à relire avant usage)."
    )
    if negative:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "N°": r.id,
                        "Date": r.created_at,
                        "Question": r.question,
                        "Commentaire": r.comment or "",
                        "Réponse attendue": r.corrected_answer or "",
                    }
                    for r in negative
                ]
            ),
            hide_index=True,
            width="stretch",
        )
    st.download_button(
        "Exporter les avis négatifs (YAML)",
        export_question_set(negative),
        file_name="questions-avis.yaml",
        mime="application/x-yaml",
        icon=":material/download:",
        disabled=not negative,
    )


def page_eval(settings: Settings) -> None:
    from o2r_assistant.evaluation import default_runs_dir, save_question_set

    st.title("Évaluation")
    if not staff_gate(settings):
        return
    st.caption("Mesure la qualité des réponses sur des jeux de questions au format d'évaluation.")
    sets = question_sets()
    chosen = st.multiselect(
        "Jeux de questions",
        sets,
        default=sets[:1],
        format_func=lambda p: f"{p.parent.name}/{p.name}",
    )
    uploaded = st.file_uploader(
        "Ou un jeu de questions (YAML)", type=["yaml", "yml"], max_upload_size=1
    )
    if st.button("Lancer l'évaluation", type="primary", icon=":material/play_arrow:"):
        paths = list(chosen)
        if uploaded is not None:
            data = uploaded.getvalue()
            if len(data) > MAX_EVAL_UPLOAD_BYTES:
                st.error("Le fichier YAML dépasse 1 Mo.")
                return
            paths.append(save_question_set(data, uploaded.name, default_runs_dir(settings)))
        assistant = get_assistant(settings)
        if not paths:
            st.error("Choisissez au moins un jeu de questions.")
        elif assistant is not None:
            run_eval(settings, assistant, paths)
    run = st.session_state.get("eval_run")
    if run:
        render_eval(run)
    st.divider()
    feedback_export(settings)


# ---------------------------------------------------------------- corpus


def page_corpus(settings: Settings) -> None:
    from o2r_assistant.index import is_current

    st.title("Corpus")
    if not staff_gate(settings):
        return
    assistant = get_assistant(settings)
    if assistant is None:
        return
    docs = documents(settings, assistant)
    if is_current(assistant.index, settings, assistant.embedder):
        st.success("L'index est à jour avec le corpus.", icon=":material/check_circle:")
    else:
        st.warning(
            "Le corpus a changé depuis la dernière indexation : relancez l'indexation pour que "
            "l'assistant en tienne compte.",
            icon=":material/sync_problem:",
        )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Document": d.doc_id,
                    "Titre": d.title,
                    "Date": d.date or "",
                    "Passages indexés": d.chunks,
                    "Taille (Ko)": round(d.size_bytes / 1024, 1),
                }
                | ({"Problème": d.error or ""} if any(x.error for x in docs) else {})
                for d in docs
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    # A new round after each change gives fresh (empty) upload and removal widgets.
    k = f"corpus{st.session_state.setdefault('corpus_round', 0)}-"
    add_col, remove_col = st.columns(2, gap="large")
    with add_col, st.container(border=True):
        st.markdown("**Ajouter un document**")
        uploaded = st.file_uploader(
            f"PDF, Markdown ou texte, {settings.upload_max_mb:g} Mo au plus",
            type=[suffix.lstrip(".") for suffix in LOADERS],
            key=f"{k}upload",
            max_upload_size=math.ceil(settings.upload_max_mb),
        )
        overwrite = st.checkbox("Remplacer le document s'il existe déjà", key=f"{k}replace")
        if st.button("Ajouter au corpus", icon=":material/upload_file:", disabled=uploaded is None):
            try:
                path = add_document(settings, uploaded.name, uploaded.getvalue(), replace=overwrite)
            except O2RError as err:
                show_error(err)
            else:
                corpus_changed(f"Document ajouté : {path.name}.")
    with remove_col, st.container(border=True):
        st.markdown("**Retirer un document**")
        doc_id = st.selectbox("Document", [d.doc_id for d in docs], key=f"{k}remove")
        confirm = st.checkbox("Je confirme le retrait de ce document", key=f"{k}confirm")
        if st.button("Retirer du corpus", icon=":material/delete:", disabled=not confirm):
            try:
                remove_document(settings, doc_id)
            except O2RError as err:
                show_error(err)
            else:
                corpus_changed(f"Document retiré : {doc_id}.")
    if st.button("Relancer l'indexation", type="primary", icon=":material/sync:"):
        reindex(settings, assistant)


def corpus_changed(message: str) -> None:
    log.info("corpus changed: %s", message)
    st.session_state.flash = (
        f"{message} Relancez l'indexation pour que l'assistant en tienne compte."
    )
    st.session_state.corpus_round += 1
    st.rerun()


def reindex(settings: Settings, assistant: Assistant) -> None:
    from o2r_assistant.index import build_index

    bar = st.progress(0.0, text="Indexation…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"Indexation : {done}/{total} passages")

    try:
        report = build_index(settings, assistant.embedder, progress=progress)
    except O2RError as err:
        bar.empty()
        show_error(err)
        return
    load_assistant.clear()  # the next run serves the new index
    m = report.manifest
    st.session_state.flash = (
        f"Index reconstruit en {report.seconds:.1f} s : {m.documents} documents, "
        f"{m.chunks} passages."
    )
    st.rerun()


# ---------------------------------------------------------------- main


def main() -> None:
    st.set_page_config(
        page_title="Assistant O2R Pays de la Loire",
        page_icon=":material/explore:",
        layout="wide",
    )
    settings = Settings()
    state()
    page, version = sidebar()
    flash = st.session_state.pop("flash", None)
    if flash:
        st.success(md_text(flash), icon=":material/check_circle:")
    if page == PAGE_ASK:
        page_ask(settings)
    elif page == PAGE_DRAFT:
        page_draft(settings)
    elif page == PAGE_EVAL:
        page_eval(settings)
    else:
        page_corpus(settings)
    # Last, so that on a fresh server the page is usable while the index loads.
    with version:
        assistant = get_assistant(settings)
        if assistant is not None:
            corpus_version(settings, assistant)


main()
