"""Saved runs of experiments built on another run's weights (ch11.analogy on ch11.word2vec's, ch12.review-vectors
on ch11.sentiment's): the file keeps the weights and where they came from, and reopens on them in a later session
whatever that session's store holds; results that do not fit are refused."""

import numpy as np
import pytest

from learning.catalogue import get
from learning.results import ResultStore
from learning.runcheck import check_run
from learning.runfile import RunFileError, capture, read_run, write_run
from tests.learning.runfile_helpers import go_on, make, same, synthetic_imdb

DATA = synthetic_imdb()


def finished(trainer_id, store):
    """A finished run of the trainer (its result published in `store`)."""
    trainer = get(trainer_id)(data=DATA, store=store)
    for _ in range(trainer.epochs * trainer.epoch_size):
        trainer.step()
    return store.latest(trainer_id)


def built_on_session(experiment_id, n=3):
    """A run of `experiment_id` on a finished trainer's weights from its session's store, n iterations in."""
    store = ResultStore()
    cls = get(experiment_id)
    result = finished(cls.trainer.id, store)
    exp = cls(data=DATA, store=store)
    assert exp.weights_from == "session" and exp.weights is result and exp.inner is None
    return exp, *go_on(exp, n)


def save(tmp_path, exp, history, snaps, name="a.glrun"):
    return write_run(tmp_path / name, capture(exp, history, snaps, dict(exp.values)))


@pytest.mark.parametrize("experiment_id", ["ch12.review-vectors", "ch11.analogy"])
def test_a_run_on_a_sessions_weights_keeps_them_and_reopens_without_the_session(tmp_path, experiment_id):
    exp, history, snaps = built_on_session(experiment_id)
    path = save(tmp_path, exp, history, snaps)
    loaded = read_run(path)
    kept = loaded.results[exp.trainer.id]
    assert np.array_equal(kept["weights_0_1"], exp.weights.weights_0_1) and kept["vocabulary"] == list(
        exp.weights.vocabulary)
    again = check_run(loaded, make)  # `make` gives each experiment a new, empty store: a later session
    assert again.weights_from == "saved run" and again.inner is None
    mine, theirs = again.weights, exp.weights  # where they came from: the same run, data and length
    assert (mine.experiment_id, mine.source, mine.sample_mode, mine.iterations, mine.book_faithful) == (
        theirs.experiment_id, theirs.source, theirs.sample_mode, theirs.iterations, theirs.book_faithful)
    assert np.array_equal(mine.weights_0_1, theirs.weights_0_1) and mine.vocabulary == theirs.vocabulary
    for _ in range(3):
        a, b = exp.step().record, again.step().record
        assert a.pop("weights_from") == "session" and b.pop("weights_from") == "saved run"
        assert same(a, b)
    again.reset()  # starting again keeps the run's weights, not the session's
    assert again.weights_from == "saved run" and again.weights.weights_0_1 is mine.weights_0_1


def test_a_run_that_trained_its_weights_trains_them_again_whatever_the_session_holds(tmp_path):
    store = ResultStore()
    exp = get("ch12.review-vectors")(data=DATA, store=store)
    assert exp.weights_from == "trained here"
    history, snaps = go_on(exp, 10)
    path = save(tmp_path, exp, history, snaps)
    assert read_run(path).results == {}
    later = ResultStore()
    finished("ch11.sentiment", later)  # the later session has a finished sentiment run of its own

    def in_later_session(cls, seed, values):
        return cls(seed=seed, data=DATA, store=later, **values)

    again = check_run(read_run(path), in_later_session)
    assert again.weights_from == "trained here" and again.inner is not None and again.training
    for _ in range(5):
        assert same(exp.step().record, again.step().record)


def rewritten(tmp_path, change):
    exp, history, snaps = built_on_session("ch12.review-vectors")
    saved = capture(exp, history, snaps, dict(exp.values))
    change(saved.results)
    return write_run(tmp_path / "a.glrun", saved)


def drop_word(results):
    results["ch11.sentiment"]["vocabulary"].pop()


@pytest.mark.parametrize("change,match", [
    (lambda r: r.update({"ch11.word2vec": r.pop("ch11.sentiment")}), "built on ch11.sentiment's weights only"),
    (lambda r: r["ch11.sentiment"].update(experiment_id="ch11.word2vec"), "not 'ch11.word2vec''s"),
    (lambda r: r["ch11.sentiment"]["vocabulary"].__setitem__(1, r["ch11.sentiment"]["vocabulary"][0]),
     "different words"),
    (drop_word, "array of .* rows"),
    (lambda r: r["ch11.sentiment"].update(weights_0_1=np.zeros((3, 4))), "array of .* rows"),
    (lambda r: r["ch11.sentiment"].update(weights_0_1=r["ch11.sentiment"]["weights_0_1"].astype(np.float32)),
     "float64 array"),
    (lambda r: r["ch11.sentiment"].update(weights_0_1=np.zeros((len(r["ch11.sentiment"]["vocabulary"]), 5000))),
     "1 to 1000 columns"),
    (lambda r: r["ch11.sentiment"].update(iterations=-1), "malformed facts"),
    (lambda r: r["ch11.sentiment"].update(source=7), "malformed facts"),
    (lambda r: r["ch11.sentiment"].update(vocabulary="the film"), "vocabulary"),
    (lambda r: r["ch11.sentiment"].pop("source"), "trained weights expected"),
    (lambda r: r.clear(), "parts are not the experiment's"),  # without them the run cannot be what it was
])
def test_results_that_do_not_fit_are_refused(tmp_path, change, match):
    path = rewritten(tmp_path, change)
    with pytest.raises(RunFileError, match=match):
        check_run(read_run(path), make)


def test_an_experiment_built_on_nothing_refuses_results(tmp_path):
    exp = get("ch04.alpha")()
    history, snaps = go_on(exp, 3)
    saved = capture(exp, history, snaps, dict(exp.values))
    saved.results = {"ch11.sentiment": {}}
    path = write_run(tmp_path / "a.glrun", saved)
    with pytest.raises(RunFileError, match="results: ch04.alpha is not built on another run's results"):
        check_run(read_run(path), make)


def test_a_run_saved_on_other_data_says_so(tmp_path):
    exp = get("ch11.sentiment")(data=DATA, store=ResultStore())
    history, snaps = go_on(exp, 3)
    path = write_run(tmp_path / "a.glrun", capture(exp, history, snaps, dict(exp.values)))
    lines = list(DATA.reviews)
    lines[0] = "marvellous " + lines[0]  # one word more: a vocabulary of another size
    more_words = type(DATA)(lines, DATA.labels, True, "elsewhere")

    def elsewhere(cls, seed, values):
        return cls(seed=seed, data=more_words, store=ResultStore(), **values)

    with pytest.raises(RunFileError, match="another copy of the imdb data set than the one here"):
        check_run(read_run(path), elsewhere)
