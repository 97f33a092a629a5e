"""examples/issuing.py runs as a user would run it, against a small scripted fake Stripe on 127.0.0.1.

The fake answers the example's requests with the payloads of tests/payloads/
(ids adjusted so the walkthrough hangs together) and records every request;
the test checks what the example sent and what it printed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAYLOADS = ROOT / "tests" / "payloads"
API_KEY = "sk_test_issuingExampleKey123"

CARDHOLDER_ID = "ich_example0001"
CARD_ID = "ic_example0001"
PURCHASE_ID = "ipi_example0002"
EARLIER_ID = "ipi_example0001"
DISPUTE_ID = "idp_example0001"
DEADLINE = 30.0  # seconds: the example, and so the server, never runs longer


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    data.pop("future_field", None)
    return data


def _transaction(txn_id: str, amount: int, merchant: str) -> dict[str, Any]:
    txn = _load("issuing_transaction")
    txn.update(
        id=txn_id,
        amount=-amount,
        merchant_amount=-amount,
        card=CARD_ID,
        cardholder=CARDHOLDER_ID,
        dispute=None,
        token=None,
        wallet=None,
        purchase_details=None,
    )
    txn["merchant_data"] = {**txn["merchant_data"], "name": merchant}
    return txn


def _dispute(status: str) -> dict[str, Any]:
    dispute = _load("issuing_dispute")
    dispute.update(id=DISPUTE_ID, amount=1250, status=status, transaction=PURCHASE_ID, treasury=None)
    dispute["evidence"] = {
        "reason": "fraudulent",
        "fraudulent": {"additional_documentation": None, "explanation": "not recognised"},
        **dict.fromkeys(
            (
                "canceled",
                "duplicate",
                "merchandise_not_as_described",
                "no_valid_authorization",
                "not_received",
                "other",
                "service_not_as_described",
            )
        ),
    }
    return dispute


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    pairs: list[tuple[str, str]]  # the query string (GET) or the form body (POST)
    authorization: str


class FakeStripe:
    """Answers the walkthrough's requests from a fixed script; records every request."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.refuse_submit = False

    def answer(self, method: str, path: str, pairs: list[tuple[str, str]]) -> tuple[int, dict[str, Any]]:
        params = dict(pairs)
        if (method, path) == ("POST", "/v1/issuing/cardholders"):
            cardholder = _load("issuing_cardholder")
            cardholder.update(id=CARDHOLDER_ID, name=params.get("name", "?"))
            return 200, cardholder
        if (method, path) == ("POST", "/v1/issuing/cards"):
            card = _load("issuing_card")
            card.update(id=CARD_ID, last4="0005", status="active", type="virtual")
            return 200, card
        if (method, path) == ("POST", "/v1/test_helpers/issuing/transactions/create_force_capture"):
            return 200, _transaction(PURCHASE_ID, int(params["amount"]), params.get("merchant_data[name]", "?"))
        if (method, path) == ("GET", "/v1/issuing/transactions"):
            # Two pages, to show that iterating the list walks past the first one.
            if params.get("starting_after") == PURCHASE_ID:
                page = [_transaction(EARLIER_ID, 300, "Corner Cafe")]
                return 200, {"object": "list", "url": path, "has_more": False, "data": page}
            page = [_transaction(PURCHASE_ID, 1250, "Rocket Rides")]
            return 200, {"object": "list", "url": path, "has_more": True, "data": page}
        if (method, path) == ("POST", "/v1/issuing/disputes"):
            return 200, _dispute("unsubmitted")
        if (method, path) == ("POST", f"/v1/issuing/disputes/{DISPUTE_ID}/submit"):
            if self.refuse_submit:
                error = {"type": "invalid_request_error", "message": "Evidence is missing.", "param": "evidence"}
                return 400, {"error": error}
            return 200, _dispute("submitted")
        return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL ({path})"}}

    def handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                url = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("ascii") if length else url.query
                pairs = parse_qsl(raw, keep_blank_values=True)
                with fake.lock:
                    fake.seen.append(Seen(self.command, url.path, pairs, self.headers.get("Authorization", "")))
                status, body = fake.answer(self.command, url.path, pairs)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_fake{len(fake.seen)}")
                self.end_headers()
                self.wfile.write(data)

            do_GET = _serve
            do_POST = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep the test output clean

        return Handler


@pytest.fixture
def fake_stripe() -> Iterator[tuple[FakeStripe, str]]:
    fake = FakeStripe()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake.handler())
    server.daemon_threads = True
    server.timeout = DEADLINE
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _run_example(env_updates: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("STRIPE_API_KEY", "STRIPE_BASE_URL")}
    env.update(env_updates)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error::ResourceWarning", str(ROOT / "examples" / "issuing.py")],
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        env=env,
        cwd=tmp_path,
    )


def test_issuing_example_walks_through_against_a_fake_stripe(
    fake_stripe: tuple[FakeStripe, str], tmp_path: Path
) -> None:
    fake, base_url = fake_stripe
    result = _run_example({"STRIPE_API_KEY": API_KEY, "STRIPE_BASE_URL": base_url}, tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout

    assert [(s.method, s.path) for s in fake.seen] == [
        ("POST", "/v1/issuing/cardholders"),
        ("POST", "/v1/issuing/cards"),
        ("POST", "/v1/test_helpers/issuing/transactions/create_force_capture"),
        ("GET", "/v1/issuing/transactions"),
        ("GET", "/v1/issuing/transactions"),
        ("POST", "/v1/issuing/disputes"),
        ("POST", f"/v1/issuing/disputes/{DISPUTE_ID}/submit"),
    ]
    assert all(s.authorization == f"Bearer {API_KEY}" for s in fake.seen)
    cardholder, card, capture, first_page, second_page, dispute, submit = (dict(s.pairs) for s in fake.seen)
    assert cardholder["name"] == "Jenny Rosen"
    assert cardholder["type"] == "individual"
    assert cardholder["billing[address][country]"] == "US"
    assert cardholder["billing[address][postal_code]"] == "94103"
    assert cardholder["individual[card_issuing][user_terms_acceptance][ip]"] == "127.0.0.1"
    assert int(cardholder["individual[card_issuing][user_terms_acceptance][date]"]) > 1_700_000_000
    assert card == {"cardholder": CARDHOLDER_ID, "currency": "usd", "type": "virtual", "status": "active"}
    assert capture["card"] == CARD_ID
    assert capture["amount"] == "1250"
    assert capture["currency"] == "usd"
    assert first_page == {"card": CARD_ID, "limit": "10"}
    assert second_page == {"card": CARD_ID, "limit": "10", "starting_after": PURCHASE_ID}
    assert dispute["transaction"] == PURCHASE_ID
    assert dispute["evidence[reason]"] == "fraudulent"
    assert dispute["evidence[fraudulent][explanation]"]
    assert submit == {}

    out = result.stdout
    for expected in (
        f"Using {base_url}",
        f"Cardholder   {CARDHOLDER_ID}  Jenny Rosen",
        f"Card         {CARD_ID}  **** 0005  status=active",
        f"Purchase     {PURCHASE_ID}  12.50 USD  type=capture",
        "Transactions of the card:",
        f"  {PURCHASE_ID}   12.50 USD  Rocket Rides",
        f"  {EARLIER_ID}    3.00 USD  Corner Cafe",
        f"Dispute      {DISPUTE_ID}  12.50 USD  status=unsubmitted",
        f"Submitted    {DISPUTE_ID}  status=submitted",
    ):
        assert expected in out, f"{expected!r} not in the output:\n{out}"
    assert "Warning" not in result.stderr, result.stderr


def test_issuing_example_reports_a_stripe_error(fake_stripe: tuple[FakeStripe, str], tmp_path: Path) -> None:
    fake, base_url = fake_stripe
    fake.refuse_submit = True
    result = _run_example({"STRIPE_API_KEY": API_KEY, "STRIPE_BASE_URL": base_url}, tmp_path)
    assert result.returncode == 1
    assert "InvalidRequestError: Evidence is missing. (request req_fake7)" in result.stderr
    assert f"Dispute      {DISPUTE_ID}" in result.stdout
    assert "Submitted" not in result.stdout
    assert "Warning" not in result.stderr, result.stderr
    assert API_KEY not in result.stderr + result.stdout


@pytest.mark.parametrize("key", ["sk_live_not_a_real_key", "rk_live_not_a_real_key"])
def test_issuing_example_refuses_a_live_key(fake_stripe: tuple[FakeStripe, str], tmp_path: Path, key: str) -> None:
    fake, base_url = fake_stripe
    result = _run_example({"STRIPE_API_KEY": key, "STRIPE_BASE_URL": base_url}, tmp_path)
    assert result.returncode != 0
    assert "test-mode key" in result.stderr
    assert result.stdout == ""
    assert fake.seen == []


def test_issuing_example_needs_a_key(tmp_path: Path) -> None:
    result = _run_example({}, tmp_path)
    assert result.returncode != 0
    assert "STRIPE_API_KEY" in result.stderr
    assert result.stdout == ""
