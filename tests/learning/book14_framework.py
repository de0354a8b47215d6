"""The book's chapter-14 framework transcribed as an oracle, written independently of learning.framework:
random ids from the run's generator (`randint(0, high)`), children dictionaries, and the recursive backward of
chapter 14 — add, sub and mul pass themselves as the gradient's origin, every other operation passes none, and
a second gradient from a child that already reported returns silently. Linear layers with an optional bias,
Embedding, RNNCell (always sigmoid: Q20), LSTMCell, CrossEntropyLoss, SGD, as in the notebook. The only
change: the global generator is a RandomState passed in (the same stream, BOOK.md 1.4).
"""

import sys

import numpy as np

sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))  # the book's recursion goes deep through time


class Book:
    def __init__(self, rs, high):
        self.rs = rs
        self.high = high

    def Tensor(self, data, autograd=False, creators=None, creation_op=None):  # noqa: N802 - the book's name
        return Tensor(self, data, autograd, creators, creation_op)


class Tensor:
    def __init__(self, book, data, autograd=False, creators=None, creation_op=None):
        self.book = book
        self.data = np.array(data)
        self.autograd = autograd
        self.grad = None
        self.id = book.rs.randint(0, book.high)
        self.creators = creators
        self.creation_op = creation_op
        self.children = {}
        if creators is not None:
            for c in creators:
                if self.id not in c.children:
                    c.children[self.id] = 1
                else:
                    c.children[self.id] += 1

    def new(self, data, autograd=False, creators=None, creation_op=None):
        return Tensor(self.book, data, autograd, creators, creation_op)

    def all_children_grads_accounted_for(self):
        return all(cnt == 0 for cnt in self.children.values())

    def backward(self, grad=None, grad_origin=None):
        if not self.autograd:
            return
        if grad is None:
            grad = self.new(np.ones_like(self.data))
        if grad_origin is not None:
            if self.children[grad_origin.id] == 0:
                return
            self.children[grad_origin.id] -= 1
        if self.grad is None:
            self.grad = grad
        else:
            self.grad += grad
        assert grad.autograd is False
        if self.creators is not None and (self.all_children_grads_accounted_for() or grad_origin is None):
            op = self.creation_op
            if op == "add":
                self.creators[0].backward(self.grad, self)
                self.creators[1].backward(self.grad, self)
            if op == "sub":
                self.creators[0].backward(self.new(self.grad.data), self)
                self.creators[1].backward(self.new(self.grad.__neg__().data), self)
            if op == "mul":
                new = self.grad * self.creators[1]
                self.creators[0].backward(new, self)
                new = self.grad * self.creators[0]
                self.creators[1].backward(new, self)
            if op == "mm":
                c0 = self.creators[0]
                c1 = self.creators[1]
                new = self.grad.mm(c1.transpose())
                c0.backward(new)
                new = self.grad.transpose().mm(c0).transpose()
                c1.backward(new)
            if op == "transpose":
                self.creators[0].backward(self.grad.transpose())
            if "sum" in op:
                dim = int(op.split("_")[1])
                self.creators[0].backward(self.grad.expand(dim, self.creators[0].data.shape[dim]))
            if "expand" in op:
                dim = int(op.split("_")[1])
                self.creators[0].backward(self.grad.sum(dim))
            if op == "neg":
                self.creators[0].backward(self.grad.__neg__())
            if op == "sigmoid":
                ones = self.new(np.ones_like(self.grad.data))
                self.creators[0].backward(self.grad * (self * (ones - self)))
            if op == "tanh":
                ones = self.new(np.ones_like(self.grad.data))
                self.creators[0].backward(self.grad * (ones - (self * self)))
            if op == "index_select":
                new_grad = np.zeros_like(self.creators[0].data)
                indices_ = self.index_select_indices.data.flatten()
                grad_ = grad.data.reshape(len(indices_), -1)
                for i in range(len(indices_)):
                    new_grad[indices_[i]] += grad_[i]
                self.creators[0].backward(self.new(new_grad))
            if op == "cross_entropy":
                dx = self.softmax_output - self.target_dist
                self.creators[0].backward(self.new(dx))

    def __add__(self, other):
        if self.autograd and other.autograd:
            return self.new(self.data + other.data, True, [self, other], "add")
        return self.new(self.data + other.data)

    def __neg__(self):
        if self.autograd:
            return self.new(self.data * -1, True, [self], "neg")
        return self.new(self.data * -1)

    def __sub__(self, other):
        if self.autograd and other.autograd:
            return self.new(self.data - other.data, True, [self, other], "sub")
        return self.new(self.data - other.data)

    def __mul__(self, other):
        if self.autograd and other.autograd:
            return self.new(self.data * other.data, True, [self, other], "mul")
        return self.new(self.data * other.data)

    def sum(self, dim):
        if self.autograd:
            return self.new(self.data.sum(dim), True, [self], "sum_" + str(dim))
        return self.new(self.data.sum(dim))

    def expand(self, dim, copies):
        trans_cmd = list(range(0, len(self.data.shape)))
        trans_cmd.insert(dim, len(self.data.shape))
        new_data = self.data.repeat(copies).reshape(list(self.data.shape) + [copies]).transpose(trans_cmd)
        if self.autograd:
            return self.new(new_data, True, [self], "expand_" + str(dim))
        return self.new(new_data)

    def transpose(self):
        if self.autograd:
            return self.new(self.data.transpose(), True, [self], "transpose")
        return self.new(self.data.transpose())

    def mm(self, x):
        if self.autograd:
            return self.new(self.data.dot(x.data), True, [self, x], "mm")
        return self.new(self.data.dot(x.data))

    def sigmoid(self):
        if self.autograd:
            return self.new(1 / (1 + np.exp(-self.data)), True, [self], "sigmoid")
        return self.new(1 / (1 + np.exp(-self.data)))

    def tanh(self):
        if self.autograd:
            return self.new(np.tanh(self.data), True, [self], "tanh")
        return self.new(np.tanh(self.data))

    def index_select(self, indices):
        if self.autograd:
            new = self.new(self.data[indices.data], True, [self], "index_select")
            new.index_select_indices = indices
            return new
        return self.new(self.data[indices.data])

    def softmax(self):
        temp = np.exp(self.data)
        return temp / np.sum(temp, axis=len(self.data.shape) - 1, keepdims=True)

    def cross_entropy(self, target_indices):
        temp = np.exp(self.data)
        softmax_output = temp / np.sum(temp, axis=len(self.data.shape) - 1, keepdims=True)
        t = target_indices.data.flatten()
        p = softmax_output.reshape(len(t), -1)
        target_dist = np.eye(p.shape[1])[t]
        loss = -(np.log(p) * (target_dist)).sum(1).mean()
        if self.autograd:
            out = self.new(loss, True, [self], "cross_entropy")
            out.softmax_output = softmax_output
            out.target_dist = target_dist
            return out
        return self.new(loss)


class SGD:
    def __init__(self, parameters, alpha=0.1):
        self.parameters = parameters
        self.alpha = alpha

    def step(self, zero=True):
        for p in self.parameters:
            p.data -= p.grad.data * self.alpha
            if zero:
                p.grad.data *= 0


class Layer:
    def __init__(self):
        self.parameters = list()

    def get_parameters(self):
        return self.parameters


class Linear(Layer):
    def __init__(self, book, n_inputs, n_outputs, bias=True):
        super().__init__()
        self.use_bias = bias
        W = book.rs.randn(n_inputs, n_outputs) * np.sqrt(2.0 / (n_inputs))  # noqa: N806
        self.weight = book.Tensor(W, autograd=True)
        if self.use_bias:
            self.bias = book.Tensor(np.zeros(n_outputs), autograd=True)
        self.parameters.append(self.weight)
        if self.use_bias:
            self.parameters.append(self.bias)

    def forward(self, input):
        if self.use_bias:
            return input.mm(self.weight) + self.bias.expand(0, len(input.data))
        return input.mm(self.weight)


class Embedding(Layer):
    def __init__(self, book, vocab_size, dim):
        super().__init__()
        self.weight = book.Tensor((book.rs.rand(vocab_size, dim) - 0.5) / dim, autograd=True)
        self.parameters.append(self.weight)

    def forward(self, input):
        return self.weight.index_select(input)


class CrossEntropyLoss:
    def forward(self, input, target):
        return input.cross_entropy(target)


class RNNCell(Layer):
    def __init__(self, book, n_inputs, n_hidden, n_output):
        super().__init__()
        self.book = book
        self.n_hidden = n_hidden
        self.w_ih = Linear(book, n_inputs, n_hidden)
        self.w_hh = Linear(book, n_hidden, n_hidden)
        self.w_ho = Linear(book, n_hidden, n_output)
        self.parameters += self.w_ih.get_parameters()
        self.parameters += self.w_hh.get_parameters()
        self.parameters += self.w_ho.get_parameters()

    def forward(self, input, hidden):
        from_prev_hidden = self.w_hh.forward(hidden)
        combined = self.w_ih.forward(input) + from_prev_hidden
        new_hidden = combined.sigmoid()
        output = self.w_ho.forward(new_hidden)
        return output, new_hidden

    def init_hidden(self, batch_size=1):
        return self.book.Tensor(np.zeros((batch_size, self.n_hidden)), autograd=True)


class LSTMCell(Layer):
    def __init__(self, book, n_inputs, n_hidden, n_output):
        super().__init__()
        self.book = book
        self.n_hidden = n_hidden
        self.xf = Linear(book, n_inputs, n_hidden)
        self.xi = Linear(book, n_inputs, n_hidden)
        self.xo = Linear(book, n_inputs, n_hidden)
        self.xc = Linear(book, n_inputs, n_hidden)
        self.hf = Linear(book, n_hidden, n_hidden, bias=False)
        self.hi = Linear(book, n_hidden, n_hidden, bias=False)
        self.ho = Linear(book, n_hidden, n_hidden, bias=False)
        self.hc = Linear(book, n_hidden, n_hidden, bias=False)
        self.w_ho = Linear(book, n_hidden, n_output, bias=False)
        for layer in (self.xf, self.xi, self.xo, self.xc, self.hf, self.hi, self.ho, self.hc, self.w_ho):
            self.parameters += layer.get_parameters()

    def forward(self, input, hidden):
        prev_hidden = hidden[0]
        prev_cell = hidden[1]
        f = (self.xf.forward(input) + self.hf.forward(prev_hidden)).sigmoid()
        i = (self.xi.forward(input) + self.hi.forward(prev_hidden)).sigmoid()
        o = (self.xo.forward(input) + self.ho.forward(prev_hidden)).sigmoid()
        g = (self.xc.forward(input) + self.hc.forward(prev_hidden)).tanh()
        c = (f * prev_cell) + (i * g)
        h = o * c.tanh()
        output = self.w_ho.forward(h)
        return output, (h, c)

    def init_hidden(self, batch_size=1):
        init_hidden = self.book.Tensor(np.zeros((batch_size, self.n_hidden)), autograd=True)
        init_cell = self.book.Tensor(np.zeros((batch_size, self.n_hidden)), autograd=True)
        init_hidden.data[:, 0] += 1
        init_cell.data[:, 0] += 1
        return (init_hidden, init_cell)


def book_lstm_run(indices, vocab_size, hidden, batches, seed=0, streams=16, bptt=25, alpha=0.05):
    """The book's LSTM cells (set-up and the first `batches` batches of train()): returns the per-batch
    values of `loss.data / bptt` and the final parameters (cell's, then the embedding's)."""
    book = Book(np.random.RandomState(seed), 1000000000)
    embed = Embedding(book, vocab_size, hidden)
    model = LSTMCell(book, hidden, hidden, vocab_size)
    model.w_ho.weight.data *= 0
    criterion = CrossEntropyLoss()
    optim = SGD(model.get_parameters() + embed.get_parameters(), alpha)
    n = len(indices) // streams
    batched = np.asarray(indices[:n * streams]).reshape(streams, n).transpose()
    inputs, targets = batched[0:-1], batched[1:]
    n_bptt = (n - 1) // bptt
    input_batches = inputs[:n_bptt * bptt].reshape(n_bptt, bptt, streams)
    target_batches = targets[:n_bptt * bptt].reshape(n_bptt, bptt, streams)
    hidden_state = model.init_hidden(batch_size=streams)
    out = []
    for batch_i in range(batches):
        hidden_state = (book.Tensor(hidden_state[0].data, autograd=True),
                        book.Tensor(hidden_state[1].data, autograd=True))
        losses = list()
        for t in range(bptt):
            input = book.Tensor(input_batches[batch_i][t], autograd=True)
            rnn_input = embed.forward(input=input)
            output, hidden_state = model.forward(input=rnn_input, hidden=hidden_state)
            target = book.Tensor(target_batches[batch_i][t], autograd=True)
            batch_loss = criterion.forward(output, target)
            losses.append(batch_loss if t == 0 else batch_loss + losses[-1])
        loss = losses[-1]
        loss.backward()
        optim.step()
        out.append(float(loss.data) / bptt)
    return out, [p.data for p in optim.parameters]


def book_rnn_run(indices, vocab_size, hidden, batches, seed=0, streams=32, bptt=16, alpha=0.05):
    """The book's RNN cells (set-up and the first `batches` batches): the loop `for loss in losses: ""` leaves
    `loss` bound to the last step's loss, which is what is back-propagated and added to total_loss. Returns
    the per-batch `loss.data` and the final parameters."""
    book = Book(np.random.RandomState(seed), 100000)
    embed = Embedding(book, vocab_size, hidden)
    model = RNNCell(book, hidden, hidden, vocab_size)
    criterion = CrossEntropyLoss()
    optim = SGD(model.get_parameters() + embed.get_parameters(), alpha)
    n = len(indices) // streams
    batched = np.asarray(indices[:n * streams]).reshape(streams, n).transpose()
    inputs, targets = batched[0:-1], batched[1:]
    n_bptt = (n - 1) // bptt
    input_batches = inputs[:n_bptt * bptt].reshape(n_bptt, bptt, streams)
    target_batches = targets[:n_bptt * bptt].reshape(n_bptt, bptt, streams)
    hidden_state = model.init_hidden(batch_size=streams)
    out = []
    for batch_i in range(batches):
        hidden_state = book.Tensor(hidden_state.data, autograd=True)
        loss = None
        losses = list()
        for t in range(bptt):
            input = book.Tensor(input_batches[batch_i][t], autograd=True)
            rnn_input = embed.forward(input=input)
            output, hidden_state = model.forward(input=rnn_input, hidden=hidden_state)
            target = book.Tensor(target_batches[batch_i][t], autograd=True)
            batch_loss = criterion.forward(output, target)
            losses.append(batch_loss)
            loss = batch_loss if t == 0 else loss + batch_loss
        for loss in losses:  # noqa: B007 - the book's loop: it only rebinds `loss` to the last step's loss
            ""  # noqa: B018
        loss.backward()
        optim.step()
        out.append(float(loss.data))
    return out, [p.data for p in optim.parameters]
