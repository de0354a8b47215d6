"""The gradient probe of chapter 14: the last step's loss back-propagated alone through a batch, on a copy of the
weights. Checked against finite differences of a numpy forward pass, against the direct gradient at the last step,
and for leaving the run exactly as it was."""

import numpy as np
import pytest

from learning.catalogue import get
from learning.chapters.ch14_probe import GradientProbe, probe_net
from learning.chapters.ch14_sampling import softmax
from tests.learning.test_ch14_char import synthetic_text


def last_loss(exp, inputs, targets, state, first=0):
    """The last step's cross-entropy summed over the streams (the book's loss reports the mean but its backward is
    the gradient of the sum, BOOK.md 1.1), through the plain-array forward from `state` before step `first`."""
    net = exp.numpy_net()
    for t in range(first, inputs.shape[1]):
        logits, state = net.step(inputs[:, t], state)
    p = softmax(logits)
    return float(np.sum(-np.log(p[np.arange(len(p)), targets[:, -1]])))


@pytest.mark.parametrize("eid", ["ch14.char-lstm", "ch14.char-rnn"])
def test_the_gradients_through_time_agree_with_finite_differences(eid):
    exp = get(eid)(data=synthetic_text(1600), size="small")
    exp.step()
    exp.step()  # trained a little: the LSTM's output weights are no longer zero
    probe = GradientProbe(exp)
    result = probe.run()
    inputs, targets = exp.step_inputs, exp.step_targets
    net = exp.numpy_net()
    states = [tuple(np.array(a) for a in exp.batch_start_state)]
    outs = []  # the LSTM's output gate per step: h_t = o_t ⊙ tanh(c_t) follows c_t
    for t in range(exp.bptt):
        gates = {}
        states.append(net.step(inputs[:, t], states[-1], gates)[1])
        outs.append(gates.get("o"))
    eps = 1e-6
    rs = np.random.RandomState(1)
    for t in (exp.bptt - 2, exp.bptt - 3, exp.bptt - 5):  # the state after step t, where the gradient is still large
        for which, grad in enumerate(probe.state_grads[t]):
            for _ in range(4):
                s, u = rs.randint(grad.shape[0]), rs.randint(grad.shape[1])
                plus = [a.copy() for a in states[t + 1]]
                minus = [a.copy() for a in states[t + 1]]
                plus[which][s, u] += eps
                minus[which][s, u] -= eps
                if which == 1:  # the graph's ∂/∂c_t is the whole derivative: through c_t+1 and through h_t
                    plus[0], minus[0] = outs[t] * np.tanh(plus[1]), outs[t] * np.tanh(minus[1])
                numeric = (last_loss(exp, inputs, targets, tuple(plus), t + 1)
                           - last_loss(exp, inputs, targets, tuple(minus), t + 1)) / (2 * eps)
                # central differences of a loss of about 64: rounding leaves about 1e-8
                assert grad[s, u] == pytest.approx(numeric, rel=1e-4, abs=2e-8), (t, which)
    for t, grads in enumerate(probe.state_grads):
        assert result.h[t] == pytest.approx(np.linalg.norm(grads[0]))
        if exp.kind == "lstm":
            assert result.c[t] == pytest.approx(np.linalg.norm(grads[1]))
    assert result.start_h == pytest.approx(np.linalg.norm(probe.start_grads[0]))


def test_the_last_step_gets_the_direct_gradient_and_earlier_steps_less():
    exp = get("ch14.char-rnn")(data=synthetic_text(1600), size="small")
    for _ in range(3):
        exp.step()
    result = GradientProbe(exp).run()
    # ∂loss_T/∂h_T = (softmax − onehot) · W_hoᵀ (the gradient of the sum over the streams): only the output layer
    net = exp.numpy_net()
    state = tuple(np.array(a) for a in exp.batch_start_state)
    for t in range(exp.bptt):
        logits, state = net.step(exp.step_inputs[:, t], state)
    p = softmax(logits)
    p[np.arange(len(p)), exp.step_targets[:, -1]] -= 1
    direct = p.dot(net.w_out.T)
    assert result.h[-1] == pytest.approx(np.linalg.norm(direct), rel=1e-12)
    assert result.c is None and result.reach()[-1] == 1.0
    # a sigmoid RNN: what reaches a step shrinks with every step back
    assert np.all(np.diff(result.h) > 0) and 0 < result.factor_per_step() < 1


def test_the_probe_changes_nothing_of_the_run():
    text = synthetic_text(1600)
    a = get("ch14.char-lstm")(data=text, size="small")
    b = get("ch14.char-lstm")(data=text, size="small")
    a.step()
    b.step()
    net = None
    for _ in range(2):
        probe = GradientProbe(a, net)
        probe.run()
        assert probe.net is net or net is None
        net = probe.net
    assert probe_net(a, net) is net  # the same shape: refilled, not rebuilt
    for x, y in zip(a.step().record.items(), b.step().record.items(), strict=True):
        assert x[0] == y[0] and (x[1] == y[1] or (x[1] != x[1] and y[1] != y[1]))
    for x, y in zip(a.net.arrays(), b.net.arrays(), strict=True):
        np.testing.assert_array_equal(x, y)


def test_no_batch_yet_is_a_clear_error():
    exp = get("ch14.char-lstm")(data=synthetic_text(1600), size="small")
    with pytest.raises(ValueError, match="no batch"):
        GradientProbe(exp)
