"""SetupIntents: /v1/setup_intents and its actions.

The shapes shared with PaymentIntents (payment_method_data, mandate_data,
automatic_payment_methods, ...) come from codegen/spec/payment_intents.py.
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
    Resource,
    emptyable,
    enum,
    list_of,
    list_params,
    obj,
    opt,
    req,
)
from codegen.spec.payment_intents import (
    AUTOMATIC_PAYMENT_METHODS,
    CARD_NETWORK,
    FINANCIAL_CONNECTIONS_OPTIONS,
    MANDATE_DATA,
    PAYMENT_METHOD_DATA,
    REFERENCE_PREFIX_MANDATE_OPTIONS,
    US_BANK_ACCOUNT_MANDATE_OPTIONS,
    US_BANK_ACCOUNT_NETWORKS,
    by_name,
    loose,
)

SI_OPTIONS_TYPED = {
    "acss_debit": opt(
        obj(
            "SetupIntentPaymentMethodOptionsAcssDebitParam",
            {
                "currency": opt(enum("cad", "usd"), "The currency of the bank account."),
                "mandate_options": opt(
                    obj(
                        "SetupIntentAcssDebitMandateOptionsParam",
                        {
                            "custom_mandate_url": opt(emptyable(STR), "A URL of your own mandate agreement."),
                            "default_for": opt(
                                list_of(enum("invoice", "subscription")), "What the mandate is the default for."
                            ),
                            "interval_description": opt(STR, "When payments happen (interval or combined schedules)."),
                            "payment_schedule": opt(enum("combined", "interval", "sporadic"), "The payment schedule."),
                            "transaction_type": opt(
                                enum("business", "personal"), "Whether it's a business or personal debit."
                            ),
                        },
                        "Options for the mandate of a Canadian pre-authorized debit.",
                    ),
                    "Options for the mandate.",
                ),
                "verification_method": opt(enum("automatic", "instant", "microdeposits"), "How to verify the account."),
            },
            "Options for Canadian pre-authorized debits.",
        ),
        "Options for acss_debit.",
    ),
    "bacs_debit": opt(
        obj(
            "SetupIntentPaymentMethodOptionsBacsDebitParam",
            {"mandate_options": opt(REFERENCE_PREFIX_MANDATE_OPTIONS, "Options for the mandate.")},
            "Options for Bacs Direct Debit.",
        ),
        "Options for bacs_debit.",
    ),
    "card": opt(
        obj(
            "SetupIntentPaymentMethodOptionsCardParam",
            {
                "mandate_options": opt(
                    obj(
                        "SetupIntentPaymentMethodOptionsCardMandateOptionsParam",
                        {
                            "amount": req(INT, "The mandate's amount, in the smallest currency unit."),
                            "amount_type": req(
                                enum("fixed", "maximum"), "Whether amount is the exact or the maximum amount."
                            ),
                            "currency": req(STR, "Three-letter ISO currency code, in lowercase."),
                            "interval": req(
                                enum("day", "month", "sporadic", "week", "year"), "How often payments are collected."
                            ),
                            "reference": req(STR, "A unique reference for the mandate."),
                            "start_date": req(TIMESTAMP, "When the mandate starts."),
                            "description": opt(STR, "A description of the mandate."),
                            "end_date": opt(TIMESTAMP, "When the mandate ends."),
                            "interval_count": opt(INT, "How many intervals between payments."),
                            "supported_types": opt(
                                list_of(enum("india")), "The mandate regimes this mandate supports."
                            ),
                        },
                        "A card mandate (for example for recurring payments in India).",
                    ),
                    "Options of a card mandate.",
                ),
                "network": opt(CARD_NETWORK, "The card network to route through."),
                "request_three_d_secure": opt(enum("any", "automatic", "challenge"), "When to request 3D Secure."),
                "three_d_secure": opt(ANY_OBJECT, "Results of a 3D Secure authentication you ran yourself."),
            },
            "Options for cards.",
        ),
        "Options for card.",
    ),
    "paypal": opt(
        obj(
            "SetupIntentPaymentMethodOptionsPaypalParam",
            {"billing_agreement_id": opt(STR, "The ID of a PayPal billing agreement to use.")},
            "Options for PayPal.",
        ),
        "Options for paypal.",
    ),
    "sepa_debit": opt(
        obj(
            "SetupIntentPaymentMethodOptionsSepaDebitParam",
            {"mandate_options": opt(REFERENCE_PREFIX_MANDATE_OPTIONS, "Options for the mandate.")},
            "Options for SEPA Direct Debit.",
        ),
        "Options for sepa_debit.",
    ),
    "us_bank_account": opt(
        obj(
            "SetupIntentPaymentMethodOptionsUsBankAccountParam",
            {
                "financial_connections": opt(FINANCIAL_CONNECTIONS_OPTIONS, "Options for Financial Connections."),
                "mandate_options": opt(US_BANK_ACCOUNT_MANDATE_OPTIONS, "Options for the mandate."),
                "networks": opt(US_BANK_ACCOUNT_NETWORKS, "The payment networks to use."),
                "verification_method": opt(enum("automatic", "instant", "microdeposits"), "How to verify the account."),
            },
            "Options for US bank accounts (ACH).",
        ),
        "Options for us_bank_account.",
    ),
}

# The rest of payment_method_options, loosely typed.
SI_OPTIONS_LOOSE = ("amazon_pay", "bizum", "blik", "card_present", "klarna", "link", "payto", "pix", "upi")

SI_PAYMENT_METHOD_OPTIONS = obj(
    "SetupIntentPaymentMethodOptionsParam",
    by_name({**SI_OPTIONS_TYPED, **loose(SI_OPTIONS_LOOSE, ANY_OBJECT, "Options for {name}.")}),
    "Payment-method-specific options of a SetupIntent, one hash per payment method type.",
)

SINGLE_USE = obj(
    "SetupIntentSingleUseParam",
    {
        "amount": req(INT, "The amount the mandate covers, in the smallest currency unit."),
        "currency": req(STR, "Three-letter ISO currency code, in lowercase."),
    },
    "Terms of a single-use mandate.",
)

FLOW_DIRECTIONS = list_of(enum("inbound", "outbound"))

P_ALLOWED_TYPES = "Payment method types this SetupIntent may use (API 2026-09-30.endive and later)."
P_PM_TYPES = 'Payment method types this SetupIntent may use, e.g. ["card"] (before API 2026-09-30.endive).'
P_ATTACH_TO_SELF = "Attach the payment method to your own account (for its money movement), not a Customer."
P_EXCLUDED_TYPES = 'Payment method types not to use, e.g. ["card"].'
P_FLOW_DIRECTIONS = "The directions of money movement the payment method is for: inbound, outbound or both."
P_PMD = "Details from which to create a PaymentMethod for this SetupIntent."
P_PMO = "Payment-method-specific options."
P_RETURN_URL = "Where to send the customer after they authenticate or cancel on an external page."

RESOURCE = Resource(
    attr="setup_intents",
    class_name="SetupIntents",
    doc="SetupIntents: save a customer's payment method for future payments.",
    methods=[
        Method(
            "create",
            "post",
            "/v1/setup_intents",
            returns="SetupIntent",
            doc="Create a SetupIntent to save a customer's payment method for later payments.",
            params={
                "allowed_payment_method_types": opt(list_of(STR), P_ALLOWED_TYPES),
                "attach_to_self": opt(BOOL, P_ATTACH_TO_SELF),
                "automatic_payment_methods": opt(AUTOMATIC_PAYMENT_METHODS, "Accept the Dashboard's payment methods."),
                "confirm": opt(BOOL, "Confirm the SetupIntent immediately."),
                "confirmation_token": opt(STR, "The ID of a ConfirmationToken to confirm with."),
                "customer": opt(STR, "The ID of the Customer to attach the payment method to."),
                "customer_account": opt(STR, "The ID of the Account to attach the payment method to."),
                "description": opt(STR, "An arbitrary string, often shown to users."),
                "excluded_payment_method_types": opt(list_of(STR), P_EXCLUDED_TYPES),
                "flow_directions": opt(FLOW_DIRECTIONS, P_FLOW_DIRECTIONS),
                "mandate_data": opt(emptyable(MANDATE_DATA), "The mandate to create (with confirm=true)."),
                "metadata": opt(METADATA, "Key-value pairs to attach to the SetupIntent."),
                "on_behalf_of": opt(STR, "The ID of the connected account the SetupIntent is for."),
                "payment_method": opt(STR, "The ID of the payment method to set up."),
                "payment_method_configuration": opt(STR, "The ID of the payment method configuration to use."),
                "payment_method_data": opt(PAYMENT_METHOD_DATA, P_PMD),
                "payment_method_options": opt(SI_PAYMENT_METHOD_OPTIONS, P_PMO),
                "payment_method_types": opt(list_of(STR), P_PM_TYPES),
                "return_url": opt(STR, P_RETURN_URL + " Only with confirm=true."),
                "single_use": opt(SINGLE_USE, "Create a single-use mandate for this amount on success."),
                "usage": opt(enum("off_session", "on_session"), "How the payment method will be used (off_session)."),
                "use_stripe_sdk": opt(BOOL, "Set to true when a Stripe client SDK handles the next actions."),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/setup_intents/{intent}",
            returns="SetupIntent",
            doc="Retrieve a SetupIntent by its ID.",
            params={"client_secret": opt(STR, "The SetupIntent's client secret; required with a publishable key.")},
        ),
        Method(
            "update",
            "post",
            "/v1/setup_intents/{intent}",
            returns="SetupIntent",
            doc="Update a SetupIntent.",
            params={
                "allowed_payment_method_types": opt(emptyable(list_of(STR)), P_ALLOWED_TYPES),
                "attach_to_self": opt(BOOL, P_ATTACH_TO_SELF),
                "customer": opt(STR, "The ID of the Customer to attach the payment method to."),
                "customer_account": opt(STR, "The ID of the Account to attach the payment method to."),
                "description": opt(STR, "An arbitrary string, often shown to users."),
                "excluded_payment_method_types": opt(emptyable(list_of(STR)), P_EXCLUDED_TYPES),
                "flow_directions": opt(FLOW_DIRECTIONS, P_FLOW_DIRECTIONS),
                "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                "payment_method": opt(STR, 'The ID of the payment method to set up; "" to unset.'),
                "payment_method_configuration": opt(STR, "The ID of the payment method configuration to use."),
                "payment_method_data": opt(PAYMENT_METHOD_DATA, P_PMD),
                "payment_method_options": opt(SI_PAYMENT_METHOD_OPTIONS, P_PMO),
                "payment_method_types": opt(list_of(STR), P_PM_TYPES),
            },
        ),
        Method(
            "list",
            "get",
            "/v1/setup_intents",
            returns="SetupIntent",
            kind="list",
            doc="List SetupIntents, newest first.",
            params=list_params(
                attach_to_self=opt(BOOL, "Only SetupIntents whose payment method is attached to your own account."),
                created=opt(CREATED_FILTER, "Only SetupIntents created at this time or in this range."),
                customer=opt(STR, "Only SetupIntents of this Customer."),
                customer_account=opt(STR, "Only SetupIntents of the Account that represents this customer."),
                payment_method=opt(STR, "Only SetupIntents that use this payment method."),
            ),
        ),
        Method(
            "confirm",
            "post",
            "/v1/setup_intents/{intent}/confirm",
            returns="SetupIntent",
            doc="Confirm that the customer intends to set up the given payment method.",
            params={
                "allowed_payment_method_types": opt(list_of(STR), P_ALLOWED_TYPES),
                "client_secret": opt(STR, "The SetupIntent's client secret (with a publishable key)."),
                "confirmation_token": opt(STR, "The ID of a ConfirmationToken to confirm with."),
                "mandate_data": opt(emptyable(MANDATE_DATA), 'The mandate to create; "" for none.'),
                "payment_method": opt(STR, "The ID of the payment method to set up."),
                "payment_method_data": opt(PAYMENT_METHOD_DATA, P_PMD),
                "payment_method_options": opt(SI_PAYMENT_METHOD_OPTIONS, P_PMO),
                "return_url": opt(STR, P_RETURN_URL),
                "use_stripe_sdk": opt(BOOL, "Set to true when a Stripe client SDK handles the next actions."),
            },
        ),
        Method(
            "cancel",
            "post",
            "/v1/setup_intents/{intent}/cancel",
            returns="SetupIntent",
            doc="Cancel a SetupIntent that hasn't succeeded yet.",
            params={
                "cancellation_reason": opt(
                    enum("abandoned", "duplicate", "requested_by_customer"), "Why it's canceled."
                ),
            },
        ),
        Method(
            "verify_microdeposits",
            "post",
            "/v1/setup_intents/{intent}/verify_microdeposits",
            returns="SetupIntent",
            doc="Verify the bank account of a SetupIntent with the microdeposits sent to it.",
            params={
                "amounts": opt(list_of(INT), "The two microdeposit amounts, in cents."),
                "client_secret": opt(STR, "The SetupIntent's client secret (with a publishable key)."),
                "descriptor_code": opt(STR, "The six-character code (starting with SM) of the microdeposit."),
            },
        ),
    ],
)
