#!/usr/bin/env python3
"""Keep the Russian translation in step with the code.

    python tools/i18n.py update    # pyside6-lupdate: add new source strings to resources/i18n/grokking_ru.ts
    python tools/i18n.py release   # pyside6-lrelease: compile grokking_ru.ts into grokking_ru.qm (shipped)

Our strings are marked with self.tr() / QCoreApplication.translate(); experiment titles and data set names,
which the code looks up at run time, are listed for lupdate in desktop/titles.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "grokking_ru.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """The PySide6 tool beside this interpreter (pyside6-lupdate / pyside6-lrelease)."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def sources() -> list[str]:
    """Every Python file of the desktop package."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def update() -> int:
    """Add new strings to the .ts (existing translations are kept; vanished ones are marked obsolete)."""
    return subprocess.call([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(TS)], cwd=ROOT)


def release(target: Path = QM) -> int:
    """Compile the .ts into a .qm."""
    return subprocess.call([tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(target)], cwd=ROOT)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        sys.exit(update())
    if command == "release":
        sys.exit(release())
    sys.exit("usage: python tools/i18n.py update|release")
