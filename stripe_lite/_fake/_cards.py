"""Stripe's test cards and test payment methods, and what each does when charged.

Source: Stripe's testing guide (docs.stripe.com/testing): the card numbers,
the ``pm_card_...`` and ``tok_...`` ids that stand for them, and the error
each decline answers with (``code``, ``decline_code``). Any other number that
passes the Luhn check is a card that succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DECLINES", "TEST_CARDS", "TEST_PAYMENT_METHODS", "TEST_TOKENS", "Card", "card_for_number"]


@dataclass(frozen=True)
class Card:
    number: str
    brand: str
    funding: str = "credit"
    country: str = "US"
    outcome: str = "success"
    """``success``, a key of :data:`DECLINES`, ``authentication_required`` (3D Secure on every payment),
    ``authentication_on_setup`` (on setup only) or ``charge_customer_fail`` (saving works, charging fails)."""

    @property
    def last4(self) -> str:
        return self.number[-4:]


@dataclass(frozen=True)
class Decline:
    code: str
    decline_code: str
    message: str


DECLINES: dict[str, Decline] = {
    "generic_decline": Decline("card_declined", "generic_decline", "Your card was declined."),
    "insufficient_funds": Decline("card_declined", "insufficient_funds", "Your card has insufficient funds."),
    "lost_card": Decline("card_declined", "lost_card", "Your card was declined."),
    "stolen_card": Decline("card_declined", "stolen_card", "Your card was declined."),
    "expired_card": Decline("expired_card", "expired_card", "Your card has expired."),
    "incorrect_cvc": Decline("incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."),
    "processing_error": Decline(
        "processing_error", "processing_error", "An error occurred while processing your card. Try again in a little bit."
    ),
    "card_velocity_exceeded": Decline(
        "card_declined",
        "card_velocity_exceeded",
        "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.",
    ),
    "fraudulent": Decline("card_declined", "fraudulent", "Your card was declined."),
}

_CARDS = [
    Card("4242424242424242", "visa"),
    Card("4000056655665556", "visa", "debit"),
    Card("5555555555554444", "mastercard"),
    Card("5200828282828210", "mastercard", "debit"),
    Card("5105105105105100", "mastercard", "prepaid"),
    Card("378282246310005", "amex"),
    Card("6011111111111117", "discover"),
    Card("3056930009020004", "diners"),
    Card("3566002020360505", "jcb"),
    Card("6200000000000005", "unionpay"),
    Card("4000000000000002", "visa", outcome="generic_decline"),
    Card("4000000000009995", "visa", outcome="insufficient_funds"),
    Card("4000000000009987", "visa", outcome="lost_card"),
    Card("4000000000009979", "visa", outcome="stolen_card"),
    Card("4000000000000069", "visa", outcome="expired_card"),
    Card("4000000000000127", "visa", outcome="incorrect_cvc"),
    Card("4000000000000119", "visa", outcome="processing_error"),
    Card("4000000000006975", "visa", outcome="card_velocity_exceeded"),
    Card("4100000000000019", "visa", outcome="fraudulent"),
    Card("4000000000000341", "visa", outcome="charge_customer_fail"),
    Card("4000002760003184", "visa", outcome="authentication_required"),
    Card("4000000000003220", "visa", outcome="authentication_required"),
    Card("4000002500003155", "visa", outcome="authentication_on_setup"),
    Card("4000000000003055", "visa"),
]
TEST_CARDS: dict[str, Card] = {card.number: card for card in _CARDS}

TEST_PAYMENT_METHODS: dict[str, str] = {
    "pm_card_visa": "4242424242424242",
    "pm_card_visa_debit": "4000056655665556",
    "pm_card_mastercard": "5555555555554444",
    "pm_card_mastercard_debit": "5200828282828210",
    "pm_card_mastercard_prepaid": "5105105105105100",
    "pm_card_amex": "378282246310005",
    "pm_card_discover": "6011111111111117",
    "pm_card_diners": "3056930009020004",
    "pm_card_jcb": "3566002020360505",
    "pm_card_unionpay": "6200000000000005",
    "pm_card_chargeDeclined": "4000000000000002",
    "pm_card_visa_chargeDeclined": "4000000000000002",
    "pm_card_chargeDeclinedInsufficientFunds": "4000000000009995",
    "pm_card_visa_chargeDeclinedInsufficientFunds": "4000000000009995",
    "pm_card_chargeDeclinedLostCard": "4000000000009987",
    "pm_card_visa_chargeDeclinedLostCard": "4000000000009987",
    "pm_card_chargeDeclinedStolenCard": "4000000000009979",
    "pm_card_visa_chargeDeclinedStolenCard": "4000000000009979",
    "pm_card_chargeDeclinedExpiredCard": "4000000000000069",
    "pm_card_chargeDeclinedIncorrectCvc": "4000000000000127",
    "pm_card_chargeDeclinedProcessingError": "4000000000000119",
    "pm_card_visa_chargeDeclinedVelocityLimitExceeded": "4000000000006975",
    "pm_card_chargeDeclinedFraudulent": "4100000000000019",
    "pm_card_radarBlock": "4100000000000019",
    "pm_card_chargeCustomerFail": "4000000000000341",
    "pm_card_authenticationRequired": "4000002760003184",
    "pm_card_threeDSecure2Required": "4000000000003220",
    "pm_card_authenticationRequiredOnSetup": "4000002500003155",
    "pm_card_threeDSecureOptional": "4000000000003055",
}
"""Stripe's test PaymentMethod ids: using one makes a new PaymentMethod for that card."""

TEST_TOKENS: dict[str, str] = {
    "tok_visa": "4242424242424242",
    "tok_visa_debit": "4000056655665556",
    "tok_mastercard": "5555555555554444",
    "tok_mastercard_debit": "5200828282828210",
    "tok_mastercard_prepaid": "5105105105105100",
    "tok_amex": "378282246310005",
    "tok_discover": "6011111111111117",
    "tok_diners": "3056930009020004",
    "tok_jcb": "3566002020360505",
    "tok_unionpay": "6200000000000005",
    "tok_chargeDeclined": "4000000000000002",
    "tok_visa_chargeDeclined": "4000000000000002",
    "tok_chargeDeclinedInsufficientFunds": "4000000000009995",
    "tok_chargeDeclinedExpiredCard": "4000000000000069",
    "tok_chargeDeclinedIncorrectCvc": "4000000000000127",
    "tok_chargeDeclinedProcessingError": "4000000000000119",
    "tok_chargeCustomerFail": "4000000000000341",
}
"""Stripe's test card tokens (for ``source=``): using one makes a new card."""

_BRANDS = (("4", "visa"), ("34", "amex"), ("37", "amex"), ("5", "mastercard"), ("2", "mastercard"),
           ("6011", "discover"), ("65", "discover"), ("35", "jcb"), ("30", "diners"), ("36", "diners"),
           ("62", "unionpay"))


def luhn(number: str) -> bool:
    digits = [int(d) for d in number]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def card_for_number(number: str) -> Card | None:
    """The test card with this number, or a card that succeeds; None for a number that is not a card."""
    number = number.replace(" ", "")
    known = TEST_CARDS.get(number)
    if known is not None:
        return known
    if not number.isdigit() or not 12 <= len(number) <= 19 or not luhn(number):
        return None
    brand = next((b for prefix, b in _BRANDS if number.startswith(prefix)), "unknown")
    return Card(number, brand)
