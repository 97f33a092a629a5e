"""SetupAttempts: GET /v1/setup_attempts."""

from codegen.dsl import CREATED_FILTER, STR, Method, Resource, list_params, opt, req

RESOURCE = Resource(
    attr="setup_attempts",
    class_name="SetupAttempts",
    doc="SetupAttempts: each attempt at confirming a SetupIntent.",
    methods=[
        Method(
            "list",
            "get",
            "/v1/setup_attempts",
            returns="SetupAttempt",
            kind="list",
            doc="List the SetupAttempts of a SetupIntent, newest first.",
            params=list_params(
                setup_intent=req(STR, "Only attempts created by this SetupIntent."),
                created=opt(CREATED_FILTER, "Only attempts created during this time or range."),
            ),
        ),
    ],
)
