"""The course in the window: keyboard navigation, tasks that tick, progress remembered, broken files reported,
and the code panel following the phases."""

import textwrap

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from desktop.runner import SPEEDS

MANIFEST = """
chapter = 4
title.en = "Gradient descent"
title.ru = "Градиентный спуск"

[[pages]]
id = "intro"
file = "01-intro"
title.en = "Introduction"
title.ru = "Введение"

[[pages]]
id = "divergence"
file = "02-divergence"
title.en = "Breaking gradient descent"
title.ru = "Ломаем градиентный спуск"
experiment = "ch04.divergence"
panels = ["diagram", "plot", "math"]

[[pages.tasks]]
id = "diverge"
text.en = "Make it diverge."
text.ru = "Добейтесь расхождения."
check = { kind = "diverged" }

[[pages]]
id = "alpha"
file = "03-alpha"
title.en = "Meet alpha"
title.ru = "Знакомьтесь: альфа"
experiment = "ch04.alpha"
params = { alpha = 0.05 }

[[pages.tasks]]
id = "fast"
text.en = "Reach an error below 0.001 within 10 iterations by choosing alpha."
text.ru = "Получите ошибку меньше 0.001 за 10 итераций, выбрав альфу."
check = { kind = "error_below", value = 0.001, within = 10, changed = ["alpha"] }
"""


def write_course(folder, manifest=MANIFEST):
    ch = folder / "ch04"
    ch.mkdir(parents=True)
    (ch / "chapter.toml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    for stem, en, ru in [("01-intro", "Learning is **reducing error**.", "Обучение — это **уменьшение ошибки**."),
                         ("02-divergence", "Input 2 overshoots.", "Вход 2 перескакивает."),
                         ("03-alpha", "Alpha scales the step.", "Альфа уменьшает шаг.")]:
        (ch / f"{stem}.en.md").write_text(en, encoding="utf-8")
        (ch / f"{stem}.ru.md").write_text(ru, encoding="utf-8")
    return folder


@pytest.fixture
def course_window(qtbot, settings, tmp_path):
    lessons = write_course(tmp_path / "lessons")

    def make():
        window = MainWindow(settings, lessons_dir=lessons)
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)
        return window
    return make


def test_keyboard_navigation_opens_pages_with_their_experiment_and_panels(qtbot, course_window):
    w = course_window()
    lesson = w.lesson
    assert lesson.page.key == "ch04/intro"
    assert "reducing error" in lesson.text.toPlainText()
    w.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert lesson.page.key == "ch04/divergence"
    assert w.runner.experiment.id == "ch04.divergence"
    assert w.math_dock.isVisible() and not w.code_dock.isVisible()  # the page's panels
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert lesson.page.key == "ch04/alpha"
    assert w.runner.experiment.id == "ch04.alpha" and w.runner.experiment.alpha == 0.05  # page params
    assert w.code_dock.isVisible()
    assert not lesson.next_button.isEnabled()
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert lesson.page.key == "ch04/alpha"  # the last page stays
    qtbot.keyClick(w, Qt.Key.Key_PageUp)
    assert lesson.page.key == "ch04/divergence"
    qtbot.mouseClick(lesson.prev_button, Qt.MouseButton.LeftButton)
    assert lesson.page.key == "ch04/intro" and not lesson.prev_button.isEnabled()


def test_tasks_tick_when_met_and_progress_is_remembered(qtbot, course_window):
    w = course_window()
    lesson = w.lesson
    lesson.open_key("ch04/divergence")
    assert lesson.tasks.item(0).text().startswith("☐")
    w.controls.speed.setValue(SPEEDS.index(None))
    with qtbot.waitSignal(lesson.task_met, timeout=5000) as met:
        w.actions["run.play"].trigger()
    assert met.args[1].id == "diverge"
    assert lesson.tasks.item(0).text().startswith("☑")
    assert "Make it diverge." in w.statusBar().currentMessage()

    lesson.open_key("ch04/alpha")
    # alpha 0.05 (the page's value) is too slow: 10 iterations do not reach 0.001
    w.actions["run.play"].trigger()
    qtbot.waitUntil(lambda: not w.runner.playing, timeout=5000)
    lesson.check_tasks()
    assert lesson.tasks.item(0).text().startswith("☐")
    # the learner chooses alpha = 0.25 (1 / input²): one step lands on the goal
    field = w.controls.fields["alpha"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0.25")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    w.actions["run.reset"].trigger()
    with qtbot.waitSignal(lesson.task_met, timeout=5000):
        w.actions["run.play"].trigger()
    assert lesson.tasks.item(0).text().startswith("☑")
    assert lesson._items["ch04/alpha"].text(0).startswith("✓")
    w.close()

    again = course_window()
    assert again.lesson.page.key == "ch04/alpha"  # reopens on the page the learner left
    assert again.lesson.tasks.item(0).text().startswith("☑")
    again.lesson.open_key("ch04/divergence")
    assert again.lesson.tasks.item(0).text().startswith("☑")


def test_a_broken_lesson_file_is_reported_not_fatal(qtbot, settings, tmp_path, capsys):
    lessons = write_course(tmp_path / "lessons")
    bad = lessons / "ch05"
    bad.mkdir()
    (bad / "chapter.toml").write_text('chapter = 5\ntitle.en = "x"\ntitle.ru = "y"\n[[pages]\nid = "a"\n')
    manifest = lessons / "ch04" / "chapter.toml"
    manifest.write_text(manifest.read_text().replace('experiment = "ch04.alpha"', 'experiment = "ch04.nope"'))
    w = MainWindow(settings, lessons_dir=lessons)
    qtbot.addWidget(w)
    w.show()
    assert w.lesson.problems_label.isVisible()
    shown = w.lesson.problems_label.text() + w.lesson.problems_label.toolTip()
    assert "ch05/chapter.toml:4" in shown
    assert "ch04/chapter.toml" in shown and "ch04.nope" in shown
    assert [p.key for p in w.lesson.pages] == ["ch04/intro", "ch04/divergence"]  # the rest loads
    err = capsys.readouterr().err
    assert "ch05/chapter.toml:4" in err and "ch04.nope" in err


def test_phase_steps_move_the_code_highlight_and_the_math(qtbot, main_window):
    w = main_window
    w.open_experiment("ch04.gradient-descent")
    code = w.code
    source = code.view.toPlainText()
    assert "def iteration(self)" in source and "weight_delta = delta * input" in source
    assert code.current_lines() is None
    w.actions["run.phase"].trigger()
    first, last = code.current_lines()
    lines = source.splitlines()[first:last + 1]
    assert any("prediction = input * weight" in line for line in lines)
    assert not any("delta" in line for line in lines)
    assert [s.cursor.block().blockNumber() for s in code.view.extraSelections()] == list(range(first, last + 1))
    assert "= 0.25" in w.math.shown_text()
    w.actions["run.phase"].trigger()
    first2, last2 = code.current_lines()
    assert first2 == last + 1
    assert any("error = delta * delta" in line for line in source.splitlines()[first2:last2 + 1])
    assert "−0.55" in w.math.shown_text()  # delta = 0.25 - 0.8
    w.actions["run.phase"].trigger()
    first3, _ = code.current_lines()
    assert first3 == last2 + 1
    assert "weight_delta = delta · input = −0.55 · 0.5 = −0.275" in w.math.shown_text()


def test_weight_edits_count_across_resets(qtbot, course_window):
    w = course_window()
    w.lesson.open_key("ch04/divergence")
    w.runner.set_weight("weight", 0, 0, 0.3)
    w.actions["run.reset"].trigger()
    w.runner.set_weight("weight", 0, 0, 0.2)
    assert w.lesson.facts().weight_edits == 2
    w.runner.run_to(3)
    assert w.lesson.facts().iterations == 3


def test_code_panel_names_the_file_that_defines_the_iteration(qtbot):
    from desktop.panels.code import CodePanel
    from desktop.runner import Runner
    from learning.chapters.ch04_gradient_descent import GradientDescent

    class Inherited(GradientDescent):  # defined here, its iteration() lives in chapter 4's module
        id = "ch99.inherited"

    panel = CodePanel(Runner(Inherited()))
    qtbot.addWidget(panel)
    assert "learning/chapters/ch04_gradient_descent.py" in panel.caption.text()
    assert "ch99.inherited" in panel.caption.text()


def test_keys_work_with_the_focus_in_the_course_tree_and_text_fields_keep_theirs(qtbot, course_window):
    w = course_window()
    w.lesson.open_key("ch04/divergence")
    tree = w.lesson.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Space)  # a tree would take Space for its keyboard search
    assert w.runner.playing
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert not w.runner.playing
    before = w.runner.count
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # in a tree → opens a branch: the tree keeps it
    assert w.runner.count == before
    qtbot.keyClick(w.lesson.text, Qt.Key.Key_Right)  # in the lesson text → one iteration
    assert w.runner.count == before + 1
    qtbot.keyClick(tree, Qt.Key.Key_PageDown)
    assert w.lesson.page.key == "ch04/alpha"
    field = w.controls.fields["alpha"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Space)  # typing a space in a field does not play
    assert not w.runner.playing and field.text() == " "



def test_an_epoch_run_is_finished_after_its_epochs_not_after_its_iteration_count(qtbot, main_window):
    """ch11.sentiment's book run is 2 epochs of every review; its class-level `iterations` (1) is not it."""
    from learning.catalogue import get
    from tests.learning.runfile_helpers import DATA

    w = main_window
    exp = get("ch11.sentiment")(data=DATA["imdb"]())
    w.runner.set_experiment(exp)
    total = exp.epochs * exp.epoch_size
    assert total > exp.iterations
    w.runner.run_to(exp.iterations)
    assert not w.lesson.facts().finished
    w.runner.run_to(total - 1)
    assert not w.lesson.facts().finished
    w.runner.run_to(total)
    assert w.lesson.facts().finished
