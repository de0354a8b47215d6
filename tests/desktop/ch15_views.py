"""What the chapter-15 view tests share: small prepared e-mails (tests/learning/test_ch15.py's synthetic set), a view
on a runner, settling its redraw, and switching the language."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QApplication

from desktop.i18n import Translations
from desktop.runner import Runner
from learning import catalogue
from learning.chapters.ch15_data import prepare
from tests.learning.test_ch15 import synthetic_enron


@functools.cache
def small_spam():
    """The synthetic e-mails prepared once: 300 words, 100 test e-mails a class."""
    return prepare(synthetic_enron(), test_per_class=100)


def experiment(experiment_id: str, **params):
    """A chapter-15 experiment on the small e-mails; federated rounds of 2 batches of 75 per client by default."""
    cls = catalogue.get(experiment_id)
    names = {p.name for p in cls.params}
    defaults = {"batch_size": 75, "emails": 150}
    values = {k: v for k, v in defaults.items() if k in names} | params
    return cls(data=small_spam(), **values)


def view_on(qtbot, view_class, experiment_id: str, size=(900, 420), **params):
    """A view of `view_class` on a runner of the experiment, shown at `size`."""
    runner = Runner(experiment(experiment_id, **params))
    view = view_class(runner)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return runner, view


def settle(qtbot, view):
    """Let a view's pending redraw happen."""
    repaint = getattr(view, "_repaint", None)
    qtbot.wait(1)
    if repaint is not None:
        qtbot.waitUntil(lambda: not repaint.timer.isActive(), timeout=5000)
    QApplication.processEvents()


def switch_language(qtbot, language: str) -> Translations:
    """Install a language on the application (the window's View → Language does the same)."""
    translations = Translations()
    assert translations.set_language(language)
    QApplication.processEvents()  # LanguageChange events are posted
    return translations
