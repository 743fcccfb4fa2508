"""Typed dataclasses ↔ JSON-ready values, driven by the dataclasses' own type hints.

Handles what khabar's records use: nested frozen dataclasses, `tuple[X, ...]`, `X | None`,
`dict[str, X]`, aware `datetime` (ISO 8601) and plain scalars. Decoding ignores unknown keys and lets
missing ones take their defaults, so a record written by an older or newer khabar still loads.
"""

from __future__ import annotations

import types
from collections.abc import Hashable
from dataclasses import fields, is_dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Union, cast, get_args, get_origin, get_type_hints


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


@lru_cache(maxsize=64)
def _hints(tp: Any) -> dict[str, Any]:
    """A dataclass' resolved type hints (resolving them is ~0.5 ms; records are read by the hundred)."""
    return get_type_hints(tp)


def _dataclass(tp: type[Any], data: dict[str, Any]) -> Any:
    hints = _hints(cast(Hashable, tp))
    kwargs = {f.name: from_jsonable(hints[f.name], data[f.name]) for f in fields(tp) if f.name in data}
    return tp(**kwargs)


def to_compact(value: Any) -> Any:
    """Like `to_jsonable`, but a dataclass becomes a list of its field values in field order, with
    trailing values equal to their defaults left out: no key names in the record."""
    if is_dataclass(value) and not isinstance(value, type):
        items = [(getattr(value, f.name), f.default) for f in fields(value)]
        while items and items[-1][0] == items[-1][1]:
            items.pop()
        return [to_compact(v) for v, _ in items]
    if isinstance(value, tuple | list):
        return [to_compact(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_compact(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def from_compact(tp: Any, data: Any) -> Any:
    """Rebuild a value of type `tp` from what `to_compact` produced (a shorter list: defaults; a
    longer one, from a newer khabar: its extra values are ignored)."""
    if isinstance(tp, type) and is_dataclass(tp) and isinstance(data, list):
        hints = _hints(tp)
        kwargs = {f.name: _compact_value(hints[f.name], v) for f, v in zip(fields(tp), data, strict=False)}
        return tp(**kwargs)
    return _compact_value(tp, data)


def _compact_value(tp: Any, data: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return None if data is None else _compact_value(options[0], data) if len(options) == 1 else data
    if data is None:
        return None
    if origin is tuple:
        args = get_args(tp)
        return tuple(_compact_value(args[0], v) for v in data)
    if isinstance(tp, type) and is_dataclass(tp):
        return from_compact(tp, data)
    return from_jsonable(tp, data)
