"""Headless command line: `python -m learning list` and `python -m learning run ID ... [--jsonl]`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from learning import catalogue
from learning.datasets import DatasetError, DatasetMissing
from learning.datasets.locate import ENV
from learning.experiment import Experiment, ParamError
from learning.records import jsonable, short


class UsageError(Exception):
    """Bad command-line input: reported as one line on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
    parser = _Parser(prog="python -m learning", description="Run the book's experiments without a window.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("list", help="print each experiment id and title, one per line")
    run = sub.add_parser("run", help="run an experiment and print its records")
    run.add_argument("id", help="experiment id, e.g. ch04.alpha")
    count = run.add_mutually_exclusive_group()
    count.add_argument("--iterations", type=int, metavar="N", help="iterations to run (default: the book's)")
    count.add_argument("--epochs", type=int, metavar="N", help="epochs to run (experiments with a data set)")
    run.add_argument("--seed", type=int, metavar="S", help="seed of the experiment's RandomState")
    run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="set a parameter")
    run.add_argument("--jsonl", action="store_true", help="one JSON object per iteration and per epoch")
    return parser


def make_experiment(experiment_id: str, params: Sequence[str], seed: int | None = None) -> Experiment:
    """Build an experiment from an id and NAME=VALUE strings; raises UsageError on bad input."""
    try:
        cls = catalogue.get(experiment_id)
    except catalogue.UnknownExperiment as exc:
        raise UsageError(str(exc)) from None
    values: dict[str, Any] = {}
    for item in params:
        name, sep, text = item.partition("=")
        if not sep:
            raise UsageError(f"--param wants NAME=VALUE (got {item!r})")
        try:
            values[name.strip()] = cls.param(name.strip()).parse(text)
        except ParamError as exc:
            raise UsageError(str(exc)) from None
    try:
        return cls(seed=seed, **values)
    except DatasetMissing as exc:
        raise UsageError(f"{experiment_id} needs the {exc.name} data set: {exc} (set {ENV} to a folder that holds it, "
                         "or download it from the app's Data sets window)") from None
    except DatasetError as exc:
        raise UsageError(f"{experiment_id}: its data is damaged: {exc}") from None
    except ParamError as exc:  # a value that only the data can refuse (e.g. more test reviews than reviews)
        raise UsageError(str(exc)) from None


def iteration_count(exp: Experiment, iterations: int | None, epochs: int | None) -> int:
    """How many iterations a run of `exp` should do, from --iterations / --epochs / the book's default."""
    if iterations is not None:
        if iterations < 0:
            raise UsageError(f"--iterations must be 0 or more (got {iterations})")
        return iterations
    if epochs is not None:
        if not exp.epoch_size:
            raise UsageError(f"{exp.id} does not pass over a data set; use --iterations N")
        if epochs < 0:
            raise UsageError(f"--epochs must be 0 or more (got {epochs})")
        return epochs * exp.epoch_size
    if exp.epochs is not None and exp.epoch_size:
        return exp.epochs * exp.epoch_size
    return exp.iterations


def records(exp: Experiment, n: int) -> Iterator[dict[str, Any]]:
    """Every iteration record, each followed by its epoch record when it closes an epoch."""
    for _ in range(n):
        result = exp.step()
        yield result.record
        if result.epoch is not None:
            yield result.epoch


def _table(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    columns: list[str] | None = None
    for row in rows:
        if "iteration" not in row:
            yield "epoch " + "  ".join(f"{k}={short(v)}" for k, v in row.items())
            continue
        if columns is None:
            columns = list(row)
            yield "  ".join(columns)
        yield "  ".join(short(row.get(c, "")) for c in columns)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        if args.command == "list":
            for experiment_id, cls in catalogue.EXPERIMENTS.items():
                print(f"{experiment_id}\t{cls.title}")
            return 0
        exp = make_experiment(args.id, args.param, args.seed)
        n = iteration_count(exp, args.iterations, args.epochs)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = records(exp, n)
    lines = (json.dumps(jsonable(r)) for r in rows) if args.jsonl else _table(rows)
    try:
        for line in lines:
            sys.stdout.write(line + "\n")
        report = exp.report() if n else None  # what the book prints after the run (an analysis, a word list)
        if report is not None:
            if args.jsonl:
                sys.stdout.write(json.dumps(jsonable({"report": report})) + "\n")
            else:
                for line in report.get("text", ()):
                    sys.stdout.write(line + "\n")
    except BrokenPipeError:  # `| head` closed the pipe: stop quietly
        sys.stderr.close()
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
