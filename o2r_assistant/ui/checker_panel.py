"""The "Vérifier mon projet" panel: the check report and the dossier form."""

from __future__ import annotations

import logging
import re
from typing import Any

import pandas as pd
import streamlit as st

from o2r_assistant.checker import Dossier, evaluate
from o2r_assistant.dossier_form import REGION, DossierForm, budget_categories, form_widgets
from o2r_assistant.errors import DossierError
from o2r_assistant.rendering import md_text, safe_url
from o2r_assistant.report import STATUS_FR, CheckReport
from o2r_assistant.ui.common import STATUS_MARK, download, state
from o2r_assistant.widgets import BUDGET, PUBLIC, STRUCTURE, TERRITORY, Widget

log = logging.getLogger(__name__)

TRISTATE: dict[bool | None, str] = {None: "Non renseigné", True: "Oui", False: "Non"}
SECTION_ICONS = {
    BUDGET: ":material/euro:",
    TERRITORY: ":material/map:",
    PUBLIC: ":material/groups:",
    STRUCTURE: ":material/apartment:",
}


def _choice(label: str, labels: dict[Any, str], value: Any, key: str) -> Any:
    """A selectbox over the keys of ``labels``, each shown by its label."""
    options = list(labels)
    return st.selectbox(
        label,
        options,
        index=options.index(value),
        format_func=labels.get,
        key=key,
        placeholder="Choisir une option",
    )


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
            label,
            list(REGION),
            default=value,
            format_func=lambda c: f"{c} — {REGION[c]}",
            key=key,
            placeholder="Choisir un ou plusieurs départements",
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


def rules_table(report: CheckReport) -> str:
    """One row per rule, as a Markdown table.

    Markdown rather than ``st.table``: a data frame makes the browser fetch and run
    about 1 MB of table code (Arrow) before the first page settles; a Markdown table is
    an HTML table all the same. Two columns, so that it fits a 375 px screen. Texts are
    escaped; a cell holds no line break.
    """
    rows = ["| Règle | Constat |", "| --- | --- |"]
    for r in report.results:
        kind = "bloquant" if r.blocking else "non bloquant"
        # The status in words beside its icon: not by colour or icon alone.
        rule = (
            f"{STATUS_MARK[r.status]} {STATUS_FR[r.status].capitalize()} : "
            f"**{md_text(r.label)}** :small[({kind})]"
        )
        rows.append(f"| {rule} | {md_text(r.explanation)} |".replace("  \n", " "))
    return "\n".join(rows)


def rule_sources(report: CheckReport) -> None:
    """The rules' source passages, drawn only once the expander is opened (a rerun):
    they are long, few visitors open them, and every page would draw them."""
    with st.expander(
        "Textes sur lesquels reposent ces règles",
        icon=":material/menu_book:",
        key="rule-sources",
        on_change="rerun",
    ) as expander:
        if not expander.open:
            return
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
            st.markdown(rules_table(report))
    else:
        verdict = md_text(report.summary_fr())
        if report.verdict == "eligible":
            st.success(verdict, icon=":material/check_circle:")
        elif report.verdict == "ineligible":
            st.error(verdict, icon=":material/cancel:")
        else:
            st.warning(verdict, icon=":material/pending:")
        st.markdown(rules_table(report))
    rule_sources(report)
    download(
        st,
        "Télécharger la checklist (Markdown)",
        report.to_markdown(),
        "checklist-o2r.md",
        width="stretch",
    )


def checker_panel() -> None:
    s = state()
    st.subheader(":material/fact_check: Vérifier mon projet", anchor=False)
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
