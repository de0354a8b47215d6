"""Plain-language explanations built from learning's numbers (learning itself returns no prose)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.format import num
from learning.divergence import Divergence

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def divergence_text(d: Divergence) -> str:
    """Why the run diverged, with its numbers."""
    if d.reason == "non_finite":
        first = translate("Explain", "At iteration {0} the error became too large to represent ({1}).").format(
            d.iteration, num(d.error)
        )
    else:
        first = translate(
            "Explain",
            "At iteration {0} the error reached {1}, past the bound of {2} " "(10,000 times where it started).",
        ).format(d.iteration, num(d.error), num(d.bound))
    f = d.facts
    if {"alpha", "input", "alpha_input_squared", "step_factor"} <= f.keys():
        why = translate(
            "Explain",
            "Each step multiplies delta (prediction − goal) by 1 − alpha·input² = {0}. "
            "Here alpha·input² = {1}·{2}² = {3}: above 1 the step overshoots the goal, above 2 it overshoots "
            "by more than it corrects, so the error grows every iteration.",
        ).format(num(f["step_factor"]), num(f["alpha"]), num(f["input"]), num(f["alpha_input_squared"]))
        if f["input"] != 0:
            limit = 2.0 / (f["input"] * f["input"])
            why += " " + translate(
                "Explain", "Try alpha below {0}; alpha = {1} lands on the goal in one step."
            ).format(num(limit), num(limit / 2))
        return f"{first} {why}"
    return first + " " + translate("Explain", "The steps are too big for this error surface: try a smaller alpha.")
