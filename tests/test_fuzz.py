"""Property tests (hypothesis): the form encoder, the model decoder and the response handling.

- Encoding: whatever parameters are given, a Stripe-style (Rack-style) bracket
  parser reads back what was meant, or the encoder refuses before any request.
- Decoding: whatever JSON-shaped mutation of a real payload comes back, a
  model either gives back exactly its input or InvalidResponseError is raised.
- Answers: whatever status, headers and body an answer has, the core either
  decodes it, waits a bounded delay, or raises a StripeError; nothing else.
"""

from __future__ import annotations

import asyncio
import copy
import datetime
import json
import os
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
import respx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import stripe_lite
from stripe_lite import errors
from stripe_lite._base_client import MAX_RETRY_AFTER, Received, _parse_retry_after
from stripe_lite._encoding import encode_form, urlencode_pairs
from stripe_lite._models import model_for
from stripe_lite.errors import InvalidResponseError
from stripe_lite.models import PaymentIntent, SetupIntent, StripeObject, construct

from .conftest import API_KEY, BASE

# Modest by default, to keep the suite fast; FUZZ_SCALE=50 for a long run.
_SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
FAST = settings(max_examples=int(60 * _SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=int(20 * _SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- a Stripe-style (Rack-style) form parser, written from the format --------------------------

_NAME = re.compile(r"([^\[\]]+)((?:\[[^\[\]]*\])*)")
_SUBKEY = re.compile(r"\[([^\[\]]*)\]")


def parse_form(body: str) -> dict[str, Any]:
    """Read ``a[b][0]=v&...`` back into nested dicts (list indices stay dict keys, as Rack reads them).

    Fails on anything ambiguous: a name that does not parse, a leaf set twice,
    or a value and a nested object at the same place.
    """
    result: dict[str, Any] = {}
    if not body:
        return result
    for part in body.split("&"):
        raw_name, sep, raw_value = part.partition("=")
        assert sep, f"no '=' in {part!r}"
        name, value = unquote(raw_name, errors="strict"), unquote(raw_value, errors="strict")
        match = _NAME.fullmatch(name)
        assert match, f"cannot parse the name {name!r}"
        path = [match.group(1), *_SUBKEY.findall(match.group(2))]
        assert all(path), f"an empty key (Rack reads it as an array push) in {name!r}"
        node = result
        for key in path[:-1]:
            child = node.setdefault(key, {})
            assert isinstance(child, dict), f"{name!r}: a value and an object at the same place"
            node = child
        assert path[-1] not in node, f"{name!r} sent twice"
        node[path[-1]] = value
    return result


def expected_params(params: dict[str, Any]) -> dict[str, Any]:
    """What Stripe should read back from a call's parameters: a top-level None is a parameter not given."""
    return expected_form({k: v for k, v in params.items() if v is not None}) or {}


def expected_form(value: Any, *, in_dict: bool = False) -> Any:
    """What Stripe should read back from ``value``: the documented rules, None for "nothing sent"."""
    if value is None:
        return "" if in_dict else None  # inside a dict, None unsets the key
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str, float, Decimal)):
        return value  # compared by same_leaf
    if isinstance(value, datetime.datetime):
        return str(int(value.timestamp()))
    if isinstance(value, dict):
        kept = {k: e for k, v in value.items() if (e := expected_form(v, in_dict=True)) is not None}
        return kept or None  # an empty dict sends nothing
    if isinstance(value, (list, tuple)):
        # The format has no empty array: an empty list sends nothing.
        kept = {str(i): e for i, v in enumerate(value) if (e := expected_form(v)) is not None}
        return kept or None
    raise AssertionError(f"unexpected {value!r}")


def same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(same(actual[k], expected[k]) for k in expected)
        )
    assert isinstance(actual, str), actual
    if isinstance(expected, (float, Decimal)):
        # Numbers go as plain decimals (no exponent) that read back as the same number.
        number = Decimal(repr(expected)) if isinstance(expected, float) else expected
        return "e" not in actual.lower() and Decimal(actual) == number
    if isinstance(expected, int):
        return actual == str(expected)
    return bool(actual == expected)


# -- strategies ------------------------------------------------------------------------

# Characters that have a meaning in the format or in URLs, spaces and non-ASCII.
_SPECIAL = "&=%+?#;/ \t\n\\\"'é中\U0001f600\x00"
keys = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="[]"), min_size=1, max_size=8),
    st.sampled_from(["a&b", "x=y", "100%", "with space", "é", "中文", "+", "%5B", "0", "1"]),
)
texts = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(["", "[", "]", "a[b]", "&", "=", "%", "%20", "+", _SPECIAL]),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    texts,
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=6),
    st.datetimes(timezones=st.just(datetime.timezone.utc)),
)
# None is fine as a dict value (sent as "", unsetting the key), not as a list item (see test below).
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.dictionaries(keys, children, max_size=4),
        st.lists(children.filter(lambda v: v is not None), max_size=4),
        st.tuples(children.filter(lambda v: v is not None)),
    ),
    max_leaves=12,
)
params_strategy = st.dictionaries(keys, values, max_size=5)


# -- the encoder -----------------------------------------------------------------------


@FAST
@given(params_strategy)
def test_encoded_parameters_read_back_as_given(params: dict[str, Any]) -> None:
    body = urlencode_pairs(encode_form(params))
    assert body.isascii()
    assert set(body) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~%=&")
    expected = expected_params(params)
    assert same(parse_form(body), expected), (body, expected)


@SLOW
@given(params_strategy)
def test_the_client_sends_exactly_that_encoding_in_bodies_and_queries(params: dict[str, Any]) -> None:
    expected = expected_params(params)
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        post = router.post("/v1/things").respond(json={})
        get = router.get("/v1/things").respond(json={})
        with stripe_lite.StripeClient(api_key=API_KEY) as client:
            client.request("post", "/v1/things", params=params)
            client.request("get", "/v1/things", params=params)
    assert same(parse_form(post.calls.last.request.content.decode("ascii")), expected)
    assert same(parse_form(get.calls.last.request.url.query.decode("ascii")), expected)


@FAST
@given(st.data())
def test_brackets_or_nothing_in_a_name_are_refused_naming_the_parameter(data: st.DataObject) -> None:
    bad = data.draw(st.one_of(st.just(""), st.text(min_size=1, max_size=6).map(lambda t: t + data.draw(st.sampled_from("[]")))))
    nested = data.draw(st.booleans())
    params: dict[str, Any] = {"metadata": {bad: "x"}} if nested else {bad: "x"}
    with pytest.raises(ValueError, match=re.escape(repr(bad))) as caught:
        encode_form(params)
    if nested:
        assert "'metadata'" in str(caught.value)


class Opaque:
    pass


unsupported = st.sampled_from([{1, 2}, frozenset({"a"}), b"raw", bytearray(b"x"), Opaque(), complex(1, 2), datetime.date(2024, 1, 1), range(3)])


@st.composite
def params_with_one_bad_value(draw: st.DrawFn) -> tuple[dict[str, Any], str, str]:
    """Parameters holding one unsupported value (or a None list item) somewhere, and that place's name."""
    bad = draw(st.one_of(unsupported, st.just(None)))
    top = draw(keys)
    path: list[str | int] = draw(st.lists(st.one_of(keys, st.integers(0, 2)), max_size=3))
    if bad is None and not (path and isinstance(path[-1], int)):
        path.append(0)  # None is only refused inside a list
    value: Any = bad
    for step in reversed(path):
        value = [*["filler"] * step, value] if isinstance(step, int) else {step: value}
    name = top + "".join(f"[{step}]" for step in path)
    kind = "None" if bad is None else type(bad).__name__
    return {top: value, "amount": 100}, name, kind


@FAST
@given(params_with_one_bad_value())
def test_unsupported_values_are_refused_naming_the_parameter(case: tuple[dict[str, Any], str, str]) -> None:
    params, name, kind = case
    with pytest.raises(TypeError) as caught:
        encode_form(params)
    assert repr(name) in str(caught.value) or f"'{name}'" in str(caught.value), (str(caught.value), name)
    assert kind in str(caught.value)


@SLOW
@given(params_with_one_bad_value())
def test_unsupported_values_raise_before_any_request(case: tuple[dict[str, Any], str, str]) -> None:
    params, _, _ = case

    async def via_async() -> None:
        async with stripe_lite.AsyncStripeClient(api_key=API_KEY) as aclient:
            await aclient.request("post", "/v1/things", params=params)

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        route = router.route().respond(json={})
        with stripe_lite.StripeClient(api_key=API_KEY) as client:
            for method in ("post", "get"):
                with pytest.raises(TypeError):
                    client.request(method, "/v1/things", params=params)
            with pytest.raises(TypeError):
                client.payment_intents.create(amount=100, currency="usd", extra_params=params)
        with pytest.raises(TypeError):
            asyncio.run(via_async())
    assert route.call_count == 0


def test_bracket_names_raise_before_any_request(client: stripe_lite.StripeClient, mock_api: respx.MockRouter) -> None:
    route = mock_api.route().respond(json={})
    with pytest.raises(ValueError, match=r"'metadata\[order\]'.*nested values as dicts"):
        client.request("post", "/v1/things", params={"metadata[order]": "6735"})
    with pytest.raises(ValueError, match=r"parameter 'metadata': key 'a\]b'"):
        client.payment_intents.create(amount=1, currency="usd", metadata={"a]b": "x"})
    assert route.call_count == 0


# -- the decoder ------------------------------------------------------------------------

PAYLOADS = Path(__file__).parent / "payloads"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


# Every payload, with the model its "object" names.
MODELS: dict[str, type[StripeObject]] = {
    path.stem: model_for(load(path.stem)["object"]) for path in sorted(PAYLOADS.glob("*.json"))
}


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=8),
    ),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(st.text(max_size=6), children, max_size=3)),
    max_leaves=6,
)
unknown_names = st.one_of(st.text(max_size=10), st.sampled_from(["customer", "charge", "list", "search_result", ""]))


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path in a JSON tree (dict keys and list indices)."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += places(child, (*path, index))
    return found


def get_at(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _not_of_type(kind: type) -> Any:
    return lambda value: type(value) is not kind


@st.composite
def mutated_payloads(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    name = draw(st.sampled_from(sorted(MODELS)))
    tree = load(name)
    for _ in range(draw(st.integers(1, 4))):
        all_places = places(tree)
        path = draw(st.sampled_from(all_places[1:] or [()]))
        parent_path, last = path[:-1], path[-1] if path else None
        parent = get_at(tree, parent_path)
        target = get_at(tree, path)
        how = draw(st.sampled_from(["remove", "add", "null", "retype", "enum", "object"]))
        if how == "remove" and isinstance(parent, dict):
            del parent[last]
        elif how == "add":
            holder = target if isinstance(target, dict) else parent if isinstance(parent, dict) else tree
            holder[draw(st.text(max_size=8))] = draw(json_values)
        elif how == "null":
            parent[last] = None
        elif how == "retype":
            parent[last] = draw(json_values.filter(_not_of_type(type(target))))
        elif how == "enum" and isinstance(target, str):
            parent[last] = draw(unknown_names)  # an enum value (or any string) this version never saw
        elif how == "object":
            # An "object" key somewhere: an unknown type name, or not a name at all.
            holders = [p for p in all_places if isinstance(get_at(tree, p), dict) and "object" in get_at(tree, p)]
            if holders:  # an earlier mutation may have removed them all
                holder = get_at(tree, draw(st.sampled_from(holders)))
                holder["object"] = draw(st.one_of(unknown_names, json_values))
    return name, tree


def decodes_faithfully_or_refuses(decode: Any, payload: dict[str, Any]) -> None:
    before = copy.deepcopy(payload)
    try:
        obj = decode(payload)
    except InvalidResponseError:
        pass
    else:
        assert obj.to_dict() == before, "a value changed on the way through the model"
        assert json.loads(json.dumps(obj.to_dict())) == before
    assert payload == before, "decoding changed its input"


@FAST
@given(mutated_payloads())
def test_mutated_payloads_decode_faithfully_or_raise_invalid_response(case: tuple[str, dict[str, Any]]) -> None:
    name, payload = case
    decodes_faithfully_or_refuses(MODELS[name].from_dict, payload)


@FAST
@given(mutated_payloads())
def test_construct_decodes_faithfully_or_raises_invalid_response(case: tuple[str, dict[str, Any]]) -> None:
    _, payload = case
    decodes_faithfully_or_refuses(construct, payload)


@pytest.mark.parametrize("kind", [[], {}])
def test_construct_of_an_object_key_that_is_not_a_name(kind: Any) -> None:
    decodes_faithfully_or_refuses(construct, {"id": "x", "object": kind})


def test_a_nested_object_key_that_is_not_a_name_is_kept() -> None:
    payload = load("setup_intent_expanded")
    assert isinstance(payload["latest_attempt"], dict)
    payload["latest_attempt"]["object"] = ["not", "a", "name"]
    decodes_faithfully_or_refuses(SetupIntent.from_dict, payload)


@SLOW
@given(mutated_payloads())
def test_mutated_payloads_through_both_clients(case: tuple[str, dict[str, Any]]) -> None:
    name, payload = case
    model = MODELS[name]

    def check(result: Any) -> None:
        assert isinstance(result, model)
        assert result.to_dict() == payload

    async def via_async() -> Any:
        async with stripe_lite.AsyncStripeClient(api_key=API_KEY, max_retries=0) as aclient:
            return await aclient.request("get", "/v1/x", cast_to=model)

    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get("/v1/x").respond(json=payload)
        router.get("/v1/payment_intents/pi_1").respond(json=payload)
        with stripe_lite.StripeClient(api_key=API_KEY, max_retries=0) as client:
            calls: list[Callable[[], Any]] = [
                lambda: client.request("get", "/v1/x", cast_to=model),
                lambda: asyncio.run(via_async()),
            ]
            if model is PaymentIntent:
                calls.append(lambda: client.payment_intents.retrieve("pi_1"))
            for call in calls:
                try:
                    check(call())
                except errors.APIError as exc:  # InvalidResponseError included
                    assert exc.http_status == 200


# -- any answer at all ----------------------------------------------------------------------

header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
retry_after_values = st.one_of(
    header_text,
    st.floats(allow_nan=True).map(repr),
    st.integers(-(10**20), 10**20).map(str),
    st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31)).map(
        lambda d: d.strftime("%a, %d %b %Y %H:%M:%S GMT")
    ),
    st.sampled_from(["Mon, 01 Jan 99999999999 00:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 -0000", "Fri, 31 Dec 9999 23:59:59 +2359"]),
)


@FAST
@given(retry_after_values)
def test_any_retry_after_gives_a_number_or_nothing(value: str) -> None:
    parsed = _parse_retry_after(value)
    assert parsed is None or isinstance(parsed, float)


bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(["type", "message", "code", "param", "decline_code", "doc_url"]), json_values)
    .map(lambda e: json.dumps({"error": e}).encode()),
    st.sampled_from([b"", b"[" * 5000, b'{"error": ' * 3000, b"\xff\xfe{}", b"<html>502</html>"]),
)


@pytest.fixture(scope="module")
def core_client() -> Iterator[stripe_lite.StripeClient]:
    """One client for every example: the exchange is driven by hand, nothing is sent."""
    with stripe_lite.StripeClient(api_key=API_KEY, max_retries=3) as client:
        yield client


@FAST
@given(
    status=st.integers(100, 599),
    body=bodies,
    retry_after=st.none() | retry_after_values,
    should_retry=st.none() | st.sampled_from(["true", "false", "maybe", ""]),
    content_type=st.none() | st.sampled_from(["application/json", "text/html; charset=nope", "text/plain; charset=utf-16", "x"]),
    request_id=st.none() | header_text,
    attempt=st.integers(0, 3),
    over_limit=st.booleans(),
)
def test_any_answer_is_decoded_retried_after_a_bounded_delay_or_raised_as_a_stripe_error(
    core_client: stripe_lite.StripeClient,
    status: int,
    body: bytes,
    retry_after: str | None,
    should_retry: str | None,
    content_type: str | None,
    request_id: str | None,
    attempt: int,
    over_limit: bool,
) -> None:
    headers = {
        name: value
        for name, value in [
            ("Retry-After", retry_after),
            ("Stripe-Should-Retry", should_retry),
            ("Content-Type", content_type),
            ("Request-Id", request_id),
        ]
        if value is not None
    }
    client = core_client
    prepared = client._prepare("POST", "/v1/things", {"amount": 1}, stripe_lite._base_client.NO_OPTIONS)
    exchange = client._exchange(prepared, lambda data: data)
    assert isinstance(next(exchange), httpx.Request)
    # Fast-forward to this attempt by failing the earlier ones on the network.
    for _ in range(attempt):
        delay = exchange.send(httpx.ConnectError("down"))
        assert isinstance(delay, float) and 0 < delay <= 8.0
        assert isinstance(next(exchange), httpx.Request)
    answer = Received(httpx.Response(status, headers=headers), body, over_limit=over_limit)
    try:
        step = exchange.send(answer)
    except StopIteration as done:
        assert 200 <= status < 300 and not over_limit
        assert done.value == json.loads(body)
    except errors.StripeError as exc:
        assert exc.http_status == status
        assert exc.request_id == request_id
        assert exc.body is not None
        assert exc.headers is not None
        assert content_type is None or "content-type" in exc.headers
        if over_limit:
            assert isinstance(exc, InvalidResponseError)
    else:
        # Retried: after a bounded delay, or at once (the next request) for a Retry-After of 0.
        assert isinstance(step, httpx.Request) or 0 < step <= max(MAX_RETRY_AFTER, 8.0)
        assert status >= 500 or status in (409, 429) or should_retry == "true"
        assert should_retry != "false" and not over_limit
