"""Data for the chapter 11-12 tests: small corpora the tests build themselves, and the real samples.

`tiny_imdb()` writes reviews in the book's reviews.txt form (lower case, " ." tokens, a trailing "\\n", some
double spaces) from a RandomState of its own. The real samples are conftest's fixtures `real_imdb`, `real_babi`.
"""

import numpy as np

from learning.datasets.imdb import ImdbBook

WORDS = ("good", "bad", "terrible", "great", "awful", "movie", "film", "the", "a", "and", "is", "was", "he", "she",
         "elizabeth", "boring", "plot", "beautiful")


def tiny_imdb(reviews=40, seed=0, words=WORDS, lengths=(3, 14)):
    """`reviews` reviews of random words (positive, negative, ...), some with a double space and a repeated word."""
    rs = np.random.RandomState(seed)
    lines = []
    for k in range(reviews):
        tokens = list(rs.choice(words, rs.randint(*lengths)))
        if k % 3 == 0:
            tokens.insert(1, tokens[0])  # a repeated word
        text = " ".join(tokens) + " ."
        if k % 4 == 1:
            text = text.replace(" ", "  ", 1)  # a double space: the book keeps an empty token (Q14)
        lines.append(text + "\n")
    labels = ["positive" if k % 2 == 0 else "negative" for k in range(reviews)]
    return ImdbBook(lines, labels, True, f"tiny-{seed}")


def numerical_gradient(f, array, index, h=1e-6):
    """(f(array[index] + h) − f(array[index] − h)) / 2h, restoring the entry."""
    old = array[index]
    array[index] = old + h
    up = f()
    array[index] = old - h
    down = f()
    array[index] = old
    return (up - down) / (2 * h)
