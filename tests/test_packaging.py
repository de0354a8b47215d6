"""The wheel carries the resources, and the code finds them both in a checkout and installed."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_the_resources_under_desktop(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                          "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    (wheel,) = tmp_path.glob("grokking_lab-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "desktop/resources/lessons/ch04/chapter.toml" in names
    assert "desktop/resources/i18n/grokking_ru.qm" in names
    assert "desktop/resources/icons/grokking-lab.svg" in names
    assert "learning/chapters/ch04_gradient_descent.py" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    points = zipfile.ZipFile(wheel).read(entry).decode()
    assert "grokking-lab = desktop.app:main" in points


def test_resource_dir_prefers_the_installed_copy(tmp_path, monkeypatch):
    from desktop import paths

    installed = tmp_path / "desktop"
    (installed / "resources" / "lessons").mkdir(parents=True)
    monkeypatch.setattr(paths, "_HERE", installed)
    assert paths.resource_dir() == installed / "resources"


def test_resource_dir_in_a_checkout():
    from desktop.paths import resource_dir

    assert resource_dir() == ROOT / "resources"
    assert (resource_dir() / "lessons" / "ch04" / "chapter.toml").is_file()
