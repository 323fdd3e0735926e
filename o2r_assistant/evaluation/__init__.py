"""Answer-quality evaluation: question sets in, metrics, failures and reports out.

A question set is a YAML file in the shared format (``eval/FORMAT.md``). Every
case is asked to one :class:`~o2r_assistant.assistant.Assistant`; the answer is
judged on what the case declares, and the retrieval ranking is measured on the
cases that give evidence snippets. ``EvalResult.to_dict`` is the fixed JSON
contract read by the ``o2r eval --json`` consumers and by the web app.

Modules: ``cases`` (format), ``judging``, ``results``, ``metrics`` (the one metric
table), ``running``, ``terminal``, ``plots``, ``report`` and ``runs`` (stored runs).
"""

from .cases import Case, load_cases
from .metrics import METRICS, Metric, compare_results
from .plots import plot_hit_at_k, plot_latency
from .report import report_format, write_report
from .results import EvalResult, Outcome, write_json
from .running import parse_compare, run_comparison, run_evaluation
from .runs import default_runs_dir, previous_run, save_question_set, save_run
from .terminal import format_comparison, format_summary

__all__ = [
    "METRICS",
    "Case",
    "EvalResult",
    "Metric",
    "Outcome",
    "compare_results",
    "default_runs_dir",
    "format_comparison",
    "format_summary",
    "load_cases",
    "parse_compare",
    "plot_hit_at_k",
    "plot_latency",
    "previous_run",
    "report_format",
    "run_comparison",
    "run_evaluation",
    "save_question_set",
    "save_run",
    "write_json",
    "write_report",
]
