"""HTML to PDF with WeasyPrint, the print stylesheet shipped with the package."""

from __future__ import annotations

from importlib.resources import files as package_files

from bylaws.errors import UnusableInput
from bylaws.locale import _

__all__ = ["packet_css", "render_pdf"]


def packet_css() -> str:
    """The packets' print stylesheet (page size, font, running header)."""
    return package_files("bylaws.packets").joinpath("packet.css").read_text("utf-8")


def render_pdf(html: str, extra_css: str = "") -> bytes:
    """Typeset an HTML packet as PDF bytes.

    Args:
        html: the whole document, `dir` and `lang` set on its root.
        extra_css: rules that depend on the document (the page number's words).
    """
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as exc:
        # OSError: the Python package is there but Pango is not.
        raise UnusableInput(
            _("PDF output needs WeasyPrint and Pango (see the install step): {reason}"),
            reason=str(exc),
        ) from None
    sheets = [CSS(string=packet_css())]
    if extra_css:
        sheets.append(CSS(string=extra_css))
    pdf = HTML(string=html).write_pdf(stylesheets=sheets)
    if pdf is None:  # only when a target is given; here for the type checker
        raise UnusableInput(_("WeasyPrint wrote no PDF"))
    return bytes(pdf)
