"""Headless command line: `python -m learning list` and `python -m learning run ID ... [--jsonl] [--save FILE]`.

Bad input exits with code 2 and one line on stderr. Counts are bounded (MAX_ITERATIONS), seeds are those numpy's
RandomState takes (0 ... 2**32 - 1), and --jsonl writes strict JSON: a non-finite number is the string "NaN",
"Infinity" or "-Infinity".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # before numpy: small matrices run faster on one BLAS thread (desktop/app.py)

from learning import catalogue
from learning.datasets import DatasetError, DatasetMissing
from learning.datasets.locate import ENV
from learning.experiment import Experiment, ParamError
from learning.history import History, Snapshots
from learning.records import short, strict_json
from learning.runfile import RunFileError, capture, write_run

#: The most iterations one command runs (--iterations, or --epochs times the epoch's size).
MAX_ITERATIONS = 10_000_000
MAX_SEED = 2**32 - 1


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
    count.add_argument("--iterations", type=whole, metavar="N",
                       help=f"iterations to run (default: the book's; at most {MAX_ITERATIONS:,})")
    count.add_argument("--epochs", type=whole, metavar="N", help="epochs to run (experiments with a data set)")
    run.add_argument("--seed", type=whole, metavar="S", help=f"seed of the experiment's RandomState (0 to {MAX_SEED})")
    run.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="set a parameter")
    run.add_argument("--jsonl", action="store_true", help="one JSON object per iteration and per epoch")
    run.add_argument("--save", metavar="FILE", help="save the run (to continue it in the app: File > Open run)")
    return parser


def whole(text: str) -> int:
    """A whole number from the command line: 1000, 1e6 or 1_000_000 (argparse reports a ValueError in one line)."""
    raw = text.strip().replace("_", "")
    try:
        return int(raw)
    except ValueError:
        pass
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(text) from None
    if not value.is_integer():  # also inf and nan
        raise ValueError(text)
    return int(value)


whole.__name__ = "whole number"  # argparse names the type in its message: "invalid whole number value: 'x'"


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
    if seed is not None and not 0 <= seed <= MAX_SEED:
        raise UsageError(f"--seed must be from 0 to {MAX_SEED} (got {seed})")
    try:
        return cls(seed=seed, **values)
    except ParamError as exc:  # a seed out of range, or a value only the data can refuse (a batch too large)
        raise UsageError(str(exc)) from None
    except DatasetMissing as exc:
        raise UsageError(f"{experiment_id} needs the {exc.name} data set: {exc} (set {ENV} to a folder that holds it, "
                         "or download it from the app's Data sets window)") from None
    except DatasetError as exc:
        raise UsageError(f"{experiment_id}: its data is damaged: {exc}") from None


def iteration_count(exp: Experiment, iterations: int | None, epochs: int | None) -> int:
    """How many iterations a run of `exp` should do, from --iterations / --epochs / the book's default."""
    if iterations is not None:
        if not 0 <= iterations <= MAX_ITERATIONS:
            raise UsageError(f"--iterations must be from 0 to {MAX_ITERATIONS:,} (got {iterations:.6g})")
        return iterations
    if epochs is not None:
        if not exp.epoch_size:
            raise UsageError(f"{exp.id} does not pass over a data set; use --iterations N")
        most = MAX_ITERATIONS // exp.epoch_size
        if not 0 <= epochs <= most:
            raise UsageError(f"--epochs must be from 0 to {most:,} for {exp.id} (got {epochs:.6g})")
        return epochs * exp.epoch_size
    if exp.epochs is not None and exp.epoch_size:
        return exp.epochs * exp.epoch_size
    return exp.iterations


def records(exp: Experiment, n: int, history: History | None = None,
            snapshots: Snapshots | None = None) -> Iterator[dict[str, Any]]:
    """Every iteration record, each followed by its epoch record when it closes an epoch; kept in `history` and
    `snapshots` too when given (for --save)."""
    for i in range(n):
        if snapshots is not None and snapshots.wants(i):
            snapshots.add(i, exp.state())
        result = exp.step()
        if history is not None:
            history.add_iteration(result.record)
            if result.epoch is not None:
                history.add_epoch(result.epoch)
        yield result.record
        if result.epoch is not None:
            yield result.epoch


def check_save_target(path: str) -> None:
    """Refuse a --save name that cannot be written, before any work (UsageError)."""
    from pathlib import Path

    target = Path(path)
    if target.is_dir():
        raise UsageError(f"--save {path}: that is a folder; give a file name")
    if not target.parent.is_dir():
        raise UsageError(f"--save {path}: the folder {target.parent} does not exist")


def _table(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    columns: list[str] | None = None
    for row in rows:
        if "iteration" not in row:
            yield "epoch " + "  ".join(f"{k}={short(v)}" for k, v in row.items())
            continue
        if columns is None:
            columns = list(row)
            yield "  ".join(columns)
        extra = [f"{k}={short(v)}" for k, v in row.items() if k not in columns]  # e.g. a round's owner step
        yield "  ".join([short(row.get(c, "")) for c in columns] + extra)


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
        if args.save:
            check_save_target(args.save)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    start_values = dict(exp.values)
    history = History() if args.save else None
    snapshots = Snapshots(epoch_size=exp.epoch_size) if args.save else None
    rows = records(exp, n, history, snapshots)
    lines = (json.dumps(strict_json(r), allow_nan=False) for r in rows) if args.jsonl else _table(rows)
    try:
        for line in lines:
            sys.stdout.write(line + "\n")
        report = exp.report() if n else None  # what the book prints after the run (an analysis, a word list)
        if report is not None:
            if args.jsonl:
                sys.stdout.write(json.dumps(strict_json({"report": report}), allow_nan=False) + "\n")
            else:
                for line in report.get("text", ()):
                    sys.stdout.write(line + "\n")
    except BrokenPipeError:  # `| head` closed the pipe: stop quietly
        sys.stderr.close()
        return 0
    if args.save:
        try:
            write_run(args.save, capture(exp, history, snapshots, start_values))
        except RunFileError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
