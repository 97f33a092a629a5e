"""Tokens: POST /v1/tokens and GET /v1/tokens/{token}.

One ``create`` call tokenizes one kind of details: a card, a bank account, a
CVC, a PII id number, or the account / person details a Connect platform
collects for a connected account. The account and person hashes are typed in
full: they are what a platform fills in.

Shapes follow API version 2026-09-30.endive (the version stripe_lite pins).
"""

from codegen.dsl import (
    BOOL,
    FLOAT,
    INT,
    METADATA,
    STR,
    TIMESTAMP,
    Method,
    Resource,
    emptyable,
    enum,
    list_of,
    obj,
    one_of,
    opt,
    req,
)
from codegen.spec.payment_intents import ADDRESS, DATE_OF_BIRTH

# -- small shapes shared by the account and person hashes ------------------------

JAPAN_ADDRESS = obj(
    "TokenJapanAddressParam",
    {
        "city": opt(STR, "City or ward."),
        "country": opt(STR, "Two-letter country code (ISO 3166-1 alpha-2)."),
        "line1": opt(STR, "Block or building number."),
        "line2": opt(STR, "Building details."),
        "postal_code": opt(STR, "Postal code."),
        "state": opt(STR, "Prefecture."),
        "town": opt(STR, "Town or cho-me."),
    },
    "A Japanese address, written in kana or in kanji.",
)

DATE = obj(
    "TokenDateParam",
    {
        "day": req(INT, "Day, 1 to 31."),
        "month": req(INT, "Month, 1 to 12."),
        "year": req(INT, "Four-digit year."),
    },
    "A calendar date.",
)

DECLARATION = obj(
    "TokenDeclarationParam",
    {
        "date": opt(TIMESTAMP, "When the declaration was made."),
        "ip": opt(STR, "The IP address from which it was made."),
        "user_agent": opt(STR, "The user agent of the browser from which it was made."),
    },
    "When, where from and with which browser a declaration was made.",
)

DOCUMENT = obj(
    "TokenVerificationDocumentParam",
    {
        "back": opt(STR, "The ID of a File (purpose identity_document or account_requirement): the back side."),
        "front": opt(STR, "The ID of a File (purpose identity_document or account_requirement): the front side."),
    },
    "An identity or business document, as uploaded Files.",
)

PERSON_VERIFICATION = obj(
    "TokenPersonVerificationParam",
    {
        "additional_document": opt(DOCUMENT, "A document showing the person's address, such as a utility bill."),
        "document": opt(DOCUMENT, "An identifying document, such as a passport or an ID card."),
    },
    "Documents that verify a person's identity and address.",
)

POLITICAL_EXPOSURE = enum("existing", "none")
P_KANA = "{what}, in kana (Japan only)."
P_KANJI = "{what}, in kanji (Japan only)."

# -- account[company] ------------------------------------------------------------

COMPANY_STRUCTURES = enum(
    "free_zone_establishment",
    "free_zone_llc",
    "government_instrumentality",
    "governmental_unit",
    "incorporated_non_profit",
    "incorporated_partnership",
    "limited_liability_partnership",
    "llc",
    "multi_member_llc",
    "private_company",
    "private_corporation",
    "private_partnership",
    "public_company",
    "public_corporation",
    "public_partnership",
    "registered_charity",
    "single_member_llc",
    "sole_establishment",
    "sole_proprietorship",
    "tax_exempt_government_instrumentality",
    "unincorporated_association",
    "unincorporated_non_profit",
    "unincorporated_partnership",
)

COMPANY = obj(
    "TokenAccountCompanyParam",
    {
        "address": opt(ADDRESS, "The company's primary address."),
        "address_kana": opt(JAPAN_ADDRESS, P_KANA.format(what="The company's address")),
        "address_kanji": opt(JAPAN_ADDRESS, P_KANJI.format(what="The company's address")),
        "administrative_address": opt(ADDRESS, "The company's administrative address, where it differs."),
        "directors_provided": opt(BOOL, "Whether every director is provided (as persons with relationship.director)."),
        "directorship_declaration": opt(DECLARATION, "Who attested that the directors provided are complete."),
        "executives_provided": opt(BOOL, "Whether every executive is provided."),
        "export_license_id": opt(STR, "The company's export license ID (India)."),
        "export_purpose_code": opt(STR, "The purpose code of the company's exports (India)."),
        "name": opt(STR, "The company's legal name."),
        "name_kana": opt(STR, P_KANA.format(what="The company's legal name")),
        "name_kanji": opt(STR, P_KANJI.format(what="The company's legal name")),
        "owners_provided": opt(BOOL, "Whether every owner is provided (as persons with relationship.owner)."),
        "ownership_declaration": opt(DECLARATION, "Who attested that the beneficial owners provided are complete."),
        "ownership_declaration_shown_and_signed": opt(BOOL, "The ownership declaration was shown and signed."),
        "ownership_exemption_reason": opt(
            emptyable(enum("qualified_entity_exceeds_ownership_threshold", "qualifies_as_financial_institution")),
            'Why the company is exempt from declaring beneficial owners; "" to unset.',
        ),
        "phone": opt(STR, "The company's phone number, used for verification."),
        "physical_address": opt(ADDRESS, "The company's physical address, where it differs."),
        "principal_place_of_business": opt(ADDRESS, "Where the company mainly does business."),
        "registration_date": opt(emptyable(DATE), 'The date the company was registered; "" to unset.'),
        "registration_number": opt(STR, "The company's registration number in its jurisdiction."),
        "representative_declaration": opt(DECLARATION, "Who attested that the representative is authorized."),
        "structure": opt(emptyable(COMPANY_STRUCTURES), 'The legal structure of the company; "" to unset.'),
        "tax_id": opt(STR, "The company's business tax ID (EIN in the US, BN in Canada, ...)."),
        "tax_id_registrar": opt(STR, "The jurisdiction in which the tax ID is registered (Germany)."),
        "vat_id": opt(STR, "The company's VAT number."),
        "verification": opt(
            obj(
                "TokenAccountCompanyVerificationParam",
                {"document": opt(DOCUMENT, "A document that verifies the company, such as a registration extract.")},
                "Documents that verify the company.",
            ),
            "Documents that verify the company.",
        ),
    },
    "Details of a company.",
)

# -- account[individual] ---------------------------------------------------------

INDIVIDUAL = obj(
    "TokenAccountIndividualParam",
    {
        "address": opt(ADDRESS, "The individual's primary address."),
        "address_kana": opt(JAPAN_ADDRESS, P_KANA.format(what="The individual's address")),
        "address_kanji": opt(JAPAN_ADDRESS, P_KANJI.format(what="The individual's address")),
        "dob": opt(emptyable(DATE_OF_BIRTH), 'The individual\'s date of birth; "" to unset.'),
        "email": opt(STR, "The individual's email address."),
        "first_name": opt(STR, "The individual's first name."),
        "first_name_kana": opt(STR, P_KANA.format(what="The first name")),
        "first_name_kanji": opt(STR, P_KANJI.format(what="The first name")),
        "full_name_aliases": opt(emptyable(list_of(STR)), 'Other names the individual is known by; "" to unset.'),
        "gender": opt(STR, 'The individual\'s gender ("male" or "female" are the values Stripe checks).'),
        "id_number": opt(STR, "The government-issued ID number (SSN in the US, SIN in Canada, ...)."),
        "id_number_secondary": opt(STR, "A secondary ID number (the RFC in Mexico)."),
        "last_name": opt(STR, "The individual's last name."),
        "last_name_kana": opt(STR, P_KANA.format(what="The last name")),
        "last_name_kanji": opt(STR, P_KANJI.format(what="The last name")),
        "maiden_name": opt(STR, "The individual's maiden name."),
        "metadata": opt(METADATA, "Key-value pairs to attach to the individual."),
        "phone": opt(STR, "The individual's phone number."),
        "political_exposure": opt(POLITICAL_EXPOSURE, "Whether the individual is a politically exposed person."),
        "registered_address": opt(ADDRESS, "The individual's registered address."),
        "relationship": opt(
            obj(
                "TokenAccountIndividualRelationshipParam",
                {
                    "director": opt(BOOL, "The individual is a director of the company."),
                    "executive": opt(BOOL, "The individual has significant control of the company."),
                    "owner": opt(BOOL, "The individual owns part of the company."),
                    "percent_ownership": opt(emptyable(FLOAT), 'The percentage of the company owned; "" to unset.'),
                    "title": opt(STR, "The individual's title in the company, e.g. CEO."),
                },
                "How the individual relates to the company.",
            ),
            "How the individual relates to the company.",
        ),
        "ssn_last_4": opt(STR, "The last four digits of the individual's US Social Security Number."),
        "verification": opt(PERSON_VERIFICATION, "Documents that verify the individual."),
    },
    "Details of an individual account holder.",
)

ACCOUNT = obj(
    "TokenAccountParam",
    {
        "business_type": opt(
            enum("company", "government_entity", "individual", "non_profit"), "The business type of the account."
        ),
        "company": opt(COMPANY, "Details of the company (business_type company, government_entity or non_profit)."),
        "individual": opt(INDIVIDUAL, "Details of the individual (business_type individual)."),
        "tos_shown_and_accepted": opt(BOOL, "The account holder was shown and accepted Stripe's services agreement."),
    },
    "Legal entity details of a connected account, to create or update it with.",
)

# -- person ----------------------------------------------------------------------

DOCUMENT_FILES = obj(
    "TokenPersonDocumentFilesParam",
    {"files": opt(list_of(STR), "The IDs of the uploaded Files (purpose account_requirement).")},
    "A document, as one or more uploaded Files.",
)

ETHNICITIES = enum(
    "cuban",
    "hispanic_or_latino",
    "mexican",
    "not_hispanic_or_latino",
    "other_hispanic_or_latino",
    "prefer_not_to_answer",
    "puerto_rican",
)

RACES = enum(
    "african_american",
    "american_indian_or_alaska_native",
    "asian",
    "asian_indian",
    "black_or_african_american",
    "chinese",
    "ethiopian",
    "filipino",
    "guamanian_or_chamorro",
    "haitian",
    "jamaican",
    "japanese",
    "korean",
    "native_hawaiian",
    "native_hawaiian_or_other_pacific_islander",
    "nigerian",
    "other_asian",
    "other_black_or_african_american",
    "other_pacific_islander",
    "prefer_not_to_answer",
    "samoan",
    "somali",
    "vietnamese",
    "white",
)

US_CFPB_DATA = obj(
    "TokenPersonUsCfpbDataParam",
    {
        "ethnicity_details": opt(
            obj(
                "TokenPersonEthnicityDetailsParam",
                {
                    "ethnicity": opt(list_of(ETHNICITIES), "The ethnicities the person identifies with."),
                    "ethnicity_other": opt(STR, "Another ethnicity, in the person's words."),
                },
                "The person's ethnicity.",
            ),
            "The person's ethnicity.",
        ),
        "race_details": opt(
            obj(
                "TokenPersonRaceDetailsParam",
                {
                    "race": opt(list_of(RACES), "The races the person identifies with."),
                    "race_other": opt(STR, "Another race, in the person's words."),
                },
                "The person's race.",
            ),
            "The person's race.",
        ),
        "self_identified_gender": opt(STR, "The gender the person identifies with."),
    },
    "Demographic data the US Consumer Financial Protection Bureau asks of business owners.",
)

PERSON = obj(
    "TokenPersonParam",
    {
        "additional_tos_acceptances": opt(
            obj(
                "TokenPersonAdditionalTosAcceptancesParam",
                {
                    "account": opt(
                        obj(
                            "TokenPersonTosAcceptanceParam",
                            {
                                "date": opt(TIMESTAMP, "When the person accepted the terms."),
                                "ip": opt(STR, "The IP address from which the person accepted them."),
                                "user_agent": opt(emptyable(STR), 'The user agent of the browser used; "" to unset.'),
                            },
                            "Where and when the person accepted a services agreement.",
                        ),
                        "The person's acceptance of the account's services agreement.",
                    ),
                },
                "Terms of service the person accepted besides the account's own.",
            ),
            "Terms of service the person accepted besides the account's own.",
        ),
        "address": opt(ADDRESS, "The person's address."),
        "address_kana": opt(JAPAN_ADDRESS, P_KANA.format(what="The person's address")),
        "address_kanji": opt(JAPAN_ADDRESS, P_KANJI.format(what="The person's address")),
        "dob": opt(emptyable(DATE_OF_BIRTH), 'The person\'s date of birth; "" to unset.'),
        "documents": opt(
            obj(
                "TokenPersonDocumentsParam",
                {
                    "company_authorization": opt(DOCUMENT_FILES, "Proof that the person may act for the company."),
                    "passport": opt(DOCUMENT_FILES, "The person's passport."),
                    "visa": opt(DOCUMENT_FILES, "The person's visa (when not a citizen of the account's country)."),
                },
                "Documents about the person.",
            ),
            "Documents about the person.",
        ),
        "email": opt(STR, "The person's email address."),
        "first_name": opt(STR, "The person's first name."),
        "first_name_kana": opt(STR, P_KANA.format(what="The first name")),
        "first_name_kanji": opt(STR, P_KANJI.format(what="The first name")),
        "full_name_aliases": opt(emptyable(list_of(STR)), 'Other names the person is known by; "" to unset.'),
        "gender": opt(STR, 'The person\'s gender ("male" or "female" are the values Stripe checks).'),
        "id_number": opt(STR, "The government-issued ID number (SSN in the US, SIN in Canada, ...)."),
        "id_number_secondary": opt(STR, "A secondary ID number (the RFC in Mexico)."),
        "last_name": opt(STR, "The person's last name."),
        "last_name_kana": opt(STR, P_KANA.format(what="The last name")),
        "last_name_kanji": opt(STR, P_KANJI.format(what="The last name")),
        "maiden_name": opt(STR, "The person's maiden name."),
        "metadata": opt(METADATA, "Key-value pairs to attach to the person."),
        "nationality": opt(STR, "The person's nationality, as a two-letter country code."),
        "phone": opt(STR, "The person's phone number."),
        "political_exposure": opt(POLITICAL_EXPOSURE, "Whether the person is a politically exposed person."),
        "registered_address": opt(ADDRESS, "The person's registered address."),
        "relationship": opt(
            obj(
                "TokenPersonRelationshipParam",
                {
                    "authorizer": opt(BOOL, "The person may authorize the account's representative."),
                    "director": opt(BOOL, "The person is a director of the company."),
                    "executive": opt(BOOL, "The person has significant control of the company."),
                    "legal_guardian": opt(BOOL, "The person is the legal guardian of the account's representative."),
                    "owner": opt(BOOL, "The person owns part of the company."),
                    "percent_ownership": opt(emptyable(FLOAT), 'The percentage of the company owned; "" to unset.'),
                    "representative": opt(BOOL, "The person is the account's representative (one per account)."),
                    "title": opt(STR, "The person's title in the company, e.g. CEO."),
                },
                "How the person relates to the account's business.",
            ),
            "How the person relates to the account's business.",
        ),
        "ssn_last_4": opt(STR, "The last four digits of the person's US Social Security Number."),
        "us_cfpb_data": opt(US_CFPB_DATA, "Demographic data for the US CFPB (US business owners only)."),
        "verification": opt(PERSON_VERIFICATION, "Documents that verify the person."),
    },
    "Details of a person of a connected account's business.",
)

# -- card, bank_account and the small kinds --------------------------------------

CARD = obj(
    "TokenCardParam",
    {
        "number": req(STR, "The card number, without separators."),
        "exp_month": req(one_of(INT, STR), "Expiry month, 1 to 12."),
        "exp_year": req(one_of(INT, STR), "Expiry year, two or four digits."),
        "address_city": opt(STR, "Billing address: city."),
        "address_country": opt(STR, "Billing address: country."),
        "address_line1": opt(STR, "Billing address: line 1."),
        "address_line2": opt(STR, "Billing address: line 2."),
        "address_state": opt(STR, "Billing address: state, county, province or region."),
        "address_zip": opt(STR, "Billing address: ZIP or postal code."),
        "currency": opt(STR, "For a debit card of a connected account: the currency it receives payouts in."),
        "cvc": opt(STR, "The card security code; send it, it makes fraud checks work better."),
        "name": opt(STR, "The cardholder's full name."),
        "networks": opt(
            obj(
                "TokenCardNetworksParam",
                {
                    "preferred": opt(
                        enum("cartes_bancaires", "mastercard", "visa"),
                        "The network to prefer for a co-branded card.",
                    ),
                },
                "Card network choices.",
            ),
            "Card network choices (for co-branded cards).",
        ),
    },
    "Raw card details. Sending these from your server puts it in PCI scope: prefer Stripe.js.",
)

BANK_ACCOUNT = obj(
    "TokenBankAccountParam",
    {
        "account_number": req(STR, "The account number (or IBAN, where that is how accounts are numbered)."),
        "country": req(STR, "The country of the bank account, as a two-letter code."),
        "account_holder_name": opt(STR, "The name of the person or business that owns the account."),
        "account_holder_type": opt(enum("company", "individual"), "Who owns the account."),
        "account_type": opt(
            enum("checking", "futsu", "savings", "toza"), "The account type (futsu and toza are Japanese types)."
        ),
        "currency": opt(STR, "The currency of the account, a three-letter code in lowercase."),
        "payment_method": opt(STR, "A us_bank_account PaymentMethod to make the token from, instead of numbers."),
        "routing_number": opt(STR, "The routing number, sort code or other bank code (not used with IBANs)."),
    },
    "Bank account details.",
)

RESOURCE = Resource(
    attr="tokens",
    class_name="Tokens",
    doc="Tokens: single-use tokens for card, bank account, CVC, PII, account or person details.",
    methods=[
        Method(
            "create",
            "post",
            "/v1/tokens",
            returns="Token",
            doc="Create a single-use token: for a card, bank_account, cvc_update, pii, account or person.",
            params={
                "account": opt(ACCOUNT, "Legal entity details of a connected account."),
                "bank_account": opt(BANK_ACCOUNT, "Bank account details."),
                "card": opt(one_of(STR, CARD), "Card details, or the ID of a card to tokenize again (with customer)."),
                "customer": opt(
                    STR, "A platform Customer whose card or bank account to tokenize for a connected account."
                ),
                "cvc_update": opt(
                    obj(
                        "TokenCvcUpdateParam",
                        {"cvc": req(STR, "The new CVC of the card.")},
                        "A CVC to recollect for a saved card.",
                    ),
                    "A CVC to recollect for a saved card.",
                ),
                "person": opt(PERSON, "Details of a person of a connected account's business."),
                "pii": opt(
                    obj(
                        "TokenPiiParam",
                        {"id_number": opt(STR, "The ID number, such as a US SSN.")},
                        "Personally identifiable information.",
                    ),
                    "Personally identifiable information (an ID number).",
                ),
            },
        ),
        Method(
            "retrieve",
            "get",
            "/v1/tokens/{token}",
            returns="Token",
            doc="Retrieve a token by its ID.",
        ),
    ],
)
