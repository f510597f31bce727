# What the branch changes, as the Markdown of one review comment: for each
# document, its redline against the target branch and which of its open
# proposals change the same words. The whole redline, as HTML, is kept with
# the run for when the comment cannot hold all of it.
mkdir -p redline
# Compare with the point where the branch left the target, so that what was
# merged into the target since then is not shown as the branch's doing. (On
# GitHub the checkout is already the merge of the two: this is the target.)
base=$(git rev-parse --short "$(git merge-base "$TARGET" HEAD)")
documents=$(find drafts -mindepth 2 -maxdepth 2 -name document.xml | sort)
count=$(printf '%s\n' $documents | grep -c . || true)
# A comment holds 65,536 characters: share 55,000 bytes among the documents.
budget=$((55000 / (count > 0 ? count : 1)))
{
  echo '<!-- bylaws-redline -->'
  for file in $documents; do
    doc=$(dirname "$file")
    if git cat-file -e "$base:$file" 2>/dev/null; then
      bylaws diff "$base:$doc" "$doc" --format markdown --max-bytes "$budget" --link "$LINK"
      {
        echo '<!doctype html><meta charset="utf-8">'
        bylaws diff "$base:$doc" "$doc" --format html
      } > "redline/$(basename "$doc").html"
    else
      echo "**$doc** is new on this branch."
    fi
    echo
    echo '```text'
    bylaws collisions "$doc"
    echo '```'
    echo
  done
} > redline/comment.md
