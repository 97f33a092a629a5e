"""The examples run, as a user would run them: a fresh process, no Stripe key, the in-process FakeStripe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
