"""Stripe objects built from the API description, for the realistic rows (M1, M3, M5b, M6, M7).

The description (``codegen/stripe_spec.json``) is read as plain JSON; nothing of
``codegen`` is imported. An object is built by walking its schema:

* **every documented field is present**, nullable or not, with a value:
  nested objects are filled recursively down to ``MAX_DEPTH`` levels below
  the top object; past that, a nullable object is ``null`` and a required one
  holds its required fields only;
* an **expandable field** (an id or the object it names) is the id, except the
  fields named in ``expand``, which become the whole object (a PaymentIntent's
  ``payment_method`` as a full PaymentMethod, say), built the same way;
* a list object (``{"object": "list", "data": [...]}``) holds one item, other
  arrays one or two, a map (``metadata``) two entries;
* scalars get plausible values from the field's name and format (ids with
  their object's prefix, e-mail addresses, amounts, Unix times, URLs, enum
  members, ...), drawn from a seeded generator per object, so every object
  differs (ids, amounts, names, dates) while the bytes stay the same from run
  to run and process to process.

Where the description would be absurd as data, the objects follow what Stripe
sends instead:

* **Per-payment-method-type containers** (``payment_method_options`` and the
  like, which declare one field per payment method type, some fifty) get the
  entries for the object's payment method types only: for a PaymentIntent,
  its ``payment_method_types``, ``["card", "link"]``.
* **Tagged unions** (an object whose ``type`` names which of its fields is
  filled: a PaymentMethod and its ``card``, a card's ``wallet``, a
  ``next_action`` and its ``redirect_to_url``) fill the one field their
  ``type`` names: ``card`` for a PaymentMethod, the first member otherwise.
* **An error kept on an object** (a PaymentIntent's ``last_payment_error``)
  names the PaymentMethod that failed, in full, but not the intent, setup
  intent or source, which only an error response carries.

:func:`payment_intent` adds one field the description does not have
(``unreleased_feature``), which a client must keep as an unknown field.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "SPEC",
    "UNKNOWN_FIELD",
    "Builder",
    "builder",
    "object_schemas",
    "payment_intent",
]

SPEC = Path(__file__).resolve().parent.parent / "codegen" / "stripe_spec.json"
MAX_DEPTH = 4
SEED = 20_260_527
UNKNOWN_FIELD = ("unreleased_feature", {"enabled": True, "mode": "preview", "since": 1_767_225_600})
PI_TYPES = ("card", "link")

# Which field a tagged union whose ``type`` is a free string fills (no enum to read it from).
_TAGGED_BY_HAND = {
    "payment_intent_next_action": "redirect_to_url",
    "setup_intent_next_action": "redirect_to_url",
}
# Fields left out where Stripe does not send them: an error kept on an object (a PaymentIntent's
# last_payment_error) names the PaymentMethod that failed, but not the intent or a source, which
# only an error response carries.
_LEFT_OUT = {"api_errors": frozenset({"payment_intent", "setup_intent", "source"})}
# Id prefixes of the objects whose prefix is not just the start of their name.
_PREFIXES = {
    "account": "acct", "application": "ca", "application_fee": "fee", "balance_transaction": "txn",
    "bank_account": "ba", "card": "card", "charge": "ch", "checkout.session": "cs_test", "coupon": "co",
    "credit_note": "cn", "customer": "cus", "discount": "di", "dispute": "dp", "event": "evt", "file": "file",
    "invoice": "in", "invoiceitem": "ii", "mandate": "mandate", "payment_intent": "pi", "payment_link": "plink",
    "payment_method": "pm", "payout": "po", "plan": "plan", "price": "price", "product": "prod",
    "promotion_code": "promo", "quote": "qt", "refund": "re", "review": "prv", "setup_attempt": "setatt",
    "setup_intent": "seti", "source": "src", "subscription": "sub", "subscription_item": "si",
    "subscription_schedule": "sub_sched", "tax_rate": "txr", "test_helpers.test_clock": "clock",
    "token": "tok", "topup": "tu", "transfer": "tr", "transfer_reversal": "trr", "webhook_endpoint": "we",
}
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FIRST = ("Maya", "Jonas", "Aiko", "Lucas", "Priya", "Tomás", "Ingrid", "Kwame", "Sofia", "Ravi", "Lena", "Mateo")
_LAST = ("Lindqvist", "Okafor", "Tanaka", "Moreau", "Sharma", "Alvarez", "Berg", "Mensah", "Rossi", "Iyer")
_STREETS = ("SW Alder St", "NE Broadway", "Market St", "Elm Ave", "Harbor Blvd", "Cedar Ln", "Mission St")
_CITIES = (("Portland", "OR", "972"), ("Seattle", "WA", "981"), ("San Francisco", "CA", "941"),
           ("Austin", "TX", "787"), ("Denver", "CO", "802"), ("Chicago", "IL", "606"))
_WORDS = ("order", "priority", "express", "gift", "annual", "starter", "team", "renewal", "bundle", "refill")

Maker = Callable[["Draw"], Any]


class Draw:
    """The per-object source of values: a seeded generator and the object's index."""

    __slots__ = ("index", "rng")

    def __init__(self, index: int, salt: int = 0) -> None:
        self.index = index
        self.rng = random.Random(SEED * 1_000_003 + salt * 7_919 + index)

    def token(self, length: int) -> str:
        bits = self.rng.getrandbits(6 * length)
        out = []
        for _ in range(length):
            bits, digit = divmod(bits, 62)
            out.append(_ALNUM[digit])
        return "".join(out)

    def pick(self, options: tuple[Any, ...] | list[Any]) -> Any:
        return options[self.rng.randrange(len(options))]


def _const(value: Any) -> Maker:
    return lambda draw: value


def _object_maker(pairs: list[tuple[str, Maker]]) -> Maker:
    def make(draw: Draw) -> dict[str, Any]:
        return {key: maker(draw) for key, maker in pairs}

    return make


class Builder:
    """Builds objects of any schema of the description; see the module's doc."""

    def __init__(self, spec: Path = SPEC, max_depth: int = MAX_DEPTH) -> None:
        self.schemas: dict[str, Any] = json.loads(spec.read_bytes())["components"]["schemas"]
        self.max_depth = max_depth
        pi_types = self.schemas["payment_intent"]["properties"]["excluded_payment_method_types"]["items"]["enum"]
        pm_types = self.schemas["payment_method"]["properties"]["type"]["enum"]
        self.method_types = frozenset(pi_types) | frozenset(pm_types)
        self._plans: dict[tuple[str, int, tuple[str, ...], tuple[str, ...]], Maker] = {}

    # -- public --------------------------------------------------------------------

    def make(self, name: str, index: int, *, expand: tuple[str, ...] = (), types: tuple[str, ...] = PI_TYPES,
             salt: int = 0) -> dict[str, Any]:
        """Object number ``index`` of schema ``name`` (``salt`` separates series of the same schema)."""
        plan = self.plan(name, expand, types)
        made: dict[str, Any] = plan(Draw(index, salt))
        return made

    def plan(self, name: str, expand: tuple[str, ...] = (), types: tuple[str, ...] = PI_TYPES) -> Maker:
        key = (name, 0, expand, types)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._schema(self.schemas[name], name, 0, types, expand)
        return plan

    # -- the walk --------------------------------------------------------------------

    def _schema(self, schema: dict[str, Any], name: str, depth: int, types: tuple[str, ...],
                expand: tuple[str, ...] = ()) -> Maker:
        """A maker of one object of ``schema`` (a components schema or an inline one)."""
        props: dict[str, Any] = schema.get("properties") or {}
        if not props:
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                return self._map(extra, "", depth, types)
            return _const({})  # a free-form object: Stripe sends {} or a few keys of its own
        props = self._variants(name, props, types)
        if name in _LEFT_OUT:
            props = {key: value for key, value in props.items() if key not in _LEFT_OUT[name]}
        if depth > self.max_depth:
            required = {*(schema.get("required") or ()), "type"}
            props = {key: value for key, value in props.items() if key in required}
            if depth > self.max_depth + 2:
                props = {key: value for key, value in props.items() if "$ref" not in json.dumps(value)}
        resource = (props.get("object") or {}).get("enum", [None])[0] if "object" in props else None
        pairs: list[tuple[str, Maker]] = []
        for key, prop in props.items():
            if key in expand:
                pairs.append((key, self._expanded(prop, depth + 1)))
            else:
                pairs.append((key, self._value(prop, key, depth, types, resource, schema)))
        if name.startswith("deleted_"):
            pairs = [(key, _const(True) if key == "deleted" else maker) for key, maker in pairs]
        return _object_maker(pairs)

    def _variants(self, name: str, props: dict[str, Any], types: tuple[str, ...]) -> dict[str, Any]:
        """Drop the fields of the variants this object is not (see the module's doc)."""
        kind = props.get("type")
        members: set[str] = set()
        if kind is not None:
            members = set(kind.get("enum") or ()) & set(props)
            if not members and name in _TAGGED_BY_HAND:
                members = set(props) - {"type"}
            if not members and len(self.method_types & set(props)) >= 5:
                members = self.method_types & set(props)
        if kind is not None and len(members) >= 3:
            chosen = _TAGGED_BY_HAND.get(name)
            if chosen is None:
                chosen = next((t for t in types if t in members), None) or min(members)
            props = {key: value for key, value in props.items() if key not in members or key == chosen}
            props["type"] = {"enum": [chosen], "type": "string"}
            return props
        containers = self.method_types & set(props)
        if kind is not None and "enum" not in kind and containers:
            # A type named by a free string, beside the one container it names.
            props = dict(props)
            props["type"] = {"enum": [min(containers)], "type": "string"}
        if len(containers) >= 5:
            return {key: value for key, value in props.items() if key not in containers or key in types}
        return props

    def _expanded(self, prop: dict[str, Any], depth: int) -> Maker:
        target = prop["x-expansionResources"]["oneOf"][0]["$ref"].rsplit("/", 1)[1]
        return self._ref(target, depth, PI_TYPES)

    def _ref(self, name: str, depth: int, types: tuple[str, ...]) -> Maker:
        if name == "payment_method":
            types = ("card",)  # a PaymentMethod is of one type
        key = (name, depth, (), types)
        plan = self._plans.get(key)
        if plan is None:
            # A placeholder first: a schema that (indirectly) contains itself reuses the plan being built.
            holder: list[Maker] = []
            self._plans[key] = lambda draw: holder[0](draw)
            built = self._schema(self.schemas[name], name, depth, types)
            holder.append(built)
            plan = self._plans[key] = built
        return plan

    def _value(self, prop: dict[str, Any], key: str, depth: int, types: tuple[str, ...], resource: str | None,
               parent: dict[str, Any]) -> Maker:
        nullable = bool(prop.get("nullable"))
        if "anyOf" in prop or "oneOf" in prop:
            options = prop.get("anyOf") or prop.get("oneOf")
            if "x-expansionResources" in prop:
                target = prop["x-expansionResources"]["oneOf"][0]["$ref"].rsplit("/", 1)[1]
                return self._id_of(target)
            refs = [option for option in options if "$ref" in option or "properties" in option]
            if refs:
                if depth + 1 > self.max_depth and nullable:
                    return _const(None)
                return self._value(refs[0], key, depth, types, resource, parent)
            return self._value(options[0], key, depth, types, resource, parent)
        if "$ref" in prop:
            name = prop["$ref"].rsplit("/", 1)[1]
            if depth + 1 > self.max_depth and nullable:
                return _const(None)
            return self._ref(name, depth + 1, types)
        kind = prop.get("type")
        if kind == "object":
            if depth + 1 > self.max_depth and nullable:
                return _const(None)
            if key == "metadata":
                return lambda draw: {"order_id": str(20_000 + draw.index), "storefront": "pdx-web"}
            return self._schema(prop, key, depth + 1, types)
        if kind == "array":
            return self._array(prop, key, depth, types)
        if key == "id" and resource is not None:
            return self._id_of(resource, by_object=True)
        if key == "object" and "enum" in prop:
            return _const(prop["enum"][0])
        if "enum" in prop:
            return self._enum(prop["enum"], key)
        if kind == "string":
            return _string(key, prop.get("format"))
        if kind == "integer":
            return _integer(key, prop.get("format"))
        if kind == "number":
            return lambda draw: round(draw.rng.uniform(0, 100), 2)
        if kind == "boolean":
            return lambda draw: draw.rng.random() < 0.5
        return _const(None)

    def _map(self, item: dict[str, Any], key: str, depth: int, types: tuple[str, ...]) -> Maker:
        value = self._value(item, key, depth, types, None, {})
        return lambda draw: {"first": value(draw), "second": value(draw)}

    def _array(self, prop: dict[str, Any], key: str, depth: int, types: tuple[str, ...]) -> Maker:
        if key in ("payment_method_types", "allowed_payment_method_types"):
            return lambda draw: list(types)
        item = prop.get("items") or {}
        if "enum" in item:
            members = item["enum"]
            return _const(list(members[:2]))
        if item.get("type") == "string" and "format" not in item:
            return lambda draw: [draw.token(14), draw.token(14)]
        if depth + 1 > self.max_depth:
            return _const([])
        one = self._value(item, key, depth, types, None, {})
        return lambda draw: [one(draw)]

    def _enum(self, members: list[Any], key: str) -> Maker:
        members = [member for member in members if member != ""] or members
        if key == "status" and "succeeded" in members:
            weighted = ("succeeded",) * 6 + tuple(m for m in ("requires_capture", "processing", "canceled")
                                                    if m in members)
            return lambda draw: weighted[draw.index % len(weighted)]
        options = tuple(members)
        return lambda draw: draw.pick(options)

    def _id_of(self, resource: str, by_object: bool = False) -> Maker:
        if not by_object:
            schema = self.schemas.get(resource, {})
            resource = ((schema.get("properties") or {}).get("object") or {}).get("enum", [resource])[0]
        prefix = _PREFIXES.get(resource) or resource.rsplit(".", 1)[-1].replace("_", "")[:5]
        return lambda draw: f"{prefix}_1Q{draw.token(22)}"


def _string(key: str, fmt: str | None) -> Maker:
    if fmt == "decimal":
        return lambda draw: f"{draw.rng.randrange(1, 100_000) / 1000:.3f}"
    if fmt == "int64":
        return lambda draw: str(draw.rng.randrange(1, 10**12))
    if fmt == "date-time":
        return lambda draw: (f"2026-0{draw.rng.randrange(1, 10)}-1{draw.rng.randrange(10)}"
                             f"T12:{draw.rng.randrange(60):02d}:00.000Z")
    if key == "currency" or fmt == "currency" or key.endswith("_currency"):
        return _const("usd")
    if key == "country" or key.endswith("_country"):
        return _const("US")
    if "email" in key:
        return lambda draw: f"{draw.pick(_FIRST).lower()}.{draw.pick(_LAST).lower()}@example.org".replace("á", "a")
    if "phone" in key:
        return lambda draw: f"+1503555{draw.rng.randrange(10_000):04d}"
    if key == "name" or key.endswith("_name"):
        return lambda draw: f"{draw.pick(_FIRST)} {draw.pick(_LAST)}"
    if key == "city":
        return lambda draw: draw.pick(_CITIES)[0]
    if key == "state":
        return lambda draw: draw.pick(_CITIES)[1]
    if key == "postal_code":
        return lambda draw: f"{draw.pick(_CITIES)[2]}{draw.rng.randrange(100):02d}"
    if key == "line1":
        return lambda draw: f"{draw.rng.randrange(10, 9999)} {draw.pick(_STREETS)}"
    if key == "line2":
        return lambda draw: f"Unit {draw.rng.randrange(1, 40)}"
    if key.endswith("url"):
        return lambda draw: f"https://hooks.stripe.com/redirect/authenticate/src_1Q{draw.token(22)}"
    if "last4" in key:
        return lambda draw: f"{draw.rng.randrange(10_000):04d}"
    if key in ("brand", "display_brand", "network"):
        return _const("visa")
    if key == "funding":
        return _const("credit")
    if key == "client_secret":
        return lambda draw: f"pi_3Q{draw.token(20)}_secret_{draw.token(25)}"
    if key in ("description", "statement_descriptor", "statement_descriptor_suffix"):
        return lambda draw: f"Order {20_000 + draw.index} ({draw.pick(_WORDS)})"
    return lambda draw: f"{draw.pick(_WORDS)}_{draw.token(10)}"


def _integer(key: str, fmt: str | None) -> Maker:
    if fmt == "unix-time" or key in ("created", "expires_at"):
        return lambda draw: 1_736_800_000 - draw.index * 173 - draw.rng.randrange(170)
    if "amount" in key or key in ("total", "subtotal", "balance"):
        return lambda draw: draw.rng.randrange(500, 250_000)
    if key == "exp_month":
        return lambda draw: draw.rng.randrange(1, 13)
    if key == "exp_year":
        return lambda draw: draw.rng.randrange(2027, 2033)
    return lambda draw: draw.rng.randrange(0, 100)


@cache
def builder() -> Builder:
    return Builder()


def payment_intent(index: int) -> dict[str, Any]:
    """PaymentIntent number ``index``: every field, ``payment_method`` expanded, one unknown field."""
    made = builder().make("payment_intent", index, expand=("payment_method",))
    key, value = UNKNOWN_FIELD
    made[key] = dict(value)
    return made


def object_schemas() -> dict[str, tuple[str, bool]]:
    """Every schema with an ``object`` name: schema name -> (object name, whether it is a deleted form)."""
    found = {}
    for name, schema in builder().schemas.items():
        member = (schema.get("properties") or {}).get("object") or {}
        if len(member.get("enum") or ()) == 1 and member["enum"][0] not in ("list", "search_result"):
            found[name] = (member["enum"][0], name.startswith("deleted_"))
    return found
