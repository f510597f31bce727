"""A Word file edited with track changes comes back as a proposal.

The test writes the changes itself with lxml, as Word writes them: a deleted
word in `w:del`/`w:delText`, an inserted one in `w:ins`, each with its author
and date, and a comment in `word/comments.xml` anchored in a paragraph.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path, PurePosixPath

from click.testing import CliRunner
from lxml import etree

from bylaws.cli import cli
from bylaws.diff.compare import diff_documents
from bylaws.exporters import export_document, export_model
from bylaws.importers.formats import address_of_bookmark, bookmark_name
from bylaws.importers.word_proposal import proposal_from_docx
from bylaws.model import Insert, Position, Repeal
from bylaws.overlay import apply_proposal
from bylaws.workspace import DiskTree, load_document, load_proposal

from .conftest import SAMPLE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
AUTHOR = "فرع وادي الريحان"
DATE = "2026-03-20T10:15:00Z"
COMMENT = "نقترح مدة انتقالية قبل إلغاء السجل الورقي."


def _article_paragraphs(document: etree._Element, article: str) -> list[etree._Element]:
    """The paragraphs after an article's bookmarked heading, up to the next heading."""
    found: list[etree._Element] = []
    inside = False
    for p in document.iter(W + "p"):
        is_heading = p.find(f"{W}pPr/{W}pStyle") is not None
        if is_heading:
            names = [m.get(W + "name") for m in p.iter(W + "bookmarkStart")]
            inside = bookmark_name(article) in names
            continue
        if inside:
            found.append(p)
    return found


def _tracked(kind: str, text: str, ident: int) -> etree._Element:
    holder = etree.Element(
        W + kind, {W + "id": str(ident), W + "author": AUTHOR, W + "date": DATE}
    )
    run = etree.SubElement(holder, W + "r")
    etree.SubElement(etree.SubElement(run, W + "rPr"), W + "rtl")
    t = etree.SubElement(run, W + ("delText" if kind == "del" else "t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return holder


def _replace_word(p: etree._Element, old: str, new: str, ident: int) -> None:
    """Strike `old` and insert `new` after it, splitting the run that holds it."""
    t = next(t for t in p.iter(W + "t") if old in (t.text or ""))
    run = t.getparent()
    assert run is not None
    before, _sep, after = (t.text or "").partition(old)
    t.text = before
    parent = run.getparent()
    assert parent is not None
    at = parent.index(run)
    tail = etree.fromstring(etree.tostring(run))
    tail.find(W + "t").text = after  # type: ignore[union-attr]
    changes = [_tracked("del", old, ident)]
    if new:
        changes.append(_tracked("ins", new, ident + 1))
    for offset, element in enumerate([*changes, tail], start=1):
        parent.insert(at + offset, element)


def _comment_on(p: etree._Element, ident: int) -> None:
    p.insert(1, etree.Element(W + "commentRangeStart", {W + "id": str(ident)}))
    p.append(etree.Element(W + "commentRangeEnd", {W + "id": str(ident)}))
    run = etree.SubElement(p, W + "r")
    etree.SubElement(run, W + "commentReference", {W + "id": str(ident)})


def _comments_part(ident: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:comments xmlns:w="{W_NS}"><w:comment w:id="{ident}" '
        f'w:author="سلمى الورّاق" w:date="2026-03-21T08:00:00Z" w:initials="س">'
        f"<w:p><w:r><w:t>{COMMENT}</w:t></w:r></w:p></w:comment></w:comments>"
    ).encode()


def _edited(data: bytes) -> bytes:
    """The exported file with two tracked edits and a comment, as Word saves them."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    registry = _article_paragraphs(document, "art-membership-registry")
    _replace_word(registry[0], "ورقياً", "رقمياً", 900)
    seat = _article_paragraphs(document, "art-seat")
    _replace_word(seat[1], "مكاتب تمثيلية", "مكاتب", 910)
    _comment_on(registry[1], 7)
    parts["word/document.xml"] = etree.tostring(
        document, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    parts["word/comments.xml"] = _comments_part(7)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/comments.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
    )
    parts["word/_rels/document.xml.rels"] = parts[
        "word/_rels/document.xml.rels"
    ].replace(
        b"</Relationships>",
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
        b"</Relationships>",
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _changed_words(folder: Path, name: str) -> list[tuple[str, str, str]]:
    tree = DiskTree(folder)
    base = load_document(tree)
    proposal = load_proposal(tree, PurePosixPath("proposals") / name)
    diff = diff_documents(base, apply_proposal(base, proposal))
    return [
        (change.article, op.old.strip(), op.new.strip())
        for change in diff.articles
        for unit in change.units
        for op in unit.ops
        if op.kind != "equal"
    ]


def test_a_word_file_with_tracked_changes_is_a_proposal(tmp_path: Path) -> None:
    folder = tmp_path / "internal-regulations"
    shutil.copytree(SAMPLE, folder)
    docx = tmp_path / "from-branch.docx"
    docx.write_bytes(_edited(export_document(folder, "docx")))
    result = CliRunner().invoke(
        cli,
        ["import", str(docx), "--as-proposal", "branch-edits", "--doc", str(folder)],
    )
    assert result.exit_code == 0, result.output
    proposal = load_proposal(DiskTree(folder), PurePosixPath("proposals/branch-edits"))
    assert proposal.proposer == AUTHOR
    assert proposal.submitted == "2026-03-20"
    assert [type(op).__name__ for op in proposal.operations] == ["Amend", "Amend"]
    # `bylaws diff D proposals/ID` shows exactly the tracked changes.
    assert _changed_words(folder, "branch-edits") == [
        ("art-seat", "تمثيلية", ""),
        ("art-membership-registry", "ورقياً", "رقمياً"),
    ]
    result = CliRunner().invoke(
        cli, ["diff", str(folder), str(folder / "proposals" / "branch-edits")]
    )
    assert result.exit_code == 0, result.output
    assert "رقمياً" in result.output
    # The Word comment is feedback on the proposal, on its paragraph.
    result = CliRunner().invoke(
        cli, ["feedback", str(folder), "--proposal", "branch-edits"]
    )
    assert result.exit_code == 0, result.output
    assert COMMENT in result.output
    assert "الفقرة (2) من المادة الحادية عشرة" in result.output


def test_word_comments_become_feedback_on_their_paragraph() -> None:
    base = load_document(DiskTree(SAMPLE))
    data = _edited(export_document(SAMPLE, "docx"))
    found = proposal_from_docx(
        data, "b.docx", base, "branch-edits", "drafting-committee"
    )
    [comment] = found.comments
    assert comment.on == "art-membership-registry/para-2"
    assert comment.author == "سلمى الورّاق"
    assert comment.proposal == "branch-edits"
    assert comment.date == "2026-03-21"
    assert "".join(r.value for r in comment.text[0].runs) == COMMENT  # type: ignore[union-attr]


def test_bookmark_names_read_back_and_fit_in_word() -> None:
    for address in ("art-x", "art-x/para-2/point-3", "art_under", "art-" + "long" * 20):
        name = bookmark_name(address)
        assert len(name) <= 40
        table = {name: address} if name.startswith("h_") else None
        assert address_of_bookmark(name, table) == address


def _inserted_paragraph(style: str | None, text: str) -> etree._Element:
    """A paragraph typed with track changes on: its mark and its words inserted."""
    p = etree.Element(W + "p")
    ppr = etree.SubElement(p, W + "pPr")
    if style:
        etree.SubElement(ppr, W + "pStyle", {W + "val": style})
    etree.SubElement(ppr, W + "bidi")
    mark = {W + "id": "800", W + "author": AUTHOR, W + "date": DATE}
    etree.SubElement(etree.SubElement(ppr, W + "rPr"), W + "ins", mark)
    p.append(_tracked("ins", text, 801))
    return p


def _delete_whole(p: etree._Element) -> None:
    """Strike a whole paragraph, its mark included, as Word does."""
    ppr = p.find(W + "pPr")
    assert ppr is not None
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, W + "rPr")
    mark = {W + "id": "850", W + "author": AUTHOR, W + "date": DATE}
    etree.SubElement(rpr, W + "del", mark)
    for run in p.findall(W + "r"):
        for t in run.findall(W + "t"):
            t.tag = W + "delText"
        holder = etree.Element(W + "del", mark)
        p.replace(run, holder)
        holder.append(run)


def test_an_article_typed_in_and_one_struck_out(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(export_document(SAMPLE, "docx")))
    parts = {name: source.read(name) for name in source.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    last = _article_paragraphs(document, "art-seat")[-1]
    body = last.getparent()
    assert body is not None
    at = body.index(last)
    body.insert(at + 1, _inserted_paragraph("Heading2", "المادة الثالثة: مكاتب الخارج"))
    body.insert(at + 2, _inserted_paragraph(None, "يجوز فتح مكاتب للحركة خارج البلاد."))
    heading = next(
        p
        for p in document.iter(W + "p")
        if bookmark_name("art-emblem")
        in [m.get(W + "name") for m in p.iter(W + "bookmarkStart")]
    )
    for p in [heading, *_article_paragraphs(document, "art-emblem")]:
        _delete_whole(p)
    parts["word/document.xml"] = etree.tostring(document)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    base = load_document(DiskTree(SAMPLE))
    found = proposal_from_docx(
        out.getvalue(), "b.docx", base, "p", "drafting-committee"
    )
    inserted, repealed = found.proposal.operations
    assert isinstance(inserted, Insert) and inserted.position == Position(
        "after", "art-seat"
    )
    assert found.proposal.articles[inserted.article].heading == "مكاتب الخارج"
    assert inserted.article not in base.articles
    assert repealed == Repeal("art-emblem")
    # Articles after the insertion keep their references, though the file
    # numbered them as before it.
    proposed = apply_proposal(base, found.proposal)
    diff = diff_documents(base, proposed)
    assert {c.article for c in diff.articles if "amended" in c.kinds} == set()


def test_a_proposals_text_edited_in_word_is_that_proposal_and_the_edits() -> None:
    tree = DiskTree(SAMPLE)
    base = load_document(tree)
    original = load_proposal(tree, PurePosixPath("proposals/digital-registry"))
    proposed = apply_proposal(base, original)
    # `bylaws export DOC/proposals/P --to docx`: the proposal's text, plain.
    exported = export_document(SAMPLE / "proposals" / "digital-registry", "docx")
    assert exported == export_model(proposed, "docx")
    source = zipfile.ZipFile(io.BytesIO(exported))
    parts = {name: source.read(name) for name in source.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    seat = _article_paragraphs(document, "art-seat")
    _replace_word(seat[1], "مكاتب تمثيلية", "مكاتب", 900)
    parts["word/document.xml"] = etree.tostring(document)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    found = proposal_from_docx(
        out.getvalue(), "b.docx", base, "again", "drafting-committee"
    )
    # The proposal's own operations, in the text's order, and the edit.
    kinds = {(type(op).__name__, op.article) for op in found.proposal.operations}  # type: ignore[union-attr]
    assert kinds == {(type(op).__name__, op.article) for op in original.operations} | {  # type: ignore[union-attr]
        ("Amend", "art-seat")
    }
    # Against the proposal's text, only the tracked word differs.
    again = apply_proposal(base, found.proposal)
    diff = diff_documents(proposed, again)
    assert [
        (c.article, op.old.strip(), op.new)
        for c in diff.articles
        for u in c.units
        for op in u.ops
        if op.kind != "equal"
    ] == [("art-seat", "تمثيلية", "")]
