"""The rules of state parts that change form (learning.statespec) let every legitimate run through and refuse the
hostile files that would exploit them: wrong dtypes, absurd sizes, rows outside the matrix, values that would
crash the next step or read outside memory, keys that appear from nowhere. Each file is a real run's, altered."""

import numpy as np
import pytest

from learning import statespec
from learning.chapters import ch15_federated
from learning.runcheck import check_run
from learning.runfile import RunFileError, capture, read_run, write_run
from learning.statespec import Array, EpochRecords, Exactly, Indices, Log, Maybe, OneOf, RowPatch, Whole, conform
from tests.learning.runfile_helpers import make, run

#: A run of each experiment a rule serves, saved past the point where its parts changed form.
RUNS = {"ch11.sentiment": 45, "ch11.word2vec": 45, "ch11.analogy": 45, "ch12.review-vectors": 45,
        "ch15.federated": 102, "ch15.paillier": 102, "ch13.autograd-linear": 5, "ch14.char-lstm": 9}


@pytest.fixture(scope="module")
def runs():
    return {experiment_id: run(experiment_id, n) for experiment_id, n in RUNS.items()}


def altered(tmp_path, runs, experiment_id, change, snapshot=None):
    """The run saved with `change(part)` applied to a copy of its state (or of the kept state `snapshot`)."""
    exp, history, snaps = runs[experiment_id]
    saved = capture(exp, history, snaps, dict(exp.values))
    if snapshot is None:
        saved.state = dict(saved.state)
        change(saved.state)
    else:
        saved.snapshots[snapshot] = dict(saved.snapshots[snapshot])
        change(saved.snapshots[snapshot])
    return write_run(tmp_path / "a.glrun", saved)


def refused(path, match):
    with pytest.raises(RunFileError, match=match):
        check_run(read_run(path), make)


def patch(key, part, value):
    """Replace one part of a (starting matrix, rows, values) patch."""
    def change(state):
        parts = list(state[key])
        parts[part] = value(parts) if callable(value) else value
        state[key] = tuple(parts)
    return change


def test_every_run_here_opens(tmp_path, runs):
    for experiment_id in RUNS:
        assert check_run(read_run(altered(tmp_path, runs, experiment_id, lambda s: None)), make) is not None


# -- rows a review changed (RowPatch) ------------------------------------------------------------------------------
@pytest.mark.parametrize("change,match", [
    (patch("weights_0_1", 1, lambda p: np.append(p[1][:-1], 10**6)), "values from 0 to below"),  # past the matrix
    (patch("weights_0_1", 1, lambda p: np.append(-1, p[1][1:])), "values from 0 to below"),
    (patch("weights_0_1", 1, lambda p: p[1][::-1].copy()), "ascending order"),
    (patch("weights_0_1", 1, lambda p: np.append(p[1][:-1], p[1][0])), "ascending order"),  # a row twice
    (patch("weights_0_1", 1, lambda p: p[1].astype(np.float64)), "an array of int64"),
    (patch("weights_0_1", 2, lambda p: np.vstack([p[2], p[2][:1]])), r"an array of float64 \(\d+×100\)"),
    (patch("weights_0_1", 2, lambda p: p[2].astype(np.float32)), "an array of float64"),
    (patch("weights_0_1", 0, lambda p: p[0][:-1]), r"\[0\]: an array of float64"),
    (patch("weights_0_1", 1, np.arange(10**6)), r"\(0…\d+\)"),  # more rows than the matrix has
    (lambda s: s.update(weights_0_1=s["weights_0_1"][0]), "starting matrix, changed rows"),
    (lambda s: s.update(book_lines=[1.5]), "book_lines.0.: a text expected"),
    (lambda s: s.update(book_lines=["x" * 5000]), "a text expected"),
    (lambda s: s.update(last_test={"test_accuracy": 0.5}), "last_test: other entries"),
])
def test_sentiments_changed_rows(tmp_path, runs, change, match):
    refused(altered(tmp_path, runs, "ch11.sentiment", change), match)


# -- word2vec: the review being read, its negatives, the pass's sums -----------------------------------------------
@pytest.mark.parametrize("change,match", [
    (lambda s: s.update(_slot=1.5), "_slot: a whole number"),
    (lambda s: s.update(_slot=True), "_slot: a whole number"),
    (lambda s: s.update(_slot=10**9), "_slot: a whole number from -1 to"),
    (lambda s: s.update(_draws=np.full((16, 5), np.nan)), "_draws: values from 0.0 to below 1.0"),
    (lambda s: s.update(_draws=np.full((16, 5), 7.0)), "_draws: values from 0.0 to below 1.0"),  # index past
    (lambda s: s.update(_draws=np.zeros((16, 6))), r"_draws: an array of float64 \(2…16×5\)"),
    (lambda s: s.update(_draws=np.zeros((10**5, 5))), r"_draws: an array of float64"),
    (lambda s: s.update(_draws="uniforms"), "_draws: an array"),
    (lambda s: s.update(epoch_records=[{"error": 1.0}]), "at most 0 entries"),
    (lambda s: s.update(pass_sums=(-3, 0.0)), r"pass_sums\[0\]: a whole number"),
    (patch("weights_1_2", 1, lambda p: np.append(p[1][:-1], 10**6)), "weights_1_2.1.: values from 0"),
])
def test_word2vecs_parts(tmp_path, runs, change, match):
    refused(altered(tmp_path, runs, "ch11.word2vec", change), match)


def test_every_kept_state_is_loaded_not_only_the_last(tmp_path, runs):
    """A kept state whose parts each fit but do not fit together (negatives for a shorter review) fails to load:
    the file is refused when it is opened, not when the learner rewinds to that state."""
    path = altered(tmp_path, runs, "ch11.word2vec", lambda s: s.update(_draws=s["_draws"][:15].copy()), snapshot=5)
    refused(path, "state: ValueError")


# -- a trainer inside (ch11.analogy, ch12.review-vectors) ----------------------------------------------------------
@pytest.mark.parametrize("experiment_id,change,match", [
    ("ch11.analogy", lambda s: s.update({"inner.values": {**s["inner.values"], "window": 10**9}}), "inner.values"),
    ("ch11.analogy", lambda s: s.update({"inner.values": {**s["inner.values"], "alpha": 0.5}}), "inner.values"),
    ("ch11.analogy", lambda s: s.update({"inner.rs": (*s["inner.rs"][:2], 10**6, *s["inner.rs"][3:])}),
     "inner.rs: not a random state"),  # numpy would read past its 624 words
    ("ch11.analogy", lambda s: s.update({"inner.iteration_index": 10**9}), "inner.iteration_index"),
    ("ch11.analogy", lambda s: s.update({"inner.epoch_records": [{}]}), "inner.epoch_records"),
    ("ch11.analogy", lambda s: s.update({"inner._draws": np.zeros((16, 5, 1))}), "inner._draws"),
    ("ch12.review-vectors", patch("inner.weights_0_1", 1, lambda p: p[1] + 10**6), "values from 0 to below"),
    ("ch12.review-vectors", lambda s: s.update(has_weights="yes"), "has_weights: true or false"),
])
def test_a_trainers_parts(tmp_path, runs, experiment_id, change, match):
    refused(altered(tmp_path, runs, experiment_id, change), match)


# -- federated rounds ---------------------------------------------------------------------------------------------
def round_entry(change):
    def alter(state):
        rounds = [dict(r) for r in state["rounds"]]
        change(rounds[0])
        state["rounds"] = rounds
    return alter


@pytest.mark.parametrize("change,match", [
    (lambda s: s.update(clients={**s["clients"], "bob": np.zeros((5, 1))}), "clients.bob: an array of float64"),
    (lambda s: s.update(sent=np.zeros((3301, 2))), "sent: an array"),
    (lambda s: s.update(last_clients={**s["last_clients"], "mallory": None}), "last_clients: other entries"),
    (lambda s: s.update(last_clients={"bob": None}), "last_clients: other entries"),
    (round_entry(lambda r: r.update(changed=2.5)), r"rounds\[0\].changed: a whole number"),
    (round_entry(lambda r: r.update(changed=10**9)), r"rounds\[0\].changed: a whole number"),
    (round_entry(lambda r: r.pop("test_accuracy")), r"rounds\[0\]: other entries"),
    (round_entry(lambda r: r.update(clients={**r["clients"], "bob": {**r["clients"]["bob"],
                                                                      "losses": [0.1] * 500}})),
     "at most 99 entries"),
    (lambda s: s.update(rounds=s["rounds"] * 3), "at most 2 entries"),
])
def test_federated_parts(tmp_path, runs, monkeypatch, change, match):
    monkeypatch.setattr(ch15_federated, "MAX_ROUNDS", 2)
    refused(altered(tmp_path, runs, "ch15.federated", change), match)


# -- the key and the encrypted models of ch15.paillier ------------------------------------------------------------
def crypto(change):
    def alter(state):
        form = {**state["crypto"], "encrypted": {k: dict(v) for k, v in state["crypto"]["encrypted"].items()}}
        form["key"] = dict(form["key"])
        form["aggregated"] = dict(form["aggregated"])
        change(form)
        state["crypto"] = form
    return alter


def number(value, width=16):
    return np.frombuffer(value.to_bytes(width, "big"), dtype=np.uint8).copy()


@pytest.mark.parametrize("change,match", [
    (lambda c: c["key"].update(n=np.zeros(64, dtype=np.uint8)), r"key.n: an array of uint8 \(16\)"),  # 512 bits
    (lambda c: c["key"].update(n=number(2**127 + 1)), "p · q must equal n"),
    (lambda c: c["key"].update(p=number(1), q=c["key"]["n"]), "factors of n"),
    (lambda c: c["key"].update(n=number(2**120)), "a 128-bit key expected"),
    (lambda c: c.update(key=None), "without the key"),
    (lambda c: c["aggregated"].update(ciphertexts=c["aggregated"]["ciphertexts"][:, :16].copy()),
     r"aggregated.ciphertexts: an array of uint8 \(0…3301×32\)"),
    (lambda c: c["aggregated"].update(indices=c["aggregated"]["indices"] + 1), "values from 0 to below 3301"),
    (lambda c: c["aggregated"].update(exponents=c["aggregated"]["exponents"] * 0 + 10**6),
     "exponents that no float has"),  # 16^(10^6): the view decrypting it would never finish
    (lambda c: c["aggregated"].update(ciphertexts=c["aggregated"]["ciphertexts"] * 0), "outside 1 … n² − 1"),
    (lambda c: c["aggregated"].update(bits=c["aggregated"]["exponents"] * 0 + 5000), "mantissa bounds"),
    (lambda c: c["aggregated"].update(exponents=c["aggregated"]["exponents"][:-1].copy()), "exponents expected"),
    (lambda c: c.update(encrypted={"bob": c["encrypted"]["bob"]}), "encrypted: other entries"),
    (lambda c: c["encrypted"]["bob"].update(size=5), "encrypted.bob.size: a whole number from 3301"),
])
def test_paillier_crypto(tmp_path, runs, change, match):
    refused(altered(tmp_path, runs, "ch15.paillier", crypto(change)), match)


def test_paillier_crypto_opens_as_it_was(tmp_path, runs):
    exp = runs["ch15.paillier"][0]
    again = check_run(read_run(altered(tmp_path, runs, "ch15.paillier", lambda s: None)), make)
    assert again.keypair.private_key.p == exp.keypair.private_key.p and again.blocks("sum") == exp.blocks("sum")
    assert again.costs == exp.costs and [again.blocks(n) for n in ("bob", "alice", "sue")] == [
        exp.blocks(n) for n in ("bob", "alice", "sue")]


# -- a framework's gradients, a char model's records ---------------------------------------------------------------
def test_gradients_have_their_parameters_shapes(tmp_path, runs):
    refused(altered(tmp_path, runs, "ch13.autograd-linear", lambda s: s.update(
        grads=[np.zeros((7, 7)), *s["grads"][1:]])), r"grads\[0\]: an array of float64 \(2, 3\)")


@pytest.mark.parametrize("change,match", [
    (lambda r: r.update(sample="x" * 5000), "a text expected"),
    (lambda r: r.update(sampled="x"), "unknown \\['sampled'\\]"),
    (lambda r: r.pop("correct"), "missing \\['correct'\\]"),
])
def test_a_char_models_records(tmp_path, runs, change, match):
    def alter(state):
        records = [dict(r) for r in state["epoch_records"]]
        change(records[1])
        state["epoch_records"] = records
    refused(altered(tmp_path, runs, "ch14.char-lstm", alter), match)


# -- the rules themselves ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("spec,good,bad", [
    (Maybe(np.zeros(3)), [None, np.ones(3)], [np.ones(4), 1.0, "x"]),
    (OneOf(({}, {"a": 0})), [{}, {"a": 2}], [{"b": 1}, {"a": "x"}, []]),
    (Array("float64", ((0, 2), 3), 0.0, 1.0), [np.zeros((0, 3)), np.full((2, 3), 0.5)],
     [np.zeros((3, 3)), np.ones((1, 3)), np.zeros((1, 3), np.float32), np.zeros(3), np.full((1, 3), np.nan)]),
    (Indices(5), [np.array([], np.int64), np.array([0, 4])], [np.array([4, 0]), np.array([1, 1]), np.array([5]),
                                                             np.array([0.0]), np.arange(6)]),
    (RowPatch(3, 2), [(np.zeros((3, 2)), np.array([1]), np.zeros((1, 2)))],
     [(np.zeros((3, 2)), np.array([1]), np.zeros((2, 2))), (np.zeros((3, 2)), np.array([3]), np.zeros((1, 2))),
      [np.zeros((3, 2)), np.array([1]), np.zeros((1, 2))]]),
    (Log("", 2), [[], ["a", "b"]], [["a", "b", "c"], [1], ("a",), "ab"]),
    (Whole(-1, 3), [-1, 3, np.int64(2)], [4, 1.0, True, "1"]),
    (Exactly({"a": 1}), [{"a": 1}], [{"a": 2}, {"a": 1.0}, {"a": 1, "b": 0}]),
    ((Whole(0, 1), 0.0), [(1, 2.5)], [(2, 2.5), [1, 2.5], (1,)]),
])
def test_each_rule_lets_its_values_through_and_no_others(spec, good, bad):
    for value in good:
        conform(value, spec, "part")
    for value in bad:
        with pytest.raises(RunFileError, match="part"):
            conform(value, spec, "part")


def test_a_nested_random_state_is_checked_as_one():
    rs = np.random.RandomState(0).get_state()
    conform({"inner": rs}, {"inner": rs}, "s")
    for bad in ((rs[0], rs[1], 625, rs[3], rs[4]), (rs[0], rs[1][:-1], 0, 0, 0.0), (rs[0], rs[1], 0, 2, 0.0),
                (rs[0], rs[1].astype(np.int64), 0, 0, 0.0), ("PCG64", *rs[1:])):
        with pytest.raises(RunFileError, match="s.inner: not a random state"):
            conform({"inner": bad}, {"inner": rs}, "s")


@pytest.mark.parametrize("experiment_id", ["ch14.char-lstm", "ch14.char-rnn"])
def test_a_char_models_declared_record_is_the_record_it_makes(experiment_id):
    exp, _, _ = run(experiment_id, 0)
    rule = exp.state_spec()["epoch_records"]
    records = [exp.step().record for _ in range(2)]
    assert "sample" in records[0] and "sample" not in records[1]  # an epoch's first batch, then another
    for record in records:
        conform(record, rule.form(None, record), "record")
        assert set(rule.form(None, record)) == set(record)


def test_epoch_records_with_optional_entries():
    rule = EpochRecords({"sample": ""})
    record = {"loss": 0.0, "sample": "T"}
    assert rule.form(record, {"loss": 1.0}) == {"loss": 0.0}
    assert rule.form(record, {"loss": 1.0, "sample": "x"}) == {"loss": 0.0, "sample": ""}
    assert statespec.free([1, "x", None, np.zeros(3)], "p") is None
