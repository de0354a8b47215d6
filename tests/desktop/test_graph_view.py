"""The computation-graph view, driven like a learner: phases light data and gradients, the backward pass stepped
node by node with its child counting, collapsing layers, the gradient check's colours, "break it", clicking a
tensor to light its code, export, and following the run (reset, rewind, another experiment)."""

import ast
import inspect

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from desktop.colour import mix
from desktop.export import export_widget
from desktop.runner import Runner
from desktop.theme import colours
from desktop.views.graph.computation import AGREE, WRONG, GraphPanel
from learning import catalogue
from learning.chapters.ch13_rnn import RnnBabi
from learning.experiment import Phase
from learning.framework import ops

OPS_SOURCE = inspect.getsourcefile(ops)


@pytest.fixture
def panel_for(qtbot):
    def make(experiment_id, iterations=0, **params):
        runner = Runner(catalogue.get(experiment_id)(**params))
        panel = GraphPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(1000, 600)
        panel.show()
        qtbot.waitExposed(panel)
        if iterations:
            runner.run_to(iterations)
            settle(qtbot, panel)
        return runner, panel
    return make


def settle(qtbot, panel):
    """Wait for the view to take the run's state and finish its animation."""
    qtbot.waitUntil(lambda: not panel._repaint.timer.isActive() and not panel._animation.isActive(), timeout=5000)


def item(panel, label):
    """The box of the tensor called `label` (the only one)."""
    found = [i for i in panel.items.values() if i.title == label]
    assert len(found) == 1, (label, [i.title for i in panel.items.values()])
    return found[0]


def node_of(panel, label):
    return next(n for n in panel.model.trace.nodes if n.label() == label)


def click(qtbot, panel, box, double=False):
    where = panel.view.mapFromScene(box.rect.center() + box.pos())
    action = QTest.mouseDClick if double else QTest.mouseClick
    action(panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def badge(panel, label):
    b = item(panel, label).badge
    return None if b is None else b[:2]


# -- phases ---------------------------------------------------------------------------------------------------
def test_predict_lights_data_left_to_right_and_learn_the_gradients_right_to_left(qtbot, panel_for):
    runner, panel = panel_for("ch13.autograd-linear")
    lit_columns = []

    def record():
        layout = panel.model.layout
        if layout is None:
            return False
        lit = {layout.boxes[k].column for k, i in panel.items.items() if i.data_shown() is not None}
        if lit and (not lit_columns or lit != lit_columns[-1]):
            lit_columns.append(lit)
        return len(lit) == layout.columns

    runner.step_phase()  # PREDICT: pred = data · w0 · w1
    assert runner.current_phase.phase is Phase.PREDICT
    qtbot.waitUntil(record, timeout=3000)
    assert len(lit_columns) >= 2
    for earlier, later in zip(lit_columns, lit_columns[1:], strict=False):
        assert max(earlier) < max(later) and earlier < later  # each tick lights the next column to the right
    assert min(lit_columns[0]) == 0
    assert all(i.grad_shown() is None for i in panel.items.values())  # no gradients before LEARN
    runner.step_phase()  # COMPARE: the loss joins the graph
    settle(qtbot, panel)
    assert {i.title for i in panel.items.values()} >= {"sub", "mul", "sum_0", "target"}
    assert all(i.grad_shown() is None for i in panel.items.values())
    first_grads = []
    runner.step_phase()  # LEARN
    qtbot.waitUntil(lambda: any(i.grad_shown() is not None for i in panel.items.values()), timeout=3000)
    first_grads = [i.title for i in panel.items.values() if i.grad_shown() is not None]
    assert "sum_0" in first_grads and "data" not in first_grads and "w0" not in first_grads  # from the loss back
    settle(qtbot, panel)
    # every gradient the view shows is the one the experiment's own backward pass left in the tensors
    for box in panel.model.boxes():
        node = panel.model.output(box)
        np.testing.assert_array_equal(panel.items[box.key].grad_shown(), node.grad)
    np.testing.assert_array_equal(item(panel, "w0").grad_shown(), runner.history.last_record["grad_0"])


# -- the backward pass, node by node ---------------------------------------------------------------------------
def test_backward_steps_count_the_gradients_of_a_tensor_used_twice(qtbot, panel_for):
    runner, panel = panel_for("ch13.tensor-basics", 4)  # check 4: d = a + b; e = b + c; f = d + e, child counting
    assert runner.history.last_record["part"] == 4
    step = panel.buttons["step"]
    seen, captions = [], []
    for _ in range(6):
        qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
        current = [i.title for i in panel.items.values() if i.current]
        b = item(panel, "b")
        seen.append((current, badge(panel, "b"), None if b.grad_shown() is None else b.grad_shown().tolist()))
        captions.append(panel.caption.text())
    assert [s[0] for s in seen] == [["f"], ["d"], ["a"], ["e"], ["b"], ["c"]]
    assert [s[1] for s in seen] == [None, None, None, (1, 2), (2, 2), (2, 2)]
    assert seen[3][2] == [1, 1, 1, 1, 1]  # b waits: it has d's gradient only, and passes nothing on yet
    assert seen[4][2] == [2, 2, 2, 2, 2]  # both arrived: the sum, as the book's check 4 prints
    assert item(panel, "b").badge[2] == "done"
    assert captions[4] == "Backward step 5 of 6: b received 2 of 2 gradients"
    assert captions[0] == "Backward step 1 of 6: f received 1 of 1 gradients and passes it on"
    assert not panel.buttons["complete"].isEnabled()  # the pass is over
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)  # a new pass starts from the root
    assert [i.title for i in panel.items.values() if i.current] == ["f"]
    assert item(panel, "b").grad_shown() is None and badge(panel, "b") is None


def test_the_naive_tensor_of_check_3_overwrites_and_shows_it(qtbot, panel_for):
    runner, panel = panel_for("ch13.tensor-basics", 3)
    for _ in range(7):  # without counting, b is reached twice and each arrival is a step
        qtbot.mouseClick(panel.buttons["step"], Qt.MouseButton.LeftButton)
    b = item(panel, "b")
    assert b.badge == (2, 2, "early")
    np.testing.assert_array_equal(b.grad_shown(), [1, 1, 1, 1, 1])  # the last arrival only: the book's check 3
    np.testing.assert_array_equal(b.grad_shown(), runner.history.last_record["grad"])


# -- collapsing ----------------------------------------------------------------------------------------------
def test_double_click_collapses_a_layer_and_expands_it_again(qtbot, panel_for):
    runner, panel = panel_for("ch13.autograd-sequential", 1)
    acted = []
    panel.acted.connect(acted.append)
    before = set(panel.items)
    mm = next(i for i in panel.items.values() if i.title == "mm" and i.rect.left() < 400)  # model.0's mm
    click(qtbot, panel, mm, double=True)
    group = ("group", "model.0", 0)
    assert group in panel.items and (panel.items[group].title, panel.items[group].subtitle) == ("model.0", "Linear")
    inside = set(panel.model.trace.groups[("model.0", 0)].nodes)
    assert {k for k in panel.items if k[0] == "node"} == {k for k in before if k[1] not in inside}
    assert panel.model.output(panel.model.layout.boxes[group]).shape == (4, 3)  # it shows the layer's output
    collapsed = panel.items[group]
    assert collapsed.data_shown() is not None and collapsed.grad_shown() is not None
    assert acted == ["collapsed"]
    click(qtbot, panel, collapsed, double=True)
    assert set(panel.items) == before and acted == ["collapsed", "expanded"]
    qtbot.mouseClick(panel.buttons["collapse"], Qt.MouseButton.LeftButton)  # every top-level call
    assert {k for k in panel.items if k[0] == "group"} == {("group", "model", 0), ("group", "criterion", 0)}
    assert (panel.items[("group", "model", 0)].title, panel.items[("group", "model", 0)].subtitle) == \
        ("model", "Sequential")
    menu = panel.make_box_menu(("group", "model", 0))
    assert [a.text() for a in menu.actions()][:1] == ["Expand model · Sequential"]
    menu.actions()[0].trigger()
    assert ("group", "model", 0) not in panel.items and ("group", "criterion", 0) in panel.items


def babi_lines(count=120):
    rs = np.random.RandomState(3)
    names, verbs, places = ["mary", "john", "sandra"], ["moved", "went"], ["kitchen", "garden", "office", "hallway"]
    return [f"{k + 1} {names[rs.randint(3)].title()} {verbs[rs.randint(2)]} to the {places[rs.randint(4)]}."
            for k in range(count)]


def test_the_recurrent_cell_is_unrolled_one_box_per_time_step(qtbot):
    runner = Runner(RnnBabi(data=babi_lines()))
    panel = GraphPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    runner.step()  # an iteration on a data set may take several ticks of the runner's timer
    qtbot.waitUntil(lambda: runner.count == 1)
    settle(qtbot, panel)
    steps = sorted(k for k in panel.items if k[:2] == ("group", "model"))
    assert steps == [("group", "model", t) for t in range(5)]  # five words in: five calls of the cell
    assert [(panel.items[k].title, panel.items[k].subtitle) for k in steps] == \
        [(f"model #{t}", f"RNNCell, t = {t}") for t in range(5)]
    columns = [panel.model.layout.boxes[k].column for k in steps]
    assert columns == sorted(columns) and len(set(columns)) == 5  # left to right in time
    embeds = [k for k, i in panel.items.items() if i.title == "index_select"]
    assert len(embeds) == 5  # each step's word through the embedding
    click(qtbot, panel, panel.items[steps[2]], double=True)
    inner = {panel.model.node(k[1]).groups[-1][0] for k in panel.items if k[0] == "node" and
             panel.model.node(k[1]).groups and panel.model.node(k[1]).groups[0] == ("model", 2)}
    assert inner == {"model", "model.w_ih", "model.w_hh", "model.activation"}  # "model": new_hidden = sum
    assert ("group", "model", 1) in panel.items and ("group", "model", 3) in panel.items


# -- the gradient check and "break it" -------------------------------------------------------------------------
def scene_pixel(panel, box):
    """The colour the scene paints inside a box, just inside its border at the bottom-left (no picture there)."""
    rect = panel.scene().sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    panel.scene().render(painter, image.rect(), rect)
    painter.end()
    point = box.rect.bottomLeft() + box.pos() - rect.topLeft()
    return image.pixelColor(QPoint(int(point.x()) + 6, int(point.y()) - 3)).name()


def test_the_gradient_check_colours_every_box_and_break_it_turns_the_reused_path_wrong(qtbot, panel_for):
    runner, panel = panel_for("ch13.autograd-linear", 1)
    with qtbot.waitSignal(panel.acted, check_params_cb=lambda name: name == "gradient_check", timeout=5000):
        qtbot.mouseClick(panel.buttons["check"], Qt.MouseButton.LeftButton)
    c = colours()
    agree = mix(c.node, c.accent, 0.32).name()
    for box in panel.items.values():
        assert box.error is not None and box.error <= AGREE, box.title
        assert box.fill().name() == agree
    assert scene_pixel(panel, item(panel, "w0")) == agree
    assert panel.legend.checked
    assert "all 10 gradients agree" in panel.caption.text()

    with qtbot.waitSignal(panel.acted, check_params_cb=lambda name: name == "gradient_check", timeout=5000):
        qtbot.mouseClick(panel.buttons["break"], Qt.MouseButton.LeftButton)
    # pred is used twice ((pred − target) * (pred − target)); without counting it keeps one of two equal
    # gradients, so it and everything before it get half the gradient: relative error |g − 2g| / (|g| + |2g|) = 1/3
    wrong = mix(c.node, c.error, 0.32).name()
    for label in ("data", "w0", "mm", "w1", "target"):
        box = next(i for i in panel.items.values() if i.title == label)
        assert box.error == pytest.approx(1 / 3, rel=1e-6), label
        assert box.fill().name() == wrong
    for label in ("mul", "sum_0"):
        assert item(panel, label).error <= AGREE
    assert scene_pixel(panel, item(panel, "w0")) == wrong
    assert "wrong" in panel.caption.text() and "w0" in panel.caption.text()
    assert runner.count == 1  # breaking the view's Tensor changes nothing in the run
    qtbot.mouseClick(panel.buttons["break"], Qt.MouseButton.LeftButton)
    assert not panel.model.naive and all(i.error is None for i in panel.items.values())


def test_break_it_on_tensor_basics_shows_the_wrong_gradient_of_check_3(qtbot, panel_for):
    runner, panel = panel_for("ch13.tensor-basics", 1)
    with qtbot.waitSignal(panel.acted, check_params_cb=lambda name: name == "gradient_check", timeout=5000):
        qtbot.mouseClick(panel.buttons["break"], Qt.MouseButton.LeftButton)
    assert runner.count == 3 and runner.history.last_record["part"] == 3
    b = item(panel, "b")
    np.testing.assert_array_equal(b.grad_shown(), [1, 1, 1, 1, 1])  # the book prints b.grad == 2: all False
    assert b.error > WRONG
    assert [n.label() for n in panel.model.wrong()] == ["b"]
    assert {i.title for i in panel.items.values() if i.error is not None and i.error <= AGREE} == \
        {"a", "c", "d", "e", "f"}
    acted = []
    panel.acted.connect(acted.append)
    click(qtbot, panel, b)
    assert acted == ["code_shown", "wrong_gradient_found"]
    click(qtbot, panel, item(panel, "a"))
    assert acted[-1] == "code_shown"


# -- code ------------------------------------------------------------------------------------------------------
def function_lines(name):
    """First and last line of a function of ops.py, read from its syntax tree (not through code_location)."""
    tree = ast.parse(open(OPS_SOURCE, encoding="utf-8").read())
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    return list(range(node.lineno, node.end_lineno + 1))


def test_clicking_a_tensor_lights_the_lines_that_computed_it_and_its_gradient(qtbot, panel_for):
    runner, panel = panel_for("ch13.autograd-linear", 1)
    click(qtbot, panel, item(panel, "mul"))
    assert panel.source.isVisible()
    lit = panel.source.lit_lines()
    assert lit["forward"] == function_lines("mul")
    assert lit["backward"] == function_lines("sum_backward")  # mul's result was used by sum(0)
    text = panel.source.text.toPlainText().splitlines()
    assert "return a * b" in "".join(text[n - 1] for n in lit["forward"])
    # after LEARN the gradient's lines come first into sight (before it, the forward's)
    qtbot.waitUntil(lambda: panel.source.top_line() <= lit["backward"][0] <= panel.source.top_line() + 4)
    assert item(panel, "mul").selected
    click(qtbot, panel, item(panel, "w1"))  # a parameter: no forward op; its gradient comes from mm
    lit = panel.source.lit_lines()
    assert lit == {"forward": [], "backward": function_lines("mm_backward")}
    assert "w1 was made from data" in panel.source.caption.text()
    panel.source.close_button.click()
    assert not panel.source.isVisible() and panel.selected is None


def test_a_collapsed_layer_shows_the_layers_forward(qtbot, panel_for):
    from learning.framework import layers

    runner, panel = panel_for("ch13.autograd-sequential", 1)
    panel.collapse(("model.1", 0))
    click(qtbot, panel, panel.items[("group", "model.1", 0)])
    source, first = inspect.getsourcelines(layers.Linear.forward)
    assert panel.source.lit_lines()["forward"] == list(range(first, first + len(source)))
    assert panel.source.caption.text().startswith("learning/framework/layers.py")


# -- export and the text alternative -------------------------------------------------------------------------
def test_export_png_and_svg_of_the_graph(qtbot, panel_for, tmp_path):
    runner, panel = panel_for("ch13.tensor-basics", 4)
    png = export_widget(panel, tmp_path / "graph.png", 800)
    svg = export_widget(panel, tmp_path / "graph.svg", 800)
    image = QImage(str(png))
    assert image.width() == 800 and image.height() > 100
    colours_seen = {image.pixelColor(x, y).name() for x in range(0, 800, 7) for y in range(0, image.height(), 7)}
    assert colours().positive.name() in colours_seen  # the data and gradients of ones, in the sign's full blue
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert ">b<" in text.replace(" ", "") or "b</text>" in text
    assert QImage(str(svg)).width() > 0  # it renders


def test_describe_reads_out_every_box(qtbot, panel_for):
    runner, panel = panel_for("ch13.tensor-basics", 4)
    text = panel.describe()
    assert "ch13.tensor-basics" in text and "iteration 4" in text
    line = next(row for row in text.splitlines() if row.startswith("b (5)"))
    assert "data: [2, 2, 2, 2, 2]" in line and "gradient: [2, 2, 2, 2, 2]" in line
    assert "gradients received: 2 of 2" in line
    qtbot.waitUntil(lambda: panel.view.accessibleDescription() == text)  # written once the picture settles
    assert "gradients received: 2 of 2" in item(panel, "b").toolTip()
    assert panel.view.accessibleName() == "Computation graph"


# -- following the run ---------------------------------------------------------------------------------------
def test_the_view_follows_reset_rewind_and_another_experiment(qtbot, panel_for):
    runner, panel = panel_for("ch13.autograd-linear", 3)
    w0_third = item(panel, "w0").data_shown().copy()
    fresh = catalogue.get("ch13.autograd-linear")()
    for _ in range(2):
        fresh.step()
    np.testing.assert_array_equal(w0_third, fresh.w[0].data)  # the weights iteration 3 used
    kept = dict(panel.items)
    runner.run_to(5)
    settle(qtbot, panel)
    assert all(panel.items[k] is kept[k] for k in kept)  # the same shape: boxes kept, pictures updated
    assert not np.array_equal(item(panel, "w0").data_shown(), w0_third)
    runner.rewind_to(3)
    settle(qtbot, panel)
    np.testing.assert_array_equal(item(panel, "w0").data_shown(), w0_third)
    runner.reset()
    settle(qtbot, panel)
    assert panel.items == {} and panel.note is not None and "Step the run" in panel.note.text()
    panel.set_broken(True)
    runner.set_experiment(catalogue.get("ch13.autograd-sequential")())
    settle(qtbot, panel)
    assert panel.items == {} and not panel.model.naive and not panel.buttons["break"].isChecked()
    runner.step()
    settle(qtbot, panel)
    assert "model.0.weight" in {i.title for i in panel.items.values()}


def test_while_playing_the_graph_is_redrawn_a_few_times_a_second_and_never_rebuilt(qtbot, panel_for):
    runner, panel = panel_for("ch13.autograd-nonlinear", 10)  # the book's ten; then on, at full speed
    refreshes, rebuilds = [], []
    original_rebuild = panel.rebuild
    panel._repaint.timer.timeout.connect(lambda: refreshes.append(runner.count))
    panel.rebuild = lambda: (rebuilds.append(1), original_rebuild())
    runner.set_speed(None)
    runner.play()
    qtbot.waitUntil(lambda: runner.count >= 2000, timeout=20000)
    runner.pause()
    settle(qtbot, panel)
    assert rebuilds == []
    assert 1 <= len(refreshes) < runner.count / 100  # far fewer pictures than iterations
    assert panel.model.pass_done and panel.model.stage == "backward"
    np.testing.assert_array_equal(item(panel, "model.0.weight").grad_shown(),
                                  runner.history.last_record["grad_0"])


def test_the_language_switch_reaches_buttons_boxes_and_the_text_alternative(qtbot, main_window):
    w = main_window
    w.open_experiment("ch13.tensor-basics")
    w.runner.run_to(4)
    panel = w.workspace.view("graph")
    settle(qtbot, panel)
    assert w.workspace.shown()[0] == "graph"  # the main view of a chapter-13 experiment
    w.set_language("ru")
    qtbot.waitUntil(lambda: panel.buttons["step"].text() == "Шаг обратного прохода")  # LanguageChange is posted
    assert panel.buttons["check"].text() == "Проверить градиенты"
    assert panel.texts["badge"].format(2, 2) == "получено 2 из 2"
    assert item(panel, "b").badge[:2] == (2, 2)
    assert panel.view.accessibleName() == "Граф вычислений"
    assert "получено градиентов: 2 из 2" in panel.describe()
    assert w.workspace.tabs["main"].tabText(0) == "Граф вычислений"
    w.set_language("en")
    qtbot.waitUntil(lambda: panel.buttons["step"].text() == "Backward step")
    assert "gradients received: 2 of 2" in panel.describe()
