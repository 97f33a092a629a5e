"""stripe_lite: a typed Stripe API client for Python, synchronous and asynchronous.

    from stripe_lite import StripeClient

    client = StripeClient(api_key="sk_test_...")
    intent = client.payment_intents.create(amount=2000, currency="usd")

Models (``PaymentIntent``, ``Customer``, ...) are in :mod:`stripe_lite.models`,
nested parameter types in :mod:`stripe_lite.params`; both load on first use,
which keeps ``import stripe_lite`` fast.
"""

from __future__ import annotations

from ._base_client import API_VERSION
from ._client import AsyncStripeClient, StripeClient
from ._pagination import (
    AsyncListPage,
    AsyncListPager,
    AsyncSearchPage,
    AsyncSearchPager,
    ListPage,
    SearchPage,
)
from ._response import APIResponse
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    APIVersionMismatchError,
    AuthenticationError,
    CardError,
    ConnectionPoolError,
    IdempotencyError,
    InvalidRequestError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    SignatureVerificationError,
    StripeError,
)

__all__ = [
    "API_VERSION",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APITimeoutError",
    "APIVersionMismatchError",
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
    "SignatureVerificationError",
    "StripeClient",
    "StripeError",
    "__version__",
]
