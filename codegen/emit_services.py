"""Services as source: a sync and an async class per service, from one template.

``stripe_lite/_generated/services/<service>.py`` holds a top-level service
(``customers``), the services nested in it (``customers.balance_transactions``)
and their async twins; ``_namespaces.py`` holds the namespaces (``issuing``,
``test_helpers``) and the client attributes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from codegen.emit_models import reference_slug
from codegen.emit_params import ParamNames, annotation, singular
from codegen.operations import Operation, response_schemas
from codegen.overrides import OBJECT_ALIASES
from codegen.render import HEADER, all_lines, camel, import_line, sorted_imports
from codegen.schema import Spec

OPTIONS = [
    ("stripe_account", "str | None"),
    ("stripe_version", "str | None"),
    ("timeout", "Timeout | None"),
    ("max_retries", "int | None"),
    ("extra_params", "Mapping[str, Any] | None"),
]


@dataclass
class Service:
    path: tuple[str, ...]  # ("customers", "balance_transactions")
    namespace: tuple[str, ...] = ()  # ("test_helpers", "issuing") for client.test_helpers.issuing.cards
    operations: list[Operation] = field(default_factory=list)
    children: dict[str, Service] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return camel("_".join(self.path)) + "Service"


@dataclass
class Namespace:
    path: tuple[str, ...]
    namespaces: dict[str, Namespace] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)

    @property
    def class_name(self) -> str:
        return camel("_".join(self.path)) + "Namespace"


def build_tree(operations: list[Operation]) -> Namespace:
    """The client's attributes: namespaces holding services holding nested services."""
    root = Namespace(())
    for op in sorted(operations, key=lambda o: (o.service, o.method)):
        depth = op.namespace_depth
        space = root
        for name in op.service[:depth]:
            space = space.namespaces.setdefault(name, Namespace((*space.path, name)))
        top = op.service[depth]
        service = space.services.setdefault(top, Service(op.service[: depth + 1], op.service[:depth]))
        for name in op.service[depth + 1 :]:
            service = service.children.setdefault(name, Service((*service.path, name)))
        service.operations.append(op)
    return root


# -- method text ---------------------------------------------------------------------


def _words(name: str) -> str:
    return name.replace(".", " ").replace("_", " ")


class ServiceModule:
    def __init__(self, tops: list[Service], spec: Spec, names: ParamNames, model_modules: dict[str, str]) -> None:
        self.tops = tops
        self.spec = spec
        self.names = names
        self.model_modules = model_modules
        self.models: dict[str, set[str]] = defaultdict(set)  # model module -> names to import at run time
        self.types: dict[str, set[str]] = defaultdict(set)  # model module -> classes for annotations
        self.checks: dict[str, str] = {}  # checked decoder name -> its definition
        self.runtime: set[str] = set()  # names from stripe_lite's own modules
        self.param_names: set[str] = set()

    def _model_class(self, schema: str) -> str:
        model = self.spec.models[schema]
        self.types[self.model_modules[schema]].add(model.class_name)
        return model.class_name

    def result_type(self, op: Operation) -> str:
        """The annotation of what a call gives back (a page's items, for lists)."""
        if op.returns is None:
            return "bytes"
        return " | ".join(self._model_class(s) for s in response_schemas(op))

    def decoder(self, op: Operation) -> str:
        """The name of the function decoding the answer (a page's items), checking the object's kind.

        Models load on a call's first answer, not when the service module loads.
        """
        if op.returns is None:
            self.runtime.add("binary_body")
            return "binary_body"
        models = [self.spec.models[s] for s in response_schemas(op)]
        names = {m.object_name for m in models if m.object_name}
        names = tuple(sorted(names | {old for old, new in OBJECT_ALIASES.items() if new in names}))
        with_id = all("id" in self.spec.schemas.get(m.schema, {}).get("required", []) for m in models)
        if len(models) == 1:
            model = models[0]
            self.runtime.add("lazy")
            inner = f'lazy("{self.model_modules[model.schema]}", "_d_{model.class_name}")'
        else:
            self.runtime.add("construct")
            inner = "construct"
        kinds = ", ".join(f'"{n}"' for n in names) + ("," if len(names) == 1 else "")
        self.runtime.add("expect")
        inner = f"expect({inner}, ({kinds}), with_id={with_id and bool(names)})"
        name = "_decode_" + "_or_".join(m.class_name for m in models)
        self.runtime.add("cast")
        union = " | ".join(m.class_name for m in models)
        self.checks[name] = f'{name} = cast("Callable[[Any], {union}]", {inner})'
        return name

    def noun(self, service: Service) -> str:
        """What one object of the service is called: the object its main methods answer with."""
        order = ("retrieve", "create", "update", "list", "search")
        for op in sorted(service.operations, key=lambda o: order.index(o.method) if o.method in order else 9):
            names = {self.spec.models[s].object_name for s in response_schemas(op)} - {None}
            if len(names) == 1:
                return _words(names.pop())  # type: ignore[arg-type]
        return _words(singular(service.path[-1]))

    def doc(self, op: Operation, service: Service) -> list[str]:
        noun = self.noun(service)
        method = op.method.rstrip("_")
        first = {
            "create": f"Create {_article(noun)} {noun}.",
            "retrieve": f"Retrieve {_article(noun)} {noun}." if op.positional else f"Retrieve the {noun}.",
            "update": f"Update {_article(noun)} {noun}." if op.positional else f"Update the {noun}.",
            "delete": f"Delete {_article(noun)} {noun}.",
            "list": f"List {_words(service.path[-1])}: a page, which walks every page when iterated.",
            "search": f"Search {_words(service.path[-1])}: a page of results, which walks every page when iterated.",
        }.get(method)
        if first is None and op.kind == "binary":
            first = f"Download the {method.upper()} of {_article(noun)} {noun}, as bytes."
        if first is None:
            head, _, rest = method.partition("_")
            if head == "list" and op.kind == "list":
                first = f"List the {_words(rest)} of {_article(noun)} {noun}: a page, which walks every page when iterated."
            elif head in ("retrieve", "update", "delete") and rest:
                first = f"{head.capitalize()} the {_words(rest)} of {_article(noun)} {noun}."
            elif "_" in method:
                first = f"{_words(method).capitalize()} on {_article(noun)} {noun}."
            else:
                first = f"{method.capitalize()} {_article(noun)} {noun}."
        slug = "/".join(service.path) if len(service.path) == 1 or not self._object_slug(service) else self._object_slug(service)
        lines = [first, "", f"https://docs.stripe.com/api/{slug}/{method}"]
        if op.deprecated:
            lines.insert(1, "")
            lines.insert(2, "Deprecated by Stripe.")
        return lines

    def _object_slug(self, service: Service) -> str | None:
        for op in service.operations:
            for schema in response_schemas(op):
                name = self.spec.models[schema].object_name
                if name:
                    return reference_slug(name)
        return None

    def method(self, op: Operation, service: Service, is_async: bool) -> list[str]:
        mutating = op.http == "post"
        reserved = {*op.positional, *(n for n, _ in OPTIONS), "idempotency_key", "self"}
        for param in op.params:
            if param.name in reserved:
                raise ValueError(f"{op.path}: parameter {param.name} clashes with a name of the method")
        sig = ["self", *(f"{name}: str" for name in op.positional), "*"]
        required = [p for p in op.params if p.required]
        optional = [p for p in op.params if not p.required]
        sig += [f"{p.name}: {annotation(p.type, self.names, self.param_names)}" for p in required]
        sig += [f"{p.name}: {annotation(p.type, self.names, self.param_names)} | None = None" for p in optional]
        if mutating:
            sig.append("idempotency_key: str | None = None")
        sig += [f"{n}: {t} = None" for n, t in OPTIONS]
        returns = self.result_type(op)
        if op.kind in ("list", "search"):
            page = {"list": "ListPage", "search": "SearchPage"}[op.kind]
            pager = {"list": "AsyncListPager", "search": "AsyncSearchPager"}[op.kind]
            returns = f"{pager}[{returns}]" if is_async else f"{page}[{returns}]"
        define = "async def" if is_async and op.kind in ("object", "binary") else "def"
        lines = [f"    {define} {op.method}(", *(f"        {s}," for s in sig), f"    ) -> {returns}:"]
        doc = self.doc(op, service)
        lines.append(f'        """{doc[0]}')
        lines += [f"        {line}" if line else "" for line in doc[1:]]
        lines.append('        """')
        path = op.path
        for wire, name in zip(op.path_params, op.positional, strict=True):
            path = path.replace(f"{{{wire}}}", f"{{encode_path_id({name}, '{name}')}}")
        if op.positional:
            self.runtime.add("encode_path_id")
        path_expr = f'f"{path}"' if op.positional else f'"{path}"'
        key = "idempotency_key" if mutating else "None"
        self.runtime.add("RequestOptions")
        options = f"RequestOptions({key}, stripe_account, stripe_version, timeout, max_retries)"
        decode = self.decoder(op)
        if op.kind in ("object", "binary"):
            head = [f'"{op.http}"', path_expr]
            call = f"{'await ' if is_async else ''}self._client._call("
        else:
            page = {"list": "ListPage", "search": "SearchPage"}[op.kind]
            page = f"Async{page}" if is_async else page
            self.runtime.add(page)
            head = [page, path_expr]
            call = "self._client._paginate("
        lines.append(f"        return {call}")
        lines += [f"            {h}," for h in head]
        if op.params:
            lines.append("            {")
            lines += [f'                "{p.name}": {p.name},' for p in op.params]
            lines.append("            },")
        else:
            lines.append("            None,")
        lines += [f"            {decode},", f"            {options},", "            extra_params,"]
        if op.files:
            lines.append("            files=True,")
        lines.append("        )")
        return lines

    def service_class(self, service: Service, is_async: bool) -> list[str]:
        prefix = "Async" if is_async else ""
        base = "AsyncService" if is_async else "SyncService"
        noun = self.noun(service)
        title = "client." + ".".join(service.path)
        lines = ["", "", f"class {prefix}{service.class_name}({base}):", f'    """``{title}``: {_plural(noun)}."""']
        for name, child in sorted(service.children.items()):
            lines += [
                "",
                "    @cached_property",
                f"    def {name}(self) -> {prefix}{child.class_name}:",
                f'        """``{title}.{name}``."""',
                f"        return {prefix}{child.class_name}(self._client)",
            ]
        for op in sorted(service.operations, key=lambda o: o.method):
            lines.append("")
            lines += self.method(op, service, is_async)
        return lines

    def all_services(self) -> list[Service]:
        found: list[Service] = []

        def walk(service: Service) -> None:
            found.append(service)
            for child in sorted(service.children.values(), key=lambda s: s.path):
                walk(child)

        for top in self.tops:
            walk(top)
        return found

    def render(self) -> str:
        body: list[str] = []
        services = self.all_services()
        for is_async in (False, True):
            for service in services:
                body += self.service_class(service, is_async)
        text = "\n".join(body)
        runtime_modules = {
            "RequestOptions": "..._base_client",
            "binary_body": "..._base_client",
            "encode_path_id": "..._encoding",
            "construct": "..._models",
            "expect": "..._models",
            "lazy": "..._models",
            "ListPage": "..._pagination",
            "AsyncListPage": "..._pagination",
            "SearchPage": "..._pagination",
            "AsyncSearchPage": "..._pagination",
        }
        by_module: dict[str, list[str]] = defaultdict(list)
        for name in self.runtime - {"cast"}:
            by_module[runtime_modules[name]].append(name)
        by_module["..._service"] = ["AsyncService", "SyncService"]
        typing_names = ["TYPE_CHECKING", "Any"] + (["Literal"] if re.search(r"\bLiteral\[", text) else [])
        if "cast" in self.runtime:
            typing_names.append("cast")
        lines = [HEADER, "", "from __future__ import annotations", ""]
        if "@cached_property" in text:
            lines += ["from functools import cached_property"]
        lines += [f"from typing import {', '.join(typing_names)}", ""]
        for module in sorted(by_module, key=_module_order):
            lines += import_line(module, by_module[module])
        checking = sorted_imports(text + "\n".join(self.checks.values()), package_depth=3)
        checking = [line for line in checking if not line.startswith("from typing import")]
        checking = [line for line in checking if line]
        checking.append("from ..._base_client import Timeout")
        pagers = sorted({n for n in ("AsyncListPager", "AsyncSearchPager") if n in text})
        if pagers:
            checking.append(f"from ..._pagination import {', '.join(pagers)}")
        # These lines are indented under TYPE_CHECKING below: four characters less to wrap at.
        for module, names in sorted(self.types.items()):
            checking += import_line(f"..models.{module}", sorted(names), width=116)
        params = sorted(self.param_names, key=str.lower)
        if params:
            checking += import_line("..params", params, width=116)
        lines += ["", "if TYPE_CHECKING:", *_indent_sorted(checking)]
        names = [n for s in services for n in (s.class_name, f"Async{s.class_name}")]
        lines += ["", *all_lines(sorted(names))]
        if self.checks:
            lines += ["", *(self.checks[name] for name in sorted(self.checks))]
        return "\n".join(lines) + "\n" + text + "\n"


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def _module_order(module: str) -> tuple[int, str]:
    # isort: the nearer a relative import, the later it goes; then by name.
    return (-len(module) + len(module.lstrip(".")), module)


def _indent_sorted(lines: list[str]) -> list[str]:
    """The TYPE_CHECKING block: stdlib first, then package imports by nearness, blank line between groups."""
    stdlib = sorted(line for line in lines if not line.startswith(("from .", "    ", ")")))
    rest: list[str] = []
    for line in lines:
        if line.startswith(("from .", "    ", ")")):
            rest.append(line)
    blocks: list[list[str]] = []
    for line in rest:
        if line.startswith("from ."):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    blocks.sort(key=lambda b: _module_order(b[0].split()[1]))
    out = [f"    {line}" for line in stdlib]
    if stdlib and blocks:
        out.append("")
    for block in blocks:
        out += [f"    {line}" for line in block]
    return out


# -- namespaces and the client attributes -------------------------------------------


def module_of(service: Service) -> str:
    """A top-level service has a module of its own; the services of a namespace share one."""
    return "_".join(service.namespace or service.path)


def render_namespaces(root: Namespace, modules: dict[tuple[str, ...], str]) -> str:
    """The namespaces and the client attributes; ``modules``: the module of each top-level service."""
    out: list[str] = []
    imports: dict[str, list[str]] = defaultdict(list)

    def prop(attr: str, cls: str, module: str | None, doc: str, owner: str) -> list[str]:
        lines = ["", "    @cached_property", f"    def {attr}(self) -> {cls}:", f'        """{doc}"""']
        if module is not None:
            lines += [f"        from .{module} import {cls}", ""]
        lines.append(f"        return {cls}({owner})")
        return lines

    def emit(space: Namespace, is_async: bool) -> None:
        prefix = "Async" if is_async else ""
        for child in sorted(space.namespaces.values(), key=lambda n: n.path):
            emit(child, is_async)
        if space.path:
            title = "client." + ".".join(space.path)
            out.extend(["", "", f"class {prefix}{space.class_name}:", f'    """``{title}``."""', ""])
            out.extend(["    def __init__(self, client: Any) -> None:", "        self._client = client"])
            owner = "self._client"
        else:
            name = "AsyncServices" if is_async else "SyncServices"
            out.extend(["", "", f"class {name}:", '    """The API\'s services and namespaces, one client attribute each."""'])
            owner = "self"
        entries: list[tuple[str, list[str]]] = []
        for attr, service in space.services.items():
            cls = f"{prefix}{service.class_name}"
            imports[modules[service.path]].append(cls)
            title = "client." + ".".join(service.path)
            entries.append((attr, prop(attr, cls, modules[service.path], f"``{title}``.", owner)))
        for attr, child in space.namespaces.items():
            cls = f"{prefix}{child.class_name}"
            title = "client." + ".".join(child.path)
            entries.append((attr, prop(attr, cls, None, f"``{title}``.", owner)))
        for _, lines in sorted(entries):
            out.extend(lines)

    for is_async in (False, True):
        emit(root, is_async)
    head = [
        HEADER,
        "",
        "from __future__ import annotations",
        "",
        "from functools import cached_property",
        "from typing import TYPE_CHECKING, Any",
        "",
        "if TYPE_CHECKING:",
    ]
    for module in sorted(imports):
        head += import_line(f".{module}", sorted(imports[module]), indent="    ")
    names = []
    for line in out:
        match = re.match(r"class (\w+)", line)
        if match:
            names.append(match.group(1))
    head += ["", *all_lines(sorted(names))]
    return "\n".join(head) + "\n" + "\n".join(out) + "\n"


def top_services(root: Namespace) -> list[Service]:
    found: list[Service] = []

    def walk(space: Namespace) -> None:
        found.extend(space.services.values())
        for child in space.namespaces.values():
            walk(child)

    walk(root)
    return sorted(found, key=lambda s: s.path)
