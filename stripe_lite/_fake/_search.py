"""Stripe's search query language, the common forms: ``status:'active' AND metadata['order']:'6735'``.

Supported: ``field:'value'`` (equality; ``null`` for no value), ``field~'text'``
(substring, three characters at least), ``field>n``, ``<``, ``>=``, ``<=`` and
``=`` on numbers, ``-`` before a clause to negate it, ``metadata['key']`` and
dotted fields, and clauses joined by ``AND`` or by ``OR`` (not both in one
query, as Stripe requires).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ._errors import invalid

__all__ = ["compile_query"]

_CLAUSE = re.compile(
    r"""\s*(?P<neg>-)?(?P<field>[A-Za-z_][A-Za-z0-9_.]*(?:\[(?P<q>['"])(?P<key>.*?)(?P=q)\])?)"""
    r"""\s*(?P<op>>=|<=|:|~|>|<|=)\s*"""
    r"""(?:(?P<vq>['"])(?P<text>(?:\\.|(?!(?P=vq)).)*)(?P=vq)|(?P<bare>-?[0-9]+(?:\.[0-9]+)?|null))\s*"""
)
_JOIN = re.compile(r"\s+(AND|OR)\s+")

Predicate = Callable[[dict[str, Any]], bool]


def compile_query(query: str) -> Predicate:
    """A predicate on objects for ``query``; a 400 naming ``query`` for what this fake cannot read."""
    position = 0
    clauses: list[Predicate] = []
    joins: set[str] = set()
    while True:
        match = _CLAUSE.match(query, position)
        if match is None:
            raise _bad(query, position)
        clauses.append(_clause(match))
        position = match.end()
        if position == len(query):
            break
        join = _JOIN.match(query, position - 1 if query[position - 1].isspace() else position)
        if join is None:
            raise _bad(query, position)
        joins.add(join.group(1))
        position = join.end()
    if len(joins) > 1:
        raise invalid(
            "Query is invalid: AND and OR cannot be combined in one query; use one or the other.", "query"
        )
    if "OR" in joins:
        return lambda obj: any(clause(obj) for clause in clauses)
    return lambda obj: all(clause(obj) for clause in clauses)


def _bad(query: str, position: int) -> Exception:
    return invalid(
        f"Query is invalid: could not read it from character {position} ({query[position:position + 20]!r}). "
        "Write clauses like field:'value', metadata['key']:'value' or amount>1000, joined by AND or OR.",
        "query",
    )


def _clause(match: re.Match[str]) -> Predicate:
    field = match.group("field")
    key = match.group("key")
    path = field.split("[", 1)[0].split(".")
    if key is not None:
        path = [*path, key]
    op = match.group("op")
    text = match.group("text")
    bare = match.group("bare")
    negate = bool(match.group("neg"))
    if text is not None:
        wanted: Any = text.replace("\\'", "'").replace('\\"', '"')
    elif bare == "null":
        wanted = None
    else:
        wanted = float(bare) if bare is not None else None

    def value_of(obj: dict[str, Any]) -> Any:
        value: Any = obj
        for part in path:
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        if isinstance(value, dict) and "id" in value:
            return value["id"]
        return value

    def test(obj: dict[str, Any]) -> bool:
        value = value_of(obj)
        if op == ":":
            if wanted is None:
                return value is None
            if isinstance(value, bool):
                return str(value).lower() == str(wanted).lower()
            if isinstance(value, (int, float)) and isinstance(wanted, (int, float)):
                return value == wanted
            return value is not None and str(value).lower() == str(wanted).lower()
        if op == "~":
            return isinstance(value, str) and str(wanted).lower() in value.lower()
        number = _number(wanted)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or number is None:
            return False
        return {">": value > number, "<": value < number, ">=": value >= number, "<=": value <= number,
                "=": value == number}[op]

    if negate:
        return lambda obj: not test(obj)
    return test


def _number(value: Any) -> float | None:
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
