"""bylaws: internal regulations as structured XML, amendments reviewed word by word."""

# Read by pyproject.toml and `bylaws --version`: no package metadata is
# searched for at start-up.
__version__ = "0.1.0"
