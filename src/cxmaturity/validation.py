"""Turn a located YAML document into a validated model, with every error located."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cxmaturity.errors import InputError, Problem
from cxmaturity.yamlsafe import Path, YamlDocument, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate(doc: YamlDocument, model: type[ModelT]) -> ModelT:
    """Validate `doc.value` as `model`, raising InputError with every problem at once."""
    if not isinstance(doc.value, dict):
        mark = doc.locate(())
        raise InputError([Problem(doc.file, f"expected a mapping of keys at the top, found "
                                  f"{_kind(doc.value)}", mark.line if mark else None,
                                  mark.column if mark else None)])
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        raise InputError([problem_from(doc, model, err) for err in exc.errors()]) from None


def located(doc: YamlDocument, path: Path, message: str, hint: str | None = None,
            *, prefer_key: bool = False) -> Problem:
    """A problem at `path` of `doc`."""
    mark = doc.locate(path, prefer_key=prefer_key)
    return Problem(doc.file, message, mark.line if mark else None,
                   mark.column if mark else None, dotted(path) or None, hint)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint for `word` among `choices`, if one is close."""
    close = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else None


def problem_from(doc: YamlDocument, model: type[BaseModel], err: Any) -> Problem:
    """One pydantic error as a located problem."""
    path: Path = tuple(part for part in err["loc"] if not _is_union_tag(part))
    kind = err["type"]
    if kind == "extra_forbidden":
        key = path[-1]
        fields = _fields_at(model, path[:-1])
        hint = did_you_mean(str(key), fields) or _allowed(fields)
        if " " in str(key):
            hint = (f"{hint}; if this is the rest of a text after a comma inside {{...}}, "
                    f"put the whole text in quotes")
        return located(doc, path, f'unknown key "{key}"', hint, prefer_key=True)
    if kind == "missing":
        return located(doc, path[:-1], f'missing required key "{path[-1]}"',
                       "add it", prefer_key=True)
    return located(doc, path, _message(err))


def _allowed(fields: list[str]) -> str | None:
    return f"allowed keys: {', '.join(fields)}" if fields else None


def _message(err: Any) -> str:
    message = str(err["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if "input" in err and err["type"] not in ("value_error",) and _short(err["input"]):
        message += f" (got {err['input']!r})"
    return message


def _short(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool)) and len(str(value)) <= 40


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("function-before",
                                                             "function-after"))


def _fields_at(model: type[BaseModel], path: Path) -> list[str]:
    """Field names (by alias) of the model found by walking `path` from `model`."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part) if current else None
        if field is None:
            inner = _inner_model(current)
            return _names(inner) if inner else []
        current = _inner_model(field.annotation)
    return _names(current)


def _names(model: Any) -> list[str]:
    fields = getattr(model, "model_fields", {})
    return [info.alias or name for name, info in fields.items()]


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside `X`, `tuple[X, ...]`, `dict[str, X]` or `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"a single value ({value!r})"[:60]
