"""Models as source: a slotted class and a straight-line decoder per schema.

Modules: every object with an ``object`` name gets one, holding the nested
schemas only it uses; a nested schema used by several objects gets a module
of its own. A decoder calls the decoders of other modules through a stub that
imports the module on first use, so loading a model loads only what decoding
it needs, never the whole API.
"""

from __future__ import annotations

from collections import defaultdict

from codegen import events
from codegen.overrides import OBJECT_ALIASES
from codegen.render import HEADER, all_lines, import_line, pack
from codegen.schema import (
    AnyObject,
    Enum,
    Expandable,
    ListObject,
    ListOf,
    MapOf,
    Model,
    OneOf,
    Ref,
    Scalar,
    Spec,
    TypeIR,
    hard_references,
    python_name,
    referenced,
)

PACKAGE = "stripe_lite._generated.models"
STRAIGHT_LINE_MIN_FIELDS = 6
"""Objects with this many fields get a generated decoder; smaller ones decode key by key from
their annotations, which costs little for a few keys and keeps the installed package small."""


SMALL_MODULE = 6_000
PACKED_MODULE = 32_000
"""Model modules of fewer characters than SMALL_MODULE share modules of up to PACKED_MODULE."""

SPARSE_MIN_FIELDS = 15
"""A model whose fields are mostly objects of which an answer fills one or two (one per payment
method type, in ``payment_method_options``, ``PaymentMethod``, ``payment_method_details``) keeps
those fields out of its slots: an empty slot still costs memory in every object."""


def sparse_fields(model: Model) -> frozenset[str]:
    """The fields of ``model`` kept without a slot (declared, typed and read like the others)."""
    nested = [f.wire for f in model.fields if isinstance(f.type, (Ref, OneOf)) and f.nullable]
    if len(nested) >= SPARSE_MIN_FIELDS and len(nested) * 4 >= len(model.fields) * 3:
        # Except the card's, which most answers carry: a slot is smaller than a dict entry.
        return frozenset(nested) - {"card"}
    return frozenset()


def reference_slug(object_name: str) -> str:
    """Where Stripe's API reference documents an object: ``issuing.card`` -> ``issuing/cards``."""
    *space, name = object_name.split(".")
    if name.endswith("y") and not name.endswith(("ay", "ey", "oy")):
        plural = name[:-1] + "ies"
    elif name.endswith("s"):
        plural = name
    else:
        plural = name + "s"
    return "/".join([*space, plural])


def module_name(schema: str) -> str:
    return schema.replace(".", "_")


def assign_modules(spec: Spec) -> dict[str, str]:
    """Schema -> the module (under stripe_lite._generated.models) that defines its model."""
    roots = {m.schema for m in spec.models.values() if m.object_name and not m.deleted}
    reached: dict[str, set[str]] = defaultdict(set)
    for root in roots:
        stack = [root]
        seen: set[str] = set()
        while stack:
            schema = stack.pop()
            for f in spec.models[schema].fields:
                for child in hard_references(f.type):
                    if child not in roots and child not in seen:
                        seen.add(child)
                        reached[child].add(root)
                        stack.append(child)
    modules: dict[str, str] = {}
    shared: dict[frozenset[str], list[str]] = defaultdict(list)
    for model in spec.models.values():
        if model.schema in roots:
            modules[model.schema] = module_name(model.schema)
        elif model.deleted and model.object_name in spec.object_models:
            modules[model.schema] = module_name(spec.object_models[model.object_name].schema)
        elif len(reached[model.schema]) == 1:
            (owner,) = reached[model.schema]
            modules[model.schema] = module_name(owner)
        elif reached[model.schema]:
            shared[frozenset(reached[model.schema])].append(model.schema)
        elif model.schema.startswith(("v2.error", "v2_error")):
            # The v2 API's error bodies (about 300 small schemas): one module.
            modules[model.schema] = "v2_errors"
        else:
            modules[model.schema] = module_name(model.schema)
    # Nested schemas that the same objects use go together, in a module named after the first.
    for schemas in shared.values():
        for schema in schemas:
            modules[schema] = module_name(min(schemas))
    # The event and its data are written by codegen.events, in a module of their own; what
    # else only an event holds (its request) stays in the module named after it.
    for schema in events.SCHEMAS:
        modules[schema] = events.MODULE
    own_module = {module_name(s): s for s in spec.models if s not in events.SCHEMAS}
    for schema, module in modules.items():
        holder = own_module.get(module)
        if holder is not None and modules[holder] != module:
            raise ValueError(f"module {module} would hold {schema} and another schema's namesake")
    # Small modules share files: weigh each by the text it renders to, then pack.
    texts, _ = render_models(spec, modules)
    packed = pack({name: len(text) for name, text in texts.items()}, small=SMALL_MODULE, chunk=PACKED_MODULE)
    return {schema: packed.get(module, module) for schema, module in modules.items()}


class _Module:
    """What one module's text needs: its models, and the names it takes from elsewhere."""

    def __init__(self, name: str, models: list[Model], spec: Spec, modules: dict[str, str]) -> None:
        self.name = name
        self.models = models
        self.spec = spec
        self.modules = modules
        self.local = {m.schema for m in models}
        self.foreign_types: dict[str, set[str]] = defaultdict(set)  # module -> class names (annotations)
        self.foreign_decoders: dict[str, str] = {}  # decoder name -> module
        self.helpers: set[str] = set()

    def cls(self, schema: str) -> str:
        model = self.spec.models[schema]
        if schema not in self.local:
            self.foreign_types[self.modules[schema]].add(model.class_name)
        return model.class_name

    def decoder(self, schema: str) -> str:
        name = f"_d_{self.spec.models[schema].class_name}"
        if schema not in self.local:
            self.foreign_decoders[name] = self.modules[schema]
        return name

    def helper(self, name: str) -> str:
        self.helpers.add(name)
        return name

    # -- annotations -------------------------------------------------------------

    def annotation(self, ir: TypeIR) -> str:
        if isinstance(ir, Scalar):
            return ir.py
        if isinstance(ir, Enum):
            if all(isinstance(v, bool) for v in ir.values):
                return "Literal[" + ", ".join(str(v) for v in ir.values) + "]"
            return "Literal[" + ", ".join(f'"{v}"' for v in ir.values) + "] | str"
        if isinstance(ir, Ref):
            return self.cls(ir.schema)
        if isinstance(ir, Expandable):
            return " | ".join(["str", *(self.cls(t) for t in ir.targets)])
        if isinstance(ir, OneOf):
            return " | ".join(self.cls(m) for m in ir.members)
        if isinstance(ir, ListOf):
            return f"list[{self.annotation(ir.item)}]"
        if isinstance(ir, MapOf):
            return f"dict[str, {self.annotation(ir.value)}]"
        if isinstance(ir, ListObject):
            self.helpers.add("StripeList")
            return f"StripeList[{self.annotation(ir.item)}]"
        self.helpers.add("StripeObject")
        return "StripeObject"

    # -- decoding ------------------------------------------------------------------

    def _discriminated(self, members: tuple[str, ...]) -> bool:
        return all(self.spec.models[m].object_name for m in members)

    def item_function(self, ir: TypeIR) -> str | None:
        """A function decoding one item of a list or map, or None when items are kept as sent."""
        if isinstance(ir, Ref):
            return self.decoder(ir.schema)
        if isinstance(ir, (Expandable, AnyObject)):
            return self.helper("expand")
        if isinstance(ir, OneOf):
            if self._discriminated(ir.members):
                return self.helper("choose")
            return f"lambda x: {self.expression(ir, 'x')}"
        if isinstance(ir, (ListOf, MapOf, ListObject)):
            inner = self.expression(ir, "x")
            return None if inner is None else f"lambda x: {inner}"
        return None

    def expression(self, ir: TypeIR, v: str = "v", first: str | None = None) -> str | None:
        """Code turning the JSON value ``v`` into the field's value, or None to keep it as sent.

        ``first`` replaces ``v`` where it is evaluated first (``(v := d["key"])``), so
        that the value is read from the dict once.
        """
        f = first or v
        if isinstance(ir, Enum):
            if all(isinstance(x, bool) for x in ir.values):
                return None
            return f"{self.helper('intern')}({v}) if type({f}) is str else {v}"
        if isinstance(ir, Ref):
            # Decoders give back None for null, and refuse anything else that is not an object.
            return f"{self.decoder(ir.schema)}({f})"
        if isinstance(ir, Expandable) and len(ir.targets) == 1:
            # An id (or anything but an object) is kept as sent.
            return f"{self.decoder(ir.targets[0])}({v}) if type({f}) is dict else {v}"
        if isinstance(ir, (Expandable, AnyObject)):
            return f"{self.helper('expand')}({f})"
        if isinstance(ir, OneOf):
            if self._discriminated(ir.members):
                return f"{self.helper('choose')}({f})"
            names = ", ".join(f'"{self.spec.models[m].class_name}"' for m in ir.members)
            return f"{self.helper('pick')}({f}, ({names},))"
        if isinstance(ir, ListOf):
            item = self.item_function(ir.item)
            return None if item is None else f"{self.helper('list_of')}({f}, {item})"
        if isinstance(ir, MapOf):
            item = self.item_function(ir.value)
            return None if item is None else f"{self.helper('map_of')}({f}, {item})"
        if isinstance(ir, ListObject):
            item = self.item_function(ir.item) or self.helper("keep")
            return f"{self.helper('list_object')}({f}, {item})"
        return None

    # -- text ------------------------------------------------------------------------

    def render_model(self, model: Model) -> list[str]:
        name = model.class_name
        if model.object_name:
            what = "deleted " if model.deleted else ""
            doc = [f'    """A {what}``{model.object_name}`` object.']
            doc += ["", f"    https://docs.stripe.com/api/{reference_slug(model.object_name)}/object", '    """']
        else:
            parent, field = (model.parents or [("", "")])[0]
            where = f"``{self.spec.models[parent].class_name}.{field}``" if parent in self.spec.models else "a request"
            doc = [f'    """Nested in {where}."""']
        lines = ["", "", f"class {name}(StripeObject):", *doc, ""]
        sparse = sparse_fields(model)
        slotted = [f for f in model.fields if f.wire not in sparse]
        slots = ", ".join(f'"{f.attr}"' for f in slotted)
        lines.append(f"    __slots__ = ({slots}{',' if len(slotted) == 1 else ''})")
        if model.fields:
            lines.append("")
        for f in model.fields:
            annotation = self.annotation(f.type)
            if f.nullable:
                annotation += " | None"
            lines.append(f"    {f.attr}: {annotation}")
        self.helpers.add("register")
        count = len(model.fields)
        if count < STRAIGHT_LINE_MIN_FIELDS or sparse:
            # Small objects decode key by key, by what their annotations say: no code of their own.
            lines += ["", "", f"_d_{name} = register({name})"]
            return lines
        lines += [
            "",
            "",
            f"def _d_{name}(d: Any) -> Any:",
            f"    if type(d) is not dict or len(d) < {count}:",
            f"        return {self.helper('refill')}({name}, _d_{name}, d)",
            f"    o = {self.helper('new')}({name})",
            "    try:",
        ]
        for f in model.fields:
            read = f'd["{f.wire}"]'
            expression = self.expression(f.type, read, read)
            if expression is not None and expression.count(read) > 1:  # read it once, into v
                expression = self.expression(f.type, "v", f"v := {read}")
            if expression is None:
                lines.append(f'        o.{f.attr} = d["{f.wire}"]')
            else:
                lines.append(f"        o.{f.attr} = {expression}")
        lines += [
            "    except KeyError:  # a field left out",
            f"        return refill({name}, _d_{name}, d)",
            f"    if len(d) != {count}:",
            f"        o._extra = {self.helper('unknown')}(d, {name})",
            "    return o",
            "",
            "",
            f"register({name}, _d_{name})",
        ]
        return lines

    def render(self) -> str:
        self.helpers.update({"StripeObject"})
        body: list[str] = []
        for model in sorted(self.models, key=lambda m: m.class_name):
            body += self.render_model(model)
        lazy = sorted(self.foreign_decoders.items())
        if lazy:
            self.helpers.add("lazy")
            body += ["", "", "# Decoders of other modules, imported when first called."]
            body += [f'{name} = lazy("{module}", "{name}", globals())' for name, module in lazy]
        text = "\n".join(body)
        typing_names = [n for n in ("Any", "Literal") if f"{n}[" in text or f": {n}" in text or f"{n}]" in text]
        lines = [
            HEADER,
            "",
            "from __future__ import annotations",
            "",
            *(
                [f"from typing import {', '.join((['TYPE_CHECKING'] if self.foreign_types else []) + typing_names)}", ""]
                if typing_names or self.foreign_types
                else []
            ),
            *import_line("..._models", sorted(self.helpers)),
        ]
        if self.foreign_types:
            lines += ["", "if TYPE_CHECKING:"]
            for module in sorted(self.foreign_types):
                lines += import_line(f".{module}", sorted(self.foreign_types[module]), indent="    ")
        lines += ["", *all_lines(sorted(m.class_name for m in self.models))]
        return "\n".join(lines) + "\n" + text + "\n"


def render_models(spec: Spec, modules: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(module name -> text, class name -> module name), given each schema's module."""
    grouped: dict[str, list[Model]] = defaultdict(list)
    for schema, module in modules.items():
        if module != events.MODULE:  # written by codegen.events
            grouped[module].append(spec.models[schema])
    texts = {name: _Module(name, models, spec, modules).render() for name, models in grouped.items()}
    where = {spec.models[schema].class_name: module for schema, module in modules.items()}
    return texts, where


def render_index(where: dict[str, str]) -> str:
    """``stripe_lite/_generated/models/__init__.py``: which module defines each model."""
    by_module: dict[str, list[str]] = defaultdict(list)
    for name, module in where.items():
        by_module[module].append(name)
    lines = [
        HEADER,
        '"""Where each model is defined, so that ``stripe_lite.models`` can load one module at a time."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING",
        "",
        "if TYPE_CHECKING:",
    ]
    for module in sorted(by_module):
        lines += import_line(f".{module}", sorted(by_module[module]), indent="    ")
    lines += ["", "MODULES: dict[str, str] = {"]
    lines += [f'    "{name}": "{where[name]}",' for name in sorted(where)]
    lines += ["}", "", *all_lines(["MODULES", *sorted(where)])]
    return "\n".join(lines) + "\n"


def render_objects(spec: Spec, where: dict[str, str]) -> str:
    """``stripe_lite/_generated/objects.py``: the table from an ``object`` name to its model."""
    lines = [
        HEADER,
        '"""Object name -> (module, class) of its model, and of its deleted form."""',
        "",
        "OBJECTS: dict[str, tuple[str, str]] = {",
    ]
    models = {**spec.object_models, **{old: spec.object_models[new] for old, new in OBJECT_ALIASES.items()}}
    for name, model in sorted(models.items()):
        cls = events.RUNTIME_CLASSES.get(model.schema, model.class_name)
        lines.append(f'    "{name}": ("{where[cls]}", "{cls}"),')
    lines += ["}", "", "DELETED: dict[str, tuple[str, str]] = {"]
    for name, model in sorted(spec.deleted_models.items()):
        lines.append(f'    "{name}": ("{where[model.class_name]}", "{model.class_name}"),')
    lines += ["}"]
    return "\n".join(lines) + "\n"


__all__ = ["PACKAGE", "python_name", "referenced", "render_index", "render_models", "render_objects"]
