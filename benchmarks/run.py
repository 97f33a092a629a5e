"""stripe_lite's benchmark suite: raw httpx (the floor), stripe-python and stripe_lite, side by side.

    python benchmarks/run.py [--quick] [--only M1,M3] [--json results.json]

or ``nox -s bench [-- --quick]``. Prints the machine and one table: for each
metric and client the median and [min..max] over repetitions, the ratio of the
client's median to raw httpx's median in the same run, stripe_lite's ratio to
stripe-python, stripe_lite's target and whether it is met. Every client's
result is checked (count, ids, order, nested fields) before anything is timed;
repetitions alternate between the clients (the first client rotates each
round) so that drift in the machine hits all alike; the harness's own heap is
frozen (``gc.freeze()``) before timing. ``--only`` takes the keys of
:data:`METRICS`. See docs/performance.md for what each number means.
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
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
# The stripe_lite of this tree, whatever an editable install elsewhere points to.
sys.path.insert(1, str(ROOT))

import httpx  # noqa: E402
import payloads  # noqa: E402
import workloads  # noqa: E402

CLIENTS = workloads.CLIENTS
# Every row, in the table's order: key (for --only) -> what it is.
METRICS = {
    "M1": "decode a 100-object list page, realistic payload, stdlib json",
    "M1-ORJSON": "the same, stripe_lite parsing with orjson",
    "M1-LEAN": "the same, the lean payload",
    "M2": "retrieve through an instant MockTransport",
    "M3": "stream 10,000 realistic PaymentIntents, loopback",
    "M4": "500 concurrent async retrieves, loopback",
    "M5": "import in a fresh process",
    "M5B": "cold start to the first decoded object, five services (five rows)",
    "M6": "memory held by 10,000 realistic PaymentIntents",
    "M7": "first decode of every model class, summed",
    "M8": "form encoding of a nested create",
    "M9": "in-process fake: create+retrieve pairs per second",
    "SIZE": "installed size and wheel size (two rows)",
}


@dataclass
class Plan:
    """Repetitions per metric; ``sample`` is the least seconds one timed sample of an in-process metric takes."""

    sample: float
    m1_reps: int
    m2_reps: int
    m3_reps: int
    m3_stripe_reps: int
    m4_reps: int
    m4_concurrency: int
    m5_reps: int
    m5b_reps: int
    m6_reps: int
    m6_stripe_pages: int  # 0: all 100 pages; else a quick run's stripe-python probe decodes this many, scaled up
    m7_reps: int
    m8_reps: int
    m9_reps: int


QUICK = Plan(sample=0.05, m1_reps=7, m2_reps=7, m3_reps=3, m3_stripe_reps=1, m4_reps=5, m4_concurrency=500,
             m5_reps=10, m5b_reps=5, m6_reps=1, m6_stripe_pages=20, m7_reps=3, m8_reps=7, m9_reps=5)
FULL = Plan(sample=0.2, m1_reps=25, m2_reps=25, m3_reps=7, m3_stripe_reps=3, m4_reps=15, m4_concurrency=500,
            m5_reps=40, m5b_reps=20, m6_reps=3, m6_stripe_pages=0, m7_reps=10, m8_reps=25, m9_reps=15)


@dataclass
class Result:
    key: str
    title: str
    kind: str  # "time" (seconds), "bytes", or "rate" (seconds per operation, shown as operations per second)
    samples: dict[str, list[float]]
    notes: list[str] = field(default_factory=list)
    target: float | None = None  # stripe_lite's median / the ``versus`` client's median must be at most this
    versus: str = "raw"
    limit: float | None = None  # or: an absolute bound on stripe_lite's median, in the metric's unit
    missing: str | None = None  # why the row could not be measured

    def median(self, name: str) -> float:
        return statistics.median(self.samples[name])

    def ratio(self, name: str, versus: str = "raw") -> float:
        return self.median(name) / self.median(versus)

    @property
    def target_text(self) -> str:
        if self.limit is not None:
            return f">= {1 / self.limit:,.0f}/s" if self.kind == "rate" else f"<= {_fmt(self.limit, self.kind)}"
        if self.target is None:
            return "-"
        return f"<= {self.target:g}x" + (" stripe-python" if self.versus == "stripe" else "")

    @property
    def met(self) -> bool | None:
        if self.missing is not None:
            return None
        if self.limit is not None:
            return self.median("lite") <= self.limit
        if self.target is None:
            return None
        return self.ratio("lite", self.versus) <= self.target


# -- timing helpers ----------------------------------------------------------------


def freeze() -> None:
    """Move everything alive now (the harness, the corpora, the clients) out of the collector's sight."""
    gc.collect()
    gc.freeze()


def alternate(reps: int, funcs: dict[str, Callable[[], float]],
              fewer: dict[str, int] | None = None) -> dict[str, list[float]]:
    """Run ``reps`` rounds; in each, every client once, the first client rotating round by round.

    ``fewer``: clients that take part in only their first so many rounds (a slow peer).
    """
    names = list(funcs)
    fewer = fewer or {}
    samples: dict[str, list[float]] = {name: [] for name in names}
    for rep in range(reps):
        shift = rep % len(names)
        for name in names[shift:] + names[:shift]:
            if rep >= fewer.get(name, reps):
                continue
            gc.collect()
            samples[name].append(funcs[name]())
    return samples


def per_call(func: Callable[[], Any], seconds: float) -> Callable[[], float]:
    """A timer: seconds per call of ``func``, over enough calls for one sample to take ``seconds`` or more."""
    counter = time.perf_counter
    start = counter()
    func()
    once = counter() - start
    inner = max(1, round(seconds / max(once, 1e-9)))

    def timed() -> float:
        begin = counter()
        for _ in range(inner):
            func()
        return (counter() - begin) / inner

    timed.inner = inner  # type: ignore[attr-defined]
    return timed


def inner_note(funcs: dict[str, Callable[[], float]]) -> str:
    return "calls per sample: " + ", ".join(f"{name} {getattr(timed, 'inner', 1)}" for name, timed in funcs.items())


def child_env() -> dict[str, str]:
    """The environment of fresh-process metrics: bytecode caching allowed for every client alike
    (no PYTHONDONTWRITEBYTECODE, nor any other PYTHON* setting), this tree's stripe_lite first
    on the path, and the JSON parser chosen for stripe_lite."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def run_child(command: list[str]) -> str:
    done = subprocess.run(command, env=child_env(), cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


class Server:
    """The loopback server (benchmarks/server.py), in its own process."""

    def __init__(self, corpus_name: str, routes: Path | None = None) -> None:
        command = [sys.executable, str(HERE / "server.py"), "--max-seconds", "3000", "--corpus", corpus_name]
        if routes is not None:
            command += ["--routes", str(routes)]
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env=child_env(), cwd=ROOT)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().split()
        if len(line) != 4 or line[0] != "PORT":
            self.stop()
            raise RuntimeError(f"the benchmark server did not start (said {line!r})")
        self.base_url = f"http://127.0.0.1:{line[1]}"
        self.digest = line[3]
        if corpus_name != "none" and self.digest != payloads.corpus(corpus_name).digest:
            self.stop()
            raise RuntimeError(f"the server serves other bytes (digest {self.digest}, expected "
                               f"{payloads.corpus(corpus_name).digest})")
        self._stats_client = httpx.Client(timeout=10)

    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = self._stats_client.get(f"{self.base_url}/__stats").json()
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


class Servers:
    """One server per corpus, started when first needed."""

    def __init__(self) -> None:
        self.running: dict[str, Server] = {}

    def get(self, corpus_name: str) -> Server:
        if corpus_name not in self.running:
            payloads.corpus(corpus_name)  # builds the cache file the server then reads
            self.running[corpus_name] = Server(corpus_name)
        return self.running[corpus_name]

    def stop(self) -> None:
        for server in self.running.values():
            server.stop()


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


# -- M1, M2: in process ----------------------------------------------------------------


def m1(plan: Plan, corpus_name: str = "realistic") -> Result:
    body = payloads.list_page_body(0, corpus_name)
    decoders = workloads.page_decoders()
    for name, decode in decoders.items():
        workloads.verify(name, decode(body), range(payloads.PAGE_SIZE), corpus_name)
    funcs = {name: per_call(lambda d=decode: d(body), plan.sample) for name, decode in decoders.items()}
    freeze()
    samples = alternate(plan.m1_reps, funcs)
    parser = workloads.stripe_lite_json()
    key, title, target = "M1", f"decode a list page of 100 realistic PaymentIntents ({len(body) / 1000:.0f} kB)", 2.0
    if corpus_name == "lean":
        key, target = "M1-LEAN", None
        title = f"decode a list page of 100 lean PaymentIntents ({len(body) / 1000:.0f} kB)"
    elif parser == "orjson":
        key, title, target = "M1-ORJSON", title + ", stripe_lite with orjson", 1.4
    return Result(key, title, "time", samples,
                  [f"{plan.m1_reps} reps; {inner_note(funcs)}; stripe_lite parses with {parser}, the others with json",
                   "raw json.loads; stripe-python json.loads + StripeClient.deserialize(api_mode='V1'); "
                   "stripe_lite ListPage(..., the list method's item decoder, _loads(body)), a list call's path"],
                  target=target)


def m1_orjson(plan: Plan, quick: bool) -> Result:
    """M1 again in a child process in which stripe_lite parses with orjson."""
    if _version("orjson") is None:  # (this process cannot import it: it parses with json)
        return Result("M1-ORJSON", "decode a list page of 100 realistic PaymentIntents, stripe_lite with orjson",
                      "time", {}, target=1.4, missing="n/a (orjson not installed)")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "m1.json"
        command = [sys.executable, str(HERE / "run.py"), "--only", "M1", "--lite-json", "orjson", "--emit", str(out)]
        subprocess.run(command + (["--quick"] if quick else []), check=True, cwd=ROOT)
        result = Result(**json.loads(out.read_text())[0])
    result.notes.append("measured in a child process (python benchmarks/run.py --only M1 --lite-json orjson)")
    return result


def m2(plan: Plan) -> Result:
    index = 4321
    pi_id = payloads.expected_ids("lean")[index]
    retrievers, close = workloads.mock_retrievers(pi_id, payloads.payment_intent_body(index))
    try:
        for name, retrieve in retrievers.items():
            workloads.verify(name, [retrieve()], [index])
            for _ in range(20):
                retrieve()  # warm
        retrievers["raw"].check_headers()  # type: ignore[attr-defined]
        funcs = {name: per_call(f, plan.sample) for name, f in retrievers.items()}
        freeze()
        samples = alternate(plan.m2_reps, funcs)
    finally:
        close()
    return Result("M2", "payment_intents.retrieve() through an instant httpx.MockTransport (lean)", "time", samples,
                  [f"{plan.m2_reps} reps; {inner_note(funcs)}", "raw: the full URL and stripe_lite's headers "
                   "(checked equal); stripe-python: client.v1.payment_intents.retrieve on stripe.HTTPXClient"],
                  target=1.10)


# -- M3, M4: against the loopback server ------------------------------------------------


def m3(plan: Plan, servers: Servers) -> Result:
    corpus_name = "realistic"
    server = servers.get(corpus_name)
    keep, count, close = workloads.walkers(server.base_url)
    load = ServerLoad(server)
    try:
        for name, walk in keep.items():
            workloads.verify(name, walk(), range(payloads.TOTAL), corpus_name)  # also warms the connection

        def once(walk: Callable[[], int]) -> Callable[[], float]:
            def timed() -> float:
                start = time.perf_counter()
                counted = walk()
                elapsed = time.perf_counter() - start
                if counted != payloads.TOTAL:
                    raise AssertionError(f"a walk counted {counted} PaymentIntents, not {payloads.TOTAL}")
                return elapsed

            return timed

        funcs = {name: load.wrap(name, once(walk)) for name, walk in count.items()}
        freeze()
        samples = alternate(plan.m3_reps, funcs, fewer={"stripe": plan.m3_stripe_reps})
    finally:
        close()
    return Result("M3", "stream 10,000 realistic PaymentIntents (100 pages, auto-pager, loopback)", "time", samples,
                  [f"{plan.m3_reps} reps (stripe-python {plan.m3_stripe_reps}); each walk counts the items and keeps "
                   "none; every client's items were checked in an untimed walk first", load.note()],
                  target=1.5)


def m4(plan: Plan, servers: Servers) -> Result:
    server = servers.get("lean")
    step = payloads.TOTAL // plan.m4_concurrency
    indices = list(range(0, payloads.TOTAL, step))[: plan.m4_concurrency]
    ids = [payloads.expected_ids("lean")[i] for i in indices]
    load = ServerLoad(server)

    async def main() -> dict[str, list[float]]:
        runs, close = workloads.async_retrievers(server.base_url, ids)
        try:
            for name, run in runs.items():
                workloads.verify(name, await run(), indices)  # also opens the connections
                await run()
            samples: dict[str, list[float]] = {name: [] for name in runs}
            names = list(runs)
            freeze()
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
    return Result("M4", f"{plan.m4_concurrency} concurrent async retrieves, loopback (lean)", "time", samples,
                  [f"{plan.m4_reps} reps; httpx limits: {workloads.LIMITS.max_connections} connections, "
                   f"all kept alive; sniffio {'installed' if _version('sniffio') else 'not installed'}", load.note()],
                  target=1.05)


# -- fresh processes: M5, M5b, M6, M7 ------------------------------------------------------


def _json_prefix() -> str:
    """What a ``-c`` child runs first so that stripe_lite parses as chosen (the same for every client)."""
    return "import sys; sys.modules['orjson'] = None; " if workloads.stripe_lite_json() == "json" else ""


def _process_timer(command: list[str]) -> Callable[[], float]:
    def timed() -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True, env=child_env(), cwd=ROOT)
        return time.perf_counter() - start

    return timed


def m5(plan: Plan) -> Result:
    statements = {"raw": "import httpx, attrs, cattrs", "stripe": "import stripe", "lite": "import stripe_lite"}
    funcs = {name: _process_timer([sys.executable, "-c", _json_prefix() + statement])
             for name, statement in statements.items()}
    for timed in funcs.values():
        timed()  # compiles and caches bytecode, warms the file cache
    freeze()
    samples = alternate(plan.m5_reps, funcs)
    return Result("M5", 'python -c "import X" in a fresh process (raw: httpx, attrs, cattrs)', "time", samples,
                  [f"{plan.m5_reps} reps, whole process wall time, bytecode cached"], target=1.10)


def _cold_start_bodies(scratch: Path) -> tuple[Path, dict[str, str]]:
    """Schema-built answers for M5b's five services: the routes file, and service -> the first object's id."""
    import cold_start
    import realistic

    build = realistic.builder()
    routes: dict[str, str] = {}
    ids: dict[str, str] = {}
    for number, (service, (path, object_name, _, _)) in enumerate(cold_start.SERVICES.items()):
        schema = object_name
        if service == "charges.list":
            items = [build.make(schema, i, salt=number) for i in range(cold_start.LIST_LIMIT)]
            body: dict[str, Any] = {"object": "list", "data": items, "has_more": True, "url": path}
            ids[service] = items[0]["id"]
        else:
            body = build.make(schema, 0, salt=number)
            ids[service] = body["id"]
            path = path.format(id=body["id"])
        body_file = scratch / f"{service}.json"
        body_file.write_bytes(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
        routes[path] = str(body_file)
    routes_file = scratch / "routes.json"
    routes_file.write_text(json.dumps(routes))
    return routes_file, ids


def m5b(plan: Plan) -> list[Result]:
    """Cold start: a fresh process imports the client and decodes its first object, for five services."""
    import cold_start

    results = []
    with tempfile.TemporaryDirectory() as scratch:
        routes, ids = _cold_start_bodies(Path(scratch))
        server = Server("none", routes)
        os.environ["STRIPE_LITE_BENCH_HEADERS"] = json.dumps(workloads.raw_headers())
        try:
            for service in cold_start.SERVICES:
                funcs = {}
                for name in CLIENTS:
                    command = [sys.executable, str(HERE / "cold_start.py"), name, service, server.base_url,
                               ids[service]]
                    funcs[name] = _seconds_printed(command)
                for timed in funcs.values():
                    timed()  # compiles and caches bytecode, warms the file cache
                freeze()
                samples = alternate(plan.m5b_reps, funcs)
                results.append(Result(f"M5b {service}", "cold start: import to the first decoded object",
                                      "time", samples,
                                      [f"{plan.m5b_reps} reps, each a fresh process (its in-process time); "
                                       "benchmarks/cold_start.py; a schema-built answer from the loopback server"],
                                      target=0.7, versus="stripe"))
        finally:
            server.stop()
    return results


def _seconds_printed(command: list[str]) -> Callable[[], float]:
    def timed() -> float:
        return float(run_child(command).split()[-1])

    return timed


def m6(plan: Plan) -> Result:
    probe = str(HERE / "memory_probe.py")
    payloads.corpus("realistic")  # the probes read the cache file
    pages = {name: payloads.TOTAL // payloads.PAGE_SIZE for name in CLIENTS}
    if plan.m6_stripe_pages:
        pages["stripe"] = plan.m6_stripe_pages

    def measure(name: str) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(run_child([sys.executable, probe, name, "realistic", str(pages[name])]))
        return result

    # Memory does not depend on CPU contention: the probes run two at a time, the slowest first.
    # The figures repeat to the byte from process to process, so stripe-python's slow probe runs once.
    jobs = ["stripe"] + [name for rep in range(plan.m6_reps) for name in ("lite", "raw")]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(measure, jobs))
    samples: dict[str, list[float]] = {name: [] for name in CLIENTS}
    for result in results:
        samples[result["client"]].append(float(result["bytes"]) * payloads.TOTAL / result["count"])
    notes = [f"{plan.m6_reps} fresh process(es) per client (stripe-python 1); benchmarks/memory_probe.py"]
    if plan.m6_stripe_pages:
        notes.append(f"quick run: stripe-python decoded {plan.m6_stripe_pages * payloads.PAGE_SIZE:,} "
                     f"PaymentIntents, its bytes scaled to {payloads.TOTAL:,}")
    return Result("M6", "memory held by 10,000 decoded realistic PaymentIntents (tracemalloc)", "bytes", samples,
                  notes, target=0.55)


def _first_decode_bodies(scratch: Path) -> tuple[Path, int, list[str]]:
    """One schema-built object of every object name both SDKs model; the file, how many, and what is left out."""
    import realistic
    from stripe._object_classes import OBJECT_CLASSES

    from stripe_lite._generated.objects import DELETED, OBJECTS

    build = realistic.builder()
    entries = []
    left_out = []
    for number, (schema, (object_name, deleted)) in enumerate(sorted(realistic.object_schemas().items())):
        lite_has = object_name in (DELETED if deleted else OBJECTS)
        if object_name not in OBJECT_CLASSES or not lite_has:
            left_out.append(object_name + (" (deleted)" if deleted else ""))
            continue
        made = build.make(schema, 0, salt=1000 + number)
        body = json.dumps(made, ensure_ascii=False, separators=(",", ":"))
        entries.append([object_name, deleted, made.get("id"), body])
    path = scratch / "first_decode.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return path, len(entries), left_out


def m7(plan: Plan) -> Result:
    with tempfile.TemporaryDirectory() as scratch:
        bodies, count, left_out = _first_decode_bodies(Path(scratch))
        funcs = {}
        for name in CLIENTS:
            command = [sys.executable, str(HERE / "first_decode.py"), name, str(bodies)]
            funcs[name] = (lambda c=command: json.loads(run_child(c))["seconds"])
        for timed in funcs.values():
            timed()  # compiles and caches bytecode
        freeze()
        samples = alternate(plan.m7_reps, funcs)
    return Result("M7", f"first decode of every model class, summed ({count} objects, fresh process)", "time",
                  samples, [f"{plan.m7_reps} reps, each a fresh process; benchmarks/first_decode.py; "
                            f"left out (stripe-python has no class for them): {', '.join(left_out)}"])


# -- M8, M9: in process -------------------------------------------------------------------


def m8(plan: Plan) -> Result:
    encoders, pairs = workloads.form_encoders()
    for name, encode in encoders.items():
        workloads.verify_form(name, encode(), pairs)
    funcs = {name: per_call(encode, plan.sample) for name, encode in encoders.items()}
    freeze()
    samples = alternate(plan.m8_reps, funcs)
    return Result("M8", f"form-encode a nested create ({len(pairs)} pairs: checkout.sessions.create)", "time",
                  samples, [f"{plan.m8_reps} reps; {inner_note(funcs)}", "raw urllib.parse.urlencode of the "
                            "flattened pairs; stripe-python urlencode(list(_api_encode(params))) with brackets "
                            "unescaped, as its requestor does; stripe_lite urlencode_pairs(encode_form(params)); "
                            "all decode to the same pairs"], target=0.4, versus="stripe")


def m9(plan: Plan) -> Result:
    title = "in-process fake (stripe_lite.testing.FakeStripe): payment_intents create+retrieve pairs"
    made = workloads.fake_pairs()
    if isinstance(made, str):
        return Result("M9", title, "rate", {}, limit=1 / 2000, missing=f"n/a ({made})")
    pairs, close = made
    try:
        for name, pair in pairs.items():
            workloads.verify_pair(name, pair())
        funcs = {name: per_call(pair, plan.sample) for name, pair in pairs.items()}
        freeze()
        samples = alternate(plan.m9_reps, funcs)
    finally:
        close()
    return Result("M9", title, "rate", samples, [f"{plan.m9_reps} reps; {inner_note(funcs)}; every client through "
                                                 "the fake's httpx transport"], limit=1 / 2000)


# -- SIZE ------------------------------------------------------------------------------------


def size(plan: Plan) -> list[Result]:
    """The wheel of each package, and the package installed alone from it (bytecode compiled), as du counts it."""
    import stripe

    folders = {"raw": "httpx", "stripe": "stripe", "lite": "stripe_lite"}
    wheels: dict[str, list[float]] = {}
    installed: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        where = Path(scratch)
        pip = [sys.executable, "-m", "pip"]
        subprocess.run([*pip, "wheel", "--quiet", "--no-deps", "-w", str(where / "lite"), str(ROOT)], check=True,
                       capture_output=True)
        subprocess.run([*pip, "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", str(where / "peers"),
                        f"httpx=={httpx.__version__}", f"stripe=={stripe.VERSION}"], check=True, capture_output=True)
        found = {"lite": next((where / "lite").glob("stripe_lite-*.whl")),
                 "raw": next((where / "peers").glob("httpx-*.whl")),
                 "stripe": next((where / "peers").glob("stripe-*.whl"))}
        for name in CLIENTS:
            wheels[name] = [float(found[name].stat().st_size)]
            target = where / f"installed-{name}"
            subprocess.run([*pip, "install", "--quiet", "--no-deps", "--target", str(target), str(found[name])],
                           check=True, capture_output=True, env=child_env())
            done = subprocess.run(["du", "-sk", str(target / folders[name])], check=True, capture_output=True,
                                  text=True)
            installed[name] = [float(done.stdout.split()[0]) * 1024]
    note = "raw: httpx itself; stripe_lite: a wheel built from this tree (pip wheel)"
    return [
        Result("SIZE", "installed size of the package alone, bytecode included (du)", "bytes", installed,
               [f"pip install --no-deps --target of the wheel, then du -sk of the package's folder; {note}"],
               limit=10e6),
        Result("SIZE-WHEEL", "wheel size", "bytes", wheels, [f"{note}; the others from the package index"]),
    ]


# -- the table ------------------------------------------------------------------------


def _fmt(value: float, kind: str) -> str:
    if kind == "bytes":
        return f"{value / 1e6:.2f} MB" if value < 10e6 else f"{value / 1e6:.1f} MB"
    if kind == "rate":
        rate = 1 / value
        return f"{rate:,.0f}/s" if rate >= 100 else f"{rate:.3g}/s"
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale or unit == "µs":
            number = value / scale
            return f"{number:.3g} {unit}" if number < 100 else f"{number:.0f} {unit}"
    raise AssertionError


def _cell(result: Result, name: str) -> str:
    if result.missing is not None:
        return result.missing
    values = result.samples[name]
    low, high = min(values), max(values)
    if result.kind == "rate":
        low, high = high, low  # the fastest rate is the shortest time
    spread = f" [{_fmt(low, result.kind)}..{_fmt(high, result.kind)}]" if len(values) > 1 else ""
    return f"{_fmt(result.median(name), result.kind)}{spread} **{result.ratio(name):.2f}x**"


def table(results: list[Result], labels: dict[str, str]) -> str:
    header = ["metric", *(labels[name] for name in CLIENTS), "stripe_lite / stripe-python", "target (stripe_lite)",
              "met"]
    rows = [header, ["---"] * len(header)]
    for result in results:
        met = result.met
        rows.append([
            f"{result.key} {result.title}",
            *(_cell(result, name) for name in CLIENTS),
            "-" if result.missing else f"{result.ratio('lite', 'stripe'):.2f}x",
            result.target_text,
            "-" if met is None else "yes" if met else "**NO**",
        ])
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.append("")
    lines.append("Each cell: median [min..max] over repetitions, then the ratio median / raw httpx median "
                 "(for rates, of the time per operation).")
    for result in results:
        if result.notes:
            lines.append(f"{result.key}: " + "; ".join(result.notes))
    return "\n".join(lines)


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def machine() -> str:
    """The CPU, cores, OS and Python of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"{cpu}, {os.cpu_count()} logical CPUs ({usable} usable); {platform.platform()}; "
            f"{platform.python_implementation()} {platform.python_version()} ({platform.python_compiler()})")


def load_average() -> str:
    """The 1-minute load average: other work on the machine competes with the clients (and the server)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def environment() -> str:
    import stripe

    import stripe_lite

    versions = ", ".join(f"{package} {_version(package) or 'not installed'}"
                         for package in ("httpcore", "h11", "anyio", "sniffio", "attrs", "cattrs", "orjson"))
    parts = [
        f"httpx {httpx.__version__}; stripe-python {stripe.VERSION}; "
        f"stripe_lite {stripe_lite.__version__} from {Path(stripe_lite.__file__).parent} "
        f"(JSON: {workloads.stripe_lite_json()}, see M1-ORJSON)",
        versions,
        "corpora: " + ", ".join(f"{name} {corpus.digest[:8]} ({sum(map(len, corpus.pages)) / payloads.TOTAL:,.0f} B "
                                "a PaymentIntent)" for name in payloads.CORPORA for corpus in [payloads.corpus(name)]),
        _tree_state(),
    ]
    return "\n".join(parts)


def _tree_state() -> str:
    """The commit measured, and whether stripe_lite/ had changes not committed yet."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "stripe_lite"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tree: not a git checkout"
    return f"tree: {commit}" + (" + uncommitted changes in stripe_lite/" if dirty else "")


def main() -> int:
    parser = argparse.ArgumentParser(description="stripe_lite benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (about three minutes)")
    parser.add_argument("--only", default="", help=f"comma-separated rows to run, of: {', '.join(METRICS)}")
    parser.add_argument("--json", type=Path, help="also write the raw samples here")
    parser.add_argument("--lite-json", choices=["json", "orjson"], default="json",
                        help="the JSON parser stripe_lite uses in this run (default json, as without the fast extra)")
    parser.add_argument("--emit", type=Path, help=argparse.SUPPRESS)  # write the results only (a child run)
    args = parser.parse_args()
    workloads.use_json(args.lite_json)
    plan = QUICK if args.quick else FULL
    only = {key.strip().upper() for key in args.only.split(",") if key.strip()}
    unknown = only - set(METRICS)
    if unknown:
        parser.error(f"no such rows: {', '.join(sorted(unknown))} (there are {', '.join(METRICS)})")
    wanted = [key for key in METRICS if not only or key in only]

    started = time.perf_counter()
    load_before = load_average()
    servers = Servers()
    runners: dict[str, Callable[[], Result | list[Result]]] = {
        "M1": lambda: m1(plan),
        "M1-ORJSON": lambda: m1_orjson(plan, args.quick),
        "M1-LEAN": lambda: m1(plan, "lean"),
        "M2": lambda: m2(plan),
        "M3": lambda: m3(plan, servers),
        "M4": lambda: m4(plan, servers),
        "M5": lambda: m5(plan),
        "M5B": lambda: m5b(plan),
        "M6": lambda: m6(plan),
        "M7": lambda: m7(plan),
        "M8": lambda: m8(plan),
        "M9": lambda: m9(plan),
        "SIZE": lambda: size(plan),
    }
    results: list[Result] = []
    try:
        for key in wanted:
            began = time.perf_counter()
            made = runners[key]()
            results.extend(made if isinstance(made, list) else [made])
            print(f"{key} done in {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    finally:
        servers.stop()
    if args.emit:
        args.emit.write_text(json.dumps([asdict(result) for result in results]))
        return 0

    print()
    print(f"stripe_lite benchmarks ({'quick' if args.quick else 'full'} run, {time.perf_counter() - started:.0f} s)")
    print(machine())
    print(f"load average (1 min) {load_before} at the start, {load_average()} at the end")
    print(environment())
    print()
    print(table(results, workloads.labels()))
    judged = [result.met for result in results if result.met is not None]
    print()
    print(f"stripe_lite meets {sum(judged)} of the {len(judged)} targets measured here.")
    if args.json:
        args.json.write_text(json.dumps([asdict(result) for result in results], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
