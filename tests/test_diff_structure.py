"""Alignment of articles and paragraphs: by id, and without ids."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bylaws.diff.changes import ArticleChange
from bylaws.diff.compare import diff_documents
from bylaws.diff.structure import Slot, align_articles, align_units, moved
from bylaws.diff.words import new_text, old_text
from tests.conftest import examples
from tests.diff_helpers import (
    BUDGET,
    COUNCIL,
    DUTIES,
    MEMBERSHIP,
    RIGHTS,
    art,
    base_document,
    document,
    para,
    rename_ids,
)

NEW_ARTICLE = art(
    "art-new", "تنشئ الحركة سجلاً رقمياً للأعضاء تحفظ فيه بياناتهم بسرية تامة."
)


def _by_article(changes: tuple[ArticleChange, ...]) -> dict[str, ArticleChange]:
    return {c.old_id or c.article: c for c in changes}


def _edited() -> tuple:
    """Base, and a version with an insert at the start, a move and an amendment."""
    old = base_document()
    amended = art(
        "art-join",
        "يحق لكل مواطن راشداً من العمر ثمانية عشر عاماً أن ينتسب إلى الحركة.",
        "يُقدَّم طلب الانتساب إلى أمانة الفرع في مكان الإقامة.",
    )
    new = document(
        [
            ("chp-members", "العضوية", [NEW_ARTICLE, amended, RIGHTS, BUDGET, DUTIES]),
            ("chp-bodies", "الهيئات", [COUNCIL]),
        ]
    )
    return old, new


def test_identical_documents_have_no_changes() -> None:
    doc = base_document()
    assert diff_documents(doc, doc).is_empty


def test_by_id_insert_renumbers_followers() -> None:
    old, new = _edited()
    changes = _by_article(diff_documents(old, new).articles)
    assert changes["art-new"].kinds == {"inserted"}
    assert changes["art-join"].kinds == {"amended", "renumbered"}
    assert (changes["art-join"].old_number, changes["art-join"].new_number) == (
        "1",
        "2",
    )
    assert changes["art-rights"].kinds == {"renumbered"}
    assert changes["art-budget"].kinds >= {"moved"}
    assert changes["art-budget"].new_division == "chp-members"


def test_without_ids_same_result_as_with_ids() -> None:
    old, new = _edited()
    with_ids = diff_documents(old, new)
    without = diff_documents(old, rename_ids(new, "x-"))
    assert [(c.kinds, c.old_number, c.new_number) for c in with_ids.articles] == [
        (c.kinds, c.old_number, c.new_number) for c in without.articles
    ]
    join = next(c for c in without.articles if c.old_id == "art-join")
    assert join.new_id == "x-art-join"
    assert join.kinds == {"amended", "renumbered"}
    assert not any(c.kinds == {"repealed"} for c in without.articles)


def test_content_alignment_finds_moved_article_not_repeal_plus_insert() -> None:
    old = base_document()
    new = document(
        [
            ("chp-members", "العضوية", [MEMBERSHIP, DUTIES]),
            ("chp-bodies", "الهيئات", [COUNCIL, RIGHTS, BUDGET]),
        ]
    )
    diff = diff_documents(old, rename_ids(new, "imported-"), align="content")
    kinds = {c.old_id: c.kinds for c in diff.articles}
    assert "moved" in kinds["art-rights"]
    assert all("repealed" not in k and "inserted" not in k for k in kinds.values())


def test_repeal_is_reported_in_place() -> None:
    old = base_document()
    new = document(
        [
            ("chp-members", "العضوية", [MEMBERSHIP, DUTIES]),
            ("chp-bodies", "الهيئات", [COUNCIL, BUDGET]),
        ]
    )
    diff = diff_documents(old, new)
    assert diff.articles[0].article == "art-rights"
    assert diff.articles[0].kinds == {"repealed"}
    assert diff.articles[0].new_number is None
    assert diff.summary["repealed"] == 1
    assert diff.summary["renumbered"] == 3


def test_heading_and_outline_changes() -> None:
    old = base_document()
    new = document(
        [
            ("chp-members", "العضوية والانتساب", [MEMBERSHIP, RIGHTS, DUTIES]),
            ("chp-bodies", "الهيئات", [COUNCIL, BUDGET]),
            ("chp-final", "أحكام ختامية", []),
        ]
    )
    diff = diff_documents(old, new)
    kinds = [type(c).__name__ for c in diff.changes]
    assert kinds == ["HeadingChanged", "OutlineChanged"]


def test_paragraph_moved_inside_article() -> None:
    first, second, third = (
        "تعقد الهيئة اجتماعاتها في مقرها الرئيسي.",
        "يرأس الاجتماع الأمين العام أو نائبه.",
        "تدون محاضر الاجتماعات في سجل خاص.",
    )
    old = document([("c", "ف", [art("a", first, second, third)])])
    new = document([("c", "ف", [art("a", third, first, second)])])
    change = diff_documents(old, new).articles[0]
    assert change.kinds == {"amended"}
    moved_units = [u for u in change.units if u.kind == "moved"]
    assert [(u.old_address, u.new_address) for u in moved_units] == [
        ("para-3", "para-1")
    ]


def test_paragraph_moved_between_articles() -> None:
    travelling = "تدون محاضر الاجتماعات في سجل خاص يوقعه رئيس الجلسة وأمين السر."
    old = document(
        [
            (
                "c",
                "ف",
                [
                    art("a", "تعقد الهيئة اجتماعاتها في مقرها.", travelling),
                    art("b", "يرأس الاجتماع الأمين العام أو نائبه."),
                ],
            )
        ]
    )
    new = document(
        [
            (
                "c",
                "ف",
                [
                    art("a", "تعقد الهيئة اجتماعاتها في مقرها."),
                    art("b", "يرأس الاجتماع الأمين العام أو نائبه.", travelling),
                ],
            )
        ]
    )
    changes = {c.article: c for c in diff_documents(old, new).articles}
    gone = next(u for u in changes["a"].units if u.kind == "moved")
    came = next(u for u in changes["b"].units if u.kind == "moved")
    assert (gone.old_address, gone.new_address, gone.other_article) == (
        "para-2",
        None,
        "b",
    )
    assert (came.old_address, came.new_address, came.other_article) == (
        None,
        "para-2",
        "a",
    )


def test_points_are_units_with_addresses() -> None:
    old = document(
        [("c", "ف", [art("a", para("يشمل التقرير:", "الأعمال.", "المالية."))])]
    )
    new = document(
        [("c", "ف", [art("a", para("يشمل التقرير:", "الأعمال.", "الحسابات المالية."))])]
    )
    change = diff_documents(old, new).articles[0]
    (unit,) = change.changed_units
    assert unit.new_address == "para-1/point-2"
    assert unit.new_label == "(ب)"


def test_units_rebuild_both_sides() -> None:
    old, new = _edited()
    for change in diff_documents(old, new).articles:
        for unit in change.units:
            if unit.kind in ("amended", "equal"):
                assert old_text(unit.ops) or new_text(unit.ops)


def test_align_articles_pairs_two_single_articles() -> None:
    a = Slot("a", "1", "x", ("x",))
    b = Slot("b", "1", "y", ("y",))
    assert align_articles([a], [b]) == [(0, 0)]


def test_align_units_by_similarity() -> None:
    old = ["الفقرة الأولى عن العضوية والانتساب", "الفقرة الثانية عن الاشتراكات"]
    new = ["الفقرة الثانية عن الاشتراكات الشهرية", "نص جديد تماما لا يشبه شيئا"]
    words = [t.split() for t in old], [t.split() for t in new]
    pairs = align_units(old, new, *words)
    assert (1, 0) in pairs
    assert (0, None) in pairs and (None, 1) in pairs


def test_moved_is_complement_of_longest_run() -> None:
    assert moved([(0, 0), (1, 1), (2, 2)]) == set()
    assert moved([(0, 1), (1, 2), (2, 0)]) == {2}
    assert moved([(0, None), (None, 0), (1, 1)]) == set()


def test_context_lists_every_article() -> None:
    old, new = _edited()
    diff = diff_documents(old, new, context=True)
    assert [c.article for c in diff.context] == [
        "art-new",
        "art-join",
        "art-rights",
        "art-budget",
        "art-duties",
        "art-council",
    ]
    council = diff.context[-1]
    assert council.kinds == {"renumbered"} or not council.kinds


def test_a_change_to_a_note_alone_is_a_change() -> None:
    from dataclasses import replace

    from bylaws.model import Note, Text

    base = art("a", "نص المادة.")
    noted = replace(base, notes=(Note((Text("عُدّلت سنة 2020."),)),))
    renoted = replace(base, notes=(Note((Text("عُدّلت سنة 2024."),)),))
    old = document([("c", "ف", [noted])])
    new = document([("c", "ف", [renoted])])
    (change,) = diff_documents(old, new).articles
    assert "amended" in change.kinds
    (unit,) = change.changed_units
    assert (unit.old_address, unit.new_address) == ("note-1", "note-1")
    assert unit.new_label == "ملاحظة"
    assert (old_text(unit.ops), new_text(unit.ops)) == (
        "عُدّلت سنة 2020.",
        "عُدّلت سنة 2024.",
    )
    # A note added to an article is inserted after its paragraphs, and never
    # paired with a paragraph of the same words.
    echoed = replace(base, notes=(Note((Text("نص المادة."),)),))
    (change,) = diff_documents(
        document([("c", "ف", [base])]), document([("c", "ف", [echoed])])
    ).articles
    assert [(u.kind, u.new_address) for u in change.changed_units] == [
        ("inserted", "note-1")
    ]


def test_text_after_points_is_a_unit_where_it_stands() -> None:
    from bylaws.formatters import FormatOptions, render
    from bylaws.model import P, Paragraph, Point, Text

    def with_tail(tail: str) -> Paragraph:
        return Paragraph(
            (
                P((Text("يُشترط في المرشح:"),)),
                Point((P((Text("أن يكون عضواً."),)),)),
                Point((P((Text("أن يسدد اشتراكاته."),)),)),
                P((Text(tail),)),
            )
        )

    old = document([("c", "ف", [art("a", with_tail("وذلك كله بقرار من المكتب."))])])
    new = document([("c", "ف", [art("a", with_tail("وذلك كله بقرار من المجلس."))])])
    diff = diff_documents(old, new)
    (change,) = diff.articles
    (unit,) = change.changed_units
    assert (unit.old_address, unit.new_address, unit.new_label) == (
        "para-1/text-1",
        "para-1/text-1",
        "",
    )
    # Shown after the points, at the paragraph's own level.
    lines = render(diff, "inline", FormatOptions()).splitlines()
    tail = next(i for i, line in enumerate(lines) if "وذلك كله" in line)
    assert "أن يسدد اشتراكاته." in lines[tail - 1]
    assert lines[tail].startswith("وذلك كله بقرار من [-المكتب-]{+المجلس+}")
    html = render(diff, "html", FormatOptions())
    assert 'diff-depth-0" id="diff-a-para-1-text-1"' in html


def test_a_chapter_moved_whole_is_one_move_not_one_per_article() -> None:
    from bylaws.diff.changes import OutlineChanged

    one = ("c1", "العضوية", [art("a1", "نص أ."), art("a2", "نص ب.")])
    two = ("c2", "المالية", [art("b1", "نص ج."), art("b2", "نص د.")])
    three = ("c3", "أحكام ختامية", [art("z", "نص هـ.")])
    diff = diff_documents(document([one, two, three]), document([two, one, three]))
    articles = {c.article: c.kinds for c in diff.articles}
    assert all("moved" not in kinds for kinds in articles.values()), articles
    assert articles["a1"] == {"renumbered"} and articles["b1"] == {"renumbered"}
    outline = [c for c in diff.changes if isinstance(c, OutlineChanged)]
    assert [(c.action, c.old_label, c.new_label) for c in outline] in (
        [("moved", "الفصل الأول", "الفصل الثاني")],
        [("moved", "الفصل الثاني", "الفصل الأول")],
    )
    from bylaws.formatters import FormatOptions, render

    shown = render(diff, "inline", FormatOptions())
    assert "@@ الفصل الثاني → الفصل الأول @@" in shown or (
        "@@ الفصل الأول → الفصل الثاني @@" in shown
    )
    # Each run of renumbered articles reads in order on both sides.
    assert "@@ المادة الثالثة … المادة الرابعة → المادة الأولى … المادة الثانية @@" in (
        shown
    )
    # An article moved inside its chapter is still a move.
    reordered = ("c1", "العضوية", [art("a2", "نص ب."), art("a1", "نص أ.")])
    diff = diff_documents(document([one, two]), document([reordered, two]))
    assert any("moved" in c.kinds for c in diff.articles)


def test_a_swap_of_neighbours_names_the_article_the_proposal_moves() -> None:
    first, second = art("a1", "نص أ."), art("a2", "نص ب.")
    old = document([("c", "ف", [first, second, art("a3", "نص ج.")])])
    new = document([("c", "ف", [second, first, art("a3", "نص ج.")])])

    def moved_ones(moves: frozenset[str]) -> list[str]:
        diff = diff_documents(old, new, moves=moves)
        return [c.article for c in diff.articles if "moved" in c.kinds]

    # Either reading is right; the proposal's own word decides.
    assert len(moved_ones(frozenset())) == 1
    assert moved_ones(frozenset({"a1"})) == ["a1"]
    assert moved_ones(frozenset({"a2"})) == ["a2"]
    # A claim that does not explain the new order is not taken.
    assert moved_ones(frozenset({"a3"})) == moved_ones(frozenset())


@settings(max_examples=examples(300), deadline=None)
@given(data=st.data())
def test_moved_keeps_the_units_in_place_among_the_longest_runs(
    data: st.DataObject,
) -> None:
    n = data.draw(st.integers(min_value=0, max_value=12))
    order = data.draw(st.permutations(range(n)))
    pairs: list[tuple[int | None, int | None]] = list(enumerate(order))
    in_place = (
        set(data.draw(st.lists(st.sampled_from(pairs), unique=True)))
        if pairs
        else set()
    )
    plain, weighted = moved(pairs), moved(pairs, in_place)
    # As many moves as any longest run leaves ...
    assert len(weighted) == len(plain)
    kept = sorted((i, j) for i, j in pairs if i not in weighted)
    # ... the rest in order on both sides ...
    assert [j for _, j in kept] == sorted(j for _, j in kept)
    # ... and no fewer pairs in place kept than the plain run keeps.
    assert sum(p in in_place for p in kept) >= sum(
        (i, j) in in_place for i, j in pairs if i not in plain
    )


def test_a_point_between_two_units_that_traded_places_did_not_move() -> None:
    # Three runs of one: the point, still at its address, is the one kept.
    pairs: list[tuple[int | None, int | None]] = [(0, 2), (1, 1), (2, 0)]
    assert moved(pairs, in_place={(1, 1)}) == {0, 2}
