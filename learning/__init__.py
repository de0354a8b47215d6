"""Grokking Lab's learning core: the book's networks in numpy. Never imports Qt."""
