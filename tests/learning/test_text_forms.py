"""How records, parameters and tables read as text: the CLI's table, --jsonl values, and what a parameter allows."""

import json

import numpy as np
import pytest

from learning.__main__ import _table
from learning.catalogue import UnknownExperiment, get
from learning.experiment import Param, ParamError
from learning.records import jsonable, short


def test_short_forms():
    assert short(True) == "true" and short(np.bool_(False)) == "false"
    assert short(7) == "7" and short(np.int64(-3)) == "-3"
    assert short(0.123456789) == "0.123457" and short(np.float32(0.5)) == "0.5"
    assert short(1 / 3, digits=3) == "0.333" and short(123456789.0) == "1.23457e+08"
    assert short([1, 2.5, True]) == "[1, 2.5, true]"
    assert short(np.array([0.5, 0.25])) == "[0.5, 0.25]"
    assert short(list(range(6))) == "[0, 1, 2, 3, 4, 5]"  # six still shown whole
    assert short(list(range(7))) == "[0, 1, 2, … (7 values)]"
    assert short((1 / 3, 2 / 3), digits=2) == "[0.33, 0.67]"
    assert short(np.arange(10.0) / 3, digits=2) == "[0, 0.33, 0.67, … (10 values)]"
    assert short(None) == "None" and short("text") == "text"


def test_jsonable_values_keep_full_precision():
    value = {"a": np.array([[0.1, 0.2]]), 3: (np.int64(4), np.bool_(True)), "f": np.float64(1 / 3), "s": "x",
             "n": None}
    out = jsonable(value)
    assert out == {"a": [[0.1, 0.2]], "3": [4, True], "f": 1 / 3, "s": "x", "n": None}
    assert type(out["3"][0]) is int and type(out["3"][1]) is bool and type(out["f"]) is float
    assert json.loads(json.dumps(out))["f"] == 1 / 3


def test_the_table_has_one_header_and_epoch_lines_between():
    rows = iter([{"iteration": 0, "error": 0.5, "w": [1.0, 2.0]}, {"epoch": 0, "error": 0.25},
                 {"iteration": 1, "error": 0.125}, {"epoch": 1, "test_accuracy": 0.75}])
    assert list(_table(rows)) == ["iteration  error  w", "0  0.5  [1, 2]", "epoch epoch=0  error=0.25",
                                  "1  0.125  ", "epoch epoch=1  test_accuracy=0.75"]


def test_what_a_parameter_allows_in_words():
    assert Param("f", False, "").allowed() == "true or false"
    assert Param("c", "a", "", choices=("a", "b")).allowed() == "one of a, b"
    assert Param("v", (0.0, 1.0), "", -1.0, 1.0).allowed() == "2 numbers separated by commas from -1 to 1"
    assert Param("n", 3, "", 1, 10).allowed() == "a whole number from 1 to 10"
    assert Param("x", 0.5, "", 0.0, None).allowed() == "a number >= 0"
    assert Param("x", 0.5, "", None, 2.5).allowed() == "a number <= 2.5"
    assert Param("x", 0.5, "").allowed() == "a number"
    assert Param("x", 0.5, "", 0.05, 0.1).allowed() == "a number from 0.05 to 0.1"
    with pytest.raises(ParamError, match=r"x must be a number <= 2.5 \(got 3.0\)"):
        Param("x", 0.5, "", None, 2.5).check(3.0)
    with pytest.raises(ParamError, match=r"x must be a number >= 0 \(got '-1'\)"):
        Param("x", 0.5, "", 0.0, None).parse("-1")


def test_an_experiment_without_editable_weights_says_so():
    with pytest.raises(ParamError, match="ch03.stacked has no editable weight 'ih_wgt'"):
        get("ch03.stacked")().set_weight("ih_wgt", 0, 0, 1.0)


def test_an_unknown_experiment_reads_as_its_message():
    with pytest.raises(UnknownExperiment) as info:
        get("ch04.nothing")
    text = str(info.value)
    assert text.startswith("unknown experiment 'ch04.nothing'; known: ch04.") and "ch03." not in text
    assert "python -m learning list shows all" in text
    with pytest.raises(UnknownExperiment) as info:
        get("zz")
    assert "list shows all" not in str(info.value) and "ch03.single-input" in str(info.value)


def test_the_cli_help_names_every_option_with_its_meaning(capsys):
    from learning.__main__ import build_parser

    text = build_parser().format_help()
    assert "python -m learning" in text and "Run the book's experiments without a window." in text
    assert "print each experiment id and title, one per line" in text
    assert "run an experiment and print its records" in text
    run = next(a for a in build_parser()._subparsers._group_actions[0].choices.items() if a[0] == "run")[1]
    text = run.format_help()
    for option, meaning in (("--iterations N", "iterations to run (default: the book's; at most 10,000,000)"),
                            ("--epochs N", "epochs to run (experiments with a data set)"),
                            ("--seed S", "seed of the experiment's RandomState (0 to 4294967295)"),
                            ("--save FILE", "save the run (to continue it in the app: File > Open run)"),
                            ("--param NAME=VALUE", "set a parameter"),
                            ("--jsonl", "one JSON object per iteration and per epoch"),
                            ("id", "experiment id, e.g. ch04.alpha")):
        assert option in text and meaning in " ".join(text.split()), option


def test_make_experiment_and_the_iteration_count():
    from learning.__main__ import UsageError, iteration_count, make_experiment

    exp = make_experiment("ch06.backprop", ["alpha=0.5", "hidden_size = 3"], seed=7)
    assert exp.seed == 7 and exp.values["alpha"] == 0.5 and exp.values["hidden_size"] == 3
    assert make_experiment("ch04.alpha", [], None).seed is None
    with pytest.raises(UsageError, match=r"--param wants NAME=VALUE \(got 'alpha'\)"):
        make_experiment("ch04.alpha", ["alpha"])
    with pytest.raises(UsageError, match="alpha must be a number from 0 to 100 \\(got '1=2'\\)"):
        make_experiment("ch04.alpha", ["alpha=1=2"])  # the first '=' splits: the value is '1=2'
    alpha = make_experiment("ch04.alpha", [])
    assert iteration_count(alpha, None, None) == alpha.iterations
    assert iteration_count(alpha, 0, None) == 0 and iteration_count(alpha, 7, None) == 7
    with pytest.raises(UsageError, match=r"--iterations must be from 0 to 10,000,000 \(got -1\)"):
        iteration_count(alpha, -1, None)
    with pytest.raises(UsageError, match="ch04.alpha does not pass over a data set; use --iterations N"):
        iteration_count(alpha, None, 1)
    from tests.learning.conftest import synthetic_mnist

    mnist = get("ch08.mnist-overfit")(data=synthetic_mnist(train=20, test=30))
    assert iteration_count(mnist, None, None) == mnist.epochs * mnist.epoch_size
    assert iteration_count(mnist, None, 0) == 0 and iteration_count(mnist, None, 2) == 2 * mnist.epoch_size
    with pytest.raises(UsageError, match=r"--epochs must be from 0 to 500,000 for ch08.mnist-overfit \(got -2\)"):
        iteration_count(mnist, None, -2)


def test_the_cli_in_process(capsys):
    from learning.__main__ import main

    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "ch03.single-input\tA simple neural network making a prediction" and len(lines) == len(
        __import__("learning.catalogue", fromlist=["x"]).EXPERIMENTS)
    assert main(["run", "ch04.divergence", "--iterations", "2", "--seed", "3", "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["iteration"] for r in records] == [0, 1] and records[0]["error"] == pytest.approx(0.04)
    assert main(["run", "ch04.divergence", "--iterations", "-1"]) == 2
    assert "error: --iterations must be from 0 to 10,000,000 (got -1)" in capsys.readouterr().err
