"""The real data samples (../shared/data) reach the tests through GROKKING_DATA. Where they are absent a test
that needs them skips with a reason; in CI (.ci/run sets GROKKING_REQUIRE_DATA=1) it fails instead, so a
missing folder can never turn those tests into silent skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REQUIRE = "GROKKING_REQUIRE_DATA"


def missing(reason: str) -> None:
    """Skip with `reason`, or fail with it where the data is required."""
    if os.environ.get(REQUIRE, "") not in ("", "0"):
        pytest.fail(f"{reason} ({REQUIRE} is set: the real data samples are required here)", pytrace=False)
    pytest.skip(reason)


def data_root() -> Path:
    """The folder GROKKING_DATA names (skip or fail when it is not set or not a folder)."""
    value = os.environ.get("GROKKING_DATA")
    if not value:
        missing("GROKKING_DATA is not set: the real data samples are not available")
    path = Path(str(value))
    if not path.is_dir():
        missing(f"GROKKING_DATA={value} is not a folder: the real data samples are not available")
    return path


def need(path: Path) -> Path:
    """`path`, a file or folder of the samples (skip or fail when it is absent)."""
    if not path.exists():
        missing(f"{path} is absent")
    return path
