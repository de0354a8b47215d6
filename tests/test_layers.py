"""The core stays Qt-free, provably: the import-linter contract, and tests/learning without Qt."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contract_holds():
    out = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
                          "sys.exit(lint_imports_command())"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "2 kept, 0 broken" in out.stdout


def test_learning_tests_pass_with_qt_unimportable(tmp_path):
    """Block PySide6, shiboken6 and pyqtgraph at import time, then run tests/learning."""
    (tmp_path / "sitecustomize.py").write_text(textwrap.dedent("""
        import sys
        from importlib.abc import MetaPathFinder

        class NoQt(MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "pytestqt", "desktop"):
                    raise ImportError(f"{name} is blocked: learning must not need it")
                return None

        sys.meta_path.insert(0, NoQt())
    """))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]))
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider",
                          "tests/learning"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert " passed" in out.stdout
    assert "is blocked" not in out.stdout
