"""Each rule of `bylaws check`, one broken copy of the sample at a time."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bylaws.check import check_paths
from bylaws.cli import cli
from tests.conftest import ENGLISH, SAMPLE


def messages(path: Path) -> list[str]:
    return [str(p) for p in check_paths([path]).sorted()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_samples_are_clean() -> None:
    assert messages(SAMPLE) == []
    assert messages(ENGLISH) == []


def test_clean_exit_code_and_silence() -> None:
    result = CliRunner().invoke(cli, ["check", str(SAMPLE)])
    assert result.exit_code == 0
    assert result.output == ""


def test_reference_to_nothing(sample: Path) -> None:
    path = sample / "articles" / "art-member-rights.xml"
    edit(path, '<ref to="', '<ref to="art-ghost"/> <ref to="')
    found = messages(sample)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:")
    assert (
        "reference to 'art-ghost' points to nothing: there is no article 'art-ghost'"
        in found[0]
    )


def test_each_broken_reference_is_found_where_it_is(sample: Path) -> None:
    path = sample / "articles" / "art-member-rights.xml"
    edit(
        path,
        "<p>",
        '<p><ref to="art-ghost"/>\n  <ref to="art-name"/> <ref to="art-ghost"/> ',
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines, 1) if "art-ghost" in line)
    found = messages(sample)
    assert len(found) == 2
    assert found[0].startswith(f"{path}:{first}:")
    assert found[1].startswith(f"{path}:{first + 1}:")
    column = lines[first].index('to="art-ghost"') + 1
    assert found[1].startswith(f"{path}:{first + 1}:{column}:")


def test_reference_to_missing_paragraph_and_point(sample: Path) -> None:
    path = sample / "articles" / "art-name.xml"
    edit(
        path,
        "</p>",
        ' <ref to="art-name/para-9"/> <ref to="art-member-rights/para-1/point-99"/></p>',
    )
    found = "\n".join(messages(sample))
    assert "reference to 'art-name/para-9' points to nothing" in found
    assert "only 2 paragraph(s)" in found
    assert "'point-99' does not exist (6 point(s))" in found


def test_article_missing_from_outline(sample: Path) -> None:
    edit(sample / "document.xml", '<article ref="art-emblem"/>', "")
    found = messages(sample)
    assert any("art-emblem is not listed in the outline" in m for m in found)
    assert any(
        m.startswith(str(sample / "articles" / "art-emblem.xml") + ":2:1:")
        for m in found
    )


def test_article_listed_twice(sample: Path) -> None:
    edit(
        sample / "document.xml",
        '<article ref="art-emblem"/>',
        '<article ref="art-emblem"/><article ref="art-emblem"/>',
    )
    assert any("art-emblem is listed twice" in m for m in messages(sample))


def test_id_not_matching_file_name(sample: Path) -> None:
    edit(sample / "articles" / "art-emblem.xml", 'id="art-emblem"', 'id="art-logo"')
    found = "\n".join(messages(sample))
    assert (
        "article id 'art-logo' does not match its file name 'art-emblem.xml'" in found
    )


def test_malformed_id(sample: Path) -> None:
    edit(sample / "articles" / "art-emblem.xml", 'id="art-emblem"', 'id="Art Emblem"')
    found = "\n".join(messages(sample))
    assert (
        "art-emblem.xml:2:1: error: <article>: id='Art Emblem' is not a valid id"
        in found
    )


def test_a_malformed_address_names_the_reference_and_the_form(sample: Path) -> None:
    path = sample / "articles" / "art-seat.xml"
    edit(path, "<p>", '<p><ref to="art-name/para-0"/>')
    assert messages(sample) == [
        f"{path}:5:8: error: <ref>: to='art-name/para-0' is not a valid address: "
        "an article id, then /para-N and /point-N counted from 1 "
        "(like art-membership/para-2/point-1)"
    ]


def test_a_bad_id_in_the_outline_is_one_error_not_two(sample: Path) -> None:
    edit(sample / "document.xml", 'ref="art-name"', 'ref="Art_Name"')
    found = messages(sample)
    assert len(found) == 1, found
    assert "<article>: ref='Art_Name' is not a valid id" in found[0]


def test_markup_inside_running_text_is_explained(sample: Path) -> None:
    path = sample / "articles" / "art-seat.xml"
    edit(path, "<p>", "<p><b>x</b>")
    found = messages(sample)
    assert found == [
        f"{path}:5:8: error: element <b> is not allowed here inside <p>; "
        "running text may hold only words and <ref/>"
    ]


def test_proposal_target_that_does_not_exist(sample: Path) -> None:
    path = sample / "proposals" / "digital-registry" / "proposal.xml"
    edit(path, 'article="art-membership-card"', 'article="art-nowhere"')
    found = [m for m in messages(sample) if "art-nowhere" in m]
    assert found and found[0].startswith(f"{path}:")
    assert "no such article" in found[0]


def test_proposal_text_missing(sample: Path) -> None:
    (sample / "proposals" / "digital-registry" / "articles" / "art-voting.xml").unlink()
    found = "\n".join(messages(sample))
    assert "the proposal has no text for art-voting" in found


def test_feedback_anchor_to_nothing(sample: Path) -> None:
    feedback = sorted((sample / "feedback").glob("*.xml"))[0]
    text = feedback.read_text(encoding="utf-8")
    start = text.index(' on="') + 5
    end = text.index('"', start)
    feedback.write_text(text[:start] + "art-ghost" + text[end:], encoding="utf-8")
    found = "\n".join(messages(sample))
    assert "art-ghost" in found


def test_problems_exit_one_with_counts(sample: Path) -> None:
    edit(sample / "document.xml", '<article ref="art-emblem"/>', "")
    result = CliRunner().invoke(cli, ["check", str(sample)], env={"BYLAWS_LANG": "en"})
    assert result.exit_code == 1
    assert "1 error(s), 0 warning(s)" in result.output


def test_check_accepts_files_inside_a_document(sample: Path) -> None:
    """As a pre-commit hook passes them: each document is checked once."""
    files = [str(p) for p in sorted((sample / "articles").glob("*.xml"))[:3]]
    result = CliRunner().invoke(cli, ["check", *files])
    assert result.exit_code == 0, result.output


def test_fixed_numbers_must_increase(english: Path) -> None:
    edit(english / "document.xml", 'num="2"', 'num="9"')
    assert any("fixed numbers must increase" in m for m in messages(english))


def test_an_amendment_nobody_edited_yet_is_a_warning(sample: Path) -> None:
    runner = CliRunner()
    doc = str(sample)
    for args in (
        [
            "propose",
            "new",
            "tidy-up",
            "--doc",
            doc,
            "--title",
            "ترتيب",
            "--proposer",
            "س",
        ],
        ["propose", "amend", "tidy-up", "art-name", "--doc", doc],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    (found,) = messages(sample)
    assert found.endswith(
        "warning: proposal tidy-up amends art-name but its text is the text in "
        "force: edit proposals/tidy-up/articles/art-name.xml"
    )
    edit(sample / "proposals/tidy-up/articles/art-name.xml", "</p>", " معدّلة.</p>")
    assert messages(sample) == []


def test_a_duplicate_id_names_the_file_that_has_it(sample: Path) -> None:
    articles = sample / "articles"
    (articles / "zz-copy.xml").write_bytes((articles / "art-seat.xml").read_bytes())
    (found,) = messages(sample)
    assert found.endswith(
        "error: duplicate article id 'art-seat': art-seat.xml has it already; give "
        "the article in 'zz-copy.xml' an id of its own, the same as its file name"
    )


def test_a_repeal_that_leaves_a_reference_to_nothing_is_an_error(sample: Path) -> None:
    # digital-registry repeals art-membership-card; make art-name refer to it.
    edit(
        sample / "articles/art-name.xml",
        "</p>",
        ' وفق <ref to="art-membership-card"/></p>',
    )
    found = messages(sample)
    assert len(found) == 1
    proposal = sample / "proposals/digital-registry/proposal.xml"
    assert found[0].startswith(f"{proposal}:")
    assert found[0].endswith(
        "error: proposal digital-registry repeals art-membership-card, but art-name "
        "still refers to it; amend art-name in this proposal as well"
    )
    # Amending art-name in the proposal (without the reference) settles it.
    runner = CliRunner()
    result = runner.invoke(
        cli, ["propose", "amend", "digital-registry", "art-name", "--doc", str(sample)]
    )
    assert result.exit_code == 0, result.output
    edit(
        sample / "proposals/digital-registry/articles/art-name.xml",
        ' وفق <ref to="art-membership-card"/>',
        "",
    )
    assert messages(sample) == []


def test_an_amendment_that_drops_a_paragraph_referred_to_is_an_error(
    sample: Path,
) -> None:
    edit(
        sample / "articles/art-name.xml",
        "</p>",
        ' وفق <ref to="art-candidacy/para-3"/></p>',
    )
    assert messages(sample) == []
    # member-consultation's text of art-candidacy loses its third paragraph.
    amended = sample / "proposals/member-consultation/articles/art-candidacy.xml"
    text = amended.read_text(encoding="utf-8")
    third = text.rindex("  <paragraph>")
    amended.write_text(
        text[:third]
        + text[text.index("</paragraph>", third) + len("</paragraph>\n") :],
        encoding="utf-8",
    )
    (found,) = messages(sample)
    assert found.startswith(f"{sample / 'proposals/member-consultation/proposal.xml'}:")
    assert (
        "proposal member-consultation amends art-candidacy, but the reference to "
        "'art-candidacy/para-3' in art-name would point to nothing" in found
    )
    # Said in Arabic, the reason inside the message is Arabic too.
    (problem,) = check_paths([sample]).sorted()
    arabic = problem.text("ar")
    assert "art-candidacy/para-3" in arabic
    assert not any(word in arabic for word in ("paragraph", "article", "nothing"))
