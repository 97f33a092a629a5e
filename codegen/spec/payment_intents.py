"""PaymentIntents: /v1/payment_intents and its actions.

This module also defines the parameter shapes that PaymentIntents and
SetupIntents share (addresses, billing details, ``payment_method_data``,
``mandate_data``, ...). ``codegen/spec/setup_intents.py`` imports them from
here, so each TypedDict is defined exactly once.

Shapes follow API version 2026-09-30.endive (the version stripe_lite pins).
"""

from codegen.dsl import (
    ANY_OBJECT,
    BOOL,
    CREATED_FILTER,
    INT,
    METADATA,
    STR,
    TIMESTAMP,
    Method,
    Param,
    Resource,
    TypeSpec,
    emptyable,
    enum,
    list_of,
    list_params,
    obj,
    one_of,
    opt,
    req,
)

# A plain (not unsettable) string-to-string map, as inside payment_method_data.
METADATA_MAP = METADATA.inner


def loose(names: tuple[str, ...], type_: TypeSpec, doc: str) -> dict[str, Param]:
    """Optional, loosely typed fields, one per name; ``doc`` may say ``{name}``."""
    return {name: opt(type_, doc.replace("{name}", name)) for name in names}


def by_name(fields: dict[str, Param], first: tuple[str, ...] = ()) -> dict[str, Param]:
    """The fields in name order, with ``first`` at the front."""
    return {
        **{name: fields[name] for name in first},
        **{name: fields[name] for name in sorted(fields) if name not in first},
    }


# -- shapes shared with SetupIntents --------------------------------------------

ADDRESS = obj(
    "AddressParam",
    {
        "city": opt(STR, "City, district, suburb, town or village."),
        "country": opt(STR, "Two-letter country code (ISO 3166-1 alpha-2)."),
        "line1": opt(STR, "Address line 1, such as the street, PO box or company name."),
        "line2": opt(STR, "Address line 2, such as the apartment, suite, unit or building."),
        "postal_code": opt(STR, "ZIP or postal code."),
        "state": opt(STR, "State, county, province or region."),
    },
    "A postal address.",
)

BILLING_DETAILS = obj(
    "BillingDetailsParam",
    {
        "address": opt(emptyable(ADDRESS), "Billing address."),
        "email": opt(emptyable(STR), "Email address."),
        "name": opt(emptyable(STR), "Full name."),
        "phone": opt(emptyable(STR), "Billing phone number, including the extension."),
        "tax_id": opt(STR, "Tax ID of the payer (only some payment method types use it)."),
    },
    "Billing information of a payment method.",
)

RADAR_OPTIONS = obj(
    "RadarOptionsParam",
    {"session": opt(STR, "A Radar Session: a snapshot of the browser metadata and device details.")},
    "Options for Radar, Stripe's fraud protection.",
)

DATE_OF_BIRTH = obj(
    "DateOfBirthParam",
    {
        "day": req(INT, "Day of birth, 1 to 31."),
        "month": req(INT, "Month of birth, 1 to 12."),
        "year": req(INT, "Four-digit year of birth."),
    },
    "A date of birth.",
)

PAYMENT_METHOD_DATA_TYPES = enum(
    "acss_debit",
    "affirm",
    "afterpay_clearpay",
    "alipay",
    "alma",
    "amazon_pay",
    "au_becs_debit",
    "bacs_debit",
    "bancontact",
    "billie",
    "bizum",
    "blik",
    "boleto",
    "cashapp",
    "crypto",
    "customer_balance",
    "eps",
    "fpx",
    "giropay",
    "grabpay",
    "ideal",
    "kakao_pay",
    "klarna",
    "konbini",
    "kr_card",
    "link",
    "mb_way",
    "mobilepay",
    "multibanco",
    "naver_pay",
    "nz_bank_account",
    "oxxo",
    "p24",
    "pay_by_bank",
    "payco",
    "paynow",
    "paypal",
    "paypay",
    "payto",
    "pix",
    "promptpay",
    "revolut_pay",
    "samsung_pay",
    "satispay",
    "scalapay",
    "sepa_debit",
    "sequra",
    "sofort",
    "sunbit",
    "swish",
    "twint",
    "upi",
    "us_bank_account",
    "wechat_pay",
    "zip",
)

# payment_method_data types whose hash takes no fields: pass {} to choose them.
EMPTY_PAYMENT_METHOD_DATA = (
    "affirm",
    "afterpay_clearpay",
    "alipay",
    "alma",
    "amazon_pay",
    "bancontact",
    "billie",
    "bizum",
    "blik",
    "cashapp",
    "crypto",
    "customer_balance",
    "giropay",
    "grabpay",
    "interac_present",
    "kakao_pay",
    "konbini",
    "kr_card",
    "link",
    "mb_way",
    "mobilepay",
    "multibanco",
    "oxxo",
    "pay_by_bank",
    "payco",
    "paynow",
    "paypal",
    "paypay",
    "pix",
    "promptpay",
    "revolut_pay",
    "samsung_pay",
    "satispay",
    "scalapay",
    "sequra",
    "sunbit",
    "swish",
    "twint",
    "wechat_pay",
    "zip",
)

PAYMENT_METHOD_DATA = obj(
    "PaymentMethodDataParam",
    by_name(
        {
            "type": req(PAYMENT_METHOD_DATA_TYPES, "The type of the PaymentMethod to create."),
            "allow_redisplay": opt(
                enum("always", "limited", "unspecified"),
                "Whether the payment method may be shown to the customer again in a checkout flow.",
            ),
            "billing_details": opt(BILLING_DETAILS, "Billing information of the payment method."),
            "metadata": opt(METADATA_MAP, "Key-value pairs to attach to the PaymentMethod."),
            "radar_options": opt(RADAR_OPTIONS, "Options for Radar."),
            "acss_debit": opt(
                obj(
                    "PaymentMethodDataAcssDebitParam",
                    {
                        "account_number": req(STR, "Customer's bank account number."),
                        "institution_number": req(STR, "Institution number of the customer's bank."),
                        "transit_number": req(STR, "Transit number of the customer's bank."),
                    },
                    "A Canadian pre-authorized debit bank account.",
                ),
                "Details of an acss_debit payment method.",
            ),
            "au_becs_debit": opt(
                obj(
                    "PaymentMethodDataAuBecsDebitParam",
                    {
                        "account_number": req(STR, "The account number of the bank account."),
                        "bsb_number": req(STR, "Bank-State-Branch number of the bank account."),
                    },
                    "An Australian BECS Direct Debit bank account.",
                ),
                "Details of an au_becs_debit payment method.",
            ),
            "bacs_debit": opt(
                obj(
                    "PaymentMethodDataBacsDebitParam",
                    {
                        "account_number": opt(STR, "Account number of the bank account."),
                        "sort_code": opt(STR, "Sort code of the bank account, e.g. 10-20-30."),
                    },
                    "A UK Bacs Direct Debit bank account.",
                ),
                "Details of a bacs_debit payment method.",
            ),
            "boleto": opt(
                obj(
                    "PaymentMethodDataBoletoParam",
                    {"tax_id": req(STR, "The customer's CPF (individuals) or CNPJ (businesses).")},
                    "A Boleto payment method.",
                ),
                "Details of a boleto payment method.",
            ),
            "eps": opt(
                obj("PaymentMethodDataEpsParam", {"bank": opt(STR, "The customer's bank.")}, "An EPS payment method."),
                "Details of an eps payment method.",
            ),
            "fpx": opt(
                obj(
                    "PaymentMethodDataFpxParam",
                    {"bank": req(STR, "The customer's bank, e.g. maybank2u.")},
                    "An FPX payment method.",
                ),
                "Details of an fpx payment method.",
            ),
            "ideal": opt(
                obj(
                    "PaymentMethodDataIdealParam",
                    {"bank": opt(STR, "The customer's bank, e.g. ing; only needed for some flows.")},
                    "An iDEAL payment method.",
                ),
                "Details of an ideal payment method.",
            ),
            "klarna": opt(
                obj(
                    "PaymentMethodDataKlarnaParam",
                    {"dob": opt(DATE_OF_BIRTH, "The customer's date of birth.")},
                    "A Klarna payment method.",
                ),
                "Details of a klarna payment method.",
            ),
            "naver_pay": opt(
                obj(
                    "PaymentMethodDataNaverPayParam",
                    {"funding": opt(enum("card", "points"), "Whether to fund the payment with a card or points.")},
                    "A Naver Pay payment method.",
                ),
                "Details of a naver_pay payment method.",
            ),
            "nz_bank_account": opt(
                obj(
                    "PaymentMethodDataNzBankAccountParam",
                    {
                        "account_holder_name": opt(STR, "Name of the account holder."),
                        "account_number": req(STR, "The account number."),
                        "bank_code": req(STR, "The numeric code of the bank."),
                        "branch_code": req(STR, "The numeric code of the branch."),
                        "reference": opt(STR, "A reference shown on the customer's statement."),
                        "suffix": req(STR, "The suffix of the account number."),
                    },
                    "A New Zealand BECS Direct Debit bank account.",
                ),
                "Details of an nz_bank_account payment method.",
            ),
            "p24": opt(
                obj("PaymentMethodDataP24Param", {"bank": opt(STR, "The customer's bank.")}, "A Przelewy24 method."),
                "Details of a p24 payment method.",
            ),
            "payto": opt(
                obj(
                    "PaymentMethodDataPaytoParam",
                    {
                        "account_number": opt(STR, "The account number of the bank account."),
                        "bsb_number": opt(STR, "Bank-State-Branch number of the bank account."),
                        "pay_id": opt(STR, "The PayID alias of the bank account."),
                    },
                    "A PayTo payment method: a PayID, or a BSB and account number.",
                ),
                "Details of a payto payment method.",
            ),
            "sepa_debit": opt(
                obj(
                    "PaymentMethodDataSepaDebitParam",
                    {"iban": req(STR, "IBAN of the bank account.")},
                    "A SEPA Direct Debit bank account.",
                ),
                "Details of a sepa_debit payment method.",
            ),
            "sofort": opt(
                obj(
                    "PaymentMethodDataSofortParam",
                    {
                        "country": req(
                            enum("AT", "BE", "DE", "ES", "IT", "NL"), "Two-letter code of the bank's country."
                        )
                    },
                    "A Sofort payment method.",
                ),
                "Details of a sofort payment method.",
            ),
            "upi": opt(
                obj(
                    "PaymentMethodDataUpiParam",
                    {
                        "mandate_options": opt(
                            obj(
                                "PaymentMethodDataUpiMandateOptionsParam",
                                {
                                    "amount": opt(INT, "The mandate's amount, in the smallest currency unit."),
                                    "amount_type": opt(
                                        enum("fixed", "maximum"), "Whether amount is the exact or the maximum amount."
                                    ),
                                    "description": opt(STR, "A description of the mandate, at most 20 characters."),
                                    "end_date": opt(TIMESTAMP, "When the mandate ends."),
                                },
                                "The terms of a UPI mandate.",
                            ),
                            "The terms of the mandate to create.",
                        ),
                    },
                    "A UPI payment method.",
                ),
                "Details of a upi payment method.",
            ),
            "us_bank_account": opt(
                obj(
                    "PaymentMethodDataUsBankAccountParam",
                    {
                        "account_holder_type": opt(enum("company", "individual"), "Type of the account holder."),
                        "account_number": opt(STR, "Account number of the bank account."),
                        "account_type": opt(enum("checking", "savings"), "Type of the bank account."),
                        "financial_connections_account": opt(STR, "ID of a Financial Connections Account to use."),
                        "routing_number": opt(STR, "Routing number of the bank account."),
                    },
                    "A US bank account (ACH).",
                ),
                "Details of a us_bank_account payment method.",
            ),
            **loose(EMPTY_PAYMENT_METHOD_DATA, ANY_OBJECT, "Pass {} when type is {name}."),
        },
        first=("type", "billing_details", "metadata", "allow_redisplay"),
    ),
    "Details from which to create a PaymentMethod for this intent (set type and the hash of that type).",
)

MANDATE_DATA = obj(
    "MandateDataParam",
    {
        "customer_acceptance": req(
            obj(
                "MandateDataCustomerAcceptanceParam",
                {
                    "type": req(
                        enum("offline", "online"), "Whether the customer accepted the mandate online or offline."
                    ),
                    "accepted_at": opt(TIMESTAMP, "When the customer accepted the mandate."),
                    "offline": opt(ANY_OBJECT, "Pass {} when type is offline."),
                    "online": opt(
                        obj(
                            "MandateDataOnlineParam",
                            {
                                "ip_address": req(STR, "The IP address from which the customer accepted the mandate."),
                                "user_agent": req(STR, "The user agent of the browser that accepted the mandate."),
                            },
                            "Where an online mandate acceptance came from.",
                        ),
                        "Required when type is online.",
                    ),
                },
                "How the customer accepted the mandate.",
            ),
            "How the customer accepted the mandate.",
        ),
    },
    "The mandate to create.",
)

AUTOMATIC_PAYMENT_METHODS = obj(
    "AutomaticPaymentMethodsParam",
    {
        "enabled": req(BOOL, "Whether to accept the payment methods enabled in the Dashboard."),
        "allow_redirects": opt(enum("always", "never"), "Whether to accept redirect-based payment methods."),
    },
    "Accept the payment methods enabled in the Dashboard that fit the intent's other parameters.",
)

CARD_NETWORK = enum(
    "amex",
    "cartes_bancaires",
    "diners",
    "discover",
    "eftpos_au",
    "girocard",
    "interac",
    "jcb",
    "link",
    "mastercard",
    "unionpay",
    "unknown",
    "visa",
)

REFERENCE_PREFIX_MANDATE_OPTIONS = obj(
    "ReferencePrefixMandateOptionsParam",
    {"reference_prefix": opt(emptyable(STR), "Prefix of the mandate reference, up to 12 characters.")},
    "Options for the mandate of a Bacs or SEPA Direct Debit.",
)

FINANCIAL_CONNECTIONS_OPTIONS = obj(
    "FinancialConnectionsOptionsParam",
    {
        "filters": opt(
            obj(
                "FinancialConnectionsFiltersParam",
                {
                    "account_subcategories": opt(
                        list_of(enum("checking", "savings")), "The account subcategories the customer may link."
                    ),
                },
                "Which accounts the customer may link.",
            ),
            "Which accounts the customer may link.",
        ),
        "permissions": opt(
            list_of(enum("balances", "ownership", "payment_method", "transactions")),
            "The data to request access to; must include payment_method.",
        ),
        "prefetch": opt(list_of(enum("balances", "ownership", "transactions")), "The data to fetch at link time."),
        "return_url": opt(STR, "Where to send the customer after an OAuth authorization."),
    },
    "Options for linking a bank account with Financial Connections.",
)

US_BANK_ACCOUNT_MANDATE_OPTIONS = obj(
    "UsBankAccountMandateOptionsParam",
    {"collection_method": opt(emptyable(enum("paper")), "The way the mandate is collected.")},
    "Options for the mandate of a US bank account debit.",
)

US_BANK_ACCOUNT_NETWORKS = obj(
    "UsBankAccountNetworksParam",
    {"requested": opt(list_of(enum("ach", "us_domestic_wire")), "The networks to use, in order of preference.")},
    "The payment networks of a US bank account.",
)

# -- PaymentIntent shapes ----------------------------------------------------------

SHIPPING = obj(
    "PaymentIntentShippingParam",
    {
        "address": req(ADDRESS, "Shipping address."),
        "name": req(STR, "Recipient name."),
        "carrier": opt(STR, "The delivery service, e.g. Fedex or UPS."),
        "phone": opt(STR, "Recipient phone number, including the extension."),
        "tracking_number": opt(STR, "The tracking number of a physical product."),
    },
    "Shipping information of a PaymentIntent.",
)

AMOUNT_DETAILS_TAX = obj(
    "AmountDetailsTaxParam",
    {"total_tax_amount": req(INT, "The total tax, in the smallest currency unit.")},
    "The tax on an amount.",
)

LINE_ITEM_COMMODITY_CODE = obj(
    "AmountDetailsLineItemCommodityCodeParam",
    {"commodity_code": opt(STR, "The line item's commodity code, at most 12 characters.")},
    "Card-specific information of a line item.",
)

AMOUNT_DETAILS_LINE_ITEM = obj(
    "AmountDetailsLineItemParam",
    {
        "product_name": req(STR, "The product's name."),
        "quantity": req(INT, "How many units, greater than 0."),
        "unit_cost": req(INT, "The cost of one unit, in the smallest currency unit."),
        "discount_amount": opt(INT, "The discount on this line item, in the smallest currency unit."),
        "payment_method_options": opt(
            obj(
                "AmountDetailsLineItemPaymentMethodOptionsParam",
                {
                    "card": opt(LINE_ITEM_COMMODITY_CODE, "Information for card payments."),
                    "card_present": opt(LINE_ITEM_COMMODITY_CODE, "Information for in-person card payments."),
                    "klarna": opt(
                        obj(
                            "AmountDetailsLineItemKlarnaParam",
                            {
                                "image_url": opt(STR, "URL of an image of the product."),
                                "product_url": opt(STR, "URL of the product's page."),
                                "reference": opt(STR, "A reference for the line item."),
                                "subscription_reference": opt(STR, "Reference of the subscription this item is in."),
                            },
                            "Klarna-specific information of a line item.",
                        ),
                        "Information for Klarna payments.",
                    ),
                    "paypal": opt(
                        obj(
                            "AmountDetailsLineItemPaypalParam",
                            {
                                "category": opt(
                                    enum("digital_goods", "donation", "physical_goods"), "The kind of goods."
                                ),
                                "description": opt(STR, "A description of the line item."),
                                "sold_by": opt(STR, "The seller's name or ID."),
                            },
                            "PayPal-specific information of a line item.",
                        ),
                        "Information for PayPal payments.",
                    ),
                },
                "Payment-method-specific information of a line item.",
            ),
            "Payment-method-specific information.",
        ),
        "product_code": opt(STR, "The product code, such as an SKU, at most 12 characters."),
        "tax": opt(AMOUNT_DETAILS_TAX, "The tax on this line item."),
        "unit_of_measure": opt(STR, "The unit of measure, e.g. gallons or meters."),
    },
    "One line item of a payment's amount.",
)

AMOUNT_DETAILS = obj(
    "PaymentIntentAmountDetailsParam",
    {
        "discount_amount": opt(emptyable(INT), "The total discount, in the smallest currency unit."),
        "enforce_arithmetic_validation": opt(BOOL, "Whether Stripe checks that the amounts add up."),
        "line_items": opt(emptyable(list_of(AMOUNT_DETAILS_LINE_ITEM)), "The line items, at most 100."),
        "shipping": opt(
            emptyable(
                obj(
                    "AmountDetailsShippingParam",
                    {
                        "amount": opt(emptyable(INT), "The shipping cost, in the smallest currency unit."),
                        "from_postal_code": opt(emptyable(STR), "The postal code the goods ship from."),
                        "to_postal_code": opt(emptyable(STR), "The postal code the goods ship to."),
                    },
                    "The shipping part of an amount.",
                )
            ),
            "The shipping cost and route.",
        ),
        "tax": opt(emptyable(AMOUNT_DETAILS_TAX), "The total tax."),
    },
    "Industry-specific details of a payment's amount (line items, shipping, tax, discount).",
)

HOOKS = obj(
    "PaymentIntentHooksParam",
    {
        "inputs": opt(
            obj(
                "PaymentIntentHooksInputsParam",
                {
                    "tax": opt(
                        obj(
                            "PaymentIntentHooksTaxParam",
                            {"calculation": req(emptyable(STR), 'The ID of a Tax Calculation; "" to unset.')},
                            "Tax input of the PaymentIntent's hooks.",
                        ),
                        "Tax to apply.",
                    ),
                },
                "Inputs of the PaymentIntent's hooks.",
            ),
            "Inputs of the automations.",
        ),
    },
    "Automations to run during the PaymentIntent's lifecycle.",
)

PAYMENT_DETAILS = obj(
    "PaymentIntentPaymentDetailsParam",
    {
        "customer_reference": opt(emptyable(STR), "A reference for the customer, e.g. a customer number."),
        "order_reference": opt(emptyable(STR), "A reference for the order, e.g. an order number."),
    },
    "Industry-specific details of the payment.",
)

PI_RADAR_OPTIONS = obj(
    "PaymentIntentRadarOptionsParam",
    {
        "session": opt(STR, "A Radar Session: a snapshot of the browser metadata and device details."),
        "referrer": opt(emptyable(STR), "The URL the customer came from."),
    },
    "Options for Radar, Stripe's fraud protection.",
)

TRANSFER_DATA_PAYMENT_DATA = obj(
    "PaymentIntentTransferPaymentDataParam",
    {
        "description": opt(STR, "Description of the payment created on the destination account."),
        "metadata": opt(METADATA, "Metadata of the payment created on the destination account."),
    },
    "Details of the payment that the transfer creates on the destination account.",
)

TRANSFER_DATA_CREATE = obj(
    "PaymentIntentTransferDataParam",
    {
        "destination": req(STR, "The ID of the connected account that receives the funds."),
        "amount": opt(INT, "How much to transfer, in the smallest currency unit; defaults to the full amount."),
        "description": opt(STR, "Description of the transfer."),
        "metadata": opt(METADATA, "Metadata of the transfer."),
        "payment_data": opt(TRANSFER_DATA_PAYMENT_DATA, "Details of the payment on the destination account."),
    },
    "A transfer to a connected account, created automatically when the payment succeeds.",
)

TRANSFER_DATA_UPDATE = obj(
    "PaymentIntentUpdateTransferDataParam",
    {
        "amount": opt(INT, "How much to transfer, in the smallest currency unit."),
        "description": opt(STR, "Description of the transfer."),
        "metadata": opt(METADATA, "Metadata of the transfer."),
        "payment_data": opt(TRANSFER_DATA_PAYMENT_DATA, "Details of the payment on the destination account."),
    },
    "Changes to the automatic transfer to a connected account.",
)

TRANSFER_AMOUNT = obj(
    "PaymentIntentTransferAmountParam",
    {"amount": opt(INT, "How much to transfer, in the smallest currency unit.")},
    "The amount of the automatic transfer to a connected account.",
)

# -- PaymentIntent payment_method_options ------------------------------------------

SFU_ALL = emptyable(enum("none", "off_session", "on_session"))
MANUAL_CAPTURE = emptyable(enum("manual"))

CARD_OPTIONS = obj(
    "PaymentIntentPaymentMethodOptionsCardParam",
    {
        "capture_method": opt(MANUAL_CAPTURE, 'manual to capture card payments separately; "" to unset.'),
        "cvc_token": opt(STR, "A single-use cvc_update token to recollect the CVC."),
        "installments": opt(
            obj(
                "PaymentIntentPaymentMethodOptionsCardInstallmentsParam",
                {
                    "enabled": opt(BOOL, "Whether to offer installment plans (Mexico and Japan)."),
                    "plan": opt(
                        emptyable(
                            obj(
                                "PaymentIntentPaymentMethodOptionsCardInstallmentPlanParam",
                                {
                                    "type": req(enum("bonus", "fixed_count", "revolving"), "The type of plan."),
                                    "count": opt(INT, "How many installments (fixed_count plans)."),
                                    "interval": opt(enum("month"), "The interval between installments."),
                                },
                                "An installment plan.",
                            )
                        ),
                        "The plan to use for this payment.",
                    ),
                },
                "Installment plan options.",
            ),
            "Installment plan options.",
        ),
        "mandate_options": opt(
            obj(
                "PaymentIntentPaymentMethodOptionsCardMandateOptionsParam",
                {
                    "amount": req(INT, "The mandate's amount, in the smallest currency unit."),
                    "amount_type": req(enum("fixed", "maximum"), "Whether amount is the exact or the maximum amount."),
                    "interval": req(
                        enum("day", "month", "sporadic", "week", "year"), "How often payments are collected."
                    ),
                    "reference": req(STR, "A unique reference for the mandate."),
                    "start_date": req(TIMESTAMP, "When the mandate starts."),
                    "description": opt(STR, "A description of the mandate."),
                    "end_date": opt(TIMESTAMP, "When the mandate ends."),
                    "interval_count": opt(INT, "How many intervals between payments."),
                    "supported_types": opt(list_of(enum("india")), "The mandate regimes this mandate supports."),
                },
                "A card mandate (for example for recurring payments in India).",
            ),
            "Options of a card mandate.",
        ),
        "network": opt(CARD_NETWORK, "The card network to route through."),
        "request_extended_authorization": opt(enum("if_available", "never"), "Request an extended authorization."),
        "request_incremental_authorization": opt(enum("if_available", "never"), "Request incremental authorization."),
        "request_multicapture": opt(enum("if_available", "never"), "Request multicapture."),
        "request_overcapture": opt(enum("if_available", "never"), "Request overcapture."),
        "request_three_d_secure": opt(enum("any", "automatic", "challenge"), "When to request 3D Secure."),
        "require_cvc_recollection": opt(BOOL, "Whether the customer must enter the CVC again."),
        "setup_future_usage": opt(SFU_ALL, 'Future use of the card; "" to unset.'),
        "statement_descriptor_suffix_kana": opt(emptyable(STR), "Kana suffix of the statement descriptor (Japan)."),
        "statement_descriptor_suffix_kanji": opt(emptyable(STR), "Kanji suffix of the statement descriptor (Japan)."),
        "three_d_secure": opt(ANY_OBJECT, "Results of a 3D Secure authentication you ran yourself."),
    },
    "Options for card payments.",
)

PI_ACSS_DEBIT_OPTIONS = obj(
    "PaymentIntentPaymentMethodOptionsAcssDebitParam",
    {
        "mandate_options": opt(
            obj(
                "PaymentIntentAcssDebitMandateOptionsParam",
                {
                    "custom_mandate_url": opt(emptyable(STR), "A URL of your own mandate agreement."),
                    "interval_description": opt(STR, "When payments happen (interval or combined schedules)."),
                    "payment_schedule": opt(enum("combined", "interval", "sporadic"), "The payment schedule."),
                    "transaction_type": opt(enum("business", "personal"), "Whether it's a business or personal debit."),
                },
                "Options for the mandate of a Canadian pre-authorized debit.",
            ),
            "Options for the mandate.",
        ),
        "setup_future_usage": opt(SFU_ALL, 'Future use of the payment method; "" to unset.'),
        "target_date": opt(STR, "The date (YYYY-MM-DD) on which to debit."),
        "verification_method": opt(enum("automatic", "instant", "microdeposits"), "How to verify the account."),
    },
    "Options for Canadian pre-authorized debits.",
)

PI_DEBIT_OPTIONS = {
    "mandate_options": opt(REFERENCE_PREFIX_MANDATE_OPTIONS, "Options for the mandate."),
    "setup_future_usage": opt(SFU_ALL, 'Future use of the payment method; "" to unset.'),
    "target_date": opt(STR, "The date (YYYY-MM-DD) on which to debit."),
}

KLARNA_ON_DEMAND = obj(
    "KlarnaOnDemandParam",
    {
        "average_amount": opt(INT, "The average amount of a purchase."),
        "maximum_amount": opt(INT, "The largest amount of a purchase."),
        "minimum_amount": opt(INT, "The smallest amount of a purchase."),
        "purchase_interval": opt(enum("day", "month", "week", "year"), "The interval between purchases."),
        "purchase_interval_count": opt(INT, "How many intervals between purchases."),
    },
    "The terms of on-demand Klarna payments.",
)

PI_OPTIONS_TYPED = {
    "acss_debit": opt(emptyable(PI_ACSS_DEBIT_OPTIONS), 'Options for acss_debit; "" to unset.'),
    "affirm": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsAffirmParam",
                {
                    "capture_method": opt(MANUAL_CAPTURE, 'manual to capture separately; "" to unset.'),
                    "preferred_locale": opt(STR, "The locale of the Affirm checkout page."),
                    "setup_future_usage": opt(enum("none"), "Affirm can't be saved: only none."),
                },
                "Options for Affirm payments.",
            )
        ),
        'Options for affirm; "" to unset.',
    ),
    "afterpay_clearpay": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsAfterpayClearpayParam",
                {
                    "capture_method": opt(MANUAL_CAPTURE, 'manual to capture separately; "" to unset.'),
                    "reference": opt(STR, "An order reference shown to the customer, at most 128 characters."),
                    "setup_future_usage": opt(enum("none"), "Afterpay can't be saved: only none."),
                },
                "Options for Afterpay / Clearpay payments.",
            )
        ),
        'Options for afterpay_clearpay; "" to unset.',
    ),
    "au_becs_debit": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsAuBecsDebitParam",
                {key: PI_DEBIT_OPTIONS[key] for key in ("setup_future_usage", "target_date")},
                "Options for Australian BECS Direct Debit payments.",
            )
        ),
        'Options for au_becs_debit; "" to unset.',
    ),
    "bacs_debit": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsBacsDebitParam",
                PI_DEBIT_OPTIONS,
                "Options for Bacs Direct Debit payments.",
            )
        ),
        'Options for bacs_debit; "" to unset.',
    ),
    "card": opt(emptyable(CARD_OPTIONS), 'Options for card; "" to unset.'),
    "customer_balance": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsCustomerBalanceParam",
                {
                    "bank_transfer": opt(
                        obj(
                            "PaymentIntentCustomerBalanceBankTransferParam",
                            {
                                "type": req(
                                    enum(
                                        "eu_bank_transfer",
                                        "gb_bank_transfer",
                                        "jp_bank_transfer",
                                        "mx_bank_transfer",
                                        "us_bank_transfer",
                                    ),
                                    "The kind of bank transfer.",
                                ),
                                "eu_bank_transfer": opt(
                                    obj(
                                        "PaymentIntentCustomerBalanceEuBankTransferParam",
                                        {"country": req(STR, "The country of the bank account to show.")},
                                        "Options for EU bank transfers.",
                                    ),
                                    "Required for eu_bank_transfer.",
                                ),
                                "requested_address_types": opt(
                                    list_of(enum("aba", "iban", "sepa", "sort_code", "spei", "swift", "zengin")),
                                    "The kinds of bank address to show, in order of preference.",
                                ),
                            },
                            "How the customer pays by bank transfer.",
                        ),
                        "Options for bank transfer funding.",
                    ),
                    "funding_type": opt(enum("bank_transfer"), "How the customer funds the balance."),
                    "setup_future_usage": opt(enum("none"), "A customer balance can't be saved: only none."),
                },
                "Options for customer balance (cash balance) payments.",
            )
        ),
        'Options for customer_balance; "" to unset.',
    ),
    "klarna": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsKlarnaParam",
                {
                    "capture_method": opt(MANUAL_CAPTURE, 'manual to capture separately; "" to unset.'),
                    "on_demand": opt(KLARNA_ON_DEMAND, "Terms of on-demand payments."),
                    "preferred_locale": opt(STR, "The locale of the Klarna page, e.g. en-US."),
                    "setup_future_usage": opt(enum("none", "off_session", "on_session"), "Future use of Klarna."),
                    "subscriptions": opt(
                        emptyable(list_of(ANY_OBJECT)), 'The subscriptions this payment sets up; "" to unset.'
                    ),
                },
                "Options for Klarna payments.",
            )
        ),
        'Options for klarna; "" to unset.',
    ),
    "link": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsLinkParam",
                {
                    "capture_method": opt(MANUAL_CAPTURE, 'manual to capture separately; "" to unset.'),
                    "setup_future_usage": opt(
                        emptyable(enum("none", "off_session")), 'Future use of Link; "" to unset.'
                    ),
                },
                "Options for Link payments.",
            )
        ),
        'Options for link; "" to unset.',
    ),
    "sepa_debit": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsSepaDebitParam",
                PI_DEBIT_OPTIONS,
                "Options for SEPA Direct Debit payments.",
            )
        ),
        'Options for sepa_debit; "" to unset.',
    ),
    "us_bank_account": opt(
        emptyable(
            obj(
                "PaymentIntentPaymentMethodOptionsUsBankAccountParam",
                {
                    "financial_connections": opt(FINANCIAL_CONNECTIONS_OPTIONS, "Options for Financial Connections."),
                    "mandate_options": opt(US_BANK_ACCOUNT_MANDATE_OPTIONS, "Options for the mandate."),
                    "networks": opt(US_BANK_ACCOUNT_NETWORKS, "The payment networks to use."),
                    "setup_future_usage": opt(SFU_ALL, 'Future use of the account; "" to unset.'),
                    "target_date": opt(STR, "The date (YYYY-MM-DD) on which to debit."),
                    "transaction_purpose": opt(
                        emptyable(enum("goods", "other", "services", "unspecified")), "What the payment is for."
                    ),
                    "verification_method": opt(
                        enum("automatic", "instant", "microdeposits"), "How to verify the account."
                    ),
                },
                "Options for US bank account (ACH) payments.",
            )
        ),
        'Options for us_bank_account; "" to unset.',
    ),
}

# The long tail of payment_method_options, loosely typed: any mapping, or "" to unset.
PI_OPTIONS_LOOSE = (
    "alipay",
    "alma",
    "amazon_pay",
    "bancontact",
    "billie",
    "bizum",
    "blik",
    "boleto",
    "card_present",
    "cashapp",
    "crypto",
    "eps",
    "fpx",
    "giropay",
    "grabpay",
    "ideal",
    "interac_present",
    "kakao_pay",
    "konbini",
    "kr_card",
    "mb_way",
    "mobilepay",
    "multibanco",
    "naver_pay",
    "nz_bank_account",
    "oxxo",
    "p24",
    "pay_by_bank",
    "payco",
    "paynow",
    "paypal",
    "paypay",
    "payto",
    "pix",
    "promptpay",
    "revolut_pay",
    "samsung_pay",
    "satispay",
    "scalapay",
    "sequra",
    "sofort",
    "sunbit",
    "swish",
    "twint",
    "upi",
    "wechat_pay",
    "zip",
)

PI_PAYMENT_METHOD_OPTIONS = obj(
    "PaymentIntentPaymentMethodOptionsParam",
    by_name(
        {
            **PI_OPTIONS_TYPED,
            **loose(PI_OPTIONS_LOOSE, emptyable(ANY_OBJECT), 'Options for {name} payments; "" to unset.'),
        }
    ),
    "Payment-method-specific options of a PaymentIntent, one hash per payment method type.",
)

# -- top-level parameters used by several methods ----------------------------------

CAPTURE_METHOD = enum("automatic", "automatic_async", "manual")
OFF_SESSION = one_of(BOOL, enum("one_off", "recurring"))

P_AMOUNT_DETAILS = "Industry-specific details of the amount (line items, shipping, tax)."
P_APPLICATION_FEE = "The application fee, in the smallest currency unit (Connect)."
P_CAPTURE_METHOD = "When to capture the funds."
P_CONFIRMATION_TOKEN = "The ID of a ConfirmationToken to confirm with."
P_ERROR_ON_REQUIRES_ACTION = "Fail the payment instead of moving to requires_action."
P_EXCLUDED_TYPES = 'Payment method types not to use, e.g. ["card"].'
P_ALLOWED_TYPES = "Payment method types this intent may use (API 2026-09-30.endive and later)."
P_PM_TYPES = 'Payment method types this intent may use, e.g. ["card"] (before API 2026-09-30.endive).'
P_HOOKS = "Automations to run during the PaymentIntent's lifecycle."
P_MANDATE_DATA = 'The mandate to create; "" for none.'
P_OFF_SESSION = "The customer isn't in your checkout flow (true, one_off or recurring)."
P_PAYMENT_DETAILS = "Industry-specific details of the payment (order and customer references)."
P_PMD = "Details from which to create a PaymentMethod for this payment."
P_PMO = "Payment-method-specific options."
P_RETURN_URL = "Where to send the customer after they authenticate or cancel on an external page."
P_SFU = "Save the payment method for future on_session or off_session payments."
P_STATEMENT_DESCRIPTOR = "Statement descriptor of a non-card charge, up to 22 characters."
P_STATEMENT_DESCRIPTOR_SUFFIX = "Suffix of the statement descriptor of a card charge."
P_USE_STRIPE_SDK = "Set to true when a Stripe client SDK handles the next actions."

RESOURCE = Resource(
    attr="payment_intents",
    class_name="PaymentIntents",
    doc="PaymentIntents: collect a payment from a customer, from creation to capture.",
    methods=[
        Method(
            "create",
            "post",
            "/v1/payment_intents",
            returns="PaymentIntent",
            doc="Create a PaymentIntent to collect a payment from a customer.",
            params={
                "amount": req(INT, "The amount to collect, in the smallest currency unit (e.g. cents)."),
                "currency": req(STR, "Three-letter ISO currency code, in lowercase."),
                "allowed_payment_method_types": opt(list_of(STR), P_ALLOWED_TYPES),
                "amount_details": opt(AMOUNT_DETAILS, P_AMOUNT_DETAILS),
                "application_fee_amount": opt(INT, P_APPLICATION_FEE),
                "automatic_payment_methods": opt(AUTOMATIC_PAYMENT_METHODS, "Accept the Dashboard's payment methods."),
                "capture_method": opt(CAPTURE_METHOD, P_CAPTURE_METHOD),
                "confirm": opt(BOOL, "Confirm the PaymentIntent immediately (takes the confirm parameters too)."),
                "confirmation_method": opt(enum("automatic", "manual"), "Whether confirming needs your secret key."),
                "confirmation_token": opt(STR, P_CONFIRMATION_TOKEN),
                "customer": opt(STR, "The ID of the Customer this PaymentIntent belongs to."),
                "customer_account": opt(STR, "The ID of the Account that represents the customer."),
                "description": opt(STR, "An arbitrary string, often shown to users."),
                "error_on_requires_action": opt(BOOL, P_ERROR_ON_REQUIRES_ACTION),
                "excluded_payment_method_types": opt(list_of(STR), P_EXCLUDED_TYPES),
                "hooks": opt(HOOKS, P_HOOKS),
                "mandate": opt(STR, "The ID of the mandate to use (with confirm=true)."),
                "mandate_data": opt(emptyable(MANDATE_DATA), P_MANDATE_DATA),
                "metadata": opt(METADATA, "Key-value pairs to attach to the PaymentIntent."),
                "off_session": opt(OFF_SESSION, P_OFF_SESSION),
                "on_behalf_of": opt(STR, "The ID of the connected account the funds are for."),
                "payment_details": opt(PAYMENT_DETAILS, P_PAYMENT_DETAILS),
                "payment_method": opt(STR, "The ID of the payment method to use."),
                "payment_method_configuration": opt(STR, "The ID of the payment method configuration to use."),
                "payment_method_data": opt(PAYMENT_METHOD_DATA, P_PMD),
                "payment_method_options": opt(PI_PAYMENT_METHOD_OPTIONS, P_PMO),
                "payment_method_types": opt(list_of(STR), P_PM_TYPES),
                "radar_options": opt(PI_RADAR_OPTIONS, "Options for Radar."),
                "receipt_email": opt(STR, "The email address to send the receipt to."),
                "return_url": opt(STR, P_RETURN_URL),
                "setup_future_usage": opt(enum("off_session", "on_session"), P_SFU),
                "shipping": opt(SHIPPING, "Shipping information."),
                "statement_descriptor": opt(STR, P_STATEMENT_DESCRIPTOR),
                "statement_descriptor_suffix": opt(STR, P_STATEMENT_DESCRIPTOR_SUFFIX),
                "transfer_data": opt(TRANSFER_DATA_CREATE, "Create a transfer to a connected account on success."),
                "transfer_group": opt(STR, "A string that groups the payment with its transfers."),
                "use_stripe_sdk": opt(BOOL, P_USE_STRIPE_SDK),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/payment_intents/{intent}",
            returns="PaymentIntent",
            doc="Retrieve a PaymentIntent by its ID.",
            params={"client_secret": opt(STR, "The PaymentIntent's client secret; required with a publishable key.")},
        ),
        Method(
            "update",
            "post",
            "/v1/payment_intents/{intent}",
            returns="PaymentIntent",
            doc="Update a PaymentIntent without confirming it.",
            params={
                "allowed_payment_method_types": opt(list_of(STR), P_ALLOWED_TYPES),
                "amount": opt(INT, "The amount to collect, in the smallest currency unit."),
                "amount_details": opt(emptyable(AMOUNT_DETAILS), P_AMOUNT_DETAILS),
                "application_fee_amount": opt(emptyable(INT), P_APPLICATION_FEE),
                "capture_method": opt(CAPTURE_METHOD, P_CAPTURE_METHOD),
                "currency": opt(STR, "Three-letter ISO currency code, in lowercase."),
                "customer": opt(STR, "The ID of the Customer this PaymentIntent belongs to."),
                "customer_account": opt(STR, "The ID of the Account that represents the customer."),
                "description": opt(STR, "An arbitrary string, often shown to users."),
                "excluded_payment_method_types": opt(emptyable(list_of(STR)), P_EXCLUDED_TYPES),
                "hooks": opt(HOOKS, P_HOOKS),
                "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                "payment_details": opt(emptyable(PAYMENT_DETAILS), P_PAYMENT_DETAILS),
                "payment_method": opt(STR, 'The ID of the payment method to use; "" to unset.'),
                "payment_method_configuration": opt(STR, "The ID of the payment method configuration to use."),
                "payment_method_data": opt(PAYMENT_METHOD_DATA, P_PMD),
                "payment_method_options": opt(PI_PAYMENT_METHOD_OPTIONS, P_PMO),
                "payment_method_types": opt(list_of(STR), P_PM_TYPES),
                "receipt_email": opt(emptyable(STR), 'The email address to send the receipt to; "" to unset.'),
                "setup_future_usage": opt(emptyable(enum("off_session", "on_session")), P_SFU),
                "shipping": opt(emptyable(SHIPPING), 'Shipping information; "" to unset.'),
                "statement_descriptor": opt(STR, P_STATEMENT_DESCRIPTOR),
                "statement_descriptor_suffix": opt(STR, P_STATEMENT_DESCRIPTOR_SUFFIX),
                "transfer_data": opt(TRANSFER_DATA_UPDATE, "Change the automatic transfer to a connected account."),
                "transfer_group": opt(STR, "A string that groups the payment with its transfers (if not set yet)."),
            },
        ),
        Method(
            "list",
            "get",
            "/v1/payment_intents",
            returns="PaymentIntent",
            kind="list",
            doc="List PaymentIntents, newest first.",
            params=list_params(
                customer=opt(STR, "Only PaymentIntents of this Customer."),
                customer_account=opt(STR, "Only PaymentIntents of the Account that represents this customer."),
                created=opt(CREATED_FILTER, "Only PaymentIntents created at this time or in this range."),
            ),
        ),
        Method(
            "search",
            "get",
            "/v1/payment_intents/search",
            returns="PaymentIntent",
            kind="search",
            doc="Search PaymentIntents with Stripe's search query language.",
            params={
                "query": req(STR, "The search query, e.g. \"status:'succeeded' AND metadata['order_id']:'6735'\"."),
                "limit": opt(INT, "How many objects a page holds, 1 to 100 (default 10)."),
                "page": opt(STR, "A cursor: the next_page value of a previous search."),
            },
        ),
        Method(
            "confirm",
            "post",
            "/v1/payment_intents/{intent}/confirm",
            returns="PaymentIntent",
            doc="Confirm that the customer intends to pay with the given payment method.",
            params={
                "allowed_payment_method_types": opt(list_of(STR), P_ALLOWED_TYPES),
                "amount_details": opt(emptyable(AMOUNT_DETAILS), P_AMOUNT_DETAILS),
                "amount_to_confirm": opt(INT, "The amount to confirm; defaults to amount."),
                "capture_method": opt(CAPTURE_METHOD, P_CAPTURE_METHOD),
                "client_secret": opt(STR, "The PaymentIntent's client secret (with a publishable key)."),
                "confirmation_token": opt(STR, P_CONFIRMATION_TOKEN),
                "error_on_requires_action": opt(BOOL, P_ERROR_ON_REQUIRES_ACTION),
                "excluded_payment_method_types": opt(emptyable(list_of(STR)), P_EXCLUDED_TYPES),
                "hooks": opt(HOOKS, P_HOOKS),
                "mandate": opt(STR, "The ID of the mandate to use."),
                "mandate_data": opt(emptyable(MANDATE_DATA), P_MANDATE_DATA),
                "off_session": opt(OFF_SESSION, P_OFF_SESSION),
                "payment_details": opt(emptyable(PAYMENT_DETAILS), P_PAYMENT_DETAILS),
                "payment_method": opt(STR, "The ID of the payment method to use."),
                "payment_method_data": opt(PAYMENT_METHOD_DATA, P_PMD),
                "payment_method_options": opt(PI_PAYMENT_METHOD_OPTIONS, P_PMO),
                "payment_method_types": opt(list_of(STR), P_PM_TYPES),
                "radar_options": opt(PI_RADAR_OPTIONS, "Options for Radar."),
                "receipt_email": opt(emptyable(STR), 'The email address to send the receipt to; "" to unset.'),
                "return_url": opt(STR, P_RETURN_URL),
                "setup_future_usage": opt(emptyable(enum("off_session", "on_session")), P_SFU),
                "shipping": opt(emptyable(SHIPPING), 'Shipping information; "" to unset.'),
                "use_stripe_sdk": opt(BOOL, P_USE_STRIPE_SDK),
            },
        ),
        Method(
            "capture",
            "post",
            "/v1/payment_intents/{intent}/capture",
            returns="PaymentIntent",
            doc="Capture the funds of a PaymentIntent whose status is requires_capture.",
            params={
                "amount_details": opt(AMOUNT_DETAILS, P_AMOUNT_DETAILS),
                "amount_to_capture": opt(INT, "The amount to capture; defaults to the full amount_capturable."),
                "application_fee_amount": opt(INT, P_APPLICATION_FEE),
                "final_capture": opt(BOOL, "false keeps the rest capturable (multicapture); defaults to true."),
                "hooks": opt(HOOKS, P_HOOKS),
                "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                "payment_details": opt(emptyable(PAYMENT_DETAILS), P_PAYMENT_DETAILS),
                "statement_descriptor": opt(STR, P_STATEMENT_DESCRIPTOR),
                "statement_descriptor_suffix": opt(STR, P_STATEMENT_DESCRIPTOR_SUFFIX),
                "transfer_data": opt(TRANSFER_AMOUNT, "The amount of the automatic transfer to a connected account."),
            },
        ),
        Method(
            "cancel",
            "post",
            "/v1/payment_intents/{intent}/cancel",
            returns="PaymentIntent",
            doc="Cancel a PaymentIntent that hasn't succeeded, releasing any uncaptured funds.",
            params={
                "cancellation_reason": opt(
                    enum("abandoned", "duplicate", "fraudulent", "requested_by_customer"), "Why it's canceled."
                ),
            },
        ),
        Method(
            "increment_authorization",
            "post",
            "/v1/payment_intents/{intent}/increment_authorization",
            returns="PaymentIntent",
            doc="Increase the authorized amount of an uncaptured PaymentIntent.",
            params={
                "amount": req(INT, "The new total amount, greater than the authorized amount."),
                "amount_details": opt(AMOUNT_DETAILS, P_AMOUNT_DETAILS),
                "application_fee_amount": opt(INT, P_APPLICATION_FEE),
                "description": opt(STR, "An arbitrary string, often shown to users."),
                "hooks": opt(HOOKS, P_HOOKS),
                "metadata": opt(METADATA, "Key-value pairs to attach."),
                "payment_details": opt(PAYMENT_DETAILS, P_PAYMENT_DETAILS),
                "statement_descriptor": opt(STR, "Statement descriptor, up to 22 characters."),
                "transfer_data": opt(TRANSFER_AMOUNT, "The amount of the automatic transfer to a connected account."),
            },
        ),
        Method(
            "verify_microdeposits",
            "post",
            "/v1/payment_intents/{intent}/verify_microdeposits",
            returns="PaymentIntent",
            doc="Verify the bank account of a PaymentIntent with the microdeposits sent to it.",
            params={
                "amounts": opt(list_of(INT), "The two microdeposit amounts, in cents."),
                "client_secret": opt(STR, "The PaymentIntent's client secret (with a publishable key)."),
                "descriptor_code": opt(STR, "The six-character code (starting with SM) of the microdeposit."),
            },
        ),
        Method(
            "apply_customer_balance",
            "post",
            "/v1/payment_intents/{intent}/apply_customer_balance",
            returns="PaymentIntent",
            doc="Pay a customer_balance PaymentIntent from the customer's cash balance.",
            params={
                "amount": opt(INT, "How much to apply; defaults to the remaining amount."),
                "currency": opt(STR, "Three-letter ISO currency code, in lowercase."),
            },
        ),
        Method(
            "list_amount_details_line_items",
            "get",
            "/v1/payment_intents/{intent}/amount_details_line_items",
            returns="PaymentIntentAmountDetailsLineItem",
            kind="list",
            doc="List the line items of a PaymentIntent's amount details.",
            params=list_params(),
        ),
    ],
)
