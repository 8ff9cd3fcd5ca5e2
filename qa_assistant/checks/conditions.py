"""A tiny, safe expression language for the packs' decision rules.

``"factor >= 3 and factor_link >= 1"`` is parsed with :mod:`ast` and only comparisons, boolean
operators, ``not``, names and numbers are allowed, so a pack can never execute code. A bare
name means "greater than zero"; an unknown name is 0, so a pack can refer to features that a
draft does not produce.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping

_CMP = {
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}

Features = Mapping[str, float]


def condition_names(text: str) -> set[str]:
    """The feature names a condition reads."""
    return {n.id for n in ast.walk(ast.parse(text, mode="eval")) if isinstance(n, ast.Name)}


def compile_condition(text: str) -> Callable[[Features], bool]:
    tree = ast.parse(text, mode="eval")
    fn = _compile(tree.body)
    return lambda features: bool(fn(features))


def _compile(node: ast.AST) -> Callable[[Features], float | bool]:
    if isinstance(node, ast.BoolOp):
        parts = [_compile(v) for v in node.values]
        if isinstance(node.op, ast.And):
            return lambda f: all(p(f) for p in parts)
        return lambda f: any(p(f) for p in parts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _compile(node.operand)
        return lambda f: not inner(f)
    if isinstance(node, ast.Compare):
        left = _compile(node.left)
        ops = [(_CMP[type(op)], _compile(c)) for op, c in zip(node.ops, node.comparators)]
        if any(type(op) not in _CMP for op in node.ops):
            raise ValueError("unsupported comparison")

        def compare(f: Features) -> bool:
            value = left(f)
            for fn, right in ops:
                other = right(f)
                if not fn(value, other):
                    return False
                value = other
            return True

        return compare
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        a, b = _compile(node.left), _compile(node.right)
        if isinstance(node.op, ast.Add):
            return lambda f: a(f) + b(f)
        return lambda f: a(f) - b(f)
    if isinstance(node, ast.Name):
        name = node.id
        return lambda f: f.get(name, 0)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        value = node.value
        return lambda f: value
    raise ValueError(f"not allowed in a rule condition: {ast.dump(node)[:60]}")
