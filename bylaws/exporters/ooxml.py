"""The fixed parts of a minimal WordprocessingML package, written by hand.

Only what Word needs to open the file and show it well: content types,
relationships, styles with real Heading 1-6, a numbering definition for
paragraphs (1) and points (أ)/(a), settings, and the document properties that
carry our own settings for a faithful re-import.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from ..importers.formats import (
    CUSTOM_PROPERTY,
    R_NS,
    W_NS,
    address_of_bookmark,
    bookmark_name,
)
from ..locale import is_arabic

__all__ = ["R_NS", "W_NS", "address_of_bookmark", "bookmark_name"]

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
</Types>
"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
</Relationships>
"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
</Relationships>
"""


def settings(track_revisions: bool) -> str:
    track = "<w:trackRevisions/>" if track_revisions else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings xmlns:w="{W_NS}">{track}'
        '<w:defaultTabStop w:val="720"/><w:compat/></w:settings>\n'
    )


def _heading_style(level: int, rtl: bool) -> str:
    size = max(22, 36 - 3 * (level - 1))
    bidi = "<w:bidi/>" if rtl else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="Heading{level}">'
        f'<w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/>'
        '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:keepLines/>{bidi}<w:spacing w:before="240" w:after="120"/>'
        f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
        f'<w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        "</w:style>"
    )


def styles(lang: str, rtl: bool) -> str:
    bidi = "<w:bidi/>" if rtl else ""
    rtl_run = "<w:rtl/>" if rtl else ""
    lang_attr = (
        f'w:val="{escape(lang)}"'
        if not rtl
        else f'w:val="en-US" w:bidi="{escape(lang)}"'
    )
    headings = "".join(_heading_style(level, rtl) for level in range(1, 7))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
        f'<w:sz w:val="24"/><w:szCs w:val="24"/>{rtl_run}<w:lang {lang_attr}/>'
        "</w:rPr></w:rPrDefault>"
        f'<w:pPrDefault><w:pPr>{bidi}<w:spacing w:after="120"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
        f'<w:pPr>{bidi}<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>'
        f"{headings}"
        '<w:style w:type="paragraph" w:styleId="BylawsNote"><w:name w:val="Bylaws Note"/>'
        '<w:basedOn w:val="Normal"/><w:qFormat/>'
        '<w:rPr><w:i/><w:iCs/><w:color w:val="555555"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
        "</w:styles>\n"
    )


def _level(ilvl: int, fmt: str, indent: int, rtl: bool) -> str:
    bidi = "<w:bidi/>" if rtl else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="(%{ilvl + 1})"/><w:lvlJc w:val="start"/>'
        f'<w:pPr>{bidi}<w:ind w:start="{indent}" w:hanging="500"/></w:pPr></w:lvl>'
    )


def numbering(lang: str, style: str, article_count: int, rtl: bool) -> str:
    """One abstract list (paragraphs, points, points in points) and one list
    instance per article, so that each article counts from (1) again."""
    arabic = is_arabic(lang)
    digits = "hindiNumbers" if style == "arabic-indic" else "decimal"
    if arabic:
        formats = [digits, "arabicAbjad", digits, "arabicAbjad", digits, "arabicAbjad"]
    else:
        formats = [
            digits,
            "lowerLetter",
            "lowerRoman",
            "upperLetter",
            "lowerLetter",
            "lowerRoman",
        ]
    levels = "".join(_level(i, f, 500 + 500 * i, rtl) for i, f in enumerate(formats))
    instances = "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="0"/>'
        + "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="1"/></w:lvlOverride>'
            for i in range(len(formats))
        )
        + "</w:num>"
        for n in range(1, article_count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{levels}'
        f"</w:abstractNum>{instances}</w:numbering>\n"
    )


def core(title: str, lang: str, date: str | None) -> str:
    created = (
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{escape(date)}T00:00:00Z</dcterms:created>'
        if date
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:language>{escape(lang)}</dc:language>"
        f"{created}</cp:coreProperties>\n"
    )


def custom(values: dict[str, object]) -> str:
    """Our settings as one custom document property holding JSON."""
    payload = escape(json.dumps(values, ensure_ascii=False, sort_keys=True))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
        f"name={quoteattr(CUSTOM_PROPERTY)}><vt:lpwstr>{payload}</vt:lpwstr></property>"
        "</Properties>\n"
    )
