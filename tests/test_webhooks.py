"""Webhook signatures: the named vectors of tests/webhook_vectors.py, messages, parsing, and properties."""

from __future__ import annotations

import hmac
import json
import math
import pickle
import time
import typing
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import stripe_lite
from stripe_lite import webhooks
from stripe_lite.errors import InvalidResponseError, SignatureVerificationError, StripeError
from stripe_lite.webhooks import construct_event, generate_signature_header, parse_event, verify_signature

from .webhook_vectors import BODY, EVENT, NOW, OTHER_SECRET, SECRET, VECTORS, Vector, good, sig

REASONS = set(typing.get_args(webhooks.SignatureVerificationReason))


# --- the named vectors ------------------------------------------------------------------------


def test_vectors_are_many_named_once_and_cover_every_outcome() -> None:
    names = [vector.name for vector in VECTORS]
    assert len(names) == len(set(names))
    assert len(VECTORS) >= 60
    outcomes = {vector.expected for vector in VECTORS}
    # The vectors spell out each reason, so this also pins the public reason values.
    assert outcomes == REASONS | {"ok", "TypeError"}


@pytest.mark.parametrize("vector", VECTORS, ids=lambda vector: vector.name)
def test_vector(vector: Vector) -> None:
    args = (vector.payload, vector.header, vector.secret)
    options: dict[str, Any] = {"tolerance": vector.tolerance, "now": vector.now}
    if vector.expected == "TypeError":
        with pytest.raises(TypeError):
            verify_signature(*args, **options)
        with pytest.raises(TypeError):
            construct_event(*args, **options)
    elif vector.expected == "ok":
        assert verify_signature(*args, **options) is None
        if vector.parses:
            event = construct_event(*args, **options)
            payload = vector.payload if isinstance(vector.payload, str) else bytes(vector.payload).decode("utf-8")
            assert event.to_dict() == json.loads(payload)
            assert event.to_dict()["type"] == json.loads(payload)["type"]
        else:
            # Authentic, but not a JSON event: parsing says so, with the error for undecodable payloads.
            with pytest.raises(InvalidResponseError):
                construct_event(*args, **options)
    else:
        for check in (verify_signature, construct_event):
            with pytest.raises(SignatureVerificationError) as caught:
                check(*args, **options)
            assert caught.value.reason == vector.expected
            assert caught.value.sig_header == vector.header
            assert caught.value.message


# --- the error ---------------------------------------------------------------------------------


def _failure(*args: Any, **options: Any) -> SignatureVerificationError:
    options.setdefault("now", NOW)
    with pytest.raises(SignatureVerificationError) as caught:
        verify_signature(*args, **options)
    return caught.value


def test_error_is_a_stripe_error_exported_at_the_top() -> None:
    error = _failure(BODY, good(secret=OTHER_SECRET), SECRET)
    assert isinstance(error, StripeError)
    assert stripe_lite.SignatureVerificationError is SignatureVerificationError
    assert webhooks.SignatureVerificationError is SignatureVerificationError
    assert error.http_status is None and error.request_id is None
    assert str(error).endswith("(reason mismatch)")
    assert repr(error).startswith("SignatureVerificationError(message=") and "reason='mismatch'" in repr(error)


def test_error_pickles_with_its_reason() -> None:
    error = _failure(BODY, good(NOW - 1000), SECRET)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.message, copy.reason, copy.sig_header) == (
        SignatureVerificationError,
        error.message,
        "too_old",
        good(NOW - 1000),
    )


def test_public_module_exports() -> None:
    for name in ("construct_event", "verify_signature", "generate_signature_header", "parse_event"):
        assert name in webhooks.__all__ and callable(getattr(webhooks, name))
    assert all(hasattr(webhooks, name) for name in webhooks.__all__)
    assert webhooks.DEFAULT_TOLERANCE == 300


# --- messages for the common mistakes ----------------------------------------------------------


def test_message_for_a_reserialised_body() -> None:
    compact = json.dumps(EVENT).encode()
    message = _failure(compact, good(), SECRET).message
    assert "parsed and serialised again" in message
    assert "raw request body" in message


def test_message_for_a_secret_with_whitespace_that_would_match() -> None:
    message = _failure(BODY, good(), SECRET + "\n").message
    assert "whitespace around it" in message
    assert "it matches once that is removed" in message


def test_message_for_a_secret_with_whitespace_that_would_still_not_match() -> None:
    message = _failure(BODY, good(secret=OTHER_SECRET), [" " + SECRET]).message
    assert "whitespace around it" in message
    assert "remove it" in message
    assert "any of" not in message


def test_message_for_several_secrets() -> None:
    message = _failure(BODY, good(secret="whsec_x"), [SECRET, OTHER_SECRET]).message
    assert "any of the 2 secrets" in message


def test_message_for_an_api_key_used_as_the_secret() -> None:
    message = _failure(BODY, good(), "sk_test_123").message
    assert "whsec_" in message and "API key" in message


def test_message_for_a_str_body_decoded_from_bytes_that_are_not_utf8() -> None:
    text = (BODY + b"\xff").decode("utf-8", "surrogateescape")
    message = _failure(text, good(), SECRET).message
    assert "lone surrogates" in message


def test_message_for_signatures_that_are_not_hex() -> None:
    message = _failure(BODY, f"t={NOW},v1=XYZ", SECRET).message
    assert "64 lowercase hex digits" in message


def test_message_for_a_timestamp_in_milliseconds() -> None:
    message = _failure(BODY, good(NOW * 1000), SECRET).message
    assert "milliseconds" in message and "clock" in message


def test_message_for_a_malformed_timestamp_names_it() -> None:
    assert "'-5'" in _failure(BODY, f"t=-5,v1={sig()}", SECRET).message
    assert "2 t= timestamps" in _failure(BODY, f"t=1,t=1,v1={sig()}", SECRET).message


def test_a_good_message_never_claims_reserialising_for_an_indented_body() -> None:
    message = _failure(BODY, good(secret=OTHER_SECRET), SECRET).message
    assert "serialised again" not in message
    assert "byte for byte" in message


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"sig_header": b"t=1,v1=00"}, "decode it first"),
        ({"payload": EVENT}, "not parsed JSON"),
        ({"secret": b"whsec_x"}, "decode it first"),
        ({"secret": [SECRET, 1]}, "each secret must be str"),
    ],
)
def test_type_error_messages(kwargs: dict[str, Any], fragment: str) -> None:
    arguments: dict[str, Any] = {"payload": BODY, "sig_header": good(), "secret": SECRET, **kwargs}
    with pytest.raises(TypeError, match=fragment):
        verify_signature(arguments["payload"], arguments["sig_header"], arguments["secret"], now=NOW)


# --- tolerance and now -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"tolerance": -1}, ValueError),
        ({"tolerance": math.nan}, ValueError),
        ({"tolerance": True}, TypeError),
        ({"tolerance": "300"}, TypeError),
        ({"now": math.nan}, ValueError),
        ({"now": math.inf}, ValueError),
        ({"now": False}, TypeError),
        ({"now": "1700000000"}, TypeError),
    ],
    ids=str,
)
def test_bad_tolerance_or_now(options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        verify_signature(BODY, good(), SECRET, **{"now": NOW, **options})


def test_infinite_tolerance_is_no_limit() -> None:
    assert verify_signature(BODY, good(0), SECRET, tolerance=math.inf, now=NOW) is None


def test_now_defaults_to_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: NOW + 299.9)
    assert verify_signature(BODY, good(), SECRET) is None
    monkeypatch.setattr(time, "time", lambda: NOW + 301.0)
    assert _failure(BODY, good(), SECRET, now=None).reason == "too_old"


def test_every_pair_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    header = f"t={NOW},v1={sig()},v1={'0' * 64},v1=zz"
    verify_signature(BODY, header, [SECRET, OTHER_SECRET], now=NOW)
    # No early exit at the first match: 2 secrets x 3 signatures, all as bytes.
    assert len(calls) == 6
    assert all(isinstance(a, bytes) and isinstance(b, bytes) for a, b in calls)


# --- generate_signature_header -----------------------------------------------------------------


def test_generate_makes_stripes_header() -> None:
    assert generate_signature_header(BODY, SECRET, timestamp=NOW) == good()
    assert generate_signature_header(BODY.decode(), SECRET, timestamp=NOW) == good()
    assert generate_signature_header(bytearray(BODY), SECRET, timestamp=NOW) == good()


def test_generate_with_several_secrets_signs_with_each_in_order() -> None:
    header = generate_signature_header(BODY, [SECRET, OTHER_SECRET], timestamp=NOW)
    assert header == f"t={NOW},v1={sig()},v1={sig(secret=OTHER_SECRET)}"
    for secret in (SECRET, OTHER_SECRET):
        assert verify_signature(BODY, header, secret, now=NOW) is None


def test_generate_defaults_to_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "time", lambda: NOW + 0.7)
    assert generate_signature_header(BODY, SECRET) == good()


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"timestamp": -1}, ValueError),
        ({"timestamp": 10**18}, ValueError),
        ({"timestamp": True}, TypeError),
        ({"timestamp": 1.5}, TypeError),
        ({"timestamp": "1700000000"}, TypeError),
        ({"secret": ""}, ValueError),
        ({"secret": "  "}, ValueError),
        ({"secret": []}, ValueError),
        ({"secret": b"whsec_x"}, TypeError),
        ({"payload": {"id": "evt_1"}}, TypeError),
    ],
    ids=str,
)
def test_generate_refuses(kwargs: dict[str, Any], error: type[Exception]) -> None:
    arguments: dict[str, Any] = {"payload": BODY, "secret": SECRET, "timestamp": NOW, **kwargs}
    with pytest.raises(error):
        generate_signature_header(arguments["payload"], arguments["secret"], timestamp=arguments["timestamp"])


def test_generate_accepts_the_largest_timestamp() -> None:
    header = generate_signature_header(BODY, SECRET, timestamp=10**18 - 1)
    assert header.startswith(f"t={10**18 - 1},v1=")
    assert verify_signature(BODY, header, SECRET, tolerance=None) is None


# --- parse_event -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "form", [bytes, bytearray, lambda body: body.decode("utf-8")], ids=["bytes", "bytearray", "str"]
)
def test_parse_event_keeps_the_payload(form: Any) -> None:
    event = parse_event(form(BODY))
    assert event.to_dict() == EVENT
    assert event.to_dict()["type"] == "payment_intent.succeeded"


def test_parse_event_keeps_an_event_type_it_does_not_know() -> None:
    data = {**EVENT, "type": "future_thing.happened", "data": {"object": {"object": "future_thing", "x": [1, {}]}}}
    assert parse_event(json.dumps(data)).to_dict() == data


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"", "not JSON"),
        (b"{", "not JSON"),
        (b"\xef\xbb\xbf" + BODY, "not JSON"),  # a UTF-8 byte order mark, which Stripe never sends
        (b'{"object": "event", "x": "\xff"}', "not UTF-8"),
        (BODY.decode("utf-8").encode("utf-16"), "not UTF-8"),
        (b"[1, 2]", "a JSON list"),
        (b'"event"', "a JSON str"),
        (b"null", "a JSON NoneType"),
        (b'{"id": "pi_1", "object": "payment_intent"}', "'payment_intent'"),
        (b'{"id": "evt_1"}', "None"),
        (b'{"id": "evt_1", "object": "v2.core.event"}', "thin event notification"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"object": "event", "n": ' + b"9" * 5000 + b"}", "not JSON"),
    ],
    ids=[
        "empty",
        "truncated",
        "byte-order-mark",
        "not-utf8",
        "utf16",
        "array",
        "string",
        "null",
        "not-an-event",
        "no-object",
        "thin-event",
        "deep",
        "huge-number",
    ],
)
def test_parse_event_refuses(payload: bytes, fragment: str) -> None:
    with pytest.raises(InvalidResponseError, match=fragment):
        parse_event(payload)


def test_parse_event_refuses_what_is_not_a_body() -> None:
    with pytest.raises(TypeError, match="not parsed JSON"):
        parse_event(EVENT)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes or str"):
        parse_event(None)  # type: ignore[arg-type]


def test_construct_event_verifies_before_parsing() -> None:
    # A forged body that is not JSON fails on its signature, not on the parse.
    error = _failure(b"not json", good(), SECRET)
    assert error.reason == "mismatch"
    with pytest.raises(SignatureVerificationError):
        construct_event(b"not json", good(), SECRET, now=NOW)
    with pytest.raises(InvalidResponseError, match="not JSON"):
        construct_event(b"not json", good(body=b"not json"), SECRET, now=NOW)


# --- properties --------------------------------------------------------------------------------

secrets = st.text(min_size=1, max_size=40).filter(str.strip)
timestamps = st.integers(min_value=0, max_value=10**18 - 1)


@given(body=st.binary(max_size=2000), secret=secrets, timestamp=timestamps)
def test_a_generated_header_verifies(body: bytes, secret: str, timestamp: int) -> None:
    header = generate_signature_header(body, secret, timestamp=timestamp)
    assert verify_signature(body, header, secret, tolerance=0, now=timestamp) is None
    assert verify_signature(body, header, [OTHER_SECRET, secret], now=timestamp) is None


@given(body=st.binary(min_size=1, max_size=500), index=st.integers(min_value=0), bit=st.integers(0, 7))
def test_any_flipped_bit_of_the_body_is_a_mismatch(body: bytes, index: int, bit: int) -> None:
    header = generate_signature_header(body, SECRET, timestamp=NOW)
    position = index % len(body)
    changed = body[:position] + bytes([body[position] ^ (1 << bit)]) + body[position + 1 :]
    assert _failure(changed, header, SECRET).reason == "mismatch"


@given(age=st.integers(-(10**6), 10**6), tolerance=st.integers(0, 10**6))
def test_the_window_is_symmetric(age: int, tolerance: int) -> None:
    header = good(NOW - age)
    if abs(age) <= tolerance:
        assert verify_signature(BODY, header, SECRET, tolerance=tolerance, now=NOW) is None
    else:
        expected = "too_old" if age > 0 else "too_new"
        assert _failure(BODY, header, SECRET, tolerance=tolerance).reason == expected


_pads = st.text(alphabet=" \t", max_size=3)
_extra_items = st.lists(
    st.sampled_from(["v0=" + "0" * 64, "v2=abc", "scheme=x", "", "flag", f"v1={'f' * 64}", "x=y=z"]), max_size=4
)


@given(extra=_extra_items, data=st.data())
def test_item_order_whitespace_and_extra_items_do_not_matter(extra: list[str], data: st.DataObject) -> None:
    items = [f"t={NOW}", f"v1={sig()}", *extra]
    items = data.draw(st.permutations(items))
    header = ",".join(data.draw(_pads) + item + data.draw(_pads) for item in items)
    assert verify_signature(BODY, header, SECRET, now=NOW) is None


_header_pieces = st.sampled_from(["t", "v1", "v0", " t", "T", "", "="]).flatmap(
    lambda key: st.tuples(
        st.just(key),
        st.one_of(st.text(max_size=20), st.integers(-5, 2 * NOW).map(str), st.just(sig()), st.just(str(NOW))),
    )
)
_headers = st.one_of(
    st.none(),
    st.text(max_size=200),
    st.lists(_header_pieces, max_size=6).map(lambda pairs: ",".join(f"{key}={value}" for key, value in pairs)),
)
_payloads = st.one_of(st.binary(max_size=300), st.text(max_size=300), st.just(BODY))
_secret_values = st.one_of(st.text(max_size=30), st.just(SECRET), st.lists(st.text(max_size=10), max_size=3))


@given(payload=_payloads, header=_headers, secret=_secret_values, tolerance=st.sampled_from([None, 0, 300]))
def test_any_input_passes_or_fails_with_a_reason(payload: Any, header: Any, secret: Any, tolerance: Any) -> None:
    # Nothing but SignatureVerificationError escapes: no UnicodeError, ValueError or crash.
    try:
        event = construct_event(payload, header, secret, tolerance=tolerance, now=NOW)
    except SignatureVerificationError as error:
        assert error.reason in REASONS
    else:  # only the one signed payload can pass
        assert event.to_dict() == EVENT
