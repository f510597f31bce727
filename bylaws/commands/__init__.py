"""The commands of `bylaws`, one module per area; `bylaws.cli` loads them lazily."""
