"""The nested parameters of stripe_lite's methods, as TypedDicts (generated from Stripe's description).

You rarely need them: pass plain dicts, and a type checker checks them against
these. Import one to annotate a dict you build ahead of the call::

    from stripe_lite.params import AddressParam

    address: AddressParam = {"line1": "1 Main St", "city": "Springfield", "country": "US"}
"""

from ._generated.params import *  # noqa: F403
from ._generated.params import __all__ as __all__
