"""``--drop-if`` expressions over a record summary, such as
``boilerplate_share > 0.5 or off_topic > 0``: names of summary fields, numbers,
comparisons, ``and``, ``or``, ``not`` and parentheses; nothing else is evaluated."""

from __future__ import annotations

import ast
import operator
from typing import Any, Callable, Mapping

_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}


class DropIf:
    """A parsed ``--drop-if`` expression; ``matches(summary)`` evaluates it.

    Raises ``ValueError`` for a syntax error or anything but names, numbers,
    comparisons and boolean operators.
    """

    def __init__(self, expression: str):
        self.expression = expression
        try:
            tree = ast.parse(expression, mode="eval")
        except SyntaxError as e:
            raise ValueError(f"invalid --drop-if expression {expression!r}: {e.msg}") from None
        self._check(tree.body)
        self._tree = tree.body

    def __str__(self) -> str:
        return self.expression

    def __repr__(self) -> str:
        return f"DropIf({self.expression!r})"

    def __reduce__(self):
        return (DropIf, (self.expression,))

    def names(self) -> set[str]:
        """The summary fields the expression reads."""
        return {n.id for n in ast.walk(self._tree) if isinstance(n, ast.Name)}

    def matches(self, summary: Mapping[str, Any]) -> bool:
        """Whether the record with this summary is dropped. An unknown field is a
        ``KeyError`` naming the fields there are."""
        missing = self.names() - set(summary)
        if missing:
            raise KeyError(
                f"--drop-if {self.expression!r}: unknown field(s) {sorted(missing)}; "
                f"fields: {sorted(k for k, v in summary.items() if isinstance(v, (int, float)))}"
            )
        return bool(self._eval(self._tree, summary))

    def _check(self, node: ast.AST) -> None:
        if isinstance(node, ast.BoolOp) and isinstance(node.op, (ast.And, ast.Or)):
            for v in node.values:
                self._check(v)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            self._check(node.operand)
        elif isinstance(node, ast.Compare) and all(type(o) in _COMPARE for o in node.ops):
            for v in [node.left, *node.comparators]:
                self._check(v)
        elif isinstance(node, ast.Name):
            pass
        elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            pass
        else:
            raise ValueError(
                f"invalid --drop-if expression {self.expression!r}: "
                f"{ast.unparse(node)!r} is not a field, a number, a comparison, "
                "and, or, not"
            )

    def _eval(self, node: ast.AST, summary: Mapping[str, Any]) -> Any:
        if isinstance(node, ast.BoolOp):
            values = (self._eval(v, summary) for v in node.values)
            return all(values) if isinstance(node.op, ast.And) else any(values)
        if isinstance(node, ast.UnaryOp):
            v = self._eval(node.operand, summary)
            return (not v) if isinstance(node.op, ast.Not) else -v
        if isinstance(node, ast.Compare):
            left = self._eval(node.left, summary)
            for op, right_node in zip(node.ops, node.comparators):
                right = self._eval(right_node, summary)
                if not _COMPARE[type(op)](left, right):
                    return False
                left = right
            return True
        if isinstance(node, ast.Name):
            return summary[node.id]
        return node.value  # a number, checked in _check
