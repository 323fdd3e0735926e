"""How the checker form shows a dossier fact: metadata attached to the Dossier's fields.

A field of :class:`~o2r_assistant.checker.Dossier` (or of one of its sub-models)
is shown in the form when it carries a :class:`Widget` in its ``Annotated``
metadata; ``dossier_form.DossierForm`` and the web app's form are built from
these declarations alone. Texts are French (they are shown to users).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

# euros, months, yes_no, choice and text map one field to one form value; the
# other kinds convert a structured fact (budget table, places, public).
WidgetKind = Literal[
    "euros", "months", "yes_no", "choice", "text", "budget", "public", "departments", "other_places"
]

# Form sections, in display order.
BUDGET = "Budget"
TERRITORY = "Territoire et durées"
PUBLIC = "Public et portage"
STRUCTURE = "Structure porteuse"
SECTIONS = (BUDGET, TERRITORY, PUBLIC, STRUCTURE)


@dataclass(frozen=True)
class Widget:
    """One form input for a dossier field.

    ``key`` names the form value (an attribute of ``DossierForm``). ``help`` is
    shown above the input. ``step`` is the increment of an amount. ``choices``
    are the (value, label) pairs of a choice, the unknown value first.
    ``prefill`` reads another attribute of the model to pre-fill the input (a
    property that infers the fact). ``true_if`` names another form value that,
    when filled in, makes this yes/no fact true.
    """

    key: str
    label: str
    kind: WidgetKind
    section: str
    help: str = ""
    step: float = 1.0
    choices: tuple[tuple[Any, str], ...] = ()
    prefill: str | None = None
    true_if: str | None = None
