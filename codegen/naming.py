"""How an operation's path becomes ``client.<service>.<method>``.

The rule, applied to the path after ``/v1/``:

1. Leading segments under which nothing is served directly (``issuing``,
   ``test_helpers``, ``billing``, ...) are namespaces: ``client.issuing``.
2. The next segment is the service: ``client.issuing.cards``.
3. After it, ``{id}`` segments are the positional arguments, in order.
   A named segment becomes a nested service (``client.customers.balance_transactions``)
   when something lies deeper under it, when it is a collection that is both
   listed and created, or when creating under it makes an object of another
   kind (``accounts/{account}/login_links``). Otherwise it names a method of
   the service it follows:

   - ``search`` (GET) -> ``search``
   - GET of a list -> ``list_<name>`` (``payment_links.list_line_items``)
   - GET of an object -> ``retrieve_<name>``; POST beside it -> ``update_<name>``
   - POST alone -> the action ``<name>`` (``payment_intents.confirm``)
   - DELETE -> ``delete_<name>``

4. A path that ends at a service: POST -> ``create`` (``update`` for a single
   object that is also read with GET, like ``balance_settings``), GET ->
   ``list`` or ``retrieve``; at an ``{id}``: GET -> ``retrieve``, POST ->
   ``update``, DELETE -> ``delete``.

A name that is a Python keyword gets a trailing underscore (``return_``).
What the rule cannot name well is in :data:`codegen.overrides.METHOD_NAMES`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from codegen.overrides import METHOD_NAMES, POSITIONAL_NAMES
from codegen.schema import python_name

if TYPE_CHECKING:
    from codegen.operations import Operation
    from codegen.schema import Spec


def _is_param(segment: str) -> bool:
    return segment.startswith("{")


class _Paths:
    def __init__(self, operations: list[Operation]) -> None:
        self.ops: dict[str, dict[str, Operation]] = defaultdict(dict)
        for op in operations:
            self.ops[op.path][op.http] = op

    def _at(self, node: list[str]) -> dict[str, Operation]:
        return self.ops.get("/v1/" + "/".join(node), {})

    def _deeper(self, node: list[str]) -> bool:
        prefix = "/v1/" + "/".join(node) + "/"
        return any(path.startswith(prefix) for path in self.ops)

    def is_namespace(self, node: list[str]) -> bool:
        """Nothing is served at the segment itself, nor at an ``{id}`` right under it."""
        here = "/v1/" + "/".join(node)
        return here not in self.ops and not any(p.startswith(here + "/{") for p in self.ops)

    def models_of(self, node: list[str]) -> set[str]:
        """The schemas a service's own operations answer with."""
        from codegen.operations import response_schemas

        here = "/v1/" + "/".join(node)
        found: set[str] = set()
        for path, by_http in self.ops.items():
            if path == here or (path.startswith(here + "/{") and path.count("/") == here.count("/") + 1):
                for op in by_http.values():
                    found.update(response_schemas(op))
        return found

    def reads_one(self, node: list[str]) -> bool:
        get = self._at(node).get("get")
        return get is not None and get.kind == "object"

    def is_service(self, node: list[str], parent: list[str]) -> bool:
        from codegen.operations import response_schemas

        if node[-1] == "search":
            return False
        if self._deeper(node):
            return True
        here = self._at(node)
        get, post = here.get("get"), here.get("post")
        if get is not None and get.kind == "list" and post is not None:
            return True
        if post is not None and get is None:
            # Creating under an object: a service of its own when it makes another
            # kind of object than the service it sits under (an action answers with
            # that service's own object). Under a service with nothing to compare,
            # (test helpers), it is an action.
            owner = self.models_of([s for s in parent if not _is_param(s)] if _is_param(parent[-1]) else parent)
            made = set(response_schemas(post))
            return bool(owner) and not made <= owner
        return False


def _namespaces(service: list[str], paths: _Paths) -> int:
    """How many leading names of a service path are namespaces (the service itself never is)."""
    depth = 0
    while depth < len(service) - 1 and paths.is_namespace(service[: depth + 1]):
        depth += 1
    return depth


def _rule(op: Operation, paths: _Paths) -> tuple[list[str], str]:
    segments = op.path[len("/v1/") :].split("/")
    service: list[str] = []
    index = 0
    while index < len(segments) - 1 and paths.is_namespace(segments[: index + 1]):
        service.append(segments[index])
        index += 1
    service.append(segments[index])
    node = segments[: index + 1]
    index += 1
    at_item = False
    while index < len(segments):
        segment = segments[index]
        if _is_param(segment):
            node.append(segment)
            at_item = True
            index += 1
            continue
        child = [*node, segment]
        if index < len(segments) - 1 or paths.is_service(child, node):
            service.append(segment)
            node = child
            at_item = False
            index += 1
            continue
        return service, _leaf_method(op, segment, child, paths)
    return service, _crud_method(op, at_item, node, paths)


def _leaf_method(op: Operation, name: str, node: list[str], paths: _Paths) -> str:
    if name == "search" and op.http == "get":
        return "search"
    if op.http == "get":
        return f"list_{name}" if op.kind == "list" else f"retrieve_{name}"
    if op.http == "post":
        return f"update_{name}" if paths.reads_one(node) else name
    return f"delete_{name}"


def _crud_method(op: Operation, at_item: bool, node: list[str], paths: _Paths) -> str:
    if at_item:
        return {"get": "retrieve", "post": "update", "delete": "delete"}[op.http]
    if op.http == "get":
        return "list" if op.kind == "list" else "retrieve"
    if op.http == "post":
        return "update" if paths.reads_one(node) else "create"
    return "delete"


def name_operations(operations: list[Operation], spec: Spec) -> None:
    """Set ``service``, ``method`` and ``positional`` on every operation; refuse two methods with one name."""
    paths = _Paths(operations)
    seen: dict[tuple[tuple[str, ...], str], str] = {}
    for op in operations:
        override = METHOD_NAMES.get(f"{op.http.upper()} {op.path}")
        if override is not None:
            dotted, method = override.rsplit(".", 1)
            service = dotted.split(".")
        else:
            service, method = _rule(op, paths)
        op.service = tuple(service)
        op.namespace_depth = _namespaces(service, paths)
        op.method = python_name(method)
        renames = POSITIONAL_NAMES.get(op.path, {})
        op.positional = [python_name(renames.get(p, p)) for p in op.path_params]
        key = (op.service, op.method)
        if key in seen:
            raise ValueError(f"{op.http.upper()} {op.path} and {seen[key]} are both {op.dotted}.{op.method}")
        seen[key] = f"{op.http.upper()} {op.path}"
