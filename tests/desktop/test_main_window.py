"""The main window driven as a learner drives it: picker, play, pause, steps, alpha mid-run, reset."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from desktop.runner import SPEEDS


def pick(window, experiment_id):
    index = window.picker.findData(experiment_id)
    assert index >= 0
    window.picker.setCurrentIndex(index)
    window.picker.activated.emit(index)
    assert window.runner.experiment.id == experiment_id


def full_speed(window):
    window.controls.speed.setValue(SPEEDS.index(None))


def type_param(qtbot, window, name, text):
    field: QLineEdit = window.controls.fields[name]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_play_pause_step_phase_alpha_reset(qtbot, main_window):
    w = main_window
    pick(w, "ch04.alpha")
    full_speed(w)
    runner = w.runner
    with qtbot.waitSignal(runner.finished, timeout=5000) as finished:
        qtbot.mouseClick(w.controls.buttons["run.play"], Qt.MouseButton.LeftButton)
    assert finished.args == [20]
    assert not runner.playing and runner.count == 20
    assert w.actions["run.play"].text().replace("&", "") == "Play"

    # Play again past the book's 20 iterations, then pause with Space.
    w.actions["run.play"].trigger()
    assert runner.playing and w.actions["run.play"].text().replace("&", "") == "Pause"
    qtbot.waitSignal(runner.advanced, timeout=5000, check_params_cb=lambda n: n >= 25).wait()
    w.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert not runner.playing
    paused_at = runner.count
    qtbot.wait(50)
    assert runner.count == paused_at

    # Step: one whole iteration.
    qtbot.keyClick(w, Qt.Key.Key_Right)
    assert runner.count == paused_at + 1
    # Phase step: predict, then compare, then learn closes the iteration.
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert runner.current_phase.phase.value == "predict" and runner.count == paused_at + 1
    assert "prediction = input · weight = 2 · " in w.math.shown_text()
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert runner.current_phase.phase.value == "compare"
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert runner.current_phase.phase.value == "learn" and runner.count == paused_at + 2

    # Change alpha mid-run (in the middle of an iteration): the next iteration uses it, no reset.
    w.actions["run.phase"].trigger()
    type_param(qtbot, w, "alpha", "0.05")
    w.setFocus()
    w.actions["run.phase"].trigger()
    w.actions["run.phase"].trigger()
    assert runner.history.last_record["alpha"] == 0.1
    w.actions["run.step"].trigger()
    assert runner.history.last_record["alpha"] == 0.05
    assert runner.count == paused_at + 4
    assert "from the next iteration" in w.controls.message.text()

    # Reset with Ctrl+R: back to iteration 0, alpha stays as the learner set it.
    qtbot.keyClick(w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert runner.count == 0 and runner.experiment.alpha == 0.05
    w.actions["run.step"].trigger()
    assert runner.history.last_record["weight"] == 0.5


def test_divergence_pauses_with_the_reason(qtbot, main_window):
    w = main_window
    pick(w, "ch04.divergence")
    full_speed(w)
    with qtbot.waitSignal(w.runner.diverged, timeout=5000) as diverged:
        w.actions["run.play"].trigger()
    assert diverged.args[0].iteration == 6
    assert not w.runner.playing
    assert w.banner.isVisible()
    text = w.banner.text.text()
    assert "iteration 6" in text and "alpha·input² = 1·2² = 4" in text and "−3" in text
    assert w.banner.log_button.isVisible()
    qtbot.mouseClick(w.banner.log_button, Qt.MouseButton.LeftButton)
    assert w.plot.log_y.isChecked() and w.actions["view.log_y"].isChecked()
    x, y = w.plot.data()
    assert len(y) == 7 and y[-1] > 1e4
    # the learner tames it: alpha 0.1, reset, play to the end without divergence
    type_param(qtbot, w, "alpha", "0.1")
    qtbot.mouseClick(w.banner.reset_button, Qt.MouseButton.LeftButton)
    assert not w.banner.isVisible()
    with qtbot.waitSignal(w.runner.finished, timeout=5000):
        w.actions["run.play"].trigger()
    assert w.runner.divergence is None
    assert w.runner.history.series("error")[-1] < 1e-4


def test_invalid_parameter_is_refused_and_the_run_goes_on(qtbot, main_window):
    w = main_window
    pick(w, "ch04.hot-cold")  # 1,101 iterations: still running while the learner types
    w.controls.speed.setValue(SPEEDS.index(100))
    w.actions["run.play"].trigger()
    qtbot.waitSignal(w.runner.advanced, timeout=5000, check_params_cb=lambda n: n >= 3).wait()
    type_param(qtbot, w, "step_amount", "fast")
    assert w.runner.experiment.values["step_amount"] == 0.001
    assert w.controls.message.isVisible()
    assert "step_amount must be a number from 0 to 1000" in w.controls.message.text()
    assert w.controls.fields["step_amount"].property("invalid") is True
    assert w.runner.playing
    before = w.runner.count
    qtbot.waitUntil(lambda: w.runner.count > before + 5, timeout=5000)
    type_param(qtbot, w, "step_amount", "-2")
    assert w.runner.experiment.values["step_amount"] == 0.001 and "(got '-2')" in w.controls.message.text()
    type_param(qtbot, w, "step_amount", "0.002")
    assert w.runner.experiment.values["step_amount"] == 0.002
    assert w.controls.fields["step_amount"].property("invalid") is False
    qtbot.waitUntil(lambda: (w.runner.history.last_record or {}).get("step_amount") == 0.002, timeout=5000)
    assert w.runner.playing
    w.runner.pause()


def test_chapter_picker_and_menu_cover_the_catalogue(main_window):
    from learning import catalogue

    w = main_window
    ids = [w.picker.itemData(i) for i in range(w.picker.count()) if w.picker.itemData(i)]
    assert ids == list(catalogue.EXPERIMENTS)
    chapter4 = [m for m in w.experiment_menu.actions() if m.menu() and "4" in m.text()][0].menu()
    chapter4.actions()[-1].trigger()
    assert w.runner.experiment.id == "ch04.alpha"
    assert "chapter 4" in w.windowTitle()


def test_every_command_is_an_action_with_shortcut_and_tooltip(main_window):
    for action_id in ("run.play", "run.step", "run.phase", "run.reset", "file.export_plot",
                      "file.export_diagram"):
        action = main_window.actions[action_id]
        assert not action.shortcut().isEmpty()
        assert action.toolTip() and action.shortcut().toString() in action.toolTip()


def test_a_full_speed_tick_returns_when_its_time_budget_is_spent(main_window, monkeypatch):
    """A fake clock that advances 1 ms per reading: a tick must stop after its 5 ms budget."""
    from desktop import runner as runner_module

    clock = iter(range(10**6))
    monkeypatch.setattr(runner_module.time, "perf_counter", lambda: next(clock) / 1000)
    w = main_window
    pick(w, "ch04.hot-cold")
    w.runner.set_speed(None)
    w.runner.play()
    w.runner._timer.stop()  # drive the ticks by hand
    w.runner._on_timer_timeout()
    assert w.runner.count == round(runner_module.TICK_BUDGET_S * 1000) == 5
    w.runner._on_timer_timeout()
    assert w.runner.count == 10


def test_slow_speeds_run_one_iteration_per_tick(main_window):
    w = main_window
    w.controls.speed.setValue(SPEEDS.index(5))
    w.runner.play()
    assert w.runner._timer.interval() == 200
    w.runner._on_timer_timeout()
    assert w.runner.count == 1
    w.runner.pause()


def test_settings_remember_experiment_and_log_scale(qtbot, settings):
    from desktop.main_window import MainWindow

    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.open_experiment("ch04.watch-steps")
    w.plot.set_log_y(True)
    w.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.runner.experiment.id == "ch04.watch-steps"
    assert again.plot.log_y.isChecked()


def test_a_finished_runs_status_line_goes_with_its_experiment(qtbot, main_window):
    w = main_window
    w.open_experiment("ch04.alpha")
    w.runner.run_to(w.runner.limit)
    assert w.statusBar().currentMessage().startswith("Done: the book's")
    w.statusBar().showMessage("something else")  # a line the run did not write stays
    w.open_experiment("ch05.multi-input")
    assert w.statusBar().currentMessage() == "something else"
    w.open_experiment("ch04.alpha")
    w.runner.run_to(w.runner.limit)
    w.open_experiment("ch05.multi-input")
    assert w.statusBar().currentMessage() == ""  # "Done" spoke of ch04.alpha's run
