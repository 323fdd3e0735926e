"""French fact extraction from free text, with regular expressions and a gazetteer.

``extract_facts`` reads one chat message or e-mail and returns a ``Dossier``
holding only what it states about the candidate's project. A question in
general terms states nothing (``question.statements_of``: "la convention
peut-elle être prolongée une fois les 3 ans passés ?" is no project of 3 years).
Of the rest, amounts, durations and places count wherever they appear; softer
facts (public, consortium, accounting, organisation) are read only from
declarative clauses, so that "Pouvons-nous déposer à plusieurs ?" states
nothing.

All matching runs on a folded copy of the text of the same length (lower case,
no accents, one kind of space and apostrophe), so match offsets also index the
original text, which is used where capitals matter.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from o2r_assistant.checker import (
    Bound,
    BoundSide,
    BudgetLine,
    Consortium,
    Dossier,
    Organisation,
    PlaceRecord,
    PublicTarget,
    merge_dossiers,
)
from o2r_assistant.numbers import (
    DURATION,
    MONTH_RANGE,
    NUMBER_WORD_PATTERN,
    PATHWAY_SPAN,
    date_ranges,
    find_amounts,
    month_range_months,
    months_of,
    parse_amount,
    range_months,
    word_value,
)
from o2r_assistant.patterns import pattern_table
from o2r_assistant.places import Place, place_mentions, region_departments
from o2r_assistant.question import (
    CLAIM_VERBS,
    CLOSINGS,
    HEARD_VERBS,
    THANKS,
    indirect_start,
    statements_of,
    without_mail_headers,
)
from o2r_assistant.rules import Rule, load_rules
from o2r_assistant.tables import Row, Table, find_tables, is_year_label
from o2r_assistant.text import FORMER_NAMES, fold

__all__ = ["changed_cost", "changed_length", "extract_facts"]

# --- budget ------------------------------------------------------------------------

# Training in its usual wordings: courses for the beneficiaries, and the qualifications and
# licences they lead to.
_TRAINING_COURSE = (
    # Training by its object: "remise à niveau", "CléA", "cours de FLE", "BAFA",
    # "code de la route", "driving lessons".
    # "les cours pro des jeunes", a course for work.
    r"(?:formations?|remises? a niveau|clea|(?:cours de )?fle|alphabetisation|bafa|"
    r"cours (?:pro|professionnels?|qualifiants?)|"
    r"code de la route|driving lessons?|trainings?|courses|"
    # A course that qualifies, not a work placement ("un stage en entreprise").
    r"stages? (?:qualifiants?|certifiants?|de formation))"
)
# What a person holds or lacks: "des jeunes sans diplôme", "pas de permis" describe the
# public, not the budget, unless a cost is named ("pas de frais de permis").
_CREDENTIAL = (
    # A licence is a degree or a driving licence, not a software licence.
    r"(?:permis(?: de conduire)?|certifications?|"
    r"(?<!software )(?<!logiciel )licences?(?![ ]+(?:logiciel|d'utilisation|informatique|"
    r"software|d'exploitation))|diplomes?|habilitations?|"
    r"qualifications?|titres? professionnels?|caces|brevets?|driving licen[cs]es?)"
)
_TRAINING_NOUN = rf"(?:{_TRAINING_COURSE}|{_CREDENTIAL})"
# Training by its verb: "45 000 € pour former les personnes accompagnées" (not "pour
# former un groupement": whom it trains is named).
_TRAINING_PEOPLE = (
    r"(?:former|train)[ ]+(?:les |des |nos |ces |the |our |these )?"
    r"(?:personnes|beneficiaires|participants|jeunes|publics?|stagiaires|people|beneficiaries"
    # Training one's own team is training too: "18 000 € pour former les salariés".
    r"|salaries|equipes?|intervenants?|professionnels|encadrants|agents|benevoles|animateurs"
    r"|conseillers|staff|teams?|employees|workers|volunteers|them)\b"
)
_TRAINING_AFTER = re.compile(
    # "15 000 € HT de formation": how tax is counted says nothing of what is paid for.
    r"[ ]*(?:(?:ht|ttc|hors taxes?|toutes taxes comprises|net|nets|brut|bruts)[ ]+)?"
    r"(?:(?:par (?:an|mois|trimestre)|/[ ]?(?:an|mois|trimestre)|(?:a|per) "
    r"(?:year|month|quarter)|(?:of|from) (?:each|every) year|de chaque annee)[ ]+)?"
    # The span the amount covers: "30 000 € sur la période pour payer des formations".
    r"(?:(?:sur|over)[ ]+(?:(?:la|les|l'|the|toute la|l'ensemble de la|the whole)[ ]*)?"
    r"(?:periode|duree(?: du projet| de la convention)?|period|project|"
    r"(?:[0-9]+|deux|trois|two|three)[ ]+(?:ans|annees|years|mois|months))[ ]*,?[ ]+)?"
    # A share of the whole: "30 000 € du budget servent à payer des formations".
    r"(?:(?:du|de notre|de ce|of the|of our|of this)[ ]+(?:budget|total|enveloppe|montant)"
    r"[ ]*,?[ ]+)?"
    # "25 000 € au total iraient à des formations": how much, in all, goes to training.
    r"(?:(?:au total|en tout|in total|in all)[ ]*,?[ ]+)?"
    r"(?:de|d'|en|pour|consacres? a|"
    r"dedies? a|affectes? a|reserves? a|serv\w*[ ]+a|(?:va|vont|ira|iront|irait|iraient) a|"
    r"pr|of|for|in|on|towards|to|"
    # "consacrer 25 000 € à des formations".
    rf"a(?=[ ]+(?:la |les |le |des |l')?{_TRAINING_NOUN}\b)|"
    # The amount's own verb, right before the training: "30 000 € financent des formations",
    # "€20k pays for courses" (not "financent l'accompagnement et des formations").
    # One word may describe it: "pays for vocational courses".
    r"(?:financ\w*|pai\w*|pay(?:s|ent)?(?: for)?|couvr\w*|covers?|funds?)"
    r"(?=[ ]+(?:la |les |le |des |un |une |l'|the )?(?:(?!et |and )[a-z]+[ ]+)?"
    rf"{_TRAINING_NOUN}\b)|"
    r"(?:are|is|go|goes|will go)(?: to| for)?"
    # "20 000 € sont des dépenses de formation", "… correspondent à des formations"
    r"|sont|seront|est|sera|correspond\w*[ ]+a|concern\w*|represent\w*|relev\w*[ ]+de)[ ]*"
    r"(?:(?:faire )?(?:passer|financer|payer|suivre|obtenir|preparer|former)"
    r"[ ]+)?(?:la |les |le |des |un |une |l'|the )?"
    # A few words may name what is paid ("le passage du code et du permis"), but not leave
    # the training out ("152 000 € de dépenses hors formation").
    r"(?:(?!(?:hors|sans|excluding|except|non|pas)\b)[a-z']+[ ]+){0,6}?"
    r"(?:(?:depenses?|frais|couts?|actions?|modules?|sessions?|heures?)[ ]+de[ ]+)?"
    rf"(?:{_TRAINING_NOUN}\b|{_TRAINING_PEOPLE})"
)
_TRAINING_BEFORE = re.compile(
    rf"{_TRAINING_NOUN}(?:[ ]+qualifiantes?|[ ]+certifiantes?)?"
    # Whose training it is: "Formation des bénéficiaires : 18 000 €".
    r"(?:[ ]+(?:des|pour les|of|for)[ ]+(?:beneficiaires|participants|personnes(?: accompagnees)?|"
    r"jeunes|publics?|stagiaires|participants|beneficiaries|people))?"
    r"(?:[ ]*\([^()]{1,60}\))?[ ]*"
    r"(?:[ ]+(?:costs?|expenses?|budget))?[ ]*"
    # "formations comprises pour 20 000 €": included, and for how much.
    r"(?:(?:comprises?|incluses?|inclus|included)[ ]+)?"
    r"(?::|=|de|pour|a hauteur de|d'un montant de|of|at|amounting to|come to|total|"
    # Changed to it: "et si la formation passe à 40 000 € ?", "training goes up to €40k".
    r"(?:passe\w*|mont\w*|grimp\w*|augment\w*|baiss\w*|tomb\w*|descend\w*|goes up|go up|"
    r"rises?|increases?|drops?|falls?)[ ]+(?:a|jusqu'a|to))?"
    # Or its amount in brackets: "formation comprise (12 K€)".
    r"[ ]*(?:\([ ]*)?$"
)
# Training given as a share of the cost: "la part formation représente 10 % du total",
# "training is 8% of the budget".
_SHARE_NUMBER = r"[0-9]{1,2}(?:[,.][0-9]+)?"
_PERCENT_SIGN = r"[ ]*(?:%|pour[ ]?cent|percent)"
_TRAINING_SHARE = re.compile(
    # "la part formation représente 8 %", "la formation représente 8 % du budget"
    r"\b(?:(?:part|poste|ligne|volet|share|line)[ ]+(?:de[ ]+|des[ ]+|du[ ]+|of[ ]+)?)?"
    rf"(?:depenses[ ]+de[ ]+|frais[ ]+de[ ]+)?{_TRAINING_NOUN}(?:[ ]+(?:share|line|part))?\b"
    r"[^.;!?%]{0,30}?"
    r"(?:represente\w*|est de|s'eleve a|atteint|is|comes to|:|=)[ ]*(?:environ[ ]+|about[ ]+)?"
    rf"(?P<pct>{_SHARE_NUMBER}){_PERCENT_SIGN}"
    # "dont 8 % de formation", "8 % du budget pour la formation", "10% for training"
    rf"|(?P<pct_first>{_SHARE_NUMBER}){_PERCENT_SIGN}[ ]+(?:du (?:budget|cout)[ ]+)?"
    r"(?:de[ ]+|d'|for[ ]+|on[ ]+|(?:pour|consacres? a|alloues? a)[ ]+(?:la[ ]+|les[ ]+)?)"
    rf"(?:depenses[ ]+de[ ]+|frais[ ]+de[ ]+)?{_TRAINING_NOUN}\b"
)
_LEADER = re.compile(r"[ ]*(?:[.…_]{3,}|\|)[ ]*")
# A cost by the head is the project's once multiplied by the people it serves: "1 100 € par
# personne, pour 150 personnes sur les 3 ans"; alone, it is no project cost.
_PER_HEAD_AFTER = re.compile(
    r"[ ]*(?:par|per|/|for each|pour chaque)[ ]*(?:personne|participant|beneficiaire|jeune|"
    r"person|head|beneficiary)s?\b"
)
_HEADCOUNT = re.compile(
    r"\b(?P<n>[0-9](?:[0-9 ]*[0-9])?)[ ]+(?:personnes|participants|beneficiaires|jeunes|people|"
    r"persons|beneficiaries|young people)\b"
)
_PER_YEAR_AFTER = re.compile(
    r"[ ]*(?:par an|/[ ]?an|par annee|annuels?|(?:de )?chaque annee|l'an|per year|a year|"
    r"/[ ]?year|per annum|annually|(?:of |from )?(?:each|every) year|yearly)\b"
)
# "coût annuel : 55 000 €", "budget par an de 50 000 €"; a verb may stand between the cue
# and the amount: "notre budget annuel sera de 58 000 €", "our annual budget will be €60k".
_PER_YEAR_BEFORE = re.compile(
    r"\b(?:annuel(?:le)?s?|par an|par annee|chaque annee|annual|yearly|per year|a year|"
    r"each year|every year)"
    r"(?:[ ]+(?:budget|costs?|spending|amount))?"
    # "notre budget annuel de fonctionnement est de 50 000 €"
    r"(?:[ ]+(?:de|d')[ ]*(?:fonctionnement|personnel|structure|l'action|l'association))?"
    r"(?:[ ]+(?:sera|serait|est|etait|atteint|atteindra|atteindrait|represente(?:ra|rait)?|"
    r"s'eleve(?:ra|rait)?|(?:est |sera )?(?:estimee?|evaluee?|prevue?|fixee?)|will be|would be|"
    r"is|amounts to|comes to|totals|(?:is |will be )?(?:estimated|expected|set)))?"
    r"[ ]*(?::|=|de|d'environ|a|of|of about|of around|at)?[ ]*$"
)
# A cost per part of the year, and how many parts a year has: "4 500 € par mois",
# "12 500 € par trimestre", "75 000 € par semestre".
_PER_PERIOD_AFTER = {
    12: re.compile(r"[ ]*(?:par mois|/[ ]?mois|mensuels?|per month|a month|/[ ]?month|monthly)\b"),
    4: re.compile(
        r"[ ]*(?:par trimestre|/[ ]?trimestre|trimestriels?|per quarter|a quarter|quarterly)\b"
    ),
    2: re.compile(
        r"[ ]*(?:par semestre|/[ ]?semestre|semestriels?|per half[- ]year|half-yearly)\b"
    ),
}


def _per_period(folded: str, end: int) -> int | None:
    """How many times a year the cost ending at ``end`` recurs, when stated per period."""
    return next((n for n, after in _PER_PERIOD_AFTER.items() if after.match(folded, end)), None)


_YEAR_AFTER = re.compile(r"[ ]*(?:en|pour|au titre de|in|for)[ ]+(?:l'annee[ ]+)?(20[0-9]{2})\b")
_YEAR_BEFORE = re.compile(r"\b(?:en|pour|in|for)?[ ]*(20[0-9]{2})[ ]*[:=]?[ ]*$")
# The years of the project counted rather than dated: "40 000 € la première année, 50 000 €
# la deuxième", "année 2 : 50 000 €", "€50k in the second year".
_NTH_YEAR = r"(?:premiere|1re|1ere|deuxieme|2e|2eme|seconde|troisieme|3e|3eme|derniere)"
_NTH_YEAR_AFTER = re.compile(
    rf"[ ]*(?:pour |en |sur |au cours de )?(?:la |l')?{_NTH_YEAR}(?:[ ]+annee)?\b|"
    r"[ ]*(?:in |for )?(?:the )?(?:first|second|third|final|last) year\b|"
    r"[ ]*(?:in |for )?year [1-3]\b"
)
# The same cost for the years after one stated: "49 000 € la 1re année puis 51 000 € les
# deux suivantes", "then €51k for each of the next two years".
_FOLLOWING_YEARS_AFTER = re.compile(
    r"[ ]*(?:par an[ ]+)?(?:pour |sur |durant |pendant |en )?(?:chacune )?(?:des|les) "
    r"(?:deux|2) (?:annees )?suivantes\b|"
    r"[ ]*(?:per year[ ]+|a year[ ]+)?(?:for |in |over )?(?:each of )?the "
    r"(?:next|following|remaining) (?:two|2) years\b|"
    r"[ ]*(?:pour |en |for |in )?(?:les )?(?:(?:annees|years) 2 (?:et|and) 3|2e et 3e annees)\b"
)
# "50 000 € par an les deux premières années": a line for each.
_FIRST_YEARS_EACH_AFTER = re.compile(
    r"[ ]*(?:par an|per year|a year)[ ]+(?:pour |sur |durant |pendant |en |for |in |over )?"
    r"(?:les |the )?(?:(?:deux|2) premieres annees|(?:first|1st) (?:two|2) years)\b"
)
_NTH_YEAR_BEFORE = re.compile(
    rf"\b(?:{_NTH_YEAR} annee|(?:annee|an|year) (?:[1-3]|un|deux|trois)|"
    r"(?:first|second|third|final|last) year)[ ]*(?::|=|-)?[ ]*$"
)
# "170 000 € sur 36 mois hors formation": the amount leaves the training out already.
_NET_OF_TRAINING = (
    r"\b(?:hors|sans compter|sans les|excluding|not including|net of)[ ]+"
    r"(?:les[ ]+|la[ ]+|the[ ]+)?(?:depenses[ ]+de[ ]+|frais[ ]+de[ ]+|couts?[ ]+de[ ]+)?"
    r"(?:formations?|training)\b"
)
_NET_OF_TRAINING_AFTER = re.compile(rf"[^.;!?\n]{{0,30}}?{_NET_OF_TRAINING}")
_NET_OF_TRAINING_STATED = re.compile(_NET_OF_TRAINING)
# "Notre budget d'action, hors formation, est de 158 000 €": the same, said first.
_NET_OF_TRAINING_BEFORE = re.compile(rf"{_NET_OF_TRAINING}[^.;!?\n]{{0,25}}$")
# Training paid for outside the project: "les 60 000 € de formation seront financés à
# part, hors budget O2R", "the €20k of training is funded separately".
_FUNDED_APART_AFTER = re.compile(
    r"[^.;!?\n]{0,40}?\b(?:financ\w*|pay\w*|pai\w*|pris(?:es)? en charge|fund\w*|covered)"
    r"[ ]+(?:a part|separement|ailleurs|par ailleurs|autrement|separately|elsewhere)\b|"
    r"[^.;!?\n]{0,40}?\b(?:hors|en dehors d[ue]s?|outside(?: of)?)[ ]+(?:du |de notre |notre |le |"
    r"the |our )?(?:budget|project|projet)\b"
)
# An amount for the first years only leaves the project's cost unknown.
_FIRST_YEARS_BEFORE = re.compile(
    r"\b(?:deux|2|les) (?:premieres|1res|1eres)(?:[ ]+annees)?\b[^.;!?]{0,50}$|"
    r"\b(?:first|1st) (?:two|2) years\b[^.;!?]{0,50}$"
)
# Not a partner withdrawing: "notre partenaire se retire et le budget tombe à 130 000 €".
_REMOVED_BEFORE = re.compile(
    r"(?<!\bse )(?<!\bs')\b(?:retire|retires|retiree?s?|enleve|enleves|supprime|supprimes|sorti|"
    r"sortis|deduit|removed|taken out|dropped)\b[^.;:!?]{0,25}$"
)
# The figure a change starts from is no longer the cost: "le coût total passe de 195 000 €
# à 135 000 €", "our budget dropped from €195k to €135k".
_CHANGED_FROM = {
    "before": re.compile(
        r"\b(?:passe|passer|passera|passerait|passait|passee?|baisse|baisserait|augmente"
        r"|augmenterait|descend|descendrait|monte|monterait|tombe|tomberait|ramene|reduit"
        r"|revue?|goes|went|gone|going|drops?|dropped|falls?|fell|rises?|rose|cut|increased?"
        r"|decreased?|reduced?|moves?|moved)[ ]+(?:(?:a la (?:hausse|baisse)|down|up)[ ]+)?"
        r"(?:de|d'|from)[ ]*$"
    ),
    "after": re.compile(r"[ ]*(?:a|to|->)[ ]+(?:environ[ ]+|about[ ]+)?[0-9]"),
}
# The call's floor quoted back is a rule, not the project's cost: "on a lu que le coût
# minimum était de 150 000 € par an", "the required threshold of €150k". Not a floor the
# sender sets for its own budget ("notre budget minimum est de 160 000 €").
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:minimum|minimal|minimale|plancher|seuil|threshold|floor|requis|exige|required)\b"
    r"[^.;!?\n]{0,30}$"
)
# "Does the EUR 150,000 minimum include training?", "les 150 000 € minimum": the call's
# bound, named with its article; not "nous aurons 160 000 € minimum" (at least).
_THRESHOLD_NAMED = re.compile(r"\b(?:the|le|les|ce|this|that)[ ]*$")
_THRESHOLD_AFTER = re.compile(r"[ ]*(?:minimum|minimal|floor|threshold|plancher|seuil)\b")
_OWN_BEFORE = re.compile(r"\b(?:notre|nos|our|mon|ma|my)\b[^.;!?\n,]{0,30}$")
_NOT_ONE_BEFORE = re.compile(r"\b(?:pas|not)(?:[ ]+(?:meme|even))?[ ]*$")
# A cost hoped for is not yet one: "nous espérons qu'il dépassera 150 000 €", "we hope
# to reach €160k".
_HOPED_BEFORE = re.compile(r"\b(?:esper\w*|hope[sd]?|hoping)\b[^.;!?\n]{0,50}$")
# "toujours avec ces 12 000 € de formation": an amount pointed back to, already counted.
_BACK_REFERENCE_BEFORE = re.compile(r"\b(?:ces|ce|cette|les memes|these|those|the same)[ ]*$")
# "ces 30 000 €" in a message that has not stated them: an earlier message's amount.
_POINTED_BEFORE = re.compile(r"\b(?:ces|these|those)[ ]*$")
# A minus sign after a bracket or a colon, not a list's dash, or the word ("à l'équilibre
# (moins 1 200 €)"), not "au moins" nor "plus ou moins": no cost is negative.
_NEGATIVE_BEFORE = re.compile(
    r"[(,;:=][ ]*-[ ]*$|(?<!au )(?<!ou )(?<!du )\bmoins[ ]*$|\bminus[ ]*$"
)
# "96 000 €, représente 60 % du coût total du projet": the whole follows from its share.
# A cost written multiplied out: "3 x 55 000 €", "55 000 € x 3 ans" (not "x 3 personnes").
# Counted nouns that are no team costed as a line: lengths and the people served.
_NOT_A_TEAM = (
    r"(?:ans|annees|mois|semaines|jours|trimestres|semestres|years|months|weeks|days|"
    r"personnes|jeunes|beneficiaires|participants|people|persons|departements|sites|communes)"
)
_TIMES_BEFORE = re.compile(
    r"\b(?P<n>[1-9])[ ]*[x×*][ ]*$"
    # "2 salariés à 35 000 €", "three advisers at €30,000": a cost per head, times heads.
    rf"|\b(?P<w>[2-9]|{NUMBER_WORD_PATTERN})[ ]+(?:salaries|postes|etp|conseilleres?|conseillers|"
    r"educateurs|educatrices|accompagnateurs|accompagnatrices|intervenants|employees|staff|"
    r"advisers|advisors|workers|coaches)[ ]+(?:a|de|at|of)[ ]*$"
)
_TIMES_AFTER = re.compile(
    r"[ ]*[x×*][ ]*(?P<n>[1-9])\b(?![ ]*(?:[0-9]|k\b|m\b|€|euros?\b|personnes|jeunes|people))"
)
_SHARE_AFTER = re.compile(
    r"[^.;!?]{0,40}?\b(?:represente\w*|soit|makes up|is)[ ]+(?P<pct>[0-9]{1,2}(?:,[0-9])?)[ ]*%"
    r"[ ]+(?:du|of the)[ ]+(?:total[ ]+)?(?:cout|budget|cost)(?:[ ]+total)?"
)
# The sum asked of the State, not the project's cost: "nous demandons 120 000 € à l'État",
# "subvention sollicitée : 90 000 €", "we are requesting €120k from the DREETS".
_REQUESTED = pattern_table(r"""
before: \b(?:(?:subvention|financement|aide|montant|somme|funding|grant|amount)(?:[ ]+(?:de l'etat|
    d'etat|state))?[ ]+(?:demandee?s?|sollicitee?s?|requested|sought)|
    (?<!se )(?<!me )(?<!nous )demand(?:ons|e|erons|erions|er)|sollicit(?:ons|e|erons|er)|
    request(?:ing)?|asking(?:[ ]+the state)?[ ]+for|applying[ ]+for|apply[ ]+for)\b
    [^.;!?0-9]{0,30}$
after: [ ]*(?:de (?:subvention|financement)[ ]+)?(?:a|aupres de|de la part de|from|of)[ ]+
    (?:l'etat|la dreets|the state|the dreets|dreets|the government)\b
""")
_ALTERNATIVES = re.compile(r"\b(?:scenarios?|options?|hypotheses?|alternatives?|variantes?)\b")
_PART_BEFORE = re.compile(
    r"\b(?:dont|y compris|inclus|incluant|of which|including)[ ]+(?:environ[ ]+|about[ ]+)?$"
)
# A budget given in parts with no total: lines by kind of cost ("frais de personnel :
# 120 000 €, frais de structure : 25 000 €") or each partner's share ("90 000 € pour nous,
# 70 000 € pour l'association Horizon"). Two or more add up to the project's cost.
_COST_LINE_BEFORE = re.compile(
    r"\b(?:(?:frais|depenses|charges|couts?|postes?)[ ]+(?:de[ ]+|d'|du[ ]+)?(?:personnel|"
    r"structure|fonctionnement|deplacements?|materiel|communication|gestion|coordination)|salaires|"
    r"masse salariale|frais (?:indirects|generaux)|staff costs|overheads|running costs|"
    r"travel costs)\b[^0-9.;!?]{0,25}$|"
    # A breakdown's bare labels, each right before its amount: "salaires 120 000 €,
    # déplacements 18 000 €, locaux 12 000 €".
    r"\b(?:deplacements?|locaux|loyers?|materiel|equipements?|communication|fournitures|"
    r"assurances?|vehicules?|carburant|prestations?|sous-traitance|amortissements?|"
    r"charges sociales|personnel|fonctionnement|coordination|evaluation|logiciels?|"
    r"salaries?|travel|premises|rent|equipment|supplies|insurance)[ ]*(?::|=|-)?[ ]*$|"
    # Any "frais de …" line ("frais de mobilité 20 000 €"), and what a team costs with no
    # "à" per head: "deux conseillers 130 000 €", "trois animateurs 125 000 €" is the
    # team's cost, a line; not a length ("sur 3 ans 150 000 €") nor people served.
    r"\bfrais[ ]+(?:de[ ]+|d')[a-z][\w'-]*[ ]*(?::|=|-)?[ ]*$|"
    rf"\b(?:[2-9]|{NUMBER_WORD_PATTERN})[ ]+(?!{_NOT_A_TEAM}\b)[a-z]{{3,}}s[ ]*(?::|=|-)?[ ]*$"
)
# The same label after its amount: "10 000 € divers", "20 000 € de fonctionnement".
_COST_LINE_AFTER = re.compile(
    r"[ ]*(?:divers|(?:de|d')[ ]*(?:frais[ ]+(?:de[ ]+|d')[a-z]|(?:fonctionnement|personnel|"
    r"deplacements?|loyer|locaux|materiel|communication|structure|coordination|salaires)\b))"
)
_PARTNER_SHARE = pattern_table(r"""
after: [ ]*(?:pour|for|a la charge de|porte(?:e|s)? par|carried by)[ ]+(?:nous|us|
    notre (?:structure|association|asso)|our (?:organi[sz]ation|association|charity)|
    (?:l'|la |le |notre |our |the )?(?:association|asso|structure|partenaire|regie|ccas|
    centre social|mission locale|chantier|partner|charity)\b)
# "notre part sera de 80 000 € et celle de la régie de 75 000 €"
# "sa part du budget est de 90 000 €", "our share of the budget is…".
before: \b(?:(?:notre|leur|sa|la) part|our share|their share|its share)
    (?:[ ]+(?:du|de la|de notre|of the|of our)[ ]+(?:budget|cout|projet|budget|project|cost))?
    [ ]*(?:est|sera|serait|de|
    s'eleve(?:ra|rait)?[ ]a|atteint|is|will be|amounts to|comes to|:)?[ ]*(?:de|d'|of)?[ ]*
    (?:environ[ ]+|about[ ]+)?$|
    \bcelle (?:de|du|des|d')[^0-9.;!?]{1,30}?[ ]+(?:de|d'|a|:)[ ]*$
""")
# Each partner's cost, listed: "nos budgets respectifs seraient de 90 000 € et de
# 80 000 €", "their respective budgets are €90k and €80k".
_RESPECTIVE_BEFORE = re.compile(
    r"\b(?:budgets?|parts?|couts?|shares?|costs?)[ ]+respecti(?:f|fs|ve|ves)\b[^0-9.;!?]{0,30}$"
    r"|\brespective[ ]+(?:budgets?|shares?|costs?)\b[^0-9.;!?]{0,30}$"
)
# The next amount of such a list: "… et de 80 000 €".
_LISTED_NEXT = re.compile(r"[ ]*(?:,|et|and)[ ]*(?:de[ ]+|d'|of[ ]+)?")
_TOTAL_BEFORE = re.compile(
    r"\b(?:total|totale|cout|couts|budget|montant|enveloppe|costs?|amount)\b"
)
# "158 000 €, formations des bénéficiaires comprises", "including training": no amount.
_TRAINING_INCLUDED = re.compile(
    rf"\b{_TRAINING_NOUN}(?:[ ]+(?:des|pour les|of|for)[ ]+[a-z]+)?[ ]+(?:comprises?|incluses?|"
    r"inclus|included)\b|"
    r"\b(?:y compris|including|incluant)[ ]+(?:les[ ]+|la[ ]+|des[ ]+|the[ ]+)?"
    rf"(?:depenses[ ]+de[ ]+|frais[ ]+de[ ]+|costs?[ ]+of[ ]+)?{_TRAINING_NOUN}\b|"
    # A budget line or a payment for it: "add a budget line to pay for forklift (CACES)
    # certification courses", "prévoir une ligne pour financer des formations".
    r"\b(?:lignes? budgetaires?|lignes? de budget|budget lines?|financer|payer|prendre en charge"
    r"|pay for|fund|cover)\b[^.;!?]{0,40}?"
    rf"(?<!hors )(?<!sans )(?<!excluding )(?<!without ){_TRAINING_NOUN}\b|"
    # Put into the budget, or listed as what it holds: "dans le budget, on y a mis les
    # salaires… et des sessions de formation au code de la route", "the budget includes…".
    r"\b(?:y|dans le budget|au budget|in the budget|into the budget)[ ]+(?:a[ ]+|avons[ ]+|ont[ ]+"
    r"|avez[ ]+|have[ ]+|has[ ]+|we[ ]+)?(?:mis|inscrit|integre|ajoute|prevu|put|included"
    r"|added|placed)\b[^.;!?]{0,160}?"
    rf"(?<!hors )(?<!sans )(?<!excluding )(?<!without ){_TRAINING_NOUN}\b|"
    r"\b(?:budget|budget previsionnel|budgets?)[ ]+(?:comprend|comprendra|inclut|inclura|contient"
    r"|integre|includes|contains|covers)\b[^.;!?]{0,160}?"
    rf"(?<!hors )(?<!sans )(?<!excluding )(?<!without ){_TRAINING_NOUN}\b|"
    # Paid out of the project's money: "un module de formation qualifiante payé sur
    # l'enveloppe O2R", "training paid out of the grant".
    rf"\b{_TRAINING_NOUN}\b[^.;!?]{{0,60}}?\b(?:payee?s?|financee?s?|prise?s? en charge|imputee?s?"
    r"|paid|funded|covered)[ ]+(?:sur|par|avec|from|out of|by|with)[ ]+"
    r"(?:l'|la |le |les |the |our )?"
    r"(?:enveloppe|budget|subvention|credits|contribution|financement|grant|funding)\b"
)
# "on supprime la ligne formation", "we dropped the training": none is left.
_TRAINING_REMOVED = re.compile(
    r"\b(?:supprim\w*|retir\w*|enlev\w*|remov\w*|drop\w*|cut)[ ]+(?:completement[ ]+)?"
    r"(?:la |les |le |une |the |all )?(?:lignes? |postes? |partie |part |budget )?"
    rf"(?:de |des |du |d'|of )?(?:depenses? de |frais de )?{_TRAINING_NOUN}\b"
)
_NO_TRAINING = re.compile(
    r"\b(?:aucune?|pas de|sans|zero|no|without(?: any)?|not any|"
    r"pas (?:un|1)(?: seul)? (?:euro|centime|€)(?: de| d')?)[ ]+(?:autres?[ ]+|other[ ]+)?"
    r"(?:(?:depenses?[ ]+de[ ]+|frais[ ]+de[ ]+|cout[ ]+de[ ]+|actions?[ ]+de[ ]+|"
    r"lignes?[ ]+de[ ]+|(?:costs?|expenses?|spending)[ ]+(?:for|on|of)[ ]+)"
    rf"{_TRAINING_NOUN}|{_TRAINING_COURSE})\b"
)
# An organisation's own accounts are not the project's cost: "un déficit de 30 000 €",
# "30 000 € de fonds propres", "a €20,000 loss", "nous avons reçu 80 000 € l'an dernier",
# "notre partenaire dispose de son propre budget de 400 000 €".
_ACCOUNTS_NOUN = (
    r"(?:deficits?|deficitaires?|pertes?|excedents?|excedentaires?|resultats?|fonds propres|"
    r"capitaux propres|reserves?|"
    r"tresorerie|chiffre d'affaires|dettes?|budget de fonctionnement|propre budget|"
    r"budget propre|loss(?:es)?|surplus|turnover|revenues?|equity|own funds|own budget|cash|"
    r"debts?|operating budget)"
)
# Who else funds a project: a share of its cost, not its cost.
_FUNDER = (
    r"(?:fondations?|departements?|conseil (?:departemental|regional)|region|mairie|"
    r"commune|ville|agglo\w*|metropole|communaute (?:de communes|d'agglomeration)|caf|fse|"
    r"fonds social europeen|mecenes?|cofinanceurs?|financeurs?|foundation|funders?|council|"
    r"county)"
)
_ACCOUNTS = pattern_table(rf"""
noun_before: \b{_ACCOUNTS_NOUN}\b
    (?:[ ]+(?:nets?|nettes?|cumulee?s?|annuel(?:le)?s?|comptables?|d'exploitation|
    de l'exercice|de l'annee|(?:en |pour |de |in |for |of )?(?:20[0-9]{{2}}|
    l'an(?:nee)? (?:dernier|derniere|passee?)|last year)))*
    [ ]*(?:(?:est|etait|a ete|was|is)[ ]+)?(?::|=|de|d'|of|a|at|s'eleve a|s'elevait a|
    atteint|atteignait|amounted to|was|is|stood at)?[ ]*(?:environ|about|around|pres de|-)?
    [ ]*$
noun_after: [ ]*(?:(?:de|d'|of|in)[ ]*{_ACCOUNTS_NOUN}|deficit|loss|surplus|shortfall)\b
# The whole organisation's budget, not the project's: "notre fédération gère un budget
# annuel de 1,2 million d'euros", "le budget de l'association est de 900 000 €".
whole_before: \b(?:association|organi[sz]ation|charity|structure)'s (?:annual |overall |total )?
    budget[ ]+(?:is|was|of)[ ]*(?:about[ ]+|around[ ]+)?$|
    \b(?:federation|association|asso|structure|organisation|organization|charity|
    entreprise|centre social|groupe|reseau|fondation|foundation|partenaire|partner|mairie|
    commune|collectivite|mission locale)\b[^.;!?]{{0,40}}\b(?:gere|a|dispose[ ]d'|possede|
    manages?|runs?|has)[ ]*(?:un|a|an)[ ]+(?:budget|chiffre d'affaires)
    (?:[ ]+(?:annuel|global|total|consolide|annual|overall|yearly))?[ ]*(?:de|d'|of)[ ]*
    (?:environ[ ]+|about[ ]+|pres de[ ]+)?$|
    \bbudget(?:[ ]+(?:annuel|global|total|annual|overall))?[ ]+(?:de|of)[ ]+
    (?:la structure|l'association|notre association|notre structure|la federation|
    notre federation|the organi[sz]ation|our organi[sz]ation|the charity|our charity)
    [ ]*(?:est|etait|s'eleve a|atteint|a atteint|atteignait|a ete|is|was)?[ ]*(?:de|d'|of)?[ ]*
    (?:environ[ ]+|about[ ]+|pres de[ ]+)?$|
    \b(?:budget (?:annuel )?consolide|consolidated budget)[ ]*(?:est|etait|s'eleve a|atteint|
    is|was)?[ ]*(?:de|d'|of|:)?[ ]*(?:environ[ ]+|about[ ]+)?$
# What one person is paid, or the rent, is no project cost: "notre éducateur est payé
# 48 000 € par an", "le loyer de notre local est de 1 500 € par mois", "salary is 35k€".
pay_before: \b(?:est paye|est payee|sont payes|touche|gagne|is paid|earns|salary is|
    salaire (?:de[ ][^,.;!?]{{0,30}}?[ ])?(?:est |sera )?de|
    (?:loyer|rent)\b[^,.;!?]{{0,40}}?\b(?:est de|s'eleve a|is|of)|
    \b(?:loyer|rent)(?:[ ]+(?:mensuel|annuel|monthly|yearly))?[ ]+(?:de|d'environ|of))[ ]*
    (?:environ[ ]+|about[ ]+)?$
# What another funder pays is a share of the cost, not the cost: "le Département pourrait
# prendre 30 000 € à sa charge", "une fondation finance l'action à hauteur de 20 000 €".
funder_before: \b{_FUNDER}\b[^.;!?,]{{0,60}}
    \b(?:(?:co)?financ(?:e|es|ent|era|erait|eront|eraient|ait|aient)|
    subventionn\w*|prend|prendra|prendrait|prendre|versera|verserait|verse|apporte(?:ra|rait)?|
    promis|promet|promettent|accorde|accordera|accorderait|alloue|allouera|octroie|octroiera|
    promised|pledged|awarded|offered|committed|
    contribue(?:ra|rait)?|funds|funded|will fund|would fund|grants|granted|pays|paid|covers|
    covered|will cover|would cover)\b[^.;!?,0-9]{{0,60}}$
# Its share named by the funder alone: "le Département 70 000 € et une fondation 30 000 €",
# a co-financing table's "Région : 40 000 €".
funder_share_before: (?:^|[,;(]|\bet\b|\band\b)[ ]*(?:(?:une?|la|le|les|the|a|notre|our)[ ]+|l')?
    {_FUNDER}[ ]*:?[ ]*$
# "on hésite entre 140 et 170 k€": a range, not one cost.
range_before: \bentre[ ]+(?P<low>[0-9][0-9 .,]*?)[ ]*(?P<unit>k|mille)?[ ]*(?:€|euros?)?[ ]*et[ ]+$
# "… un budget de 160 000 € pour le projet" is the project's after all.
# … or spread over the years of a project ("budget consolidé de 198 000 € sur trois ans").
for_the_project: [^.;!?]{{0,40}}?\b(?:projets?|projects?|o2r|actions?)\b|
    [ ]*(?:sur|over)[ ]+(?:les[ ]+)?(?:[0-9]+|deux|trois|quatre|two|three|four)[ ]+
    (?:ans|annees|years|mois|months)\b
# Money already received: a past grant, not the cost of the project to come.
received_before: \b(?:avons|avions|a|avait|ont|avaient)[ ]+(?:deja[ ]+)?(?:recu|obtenu|percu|
    touche|eu|beneficie d')\b[^,;.!?]{{0,40}}$|
    \b(?:received|obtained|awarded|got)\b[^,;.!?]{{0,40}}$
received_after: [ ]*(?:de [^,;.!?]{{0,30}}?)?(?:recue?s?|obtenue?s?|percue?s?|received|obtained|
    awarded|l'an(?:nee)? (?:dernier|derniere|passee?)|last year)\b
# The call's money, not the project's: "l'enveloppe régionale de l'O2R est de 3 millions",
# "if requests across the region add up to more than €3m".
call_before: \b(?:enveloppes?|dotations?|credits|envelopes?)[ ]+(?:regionale?s?|
    nationale?s?|de l'ami|de l'o2r|de la region|regional|national|for the region|of the call|
    of the region)\b[^.;!?]{{0,40}}$|
    \b(?:across|throughout|dans toute|sur toute|pour toute|de toute)[ ]+(?:the |la |l')?
    (?:region|country|france)\b[^.;!?]{{0,40}}$
# What each person supported would be paid: "la rémunération des personnes accompagnées
# est de 500 € par mois", "the allowance for participants is €600".
stipend_before: \b(?:remunerations?|indemnites?|allocations?|stipends?|allowances?)[ ]+
    (?:versees?[ ]+)?(?:des|aux|of|for|to)[ ]+(?:the[ ]+)?(?:personnes|beneficiaires|jeunes|
    participants|stagiaires|people)\b[^.;!?]{{0,40}}$
# What each person supported would be paid a month: "500 € par mois pour les personnes
# accompagnées", "€600 a month for each participant".
stipend_after: [ ]*(?:par|per|/|a)[ ]*(?:mois|month)\b[^.;!?]{{0,10}}?\b(?:pour|aux|a|to|for)[ ]+
    (?:les |chaque |each |the |every )?(?:personnes|beneficiaires|jeunes|participants?|
    people|person|stagiaires)\b
# A price by the day, the hour or the head is what one service costs a user, not the
# project: "location de scooters à 2 € par jour", "10 € de l'heure", "5 € per night".
unit_after: [ ]*(?:(?:par|per|a|an|the|le|la|l')[ ]*|/[ ]?)(?:jour|journee|heure|h|nuit|semaine|
    repas|trajet|ticket|seance|atelier|day|hour|night|week|meal|trip|session)\b|
    [ ]*de l'heure\b
""")


def _cost_rule() -> Rule:
    return next(rule for rule in load_rules() if rule.id == "cout_minimum")


def _convention_months() -> int:
    return _cost_rule().param("reference_length")


def _minimum_cost() -> Decimal:
    return _cost_rule().param("minimum_cost")


# A figure stated as a limit: "un peu moins de 150 000 €", "more than a year", "au moins
# 12 mois". Not "pas plus de 12 mois" or "no less than", which bound it the other way.
# "Over" and "under" bound a sum ("over €160k") but span a length ("over 36 months").
_LIMIT = pattern_table(r"""
below: \b(?:moins[ ]+(?:de|d')|less[ ]+than|inferieure?s?[ ]+a|en[ ]+dessous[ ]+(?:de|d'))[ ]*$
above: \b(?:plus[ ]+(?:de|d')|more[ ]+than|superieure?s?[ ]+a|au-dela[ ]+(?:de|d'))[ ]*$
# "au moins 12 mois": the figure or more.
at_least: \b(?:au[ ]+moins|au[ ]+minimum|at[ ]+least)[ ]*$
money_below: \b(?:under|below)[ ]*$
money_above: \b(?:over|above)[ ]*$
denied: \b(?:pas|jamais|ne|n'|no|not|never)[ ]*$
""")


def _limit_side(before: str, money: bool) -> BoundSide | None:
    """How the real figure relates to the one after ``before``, if that is a limit."""
    for side in ("below", "above", "at_least"):
        limit = _LIMIT[side].search(before) or (
            _LIMIT[f"money_{side}"].search(before) if money and side != "at_least" else None
        )
        if limit and not _LIMIT["denied"].search(before, 0, limit.start()):
            return side
    return None


@dataclass
class _Budget:
    total: Decimal | None = None
    annual: Decimal | None = None
    training: Decimal | None = None
    lines: list[BudgetLine] | None = None
    # The total was stated with the training left out ("170 000 € hors formation").
    net_of_training: bool = False
    # The cost includes training whose amount is not given ("formations comprises").
    training_included: bool = False
    # "entre 200 et 220 k€": the ends of a range stated instead of one cost.
    total_range: tuple[Decimal, Decimal] | None = None
    annual_range: tuple[Decimal, Decimal] | None = None  # "… et 48 000 € par an"
    # How the real cost relates to the total or yearly cost, when that is a limit.
    total_side: BoundSide | None = None
    annual_side: BoundSide | None = None
    requested: Decimal | None = None  # the sum asked of the State


def _budget(folded: str, project_months: int | None, declarative: _Spans) -> _Budget:
    budget = _Budget()
    general: list[tuple[bool, Decimal]] = []
    net: set[Decimal] = set()
    annual: list[Decimal] = []
    periodic: list[Decimal] = []  # a year's worth of a cost stated per month, quarter…
    parts: list[Decimal] = []
    shares = 0  # of the parts, those that are one partner's share
    annual_lines: dict[str, Decimal] = {}  # by label: a line said again is no other line
    lines: list[BudgetLine] = []
    training = Decimal(0)
    training_found = training_per_year = funded_apart = False
    last: tuple[list, int] | None = None  # where the last cost went, and where it ended
    seen: set[Decimal] = set()
    sides: dict[Decimal, BoundSide | None] = {}
    read_to = 0
    for amount in find_amounts(folded):
        # A table's leader dots ("Formation ........ 18 000 €") say nothing: one space.
        wide = _LEADER.sub(" ", folded[max(0, amount.start - 120) : amount.start])
        before = wide[-40:]
        times = _TIMES_BEFORE.search(before) or _TIMES_AFTER.match(folded, amount.end)
        if times:
            n = times.groupdict().get("n")
            w = times["w"] if n is None else ""
            count = int(n) if n else int(w) if w.isdigit() else word_value(w)
            amount = replace(amount, value=amount.value * count)
        sides[amount.value] = _limit_side(before, money=True)
        if amount.value in seen and _BACK_REFERENCE_BEFORE.search(before):
            continue
        seen.add(amount.value)
        if _REMOVED_BEFORE.search(before):
            continue  # "nous avons retiré du budget les 25 000 € de formation"
        if _cost_delta(folded, amount.start, amount.end) is not None:
            continue  # "et si le budget baisse de 40 000 € ?": a change, not the cost
        if _CHANGED_FROM["before"].search(before) and _CHANGED_FROM["after"].match(
            folded, amount.end
        ):
            continue
        if _HOPED_BEFORE.search(folded, max(0, amount.start - 60), amount.start):
            continue  # "pas encore chiffré ; nous espérons qu'il dépassera 150 000 €"
        threshold = _THRESHOLD_BEFORE.search(before)
        if threshold and not _OWN_BEFORE.search(before[: threshold.start()]):
            continue
        if _THRESHOLD_NAMED.search(before) and _THRESHOLD_AFTER.match(folded, amount.end):
            continue
        if _NOT_ONE_BEFORE.search(before):
            continue  # "pas un euro de formation": none
        if _NEGATIVE_BEFORE.search(before):
            continue  # "deux exercices déficitaires (– 38 000 € en 2024…)": a loss
        named_after = _TRAINING_AFTER.match(folded, amount.end)
        # A table's label may be long: "Formations des bénéficiaires (CACES, …) | 30 000 €".
        if named_after or _TRAINING_BEFORE.search(wide[-80:]):
            if _FUNDED_APART_AFTER.match(folded, named_after.end() if named_after else amount.end):
                funded_apart = True  # not in the project's cost, which then has none
                continue
            training_found = True
            # "3 000 € par trimestre pour des formations": a year's worth, as below.
            periods = _per_period(folded, amount.end)
            training += amount.value * (periods or 1)
            # "10 000 € par an de formation", "10k de formation par an"
            training_per_year |= bool(
                periods
                or _PER_YEAR_AFTER.match(folded, amount.end)
                or (named_after and _PER_YEAR_AFTER.match(folded, named_after.end()))
                or _PER_YEAR_BEFORE.search(before)
            )
            continue
        if _FIRST_YEARS_BEFORE.search(folded[max(read_to, amount.start - 80) : amount.start]):
            continue  # "les deux premières années, pour 100 000 €": not the whole cost
        if _PART_BEFORE.search(before):
            continue  # a part of a total stated elsewhere ("dont 50 000 € de subvention")
        if (
            _ACCOUNTS["noun_before"].search(before)
            or (
                _ACCOUNTS["whole_before"].search(folded, max(0, amount.start - 90), amount.start)
                and not _ACCOUNTS["for_the_project"].match(folded, amount.end)
            )
            or _ACCOUNTS["pay_before"].search(folded, max(0, amount.start - 90), amount.start)
            or _ACCOUNTS["received_before"].search(before)
            or _ACCOUNTS["funder_before"].search(folded, max(0, amount.start - 120), amount.start)
            or _ACCOUNTS["funder_share_before"].search(before)
            or _ACCOUNTS["noun_after"].match(folded, amount.end)
            or _ACCOUNTS["received_after"].match(folded, amount.end)
            or _ACCOUNTS["unit_after"].match(folded, amount.end)
            or _ACCOUNTS["call_before"].search(before)
            or _ACCOUNTS["stipend_after"].match(folded, amount.end)
            or _ACCOUNTS["stipend_before"].search(folded, max(0, amount.start - 120), amount.start)
        ):
            continue
        if re.search(r"\bentre[ ]+$", before):
            continue  # a range's low end, read with its high end
        in_range = _ACCOUNTS["range_before"].search(before)
        if in_range:
            low = _range_low(in_range, folded[amount.start : amount.end], amount.value)
            if low is not None and low <= amount.value:
                if _PER_YEAR_AFTER.match(folded, amount.end) or _PER_YEAR_BEFORE.search(
                    before, 0, in_range.start()
                ):
                    budget.annual_range = budget.annual_range or (low, amount.value)
                else:
                    budget.total_range = budget.total_range or (low, amount.value)
            continue
        if _REQUESTED["before"].search(before) or _REQUESTED["after"].match(folded, amount.end):
            if not _PER_YEAR_AFTER.match(folded, amount.end):
                budget.requested = max(budget.requested or amount.value, amount.value)
            continue
        share = _SHARE_AFTER.match(folded, amount.end)
        if share:
            percent = Decimal(share["pct"].replace(",", "."))
            if percent > 0:
                general.append((True, (amount.value * 100 / percent).quantize(Decimal(1))))
            continue
        year = _YEAR_AFTER.match(folded, amount.end) or _YEAR_BEFORE.search(before)
        if year:
            lines.append(BudgetLine(year=int(year.group(1)), amount_eur=amount.value))
            continue
        if _NTH_YEAR_AFTER.match(folded, amount.end) or _NTH_YEAR_BEFORE.search(before):
            lines.append(BudgetLine(amount_eur=amount.value))
            continue
        first_years = _FIRST_YEARS_EACH_AFTER.match(folded, amount.end)
        if first_years:
            lines += [BudgetLine(amount_eur=amount.value)] * 2
            read_to = first_years.end()  # the years named are this amount's, not the next's
            continue
        if lines and _FOLLOWING_YEARS_AFTER.match(folded, amount.end):
            year = lines[-1].year
            lines += [BudgetLine(year=year and year + n, amount_eur=amount.value) for n in (1, 2)]
            continue
        per_head = _PER_HEAD_AFTER.match(folded, amount.end)
        if per_head:
            heads = _headcount(folded, amount.start, per_head.end())
            if heads is None:
                continue
            count, yearly = heads
            if yearly or _PER_YEAR_BEFORE.search(before):
                kind, value = annual, amount.value * count
            else:
                kind, value = general, (False, amount.value * count)
        elif yearly := (
            _PER_YEAR_AFTER.match(folded, amount.end) or _PER_YEAR_BEFORE.search(before)
        ):
            kind, value = annual, amount.value
            label_from = yearly.end() if yearly.re is _PER_YEAR_AFTER else amount.end
            label = _COST_LINE_AFTER.match(folded, label_from) or _COST_LINE_BEFORE.search(before)
            if label:
                # "40 000 € par an de salaires et 12 000 € par an de frais de
                # fonctionnement": a year's cost in lines, added up.
                annual_lines[label.group().strip(" :=-")] = amount.value
        elif periods := _per_period(folded, amount.end):
            kind, value = periodic, amount.value * periods
        elif _COST_LINE_BEFORE.search(before) or _COST_LINE_AFTER.match(folded, amount.end):
            kind, value = parts, amount.value
        elif (
            _PARTNER_SHARE["after"].match(folded, amount.end)
            or _PARTNER_SHARE["before"].search(before)
            or _RESPECTIVE_BEFORE.search(before)
            or (
                shares
                and last is not None
                and last[0] is parts
                and _LISTED_NEXT.fullmatch(folded, last[1], amount.start)
            )
        ):
            kind, value = parts, amount.value
            shares += 1
        elif _POINTED_BEFORE.search(before):
            # "Je corrige : ces 30 000 € sont les frais de déplacement": an amount of an
            # earlier message, said again to be named, is no new cost of the project.
            continue
        else:
            kind, value = general, (bool(_TOTAL_BEFORE.search(before)), amount.value)
            if _BROUGHT_TO_BEFORE.search(wide[-80:]):
                # "un budget de 210 000 €… un coût total ramené à 130 000 €": the cost now.
                value = (True, amount.value)
                general.clear()
            if _NET_OF_TRAINING_AFTER.match(folded, amount.end) or _NET_OF_TRAINING_BEFORE.search(
                before
            ):
                net.add(amount.value)
        if last is not None and last[0] is kind and _corrects(folded, last[1], amount.start):
            # "128 000 €… pardon, c'est plutôt 186 000 €": the later amount replaces it,
            # a total still.
            taken = kind.pop()
            if kind is general:
                value = (taken[0] or value[0], value[1])
        kind.append(value)
        last = (kind, amount.end)
    if lines:
        budget.lines = lines
    from_lines = None
    if len(parts) > 1:
        from_lines = sum(parts, Decimal(0)) + training
    elif parts and not shares:
        # One partner's share alone ("sa part du budget est de 90 000 €") is not the
        # project's cost; one line alone is all the budget states.
        from_lines = parts[0]
    # Lines that a year's stated cost covers ("budget annuel : salaires 45 k€, … soit
    # 65 k€ par an") break that year down: they are not the project's cost.
    if from_lines is not None and not (annual and from_lines <= max(annual)):
        general.append((False, from_lines))
    if len(general) > 1 and _ALTERNATIVES.search(folded):
        general = []  # "deux scénarios : A) 130 000 € ; B) 210 000 €" states no one cost
    # An amount a tenth of the floor or less, not named a cost, is some other sum ("5 000 €
    # de matériel"), not what the project costs.
    least = _minimum_cost() / 10
    general = [(named, v) for named, v in general if named or v > least]
    if annual:
        # Nor is an amount below a year's stated cost: a project's cost is at least a
        # year's ("salaires : 45 k€ … soit 65 k€ par an").
        general = [(named, v) for named, v in general if named or v >= max(annual)]
    if general:
        # A total named as such wins; otherwise the largest amount is the project cost.
        named = [value for is_total, value in general if is_total]
        budget.total = max(named or [value for _, value in general])
        budget.net_of_training = budget.total in net
        budget.total_side = sides.get(budget.total)
    if annual:
        budget.annual = max(annual)
        if len(annual_lines) > 1:
            budget.annual = max(budget.annual, sum(annual_lines.values(), Decimal(0)))
        budget.annual_side = sides.get(budget.annual)
    elif periodic and budget.total is None:
        budget.annual = max(periodic)
    share = next(
        (m for m in _TRAINING_SHARE.finditer(folded) if declarative.contains(m.start())), None
    )
    if share and not training_found and (budget.total or budget.annual):
        # The share of the cost stated: of the total, or of a year's cost each year.
        percent = Decimal((share["pct"] or share["pct_first"]).replace(",", "."))
        training = (budget.total or budget.annual) * percent / 100
        training_found, training_per_year = True, budget.total is None
    if training_found:
        if training_per_year:
            # Same length as the checker uses for a yearly cost: the project's, else the
            # convention's.
            training = training * (project_months or _convention_months()) / 12
        budget.training = training
        if budget.net_of_training and budget.total is not None:
            # The cost the checker reads includes the training it then takes out.
            budget.total += training
    elif funded_apart or any(
        declarative.contains(m.start())
        # "170 000 € hors formation", "48 000 € puis 52 000 € par an, hors formation": the
        # cost stated holds no training.
        for pattern in (_NO_TRAINING, _TRAINING_REMOVED, _NET_OF_TRAINING_STATED)
        for m in pattern.finditer(folded)
    ):
        budget.training = Decimal(0)
    else:
        budget.training_included = any(
            declarative.contains(m.start()) for m in _TRAINING_INCLUDED.finditer(folded)
        )
    return budget


def _headcount(folded: str, start: int, end: int) -> tuple[int, bool] | None:
    """How many people a cost by the head is for, said in its sentence, and if each year."""
    left, right = _span_around(folded, start, end, ".!?;\n", len(folded))
    for m in _HEADCOUNT.finditer(folded, left, right):
        return int(m["n"].replace(" ", "")), bool(_PER_YEAR_AFTER.match(folded, m.end()))
    return None


def _range_low(match: re.Match[str], high_text: str, high: Decimal) -> Decimal | None:
    """The low end of "entre 200 et 220 k€", in the high end's unit when it has none."""
    low = parse_amount(f"{match['low']}{' ' + match['unit'] if match['unit'] else ''} €")
    if low is None:
        return None
    if not match["unit"]:
        # "entre 200 et 220 k€": the low end is counted in the high end's thousands.
        digits = parse_amount(re.sub(r"[^0-9 .,]", "", high_text).strip() + " €")
        if digits:
            low = low * high / digits
    return low


_TOTAL_LABEL = re.compile(r"\btotal\b")
_TRAINING_LABEL = re.compile(rf"\b{_TRAINING_NOUN}\b")


def names_training(text: str) -> bool:
    """Whether ``text`` names training in one of its usual wordings ("le permis de conduire")."""
    return bool(_TRAINING_LABEL.search(fold(text)))


# Money, or eligible spending, named beside training: it is then training paid for.
_TRAINING_MONEY = re.compile(
    r"\b(?:budgets?|financ\w*|pa(?:y|ie|yer|yé|yée|yés|yées|yons)|pay(?:ing|s)?|paid"
    r"|pris(?:es)? en charge|prendre en charge|d[ée]penses?|co[uû]ts?|costs?|frais|argent"
    r"|enveloppe|subventions?|money|funds?|funded|cover\w*|[ée]ligibles?|spend\w*"
    r"|consacrer|thune|fric|rembours\w*|reimburs\w*|refund\w*"
    # Counted in a sum: "does training count in the 150k?", "compte dans les 150 000 € ?".
    r"|counts?\s+(?:in|towards?)|compte(?:nt)?\s+dans"
    # "on peut compter les formations dedans ?": in the sum just named.
    r"|compt(?:er|e|ent)\b[^,.;:?!]{0,30}\bdedans)\b"
    r"|\b\d[\d  .,]*\s*(?:k€?|€|euros?)(?!\w)",
    re.I,
)
# Training the people lack ("des jeunes sans diplôme") or are led to ("les orienter vers une
# formation", "une entrée en formation") describes the public or the pathway's end.
_TRAINING_NOT_PAID = re.compile(
    r"\b(?:sans|pas de|aucune?|without|no)\b[^,.;:?!]{0,40}"
    r"|\b(?:sorti\w* de|vers (?:une?|la|des)|(?:entrer|entre|entrée?s?|accéder à|accède à)"
    r" (?:en|une?|la))\s+[\wÀ-ÿ]+",
    re.I,
)


def names_training_cost(text: str) -> bool:
    """Whether ``text`` speaks of paying for training: training named in any of its wordings
    ("des formations CACES", "le permis de conduire") beside a word of money or of eligible
    spending ("on peut consacrer une partie de l'enveloppe à des formations ?")."""
    return names_training(_TRAINING_NOT_PAID.sub(" ", text)) and bool(_TRAINING_MONEY.search(text))


_BUDGET_WORDS = re.compile(
    r"\b(?:total|couts?|budget|postes?|montants?|depenses?|personnel|salaires?|frais|charges|"
    r"costs?|staff|expenses?)\b"
)


@dataclass
class _TableBudget:
    total: Decimal
    training: Decimal | None  # None when a column or row could hold it but none does
    years: int


def _table_budget(text: str) -> _TableBudget | None:
    """The project's cost as the first pasted budget table gives it."""
    for table in find_tables(text):
        header = [fold(h).strip(" *") for h in table.header]
        labels = [fold(r.label).strip(" *") for r in table.rows]
        if not _BUDGET_WORDS.search(" ".join([*header, *labels])):
            continue
        if all(is_year_label(label) for label in labels):
            budget = _by_year(table, header)
        else:
            budget = _by_item(table, header, labels)
        if budget is not None:
            return budget
    return None


def _by_year(table: Table, header: list[str]) -> _TableBudget | None:
    """One row per year: the first amount of each is its cost."""
    amounts = [next((c for c in r.cells if c is not None), None) for r in table.rows]
    if any(a is None for a in amounts):
        return None
    column = next((i for i, h in enumerate(header) if _TRAINING_LABEL.search(h)), None)
    training = (
        None
        if column is None
        else sum((r.cells[column] or Decimal(0) for r in table.rows), Decimal(0))
    )
    return _TableBudget(sum(amounts, Decimal(0)), training, len(amounts))  # type: ignore[arg-type]


def _by_item(table: Table, header: list[str], labels: list[str]) -> _TableBudget | None:
    """One row per item, the columns years or a total: a total row, else the items' sum."""
    years = [i for i, h in enumerate(header) if is_year_label(h)]
    total_column = next((i for i, h in enumerate(header) if _TOTAL_LABEL.search(h)), None)

    def amount(row: Row) -> Decimal:
        if total_column is not None and row.cells[total_column] is not None:
            return row.cells[total_column]  # type: ignore[return-value]
        return sum((row.cells[i] or Decimal(0) for i in years or range(len(row.cells))), Decimal(0))

    totals = [r for r, label in zip(table.rows, labels, strict=True) if _TOTAL_LABEL.search(label)]
    items = [r for r in table.rows if r not in totals]
    if not items:
        return None
    trainings = [
        r for r, label in zip(table.rows, labels, strict=True) if _TRAINING_LABEL.search(label)
    ]
    total = amount(totals[0]) if totals else sum(map(amount, items), Decimal(0))
    # A budget set out item by item with no training line holds no training.
    training = sum(map(amount, trainings), Decimal(0)) if len(items) >= 2 else None
    return _TableBudget(total, training, len(years))


# A budget laid out year by year says how long the project runs: three yearly lines are
# three years. More lines than this are not one per year.
_MAX_BUDGET_YEARS = 5


def _months_budgeted(lines: list[BudgetLine]) -> int | None:
    years = {line.year for line in lines}
    # Lines by project year ("année 2") count one each; a mix of both counts none.
    count = len(years) if None not in years else len(lines) if years == {None} else 0
    return 12 * count if 2 <= count <= _MAX_BUDGET_YEARS else None


_ITEM_BREAK = re.compile(r";|[ ]-[ ]|[ ]•[ ]")
# A correction between two values of one fact: the later holds ("36 mois — pardon, 30
# mois", "à Vitré… enfin, à Laval", "24 mois, c'est une erreur, … 36 mois").
# How close before an amount or a place a correction word takes back an earlier one.
_CORRECTION_REACH = 25
# Not "plutôt que", "rather than", which set one thing against another.
_CORRECTION = re.compile(
    r"\b(?:pardon|plutot(?! qu)|enfin|en fait|finalement|je veux dire|correction|sorry|i mean|"
    r"actually|rather(?! than)|erreur|me suis trompee?|mistake|je corrige|je rectifie|"
    r"rectification|desormais|maintenant|now|au final|in the end)\b"
)


# --- durations -----------------------------------------------------------------------

# What tells a length from an age, a seniority or a date, and whose length it is.
_LENGTH = pattern_table(r"""
# "pendant les trois ans", "throughout the three years": the convention's period, known.
the_period_before: \b(?:pendant|durant|au[ ]cours[ ]des|tout[ ]au[ ]long[ ]des|during|throughout)
    [ ]+(?:les|the)[ ]+$
# "we have supported jobseekers for 12 years", "ça fait 2 ans que…": time already spent.
# "dès" folds to "des": the article after a span ("la totalité des 36 mois") is not it.
not_before: \b(?:depuis|il y a|(?:ca|cela) fait|voila|(?<!totalite )(?<!ensemble )(?<!cours )
    (?<!long )(?<!pendant )(?<!durant )(?<!sur )des|avant|apres|cree[es]? en|since)[ ]+
    (?:(?:plus de|pres de|presque|environ|bientot|deja|genre|facilement|au moins|a peu pres|
    more than|over|nearly|almost|about|around|roughly|at least)[ ]+)?
# "il y a un ou deux ans", "depuis 2 à 3 ans": a span of time already spent.
    (?:(?:un|une|deux|trois|[0-9]{1,2})[ ]+(?:ou|a)[ ]+)?$|
# "24 mois plutôt que trois ans", "instead of three years": the length set aside; so is
# one in the clause that names it ("plutôt qu'attendre d'avoir bâti un projet sur trois ans").
    \b(?:plutot que|plutot qu'|au lieu de|au lieu d'|rather than|instead of)
    (?:(?!\b(?:et|mais|and|but)[ ]+(?:ne[ ]+|n')?(?:durer\w*|last\w*)\b)[^,;:.!?]){0,60}$|
# "running for over ten years" is spent; "will be supported for more than 12 months" is to
# come.
    ^(?:(?!\b(?:will|would|shall|could|can|may|might)\b).)*
    \bfor[ ]+(?:over|more than|nearly|almost|the (?:last|past))[ ]+$|
    \b(?:have|has|'ve|had)\b[^.;!?]{0,60}?\bfor[ ]+(?:more than[ ]+|over[ ]+|nearly[ ]+|
    the (?:last|past)[ ]+)?$|
# "une expérience de près de dix ans dans l'insertion" is seniority, not a length.
    \b(?:experience|anciennete)[ ]+(?:de[ ]+|d')?(?:(?:plus de|pres de|presque|environ|
    bientot)[ ]+)?$|
# "notre asso a 2 ans", "la structure aura bientôt dix ans": the organisation's age.
    \b(?:asso|associations?|structures?|organismes?|entreprises?|boite|federation|reseau|
    collectif|club|fondation|societe|scop|scic|ccas|cias|elle)[ ]+(?:n')?(?:a|aura|avait)[ ]+
    (?:(?:plus de|pres de|presque|environ|bientot|deja|a peine|seulement|juste|que)[ ]+)?$
# "a two-year-old start-up": the organisation's age.
not_after: [ -]*(?:d'experience|d'existence|d'anciennete|d'activite|de plus|derniere?s|
# "6 mois de retard": a delay, not a length.
    de retard|de decalage|d'avance|de delai|late|of delay|behind schedule|
    de (?:fonctionnement|charges|tresorerie|salaire)|of (?:running costs|reserves|cash)|
    suivante?s|precedente?s|restante?s|prochaine?s|of experience|ago|old)\b
# "démarre trois mois après la date prévue", "starts two months later": when it starts,
# not how long it lasts ("durera 36 mois après la signature" is a length).
started_before: \b(?:demarr\w*|commenc\w*|debut\w*|lanc\w*|start\w*|begin\w*|began|kick\w*)\b
    [^.;!?]{0,20}$
offset_after: [ ]*(?:apres|plus tard|avant|after|later|earlier|before)\b
# "10 mois max par personne", "14 mois d'accompagnement par jeune", "12 mois chacun",
# "24 months of support per person":
# what is measured and a bound may stand between the length and whose it is.
per_person_after: [ ]*(?:(?:d'|de[ ]+)(?:accompagnement|suivi|parcours|prise en charge)
    (?:[ ]+[a-z]+)?[ ]+|of[ ]+(?:support|follow-up|coaching|mentoring)[ ]+)?
    (?:(?:max|maxi|maximum|au plus|au maximum|at most|maximum)\.?[ ]+)?
    (?:(?:par|pour chaque|pour une? meme|pour une?|a chaque|pour les|per|for each|
    for every|for one|for a)[ ]+
    (?:personnes?|beneficiaires?|jeunes?|participants?|personnes? accompagnees?|usagers?|
    stagiaires?|persons?|people|beneficiar(?:y|ies)|young[ ]+(?:people|persons?)|jobseekers?)|
    chacune?s?|each)\b|
# "two-year pathways", "18-month support pathway": the noun the length describes.
    [ ]+(?:support[ ]+)?pathways?\b
# "accompagner 40 jeunes pendant 36 mois": a counted group over two years or more is the
# project's activity, not one person's pathway ("30 personnes accompagnées 10 mois" is).
counted_group: \b[0-9]{1,4}[ ]+(?:personnes|beneficiaires|jeunes|participants|stagiaires|
    usagers|people|participants|beneficiaries|young people|jobseekers)\b
# "les personnes restent 14 mois dans le dispositif": how long each person stays; so is
# "garder les gens 2 ans".
pathway_words: \b(?:personnes|beneficiaires|jeunes|participants|gens|people)[ ]+(?:\w+[ ]+)?
    (?:restent|resteront|resteraient|stay|remain)\b|
    \b(?:garder|gardent|garde|keep|keeping)[ ]+(?:les[ ]+|des[ ]+|ces[ ]+|the[ ]+)?
    (?:gens|personnes|jeunes|beneficiaires|participants|people)\b|
    \b(?:parcours|accompagn\w*|suivie?s?|suivr\w*|
# "on suit les gens 1 an et demi", "nous les remobiliserions pendant un an" (the verb, not
# the "remobilisation" of the offer's name; not "comme suit").
    (?<!comme[ ])(?<!qui[ ])sui(?:t|vons|vent|vions)|remobilis(?!ation)\w*|
    chaque (?:personne|beneficiaire|jeune|participant)|support\w*|pathways?|
    each (?:person|beneficiary|participant))\b
# "18 mois d'accompagnement", "15 mois de parcours", "2 ans en accompagnement": what one
# person goes through, unless the project was named just before ("un projet de 36 mois…").
pathway_after: [ ]*(?:d'|de[ ]+|en[ ]+)(?:accompagnement|parcours|suivi|remobilisation|
    prise en charge)\b
project_just_before: \b(?:projets?|conventions?|programmes?|cpom|actions?|projects?)[ ]+
    (?:de[ ]+|sur[ ]+|d'une duree de[ ]+|pendant[ ]+|of[ ]+|over[ ]+)?$
project_words: \b(?:projets?|conventions?|programmes?|actions?|operations?|financements?|
    budgets?|dispositifs?|cpom|candidature|par an|euros?|projects?|programs?|agreements?|
    funding|per year|a year)\b|€
preposition: \b(?:sur|pendant|durant|duree de|duree d'|de|over|for|during|lasting)[ ]*$
# A length denied ("non, pas 12 mois") is none; the figure put instead keeps its unit
# ("pas 12 mois, plutôt 15").
denied_before: \b(?:pas|non|not)[ ]+(?:de[ ]+)?$
# "ne dépasserait pas 8 mois", "will not exceed 8 months": a bound, not a denial.
bound_before: \b(?:depass\w*|exced\w*|exceed\w*)[ ]+(?:pas|not)[ ]+$|\bnot[ ]+exceed\w*[ ]+$
instead_after: [ ]*,?[ ]*(?:mais[ ]+)?(?:plutot|plus|mais|rather|but)[ ]+(?P<n>[0-9]{1,3})\b
    (?![ ]*(?:mois|ans?|annees?|months?|years?|%|€|k))
# "1 an renouvelable 6 mois": a pathway's renewal adds to it.
renewal_after: [ ]*,?[ ]*(?:renouvelable|prolongeable|extensible|\+)[ ]*(?:une fois[ ]+)?
    (?:de[ ]+|pour[ ]+|jusqu'a[ ]+)?
# A previous project's lengths are not this one's: "notre précédent projet a duré 4 ans".
past_project: \b(?:precedent|ancien|dernier|previous|former|last)[ ]+(?:projet|programme|
    project|programme)\b|\b(?:a dure|ont dure|duraient|allaient jusqu'a|lasted)\b
# "We've been running outreach sessions in the villages around Pontchâteau for two
# years": a span already spent, however far the perfect stands from it in the sentence.
spent_before: \b(?:have|has|'ve|had)[ ]+been[ ]+[a-z]+ing\b[^.;!?]*\bfor[ ]+
    (?:(?:more than|over|nearly|almost|about|around)[ ]+)?$|
# "J'ai été conseillère France Travail pendant dix ans", "nous avons mené un projet pendant
# deux ans à Nantes": a span told in the past tense, unless a verb in the future or the
# conditional comes between ("nous avons accompagné 300 personnes et le projet durera…").
    \b(?:ai|as|a|avons|avez|ont|avais|avait|avions|aviez|avaient)[ ]+
    (?:(?:deja|longtemps|toujours|aussi|egalement)[ ]+)?
    (?:ete|travaille|mene|exerce|conduit|realise|accompagne|dirige|gere|oeuvre|coordonne|
    anime|occupe|pilote|vecu|passe)\b
    (?:(?!\b[a-z]+(?:ra|ront|rait|raient)\b)[^.;!?])*$
""")


# A length of two years or more, whose holder is not named, is the project's: no person's
# pathway lasts that long.
_PROJECT_FROM_MONTHS = 24

# "de janvier 2025 à décembre 2027" dates the project; the call opened in 2024 (décret
# n° 2024-584), so a period that ended before 2025 is a past action, not this project.
_FIRST_PROJECT_END = 2025


_PERSON = re.compile(r"\b(?:personnes?|beneficiaires?|jeunes?|participants?|gens|people|person)\b")
_WHERE_ONE_STAYS = re.compile(
    r"\b(?:dans|in|into|on)[ ]+(?:le|la|les|l'|ce|cet|cette|notre|nos|the|our|this)[ ]*$"
)


# A length given to what a pronoun takes up: "les prolonger jusqu'à 15 mois", "extend them
# to 15 months".
_TAKEN_UP_BEFORE = re.compile(
    r"\b(?:les|le|la|l')[ ]*(?:prolonger|allonger|etendre|raccourcir|reduire|ramener|porter"
    r"|faire durer)\b[^.;!?]{0,25}$"
    r"|\b(?:extend|lengthen|shorten|prolong|cut)[ ]+(?:them|it)\b[^.;!?]{0,25}$"
)


def _last_named(before: str) -> str | None:
    """Whose length the nearest cue word before a duration names, if any."""
    pathway = list(_LENGTH["pathway_words"].finditer(before))
    last_pathway = max((m.end() for m in pathway), default=-1)
    # "garder chaque personne dans le dispositif pendant 18 mois": where a person named
    # stays, not whose length it is.
    person = next((m for m in reversed(pathway) if _PERSON.search(m[0])), None)
    last_project = max(
        (
            m.end()
            for m in _LENGTH["project_words"].finditer(before)
            if not (
                person
                and person.end() <= m.start()
                and _WHERE_ONE_STAYS.search(before, person.end(), m.start())
            )
        ),
        default=-1,
    )
    if last_pathway > last_project:
        return "pathway"
    return "project" if last_project >= 0 else None


# "d'abord 3 mois de remobilisation, puis 11 mois d'accompagnement", "2 mois de
# remobilisation + 11 mois d'accompagnement": one pathway's phases, one after the other,
# in one sentence.
_THEN = re.compile(
    r"^[^.;!?]{0,80}(?:\b(?:puis|ensuite|suivie?s? d[e']|avant|apres quoi|then|followed by"
    r"|after that|afterwards)\b|[+])[^.;!?]{0,40}$"
)


def _phases_added(folded: str, pathways: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pathway lengths by (offset, months), those in sequence added up: (months, offset)."""
    out: list[tuple[int, int]] = []
    end = -1
    for at, months in pathways:
        if out and _THEN.match(folded[end:at]):
            total, first = out.pop()
            out.append((total + months, first))
        else:
            out.append((months, at))
        length = DURATION.match(folded, at)
        end = length.end() if length else at
    return out


def _durations(
    folded: str, sentences: list[tuple[int, int]]
) -> tuple[int | None, int | None, BoundSide | None]:
    """The project's length, one person's pathway, and how the real pathway relates to
    that one when it is stated as a limit."""
    starts = [start for start, _ in sentences]

    def before(position: int) -> str:
        sentence_start = starts[bisect.bisect_right(starts, position) - 1]
        window = folded[max(sentence_start, position - 70) : position]
        # A list item ("; - duration: 36 months") names its own fact.
        return _ITEM_BREAK.split(window)[-1]

    # (months, whose, offset, from dates)
    lengths: list[tuple[int, str, int, bool]] = []
    for match in DURATION.finditer(folded):
        months = months_of(match)
        preceding = before(match.start())
        sentence = bisect.bisect_right(starts, match.start()) - 1
        # Ages ("16 à 25 ans"), seniority, past dates, a previous project's lengths and a
        # denied length ("non, pas 12 mois") are not this project's lengths.
        if (
            months is None
            or months > 120
            or _LENGTH["not_before"].search(preceding)
            or _LENGTH["not_after"].match(folded, match.end())
            or (
                _LENGTH["offset_after"].match(folded, match.end())
                and _LENGTH["started_before"].search(preceding)
            )
            or _LENGTH["past_project"].search(folded, *sentences[sentence])
            or _LENGTH["spent_before"].search(folded, sentences[sentence][0], match.start())
        ):
            continue
        if _LENGTH["the_period_before"].search(preceding) and not find_amounts(
            folded[slice(*sentences[sentence])]
        ):
            # "quels comptes rendus pendant les trois ans ?" names the convention's period;
            # "60 000 € par an pendant les trois ans" spreads the project's cost over it.
            continue
        if _LENGTH["denied_before"].search(preceding) and not _LENGTH["bound_before"].search(
            preceding
        ):
            instead = _LENGTH["instead_after"].match(folded, match.end())
            if instead:
                unit = 1 if match.group("u").startswith(("mo", "mois")) else 12
                role = _last_named(preceding)
                if role:
                    at = instead.start("n")
                    lengths.append((int(instead.group("n")) * unit, role, at, False))
            continue
        renewal = _LENGTH["renewal_after"].match(folded, match.end())
        extra = DURATION.match(folded, renewal.end()) if renewal else None
        renewed = months + (months_of(extra) or 0) if extra else months
        if _LENGTH["per_person_after"].match(folded, match.end()) or (
            # "3 ans d'accompagnement" alone may be the project's span.
            months < _PROJECT_FROM_MONTHS
            and _LENGTH["pathway_after"].match(folded, match.end())
            and not _LENGTH["project_just_before"].search(preceding)
        ):
            lengths.append((renewed, "pathway", match.start(), False))
            continue
        named = _last_named(preceding)
        if not named and (taken_up := _TAKEN_UP_BEFORE.search(preceding)):
            # "Nos parcours étaient prévus sur 9 mois ; nous voudrions les prolonger jusqu'à
            # 15 mois": the length of what the pronoun takes up, named earlier.
            sentence_start = sentences[sentence][0]
            named = _last_named(
                folded[sentence_start : match.start() - len(preceding) + taken_up.start()]
            )
        if not named and months < _PROJECT_FROM_MONTHS:
            # "Elle accompagnerait des personnes sortant de détention, inscrites nulle part,
            # pendant 18 mois": the sentence's verb, however far back, when nothing of the
            # project comes after it.
            wider = folded[sentences[sentence][0] : match.start()]
            if len(wider) > len(preceding) and _last_named(wider) == "pathway":
                named = "pathway"
        if (
            named == "pathway"
            and months >= _PROJECT_FROM_MONTHS
            and _LENGTH["counted_group"].search(preceding)
        ):
            named = "project"
        in_years = match.group("u") != "mois"
        if named:
            # A pathway renewed lasts its whole length; a convention is renewed anew.
            lengths.append((renewed if named == "pathway" else months, named, match.start(), False))
        elif months >= _PROJECT_FROM_MONTHS or (
            in_years and _LENGTH["preposition"].search(preceding)
        ):
            lengths.append((months, "project", match.start(), False))
        # else "pendant 18 mois" alone could be either length
    for match in date_ranges(folded):
        months = range_months(match)
        if months and months <= 120 and int(match.group("end")[-4:]) >= _FIRST_PROJECT_END:
            # Dates are the project's unless a person's pathway was named last.
            role = _last_named(before(match.start())) or "project"
            lengths.append((months, role, match.start(), True))
    for match in PATHWAY_SPAN.finditer(folded):
        months = range_months(match)
        if months and months <= 60:
            lengths.append((months, "pathway", match.start(), True))
    for match in MONTH_RANGE.finditer(folded):
        # With no year, the months say a person's pathway when one was named just before
        # ("chaque parcours suivrait le rythme scolaire, de septembre à juin").
        if _last_named(before(match.start())) == "pathway":
            lengths.append((month_range_months(match), "pathway", match.start(), True))
    lengths = _corrected(folded, lengths)
    pathways = _phases_added(
        folded, sorted((at, m) for m, role, at, _ in lengths if role == "pathway" and m <= 60)
    )
    # A length in words or figures comes before one worked out from dates.
    projects = [m for m, role, _, dated in sorted(lengths, key=lambda x: x[3]) if role == "project"]
    pathway, at = max(pathways, key=lambda p: p[0]) if pathways else (None, -1)
    side = _limit_side(before(at), money=False) if pathway is not None else None
    return (projects[0] if projects else None), pathway, side


def _corrected(
    folded: str, lengths: list[tuple[int, str, int, bool]]
) -> list[tuple[int, str, int, bool]]:
    """Drop a length that a later one of the same kind corrects ("36 mois — pardon, 30")."""
    kept = sorted(lengths, key=lambda x: x[2])
    out: list[tuple[int, str, int, bool]] = []
    for length in kept:
        previous = next((o for o in reversed(out) if o[1] == length[1]), None)
        if previous and _CORRECTION.search(folded, previous[2], length[2]):
            out.remove(previous)
        out.append(length)
    return out


# --- sentences and declarative clauses ---------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
# A message dictated without punctuation asks from its "est-ce que" on: "… on a un projet
# sur vingt quatre mois est ce que la duree pose probleme".
_SENTENCE_BREAK = re.compile(rf"{_SENTENCE_END.pattern}|(?<=[a-z0-9] )(?=est[ -]ce qu)")
_OPENER = re.compile(
    r"[\W_]*(?:(?:et|mais|alors|donc|bonjour|svp)\b[\W_]*)?"
    r"(?:peut[ -]on|peut[ -]il|peuvent|pouvons|pourrait|pourrions|puis[ -]je|est[ -]ce|"
    r"faut[ -]il|doit[ -]on|devons|dois[ -]je|quel(?:le)?s?\b|lequel|laquelle|combien|comment|"
    r"pourquoi|quand|ou\b|qui\b|que\b|qu'|quoi|a[ -]t[ -]on|y a[ -]t[ -]il|existe[ -]t[ -]il|"
    r"sommes[ -]nous|suis[ -]je|est[ -]il|est[ -]elle|sont[ -]ils|sont[ -]elles|avons[ -]nous|"
    r"si\b|(?:a|de|pour|dans|sur|avec|par|en) (?:quel|quelle|quels|quelles|combien|quoi)\b|"
    # English questions open on an auxiliary or a wh-word ("Is the lead organisation
    # required to keep analytical accounts, and on what basis?").
    r"(?:(?:and|but|so)\b[\W_]*)?(?:is|are|am|do|does|can|could|should|shall|must|will|would"
    r"|may|might|what|which|who|how|when|where|why)\b)"
)
_INVERSION = re.compile(
    r"\b[a-z]+-(?:t-)?(?:on|il|ils|elle|elles|nous|vous|je)\b|\best-ce\b|\best ce qu"
)
# A question typed in a hurry, without its mark: "+ do we need analytic accounting", "faut-il
# une compta analytique". It opens on an inverted verb or an auxiliary and its subject.
_ASKS_UNMARKED = re.compile(
    rf"[\W_]*(?:(?:et|mais|and|but|so)\b[\W_]*)?(?:{_INVERSION.pattern}"
    r"|(?:do|does|is|are|can|could|should|must|will|would|may)[ ]+(?:we|i|you|it|they"
    r"|there|the|our|a|an|this|that)\b)"
)
_CLAUSE_SEPARATOR = re.compile(r"[,:;]| - ")


class _Spans:
    """Sorted, disjoint character ranges with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def contains(self, position: int) -> bool:
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]


def _sentences(folded: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _SENTENCE_BREAK.finditer(folded):
        spans.append((start, end.end()))
        start = end.end()
    spans.append((start, len(folded)))
    return spans


def _declarative(folded: str, sentences: list[tuple[int, int]]) -> _Spans:
    """The parts of the text that state something rather than ask it.

    In a question, only a clause before the question proper counts: "Notre projet
    coûte 120 000 €, est-il éligible ?" states the cost.
    """
    spans: list[tuple[int, int]] = []
    for start, end in sentences:
        sentence = folded[start:end].rstrip()
        if not sentence.endswith("?") and not _ASKS_UNMARKED.match(sentence):
            # "Nous aimerions savoir si nous pouvons nous associer…" asks what follows.
            asked = indirect_start(sentence)
            spans.append((start, end if asked is None else start + asked))
            continue
        if _OPENER.match(sentence):
            continue
        marker = _INVERSION.search(sentence)
        cut = marker.start() if marker else len(sentence)
        separators = list(_CLAUSE_SEPARATOR.finditer(sentence, 0, cut))
        if separators:
            spans.append((start, start + separators[-1].start()))
    return _Spans(spans)


# --- public, consortium, organisation ------------------------------------------------

_NETWORK = (
    rf"(?:france travail|(?:l')?(?:{fold(FORMER_NAMES)})"
    r"|(?:la |une |les )?missions? locales?|cap emploi|ft)"
)
_INVISIBLE = re.compile(
    r"\binvisibles?\b|\bnon[ -]inscrite?s?\b|\bpas (?:encore |du tout )?inscrite?s?\b|"
    r"\binscrite?s? nul(?:le)? part\b|\b(?:suivie?s?|accompagnee?s?|connue?s?) par personne\b|"
    r"\binscrite?s? (?:aupres d'|a |dans )aucun|"
    r"\bsans (?:aucune )?inscription\b|\bsans (?:aucun )?suivi\b|"
    # "des jeunes qui n'ont aucune inscription", "people with no registration anywhere".
    r"\bn'(?:ont|a|avoir|avait|avaient) (?:aucune |pas d'|jamais d')[ ]?inscription\b|"
    r"\b(?:with |having )?no registration\b|"
    r"\b(?:en dehors|hors|sortie?s?|disparue?s?) des radars\b|"
    r"\bni inscrite?s?\b|"
    rf"\binconnue?s? (?:de |du |des |d')?(?:{_NETWORK}|reseau|acteurs?|services?)|"
    r"\b(?:connue?s?|suivie?s?|accompagnee?s?) (?:d'|par )aucun|"
    # "qui ne sont inscrits ni à la mission locale ni à France Travail"
    # or "suivis ni par France Travail ni par la mission locale"
    r"\bne (?:sont|soient|seront|sont plus|sont toujours) (?:pas |jamais )?"
    r"(?:inscrite?s?|suivie?s?|accompagnee?s?|connue?s?)\b"
    # (not "ni suivi ni évaluation", nouns)
    r"|\b(?:inscrite?s?|suivie?s?|accompagnee?s?|connue?s?) ni "
    r"(?:par|a|au|aux|aupres|chez|dans|de|du|des|la|le|les|l')\b|"
    # "des jeunes qu'aucune structure ne suit", "que personne n'accompagne", "ni la mission
    # locale, ni France Travail"
    r"\b(?:aucun\w*(?: [a-z]+)?|personne|nul) (?:ne |n')(?:les |la |le |l')?(?:suit|suivent|"
    r"connait|connaissent|accompagne|accompagnent)\b|"
    rf"\bni (?:la |le |les |a |a la |par |en |chez |aupres de )?{_NETWORK}[ ]*,?[ ]*ni\b|"
    # "young people not registered with France Travail", "unknown to the employment services"
    # Typed without the apostrophe too: "people who arent registered anywhere".
    r"\b(?:not|never|aren'?t|isn'?t|weren'?t|haven'?t) (?:yet |been |ever )?"
    r"(?:registered|signed up|enrolled)\b|\b(?:registered|signed up|enrolled) nowhere\b"
    r"|\bunregistered\b|\b(?:unknown|not known) to "
    rf"(?:the |any )?(?:{_NETWORK}|employment|job|public|social|services|agenc)"
)
_REGISTERED = re.compile(
    r"\binscrite?s?[ ]+(?:a|au|a la|aupres de|aupres d'|chez|en tant que|comme|sur la liste des)"
    rf"[ ]*(?:{_NETWORK}|demandeurs? d'emploi)|\bdemandeurs? d'emploi\b|"
    rf"\bsuivie?s? par {_NETWORK}|\bregistered (?:with|at) {_NETWORK}|"
    r"\bregistered as (?:an? )?(?:unemployed|job[ -]?seekers?)\b|"
    rf"\b(?:followed|supported|tracked) (?:up )?by (?:the |a )?{_NETWORK}|"
    r"\bregistered job[ -]?seekers\b|"
    # In a programme the network runs: "les jeunes que nous suivons en Contrat d'engagement
    # jeune" (not "sortis du CEJ").
    r"\b(?:en|beneficiaires du|in the|on the)[ ]+(?:contrat d'engagement jeunes?|cej|pacea|"
    r"youth engagement contract)\b"
)
# A comparison names no public: "une allocation, comme un demandeur d'emploi indemnisé".
_LIKENED_BEFORE = re.compile(
    r"\b(?:comme|like|au meme titre que|a l'instar d')[ ]*(?:un|une|des|les|le|la|a|an)?[ ]*$"
)
# A writer who is part of the network ("je dirige la mission locale de Laval", "we are a
# Cap emploi office") registers people with it: "les jeunes déjà inscrits chez nous".
_NETWORK_SELF = re.compile(
    r"\b(?:je dirige|je travaille (?:a|pour|dans|chez)|je suis \w+ (?:a|de|dans|chez)|"
    r"nous sommes|i (?:run|manage|work (?:at|for|in))|we are)[ ]+(?:la |une |the |a )?"
    rf"(?:agence |antenne |office |branch )?(?:de |of )?{_NETWORK}\b"
)
_OWN_REGISTERED = re.compile(
    r"\binscrite?s?[ ]+(?:chez nous|dans nos (?:services|fichiers|listes|effectifs))|"
    r"\bnos (?:jeunes |publics? )?inscrite?s\b|\bregistered with us\b|"
    # Those it already follows: "les jeunes que nous suivons déjà".
    r"\b(?:que|qu')[ ]*(?:nous|on)[ ]+(?:suivons|suit|accompagnons|accompagne)[ ]+deja\b|"
    r"\bwe (?:already|currently) (?:support|follow|work with)\b"
)
# "étaient suivis par la mission locale mais ont décroché": the AMI's own "qui ont décroché
# de solutions qui leur étaient proposées", a public it puts first, not a registered one.
# Not "ont décroché un emploi", which is landing one.
_DROPPED_OUT = re.compile(
    r"\bdecrocheu(?:r|rs|se|ses)\b|"
    r"\bdecroch(?:e|ee|es|ees|ent)\b(?![ ]+(?:un|une|le|la|les|son|sa|ses|leur|leurs)\b|[ ]*l')|"
    r"\b(?:ont|a|ai|jai|avons|avaient|avait) (?:tout |completement |totalement )?"
    r"(?:lache|abandonne|laisse tomber)\b"
    r"|\bperdue?s? de vue\b"
    r"|\bdropped out\b|\bdrop[- ]?outs?\b"
    # "people who walked away from the support they were offered", "gave up on it".
    r"|\b(?:walked|walks|walk|walking) away from\b|\b(?:gave|given|give|giving) up on\b"
)


# "ne sont (donc) pas (vraiment) « invisibles »": the word denied of the people described.
_DENIED_INVISIBLE = re.compile(
    r"\b(?:pas|plus|jamais|not|n'?t)[ ]+(?:\w+[ ]+){0,2}(?:« |\"|')?[ ]*\Z"
)


def _same_sentence(folded: str, start: int, end: int) -> bool:
    """Whether no sentence ends between ``start`` and ``end``."""
    return _sentence_end(folded, start) >= end


def _sentence_end(folded: str, position: int) -> int:
    end = _SENTENCE_END.search(folded, position)
    return end.start() if end else len(folded)


def _sentence_start(folded: str, position: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(folded, 0, position)]
    return starts[-1] if starts else 0


_NEGATION_BEFORE = re.compile(r"\b(?:ne|n'|non|pas|ni|sans|jamais|aucune?)\b[^,;:.!?]{0,25}$")
_SUBSIDIARY = re.compile(
    r"\b(?:pas|plus|aucun|sans)[ ]+(?:de[ ]+|d')?contacts?[ ]+(?:regulier[ ]+)?"
    r"(?:avec[ ]+[\w' ]{0,40}?)?[ ]*(?:depuis|au cours des|dans les|sur les|pendant)[ ]+"
    r"(?:plus de[ ]+)?(?:[0-9]+|cinq|six|sept|huit|neuf|dix|douze)[ ]+(?:derniers[ ]+)?mois|"
    r"\b(?:aucun|pas d'|sans)[ ]*(?:offre[ ]+d')?accompagnement[ ]+adaptee?s?|"
    r"\ba titre subsidiaire\b|\bsubsidiairement\b|"
    # "n'ont vu aucun conseiller depuis l'hiver", "plus de suivi depuis des mois", "n'ont plus
    # vu de conseiller depuis un an"
    r"\b(?:aucun|plus de|pas de|sans|(?:plus|pas|jamais)[ ]+(?:vu|eu|rencontre)[ ]+(?:de|d'|aucun))"
    r"[ ]*(?:contact|suivi|rendez-vous|conseiller|nouvelles)\b[^.;!?]{0,40}?\bdepuis\b|"
    # Said as what they stopped doing: "qui n'y vont plus depuis six mois", "qu'ils y vont plus
    # depuis", "qui n'ont vu personne depuis", "que personne n'a vus depuis un an".
    r"\b(?:(?:n'|ne[ ]+)?(?:y|s'y)[ ]+(?:vont|va|rendent|rend|passent|passe)[ ]+plus|"
    r"(?:ne[ ]+)?(?:viennent|vient|se presentent|se presente)[ ]+plus|"
    r"(?:n')?(?:ont|a)[ ]+(?:vu|rencontre)[ ]+personne|personne[ ]+(?:ne[ ]+)?(?:les|l')?[ ]*"
    r"(?:a|n'a)[ ]+(?:vue?s?))\b[^.;!?]{0,40}?\bdepuis\b|"
    # No support where they live, the arrêté's "aucune solution n'existe sur leur
    # territoire": "aucun accompagnement près de chez eux", "no support service anywhere
    # near them".
    r"\b(?:aucune?|pas d'|pas de|sans|no)[ ]+(?:\w+[ ]+)?(?:accompagnements?|solutions?|offres?|"
    r"services?|structures?|support)\b[^.;!?]{0,40}?\b(?:pres|a proximite|proches?|"
    r"sur (?:le|leur|son|notre) territoire|dans (?:le|leur|son|notre) (?:secteur|coin|territoire)|"
    r"near|nearby|close by|in (?:their|the) area|locally)\b"
)
_COUNT = r"(?:deux|trois|quatre|cinq|six|[0-9]+)"
_ORGS = r"(?:structures?|associations?|assos?|organismes?|operateurs?|partenaires?|porteurs?)"
_CONSORTIUM = re.compile(
    rf"\bconsortium\b|\bgroupement\b|\ba plusieurs {_ORGS}|"
    # "avec une autre association", after any verb of working or carrying a project.
    rf"\b(?:en partenariat|travaill\w*|port\w*|agi\w*|intervien\w*|candidat\w*|mont\w*|"
    r"repond\w*|depos\w*|associ\w*)(?:[ \n]+(?:le|ce|notre) projet)?[ \n]+(?:avec|aux cotes d')"
    rf"[ \n]+(?:{_COUNT}|plusieurs|d'autres|une autre|un autre)[ \n]+(?:autres?[ \n]+)?"
    rf"{_ORGS}|\b(?:nous sommes|nous serons|on est|on sera|on serait) "
    rf"(?:{_COUNT}|plusieurs) {_ORGS}|"
    rf"\b(?:{_COUNT}|plusieurs) {_ORGS} s'associent\b|"
    rf"\ba {_COUNT} {_ORGS}|\bco-?port(?:e|es|ons|age)\b|"
    # "porter le projet O2R collectivement", "portons ensemble".
    r"\bport\w*(?: (?:le|ce|notre|un) projet(?: o2r)?)? (?:ensemble|conjointement|collectivement"
    r"|a plusieurs)\b|"
    r"\bcandidature (?:commune|collective|conjointe)\b|"
    # "projet porté avec l'asso Ernée Solidarités"
    r"\bport\w*(?: le projet)? avec (?:l'|la |le )?(?:asso|association|structure|centre social|"
    r"chantier|regie|entreprise d'insertion)\b|"
    # "deux partenaires nous rejoignent", "partenaires associés : …", "nous et deux autres
    # associations", "nous déposons ensemble"
    r"\bpartenaires? (?:associes|nous rejoign\w*)\b|"
    rf"\bnous\b[^.;!?]{{0,15}}\bet (?:{_COUNT}|plusieurs|d'autres) (?:autres )?{_ORGS}|"
    # "veulent répondre ensemble à l'AMI", "candidater ensemble": any form of the verb.
    r"\b(?:depos|candidat|repond|postul)\w* ensemble\b|"
    # "porté par trois associations", "carried by two organisations"
    rf"\b(?:port|men|pilot|carried|run|led)\w* (?:conjointement |ensemble |jointly )?(?:par|by) "
    rf"(?:{_COUNT}|plusieurs|two|three|four|five|several) (?:{_ORGS}|organi[sz]ations|partners)|"
    # "we are three organisations", "we will apply with two other associations"
    r"\bwe (?:are|will be|would be) (?:two|three|four|five|several|[0-9]+) (?:organi[sz]ations"
    r"|associations|partners|structures|charities)\b|\b(?:apply\w*|work\w*|bid\w*|run\w*|"
    r"submit\w*|partner\w*) (?:together )?(?:with|alongside) (?:two|three|four|several|other|"
    r"another|[0-9]+) (?:other )?(?:organi[sz]ations?|associations?|partners?|charit(?:y|ies)"
    r"|ngos?|structures?)\b"
)
_SINGLE = re.compile(
    r"\bseule?s? (?:structure|association|porteu\w+|candidat\w*|operateur)\b|"
    r"\b(?:candidatons|candidate|portons|porte|deposons|depose|presentons|presente)[ ]+"
    r"(?:le projet[ ]+|ce projet[ ]+|notre projet[ ]+)?seule?s?\b|"
    r"\bcandidature (?:individuelle|unique)\b|\bsans (?:partenaires?|co-?porteurs?)\b|"
    r"\bport\w*[ ]+(?:le |ce |notre )?projet[ ]+seule?s?\b|"
    r"\b(?:no|without a?) (?:partner|co-?applicant)s?(?: organi[sz]ations?)?\b|"
    r"\bun seul (?:porteur|organisme|operateur)\b|"
    r"\b(?:apply|applying|applies|bid|bidding|submit\w*|run\w*|carry\w*)[ ]+"
    r"(?:(?:the|this|our) project[ ]+|it[ ]+)?(?:alone|on our own|by ourselves|single-handedly)\b|"
    r"\b(?:sole|single) (?:applicant|organi[sz]ation|operator)\b"
)
# The lead partner: named, said to be missing, or only said to exist.
_LEAD = pattern_table(r"""
# The "mandataire" signs for a group; "the designated lead" in English.
lead: \bchef(?:fe)?s? de file\b|\blead (?:partner|organi[sz]ation|applicant)\b|
    \bmandataire\b|\bporteur principal\b|\bstructure (?:coordinatrice|pilote)\b|
    \b(?:the|our) (?:designated )?lead\b(?![ ]+(?:partner|organi[sz]ation|applicant))|
    \b(?:chosen|appointed|named|designated|picked) (?:a|an|the) lead\b
# "nous n'avons pas prévu de désigner de chef de file": a few words may come between.
# "sans désigner de structure chef de file": the kind of lead may be named.
none_before: \b(?:aucun|ni|(?:pas|sans)(?:[ ]+[a-z']+){0,4}?[ ]+(?:de|d'un|d'une)
    (?:[ ]+(?:structure|organisme|association|partenaire|operateur))?|
    (?:pas|sans)(?:[ ]+[a-z']+){0,4}?[ ]+d'(?:organisme|association|operateur)|sans|
    n'a (?:encore |toujours )?(?:pas )?pris le role de|
    n'avons pas (?:encore )?(?:de|designe de|choisi de)|pas encore choisi de)[ ]+(?:de[ ]+)?$|
# "aucune des trois structures ne sera désignée chef de file", "X ne sera pas nommée…"
    \bne[ ]+(?:(?:sera|seront|serait|seraient|est|sont|va|vont)[ ]+)?(?:pas[ ]+|jamais[ ]+)?
    (?:etre[ ]+)?(?:designee?s?|nommee?s?|choisie?s?|jouera|joueront|tiendra|prendra|assurera)
    [ ]+(?:comme[ ]+|le role de[ ]+|la fonction de[ ]+)?$|
# "aucune des trois structures ne sera chef de file": none will be, nor wants to be
# ("aucune de nous ne veut être chef de file").
    \b(?:aucune?|nul(?:le)?|none|personne)\b[^,;:.]{0,40}?\b(?:ne[ ]+(?:sera|seront|serait|est|
    sont|jouera|assurera|prendra|(?:veut|veulent|voudra|voudrait|souhaite)[ ]+etre)|will be|is
    |wants to be)[ ]+
    (?:le role de[ ]+|la fonction de[ ]+|comme[ ]+|the[ ]+)?$|
    \b(?:haven't|have not|hasn't|has not|not yet|no|without)[ ]+(?:yet[ ]+)?
    (?:(?:chosen|appointed|named|designated|picked|decided on|agreed on)[ ]+)?(?:an?[ ]+|any[ ]+)?$|
# "sans qu'aucune soit désignée chef de file", "sans qu'une des structures soit nommée…".
    \bsans[ ]+qu'(?:aucune?|une?)[ ]+(?:[a-z']+[ ]+){0,3}?(?:ne[ ]+)?(?:soit|soient)[ ]+
    (?:designee?s?[ ]+|nommee?s?[ ]+|choisie?s?[ ]+)?(?:comme[ ]+)?$|
# A lead refused: "les élus ne veulent pas qu'une structure soit désignée chef de file",
# "they refuse to have any partner named lead partner".
    (?:\bne[ ]+(?:veu\w+|voul\w+|souhait\w+)[ ]+pas|\brefus\w*)[ ]+(?:qu'|que[ ]+)
    (?:[a-z']+[ ]+){0,3}?(?:soit|soient|devienne)[ ]+(?:designee?s?[ ]+|nommee?s?[ ]+)?
    (?:comme[ ]+)?$|
    \b(?:don't|do not|doesn't|does not|refuse to)[ ]+(?:want|have)[ ]+(?:any|one)[ ]+
    (?:[a-z']+[ ]+){0,3}?(?:to be[ ]+)?(?:designated|named|appointed)[ ]+(?:as[ ]+)?$
# "Chef de file : aucun", "lead partner: none" on a project sheet.
none_after: [ ]*(?::|=)[ ]*(?:aucune?|neant|personne|none|nobody|no one|non|n/a)\b|
    [ ]*(?:n'est |n'a )?(?:pas|pas encore|toujours pas|non)[ ]+(?:encore[ ]+)?
    (?:ete[ ]+)?(?:designe|defini|choisi|nomme|identifie|tranchee?)|
    [ ]*(?:is|has)[ ]+(?:not|n't)[ ]+(?:yet[ ]+)?(?:been[ ]+)?(?:chosen|appointed|named|
    designated|decided|defined)|[ ]*(?:isn't|hasn't)[ ]+(?:yet[ ]+)?(?:been[ ]+)?(?:chosen|
    appointed|named|designated|decided|defined)|
    [ ]*(?::|=)?[ ]*(?:reste|restent|est|sont|is|are)?[ ]*(?:a |to be )(?:designer|definir|
    choisir|trouver|named|chosen|decided|defined)
# "nous ne savons pas encore qui sera chef de file": the lead is still unknown.
# So is it when not yet chosen: "nous n'avons pas encore choisi qui sera le chef de file".
unknown_before: (?:\b(?:sais|savons|sait|savent|know|decided|decide)|\b(?:pas|not)[ ]+
    (?:encore[ ]+|yet[ ]+)?(?:choisi|tranche|defini|arrete|determine|convenu|decide|chosen
    |agreed))\b[^,;:.]{0,25}
    \b(?:qui|who)[ ]+(?:sera|serait|will be|would be)[ ]+(?:le |la |the )?$
# "L'association angevine, Tremplin 49, serait chef de file": the name in apposition;
# "les conseils ont acté que notre association serait chef de file": after "que"; "notre
# association de La Roche-sur-Yon (85) serait désignée chef de file": a code in the name.
verb_before: (?:^.*(?:[,;:(]|\bet\b|\band\b|\bdont\b|\bqui\b|\bque\b|\bqu'|\bthat\b)|^)[ ]*
    (?P<name>(?:[^,;:()]|\([^()]{1,30}\)){1,60}?)
    (?:[ ]*,)?[ ]+(?:en[ ]+)?
    (?:(?:est|sera|serait|a ete|sont|seront|etant|is|will be|has been|was|being)[ ]+
    (?:designee?s?|nommee?s?|choisie?s?|retenue?s?|designated|named|chosen)
    (?:[ ]+(?:comme|en tant que|as))?|
    sera|serons|est|etant|sommes|serait|serions|assure(?:ra)?|assurons|assurerons|assume(?:ra)?|
    jouera|joue|jouons|devient|deviendra|deviendrons|designee?s?|nommee?s?|will be|would be|is|
    are|will act as|acts as|as|
# "La fédération porterait le projet comme chef de file, avec trois associations".
    (?:porte|portera|porterait|portons|porterons|porterions|coordonne\w*|pilote\w*)
    (?:[ ]+(?:le|la|l'|ce|cette)[ ]*(?:projet|groupement|consortium|dossier|candidature))?
    [ ]+(?:comme|en tant que))
    [ ]+(?:le |la |l'|the |our )?(?:role |fonction )?(?:de |du |of )?$
# Named by the partners: "on désignerait la régie comme chef de file", "we would appoint
# Horizon as lead partner", "porter ensemble un projet, avec l'ADSI comme cheffe de file".
active_before: \b(?:designe\w*|nomm\w+|choisi\w*|retien\w*|retiendr\w*|appoint\w*|designate\w*|
    name|naming|choose|choosing|avec|with)[ ]+
    (?P<name>(?!(?:un|une|a|an|le|la|the) ?$)[^,;:()]{1,60}?)[ ]+
    (?:comme|en tant que|as)[ ]+(?:le |la |l'|the |our )?(?:role |fonction )?(?:de |du |of )?$
# A wish: "we would like the Laval social centre to be the lead organisation",
# "nous souhaitons que Tremplin soit chef de file".
wish_before: \b(?:would like|want|wish|plan for|intend for|souhait\w*|voulons|voudrions|
    aimerions|proposons)[ ]+(?:que[ ]+|qu')?(?P<name>[^,;:()]{1,60}?)[ ]+
    (?:to be|to act as|to become|soit|devienne|assure)[ ]+
    (?:le |la |l'|the |our )?(?:role |fonction )?(?:de |du |of )?$
# Applying in the role: "nous souhaitons répondre à l'AMI comme chef de file d'un groupement",
# "we will apply as lead partner"; not "nous ne candidaterons pas comme chef de file".
role_before: \b(?P<name>nous|on|we|notre (?:association|structure))[ ]+
    (?:(?!pas\b|not\b|ne\b|n')[a-z']+[ ]+){0,4}?
    (?:repond\w*|candidat\w*|postul\w*|depos\w*|positionn\w*|apply|applying|bid|bidding)\b
    (?:(?!pas\b|not\b)[^,;:.()!?]){0,40}?[ ]+(?:comme|en tant que|as)[ ]+
    (?:le |la |l'|the |our )?(?:role |fonction )?(?:de |du |of )?$
# "c'est nous qui serons chef de file", "it is Horizon who will be the lead partner": a cleft.
# "c'est nous le chef de file", "it's us, the lead".
cleft_short_before: \b(?:c'est|ce sera|it is|it's|it will be)[ ]+(?P<name>nous|moi|us|we)[ ]*,?[ ]+
    (?:le |la |l'|the )?$
cleft_before: \b(?:c'est|ce sont|ce sera|it is|it's|it will be)[ ]+(?P<name>[^,;:()]{1,60}?)[ ]+
    (?:qui|who|that)[ ]+(?:sera|serons|seront|serait|est|sommes|sont|assure(?:ra)?|assurerons|
    jouera|jouerons|will be|would be|is|are|will act as)
    [ ]+(?:le |la |l'|the |our )?(?:role |fonction )?(?:de |du |of )?$
# "La Boussole à Nantes, désignée chef de file, …", "l'ADSEA, qui sera chef de file": a
# participle or a relative clause in apposition, the clause's comma sometimes left out.
# "porté par l'association Tremplin 53, qui sera chef de file": the name after "par".
participle_before: (?:^|[,;:(]|\bet\b|\band\b|\bdont\b|\bavec\b|\bpar\b|\bby\b|[0-9][.)])[ ]*
    (?P<name>(?=[^ ])(?:(?!\bet\b|\band\b|\bdont\b|\bavec\b|\bpar\b|\bby\b)
    (?:[^,;:()]|\([^()]{1,30}\))){1,60}?)
    (?:[ ]*,[ ]*(?:designee?s?|nommee?s?|choisie?s?|retenue?s?|designated|named|chosen)|
    [ ]*,?[ ]*(?:qui|who|which)[ ]+(?:sera|serait|est|assurera|jouera|will be|would be|is|
    will act as))
    [ ]+(?:comme[ ]+|en tant que[ ]+|as[ ]+)?(?:le |la |l'|the )?(?:role |fonction )?
    (?:de |du |of )?$
name_after: [ ]*\)?[ ]*(?::|=|sera|est|designe[ ]*:?|,?[ ]*(?:ce sera|ce serait|c'est|ca sera))[ ]*
    (?P<name>[^,.;:!?()\n]{1,60})
# "l'une à La Roche-sur-Yon, chef de file, l'autre…", "l'ARIA (chef de file)", "Horizons
# Estuaire (Nantes), chef de file…", a list's "• Horizons, Rennes (35) — chef de file".
apposition_before: (?:^|[,;:(\n]|\bet\b|\bdont\b|\bavec\b)[ ]*
    (?P<name>(?:(?!\bet\b|\bdont\b|\bavec\b)(?:[^,;:()\n]|\([^()]{1,30}\))){1,60}?)
    (?:[ ]*[,(]|[ ]+-)[ ]*$
apposition_after: ^[ ]*(?:[,)\n]|$)
# A list's item: "• Association Horizons, Rennes (35) — chef de file".
item_before: (?:^|\n)[ ]*(?:[-•*·]|[0-9]{1,2}[.)])[ ]*(?P<name>[^\n]{1,60}?)[ ]+-[ ]*$
# "Association X, chef de file d'un groupement avec …"
apposition_group_after: [ ]*(?:d'un|du) (?:groupement|consortium|partenariat)\b
stated: \b(?:avec|avons|aurons|a|est|sera|seront)[ ]+(?:un|une|le|la|notre)[ ]+
    (?:designe[ ]+)?$|
# One of the members, not named: "une à La Roche-sur-Yon qui serait chef de file".
    \bqui[ ]+(?:sera|serait|est|deviendra|devient)[ ]+(?:designee?[ ]+)?(?:le |la )?$
# "une association sabolienne, désignée chef de file" is one, described; not "une structure".
# So is "une SCIC d'Angers": a legal form stands for the kind of structure.
not_a_name: (?:designe|nomme|choisi|identifie|defini|obligatoire)\b|^[-–•*]|
    (?:un|une)\b(?![ ]+(?:association|structure|federation|regie|ccas|cias|centre|cooperative|
    entreprise|commune|mission|scic|scop|sas|sarl|fondation|maison|ville|mairie|collectivite)
    [ ]+[a-z])|
    \blead\b|\bchef de file\b
first_person_name: ^(?:nous|notre (?:association|structure)|on|moi|us|we)$
""")
# "compta" is how the word is shortened in a hurry.
_ACCOUNTING = re.compile(
    r"\bcompta(?:bilite)? (?:analytique|par (?:activite|action|projet))\b|\bsuivi analytique\b|"
    r"\b(?:analytic(?:al)?|cost)[ ]+(?:\([a-z ]{1,15}\)[ ]+)?accounting\b|"
    r"\b(?:separate )?analytic(?:al)? accounts\b|"
    r"\bventilation (?:analytique|par (?:action|projet))\b"
)
# Keeping general accounts only: "nous ne tenons qu'une comptabilité générale".
_GENERAL_ACCOUNTING_ONLY = re.compile(
    r"\b(?:qu'une|que la|que notre|seulement une|uniquement une) comptabilite generale\b|"
    r"\bsans (?:aucune )?ventilation\b"
)
# Whether it is required, asked by denying it: "on n'est pas obligés de tenir une compta
# analytique, si ?", "no need for analytic accounts, right?" says nothing of what is kept.
_OBLIGATION_DENIED = re.compile(
    r"\b(?:pas|plus|not|no)\b[ ]+(?:\w+[ ]+)?(?:obliges?|obligees?|tenue?s?|besoin|necessaire"
    r"|obligatoire|forcement|required|obliged|need(?:ed)?|necessary|mandatory)\b[^.;:\n]{0,30}\Z"
)
# Not past a new item of a list: "inscrites ni à France Travail, ni à Cap emploi, et une
# comptabilité analytique dédiée".
_ACCOUNTING_NEGATION = re.compile(
    r"\b(?:pas|aucune|sans|ni|ne|n'|not|no|don't|doesn't|without)\b"
    r"(?:(?!,[ ]*(?:et|and)\b)[^.;:\n]){0,30}\Z"
)
# "comptabilité analytique dédiée au projet", "compta analytique : oui" (a form's answer),
# "la comptabilité analytique du projet sera tenue par notre expert-comptable".
_ACCOUNTING_KEPT = re.compile(
    r"(?:[ ]+(?:du|de ce|de notre) projet)?"
    r"[ ]*:?[ ]*(?:est |sera |deja )?(?:dediee|propre|specifique|distincte|separee|mise en place"
    r"|prevue|tenue|en place|par projet|par action|par activite|kept|in place|per project)"
    r"|[ ]*:?[ ]*oui\b"
    # "la compta analytique, on l'aura"
    r"|[ ]*,?[ ]*(?:on|nous)[ ]+(?:l'aura|l'aurons|l'a|l'avons|la tien\w*|la mett\w*)\b"
)
# Promised for the project in the same sentence, whatever is kept today: "nous n'en
# tenons aucune aujourd'hui, mais nous en mettrons une en place", "we'll set one up".
_ACCOUNTING_PROMISED_AFTER = re.compile(
    r"[^.!?\n]{0,40}?\b(?:(?:nous|on)[ ]+(?:en[ ]+|la[ ]+|l')?(?:mettrons|mettra|creerons|creera"
    r"|tiendrons|tiendra|ouvrirons|ouvrira|instaurerons|instaurera|aurons|aura)"
    r"|we(?:'ll|[ ]+will)[ ]+(?:set[ ]+(?:one|it)[ ]+up|create[ ]+one|keep[ ]+one|have[ ]+one))\b"
)
# Said of it in the next words, by its pronoun: "la compta analytique nous fait peur. Nous
# n'en tenons pas", "… we don't keep any".
_ACCOUNTING_REFUSED_AFTER = re.compile(
    r"[^!?\n]{0,60}?\b(?:(?:n'en|ne l')[ ]*(?:\w+[ ]+){0,2}?(?:pas|jamais)|"
    r"ne (?:comptons|compte|pensons|prevoyons|voulons|souhaitons) pas (?:en|la|l')\b|"
    r"(?:don't|do not|won't|will not) (?:keep|have|run|plan to keep) (?:any|one)\b)"
)
# Who keeps the accounts, said before them: the candidate itself, or the project they are
# kept for.
_KEEPER_BEFORE = re.compile(
    r"\b(?:nous|notre|nos|on|tenons|tien\w*|disposons|avons|mettons|mettrons|dispose|"
    r"l'association|la structure|we|our|keep|have)\b"
    # Or the project as the one it is kept for: "le projet fera l'objet d'une compta…".
    r"|\b(?:fera|fait|feront|font) l'objet d'une[ ]*\Z"
    # "le projet aurait sa propre comptabilité analytique".
    r"|\bpropre[ ]*\Z"
)
# Any text of the clause up to a negation: "nos statuts ne mentionnent pas l'insertion".
_UNNEGATED = r"(?:(?!\b(?:ne|n'|pas|aucune?|ni|sans|not|no|never)\b)[^.;!?])"
# What insertion is called when it is an organisation's purpose.
_INSERTION_AIM = (
    r"(?:insertion|inclusion (?:sociale|professionnelle)|(?:retour|acces|accompagnement) "
    r"(?:a|vers) l'emploi|accompagnement (?:social et |socio-?)professionnel|"
    r"(?:personnes|publics) (?:eloignee?s|en difficulte)|"
    r"(?:social|professional|socio-professional|work) (?:and professional )?"
    r"(?:integration|inclusion)|employability|(?:back )?into (?:work|employment))"
)
_SOCIAL_PURPOSE = re.compile(
    r"\b(?:association|structure|entreprise|atelier|chantiers?|regie)[ ]+(?:d'|de l')insertion\b|"
    r"\bsiae\b|\bateliers? chantiers?\b|\baci\b|\bregie de quartier\b|"
    # The purpose the statutes give: "dont l'objet statutaire est l'insertion", "nos
    # statuts prévoient…", "our statutory purpose is the social integration of…".
    r"\b(?:objet (?:social|statutaire)|statuts|vocation|a pour (?:objet|but|mission)|"
    r"(?:dont l'|son |notre |leur )objet|"
    r"notre mission|(?:statutory|social|charitable) (?:purpose|objects?|mission)|"
    r"(?:our|its|their)(?: (?:organi[sz]ation|charity|association)'s)? (?:mission|purpose|aim)|"
    r"articles of association|statutes)\b"
    rf"{_UNNEGATED}{{0,80}}?\b{_INSERTION_AIM}\b|"
    # The other way round: "ont l'insertion socio-professionnelle dans leur objet social".
    rf"\b{_INSERTION_AIM}\b{_UNNEGATED}{{0,40}}?\b(?:dans|in)[ ]+(?:notre|nos|leur|leurs|son|ses"
    r"|our|their|its)[ ]+(?:objet (?:social|statutaire)|statuts|statutes|articles)\b"
)
_MAINLY = (
    r"(?:seulement|uniquement|surtout|principalement|essentiellement|exclusivement|avant tout"
    r"|only|mainly|mostly|solely)"
)
# "notre objet social est le conseil en marketing": a purpose stated, and not insertion.
_OTHER_PURPOSE = re.compile(
    r"\ba pour (?:objet|but)(?P<aim2>(?:[^.;!?(),«»]){3,80})|"
    # Written as a note: "objet = événementiel", "objet social : la culture" (a bare
    # "Objet :" heads an e-mail's subject line).
    r"\bobjet(?:(?: social| statutaire)?[ ]*=|(?: social| statutaire)[ ]*:)[ ]*"
    r"(?P<aim3>[^.;!?(),]{3,80})|"
    r"\b(?:objet (?:social|statutaire)|(?:nos|ses|les|leurs) statuts|"
    r"(?<=statuts, )(?:notre|son|leur) objet|"
    r"(?:statutory|social|charitable) purpose|"
    r"(?:our|its|their)(?: (?:organi[sz]ation|charity|association)'s)? (?:purpose|aim))[ ]+"
    # "portent uniquement sur l'organisation d'événements musicaux", "is mainly housing".
    rf"(?:(?:est|sera|concerne|concernent|visent|prevoient|is|covers)(?:[ ]+{_MAINLY})?|"
    rf"portent?(?:[ ]+{_MAINLY})?[ ]+sur|parlent(?:[ ]+{_MAINLY})?[ ]+(?:de|d')"
    # "nos statuts ne parlent que de sport".
    r"|ne[ ]+(?:parlent|portent|concernent|visent|prevoient|mentionnent)[ ]+que[ ]*"
    r"(?:de[ ]+|d'|sur[ ]+)?)[ ]*"
    r"(?P<aim>(?:(?!\b(?:et|and) (?:nous|on|notre|nos|we|our)\b)[^.;!?(),]){3,80})"
)
_OPERATOR = re.compile(
    r"\b(?:chantiers?|atelier|entreprise|regie)[ ]+d'insertion\b|\bsiae\b|\baci\b|"
    r"\bregie de quartier\b"
)
_SUPPORT_EN = r"(?:support\w*|help\w*|assist\w*|coach\w*|mentor\w*|guid\w*|work\w* with)"
# How long ago or how long: "2004", "dix ans", "plus de 12 years", "many years".
_SENIORITY = (
    r"(?:plus de |pres de |presque |more than |over |nearly |almost |the (?:last|past) )?"
    r"(?:(?:19|20)[0-9]{2}\b|(?:[0-9]+|"
    rf"{NUMBER_WORD_PATTERN}|une? (?:dizaine|quinzaine|vingtaine) d'|(?:de )?(?:nombreuses|"
    r"longues)|many|several|plusieurs)[ ]+(?:ans|annees|years|decennies|decades)\b|"
    r"(?:a|une) (?:decade|decennie)\b|longtemps\b)"
)
# Verbs of doing a work, present or past: "nous faisons", "elle mène", "avons œuvré".
_DOING = (
    r"(?:faisons|fait|font|faisait|menons|mene|menent|menait|travaillons|travaille|travaillent|"
    r"intervenons|intervient|interviennent|oeuvrons|oeuvre|oeuvrent|agissons|agit|agissent)"
)
_EXPERIENCE = re.compile(
    # An insertion body for years: "une asso d'insertion installée à Laval depuis douze ans".
    # So is a network's: "un réseau national d'insertion présent ici depuis vingt ans".
    r"\b(?:association|asso|structure|organisme|acteur|reseau|federation)s?"
    r"(?:[ ]+(?:national|regional|departemental|local)e?s?)?[ ]+(?:d'|de l')insertion\b"
    rf"[^.;!?]{{0,60}}?\b(?:depuis|since)[ ]+{_SENIORITY}|"
    # "nos salariés ont accompagné 412 personnes", "we supported 300 people last year"
    r"\b(?:ont|a|avons|avait|avions)[ ]+accompagne[ ]+(?:plus de |pres de |environ )?[0-9]+[ ]+"
    r"(?:personnes|jeunes|beneficiaires|adultes|participants)\b|"
    r"\b(?:supported|coached|helped)[ ]+(?:over |more than |about )?[0-9]+[ ]+"
    r"(?:people|participants|jobseekers|young people)\b|"
    # "22 ans d'activité d'insertion", "mènent depuis 15 ans des actions d'insertion"
    rf"\b{_SENIORITY}[ ]+d'(?:activites?|actions?|experience|accompagnement)\b[^.;!?]{{0,30}}?"
    r"\binsertion\b|"
    rf"\bdepuis[ ]+{_SENIORITY}[^.;!?]{{0,30}}?\b(?:actions?|activites?) d'insertion\b|"
    # Doing the work since a year or for years: "Depuis 2011 nous faisons de l'insertion",
    # "nous menons des actions d'insertion depuis dix ans".
    rf"\bdepuis[ ]+{_SENIORITY}[^.;!?]{{0,30}}?\b{_DOING}\b[^.;!?]{{0,30}}?\b{_INSERTION_AIM}|"
    rf"\b{_DOING}\b[^.;!?]{{0,30}}?\b{_INSERTION_AIM}[^.;!?]{{0,40}}?\bdepuis[ ]+{_SENIORITY}|"
    # "intervient depuis 2008 dans l'insertion", "the insertion … et on en fait depuis dix ans".
    rf"\b{_DOING}[ ]+(?:depuis|since)[ ]+{_SENIORITY}[^.;!?]{{0,30}}?\b{_INSERTION_AIM}|"
    rf"\b{_INSERTION_AIM}\b[^.;!?]{{0,60}}?\b(?:on|nous|elle|elles|ils)[ ]+en[ ]+{_DOING}\b"
    rf"[^.;!?]{{0,20}}?\bdepuis[ ]+{_SENIORITY}|"
    rf"\b(?:[0-9]+|{NUMBER_WORD_PATTERN}|plus de [0-9]+)[ ]+(?:ans|annees) d'experience\b"
    r"[^.;!?]{0,40}?"
    rf"\b(?:{_INSERTION_AIM}|l'emploi)|"
    # Insertion named before "ce domaine": "l'insertion … et dix ans d'expérience dans ce
    # domaine".
    rf"\b{_INSERTION_AIM}\b[^.;!?]{{0,80}}?\b(?:[0-9]+|{NUMBER_WORD_PATTERN}|plus de "
    rf"(?:[0-9]+|{NUMBER_WORD_PATTERN}))[ ]+ans d'experience (?:dans|en) ce domaine\b|"
    r"\bexperience[ ]+(?:de[ ]+(?:\w+[ ]+){1,3}?ans[ ]+)?(?:dans|de|en)[ ]+"
    r"(?:le domaine de[ ]+)?l'insertion\b|"
    rf"\bdepuis[ ]+(?:[0-9]+|{NUMBER_WORD_PATTERN}|plus de [0-9]+)[ ]+ans[ ]+(?:dans|en)[ ]+"
    r"(?:le domaine de[ ]+)?l'insertion\b|\bexperimentee?s? (?:dans|en) (?:l')?insertion\b|"
    rf"\baccompagn\w* depuis[ ]+(?:[0-9]+|{NUMBER_WORD_PATTERN}|plus de [0-9]+)[ ]+ans\b"
    r"[^.;!?]{0,50}?\binsertion\b|"
    # Supporting people since a year or for years is experience of the work: "accompagne
    # des personnes en insertion depuis 2004", "we have supported jobseekers for 12 years".
    rf"\b(?:accompagn\w*|{_SUPPORT_EN})\b[^.;!?]{{0,80}}?\b(?:depuis|since)[ ]+{_SENIORITY}|"
    rf"\b(?:depuis|since)[ ]+{_SENIORITY}[^.;!?]{{0,60}}?\b(?:accompagn\w*|{_SUPPORT_EN})\b|"
    rf"\b(?:have|has|'ve)[ ]+(?:been[ ]+)?{_SUPPORT_EN}\b[^.;!?]{{0,80}}?\bfor[ ]+{_SENIORITY}|"
    r"\b(?:have|has|'ve)[ ]+(?:been[ ]+)?(?:run|running|led|leading|delivered|delivering|"
    r"operated|operating)\b[^.;!?]{0,40}?\b(?:integration|insertion|employment|inclusion)\b"
    rf"[^.;!?]{{0,60}}?\b(?:since|for)[ ]+{_SENIORITY}|"
    r"\b(?:done|doing|carried out|carries out|does)\b[^.;!?]{0,30}?\b(?:insertion|integration|"
    rf"employment)\b[^.;!?]{{0,30}}?\bfor[ ]+{_SENIORITY}|"
    # People supported every year, now: "nous accompagnons chaque année une centaine de
    # personnes", "we support about 80 people a year" (not the project's "accompagnera").
    r"\b(?:accompagnons|accompagnent|accompagne|suivons|we (?:support|coach|help|work with))\b"
    r"[^.;!?]{0,60}?\b(?:chaque annee|tous les ans|par an|each year|every year|a year|per year)\b"
)
_NO_EXPERIENCE = re.compile(
    r"\b(?:pas|aucune|sans|peu|zero)[ ]+(?:encore[ ]+)?(?:d'|de[ ]+)?experience\b[^.;!?]{0,30}?"
    rf"\b(?:{_INSERTION_AIM}|(?:de l'|d'|en |dans l')accompagnement|du reperage"
    r"|(?:aupres|avec) (?:de )?(?:ce|ces|les|des) publics?)|"
    r"\bno[ ]+(?:prior[ ]+)?experience[ ]+(?:in|with|of)\b[^.;!?]{0,20}?\b(?:insertion|"
    r"employment|jobseekers|integration|supporting)\b|"
    # Starting out: "c'est notre premier projet d'insertion", "nous débutons dans
    # l'insertion", "we are new to employment support".
    r"\b(?:c'est|ce sera|ce serait|il s'agit de)[ ]+(?:notre|mon|le|la)[ ]+(?:tout[ ]+)?"
    r"(?:premier projet|premiere action|premiere experience)[ ]+(?:d'|dans l'|en )insertion\b|"
    r"\b(?:debut\w*|nouveaux?|nouvelles?|novices?)[ ]+(?:dans|en)[ ]+(?:le domaine de[ ]+)?"
    r"l'insertion\b|\bnew[ ]+to[ ]+(?:employment|insertion|integration|this field)\b|"
    # Never having done the work: "on n'a jamais fait d'insertion", "we have never
    # supported jobseekers".
    # Spoken French drops the "ne": "on a jamais fait d'insertion pro".
    r"\b(?:n')?(?:a|avons|ont)[ ]+(?:encore[ ]+|toujours[ ]+)?jamais[ ]+"
    rf"(?:fait|accompagne|travaille|mene)\b[^.;!?]{{0,40}}?"
    rf"\b(?:{_INSERTION_AIM}|l'emploi|demandeurs d'emploi)|"
    r"\bn'(?:a|avons|ont)[ ]+(?:encore[ ]+|jamais[ ]+)?accompagne[ ]+personne\b|"
    r"\bnever[ ]+(?:done|worked|supported|run)\b[^.;!?]{0,40}?"
    r"\b(?:insertion|employment|jobseekers|integration)\b"
)
_ANCHORING = re.compile(
    r"\bancrage (?:territorial|local)\b|"
    r"\bancree?s? (?:localement|sur le territoire|dans le territoire|sur le quartier|"
    r"dans le quartier|territorialement)\b|"
    r"\b(?:bien )?implantee?s? (?:localement|depuis|sur|dans|a|au|aux|en)\b|\bacteur local\b|"
    r"\b(?:implantee?s?|installee?s?|presente?s?|basee?s?|situee?s?)\b[^.;!?]{0,70}?"
    rf"\bdepuis[ ]+(?:{_SENIORITY}|(?:sa|leur|notre) creation)|"
    r"\ben lien (?:etroit |direct |regulier )?avec (?:la mairie|les? ccas|les acteurs|"
    r"les employeurs locaux|les partenaires locaux)\b|"
    # Having a base or partners on the ground: "aucune implantation ni aucun partenaire".
    r"\bimplantations?\b|\bpartenaires? (?:locaux|du territoire|sur le territoire)\b|"
    r"\b(?:travaill\w*|partenariats?)[^.;!?]{0,30}?\b(?:avec|aupres) (?:les|des|le|la|l') ?"
    r"(?:ccas|mairies|communes|elus|bailleurs|acteurs (?:locaux|du territoire))\b|"
    r"\b(?:deeply |well |firmly )?rooted (?:locally|in)\b|\blocal roots\b|"
    # Being present on the ground: "des permanences dans douze communes", "deux locaux de
    # quartier", "aucun lien avec les acteurs sarthois".
    r"\bpermanences? (?:dans|a|sur|en)\b|\blocaux de quartier\b|\bantennes? locales?\b|"
    r"\bliens? avec les acteurs\b|"
    r"\b(?:strong |long-standing )?local presence\b|"
    # Sitting in the local bodies, partners of long standing, several premises on the ground.
    r"\bcomites? loca(?:l|ux) (?:pour l'emploi|de l'emploi)\b|\blocal employment committee\b|"
    r"\bpartenaires? historiques?\b|\blong-standing partners?\b|"
    r"\b(?:deux|trois|quatre|[0-9]+) (?:locaux|antennes|bureaux|permanences)\b|"
    r"\bour (?:two |three |[0-9]+ )?(?:premises|offices|local branches)\b|"
    r"\bconventions? avec (?:[0-9]+|plusieurs|des|les) communes\b|"
    # Staff, premises or partners in the region: "aucun salarié ni partenaire dans la région".
    r"\b(?:partenaires?|salaries?|locaux|local|bureaux?|antennes?|equipes?|staff|offices?"
    r"|premises|partners)[ ]+(?:dans|en|sur|in)[ ]+(?:la region|le departement|pays de la loire"
    r"|the region|the area)\b"
)
# The state of the accounts comes right after their name or after a verb of being:
# "notre trésorerie est tendue", "la trésorerie de l'association reste très tendue".
_STATE_VERB = (
    r"(?:[ ]+(?:de l'|de la |du |de notre |of the |of our )[a-z]+)?"
    r"(?:[ ]+(?:est|sont|reste|restent|demeure|demeurent|etait|etaient|sera|seront|semble|"
    r"semblent|is|are|remains?)(?:[ ]+(?:tres|assez|plutot|encore|toujours|actuellement|"
    r"quasi|quasiment|presque|aujourd'hui|tout a fait|very|quite|still))?)?[ ]+"
)
_FRAGILE = re.compile(
    rf"\bdeficitaires?\b|\bdeficit\b|\bfonds propres{_STATE_VERB}(?:negatifs|insuffisants|"
    r"nuls|inexistants|tres faibles|faibles)\b|"
    rf"\bdifficultes? financieres?\b|\btresorerie{_STATE_VERB}(?:tendue|fragile|negative|"
    r"insuffisante)\b|\bredressement judiciaire\b|\bprocedure de sauvegarde\b|"
    rf"\bfragilite financiere\b|\bsituation financiere{_STATE_VERB}(?:fragile|difficile|tendue|"
    r"precaire)\b|\bfinancierement fragile\b"
)
# No accounts closed yet: nothing shows the operator's financial health. The statement is a
# negation itself ("nous n'avons pas encore clos de premier exercice").
_NO_ACCOUNTS_YET = re.compile(
    r"\b(?:pas encore|jamais) (?:clos|cloture|arrete)(?: de| notre| un| le)? (?:premier )?"
    r"(?:exercice|bilan)\b"
)
_HEALTHY = re.compile(
    # "Nos comptes sont certifiés et à l'équilibre": another state may come first.
    rf"\bcomptes?{_STATE_VERB}(?:[a-z]+[ ]+et[ ]+)?(?:equilibres|excedentaires|sains"
    r"|a l'equilibre)\b|"
    r"\bexcedentaires?\b|\bexcedents? (?:sur|depuis|chaque|tous)\b|"
    # "Ses trois derniers exercices sont bénéficiaires."
    rf"\b(?:exercices?|bilans?){_STATE_VERB}(?:beneficiaires|positifs)\b|"
    r"\b(?:[0-9]+|deux|trois|quatre|cinq|six) mois de (?:tresorerie|fonds propres)\b|"
    r"\btresorerie de (?:[0-9]+|deux|trois|quatre|cinq|six) mois\b|\bresultats? positifs?\b|"
    rf"\bsituation financiere{_STATE_VERB}(?:saine|solide|bonne|equilibree|stable)\b|"
    rf"\bbonne sante financiere\b|\bsante financiere{_STATE_VERB}(?:bonne|saine|solide)\b|"
    rf"\bfonds propres{_STATE_VERB}(?:positifs|solides|suffisants)\b|"
    r"\bfinancierement (?:solide|sain)e?s?\b|"
    r"\b(?:accounts|finances)\b[^.;!?]{0,30}?\b(?:surplus|balanced|healthy|sound)\b|"
    r"\bfinancially (?:sound|healthy|stable)\b|\b(?:healthy|sound) finances\b|"
    rf"\btresorerie{_STATE_VERB}?(?:saine|solide|confortable|positive)\b"
)
# A negation ends with its clause, and above all with its sentence: "ils ne sont suivis par
# aucune structure. Un consortium de 4 partenaires…" negates no consortium.
# "non-profit", "à but non lucratif" name a kind of organisation, and negate nothing.
# Not "ne … que", which restricts: "ne finance que des permanences dans un bureau".
_SHORT_NEGATION = re.compile(
    r"\b(?:(?:ne|n')(?![^,;:.!?\n]*\bque?\b)|pas|aucune?|sans|ni|peu|jamais|no|not|never|without"
    r"|non(?![- ](?:profit|lucrati)))\b[^,;:.!?\n]{0,20}\Z"
)


def _stated(pattern: re.Pattern[str], folded: str, declarative: _Spans) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(folded) if declarative.contains(m.start())]


def _negated(folded: str, position: int) -> bool:
    return bool(_SHORT_NEGATION.search(folded[max(0, position - 25) : position]))


# "La plupart de nos bénéficiaires sont inscrits…; quelques-uns ne sont inscrits nulle
# part": the registered are the main public, the invisibles a few.
_MOST_BEFORE = re.compile(
    r"\b(?:la plupart|la majorite|majoritairement|essentiellement|principalement|surtout|"
    r"mostly|mainly|most of|most)\b[^.;!?]{0,50}$"
)
# "…inscrits, qui formeraient l'essentiel du public (80 %)", "who would make up most of it";
# not when another public is the subject ("…inscrits aussi, mais les invisibles formeront…").
_MOST_AFTER = re.compile(
    r"(?:(?!\b(?:mais|but|tandis|whereas|while|alors que|invisible|non inscrit|not registered)"
    r"\b)[^.;!?]){0,80}?\b(?:formeraient|formeront|forment|constitu\w+|represent\w*|seraient|"
    r"seront|sont|make up|makes up|would make up|form|would be|are)[ ]+"
    r"(?:l'essentiel|la (?:tres |grande |tres grande )?majorite|la plupart|l'immense majorite|"
    r"the bulk|the (?:vast |large )?majority|most)\b"
)
_FEW_BEFORE = re.compile(
    r"\b(?:quelques(?:-uns| personnes)?|certains|certaines|une minorite|a few|some)\b"
    r"[^.;!?]{0,30}$"
)


# "… les invisibles ne seront qu'une minorité", "the invisibles would only be a minority".
_FEW_AFTER = re.compile(
    r"[^.;!?]{0,30}?\b(?:minoritaires?|qu'une minorite|une petite partie|a la marge|"
    r"(?:only )?(?:be )?a minority|a small (?:part|share))\b"
)


_PERCENT = re.compile(r"\b([0-9]{1,3})[ ]*%")


# "les autres ne sont inscrits nulle part": the share the other public leaves.
_REST = re.compile(r"\b(?:les autres|le reste|the rest|the others)\b")


def _share(folded: str, match: re.Match[str]) -> int | None:
    """The percentage given to a public in its own clause: "pour 65 %, des inscrits…",
    "des invisibles (90 %)"; in its part of a sentence giving both ("60 % sont inscrits
    à la mission locale, 40 % nulle part")."""
    for stops in (";.\n", ";.\n,"):
        clause = folded[slice(*_span_around(folded, match.start(), match.end(), stops, 60))]
        found = [int(m[1]) for m in _PERCENT.finditer(clause)]
        if len(found) < 2:
            return found[0] if found and found[0] <= 100 else None
    return None


def _of_the_rest(folded: str, match: re.Match[str]) -> bool:
    """Whether the public of ``match`` is said to be the rest ("les autres…")."""
    return bool(
        _REST.search(folded, *_span_around(folded, match.start(), match.end(), ";.\n,", 60))
    )


def _span_around(folded: str, start: int, end: int, stops: str, reach: int) -> tuple[int, int]:
    """The bounds of the stretch holding ``start``–``end`` between two of the ``stops``
    characters, at most ``reach`` characters on either side."""
    floor, ceiling = max(0, start - reach), end + reach
    left = max(floor, max(folded.rfind(c, floor, start) for c in stops) + 1)
    rights = [i for c in stops if (i := folded.find(c, end, ceiling)) >= 0]
    return left, min(rights, default=min(ceiling, len(folded)))


def names_dropout(text: str) -> bool:
    """Whether ``text`` describes people who dropped out of what they were offered."""
    return bool(_DROPPED_OUT.search(fold(text)))


# A public set against the one meant: "rather than with 'invisible' people", "plutôt que
# des demandeurs d'emploi".
_PUBLIC_SET_ASIDE = re.compile(
    r"\b(?:rather than|instead of|plutot que|plutot qu'|au lieu d'|au lieu de|et non (?:pas )?"
    r"(?:avec )?|and not)[^.;!?]{0,25}$"
)


def _public(folded: str, declarative: _Spans) -> PublicTarget | None:
    own = _stated(_OWN_REGISTERED, folded, declarative) if _NETWORK_SELF.search(folded) else []
    registered = [
        m
        for m in [*_stated(_REGISTERED, folded, declarative), *own]
        if not _NEGATION_BEFORE.search(folded[max(0, m.start() - 40) : m.start()])
        and not _DROPPED_OUT.search(folded, m.end(), _sentence_end(folded, m.end()))
        and not _LIKENED_BEFORE.search(folded, max(0, m.start() - 30), m.start())
        and not _PUBLIC_SET_ASIDE.search(folded, max(0, m.start() - 40), m.start())
    ]
    conditions = _stated(_SUBSIDIARY, folded, declarative)
    invisible = [
        m
        for m in _stated(_INVISIBLE, folded, declarative)
        # "Ils ne sont donc pas vraiment « invisibles »": the call's word denied of them.
        if not (m[0].startswith("invisible") and _DENIED_INVISIBLE.search(folded, 0, m.start()))
        # "… people already registered, rather than 'invisible' people": set aside.
        and not _PUBLIC_SET_ASIDE.search(folded, max(0, m.start() - 40), m.start())
        # "inscrits comme demandeurs d'emploi, sans aucun suivi depuis des mois": the
        # registered people's lapsed contact (the subsidiary case), no second public.
        and not any(
            m.start() < c.end()
            and c.start() < m.end()
            and any(
                r.end() <= c.start() and _same_sentence(folded, r.end(), c.start())
                for r in registered
            )
            for c in conditions
        )
    ]
    invisible += _stated(_DROPPED_OUT, folded, declarative)
    subsidiary = bool(conditions)
    mostly_registered = any(
        _MOST_BEFORE.search(folded, max(0, m.start() - 60), m.start())
        or _MOST_AFTER.match(folded, m.end())
        for m in registered
    )
    # "70 % … inscrits à France Travail ; les autres ne sont inscrits nulle part": the
    # rest is what the one share given leaves.
    publics = [(m, False) for m in invisible] + [(m, True) for m in registered]
    rest = [_of_the_rest(folded, m) for m, _ in publics]
    shares = [
        (None if is_rest else _share(folded, m), r)
        for (m, r), is_rest in zip(publics, rest, strict=True)
    ]
    known = [i for i, (share, _) in enumerate(shares) if share is not None]
    if len(known) == 1 and all(is_rest for i, is_rest in enumerate(rest) if i != known[0]):
        share, its_registered = shares[known[0]]
        shares = [(share, its_registered), (100 - share, not its_registered)]
    if any(share is None for share, _ in shares) or len({r for _, r in shares}) < 2:
        shares = []
    if shares:
        # Each public's share is given: the larger is the main public.
        main_registered = max(shares)[1]
        return PublicTarget(registered=main_registered, subsidiary_conditions=subsidiary or None)
    if mostly_registered and all(
        _FEW_BEFORE.search(folded, max(0, m.start() - 40), m.start())
        or _FEW_AFTER.match(folded, m.end())
        or _of_the_rest(folded, m)
        for m in invisible
    ):
        return PublicTarget(registered=True, subsidiary_conditions=subsidiary or None)
    if invisible:
        # The invisibles are then the main public; registered people can only be secondary.
        return PublicTarget(registered=False, subsidiary_conditions=subsidiary or None)
    if registered and all(
        _ALSO.search(folded, m.end(), _sentence_end(folded, m.end()))
        and not _MAIN.search(folded, _sentence_start(folded, m.start()), m.start())
        for m in registered
    ):
        # "Et ceux qui sont inscrits…, on peut les prendre aussi ?": people added to a main
        # public stated elsewhere, not the main public.
        return PublicTarget(subsidiary_conditions=True) if subsidiary else None
    if registered or subsidiary:
        return PublicTarget(registered=True, subsidiary_conditions=subsidiary or None)
    return None


# Added to something else: "on peut les prendre aussi ?", "can we take them as well?"; not
# the main public ("notre public principal serait… inscrits…, à qui nous offrirons aussi…").
_ALSO = re.compile(r"\b(?:aussi|egalement|also|as well|too)\b")
_MAIN = re.compile(r"\b(?:principal\w*|main|surtout|mainly|mostly)\b")


# Whom the writer speaks for is the name: "au nom de l'association X (Nantes), chef de file".
_ON_BEHALF = re.compile(r"^\s*(?:au nom de|de la part de|pour le compte de|on behalf of)\s+", re.I)


def _lead_name(text: str, folded: str, match: re.Match[str], sentence_start: int) -> str | None:
    before = folded[max(sentence_start, match.start() - 90) : match.start()]
    named = (
        _LEAD["cleft_before"].search(before)
        or _LEAD["cleft_short_before"].search(before)
        or _LEAD["participle_before"].search(before)
        or _LEAD["wish_before"].search(before)
        or _LEAD["role_before"].search(before)
        or _LEAD["active_before"].search(before)
        or _LEAD["verb_before"].search(before)
    )
    if not named and (
        _LEAD["apposition_after"].match(folded[match.end() : match.end() + 3])
        or _LEAD["apposition_group_after"].match(folded, match.end())
    ):
        named = _LEAD["item_before"].search(before) or _LEAD["apposition_before"].search(before)
    names = []
    if named:
        offset = match.start() - len(before) + named.start("name")
        names.append(text[offset : offset + len(named.group("name"))])
    # Else, or when what stands before is a label ("- lead partner (chef de file): X"),
    # the name after it.
    after = _LEAD["name_after"].match(folded, match.end())
    if after:
        names.append(text[after.start("name") : after.end("name")])
    for name in (_ON_BEHALF.sub("", n).strip(" «»\"'") for n in names):
        if not name or _LEAD["not_a_name"].match(fold(name)):
            continue
        if _LEAD["first_person_name"].match(fold(name)):
            return "notre structure"
        return name
    return None


# Steering the project names its lead: "notre régie pilote le projet", "we coordinate
# the consortium".
_PILOTS = re.compile(
    r"\b(?:pilote|pilotons|pilotera|piloterons|coordonne|coordonnons|coordonnera|coordonnerons|"
    r"coordinate|coordinates|lead|leads)[ ]+(?:le|ce|notre|l'ensemble du|les|l'ensemble des|"
    r"the|our)[ ]+(?:(?:deux|trois|quatre|cinq|[0-9]+)[ ]+)?"
    r"(?:projet|groupement|consortium|partenariat|structures|partenaires|associations|project|"
    r"partnership|partners)\b|"
    # Carrying the application for all: "c'est elle qui portera le dossier".
    r"\b(?:portera|porterons|porte|portons|deposera|deposerons)[ ]+(?:le dossier|la candidature)"
    r"(?:[ ]+(?:pour tous|commune?|pour l'ensemble))?\b(?=[^.;!?]{0,40}\b(?:coordonn|pour tous|"
    r"ensemble|trois|deux|structures|partenaires))"
)
_OURS = re.compile(r"\b(?:nous|notre|nos|on|we|our)\b")
# Who will coordinate not settled, without naming a "chef de file": "personne n'a été
# désigné pour coordonner", "le pilote reste à définir", "on verra plus tard qui coordonne".
_LEAD_UNSETTLED = re.compile(
    r"\bpersonne n'a (?:encore |pour l'instant )?ete design\w* pour (?:coordonner|piloter)\b|"
    r"\b(?:le |la )?(?:pilote|coordination|coordinat(?:eur|rice)) (?:reste|est) a (?:definir|"
    r"designer|trouver|choisir)\b|\bon verra (?:plus tard |ensuite )?qui (?:coordonne|pilote)|"
    r"\bnobody (?:has been|is) (?:appointed|chosen|designated) to (?:coordinate|lead)\b"
)


# "a consortium of five associations rather than a single operator": the way set aside.
_SET_ASIDE = re.compile(
    r"\b(?:rather than|instead of|plutot que|plutot qu'|au lieu d'|au lieu de)[ ]*"
    r"(?:(?:a|an|un|une|d'un|d'une|de)[ ]+)?$"
)


def _consortium(
    text: str, folded: str, declarative: _Spans, sentences: list[tuple[int, int]]
) -> Consortium | None:
    starts = [start for start, _ in sentences]
    consortium = Consortium()
    for m in _stated(_CONSORTIUM, folded, declarative):
        consortium.is_consortium = not _negated(folded, m.start())
    for m in _stated(_SINGLE, folded, declarative):
        if not (_negated(folded, m.start()) or _SET_ASIDE.search(folded, 0, m.start())):
            consortium.is_consortium = False
    for m in _stated(_LEAD["lead"], folded, declarative):
        sentence_start = starts[bisect.bisect_right(starts, m.start()) - 1]
        before = folded[max(sentence_start, m.start() - 50) : m.start()]
        if (
            _LEAD["none_before"].search(before)
            or _LEAD["unknown_before"].search(before)
            or _LEAD["none_after"].match(folded, m.end())
        ):
            consortium.has_lead = False
            consortium.lead = None
            continue
        name = _lead_name(text, folded, m, sentence_start)
        if name:
            # The first naming holds: "X is the designated lead (chef de file)".
            consortium.lead = consortium.lead or name
            consortium.has_lead = True
        elif _LEAD["stated"].search(before):
            consortium.has_lead = True
    for m in _stated(_PILOTS, folded, declarative):
        if consortium.has_lead is None and not _negated(folded, m.start()):
            consortium.has_lead = True
            sentence_start = starts[bisect.bisect_right(starts, m.start()) - 1]
            if _OURS.search(folded, sentence_start, m.start()):
                consortium.lead = consortium.lead or "notre structure"
    if consortium.has_lead is None and _stated(_LEAD_UNSETTLED, folded, declarative):
        consortium.has_lead = False
    if consortium.has_lead is not None and consortium.is_consortium is None:
        consortium.is_consortium = True
    if consortium == Consortium():
        return None
    return consortium


def _flag(
    folded: str, declarative: _Spans, yes: re.Pattern[str], no: re.Pattern[str] | None = None
) -> bool | None:
    value: bool | None = None
    for m in _stated(yes, folded, declarative):
        value = not _negated(folded, m.start())
    if no is not None and _stated(no, folded, declarative):
        value = False
    return value


def _accounting(folded: str, declarative: _Spans) -> bool | None:
    if _stated(_GENERAL_ACCOUNTING_ONLY, folded, declarative):
        return False
    value: bool | None = None
    for m in _stated(_ACCOUNTING, folded, declarative):
        # Only its own sentence: "Notre budget : 150 000 €. Honnêtement, la compta…" says
        # nothing of who keeps it.
        before = folded[_span_around(folded, m.start(), m.start(), ".!?\n", 60)[0] : m.start()]
        kept = _ACCOUNTING_KEPT.match(folded, m.end())
        if _OBLIGATION_DENIED.search(before):
            continue
        if _ACCOUNTING_PROMISED_AFTER.match(folded, m.end()):
            value = True
        elif _ACCOUNTING_NEGATION.search(before) or (
            not kept
            and (
                re.match(
                    r"[ ]*:?[ ]*(?:n'est pas|pas encore|non)\b", folded[m.end() : m.end() + 20]
                )
                or _ACCOUNTING_REFUSED_AFTER.match(folded, m.end())
            )
        ):
            value = False
        elif kept or _KEEPER_BEFORE.search(before):
            value = True
    return value


# A stated aim coherent with the call: insertion, employment, remobilising the invisibles.
_COHERENT_AIM = re.compile(rf"\b{_INSERTION_AIM}|\bemploi\b|\bremobilis|\binvisibles")


def _purpose(folded: str, declarative: _Spans) -> bool | None:
    purpose = _flag(folded, declarative, _SOCIAL_PURPOSE)
    if purpose is None:
        for m in _stated(_OTHER_PURPOSE, folded, declarative):
            if not _COHERENT_AIM.search(m.group("aim") or m.group("aim2") or m.group("aim3")):
                purpose = False
    return purpose


def _organisation(folded: str, declarative: _Spans) -> Organisation | None:
    purpose = _purpose(folded, declarative)
    experience = _flag(folded, declarative, _EXPERIENCE, _NO_EXPERIENCE)
    if experience is None and _stated(_OPERATOR, folded, declarative):
        experience = True  # a working insertion site has, by definition, that experience
    anchoring = _flag(folded, declarative, _ANCHORING)
    health = None
    if _stated(_NO_ACCOUNTS_YET, folded, declarative) or any(
        not _negated(folded, m.start()) for m in _stated(_FRAGILE, folded, declarative)
    ):
        health = "fragile"
    elif _flag(folded, declarative, _HEALTHY):
        health = "bonne"
    organisation = Organisation(
        social_purpose_insertion=purpose,
        insertion_experience=experience,
        territorial_anchoring=anchoring,
        financial_health=health,
    )
    return None if organisation == Organisation() else organisation


# --- entry point ---------------------------------------------------------------------

_CALL_NAME_BEFORE = re.compile(
    r"\b(?:ami|o2r|dreets|prefecture|prefet|prefect|"
    r"appel(?: a (?:manifestation d'interet|projets?))?)"
    r"[ ]*(?:o2r[ ]*)?"
    # "passer par l'appel de la Bretagne": another region's call.
    r"(?:en[ ]+|de[ ]+(?:la[ ]+|l')?|des[ ]+|du[ ]+|-[ ]*)?$"
)


# "the Pays de la Loire call", "Pays de la Loire O2R scheme": the call, named in English.
_CALL_NAME_AFTER = re.compile(r"[ ]*(?:'s[ ]+)?(?:o2r[ ]+)?(?:call|ami|scheme|appel)\b")


def _names_the_call(folded: str, position: int, end: int) -> bool:
    return bool(
        _CALL_NAME_BEFORE.search(folded[max(0, position - 40) : position])
        or _CALL_NAME_AFTER.match(folded, end)
    )


# "l'association Élan Vendée", "Association Bretagne Solidaire": a capitalised place
# inside an organisation's name, with no preposition before it, is no place of action
# ("notre association nantaise" still says where it is).
_ORGANISATION_NAME_BEFORE = re.compile(
    r"\b(?:association|asso|federation|collectif|regie|cabinet|entreprise|societe|fondation)"
    r"[ ]+(?:(?!(?:de|du|des|a|au|aux|en|sur|dans|pour|d'|l'|in|at|near|from|based|located)\b)"
    r"[a-z0-9'-]+[ ]+){0,2}$"
)


def _in_a_name(folded: str, position: int) -> bool:
    return bool(_ORGANISATION_NAME_BEFORE.search(folded[max(0, position - 60) : position]))


# "notre siège est à Rennes, mais les actions se dérouleront en Mayenne": where the
# organisation sits (its head office, the address in its signature) is no place of
# action when the text names where it acts; a form's "Siège et lieu d'action :" is both.
_HEAD_OFFICE_BEFORE = re.compile(
    r"\b(?:siege(?:[ ]+social)?|head[ ]+office|headquarters|headquartered|registered[ ]+office)"
    r"\b(?![ ]*(?:et|and|/|&)[ ]*(?:(?:nos|les|leurs?|our|the|its)[ ]+)?(?:lieux?|zones?|"
    r"territoires?|sites?|places?|areas?|actions?|activites?|interventions?|activities)\b)"
    r"(?:[^,.;!?()]{0,25}|[ ]*:[^.;!?()\n]{0,60})$"
)
# "dont le siège est à La Roche-sur-Yon (85) et qui y mène ses actions": where it acts too.
_ACTS_THERE_AFTER = re.compile(
    r"[^.;!?]{0,30}?\b(?:et[ ]+)?(?:qui[ ]+)?y[ ]+(?:mene|menons|menent|conduit|conduisons|"
    r"intervient|intervenons|interviennent|agit|agissons|realise|realisons|exerce|exercons)\b"
)
# "Tours is only our head office", "Tours reste notre siège".
_HEAD_OFFICE_AFTER = re.compile(
    r"[ ]*(?:\([^)]{0,20}\)[ ]*)?,?[ ]*(?:is|est|reste)[ ]+(?:only|just|merely|seulement|"
    r"uniquement|juste)[ ]*(?:our|notre|son|leur|the|le)[ ]+(?:siege|head[ ]+office|"
    r"headquarters|registered[ ]+office)\b"
)
# "basés à Rennes, nous voulons intervenir en Mayenne": where the organisation is based
# gives way to where it says it acts; alone, it is where the project runs.
_BASED_BEFORE = re.compile(
    # "basée au Mans": the contraction is read with the name.
    r"(?:\b(?:basee?s?|situee?s?|implantee?s?|installee?s?|domiciliee?s?|based|located)[ ]+"
    r"(?:(?:a|au|aux|en|dans|sur|in|at)[ ]+)?"
    # So is where a partner or a contractor comes from: "on sous-traiterait à une asso de
    # Tours", "a training body from Rennes".
    r"|\b(?:asso(?:ciation)?|structure|partenaire|organisme|cabinet|prestataire|sous-traitant|"
    r"entreprise|partner|organi[sz]ation|charity|subcontractor|body)s?[ ]+"
    r"(?:(?!(?:a|au|en|dans|sur|in|at)\b)[a-z'-]+[ ]+){0,2}?(?:de|du|d'|from)[ ]*)"
    r"(?:la[ ]+|le[ ]+|l')?$"
)
# "… et intervenons aussi à Nantes", "Nantes too": there as well as where it is based.
_ALSO_BEFORE = re.compile(r"\b(?:aussi|egalement|also)\b[^.;!?,]{0,30}$")
_ALSO_AFTER = re.compile(r"[ ]*(?:aussi|egalement|also|as well|too)\b")
_ACTS_BEFORE = re.compile(
    # "les actions restent à Saumur", "nos actions : Nantes, Saint-Nazaire".
    r"\b(?:actions|activites|interventions|interv\w*|agir|agirions|agirons|agissons|mene\w*|"
    r"mener|deploy\w*|deroul\w*|couvr\w*|"
    r"work|working|operate|operating|run|running|act|acting|cover\w*)\b[^.;!?,]{0,30}$"
)
# What separates the places of one list: "au Mans, à La Flèche et à Alençon".
_LISTED_PLACE = re.compile(
    r"[ ]*(?:\([^)]{0,20}\)[ ]*)?(?:,|,?[ ]*(?:et|ou|and|or))[ ]*(?:(?:a|au|aux|en|dans|sur|in|at)"
    r"[ ]+)?(?:la[ ]+|le[ ]+|les[ ]+|l')?"
)
# "nous accompagnons des personnes depuis 30 ans dans le Rhône": where the organisation
# has worked, which says where the project runs only if nothing else does.
_HISTORY = re.compile(rf"\b(?:depuis|since|for)[ ]+{_SENIORITY}")
# Where the whole project is said to run, or the field that says it ("Territoire
# d'action : …"): the other places named are the organisation's or the people's.
_ALL_ACTION_HERE = re.compile(
    r"(?:\b(?:toutes? (?:nos|les) (?:actions?|interventions?|activites)|tout le projet|"
    r"l'ensemble (?:du projet|de nos actions|des actions)|the (?:whole|entire) project|"
    r"all (?:our|the) (?:activities|actions|work))\b|"
    r"^[ ]*(?:[-*•][ ]*)?(?:territoires?|lieux?|zones?)[ ]+d'(?:action|intervention)[ ]*:)"
    r"[^.;!?\n]*$",
    re.M,
)


# "ce n'est pas Fougères", "pas du tout à Alençon", "Fougères n'est pas concerné", "not in
# Rennes": a place denied; so is one set against another ("à Ernée, et non à Fougères",
# "au lieu de Cholet", "plutôt qu'à Rennes", "instead of Tours").
# A place given as a distance mark names no place of action: "we're only an hour from
# Laval", "à 20 km de Nantes".
_DISTANCE_BEFORE = re.compile(
    r"\b(?:(?:a|an|one|two|three|une|deux|trois|[0-9]+)[ ]+(?:heures?|hours?|h|km|kilometres?"
    r"|kilometers?|miles?|minutes?|min)(?:[ ]+(?:de route|en voiture|drive|away))?[ ]+"
    r"(?:de|d'|du|des|from|of)"
    # "nous sommes tout près de la Mayenne", "right next to Sarthe": a neighbour, not a place
    # of action.
    # Not "les communes voisines des Deux-Sèvres", communes in that department.
    r"|\b(?:tout pres|juste a cote|a deux pas)[ ]+(?:de|d'|du|des)"
    r"|\b(?:right next|just next|right across)[ ]+(?:to|from))[ ]*(?:la[ ]+|le[ ]+|l')?$"
)
_DENIED_BEFORE = re.compile(
    r"\b(?:(?:pas|plus|jamais|sauf|hormis|excepte|not|never|except|(?:et|mais) non"
    r"|au lieu|instead of|rather than|plutot que"
    # "on abandonne Rennes", "nous renonçons à Vitré", "we dropped Rennes".
    r"|abandonn\w*|renonc\w* a|laiss\w* tomber|drop(?:ped|ping)?|gave up(?: on)?"
    r"|give up(?: on)?)[ ]+"
    r"|plutot qu')"
    r"(?:(?:du tout|vraiment|non plus|at all)[ ]+)?(?:(?:a|au|en|dans|sur|de|du|in|at)[ ]+|d')?"
    r"(?:(?:la|le|les)[ ]+|l')?$"
    # "aucune action n'aura lieu en Ille-et-Vilaine", "no activity will take place in Orne".
    r"|\b(?:aucune?|no|pas d')[ ]*(?:actions?|activites?|interventions?|activit(?:y|ies))\b"
    r"[^.;!?]{0,30}?\b(?:en|a|au|dans|sur|in|at)[ ]+(?:(?:la|le|les)[ ]+|l')?$"
)
_DENIED_AFTER = re.compile(
    r"[ ]*(?:\([ ]*[0-9ab]{2,3}[ ]*\)[ ]*)?(?:n'est|ne sont|n'etait|is not|isn't|are not|"
    r"se retire|se retirent|se desiste|se desistent|quitte le projet|withdraws|pulls out|"
    r"drops out)\b"
)


# A message that opens by correcting what was said before: its places of action replace
# those stated earlier ("Je corrige : nous sommes en fait à Ancenis", "Ah non pardon, je
# confonds avec un autre dossier"), unless it adds one.
_CORRECTS_EARLIER = re.compile(
    r"^\W*(?:(?:ah|oh|oups|oops|euh|hum|hmm|zut|non|no|wait|ok|bon)\b\W*)*"
    r"(?:je (?:me )?(?:corrige|rectifie)|rectification|correction|erratum|pardon"
    r"|autant pour moi|petite erreur|erreur de ma part|mea culpa|je confonds"
    r"|je me suis trompee?|je me trompe|en fait|my mistake|my bad|i was wrong|sorry|actually"
    r"|i mean)\b"
)
_ADDS = re.compile(r"\b(?:aussi|egalement|en plus|also|as well|too)\b")


def _corrects(folded: str, start: int, end: int) -> bool:
    """Whether the text between two places takes the first back ("… enfin, à Laval").

    Close by, any correction word between them does; further on, only one right before the
    second ("150 000 €, dont 12 000 € de formation… pardon, c'est plutôt 175 000 €").
    """
    gap = folded[start:end]
    near = gap if len(gap) <= 40 else gap[-_CORRECTION_REACH:] if len(gap) <= 160 else ""
    return bool(_CORRECTION.search(near)) and not re.search(
        r"\b(?:et|and|aussi|egalement|also)\b", near
    )


# An e-mail's sign-off, or a thanks alone on its line: the address in the signature after
# it is where the sender sits.
_SIGN_OFF = re.compile(rf"\b(?:{CLOSINGS})\b|^[ ]*(?:{THANKS})[ ]*[,.!]*[ ]*$", re.M)


# "et si on ramène à 10 mois ?", "on passe à 30 mois", "cut it to 10 months": a length
# changed to, with nothing said of whose it is.
_CHANGED_TO = re.compile(
    r"\b(?:ramen\w*|pass(?:e|ons|ait|er)|redui\w*|descend\w*|limit\w*|rallong\w*|"
    r"raccourc\w*|bring|cut|reduce|shorten|extend|change)\b[^.;!?0-9]{0,20}?\b(?:a|to)[ ]+$"
)


# A cost changed by an amount, not to it: "le budget baisse de 40 000 €", "20 000 € de
# moins", "what if we cut 20k from the budget?", "on ajoute 30 000 €".
_LESS_BEFORE = re.compile(
    r"\b(?:baiss\w*|diminu\w*|redui\w*|coup\w*|amput\w*|enlev\w*|retranch\w*|perd\w*|"
    r"cut|cuts|reduce[sd]?|lower(?:ed|s)?|lose|loses|lost|drops?|dropped|falls?|fell)[ ]+"
    r"(?:(?:le budget|le cout|notre budget|the budget|our budget|it|le projet)[ ]+)?"
    r"(?:de|d'|by)?[ ]*$"
)
_MORE_BEFORE = re.compile(
    r"\b(?:augment\w*|ajout\w*|rajout\w*|gagn\w*|add|adds|added|raise[sd]?|increase[sd]?|"
    r"rises?|rose|goes up|went up)[ ]+(?:(?:le budget|notre budget|the budget|our budget|it)[ ]+)?"
    r"(?:de|d'|by)?[ ]*$"
)
# A cost changed to an amount: "ramené à 130 000 €", "cut our budget down to €120k".
_BROUGHT_TO_BEFORE = re.compile(
    r"\b(?:budget|cout|montant|total|projet|cost|project)\b[^.;!?0-9]{0,40}?"
    r"\b(?:ramene\w*|redui\w*|abaisse\w*|baisse\w*|descend\w*|retomb\w*|tomb\w*|revue?s? a la "
    r"(?:baisse|hausse)|releve\w*|augmente\w*|porte\w*|cut|reduced|lowered|brought|raised"
    r"|increased|dropped|fell|goes|went|drops|falls)[ ]+(?:(?:down|up)[ ]+)?(?:a|to)[ ]+"
    r"(?:(?:environ|about|around|like|roughly|seulement|only|just)[ ]+)?$"
)
_LESS_AFTER = re.compile(r"[ ]*(?:de moins|en moins|less|fewer)\b")
# Not "en plus", which may add to something else ("160 000 € en plus de nos fonds propres").
_MORE_AFTER = re.compile(r"[ ]*(?:de plus|more|extra)\b")


def _cost_delta(folded: str, start: int, end: int) -> int | None:
    """+1 or -1 when the amount at ``start``–``end`` changes the cost by itself, else None."""
    before = folded[max(0, start - 40) : start]
    after = folded[end : end + 20]
    if _TRAINING_BEFORE.search(before) or _TRAINING_AFTER.match(folded, end):
        # Training added or cut is a line of the budget: "on ajoute 20 000 € de formation".
        return None
    if _LESS_BEFORE.search(before) or _LESS_AFTER.match(after):
        return -1
    if _MORE_BEFORE.search(before) or _MORE_AFTER.match(after):
        return 1
    return None


def changed_cost(text: str, known: Dossier | None) -> Dossier:
    """The project's cost once changed by the one amount a message gives ("et si le budget
    baisse de 40 000 € ?"), from the total the conversation's facts hold; else no fact."""
    if known is None or known.total_cost_eur is None:
        return Dossier()
    folded = fold(text)
    deltas = [
        (sign, amount.value)
        for amount in find_amounts(folded)
        if (sign := _cost_delta(folded, amount.start, amount.end)) is not None
    ]
    if len(deltas) != 1:
        return Dossier()
    sign, value = deltas[0]
    total = known.total_cost_eur + sign * value
    return Dossier(total_cost_eur=total) if total > 0 else Dossier()


def changed_length(text: str, known: Dossier | None) -> Dossier:
    """The length a message changes to ("et si on ramène à 10 mois ?"), as a length the
    conversation's facts hold: the one they hold, or, when they hold both, a person's
    pathway under two years and the project's from two years on; else no fact."""
    if known is None:
        return Dossier()
    roles = [r for r in ("pathway_months", "project_months") if getattr(known, r) is not None]
    folded = fold(text)
    lengths = [
        m
        for match in DURATION.finditer(folded)
        if _CHANGED_TO.search(folded, max(0, match.start() - 40), match.start())
        and (m := months_of(match)) is not None
    ]
    if not roles or len(lengths) != 1:
        return Dossier()
    if len(roles) > 1:
        roles = ["pathway_months" if lengths[0] < _PROJECT_FROM_MONTHS else "project_months"]
    return Dossier(**{roles[0]: lengths[0]})


def place_record(place: Place) -> PlaceRecord:
    """A place named, as the checker reads places of action (a department by its code)."""
    return PlaceRecord(
        name=place.name,
        department=place.department,
        in_region=None if place.department else place.in_region,
    )


def _places(text: str, folded: str) -> tuple[list[PlaceRecord], list[PlaceRecord]]:
    """The places of action a text states, and those it says are not."""
    action: list[PlaceRecord] = []
    everywhere: list[PlaceRecord] = []  # where the whole project is said to run
    history: list[PlaceRecord] = []  # where the organisation has worked
    based: list[PlaceRecord] = []  # where it is based
    unbased: list[PlaceRecord] = []  # named otherwise than as where someone is based
    acting: list[PlaceRecord] = []  # where it says it acts
    denied: list[PlaceRecord] = []
    named_now: list[PlaceRecord] = []  # named at least once outside the organisation's past
    last_end = 0
    acting_end = -1  # where the last place said to be acted in ends
    sign_offs = list(_SIGN_OFF.finditer(folded))
    signature = sign_offs[-1].start() if sign_offs else len(folded)
    for position, name_end, place in place_mentions(text, folded, every=True):
        # "l'AMI Pays de la Loire" names the call, not a place of action.
        if not place.department and _names_the_call(folded, position, name_end):
            continue
        if text[position].isupper() and _in_a_name(folded, position):
            continue
        record = place_record(place)
        before = folded[max(0, position - 40) : position]
        if action and _corrects(folded, last_end, position):
            # "à Vitré… enfin, à Laval": the place named before is taken back.
            denied.append(action.pop())
        last_end = name_end
        if _DISTANCE_BEFORE.search(before):
            continue
        if (
            _DENIED_BEFORE.search(before)
            or _DENIED_AFTER.match(folded, name_end)
            # "Tours is only our head office": taken back from an earlier message too.
            or _HEAD_OFFICE_AFTER.match(folded, name_end)
        ):
            denied.append(record)
        elif not (
            (
                _HEAD_OFFICE_BEFORE.search(folded, max(0, position - 80), position)
                and not _ACTS_THERE_AFTER.match(folded, name_end)
            )
            or position >= signature
        ):
            # Where the sender sits (head office, signature) says nothing of where the
            # project runs: with no place of action stated, the territory stays unknown.
            action.append(record)
            if _BASED_BEFORE.search(before):
                based.append(record)
            else:
                unbased.append(record)
                if _ACTS_BEFORE.search(before) or (
                    # "des actions menées au Mans, à La Flèche et à Alençon": each place listed.
                    acting_end >= 0 and _LISTED_PLACE.fullmatch(folded, acting_end, position)
                ):
                    if _ALSO_BEFORE.search(before) or _ALSO_AFTER.match(folded, name_end):
                        based.clear()
                    else:
                        acting.append(record)
                        acting_end = name_end
            line_start = _span_around(folded, position, position, ".!?\n", _CUE_REACH)[0]
            if _ALL_ACTION_HERE.search(folded, line_start, position):
                everywhere.append(record)
            if _in_history(folded, position, name_end):
                history.append(record)
            else:
                named_now.append(record)
    # "implantée à Laval depuis 2009 … la moitié des actions à Laval": named again as a
    # place of action, it is one.
    current = [p for p in action if p not in history or p in named_now]
    region = region_departments()
    outside_base_only = bool(based) and all(
        p.department and p.department not in region for p in based
    )
    if not _EACH_PLACE.search(folded) and (
        any(p not in denied for p in acting)
        or (
            # A base outside the region beside a town or a département of the region named:
            # "based in Paris, we would open an office in Nantes" acts in Nantes.
            outside_base_only
            and any(p not in denied and p not in based and p.department in region for p in unbased)
        )
    ):
        # Where someone is based is no place of action, unless named as one elsewhere too:
        # "un partenaire implanté à Rennes… les actions… sur l'agglomération rennaise".
        current = [p for p in current if p not in based or p in acting or p in unbased]
    kept: list[PlaceRecord] = []
    for place in everywhere or current or action:
        if place not in denied and place not in kept:
            kept.append(place)
    return kept, denied


# The project said to run in every place named, where each is based included: "Le projet
# se déroulerait dans les deux villes", "in both towns".
_EACH_PLACE = re.compile(
    r"\b(?:dans|sur|en|in|across|on|at)[ ]+(?:les|ces|both|the two|chacune des|each of the)"
    r"[ ]+(?:(?:deux|trois|2|3)[ ]+)?(?:villes|communes|sites|towns|cities|locations"
    r"|agglomerations|departements)\b"
)
_CLAUSE_ENDS = ".!?;:,()\n"
# How far before a place its cue may stand ("toutes nos actions ont lieu … à Laval").
_CUE_REACH = 120
# "… depuis 2009 et dispose d'une antenne à Vitré": a second verb after "et" starts a
# clause the past does not reach ("depuis 20 ans à Nantes et à Angers" lists places).
_NEXT_VERB = re.compile(r"\b(?:et|mais|and|but)[ ]+(?!(?:a|au|aux|en|dans|sur|in|at)\b)")


def _in_history(folded: str, start: int, end: int) -> bool:
    """Whether the place at ``start``–``end`` is where the organisation has worked."""
    left, right = _span_around(folded, start, end, _CLAUSE_ENDS, _CUE_REACH)
    if (
        folded[left - 1 : left] == ","
        and _HISTORY_BEFORE_COMMA.search(folded, max(0, left - 60), left - 1)
        and not _NEXT_VERB.search(folded, left, start)
    ):
        return True
    for cue in _HISTORY.finditer(folded, left, right):
        if cue.start() >= end or not _NEXT_VERB.search(folded, cue.end(), start):
            return True
    return False


# The places set off by a comma after the time spent: "depuis dix ans, en Bretagne".
_HISTORY_BEFORE_COMMA = re.compile(rf"{_HISTORY.pattern}[ ]*$")


# An e-mail thread: a forwarded message is someone else's; a quoted reply is older.
_FORWARDED = re.compile(
    r"^[ \t]*(?:-{3,}[ \t]*(?:message transf[ée]r[ée]|forwarded message|message d'origine|"
    r"original message)[ \t]*-{3,}|début du message réexpédié\s*:?|"
    r"(?:de|from)[ \t]*:.*\n[ \t]*(?:envoyé|sent|date)[ \t]*:)",
    re.I | re.M,
)
_REPLY_HEADER = re.compile(
    r"^[ \t]*(?:le .{0,120}a écrit|on .{0,120}wrote)[ \t]*:[ \t]*$", re.I | re.M
)
# Quoting the administration's reply states nothing about the candidate's project.
_ADMINISTRATION = re.compile(
    r"\b(?:dreets|préfecture|prefecture|préfet|direction régionale|france travail|service)\b",
    re.I,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[ ]?", re.M)
_FORWARD_SUBJECT = re.compile(
    r"^[ \t]*(?:objet|subject)[ \t]*:[ \t]*(?:tr|fwd?)[ \t]*:.*$", re.I | re.M
)


# "Je vous transfère le message de mon directeur": relayed from within the sender's own
# organisation, a forwarded message states its project; a partner's does not.
_RELAYS_OWN = re.compile(
    r"\b(?:mon|ma|notre|nos|my|our)[ ]+(?:directeur|directrice|president|presidente|"
    r"tresorier|tresoriere|chef|cheffe|responsable|coordinateur|coordinatrice|collegue|"
    r"director|manager|chair|chairman|chairwoman|ceo|boss|colleague|treasurer)s?\b"
    # "Je vous transfère le résumé du projet de notre Ligue": the sender's own.
    r"|\b(?:transfere?\w*|relai\w*|fais suivre|forward\w*)\b[^.\n]{0,80}"
    r"\b(?:notre|nos|our)[ ]+(?:projet|association|asso|structure|ligue|federation|organisme|"
    r"centre|service|reseau|equipe|bureau|conseil|project|organi[sz]ation|charity|team|board)s?\b"
)


def _thread(text: str) -> tuple[str, str]:
    """The message's own text, and the sender's own earlier message it quotes or relays."""
    relayed = ""
    forwarded = _FORWARDED.search(text)
    if forwarded:
        before = _FORWARD_SUBJECT.sub("", text[: forwarded.start()])
        # A message that is only the forward is passed on to be read: what it states is
        # what is asked about.
        if not before.strip() or _RELAYS_OWN.search(fold(before)):
            relayed = without_mail_headers(text[forwarded.start() :])
        text = text[: forwarded.start()]
    # A forward's subject ("Objet : TR: projet O2R Brest") names the forwarded message.
    text = _FORWARD_SUBJECT.sub("", text)
    earlier = ""
    header = _REPLY_HEADER.search(text)
    if header:
        quoted = text[header.end() :]
        text = text[: header.start()]
        if not _ADMINISTRATION.search(header.group()):
            earlier = _QUOTED_LINE.sub("", quoted)
    elif _QUOTED_LINE.search(text):
        lines = text.splitlines()
        earlier = "\n".join(_QUOTED_LINE.sub("", ln) for ln in lines if _QUOTED_LINE.match(ln))
        text = "\n".join(ln for ln in lines if not _QUOTED_LINE.match(ln))
    return text, f"{relayed}\n{earlier}".strip()


def extract_facts(text: str) -> Dossier:
    """The facts one French message states; everything else stays unknown (None).

    In an e-mail thread, a forwarded message states nothing of the sender's project
    unless relayed from within the sender's organisation, and what the message says
    overrides the earlier message it quotes or relays.
    """
    folded = fold(text)
    if (_FOR_A_PERSON.search(folded) or _OUTSIDE_WRITER.search(folded)) and not (
        _FOR_A_PROJECT.search(folded)
    ):
        return Dossier()
    own, earlier = _thread(text)
    facts = _read(own)
    if earlier.strip():
        facts = merge_dossiers(_read(earlier), facts)
    return facts


# A person far from work writing for themselves or a relative ("g 19 ans jsui pa inscri
# nul part", "mon fils n'est inscrit nulle part", "my little brother isn't signed up"):
# what they say describes someone the offer may serve, not a project to check, unless an
# organisation or a project is named too ("ma sœur … son association voudrait répondre").
_FOR_A_PERSON = re.compile(
    r"\b(?:j'\s*ai|jai|g|i'm|i am|im)\s+(?:\d{2}|dix-\w+|vingt\w*)\s*(?:ans|yo|years? old)\b"
    # Not a career: "j'ai 20 ans d'expérience", "I am 20 years of…".
    r"(?!\s*(?:d'|de |of ))"
    r"|\b(?:mon|ma)\s+(?:petit |petite |grand |grande )?(?:fils|fille|frere|soeur|neveu|niece"
    r"|petit-fils|petite-fille|cousin|cousine)\b"
    r"|\bmy\s+(?:little |younger |older |big )?(?:son|daughter|brother|sister|nephew|niece"
    r"|grandson|granddaughter|cousin)\b"
)
# Or someone who studies or reports on the call ("je prépare un article sur les
# « invisibles » en Loire-Atlantique", "for my thesis"): the places and people they name
# are their subject, not a project's.
_OUTSIDE_WRITER = re.compile(
    r"\b(?:journaliste|etudiante?|doctorante?|chercheu(?:r|se)|memoire|journalist|student"
    r"|researcher|phd|thesis|dissertation)\b"
)
_FOR_A_PROJECT = re.compile(
    r"\b(?:nous|notre|nos|association|asso|structure|organisme|projet|we|our|us|organi[sz]ation"
    r"|charity|project)\b"
)


# What the call or one of its texts says, as a candidate puts it: "l'appel ne finance que
# les inscrits", "le décret impose…", "the call only funds…".
_TEXT_SAYS = (
    r"\b(?:l'ami|l'appel|le decret|la loi|l'arrete|le cahier des charges|les textes|the call"
    r"|the decree|the law|the texts)\b[^.;!?]{0,15}\b(?:dit|dirait|indique|precise|impose\w*"
    r"|exige\w*|prevoit|(?:ne )?finance\w*|accepte\w*|says|requires?|only funds|funds only"
    r"|allows?|accepts?)\b"
)


# A sentence about another organisation's project or the candidate's earlier one: "la
# régie de Tours a monté un projet à 120 000 €, eux", "on avait porté un projet de 2020
# à 2022 à Brest", "their project ran in Rennes"; not "ce sont eux que nous voulons
# toucher", which points at the people just described, nor "qui restent suivis par eux",
# the agent of a clause about our public.
# Nor "deux d'entre eux veulent déposer ensemble", some of those the writer speaks for,
# nor "les maraudes chez eux", where a partner acts.
# "leur projet", "their project": another organisation's, unless the writer relays that
# organisation's question ("une association … m'a demandé de relayer sa question. Leur
# projet : …") or backs it ("une fondation qui envisage de cofinancer une association…
# Leur projet représente…"), when it is the project asked about.
_THEIR_PROJECT = r"|leur projet|leurs projets|their project"
_RELAYED = re.compile(
    r"\b(?:relay\w*|relai\w*|transmet\w*|pour le compte d|de la part d|on behalf of"
    r"|pass(?:ing)? on (?:their|its) question"
    r"|(?:co-?financ|financ|fund|souten|soutien|support|conseill|advis)\w* "
    r"(?:une|un|cette|cet|l'|la|le|an?|this) (?:association|structure|organisme|organisation"
    r"|organization|regie|ccas|charity|operateur|operator|porteur))",
)
_NOT_THIS_PROJECT_PATTERN = (
    # Not the people served: "suivre chacun d'eux", "avec eux".
    r"\b(?:(?<!ce sont )(?<!c'est )(?<!par )(?<!d'entre )(?<!chez )(?<!d')(?<!avec )(?<!pour )eux"
    r"<their>"
    r"|they (?:ran|had|did)"
    r"|(?:notre|un|leur) (?:ancien|precedent|dernier) projet|our (?:previous|former|last) project"
    # "funded under the earlier call for identifying invisible people": an earlier call's.
    r"|(?:l'|un |le )(?:ancien|precedent) (?:appel|dispositif)"
    r"|(?:the|an) (?:earlier|previous|former) (?:call|scheme|programme)"
    r"|(?:on|nous) (?:avait|avions) (?:porte|mene|monte|realise|conduit)|we (?:had )?(?:ran|run) "
    r"a (?:previous|former)"
    # Done in a year before the call: "En 2020, nous avons porté ensemble un projet…".
    r"|\b(?:en|in) (?:19\d\d|20(?:[01]\d|2[0-3]))\b[^.;!?]{0,30}\b(?:(?:on|nous) (?:a|avons)"
    r"|we (?:ran|did|carried|led))\b"
    # Another file the writer sets aside: "40 000 € sur 2 ans, il ne vous concerne pas".
    r"|ne vous concerne(?:nt)? pas|(?:n'a|n'ont) rien a voir avec (?:l'ami|l'appel|l'o2r|vous)"
    r"|sans (?:aucun )?(?:lien|rapport) avec (?:l'ami|l'appel|l'o2r)"
    r"|(?:does|do) not concern you"
    r"|(?:is|are) (?:not related|unrelated) to (?:the|this|your) call)\b"
    # A claim about the call quoted back: "elle écrit que « l'AMI finance jusqu'à 150 000 €
    # par an »" states what someone says the call allows, not the project.
    r"|[«“\"][ ]*(?:l'ami|l'appel|le decret|la loi|l'arrete|l'etat|le cahier des charges|the call"
    r"|the state)\b"
    # What the call or a text is said to say, reported or asked about: "on m'a dit que
    # l'appel ne finance que les inscrits", "le décret impose un parcours de 6 mois, non ?",
    # "we're told the call only funds…"; not "conformément à ce que prévoit l'AMI, notre
    # budget est de…".
    rf"|\b(?:{fold(CLAIM_VERBS)}|{HEARD_VERBS})\b[^.;!?]{{0,40}}{_TEXT_SAYS}"
    # What someone said is allowed or needed: "mon collègue m'a dit que le parcours pouvait
    # durer 18 mois", "I was told pathways can last 18 months", "notre expert-comptable
    # affirme qu'une comptabilité analytique n'est pas nécessaire". Or believed: "on pensait
    # qu'il fallait au moins 200 000 € par an".
    rf"|\b(?:{fold(CLAIM_VERBS)}|{HEARD_VERBS}|explique|soutenu|pensai[st]"
    r"|pensions|pensaient|croyai[st]|croyions|croyaient|imaginai[st]|compris|thought|believed"
    r"|assumed|understood)\b[^.;!?]{0,20}"
    r"\b(?:que|qu'|that)[^.;!?]{0,80}\b(?:pouvait|peut|pourrait|pourraient|peuvent|devait|doit"
    r"|doivent|faut|fallait|autorise\w*|possible|necessaire|obligatoire|suffi\w*|can|could|may"
    r"|must|allowed|necessary|required|needed|enough)\b"
    # A figure someone else gives, with no clause of its own: "ma mère dit 2 ans", "mon
    # président affirme 200 000 € minimum", "a colleague says 18 months".
    rf"|\b(?:{fold(CLAIM_VERBS)})\s+(?:[a-z'€]+\s+){{0,2}}?\d"
)
_NOT_THIS_PROJECT = re.compile(_NOT_THIS_PROJECT_PATTERN.replace("<their>", _THEIR_PROJECT))
_NOT_THIS_PROJECT_RELAYED = re.compile(_NOT_THIS_PROJECT_PATTERN.replace("<their>", ""))


# A claim about the call asked about: "Le décret impose 6 mois, non ?", read on the
# message as typed, since statements_of leaves the question mark out.
_CLAIM_ASKED = re.compile(rf"{_TEXT_SAYS}(?=[^.;!]*\?)")


# A rule someone else claims, asked about: "Mon collègue m'assure que le budget minimum est
# de 100 000 € sur trois ans, c'est bien ça ?", "on nous a dit que la convention durait
# 5 ans, c'est juste ?", "I heard pathways can last two years. Correct?". Not the writer's
# own plan, which the claim then names ("on m'a dit que notre budget suffisait ?").
_CLAIM = (
    # In French, what is claimed follows "que": "m'assure que…", "il me semble que…".
    rf"(?:\b(?:{fold(CLAIM_VERBS)}|entendu|lu|assurent|cru comprendre|crois|croit|croient"
    r"|pense|pensent|semble|parait)\b[^.;!?]{0,30}?\b(?:que|qu')"
    # In English, "that" may be left out: "I heard the pathway can last…".
    r"|\b(?:said|told|heard|read|says|claims?|insists?|thinks?|believes?)\b(?:\s+(?:me|us))?"
    r"(?:\s+that\b)?"
    r"|\b(?:d'apres|selon) (?:mon|ma|notre|le|la|un|une|leur) (?:collegue|directeur|directrice"
    r"|president|presidente|tresorier|tresoriere|conseiller|conseillere|chef|responsable"
    r"|partenaire|financeur|comptable|expert-comptable|elu|elue|maire)\w*,?)"
    r"(?:(?!\b(?:nous|notre|nos|on|je|j'|mon|ma|mes|we|our|us|my|i)\b)[^.;!?])*"
)
_CLAIM_CHECKED = re.compile(rf"{_CLAIM}\?")
_CLAIM_STATED = re.compile(rf"{_CLAIM}[.;!]?\s*$")
# A short question on whether what was just said holds: "C'est exact ?", "Correct?".
_CONFIRMING = re.compile(
    r"^\W*(?:(?:et|alors|donc|so|and)\s+)?(?:c'est|c|est-ce|vous confirmez|confirmez-vous"
    r"|can you confirm|(?:il|elle|ils|elles) (?:a|ont) raison|(?:is|are) (?:that|this|it|she|he"
    r"|they)|true|correct|right|vrai|exact|juste)\b[^.;!?]{0,30}\?\s*$"
)


def _without_claims_confirmed(text: str) -> str:
    """``text`` without the claims of others a short question after them asks to confirm."""
    folded = fold(text)
    spans = _sentences(folded)
    kept = [
        text[start:end]
        for i, (start, end) in enumerate(spans)
        if not (
            i + 1 < len(spans)
            and _CLAIM_STATED.search(folded[start:end])
            and _CONFIRMING.match(folded[spans[i + 1][0] : spans[i + 1][1]])
        )
    ]
    return "".join(kept)


def _this_project(text: str, pattern: re.Pattern[str] = _NOT_THIS_PROJECT) -> str:
    """``text`` without the sentences about another project than the candidate's own."""
    folded = fold(text)  # same length: its sentence spans are the text's
    return "".join(
        text[start:end]
        for start, end in _sentences(folded)
        if not pattern.search(folded[start:end])
    )


# A figure in guillemets quotes someone else's words, most often the texts' own rule
# ("le « 150 000 sur 3 ans », on peut compter les formations dedans ?"), not a fact of
# the project.
_QUOTED_FIGURE = re.compile(r"«[^»\d]{0,80}\d[^»]{0,80}»|“[^”\d]{0,80}\d[^”]{0,80}”")
# So are any words quoted as the texts': "In the text is written 'publics dits
# invisibles'", "l'AMI parle de « projets structurants »".
_QUOTED_FROM_TEXTS = re.compile(
    r"(?:\b(?:le texte|les textes|l['’]ami|l['’]appel|le cahier des charges|le décret|l['’]arrêté"
    r"|la loi|the text|the texts|the call|the decree|the law)\b[^.;!?«“\"]{0,25}?"
    r"\b(?:parle\w*|évoque\w*|mentionne\w*|indique\w*|emploie\w*|utilise\w*|écri\w*|dit"
    r"|disent|précise\w*|says|mentions|uses|talks\s+about|refers\s+to|is\s+written|writes)"
    r"|\b(?:est écrit|is written|it says|on lit|c['’]est écrit)\b)"
    r"[^.;!?«“\"']{0,25}(?P<quote>«[^»]{1,120}»|“[^”]{1,120}”|\"[^\"]{1,120}\""
    # Single quotes only as marks, not the apostrophes of "qu'un … l'Atelier".
    r"|(?<=\s)'[^']{3,120}'(?=[\s.,;:!?]|$))",
    re.I,
)


def _without_quotes_of_others(text: str) -> str:
    """``text`` with the words it quotes from others blanked (the same length: spans hold)."""
    text = _QUOTED_FIGURE.sub(lambda m: " " * len(m[0]), text)
    return _QUOTED_FROM_TEXTS.sub(
        lambda m: m[0][: m.start("quote") - m.start()] + " " * len(m["quote"]), text
    )


def _read(text: str) -> Dossier:
    """The facts of one part of a message (its own text, or the earlier one it quotes)."""
    others = _NOT_THIS_PROJECT_RELAYED if _RELAYED.search(fold(text)) else _NOT_THIS_PROJECT
    asked_of = _this_project(_this_project(text, _CLAIM_ASKED), _CLAIM_CHECKED)
    asked_of = _without_claims_confirmed(asked_of)
    text = _this_project(statements_of(asked_of), others)
    text = _without_quotes_of_others(text)
    folded = fold(text)
    sentences = _sentences(folded)
    declarative = _declarative(folded, sentences)
    project_months, pathway_months, pathway_side = _durations(folded, sentences)
    budget = _budget(folded, project_months, declarative)
    table = _table_budget(text)
    if table is not None:
        # A pasted budget table says the cost better than its cells read one by one.
        budget = _Budget(total=table.total, training=table.training)
        if project_months is None and 2 <= table.years <= _MAX_BUDGET_YEARS:
            project_months = 12 * table.years
    if project_months is None and budget.lines:
        project_months = _months_budgeted(budget.lines)
    places, denied = _places(text, folded)
    # A range is read only where no one cost is stated.
    one_cost_unknown = budget.total is None and budget.annual is None and not budget.lines
    replaces = bool(places) and bool(_CORRECTS_EARLIER.match(folded)) and not _ADDS.search(folded)
    sides = {
        "total_cost_eur": (budget.total, budget.total_side),
        "annual_cost_eur": (budget.annual, budget.annual_side),
        "pathway_months": (pathway_months, pathway_side),
    }
    bounds = {f: Bound(side=side, value=v) for f, (v, side) in sides.items() if v and side}
    return Dossier(
        organisation=_organisation(folded, declarative),
        places=places or None,
        withdrawn_places=denied or None,
        places_replace=replaces or None,
        budget_lines=budget.lines,
        total_cost_eur=budget.total,
        annual_cost_eur=budget.annual,
        training_cost_eur=budget.training,
        training_included=budget.training_included or None,
        total_cost_range_eur=budget.total_range if one_cost_unknown else None,
        annual_cost_range_eur=budget.annual_range if one_cost_unknown else None,
        requested_eur=budget.requested if one_cost_unknown else None,
        project_months=project_months,
        pathway_months=pathway_months,
        public=_public(folded, declarative),
        consortium=_consortium(text, folded, declarative, sentences),
        analytic_accounting=_accounting(folded, declarative),
        bounds=bounds or None,
    )
