"""The corpus: its version in the sidebar, and the staff page to add, remove and reindex."""

from __future__ import annotations

import logging
import math
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from o2r_assistant.config import Settings
from o2r_assistant.corpus import LOADERS, corpus_files
from o2r_assistant.errors import O2RError
from o2r_assistant.rendering import md_text
from o2r_assistant.ui.common import ERROR_FR, get_assistant, show_error
from o2r_assistant.ui.staff import record_action, staff_identity, staff_page
from o2r_assistant.uploads import (
    DocumentInfo,
    add_document,
    describe_corpus,
    plan_upload,
    remove_document,
)

if TYPE_CHECKING:
    from o2r_assistant.assistant import Assistant
    from o2r_assistant.build import BuildJob

log = logging.getLogger(__name__)


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


BUILD_NOTICE = "Une version plus récente du corpus est en préparation."
CONFIRM_DUPLICATE = "Je confirme l'ajout de ce document en connaissance de cause"
POLL_S = 0.5


def corpus_version(settings: Settings, assistant: Assistant) -> None:
    from o2r_assistant.build import running_build

    assistant.refresh()  # the generation a build swapped in, even before the next question
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
            # A local copy of a shipped title is told apart from the shipped text.
            origin = f" — {doc.origin.label_fr()}" if doc.origin else ""
            st.caption(md_text(f"{doc.title}{date}{origin}"))
    if running_build(settings, assistant.embedder) is not None:
        st.caption(BUILD_NOTICE)


def _when(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.astimezone(UTC).strftime("%d/%m/%Y à %H:%M UTC")


def page_corpus(settings: Settings) -> None:
    from o2r_assistant.build import running_build, start_build
    from o2r_assistant.index import is_current

    if not staff_page(settings, "Corpus"):
        return
    assistant = get_assistant(settings)
    if assistant is None:
        return
    assistant.refresh()
    docs = documents(settings, assistant)
    job = running_build(settings, assistant.embedder)
    if is_current(assistant.index, settings, assistant.embedder):
        st.success("L'index est à jour avec le corpus.", icon=":material/check_circle:")
    elif job is not None:
        st.info(
            "Indexation en cours : l'assistant répond avec la version précédente du corpus "
            "jusqu'à ce qu'elle se termine.",
            icon=":material/sync:",
        )
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
                    "Origine": d.origin.label_fr() if d.origin else "livré avec l'assistant",
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
        refused, duplicate = uploaded is None, None
        if uploaded is not None:
            try:  # every check, and the passages and indexing time, before anything is written
                plan = plan_upload(settings, uploaded.name, uploaded.getvalue(), replace=overwrite)
            except O2RError as err:
                show_error(err)
                refused = True
            else:
                st.caption(plan.summary_fr())
                duplicate = plan.duplicate
        if duplicate is not None:
            st.warning(md_text(duplicate.message_fr(plan.name)), icon=":material/content_copy:")
            refused = not st.checkbox(CONFIRM_DUPLICATE, key=f"{k}duplicate")
        if st.button("Ajouter au corpus", icon=":material/upload_file:", disabled=refused):
            present = {p.name for p in corpus_files(settings.corpus_dir)}
            identity = staff_identity(settings)
            try:
                path = add_document(
                    settings,
                    uploaded.name,
                    uploaded.getvalue(),
                    replace=overwrite,
                    allow_duplicate=duplicate is not None,
                    added_by=identity.actor if identity else "",
                )
            except O2RError as err:
                show_error(err)
            else:
                replaced = path.name in present
                confirmed = f" (doublon confirmé de {duplicate.filename})" if duplicate else ""
                record_action(
                    settings,
                    "document_replaced" if replaced else "document_added",
                    path.name + confirmed,
                )
                corpus_changed(f"Document {'remplacé' if replaced else 'ajouté'} : {path.name}.")
    with remove_col, st.container(border=True):
        st.markdown("**Retirer un document**")
        doc_id = st.selectbox(
            "Document", [d.doc_id for d in docs], key=f"{k}remove", placeholder="Choisir…"
        )
        confirm = st.checkbox("Je confirme le retrait de ce document", key=f"{k}confirm")
        if st.button("Retirer du corpus", icon=":material/delete:", disabled=not confirm):
            try:
                remove_document(settings, doc_id)
            except O2RError as err:
                show_error(err)
            else:
                record_action(settings, "document_removed", doc_id)
                corpus_changed(f"Document retiré : {doc_id}.")
    if st.button("Relancer l'indexation", type="primary", icon=":material/sync:"):
        job = start_build(settings, assistant.embedder)  # joins a build already running
        record_action(settings, "reindexed")
    if job is not None:
        follow_build(job)


def corpus_changed(message: str) -> None:
    log.info("corpus changed: %s", message)
    st.session_state.flash = (
        f"{message} Relancez l'indexation pour que l'assistant en tienne compte."
    )
    st.session_state.corpus_round += 1
    st.rerun()


def follow_build(job: BuildJob) -> None:
    """A background build's progress until it ends, then its outcome.

    Questions keep being answered meanwhile, on the previous index; the next one after
    the build is answered on the new index.
    """
    bar = st.progress(0.0, text="Indexation : préparation…")
    while job.running:
        progress = job.progress
        done = progress.done / progress.total if progress.total else 0.0
        bar.progress(min(done, 1.0), text=f"Indexation : {progress.describe_fr()}")
        time.sleep(POLL_S)
    bar.empty()
    if job.report is None:
        log.warning("index build failed: %s", job.error)
        if isinstance(job.error, O2RError):
            show_error(job.error)
        else:
            st.error(ERROR_FR, icon=":material/error:")
        return
    report, m = job.report, job.report.manifest
    st.session_state.flash = (
        f"Index reconstruit en {report.seconds:.1f} s : {m.documents} documents, "
        f"{m.chunks} passages dont {report.embedded} calculés et {report.cached} repris du cache."
    )
    st.rerun()
