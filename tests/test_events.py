"""Typed webhook events: the type -> object mapping (against Stripe's Node package), decoding by
type, unknown types, strictness about the API version, and client.events on both clients."""

from __future__ import annotations

import json
import pickle
import random
from pathlib import Path
from typing import Any

import pytest
import respx

import stripe_lite
from codegen import events as codegen_events
from codegen.overrides import EVENT_OBJECTS
from codegen.schema import Spec
from stripe_lite import models
from stripe_lite._models import model_for
from stripe_lite.errors import APIVersionMismatchError, InvalidResponseError, StripeError
from stripe_lite.models import (
    BankAccount,
    Card,
    CheckoutSession,
    EventBase,
    IssuingCard,
    PaymentIntent,
    PaymentIntentSucceededEvent,
    StripeObject,
    Subscription,
    UnknownEvent,
    UnknownObject,
)
from stripe_lite.webhooks import construct_event, generate_signature_header, parse_event

from .conftest import Runner
from .payload_files import listing, payload
from .spec_data import Payloads, schemas
from .test_models_spec import UNKNOWN_PREFIX, attribute, check_annotation, check_model, check_value, declared

SPEC = Spec.load()
FACTS = codegen_events.load_facts()
TYPES = codegen_events.webhook_event_types(SPEC)
MAPPING = codegen_events.event_objects(SPEC)

# Event types the Node package declares and the description's enabled_events does not list: this
# version does not know them, so they parse as UnknownEvent (their payload kept whole). They are
# Billing's newer events, documented after the enum of API 2026-05-27.dahlia was written.
NEWER_THAN_THE_DESCRIPTION = {
    "billing.credit_balance_transaction.created",
    "billing.credit_grant.updated",
    "billing.meter.created",
    "billing.meter.deactivated",
    "billing.meter.reactivated",
    "billing.meter.updated",
}


def object_names(schemas: tuple[str, ...]) -> list[str]:
    return sorted(SPEC.models[s].object_name or s for s in schemas)


def event(kind: str, obj: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "id": "evt_1",
        "object": "event",
        "api_version": stripe_lite.API_VERSION,
        "created": 1_700_000_000,
        "data": {"object": obj},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": "req_1", "idempotency_key": None},
        "type": kind,
        **extra,
    }


# -- the mapping, and what it is checked against ------------------------------------------------


def test_every_event_type_the_description_names_is_typed() -> None:
    assert len(TYPES) == 254
    assert "*" not in TYPES
    assert set(TYPES) == set(MAPPING)
    from stripe_lite._generated.models.events import TYPES as GENERATED

    assert set(GENERATED) == set(TYPES)


def test_the_facts_come_from_the_package_of_this_api_version() -> None:
    assert FACTS["api_version"] == stripe_lite.API_VERSION == SPEC.version
    assert FACTS["source"].startswith("npm stripe@22.2.3:")


def test_the_mapping_agrees_with_stripes_node_package() -> None:
    """Every type's object is the one the Node package declares, except where the package names an
    object that the description does not model: those are typed StripeObject (and decode by name)."""
    differences = {}
    unmodelled = {}
    for kind in TYPES:
        ours = object_names(MAPPING[kind])
        theirs = FACTS["events"][kind]
        if ours == theirs:
            continue
        if not ours and not any(name in SPEC.object_models for name in theirs):
            unmodelled[kind] = theirs
        else:
            differences[kind] = (ours, theirs)
    assert differences == {}
    assert unmodelled == {
        "billing.alert.triggered": ["billing.alert_triggered"],
        "entitlements.active_entitlement_summary.updated": ["entitlements.active_entitlement_summary"],
        "reserve.hold.created": ["reserve.hold"],
        "reserve.hold.updated": ["reserve.hold"],
        "reserve.plan.created": ["reserve.plan"],
        "reserve.plan.disabled": ["reserve.plan"],
        "reserve.plan.expired": ["reserve.plan"],
        "reserve.plan.updated": ["reserve.plan"],
        "reserve.release.created": ["reserve.release"],
    }
    assert set(FACTS["events"]) - set(TYPES) == NEWER_THAN_THE_DESCRIPTION
    assert set(TYPES) <= set(FACTS["events"])


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("payment_intent.succeeded", ["payment_intent"]),
        ("checkout.session.completed", ["checkout.session"]),
        ("issuing_card.created", ["issuing.card"]),
        ("issuing_authorization.request", ["issuing.authorization"]),
        ("source.transaction.created", ["source_transaction"]),
        ("customer.subscription.trial_will_end", ["subscription"]),
        ("charge.dispute.closed", ["dispute"]),
        ("account.external_account.created", ["bank_account", "card"]),
        ("test_helpers.test_clock.ready", ["test_helpers.test_clock"]),
        ("reserve.plan.created", []),
    ],
)
def test_the_naming_rule(kind: str, expected: list[str]) -> None:
    assert object_names(codegen_events.object_by_rule(SPEC, kind)) == expected


def test_every_override_is_needed_and_names_types_of_the_description() -> None:
    for key, target in EVENT_OBJECTS.items():
        matched = [kind for kind in TYPES if codegen_events.override_for(kind) == (True, target)]
        covered = [k for k in matched if k == key or (key.endswith(".*") and k.startswith(key[:-1]))]
        assert covered, f"{key} names no event type of the description"
        for kind in covered:
            by_override = object_names(MAPPING[kind])
            assert by_override != object_names(codegen_events.object_by_rule(SPEC, kind)), f"{key}: the rule agrees"


def test_the_generated_table_is_the_mapping() -> None:
    from stripe_lite._generated.models.events import TYPES as GENERATED

    for kind, (cls, names) in GENERATED.items():
        assert sorted(names) == object_names(MAPPING[kind])
        assert cls.__name__ == codegen_events.event_class(kind, "Event")


# -- against the description ------------------------------------------------------------------


@pytest.mark.parametrize(("schema", "cls", "generic"), [("event", EventBase, ("type", "data")), ("notification_event_data", models.NotificationEventData, ("object",))])
def test_the_generic_classes_declare_their_schema(schema: str, cls: type, generic: tuple[str, ...]) -> None:
    """Every property is declared as the description says, but for the type parameters, which each
    event type's class binds (its type's literal, its object's model)."""
    properties = schemas()[schema]["properties"]
    hints = declared(cls)
    assert set(hints) == {attribute(wire) for wire in properties}
    required = set(schemas()[schema].get("required", []))
    for wire, prop in properties.items():
        if wire not in generic:
            check_annotation(prop, hints[attribute(wire)], f"{cls.__name__}.{wire}", may_be_null=wire not in required)
    if cls is EventBase:
        assert str(hints["type"]) == "+_T" and hints["type"].__bound__ is str
        assert str(hints["data"]).endswith("NotificationEventData[+_O]")
    else:
        assert str(hints["object"]) == "+_O"


@pytest.mark.parametrize("kind", TYPES)
def test_each_type_round_trips_a_payload_of_the_description(kind: str) -> None:
    """A payload built from the description (the event's fields, and an object of each schema its
    type can hold, with unknown keys): decoded as the type's class, every field as declared, whole."""
    from stripe_lite._generated.models.events import TYPES as GENERATED

    rng = random.Random(kind)
    payloads = Payloads(rng, depth=1, extra_rate=0.2)
    for schema in MAPPING[kind] or ("payment_intent",):  # an unmodelled object: any object will do
        data = payloads.model("event")
        data["type"] = kind
        held = payloads.model(schema)
        held[f"{UNKNOWN_PREFIX}key"] = [1, "two"]
        data["data"] = {"object": held, "previous_attributes": {"a": [1, {"b": None}]}}
        parsed = EventBase.from_dict(data)
        assert type(parsed) is GENERATED[kind][0]
        assert parsed.to_dict() == data
        for name, tp in declared(EventBase).items():
            if name not in ("type", "data") and hasattr(parsed, name):
                check_value(getattr(parsed, name), tp, f"{kind}.{name}")
        if MAPPING[kind]:
            assert type(parsed.data.object) is model_for(SPEC.models[schema].object_name or "")
        check_model(parsed.data.object, f"{kind}.data.object")
        assert parsed.data.object.extra_fields[f"{UNKNOWN_PREFIX}key"] == [1, "two"]


# -- decoding ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", TYPES)
def test_each_type_decodes_as_its_class_and_keeps_its_payload(kind: str) -> None:
    from stripe_lite._generated.models.events import TYPES as GENERATED

    cls, names = GENERATED[kind]
    name = names[-1] if names else "some.future_object"
    data = event(kind, {"id": "obj_1", "object": name, "not_in_the_model": [1, {"a": None}]}, future=True)
    data["data"]["previous_attributes"] = {"status": "old", "metadata": {}}
    parsed = parse_event(json.dumps(data))
    assert type(parsed) is cls
    assert parsed.type == kind
    held = parsed.data.object
    expected = model_for(name) if names else UnknownObject
    assert type(held) is expected
    assert held.extra_fields["not_in_the_model"] == [1, {"a": None}]
    assert parsed.data.previous_attributes == {"status": "old", "metadata": {}}
    assert parsed.extra_fields == {"future": True}
    assert parsed.to_dict() == data


def test_a_payment_intent_succeeded_event_from_a_realistic_payload() -> None:
    intent = payload("payment_intent")
    data = event("payment_intent.succeeded", intent)
    parsed = parse_event(json.dumps(data, indent=2).encode())
    assert isinstance(parsed, PaymentIntentSucceededEvent)
    assert isinstance(parsed.data.object, PaymentIntent)
    assert parsed.data.object.id == intent["id"]
    assert parsed.data.object.amount == intent["amount"]
    assert parsed.request is not None and parsed.request.id == "req_1"
    assert parsed.to_dict() == data
    assert isinstance(parsed, EventBase)


@pytest.mark.parametrize(
    ("kind", "obj", "cls"),
    [
        ("account.external_account.created", {"id": "ba_1", "object": "bank_account"}, BankAccount),
        ("account.external_account.created", {"id": "card_1", "object": "card"}, Card),
        # No object name: the one of the choices that declares most of its keys.
        ("account.external_account.updated", {"id": "ba_1", "routing_number": "110000000"}, BankAccount),
        ("customer.source.created", {"id": "card_1", "object": "card"}, Card),
        ("customer.subscription.created", {"id": "sub_1", "object": "subscription"}, Subscription),
        ("issuing_card.created", {"id": "ic_1", "object": "issuing.card"}, IssuingCard),
        ("checkout.session.completed", {"id": "cs_1", "object": "checkout.session"}, CheckoutSession),
        # A known type holding what its model does not expect is still decoded as that model.
        ("payment_intent.created", {"id": "ch_1", "object": "charge"}, PaymentIntent),
        # Deleted objects come whole, not as the {"deleted": true} stub.
        ("customer.subscription.deleted", {"id": "sub_1", "object": "subscription", "deleted": True}, Subscription),
    ],
)
def test_the_object_is_decoded_as_the_type_says(kind: str, obj: dict[str, Any], cls: type[StripeObject]) -> None:
    data = event(kind, obj)
    parsed = parse_event(json.dumps(data))
    assert type(parsed.data.object) is cls
    assert parsed.to_dict() == data


def test_an_unknown_type_parses_whole() -> None:
    data = event("billing.meter.created", {"id": "mtr_1", "object": "billing.meter", "display_name": "Calls"})
    data["data"]["previous_attributes"] = None
    parsed = parse_event(json.dumps(data).encode())
    assert type(parsed) is UnknownEvent
    assert isinstance(parsed, EventBase)
    assert parsed.type == "billing.meter.created"  # the type Stripe sent
    assert type(parsed.data.object).__name__ == "BillingMeter"  # by its object name
    assert parsed.to_dict() == data
    strange = event("x.y", {"object": "no_such_object", "v": 1})
    parsed = parse_event(json.dumps(strange))
    assert type(parsed) is UnknownEvent
    assert type(parsed.data.object) is UnknownObject
    assert parsed.data.object.extra_fields == {"object": "no_such_object", "v": 1}
    assert parsed.to_dict() == strange


@pytest.mark.parametrize("kind", [None, 12, ["payment_intent.succeeded"]])
def test_an_event_without_a_string_type_is_unknown(kind: Any) -> None:
    data = event("x", {"id": "pi_1", "object": "payment_intent"})
    data["type"] = kind
    parsed = parse_event(json.dumps(data))
    assert type(parsed) is UnknownEvent
    assert parsed.to_dict() == data


def test_a_data_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(InvalidResponseError, match="NotificationEventData"):
        parse_event(json.dumps(event("payment_intent.succeeded", {})).replace('"data": {"object": {}}', '"data": 5'))
    with pytest.raises(InvalidResponseError, match="PaymentIntent"):
        parse_event(json.dumps(event("payment_intent.succeeded", {})).replace('"object": {}', '"object": "pi_1"'))


def test_any_object_decoder_gives_the_typed_event() -> None:
    data = event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"})
    assert type(models.construct(data)) is PaymentIntentSucceededEvent
    assert type(EventBase.from_dict(data)) is PaymentIntentSucceededEvent
    assert type(PaymentIntentSucceededEvent.from_dict(data)) is PaymentIntentSucceededEvent
    with pytest.raises(InvalidResponseError, match="expected PaymentIntentSucceededEvent, got a ChargeSucceededEvent"):
        PaymentIntentSucceededEvent.from_dict({**data, "type": "charge.succeeded"})
    parsed = parse_event(json.dumps(data))
    again = pickle.loads(pickle.dumps(parsed))
    assert type(again) is PaymentIntentSucceededEvent and again == parsed
    assert models.Event is not None and "PaymentIntentSucceededEvent" in models.__all__


# -- the API version ---------------------------------------------------------------------------


def test_another_api_version_parses_leniently_by_default() -> None:
    data = event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"}, api_version="2020-08-27")
    parsed = parse_event(json.dumps(data))
    assert parsed.api_version == "2020-08-27"
    assert type(parsed) is PaymentIntentSucceededEvent


@pytest.mark.parametrize("version", ["2020-08-27", "2026-05-27.basil", None, ""])
def test_a_strict_parse_refuses_another_api_version(version: str | None) -> None:
    data = event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"}, api_version=version)
    body = json.dumps(data)
    with pytest.raises(APIVersionMismatchError) as caught:
        parse_event(body, strict=True)
    assert isinstance(caught.value, StripeError)
    assert caught.value.api_version == version
    assert caught.value.expected == stripe_lite.API_VERSION
    assert stripe_lite.API_VERSION in str(caught.value)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.api_version, again.expected) == (version, stripe_lite.API_VERSION)
    header = generate_signature_header(body, "whsec_x")
    with pytest.raises(APIVersionMismatchError):
        construct_event(body, header, "whsec_x", strict=True)
    assert type(construct_event(body, header, "whsec_x")) is PaymentIntentSucceededEvent


def test_a_strict_parse_accepts_the_pinned_version() -> None:
    data = event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"})
    assert type(parse_event(json.dumps(data), strict=True)) is PaymentIntentSucceededEvent


# -- client.events -------------------------------------------------------------------------------


def test_client_events_retrieve_returns_the_typed_event(run: Runner, mock_api: respx.MockRouter) -> None:
    data = event("customer.subscription.updated", {"id": "sub_1", "object": "subscription", "status": "active"})
    data["data"]["previous_attributes"] = {"status": "trialing"}
    route = mock_api.get("/v1/events/evt_1").respond(json=data)
    got = run(lambda c: c.events.retrieve("evt_1"))
    assert route.called
    assert type(got).__name__ == "CustomerSubscriptionUpdatedEvent"
    assert isinstance(got.data.object, Subscription)
    assert got.data.previous_attributes == {"status": "trialing"}
    assert got.to_dict() == data


def test_client_events_list_returns_typed_events(run: Runner, mock_api: respx.MockRouter) -> None:
    items = [
        event("payment_intent.succeeded", {"id": "pi_1", "object": "payment_intent"}),
        event("checkout.session.completed", {"id": "cs_1", "object": "checkout.session"}),
        event("a.type.from.the.future", {"id": "x_1", "object": "x"}),
    ]
    mock_api.get("/v1/events").respond(json=listing(*items, url="/v1/events"))
    from .conftest import Walk

    got = run(lambda c: Walk(c.events.list(types=["payment_intent.succeeded"])))
    assert [type(e).__name__ for e in got] == [
        "PaymentIntentSucceededEvent",
        "CheckoutSessionCompletedEvent",
        "UnknownEvent",
    ]
    assert isinstance(got[1].data.object, CheckoutSession)
    assert [e.to_dict() for e in got] == items


def test_client_events_refuses_an_answer_that_is_not_an_event(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get("/v1/events/evt_1").respond(json={"id": "pi_1", "object": "payment_intent"})
    with pytest.raises(InvalidResponseError, match="expected event object"):
        run(lambda c: c.events.retrieve("evt_1"))


# -- codegen/refresh_events.py, on a package of a few files (no network) ---------------------------

MINI_PACKAGE = {
    "package/cjs/apiVersion.d.ts": 'export declare const ApiVersion = "2026-05-27.dahlia";\n',
    "package/cjs/resources/Events.d.ts": """import { Issuing } from './Issuing/index.js';
import { ExternalAccount } from './ExternalAccounts.js';
import { PaymentIntent } from './PaymentIntents.js';
/**
 * Occurs when a PaymentIntent has successfully completed payment.
 */
export interface PaymentIntentSucceededEvent extends EventBase {
    type: 'payment_intent.succeeded';
    data: PaymentIntentSucceededEvent.Data;
}
export declare namespace PaymentIntentSucceededEvent {
    interface Data extends Event.Data {
        object: PaymentIntent;
        previous_attributes?: Partial<PaymentIntent>;
    }
}
export interface IssuingCardCreatedEvent extends EventBase {
    type: 'issuing_card.created';
    data: IssuingCardCreatedEvent.Data;
}
export declare namespace IssuingCardCreatedEvent {
    interface Data extends Event.Data {
        object: Issuing.Card;
    }
}
export interface AccountExternalAccountCreatedEvent extends EventBase {
    type: 'account.external_account.created';
    data: AccountExternalAccountCreatedEvent.Data;
}
export declare namespace AccountExternalAccountCreatedEvent {
    interface Data extends Event.Data {
        object: ExternalAccount;
    }
}
""",
    "package/cjs/resources/PaymentIntents.d.ts": """export interface PaymentIntent {
    id: string;
    /** The object's type. */
    object: 'payment_intent';
    next_action: PaymentIntent.NextAction | null;
}
export declare namespace PaymentIntent {
    interface NextAction {
        object: 'not_this_one';
    }
}
""",
    "package/cjs/resources/Issuing/index.d.ts": "export { Card } from './Cards.js';\n",
    "package/cjs/resources/Issuing/Cards.d.ts": "export interface Card {\n    object: 'issuing.card';\n}\n",
    "package/cjs/resources/ExternalAccounts.d.ts": """import { BankAccount } from './BankAccounts.js';
import { Card } from './Cards.js';
export type ExternalAccount = BankAccount | Card;
""",
    "package/cjs/resources/BankAccounts.d.ts": "export interface BankAccount {\n    object: 'bank_account';\n}\n",
    "package/cjs/resources/Cards.d.ts": "export interface Card {\n    object: 'card';\n}\n",
    "package/cjs/resources/V2/Core/Events.d.ts": """import { Billing as V1Billing } from './../../Billing/index.js';
/**
 * Represents the shape of an EventNotification that the SDK didn't know about.
 */ export interface UnknownEventNotification extends EventNotificationBase {
    fetchRelatedObject: () => Promise<unknown>;
}
export interface V1BillingMeterNoMeterFoundEventNotification extends EventNotificationBase {
    type: 'v1.billing.meter.no_meter_found';
    fetchEvent(): Promise<V1BillingMeterNoMeterFoundEvent>;
}
export interface V1BillingMeterErrorReportTriggeredEventNotification extends EventNotificationBase {
    type: 'v1.billing.meter.error_report_triggered';
    fetchRelatedObject(): Promise<V1Billing.Meter>;
}
""",
    "package/cjs/resources/Billing/index.d.ts": "export { Meter } from './Meters.js';\n",
    "package/cjs/resources/Billing/Meters.d.ts": "export interface Meter {\n    object: 'billing.meter';\n}\n",
}


def test_refresh_events_derives_the_facts_from_the_declarations(tmp_path: Path) -> None:
    import io
    import tarfile

    from codegen import refresh_events

    tarball = tmp_path / "stripe.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        for name, text in MINI_PACKAGE.items():
            data = text.encode("utf-8")
            member = tarfile.TarInfo(name)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    facts = refresh_events.derive(refresh_events.read_tarball(tarball))
    assert facts["api_version"] == "2026-05-27.dahlia"
    assert facts["events"] == {
        "account.external_account.created": ["bank_account", "card"],
        "issuing_card.created": ["issuing.card"],
        "payment_intent.succeeded": ["payment_intent"],
    }
    assert facts["thin_events"] == {
        "v1.billing.meter.error_report_triggered": ["billing.meter"],
        "v1.billing.meter.no_meter_found": [],
    }
    assert json.loads(refresh_events.render(facts)) == facts
    other = {**MINI_PACKAGE, "package/cjs/apiVersion.d.ts": 'export declare const ApiVersion = "2026-06-24.dahlia";'}
    with pytest.raises(ValueError, match=r"2026-06-24\.dahlia"):
        refresh_events.derive(other)


def test_the_committed_facts_are_as_refresh_events_writes_them() -> None:
    from codegen import refresh_events

    assert refresh_events.FACTS_PATH.read_text(encoding="utf-8") == refresh_events.render(FACTS)
