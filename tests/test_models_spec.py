"""Every model, against the schema it comes from: payloads built from Stripe's description round-trip.

For every schema in ``components.schemas`` that is a model (the four that are
only a choice between others have none):

- the model declares exactly the schema's properties, each annotated as the
  schema declares it (nullable, every enum value and open, the models an
  expansion or a choice can be, lists, maps, list objects; inline objects recursively);
- a payload with every property filled (nested and expanded objects to a
  depth bound, unknown keys added) decodes, gives back exactly its input,
  keeps the unknown keys in ``extra_fields``, and every attribute holds a
  value of its declared type (read from the annotations, recursively);
- ``construct`` picks the model from ``object`` (the Deleted model for a
  deleted object);
- leaving fields out keeps them unset (AttributeError), and still round-trips;
- the same, property-based (hypothesis), with nulls, ids instead of
  expansions, unlisted enum values, empty lists and unknown keys at any depth.
"""

from __future__ import annotations

import functools
import keyword
import os
import random
import types
import typing
from typing import Any, Literal, Union

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import InMemoryExampleDatabase

import stripe_lite.models as models
from stripe_lite.models import StripeList, StripeObject, UnknownObject, construct

from .spec_data import (
    Payloads,
    choice_members,
    class_name,
    is_choice,
    is_deleted_schema,
    model_schema_names,
    object_name,
    object_schema_names,
    schemas,
)

# An event and its data are generic classes, bound to a class per event type (its type's literal,
# its object's model): tests/test_events.py checks them against the description, type by type.
EVENT_SCHEMAS = ("event", "notification_event_data")
MODEL_SCHEMAS = [name for name in model_schema_names() if name not in EVENT_SCHEMAS]
OBJECT_SCHEMAS = set(object_schema_names())
UNKNOWN_PREFIX = "zz_unknown_"


def test_the_description_has_the_models_the_issue_counts() -> None:
    assert len(schemas()) == 1578
    assert len(MODEL_SCHEMAS) + len(EVENT_SCHEMAS) == 1574  # all but the four choice schemas
    assert len({object_name(s) for s in OBJECT_SCHEMAS}) >= 155


# -- the annotation checker --------------------------------------------------------------


@functools.cache
def namespace() -> dict[str, Any]:
    """Every public name of stripe_lite.models (all models), to resolve annotations with."""
    return {name: getattr(models, name) for name in models.__all__ if name != "converter"}


@functools.cache
def declared(cls: type) -> dict[str, Any]:
    """A model's public attributes and their types, from its annotations (base classes included)."""
    hints = typing.get_type_hints(cls, localns=namespace())
    return {name: tp for name, tp in hints.items() if not name.startswith("_")}


def attribute(wire: str) -> str:
    return f"{wire}_" if keyword.iskeyword(wire) else wire


def check_value(value: Any, tp: Any, where: str) -> None:
    """Fail unless ``value`` is of the type ``tp``; models are checked attribute by attribute."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any:
        return
    if tp is type(None):
        assert value is None, f"{where}: {value!r} is not None"
        return
    if origin in (Union, types.UnionType):
        failures = []
        for member in args:
            try:
                check_value(value, member, where)
                return
            except AssertionError as exc:
                failures.append(str(exc))
        raise AssertionError(f"{where}: {value!r} is none of {tp}: {failures}")
    if origin is Literal:
        assert any(type(value) is type(a) and value == a for a in args), f"{where}: {value!r} not in {args}"
        return
    if tp in (str, int, bool):
        assert type(value) is tp, f"{where}: {value!r} is not {tp.__name__}"
        return
    if tp is float:
        assert type(value) in (float, int), f"{where}: {value!r} is not a float"
        return
    if origin is list:
        assert type(value) is list, f"{where}: {value!r} is not a list"
        for index, item in enumerate(value):
            check_value(item, args[0], f"{where}[{index}]")
        return
    if origin is dict:
        assert type(value) is dict, f"{where}: {value!r} is not a dict"
        for key, item in value.items():
            assert type(key) is str, f"{where}: key {key!r}"
            check_value(item, args[1], f"{where}[{key!r}]")
        return
    if origin is StripeList:
        assert type(value) is StripeList, f"{where}: {value!r} is not a StripeList"
        check_model(value, where)
        for index, item in enumerate(getattr(value, "data", [])):
            check_value(item, args[0], f"{where}.data[{index}]")
        return
    if isinstance(tp, type) and issubclass(tp, StripeObject):
        if tp is StripeObject:  # any Stripe object
            assert isinstance(value, StripeObject), f"{where}: {value!r} is not a StripeObject"
        else:
            assert type(value) is tp, f"{where}: {type(value).__name__} is not {tp.__name__}"
        check_model(value, where)
        return
    raise AssertionError(f"{where}: the checker does not know the annotation {tp!r}")


def check_model(obj: StripeObject, where: str) -> None:
    """Every set attribute holds its declared type; only unknown keys are in ``extra_fields``."""
    if type(obj) is UnknownObject:
        return  # any object, kept whole in extra_fields
    hints = declared(type(obj))
    for name, tp in hints.items():
        try:
            value = getattr(obj, name)
        except AttributeError:
            continue
        if name == "data" and type(obj) is StripeList:
            assert type(value) is list, f"{where}.data: not a list"
            continue  # its items are checked by the caller, which knows their type
        check_value(value, tp, f"{where}.{name}")
    stray = [key for key in obj.extra_fields if not key.startswith(UNKNOWN_PREFIX)]
    assert not stray, f"{where}: declared keys ended in extra_fields: {stray}"


# -- the annotations, against the schema --------------------------------------------------


def union_of(tp: Any) -> list[Any]:
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [m for arg in typing.get_args(tp) for m in union_of(arg)]
    return [tp]


def check_declared(schema: dict[str, Any], cls: type, where: str) -> None:
    """The model declares exactly the schema's properties, each annotated as the property is declared."""
    hints = declared(cls)
    properties = schema.get("properties", {})
    assert set(hints) == {attribute(wire) for wire in properties}, f"{where}: {sorted(hints)}"
    required = set(schema.get("required", []))
    for wire, prop in properties.items():
        # Stripe sends null for the fields a schema does not list as required, marked nullable or not.
        check_annotation(prop, hints[attribute(wire)], f"{where}.{wire}", may_be_null=wire not in required)


def check_annotation(prop: dict[str, Any], tp: Any, where: str, *, may_be_null: bool = False) -> None:
    """The annotation says what the property holds: nullable or not, every enum value (and any other
    string: enums are open), every model an expansion or a choice can be, lists, maps and list objects."""
    members = union_of(tp)
    nullable = bool(prop.get("nullable")) or may_be_null
    assert (type(None) in members) == nullable, f"{where}: nullable? {tp}"
    members = [m for m in members if m is not type(None)]
    if "$ref" in prop or "anyOf" in prop or "oneOf" in prop:
        choices = _choices(prop)
        expected = {model_class(name) for name in choices}
        if "x-expansionResources" in prop:
            expected.add(str)
        assert set(members) == expected, f"{where}: {tp}, expected {sorted(map(repr, expected))}"
        return
    kind = prop.get("type")
    if kind in ("string", "boolean") and "enum" in prop:
        literals = {v for m in members if typing.get_origin(m) is Literal for v in typing.get_args(m)}
        assert literals == set(prop["enum"]), f"{where}: {tp} against the values {prop['enum']}"
        if kind == "string":
            assert str in members, f"{where}: {tp} is a closed enum"
        return
    scalar = {"string": str, "integer": int, "number": float, "boolean": bool}.get(kind or "")
    if scalar is not None:
        assert members == [scalar], f"{where}: {tp} is not {scalar.__name__}"
        return
    if kind is None:
        assert members == [Any], f"{where}: {tp} is not Any"
        return
    (single,) = members
    origin, args = typing.get_origin(single), typing.get_args(single)
    if kind == "array":
        assert origin is list, f"{where}: {tp} is not a list"
        check_annotation(prop.get("items", {}), args[0], f"{where}[]")
        return
    assert kind == "object", where
    properties = prop.get("properties")
    if properties is not None and properties.get("object", {}).get("enum") == ["list"]:
        assert origin is StripeList, f"{where}: {tp} is not a StripeList"
        check_annotation(properties["data"].get("items", {}), args[0], f"{where}.data[]")
    elif properties is not None:
        assert isinstance(single, type) and issubclass(single, StripeObject), f"{where}: {tp} is not a model"
        check_declared(prop, single, where)
    elif isinstance(prop.get("additionalProperties"), dict):
        assert origin is dict and args[0] is str, f"{where}: {tp} is not a dict"
        check_annotation(prop["additionalProperties"], args[1], f"{where}{{}}")
    else:  # any JSON object: kept as a dict, or decoded as whatever Stripe object it is
        assert single is StripeObject or (origin is dict and args == (str, Any)), f"{where}: {tp}"


def _choices(prop: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for member in [prop] if "$ref" in prop else prop.get("anyOf") or prop.get("oneOf"):
        if "$ref" in member:
            name = member["$ref"].rsplit("/", 1)[-1]
            found += choice_members(name) if is_choice(name) else [name]
    return found


# -- one model -------------------------------------------------------------------------


def model_class(schema_name: str) -> type[StripeObject]:
    name = class_name(schema_name)
    assert name in namespace(), f"no model {name} for the schema {schema_name}"
    cls = namespace()[name]
    assert isinstance(cls, type) and issubclass(cls, StripeObject)
    return cls


def check_payload(schema_name: str, payload: dict[str, Any], extras: dict[str, Any]) -> StripeObject:
    """The checks every payload of a schema must pass; ``extras``: the unknown keys at its top."""
    cls = model_class(schema_name)
    obj = cls.from_dict(payload)
    assert type(obj) is cls
    assert obj.to_dict() == payload
    assert dict(obj.extra_fields) == extras
    check_model(obj, cls.__name__)
    # construct() reads "object" (and "deleted"): only a payload that kept them can be told apart.
    if (
        schema_name in OBJECT_SCHEMAS
        and "object" in payload
        and (payload.get("deleted") is True or not is_deleted_schema(schema_name))
    ):
        picked = construct(payload)
        assert type(picked) is cls, f"construct picked {type(picked).__name__} for a {schema_name} payload"
        assert picked.to_dict() == payload
    return obj


def with_unknown_keys(payload: dict[str, Any], rng: random.Random, count: int) -> dict[str, Any]:
    extras = {f"{UNKNOWN_PREFIX}top_{i}": Payloads(rng).json_value(2) for i in range(count)}
    payload.update(extras)
    return extras


@pytest.mark.parametrize("schema_name", MODEL_SCHEMAS)
def test_model_from_its_schema(schema_name: str) -> None:
    cls = model_class(schema_name)
    properties = schemas()[schema_name].get("properties", {})
    check_declared(schemas()[schema_name], cls, cls.__name__)

    rng = random.Random(f"full {schema_name}")
    payload = Payloads(rng, depth=2).model(schema_name)
    assert set(payload) == set(properties), "every property filled"
    extras = with_unknown_keys(payload, rng, 2)
    check_payload(schema_name, payload, extras)

    # As many keys as the model declares, one of them unknown: a decoder counting keys must not be fooled.
    if properties:
        dropped = rng.choice(sorted(properties))
        swapped = {k: v for k, v in payload.items() if k != dropped and k not in extras}
        swapped[f"{UNKNOWN_PREFIX}instead"] = "x"
        assert len(swapped) == len(properties)
        obj = check_payload(schema_name, swapped, {f"{UNKNOWN_PREFIX}instead": "x"})
        assert not hasattr(obj, attribute(dropped))

    # Fields left out: unset, and the rest still round-trips.
    full = Payloads(rng, depth=1, id_rate=0.5, null_rate=0.3).model(schema_name)
    left_out = set(rng.sample(sorted(full), rng.randint(1, len(full)))) if full else set()
    partial = {k: v for k, v in full.items() if k not in left_out}
    obj = check_payload(schema_name, partial, {})
    for wire in left_out:
        with pytest.raises(AttributeError):
            getattr(obj, attribute(wire))


DELETED_SCHEMAS = [name for name in MODEL_SCHEMAS if is_deleted_schema(name)]


@pytest.mark.parametrize("schema_name", DELETED_SCHEMAS)
def test_construct_tells_deleted_objects_apart(schema_name: str) -> None:
    name = object_name(schema_name)
    assert name is not None
    (live,) = [s for s in OBJECT_SCHEMAS if object_name(s) == name and not is_deleted_schema(s)]
    payload = Payloads(random.Random(schema_name)).model(schema_name)
    assert payload["deleted"] is True
    assert type(construct(payload)) is model_class(schema_name)
    assert type(construct({**payload, "deleted": False})) is model_class(live)
    assert type(construct({k: v for k, v in payload.items() if k != "deleted"})) is model_class(live)


def test_a_deep_payload_round_trips() -> None:
    """One object filled three levels deep, for the schemas with the most nesting."""
    for schema_name in ("charge", "checkout.session", "invoice", "payment_intent", "subscription"):
        rng = random.Random(f"deep {schema_name}")
        payload = Payloads(rng, depth=3).model(schema_name)
        check_payload(schema_name, payload, {})


# -- property-based --------------------------------------------------------------------

# Few examples per model (there are 1,574 models); SPEC_SCALE=25 for a long run. An in-memory
# database keeps runs from writing files.
_SCALE = float(os.environ.get("SPEC_SCALE", "1"))
PROPERTY = settings(
    max_examples=max(1, int(4 * _SCALE)),
    deadline=None,
    database=InMemoryExampleDatabase(),
    suppress_health_check=list(HealthCheck),
)


@st.composite
def payload_styles(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "seed": draw(st.integers(0, 2**32 - 1)),
        "depth": draw(st.integers(0, 2)),
        "null_rate": draw(st.sampled_from([0.0, 0.3, 1.0])),
        "id_rate": draw(st.sampled_from([0.0, 0.5, 1.0])),
        "unknown_enum_rate": draw(st.sampled_from([0.0, 0.3])),
        "extra_rate": draw(st.sampled_from([0.0, 0.3])),
        "items": draw(st.sampled_from([(0, 0), (0, 2), (2, 2)])),
        "left_out": draw(st.sampled_from([0.0, 0.2, 0.6])),
        "top_extras": draw(st.integers(0, 2)),
    }


@pytest.mark.parametrize("schema_name", MODEL_SCHEMAS)
@PROPERTY
@given(style=payload_styles())
def test_model_round_trips_any_payload_of_its_schema(schema_name: str, style: dict[str, Any]) -> None:
    rng = random.Random(style["seed"])
    payloads = Payloads(
        rng,
        depth=style["depth"],
        null_rate=style["null_rate"],
        id_rate=style["id_rate"],
        unknown_enum_rate=style["unknown_enum_rate"],
        extra_rate=style["extra_rate"],
        items=style["items"],
    )
    payload = payloads.model(schema_name)
    left_out = {key for key in sorted(payload) if rng.random() < style["left_out"]}
    payload = {k: v for k, v in payload.items() if k not in left_out}
    extras = with_unknown_keys(payload, rng, style["top_extras"])
    obj = check_payload(schema_name, payload, extras)
    for wire in left_out:
        assert not hasattr(obj, attribute(wire))


# -- shapes without an object name -----------------------------------------------------------


@pytest.mark.parametrize("field", ["acss_debit", "us_bank_account"])
def test_a_shape_without_object_name_is_told_apart_by_nested_keys(field: str) -> None:
    member = "setup_intent_type_specific_payment_method_options_client"
    payload = {field: Payloads(random.Random(field), depth=2).model(member)}
    if not set(payload[field]["mandate_options"]) >= {"amount", "purpose"}:
        pytest.fail("the payload should hold the payto mandate options")
    obj = model_class("setup_intent_payment_method_options").from_dict(payload)
    if obj.to_dict() != payload:
        pytest.fail("not lossless: another bug than the one this test is marked for")
    value = getattr(obj, field)
    assert type(value) is model_class(member)
    check_model(obj, "SetupIntentPaymentMethodOptions")
