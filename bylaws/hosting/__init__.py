"""Where the regulations' git lives: CI files for git hosts, a new workspace, deploys.

`ci` writes a host's CI configuration from the templates beside it; `starter`
makes a new workspace (`bylaws new`); `deploy` pushes the built site to a
branch of any git remote.
"""
