"""The examples run, as a user would run them: a fresh process, no Stripe key, the in-process FakeStripe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_example(name: str, cwd: Path, api_key: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run examples/<name> in a fresh process, with STRIPE_API_KEY set to ``api_key`` (or unset)."""
    env = {key: value for key, value in os.environ.items() if key not in ("STRIPE_API_KEY", "STRIPE_BASE_URL")}
    if api_key is not None:
        env["STRIPE_API_KEY"] = api_key
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error::ResourceWarning", str(ROOT / "examples" / name)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )


def test_quickstart_runs_against_the_fake_without_a_key(tmp_path: Path) -> None:
    result = run_example("quickstart.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "using FakeStripe" in out
    for expected in (
        "20.00 USD  status=requires_confirmation",
        "status=requires_capture",
        "status=succeeded",
        "15.50 EUR  status=canceled",
        "Declined  42.00 USD  reason=generic_decline",
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


def test_concurrent_listing_runs_against_the_fake_without_a_key(tmp_path: Path) -> None:
    result = run_example("concurrent_listing.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # The seeded objects, each listing walking more than one page of 3.
    for expected in ("PaymentIntents: 5", "Refunds: 5", "Payouts: 4", "SetupIntents: 2", "4 resources concurrently"):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert " 700 usd  succeeded" in out  # half of the newest payment (1400 usd), refunded; lists are newest first
    assert "Warning" not in result.stderr, result.stderr


def test_saved_card_saves_a_card_then_charges_it_off_session(tmp_path: Path) -> None:
    result = run_example("saved_card.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for expected in (
        "using FakeStripe",
        "status=requires_payment_method",
        "status=succeeded  payment_method=pm_",
        "visa **** 4242",
        "19.99 USD  status=succeeded",
        # pm_card_chargeCustomerFail saves fine and is declined when charged, with Stripe's decline code.
        "Declined  42.00 USD  code=card_declined  decline_code=generic_decline",
        "message='Your card was declined.'",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert out.count("Confirmed seti_") == 2
    assert "Warning" not in result.stderr, result.stderr


def test_subscription_builds_a_product_price_customer_and_subscription(tmp_path: Path) -> None:
    result = run_example("subscription.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for expected in ("Tea club", "15.00 EUR every month", "(the customer's default payment method)", "status=active"):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    listed = out.split("Subscriptions of ", 1)[1].splitlines()[1:]
    assert len(listed) == 1 and "status=active" in listed[0]  # the one subscription, listed back
    assert "Warning" not in result.stderr, result.stderr


def test_checkout_prices_the_cart_and_lists_its_line_items(tmp_path: Path) -> None:
    result = run_example("checkout.py", tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for expected in (
        "mode=payment  status=open  payment=unpaid",
        "Total    53.00 USD",
        "Pay at   https://checkout.stripe.com/c/pay/cs_test_",
        "2 x Teapot      48.00 USD",
        "1 x Gift wrap    5.00 USD",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert "Warning" not in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["saved_card.py", "subscription.py", "checkout.py"])
def test_examples_that_charge_refuse_a_live_key(tmp_path: Path, name: str) -> None:
    result = run_example(name, tmp_path, api_key="sk_live_not_a_real_key")
    assert result.returncode != 0
    assert "test-mode key" in result.stderr
    assert "using FakeStripe" not in result.stdout
