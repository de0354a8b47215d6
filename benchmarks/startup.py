"""Start-up: from launching the process to the first painted window, the app against a bare PySide6 + pyqtgraph
window (a measurement, not a test).

Each round starts two fresh processes, alternating: `bare` imports PySide6 and pyqtgraph and shows one PlotWidget;
`app` starts Grokking Lab as `grokking-lab` does (settings in a fresh folder, so it opens on the course's first
page). Each child prints when its first window receives its first paint event; the parent measures from spawn to
that line. Prints the medians and their ratio (target: app ≤ 1.5 × bare), and with --where the app's own split:
imports, building the window, the first layout and paint.

Run: .venv/bin/python benchmarks/startup.py [--rounds 7] [--where]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Both children: stop at the first paint of a top-level window and print the seconds since the child started.
_FIRST_PAINT = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType():
            print("painted", flush=True)
            os._exit(0)
        return False
"""

BARE = _FIRST_PAINT + """
import pyqtgraph as pg
app = QApplication(sys.argv[:1])
app.installEventFilter(FirstPaint(app))
w = pg.PlotWidget()
w.resize(1300, 850)
w.show()
app.exec()
"""

APP = _FIRST_PAINT + """
app = QApplication(sys.argv[:1])
app.installEventFilter(FirstPaint(app))
from desktop.app import main
main([])
"""

WHERE = """
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
t_qt = time.perf_counter()
import desktop.main_window  # noqa: F401  (with it: pyqtgraph, numpy, the views, the course code)
t_imports = time.perf_counter()
from desktop.app import setup_application
from desktop.i18n import Translations
from desktop.main_window import MainWindow
from desktop.settings import Settings
setup_application(app)
settings = Settings()
translations = Translations()
translations.set_language(settings.get("ui/language"))
window = MainWindow(settings, None, translations=translations)
t_built = time.perf_counter()
window.show()
app.processEvents()
t_shown = time.perf_counter()
print(f"{t_qt - t0:.3f} {t_imports - t_qt:.3f} {t_built - t_imports:.3f} {t_shown - t_built:.3f}")
"""


def first_paint(code: str, env: dict[str, str]) -> float:
    """Seconds from spawning a Python child to its first painted window."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    took = time.perf_counter() - start  # the child ends with os._exit at its first paint
    if out.stdout.strip() != "painted":
        raise RuntimeError(f"the child did not paint (exit {out.returncode}): {out.stderr[-500:]}")
    return took


def main() -> int:
    """Alternate bare and app rounds; print medians and the ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--where", action="store_true", help="also split the app's start-up into its parts")
    args = parser.parse_args()
    home = tempfile.mkdtemp()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "XDG_CONFIG_HOME": home, "XDG_CACHE_HOME": home, "PYTHONPATH": str(ROOT)}
    first_paint(BARE, env)  # warm the file cache for both
    first_paint(APP, env)
    bare, app = [], []
    for _ in range(args.rounds):
        bare.append(first_paint(BARE, env))
        app.append(first_paint(APP, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"bare PySide6 + pyqtgraph window: median {b * 1000:6.0f} ms  (rounds: {[round(x * 1000) for x in bare]})")
    print(f"Grokking Lab main window:        median {a * 1000:6.0f} ms  (rounds: {[round(x * 1000) for x in app]})")
    print(f"ratio app / bare: {a / b:.2f}x (target ≤ 1.5)")
    if args.where:
        parts = []
        for _ in range(args.rounds):
            out = subprocess.run([sys.executable, "-c", WHERE], cwd=ROOT, env=env, capture_output=True, text=True,
                                 timeout=60)
            parts.append([float(x) for x in out.stdout.split()])
        names = ("QApplication", "imports", "building the window", "first layout and paint")
        for i, name in enumerate(names):
            print(f"  {name:24s} median {statistics.median(p[i] for p in parts) * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
