"""Webhook signatures and event parsing; the public names are re-exported by :mod:`stripe_lite.webhooks`."""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import re
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from .errors import (
    APIVersionMismatchError,
    InvalidResponseError,
    SignatureVerificationError,
    SignatureVerificationReason,
)

if TYPE_CHECKING:
    from ._generated.models.event_notifications import EventNotification
    from ._generated.models.events import Event

__all__ = [
    "DEFAULT_TOLERANCE",
    "Payload",
    "Secret",
    "construct_event",
    "generate_signature_header",
    "parse_event",
    "parse_event_notification",
    "verify_signature",
]

DEFAULT_TOLERANCE = 300
"""Seconds a signature's timestamp may lie before or after now: five minutes."""

Payload: TypeAlias = bytes | bytearray | str
"""A webhook's body exactly as received: the raw bytes (best), or them decoded as UTF-8."""

Secret: TypeAlias = str | Sequence[str]
"""An endpoint's signing secret (``whsec_...``), or several of them while one replaces another."""

# A Unix time in seconds, written the one way every Stripe library writes it: ASCII
# digits without sign or leading zero. [0-9] rather than \d, which takes any script's
# digits. 18 digits at most keep it a 64-bit integer, the type Stripe's libraries
# read it into; parsing stays bounded however long the header is.
_TIMESTAMP = re.compile(r"0|[1-9][0-9]{0,17}")
_MAX_TIMESTAMP = 10**18 - 1
_SIGNATURE = re.compile(r"[0-9a-f]{64}")
_SCHEME = "v1"


def verify_signature(
    payload: Payload,
    sig_header: str | None,
    secret: Secret,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> None:
    """Check that Stripe sent ``payload``, signed with ``secret``, within ``tolerance`` seconds of now.

    ``payload`` is the request body exactly as received, ``sig_header`` the
    request's ``Stripe-Signature`` header (None when it has none) and
    ``secret`` the endpoint's signing secret, or a sequence of secrets any of
    which may match (to rotate them). The header's timestamp may be at most
    ``tolerance`` seconds in the past or in the future: ``tolerance=0``
    accepts only the current second, ``tolerance=None`` no limit at all.
    ``now`` (Unix seconds) replaces the clock, for tests.

    Raises :class:`~stripe_lite.errors.SignatureVerificationError`, whose
    ``reason`` tells why, when the check fails; TypeError for an argument of
    the wrong type (such as a header given as bytes) and ValueError for a
    negative ``tolerance`` or a ``now`` that is not finite.
    """
    body = _payload_bytes(payload)
    if sig_header is not None and not isinstance(sig_header, str):
        raise TypeError(_type_message("sig_header", sig_header, "str or None"))
    secrets = _secret_list(secret)
    current = _current_second(now)
    _check_tolerance(tolerance)
    if not secrets or any(not text.strip() for text in secrets):
        raise _error(
            "empty_secret", "The webhook secret is empty: pass the endpoint's signing secret (whsec_...).", sig_header
        )
    if sig_header is None or not sig_header.strip():
        raise _error(
            "missing_header",
            "No Stripe-Signature header: pass the request's Stripe-Signature header (is the request from Stripe?).",
            sig_header,
        )

    timestamp, signatures = _parse_header(sig_header)
    if not signatures:
        raise _error("no_v1_signature", f"The Stripe-Signature header holds no {_SCHEME} signature.", sig_header)

    # Every (secret, signature) pair is compared, in constant time and with no
    # early exit, so the time taken tells nothing about which one came close.
    candidates = [text.encode("utf-8", "surrogatepass") for text in signatures]
    matched = False
    for key in secrets:
        expected = _sign(timestamp, body, key).encode("ascii")
        for candidate in candidates:
            matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise _error("mismatch", _mismatch_message(payload, body, timestamp, signatures, secrets), sig_header)

    if tolerance is not None:
        age = current - int(timestamp)
        if age > tolerance:
            raise _error(
                "too_old",
                f"The signature's timestamp {timestamp} is {age} seconds old, more than the tolerance of "
                f"{tolerance} seconds: a replayed request, or a clock that is wrong.",
                sig_header,
            )
        if -age > tolerance:
            hint = " (in milliseconds? Stripe sends seconds)" if len(timestamp) >= 13 else ""
            raise _error(
                "too_new",
                f"The signature's timestamp {timestamp}{hint} is {-age} seconds in the future, more than the "
                f"tolerance of {tolerance} seconds: is this machine's clock right?",
                sig_header,
            )


def construct_event(
    payload: Payload,
    sig_header: str | None,
    secret: Secret,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
    strict: bool = False,
) -> Event:
    """Verify a webhook (see :func:`verify_signature`), then parse its payload into an event (see :func:`parse_event`).

    Raises :class:`~stripe_lite.errors.SignatureVerificationError` when the
    signature does not hold, and
    :class:`~stripe_lite.errors.InvalidResponseError` when a payload that
    holds it is not a JSON event.
    """
    verify_signature(payload, sig_header, secret, tolerance=tolerance, now=now)
    return parse_event(payload, strict=strict)


def parse_event(payload: Payload, *, strict: bool = False) -> Event:
    """Parse an event from a webhook payload without verifying it.

    Only for payloads verified already, or that came from a source you trust:
    anyone can send your endpoint a request. The event is an instance of the
    class its ``type`` names (``PaymentIntentSucceededEvent``), or an
    ``UnknownEvent`` for a type this version does not know; either way it keeps
    the whole payload (``event.to_dict()`` gives it back).

    An event rendered with another API version than :data:`stripe_lite.API_VERSION`
    is parsed all the same (fields the models do not declare go to
    ``extra_fields``); with ``strict=True`` it raises
    :class:`~stripe_lite.errors.APIVersionMismatchError` instead.

    Raises :class:`~stripe_lite.errors.InvalidResponseError` when the payload is
    not UTF-8 JSON holding an event object.
    """
    data, text = _json_object(payload)
    kind = data.get("object")
    if kind != "event":
        hint = (
            " It is a thin event notification (API v2): read it with parse_event_notification."
            if kind == "v2.core.event"
            else ""
        )
        raise InvalidResponseError(f'The webhook payload is not an event: its "object" is {kind!r}.{hint}', body=text)
    if strict:
        _check_version(data.get("api_version"))
    from ._generated.models.events import _d_Event

    event: Event = _d_Event(data)
    return event


def parse_event_notification(
    payload: Payload,
    sig_header: str | None,
    secret: Secret,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> EventNotification:
    """Verify and parse an event notification (a thin event), as an event destination of API v2 sends it.

    The signature is checked exactly as :func:`verify_signature` checks a
    webhook's. The notification is an instance of the class its ``type``
    names (``V1BillingMeterErrorReportTriggeredEventNotification``), or an
    ``UnknownEventNotification``; it carries no data: get the event with
    ``notification.fetch_event(client)`` and the object it is about with
    ``notification.fetch_related_object(client)`` (awaitables with an
    ``AsyncStripeClient``).

    Raises :class:`~stripe_lite.errors.SignatureVerificationError` when the
    signature does not hold, and :class:`~stripe_lite.errors.InvalidResponseError`
    when the payload is not a JSON event notification.
    """
    verify_signature(payload, sig_header, secret, tolerance=tolerance, now=now)
    data, text = _json_object(payload)
    kind = data.get("object")
    if kind != "v2.core.event":
        hint = " It is a webhook event (API v1): read it with construct_event." if kind == "event" else ""
        raise InvalidResponseError(
            f'The payload is not an event notification: its "object" is {kind!r}.{hint}', body=text
        )
    from ._generated.models.event_notifications import EventNotificationBase

    notification: EventNotification = EventNotificationBase._decode(data)
    return notification


def _json_object(payload: Payload) -> tuple[dict[str, Any], str]:
    """The payload's JSON object, and its text (for errors)."""
    if isinstance(payload, (bytes, bytearray)):
        try:
            text = bytes(payload).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidResponseError(
                f"The webhook payload is not UTF-8 text ({exc.reason} at byte {exc.start})."
            ) from None
    elif isinstance(payload, str):
        text = payload
    else:
        raise _payload_type_error(payload)
    try:
        data = json.loads(text)
    except RecursionError:
        raise InvalidResponseError("The webhook payload is JSON nested too deeply to parse.", body=text) from None
    except ValueError as exc:
        raise InvalidResponseError(f"The webhook payload is not JSON: {exc}.", body=text) from None
    if not isinstance(data, dict):
        raise InvalidResponseError(f"The webhook payload is a JSON {type(data).__name__}, not an event.", body=text)
    return data, text


def _check_version(api_version: object) -> None:
    from ._generated import API_VERSION

    if api_version != API_VERSION:
        shown = api_version if isinstance(api_version, str) else None
        raise APIVersionMismatchError(
            f"The event was rendered with API version {shown!r}, and stripe_lite's models follow {API_VERSION!r}: "
            "its fields may not be what the models say. Set the endpoint's API version to "
            f"{API_VERSION!r} (in the Dashboard, or when creating it), or parse without strict=True.",
            shown,
            API_VERSION,
        )


def generate_signature_header(payload: Payload, secret: Secret, *, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header Stripe would send with ``payload``, for testing your receiver.

    ``timestamp`` (Unix seconds) defaults to now. Given several secrets, the
    header carries one ``v1`` signature for each, in order, as Stripe's does
    while an endpoint's secret is being rolled. Raises TypeError for an
    argument of the wrong type and ValueError for an empty secret or a
    timestamp that is negative or beyond 18 digits.
    """
    body = _payload_bytes(payload)
    secrets = _secret_list(secret)
    if not secrets or any(not text.strip() for text in secrets):
        raise ValueError("the webhook secret is empty")
    if timestamp is None:
        timestamp = int(time.time())
    elif type(timestamp) is not int:
        raise TypeError(_type_message("timestamp", timestamp, "int (Unix seconds)"))
    if not 0 <= timestamp <= _MAX_TIMESTAMP:
        raise ValueError(f"timestamp must be a Unix time in seconds from 0 to {_MAX_TIMESTAMP}, got {timestamp}")
    text = str(timestamp)
    signatures = ",".join(f"{_SCHEME}={_sign(text, body, key)}" for key in secrets)
    return f"t={text},{signatures}"


def _sign(timestamp: str, body: bytes, secret: str) -> str:
    # The secret keys the HMAC as its UTF-8 text, whsec_ prefix included (it is not base64-decoded).
    mac = hmac.new(secret.encode("utf-8", "surrogatepass"), digestmod=hashlib.sha256)
    mac.update(timestamp.encode("ascii"))
    mac.update(b".")
    mac.update(body)
    return mac.hexdigest()


def _payload_bytes(payload: object) -> bytes:
    if isinstance(payload, bytes):
        return payload
    if isinstance(payload, bytearray):
        return bytes(payload)
    if isinstance(payload, str):
        # Stripe signs the body's UTF-8 bytes. A str with a lone surrogate
        # (which no UTF-8 body decodes to) still gets bytes, so that no text
        # makes signing raise; it then simply matches no signature from Stripe.
        return payload.encode("utf-8", "surrogatepass")
    raise _payload_type_error(payload)


def _payload_type_error(payload: object) -> TypeError:
    if isinstance(payload, (dict, list)):
        return TypeError(
            "payload must be the raw request body (bytes), not parsed JSON: "
            "serialising it again would not give back the bytes Stripe signed"
        )
    return TypeError(_type_message("payload", payload, "bytes or str (the raw request body)"))


def _secret_list(secret: object) -> list[str]:
    if isinstance(secret, str):
        return [secret]
    if isinstance(secret, Sequence) and not isinstance(secret, (bytes, bytearray)):
        for item in secret:
            if not isinstance(item, str):
                raise TypeError(_type_message("each secret", item, "str"))
        return list(secret)
    raise TypeError(_type_message("secret", secret, "str or a sequence of str"))


def _type_message(name: str, value: object, expected: str) -> str:
    hint = " (decode it first)" if isinstance(value, (bytes, bytearray)) else ""
    return f"{name} must be {expected}, not {type(value).__name__}{hint}"


def _current_second(now: float | None) -> int:
    # The header's timestamp counts whole seconds, so the clock is read in whole seconds too.
    if now is None:
        return int(time.time())
    if isinstance(now, bool) or not isinstance(now, (int, float)):
        raise TypeError(_type_message("now", now, "a number of Unix seconds or None"))
    if not math.isfinite(now):
        raise ValueError(f"now must be a finite number of Unix seconds, got {now}")
    return math.floor(now)


def _check_tolerance(tolerance: float | None) -> None:
    if tolerance is None:
        return
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)):
        raise TypeError(_type_message("tolerance", tolerance, "a number of seconds or None"))
    if not tolerance >= 0:  # NaN too
        raise ValueError(f"tolerance must be 0 or more seconds (or None for no limit), got {tolerance}")


def _parse_header(header: str) -> tuple[str, list[str]]:
    """The timestamp (its digits) and the v1 signatures of a Stripe-Signature header."""
    timestamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        key, _, value = item.partition("=")
        key = key.strip()
        if key == "t":
            timestamps.append(value.strip())
        elif key == _SCHEME:
            signatures.append(value.strip())
        # Anything else is skipped: v0 (an older scheme, sent to test endpoints),
        # keys of schemes to come, empty items.
    if not timestamps:
        raise _error("malformed_header", "The Stripe-Signature header has no t= timestamp.", header)
    if len(timestamps) > 1:
        raise _error(
            "malformed_header",
            f"The Stripe-Signature header has {len(timestamps)} t= timestamps; it must have one.",
            header,
        )
    if not _TIMESTAMP.fullmatch(timestamps[0]):
        raise _error(
            "malformed_header",
            f"The Stripe-Signature header's timestamp {timestamps[0]!r} is not a Unix time in whole seconds.",
            header,
        )
    return timestamps[0], signatures


def _mismatch_message(payload: Payload, body: bytes, timestamp: str, signatures: list[str], secrets: list[str]) -> str:
    # Built only once the check failed: the hints look at the inputs more closely.
    which = "the secret" if len(secrets) == 1 else f"any of the {len(secrets)} secrets"
    hints = [f"No {_SCHEME} signature in the header matches the payload signed with {which}."]
    if any(not _SIGNATURE.fullmatch(text) for text in signatures):
        hints.append(f"(Some {_SCHEME} values are not 64 lowercase hex digits, so none of those can match.)")
    padded = [key for key in secrets if key != key.strip()]
    if padded:
        fixed = any(
            hmac.compare_digest(
                _sign(timestamp, body, key.strip()).encode("ascii"), text.encode("utf-8", "surrogatepass")
            )
            for key in padded
            for text in signatures
        )
        outcome = "it matches once that is removed" if fixed else "remove it"
        hints.append(
            f"The secret has whitespace around it (a newline from a file or environment variable?): {outcome}."
        )
    if any(not key.strip().startswith("whsec_") for key in secrets):
        hints.append(
            "A webhook signing secret starts with whsec_ (find it with the endpoint in the Dashboard, or in the "
            "output of stripe listen); an API key (sk_...) is not one."
        )
    if isinstance(payload, str) and any("\ud800" <= char <= "\udfff" for char in payload):
        hints.append(
            "The payload holds lone surrogates: it was decoded from bytes that are not UTF-8; pass the raw bytes."
        )
    stripped = body.strip()
    if stripped.startswith(b"{") and b"\n" not in stripped:
        hints.append(
            "The payload is JSON on a single line, while Stripe sends it indented over many lines: it looks parsed "
            "and serialised again. Pass the raw request body, read before anything parses it."
        )
    else:
        hints.append(
            "Check that the payload is the raw request body, byte for byte, and the secret is this endpoint's."
        )
    return " ".join(hints)


def _error(
    reason: SignatureVerificationReason, message: str, sig_header: str | None = None
) -> SignatureVerificationError:
    return SignatureVerificationError(message, reason, sig_header)
