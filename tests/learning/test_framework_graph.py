"""The graph tools a view builds on: trace, stepping the backward pass, the gradient check, the layout."""

import numpy as np
import pytest

from learning.framework import NAIVE, CrossEntropyLoss, Embedding, RNNCell, Tensor, code_location
from learning.framework.graph import gradcheck, iter_gradcheck, trace
from learning.framework.layout import crossings, layered, layout


def rnn_graph(steps=5, seed=0):
    """An unrolled RNN like chapter 13's (smaller): its loss tensor, layers and the tensors to check."""
    rs = np.random.RandomState(seed)
    embed = Embedding(7, 4, rs=rs)
    model = RNNCell(4, 4, 7, rs=rs, ordered=True)
    for p in model.get_parameters():
        p.data = p.data + rs.uniform(-0.2, 0.2, size=p.data.shape)  # nonzero biases
    words = rs.randint(0, 7, size=(3, steps + 1))
    hidden = model.init_hidden(batch_size=3)
    for t in range(steps):
        output, hidden = model.forward(embed.forward(Tensor(words[:, t])), hidden)
    loss = CrossEntropyLoss().forward(output, Tensor(words[:, steps]))
    return loss, {"embed": embed, "model": model}


def test_a_trace_lists_the_graph_in_topological_order():
    loss, layers = rnn_graph()
    graph = trace(loss, layers)
    assert graph.root.creation_op == "cross_entropy" and graph.root is graph.nodes[-1]
    for node in graph.nodes:
        for c in node.creators or ():
            assert c.index < node.index
    assert len(graph.edges) == sum(len(n.creators or ()) for n in graph.nodes)
    names = {n.name for n in graph.nodes if n.parameter}
    assert names == {"embed.weight", "model.w_ih.weight", "model.w_ih.bias", "model.w_hh.weight", "model.w_hh.bias",
                     "model.w_ho.weight", "model.w_ho.bias"}
    w_hh = next(n for n in graph.nodes if n.name == "model.w_hh.weight")
    assert w_hh.data is layers["model"].w_hh.weight.data  # a reference, not a copy
    assert sum(1 for e in graph.edges if e.source == w_hh.index) == 5  # used at every step
    calls = sorted(key for key in graph.groups if key[0] == "model")
    assert calls == [("model", t) for t in range(5)]
    assert graph.groups[("model.w_hh", 2)].parent == ("model", 2)
    assert graph.nodes[0].shape and all(len(n.shape) <= 2 for n in graph.nodes)


def test_a_dry_pass_on_a_trace_gives_backwards_bits_node_by_node():
    loss, layers = rnn_graph()
    graph = trace(loss, layers)
    run = graph.backward_pass()
    order = [step.node for step in run.steps()]
    assert len(order) == len(set(order)) == len(graph.nodes) - sum(1 for n in graph.nodes if not n.autograd)
    position = {node: k for k, node in enumerate(order)}
    for e in graph.edges:  # a node has its gradient only after every node it feeds has passed theirs on
        source, target = graph.nodes[e.source], graph.nodes[e.target]
        if source.autograd:
            assert position[target] < position[source]
    w_hh = next(n for n in graph.nodes if n.name == "model.w_hh.weight")
    assert run.expected[w_hh] == 5 and run.received[w_hh] == 5
    loss.backward()
    by_id = {n.tensor_id: n for n in graph.nodes}
    stack, seen = [loss], set()
    while stack:
        t = stack.pop()
        if id(t) in seen or not t.autograd:
            continue
        seen.add(id(t))
        np.testing.assert_array_equal(run.grads[by_id[t.id]], t.grad.data)
        stack.extend(t.creators or ())
    assert len(seen) == len(order)


def test_gradcheck_finds_every_gradient_right():
    loss, layers = rnn_graph(steps=3)
    graph = trace(loss, layers)
    checks = gradcheck(graph, max_elements=6)
    assert len(checks) == sum(1 for n in graph.nodes if n.autograd)
    worst = max(c.error for c in checks.values())
    assert worst < 1e-6, worst
    inner = [n for n in checks if n.creation_op == "sigmoid"]
    assert len(inner) == 3  # intermediate nodes are checked too, not only leaves
    assert sum(1 for _ in iter_gradcheck(graph, max_elements=1)) == len(checks)


def test_gradcheck_shows_the_wrong_gradient_of_the_naive_tensor():
    """Check 3 of chapter 13 as a "break it" preset: b used twice, the naive pass keeps one gradient."""
    a = Tensor(np.array([1.0, 2.0, 3.0]), autograd=True, name="a")
    b = Tensor(np.array([2.0, 2.0, 2.0]), autograd=True, name="b")
    c = Tensor(np.array([5.0, 4.0, 3.0]), autograd=True, name="c")
    f = ((a + b) * (b + c)).sum(0)
    graph = trace(f)
    naive = graph.backward_pass(policy=NAIVE)
    naive.run()
    checks = gradcheck(graph, grads=naive.grads)
    errors = {n.name: checks[n].error for n in checks if n.name}
    assert errors["b"] > 0.1 and errors["a"] < 1e-8 and errors["c"] < 1e-8
    assert max(c.error for c in gradcheck(graph).values()) < 1e-8


def test_gradcheck_handles_integer_data_and_the_books_mean_loss():
    x = Tensor(np.array([[0, 1], [1, 1]]), autograd=True)  # integers, as the book's data tensors
    w = Tensor(np.array([[0.5, -0.2, 0.1], [0.3, 0.4, -0.6]]), autograd=True)
    loss = x.mm(w, ordered=True).tanh().cross_entropy(Tensor(np.array([2, 0])))
    checks = gradcheck(trace(loss))
    assert max(c.error for c in checks.values()) < 1e-7


def test_every_node_can_point_at_its_code():
    loss, layers = rnn_graph(steps=2)
    for node in trace(loss, layers).nodes:
        if node.creation_op is not None:
            where = code_location(node.creation_op)
            assert where.file.name == "ops.py" and where.forward[0] < where.backward[0]


# -- layout -----------------------------------------------------------------------------------------------------
def test_layout_goes_left_to_right_and_is_deterministic():
    loss, layers = rnn_graph()
    graph = trace(loss, layers)
    first, second = layout(graph), layout(graph)
    assert first == second
    assert len(first.boxes) == len(graph.nodes)
    for e in first.edges:
        assert first.boxes[e.source].column < first.boxes[e.target].column
    root = first.box_of(graph.root.index)
    assert root.column == first.columns - 1
    w_ho = first.box_of(next(n.index for n in graph.nodes if n.name == "model.w_ho.weight"))
    consumers = [first.boxes[e.target].column for e in first.edges if e.source == w_ho.key]
    assert w_ho.column == min(consumers) - 1  # a parameter sits just left of where it is used
    assert root.y == 0.0
    for column in range(first.columns):
        ys = sorted(b.y for b in first.boxes.values() if b.column == column)
        assert all(b - a >= 1 - 1e-9 for a, b in zip(ys, ys[1:], strict=False)), column  # no overlaps


def test_collapsing_layer_calls():
    loss, layers = rnn_graph()
    graph = trace(loss, layers)
    calls = [("model", t) for t in range(5)]
    folded = layout(graph, collapsed=calls)
    groups = [b for b in folded.boxes.values() if b.collapsed]
    assert [b.key for b in sorted(groups, key=lambda b: b.column)] == [("group", "model", t) for t in range(5)]
    assert sum(len(b.nodes) for b in groups) == sum(len(graph.groups[c].nodes) for c in calls)
    assert len(folded.boxes) == len(graph.nodes) - sum(len(b.nodes) - 1 for b in groups)
    for e in folded.edges:
        assert folded.boxes[e.source].column < folded.boxes[e.target].column
    inner = layout(graph, collapsed=[("model.w_hh", 1)])  # an inner call alone
    assert ("group", "model.w_hh", 1) in inner.boxes


def test_a_chain_of_results_runs_straight_past_its_inputs():
    # a0 → c0 → c1 → c2 → c3 with an input a1, a2, a3 joining each step (numbered a0 c0 a1 c1 a2 c2 a3 c3)
    edges = [(0, 1), (1, 3), (2, 3), (3, 5), (4, 5), (5, 7), (6, 7)]
    placed = layered(8, edges)
    assert [c for c, _ in placed] == [0, 1, 1, 2, 2, 3, 3, 4]
    chain = [placed[v][1] for v in (1, 3, 5, 7)]
    assert max(chain) - min(chain) < 0.1
    for a, c in ((2, 1), (4, 3), (6, 5)):  # each input beside the result of its column, not on top of it
        assert abs(placed[a][1] - placed[c][1]) >= 1 - 1e-9


def test_barycenter_sweeps_untangle():
    # two columns wired in reverse: without sweeps every pair of edges crosses
    edges = [(0, 7), (1, 6), (2, 5), (3, 4)]
    tangled = layered(8, edges, sweeps=0)
    untangled = layered(8, edges, sweeps=2)
    assert crossings(tangled, edges) == 6 and crossings(untangled, edges) == 0


def test_a_hundred_node_graph_is_laid_out():
    loss, layers = rnn_graph(steps=9)
    graph = trace(loss, layers)
    assert 90 <= len(graph.nodes) <= 130
    result = layout(graph)
    assert result.columns > 20 and result.rows <= 12


@pytest.mark.parametrize("steps", [1, 3])
def test_trace_of_a_leaf_and_of_short_graphs(steps):
    assert len(trace(Tensor(np.ones(2), autograd=True)).nodes) == 1
    loss, layers = rnn_graph(steps=steps)
    assert layout(trace(loss, layers)).columns >= 4
