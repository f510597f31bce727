# The PDFs are typeset by WeasyPrint: Pango and the packet's Arabic fonts
# (Debian packages) are installed first where they are missing.
if ! fc-list 2>/dev/null | grep -q 'Noto Naskh Arabic' || ! ldconfig -p | grep -q libpangoft2; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-hosny-amiri >/dev/null
fi
# One PDF per proposal, for the meetings that discuss them.
mkdir -p packets
for proposal in drafts/*/proposals/*/; do
  [ -f "$proposal/proposal.xml" ] || continue
  bylaws packet "$proposal" -o "packets/$(basename "$proposal").pdf"
done
