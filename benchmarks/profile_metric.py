"""Where a client's time (or memory) goes in one metric's workload.

    python benchmarks/profile_metric.py M1 [--client lite] [--corpus realistic] [--lite-json json] [--seconds 8]

M1-M4 and M8 run the same workload run.py times (M1 and M6 on ``--corpus``,
realistic unless told), in a child process sampled by py-spy (1000 samples a
second, from outside the process, so the workload runs at full speed), and
print the functions and lines with the most samples: by self time (the frame on
top of the stack) and by total time (anywhere on the stack). M5 prints
``python -X importtime``'s slowest imports. M6 prints tracemalloc's allocation
sites of the memory the 10,000 decoded PaymentIntents hold, and the held
objects by type. Needs py-spy (``pip install py-spy``) for M1-M4 and M8.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # this tree's stripe_lite

import payloads  # noqa: E402
import workloads  # noqa: E402


def _repeat(func: Callable[[], Any], seconds: float) -> int:
    deadline = time.perf_counter() + seconds
    count = 0
    while time.perf_counter() < deadline:
        func()
        count += 1
    return count


def run_workload(metric: str, client: str, seconds: float, corpus_name: str) -> int:
    """The child's side: warm up, then run the metric's workload for ``seconds``."""
    gc.collect()
    if metric == "M1":
        body = payloads.list_page_body(0, corpus_name)
        decode = workloads.page_decoders()[client]
        decode(body)
        gc.freeze()
        return _repeat(lambda: decode(body), seconds)
    if metric == "M2":
        index = 4321
        retrievers, close = workloads.mock_retrievers(
            payloads.expected_ids("lean")[index], payloads.payment_intent_body(index)
        )
        retrievers[client]()
        gc.freeze()
        try:
            return _repeat(retrievers[client], seconds)
        finally:
            close()
    if metric == "M8":
        encoders, _ = workloads.form_encoders()
        gc.freeze()
        return _repeat(encoders[client], seconds)
    from run import Server

    server = Server("realistic" if metric == "M3" else "lean")
    try:
        if metric == "M3":
            _, walks, close = workloads.walkers(server.base_url)
            walks[client]()
            gc.freeze()
            try:
                return _repeat(walks[client], seconds)
            finally:
                close()
        ids = payloads.expected_ids("lean")[:: payloads.TOTAL // 500]

        async def main() -> int:
            runs, aclose = workloads.async_retrievers(server.base_url, ids)
            try:
                await runs[client]()
                gc.freeze()
                deadline = time.perf_counter() + seconds
                count = 0
                while time.perf_counter() < deadline:
                    await runs[client]()
                    count += 1
                return count
            finally:
                await aclose()

        return asyncio.run(main())
    finally:
        server.stop()


_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


def _short(path: str) -> str:
    for marker in ("site-packages/", "lib/python3."):
        if marker in path:
            path = path.split(marker, 1)[1]
            return path.split("/", 1)[1] if marker == "lib/python3." else path
    return path.replace(str(HERE.parent) + "/", "")


def profile_time(metric: str, client: str, seconds: float, top: int, corpus_name: str) -> None:
    spy = shutil.which("py-spy", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if spy is None:
        raise SystemExit("py-spy is not installed: pip install py-spy")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stacks.txt"
        command = [spy, "record", "--format", "raw", "--rate", "1000", "--output", str(out), "--",
                   sys.executable, str(Path(__file__).resolve()), "--child", metric, "--client", client,
                   "--seconds", str(seconds), "--corpus", corpus_name]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            raise SystemExit(f"py-spy failed:\n{done.stdout}\n{done.stderr}")
        stacks = out.read_text().splitlines()
    print(done.stdout.strip())
    self_by_line: collections.Counter[str] = collections.Counter()
    self_by_func: collections.Counter[str] = collections.Counter()
    total_by_func: collections.Counter[str] = collections.Counter()
    samples = 0
    for row in stacks:
        stack, _, count_text = row.rpartition(" ")
        count = int(count_text)
        frames = stack.split(";")
        samples += count
        parsed = []
        for frame in frames:
            match = _FRAME.match(frame)
            if match is None:
                parsed.append((frame, frame))
                continue
            where = _short(match["file"])
            parsed.append((f"{match['func']}  {where}", f"{match['func']}  {where}:{match['line'] or '?'}"))
        self_by_func[parsed[-1][0]] += count
        self_by_line[parsed[-1][1]] += count
        for func in {func for func, _ in parsed}:
            total_by_func[func] += count
    print(f"{metric} {client}: {samples} samples (1 ms each) in {seconds:g} s")
    for title, counter in (("self time by function", self_by_func), ("self time by line", self_by_line),
                           ("total time by function", total_by_func)):
        print(f"\n{title}:")
        for name, count in counter.most_common(top):
            print(f"  {100 * count / samples:5.1f}%  {name}")


def profile_imports(client: str, top: int) -> None:
    statement = {"raw": "import httpx, attrs, cattrs", "stripe": "import stripe", "lite": "import stripe_lite"}[client]
    from run import ROOT, child_env

    done = subprocess.run([sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True,
                          env=child_env(), cwd=ROOT)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line.split(":", 1)[1].split("|")
        rows.append((int(cumulative), int(self_us), name))
    top_level = min((len(name) - len(name.lstrip()) for _, _, name in rows), default=0)
    total = sum(cumulative for cumulative, _, name in rows if len(name) - len(name.lstrip()) == top_level)
    print(f"{statement}: {total / 1000:.1f} ms of imports (python -X importtime); slowest by cumulative time:")
    for cumulative, self_us, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1000:8.1f} ms  (self {self_us / 1000:5.1f} ms)  {name.rstrip()}")


def profile_memory(client: str, top: int, corpus_name: str) -> None:
    bodies = payloads.list_page_bodies(corpus_name)
    decode = workloads.page_decoders()[client]
    decode(bodies[0])
    gc.collect()
    gc.freeze()
    tracemalloc.start(1)
    held: list[Any] = []
    for body in bodies:
        held.extend(decode(body))
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    stats = snapshot.statistics("lineno")
    total = sum(stat.size for stat in stats)
    print(f"{client}: {total / 1e6:.1f} MB held by {len(held)} PaymentIntents ({total / len(held):.0f} B each)")
    print("allocation site: bytes per PaymentIntent, objects per PaymentIntent")
    for stat in stats[:top]:
        frame = stat.traceback[0]
        print(f"  {stat.size / len(held):7.0f} B  {stat.count / len(held):5.1f}  {frame.filename}:{frame.lineno}")
    sizes: dict[str, list[int]] = {}
    seen: set[int] = set()

    def walk(value: Any) -> None:
        if id(value) in seen or value is None or type(value) in (bool,):
            return
        seen.add(id(value))
        entry = sizes.setdefault(type(value).__name__, [0, 0])
        entry[0] += sys.getsizeof(value)
        entry[1] += 1
        if type(value) is dict:
            for item in value.values():
                walk(item)
        elif type(value) is list:
            for item in value:
                walk(item)
        elif hasattr(value, "__slots__") and not isinstance(value, (str, int, float)):
            for cls in type(value).__mro__:
                for slot in getattr(cls, "__slots__", ()):
                    walk(getattr(value, slot, None))

    sample = held[:100]
    for item in sample:
        walk(item)
    print("by type (sys.getsizeof, first 100 PaymentIntents; stripe-python's objects are not walked):")
    for name, (size, count) in sorted(sizes.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"  {size / len(sample):7.0f} B  {count / len(sample):5.1f}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("metric", choices=["M1", "M2", "M3", "M4", "M5", "M6", "M8"], type=str.upper)
    parser.add_argument("--client", choices=workloads.CLIENTS, default="lite")
    parser.add_argument("--corpus", choices=payloads.CORPORA, default="realistic", help="M1 and M6's payload")
    parser.add_argument("--lite-json", choices=["json", "orjson"], default="json", help="stripe_lite's JSON parser")
    parser.add_argument("--seconds", type=float, default=8.0, help="how long to sample (M1-M4)")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    workloads.use_json(args.lite_json)  # the child started by py-spy inherits the choice
    if args.child:
        runs = run_workload(args.metric, args.client, args.seconds, args.corpus)
        print(f"{runs} runs of the {args.metric} workload")
    elif args.metric == "M5":
        profile_imports(args.client, args.top)
    elif args.metric == "M6":
        profile_memory(args.client, args.top, args.corpus)
    else:
        profile_time(args.metric, args.client, args.seconds, args.top, args.corpus)


if __name__ == "__main__":
    main()
