"""How each data set's root folder becomes the `data` an experiment takes (one line per data set)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from learning.datasets.babi import book_babi
from learning.datasets.enron import book_enron
from learning.datasets.imdb import book_imdb
from learning.datasets.mnist import book_mnist
from learning.datasets.shakespeare import book_shakespeare

DATA_LOADERS: dict[str, Callable[[Path], Any]] = {
    "mnist": book_mnist,
    "imdb": book_imdb,
    "babi": book_babi,
    "enron": book_enron,
    "shakespeare": book_shakespeare,
}
