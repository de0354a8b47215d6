"""The book's deep-learning framework (chapters 13-15), once, in numpy. General: it imports no chapter.

Public API (stable: later versions add, never rename)

Tensors and autograd (tensor.py, autograd.py, ops.py)
    Tensor(data, autograd=False, *, id_draw=None, name=None)
        .data .autograd .creators .creation_op .grad .id .scope .name .shape
        + - (unary and binary) * .sum(dim) .expand(dim, copies) .transpose() .mm(other, ordered=False)
        .sigmoid() .tanh() .index_select(indices) .cross_entropy(target_indices)
        .softmax() → a plain numpy array (forward only, as the book's chapter 14)
        .backward(grad=None, policy=STRICT)
    STRICT (chapter 13: a second gradient through a node raises BackpropError "cannot backprop more than
    once"), LENIENT (chapters 14-15: it is added up but not passed on), NAIVE (chapter 13, check 3: no
    child counting, every gradient overwrites) — the three versions of the book's backward; Policy.
    BackwardPass(root, grad=None, policy=STRICT, wrap=None): the pass node by node (`steps()` yields a Step
    each time a node has all its gradients: node, grad, passed_on, received, expected); without `wrap` a dry
    run that changes nothing. Tensor.backward is BackwardPass(..., wrap=...).run().
    ops: each operation's forward and backward as pure functions on arrays (OPS, Op), ordered_dot,
    code_location(op) → CodeLocation(op, file, forward=(first, last), backward=(first, last)).
    id_draws(rs, high) → IdDraw: the book's Tensor-id draw rs.randint(0, high) (BOOK.md 1.4); pass it as
    `id_draw=` to Tensor(...) and to the layers at exactly the points an experiment's entry lists.
    next_id(): ids come from one counter (unique, increasing).

Layers, losses, optimiser (layers.py, optim.py)
    Layer (.parameters, .get_parameters(), .sublayers(), .named_parameters(), .calls; a subclass's
    forward marks the tensors it makes with (layer, call) in their scope), Linear(n_in, n_out, bias=True, *,
    rs, id_draw=None, ordered=False), Sequential(layers), Tanh(), Sigmoid(), Embedding(vocab_size, dim, *,
    rs, id_draw=None), MSELoss(), CrossEntropyLoss(), RNNCell(n_in, n_hidden, n_out, activation="sigmoid",
    *, rs, id_draw=None, ordered=False, book_faithful=False) with init_hidden(batch_size),
    LSTMCell(n_in, n_hidden, n_out, *, rs, id_draw=None, ordered=False) with
    init_hidden(batch_size, column_0_one=True) → (hidden, cell); SGD(parameters, alpha, keep_previous=True)
    .step(zero=True), .zero(), .previous ({parameter: (data, grad) before the last step}), .step_id.

The graph for views, Qt-free (graph.py, layout.py)
    trace(root, layers=None, optimizer=None) → Trace: .nodes (Node: index, tensor_id, creation_op, op, attrs,
    data, grad, creators, autograd, name, groups, parameter, shape, leaf, label()) in topological order,
    .edges (Edge: source, target, slot), .groups ({(layer name, call): Group(key, parent, nodes)}), .root,
    .backward_pass(grad=None, policy=STRICT) → a dry BackwardPass on the snapshot (step it node by node:
    "gradients received k of n" = pass.received[node] of pass.expected[node]), .gradients(policy),
    .children(), .by_tensor_id(id). gradcheck(trace, grads=None, h=1e-6, max_elements=16) → {Node:
    NodeCheck(error, indices, analytic, numeric)} for leaves and intermediate nodes; iter_gradcheck yields
    them one node at a time. layout(trace, collapsed=(), sweeps=4) → Layout(boxes {key: Box(key, nodes,
    column, x, y)}, edges [LayoutEdge(source, target, label, count)], columns, rows); layered(count, edges)
    and crossings(positions, edges) work on plain integer graphs. Code of each op: code_location above.

For experiments (learning/chapters/ch13_framework.py, chapters 14-15 may subclass it): AutogradExperiment
    builds `self.optim` in build(), sets `self.graph_root` (the prediction after PREDICT, the loss after
    COMPARE) and names its layers in graph_layers(); `experiment.graph()` → the Trace of the current
    iteration (after LEARN: the values and gradients the step used).

Design notes: tensors keep no children (the child counting lives in each backward pass and counts only
children on a path from its root), so a finished graph holds no memory once its results are dropped;
arrays are never modified in place by the framework, so a trace (graph.py) keeps the values it saw.
"""

from learning.framework.autograd import LENIENT, NAIVE, STRICT, BackpropError, BackwardPass, Policy, Step
from learning.framework.graph import Edge, Group, Node, NodeCheck, Trace, gradcheck, iter_gradcheck, trace
from learning.framework.layers import (
    CrossEntropyLoss,
    Embedding,
    Layer,
    Linear,
    LSTMCell,
    MSELoss,
    RNNCell,
    Sequential,
    Sigmoid,
    Tanh,
)
from learning.framework.layout import Box, Layout, LayoutEdge, crossings, layered, layout
from learning.framework.ops import OPS, CodeLocation, Op, code_location, ordered_dot
from learning.framework.optim import SGD
from learning.framework.tensor import IdDraw, Tensor, id_draws, next_id

__all__ = [
    "LENIENT", "NAIVE", "OPS", "SGD", "STRICT", "BackpropError", "BackwardPass", "Box", "CodeLocation",
    "CrossEntropyLoss", "Edge", "Embedding", "Group", "IdDraw", "LSTMCell", "Layer", "Layout", "LayoutEdge",
    "Linear", "MSELoss", "Node", "NodeCheck", "Op", "Policy", "RNNCell", "Sequential", "Sigmoid", "Step", "Tanh",
    "Tensor", "Trace", "code_location", "crossings", "gradcheck", "id_draws", "iter_gradcheck", "layered",
    "layout", "next_id", "ordered_dot", "trace",
]
