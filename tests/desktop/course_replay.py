"""Replaying a page's task in the window, as the course tests of chapters 11-15 do: open the page, do what the task's
`solution` says the run needs (parameters, a reset, phase steps, iterations), check that this alone does not meet
the task; the test then does the view actions and checks that they do."""

from __future__ import annotations

from typing import Any

from desktop.course import Page, Task
from desktop.panels.lesson import task_key


def open_and_run(window: Any, page_key: str, task_id: str) -> tuple[Page, Task]:
    """Open the page, run the solution's run, and check the task is not met yet; returns the page and the task."""
    page = next(p for p in window.lesson.pages if p.key == page_key)
    task = next(t for t in page.tasks if t.id == task_id)
    assert window.lesson.open_page(page)
    assert window.runner.experiment.id == page.experiment
    solution = task.solution
    reset = False
    for name, value in solution.get("params", {}).items():
        reset |= not window.runner.set_param(name, value)
    if reset:
        window.runner.reset()
    for _ in range(solution.get("phase_steps", 0)):
        window.runner.step_phase()
    if solution.get("iterations"):
        window.runner.run_to(solution["iterations"])
    window.lesson.check_tasks()
    assert task_key(page, task) not in window.lesson.done  # the run alone does not meet it
    return page, task


def assert_met(window: Any, page: Page, task: Task) -> None:
    """After the view actions: the task ticks."""
    window.lesson.check_tasks()
    assert task_key(page, task) in window.lesson.done, (window.lesson.view_actions, task.check)
