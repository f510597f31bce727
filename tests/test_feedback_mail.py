"""Comments by e-mail: tags, plain text, quotes and signatures, refusals."""

from __future__ import annotations

import re
from dataclasses import replace
from email.message import EmailMessage
from pathlib import PurePosixPath
from urllib.parse import unquote

import pytest

from bylaws.importers.mail import (
    MAX_MESSAGE_BYTES,
    MailRefusal,
    comment_from_message,
    comment_id,
    mail_tag,
    parse_tag,
    read_messages,
    without_quotes_and_signature,
)
from bylaws.model import Document, Sender, Text
from bylaws.overlay import apply_proposal
from bylaws.site.pages import SitePage, document_pages
from bylaws.site.sources import load_workspace
from bylaws.workspace import DiskTree, load_document, load_proposals

from .conftest import SAMPLE

TODAY = "2026-04-01"


def _sample() -> tuple[Document, dict[str, Document]]:
    tree = DiskTree(SAMPLE)
    doc = load_document(tree)
    proposed = {
        p.id: apply_proposal(doc, p) for p in load_proposals(tree, PurePosixPath())
    }
    return doc, proposed


def _message(
    subject: str,
    text: str | None,
    html: str | None = None,
    sender: str = "سلمى الورّاق <salma@wadi.example>",
    message_id: str = "<1@wadi.example>",
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "secretariat@example.org"
    message["Subject"] = subject
    message["Date"] = "Tue, 10 Mar 2026 09:30:00 +0300"
    message["Message-ID"] = message_id
    if text is not None:
        message.set_content(text)
    if html is not None:
        if text is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def _comment(message: EmailMessage, doc: Document | None = None):  # type: ignore[no-untyped-def]
    base, proposed = _sample()
    return comment_from_message(message, "x.eml", doc or base, proposed, TODAY)


def test_tags_name_a_document_a_proposal_and_a_place() -> None:
    tag = mail_tag("internal-regulations", "art-voting/para-2", "digital-registry")
    assert tag == "[bylaws internal-regulations/digital-registry/art-voting/para-2]"
    assert parse_tag(f"Re: تعليق {tag}") == [
        "internal-regulations",
        "digital-registry",
        "art-voting",
        "para-2",
    ]
    assert parse_tag("[bylaws nothing]") is None
    assert parse_tag("no tag at all") is None


def test_a_plain_message_on_a_proposal() -> None:
    tag = mail_tag("internal-regulations", "art-voting/para-2", "digital-registry")
    comment = _comment(_message(f"ملاحظة {tag}", "نطلب مراقباً على التصويت.\n"))
    assert comment.on == "art-voting/para-2"
    assert comment.proposal == "digital-registry"
    assert comment.author == "سلمى الورّاق"
    assert comment.date == "2026-03-10"
    assert comment.id == comment_id("<1@wadi.example>")
    assert [p.runs for p in comment.text] == [(Text("نطلب مراقباً على التصويت."),)]


def test_the_sending_body_comes_from_the_document_and_unknowns_are_marked() -> None:
    doc, _proposed = _sample()
    senders = (Sender("salma@wadi.example", "فرع وادي الريحان"),)
    known = replace(doc, meta=replace(doc.meta, senders=senders))
    tag = mail_tag(doc.id, "art-membership-registry")
    message = _message(tag, "نص.")
    assert _comment(message, known).body == "فرع وادي الريحان"
    assert "salma@wadi.example" in _comment(message, doc).body


def test_html_with_text_reads_the_text() -> None:
    tag = mail_tag("internal-regulations", "art-membership-registry/para-2")
    comment = _comment(_message(tag, "السطر الأول.", html="<p><b>السطر</b></p>"))
    assert comment.text[0].runs == (Text("السطر الأول."),)
    assert comment.proposal is None


def test_quoted_replies_and_signatures_are_cut() -> None:
    text = (
        "نوافق على المقترح،\nمع تعديل بسيط.\n\n"
        "On Mon, 9 Mar 2026, Secretariat wrote:\n"
        "> اكتب ملاحظتك هنا.\n> \n"
        "-- \nسلمى\nفرع وادي الريحان\n"
    )
    assert without_quotes_and_signature(text) == ["نوافق على المقترح، مع تعديل بسيط."]


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        (
            _message("[bylaws internal-regulations/art-voting]", None, "<p>x</p>"),
            "plain text",
        ),
        (_message("no tag", "x"), "tag"),
        (_message("[bylaws internal-regulations/art-nothing]", "x"), "art-nothing"),
        (_message("[bylaws internal-regulations/art-voting/para-99]", "x"), "para-99"),
        (_message("[bylaws other-doc/art-voting]", "x"), "other-doc"),
        (
            _message("[bylaws internal-regulations/art-voting]", "> quoted only\n"),
            "own",
        ),
        (
            _message("[bylaws internal-regulations/art-voting]", "x", sender="nobody"),
            "From",
        ),
        (
            _message(
                "[bylaws internal-regulations/art-voting]", "x" * MAX_MESSAGE_BYTES
            ),
            "larger",
        ),
    ],
)
def test_hostile_or_broken_messages_are_refused(
    message: EmailMessage, reason: str
) -> None:
    with pytest.raises(MailRefusal, match=reason):
        _comment(message)


def test_an_mbox_holds_several_messages() -> None:
    tag = "[bylaws internal-regulations/art-voting]"
    box = b"".join(
        b"From someone@example.org Tue Mar 10 09:30:00 2026\n"
        + _message(tag, f"comment {n}", message_id=f"<{n}@x>").as_bytes()
        + b"\n"
        for n in range(3)
    )
    found = list(read_messages(box, "box.mbox"))
    assert [where for where, _m in found] == ["box.mbox#1", "box.mbox#2", "box.mbox#3"]
    assert [str(m["Message-ID"]) for _w, m in found] == ["<0@x>", "<1@x>", "<2@x>"]
    single = list(read_messages(_message(tag, "x").as_bytes(), "one.eml"))
    assert [where for where, _m in single] == ["one.eml"]


def _page(pages: list[SitePage], suffix: str) -> str:
    return next(p.markdown() for p in pages if p.src_uri.endswith(suffix))


def test_pages_link_to_the_secretariat_with_the_tag_when_configured() -> None:
    bundle = load_workspace(SAMPLE)[0]
    pages = document_pages(bundle, comments_to="secretariat@example.org")
    article = _page(pages, "articles/art-voting.md")
    found = re.search(r'href="(mailto:[^"]+)"', article)
    assert found is not None
    link = unquote(found.group(1).replace("&amp;", "&"))
    assert link.startswith("mailto:secretariat@example.org?subject=")
    assert "[bylaws internal-regulations/art-voting]" in link
    assert "ملاحظة" in link  # the body template in the page's language
    proposal = unquote(_page(pages, "proposals/digital-registry.md"))
    assert "[bylaws internal-regulations/digital-registry/art-voting]" in proposal
    # Not configured: no link at all.
    plain = document_pages(bundle)
    assert "mailto:" not in _page(plain, "articles/art-voting.md")
