"""The form encoder and path escaping: every wire rule, table-driven."""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import pytest

from stripe_lite._encoding import encode_form, encode_path_id, urlencode_pairs


class Color(str, enum.Enum):
    RED = "red"


CASES: list[tuple[str, dict[str, Any], list[tuple[str, str]]]] = [
    ("string", {"a": "x"}, [("a", "x")]),
    ("empty string is kept (unsets a field)", {"description": ""}, [("description", "")]),
    ("None is left out", {"a": None, "b": "x"}, [("b", "x")]),
    ("booleans", {"t": True, "f": False}, [("t", "true"), ("f", "false")]),
    ("int", {"amount": 2000}, [("amount", "2000")]),
    ("big int without exponent", {"n": 10**20}, [("n", "100000000000000000000")]),
    ("Decimal without exponent", {"d": Decimal("1E+3")}, [("d", "1000")]),
    ("small Decimal", {"d": Decimal("1.5E-7")}, [("d", "0.00000015")]),
    ("float", {"f": 12.5}, [("f", "12.5")]),
    ("tiny float without exponent", {"f": 1e-7}, [("f", "0.0000001")]),
    ("aware datetime as unix seconds", {"t": datetime.datetime(2024, 1, 1, 1, tzinfo=datetime.timezone.utc)},
     [("t", "1704070800")]),
    ("datetime in another zone", {"t": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))},
     [("t", "1704060000")]),
    ("nested dicts", {"a": {"b": {"c": "v"}}}, [("a[b][c]", "v")]),
    ("list", {"a": ["x", "y"]}, [("a[0]", "x"), ("a[1]", "y")]),
    ("tuple", {"a": ("x",)}, [("a[0]", "x")]),
    ("list of dicts", {"a": [{"k": "v"}, {"k": "w"}]}, [("a[0][k]", "v"), ("a[1][k]", "w")]),
    ("expand", {"expand": ["customer", "payment_method"]},
     [("expand[0]", "customer"), ("expand[1]", "payment_method")]),
    # The form format has no empty array: Stripe rejects "a=" for a list it cannot clear.
    ("empty list sends nothing", {"a": [], "b": {"c": []}}, []),
    ("empty dict sends nothing", {"metadata": {}}, []),
    # None inside a dict unsets that key, which Stripe reads from an empty value.
    ("None inside dict unsets the key", {"metadata": {"a": None, "b": "1"}}, [("metadata[a]", ""), ("metadata[b]", "1")]),
    ("None nested deeper unsets too", {"address": {"line2": None}}, [("address[line2]", "")]),
    ("str enum by value", {"c": Color.RED}, [("c", "red")]),
    ("int inside nested list", {"amounts": [32, 45]}, [("amounts[0]", "32"), ("amounts[1]", "45")]),
]


@pytest.mark.parametrize(("params", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_encode_form(params: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    assert encode_form(params) == expected


@pytest.mark.parametrize(
    ("value", "type_name"),
    [({1, 2}, "set"), (b"raw", "bytes"), (object(), "object"), (datetime.date(2024, 1, 1), "date")],
)
def test_unsupported_values_raise_type_error_naming_the_parameter(value: Any, type_name: str) -> None:
    with pytest.raises(TypeError, match=rf"parameter 'metadata\[nested\]\[0\]'.*{type_name}"):
        encode_form({"metadata": {"nested": [value]}})


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
def test_non_finite_numbers_are_refused(value: Any) -> None:
    with pytest.raises(ValueError, match="'amount'"):
        encode_form({"amount": value})


def test_a_naive_datetime_is_refused_not_guessed() -> None:
    # UTC or local time: either guess is hours off for someone, so neither is made.
    with pytest.raises(ValueError, match=r"'due\[at\]'.*time zone"):
        encode_form({"due": {"at": datetime.datetime(2024, 1, 1)}})


def test_non_string_keys_are_refused() -> None:
    with pytest.raises(TypeError, match="'metadata'"):
        encode_form({"metadata": {1: "x"}})


def test_urlencode_escapes_reserved_characters_and_round_trips() -> None:
    pairs = [("metadata[a&b=c]", "x y&z=%[]é"), ("q", "status:'succeeded'")]
    body = urlencode_pairs(pairs)
    assert body.count("&") == 1  # only the separator: the & inside keys and values is escaped
    assert parse_qsl(body, keep_blank_values=True) == pairs


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("pi_123", "pi_123"),
        ("a/b", "a%2Fb"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("../../v1/charges", "..%2F..%2Fv1%2Fcharges"),
        ("x?y=1", "x%3Fy%3D1"),
        ("x#frag", "x%23frag"),
        ("100%", "100%25"),
        ("a b", "a%20b"),
        ("ü", "%C3%BC"),
    ],
)
def test_path_ids_are_escaped(raw: str, escaped: str) -> None:
    assert encode_path_id(raw, "intent") == escaped


@pytest.mark.parametrize("raw", ["", " ", "\t\n"])
def test_empty_path_ids_raise(raw: str) -> None:
    with pytest.raises(ValueError, match="intent"):
        encode_path_id(raw, "intent")


def test_non_string_path_id_raises_type_error() -> None:
    with pytest.raises(TypeError, match="intent"):
        encode_path_id(123, "intent")  # type: ignore[arg-type]
