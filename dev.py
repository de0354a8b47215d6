#!/usr/bin/env python3
"""One command to set up and start Grokking Lab, or to set up and run its tests.

    python3 dev.py app     # create .venv, install the app, start the window
    python3 dev.py test    # create .venv, install app + test tools, run ruff and the whole test suite

Needs only Python 3.11+; works the same on Linux, macOS and Windows. Extra arguments are passed on
(`python3 dev.py app --experiment ch04.alpha`, `python3 dev.py test -k divergence`).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command, stopping with its exit code if it fails."""
    code = subprocess.call([str(a) for a in args], cwd=ROOT, env=env)
    if code:
        sys.exit(code)


def ensure_env(extras: str) -> None:
    """Create .venv and install the project (again only when pyproject.toml or the extras changed)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be started by an older Python
        sys.exit(f"Grokking Lab needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    if not PYTHON.exists():
        print("creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'app'}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    print("installing Grokking Lab and what it needs …", flush=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]" if extras else ".")
    stamp.write_text(digest)


def main(argv: list[str]) -> None:
    """Dispatch `app` or `test`."""
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "app":
        ensure_env("")
        run(PYTHON, "-m", "desktop", *rest)
    elif command == "test":
        ensure_env("test")
        run(PYTHON, "-m", "ruff", "check", ".")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        run(PYTHON, "-m", "pytest", *rest, env=env)
    else:
        sys.exit("usage: python3 dev.py app|test [arguments]")


if __name__ == "__main__":
    main(sys.argv[1:])
