"""Fixtures: an isolated data environment, the shared real samples, and a local HTTP server."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.learning.datasets.localserver import LocalServer
from tests.shared_data import data_root


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """No GROKKING_DATA and a user cache inside tmp_path, so no test reads or writes the real ones."""
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return tmp_path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real samples, through GROKKING_DATA (.ci/run sets it to ../shared/data)."""
    return data_root()


@pytest.fixture
def server():
    s = LocalServer()
    yield s
    s.close()
