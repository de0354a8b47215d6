"""The chapter 12 views: the network unrolled in time (forward word by word, the backward pass step by step back
through time, a typed sentence and the guess after it; the toy chain's three steps) and the perplexity view (the
curve against the history, the blind-guess baseline, each word's surprise and the book's analysis rows, Q18)."""

import numpy as np
import pytest

from desktop.views.language import perplexity, unrolled
from tests.desktop.language_views import acted, rnn, settle, show, toy


# -- unrolled in time -----------------------------------------------------------------------------------------
def test_the_sentence_in_time_is_the_experiments_and_the_backward_pass_steps_from_the_last_word(qtbot):
    runner, view = show(qtbot, unrolled.UnrolledView, rnn())
    names = acted(view)
    runner.run_to(4)
    runner.step_phase()  # predict: the sentence read, no gradient yet
    settle(qtbot, view)
    exp = runner.experiment
    u = exp.unrolled()
    line = view.line
    assert line.words == u.words and np.array_equal(line.hidden, u.hidden[1:]) and np.array_equal(line.start,
                                                                                                   u.hidden[0])
    assert [g[0][0] for g in line.guesses] == [exp.vocabulary[i] for i in u.top[:, 0]]
    assert line.deltas is None and not view.buttons["bptt"].isEnabled()
    runner.step_phase()
    runner.step_phase()  # learn: the backward pass waits for the learner
    settle(qtbot, view)
    line = view.line
    deltas = exp.unrolled().hidden_deltas
    assert np.array_equal(line.deltas, deltas[1:]) and np.array_equal(line.start_delta, deltas[0])
    assert view.canvas.revealed == 0 and view.canvas.reached() == set()
    n = len(line.words)
    view.buttons["bptt"].click()
    assert view.canvas.reached() == {n - 1} and names == ["bptt_step"]
    for _ in range(n):
        view.buttons["bptt"].click()
    assert view.canvas.reached() == set(range(-1, n))  # down to the start vector
    assert line.delta_norms() == pytest.approx([float(np.linalg.norm(deltas[k])) for k in range(n, -1, -1)])
    assert line.delta_norms()[0] == 0  # the last hidden vector predicts nothing (exact BPTT)
    view.buttons["back"].click()
    view.buttons["back"].click()
    assert view.canvas.shown_words() == n - 2 and names[-2:] == ["time_step", "time_step"]
    view.buttons["forward"].click()
    assert view.canvas.shown_words() == n - 1


def test_playing_shows_the_whole_backward_pass_and_the_recurrent_matrix_drifting_from_the_identity(qtbot):
    runner, view = show(qtbot, unrolled.UnrolledView, rnn(alpha=0.05))
    runner.run_to(1)
    settle(qtbot, view)
    assert view.canvas.revealed is None and view.canvas.reached() == set(view.line.backward)
    first = view.line.drift
    runner.run_to(40)
    settle(qtbot, view)
    exp = runner.experiment
    assert view.line.drift == pytest.approx(np.linalg.norm(exp.recurrent - np.eye(10))) and view.line.drift > first
    assert f"‖recurrent − I‖ = {view.line.drift:.3g}" in view.canvas.matrix_text


def test_a_typed_sentence_is_read_with_the_current_weights_and_its_next_word_guessed(qtbot):
    runner, view = show(qtbot, unrolled.UnrolledView, rnn())
    names = acted(view)
    runner.run_to(12)
    view.entry.setText("Mary moved to the")
    view.entry.returnPressed.emit()
    settle(qtbot, view)
    exp = runner.experiment
    assert names == ["sentence_analysed"]
    assert view.line.words == ("mary", "moved", "to", "the") and view.line.deltas is None
    assert view.line.after == tuple(exp.next_word(["mary", "moved", "to", "the"]))
    assert view.caption.text().startswith("Your sentence “mary moved to the”")
    runner.run_to(13)  # it follows training: the same sentence, the newer weights
    settle(qtbot, view)
    assert view.line.after == tuple(exp.next_word(["mary", "moved", "to", "the"]))
    view.entry.setText("mary moved to the unicorn")
    view.entry.returnPressed.emit()
    assert view.caption.text() == "Not in the vocabulary: 'unicorn' is not in the vocabulary"
    view.entry.clear()
    settle(qtbot, view)
    assert view.sentence is None and view.line.words == exp.unrolled().words


def test_the_toy_chain_shows_red_socks_defeat_and_its_three_deltas(qtbot):
    runner, view = show(qtbot, unrolled.UnrolledView, toy())
    runner.step()
    settle(qtbot, view)
    assert view.line is None and "identity" in view.caption.text()
    runner.run_to(3)
    settle(qtbot, view)
    exp = runner.experiment
    line = view.line
    assert line.words == ("red", "socks", "defeat") and line.start is None
    record = runner.history.last_record
    assert np.allclose(line.deltas, [record["layer_0_delta"], record["layer_1_delta"], record["layer_2_delta"]])
    words = ("yankees", "bears", "braves", "red", "socks", "lose", "defeat", "beat", "tie")
    best = sorted(range(9), key=lambda i: -exp.pred[0][i])[:3]
    assert line.after == tuple((words[i], pytest.approx(exp.pred[0][i])) for i in best)
    assert line.after[0][0] == "yankees"  # two backpropagation steps towards it
    assert not view.entry.isVisible()


# -- perplexity ------------------------------------------------------------------------------------------------
def test_the_curve_is_the_runs_perplexity_with_the_blind_guess_baseline(qtbot):
    runner, view = show(qtbot, perplexity.PerplexityView, rnn())
    runner.run_to(20)
    settle(qtbot, view)
    exp = runner.experiment
    assert view.plot.baseline == len(exp.vocabulary) == exp.perplexity_baseline
    records = runner.history.series("perplexity")
    assert np.array_equal(view.plot.sentences[1], records) and len(records) == 20
    passes = runner.history.series("perplexity", epochs=True)
    assert np.array_equal(view.plot.passes[1], passes) and np.array_equal(view.plot.passes[0], [6, 12, 18])
    assert f"a blind guess: {len(exp.vocabulary)}" in view.caption.text()


@pytest.mark.parametrize("book", [False, True])
def test_the_analysed_line_carries_each_words_surprise_and_the_books_guess_rows(qtbot, book):
    runner, view = show(qtbot, perplexity.PerplexityView, rnn(book_faithful=book))
    runner.run_to(30)
    settle(qtbot, view)
    exp = runner.experiment
    analysis = exp.analysis()
    line = view.sentence_line
    assert line.words == analysis["tokens"]
    assert line.guesses[1:] == [pred for _, _, pred in analysis["rows"]]  # the book's Pred column (Q18 in book mode)
    assert np.allclose(line.surprise, exp.analyse(analysis["tokens"]).surprise)
    view.printout_button.click()
    settle(qtbot, view)
    assert view.printout.toPlainText().splitlines() == exp.report()["text"]
    assert any(row.startswith("Prev Input:sandra") for row in view.printout.toPlainText().splitlines())


def test_a_typed_sentence_is_analysed(qtbot):
    runner, view = show(qtbot, perplexity.PerplexityView, rnn())
    names = acted(view)
    runner.run_to(10)
    view.entry.setText("john went to the hallway.")
    view.entry.returnPressed.emit()
    settle(qtbot, view)
    exp = runner.experiment
    words = ["john", "went", "to", "the", "hallway."]
    assert names == ["sentence_analysed"] and view.sentence_line.words == words
    u = exp.analyse(words)
    assert view.sentence_line.guesses[1:] == [exp.vocabulary[int(u.top[k][0])] for k in range(1, 5)]
    assert f"perplexity {u.perplexity:.3g}" in view.describe()
    view.entry.setText("john flew")
    view.entry.returnPressed.emit()
    assert "Not in the vocabulary: 'flew'" in view.describe()
