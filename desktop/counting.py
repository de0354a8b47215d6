"""One count everywhere (README, "Counting"): which iteration and epoch the window shows, named the same way by the
controls, the plot, the math strip, the landscape, the diagram and the exports.

Iterations and epochs are numbered from 0, as the book's loops count them (chapter 8 prints `I:0` after its first
epoch); iteration k is the (k+1)-th one run, and its record says `"iteration": k`. A view that shows one iteration's
values names it: while stepping through phases, the iteration under way; otherwise the last one completed. Counts of
work done ("3 of 1101 done") count iterations: after iterations 0, 1 and 2, three are done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.runner import Runner
from learning.experiment import Phase

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def shown_iteration(runner: Runner) -> int | None:
    """The iteration whose values the window shows: the one under way while stepping through its phases, else the
    last one completed; None before the first."""
    if runner.mid_iteration:
        return runner.count
    return runner.count - 1 if runner.count else None


def shown_epoch(runner: Runner) -> int | None:
    """The epoch of the shown iteration, for experiments over a data set (None otherwise or before the first)."""
    shown = shown_iteration(runner)
    size = runner.experiment.epoch_size
    return shown // size if shown is not None and size else None


def phase_done(runner: Runner) -> str:
    """"after predict" / "after compare" while stepping through an iteration's phases, else ""."""
    if not runner.mid_iteration or runner.current_phase is None:
        return ""
    return {Phase.PREDICT: translate("Counting", "after predict"),
            Phase.COMPARE: translate("Counting", "after compare"),
            Phase.LEARN: translate("Counting", "after learn")}.get(runner.current_phase.phase, "")


def iteration_text(runner: Runner) -> str:
    """"Iteration 2" (with "epoch 0" for data-set experiments, and the phase while stepping), or "No iteration yet"."""
    shown = shown_iteration(runner)
    if shown is None:
        return translate("Counting", "No iteration yet")
    text = translate("Counting", "Iteration {0}").format(shown)
    epoch = shown_epoch(runner)
    if epoch is not None:
        text += ", " + translate("Counting", "epoch {0}").format(epoch)
    phase = phase_done(runner)
    return f"{text} · {phase}" if phase else text


def done_text(runner: Runner) -> str:
    """How many iterations are done: "3 of 1101 done" (or "3 done" when the run has no end)."""
    if runner.limit is not None:
        return translate("Counting", "{0} of {1} done").format(runner.count, runner.limit)
    return translate("Counting", "{0} done").format(runner.count)
