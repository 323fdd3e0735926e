"""The missing facts worth asking for: those that the facts stated make relevant.

A candidate who names partners but no chef de file, or a budget but no duration,
is asked for that fact, in the words of a reply (drafts) or of the chat's summary
line (``answer.findings_line``). A rule whose fact is missing is asked about only
when a fact it goes with is stated: a message about the chef de file is not asked
for a budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from .checker import Dossier
from .report import CheckReport


@dataclass(frozen=True)
class FactRequest:
    """How to ask for a rule's missing fact, once the e-mail states one of ``implied_by``."""

    implied_by: tuple[str, ...]  # Dossier fields
    text: str
    # Asked instead when the cost is known but includes training of an unknown amount.
    training_unknown: str | None = None

    def wording(self, dossier: Dossier) -> str:
        if self.training_unknown and dossier.training_unknown():
            return self.training_unknown
        return self.text


_COST = ("budget_lines", "total_cost_eur", "annual_cost_eur")
# Rule id -> its request, in the words of a reply. A rule whose fact is missing is asked
# about only when the e-mail states a fact it goes with: a budget calls for its duration.
FACT_REQUESTS: dict[str, FactRequest] = {
    "cout_minimum": FactRequest(
        ("project_months", "training_cost_eur", "training_included"),
        "le coût total prévu du projet",
        training_unknown="le montant des dépenses de formation comprises dans ce budget",
    ),
    "depenses_formation": FactRequest(
        _COST, "si ce budget comprend des dépenses de formation, et pour quel montant"
    ),
    "duree_projet": FactRequest(_COST, "la durée prévue du projet"),
    "territoire": FactRequest(
        ("places", *_COST), "le ou les départements dans lesquels le projet sera mené"
    ),
    "chef_de_file": FactRequest(
        ("consortium",),
        "la structure qui sera chef de file, puisque le projet serait porté à plusieurs",
    ),
}


def _states_any(dossier: Dossier, fields: tuple[str, ...]) -> bool:
    return not Dossier.model_validate(dossier.model_dump(include=set(fields))).is_empty()


def fact_requests(report: CheckReport, dossier: Dossier, every: bool = False) -> list[str]:
    """The missing facts to ask for: those of rules that the stated facts make relevant,
    or, ``every`` (the candidate asks what is missing), those of every rule; a rule
    whose request the stated facts do not call for is named by its label."""
    out = []
    for r in report.results:
        if r.status != "missing":
            continue
        request = FACT_REQUESTS.get(r.rule_id)
        if request is not None and _states_any(dossier, request.implied_by):
            out.append(request.wording(dossier))
        elif every:
            out.append(r.label[:1].lower() + r.label[1:])
    return out
