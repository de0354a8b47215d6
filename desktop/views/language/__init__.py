"""The views of chapters 11-12: words as vectors and the first recurrent network.

One module (or package) per view; what they share (where the word vectors of an experiment are, the pinned words,
painting helpers, the live-view base class) lives in `_common.py`, which is not a view.

- `rows`: the rows of weights_0_1 one review selects, and that only those rows learn (ch11.sentiment).
- `nearest`: the ten nearest words of pinned words, Euclidean (the book) or cosine, live while training.
- `word_map`: the embeddings on a 2-D map that holds still (aligned PCA), hover and click to pin.
- `analogy`: the analogy workbench (the correct normalisation beside the book's squared norm).
- `cbow`: word2vec's step inspector: target, context window, negatives, the rows that learn.
- `review_search`: the reviews whose averaged word vectors are most like typed words (ch12.review-vectors).
- `unrolled`: the recurrent network laid out in time, forward and backward (ch12.toy-forward, ch12.rnn-babi).
- `perplexity`: the perplexity curve with the blind-guess baseline, per-word surprise, the book's analysis rows.
"""
