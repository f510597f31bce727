"""Reading and validating the files of a document, and its references."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from lxml import etree

from .. import numbering, validation, xmlio
from ..errors import BylawsError, Level, NotFound, Problem
from ..locale import _
from ..model import (
    Document,
    Ref,
    SourceLoc,
)
from ..overlay import ArticleOverlay
from ..visibility import hidden_markup_problems, invisible_problems, surely_plain
from ..workspace import (
    ARTICLES,
    DiskTree,
    Tree,
    read_small_file,
)
from . import batches


class Report:
    """The problems found, and whether the input was usable at all."""

    # A plain class, not a dataclass: a dataclass writes and compiles its
    # methods when its module loads, which every `check` pays at start-up.
    __slots__ = ("files", "languages", "problems", "unreadable")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.files = 0
        # Article files that exist but could not be read: already reported once.
        self.unreadable: set[str] = set()
        # The checked documents' languages, in order: the messages follow the first.
        self.languages: list[str] = []

    @property
    def errors(self) -> int:
        return sum(p.level == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.level == "warning" for p in self.problems)

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.path, p.line, p.col, p.message))


def _problem(
    loc: SourceLoc | None, message: str, level: str = "error", **args: Any
) -> Problem:
    """A problem from a marked message (`_("… {name} …")`) and its fields' values."""
    # A field may be an error itself (a reason): English here, and in the
    # reader's language where the problem is said (Problem.text).
    shown = {
        key: value.message if isinstance(value, BylawsError) else value
        for key, value in args.items()
    }
    english = message.format(**shown) if args else message
    kind: Level = "error" if level == "error" else "warning"
    if loc is None:
        return Problem("", 0, 0, kind, english, message, args)
    return Problem(loc.path, loc.line, loc.col, kind, english, message, args)


# --- reading files without stopping at the first bad one ----------------------


# The records below are plain classes, not dataclasses: a dataclass writes
# and compiles its methods when its module loads, which every `check` pays
# at start-up, and these are never compared or printed.


class _Parsed:
    """One file read, parsed and validated."""

    __slots__ = ("data", "path", "root", "targets")

    def __init__(
        self, path: str, data: bytes, root: etree._Element, targets: list[str]
    ) -> None:
        self.path = path
        self.data = data
        self.root = root
        # Every `to` of a <ref>, in order, gathered while validating: the check
        # of references then needs no tree (a tree is parsed again only to say
        # where a broken reference is).
        self.targets = targets


def _read(tree: Tree, rel: PurePosixPath, name: str, report: Report) -> _Parsed | None:
    """Read, parse and validate one file; its problems go to the report."""
    path = tree.display(rel)
    report.files += 1
    try:
        data = tree.read_bytes(rel)
    except BylawsError as exc:
        report.problems.append(Problem.from_error(exc))
        return None
    return _parse(data, path, name, report)


def _text_problems(data: bytes, path: str) -> list[Problem]:
    """What a file's text hides: invisible characters, comments, a byte-order mark."""
    text = data.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # a byte-order mark has a warning of its own, below
    problems = invisible_problems(text, path, xml=True)
    problems.extend(hidden_markup_problems(text, path))
    if data.startswith(xmlio.BOM):
        problems.append(
            _problem(
                SourceLoc(path, 1, 1),
                _("file starts with a byte-order mark; `bylaws fmt` removes it"),
                "warning",
            )
        )
    return problems


def _parse(data: bytes, path: str, name: str, report: Report) -> _Parsed | None:
    """Parse and validate one file's bytes; its problems go to the report."""
    # Nearly every file is plain: one pass over its bytes then stands for the
    # rules on its text, and for the parser's own checks of what is refused.
    plain = surely_plain(data)
    try:
        root = (
            xmlio.parse_vetted(data, path) if plain else xmlio.parse_bytes(data, path)
        )
        xmlio.expect_root(root, name, path)
    except BylawsError as exc:
        report.problems.append(Problem.from_error(exc))
        return None
    if not plain:
        report.problems.extend(_text_problems(data, path))
    targets = validation.values_if_valid(root, "to")
    if targets is None:
        schema = validation.full_schema_problems(root, path, data)
        if schema:
            report.problems.extend(schema)
            return None
        targets = [str(el.get("to")) for el in root.iter(xmlio.Q + "ref")]
    return _Parsed(path, data, root, targets)


class _References:
    """The targets of one file's references, and where to find them if broken."""

    __slots__ = ("article", "data", "path", "targets", "worded")

    def __init__(
        self,
        article: str,
        path: str,
        data: bytes,
        targets: list[str],
        worded: bool = False,
    ) -> None:
        self.article = article
        self.path = path
        self.data = data
        self.targets = targets
        # A reference reads in words of its own ("the preceding Section").
        self.worded = worded


# An article of the text in force that refers to another, and the address it uses.
Referrer = tuple[str, str]


class _ArticleFiles:
    """A folder's article files: lazily built values, and their references."""

    __slots__ = ("articles", "with_references")

    def __init__(
        self, articles: xmlio.LazyArticles, with_references: list[_References]
    ) -> None:
        self.articles = articles
        self.with_references = with_references


def _load_articles(tree: Tree, folder: PurePosixPath, report: Report) -> _ArticleFiles:
    """Parse and validate every article file; values are built only when used."""
    loaded = _LoadedArticles(report)
    base = folder / ARTICLES
    # A workspace is thousands of small files: pathlib objects per file would
    # cost more than the parsing, so a disk is read with plain string paths.
    # A file a plain read cannot get goes through the tree, whose read says
    # precisely what is wrong.
    prefix = tree.display(base) + os.sep if isinstance(tree, DiskTree) else ""
    waiting: list[_Waiting] = []
    size = 0
    for name in tree.list_dir(base):
        if not name.endswith(".xml"):
            continue
        path = prefix + name
        data = read_small_file(path) if prefix else None
        if data is not None and batches.can_join(data):
            waiting.append((name, path, data))
            size += len(data)
            if (
                len(waiting) >= batches.FILES_PER_BATCH
                or size >= batches.BYTES_PER_BATCH
            ):
                loaded.add_batch(waiting)
                waiting, size = [], 0
            continue
        loaded.add_batch(waiting)  # first: the files stay in the folder's order
        waiting, size = [], 0
        if data is None:
            parsed = _read(tree, base.joinpath(name), "article", report)
        else:
            report.files += 1
            parsed = _parse(data, path, "article", report)
        loaded.add(name, parsed)
    loaded.add_batch(waiting)
    return _ArticleFiles(xmlio.LazyArticles(loaded.sources), loaded.with_references)


# An article file waiting for its batch: its name, path and bytes.
_Waiting = tuple[str, str, bytes]


class _LoadedArticles:
    """A folder's article files as they are read: by id, and their references."""

    __slots__ = ("report", "sources", "with_references")

    def __init__(self, report: Report) -> None:
        self.report = report
        self.sources: dict[str, tuple[str, bytes]] = {}
        self.with_references: list[_References] = []

    def add(self, name: str, parsed: _Parsed | None) -> None:
        """One file read alone (None: it could not be, and that is reported)."""
        if parsed is None:
            self.report.unreadable.add(name[: -len(".xml")])
            return
        worded = bool(parsed.targets) and any(
            el.text for el in parsed.root.iter(xmlio.Q + "ref")
        )
        self._take(
            name,
            parsed.path,
            parsed.data,
            (parsed.root.get("id", ""), parsed.targets, worded),
        )

    def add_batch(self, waiting: list[_Waiting]) -> None:
        """Files checked together (`bylaws.check.batches`), or else one by one."""
        if not waiting:
            return
        self.report.files += len(waiting)
        checked = batches.checked_together(
            [data for _, _, data in waiting], xmlio.Q + "article", "to"
        )
        if checked is None:
            for name, path, data in waiting:
                self.add(name, _parse(data, path, "article", self.report))
            return
        for (name, path, data), found in zip(waiting, checked, strict=True):
            self._take(name, path, data, found)

    def _take(
        self, name: str, path: str, data: bytes, found: tuple[str, list[str], bool]
    ) -> None:
        """One file read: its id, its references' targets, whether one reads
        in words of its own."""
        article_id, targets, worded = found
        if article_id != name[: -len(".xml")] or article_id in self.sources:
            self.report.problems.append(self._misnamed(name, path, data, article_id))
        self.sources[article_id] = (path, data)
        if targets:
            self.with_references.append(
                _References(article_id, path, data, targets, worded)
            )

    def _misnamed(self, name: str, path: str, data: bytes, article_id: str) -> Problem:
        """An id another file has already, or not the file's name."""
        # The file's tree is let go once read: it is parsed again for the place.
        loc = xmlio.source_loc(xmlio.parse_bytes(data, path), path, data)
        if article_id in self.sources:
            return _problem(
                loc,
                _(
                    "duplicate article id {article_id!r}: {other} has it already; give the article in {name!r} an id of its own, the same as its file name"
                ),
                article_id=article_id,
                other=os.path.basename(self.sources[article_id][0]),
                name=name,
            )
        return _problem(
            loc,
            _(
                "article id {article_id!r} does not match its file name {name!r}; ids never change, so rename the file to {article_id}.xml"
            ),
            article_id=article_id,
            name=name,
        )


class _Shape:
    """An article's paragraphs and points, without their text: all a ref needs."""

    __slots__ = ("paragraphs", "points")

    def __init__(
        self, paragraphs: tuple[_Shape, ...] = (), points: tuple[_Shape, ...] = ()
    ) -> None:
        self.paragraphs = paragraphs
        self.points = points


def _point_shape(el: etree._Element) -> _Shape:
    return _Shape(
        points=tuple(_point_shape(p) for p in el.iterchildren(xmlio.Q + "point"))
    )


def _article_shape(root: etree._Element) -> _Shape:
    paragraphs = root.iterchildren(xmlio.Q + "paragraph")
    return _Shape(paragraphs=tuple(_point_shape(p) for p in paragraphs))


def _shapes(doc: Document) -> Callable[[str], numbering.ArticleShape | None]:
    """Look up an article's shape, from its element tree when it has one."""
    shapes: dict[str, numbering.ArticleShape] = {}

    def shape(article_id: str) -> numbering.ArticleShape | None:
        if article_id in shapes:
            return shapes[article_id]
        if article_id not in doc.articles:
            return None
        articles = doc.articles
        source = (
            articles.source_of(article_id)
            if isinstance(articles, ArticleOverlay)
            else articles
        )
        if isinstance(source, xmlio.LazyArticles) and article_id in source.sources:
            found: numbering.ArticleShape = _article_shape(source.root(article_id))
        else:
            found = source[article_id]
        shapes[article_id] = found
        return found

    return shape


def reference_problems(
    doc: Document, files: Iterable[_References]
) -> Iterator[Problem]:
    """References to nothing in the given article files, resolved against `doc`.

    Works on the `to` values gathered while validating, so no article value
    is built and no tree is walked for the check.
    """
    numbers = numbering.number_outline(doc)
    shape = _shapes(doc)
    for file in files:
        refs: list[etree._Element] | None = None
        for index, to in enumerate(file.targets):
            if to in numbers and not numbers[to].repealed:
                continue  # a whole article in force: nothing more to resolve
            try:
                numbering.resolve_ref_path(doc, Ref(to), numbers, shape)
            except NotFound as exc:
                if refs is None:  # every <ref> has a `to`: the same order
                    root = xmlio.parse_bytes(file.data, file.path)
                    refs = list(root.iter(xmlio.Q + "ref"))
                loc = xmlio.source_loc(refs[index], file.path, file.data, f'to="{to}"')
                yield replace(
                    Problem.from_error(exc), path=loc.path, line=loc.line, col=loc.col
                )
