"""Equality, hashing and repr for frozen value classes, written once for all.

A dataclass compiles the methods it generates, at every start-up of every
command: six for a frozen one, a quarter of what `bylaws diff` of two small
texts spent beyond Python's own start. The values of `bylaws.model` and the
diff's records are dataclasses with `eq=False, repr=False`, which compile
three, and inherit these from `Value`, which behave as the generated ones:
equal when of the same class with equal compared fields (a field with
`compare=False`, like `loc`, never counts), hashed on those fields, shown
with their `repr` fields.

`value_class` goes further for the many classes of `bylaws.model`: it makes
them without compiling anything at start-up (see the section below).
"""

from __future__ import annotations

import os
import reprlib
from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from functools import cache
from operator import attrgetter
from types import FunctionType
from typing import TYPE_CHECKING, TypeVar

__all__ = ["Value", "value_class"]

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


# --- frozen value classes whose methods are not compiled at start-up ------------
#
# `dataclass(frozen=True)` writes the source of `__init__`, `__setattr__` and
# `__delattr__` for each class and compiles it, at every start-up: for the 27
# classes of `bylaws.model`, three quarters of what importing it cost. Here
# the classes are made by `dataclass` without those methods, so that fields,
# `replace` and pattern matching work as before, and given:
# - an `__init__` made from one of the templates below, compiled with this
#   module, whose names are replaced by the class's fields (the same code
#   `dataclass` writes: each field set through `object.__setattr__`);
# - the `__setattr__`, `__delattr__`, `__getstate__` and `__setstate__` of a
#   frozen slotted dataclass, shared by all.

_set = object.__setattr__
_T = TypeVar("_T")


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: object) -> list[object]:
    return [getattr(self, f.name) for f in fields(self)]  # type: ignore[arg-type]


def _setstate(self: object, state: list[object]) -> None:
    for f, value in zip(fields(self), state, strict=True):  # type: ignore[arg-type]
        _set(self, f.name, value)


def _make_value_class(
    *, frozen: bool = True, slots: bool = False, eq: bool = False, repr: bool = False
) -> Callable[[type[_T]], type[_T]]:
    """`dataclass(frozen=True, eq=False, repr=False)`, its methods not compiled."""
    if not frozen or eq or repr:
        raise TypeError("value_class makes frozen classes with Value's eq and repr")

    def make(cls: type[_T]) -> type[_T]:
        if not _templates_usable():
            # Another Python lays out its code objects otherwise: the classes
            # are then what `dataclass` makes, only slower to create.
            return dataclass(frozen=True, eq=False, repr=False, slots=slots)(cls)
        made = dataclass(init=False, eq=False, repr=False, slots=slots)(cls)
        methods = {
            "__init__": _init_for(made),
            "__setattr__": _frozen_setattr,
            "__delattr__": _frozen_delattr,
            "__getstate__": _getstate,
            "__setstate__": _setstate,
        }
        for name, method in methods.items():
            setattr(made, name, method)
        return made

    return make


def _init_for(cls: type) -> FunctionType:
    """The class's `__init__`: its fields in order, those with a default last."""
    every = fields(cls)
    defaults: list[object] = []
    for f in every:
        if f.default_factory is not MISSING or not f.init or f.kw_only is True:
            raise TypeError(f"{cls.__qualname__}.{f.name}: not supported here")
        if f.default is not MISSING:
            defaults.append(f.default)
        elif defaults:
            raise TypeError(
                f"{cls.__qualname__}: non-default argument {f.name!r} "
                "follows default argument"
            )
    names = tuple(f.name for f in every)
    if len(names) >= len(_TEMPLATES):
        raise TypeError(f"{cls.__qualname__}: more fields than value_class makes")
    template = _TEMPLATES[len(names)]
    code = template.__code__
    qualname = f"{cls.__qualname__}.__init__"
    code = code.replace(
        co_varnames=("self", *names),
        co_consts=(None, *names),
        co_name="__init__",
        co_qualname=qualname,
    )
    init = FunctionType(code, template.__globals__, "__init__", tuple(defaults))
    init.__qualname__ = qualname
    init.__module__ = cls.__module__
    init.__annotations__ = {f.name: f.type for f in every} | {"return": None}
    return init


_PLACEHOLDERS = tuple("abcdefghijklmnop")


@cache
def _templates_usable() -> bool:
    """Whether this Python's code objects read as the templates expect: their
    arguments and the names they set in the order written, nothing else.

    CPython 3.11 to 3.13 do; a Python that does not gets plain dataclasses, as
    does any with BYLAWS_PLAIN_DATACLASSES=1 (so that the tests can run the
    fallback where the templates work).
    """
    if os.environ.get("BYLAWS_PLAIN_DATACLASSES") == "1":
        return False
    return all(
        template.__code__.co_varnames == ("self", *_PLACEHOLDERS[:n])
        and template.__code__.co_consts == (None, *_PLACEHOLDERS[:n])
        for n, template in enumerate(_TEMPLATES)
    )


def _i0(self):  # type: ignore[no-untyped-def]
    pass


def _i1(self, a):  # type: ignore[no-untyped-def]
    _set(self, "a", a)


def _i2(self, a, b):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)


def _i3(self, a, b, c):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)


def _i4(self, a, b, c, d):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)


def _i5(self, a, b, c, d, e):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)


def _i6(self, a, b, c, d, e, f):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)


def _i7(self, a, b, c, d, e, f, g):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)


def _i8(self, a, b, c, d, e, f, g, h):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)


def _i9(self, a, b, c, d, e, f, g, h, i):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)


def _i10(self, a, b, c, d, e, f, g, h, i, j):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)


def _i11(self, a, b, c, d, e, f, g, h, i, j, k):  # type: ignore[no-untyped-def]
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)
    _set(self, "k", k)


def _i12(self, a, b, c, d, e, f, g, h, i, j, k, l):  # type: ignore[no-untyped-def]  # noqa: E741
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)
    _set(self, "k", k)
    _set(self, "l", l)


def _i13(self, a, b, c, d, e, f, g, h, i, j, k, l, m):  # type: ignore[no-untyped-def]  # noqa: E741
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)
    _set(self, "k", k)
    _set(self, "l", l)
    _set(self, "m", m)


def _i14(self, a, b, c, d, e, f, g, h, i, j, k, l, m, n):  # type: ignore[no-untyped-def]  # noqa: E741
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)
    _set(self, "k", k)
    _set(self, "l", l)
    _set(self, "m", m)
    _set(self, "n", n)


def _i15(self, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o):  # type: ignore[no-untyped-def]  # noqa: E741
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)
    _set(self, "k", k)
    _set(self, "l", l)
    _set(self, "m", m)
    _set(self, "n", n)
    _set(self, "o", o)


def _i16(self, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p):  # type: ignore[no-untyped-def]  # noqa: E741
    _set(self, "a", a)
    _set(self, "b", b)
    _set(self, "c", c)
    _set(self, "d", d)
    _set(self, "e", e)
    _set(self, "f", f)
    _set(self, "g", g)
    _set(self, "h", h)
    _set(self, "i", i)
    _set(self, "j", j)
    _set(self, "k", k)
    _set(self, "l", l)
    _set(self, "m", m)
    _set(self, "n", n)
    _set(self, "o", o)
    _set(self, "p", p)


# The template for each number of fields.
_TEMPLATES = (
    _i0,
    _i1,
    _i2,
    _i3,
    _i4,
    _i5,
    _i6,
    _i7,
    _i8,
    _i9,
    _i10,
    _i11,
    _i12,
    _i13,
    _i14,
    _i15,
    _i16,
)

if TYPE_CHECKING:
    # Checked as what it stands for: a frozen dataclass.
    from dataclasses import dataclass as value_class
else:
    value_class = _make_value_class
