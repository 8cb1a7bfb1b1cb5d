"""The strict reader's fast path: libyaml's C composer builds the node tree, a flat loop
turns it into plain values, and marks are worked out only when asked for.

Anything the loop does not accept (anchors, aliases, tags, duplicate keys, limits, any syntax
error) goes back to the event reader in :mod:`cxmaturity.yaml.reader`, which rejects it with a
located message; so both paths accept and reject exactly the same files.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from cxmaturity.yaml.scalars import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_STRING,
    SPECIAL_START,
    Mark,
    Path,
    TooManyDigits,
    resolve_plain,
)

_CParser: type | None = getattr(getattr(yaml, "_yaml", None), "CParser", None)

#: The fast path composes recursively in C; it is used only when the nesting depth, bounded
#: by the characters that can open a level plus the deepest indentation, is far below what
#: the C stack holds (libyaml's composer crashed between 10,000 and 50,000 levels).
_FAST_DEPTH_BOUND = 4_000


class Fallback(Exception):
    """The fast path declines a text; the event reader decides."""


_PLAIN = "plain"
_OTHER = "other"
_COLLECTION = "collection"


if _CParser is not None:

    class _Composer(_CParser):  # type: ignore[misc, valid-type]
        """libyaml's composer, told to mark untagged nodes instead of resolving YAML 1.1 tags."""

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            if kind is yaml.ScalarNode:
                return _PLAIN if implicit[0] else _OTHER
            return _COLLECTION

        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass


def fast_path_safe(text: str) -> bool:
    if _CParser is None or "&" in text or "*" in text or "!" in text:
        return False
    openers = 2 * sum(text.count(c) for c in "[{-?") + 2
    if openers + text.count(" ") < _FAST_DEPTH_BOUND:
        return True
    indents = _INDENT.findall(text)
    return openers + max(map(len, indents), default=0) < _FAST_DEPTH_BOUND


_INDENT = re.compile(r"(?m)^ +")


def compose(text: str) -> Any:
    parser = _Composer(text)
    try:
        return parser.get_single_node()
    finally:
        parser.dispose()


def build(root: Any) -> Any:
    """Plain values from a node tree, without recursion; Fallback on anything unusual."""
    scalar_node = yaml.ScalarNode
    mapping_node = yaml.MappingNode
    count = 0
    result: list[Any] = []
    # Each entry: (node, container to fill, key in it or None to append, depth).
    stack: list[tuple[Any, Any, Any, int]] = [(root, result, None, 0)]
    while stack:
        node, into, slot, depth = stack.pop()
        count += 1
        if count > MAX_NODES or depth >= MAX_DEPTH:
            raise Fallback
        kind = type(node)
        if kind is scalar_node:
            value = _scalar(node)
        elif node.tag != _COLLECTION:
            raise Fallback
        elif kind is mapping_node:
            value = {}
            pairs = node.value
            for index in range(len(pairs) - 1, -1, -1):
                key_node, value_node = pairs[index]
                if type(key_node) is not scalar_node:
                    raise Fallback
                key = _key(key_node)
                if key in value:
                    raise Fallback
                value[key] = None
                stack.append((value_node, value, key, depth + 1))
        else:
            items = node.value
            value = [None] * len(items)
            for index in range(len(items) - 1, -1, -1):
                stack.append((items[index], value, index, depth + 1))
        if slot is None:
            into.append(value)
        else:
            into[slot] = value
    return result[0]


def _scalar(node: Any) -> Any:
    text: str = node.value
    if len(text) > MAX_STRING:
        raise Fallback
    tag = node.tag
    if tag is _PLAIN or tag == _PLAIN:
        if text and text[0] not in SPECIAL_START:
            return text
        try:
            return resolve_plain(text)
        except TooManyDigits:
            raise Fallback from None  # the event reader locates the problem
    if tag != _OTHER:
        raise Fallback
    return text


def _key(node: Any) -> Any:
    key = _scalar(node)
    if isinstance(key, (bool, float)) or key is None:
        return node.value
    return key


def index_tree(root: Any, values: dict[Path, Mark], keys: dict[Path, Mark]) -> None:
    """Record the mark of every value and key of a node tree, by path."""
    stack: list[tuple[Any, Path]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        values[path] = _node_mark(node)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = (*path, _key(key_node))
                keys[child] = _node_mark(key_node)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(((item, (*path, i)) for i, item in enumerate(node.value)))


def _node_mark(node: Any) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)
