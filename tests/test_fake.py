"""FakeStripe's behaviours: validation, state, lists, search, expansion, idempotency, flows, events, failures.

The scenarios run through StripeClient and AsyncStripeClient alike (the
``client`` fixture drives either with the same calls); each asserts what
Stripe would answer.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import stripe_lite
from stripe_lite import (
    AuthenticationError,
    CardError,
    IdempotencyError,
    InvalidRequestError,
    NotFoundError,
    StripeError,
)
from stripe_lite.testing import FakeStripe
from stripe_lite.webhooks import construct_event


class Both:
    """A client proxy: the same calls on StripeClient or AsyncStripeClient (awaited on a loop of its own)."""

    def __init__(self, target: Any, loop: asyncio.AbstractEventLoop | None) -> None:
        self._target = target
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if callable(value) and not isinstance(value, type):
            def call(*args: Any, **kwargs: Any) -> Any:
                result = value(*args, **kwargs)
                if self._loop is not None and inspect.isawaitable(result):
                    result = self._loop.run_until_complete(_awaited(result))
                return result
            return call
        return Both(value, self._loop) if not isinstance(value, (str, int, float, bool, type(None))) else value


async def _awaited(result: Any) -> Any:
    return await result


@pytest.fixture
def fake() -> FakeStripe:
    return FakeStripe()


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest, fake: FakeStripe) -> Iterator[Any]:
    if request.param == "sync":
        with fake.client(max_retries=0) as sync_client:
            yield Both(sync_client, None)
        return
    loop = asyncio.new_event_loop()
    async_client = fake.async_client(max_retries=0)
    try:
        yield Both(async_client, loop)
    finally:
        loop.run_until_complete(async_client.aclose())
        loop.close()


def error_of(call: Any, *args: Any, **kwargs: Any) -> StripeError:
    with pytest.raises(StripeError) as raised:
        call(*args, **kwargs)
    return raised.value


# -- validation ---------------------------------------------------------------------------


def test_unknown_parameters_are_refused_by_name(client: Any) -> None:
    error = error_of(client.request, "post", "/v1/payment_intents", params={"amount": 2000, "currency": "usd",
                                                                             "amout": 1})
    assert isinstance(error, InvalidRequestError) and error.http_status == 400
    assert (error.param, error.message) == ("amout", "Received unknown parameter: amout")
    nested = error_of(client.request, "post", "/v1/payment_intents", params={
        "amount": 2000, "currency": "usd", "payment_method_options": {"card": {"request_three_d_secure_x": "any"}}})
    assert nested.param == "payment_method_options[card][request_three_d_secure_x]"


def test_missing_required_parameters_are_named(client: Any) -> None:
    error = error_of(client.request, "post", "/v1/payment_intents", params={"currency": "usd"})
    assert (error.param, error.message, error.code) == ("amount", "Missing required param: amount.",
                                                         "parameter_missing")
    nested = error_of(client.request, "post", "/v1/payment_intents", params={
        "amount": 2000, "currency": "usd", "automatic_payment_methods": {"allow_redirects": "never"}})
    assert nested.param == "automatic_payment_methods[enabled]"


def test_values_of_the_wrong_type_are_refused(client: Any) -> None:
    error = error_of(client.request, "post", "/v1/payment_intents", params={"amount": "twenty", "currency": "usd"})
    assert (error.param, error.message) == ("amount", "Invalid integer: twenty")
    error = error_of(client.request, "post", "/v1/payment_intents", params={"amount": 2000, "currency": "usd",
                                                                             "confirm": "yes"})
    assert (error.param, error.message) == ("confirm", "Invalid boolean: yes")
    error = error_of(client.request, "post", "/v1/customers", params={"metadata": "order"})
    assert error.param == "metadata" and error.message.startswith("Invalid hash")


def test_closed_enums_refuse_other_values_and_open_ones_take_them(client: Any) -> None:
    error = error_of(client.payment_intents.create, amount=2000, currency="usd", capture_method="later")
    assert error.param == "capture_method"
    assert error.message == "Invalid capture_method: must be one of automatic, automatic_async, or manual"
    nested = error_of(client.request, "post", "/v1/payment_intents", params={
        "amount": 2000, "currency": "usd", "payment_method_options": {"card": {"setup_future_usage": "always"}}})
    assert nested.param == "payment_method_options[card][setup_future_usage]"
    # x-stripeBypassValidation: Stripe takes values it does not list yet.
    intent = client.request("post", "/v1/payment_intents", params={
        "amount": 2000, "currency": "usd", "payment_method_options": {"card": {"request_three_d_secure": "sometimes"}}})
    assert intent["status"] == "requires_payment_method"


def test_expanding_a_field_that_cannot_be_expanded_is_refused(client: Any) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd")
    error = error_of(client.payment_intents.retrieve, intent.id, expand=["currency"])
    assert (error.param, error.message) == ("expand[0]", "This property cannot be expanded (currency).")
    error = error_of(client.payment_intents.list, expand=["customer"])
    assert error.message == "This property cannot be expanded (customer)."


def test_api_keys_missing_bad_or_live_get_401(fake: FakeStripe) -> None:
    with httpx.Client(transport=fake.transport(), base_url="https://api.stripe.com") as http:
        missing = http.get("/v1/customers")
        assert missing.status_code == 401 and "did not provide an API key" in missing.json()["error"]["message"]
        for key in ("sk_live_abcdefghijkl", "pk_test_abcdefghijkl", "nonsense"):
            answer = http.get("/v1/customers", headers={"Authorization": f"Bearer {key}"})
            assert answer.status_code == 401, key
            assert answer.json()["error"]["type"] == "invalid_request_error"
        assert http.get("/v1/customers", headers={"Authorization": "Bearer rk_test_restricted"}).status_code == 200
        assert http.get("/v1/customers", auth=("sk_test_basic", "")).status_code == 200
    with fake.client(api_key="sk_live_abcdefghijklmnop", max_retries=0) as live, pytest.raises(AuthenticationError):
        live.customers.list()


def test_unknown_ids_and_urls_are_404(client: Any) -> None:
    error = error_of(client.payment_intents.retrieve, "pi_missing")
    assert isinstance(error, NotFoundError)
    assert (error.code, error.param, error.message) == ("resource_missing", "intent",
                                                         "No such payment_intent: 'pi_missing'")
    customer = client.customers.create()
    error = error_of(client.payment_intents.retrieve, customer.id)  # an id of another kind of object
    assert isinstance(error, NotFoundError)
    error = error_of(client.request, "get", "/v1/nothing_here")
    assert error.http_status == 404 and "Unrecognized request URL (GET: /v1/nothing_here)" in error.message


# -- state ----------------------------------------------------------------------------------


def test_objects_are_stored_updated_and_deleted(client: Any, fake: FakeStripe) -> None:
    customer = client.customers.create(email="jenny@example.com", description="first", metadata={"a": "1", "b": "2"},
                                       address={"city": "Paris", "country": "FR"})
    assert customer.id.startswith("cus_") and len(customer.id) == 28
    assert customer.livemode is False and customer.created > 1_700_000_000
    updated = client.customers.update(customer.id, description="", metadata={"a": "", "c": "3"},
                                      address={"line1": "1 rue de Rivoli"})
    assert updated.description is None  # "" unsets
    assert updated.metadata == {"b": "2", "c": "3"}  # key by key
    assert (updated.address.city, updated.address.line1) == ("Paris", "1 rue de Rivoli")  # a nested merge
    assert client.customers.retrieve(customer.id).to_dict() == updated.to_dict()
    deleted = client.customers.delete(customer.id)
    assert deleted.deleted is True and deleted.id == customer.id
    assert isinstance(error_of(client.customers.retrieve, customer.id), NotFoundError)
    fake.reset()
    assert client.events.list().data == []


@pytest.mark.parametrize(
    ("create", "prefix"),
    [
        (lambda c: c.payment_intents.create(amount=2000, currency="usd"), "pi_"),
        (lambda c: c.setup_intents.create(), "seti_"),
        (lambda c: c.products.create(name="T-shirt"), "prod_"),
        (lambda c: c.prices.create(currency="usd", unit_amount=100, product_data={"name": "T"}), "price_"),
        (lambda c: c.issuing.cardholders.create(name="J", type="individual", billing={"address": {
            "line1": "1", "city": "SF", "country": "US", "postal_code": "94111"}}), "ich_"),
        (lambda c: c.payouts.create(amount=100, currency="usd"), "po_"),
        (lambda c: c.radar.value_lists.create(alias="a", name="b"), "rsl_"),
        (lambda c: c.billing.meters.create(display_name="m", event_name="e", default_aggregation={"formula": "sum"}),
         "mtr_"),
    ],
)
def test_ids_carry_stripes_prefix(fake: FakeStripe, create: Any, prefix: str) -> None:
    with fake.client() as c:
        assert create(c).id.startswith(prefix)


def test_id_prefixes_have_a_documented_fallback() -> None:
    from stripe_lite._fake._ids import prefix_for

    assert prefix_for("payment_intent") == "pi_"
    assert prefix_for("radar.payment_evaluation") == "rpe_"
    assert prefix_for("mystery") == "mys_"


def test_connected_accounts_have_their_own_objects(client: Any) -> None:
    mine = client.customers.create(name="platform")
    theirs = client.customers.create(name="connected", stripe_account="acct_connected")
    assert [c.id for c in client.customers.list().data] == [mine.id]
    assert [c.id for c in client.customers.list(stripe_account="acct_connected").data] == [theirs.id]
    assert isinstance(error_of(client.customers.retrieve, theirs.id), NotFoundError)


# -- lists and search ---------------------------------------------------------------------------


def test_lists_are_newest_first_and_page_both_ways(client: Any) -> None:
    ids = [client.customers.create(name=str(n)).id for n in range(7)]
    newest_first = ids[::-1]
    page = client.customers.list(limit=3)
    assert [c.id for c in page.data] == newest_first[:3] and page.has_more and page.url == "/v1/customers"
    after = client.customers.list(limit=3, starting_after=newest_first[2])
    assert [c.id for c in after.data] == newest_first[3:6] and after.has_more
    last = client.customers.list(limit=3, starting_after=newest_first[5])
    assert [c.id for c in last.data] == newest_first[6:] and not last.has_more
    before = client.customers.list(limit=2, ending_before=newest_first[4])
    assert [c.id for c in before.data] == newest_first[2:4] and before.has_more
    assert len(client.customers.list().data) == 7  # 10 by default
    error = error_of(client.customers.list, limit=101)
    assert error.param == "limit"


def test_lists_filter_by_their_documented_filters_and_created(client: Any, fake: FakeStripe) -> None:
    now = [1_800_000_000]
    fake._core.clock = lambda: now[0]
    jenny = client.customers.create(email="jenny@example.com")
    first = client.payment_intents.create(amount=2000, currency="usd", customer=jenny.id)
    now[0] += 100
    second = client.payment_intents.create(amount=3000, currency="usd")
    assert [p.id for p in client.payment_intents.list(customer=jenny.id).data] == [first.id]
    assert [p.id for p in client.payment_intents.list(created={"gt": 1_800_000_050}).data] == [second.id]
    assert [p.id for p in client.payment_intents.list(created=1_800_000_000).data] == [first.id]
    assert [c.id for c in client.customers.list(email="jenny@example.com").data] == [jenny.id]


def test_search_reads_the_common_query_forms(client: Any) -> None:
    a = client.customers.create(email="a@example.com", name="Ann", metadata={"plan": "pro"})
    b = client.customers.create(email="b@example.com", name="Bob", metadata={"plan": "free"})
    c = client.customers.create(email="c@example.com", name="Cid", metadata={"plan": "pro"})
    assert [x.id for x in client.customers.search(query="email:'b@example.com'").data] == [b.id]
    assert [x.id for x in client.customers.search(query="metadata['plan']:'pro'").data] == [c.id, a.id]
    assert [x.id for x in client.customers.search(query="metadata['plan']:'pro' AND name:'Ann'").data] == [a.id]
    assert [x.id for x in client.customers.search(query="name:'Ann' OR name:'Bob'").data] == [b.id, a.id]
    assert [x.id for x in client.customers.search(query="-metadata['plan']:'pro'").data] == [b.id]
    assert [x.id for x in client.customers.search(query="email~'example'").data] == [c.id, b.id, a.id]
    pi = client.payment_intents.create(amount=5000, currency="usd")
    client.payment_intents.create(amount=100, currency="usd")
    assert [x.id for x in client.payment_intents.search(query="amount>1000").data] == [pi.id]
    first = client.customers.search(query="email~'example'", limit=2)
    assert first.has_more and first.next_page
    rest = client.customers.search(query="email~'example'", limit=2, page=first.next_page)
    assert [x.id for x in rest.data] == [a.id] and not rest.has_more and rest.next_page is None
    error = error_of(client.customers.search, query="name:'a' AND name:'b' OR name:'c'")
    assert error.param == "query"


def test_expand_follows_ids_nested_and_on_lists(client: Any) -> None:
    customer = client.customers.create(source="tok_visa", email="jenny@example.com")
    intent = client.payment_intents.create(amount=2000, currency="usd", customer=customer.id)
    expanded = client.payment_intents.retrieve(intent.id, expand=["customer.default_source"])
    assert expanded.customer.email == "jenny@example.com"
    assert expanded.customer.default_source.last4 == "4242"
    page = client.payment_intents.list(expand=["data.customer"])
    assert page.data[0].customer.id == customer.id
    stored = client.payment_intents.retrieve(intent.id)
    assert stored.customer == customer.id  # expansion never changes what is stored


# -- idempotency -----------------------------------------------------------------------------


def test_idempotent_requests_replay_and_a_reused_key_is_refused(fake: FakeStripe) -> None:
    with httpx.Client(transport=fake.transport(), base_url="https://api.stripe.com",
                      headers={"Authorization": "Bearer sk_test_x", "Idempotency-Key": "order-6735",
                               "Content-Type": "application/x-www-form-urlencoded"}) as http:
        first = http.post("/v1/customers", content=b"email=a%40example.com")
        again = http.post("/v1/customers", content=b"email=a%40example.com")
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json()
        assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
        assert first.headers["request-id"] != again.headers["request-id"]
        other = http.post("/v1/customers", content=b"email=b%40example.com")
        assert other.status_code == 400 and other.json()["error"]["type"] == "idempotency_error"
    with fake.client(max_retries=0) as client:
        assert len(client.customers.list().data) == 1
        with pytest.raises(IdempotencyError):
            client.customers.create(email="c@example.com", idempotency_key="order-6735")


# -- payments ------------------------------------------------------------------------------------


def test_the_readme_payment_flow(client: Any) -> None:
    intent = client.payment_intents.create(
        amount=2000, currency="usd", automatic_payment_methods={"enabled": True}, metadata={"order_id": "6735"}
    )
    assert intent.status == "requires_payment_method"
    assert intent.automatic_payment_methods.enabled is True
    assert intent.client_secret.startswith(intent.id + "_secret_")
    intent = client.payment_intents.confirm(intent.id, payment_method="pm_card_visa")
    assert (intent.status, intent.amount_received) == ("succeeded", 2000)
    charge = client.charges.retrieve(intent.latest_charge)
    assert (charge.status, charge.captured, charge.paid, charge.amount_captured) == ("succeeded", True, True, 2000)
    assert charge.payment_intent == intent.id and charge.payment_method_details.card.last4 == "4242"
    assert charge.metadata == {"order_id": "6735"}
    assert charge.balance_transaction.startswith("txn_")


DECLINES = [
    ("pm_card_chargeDeclined", "card_declined", "generic_decline"),
    ("pm_card_visa_chargeDeclined", "card_declined", "generic_decline"),
    ("pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"),
    ("pm_card_chargeDeclinedLostCard", "card_declined", "lost_card"),
    ("pm_card_chargeDeclinedStolenCard", "card_declined", "stolen_card"),
    ("pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card"),
    ("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc"),
    ("pm_card_chargeDeclinedProcessingError", "processing_error", "processing_error"),
    ("pm_card_visa_chargeDeclinedVelocityLimitExceeded", "card_declined", "card_velocity_exceeded"),
    ("pm_card_chargeCustomerFail", "card_declined", "generic_decline"),
]


@pytest.mark.parametrize(("payment_method", "code", "decline_code"), DECLINES)
def test_declining_test_cards_give_card_errors(fake: FakeStripe, payment_method: str, code: str,
                                               decline_code: str) -> None:
    with fake.client(max_retries=0) as client:
        intent = client.payment_intents.create(amount=2000, currency="usd")
        with pytest.raises(CardError) as raised:
            client.payment_intents.confirm(intent.id, payment_method=payment_method)
        error = raised.value
        assert (error.http_status, error.code, error.decline_code) == (402, code, decline_code)
        assert error.error is not None and error.error["payment_intent"]["id"] == intent.id
        intent = client.payment_intents.retrieve(intent.id)
        assert intent.status == "requires_payment_method"
        assert (intent.last_payment_error.code, intent.last_payment_error.decline_code) == (code, decline_code)
        charge = client.charges.retrieve(intent.latest_charge)
        assert (charge.status, charge.failure_code) == ("failed", code)


def test_authentication_required_needs_action_then_completes(client: Any, fake: FakeStripe) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_authenticationRequired",
                                           confirm=True, return_url="https://example.com/back")
    assert intent.status == "requires_action"
    assert intent.next_action.type == "redirect_to_url"
    assert intent.next_action.redirect_to_url.return_url == "https://example.com/back"
    assert fake.complete(intent.id)["status"] == "succeeded"
    assert client.payment_intents.retrieve(intent.id).status == "succeeded"
    other = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_authenticationRequired",
                                          confirm=True)
    assert other.next_action.type == "use_stripe_sdk"
    failed = fake.complete(other.id, success=False)
    assert failed["status"] == "requires_payment_method"
    assert failed["last_payment_error"]["code"] == "payment_intent_authentication_failure"
    error = error_of(client.payment_intents.create, amount=2000, currency="usd", confirm=True, off_session=True,
                     payment_method="pm_card_authenticationRequired")
    assert isinstance(error, CardError) and error.code == "authentication_required"


def test_manual_capture_and_the_states_that_refuse_it(client: Any) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa",
                                           capture_method="manual")
    assert intent.status == "requires_confirmation"
    error = error_of(client.payment_intents.capture, intent.id)
    assert error.code == "payment_intent_unexpected_state" and "requires_confirmation" in error.message
    intent = client.payment_intents.confirm(intent.id)
    assert (intent.status, intent.amount_capturable) == ("requires_capture", 2000)
    error = error_of(client.payment_intents.capture, intent.id, amount_to_capture=2500)
    assert (error.param, error.code) == ("amount_to_capture", "amount_too_large")
    intent = client.payment_intents.capture(intent.id, amount_to_capture=1500)
    assert (intent.status, intent.amount_received, intent.amount_capturable) == ("succeeded", 1500, 0)
    charge = client.charges.retrieve(intent.latest_charge)
    assert (charge.amount_captured, charge.amount_refunded, charge.captured) == (1500, 500, True)
    error = error_of(client.payment_intents.cancel, intent.id)
    assert error.code == "payment_intent_unexpected_state"
    error = error_of(client.payment_intents.confirm, intent.id)
    assert error.code == "payment_intent_unexpected_state"


def test_cancel_and_confirm_without_a_payment_method(client: Any) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd")
    error = error_of(client.payment_intents.confirm, intent.id)
    assert error.code == "payment_intent_unexpected_state"
    intent = client.payment_intents.cancel(intent.id, cancellation_reason="abandoned")
    assert (intent.status, intent.cancellation_reason) == ("canceled", "abandoned") and intent.canceled_at
    error = error_of(client.payment_intents.create, amount=10, currency="usd")
    assert (error.param, error.code) == ("amount", "amount_too_small")


def test_payment_methods_attach_and_detach(client: Any) -> None:
    customer = client.customers.create()
    pm = client.payment_methods.attach("pm_card_mastercard", customer=customer.id)
    assert pm.id.startswith("pm_") and pm.id != "pm_card_mastercard"
    assert (pm.customer, pm.card.brand, pm.card.last4) == (customer.id, "mastercard", "4444")
    listed = client.customers.payment_methods.list(customer.id, type="card")
    assert [p.id for p in listed.data] == [pm.id]
    other = client.customers.create()
    error = error_of(client.payment_methods.attach, pm.id, customer=other.id)
    assert error.code == "payment_method_unexpected_state"
    error = error_of(client.payment_methods.attach, "pm_card_visa", customer="cus_missing")
    assert (error.param, error.http_status) == ("customer", 404)
    pm = client.payment_methods.detach(pm.id)
    assert pm.customer is None
    error = error_of(client.payment_methods.detach, pm.id)
    assert error.code == "payment_method_unexpected_state"
    made = client.payment_methods.create(type="card", card={"number": "4000000000009995", "exp_month": 12,
                                                              "exp_year": 2040, "cvc": "123"})
    assert made.card.last4 == "9995"
    error = error_of(client.payment_methods.create, type="card", card={"number": "4242424242424241",
                                                                     "exp_month": 12, "exp_year": 2040})
    assert isinstance(error, CardError) and error.code == "incorrect_number"


def test_setup_intents_save_cards_with_setup_attempts(client: Any, fake: FakeStripe) -> None:
    customer = client.customers.create()
    intent = client.setup_intents.create(customer=customer.id, payment_method="pm_card_visa", confirm=True)
    assert intent.status == "succeeded"
    attempts = client.setup_attempts.list(setup_intent=intent.id).data
    assert [(a.status, a.setup_intent, a.payment_method) for a in attempts] == [
        ("succeeded", intent.id, intent.payment_method)
    ]
    assert client.payment_methods.retrieve(intent.payment_method).customer == customer.id
    declined = client.setup_intents.create(customer=customer.id)
    error = error_of(client.setup_intents.confirm, declined.id, payment_method="pm_card_chargeDeclined")
    assert isinstance(error, CardError) and error.decline_code == "generic_decline"
    assert client.setup_intents.retrieve(declined.id).status == "requires_payment_method"
    on_setup = client.setup_intents.create(customer=customer.id, payment_method="pm_card_authenticationRequiredOnSetup",
                                           confirm=True)
    assert on_setup.status == "requires_action"
    assert fake.complete(on_setup.id)["status"] == "succeeded"
    # Set up once, that card is then charged off-session without authentication.
    paid = client.payment_intents.create(amount=2000, currency="usd", customer=customer.id, confirm=True,
                                         off_session=True, payment_method=on_setup.payment_method)
    assert paid.status == "succeeded"
    canceled = client.setup_intents.cancel(client.setup_intents.create().id)
    assert canceled.status == "canceled"
    assert error_of(client.setup_intents.cancel, canceled.id).code == "setup_intent_unexpected_state"


def test_refunds_partial_full_and_refused(client: Any) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa", confirm=True)
    partial = client.refunds.create(payment_intent=intent.id, amount=500, reason="requested_by_customer")
    assert (partial.amount, partial.status, partial.charge) == (500, "succeeded", intent.latest_charge)
    error = error_of(client.refunds.create, charge=intent.latest_charge, amount=1600)
    assert (error.param, error.code) == ("amount", "amount_too_large")
    assert "15.00 USD" in error.message
    rest = client.refunds.create(charge=intent.latest_charge)
    assert rest.amount == 1500
    charge = client.charges.retrieve(intent.latest_charge)
    assert (charge.amount_refunded, charge.refunded) == (2000, True)
    assert error_of(client.refunds.create, payment_intent=intent.id).code == "charge_already_refunded"
    assert [r.id for r in client.refunds.list(charge=charge.id).data] == [rest.id, partial.id]
    unpaid = client.payment_intents.create(amount=2000, currency="usd")
    assert error_of(client.refunds.create, payment_intent=unpaid.id).http_status == 400
    assert error_of(client.refunds.create).http_status == 400


def test_payouts_are_pending_until_completed(client: Any, fake: FakeStripe) -> None:
    payout = client.payouts.create(amount=5000, currency="usd")
    assert payout.status == "pending" and payout.arrival_date > payout.created
    assert error_of(client.payouts.reverse, payout.id).code == "payout_not_reversible"
    assert fake.complete(payout.id)["status"] == "paid"
    reversal = client.payouts.reverse(payout.id)
    assert reversal.original_payout == payout.id
    canceled = client.payouts.cancel(client.payouts.create(amount=100, currency="usd").id)
    assert canceled.status == "canceled"
    assert error_of(client.payouts.cancel, canceled.id).code == "payout_not_cancelable"
    failed = fake.complete(client.payouts.create(amount=100, currency="usd").id, success=False)
    assert (failed["status"], failed["failure_code"]) == ("failed", "account_closed")


def test_issuing_cards_authorizations_and_transactions(client: Any) -> None:
    holder = client.issuing.cardholders.create(name="Jenny Rosen", type="individual", billing={"address": {
        "line1": "1 Main St", "city": "San Francisco", "state": "CA", "country": "US", "postal_code": "94111"}})
    assert holder.id.startswith("ich_") and holder.status == "active"
    card = client.issuing.cards.create(cardholder=holder.id, currency="usd", type="virtual", status="active")
    assert card.id.startswith("ic_") and card.cardholder.id == holder.id and len(card.last4) == 4
    auth = client.test_helpers.issuing.authorizations.create(card=card.id, amount=1200)
    assert (auth.status, auth.approved, auth.amount, auth.card.id) == ("pending", True, 1200, card.id)
    auth = client.test_helpers.issuing.authorizations.increment(auth.id, increment_amount=300)
    assert auth.amount == 1500
    auth = client.test_helpers.issuing.authorizations.capture(auth.id)
    assert (auth.status, auth.transactions[0].amount, auth.transactions[0].type) == ("closed", -1500, "capture")
    txns = client.issuing.transactions.list(card=card.id).data
    assert [t.amount for t in txns] == [-1500]
    refund = client.test_helpers.issuing.transactions.refund(txns[0].id, refund_amount=500)
    assert (refund.type, refund.amount) == ("refund", 500)
    assert error_of(client.test_helpers.issuing.authorizations.capture, auth.id).http_status == 400
    inactive = client.issuing.cards.create(cardholder=holder.id, currency="usd", type="virtual")
    declined = client.test_helpers.issuing.authorizations.create(card=inactive.id, amount=100)
    assert (declined.approved, declined.status, declined.request_history[0].reason) == (
        False, "closed", "card_inactive")
    assert error_of(client.issuing.cards.create, cardholder="ich_missing", currency="usd",
                    type="virtual").http_status == 404


def test_checkout_sessions_are_created_listed_and_completed(client: Any, fake: FakeStripe) -> None:
    price = client.prices.create(currency="usd", unit_amount=1500, product_data={"name": "Hoodie"})
    session = client.checkout.sessions.create(mode="payment", success_url="https://example.com/ok", line_items=[
        {"price": price.id, "quantity": 2},
        {"price_data": {"currency": "usd", "unit_amount": 500, "product_data": {"name": "Sticker"}}, "quantity": 1},
    ])
    assert session.id.startswith("cs_test_") and session.url.startswith("https://checkout.stripe.com/")
    assert (session.status, session.payment_status, session.amount_total) == ("open", "unpaid", 3500)
    assert [i.quantity for i in client.checkout.sessions.list_line_items(session.id).data] == [2, 1]
    assert [s.id for s in client.checkout.sessions.list(status="open").data] == [session.id]
    done = fake.complete(session.id)
    assert (done["status"], done["payment_status"]) == ("complete", "paid")
    assert client.payment_intents.retrieve(done["payment_intent"]).status == "succeeded"
    assert [e.type for e in client.events.list(type="checkout.session.*").data] == ["checkout.session.completed"]
    expired = client.checkout.sessions.expire(client.checkout.sessions.create(
        mode="payment", success_url="https://example.com/ok", line_items=[{"price": price.id, "quantity": 1}]).id)
    assert expired.status == "expired"
    assert error_of(client.checkout.sessions.expire, expired.id).http_status == 400
    link = client.payment_links.create(line_items=[{"price": price.id, "quantity": 1}])
    assert link.url.startswith("https://buy.stripe.com/") and link.active


def test_objects_only_stripe_makes_can_be_added(client: Any, fake: FakeStripe) -> None:
    dispute = fake.add("dispute", {"amount": 1000, "currency": "usd", "reason": "fraudulent", "status": "needs_response"})
    assert dispute["id"].startswith("dp_")
    assert client.disputes.retrieve(dispute["id"]).reason == "fraudulent"
    assert client.events.list().data[0].type == "charge.dispute.created"
    with pytest.raises(ValueError, match="no Stripe object"):
        fake.add("not_an_object")


# -- events ----------------------------------------------------------------------------------------


def test_flows_record_typed_events_newest_first(client: Any) -> None:
    intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa", confirm=True)
    events = client.events.list().data
    assert [e.type for e in events] == ["payment_intent.succeeded", "charge.succeeded", "payment_intent.created"]
    event = events[0]
    assert event.id.startswith("evt_") and event.livemode is False and event.api_version == stripe_lite.API_VERSION
    assert event.data.object.id == intent.id  # decoded as any Stripe object
    assert event.request.id.startswith("req_")
    assert client.events.retrieve(event.id).type == "payment_intent.succeeded"
    updated = client.payment_intents.update(client.payment_intents.create(amount=100, currency="usd").id,
                                            description="x")
    latest = client.events.list(limit=1).data[0]
    assert latest.type == "payment_intent.updated" and latest.data.previous_attributes == {"description": None}
    assert latest.data.object.description == updated.description
    assert [e.type for e in client.events.list(types=["charge.succeeded"]).data] == ["charge.succeeded"]


def test_events_are_delivered_signed_to_a_callable(fake: FakeStripe) -> None:
    received: list[Any] = []
    endpoint = fake.add_webhook_endpoint(
        lambda payload, headers: received.append(construct_event(payload, headers["Stripe-Signature"],
                                                                 endpoint.secret)),
        events=["payment_intent.*"],
    )
    with fake.client() as client:
        intent = client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa",
                                               confirm=True, idempotency_key="key-1")
        assert client.events.list(limit=1).data[0].pending_webhooks == 1
    assert [e.type for e in received] == ["payment_intent.created", "payment_intent.succeeded"]
    assert received[1].data.object.id == intent.id and received[1].request.idempotency_key == "key-1"
    assert all(d.ok for d in endpoint.deliveries) and len(endpoint.deliveries) == 2

    def broken(payload: bytes, headers: dict[str, str]) -> None:
        raise RuntimeError("handler bug")

    failing = fake.add_webhook_endpoint(broken)
    with fake.client() as client:
        client.customers.create()
    assert not failing.deliveries[0].ok and isinstance(failing.deliveries[0].error, RuntimeError)
    fake.remove_webhook_endpoint(failing)


def test_events_are_delivered_to_a_url_on_this_machine(fake: FakeStripe) -> None:
    import http.server
    import threading

    bodies: list[tuple[bytes, str]] = []

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            bodies.append((body, self.headers["Stripe-Signature"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return None

    server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        endpoint = fake.add_webhook_endpoint(f"http://127.0.0.1:{server.server_address[1]}/hooks",
                                             secret="whsec_test", events=["customer.created"])
        with fake.client() as client:
            customer = client.customers.create()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert [d.status for d in endpoint.deliveries] == [204]
    (body, signature), = bodies
    assert construct_event(body, signature, "whsec_test").data.object.id == customer.id
    with pytest.raises(ValueError, match="this machine"):
        fake.add_webhook_endpoint("https://example.com/hooks")


# -- failure injection -------------------------------------------------------------------------


def test_injected_failures_answer_then_the_retry_succeeds(fake: FakeStripe, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    fake.fail_next(2, status=503, method="POST", path="/v1/customers")
    with fake.client(max_retries=2) as client:
        client.products.create(name="not matched")  # another path: not failed
        customer = client.customers.create(email="a@example.com")
        assert len(slept) == 2
        assert [c.id for c in client.customers.list().data] == [customer.id]
        fake.fail_next(status=402, error={"type": "card_error", "code": "card_declined", "message": "No."})
        with pytest.raises(CardError, match=r"^No\. "):
            client.customers.list()
        fake.fail_next(status=429)
        with pytest.raises(StripeError) as raised:
            client.with_options(max_retries=0).customers.list()
        assert raised.value.http_status == 429 and raised.value.code == "rate_limit"


def test_a_dropped_answer_after_applying_is_retried_once_only(fake: FakeStripe, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    fake.fail_next(drop_connection=True, after_applying=True, path="/v1/payment_intents")
    with fake.client(max_retries=1) as client:
        intent = client.payment_intents.create(amount=2000, currency="usd")
        assert [p.id for p in client.payment_intents.list().data] == [intent.id]  # created once
    fake.fail_next(drop_connection=True)
    with fake.client(max_retries=0) as client, pytest.raises(stripe_lite.APIConnectionError):
        client.customers.list()


async def test_async_client_and_transport(fake: FakeStripe) -> None:
    async with fake.async_client() as client:
        intent = await client.payment_intents.create(amount=2000, currency="usd", payment_method="pm_card_visa",
                                                     confirm=True)
        assert intent.status == "succeeded"
        seen = [i.id async for i in client.payment_intents.list()]
        assert seen == [intent.id]
    async with httpx.AsyncClient(transport=fake.async_transport(), base_url="https://api.stripe.com") as http:
        answer = await http.get(f"/v1/payment_intents/{intent.id}", headers={"Authorization": "Bearer sk_test_1"})
        assert answer.json()["status"] == "succeeded"


def test_the_fake_loads_only_with_stripe_lite_testing() -> None:
    import subprocess
    import sys

    code = ("import sys, stripe_lite; c = stripe_lite.StripeClient(api_key='sk_test_x'); "
            "print(any(m.startswith('stripe_lite._fake') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
