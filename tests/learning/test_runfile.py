"""Saved runs: edits and divergence round-trip; the file is a zip of JSON and .npy written atomically; damaged,
truncated, oversized, future-version and hostile files are refused with a message (test_runfile_roundtrip.py: every
experiment round-trips; test_statespec.py: the rules of states that change form)."""

import json
import zipfile

import numpy as np
import pytest

from learning import runfile
from learning.runcheck import check_run
from learning.runfile import RunFileError, SavedRun, capture, read_run, write_run
from tests.learning.runfile_helpers import make, members, npy, opened, refused, rewrite, run, saved_file


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
    assert doc["state"]["epoch_records"] == {"$epoch": [0, 13]}  # 13 records of the epoch, written once,
    assert "$records" in doc["epochs"][0]  # column by column
    assert opened(path).iteration_index == 13
    rewrite(path, lambda d: d["state"].update(epoch_records=[]))
    refused(path, "13 records")
    path, _ = saved_file(tmp_path, "ch06.backprop", 42)  # 2 records of an epoch of 4
    rewrite(path, lambda d: d["epochs"][0][0].update(layer_1={"$array": {
        "dtype": "float64", "shape": [5], "data": [0.0] * 5}}))
    refused(path, "epoch_records.0..layer_1: an array of float64 \\(4,\\) expected")


def test_the_records_states_share_are_written_once(tmp_path):
    """States kept within an epoch hold its first records: the file holds each record once, not once per state."""
    path, _ = saved_file(tmp_path, "ch08.mnist-overfit", 19)  # an epoch of 20: a state before each iteration
    doc = json.loads(members(path)["run.json"])
    states = dict(doc["snapshots"]["states"])
    assert len(states) == 19 and len(doc["epochs"]) == 1 and doc["epochs"][0]["$records"]["count"] == 19
    assert all(states[k]["epoch_records"] == ({"$epoch": [0, k]} if k else []) for k in states)
    loaded = read_run(path)
    assert all(loaded.snapshots[k]["epoch_records"][j] is loaded.state["epoch_records"][j]
               for k in loaded.snapshots for j in range(k))  # shared again, as in the run


@pytest.mark.parametrize("change", [
    lambda d: d["state"].update(epoch_records={"$epoch": [1, 3]}),
    lambda d: d["state"].update(epoch_records={"$epoch": [0, 14]}),
    lambda d: d["state"].update(epoch_records={"$epoch": [0, -1]}),
    lambda d: d["epochs"].append({"$epoch": [0, 1]}),
])
def test_references_to_records_that_are_not_there(tmp_path, change):
    path, _ = saved_file(tmp_path, "ch08.mnist-overfit", 13)
    rewrite(path, change)
    refused(path, "records that are not there")


def test_a_few_bytes_never_become_millions_of_records(tmp_path):
    path, _ = saved_file(tmp_path)
    many = {"$records": {"count": 10_000_000, "keys": ["a"], "columns": {"a": {"kind": "none"}}}}
    rewrite(path, lambda d: d["state"].update(prediction=many))
    refused(path, "too large")


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
