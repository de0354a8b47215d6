"""Chapter 14's views driven like a learner: each follows the run (steps, phase steps, a pause in the middle of an
epoch), shows the experiment's own numbers, reacts to its controls, switches language and exports.

The character models run at the small preset (32 units) on the book's file from GROKKING_DATA."""

import math
import os

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop.export import export_widget
from desktop.format import num
from desktop.i18n import Translations
from desktop.runner import Runner
from desktop.views import registry
from desktop.views.lstm._common import shown_char
from desktop.views.lstm.gradient_map.maps import shades
from desktop.views.lstm.reading import SURPRISE_SCALE, shade_index
from learning.catalogue import get
from learning.chapters.ch14_gradients import book_chains
from learning.chapters.ch14_probe import GradientProbe
from learning.chapters.ch14_sampling import distribution
from learning.datasets import DatasetMissing
from learning.datasets.shakespeare import book_shakespeare
from tests.shared_data import missing

LSTM_VIEWS = ("gradient_map", "sampling", "reading", "bptt", "lstm_cell")


@pytest.fixture(scope="module")
def book_text():
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: these tests need shakespeare/book-shakespear.txt of ../shared/data")
    try:
        return book_shakespeare()
    except DatasetMissing as exc:
        missing(f"the book's Shakespeare file is absent: {exc}")


@pytest.fixture
def views(qtbot):
    """views(experiment, *keys): a runner and the named views, shown side by side in one window."""
    kept = []  # the windows (qtbot holds them weakly)

    def make(experiment, *keys, size=(1400, 420)):
        runner = Runner(experiment)
        holder = QWidget()
        row = QHBoxLayout(holder)
        built = {}
        for key in keys:
            built[key] = registry.get(key).factory(runner)
            row.addWidget(built[key])
        qtbot.addWidget(holder)
        kept.append(holder)
        holder.resize(*size)
        holder.show()
        qtbot.waitExposed(holder)
        return runner, built

    return make


def lstm(book_text, **values):
    return get("ch14.char-lstm")(data=book_text, size="small", **values)


def wait_idle(qtbot, view):
    """Let the view take the run's state (its throttled redraw) and finish its own work."""
    qtbot.waitUntil(lambda: not view._repaint.timer.isActive(), timeout=5000)
    if hasattr(view, "settle"):
        view.settle()


# -- the exploding/vanishing lab ------------------------------------------------------------------------------------
def test_the_lab_draws_the_runs_two_chains_and_marks_the_current_step(qtbot, views):
    runner, got = views(get("ch14.exploding-gradients")(), "chain_lab", size=(760, 460))
    lab = got["chain_lab"]
    runner.run_to(13)  # ten steps forward, three back
    wait_idle(qtbot, lab)
    sigmoid, relu = book_chains()
    np.testing.assert_array_equal(lab.bars["left_g"].values, sigmoid.gradient_norms)
    np.testing.assert_array_equal(lab.bars["right_a"].values, relu.activation_norms)
    assert lab.bars["left_g"].marked == 2 and lab.bars["left_a"].marked is None
    assert "vanishes" in lab.bars["left_g"].title and "explodes" in lab.bars["right_g"].title
    assert "eigenvalues of W: 5, −3" in lab.facts.text() and "spectral radius 5" in lab.facts.text()
    assert lab.bars["right_g"].decades[1] >= 7  # 1.4 × 10⁷ fits under the top of the log axis
    lab.activation.setCurrentIndex(1)  # the left chain through tanh (slope up to 1)
    assert lab.bars["left_g"].title.startswith("tanh") and lab.chains[0].max_slope == 1.0


def test_typing_a_matrix_restarts_the_run_with_it_and_tames_relu(qtbot, views):
    runner, got = views(get("ch14.exploding-gradients")(), "chain_lab", size=(760, 460))
    lab = got["chain_lab"]
    acts = []
    lab.acted.connect(acts.append)
    runner.run_to(5)
    for box, text in zip(lab.matrix, ("0.5", "0", "0", "0.5"), strict=True):
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box, text)
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert runner.experiment.values["matrix"] == (0.5, 0.0, 0.0, 0.5)
    assert runner.count == 0 and acts.count("matrix_edited") == 4  # each Enter applied its entry and restarted
    wait_idle(qtbot, lab)
    assert np.all(lab.bars["right_g"].values < 1) and "vanishes" in lab.bars["right_g"].title
    runner.run_to(20)
    assert runner.history.series("relu_norm")[-1] == pytest.approx(0.5 ** 10 * math.sqrt(2))
    qtbot.mouseClick(lab.book, Qt.MouseButton.LeftButton)
    assert runner.experiment.values["matrix"] == (1.0, 4.0, 4.0, 1.0) and runner.count == 0


def test_the_lab_shows_the_books_chains_for_another_experiment(qtbot, views):
    runner, got = views(get("ch04.gradient-descent")(), "chain_lab", size=(760, 460))
    lab = got["chain_lab"]
    assert not lab.matrix[0].isEnabled() and "book's values" in lab.message.text()
    np.testing.assert_array_equal(lab.bars["right_g"].values, book_chains()[1].gradient_norms)


# -- gradients through time -----------------------------------------------------------------------------------------
def test_the_training_map_shows_the_models_gradient_norms(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "gradient_map", size=(900, 420))
    panel = got["gradient_map"]
    runner.run_to(6)
    wait_idle(qtbot, panel)
    norms = runner.experiment.grad_norms()
    picture = panel.pictures["lstm"]
    np.testing.assert_array_equal(picture.iterations, norms["iterations"])
    np.testing.assert_array_equal(picture.shades, shades(norms["h"].T, "total")[0])
    assert np.all(picture.shades[:, 0] == 0)  # the first batch: the zeroed output layer sends back nothing
    panel.state.setCurrentIndex(1)  # the cell state c
    wait_idle(qtbot, panel)
    np.testing.assert_array_equal(picture.shades, shades(norms["c"].T, "total")[0])
    assert panel.pictures["rnn"].shades.size == 0 and "No RNN run" in panel.pictures["rnn"].empty


def test_the_probe_measures_how_far_the_last_loss_reaches(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "gradient_map", size=(900, 420))
    panel = got["gradient_map"]
    acts = []
    panel.acted.connect(acts.append)
    runner.run_to(4)
    panel.mode.setCurrentIndex(1)
    wait_idle(qtbot, panel)
    probes = panel.maps["lstm"].probes
    assert list(probes) == [3] and acts == ["probe_shown"]  # the last batch done, probed once
    expected = GradientProbe(runner.experiment).run()  # the same batch, weights and start state, computed here
    np.testing.assert_allclose(probes[3].h, expected.h, rtol=1e-12)
    # each column relative to its last step, over eight decades: what reaches t steps back, on a log scale
    np.testing.assert_allclose(panel.pictures["lstm"].shades[:, 0],
                               np.clip(1 + np.log10(expected.h / expected.h[-1]) / 8, 0, 1))
    assert panel.pictures["lstm"].shades[0, 0] < 1
    assert f"LSTM: ×{num(expected.factor_per_step(), 2)} a step back" in panel.reach_line.text()


def test_training_the_other_model_here_leaves_the_run_alone(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "gradient_map", size=(900, 420))
    panel = got["gradient_map"]
    runner.run_to(2)
    weights = [a.copy() for a in runner.experiment.net.arrays()]
    assert panel.run_other.text() == "Train 20 batches of the RNN"
    qtbot.mouseClick(panel.run_other, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.other.busy, timeout=30000)
    rnn = panel.maps["rnn"]
    assert len(rnn.iterations) == 20 and sorted(rnn.probes) == list(range(20))
    assert rnn.h.shape == (20, 16) and "20 batches here" in rnn.label
    assert runner.count == 2
    for before, now in zip(weights, runner.experiment.net.arrays(), strict=True):
        np.testing.assert_array_equal(before, now)
    panel.mode.setCurrentIndex(1)
    wait_idle(qtbot, panel)
    assert "RNN: ×" in panel.reach_line.text()


def test_the_clipping_switch_sets_the_parameter_and_says_what_clipping_did(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "gradient_map", size=(900, 420))
    panel = got["gradient_map"]
    runner.run_to(8)
    wait_idle(qtbot, panel)
    record = runner.history.last_record
    assert record["clipped"] == 1  # at this point the exact gradient is longer than 40
    assert panel.clip_line.text().startswith(f"Batch 8: ‖∇‖ = {num(record['grad_norm'], 3)} → clipped to 40")
    qtbot.mouseClick(panel.clip, Qt.MouseButton.LeftButton)
    assert runner.experiment.values["clip"] == 0.0
    runner.run_to(9)
    wait_idle(qtbot, panel)
    assert "clipping off" in panel.clip_line.text() and runner.history.last_record["grad_norm_after"] > 40
    qtbot.mouseClick(panel.clip, Qt.MouseButton.LeftButton)
    assert runner.experiment.values["clip"] == 40.0


def test_the_earlier_run_of_the_other_model_stays_beside_the_new_one(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "gradient_map", size=(900, 420))
    panel = got["gradient_map"]
    runner.run_to(3)
    runner.set_experiment(get("ch14.char-rnn")(data=book_text, size="small"))
    runner.run_to(2)
    wait_idle(qtbot, panel)
    assert panel.kind == "rnn" and "earlier run" in panel.maps["lstm"].label
    assert len(panel.maps["lstm"].iterations) == 3 and len(panel.pictures["rnn"].iterations) == 2
    assert panel.run_other.text() == "Train 20 batches of the LSTM"


# -- the sampling lab -----------------------------------------------------------------------------------------------
def test_the_lab_writes_what_the_model_generates(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "sampling", size=(700, 420))
    lab = got["sampling"]
    runner.run_to(10)
    wait_idle(qtbot, lab)
    exp = runner.experiment
    assert lab.output.toPlainText() == exp.generate(300, prime="T", temperature=1.0, rule="sample", seed=0)
    lab.seed.setValue(3)
    lab.temperature.setValue(50)
    lab.prime.setText("ROMEO:\\n")
    qtbot.keyClick(lab.prime, Qt.Key.Key_Return)
    lab.settle()
    assert lab.output.toPlainText() == exp.generate(300, prime="ROMEO:\n", temperature=0.5, rule="sample", seed=3)
    lab.rule.setCurrentIndex(0)
    lab.settle()
    assert lab.output.toPlainText() == exp.generate(300, prime="ROMEO:\n", rule="greedy")


def test_the_histogram_sets_the_softmax_against_the_books_rule(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "sampling", size=(700, 420))
    lab = got["sampling"]
    acts = []
    lab.acted.connect(acts.append)
    runner.run_to(10)
    wait_idle(qtbot, lab)
    lab.rule.setCurrentIndex(2)
    lab.settle()
    assert "book_rule_shown" in acts
    logits = runner.experiment.next_logits("T")
    soft, book = distribution(logits, "sample", 1.0), distribution(logits, "book", 1.0)
    shown = [runner.experiment.vocab.index(c) for c in lab.histogram.chars]
    np.testing.assert_allclose(lab.histogram.softmax, soft[shown])
    np.testing.assert_allclose(lab.histogram.book, book[shown])
    worst = int(np.argmax(np.abs(book - soft)))
    assert worst in shown  # the character the book's rule distorts most is among the bars
    assert f"{book[worst]:.1%} under the book's rule" in lab.caption.text()


def test_lowering_the_temperature_until_the_text_repeats_itself(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "sampling", size=(700, 420))
    lab = got["sampling"]
    acts = []
    lab.acted.connect(acts.append)
    runner.run_to(30)
    wait_idle(qtbot, lab)
    assert "text_repeats" not in acts and "repeats" not in lab.caption.text()
    lab.temperature.setValue(5)
    lab.settle()
    assert acts.count("text_repeats") == 1 and "the text repeats itself" in lab.caption.text()


def test_a_prime_with_an_unknown_character_is_refused_with_a_message(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "sampling", size=(700, 420))
    lab = got["sampling"]
    runner.run_to(1)
    wait_idle(qtbot, lab)
    before = lab.output.toPlainText()
    lab.prime.setText("snow ☃")
    qtbot.keyClick(lab.prime, Qt.Key.Key_Return)
    assert "'☃' is not in this text's vocabulary" in lab.caption.text() and lab.output.toPlainText() == before


# -- the text through the network's eyes ----------------------------------------------------------------------------
def formats_of_first_line(panel):
    """(start, length, background name) of the formats the highlighter gave the first line."""
    block = panel.text.document().firstBlock()
    return [(r.start, r.length, r.format.background().color().name()) for r in block.layout().formats()]


def test_the_text_is_coloured_by_surprise_and_by_a_unit(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "reading", size=(700, 420))
    panel = got["reading"]
    runner.run_to(20)
    wait_idle(qtbot, panel)
    reading = runner.experiment.read(0, 1000)
    np.testing.assert_array_equal(panel.reading.surprise, reading.surprise)
    formats = panel.highlighter.formats
    index = shade_index(-reading.surprise, SURPRISE_SCALE)
    # the first character is nobody's prediction; character k + 1 gets the surprise of predicting it
    expected = [formats[index[k]].background().color().name() for k in range(10)]
    got_formats = formats_of_first_line(panel)
    colour_at = {p: name for start, length, name in got_formats for p in range(start, start + length)}
    assert [colour_at.get(k + 1) for k in range(10)] == expected and 0 not in colour_at
    panel.unit.setValue(3)  # colours by hidden unit 3 now
    assert panel.colouring_name() == "h"
    values = reading.unit(3)
    colour_at = {p: name for start, length, name in formats_of_first_line(panel) for p in range(start, start + length)}
    assert [colour_at[k] for k in range(10)] == [formats[i].background().color().name()
                                                 for i in shade_index(values[:10], 1.0)]
    tip = panel.tip_at(0)
    assert "'T': next 'h' had p = " in tip and f"unit 3 of h = {num(values[0], 3)}" in tip


def test_find_a_unit_shows_the_unit_that_differs_most_and_reports_it(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "reading", size=(700, 420))
    panel = got["reading"]
    acts = []
    panel.acted.connect(acts.append)
    runner.run_to(20)
    wait_idle(qtbot, panel)
    text = panel.reading.chars[:-1]
    capitals = np.array([c.isupper() for c in text])
    best = panel.reading.units_that_track(capitals, "h", 40)
    panel.colouring.setCurrentIndex(1)
    panel.unit.setValue(best[-1][0])  # a unit far down the list: it tracks nothing
    assert not any(a == "unit_for_capitals" for a in acts)
    panel.feature.setCurrentIndex(0)
    qtbot.mouseClick(panel.find, Qt.MouseButton.LeftButton)
    assert panel.unit.value() == best[0][0] and "unit_for_capitals" in acts
    assert "tracks capital letters (rank 1)" in panel.caption.text()
    panel.colouring.setCurrentIndex(2)  # the forget gate of the same unit
    panel.feature.setCurrentIndex(2)
    qtbot.mouseClick(panel.find, Qt.MouseButton.LeftButton)
    assert panel.colouring_name() == "f" and "speaker names (rank 1)" in panel.caption.text()


def test_the_rnn_has_no_gates_to_colour_by(qtbot, views, book_text):
    runner, got = views(get("ch14.char-rnn")(data=book_text, size="small"), "reading", size=(700, 420))
    panel = got["reading"]
    model = panel.colouring.model()
    assert model.item(1).isEnabled() and not model.item(2).isEnabled() and not model.item(6).isEnabled()


# -- truncated back-propagation and the cell ------------------------------------------------------------------------
def test_the_batch_picture_shows_the_streams_characters_and_the_step(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "bptt", "lstm_cell", size=(1200, 420))
    picture, cell = got["bptt"].picture, got["lstm_cell"]
    exp = runner.experiment
    runner.run_to(3)
    wait_idle(qtbot, got["bptt"])
    assert picture.grid[5] == list(exp.text[5 * 6249 + 75:5 * 6249 + 100])  # stream 6 of batch 4: its 25 inputs
    assert "Batch 4 (next)" in picture.words["batch"] and picture.step is None
    assert "16 streams × 25 steps = 400 characters a batch · stream 1 reads 75–99" in got["bptt"].caption.text()
    for _ in range(5):  # predict and compare for t = 0, 1, then predict t = 2
        runner.step_phase()
    wait_idle(qtbot, got["bptt"])
    assert picture.step == 2 and "Batch 4 (being trained)" in picture.words["batch"]
    wait_idle(qtbot, cell)
    v = exp.cell_values(0, 2)
    u = cell.unit.value()
    np.testing.assert_array_equal(cell.values["f"], v["f"])
    assert f"= {num(v['c'][u], 3)} · h = o·tanh(c)" in cell.sum.text()
    predicted = exp.vocab[int(np.argmax(v["logits"]))]
    assert cell.read.text() == (f"Batch 4, stream 1, t = 2: reads {shown_char(exp.text[77])!r}, should predict "
                                f"{shown_char(exp.text[78])!r}, predicts {shown_char(predicted)!r}")


def test_a_click_on_a_strip_chooses_the_unit(qtbot, views, book_text):
    runner, got = views(lstm(book_text), "lstm_cell", size=(700, 420))
    cell = got["lstm_cell"]
    acts = []
    cell.acted.connect(acts.append)
    runner.run_to(1)
    wait_idle(qtbot, cell)
    qtbot.waitUntil(lambda: "h" in cell.picture.strip_rects, timeout=5000)
    rect = cell.picture.strip_rects["f"]
    x = int(rect.left() + rect.width() * 0.3)
    qtbot.mouseClick(cell.picture, Qt.MouseButton.LeftButton, pos=QPoint(x, int(rect.center().y())))
    assert cell.unit.value() == int((x - rect.left()) / rect.width() * 32) > 0
    assert acts == ["unit_picked"]


# -- every view: a pause in the middle of an epoch, language, export -----------------------------------------------
def test_every_view_shows_the_open_batch_after_a_pause_mid_epoch(qtbot, views, book_text):
    runner, got = views(lstm(book_text), *LSTM_VIEWS, size=(1900, 460))
    runner.run_to(5)
    runner.set_speed(None)
    runner.play()
    qtbot.waitUntil(lambda: runner.count >= 7, timeout=20000)
    runner.pause()  # between two phases of a batch (the worker halts), or between two batches
    if not runner.mid_iteration:
        runner.step_phase()  # open the next batch: its predict phase
    assert runner.mid_iteration and not runner.playing
    count, batch = runner.count, runner.experiment.progress()["batch"]
    for view in got.values():
        wait_idle(qtbot, view)
    assert got["bptt"].picture.words["batch"].startswith(f"Batch {batch} (being trained)")
    assert got["lstm_cell"].values is not None and got["lstm_cell"].read.text().startswith(f"Batch {batch},")
    assert len(got["gradient_map"].pictures["lstm"].iterations) == count
    assert got["sampling"].output.toPlainText() and got["reading"].reading is not None
    assert runner.count == count and runner.mid_iteration  # looking changed nothing
    runner.step()
    qtbot.waitUntil(lambda: runner.count == count + 1, timeout=20000)


@pytest.mark.parametrize("key", ["chain_lab", *LSTM_VIEWS])
def test_each_view_speaks_russian_and_describes_itself(qtbot, views, book_text, key):
    exp = get("ch14.exploding-gradients")() if key == "chain_lab" else lstm(book_text)
    runner, got = views(exp, key, size=(760, 420))
    view = got[key]
    runner.run_to(3)
    wait_idle(qtbot, view)
    english = view.describe()
    assert english and view.accessibleDescription() == english
    translations = Translations()
    try:
        assert translations.set_language("ru")
        qtbot.waitUntil(lambda: view.describe() != english, timeout=3000)
        wait_idle(qtbot, view)
        russian = view.describe()
        assert any("а" <= c <= "я" for c in russian.lower()), russian
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: view.describe() == english, timeout=3000)


@pytest.mark.parametrize("key", ["chain_lab", *LSTM_VIEWS])
def test_each_view_exports_png_and_svg(qtbot, views, book_text, tmp_path, key):
    exp = get("ch14.exploding-gradients")() if key == "chain_lab" else lstm(book_text)
    runner, got = views(exp, key, size=(760, 420))
    view = got[key]
    runner.run_to(3)
    wait_idle(qtbot, view)
    png = export_widget(view, tmp_path / "view.png", 900)
    image = QImage(str(png))
    assert image.width() == 900 and image.height() > 100
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 8  # a picture, not an empty rectangle
    svg = export_widget(view, tmp_path / "view.svg", 900).read_text(encoding="utf-8")
    assert "<svg" in svg and svg.count("<path") + svg.count("<image") + svg.count("<text") > 5
