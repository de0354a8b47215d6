"""Loaders for the book's data sets, where to find them, and how to fetch them. No Qt here.

Modules: `mnist`, `imdb`, `shakespeare`, `babi`, `enron` (one loader each), `locate` (which folders are
searched), `download` (HTTPS with http.client, checksums, size limits, progress and cancel as plain callables)
and `registry` (the full data sets: where they come from, their sums, whether they are on this machine).
"""

from __future__ import annotations


class DatasetMissing(FileNotFoundError):
    """A data set the experiment needs is not on this machine; `name` says which (e.g. "mnist")."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


class DatasetError(ValueError):
    """A data file exists but is not what it should be (bad magic number, truncated, wrong counts)."""
