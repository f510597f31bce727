"""Comments sent by e-mail: .eml files and mbox files to feedback comments.

The site's "send a comment" link writes a subject tagged
`[bylaws DOC/ARTICLE/para-N]` (or `[bylaws DOC/PROPOSAL/ARTICLE/para-N]` for
a comment on a proposal). A message becomes one comment: its anchor from the
tag, its author from `From:`, its sending body from the document's senders
(an address not listed is kept and marked unknown), its text from the plain
text part with quoted replies and the signature cut. Each comment's id is
derived from the message's `Message-ID`, so importing a message twice finds
it already there. Everything here works on bytes and values; writing is the
caller's.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import mailbox
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from ..errors import BylawsError, UnusableInput
from ..locale import _, tr
from ..model import Comment, Document, P, Ref, Text
from ..numbering import render_ref

__all__ = [
    "MAX_MESSAGE_BYTES",
    "MAX_TEXT_CHARS",
    "MailRefusal",
    "comment_from_message",
    "comment_id",
    "mail_tag",
    "parse_tag",
    "plain_text",
    "read_messages",
    "without_quotes_and_signature",
]

MAX_MESSAGE_BYTES = 2 * 1024 * 1024  # a comment is text: anything bigger is refused
MAX_TEXT_CHARS = 20_000  # the comment itself, after quotes and signature are cut

_TAG = re.compile(r"\[bylaws\s+([A-Za-z0-9][A-Za-z0-9_/.-]*)\]")
_ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>]+")
# "On Mon, 2 Mar 2026, Salma wrote:" / «في ٢ مارس ... كتب فلان:»: the line
# that introduces a quoted reply.
_ATTRIBUTION = re.compile(r"^(on\b.*\bwrote:|في\b.*\bكتب.*:|.*كتبت?:)\s*$", re.I)
# Characters XML 1.0 cannot hold, and controls that mean nothing in a comment.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


class MailRefusal(UnusableInput):
    """One message that cannot become a comment; the others still can."""


def mail_tag(document: str, address: str, proposal: str | None = None) -> str:
    """The subject tag of a comment: `[bylaws DOC/PROPOSAL/ARTICLE/para-N]`."""
    parts = [document, *([proposal] if proposal else []), address]
    return f"[bylaws {'/'.join(parts)}]"


def parse_tag(subject: str) -> list[str] | None:
    """The tag's parts (document, maybe a proposal, the address), or None."""
    found = _TAG.search(subject)
    if found is None:
        return None
    parts = found.group(1).split("/")
    return parts if len(parts) >= 2 and all(parts) else None


def comment_id(message_id: str) -> str:
    """A comment id that a message's Message-ID always gives, and only it."""
    digest = hashlib.sha256(message_id.strip().encode("utf-8")).hexdigest()
    return f"mail-{digest[:16]}"


def read_messages(data: bytes, path: str) -> Iterator[tuple[str, Message]]:
    """Each message of an .eml or mbox file, with where it is (`file#N` in an mbox)."""
    if data.startswith(b"From "):
        # mailbox reads from a path only; a private copy keeps the caller's file safe.
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "box"
            copy.write_bytes(data)
            box = mailbox.mbox(copy, create=False)
            try:
                messages = [bytes(m) for m in box]
            finally:
                box.close()
        for number, raw in enumerate(messages, start=1):
            yield f"{path}#{number}", _parse(raw)
        return
    yield path, _parse(data)


def _parse(raw: bytes) -> Message:
    return email.message_from_bytes(raw, policy=email.policy.default)


def plain_text(message: Message, where: str) -> str:
    """The message's own plain text; HTML alone, attachments alone or a huge part
    are refused."""
    if len(message.as_bytes()) > MAX_MESSAGE_BYTES:
        raise MailRefusal(
            _("message larger than {limit} KB; a comment is refused"),
            where,
            limit=MAX_MESSAGE_BYTES // 1024,
        )
    body = (
        message.get_body(preferencelist=("plain",))
        if isinstance(message, EmailMessage)
        else None
    )
    if body is None:
        raise MailRefusal(_("message has no plain text part (HTML only?)"), where)
    try:
        text = body.get_content()
    except (LookupError, ValueError) as exc:
        raise MailRefusal(
            _("cannot read the message's text: {reason}"), where, reason=exc
        ) from None
    return str(text)


def without_quotes_and_signature(text: str) -> list[str]:
    """The writer's own paragraphs: quoted lines, their attribution line and
    everything from the signature delimiter (`-- `) on are cut."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.rstrip() == "--" or line == "-- ":
            break
        if line.lstrip().startswith(">"):
            continue
        lines.append(line.rstrip())
    while lines and _ATTRIBUTION.match(lines[-1].strip() or "-"):
        lines.pop()
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip() and not _ATTRIBUTION.match(line.strip()):
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return [_UNWRITABLE.sub("", p) for p in paragraphs if _UNWRITABLE.sub("", p)]


@dataclass(frozen=True)
class _Sender:
    name: str
    address: str


def _sender(message: Message, where: str) -> _Sender:
    pairs = getaddresses([str(message.get("From", ""))])
    name, address = pairs[0] if pairs else ("", "")
    if not _ADDRESS.fullmatch(address):
        raise MailRefusal(_("message has no sender address in From:"), where)
    return _Sender(_UNWRITABLE.sub("", name).strip(), address.lower())


def _date(message: Message) -> str:
    try:
        return parsedate_to_datetime(str(message.get("Date", ""))).date().isoformat()
    except (TypeError, ValueError):
        return ""


def _anchor(
    parts: list[str], doc: Document, proposals: dict[str, Document], where: str
) -> tuple[str | None, str]:
    """(proposal or None, address) from a tag's parts, checked against the text."""
    if parts[0] != doc.id:
        raise MailRefusal(
            _("tag names document {found!r}, not {document!r}"),
            where,
            found=parts[0],
            document=doc.id,
        )
    proposal = parts[1] if parts[1] in proposals and len(parts) > 2 else None
    address = "/".join(parts[2:] if proposal else parts[1:])
    text = proposals[proposal] if proposal else doc
    try:
        render_ref(text, Ref(address))
    except BylawsError:
        raise MailRefusal(
            _("tag points to nothing in the text: {address}"), where, address=address
        ) from None
    return proposal, address


def comment_from_message(
    message: Message,
    where: str,
    doc: Document,
    proposals: dict[str, Document],
    today: str,
) -> Comment:
    """One message as a comment, or `MailRefusal` saying why not.

    Args:
        where: the file (and message number) for messages.
        proposals: each proposal's id -> the proposed text, for anchors in it.
        today: the date used when the message has none.
    """
    message_id = str(message.get("Message-ID", "")).strip()
    if not message_id:
        raise MailRefusal(_("message has no Message-ID"), where)
    parts = parse_tag(str(message.get("Subject", "")))
    if parts is None:
        raise MailRefusal(_("subject has no [bylaws …] tag"), where)
    proposal, address = _anchor(parts, doc, proposals, where)
    sender = _sender(message, where)
    paragraphs = without_quotes_and_signature(plain_text(message, where))
    if not paragraphs:
        raise MailRefusal(_("message has no text of its own"), where)
    if sum(len(p) for p in paragraphs) > MAX_TEXT_CHARS:
        raise MailRefusal(
            _("comment longer than {limit} characters"), where, limit=MAX_TEXT_CHARS
        )
    bodies = {s.address.lower(): s.body for s in doc.meta.senders}
    body = bodies.get(sender.address)
    author = sender.name or sender.address
    if body is None:
        # Kept, and marked: the address stays with the name, so that the
        # secretariat can add it to the document's senders.
        body = tr(_("unknown sender"), doc.lang)
        author = f"{sender.name} <{sender.address}>" if sender.name else sender.address
    return Comment(
        id=comment_id(message_id),
        on=address,
        author=author,
        body=body,
        date=_date(message) or today,
        proposal=proposal,
        text=tuple(P((Text(p),)) for p in paragraphs),
    )
