"""Arabic cases one by one at the level of change records, and round trips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.diff.changes import without_formal
from bylaws.diff.compare import diff_documents
from bylaws.diff.words import new_text, old_text
from tests.diff_helpers import art, document

from .conftest import examples


def _unit_ops(old: str, new: str):  # type: ignore[no-untyped-def]
    a = document([("c", "ف", [art("a", old)])])
    b = document([("c", "ف", [art("a", new)])])
    diff = diff_documents(a, b)
    return diff, (diff.articles[0].changed_units[0].ops if diff.articles else ())


def test_changed_suffix_is_one_replaced_word() -> None:
    _, ops = _unit_ops(
        "لكل مواطن بالغاً من العمر ثمانية عشر عاماً.",
        "لكل مواطن راشداً من العمر ثمانية عشر عاماً.",
    )
    changed = [op for op in ops if op.kind != "equal"]
    assert [(op.kind, op.old, op.new) for op in changed] == [
        ("replace", "بالغاً", "راشداً")
    ]


def test_diacritics_tatweel_hamza_digits_are_formal() -> None:
    pairs = [
        ("يقدم الطلب إلى الفرع", "يُقدِّم الطلب إلى الفرع"),
        ("يقدم الطلب إلى الفرع", "يقـدم الطلب إلى الفرع"),
        ("يقدم الطلب إلى الفرع", "يقدم الطلب الى الفرع"),
        ("خلال 15 يوماً", "خلال ١٥ يوماً"),
        ("رئيس اللجنة المالية", "رئيس اللجنه المالية"),
    ]
    for old, new in pairs:
        diff, ops = _unit_ops(old, new)
        assert ops and all(op.formal for op in ops if op.kind != "equal"), (old, new)
        assert diff.articles[0].formal
        assert without_formal(diff).is_empty


def test_real_change_is_not_formal() -> None:
    diff, ops = _unit_ops("يجتمع على الأقل", "يجتمع علي الأقل")
    assert any(op.kind != "equal" and not op.formal for op in ops)
    assert not without_formal(diff).is_empty


def test_arabic_punctuation_is_its_own_token() -> None:
    _, ops = _unit_ops("الأعضاء، والفروع؛ واللجان", "الأعضاء؛ والفروع؛ واللجان")
    changed = [op for op in ops if op.kind != "equal"]
    assert [(op.old, op.new) for op in changed] == [("،", "؛")]


def test_rewritten_paragraph_is_replaced_whole_not_confetti() -> None:
    a = document([("c", "ف", [art("a", "تعقد اللجنة اجتماعاً كل شهر في مقرها")])])
    b = document([("c", "ف", [art("a", "يحق للعضو الطعن أمام هيئة التحكيم المختصة")])])
    units = diff_documents(a, b).articles[0].changed_units
    assert [(u.kind, [op.kind for op in u.ops]) for u in units] == [
        ("deleted", ["delete"]),
        ("inserted", ["insert"]),
    ]


_ARABIC = st.sampled_from(
    [
        "الحركة",
        "العضو",
        "يحق",
        "لكل",
        "بالغاً",
        "راشداً",
        "على",
        "علي",
        "إلى",
        "الى",
        "كَتَبَ",
        "اللجنـة",
        "١٢",
        "12",
        "،",
        "؛",
        "؟",
        "«",
        "»",
        ".",
        "member",
        "the",
    ]
)
_TEXT = st.lists(_ARABIC, min_size=0, max_size=25).map(" ".join)


@settings(max_examples=examples(150), deadline=None)
@given(
    old=st.lists(_TEXT, min_size=1, max_size=4),
    new=st.lists(_TEXT, min_size=1, max_size=4),
)
def test_word_ops_rebuild_both_sides_of_whole_articles(
    old: list[str], new: list[str]
) -> None:
    a = document([("c", "ف", [art("a", *old)])])
    b = document([("c", "ف", [art("a", *new)])])
    diff = diff_documents(a, b, context=True)
    (change,) = diff.context
    rebuilt_old = [old_text(u.ops) for u in change.units if u.old_address is not None]
    rebuilt_new = [new_text(u.ops) for u in change.units if u.new_address is not None]
    by_old = sorted(
        zip(
            [u.old_address for u in change.units if u.old_address],
            rebuilt_old,
            strict=True,
        )
    )
    by_new = sorted(
        zip(
            [u.new_address for u in change.units if u.new_address],
            rebuilt_new,
            strict=True,
        )
    )
    key = lambda item: int(item[0].split("-")[1])  # noqa: E731
    if change.kinds or old == new:
        assert [t for _, t in sorted(by_new, key=key)] == new
    if "amended" in change.kinds:
        assert [t for _, t in sorted(by_old, key=key)] == old
