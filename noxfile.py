"""Development sessions: ``nox`` runs tests, lint and typecheck; ``nox -s bench`` the benchmarks; ``nox -s soak``
the soak run; ``nox -s docs`` builds the documentation site, ``nox -s site`` builds it and checks it in Chromium."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck", "codegen"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (what CI runs)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the package, tests, examples, codegen and benchmarks."""
    session.install("ruff")
    session.run("ruff", "check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package."""
    session.install("-e", ".[test]", "mypy")
    session.run("mypy", "--strict", "stripe_lite")


@nox.session
def codegen(session: nox.Session) -> None:
    """Fail if a generated file is stale (regenerate with: python -m codegen.generate)."""
    session.run("python", "-m", "codegen.generate", "--check", external=True)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against raw httpx and stripe-python (pass -- --quick for a run of about three minutes,
    -- --only M1,M3 for some rows)."""
    # stripe-python is only the peer compared against, never a dependency of stripe_lite;
    # the loopback server (benchmarks/server.py) needs nothing beyond the standard library.
    # The fast extra (orjson) is installed for the row that measures it (M1-ORJSON); every other
    # row makes stripe_lite parse with the standard library's json, as without the extra.
    session.install("-e", ".[fast]", "stripe>=16.1,<17")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def soak(session: nox.Session) -> None:
    """100,000 calls from both clients against a faulty loopback server, at most 10 minutes (not run by default)."""
    session.install("-e", ".")
    session.run("python", "tests/soak.py", *session.posargs)


# Material prints a notice about its successor on every build; it is not a warning of the build.
_MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1"}


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation site into build/site, strictly: any warning (a broken link, a missing page) fails."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict", "--site-dir", "build/site", env=_MKDOCS_ENV)


@nox.session
def site(session: nox.Session) -> None:
    """Build the site, then check it in headless Chromium: pages render without console errors, search finds
    payment_intents.create, no internal link is broken; prints where the screenshots are. Needs Debian's
    chromium (apt-get install chromium), or CHROMIUM=/path/to/chromium; never downloads a browser."""
    session.install("-e", ".[docs]")
    session.run("mkdocs", "build", "--strict", "--site-dir", "build/site", env=_MKDOCS_ENV)
    session.run("python", "docs/_site/check.py", "build/site", *session.posargs)
