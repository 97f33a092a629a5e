"""M6, in a fresh process: the memory held by 10,000 decoded PaymentIntents.

``python benchmarks/memory_probe.py raw|stripe|lite`` prints one JSON line.

Every client is measured the same way: the 100 page bodies are built and one
page is decoded and dropped first (lazy imports, stripe_lite's codec
compilation, class-level caches), then tracemalloc starts, every page is
decoded and only its PaymentIntents are kept in one list (the page object and
the JSON parsed from the body are dropped as each page is done; for raw httpx
the items *are* the dicts from ``json.loads``), and after a ``gc.collect()``
the bytes still traced are what those 10,000 objects hold.
"""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import payloads
import workloads


def measure(name: str) -> dict[str, Any]:
    bodies = payloads.list_page_bodies()
    decode = workloads.page_decoders()[name]
    workloads.verify(name, decode(bodies[0]), range(payloads.PAGE_SIZE))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held: list[Any] = []
    for body in bodies:
        held.extend(decode(body))
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    workloads.verify(name, held, range(payloads.TOTAL))
    return {"client": name, "bytes": after - before, "count": len(held)}


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1])))
