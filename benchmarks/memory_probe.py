"""M6, in a fresh process: the memory held by 10,000 decoded PaymentIntents.

``python benchmarks/memory_probe.py raw|stripe|lite [realistic|lean [PAGES]]`` prints one JSON line.

Every client is measured the same way: the 100 page bodies are loaded and one
page is decoded, checked and dropped first (lazy imports, class-level caches),
the process's heap is frozen (``gc.freeze()``, as the timed metrics do), then
tracemalloc starts, every page is decoded the M1 way and only its
PaymentIntents are kept in one list (the page object and the JSON parsed from
the body are dropped as each page is done; for raw httpx the items *are* the
dicts from ``json.loads``), and after a ``gc.collect()`` the bytes still traced
are what those 10,000 objects hold. All of them are checked afterwards.
With PAGES (under 100), only the first PAGES pages are decoded and kept: a
quick run measures stripe-python that way, and scales the bytes up.
"""

from __future__ import annotations

import gc
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # this tree's stripe_lite

import payloads
import workloads


def measure(name: str, corpus_name: str, pages: int) -> dict[str, Any]:
    workloads.use_json()
    bodies = payloads.list_page_bodies(corpus_name)[:pages]
    decode = workloads.page_decoders()[name]
    workloads.verify(name, decode(bodies[0]), range(payloads.PAGE_SIZE), corpus_name)
    gc.collect()
    gc.freeze()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held: list[Any] = []
    for body in bodies:
        held.extend(decode(body))
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    workloads.verify(name, held, range(len(held)), corpus_name)
    return {"client": name, "corpus": corpus_name, "bytes": after - before, "count": len(held)}


if __name__ == "__main__":
    args = sys.argv[1:] + ["realistic", "100"][len(sys.argv) - 2:]
    print(json.dumps(measure(args[0], args[1], int(args[2]))))
