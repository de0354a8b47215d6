"""The book's chapter-13 framework transcribed as an oracle: random ids, children dictionaries, a recursive
backward that passes its origin only for add/sub/mul (as the book's code does). Two changes only: the
global generator becomes a RandomState passed in (the same stream, BOOK.md 1.4), and np.dot becomes a
left-to-right sum without fused multiply-add (what the book's platform computed, BOOK.md 1.2), written here
independently of learning.framework.
"""

import numpy as np


def dot(a, b):
    """a · b summed over k from left to right, starting from 0, each product rounded before it is added."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    out = np.zeros((a.shape[0], b.shape[1]))
    for k in range(a.shape[1]):
        out = out + np.multiply.outer(a[:, k], b[k, :])
    return out


class Book:
    """One run's generator and id bound; Tensor(...) draws its id from it, as the book's does."""

    def __init__(self, rs, high=100000, dot=dot):
        self.rs = rs
        self.high = high
        self.dot = dot  # np.dot for experiments that use BLAS on both sides

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
        for _, cnt in self.children.items():
            if cnt != 0:
                return False
        return True

    def backward(self, grad=None, grad_origin=None):
        if self.autograd:
            if grad is None:
                grad = self.new(np.ones_like(self.data))
            if grad_origin is not None:
                if self.children[grad_origin.id] == 0:
                    raise Exception("cannot backprop more than once")
                else:
                    self.children[grad_origin.id] -= 1
            if self.grad is None:
                self.grad = grad
            else:
                self.grad += grad
            if self.creators is not None and (self.all_children_grads_accounted_for() or grad_origin is None):
                if self.creation_op == "add":
                    self.creators[0].backward(self.grad, self)
                    self.creators[1].backward(self.grad, self)
                if self.creation_op == "sub":
                    self.creators[0].backward(self.new(self.grad.data), self)
                    self.creators[1].backward(self.new(self.grad.__neg__().data), self)
                if self.creation_op == "mul":
                    new = self.grad * self.creators[1]
                    self.creators[0].backward(new, self)
                    new = self.grad * self.creators[0]
                    self.creators[1].backward(new, self)
                if self.creation_op == "mm":
                    c0 = self.creators[0]
                    c1 = self.creators[1]
                    new = self.grad.mm(c1.transpose())
                    c0.backward(new)
                    new = self.grad.transpose().mm(c0).transpose()
                    c1.backward(new)
                if self.creation_op == "transpose":
                    self.creators[0].backward(self.grad.transpose())
                if "sum" in self.creation_op:
                    dim = int(self.creation_op.split("_")[1])
                    self.creators[0].backward(self.grad.expand(dim, self.creators[0].data.shape[dim]))
                if "expand" in self.creation_op:
                    dim = int(self.creation_op.split("_")[1])
                    self.creators[0].backward(self.grad.sum(dim))
                if self.creation_op == "neg":
                    self.creators[0].backward(self.grad.__neg__())
                if self.creation_op == "sigmoid":
                    ones = self.new(np.ones_like(self.grad.data))
                    self.creators[0].backward(self.grad * (self * (ones - self)))
                if self.creation_op == "tanh":
                    ones = self.new(np.ones_like(self.grad.data))
                    self.creators[0].backward(self.grad * (ones - (self * self)))
                if self.creation_op == "index_select":
                    new_grad = np.zeros_like(self.creators[0].data)
                    indices_ = self.index_select_indices.data.flatten()
                    grad_ = grad.data.reshape(len(indices_), -1)
                    for i in range(len(indices_)):
                        new_grad[indices_[i]] += grad_[i]
                    self.creators[0].backward(self.new(new_grad))
                if self.creation_op == "cross_entropy":
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
            return self.new(self.book.dot(self.data, x.data), True, [self, x], "mm")
        return self.new(self.book.dot(self.data, x.data))

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

    def __repr__(self):
        return str(self.data.__repr__())

    def __str__(self):
        return str(self.data.__str__())


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
    def __init__(self, book, n_inputs, n_outputs):
        super().__init__()
        W = book.rs.randn(n_inputs, n_outputs) * np.sqrt(2.0 / (n_inputs))  # noqa: N806
        self.weight = book.Tensor(W, autograd=True)
        self.bias = book.Tensor(np.zeros(n_outputs), autograd=True)
        self.parameters.append(self.weight)
        self.parameters.append(self.bias)

    def forward(self, input):
        return input.mm(self.weight) + self.bias.expand(0, len(input.data))


class Sequential(Layer):
    def __init__(self, layers):
        super().__init__()
        self.layers = layers

    def forward(self, input):
        for layer in self.layers:
            input = layer.forward(input)
        return input

    def get_parameters(self):
        params = list()
        for layer in self.layers:
            params += layer.get_parameters()
        return params


class Tanh(Layer):
    def forward(self, input):
        return input.tanh()


class Sigmoid(Layer):
    def forward(self, input):
        return input.sigmoid()


class Embedding(Layer):
    def __init__(self, book, vocab_size, dim):
        super().__init__()
        self.weight = book.Tensor((book.rs.rand(vocab_size, dim) - 0.5) / dim, autograd=True)
        self.parameters.append(self.weight)

    def forward(self, input):
        return self.weight.index_select(input)


class MSELoss(Layer):
    def forward(self, pred, target):
        return ((pred - target) * (pred - target)).sum(0)


class CrossEntropyLoss:
    def forward(self, input, target):
        return input.cross_entropy(target)


class RNNCell(Layer):
    def __init__(self, book, n_inputs, n_hidden, n_output):
        super().__init__()
        self.book = book
        self.n_hidden = n_hidden
        self.activation = Sigmoid()
        self.w_ih = Linear(book, n_inputs, n_hidden)
        self.w_hh = Linear(book, n_hidden, n_hidden)
        self.w_ho = Linear(book, n_hidden, n_output)
        self.parameters += self.w_ih.get_parameters()
        self.parameters += self.w_hh.get_parameters()
        self.parameters += self.w_ho.get_parameters()

    def forward(self, input, hidden):
        from_prev_hidden = self.w_hh.forward(hidden)
        combined = self.w_ih.forward(input) + from_prev_hidden
        new_hidden = self.activation.forward(combined)
        output = self.w_ho.forward(new_hidden)
        return output, new_hidden

    def init_hidden(self, batch_size=1):
        return self.book.Tensor(np.zeros((batch_size, self.n_hidden)), autograd=True)
