"""Typed models of Stripe objects.

Every model is an attrs class with ``from_dict()`` and ``to_dict()``;
``to_dict()`` gives back exactly the JSON the object was decoded from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._base import StripeList, StripeObject, UnknownObject
from ._financial_connections import *  # noqa: F403
from ._financial_connections import (
    FinancialConnectionsAccount,
    FinancialConnectionsAccountOwner,
    FinancialConnectionsAccountOwnership,
    FinancialConnectionsSession,
)
from ._financial_connections import __all__ as _financial_connections_all
from ._issuing import *  # noqa: F403
from ._issuing import IssuingCard, IssuingCardholder, IssuingPersonalizationDesign, IssuingPhysicalBundle
from ._issuing import __all__ as _issuing_all
from ._issuing_activity import *  # noqa: F403
from ._issuing_activity import IssuingDispute, IssuingSettlement, IssuingToken, IssuingTransaction
from ._issuing_activity import __all__ as _issuing_activity_all
from ._mandates import *  # noqa: F403
from ._mandates import Mandate, PaymentAttemptRecord
from ._mandates import __all__ as _mandates_all
from ._payment_intents import *  # noqa: F403
from ._payment_intents import PaymentIntent, PaymentIntentAmountDetailsLineItem
from ._payment_intents import __all__ as _payment_intents_all
from ._payment_links import *  # noqa: F403
from ._payment_links import LineItem, PaymentLink
from ._payment_links import __all__ as _payment_links_all
from ._payouts_refunds import *  # noqa: F403
from ._payouts_refunds import Payout, Refund
from ._payouts_refunds import __all__ as _payouts_refunds_all
from ._setup_intents import *  # noqa: F403
from ._setup_intents import SetupAttempt, SetupIntent
from ._setup_intents import __all__ as _setup_intents_all
from ._shared import *  # noqa: F403
from ._shared import PaymentMethod
from ._shared import __all__ as _shared_all
from ._tokens import *  # noqa: F403
from ._tokens import BankAccount, Card, ConfirmationToken, Token
from ._tokens import __all__ as _tokens_all

if TYPE_CHECKING:
    from ._converter import converter

# The one table from an object's "object" value to its model.
OBJECT_MODELS: dict[str, type[StripeObject]] = {
    "bank_account": BankAccount,
    "card": Card,
    "confirmation_token": ConfirmationToken,
    "financial_connections.account": FinancialConnectionsAccount,
    "financial_connections.account_owner": FinancialConnectionsAccountOwner,
    "financial_connections.account_ownership": FinancialConnectionsAccountOwnership,
    "financial_connections.session": FinancialConnectionsSession,
    "issuing.card": IssuingCard,
    "issuing.cardholder": IssuingCardholder,
    "issuing.dispute": IssuingDispute,
    "issuing.personalization_design": IssuingPersonalizationDesign,
    "issuing.physical_bundle": IssuingPhysicalBundle,
    "issuing.settlement": IssuingSettlement,
    "issuing.token": IssuingToken,
    "issuing.transaction": IssuingTransaction,
    "item": LineItem,
    # The legacy names of the Financial Connections objects, still sent by older paths and versions.
    "link_account_session": FinancialConnectionsSession,
    "linked_account": FinancialConnectionsAccount,
    "linked_account_owner": FinancialConnectionsAccountOwner,
    "linked_account_ownership": FinancialConnectionsAccountOwnership,
    "mandate": Mandate,
    "payment_attempt_record": PaymentAttemptRecord,
    "payment_intent": PaymentIntent,
    "payment_intent_amount_details_line_item": PaymentIntentAmountDetailsLineItem,
    "payment_link": PaymentLink,
    "payment_method": PaymentMethod,
    "payout": Payout,
    "refund": Refund,
    "setup_attempt": SetupAttempt,
    "setup_intent": SetupIntent,
    "token": Token,
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
    *_financial_connections_all,
    *_issuing_all,
    *_issuing_activity_all,
    *_mandates_all,
    *_payment_intents_all,
    *_payment_links_all,
    *_payouts_refunds_all,
    *_setup_intents_all,
    *_shared_all,
    *_tokens_all,
]
