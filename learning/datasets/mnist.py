"""MNIST from IDX files (gzipped or not), and the book's slices of it (BOOK.md section 1.6).

The book (chapters 8-10) trains on the first 1,000 training images and tests on all 10,000 test images,
pixels divided by 255, labels one-hot. Without the training files ("sample mode") it trains on test
images 0-999 and tests on 1000-9999: behaviour only, not comparable with the book's numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from learning.datasets import DatasetError, DatasetMissing
from learning.datasets._files import read_bytes
from learning.datasets.locate import candidates, data_dirs

FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}
LABELS_MAGIC = 2049  # 0x00000801: unsigned bytes, one dimension
IMAGES_MAGIC = 2051  # 0x00000803: unsigned bytes, three dimensions
TRAIN_COUNT = 60_000
TEST_COUNT = 10_000
SIDE = 28
BOOK_TRAIN_COUNT = 1000


def read_idx(path: Path) -> np.ndarray:
    """An IDX file (magic 2049 labels, 2051 images) as a uint8 array; checks the magic and the size."""
    path = Path(path)
    data = read_bytes(path)
    if len(data) < 8:
        raise DatasetError(f"{path.name}: too short to be an IDX file ({len(data)} bytes)")
    magic = int.from_bytes(data[0:4], "big")
    if magic not in (LABELS_MAGIC, IMAGES_MAGIC):
        raise DatasetError(f"{path.name}: wrong magic number {magic} (IDX labels are 2049, images 2051)")
    dims = 1 if magic == LABELS_MAGIC else 3
    header = 4 + 4 * dims
    if len(data) < header:
        raise DatasetError(f"{path.name}: the IDX header is cut short")
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims))
    expected = header + int(np.prod(shape, dtype=np.int64))
    if len(data) != expected:
        raise DatasetError(f"{path.name}: {len(data)} bytes, but its header {shape} promises {expected}")
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(shape)


def read_images(path: Path) -> np.ndarray:
    """An IDX image file as uint8 (count, 28, 28); refuses a label file or images of another size."""
    array = read_idx(path)
    if array.ndim != 3:
        raise DatasetError(f"{Path(path).name}: a label file (magic 2049), not images (magic 2051)")
    if array.shape[1:] != (SIDE, SIDE):
        raise DatasetError(f"{Path(path).name}: images of {array.shape[1]}x{array.shape[2]} pixels, not 28x28")
    return array


def read_labels(path: Path) -> np.ndarray:
    """An IDX label file as uint8 (count,); refuses an image file or labels outside 0-9."""
    array = read_idx(path)
    if array.ndim != 1:
        raise DatasetError(f"{Path(path).name}: an image file (magic 2051), not labels (magic 2049)")
    if array.size and int(array.max()) > 9:
        raise DatasetError(f"{Path(path).name}: label {int(array.max())} is not a digit 0-9")
    return array


def read_pair(images_path: Path, labels_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Images (count, 28, 28) and labels (count,) from two IDX files whose counts must agree."""
    images = read_images(images_path)
    labels = read_labels(labels_path)
    if len(images) != len(labels):
        raise DatasetError(f"{Path(images_path).name} holds {len(images)} images but "
                           f"{Path(labels_path).name} holds {len(labels)} labels")
    return images, labels


def scale(images: np.ndarray) -> np.ndarray:
    """Images as a float64 (count, 784) matrix, each pixel divided by 255 (division, as the book does)."""
    return images.reshape(len(images), -1) / 255


def one_hot(labels: np.ndarray) -> np.ndarray:
    """Labels 0..9 as rows of a float64 one-hot matrix (count, 10)."""
    out = np.zeros((len(labels), 10))
    out[np.arange(len(labels)), labels] = 1.0
    return out


def book_train(images: np.ndarray, labels: np.ndarray, count: int = BOOK_TRAIN_COUNT) -> tuple[np.ndarray, np.ndarray]:
    """The book's training slice: the first `count` images (count, 784) / 255 and one-hot labels (count, 10)."""
    return scale(images[:count]), one_hot(labels[:count])


def book_test(images: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The book's test set: all test images (count, 784) / 255 and one-hot labels (count, 10)."""
    return scale(images), one_hot(labels)


def sample_split(images: np.ndarray, labels: np.ndarray,
                 train_count: int = BOOK_TRAIN_COUNT) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sample mode: test images 0..train_count-1 to train, the rest to test (scaled, one-hot)."""
    if not 0 < train_count < len(images):
        raise DatasetError(f"cannot split {len(images)} test images into {train_count} to train and the rest to test")
    train_x, train_y = book_train(images, labels, train_count)
    test_x, test_y = book_test(images[train_count:], labels[train_count:])
    return train_x, train_y, test_x, test_y


@dataclass(frozen=True)
class MnistFiles:
    """The IDX files found in one folder; the training pair may be absent (sample mode)."""

    test_images: Path
    test_labels: Path
    train_images: Path | None
    train_labels: Path | None

    @property
    def complete(self) -> bool:
        """True when all four files are there."""
        return self.train_images is not None and self.train_labels is not None

    def paths(self) -> list[Path]:
        """The files that exist."""
        return [p for p in (self.train_images, self.train_labels, self.test_images, self.test_labels) if p]


def _one(folder: Path, stem: str) -> Path | None:
    for name in (f"{stem}.gz", stem):
        if (folder / name).is_file():
            return folder / name
    return None


def locate(root: Path) -> MnistFiles | None:
    """The MNIST files in `root/mnist` or `root` (gzipped or not), or None without at least the test pair."""
    for folder in candidates(root, "mnist"):
        found = {key: _one(folder, stem) for key, stem in FILES.items()}
        if found["test_images"] and found["test_labels"]:
            return MnistFiles(found["test_images"], found["test_labels"], found["train_images"],
                              found["train_labels"])
    return None


def find_files(folder: Path | None = None) -> MnistFiles:
    """The best MNIST files among the data folders: the first complete set, else the first test pair."""
    found = [f for f in (locate(root) for root in data_dirs(folder)) if f is not None]
    for files in found:
        if files.complete:
            return files
    if found:
        return found[0]
    raise DatasetMissing("mnist", "MNIST test images and labels (t10k-*-idx*-ubyte.gz) were not found")


@dataclass
class MnistBook:
    """The book's MNIST: 1,000 training images and the test images, pixels / 255, labels one-hot."""

    images: np.ndarray  # (1000, 784) float64
    labels: np.ndarray  # (1000, 10)
    test_images: np.ndarray  # (10000, 784), or (9000, 784) in sample mode
    test_labels: np.ndarray
    sample_mode: bool  # True: the training file was absent; training uses test images 0-999
    source: str  # the folder the files came from


def book_mnist(folder: Path | None = None, train_count: int = BOOK_TRAIN_COUNT) -> MnistBook:
    """The book's slice; without the training files, "sample mode": train on test images 0-999 and
    test on 1000-9999 (behaviour only, not comparable with the book's numbers)."""
    files = find_files(folder)
    test_x, test_y = read_pair(files.test_images, files.test_labels)
    if files.complete:
        assert files.train_images is not None and files.train_labels is not None
        train_x, train_y = read_pair(files.train_images, files.train_labels)
        images, labels = book_train(train_x, train_y, train_count)
        test_images, test_labels = book_test(test_x, test_y)
        return MnistBook(images, labels, test_images, test_labels, False, str(files.train_images.parent))
    images, labels, test_images, test_labels = sample_split(test_x, test_y, train_count)
    return MnistBook(images, labels, test_images, test_labels, True, str(files.test_images.parent))
