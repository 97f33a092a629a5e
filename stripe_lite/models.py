"""Typed models of Stripe objects, generated from Stripe's OpenAPI description.

    from stripe_lite.models import PaymentIntent, Customer

Every model has ``from_dict()`` and ``to_dict()``; ``to_dict()`` gives back
exactly the JSON the object was decoded from. A model's module loads the
first time its name is used here, so importing this module stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._generated.models import MODULES
from ._models import StripeList, StripeObject, UnknownObject, construct

if TYPE_CHECKING:
    from ._converter import converter
    from ._generated.models import *  # noqa: F403


def __getattr__(name: str) -> Any:
    module = MODULES.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"stripe_lite._generated.models.{module}"), name)
    elif name == "converter":  # cattrs loads only when the converter is first asked for
        from ._converter import converter as value
    else:
        raise AttributeError(f"module 'stripe_lite.models' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = ["StripeList", "StripeObject", "UnknownObject", "construct", "converter", *sorted(MODULES)]
