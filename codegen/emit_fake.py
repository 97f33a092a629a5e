"""What stripe_lite.testing's fake Stripe needs of the description at run time, in one compact file.

The fake validates every ``/v1/`` request as Stripe does and renders answers
that fit the description's schemas, so it needs each operation's parameters
and every schema an answer can hold. It cannot read ``codegen/stripe_spec.json``
(not installed) nor depend on anything outside the package, so this writes a
gzipped JSON file under ``stripe_lite/_generated/``: the operations and the
schemas with only the keys the fake reads (types, properties, required lists,
nullability, enums and whether they are open, formats, lengths, expansions).
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from codegen.schema import Spec, ref_name

FAKE_SPEC = "fake_spec.json.gz"
"""The file's name under ``stripe_lite/_generated/``."""

# The keys kept as they are; $ref, anyOf/oneOf and the x- annotations are rewritten.
_KEPT = ("type", "required", "nullable", "enum", "format", "maxLength")
_FORMATS = ("unix-time", "decimal", "binary")


def compact(schema: Any) -> Any:
    """A schema with only what the fake reads: ``$ref`` becomes the schema's bare name, ``oneOf`` an ``anyOf``."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    if "$ref" in schema:
        out["$ref"] = ref_name(schema["$ref"])
    for key in _KEPT:
        if key in schema:
            value = schema[key]
            if key == "format" and value not in _FORMATS:
                continue
            out[key] = value
    if "properties" in schema:
        out["properties"] = {name: compact(prop) for name, prop in sorted(schema["properties"].items())}
    members = schema.get("anyOf") or schema.get("oneOf")
    if members:
        out["anyOf"] = [compact(m) for m in members]
    if "items" in schema:
        out["items"] = compact(schema["items"])
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        out["additionalProperties"] = compact(extra)
    if schema.get("x-stripeBypassValidation"):
        out["open"] = True  # Stripe accepts values beyond the enum
    if schema.get("x-expandableFields"):
        out["expandable"] = sorted(schema["x-expandableFields"])
    if "x-expansionResources" in schema:
        out["expands"] = [ref_name(m["$ref"]) for m in schema["x-expansionResources"]["oneOf"]]
    if schema.get("title") == "range_query_specs":
        out["range"] = True
    return out


def _operation(path: str, http: str, op: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for p in op.get("parameters", []):
        if p["in"] == "query":
            properties[p["name"]] = compact(p["schema"])
            if p.get("required"):
                required.append(p["name"])
    for _media, content in sorted(op.get("requestBody", {}).get("content", {}).items()):
        schema = content["schema"]
        for name, prop in sorted(schema.get("properties", {}).items()):
            properties[name] = compact(prop)
        required += [name for name in schema.get("required", []) if name not in required]
    (media, body), *_ = op["responses"]["200"]["content"].items()
    response = compact(body["schema"]) if media == "application/json" else {"binary": media}
    entry: dict[str, Any] = {
        "method": http,
        "path": path,
        "params": {"properties": dict(sorted(properties.items())), "required": sorted(required)},
        "response": response,
    }
    if any("files.stripe.com" in s["url"] for s in op.get("servers") or []):
        entry["files"] = True
    return entry


def fake_spec(spec: Spec) -> dict[str, Any]:
    """The fake's data: the API version, the event types, every ``/v1/`` operation and every schema."""
    paths = spec.raw["paths"]
    operations = [
        _operation(path, http, op)
        for path in sorted(paths)
        if path.startswith("/v1/")
        for http, op in sorted(paths[path].items())
    ]
    events = paths["/v1/webhook_endpoints"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    event_types = [t for t in events["schema"]["properties"]["enabled_events"]["items"]["enum"] if t != "*"]
    return {
        "version": spec.version,
        "event_types": sorted(event_types),
        "operations": operations,
        "schemas": {name: compact(schema) for name, schema in sorted(spec.schemas.items())},
    }


def render_fake_spec(spec: Spec) -> bytes:
    """The gzipped JSON, byte for byte the same for the same description (no timestamp in the header)."""
    text = json.dumps(fake_spec(spec), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0)


def same_fake_spec(old: bytes, new: bytes) -> bool:
    """Whether two renderings hold the same data (another zlib may compress the same bytes differently)."""
    try:
        return gzip.decompress(old) == gzip.decompress(new)
    except (OSError, EOFError):
        return False
