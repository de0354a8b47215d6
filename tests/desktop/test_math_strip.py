"""The math strip never hides a result: formulas wrap at their operators to the strip's width, long vectors show their
first and last elements, and the exact values are on hover. Read back from what the strip lays out."""

import numpy as np
import pytest
from PySide6.QtGui import QTextDocument

from desktop.format import num
from desktop.panels.math import MathPanel, breakable_html
from desktop.runner import Runner
from learning.catalogue import get


def shown_lines(row) -> list[str]:
    """The lines a formula's label shows at its current width, as Qt lays them out."""
    doc = QTextDocument()
    doc.setDefaultFont(row.font())
    doc.setDocumentMargin(0)
    doc.setHtml(row.text())
    doc.setTextWidth(row.contentsRect().width())
    doc.documentLayout().documentSize()  # lays the text out
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart():line.textStart() + line.textLength()].replace("\xa0", " ")
                         .strip())
        block = block.next()
    return lines


@pytest.fixture
def strip(qtbot):
    def make(experiment_id: str, iterations: int, width: int, height: int = 400) -> MathPanel:
        runner = Runner(get(experiment_id)())
        panel = MathPanel(runner)
        qtbot.addWidget(panel)
        runner.run_to(iterations)
        panel.refresh()
        panel.resize(width, height)
        panel.show()
        qtbot.waitExposed(panel)
        return panel
    return make


def test_a_long_update_line_wraps_at_its_operators_and_keeps_its_answer(strip):
    panel = strip("ch04.divergence", 6, 330)
    record = panel.runner.history.last_record
    answer = num(record["new_weight"], 6)
    row = panel.rows[-1]  # weight = weight − alpha · weight_delta = … − 1 · … = new weight
    lines = shown_lines(row)
    assert len(lines) > 1, lines
    assert lines[-1].endswith(f"= {answer}"), lines
    assert all(line.split(" ")[0] in ("=", "−", "·", "+") for line in lines[1:]), lines
    viewport = panel.scroll.viewport()
    assert row.mapTo(viewport, row.rect().topRight()).x() <= viewport.width()  # nothing cut off on the right
    assert row.height() >= row.heightForWidth(row.width())  # every wrapped line is inside the label
    assert panel.scroll.horizontalScrollBar().maximum() == 0  # no sideways scrolling needed


def test_every_formula_of_backprop_fits_a_narrow_strip(strip):
    panel = strip("ch06.backprop", 5, 360, 900)
    viewport = panel.scroll.viewport()
    for (_, text, computed), row in zip(panel.lines(), panel.rows, strict=True):
        assert computed
        lines = shown_lines(row)
        assert " ".join(lines).replace("  ", " ") == text.replace("  ", " ")
        assert row.mapTo(viewport, row.rect().topRight()).x() <= viewport.width()
        assert row.height() >= row.heightForWidth(row.width())
    assert panel.scroll.horizontalScrollBar().maximum() == 0


def test_long_vectors_show_first_and_last_elements_and_all_values_on_hover(strip):
    panel = strip("ch06.backprop", 1, 900)
    exp = panel.runner.experiment
    exp.values["hidden_size"] = 8  # a longer hidden layer than the book's 4
    panel.runner.reset()
    panel.runner.run_to(1)
    panel.refresh()
    layer_1 = panel.runner.history.last_record["layer_1"]
    assert np.asarray(layer_1).size == 8
    row = next(r for r, (_, text, _) in zip(panel.rows, panel.lines(), strict=True) if text.startswith("layer_1 ="))
    text = panel.lines()[panel.rows.index(row)][1]
    flat = np.asarray(layer_1, dtype=float).reshape(-1)
    first, last = num(flat[0], 6), num(flat[-1], 6)
    assert f"= [{first}, {num(flat[1], 6)}, …, {num(flat[-2], 6)}, {last}]" in text
    assert f"layer_1 = {[float(v) for v in flat]}" in row.toolTip()


def test_breaks_are_only_offered_before_operators_and_inside_long_vectors():
    html = breakable_html("w = w − alpha · d = 73.3 − 1 · 291.6 = −218.3")
    assert html.count(" ") == 7 and html.count("&nbsp;") == 7  # before = − · = − · = ; never after them
    short = breakable_html("relu([1, 0] · w_0_1)")
    assert " " not in short  # a short vector and everything in brackets stay together
    long = breakable_html("x = [−0.591096, 0.809316, −0.945225, 0.327345]")
    assert long.count(" ") == 4  # before = and after each comma of the long vector
    call = breakable_html("relu(layer_0_with_a_long_name · weights_0_1)")
    assert call.count(" ") == 1 and "&nbsp;· " not in call  # a long bracket may break before its operator


def test_the_strip_names_the_iteration_it_shows(strip):
    panel = strip("ch04.gradient-descent", 3, 600)
    assert panel.shown_text().splitlines()[0] == "Iteration 2"
    panel.runner.step_phase()
    assert panel.shown_text().splitlines()[0] == "Iteration 3 · after predict"


def test_the_formulas_words_follow_the_language_and_their_numbers_stay(qtbot):
    """A formula's words are translated (its code names and numbers stay): ch15's spam filter in Russian."""
    from desktop.i18n import Translations
    from tests.learning.test_ch15 import synthetic_enron

    runner = Runner(get("ch15.spam-plain")(data=synthetic_enron(), batch_size=100))
    panel = MathPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(1200, 300)
    panel.show()
    runner.run_to(1)
    panel.refresh()
    english = panel.shown_text()
    record = runner.history.last_record
    assert "e-mails," in english and "predicted spam" in english
    translations = Translations()
    try:
        assert translations.set_language("ru")
        panel.refresh()
        russian = panel.shown_text()
    finally:
        translations.set_language("en")
    assert "писем: " in russian and "предсказано спама: " in russian and "predicted spam" not in russian
    assert "pred = sigmoid(Σ weights[слова каждого письма])" in russian  # the code's names stay as the book has them
    assert f"Loss = среднее по пройденным пакетам loss / размер пакета = {num(record['printed_loss'])}" in russian


def test_every_formula_an_experiment_declares_is_listed_for_translation():
    import inspect

    from desktop import titles
    from learning import catalogue

    declared = {t for cls in catalogue.EXPERIMENTS.values() for attr in ("formulas", "book_formulas")
                if isinstance(table := inspect.getattr_static(cls, attr, None), dict)
                for templates in table.values() for t in templates}
    assert set(titles.FORMULAS) == declared, "run `python tools/i18n.py update`"
