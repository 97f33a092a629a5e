"""The examples run, as a user would run them: a fresh process, with no Stripe key against localstripe,
or with a test key against a scripted fake Stripe on 127.0.0.1 where localstripe lacks what an example uses.

The examples follow Stripe; where localstripe differs, the test says so.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .payload_files import payload
from .scripted_stripe import Pairs, listing, not_found, scripted_stripe

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 60.0  # seconds: an example, and the fake serving it, never runs longer
TEST_KEY = "sk_test_examplesKey123"


def run_example(
    name: str, cwd: Path, api_key: str | None = None, base_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run examples/<name> in a fresh process, with STRIPE_API_KEY (and STRIPE_BASE_URL) set as given, or unset."""
    env = {key: value for key, value in os.environ.items() if key not in ("STRIPE_API_KEY", "STRIPE_BASE_URL")}
    if api_key is not None:
        env["STRIPE_API_KEY"] = api_key
    if base_url is not None:
        env["STRIPE_BASE_URL"] = base_url
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error::ResourceWarning", str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        env=env,
        cwd=cwd,
    )


def test_quickstart_runs_against_localstripe(tmp_path: Path) -> None:
    pytest.importorskip("localstripe", reason="the quickstart without a key needs localstripe")
    result = run_example("quickstart.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "using localstripe" in out
    for expected in (
        "20.00 USD  status=requires_confirmation",
        "status=requires_capture",
        "status=succeeded",
        "15.50 EUR  status=canceled",
        "Declined  42.00 USD  reason=card_declined",
        "Recent payments:",
        "requires_payment_method",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert "Warning" not in result.stderr, result.stderr


def test_quickstart_refuses_a_live_key(tmp_path: Path) -> None:
    result = run_example("quickstart.py", tmp_path, api_key="sk_live_not_a_real_key")
    assert result.returncode != 0
    assert "test-mode key" in result.stderr
    assert result.stdout == ""


def test_concurrent_listing_runs_against_localstripe(tmp_path: Path) -> None:
    pytest.importorskip("localstripe", reason="the example without a key needs localstripe")
    result = run_example("concurrent_listing.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # The seeded objects, each listing walking more than one page of 3.
    for expected in ("PaymentIntents: 5", "Refunds: 5", "Payouts: 4", "SetupIntents: 2", "4 resources concurrently"):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert " 500 usd  succeeded" in out  # half of the first 1000 usd payment, refunded
    assert "Warning" not in result.stderr, result.stderr


# -- saved_card.py ------------------------------------------------------------------


def test_saved_card_runs_against_localstripe(tmp_path: Path) -> None:
    # localstripe serves every call the example makes. It differs from Stripe in ways the
    # example does not depend on: confirming the SetupIntent leaves the card unattached to
    # the customer (charging it still works), and it refuses automatic_payment_methods, which
    # is why the example asks for payment_method_types=["card"], as Stripe also accepts.
    pytest.importorskip("localstripe", reason="the example without a key needs localstripe")
    result = run_example("saved_card.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "using localstripe" in out
    for expected in (
        "status=requires_payment_method",
        "status=succeeded  payment_method=pm_",
        "visa **** 4242",
        "19.99 USD  status=succeeded",
        # localstripe's declines carry no decline_code; Stripe's do (see the scripted test below).
        "Declined  42.00 USD  code=card_declined  decline_code=None",
        "message='Your card was declined.'",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert out.count("Confirmed seti_") == 2
    assert "Warning" not in result.stderr, result.stderr


CUSTOMER_ID = "cus_example0001"
VISA_ID = "pm_example0001"
FAILING_ID = "pm_example0002"
NOW = 1782000000  # 2026-06-21 UTC
PERIOD_END = 1784592000  # 2026-07-21 UTC


def _customer(params: dict[str, str], default_payment_method: str | None = None) -> dict[str, Any]:
    return {
        "id": CUSTOMER_ID,
        "object": "customer",
        "address": None,
        "balance": 0,
        "created": NOW,
        "currency": None,
        "default_source": None,
        "delinquent": False,
        "description": None,
        "discount": None,
        "email": params.get("email", "jenny.rosen@example.com"),
        "invoice_prefix": "EXMPL01",
        "invoice_settings": {
            "custom_fields": None,
            "default_payment_method": default_payment_method,
            "footer": None,
            "rendering_options": None,
        },
        "livemode": False,
        "metadata": {},
        "name": params.get("name", "Jenny Rosen"),
        "next_invoice_sequence": 1,
        "phone": None,
        "preferred_locales": [],
        "shipping": None,
        "tax_exempt": "none",
        "test_clock": None,
    }


def _payment_method(pm_id: str, last4: str) -> dict[str, Any]:
    method = payload("payment_method")
    method.update(id=pm_id, customer=CUSTOMER_ID)
    method["card"] = {**method["card"], "brand": "visa", "last4": last4}
    return method


class SavedCardStripe:
    """Stripe's answers to saved_card.py: two SetupIntents, two off-session charges, the second declined."""

    def __init__(self) -> None:
        self.setups = 0

    def _setup(self, number: int, status: str, payment_method: str | None) -> dict[str, Any]:
        setup = payload("setup_intent")
        setup.pop("future_field", None)
        setup.update(
            id=f"seti_example000{number}",
            client_secret=f"seti_example000{number}_secret_x",
            customer=CUSTOMER_ID,
            status=status,
            payment_method=payment_method,
            latest_attempt=None,
            usage="off_session",
            payment_method_types=["card"],
        )
        return setup

    def answer(self, method: str, path: str, pairs: Pairs) -> tuple[int, dict[str, Any]]:
        params = dict(pairs)
        if (method, path) == ("POST", "/v1/customers"):
            return 200, _customer(params)
        if (method, path) == ("POST", f"/v1/customers/{CUSTOMER_ID}"):
            return 200, _customer(params, params.get("invoice_settings[default_payment_method]"))
        if (method, path) == ("POST", "/v1/setup_intents"):
            self.setups += 1
            return 200, self._setup(self.setups, "requires_payment_method", None)
        if method == "POST" and path.startswith("/v1/setup_intents/") and path.endswith("/confirm"):
            # Each test payment method (pm_card_...) becomes a new PaymentMethod, as on Stripe.
            saved = VISA_ID if params.get("payment_method") == "pm_card_visa" else FAILING_ID
            return 200, self._setup(self.setups, "succeeded", saved)
        if (method, path) == ("GET", f"/v1/payment_methods/{VISA_ID}"):
            return 200, _payment_method(VISA_ID, "4242")
        if (method, path) == ("POST", "/v1/payment_intents"):
            intent = payload("payment_intent")
            intent.pop("future_field", None)
            intent.update(
                id=f"pi_example_{params['payment_method']}",
                amount=int(params["amount"]),
                amount_received=int(params["amount"]),
                currency=params["currency"],
                customer=CUSTOMER_ID,
                payment_method=params["payment_method"],
                status="succeeded",
            )
            if params["payment_method"] == FAILING_ID:
                intent.update(status="requires_payment_method", amount_received=0, latest_charge="ch_example0002")
                error = {
                    "type": "card_error",
                    "code": "card_declined",
                    "decline_code": "generic_decline",
                    "message": "Your card was declined.",
                    "charge": "ch_example0002",
                    "payment_intent": intent,
                    "payment_method": _payment_method(FAILING_ID, "0341"),
                }
                return 402, {"error": error}
            return 200, intent
        return not_found(path)


def test_saved_card_sends_what_stripe_expects(tmp_path: Path) -> None:
    fake_stripe = SavedCardStripe()
    with scripted_stripe(fake_stripe.answer, DEADLINE) as (fake, base_url):
        result = run_example("saved_card.py", tmp_path, api_key=TEST_KEY, base_url=base_url)
    assert result.returncode == 0, result.stderr + result.stdout
    assert fake.requests() == [
        ("POST", "/v1/customers"),
        ("POST", "/v1/setup_intents"),
        ("POST", "/v1/setup_intents/seti_example0001/confirm"),
        ("GET", f"/v1/payment_methods/{VISA_ID}"),
        ("POST", f"/v1/customers/{CUSTOMER_ID}"),
        ("POST", "/v1/payment_intents"),
        ("POST", "/v1/setup_intents"),
        ("POST", "/v1/setup_intents/seti_example0002/confirm"),
        ("POST", "/v1/payment_intents"),
    ]
    assert all(s.authorization == f"Bearer {TEST_KEY}" for s in fake.seen)
    setup, confirm = fake.seen[1].params, fake.seen[2].params
    assert setup == {"customer": CUSTOMER_ID, "usage": "off_session", "payment_method_types[0]": "card"}
    assert confirm == {"payment_method": "pm_card_visa"}
    assert fake.seen[4].params == {"invoice_settings[default_payment_method]": VISA_ID}
    charge = fake.seen[5].params
    assert charge == {
        "amount": "1999",
        "currency": "usd",
        "customer": CUSTOMER_ID,
        "payment_method": VISA_ID,
        "payment_method_types[0]": "card",
        "off_session": "true",
        "confirm": "true",
        "metadata[reason]": "monthly box",
    }
    assert fake.seen[7].params == {"payment_method": "pm_card_chargeCustomerFail"}
    assert fake.seen[8].params["payment_method"] == FAILING_ID

    out = result.stdout
    for expected in (
        f"Using {base_url}",
        f"Customer  {CUSTOMER_ID}  jenny.rosen@example.com",
        f"Confirmed seti_example0001  status=succeeded  payment_method={VISA_ID}",
        f"Saved     {VISA_ID}  visa **** 4242",
        f"Charged   pi_example_{VISA_ID}  19.99 USD  status=succeeded",
        "Declined  42.00 USD  code=card_declined  decline_code=generic_decline",
        "-> email the customer a link to pay on your site, on-session",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert "Warning" not in result.stderr, result.stderr


# -- subscription.py ----------------------------------------------------------------

PRODUCT_ID = "prod_example0001"
PRICE_ID = "price_example0001"
SUBSCRIPTION_ID = "sub_example0001"
INVOICE_ID = "in_example0001"


class SubscriptionStripe:
    """Stripe's answers to subscription.py. (localstripe has Plans but no Prices: /v1/prices is not served.)"""

    def __init__(self) -> None:
        self.price: dict[str, Any] = {}

    def _product(self, params: dict[str, str]) -> dict[str, Any]:
        return {
            "id": PRODUCT_ID,
            "object": "product",
            "active": True,
            "created": NOW,
            "default_price": None,
            "description": params.get("description"),
            "images": [],
            "livemode": False,
            "marketing_features": [],
            "metadata": {},
            "name": params["name"],
            "package_dimensions": None,
            "shippable": None,
            "statement_descriptor": None,
            "tax_code": None,
            "unit_label": None,
            "updated": NOW,
            "url": None,
        }

    def _price(self, params: dict[str, str]) -> dict[str, Any]:
        return {
            "id": PRICE_ID,
            "object": "price",
            "active": True,
            "billing_scheme": "per_unit",
            "created": NOW,
            "currency": params["currency"],
            "custom_unit_amount": None,
            "livemode": False,
            "lookup_key": None,
            "metadata": {
                key[len("metadata[") : -1]: value for key, value in params.items() if key.startswith("metadata[")
            },
            "nickname": None,
            "product": params["product"],
            "recurring": {
                "interval": params["recurring[interval]"],
                "interval_count": 1,
                "meter": None,
                "trial_period_days": None,
                "usage_type": "licensed",
            },
            "tax_behavior": "unspecified",
            "tiers_mode": None,
            "transform_quantity": None,
            "type": "recurring",
            "unit_amount": int(params["unit_amount"]),
            "unit_amount_decimal": params["unit_amount"],
        }

    def _invoice(self) -> dict[str, Any]:
        return {
            "id": INVOICE_ID,
            "object": "invoice",
            "amount_due": 1500,
            "amount_paid": 1500,
            "amount_remaining": 0,
            "billing_reason": "subscription_create",
            "collection_method": "charge_automatically",
            "created": NOW,
            "currency": "eur",
            "customer": CUSTOMER_ID,
            "hosted_invoice_url": "https://invoice.stripe.com/i/example",
            "livemode": False,
            "number": "EXMPL01-0001",
            "period_end": NOW,
            "period_start": NOW,
            "status": "paid",
            "total": 1500,
        }

    def _subscription(self, expanded_invoice: bool) -> dict[str, Any]:
        item = {
            "id": "si_example0001",
            "object": "subscription_item",
            "created": NOW,
            "current_period_end": PERIOD_END,
            "current_period_start": NOW,
            "discounts": [],
            "metadata": {},
            "price": self.price,
            "quantity": 1,
            "subscription": SUBSCRIPTION_ID,
            "tax_rates": [],
        }
        return {
            "id": SUBSCRIPTION_ID,
            "object": "subscription",
            "billing_cycle_anchor": NOW,
            "cancel_at": None,
            "cancel_at_period_end": False,
            "canceled_at": None,
            "collection_method": "charge_automatically",
            "created": NOW,
            "currency": "eur",
            "customer": CUSTOMER_ID,
            "default_payment_method": None,
            "items": listing(f"/v1/subscription_items?subscription={SUBSCRIPTION_ID}", [item]),
            "latest_invoice": self._invoice() if expanded_invoice else INVOICE_ID,
            "livemode": False,
            "metadata": {},
            "start_date": NOW,
            "status": "active",
        }

    def answer(self, method: str, path: str, pairs: Pairs) -> tuple[int, dict[str, Any]]:
        params = dict(pairs)
        if (method, path) == ("POST", "/v1/products"):
            return 200, self._product(params)
        if (method, path) == ("POST", "/v1/prices"):
            self.price = self._price(params)
            return 200, self.price
        if (method, path) == ("POST", "/v1/customers"):
            return 200, _customer(params)
        if (method, path) == ("POST", "/v1/payment_methods/pm_card_visa/attach"):
            return 200, _payment_method(VISA_ID, "4242")
        if (method, path) == ("POST", f"/v1/customers/{CUSTOMER_ID}"):
            return 200, _customer(params, params.get("invoice_settings[default_payment_method]"))
        if (method, path) == ("POST", "/v1/subscriptions"):
            return 200, self._subscription(expanded_invoice=params.get("expand[0]") == "latest_invoice")
        if (method, path) == ("GET", "/v1/subscriptions"):
            return 200, listing(path, [self._subscription(expanded_invoice=False)])
        return not_found(path)


def test_subscription_example_against_a_fake_stripe(tmp_path: Path) -> None:
    with scripted_stripe(SubscriptionStripe().answer, DEADLINE) as (fake, base_url):
        result = run_example("subscription.py", tmp_path, api_key=TEST_KEY, base_url=base_url)
    assert result.returncode == 0, result.stderr + result.stdout
    assert fake.requests() == [
        ("POST", "/v1/products"),
        ("POST", "/v1/prices"),
        ("POST", "/v1/customers"),
        ("POST", "/v1/payment_methods/pm_card_visa/attach"),
        ("POST", f"/v1/customers/{CUSTOMER_ID}"),
        ("POST", "/v1/subscriptions"),
        ("GET", "/v1/subscriptions"),
    ]
    product, price, customer, attach, update, subscribe, listed = (s.params for s in fake.seen)
    assert product == {"name": "Tea club", "description": "A new tea every month"}
    assert price == {
        "product": PRODUCT_ID,
        "currency": "eur",
        "unit_amount": "1500",
        "recurring[interval]": "month",
        "metadata[source]": "examples/subscription.py",
    }
    assert customer == {"email": "jenny.rosen@example.com", "name": "Jenny Rosen"}
    assert attach == {"customer": CUSTOMER_ID}
    assert update == {"invoice_settings[default_payment_method]": VISA_ID}
    assert subscribe == {"customer": CUSTOMER_ID, "items[0][price]": PRICE_ID, "expand[0]": "latest_invoice"}
    assert listed == {"customer": CUSTOMER_ID, "status": "all"}

    out = result.stdout
    for expected in (
        f"Product       {PRODUCT_ID}  Tea club",
        f"Price         {PRICE_ID}  15.00 EUR every month",
        f"Customer      {CUSTOMER_ID}  jenny.rosen@example.com",
        f"Card          {VISA_ID}  **** 4242  (the customer's default payment method)",
        f"Subscription  {SUBSCRIPTION_ID}  status=active  1 x 15.00 EUR every month",
        "current period ends 2026-07-21",
        f"First invoice {INVOICE_ID}  status=paid  paid 15.00 EUR",
        f"Subscriptions of {CUSTOMER_ID}:\n  {SUBSCRIPTION_ID}  status=active  1 x 15.00 EUR every month",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert "Warning" not in result.stderr, result.stderr


# -- checkout.py --------------------------------------------------------------------

SESSION_ID = "cs_test_example0001"
SESSION_URL = f"https://checkout.stripe.com/c/pay/{SESSION_ID}"


def _line_item(number: int, description: str, quantity: int, unit_amount: int) -> dict[str, Any]:
    item = payload("item")
    total = quantity * unit_amount
    item.update(
        id=f"li_example000{number}",
        description=description,
        quantity=quantity,
        currency="usd",
        amount_subtotal=total,
        amount_discount=0,
        amount_tax=0,
        amount_total=total,
        discounts=[],
        taxes=[],
        adjustable_quantity=None,
    )
    item["price"] = {
        **item["price"],
        "currency": "usd",
        "unit_amount": unit_amount,
        "unit_amount_decimal": str(unit_amount),
    }
    return item


def checkout_answer(method: str, path: str, pairs: Pairs) -> tuple[int, dict[str, Any]]:
    """Stripe's answers to checkout.py (localstripe has no /v1/checkout/ at all)."""
    params = dict(pairs)
    if (method, path) == ("POST", "/v1/checkout/sessions"):
        session = {
            "id": SESSION_ID,
            "object": "checkout.session",
            "amount_subtotal": 5300,
            "amount_total": 5300,
            "cancel_url": params.get("cancel_url"),
            "client_reference_id": params.get("client_reference_id"),
            "created": NOW,
            "currency": "usd",
            "customer": None,
            "customer_email": None,
            "expires_at": NOW + 86400,
            "livemode": False,
            "metadata": {"order_id": params.get("metadata[order_id]")},
            "mode": params["mode"],
            "payment_intent": None,
            "payment_status": "unpaid",
            "status": "open",
            "success_url": params.get("success_url"),
            "ui_mode": "hosted_page",
            "url": SESSION_URL,
        }
        return 200, session
    if (method, path) == ("GET", f"/v1/checkout/sessions/{SESSION_ID}/line_items"):
        # Two pages of one item each, to show that iterating walks past the first page.
        if params.get("starting_after") == "li_example0001":
            return 200, listing(path, [_line_item(2, "Gift wrap", 1, 500)])
        return 200, listing(path, [_line_item(1, "Teapot", 2, 2400)], has_more=True)
    return not_found(path)


def test_checkout_example_against_a_fake_stripe(tmp_path: Path) -> None:
    with scripted_stripe(checkout_answer, DEADLINE) as (fake, base_url):
        result = run_example("checkout.py", tmp_path, api_key=TEST_KEY, base_url=base_url)
    assert result.returncode == 0, result.stderr + result.stdout
    assert fake.requests() == [
        ("POST", "/v1/checkout/sessions"),
        ("GET", f"/v1/checkout/sessions/{SESSION_ID}/line_items"),
        ("GET", f"/v1/checkout/sessions/{SESSION_ID}/line_items"),
    ]
    create, first_page, second_page = (s.params for s in fake.seen)
    assert create == {
        "mode": "payment",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][product_data][name]": "Teapot",
        "line_items[0][price_data][unit_amount]": "2400",
        "line_items[0][quantity]": "2",
        "line_items[1][price_data][currency]": "usd",
        "line_items[1][price_data][product_data][name]": "Gift wrap",
        "line_items[1][price_data][unit_amount]": "500",
        "line_items[1][quantity]": "1",
        "success_url": "https://shop.example.com/thanks?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.example.com/cart",
        "client_reference_id": "order-6735",
        "metadata[order_id]": "6735",
    }
    assert first_page == {"limit": "10"}
    assert second_page == {"limit": "10", "starting_after": "li_example0001"}

    out = result.stdout
    for expected in (
        f"Session  {SESSION_ID}  mode=payment  status=open  payment=unpaid",
        "Total    53.00 USD",
        f"Pay at   {SESSION_URL}",
        "Line items:\n  2 x Teapot      48.00 USD\n  1 x Gift wrap    5.00 USD",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert "Warning" not in result.stderr, result.stderr


# -- what every new example refuses ---------------------------------------------------


@pytest.mark.parametrize("name", ["saved_card.py", "subscription.py", "checkout.py"])
def test_new_examples_refuse_a_live_key(tmp_path: Path, name: str) -> None:
    with scripted_stripe(lambda method, path, pairs: not_found(path), DEADLINE) as (fake, base_url):
        result = run_example(name, tmp_path, api_key="sk_live_not_a_real_key", base_url=base_url)
    assert result.returncode != 0
    assert "test-mode key" in result.stderr
    assert result.stdout == ""
    assert fake.seen == []


@pytest.mark.parametrize("name", ["subscription.py", "checkout.py"])
def test_examples_localstripe_cannot_serve_need_a_key(tmp_path: Path, name: str) -> None:
    result = run_example(name, tmp_path)
    assert result.returncode != 0
    assert "STRIPE_API_KEY" in result.stderr and "localstripe has no" in result.stderr
    assert result.stdout == ""
