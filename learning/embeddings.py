"""What chapters 11-12 compute from a matrix of word vectors: nearest words, analogies, review vectors, a 2-D map.

Pure numpy, no Qt. `weights` is always a (vocabulary × hidden) matrix whose row i is word i's vector (the book's
`weights_0_1`); rows are addressed by vocabulary index, and every ranking breaks ties in vocabulary order, as the
book's `Counter.most_common` does.

Speed: scores over the whole vocabulary are one matrix-vector product, with the Euclidean distance written as
‖w‖² − 2·w·q + ‖q‖² (an `EmbeddingIndex` keeps the ‖w‖² of one weight snapshot for repeated queries). The
book computes each distance as −sqrt(Σ (w − q)²), summed left to right; the rows that end up in a returned list
are scored again that way, so listed scores and their order are the book's to the last bit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

METRICS = ("euclidean", "cosine")


# -- distances and rankings ---------------------------------------------------------------------------------
def squared_norms(weights: np.ndarray) -> np.ndarray:
    """‖w‖² of every row (vocabulary,)."""
    return np.einsum("ij,ij->i", weights, weights)


def book_distances(weights: np.ndarray, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
    """sqrt(Σ (w − q)²) for the given rows, the squares summed left to right as the book's Python `sum` does."""
    diff = weights[rows] - query
    diff *= diff
    return np.sqrt(np.cumsum(diff, axis=1)[:, -1]) if diff.shape[1] else np.zeros(len(rows))


def _order(keys: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Positions sorting `keys` ascending, ties by row (vocabulary) order."""
    return np.lexsort((rows, keys))


def _euclidean_top(weights: np.ndarray, fast: np.ndarray, norms2: np.ndarray, query: np.ndarray,
                   k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k rows nearest to `query` with exact book scores, best first, given the fast squared distances
    `fast` = ‖w‖² − 2·w·q + ‖q‖² of every row."""
    n = len(fast)
    k = min(k, n)
    if k <= 0:
        return np.empty(0, dtype=np.intp), np.empty(0)
    # Rounding of the fast form is a few ulps of its largest term: every row that could be among the k nearest
    # by the book's arithmetic is within `slack` of the k-th fast value; those are scored again exactly.
    slack = 1e-10 * (float(norms2.max(initial=0.0)) + float(query @ query) + 1.0)
    kth = np.partition(fast, k - 1)[k - 1] if k < n else fast.max()
    rows = np.flatnonzero(fast <= kth + slack)
    scores = -book_distances(weights, rows, query)
    order = _order(-scores, rows)[:k]
    return rows[order], scores[order]


def _cosine_scores(dots: np.ndarray, norms2: np.ndarray, q2: float) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = dots / (np.sqrt(norms2) * np.sqrt(q2))
    scores[~np.isfinite(scores)] = -np.inf  # a zero vector has no direction: last
    return scores


def _top_by_score(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k highest scores (ties in row order), best first."""
    n = len(scores)
    k = min(k, n)
    if k <= 0:
        return np.empty(0, dtype=np.intp), np.empty(0)
    kth = -np.partition(-scores, k - 1)[k - 1] if k < n else scores.min()
    rows = np.flatnonzero(scores >= kth)
    order = _order(-scores[rows], rows)[:k]
    return rows[order], scores[rows][order]


@dataclass(frozen=True)
class Neighbour:
    """One word of a nearest-words list: its vocabulary index, the word, and its score (higher is nearer)."""

    index: int
    word: str
    score: float


class EmbeddingIndex:
    """Nearest-word queries on one snapshot of a weight matrix (rows = words), with ‖w‖² computed once.

    The matrix is not copied: build a new index after the weights change (the norms are the only cache); pass
    the experiment's word → row dictionary as `index` to save building one.
    Metrics: "euclidean" (the book's `similar()`: score = −‖w − q‖, the query word itself first with −0.0) and
    "cosine" (score = w·q / (‖w‖·‖q‖), 1 for the query word itself).
    """

    def __init__(self, weights: np.ndarray, vocabulary: Sequence[str], index: dict[str, int] | None = None) -> None:
        if weights.ndim != 2 or weights.shape[0] != len(vocabulary):
            raise ValueError(f"weights must be (vocabulary × hidden): {weights.shape} for {len(vocabulary)} words")
        self.weights = weights
        self.vocabulary = vocabulary
        self._norms2: np.ndarray | None = None
        self._index = index  # word → row; built on first use when not given (74,000 words: ~10 ms)

    @property
    def norms2(self) -> np.ndarray:
        """‖w‖² of every row."""
        if self._norms2 is None:
            self._norms2 = squared_norms(self.weights)
        return self._norms2

    def index_of(self, word: str) -> int:
        """The row of `word` (KeyError naming it when it is not in the vocabulary)."""
        if self._index is None:
            self._index = {w: i for i, w in enumerate(self.vocabulary)}
        try:
            return self._index[word]
        except KeyError:
            raise KeyError(f"{word!r} is not in the vocabulary") from None

    def knows(self, word: str) -> bool:
        """True if `word` has a row."""
        try:
            self.index_of(word)
        except KeyError:
            return False
        return True

    def nearest_to_vector(self, query: np.ndarray, k: int = 10, metric: str = "euclidean") -> list[Neighbour]:
        """The k words nearest to a vector, best first."""
        query = np.asarray(query, dtype=float)
        if metric == "euclidean":
            fast = self.norms2 - 2.0 * (self.weights @ query) + float(query @ query)
            rows, scores = _euclidean_top(self.weights, fast, self.norms2, query, k)
        elif metric == "cosine":
            rows, scores = _top_by_score(_cosine_scores(self.weights @ query, self.norms2, float(query @ query)), k)
        else:
            raise ValueError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")
        return [Neighbour(int(r), self.vocabulary[r], float(s)) for r, s in zip(rows.tolist(), scores.tolist(),
                                                                                 strict=True)]

    def nearest(self, word: str, k: int = 10, metric: str = "euclidean") -> list[Neighbour]:
        """The k words nearest to `word` (itself first), as the book's `similar(word)` lists them."""
        return self.nearest_to_vector(self.weights[self.index_of(word)], k, metric)

    def nearest_many(self, words: Sequence[str], k: int = 10, metric: str = "euclidean") -> dict[str, list[Neighbour]]:
        """nearest() for several words at once (one matrix product for all of them)."""
        rows = [self.index_of(w) for w in words]
        if not rows:
            return {}
        queries = self.weights[rows]
        dots = queries @ self.weights.T  # (words × vocabulary): one row per query, contiguous
        out: dict[str, list[Neighbour]] = {}
        for j, word in enumerate(words):
            q = queries[j]
            q2 = float(q @ q)
            if metric == "euclidean":
                r, s = _euclidean_top(self.weights, self.norms2 - 2.0 * dots[j] + q2, self.norms2, q, k)
            elif metric == "cosine":
                r, s = _top_by_score(_cosine_scores(dots[j], self.norms2, q2), k)
            else:
                raise ValueError(f"unknown metric {metric!r}; known: {', '.join(METRICS)}")
            out[word] = [Neighbour(int(a), self.vocabulary[a], float(b)) for a, b in zip(r.tolist(), s.tolist(),
                                                                                          strict=True)]
        return out


def similar(weights: np.ndarray, vocabulary: Sequence[str], word: str, k: int = 10) -> list[tuple[str, float]]:
    """The book's `similar(word)`: the k (word, −Euclidean distance) pairs nearest to `word`, itself first."""
    return [(n.word, n.score) for n in EmbeddingIndex(weights, vocabulary).nearest(word, k)]


# -- analogies ------------------------------------------------------------------------------------------------
def unit_rows(weights: np.ndarray) -> np.ndarray:
    """Each row divided by its norm (a zero row stays zero): the correct normalisation."""
    norms = np.sqrt(squared_norms(weights))
    norms[norms == 0] = 1.0  # a zero row stays zero (0 / 1); a masked divide is four times slower on 74,000 rows
    return weights / norms[:, None]


def book_normed_rows(weights: np.ndarray) -> np.ndarray:
    """The book's "normalisation" (Q13): each row multiplied by its squared norm."""
    norms = np.sum(weights * weights, axis=1)
    norms.resize(norms.shape[0], 1)
    return weights * norms


@dataclass(frozen=True)
class Ranking:
    """Every candidate word ranked for an analogy query, best first.

    `indices` are vocabulary rows, `scores` their scores (−distance to the query vector; the first `exact` entries
    are computed the book's way, the rest by the fast formula), `is_query` marks the query words themselves
    (they are in the list unless the query excluded them). `words` names the rows.
    """

    indices: np.ndarray
    scores: np.ndarray
    is_query: np.ndarray
    words: tuple[str, ...]
    query: np.ndarray
    exact: int

    def top(self, k: int, skip: int = 0) -> list[tuple[str, float, bool]]:
        """(word, score, is a query word) for ranks skip … skip+k−1."""
        sl = slice(skip, skip + k)
        return [(w, float(s), bool(q)) for w, s, q in zip(self.words[sl], self.scores[sl].tolist(),
                                                         self.is_query[sl].tolist(), strict=True)]

    def book_list(self) -> list[tuple[str, float]]:
        """What the book's `analogy()` returns: ranks 2-10 (it drops the best match, normally a query word)."""
        return [(w, s) for w, s, _ in self.top(9, skip=1)]

    def rank_of(self, word: str) -> int | None:
        """The 0-based rank of `word` in the list, or None."""
        try:
            return self.words.index(word)
        except ValueError:
            return None


def analogy(weights: np.ndarray, vocabulary: Sequence[str], positive: Sequence[str], negative: Sequence[str],
            book: bool = False, exclude_query: bool = False, exact: int = 50,
            index: dict[str, int] | None = None, top: int | None = None) -> Ranking:
    """Rank every word for "Σ positive − Σ negative" (king − man + woman ≈ queen).

    Default: the query is Σ u_p − Σ u_q of unit rows u = w/‖w‖ and each word scores −‖u_w − query‖ (this ranks
    like cosine similarity). `book=True` (Q13): rows multiplied by their squared norms build the query and the
    raw rows are scored against it. `exclude_query` drops the query words from the list. The first `exact`
    entries carry the book's arithmetic; KeyError names a word that is not in the vocabulary. `index` (word →
    row) may be passed to save building it. `top` keeps only the best `top` entries — exactly the first `top` of
    the whole list, without sorting the rest (a view refreshing while word2vec trains: 74,000 words sorted and
    named twice a second would stall the window).
    """
    if index is None:
        index = {w: i for i, w in enumerate(vocabulary)}
    missing = [w for w in (*positive, *negative) if w not in index]
    if missing:
        raise KeyError(f"not in the vocabulary: {', '.join(missing)}")
    pos = [index[w] for w in positive]
    neg = [index[w] for w in negative]
    hidden = weights.shape[1]
    query = np.zeros(hidden)
    if book:
        for r in pos:  # the book's normed_weights[r] = weights[r] * Σ weights[r]²
            query += weights[r] * np.sum(weights[r] * weights[r])
        for r in neg:
            query -= weights[r] * np.sum(weights[r] * weights[r])
        norms2 = squared_norms(weights)
        fast = norms2 - 2.0 * (weights @ query) + float(query @ query)
        divisors = None
    else:
        # Unit rows u = w / ‖w‖ without building all of them (74,000 rows: a copy of the matrix): ‖u‖² is 1 (0 for a
        # zero row) and u · q = (w · q) / ‖w‖; only the head's rows are divided out, for their exact scores.
        norms = np.sqrt(squared_norms(weights))
        divisors = np.where(norms > 0, norms, 1.0)  # a zero row stays zero (0 / 1), as in unit_rows
        for r in pos:
            query += weights[r] / divisors[r]
        for r in neg:
            query -= weights[r] / divisors[r]
        norms2 = (norms > 0).astype(float)
        fast = norms2 - 2.0 * ((weights @ query) / divisors) + float(query @ query)
    n = len(weights)
    keep = np.ones(n, dtype=bool)
    query_rows = np.zeros(n, dtype=bool)
    query_rows[pos + neg] = True
    if exclude_query:
        keep &= ~query_rows
    rows = np.flatnonzero(keep)
    fast = fast[rows]
    if top is not None and 0 <= top < len(rows):
        # every row that can be among the best `top` once the head is scored exactly: within slack of the top-th
        k = max(top, exact, 1)
        kth = np.partition(fast, k - 1)[k - 1] if k < len(rows) else fast.max()
        near = fast <= kth + 1e-10 * (float(norms2.max(initial=0.0)) + float(query @ query) + 1.0)
        rows, fast = rows[near], fast[near]
    order = _order(fast, rows)
    rows, fast = rows[order], fast[order]
    scores = -np.sqrt(np.maximum(fast, 0.0))
    head = min(exact, len(rows))
    if head:
        slack = 1e-10 * (float(norms2.max(initial=0.0)) + float(query @ query) + 1.0)
        limit = fast[head - 1] + slack
        head_end = int(np.searchsorted(fast, limit, side="right"))
        cand = rows[:head_end]
        base = weights[cand] if divisors is None else weights[cand] / divisors[cand, None]
        cand_scores = -book_distances(base, np.arange(len(cand)), query)
        o = _order(-cand_scores, cand)
        rows[:head_end], scores[:head_end] = cand[o], cand_scores[o]
        head = head_end
    if top is not None and top < len(rows):
        rows, scores = rows[:top], scores[:top]
        head = min(head, top)
    words = tuple(vocabulary[r] for r in rows.tolist())
    return Ranking(rows, scores, query_rows[rows], words, query, head)


def parse_analogy(text: str) -> tuple[list[str], list[str]]:
    """"terrible - bad + good" → (["terrible", "good"], ["bad"]); the first word is positive unless it has a
    minus. ValueError says what is wrong."""
    cleaned = text.replace("−", "-").replace("+", " + ").replace("-", " - ")
    positive: list[str] = []
    negative: list[str] = []
    sign: str | None = "+"
    for part in cleaned.split():
        if part in "+-":
            if sign is not None and (positive or negative):
                raise ValueError(f"two signs in a row in {text!r}")
            sign = part
            continue
        if sign is None:
            raise ValueError(f"a + or - is missing before {part!r} in {text!r}")
        (positive if sign == "+" else negative).append(part.lower())
        sign = None
    if sign is not None and (positive or negative):
        raise ValueError(f"{text!r} ends with a sign")
    if not positive and not negative:
        raise ValueError("an analogy needs at least one word")
    return positive, negative


# -- review vectors -----------------------------------------------------------------------------------------
def review_vectors(normed: np.ndarray, reviews: Sequence[np.ndarray]) -> np.ndarray:
    """The mean of the (normalised) rows of each review's words, as the book's `np.mean(normed[indices], axis=0)`
    computes it (rows added in order): (reviews × hidden). A review without known words gets a zero vector."""
    out = np.zeros((len(reviews), normed.shape[1]))
    for k, rows in enumerate(reviews):
        if len(rows):
            out[k] = np.mean(normed.take(rows, axis=0), axis=0)
    return out


def search_reviews(vectors: np.ndarray, normed: np.ndarray, query_rows: Sequence[int], k: int = 3
                   ) -> tuple[np.ndarray, np.ndarray]:
    """The k reviews whose vectors have the largest dot product with the mean of the query words' rows, best
    first (ties in review order): (review indices, scores). No query rows: nothing."""
    if len(query_rows) == 0:
        return np.empty(0, dtype=np.intp), np.empty(0)
    query = np.mean(normed[list(query_rows)], axis=0)
    return _top_by_score(vectors @ query, k)


# -- what changed -------------------------------------------------------------------------------------------
def changed_rows(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """The rows that differ between two copies of a matrix (ascending)."""
    return np.flatnonzero(np.any(before != after, axis=1))


def most_frequent(counts: np.ndarray, n: int) -> np.ndarray:
    """The rows of the n largest counts, most frequent first (ties in vocabulary order)."""
    counts = np.asarray(counts)
    return np.argsort(-counts, kind="stable")[:n]


# -- a 2-D map that holds still -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Projection:
    """A 2-D view of the embeddings: coordinates = (vector − mean) · basis.

    `basis` is (hidden × 2) with orthonormal columns; `explained` is the share of the total variance along each
    of the two axes shown; `principal` the share of the first two principal components (the same plane: their
    sum equals explained's sum).
    """

    basis: np.ndarray
    mean: np.ndarray
    explained: np.ndarray
    principal: np.ndarray

    def project(self, vectors: np.ndarray) -> np.ndarray:
        """(n × hidden) → (n × 2), without a centred copy of the vectors (74,000 × 100: one matrix product)."""
        return np.asarray(vectors, dtype=float) @ self.basis - self.mean @ self.basis


class EmbeddingMap:
    """PCA to two dimensions whose axes stay put from one refit to the next.

    The first fit takes the two principal axes, each signed so that its largest-magnitude entry is positive.
    Each later fit finds the new principal plane and turns it (an orthogonal Procrustes rotation or reflection
    within the plane) to the previous axes, so a map redrawn during training drifts instead of flipping or
    spinning. `reset()` forgets the previous axes.
    """

    def __init__(self) -> None:
        self.projection: Projection | None = None

    def reset(self) -> None:
        """The next fit starts afresh (principal axes, sign convention)."""
        self.projection = None

    def fit(self, vectors: np.ndarray, rows: np.ndarray | None = None) -> Projection:
        """Fit the plane on `vectors` (or on its `rows`) and align it to the previous axes. Measured here (one
        core): 8 ms on the 5,000 most frequent of 74,000 × 100 vectors (`rows=most_frequent(counts, 5000)`), 0.2 s
        on all of them; project() of all 74,000 takes 10 ms."""
        x = np.asarray(vectors, dtype=float)
        if rows is not None:
            x = x[rows]
        if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2:
            raise ValueError(f"a 2-D map needs at least two vectors of two or more numbers (got {x.shape})")
        mean = x.mean(axis=0)
        centred = x - mean
        cov = centred.T @ centred / (len(x) - 1)
        values, vectors_ = np.linalg.eigh(cov)
        top = np.argsort(values)[::-1][:2]
        basis = vectors_[:, top]
        lam = np.maximum(values[top], 0.0)
        for j in range(2):  # sign convention: the largest-magnitude entry of each axis is positive
            if basis[np.argmax(np.abs(basis[:, j])), j] < 0:
                basis[:, j] = -basis[:, j]
        if self.projection is not None and self.projection.basis.shape == basis.shape:
            u, _, vt = np.linalg.svd(basis.T @ self.projection.basis)
            basis = basis @ (u @ vt)
        total = float(np.trace(cov))
        along = np.einsum("ij,ik,kj->j", basis, cov, basis)
        explained = along / total if total > 0 else np.zeros(2)
        principal = lam / total if total > 0 else np.zeros(2)
        self.projection = Projection(basis, mean, explained, principal)
        return self.projection

    def project(self, vectors: np.ndarray) -> np.ndarray:
        """Coordinates of vectors on the current axes (fit first)."""
        if self.projection is None:
            raise ValueError("fit the map before projecting onto it")
        return self.projection.project(vectors)
