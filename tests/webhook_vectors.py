"""Named webhook signature vectors for test_webhooks.py: each case and the outcome it must have.

Signatures are made here with hmac directly, not with stripe_lite, so the vectors
check the implementation against the scheme rather than against itself; one
vector (``ok-known-answer``) carries a digest computed outside Python
(``printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac <secret>``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any, Literal

from stripe_lite.errors import SignatureVerificationReason

from .payload_files import payload

SECRET = "whsec_test_secret"
OTHER_SECRET = "whsec_other_secret"
NOW = 1_700_000_000
DAY = 86_400
TEN_YEARS = 10 * 365 * DAY

EVENT: dict[str, Any] = {
    "id": "evt_3QzT0aHk2LmR4vXyWebhook1",
    "object": "event",
    "api_version": "2025-03-31.basil",
    "created": NOW,
    "data": {"object": payload("payment_intent")},
    "livemode": False,
    "pending_webhooks": 1,
    "request": {"id": "req_8hJ2kL0pQ9rS1t", "idempotency_key": "5d0c5b1e-5d6a-4f45-9d0e-3f0c2b7a1e11"},
    "type": "payment_intent.succeeded",
}
# Stripe sends events as JSON indented by two spaces; this body is laid out the same way.
BODY = json.dumps(EVENT, indent=2).encode("utf-8")
UNICODE_EVENT = {**EVENT, "id": "evt_unicode", "data": {"object": {"object": "customer", "name": "Zoë 🦊 Łódź"}}}
UNICODE_BODY = json.dumps(UNICODE_EVENT, indent=2, ensure_ascii=False).encode("utf-8")
LARGE_BODY = json.dumps({**EVENT, "data": {"object": {"blob": "x" * 1_000_000}}}, indent=2).encode("utf-8")
NOT_UTF8_BODY = b'{\n  "object": "event",\n  "name": "\xff\xfe"\n}'
KNOWN_ANSWER_BODY = b'{"id": "evt_test_webhook", "object": "event", "type": "ping"}'

Outcome = Literal[SignatureVerificationReason, "ok", "TypeError"]


def sig(body: bytes = BODY, secret: str = SECRET, t: int | str = NOW) -> str:
    """The v1 signature of ``body`` at ``t``: HMAC-SHA256 keyed with the secret's UTF-8 bytes."""
    return hmac.new(secret.encode("utf-8"), f"{t}.".encode("ascii") + body, hashlib.sha256).hexdigest()


def good(t: int = NOW, body: bytes = BODY, secret: str = SECRET) -> str:
    """A header as Stripe sends it."""
    return f"t={t},v1={sig(body, secret, t)}"


@dataclass(frozen=True)
class Vector:
    name: str
    header: Any
    expected: Outcome
    payload: Any = BODY
    secret: Any = SECRET
    tolerance: float | None = 300
    now: float = NOW
    parses: bool = True
    """For "ok": whether the payload is also a JSON event that construct_event returns."""


def _digits(zero: int) -> str:
    """NOW written with the digits of the script whose zero is chr(zero)."""
    return "".join(chr(zero + int(digit)) for digit in str(NOW))


_REFORMATTED = json.dumps(EVENT, separators=(",", ":")).encode("utf-8")
_ONE_BYTE_CHANGED = BODY[:40] + bytes([BODY[40] ^ 1]) + BODY[41:]
# A secret whose tail is base64: the key is still the whole text, never the decoded bytes.
_BASE64_SECRET = "whsec_dGVzdF9zZWNyZXQ="
_DECODED_KEY = base64.b64decode(_BASE64_SECRET.removeprefix("whsec_")).decode("ascii")

VECTORS: list[Vector] = [
    # --- accepted -----------------------------------------------------------------------------
    Vector("ok-bytes-body", good(), "ok"),
    Vector("ok-str-body", good(), "ok", payload=BODY.decode("utf-8")),
    Vector("ok-bytearray-body", good(), "ok", payload=bytearray(BODY)),
    Vector(
        "ok-known-answer",
        "t=1700000000,v1=b2fa493adbb0297883a27cee9613a00211f116ddb135d338555fd7e6e724e80f",
        "ok",
        payload=KNOWN_ANSWER_BODY,
    ),
    Vector("ok-two-v1-first-matches", f"{good()},v1={sig(secret=OTHER_SECRET)}", "ok"),
    Vector("ok-two-v1-second-matches", f"t={NOW},v1={sig(secret=OTHER_SECRET)},v1={sig()}", "ok"),
    Vector("ok-v1-beside-garbage-v1", f"t={NOW},v1=not-hex,v1={'ab' * 33},v1={sig()}", "ok"),
    Vector("ok-v0-ignored", f"{good()},v0={'0' * 64}", "ok"),
    Vector("ok-v0-first", f"v0={sig()},t={NOW},v1={sig()}", "ok"),
    Vector("ok-unknown-keys-ignored", f"{good()},v2={'1' * 64},scheme=future,x=", "ok"),
    Vector("ok-item-without-equals-ignored", f"{good()},flag", "ok"),
    Vector("ok-empty-items-ignored", f",{good()},,", "ok"),
    Vector("ok-v1-before-t", f"v1={sig()},t={NOW}", "ok"),
    Vector("ok-spaces-around-items", f"  t={NOW} ,  v1={sig()}  ", "ok"),
    Vector("ok-tabs-around-items", f"\tt={NOW}\t,\tv1={sig()}\t", "ok"),
    Vector("ok-spaces-around-equals", f"t = {NOW}, v1 = {sig()}", "ok"),
    Vector("ok-value-with-equals-sign-ignored-key", f"{good()},x=a=b", "ok"),
    Vector("ok-rotation-first-secret", good(), "ok", secret=[SECRET, OTHER_SECRET]),
    Vector("ok-rotation-second-secret", good(), "ok", secret=[OTHER_SECRET, SECRET]),
    Vector("ok-rotation-tuple", good(), "ok", secret=("whsec_a", "whsec_b", SECRET)),
    Vector("ok-rotation-both-sides", f"t={NOW},v1={sig(secret='whsec_new')}", "ok", secret=[SECRET, "whsec_new"]),
    Vector("ok-non-ascii-secret", good(secret="whsec_clé_ñ"), "ok", secret="whsec_clé_ñ"),
    Vector("ok-secret-keyed-as-text-not-base64", good(secret=_BASE64_SECRET), "ok", secret=_BASE64_SECRET),
    Vector("ok-secret-without-prefix", good(secret="plain-secret"), "ok", secret="plain-secret"),
    Vector("ok-age-equals-tolerance", good(NOW - 300), "ok"),
    Vector("ok-ahead-equals-tolerance", good(NOW + 300), "ok"),
    Vector("ok-tolerance-0-same-second", good(), "ok", tolerance=0),
    Vector("ok-tolerance-0-later-in-the-second", good(), "ok", tolerance=0, now=NOW + 0.999),
    Vector("ok-tolerance-none-ten-years-old", good(NOW - TEN_YEARS), "ok", tolerance=None),
    Vector("ok-tolerance-none-ten-years-ahead", good(NOW + TEN_YEARS), "ok", tolerance=None),
    Vector("ok-tolerance-600-age-500", good(NOW - 500), "ok", tolerance=600),
    Vector("ok-float-tolerance", good(NOW - 2), "ok", tolerance=2.5),
    Vector("ok-float-now", good(), "ok", now=NOW + 0.25),
    Vector("ok-t-zero-no-window", good(0), "ok", tolerance=None),
    Vector("ok-t-18-digits-no-window", good(10**17 + 1), "ok", tolerance=None),
    Vector("ok-unicode-body", good(body=UNICODE_BODY), "ok", payload=UNICODE_BODY),
    Vector("ok-unicode-body-as-str", good(body=UNICODE_BODY), "ok", payload=UNICODE_BODY.decode("utf-8")),
    Vector("ok-crlf-body", good(body=BODY.replace(b"\n", b"\r\n")), "ok", payload=BODY.replace(b"\n", b"\r\n")),
    Vector("ok-large-body", good(body=LARGE_BODY), "ok", payload=LARGE_BODY),
    Vector("ok-empty-body", good(body=b""), "ok", payload=b"", parses=False),
    # Signed over its raw bytes, so authentic; it is not JSON text, which parsing then reports.
    Vector("ok-non-utf8-body-signed-raw", good(body=NOT_UTF8_BODY), "ok", payload=NOT_UTF8_BODY, parses=False),
    # --- missing header -----------------------------------------------------------------------
    Vector("missing-none", None, "missing_header"),
    Vector("missing-empty", "", "missing_header"),
    Vector("missing-blank", "  \t ", "missing_header"),
    # --- malformed header ---------------------------------------------------------------------
    Vector("malformed-no-t", f"v1={sig()}", "malformed_header"),
    Vector("malformed-t-twice-same", f"t={NOW},{good()}", "malformed_header"),
    Vector("malformed-t-twice-different", f"{good()},t={NOW + 1}", "malformed_header"),
    Vector("malformed-t-empty", f"t=,v1={sig()}", "malformed_header"),
    Vector("malformed-t-without-equals", f"t,v1={sig()}", "malformed_header"),
    Vector("malformed-t-negative", f"t=-5,v1={sig(t=-5)}", "malformed_header"),
    Vector("malformed-t-plus-sign", f"t=+{NOW},v1={sig(t=f'+{NOW}')}", "malformed_header"),
    Vector("malformed-t-fraction", f"t={NOW}.5,v1={sig(t=f'{NOW}.5')}", "malformed_header"),
    Vector("malformed-t-exponent", f"t=1.7e9,v1={sig(t='1.7e9')}", "malformed_header"),
    Vector("malformed-t-hex", "t=0x6553f100,v1=" + sig(t="0x6553f100"), "malformed_header"),
    Vector("malformed-t-leading-zero", f"t=0{NOW},v1={sig(t=f'0{NOW}')}", "malformed_header"),
    Vector("malformed-t-inner-space", f"t=1700 000000,v1={sig()}", "malformed_header"),
    Vector("malformed-t-underscore", f"t=1_700_000_000,v1={sig()}", "malformed_header"),
    # Digits of other scripts, which str.isdigit() and int() both accept.
    Vector("malformed-t-arabic-indic-digits", f"t={_digits(0x0660)},v1={sig()}", "malformed_header"),
    Vector("malformed-t-fullwidth-digits", f"t={_digits(0xFF10)},v1={sig()}", "malformed_header"),
    Vector("malformed-t-19-digits", f"t={10**18},v1={sig(t=10**18)}", "malformed_header", tolerance=None),
    Vector("malformed-t-5000-digits", f"t={'9' * 5000},v1={sig()}", "malformed_header"),
    Vector("malformed-uppercase-T", f"T={NOW},v1={sig()}", "malformed_header"),
    Vector("malformed-semicolons", f"t={NOW};v1={sig()}", "malformed_header"),
    Vector("malformed-free-text", "not a signature", "malformed_header"),
    Vector("malformed-json-header", '{"t": 1700000000, "v1": "00"}', "malformed_header"),
    Vector("malformed-only-commas", ",,,", "malformed_header"),
    # --- no v1 signature ----------------------------------------------------------------------
    Vector("no-v1-only-t", f"t={NOW}", "no_v1_signature"),
    Vector("no-v1-only-v0", f"t={NOW},v0={sig()}", "no_v1_signature"),
    Vector("no-v1-uppercase-V1", f"t={NOW},V1={sig()}", "no_v1_signature"),
    Vector("no-v1-future-scheme-only", f"t={NOW},v2={sig()}", "no_v1_signature"),
    Vector("no-v1-prefixed-key", f"t={NOW},xv1={sig()}", "no_v1_signature"),
    # --- mismatch -----------------------------------------------------------------------------
    Vector("mismatch-wrong-secret", good(secret=OTHER_SECRET), "mismatch"),
    Vector("mismatch-body-one-byte-changed", good(), "mismatch", payload=_ONE_BYTE_CHANGED),
    Vector("mismatch-body-trailing-newline", good(), "mismatch", payload=BODY + b"\n"),
    Vector("mismatch-body-reserialised", good(), "mismatch", payload=_REFORMATTED),
    Vector("mismatch-body-truncated", good(), "mismatch", payload=BODY[:-1]),
    Vector("mismatch-empty-body", good(), "mismatch", payload=b""),
    Vector("mismatch-secret-trailing-newline", good(), "mismatch", secret=SECRET + "\n"),
    Vector("mismatch-secret-leading-space", good(), "mismatch", secret=" " + SECRET),
    Vector("mismatch-secret-base64-decoded", good(secret=_DECODED_KEY), "mismatch", secret=_BASE64_SECRET),
    Vector("mismatch-api-key-as-secret", good(), "mismatch", secret="sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
    Vector("mismatch-timestamp-swapped", f"t={NOW + 1},v1={sig()}", "mismatch"),
    Vector("mismatch-uppercase-hex", f"t={NOW},v1={sig().upper()}", "mismatch"),
    Vector("mismatch-odd-length-signature", f"t={NOW},v1={sig()[:-1]}", "mismatch"),
    Vector("mismatch-signature-too-long", f"t={NOW},v1={sig()}00", "mismatch"),
    Vector("mismatch-non-ascii-signature", f"t={NOW},v1={sig()[:-1]}é", "mismatch"),
    Vector("mismatch-lone-surrogate-signature", f"t={NOW},v1=\udcff{sig()[1:]}", "mismatch"),
    Vector("mismatch-empty-v1", f"t={NOW},v1=", "mismatch"),
    Vector("mismatch-v1-without-equals", f"t={NOW},v1", "mismatch"),
    Vector("mismatch-prefixed-signature", f"t={NOW},v1=sha256={sig()}", "mismatch"),
    Vector("mismatch-only-v0-is-right", f"t={NOW},v1={'0' * 64},v0={sig()}", "mismatch"),
    Vector("mismatch-every-rotation-secret-wrong", good(), "mismatch", secret=["whsec_a", "whsec_b"]),
    Vector("mismatch-not-utf8-body", good(), "mismatch", payload=NOT_UTF8_BODY),
    Vector("mismatch-lone-surrogate-in-str-body", good(), "mismatch", payload=BODY.decode("utf-8") + "\ud800"),
    # The signature is checked before the time: a forged header's timestamp means nothing.
    Vector("mismatch-before-too-old", good(NOW - DAY, secret=OTHER_SECRET), "mismatch"),
    Vector("mismatch-before-too-new", good(NOW + DAY, secret=OTHER_SECRET), "mismatch"),
    # --- too old ------------------------------------------------------------------------------
    Vector("too-old-by-one-second", good(NOW - 301), "too_old"),
    Vector("too-old-one-day", good(NOW - DAY), "too_old"),
    Vector("too-old-epoch", good(0), "too_old"),
    Vector("too-old-tolerance-0", good(NOW - 1), "too_old", tolerance=0),
    Vector("too-old-custom-tolerance", good(NOW - 11), "too_old", tolerance=10),
    Vector("too-old-float-tolerance", good(NOW - 3), "too_old", tolerance=2.5),
    # --- too new ------------------------------------------------------------------------------
    Vector("too-new-by-one-second", good(NOW + 301), "too_new"),
    Vector("too-new-ten-years-ahead", good(NOW + TEN_YEARS), "too_new"),
    Vector("too-new-milliseconds", good(NOW * 1000), "too_new"),
    Vector("too-new-tolerance-0", good(NOW + 1), "too_new", tolerance=0),
    # --- empty secret -------------------------------------------------------------------------
    Vector("empty-secret", good(), "empty_secret", secret=""),
    Vector("empty-secret-whitespace", good(), "empty_secret", secret=" \n"),
    Vector("empty-secret-list", good(), "empty_secret", secret=[]),
    Vector("empty-secret-one-of-list", good(), "empty_secret", secret=[SECRET, ""]),
    # A missing configuration is reported whatever the request holds.
    Vector("empty-secret-before-missing-header", None, "empty_secret", secret=""),
    # --- wrong argument types -----------------------------------------------------------------
    Vector("type-header-bytes", good().encode("ascii"), "TypeError"),
    Vector("type-header-int", NOW, "TypeError"),
    Vector("type-header-list", [good()], "TypeError"),
    Vector("type-payload-parsed-json", good(), "TypeError", payload=EVENT),
    Vector("type-payload-none", good(), "TypeError", payload=None),
    Vector("type-payload-int", good(), "TypeError", payload=1),
    Vector("type-payload-memoryview", good(), "TypeError", payload=memoryview(BODY)),
    Vector("type-secret-bytes", good(), "TypeError", secret=SECRET.encode("ascii")),
    Vector("type-secret-none", good(), "TypeError", secret=None),
    Vector("type-secret-list-with-bytes", good(), "TypeError", secret=[SECRET, OTHER_SECRET.encode("ascii")]),
    Vector("type-secret-set", good(), "TypeError", secret={SECRET}),
]
