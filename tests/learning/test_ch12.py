"""Chapter 12: toy-forward prints what the book prints; rnn-babi reproduces the check values, its exact BPTT
matches numerical gradients, its book_faithful rule matches the book's loop (transcribed below) and the book's
own description of it (Q15-Q18), it learns on the real file, and its views' accessors."""

import numpy as np
import pytest

from learning.chapters.ch12_recurrence import ToyForward
from learning.chapters.ch12_rnn_babi import RnnBabi, softmax
from learning.datasets import babi
from tests.learning.language_data import numerical_gradient

# The book's printed output of "Matrices that change absolutely nothing" and of the toy forward pass.
TOY_PRINTS = """[[1. 0. 0.]
 [0. 1. 0.]
 [0. 0. 1.]]
[1. 2. 3.]
[0.1 0.2 0.3]
[-1.  -0.5  0. ]
[0. 0. 0.]
[13 15 17]
[13. 15. 17.]
[[0.11111111 0.11111111 0.11111111 0.11111111 0.11111111 0.11111111
  0.11111111 0.11111111 0.11111111]]""".split("\n")

# A few story lines in bAbI's form, for fast tests (the real file's first lines).
STORY = ["1 Mary moved to the bathroom.\n", "2 John went to the hallway.\n",
         "3 Where is Mary? \tbathroom\t1\n", "4 Daniel went back to the hallway.\n",
         "5 Sandra moved to the garden.\n", "6 Where is Daniel? \thallway\t4\n"]


def rnn(data=STORY, **values):
    return RnnBabi(data=data, **values)


# -- ch12.toy-forward -------------------------------------------------------------------------------------------
def test_toy_forward_prints_what_the_book_prints():
    exp = ToyForward()
    for _ in range(exp.iterations):
        exp.step()
    assert exp.report()["text"] == TOY_PRINTS


def book_toy(steps, alias=True):
    """The book's toy forward pass and backpropagation step (S from RandomState(0)), repeated `steps` times;
    `alias=False` takes layer_0 as a copy of red's vector (the exact gradient)."""
    word_vects = {w: np.array([[0.0, 0.0, 0.0]]) for w in ("yankees", "bears", "braves", "red", "socks", "lose",
                                                          "defeat", "beat", "tie")}
    sent2output = np.random.RandomState(0).rand(3, len(word_vects))
    identity = np.eye(3)
    preds = []
    for _ in range(steps):
        layer_0 = word_vects["red"] if alias else word_vects["red"].copy()
        layer_1 = layer_0.dot(identity) + word_vects["socks"]
        layer_2 = layer_1.dot(identity) + word_vects["defeat"]
        pred = np.exp(layer_2.dot(sent2output)) / np.sum(np.exp(layer_2.dot(sent2output)), axis=1, keepdims=True)
        preds.append(pred[0, 0])
        y = np.array([1, 0, 0, 0, 0, 0, 0, 0, 0])
        pred_delta = pred - y
        layer_2_delta = pred_delta.dot(sent2output.T)
        defeat_delta = layer_2_delta * 1
        layer_1_delta = layer_2_delta.dot(identity.T)
        socks_delta = layer_1_delta * 1
        layer_0_delta = layer_1_delta.dot(identity.T)
        alpha = 0.01
        word_vects["red"] -= layer_0_delta * alpha
        word_vects["socks"] -= socks_delta * alpha
        word_vects["defeat"] -= defeat_delta * alpha
        identity -= np.outer(layer_0, layer_1_delta) * alpha
        identity -= np.outer(layer_1, layer_2_delta) * alpha
        sent2output -= np.outer(layer_2, pred_delta) * alpha
    return word_vects, identity, sent2output, preds


@pytest.mark.parametrize("book", [True, False])
def test_toy_forward_backpropagation_is_the_books_and_teaches_yankees(book):
    exp = ToyForward(book_faithful=book)
    exp.step(), exp.step()
    probabilities = [exp.step().record["pred"][0] for _ in range(30)]
    word_vects, identity, sent2output, preds = book_toy(30, alias=book)
    assert probabilities == preds and probabilities[0] == 1 / 9
    assert all(b > a for a, b in zip(probabilities, probabilities[1:], strict=False))  # "yankees" grows
    assert np.array_equal(exp.identity, identity) and np.array_equal(exp.sent2output, sent2output)
    assert all(np.array_equal(exp.word_vects[w], v) for w, v in word_vects.items())
    assert not np.array_equal(identity, np.eye(3))  # the identity learned: it became a recurrent matrix
    other, _, _, _ = book_toy(30, alias=not book)
    assert not np.array_equal(other["red"], word_vects["red"])  # the aliasing matters from the second step on


# -- ch12.rnn-babi: the data and the check values ----------------------------------------------------------------
def test_the_books_vocabulary_and_check_values(real_babi):
    exp = RnnBabi(data=real_babi, book_faithful=True)
    assert len(exp.vocabulary) == 82 and exp.vocabulary == sorted(exp.vocabulary)
    assert exp.tokens[0] == ["mary", "moved", "to", "the", "bathroom."]
    assert exp.tokens[2] == ["where", "is", "mary?", "\tbathroom\t1"]  # TAB, answer, TAB, supporting fact
    # BOOK.md: check values for the sorted vocabulary (to about 12 significant digits)
    assert exp.step().record["perplexity"] == pytest.approx(81.94009027613271, rel=1e-12)
    assert RnnBabi(data=real_babi).step().record["perplexity"] == pytest.approx(81.96154172093104, rel=1e-12)


def test_the_initial_draws_are_the_books():
    exp = rnn()
    rs = np.random.RandomState(1)
    v = len(exp.vocabulary)
    assert np.array_equal(exp.embed, (rs.random_sample((v, 10)) - 0.5) * 0.1)
    assert np.array_equal(exp.decoder, (rs.random_sample((10, v)) - 0.5) * 0.1)
    assert np.array_equal(exp.recurrent, np.eye(10)) and not exp.start.any()


# -- the gradients ------------------------------------------------------------------------------------------------
def _loss(exp, sent):
    _, pred = exp.forward(sent)
    return -np.sum(np.log(pred[np.arange(len(sent)), sent]))


def test_default_bptt_moves_every_weight_along_the_numerical_gradient():
    exp = rnn(alpha=0.1)
    for _ in range(8):
        exp.step()  # away from the symmetric start (recurrent = I, start = 0)
    sent = exp._sentences[exp.iteration_index % exp.epoch_size]
    c = 0.1 / len(sent)
    before = {name: getattr(exp, name).copy() for name in ("start", "decoder", "embed", "recurrent")}
    probes = {"start": [(3,), (7,)], "decoder": [(2, int(sent[1])), (5, 0)],
              "embed": [(int(sent[0]), 4), (int(sent[2]), 9)], "recurrent": [(0, 0), (3, 8), (9, 1)]}
    grads = {name: [numerical_gradient(lambda: _loss(exp, sent), getattr(exp, name), at) for at in ats]
             for name, ats in probes.items()}
    exp.step()
    for name, ats in probes.items():
        moved = [(before[name][at] - getattr(exp, name)[at]) / c for at in ats]
        assert np.allclose(moved, grads[name], rtol=1e-5, atol=1e-8), name


# -- the book's loop, transcribed (vocabulary sorted; np.random → RandomState(1)) --------------------------------
def book_rnn(lines, iterations):
    tokens = [line.lower().replace("\n", "").split(" ")[1:] for line in lines]
    vocab = sorted({word for sent in tokens for word in sent})
    word2index = {word: i for i, word in enumerate(vocab)}
    rs = np.random.RandomState(1)
    embed = (rs.rand(len(vocab), 10) - 0.5) * 0.1
    recurrent = np.eye(10)
    start = np.zeros(10)
    decoder = (rs.rand(10, len(vocab)) - 0.5) * 0.1
    one_hot = np.eye(len(vocab))
    perplexities = []
    for it in range(iterations):
        alpha = 0.001
        sent = [word2index[w] for w in tokens[it % len(tokens)][1:]]
        layers = [{"hidden": start}]
        loss = 0
        for target_i in range(len(sent)):
            layer = {"pred": softmax(layers[-1]["hidden"].dot(decoder))}
            loss += -np.log(layer["pred"][sent[target_i]])
            layer["hidden"] = layers[-1]["hidden"].dot(recurrent) + embed[sent[target_i]]
            layers.append(layer)
        for layer_idx in reversed(range(len(layers))):
            layer = layers[layer_idx]
            target = sent[layer_idx - 1]
            if layer_idx > 0:
                layer["output_delta"] = layer["pred"] - one_hot[target]
                new_hidden_delta = layer["output_delta"].dot(decoder.transpose())
                if layer_idx == len(layers) - 1:
                    layer["hidden_delta"] = new_hidden_delta
                else:
                    layer["hidden_delta"] = new_hidden_delta + layers[layer_idx + 1]["hidden_delta"].dot(
                        recurrent.transpose())
            else:
                layer["hidden_delta"] = layers[layer_idx + 1]["hidden_delta"].dot(recurrent.transpose())
        start -= layers[0]["hidden_delta"] * alpha / float(len(sent))
        for layer_idx, layer in enumerate(layers[1:]):
            decoder -= np.outer(layers[layer_idx]["hidden"], layer["output_delta"]) * alpha / float(len(sent))
            embed_idx = sent[layer_idx]
            embed[embed_idx] -= layers[layer_idx]["hidden_delta"] * alpha / float(len(sent))
            recurrent -= np.outer(layers[layer_idx]["hidden"], layer["hidden_delta"]) * alpha / float(len(sent))
        perplexities.append(float(np.exp(loss / len(sent))))
    return start, decoder, embed, recurrent, perplexities


def test_book_faithful_follows_the_books_loop():
    exp = rnn(book_faithful=True)
    records = [exp.step().record for _ in range(300)]
    start, decoder, embed, recurrent, perplexities = book_rnn(STORY, 300)
    assert np.allclose([r["perplexity"] for r in records], perplexities, rtol=1e-12)
    for name, value in (("start", start), ("decoder", decoder), ("embed", embed), ("recurrent", recurrent)):
        assert np.allclose(getattr(exp, name), value, rtol=1e-10, atol=1e-15), name
    assert [r["words"] for r in records[:3]] == [4, 4, 3]  # Q15: every line loses its first word


def test_the_books_deltas_are_the_exact_gradients_one_step_early():
    """BOOK.md (Q16): b_k = g_{k−1} for k ≥ 1 (g_k = ∂loss/∂hidden_k), b_0 = b_1 · recurrentᵀ."""
    exp = rnn(book_faithful=True, alpha=0.3)
    for _ in range(7):
        exp.step()
    sent = exp._sentences[exp.iteration_index % exp.epoch_size]
    n = len(sent)

    def loss_with(k, unit, h):
        hidden = np.empty((n + 1, 10))
        hidden[0] = exp.start
        loss = 0.0
        for j in range(n):
            if j == k:
                hidden[j, unit] += h
            pred = softmax(hidden[j].dot(exp.decoder))
            loss -= np.log(pred[sent[j]])
            hidden[j + 1] = hidden[j].dot(exp.recurrent) + exp.embed[sent[j]]
        return loss

    exact = np.array([[(loss_with(k, u, 1e-6) - loss_with(k, u, -1e-6)) / 2e-6 for u in range(10)]
                      for k in range(n)])
    recurrent = exp.recurrent.copy()
    exp.step()
    b = exp.hidden_deltas
    assert np.allclose(b[1:], exact, rtol=1e-5, atol=1e-9)
    assert np.allclose(b[0], b[1].dot(recurrent.T), rtol=1e-12)


def test_q17_the_start_moves_before_the_other_updates_read_it():
    exp = rnn(book_faithful=True, alpha=0.5)
    for _ in range(5):
        exp.step()
    decoder = exp.decoder.copy()
    gen = exp.phases()
    next(gen), next(gen)
    output_delta = exp.output_deltas.copy()
    hidden = exp.hidden.copy()
    list(gen)
    n = len(output_delta)
    with_new_start = hidden.copy()
    with_new_start[0] = exp.start  # the start after its update
    expected = decoder - with_new_start[:n].T.dot(output_delta) * 0.5 / float(n)
    old = decoder - hidden[:n].T.dot(output_delta) * 0.5 / float(n)
    assert np.allclose(exp.decoder, expected, rtol=1e-12) and not np.allclose(exp.decoder, old, rtol=1e-12)


def test_q18_the_analysis_shows_the_guess_before_or_after_reading_the_word():
    for book in (False, True):
        exp = rnn(book_faithful=book)
        for _ in range(50):
            exp.step()
        analysis = exp.analysis()
        tokens = ["sandra", "moved", "to", "the", "garden."]
        assert analysis["tokens"] == tokens
        _, pred = exp.forward(exp.indices(tokens))
        shift = 0 if book else 1  # the book shows pred_{i+1}, the guess of word i itself
        assert analysis["rows"] == [(tokens[i], tokens[i + 1], exp.vocabulary[int(pred[i + shift].argmax())])
                                    for i in range(4)]
        lines = exp.report()["text"]
        assert lines[-5] == str(tokens)
        assert lines[-4] == f"Prev Input:sandra      True:moved          Pred:{analysis['rows'][0][2]}"


# -- records, epochs and views -----------------------------------------------------------------------------------
def test_every_record_carries_the_perplexity_and_epochs_sum_the_pass():
    exp = rnn()
    results = [exp.step() for _ in range(len(STORY))]
    for r in results:
        assert r.record["perplexity"] == pytest.approx(np.exp(r.record["loss"] / r.record["words"]), rel=1e-15)
        assert r.record["error"] == r.record["loss"]
    epoch = results[-1].epoch
    loss = sum(r.record["loss"] for r in results)
    words = sum(r.record["words"] for r in results)
    assert epoch["perplexity"] == pytest.approx(np.exp(loss / words), rel=1e-12) and epoch["words"] == words
    assert exp.printed_perplexities == [results[0].record["perplexity"]]


def test_step_and_phases_agree_and_rewind_continues_identically():
    a, b = rnn(), rnn()
    for _ in range(14):
        fast = a.step()
        gen = b.phases()
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                slow = stop.value
                break
        assert fast.record == slow.record and fast.epoch == slow.epoch
    saved = a.state()
    later = [a.step().record for _ in range(10)]
    c = rnn()
    c.load_state(saved)
    assert [c.step().record for _ in range(10)] == later


def test_the_unrolled_sentence_and_any_analysed_sentence():
    exp = rnn()
    assert exp.unrolled() is None
    for _ in range(20):
        exp.step()
    gen = exp.phases()
    next(gen)
    unrolled = exp.unrolled()
    assert unrolled.hidden_deltas is None and unrolled.backward_order == ()
    list(gen)
    unrolled = exp.unrolled()
    n = len(unrolled.words)
    assert unrolled.hidden.shape == (n + 1, 10) and unrolled.predictions.shape == (n, len(exp.vocabulary))
    assert unrolled.backward_order == tuple(range(n, -1, -1)) and unrolled.hidden_deltas.shape == (n + 1, 10)
    assert np.all(np.diff(unrolled.top_probabilities, axis=1) <= 0)
    assert np.array_equal(unrolled.top_probabilities[:, 0], unrolled.predictions.max(axis=1))
    true = unrolled.predictions[np.arange(n), unrolled.rows]
    assert np.allclose(unrolled.surprise, -np.log(true))
    analysed = exp.analyse(["mary", "moved", "to", "the", "bathroom."])
    assert analysed.perplexity == pytest.approx(np.exp(_loss(exp, analysed.rows) / 5))
    assert exp.perplexity_baseline == len(exp.vocabulary)
    with pytest.raises(KeyError, match="'unicorn' is not in the vocabulary"):
        exp.analyse(["mary", "unicorn"])


def test_the_guess_after_a_sentence_is_the_one_the_next_word_would_get():
    exp = rnn()
    for _ in range(30):
        exp.step()
    words = ["mary", "moved", "to", "the"]
    guess = exp.next_word(words, k=4)
    longer = exp.analyse([*words, "bathroom."])  # its last guess is made after reading "the", whatever follows
    assert [w for w, _ in guess] == [exp.vocabulary[i] for i in np.argsort(-longer.predictions[-1], kind="stable")[:4]]
    assert [p for _, p in guess] == pytest.approx(np.sort(longer.predictions[-1])[::-1][:4].tolist())
    hidden = exp.start.copy()
    for w in words:
        hidden = hidden.dot(exp.recurrent) + exp.embed[exp.word2index[w]]
    assert guess[0][1] == pytest.approx(softmax(hidden.dot(exp.decoder)[None, :])[0].max())
    with pytest.raises(KeyError, match="'unicorn'"):
        exp.next_word(["unicorn"])


def test_the_network_shows_one_time_step():
    exp = rnn()
    exp.step()
    net = exp.network()
    assert [layer.size for layer in net.layers] == [len(exp.vocabulary), 10, 10, len(exp.vocabulary)]
    assert np.array_equal(net.layers[2].values, exp.hidden[-1])
    assert np.array_equal(net.weights[1].values, exp.recurrent.T)


# -- the real file ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("book", [False, True])
def test_perplexity_falls_below_ten_on_the_books_lines(real_babi, book):
    exp = RnnBabi(data=real_babi, book_faithful=book)
    epochs = [r.epoch for r in (exp.step() for _ in range(exp.iterations)) if r.epoch is not None]
    assert len(epochs) == 30 and epochs[0]["perplexity"] > 20
    assert epochs[-1]["perplexity"] < 10 and exp.printed_perplexities[-1] < 10
    assert len(exp.printed_perplexities) == 30


def test_babi_tokens_keep_the_books_question_form():
    lines = babi.tokenize(["3 Where is Mary? \tbathroom\t1\n"])
    assert lines == [["where", "is", "mary?", "\tbathroom\t1"]]


def test_toy_forward_backpropagation_is_the_gradient_of_the_cross_entropy():
    exp = ToyForward(alpha=0.5)
    for _ in range(6):
        exp.step()  # away from zero vectors, so that every term of the gradient is alive

    def loss():
        layer_1 = exp.word_vects["red"].dot(exp.identity) + exp.word_vects["socks"]
        layer_2 = layer_1.dot(exp.identity) + exp.word_vects["defeat"]
        logits = layer_2.dot(exp.sent2output)[0]
        return -(logits[0] - np.log(np.sum(np.exp(logits))))

    probes = [("identity", (0, 1)), ("identity", (2, 2)), ("sent2output", (1, 4)), ("sent2output", (0, 0))]
    before = {name: getattr(exp, name).copy() for name, _ in probes}
    grads = [numerical_gradient(loss, getattr(exp, name), at) for name, at in probes]
    vectors = {w: exp.word_vects[w].copy() for w in ("red", "socks", "defeat")}
    vector_grads = {w: numerical_gradient(loss, exp.word_vects[w], (0, 1)) for w in vectors}
    exp.step()
    for (name, at), grad in zip(probes, grads, strict=True):
        assert (before[name][at] - getattr(exp, name)[at]) / 0.5 == pytest.approx(grad, rel=1e-6, abs=1e-10)
    for w, grad in vector_grads.items():
        assert (vectors[w][0, 1] - exp.word_vects[w][0, 1]) / 0.5 == pytest.approx(grad, rel=1e-6, abs=1e-10)
