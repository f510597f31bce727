"""Comments by e-mail: tags, plain text, quotes and signatures, refusals."""

from __future__ import annotations

import re
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from bylaws.cli import cli
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
    assert comment.body == "فرع وادي الريحان"  # her address is in <senders>
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
    unknown = _comment(message, replace(doc, meta=replace(doc.meta, senders=())))
    assert unknown.body == "مرسل غير معروف"
    assert unknown.author == "سلمى الورّاق <salma@wadi.example>"


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


# --- `bylaws feedback import` -------------------------------------------------------


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"BYLAWS_LANG": "en"})
    return result.exit_code, result.output


def _three_messages() -> list[EmailMessage]:
    plain = _message(
        "ملاحظة "
        + mail_tag("internal-regulations", "art-voting/para-2", "digital-registry"),
        "نقترح أن يشرف مراقب مستقل على التصويت الإلكتروني.\n\n-- \nفرع الساحل\n",
        sender="Nadia Haddad <nadia@coast.example>",
        message_id="<plain@coast.example>",
    )
    html = _message(
        mail_tag("internal-regulations", "art-membership-registry"),
        "يبقى السجل الورقي احتياطياً مدة سنة.",
        html="<p>يبقى السجل <b>الورقي</b> احتياطياً مدة سنة.</p>",
        sender="سلمى الورّاق <salma@wadi.example>",
        message_id="<html@wadi.example>",
    )
    reply = _message(
        "Re: ملاحظة على المادة السابعة عشرة "
        + mail_tag("internal-regulations", "art-membership-dues/para-3"),
        "نرى أن تراجع اللجنة الإقليمية الإعفاءات كل سنة.\n\n"
        "في 9 مارس 2026، كتب الأمانة العامة:\n"
        "> ملاحظتي على المادة السابعة عشرة:\n> \n",
        sender="mazen@wadi.example",
        message_id="<reply@wadi.example>",
    )
    return [plain, html, reply]


def test_feedback_import_reads_eml_and_mbox_once(sample: Path, tmp_path: Path) -> None:
    # The sample names the senders of two bodies (document.xml <senders>).
    assert "salma@wadi.example" in (sample / "document.xml").read_text("utf-8")
    messages = _three_messages()
    files = []
    for n, message in enumerate(messages):
        path = tmp_path / f"m{n}.eml"
        path.write_bytes(message.as_bytes())
        files.append(str(path))
    code, output = _run("feedback", "import", *files, "--doc", str(sample))
    assert code == 0, output
    assert "imported 3 comment(s); 0 already there; 0 refused" in output
    code, listing = _run("feedback", str(sample))
    assert code == 0, listing
    assert "مراقب مستقل" in listing and "art-voting" in listing
    assert "يبقى السجل الورقي احتياطياً مدة سنة." in listing
    assert "فرع وادي الريحان" in listing  # the sender's body from document.xml
    assert "تراجع اللجنة الإقليمية" in listing
    assert "ملاحظتي على" not in listing  # the quoted template is cut
    assert "mazen@wadi.example — مرسل غير معروف" in listing  # kept, marked
    assert "فرع الساحل" not in listing  # the signature is cut
    # The same messages again, as one mbox: nothing new.
    box = tmp_path / "all.mbox"
    box.write_bytes(
        b"".join(
            b"From x@example.org Tue Mar 10 09:30:00 2026\n" + m.as_bytes() + b"\n"
            for m in messages
        )
    )
    before = sorted(p.read_bytes() for p in (sample / "feedback").iterdir())
    code, output = _run("feedback", "import", str(box), "--doc", str(sample))
    assert code == 0, output
    assert "imported 0 comment(s); 3 already there; 0 refused" in output
    assert sorted(p.read_bytes() for p in (sample / "feedback").iterdir()) == before
    code, output = _run("check", str(sample))
    assert code == 0, output


def test_feedback_import_refuses_a_message_and_keeps_the_others(
    sample: Path, tmp_path: Path
) -> None:
    good = _three_messages()[0]
    bad = _message("[bylaws internal-regulations/art-voting]", None, "<p>HTML</p>")
    box = tmp_path / "box.mbox"
    box.write_bytes(
        b"".join(
            b"From x@example.org Tue Mar 10 09:30:00 2026\n" + m.as_bytes() + b"\n"
            for m in (bad, good)
        )
    )
    code, output = _run("feedback", "import", str(box), "--doc", str(sample))
    assert code == 2
    assert f"{box}#1: error: message has no plain text part" in output
    assert "imported 1 comment(s); 0 already there; 1 refused" in output
    assert "Traceback" not in output
