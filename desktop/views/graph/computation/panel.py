"""The computation-graph panel: a toolbar (backward step, whole pass, check gradients, break it, collapse layers,
fit), a caption that says what is happening, the graph, and the framework's code of a clicked tensor under it.

It follows the runner: every phase of an iteration brings the experiment's trace of that moment. While the run
plays, the graph is re-traced at most four times a second and drawn at once; when the learner steps, the forward
pass lights the data left to right and LEARN the gradients right to left, node by node. Boxes are rebuilt only
when the graph's shape (or the collapsed calls) changes; otherwise only their pictures and marks change.
"""

from __future__ import annotations

import math
import time
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.graph.computation.edge import EdgeItem, LegendItem
from desktop.views.graph.computation.model import BACKWARD, FORWARD, LOSS, WRONG, GraphModel, layer_at, layer_types
from desktop.views.graph.computation.node import NodeItem
from desktop.views.graph.computation.placement import (
    box_rect,
    edge_path,
    entry_point,
    exit_point,
    legend_origin,
    op_symbol,
)
from desktop.views.graph.computation.scene_view import GraphView
from desktop.views.graph.computation.source import SourcePane, layer_lines, node_lines
from desktop.views.graph.computation.texts import GraphTexts
from desktop.widgets import ElidedLabel, FlowLayout
from learning.experiment import Phase
from learning.framework import STRICT

#: What the learner does here that a lesson task may count (ViewSpec.actions).
ACTIONS = ("backward_step", "gradient_check", "wrong_gradient_found", "collapsed", "expanded", "break_it",
           "code_shown")
REPAINT_MS, PLAYING_MS = 30, 250  # while playing: traced at most four times a second, drawn soon after
ANIMATION_MS, ANIMATION_TICKS = 30, 6  # each half of an animation takes about six ticks, whatever the size
WORDS_MS = 150  # tooltips and the text alternative follow the picture after this pause
CHECK_BUDGET_S = 0.02  # the gradient check computes at most this long per tick of the event loop
#: "Break it" on tensor-basics goes to its check 3 (a tensor used twice, the naive Tensor): iteration 3.
BREAK_IT_EXPERIMENT, BREAK_IT_ITERATION = "ch13.tensor-basics", 3
BUTTONS = ("step", "complete", "check", "break", "collapse", "fit")


def replayed_graph(runner: Runner) -> Any:
    """The graph of the last iteration when the experiment lost it (rewinding loads a kept state, which holds no
    graph): that iteration again from the state before it, then the experiment back exactly where it was (a
    replay is exact: the experiment draws from its own RandomState). None if it cannot be done."""
    experiment = runner.experiment
    try:
        base, state = runner.snapshots.nearest(runner.count - 1)
    except KeyError:
        return None
    now = experiment.state()
    pending = dict(getattr(experiment, "_pending", {}))  # live changes waiting for the next iteration: kept
    root = None
    try:
        experiment.load_state(state)
        for count in range(base, runner.count):
            for method, args in runner.changes.get(count, ()) if count > base else ():
                getattr(experiment, method)(*args)  # the learner's edits, as the runner replays them
            experiment.step()
        root = experiment.graph_root
    except Exception:  # noqa: BLE001 - a picture is not worth a broken run: give up and restore
        root = None
    finally:
        experiment.load_state(now)
        getattr(experiment, "_pending", {}).update(pending)
    experiment.graph_root = root
    return experiment.graph()


def stage_of(runner: Runner) -> str:
    """The stage the experiment's graph is at: the prediction, the loss, or after LEARN."""
    phase = runner.current_phase.phase if runner.current_phase is not None else None
    return {Phase.PREDICT: FORWARD, Phase.COMPARE: LOSS}.get(phase, BACKWARD)  # type: ignore[arg-type]


class GraphPanel(QWidget):
    """The current iteration's computation graph, live. `acted(name)` reports what the learner did (ACTIONS)."""

    acted = Signal(str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("graph")
        self.model = GraphModel()
        self.words = GraphTexts(self)
        self.texts: dict[str, str] = {}  # the words items draw, shared by all of them
        self.items: dict[tuple, NodeItem] = {}
        self.edges: list[EdgeItem] = []
        self.legend: LegendItem | None = None
        self.note: QGraphicsSimpleTextItem | None = None
        self.selected: tuple | None = None
        self._auto_backward = True  # the animation steps the pass (until the learner steps it by hand)
        self._after_play = False
        self._captured: Any = None  # while playing: the last whole iteration's trace, and when it was taken
        self._captured_at = 0.0

        self.buttons: dict[str, QToolButton] = {}
        bar = QWidget()
        flow = FlowLayout(bar, spacing=4)
        for name in BUTTONS:
            button = QToolButton()
            button.setObjectName(f"graph_{name}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setCheckable(name in ("break", "collapse"))
            flow.addWidget(button)
            self.buttons[name] = button
        self.buttons["step"].clicked.connect(self.backward_step)
        self.buttons["complete"].clicked.connect(self.complete_pass)
        self.buttons["check"].clicked.connect(self.check_gradients)
        self.buttons["break"].clicked.connect(self.set_broken)
        self.buttons["collapse"].clicked.connect(self.set_collapsed)
        self.buttons["fit"].clicked.connect(self._on_fit_clicked)
        self.caption = ElidedLabel()
        self.caption.setObjectName("graph_caption")
        self.caption.setStyleSheet(f"color: {colours().muted.name()}")
        self.view = GraphView(self)
        self.view.box_clicked.connect(self.select)
        self.view.box_double_clicked.connect(self._on_view_box_double_clicked)
        self.view.box_menu.connect(self._on_view_box_menu)
        self.source = SourcePane()
        self.source.hide()
        self.source.closed.connect(self._on_source_closed)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.source)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.splitter, 1)

        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        self._animation = QTimer(self)
        self._animation.setInterval(ANIMATION_MS)
        self._animation.timeout.connect(self._on_animation_timeout)
        self._words = QTimer(self)
        self._words.setSingleShot(True)
        self._words.setInterval(WORDS_MS)
        self._words.timeout.connect(self._write_words)
        self._checker = QTimer(self)
        self._checker.setInterval(0)
        self._checker.timeout.connect(self._on_checker_timeout)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.rewound.connect(self._on_runner_rewound)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.playing_changed.connect(self._on_runner_playing_changed)
        self._take_layer_types()
        self.retranslate()  # words, then the first picture

    # -- language -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every word of the panel and its items in the current language."""
        for name, (text, tip) in self.words.buttons().items():
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(tip)
        self.texts.clear()
        self.texts.update(self.words.item_words())
        self.view.setAccessibleName(self.words.title())
        self.caption.setAccessibleName(self.words.caption_name())
        if self.note is not None:
            self.note.setText(self.words.empty(self.runner))
        self.view.scene().update()
        if self.model.trace is None:
            self.refresh()
        else:
            self.paint_state()
        if self.selected is not None:
            self._show_code(self.selected)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public ---------------------------------------------------------------------------------------------
    def scene(self) -> QGraphicsScene:
        """The scene of the graph (what File → Export view renders)."""
        return self.view.scene()

    def export_source(self) -> QGraphicsScene:
        """What File → Export view draws: the graph with its legend."""
        return self.scene()

    def describe(self) -> str:
        """A text alternative of the graph: what each tensor holds now, its gradient, counting and check."""
        return self.words.describe(self.model, self.runner)

    def box_keys(self) -> list[tuple]:
        """The keys of the boxes on screen, in the order of their first tensor."""
        return [box.key for box in self.model.boxes()]

    def refresh(self) -> None:
        """Take the experiment's current graph: rebuild the boxes if its shape changed, else update them."""
        runner = self.runner
        experiment = runner.experiment
        graph = getattr(experiment, "graph", None)
        stage = stage_of(runner)
        if runner.playing:
            trace, self._captured = self._captured, None  # taken at a whole loss (_on_runner_advanced)
            if trace is None:
                return
            stage = BACKWARD  # its gradients: the pass LEARN makes (or made)
        else:
            trace = graph() if callable(graph) else None
        if trace is None and callable(graph) and runner.count and not runner.mid_iteration and not runner.playing:
            trace = replayed_graph(runner)  # rewound onto a kept state: the graph of that iteration is gone
        animate = not runner.playing and not self._after_play
        words = self._after_play
        self._after_play = False
        generation = self.model.generation
        if self.model.update(trace, stage, getattr(experiment, "policy", STRICT), not animate):
            self.rebuild()
        if self.model.generation == generation:
            if words:
                self._words.start()
            return  # the same tensors at the same stage: nothing new to show
        self._auto_backward = True
        if not self.model.checking:
            self._checker.stop()
        if words:
            self._words.start()
        if animate and self._animation_due():
            self._animation.start()
        self.paint_state()

    # -- the backward pass ----------------------------------------------------------------------------------
    def backward_step(self) -> None:
        """One more node of the backward pass gets its gradients (the next press after the last starts again)."""
        if not self.model.can_step():
            return
        self._animation.stop()
        self._auto_backward = False
        self.model.reveal_all()
        if self.model.pass_done:
            self.model.checks = {}
        self.model.step()
        self.acted.emit("backward_step")
        self.paint_state()
        if self.selected is not None:
            self._show_code(self.selected)

    def complete_pass(self) -> None:
        """Finish the backward pass at once."""
        if not self.model.can_step():
            return
        self._animation.stop()
        self.model.reveal_all()
        self.model.complete_pass()
        self.paint_state()

    def check_gradients(self) -> None:
        """Compare every gradient with finite differences, a few tensors per tick; boxes take the error's colour."""
        if not self.model.can_step():
            return
        self.runner.pause()
        self._animation.stop()
        self.model.reveal_all()
        if self.model.start_check():
            self._checker.start()
        self.paint_state()

    def set_broken(self, broken: bool) -> None:
        """"Break it": the naive Tensor (no child counting) for the backward pass shown, and a gradient check. On
        tensor-basics this goes to check 3, where the book uses a tensor twice with the naive Tensor."""
        self.buttons["break"].setChecked(broken)
        self.model.naive = broken
        runner = self.runner
        if broken and runner.experiment.id == BREAK_IT_EXPERIMENT and (
                runner.count != BREAK_IT_ITERATION or runner.mid_iteration):
            if runner.horizon >= BREAK_IT_ITERATION:
                runner.rewind_to(BREAK_IT_ITERATION)
            else:
                runner.run_to(BREAK_IT_ITERATION)
            self.refresh()
        self._animation.stop()
        self.model.checks = {}
        self.model.reveal_all()
        self.model.start_pass()
        if self.model.stage == BACKWARD:
            self.model.complete_pass()
        if broken:
            self.acted.emit("break_it")
            self.check_gradients()
        else:
            self.paint_state()

    # -- collapsing -----------------------------------------------------------------------------------------
    def collapse(self, key: tuple[str, int]) -> None:
        """Draw a layer call as one box."""
        self.model.collapse(key)
        self.rebuild()
        self.acted.emit("collapsed")

    def expand(self, key: tuple[str, int]) -> None:
        """Show the tensors of a collapsed layer call again."""
        self.model.expand(key)
        self.rebuild()
        self.acted.emit("expanded")

    def set_collapsed(self, collapsed: bool) -> None:
        """Collapse every top-level layer call (an RNN's time steps), or expand them all."""
        self.model.set_all_collapsed(collapsed)
        self.rebuild()
        self.acted.emit("collapsed" if collapsed else "expanded")

    def make_box_menu(self, key: tuple) -> QMenu:
        """A box's context menu: collapse the layer calls it belongs to, or expand it; show its code."""
        menu = QMenu(self)
        menu.setObjectName("graph_box_menu")
        model = self.model
        if key[0] == "group":
            group = (key[1], key[2])
            action = menu.addAction(self.words.expand(model.group_title(group)))
            action.triggered.connect(lambda: self.expand(group))
            parent = model.trace.groups[group].parent if model.trace else None
            if parent is not None:
                action = menu.addAction(self.words.collapse(model.group_title(parent)))
                action.triggered.connect(lambda: self.collapse(parent))
        else:
            for group in reversed(model.node(key[1]).groups):
                action = menu.addAction(self.words.collapse(model.group_title(group)))
                action.triggered.connect(lambda _=False, g=group: self.collapse(g))
        if model.collapsed:
            action = menu.addAction(self.words.expand_all())
            action.triggered.connect(lambda: self.set_collapsed(False))
        action = menu.addAction(self.words.show_code())
        action.triggered.connect(lambda: self.select(key))
        return menu

    # -- selection and code ---------------------------------------------------------------------------------
    def select(self, key: tuple) -> None:
        """Select a box: its code under the graph (forward lines, and the backward lines of its gradient)."""
        if key not in self.items:
            return
        self.selected = key
        self._show_code(key)
        self.paint_state()
        self.acted.emit("code_shown")
        box = self.model.layout.boxes[key] if self.model.layout else None
        error = self.model.box_error(box) if box is not None else None
        if error is not None and not error <= WRONG:
            self.acted.emit("wrong_gradient_found")

    def _show_code(self, key: tuple) -> None:
        model = self.model
        if model.trace is None or model.layout is None or key not in model.layout.boxes:
            return
        if key[0] == "group":
            layers = self.runner.experiment.graph_layers() if hasattr(self.runner.experiment, "graph_layers") else {}
            layer = layer_at(layers, key[1])
            lines = layer_lines(type(layer)) if layer is not None else None
            if lines is None:
                return
            self.source.show_lines(lines, self.words.layer_caption(model.group_title((key[1], key[2])), lines),
                                   "forward")
        else:
            node = model.node(key[1])
            lines = node_lines(model.trace, node)
            shown = model.gradient(node) is not None
            self.source.show_lines(lines, self.words.code_caption(node, lines, node is model.trace.root),
                                   "backward" if shown else "forward")
        if not self.source.isVisible():  # the graph keeps most of the room; the code gets about ten lines
            total = sum(self.splitter.sizes()) or self.splitter.height()
            code = min(max(round(total * 0.36), 90), 210)
            self.source.show()
            self.splitter.setSizes([max(total - code, 1), code])

    def _on_source_closed(self) -> None:
        self.selected = None
        self.paint_state()

    # -- building and painting ------------------------------------------------------------------------------
    def _release(self) -> None:
        """Take every item out of the scene and drop it (Python owns it then, and frees it at once)."""
        scene = self.scene()
        for item in (*self.items.values(), *self.edges, self.legend, self.note):
            if item is not None and item.scene() is scene:
                scene.removeItem(item)
        self.items, self.edges, self.legend, self.note = {}, [], None, None

    def rebuild(self) -> None:
        """New boxes and edges for the model's layout."""
        self._release()
        scene = self.scene()
        scene.setBackgroundBrush(QBrush(colours().surface))
        model = self.model
        if model.trace is None or model.layout is None:
            self.selected = None
            self.source.hide()
            self.note = QGraphicsSimpleTextItem(self.words.empty(self.runner))
            self.note.setBrush(QBrush(colours().muted))
            scene.addItem(self.note)
            scene.setSceneRect(self.note.boundingRect().adjusted(-20, -20, 20, 20))
            self.view.fit()
            self.paint_state()
            return
        if self.selected not in model.layout.boxes:
            self.selected = None
            self.source.hide()
        rects = {}
        where: dict[int, tuple] = {}
        for box in model.boxes():
            rects[box.key] = rect = box_rect(box)
            where.update((i, box.key) for i in box.nodes)
            if box.collapsed:  # its name, and the kind of layer where a tensor's box has its shape
                name, kind = model.group_name((box.key[1], box.key[2]))
                item = NodeItem(box.key, rect, name, kind, "", True, False, self.texts)
            else:
                node = model.node(box.nodes[0])
                item = NodeItem(box.key, rect, node.label(), self.words.shape(node.shape),
                                op_symbol(node.creation_op), False, node.parameter, self.texts)
            scene.addItem(item)
            self.items[box.key] = item
        slots: dict[tuple, int] = {}
        for e in model.trace.edges:
            slots.setdefault((where[e.source], where[e.target]), e.slot)
        for le in model.layout.edges:
            target = model.layout.boxes[le.target]
            inputs = 1
            if not target.collapsed:
                inputs = len(model.node(target.nodes[0]).creators or ())
            has_pill = bool(self.items[le.target].op)
            start = exit_point(rects[le.source])
            end = entry_point(rects[le.target], has_pill, slots.get((le.source, le.target), 0), inputs)
            edge = EdgeItem(edge_path(start, end), start, end, le.count, le.source, le.target)
            scene.addItem(edge)
            self.edges.append(edge)
        graph_rect = scene.itemsBoundingRect()
        self.legend = LegendItem(self.texts, graph_rect.width())
        self.legend.setPos(legend_origin(graph_rect))
        scene.addItem(self.legend)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-24, -16, 24, 16))
        self.view.focus_rect = rects[where[model.trace.root.index]]
        self.view.fit()
        self.paint_state()

    def paint_state(self) -> None:
        """Set every box's pictures and marks, the lit edges, the legend, the caption and the buttons."""
        model = self.model
        self._update_buttons()
        self.caption.setText(self.words.caption(model, self.runner))
        if model.trace is None or model.layout is None:
            self.view.setAccessibleDescription(self.caption.text())
            return
        playing = self.runner.playing
        last = model.last.node if model.last is not None else None
        last_box = model.layout.box_of(last.index).key if last is not None else None
        sources = {model.layout.box_of(i).key for i in model.passed_on(last)} if last is not None else set()
        for box in model.boxes():
            item = self.items.get(box.key)
            if item is None:
                continue
            node = model.output(box)
            received, expected = model.counts(node)
            badge = None
            if model.backward is not None and received > 0 and expected > 1:
                state = "waiting" if received < expected else "done"
                if not model.active_policy.counted and expected > 1:
                    state = "early"  # the naive Tensor overwrote instead of waiting
                badge = (received, expected, state)
            changed = item.set_values(node.data if model.data_shown(node) else None, model.gradient(node))
            changed |= item.set_marks(badge, box.key == last_box, box.key == self.selected, model.box_error(box))
            if changed:
                item.update()
        for edge in self.edges:
            if edge.set_lit(edge.target == last_box and edge.source in sources):
                edge.update()
        if self.legend is not None and self.legend.set_checked(bool(model.checks)):
            self.legend.update()
        if not playing:  # words for people who hover and read: once the picture has settled, not per frame
            self._words.start()

    def _write_words(self) -> None:
        """Every box's tooltip and the text alternative (not written while the run plays)."""
        for box in self.model.boxes():
            item = self.items.get(box.key)
            if item is not None:
                item.setToolTip(self.words.tip(self.model, box))
        text = self.describe()
        self.view.setAccessibleDescription(text)
        self.setAccessibleDescription(text)  # the view as a whole says it too

    def _update_buttons(self) -> None:
        model = self.model
        can = model.can_step()
        self.buttons["step"].setEnabled(can and not model.checking)
        self.buttons["complete"].setEnabled(can and not model.checking and not model.pass_done)
        self.buttons["check"].setEnabled(can and not model.checking)
        self.buttons["break"].setEnabled(model.trace is not None or self.runner.experiment.id == BREAK_IT_EXPERIMENT)
        self.buttons["break"].setChecked(model.naive)
        self.buttons["collapse"].setEnabled(model.trace is not None and bool(model.trace.groups))
        self.buttons["collapse"].setChecked(bool(model.collapsed))
        self.buttons["fit"].setEnabled(model.trace is not None)

    # -- timers ---------------------------------------------------------------------------------------------
    def _animation_due(self) -> bool:
        model = self.model
        if model.trace is None:
            return False
        if len(model.revealed) < len(model.trace.nodes):
            return True
        return model.stage == BACKWARD and self._auto_backward and model.backward is not None and not model.pass_done

    def _on_animation_timeout(self) -> None:
        model = self.model
        if model.trace is None or model.layout is None or not self._animation_due():
            self._animation.stop()
            model.last = None if self._auto_backward else model.last
            self.paint_state()
            return
        if len(model.revealed) < len(model.trace.nodes):
            for _ in range(max(1, math.ceil(model.layout.columns / ANIMATION_TICKS))):
                model.reveal_next()
        else:
            for _ in range(max(1, math.ceil(len(model.trace.nodes) / ANIMATION_TICKS))):  # about one step a node
                if model.pass_done or model.step() is None:
                    break
        self.paint_state()

    def settle(self) -> None:
        """Finish any animation at once (data and gradients all lit)."""
        if self._animation.isActive():
            self._animation.stop()
            self.model.reveal_all()
            if self.model.stage == BACKWARD and self._auto_backward:
                self.model.complete_pass()
            self.paint_state()

    def _on_checker_timeout(self) -> None:
        done = self.model.check_some(CHECK_BUDGET_S)
        self.paint_state()
        if done:
            self._checker.stop()
            self.acted.emit("gradient_check")

    # -- runner events --------------------------------------------------------------------------------------
    def _take_layer_types(self) -> None:
        layers = getattr(self.runner.experiment, "graph_layers", None)
        self.model.types = layer_types(layers()) if callable(layers) else {}

    def _on_runner_advanced(self, *_: Any) -> None:
        runner = self.runner
        if runner.playing:
            # While playing, the graph is traced here, at most every PLAYING_MS, when the experiment holds a whole
            # loss: between two iterations, or after COMPARE (a data-set experiment often pauses there between two
            # ticks of the runner); after PREDICT its graph has no loss yet.
            now = time.perf_counter()
            phase = runner.current_phase.phase if runner.current_phase is not None else None
            whole = not runner.mid_iteration or phase is Phase.COMPARE
            if not whole or not self.isVisible() or now - self._captured_at < PLAYING_MS / 1000:
                return
            graph = getattr(runner.experiment, "graph", None)
            self._captured = graph() if callable(graph) else None
            self._captured_at = now
        self._repaint.schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._repaint.schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._repaint.schedule()

    def _on_runner_reset_done(self) -> None:
        self._animation.stop()
        self._checker.stop()
        self.model.forget()
        self.refresh()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self._animation.stop()
        self._checker.stop()
        self.model.forget(collapsed_too=True)
        self.selected = None
        self.source.hide()
        self._take_layer_types()
        self.refresh()

    def _on_runner_playing_changed(self, playing: bool) -> None:
        self._repaint.set_interval(2 * REPAINT_MS if playing else REPAINT_MS)
        # Smooth edges cost about a third of a frame: while the run plays, the picture changes too fast to see them.
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing, not playing)
        if playing:
            self.settle()
        self._after_play = not playing  # the next picture: at once (no animation), with its words written again
        self._repaint.schedule()

    def _on_fit_clicked(self) -> None:
        self.view.fit_all()

    def _on_view_box_double_clicked(self, key: tuple) -> None:
        if key[0] == "group":
            self.expand((key[1], key[2]))
            return
        group = self.model.innermost_group(self.model.node(key[1]))
        if group is not None:
            self.collapse(group)

    def _on_view_box_menu(self, key: tuple, where: QPoint) -> None:
        menu = self.make_box_menu(key)
        menu.exec(where)
        menu.deleteLater()  # with it go its callbacks
