"""Issuing cardholders, cards, personalization designs and physical bundles.

Cardholders and cards take spending controls of almost the same shape: only a
cardholder's controls carry ``spending_limits_currency``, so there are two
TypedDicts, sharing the spending-limit item. Merchant categories (a few hundred
MCC group names) are typed as plain strings.
"""

from codegen.dsl import (
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
from codegen.spec.payment_intents import DATE_OF_BIRTH

# -- shapes shared by cardholders and cards ----------------------------------------

MERCHANT_CATEGORIES = list_of(STR)
P_CATEGORIES = "Merchant categories (MCC group names such as 'taxicabs_limousines')"
CARD_PRESENCES = list_of(enum("not_present", "present"))

ADDRESS = obj(
    "IssuingAddressParam",
    {
        "city": req(STR, "City, district, suburb, town or village."),
        "country": req(STR, "Two-letter country code (ISO 3166-1 alpha-2)."),
        "line1": req(STR, "Address line 1, such as the street, PO box or company name."),
        "line2": opt(STR, "Address line 2, such as the apartment, suite, unit or building."),
        "postal_code": req(STR, "ZIP or postal code."),
        "state": opt(STR, "State, county, province or region (ISO 3166-2)."),
    },
    "A postal address whose city, country, first line and postal code are required.",
)

SPENDING_LIMIT = obj(
    "IssuingSpendingLimitParam",
    {
        "amount": req(INT, "The most that may be spent per interval, in the smallest currency unit."),
        "interval": req(
            enum("all_time", "daily", "monthly", "per_authorization", "weekly", "yearly"),
            "The interval (or event) the amount applies to.",
        ),
        "categories": opt(MERCHANT_CATEGORIES, P_CATEGORIES + " the limit applies to; all when omitted."),
    },
    "An amount-based spending rule.",
)

_CONTROLS = {
    "allowed_card_presences": opt(CARD_PRESENCES, "Card presences to allow (present, not_present); others decline."),
    "allowed_categories": opt(MERCHANT_CATEGORIES, P_CATEGORIES + " to allow; all others are declined."),
    "allowed_merchant_countries": opt(
        list_of(STR), "Merchant countries (ISO 3166-1 alpha-2) to allow; others decline."
    ),
    "blocked_card_presences": opt(CARD_PRESENCES, "Card presences to decline (present, not_present)."),
    "blocked_categories": opt(MERCHANT_CATEGORIES, P_CATEGORIES + " to decline; all others are allowed."),
    "blocked_merchant_countries": opt(list_of(STR), "Merchant countries (ISO 3166-1 alpha-2) to decline."),
}

CARDHOLDER_SPENDING_CONTROLS = obj(
    "IssuingCardholderSpendingControlsParam",
    {
        **_CONTROLS,
        "spending_limits": opt(list_of(SPENDING_LIMIT), "Spending limits across all of the cardholder's cards."),
        "spending_limits_currency": opt(STR, "The currency of the limits' amounts (default: your account's)."),
    },
    "Rules that control spending across a cardholder's cards.",
)

CARD_SPENDING_CONTROLS = obj(
    "IssuingCardSpendingControlsParam",
    {
        **_CONTROLS,
        "spending_limits": opt(list_of(SPENDING_LIMIT), "Spending limits of this card and the cards it replaced."),
    },
    "Rules that control spending on a card.",
)

# -- cardholder shapes -----------------------------------------------------------------

CARDHOLDER_BILLING = obj(
    "IssuingCardholderBillingParam",
    {"address": req(ADDRESS, "The cardholder's billing address.")},
    "The cardholder's billing details.",
)

CARDHOLDER_COMPANY = obj(
    "IssuingCardholderCompanyParam",
    {"tax_id": opt(STR, "The company's business ID number.")},
    "Details of a company cardholder.",
)

USER_TERMS_ACCEPTANCE = obj(
    "IssuingCardholderUserTermsAcceptanceParam",
    {
        "date": opt(TIMESTAMP, "When the cardholder accepted the Authorized User Terms."),
        "ip": opt(STR, "The IP address from which the cardholder accepted the terms."),
        "user_agent": opt(emptyable(STR), "The user agent of the browser in which the cardholder accepted the terms."),
    },
    "The cardholder's acceptance of the Authorized User Terms.",
)

CARD_ISSUING = obj(
    "IssuingCardholderCardIssuingParam",
    {
        "user_terms_acceptance": opt(
            USER_TERMS_ACCEPTANCE, "Acceptance of the Authorized User Terms (required for Celtic-backed cards)."
        ),
    },
    "Card-issuing program details of an individual cardholder.",
)

VERIFICATION_DOCUMENT = obj(
    "IssuingCardholderVerificationDocumentParam",
    {
        "back": opt(STR, "The ID of a File (purpose identity_document) with the back of the ID."),
        "front": opt(STR, "The ID of a File (purpose identity_document) with the front of the ID."),
    },
    "A passport or local ID card.",
)

VERIFICATION = obj(
    "IssuingCardholderVerificationParam",
    {"document": opt(VERIFICATION_DOCUMENT, "An identity document.")},
    "A government-issued ID of the cardholder.",
)

CARDHOLDER_INDIVIDUAL = obj(
    "IssuingCardholderIndividualParam",
    {
        "card_issuing": opt(CARD_ISSUING, "Card-issuing program details."),
        "dob": opt(DATE_OF_BIRTH, "The cardholder's date of birth (they must be older than 13)."),
        "first_name": opt(STR, "First name; required before cards are activated."),
        "last_name": opt(STR, "Last name; required before cards are activated."),
        "verification": opt(VERIFICATION, "A government-issued ID of the cardholder."),
    },
    "Details of an individual cardholder.",
)

LOCALES = list_of(enum("de", "en", "es", "fr", "it"))
P_LOCALES = "Languages of 3D Secure and one-time-password messages, most preferred first."
P_CARDHOLDER_STATUS = "Whether authorizations on the cardholder's cards may be approved."

# -- card shapes ---------------------------------------------------------------------

CARD_PIN = obj(
    "IssuingCardPinParam",
    {"encrypted_number": opt(STR, "The new PIN, encrypted under Stripe's public key.")},
    "A card's PIN.",
)

CARD_SHIPPING = obj(
    "IssuingCardShippingParam",
    {
        "address": req(ADDRESS, "Where the card is shipped."),
        "name": req(STR, "The name on the shipping label."),
        "address_validation": opt(
            obj(
                "IssuingCardShippingAddressValidationParam",
                {
                    "mode": req(
                        enum("disabled", "normalization_only", "validation_and_normalization"),
                        "How much validation and normalization the address gets.",
                    ),
                },
                "Address validation settings.",
            ),
            "Address validation settings.",
        ),
        "business_name": opt(STR, "The business name on the shipping label (API 2026-07-29 and later)."),
        "customs": opt(
            obj(
                "IssuingCardShippingCustomsParam",
                {"eori_number": opt(STR, "The EORI number for customs; required for bulk shipments to Europe.")},
                "Customs details of a shipment.",
            ),
            "Customs details of the shipment.",
        ),
        "phone_number": opt(STR, "The recipient's phone number."),
        "require_signature": opt(BOOL, "Whether delivery needs a signature."),
        "service": opt(enum("express", "priority", "standard"), "The shipping service."),
        "type": opt(enum("bulk", "individual"), "The packaging: one card per package or in bulk."),
    },
    "Where and how a physical card is shipped.",
)

LIFECYCLE_CONTROLS = obj(
    "IssuingCardLifecycleControlsParam",
    {
        "cancel_after": req(
            obj(
                "IssuingCardCancelAfterParam",
                {
                    "payment_count": req(
                        INT, "Cancel the card after this many non-zero payment authorizations and transactions."
                    ),
                },
                "When a card is canceled automatically.",
            ),
            "When to cancel the card automatically.",
        ),
    },
    "Rules for a card's lifecycle, such as automatic cancellation.",
)

# -- personalization design shapes ------------------------------------------------------

CARRIER_TEXT = obj(
    "IssuingPersonalizationDesignCarrierTextParam",
    {
        "footer_body": opt(emptyable(STR), "The footer body of the carrier letter."),
        "footer_title": opt(emptyable(STR), "The footer title of the carrier letter."),
        "header_body": opt(emptyable(STR), "The header body of the carrier letter."),
        "header_title": opt(emptyable(STR), "The header title of the carrier letter."),
    },
    "The text of the carrier letter, for physical bundles that support it.",
)

DESIGN_PREFERENCES = obj(
    "IssuingPersonalizationDesignPreferencesParam",
    {"is_default": req(BOOL, "Use this design for new cards that don't name one.")},
    "Whether a design is the default one.",
)

DESIGN_PREFERENCES_FILTER = obj(
    "IssuingPersonalizationDesignPreferencesFilterParam",
    {
        "is_default": opt(BOOL, "Only the design that is your default."),
        "is_platform_default": opt(BOOL, "Only the Connect platform's default design (for connected accounts)."),
    },
    "A filter on the preferences of personalization designs.",
)

DESIGN_STATUS = enum("active", "inactive", "rejected", "review")
P_CARD_LOGO = "The ID of a File (purpose issuing_logo) with the card logo, for bundles that support logos."
P_LOOKUP_KEY = "A static string (up to 200 characters) to look the design up by."
P_TRANSFER_LOOKUP_KEY = "Move the lookup key from the design that has it to this one, atomically."

RESOURCES = [
    Resource(
        attr="cardholders",
        class_name="IssuingCardholders",
        doc="Issuing cardholders: the people and businesses you issue cards to.",
        namespace="issuing",
        methods=[
            Method(
                "create",
                "post",
                "/v1/issuing/cardholders",
                returns="IssuingCardholder",
                doc="Create a cardholder who can be issued cards.",
                params={
                    "billing": req(CARDHOLDER_BILLING, "The cardholder's billing address."),
                    "name": req(
                        STR, "The name printed on the cards (up to 24 letters, no digits or special characters)."
                    ),
                    "company": opt(CARDHOLDER_COMPANY, "Details of a company cardholder."),
                    "email": opt(STR, "The cardholder's email address."),
                    "individual": opt(CARDHOLDER_INDIVIDUAL, "Details of an individual cardholder."),
                    "metadata": opt(METADATA, "Key-value pairs to attach to the cardholder."),
                    "phone_number": opt(STR, "The cardholder's phone number; required for cardholders of EU cards."),
                    "preferred_locales": opt(LOCALES, P_LOCALES),
                    "spending_controls": opt(CARDHOLDER_SPENDING_CONTROLS, "Spending rules across the cards."),
                    "status": opt(enum("active", "inactive"), P_CARDHOLDER_STATUS + " Defaults to active."),
                    "type": opt(enum("company", "individual"), "Whether the cardholder is an individual or a company."),
                },
            ),
            Method(
                "retrieve",
                "get",
                "/v1/issuing/cardholders/{cardholder}",
                returns="IssuingCardholder",
                doc="Retrieve a cardholder by its ID.",
            ),
            Method(
                "update",
                "post",
                "/v1/issuing/cardholders/{cardholder}",
                returns="IssuingCardholder",
                doc="Update a cardholder; parameters left out stay unchanged.",
                params={
                    "billing": opt(CARDHOLDER_BILLING, "The cardholder's billing address."),
                    "company": opt(CARDHOLDER_COMPANY, "Details of a company cardholder."),
                    "email": opt(STR, "The cardholder's email address."),
                    "individual": opt(CARDHOLDER_INDIVIDUAL, "Details of an individual cardholder."),
                    "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                    "phone_number": opt(STR, "The cardholder's phone number; required for cardholders of EU cards."),
                    "preferred_locales": opt(LOCALES, P_LOCALES),
                    "spending_controls": opt(CARDHOLDER_SPENDING_CONTROLS, "Spending rules across the cards."),
                    "status": opt(enum("active", "inactive"), P_CARDHOLDER_STATUS),
                },
            ),
            Method(
                "list",
                "get",
                "/v1/issuing/cardholders",
                returns="IssuingCardholder",
                kind="list",
                doc="List cardholders, newest first.",
                params=list_params(
                    created=opt(CREATED_FILTER, "Only cardholders created at this time or in this range."),
                    email=opt(STR, "Only cardholders with this email address."),
                    phone_number=opt(STR, "Only cardholders with this phone number."),
                    status=opt(enum("active", "blocked", "inactive"), "Only cardholders with this status."),
                    type=opt(enum("company", "individual"), "Only cardholders of this type."),
                ),
            ),
        ],
    ),
    Resource(
        attr="cards",
        class_name="IssuingCards",
        doc="Issuing cards: physical and virtual cards issued to cardholders.",
        namespace="issuing",
        methods=[
            Method(
                "create",
                "post",
                "/v1/issuing/cards",
                returns="IssuingCard",
                doc="Issue a card.",
                params={
                    "currency": req(STR, "The card's currency, a three-letter ISO code in lowercase."),
                    "type": req(enum("physical", "virtual"), "Whether to issue a physical or a virtual card."),
                    "cardholder": opt(STR, "The ID of the cardholder the card is issued to."),
                    "exp_month": opt(INT, "A custom expiration month, 1 to 12."),
                    "exp_year": opt(INT, "A custom four-digit expiration year."),
                    "financial_account": opt(STR, "The ID of the financial account the card draws on."),
                    "lifecycle_controls": opt(LIFECYCLE_CONTROLS, "Rules for the card's lifecycle."),
                    "metadata": opt(METADATA, "Key-value pairs to attach to the card."),
                    "personalization_design": opt(STR, "The ID of the personalization design of the card."),
                    "pin": opt(CARD_PIN, "The card's PIN."),
                    "replacement_for": opt(STR, "The ID of the card this one replaces."),
                    "replacement_reason": opt(
                        enum("damaged", "expired", "lost", "stolen"), "Why the replaced card is replaced."
                    ),
                    "second_line": opt(emptyable(STR), "A second line printed on the card (up to 24 characters)."),
                    "shipping": opt(CARD_SHIPPING, "Where and how to ship a physical card."),
                    "spending_controls": opt(CARD_SPENDING_CONTROLS, "Spending rules of the card."),
                    "status": opt(
                        enum("active", "inactive"), "Whether authorizations may be approved (default inactive)."
                    ),
                },
            ),
            Method(
                "retrieve",
                "get",
                "/v1/issuing/cards/{card}",
                returns="IssuingCard",
                doc="Retrieve a card by its ID.",
            ),
            Method(
                "update",
                "post",
                "/v1/issuing/cards/{card}",
                returns="IssuingCard",
                doc="Update a card; parameters left out stay unchanged.",
                params={
                    "cancellation_reason": opt(enum("lost", "stolen"), "Why the card is canceled."),
                    "financial_account": opt(STR, "The ID of the financial account to move the card to."),
                    "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                    "personalization_design": opt(STR, "The ID of the personalization design of the card."),
                    "pin": opt(CARD_PIN, "The card's new PIN."),
                    "shipping": opt(CARD_SHIPPING, "New shipping details of the card."),
                    "spending_controls": opt(CARD_SPENDING_CONTROLS, "Spending rules of the card."),
                    "status": opt(
                        enum("active", "canceled", "inactive"),
                        "Whether authorizations may be approved; canceled is final (give cancellation_reason).",
                    ),
                },
            ),
            Method(
                "list",
                "get",
                "/v1/issuing/cards",
                returns="IssuingCard",
                kind="list",
                doc="List cards, newest first.",
                params=list_params(
                    cardholder=opt(STR, "Only cards of this cardholder."),
                    created=opt(CREATED_FILTER, "Only cards issued at this time or in this range."),
                    exp_month=opt(INT, "Only cards expiring in this month."),
                    exp_year=opt(INT, "Only cards expiring in this year."),
                    last4=opt(STR, "Only cards with these last four digits."),
                    personalization_design=opt(STR, "Only cards with this personalization design."),
                    status=opt(enum("active", "canceled", "inactive"), "Only cards with this status."),
                    type=opt(enum("physical", "virtual"), "Only cards of this type."),
                ),
            ),
        ],
    ),
    Resource(
        attr="personalization_designs",
        class_name="IssuingPersonalizationDesigns",
        doc="Issuing personalization designs: the logo and carrier text of physical cards.",
        namespace="issuing",
        methods=[
            Method(
                "create",
                "post",
                "/v1/issuing/personalization_designs",
                returns="IssuingPersonalizationDesign",
                doc="Create a personalization design.",
                params={
                    "physical_bundle": req(STR, "The ID of the physical bundle the design uses."),
                    "card_logo": opt(STR, P_CARD_LOGO),
                    "carrier_text": opt(CARRIER_TEXT, "The text of the carrier letter."),
                    "lookup_key": opt(STR, P_LOOKUP_KEY),
                    "metadata": opt(METADATA, "Key-value pairs to attach to the design."),
                    "name": opt(STR, "A display name."),
                    "preferences": opt(DESIGN_PREFERENCES, "Whether the design is the default one."),
                    "transfer_lookup_key": opt(BOOL, P_TRANSFER_LOOKUP_KEY),
                },
            ),
            Method(
                "retrieve",
                "get",
                "/v1/issuing/personalization_designs/{personalization_design}",
                returns="IssuingPersonalizationDesign",
                doc="Retrieve a personalization design by its ID.",
            ),
            Method(
                "update",
                "post",
                "/v1/issuing/personalization_designs/{personalization_design}",
                returns="IssuingPersonalizationDesign",
                doc="Update a personalization design.",
                params={
                    "card_logo": opt(emptyable(STR), P_CARD_LOGO + ' "" removes it.'),
                    "carrier_text": opt(emptyable(CARRIER_TEXT), 'The text of the carrier letter; "" removes it.'),
                    "lookup_key": opt(emptyable(STR), P_LOOKUP_KEY + ' "" removes it.'),
                    "metadata": opt(METADATA, 'Key-value pairs to attach; "" removes them all.'),
                    "name": opt(emptyable(STR), 'A display name; "" removes it.'),
                    "physical_bundle": opt(STR, "The ID of the physical bundle the design uses."),
                    "preferences": opt(DESIGN_PREFERENCES, "Whether the design is the default one."),
                    "transfer_lookup_key": opt(BOOL, P_TRANSFER_LOOKUP_KEY),
                },
            ),
            Method(
                "list",
                "get",
                "/v1/issuing/personalization_designs",
                returns="IssuingPersonalizationDesign",
                kind="list",
                doc="List personalization designs, newest first.",
                params=list_params(
                    lookup_keys=opt(list_of(STR), "Only designs with one of these lookup keys."),
                    preferences=opt(DESIGN_PREFERENCES_FILTER, "Only designs with these preferences."),
                    status=opt(DESIGN_STATUS, "Only designs with this status."),
                ),
            ),
        ],
    ),
    Resource(
        attr="physical_bundles",
        class_name="IssuingPhysicalBundles",
        doc="Issuing physical bundles: the card stock, carrier and envelope of physical cards.",
        namespace="issuing",
        methods=[
            Method(
                "retrieve",
                "get",
                "/v1/issuing/physical_bundles/{physical_bundle}",
                returns="IssuingPhysicalBundle",
                doc="Retrieve a physical bundle by its ID.",
            ),
            Method(
                "list",
                "get",
                "/v1/issuing/physical_bundles",
                returns="IssuingPhysicalBundle",
                kind="list",
                doc="List physical bundles, newest first.",
                params=list_params(
                    status=opt(enum("active", "inactive", "review"), "Only bundles with this status."),
                    type=opt(enum("custom", "standard"), "Only bundles of this type."),
                ),
            ),
        ],
    ),
]
