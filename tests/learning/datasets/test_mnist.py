"""MNIST: IDX files written by the test (good and malformed), the book's slices, and the real test set."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from learning.datasets import DatasetError, DatasetMissing, mnist
from learning.datasets._files import file_md5, file_sha256
from learning.datasets.registry import get
from tests.learning.datasets.helpers import need, truncate, write_idx


def images(count: int, seed: int = 0) -> np.ndarray:
    return np.random.RandomState(seed).randint(0, 256, size=(count, 28, 28)).astype(np.uint8)


def labels(count: int) -> np.ndarray:
    return (np.arange(count) * 7 % 10).astype(np.uint8)


# -- IDX reading ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz"])
def test_read_idx_plain_and_gzipped(tmp_path, name):
    data = images(5)
    read = mnist.read_idx(write_idx(tmp_path / name, data))
    assert read.dtype == np.uint8 and read.shape == (5, 28, 28)
    np.testing.assert_array_equal(read, data)


def test_gzip_is_recognised_by_content_not_by_name(tmp_path):
    path = write_idx(tmp_path / "labels-without-suffix", labels(12), gz=True)
    np.testing.assert_array_equal(mnist.read_labels(path), labels(12))


def test_wrong_magic_number(tmp_path):
    path = tmp_path / "bad-idx3-ubyte"
    path.write_bytes((2050).to_bytes(4, "big") + (1).to_bytes(4, "big") + b"\x00")
    with pytest.raises(DatasetError, match="wrong magic number 2050"):
        mnist.read_idx(path)


def test_truncated_gzip(tmp_path):
    path = truncate(write_idx(tmp_path / "t10k-images-idx3-ubyte.gz", images(50)), 0.6)
    with pytest.raises(DatasetError, match="truncated"):
        mnist.read_idx(path)


def test_damaged_gzip(tmp_path):
    path = write_idx(tmp_path / "x.gz", images(3))
    data = bytearray(path.read_bytes())
    data[-8] ^= 0xFF  # the CRC of the uncompressed data
    path.write_bytes(bytes(data))
    with pytest.raises(DatasetError, match="damaged"):
        mnist.read_idx(path)


def test_payload_shorter_than_header_promises(tmp_path):
    path = tmp_path / "short-idx3-ubyte"
    full = write_idx(tmp_path / "full", images(4)).read_bytes()
    path.write_bytes(full[:-10])
    with pytest.raises(DatasetError, match="promises"):
        mnist.read_idx(path)


def test_too_short_file(tmp_path):
    path = tmp_path / "tiny"
    path.write_bytes(b"\x00\x00")
    with pytest.raises(DatasetError, match="too short"):
        mnist.read_idx(path)


def test_wrong_label_count(tmp_path):
    x = write_idx(tmp_path / "i.gz", images(10))
    y = write_idx(tmp_path / "l.gz", labels(9))
    with pytest.raises(DatasetError, match="10 images but .* 9 labels"):
        mnist.read_pair(x, y)


def test_label_file_where_images_are_expected_and_back(tmp_path):
    x = write_idx(tmp_path / "i", images(3))
    y = write_idx(tmp_path / "l", labels(3))
    with pytest.raises(DatasetError, match="not images"):
        mnist.read_images(y)
    with pytest.raises(DatasetError, match="not labels"):
        mnist.read_labels(x)


def test_labels_must_be_digits(tmp_path):
    y = write_idx(tmp_path / "l", np.array([1, 2, 10], dtype=np.uint8))
    with pytest.raises(DatasetError, match="label 10"):
        mnist.read_labels(y)


def test_images_must_be_28_by_28(tmp_path):
    x = write_idx(tmp_path / "i", np.zeros((2, 27, 28), dtype=np.uint8))
    with pytest.raises(DatasetError, match="27x28"):
        mnist.read_images(x)


def test_missing_file_is_a_dataset_error(tmp_path):
    with pytest.raises(DatasetError, match="cannot be read"):
        mnist.read_idx(tmp_path / "nothing.gz")


# -- the book's slices ---------------------------------------------------------------------------------------

def test_scale_divides_by_255_and_flattens():
    x = np.array([[[0, 255], [51, 1]]], dtype=np.uint8)
    scaled = mnist.scale(x)
    assert scaled.dtype == np.float64 and scaled.shape == (1, 4)
    assert scaled.tolist() == [[0.0, 1.0, 51 / 255, 1 / 255]]


def test_one_hot():
    assert mnist.one_hot(np.array([3, 0])).tolist() == [[0, 0, 0, 1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]]


def test_book_train_takes_the_first_images_in_file_order():
    x, y = images(20), labels(20)
    train_x, train_y = mnist.book_train(x, y, 5)
    assert train_x.shape == (5, 784) and train_y.shape == (5, 10)
    np.testing.assert_array_equal(train_x, x[:5].reshape(5, 784) / 255)
    assert train_y.argmax(1).tolist() == y[:5].tolist()


def test_sample_split_refuses_impossible_counts():
    with pytest.raises(DatasetError, match="cannot split"):
        mnist.sample_split(images(10), labels(10), 10)


def test_book_mnist_with_all_four_files(isolated):
    root = isolated / "data"
    train_x, train_y, test_x, test_y = images(30, 1), labels(30), images(12, 2), labels(12)[::-1].copy()
    write_idx(root / "mnist" / "train-images-idx3-ubyte.gz", train_x)
    write_idx(root / "mnist" / "train-labels-idx1-ubyte.gz", train_y)
    write_idx(root / "mnist" / "t10k-images-idx3-ubyte", test_x)  # uncompressed works too
    write_idx(root / "mnist" / "t10k-labels-idx1-ubyte.gz", test_y)
    book = mnist.book_mnist(root, train_count=20)
    assert not book.sample_mode
    assert book.images.shape == (20, 784) and book.test_images.shape == (12, 784)
    np.testing.assert_array_equal(book.images, train_x[:20].reshape(20, 784) / 255)
    assert book.test_labels.argmax(1).tolist() == test_y.tolist()
    assert book.source == str(root / "mnist")


def test_book_mnist_sample_mode_without_training_files(isolated):
    root = isolated / "data"
    test_x, test_y = images(25, 3), labels(25)
    write_idx(root / "t10k-images-idx3-ubyte.gz", test_x)  # directly in the chosen folder
    write_idx(root / "t10k-labels-idx1-ubyte.gz", test_y)
    book = mnist.book_mnist(root, train_count=10)
    assert book.sample_mode
    np.testing.assert_array_equal(book.images, test_x[:10].reshape(10, 784) / 255)
    np.testing.assert_array_equal(book.test_images, test_x[10:].reshape(15, 784) / 255)
    assert book.test_labels.argmax(1).tolist() == test_y[10:].tolist()


def test_a_complete_copy_in_a_later_folder_beats_a_partial_one(isolated, monkeypatch):
    partial, complete = isolated / "partial", isolated / "complete"
    for root in (partial, complete):
        write_idx(root / "mnist" / "t10k-images-idx3-ubyte.gz", images(12))
        write_idx(root / "mnist" / "t10k-labels-idx1-ubyte.gz", labels(12))
    write_idx(complete / "mnist" / "train-images-idx3-ubyte.gz", images(8))
    write_idx(complete / "mnist" / "train-labels-idx1-ubyte.gz", labels(8))
    monkeypatch.setenv("GROKKING_DATA", str(complete))
    book = mnist.book_mnist(partial, train_count=5)
    assert not book.sample_mode and book.source == str(complete / "mnist")


def test_book_mnist_absent(isolated):
    with pytest.raises(DatasetMissing) as info:
        mnist.book_mnist(isolated / "empty")
    assert info.value.name == "mnist"


def test_book_mnist_wrong_label_count_in_the_data_folder(isolated):
    root = isolated / "data"
    write_idx(root / "mnist" / "t10k-images-idx3-ubyte.gz", images(12))
    write_idx(root / "mnist" / "t10k-labels-idx1-ubyte.gz", labels(11))
    with pytest.raises(DatasetError, match="12 images but .* 11 labels"):
        mnist.book_mnist(root, train_count=5)


# -- the real test set (GROKKING_DATA) -------------------------------------------------------------------------

def test_real_test_set(shared_data):
    x, y = mnist.read_pair(need(shared_data / "mnist" / "t10k-images-idx3-ubyte.gz"),
                           need(shared_data / "mnist" / "t10k-labels-idx1-ubyte.gz"))
    assert x.shape == (10_000, 28, 28)
    assert y[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    # MNIST's published class sizes of the test set
    assert np.bincount(y).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_real_sample_mode_split(shared_data, monkeypatch):
    need(shared_data / "mnist" / "t10k-images-idx3-ubyte.gz")
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_data / "no-such-cache"))
    book = mnist.book_mnist(shared_data / "mnist")
    if not book.sample_mode:
        pytest.skip("the data folder holds the training files too: no sample mode to check")
    assert book.images.shape == (1000, 784) and book.labels.shape == (1000, 10)
    assert book.test_images.shape == (9000, 784) and book.test_labels.shape == (9000, 10)
    assert book.labels[0].argmax() == 7 and book.images.max() == 1.0 and book.images.min() == 0.0


def test_real_files_match_the_registry_and_the_published_md5(shared_data):
    need(shared_data / "mnist" / "t10k-images-idx3-ubyte.gz")
    for file in get("mnist").files:
        path = shared_data / "mnist" / file.name
        if not path.exists():
            continue
        assert path.stat().st_size == file.size
        assert file_md5(path) == file.md5
        assert file_sha256(path) == file.sha256
        with gzip.open(path) as f:
            assert int.from_bytes(f.read(4), "big") in (mnist.IMAGES_MAGIC, mnist.LABELS_MAGIC)
