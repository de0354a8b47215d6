"""The one enabling rule and the shortcut table."""

from PySide6.QtGui import QKeySequence

from desktop.actions import SHORTCUTS, RunState, make_actions, update_enabled


def test_play_action_relabels_with_the_run_state(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    actions = make_actions(parent)
    update_enabled(actions, RunState(playing=True))
    assert actions["run.play"].text().replace("&", "") == "Pause"
    update_enabled(actions, RunState(playing=False))
    assert actions["run.play"].text().replace("&", "") == "Play"
    update_enabled(actions, RunState(playing=False, has_steps=False))
    assert not actions["run.step"].isEnabled() and not actions["run.phase"].isEnabled()
    assert actions["run.reset"].isEnabled()


def test_shortcuts_are_unique_and_as_documented():
    keys = [QKeySequence(s).toString() for s in SHORTCUTS.values()]
    assert len(keys) == len(set(keys))
    assert QKeySequence(SHORTCUTS["run.play"]).toString() == "Space"
    assert QKeySequence(SHORTCUTS["run.step"]).toString() == "Right"
    assert QKeySequence(SHORTCUTS["run.phase"]).toString() == "Shift+Right"
    assert QKeySequence(SHORTCUTS["run.reset"]).toString() == "Ctrl+R"
