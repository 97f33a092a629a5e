"""Nested request parameters as TypedDicts: naming them, and writing ``stripe_lite/_generated/params.py``.

A nested object is named after where it sits (``payment_method_options.card``
-> ``PaymentMethodOptionsCardParam``). Objects of the same shape share one
TypedDict; where two different shapes would get one name, the name is made
longer with the resource (``CheckoutSession...``), then with the method.
"""

from __future__ import annotations

import keyword
from collections import Counter, defaultdict
from dataclasses import dataclass

from codegen.operations import Operation, ParamType, PEnum, PList, PMap, PObject, PScalar, PUnion
from codegen.overrides import PARAM_TITLES
from codegen.render import HEADER, all_lines, camel, sorted_imports

SUFFIX = "Param"


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses") or word.endswith("xes"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass
class _Seen:
    obj: PObject
    candidates: tuple[str, str, str]


def _owner(op: Operation) -> str:
    return camel("_".join(op.service))


def _walk(ptype: ParamType, path: tuple[str, ...], op: Operation, found: list[_Seen]) -> None:
    if isinstance(ptype, PObject):
        base = camel("_".join(path))
        owner = _owner(op)
        found.append(_Seen(ptype, (base, owner + base, owner + camel(op.method) + base)))
        for f in ptype.fields:
            _walk(f.type, (*path, f.name), op, found)
    elif isinstance(ptype, PList):
        _walk(ptype.item, (*path[:-1], singular(path[-1])), op, found)
    elif isinstance(ptype, PMap):
        _walk(ptype.value, (*path, "value"), op, found)
    elif isinstance(ptype, PUnion):
        objects = [m for m in ptype.members if isinstance(m, PObject)]
        for member in ptype.members:
            if isinstance(member, PObject) and len(objects) > 1:
                # Two object shapes for one parameter: their titles tell them apart.
                _walk(member, (*path, member.title or str(objects.index(member))), op, found)
            else:
                _walk(member, path, op, found)


class ParamNames:
    """The TypedDict name of every nested parameter shape of the operations."""

    def __init__(self, operations: list[Operation]) -> None:
        seen: list[_Seen] = []
        for op in operations:
            for param in op.params:
                _walk(param.type, (param.name,), op, seen)
        by_shape: dict[str, list[_Seen]] = defaultdict(list)
        for entry in seen:
            by_shape[entry.obj.shape()].append(entry)
        self.objects: dict[str, PObject] = {shape: entries[0].obj for shape, entries in by_shape.items()}
        fixed: dict[str, str] = {}
        for shape, entries in by_shape.items():
            title = entries[0].obj.title
            if title in PARAM_TITLES:
                if PARAM_TITLES[title] in fixed.values():
                    raise ValueError(f"two shapes are titled {title}: the override cannot name both")
                fixed[shape] = PARAM_TITLES[title]
        level = {shape: 0 for shape in by_shape if shape not in fixed}

        def pick(shape: str) -> str:
            counts = Counter(entry.candidates[min(level[shape], 2)] for entry in by_shape[shape])
            return min(counts, key=lambda name: (-counts[name], name)) + SUFFIX

        while True:
            claims: dict[str, list[str]] = defaultdict(list)
            for shape in level:
                claims[pick(shape)].append(shape)
            for name in fixed.values():
                claims[name].append("")
            clashes = [shapes for shapes in claims.values() if len(shapes) > 1]
            if not clashes:
                break
            stuck = True
            for shapes in clashes:
                for shape in shapes:
                    if shape and level[shape] < 2:
                        level[shape] += 1
                        stuck = False
            if stuck:
                break
        self.names: dict[str, str] = dict(fixed)
        taken: Counter[str] = Counter()
        for shape in sorted(level, key=lambda s: (pick(s), s)):
            name = pick(shape)
            taken[name] += 1
            # The same place with different shapes in one method (rare): numbered.
            self.names[shape] = name if taken[name] == 1 else f"{name[: -len(SUFFIX)]}{taken[name]}{SUFFIX}"

    def name_of(self, obj: PObject) -> str:
        return self.names[obj.shape()]


def annotation(ptype: ParamType, names: ParamNames, used: set[str] | None = None) -> str:
    """The annotation of a parameter; the TypedDicts it names are added to ``used``."""
    if isinstance(ptype, PScalar):
        return ptype.py
    if isinstance(ptype, PEnum):
        literal = "Literal[" + ", ".join(f'"{v}"' for v in ptype.values) + "]"
        return f"{literal} | str" if ptype.open else literal
    if isinstance(ptype, PList):
        return f"Sequence[{annotation(ptype.item, names, used)}]"
    if isinstance(ptype, PMap):
        return f"Mapping[str, {annotation(ptype.value, names, used)}]"
    if isinstance(ptype, PObject):
        name = names.name_of(ptype)
        if used is not None:
            used.add(name)
        return name
    return " | ".join(annotation(m, names, used) for m in ptype.members)


def render_params(names: ParamNames) -> str:
    classes: list[str] = []
    functional: list[str] = []
    for shape, obj in sorted(names.objects.items(), key=lambda item: names.names[item[0]]):
        name = names.names[shape]
        fields = []
        for f in obj.fields:
            text = annotation(f.type, names)
            fields.append((f.name, f"Required[{text}]" if f.required else text))
        if all(n.isidentifier() and not keyword.iskeyword(n) for n, _ in fields):
            classes += ["", "", f"class {name}(TypedDict, total=False):"]
            classes += [f"    {n}: {t}" for n, t in fields] or ["    pass"]
        else:
            # Keys that are not identifiers ("in", "is": country codes) need TypedDict's
            # functional form, which runs at import: it goes last, after the classes it names.
            functional += ["", "", f'{name} = TypedDict("{name}", {{']
            functional += [f'    "{n}": {t},' for n, t in fields]
            functional.append("}, total=False)")
    body = "\n".join(classes + functional)
    lines = [
        HEADER,
        '"""The nested parameters of stripe_lite\'s methods, as TypedDicts."""',
        "",
        "from __future__ import annotations",
        "",
        *sorted_imports(body, package_depth=2),
        "",
        *all_lines(sorted(names.names.values())),
    ]
    return "\n".join(lines) + "\n" + body + "\n"
