"""The benchmark's PaymentIntents: realistic, deterministic, the same bytes for every client.

Each PaymentIntent is written here for the benchmark (no captured API traffic):
nested ``amount_details``, ``automatic_payment_methods``,
``payment_method_options.card``, ``shipping`` with its address, ``metadata``,
``next_action`` and ``last_payment_error`` null, ``latest_charge``,
``customer`` and ``payment_method`` as ids. Ids, amounts, names and dates vary
with the index and a fixed seed, so two runs (and the server process) build
byte-identical bodies. Serialised compactly (no spaces), one object is about
1.34 kB and a page of 100 about 134 kB.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import Any

__all__ = [
    "LIST_PATH",
    "PAGE_SIZE",
    "TOTAL",
    "corpus_digest",
    "expected_ids",
    "list_page",
    "list_page_body",
    "list_page_bodies",
    "payment_intent",
    "payment_intent_body",
]

TOTAL = 10_000
PAGE_SIZE = 100
LIST_PATH = "/v1/payment_intents"
SEED = 20_240_601
_SEPARATORS = (",", ":")  # compact, as a bandwidth-minded server sends

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FIRST = ("Maya", "Jonas", "Aiko", "Lucas", "Priya", "Tomás", "Ingrid", "Kwame", "Sofia", "Ravi", "Lena", "Mateo")
_LAST = ("Lindqvist", "Okafor", "Tanaka", "Moreau", "Sharma", "Alvarez", "Berg", "Mensah", "Rossi", "Iyer")
_STREETS = ("SW Alder St", "NE Broadway", "Market St", "Elm Ave", "Harbor Blvd", "Cedar Ln", "Mission St")
_CITIES = (
    ("Portland", "OR", "972"),
    ("Seattle", "WA", "981"),
    ("San Francisco", "CA", "941"),
    ("Austin", "TX", "787"),
    ("Denver", "CO", "802"),
    ("Chicago", "IL", "606"),
)
_STATUSES = ("succeeded",) * 6 + ("requires_capture", "processing", "requires_payment_method", "canceled")
_CARRIERS = ("UPS", "USPS", "FedEx", "DHL")


def _token(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(length))


def payment_intent(index: int) -> dict[str, Any]:
    """PaymentIntent number ``index`` (0 is the newest), as Stripe would send it."""
    rng = random.Random(SEED * 100_003 + index)
    account = "Hk2LmR4vXy"
    pi_id = f"pi_3Q{_token(rng, 4)}{account}{index:06d}"
    amount = rng.randrange(500, 250_000)
    shipping_amount = rng.choice((0, 499, 599, 899, 1299))
    tax = amount // 11
    status = _STATUSES[index % len(_STATUSES)]
    captured = amount if status == "succeeded" else 0
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    city, state, zip_prefix = rng.choice(_CITIES)
    postal = f"{zip_prefix}{rng.randrange(0, 100):02d}"
    order = 20_000 + index
    created = 1_736_800_000 - index * 173 - rng.randrange(0, 170)
    return {
        "id": pi_id,
        "object": "payment_intent",
        "amount": amount,
        "amount_capturable": amount if status == "requires_capture" else 0,
        "amount_details": {
            "shipping": {"amount": shipping_amount},
            "tax": {"total_tax_amount": tax},
            "tip": {},
        },
        "amount_received": captured,
        "application_fee_amount": None,
        "automatic_payment_methods": {"allow_redirects": "never", "enabled": True},
        "canceled_at": created + 3600 if status == "canceled" else None,
        "cancellation_reason": "abandoned" if status == "canceled" else None,
        "capture_method": "manual" if status == "requires_capture" else "automatic_async",
        "client_secret": f"{pi_id}_secret_{_token(rng, 25)}",
        "confirmation_method": "automatic",
        "created": created,
        "currency": "usd",
        "customer": f"cus_{_token(rng, 14)}",
        "description": f"Order {order} ({rng.randrange(1, 6)} items)",
        "last_payment_error": None,
        "latest_charge": f"ch_3Q{_token(rng, 22)}",
        "livemode": False,
        "metadata": {"order_id": str(order), "storefront": "pdx-web"},
        "next_action": None,
        "payment_method": f"pm_1Q{_token(rng, 22)}",
        "payment_method_options": {
            "card": {
                "installments": None,
                "mandate_options": None,
                "network": None,
                "request_three_d_secure": "automatic",
            },
        },
        "payment_method_types": ["card", "link"],
        "processing": None,
        "receipt_email": f"{first.lower()}.{last.lower()}@example.org",
        "setup_future_usage": None,
        "shipping": {
            "address": {
                "city": city,
                "country": "US",
                "line1": f"{rng.randrange(10, 9999)} {rng.choice(_STREETS)}",
                "line2": rng.choice((None, f"Unit {rng.randrange(1, 40)}")),
                "postal_code": postal,
                "state": state,
            },
            "carrier": rng.choice(_CARRIERS),
            "name": f"{first} {last}",
            "phone": f"+1503555{rng.randrange(0, 10_000):04d}",
        },
        "statement_descriptor": None,
        "status": status,
        "transfer_data": None,
    }


def payment_intent_body(index: int) -> bytes:
    """One PaymentIntent as the bytes of a retrieve answer."""
    return json.dumps(payment_intent(index), ensure_ascii=False, separators=_SEPARATORS).encode()


def list_page(page: int) -> dict[str, Any]:
    """Page ``page`` (0-based) of ``GET /v1/payment_intents?limit=100``."""
    start = page * PAGE_SIZE
    stop = min(start + PAGE_SIZE, TOTAL)
    return {
        "object": "list",
        "data": [payment_intent(i) for i in range(start, stop)],
        "has_more": stop < TOTAL,
        "url": LIST_PATH,
    }


def list_page_body(page: int) -> bytes:
    return json.dumps(list_page(page), ensure_ascii=False, separators=_SEPARATORS).encode()


def list_page_bodies() -> list[bytes]:
    """All 100 pages of the 10,000 PaymentIntents, in order."""
    return [list_page_body(page) for page in range((TOTAL + PAGE_SIZE - 1) // PAGE_SIZE)]


def expected_ids(start: int = 0, stop: int = TOTAL) -> list[str]:
    """The ids of PaymentIntents ``start`` to ``stop - 1``, in list order."""
    return [payment_intent(i)["id"] for i in range(start, stop)]


def corpus_digest(bodies: list[bytes]) -> str:
    """A short digest of a list of bodies, to check the server answers the same bytes."""
    digest = hashlib.sha256()
    for body in bodies:
        digest.update(len(body).to_bytes(8, "big"))
        digest.update(body)
    return digest.hexdigest()[:16]
