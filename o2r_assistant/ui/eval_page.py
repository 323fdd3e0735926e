"""The staff evaluation page: run question sets, compare with the last run, export feedback."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.feedback import (
    FeedbackStore,
    export_question_set,
    feedback_csv,
    feedback_table,
)
from o2r_assistant.ui.common import download, get_assistant, show_error
from o2r_assistant.ui.staff import record_action, staff_page

if TYPE_CHECKING:
    from o2r_assistant.assistant import Assistant

log = logging.getLogger(__name__)

MAX_EVAL_UPLOAD_BYTES = 1_000_000


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
    try:
        stamp = save_run(data, settings.database)
        previous = previous_run(settings.database, data["config"]["files"], stamp)
    except O2RError as err:
        show_error(err)
        return
    # The report and plots are drawn from the result: files on this replica only.
    folder = default_runs_dir(settings) / stamp
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # reports quote the questions
    files = write_report(result, folder / "rapport.md")
    st.session_state.eval_run = {
        "result": data,
        "images": [str(p) for p in files if p.suffix == ".png"],
        "previous": previous,
    }
    log.info("evaluation %s stored, report in %s", stamp, folder)


def render_eval(run: dict) -> None:
    from o2r_assistant.evaluation import METRICS, compare_results

    data, previous = run["result"], run["previous"]
    st.subheader("Résultats", anchor=False)
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
    st.subheader("Avis des utilisateurs", anchor=False)
    store = FeedbackStore(settings.database, settings.feedback_retention_days)
    try:
        negative = store.records("down")
    except O2RError as err:
        show_error(err)
        return
    st.caption(
        f"{len(negative)} avis négatif(s). L'export produit un jeu de questions au format "
        "d'évaluation (à relire avant usage)."
    )
    if negative:
        st.dataframe(pd.DataFrame(feedback_table(negative)), hide_index=True, width="stretch")
    yaml_col, csv_col = st.columns(2)
    download(
        yaml_col,
        "Exporter les avis négatifs (YAML)",
        export_question_set(negative),
        "questions-avis.yaml",
        disabled=not negative,
        on_click=record_action,
        args=(settings, "feedback_exported", f"{len(negative)} avis négatif(s)"),
    )
    download(
        csv_col,
        "Exporter les avis négatifs (CSV)",
        feedback_csv(negative),
        "avis-negatifs.csv",
        disabled=not negative,
    )
    with st.container(border=True):
        st.number_input("N° de l'avis à supprimer", min_value=1, step=1, key="feedback_to_delete")
        st.button(
            "Supprimer cet avis", icon=":material/delete:", on_click=delete_feedback, args=(store,)
        )
        deleted = st.session_state.pop("feedback_delete_result", None)
        if isinstance(deleted, O2RError):
            show_error(deleted)
        elif deleted is not None:
            n, found = deleted
            if found:
                st.success(f"Avis n° {n} supprimé.")
            else:
                st.warning(f"Aucun avis n° {n}.")


def delete_feedback(store: FeedbackStore) -> None:
    """Button callback, run before the page: the table above no longer shows the row."""
    s = st.session_state
    n = int(s.feedback_to_delete)
    try:
        found = store.delete(n)
    except O2RError as err:
        s.feedback_delete_result = err
        return
    if found:
        log.info("feedback %d deleted by staff", n)
    s.feedback_delete_result = (n, found)


def page_eval(settings: Settings) -> None:
    from o2r_assistant.evaluation import default_runs_dir, save_question_set

    if not staff_page(
        settings,
        "Évaluation",
        "Mesure la qualité des réponses sur des jeux de questions au format d'évaluation.",
    ):
        return
    sets = question_sets()
    chosen = st.multiselect(
        "Jeux de questions",
        sets,
        default=sets[:1],
        format_func=lambda p: f"{p.parent.name}/{p.name}",
        placeholder="Choisir un ou plusieurs jeux",
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
