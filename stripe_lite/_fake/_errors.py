"""The errors the fake answers with, shaped as Stripe's: ``{"error": {"type", "message", "param", "code", ...}}``."""

from __future__ import annotations

from typing import Any

__all__ = ["Failure", "card_error", "invalid", "not_found", "unexpected_state"]

_DOCS = "https://stripe.com/docs/error-codes/"


class Failure(Exception):
    """An answer other than 200: raised anywhere in the fake, turned into the response by the core."""

    def __init__(self, status: int, error: dict[str, Any], *, saved: bool = True) -> None:
        super().__init__(error.get("message"))
        self.status = status
        self.error = error
        # Stripe keeps no idempotent result for a request refused before it ran (bad parameters).
        self.saved = saved


def invalid(message: str, param: str | None = None, code: str | None = None, *, saved: bool = False) -> Failure:
    """A 400 ``invalid_request_error``; ``saved``: whether the request had started running (idempotency)."""
    error: dict[str, Any] = {"type": "invalid_request_error", "message": message}
    if param is not None:
        error["param"] = param
    if code is not None:
        error["code"] = code
        error["doc_url"] = _DOCS + code.replace("_", "-")
    return Failure(400, error, saved=saved)


def not_found(object_name: str, object_id: str, param: str | None) -> Failure:
    error: dict[str, Any] = {
        "type": "invalid_request_error",
        "code": "resource_missing",
        "doc_url": _DOCS + "resource-missing",
        "message": f"No such {object_name}: '{object_id}'",
    }
    if param is not None:
        error["param"] = param
    return Failure(404, error, saved=False)


def unexpected_state(message: str, code: str, obj: dict[str, Any] | None = None, key: str | None = None) -> Failure:
    """A 400 for an action the object's status does not allow (``payment_intent_unexpected_state``, ...)."""
    failure = invalid(message, None, code, saved=True)
    if obj is not None and key is not None:
        failure.error[key] = obj
    return failure


def card_error(code: str, decline_code: str | None, message: str, **extra: Any) -> Failure:
    """A 402 ``card_error``, as Stripe answers a declined card."""
    error: dict[str, Any] = {"type": "card_error", "code": code, "message": message, "doc_url": _DOCS + code.replace("_", "-")}
    if decline_code is not None:
        error["decline_code"] = decline_code
    error.update(extra)
    return Failure(402, error)
