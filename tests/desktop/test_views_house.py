"""The house rules of the views (desktop/views/): one registry as the single source, every view declared the same
way, views independent of each other (the import-linter contract lists every one), colours only through
desktop/colour.py, and files small enough to read."""

import re
import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop.course import known_panels
from desktop.runner import Runner
from desktop.views import ViewSpec, registry
from learning.catalogue import get

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ROOT / "desktop" / "views"
#: A view may sit in either half of the lower area of a 1280-pixel window beside the course and the controls.
LARGEST_MINIMUM = (370, 240)


def contract_modules():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["type"] == "independence" and "desktop.views" in c["modules"][0])["modules"]


def test_every_registered_view_is_in_the_independence_contract_and_back():
    assert sorted(module.__name__ for module in registry.MODULES) == sorted(contract_modules())


def test_every_view_module_on_disk_is_registered():
    on_disk = set()
    for path in VIEWS.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if len(parts) == 4 and parts[3] not in ("__init__",) and not parts[3].startswith("_"):
            on_disk.add(".".join(parts))  # desktop.views.<family>.<view>
        elif len(parts) == 5 and parts[4] == "__init__":
            on_disk.add(".".join(parts[:4]))  # a view that is a package
    assert on_disk == {module.__name__ for module in registry.MODULES}


def test_views_declare_keys_titles_and_readable_minimums():
    specs = registry.specs()
    keys = [s.key for s in specs]
    assert len(keys) == len(set(keys))
    assert set(keys) | set(registry.STRIPS) == set(known_panels())
    for spec in specs:
        assert isinstance(spec, ViewSpec) and re.fullmatch(r"[a-z][a-z0-9_]*", spec.key)
        assert spec.title().strip(), spec.key
        width, height = spec.minimum
        assert 160 <= width <= LARGEST_MINIMUM[0] and 120 <= height <= LARGEST_MINIMUM[1], spec.key
        assert spec.family in ("network", "plots", "mnist", "language", "graph", "lstm", "federated"), spec.key


@pytest.mark.parametrize("key", registry.keys())
def test_each_view_builds_for_any_experiment_and_stays_within_its_minimum(qtbot, key):
    spec = registry.get(key)
    runner = Runner(get("ch04.gradient-descent")())
    view = spec.factory(runner)
    qtbot.addWidget(view)
    assert isinstance(view, QWidget)
    hint = view.minimumSizeHint()
    assert hint.width() <= spec.minimum[0] and hint.height() <= spec.minimum[1], (hint.width(), hint.height())


def test_no_view_makes_its_own_colours_or_images():
    for path in VIEWS.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\bQImage\(", source), f"{path}: build images with desktop.colour.to_qimage"
        assert "getRgb(" not in source, f"{path}: take colours from desktop.colour"


def test_files_stay_readable():
    for folder in ("desktop", "learning"):
        for path in (ROOT / folder).rglob("*.py"):
            lines = path.read_text(encoding="utf-8").count("\n")
            assert lines <= 700, f"{path.relative_to(ROOT)} has {lines} lines: split it by what it draws or computes"
