"""The peer of `bylaws check` in the benchmarks: read and parse every XML file.

    python tools/bench_floor.py FOLDER...

Walks each folder, reads every `*.xml` file and parses it with lxml (no DTD,
no network, as bylaws parses), checking nothing. It is the least any checker
of these files must do, run as a process like `bylaws check`.
"""

from __future__ import annotations

import os
import sys

from lxml import etree


def main(folders: list[str]) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                if name.endswith(".xml"):
                    with open(os.path.join(root, name), "rb") as handle:
                        etree.fromstring(handle.read(), parser)


if __name__ == "__main__":
    main(sys.argv[1:])
