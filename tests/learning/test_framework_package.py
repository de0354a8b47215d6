"""The framework is a general package: it imports no chapter, and its docstring documents its public API."""

import subprocess
import sys
from pathlib import Path

import learning.framework as framework

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_framework_imports_no_chapter():
    code = ("import sys, learning.framework, learning.framework.ops, learning.framework.layers; "
            "print(sorted(m for m in sys.modules if m.startswith('learning')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    modules = eval(out.stdout)
    assert "learning.framework.tensor" in modules
    assert not [m for m in modules if m.startswith(("learning.chapters", "learning.catalogue"))], modules


def test_every_public_name_is_documented():
    doc = framework.__doc__
    missing = [name for name in framework.__all__ if name not in doc]
    assert not missing, f"document these in learning/framework/__init__.py: {missing}"
