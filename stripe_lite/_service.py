"""Base classes of the generated services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._client import AsyncStripeClient, StripeClient

__all__ = ["AsyncService", "SyncService"]


class SyncService:
    def __init__(self, client: Any) -> None:
        self._client: StripeClient = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"


class AsyncService:
    def __init__(self, client: Any) -> None:
        self._client: AsyncStripeClient = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"
