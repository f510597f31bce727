"""The canonical form: one element a line, text on one line, attributes in order."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import UnusableInput
from ..locale import _
from .parse import NS, XML_LANG, expect_root, parse_bytes, source_line

# Elements whose content is running text: written on one line, whitespace folded.
TEXT_ELEMENTS = frozenset(
    {
        "title",
        "shortTitle",
        "organisation",
        "instrumentClosing",
        "version",
        "date",
        "stage",
        "heading",
        "p",
        "note",
        "proposer",
        "submitted",
        "recommendation",
        "decision",
    }
)
# Attributes that identify an element come first, the rest alphabetically.
_ATTRIBUTE_PRIORITY = {
    name: i for i, name in enumerate(("id", XML_LANG, "ref", "to", "article", "target"))
}
_SPACES = re.compile(r"[ \t\r\n]+")


def fold(text: str | None) -> str:
    """Fold runs of XML whitespace to one space (other spaces are content)."""
    if not text:
        return ""
    # Most texts have nothing to fold, and four scans cost less than a regex.
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        return _SPACES.sub(" ", text)
    return text


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(text: str) -> str:
    return (
        _escape_text(text)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
        .replace("\r", "&#13;")
    )


def _attr_name(name: str, el: etree._Element) -> str:
    if name == XML_LANG:
        return "xml:lang"
    if name.startswith("{"):
        # An attribute of another vocabulary (x:y="…") in a file a person wrote.
        qname = etree.QName(name)
        prefixes = [p for p, uri in el.nsmap.items() if p and uri == qname.namespace]
        raise UnusableInput(
            _(
                "attribute {name} on <{element}> is not in the bylaws vocabulary; remove it"
            ),
            "",
            source_line(el),
            name=f"{prefixes[0]}:{qname.localname}" if prefixes else name,
            element=local_name(el),
        )
    return name


def _attributes(el: etree._Element) -> str:
    attributes = [(str(k), str(v)) for k, v in el.attrib.items()]
    items = sorted(
        attributes, key=lambda kv: (_ATTRIBUTE_PRIORITY.get(kv[0], 99), kv[0])
    )
    return "".join(f' {_attr_name(k, el)}="{_escape_attr(v)}"' for k, v in items)


def local_name(el: etree._Element) -> str:
    tag = el.tag
    if isinstance(tag, str):
        # What QName(el).localname gives, without building a QName per element.
        return tag[tag.index("}") + 1 :] if tag.startswith("{") else tag
    return etree.QName(el).localname


def _is_text_bearing(el: etree._Element) -> bool:
    if local_name(el) in TEXT_ELEMENTS:
        return True
    if el.text and el.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in el)


def _inline(el: etree._Element) -> str:
    """An element inside running text, written exactly, whitespace folded."""
    if isinstance(el, etree._Comment):
        return f"<!--{el.text or ''}-->"
    if isinstance(el, etree._ProcessingInstruction):
        return f"<?{el.target!s} {el.text or ''}?>"
    tag = local_name(el)
    inner = _escape_text(fold(el.text)) + "".join(
        _inline(child) + _escape_text(fold(child.tail)) for child in el
    )
    if not inner:
        return f"<{tag}{_attributes(el)}/>"
    return f"<{tag}{_attributes(el)}>{inner}</{tag}>"


def _strip_edges(el: etree._Element) -> str:
    """A text element's content with the whitespace at its two edges removed."""
    out = _inline(el)
    tag = local_name(el)
    if out.endswith("/>"):
        return out
    open_end = out.index(">") + 1
    close_start = out.rindex(f"</{tag}>")
    inner = out[open_end:close_start].strip(" ")
    if not inner:
        # Only whitespace: the empty element, as `_inline` writes it when read
        # back, so that fmt is idempotent.
        return f"<{tag}{_attributes(el)}/>"
    return out[:open_end] + inner + out[close_start:]


def _block(el: etree._Element, depth: int, out: list[str], root: bool = False) -> None:
    pad = "  " * depth
    if not isinstance(el.tag, str):
        out.append(pad + _inline(el))
        return
    if etree.QName(el).namespace != NS:
        raise UnusableInput(
            _("element {element} is not in the bylaws namespace {namespace}"),
            "",
            source_line(el),
            element=etree.QName(el).localname,
            namespace=NS,
        )
    xmlns = f' xmlns="{NS}"' if root else ""
    tag = local_name(el)
    if _is_text_bearing(el):
        line = _strip_edges(el)
        if xmlns:
            line = line.replace(f"<{tag}", f"<{tag}{xmlns}", 1)
        out.append(pad + line)
        return
    children = list(el)
    if not children:
        out.append(f"{pad}<{tag}{xmlns}{_attributes(el)}/>")
        return
    out.append(f"{pad}<{tag}{xmlns}{_attributes(el)}>")
    for child in children:
        _block(child, depth + 1, out)
    out.append(f"{pad}</{tag}>")


def serialize(root: etree._Element) -> bytes:
    """The canonical bytes of a tree: one element per line, text on one line.

    Deterministic (indentation, attribute order, line breaks, final newline),
    so that a one-word change is a one-line git diff.
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    for sibling in _preceding_siblings(root):
        out.append(_inline(sibling))
    _block(root, 0, out, root=True)
    for sibling in _following_siblings(root):
        out.append(_inline(sibling))
    return ("\n".join(out) + "\n").encode("utf-8")


def _preceding_siblings(root: etree._Element) -> list[etree._Element]:
    siblings = []
    node = root.getprevious()
    while node is not None:
        siblings.append(node)
        node = node.getprevious()
    return list(reversed(siblings))


def _following_siblings(root: etree._Element) -> list[etree._Element]:
    siblings = []
    node = root.getnext()
    while node is not None:
        siblings.append(node)
        node = node.getnext()
    return siblings


def canonical_bytes(data: bytes, path: str) -> bytes:
    """What `bylaws fmt` writes for a file's bytes (comments kept)."""
    root = parse_bytes(data, path)
    if etree.QName(root).namespace != NS:
        expect_root(root, etree.QName(root).localname, path)
    try:
        return serialize(root)
    except UnusableInput as exc:
        raise UnusableInput(exc.msgid, path, exc.line, 1, **exc.args_) from None
