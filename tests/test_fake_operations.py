"""Every /v1/ operation of the description is served by FakeStripe, and its answer fits the operation's schema.

Each operation gets the least a caller must send: its required parameters, with
values made from their schemas, and ids of objects stored first for its path.
The operations that run a flow get what the flow needs (a payment method, a
pending authorization, ...). The answer is checked against the description
itself (tests/fake_schema.py), not against the fake's compact copy of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from stripe_lite._encoding import encode_form, urlencode_pairs
from stripe_lite._fake._spec import spec
from stripe_lite.testing import FakeStripe

from .fake_schema import description, operations, problems, response_schema

KEY = "sk_test_operations"


def value_for(schema: dict[str, Any], depth: int = 0) -> Any:
    """The simplest value a parameter of ``schema`` takes."""
    if "$ref" in schema:
        raise AssertionError("request parameters are inline")
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        usable = [m for m in members if m.get("enum") != [""]]
        return value_for(usable[0], depth)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "integer":
        return 1000 if schema.get("format") != "unix-time" else 1_900_000_000
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "array":
        return [value_for(schema.get("items", {}), depth + 1)]
    if kind == "object":
        properties = schema.get("properties") or {}
        # Some object (not empty: the form format cannot send an empty one).
        names = list(schema.get("required", ())) or sorted(properties)[:1]
        if not names:
            return {"key": "value"}
        return {name: value_for(properties[name], depth + 1) for name in names if name in properties}
    if schema.get("format") == "binary":
        return b"file content"
    return "usd" if schema.get("maxLength") == 3 else "x"


def required_params(method: str, path: str) -> dict[str, Any]:
    operation = description()["paths"][path][method.lower()]
    params: dict[str, Any] = {}
    for p in operation.get("parameters", []):
        if p["in"] == "query" and p.get("required"):
            params[p["name"]] = value_for(p["schema"])
    for content in operation.get("requestBody", {}).get("content", {}).values():
        schema = content["schema"]
        for name in schema.get("required", []):
            params[name] = value_for(schema["properties"][name])
    if "query" in params and path.endswith("/search"):
        params["query"] = "metadata['order']:'6735'"
    return params


class World:
    """A fake, and the objects an operation's path and flow need."""

    def __init__(self, fake: FakeStripe) -> None:
        self.fake = fake
        self.http = httpx.Client(transport=fake.transport(), base_url="https://api.stripe.com",
                                 headers={"Authorization": f"Bearer {KEY}"})

    def call(self, method: str, path: str, params: dict[str, Any] | None = None) -> httpx.Response:
        params = dict(params or {})
        files = {k: ("a.txt", params.pop(k)) for k, v in list(params.items()) if isinstance(v, bytes)}
        pairs = encode_form(params) if params else []
        if method == "GET" or method == "DELETE":
            return self.http.request(method, path, params=pairs)
        if files:
            data = {k: v for k, v in pairs if k not in files}
            return self.http.request(method, path, data=data, files=files)
        return self.http.request(method, path, content=urlencode_pairs(pairs),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})

    def ok(self, method: str, path: str, params: dict[str, Any] | None = None) -> Any:
        response = self.call(method, path, params)
        assert response.status_code == 200, (method, path, response.text)
        return response.json()

    def stored(self, schema: str, **fields: Any) -> str:
        name = spec().object_name(schema) or schema
        obj = self.fake.add(name, fields)
        return str(obj["id"])

    def customer(self) -> str:
        return str(self.ok("POST", "/v1/customers", {"email": "jenny@example.com"})["id"])

    def intent(self, **params: Any) -> dict[str, Any]:
        result: dict[str, Any] = self.ok("POST", "/v1/payment_intents", {"amount": 2000, "currency": "usd", **params})
        return result

    def issuing_card(self) -> str:
        holder = self.ok("POST", "/v1/issuing/cardholders", {"name": "Jenny Rosen", "type": "individual", "billing": {
            "address": {"line1": "1 Main St", "city": "SF", "country": "US", "postal_code": "94111"}}})
        card = self.ok("POST", "/v1/issuing/cards", {"cardholder": holder["id"], "currency": "usd", "type": "virtual",
                                                      "status": "active"})
        return str(card["id"])

    def authorization(self) -> str:
        auth = self.ok("POST", "/v1/test_helpers/issuing/authorizations", {"card": self.issuing_card(), "amount": 500})
        return str(auth["id"])

    def close(self) -> None:
        self.http.close()


Setup = Callable[[World], tuple[dict[str, str], dict[str, Any]]]
"""For a flow: the path ids and the parameters its operation needs."""


def _paid_charge(world: World) -> str:
    return str(world.intent(payment_method="pm_card_visa", confirm=True)["latest_charge"])


def _uncaptured(world: World) -> dict[str, Any]:
    return world.intent(payment_method="pm_card_visa", confirm=True, capture_method="manual")


FLOW_SETUPS: dict[str, Setup] = {
    "POST /v1/payment_intents": lambda w: ({}, {"amount": 2000, "currency": "usd"}),
    "POST /v1/payment_intents/{intent}/confirm": lambda w: (
        {"intent": w.intent()["id"]}, {"payment_method": "pm_card_visa"}),
    "POST /v1/payment_intents/{intent}/capture": lambda w: ({"intent": _uncaptured(w)["id"]}, {}),
    "POST /v1/payment_intents/{intent}/cancel": lambda w: ({"intent": w.intent()["id"]}, {}),
    "POST /v1/payment_intents/{intent}": lambda w: ({"intent": w.intent()["id"]}, {"description": "x"}),
    "POST /v1/setup_intents/{intent}/confirm": lambda w: (
        {"intent": w.ok("POST", "/v1/setup_intents")["id"]}, {"payment_method": "pm_card_visa"}),
    "POST /v1/setup_intents/{intent}/cancel": lambda w: ({"intent": w.ok("POST", "/v1/setup_intents")["id"]}, {}),
    "POST /v1/payment_methods/{payment_method}/attach": lambda w: (
        {"payment_method": "pm_card_visa"}, {"customer": w.customer()}),
    "POST /v1/payment_methods/{payment_method}/detach": lambda w: (
        {"payment_method": w.ok("POST", "/v1/payment_methods/pm_card_visa/attach", {"customer": w.customer()})["id"]},
        {}),
    "POST /v1/refunds": lambda w: ({}, {"charge": _paid_charge(w)}),
    "POST /v1/charges/{charge}/refunds": lambda w: ({"charge": _paid_charge(w)}, {}),
    "POST /v1/charges/{charge}/refund": lambda w: ({"charge": _paid_charge(w)}, {}),
    "POST /v1/charges/{charge}/capture": lambda w: ({"charge": _uncaptured(w)["latest_charge"]}, {}),
    "POST /v1/charges": lambda w: ({}, {"amount": 2000, "currency": "usd", "source": "tok_visa"}),
    "POST /v1/refunds/{refund}/cancel": lambda w: ({"refund": w.stored("refund", status="requires_action")}, {}),
    "POST /v1/payouts/{payout}/reverse": lambda w: ({"payout": w.stored("payout", status="paid")}, {}),
    "POST /v1/customers/{customer}/sources": lambda w: ({"customer": w.customer()}, {"source": "tok_visa"}),
    "POST /v1/issuing/cards": lambda w: ({}, {"cardholder": w.ok("POST", "/v1/issuing/cardholders", {
        "name": "Jenny Rosen", "type": "individual", "billing": {"address": {
            "line1": "1 Main St", "city": "SF", "country": "US", "postal_code": "94111"}}})["id"], "currency": "usd",
        "type": "virtual"}),
    "POST /v1/test_helpers/issuing/authorizations": lambda w: ({}, {"card": w.issuing_card(), "amount": 500}),
    "POST /v1/test_helpers/issuing/transactions/create_force_capture": lambda w: (
        {}, {"card": w.issuing_card(), "amount": 500}),
    "POST /v1/test_helpers/issuing/transactions/create_unlinked_refund": lambda w: (
        {}, {"card": w.issuing_card(), "amount": 500}),
    "POST /v1/test_helpers/issuing/transactions/{transaction}/refund": lambda w: ({"transaction": w.ok(
        "POST", "/v1/test_helpers/issuing/transactions/create_force_capture", {"card": w.issuing_card(), "amount": 500}
    )["id"]}, {}),
    "POST /v1/checkout/sessions/{session}/expire": lambda w: ({"session": w.ok("POST", "/v1/checkout/sessions", {
        "mode": "setup", "currency": "usd", "success_url": "https://example.com/ok"})["id"]}, {}),
    "POST /v1/payouts/{payout}/cancel": lambda w: (
        {"payout": w.ok("POST", "/v1/payouts", {"amount": 500, "currency": "usd"})["id"]}, {}),
    "POST /v1/payment_links": lambda w: ({}, {"line_items": [{"quantity": 1, "price": w.ok("POST", "/v1/prices", {
        "currency": "usd", "unit_amount": 500, "product_data": {"name": "T-shirt"}})["id"]}]}),
    "POST /v1/checkout/sessions": lambda w: ({}, {"mode": "payment", "success_url": "https://example.com/ok",
                                                  "line_items": [{"quantity": 1, "price_data": {
                                                      "currency": "usd", "unit_amount": 500,
                                                      "product_data": {"name": "T-shirt"}}}]}),
}
for _verb in ("capture", "expire", "reverse", "increment", "finalize_amount"):
    FLOW_SETUPS[f"POST /v1/test_helpers/issuing/authorizations/{{authorization}}/{_verb}"] = lambda w, v=_verb: (
        {"authorization": w.authorization()},
        {"increment_amount": 100} if v == "increment" else {"final_amount": 100} if v == "finalize_amount" else {},
    )
for _verb in ("approve", "decline"):
    FLOW_SETUPS[f"POST /v1/issuing/authorizations/{{authorization}}/{_verb}"] = lambda w: (
        {"authorization": w.authorization()}, {})


def _ids_for(world: World, method: str, path: str, segments: list[str]) -> dict[str, str]:
    """An id for every path parameter: an object stored first, of the type the path names."""
    ids: dict[str, str] = {}
    answers = _answer_types(method, path)
    for index, segment in enumerate(segments):
        if not segment.startswith("{"):
            continue
        schema = spec().id_type(tuple(segments), index)
        name = segment[1:-1]
        if schema is None or (index == len(segments) - 1 and answers and schema not in answers):
            schema = next(iter(answers), None)
        if schema is None or spec().is_deleted(schema):
            ids[name] = "x"
            continue
        parents = {n: v for n, v in ids.items() if n in spec().properties(schema)}
        ids[name] = world.stored(schema, **parents)
    return ids


def _answer_types(method: str, path: str) -> list[str]:
    types = spec().by_key[f"{method} {path}"].response_types
    return [t for t in types if not spec().is_deleted(t)]


def test_every_v1_operation_is_checked() -> None:
    assert len(operations()) == len(spec().operations) == 587


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    fake = FakeStripe()
    w = World(fake)
    yield w
    w.close()


@pytest.mark.parametrize(("method", "path"), operations(), ids=[f"{m} {p}" for m, p in operations()])
def test_every_operation_is_served_and_its_answer_fits_the_schema(world: World, method: str, path: str) -> None:
    key = f"{method} {path}"
    setup = FLOW_SETUPS.get(key)
    if setup is not None:
        ids, params = setup(world)
    else:
        segments = path.split("/")[2:]
        ids = _ids_for(world, method, path, segments)
        params = required_params(method, path)
    concrete = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
    response = world.call(method, concrete, params)
    assert response.status_code == 200, f"{key}: {response.status_code} {response.text[:600]}"
    assert response.headers["request-id"].startswith("req_")
    schema = response_schema(method, path)
    if "binary" in schema:
        assert response.content
        return
    assert problems(schema, response.json()) == []


def test_the_schema_check_bites() -> None:
    schema = response_schema("GET", "/v1/payment_intents/{intent}")
    fake = FakeStripe()
    with fake.client() as client:
        intent = client.payment_intents.create(amount=2000, currency="usd").to_dict()
    assert problems(schema, intent) == []
    assert problems(schema, {**intent, "amount": "2000"}) == ["$.amount: str where the schema wants integer"]
    assert problems(schema, {**intent, "status": "paid"})[0].startswith("$.status: 'paid' is not one of")
    assert problems(schema, {k: v for k, v in intent.items() if k != "livemode"}) == [
        "$: required key 'livemode' missing"
    ]
    assert problems(schema, {**intent, "id": None}) == ["$.id: null where the schema does not allow it"]
    assert "fits none" in problems(schema, {**intent, "customer": 12})[0]
