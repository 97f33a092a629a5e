"""The realistic payloads of tests/payloads/ for the area tests, and list answers built from them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PAYLOADS = Path(__file__).resolve().parent / "payloads"


@cache
def _text(name: str) -> str:
    return (PAYLOADS / f"{name}.json").read_text(encoding="utf-8")


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of the JSON object in tests/payloads/<name>.json (callers may change it)."""
    data: dict[str, Any] = json.loads(_text(name))
    return data


def listing(*items: dict[str, Any], url: str = "/v1/x", has_more: bool = False) -> dict[str, Any]:
    """A list answer holding ``items``."""
    return {"object": "list", "url": url, "has_more": has_more, "data": list(items)}
