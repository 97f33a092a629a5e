"""M7, in a fresh process: the first decode of every model class, summed.

    python benchmarks/first_decode.py raw|stripe|lite BODIES_FILE

BODIES_FILE is a JSON list of ``[object name, deleted, id, body]``: one
schema-built object of every object name both SDKs model (run.py writes it).
The client's package is imported first, untimed (M5 measures that); then each
body is decoded once, in the file's order, timing each decode with whatever
it loads on the way (a model's module, its decoders, stripe-python's class
for the object), and the times are summed:

* raw: ``json.loads(body)``;
* lite: ``construct(_loads(body))`` (``stripe_lite.models.construct``: the
  model chosen by the ``object`` name, as for an event's object or an
  expansion);
* stripe: ``StripeClient.deserialize(json.loads(body), api_mode="V1")``.

Each decoded object is then checked (untimed): its id, and that it is the
client's own class for that object (not an ``UnknownObject`` or a bare
``StripeObject``). Prints ``{"seconds": ..., "count": ...}``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any


def decoder(client: str) -> tuple[Callable[[bytes], Any], Callable[[Any], bool]]:
    if client == "raw":
        return json.loads, lambda found: type(found) is dict
    if client == "lite":
        import stripe_lite  # noqa: F401
        from stripe_lite._base_client import _loads
        from stripe_lite.models import StripeObject, UnknownObject, construct

        def lite(body: bytes) -> Any:
            return construct(_loads(body))

        return lite, lambda found: isinstance(found, StripeObject) and type(found) is not UnknownObject
    import stripe

    sdk = stripe.StripeClient("sk_test_firstdecode_000000000000", http_client=stripe.HTTPXClient())

    def stripe_python(body: bytes) -> Any:
        return sdk.deserialize(json.loads(body), api_mode="V1")

    return stripe_python, lambda found: type(found) is not stripe.StripeObject


def main(client: str, path: str) -> None:
    if os.environ.get("STRIPE_LITE_BENCH_JSON", "json") == "json":
        sys.modules["orjson"] = None  # type: ignore[assignment]
    with open(path, encoding="utf-8") as file:
        entries = [(name, deleted, object_id, body.encode()) for name, deleted, object_id, body in json.load(file)]
    decode, own_class = decoder(client)
    counter = time.perf_counter
    total = 0.0
    decoded = []
    for _, _, _, body in entries:
        start = counter()
        found = decode(body)
        total += counter() - start
        decoded.append(found)
    for (name, deleted, object_id, _), found in zip(entries, decoded, strict=True):
        got = found.get("id") if type(found) is dict else getattr(found, "id", None)
        if not own_class(found) or got != object_id:
            raise SystemExit(f"{client}: {name}{' (deleted)' if deleted else ''} decoded as "
                             f"{type(found).__name__} with id {got!r}, expected id {object_id!r}")
    print(json.dumps({"seconds": total, "count": len(entries)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
