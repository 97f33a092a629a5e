"""Mandates: GET /v1/mandates/{mandate}."""

from codegen.dsl import Method, Resource

RESOURCE = Resource(
    attr="mandates",
    class_name="Mandates",
    doc="Mandates: the permissions customers gave you to debit their payment methods.",
    methods=[
        Method(
            "retrieve",
            "get",
            "/v1/mandates/{mandate}",
            returns="Mandate",
            doc="Retrieve a mandate.",
        ),
    ],
)
