"""Akoma Ntoso 3.0 export: every output validates against the OASIS schema
(skipped where $BYLAWS_SCHEMAS/akn30 is absent), with FRBR metadata, eIds in
the AKN convention, and a proposal as an amendment document."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bylaws.exporters import export_model
from bylaws.exporters.akn import AKN_NS
from bylaws.importers import import_bytes, import_file
from bylaws.overlay import apply_proposal
from bylaws.workspace import DiskTree, load_document, load_proposal, proposal_folders

from .conftest import (
    CORPORA,
    ENGLISH,
    NO_CORPORA,
    NO_SCHEMAS,
    ROOT,
    SAMPLE,
    SCHEMAS,
    examples,
)
from .proposal_strategies import documents, proposals

XSD = SCHEMAS / "akn30" / "akomantoso30.xsd"
A = "{" + AKN_NS + "}"
needs_schema = pytest.mark.skipif(not XSD.is_file(), reason=NO_SCHEMAS)


@lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def _valid(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    schema = _schema()
    assert schema.validate(root), str(schema.error_log)
    return root


@needs_schema
@pytest.mark.parametrize("folder", [SAMPLE, ENGLISH], ids=["arabic", "english"])
def test_documents_validate(folder: Path) -> None:
    _valid(export_model(load_document(DiskTree(folder)), "akn"))


@needs_schema
@pytest.mark.parametrize(
    "name",
    ["ar-words.txt", "ar-digits.txt", "en-articles.txt"],
)
def test_imported_texts_with_repeals_and_bis_validate(name: str) -> None:
    doc = import_file(ROOT / "tests" / "data" / "import" / name).document
    root = _valid(export_model(doc, "akn"))
    assert (
        root.find(f".//{A}article[@status='removed']") is not None
        or name == "ar-digits.txt"
    )


@needs_schema
@pytest.mark.skipif(not CORPORA.is_dir(), reason=NO_CORPORA)
def test_the_cape_town_by_law_goes_from_akn_2_to_akn_3() -> None:
    doc = import_file(CORPORA / "za-cpt-ombudsman-en-akn" / "after.xml").document
    _valid(export_model(doc, "akn"))


def test_frbr_metadata_eids_and_language() -> None:
    doc = load_document(DiskTree(SAMPLE))
    root = etree.fromstring(export_model(doc, "akn"))
    work = root.find(f".//{A}FRBRWork")
    assert work is not None
    names = [etree.QName(c).localname for c in work]
    assert names[:2] == ["FRBRthis", "FRBRuri"]
    assert {"FRBRdate", "FRBRauthor", "FRBRcountry"} <= set(names)
    language = root.find(f".//{A}FRBRExpression/{A}FRBRlanguage")
    assert language is not None and language.get("language") == "ara"
    body = root.find(f".//{A}body")
    assert (
        body is not None
        and body.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    )
    # eIds like chp_2__art_12__para_2; our ids ride in GUID.
    article = root.find(f".//{A}article[@GUID='art-member-rights']")
    assert article is not None
    eid = article.get("eId", "")
    assert eid.startswith("chp_2__art_")
    paragraph = article.find(f"{A}paragraph")
    assert paragraph is not None and paragraph.get("eId") == eid + "__para_1"
    # A reference points at the eId of its target and shows its number.
    ref = root.find(f".//{A}ref")
    assert ref is not None and ref.get("href", "").startswith("#")
    assert root.find(f".//*[@eId='{ref.get('href', '')[1:]}']") is not None


@needs_schema
def test_every_sample_proposal_is_a_valid_amendment() -> None:
    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    folders = proposal_folders(tree, PurePosixPath())
    assert folders
    for folder in folders:
        proposal = load_proposal(tree, folder)
        root = _valid(export_model(doc, "akn", proposal))
        amendment = root.find(f"{A}amendment")
        assert amendment is not None
        mods = amendment.findall(f".//{A}mod")
        textual = amendment.findall(f".//{A}activeModifications/{A}textualMod")
        assert len(mods) == len(textual) == len(proposal.operations)


def test_an_amendment_quotes_old_and_new_text() -> None:
    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    proposal = load_proposal(tree, PurePosixPath("proposals/member-consultation"))
    proposed = apply_proposal(doc, proposal)
    root = etree.fromstring(export_model(doc, "akn", proposal))
    first = root.find(f".//{A}activeModifications/{A}textualMod")
    assert first is not None and first.get("type") == "substitution"
    old = root.find(f".//*[@eId='{first.find(f'{A}old').get('href')[1:]}']")  # type: ignore[union-attr]
    new = root.find(f".//*[@eId='{first.find(f'{A}new').get('href')[1:]}']")  # type: ignore[union-attr]
    assert old is not None and new is not None
    assert etree.QName(old).localname == "quotedStructure"
    amended = next(op.article for op in proposal.operations)
    old_text = " ".join(old.itertext())
    new_text = " ".join(new.itertext())
    assert old_text != new_text
    assert (proposed.articles[amended].heading or "") in new_text
    proposer = root.find(f".//{A}TLCPerson")
    assert proposer is not None and proposer.get("showAs") == proposal.proposer


def test_akn_import_refuses_what_is_not_akoma_ntoso() -> None:
    from bylaws.errors import UnusableInput

    with pytest.raises(UnusableInput, match="akomaNtoso"):
        import_bytes(b'<document xmlns="urn:x"/>', "x.xml", "akn")
    with pytest.raises(UnusableInput, match="DOCTYPE"):
        import_bytes(
            b'<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
            "x.xml",
            "akn",
        )


@needs_schema
@settings(max_examples=examples(40), deadline=None)
@given(data=st.data())
def test_generated_documents_and_proposals_validate(data: st.DataObject) -> None:
    doc = data.draw(documents())
    _valid(export_model(doc, "akn"))
    proposal = data.draw(proposals(doc))
    root = _valid(export_model(doc, "akn", proposal))
    assert len(root.findall(f".//{A}mod")) == len(proposal.operations)
    back = import_bytes(export_model(doc, "akn"), "x.xml", "akn").document
    assert back.outline == doc.outline and dict(back.articles) == dict(doc.articles)


@needs_schema
def test_bylaws_articles_hold_sections() -> None:
    path = ROOT / "tests" / "data" / "english-bylaws" / "garden-club.txt"
    root = _valid(export_model(import_file(path).document, "akn"))
    articles = root.findall(f".//{A}body/{A}article")
    assert [a.findtext(f"{A}num") for a in articles] == [
        "Article I",
        "Article II",
        "Article III",
    ]
    sections = articles[1].findall(f"{A}section")
    assert [s.get("eId") for s in sections] == [
        "art_2__sec_1",
        "art_2__sec_2",
        "art_2__sec_3",
    ]
    ref = root.find(f".//{A}section[@GUID='sec-lapse']//{A}ref")
    assert ref is not None and ref.get("href") == "#art_2__sec_2"
    assert ref.text == "Article II, Section 2"
