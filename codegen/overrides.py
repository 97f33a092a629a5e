"""What the generator's rules cannot derive well, each entry with why.

Keep this small: every entry is a place where the API stops being predictable.
"""

from __future__ import annotations

# "HTTP /v1/path" -> "service.path.method", for names the rule in codegen/naming.py gets wrong.
METHOD_NAMES: dict[str, str] = {
    # A lookup by name and scope, not the service's own reading or deleting by id.
    "GET /v1/apps/secrets/find": "apps.secrets.find",
    "POST /v1/apps/secrets/delete": "apps.secrets.delete_where",
    "GET /v1/tax/associations/find": "tax.associations.find",
    # A preview is computed, not retrieved; its lines belong to credit_notes beside the other lines.
    "GET /v1/credit_notes/preview": "credit_notes.preview",
    "GET /v1/credit_notes/preview/lines": "credit_notes.list_preview_lines",
    # A download: the method gives the PDF's bytes.
    "GET /v1/quotes/{quote}/pdf": "quotes.pdf",
}

# "/v1/path" -> {path parameter: Python name}: where the path calls a parent's id
# "id", while its sibling paths name it (application_fees/{fee}/refunds/{id}).
POSITIONAL_NAMES: dict[str, dict[str, str]] = {
    "/v1/application_fees/{id}/refunds": {"id": "fee"},
    "/v1/transfers/{id}/reversals": {"id": "transfer"},
}

# The TypedDict name of a nested parameter object, by the title Stripe gives its shape,
# where the name from its place would mislead (the range filter sits under many names).
PARAM_TITLES: dict[str, str] = {
    "range_query_specs": "RangeQueryParam",
}

# Older names of objects, still sent by the legacy paths that serve them
# (/v1/link_account_sessions, /v1/linked_accounts): decoded as the same models.
# Source: Stripe's Financial Connections migration notes (the objects were renamed
# when the API moved under /v1/financial_connections/).
OBJECT_ALIASES: dict[str, str] = {
    "link_account_session": "financial_connections.session",
    "linked_account": "financial_connections.account",
    "linked_account_owner": "financial_connections.account_owner",
    "linked_account_ownership": "financial_connections.account_ownership",
}

# Event type (or "prefix.*", every type of that prefix) -> the object its data.object holds,
# where the naming rule of codegen/events.py (object_by_rule) gets it wrong; None: an object the
# description does not model. tests/test_events.py checks each entry against the types Stripe's
# Node package declares (codegen/event_types.json), and that the rule alone would differ.
EVENT_OBJECTS: dict[str, str | None] = {
    # An application fee's refunds are fee_refund objects, not the refunds of charges.
    "application_fee.refund.*": "fee_refund",
    # A customer's sources are any payment source (a card, a bank account, a Source, an account),
    # not only Source objects: the description's choice between them.
    "customer.source.*": "payment_source",
    # Named after the source it concerns, the event carries the mandate notification itself.
    "source.mandate_notification": "source_mandate_notification",
    # Sigma's object is named without its namespace.
    "sigma.scheduled_query_run.*": "scheduled_query_run",
    # Not the alert: a billing.alert_triggered object (the alert, the customer, the value),
    # which the description does not describe.
    "billing.alert.triggered": None,
}
