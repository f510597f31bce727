"""Comparing texts: aligning articles and paragraphs, and diffing their words."""
