"""stripe_lite: a typed Stripe API client for Python, synchronous and asynchronous.

    from stripe_lite import StripeClient

    client = StripeClient(api_key="sk_test_...")
    intent = client.payment_intents.create(amount=2000, currency="usd")

Models (``PaymentIntent``, ``SetupIntent``, ...) are importable from here
too; they load on first use, which keeps ``import stripe_lite`` fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._base_client import API_VERSION
from ._client import AsyncStripeClient, StripeClient
from ._model_names import MODEL_NAMES
from ._pagination import (
    AsyncListPage,
    AsyncListPager,
    AsyncSearchPage,
    AsyncSearchPager,
    ListPage,
    SearchPage,
)
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    CardError,
    ConnectionPoolError,
    IdempotencyError,
    InvalidRequestError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StripeError,
)

if TYPE_CHECKING:
    from .models import *  # noqa: F403


def __getattr__(name: str) -> Any:
    if name in MODEL_NAMES:
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module 'stripe_lite' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "API_VERSION",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncListPage",
    "AsyncListPager",
    "AsyncSearchPage",
    "AsyncSearchPager",
    "AsyncStripeClient",
    "AuthenticationError",
    "CardError",
    "ConnectionPoolError",
    "IdempotencyError",
    "InvalidRequestError",
    "InvalidResponseError",
    "ListPage",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SearchPage",
    "StripeClient",
    "StripeError",
    "__version__",
    *MODEL_NAMES,
]
