"""The benchmark's PaymentIntents, in two corpora: the same bytes for every client, run and process.

* ``lean`` (M1 lean, M2, M4): PaymentIntents written here for the benchmark (no
  captured API traffic): nested ``amount_details``, ``automatic_payment_methods``,
  ``payment_method_options.card``, ``shipping`` with its address, ``metadata``,
  ``next_action`` and ``last_payment_error`` null, ``latest_charge``,
  ``customer`` and ``payment_method`` as ids. Serialised compactly (no spaces),
  one object is about 1.34 kB and a page of 100 about 134 kB: the cheapest
  case for a decoder.
* ``realistic`` (M1, M3, M6): PaymentIntents built from the API description
  by ``realistic.py``: every documented field present, nested objects filled,
  ``payment_method`` expanded into a full PaymentMethod, one unknown field
  (see that module for the rules). About 7.5 kB each, 750 kB a page.

Ids, amounts, names and dates vary with the index and a fixed seed, so two runs
(and the server process) build byte-identical bodies. A corpus's 100 pages are
built once and kept in a cache file in the temporary directory, named by a
digest of the code and the description that make them (the realistic corpus
takes about 15 s to build); :func:`corpus_digest` lets the server and the run
check that they hold the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import tempfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "CORPORA",
    "LIST_PATH",
    "PAGE_SIZE",
    "TOTAL",
    "corpus",
    "corpus_digest",
    "expected_fields",
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
CORPORA = ("lean", "realistic")
HERE = Path(__file__).resolve().parent
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


def payment_intent_body(index: int, corpus_name: str = "lean") -> bytes:
    """One PaymentIntent as the bytes of a retrieve answer."""
    return _dumps(_intent(corpus_name, index))


def _intent(corpus_name: str, index: int) -> dict[str, Any]:
    if corpus_name == "lean":
        return payment_intent(index)
    if corpus_name == "realistic":
        import realistic

        return realistic.payment_intent(index)
    raise ValueError(f"no corpus {corpus_name!r} (there are {', '.join(CORPORA)})")


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=_SEPARATORS).encode()


def list_page(page: int, corpus_name: str = "lean") -> dict[str, Any]:
    """Page ``page`` (0-based) of ``GET /v1/payment_intents?limit=100``."""
    start = page * PAGE_SIZE
    stop = min(start + PAGE_SIZE, TOTAL)
    return {
        "object": "list",
        "data": [_intent(corpus_name, i) for i in range(start, stop)],
        "has_more": stop < TOTAL,
        "url": LIST_PATH,
    }


def list_page_body(page: int, corpus_name: str = "lean") -> bytes:
    return corpus(corpus_name).pages[page]


def list_page_bodies(corpus_name: str = "lean") -> list[bytes]:
    """All 100 pages of the 10,000 PaymentIntents, in order."""
    return corpus(corpus_name).pages


def expected_ids(corpus_name: str = "lean") -> list[str]:
    """The ids of the 10,000 PaymentIntents, in list order."""
    return corpus(corpus_name).ids


class Corpus:
    """A corpus's page bodies, the ids in them, and its digest."""

    def __init__(self, name: str, pages: list[bytes], ids: list[str]) -> None:
        self.name = name
        self.pages = pages
        self.ids = ids
        self.digest = corpus_digest(pages)


@cache
def corpus(name: str) -> Corpus:
    """The corpus ``name``, from the cache file when it is there (and made and kept otherwise)."""
    if name not in CORPORA:
        raise ValueError(f"no corpus {name!r} (there are {', '.join(CORPORA)})")
    path = Path(tempfile.gettempdir()) / f"stripe_lite_bench_{name}_{_sources_digest()}.bin"
    try:
        pages, ids = _read_cache(path)
    except (OSError, ValueError):
        pages = [_dumps(list_page(page, name)) for page in range((TOTAL + PAGE_SIZE - 1) // PAGE_SIZE)]
        ids = [item["id"] for page in pages for item in json.loads(page)["data"]]
        scratch = path.with_suffix(f".{os.getpid()}.tmp")
        with scratch.open("wb") as file:
            for chunk in [*pages, json.dumps(ids).encode()]:
                file.write(len(chunk).to_bytes(8, "big"))
                file.write(chunk)
        os.replace(scratch, path)  # whole or not at all, even with two processes building it at once
    made = Corpus(name, pages, ids)
    if len(pages) != TOTAL // PAGE_SIZE or len(ids) != TOTAL:
        raise RuntimeError(f"the {name} corpus in {path} is damaged: delete the file")
    return made


def _read_cache(path: Path) -> tuple[list[bytes], list[str]]:
    """Length-prefixed chunks: every page body, then the ids as a JSON array."""
    data = path.read_bytes()
    chunks = []
    at = 0
    while at < len(data):
        size = int.from_bytes(data[at : at + 8], "big")
        chunks.append(data[at + 8 : at + 8 + size])
        at += 8 + size
    if at != len(data) or not chunks:
        raise ValueError("truncated")
    return chunks[:-1], json.loads(chunks[-1])


def _sources_digest() -> str:
    """What the corpora are made from: this module, realistic.py and the API description."""
    digest = hashlib.sha256()
    for source in (HERE / "payloads.py", HERE / "realistic.py", HERE.parent / "codegen" / "stripe_spec.json"):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


# What verify() compares, for every item: paths into the object (a number indexes a list;
# a path starting with "!" is a field the client's model does not declare).
CHECKED_FIELDS = {
    "lean": (
        "id", "amount", "status", "customer", "latest_charge", "amount_details.tax.total_tax_amount",
        "payment_method_options.card.request_three_d_secure", "shipping.address.city", "shipping.name",
        "metadata.order_id",
    ),
    "realistic": (
        "id", "amount", "status", "customer", "latest_charge", "created", "amount_details.tax.total_tax_amount",
        "amount_details.line_items.data.0.product_name", "payment_method_options.card.request_three_d_secure",
        "payment_method_options.card.mandate_options.amount", "payment_method_options.link.capture_method",
        "shipping.address.city", "shipping.name", "metadata.order_id", "payment_method.id",
        "payment_method.card.last4", "payment_method.card.wallet.type", "payment_method.billing_details.address.city",
        "last_payment_error.payment_method.id", "next_action.redirect_to_url.url", "transfer_data.destination",
        "!unreleased_feature.mode",
    ),
}
# Fields that are null in every item of the corpus.
NULL_FIELDS = {"lean": ("next_action", "last_payment_error"), "realistic": ()}


def field(item: Any, path: str) -> Any:
    """The value at ``path`` in a plain JSON object (see CHECKED_FIELDS)."""
    for part in path.lstrip("!").split("."):
        item = item[int(part)] if part.isdigit() else item[part]
    return item


def expected_fields(corpus_name: str, index: int) -> tuple[Any, ...]:
    """The values of CHECKED_FIELDS[corpus_name] in PaymentIntent ``index``."""
    page, offset = divmod(index, PAGE_SIZE)
    return _expected_page(corpus_name, page)[offset]


# One page's values at a time: kept for the whole corpus, they would be 200,000 small objects spread
# through the heap, which makes every client's later allocations slower (M1 about 10% for stripe_lite).
@lru_cache(maxsize=1)
def _expected_page(corpus_name: str, page: int) -> list[tuple[Any, ...]]:
    paths = CHECKED_FIELDS[corpus_name]
    items = json.loads(corpus(corpus_name).pages[page])["data"]
    return [tuple(field(item, path) for path in paths) for item in items]


def corpus_digest(bodies: list[bytes]) -> str:
    """A short digest of a list of bodies, to check the server answers the same bytes."""
    digest = hashlib.sha256()
    for body in bodies:
        digest.update(len(body).to_bytes(8, "big"))
        digest.update(body)
    return digest.hexdigest()[:16]
