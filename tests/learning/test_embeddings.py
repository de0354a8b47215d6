"""learning.embeddings against the book's functions transcribed (similar, analogy, averaged review vectors), the
2-D map that holds still, and the experiments built on them: ch11.analogy and ch12.review-vectors, with weights
from the session or trained first."""

import math
from collections import Counter

import numpy as np
import pytest

from learning.chapters.ch11_analogy import Analogy, parse_analogies
from learning.chapters.ch12_recurrence import ReviewVectors
from learning.embeddings import (
    EmbeddingIndex,
    EmbeddingMap,
    analogy,
    book_normed_rows,
    changed_rows,
    most_frequent,
    parse_analogy,
    review_vectors,
    search_reviews,
    similar,
    unit_rows,
)
from learning.experiment import ParamError, Phase
from learning.results import ResultStore
from tests.learning.language_data import tiny_imdb


@pytest.fixture
def words():
    """500 words whose vectors (50 numbers) include two identical rows (a tie) and a zero row."""
    rs = np.random.RandomState(3)
    weights = rs.randn(500, 50) * 0.1
    weights[17] = weights[401]  # two words at the same place
    weights[99] = 0.0
    vocabulary = [f"w{i:03d}" for i in range(500)]
    return weights, vocabulary


# -- the book's functions, transcribed ----------------------------------------------------------------------------
def book_similar(weights_0_1, word2index, target):
    target_index = word2index[target]
    scores = Counter()
    for word, index in word2index.items():
        raw_difference = weights_0_1[index] - (weights_0_1[target_index])
        squared_difference = raw_difference * raw_difference
        scores[word] = -math.sqrt(sum(squared_difference))
    return scores.most_common(10)


def book_analogy(weights_0_1, word2index, positive, negative):
    norms = np.sum(weights_0_1 * weights_0_1, axis=1)
    norms.resize(norms.shape[0], 1)
    normed_weights = weights_0_1 * norms
    query_vect = np.zeros(len(weights_0_1[0]))
    for word in positive:
        query_vect += normed_weights[word2index[word]]
    for word in negative:
        query_vect -= normed_weights[word2index[word]]
    scores = Counter()
    for word, index in word2index.items():
        raw_difference = weights_0_1[index] - query_vect
        squared_difference = raw_difference * raw_difference
        scores[word] = -math.sqrt(sum(squared_difference))
    return scores.most_common(10)[1:]


def book_most_similar_reviews(weights_0_1, word2index, tokens, raw_reviews, review):
    norms = np.sum(weights_0_1 * weights_0_1, axis=1)
    norms.resize(norms.shape[0], 1)
    normed_weights = weights_0_1 * norms

    def make_sent_vect(words):
        indices = list(map(lambda x: word2index[x], filter(lambda x: x in word2index, words)))
        return np.mean(normed_weights[indices], axis=0)

    reviews2vectors = np.array([make_sent_vect(sorted(r, key=lambda w: word2index.get(w, -1))) for r in tokens])
    v = make_sent_vect(review)
    similar_reviews = dict(enumerate(reviews2vectors.dot(v)))
    return [raw_reviews[k][0:40] for k, _ in sorted(similar_reviews.items(), key=lambda x: x[1], reverse=True)[:3]]


# -- nearest words ----------------------------------------------------------------------------------------------
def test_nearest_words_are_the_books_to_the_last_bit(words):
    weights, vocabulary = words
    word2index = {w: i for i, w in enumerate(vocabulary)}
    for target in ("w017", "w250", "w401", "w099"):
        assert similar(weights, vocabulary, target) == book_similar(weights, word2index, target)
    first = similar(weights, vocabulary, "w401")
    assert first[:2] == [("w017", -0.0), ("w401", -0.0)]  # a tie keeps vocabulary order, as Counter does


def test_cosine_and_many_queries_at_once(words):
    weights, vocabulary = words
    index = EmbeddingIndex(weights, vocabulary)
    q = weights[250]
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = weights @ q / (np.linalg.norm(weights, axis=1) * np.linalg.norm(q))
    cos[~np.isfinite(cos)] = -np.inf
    expected = sorted(range(500), key=lambda i: (-cos[i], i))[:10]
    got = index.nearest("w250", metric="cosine")
    assert [n.index for n in got] == expected and got[0].score == pytest.approx(1.0)
    many = index.nearest_many(["w250", "w017"], k=7)
    assert many["w250"] == index.nearest("w250", 7) and many["w017"] == index.nearest("w017", 7)
    with pytest.raises(KeyError, match="'nope' is not in the vocabulary"):
        index.nearest("nope")
    with pytest.raises(ValueError, match="unknown metric"):
        index.nearest("w250", metric="manhattan")


# -- analogies --------------------------------------------------------------------------------------------------
def test_the_books_analogy_q13_is_repeated_exactly(words):
    weights, vocabulary = words
    word2index = {w: i for i, w in enumerate(vocabulary)}
    ranking = analogy(weights, vocabulary, ["w010", "w020"], ["w030"], book=True)
    assert ranking.book_list() == book_analogy(weights, word2index, ["w010", "w020"], ["w030"])
    normed = book_normed_rows(weights)
    assert np.array_equal(ranking.query, normed[10] + normed[20] - normed[30])  # rows × squared norms


def test_the_correct_analogy_ranks_unit_rows_and_marks_the_query_words(words):
    weights, vocabulary = words
    ranking = analogy(weights, vocabulary, ["w010", "w020"], ["w030"])
    u = unit_rows(weights)
    query = u[10] + u[20] - u[30]
    distance = np.sqrt(((u - query) ** 2).sum(axis=1))
    assert ranking.indices.tolist() == sorted(range(500), key=lambda i: (distance[i], i))
    assert np.allclose(ranking.scores, -distance[ranking.indices], rtol=1e-12)
    assert ranking.is_query.tolist() == [i in (10, 20, 30) for i in ranking.indices]
    assert len(ranking.words) == 500 and ranking.rank_of(ranking.words[3]) == 3
    without = analogy(weights, vocabulary, ["w010", "w020"], ["w030"], exclude_query=True)
    assert len(without.indices) == 497 and not without.is_query.any()
    assert without.indices.tolist() == [i for i in ranking.indices if i not in (10, 20, 30)]
    with pytest.raises(KeyError, match="zzz"):
        analogy(weights, vocabulary, ["zzz"], [])


@pytest.mark.parametrize("book", [False, True])
@pytest.mark.parametrize("exclude", [False, True])
def test_the_best_few_of_an_analogy_are_the_head_of_the_whole_list(words, book, exclude):
    weights, vocabulary = words
    weights = weights.copy()
    weights[18] = weights[17]  # three rows at the same place: ties that a cut could split
    query = (["w017", "w020"], ["w030"])
    whole = analogy(weights, vocabulary, *query, book=book, exclude_query=exclude, exact=20)
    for top in (1, 3, 7, 20, 60, 499):
        few = analogy(weights, vocabulary, *query, book=book, exclude_query=exclude, exact=20, top=top)
        assert few.indices.tolist() == whole.indices[:top].tolist()
        assert few.scores.tolist() == whole.scores[:top].tolist()  # the exact head too, bit for bit
        assert few.words == whole.words[:top] and few.is_query.tolist() == whole.is_query[:top].tolist()
        assert few.exact == min(whole.exact, top)
    assert analogy(weights, vocabulary, *query, book=book, top=1000).words == analogy(
        weights, vocabulary, *query, book=book).words


def test_analogies_are_parsed_from_text():
    assert parse_analogy("terrible - bad + good") == (["terrible", "good"], ["bad"])
    assert parse_analogy("−she + Elizabeth") == (["elizabeth"], ["she"])
    assert parse_analogies("a - b + c; d") == [(["a", "c"], ["b"]), (["d"], [])]
    for bad in ("a b", "a + - b", "a -", "", ";"):
        with pytest.raises(ValueError):
            parse_analogies(bad)


# -- review vectors ---------------------------------------------------------------------------------------------
def test_review_vectors_and_search_are_the_books():
    data = tiny_imdb()
    tokens = [set(line.split(" ")) for line in data.reviews]
    vocabulary = sorted({t for s in tokens for t in s if t})
    word2index = {w: i for i, w in enumerate(vocabulary)}
    weights = np.random.RandomState(5).randn(len(vocabulary), 8)
    normed = book_normed_rows(weights)
    rows = [np.array(sorted(word2index[w] for w in s if w in word2index)) for s in tokens]
    vectors = review_vectors(normed, rows)
    best, _ = search_reviews(vectors, normed, [word2index["boring"], word2index["awful"]])
    assert [data.reviews[k][:40] for k in best] == book_most_similar_reviews(weights, word2index, tokens,
                                                                             data.reviews, ["boring", "awful"])
    assert np.array_equal(vectors[0], np.mean(normed[rows[0]], axis=0))


# -- the map ----------------------------------------------------------------------------------------------------
def test_the_first_map_takes_the_principal_axes_signed():
    rs = np.random.RandomState(0)
    x = rs.randn(300, 6) * np.array([5.0, 3.0, 1.0, 0.5, 0.2, 0.1])
    projection = EmbeddingMap().fit(x)
    _, s, vt = np.linalg.svd(x - x.mean(axis=0), full_matrices=False)
    for j in range(2):
        axis = vt[j] * np.sign(vt[j][np.argmax(np.abs(vt[j]))])
        assert np.allclose(projection.basis[:, j], axis, atol=1e-10)
        assert projection.basis[np.argmax(np.abs(projection.basis[:, j])), j] > 0
    variance = s ** 2 / (s ** 2).sum()
    assert np.allclose(projection.principal, variance[:2]) and np.allclose(projection.explained, variance[:2])
    assert np.allclose(projection.project(x), (x - x.mean(axis=0)) @ projection.basis)


def test_refits_stay_aligned_instead_of_flipping_or_swapping():
    rs = np.random.RandomState(1)
    x = rs.randn(400, 5)
    x = (x - x.mean(axis=0)) @ np.linalg.qr(rs.randn(5, 5))[0]  # mixed directions: the signs are not trivial
    x[:, :2] *= np.array([3.0, 2.9]) / x[:, :2].std(axis=0)
    steady = EmbeddingMap()
    before = steady.fit(x).project(x)
    y = x * np.array([0.96, 1.04, 1.0, 1.0, 1.0])  # a small drift that swaps the two largest variances
    fresh = EmbeddingMap().fit(y).project(y)
    after = steady.fit(y).project(y)
    moved = np.abs(after - before).mean()
    jumped = np.abs(fresh - before).mean()
    assert jumped > 1.0  # refitted from scratch, the map swaps its axes
    assert moved < 0.1 * jumped  # aligned, the points stay about where they were
    assert np.allclose(steady.projection.explained.sum(), steady.projection.principal.sum())
    assert np.allclose(steady.projection.basis.T @ steady.projection.basis, np.eye(2))


def test_changed_rows_and_most_frequent():
    a = np.zeros((5, 3))
    b = a.copy()
    b[[1, 4], 2] = 1.0
    assert changed_rows(a, b).tolist() == [1, 4]
    assert most_frequent(np.array([3, 9, 3, 9, 1]), 3).tolist() == [1, 3, 0]


# -- the experiments --------------------------------------------------------------------------------------------
def _run(exp):
    records = []
    while exp.iteration_index < exp.iterations:
        records.append(exp.step().record)
    return records


@pytest.mark.parametrize("book", [False, True])
def test_analogy_trains_word2vec_first_then_answers_the_books_queries(book):
    store = ResultStore()
    exp = Analogy(data=tiny_imdb(), store=store, book_faithful=book)
    assert exp.weights_from == "trained here" and exp.training
    records = _run(exp)
    assert len(records) == exp.training_iterations + 2 and not exp.training
    kept = store.latest("ch11.word2vec")
    assert kept is not None and kept.book_faithful is book and kept.iterations == exp.training_iterations
    expected = analogy(kept.weights_0_1, kept.vocabulary, ["terrible", "good"], ["bad"], book=book).book_list()
    assert list(zip(records[-2]["words"], records[-2]["scores"], strict=True)) == expected
    assert records[-2]["weights_from"] == "trained here" and len(expected) == 9
    assert exp.report()["text"][0] == str(expected)
    again = Analogy(data=tiny_imdb(), store=store, book_faithful=book, queries="good - bad + awful")
    assert again.weights_from == "session" and again.iterations == 1
    record = again.step().record
    assert record["weights_from"] == "session" and record["positive"] == ["good", "awful"]
    assert again.ranking().top(3, skip=1) == [(w, s, q) for w, s, q in again.ranking().top(4)[1:]]


def test_analogy_says_which_words_it_does_not_know_and_refuses_bad_queries():
    store = ResultStore()
    _run(Analogy(data=tiny_imdb(), store=store))
    exp = Analogy(data=tiny_imdb(), store=store, queries="king - man + woman")
    record = exp.step().record
    assert record["missing"] == ["king", "woman", "man"] and record["words"] == []  # positive, then negative
    with pytest.raises(ParamError, match="semicolons"):
        exp.set_param("queries", "king man")


def test_review_vectors_use_the_sessions_sentiment_run_or_train_it():
    store = ResultStore()
    exp = ReviewVectors(data=tiny_imdb(), store=store, trainer_options={"test_count": 10})
    assert exp.weights_from == "trained here" and exp.training_iterations == 2 * 30
    records = _run(exp)
    last = records[-1]
    kept = store.latest("ch11.sentiment")
    assert kept is not None and kept.iterations == 60
    assert last["texts"] == [exp.data.reviews[k][:40] for k in last["best"]]
    assert exp.report()["text"] == [str(last["texts"])]
    book = ReviewVectors(data=tiny_imdb(), store=store, book_faithful=True)
    assert book.weights_from == "session"
    gen = book.phases()
    assert next(gen).phase is Phase.PREDICT
    compare = next(gen)
    assert compare.phase is Phase.COMPARE
    assert compare.values["best"] != last["best"] or compare.values["scores"] != last["scores"]  # Q13 differs
    normed = book_normed_rows(kept.weights_0_1)
    assert np.array_equal(book._normed(), normed)


def test_rewinding_an_experiment_that_trains_first():
    a = Analogy(data=tiny_imdb(), store=ResultStore())
    for _ in range(50):
        a.step()
    during = a.state()
    while a.training:
        a.step()
    after = a.state()
    answers = [a.step().record for _ in range(2)]
    b = Analogy(data=tiny_imdb(), store=ResultStore())
    b.load_state(during)
    assert b.training and b.weights is None
    while b.training:
        b.step()
    assert np.array_equal(b.weights.weights_0_1, a.weights.weights_0_1)
    assert [b.step().record for _ in range(2)] == answers
    b.load_state(after)
    assert [b.step().record for _ in range(2)] == answers


def test_the_state_of_an_experiment_that_trains_first_counts_its_trainers_arrays():
    from learning.history import state_bytes

    exp = Analogy(data=tiny_imdb(), store=ResultStore())
    exp.step()
    assert state_bytes(exp.state()) >= exp.inner.weights_0_1.nbytes + exp.inner.weights_1_2.nbytes
