"""Meeting packets: a proposal, or every proposal before a body, as a PDF to print.

`html` builds one HTML document from the same pieces as the site's pages
(the redline, the comments, the formal text); `pdf` typesets it with
WeasyPrint, which shapes Arabic through Pango and HarfBuzz.
"""

from .html import meeting_packet_html, proposal_packet_html
from .pdf import render_pdf

__all__ = ["meeting_packet_html", "proposal_packet_html", "render_pdf"]
