"""The encrypted-aggregation view, driven like a learner: three rows of opaque blocks and their sum after a round,
only the sum decrypted and equal to plain averaging bit for bit; the book's decryption (Q24) switched on shows Sue's
model decrypted and its accuracy; the costs of all weights vs the changed ones; progress while the owner works;
export, reset and Russian."""

import pytest
from PySide6.QtGui import QImage

from desktop.export import export_widget
from desktop.views.federated.encrypted import SUM, EncryptedPanel
from learning.chapters.ch15_spam import exact_mean
from tests.desktop.ch15_views import settle, switch_language, view_on


@pytest.fixture
def russian(qtbot):
    translations = switch_language(qtbot, "ru")
    yield
    translations.set_language("en")


def test_a_round_shows_three_encrypted_models_their_sum_and_only_the_sum_decrypted(qtbot):
    runner, panel = view_on(qtbot, EncryptedPanel, "ch15.paillier", encrypt="changed")
    settle(qtbot, panel)
    agg = panel.canvas.aggregation
    assert agg.rows == {} and agg.round is None and "not encrypted yet" in panel.describe()
    runner.run_to(runner.experiment.epoch_size)
    settle(qtbot, panel)
    exp = runner.experiment
    agg = panel.canvas.aggregation
    for name in ("bob", "alice", "sue"):
        row = agg.rows[name]
        assert row.count == len(exp.encrypted[name]) == len(exp.client_update(name)[0])  # only what changed
        assert row.blocks == exp.blocks(name, len(row.blocks)) and row.nbytes == row.count * 32
    assert agg.rows[SUM].count == len(exp.aggregated) and agg.decrypts == SUM
    assert agg.same_as_plain is True  # Dec(sum) / 3 is plain averaging, bit for bit
    assert agg.test_accuracy == agg.average_accuracy == runner.history.series("test_accuracy", epochs=True)[0]
    text = panel.describe()
    assert f"{agg.encryptions:d} encryptions" in text and "the same weights, bit for bit" in text
    assert f"instead of {3 * exp.spam.vocab_size:d} encryptions" in text
    assert "decrypts only the sum" in text
    blocks = {b[:8] for row in agg.rows.values() for b in row.blocks}
    assert len(blocks) == sum(len(row.blocks) for row in agg.rows.values())  # every ciphertext looks different


def test_the_books_decryption_switch_decrypts_sues_model(qtbot):
    runner, panel = view_on(qtbot, EncryptedPanel, "ch15.paillier", encrypt="changed")
    acted = []
    panel.acted.connect(acted.append)
    panel.set_book_decryption(True)  # a run not begun starts again with it at once
    assert acted == ["q24_switched"] and runner.experiment.book_faithful and panel.note.text() == ""
    runner.run_to(runner.experiment.epoch_size)
    settle(qtbot, panel)
    exp = runner.experiment
    agg = panel.canvas.aggregation
    assert agg.decrypts == "sue" and agg.same_as_plain is False
    assert agg.test_accuracy == agg.q24_accuracy  # the model is Sue's ÷ 3
    clients = [exp.last_clients[n] for n in ("bob", "alice", "sue")]
    assert not (exact_mean(clients) == exp.last_average).all()
    assert "decrypts Sue's model, not the sum" in panel.describe()
    panel.set_book_decryption(False)  # mid-run: for the next run
    assert acted == ["q24_switched", "q24_switched"] and exp.book_faithful and not exp.values["book_faithful"]
    assert panel.note.text() == "Takes effect when you reset (Ctrl+R)"
    runner.reset()
    settle(qtbot, panel)
    assert panel.note.text() == "" and not panel.q24.isChecked() and panel.canvas.aggregation.decrypts == SUM


def test_all_weights_cost_more_encryptions_than_the_changed_ones(qtbot):
    runner, panel = view_on(qtbot, EncryptedPanel, "ch15.paillier")
    assert panel.mode.currentData() == "all"
    runner.run_to(runner.experiment.epoch_size)
    settle(qtbot, panel)
    exp = runner.experiment
    agg = panel.canvas.aggregation
    assert agg.encryptions == 3 * exp.spam.vocab_size
    changed = sum(len(exp.client_update(n)[0]) for n in ("bob", "alice", "sue"))
    assert agg.changed_encryptions == changed < agg.encryptions
    assert f"would need {changed} instead of {agg.encryptions} encryptions" in panel.describe()
    assert set(agg.seconds) == {"keygen", "encrypt", "add", "decrypt"} and agg.per_encryption > 0
    acted = []
    panel.acted.connect(acted.append)
    panel.set_encrypt("changed")
    assert acted == ["encrypt_switched"] and exp.values["encrypt"] == "changed" and exp.encrypt == "all"


def test_progress_shows_the_stage_while_the_owner_aggregates(qtbot):
    runner, panel = view_on(qtbot, EncryptedPanel, "ch15.paillier")
    runner.run_to(runner.experiment.epoch_size - 1)
    runner.step()  # the owner's iteration: encrypting ~900 weights takes many 5 ms ticks
    assert runner.mid_iteration and runner.experiment.work is not None
    panel.refresh()
    assert panel.progress.isVisible()
    assert panel.progress.format().split(":")[0] in ("making the key pair", "Bob encrypts the model",
                                                     "Alice encrypts the model", "Sue encrypts the model")
    qtbot.waitUntil(lambda: not runner.mid_iteration, timeout=20000)
    settle(qtbot, panel)
    assert not panel.progress.isVisible() and panel.canvas.aggregation.round == 0


def test_export_and_russian(qtbot, tmp_path, russian):
    runner, panel = view_on(qtbot, EncryptedPanel, "ch15.paillier", encrypt="changed")
    runner.run_to(runner.experiment.epoch_size)
    settle(qtbot, panel)
    assert panel.q24.text() == "Расшифровка из книги (Q24)"
    assert "расшифровывает только сумму" in panel.describe()
    png = export_widget(panel, tmp_path / "encrypted.png", 700)
    svg = export_widget(panel, tmp_path / "encrypted.svg", 700)
    image = QImage(str(png))
    assert image.width() == 700 and image.height() >= 300  # the whole canvas, not the scrolled window
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_rewinding_a_round_shows_that_rounds_encryption_again(qtbot):
    runner, panel = view_on(qtbot, EncryptedPanel, "ch15.paillier", encrypt="changed")
    size = runner.experiment.epoch_size
    runner.run_to(size)
    settle(qtbot, panel)
    first = {k: r.blocks for k, r in panel.canvas.aggregation.rows.items()}
    runner.run_to(2 * size)
    settle(qtbot, panel)
    assert panel.canvas.aggregation.round == 1 and panel.canvas.aggregation.rows["bob"].blocks != first["bob"]
    runner.rewind_to(size)  # replayed from the kept state: the same ciphertexts, not new ones
    settle(qtbot, panel)
    agg = panel.canvas.aggregation
    assert agg.round == 0 and {k: r.blocks for k, r in agg.rows.items()} == first
