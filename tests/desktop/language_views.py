"""Helpers of the chapter 11-12 view tests: small experiments the tests build, a view shown with its runner, and
a wait for the view's own redraw (views repaint on a timer, never inside the runner's signal)."""

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.runner import Runner
from learning.chapters.ch11_analogy import Analogy
from learning.chapters.ch11_language import Sentiment
from learning.chapters.ch11_word2vec import Word2Vec
from learning.chapters.ch12_recurrence import ReviewVectors, ToyForward
from learning.chapters.ch12_rnn_babi import RnnBabi
from learning.results import ResultStore
from tests.learning.language_data import tiny_imdb

# A few story lines in bAbI's form (the real file's first lines).
STORY = ["1 Mary moved to the bathroom.\n", "2 John went to the hallway.\n",
         "3 Where is Mary? \tbathroom\t1\n", "4 Daniel went back to the hallway.\n",
         "5 Sandra moved to the garden.\n", "6 Where is Daniel? \thallway\t4\n"]


def sentiment(**values):
    return Sentiment(data=tiny_imdb(), store=ResultStore(), test_count=10, **values)


def word2vec(**values):
    return Word2Vec(data=tiny_imdb(), store=ResultStore(), **values)


def analogy(store=None, **values):
    return Analogy(data=tiny_imdb(), store=store or ResultStore(), **values)


def review_vectors(store=None, **values):
    return ReviewVectors(data=tiny_imdb(), store=store or ResultStore(), trainer_options={"test_count": 10}, **values)


def rnn(**values):
    return RnnBabi(data=STORY, **values)


def toy(**values):
    return ToyForward(**values)


def show(qtbot, factory, experiment, size=(640, 320)):
    """A view built by `factory(runner)` for `experiment`, shown at `size`; returns (runner, view)."""
    runner = Runner(experiment)
    view = factory(runner)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view)
    return runner, view


def settle(qtbot, view):
    """Wait until the view's pending redraw (if any) has happened."""
    qtbot.waitUntil(lambda: not view._repaint.timer.isActive(), timeout=5000)


def mouse(widget, kind, point, button=Qt.MouseButton.LeftButton):
    """A mouse event at a point of a widget, as the window system delivers it."""
    types = {"move": QEvent.Type.MouseMove, "press": QEvent.Type.MouseButtonPress,
             "release": QEvent.Type.MouseButtonRelease}
    held = Qt.MouseButton.NoButton if kind == "move" else button
    point = QPoint(int(point[0]), int(point[1]))
    event = QMouseEvent(types[kind], QPointF(point), QPointF(widget.mapToGlobal(point)),
                        held if kind != "release" else button, held if kind == "press" else Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def click(widget, point):
    """Press and release the left button at a point."""
    mouse(widget, "press", point)
    mouse(widget, "release", point)


def acted(view):
    """A list that collects the names the view emits through `acted`."""
    names = []
    view.acted.connect(names.append)
    return names
