"""What type checkers see of events: narrowing on ``type`` types ``data.object``, under mypy --strict and pyright.

As in test_typing.py, each case is a small program checked as a user's code would be: the good
ones must check clean (their ``assert_type`` calls are the proof), each bad one must fail on its
marked line. One good program is written from the generated table: every event type's class, with
the type of its ``type`` and of its ``data.object``, and that narrowing on all of them leaves only
``UnknownEvent``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from codegen import events as codegen_events
from codegen.schema import Spec

from . import type_checkers
from .type_checkers import Errors, marked_line

NARROWING = '''
from typing import Any

from typing_extensions import assert_never, assert_type

from stripe_lite import AsyncStripeClient, ListPage, StripeClient
from stripe_lite.models import (
    BankAccount,
    Card,
    Charge,
    CheckoutSession,
    Customer,
    Dispute,
    Event,
    EventBase,
    Invoice,
    InvoicePaidEvent,
    IssuingAuthorization,
    IssuingCard,
    PaymentIntent,
    PaymentIntentSucceededEvent,
    Payout,
    Refund,
    SetupIntent,
    Source,
    Account,
    StripeObject,
    Subscription,
    TestHelpersTestClock,
    UnknownEvent,
)
from stripe_lite.webhooks import construct_event, parse_event


def handle(event: Event) -> None:
    if event.type == "payment_intent.succeeded":
        assert_type(event, PaymentIntentSucceededEvent)
        assert_type(event.data.object, PaymentIntent)
        received: int | None = event.data.object.amount_received
    elif event.type == "charge.refunded":
        assert_type(event.data.object, Charge)
        refunded: int = event.data.object.amount_refunded
    elif event.type == "account.external_account.created":
        assert_type(event.data.object, BankAccount | Card)
    elif event.type == "customer.updated":
        assert_type(event.data.previous_attributes, dict[str, Any] | None)
    elif isinstance(event, UnknownEvent):
        assert_type(event.data.object, StripeObject)
        sent: str = str(event.type)


def with_match(event: Event) -> str:
    # pyright narrows a match over many types much faster than a long if/elif chain.
    match event.type:
        case "payment_intent.payment_failed" | "payment_intent.canceled":
            assert_type(event.data.object, PaymentIntent)
            return event.data.object.id
        case "charge.dispute.created":
            assert_type(event.data.object, Dispute)
        case "charge.refund.updated":
            assert_type(event.data.object, Refund)
        case "checkout.session.completed":
            assert_type(event.data.object, CheckoutSession)
        case "customer.created":
            assert_type(event.data.object, Customer)
        case "customer.subscription.trial_will_end":
            assert_type(event.data.object, Subscription)
        case "invoice.payment_failed":
            assert_type(event.data.object, Invoice)
        case "issuing_authorization.request":
            assert_type(event.data.object, IssuingAuthorization)
        case "issuing_card.created":
            assert_type(event.data.object, IssuingCard)
        case "payout.failed":
            assert_type(event.data.object, Payout)
        case "setup_intent.succeeded":
            assert_type(event.data.object, SetupIntent)
        case "test_helpers.test_clock.ready":
            assert_type(event.data.object, TestHelpersTestClock)
        case "customer.source.expiring":
            assert_type(event.data.object, Account | BankAccount | Card | Source)
        case "billing.alert.triggered":
            # The description does not model the object this event holds.
            assert_type(event.data.object, StripeObject)
        case _:
            pass
    return event.id


def the_unknown_class_is_left_out_by_narrowing(event: Event) -> None:
    if event.type == "invoice.paid":
        assert_type(event, InvoicePaidEvent)
    if event.type != "invoice.paid":
        return
    assert_type(event.data.object, Invoice)


def every_event_is_an_event_base(event: Event) -> EventBase[str, StripeObject]:
    return event


def parsing(body: bytes, header: str) -> None:
    assert_type(parse_event(body), Event)
    assert_type(parse_event(body, strict=True), Event)
    assert_type(construct_event(body, header, ["whsec_new", "whsec_old"], tolerance=None, strict=True), Event)


def from_the_api(client: StripeClient) -> None:
    assert_type(client.events.retrieve("evt_1"), Event)
    page = client.events.list(types=["invoice.paid"])
    assert_type(page, ListPage[Event])
    for event in page:
        if event.type == "invoice.paid":
            assert_type(event.data.object, Invoice)


async def from_the_api_async(client: AsyncStripeClient) -> None:
    event = await client.events.retrieve("evt_1")
    if event.type == "refund.created":
        assert_type(event.data.object, Refund)
    async for listed in client.events.list():
        if listed.type == "charge.succeeded":
            assert_type(listed.data.object, Charge)
'''

NOTIFICATIONS = '''
from typing_extensions import assert_type

from stripe_lite import AsyncStripeClient, StripeClient
from stripe_lite.models import (
    BillingMeter,
    EventNotification,
    StripeObject,
    UnknownEventNotification,
    V2CoreAccount,
    V2CoreEvent,
    V2CoreEventDestination,
    V1BillingMeterErrorReportTriggeredEventNotification,
)
from stripe_lite.webhooks import parse_event_notification


def receive(body: bytes, header: str, client: StripeClient) -> None:
    note = parse_event_notification(body, header, "whsec_1")
    assert_type(note, EventNotification)
    if note.type == "v1.billing.meter.error_report_triggered":
        assert_type(note, V1BillingMeterErrorReportTriggeredEventNotification)
        assert_type(note.fetch_related_object(client), BillingMeter)
        assert_type(note.fetch_event(client), V2CoreEvent)
    elif note.type == "v2.core.account.created":
        assert_type(note.fetch_related_object(client), V2CoreAccount)
    elif note.type == "v2.core.event_destination.ping":
        assert_type(note.fetch_related_object(client), V2CoreEventDestination)
    elif note.type == "v2.core.account_link.returned":
        assert_type(note.fetch_related_object(client), None)
    elif isinstance(note, UnknownEventNotification):
        assert_type(note.fetch_related_object(client), StripeObject | None)


async def receive_async(note: EventNotification, client: AsyncStripeClient) -> None:
    if note.type == "v2.core.account[requirements].updated":
        account = await note.fetch_related_object(client)
        assert_type(account, V2CoreAccount)
        event = await note.fetch_event(client)
        assert_type(event, V2CoreEvent)
'''

# (name, program, the message mypy gives, the message pyright gives); the error is on the line marked "# <-".
BAD = [
    (
        "another object's field after narrowing",
        "def f(event: Event) -> object:\n"
        '    if event.type == "payment_intent.succeeded":\n'
        "        return event.data.object.amount_refunded  # <-",
        'has no attribute "amount_refunded"',
        'Cannot access attribute "amount_refunded"',
    ),
    (
        "an object's field without narrowing",
        "def f(event: Event) -> object:\n    return event.data.object.amount_received  # <-",
        'has no attribute "amount_received"',
        'Cannot access attribute "amount_received"',
    ),
    (
        "a typed field of an unknown event's object",
        "def f(event: Event) -> object:\n"
        "    if isinstance(event, UnknownEvent):\n"
        "        return event.data.object.amount  # <-",
        'has no attribute "amount"',
        'Cannot access attribute "amount"',
    ),
    (
        "an unknown event left unhandled",
        "def f(event: Event) -> None:\n"
        "    match event.type:\n"
        "        case EVERY_KNOWN:\n"
        "            return\n"
        "        case _:\n"
        "            assert_never(event)  # <-",
        '"assert_never" has incompatible type "UnknownEvent"',
        '"UnknownEvent" is not assignable to type "Never"',
    ),
    (
        "the object of a notification about none",
        "def f(note: EventNotification, client: StripeClient) -> object:\n"
        '    if note.type == "v2.core.account_link.returned":\n'
        "        return note.fetch_related_object(client).id  # <-",
        '"None" has no attribute "id"',
        'Cannot access attribute "id" for class "None"',
    ),
    (
        "an async fetch not awaited",
        "def f(note: EventNotification, client: AsyncStripeClient) -> object:\n"
        "    return note.fetch_event(client).id  # <-",
        'has no attribute "id"',
        'Cannot access attribute "id" for class "Awaitable',
    ),
]

HEADER = (
    "from typing_extensions import assert_never\n\n"
    "from stripe_lite import AsyncStripeClient, StripeClient\n"
    "from stripe_lite.models import Event, EventNotification, UnknownEvent\n\n"
)


def every_class_program() -> str:
    """Each known type's class, bound to its type's literal and its object's model; and narrowing on
    every known type at once leaves UnknownEvent alone.

    (Narrowing from the union on a type, one by one, is shown on a dozen types above: a branch per
    type for all 254 would take the checkers minutes, long if/elif chains over a union this size
    being slow to narrow.)
    """
    spec = Spec.load()
    mapping = codegen_events.event_objects(spec)
    names = {spec.models[s].class_name for schemas in mapping.values() for s in schemas}
    classes = {kind: codegen_events.event_class(kind, "Event") for kind in mapping}
    imported = sorted({*names, *classes.values(), "Event", "StripeObject", "UnknownEvent"})
    lines = [
        "from typing import Literal",
        "",
        "from typing_extensions import assert_type",
        "",
        "from stripe_lite.models import (",
        *(f"    {name}," for name in imported),
        ")",
    ]
    for index, (kind, schemas) in enumerate(mapping.items()):
        held = " | ".join(spec.models[s].class_name for s in schemas) or "StripeObject"
        lines += [
            "",
            "",
            f"def type_{index}(event: {classes[kind]}) -> Event:",
            f'    assert_type(event.type, Literal["{kind}"])',
            f"    assert_type(event.data.object, {held})",
            "    return event",
        ]
    pattern = " | ".join(f'"{kind}"' for kind in mapping)
    lines += [
        "",
        "",
        "def the_rest(event: Event) -> None:",
        "    match event.type:",
        f"        case {pattern}:",
        "            pass",
        "        case _:",
        "            assert_type(event, UnknownEvent)",
        "",
    ]
    return "\n".join(lines)


def with_every_known_type(body: str) -> str:
    """``body`` with ``EVERY_KNOWN`` spelt out: an or-pattern of every known event type."""
    spec = Spec.load()
    pattern = " | ".join(f'"{kind}"' for kind in codegen_events.webhook_event_types(spec))
    return HEADER + body.replace("EVERY_KNOWN", pattern) + "\n"


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("events_typing")
    (folder / "narrowing.py").write_text(textwrap.dedent(NARROWING), encoding="utf-8")
    (folder / "notifications.py").write_text(textwrap.dedent(NOTIFICATIONS), encoding="utf-8")
    (folder / "every_class.py").write_text(every_class_program(), encoding="utf-8")
    for index, (_, body, _, _) in enumerate(BAD):
        text = with_every_known_type(body) if "EVERY_KNOWN" in body else HEADER + body + "\n"
        (folder / f"bad_{index}.py").write_text(text, encoding="utf-8")
    return folder


GOOD = ["narrowing.py", "notifications.py", "every_class.py"]


@pytest.fixture(scope="module")
def mypy_errors(programs: Path) -> Errors:
    return type_checkers.mypy_errors(programs)


@pytest.fixture(scope="module")
def pyright_errors(programs: Path) -> Errors:
    return type_checkers.pyright_errors(programs)


@pytest.mark.parametrize("name", GOOD)
def test_narrowing_checks_clean_under_mypy(name: str, mypy_errors: Errors) -> None:
    assert mypy_errors.get(name, []) == []


@pytest.mark.parametrize("name", GOOD)
def test_narrowing_checks_clean_under_pyright(name: str, pyright_errors: Errors) -> None:
    assert pyright_errors.get(name, []) == []


def test_the_every_class_program_covers_every_type(programs: Path) -> None:
    text = (programs / "every_class.py").read_text(encoding="utf-8")
    assert text.count("assert_type(event.data.object,") == 254
    assert "assert_type(event, UnknownEvent)" in text


def test_event_is_the_union_of_every_types_class_and_the_unknown_one() -> None:
    """With the program above: narrowing on any known type leaves exactly its class."""
    import typing

    from stripe_lite._generated.models.events import TYPES
    from stripe_lite.models import Event, UnknownEvent

    members = typing.get_args(Event)
    assert len(members) == len(set(members)) == 255
    assert set(members) == {cls for cls, _ in TYPES.values()} | {UnknownEvent}


@pytest.mark.parametrize("index", range(len(BAD)), ids=[case[0] for case in BAD])
def test_mistakes_are_mypy_errors(index: int, programs: Path, mypy_errors: Errors) -> None:
    name = f"bad_{index}.py"
    line = marked_line(programs / name)
    messages = [message for at, message in mypy_errors.get(name, []) if at == line]
    assert any(BAD[index][2] in message for message in messages), mypy_errors.get(name)


@pytest.mark.parametrize("index", range(len(BAD)), ids=[case[0] for case in BAD])
def test_mistakes_are_pyright_errors(
    index: int, programs: Path, pyright_errors: Errors
) -> None:
    name = f"bad_{index}.py"
    line = marked_line(programs / name)
    messages = [message for at, message in pyright_errors.get(name, []) if at == line]
    assert any(BAD[index][3] in message for message in messages), pyright_errors.get(name)
