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
    init_hidden(batch_size, column_0_one=True) → (hidden, cell); SGD(parameters, alpha).step(zero=True), .zero().

Design notes: tensors keep no children (the child counting lives in each backward pass and counts only
children on a path from its root), so a finished graph holds no memory once its results are dropped;
arrays are never modified in place by the framework, so a trace (graph.py) keeps the values it saw.
"""

from learning.framework.autograd import LENIENT, NAIVE, STRICT, BackpropError, BackwardPass, Policy, Step
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
from learning.framework.ops import OPS, CodeLocation, Op, code_location, ordered_dot
from learning.framework.optim import SGD
from learning.framework.tensor import IdDraw, Tensor, id_draws, next_id

__all__ = [
    "LENIENT", "NAIVE", "OPS", "SGD", "STRICT", "BackpropError", "BackwardPass", "CodeLocation",
    "CrossEntropyLoss", "Embedding", "IdDraw", "LSTMCell", "Layer", "Linear", "MSELoss", "Op", "Policy",
    "RNNCell", "Sequential", "Sigmoid", "Step", "Tanh", "Tensor", "code_location", "id_draws", "next_id",
    "ordered_dot",
]
