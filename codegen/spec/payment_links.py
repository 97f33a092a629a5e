"""Payment Links: /v1/payment_links and the line items of a link.

Create and update share most shapes; where update takes ``""`` to unset a
field, or a different set of keys, it has its own ``...UpdateParam`` shape.
"""

from codegen.dsl import (
    BOOL,
    DECIMAL,
    FLOAT,
    INT,
    METADATA,
    STR,
    Method,
    Obj,
    Resource,
    emptyable,
    enum,
    list_of,
    list_params,
    obj,
    opt,
    req,
)
from codegen.spec.payment_intents import METADATA_MAP

PAYMENT_METHOD_TYPES = list_of(
    enum(
        "affirm",
        "afterpay_clearpay",
        "alipay",
        "alma",
        "au_becs_debit",
        "bacs_debit",
        "bancontact",
        "billie",
        "bizum",
        "blik",
        "boleto",
        "card",
        "cashapp",
        "eps",
        "fpx",
        "giropay",
        "grabpay",
        "ideal",
        "klarna",
        "konbini",
        "link",
        "mb_way",
        "mobilepay",
        "multibanco",
        "oxxo",
        "p24",
        "pay_by_bank",
        "paynow",
        "paypal",
        "paypay",
        "payto",
        "pix",
        "promptpay",
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
)

ADJUSTABLE_QUANTITY = obj(
    "PaymentLinkAdjustableQuantityParam",
    {
        "enabled": req(BOOL, "Let the customer change the quantity on the payment page."),
        "maximum": opt(INT, "The largest quantity the customer may choose (up to 999999, default 99)."),
        "minimum": opt(INT, "The smallest quantity the customer may choose (default 0)."),
    },
    "Whether and within which bounds the customer may change the quantity.",
)

AFTER_COMPLETION = obj(
    "PaymentLinkAfterCompletionParam",
    {
        "type": req(enum("hosted_confirmation", "redirect"), "Show Stripe's confirmation page, or redirect."),
        "hosted_confirmation": opt(
            obj(
                "PaymentLinkAfterCompletionHostedConfirmationParam",
                {"custom_message": opt(STR, "A message to show on the confirmation page.")},
                "Settings of the confirmation page Stripe hosts.",
            ),
            "With type=hosted_confirmation: the confirmation page.",
        ),
        "redirect": opt(
            obj(
                "PaymentLinkAfterCompletionRedirectParam",
                {"url": req(STR, "Where to send the customer; may contain {CHECKOUT_SESSION_ID}.")},
                "Where to redirect the customer after the purchase.",
            ),
            "With type=redirect: where to go.",
        ),
    },
    "What happens after a purchase.",
)

ISSUER = obj(
    "PaymentLinkIssuerParam",
    {
        "type": req(enum("account", "self"), "Whether the issuer is your account or a connected account."),
        "account": opt(STR, "With type=account: the ID of the connected account."),
    },
    "The account that issues the invoice or is liable for tax (Connect).",
)

AUTOMATIC_TAX = obj(
    "PaymentLinkAutomaticTaxParam",
    {
        "enabled": req(BOOL, "Calculate tax automatically with Stripe Tax."),
        "liability": opt(ISSUER, "The account liable for tax (Connect)."),
    },
    "Automatic tax settings.",
)

CONSENT_COLLECTION = obj(
    "PaymentLinkConsentCollectionParam",
    {
        "payment_method_reuse_agreement": opt(
            obj(
                "PaymentLinkPaymentMethodReuseAgreementParam",
                {"position": req(enum("auto", "hidden"), "Show the agreement (Stripe's default position) or hide it.")},
                "How to show the agreement to save the payment method.",
            ),
            "How to show the agreement to save the payment method.",
        ),
        "promotions": opt(enum("auto", "none"), "Ask for consent to promotional emails (auto) or don't."),
        "terms_of_service": opt(enum("none", "required"), "Require the customer to accept your terms of service."),
    },
    "What consent to ask the customer for.",
)

CUSTOM_FIELD_LENGTHS = {
    "default_value": opt(STR, "The value the field starts with."),
    "maximum_length": opt(INT, "The longest value allowed."),
    "minimum_length": opt(INT, "The shortest value allowed."),
}

CUSTOM_FIELD = obj(
    "PaymentLinkCustomFieldParam",
    {
        "key": req(STR, "Your unique key for the field, up to 200 characters."),
        "label": req(
            obj(
                "PaymentLinkCustomFieldLabelParam",
                {
                    "custom": req(STR, "The label, up to 50 characters."),
                    "type": req(enum("custom"), "The label's type: custom."),
                },
                "The label shown above the field.",
            ),
            "The label shown above the field.",
        ),
        "type": req(enum("dropdown", "numeric", "text"), "The kind of field."),
        "dropdown": opt(
            obj(
                "PaymentLinkCustomFieldDropdownParam",
                {
                    "options": req(
                        list_of(
                            obj(
                                "PaymentLinkCustomFieldDropdownOptionParam",
                                {
                                    "label": req(STR, "The text shown, up to 100 characters."),
                                    "value": req(STR, "The value you receive, up to 100 alphanumeric characters."),
                                },
                                "A choice of a dropdown field.",
                            )
                        ),
                        "The choices, 1 to 200.",
                    ),
                    "default_value": opt(STR, "The value of the option selected at first."),
                },
                "Settings of a dropdown field.",
            ),
            "With type=dropdown: its choices.",
        ),
        "numeric": opt(
            obj("PaymentLinkCustomFieldNumericParam", CUSTOM_FIELD_LENGTHS, "Settings of a numeric field."),
            "With type=numeric: its settings.",
        ),
        "optional": opt(BOOL, "Let the customer leave the field empty."),
        "text": opt(
            obj("PaymentLinkCustomFieldTextParam", CUSTOM_FIELD_LENGTHS, "Settings of a text field."),
            "With type=text: its settings.",
        ),
    },
    "A field the customer fills in on the payment page.",
)


def _custom_text(name: str, where: str) -> Obj:
    return obj(
        f"PaymentLinkCustomText{name}Param",
        {"message": req(STR, "The text, up to 1200 characters.")},
        f"Text shown {where}.",
    )


CUSTOM_TEXT = obj(
    "PaymentLinkCustomTextParam",
    {
        "after_submit": opt(
            emptyable(_custom_text("AfterSubmit", "after the pay button")),
            'Text after the pay button; "" for none.',
        ),
        "shipping_address": opt(
            emptyable(_custom_text("ShippingAddress", "next to the shipping address")),
            'Text next to the shipping address; "" for none.',
        ),
        "submit": opt(
            emptyable(_custom_text("Submit", "next to the pay button")),
            'Text next to the pay button; "" for none.',
        ),
        "terms_of_service_acceptance": opt(
            emptyable(_custom_text("TermsOfServiceAcceptance", "in place of the terms-of-service consent")),
            'Text in place of the terms-of-service consent; "" for none.',
        ),
    },
    "Your own text on the payment page.",
)

INVOICE_CUSTOM_FIELD = obj(
    "PaymentLinkInvoiceCustomFieldParam",
    {
        "name": req(STR, "The field's name, up to 40 characters."),
        "value": req(STR, "The field's value, up to 140 characters."),
    },
    "A custom field shown on the invoice.",
)

INVOICE_CREATION = obj(
    "PaymentLinkInvoiceCreationParam",
    {
        "enabled": req(BOOL, "Create a post-payment invoice for one-time payments."),
        "invoice_data": opt(
            obj(
                "PaymentLinkInvoiceDataParam",
                {
                    "account_tax_ids": opt(emptyable(list_of(STR)), "The IDs of your tax IDs to show on the invoice."),
                    "custom_fields": opt(emptyable(list_of(INVOICE_CUSTOM_FIELD)), "Custom fields, up to 4."),
                    "description": opt(STR, "An arbitrary string, often shown to users."),
                    "footer": opt(STR, "The invoice's footer."),
                    "issuer": opt(ISSUER, "The account that issues the invoice (Connect)."),
                    "metadata": opt(METADATA, "Key-value pairs to attach to the invoice."),
                    "rendering_options": opt(
                        emptyable(
                            obj(
                                "PaymentLinkInvoiceRenderingOptionsParam",
                                {
                                    "amount_tax_display": opt(
                                        emptyable(enum("exclude_tax", "include_inclusive_tax")),
                                        "Whether line amounts include inclusive tax.",
                                    ),
                                    "template": opt(STR, "The ID of the invoice rendering template to use."),
                                },
                                "How the invoice PDF is rendered.",
                            )
                        ),
                        "How the invoice PDF is rendered.",
                    ),
                },
                "What the invoices contain.",
            ),
            "What the invoices contain.",
        ),
    },
    "Post-payment invoices for one-time payments.",
)

PRICE_DATA = obj(
    "PaymentLinkPriceDataParam",
    {
        "currency": req(STR, "Three-letter ISO currency code, in lowercase."),
        "product": opt(STR, "The ID of the Product the price is for (or pass product_data)."),
        "product_data": opt(
            obj(
                "PaymentLinkProductDataParam",
                {
                    "name": req(STR, "The product's name, shown to the customer."),
                    "description": opt(STR, "The product's description."),
                    "images": opt(list_of(STR), "URLs of up to 8 images of the product."),
                    "metadata": opt(METADATA_MAP, "Key-value pairs to attach to the product."),
                    "tax_code": opt(STR, "The product's tax code ID."),
                    "tax_details": opt(
                        obj(
                            "PaymentLinkProductTaxDetailsParam",
                            {
                                "performance_location": opt(STR, "Where the product is performed (for tax)."),
                                "tax_code": opt(emptyable(STR), "The product's tax code ID."),
                            },
                            "Tax details of the product.",
                        ),
                        "Tax details of the product.",
                    ),
                    "unit_label": opt(STR, "A label for one unit, shown on receipts and invoices."),
                },
                "A new Product to create inline.",
            ),
            "A new Product to create inline (or pass product).",
        ),
        "recurring": opt(
            obj(
                "PaymentLinkPriceRecurringParam",
                {
                    "interval": req(enum("day", "month", "week", "year"), "How often to bill."),
                    "interval_count": opt(INT, "How many intervals between bills."),
                },
                "How often a recurring price bills.",
            ),
            "Make it a recurring price.",
        ),
        "tax_behavior": opt(enum("exclusive", "inclusive", "unspecified"), "Whether the price includes tax."),
        "unit_amount": opt(INT, "The unit amount, in the smallest currency unit."),
        "unit_amount_decimal": opt(DECIMAL, "The unit amount with up to 12 decimal places (or pass unit_amount)."),
    },
    "A new Price to create inline.",
)

LINE_ITEM_CREATE = obj(
    "PaymentLinkLineItemParam",
    {
        "quantity": req(INT, "How many units the customer buys."),
        "adjustable_quantity": opt(ADJUSTABLE_QUANTITY, "Let the customer change the quantity."),
        "price": opt(STR, "The ID of the Price or Plan (or pass price_data)."),
        "price_data": opt(PRICE_DATA, "A new Price to create inline (or pass price)."),
    },
    "A line item of the link.",
)

LINE_ITEM_UPDATE = obj(
    "PaymentLinkLineItemUpdateParam",
    {
        "id": req(STR, "The ID of the existing line item to change."),
        "adjustable_quantity": opt(ADJUSTABLE_QUANTITY, "Let the customer change the quantity."),
        "quantity": opt(INT, "How many units the customer buys."),
    },
    "A change to an existing line item of the link.",
)

MANAGED_PAYMENTS = obj(
    "PaymentLinkManagedPaymentsParam",
    {"enabled": opt(BOOL, "Let Stripe act as merchant of record.")},
    "Managed Payments settings.",
)


def _name_toggle(name: str, who: str) -> Obj:
    return obj(
        f"PaymentLinkNameCollection{name}Param",
        {
            "enabled": req(BOOL, f"Collect the {who} name."),
            "optional": opt(BOOL, "Let the customer leave it empty."),
        },
        f"Whether to collect the {who} name.",
    )


NAME_COLLECTION = obj(
    "PaymentLinkNameCollectionParam",
    {
        "business": opt(_name_toggle("Business", "business"), "Collect the business name."),
        "individual": opt(_name_toggle("Individual", "individual's"), "Collect the individual's name."),
    },
    "Which names to collect.",
)

OPTIONAL_ITEM = obj(
    "PaymentLinkOptionalItemParam",
    {
        "price": req(STR, "The ID of the Price."),
        "quantity": req(INT, "The quantity it starts with when the customer adds it."),
        "adjustable_quantity": opt(ADJUSTABLE_QUANTITY, "Let the customer change the quantity."),
    },
    "An item the customer may add to the purchase.",
)

SFU = enum("off_session", "on_session")

PAYMENT_INTENT_DATA_CREATE = obj(
    "PaymentLinkPaymentIntentDataParam",
    {
        "capture_method": opt(enum("automatic", "automatic_async", "manual"), "When to capture the funds."),
        "description": opt(STR, "The description of the PaymentIntents."),
        "metadata": opt(METADATA_MAP, "Key-value pairs to attach to the PaymentIntents."),
        "setup_future_usage": opt(SFU, "Save the payment method for future on_session or off_session payments."),
        "statement_descriptor": opt(STR, "Statement descriptor of non-card charges, up to 22 characters."),
        "statement_descriptor_suffix": opt(STR, "Suffix of the statement descriptor of card charges."),
        "transfer_group": opt(STR, "A string that groups the payments with their transfers."),
    },
    "Settings of the PaymentIntents the link creates (payment mode).",
)

PAYMENT_INTENT_DATA_UPDATE = obj(
    "PaymentLinkPaymentIntentDataUpdateParam",
    {
        "description": opt(emptyable(STR), 'The description of the PaymentIntents; "" to unset.'),
        "metadata": opt(METADATA, 'Key-value pairs to attach to the PaymentIntents; "" removes them all.'),
        "setup_future_usage": opt(emptyable(SFU), 'Save the payment method for future payments; "" to unset.'),
        "statement_descriptor": opt(emptyable(STR), 'Statement descriptor of non-card charges; "" to unset.'),
        "statement_descriptor_suffix": opt(emptyable(STR), 'Suffix of card statement descriptors; "" to unset.'),
        "transfer_group": opt(emptyable(STR), 'A string that groups the payments with their transfers; "" to unset.'),
    },
    "Changes to the settings of the PaymentIntents the link creates.",
)

CARD_BRANDS = list_of(enum("american_express", "discover_global_network", "mastercard", "visa"))

PAYMENT_METHOD_OPTIONS_CREATE = obj(
    "PaymentLinkPaymentMethodOptionsParam",
    {
        "card": opt(
            obj(
                "PaymentLinkPaymentMethodOptionsCardParam",
                {
                    "restrictions": opt(
                        obj(
                            "PaymentLinkCardRestrictionsParam",
                            {"brands_blocked": opt(CARD_BRANDS, "Card brands to refuse.")},
                            "Which cards to refuse.",
                        ),
                        "Which cards to refuse.",
                    )
                },
                "Options for cards.",
            ),
            "Options for cards.",
        ),
    },
    "Payment-method-specific options.",
)

PAYMENT_METHOD_OPTIONS_UPDATE = obj(
    "PaymentLinkPaymentMethodOptionsUpdateParam",
    {
        "card": opt(
            emptyable(
                obj(
                    "PaymentLinkPaymentMethodOptionsCardUpdateParam",
                    {
                        "restrictions": opt(
                            emptyable(
                                obj(
                                    "PaymentLinkCardRestrictionsUpdateParam",
                                    {
                                        "brands_blocked": opt(
                                            emptyable(CARD_BRANDS), 'Card brands to refuse; "" for none.'
                                        )
                                    },
                                    "Which cards to refuse.",
                                )
                            ),
                            'Which cards to refuse; "" for none.',
                        )
                    },
                    "Options for cards.",
                )
            ),
            'Options for cards; "" to unset.',
        ),
    },
    "Payment-method-specific options.",
)

PHONE_NUMBER_COLLECTION = obj(
    "PaymentLinkPhoneNumberCollectionParam",
    {"enabled": req(BOOL, "Collect the customer's phone number.")},
    "Whether to collect a phone number.",
)

RESTRICTIONS = obj(
    "PaymentLinkRestrictionsParam",
    {
        "completed_sessions": req(
            obj(
                "PaymentLinkCompletedSessionsParam",
                {"limit": req(INT, "Deactivate the link after this many completed sessions.")},
                "A limit on completed checkout sessions.",
            ),
            "A limit on completed checkout sessions.",
        )
    },
    "Limits on how often the link can be used.",
)

SHIPPING_ADDRESS_COLLECTION = obj(
    "PaymentLinkShippingAddressCollectionParam",
    {
        # Some 240 country codes: typed as plain strings.
        "allowed_countries": req(list_of(STR), 'Two-letter country codes to ship to, e.g. ["US", "CA"].'),
    },
    "Collect a shipping address.",
)

SHIPPING_OPTION = obj(
    "PaymentLinkShippingOptionParam",
    {"shipping_rate": opt(STR, "The ID of a Shipping Rate.")},
    "A shipping option offered to the customer.",
)

INVOICE_SETTINGS = obj(
    "PaymentLinkSubscriptionInvoiceSettingsParam",
    {
        "account_tax_ids": opt(emptyable(list_of(STR)), "The IDs of your tax IDs to show on the invoices."),
        "custom_fields": opt(emptyable(list_of(INVOICE_CUSTOM_FIELD)), "Custom fields, up to 4."),
        "description": opt(STR, "An arbitrary string, often shown to users."),
        "footer": opt(STR, "The invoices' footer."),
        "issuer": opt(ISSUER, "The account that issues the invoices (Connect)."),
    },
    "Settings of the subscription's invoices.",
)

TRIAL_SETTINGS = obj(
    "PaymentLinkTrialSettingsParam",
    {
        "end_behavior": req(
            obj(
                "PaymentLinkTrialEndBehaviorParam",
                {
                    "missing_payment_method": req(
                        enum("cancel", "create_invoice", "pause"),
                        "What to do when the trial ends without a payment method.",
                    )
                },
                "What happens when the trial ends.",
            ),
            "What happens when the trial ends.",
        )
    },
    "Settings of the free trial.",
)

SUBSCRIPTION_DATA_CREATE = obj(
    "PaymentLinkSubscriptionDataParam",
    {
        "description": opt(STR, "The subscription's description."),
        "invoice_settings": opt(INVOICE_SETTINGS, "Settings of the subscription's invoices."),
        "metadata": opt(METADATA_MAP, "Key-value pairs to attach to the subscriptions."),
        "trial_period_days": opt(INT, "Days of free trial (at least 1)."),
        "trial_settings": opt(TRIAL_SETTINGS, "Settings of the free trial."),
    },
    "Settings of the subscriptions the link creates (subscription mode).",
)

SUBSCRIPTION_DATA_UPDATE = obj(
    "PaymentLinkSubscriptionDataUpdateParam",
    {
        "invoice_settings": opt(INVOICE_SETTINGS, "Settings of the subscription's invoices."),
        "metadata": opt(METADATA, 'Key-value pairs to attach to the subscriptions; "" removes them all.'),
        "trial_period_days": opt(emptyable(INT), 'Days of free trial; "" for none.'),
        "trial_settings": opt(emptyable(TRIAL_SETTINGS), 'Settings of the free trial; "" to unset.'),
    },
    "Changes to the settings of the subscriptions the link creates.",
)

TAX_ID_COLLECTION = obj(
    "PaymentLinkTaxIdCollectionParam",
    {
        "enabled": req(BOOL, "Collect the customer's tax ID."),
        "required": opt(enum("if_supported", "never"), "Require a tax ID where Stripe supports it."),
    },
    "Whether to collect a tax ID.",
)

TRANSFER_DATA_CREATE = obj(
    "PaymentLinkTransferDataParam",
    {
        "destination": req(STR, "The ID of the connected account the funds go to."),
        "amount": opt(INT, "How much to transfer, in the smallest currency unit; all of it by default."),
    },
    "Transfer the funds of each payment to a connected account.",
)

TRANSFER_DATA_UPDATE = obj(
    "PaymentLinkTransferDataUpdateParam",
    {
        "destination": req(STR, "The ID of the connected account the funds go to."),
        "amount": opt(emptyable(INT), 'How much to transfer; "" to transfer all of it.'),
    },
    "Transfer the funds of each payment to a connected account.",
)

BILLING_ADDRESS_COLLECTION = enum("auto", "required")
CUSTOMER_CREATION = enum("always", "if_required")
PAYMENT_METHOD_COLLECTION = enum("always", "if_required")
SUBMIT_TYPE = enum("auto", "book", "donate", "pay", "subscribe")

P_AFTER_COMPLETION = "What happens after a purchase: a confirmation page or a redirect."
P_PROMOTION_CODES = "Let the customer enter promotion codes."
P_FEE_AMOUNT = "The application fee of each payment, in the smallest currency unit (Connect)."
P_FEE_PERCENT = "The application fee of each subscription payment, a percentage (Connect)."
P_BILLING_ADDRESS = "Collect the billing address always (required) or only when needed (auto)."
P_CUSTOMER_CREATION = "Create a Customer always, or only when needed (payment mode)."
P_PM_COLLECTION = "Collect a payment method always, or only when needed (free trials, no charge)."
P_PM_TYPES = 'Payment method types to offer, e.g. ["card"]; by default, from your Dashboard settings.'
P_SUBMIT_TYPE = "The wording of the pay button (payment mode)."

RESOURCE = Resource(
    attr="payment_links",
    class_name="PaymentLinks",
    doc="Payment Links: shareable URLs to a payment page Stripe hosts.",
    methods=[
        Method(
            "create",
            "post",
            "/v1/payment_links",
            returns="PaymentLink",
            doc="Create a Payment Link.",
            params={
                "line_items": req(list_of(LINE_ITEM_CREATE), "What the customer buys, up to 20 items."),
                "after_completion": opt(AFTER_COMPLETION, P_AFTER_COMPLETION),
                "allow_promotion_codes": opt(BOOL, P_PROMOTION_CODES),
                "application_fee_amount": opt(INT, P_FEE_AMOUNT),
                "application_fee_percent": opt(FLOAT, P_FEE_PERCENT),
                "automatic_tax": opt(AUTOMATIC_TAX, "Calculate tax automatically."),
                "billing_address_collection": opt(BILLING_ADDRESS_COLLECTION, P_BILLING_ADDRESS),
                "consent_collection": opt(CONSENT_COLLECTION, "What consent to ask the customer for."),
                "currency": opt(STR, "Three-letter ISO currency code; needs prices in that currency."),
                "custom_fields": opt(list_of(CUSTOM_FIELD), "Fields the customer fills in, up to 3."),
                "custom_text": opt(CUSTOM_TEXT, "Your own text on the payment page."),
                "customer_creation": opt(CUSTOMER_CREATION, P_CUSTOMER_CREATION),
                "inactive_message": opt(STR, "The message shown when the link is inactive."),
                "invoice_creation": opt(INVOICE_CREATION, "Create post-payment invoices (payment mode)."),
                "managed_payments": opt(MANAGED_PAYMENTS, "Let Stripe act as merchant of record."),
                "metadata": opt(METADATA, "Key-value pairs to attach to the link (and its Checkout Sessions)."),
                "name_collection": opt(NAME_COLLECTION, "Which names to collect."),
                "on_behalf_of": opt(STR, "The ID of the connected account the payments are settled for."),
                "optional_items": opt(list_of(OPTIONAL_ITEM), "Items the customer may add, up to 10."),
                "payment_intent_data": opt(PAYMENT_INTENT_DATA_CREATE, "Settings of the PaymentIntents created."),
                "payment_method_collection": opt(PAYMENT_METHOD_COLLECTION, P_PM_COLLECTION),
                "payment_method_options": opt(PAYMENT_METHOD_OPTIONS_CREATE, "Payment-method-specific options."),
                "payment_method_types": opt(PAYMENT_METHOD_TYPES, P_PM_TYPES),
                "phone_number_collection": opt(PHONE_NUMBER_COLLECTION, "Collect the customer's phone number."),
                "restrictions": opt(RESTRICTIONS, "Limits on how often the link can be used."),
                "shipping_address_collection": opt(SHIPPING_ADDRESS_COLLECTION, "Collect a shipping address."),
                "shipping_options": opt(list_of(SHIPPING_OPTION), "Shipping rates to offer."),
                "submit_type": opt(SUBMIT_TYPE, P_SUBMIT_TYPE),
                "subscription_data": opt(SUBSCRIPTION_DATA_CREATE, "Settings of the subscriptions created."),
                "tax_id_collection": opt(TAX_ID_COLLECTION, "Collect the customer's tax ID."),
                "transfer_data": opt(TRANSFER_DATA_CREATE, "Transfer each payment to a connected account."),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/payment_links/{payment_link}",
            returns="PaymentLink",
            doc="Retrieve a Payment Link by its ID.",
        ),
        Method(
            "update",
            "post",
            "/v1/payment_links/{payment_link}",
            returns="PaymentLink",
            doc='Update a Payment Link; many fields take "" to unset them.',
            params={
                "active": opt(BOOL, "Activate or deactivate the link."),
                "after_completion": opt(AFTER_COMPLETION, P_AFTER_COMPLETION),
                "allow_promotion_codes": opt(BOOL, P_PROMOTION_CODES),
                "application_fee_amount": opt(emptyable(INT), P_FEE_AMOUNT),
                "application_fee_percent": opt(emptyable(FLOAT), P_FEE_PERCENT),
                "automatic_tax": opt(AUTOMATIC_TAX, "Calculate tax automatically."),
                "billing_address_collection": opt(BILLING_ADDRESS_COLLECTION, P_BILLING_ADDRESS),
                "consent_collection": opt(CONSENT_COLLECTION, "What consent to ask the customer for."),
                "custom_fields": opt(emptyable(list_of(CUSTOM_FIELD)), 'Fields the customer fills in; "" for none.'),
                "custom_text": opt(CUSTOM_TEXT, "Your own text on the payment page."),
                "customer_creation": opt(CUSTOMER_CREATION, P_CUSTOMER_CREATION),
                "inactive_message": opt(emptyable(STR), 'The message shown when the link is inactive; "" to unset.'),
                "invoice_creation": opt(INVOICE_CREATION, "Create post-payment invoices (payment mode)."),
                "line_items": opt(list_of(LINE_ITEM_UPDATE), "Changes to existing line items, by ID."),
                "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                "name_collection": opt(emptyable(NAME_COLLECTION), 'Which names to collect; "" for none.'),
                "on_behalf_of": opt(emptyable(STR), 'The connected account the payments are settled for; "" to unset.'),
                "optional_items": opt(emptyable(list_of(OPTIONAL_ITEM)), 'Items the customer may add; "" for none.'),
                "payment_intent_data": opt(PAYMENT_INTENT_DATA_UPDATE, "Settings of the PaymentIntents created."),
                "payment_method_collection": opt(PAYMENT_METHOD_COLLECTION, P_PM_COLLECTION),
                "payment_method_options": opt(
                    emptyable(PAYMENT_METHOD_OPTIONS_UPDATE), 'Payment-method-specific options; "" to unset.'
                ),
                "payment_method_types": opt(emptyable(PAYMENT_METHOD_TYPES), P_PM_TYPES + ' "" for the default.'),
                "phone_number_collection": opt(PHONE_NUMBER_COLLECTION, "Collect the customer's phone number."),
                "restrictions": opt(emptyable(RESTRICTIONS), 'Limits on how often the link can be used; "" for none.'),
                "shipping_address_collection": opt(
                    emptyable(SHIPPING_ADDRESS_COLLECTION), 'Collect a shipping address; "" to stop.'
                ),
                "shipping_options": opt(emptyable(list_of(SHIPPING_OPTION)), 'Shipping rates to offer; "" for none.'),
                "submit_type": opt(SUBMIT_TYPE, P_SUBMIT_TYPE),
                "subscription_data": opt(SUBSCRIPTION_DATA_UPDATE, "Settings of the subscriptions created."),
                "tax_id_collection": opt(TAX_ID_COLLECTION, "Collect the customer's tax ID."),
                "transfer_data": opt(
                    emptyable(TRANSFER_DATA_UPDATE), 'Transfer each payment to a connected account; "" to stop.'
                ),
            },
        ),
        Method(
            "list",
            "get",
            "/v1/payment_links",
            returns="PaymentLink",
            kind="list",
            doc="List Payment Links, newest first.",
            params=list_params(active=opt(BOOL, "Only active (true) or only inactive (false) links.")),
        ),
        Method(
            "list_line_items",
            "get",
            "/v1/payment_links/{payment_link}/line_items",
            returns="LineItem",
            kind="list",
            doc="List the line items of a Payment Link.",
            params=list_params(),
        ),
    ],
)
