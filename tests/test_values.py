"""The values' shared equality, hash and repr behave as dataclasses' own."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, replace

import pytest

from bylaws.diff.words import WordOp
from bylaws.model import Article, P, Paragraph, Ref, SourceLoc, Text
from bylaws.values import Value


@dataclass(frozen=True, slots=True)
class _Generated:
    to: str
    form: str = "full"
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class _Shared(Value):
    to: str
    form: str = "full"
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


def test_shared_methods_answer_as_generated_ones() -> None:
    here, there = SourceLoc("a.xml", 2, 3), SourceLoc("b.xml", 9, 1)
    for make in (_Generated, _Shared):
        a, b, c = make("art-1", loc=here), make("art-1", loc=there), make("art-2")
        assert a == b and hash(a) == hash(b)  # where it was read never counts
        assert a != c and a != "art-1"
    assert repr(_Shared("art-1", loc=here)) == repr(
        _Generated("art-1", loc=here)
    ).replace("_Generated", "_Shared")
    assert _Shared("x") != _Generated("x")


def test_model_values_compare_copy_and_stay_frozen() -> None:
    loc = SourceLoc("a.xml", 4, 5)
    runs = (Text("في "), Ref("art-2", "number", loc))
    article = Article("art-1", "عنوان", (Paragraph((P(runs, loc),), loc),), loc=loc)
    again = Article("art-1", "عنوان", (Paragraph((P(runs),)),))
    assert article == again and hash(article) == hash(again)
    assert repr(Text("x")) == "Text(value='x')"
    assert replace(article, id="art-9").id == "art-9"
    assert pickle.loads(pickle.dumps(article)) == article
    assert copy.deepcopy(article) == article
    assert WordOp("equal", "a", "a") == WordOp("equal", "a", "a")
    with pytest.raises(FrozenInstanceError):
        article.id = "art-3"  # type: ignore[misc]
