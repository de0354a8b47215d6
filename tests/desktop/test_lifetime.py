"""Garbage collection waits for the event loop: the collector never frees a widget from inside a Qt call on it."""

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

from desktop.lifetime import CollectBetweenEvents, collect_due

ROOT = Path(__file__).resolve().parents[2]

# A parentless landscape panel in contour mode, left in a reference cycle while its scene still has items to
# repaint. A collection threshold of 1 makes CPython collect at the first allocation inside the Python methods
# Qt calls while it walks that scene (IsocurveItem.boundingRect): the exact moment the segfault of issue 9 hit.
SCRIPT = """
import gc, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
if sys.argv[1] == "policy":
    from desktop.lifetime import CollectBetweenEvents
    CollectBetweenEvents(app).install()
from desktop.views.network.landscape import LandscapePanel
from desktop.runner import Runner
from learning.catalogue import get

def show():
    runner = Runner(get("ch05.multi-input")())
    panel = LandscapePanel(runner)
    panel.resize(600, 400)
    panel.show()
    app.processEvents()
    runner.step()
    panel.refresh()

for _ in range(3):
    show()
    gc.set_threshold(1)
    app.processEvents()
    gc.set_threshold(700)
print("alive")
"""


def run_script(mode: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="")
    return subprocess.run([sys.executable, "-c", SCRIPT, mode], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_collector_inside_a_repaint_kills_the_process_and_the_policy_prevents_it():
    # Python's own collector: it runs inside Qt's walk of the scene. Where exactly it lands depends on the
    # allocations before it, so the crash comes in most runs, not all: the control gets four tries.
    controls = []
    for _ in range(4):
        controls.append(run_script("automatic"))
        if controls[-1].returncode != 0:
            break
    assert controls[-1].returncode != 0 and "alive" not in controls[-1].stdout, [c.returncode for c in controls]
    guarded = run_script("policy")
    assert guarded.returncode == 0, guarded.stderr[-2000:]
    assert guarded.stdout.strip() == "alive"


class Cycle:
    def __init__(self):
        self.me = self


def test_collections_happen_on_the_event_loop_not_at_an_allocation(qtbot, qapp):
    policy = CollectBetweenEvents(qapp, interval_ms=10)
    policy.install()
    try:
        assert not gc.isenabled()
        gc.collect()
        garbage = Cycle()
        gone = weakref.ref(garbage)
        del garbage
        for _ in range(50_000):  # far past every generation's threshold
            Cycle()
        assert gone() is not None  # no collection while Python code runs
        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the next turns of the event loop collect it
    finally:
        policy.uninstall()
        policy.deleteLater()


def test_collect_due_collects_the_oldest_generation_past_its_threshold(monkeypatch):
    import desktop.lifetime as lifetime

    collected = []
    monkeypatch.setattr(lifetime.gc, "get_threshold", lambda: (700, 10, 10))
    monkeypatch.setattr(lifetime.gc, "collect", collected.append)
    for counts, expected in [((700, 10, 10), None), ((701, 0, 0), 0), ((701, 11, 0), 1), ((5, 11, 11), 2),
                             ((0, 0, 11), 2), ((0, 10, 10), None)]:
        monkeypatch.setattr(lifetime.gc, "get_count", lambda c=counts: c)
        assert collect_due() == expected
    assert collected == [0, 1, 2, 2]


def test_uninstall_collects_and_gives_collection_back(qapp):
    enabled = gc.isenabled()
    gc.enable()
    policy = CollectBetweenEvents(qapp)
    try:
        policy.install()
        assert policy.installed and not gc.isenabled()
        garbage = Cycle()
        gone = weakref.ref(garbage)
        del garbage
        policy.uninstall()
        assert gone() is None and gc.isenabled() and not policy.installed
    finally:
        policy.deleteLater()
        if not enabled:
            gc.disable()
