"""ch11.word2vec: the book's loop (transcribed below) as the oracle of book_faithful, a plain correct loop as the
oracle of the default, numerical gradients of the negative-sampling loss, each quirk's exact effect (Q11, Q12,
Q14), the step inspector's facts, the fast step against the phases, rewinding, and the real sample."""

import random
from collections import Counter

import numpy as np
import pytest

from learning.chapters.ch11_word2vec import Word2Vec, word2vec_corpus
from learning.datasets.imdb import ImdbBook
from learning.results import ResultStore
from tests.learning.language_data import numerical_gradient, tiny_imdb


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def word2vec(data=None, **values):
    return Word2Vec(data=data or tiny_imdb(), store=ResultStore(), **values)


# -- the book's code, transcribed (vocabulary sorted; random.seed(1) → random.Random(1); np.random → RandomState) --
def book_loop(raw_reviews, targets, book=True, alpha=0.05, hidden_size=50, window=2, negative=5):
    """Weights after `targets` target positions: the book's loop (book=True), or the correct algorithm written
    plainly (both context sides `window` long; every occurrence of a listed row learns)."""
    tokens = [x.split(" ") for x in raw_reviews] if book else [[t for t in x.rstrip("\n").split(" ") if t]
                                                                for x in raw_reviews]
    wordcnt = Counter()
    for sent in tokens:
        for word in sent:
            wordcnt[word] -= 1
    vocab = sorted(set(map(lambda x: x[0], wordcnt.most_common())))
    word2index = {word: i for i, word in enumerate(vocab)}
    concatenated = []
    input_dataset = []
    for sent in tokens:
        sent_indices = []
        for word in sent:
            sent_indices.append(word2index[word])
            concatenated.append(word2index[word])
        input_dataset.append(sent_indices)
    concatenated = np.array(concatenated)
    random.Random(1).shuffle(input_dataset)
    rs = np.random.RandomState(1)
    weights_0_1 = (rs.rand(len(vocab), hidden_size) - 0.5) * 0.2
    weights_1_2 = rs.rand(len(vocab), hidden_size) * 0
    layer_2_target = np.zeros(negative + 1)
    layer_2_target[0] = 1
    done = 0
    for review in input_dataset * 3:
        for target_i in range(len(review)):
            if done == targets:
                return weights_0_1, weights_1_2, vocab
            target_samples = [review[target_i]] + list(concatenated[(rs.rand(negative) * len(concatenated))
                                                                    .astype("int").tolist()])
            left_context = review[max(0, target_i - window):target_i]
            right_context = review[target_i + 1:min(len(review), target_i + (window if book else window + 1))]
            context = left_context + right_context
            layer_1 = np.mean(weights_0_1[context], axis=0)
            layer_2 = sigmoid(layer_1.dot(weights_1_2[target_samples].T))
            layer_2_delta = layer_2 - layer_2_target
            layer_1_delta = layer_2_delta.dot(weights_1_2[target_samples])
            if book:
                weights_0_1[context] -= layer_1_delta * alpha
                weights_1_2[target_samples] -= np.outer(layer_2_delta, layer_1) * alpha
            else:
                update = np.outer(layer_2_delta, layer_1) * alpha
                for row in context:
                    weights_0_1[row] -= layer_1_delta * alpha
                for j, row in enumerate(target_samples):
                    weights_1_2[row] -= update[j]
            done += 1
    return weights_0_1, weights_1_2, vocab


@pytest.mark.parametrize("book", [True, False])
def test_two_passes_repeat_the_plain_loop_bit_for_bit(book):
    data = tiny_imdb()
    exp = word2vec(data, book_faithful=book)
    total = 2 * exp.pass_size + 17  # both passes and a little of a third
    for _ in range(total):
        exp.step()
    w01, w12, vocab = book_loop(data.reviews, total, book=book)
    assert exp.vocabulary == vocab
    assert np.array_equal(exp.weights_0_1, w01) and np.array_equal(exp.weights_1_2, w12)


def test_vocabulary_and_token_stream_follow_q14():
    data = ImdbBook(["a  b a .\n", "b c\n"], ["positive", "negative"], True, "crafted")
    book = word2vec_corpus(data.reviews, book=True, seed=1)
    default = word2vec_corpus(data.reviews, book=False, seed=1)
    assert book.vocabulary == ["", ".\n", "a", "b", "c\n"]  # the book keeps "" and the terminator
    assert default.vocabulary == [".", "a", "b", "c"]
    assert default.concatenated.tolist() == [1, 2, 1, 0, 2, 3] and default.counts.tolist() == [1, 2, 2, 1]
    order = list(range(2))
    random.Random(1).shuffle(order)
    assert default.order == order


def test_the_initial_draws_are_the_books():
    exp = word2vec()
    rs = np.random.RandomState(1)
    v = len(exp.vocabulary)
    assert np.array_equal(exp.weights_0_1, (rs.random_sample((v, 50)) - 0.5) * 0.2)
    assert not exp.weights_1_2.any()
    rs.random_sample((v, 50))  # drawn and multiplied by zero: the stream goes on after it
    first = exp.corpus.reviews[exp.corpus.order[0]]
    negatives = exp.corpus.concatenated[(rs.random_sample(5) * len(exp.corpus.concatenated)).astype(int)]
    exp.step()
    assert exp.current_step().negatives == tuple(negatives.tolist())  # one rand(5) for the first target
    assert exp.current_step().target == first[0]


@pytest.mark.parametrize("book", [False, True])
def test_the_context_is_two_words_left_and_two_right_or_one_right_in_the_book(book):
    exp = word2vec(book_faithful=book)
    while exp.next_step().position != 5:
        exp.step()
    step = exp.next_step()
    review = exp.corpus.reviews[exp.corpus.order[0]].tolist()
    assert step.left == tuple(review[3:5])
    assert step.right == tuple(review[6:7] if book else review[6:8])  # Q11
    assert step.rows_0_1 == step.left + step.right and step.rows_1_2[0] == review[5]


# -- the gradient of the negative-sampling loss, and Q12 ------------------------------------------------------
REPEATS = ImdbBook(["a a b a b c a b .\n"] * 6, ["positive"] * 6, True, "repeats")  # 4 words: rows repeat


def _loss(exp, context, samples):
    layer_1 = np.mean(exp.weights_0_1[list(context)], axis=0)
    z = exp.weights_1_2[list(samples)].dot(layer_1)
    return -np.log(sigmoid(z[0])) - np.sum(np.log(1 - sigmoid(z[1:])))


def _target_with_repeats(exp):
    """Step until the next target lists a context row twice and a sampled row twice; return its step facts."""
    for _ in range(400):
        step = exp.next_step()
        if len(set(step.rows_0_1)) < len(step.rows_0_1) and len(set(step.rows_1_2)) < len(step.rows_1_2):
            return step
        exp.step()
    raise AssertionError("no target with repeated rows")


@pytest.mark.parametrize("book", [False, True])
def test_updates_follow_the_loss_gradient_and_q12_counts_repeated_rows(book):
    exp = word2vec(REPEATS, book_faithful=book, alpha=0.3)
    for _ in range(30):
        exp.step()  # W12 is zero at first: learn a little so that every gradient is non-trivial
    step = _target_with_repeats(exp)
    context, samples = step.rows_0_1, step.rows_1_2
    before_0_1, before_1_2 = exp.weights_0_1.copy(), exp.weights_1_2.copy()
    layer_1 = np.mean(before_0_1[list(context)], axis=0)
    grads_0_1 = {r: np.array([numerical_gradient(lambda: _loss(exp, context, samples), exp.weights_0_1, (r, j))
                              for j in range(50)]) for r in set(context)}
    grads_1_2 = {s: np.array([numerical_gradient(lambda: _loss(exp, context, samples), exp.weights_1_2, (s, j))
                              for j in range(50)]) for s in set(samples)}
    exp.step()
    k = len(context)
    for r, grad in grads_0_1.items():
        moved = (before_0_1[r] - exp.weights_0_1[r]) / 0.3
        # every context row learns the full layer_1_delta (not ÷ k); a row listed c times: c times (default), once (Q12)
        expected = k * grad / (context.count(r) if book else 1)
        assert np.allclose(moved, expected, rtol=1e-5, atol=1e-9)
    delta = sigmoid(before_1_2[list(samples)].dot(layer_1)) - np.eye(len(samples))[0]
    for s, grad in grads_1_2.items():
        moved = (before_1_2[s] - exp.weights_1_2[s]) / 0.3
        if book:  # Q12: a row sampled twice keeps only its last occurrence's update
            last = max(j for j, row in enumerate(samples) if row == s)
            grad = delta[last] * layer_1
        assert np.allclose(moved, grad, rtol=1e-5, atol=1e-9)


# -- the engine ---------------------------------------------------------------------------------------------
def _drain(exp):
    gen = exp.phases()
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


@pytest.mark.parametrize("book", [False, True])
def test_the_fast_step_gives_the_records_and_weights_of_the_phases(book):
    a, b = word2vec(REPEATS, book_faithful=book), word2vec(REPEATS, book_faithful=book)
    for _ in range(a.pass_size + 5):
        fast, slow = a.step(), _drain(b)
        assert fast.record.keys() == slow.record.keys()
        for key, value in fast.record.items():
            assert np.array_equal(value, slow.record[key]), key
        assert fast.epoch == slow.epoch
    assert np.array_equal(a.weights_0_1, b.weights_0_1) and np.array_equal(a.weights_1_2, b.weights_1_2)


def test_a_pass_ends_with_an_epoch_record_of_light_sums():
    exp = word2vec()
    errors = []
    for _ in range(exp.pass_size):
        result = exp.step()
        errors.append(result.record["error"])
    assert result.epoch["epoch"] == 0 and result.epoch["targets"] == exp.pass_size
    assert result.epoch["error"] == pytest.approx(sum(errors), rel=1e-12)
    assert result.epoch["similar_terrible"][0] == ("terrible", -0.0)
    assert result.record["progress"] == result.record["review"] / (2 * len(exp.corpus.order))


def test_rewinding_into_a_review_continues_identically():
    a = word2vec()
    for _ in range(23):
        a.step()
    saved = a.state()
    later = [a.step().record for _ in range(60)]
    b = word2vec()
    for _ in range(5):
        b.step()
    b.load_state(saved)
    again = [b.step().record for _ in range(60)]
    assert [r["target"] for r in again] == [r["target"] for r in later]
    assert [r["error"] for r in again] == [r["error"] for r in later]


def test_the_step_inspector_before_and_after_a_step_without_moving_the_stream():
    exp = word2vec()
    peek = exp.current_step()  # before any step: the next target, its negatives drawn on a copy of the stream
    assert peek.layer_2 is None
    exp.step()
    done = exp.current_step()
    assert done.negatives == peek.negatives and done.target == peek.target
    assert done.layer_2 is not None and done.layer_2.shape == (6,)
    counts = exp.word_counts
    total = len(exp.corpus.concatenated)
    assert done.negative_probabilities == tuple(counts[i] / total for i in done.negatives)
    assert done.word(done.target) == exp.vocabulary[done.target]


def test_the_finished_run_is_kept_for_the_session():
    store = ResultStore()
    exp = Word2Vec(data=tiny_imdb(), store=store)
    for _ in range(2 * exp.pass_size - 1):
        exp.step()
    assert store.latest("ch11.word2vec") is None
    exp.step()
    kept = store.latest("ch11.word2vec", "tiny-0")
    assert kept is not None and np.array_equal(kept.weights_0_1, exp.weights_0_1)
    assert store.latest("ch11.word2vec", "elsewhere") is None


def test_a_review_without_context_is_skipped():
    data = ImdbBook(["a b c\n", "lonely\n", "b c a\n"], ["positive", "negative", "positive"], True, "short")
    exp = word2vec(data)
    assert exp.pass_size == 6  # the one-word review has no target position with a context


# -- the real sample --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("book", [True, False])
def test_the_sample_repeats_the_plain_loop(real_imdb, book):
    """BOOK.md 1.5: sorted vocabulary → deterministic; the first 3,000 targets repeat the oracle bit for bit."""
    exp = Word2Vec(data=real_imdb, store=ResultStore(), book_faithful=book)
    tokens = [line.split(" ") if book else line.split() for line in real_imdb.reviews]
    assert exp.vocabulary == sorted({t for review in tokens for t in review})
    assert exp.pass_size == sum(len(t) for t in tokens if len(t) > 1)
    for _ in range(3000):
        exp.step()
    w01, w12, _ = book_loop(real_imdb.reviews, 3000, book=book)
    assert np.array_equal(exp.weights_0_1, w01) and np.array_equal(exp.weights_1_2, w12)
