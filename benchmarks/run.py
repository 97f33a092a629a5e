"""stripe_lite's benchmark suite: raw httpx (the floor), stripe-python and stripe_lite, side by side.

    python benchmarks/run.py [--quick] [--only M1,M3] [--json results.json]

or ``nox -s bench [-- --quick]``. Prints one table: for each metric and client
the median and [min-max] over repetitions, and the ratio of the client's median
to raw httpx's median in the same run, with stripe_lite's target and whether it
is met. Every client's result is checked (count, ids, order, nested fields)
before anything is timed, and repetitions alternate between the clients (the
first client rotates each round) so that drift in the machine hits all alike.
See docs/performance.md for what each number means.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
import payloads  # noqa: E402
import workloads  # noqa: E402

CLIENTS = workloads.CLIENTS


@dataclass
class Plan:
    """How many repetitions (and inner calls per repetition) each metric gets."""

    m1_reps: int
    m1_inner: int
    m2_reps: int
    m2_inner: int
    m3_reps: int
    m4_reps: int
    m4_concurrency: int
    m5_reps: int
    m6_reps: int
    m9_reps: int = 15
    m9_inner: int = 500


QUICK = Plan(m1_reps=9, m1_inner=10, m2_reps=9, m2_inner=200, m3_reps=3, m4_reps=5, m4_concurrency=500,
             m5_reps=12, m6_reps=1, m9_reps=5, m9_inner=200)
FULL = Plan(m1_reps=25, m1_inner=20, m2_reps=25, m2_inner=500, m3_reps=7, m4_reps=15, m4_concurrency=500,
            m5_reps=40, m6_reps=3)


@dataclass
class Result:
    key: str
    title: str
    kind: str  # "time" (seconds) or "bytes"
    target: float
    samples: dict[str, list[float]]
    notes: list[str] = field(default_factory=list)
    versus: str = "raw"  # the client the target is a ratio to ("raw" or "stripe")
    limit: float | None = None  # an absolute bound on stripe_lite's median, in the metric's unit

    def median(self, name: str) -> float:
        return statistics.median(self.samples[name])

    def ratio(self, name: str, versus: str = "raw") -> float:
        return self.median(name) / self.median(versus)

    @property
    def target_text(self) -> str:
        if self.limit is not None:
            return f"<= {_fmt(self.limit, self.kind)}"
        return f"<= {self.target:g}x" + (" stripe-python" if self.versus == "stripe" else "")

    @property
    def met(self) -> bool:
        if self.limit is not None:
            return self.median("lite") <= self.limit
        return self.ratio("lite", self.versus) <= self.target


# -- timing helpers ----------------------------------------------------------------


def alternate(reps: int, funcs: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Run ``reps`` rounds; in each, every client once, the first client rotating round by round."""
    names = list(funcs)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        shift = rep % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            samples[name].append(funcs[name]())
    return samples


def per_call(func: Callable[[], Any], inner: int) -> Callable[[], float]:
    """A timer: seconds per call of ``func``, over ``inner`` calls."""
    counter = time.perf_counter

    def timed() -> float:
        start = counter()
        for _ in range(inner):
            func()
        return (counter() - start) / inner

    return timed


class Server:
    """The loopback server (benchmarks/server.py), in its own process."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "server.py"), "--max-seconds", "1500"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().split()
        if len(line) != 4 or line[0] != "PORT":
            self.stop()
            raise RuntimeError(f"the benchmark server did not start (said {line!r})")
        self.base_url = f"http://127.0.0.1:{line[1]}"
        self.digest = line[3]
        self._stats_client = httpx.Client(base_url=self.base_url, timeout=10)

    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = self._stats_client.get("/__stats").json()
        return stats

    def stop(self) -> None:
        if hasattr(self, "_stats_client"):
            self._stats_client.close()
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()  # the server stops when its stdin closes
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class ServerLoad:
    """Server CPU seconds per wall second of the client's run: how busy the server was."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.shares: dict[str, list[float]] = {}

    def wrap(self, name: str, timed: Callable[[], float]) -> Callable[[], float]:
        def run() -> float:
            before = self.server.stats()["cpu_seconds"]
            wall = timed()
            self.record(name, self.server.stats()["cpu_seconds"] - before, wall)
            return wall

        return run

    def record(self, name: str, cpu: float, wall: float) -> None:
        self.shares.setdefault(name, []).append(cpu / wall)

    def note(self) -> str:
        parts = [f"{name} {statistics.median(shares):.0%}" for name, shares in self.shares.items()]
        return "server CPU / client wall (median): " + ", ".join(parts)


# -- the metrics --------------------------------------------------------------------


def m1(plan: Plan) -> Result:
    body = payloads.list_page_body(0)
    decoders = workloads.page_decoders()
    for name, decode in decoders.items():
        workloads.verify(name, decode(body), range(payloads.PAGE_SIZE))
        decode(body)  # warm
    funcs = {name: per_call(lambda d=decode: d(body), plan.m1_inner) for name, decode in decoders.items()}
    samples = alternate(plan.m1_reps, funcs)
    return Result("M1", f"decode one list page of 100 PaymentIntents ({len(body) / 1000:.0f} kB)", "time", 3.0,
                  samples, [f"{plan.m1_reps} reps x {plan.m1_inner} decodes",
                            "raw json.loads; stripe-python json.loads + StripeClient.deserialize(api_mode='V1'); "
                            "stripe_lite ListPage(..., PaymentIntent.from_dict, _loads(body)), a list call's path"])


def m2(plan: Plan) -> Result:
    index = 4321
    pi_id = payloads.payment_intent(index)["id"]
    retrievers, close = workloads.mock_retrievers(pi_id, payloads.payment_intent_body(index))
    try:
        for name, retrieve in retrievers.items():
            result = retrieve()
            workloads.verify(name, [result], [index])
            for _ in range(20):
                retrieve()  # warm
        samples = alternate(plan.m2_reps, {name: per_call(f, plan.m2_inner) for name, f in retrievers.items()})
    finally:
        close()
    return Result("M2", "payment_intents.retrieve() through an instant httpx.MockTransport", "time", 1.3,
                  samples, [f"{plan.m2_reps} reps x {plan.m2_inner} calls",
                            "stripe-python: client.v1.payment_intents.retrieve on stripe.HTTPXClient"])


def m3(plan: Plan, server: Server) -> Result:
    walks, close = workloads.walkers(server.base_url)
    load = ServerLoad(server)
    try:
        for name, walk in walks.items():
            workloads.verify(name, walk(), range(payloads.TOTAL))  # also warms the connection
        funcs = {name: load.wrap(name, per_call(walk, 1)) for name, walk in walks.items()}
        samples = alternate(plan.m3_reps, funcs)
    finally:
        close()
    return Result("M3", "walk 10,000 PaymentIntents (100 pages) with the auto-pager, loopback", "time", 2.0,
                  samples, [f"{plan.m3_reps} reps", load.note()])


def m4(plan: Plan, server: Server) -> Result:
    step = payloads.TOTAL // plan.m4_concurrency
    indices = list(range(0, payloads.TOTAL, step))[: plan.m4_concurrency]
    ids = [payloads.payment_intent(i)["id"] for i in indices]
    load = ServerLoad(server)

    async def main() -> dict[str, list[float]]:
        runs, close = workloads.async_retrievers(server.base_url, ids)
        try:
            for name, run in runs.items():
                workloads.verify(name, await run(), indices)  # also opens the connections
                await run()
            samples: dict[str, list[float]] = {name: [] for name in runs}
            names = list(runs)
            for rep in range(plan.m4_reps):  # the same alternation as alternate(), awaiting
                shift = rep % len(names)
                for name in names[shift:] + names[:shift]:
                    gc.collect()
                    before = server.stats()["cpu_seconds"]
                    start = time.perf_counter()
                    await runs[name]()
                    wall = time.perf_counter() - start
                    load.record(name, server.stats()["cpu_seconds"] - before, wall)
                    samples[name].append(wall)
            return samples
        finally:
            await close()

    samples = asyncio.run(main())
    return Result("M4", f"{plan.m4_concurrency} concurrent async retrieves, loopback", "time", 1.1, samples,
                  [f"{plan.m4_reps} reps; httpx limits: {workloads.LIMITS.max_connections} connections, "
                   "all kept alive", load.note()])


def m5(plan: Plan) -> Result:
    statements = {"raw": "import httpx, attrs, cattrs", "stripe": "import stripe", "lite": "import stripe_lite"}
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}

    def timer(statement: str) -> Callable[[], float]:
        command = [sys.executable, "-c", statement]

        def timed() -> float:
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env)
            return time.perf_counter() - start

        return timed

    funcs = {name: timer(statement) for name, statement in statements.items()}
    for timed in funcs.values():
        timed()  # compiles and caches bytecode, warms the file cache
    samples = alternate(plan.m5_reps, funcs)
    return Result("M5", 'python -c "import X" in a fresh process (raw: httpx, attrs, cattrs)', "time", 1.15,
                  samples, [f"{plan.m5_reps} reps, whole process wall time"])


def m5b(plan: Plan) -> Result:
    """Cold start: a fresh process imports the client and decodes its first PaymentIntent (a retrieve)."""
    body_file = Path(tempfile.gettempdir()) / "stripe_lite_bench_pi.json"
    body_file.write_bytes(payloads.payment_intent_body(0))
    # Bytecode caching is allowed for every client alike (this machine may set PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}

    def timer(name: str) -> Callable[[], float]:
        command = [sys.executable, str(HERE / "cold_start.py"), name, str(body_file)]

        def timed() -> float:
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env)
            return time.perf_counter() - start

        return timed

    funcs = {name: timer(name) for name in CLIENTS}
    for timed in funcs.values():
        timed()  # compiles and caches bytecode, warms the file cache
    samples = alternate(plan.m5_reps, funcs)
    return Result("M5b", "cold start: import to the first decoded PaymentIntent (a retrieve), fresh process", "time",
                  1.0, samples, [f"{plan.m5_reps} reps, whole process wall time; benchmarks/cold_start.py"],
                  versus="stripe")


def size(plan: Plan) -> Result:
    """Installed size: each package installed alone (bytecode compiled), as ``du`` counts it."""
    targets = {"raw": ["httpx==" + httpx.__version__], "stripe": ["stripe>=16.1,<17"], "lite": [str(HERE.parent)]}
    folders = {"raw": "httpx", "stripe": "stripe", "lite": "stripe_lite"}
    samples: dict[str, list[float]] = {}
    for name, what in targets.items():
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", scratch, *what],
                check=True,
                capture_output=True,
            )
            done = subprocess.run(["du", "-sk", str(Path(scratch) / folders[name])], check=True, capture_output=True,
                                  text=True)
            samples[name] = [float(done.stdout.split()[0]) * 1024]
    return Result("SIZE", "installed size of the package alone, bytecode included (du)", "bytes", 0.0, samples,
                  ["pip install --no-deps --target, then du -sk of the package's folder; raw: httpx itself"],
                  limit=10e6)


def m6(plan: Plan) -> Result:
    probe = str(HERE / "memory_probe.py")

    def measure(name: str) -> dict[str, Any]:
        done = subprocess.run([sys.executable, probe, name], check=True, capture_output=True, text=True)
        result: dict[str, Any] = json.loads(done.stdout)
        return result

    # Memory does not depend on CPU contention: the probes run two at a time.
    jobs = [name for rep in range(plan.m6_reps) for name in CLIENTS]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(measure, jobs))
    samples: dict[str, list[float]] = {name: [] for name in CLIENTS}
    for result in results:
        samples[result["client"]].append(float(result["bytes"]))
    return Result("M6", "memory held by 10,000 decoded PaymentIntents (tracemalloc)", "bytes", 0.7, samples,
                  [f"{plan.m6_reps} fresh process(es) per client"])


def m9(plan: Plan) -> Result:
    """FakeStripe round trips: a PaymentIntent created, then retrieved, and the pairs per second."""
    import stripe

    from stripe_lite.testing import FakeStripe

    fake = FakeStripe()
    lite = fake.client()
    raw = httpx.Client(transport=fake.transport(), base_url="https://api.stripe.com",
                       headers={"Authorization": f"Bearer {fake.api_key}"})
    form = {"Content-Type": "application/x-www-form-urlencoded"}

    def lite_pair() -> None:
        intent = lite.payment_intents.create(amount=2000, currency="usd")
        lite.payment_intents.retrieve(intent.id)

    def raw_pair() -> None:
        intent = raw.post("/v1/payment_intents", content=b"amount=2000&currency=usd", headers=form).json()
        raw.get(f"/v1/payment_intents/{intent['id']}").json()

    with fake.serve() as base_url:
        python = stripe.StripeClient(fake.api_key, base_addresses={"api": base_url}, max_network_retries=0)

        def stripe_pair() -> None:
            intent = python.v1.payment_intents.create(params={"amount": 2000, "currency": "usd"})
            python.v1.payment_intents.retrieve(intent.id)

        pairs = {"raw": raw_pair, "stripe": stripe_pair, "lite": lite_pair}
        for pair in pairs.values():
            for _ in range(20):
                pair()  # warm
        samples = alternate(plan.m9_reps, {name: per_call(pair, plan.m9_inner) for name, pair in pairs.items()})
    lite.close()
    raw.close()
    rates = ", ".join(f"{name} {1 / statistics.median(samples[name]):,.0f} pairs/s" for name in CLIENTS)
    return Result("M9", "FakeStripe: payment_intents.create + retrieve, one pair (in process)", "time", 0.0, samples,
                  [f"{plan.m9_reps} reps x {plan.m9_inner} pairs; {rates}",
                   "raw: httpx on fake.transport(), JSON parsed; stripe-python: its own calls to fake.serve() "
                   "over loopback HTTP (it has no in-process transport); target: 2,000 pairs/s"],
                  limit=1 / 2000)


# -- the table ------------------------------------------------------------------------


def _fmt(value: float, kind: str) -> str:
    if kind == "bytes":
        return f"{value / 1e6:.1f} MB"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale or unit == "µs":
            number = value / scale
            return f"{number:.3g} {unit}" if number < 100 else f"{number:.0f} {unit}"
    raise AssertionError


def _cell(result: Result, name: str) -> str:
    values = result.samples[name]
    spread = f"[{_fmt(min(values), result.kind)}..{_fmt(max(values), result.kind)}]"
    return f"{_fmt(result.median(name), result.kind)} {spread} **{result.ratio(name):.2f}x**"


def table(results: list[Result], labels: dict[str, str]) -> str:
    header = ["metric", *(labels[name] for name in CLIENTS), "target (stripe_lite)", "met"]
    rows = [header, ["---"] * len(header)]
    for result in results:
        rows.append([
            f"{result.key} {result.title}",
            *(_cell(result, name) for name in CLIENTS),
            result.target_text,
            "yes" if result.met else "**NO**",
        ])
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.append("")
    lines.append("Each cell: median [min..max] over repetitions, then the ratio median / raw httpx median.")
    for result in results:
        lines.append(f"{result.key}: " + "; ".join(result.notes))
    return "\n".join(lines)


def environment(server: Server | None) -> str:
    import stripe

    import stripe_lite

    parts = [
        f"Python {platform.python_version()} ({platform.machine()}, {os.cpu_count()} CPUs)",
        f"httpx {httpx.__version__}",
        f"stripe-python {stripe.VERSION}",
        f"stripe_lite {stripe_lite.__version__} (JSON: {workloads.stripe_lite_json()})",
        f"payload digest {payloads.corpus_digest(payloads.list_page_bodies())[:8]}",
    ]
    if server is not None:
        parts.append(f"server {server.base_url} digest {server.digest[:8]}")
    parts.append(_tree_state())
    return "; ".join(parts)


def _tree_state() -> str:
    """The commit measured, and whether stripe_lite/ had changes not committed yet."""
    root = HERE.parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "stripe_lite"], cwd=root, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tree: not a git checkout"
    return f"tree: {commit}" + (" + uncommitted changes in stripe_lite/" if dirty else "")


def main() -> int:
    parser = argparse.ArgumentParser(description="stripe_lite benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under two minutes)")
    parser.add_argument("--only", default="", help="comma-separated metrics to run, e.g. M1,M3")
    parser.add_argument("--json", type=Path, help="also write the raw samples here")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    only = {key.strip().upper() for key in args.only.split(",") if key.strip()}
    wanted = [key for key in ("M1", "M2", "M3", "M4", "M5", "M5B", "M6", "M9", "SIZE") if not only or key in only]

    started = time.perf_counter()
    labels = workloads.labels()
    server = Server() if {"M3", "M4"} & set(wanted) else None
    results: list[Result] = []
    try:
        if server is not None:
            expected = payloads.corpus_digest(payloads.list_page_bodies())
            if server.digest != expected:
                raise RuntimeError(f"the server serves other bytes (digest {server.digest}, expected {expected})")
        runners: dict[str, Callable[[], Result]] = {
            "M1": lambda: m1(plan),
            "M2": lambda: m2(plan),
            "M3": lambda: m3(plan, server),  # type: ignore[arg-type]
            "M4": lambda: m4(plan, server),  # type: ignore[arg-type]
            "M5": lambda: m5(plan),
            "M5B": lambda: m5b(plan),
            "M6": lambda: m6(plan),
            "M9": lambda: m9(plan),
            "SIZE": lambda: size(plan),
        }
        for key in wanted:
            began = time.perf_counter()
            results.append(runners[key]())
            print(f"{key} done in {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
        env_line = environment(server)
    finally:
        if server is not None:
            server.stop()

    print()
    print(f"stripe_lite benchmarks ({'quick' if args.quick else 'full'} run, {time.perf_counter() - started:.0f} s)")
    print(env_line)
    print()
    print(table(results, labels))
    met = sum(result.met for result in results)
    print()
    print(f"stripe_lite meets {met} of {len(results)} targets.")
    if args.json:
        args.json.write_text(json.dumps([result.__dict__ for result in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
