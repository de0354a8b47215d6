"""The diagram panel: the view of the scene, the three pictures, selection, editing and freezing weights."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QContextMenuEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGraphicsItemGroup,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsView,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.counting import iteration_text, shown_iteration
from desktop.format import exact, num
from desktop.repaint import Repaint
from desktop.runner import Runner
from desktop.theme import colours
from desktop.units import unit_name
from desktop.views import described, network_of
from desktop.views.network.diagram.blocks import BlocksPicture
from desktop.views.network.diagram.common import REPAINT_MS, STYLES, Selection, parse_weight
from desktop.views.network.diagram.editor import WeightEditor
from desktop.views.network.diagram.full import FullPicture
from desktop.views.network.diagram.grouped import GroupedPicture, grouped
from desktop.views.network.diagram.items import LinkItem, NodeItem, RegionItem
from desktop.views.network.diagram.letters import LettersPicture
from desktop.views.network.diagram.picture import Picture, frozen_mask
from desktop.widgets import ElidedLabel
from learning.analysis import units_off
from learning.experiment import ParamError, Phase
from learning.network import Network

PICTURES: dict[str, type[Picture]] = {"full": FullPicture, "blocks": BlocksPicture, "letters": LettersPicture}


# -- the panel ----------------------------------------------------------------------------------------
class DiagramView(QGraphicsView):
    """The view of the diagram's scene; keeps the whole picture in sight when resized."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("diagram_view")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.legend: QGraphicsItemGroup | None = None

    def fit(self, legend: QGraphicsItemGroup | None = None) -> None:
        """Fit the scene's items into the view, keeping their proportions; the legend goes below the network or
        beside it, wherever the picture comes out larger."""
        scene = self.scene()
        if legend is not None and legend.scene() is scene:
            body = QRectF()
            for item in scene.items():
                # topLevelItem(), not parentItem() is None: in PySide 6.11 parentItem() returning None hands
                # the item to Python, which then deletes it with the wrapper (seen with addEllipse/addLine items)
                if item.topLevelItem() is item and item is not legend:
                    body = body.united(item.sceneBoundingRect())
            size = legend.childrenBoundingRect()
            below = QPointF(body.left(), body.bottom() + 16)
            beside = QPointF(body.right() + 36, body.center().y() - size.height() / 2)
            view_w, view_h = max(self.viewport().width(), 1), max(self.viewport().height(), 1)

            def scale(at: QPointF) -> float:
                whole = body.united(size.translated(at))
                return min(view_w / (whole.width() + 60), view_h / (whole.height() + 40))

            legend.setPos(below if scale(below) >= scale(beside) else beside)
        rect = scene.itemsBoundingRect().adjusted(-30, -20, 30, 20)
        scene.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit(self.legend)


class DiagramPanel(QWidget):
    """The network of the running experiment in one of chapter 7's three pictures, redrawn at most 30 times
    a second. `scene()` is what File → Export diagram renders: the picture on screen."""

    style_changed = Signal(str)
    selection_changed = Signal(object)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("diagram")
        self._style = "full"
        self.selection: Selection = None
        self.picture: Picture | None = None
        self._sizes: tuple[Any, ...] = ()

        self.style_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        header = QHBoxLayout()
        header.setContentsMargins(6, 4, 6, 0)
        header.setSpacing(0)
        for name in STYLES:
            button = QToolButton()
            button.setObjectName(f"diagram_style_{name}")
            button.setCheckable(True)
            button.setChecked(name == self._style)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _=False, n=name: self.set_diagram_style(n))
            self._group.addButton(button)
            header.addWidget(button)
            self.style_buttons[name] = button
        header.addSpacing(12)
        self.caption = ElidedLabel()  # a long caption is cut (whole in its tooltip), never widening the view
        self.caption.setObjectName("diagram_caption")
        self.caption.setStyleSheet(f"color: {colours().muted.name()}")
        header.addWidget(self.caption, 1)

        self.view = DiagramView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self.editor = WeightEditor(self, self._apply_edit)
        self._editing: tuple[str, int, int] | None = None

        self._repaint = Repaint(self, self.refresh, REPAINT_MS)
        runner.experiment_changed.connect(self._on_runner_experiment_changed)
        runner.reset_done.connect(self._on_runner_reset_done)
        runner.advanced.connect(self._on_runner_advanced)
        runner.phase_stepped.connect(self._on_runner_phase_stepped)
        runner.param_changed.connect(self._on_runner_param_changed)
        runner.weights_edited.connect(self._on_runner_weights_edited)
        runner.rewound.connect(self._on_runner_rewound)
        self.retranslate()  # texts, then the first picture

    def _style_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "full": (self.tr("Full"), self.tr("Every unit a circle and every weight a line, as in chapters 3–6; "
                                              "click a line to edit its weight, right-click to freeze it")),
            "blocks": (self.tr("Blocks"), self.tr("Each layer a vector (a strip of cells) and each weight matrix a "
                                                  "block with its shape: the LEGO pieces of chapter 7")),
            "letters": (self.tr("Letters"), self.tr("The same network in letters, l0 —W0→ l1, with the formulas "
                                                    "and the code's names (layer_0, weights_0_1)")),
        }

    def retranslate(self) -> None:
        """Buttons, caption and the picture's own words in the current language."""
        self.view.setAccessibleName(self.tr("Network diagram"))
        for name, (text, tip) in self._style_texts().items():
            self.style_buttons[name].setText(text)
            self.style_buttons[name].setToolTip(tip)
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- public -----------------------------------------------------------------------------
    def scene(self) -> QGraphicsScene:
        """The scene of the picture on screen (what export renders)."""
        return self.view.scene()

    def export_source(self) -> QGraphicsScene:
        """What File → Export view draws: the picture (its on-screen hints left out)."""
        return self.scene()

    def describe(self) -> str:
        """A text alternative of the picture, for screen readers: the layers, the moment shown and the error."""
        net = self.network()
        layers = " → ".join(self.tr("{0} ({1} units)").format(
            self.layer_title(i, len(net.layers), layer.activation), layer.size) for i, layer in enumerate(net.layers))
        text = self.tr("Network: {0}. {1}.").format(layers, self.stage_text().replace("\n", "; "))
        error = self.phase_values().get("error")
        return text + (" " + self.tr("Error {0}.").format(num(float(np.sum(error)), 4)) if error is not None else "")

    def diagram_style(self) -> str:
        """The picture on screen: "full", "blocks" or "letters"."""
        return self._style

    def set_diagram_style(self, style: str) -> None:
        """Switch to another picture of the same network; the selection stays."""
        if style not in STYLES:
            raise ValueError(f"unknown diagram style {style!r}; known: {', '.join(STYLES)}")
        button = self.style_buttons[style]
        if not button.isChecked():
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
        if style == self._style:
            return
        self._style = style
        self.editor.hide()
        self.rebuild()
        self.style_changed.emit(style)

    def select(self, key: Selection) -> None:
        """Select a layer ("layer", i) or a weight matrix ("weights", k) in every picture; None clears."""
        if key == self.selection:
            return
        self.selection = key
        if self.picture is not None:
            self.picture.highlight(key)
        self._write_caption()
        self.selection_changed.emit(key)

    def rebuild(self) -> None:
        """Lay the scene out again for the current experiment's network in the current picture."""
        scene = self.scene()
        # Let go of every wrapper of the old items while their C++ objects still live: a wrapper that outlives
        # scene.clear() (the picture sits in reference cycles through its callbacks, so only the garbage collector
        # would free it, later) deletes whatever the freed memory holds by then, or crashes.
        self.view.legend = None
        if self.picture is not None:
            self.picture.release()
            self.picture = None
        scene.clear()
        scene.setBackgroundBrush(QBrush(colours().surface))
        net = self.network()
        self._sizes = self._shape_of(net)
        if self.selection is not None and not self._exists(net, self.selection):
            self.selection = None
        if not net.layers:  # an experiment without a network diagram: say so instead of a picture
            note = scene.addSimpleText(self.tr("This experiment has no network diagram; its own views show it"))
            note.setBrush(QBrush(colours().muted))
            self._write_caption()
            self.view.fit()
            return
        kind = GroupedPicture if self._style == "full" and grouped(net) else PICTURES[self._style]
        self.picture = kind(self, net)
        self.picture.add_stage()
        self.refresh()
        self.picture.highlight(self.selection)
        self._write_caption()
        self.view.legend = self.picture.legend
        self.view.fit(self.picture.legend)

    @described
    def refresh(self) -> None:
        """Show the network's current values, weights and the last error."""
        net = self.network()
        if self._shape_of(net) != self._sizes:
            self.rebuild()
            return
        if self.picture is not None:
            self.picture.refresh(net)
            self.picture.set_stage(self.stage_text())

    def network(self) -> Network:
        """The experiment's network, or an empty one for an experiment without a network diagram (chapter 13's
        recurrent network and checks, chapter 14's models: their own views show them)."""
        return network_of(self.runner.experiment) or Network([])

    def scene_rect(self) -> QRectF:
        """The drawn area, for export."""
        return self.scene().sceneRect()

    def link_items(self) -> list[LinkItem]:
        """All link items of the full picture (empty in the other pictures)."""
        if not isinstance(self.picture, FullPicture):
            return []
        return [link for links in self.picture.links for link in links.values()]

    def node_items(self) -> list[NodeItem]:
        """All node items of the full picture, in layer order."""
        if not isinstance(self.picture, FullPicture):
            return []
        return [n for nodes in self.picture.nodes for n in nodes.values()]

    def region_items(self) -> dict[tuple[str, int], RegionItem]:
        """The clickable, highlightable area of each layer and matrix in the picture on screen."""
        return dict(self.picture.regions) if self.picture is not None else {}

    # -- texts shared by the pictures ---------------------------------------------------------------
    def layer_title(self, index: int, count: int, activation: str | None) -> str:
        """input / hidden / output, with the activation."""
        if index == 0:
            text = self.tr("input")
        elif index == count - 1:
            text = self.tr("output")
        else:
            text = self.tr("hidden")
        return f"{text} ({activation})" if activation else text

    @staticmethod
    def layer_code(net: Network, index: int) -> str:
        """The layer's name in the code (layer_0 when the experiment gives none)."""
        return net.layers[index].code_name or f"layer_{index}"

    @staticmethod
    def weights_code(net: Network, index: int) -> str:
        """The matrix's name in the code (weights_0_1 when the experiment gives none)."""
        w = net.weights[index]
        return w.code_name or f"weights_{w.source}_{w.target}"

    def shown_iteration(self) -> int | None:
        """The number of the iteration whose values the diagram shows (README, "Counting"), None before the first."""
        return shown_iteration(self.runner)

    def learned(self) -> bool:
        """True when the shown iteration has learned: its weights are updated, its values are from before."""
        runner = self.runner
        phase = runner.current_phase.phase if runner.current_phase is not None else None
        learning = runner.mid_iteration and phase is Phase.LEARN  # learned, its test pass still under way
        return (self.shown_iteration() is not None and (not runner.mid_iteration or learning)
                and Phase.LEARN in runner.experiment.phases_used)

    def stage_text(self) -> str:
        """Which moment the picture shows: the iteration, and whether its weights are already updated."""
        runner = self.runner
        if self.shown_iteration() is None:
            return self.tr("before the first iteration: the weights it will predict with")
        if self.learned():
            if runner.used_weights is not None and getattr(self.picture, "labels_weights", False):
                return self.tr("{0} · after learn\nlabel a → b: the weight used → the weight after learn").format(
                    iteration_text(runner))
            return self.tr("{0} · after learn\nits prediction came from the weights before; the weights shown are "
                           "after learn").format(iteration_text(runner))
        if runner.mid_iteration:
            return self.tr("{0}: the weights are not updated yet").format(iteration_text(runner))
        return iteration_text(runner)

    def used_weight(self, index: int, row: int, column: int) -> float | None:
        """The value weight [row, column] of matrix `index` had when the shown iteration predicted, if it has
        learned since (and the runner kept it); None otherwise."""
        used = self.runner.used_weights
        if not self.learned() or used is None:
            return None
        w = self.network().weights[index]
        array = used.get(w.name)
        if array is None or array.shape != w.values.shape:
            return None
        return float(array[row, column])

    def phase_values(self) -> dict[str, Any]:
        """The values of the current (or last) iteration's phases so far."""
        values: dict[str, Any] = {}
        for result in self.runner.iteration_phases:
            values.update(result.values)
        return values

    def _shown_network(self) -> Network | None:
        """The network the picture on screen was drawn for; None when another experiment's has replaced it and the
        picture is not rebuilt yet (a hover Qt replays while the window re-arranges for the new experiment)."""
        net = self.network()
        return net if self._shape_of(net) == self._sizes else None

    def unit_tip(self, layer_index: int, unit: int) -> str:
        """Hover text of one unit."""
        net = self._shown_network()
        if net is None:
            return ""
        layer = net.layers[layer_index]
        value = None if layer.values is None else float(layer.values[unit])
        tip = f"{unit_name(layer.units[unit])} = {exact(value) if value is not None else '–'}"
        if bool(units_off(layer)[unit]):
            tip += "\n" + self.tr("off: relu gave 0, so nothing flows on from this unit and its incoming weights "
                                  "do not learn from this example")
        return tip

    def goal_tip(self, unit: int) -> str:
        """Hover text of one goal cell."""
        net = self._shown_network()
        if net is None:
            return ""
        layer = net.layers[-1]
        goal = None if layer.goals is None else float(layer.goals[unit])
        return self.tr("goal for {0} = {1}").format(unit_name(layer.units[unit]),
                                                     exact(goal) if goal is not None else "–")

    def weight_tip(self, index: int, row: int, column: int) -> str:
        """Hover text of one weight: its value, its last weight_delta and the input that drove it."""
        net = self._shown_network()
        if net is None:
            return ""
        w = net.weights[index]
        source, target = net.layers[w.source], net.layers[w.target]
        value = float(w.values[row, column])
        tip = f"{w.name}: {unit_name(source.units[column])} → {unit_name(target.units[row])} = {exact(value)}"
        used = self.used_weight(index, row, column)
        if used is not None:
            tip += " " + self.tr("(after learn)") + "\n" + self.tr("used for the prediction: {0}").format(exact(used))
        if w.last_delta is not None:
            tip += "\n" + self.tr("last weight_delta = {0}").format(exact(float(w.last_delta[row, column])))
        if source.values is not None:
            tip += "\n" + self.tr("input that drove it: {0} = {1}").format(unit_name(source.units[column]),
                                                                          exact(float(source.values[column])))
        frozen = frozen_mask(w)
        if frozen is not None and frozen[row, column]:
            tip += "\n" + self.tr("frozen: it does not learn")
        return tip

    # -- editing ---------------------------------------------------------------------------------
    def edit_link(self, link: LinkItem, scene_pos: QPointF) -> None:
        """Open the inline editor for the weight a link stands for (and select its matrix)."""
        net = self._shown_network()
        if link.ref is None or net is None:
            return
        index, name, row, column = link.ref
        self.select(("weights", index))
        w = net.weights[index]
        source, target = net.layers[w.source].units[column], net.layers[w.target].units[row]
        title = f"{w.name}: {unit_name(source)} → {unit_name(target)}"
        self._editing = (name, row, column)
        where = self.view.mapTo(self, self.view.mapFromScene(scene_pos))
        self.editor.open(title, float(w.values[row, column]), QPointF(where))

    def _apply_edit(self, text: str) -> str | None:
        """Apply the editor's text; returns what is wrong with it, or None when applied."""
        if self._editing is None:
            return None
        try:
            value = parse_weight(text)
        except ValueError:
            return self.tr("“{0}” is not a number: type a weight like 0.25 or −1.5").format(text.strip())
        name, row, column = self._editing
        try:
            self.runner.set_weight(name, row, column, value)
        except ParamError as exc:
            return str(exc)
        self.caption.setText(self.tr("{0} set to {1}: the run continues from it").format(name, num(value, 6)))
        self._editing = None
        return None

    def link_menu(self, link: LinkItem, event: QGraphicsSceneContextMenuEvent) -> None:
        """The context menu of a link: edit, freeze or unfreeze."""
        menu = self.make_link_menu(link)
        menu.exec(event.screenPos())
        menu.deleteLater()  # with it go its callbacks, which hold the link

    def make_link_menu(self, link: LinkItem) -> QMenu:
        """Build a link's menu: Edit weight…, and Freeze/Unfreeze where the experiment supports it."""
        assert link.ref is not None
        index, name, row, column = link.ref
        menu = QMenu(self)
        menu.setObjectName("link_menu")
        edit = menu.addAction(self.tr("Edit weight…"))
        edit.setObjectName("link_edit")
        edit.triggered.connect(lambda: self.edit_link(link, link.midpoint()))
        can_freeze = hasattr(self.runner.experiment, "set_frozen")
        freeze = menu.addAction(self.tr("Unfreeze this weight") if link.frozen else self.tr("Freeze this weight"))
        freeze.setObjectName("link_freeze")
        freeze.setEnabled(can_freeze)
        if not can_freeze:
            freeze.setToolTip(self.tr("This experiment cannot freeze weights"))
        menu.setToolTipsVisible(True)
        freeze.triggered.connect(lambda: self._freeze(name, row, column, not link.frozen))
        return menu

    def _freeze(self, name: str, row: int, column: int, frozen: bool) -> None:
        try:
            self.runner.set_frozen(name, row, column, frozen)
        except ParamError as exc:
            self.caption.setText(str(exc))
            return
        self.caption.setText(self.tr("{0}[{1}, {2}] is frozen: it will not change").format(name, row, column)
                             if frozen else self.tr("{0}[{1}, {2}] learns again").format(name, row, column))
        self.refresh()

    # -- runner events ---------------------------------------------------------------------------
    def _schedule(self) -> None:
        self._repaint.schedule()

    def _on_runner_experiment_changed(self, *_: Any) -> None:
        self.editor.hide()
        self.selection = None
        self.rebuild()

    def _on_runner_reset_done(self) -> None:
        self.rebuild()

    def _on_runner_advanced(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_phase_stepped(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_param_changed(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_weights_edited(self, *_: Any) -> None:
        self._schedule()

    def _on_runner_rewound(self, *_: Any) -> None:
        self._schedule()

    # -- helpers -----------------------------------------------------------------------------------
    @staticmethod
    def _shape_of(net: Network) -> tuple[Any, ...]:
        return (tuple((layer.size, layer.image_shape, layer.activation, layer.goals is not None)
                      for layer in net.layers),
                tuple((w.name, w.source, w.target, w.shape) for w in net.weights))

    @staticmethod
    def _exists(net: Network, key: tuple[str, int]) -> bool:
        kind, index = key
        return 0 <= index < (len(net.layers) if kind == "layer" else len(net.weights))

    def _write_caption(self) -> None:
        net = self.network()
        if self.selection is None:
            self.caption.setText(self.tr("Click a layer or a matrix to follow it across the three pictures"))
            return
        kind, index = self.selection
        if kind == "layer":
            layer = net.layers[index]
            text = self.tr("l{0} = {1}: {2}, {3} units").format(
                index, self.layer_code(net, index), self.layer_title(index, len(net.layers), layer.activation),
                layer.size)
        else:
            w = net.weights[index]
            text = self.tr("W{0} = {1}: {2}×{3}, from l{4} to l{5}").format(
                index, self.weights_code(net, index), w.shape[1], w.shape[0], w.source, w.target)
        self.caption.setText(text)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        event.accept()  # links have their own menu; elsewhere there is nothing to offer
