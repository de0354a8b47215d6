"""The activation picker (chapter 9): choosing relu, sigmoid or tanh sets the experiment's parameter, starts the
run again (the old run is archived for the error plot's faint curves) and plots the function with its derivative
from learning.activations.curve. Tiny synthetic MNIST is injected."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.runner import Runner
from desktop.views.mnist.activations import X_SOFTMAX, ActivationsPanel, X, applies, softmax_curve
from learning.activations import curve
from learning.catalogue import get
from learning.chapters.ch08_regularization import MnistOverfit
from learning.chapters.ch09_activations import MnistTanhSoftmax
from learning.chapters.ch10_convolution import MnistConv
from tests.learning.conftest import synthetic_mnist

# a step finishes at once, however loaded the machine (conftest.still_clock)
pytestmark = pytest.mark.usefixtures("still_clock")


@pytest.fixture
def panel_for(qtbot):
    def make(experiment):
        runner = Runner(experiment)
        panel = ActivationsPanel(runner)
        qtbot.addWidget(panel)
        panel.resize(820, 380)
        panel.show()
        qtbot.waitExposed(panel)
        return runner, panel
    return make


def plotted(item):
    x, y = item.getData()
    return np.asarray(x), np.asarray(y)


def test_applies_to_the_digit_networks_only():
    data = synthetic_mnist()
    assert applies(MnistTanhSoftmax(data=data, batch_size=5))
    assert applies(MnistOverfit(data=data))
    assert not applies(get("ch06.backprop")())


def test_starts_with_tanh_and_softmax_plotted_from_the_library(qtbot, panel_for):
    runner, panel = panel_for(MnistTanhSoftmax(data=synthetic_mnist(), batch_size=5))
    assert panel.buttons["tanh"].isChecked() and panel.buttons["tanh"].isEnabled()
    x, f = plotted(panel.function_curve)
    _, df = plotted(panel.derivative_curve)
    want_f, want_df = curve("tanh", x)
    np.testing.assert_array_equal(f, want_f)
    np.testing.assert_array_equal(df, want_df)
    assert df[np.argmin(np.abs(x))] == pytest.approx(1.0)  # tanh'(0) = 1
    sx, s = plotted(panel.output_function)
    _, ds = plotted(panel.output_derivative)
    np.testing.assert_array_equal(s, softmax_curve(sx)[0])
    np.testing.assert_array_equal(ds, softmax_curve(sx)[1])
    assert s[np.argmin(np.abs(sx))] == pytest.approx(0.1)  # ten equal scores share 1 equally
    assert s[-1] > 0.99 and ds[np.argmax(ds)] == pytest.approx(0.25, abs=1e-3)  # saturates; s' peaks at s = 1/2
    assert "the derivative is largest, 0.25" in panel.output_plot.accessibleDescription()
    logits = np.zeros(10)
    logits[0] = 2.0
    assert softmax_curve(np.array([2.0]))[0][0] == pytest.approx(curve("softmax", logits)[0][0])


@pytest.mark.parametrize("name", ["sigmoid", "relu"])
def test_choosing_sets_the_parameter_resets_and_plots_the_choice(qtbot, panel_for, name):
    runner, panel = panel_for(MnistTanhSoftmax(data=synthetic_mnist(), batch_size=5))
    runner.run_to(3)
    archived, resets = [], []
    runner.archived.connect(archived.append)
    runner.reset_done.connect(lambda: resets.append(True))
    with qtbot.waitSignal(runner.param_changed, timeout=2000) as changed:
        qtbot.mouseClick(panel.buttons[name], Qt.MouseButton.LeftButton)
    assert changed.args[:2] == ["activation", name]
    exp = runner.experiment
    assert exp.values["activation"] == name and exp.activation == name  # applied: the run started again
    assert runner.count == 0 and resets == [True]
    assert len(archived) == 1 and archived[0].values["activation"] == "tanh"  # the old run, for the faint curve
    assert panel.buttons[name].isChecked() and not panel.buttons["tanh"].isChecked()
    x, f = plotted(panel.function_curve)
    _, df = plotted(panel.derivative_curve)
    want_f, want_df = curve(name, X)
    np.testing.assert_array_equal(x, X)
    np.testing.assert_array_equal(f, want_f)
    np.testing.assert_array_equal(df, want_df)
    if name == "sigmoid":
        assert df.max() == pytest.approx(0.25, abs=1e-4)  # σ' peaks at 1/4, at x = 0
    else:
        assert set(np.unique(df)) == {0.0, 1.0}
    _, faint = plotted(panel.others["tanh"])
    np.testing.assert_array_equal(faint, curve("tanh", X)[0])  # the others stay as faint curves to compare
    assert "faint earlier run" in panel.buttons[name].toolTip()
    # the new activation really runs: the hidden layer of the next step is that function's output
    runner.step()
    hidden = exp.hidden_activations()
    mask = exp.last_dropout_mask()
    assert (hidden[mask == 1] >= 0).all()  # relu and sigmoid are never negative; tanh would be


def test_clicking_the_current_choice_keeps_the_run(qtbot, panel_for):
    runner, panel = panel_for(MnistTanhSoftmax(data=synthetic_mnist(), batch_size=5))
    runner.run_to(2)
    qtbot.mouseClick(panel.buttons["tanh"], Qt.MouseButton.LeftButton)
    assert runner.count == 2


def test_a_change_from_elsewhere_is_shown_and_said_to_apply_on_reset(qtbot, panel_for):
    runner, panel = panel_for(MnistTanhSoftmax(data=synthetic_mnist(), batch_size=5))
    runner.set_param("activation", "relu")  # e.g. the controls panel
    assert panel.buttons["relu"].isChecked()
    assert "still uses tanh" in panel.caption.text()
    np.testing.assert_array_equal(plotted(panel.function_curve)[1], curve("relu", X)[0])


@pytest.mark.parametrize("cls,name,output", [(MnistOverfit, "relu", "linear"), (MnistConv, "tanh", "softmax")])
def test_fixed_activations_are_shown_without_a_choice(qtbot, panel_for, cls, name, output):
    kwargs = {"batch_size": 5} if cls is MnistConv else {}
    runner, panel = panel_for(cls(data=synthetic_mnist(), **kwargs))
    assert panel.buttons[name].isChecked()
    assert not any(b.isEnabled() for b in panel.buttons.values())
    assert f"uses {name}" in panel.caption.text()
    np.testing.assert_array_equal(plotted(panel.function_curve)[1], curve(name, X)[0])
    _, out = plotted(panel.output_function)
    np.testing.assert_array_equal(out, X if output == "linear" else softmax_curve(X_SOFTMAX)[0])
    qtbot.mouseClick(panel.buttons["sigmoid"], Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert runner.experiment.activation == name


def test_the_panel_follows_a_language_change(qtbot, panel_for):
    from desktop.i18n import Translations

    runner, panel = panel_for(MnistTanhSoftmax(data=synthetic_mnist(), batch_size=5))
    english = panel.caption.text()
    translations = Translations()
    try:
        assert translations.set_language("ru")  # widgets hear of it through a posted LanguageChange event
        qtbot.waitUntil(lambda: panel.picker_label.text() != "Hidden layer:", timeout=3000)
        assert panel.caption.text() != english
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: panel.picker_label.text() == "Hidden layer:" and panel.caption.text() == english,
                    timeout=3000)
