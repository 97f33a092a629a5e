"""What every model is made of: the base class, and the helpers the generated decoders call.

Every model is a slotted class generated from Stripe's description, with a
straight-line decoder generated beside it (``stripe_lite/_generated/models/``).
A field the response left out stays unset (reading it raises AttributeError);
fields the model does not know are kept in ``extra_fields``. That is what
makes ``to_dict()`` give back exactly the input.
"""

from __future__ import annotations

import importlib
import keyword
import linecache
import re
import sys
import threading
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final, Generic, TypeVar

from typing_extensions import Self

from .errors import InvalidResponseError

__all__ = ["StripeList", "StripeObject", "UnknownObject", "construct", "expect", "model_for"]

_T = TypeVar("_T")
_S = TypeVar("_S", bound="StripeObject")
Decoder = Callable[[Any], Any]

M: Final[Any] = object()
"""Marks a key the response does not have."""
new: Final = object.__new__
intern: Final = sys.intern
_NO_EXTRA: Final[Mapping[str, Any]] = MappingProxyType({})


class StripeObject:
    """Base class of every Stripe model.

    Fields the response did not contain are not set: reading one raises
    ``AttributeError`` (use ``getattr(obj, name, None)`` when a field may be
    absent, for example when it is only sent on expansion). Fields that this
    version of stripe_lite does not know are kept, in :attr:`extra_fields`.
    """

    __slots__ = ("_extra",)
    _extra: dict[str, Any]
    _decode: ClassVar[Decoder]

    def __init__(self, **fields: Any) -> None:
        cls = type(self)
        known = _attributes(cls)
        sparse = _sparse(cls)
        for name, value in fields.items():
            if name not in known:
                raise TypeError(
                    f"{cls.__name__} has no field {name!r}; use {cls.__name__}.from_dict() to build one with unknown fields"
                )
            if name in sparse:
                _extra_dict(self)[sparse[name]] = value
            else:
                setattr(self, name, value)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build the model from the JSON object Stripe sent (a dict)."""
        if type(data) is not dict:
            if not isinstance(data, Mapping):
                raise InvalidResponseError(f"expected a JSON object for {cls.__name__}, got {type(data).__name__}")
            data = dict(data)
        decoded: Self = cls._decode(data)
        if not isinstance(decoded, cls):
            # A class that stands for several (an event decodes as the class its type names).
            raise InvalidResponseError(f"expected {cls.__name__}, got a {type(decoded).__name__}")
        return decoded

    def to_dict(self) -> dict[str, Any]:
        """Give back the JSON object this model was decoded from, unknown fields included."""
        out: dict[str, Any] = {}
        for _, wire, read in _fields(type(self)):
            try:
                value = read(self)
            except AttributeError:
                continue
            out[wire] = _plain(value)
        extra = _read_extra(self)
        if extra is not M:
            out.update(_plain(extra))
        return out

    @property
    def extra_fields(self) -> Mapping[str, Any]:
        """The fields Stripe sent that this model does not declare (read-only), as sent."""
        extra = _read_extra(self)
        if extra is M:
            return _NO_EXTRA
        sparse = _sparse_wires(type(self))
        if sparse:
            return MappingProxyType({k: v for k, v in extra.items() if k not in sparse})
        return MappingProxyType(extra)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, StripeObject)
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        parts = []
        for attr, _, read in _fields(type(self)):
            try:
                parts.append(f"{attr}={read(self)!r}")
            except AttributeError:
                continue
        extra = _read_extra(self)
        if extra is not M:
            sparse = _sparse_wires(type(self))
            parts += [f"{_attr(k)}={v!r}" for k, v in extra.items() if k in sparse]
            unknown = {k: v for k, v in extra.items() if k not in sparse}
            if unknown:
                parts.append(f"extra_fields={unknown!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.to_dict()))

    if not TYPE_CHECKING:
        # Only reached when normal lookup failed: an unset field, or a name the
        # model does not declare. Hidden from type checkers, so that a
        # misspelled attribute is a type error.
        def __getattr__(self, name: str) -> Any:
            if name.startswith("__") or name == "_extra":
                raise AttributeError(name)
            cls = type(self).__name__
            wire = _sparse(type(self)).get(name)
            if wire is not None:  # a declared field kept without a slot
                extra = _read_extra(self)
                if extra is not M and wire in extra:
                    return extra[wire]
            if name in _attributes(type(self)):
                raise AttributeError(
                    f"{cls}.{name} was not included in this response "
                    "(it may need expand=[...] or a different API version)"
                )
            extra = _read_extra(self)
            if extra is not M and _wire(name) in extra:
                raise AttributeError(
                    f"{cls} has no declared field {name!r}; Stripe sent it, read it as extra_fields[{_wire(name)!r}]"
                )
            raise AttributeError(f"{cls!r} object has no attribute {name!r}")


_EXTRA_SLOT: Final = StripeObject.__dict__["_extra"].__get__


def _read_extra(obj: Any, default: Any = M) -> Any:
    """The unknown fields of a model, or ``default`` when it has none."""
    try:
        return _EXTRA_SLOT(obj)
    except AttributeError:
        return default


def _rebuild(cls: type[StripeObject], data: dict[str, Any]) -> StripeObject:
    return cls.from_dict(data)


def _wire(attr: str) -> str:
    """The JSON key of an attribute: ``in_`` is ``in``."""
    return attr[:-1] if attr.endswith("_") and keyword.iskeyword(attr[:-1]) else attr


# (attribute, wire name, slot reader) per class, in declaration order.
_FIELDS: dict[type, tuple[tuple[str, str, Callable[[Any], Any]], ...]] = {}
_FIELDS_LOCK = threading.Lock()


def _fields(cls: type) -> tuple[tuple[str, str, Callable[[Any], Any]], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        entries = []
        for klass in reversed(cls.__mro__):
            for attr in klass.__dict__.get("__slots__", ()):
                if attr != "_extra":
                    # The slot's own reader raises AttributeError at once for an
                    # unset slot, without going through __getattr__.
                    entries.append((attr, _wire(attr), klass.__dict__[attr].__get__))
        found = tuple(entries)
        with _FIELDS_LOCK:
            _FIELDS[cls] = found
    return found


def _attr(wire: str) -> str:
    return f"{wire}_" if keyword.iskeyword(wire) else wire


_SPARSE: dict[type, dict[str, str]] = {}


def _sparse(cls: type) -> dict[str, str]:
    """Attribute -> JSON key of the declared fields that have no slot (kept with the unknown ones).

    They are the annotated names without a slot: many per-payment-method
    objects, of which an answer fills one or two.
    """
    found = _SPARSE.get(cls)
    if found is None:
        slots = {attr for attr, _, _ in _fields(cls)}
        annotations: dict[str, Any] = {}
        for klass in reversed(cls.__mro__):
            annotations.update(klass.__dict__.get("__annotations__", {}))  # noqa: RUF063
        found = {a: _wire(a) for a in annotations if a not in slots and not a.startswith("_")}
        _SPARSE[cls] = found
    return found


def _sparse_wires(cls: type) -> frozenset[str]:
    return frozenset(_sparse(cls).values())


def _extra_dict(obj: Any) -> dict[str, Any]:
    extra: dict[str, Any] | None = _read_extra(obj, None)
    if extra is None:
        obj._extra = extra = {}
    return extra


def declared(cls: type) -> list[tuple[str, str]]:
    """(attribute, JSON key) of every field ``cls`` declares, slotted or not."""
    return [(attr, wire) for attr, wire, _ in _fields(cls)] + list(_sparse(cls).items())


def _attributes(cls: type) -> frozenset[str]:
    return frozenset(attr for attr, _, _ in _fields(cls)) | frozenset(_sparse(cls))


def _plain(value: Any) -> Any:
    """JSON-shaped data from a field's value: models as dicts, containers copied."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    if kind is list:
        return [_plain(v) for v in value]
    if isinstance(value, StripeObject):
        return value.to_dict()
    return value


# -- what generated decoders call ----------------------------------------------------


def bad(name: str, value: Any) -> InvalidResponseError:
    return InvalidResponseError(f"expected a JSON object for {name}, got {type(value).__name__}")


_KNOWN: dict[type, frozenset[str]] = {}


def _known(cls: type) -> frozenset[str]:
    known = _KNOWN.get(cls)
    if known is None:
        known = _KNOWN[cls] = frozenset(wire for _, wire, _ in _fields(cls))
    return known


def unknown(data: dict[str, Any], cls: type) -> dict[str, Any]:
    """The keys of ``data`` that ``cls`` does not declare."""
    known = _known(cls)
    return {k: v for k, v in data.items() if k not in known}


def register(cls: type[_S], decode: Decoder | None = None) -> Decoder:
    """Attach a model's decoder: its generated one, or else decoding key by key.

    A decoder gives back None for null (a field that may hold an object, or
    null), and refuses anything else that is not a JSON object.
    """
    if decode is None:
        decode = _straight_line_once_used(cls) if _fields(cls) else _key_by_key(cls)
    cls._decode = decode
    return decode


def _straight_line_once_used(cls: type[_S]) -> Decoder:
    """A small model's decoder: key by key at first, then one written for it from its annotations.

    Small objects are most of what an answer holds; a decoder of their own reads
    them several times faster than key by key. They are written here, once per
    class and only for the classes a program decodes again and again, rather
    than shipped: the package stays small, and a program's first call does not
    wait for decoders it may need once. Their source is registered with
    linecache, so tracebacks and debuggers show it.
    """
    uses = 0
    written: Decoder | None = None

    def decode(data: Any) -> Any:
        nonlocal uses, written
        if written is not None:  # a caller that kept this stand-in
            return written(data)
        uses += 1  # a race between threads only moves the moment of writing
        if uses < _USES_BEFORE_WRITING:
            return by_key(cls, data)
        written = _write_decoder(cls)
        cls._decode = written
        # Callers in the class's own module call the written decoder directly from now on.
        namespace = sys.modules[cls.__module__].__dict__
        name = f"_d_{cls.__name__}"
        if namespace.get(name) is decode:
            namespace[name] = written
        return written(data)

    return decode


# Writing a decoder costs about as much as 100 decodes key by key; a class met this often is met again.
_USES_BEFORE_WRITING: Final = 8


def _write_decoder(cls: type[_S]) -> Callable[[Any], _S | None]:
    table = _keyed(cls)
    slotted = {wire: entry for wire, entry in table.items() if entry[0] is not None}
    # Declared per-type fields without a slot: an answer fills one or two, read after the slotted ones.
    unslotted = [wire for wire, (attr, _) in table.items() if attr is None]
    converted = {wire: convert for wire, (attr, convert) in table.items() if attr is None and convert is not None}
    env: dict[str, Any] = {"cls": cls, "new": new, "by_key": by_key, "unknown": unknown,
                           "slotted": frozenset(slotted), "converted": converted}
    lines = [
        "def decode(d):",
        "    if type(d) is not dict:",
        "        return None if d is None else by_key(cls, d)",  # by_key refuses what is not an object
        f"    if len(d) < {len(slotted)}:",  # some field left out: key by key
        "        return by_key(cls, d)",
        "    o = new(cls)",
        "    try:",
    ]
    for index, (wire, (attr, convert)) in enumerate(slotted.items()):
        value = f"d[{wire!r}]"
        model = _loaded_model(convert)
        if model is not None:
            # Called through the class, not a stand-in: a decoder written later is picked up.
            env[f"m{index}"], expandable = model
            value = f"m{index}._decode(v) if type(v := {value}) is dict else v" if expandable else f"m{index}._decode({value})"
        elif convert is not None:
            env[f"c{index}"] = convert
            value = f"c{index}({value})"
        lines.append(f"        o.{attr} = {value}")
    lines += [
        "    except KeyError:",  # a field left out: key by key
        "        return by_key(cls, d)",
        f"    if len(d) != {len(slotted)}:",
    ]
    if unslotted:
        lines += [
            "        rest = {k: v for k, v in d.items() if k not in slotted}",
            "        for k, v in rest.items():",
            "            c = converted.get(k)",
            "            if c is not None:",
            "                rest[k] = c(v)",
            "        o._extra = rest",
        ]
    else:
        lines.append("        o._extra = unknown(d, cls)")
    lines.append("    return o")
    source = "\n".join(lines) + "\n"
    filename = f"<stripe_lite decoder {cls.__module__}.{cls.__qualname__}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), env)
    decode: Callable[[Any], _S | None] = env["decode"]
    return decode


def _loaded_model(convert: Decoder | None) -> tuple[type[StripeObject], bool] | None:
    """The model ``convert`` decodes and whether it may be an id, if its module is loaded already."""
    named = _OF_MODEL.get(convert) if convert is not None else None
    if named is None:
        return None
    from ._generated.models import MODULES

    if f"{_MODELS}.{MODULES[named[0]]}" not in sys.modules:
        return None  # loaded when an answer first holds one, not when its container is first decoded
    return _class_named(named[0]), named[1]


def refill(cls: type[_S], decode: Callable[[Any], _S], data: Any) -> _S | None:
    """Decode a large object that left some fields out, with its generated decoder.

    The missing keys are filled with null for the decoder (which then reads
    every key straight through), and unset again afterwards: absent stays
    absent. An object that left most fields out decodes key by key instead.
    """
    if type(data) is not dict:
        return by_key(cls, data)  # None, or an error
    known = _known(cls)
    missing = known.difference(data)
    if not missing or len(missing) * 2 > len(known):
        return by_key(cls, data)
    full = dict.fromkeys(missing)
    full.update(data)
    obj = decode(full)
    for wire in missing:
        delattr(obj, _attr(wire))
    return obj




def by_key(cls: type[_S], data: Any) -> _S | None:
    """Decode key by key. Small objects always do; large ones when a field was left out."""
    decode = _BY_KEY.get(cls)
    if decode is None:
        decode = _BY_KEY[cls] = _key_by_key(cls)
    return decode(data)


_BY_KEY: dict[type, Decoder] = {}


def _key_by_key(cls: type[_S]) -> Callable[[Any], _S | None]:
    """A decoder of ``cls`` that reads the keys sent, each by what its field's annotation says."""
    # JSON key -> (attribute, converter or None); attribute None: a declared field without a slot.
    # Built on the first decode, from the annotations (which may name models not loaded yet).
    table: dict[str, tuple[str | None, Decoder | None]] | None = None

    def decode(data: Any) -> _S | None:
        nonlocal table
        if type(data) is not dict:
            if data is None:
                return None
            raise bad(cls.__name__, data)
        if table is None:
            table = _keyed(cls)
        obj = new(cls)
        # Unknown keys and declared fields without a slot share the object's one dict, in the order sent.
        unslotted: dict[str, Any] | None = None
        for key, value in data.items():
            entry = table.get(key)
            if entry is not None:
                attr, convert = entry
                if convert is not None:
                    value = convert(value)
                if attr is not None:
                    setattr(obj, attr, value)
                    continue
            if unslotted is None:
                unslotted = {key: value}
            else:
                unslotted[key] = value
        if unslotted is not None:
            obj._extra = unslotted
        return obj

    return decode


def _keyed(cls: type) -> dict[str, tuple[str | None, Decoder | None]]:
    annotations = {}
    for klass in reversed(cls.__mro__):
        # The class's own annotations (not inherited ones); inspect is too heavy to import for this.
        annotations.update(klass.__dict__.get("__annotations__", {}))  # noqa: RUF063
    table: dict[str, tuple[str | None, Decoder | None]] = {}
    for attr, wire, _ in _fields(cls):
        table[wire] = (attr, _converter_of(str(annotations.get(attr, "Any"))))
    for attr, wire in _sparse(cls).items():
        table[wire] = (None, _converter_of(str(annotations.get(attr, "Any"))))
    return table


def _converter_of(annotation: str) -> Decoder | None:
    """``_converter``, once per annotation: most fields share a handful (``str | None``, ``int``, ...)."""
    try:
        return _CONVERTERS[annotation]
    except KeyError:
        convert = _CONVERTERS[annotation] = _converter(annotation)
        return convert


_CONVERTERS: dict[str, Decoder | None] = {}


_SCALARS: Final = frozenset({"str", "int", "float", "bool", "Any", "None"})


def _split(annotation: str, separator: str) -> list[str]:
    """Split at ``separator`` outside brackets and quotes."""
    if "[" not in annotation and "'" not in annotation and '"' not in annotation:
        return [part.strip() for part in annotation.split(separator)]
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    index = 0
    while index < len(annotation):
        char = annotation[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0 and annotation.startswith(separator, index):
            parts.append(annotation[start:index])
            index += len(separator)
            start = index
            continue
        index += 1
    parts.append(annotation[start:])
    return [part.strip() for part in parts]


_LITERAL: Final = re.compile(r"""Literal\[(?:[^\]'"]|'[^']*'|"[^"]*")*\]""")


def _literal_kind(match: re.Match[str]) -> str:
    text = match.group()
    return "Literal['']" if "'" in text or '"' in text else "Literal[]"


def _converter(annotation: str) -> Decoder | None:
    """How a field's JSON value becomes its value, read off the field's annotation (None: kept as sent).

    The annotations are the generator's output, in a small fixed grammar:
    scalars, ``Literal[...] | str``, model names, ``list[...]``,
    ``dict[str, ...]``, ``StripeList[...]`` and unions of those.
    """
    # Enum values are what makes annotations long: each Literal[...] is cut to whether it holds strings.
    annotation = _LITERAL.sub(_literal_kind, annotation)
    # A name starting with "_" is a type parameter (an event's type, or its object): the class
    # that binds it decodes that field itself.
    terms = [t for t in _split(annotation, "|") if t != "None" and not t.startswith("_")]
    if any(t.startswith("Literal[") for t in terms):
        # Annotations are kept as text, quoted either way ("a" or 'a'); Literal[True] holds no string.
        return intern_str if any("'" in t or '"' in t for t in terms) else None
    if len(terms) == 1:
        (term,) = terms
        for prefix, build in (("list[", _list_converter), ("dict[str, ", _map_converter), ("StripeList[", _page_converter)):
            if term.startswith(prefix):
                return build(_converter(term[len(prefix) : -1]))
        if term == "StripeObject":
            return expand
    models = [t for t in terms if t not in _SCALARS]
    if not models:
        return None
    expandable = "str" in terms
    if len(models) == 1:
        decode = _decoder_named(models[0])
        if expandable:
            decode = ref(decode)
        _OF_MODEL[decode] = (models[0], expandable)
        return decode
    return expand if expandable else _one_of(models)


# A converter that decodes one model (or keeps its id, when expandable): model name, expandable.
_OF_MODEL: dict[Decoder, tuple[str, bool]] = {}


def _list_converter(item: Decoder | None) -> Decoder | None:
    return None if item is None else (lambda value: list_of(value, item))


def _map_converter(item: Decoder | None) -> Decoder | None:
    return None if item is None else (lambda value: map_of(value, item))


def _page_converter(item: Decoder | None) -> Decoder:
    decode = item or keep
    return lambda value: list_object(value, decode)


def _decoder_named(name: str) -> Decoder:
    """The decoder of the model called ``name``, imported on first call."""
    loaded: list[type[StripeObject]] = []

    def decode(value: Any) -> Any:
        if value is None:
            return None
        if not loaded:
            loaded.append(_class_named(name))
        return loaded[0]._decode(value)  # the class's decoder of now: a small one's is written once used

    return decode


def _one_of(names: list[str]) -> Decoder:
    def decode(value: Any) -> Any:
        if type(value) is dict and type(value.get("object")) is str:
            return construct(value)
        return pick(value, tuple(names))

    return decode


def ref(decode: Decoder) -> Decoder:
    """A field holding one kind of object (or its id): decoded when an object came, else kept."""
    return lambda value: decode(value) if type(value) is dict else value


def intern_str(value: Any) -> Any:
    """Enum values repeat across thousands of objects: one shared string per value."""
    return intern(value) if type(value) is str else value


def keep(value: Any) -> Any:
    return value


def list_of(value: Any, item: Decoder) -> Any:
    if type(value) is list:
        return [item(v) for v in value]
    if value is None:
        return None
    raise InvalidResponseError(f"expected a JSON array, got {type(value).__name__}")


def map_of(value: Any, item: Decoder) -> Any:
    if type(value) is dict:
        return {k: item(v) for k, v in value.items()}
    if value is None:
        return None
    raise InvalidResponseError(f"expected a JSON object, got {type(value).__name__}")


def list_object(value: Any, item: Decoder) -> Any:
    """A list object nested in another (a charge's ``refunds``)."""
    if value is None:
        return None
    if type(value) is not dict:
        raise bad("StripeList", value)
    obj = new(StripeList)
    for key, data in value.items():
        if key == "data":
            obj.data = list_of(data, item)
        elif key in _LIST_KEYS:
            setattr(obj, key, data)
        else:
            extra = _read_extra(obj, None)
            if extra is None:
                obj._extra = extra = {}
            extra[key] = data
    return obj


def expand(value: Any) -> Any:
    """An expandable field or a field holding one of several objects: an object if a dict came."""
    return construct(value) if type(value) is dict else value


def choose(value: Any) -> Any:
    """A field holding one of several kinds of object (no id in their place): picked by ``object``."""
    if type(value) is dict:
        return construct(value)
    if value is None:
        return None
    raise bad("a Stripe object", value)


def pick(value: Any, names: tuple[str, ...]) -> Any:
    """One of several shapes that have no ``object`` name (models named ``names``): the one that
    declares most of the keys sent. Shapes that tie on the keys at the top are decoded, and the
    one leaving fewest keys unknown further down wins. The choice is remembered per shape of
    the answer (its keys, and those of the objects it holds): a stream of like objects
    decides once."""
    if type(value) is not dict:
        if value is None:
            return None
        raise bad("object", value)
    top = (names, frozenset(value))
    chosen = _PICKED.get(top)
    if chosen is _TIED:  # told apart further down: remembered by the nested objects' keys too
        chosen = _PICKED.get(_deep_shape(top, value))
    if chosen is None:
        chosen, tied = _choose(value, names)  # a tie depends on the top keys alone
        if len(_PICKED) < _MAX_PICKED:
            if tied:
                _PICKED[top] = _TIED
                _PICKED[_deep_shape(top, value)] = chosen
            else:
                _PICKED[top] = chosen
    return chosen._decode(value)


def _deep_shape(top: tuple[Any, ...], value: dict[str, Any]) -> tuple[Any, ...]:
    return (*top, *(frozenset(v) for v in value.values() if type(v) is dict))


class _Tied(StripeObject):
    """Marks a shape of keys that more than one model declares as well: decided further down."""

    __slots__ = ()


_TIED: Final = _Tied
_PICKED: dict[tuple[Any, ...], type[StripeObject]] = {}
_MAX_PICKED = 4096


def _choose(value: dict[str, Any], names: tuple[str, ...]) -> tuple[type[StripeObject], bool]:
    """The model for ``value``, and whether others declared as many of its top keys."""
    scored = [(len(_known(cls).intersection(value)), cls) for cls in map(_class_named, names)]
    best = max(score for score, _ in scored)
    tied = [cls for score, cls in scored if score == best]
    if len(tied) == 1:
        return tied[0], False
    decoded = [cls._decode(value) for cls in tied]
    return type(min(decoded, key=_unknown_keys)), True  # min() keeps the first of equals


def _unknown_keys(value: Any) -> int:
    """How many keys, at any depth, no model declares."""
    if isinstance(value, StripeObject):
        count = len(value.extra_fields)
        for _, _, read in _fields(type(value)):
            try:
                count += _unknown_keys(read(value))
            except AttributeError:  # an unset field
                continue
        return count
    if type(value) is list:
        return sum(_unknown_keys(item) for item in value)
    return 0


_NAMED: dict[str, type[StripeObject]] = {}


def _class_named(name: str) -> type[StripeObject]:
    """The model class called ``name``, its module imported on first use."""
    cls = _NAMED.get(name)
    if cls is None:
        from ._generated.models import MODULES

        cls = _NAMED[name] = getattr(importlib.import_module(f"{_MODELS}.{MODULES[name]}"), name)
    return cls


def lazy(module: str, name: str, namespace: dict[str, Any] | None = None) -> Decoder:
    """A stand-in for the decoder ``name`` of a model module: imports it on first call.

    With ``namespace``, the stand-in then puts the real decoder in its place
    there; whoever kept the stand-in calls straight through to it.
    """
    loaded: list[dict[str, Any]] = []

    def load(value: Any) -> Any:
        if value is None:  # a null field: nothing to decode, nothing to load
            return None
        if not loaded:
            loaded.append(vars(importlib.import_module(f"{_MODELS}.{module}")))
            if namespace is not None:
                namespace[name] = loaded[0][name]
        # Looked up each time: a small model's decoder is replaced by the one written for it once used.
        return loaded[0][name](value)

    return load


_MODELS: Final = "stripe_lite._generated.models"


def expect(decode: Callable[[Any], _T], kinds: tuple[str, ...], *, with_id: bool) -> Callable[[Any], _T]:
    """``decode``, for an operation's answer: refuses what is not an object, an object of another
    kind (``kinds``, when the operation names them), or one without its id.

    A misbehaving server or proxy could answer a retrieve with ``{}`` or with
    some other object; decoding that as if it were right would hand the caller
    a model with nothing set, or the wrong thing.
    """

    def checked(data: Any) -> _T:
        if type(data) is not dict:
            raise InvalidResponseError(f"expected a JSON object, got {type(data).__name__}")
        if kinds:
            kind = data.get("object")
            if kind not in kinds:
                raise InvalidResponseError(f"expected {' or '.join(kinds)} object, got object {kind!r}")
            if with_id and type(data.get("id")) is not str:
                raise InvalidResponseError(f"expected {kind} object with an id, got none")
        return decode(data)

    return checked


# -- any object, by its "object" name -------------------------------------------------

_CLASSES: dict[tuple[str, bool], type[StripeObject]] = {}


def model_for(name: str, deleted: bool = False) -> type[StripeObject] | None:
    """The model of an ``object`` name (its deleted form with ``deleted``), None if there is none."""
    cls = _CLASSES.get((name, deleted))
    if cls is None:
        from ._generated.objects import DELETED, OBJECTS

        where = (DELETED if deleted else OBJECTS).get(name)
        if where is None:
            return None
        module, class_name = where
        cls = getattr(importlib.import_module(f"{_MODELS}.{module}"), class_name)
        _CLASSES[(name, deleted)] = cls
    return cls


def construct(data: dict[str, Any]) -> StripeObject:
    """Decode any Stripe object, choosing the model from its ``"object"`` key.

    Objects this version does not model become an :class:`UnknownObject`,
    which keeps every field.
    """
    if type(data) is not dict:
        raise bad("a Stripe object", data)
    name = data.get("object")
    cls = None
    if type(name) is str:
        cls = model_for(name, data.get("deleted") is True) or model_for(name)
    decoded: StripeObject = (cls or UnknownObject)._decode(data)
    return decoded


class StripeList(StripeObject, Generic[_T]):
    """A list object nested inside another object (``{"object": "list", "data": [...]}``)."""

    __slots__ = ("data", "has_more", "object", "url")

    data: list[_T]
    has_more: bool
    object: str
    url: str


_LIST_KEYS: Final = frozenset({"has_more", "object", "url"})


class UnknownObject(StripeObject):
    """An object this version does not model: every field is in ``extra_fields``."""

    __slots__ = ()


StripeList._decode = lambda data: list_object(data, keep)
register(UnknownObject)
