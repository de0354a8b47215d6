"""One count everywhere (README, "Counting"): after steps and phase steps, the controls, the plot, the math strip, the
landscape, the diagram, the CSV export and the GIF frames name the same iteration (and epoch)."""

import csv
import re

import pytest

from desktop import animation


def number(text: str, word: str = "iteration") -> int | None:
    """The number after `word` in a text (case-insensitive), or None."""
    found = re.search(rf"{word} (\d+)", text, re.IGNORECASE)
    return int(found.group(1)) if found else None


def shown_numbers(w) -> dict[str, int | None]:
    """The iteration number each view shows now, read from its text."""
    landscape = w.workspace.view("landscape")
    plot = w.workspace.view("plot")
    diagram = w.workspace.view("diagram")
    for view in (landscape, plot, diagram, w.math, w.controls):
        getattr(view, "refresh", lambda: None)()
    w.controls.show_progress()
    return {
        "controls": number(w.controls.status_text()),
        "plot": number(plot.readout.text()),
        "math": number(w.math.shown_text().splitlines()[0]),
        "landscape": number(landscape.readout.text()),
        "diagram": number(diagram.picture.stage.text()),
    }


def test_every_view_names_the_same_iteration_after_steps_and_phase_steps(qtbot, main_window, tmp_path):
    w = main_window
    w.open_experiment("ch04.gradient-descent")
    assert set(shown_numbers(w).values()) == {None}  # nothing run yet: nobody invents an iteration
    for _ in range(3):
        w.actions["run.step"].trigger()
    assert shown_numbers(w) == dict.fromkeys(("controls", "plot", "math", "landscape", "diagram"), 2)
    assert "3 of 20 done" in w.controls.status_text()  # a count of work done says so
    assert w.runner.history.last_record["iteration"] == 2  # the record's own number
    w.actions["run.phase"].trigger()  # predict of the next one: every view moves on to it
    assert shown_numbers(w) == dict.fromkeys(("controls", "plot", "math", "landscape", "diagram"), 3)
    w.actions["run.phase"].trigger()  # compare: the plot marks the error of iteration 3 before it learns
    plot = w.workspace.view("plot")
    plot.refresh()
    assert plot.marker.getData()[0][0] == 3 and number(plot.readout.text()) == 3
    w.actions["run.phase"].trigger()  # learn closes iteration 3
    assert shown_numbers(w) == dict.fromkeys(("controls", "plot", "math", "landscape", "diagram"), 3)
    assert "4 of 20 done" in w.controls.status_text()

    from desktop.export import export_csv

    export_csv(w.runner.history, tmp_path / "run.csv")
    rows = list(csv.DictReader((tmp_path / "run.csv").open()))
    assert [int(r["iteration"]) for r in rows] == [0, 1, 2, 3]


def test_gif_frames_name_the_iteration_they_draw(qtbot, main_window, tmp_path, monkeypatch):
    w = main_window
    w.open_experiment("ch04.gradient-descent")
    w.runner.run_to(5)
    seen = []
    frame = animation.Stage.frame

    def spy(stage):
        image = frame(stage)
        seen.append((w.runner.count, number(stage.plot.readout.text()), number(stage.diagram.picture.stage.text()),
                     stage.plot.plot.getPlotItem().listDataItems()[0].getData()[0]))
        return image

    monkeypatch.setattr(animation.Stage, "frame", spy)
    animation.record_gif(w.runner, tmp_path / "run.gif", 480)
    frames = seen[1:]  # the first call lays the stage out at the end of the run
    assert [count for count, *_ in frames] == [0, 1, 2, 3, 4, 5]
    for count, in_plot, in_diagram, xs in frames:
        expected = count - 1 if count else None  # a frame after k iterations shows iteration k - 1
        assert in_plot == in_diagram == expected
        assert (xs[-1] if xs is not None and len(xs) else None) == expected


def test_epochs_agree_between_the_controls_the_plot_and_the_math(qtbot, main_window):
    w = main_window
    w.open_experiment("ch06.backprop")  # four examples an epoch
    for _ in range(5):
        w.actions["run.step"].trigger()
    plot = w.workspace.view("plot")
    plot.refresh()
    w.math.refresh()
    for text in (w.controls.status_text(), plot.readout.text(), w.math.shown_text().splitlines()[0]):
        assert "Iteration 4, epoch 1" in text, text  # iteration 4 is the first of epoch 1
    assert "epoch 0: train" in plot.readout.text()  # the figures of the epoch that is finished say whose they are
    assert w.runner.history.epochs["epoch"].view[-1] == 0


@pytest.mark.parametrize("phases", [1, 2])
def test_the_diagram_never_shows_a_new_weight_beside_an_old_prediction_unmarked(qtbot, main_window, phases):
    w = main_window
    w.open_experiment("ch04.gradient-descent")
    diagram = w.workspace.view("diagram")
    w.actions["run.step"].trigger()
    used = w.runner.history.last_record["weight"]
    new = w.runner.experiment.weight
    diagram.refresh()
    label = next(iter(diagram.picture.link_labels[0].values()))
    assert "after learn" in diagram.picture.stage.text()
    from desktop.format import num

    assert label.text() == f"{num(used, 3)} → {num(new, 3)}"  # the weight the prediction used → after learn
    for _ in range(phases):  # predict (and compare) of the next iteration: the weight is the one it uses
        w.actions["run.phase"].trigger()
    diagram.refresh()
    assert label.text() == num(new, 3)
    assert "not updated yet" in diagram.picture.stage.text()
