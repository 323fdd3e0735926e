"""The corpus: its version in the sidebar, and the staff page to add, remove and reindex."""

from __future__ import annotations

import logging
import math
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from o2r_assistant.config import Settings
from o2r_assistant.corpus import LOADERS, corpus_files
from o2r_assistant.errors import O2RError
from o2r_assistant.rendering import md_text
from o2r_assistant.ui.common import get_assistant, load_assistant, show_error
from o2r_assistant.ui.staff import record_action, staff_gate
from o2r_assistant.uploads import DocumentInfo, add_document, describe_corpus, remove_document

if TYPE_CHECKING:
    from o2r_assistant.assistant import Assistant

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
            present = {p.name for p in corpus_files(settings.corpus_dir)}
            try:
                path = add_document(settings, uploaded.name, uploaded.getvalue(), replace=overwrite)
            except O2RError as err:
                show_error(err)
            else:
                replaced = path.name in present
                record_action(
                    settings, "document_replaced" if replaced else "document_added", path.name
                )
                corpus_changed(f"Document {'remplacé' if replaced else 'ajouté'} : {path.name}.")
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
                record_action(settings, "document_removed", doc_id)
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
    record_action(settings, "reindexed", f"{m.documents} documents, {m.chunks} passages")
    st.session_state.flash = (
        f"Index reconstruit en {report.seconds:.1f} s : {m.documents} documents, "
        f"{m.chunks} passages."
    )
    st.rerun()
