"""Judging one answer against what its case declares."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..checker import CheckReport, evaluate
from ..text import normalize_match
from .cases import Case

if TYPE_CHECKING:
    from ..answer import Answer


# The lead is what a reader sees first: the first paragraph, at most this long.
LEAD_CHARS = 400
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def contains(haystack_norm: str, needle: str) -> bool:
    """Whether one item is in already-normalised text; ``|`` separates alternatives."""
    return any(normalize_match(alt) in haystack_norm for alt in needle.split("|"))


def lead(text: str) -> str:
    """The answer's lead: its first paragraph (up to the first blank line), cut at 400 chars."""
    return _BLANK_LINE.split(text.strip(), maxsplit=1)[0][:LEAD_CHARS]


def lead_misses(case: Case, answer: Answer) -> list[str]:
    """The case's ``lead_includes`` items not found in the answer's lead."""
    text = normalize_match(lead(answer.text))
    return [item for item in case.lead_includes if not contains(text, item)]


def answer_path(answer: Answer) -> str:
    """Which path produced the answer: ``Answer.mode``, or "abstained"."""
    return "abstained" if answer.abstained else answer.mode


def judge(case: Case, answer: Answer, supported: int, cited: int) -> list[str]:
    """The reasons a case fails; empty when every declared check passes."""
    reasons: list[str] = []
    text = normalize_match(answer.text)
    for item in case.must_include:
        if not contains(text, item):
            reasons.append(f'must_include "{item}" not found in answer')
    for item in case.must_not_include:
        if contains(text, item):
            reasons.append(f'must_not_include "{item}" found in answer')
    for item in lead_misses(case, answer):
        reasons.append(f'lead_includes "{item}" not found in answer lead')
    if case.abstain and not answer.abstained:
        reasons.append("answered but should abstain")
    elif case.abstain and answer.citations:
        reasons.append(f"abstained but cites {cited} passage(s)")
    elif not case.abstain and answer.abstained:
        reasons.append("abstained but should answer")
    # Evidence counts when the answer cites: an answer quoting only passages
    # without the expected text is not supported by the corpus.
    if case.evidence and not answer.abstained and cited and not supported:
        reasons.append(f"none of the {cited} cited passage(s) contains an evidence snippet")
    if case.answered_by is not None and answer_path(answer) != case.answered_by:
        reasons.append(f"expected answered_by {case.answered_by}, got {answer_path(answer)}")
    if case.verdict is not None and verdict_of(answer) != case.verdict:
        reasons.append(f"expected verdict {case.verdict}, got {verdict_of(answer)}")
    for rule_id, expected in case.checks.items():
        got = status_of(answer, rule_id)
        if got != expected:
            reasons.append(f"check {rule_id}: expected {expected}, got {got}")
    return reasons


def checker_report(answer: Answer) -> CheckReport | None:
    """The checker's report on the facts stated over the whole conversation.

    ``Answer.findings`` covers them when the last message states a fact. When it
    states none ("Pouvons-nous candidater ?") the earlier messages' facts, carried
    by ``Answer.dossier``, still decide what the checker reports. Without history
    both are None together, so a single message is judged on its own findings.
    """
    if answer.findings is not None or answer.dossier is None:
        return answer.findings
    return evaluate(answer.dossier)


def verdict_of(answer: Answer) -> str:
    """The checker's verdict; a conversation stating no facts is incomplete."""
    report = checker_report(answer)
    return report.verdict if report is not None else "incomplete"


def status_of(answer: Answer, rule_id: str) -> str:
    """A rule's status; a conversation stating no facts leaves every rule missing."""
    report = checker_report(answer)
    if report is None:
        return "missing"
    try:
        return report.by_id(rule_id).status
    except KeyError:
        return "not reported"
