"""The table-driven cases of test_services.py and test_models.py, one module per API area.

Each module here (not starting with ``_``) may define:

* ``SERVICE_CASES``: a list of :data:`ServiceCase` tuples
  ``(id, service, method, args, kwargs, http method, path, expected pairs, response, result)``.
  ``service`` is the client attribute path, dotted for namespaces (``"issuing.cards"``);
  ``expected pairs`` are the exact (key, value) pairs of the query string (GET) or form
  body (POST); ``result`` is the model class, or ``stripe_lite.ListPage`` /
  ``stripe_lite.SearchPage`` for lists.
* ``MODEL_CASES``: a dict from a payload file name in tests/payloads/ (without
  ``.json``) to ``(model class, {dotted paths of the planted unknown keys})``.

webhooks.py holds the named signature vectors of test_webhooks.py instead.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

PAYLOADS = Path(__file__).resolve().parent.parent / "payloads"

ServiceCase = tuple[str, str, str, tuple[Any, ...], dict[str, Any], str, str, list[tuple[str, str]], Any, type]
ModelCase = tuple[type, set[str]]


def payload(name: str) -> dict[str, Any]:
    """The JSON object in tests/payloads/<name>.json."""
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))
    return data


def listing(name: str, url: str = "/v1/x") -> dict[str, Any]:
    """A one-item list response holding the payload ``name``."""
    return {"object": "list", "url": url, "has_more": False, "data": [payload(name)]}


def _modules() -> list[Any]:
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]


def service_cases() -> list[ServiceCase]:
    found: list[ServiceCase] = []
    for module in _modules():
        found += getattr(module, "SERVICE_CASES", [])
    ids = [case[0] for case in found]
    assert len(ids) == len(set(ids)), "service case ids must be unique"
    return found


def model_cases() -> dict[str, ModelCase]:
    found: dict[str, ModelCase] = {}
    for module in _modules():
        for name, case in getattr(module, "MODEL_CASES", {}).items():
            assert name not in found, f"payload {name} has two model cases"
            found[name] = case
    return found
