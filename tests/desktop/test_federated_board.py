"""The federation board and the spam words, driven like a learner: the cards follow a round (the model out, the
updates back, the average and the test), the round stepper steps a round and rewinds it, the updates travel grey
when encrypted, the spam words are the extreme weights; export, the text alternative, reset and Russian."""

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from desktop.colour import signed_rgba
from desktop.export import export_widget
from desktop.theme import colours
from desktop.views.federated.board import BoardPanel, strip_of
from desktop.views.federated.spam_words import SpamWordsPanel
from tests.desktop.ch15_views import settle, switch_language, view_on


@pytest.fixture
def russian(qtbot):
    translations = switch_language(qtbot, "ru")
    yield
    translations.set_language("en")


def test_a_strip_cell_takes_the_largest_change_of_its_run_with_its_sign():
    strip = strip_of(np.array([0, 1, 5, 9]), np.array([0.2, -0.5, 0.1, 0.3]), size=10, cells=5)
    # runs of two weights: [0, 1] → −0.5 (the larger magnitude, its sign kept), [2, 3] → none, [4, 5] → 0.1 …
    assert strip.tolist() == [-0.5, 0.0, 0.1, 0.0, 0.3]
    assert strip_of(np.array([6]), np.array([-1.0]), size=7, cells=3).tolist() == [0.0, 0.0, -1.0]


def test_the_cards_follow_a_round_out_back_averaged_and_tested(qtbot):
    runner, panel = view_on(qtbot, BoardPanel, "ch15.federated")
    exp = runner.experiment
    assert exp.epoch_size == 7  # Bob, Alice and Sue two batches each, then the owner
    runner.run_to(1)
    settle(qtbot, panel)
    board = panel.canvas.board
    assert board.flows == {"bob": "out", "alice": "", "sue": ""} and board.active == "bob"
    assert board.cards["bob"].state == "training" and board.cards["bob"].batch == 1
    assert board.cards["alice"].state == "waiting" and board.cards["alice"].strip is None
    indices, deltas = exp.client_update("bob")
    np.testing.assert_array_equal(panel.update_strip("bob"), strip_of(indices, deltas, exp.spam.vocab_size))
    runner.run_to(5)
    settle(qtbot, panel)
    board = panel.canvas.board
    assert board.flows == {"bob": "back", "alice": "back", "sue": "out"}
    assert board.cards["alice"].changed == len(exp.client_update("alice")[0]) > 0
    assert board.cards["owner"].state == "collecting" and board.cards["owner"].series == []
    runner.run_to(7)
    settle(qtbot, panel)
    board = panel.canvas.board
    assert board.averaged and set(board.flows.values()) == {"back"}
    accuracy = runner.history.series("test_accuracy", epochs=True)
    assert board.cards["owner"].series == [float(accuracy[0])] and board.cards["owner"].state == "tested"
    assert board.cards["owner"].changed == len(exp.average_leak())
    # each client's loss line: its batches' loss per e-mail, from the run's own records
    losses = runner.history.series("loss")[:2] / 75  # Bob's two batches of 75 e-mails
    assert board.cards["bob"].series == losses.tolist()
    text = panel.describe()
    assert "Round 1 of 3" in text and f"{100 * accuracy[0]:.1f} %" in text and "averaged" in text


def test_the_round_stepper_steps_a_round_and_rewinds_it(qtbot):
    runner, panel = view_on(qtbot, BoardPanel, "ch15.federated")
    acted = []
    panel.acted.connect(acted.append)
    stepper = panel.stepper
    runner.run_to(3)
    stepper.forward.click()
    qtbot.waitUntil(lambda: not stepper.going, timeout=10000)
    assert runner.count == 7 and acted == ["next_round"]
    settle(qtbot, panel)
    first = panel.canvas.board.cards["owner"].series
    assert len(first) == 1
    stepper.forward.click()
    qtbot.waitUntil(lambda: not stepper.going, timeout=10000)
    assert runner.count == 14
    settle(qtbot, panel)
    assert len(panel.canvas.board.cards["owner"].series) == 2
    stepper.back.click()  # at a round's start: back to the previous round's start
    assert runner.count == 7
    settle(qtbot, panel)
    assert panel.canvas.board.cards["owner"].series == first
    stepper.forward.click()  # the run has been there: replayed from its history, at once
    assert runner.count == 14 and not stepper.going
    runner.rewind_to(9)  # the history slider, within round 2
    stepper.back.click()  # within a round: back to its start
    assert runner.count == 7
    assert acted == ["next_round", "next_round", "previous_round", "next_round", "previous_round"]
    assert "Round 2 of 3" in stepper.status.text()


def test_playing_stops_a_round_step_and_reset_clears_the_board(qtbot):
    runner, panel = view_on(qtbot, BoardPanel, "ch15.federated")
    stepper = panel.stepper
    stepper.next_round()
    assert stepper.going
    runner.play()
    assert not stepper.going
    runner.pause()
    runner.run_to(8)
    runner.reset()
    settle(qtbot, panel)
    board = panel.canvas.board
    assert board.round == 0 and board.cards["owner"].series == [] and set(board.flows.values()) == {""}
    assert "Round 1 of 3" in stepper.status.text() and not stepper.back.isEnabled()


def packet_colour(panel, name):
    """The colour in the middle of the update travelling back from `name` (drawn beside its arrow)."""
    image = panel.canvas.grab().toImage()
    rects = panel.canvas.layout_rects()
    x = rects[name].center().x() + 6 + 14
    y = (rects["owner"].bottom() + rects[name].top()) / 2
    return image.pixelColor(int(x), int(y)).name()


def test_encrypted_updates_travel_grey_and_plain_ones_in_their_colours(qtbot):
    runner, panel = view_on(qtbot, BoardPanel, "ch15.paillier")
    runner.run_to(6)  # every client has trained; the owner has not aggregated yet
    settle(qtbot, panel)
    assert panel.canvas.board.encrypted and panel.canvas.board.flows["bob"] == "back"
    assert packet_colour(panel, "bob") == colours().grid.name()
    plain_runner, plain = view_on(qtbot, BoardPanel, "ch15.federated")
    plain_runner.run_to(6)
    settle(qtbot, plain)
    strip = plain.update_strip("bob")
    shades = {QColor(*(int(v) for v in rgba[:3])).name() for rgba in signed_rgba(strip, plain.canvas.scale)}
    assert packet_colour(plain, "bob") in shades  # Bob's update in its own colours, on the board's shared scale
    assert colours().grid.name() not in shades


def test_export_png_and_svg_of_the_board(qtbot, tmp_path):
    runner, panel = view_on(qtbot, BoardPanel, "ch15.federated")
    runner.run_to(7)
    settle(qtbot, panel)
    png = export_widget(panel, tmp_path / "board.png", 900)
    svg = export_widget(panel, tmp_path / "board.svg", 900)
    image = QImage(str(png))
    assert image.width() == 900 and not image.isNull()
    seen = {image.pixelColor(x, y).name() for x in range(0, 900, 3) for y in range(0, image.height(), 3)}
    assert colours().accent.name() in seen  # the owner's accuracy bar
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Bob" in text and QImage(str(svg)).width() > 0


def test_the_board_speaks_russian(qtbot, russian):
    runner, panel = view_on(qtbot, BoardPanel, "ch15.federated")
    runner.run_to(2)
    settle(qtbot, panel)
    assert panel.stepper.forward.text() == "Раунд ▶"
    assert "Раунд 1 из 3" in panel.describe() and "Боб" in panel.describe()
    assert panel.canvas.accessibleName() == "Доска федерации"


def test_spam_words_are_the_models_extreme_weights_and_a_clients_copy(qtbot):
    runner, panel = view_on(qtbot, SpamWordsPanel, "ch15.federated", size=(500, 320))
    runner.run_to(7)
    settle(qtbot, panel)
    exp = runner.experiment
    rows = panel.columns.rows()
    words = panel.columns.words
    w = exp.model.weights.reshape(-1).copy()
    w[exp.spam.unk] = 0
    order = np.argsort(w, kind="stable")
    assert [x for x, _ in words["spam"]] == [exp.vocab[i] for i in order[::-1][:rows]]
    assert [x for x, _ in words["ham"]] == [exp.vocab[i] for i in order[:rows]]
    runner.run_to(8)  # Bob's first batch of round 2: his copy differs from the model
    panel.pick.setCurrentIndex(panel.pick.findData("bob"))
    panel.pick.activated.emit(panel.pick.currentIndex())
    bob = exp.clients["bob"].weights.reshape(-1).copy()
    bob[exp.spam.unk] = 0
    assert [x for x, _ in panel.columns.words["spam"]] == [exp.vocab[i] for i in
                                                          np.argsort(bob, kind="stable")[::-1][:rows]]
    assert panel.describe().startswith(panel.title.text())


def test_spam_words_of_the_hack_are_bobs_email_all_towards_ham(qtbot, tmp_path):
    runner, panel = view_on(qtbot, SpamWordsPanel, "ch15.federated-hack", size=(500, 320),
                            email="w001 w002 w003 nonsense")
    runner.step()
    settle(qtbot, panel)
    assert panel.columns.words["spam"] == []
    assert sorted(w for w, _ in panel.columns.words["ham"]) == ["w001", "w002", "w003"]
    assert not panel.pick.isVisible()
    png = export_widget(panel, tmp_path / "words.png", 500)
    assert QImage(str(png)).width() == 500


def test_spam_words_follow_reset_and_speak_russian(qtbot, tmp_path, russian):
    runner, panel = view_on(qtbot, SpamWordsPanel, "ch15.spam-plain", size=(500, 320))
    runner.run_to(3)
    settle(qtbot, panel)
    assert panel.columns.words["spam"] and "Самые «спамные» слова" in panel.describe()
    assert "Enron-Spam" in panel.title.text() and "не файлы книги" in panel.title.text()
    svg = export_widget(panel, tmp_path / "words.svg", 500)
    assert "<svg" in svg.read_text(encoding="utf-8")
    runner.reset()
    settle(qtbot, panel)
    assert panel.columns.words == {"spam": [], "ham": []}  # a zero model: no word leans either way
