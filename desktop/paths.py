"""Where the resources are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """The resources folder (lessons, translations, icons)."""
    for candidate in (_HERE / "resources", _HERE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Grokking Lab's resources folder is missing; reinstall the application")
