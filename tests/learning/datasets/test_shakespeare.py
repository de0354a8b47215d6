"""Shakespeare: corpora read as the book reads them, the sorted character vocabulary, the real files."""

from __future__ import annotations

import numpy as np
import pytest

from learning.datasets import DatasetError, DatasetMissing, shakespeare
from learning.datasets._files import file_sha256
from learning.datasets.registry import get
from tests.learning.datasets.helpers import need


def test_read_corpus_turns_line_ends_into_newlines(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"To be,\r\nor not\rto be.\n")
    assert shakespeare.read_corpus(path) == "To be,\nor not\nto be.\n"


def test_empty_and_non_utf8_files_are_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Roméo".encode("latin-1"))
    with pytest.raises(DatasetError, match="empty"):
        shakespeare.read_corpus(tmp_path / "empty.txt")
    with pytest.raises(DatasetError, match="not UTF-8"):
        shakespeare.read_corpus(tmp_path / "latin1.txt")


def test_vocabulary_is_sorted_with_newline_and_space_first():
    assert shakespeare.char_vocabulary("ba a\nB") == ["\n", " ", "B", "a", "b"]


def test_encode_and_unknown_character():
    vocab = ["\n", " ", "a", "b"]
    assert shakespeare.encode("ab a\n", vocab).tolist() == [2, 3, 1, 2, 0]
    with pytest.raises(DatasetError, match="'z'"):
        shakespeare.encode("az", vocab)


def test_streams_are_contiguous_slices():
    # 11 characters in 3 streams of 3: stream s = indices[3s : 3s+3], the last two unused
    assert shakespeare.streams(np.arange(11), 3).tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
    with pytest.raises(DatasetError):
        shakespeare.streams(np.arange(2), 3)


def test_the_books_name_is_found_too(isolated):
    folder = isolated / "data" / "shakespeare"
    folder.mkdir(parents=True)
    (folder / "shakespear.txt").write_text("O Romeo")
    assert shakespeare.book_shakespeare(isolated / "data") == "O Romeo"
    with pytest.raises(DatasetMissing) as info:
        shakespeare.tiny_shakespeare(isolated / "data")
    assert info.value.name == "tinyshakespeare"


def test_real_book_file(shared_data):
    path = need(shared_data / "shakespeare" / "book-shakespear.txt")
    text = shakespeare.read_corpus(path)
    assert len(text) == 99_993 and text.isascii()
    vocab = shakespeare.char_vocabulary(text)
    assert len(vocab) == 62 and vocab[:2] == ["\n", " "]
    # chapter 14's batching: 16 streams of floor(99993 / 16) = 6249
    indices = shakespeare.encode(text, vocab)
    s = shakespeare.streams(indices, 16)
    assert s.shape == (16, 6249) and s[1, 0] == vocab.index(text[6249])
    assert file_sha256(path) == get("shakespeare").files[0].sha256


def test_real_tiny_shakespeare(shared_data):
    path = need(shared_data / "shakespeare" / "tinyshakespeare.txt")
    text = shakespeare.read_corpus(path)
    assert len(text) == 1_115_394 and text.startswith("First Citizen:")
    assert file_sha256(path) == get("tinyshakespeare").files[0].sha256
