"""A small, safe expression language for posting rules.

Expressions are parsed with Python's own parser and then only a whitelist of node types is
evaluated: numbers, strings, field names, + - * /, comparisons, and/or/not, ``in``,
conditional expressions, and the functions round, abs, min, max. Nothing is ever passed to
``eval``; attribute access, subscripts, lambdas, comprehensions and calls of anything else
are refused when the rule is saved.
"""

from __future__ import annotations

import ast
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any


class ExpressionError(ValueError):
    """The expression cannot be parsed or evaluated; the message says why."""


_BINARY = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}
_COMPARE = {
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


def _round(value: Decimal, places: int = 2) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)


_FUNCTIONS = {"round": _round, "abs": abs, "min": min, "max": max}


@lru_cache(maxsize=4096)
def parse(source: str) -> ast.Expression:
    """Parse and vet an expression; raises ExpressionError naming what is not allowed."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the expression is empty")
    if len(source) > 500:
        raise ExpressionError("the expression is longer than 500 characters")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as error:
        raise ExpressionError(f"syntax error at column {error.offset}: {error.msg}") from None
    for node in ast.walk(tree):
        if isinstance(node, (ast.Expression, ast.Load, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not,
                             ast.USub, ast.UAdd, ast.BinOp, ast.Compare, ast.IfExp, ast.Name, ast.Tuple,
                             ast.List, *_BINARY, *_COMPARE)):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)) or (
                isinstance(node, ast.Constant) and node.value is None):
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS \
                and not node.keywords:
            continue
        raise ExpressionError(f"'{type(node).__name__}' is not allowed in an expression")
    return tree


def names(source: str) -> set[str]:
    """The field names an expression reads."""
    return {n.id for n in ast.walk(parse(source)) if isinstance(n, ast.Name)} - set(_FUNCTIONS)


def evaluate(source: str, fields: dict[str, Any]) -> Any:
    """Evaluate an expression over ``fields``; numbers are Decimal throughout."""
    return _eval(parse(source).body, fields)


def _eval(node: ast.AST, fields: dict[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or node.value is None or isinstance(node.value, str):
            return node.value
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        if node.id not in fields:
            raise ExpressionError(f"unknown field '{node.id}'")
        value = fields[node.id]
        return Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, fields), _eval(node.right, fields)
        if isinstance(node.op, ast.Add) and isinstance(left, str) and isinstance(right, str):
            return left + right
        if not isinstance(left, Decimal) or not isinstance(right, Decimal):
            raise ExpressionError("arithmetic needs numbers")
        try:
            return _BINARY[type(node.op)](left, right)
        except (ZeroDivisionError, InvalidOperation):
            raise ExpressionError("division by zero") from None
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, fields)
        if isinstance(node.op, ast.Not):
            return not value
        if not isinstance(value, Decimal):
            raise ExpressionError("a sign needs a number")
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BoolOp):
        values = (_eval(v, fields) for v in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, fields)
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = _eval(comparator, fields)
            try:
                if not _COMPARE[type(op)](left, right):
                    return False
            except TypeError:
                raise ExpressionError("these values cannot be compared") from None
            left = right
        return True
    if isinstance(node, ast.IfExp):
        return _eval(node.body, fields) if _eval(node.test, fields) else _eval(node.orelse, fields)
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(_eval(e, fields) for e in node.elts)
    if isinstance(node, ast.Call):
        args = [_eval(a, fields) for a in node.args]
        try:
            return _FUNCTIONS[node.func.id](*args)  # type: ignore[attr-defined]
        except (TypeError, ValueError, InvalidOperation):
            raise ExpressionError(f"bad arguments to {node.func.id}()") from None  # type: ignore[attr-defined]
    raise ExpressionError(f"'{type(node).__name__}' is not allowed in an expression")
