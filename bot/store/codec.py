"""Typed dataclasses ↔ JSON-ready values, driven by the dataclasses' own type hints.

Handles what khabar's records use: nested frozen dataclasses, `tuple[X, ...]`, `X | None`,
`dict[str, X]`, aware `datetime` (ISO 8601) and plain scalars. Decoding ignores unknown keys and lets
missing ones take their defaults, so a record written by an older or newer khabar still loads.
"""

from __future__ import annotations

import types
from dataclasses import fields, is_dataclass
from datetime import datetime
from typing import Any, Union, get_args, get_origin, get_type_hints


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def from_jsonable(tp: Any, data: Any) -> Any:
    """Rebuild a value of type `tp` from what `to_jsonable` produced."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _union(get_args(tp), data)
    if data is None:
        return None
    if origin is tuple:
        return _tuple(get_args(tp), data)
    if origin is list:
        return [from_jsonable(get_args(tp)[0], v) for v in data]
    if origin is dict:
        value_type = get_args(tp)[1]
        return {str(k): from_jsonable(value_type, v) for k, v in data.items()}
    if isinstance(tp, type) and is_dataclass(tp):
        return _dataclass(tp, data)
    if tp is datetime:
        return datetime.fromisoformat(data)
    if tp is float:
        return float(data)
    return data


def _union(args: tuple[Any, ...], data: Any) -> Any:
    if data is None:
        return None
    options = [a for a in args if a is not type(None)]
    return from_jsonable(options[0], data) if len(options) == 1 else data


def _tuple(args: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(from_jsonable(args[0], v) for v in data)
    return tuple(from_jsonable(a, v) for a, v in zip(args, data, strict=False))


def _dataclass(tp: type[Any], data: dict[str, Any]) -> Any:
    hints = get_type_hints(tp)
    kwargs = {f.name: from_jsonable(hints[f.name], data[f.name]) for f in fields(tp) if f.name in data}
    return tp(**kwargs)
