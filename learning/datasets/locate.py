"""Where data sets are looked for: GROKKING_DATA, then the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

ENV = "GROKKING_DATA"


def data_dirs(extra: Path | None = None) -> list[Path]:
    """Folders to search, in order: an explicit folder (a setting), $GROKKING_DATA, the user cache."""
    out: list[Path] = []
    if extra is not None:
        out.append(Path(extra))
    if os.environ.get(ENV):
        out.append(Path(os.environ[ENV]))
    out.append(user_data_dir())
    return out


def user_data_dir() -> Path:
    """The per-user folder where downloads go."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # platformdirs is a dependency; this keeps the core importable without it
        return Path.home() / ".cache" / "grokking-lab"
    return Path(user_cache_dir("grokking-lab", appauthor=False))


def find(relative: str, extra: Path | None = None) -> Path | None:
    """The first existing `folder/relative` among data_dirs(), or None."""
    for folder in data_dirs(extra):
        candidate = folder / relative
        if candidate.exists():
            return candidate
    return None
