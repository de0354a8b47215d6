"""MNIST from IDX files (gzipped or not), and the book's slice of it (BOOK.md section 1.6)."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from learning.datasets import DatasetError, DatasetMissing
from learning.datasets.locate import find

FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def read_idx(path: Path) -> np.ndarray:
    """An IDX file (magic 2049 labels, 2051 images) as a uint8 array; checks the magic and the size."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as f:
            data = f.read()
    except (OSError, EOFError) as exc:
        raise DatasetError(f"{path.name}: cannot be read ({exc})") from None
    if len(data) < 8:
        raise DatasetError(f"{path.name}: too short to be an IDX file")
    magic = int.from_bytes(data[0:4], "big")
    if magic not in (2049, 2051):
        raise DatasetError(f"{path.name}: wrong magic number {magic} (IDX labels are 2049, images 2051)")
    dims = 1 if magic == 2049 else 3
    header = 4 + 4 * dims
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims))
    expected = header + int(np.prod(shape))
    if len(data) != expected:
        raise DatasetError(f"{path.name}: {len(data)} bytes, but its header promises {expected}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def _find(stem: str, folder: Path | None) -> Path | None:
    for name in (f"mnist/{stem}.gz", f"mnist/{stem}", f"{stem}.gz", stem):
        path = find(name, folder)
        if path is not None:
            return path
    return None


def one_hot(labels: np.ndarray) -> np.ndarray:
    """Labels 0..9 as rows of a float64 one-hot matrix."""
    out = np.zeros((len(labels), 10))
    out[np.arange(len(labels)), labels] = 1.0
    return out


@dataclass
class MnistBook:
    """The book's MNIST: 1,000 training images and the test images, pixels / 255, labels one-hot."""

    images: np.ndarray  # (1000, 784) float64
    labels: np.ndarray  # (1000, 10)
    test_images: np.ndarray  # (10000, 784), or (9000, 784) in sample mode
    test_labels: np.ndarray
    sample_mode: bool  # True: the training file was absent; training uses test images 0-999
    source: str  # the folder the files came from


def book_mnist(folder: Path | None = None, train_count: int = 1000) -> MnistBook:
    """The book's slice; without the training files, "sample mode": train on test images 0-999 and
    test on 1000-9999 (behaviour only, not comparable with the book's numbers)."""
    test_images_path = _find(FILES["test_images"], folder)
    test_labels_path = _find(FILES["test_labels"], folder)
    train_images_path = _find(FILES["train_images"], folder)
    train_labels_path = _find(FILES["train_labels"], folder)
    if test_images_path is None or test_labels_path is None:
        raise DatasetMissing("mnist", "MNIST test images and labels (t10k-*-idx*-ubyte.gz) were not found")
    test_x = read_idx(test_images_path)
    test_y = read_idx(test_labels_path)
    if len(test_x) != len(test_y):
        raise DatasetError(f"MNIST test set: {len(test_x)} images but {len(test_y)} labels")
    scale = lambda x: x.reshape(len(x), -1) / 255  # noqa: E731 - division, as the book does
    if train_images_path is not None and train_labels_path is not None:
        train_x = read_idx(train_images_path)[:train_count]
        train_y = read_idx(train_labels_path)[:train_count]
        return MnistBook(scale(train_x), one_hot(train_y), scale(test_x), one_hot(test_y), False,
                         str(train_images_path.parent))
    return MnistBook(scale(test_x[:train_count]), one_hot(test_y[:train_count]), scale(test_x[train_count:]),
                     one_hot(test_y[train_count:]), True, str(test_images_path.parent))
