"""Chapter 13, part 17: the framework's RNNCell and Embedding learn to predict the last word of a bAbI line.

Data: the first 1000 lines of bAbI task 1, tokenised as in chapter 12, left-padded with "-" to 6 tokens;
the vocabulary is sorted (BOOK.md 1.5), so runs are deterministic though the book's numbers (hash-ordered
vocabulary, no seed) can only be compared within a band. Each iteration feeds columns 0-4 of a batch of 100
rows through Embedding(83, 16) → RNNCell(16, 16, 83) and takes the cross-entropy of the last output against
column 5. Default: the iterations cycle through the 10 batches and report the batch's loss; Q19
(`book_faithful`): every iteration trains on rows 0-99 and reports the loss divided by 10. Q20: the book's
cell is always a sigmoid. The matrix products use BLAS (the book has no exact numbers here; summing left to
right would make the 1000 iterations five times slower), so the last digits depend on the BLAS.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch13_framework import AutogradExperiment, alpha_param
from learning.datasets import DatasetError
from learning.datasets.babi import book_babi, pad_left, tokenize, vocabulary
from learning.experiment import Param, Phase, book_faithful_param
from learning.framework import SGD, CrossEntropyLoss, Embedding, Layer, RNNCell, Tensor

BATCH_SIZE = 100
CONTEXT = 5  # words fed before the prediction; the line's sixth token is the target


class RnnBabi(AutogradExperiment):
    """Embedding(83, 16) → RNNCell(16, 16, 83) → CrossEntropyLoss, SGD over the cell's and the embedding's
    parameters, on batches of 100 bAbI lines."""

    id = "ch13.rnn-babi"
    title = "The recurrent layer, trained on bAbI"
    iterations = 1000
    epochs = 100  # of the 10 batches: the book's 1000 iterations
    datasets: ClassVar[tuple[str, ...]] = ("babi",)
    params = (
        alpha_param(0.05),
        Param("activation", "sigmoid", "activation of the recurrent cell (the book's cell is always a sigmoid: Q20)",
              choices=("sigmoid", "tanh")),
        book_faithful_param(),
    )
    formulas = {
        Phase.PREDICT: ("hidden = activation(w_ih(embed(word_t)) + w_hh(hidden)), t = 0 … 4",
                        "output = w_ho(hidden)"),
        Phase.COMPARE: ("loss = mean over the batch of −ln softmax(output)[word_5] = {loss}",
                        "correct = {p_correct}"),
        Phase.LEARN: ("loss.backward(): through the 5 steps back to the embedding",
                      "p.data −= p.grad · alpha for every parameter   (alpha = {alpha})"),
    }

    def __init__(self, seed: int | None = None, data: list[str] | None = None, **values: Any) -> None:
        self.lines = data
        super().__init__(seed, **values)

    def build(self) -> None:
        if self.lines is None:
            self.lines = book_babi()  # DatasetMissing propagates: the app offers the download
        tokens = pad_left(tokenize(self.lines), CONTEXT + 1, "-")
        if any(len(line) != CONTEXT + 1 for line in tokens):
            raise DatasetError(f"a bAbI line has more than {CONTEXT + 1} tokens; chapter 13 expects at most 6")
        if len(tokens) < BATCH_SIZE:
            raise DatasetError(f"chapter 13 trains on batches of {BATCH_SIZE} lines (got {len(tokens)})")
        self.vocab = vocabulary(tokens)
        self.word2index = {word: i for i, word in enumerate(self.vocab)}
        self.indices = np.array([[self.word2index[w] for w in line] for line in tokens])
        self.epoch_size = len(self.indices) // BATCH_SIZE
        self.embed = Embedding(vocab_size=len(self.vocab), dim=16, rs=self.rs, id_draw=self.ids)
        self.model = RNNCell(n_inputs=16, n_hidden=16, n_output=len(self.vocab), activation=self.activation,
                             rs=self.rs, id_draw=self.ids, book_faithful=self.book_faithful)
        self.criterion = CrossEntropyLoss()
        self.optim = SGD(parameters=self.model.get_parameters() + self.embed.get_parameters(), alpha=self.alpha)

    def graph_layers(self) -> dict[str, Layer]:
        return {"embed": self.embed, "model": self.model, "criterion": self.criterion}

    def batch_start(self) -> int:
        """The first row of the next iteration's batch (Q19: the book always trains on rows 0-99)."""
        return 0 if self.book_faithful else BATCH_SIZE * (self.iteration_index % self.epoch_size)

    def iteration(self) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.optim.alpha = self.alpha
        start = self.batch_start()
        data = self.indices[start:start + BATCH_SIZE]
        # Predict: the first five words through the embedding and the recurrent cell
        hidden = self.model.init_hidden(batch_size=BATCH_SIZE)
        for t in range(CONTEXT):
            input = Tensor(data[:, t], autograd=True)
            rnn_input = self.embed.forward(input=input)
            output, hidden = self.model.forward(input=rnn_input, hidden=hidden)
        self.graph_root = output
        guess = np.argmax(output.data, axis=1)
        yield Phase.PREDICT, {"batch_start": start, "context": " ".join(self.vocab[i] for i in data[0, :CONTEXT]),
                              "true": self.vocab[data[0, CONTEXT]], "pred": self.vocab[guess[0]]}
        # Compare: cross-entropy of the last output against the sixth word
        target = Tensor(data[:, CONTEXT], autograd=True)
        loss = self.criterion.forward(output, target)
        self.graph_root = loss
        p_correct = float((target.data == guess).mean())
        reported = float(loss.data) / (len(self.indices) / BATCH_SIZE) if self.book_faithful else float(loss.data)
        yield Phase.COMPARE, {"loss": reported, "error": reported, "p_correct": p_correct}
        # Learn
        loss.backward()
        self.optim.step()
        yield Phase.LEARN, {"alpha": self.optim.alpha}

    def epoch_summary(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """The mean reported loss and the mean fraction correct of the epoch's 10 batches (as train_error and
        train_accuracy too, the names the error plot reads)."""
        loss = float(np.mean([r["loss"] for r in records]))
        p_correct = float(np.mean([r["p_correct"] for r in records]))
        return {"loss": loss, "p_correct": p_correct, "error": loss, "train_error": loss, "train_accuracy": p_correct}

    def inference(self, row: int = 0) -> dict[str, Any]:
        """The book's closing example: row `row` fed with batch size 1; the context words, the true last word
        and the predicted one."""
        line = self.indices[row:row + 1]
        hidden = self.model.init_hidden(batch_size=1)
        for t in range(CONTEXT):
            output, hidden = self.model.forward(input=self.embed.forward(input=Tensor(line[:, t])), hidden=hidden)
        return {"context": [self.vocab[i] for i in line[0, :CONTEXT]], "true": self.vocab[line[0, CONTEXT]],
                "pred": self.vocab[int(output.data.argmax())]}


EXPERIMENTS = (RnnBabi,)
