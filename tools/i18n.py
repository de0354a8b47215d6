#!/usr/bin/env python3
"""Keep the Russian translation in step with the code.

    python tools/i18n.py update    # list run-time titles, then pyside6-lupdate: new strings into grokking_ru.ts
    python tools/i18n.py release   # pyside6-lrelease: compile grokking_ru.ts into grokking_ru.qm (shipped)
    python tools/i18n.py merge OTHER.ts  # take OTHER's translations for our unfinished or missing-text entries

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


def formula_templates() -> list[str]:
    """The math strip's formula templates that experiments declare as class tables (both modes), in catalogue order;
    formulas an experiment builds at run time are not listed (they stay as the code writes them)."""
    import inspect

    from learning import catalogue

    found: dict[str, None] = {}
    for cls in catalogue.EXPERIMENTS.values():
        for attr in ("formulas", "book_formulas"):
            table = inspect.getattr_static(cls, attr, None)
            if isinstance(table, dict):
                found.update(dict.fromkeys(t for templates in table.values() for t in templates))
    return list(found)


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
    lines += [")", "", "FORMULAS = ("]
    lines += [f'    QT_TRANSLATE_NOOP("Formulas", {json.dumps(text, ensure_ascii=False)}),'
              for text in formula_templates()]
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


def merge(other: Path) -> int:
    """Fill entries of grokking_ru.ts that have no finished translation with OTHER's translation of the same
    (context, source), e.g. after merging two branches (take one side's file, `update`, then `merge` the other's).
    Returns the number of entries filled."""
    import xml.etree.ElementTree as ET

    theirs: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(other).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and (translation.text or "").strip():
                theirs[(context.findtext("name") or "", message.findtext("source") or "")] = translation
    tree = ET.parse(TS)
    filled = 0
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            found = theirs.get((context.findtext("name") or "", message.findtext("source") or ""))
            if translation is None or found is None:
                continue
            if translation.get("type") is None and (translation.text or "").strip():
                continue
            translation.attrib.pop("type", None)
            translation.text = found.text
            for child in list(translation):
                translation.remove(child)
            for child in found:  # plural forms
                translation.append(child)
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    print(f"filled {filled} translations from {other}")
    return filled


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "titles":
        sys.exit(write_titles())
    if command == "update":
        write_titles()
        sys.exit(update())
    if command == "release":
        sys.exit(release())
    if command == "merge" and len(sys.argv) == 3:
        write_titles()
        update()  # first every string of the code, so that the other file's translations find their entries
        merge(Path(sys.argv[2]))
        sys.exit(update())  # lupdate rewrites the file in its own layout
    sys.exit("usage: python tools/i18n.py titles|update|release|merge OTHER.ts")
