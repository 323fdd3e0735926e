"""One strict YAML reader for every file the project reads: rules, dossiers, question sets,
validated answers.

Usage::

    data = read_yaml(path, error=DossierError, what="dossier")
    data, root = read_yaml_document(path, error=EvalFormatError, what="question set")

Both return plain Python data (dict, list, str, int, float, bool, date, None;
None for an empty file). ``read_yaml_document`` also returns the root node, whose
``start_mark.line`` (0-based) locates each item for later error messages.

Anything wrong raises ``error`` (a project error class) with one line in English
and one in French, naming the file and, where the YAML has one, the line:
an unreadable file, a syntax error, a control character, a key repeated in one
mapping (YAML would keep the last silently), an invalid value (``2024-13-01``,
an integer of 5,000 digits), nesting deeper than ``MAX_DEPTH``, or aliases that
expand beyond ``MAX_NODES`` values (a "billion laughs" document). Checking the
shape of the data is the caller's job.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml

from o2r_assistant.errors import O2RError

What = Literal["rules file", "dossier", "question set", "validated answers"]
_WHAT_FR: dict[str, str] = {
    "rules file": "fichier de règles",
    "dossier": "dossier",
    "question set": "jeu de questions",
    "validated answers": "fichier de réponses validées",
}
# Far beyond any file of ours, far below what would exhaust the stack. Shared alias
# values cost nothing until something walks them all; no schema of ours walks past
# the first level of an unexpected list, so even millions are harmless.
MAX_DEPTH = 50
MAX_NODES = 100_000_000


class StrictYamlLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key repeated in one mapping.

    Every error it raises is a YAML error that carries the line of the faulty node.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as err:  # "2024-13-01", an integer of 5,000 digits
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid value: {err}", node.start_mark
            ) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                repeated = key in seen
            except TypeError:  # a list as a key: SafeLoader refuses it with its line
                break
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _TooBig(Exception):
    def __init__(self, problem: str, problem_fr: str, node: yaml.Node) -> None:
        super().__init__(problem)
        self.problem, self.problem_fr, self.line = problem, problem_fr, node.start_mark.line + 1


_DEEP = (f"nested more than {MAX_DEPTH} levels deep", "imbriqué trop profondément")


def _check_size(root: yaml.Node) -> None:
    """Refuse deep nesting and alias expansion before anything walks the data.

    Sizes are memoised per node, so a billion-laughs document is measured in linear time.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:
            raise _TooBig(*_DEEP, node)
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in active:
            raise _TooBig("recursive alias", "alias récursif", node)
        total = 1
        if isinstance(node, yaml.CollectionNode):
            active.add(id(node))
            for item in node.value:  # nodes of a sequence, (key, value) pairs of a mapping
                for child in item if isinstance(item, tuple) else (item,):
                    total += size(child, depth + 1)
            active.discard(id(node))
        if total > MAX_NODES:
            raise _TooBig(
                f"aliases expand to more than {MAX_NODES:,} values",
                f"les alias dépassent {MAX_NODES:,} valeurs".replace(",", " "),
                node,
            )
        sizes[id(node)] = total
        return total

    size(root, 0)


def _invalid(
    error: type[O2RError], origin: str, line: int | None, problem: str, problem_fr: str = ""
) -> O2RError:
    """One line each language; PyYAML's own problems are left in English."""
    fr = problem_fr or problem
    if line is None:
        return error(f"{origin}: invalid YAML: {problem}", f"{origin} : YAML invalide : {fr}")
    return error(
        f"{origin}: invalid YAML at line {line}: {problem}",
        f"{origin} : YAML invalide à la ligne {line} : {fr}",
    )


def _parse(text: str, origin: str, error: type[O2RError]) -> tuple[Any, yaml.Node | None]:
    try:
        loader = StrictYamlLoader(text)  # the reader checks for control characters here
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, max(err.position, 0)) + 1
        code = f"#x{err.character:04x}"
        problem, problem_fr = f"unacceptable character {code}", f"caractère interdit {code}"
        raise _invalid(error, origin, line, problem, problem_fr) from None
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        _check_size(root)
        return loader.construct_document(root), root
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        # The problem alone: str(err) adds a multi-line excerpt of the file.
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise _invalid(error, origin, mark.line + 1 if mark else None, problem) from None
    except _TooBig as err:
        raise _invalid(error, origin, err.line, err.problem, err.problem_fr) from None
    except RecursionError:  # nesting too deep for the composer itself
        raise _invalid(error, origin, loader.get_mark().line + 1, *_DEEP) from None
    finally:
        loader.dispose()


def read_yaml_document(
    path: Path | str, *, error: type[O2RError], what: What
) -> tuple[Any, yaml.Node | None]:
    """The file's data and its root node (None for an empty file); see the module doc."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise error(
            f"{path}: cannot read {what}: {err}", f"{path} : {_WHAT_FR[what]} illisible : {err}"
        ) from None
    return _parse(text, str(path), error)


def read_yaml(path: Path | str, *, error: type[O2RError], what: What) -> Any:
    """The file's data as plain Python values (None for an empty file); see the module doc."""
    return read_yaml_document(path, error=error, what=what)[0]


def read_yaml_text(text: str, *, origin: str, error: type[O2RError]) -> Any:
    """Like ``read_yaml`` for text already in memory (an upload); ``origin`` names it."""
    return _parse(text, origin, error)[0]
