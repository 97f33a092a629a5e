"""Every Python snippet of README.md and docs/ runs, end to end, and type-checks under mypy --strict.

Each ```python block is a program of its own. It runs in a fresh working directory with
``STRIPE_API_KEY`` set, against :data:`BACKEND`: requests its clients send to Stripe's hosts are
answered there (the in-process ``FakeStripe`` today; any context manager that answers them will do).
A snippet that defines ``async def main()`` without calling it has it awaited, and one that defines
``test_...`` functions has them called as pytest would (``stripe_fake``: a new FakeStripe). All snippets are
checked by one mypy --strict run, each as a module of its own.

A snippet that cannot run as it stands says so in an HTML comment on the line before its fence,
with a reason the reader can see in the Markdown source:

- ``<!-- snippet: no-run: why -->``: type-checked only (it needs a real webhook secret, a web
  framework's server, a value only the reader has);
- ``<!-- snippet: files NAME...: why -->``: it reads those files, made (small) before it runs.

Unknown or reason-less markers fail the test; CONTRIBUTING.md lists the markers.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import respx

from stripe_lite.testing import FakeStripe

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
HOSTS = ("api.stripe.com", "files.stripe.com")
API_KEY = "sk_test_docsSnippets"
_FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
_MARKER = re.compile(r"<!--\s*snippet:\s*(.*?)\s*-->\s*$")


# The ids the docs use for objects a reader already has ("cus_123", "ic_..."): the fake starts with
# an object of each, so that a snippet that retrieves or acts on one runs as written.
EXISTING: dict[str, tuple[str, dict[str, Any]]] = {
    "cus_123": ("customer", {"email": "jenny.rosen@example.com"}),
    "cus_...": ("customer", {"email": "jenny.rosen@example.com"}),
    "pi_123": ("payment_intent", {"amount": 2000, "currency": "usd", "status": "requires_payment_method"}),
    "price_123": ("price", {"currency": "usd", "unit_amount": 1500, "active": True, "type": "one_time"}),
    "price_yearly": ("price", {"currency": "usd", "unit_amount": 15000, "active": True, "type": "recurring"}),
    "sub_123": ("subscription", {"status": "active", "customer": "cus_123", "items": {
        "object": "list", "has_more": False, "url": "/v1/subscription_items", "data": [
            {"id": "si_123", "object": "subscription_item", "quantity": 1,
             "price": {"id": "price_123", "object": "price", "currency": "usd", "unit_amount": 1500}},
        ]}}),
    "prod_123": ("product", {"name": "T-shirt", "active": True}),
    "qt_123": ("quote", {"status": "open", "customer": "cus_123"}),
    "ch_123": ("charge", {"amount": 2000, "currency": "usd", "paid": True}),
    "file_123": ("file", {"purpose": "dispute_evidence"}),
    "card_123": ("card", {"brand": "Visa", "last4": "4242", "customer": "cus_123"}),
    "cs_test_123": ("checkout.session", {"mode": "payment", "status": "complete"}),
    "ich_...": ("issuing.cardholder", {"name": "Jenny Rosen", "status": "active", "type": "individual"}),
    "ic_...": ("issuing.card", {"status": "active", "type": "virtual", "currency": "usd", "cardholder": "ich_..."}),
    "ipi_...": ("issuing.transaction", {"amount": -1250, "currency": "usd", "card": "ic_...", "type": "capture"}),
    "intok_...": ("issuing.token", {"status": "active", "card": "ic_..."}),
    "ise_...": ("issuing.settlement", {"currency": "usd"}),
    "ics_...": ("issuing.physical_bundle", {"name": "Standard", "status": "active", "type": "standard"}),
    "fca_...": ("financial_connections.account", {"status": "active", "category": "cash"}),
    "fcsess_...": ("financial_connections.session", {}),
    "mandate_...": ("mandate", {
        "status": "active", "type": "multi_use",
        "customer_acceptance": {"type": "online", "accepted_at": 1767225600,
                                "online": {"ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0"}},
        "payment_method_details": {"type": "sepa_debit",
                                   "sepa_debit": {"reference": "MANDATE123", "url": "https://example.com/m.pdf"}},
    }),
    "par_...": ("payment_attempt_record", {}),
    "pr_...": ("payment_record", {}),
}


@contextmanager
def fake_stripe() -> Iterator[Any]:
    """Stripe's hosts answered by an in-process FakeStripe, for every client a snippet makes."""
    fake = FakeStripe()
    for object_id, (name, fields) in EXISTING.items():
        fake.add(name, {"id": object_id, **fields})
    transport = fake.transport()
    with respx.mock(assert_all_called=False) as router:
        for host in HOSTS:
            router.route(host=host).mock(side_effect=transport.handle_request)
        yield fake


BACKEND: Callable[[], AbstractContextManager[Any]] = fake_stripe
"""What answers the snippets' requests: the one line to change for another backend."""


@dataclass(frozen=True)
class Snippet:
    page: str  # relative to the repository's root
    line: int  # of the opening fence
    code: str
    run: bool
    files: tuple[str, ...]
    marker: str | None

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def module(self) -> str:
        return "snippet_" + re.sub(r"\W", "_", self.id)


def _marker(text: str, start: int) -> str | None:
    before = text[:start].rstrip("\n").rsplit("\n", 1)[-1]
    match = _MARKER.search(before)
    return match.group(1) if match else None


def snippets() -> list[Snippet]:
    found = []
    for path in PAGES:
        text = path.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            marker = _marker(text, match.start())
            run, files = True, ()
            if marker is not None:
                kind, _, reason = marker.partition(":")
                words = kind.split()
                assert reason.strip(), f"{path.name}: a snippet marker needs a reason after ':' ({marker!r})"
                if words == ["no-run"]:
                    run = False
                elif words[:1] == ["files"] and len(words) > 1:
                    files = tuple(words[1:])
                else:
                    raise AssertionError(f"{path.name}: unknown snippet marker {marker!r}")
            line = text[: match.start()].count("\n") + 1
            found.append(Snippet(path.relative_to(ROOT).as_posix(), line, match.group(1), run, files, marker))
    return found


SNIPPETS = snippets()


def test_every_page_is_read_and_exceptions_are_few() -> None:
    assert len(SNIPPETS) >= 80
    assert {s.page for s in SNIPPETS} >= {"README.md", "docs/clients.md", "docs/migration.md"}
    not_run = [s.id for s in SNIPPETS if not s.run]
    assert len(not_run) <= 6, not_run


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder = tmp_path_factory.mktemp("snippets")
    for snippet in SNIPPETS:
        (folder / f"{snippet.module}.py").write_text(snippet.code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--show-error-codes", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr
    found: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        match = re.match(r".*?(snippet_\w+)\.py:(\d+): (error|note): (.*)", line)
        if match and match.group(3) == "error":
            found.setdefault(match.group(1), []).append(f"line {match.group(2)}: {match.group(4)}")
    return found


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.id for s in SNIPPETS])
def test_snippet_type_checks(snippet: Snippet, mypy_errors: dict[str, list[str]]) -> None:
    assert mypy_errors.get(snippet.module, []) == [], f"{snippet.id}:\n{snippet.code}"


@pytest.mark.parametrize("snippet", [s for s in SNIPPETS if s.run], ids=[s.id for s in SNIPPETS if s.run])
def test_snippet_runs(
    snippet: Snippet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(snippet, tmp_path, monkeypatch)
    capsys.readouterr()  # what the snippet printed is for its reader; a failure raised above


def _run(snippet: Snippet, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    monkeypatch.setenv("STRIPE_API_KEY", API_KEY)
    monkeypatch.delenv("STRIPE_LOG", raising=False)
    for name in snippet.files:
        (folder / name).write_bytes(b"%PDF-1.4\n% a placeholder made by the snippet runner\n")
    code = compile(snippet.code, snippet.id, "exec")
    namespace: dict[str, Any] = {"__name__": "__snippet__"}
    with BACKEND():
        exec(code, namespace)
        main = namespace.get("main")
        if inspect.iscoroutinefunction(main) and not re.search(r"(?<!def )\bmain\(\)", snippet.code):
            asyncio.run(main())
        for name, test in list(namespace.items()):
            if name.startswith("test_") and inspect.isfunction(test) and test.__module__ == "__snippet__":
                _run_test(test)


def _run_test(test: Callable[..., Any]) -> None:
    """A ``test_...`` function a snippet defines, called as pytest would: ``stripe_fake`` is a new FakeStripe."""
    fixtures = {"stripe_fake": FakeStripe}
    unknown = set(inspect.signature(test).parameters) - set(fixtures)
    assert not unknown, f"{test.__name__} asks for fixtures the runner does not give: {unknown}"
    test(**{name: fixtures[name]() for name in inspect.signature(test).parameters})


def test_a_snippet_that_fails_fails_the_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The runner must bite: a call Stripe refuses, a failing assertion in a snippet's test, an
    # uncalled main() that fails: each raises out of the run.
    import stripe_lite

    def snippet(code: str) -> Snippet:
        return Snippet("x.md", 1, "from stripe_lite import StripeClient, AsyncStripeClient\n" + code, True, (), None)

    with pytest.raises(stripe_lite.NotFoundError):
        _run(snippet('StripeClient().customers.retrieve("cus_nope")\n'), tmp_path, monkeypatch)
    with pytest.raises(AssertionError):
        _run(snippet("def test_x(stripe_fake):\n    assert stripe_fake.client().customers.list().data\n"),
             tmp_path, monkeypatch)
    with pytest.raises(stripe_lite.NotFoundError):
        _run(snippet('async def main() -> None:\n    await AsyncStripeClient().customers.retrieve("cus_x")\n'),
             tmp_path, monkeypatch)
    _run(snippet('assert StripeClient().customers.retrieve("cus_123").id == "cus_123"\n'), tmp_path, monkeypatch)
