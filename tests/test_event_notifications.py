"""Event notifications (thin events, API v2): verified as webhooks are, typed by their type, and
fetching the event and the object they are about from both clients."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from codegen import events as codegen_events
from codegen.schema import Spec
from stripe_lite.errors import InvalidResponseError, NotFoundError, SignatureVerificationError
from stripe_lite.models import (
    BillingMeter,
    EventNotificationBase,
    UnknownEventNotification,
    UnknownObject,
    V1BillingMeterErrorReportTriggeredEventNotification,
    V2CoreAccount,
    V2CoreAccountLinkReturnedEventNotification,
    V2CoreEvent,
)
from stripe_lite.webhooks import generate_signature_header, parse_event, parse_event_notification, verify_signature

from .conftest import Runner
from .webhook_vectors import BODY, NOW, SECRET, VECTORS, Vector

NOTE: dict[str, Any] = {
    "id": "evt_test_65R9Ijk8dTXXpmfNd1N16R9Ijk8dSQFxdf8TB2SHUxR2",
    "object": "v2.core.event",
    "type": "v1.billing.meter.error_report_triggered",
    "livemode": False,
    "created": "2026-05-27T12:00:00.000Z",
    "context": "acct_1Nv0FGQ9RKHgCVdK",
    "reason": {"type": "request", "request": {"id": "req_v2abc", "idempotency_key": "ik_1"}},
    "related_object": {"id": "mtr_test_1", "type": "billing.meter", "url": "/v1/billing/meters/mtr_test_1"},
}
NOTE_BODY = json.dumps(NOTE, indent=2).encode("utf-8")
METER = {"id": "mtr_test_1", "object": "billing.meter", "display_name": "API calls", "status": "active"}
V2_EVENT = {
    "id": NOTE["id"],
    "object": "v2.core.event",
    "type": NOTE["type"],
    "livemode": False,
    "created": NOTE["created"],
    "context": NOTE["context"],
    "related_object": NOTE["related_object"],
    "data": {"developer_message_summary": "2 events failed", "reason": {"error_count": 2, "error_types": []}},
}


def note(**changes: Any) -> dict[str, Any]:
    return {**NOTE, **changes}


def signed(data: dict[str, Any] | bytes) -> tuple[bytes, str]:
    body = data if isinstance(data, bytes) else json.dumps(data, indent=2).encode("utf-8")
    return body, generate_signature_header(body, SECRET)


def parse(data: dict[str, Any]) -> Any:
    return parse_event_notification(*signed(data), SECRET)


# -- verifying: exactly as a webhook -------------------------------------------------------------


def test_every_thin_event_type_of_the_facts_has_its_class() -> None:
    from stripe_lite._generated.models.event_notifications import TYPES

    facts = codegen_events.load_facts()["thin_events"]
    assert set(TYPES) == set(facts) and len(TYPES) == 24
    spec = Spec.load()
    for kind, (cls, names) in TYPES.items():
        assert list(names) == facts[kind]
        assert cls.__name__ == codegen_events.event_class(kind, "EventNotification")
        assert all(spec.object_models[name] for name in names)


@pytest.mark.parametrize("vector", VECTORS, ids=lambda vector: vector.name)
def test_the_signature_is_checked_as_a_webhooks_is(vector: Vector) -> None:
    """The webhook vectors, through parse_event_notification: the same verdict, the same reason."""
    args = (vector.payload, vector.header, vector.secret)
    options: dict[str, Any] = {"tolerance": vector.tolerance, "now": vector.now}
    if vector.expected == "TypeError":
        with pytest.raises(TypeError):
            parse_event_notification(*args, **options)
    elif vector.expected == "ok":
        verify_signature(*args, **options)
        # Authentic, and then refused for what it holds: a v1 event, not a notification.
        with pytest.raises(InvalidResponseError):
            parse_event_notification(*args, **options)
    else:
        with pytest.raises(SignatureVerificationError) as caught:
            parse_event_notification(*args, **options)
        assert caught.value.reason == vector.expected
        assert caught.value.sig_header == vector.header


def test_a_notification_signed_now_and_with_rotated_secrets() -> None:
    body = NOTE_BODY
    header = generate_signature_header(body, ["whsec_new", "whsec_old"], timestamp=NOW)
    parsed = parse_event_notification(body, header, ["whsec_old"], now=NOW + 10)
    assert type(parsed) is V1BillingMeterErrorReportTriggeredEventNotification
    with pytest.raises(SignatureVerificationError) as caught:
        parse_event_notification(body, header, "whsec_old", now=NOW + 301)
    assert caught.value.reason == "too_old"
    assert parse_event_notification(body, header, "whsec_new", now=NOW + 10**6, tolerance=None).id == NOTE["id"]


def test_a_webhook_event_is_not_a_notification_and_the_other_way_round() -> None:
    with pytest.raises(InvalidResponseError, match="webhook event \\(API v1\\): read it with construct_event"):
        parse_event_notification(BODY, generate_signature_header(BODY, SECRET), SECRET)
    with pytest.raises(InvalidResponseError, match="parse_event_notification"):
        parse_event(NOTE_BODY)
    with pytest.raises(InvalidResponseError, match="not JSON"):
        parse_event_notification(*signed(b"{nope"), SECRET)


# -- typed by type ------------------------------------------------------------------------------


def test_a_notification_is_the_class_its_type_names_and_keeps_its_payload() -> None:
    data = note(future_field={"a": 1})
    parsed = parse(data)
    assert type(parsed) is V1BillingMeterErrorReportTriggeredEventNotification
    assert isinstance(parsed, EventNotificationBase)
    assert parsed.type == "v1.billing.meter.error_report_triggered"
    assert parsed.related_object is not None and parsed.related_object.url == "/v1/billing/meters/mtr_test_1"
    assert parsed.reason is not None and parsed.reason.request is not None
    assert parsed.reason.request.id == "req_v2abc"
    assert parsed.context == NOTE["context"]
    assert parsed.extra_fields == {"future_field": {"a": 1}}
    assert parsed.to_dict() == data


@pytest.mark.parametrize("kind", sorted(codegen_events.load_facts()["thin_events"]))
def test_every_type_parses_as_its_class(kind: str) -> None:
    from stripe_lite._generated.models.event_notifications import TYPES

    data = note(type=kind)
    parsed = parse(data)
    assert type(parsed) is TYPES[kind][0]
    assert parsed.to_dict() == data


def test_an_unknown_type_parses_whole() -> None:
    data = note(type="v2.money_management.a_thing_from_the_future", changes={"x": 1})
    parsed = parse(data)
    assert type(parsed) is UnknownEventNotification
    assert parsed.type == "v2.money_management.a_thing_from_the_future"
    assert parsed.to_dict() == data
    assert parsed.extra_fields == {"changes": {"x": 1}}


# -- fetching, from both clients ------------------------------------------------------------------


def test_fetch_event_gets_the_event_in_its_context(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(f"/v2/core/events/{NOTE['id']}").respond(json=V2_EVENT)
    parsed = parse(NOTE)
    got = run(lambda c: parsed.fetch_event(c))
    assert type(got) is V2CoreEvent
    assert got.data == V2_EVENT["data"]
    assert got.to_dict() == V2_EVENT
    request = route.calls.last.request
    assert request.headers["Stripe-Context"] == NOTE["context"]
    assert request.method == "GET" and request.content == b""


def test_fetch_event_without_a_context_sends_none(run: Runner, mock_api: respx.MockRouter) -> None:
    data = {key: value for key, value in NOTE.items() if key != "context"}
    route = mock_api.get(f"/v2/core/events/{NOTE['id']}").respond(json=V2_EVENT)
    run(lambda c: parse(data).fetch_event(c))
    assert "Stripe-Context" not in route.calls.last.request.headers


def test_fetch_event_reads_a_v2_error(run: Runner, mock_api: respx.MockRouter) -> None:
    body = {"error": {"code": "not_found", "message": "Event not found."}}
    mock_api.get(f"/v2/core/events/{NOTE['id']}").mock(return_value=httpx.Response(404, json=body))
    with pytest.raises(NotFoundError, match="Event not found"):
        run(lambda c: parse(NOTE).fetch_event(c))


def test_fetch_event_refuses_an_answer_of_another_kind(run: Runner, mock_api: respx.MockRouter) -> None:
    mock_api.get(f"/v2/core/events/{NOTE['id']}").respond(json=METER)
    with pytest.raises(InvalidResponseError, match=r"expected v2\.core\.event object"):
        run(lambda c: parse(NOTE).fetch_event(c))


def test_fetch_related_object_gets_a_v1_object(run: Runner, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/v1/billing/meters/mtr_test_1").respond(json=METER)
    got = run(lambda c: parse(NOTE).fetch_related_object(c))
    assert type(got) is BillingMeter
    assert got.to_dict() == METER
    assert route.calls.last.request.headers["Stripe-Context"] == NOTE["context"]


def test_fetch_related_object_gets_a_v2_object(run: Runner, mock_api: respx.MockRouter) -> None:
    account = {"id": "acct_1", "object": "v2.core.account", "display_name": "Shop", "livemode": False}
    related = {"id": "acct_1", "type": "v2.core.account", "url": "/v2/core/accounts/acct_1?include=identity"}
    route = mock_api.get("/v2/core/accounts/acct_1").respond(json=account)
    got = run(lambda c: parse(note(type="v2.core.account[identity].updated", related_object=related)).fetch_related_object(c))
    assert type(got) is V2CoreAccount
    assert got.to_dict() == account
    assert route.calls.last.request.url.query == b"include=identity"


def test_a_notification_about_no_object_fetches_nothing(run: Runner, mock_api: respx.MockRouter) -> None:
    data = {key: value for key, value in NOTE.items() if key != "related_object"}
    parsed = parse({**data, "type": "v2.core.account_link.returned"})
    assert type(parsed) is V2CoreAccountLinkReturnedEventNotification
    assert run(lambda c: parsed.fetch_related_object(c)) is None
    assert not mock_api.calls


def test_an_unknown_notification_fetches_its_object_by_name(run: Runner, mock_api: respx.MockRouter) -> None:
    related = {"id": "thing_1", "type": "v2.future.thing", "url": "/v2/future/things/thing_1"}
    mock_api.get("/v2/future/things/thing_1").respond(json={"id": "thing_1", "object": "v2.future.thing"})
    mock_api.get("/v1/billing/meters/mtr_test_1").respond(json=METER)
    parsed = parse(note(type="v2.future.thing.created", related_object=related))
    assert type(run(lambda c: parsed.fetch_related_object(c))) is UnknownObject
    parsed = parse(note(type="v2.future.meter.created"))
    assert type(run(lambda c: parsed.fetch_related_object(c))) is BillingMeter
    parsed = parse({key: value for key, value in note(type="v2.future.x").items() if key != "related_object"})
    assert run(lambda c: parsed.fetch_related_object(c)) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/v1/billing/meters/mtr_1",
        "//evil.example/v1/billing/meters/mtr_1",
        "@evil.example/v1/billing/meters/mtr_1",
        "/v1/billing/../../evil",
        "/v1/billing//meters",
        "/v3/things/1",
        "v1/billing/meters/mtr_1",
        "/v1/billing/meters/mtr_1#fragment",
        "/v1/billing/meters/mtr 1",
        "/v1/billing/meters/mtr_1?a=<script>",
        None,
        7,
    ],
)
def test_a_related_url_that_is_not_an_api_path_is_refused(url: Any, run: Runner, mock_api: respx.MockRouter) -> None:
    parsed = parse(note(related_object={"id": "mtr_1", "type": "billing.meter", "url": url}))
    with pytest.raises(InvalidResponseError, match="not a path of Stripe's API"):
        run(lambda c: parsed.fetch_related_object(c))
    assert not mock_api.calls


def test_a_notification_without_an_id_or_type_says_what_it_lacks(run: Runner, mock_api: respx.MockRouter) -> None:
    parsed = parse({key: value for key, value in NOTE.items() if key not in ("id", "type")})
    assert type(parsed) is UnknownEventNotification
    with pytest.raises(InvalidResponseError, match="no event id to fetch"):
        run(lambda c: parsed.fetch_event(c))
    mock_api.get("/v1/billing/meters/mtr_test_1").respond(json=METER)
    assert type(run(lambda c: parsed.fetch_related_object(c))) is BillingMeter
