"""The models on realistic payloads: decoding, round trips, declared types, unknown fields, expansion.

The payloads in tests/payloads/ are written after Stripe's API reference; the
spec-driven tests (test_models_spec.py) cover every model on payloads built
from the description.
"""

from __future__ import annotations

import copy
import json
import pickle
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union

import pytest

import stripe_lite
import stripe_lite.models as models
from stripe_lite._generated.objects import DELETED, OBJECTS
from stripe_lite._models import _USES_BEFORE_WRITING, declared, model_for, register
from stripe_lite.errors import InvalidResponseError
from stripe_lite.models import (
    ApiErrors,
    Customer,
    DeletedCustomer,
    PaymentIntent,
    PaymentIntentAmountDetailsLineItem,
    PaymentIntentNextActionRedirectToUrl,
    PaymentMethod,
    PaymentMethodCard,
    SetupAttempt,
    SetupIntent,
    Shipping,
    StripeList,
    StripeObject,
    UnknownObject,
    construct,
)

PAYLOADS = Path(__file__).parent / "payloads"
NAMES = sorted(path.stem for path in PAYLOADS.glob("*.json"))

# What each payload carries that the pinned version (2026-05-27.dahlia) does not
# declare: keys planted as unknown ("future_field", ...), and fields the
# reference shows for newer versions. They must survive, in extra_fields.
UNDECLARED: dict[str, set[str]] = {
    "bank_account": {"future_field", "future_requirements.errors.0.remediation_url"},
    "card": {"description", "instant_payout_limits", "issuer"},
    "confirmation_token": {"future_field", "metadata", "payment_method_preview.card.issuer_bin_range"},
    "financial_connections_account": {"balance_refresh.future_hint", "future_field", "status_details"},
    "financial_connections_account_owner": {"future_field"},
    "financial_connections_session": {
        "accounts.data.0.status_details",
        "bank_account_token",
        "filters.country",
        "filters.institution",
        "filters.require_payment_method_support",
        "future_field",
        "limits",
        "manual_entry",
    },
    "issuing_card": {"future_field", "shipping.business_name", "shipping.shipped_at"},
    "issuing_cardholder": {"future_field", "individual.verification.document.future_document_field"},
    "issuing_dispute": {"evidence.fraudulent.reviewer_note", "future_field"},
    "issuing_personalization_design": {"future_field"},
    "issuing_physical_bundle": {"features.future_feature", "future_field"},
    "issuing_settlement": {"future_field", "other_fees_amount", "other_fees_count"},
    "issuing_token": {"future_field", "network_data.wallet_provider.risk_model"},
    "issuing_transaction": {"future_field", "purchase_details.fuel.octane"},
    "item": {"discounts.0.discount.coupon", "taxes.0.carbon_label"},
    "mandate": {"future_field", "payment_method_details.sepa_debit.future_hint"},
    "payment_attempt_record": {
        "future_field",
        "payment_method_details.card.moto",
        "payment_method_details.card.wallet.link",
        "processor_details.custom.future_hint",
    },
    "payment_intent": {"allowed_payment_method_types", "future_field", "payment_record"},
    "payment_intent_amount_details_line_item": {"carbon_offset"},
    "payment_intent_expanded": set(),
    "payment_intent_requires_action": set(),
    "payment_link": {
        "custom_text.submit.tone",
        "future_field",
        "line_items.data.0.discounts.0.discount.coupon",
        "line_items.data.0.taxes.0.carbon_label",
        "subscription_data.invoice_settings.account_tax_ids",
        "subscription_data.invoice_settings.custom_fields",
        "subscription_data.invoice_settings.description",
        "subscription_data.invoice_settings.footer",
    },
    "payment_method": {"card.issuer_bin_range"},
    "payout": {"future_field", "trace_id.scheme"},
    "refund": {"customer", "customer_account", "destination_details.card.network", "future_field", "payment_method"},
    "refund_requires_action": {"customer", "customer_account", "payment_method"},
    "setup_attempt": {"risk_signals"},
    "setup_intent": {"allowed_payment_method_types", "future_field"},
    "setup_intent_expanded": set(),
    "token": {"card.description", "card.issuer", "card.issuer_bin_range", "risk_signals"},
    "token_bank_account": set(),
}

_MISSING = object()


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def decode(name: str) -> StripeObject:
    return construct(load(name))


@cache
def all_models() -> dict[str, Any]:
    """Every model by name, to resolve annotations that name models of other modules."""
    from stripe_lite._generated.models import MODULES

    namespace: dict[str, Any] = {name: getattr(models, name) for name in MODULES}
    namespace.update(StripeList=StripeList, StripeObject=StripeObject)
    return namespace


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
    if tp is float:
        return type(value) in (int, float)  # JSON has one number type; 2.0 arrives as 2
    if isinstance(tp, type):
        return type(value) is tp  # exact: a bool is not an int, a subclass is not its model
    raise AssertionError(f"the checker does not understand {tp!r}")


class Report:
    def __init__(self) -> None:
        self.checked = 0
        self.problems: list[str] = []
        self.extras: set[str] = set()


def walk(value: Any, path: str, report: Report) -> None:
    """Check every set field of every typed model reachable from ``value``; collect unknown keys."""
    if isinstance(value, StripeObject):
        report.extras.update(f"{path}{key}" for key in value.extra_fields)
        if type(value) is UnknownObject:
            return
        hints = typing.get_type_hints(type(value), localns=all_models())
        for attr, wire in declared(type(value)):
            field_value = getattr(value, attr, _MISSING)
            if field_value is _MISSING:
                continue
            report.checked += 1
            if not conforms(field_value, hints[attr]):
                report.problems.append(f"{path}{wire} = {field_value!r} is not {hints[attr]}")
            walk(field_value, f"{path}{wire}.", report)
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
        for attr, _ in declared(type(value)):
            found += type_skeleton(getattr(value, attr, None), f"{path}.{attr}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += type_skeleton(item, f"{path}[{index}]")
    return found


# --- round trips and declared types -----------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_to_dict_gives_back_the_payload(name: str) -> None:
    payload = load(name)
    obj = construct(payload)
    assert type(obj) is model_for(payload["object"])
    assert type(obj).from_dict(payload) == obj
    assert obj.to_dict() == payload
    assert json.loads(json.dumps(obj.to_dict())) == payload
    assert payload == load(name), "decoding must not change its input"


def test_every_payload_has_its_expected_unknowns() -> None:
    assert set(UNDECLARED) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_attribute_has_its_declared_type_and_only_undeclared_keys_are_extra(name: str) -> None:
    report = Report()
    walk(decode(name), "", report)
    assert report.problems == []
    assert report.extras == UNDECLARED[name]
    # Not vacuous: at least every declared top-level key was checked.
    assert report.checked >= len(set(load(name)) - UNDECLARED[name]) >= 5


def test_the_type_checker_notices_wrong_types() -> None:
    # Models never validate scalars, so wrong data decodes; the checker must flag it.
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
    assert flagged == {"id", "amount", "livemode", "customer", "status", "shipping.name", "shipping.address.city", "metadata"}


def test_the_object_registry_comes_from_the_description() -> None:
    assert len(OBJECTS) == 155 + 4  # and the four older Financial Connections names (codegen/overrides.py)
    assert OBJECTS["linked_account"] == OBJECTS["financial_connections.account"]
    assert model_for("payment_intent") is PaymentIntent
    assert model_for("customer") is Customer
    assert model_for("customer", deleted=True) is DeletedCustomer
    assert model_for("no_such_object") is None
    for name, (module, class_name) in OBJECTS.items():
        assert models.MODULES[class_name] == module, name
    assert set(DELETED) <= set(OBJECTS)


def test_construct_picks_deleted_objects_and_unknown_ones() -> None:
    deleted = construct({"id": "cus_1", "object": "customer", "deleted": True})
    assert type(deleted) is DeletedCustomer
    assert deleted.deleted is True
    customer = construct({"id": "cus_1", "object": "customer", "email": "a@example.com"})
    assert type(customer) is Customer
    assert customer.email == "a@example.com"
    other = construct({"id": "thing_1", "object": "thing_from_the_future", "size": 3})
    assert type(other) is UnknownObject
    assert other.extra_fields == {"id": "thing_1", "object": "thing_from_the_future", "size": 3}
    assert other.to_dict() == {"id": "thing_1", "object": "thing_from_the_future", "size": 3}


# --- unknown fields and values, absent fields --------------------------------


def test_unknown_fields_are_kept_in_extra_fields() -> None:
    pi = decode("payment_intent")
    assert pi.extra_fields["future_field"] == {"rollout": "beta", "weights": [0.25, 0.75]}
    with pytest.raises(TypeError):
        pi.extra_fields["future_field"] = 1  # type: ignore[index]  # read-only: to_dict() stays faithful
    pm = decode("payment_method")
    assert isinstance(pm, PaymentMethod)
    assert pm.card is not None
    assert pm.card.extra_fields["issuer_bin_range"] == {"low": "424242000", "high": "424242999"}
    restored = pickle.loads(pickle.dumps(pm))
    assert isinstance(restored, PaymentMethod) and restored.card is not None
    assert restored.card.extra_fields["issuer_bin_range"]["low"] == "424242000"
    assert PaymentIntent.from_dict({"id": "pi_1"}).extra_fields == {}


def test_reading_an_undeclared_name_says_where_stripe_sent_it() -> None:
    pi = decode("payment_intent")
    with pytest.raises(AttributeError, match=r"extra_fields\['future_field'\]"):
        _ = pi.future_field  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="has no attribute 'no_such_field'"):
        _ = pi.no_such_field  # type: ignore[attr-defined]


def test_absent_field_raises_attribute_error_naming_it() -> None:
    pi = PaymentIntent.from_dict({"id": "pi_123", "object": "payment_intent", "status": "processing"})
    with pytest.raises(AttributeError, match=r"PaymentIntent\.amount was not included"):
        _ = pi.amount
    assert getattr(pi, "amount", None) is None
    assert not hasattr(pi, "latest_charge")
    assert pi.to_dict() == {"id": "pi_123", "object": "payment_intent", "status": "processing"}


def test_a_field_left_out_of_a_large_object_still_decodes_every_other() -> None:
    # Large objects have a generated decoder that reads every key; one key less
    # takes the key-by-key path, which must give the same objects.
    payload = load("payment_intent_expanded")
    full = construct(payload)
    less = {key: value for key, value in payload.items() if key != "description"}
    partial = construct(less)
    assert type(partial) is PaymentIntent
    assert partial.to_dict() == less
    assert type_skeleton(partial) == type_skeleton(full)
    assert not hasattr(partial, "description")


def test_a_small_model_decodes_the_same_before_and_after_its_decoder_is_written() -> None:
    # Small models are read key by key at first, then get a decoder of their own;
    # every shape of input must decode the same before and after.
    cls = models.SetupIntentPaymentMethodOptionsMandateOptionsAcssDebit
    full = {
        "custom_mandate_url": "https://example.com/m",
        "default_for": ["invoice"],
        "interval_description": "monthly",
        "payment_schedule": "interval",
        "transaction_type": "personal",
    }
    register(cls)  # as new: key by key until used often enough, whatever other tests decoded before
    written = []
    for _ in range(_USES_BEFORE_WRITING):
        written.append(_is_written(cls))
        whole = cls.from_dict(full)
        assert whole.to_dict() == full and whole.extra_fields == {}
        less = cls.from_dict({k: v for k, v in full.items() if k != "default_for"})
        assert not hasattr(less, "default_for") and less.payment_schedule == "interval"
        more = cls.from_dict({**full, "future": 1})
        assert more.extra_fields == {"future": 1} and more.transaction_type == "personal"
        swapped = cls.from_dict({**{k: v for k, v in full.items() if k != "default_for"}, "future": 2})
        assert swapped.extra_fields == {"future": 2} and not hasattr(swapped, "default_for")
        with pytest.raises(InvalidResponseError, match="expected a JSON object"):
            cls.from_dict(["not", "an", "object"])  # type: ignore[arg-type]
    assert written[0] is False and written[-1] is True


def test_a_caller_that_kept_the_first_decoder_gets_the_written_one_without_writing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import stripe_lite._models as models_core

    cls = models.PaymentFlowsAmountDetailsResourceTax
    kept = register(cls)  # what another module's decoder holds on to
    writes: list[type] = []
    write = models_core._write_decoder

    def counted(klass: type[StripeObject]) -> Any:
        writes.append(klass)
        return write(klass)

    monkeypatch.setattr(models_core, "_write_decoder", counted)
    decoded = [kept({"total_tax_amount": n}) for n in range(3 * _USES_BEFORE_WRITING)]
    assert writes == [cls]
    assert [item.total_tax_amount for item in decoded] == list(range(3 * _USES_BEFORE_WRITING))


def _is_written(cls: type[StripeObject]) -> bool:
    return cls._decode.__code__.co_filename.startswith("<stripe_lite decoder ")


def test_a_written_decoder_shows_its_source_in_tracebacks() -> None:
    import linecache
    import traceback

    cls = models.SetupIntentPaymentMethodOptionsAcssDebit
    good = {"currency": "cad", "mandate_options": None, "verification_method": "automatic"}
    for _ in range(_USES_BEFORE_WRITING):
        cls.from_dict(good)
    assert _is_written(cls)
    filename = cls._decode.__code__.co_filename
    assert filename.startswith("<stripe_lite decoder ")
    assert "def decode(d):" in "".join(linecache.getlines(filename))
    with pytest.raises(InvalidResponseError) as failure:
        cls.from_dict({**good, "mandate_options": ["not an object"]})
    frames = traceback.extract_tb(failure.value.__traceback__)
    assert any(frame.filename == filename and "mandate_options" in (frame.line or "") for frame in frames)


def test_pick_remembers_shapes_but_still_tells_ties_apart_by_what_they_hold() -> None:
    # acss_debit options may be either of two shapes that both declare mandate_options and
    # verification_method; the kind of mandate_options decides. The choice is remembered
    # per shape, so alternating inputs must keep getting the right model.
    payto = {"mandate_options": {"amount": 100, "purpose": "utility"}, "verification_method": "automatic"}
    acss = {"mandate_options": {"custom_mandate_url": "u", "interval_description": "x"}, "verification_method": "instant"}
    for _ in range(3):
        for options, expected in (
            (payto, models.SetupIntentTypeSpecificPaymentMethodOptionsClient),
            (acss, models.SetupIntentPaymentMethodOptionsAcssDebit),
        ):
            intent = SetupIntent.from_dict({"payment_method_options": {"acss_debit": options}})
            chosen = intent.payment_method_options.acss_debit  # type: ignore[union-attr]
            assert type(chosen) is expected
            assert chosen.to_dict() == options and chosen.extra_fields == {}


def test_unseen_enum_value_is_kept() -> None:
    pi = decode("payment_intent_requires_action")
    assert isinstance(pi, PaymentIntent)
    assert pi.capture_method == "automatic_deferred"
    assert pi.to_dict()["capture_method"] == "automatic_deferred"
    assert "capture_method" not in pi.extra_fields


def test_enum_values_are_shared_strings() -> None:
    first = PaymentIntent.from_dict(json.loads(json.dumps(load("payment_intent"))))
    second = PaymentIntent.from_dict(json.loads(json.dumps(load("payment_intent"))))
    assert first.status == second.status
    assert first.status is second.status  # one string for thousands of objects
    # The same when an object decodes key by key (here: a field left out).
    lean = [{k: v for k, v in load("payment_intent").items() if k != "description"} for _ in range(2)]
    third, fourth = (PaymentIntent.from_dict(json.loads(json.dumps(data))) for data in lean)
    assert third.capture_method is fourth.capture_method and third.object is fourth.object


def test_null_nested_objects_decode_to_none() -> None:
    pi = decode("payment_intent")
    assert isinstance(pi, PaymentIntent)
    assert pi.next_action is None
    assert pi.last_payment_error is None
    assert pi.processing is None


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


def test_expanded_fields_are_objects() -> None:
    pi = decode("payment_intent_expanded")
    assert isinstance(pi, PaymentIntent)
    assert type(pi.customer) is Customer
    assert pi.customer.email == "ade.okafor@example.net"
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
    assert si.latest_attempt.payment_method_details.card is not None
    assert si.latest_attempt.payment_method_details.card.network == "cartes_bancaires"


def test_an_expanded_field_of_several_kinds_is_picked_by_object() -> None:
    deleted = PaymentIntent.from_dict({"customer": {"id": "cus_1", "object": "customer", "deleted": True}})
    assert type(deleted.customer) is DeletedCustomer
    kept = PaymentIntent.from_dict({"customer": {"id": "cus_1", "object": "customer", "email": "x@example.com"}})
    assert type(kept.customer) is Customer


def test_error_object_holds_a_full_payment_method() -> None:
    pi = decode("payment_intent_requires_action")
    assert isinstance(pi, PaymentIntent)
    error = pi.last_payment_error
    assert type(error) is ApiErrors
    assert (error.type, error.code, error.decline_code) == ("card_error", "card_declined", "insufficient_funds")
    assert error.advice_code == "try_again_later"
    assert type(error.payment_method) is PaymentMethod
    assert error.payment_method.card is not None
    assert error.payment_method.card.brand == "mastercard"
    assert pi.next_action is not None
    assert type(pi.next_action.redirect_to_url) is PaymentIntentNextActionRedirectToUrl
    assert pi.next_action.redirect_to_url.return_url == "https://billing.example.de/checkout/complete"


def test_error_object_refers_to_models_of_other_modules() -> None:
    error = ApiErrors.from_dict(
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
    assert type(error.source) is models.Source
    assert error.source.flow == "none"


def test_line_items_are_a_typed_list() -> None:
    pi = decode("payment_intent")
    assert isinstance(pi, PaymentIntent)
    items = pi.amount_details.line_items  # type: ignore[union-attr]
    assert type(items) is StripeList
    assert items.has_more is False
    assert items.url.endswith("/amount_details_line_items")
    assert [type(item) for item in items.data] == [PaymentIntentAmountDetailsLineItem]
    assert items.data[0] == construct(load("payment_intent")["amount_details"]["line_items"]["data"][0])


def test_per_type_fields_have_no_slot_but_read_like_the_others() -> None:
    # payment_method_options holds one object per payment method type, of which an
    # answer fills one or two: those fields are declared but kept without a slot.
    pi = decode("payment_intent")
    assert isinstance(pi, PaymentIntent)
    options = pi.payment_method_options
    assert options is not None
    assert "alipay" not in type(options).__slots__ and "alipay" in type(options).__annotations__
    assert "card" in type(options).__slots__  # most answers carry a card's: a slot is smaller
    assert options.card is not None and options.card.request_three_d_secure == "automatic"
    with_alipay = type(options).from_dict({"alipay": {"setup_future_usage": "none"}})
    assert with_alipay.alipay is not None and with_alipay.alipay.setup_future_usage == "none"
    assert "alipay" not in with_alipay.extra_fields
    with pytest.raises(AttributeError, match=r"\.alipay was not included"):
        _ = options.alipay
    built = type(options)(alipay=None)
    assert built.alipay is None and built.to_dict() == {"alipay": None}
    assert "alipay=None" in repr(built)


def test_per_type_fields_next_to_every_slotted_one_are_decoded_and_unknown_keys_kept() -> None:
    # With every slotted field sent, the object is read straight through and the rest
    # (per-type fields and unknown keys) after; the same input must give the same object each time.
    options_type = models.PaymentIntentPaymentMethodOptions
    sent = {"card": {"request_three_d_secure": "any"}, "alipay": {"setup_future_usage": "none"}, "brand_new": {"x": 1}}
    for _ in range(3):
        options = options_type.from_dict(sent)
        assert options.card is not None and options.card.request_three_d_secure == "any"
        assert isinstance(options.alipay, models.PaymentMethodOptionsAlipay)
        assert options.alipay.setup_future_usage == "none"
        assert options.extra_fields == {"brand_new": {"x": 1}}
        assert options.to_dict() == sent
    with pytest.raises(InvalidResponseError, match="expected a JSON object"):
        options_type.from_dict({"card": None, "alipay": ["not", "an", "object"]})


def test_keyword_field_names_get_a_trailing_underscore() -> None:
    options = models.TaxProductRegistrationsResourceCountryOptions.from_dict(
        {"in": {"type": "standard"}, "is": {"type": "standard"}, "us": None}
    )
    assert options.in_ is not None and options.in_.type == "standard"
    assert options.to_dict() == {"in": {"type": "standard"}, "is": {"type": "standard"}, "us": None}


# --- building, pickling, equality, malformed responses ---------------------------


def test_models_can_be_built_with_known_fields_only() -> None:
    shipping = Shipping(name="Ada", phone=None)
    assert shipping.to_dict() == {"name": "Ada", "phone": None}
    with pytest.raises(TypeError, match="has no field 'nmae'"):
        Shipping(nmae="Ada")


@pytest.mark.parametrize("name", NAMES)
def test_pickle_and_copy_round_trip(name: str) -> None:
    obj = decode(name)
    restored = pickle.loads(pickle.dumps(obj))
    assert type(restored) is type(obj)
    assert restored == obj
    assert restored.to_dict() == load(name)
    assert type_skeleton(restored) == type_skeleton(obj)
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


def test_to_dict_hands_out_fresh_containers() -> None:
    pi = decode("payment_intent")
    out = pi.to_dict()
    out["metadata"]["changed"] = "yes"
    out["payment_method_types"].append("x")
    assert pi.to_dict() == load("payment_intent")


@pytest.mark.parametrize(
    ("model", "patch"),
    [
        (PaymentIntent, {"shipping": "x"}),
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


# --- the public surface -----------------------------------------------------------


def test_every_model_is_reachable_from_stripe_lite_models() -> None:
    from stripe_lite._generated.models import MODULES

    assert len(MODULES) > 1900
    assert set(MODULES) <= set(models.__all__)
    for name in ("PaymentIntent", "Customer", "Charge", "Price", "Product", "Subscription", "Invoice", "EventBase"):
        cls = getattr(models, name)
        assert issubclass(cls, StripeObject)
        assert cls.__doc__ and "https://docs.stripe.com/api/" in cls.__doc__
    assert models.CheckoutSession.__name__ == "CheckoutSession"
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018


def test_models_are_not_in_the_top_level_namespace() -> None:
    # One place for models (stripe_lite.models), a small top-level surface.
    assert not hasattr(stripe_lite, "PaymentIntent")
    assert "PaymentIntent" not in stripe_lite.__all__
