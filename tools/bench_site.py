"""Site benchmark: `python tools/bench.py site [--articles N] [--proposals N] [--write]`.

Builds the site of a generated workspace (2,000 articles, 20 proposals) through
the bylaws plugin, then a plain `mkdocs build` of as many hand-written-like
Markdown pages of the same sizes, with the same theme and search, in one run,
and prints the ratio. `--write` records the figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from gen_corpus import generate, write
from gen_proposals import write_proposals

from bylaws.site import build, site_pages
from bylaws.site.labels import labels_for
from bylaws.site.nav import site_nav

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- site:start -->", "<!-- site:end -->"
WORDS = [
    "الحركة",
    "العضو",
    "اللجنة",
    "المركزية",
    "المؤتمر",
    "الفرع",
    "النظام",
    "المادة",
    "القرار",
    "التصويت",
]


def _config(
    folder: Path, docs: Path, plugins: list[object], nav: object = None
) -> Path:
    config: dict[str, object] = {
        "site_name": "bench",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "theme": {
            "name": "material",
            "language": "ar",
            "direction": "rtl",
            "font": False,
        },
        "plugins": plugins,
        "markdown_extensions": ["toc", "attr_list", "md_in_html"],
    }
    if nav is not None:
        # The same nav as the plugin's: without one mkdocs lists every page in
        # every page's sidebar, which costs more than everything else.
        config["nav"] = nav
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "mkdocs.yml"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def _handwritten(size: int, rng: random.Random, n: int) -> str:
    """A Markdown page of about `size` characters: a title, headings, paragraphs."""
    parts = [f"# صفحة {n}\n"]
    total = 0
    while total < size:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
        block = (
            f"\n## المادة {total}\n\n{words}\n"
            if rng.random() < 0.3
            else f"\n{words}\n"
        )
        parts.append(block)
        total += len(block)
    return "".join(parts)


def _timed(config: Path) -> float:
    started = time.perf_counter()
    build(config, strict=False)
    return time.perf_counter() - started


def run(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="bench.py site", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--proposals", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--write", action="store_true", help="update docs/benchmarks.md"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        old, new = generate(args.articles, args.seed)
        folder = root / "drafts" / "corpus"
        write(old, folder)
        write_proposals(old, new, folder, args.proposals)
        (root / "docs").mkdir()
        plugin_config = _config(
            root / "plugin",
            root / "docs",
            [
                {"search": {"lang": "en", "pipeline": []}},
                {"bylaws": {"workspace": str(root / "drafts")}},
            ],
        )
        started = time.perf_counter()
        site = site_pages(root / "drafts", have_home=False)
        pages = site.pages
        nav = site_nav(None, list(site.documents), [], labels_for("ar"))
        generate_s = time.perf_counter() - started
        rng = random.Random(args.seed)
        plain_docs = root / "plain-docs"
        for n, page in enumerate(pages):
            target = plain_docs / page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                _handwritten(len(page.markdown()), rng, n), encoding="utf-8"
            )
        plain_config = _config(
            root / "plain",
            plain_docs,
            [{"search": {"lang": "en", "pipeline": []}}],
            nav,
        )
        # The fairest baseline: the very pages the plugin makes, written as files
        # and built by mkdocs alone. What is left is what the plugin adds.
        same_docs = root / "same-docs"
        for page in pages:
            target = same_docs / page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown(), encoding="utf-8")
        same_config = _config(
            root / "same",
            same_docs,
            [{"search": {"lang": "en", "pipeline": []}}],
            nav,
        )
        plain_s = _timed(plain_config)
        same_s = _timed(same_config)
        plugin_s = _timed(plugin_config)
    size = sum(len(p.markdown()) for p in pages)
    ratio = plugin_s / plain_s
    lines = [
        f"- workspace: {args.articles} articles, {args.proposals} proposals "
        f"-> {len(pages)} pages, {size / 1e6:.1f} MB of Markdown",
        f"- page builders alone (read, diff, render): {generate_s:.2f} s",
        f"- `mkdocs build` with the bylaws plugin: {plugin_s:.2f} s",
        f"- plain `mkdocs build` of {len(pages)} Markdown pages of the same sizes: "
        f"{plain_s:.2f} s",
        f"- ratio: **{ratio:.2f}** (target: at most 1.30)",
        f"- plain `mkdocs build` of the plugin's own {len(pages)} pages written as "
        f"files: {same_s:.2f} s; ratio of the plugin build to it: "
        f"**{plugin_s / same_s:.2f}** (what the plugin adds: reading, diffing and "
        "writing the pages)",
        "- both plain builds are given the plugin's nav; without one mkdocs lists "
        "all pages in every page's sidebar, which costs more than everything else",
    ]
    print("\n".join(lines))
    if args.write:
        path = ROOT / "docs" / "benchmarks.md"
        text = path.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        path.write_text(
            head + START + "\n" + "\n".join(lines) + "\n" + END + tail, "utf-8"
        )
