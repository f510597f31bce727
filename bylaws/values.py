"""Equality, hashing and repr for frozen value classes, written once for all.

A dataclass compiles the methods it generates, at every start-up of every
command: six for a frozen one, a quarter of what `bylaws diff` of two small
texts spent beyond Python's own start. The values of `bylaws.model` and the
diff's records are dataclasses with `eq=False, repr=False`, which compile
three, and inherit these from `Value`, which behave as the generated ones:
equal when of the same class with equal compared fields (a field with
`compare=False`, like `loc`, never counts), hashed on those fields, shown
with their `repr` fields.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter

__all__ = ["Value"]

_Getter = Callable[[object], tuple[object, ...]]


class Value:
    """Base of a dataclass made with `eq=False, repr=False` (see the module)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _fields_of(self.__class__)[0]
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        return hash(_fields_of(self.__class__)[0](self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = _fields_of(self.__class__)[1]
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({values})"


_FIELDS: dict[type, tuple[_Getter, tuple[str, ...]]] = {}


def _fields_of(cls: type) -> tuple[_Getter, tuple[str, ...]]:
    """A class's compared fields (a getter of their tuple) and its shown ones."""
    found = _FIELDS.get(cls)
    if found is None:
        every = fields(cls)
        compared = [f.name for f in every if f.compare]
        get: _Getter
        if len(compared) == 1:
            one = compared[0]
            get = lambda value: (getattr(value, one),)  # noqa: E731
        else:
            get = attrgetter(*compared)
        found = _FIELDS[cls] = (get, tuple(f.name for f in every if f.repr))
    return found
