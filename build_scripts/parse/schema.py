"""YAML validated by pydantic models, with pydantic's error located in the file: one line
`path:line: where: what was found; expected what`, the line of the key (or item) the error is about.

A model says what a file may hold (types, required keys, allowed values, `Field(description=...)` as the
"expected" of its error); `validated` turns the first error pydantic reports into that line, with the
line found by walking the composed YAML node (`yaml.compose`) along the error's location."""
from __future__ import annotations

import types
import typing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from build_scripts.model.errors import InputError

M = TypeVar("M", bound=BaseModel)
Loc = Sequence[int | str]

KINDS = {dict: "a mapping", str: "a string", list: "a list", int: "a number", float: "a number", bool: "true/false"}


def kind(value: object) -> str:
    """What a YAML value is, as an error says it was found."""
    return "null" if value is None else KINDS.get(type(value), type(value).__name__)


def node_at(root: yaml.Node | None, loc: Loc) -> yaml.Node | None:
    """The node of loc's last key (mapping keys, sequence indexes), so that an error is at the line of the key it is
    about; where loc goes beyond the file (a missing key), the key of the mapping that lacks it."""
    node, key = root, root
    for i, part in enumerate(loc):
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)),
                        None)
            if pair is None:
                return key
            if i == len(loc) - 1:
                return pair[0]
            key, node = pair
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = key = node.value[part]
        else:
            return key
    return key


def _element(annotation: Any) -> Any:
    """X for X | None, the value type for dict[K, X], the item type for list[X] and tuple[X, ...]."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else None
    return args[-1] if origin is dict else args[0] if origin in (list, tuple) and args else None


def field_at(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel] | None, str | None]:
    """The model that holds loc's last key, and that key's description (None where loc leaves the models)."""
    annotation: Any = model
    for i, part in enumerate(loc):
        while typing.get_origin(annotation) in (typing.Union, types.UnionType):
            annotation = _element(annotation)
        if typing.get_origin(annotation) in (dict, list, tuple):
            annotation = _element(annotation)      # part is a key or an index: the element's type follows
            continue
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None, None
        info = annotation.model_fields.get(str(part))
        if i == len(loc) - 1:
            return annotation, info.description if info else None
        if info is None:
            return None, None
        annotation = info.annotation
    return None, None


def where(loc: Loc, prefix: str = "") -> str:
    """A location as the file's reader names it: title.zh, sources[2]."""
    text = prefix
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def message(model: type[BaseModel], error: Any, prefix: str = "") -> str:
    """pydantic's error as 'where ...; expected ...': a value of the wrong kind as `X is a string ('…')`, a value of
    the right kind that is not allowed as `X: 'pdf'`, a check of the model's own (a validator's ValueError) as
    `X: '…' <its message>`. The expected is the field's description, else pydantic's own wording."""
    loc = tuple(error["loc"])
    holder, description = field_at(model, loc)
    kind_, at = error["type"], where(loc, prefix)
    if kind_ == "extra_forbidden":
        known = ", ".join(holder.model_fields) if holder else ""
        parent = where(loc[:-1], prefix) or "the file"
        return f"{parent}: unknown key {loc[-1]!r}; expected only {known}" if known else \
            f"{parent}: unknown key {loc[-1]!r}; expected no other key"
    msg = str(error["msg"]).removeprefix("Value error, ")
    expected = description or msg.removeprefix("Input should be ")
    if kind_ == "missing":
        return f"{at} is missing; expected {expected}"
    value = error.get("input")
    if kind_.startswith("value_error"):
        return f"{at}: {value!r} {msg}" + ("" if "; expected" in msg else f"; expected {expected}")
    if not kind_.endswith(("_type", "_parsing")):               # the right kind, not an allowed value
        return f"{at}: {str(value)[:60]!r}; expected {expected}" if isinstance(value, str) else \
            f"{at}: {value!r}; expected {expected}"
    if kind_ in ("model_type", "model_attributes_type", "dict_type") and not description:
        inner, _ = field_at(model, (*loc, ""))     # the model expected at loc: its keys say what it holds
        expected = f"a mapping ({', '.join(inner.model_fields)})" if inner else "a mapping"
    shown = f" ({value[:40]!r})" if isinstance(value, str) else \
        f" ({value})" if isinstance(value, int | float) and not isinstance(value, bool) else ""
    return f"{at} is {kind(value)}{shown}; expected {expected}"


def validated(model: type[M], data: Any, root: yaml.Node | None | Callable[[], yaml.Node | None], path: str, *,
              prefix: str = "", error: type[InputError] = InputError, context: dict[str, Any] | None = None) -> M:
    """data (as loaded from the file at `path`, whose composed node is `root`) as an instance of `model`, or
    `error(path, line, message)` for pydantic's first error, at the line of the key it is about. `root` may be a
    function that composes the file, called only on an error. `prefix` names where data sits in the file when it
    is not the whole file (extra.edition), both in the message and in the walk to the line. `context` reaches the
    model's validators (e.g. the corpus's regulation ids)."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        first = exc.errors()[0]
        steps = [*(p for p in prefix.split(".") if p), *first["loc"]]
        node = node_at(root() if callable(root) else root, steps)
        line = node.start_mark.line + 1 if node is not None else 1
        raise error(path, line, message(model, first, prefix)) from None
