"""docs/migration.md: every call of its side-by-side tables exists, on both sides, and takes those arguments.

The stripe-python column is checked against the installed stripe-python (16.1, a test dependency),
the stripe_lite column against stripe_lite: each dotted name is looked up from its root (``client``,
``stripe``, ...), and each call's arguments are bound to the signature of what it calls.
"""

from __future__ import annotations

import ast
import inspect
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

import stripe_lite
import stripe_lite.webhooks

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "migration.md"
KEY = "sk_test_migrationGuide"

stripe = pytest.importorskip("stripe")


def _rows() -> list[tuple[str, str, str]]:
    """(task, stripe-python cell, stripe_lite cell) of the side-by-side table."""
    rows = []
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if len(cells) == 3 and cells[0] not in ("task", "---"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def _roots(side: str) -> dict[str, Any]:
    if side == "stripe":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            client = stripe.StripeClient(KEY)
        return {"stripe": stripe, "client": client, "customer": stripe.Customer}
    return {
        "stripe_lite": stripe_lite,
        "StripeClient": stripe_lite.StripeClient,
        "AsyncStripeClient": stripe_lite.AsyncStripeClient,
        "client": stripe_lite.StripeClient(api_key=KEY),
        "aclient": stripe_lite.AsyncStripeClient(api_key=KEY),
    }


def _chain(node: ast.expr) -> list[str] | None:
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id, *reversed(names)]
    return None


def _resolve(names: list[str], roots: dict[str, Any]) -> Any:
    target = roots[names[0]]
    for name in names[1:]:
        assert hasattr(target, name), f"{'.'.join(names)}: no {name!r} on {target!r}"
        target = getattr(target, name)
    return target


def _value(node: ast.expr) -> Any:
    try:
        return ast.literal_eval(node)
    except ValueError:
        return object()  # a name (payload, secret): any value binds


def _returned(function: Any, module: Any) -> Any:
    """The class a call's result is, from its return annotation (``ListObject[Customer]`` -> ListObject)."""
    annotation = inspect.signature(function).return_annotation
    name = str(annotation).split("[")[0].split(".")[-1].strip("'\"")
    return getattr(module, name)


def _check(code: str, roots: dict[str, Any], module: Any) -> int:
    """Check every call and dotted name of one code span; the number of calls checked."""
    tree = ast.parse(f"async def _():\n    {code}" if code.startswith("await ") else code)
    calls = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):
                inner = _resolve(_chain(node.func.value.func) or [], roots)
                assert hasattr(_returned(inner, module), node.func.attr), code
                calls += 1
                continue
            names = _chain(node.func)
            if names is None or names[0] not in roots:
                continue
            target = _resolve(names, roots)
            args = [_value(arg) for arg in node.args]
            kwargs = {kw.arg: _value(kw.value) for kw in node.keywords if kw.arg}
            inspect.signature(target).bind(*args, **kwargs)  # TypeError if the arguments do not fit
            calls += 1
        elif isinstance(node, ast.Attribute) and not isinstance(getattr(node, "parent", None), ast.Call):
            names = _chain(node)
            if names and names[0] in roots and names[0] not in ("client", "aclient"):
                _resolve(names[:2], roots)
    return calls


def _spans(cell: str) -> list[str]:
    found = []
    for span in re.findall(r"`([^`]+)`", cell):
        try:
            ast.parse(f"async def _():\n    {span}" if span.startswith("await ") else span)
        except SyntaxError:
            continue
        found.append(span)
    return found


ROWS = _rows()


def test_the_table_is_read() -> None:
    assert len(ROWS) >= 20
    assert all(_spans(stripe_python) and _spans(lite) for _, stripe_python, lite in ROWS)


@pytest.mark.parametrize(("task", "cell"), [(task, cell) for task, cell, _ in ROWS], ids=[r[0] for r in ROWS])
def test_each_stripe_python_call_exists_in_stripe_python_16(task: str, cell: str) -> None:
    assert stripe.VERSION.startswith("16.")
    roots = _roots("stripe")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        checked = sum(_check(code, roots, stripe) for code in _spans(cell))
    assert checked or "last_response" in cell, f"{task}: no call checked in {cell}"


@pytest.mark.parametrize(("task", "cell"), [(task, cell) for task, _, cell in ROWS], ids=[r[0] for r in ROWS])
def test_each_stripe_lite_call_exists(task: str, cell: str) -> None:
    roots = _roots("lite")
    assert sum(_check(code, roots, stripe_lite) for code in _spans(cell)), f"{task}: no call checked in {cell}"


def test_a_wrong_call_is_caught() -> None:
    roots = _roots("stripe")
    with pytest.raises(AssertionError, match="no 'craete'"):
        _check('client.v1.customers.craete({"email": "x"})', roots, stripe)
    with pytest.raises(TypeError):
        _check('client.v1.customers.create(email="x")', roots, stripe)  # stripe-python takes a params dict
    with pytest.raises(TypeError):
        _check('client.customers.create({"email": "x"})', _roots("lite"), stripe_lite)
