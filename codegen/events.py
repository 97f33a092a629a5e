"""Events as source: one small class per event type, so that narrowing on ``type`` types the payload.

Webhook events (API v1): the types are those the description lets an endpoint
subscribe to (the ``enabled_events`` of ``POST /v1/webhook_endpoints``). Which
object an event's ``data.object`` holds follows from its type by a naming
rule (:func:`object_by_rule`), with the few exceptions in
``codegen/overrides.py`` (``EVENT_OBJECTS``). ``tests/test_events.py`` checks
the result against the types Stripe's Node package declares
(``codegen/event_types.json``, from ``python -m codegen.refresh_events``).

Event notifications (thin events, API v2): the description names no v2 event
type, so their types and the object each one is about come from
``codegen/event_types.json`` (``thin_events``), the one machine-readable list
there is; every object named there must be one the description models.

Each type's class only binds the generic base to its ``type`` literal and its
object's model; the module also holds the union of them all (``Event``,
``EventNotification``) and the table the decoder picks classes from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from codegen.overrides import EVENT_OBJECTS
from codegen.render import HEADER, all_lines, camel, import_line
from codegen.schema import AnyObject, Spec

FACTS_PATH = Path(__file__).resolve().parent / "event_types.json"
MODULE = "events"
NOTIFICATIONS_MODULE = "event_notifications"
EVENT_SCHEMA = "event"
DATA_SCHEMA = "notification_event_data"
SCHEMAS = (EVENT_SCHEMA, DATA_SCHEMA)
"""The schemas this module renders, in place of the models' renderer."""
RUNTIME_CLASSES = {EVENT_SCHEMA: "EventBase"}
"""The class that decodes an ``event`` found by its ``object`` name (``Event`` is a union, not a class)."""
V2_EVENT_SCHEMA = "v2.core.event"
THIN_LEFT_OUT = ("changes", "data")
"""What a v2 event has and its notification does not: fetch the event for them."""
UNKNOWN_TYPE = "<unknown>"
"""The ``type`` the unknown event classes are typed with: no event type is spelt so, and a type
checker narrowing on a known type's literal can then leave the unknown class out. At run time
their ``type`` holds the type Stripe sent."""


# -- which types, and which objects -----------------------------------------------------


def webhook_event_types(spec: Spec) -> list[str]:
    """Every event type a webhook endpoint can subscribe to (``*``, all of them, left out)."""
    body = spec.raw["paths"]["/v1/webhook_endpoints"]["post"]["requestBody"]["content"]
    schema = body["application/x-www-form-urlencoded"]["schema"]
    return sorted(value for value in schema["properties"]["enabled_events"]["items"]["enum"] if value != "*")


def _objects(spec: Spec, name: str) -> tuple[str, ...]:
    """The schemas an object name stands for: its model, or the models of a choice (``external_account``)."""
    model = spec.object_models.get(name)
    if model is not None:
        return (model.schema,)
    if name in spec.aliases:
        schema = spec.schemas[name]
        return tuple(sorted(m["$ref"].rsplit("/", 1)[1] for m in schema.get("anyOf") or schema["oneOf"]))
    return ()


def object_by_rule(spec: Spec, event_type: str) -> tuple[str, ...]:
    """The schemas of ``data.object`` by the naming rule alone (empty: the rule finds none).

    The type less its last segment (the action) names the object:

    1. as it is: ``payment_intent.succeeded``, ``checkout.session.completed``;
    2. a namespace joined by ``_`` instead of ``.``: ``issuing_card.created`` -> ``issuing.card``;
    3. with ``.`` read as ``_``: ``source.transaction.created`` -> ``source_transaction``;
    4. an object's child: the child's own name, ``customer.subscription.created`` ->
       ``subscription``, ``account.external_account.created`` -> a bank account or a card.
    """
    prefix = event_type.rsplit(".", 1)[0]
    candidates = [prefix]
    if "." not in prefix and "_" in prefix:
        candidates.append(prefix.replace("_", ".", 1))
    if "." in prefix:
        candidates.append(prefix.replace(".", "_"))
    for name in candidates:
        found = _objects(spec, name)
        if found:
            return found
    head, _, child = prefix.partition(".")
    if child and head in spec.object_models:
        return _objects(spec, child)
    return ()


def override_for(event_type: str) -> tuple[bool, str | None]:
    """(whether ``EVENT_OBJECTS`` has an entry for the type, its value): the type itself, then ``prefix.*``."""
    if event_type in EVENT_OBJECTS:
        return True, EVENT_OBJECTS[event_type]
    pattern = event_type.rsplit(".", 1)[0] + ".*"
    if pattern in EVENT_OBJECTS:
        return True, EVENT_OBJECTS[pattern]
    return False, None


def event_objects(spec: Spec) -> dict[str, tuple[str, ...]]:
    """Event type -> the schemas its ``data.object`` may be (empty: an object the description does not model)."""
    table: dict[str, tuple[str, ...]] = {}
    for event_type in webhook_event_types(spec):
        overridden, name = override_for(event_type)
        if overridden:
            found = () if name is None else _objects(spec, name)
            if name is not None and not found:
                raise ValueError(f"EVENT_OBJECTS: {event_type} -> {name}, which names no object of the description")
        else:
            found = object_by_rule(spec, event_type)
        table[event_type] = found
    return table


def load_facts(path: Path = FACTS_PATH) -> dict[str, Any]:
    facts: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return facts


def thin_event_objects(spec: Spec, facts: dict[str, Any] | None = None) -> dict[str, tuple[str, ...]]:
    """Thin event type -> the schema of the object it is about (empty: it is about none)."""
    facts = load_facts() if facts is None else facts
    table: dict[str, tuple[str, ...]] = {}
    for event_type, names in facts["thin_events"].items():
        schemas = tuple(s for name in names for s in _objects(spec, name))
        if len(schemas) != len(names):
            raise ValueError(f"{FACTS_PATH.name}: {event_type} is about {names}, not all of which the description models")
        table[event_type] = schemas
    return table


def event_class(event_type: str, suffix: str) -> str:
    """``payment_intent.succeeded`` -> ``PaymentIntentSucceededEvent``; brackets and other marks split words."""
    return camel("_".join(re.findall(r"[a-z0-9]+", event_type))) + suffix


# -- the modules --------------------------------------------------------------------------


class _Text:
    """What an events module's text needs: its classes, and the models it names."""

    def __init__(self, spec: Spec, modules: dict[str, str]) -> None:
        from codegen.emit_models import _Module

        # The models' renderer writes the annotations, and records the classes they take from elsewhere.
        self.names = _Module(MODULE, [], spec, modules)
        self.spec = spec
        self.modules = modules

    def union(self, schemas: tuple[str, ...]) -> str:
        if not schemas:
            self.names.helpers.add("StripeObject")
            return "StripeObject"
        return " | ".join(self.names.cls(s) for s in schemas)

    def fields(self, schema: str, special: dict[str, str], left_out: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        """(attribute, annotation) of a schema's fields, with ``special`` ones annotated as given."""
        out = []
        for f in self.spec.models[schema].fields:
            if f.wire in left_out:
                continue
            if f.wire in special:
                out.append((f.attr, special[f.wire]))
                continue
            text = self.names.annotation(f.type)
            out.append((f.attr, f"{text} | None" if f.nullable else text))
        return out

    def head(self, doc: str, runtime: dict[str, list[str]]) -> list[str]:
        lines = [
            HEADER,
            "# The models below are named in the classes' bases, as strings, which linters do not read.",
            "# ruff: noqa: F401",
            f'"""{doc}"""',
            "",
            "from __future__ import annotations",
            "",
            "from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar",
            "",
        ]
        for module in sorted(runtime, key=lambda m: (-m.count("."), m)):
            lines += import_line(module, runtime[module])
        lines += ["", "if TYPE_CHECKING:"]
        for module in sorted(self.names.foreign_types):
            if module != MODULE:
                lines += import_line(f".{module}", sorted(self.names.foreign_types[module]), indent="    ", width=116)
        return lines


def _class(
    name: str, bases: str, doc: str | None, fields: list[tuple[str, str]] | None = None, *, slots: bool = True
) -> list[str]:
    fields = fields or []
    lines = ["", "", f"class {name}({bases}):"] + ([f'    """{doc}"""', ""] if doc else [])
    slot_names = ", ".join(f'"{attr}"' for attr, _ in fields)
    lines.append(f"    __slots__ = ({slot_names}{',' if len(fields) == 1 else ''})" if slots else "    __slots__ = ()")
    if fields:
        lines.append("")
        lines += [f"    {attr}: {annotation}" for attr, annotation in fields]
    return lines


def _union(names: list[str]) -> list[str]:
    return [f"    {name}" if index == 0 else f"    | {name}" for index, name in enumerate(names)]


def _by_type(
    text: _Text,
    table: dict[str, tuple[str, ...]],
    *,
    base: str,
    suffix: str,
    empty: str,
    unknown: tuple[str, str, str],
    union: tuple[str, str],
) -> tuple[list[str], list[str]]:
    """(lines, class names): a class per type of ``table`` binding ``base`` to the type's literal and
    to the models it holds (``empty`` for none), the unknown class (name, what it holds, doc), the
    union of them all (name, doc), and the start of the type table, which the caller closes."""
    taken = {m.class_name for m in text.spec.models.values()}
    # The bindings are for type checkers: at run time the subscript is skipped (see erased), and its
    # arguments are strings, so that not even the literals are built.
    alias = f"_{base}"
    body: list[str] = ["", "", "if TYPE_CHECKING:", f"    {alias} = {base}", "else:", f"    {alias} = erased({base})"]
    entries: list[tuple[str, str, tuple[str, ...]]] = []
    for event_type, schemas in table.items():
        name = event_class(event_type, suffix)
        if name in taken:
            raise ValueError(f"{event_type}: class {name} would shadow a model")
        taken.add(name)
        held = f'"{text.union(schemas)}"' if schemas else f'"{empty}"'
        # No docstring: the base says it all (a line each would cost the package 40 kB).
        body += _class(name, f"{alias}[\"Literal['{event_type}']\", {held}]", None, slots=False)
        entries.append((event_type, name, schemas))
    text.names.helpers.add("StripeObject")
    unknown_name, unknown_held, unknown_doc = unknown
    body += _class(unknown_name, f"{alias}[\"Literal['{UNKNOWN_TYPE}']\", {unknown_held}]", unknown_doc, slots=False)
    names = [name for _, name, _ in entries] + [unknown_name]
    body += ["", "", f"{union[0]}: TypeAlias = (", *_union(names), ")", f'"""{union[1]}"""', ""]
    body.append(f"TYPES: dict[str, tuple[type[{base}[Any, Any]], tuple[str, ...]]] = {{")
    for event_type, name, schemas in entries:
        held = ", ".join(f'"{text.spec.models[s].object_name}"' for s in schemas)
        body.append(f'    "{event_type}": ({name}, ({held}{"," if len(schemas) == 1 else ""})),')
    return body, names


def render_events(spec: Spec, modules: dict[str, str]) -> str:
    """``stripe_lite/_generated/models/events.py``: webhook events (API v1)."""
    text = _Text(spec, modules)
    objects = event_objects(spec)
    body: list[str] = [
        "",
        '_T = TypeVar("_T", bound=str, covariant=True)',
        '_O = TypeVar("_O", covariant=True)',
    ]
    data_fields = text.fields(DATA_SCHEMA, {f.wire: "_O" for f in spec.models[DATA_SCHEMA].fields if isinstance(f.type, AnyObject)})
    data = spec.models[DATA_SCHEMA].class_name
    body += _class(
        f"{data}",
        "StripeObject, Generic[_O]",
        "An event's ``data``: the object it is about, as it was then, and for ``*.updated`` events\n"
        "    ``previous_attributes``, the changed fields' former values (as sent).",
        data_fields,
    )
    base_fields = text.fields(EVENT_SCHEMA, {"type": "_T", "data": f"{data}[_O]"})
    body += _class(
        "EventBase",
        "StripeObject, Generic[_T, _O]",
        "What every ``event`` has; ``_T`` is its ``type``, ``_O`` the type of ``data.object``.\n\n"
        "    Annotate events with ``Event`` (the union of every type's class), which narrows on ``type``;\n"
        "    ``isinstance(value, EventBase)`` tells whether a value is an event.\n\n"
        "    https://docs.stripe.com/api/events/object\n    ",
        base_fields,
    )
    classes, names = _by_type(
        text,
        objects,
        base="EventBase",
        suffix="Event",
        empty="StripeObject",
        unknown=(
            "UnknownEvent",
            '"StripeObject"',
            "An event of a type this version does not know (one from a newer API version).\n\n"
            "    Its ``type`` holds the type Stripe sent; type checkers see a placeholder that no known type\n"
            "    equals, so that narrowing on a known type leaves this class out. Tell it with\n"
            "    ``isinstance(event, UnknownEvent)``; ``data.object`` is decoded by its ``object`` name.\n    ",
        ),
        union=("Event", "An event: the class its ``type`` names, or ``UnknownEvent``. Narrow it on ``event.type``."),
    )
    body += classes
    body += [
        "}",
        '"""Event type -> its class, and the ``object`` names its ``data.object`` may have (none: any)."""',
        "",
        f"_d_{data} = register({data}, event_data({data}))",
        f"_d_Event = register(EventBase, by_type(EventBase, TYPES, UnknownEvent, _d_{data}))",
    ]
    runtime = {"..._events": ["by_type", "erased", "event_data"], "..._models": ["StripeObject", "register"]}
    lines = text.head("Webhook events (API v1): a class per event type, and ``Event``, the union of them.", runtime)
    lines += ["", *all_lines(["TYPES", "Event", "EventBase", data, *names])]
    return "\n".join(lines + body) + "\n"


def render_notifications(spec: Spec, modules: dict[str, str], facts: dict[str, Any] | None = None) -> str:
    """``stripe_lite/_generated/models/event_notifications.py``: thin events (API v2)."""
    text = _Text(spec, modules)
    related = thin_event_objects(spec, facts)
    body: list[str] = [
        "",
        '_T = TypeVar("_T", bound=str, covariant=True)',
        '_R = TypeVar("_R", covariant=True)',
    ]
    body += _class(
        "EventNotificationBase",
        "FetchMethods[_R], StripeObject, Generic[_T, _R]",
        "What every event notification (a thin event, API v2) has; ``_T`` is its ``type``, ``_R`` the\n"
        "    type of the object it is about (None for none). The event itself, and that object, are fetched\n"
        "    with ``fetch_event(client)`` and ``fetch_related_object(client)``.\n\n"
        "    https://docs.stripe.com/api/v2/core/events/object\n    ",
        text.fields(V2_EVENT_SCHEMA, {"type": "_T"}, THIN_LEFT_OUT),
    )
    classes, names = _by_type(
        text,
        related,
        base="EventNotificationBase",
        suffix="EventNotification",
        empty="None",
        unknown=(
            "UnknownEventNotification",
            '"StripeObject | None"',
            "A notification of a type this version does not know; ``type`` holds the type Stripe sent\n"
            "    (see ``UnknownEvent``). Its related object, if any, is decoded by its ``object`` name.\n    ",
        ),
        union=("EventNotification", "A thin event: the class its ``type`` names, or ``UnknownEventNotification``."),
    )
    body += classes
    body += [
        "}",
        '"""Notification type -> its class, and the ``object`` name of what it is about (none: nothing)."""',
        "",
        "register(EventNotificationBase, by_type(EventNotificationBase, TYPES, UnknownEventNotification))",
    ]
    runtime = {"..._events": ["FetchMethods", "by_type", "erased"], "..._models": ["StripeObject", "register"]}
    doc = "Event notifications (thin events, API v2): a class per type, and ``EventNotification``, the union."
    lines = text.head(doc, runtime)
    lines += ["", *all_lines(["TYPES", "EventNotification", "EventNotificationBase", *names])]
    return "\n".join(lines + body) + "\n"


def event_classes(spec: Spec, facts: dict[str, Any] | None = None) -> dict[str, str]:
    """Class name -> module, of every class the two modules define (for the models' index)."""
    data = spec.models[DATA_SCHEMA].class_name
    found = {name: MODULE for name in ("Event", "EventBase", data, "UnknownEvent")}
    found.update({event_class(t, "Event"): MODULE for t in webhook_event_types(spec)})
    notes = ("EventNotification", "EventNotificationBase", "UnknownEventNotification")
    found.update({name: NOTIFICATIONS_MODULE for name in notes})
    found.update({event_class(t, "EventNotification"): NOTIFICATIONS_MODULE for t in thin_event_objects(spec, facts)})
    return found


TYPE_PARAMETERS: dict[str, dict[str, str]] = {
    EVENT_SCHEMA: {"type": "its type, as a `Literal`", "data": "`NotificationEventData[`its object`]`"},
    DATA_SCHEMA: {"object": "the event's object (see `Event`)"},
}
"""What the reference says of the fields each event class binds, in place of their annotations."""


def reference_table(spec: Spec, link: Any) -> list[str]:
    """The reference's words on events, after ``EventBase``'s fields: every type, its class, its object.

    ``link(schema)`` gives the Markdown of a link to a model's section.
    """
    rows = [
        f"| `{kind}` | `{event_class(kind, 'Event')}` | "
        + (" \\| ".join(link(s) for s in schemas) if schemas else "`StripeObject`")
        + " |"
        for kind, schemas in event_objects(spec).items()
    ]
    return [
        "",
        "`Event` is the union of a class per event type, and `UnknownEvent` (a type this version does not know): "
        "each binds `EventBase`'s `type` to its literal and `data.object` to its model, so that narrowing on "
        "`event.type` types `event.data.object` (see [Webhooks](../webhooks.md#typed-events)). The fields above "
        f"are `EventBase`'s, which every event has. The {len(rows)} types:",
        "",
        "| `type` | class | `data.object` |",
        "| --- | --- | --- |",
        *rows,
    ]
