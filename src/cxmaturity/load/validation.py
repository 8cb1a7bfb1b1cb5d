"""Turn a located YAML document into a validated model, with every error located."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cxmaturity.errors import InputError, Problem, capped
from cxmaturity.messages import did_you_mean as did_you_mean  # where callers look for it
from cxmaturity.messages import explain
from cxmaturity.yaml.reader import YamlDocument
from cxmaturity.yaml.scalars import Path, dotted

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate(doc: YamlDocument, model: type[ModelT], *, quote: bool = True) -> ModelT:
    """Validate `doc.value` as `model`, raising InputError with every problem at once.
    With `quote` off, problems never repeat a value of the file (only keys and positions)."""
    if not isinstance(doc.value, dict):
        mark = doc.locate(())
        raise InputError([Problem(doc.file, f"expected a mapping of keys at the top, found "
                                  f"{_kind(doc.value)}", mark.line if mark else None,
                                  mark.column if mark else None)])
    try:
        return model.model_validate(doc.value)
    except ValidationError as exc:
        errs = sorted(_without_knock_on(exc.errors(include_url=False)),
                      key=lambda err: _line_and_column(doc, err))  # file order, then capped
        raise SchemaError(capped((problem_from(doc, model, err, quote=quote) for err in errs),
                                 doc.file),
                          tuple(_error_path(doc.value, err) for err in errs)) from None


class SchemaError(InputError):
    """A document that does not fit its model, with the key path in the file of every
    error (a missing key's path ends with that key), so a caller can set those parts aside
    and check the rest."""

    def __init__(self, problems: list[Problem], paths: tuple[Path, ...]) -> None:
        super().__init__(problems)
        self.paths = paths


def _error_path(value: Any, err: Any) -> Path:
    loc = tuple(err["loc"])
    if err["type"] == "missing" and loc:
        return (*_file_path(value, loc[:-1]), loc[-1])
    return _file_path(value, loc)


def _without_knock_on(errs: list[Any]) -> list[Any]:
    """Drop "too short after validation" errors caused by invalid items reported already."""
    def caused(err: Any) -> bool:
        loc = tuple(err["loc"])
        return err["type"] == "too_short" and any(
            tuple(other["loc"])[:len(loc)] == loc and len(other["loc"]) > len(loc)
            for other in errs)
    return [err for err in errs if not caused(err)]


def located(doc: YamlDocument, path: Path, message: str, hint: str | None = None,
            *, prefer_key: bool = False) -> Problem:
    """A problem at `path` of `doc`."""
    mark = doc.locate(path, prefer_key=prefer_key)
    return Problem(doc.file, message, mark.line if mark else None,
                   mark.column if mark else None, dotted(path) or None, hint)


def _place_of(doc: YamlDocument, err: Any) -> tuple[Path, bool]:
    """Where a pydantic error is reported: the path in the file, and whether at its key (a
    missing key at the mapping that lacks it, an unknown key at itself)."""
    loc = tuple(err["loc"])
    if err["type"] == "missing" and loc:
        return _file_path(doc.value, loc[:-1]), True
    path = _file_path(doc.value, loc)
    return path, err["type"] == "extra_forbidden" and bool(path)


def _line_and_column(doc: YamlDocument, err: Any) -> tuple[int, int]:
    path, at_key = _place_of(doc, err)
    mark = doc.locate(path, prefer_key=at_key)
    return (mark.line or 0, mark.column or 0) if mark else (0, 0)


def problem_from(doc: YamlDocument, model: type[BaseModel], err: Any, *,
                 quote: bool = True) -> Problem:
    """One pydantic error as a located problem (quoting the value given when `quote`)."""
    loc = tuple(err["loc"])
    kind = err["type"]
    path, at_key = _place_of(doc, err)
    if kind == "missing" and loc:
        return located(doc, path, f'missing required key "{loc[-1]}"', "add it",
                       prefer_key=at_key)
    if kind == "extra_forbidden" and path:
        key = path[-1]
        fields = _fields_at(model, path[:-1])
        hint = did_you_mean(str(key), fields) or _allowed(fields)
        if " " in str(key):
            hint = (f"{hint}; if this is the rest of a text after a comma inside {{...}}, "
                    f"put the whole text in quotes")
        return located(doc, path, f'unknown key "{key}"', hint, prefer_key=True)
    wording = explain(err if quote else {k: v for k, v in err.items() if k != "input"})
    return located(doc, path, wording.message, wording.hint)


def _file_path(value: Any, loc: tuple[Any, ...]) -> Path:
    """The parts of a pydantic error location that are keys and indexes in the file.

    The rest are pydantic's own labels (union members, validators, `[key]`); dropping
    them by walking the document, not by their spelling, keeps a user's key that looks
    like one (`"a[b"`) in the path.
    """
    path: list[str | int] = []
    for part in loc:
        if _has(value, part):
            value = value[part]
            path.append(part)
    return tuple(path)


def _has(value: Any, part: Any) -> bool:
    if isinstance(value, dict):
        return part in value
    return isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)


def _allowed(fields: list[str]) -> str | None:
    return f"allowed keys: {', '.join(fields)}" if fields else None


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
    """What the top of a file holds, without quoting it (the file may not be ours to show)."""
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return "a single value (text)" if isinstance(value, str) else "a single value"
