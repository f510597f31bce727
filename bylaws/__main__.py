"""`python -m bylaws` runs the command line."""

from bylaws.cli import main

main()
