"""`python -m learning run` for chapters 11-12: the records, the report after the run (the book's printed lines,
and with --jsonl one more JSON object), and bad input (exit 2, one line on stderr)."""

import json
import os
import subprocess
import sys

import pytest

from learning import catalogue
from learning.__main__ import main
from learning.experiment import Experiment, ParamError


def cli(*args):
    return subprocess.run([sys.executable, "-m", "learning", *args], capture_output=True, text=True, timeout=300)


def test_bag_of_words_prints_its_record_then_the_books_line(capsys):
    assert main(["run", "ch11.bag-of-words"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Sent Encoding:[1 1 0 1]"
    assert lines[0].split() == ["iteration", "sentence", "sent_encoding"]


def test_jsonl_ends_with_the_report_object(capsys):
    assert main(["run", "ch12.toy-forward", "--jsonl"]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o.get("iteration") for o in objects[:3]] == [0, 1, 2]
    assert objects[-1]["report"]["text"][0] == "[[1. 0. 0.]"  # the book's anchor
    assert objects[2]["pred"] == pytest.approx([1 / 9] * 9)


def test_no_iterations_no_report(capsys):
    assert main(["run", "ch11.bag-of-words", "--iterations", "0", "--jsonl"]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.skipif(not os.environ.get("GROKKING_DATA"), reason="GROKKING_DATA is not set: needs the bAbI file")
def test_rnn_babi_prints_perplexities_and_the_analysis():
    out = cli("run", "ch12.rnn-babi", "--iterations", "1001", "--param", "book_faithful=true")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[1].split()[:2] == ["0", "0"]  # iteration 0, epoch 0
    assert lines[-7] == "Perplexity:81.94009027613271"  # the check value, then iteration 1000's
    assert lines[-6].startswith("Perplexity:")
    assert lines[-5] == "['sandra', 'moved', 'to', 'the', 'garden.']"
    assert [line[:11] for line in lines[-4:]] == ["Prev Input:"] * 4
    assert lines[-1].startswith("Prev Input:the         True:garden.        Pred:")


def test_bad_words_exit_2_with_one_line():
    out = cli("run", "ch11.bag-of-words", "--param", "sentence=the cow")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip().splitlines() == [
        "error: sentence must be words separated by spaces, from: cat, the, dog, sat (got 'the cow')"]
    out = cli("run", "ch11.analogy", "--param", "queries=king man")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "semicolons" in out.stderr


def test_a_value_only_the_data_can_refuse_is_one_line_and_exit_2(capsys, monkeypatch):
    class Refuses(Experiment):
        id = "ch99.refuses"
        title = "refuses"
        chapter = 99

        def setup(self):
            raise ParamError("test_count must leave reviews to train on: 1000 of 40")

    monkeypatch.setitem(catalogue.EXPERIMENTS, Refuses.id, Refuses)
    assert main(["run", Refuses.id]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: test_count must leave reviews to train on: 1000 of 40"]
