"""Names vulture takes for unused that a framework calls or fills in.

Only real false positives belong here, each with the reason it is needed.
`vulture bylaws tools/vulture_whitelist.py --min-confidence 80` reads it.
"""
# ruff: noqa: B018, F821

# mkdocs calls on_serve(server, config=..., builder=...) by keyword: the
# parameter must keep its name even though the plugin does not use it.
builder  # unused variable (bylaws/site/plugin.py)
