"""Fixtures: a tiny synthetic MNIST the tests build, and the real samples (MNIST, IMDB, bAbI) when present."""

import os

import numpy as np
import pytest

from learning.datasets import DatasetMissing
from learning.datasets.babi import book_babi
from learning.datasets.imdb import book_imdb
from learning.datasets.mnist import MnistBook, book_mnist
from tests.shared_data import missing


def one_hot(digits):
    out = np.zeros((len(digits), 10))
    out[np.arange(len(digits)), digits] = 1.0
    return out


def synthetic_mnist(train=20, test=30, seed=0):
    """A deterministic MNIST-shaped slice: ten sparse "digit" prototypes plus noise, pixels k/255, labels
    cycling 0..9 (so every class is present), made by a RandomState of its own."""
    rs = np.random.RandomState(seed)
    prototypes = (rs.random_sample((10, 784)) < 0.2) * rs.random_sample((10, 784))

    def make(n):
        digits = np.arange(n) % 10
        noise = (rs.random_sample((n, 784)) < 0.05) * rs.random_sample((n, 784))
        pixels = np.clip(prototypes[digits] + noise, 0.0, 1.0)
        return np.round(pixels * 255) / 255, one_hot(digits)

    images, labels = make(train)
    test_images, test_labels = make(test)
    return MnistBook(images=images, labels=labels, test_images=test_images, test_labels=test_labels,
                     sample_mode=True, source="synthetic")


@pytest.fixture
def tiny():
    """20 training and 30 test images, built by the test itself."""
    return synthetic_mnist()


@pytest.fixture(scope="session")
def real_mnist():
    """The book's slice (sample mode offline) from GROKKING_DATA; skips when the files are not there."""
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: these tests need the MNIST files of ../shared/data")
    try:
        return book_mnist()
    except DatasetMissing as exc:
        missing(f"MNIST files are absent: {exc}")


@pytest.fixture(scope="session")
def real_imdb():
    """The 2,000 sample reviews (sample mode) from GROKKING_DATA; skips when they are not there."""
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: these tests need the IMDB sample of ../shared/data")
    try:
        return book_imdb()
    except DatasetMissing as exc:
        missing(f"the IMDB sample is absent: {exc}")


@pytest.fixture(scope="session")
def real_babi():
    """The first 1,000 lines of bAbI task 1 from GROKKING_DATA; skips when they are not there."""
    if not os.environ.get("GROKKING_DATA"):
        missing("GROKKING_DATA is not set: these tests need the bAbI file of ../shared/data")
    try:
        return book_babi()
    except DatasetMissing as exc:
        missing(f"the bAbI file is absent: {exc}")
