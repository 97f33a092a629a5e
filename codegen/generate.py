"""Generate stripe_lite's services, models and parameter types from Stripe's OpenAPI description.

    python -m codegen.generate          # write stripe_lite/_generated/
    python -m codegen.generate --check  # exit 1 if anything there is stale

The input is ``codegen/stripe_spec.json`` (refreshed by ``python -m
codegen.refresh_spec``); everything under ``stripe_lite/_generated/``, and
``docs/reference.md`` with the pages under ``docs/reference/``, is output, checked in, and never edited by hand. CONTRIBUTING.md describes the
naming rule and the override tables.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from codegen.emit_fake import FAKE_SPEC, render_fake_spec, same_fake_spec
from codegen.emit_models import assign_modules, render_index, render_models, render_objects
from codegen.emit_params import ParamNames, render_params
from codegen.emit_reference import render_reference
from codegen.emit_services import Service, ServiceModule, build_tree, module_of, render_namespaces, top_services
from codegen.events import NOTIFICATIONS_MODULE, event_classes, render_events, render_notifications
from codegen.operations import read_operations
from codegen.render import HEADER, pack
from codegen.schema import Spec

ROOT = Path(__file__).resolve().parent.parent
SMALL_SERVICES = 12_000
PACKED_SERVICES = 48_000
OUTPUT = ROOT / "stripe_lite" / "_generated"


def generate() -> dict[Path, str | bytes]:
    """Every generated file's path and text (bytes for the fake's data file)."""
    spec = Spec.load()
    operations = read_operations(spec)
    names = ParamNames(operations)
    outputs: dict[Path, str | bytes] = {}
    outputs[OUTPUT / "__init__.py"] = (
        f"{HEADER}\n"
        '"""Code generated from Stripe\'s OpenAPI description: models, services, parameter types."""\n\n'
        f'API_VERSION = "{spec.version}"\n'
        '"""The Stripe API version the models and parameters follow; the clients send it by default."""\n'
    )
    model_modules = assign_modules(spec)
    texts, where = render_models(spec, model_modules)
    for module, text in texts.items():
        outputs[OUTPUT / "models" / f"{module}.py"] = text
    outputs[OUTPUT / "models" / "events.py"] = render_events(spec, model_modules)
    outputs[OUTPUT / "models" / f"{NOTIFICATIONS_MODULE}.py"] = render_notifications(spec, model_modules)
    where.update(event_classes(spec))
    outputs[OUTPUT / "models" / "__init__.py"] = render_index(where)
    outputs[OUTPUT / "objects.py"] = render_objects(spec, where)
    outputs[OUTPUT / "params.py"] = render_params(names)
    tree = build_tree(operations)
    modules: dict[str, list[Service]] = {}
    for service in top_services(tree):
        modules.setdefault(module_of(service), []).append(service)
    # Small service modules share files, as small model modules do (see codegen.render.pack).
    weight = {
        module: len(ServiceModule(services, spec, names, model_modules).render()) for module, services in modules.items()
    }
    packed: dict[str, list[Service]] = {}
    for module, target in pack(weight, small=SMALL_SERVICES, chunk=PACKED_SERVICES).items():
        packed.setdefault(target, []).extend(modules[module])
    for module, services in packed.items():
        outputs[OUTPUT / "services" / f"{module}.py"] = ServiceModule(services, spec, names, model_modules).render()
    outputs[OUTPUT / "services" / "_namespaces.py"] = render_namespaces(tree, {s.path: t for t, g in packed.items() for s in g})
    outputs[OUTPUT / "services" / "__init__.py"] = f'{HEADER}\n"""The services, one module per top-level service."""\n'
    outputs[OUTPUT / FAKE_SPEC] = render_fake_spec(spec)
    for page, text in render_reference(spec, tree, names).items():
        outputs[ROOT / "docs" / page] = text
    return outputs


def _existing() -> set[Path]:
    found = {*OUTPUT.rglob("*.py"), *OUTPUT.glob(FAKE_SPEC)} if OUTPUT.exists() else set()
    return found | set((ROOT / "docs" / "reference").glob("*.md"))


def _same(path: Path, content: str | bytes) -> bool:
    if not path.exists():
        return False
    if isinstance(content, bytes):
        return same_fake_spec(path.read_bytes(), content)
    return path.read_text(encoding="utf-8") == content


def stale_files() -> list[Path]:
    """Generated files that differ from what the description gives, are missing, or should not exist."""
    outputs = generate()
    stale = [path for path, content in outputs.items() if not _same(path, content)]
    return sorted(stale + [path for path in _existing() if path not in outputs])


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    if "--check" in argv:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)} (run python -m codegen.generate)")
        return 1 if stale else 0
    outputs = generate()
    for path in _existing() - set(outputs):
        path.unlink()
    for path, content in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if _same(path, content):
            continue
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    print(f"{len(outputs)} files written ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
