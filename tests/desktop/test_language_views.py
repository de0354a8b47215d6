"""The chapter 11 views against the numbers they show: the rows a review picks and that only they learn, the
nearest words (against a brute-force ranking), the map (against a plain PCA), the analogy workbench, the word2vec
step inspector and the review search. Tiny reviews are injected (tests/learning/language_data.py)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.views.language import analogy as analogy_view
from desktop.views.language import cbow, nearest, review_search, rows, word_map
from desktop.views.language._common import embeddings_of, pins_for
from learning.embeddings import analogy as rank_analogy
from learning.experiment import Phase
from learning.results import ResultStore
from tests.desktop.language_views import (
    acted,
    analogy,
    click,
    mouse,
    review_vectors,
    sentiment,
    settle,
    show,
    toy,
    word2vec,
)


# -- rows a review picks --------------------------------------------------------------------------------------
def test_rows_are_the_reviews_words_and_only_they_change_when_it_learns(qtbot):
    runner, view = show(qtbot, rows.RowsView, sentiment())
    runner.step()
    settle(qtbot, view)  # the fingerprint before the next review's learn phase
    runner.step_phase()  # predict
    settle(qtbot, view)
    exp = runner.experiment
    picked = exp.selected_rows()
    assert np.array_equal(view.canvas.rows, picked)
    assert np.array_equal(view.canvas.values, exp.weights_0_1[picked])
    assert np.allclose(view.canvas.summed, exp.weights_0_1[picked].sum(axis=0))
    assert view.canvas.change is None and "will move only these rows" in view.learn.text()
    before = exp.weights_0_1.copy()
    runner.step_phase()  # compare
    runner.step_phase()  # learn
    settle(qtbot, view)
    really = np.flatnonzero(np.any(before != exp.weights_0_1, axis=1))
    assert np.array_equal(view.checked[1], really) and np.array_equal(really, picked)
    assert np.array_equal(view.canvas.changed, picked)
    assert np.allclose(view.canvas.values, before[picked])  # drawn as the forward pass read them
    assert np.allclose(view.canvas.change, exp.weights_0_1[picked[0]] - before[picked[0]])
    others = len(exp.vocabulary) - len(picked)
    assert f"exactly these {len(picked)} rows changed; the other {others} rows did not" in view.learn.text()


def test_a_learn_phase_that_touched_another_row_is_reported(qtbot):
    runner, view = show(qtbot, rows.RowsView, sentiment())
    exp = runner.experiment
    runner.step()
    settle(qtbot, view)
    stray = int(np.setdiff1d(np.arange(len(exp.vocabulary)), exp._inputs[1])[0])
    original = exp.iteration

    def leaky():  # a learn phase with a one-line bug: it also moves a row the review did not pick
        for phase, values in original():
            if phase == Phase.LEARN:
                exp.weights_0_1[stray] += 0.5
            yield phase, values

    exp.iteration = leaky
    runner.step()
    settle(qtbot, view)
    assert stray in view.checked[1].tolist()
    assert "not the review's words" in view.learn.text()


def test_clicking_a_row_keeps_it_in_the_readout(qtbot):
    runner, view = show(qtbot, rows.RowsView, sentiment(), size=(640, 360))
    runner.step()
    settle(qtbot, view)
    names = acted(view)
    _, _, stacked, _ = view.canvas.columns()
    k = len(view.canvas.rows)
    click(view.canvas, (stacked.center().x(), stacked.top() + (1.5 / k) * stacked.height()))
    assert names == ["row_inspected"] and view.inspected == 1
    word = runner.experiment.vocabulary[int(view.canvas.rows[1])]
    assert f"“{word}”: row" in view.readout.text()


# -- nearest words --------------------------------------------------------------------------------------------
def brute_nearest(weights, vocabulary, word, metric, k=10):
    """The ranking computed the slow way, independently of learning.embeddings."""
    q = weights[vocabulary.index(word)]
    if metric == "euclidean":
        scores = [-np.sqrt(sum((a - b) ** 2 for a, b in zip(row, q, strict=True))) for row in weights]
    else:
        scores = [float(row @ q / (np.linalg.norm(row) * np.linalg.norm(q))) for row in weights]
    order = sorted(range(len(vocabulary)), key=lambda i: (-scores[i], i))
    return [vocabulary[i] for i in order[:k]]


def test_nearest_words_follow_training_in_both_metrics(qtbot):
    runner, view = show(qtbot, nearest.NearestView, sentiment())
    names = acted(view)
    exp = runner.experiment
    for steps in (5, 40):
        runner.run_to(steps)
        settle(qtbot, view)
        for word in ("terrible", "beautiful"):
            assert [n.word for n in view.lists[word]] == brute_nearest(exp.weights_0_1, exp.vocabulary, word,
                                                                        "euclidean")
    assert view.formula.text().startswith("‖w − q‖")
    view.buttons["cosine"].click()
    settle(qtbot, view)
    assert names == ["metric_switched"]
    assert [n.word for n in view.lists["terrible"]] == brute_nearest(exp.weights_0_1, exp.vocabulary, "terrible",
                                                                      "cosine")
    assert view.formula.text().startswith("cos = w · q")
    pair = view._first_pair()
    w, q = exp.weights_0_1[exp.word2index[pair[1]]], exp.weights_0_1[exp.word2index[pair[0]]]
    assert f"{float(w @ q / (np.linalg.norm(w) * np.linalg.norm(q))):.4g}".replace("-", "−") in view.formula.text()


def test_pinning_by_typing_by_clicking_a_neighbour_and_unpinning(qtbot):
    runner, view = show(qtbot, nearest.NearestView, sentiment(), size=(700, 300))
    names = acted(view)
    runner.run_to(3)
    view.entry.setText("Boring")
    view.entry.returnPressed.emit()
    settle(qtbot, view)
    assert view.pins.words[-1] == "boring" and names == ["word_pinned"]
    assert [c[0] for c in view.grid.columns] == ["terrible", "beautiful", "boring"]
    neighbour = view.grid.columns[0][1][2].word
    click(view.grid, (nearest.COLUMN_W / 2, nearest.HEAD_H + 2.5 * nearest.ROW_H))
    settle(qtbot, view)
    assert names[-1] == "neighbour_pinned" and view.pins.words[-1] == neighbour
    click(view.grid, (nearest.COLUMN_W - 10, nearest.HEAD_H / 2))  # × of the first column
    settle(qtbot, view)
    assert names[-1] == "word_unpinned" and "terrible" not in view.pins.words
    view.entry.setText("unicorn")
    view.entry.returnPressed.emit()
    settle(qtbot, view)
    assert view.lists["unicorn"] is None and "unicorn: not in the vocabulary" in view.describe()


# -- the map -----------------------------------------------------------------------------------------------
def test_the_map_is_the_principal_plane_of_the_frequent_words_and_holds_still(qtbot):
    runner, view = show(qtbot, word_map.WordMapView, sentiment(), size=(600, 360))
    exp = runner.experiment
    runner.run_to(5)
    settle(qtbot, view)
    emb = embeddings_of(exp)
    frequent = np.argsort(-emb.counts, kind="stable")[:word_map.FIT_ROWS]
    x = exp.weights_0_1[frequent]
    centred = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    plane = vt[:2].T  # the first two principal axes, computed independently
    basis = view.projection.basis
    assert np.allclose(basis @ basis.T, plane @ plane.T, atol=1e-8)  # the same plane
    assert np.allclose(view.projection.explained.sum(), (s[:2] ** 2).sum() / (s ** 2).sum())
    shown = view.shown
    assert np.allclose(view.canvas.coords, (exp.weights_0_1[shown] - x.mean(axis=0)) @ basis)
    first = view.canvas.coords.copy()
    runner.run_to(6)
    settle(qtbot, view)
    fresh = (exp.weights_0_1[shown] - exp.weights_0_1[frequent].mean(axis=0)) @ plane
    moved = np.abs(view.canvas.coords - first).max()
    assert moved < 0.1 * np.abs(first).max()  # one review later the words have barely moved ...
    assert np.allclose(np.abs(view.canvas.coords), np.abs(fresh), atol=0.2 * np.abs(first).max())


def test_clicking_a_word_on_the_map_pins_it_for_the_nearest_words_too(qtbot):
    runner, view = show(qtbot, word_map.WordMapView, sentiment(), size=(600, 360))
    names = acted(view)
    runner.run_to(2)
    settle(qtbot, view)
    pins = pins_for(runner)
    target = next(i for i, w in enumerate(view.canvas.words) if w not in pins.words)
    point = view.canvas.to_pixels(view.canvas.coords[target:target + 1])[0]
    mouse(view.canvas, "move", point)
    assert view.canvas.hovered is not None and f"“{view.canvas.words[view.canvas.hovered]}”" in view.readout.text()
    word = view.canvas.words[view.canvas.hovered]
    click(view.canvas, point)
    assert names == ["map_pinned"] and word in pins.words
    settle(qtbot, view)
    click(view.canvas, view.canvas.to_pixels(view.canvas.coords[view.canvas.words.index(word):][:1])[0])
    assert names == ["map_pinned", "word_unpinned"] and word not in pins.words


def test_the_map_redraws_at_most_twice_a_second_while_playing(qtbot):
    runner, view = show(qtbot, word_map.WordMapView, sentiment())
    runner.set_speed(None)
    runner.play()
    try:
        qtbot.waitUntil(lambda: view._repaint.timer.isActive(), timeout=3000)
        assert view._repaint.timer.interval() == word_map.WordMapView.PLAY_MS == 500
    finally:
        runner.pause()


# -- the analogy workbench ------------------------------------------------------------------------------------
def test_both_rankings_the_exclusion_switch_and_the_expected_word(qtbot):
    runner, view = show(qtbot, analogy_view.AnalogyView, word2vec())
    names = acted(view)
    runner.run_to(300)
    settle(qtbot, view)
    exp = runner.experiment
    assert view.entry.text() == "terrible - bad + good"
    for key in ("correct", "book"):
        expected = rank_analogy(exp.weights_0_1, exp.vocabulary, ["terrible", "good"], ["bad"], book=key == "book")
        assert view.rankings[key].words == expected.words
    assert view.models["correct"].rowCount() == len(exp.vocabulary)
    marked = [view.models["correct"].data(view.models["correct"].index(r, 1)) for r in range(len(exp.vocabulary))]
    assert sum(text.endswith("◂") for text in marked) == 3  # the three query words are in the list, marked
    view.exclude.setChecked(True)
    settle(qtbot, view)
    assert names == ["query_excluded"]
    assert not set(view.rankings["correct"].words) & {"terrible", "good", "bad"}
    best = view.rankings["correct"].words[0]
    view.expected.setText(best)
    view.expected.returnPressed.emit()
    assert names[1:] == ["analogy_asked", "analogy_worked"]
    assert f"“{best}” is number 1 (correct)" in view.status.text()
    far = view.rankings["correct"].words[-1]
    view.expected.setText(far)
    view.expected.returnPressed.emit()
    assert names[-1] == "analogy_asked"  # asked, but the expected word is far down: it did not work


def test_while_playing_the_lists_hold_the_best_words_and_paused_every_word(qtbot, monkeypatch):
    monkeypatch.setattr(analogy_view, "PLAYING_TOP", 5)
    monkeypatch.setattr(analogy_view.AnalogyView, "PLAY_MS", 40)
    runner, view = show(qtbot, analogy_view.AnalogyView, word2vec())
    runner.set_speed(50)
    runner.play()
    try:
        qtbot.waitUntil(lambda: view.partial, timeout=5000)
        assert len(view.rankings["correct"].words) == 5 == view.models["book"].rowCount()
    finally:
        runner.pause()
    settle(qtbot, view)
    assert not view.partial and len(view.rankings["book"].words) == len(runner.experiment.vocabulary)


def test_the_workbench_says_where_its_vectors_come_from(qtbot):
    store = ResultStore()
    runner, view = show(qtbot, analogy_view.AnalogyView, analogy(store=store))
    exp = runner.experiment
    assert exp.weights_from == "trained here"
    runner.run_to(50)
    settle(qtbot, view)
    assert view.origin.text().startswith("Training ch11.word2vec first:")
    assert view.progress.isVisible() and view.progress.value() == round(1000 * 50 / exp.training_iterations)
    assert view.rankings["correct"].words == rank_analogy(exp.inner.weights_0_1, exp.inner.vocabulary,
                                                          ["terrible", "good"], ["bad"]).words
    runner.run_to(exp.training_iterations + 1)
    settle(qtbot, view)
    assert view.origin.text().startswith("Word vectors of ch11.word2vec, trained here first")
    assert not view.progress.isVisible()
    runner.set_experiment(analogy(store=store))  # a later analogy run finds the finished weights of this session
    settle(qtbot, view)
    assert view.origin.text().startswith("Word vectors of a finished ch11.word2vec run of this session")
    view.entry.setText("terrible - unicorn")
    view.entry.returnPressed.emit()
    assert view.status.text().endswith("not in the vocabulary: unicorn")


@pytest.mark.parametrize("book", [False, True])
def test_finished_weights_from_the_session_come_with_the_word_counts_of_their_reviews(book):
    store = ResultStore()
    trainer = word2vec(book_faithful=book)
    trainer.store = store
    while trainer.iteration_index < trainer.iterations:
        trainer.step()
    exp = analogy(store=store, book_faithful=book)
    assert exp.weights_from == "session" and exp.inner is None
    emb = embeddings_of(exp)
    assert emb.origin == "session" and list(emb.vocabulary) == trainer.vocabulary
    assert np.array_equal(emb.counts, trainer.word_counts)  # counted again from the reviews, as word2vec counts


# -- word2vec step inspector ------------------------------------------------------------------------------
@pytest.mark.parametrize("book", [False, True])
def test_the_step_inspector_shows_the_window_the_negatives_and_the_rows(qtbot, book):
    runner, view = show(qtbot, cbow.CbowView, word2vec(book_faithful=book))
    runner.run_to(6)
    runner.step_phase()
    settle(qtbot, view)
    exp = runner.experiment
    step = exp.current_step()
    kinds = [k for _, k in view.strip.cells]
    words = {k: [w for w, kind in view.strip.cells if kind == k] for k in set(kinds)}
    assert words["left"] == [exp.vocabulary[i] for i in step.left]
    assert words.get("right", []) == [exp.vocabulary[i] for i in step.right]
    assert words["target"] == [exp.vocabulary[step.target]]
    assert ("unused" in kinds) == (book and step.position + 2 < len(exp.corpus.reviews[
        exp.corpus.order[step.review % len(exp.corpus.order)]]))  # Q11: the book's right side stops short
    assert [r[0] for r in view.samples.rows] == [exp.vocabulary[i] for i in step.rows_1_2]
    assert [r[2] for r in view.samples.rows] == pytest.approx(step.layer_2.tolist())
    assert [r[3] for r in view.samples.rows] == [None] * 6 and [r[4] for r in view.samples.rows] == [1, 0, 0, 0, 0, 0]
    assert view.rows_text.text().startswith("The learn phase will change")
    runner.step_phase()
    runner.step_phase()
    settle(qtbot, view)
    assert [r[3] for r in view.samples.rows] == pytest.approx(exp.current_step().layer_2_delta.tolist())
    assert view.rows_text.text().startswith("Learned: weights_0_1 rows of")


def test_the_step_inspector_follows_the_analogy_experiments_training_then_stops(qtbot):
    runner, view = show(qtbot, cbow.CbowView, analogy())
    runner.run_to(3)
    settle(qtbot, view)
    assert view.step == runner.experiment.inner.current_step()
    runner.run_to(runner.experiment.training_iterations + 1)
    settle(qtbot, view)
    assert view.step is None and "training is over" in view.caption.text()


# -- review search ------------------------------------------------------------------------------------------
def test_review_search_waits_for_the_sentiment_network_then_lists_the_best_reviews(qtbot):
    runner, view = show(qtbot, review_search.ReviewSearchView, review_vectors(), size=(500, 400))
    names = acted(view)
    exp = runner.experiment
    runner.run_to(5)
    settle(qtbot, view)
    assert view.progress.isVisible() and view.found == []
    runner.run_to(exp.training_iterations)
    settle(qtbot, view)
    assert not view.progress.isVisible()
    view.entry.setText("boring awful unicorn")
    view.entry.returnPressed.emit()
    assert names == ["reviews_searched"]
    vectors = exp.review_vectors
    normed = exp.weights.weights_0_1 / np.linalg.norm(exp.weights.weights_0_1, axis=1, keepdims=True)
    query = normed[[exp._index["boring"], exp._index["awful"]]].mean(axis=0)
    expected = np.argsort(-(vectors @ query), kind="stable")[:review_search.BEST]
    assert [r for r, _ in view.found] == expected.tolist()
    assert view.missing == ["unicorn"]
    text = view.results.toPlainText()
    assert "Not in the vocabulary (left out): unicorn" in text
    assert exp.review_text(int(expected[0])).strip()[:30] in text.replace("\n", " ")


def test_views_that_do_not_apply_say_so_instead_of_failing(qtbot):
    for factory in (rows.RowsView, nearest.NearestView, word_map.WordMapView, analogy_view.AnalogyView,
                    cbow.CbowView, review_search.ReviewSearchView):
        runner, view = show(qtbot, factory, toy())
        runner.step()
        settle(qtbot, view)
        assert view.describe()
    assert not rows.applies(toy()) and rows.applies(sentiment())
    assert nearest.applies(analogy()) and nearest.applies(review_vectors()) and not nearest.applies(toy())
    assert analogy_view.applies(word2vec()) and analogy_view.applies(analogy())
    assert not analogy_view.applies(sentiment())
    assert cbow.applies(analogy()) and not cbow.applies(review_vectors())
    assert review_search.applies(review_vectors()) and not review_search.applies(sentiment())


def test_keyboard_free_buttons_have_their_words(qtbot):
    runner, view = show(qtbot, nearest.NearestView, sentiment())
    assert view.buttons["euclidean"].text() == "Euclidean (book)" and view.buttons["cosine"].isCheckable()
    assert view.buttons["euclidean"].isChecked() and Qt.CursorShape.ArrowCursor == view.grid.cursor().shape()
