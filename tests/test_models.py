"""Tests of the typed models: decoding, round trips, declared types, unknown fields."""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import pkgutil
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union

import attrs
import pytest
from stripe_lite.models._base import _codec

import stripe_lite.models as models
from stripe_lite.errors import InvalidResponseError
from stripe_lite.models import (
    OBJECT_MODELS,
    ApiErrorObject,
    PaymentIntent,
    PaymentIntentAmountDetailsLineItem,
    PaymentIntentNextActionRedirectToUrl,
    PaymentMethod,
    PaymentMethodCard,
    SetupAttempt,
    SetupIntent,
    SetupIntentNextActionAlipayplusHandleRedirect,
    SetupIntentNextActionWechatPayOfficialAccountParams,
    Shipping,
    StripeList,
    StripeObject,
    UnknownObject,
    _payment_intents,
    _setup_intents,
    _shared,
    construct,
)

from .cases import model_cases

PAYLOADS = Path(__file__).parent / "payloads"

CASES = model_cases()

_MISSING = object()


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def decode(name: str) -> StripeObject:
    model, _ = CASES[name]
    return model.from_dict(load(name))


# --- a small checker of values against the declared annotations -------------


def conforms(value: Any, tp: Any) -> bool:
    """Whether ``value`` is an instance of the annotation ``tp``."""
    if tp is Any or isinstance(tp, typing.TypeVar):
        return True
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return any(conforms(value, arg) for arg in typing.get_args(tp))
    if tp is None or tp is type(None):
        return value is None
    if origin is Literal:
        return any(type(value) is type(arg) and value == arg for arg in typing.get_args(tp))
    if origin is list:
        (item,) = typing.get_args(tp)
        return type(value) is list and all(conforms(v, item) for v in value)
    if origin is dict:
        key, item = typing.get_args(tp)
        return type(value) is dict and all(conforms(k, key) and conforms(v, item) for k, v in value.items())
    if origin is StripeList:
        (item,) = typing.get_args(tp)
        return type(value) is StripeList and all(conforms(v, item) for v in value.data)
    if tp is StripeObject:
        return isinstance(value, StripeObject)
    if isinstance(tp, type):
        return type(value) is tp  # exact: a bool is not an int, a subclass is not its model
    raise AssertionError(f"the checker does not understand {tp!r}")


class Report:
    def __init__(self) -> None:
        self.checked = 0
        self.problems: list[str] = []
        self.extras: set[str] = set()


def walk(value: Any, path: str, report: Report) -> None:
    """Check every set field of every typed model reachable from ``value``."""
    if type(value) is UnknownObject:
        return  # an object we do not model: everything in it is "unknown" by design
    if isinstance(value, StripeObject):
        cls = type(value)
        hints = typing.get_type_hints(cls, localns=models._all_models_namespace())
        for field in attrs.fields(typing.cast(Any, cls)):
            field_value = getattr(value, field.name, _MISSING)
            if field_value is _MISSING:
                continue
            report.checked += 1
            if not conforms(field_value, hints[field.name]):
                report.problems.append(f"{path}{field.name} = {field_value!r} is not {hints[field.name]}")
            walk(field_value, f"{path}{field.name}.", report)
        # Sparse models keep their loosely typed, declared fields with the unknown ones.
        declared = _codec(type(value)).attr_names
        report.extras.update(f"{path}{key}" for key in getattr(value, "_extra", {}) if key not in declared)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            walk(item, f"{path}{index}.", report)
    elif isinstance(value, dict):
        for key, item in value.items():
            walk(item, f"{path}{key}.", report)


def type_skeleton(value: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, type name) of every model in a decoded tree, to compare two trees."""
    found: list[tuple[str, str]] = []
    if isinstance(value, StripeObject):
        found.append((path, type(value).__name__))
        for field in attrs.fields(typing.cast(Any, type(value))):
            found += type_skeleton(getattr(value, field.name, None), f"{path}.{field.name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += type_skeleton(item, f"{path}[{index}]")
    return found


# --- round trips and declared types -----------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_to_dict_gives_back_the_payload(name: str) -> None:
    model, _ = CASES[name]
    payload = load(name)
    obj = model.from_dict(payload)
    assert type(obj) is model
    assert obj.to_dict() == payload
    assert json.loads(json.dumps(obj.to_dict())) == payload
    assert payload == load(name), "decoding must not change its input"


@pytest.mark.parametrize("name", sorted(CASES))
def test_construct_picks_the_model_from_the_object_key(name: str) -> None:
    model, _ = CASES[name]
    payload = load(name)
    obj = construct(payload)
    assert type(obj) is model
    assert obj == model.from_dict(payload)
    assert obj.to_dict() == payload


def test_object_models_table() -> None:
    assert OBJECT_MODELS["payment_intent"] is PaymentIntent
    assert OBJECT_MODELS["setup_intent"] is SetupIntent
    assert OBJECT_MODELS["setup_attempt"] is SetupAttempt
    assert OBJECT_MODELS["payment_method"] is PaymentMethod
    assert OBJECT_MODELS["payment_intent_amount_details_line_item"] is PaymentIntentAmountDetailsLineItem
    other = construct({"id": "cus_1", "object": "customer", "email": "a@example.com"})
    assert type(other) is UnknownObject
    assert other.email == "a@example.com"


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_attribute_has_its_declared_type(name: str) -> None:
    report = Report()
    walk(decode(name), "", report)
    assert report.problems == []
    # Not vacuous: at least every known top-level key was checked (flat objects
    # such as a settlement have no nested models to add to the count).
    _, planted = CASES[name]
    assert report.checked >= len(set(load(name)) - planted) >= 5


def test_the_type_checker_notices_wrong_types() -> None:
    # Models never validate, so wrong data decodes; the checker must flag it.
    pi = PaymentIntent.from_dict(
        {
            "id": 5,
            "amount": "12",
            "livemode": 1,
            "customer": 3,
            "status": None,
            "shipping": {"name": ["x"], "address": {"city": 7}},
            "metadata": {"a": 1},
        }
    )
    report = Report()
    walk(pi, "", report)
    flagged = {problem.split(" = ")[0] for problem in report.problems}
    assert flagged == {
        "id",
        "amount",
        "livemode",
        "customer",
        "status",
        "shipping.name",
        "shipping.address.city",
        "metadata",
    }


@pytest.mark.parametrize("name", sorted(CASES))
def test_unknown_fields_are_only_the_planted_ones(name: str) -> None:
    # Every documented field of the payloads is modelled: only the planted
    # unknown keys end up in ``_extra``.
    _, planted = CASES[name]
    report = Report()
    walk(decode(name), "", report)
    assert report.extras == planted


# --- unknown fields and values, absent fields --------------------------------


def test_unknown_fields_are_readable_and_survive() -> None:
    pi = decode("payment_intent")
    assert pi.future_field == {"rollout": "beta", "weights": [0.25, 0.75]}
    pm = decode("payment_method")
    assert isinstance(pm, PaymentMethod)
    assert pm.card.issuer_bin_range == {"low": "424242000", "high": "424242999"}
    assert pm.to_dict()["card"]["issuer_bin_range"]["high"] == "424242999"
    restored = pickle.loads(pickle.dumps(pm))
    assert restored.card.issuer_bin_range["low"] == "424242000"
    item = decode("payment_intent_amount_details_line_item")
    assert item.carbon_offset["grams_co2e"] == 1840
    with pytest.raises(AttributeError, match="has no attribute 'no_such_field'"):
        _ = pi.no_such_field


def test_absent_field_raises_attribute_error_naming_it() -> None:
    pi = PaymentIntent.from_dict({"id": "pi_123", "object": "payment_intent", "status": "processing"})
    with pytest.raises(AttributeError, match=r"PaymentIntent\.amount "):
        _ = pi.amount
    with pytest.raises(AttributeError, match=r"PaymentIntent\.review "):
        _ = pi.review
    assert getattr(pi, "amount", None) is None
    assert not hasattr(pi, "latest_charge")
    assert pi.to_dict() == {"id": "pi_123", "object": "payment_intent", "status": "processing"}
    # Absent from a nested object too: this PaymentIntent was sent without hooks.
    requires_action = decode("payment_intent_requires_action")
    with pytest.raises(AttributeError, match=r"PaymentIntent\.hooks "):
        _ = requires_action.hooks
    assert isinstance(requires_action, PaymentIntent)
    assert requires_action.last_payment_error is not None
    with pytest.raises(AttributeError, match=r"ApiErrorObject\.param "):
        _ = requires_action.last_payment_error.param


def test_unseen_enum_value_is_kept() -> None:
    pi = decode("payment_intent_requires_action")
    assert isinstance(pi, PaymentIntent)
    assert pi.capture_method == "automatic_deferred"
    assert pi.to_dict()["capture_method"] == "automatic_deferred"
    assert "capture_method" not in getattr(pi, "_extra", {})


def test_null_nested_objects_decode_to_none() -> None:
    pi = decode("payment_intent")
    assert isinstance(pi, PaymentIntent)
    assert pi.next_action is None
    assert pi.last_payment_error is None
    assert pi.processing is None
    assert pi.allowed_payment_method_types is None


# --- expansion ----------------------------------------------------------------


def test_unexpanded_fields_are_ids() -> None:
    pi = decode("payment_intent")
    assert isinstance(pi, PaymentIntent)
    assert pi.customer == "cus_RkQ7wZp3Tn8vLb"
    assert pi.payment_method == "pm_1QzT8bHk2LmR4vXy0aBcDeFg"
    assert pi.latest_charge == "ch_3QzU2kHk2LmR4vXy1Fh3KsLo"
    si = decode("setup_intent")
    assert isinstance(si, SetupIntent)
    assert si.latest_attempt == "setatt_1QzXd4Hk2LmR4vXyPq9RsTuV"
    attempt = decode("setup_attempt")
    assert isinstance(attempt, SetupAttempt)
    assert attempt.setup_intent == si.id


def test_expanded_fields_are_objects() -> None:
    pi = decode("payment_intent_expanded")
    assert isinstance(pi, PaymentIntent)
    assert type(pi.customer) is UnknownObject  # customers are not modelled (yet)
    assert pi.customer.email == "ade.okafor@example.net"
    assert pi.customer.invoice_settings["footer"] is None
    assert type(pi.payment_method) is PaymentMethod
    assert type(pi.payment_method.card) is PaymentMethodCard
    assert pi.payment_method.card.last4 == "8431"
    assert pi.payment_method.card.wallet is not None
    assert pi.payment_method.card.wallet.type == "google_pay"
    assert pi.latest_charge == "ch_3QzWc7Hk2LmR4vXy1Gh5IjKl"  # not expanded in this one

    si = decode("setup_intent_expanded")
    assert isinstance(si, SetupIntent)
    assert type(si.latest_attempt) is SetupAttempt
    assert si.latest_attempt.setup_intent == si.id
    assert si.latest_attempt.payment_method_details.card.network == "cartes_bancaires"
    assert si.next_action is not None
    assert si.next_action.use_stripe_sdk["type"] == "stripe_3ds2_fingerprint"


def test_error_object_holds_a_full_payment_method() -> None:
    pi = decode("payment_intent_requires_action")
    assert isinstance(pi, PaymentIntent)
    error = pi.last_payment_error
    assert type(error) is ApiErrorObject
    assert (error.type, error.code, error.decline_code) == ("card_error", "card_declined", "insufficient_funds")
    assert error.advice_code == "try_again_later"
    assert type(error.payment_method) is PaymentMethod
    assert error.payment_method.card.brand == "mastercard"
    assert error.payment_method.billing_details.address is not None
    assert error.payment_method.billing_details.address.postal_code == "10115"
    assert pi.next_action is not None
    assert type(pi.next_action.redirect_to_url) is PaymentIntentNextActionRedirectToUrl
    assert pi.next_action.redirect_to_url.return_url == "https://billing.example.de/checkout/complete"


def test_error_object_refers_to_models_of_other_modules() -> None:
    # ApiErrorObject (in _shared) names PaymentIntent and SetupIntent, defined
    # in modules that import _shared; the names must still resolve.
    error = ApiErrorObject.from_dict(
        {
            "type": "invalid_request_error",
            "payment_intent": load("payment_intent"),
            "setup_intent": load("setup_intent"),
            "source": {"id": "src_1", "object": "source", "flow": "none"},
        }
    )
    assert type(error.payment_intent) is PaymentIntent
    assert error.payment_intent.amount == 9961
    assert type(error.setup_intent) is SetupIntent
    assert type(error.source) is UnknownObject
    assert error.source.flow == "none"


def test_line_items_are_a_typed_list() -> None:
    pi = decode("payment_intent")
    assert isinstance(pi, PaymentIntent)
    items = pi.amount_details.line_items
    assert type(items) is StripeList
    assert items.has_more is False
    assert items.url.endswith("/amount_details_line_items")
    assert [type(item) for item in items.data] == [PaymentIntentAmountDetailsLineItem]
    assert items.data[0].tax is not None
    assert items.data[0].tax.total_tax_amount == 712
    assert items.data[0] == construct(load("payment_intent")["amount_details"]["line_items"]["data"][0])


def test_camel_case_fields_from_the_seed_description() -> None:
    params = {
        "appId": "wx2421b1c4370ec43b",
        "timeStamp": "1736841005",
        "nonceStr": "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        "package": "prepay_id=wx201410272009395522657a690389285100",
        "signType": "RSA",
        "paySign": "oR9d8PuhnIc+YZ8cBHFCwfgpaK9gd7vaRvkYD7rthRAZ",
    }
    redirect = {
        "return_url": "https://shop.example.com/done",
        "schemeUrl": "alipays://platformapi/startapp?appId=20000067",
        "applinkUrl": "https://render.alipay.com/p/s/i?scheme=x",
        "normalUrl": "https://global.alipay.com/page/pay?token=abc",
    }
    payload = {
        "id": "seti_1",
        "object": "setup_intent",
        "status": "requires_action",
        "next_action": {
            "type": "wechat_pay_official_account_params",
            "wechat_pay_official_account_params": params,
            "alipayplus_handle_redirect": redirect,
        },
    }
    si = SetupIntent.from_dict(payload)
    assert si.next_action is not None
    official = si.next_action.wechat_pay_official_account_params
    assert type(official) is SetupIntentNextActionWechatPayOfficialAccountParams
    assert (official.appId, official.timeStamp, official.package) == (
        "wx2421b1c4370ec43b",
        "1736841005",
        "prepay_id=wx201410272009395522657a690389285100",
    )
    assert type(si.next_action.alipayplus_handle_redirect) is SetupIntentNextActionAlipayplusHandleRedirect
    assert si.next_action.alipayplus_handle_redirect.schemeUrl == redirect["schemeUrl"]
    assert getattr(official, "_extra", None) is None  # every key was known
    assert si.to_dict() == payload


# --- pickling, equality, malformed responses ---------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_pickle_round_trip(name: str) -> None:
    obj = decode(name)
    restored = pickle.loads(pickle.dumps(obj))
    assert type(restored) is type(obj)
    assert restored == obj
    assert restored.to_dict() == load(name)
    assert type_skeleton(restored) == type_skeleton(obj)
    assert len(type_skeleton(obj)) >= 1
    assert copy.deepcopy(obj) == obj


def test_equality_compares_content() -> None:
    first = decode("payment_intent")
    second = decode("payment_intent")
    assert first is not second
    assert first == second
    changed = load("payment_intent")
    changed["amount_details"]["shipping"]["to_postal_code"] = "97209"
    assert PaymentIntent.from_dict(changed) != first
    extra_changed = load("payment_intent")
    extra_changed["future_field"]["rollout"] = "ga"
    assert PaymentIntent.from_dict(extra_changed) != first
    assert first != load("payment_intent")  # a model never equals a plain dict
    assert decode("setup_intent") != first
    with pytest.raises(TypeError):
        hash(first)


@pytest.mark.parametrize(
    ("model", "patch"),
    [
        (PaymentIntent, {"shipping": "x"}),
        (PaymentIntent, {"amount_details": []}),
        (PaymentIntent, {"next_action": 12}),
        (PaymentIntent, {"last_payment_error": "card declined"}),
        (PaymentIntent, {"amount_details": {"line_items": "x"}}),
        (PaymentIntent, {"amount_details": {"line_items": {"object": "list", "data": "x"}}}),
        (PaymentIntent, {"amount_details": {"line_items": {"object": "list", "data": ["x"]}}}),
        (PaymentIntent, {"shipping": {"name": "A", "address": ["1 Main St"]}}),
        (PaymentMethod, {"card": "4242"}),
        (PaymentMethod, {"billing_details": {"address": True}}),
        (SetupIntent, {"payment_method_options": {"card": ["any"]}}),
        (SetupAttempt, {"payment_method_details": "card"}),
    ],
)
def test_non_object_where_an_object_belongs_raises(model: type[StripeObject], patch: dict[str, Any]) -> None:
    with pytest.raises(InvalidResponseError, match="expected a JSON"):
        model.from_dict(patch)


def test_ids_where_objects_may_be_expanded_are_not_errors() -> None:
    attempt = SetupAttempt.from_dict({"setup_intent": "seti_1", "payment_method": "pm_1"})
    assert attempt.setup_intent == "seti_1"
    assert attempt.payment_method == "pm_1"
    pi = PaymentIntent.from_dict({"shipping": None, "customer": None})
    assert pi.shipping is None
    assert pi.customer is None
    assert type(Shipping.from_dict({"name": "A"})) is Shipping


# --- module layout --------------------------------------------------------------


MODEL_MODULES = [
    importlib.import_module(f"stripe_lite.models.{info.name}")
    for info in pkgutil.iter_modules(models.__path__)
    if info.name not in ("_base", "_converter")
]


def test_model_modules_are_found() -> None:
    assert {_shared, _setup_intents, _payment_intents} <= set(MODEL_MODULES)


@pytest.mark.parametrize("module", MODEL_MODULES, ids=lambda module: module.__name__)
def test_module_exports_every_model_it_defines(module: types.ModuleType) -> None:
    defined = {
        name
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, StripeObject) and value.__module__ == module.__name__
    }
    assert set(module.__all__) == defined
    assert defined <= set(models.__all__)
    for name in defined:
        cls = getattr(models, name)
        assert cls is getattr(module, name)
        assert cls.__doc__, f"{name} has no docstring"
        assert attrs.has(cls)


def test_sparse_models_keep_loose_fields_without_slots() -> None:
    pi = decode("payment_intent")
    options = pi.payment_method_options
    assert "alipay" not in {f.name for f in attrs.fields(type(options))}
    assert "card" in {f.name for f in attrs.fields(type(options))}
    raw = load("payment_intent")["payment_method_options"]
    sparse = {"alipay": {"setup_future_usage": "none"}}
    rebuilt = type(options).from_dict({**raw, **sparse})
    assert rebuilt.alipay == {"setup_future_usage": "none"}
    assert rebuilt.to_dict() == {**raw, **sparse}
    with pytest.raises(AttributeError, match="was not included"):
        _ = type(options).from_dict({}).alipay
    built = type(options)(alipay={"x": 1})
    assert built.alipay == {"x": 1} and built.to_dict() == {"alipay": {"x": 1}}


def test_an_expanded_mandate_of_a_setup_intent_is_a_mandate() -> None:
    mandate = load("mandate")
    si = SetupIntent.from_dict({**load("setup_intent"), "mandate": mandate, "single_use_mandate": "mandate_1"})
    assert type(si.mandate) is models.Mandate
    assert si.mandate.to_dict() == mandate
    assert si.single_use_mandate == "mandate_1"
