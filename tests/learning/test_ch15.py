"""Chapter 15: the e-mail preparation, the spam model's gradients, federated rounds, the leak, secure aggregation.

Oracles: the book's preparation and training written out plainly in numpy below (its code, with a sorted
vocabulary); finite differences for the gradients; math.fsum for exactly rounded sums; the data files themselves.
"""

from __future__ import annotations

import json
import math
import os

import numpy as np
import pytest

from learning.__main__ import main
from learning.chapters.ch15_data import UNK, prepare
from learning.chapters.ch15_federated import CLIENT_NAMES, Federated, FederatedHack
from learning.chapters.ch15_model import SpamModel
from learning.chapters.ch15_paillier import SecureAggregation
from learning.chapters.ch15_spam import SpamPlain, batch_bounds, exact_mean
from learning.datasets import DatasetError, DatasetMissing
from learning.datasets.enron import EnronBook, book_enron
from learning.experiment import Phase
from tests.shared_data import missing


# -- data ---------------------------------------------------------------------------------------------------------
def synthetic_enron(spam=1100, ham=1200, seed=0, long_ones=3):
    """Spam and ham lines over a small vocabulary (spam draws more from the first words, ham from the last), plus
    `long_ones` e-mails of each class with 500 or more distinct words (the book drops them)."""
    rs = np.random.RandomState(seed)
    words = [f"w{k:03d}" for k in range(300)]

    def lines(n, low, high, offset):
        out = []
        for i in range(n):
            if i % 400 == 7 and i // 400 < long_ones:
                out.append(" ".join(f"long{offset}{i}x{k}" for k in range(500)))
                continue
            count = rs.randint(low, high)
            out.append(" ".join(words[int(j)] for j in (rs.beta(2, 5, count) * 300 if offset == 0 else
                                                           rs.beta(5, 2, count) * 300).astype(int)))
        return out

    return EnronBook(spam=lines(spam, 3, 40, 0), ham=lines(ham, 3, 40, 1), substitute=True, source="synthetic")


@pytest.fixture(scope="module")
def synthetic():
    return synthetic_enron()


@pytest.fixture(scope="module")
def real():
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: these tests need ../shared/data/enron")
    try:
        return book_enron()
    except DatasetMissing as exc:
        missing(f"Enron-Spam is absent: {exc}")


def book_preparation(spam_lines, ham_lines, test_per_class=1000):
    """The book's cells, literally (the vocabulary sorted, BOOK.md 1.5)."""
    spam = [set(row.split(" ")) for row in spam_lines]
    ham = [set(row.split(" ")) for row in ham_lines]
    vocab = set()
    for email in spam + ham:
        for word in email:
            vocab.add(word)
    vocab.add("<unk>")
    vocab = sorted(vocab)
    w2i = {w: i for i, w in enumerate(vocab)}

    def to_indices(emails, length=500):
        indices = []
        for line in emails:
            if len(line) < length:
                line = sorted(line) + ["<unk>"] * (length - len(line))
                indices.append([w2i[w] for w in line])
        return indices

    spam_idx, ham_idx = to_indices(spam), to_indices(ham)
    train_spam, train_ham = spam_idx[:-test_per_class], ham_idx[:-test_per_class]
    test_spam, test_ham = spam_idx[-test_per_class:], ham_idx[-test_per_class:]
    train_data, train_target, test_data, test_target = [], [], [], []
    for i in range(max(len(train_spam), len(train_ham))):
        train_data.append(train_spam[i % len(train_spam)])
        train_target.append([1])
        train_data.append(train_ham[i % len(train_ham)])
        train_target.append([0])
    for i in range(max(len(test_spam), len(test_ham))):
        test_data.append(test_spam[i % len(test_spam)])
        test_target.append([1])
        test_data.append(test_ham[i % len(test_ham)])
        test_target.append([0])
    return vocab, np.array(train_data), np.array(train_target), np.array(test_data), np.array(test_target)


def test_preparation_is_the_books(synthetic):
    data = prepare(synthetic, test_per_class=100)
    vocab, train, train_target, test, test_target = book_preparation(synthetic.spam, synthetic.ham, 100)
    assert data.vocab == vocab and data.vocab[data.unk] == UNK
    assert np.array_equal(data.train_input, train) and np.array_equal(data.train_target, train_target)
    assert np.array_equal(data.test_input, test) and np.array_equal(data.test_target, test_target)
    assert data.dropped == {"spam": 3, "ham": 3}
    assert data.kept == {"spam": 1097, "ham": 1197}
    # ham is the larger class: its training e-mails appear once each, spam cycles
    assert len(data.train_input) == 2 * (1197 - 100)
    assert data.client_rows("bob") == (0, 1000) and data.client_rows("sue") == (2000, 2194)


def test_rows_are_sorted_words_then_padding_and_point_back_to_their_email(synthetic):
    data = prepare(synthetic, test_per_class=100)
    for row in (0, 1, 57, 1500):
        indices = data.train_input[row]
        text = data.email_text(data.train_origin[row])
        words = sorted(set(text.split(" ")))
        assert [data.vocab[i] for i in indices[:len(words)]] == words
        assert all(i == data.unk for i in indices[len(words):])
        assert data.words(indices) == [w for w in words if w != UNK]
        assert data.train_target[row, 0] == (1.0 if row % 2 == 0 else 0.0)  # spam, ham, spam, ham ...


def test_a_class_too_small_for_the_test_set_is_refused(synthetic):
    with pytest.raises(DatasetError, match="more than 2000"):
        prepare(synthetic, test_per_class=2000)


def test_real_enron_set_1(real):
    data = prepare(real)
    vocab, train, _, test, _ = book_preparation(real.spam, real.ham)
    assert data.vocab == vocab and np.array_equal(data.train_input, train) and np.array_equal(data.test_input, test)
    # facts of the archive (1,500 spam and 3,672 ham files), counted here without the code under test
    long_spam = sum(len(set(line.split(" "))) >= 500 for line in real.spam)
    long_ham = sum(len(set(line.split(" "))) >= 500 for line in real.ham)
    assert data.dropped == {"spam": long_spam, "ham": long_ham} and long_spam + long_ham > 0
    assert data.kept == {"spam": 1500 - long_spam, "ham": 3672 - long_ham}
    assert len(data.test_input) == 2000 and len(data.train_input) == 2 * (3672 - long_ham - 1000)


# -- the model ------------------------------------------------------------------------------------------------------
def small_model(vocab=12, seed=3):
    model = SpamModel.create(vocab, 0, np.random.RandomState(seed))
    model.weights = np.random.RandomState(seed + 1).uniform(-0.5, 0.5, (vocab, 1))
    return model


def test_model_starts_at_zero_after_the_books_draws():
    rs = np.random.RandomState(12345)
    model = SpamModel.create(7, 6, rs)
    oracle = np.random.RandomState(12345)
    signs = np.signbit((oracle.rand(7, 1) - 0.5) * 0)  # the book's weights *= 0 keep the signs of the zeros
    oracle.randint(0, 1_000_000_000)  # the Tensor-id draw
    assert np.all(model.weights == 0) and np.array_equal(np.signbit(model.weights), signs)
    assert rs.randint(0, 10 ** 9) == oracle.randint(0, 10 ** 9)  # the same draws were consumed


def half_loss(weights, inputs, goals, unk=0):
    w = weights.copy()
    w[unk] = 0
    pred = 1 / (1 + np.exp(-w[inputs].sum(1)))
    return float(((pred - goals) ** 2).sum())


def test_gradient_matches_finite_differences():
    model = small_model()
    rs = np.random.RandomState(5)
    inputs = rs.randint(0, 12, (6, 9))  # repeated words in an e-mail count twice
    goals = (rs.rand(6, 1) < 0.5).astype(float)
    weights = model.weights.copy()
    step = model.train_batch(inputs, goals, alpha=0.01)
    numeric = np.zeros_like(weights)
    for i in range(len(weights)):
        up, down = weights.copy(), weights.copy()
        up[i] += 1e-6
        down[i] -= 1e-6
        numeric[i] = (half_loss(up, inputs, goals) - half_loss(down, inputs, goals)) / 2e-6
    numeric[0] = 0.0  # <unk> is zeroed before the batch, so its gradient is that of the zeroed weight
    assert np.allclose(step.grad[1:], numeric[1:], rtol=1e-6, atol=1e-9)
    assert step.loss == pytest.approx(half_loss(weights, inputs, goals), rel=1e-14)
    expected = weights.copy()
    expected[0] = 0.0
    assert np.allclose(model.weights, expected - 0.01 * step.grad, rtol=0, atol=0)


def test_a_word_used_twice_gets_twice_the_gradient():
    model = small_model()
    model.weights = np.zeros((12, 1))
    step = model.train_batch(np.array([[3, 3, 5]]), np.array([[1.0]]))
    # pred = sigmoid(0) = 0.5: dloss/dscore = 2·(0.5 − 1)·0.25 = −0.25, once per occurrence
    assert step.grad[3, 0] == -0.5 and step.grad[5, 0] == -0.25 and np.count_nonzero(step.grad) == 2


def numpy_client(weights, data, name, batch=500, emails=0):
    """The book's train() for one client in plain numpy (one pass; on its first `emails` e-mails if set); returns
    its new weights."""
    first, end = data.client_rows(name)
    end = min(end, first + emails) if emails else end
    w = weights.copy()
    x_all, y_all = data.train_input[first:end], data.train_target[first:end]
    for b in range(len(x_all) // batch):
        w[data.unk] *= 0
        x, y = x_all[b * batch:(b + 1) * batch], y_all[b * batch:(b + 1) * batch]
        pred = 1 / (1 + np.exp(-w[x].sum(1)))
        diff = pred - y
        grad = np.zeros_like(w)
        np.add.at(grad, x.reshape(-1), np.repeat((diff + diff) * (pred * (1 - pred)), x.shape[1], 0))
        w = w - grad * 0.01
    return w


def numpy_round(weights, data, batch=500, book=False, emails=0):
    """Bob, Alice and Sue train in plain numpy, then the average (the book's floats, or the exact mean)."""
    models = [numpy_client(weights, data, name, batch, emails) for name in CLIENT_NAMES]
    if book:
        return (models[0] + models[1] + models[2]) / 3
    return np.array([[math.fsum(v) / 3 + 0.0] for v in zip(*(m.reshape(-1) for m in models), strict=True)])


# -- federated learning -------------------------------------------------------------------------------------------
def run_rounds(exp, rounds):
    records, epochs = [], []
    for _ in range(rounds * exp.epoch_size):
        result = exp.step()
        records.append(result.record)
        if result.epoch is not None:
            epochs.append(result.epoch)
    return records, epochs


def test_federated_rounds_are_the_books_in_numpy(synthetic):
    data = prepare(synthetic, test_per_class=100)
    for batch, book in ((100, False), (500, True)):
        exp = Federated(data=data, batch_size=batch, book_faithful=book)
        for _ in range(2):
            start = exp.model.weights.copy()
            run_rounds(exp, 1)
            want = numpy_round(start, data, batch, book=book)
            want[data.unk] *= 0  # the test after the round zeroes <unk> in the model (the book's test())
            assert np.array_equal(exp.model.weights, want), book
        if book:  # the book's float average and the exact one really differ on these numbers
            models = [exp.last_clients[name] for name in CLIENT_NAMES]
            assert np.count_nonzero((models[0] + models[1] + models[2]) / 3 != exact_mean(models)) > 0


def test_clients_may_train_on_their_first_emails_only(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = Federated(data=data, batch_size=50, emails=120)
    assert [(s.client, s.start - data.client_rows(s.client)[0], s.stop - s.start) for s in exp.schedule[:-1]] == [
        (name, start, 50) for name in CLIENT_NAMES for start in (0, 50)]  # 120 e-mails: two batches, 20 left over
    start = exp.model.weights.copy()
    records, _ = run_rounds(exp, 1)
    want = numpy_round(start, data, 50, emails=120)
    want[data.unk] *= 0
    assert np.array_equal(exp.model.weights, want)
    assert exp.rounds[0]["clients"]["sue"]["emails"] == 120 and len(exp.client_emails("alice")) == 120
    everything = numpy_round(start, data, 50)
    everything[data.unk] *= 0
    assert not np.array_equal(exp.model.weights, everything)  # all their e-mails would give another model


def test_federated_schedule_losses_and_test(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = Federated(data=data, batch_size=100)
    assert [(s.client, s.batch) for s in exp.schedule] == (
        [("bob", b) for b in range(10)] + [("alice", b) for b in range(10)] + [("sue", 0), ("owner", 0)])
    records, epochs = run_rounds(exp, 2)
    first = records[0]
    assert first["client"] == "bob" and first["step"] == 1 and first["loss"] == 25.0  # 100 · (0.5 − goal)²
    assert first["printed_loss"] == 0.25
    bob = [r for r in records[:10]]
    assert bob[-1]["printed_loss"] == pytest.approx(sum(r["loss"] / 100 for r in bob) / 10, rel=1e-15)
    owner = records[exp.epoch_size - 1]
    assert owner["client"] == "owner" and set(owner) >= {"changed", "bob_changed", "alice_changed", "sue_changed"}
    assert epochs[0]["bob_loss"] == bob[-1]["printed_loss"]
    # test accuracy, counted here from the weights
    w = exp.model.weights.copy()
    w[data.unk] = 0
    pred = 1 / (1 + np.exp(-w[data.test_input].sum(1)))
    assert epochs[1]["test_accuracy"] == np.mean((pred > 0.5) == (data.test_target > 0.5))
    assert epochs[1]["test_percent"] == epochs[1]["test_accuracy"] * 100
    assert exp.rounds[1]["test_accuracy"] == epochs[1]["test_accuracy"]
    assert epochs[1]["test_accuracy"] > 0.8 and epochs[1]["bob_loss"] < epochs[0]["bob_loss"]


def test_default_average_is_the_exact_mean_and_the_book_average_is_floats():
    rs = np.random.RandomState(1)
    models = [rs.uniform(-1, 1, (2000, 1)) * 10.0 ** rs.randint(-8, 2, (2000, 1)) for _ in range(3)]
    got = exact_mean(models)
    want = np.array([[math.fsum(v) / 3] for v in zip(*(m.reshape(-1) for m in models), strict=True)])
    assert np.array_equal(got, want)
    book = (models[0] + models[1] + models[2]) / 3
    assert np.count_nonzero(book != got) > 0  # float addition rounds twice: some weights differ in the last bit
    assert np.signbit(exact_mean([np.array([-0.0])] * 3))[0] == np.False_


def test_q23_book_batches_are_500_wide():
    assert batch_bounds(1000, 500, book=False) == [(0, 500), (500, 1000)]
    assert batch_bounds(1000, 300, book=False) == [(0, 300), (300, 600), (600, 900)]
    assert batch_bounds(1000, 300, book=True) == [(0, 500), (500, 1000), (1000, 1000)]


def test_q23_changes_the_printed_loss_only_when_batch_size_is_not_500(synthetic):
    data = prepare(synthetic, test_per_class=100)
    default, book = Federated(data=data), Federated(data=data, book_faithful=True)
    for _ in range(4):
        assert default.step().record == book.step().record
    default, book = Federated(data=data, batch_size=250), Federated(data=data, batch_size=250, book_faithful=True)
    a, b = default.step().record, book.step().record
    assert (a["emails"], b["emails"]) == (250, 500)
    assert a["printed_loss"] == a["loss"] / 250 and b["printed_loss"] == b["loss"] / 500


def test_leaks_name_the_words_of_the_clients_emails(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = Federated(data=data, batch_size=100)
    start = exp.model.weights.copy()
    for _ in range(exp.epoch_size - 1):
        exp.step()
    per_client = {}
    for name in CLIENT_NAMES:
        moved = numpy_client(start, data, name, 100).reshape(-1) != start.reshape(-1)
        per_client[name] = exp.leaked_words(name)
        assert per_client[name] == [data.vocab[i] for i in np.flatnonzero(moved)], name
        first, end = data.client_rows(name)
        used = first + 100 * ((end - first) // 100 if name == "sue" else 10)
        words = {w for row in range(first, used) for w in data.email_text(data.train_origin[row]).split(" ")}
        leaked = set(per_client[name])
        assert leaked <= words | {UNK} and UNK in leaked  # the padding's weight moves too
        # from a zero model a word is hidden only when its spam and ham uses cancel exactly
        assert len(leaked) >= 0.9 * len(words)
    exp.step()  # the average
    union = sorted(set().union(*per_client.values()))
    assert exp.average_leak() == union
    assert exp.leaked_words("bob") == per_client["bob"]  # still readable after the average


def test_spam_words_are_the_extreme_weights(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = Federated(data=data, batch_size=100)
    run_rounds(exp, 2)
    words = exp.spam_words(5)
    w = exp.model.weights.reshape(-1).copy()
    w[data.unk] = 0
    assert [x for x, _ in words["spam"]] == [data.vocab[i] for i in np.argsort(-w, kind="stable")[:5]]
    assert [x for x, _ in words["ham"]] == [data.vocab[i] for i in np.argsort(w, kind="stable")[:5]]
    assert all(v > 0 for _, v in words["spam"]) and all(v < 0 for _, v in words["ham"])


def test_rewind_replays_the_same_bits(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = Federated(data=data, batch_size=100)
    for _ in range(15):
        exp.step()
    saved = exp.state()
    later = [exp.step().record for _ in range(12)]
    weights = exp.model.weights.copy()
    exp.load_state(saved)
    assert [exp.step().record for _ in range(12)] == later
    assert np.array_equal(exp.model.weights, weights)


def test_spam_plain_trains_on_everything(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = SpamPlain(data=data, batch_size=200)
    assert exp.epoch_size == len(data.train_input) // 200
    records, epochs = run_rounds(exp, 3)
    assert [e["epoch"] for e in epochs] == [0, 1, 2]
    assert epochs[0]["loss"] == records[exp.epoch_size - 1]["printed_loss"]
    assert epochs[2]["test_accuracy"] > 0.9 and epochs[2]["loss"] < epochs[0]["loss"]


def test_phases_come_in_the_books_order_and_learn_changes_the_weights(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = Federated(data=data, batch_size=100)
    gen = exp.phases()
    predict = next(gen)
    model = exp.clients["bob"]
    before = model.weights.copy()
    assert predict.phase is Phase.PREDICT and predict.values["emails"] == 100
    compare = next(gen)
    assert compare.phase is Phase.COMPARE and np.array_equal(model.weights, before)
    learn = next(gen)
    assert learn.phase is Phase.LEARN and learn.values["changed"] == np.count_nonzero(model.weights != before)
    for template in exp.formulas[Phase.LEARN]:
        assert all(name in learn.values for name in _names(template))


def _names(template):
    import re

    return re.findall(r"\{(\w+)\}", template)


# -- the hack -------------------------------------------------------------------------------------------------------
def test_hack_lists_exactly_the_emails_words_in_vocabulary_order(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = FederatedHack(data=data, email="w150 w007 nosuchword w150 w299")
    record = exp.step().record
    assert record["changed_words"] == ["w007", "w150", "w299"] and record["missing_words"] == ["nosuchword"]
    assert record["printed_loss"] == 0.25 and record["pred"] == 0.5
    book = FederatedHack(data=data, email="w150 w007", book_faithful=True).step().record
    assert book["printed_loss"] == 0.0005  # the book's anchor: 0.25 / 500
    assert FederatedHack(data=data, email="  ").step().record["changed_words"] == []


def test_hack_on_the_real_vocabulary(real):
    exp = FederatedHack(data=real)
    words = "my computer password is pizza".split()
    vocab = exp.vocab
    record = exp.step().record
    assert record["changed_words"] == sorted(w for w in words if w in vocab)
    assert record["missing_words"] == [w for w in words if w not in vocab]


# -- secure aggregation -------------------------------------------------------------------------------------------
def test_secure_aggregation_equals_plain_averaging_bit_for_bit(synthetic):
    data = prepare(synthetic, test_per_class=100)
    for encrypt in ("all", "changed"):
        plain = Federated(data=data, batch_size=100)
        secure = SecureAggregation(data=data, batch_size=100, encrypt=encrypt)
        a_records, a_epochs = run_rounds(plain, 3)
        b_records, b_epochs = run_rounds(secure, 3)
        assert a_epochs == b_epochs
        for a, b in zip(a_records, b_records, strict=True):
            assert {k: b[k] for k in a} == a
        assert np.array_equal(plain.model.weights.view(np.int64), secure.model.weights.view(np.int64))
        owner = b_records[-1]
        assert owner["same_as_plain"] is True and owner["key_bits"] == 128
        n_changed = [len(arrays_changed(secure, name)) for name in CLIENT_NAMES]
        if encrypt == "all":
            assert owner["encrypted"] == 3 * data.vocab_size
        else:
            assert owner["encrypted"] == sum(n_changed) < 3 * data.vocab_size
        assert owner["bytes_sent"] == owner["encrypted"] * 32


def arrays_changed(exp, name):
    return exp.client_update(name)[0]


def test_q24_decrypts_only_sues_model(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = SecureAggregation(data=data, batch_size=100, book_faithful=True)
    records, epochs = run_rounds(exp, 1)
    sue = exp.last_clients["sue"]
    assert np.array_equal(exp.last_average, sue / 3)  # (the test pass then zeroed <unk> in the model)
    owner = records[-1]
    assert owner["same_as_plain"] is False and owner["decrypted"] == data.vocab_size
    assert epochs[0]["test_accuracy"] == owner["q24_accuracy"]
    assert owner["average_accuracy"] == Federated(data=data, batch_size=100).run_test_pass(
        _model_with(exp, exact_mean([exp.last_clients[n] for n in CLIENT_NAMES])))["test_accuracy"]


def _model_with(exp, weights):
    model = exp.model.copy()
    model.weights = weights
    return model


def test_secure_aggregation_works_in_slices_and_shows_opaque_blocks(synthetic):
    data = prepare(synthetic, test_per_class=100)
    exp = SecureAggregation(data=data, batch_size=100)
    for _ in range(exp.epoch_size - 1):
        exp.step()
    stages = []
    gen = exp.phases()
    while True:
        try:
            result = next(gen)
        except StopIteration as stop:
            record = stop.value.record
            break
        if result.phase is Phase.TEST and exp.work is not None:
            stages.append(exp.work.stage)
    assert record["client"] == "owner" and "done" not in record and "total" not in record
    assert "keygen" in stages and stages.index("encrypt bob") < stages.index("encrypt sue")
    blocks = exp.blocks("bob", 4)
    assert len(blocks) == 4 and len(set(blocks)) == 4 and all(len(b) == 16 for b in blocks)
    assert exp.blocks("sum", 2) and exp.costs["bob"].bytes_per_weight == 32


def test_cli_shows_secure_and_plain_rounds_agree_on_real_data(real, capsys):
    assert main(["run", "ch15.federated", "--iterations", "11", "--jsonl"]) == 0
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["run", "ch15.paillier", "--iterations", "11", "--param", "encrypt=changed", "--jsonl"]) == 0
    secure = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(plain) == len(secure) == 12  # 10 batches, the owner's step, the round
    for a, b in zip(plain, secure, strict=True):
        assert {k: b[k] for k in a} == a  # the same losses, changes and test accuracy, to the last digit
    owner = secure[10]
    assert owner["client"] == "owner" and owner["same_as_plain"] is True
    assert owner["encrypted"] == owner["bob_encrypted"] + owner["alice_encrypted"] + owner["sue_encrypted"]
    assert owner["encrypted"] < 3 * len(prepare(real).vocab)
    assert main(["run", "ch15.paillier", "--iterations", "1"]) == 0
    assert main(["run", "ch15.federated", "--iterations", "11"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert "bob_changed=" in table[-2] and table[-1].startswith("epoch ") and "test_accuracy=" in table[-1]


def test_cli_hack_lists_the_words(real, capsys):
    assert main(["run", "ch15.federated-hack", "--param", "email=pizza my password xqzvw", "--param",
                 "book_faithful=true", "--jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    vocab = set(prepare(real).vocab)
    words = ["pizza", "my", "password", "xqzvw"]
    assert record["printed_loss"] == 0.0005 and record["missing_words"] == [w for w in words if w not in vocab]
    assert record["changed_words"] == sorted(w for w in words if w in vocab)


def test_a_replayed_aggregation_is_remembered_not_recomputed(synthetic, monkeypatch):
    from learning.crypto import arrays

    data = prepare(synthetic, test_per_class=100)
    exp = SecureAggregation(data=data, batch_size=100)
    for _ in range(exp.epoch_size - 3):
        exp.step()
    saved = exp.state()
    first = [exp.step().record for _ in range(4)]  # through the aggregation into the next round
    weights = exp.model.weights.copy()

    def refuse(*args, **kwargs):
        raise AssertionError("the replay encrypted again")

    monkeypatch.setattr(arrays, "encrypt_array_steps", refuse)
    exp.load_state(saved)
    assert [exp.step().record for _ in range(4)] == first
    assert np.array_equal(exp.model.weights, weights)
    exp.reset()  # a reset forgets: a new key, new encryptions
    with pytest.raises(AssertionError, match="encrypted again"):
        for _ in range(exp.epoch_size):
            exp.step()


@pytest.mark.parametrize("cls", [SpamPlain, Federated, SecureAggregation, FederatedHack])
def test_formulas_name_only_numbers_computed_by_then(synthetic, cls):
    data = prepare(synthetic, test_per_class=100)
    exp = cls(data=data, batch_size=500) if cls is not FederatedHack else cls(data=data)
    kinds = set()
    for _ in range(exp.epoch_size or 1):
        gen = exp.phases()
        seen: dict = {}
        for result in gen:
            if result.phase is Phase.TEST:
                continue
            seen.update(result.values)
            for template in exp.formulas[result.phase]:
                for name in _names(template):
                    assert isinstance(seen[name], int | float) and not isinstance(seen[name], bool), (name, cls)
            kinds.add(tuple(exp.formulas))
    assert (Phase.PREDICT, Phase.COMPARE, Phase.LEARN) in kinds


def test_experiments_on_the_same_emails_share_their_preparation(synthetic):
    first = Federated(data=synthetic, test_per_class=100)
    again = SecureAggregation(data=synthetic, test_per_class=100)
    assert again.spam is first.spam  # prepared once
    reloaded = EnronBook(list(synthetic.spam), list(synthetic.ham), synthetic.substitute, synthetic.source)
    assert Federated(data=reloaded, test_per_class=100).spam is first.spam  # the same lines loaded again
    other = Federated(data=synthetic_enron(seed=1), test_per_class=100)
    assert other.spam is not first.spam and not np.array_equal(other.spam.train_input, first.spam.train_input)
    assert Federated(data=synthetic, test_per_class=150).spam.test_input.shape[0] == 300  # another split: again
