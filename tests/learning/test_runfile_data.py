"""Saved runs on the real samples: every experiment of the data-set chapters (8-15) round-trips exactly on the data
it is made for (GROKKING_DATA, the shared samples) and continues with the same records and weights. Without
GROKKING_DATA these tests are skipped, as the other data tests are; with it, a sample that is missing fails."""

import functools
import json
import os

import pytest

from learning import catalogue
from learning.__main__ import main
from learning.datasets import DatasetMissing
from learning.datasets.babi import book_babi
from learning.datasets.enron import book_enron
from learning.datasets.imdb import book_imdb
from learning.datasets.mnist import book_mnist
from learning.datasets.shakespeare import book_shakespeare
from learning.records import strict_json
from learning.runcheck import check_run
from learning.runfile import capture, read_run, write_run
from tests.learning.runfile_helpers import make, run, same, untimed
from tests.shared_data import missing

LOADERS = {"mnist": book_mnist, "imdb": book_imdb, "babi": book_babi, "enron": book_enron,
           "shakespeare": book_shakespeare}
#: Experiments whose first epoch (or training) is too long for a test: saved a few iterations in only.
LONG = {"ch11.word2vec", "ch11.analogy", "ch10.mnist-conv"}
#: Values that keep a test short where the default would take minutes (the run's form is the same).
SHORT = {"ch14.char-lstm": {"size": "small"}, "ch14.char-rnn": {"size": "small"},
         "ch15.paillier": {"encrypt": "changed"}}
DATA_EXPERIMENTS = [i for i, cls in catalogue.EXPERIMENTS.items() if getattr(cls, "datasets", ())]


@functools.cache
def _load(name):
    try:
        return LOADERS[name]()
    except DatasetMissing as exc:
        return exc


def sample(name):
    """The shared sample of a data set: skipped without GROKKING_DATA, a failure when it is set but the sample is
    not there."""
    if not os.environ.get("GROKKING_DATA"):
        missing(f"GROKKING_DATA is not set: these tests need the {name} sample of ../shared/data")
    data = _load(name)
    if isinstance(data, Exception):
        pytest.fail(f"GROKKING_DATA is set but the {name} sample is not there: {data}")
    return data


def test_every_data_set_of_the_catalogue_has_a_loader_here():
    assert {catalogue.get(i).datasets[0] for i in DATA_EXPERIMENTS} == set(LOADERS)


@pytest.mark.parametrize("experiment_id,point", [(i, 5) for i in DATA_EXPERIMENTS] + [
    (i, "past") for i in DATA_EXPERIMENTS if i not in LONG])
def test_a_run_on_the_real_sample_round_trips_and_continues_exactly(tmp_path, experiment_id, point):
    """Saved 5 iterations in, and 2 past the first epoch (or past the training, or the book's run)."""
    cls = catalogue.get(experiment_id)
    data = sample(cls.datasets[0])
    exp, _, _ = run(experiment_id, 0, data=data, **SHORT.get(experiment_id, {}))
    n = 5 if point == 5 else (exp.epoch_size or getattr(exp, "training_iterations", 0) or exp.iterations) + 2
    exp, history, snaps = run(experiment_id, n, data=data, **SHORT.get(experiment_id, {}))
    path = write_run(tmp_path / "a.glrun", capture(exp, history, snaps, dict(exp.values)))
    loaded = read_run(path)
    again = check_run(loaded, lambda c, seed, values: make(c, seed, values, data))
    assert same(again.state(), exp.state()) and loaded.count == n
    assert set(loaded.snapshots) == set(snaps.states)
    for _ in range(3):
        a, b = exp.step(), again.step()
        assert same(untimed(a.record), untimed(b.record)) and same(untimed(a.epoch), untimed(b.epoch))
    assert same(again.state(), exp.state())


@pytest.mark.parametrize("experiment_id,n,params", [
    ("ch11.sentiment", 1003, []), ("ch12.review-vectors", 7, []), ("ch12.rnn-babi", 40, []),
    ("ch13.rnn-babi", 23, []), ("ch14.char-lstm", 4, ["size=small"]), ("ch15.federated", 13, []),
    ("ch15.paillier", 3, []),
])
def test_the_command_line_saves_a_run_that_opens_and_continues(tmp_path, capsys, experiment_id, n, params):
    """`python -m learning run ID --save FILE` on the real sample: the file opens against the data found the way
    the app finds it, and the next iteration is the one a run one iteration longer prints."""
    sample(catalogue.get(experiment_id).datasets[0])
    options = [arg for p in params for arg in ("--param", p)]
    path = tmp_path / "cli.glrun"
    assert main(["run", experiment_id, "--iterations", str(n), *options, "--save", str(path)]) == 0
    capsys.readouterr()
    again = check_run(read_run(path), lambda cls, seed, values: cls(seed=seed, **values))
    assert again.iteration_index == n
    assert main(["run", experiment_id, "--iterations", str(n + 1), *options, "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = next(r for r in reversed(lines) if r.get("iteration") == n)
    assert untimed(strict_json(again.step().record)) == untimed(expected)
