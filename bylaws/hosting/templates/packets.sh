# One PDF per proposal, for the meetings that discuss them.
mkdir -p packets
for proposal in drafts/*/proposals/*/; do
  [ -f "$proposal/proposal.xml" ] || continue
  bylaws packet "$proposal" -o "packets/$(basename "$proposal").pdf"
done
