"""Check the built documentation site in a real browser: ``python docs/_site/check.py [SITE_DIR]``.

Run by ``nox -s site`` after ``mkdocs build``. It serves SITE_DIR (default ``build/site/``) on 127.0.0.1
for as long as the check takes (at most ``--deadline`` seconds), then:

1. follows every link of every page from the home page, over HTTP: every internal target must
   answer 200 and every ``#anchor`` must name an element of its page;
2. opens the home page, a guide and a reference page in headless Chromium (Debian's ``chromium``,
   driven by Playwright; no browser is ever downloaded) and checks that each renders its title
   with no console error, no uncaught exception and no request to another host;
3. searches for ``payment_intents.create`` and checks that the method's entry is found.

Screenshots of those pages (and of the search) are written to ``--screenshots`` (default
``build/site-check/``), whose path is printed. Exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]  # docs/_site/check.py -> the repository
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {
    "home": ("", "stripe_lite"),
    "guide": ("clients/", "Clients and options"),
    "reference": ("reference/payment_intents/", "client.payment_intents"),
}
SEARCH = ("payment_intents.create", "/reference/payment_intents/#payment_intents.create")
MAX_PAGES = 2000


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path, deadline: float) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1 (a free port), stopped on exit or after ``deadline`` seconds."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    watchdog = threading.Timer(deadline, server.shutdown)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# -- links ---------------------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for attr in ("href", "src"):
            target = values.get(attr)
            if target and tag in ("a", "link", "script", "img"):
                self.links.append(target)


def check_links(base: str) -> tuple[int, list[str]]:
    """(pages read, problems): every internal link from the home page on, followed."""
    problems: list[str] = []
    parsed: dict[str, _Page | None] = {}
    wanted: list[tuple[str, str, str]] = []  # (page that links, target page, anchor)
    queue = [base]
    while queue:
        url = queue.pop()
        if url in parsed:
            continue
        if len(parsed) >= MAX_PAGES:
            problems.append(f"more than {MAX_PAGES} pages: stopped following links")
            break
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                kind = answer.headers.get_content_type()
                body = answer.read()
        except urllib.error.URLError as exc:
            parsed[url] = None
            problems.append(f"{url}: {exc}")
            continue
        if kind != "text/html":
            parsed[url] = None
            continue
        page = _Page()
        page.feed(body.decode("utf-8", errors="replace"))
        parsed[url] = page
        for link in page.links:
            target = urljoin(url, link)
            if urlsplit(target).netloc != urlsplit(base).netloc or not target.startswith(base):
                continue
            target, anchor = urldefrag(target)
            wanted.append((url, target, anchor))
            if target not in parsed:
                queue.append(target)
    for source, target, anchor in wanted:
        page = parsed.get(target)
        if target in parsed and parsed[target] is None and target.endswith("/"):
            problems.append(f"{source} links to {target}, which does not load")
        elif anchor and page is not None and anchor not in page.ids:
            problems.append(f"{source} links to {target}#{anchor}: no such anchor")
    return sum(1 for page in parsed.values() if page is not None), sorted(set(problems))


# -- the browser ---------------------------------------------------------------------------


def check_in_browser(base: str, shots: Path, chromium: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    profile = Path(tempfile.mkdtemp(prefix="site-check-profile-"))
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(profile),
                executable_path=chromium,
                headless=True,
                args=["--headless", *CHROMIUM_FLAGS],
                viewport={"width": 1280, "height": 900},
            )
            context.set_default_timeout(30_000)
            outside: list[str] = []

            def only_loopback(route: Any) -> None:
                if urlsplit(route.request.url).hostname == "127.0.0.1":
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            context.route("**/*", only_loopback)
            try:
                page = context.new_page()
                errors: list[str] = []
                page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
                page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
                for name, (path, title) in PAGES.items():
                    errors.clear()
                    answer = page.goto(base + path, wait_until="networkidle")
                    if answer is None or answer.status != 200:
                        problems.append(f"{name} page {path}: status {answer and answer.status}")
                    heading = page.locator("article h1").first.inner_text().strip().rstrip("¶").strip()
                    if heading != title:
                        problems.append(f"{name} page {path}: title {heading!r}, expected {title!r}")
                    page.screenshot(path=str(shots / f"{name}.png"))
                    problems += [f"{name} page {path}: console error: {text}" for text in errors]
                errors.clear()
                problems += _search(page, base, shots)
                problems += [f"search: console error: {text}" for text in errors]
            finally:
                context.close()
            problems += [f"the site asked for {url}, not on 127.0.0.1" for url in outside]
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return problems


def _search(page: Any, base: str, shots: Path) -> list[str]:
    query, expected = SEARCH
    page.goto(base, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item a")
    found: list[str] = []
    deadline = time.monotonic() + 30  # the index is built in a worker as the page loads
    while time.monotonic() < deadline:
        hrefs = [urlsplit(results.nth(i).get_attribute("href") or "") for i in range(results.count())]
        found = [f"{href.path}#{href.fragment}" for href in hrefs]  # less the ?h= that highlights the words
        if expected in found:
            break
        page.wait_for_timeout(250)
    page.screenshot(path=str(shots / "search.png"))
    if expected not in found:
        return [f"searching {query!r} did not find {expected} (found: {found[:5]})"]
    return []


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "build" / "site"))
    parser.add_argument("--screenshots", default=str(ROOT / "build" / "site-check"))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--deadline", type=float, default=300.0, help="stop serving after this many seconds")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"no built site in {site}: run mkdocs build first", file=sys.stderr)
        return 1
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}: apt-get install chromium (or set CHROMIUM)", file=sys.stderr)
        return 1
    shots = Path(args.screenshots)
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    started = time.monotonic()
    with serve(site, args.deadline) as base:
        pages, problems = check_links(base)
        print(f"links: {pages} pages read, every internal link and anchor followed")
        problems += check_in_browser(base, shots, args.chromium)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    print(f"screenshots: {shots} ({', '.join(sorted(p.name for p in shots.glob('*.png')))})")
    print(f"{'failed' if problems else 'passed'} in {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
