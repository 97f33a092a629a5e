"""The names ``stripe_lite.models`` exports, known without importing the models.

``import stripe_lite`` reads this list to offer the models lazily; a test
checks that it matches ``stripe_lite.models.__all__``.
"""

MODEL_NAMES: tuple[str, ...] = (
    "OBJECT_MODELS",
    "StripeList",
    "StripeObject",
    "UnknownObject",
    "construct",
    "converter",
    "SetupAttempt",
    "SetupIntent",
)
