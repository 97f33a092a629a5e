"""The generator: its input is facts only, its output is up to date, its naming rule holds."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import stripe_lite  # noqa: E402
from codegen import refresh_spec  # noqa: E402
from codegen.generate import stale_files  # noqa: E402
from codegen.operations import Operation, read_operations  # noqa: E402
from codegen.overrides import METHOD_NAMES, OBJECT_ALIASES, POSITIONAL_NAMES  # noqa: E402
from codegen.schema import Spec  # noqa: E402

SPEC = json.loads((ROOT / "codegen" / "stripe_spec.json").read_text(encoding="utf-8"))


def test_generated_code_is_up_to_date() -> None:
    assert stale_files() == [], "run: python -m codegen.generate"


def test_the_client_sends_the_version_the_models_follow() -> None:
    assert stripe_lite.API_VERSION == SPEC["info"]["version"] == "2026-05-27.dahlia"


def _prose(value: Any, parent: str = "") -> list[str]:
    """Where the trimmed description still holds annotations of prose."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            names = parent in ("properties", "paths", "schemas", "responses", "content")
            if not names and key in ("description", "summary"):
                found.append(key)
            found += _prose(item, key if not names else "")
    elif isinstance(value, list):
        for item in value:
            found += _prose(item, parent)
    return found


def test_the_trimmed_description_holds_facts_not_prose() -> None:
    assert _prose(SPEC) == []
    # Properties that are *called* description are facts about the API, and stay.
    assert "description" in SPEC["components"]["schemas"]["refund"]["properties"]


def test_trimming_drops_prose_keeps_facts_and_is_deterministic() -> None:
    raw = {
        "openapi": "3.0.0",
        "info": {"version": "v", "description": "Stripe's words"},
        "servers": [{"url": "https://api.stripe.com/"}],
        "paths": {
            "/v1/things": {
                "post": {
                    "summary": "words",
                    "description": "more words",
                    "operationId": "PostThings",
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "properties": {"description": {"type": "string", "description": "words"}},
                                    "type": "object",
                                },
                                "encoding": {"description": {"style": "deepObject"}},
                            }
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"thing": {"description": "words", "type": "object", "x-resourceId": "thing"}}},
    }
    trimmed = refresh_spec.trim(raw)
    assert _prose(trimmed) == []
    body = trimmed["paths"]["/v1/things"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert body == {"schema": {"properties": {"description": {"type": "string"}}, "type": "object"}}
    assert trimmed["components"]["schemas"]["thing"] == {"type": "object", "x-resourceId": "thing"}
    assert trimmed["info"]["version"] == "v"
    assert refresh_spec.dump(trimmed) == refresh_spec.dump(refresh_spec.trim(raw))


@pytest.fixture(scope="module")
def operations() -> list[Operation]:
    return read_operations(Spec.load())


def test_every_v1_operation_is_named_once(operations: list[Operation]) -> None:
    in_spec = {(m, p) for p, item in SPEC["paths"].items() if p.startswith("/v1/") for m in item}
    assert len(in_spec) == 587
    assert {(op.http, op.path) for op in operations} == in_spec
    names = [(op.service, op.method) for op in operations]
    assert len(set(names)) == len(names)


def test_every_override_names_something_in_the_description(operations: list[Operation]) -> None:
    by_key = {f"{op.http.upper()} {op.path}": op for op in operations}
    for key, name in METHOD_NAMES.items():
        assert key in by_key, key
        assert f"{by_key[key].dotted}.{by_key[key].method}" == name
    paths = {op.path for op in operations}
    assert set(POSITIONAL_NAMES) <= paths
    objects = {schema.get("properties", {}).get("object", {}).get("enum", [None])[0] for schema in SPEC["components"]["schemas"].values()}
    assert set(OBJECT_ALIASES.values()) <= objects
    assert not set(OBJECT_ALIASES) & objects


@pytest.mark.parametrize(
    ("http", "path", "name"),
    [
        # A namespace, a service, an action on one object.
        ("post", "/v1/issuing/cards", "issuing.cards.create"),
        ("post", "/v1/payment_intents/{intent}/confirm", "payment_intents.confirm"),
        # A nested collection, listed and created: a service of its own.
        ("get", "/v1/customers/{customer}/balance_transactions/{transaction}", "customers.balance_transactions.retrieve"),
        # Only listed: a method of the object it belongs to.
        ("get", "/v1/payment_links/{payment_link}/line_items", "payment_links.list_line_items"),
        # Read and written beside its object.
        ("post", "/v1/customers/{customer}/cash_balance", "customers.update_cash_balance"),
        # Created under an object but another kind of object: a service.
        ("post", "/v1/accounts/{account}/login_links", "accounts.login_links.create"),
        # A single object with no id.
        ("post", "/v1/balance_settings", "balance_settings.update"),
        ("get", "/v1/balance", "balance.retrieve"),
        ("get", "/v1/customers/search", "customers.search"),
        # Test helpers live under their own namespace.
        ("post", "/v1/test_helpers/issuing/authorizations/{authorization}/capture", "test_helpers.issuing.authorizations.capture"),
        # A keyword gets a trailing underscore.
        ("post", "/v1/test_helpers/treasury/outbound_payments/{id}/return", "test_helpers.treasury.outbound_payments.return_"),
        # The override table.
        ("get", "/v1/quotes/{quote}/pdf", "quotes.pdf"),
    ],
)
def test_the_naming_rule(operations: list[Operation], http: str, path: str, name: str) -> None:
    (op,) = [op for op in operations if (op.http, op.path) == (http, path)]
    assert f"{op.dotted}.{op.method}" == name


def test_path_ids_are_named_alike_across_sibling_paths(operations: list[Operation]) -> None:
    refunds = {op.method: op.positional for op in operations if op.dotted == "application_fees.refunds"}
    assert refunds["list"] == ["fee"] and refunds["retrieve"] == ["fee", "id"]
