"""Proposals for a generated corpus: the changes between two versions, split up.

`write_proposals(old, new, folder, count)` writes `count` proposals into
`folder/proposals/`, each amending its share of the articles that differ
between the two versions, as drafters would have proposed them.
"""

from __future__ import annotations

from pathlib import Path

from bylaws import xmlio
from bylaws.model import Amend, Base, Document, P, Proposal, Text


def write_proposals(old: Document, new: Document, folder: Path, count: int) -> None:
    """Split the amendments from `old` to `new` into `count` proposals on disk."""
    amended = sorted(
        a
        for a in old.articles
        if a in new.articles and new.articles[a] != old.articles[a]
    )
    for n in range(count):
        share = amended[n::count]
        proposal = Proposal(
            id=f"proposal-{n + 1:02d}",
            title=f"مقترح تعديل رقم {n + 1}",
            proposer=f"فرع متخيل {n + 1}",
            submitted="2026-03-01",
            base=Base(old.id),
            stage=old.meta.stages[0].id if old.meta.stages else "drafting-committee",
            rationale=(P((Text("تعديلات مولّدة للقياس."),)),),
            reviews=(),
            operations=tuple(Amend(a) for a in share),
            articles={a: new.articles[a] for a in share},
        )
        target = folder / "proposals" / proposal.id
        (target / "articles").mkdir(parents=True, exist_ok=True)
        (target / "proposal.xml").write_bytes(
            xmlio.serialize(xmlio.proposal_to_xml(proposal))
        )
        for article_id in share:
            data = xmlio.write_article(new.articles[article_id])
            (target / "articles" / f"{article_id}.xml").write_bytes(data)
