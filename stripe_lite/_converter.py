"""A cattrs converter that knows stripe_lite's models.

Structuring a model uses the model's generated decoder (so unknown fields are
kept and absent ones stay absent); unstructuring gives back ``to_dict()``.
Everything else is cattrs' usual behaviour, so ``list[PaymentIntent]`` or
``dict[str, SetupIntent]`` work too.
"""

from __future__ import annotations

import typing
from typing import Any

import cattrs

from ._models import StripeList, StripeObject

__all__ = ["converter", "make_converter"]


def _is_model(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    if origin is StripeList:
        return True
    return isinstance(tp, type) and issubclass(tp, StripeObject)


def make_converter() -> cattrs.Converter:
    """A new cattrs converter with hooks for every stripe_lite model."""
    conv = cattrs.Converter()

    def structure_hook(tp: Any) -> Any:
        if typing.get_origin(tp) is StripeList:
            (item,) = typing.get_args(tp) or (Any,)
            return lambda data, _: StripeList._decode({**data, "data": [conv.structure(v, item) for v in data["data"]]})
        return lambda data, _: tp.from_dict(data)

    def unstructure_hook(tp: Any) -> Any:
        return lambda obj: obj.to_dict()

    conv.register_structure_hook_factory(_is_model, structure_hook)
    conv.register_unstructure_hook_factory(_is_model, unstructure_hook)
    return conv


converter = make_converter()
"""The shared converter; ``client.request(..., cast_to=T)`` uses it."""
