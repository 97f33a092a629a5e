"""stripe_lite end to end against localstripe, a fake Stripe server on 127.0.0.1.

localstripe imitates Stripe only in part. Where it differs, a comment starting
with "localstripe:" says how, and the test either asserts the difference
explicitly (so that a localstripe upgrade that fixes it gets noticed) or checks
what the SDK does with Stripe's real behaviour instead. The SDK follows Stripe.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from stripe_lite import AsyncStripeClient, StripeClient
from stripe_lite.errors import (
    APIError,
    AuthenticationError,
    CardError,
    InvalidRequestError,
    NotFoundError,
    error_class_for,
)
from stripe_lite.models import PaymentIntent, PaymentMethod, SetupIntent, StripeObject
from stripe_lite.testing import LocalStripe, run_localstripe

ROOT = Path(__file__).resolve().parents[2]

# Stripe's test cards, which localstripe knows too.
VISA = "4242424242424242"
DECLINED_ON_CHARGE = "4000000000000341"  # attaches fine, every charge is declined
DECLINED_ALWAYS = "4000000000000002"


def card(number: str) -> dict[str, Any]:
    # localstripe: requires exactly these four card fields (and cvc as a string).
    return {"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123"}}


def create_payment_method(client: StripeClient, number: str) -> str:
    pm: dict[str, Any] = client.request("post", "/v1/payment_methods", params=card(number))
    return str(pm["id"])


async def acreate_payment_method(client: AsyncStripeClient, number: str) -> str:
    pm: dict[str, Any] = await client.request("post", "/v1/payment_methods", params=card(number))
    return str(pm["id"])


def create_customer(client: StripeClient) -> str:
    customer: dict[str, Any] = client.request("post", "/v1/customers", params={"email": "jenny@example.com"})
    return str(customer["id"])


async def acreate_customer(client: AsyncStripeClient) -> str:
    customer: dict[str, Any] = await client.request("post", "/v1/customers", params={"email": "jenny@example.com"})
    return str(customer["id"])


class Recorder:
    """The query parameters of every GET the client sent, in order."""

    def __init__(self) -> None:
        self.queries: list[list[tuple[str, str]]] = []

    def __call__(self, request: httpx.Request) -> None:
        if request.method == "GET":
            self.queries.append(parse_qsl(urlsplit(str(request.url)).query))

    async def hook(self, request: httpx.Request) -> None:
        self(request)


# -- the server runner ---------------------------------------------------------------


def test_server_listens_on_loopback_only(fake_stripe: LocalStripe) -> None:
    parts = urlsplit(fake_stripe.base_url)
    assert parts.scheme == "http"
    assert parts.hostname == "127.0.0.1"
    assert parts.port not in (None, 0, 8420)  # a free port, not localstripe's default


def test_flush_empties_the_store(fake_stripe: LocalStripe, client: StripeClient) -> None:
    client.payment_intents.create(amount=500, currency="usd")
    assert len(client.payment_intents.list().data) == 1
    fake_stripe.flush()
    assert client.payment_intents.list().data == []


def test_only_one_server_at_a_time(fake_stripe: LocalStripe) -> None:
    # localstripe keeps its objects in one module-level store.
    with pytest.raises(RuntimeError, match="already running"), run_localstripe():
        pass


def test_missing_localstripe_gives_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "localstripe.server", None)
    with pytest.raises(ImportError, match=r"pip install 'stripe-lite\[examples\]'"), run_localstripe():
        pass


def test_server_starts_and_stops_cleanly_in_a_fresh_process(tmp_path: Path) -> None:
    # In a child process, since only one server runs at a time and this session's is up.
    script = textwrap.dedent(
        """
        import os, threading, warnings
        warnings.simplefilter("error")
        from stripe_lite import StripeClient
        from stripe_lite.testing import run_localstripe

        PICKLE = "/tmp/localstripe.pickle"
        before = os.stat(PICKLE).st_mtime_ns if os.path.exists(PICKLE) else None
        for _ in range(2):  # a second server after the first one stopped
            with run_localstripe() as fake:
                with StripeClient(api_key=fake.api_key, base_url=fake.base_url, max_retries=0) as client:
                    client.payment_intents.create(amount=100, currency="usd", payment_method="pm_card_visa", confirm=True)
                    port = int(fake.base_url.rsplit(":", 1)[1])
        assert threading.active_count() == 1, threading.enumerate()
        after = os.stat(PICKLE).st_mtime_ns if os.path.exists(PICKLE) else None
        assert before == after, "localstripe wrote its pickle"
        import socket
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, "the port still accepts connections"
        print("clean")
        """
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(
        [sys.executable, "-X", "dev", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"
    assert "Warning" not in result.stderr, result.stderr


# -- PaymentIntent: create, confirm, capture ---------------------------------------


def test_manual_capture(client: StripeClient) -> None:
    intent = client.payment_intents.create(
        amount=2000, currency="usd", payment_method="pm_card_visa", capture_method="manual"
    )
    assert isinstance(intent, PaymentIntent)
    assert intent.id.startswith("pi_")
    assert (intent.amount, intent.currency, intent.capture_method) == (2000, "usd", "manual")
    assert intent.status == "requires_confirmation"

    confirmed = client.payment_intents.confirm(intent.id)
    assert confirmed.id == intent.id
    assert confirmed.status == "requires_capture"

    captured = client.payment_intents.capture(intent.id)
    assert captured.status == "succeeded"
    assert client.payment_intents.retrieve(intent.id).status == "succeeded"
    # localstripe: latest_charge is the whole Charge object; Stripe sends its id
    # unless expanded. The model takes either (str | StripeObject).
    assert isinstance(captured.latest_charge, StripeObject)
    assert captured.latest_charge.captured is True


async def test_manual_capture_async(aclient: AsyncStripeClient) -> None:
    intent = await aclient.payment_intents.create(
        amount=2000, currency="usd", payment_method="pm_card_visa", capture_method="manual"
    )
    assert isinstance(intent, PaymentIntent)
    assert intent.status == "requires_confirmation"
    confirmed = await aclient.payment_intents.confirm(intent.id)
    assert confirmed.status == "requires_capture"
    captured = await aclient.payment_intents.capture(intent.id)
    assert captured.status == "succeeded"
    assert (await aclient.payment_intents.retrieve(intent.id)).status == "succeeded"


def test_partial_capture(client: StripeClient) -> None:
    intent = client.payment_intents.create(
        amount=3000, currency="usd", payment_method="pm_card_visa", capture_method="manual", confirm=True
    )
    assert intent.status == "requires_capture"
    captured = client.payment_intents.capture(intent.id, amount_to_capture=1000)
    assert captured.status == "succeeded"
    # localstripe: records the rest as a refund on the charge; Stripe reports amount_received=1000.
    assert captured.latest_charge.amount_refunded == 2000


def test_create_and_cancel(client: StripeClient) -> None:
    intent = client.payment_intents.create(amount=1500, currency="eur", metadata={"order": "42"})
    assert intent.status == "requires_payment_method"
    assert intent.metadata == {"order": "42"}
    canceled = client.payment_intents.cancel(intent.id)
    assert canceled.status == "canceled"
    assert client.payment_intents.retrieve(intent.id).status == "canceled"


async def test_create_and_cancel_async(aclient: AsyncStripeClient) -> None:
    intent = await aclient.payment_intents.create(amount=1500, currency="eur")
    assert intent.status == "requires_payment_method"
    canceled = await aclient.payment_intents.cancel(intent.id)
    assert canceled.status == "canceled"


def test_cancellation_reason_is_rejected_by_localstripe(client: StripeClient) -> None:
    # localstripe: cancel takes no parameters; Stripe accepts cancellation_reason
    # and echoes it back. The SDK sends it form-encoded like any other field.
    intent = client.payment_intents.create(amount=1500, currency="eur")
    with pytest.raises(InvalidRequestError, match="Unexpected cancellation_reason"):
        client.payment_intents.cancel(intent.id, cancellation_reason="requested_by_customer")


def test_update_metadata(client: StripeClient) -> None:
    intent = client.payment_intents.create(amount=1500, currency="eur", metadata={"a": "1"})
    updated = client.payment_intents.update(intent.id, metadata={"b": "2"})
    assert updated.metadata == {"a": "1", "b": "2"}
    # localstripe: only fields its object already has can be updated, so
    # description (absent from its PaymentIntent) gives 400; Stripe accepts it.
    with pytest.raises(InvalidRequestError):
        client.payment_intents.update(intent.id, description="Order 42")


async def test_update_metadata_async(aclient: AsyncStripeClient) -> None:
    intent = await aclient.payment_intents.create(amount=1500, currency="eur")
    updated = await aclient.payment_intents.update(intent.id, metadata={"b": "2"})
    assert updated.metadata == {"b": "2"}


def test_idempotency_key_is_sent_but_ignored_by_localstripe(fake_stripe: LocalStripe) -> None:
    sent: list[str | None] = []
    http = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.headers.get("Idempotency-Key"))]})
    with http, StripeClient(
        api_key=fake_stripe.api_key, base_url=fake_stripe.base_url, max_retries=0, http_client=http
    ) as client:
        first = client.payment_intents.create(amount=100, currency="usd", idempotency_key="order-42")
        again = client.payment_intents.create(amount=100, currency="usd", idempotency_key="order-42")
        client.payment_intents.create(amount=100, currency="usd")
    assert sent[:2] == ["order-42", "order-42"]
    assert sent[2] and sent[2] != "order-42"  # a fresh key for every POST without one
    # localstripe: ignores Idempotency-Key and creates a second object; Stripe
    # answers the repeat with the first one's result.
    assert again.id != first.id


# -- SetupIntent ------------------------------------------------------------------


def test_setup_intent_create_and_confirm(client: StripeClient) -> None:
    customer = create_customer(client)
    setup = client.setup_intents.create(customer=customer, usage="off_session")
    assert isinstance(setup, SetupIntent)
    assert setup.id.startswith("seti_")
    assert (setup.status, setup.customer, setup.usage) == ("requires_payment_method", customer, "off_session")

    confirmed = client.setup_intents.confirm(setup.id, payment_method="pm_card_visa")
    assert confirmed.status == "succeeded"
    assert isinstance(confirmed.payment_method, str)
    assert confirmed.payment_method.startswith("pm_")
    assert client.setup_intents.retrieve(setup.id).status == "succeeded"


async def test_setup_intent_create_and_confirm_async(aclient: AsyncStripeClient) -> None:
    customer = await acreate_customer(aclient)
    payment_method = await acreate_payment_method(aclient, VISA)
    setup = await aclient.setup_intents.create(customer=customer)
    assert setup.status == "requires_payment_method"
    confirmed = await aclient.setup_intents.confirm(setup.id, payment_method=payment_method)
    assert confirmed.status == "succeeded"
    assert confirmed.payment_method == payment_method


def test_setup_intent_cancel(client: StripeClient) -> None:
    setup = client.setup_intents.create()
    assert client.setup_intents.cancel(setup.id).status == "canceled"


async def test_setup_intent_list_async(aclient: AsyncStripeClient) -> None:
    created = [(await aclient.setup_intents.create()).id for _ in range(3)]
    assert [s.id async for s in aclient.setup_intents.list(limit=2)] == created


def test_setup_attempts_endpoint_is_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: has no /v1/setup_attempts, and aiohttp answers the unknown
    # URL with a plain-text 404. Stripe would list the attempts. The SDK treats
    # an answer that is not a Stripe error body as APIError, keeping the status.
    setup = client.setup_intents.create()
    with pytest.raises(APIError) as raised:
        client.setup_attempts.list(setup_intent=setup.id)
    assert not isinstance(raised.value, InvalidRequestError)
    assert raised.value.http_status == 404
    assert raised.value.error is None


# -- pagination -------------------------------------------------------------------


def _create_intents(client: StripeClient, customer: str, count: int) -> list[str]:
    return [
        client.payment_intents.create(amount=100 * (i + 1), currency="usd", customer=customer).id for i in range(count)
    ]


def test_paging(fake_stripe: LocalStripe) -> None:
    recorder = Recorder()
    http = httpx.Client(event_hooks={"request": [recorder]})
    with http, StripeClient(
        api_key=fake_stripe.api_key, base_url=fake_stripe.base_url, max_retries=0, http_client=http
    ) as client:
        customer = create_customer(client)
        ids = _create_intents(client, customer, 7)

        first = client.payment_intents.list(limit=3, expand=["data.customer"])
        assert [pi.id for pi in first.data] == ids[:3]
        assert first.has_more is True
        second = first.next_page()
        assert second is not None
        assert [pi.id for pi in second.data] == ids[3:6]
        assert second.has_more is True
        third = second.next_page()
        assert third is not None
        assert [pi.id for pi in third.data] == ids[6:]
        assert third.has_more is False
        assert third.next_page() is None

        # The expansion (localstripe supports no list filters) and the limit carry
        # over to every later page; only the cursor changes.
        for page in (first, second, third):
            assert all(isinstance(pi.customer, StripeObject) and pi.customer.id == customer for pi in page.data)
        assert [dict(query) for query in recorder.queries[-3:]] == [
            {"limit": "3", "expand[0]": "data.customer"},
            {"limit": "3", "starting_after": ids[2], "expand[0]": "data.customer"},
            {"limit": "3", "starting_after": ids[5], "expand[0]": "data.customer"},
        ]

        # Iterating a page walks every item of every page, each once.
        # localstripe: lists oldest first; Stripe lists newest first. The SDK
        # keeps whatever order the server gives.
        recorder.queries.clear()
        walked = [pi.id for pi in client.payment_intents.list(limit=3, expand=["data.customer"])]
        assert walked == ids
        assert len(recorder.queries) == 3
        assert all(("expand[0]", "data.customer") in query for query in recorder.queries)

        # Starting in the middle.
        assert [pi.id for pi in client.payment_intents.list(limit=3, starting_after=ids[4])] == ids[5:]


async def test_paging_async(fake_stripe: LocalStripe) -> None:
    recorder = Recorder()
    http = httpx.AsyncClient(event_hooks={"request": [recorder.hook]})
    async with http, AsyncStripeClient(
        api_key=fake_stripe.api_key, base_url=fake_stripe.base_url, max_retries=0, http_client=http
    ) as client:
        customer = await acreate_customer(client)
        ids = [
            (await client.payment_intents.create(amount=100 * (i + 1), currency="usd", customer=customer)).id
            for i in range(7)
        ]

        first = await client.payment_intents.list(limit=3, expand=["data.customer"])
        assert [pi.id for pi in first.data] == ids[:3]
        assert first.has_more is True
        second = await first.next_page()
        assert second is not None
        assert [pi.id for pi in second.data] == ids[3:6]
        third = await second.next_page()
        assert third is not None
        assert [pi.id for pi in third.data] == ids[6:]
        assert third.has_more is False
        assert await third.next_page() is None
        assert all(isinstance(pi.customer, StripeObject) for page in (first, second, third) for pi in page.data)
        assert [dict(query) for query in recorder.queries[-2:]] == [
            {"limit": "3", "starting_after": ids[2], "expand[0]": "data.customer"},
            {"limit": "3", "starting_after": ids[5], "expand[0]": "data.customer"},
        ]

        recorder.queries.clear()
        walked = [pi.id async for pi in client.payment_intents.list(limit=3, expand=["data.customer"])]
        assert walked == ids
        assert len(recorder.queries) == 3
        assert all(("expand[0]", "data.customer") in query for query in recorder.queries)

        # Iterating an awaited page walks on from it too.
        page = await client.payment_intents.list(limit=3)
        assert [pi.id async for pi in page] == ids


@pytest.mark.parametrize(
    ("param", "value"),
    [("customer", "cus_whoever"), ("ending_before", "pi_whatever"), ("created", {"gt": 1_600_000_000})],
)
def test_list_filters_are_missing_from_localstripe(client: StripeClient, param: str, value: Any) -> None:
    # localstripe: its PaymentIntent list knows only limit and starting_after and
    # rejects everything else; Stripe filters by customer and created, and pages
    # backwards with ending_before. The SDK sends them as Stripe expects.
    with pytest.raises(InvalidRequestError, match=f"Unexpected {param}"):
        client.payment_intents.list(**{param: value})


def test_search_is_missing_from_localstripe(client: StripeClient) -> None:
    # localstripe: has no search; /v1/payment_intents/search is taken for a
    # retrieve of the id "search". Stripe would return a search result page.
    with pytest.raises(NotFoundError):
        client.payment_intents.search(query="status:'succeeded'")


# -- expand -----------------------------------------------------------------------


def test_expand_on_retrieve(client: StripeClient) -> None:
    customer = create_customer(client)
    payment_method = create_payment_method(client, VISA)
    intent = client.payment_intents.create(
        amount=2000, currency="usd", customer=customer, payment_method=payment_method
    )
    assert intent.customer == customer
    assert intent.payment_method == payment_method

    expanded = client.payment_intents.retrieve(intent.id, expand=["customer", "payment_method"])
    assert isinstance(expanded.customer, StripeObject)  # no Customer model yet: a generic object
    assert expanded.customer.id == customer
    assert expanded.customer.email == "jenny@example.com"
    assert isinstance(expanded.payment_method, PaymentMethod)
    assert expanded.payment_method.id == payment_method
    assert expanded.payment_method.card.last4 == "4242"


async def test_expand_on_retrieve_async(aclient: AsyncStripeClient) -> None:
    customer = await acreate_customer(aclient)
    setup = await aclient.setup_intents.create(customer=customer)
    await aclient.setup_intents.confirm(setup.id, payment_method="pm_card_visa")
    expanded = await aclient.setup_intents.retrieve(setup.id, expand=["customer", "payment_method"])
    assert isinstance(expanded.customer, StripeObject)
    assert expanded.customer.id == customer
    assert isinstance(expanded.payment_method, PaymentMethod)
    assert expanded.payment_method.type == "card"


def test_expand_on_create(client: StripeClient) -> None:
    customer = create_customer(client)
    intent = client.payment_intents.create(amount=2000, currency="usd", customer=customer, expand=["customer"])
    assert isinstance(intent.customer, StripeObject)
    assert intent.customer.id == customer


# -- errors -----------------------------------------------------------------------


def test_missing_object_is_not_found(client: StripeClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        client.payment_intents.retrieve("pi_does_not_exist")
    error = raised.value
    assert isinstance(error, InvalidRequestError)
    assert error.http_status == 404
    assert error.message == "Not Found"
    assert error.error == {"type": "invalid_request_error", "message": "Not Found"}
    # localstripe: no code, param or Request-Id header; Stripe sends
    # code="resource_missing", param="intent" and a request id.
    assert (error.code, error.param, error.request_id) == (None, None, None)


async def test_missing_object_is_not_found_async(aclient: AsyncStripeClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        await aclient.setup_intents.retrieve("seti_does_not_exist")
    assert raised.value.http_status == 404


def test_bad_parameters_are_invalid_requests(client: StripeClient) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        client.payment_intents.create(amount=-100, currency="usd")
    assert type(raised.value) is InvalidRequestError
    assert raised.value.http_status == 400
    # localstripe: says only "Bad request"; Stripe names the parameter (param="amount").
    assert raised.value.message == "Bad request"

    with pytest.raises(InvalidRequestError, match="Unexpected not_a_parameter") as raised:
        client.payment_intents.create(amount=100, currency="usd", extra_params={"not_a_parameter": "x"})
    assert raised.value.http_status == 400


async def test_bad_parameters_are_invalid_requests_async(aclient: AsyncStripeClient) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        await aclient.payment_intents.create(amount=0, currency="usd")
    assert type(raised.value) is InvalidRequestError
    assert raised.value.http_status == 400


def test_declined_card_is_a_card_error(client: StripeClient) -> None:
    payment_method = create_payment_method(client, DECLINED_ON_CHARGE)
    with pytest.raises(CardError) as raised:
        client.payment_intents.create(amount=2000, currency="usd", payment_method=payment_method, confirm=True)
    error = raised.value
    assert error.http_status == 402
    assert error.code == "card_declined"
    assert error.message == "Your card was declined."
    assert error.error is not None
    assert error.error["charge"].startswith("ch_")
    # localstripe: sends no decline_code (Stripe: "generic_decline") and no
    # payment_intent in the error, and labels the error invalid_request_error;
    # run_localstripe relabels it card_error as Stripe sends it (see below).
    assert error.decline_code is None

    # The PaymentIntent is left waiting for another payment method, with the error.
    (intent,) = client.payment_intents.list().data
    assert intent.status == "requires_payment_method"
    assert intent.last_payment_error is not None
    assert intent.last_payment_error.code == "card_declined"


async def test_declined_card_is_a_card_error_async(aclient: AsyncStripeClient) -> None:
    # localstripe: pm_card_visa_chargeDeclined is declined only when attached or
    # set up, not when charged as Stripe does; pm_card_chargeCustomerFail is
    # declined on charge by both.
    with pytest.raises(CardError) as raised:
        await aclient.payment_intents.create(
            amount=2000, currency="usd", payment_method="pm_card_chargeCustomerFail", confirm=True
        )
    assert raised.value.http_status == 402
    assert raised.value.code == "card_declined"


def test_declined_card_on_setup_is_a_card_error(client: StripeClient) -> None:
    setup = client.setup_intents.create()
    with pytest.raises(CardError) as raised:
        client.setup_intents.confirm(setup.id, payment_method=create_payment_method(client, DECLINED_ALWAYS))
    assert raised.value.code == "card_declined"
    # localstripe: cancels the SetupIntent; Stripe leaves it requires_payment_method
    # with last_setup_error set.
    assert client.setup_intents.retrieve(setup.id).status == "canceled"


def test_stripe_card_errors_map_to_card_error() -> None:
    # What run_localstripe's relabelling stands in for: Stripe answers a decline
    # with HTTP 402 and type card_error. localstripe's own answer (402 with type
    # invalid_request_error) would be an InvalidRequestError.
    assert error_class_for(402, "card_error") is CardError
    assert error_class_for(402, "invalid_request_error") is InvalidRequestError


def test_wrong_api_key_is_an_authentication_error(fake_stripe: LocalStripe) -> None:
    # localstripe: accepts any key that starts with "sk_"; Stripe answers 401 to
    # an unknown one. A key of the wrong kind is refused by both.
    with StripeClient(api_key="sk_test_unknown", base_url=fake_stripe.base_url, max_retries=0) as client:
        assert client.payment_intents.list().data == []
    with StripeClient(api_key="pk_test_not_a_secret_key", base_url=fake_stripe.base_url, max_retries=0) as client:
        with pytest.raises(AuthenticationError) as raised:
            client.payment_intents.list()
    assert raised.value.http_status == 401


async def test_wrong_api_key_is_an_authentication_error_async(fake_stripe: LocalStripe) -> None:
    async with AsyncStripeClient(
        api_key="pk_test_not_a_secret_key", base_url=fake_stripe.base_url, max_retries=0
    ) as client:
        with pytest.raises(AuthenticationError) as raised:
            await client.payment_intents.create(amount=100, currency="usd")
    assert raised.value.http_status == 401


# -- models round-trip --------------------------------------------------------------


@pytest.fixture
def raw_objects(client: StripeClient) -> list[dict[str, Any]]:
    """PaymentIntents, SetupIntents and PaymentMethods in several states, as localstripe's raw JSON."""
    request = client.request
    customer = create_customer(client)
    objects: list[dict[str, Any]] = []

    params = {"amount": 2000, "currency": "usd", "customer": customer, "metadata": {"order": "42"}}
    intent = request("post", "/v1/payment_intents", params={**params, "payment_method": "pm_card_visa",
                                                            "capture_method": "manual"})
    path = f"/v1/payment_intents/{intent['id']}"
    objects.append(intent)
    objects.append(request("post", f"{path}/confirm"))
    objects.append(request("post", f"{path}/capture"))
    objects.append(request("get", path, params={"expand": ["customer", "payment_method"]}))

    other = request("post", "/v1/payment_intents", params=params)
    objects.append(request("post", f"/v1/payment_intents/{other['id']}/cancel"))

    with pytest.raises(CardError):
        request("post", "/v1/payment_intents", params={**params, "payment_method": "pm_card_chargeCustomerFail",
                                                       "confirm": True})
    objects.extend(request("get", "/v1/payment_intents")["data"])  # the declined one among them

    setup = request("post", "/v1/setup_intents", params={"customer": customer})
    objects.append(setup)
    objects.append(request("post", f"/v1/setup_intents/{setup['id']}/confirm", params={"payment_method": "pm_card_visa"}))
    objects.append(request("post", "/v1/payment_methods", params=card(VISA)))
    return objects


MODELS: dict[str, type[StripeObject]] = {
    "payment_intent": PaymentIntent,
    "setup_intent": SetupIntent,
    "payment_method": PaymentMethod,
}


def test_models_round_trip(raw_objects: list[dict[str, Any]]) -> None:
    assert {raw["object"] for raw in raw_objects} == set(MODELS)
    assert any(raw.get("last_payment_error") for raw in raw_objects)
    for raw in raw_objects:
        model = MODELS[raw["object"]].from_dict(raw)
        assert model.to_dict() == raw


def test_typed_calls_decode_what_the_raw_calls_return(client: StripeClient) -> None:
    customer = create_customer(client)
    intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa", confirm=True)
    raw = client.request("get", f"/v1/payment_intents/{intent.id}")
    assert intent.to_dict() == raw
    assert client.payment_intents.retrieve(intent.id).to_dict() == raw
    assert client.request("get", f"/v1/payment_intents/{intent.id}", cast_to=PaymentIntent) == intent

    setup = client.setup_intents.create(customer=customer, expand=["customer"])
    raw = client.request("get", f"/v1/setup_intents/{setup.id}", params={"expand": ["customer"]})
    assert setup.to_dict() == raw


def test_list_page_round_trips(client: StripeClient) -> None:
    for amount in (100, 200, 300):
        client.payment_intents.create(amount=amount, currency="usd")
    raw = client.request("get", "/v1/payment_intents", params={"limit": 2})
    page = client.payment_intents.list(limit=2)
    assert page.to_dict() == raw


async def test_models_round_trip_async(aclient: AsyncStripeClient) -> None:
    customer = await acreate_customer(aclient)
    intent = await aclient.request(
        "post", "/v1/payment_intents", params={"amount": 700, "currency": "usd", "customer": customer}
    )
    setup = await aclient.request("post", "/v1/setup_intents", params={"customer": customer})
    for raw in (intent, setup):
        assert MODELS[raw["object"]].from_dict(raw).to_dict() == raw
    typed = await aclient.request("get", f"/v1/payment_intents/{intent['id']}", cast_to=PaymentIntent)
    assert typed.to_dict() == intent
