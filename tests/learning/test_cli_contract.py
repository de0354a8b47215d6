"""The command line keeps its contract on every argument: exit 2 and one line for bad input, bounded work for any
number, strict JSON lines, and --save writing a run the app can open."""

import json
import subprocess
import sys

import pytest

from learning.__main__ import MAX_ITERATIONS, main
from learning.runcheck import check_run
from learning.runfile import read_run


def cli(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "learning", *args], capture_output=True, text=True, timeout=timeout)


def strict(line):
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(line, parse_constant=refuse)


@pytest.mark.parametrize("args,match", [
    (["--seed", "-1"], "--seed must be from 0 to 4294967295"),
    (["--seed", str(2**32)], "--seed must be"),
    (["--seed", "1" * 5000], "invalid whole number"),
    (["--iterations", "100000000000000000000000000"], f"--iterations must be from 0 to {MAX_ITERATIONS:,}"),
    (["--iterations", "1e26"], "--iterations must be from 0"),
    (["--iterations", str(MAX_ITERATIONS + 1)], "--iterations must be from 0"),
    (["--iterations", "-5"], "--iterations must be from 0"),
    (["--iterations", "inf"], "invalid whole number"),
    (["--iterations", "nan"], "invalid whole number"),
    (["--iterations", "2.5"], "invalid whole number"),
    (["--epochs", "1e30"], "does not pass over a data set"),
])
def test_bad_numbers_exit_2_with_one_line(args, match):
    out = cli("run", "ch04.alpha", *args, timeout=30)
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and match in out.stderr and "Traceback" not in out.stderr


def test_epochs_are_bounded_by_the_epoch_size():
    out = cli("run", "ch06.whole-dataset", "--epochs", str(MAX_ITERATIONS))
    assert out.returncode == 2 and "--epochs must be from 0 to" in out.stderr


def test_scientific_counts_are_whole_numbers(capsys):
    assert main(["run", "ch04.alpha", "--iterations", "1e1", "--seed", "7e0", "--jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 10


def test_jsonl_is_strict_json_with_non_finite_numbers_as_strings(capsys):
    assert main(["run", "ch04.divergence", "--iterations", "400", "--jsonl"]) == 0
    records = [strict(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 400
    errors = [r["error"] for r in records]
    assert isinstance(errors[19], float) and errors[19] > 1e16
    assert "Infinity" in errors and all(isinstance(e, float) or e in ("NaN", "Infinity", "-Infinity") for e in errors)
    first_string = next(i for i, e in enumerate(errors) if isinstance(e, str))
    assert errors[first_string - 1] > 1e300  # overflowed to infinity after the largest finite errors


def test_save_writes_a_run_that_opens_and_continues(tmp_path, capsys):
    path = tmp_path / "alpha.glrun"
    assert main(["run", "ch04.alpha", "--iterations", "30", "--param", "alpha=0.05", "--seed", "3",
                 "--save", str(path)]) == 0
    capsys.readouterr()
    saved = read_run(path)
    assert saved.experiment_id == "ch04.alpha" and saved.count == 30 and saved.seed == 3
    assert saved.start_values["alpha"] == 0.05 and len(saved.iterations["error"]) == 30
    exp = check_run(saved, lambda cls, seed, values: cls(seed=seed, **values))
    assert exp.iteration_index == 30
    assert main(["run", "ch04.alpha", "--iterations", "31", "--param", "alpha=0.05", "--jsonl"]) == 0
    thirty_first = strict(capsys.readouterr().out.splitlines()[-1])
    assert exp.step().record["error"] == thirty_first["error"]


@pytest.mark.parametrize("target", ["folder", "missing/x.glrun"])
def test_save_to_a_bad_place_exits_2_before_running(tmp_path, target):
    (tmp_path / "folder").mkdir()
    out = cli("run", "ch04.alpha", "--iterations", "5", "--save", str(tmp_path / target), "--jsonl")
    assert out.returncode == 2 and out.stdout == "" and len(out.stderr.strip().splitlines()) == 1
    assert not list(tmp_path.rglob("*.part"))
