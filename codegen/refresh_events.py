"""Re-derive ``codegen/event_types.json``: which object each event type carries, as Stripe's Node package declares it.

    python -m codegen.refresh_events                   # downloads the package with npm pack
    python -m codegen.refresh_events --tarball PATH    # or reads a tarball you already have

Stripe's Node package ships TypeScript declarations with one interface per event
type: for a webhook event (API v1) the type of its ``data.object``, for a thin
event (API v2) the type its ``fetchRelatedObject()`` gives, if any. Those
types are resolved, through the declarations' imports and re-exports, to the
``object`` names their interfaces declare (``'payment_intent'``), and only
those facts are written: event type -> object names. No prose, no code.

The file is test input: ``tests/test_events.py`` checks the generator's
event-type -> object mapping against its ``events``, and
``codegen/events.py`` reads its ``thin_events``, which Stripe's OpenAPI
description does not list. Only this step needs the network.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

PACKAGE = "stripe@22.2.3"
"""The newest release of the package that pins API version 2026-05-27.dahlia (22.2.0 to 22.2.3 do)."""
API_VERSION = "2026-05-27.dahlia"
FACTS_PATH = Path(__file__).resolve().parent / "event_types.json"
VERSION = "package/cjs/apiVersion.d.ts"
EVENTS = "package/cjs/resources/Events.d.ts"
THIN_EVENTS = "package/cjs/resources/V2/Core/Events.d.ts"

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_IMPORT = re.compile(r"^(?:import|export) \{([^}]*)\} from '([^']+)';", re.M)
_API_VERSION = re.compile(r'ApiVersion = "([^"]+)"')
# The type of an event's data.object, declared in the namespace named after its interface.
_EVENT = re.compile(r"export interface (\w+) extends EventBase \{\s*type: '([^']+)';")
_DATA_OBJECT = re.compile(r"export declare namespace (\w+) \{\s*interface Data extends Event\.Data \{\s*object: ([\w.]+);")
_NOTIFICATION = re.compile(r"export interface (\w+)EventNotification extends EventNotificationBase \{(.*?)\n\}", re.S)
_TYPE = re.compile(r"type: '([^']+)';")
_RELATED = re.compile(r"fetchRelatedObject\(\): Promise<([\w.]+)>;")


class Declarations:
    """The package's ``.d.ts`` files, and how a type name used in one resolves to ``object`` names."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = {name: _COMMENT.sub("", text) for name, text in files.items() if name.endswith(".d.ts")}

    def imports(self, file: str) -> dict[str, tuple[str, str]]:
        """Name used in ``file`` -> (the file it comes from, its name there), from ``import {A, B as C} from './x.js'``."""
        found: dict[str, tuple[str, str]] = {}
        for names, source in _IMPORT.findall(self.files[file]):
            target = str(PurePosixPath(file).parent.joinpath(source.removesuffix(".js") + ".d.ts"))
            target = _normalise(target)
            for item in names.split(","):
                original, _, alias = item.strip().partition(" as ")
                if original:
                    found[(alias or original).strip()] = (target, original.strip())
        return found

    def objects(self, name: str, file: str) -> list[str]:
        """The ``object`` names the type ``name`` (maybe ``Namespace.Name``), as seen from ``file``, stands for."""
        head, _, rest = name.partition(".")
        imported = self.imports(file)
        if rest:
            if head not in imported:
                raise ValueError(f"{file}: {head} is not imported")
            target, _ = imported[head]
            return self.objects(rest, target)
        text = self.files[file]
        interface = re.search(rf"^export interface {name} \{{\n(.*?)^\}}", text, re.M | re.S)
        if interface:
            kind = re.search(r"^    object: '([^']+)';", interface.group(1), re.M)
            if kind is None:
                raise ValueError(f"{file}: interface {name} declares no object name")
            return [kind.group(1)]
        union = re.search(rf"^export type {name} = ([\w |.]+);", text, re.M)
        if union:
            return sorted({o for member in union.group(1).split("|") for o in self.objects(member.strip(), file)})
        if name in imported:
            target, original = imported[name]
            return self.objects(original, target)
        raise ValueError(f"{file}: cannot resolve {name}")


def _normalise(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def derive(files: dict[str, str]) -> dict[str, object]:
    """The facts, from the package's files (path in the tarball -> text)."""
    versions = _API_VERSION.findall(files.get(VERSION, ""))
    if versions != [API_VERSION]:
        raise ValueError(f"the package pins API version {versions}, not {API_VERSION}")
    decls = Declarations(files)
    events_text = decls.files[EVENTS]
    types = dict(_EVENT.findall(events_text))  # interface -> event type
    objects = dict(_DATA_OBJECT.findall(events_text))  # interface -> type of data.object
    if not types or set(types) != set(objects):
        raise ValueError(f"{EVENTS}: event interfaces and their data declarations do not pair up")
    events = {types[i]: decls.objects(objects[i], EVENTS) for i in sorted(types)}
    thin: dict[str, list[str]] = {}
    for name, body in _NOTIFICATION.findall(decls.files[THIN_EVENTS]):
        if name == "Unknown":  # the package's stand-in for types it does not know
            continue
        kind = _TYPE.search(body)
        if kind is None:
            raise ValueError(f"{THIN_EVENTS}: a notification without a type")
        related = _RELATED.search(body)
        thin[kind.group(1)] = decls.objects(related.group(1), THIN_EVENTS) if related else []
    return {
        "source": f"npm {PACKAGE}: {EVENTS.removeprefix('package/')}, {THIN_EVENTS.removeprefix('package/')}",
        "api_version": API_VERSION,
        "events": dict(sorted(events.items())),
        "thin_events": dict(sorted(thin.items())),
    }


def render(facts: dict[str, object]) -> str:
    """The facts as JSON, one event type a line (so that a refresh's diff shows what changed)."""
    lines = ["{"]
    items = list(facts.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if isinstance(value, dict):
            lines.append(f" {json.dumps(key)}: {{")
            entries = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in value.items()]
            lines += [entry + ("," if i < len(entries) - 1 else "") for i, entry in enumerate(entries)]
            lines.append(f" }}{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}{comma}")
    return "\n".join([*lines, "}"]) + "\n"


def read_tarball(path: Path) -> dict[str, str]:
    with tarfile.open(path) as archive:
        return {
            member.name: archive.extractfile(member).read().decode("utf-8")  # type: ignore[union-attr]
            for member in archive.getmembers()
            if member.isfile() and member.name.startswith("package/cjs/") and member.name.endswith(".d.ts")
        }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help=f"a tarball of {PACKAGE} (npm pack {PACKAGE})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tarball = args.tarball
        if tarball is None:
            subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", folder], check=True, capture_output=True)
            (tarball,) = Path(folder).glob("*.tgz")
        facts = derive(read_tarball(tarball))
    FACTS_PATH.write_text(render(facts), encoding="utf-8")
    print(f"{FACTS_PATH.name}: {len(facts['events'])} event types, {len(facts['thin_events'])} thin event types")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
