"""The model machinery: the base class, the decorator and the per-class codecs.

Every model is a slotted attrs class. Decoding does not go through ``__init__``:
for each class a straight-line decoder and encoder are generated once, on first
use, from the class's type hints. A field the response left out stays unset
(reading it raises AttributeError), fields the model does not know are kept in
``_extra``; that is what makes ``to_dict()`` give back exactly the input.
"""

from __future__ import annotations

import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, TypeVar, Union, overload

import attrs
from typing_extensions import Self

from ..errors import InvalidResponseError

__all__ = ["StripeList", "StripeObject", "UnknownObject", "stripe_model"]

_T = TypeVar("_T")
_C = TypeVar("_C", bound=type)
_MISSING: Any = object()
_new = object.__new__


class StripeObject:
    """Base class of every Stripe model.

    Fields the response did not contain are not set: reading one raises
    ``AttributeError`` (use ``getattr(obj, name, None)`` when a field may be
    absent, for example when it is only sent on expansion). Fields that this
    version of stripe_lite does not know are kept and readable as attributes.
    """

    __slots__ = ("_extra",)

    def __init__(self, **fields: Any) -> None:
        codec = _codec(type(self))
        for name, value in fields.items():
            if name not in codec.attr_names:
                raise TypeError(
                    f"{type(self).__name__} has no field {name!r}; "
                    f"use {type(self).__name__}.from_dict() to build one with unknown fields"
                )
            if name in codec.field_names:
                setattr(self, name, value)
            else:  # a sparse field: kept with the unknown ones
                extra = getattr(self, "_extra", None)
                if extra is None:
                    self._extra = extra = {}
                extra[name] = value

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build the model from the JSON object Stripe sent (a dict)."""
        if type(data) is not dict:
            if not isinstance(data, Mapping):
                raise InvalidResponseError(f"expected a JSON object for {cls.__name__}, got {type(data).__name__}")
            data = dict(data)
        decoded: Self = _codec(cls).decode(data)
        return decoded

    def to_dict(self) -> dict[str, Any]:
        """Give back the JSON object this model was decoded from, unknown fields included."""
        encoded: dict[str, Any] = _codec(type(self)).encode(self)
        return encoded

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup failed: an unset slot or an unknown name.
        if name == "_extra" or name.startswith("__"):
            raise AttributeError(name)
        try:
            return self._extra[name]
        except (AttributeError, KeyError):
            pass
        if name in _codec(type(self)).attr_names:
            raise AttributeError(
                f"{type(self).__name__}.{name} was not included in this response "
                "(it may need expand=[...] or a different API version)"
            ) from None
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, StripeObject)
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        codec = _codec(type(self))
        parts = []
        for name in codec.field_names:
            value = getattr(self, name, _MISSING)
            if value is not _MISSING:
                parts.append(f"{name}={value!r}")
        extra = getattr(self, "_extra", None)
        if extra:
            parts.append(f"_extra={extra!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.to_dict()))


def _rebuild(cls: type[StripeObject], data: dict[str, Any]) -> StripeObject:
    return cls.from_dict(data)


# Annotations of loosely typed fields (any JSON object), as written in model modules.
_LOOSE_ANNOTATIONS = frozenset({"dict[str,Any]", "dict[str,Any]|None"})


@overload
def stripe_model(cls: _C, /) -> _C: ...
@overload
def stripe_model(*, sparse: bool) -> Callable[[_C], _C]: ...
def stripe_model(cls: Any = None, /, *, sparse: bool = False) -> Any:
    """Class decorator for models: a slotted attrs class decoded by a generated codec.

    With ``sparse=True`` the loosely typed fields (``dict[str, Any]``) get no
    slot: they are kept with the unknown fields and read the same way. For
    wide objects of which a response fills one or two fields (the per-method
    ``payment_method_options``), that saves a slot per field per object.
    """

    def make(target: _C) -> _C:
        sparse_names: frozenset[str] = frozenset()
        if sparse:
            # The class's own dict, edited in place before attrs reads it.
            annotations = target.__dict__.get("__annotations__", {})  # noqa: RUF063
            sparse_names = frozenset(
                name
                for name, annotation in annotations.items()
                if isinstance(annotation, str) and annotation.replace(" ", "") in _LOOSE_ANNOTATIONS
            )
            for name in sparse_names:
                del annotations[name]
        made: _C = attrs.define(
            target,
            slots=True,
            init=False,
            eq=False,
            order=False,
            repr=False,
            getstate_setstate=False,
            weakref_slot=False,
        )
        _SPARSE_FIELDS[made] = sparse_names
        return made

    return make if cls is None else make(cls)


_SPARSE_FIELDS: dict[type, frozenset[str]] = {}


@stripe_model
class StripeList(StripeObject, Generic[_T]):
    """A list object nested inside another object (``{"object": "list", "data": [...]}``)."""

    object: str
    data: list[_T]
    has_more: bool
    url: str


@stripe_model
class UnknownObject(StripeObject):
    """An object this version does not model; every field is readable as an attribute."""


# ---------------------------------------------------------------------------
# Codecs: generated once per class (or per parametrised StripeList).

Converter = Callable[[Any], Any]


class _Codec:
    __slots__ = ("attr_names", "decode", "encode", "field_names", "ready")

    def __init__(self) -> None:
        self.ready = False
        self.field_names: tuple[str, ...] = ()
        self.attr_names: frozenset[str] = frozenset()
        self.decode: Converter = _not_ready
        self.encode: Converter = _not_ready


_CODECS: dict[Any, _Codec] = {}
# Compiling is rare (once per class) and recursive (a SetupIntent holds its
# SetupAttempt, which holds its SetupIntent): one re-entrant lock covers it,
# so another thread never sees a half-built codec.
_COMPILE_LOCK = threading.RLock()
# The codecs compiled under the outermost _codec() call still running, in
# order. None is marked ready before all of them are: a SetupAttempt codec
# finished inside a SetupIntent compile calls the SetupIntent codec, which
# another thread must not use (it would find it not ready, and wait) until
# the SetupIntent compile is done too.
_PENDING: list[tuple[Any, _Codec]] = []


def _codec(cls: Any) -> _Codec:
    codec = _CODECS.get(cls)
    if codec is not None and codec.ready:
        return codec
    with _COMPILE_LOCK:
        codec = _CODECS.get(cls)
        if codec is not None:
            return codec  # ready, or being compiled further up this thread's stack
        outermost = not _PENDING
        codec = _CODECS[cls] = _Codec()
        _PENDING.append((cls, codec))
        try:
            _compile(cls, codec)
        except BaseException:
            if outermost:  # nothing compiled in this round is kept: each may refer to the failed one
                for pending_cls, _ in _PENDING:
                    _CODECS.pop(pending_cls, None)
                _PENDING.clear()
            raise
        if outermost:
            for _, done in _PENDING:
                done.ready = True
            _PENDING.clear()
        return codec


def _not_ready(value: Any) -> Any:
    raise RuntimeError("codec used before it was compiled")


def _clone(value: Any) -> Any:
    """A fresh copy of JSON-shaped containers, so to_dict() never hands out the model's own."""
    kind = type(value)
    if kind is dict:
        return {k: _clone(v) for k, v in value.items()}
    if kind is list:
        return [_clone(v) for v in value]
    return value


def decoder_for(tp: Any) -> Converter:
    """Return a function turning JSON data into ``tp`` (a model, an alias, a container)."""
    conv = _plan(tp)[0]
    return conv if conv is not None else _identity


def _identity(value: Any) -> Any:
    return value


def _construct(value: Any) -> Any:
    if type(value) is dict:
        kind = value.get("object")
        if kind is not None and type(kind) is not str:
            # Not a name to look a model up by (a list, say): nothing models it.
            return UnknownObject.from_dict(value)
        from . import construct

        return construct(value)
    return value


def _deconstruct(value: Any) -> Any:
    if isinstance(value, StripeObject):
        return value.to_dict()
    return value


def _strip_none(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return [tp]


def _literal_strings(tp: Any) -> list[str]:
    """The string values of the ``Literal[...]`` members of a field's type."""
    return [
        value
        for member in _strip_none(tp)
        if typing.get_origin(member) is Literal
        for value in typing.get_args(member)
        if isinstance(value, str)
    ]


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, StripeObject)


def _plan(tp: Any) -> tuple[Converter | None, Converter | None]:
    """Decoder and encoder for values of type ``tp``; None means "keep as is"."""
    members = _strip_none(tp)
    if len(members) > 1:
        models = [m for m in members if _is_model(m) or typing.get_origin(m) is StripeList]
        if not models:
            return None, None  # e.g. Literal[...] | str: scalars pass through
        if len(models) == 1:
            dec, enc = _plan(models[0])
            assert dec is not None and enc is not None
            return _expandable(dec), enc
        return _construct, _deconstruct
    (tp,) = members
    if isinstance(tp, TypeVar) or tp is StripeObject:
        # Any Stripe object: the model is picked from its "object" key.
        return _construct, _deconstruct
    origin = typing.get_origin(tp)
    if _is_model(tp) or origin is StripeList:
        return _nullable(_codec(tp)), _deconstruct
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        dec, enc = _plan(item)
        if dec is None or enc is None:
            return None, None
        return _list_of(dec), _list_of(enc)
    if origin is dict:
        args = typing.get_args(tp)
        dec, enc = _plan(args[1] if args else Any)
        if dec is None or enc is None:
            return None, None
        return _dict_of(dec), _dict_of(enc)
    return None, None


def _nullable(codec: _Codec) -> Converter:
    def convert(value: Any) -> Any:
        return None if value is None else codec.decode(value)

    return convert


def _expandable(decode: Converter) -> Converter:
    # An id string (or anything that is not an object) stays as sent.
    def convert(value: Any) -> Any:
        return decode(value) if type(value) is dict else value

    return convert


def _list_of(item: Converter) -> Converter:
    def convert(value: Any) -> Any:
        if type(value) is list:
            return [item(v) for v in value]
        if value is None:
            return None
        raise InvalidResponseError(f"expected a JSON array, got {type(value).__name__}")

    return convert


def _dict_of(item: Converter) -> Converter:
    def convert(value: Any) -> Any:
        if type(value) is dict:
            return {k: item(v) for k, v in value.items()}
        if value is None:
            return None
        raise InvalidResponseError(f"expected a JSON object, got {type(value).__name__}")

    return convert


def _resolve_hints(cls: type) -> dict[str, Any]:
    from . import _all_models_namespace

    # Annotations may name models from other modules (imported only for type
    # checking there); resolve them against the whole models namespace.
    return typing.get_type_hints(cls, localns=_all_models_namespace())


def _compile(target: Any, codec: _Codec) -> None:
    origin = typing.get_origin(target)
    cls = origin if origin is not None else target
    if not (isinstance(cls, type) and issubclass(cls, StripeObject)):
        raise TypeError(f"{target!r} is not a stripe_lite model")
    hints = _resolve_hints(cls)
    substitutions: dict[Any, Any] = {}
    if origin is not None:
        params = getattr(cls, "__parameters__", ())
        substitutions = dict(zip(params, typing.get_args(target), strict=True))

    env: dict[str, Any] = {
        "_cls": cls,
        "_new": _new,
        "_M": _MISSING,
        "_bad": InvalidResponseError,
        "_dict": dict,
        "_gx": vars(StripeObject)["_extra"].__get__,
        "_clone": _clone,
        "_CONTAINERS": (dict, list),
    }
    fields = attrs.fields(typing.cast(Any, cls))
    wire_names = [f.metadata.get("wire", f.name) for f in fields]
    env["_known"] = frozenset(wire_names)
    dec_lines = [
        "def decode(d):",
        "    if type(d) is not _dict:",
        f"        raise _bad('expected a JSON object for {cls.__name__}, got ' + type(d).__name__)",
        "    o = _new(_cls)",
        "    n = 0",
    ]
    enc_lines = ["def encode(o):", "    d = {}"]
    for index, (field, wire) in enumerate(zip(fields, wire_names, strict=True)):
        tp = hints.get(field.name, Any)
        tp = substitutions.get(tp, tp)
        if substitutions and typing.get_origin(tp) is list:
            (item,) = typing.get_args(tp)
            tp = list[substitutions.get(item, item)]  # type: ignore[misc]
        dec, enc = _plan(tp)
        value_in = "v"
        value_out = "(_clone(v) if type(v) in _CONTAINERS else v)"
        if dec is not None and enc is not None:
            env[f"_d{index}"] = dec
            env[f"_e{index}"] = enc
            value_in = f"_d{index}(v)"
            value_out = f"_e{index}(v)"
        elif known_values := _literal_strings(tp):
            # Enum-like values repeat across thousands of objects: keep one
            # shared string per known value instead of the parser's copy.
            env[f"_l{index}"] = {value: value for value in known_values}
            value_in = f"(_l{index}.get(v, v) if type(v) is str else v)"
        dec_lines += [
            f"    v = d.get({wire!r}, _M)",
            "    if v is not _M:",
            f"        o.{field.name} = {value_in}",
            "        n += 1",
        ]
        # The slot descriptor itself: an unset slot raises at once, without
        # going through StripeObject.__getattr__.
        env[f"_g{index}"] = getattr(cls, field.name).__get__
        enc_lines += [
            "    try:",
            f"        v = _g{index}(o)",
            "    except AttributeError:",
            "        pass",
            "    else:",
            f"        d[{wire!r}] = {value_out}",
        ]
    dec_lines += [
        "    if n != len(d):",
        "        o._extra = {k: v for k, v in d.items() if k not in _known}",
        "    return o",
    ]
    enc_lines += [
        "    try:",
        "        d.update(_clone(_gx(o)))",
        "    except AttributeError:",
        "        pass",
        "    return d",
    ]
    namespace: dict[str, Any] = {}
    source = "\n".join(dec_lines) + "\n\n" + "\n".join(enc_lines) + "\n"
    exec(compile(source, f"<stripe_lite codec {cls.__name__}>", "exec"), env, namespace)
    codec.field_names = tuple(f.name for f in fields)
    codec.attr_names = frozenset(codec.field_names) | _SPARSE_FIELDS.get(cls, frozenset())
    codec.decode = namespace["decode"]
    codec.encode = namespace["encode"]
