"""Judging one answer against what its case declares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import normalize_match
from .cases import Case

if TYPE_CHECKING:
    from ..answer import Answer


def contains(haystack_norm: str, needle: str) -> bool:
    """Whether one item is in already-normalised text; ``|`` separates alternatives."""
    return any(normalize_match(alt) in haystack_norm for alt in needle.split("|"))


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
    if case.verdict is not None and verdict_of(answer) != case.verdict:
        reasons.append(f"expected verdict {case.verdict}, got {verdict_of(answer)}")
    for rule_id, expected in case.checks.items():
        got = status_of(answer, rule_id)
        if got != expected:
            reasons.append(f"check {rule_id}: expected {expected}, got {got}")
    return reasons


def verdict_of(answer: Answer) -> str:
    """The checker's verdict; a message stating no facts is incomplete."""
    return answer.findings.verdict if answer.findings is not None else "incomplete"


def status_of(answer: Answer, rule_id: str) -> str:
    """A rule's status; a message stating no facts leaves every rule missing."""
    if answer.findings is None:
        return "missing"
    try:
        return answer.findings.by_id(rule_id).status
    except KeyError:
        return "not reported"
