"""Saved runs: every experiment round-trips exactly (state, kept states, edits, history) and continues with the
same numbers; damaged, truncated, oversized, future-version and hostile files are refused with a message."""

import io
import json
import math
import zipfile

import numpy as np
import pytest

from learning import catalogue, runfile
from learning.catalogue import get
from learning.datasets.imdb import ImdbBook
from learning.history import History, Snapshots
from learning.runcheck import check_run
from learning.runfile import RunFileError, SavedRun, capture, read_run, write_run
from tests.learning.conftest import synthetic_mnist
from tests.learning.test_ch15 import synthetic_enron


def synthetic_babi(lines=1000):
    """bAbI-shaped task lines ("ID text", questions with a tab, the answer and a fact number)."""
    people, places = ("mary", "john", "sandra", "daniel"), ("bathroom.", "hallway.", "garden.", "office.")
    out = []
    for k in range(lines):
        who, where = people[k % 4], places[(k // 3) % 4]
        out.append(f"{k % 15 + 1} where is {who}?\t{where[:-1]}\t1\n" if k % 3 == 2 else
                   f"{k % 15 + 1} {who} moved to the {where}\n")
    return out


def synthetic_imdb(reviews=1200):
    """Review lines in the book's form (lower case, '.' a token of its own, the line's '\\n' kept) with labels."""
    rs = np.random.RandomState(3)
    good, bad, plain = ("great", "fine", "loved", "superb"), ("awful", "boring", "bad", "waste"), (
        "the", "film", "a", "movie", "was", "and", "plot", "actors", "it", "is")
    lines, labels = [], []
    for k in range(reviews):
        positive = k % 2 == 0
        words = [plain[j] for j in rs.randint(0, len(plain), 12)] + [
            (good if positive else bad)[j] for j in rs.randint(0, 4, 3)]
        lines.append(" ".join(words) + " .\n")
        labels.append("positive" if positive else "negative")
    return ImdbBook(lines, labels, True, "synthetic")


#: A small stand-in for each data set an experiment may need (real data is not needed for a round trip).
DATA = {"mnist": synthetic_mnist, "imdb": synthetic_imdb, "babi": synthetic_babi, "enron": synthetic_enron}


def make(cls, seed, values):
    names = getattr(cls, "datasets", ())
    if names:
        return cls(seed=seed, data=DATA[names[0]](), **values)
    return cls(seed=seed, **values)


def run(experiment_id, n, **values):
    """n iterations with the history and kept states a runner would have (batches of 2 on the tiny MNIST)."""
    cls = get(experiment_id)
    if "batch_size" in {p.name for p in cls.params}:
        values.setdefault("batch_size", 4)
    exp = make(cls, None, values)
    history, snaps = History(), Snapshots(epoch_size=exp.epoch_size)
    for i in range(n):
        if snaps.wants(i):
            snaps.add(i, exp.state())
        result = exp.step()
        history.add_iteration(result.record)
        if result.epoch is not None:
            history.add_epoch(result.epoch)
    return exp, history, snaps


def same(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype
                and a.shape == b.shape and np.array_equal(a, b, equal_nan=True))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def saved_file(tmp_path, experiment_id="ch04.alpha", n=12, **values):
    exp, history, snaps = run(experiment_id, n, **values)
    path = write_run(tmp_path / "run.glrun", capture(exp, history, snaps, dict(exp.values)))
    return path, exp


def members(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def rewrite(path, doc_change=None, extra=None, drop=()):
    parts = members(path)
    if doc_change is not None:
        doc = json.loads(parts["run.json"])
        doc_change(doc)
        parts["run.json"] = json.dumps(doc).encode()
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            if name not in drop:
                z.writestr(name, data)
    return path


def npy(array, allow_pickle=False):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def opened(path):
    return check_run(read_run(path), make)


# -- round trips ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("experiment_id", list(catalogue.EXPERIMENTS))
@pytest.mark.parametrize("n", [0, 7, 45])
def test_every_experiment_round_trips_and_continues_exactly(tmp_path, experiment_id, n):
    exp, history, snaps = run(experiment_id, n)
    saved = capture(exp, history, snaps, dict(exp.values), page="ch04/alpha")
    path = write_run(tmp_path / "a.glrun", saved)
    loaded = read_run(path)
    again = check_run(loaded, make)
    assert same(again.state(), exp.state())
    assert loaded.count == n and loaded.page == "ch04/alpha" and loaded.experiment_id == experiment_id
    assert set(loaded.snapshots) == set(snaps.states) | {0}  # a run not started keeps its start to rewind to
    for k, state in snaps.states.items():
        assert same(loaded.snapshots[k], state)
    for name, column in history.iteration_table.columns.items():
        assert np.array_equal(loaded.iterations[name], column.view, equal_nan=True)
    for _ in range(5):  # continues with the same numbers
        a, b = exp.step(), again.step()
        assert same(a.record, b.record) and same(a.epoch, b.epoch)


def test_edits_and_divergence_round_trip(tmp_path):
    from learning.divergence import Divergence

    exp, history, snaps = run("ch05.freeze-weight", 10)
    changes = {3: [("set_param", ("alpha", 0.05)), ("set_frozen", ("weights", 0, 1, True))],
               7: [("set_weight", ("weights", 0, 2, -0.5))]}
    divergence = Divergence(4, float("inf"), "non_finite", 1e4, {"alpha": 0.1})
    path = write_run(tmp_path / "a.glrun", capture(exp, history, snaps, {"alpha": 0.01}, changes=changes,
                                                    limit=None, divergence=divergence))
    loaded = read_run(path)
    check_run(loaded, make)
    assert loaded.changes == changes and loaded.start_values == {"alpha": 0.01}
    assert loaded.divergence == {"iteration": 4, "error": float("inf"), "reason": "non_finite", "bound": 1e4,
                                 "facts": {"alpha": 0.1}}


def test_the_file_is_a_zip_of_json_and_npy_only(tmp_path):
    path, _ = saved_file(tmp_path, "ch06.backprop", 40)
    parts = members(path)
    assert set(parts) == {"run.json"} | {n for n in parts if n.startswith("arrays/") and n.endswith(".npy")}
    doc = json.loads(parts["run.json"])
    assert doc["format"] == "grokking-lab-run" and doc["version"] == 1 and doc["count"] == 40
    assert b"pickle" not in parts["run.json"]


def test_writing_is_atomic_and_a_folder_is_refused(tmp_path):
    path, _ = saved_file(tmp_path)
    before = path.read_bytes()
    (tmp_path / "folder.glrun").mkdir()
    exp, history, snaps = run("ch04.alpha", 3)
    with pytest.raises(RunFileError, match="is a folder"):
        write_run(tmp_path / "folder.glrun", capture(exp, history, snaps, {}))
    with pytest.raises(RunFileError, match="does not exist"):
        write_run(tmp_path / "nowhere" / "x.glrun", capture(exp, history, snaps, {}))
    assert path.read_bytes() == before and not list(tmp_path.glob(".*.part"))


# -- refused files -------------------------------------------------------------------------------------------

def refused(path, match):
    with pytest.raises(RunFileError, match=match):
        opened(path)


def test_damaged_and_truncated_files(tmp_path):
    path, _ = saved_file(tmp_path, "ch06.backprop", 40)
    data = path.read_bytes()
    for cut in (0, 10, len(data) // 2, len(data) - 30):
        path.write_bytes(data[:cut])
        refused(path, "damaged|not a saved run")
    path.write_bytes(bytes(range(256)) * 40)
    refused(path, "damaged")
    path.write_bytes(data.replace(b"run.json", b"run.jsoX"))
    refused(path, "damaged")


def test_not_json_or_not_a_run(tmp_path):
    path, _ = saved_file(tmp_path)
    rewrite(path, extra={"run.json": b"{not json"})
    refused(path, "not valid JSON")
    rewrite(path, extra={"run.json": json.dumps({"format": "something-else"}).encode()})
    refused(path, "not a Grokking Lab saved run")
    rewrite(path, extra={"run.json": "\xff".encode("latin-1")})
    refused(path, "not UTF-8")


def test_a_future_version_is_refused_plainly(tmp_path):
    path, _ = saved_file(tmp_path)
    rewrite(path, lambda d: d.update(version=7))
    refused(path, "newer Grokking Lab .file version 7.")


def test_oversized_files_and_members(tmp_path, monkeypatch):
    path, _ = saved_file(tmp_path, "ch06.backprop", 40)
    monkeypatch.setattr(runfile, "MAX_FILE_BYTES", 1000)
    refused(path, "at most")
    monkeypatch.setattr(runfile, "MAX_FILE_BYTES", 10**9)
    monkeypatch.setattr(runfile, "MAX_JSON_BYTES", 100)
    refused(path, "too large")


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path, monkeypatch):
    monkeypatch.setattr(runfile, "MAX_ARRAY_BYTES", 2**20)
    path, _ = saved_file(tmp_path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("arrays/99.npy", "w") as member:
            for _ in range(8):
                member.write(bytes(2**20))  # 8 MB of zeros in a few kB
    assert path.stat().st_size < 100_000
    refused(path, "too large")


def test_a_member_that_unpacks_to_more_than_the_directory_says(tmp_path):
    path, _ = saved_file(tmp_path)
    parts = members(path)
    big = json.dumps({**json.loads(parts["run.json"]), "padding": "x" * 200_000}).encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("run.json", big)
        for name, data in parts.items():
            if name != "run.json":
                z.writestr(name, data)
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    while data[central + 46: central + 46 + 8] != b"run.json":
        central = data.rfind(b"PK\x01\x02", 0, central)
    data[central + 24: central + 28] = (100).to_bytes(4, "little")  # the directory now says 100 bytes
    path.write_bytes(bytes(data))
    refused(path, "damaged")


@pytest.mark.parametrize("name", ["../evil.npy", "/tmp/evil.npy", "arrays/../../evil.npy", "arrays/0.npy/../../x",
                                  "run.json/x", "arrays/x.npy", "C:\\evil.npy", "arrays/1.pkl"])
def test_path_tricks_are_refused(tmp_path, name):
    path, _ = saved_file(tmp_path)
    rewrite(path, extra={name: npy(np.zeros(3))})
    refused(path, "unexpected member")
    assert not (tmp_path.parent / "evil.npy").exists()


def test_duplicate_members_are_refused(tmp_path):
    path, _ = saved_file(tmp_path)
    with zipfile.ZipFile(path, "a") as z, pytest.warns(UserWarning):
        z.writestr("run.json", b"{}")
    refused(path, "appears twice")


def test_object_arrays_are_never_unpickled(tmp_path):
    path, _ = saved_file(tmp_path, "ch06.backprop", 40)
    parts = members(path)
    name = next(n for n in parts if n.startswith("arrays/"))
    marker = tmp_path / "ran"
    payload = np.array([Boom(str(marker))], dtype=object)
    rewrite(path, extra={name: npy(payload, allow_pickle=True)})
    refused(path, "type object")
    assert not marker.exists()


class Boom:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.mkdir, (self.marker,))


def test_an_npy_header_that_lies_about_its_size(tmp_path):
    path, _ = saved_file(tmp_path, "ch06.backprop", 40)
    parts = members(path)
    name = next(n for n in parts if n.startswith("arrays/"))
    for lie in (b"'shape': (100000, 100000, ", b"'shape': (1000, "):  # too many elements; more than it holds
        header = parts[name].replace(b"'shape': (", lie, 1)
        rewrite(path, extra={name: header})
        refused(path, "does not match its")


@pytest.mark.parametrize("dtype", ["<U5", "V8", "complex128", "datetime64[s]"])
def test_arrays_of_other_kinds_are_refused(tmp_path, dtype):
    path, _ = saved_file(tmp_path, "ch06.backprop", 40)
    parts = members(path)
    name = next(n for n in parts if n.startswith("arrays/"))
    rewrite(path, extra={name: npy(np.zeros(100, dtype=dtype))})
    refused(path, "which a run never has")


def test_deep_nesting_and_huge_numbers(tmp_path):
    path, _ = saved_file(tmp_path)
    deep = "[" * 200_000 + "]" * 200_000
    rewrite(path, extra={"run.json": ('{"format": "grokking-lab-run", "version": 1, "x": ' + deep + "}").encode()})
    refused(path, "nested too deeply|damaged")
    path, _ = saved_file(tmp_path)
    rewrite(path, lambda d: d["state"].update(weight={"$tuple": [[[[[[[[[[[[1]]]]]]]]]]]]}))
    refused(path, "does not fit")
    path, _ = saved_file(tmp_path)
    rewrite(path, lambda d: d.update(count=10**40))
    refused(path, "count must be")
    path, _ = saved_file(tmp_path)
    text = members(path)["run.json"].replace(b'"count": 12', b'"count": ' + b"9" * 5000)
    rewrite(path, extra={"run.json": text})
    refused(path, "damaged")


def test_an_array_the_states_share_is_written_once(tmp_path):
    exp, history, snaps = run("ch04.alpha", 40)  # no draws after the start: one random state for all
    path = write_run(tmp_path / "a.glrun", capture(exp, history, snaps, dict(exp.values)))
    arrays = [n for n in members(path) if n.startswith("arrays/")]
    assert len(arrays) == 2  # one random state for the 40 kept states, one for the current state
    loaded = check_run(read_run(path), make)
    assert loaded.iteration_index == 40


@pytest.mark.parametrize("change,match", [
    (lambda d: d.update(experiment="ch99.nothing"), "does not have"),
    (lambda d: d["start_values"].update(alpha=-5.0), "alpha must be"),
    (lambda d: d["start_values"].update(nonsense=1.0), "unknown parameter"),
    (lambda d: d.update(seed=-1), "seed must be"),
    (lambda d: d["state"].update(weight="0.5"), "a number expected"),
    (lambda d: d["state"].update(iteration_index=3), "before iteration 3"),
    (lambda d: d["state"].update(extra=1), "parts are not"),
    (lambda d: d["state"]["rs"]["$tuple"].__setitem__(2, 9999), "not a random state"),
    (lambda d: d["state"]["rs"]["$tuple"].__setitem__(0, "PCG64"), "not a random state"),
    (lambda d: d.update(changes=[[3, [["load_state", {"$tuple": [{}]}]]]]), "not an edit"),
    (lambda d: d.update(changes=[[3, [["__init__", {"$tuple": []}]]]]), "not an edit"),
    (lambda d: d.update(changes=[[3, [["set_weight", {"$tuple": ["weight", 5, 0, 1.0]}]]]]), "outside"),
    (lambda d: d.update(changes=[[3, [["set_weight", {"$tuple": ["nope", 0, 0, 1.0]}]]]]), "unknown weight"),
    (lambda d: d.update(changes=[[3, [["set_param", {"$tuple": ["alpha", 1e300]}]]]]), "alpha must be"),
    (lambda d: d.update(changes=[[10**6, [["set_param", {"$tuple": ["alpha", 0.1]}]]]]), "beyond the run"),
    (lambda d: d["snapshots"]["states"].pop(0), "iteration 0 is missing"),
    (lambda d: d["snapshots"]["states"][1].__setitem__(0, 5), "iteration 1, not 5|off the run|malformed snapshots"),
    (lambda d: d["history"]["iterations"].update(stride=3), "power of two"),
    (lambda d: d["history"]["iterations"]["columns"].update(error={"$array": {"dtype": "float64", "shape": [2],
                                                                              "data": [1.0, 2.0]}}), "must hold 12"),
    (lambda d: d.update(divergence={"iteration": "x"}), "divergence"),
    (lambda d: d.update(page="../../../etc/passwd"), "malformed page"),
    (lambda d: d["state"].update(weight={"$scalar": {"dtype": "object", "data": 1}}), "malformed number"),
    (lambda d: d["state"].update(weight={"$pickle": "gASV"}), "unknown value tag"),
])
def test_hostile_contents_are_refused(tmp_path, change, match):
    path, _ = saved_file(tmp_path)
    rewrite(path, change)
    refused(path, match)


def test_wrong_shapes_and_dtypes_of_weights(tmp_path):
    path, exp = saved_file(tmp_path, "ch06.backprop", 40)
    doc = json.loads(members(path)["run.json"])
    ref = doc["state"]["weights_0_1"]
    assert "$array" in ref
    for bad in ({"dtype": "float64", "shape": [4, 3], "data": [0.0] * 12},
                {"dtype": "float32", "shape": [3, 4], "data": [0.0] * 12},
                {"dtype": "int64", "shape": [3, 4], "data": [0] * 12}):
        rewrite(path, lambda d, bad=bad: d["state"].update(weights_0_1={"$array": bad}))
        refused(path, "an array of float64 \\(3, 4\\) expected")
        path, exp = saved_file(tmp_path, "ch06.backprop", 40)


def test_records_of_an_unfinished_epoch_are_checked(tmp_path):
    path, _ = saved_file(tmp_path, "ch08.mnist-overfit", 13)
    doc = json.loads(members(path)["run.json"])
    assert "$records" in doc["state"]["epoch_records"]  # 13 records of the epoch, column by column
    assert opened(path).iteration_index == 13
    rewrite(path, lambda d: d["state"].update(epoch_records=[]))
    refused(path, "13 records")
    path, _ = saved_file(tmp_path, "ch06.backprop", 42)  # 2 records of an epoch of 4
    rewrite(path, lambda d: d["state"]["epoch_records"][0].update(layer_1={"$array": {
        "dtype": "float64", "shape": [5], "data": [0.0] * 5}}))
    refused(path, "epoch_records.0..layer_1: an array of float64 \\(4,\\) expected")


def test_nothing_of_a_refused_file_reaches_the_caller(tmp_path):
    path, _ = saved_file(tmp_path)
    rewrite(path, lambda d: d["state"].update(weight=[1, 2]))
    built = []

    def recording(cls, seed, values):
        built.append(make(cls, seed, values))
        return built[-1]

    with pytest.raises(RunFileError):
        check_run(read_run(path), recording)
    assert len(built) == 1  # a fresh experiment of its own was the only thing touched


def test_saved_run_fields_are_plain():
    saved = SavedRun("ch04.alpha", None, {}, {}, 0, 0)
    assert saved.changes == {} and saved.snapshots == {} and saved.page is None
