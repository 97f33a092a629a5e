"""MkDocs hooks (mkdocs.yml): the pages that live outside docs/, and the generated reference in the nav.

- CONTRIBUTING.md and CHANGELOG.md become the pages ``contributing.md`` and ``changelog.md``;
  each example program under examples/ a page showing its source.
- Links written for GitHub (``../CONTRIBUTING.md``, ``../examples/checkout.py``) are pointed at those
  pages, so the Markdown reads right in both places.
- The nav's "API reference" entry lists the overview and every page of ``docs/reference/``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]  # docs/_site/hooks.py -> the repository
OUTSIDE = {"CONTRIBUTING.md": "contributing.md", "CHANGELOG.md": "changelog.md"}
_LINK = re.compile(r"\]\(\.\./([^)#\s]+)(#[^)\s]*)?\)")


def _examples() -> dict[str, str]:
    return {f"examples/{path.name}": f"examples/{path.stem}.md" for path in sorted((ROOT / "examples").glob("*.py"))}


def _page_of(target: str) -> str | None:
    return OUTSIDE.get(target) or _examples().get(target)


def _retarget(markdown: str, depth: int) -> str:
    """``](../X)`` -> the page made for X, relative to a page ``depth`` folders down in docs/."""
    up = "../" * depth

    def replace(match: re.Match[str]) -> str:
        page = _page_of(match.group(1))
        return match.group(0) if page is None else f"]({up}{page}{match.group(2) or ''})"

    return _LINK.sub(replace, markdown)


def _title(page: Path) -> str:
    """A reference page's nav title: its heading (``client.issuing``, ``Shared models``)."""
    with page.open(encoding="utf-8") as text:
        heading = next(line for line in text if line.startswith("# "))
    return heading[2:].strip().strip("`")


def on_config(config: Any) -> Any:
    nav = config["nav"]
    # The areas in order, then the pages of models and parameter types that every area links to.
    last = ("shared_models.md", "other_models.md", "params.md")
    found = sorted(
        (ROOT / "docs" / "reference").glob("*.md"),
        key=lambda p: (p.name in last, last.index(p.name) if p.name in last else 0, p.name),
    )
    pages = [{_title(p): p.relative_to(ROOT / "docs").as_posix()} for p in found]
    for index, entry in enumerate(nav):
        if entry == {"API reference": "reference.md"}:
            nav[index] = {"API reference": [{"Overview": "reference.md"}, *pages]}
    for entry in nav:
        if isinstance(entry, dict) and "Project" in entry:
            entry["Project"].append({"Examples": list(_examples().values())})
    return config


def on_files(files: Files, config: Any) -> Files:
    for source, page in OUTSIDE.items():
        text = (ROOT / source).read_text(encoding="utf-8")
        # Links from the repository's root: docs/x.md is the page x.md, examples/ the examples' pages.
        text = re.sub(r"\]\(docs/", "](", text)
        text = re.sub(r"\]\((examples/[^)#\s]+\.py)\)", lambda m: f"]({_examples().get(m.group(1), m.group(1))})", text)
        files.append(File.generated(config, page, content=text))
    for source, page in _examples().items():
        code = (ROOT / source).read_text(encoding="utf-8")
        text = f"# `{source}`\n\nRun it with `python {source}` (see its docstring for what it needs).\n\n```python\n{code}```\n"
        files.append(File.generated(config, page, content=text))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    return _retarget(markdown, page.file.src_uri.count("/"))
