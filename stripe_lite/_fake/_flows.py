"""Flows: the operations that do more than keep state.

PaymentIntents (confirm, capture, cancel, with Stripe's test payment methods),
the Charges they make, PaymentMethods attached to Customers, SetupIntents and
their SetupAttempts, Refunds, Payouts, Issuing cards with the authorization
and transaction test helpers, Checkout Sessions and Payment Links,
Subscriptions made from their items, and the events list's filters. Each handler is registered for its operation with
:func:`flow`; every other operation is served by the generic handlers of
:class:`~stripe_lite._fake._core.Call`.

The statuses, transitions and error codes follow Stripe's documentation
(docs.stripe.com/payments/paymentintents/lifecycle, /testing, /error-codes).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable
from typing import Any

from ._cards import DECLINES, TEST_PAYMENT_METHODS, TEST_TOKENS, Card, card_for_number
from ._core import FLOWS, Call
from ._errors import Failure, card_error, invalid, not_found, unexpected_state
from ._ids import new_id, random_digits
from ._objects import SKIP, conform

__all__ = ["complete", "flow"]

Obj = dict[str, Any]
PI = "payment_intent"
SI = "setup_intent"
PM = "payment_method"

_MINIMUM_AMOUNTS = {"usd": 50, "eur": 50, "gbp": 30, "cad": 50, "aud": 50, "chf": 50, "jpy": 50, "mxn": 1000}
"""The smallest amount a card payment may take, per currency (docs.stripe.com/currencies#minimum-and-maximum-charge-amounts)."""


def flow(*keys: str) -> Callable[[Callable[[Call], Any]], Callable[[Call], Any]]:
    def register(handler: Callable[[Call], Any]) -> Callable[[Call], Any]:
        for key in keys:
            FLOWS[key] = handler
        return handler

    return register


def fill(call: Call, schema: str, field: str, values: Any, current: Any = None) -> Any:
    """``values`` as the field ``field`` of a ``schema`` object: its default with the values merged where they fit."""
    prop = call.spec.properties(schema)[field]
    fitted = conform(call.spec, prop, values, current)
    return current if fitted is SKIP else fitted


# -- payment methods -----------------------------------------------------------------------


def card_of(call: Call, pm_id: str) -> Card | None:
    card = call.account.private.get(pm_id, {}).get("card")
    return card if isinstance(card, Card) else None


def new_card_payment_method(call: Call, card: Card, params: Obj | None = None) -> Obj:
    pm = call.new(PM)
    call.merge(pm, PM, {k: v for k, v in (params or {}).items() if k not in ("card", "type")})
    year = 1970 + call.now() // 31_556_952 + 3
    pm["type"] = "card"
    details = {
        "brand": card.brand,
        "display_brand": card.brand,
        "country": card.country,
        "exp_month": 12,
        "exp_year": year,
        "fingerprint": new_id("", 16),
        "funding": card.funding,
        "last4": card.last4,
        "checks": {"address_line1_check": None, "address_postal_code_check": None, "cvc_check": "unchecked"},
        "networks": {"available": [card.brand], "preferred": None},
        "three_d_secure_usage": {"supported": True},
    }
    pm["card"] = fill(call, PM, "card", details)
    call.store(pm, PM, event=False)
    call.private(pm["id"])["card"] = card
    return pm


def resolve_payment_method(call: Call, ref: str, param: str) -> Obj:
    """The PaymentMethod a parameter names: a stored one, or a new one for a test id like ``pm_card_visa``."""
    number = TEST_PAYMENT_METHODS.get(ref)
    if number is not None:
        card = card_for_number(number)
        assert card is not None
        return new_card_payment_method(call, card)
    pm = call.find(ref)
    if pm is None or call.schema_of(ref) != PM:
        raise not_found("PaymentMethod", ref, param)
    return pm


@flow("POST /v1/payment_methods")
def create_payment_method(call: Call) -> Obj:
    params = call.params
    if params.get("type") != "card" or not isinstance(params.get("card"), dict):
        generic: Obj = call.generic()
        return generic
    given = params["card"]
    if "token" in given:
        number = TEST_TOKENS.get(given["token"])
        if number is None:
            raise invalid(f"No such token: '{given['token']}'", "card[token]", "resource_missing")
    else:
        number = str(given.get("number", ""))
    card = card_for_number(number)
    if card is None:
        raise card_error("incorrect_number", None, "Your card number is incorrect.", param="card[number]")
    pm = new_card_payment_method(call, card, params)
    if "exp_month" in given and "exp_year" in given:
        pm["card"]["exp_month"] = given["exp_month"]
        pm["card"]["exp_year"] = given["exp_year"]
    return pm


@flow("POST /v1/payment_methods/{payment_method}/attach")
def attach_payment_method(call: Call) -> Obj:
    customer_id = call.params["customer"]
    pm = resolve_payment_method(call, call.args["payment_method"], "payment_method")
    call.get(customer_id, "customer", "customer")
    if pm.get("customer") not in (None, customer_id):
        raise invalid(
            "The payment method you provided has already been attached to a customer.", "payment_method",
            "payment_method_unexpected_state", saved=True,
        )
    attach(call, pm, customer_id)
    return pm


def attach(call: Call, pm: Obj, customer_id: str) -> None:
    if pm.get("customer") == customer_id:
        return
    previous = {"customer": pm.get("customer")}
    pm["customer"] = customer_id
    call.record("payment_method.attached", pm, previous)


@flow("POST /v1/payment_methods/{payment_method}/detach")
def detach_payment_method(call: Call) -> Obj:
    pm = call.get(call.args["payment_method"], PM, "payment_method")
    if pm.get("customer") is None:
        raise invalid(
            "The payment method you provided is not attached to a customer so detachment is impossible.",
            "payment_method", "payment_method_unexpected_state", saved=True,
        )
    previous = {"customer": pm["customer"]}
    pm["customer"] = None
    call.record("payment_method.detached", pm, previous)
    return pm


# -- customers and their cards ---------------------------------------------------------------


def new_card_source(call: Call, token: str, customer_id: str | None, param: str) -> Obj:
    number = TEST_TOKENS.get(token)
    card = card_for_number(number) if number else None
    if card is None:
        raise invalid(f"No such token: '{token}'", param, "resource_missing", saved=True)
    source = call.new("card")
    source.update({"brand": card.brand.title() if card.brand != "amex" else "American Express",
                   "country": card.country, "exp_month": 12, "exp_year": 1970 + call.now() // 31_556_952 + 3,
                   "funding": card.funding, "last4": card.last4, "fingerprint": new_id("", 16)})
    call.merge(source, "card", {"customer": customer_id} if customer_id else {})
    call.store(source, "card", customer_id, event=False)
    call.private(source["id"])["card"] = card
    if customer_id is not None:
        call.account.included.setdefault((customer_id, "sources"), []).append(source["id"])
    return source


@flow("POST /v1/customers")
def create_customer(call: Call) -> Obj:
    params = dict(call.params)
    source = params.pop("source", None)
    pm_ref = params.pop("payment_method", None)
    customer = call.new("customer")
    call.merge(customer, "customer", params)
    call.store(customer, "customer")
    if source is not None:
        card = new_card_source(call, source, customer["id"], "source")
        customer["default_source"] = card["id"]
    if pm_ref is not None:
        attach(call, resolve_payment_method(call, pm_ref, "payment_method"), customer["id"])
    call.account.included.setdefault((customer["id"], "sources"), [])
    return customer


@flow("POST /v1/customers/{customer}/sources", "POST /v1/customers/{customer}/cards")
def add_customer_source(call: Call) -> Obj:
    customer = call.get(call.args["customer"], "customer", "customer")
    token = call.params.get("source") or call.params.get("card")
    if not isinstance(token, str):
        generic: Obj = call.generic()
        return generic
    card = new_card_source(call, token, customer["id"], "source")
    if customer.get("default_source") is None:
        call.update(customer, {"default_source": card["id"]})
    return card


# -- PaymentIntents ---------------------------------------------------------------------------

_CONFIRMABLE = ("requires_payment_method", "requires_confirmation", "requires_action")
_CANCELABLE = ("requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing")


def _listing(states: tuple[str, ...]) -> str:
    return ", ".join(states)


def _pi_state_error(pi: Obj, action: str, allowed: tuple[str, ...]) -> Failure:
    return unexpected_state(
        f"You cannot {action} this PaymentIntent because it has a status of {pi['status']}. Only a PaymentIntent with "
        f"one of the following statuses may be {action}{'ed' if not action.endswith('e') else 'd'}: {_listing(allowed)}.",
        "payment_intent_unexpected_state",
        pi,
        "payment_intent",
    )


@flow("POST /v1/payment_intents")
def create_payment_intent(call: Call) -> Obj:
    params = dict(call.params)
    amount, currency = params["amount"], params["currency"].lower()
    minimum = _MINIMUM_AMOUNTS.get(currency, 1)
    if amount < minimum:
        raise invalid(
            f"Amount must be at least {minimum} {currency} (in the currency's smallest unit).", "amount",
            "amount_too_small",
        )
    confirm = params.pop("confirm", False)
    pm_ref = params.pop("payment_method", None)
    pi = _new_intent(call, PI, params, pm_ref)
    pi["currency"] = currency
    call.store(pi, PI)
    if confirm:
        _confirm(call, pi, call.params)
    return pi


def _new_intent(call: Call, schema: str, params: Obj, pm_ref: str | None) -> Obj:
    """A PaymentIntent or SetupIntent from its parameters, before it is stored."""
    if "customer" in params:
        call.get(params["customer"], "customer", "customer")
    intent = call.new(schema)
    call.merge(intent, schema, params)
    if not intent.get("payment_method_types"):
        intent["payment_method_types"] = ["card"]
    if pm_ref is not None:
        intent["payment_method"] = resolve_payment_method(call, pm_ref, "payment_method")["id"]
        intent["status"] = "requires_confirmation"
    return intent


@flow("POST /v1/payment_intents/{intent}")
def update_payment_intent(call: Call) -> Obj:
    pi = call.get(call.args["intent"], PI, "intent")
    params = dict(call.params)
    if pi["status"] in ("succeeded", "canceled") and set(params) - {"metadata", "description", "receipt_email",
                                                                    "shipping", "expand"}:
        raise _pi_state_error(pi, "update", _CONFIRMABLE)
    pm_ref = params.pop("payment_method", None)
    previous = call.merge(pi, PI, params)
    if pm_ref is not None:
        previous["payment_method"] = pi["payment_method"]
        previous.setdefault("status", pi["status"])
        pi["payment_method"] = resolve_payment_method(call, pm_ref, "payment_method")["id"]
        pi["status"] = "requires_confirmation"
    if previous:
        call.record("payment_intent.updated", pi, previous)
    return pi


@flow("POST /v1/payment_intents/{intent}/confirm")
def confirm_payment_intent(call: Call) -> Obj:
    pi = call.get(call.args["intent"], PI, "intent")
    if pi["status"] not in _CONFIRMABLE:
        raise _pi_state_error(pi, "confirm", _CONFIRMABLE)
    params = dict(call.params)
    pm_ref = params.pop("payment_method", None)
    call.merge(pi, PI, {k: v for k, v in params.items() if k not in ("off_session", "return_url")})
    if pm_ref is not None:
        pi["payment_method"] = resolve_payment_method(call, pm_ref, "payment_method")["id"]
    _confirm(call, pi, call.params)
    return pi


def _confirm(call: Call, pi: Obj, params: Obj) -> None:
    pm_id = pi.get("payment_method")
    if not pm_id:
        raise unexpected_state(
            "You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent "
            "with a payment method, or confirm it again with one (payment_method=...).",
            "payment_intent_unexpected_state",
            pi,
            "payment_intent",
        )
    pm = call.get(pm_id, PM, "payment_method")
    card = card_of(call, pm_id)
    off_session = bool(params.get("off_session"))
    if pi.get("setup_future_usage") and pi.get("customer"):
        attach(call, pm, pi["customer"])
    if card is None:
        if pm.get("type") == "card":
            card = Card("4242424242424242", "visa")
        else:  # a bank debit and the like: settles later (FakeStripe.complete)
            charge = _charge(call, pi, pm, None, "pending")
            _set(call, pi, status="processing", latest_charge=charge["id"])
            call.record("payment_intent.processing", pi)
            return
    needs_auth = card.outcome == "authentication_required" or (
        card.outcome == "authentication_on_setup" and not call.private(pm_id).get("set_up")
    )
    if needs_auth and not call.private(pi["id"]).get("authenticated"):
        if off_session:
            _decline(call, pi, pm, card, "authentication_required")
        _require_action(call, pi, params.get("return_url"))
        return
    decline = card.outcome if card.outcome in DECLINES else None
    if card.outcome == "charge_customer_fail":
        decline = "generic_decline"
    if decline is not None:
        _decline(call, pi, pm, card, decline)
    _succeed(call, pi, pm, card)


def _set(call: Call, obj: Obj, **fields: Any) -> None:
    for name, value in fields.items():
        obj[name] = value


def _next_action(return_url: str | None, object_id: str) -> Obj:
    if return_url:
        return {"type": "redirect_to_url", "redirect_to_url": {
            "return_url": return_url, "url": f"https://hooks.stripe.com/3d_secure_2/hosted?setup_intent={object_id}"}}
    return {"type": "use_stripe_sdk", "use_stripe_sdk": {"type": "three_d_secure_redirect", "stripe_js": ""}}


def _require_action(call: Call, pi: Obj, return_url: str | None) -> None:
    pi["status"] = "requires_action"
    pi["next_action"] = fill(call, PI, "next_action", _next_action(return_url, pi["id"]))
    call.record("payment_intent.requires_action", pi)


def _decline(call: Call, pi: Obj, pm: Obj, card: Card, reason: str) -> None:
    if reason == "authentication_required":
        code, decline_code = "authentication_required", "authentication_required"
        message = "Your card was declined. This transaction requires authentication."
    else:
        facts = DECLINES[reason]
        code, decline_code, message = facts.code, facts.decline_code, facts.message
    charge = _charge(call, pi, pm, card, "failed", failure=(code, message))
    error = {"type": "card_error", "code": code, "decline_code": decline_code, "message": message,
             "charge": charge["id"], "payment_method": pm,
             "doc_url": f"https://stripe.com/docs/error-codes/{code.replace('_', '-')}"}
    pi["last_payment_error"] = fill(call, PI, "last_payment_error", error)
    pi["status"] = "requires_payment_method"
    pi["latest_charge"] = charge["id"]
    pi["next_action"] = None
    call.record("payment_intent.payment_failed", pi)
    raise card_error(code, decline_code, message, charge=charge["id"], payment_intent=_snapshot(pi),
                     payment_method=_snapshot(pm))


def _snapshot(obj: Obj) -> Obj:
    import marshal

    copied: Obj = marshal.loads(marshal.dumps(obj))
    return copied


def _succeed(call: Call, pi: Obj, pm: Obj, card: Card) -> None:
    manual = pi.get("capture_method") == "manual"
    charge = _charge(call, pi, pm, card, "succeeded", captured=not manual)
    pi["latest_charge"] = charge["id"]
    pi["last_payment_error"] = None
    pi["next_action"] = None
    if manual:
        pi["status"] = "requires_capture"
        pi["amount_capturable"] = pi["amount"]
        call.record("payment_intent.amount_capturable_updated", pi)
    else:
        pi["status"] = "succeeded"
        pi["amount_received"] = pi["amount"]
        call.record("payment_intent.succeeded", pi)


def _charge(call: Call, pi: Obj, pm: Obj, card: Card | None, status: str, *, captured: bool = False,
            failure: tuple[str, str] | None = None) -> Obj:
    charge = call.new("charge")
    amount = pi["amount"]
    charge.update({
        "amount": amount,
        "amount_captured": amount if captured else 0,
        "captured": captured,
        "currency": pi["currency"],
        "customer": pi.get("customer"),
        "description": pi.get("description"),
        "metadata": dict(pi.get("metadata") or {}),
        "paid": status == "succeeded",
        "payment_intent": pi["id"],
        "payment_method": pm["id"],
        "status": status,
        "receipt_url": f"https://pay.stripe.com/receipts/payment/{new_id('', 40)}",
        "calculated_statement_descriptor": "STRIPE_LITE FAKE",
    })
    charge["billing_details"] = fill(call, "charge", "billing_details", pm.get("billing_details") or {})
    details: Obj = {"type": pm.get("type") or "card"}
    if card is not None:
        details["card"] = {"brand": card.brand, "last4": card.last4, "country": card.country, "funding": card.funding,
                           "exp_month": (pm.get("card") or {}).get("exp_month", 12),
                           "exp_year": (pm.get("card") or {}).get("exp_year", 2030), "network": card.brand}
    charge["payment_method_details"] = fill(call, "charge", "payment_method_details", details)
    outcome: Obj | None
    if failure is not None:
        charge["failure_code"], charge["failure_message"] = failure
        outcome = {"network_status": "declined_by_network", "reason": failure[0], "risk_level": "normal",
                   "seller_message": "The bank did not return any further details with this decline.",
                   "type": "issuer_declined"}
    elif status == "succeeded":
        outcome = {"network_status": "approved_by_network", "reason": None, "risk_level": "normal",
                   "seller_message": "Payment complete.", "type": "authorized"}
    else:
        outcome = None
    if outcome is not None:
        charge["outcome"] = fill(call, "charge", "outcome", outcome)
    if captured:
        charge["balance_transaction"] = _balance_transaction(call, amount, pi["currency"], "charge", charge["id"])
    call.store(charge, "charge", event=False)
    call.record(f"charge.{status}", charge)
    return charge


def _balance_transaction(call: Call, amount: int, currency: str, kind: str, source: str) -> str:
    txn = call.new("balance_transaction")
    call.merge(txn, "balance_transaction", {
        "amount": amount, "currency": currency, "net": amount, "fee": 0, "type": kind, "source": source,
        "status": "pending", "available_on": call.now() + 2 * 86400, "reporting_category": kind,
    })
    call.store(txn, "balance_transaction", event=False)
    return str(txn["id"])


@flow("POST /v1/payment_intents/{intent}/capture")
def capture_payment_intent(call: Call) -> Obj:
    pi = call.get(call.args["intent"], PI, "intent")
    if pi["status"] != "requires_capture":
        raise unexpected_state(
            f"This PaymentIntent could not be captured because it has a status of {pi['status']}. Only a "
            "PaymentIntent with one of the following statuses may be captured: requires_capture.",
            "payment_intent_unexpected_state", pi, "payment_intent",
        )
    amount = call.params.get("amount_to_capture", pi["amount_capturable"])
    if amount > pi["amount_capturable"]:
        raise invalid(
            f"The amount to capture ({amount}) is greater than the amount capturable ({pi['amount_capturable']}).",
            "amount_to_capture", "amount_too_large", saved=True,
        )
    call.merge(pi, PI, {k: v for k, v in call.params.items() if k != "amount_to_capture"})
    charge = call.get(pi["latest_charge"], "charge")
    previous = {"captured": False, "amount_captured": 0}
    charge.update({"captured": True, "amount_captured": amount, "amount_refunded": pi["amount"] - amount,
                   "refunded": False})
    charge["balance_transaction"] = _balance_transaction(call, amount, charge["currency"], "charge", charge["id"])
    call.record("charge.captured", charge, previous)
    pi.update({"status": "succeeded", "amount_received": amount, "amount_capturable": 0})
    call.record("payment_intent.succeeded", pi)
    return pi


@flow("POST /v1/payment_intents/{intent}/cancel")
def cancel_payment_intent(call: Call) -> Obj:
    pi = call.get(call.args["intent"], PI, "intent")
    if pi["status"] not in _CANCELABLE:
        raise _pi_state_error(pi, "cancel", _CANCELABLE)
    if pi["status"] == "requires_capture" and pi.get("latest_charge"):
        charge = call.get(pi["latest_charge"], "charge")
        charge.update({"amount_refunded": charge["amount"], "refunded": True})
    pi.update({"status": "canceled", "canceled_at": call.now(), "amount_capturable": 0,
               "cancellation_reason": call.params.get("cancellation_reason", "requested_by_customer"),
               "next_action": None})
    call.record("payment_intent.canceled", pi)
    return pi


# -- SetupIntents ----------------------------------------------------------------------------


@flow("POST /v1/setup_intents")
def create_setup_intent(call: Call) -> Obj:
    params = dict(call.params)
    confirm = params.pop("confirm", False)
    pm_ref = params.pop("payment_method", None)
    si = _new_intent(call, SI, params, pm_ref)
    if si.get("usage") in (None, ""):
        si["usage"] = "off_session"
    call.store(si, SI)
    if confirm:
        _confirm_setup(call, si, call.params)
    return si


@flow("POST /v1/setup_intents/{intent}/confirm")
def confirm_setup_intent(call: Call) -> Obj:
    si = call.get(call.args["intent"], SI, "intent")
    if si["status"] not in _CONFIRMABLE:
        raise unexpected_state(
            f"You cannot confirm this SetupIntent because it has a status of {si['status']}. Only a SetupIntent with "
            f"one of the following statuses may be confirmed: {_listing(_CONFIRMABLE)}.",
            "setup_intent_unexpected_state", si, "setup_intent",
        )
    params = dict(call.params)
    pm_ref = params.pop("payment_method", None)
    call.merge(si, SI, {k: v for k, v in params.items() if k != "return_url"})
    if pm_ref is not None:
        si["payment_method"] = resolve_payment_method(call, pm_ref, "payment_method")["id"]
    _confirm_setup(call, si, call.params)
    return si


def _confirm_setup(call: Call, si: Obj, params: Obj) -> None:
    pm_id = si.get("payment_method")
    if not pm_id:
        raise unexpected_state(
            "You cannot confirm this SetupIntent because it's missing a payment method. Confirm it with one "
            "(payment_method=...).", "setup_intent_unexpected_state", si, "setup_intent",
        )
    pm = call.get(pm_id, PM, "payment_method")
    card = card_of(call, pm_id) or Card("4242424242424242", "visa")
    authenticated = call.private(si["id"]).get("authenticated")
    if card.outcome in ("authentication_required", "authentication_on_setup") and not authenticated:
        attempt = _setup_attempt(call, si, pm, card, "requires_action")
        si.update({"status": "requires_action", "latest_attempt": attempt["id"],
                   "next_action": fill(call, SI, "next_action", _next_action(params.get("return_url"), si["id"]))})
        call.record("setup_intent.requires_action", si)
        return
    if card.outcome in DECLINES:
        facts = DECLINES[card.outcome]
        error = {"type": "card_error", "code": facts.code, "decline_code": facts.decline_code,
                 "message": facts.message, "payment_method": pm}
        attempt = _setup_attempt(call, si, pm, card, "failed", error)
        si.update({"status": "requires_payment_method", "latest_attempt": attempt["id"], "next_action": None,
                   "last_setup_error": fill(call, SI, "last_setup_error", error)})
        call.record("setup_intent.setup_failed", si)
        raise card_error(facts.code, facts.decline_code, facts.message, setup_intent=_snapshot(si),
                         payment_method=_snapshot(pm))
    _finish_setup(call, si, pm, card)


def _finish_setup(call: Call, si: Obj, pm: Obj, card: Card) -> None:
    attempt = _setup_attempt(call, si, pm, card, "succeeded")
    si.update({"status": "succeeded", "latest_attempt": attempt["id"], "next_action": None, "last_setup_error": None})
    call.private(pm["id"])["set_up"] = True
    if si.get("customer"):
        attach(call, pm, si["customer"])
    call.record("setup_intent.succeeded", si)


def _setup_attempt(call: Call, si: Obj, pm: Obj, card: Card, status: str, error: Obj | None = None) -> Obj:
    attempt = call.new("setup_attempt")
    attempt.update({"setup_intent": si["id"], "payment_method": pm["id"], "status": status,
                    "usage": si.get("usage") or "off_session", "customer": si.get("customer")})
    details = {"type": "card", "card": {"brand": card.brand, "last4": card.last4, "country": card.country,
                                        "funding": card.funding}}
    attempt["payment_method_details"] = fill(call, "setup_attempt", "payment_method_details", details)
    if error is not None:
        attempt["setup_error"] = fill(call, "setup_attempt", "setup_error", error)
    call.store(attempt, "setup_attempt", si["id"], event=False)
    return attempt


@flow("POST /v1/setup_intents/{intent}/cancel")
def cancel_setup_intent(call: Call) -> Obj:
    si = call.get(call.args["intent"], SI, "intent")
    allowed = ("requires_payment_method", "requires_confirmation", "requires_action")
    if si["status"] not in allowed:
        raise unexpected_state(
            f"You cannot cancel this SetupIntent because it has a status of {si['status']}. Only a SetupIntent with "
            f"one of the following statuses may be canceled: {_listing(allowed)}.",
            "setup_intent_unexpected_state", si, "setup_intent",
        )
    call.merge(si, SI, call.params)
    si.update({"status": "canceled", "next_action": None})
    call.record("setup_intent.canceled", si)
    return si


# -- charges and refunds ---------------------------------------------------------------------


def _money(amount: int, currency: str) -> str:
    return f"{amount / 100:.2f} {currency.upper()}"


@flow("POST /v1/refunds", "POST /v1/charges/{charge}/refunds")
def create_refund(call: Call) -> Obj:
    params = dict(call.params)
    charge_id = call.args.get("charge") or params.get("charge")
    pi_id = params.get("payment_intent")
    if charge_id is None and pi_id is None:
        raise invalid("One of the following params should be provided for this request: payment_intent or charge.")
    if charge_id is None:
        pi = call.get(str(pi_id), PI, "payment_intent")
        if pi["status"] != "succeeded" or not pi.get("latest_charge"):
            raise invalid(f"This PaymentIntent ({pi_id}) does not have a successful charge to refund.",
                          "payment_intent", "charge_not_refundable", saved=True)
        charge_id = pi["latest_charge"]
    charge = call.get(charge_id, "charge", "charge")
    return _refund(call, charge, params)


def _refund(call: Call, charge: Obj, params: Obj) -> Obj:
    if charge["status"] != "succeeded" or not charge["captured"]:
        raise invalid(f"Charge {charge['id']} has not been captured: there is nothing to refund.", "charge",
                      "charge_not_refundable", saved=True)
    remaining = charge["amount_captured"] - charge["amount_refunded"] + (charge["amount"] - charge["amount_captured"])
    remaining = charge["amount"] - charge["amount_refunded"]
    if remaining <= 0:
        raise invalid(f"Charge {charge['id']} has already been refunded.", "charge", "charge_already_refunded",
                      saved=True)
    amount = params.get("amount", remaining)
    if amount > remaining:
        raise invalid(
            f"Refund amount ({_money(amount, charge['currency'])}) is greater than unrefunded amount on charge "
            f"({_money(remaining, charge['currency'])})", "amount", "amount_too_large", saved=True,
        )
    refund = call.new("refund")
    call.merge(refund, "refund", {k: v for k, v in params.items() if k not in ("charge", "payment_intent", "amount")})
    refund.update({"amount": amount, "charge": charge["id"], "currency": charge["currency"],
                   "payment_intent": charge.get("payment_intent"), "status": "succeeded"})
    refund["balance_transaction"] = _balance_transaction(call, -amount, charge["currency"], "refund", refund["id"])
    call.store(refund, "refund", charge["id"])
    previous = {"amount_refunded": charge["amount_refunded"], "refunded": charge["refunded"]}
    charge["amount_refunded"] += amount
    charge["refunded"] = charge["amount_refunded"] >= charge["amount"]
    call.record("charge.refunded", charge, previous)
    return refund


@flow("POST /v1/charges/{charge}/refund")
def refund_charge(call: Call) -> Obj:
    charge = call.get(call.args["charge"], "charge", "charge")
    _refund(call, charge, dict(call.params))
    return charge


@flow("POST /v1/refunds/{refund}/cancel")
def cancel_refund(call: Call) -> Obj:
    refund = call.get(call.args["refund"], "refund", "refund")
    if refund.get("status") != "requires_action":
        raise invalid(
            f"Refund {refund['id']} cannot be canceled because it has a status of {refund.get('status')}. Only "
            "refunds with a status of requires_action can be canceled.", "refund", "refund_unexpected_state",
            saved=True,
        )
    refund["status"] = "canceled"
    call.record("refund.updated", refund, {"status": "requires_action"})
    return refund


@flow("POST /v1/charges")
def create_charge(call: Call) -> Obj:
    params = dict(call.params)
    source = params.pop("source", None)
    customer_id = params.get("customer")
    card: Card | None = None
    if customer_id is not None:
        customer = call.get(customer_id, "customer", "customer")
        source = source or customer.get("default_source")
    if isinstance(source, str) and source in TEST_TOKENS:
        card = card_for_number(TEST_TOKENS[source])
    elif isinstance(source, str) and source in call.account.objects:
        card = card_of(call, source)
    if card is None:
        raise invalid("You must supply either a source or a customer with a default source.", "source",
                      "missing", saved=False)
    pi = {"id": None, "amount": params["amount"], "currency": params["currency"].lower(),
          "customer": customer_id, "description": params.get("description"), "metadata": params.get("metadata")}
    pm: Obj = {"id": None, "type": "card", "card": {}}
    failed = card.outcome in DECLINES or card.outcome == "charge_customer_fail"
    facts = DECLINES[card.outcome if card.outcome in DECLINES else "generic_decline"]
    charge = _charge(call, pi, pm, card, "failed" if failed else "succeeded",
                     captured=params.get("capture", True) and not failed,
                     failure=(facts.code, facts.message) if failed else None)
    charge["source"] = None
    charge.pop("source")
    if failed:
        raise card_error(facts.code, facts.decline_code, facts.message, charge=charge["id"])
    return charge


@flow("POST /v1/charges/{charge}/capture")
def capture_charge(call: Call) -> Obj:
    charge = call.get(call.args["charge"], "charge", "charge")
    if charge["captured"] or charge["status"] != "succeeded":
        raise invalid(f"Charge {charge['id']} has already been captured.", "charge", "charge_already_captured",
                      saved=True)
    amount = call.params.get("amount", charge["amount"])
    charge.update({"captured": True, "amount_captured": amount, "amount_refunded": charge["amount"] - amount})
    call.record("charge.captured", charge, {"captured": False})
    return charge


# -- payouts ----------------------------------------------------------------------------------


@flow("POST /v1/payouts")
def create_payout(call: Call) -> Obj:
    payout = call.new("payout")
    call.merge(payout, "payout", call.params)
    payout.update({"currency": call.params["currency"].lower(), "status": "pending",
                   "arrival_date": call.now() + 2 * 86400, "automatic": False, "type": "bank_account",
                   "method": call.params.get("method", "standard")})
    payout["balance_transaction"] = _balance_transaction(call, -payout["amount"], payout["currency"], "payout",
                                                         payout["id"])
    return call.store(payout, "payout")


@flow("POST /v1/payouts/{payout}/cancel")
def cancel_payout(call: Call) -> Obj:
    payout = call.get(call.args["payout"], "payout", "payout")
    if payout["status"] != "pending":
        raise invalid(f"Payout {payout['id']} cannot be canceled: it has a status of {payout['status']}, and only "
                      "pending payouts can be canceled.", "payout", "payout_not_cancelable", saved=True)
    payout["status"] = "canceled"
    call.record("payout.canceled", payout, {"status": "pending"})
    return payout


@flow("POST /v1/payouts/{payout}/reverse")
def reverse_payout(call: Call) -> Obj:
    payout = call.get(call.args["payout"], "payout", "payout")
    if payout["status"] != "paid":
        raise invalid(f"Payout {payout['id']} cannot be reversed: it has a status of {payout['status']}, and only "
                      "paid payouts can be reversed.", "payout", "payout_not_reversible", saved=True)
    reversal = call.new("payout")
    call.merge(reversal, "payout", call.params)
    reversal.update({"amount": payout["amount"], "currency": payout["currency"], "status": "pending",
                     "original_payout": payout["id"], "arrival_date": call.now() + 2 * 86400, "type": payout["type"],
                     "method": payout["method"]})
    call.store(reversal, "payout")
    previous = {"reversed_by": payout.get("reversed_by")}
    payout["reversed_by"] = reversal["id"]
    call.record("payout.updated", payout, previous)
    return reversal


# -- Issuing ----------------------------------------------------------------------------------

IC = "issuing.card"
IA = "issuing.authorization"
IT = "issuing.transaction"


@flow("POST /v1/issuing/cards")
def create_issuing_card(call: Call) -> Obj:
    params = dict(call.params)
    holder = call.get(params.pop("cardholder", ""), "issuing.cardholder", "cardholder") if params.get(
        "cardholder") else None
    if holder is None:
        raise invalid("Missing required param: cardholder.", "cardholder", "parameter_missing")
    card = call.new(IC)
    call.merge(card, IC, params)
    card.pop("number", None)
    card.pop("cvc", None)
    card.update({"cardholder": _snapshot(holder), "brand": "Visa", "last4": random_digits(4), "exp_month": 12,
                 "exp_year": 1970 + call.now() // 31_556_952 + 3, "status": params.get("status", "inactive"),
                 "currency": params["currency"].lower()})
    return call.store(card, IC)


def _authorization(call: Call, card: Obj, amount: int, params: Obj) -> Obj:
    auth = call.new(IA)
    call.merge(auth, IA, {k: v for k, v in params.items() if k not in ("card", "amount")})
    active = card["status"] == "active" and card["cardholder"].get("status") == "active"
    currency = card["currency"]
    reason = "webhook_approved" if active else "card_inactive"
    history = {"amount": amount, "approved": active, "created": call.now(), "currency": currency,
               "merchant_amount": amount, "merchant_currency": currency, "reason": reason}
    auth.update({"amount": amount if active else 0, "approved": active, "card": _snapshot(card),
                 "cardholder": card["cardholder"]["id"], "currency": currency, "merchant_amount": amount,
                 "merchant_currency": params.get("currency", currency), "status": "pending" if active else "closed",
                 "request_history": [fill(call, IA, "request_history", [history])[0]]})
    auth["merchant_data"] = fill(call, IA, "merchant_data", {"name": "FAKE MERCHANT", "category": "misc",
                                                              "category_code": "5999", "network_id": "1234567890",
                                                              **params.get("merchant_data", {})})
    return call.store(auth, IA)


@flow("POST /v1/test_helpers/issuing/authorizations")
def create_test_authorization(call: Call) -> Obj:
    card = call.get(call.params["card"], IC, "card")
    amount = call.params.get("amount", 1000)
    return _authorization(call, card, amount, call.params)


def _pending_authorization(call: Call) -> Obj:
    auth = call.get(call.args["authorization"], IA, "authorization")
    if auth["status"] != "pending":
        raise invalid(
            f"This authorization has a status of {auth['status']}; only a pending authorization can be changed.",
            "authorization", "authorization_unexpected_state", saved=True,
        )
    return auth


def _transaction(call: Call, card: Obj, amount: int, kind: str, auth: Obj | None, params: Obj) -> Obj:
    txn = call.new(IT)
    call.merge(txn, IT, {k: v for k, v in params.items() if k in ("merchant_data", "purchase_details")})
    txn.update({"amount": amount, "type": kind, "card": card["id"], "cardholder": card["cardholder"]["id"],
                "currency": card["currency"], "merchant_amount": amount, "merchant_currency": card["currency"],
                "authorization": auth["id"] if auth else None})
    if auth is not None:
        txn["merchant_data"] = _snapshot(auth["merchant_data"])
    else:
        txn["merchant_data"] = fill(call, IT, "merchant_data", {"name": "FAKE MERCHANT", "category": "misc",
                                                                 "category_code": "5999", "network_id": "1234567890",
                                                                 **params.get("merchant_data", {})})
    return call.store(txn, IT)


@flow("POST /v1/test_helpers/issuing/authorizations/{authorization}/capture")
def capture_authorization(call: Call) -> Obj:
    auth = _pending_authorization(call)
    amount = int(call.params["capture_amount"] if "capture_amount" in call.params else auth["amount"])
    card = call.get(auth["card"]["id"], IC)
    txn = _transaction(call, card, -amount, "capture", auth, call.params)
    previous = {"status": "pending", "amount": auth["amount"]}
    auth.update({"status": "closed", "amount": 0})
    auth["transactions"].append(_snapshot(txn))
    call.record("issuing_authorization.updated", auth, previous)
    return auth


def _change_authorization(call: Call, changes: Callable[[Obj], None]) -> Obj:
    auth = _pending_authorization(call)
    previous = {"status": auth["status"], "amount": auth["amount"]}
    changes(auth)
    call.record("issuing_authorization.updated", auth, previous)
    return auth


@flow("POST /v1/test_helpers/issuing/authorizations/{authorization}/expire")
def expire_authorization(call: Call) -> Obj:
    return _change_authorization(call, lambda auth: auth.update({"status": "closed", "amount": 0}))


@flow("POST /v1/test_helpers/issuing/authorizations/{authorization}/reverse")
def reverse_authorization(call: Call) -> Obj:
    def reverse(auth: Obj) -> None:
        amount = call.params.get("reverse_amount", auth["amount"])
        auth["amount"] = max(0, auth["amount"] - amount)
        if auth["amount"] == 0:
            auth["status"] = "reversed"

    return _change_authorization(call, reverse)


@flow("POST /v1/test_helpers/issuing/authorizations/{authorization}/increment")
def increment_authorization(call: Call) -> Obj:
    return _change_authorization(
        call, lambda auth: auth.update({"amount": auth["amount"] + call.params["increment_amount"]})
    )


@flow("POST /v1/test_helpers/issuing/authorizations/{authorization}/finalize_amount")
def finalize_authorization(call: Call) -> Obj:
    return _change_authorization(call, lambda auth: auth.update({"amount": call.params["final_amount"]}))


@flow("POST /v1/issuing/authorizations/{authorization}/approve", "POST /v1/issuing/authorizations/{authorization}/decline")
def decide_authorization(call: Call) -> Obj:
    approve = call.op.verb == "approve"

    def decide(auth: Obj) -> None:
        call.merge(auth, IA, call.params)
        auth["approved"] = approve
        if not approve:
            auth.update({"status": "closed", "amount": 0})

    return _change_authorization(call, decide)


@flow("POST /v1/test_helpers/issuing/transactions/create_force_capture")
def force_capture(call: Call) -> Obj:
    card = call.get(call.params["card"], IC, "card")
    return _transaction(call, card, -call.params["amount"], "capture", None, call.params)


@flow("POST /v1/test_helpers/issuing/transactions/create_unlinked_refund")
def unlinked_refund(call: Call) -> Obj:
    card = call.get(call.params["card"], IC, "card")
    return _transaction(call, card, call.params["amount"], "refund", None, call.params)


@flow("POST /v1/test_helpers/issuing/transactions/{transaction}/refund")
def refund_issuing_transaction(call: Call) -> Obj:
    txn = call.get(call.args["transaction"], IT, "transaction")
    card = call.get(txn["card"], IC)
    amount = call.params.get("refund_amount", -txn["amount"])
    return _transaction(call, card, amount, "refund", None, {"merchant_data": txn.get("merchant_data") or {}})


# -- Checkout and Payment Links ----------------------------------------------------------------


def _line_items(call: Call, owner: str, items: list[Obj], param: str) -> tuple[list[str], int, str | None]:
    ids: list[str] = []
    total = 0
    currency: str | None = None
    for index, given in enumerate(items):
        quantity = given.get("quantity", 1)
        if "price" in given:
            price = call.get(given["price"], "price", f"{param}[{index}][price]")
        elif "price_data" in given:
            data = dict(given["price_data"])
            product_data = data.pop("product_data", None)
            price = call.new("price")
            call.merge(price, "price", data)
            if product_data is not None:
                product = call.new("product")
                call.merge(product, "product", product_data)
                call.store(product, "product", event=False)
                price["product"] = product["id"]
            price["active"] = False
            call.store(price, "price", event=False)
        else:
            raise invalid(f"Missing required param: {param}[{index}][price].", f"{param}[{index}][price]",
                          "parameter_missing")
        unit = price.get("unit_amount") or 0
        currency = currency or price.get("currency")
        named = call.account.objects.get(price.get("product") or "")
        item = call.new("item")
        item.update({"quantity": quantity, "currency": price.get("currency") or "", "amount_subtotal": unit * quantity,
                     "amount_total": unit * quantity, "price": _snapshot(price),
                     # Stripe describes a line by its product's name.
                     "description": named.get("name") if named else None})
        call.store(item, "item", owner, event=False)
        ids.append(item["id"])
        total += unit * quantity
    call.account.included[(owner, "line_items")] = ids
    return ids, total, currency


@flow("POST /v1/checkout/sessions")
def create_checkout_session(call: Call) -> Obj:
    params = dict(call.params)
    items = params.pop("line_items", [])
    mode = params.get("mode", "payment")
    if mode == "payment" and not items:
        raise invalid("You must provide at least one line item in payment mode.", "line_items", "parameter_missing")
    session = call.new("checkout.session")
    session["id"] = new_id("cs_test_", 58)
    call.merge(session, "checkout.session", params)
    _, total, currency = _line_items(call, session["id"], items, "line_items")
    session.update({
        "mode": mode, "status": "open", "payment_status": "unpaid" if mode != "setup" else "no_payment_required",
        "amount_subtotal": total, "amount_total": total, "currency": params.get("currency", currency),
        "url": f"https://checkout.stripe.com/c/pay/{session['id']}", "expires_at": params.get(
            "expires_at", call.now() + 86400),
    })
    if not session.get("payment_method_types"):
        session["payment_method_types"] = ["card"]
    return call.store(session, "checkout.session")


@flow("POST /v1/checkout/sessions/{session}/expire")
def expire_checkout_session(call: Call) -> Obj:
    session = call.get(call.args["session"], "checkout.session", "session")
    if session["status"] != "open":
        raise invalid(
            f"This Checkout Session has a status of {session['status']}; only an open session can be expired.",
            "session", "checkout_session_unexpected_state", saved=True,
        )
    session.update({"status": "expired", "url": None})
    call.record("checkout.session.expired", session, {"status": "open"})
    return session


def _complete_checkout(call: Call, session: Obj, success: bool) -> Obj:
    if session["status"] != "open":
        raise invalid(f"The Checkout Session {session['id']} is not open.")
    if not success:
        session.update({"status": "expired", "url": None})
        call.record("checkout.session.expired", session, {"status": "open"})
        return session
    if session["mode"] == "payment":
        pm = new_card_payment_method(call, Card("4242424242424242", "visa"))
        pi = call.new(PI)
        pi.update({"amount": session["amount_total"] or 0, "currency": session.get("currency") or "usd",
                   "customer": session.get("customer"), "payment_method": pm["id"], "payment_method_types": ["card"],
                   "metadata": dict(session.get("metadata") or {})})
        call.store(pi, PI)
        _succeed(call, pi, pm, Card("4242424242424242", "visa"))
        session["payment_intent"] = pi["id"]
        session["payment_status"] = "paid"
    previous = {"status": "open"}
    session.update({"status": "complete", "url": None})
    call.record("checkout.session.completed", session, previous)
    return session


@flow("POST /v1/payment_links")
def create_payment_link(call: Call) -> Obj:
    params = dict(call.params)
    items = params.pop("line_items")
    link = call.new("payment_link")
    call.merge(link, "payment_link", params)
    _line_items(call, link["id"], items, "line_items")
    link.update({"active": True, "url": f"https://buy.stripe.com/test_{new_id('', 14)}"})
    return call.store(link, "payment_link")


# -- subscriptions ----------------------------------------------------------------------------

_MONTH = 30 * 86400
_PERIODS = {"day": 86400, "week": 7 * 86400, "month": _MONTH, "year": 365 * 86400}


def _price_for(call: Call, given: Obj, param: str) -> Obj:
    if "price" in given:
        return call.get(given["price"], "price", f"{param}[price]")
    if "price_data" in given:
        price = call.new("price")
        call.merge(price, "price", given["price_data"])
        call.store(price, "price", event=False)
        return price
    raise invalid(f"Missing required param: {param}[price].", f"{param}[price]", "parameter_missing")


@flow("POST /v1/subscriptions")
def create_subscription(call: Call) -> Obj:
    """A subscription whose items are made from ``items``, active when the customer can be charged.

    The first period starts now and lasts the first price's interval (a month by default);
    without a payment method to charge (the parameter, or the customer's default), the
    subscription is ``incomplete``, as Stripe leaves it until the first invoice is paid.
    """
    params = dict(call.params)
    items = params.pop("items", [])  # optional in the description, as Stripe's reference has it
    # A customer, or a customer account (newer accounts): both optional in the description.
    customer = call.get(params["customer"], "customer", "customer") if "customer" in params else {}
    subscription = call.new("subscription")
    call.merge(subscription, "subscription", params)
    start = call.now()
    created_items: list[Obj] = []
    for index, given in enumerate(items):
        price = _price_for(call, given, f"items[{index}]")
        interval = (price.get("recurring") or {}).get("interval", "month")
        count = (price.get("recurring") or {}).get("interval_count", 1) or 1
        item = call.new("subscription_item")
        item.update({"subscription": subscription["id"], "price": _snapshot(price),
                     "quantity": given.get("quantity", 1), "metadata": dict(given.get("metadata") or {}),
                     "current_period_start": start, "current_period_end": start + _PERIODS.get(interval, _MONTH) * count})
        call.store(item, "subscription_item", event=False)
        created_items.append(item)
    if customer:
        subscription["customer"] = customer["id"]
    settings = customer.get("invoice_settings") or {}
    chargeable = params.get("default_payment_method") or settings.get("default_payment_method")
    subscription.update({
        "status": "active" if chargeable else "incomplete",
        "start_date": start, "billing_cycle_anchor": start,
        "currency": (created_items[0]["price"].get("currency") if created_items else None)
        or subscription.get("currency"),
        "items": {"object": "list", "data": created_items, "has_more": False,
                  "url": f"/v1/subscription_items?subscription={subscription['id']}"},
    })
    call.store(subscription, "subscription", event=False)
    call.record("customer.subscription.created", subscription)
    return subscription


@flow("GET /v1/subscriptions")
def list_subscriptions(call: Call) -> Obj:
    """Stripe leaves canceled subscriptions out unless asked for them; ``status=all`` lists every one."""
    items = call.candidates(["subscription"])
    status = call.params.get("status")
    if status is None:
        items = [s for s in items if s.get("status") != "canceled"]
    elif status != "all":
        items = [s for s in items if s.get("status") == status]
    customer = call.params.get("customer")
    if customer is not None:
        items = [s for s in items if s.get("customer") == customer]
    price = call.params.get("price")
    if price is not None:
        items = [s for s in items if any(i["price"].get("id") == price for i in s["items"]["data"])]
    return call.page(items)


@flow("POST /v1/prices")
def create_price(call: Call) -> Obj:
    """A price; a recurring one bills every ``interval_count`` intervals, once by default, as Stripe's does."""
    price = call.new("price")
    call.merge(price, "price", call.params)
    recurring = price.get("recurring")
    if isinstance(recurring, dict):
        recurring["interval_count"] = call.params["recurring"].get("interval_count", 1)
        recurring["usage_type"] = call.params["recurring"].get("usage_type", "licensed")
    price["type"] = "recurring" if recurring else "one_time"
    return call.store(price, "price")


# -- events -----------------------------------------------------------------------------------


@flow("GET /v1/events")
def list_events(call: Call) -> Obj:
    items = call.candidates(["event"])
    wanted = call.params.get("type")
    if wanted is not None:
        items = [e for e in items if fnmatch.fnmatchcase(e["type"], wanted)]
    types = call.params.get("types")
    if types:
        items = [e for e in items if e["type"] in types]
    created = call.params.get("created")
    if created is not None:
        bounds = created if isinstance(created, dict) else {"gte": created, "lte": created}
        items = [e for e in items if all(
            {"gt": e["created"] > v, "gte": e["created"] >= v, "lt": e["created"] < v, "lte": e["created"] <= v}[k]
            for k, v in bounds.items())]
    return call.page(items)


@flow("POST /v1/webhook_endpoints")
def create_webhook_endpoint(call: Call) -> Obj:
    endpoint = call.new("webhook_endpoint")
    call.merge(endpoint, "webhook_endpoint", call.params)
    endpoint.update({"secret": new_id("whsec_", 32), "status": "enabled"})
    return call.store(endpoint, "webhook_endpoint")


# -- completing what a customer or a bank would ---------------------------------------------------


def complete(call: Call, object_id: str, success: bool) -> Obj:
    """FakeStripe.complete: finish an authentication, a payment that is processing, a payout, a checkout."""
    obj = call.find(object_id)
    if obj is None:
        raise not_found("object", object_id, None)
    schema = call.schema_of(object_id)
    status = obj.get("status")
    if schema == PI and status == "requires_action":
        if not success:
            pm = call.get(obj["payment_method"], PM)
            error = {"type": "invalid_request_error", "code": "payment_intent_authentication_failure",
                     "message": "The provided PaymentMethod has failed authentication.", "payment_method": pm}
            obj.update({"status": "requires_payment_method", "next_action": None,
                        "last_payment_error": fill(call, PI, "last_payment_error", error)})
            call.record("payment_intent.payment_failed", obj)
            return obj
        call.private(object_id)["authenticated"] = True
        try:
            _confirm(call, obj, {})
        except Failure:
            pass  # the decline is recorded on the PaymentIntent, as after a customer's confirmation
        return obj
    if schema == PI and status == "processing":
        charge = call.get(obj["latest_charge"], "charge")
        if success:
            charge.update({"status": "succeeded", "paid": True, "captured": True, "amount_captured": charge["amount"]})
            call.record("charge.succeeded", charge)
            obj.update({"status": "succeeded", "amount_received": obj["amount"]})
            call.record("payment_intent.succeeded", obj)
        else:
            charge.update({"status": "failed", "failure_code": "insufficient_funds",
                           "failure_message": "The account has insufficient funds."})
            call.record("charge.failed", charge)
            obj["status"] = "requires_payment_method"
            call.record("payment_intent.payment_failed", obj)
        return obj
    if schema == SI and status == "requires_action":
        pm = call.get(obj["payment_method"], PM)
        if not success:
            obj.update({"status": "requires_payment_method", "next_action": None})
            call.record("setup_intent.setup_failed", obj)
            return obj
        _finish_setup(call, obj, pm, card_of(call, pm["id"]) or Card("4242424242424242", "visa"))
        return obj
    if schema == "payout" and status in ("pending", "in_transit"):
        if success:
            obj["status"] = "paid"
            call.record("payout.paid", obj, {"status": status})
        else:
            obj.update({"status": "failed", "failure_code": "account_closed",
                        "failure_message": "The bank account has been closed."})
            call.record("payout.failed", obj, {"status": status})
        return obj
    if schema == "checkout.session":
        return _complete_checkout(call, obj, success)
    raise invalid(f"There is nothing to complete for {object_id} (a {schema} with a status of {status}).")
