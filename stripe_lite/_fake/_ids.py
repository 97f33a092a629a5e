"""Ids as Stripe writes them: a prefix per kind of object, then random letters and digits.

The description says what an object is, not how its id starts, so the prefixes
are a table. Source: the ids in the example objects of Stripe's API reference
(docs.stripe.com/api) and in the objects its test mode returns, as of API
version 2026-05-27.dahlia. An object missing from the table gets a prefix by
rule (:func:`prefix_for`): the initials of its name's words (``radar.payment_evaluation``
-> ``rpe_``), or the first three letters of a one-word name (``mandate`` -> ``man_``).
"""

from __future__ import annotations

import random
import re
import string

__all__ = ["PREFIXES", "new_id", "prefix_for"]

PREFIXES: dict[str, str] = {
    "account": "acct_",
    "apple_pay_domain": "apwc_",
    "application": "ca_",
    "application_fee": "fee_",
    "balance_transaction": "txn_",
    "bank_account": "ba_",
    "billing.alert": "alrt_",
    "billing.credit_balance_transaction": "cbtxn_",
    "billing.credit_grant": "credgr_",
    "billing.meter": "mtr_",
    "billing.meter_event_adjustment": "mtr_adj_",
    "billing_portal.configuration": "bpc_",
    "billing_portal.session": "bps_",
    "card": "card_",
    "charge": "ch_",
    "checkout.session": "cs_test_",
    "climate.order": "climorder_",
    "climate.product": "climsku_",
    "climate.supplier": "climsup_",
    "confirmation_token": "ctoken_",
    "coupon": "co_",
    "credit_note": "cn_",
    "credit_note_line_item": "cnli_",
    "customer": "cus_",
    "customer_balance_transaction": "cbtxn_",
    "customer_cash_balance_transaction": "ccsbtxn_",
    "discount": "di_",
    "dispute": "dp_",
    "entitlements.active_entitlement": "ent_",
    "entitlements.feature": "feat_",
    "ephemeral_key": "ephkey_",
    "event": "evt_",
    "fee_refund": "fr_",
    "file": "file_",
    "file_link": "link_",
    "financial_connections.account": "fca_",
    "financial_connections.account_owner": "fcaowner_",
    "financial_connections.account_ownership": "fcaowns_",
    "financial_connections.session": "fcsess_",
    "financial_connections.transaction": "fctxn_",
    "forwarding.request": "fwdreq_",
    "identity.verification_report": "vr_",
    "identity.verification_session": "vs_",
    "invoice": "in_",
    "invoice_payment": "inpay_",
    "invoice_rendering_template": "inrtem_",
    "invoiceitem": "ii_",
    "issuing.authorization": "iauth_",
    "issuing.card": "ic_",
    "issuing.cardholder": "ich_",
    "issuing.dispute": "idp_",
    "issuing.personalization_design": "ipcd_",
    "issuing.physical_bundle": "ics_",
    "issuing.settlement": "ise_",
    "issuing.token": "intok_",
    "issuing.transaction": "ipi_",
    "item": "li_",
    "line_item": "il_",
    "login_link": "lael_",
    "mandate": "mandate_",
    "payment_attempt_record": "par_",
    "payment_intent": "pi_",
    "payment_link": "plink_",
    "payment_method": "pm_",
    "payment_method_configuration": "pmc_",
    "payment_method_domain": "pmd_",
    "payment_record": "pr_",
    "payout": "po_",
    "person": "person_",
    "plan": "price_",
    "price": "price_",
    "product": "prod_",
    "product_feature": "prodft_",
    "promotion_code": "promo_",
    "quote": "qt_",
    "radar.early_fraud_warning": "issfr_",
    "radar.value_list": "rsl_",
    "radar.value_list_item": "rsli_",
    "refund": "re_",
    "reporting.report_run": "frr_",
    "review": "prv_",
    "scheduled_query_run": "sqr_",
    "setup_attempt": "setatt_",
    "setup_intent": "seti_",
    "shipping_rate": "shr_",
    "source": "src_",
    "subscription": "sub_",
    "subscription_item": "si_",
    "subscription_schedule": "sub_sched_",
    "tax.calculation": "taxcalc_",
    "tax.registration": "taxreg_",
    "tax.transaction": "tax_",
    "tax_code": "txcd_",
    "tax_id": "txi_",
    "tax_rate": "txr_",
    "terminal.configuration": "tmc_",
    "terminal.location": "tml_",
    "terminal.reader": "tmr_",
    "test_helpers.test_clock": "clock_",
    "token": "tok_",
    "topup": "tu_",
    "transfer": "tr_",
    "transfer_reversal": "trr_",
    "treasury.credit_reversal": "credrev_",
    "treasury.debit_reversal": "debrev_",
    "treasury.financial_account": "fa_",
    "treasury.inbound_transfer": "ibt_",
    "treasury.outbound_payment": "obp_",
    "treasury.outbound_transfer": "obt_",
    "treasury.received_credit": "rc_",
    "treasury.received_debit": "rd_",
    "treasury.transaction": "trxn_",
    "treasury.transaction_entry": "trxne_",
    "webhook_endpoint": "we_",
}

_ALPHABET = string.ascii_letters + string.digits
_WORDS = re.compile(r"[._]")
_random = random.Random()


def prefix_for(object_name: str) -> str:
    """The prefix of the ids of ``object_name``: from :data:`PREFIXES`, else by the rule above."""
    known = PREFIXES.get(object_name)
    if known is not None:
        return known
    words = [w for w in _WORDS.split(object_name) if w]
    if len(words) == 1:
        return words[0][:3] + "_"
    return "".join(w[0] for w in words) + "_"


def new_id(prefix: str, length: int = 24) -> str:
    """``prefix`` and ``length`` random letters and digits (Stripe's ids are 24 after the prefix)."""
    return prefix + "".join(_random.choices(_ALPHABET, k=length))


def random_digits(count: int) -> str:
    return "".join(_random.choices(string.digits, k=count))
