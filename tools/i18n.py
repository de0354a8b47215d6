#!/usr/bin/env python3
"""Keep the Russian translation in step with the code.

    python tools/i18n.py update    # list run-time titles, then pyside6-lupdate: new strings into grokking_ru.ts
    python tools/i18n.py release   # pyside6-lrelease: compile grokking_ru.ts into grokking_ru.qm (shipped)

Our strings are marked with self.tr() / QCoreApplication.translate(); experiment titles and data set names,
which the code looks up at run time, are listed for lupdate in desktop/titles.py.
"""

from __future__ import annotations

import json
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


def write_titles() -> None:
    """desktop/titles.py: the experiment titles and data set names the code translates at run time, marked
    for lupdate (it cannot see strings that come from the catalogue)."""
    sys.path.insert(0, str(ROOT))
    from learning import catalogue
    from learning.datasets import registry

    lines = ['"""Strings the code translates at run time, listed for lupdate (written by tools/i18n.py titles)."""',
             "", "from PySide6.QtCore import QT_TRANSLATE_NOOP", "", "EXPERIMENTS = ("]
    lines += [f'    QT_TRANSLATE_NOOP("Experiments", {json.dumps(cls.title, ensure_ascii=False)}),'
              for cls in catalogue.EXPERIMENTS.values()]
    lines += [")", "", "PARAMS = ("]
    helps = dict.fromkeys(p.help for cls in catalogue.EXPERIMENTS.values() for p in cls.params)
    lines += [f'    QT_TRANSLATE_NOOP("Params", {json.dumps(text, ensure_ascii=False)}),' for text in helps]
    lines += [")", "", "DATASETS = ("]
    for dataset in registry.DATASETS.values():
        for text in (dataset.title, dataset.description):
            lines.append(f'    QT_TRANSLATE_NOOP("Datasets", {json.dumps(text, ensure_ascii=False)}),')
    lines += [")", ""]
    (ROOT / "desktop" / "titles.py").write_text("\n".join(lines), encoding="utf-8")


def update() -> int:
    """Add new strings to the .ts (existing translations are kept; vanished ones are marked obsolete)."""
    return subprocess.call([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-ts", str(TS)], cwd=ROOT)


def release(target: Path = QM) -> int:
    """Compile the .ts into a .qm."""
    return subprocess.call([tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(target)], cwd=ROOT)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "titles":
        sys.exit(write_titles())
    if command == "update":
        write_titles()
        sys.exit(update())
    if command == "release":
        sys.exit(release())
    sys.exit("usage: python tools/i18n.py titles|update|release")
