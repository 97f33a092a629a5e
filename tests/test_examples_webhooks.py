"""The webhook receivers in examples/, through each framework's test client, and run on their own."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from stripe_lite.webhooks import generate_signature_header, parse_event

from .webhook_vectors import BODY, DAY, EVENT, OTHER_SECRET, SECRET

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FRAMEWORKS = {"fastapi": "webhooks_fastapi.py", "flask": "webhooks_flask.py"}

# Starlette's test client now asks for httpx's successor, httpx2, and still runs on
# httpx (stripe_lite's own transport), with this warning, which is about Starlette's choice.
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient` is deprecated")

Post = Callable[..., tuple[int, dict[str, Any]]]


def load_example(filename: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import examples/<filename> as a module, as running it would (its folder first on sys.path)."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    spec = importlib.util.spec_from_file_location(f"example_{filename.removesuffix('.py')}", EXAMPLES / filename)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Receiver:
    """One example app behind its framework's test client, with recording handlers."""

    def __init__(self, framework: str, monkeypatch: pytest.MonkeyPatch) -> None:
        self.framework = framework
        self.module = load_example(FRAMEWORKS[framework], monkeypatch)
        self.handled: list[tuple[str, Any]] = []

    def handlers(self) -> dict[str, Callable[[Any], None]]:
        return {
            kind: (lambda event, kind=kind: self.handled.append((kind, event)))
            for kind in ("payment_intent.succeeded", "payment_intent.payment_failed")
        }

    @staticmethod
    def with_client(app: Any, framework: str) -> Iterator[Post]:
        if framework == "fastapi":
            from fastapi.testclient import TestClient

            with TestClient(app) as client:

                def post_fastapi(
                    body: bytes, headers: dict[str, str], path: str = "/webhook", method: str = "POST"
                ) -> Any:
                    response = client.request(method, path, content=body, headers=headers)
                    return response.status_code, response.json()

                yield post_fastapi
        else:
            client = app.test_client()

            def post_flask(body: bytes, headers: dict[str, str], path: str = "/webhook", method: str = "POST") -> Any:
                response = client.open(path, method=method, data=body, headers=headers)
                return response.status_code, response.get_json(silent=True)

            yield post_flask


@pytest.fixture(params=sorted(FRAMEWORKS))
def receiver(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Receiver:
    return Receiver(request.param, monkeypatch)


@pytest.fixture
def post(receiver: Receiver) -> Iterator[Post]:
    app = receiver.module.create_app([SECRET], receiver.handlers())
    yield from Receiver.with_client(app, receiver.framework)


def signed(body: bytes, secret: str = SECRET, **options: Any) -> dict[str, str]:
    return {"Stripe-Signature": generate_signature_header(body, secret, **options), "Content-Type": "application/json"}


def event_body(kind: str, **fields: Any) -> bytes:
    return json.dumps({**EVENT, "type": kind, **fields}, indent=2).encode()


# --- through the test clients -----------------------------------------------------------------


def test_a_signed_event_is_dispatched_by_its_type(receiver: Receiver, post: Post) -> None:
    assert post(BODY, signed(BODY)) == (200, {"received": True, "handled": True})
    failed = event_body("payment_intent.payment_failed", id="evt_failed")
    assert post(failed, signed(failed)) == (200, {"received": True, "handled": True})
    assert [kind for kind, _ in receiver.handled] == ["payment_intent.succeeded", "payment_intent.payment_failed"]
    assert receiver.handled[0][1].to_dict() == EVENT
    assert receiver.handled[1][1].to_dict()["id"] == "evt_failed"


def test_an_event_without_a_handler_is_acknowledged_and_logged(
    receiver: Receiver, post: Post, caplog: pytest.LogCaptureFixture
) -> None:
    body = event_body("customer.created", id="evt_customer")
    with caplog.at_level(logging.INFO, logger="webhooks"):
        assert post(body, signed(body)) == (200, {"received": True, "handled": False})
    assert receiver.handled == []
    assert "No handler for customer.created events: evt_customer" in caplog.text


# A body laid out as no JSON library would write it again: key order, spacing, escapes,
# raw UTF-8, a trailing CRLF. Any re-serialising on the way in breaks its signature.
ODD_BODY = (
    '{"type":"payment_intent.succeeded",   "object" : "event","id":"evt_odd",\n'
    '"data":{"object":{"name":"Zo\\u00eb \u00e9 🦊","n":1.50,"x":[ ]}}}\r\n'
).encode()


@pytest.mark.parametrize(
    "content_type",
    [None, "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"],
)
def test_the_raw_body_is_what_gets_verified(receiver: Receiver, post: Post, content_type: str | None) -> None:
    headers = {"Stripe-Signature": generate_signature_header(ODD_BODY, SECRET)}
    if content_type is not None:
        headers["Content-Type"] = content_type
    assert post(ODD_BODY, headers) == (200, {"received": True, "handled": True})
    assert receiver.handled[0][1].to_dict() == json.loads(ODD_BODY)


def _reserialised() -> bytes:
    return json.dumps(json.loads(BODY)).encode()


@pytest.mark.parametrize(
    ("body", "headers", "reason"),
    [
        (BODY, signed(BODY, OTHER_SECRET), "mismatch"),
        (BODY.replace(b"succeeded", b"succeedeD"), signed(BODY), "mismatch"),
        (_reserialised(), signed(BODY), "mismatch"),
        (BODY, {"Content-Type": "application/json"}, "missing_header"),
        (BODY, {"Stripe-Signature": "v1=00"}, "malformed_header"),
        (BODY, {"Stripe-Signature": f"t={int(time.time())}"}, "no_v1_signature"),
        (BODY, signed(BODY, timestamp=int(time.time()) - DAY), "too_old"),
        (BODY, signed(BODY, timestamp=int(time.time()) + DAY), "too_new"),
    ],
    ids=["wrong-secret", "tampered", "reserialised", "no-header", "malformed", "no-v1", "too-old", "too-new"],
)
def test_a_bad_signature_is_answered_400(
    receiver: Receiver, post: Post, body: bytes, headers: dict[str, str], reason: str
) -> None:
    assert post(body, headers) == (400, {"error": "signature", "reason": reason})
    assert receiver.handled == []


def test_a_signed_body_that_is_no_event_is_answered_400(receiver: Receiver, post: Post) -> None:
    for body in (b"hello", b'{"object": "payment_intent"}'):
        assert post(body, signed(body)) == (400, {"error": "payload"})
    assert receiver.handled == []


def test_rotation_accepts_either_secret(receiver: Receiver) -> None:
    app = receiver.module.create_app([SECRET, OTHER_SECRET], receiver.handlers())
    for post in Receiver.with_client(app, receiver.framework):
        for secret in (SECRET, OTHER_SECRET):
            assert post(BODY, signed(BODY, secret))[0] == 200
    assert len(receiver.handled) == 2


def test_only_post_is_answered(post: Post) -> None:
    assert post(b"", {}, method="GET")[0] == 405


def test_the_shared_handlers_log_what_they_do(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    handlers = load_example("webhook_handlers.py", monkeypatch)
    intent = EVENT["data"]["object"]
    declined = {**intent, "last_payment_error": {"type": "card_error", "message": "Your card was declined."}}
    charge = {"id": "ch_1", "object": "charge", "amount": 2000, "amount_refunded": 500, "currency": "eur"}
    with caplog.at_level(logging.INFO, logger="webhooks"):
        assert handlers.dispatch(parse_event(BODY)) is True
        assert handlers.dispatch(parse_event(event_body("payment_intent.payment_failed"))) is True
        failed = event_body("payment_intent.payment_failed", data={"object": declined})
        assert handlers.dispatch(parse_event(failed)) is True
        assert handlers.dispatch(parse_event(event_body("charge.refunded", data={"object": charge}))) is True
        assert handlers.dispatch(parse_event(event_body("v3.a_type.from_the_future", id="evt_new"))) is False
    # The handlers read the typed objects' fields (event.data.object).
    amount, currency = intent["amount_received"], intent["currency"]
    assert f"PaymentIntent {intent['id']} succeeded ({amount} {currency}): fulfil the order" in caplog.text
    assert f"PaymentIntent {intent['id']} failed (no reason given): ask the customer" in caplog.text
    assert "failed (Your card was declined.): ask the customer for another way to pay" in caplog.text
    assert "Charge ch_1 refunded: 500 of 2000 eur" in caplog.text
    assert "Event evt_new is of a type stripe_lite does not know: v3.a_type.from_the_future" in caplog.text
    assert "No handler for v3.a_type.from_the_future events: evt_new" in caplog.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("whsec_a", ["whsec_a"]),
        (" whsec_a\n", ["whsec_a"]),
        ("whsec_new, whsec_old", ["whsec_new", "whsec_old"]),
    ],
)
def test_secrets_from_env(monkeypatch: pytest.MonkeyPatch, value: str, expected: list[str]) -> None:
    handlers = load_example("webhook_handlers.py", monkeypatch)
    assert handlers.secrets_from_env({"STRIPE_WEBHOOK_SECRET": value}) == expected


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "Set STRIPE_WEBHOOK_SECRET"),
        ({"STRIPE_WEBHOOK_SECRET": " , "}, "Set STRIPE_WEBHOOK_SECRET"),
        ({"STRIPE_WEBHOOK_SECRET": "sk_test_123"}, "start with whsec_"),
        ({"STRIPE_WEBHOOK_SECRET": "whsec_a,sk_test_123"}, "start with whsec_"),
    ],
    ids=["unset", "blank", "api-key", "one-api-key"],
)
def test_secrets_from_env_refuses(monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], message: str) -> None:
    handlers = load_example("webhook_handlers.py", monkeypatch)
    with pytest.raises(SystemExit, match=message):
        handlers.secrets_from_env(environ)


# --- run on their own ---------------------------------------------------------------------------


def _environment(**values: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("STRIPE_WEBHOOK_SECRET", "PORT")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return {**env, **values}


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_refuses_to_start_without_a_webhook_secret(framework: str) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / FRAMEWORKS[framework])],
        capture_output=True,
        text=True,
        timeout=60,
        env=_environment(),
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "Set STRIPE_WEBHOOK_SECRET" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_runs_on_its_own_on_loopback(framework: str, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-X", "dev", str(EXAMPLES / FRAMEWORKS[framework])],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=_environment(STRIPE_WEBHOOK_SECRET=f"{SECRET},{OTHER_SECRET}", PORT="0", PYTHONUNBUFFERED="1"),
        cwd=tmp_path,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(process, lines), daemon=True)
    reader.start()
    seen: list[str] = []
    try:
        url = _wait_for_url(lines, seen)
        with httpx.Client(base_url=url, timeout=10) as client:
            good = client.post("/webhook", content=BODY, headers=signed(BODY, OTHER_SECRET))
            bad = client.post("/webhook", content=BODY, headers=signed(BODY, "whsec_wrong"))
        assert (good.status_code, good.json()) == (200, {"received": True, "handled": True})
        assert (bad.status_code, bad.json()) == (400, {"error": "signature", "reason": "mismatch"})
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=20)
    while not lines.empty():
        seen.append(lines.get_nowait())
    log = "".join(seen)
    assert "PaymentIntent pi_" in log and "fulfil the order" in log
    assert "Refused a webhook" in log and "reason mismatch" in log


def _read_lines(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert process.stdout is not None
    with process.stdout:
        for line in process.stdout:
            lines.put(line)


def _wait_for_url(lines: queue.Queue[str], seen: list[str]) -> str:
    """The server's address, from its start-up lines (it listens on port 0: a free one)."""
    deadline = time.monotonic() + 30
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        seen.append(line)
        found = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if found:
            return f"http://127.0.0.1:{found.group(1)}"
    raise AssertionError("the example did not start:\n" + "".join(seen))
