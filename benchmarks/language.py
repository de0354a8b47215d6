"""Chapters 11-12: engine speed against plain numpy loops of the same math, measured in one process.

A measurement, not a test. Goals (issue 14):

* ch11.sentiment: one epoch over 24,000 reviews ≤ 2 s, and ≤ 1.2 × a plain numpy loop of the same math. With the
  full IMDB set absent, a synthetic corpus of its shape is made: 25,000 reviews whose lengths are drawn from the
  sample's (or a log-normal of mean 230 tokens), words from a Zipf law over 74,074 words;
* nearest-10 words over a 74,000-word vocabulary ≤ 10 ms (a fresh index: norms computed in the call);
* ch12.rnn-babi: the book's 30,000 iterations ≤ 4 s (the real bAbI lines, or synthetic stories of their form);
* ch11.word2vec: ≥ 2 × the targets per second of the book's loop (one context at a time, fancy-indexed updates),
  on the IMDB sample (or a synthetic corpus), book_faithful so that both compute the same bits.

Times are CPU time of this process (`time.process_time`), the machine being shared; each figure is the median of
alternating rounds. Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/language.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator

import numpy as np

from learning.chapters.ch11_language import Sentiment, sigmoid
from learning.chapters.ch11_word2vec import Word2Vec
from learning.chapters.ch12_rnn_babi import RnnBabi
from learning.datasets import DatasetMissing
from learning.datasets.babi import book_babi
from learning.datasets.imdb import ImdbBook, book_imdb, tokens
from learning.embeddings import EmbeddingIndex
from learning.results import ResultStore

clock = time.process_time
VOCABULARY = 74_074  # the book's IMDB vocabulary
REVIEWS = 25_000


# -- data ---------------------------------------------------------------------------------------------------------
def sample_or_none() -> ImdbBook | None:
    try:
        return book_imdb()
    except DatasetMissing:
        return None


def synthetic_imdb(lengths: np.ndarray | None, reviews: int = REVIEWS, seed: int = 0) -> ImdbBook:
    """Reviews in the book's form: lengths resampled from `lengths` (or log-normal, mean ≈ 240 tokens). Two thirds
    of a review's tokens are words "w<rank>" drawn from a Zipf law over the 74,074-word vocabulary, the rest repeat
    words the review already has (real reviews repeat themselves: this gives the sample's ~136 distinct words per
    review, where plain Zipf draws would give ~190)."""
    rs = np.random.RandomState(seed)
    if lengths is None:
        n = np.maximum(5, rs.lognormal(5.3, 0.7, reviews).astype(int))
    else:
        n = rs.choice(lengths, reviews)
    ranks = np.arange(1, VOCABULARY + 1)
    p = 1.0 / (ranks + 2.7)
    p /= p.sum()
    words = np.array([f"w{r}" for r in range(VOCABULARY)])
    fresh = np.maximum(1, np.round(n * 0.65).astype(int))
    stream = rs.choice(VOCABULARY, int(fresh.sum()), p=p)
    lines = []
    start = 0
    for k, m in zip(n.tolist(), fresh.tolist(), strict=True):
        base = stream[start:start + m]
        start += m
        review = np.concatenate((base, rs.choice(base, k - m)))
        rs.shuffle(review)
        lines.append(" ".join(words[review]) + "\n")
    labels = ["positive" if k % 2 == 0 else "negative" for k in range(reviews)]
    return ImdbBook(lines, labels, True, f"synthetic-{reviews}")


# -- sentiment ------------------------------------------------------------------------------------------------------
def sentiment_engine(exp: Sentiment) -> tuple[float, float, np.ndarray]:
    """(seconds of the training iterations, seconds of the whole epoch with its test pass, weights)."""
    exp.reset()
    step = exp.step
    start = clock()
    for _ in range(exp.epoch_size - 1):
        step()
    train = clock() - start
    weights = exp.weights_0_1.copy()  # as the plain loops leave them (they stop one review earlier)
    start = clock() - train
    step()  # the epoch's last review and its test pass (1,000 reviews)
    return train, clock() - start, weights


def sentiment_plain(exp: Sentiment, book_form: bool) -> tuple[float, np.ndarray]:
    """The same epoch's math as a plain loop: as the book writes it (`weights_0_1[x] -= …`), or gathering the
    rows once (`take`, then one assignment), as the engine does."""
    rs = np.random.RandomState(1)
    weights_0_1 = 0.2 * rs.random_sample(exp.weights_0_1.shape) - 0.1
    weights_1_2 = 0.2 * rs.random_sample(exp.weights_1_2.shape) - 0.1
    inputs, goals, alpha = exp.corpus.inputs, exp.corpus.goals, 0.01
    correct = 0
    start = clock()
    for i in range(exp.epoch_size - 1):
        x, y = inputs[i], int(goals[i])
        rows = weights_0_1[x] if book_form else weights_0_1.take(x, axis=0)
        layer_1 = sigmoid(np.sum(rows, axis=0))
        layer_2 = sigmoid(np.dot(layer_1, weights_1_2))
        layer_2_delta = layer_2 - y
        layer_1_delta = layer_2_delta.dot(weights_1_2.T)
        layer_1_delta = layer_1_delta * layer_1 * (1 - layer_1)
        if book_form:
            weights_0_1[x] -= layer_1_delta * alpha
        else:
            weights_0_1[x] = rows - layer_1_delta * alpha
        weights_1_2 -= np.outer(layer_1, layer_2_delta) * alpha
        correct += int(abs(float(layer_2_delta[0])) < 0.5)
    return clock() - start, weights_0_1


def bench_sentiment(rounds: int, sample: ImdbBook | None) -> None:
    full = sample is not None and not sample.sample_mode
    data = sample if full else synthetic_imdb(None if sample is None else np.array([len(tokens(r))
                                                                                   for r in sample.reviews]))
    start = clock()
    exp = Sentiment(data=data, store=ResultStore())
    prep = clock() - start
    print(f"sentiment: {'the full IMDB set' if full else 'synthetic corpus'}: {len(data.reviews)} reviews, "
          f"vocabulary {len(exp.vocabulary)}, {np.mean([len(x) for x in exp.corpus.inputs]):.0f} distinct words a "
          f"review; {exp.epoch_size} training reviews; corpus preparation {prep:.1f} s (once per session)")
    engine, epoch, book, lean = [], [], [], []
    for _ in range(rounds):
        t, e, w_engine = sentiment_engine(exp)
        engine.append(t)
        epoch.append(e)
        b, w_book = sentiment_plain(exp, book_form=True)
        book.append(b)
        lean.append(sentiment_plain(exp, book_form=False)[0])
    same = np.array_equal(w_engine, w_book)
    m = {name: statistics.median(v) for name, v in (("engine", engine), ("epoch", epoch), ("book", book),
                                                     ("lean", lean))}
    print(f"  engine {m['engine']:.2f} s for {exp.epoch_size} reviews ({m['engine'] / exp.epoch_size * 1e6:.0f} µs "
          f"each); whole epoch with its 1,000-review test pass {m['epoch']:.2f} s   [goal ≤ 2 s]")
    print(f"  plain loop as the book writes it {m['book']:.2f} s; plain loop gathering rows once {m['lean']:.2f} s "
          f"(weights {'identical' if same else 'DIFFERENT'})")
    print(f"  ratio engine / plain (book form) {m['engine'] / m['book']:.2f}; engine / plain (rows once) "
          f"{m['engine'] / m['lean']:.2f}   [goal ≤ 1.2]")


# -- nearest words ------------------------------------------------------------------------------------------------
def bench_nearest() -> None:
    rs = np.random.RandomState(0)
    vocabulary = [f"w{i}" for i in range(VOCABULARY)]
    word2index = {w: i for i, w in enumerate(vocabulary)}  # the experiment's own (kept for the run)
    for hidden in (100, 50):
        weights = rs.random_sample((VOCABULARY, hidden)) - 0.5
        fresh, cosine, cached = [], [], []
        queries = rs.choice(vocabulary, 30)
        index = EmbeddingIndex(weights, vocabulary, word2index)
        for word in queries:
            start = clock()
            EmbeddingIndex(weights, vocabulary, word2index).nearest(word, 10)
            fresh.append(clock() - start)
            start = clock()
            EmbeddingIndex(weights, vocabulary, word2index).nearest(word, 10, metric="cosine")
            cosine.append(clock() - start)
            start = clock()
            index.nearest(word, 10)
            cached.append(clock() - start)
        start = clock()
        EmbeddingIndex(weights, vocabulary, word2index).nearest_many(list(queries[:3]), 10)
        three = clock() - start
        print(f"nearest-10 over {VOCABULARY} × {hidden} ({blas_threads()}): Euclidean "
              f"{statistics.median(fresh) * 1e3:.1f} ms, cosine {statistics.median(cosine) * 1e3:.1f} ms (fresh "
              f"index, norms included)   [goal ≤ 10 ms]; with the norms cached {statistics.median(cached) * 1e3:.1f} "
              f"ms; three pinned words at once {three * 1e3:.1f} ms  (CPU time, median of 30)")


def blas_threads() -> str:
    """The BLAS thread setting in effect (from the environment)."""
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        if os.environ.get(name):
            return f"{name}={os.environ[name]}"
    return "BLAS threads: default"


# -- rnn-babi -------------------------------------------------------------------------------------------------------
def synthetic_babi(lines: int = 1000, seed: int = 0) -> list[str]:
    rs = random.Random(seed)
    names, places = ["Mary", "John", "Daniel", "Sandra"], ["bathroom", "hallway", "garden", "office", "kitchen",
                                                           "bedroom"]
    out = []
    for k in range(lines):
        n = k % 15 + 1
        if k % 3 == 2:
            out.append(f"{n} Where is {rs.choice(names)}? \t{rs.choice(places)}\t{n - 1}\n")
        else:
            verb = rs.choice(["moved to", "went to", "journeyed to", "travelled to", "went back to"])
            out.append(f"{n} {rs.choice(names)} {verb} the {rs.choice(places)}.\n")
    return out


def bench_rnn(rounds: int) -> None:
    try:
        data, what = book_babi(), "the book's 1,000 bAbI lines"
    except DatasetMissing:
        data, what = synthetic_babi(), "synthetic stories of the same form"
    times = []
    for _ in range(rounds):
        exp = RnnBabi(data=data)
        start = clock()
        for _ in range(exp.iterations):
            result = exp.step()
        times.append(clock() - start)
    print(f"rnn-babi on {what}: 30,000 iterations {statistics.median(times):.2f} s "
          f"({statistics.median(times) / 30_000 * 1e6:.0f} µs each)   [goal ≤ 4 s]; last epoch's perplexity "
          f"{result.epoch['perplexity']:.2f}")


# -- word2vec -------------------------------------------------------------------------------------------------------
def book_word2vec(exp: Word2Vec, out: dict[str, np.ndarray]) -> Iterator[None]:
    """The book's loop (one context at a time, fancy-indexed updates), on the experiment's corpus and draws;
    `out` receives its weights."""
    corpus = exp.corpus
    concatenated = corpus.concatenated
    rs = np.random.RandomState(1)
    weights_0_1 = (rs.rand(len(corpus.vocabulary), 50) - 0.5) * 0.2
    weights_1_2 = rs.rand(len(corpus.vocabulary), 50) * 0
    out["weights_0_1"] = weights_0_1
    layer_2_target = np.zeros(6)
    layer_2_target[0] = 1
    alpha, window, negative = 0.05, 2, 5
    input_dataset = [corpus.reviews[k].tolist() for k in corpus.order]
    for review in input_dataset * 2:
        for target_i in range(len(review)):
            target_samples = [review[target_i]] + list(concatenated[(rs.rand(negative) * len(concatenated))
                                                                    .astype("int").tolist()])
            left_context = review[max(0, target_i - window):target_i]
            right_context = review[target_i + 1:min(len(review), target_i + window)]
            layer_1 = np.mean(weights_0_1[left_context + right_context], axis=0)
            layer_2 = sigmoid(layer_1.dot(weights_1_2[target_samples].T))
            layer_2_delta = layer_2 - layer_2_target
            layer_1_delta = layer_2_delta.dot(weights_1_2[target_samples])
            weights_0_1[left_context + right_context] -= layer_1_delta * alpha
            weights_1_2[target_samples] -= np.outer(layer_2_delta, layer_1) * alpha
            yield


def bench_word2vec(rounds: int, sample: ImdbBook | None) -> None:
    data = sample if sample is not None else synthetic_imdb(None, reviews=2000)
    exp = Word2Vec(data=data, store=ResultStore(), book_faithful=True)
    runner = Word2Vec(data=data, store=ResultStore(), book_faithful=True, cache=exp._cache)
    book = book_word2vec(exp, {})
    chunk = 4000
    engine_t, book_t, phases_t = [], [], []
    for _ in range(rounds * 5):
        start = clock()
        for _ in itertools.islice(book, chunk):
            pass
        book_t.append(clock() - start)
        start = clock()
        for _ in range(chunk):
            exp.step()
        engine_t.append(clock() - start)
        start = clock()
        for _ in range(chunk // 4):
            for _ in runner.phases():  # the desktop runner's way: phase by phase, with records
                pass
        phases_t.append((clock() - start) * 4)
    weights = exp.weights_0_1
    # the same targets through the book's loop once more, to compare the weights
    kept: dict[str, np.ndarray] = {}
    steps = exp.iteration_index
    for _ in itertools.islice(book_word2vec(exp, kept), steps):
        pass
    same = np.array_equal(kept["weights_0_1"], weights)
    book_rate = chunk / statistics.median(book_t)
    engine_rate = chunk / statistics.median(engine_t)
    phases_rate = chunk / statistics.median(phases_t)
    print(f"word2vec on {'the IMDB sample' if sample is not None else 'a synthetic corpus'} ({len(data.reviews)} "
          f"reviews, {exp.pass_size} targets a pass), book_faithful, chunks of {chunk} targets alternating:")
    print(f"  book's loop {book_rate:,.0f} targets/s ({1e6 / book_rate:.1f} µs each); engine step() "
          f"{engine_rate:,.0f} targets/s ({1e6 / engine_rate:.1f} µs); phase by phase as the window runs it "
          f"{phases_rate:,.0f} targets/s ({1e6 / phases_rate:.1f} µs); weights after {steps} targets "
          f"{'identical' if same else 'DIFFERENT'}")
    print(f"  ratio engine / book's loop {engine_rate / book_rate:.2f}   [goal ≥ 2]; a 5 ms tick of the window holds "
          f"about {0.005 * phases_rate:.0f} targets, each record carrying `progress`")


def main() -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=("sentiment", "nearest", "rnn", "word2vec"))
    args = parser.parse_args()
    sample = sample_or_none()
    if args.only in (None, "nearest"):
        bench_nearest()
    if args.only in (None, "rnn"):
        bench_rnn(args.rounds)
    if args.only in (None, "word2vec"):
        bench_word2vec(args.rounds, sample)
    if args.only in (None, "sentiment"):
        bench_sentiment(args.rounds, sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
