"""The diagram driven as a learner drives it: three pictures, linked selection, editing and freezing weights."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from desktop.export import export_scene
from desktop.runner import Runner
from desktop.views.network.diagram import DiagramPanel, GridItem, ImageLayerItem, fixed, parse_weight
from learning.analysis import units_off
from learning.catalogue import get
from learning.experiment import Experiment, Param, ParamError, Phase
from learning.network import DataTable, Layer, Network, Weights

LIGHTS = np.array([[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1]], dtype=float)
WALK = np.array([[1], [1], [0], [0]], dtype=float)


class Backprop(Experiment):
    """A stand-in for ch06.backprop: 3 -> 4 (relu) -> 1 on the XOR-like streetlights, with freezing."""

    id = "test.backprop"
    title = "backprop stand-in"
    chapter = 6
    params = (Param("alpha", 0.2, "learning rate", 0.0, 10.0, live=True),)
    iterations = 240
    epoch_size = 4
    epochs = 60
    default_seed = 1

    def setup(self):
        self.w01 = 2 * self.rs.random_sample((3, 4)) - 1
        self.w12 = 2 * self.rs.random_sample((4, 1)) - 1
        self.frozen01 = np.zeros((4, 3), bool)
        self.frozen12 = np.zeros((1, 4), bool)
        self.l0 = self.l1 = self.l2 = self.d01 = self.d12 = None

    def iteration(self):
        i = self.iteration_index % 4
        l0, y = LIGHTS[i:i + 1], WALK[i:i + 1]
        l1 = np.maximum(0, l0 @ self.w01)
        l2 = l1 @ self.w12
        self.l0, self.l1, self.l2 = l0[0], l1[0], l2[0]
        yield Phase.PREDICT, {"layer_1": l1[0], "layer_2": l2[0]}
        d2 = l2 - y
        yield Phase.COMPARE, {"error": float(np.sum(d2 ** 2))}
        d1 = d2 @ self.w12.T * (l1 > 0)
        wd12, wd01 = l1.T @ d2, l0.T @ d1
        wd12[self.frozen12.T] = 0
        wd01[self.frozen01.T] = 0
        self.w12 -= self.alpha * wd12
        self.w01 -= self.alpha * wd01
        self.d12, self.d01 = wd12.T, wd01.T
        yield Phase.LEARN, {"alpha": self.alpha}

    def network(self):
        return Network(
            [Layer("input", ("left", "middle", "right"), self.l0, code_name="layer_0"),
             Layer("hidden", tuple(f"hidden[{k}]" for k in range(4)), self.l1, activation="relu",
                   code_name="layer_1"),
             Layer("output", ("walk",), self.l2, goals=WALK[self.iteration_index % 4], code_name="layer_2")],
            [Weights("weights_0_1", 0, 1, self.w01.T, frozen=self.frozen01, last_delta=self.d01,
                     code_name="weights_0_1"),
             Weights("weights_1_2", 1, 2, self.w12.T, frozen=self.frozen12, last_delta=self.d12,
                     code_name="weights_1_2")])

    def _matrix(self, name):
        try:
            return {"weights_0_1": self.w01, "weights_1_2": self.w12}[name]
        except KeyError:
            raise ParamError(f"no weight {name!r}") from None

    def set_weight(self, name, row, column, value):
        self._matrix(name)[column, row] = value

    def set_frozen(self, name, row, column, frozen):
        self._matrix(name)
        {"weights_0_1": self.frozen01, "weights_1_2": self.frozen12}[name][row, column] = frozen

    def data_table(self):
        return DataTable(LIGHTS, WALK, ("left", "middle", "right"), ("walk",), current=self.iteration_index % 4)

    def predict(self, inputs):
        return np.maximum(0, inputs @ self.w01) @ self.w12


class Pixels(Experiment):
    """A 28x28 image input (784 units) feeding 40 hidden units and 10 outputs: too big to draw unit by unit."""

    id = "test.pixels"
    title = "pixels stand-in"
    chapter = 8

    def setup(self):
        self.x = np.linspace(0, 1, 784)
        self.w01 = np.linspace(-1, 1, 40 * 784).reshape(40, 784)
        self.w12 = np.ones((10, 40)) * 0.01

    def iteration(self):
        yield Phase.PREDICT, {}

    def network(self):
        hidden = np.maximum(0, self.w01 @ self.x)
        return Network(
            [Layer("input", tuple(f"px{k}" for k in range(784)), self.x, image_shape=(28, 28)),
             Layer("hidden", tuple(f"h{k}" for k in range(40)), hidden, activation="relu"),
             Layer("output", tuple(str(k) for k in range(10)), self.w12 @ hidden)],
            [Weights("weights_0_1", 0, 1, self.w01), Weights("weights_1_2", 1, 2, self.w12)])


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = DiagramPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(1000, 560)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def click_scene(qtbot, panel, point, button=Qt.MouseButton.LeftButton):
    view = panel.view
    qtbot.mouseClick(view.viewport(), button, pos=view.mapFromScene(point))


def right_click_and_choose(panel, point, action_name):
    """Open the context menu at a scene point as a right click does, and pick an action by object name."""
    view = panel.view
    pos = view.mapFromScene(point)
    seen = {}

    def choose():
        menu = QApplication.activePopupWidget()
        seen["actions"] = {a.objectName(): a for a in menu.actions()}
        action = seen["actions"][action_name]
        seen["enabled"] = action.isEnabled()
        seen["text"] = action.text()
        if action.isEnabled():
            action.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    QApplication.sendEvent(view.viewport(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)))
    return seen


def point_on(link, fraction=0.62):
    line = link.line()
    return line.p1() + (line.p2() - line.p1()) * fraction


def link_for(panel, name, row, column):
    return next(link for link in panel.link_items() if link.ref and link.ref[1:] == (name, row, column))


def test_the_three_pictures_switch_by_click_and_show_the_same_live_network(qtbot, panel_for):
    runner, panel = panel_for(Backprop())
    runner.step()
    panel.refresh()
    assert panel.diagram_style() == "full"
    assert len(panel.link_items()) == 3 * 4 + 4 and len(panel.node_items()) == 3 + 4 + 1
    for name, button in panel.style_buttons.items():
        assert button.toolTip(), name

    with qtbot.waitSignal(panel.style_changed) as changed:
        qtbot.mouseClick(panel.style_buttons["blocks"], Qt.MouseButton.LeftButton)
    assert changed.args == ["blocks"] and panel.diagram_style() == "blocks"
    assert panel.link_items() == []
    grids = [item for item in panel.scene().items() if isinstance(item, GridItem)]
    shapes = sorted((g.rows, g.columns) for g in grids)
    # three layer strips (3, 4, 1 units), the goal strip, and the blocks W0 3x4 and W1 4x1
    assert shapes == sorted([(3, 1), (4, 1), (1, 1), (1, 1), (3, 4), (4, 1)])
    texts = {item.text() for item in panel.scene().items() if hasattr(item, "text") and callable(item.text)}
    assert {"W0", "W1", "  3×4", "  4×1", "relu", "weights_0_1", "layer_1"} <= texts
    w0 = next(g for g in grids if (g.rows, g.columns) == (3, 4))
    np.testing.assert_array_equal(w0.values, runner.experiment.w01)  # rows = inputs, as the code holds it

    qtbot.mouseClick(panel.style_buttons["letters"], Qt.MouseButton.LeftButton)
    assert panel.style_buttons["letters"].isChecked() and not panel.style_buttons["blocks"].isChecked()
    formulas = [item.toPlainText() for item in panel.scene().items() if isinstance(item, QGraphicsTextItem)]
    assert any(f.startswith("l1 = relu(l0·W0)") and "layer_1 = relu(layer_0 · weights_0_1)" in f
               for f in formulas)
    assert any(f.startswith("l2 = l1·W1") for f in formulas)
    # values are live: one more step changes the numbers the letters show
    before = sorted(formulas)
    runner.step()
    qtbot.waitUntil(lambda: sorted(item.toPlainText() for item in panel.scene().items()
                                   if isinstance(item, QGraphicsTextItem)) != before, timeout=2000)

    qtbot.mouseClick(panel.style_buttons["full"], Qt.MouseButton.LeftButton)
    assert len(panel.link_items()) == 16


def test_selecting_a_layer_in_one_picture_highlights_it_in_the_others(qtbot, panel_for):
    runner, panel = panel_for(Backprop())
    runner.step()
    panel.set_diagram_style("blocks")
    regions = panel.region_items()
    with qtbot.waitSignal(panel.selection_changed) as selected:
        click_scene(qtbot, panel, regions[("layer", 1)].boundingRect().center())
    assert selected.args == [("layer", 1)]
    assert panel.region_items()[("layer", 1)].selected
    assert "layer_1" in panel.caption.text() and "4 units" in panel.caption.text()

    qtbot.mouseClick(panel.style_buttons["full"], Qt.MouseButton.LeftButton)
    regions = panel.region_items()
    assert regions[("layer", 1)].selected and not regions[("layer", 0)].selected
    hidden = panel.node_items()[3:7]
    assert all(node.pen().widthF() == 3.0 for node in hidden)
    assert all(node.pen().widthF() < 3.0 for node in panel.node_items()[:3])

    # now pick the second matrix in the full picture (the space between hidden and output) ...
    click_scene(qtbot, panel, QPointF(regions[("weights", 1)].boundingRect().center().x(),
                                      regions[("weights", 1)].boundingRect().top() + 12))
    assert panel.selection == ("weights", 1)
    assert "W1 = weights_1_2: 4×1" in panel.caption.text()
    # ... and the letters picture shows it selected, in its column and in the formula
    qtbot.mouseClick(panel.style_buttons["letters"], Qt.MouseButton.LeftButton)
    assert panel.region_items()[("weights", 1)].selected
    html = [item.toHtml() for item in panel.scene().items() if isinstance(item, QGraphicsTextItem)]
    assert any("W1</span>" in h and "font-weight" in h for h in html)


def test_click_a_link_to_edit_its_weight_and_the_run_continues_from_it(qtbot, panel_for):
    runner, panel = panel_for(get("ch04.gradient-descent")())
    runner.step()
    panel.refresh()
    link = panel.link_items()[0]
    click_scene(qtbot, panel, point_on(link))
    editor = panel.editor
    assert editor.isVisible() and "input → prediction" in editor.title.text()
    assert editor.field.text() == repr(runner.experiment.weight)
    assert panel.selection == ("weights", 0)

    # a word is refused with a visible message; nothing changes
    weight = runner.experiment.weight
    editor.field.selectAll()
    qtbot.keyClicks(editor.field, "half")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.message.isVisible()
    assert "“half” is not a number" in editor.message.text()
    assert runner.experiment.weight == weight and runner.weight_edits == 0

    # a number (with the typographic minus) is taken; the next iteration starts from it
    editor.field.selectAll()
    editor.field.insert("−")  # pasted: QTest can only type Latin-1 characters
    qtbot.keyClicks(editor.field, "0,25")
    with qtbot.waitSignal(runner.weights_edited) as edited:
        qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert edited.args == ["weight", 0, 0]
    assert not editor.isVisible()
    assert runner.experiment.weight == -0.25
    assert "continues" in panel.caption.text()
    qtbot.waitUntil(lambda: link.weight == -0.25, timeout=2000)
    runner.step()
    assert runner.history.last_record["weight"] == -0.25
    assert runner.history.last_record["prediction"] == 0.5 * -0.25


def test_escape_closes_the_editor_without_changing_anything(qtbot, panel_for):
    runner, panel = panel_for(get("ch04.alpha")())
    click_scene(qtbot, panel, point_on(panel.link_items()[0]))
    assert panel.editor.isVisible()
    qtbot.keyClicks(panel.editor.field, "9")
    qtbot.keyClick(panel.editor.field, Qt.Key.Key_Escape)
    assert not panel.editor.isVisible() and runner.experiment.weight == 0.5


def test_a_weight_the_experiment_refuses_shows_its_reason(qtbot, panel_for, monkeypatch):
    runner, panel = panel_for(get("ch04.alpha")())

    def refuse(*_):
        raise ParamError("weight must be a number from -1000 to 1000 (got 5000.0)")

    monkeypatch.setattr(runner.experiment, "set_weight", refuse)
    click_scene(qtbot, panel, point_on(panel.link_items()[0]))
    panel.editor.field.selectAll()
    qtbot.keyClicks(panel.editor.field, "5000")
    qtbot.keyClick(panel.editor.field, Qt.Key.Key_Return)
    assert panel.editor.isVisible() and "from -1000 to 1000" in panel.editor.message.text()


def test_hover_text_has_the_weight_its_last_delta_and_the_input_that_drove_it(qtbot, panel_for):
    runner, panel = panel_for(Backprop())
    runner.step()
    panel.refresh()
    exp = runner.experiment
    link = link_for(panel, "weights_0_1", 2, 0)  # left light -> hidden[2]
    tip = link.toolTip()
    assert f"left → hidden[2] = {float(exp.w01[0, 2])!r}" in tip
    assert f"last weight_delta = {float(exp.d01[2, 0])!r}" in tip
    assert "input that drove it: left = 1.0" in tip
    node = panel.node_items()[3 + 1]
    assert node.toolTip().startswith(f"hidden[1] = {float(exp.l1[1])!r}")


def test_freeze_from_the_context_menu_draws_it_frozen_and_it_stops_learning(qtbot, panel_for):
    runner, panel = panel_for(Backprop())
    runner.step()
    panel.refresh()
    link = link_for(panel, "weights_0_1", 1, 0)
    seen = right_click_and_choose(panel, point_on(link), "link_freeze")
    assert seen["enabled"] and seen["text"] == "Freeze this weight"
    assert runner.experiment.frozen01[1, 0]
    assert link.frozen and link.pen().style() == Qt.PenStyle.DashLine and link.lock.isVisible()
    assert "frozen" in link.toolTip() and "will not change" in panel.caption.text()
    frozen_value = runner.experiment.w01[0, 1]
    others = runner.experiment.w01.copy()
    runner.run_to(40)
    assert runner.experiment.w01[0, 1] == frozen_value
    assert runner.experiment.w01[0, 3] != others[0, 3]  # the others go on learning
    qtbot.waitUntil(lambda: link.weight == frozen_value and link.frozen, timeout=2000)

    seen = right_click_and_choose(panel, point_on(link), "link_freeze")
    assert seen["text"] == "Unfreeze this weight"
    assert not runner.experiment.frozen01[1, 0]
    assert not link.frozen and link.pen().style() == Qt.PenStyle.SolidLine and not link.lock.isVisible()
    runner.run_to(80)
    assert runner.experiment.w01[0, 1] != frozen_value


def test_freezing_is_offered_only_where_the_experiment_supports_it(qtbot, panel_for):
    runner, panel = panel_for(get("ch04.gradient-descent")())
    seen = right_click_and_choose(panel, point_on(panel.link_items()[0]), "link_freeze")
    assert not seen["enabled"]
    seen = right_click_and_choose(panel, point_on(panel.link_items()[0]), "link_edit")
    assert panel.editor.isVisible()


def test_hidden_units_that_relu_turned_off_are_drawn_off_in_every_picture(qtbot, panel_for):
    runner, panel = panel_for(Backprop())
    runner.step()
    panel.refresh()
    off = units_off(runner.experiment.network().layers[1])
    assert 0 < off.sum() < 4  # seed 1: some hidden units are off for the first pattern
    hidden = panel.node_items()[3:7]
    assert [node.off for node in hidden] == off.tolist()
    assert all(node.off_text.isVisible() == bool(o) for node, o in zip(hidden, off, strict=True))
    panel.set_diagram_style("blocks")
    strip = panel.picture.strips[1]
    assert strip.off.tolist() == off.tolist()
    texts = [item.text() for item in panel.scene().items() if hasattr(item, "text") and callable(item.text)]
    assert f"{int(off.sum())} of 4 off" in texts
    panel.set_diagram_style("letters")
    texts = [item.text() for item in panel.scene().items() if hasattr(item, "text") and callable(item.text)]
    assert any(f"{int(off.sum())} of 4 off (relu = 0)" in t for t in texts)


def test_a_784_input_network_is_grouped_image_strip_block_and_band(qtbot, panel_for):
    runner, panel = panel_for(Pixels())
    runner.step()
    panel.refresh()
    exp = runner.experiment
    nodes = panel.node_items()
    assert len(nodes) == 10  # only the ten outputs are circles
    assert panel.link_items() == []  # no hairball of lines: the weights are bands
    images = [item for item in panel.scene().items() if isinstance(item, ImageLayerItem)]
    assert len(images) == 1 and images[0].shape_ == (28, 28)  # the input is the digit image
    picture = panel.picture
    strip = picture.strips[1]
    assert (strip.rows, strip.columns) == (40, 1)  # the hidden layer: a strip of 40 cells
    hidden = np.maximum(0, exp.w01 @ exp.x)
    assert np.array_equal(strip.values[:, 0], hidden)
    assert np.array_equal(strip.off[:, 0], hidden == 0)  # relu's zeros are greyed
    block = picture.blocks[1]  # weights_1_2, cell by cell: a row per hidden unit, a column per output
    assert (block.rows, block.columns) == (40, 10) and np.array_equal(block.values, exp.w12.T)
    assert 0 not in picture.blocks and set(picture.bands) == {0, 1}  # 784 × 40 weights: a band only
    # every cell is level with the hidden unit its weights leave
    for r in (0, 17, 39):
        assert block.cell_rect(r, 0).center().y() == pytest.approx(strip.cell_rect(r, 0).center().y())
    # hover still gives exact values
    assert f"= {float(exp.w12[3, 17])!r}" in panel.weight_tip(1, 3, 17)
    block.hoverMoveEvent(hover_at(block, block.cell_rect(17, 3).center()))
    assert block.toolTip() == panel.weight_tip(1, 3, 17)
    strip.hoverMoveEvent(hover_at(strip, strip.cell_rect(5, 0).center()))
    assert strip.toolTip() == panel.unit_tip(1, 5)
    texts = [item.text() for item in panel.scene().items() if hasattr(item, "text") and callable(item.text)]
    assert "784 pixels (28×28)" in texts and "40 units" in texts and "W0  784×40" in texts
    panel.set_diagram_style("blocks")
    grids = [g for g in panel.scene().items() if isinstance(g, GridItem)]
    assert any(g.big and (g.rows, g.columns) == (784, 40) for g in grids)
    assert any(g.big and (g.rows, g.columns) == (28, 28) for g in grids)


def hover_at(item, point):
    from PySide6.QtWidgets import QGraphicsSceneHoverEvent

    event = QGraphicsSceneHoverEvent()
    event.setPos(point)
    return event


def test_every_picture_exports(qtbot, panel_for, tmp_path):
    runner, panel = panel_for(Backprop())
    runner.step()
    for style in ("full", "blocks", "letters"):
        panel.set_diagram_style(style)
        path = export_scene(panel.scene(), tmp_path / f"{style}.svg", 1200, "test")
        text = path.read_text()
        assert "<svg" in text and path.stat().st_size > 1000
    assert "weights_0_1" in (tmp_path / "blocks.svg").read_text()


def test_the_diagram_follows_the_experiment_and_reset(qtbot, panel_for):
    runner, panel = panel_for(get("ch03.stacked")())
    panel.select(("layer", 2))
    runner.set_experiment(get("ch04.alpha")())
    assert panel.selection is None and len(panel.link_items()) == 1
    runner.set_experiment(Backprop())
    assert len(panel.link_items()) == 16
    runner.run_to(3)
    runner.reset()
    assert all(node.value_text.text() == "–" for node in panel.node_items()[3:])


def test_numbers_typed_and_shown():
    assert parse_weight(" −1,5 ") == -1.5 and parse_weight("2e-3") == 0.002
    for bad in ("", "abc", "nan", "inf", "1,2,3"):
        with pytest.raises(ValueError):
            parse_weight(bad)
    assert len({len(fixed(v)) for v in (0.5, -0.5, 9.25, -9.999, 0.0, None)}) == 1  # live numbers keep their width


def test_switching_pictures_again_and_again_keeps_every_item(qtbot, panel_for):
    """Nothing disappears when the view re-fits, the garbage collector runs or the pictures are rebuilt."""
    import gc

    runner, panel = panel_for(Backprop())
    runner.step()
    counts = {}
    for _ in range(3):
        for style in ("blocks", "letters", "full"):
            panel.set_diagram_style(style)
            gc.collect()
            panel.view.fit(panel.picture.legend)
            counts.setdefault(style, set()).add(len(panel.scene().items()))
        runner.reset()
        gc.collect()
    assert all(len(seen) == 1 for seen in counts.values()), counts
    panel.set_diagram_style("blocks")
    gc.collect()
    panel.view.fit(panel.picture.legend)
    dots = [item for item in panel.scene().items() if type(item).__name__ == "QGraphicsEllipseItem"]
    assert len(dots) == 2  # the "·" before each weight matrix, made by the scene itself
    panel.set_diagram_style("full")
    titles = [item.text() for item in panel.scene().items() if hasattr(item, "text") and callable(item.text)]
    assert {"input", "hidden (relu)", "output"} <= set(titles)



def test_the_chapter_5_and_6_experiments_edit_and_freeze_through_the_diagram(qtbot, panel_for):
    runner, panel = panel_for(get("ch05.freeze-weight")())
    toes = link_for(panel, "weights", 0, 0)
    assert toes.frozen and toes.lock.isVisible()  # the book freezes weight a (toes) from the start
    runner.run_to(3)
    assert runner.experiment.network().weights[0].values[0, 0] == 0.1
    # the learner freezes a second weight: it stops too, while the third one still learns
    nfans = link_for(panel, "weights", 0, 2)
    right_click_and_choose(panel, point_on(nfans), "link_freeze")
    before = runner.experiment.network().weights[0].values.copy()
    runner.run_to(6)
    after = runner.experiment.network().weights[0].values
    assert after[0, 0] == before[0, 0] and after[0, 2] == before[0, 2] and after[0, 1] != before[0, 1]
    qtbot.waitUntil(lambda: nfans.frozen and nfans.pen().style() == Qt.PenStyle.DashLine, timeout=2000)

    runner, panel = panel_for(get("ch06.backprop")())
    link = link_for(panel, "weights_1_2", 0, 3)  # hidden 4 -> walk?
    click_scene(qtbot, panel, point_on(link, 0.7))
    assert panel.editor.isVisible() and "hidden 4 → walk?" in panel.editor.title.text()
    panel.editor.field.selectAll()
    qtbot.keyClicks(panel.editor.field, "0.75")
    qtbot.keyClick(panel.editor.field, Qt.Key.Key_Return)
    assert runner.experiment.weights_1_2[3, 0] == 0.75  # the book's layout: rows = hidden units
    runner.step()
    assert runner.history.last_record["weights_1_2"][0, 3] == 0.75  # records: rows = outputs, as drawn


def test_a_hover_before_the_picture_is_redrawn_for_a_new_network_reads_nothing(qtbot, panel_for, monkeypatch):
    """Found by the monkey: the window re-arranges its views for a new experiment before the diagram hears of it,
    and Qt replays the mouse's hover over the old picture; its tips must not index the new, smaller network."""
    runner, panel = panel_for(get("ch06.backprop")())
    runner.step()
    panel.set_diagram_style("blocks")
    blocks = [item for item in panel.scene().items() if isinstance(item, GridItem) and item.columns > 1]
    assert blocks and panel.weight_tip(1, 0, 3).startswith("weights_1_2: ")  # 4 hidden units → 1 output
    monkeypatch.setattr(runner, "experiment", get("ch03.single-input")())  # its one weight, not yet redrawn
    assert panel.weight_tip(1, 0, 3) == "" and panel.unit_tip(1, 3) == "" and panel.goal_tip(0) == ""
    runner.experiment_changed.emit(runner.experiment)  # the panel's turn: redrawn for the new network
    assert panel.weight_tip(0, 0, 0).startswith("weight: ")


def test_an_exception_in_an_items_event_handler_goes_to_the_fault_handler_not_to_pyside(monkeypatch):
    import sys

    from desktop.faults import reported

    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: caught.append((kind, str(value))))

    class Item:
        @reported
        def hoverMoveEvent(self, event):  # noqa: N802
            raise IndexError("a stale index")

        @reported
        def mousePressEvent(self, event):  # noqa: N802
            return "handled"

    assert Item().hoverMoveEvent(None) is None and caught == [(IndexError, "a stale index")]
    assert Item().mousePressEvent(None) == "handled" and len(caught) == 1
