"""Where data sets are looked for: a folder from the settings, GROKKING_DATA, then the user's cache folder.

Inside each of these data roots a data set lives in its own sub-folder (`mnist/`, `imdb/`, `shakespeare/`,
`babi/`, `enron/`, the layout of the shared samples); the files may also sit directly in the root, so
that a learner can point the application at the folder that holds, say, the four MNIST files.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "GROKKING_DATA"


def data_dirs(extra: Path | None = None) -> list[Path]:
    """Folders to search, in order: an explicit folder (a setting), $GROKKING_DATA, the user cache."""
    out: list[Path] = []
    if extra is not None and str(extra):
        out.append(Path(extra).expanduser())
    if os.environ.get(ENV):
        out.append(Path(os.environ[ENV]).expanduser())
    out.append(user_data_dir())
    unique: list[Path] = []
    for folder in out:
        if folder not in unique:
            unique.append(folder)
    return unique


def user_data_dir() -> Path:
    """The per-user folder where downloads go when no other folder is named."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # platformdirs is a dependency; this keeps the core importable without it
        return Path.home() / ".cache" / "grokking-lab"
    return Path(user_cache_dir("grokking-lab", appauthor=False))


def download_root(extra: Path | None = None) -> Path:
    """Where downloads and imports are written: the explicit folder (a setting), else the user cache.
    $GROKKING_DATA is only searched, never written: it may name a shared, read-only copy (CI's samples)."""
    if extra is not None and str(extra):
        return Path(extra).expanduser()
    return user_data_dir()


def candidates(root: Path, subfolder: str) -> list[Path]:
    """The folders of one data root where a data set's files may be: `root/subfolder`, then `root` itself."""
    return [Path(root) / subfolder, Path(root)]


def find(relative: str, extra: Path | None = None) -> Path | None:
    """The first existing `folder/relative` among data_dirs(), or None."""
    for folder in data_dirs(extra):
        candidate = folder / relative
        if candidate.exists():
            return candidate
    return None
