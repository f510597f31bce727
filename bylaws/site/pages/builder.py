"""What one document's pages share: proposals applied once, numbers, links."""

from __future__ import annotations

from dataclasses import dataclass, field

from bylaws.diff.changes import DocumentDiff
from bylaws.errors import BylawsError
from bylaws.locale import language_of
from bylaws.model import Document, Proposal, iter_divisions, iter_entries
from bylaws.overlay import apply_proposal, moved_articles, touched_articles
from bylaws.review import stages

from ..diffs import document_diff
from ..escape import Html
from ..integration import PairSummary, Switch, collision_pairs
from ..labels import Labels
from ..render import DocContext
from ..sources import DocumentBundle
from ..urls import SiteUrls
from .outline import TextGroup, text_groups
from .page import SitePage

__all__ = ["Builder"]


@dataclass
class Builder:
    """State shared by one document's pages (numbers, homes, diffs)."""

    bundle: DocumentBundle
    urls: SiteUrls
    switch: Switch
    comments_to: str = ""  # the secretariat's address; "" for no comment links
    ctx: DocContext = field(init=False)
    groups: list[TextGroup] = field(init=False)
    diffs: dict[str, DocumentDiff] = field(init=False, default_factory=dict)
    proposed: dict[str, Document] = field(init=False, default_factory=dict)
    errors: dict[str, str] = field(init=False, default_factory=dict)
    contexts: dict[str, DocContext] = field(init=False, default_factory=dict)
    _touching: dict[str, list[Proposal]] = field(init=False, default_factory=dict)
    _pairs: list[PairSummary] | None = field(init=False, default=None)
    # Stage labels by id: the document's stages, or the default four.
    _stage_labels: dict[str, str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        doc = self.bundle.doc
        homes: dict[str, str] = {}
        base_ctx = DocContext.of(doc, self.urls, homes)
        self.groups = text_groups(doc, base_ctx.labels)
        for group in self.groups:
            for entry in iter_entries(group.nodes):
                homes.setdefault(entry.ref, self.urls.text(group.id))
            for division in iter_divisions(group.nodes):  # "this Article"
                homes.setdefault(division.id, self.urls.text(group.id))
        self.ctx = base_ctx
        self._stage_labels = {s.id: s.label for s in stages(doc)}
        for proposal in self.bundle.proposals:
            try:
                proposed = apply_proposal(doc, proposal)
            except BylawsError as exc:
                self.errors[proposal.id] = exc.text(language_of(doc))
                continue
            self.proposed[proposal.id] = proposed
            self.diffs[proposal.id] = document_diff(
                doc, proposed, moved_articles(proposal)
            )

    @property
    def doc(self) -> Document:
        return self.bundle.doc

    @property
    def labels(self) -> Labels:
        return self.ctx.labels

    @property
    def list_separator(self) -> str:
        """The comma between items of a list, in the document's script."""
        return "، " if self.doc.rtl else ", "

    def page(
        self,
        src_uri: str,
        title: str,
        body: Html,
        section: str = "",
        searchable: bool = True,
    ) -> SitePage:
        return SitePage(
            src_uri, title, body, section, self.doc.lang, self.doc.rtl, searchable
        )

    def proposal_ctx(self, proposal_id: str) -> DocContext | None:
        if proposal_id not in self.contexts:
            proposed = self.proposed.get(proposal_id)
            if proposed is None:
                return None
            self.contexts[proposal_id] = DocContext.of(
                proposed, self.urls, self.ctx.homes
            )
        return self.contexts[proposal_id]

    def stage_label(self, stage: str) -> str:
        """A stage's name («لجنة الصياغة»), also when the document declares
        none and has the default four; an unknown id as given."""
        return self._stage_labels.get(stage, stage)

    def touching(self, article_id: str) -> list[Proposal]:
        """The proposals whose operations name an article, in workspace order."""
        if not self._touching:
            for proposal in self.bundle.proposals:
                for ref in touched_articles(proposal):
                    self._touching.setdefault(ref, []).append(proposal)
        return self._touching.get(article_id, [])

    def pairs(self) -> list[PairSummary]:
        """The related pairs of proposals, compared once for every page."""
        if self._pairs is None:
            self._pairs = collision_pairs(self.doc, list(self.bundle.proposals))
        return self._pairs

    def link(self, page: str, target: str, text: str) -> Html:
        """A link from `page` to the page `target`, reading `text`."""
        href = self.urls.link(page, target)
        return Html('<a href="{}">{}</a>').format(href, text)

    def proposal_link(self, page: str, proposal_id: str) -> Html:
        title = next(
            (p.title for p in self.bundle.proposals if p.id == proposal_id), proposal_id
        )
        return self.link(page, self.urls.proposal(proposal_id), title)

    def article_ref(
        self, page: str, article_id: str, ctx: DocContext | None = None
    ) -> Html:
        shown = (ctx or self.ctx).label(article_id)
        return self.link(page, self.urls.article(article_id), shown)
