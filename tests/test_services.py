"""Every ``/v1/`` operation of Stripe's description, on the wire, from both clients.

Both parts read ``codegen/stripe_spec.json`` directly (``tests/spec_data.py``),
never the generator: which method serves which operation is found by calling
the methods and looking at the requests they send.

1. The contract: walking every public method of every service of a
   ``StripeClient`` and of an ``AsyncStripeClient`` (namespaces and nested
   services included) and calling each with placeholder ids and its required
   keyword arguments reaches every operation of the description exactly once.
2. A wire test per operation and client: a call with every required
   parameter and some optional nested ones, synthesized from the parameter
   schemas, sends exactly that method, path (ids escaped), query or form body
   (read back as Stripe reads it) and headers; the answer, synthesized from the
   response schema, decodes into the model of that schema (a page of them, for
   lists and searches) and gives back exactly the JSON it came from. Uploads
   (multipart, to the files host) and the quote PDF (bytes) have tests of their own.
3. The signature of every method takes the operation's parameters, required
   ones without defaults, each annotated to take what its schema allows
   (TypedDicts with the schema's keys and required keys, Literals with every
   enum value and open where Stripe accepts others, ``""`` where emptyable).
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import inspect
import io
import random
import types
import typing
import uuid
from collections import Counter, abc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, Union
from urllib.parse import quote

import httpx
import pytest
import respx
from typing_extensions import NotRequired, Required, is_typeddict

import stripe_lite
import stripe_lite.models as models
from stripe_lite._pagination import (
    AsyncListPage,
    AsyncListPager,
    AsyncSearchPage,
    AsyncSearchPager,
    ListPage,
    SearchPage,
)
from stripe_lite._service import AsyncService, SyncService

from .conftest import API_KEY, all_services
from .spec_data import (
    API_HOST,
    FILES_HOST,
    Arguments,
    Operation,
    Payloads,
    class_name,
    is_nested,
    match_operation,
    operation,
    page_payload,
    spec,
)
from .spec_data import operations as spec_operations
from .wire_format import expected_form, parse_form, parse_multipart, parse_pairs

OPERATIONS = spec_operations()
OPERATION_IDS = [op.id for op in OPERATIONS]
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def test_the_description_has_the_operations_the_issue_counts() -> None:
    assert len(OPERATIONS) == 587
    assert len(set(OPERATION_IDS)) == 587
    assert sum(op.path.startswith("/v1/test_helpers/") for op in OPERATIONS) == 44
    assert {op.id for op in OPERATIONS if op.host == FILES_HOST} == {"POST /v1/files", "GET /v1/quotes/{quote}/pdf"}


# -- walking a client ------------------------------------------------------------------


def service_methods(client: Any) -> Iterator[tuple[str, Any]]:
    """(``service.path.method``, bound method) for every public method of every service, nested ones included
    (``conftest.all_services`` walks namespaces and the services nested in services)."""
    for dotted, service in all_services(client):
        for name, member in inspect.getmembers(type(service)):
            if name.startswith("_"):
                continue
            if isinstance(member, functools.cached_property):
                assert isinstance(getattr(service, name), (SyncService, AsyncService)), f"{dotted}.{name}"
            elif inspect.isfunction(member):
                yield f"{dotted}.{name}", getattr(service, name)


def placeholder_call(method: Any) -> tuple[list[str], dict[str, Any]]:
    """Ids ``__id0__``, ``__id1__``... for the positional parameters, a value for each required keyword one."""
    positional: list[str] = []
    keywords: dict[str, Any] = {}
    for param in inspect.signature(method).parameters.values():
        if param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            assert param.default is inspect.Parameter.empty, f"{param.name}: a path id with a default"
            positional.append(f"__id{len(positional)}__")
        elif param.kind is inspect.Parameter.KEYWORD_ONLY and param.default is inspect.Parameter.empty:
            # Any value the form format can carry; an upload needs bytes.
            keywords[param.name] = b"file bytes" if "FileUpload" in str(param.annotation) else "x"
        else:
            assert param.kind is inspect.Parameter.KEYWORD_ONLY, f"{param.name}: {param.kind}"
    return positional, keywords


@dataclass
class Sent:
    method: str
    host: str
    path: str
    operation: Operation | None


def answer_for(op: Operation, rng: random.Random, member: str | None = None) -> tuple[httpx.Response, Any]:
    """A 200 answer to the operation, synthesized from its response schema, and the JSON (or bytes) in it.

    ``member``: the schema of the object to answer with; any, if None.
    """
    payloads = Payloads(rng, depth=2)
    if op.kind == "binary":
        return httpx.Response(200, content=PDF_BYTES, headers={"Content-Type": op.response_media}), PDF_BYTES
    if op.kind == "object":
        payload = payloads.model(member or rng.choice(op.response_schemas()))
    else:
        payload = page_payload(op, payloads, items=[payloads.model(m) for m in page_members(op)])
    return httpx.Response(200, json=payload), payload


def page_members(op: Operation) -> list[str]:
    """The schemas of the items of a page answer: two items, or one of each kind the page can hold."""
    choices = op.response_schemas()
    return choices if len(choices) > 1 else choices * 2


@dataclass
class Walk:
    """What calling every method of a client sent."""

    served: dict[str, list[str]] = field(default_factory=dict)  # operation id -> the methods that reached it
    sent: dict[str, list[Sent]] = field(default_factory=dict)  # method -> the requests it sent
    errors: dict[str, str] = field(default_factory=dict)  # method -> what the call raised

    def method_of(self, op_id: str) -> str:
        methods = self.served.get(op_id, [])
        assert len(methods) == 1, f"{op_id} is served by {methods or 'no method'}"
        return methods[0]


def _record(log: list[Sent]) -> Callable[[httpx.Request], httpx.Response]:
    def respond(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.split(b"?")[0].decode("ascii")
        op = match_operation(request.method, request.url.host, path)
        log.append(Sent(request.method, request.url.host, path, op))
        if op is None:
            return httpx.Response(404, json={"error": {"type": "invalid_request_error", "message": "no such path"}})
        response, _ = answer_for(op, random.Random(op.id))
        return response

    return respond


def _note(walk: Walk, dotted: str, requests: list[Sent]) -> None:
    walk.sent[dotted] = requests
    for sent in requests:
        key = sent.operation.id if sent.operation else f"{sent.method} {sent.host}{sent.path} (no such operation)"
        walk.served.setdefault(key, []).append(dotted)


@functools.cache
def walk(kind: str) -> Walk:
    """Call every public method of every service of a client of this ``kind`` once."""
    result = Walk()
    log: list[Sent] = []
    with respx.mock(assert_all_called=False) as router:
        router.route().mock(side_effect=_record(log))
        if kind == "sync":
            with stripe_lite.StripeClient(api_key=API_KEY, max_retries=0) as client:
                for dotted, method in service_methods(client):
                    log.clear()
                    args, kwargs = placeholder_call(method)
                    try:
                        method(*args, **kwargs)
                    except Exception as exc:
                        result.errors[dotted] = repr(exc)
                    _note(result, dotted, list(log))
        else:

            async def main() -> None:
                async with stripe_lite.AsyncStripeClient(api_key=API_KEY, max_retries=0) as client:
                    for dotted, method in service_methods(client):
                        log.clear()
                        args, kwargs = placeholder_call(method)
                        try:
                            outcome = method(*args, **kwargs)
                            if inspect.isawaitable(outcome):
                                await outcome
                        except Exception as exc:
                            result.errors[dotted] = repr(exc)
                        _note(result, dotted, list(log))

            asyncio.run(main())
    return result


# -- 1. the contract ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_every_operation_is_reached_by_exactly_one_method(kind: str) -> None:
    result = walk(kind)
    assert result.errors == {}
    silent = [dotted for dotted, requests in result.sent.items() if len(requests) != 1]
    assert silent == [], "every method sends exactly one request"
    hit = Counter({op_id: len(methods) for op_id, methods in result.served.items()})
    expected = Counter(OPERATION_IDS)
    assert sorted((hit - expected).elements()) == [], "operations reached more than once, or not in the description"
    assert sorted((expected - hit).elements()) == [], "operations no method reaches"
    assert hit == expected
    assert len(result.sent) == 587


def test_both_clients_name_every_operation_alike() -> None:
    sync, asynchronous = walk("sync"), walk("async")
    assert {op: sync.method_of(op) for op in OPERATION_IDS} == {op: asynchronous.method_of(op) for op in OPERATION_IDS}


# -- 2. the wire ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clients() -> Iterator[dict[str, Any]]:
    """One client of each kind for all wire tests (a client costs an SSL context), and a loop for the async one."""
    loop = asyncio.new_event_loop()
    sync = stripe_lite.StripeClient(api_key=API_KEY, max_retries=0)
    asynchronous = stripe_lite.AsyncStripeClient(api_key=API_KEY, max_retries=0)
    try:
        yield {"sync": sync, "async": asynchronous, "loop": loop}
    finally:
        sync.close()
        loop.run_until_complete(asynchronous.aclose())
        loop.close()


def bound_method(client: Any, dotted: str) -> Any:
    target = client
    for name in dotted.split("."):
        target = getattr(target, name)
    return target


def path_ids(op: Operation) -> list[str]:
    """Ids with characters a path must escape: a space, a slash, a plus, text beyond ASCII."""
    return [f"{name}_{index} a/b+ü" for index, name in enumerate(op.path_params)]


def expected_path(op: Operation, ids: list[str]) -> str:
    path = op.path
    for name, value in zip(op.path_params, ids, strict=True):
        path = path.replace(f"{{{name}}}", quote(value, safe=""), 1)
    return path


def model_class(schema_name: str) -> type:
    if schema_name == "event":
        # Event is a union, a class per event type: an answer decodes as the class its type names
        # (tests/test_events.py), and the made-up types of these payloads name none.
        return models.UnknownEvent
    cls = getattr(models, class_name(schema_name), None)
    assert isinstance(cls, type), f"stripe_lite.models has no {class_name(schema_name)} for the schema {schema_name}"
    return cls


def check_request(op: Operation, request: httpx.Request, ids: list[str], args: dict[str, Any], key: str | None) -> None:
    assert request.method == op.method
    assert (request.url.scheme, request.url.host) == ("https", op.host)
    raw_path, _, _ = request.url.raw_path.partition(b"?")
    assert raw_path.decode("ascii") == expected_path(op, ids)
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"
    assert request.headers["Stripe-Version"] == spec()["info"]["version"]
    if op.method != "POST":
        assert request.content == b""
        assert "Idempotency-Key" not in request.headers
        assert parse_form(request.url.query.decode("ascii")) == expected_form(args)
        return
    assert request.url.query == b"", "a POST sends its parameters in the body"
    if key is not None:
        assert request.headers["Idempotency-Key"] == key, "the idempotency key given is sent"
    else:
        generated = request.headers.get("Idempotency-Key", "")
        assert uuid.UUID(generated).version == 4, f"Idempotency-Key {generated!r}"
    content_type = request.headers["Content-Type"]
    if op.body_media == "multipart/form-data":
        check_upload(content_type, request.content, args)
    else:
        assert content_type == "application/x-www-form-urlencoded"
        assert parse_form(request.content.decode("ascii")) == expected_form(args)


def check_upload(content_type: str, body: bytes, args: dict[str, Any]) -> None:
    """A multipart body: the file as a file part, every other parameter as a form field, Rack-style names."""
    assert content_type.startswith("multipart/form-data; boundary=")
    parts = parse_multipart(content_type, body)
    files = [p for p in parts if p.filename is not None]
    fields = [(p.name, p.content.decode("utf-8")) for p in parts if p.filename is None]
    uploads = {name: value for name, value in args.items() if isinstance(value, tuple)}
    assert [(p.name, p.filename, p.content_type, p.content) for p in files] == [
        (name, filename, media, content) for name, (filename, content, media) in uploads.items()
    ]
    assert parse_pairs(fields) == expected_form({k: v for k, v in args.items() if k not in uploads})


def check_result(op: Operation, result: Any, payload: Any, member: str | None, kind: str) -> None:
    if op.kind == "binary":
        assert type(result) is bytes and result == payload
        return
    if op.kind == "object":
        assert member is not None
        assert type(result) is model_class(member)
        assert result.to_dict() == payload
        return
    page_types = {("list", "sync"): ListPage, ("list", "async"): AsyncListPage}
    page_types |= {("search", "sync"): SearchPage, ("search", "async"): AsyncSearchPage}
    assert type(result) is page_types[op.kind, kind]
    assert [type(item) for item in result.data] == [model_class(m) for m in page_members(op)]
    assert [item.to_dict() for item in result.data] == payload["data"]
    assert result.to_dict() == payload
    assert result.has_more is False
    if op.kind == "search":
        assert result.total_count == payload.get("total_count")
        assert result.next_page is None


def call(
    kind: str,
    clients: dict[str, Any],
    router: respx.MockRouter,
    method: Any,
    ids: list[str],
    args: dict[str, Any],
    op: Operation,
) -> Any:
    """Call the method; from the async client, in a coroutine on the module's loop, awaiting what it gives."""
    if kind == "sync":
        return method(*ids, **args)

    async def settle() -> Any:
        outcome = method(*ids, **args)
        if op.kind in ("list", "search"):
            assert type(outcome) is (AsyncListPager if op.kind == "list" else AsyncSearchPager)
            await asyncio.sleep(0)  # let anything it scheduled run
            assert router.calls.call_count == 0, "a pager sends nothing until awaited"
        else:
            assert inspect.iscoroutine(outcome)
        return await outcome

    return clients["loop"].run_until_complete(settle())


@pytest.mark.parametrize("op_id", OPERATION_IDS)
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_operation_on_the_wire(kind: str, op_id: str, clients: dict[str, Any]) -> None:
    op = operation(op_id)
    method = bound_method(clients[kind], walk("sync").method_of(op_id))
    rng = random.Random(op_id)  # the same call from both clients
    ids = path_ids(op)
    args = Arguments(rng).for_operation(op)
    if any(is_nested(p.schema) for p in op.params):
        assert any(is_nested_value(v) for v in args.values()), "the call has a nested parameter"
    key = f"key-{rng.randrange(10**9)}" if op.method == "POST" and rng.random() < 0.5 else None
    options = {} if key is None else {"idempotency_key": key}
    # An operation answering with one of several objects is called once per object.
    members: list[str | None] = list(op.response_schemas()) if op.kind == "object" else [None]
    for member in members:
        answer, payload = answer_for(op, random.Random(f"{op_id} {member}"), member)
        with respx.mock(assert_all_called=True) as router:
            route = router.route(host=op.host).mock(return_value=answer)
            result = call(kind, clients, router, method, ids, {**args, **options}, op)
        assert route.call_count == 1
        check_request(op, route.calls.last.request, ids, args, key)
        check_result(op, result, payload, member, kind)


def is_nested_value(value: Any) -> bool:
    return isinstance(value, (dict, list)) and bool(value)


# -- 3. the signature: parameters and their types follow the description --------------------

OPTIONS = {"idempotency_key", "stripe_account", "stripe_version", "timeout", "max_retries", "extra_params"}


class FileUploadType:
    """Stands for stripe_lite's FileUpload alias when annotations are evaluated."""


@functools.cache
def annotation_names() -> dict[str, Any]:
    import stripe_lite.params as params

    names: dict[str, Any] = {name: getattr(params, name) for name in params.__all__}
    names |= {"Sequence": abc.Sequence, "Mapping": abc.Mapping, "Literal": Literal, "Any": Any}
    names |= {"datetime": datetime.datetime, "Decimal": Decimal, "FileUpload": FileUploadType}
    return names


def union_members(tp: Any) -> list[Any]:
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [m for arg in typing.get_args(tp) for m in union_members(arg)]
    return [tp]


def typed_dict_fields(td: Any) -> tuple[dict[str, Any], set[str]]:
    """A TypedDict's fields and its required keys, read from its annotations (``Required[...]`` included)."""
    hints = typing.get_type_hints(td, include_extras=True)
    fields, required = {}, set()
    for name, tp in hints.items():
        origin = typing.get_origin(tp)
        if origin in (Required, NotRequired):
            (tp,) = typing.get_args(tp)
        if origin is Required or (td.__total__ and origin is not NotRequired):
            required.add(name)
        fields[name] = tp
    return fields, required


def check_accepts(schema: dict[str, Any], tp: Any, where: str) -> None:
    """Fail unless the annotation takes what the schema allows: each anyOf member, the enum values (closed
    unless Stripe accepts others), the object keys with the required ones marked, list items, map values."""
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        for index, member in enumerate(members):
            check_accepts(member, tp, f"{where}|{index}")
        return
    options = union_members(tp)
    kind = schema.get("type")
    literals = {v for o in options if typing.get_origin(o) is Literal for v in typing.get_args(o)}
    if kind == "string" and "enum" in schema:
        missing = set(schema["enum"]) - literals
        assert not missing, f"{where}: the annotation {tp} lacks the values {sorted(missing)}"
        if schema.get("x-stripeBypassValidation"):
            assert str in options, f"{where}: Stripe takes values beyond {schema['enum']}, the annotation {tp} does not"
        return
    wanted = {"string": str, "integer": int, "number": float, "boolean": bool}.get(kind or "")
    if kind == "string" and schema.get("format") == "binary":
        wanted = FileUploadType
    if wanted is not None:
        assert wanted in options, f"{where}: the annotation {tp} does not take a {kind}"
        return
    if kind == "array":
        sequences = [o for o in options if typing.get_origin(o) in (list, abc.Sequence)]
        assert sequences, f"{where}: the annotation {tp} does not take a list"
        check_first(schema.get("items", {}), [typing.get_args(o)[0] for o in sequences], f"{where}[]")
        return
    assert kind == "object", f"{where}: {schema}"
    if "properties" in schema:
        keys = set(schema["properties"])
        shapes = [o for o in options if is_typeddict(o) and set(typed_dict_fields(o)[0]) == keys]
        assert shapes, f"{where}: no TypedDict in {tp} has the keys {sorted(keys)}"
        check_first(schema, shapes, where, typed_dict=True)
        return
    maps = [o for o in options if typing.get_origin(o) in (dict, abc.Mapping)]
    assert maps, f"{where}: the annotation {tp} does not take a map"
    if isinstance(schema.get("additionalProperties"), dict):
        check_first(schema["additionalProperties"], [typing.get_args(o)[1] for o in maps], f"{where}{{}}")


def check_typed_dict(schema: dict[str, Any], td: Any, where: str) -> None:
    """The TypedDict has the object's keys, marks its required ones, and takes each key's values."""
    fields, marked = typed_dict_fields(td)
    assert set(fields) == set(schema["properties"]), f"{where}: {td.__name__} has the keys {sorted(fields)}"
    required = set(schema.get("required", []))
    assert marked == required, f"{where}: {td.__name__} marks {sorted(marked)} required, not {sorted(required)}"
    for key, prop in schema["properties"].items():
        check_accepts(prop, fields[key], f"{where}.{key}")


def check_first(schema: dict[str, Any], candidates: list[Any], where: str, *, typed_dict: bool = False) -> None:
    """Fail unless one of the candidate annotations (TypedDicts) takes what the schema allows."""
    failures = []
    for tp in candidates:
        try:
            (check_typed_dict if typed_dict else check_accepts)(schema, tp, where)
            return
        except AssertionError as exc:
            failures.append(str(exc))
    raise AssertionError(" / ".join(failures))


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_method_signature_follows_the_spec(op_id: str, clients: dict[str, Any]) -> None:
    op = operation(op_id)
    dotted = walk("sync").method_of(op_id)
    sync_method, async_method = bound_method(clients["sync"], dotted), bound_method(clients["async"], dotted)
    signature = inspect.signature(sync_method)
    assert list(signature.parameters.values()) == list(inspect.signature(async_method).parameters.values())
    params = list(signature.parameters.values())
    ids = [p for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    assert len(ids) == len(op.path_params)
    keywords = {p.name: p for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY and p.name not in OPTIONS}
    assert set(keywords) == {p.name for p in op.params}
    assert {n for n, p in keywords.items() if p.default is inspect.Parameter.empty} == {
        p.name for p in op.params if p.required
    }
    if op.method == "POST":
        assert "idempotency_key" in signature.parameters
    for param in op.params:
        annotation = eval(keywords[param.name].annotation, annotation_names())  # generated code's own text
        check_accepts(param.schema, annotation, f"{op_id} {param.name}")
    check_returns(op, signature.return_annotation, "sync")
    check_returns(op, inspect.signature(async_method).return_annotation, "async")


@functools.cache
def return_names() -> dict[str, Any]:
    names: dict[str, Any] = {name: getattr(models, name) for name in models.__all__ if name != "converter"}
    pages = (ListPage, SearchPage, AsyncListPager, AsyncSearchPager)
    return names | {page.__name__: page for page in pages}


def check_returns(op: Operation, annotation: str, kind: str) -> None:
    """A method is annotated to give the models of the operation's response schemas (a page of them), or bytes."""
    returned = eval(annotation, return_names())  # generated code's own text
    if op.kind == "binary":
        assert returned is bytes
        return
    if op.kind != "object":
        pages = {("list", "sync"): ListPage, ("list", "async"): AsyncListPager}
        pages |= {("search", "sync"): SearchPage, ("search", "async"): AsyncSearchPager}
        assert typing.get_origin(returned) is pages[op.kind, kind], f"{kind} {op.id} returns {annotation}"
        (returned,) = typing.get_args(returned)
    # A model's name may stand for a union of classes (Event): the method returns any of them.
    expected = {m for schema in op.response_schemas() for m in union_members(getattr(models, class_name(schema)))}
    assert set(union_members(returned)) == expected, f"{kind} {op.id} returns {annotation}"


# -- uploads and downloads, in every form ----------------------------------------------------


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("form", ["bytes", "file", "named", "named with type"])
def test_an_upload_goes_to_the_files_host_as_multipart(kind: str, form: str, clients: dict[str, Any]) -> None:
    content = b"\x00\x01binary\r\n--not-a-boundary\r\n\xff"
    upload: Any = {
        "bytes": content,
        "file": io.BytesIO(content),
        "named": ("id card.png", content),
        "named with type": ("id card.png", content, "image/png"),
    }[form]
    op = operation("POST /v1/files")
    answer, payload = answer_for(op, random.Random(form), "file")
    with respx.mock(assert_all_called=True) as router:
        route = router.route(method="POST", host=FILES_HOST, path="/v1/files").mock(return_value=answer)
        method = bound_method(clients[kind], walk("sync").method_of(op.id))
        link = {"create": True, "metadata": {"k": "v"}}
        args = {"file": upload, "purpose": "identity_document", "file_link_data": link}
        result = call(kind, clients, router, method, [], args, op)
    request = route.calls.last.request
    parts = parse_multipart(request.headers["Content-Type"], request.content)
    (file_part,) = [p for p in parts if p.name == "file"]
    assert file_part.content == content
    if form.startswith("named"):
        assert file_part.filename == "id card.png"
    if form == "named with type":
        assert file_part.content_type == "image/png"
    fields = [(p.name, p.content.decode()) for p in parts if p.name != "file"]
    link_fields = {"create": "true", "metadata": {"k": "v"}}
    assert parse_pairs(fields) == {"purpose": "identity_document", "file_link_data": link_fields}
    assert uuid.UUID(request.headers["Idempotency-Key"])
    assert type(result) is models.File and result.to_dict() == payload


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_quote_pdf_downloads_bytes_from_the_files_host(kind: str, clients: dict[str, Any]) -> None:
    op = operation("GET /v1/quotes/{quote}/pdf")
    answer, _ = answer_for(op, random.Random(0))
    with respx.mock(assert_all_called=False) as router:
        files = router.route(method="GET", host=FILES_HOST, path="/v1/quotes/qt_1/pdf").mock(return_value=answer)
        api = router.route(host=API_HOST).mock(return_value=httpx.Response(500))
        method = bound_method(clients[kind], walk("sync").method_of(op.id))
        result = call(kind, clients, router, method, ["qt_1"], {"expand": ["line_items"]}, op)
    assert (files.call_count, api.call_count) == (1, 0)
    assert type(result) is bytes and result == PDF_BYTES
    assert parse_form(files.calls.last.request.url.query.decode("ascii")) == {"expand": {"0": "line_items"}}
