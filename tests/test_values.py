"""The values' shared equality, hash and repr behave as dataclasses' own."""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
from dataclasses import FrozenInstanceError, dataclass, field, fields, replace
from pathlib import Path

import pytest

from bylaws.diff.words import WordOp
from bylaws.model import (
    Article,
    ArticleEntry,
    Document,
    DocumentMeta,
    P,
    Paragraph,
    Ref,
    SourceLoc,
    Text,
)
from bylaws.values import Value, value_class


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


@value_class(frozen=True, slots=True, eq=False, repr=False)
class _Made(Value):
    to: str
    form: str = "full"
    loc: SourceLoc | None = field(default=None, compare=False, repr=False)


def test_value_classes_are_made_as_frozen_dataclasses() -> None:
    here = SourceLoc("a.xml", 2, 3)
    for make in (_Shared, _Made):
        value = make("art-1", loc=here)
        assert (value.to, value.form, value.loc) == ("art-1", "full", here)
        assert make("art-1", "number") == make(to="art-1", form="number")
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.copy(value) == value and copy.deepcopy(value) == value
        assert replace(value, form="number").form == "number"
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'to'"):
            value.to = "art-2"  # type: ignore[misc]
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'to'"):
            del value.to  # type: ignore[misc]
        with pytest.raises(TypeError, match="unexpected keyword argument 'size'"):
            make("art-1", size=3)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match="missing 1 required positional"):
            make()  # type: ignore[call-arg]
    assert [f.name for f in fields(_Made)] == ["to", "form", "loc"]
    assert _Made.__init__.__qualname__ == "_Made.__init__"
    assert not hasattr(_Made("x"), "__dict__")  # slotted


def test_a_whole_document_pickles_and_stays_frozen() -> None:
    doc = Document(
        id="d",
        lang="ar",
        numbering="auto",
        style="words",
        meta=DocumentMeta(title="t"),
        outline=(ArticleEntry("art-1"),),
        articles={"art-1": Article("art-1", None, ())},
    )
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert replace(doc, lang="en").lang == "en"
    with pytest.raises(FrozenInstanceError):
        doc.lang = "en"  # type: ignore[misc]


def test_value_classes_refuse_what_they_cannot_make() -> None:
    with pytest.raises(TypeError, match="follows default argument"):

        @value_class(frozen=True, slots=True, eq=False, repr=False)
        class _Bad(Value):
            a: int = 0
            b: int  # type: ignore[misc]


def test_plain_dataclasses_where_the_templates_do_not_fit() -> None:
    """On a Python whose code objects the templates do not fit, the value
    classes are plain dataclasses: the same diff, the same values."""
    sample = "drafts/internal-regulations"
    proposal = f"{sample}/proposals/digital-registry"
    command = [sys.executable, "-m", "bylaws", "diff", "--format", "json"]
    outputs = []
    for plain in ("0", "1"):
        env = dict(os.environ, BYLAWS_PLAIN_DATACLASSES=plain, BYLAWS_LANG="en")
        done = subprocess.run(
            [*command, sample, proposal],
            capture_output=True,
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and b'"kind"' in outputs[0]
    probe = (
        "from bylaws.model import Text; import dataclasses; "
        "t = Text('x'); print(t == Text('x'), hash(t) == hash(Text('x')), "
        "repr(t), dataclasses.replace(t, value='y'), "
        "Text.__dataclass_params__.frozen)"
    )
    shown = [
        subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            env=dict(os.environ, BYLAWS_PLAIN_DATACLASSES=plain),
            check=True,
        ).stdout
        for plain in ("0", "1")
    ]
    assert shown[0] == "True True Text(value='x') Text(value='y') False\n"
    assert shown[1] == "True True Text(value='x') Text(value='y') True\n"
