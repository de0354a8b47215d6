"""`python -m learning`: list, run --jsonl, the readable table, and exit code 2 on bad input."""

import json
import subprocess
import sys

import pytest

from learning import catalogue
from learning.__main__ import main


def cli(*args):
    return subprocess.run([sys.executable, "-m", "learning", *args], capture_output=True, text=True, timeout=120)


def test_list_prints_every_id_and_title():
    out = cli("list")
    assert out.returncode == 0
    rows = [line.split("\t") for line in out.stdout.splitlines()]
    assert [r[0] for r in rows] == list(catalogue.EXPERIMENTS)
    assert all(r[1] for r in rows)


def test_jsonl_records_carry_the_books_names_at_full_precision(capsys):
    assert main(["run", "ch04.alpha", "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["iteration"] for r in records] == list(range(20))
    first = records[0]
    assert first["error"] == 0.03999999999999998 and first["prediction"] == 1.0
    assert first["weight"] == 0.5 and first["delta"] == 0.19999999999999996
    assert first["weight_delta"] == 0.3999999999999999
    assert records[1]["weight"] == first["new_weight"]


def test_iterations_seed_and_params(capsys):
    assert main(["run", "ch04.divergence", "--iterations", "3", "--param", "alpha=0.1", "--param", "input=1",
                 "--seed", "7", "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 3 and records[0]["alpha"] == 0.1 and records[0]["input"] == 1.0


def test_book_faithful_is_accepted_everywhere_and_the_seed_is_the_experiments(capsys):
    # no quirk in chapter 3: accepted, and nothing changes
    assert main(["run", "ch03.single-input", "--param", "book_faithful=true", "--jsonl"]) == 0
    faithful = capsys.readouterr().out
    assert main(["run", "ch03.single-input", "--jsonl"]) == 0
    assert capsys.readouterr().out == faithful
    # --seed is the seed of the experiment's RandomState: the same as the window's seed field
    assert main(["run", "ch06.backprop", "--iterations", "1", "--seed", "7", "--jsonl"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["weights_0_1"] == catalogue.get("ch06.backprop")(seed=7).weights_0_1.T.tolist()


def test_divergence_prints_every_iteration_even_past_infinity(capsys):
    assert main(["run", "ch04.divergence", "--iterations", "400", "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 400
    assert json.loads(lines[19])["error"] > 1e16
    assert "Infinity" in lines[-1] or "NaN" in lines[-1]


def test_vector_parameters(capsys):
    assert main(["run", "ch03.multi-input", "--param", "weights=1,0,0", "--jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["prediction"] == 8.5


def test_readable_table(capsys):
    assert main(["run", "ch04.reduce-error"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["iteration", "input", "weight", "prediction"]
    assert len(lines) == 5 and lines[1].split()[0] == "0"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "ch99.nothing"], "unknown experiment 'ch99.nothing'"),
        (["run", "ch04.alpha", "--param", "beta=1"], "allowed: alpha, input, goal, weight"),
        (["run", "ch04.alpha", "--param", "alpha=-1"], "alpha must be a number from 0 to 100"),
        (["run", "ch04.alpha", "--param", "alpha=fast"], "alpha must be a number"),
        (["run", "ch04.alpha", "--param", "alpha"], "NAME=VALUE"),
        (["run", "ch04.alpha", "--iterations", "-3"], "--iterations must be from 0"),
        (["run", "ch04.alpha", "--iterations", "ten"], "invalid whole number value"),
        (["run", "ch04.alpha", "--epochs", "2"], "does not pass over a data set"),
        (["run", "ch06.backprop", "--seed", "-1"], "--seed must be from 0 to 4294967295"),
        (["run", "ch04.alpha", "--param", "book_faithful=maybe"], "book_faithful must be true or false"),
        (["run"], "required: id"),
        (["fly"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, message):
    out = cli(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    assert message in out.stderr


def test_missing_data_set_is_one_line_and_exit_2(capsys, monkeypatch):
    from learning.datasets import DatasetMissing
    from learning.experiment import Experiment

    class NeedsData(Experiment):
        id = "ch99.needs-data"
        title = "needs data"
        chapter = 99

        def setup(self):
            raise DatasetMissing("mnist", "MNIST test images and labels were not found")

    monkeypatch.setitem(catalogue.EXPERIMENTS, NeedsData.id, NeedsData)
    assert main(["run", NeedsData.id, "--jsonl"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "needs the mnist data set" in err[0] and "GROKKING_DATA" in err[0]
