"""Typed models of Stripe objects.

Every model is an attrs class with ``from_dict()`` and ``to_dict()``;
``to_dict()`` gives back exactly the JSON the object was decoded from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._base import StripeList, StripeObject, UnknownObject
from ._payment_intents import *  # noqa: F403
from ._payment_intents import PaymentIntent, PaymentIntentAmountDetailsLineItem
from ._payment_intents import __all__ as _payment_intents_all
from ._setup_intents import *  # noqa: F403
from ._setup_intents import SetupAttempt, SetupIntent
from ._setup_intents import __all__ as _setup_intents_all
from ._shared import *  # noqa: F403
from ._shared import PaymentMethod
from ._shared import __all__ as _shared_all

if TYPE_CHECKING:
    from ._converter import converter

# The one table from an object's "object" value to its model.
OBJECT_MODELS: dict[str, type[StripeObject]] = {
    "payment_intent": PaymentIntent,
    "payment_intent_amount_details_line_item": PaymentIntentAmountDetailsLineItem,
    "payment_method": PaymentMethod,
    "setup_attempt": SetupAttempt,
    "setup_intent": SetupIntent,
}


def construct(data: dict[str, Any]) -> StripeObject:
    """Decode any Stripe object, choosing the model from its ``"object"`` key.

    Objects this version does not model become an :class:`UnknownObject`,
    which keeps every field.
    """
    name = data.get("object")
    model = OBJECT_MODELS.get(name, UnknownObject) if isinstance(name, str) else UnknownObject
    return model.from_dict(data)


def _all_models_namespace() -> dict[str, Any]:
    return globals()


def __getattr__(name: str) -> Any:
    # cattrs loads only when the converter is first asked for.
    if name == "converter":
        from ._converter import converter

        return converter
    raise AttributeError(f"module 'stripe_lite.models' has no attribute {name!r}")


__all__ = [
    "OBJECT_MODELS",
    "StripeList",
    "StripeObject",
    "UnknownObject",
    "construct",
    "converter",
    *_payment_intents_all,
    *_setup_intents_all,
    *_shared_all,
]
