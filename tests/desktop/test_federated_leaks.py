"""The leak inspector, driven like a learner: Bob's one e-mail read off his update (the hack), a client's update
searched for a word and marked in his e-mails, the average revealing the union of the three; export, the text
alternative, reset and Russian."""

import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from desktop.export import export_widget
from desktop.views.federated.leaks import AVERAGE, LeakPanel
from tests.desktop.ch15_views import settle, switch_language, view_on


@pytest.fixture
def russian(qtbot):
    translations = switch_language(qtbot, "ru")
    yield
    translations.set_language("en")


def marked(panel) -> list[str]:
    """The words the e-mail pane marks as changed (on a coloured background)."""
    return re.findall(r'<span style="[^"]*background-color:[^"]*">([^<]*)</span>', panel._marked_html)


def listed(panel) -> list[str]:
    return list(panel.words.words)


def test_the_hack_reads_bobs_email_off_his_update(qtbot):
    runner, panel = view_on(qtbot, LeakPanel, "ch15.federated-hack", email="w005 w001 secret w003 w001")
    settle(qtbot, panel)
    assert listed(panel) == [] and "no update yet" in panel.summary.text().lower()
    runner.step()
    settle(qtbot, panel)
    assert listed(panel) == ["w001", "w003", "w005"]  # vocabulary order, as the book prints them
    assert listed(panel) == runner.experiment.leaked_words()
    assert "secret" in panel.summary.text() and "not in the vocabulary" in panel.summary.text().lower()
    html = panel.email_view.toHtml()
    assert "secret" in html and panel.email_view.toPlainText().split() == ["w005", "w001", "secret", "w003", "w001"]
    assert marked(panel) == ["w005", "w001", "w003", "w001"]  # every e-mail word with a weight, none other
    assert "<s " in panel._marked_html and ">secret</s>" in panel._marked_html
    assert not panel.whose.isEnabled()
    acted = []
    panel.acted.connect(acted.append)
    assert panel.search("w003") and acted == ["word_found"]
    assert "w003" in panel.answer.text() and "in Bob's update" in panel.answer.text()
    assert panel.list.currentIndex().row() == listed(panel).index("w003")
    assert not panel.search("secret") and "not in the vocabulary" in panel.answer.text()
    assert not panel.search("w100") and "is not in Bob's update" in panel.answer.text()
    assert acted == ["word_found"]


def test_a_clients_update_names_the_words_of_his_emails(qtbot):
    runner, panel = view_on(qtbot, LeakPanel, "ch15.federated")
    exp = runner.experiment
    runner.run_to(1)  # Bob's first batch
    settle(qtbot, panel)
    assert panel.who() == "bob"
    assert sorted(listed(panel)) == sorted(exp.leaked_words("bob"))
    first = exp.schedule[0]
    rows = list(range(first.start, first.stop))
    assert panel.rows == rows and panel.leak.email_words == len(
        {w for r in rows for w in exp.spam.words(exp.spam.train_input[r])})
    changed = set(exp.leaked_words("bob"))
    text = exp.spam.email_text(exp.spam.train_origin[rows[0]])
    want = [w for w in text.split(" ") if w in changed]
    assert marked(panel) == want  # the first e-mail, its words that the update names
    deltas = np.abs(exp.client_update("bob")[1])
    assert panel.order.currentIndex() == 0 and listed(panel)[0] == exp.vocab[exp.client_update("bob")[0][
        np.argmax(deltas)]]  # largest change first
    # a word of a later e-mail: the pane jumps to the first e-mail that has it
    later = next(w for w in exp.spam.words(exp.spam.train_input[rows[5]]) if
                 w not in exp.spam.words(exp.spam.train_input[rows[0]]))
    acted = []
    panel.acted.connect(acted.append)
    assert panel.search(later) and acted == ["word_found"]
    shown = panel.rows[panel.email]
    assert later in exp.spam.words(exp.spam.train_input[shown])
    assert all(later in exp.spam.words(exp.spam.train_input[r]) for r in panel.rows)
    assert f"it is in {len(panel.rows)} of Bob's e-mails" in panel.answer.text()
    panel.search_field.clear()
    assert panel.rows == rows


def test_the_average_reveals_the_union_of_the_three(qtbot):
    runner, panel = view_on(qtbot, LeakPanel, "ch15.federated")
    exp = runner.experiment
    acted = []
    panel.acted.connect(acted.append)
    panel.inspect(AVERAGE)
    assert listed(panel) == [] and "No average yet" in panel.summary.text() and acted == []
    runner.run_to(exp.epoch_size)
    settle(qtbot, panel)
    union = set().union(*(set(exp.leaked_words(n)) for n in ("bob", "alice", "sue")))
    assert set(listed(panel)) == set(exp.average_leak()) == union
    assert panel.leak.per_client == {n: len(exp.leaked_words(n)) for n in ("bob", "alice", "sue")}
    assert f"{len(union)} weights" in panel.summary.text() and "hides who but not what" in panel.summary.text()
    panel.inspect("alice")
    panel.inspect(AVERAGE)
    assert acted == ["update_inspected", "average_inspected"]
    assert panel.order.currentIndex() == 0
    panel.order.setCurrentIndex(1)
    assert listed(panel) == sorted(listed(panel), key=exp.spam.word2index.get)  # the vocabulary's order


def test_export_describe_reset_and_russian(qtbot, tmp_path, russian):
    runner, panel = view_on(qtbot, LeakPanel, "ch15.federated")
    runner.run_to(2)
    settle(qtbot, panel)
    assert panel.whose_label.text() == "Обновление"
    assert "Боб" in panel.describe() and panel.list.accessibleName() == "Инспектор утечек"
    png = export_widget(panel, tmp_path / "leaks.png", 800)
    svg = export_widget(panel, tmp_path / "leaks.svg", 800)
    assert QImage(str(png)).width() == 800 and "<svg" in svg.read_text(encoding="utf-8")
    runner.reset()
    settle(qtbot, panel)
    assert listed(panel) == [] and panel.rows == []


def test_the_word_list_shows_each_change_in_its_colour(qtbot):
    runner, panel = view_on(qtbot, LeakPanel, "ch15.federated")
    runner.run_to(1)
    settle(qtbot, panel)
    model = panel.words
    first = model.index(0)
    value = float(model.values[0])
    assert model.data(first, Qt.ItemDataRole.DisplayRole).startswith(model.words[0])
    background = model.data(first, Qt.ItemDataRole.BackgroundRole)
    from desktop.colour import mix, sign_colour
    from desktop.theme import colours

    share = min(abs(value) / model.scale, 1.0)
    assert background == mix(colours().surface, sign_colour(value), 0.2 + 0.4 * share)
    faint = [model.data(model.index(k), Qt.ItemDataRole.BackgroundRole) for k in range(len(model.words))]
    assert colours().surface not in faint  # however small its change, every listed word is tinted
    assert model.data(first, Qt.ItemDataRole.ToolTipRole).startswith(model.words[0])


def test_another_experiment_with_a_word_typed_but_not_looked_up(qtbot):
    """Found by the monkey: a word left in the field, then another experiment opens; clearing the field browsed the
    last experiment's e-mails in the new one (AttributeError: no `spam`)."""
    from learning.catalogue import get

    runner, panel = view_on(qtbot, LeakPanel, "ch15.federated-hack", email="w005 w001 secret")
    runner.step()
    settle(qtbot, panel)
    panel.search_field.setText("w00")  # typed, Enter not pressed
    with qtbot.capture_exceptions() as raised:
        runner.set_experiment(get("ch05.freeze-weight")())
        settle(qtbot, panel)
    assert raised == []
    assert panel.leak is None and panel.search_field.text() == "" and panel.email_view.toPlainText() == ""
    assert listed(panel) == []
