"""Where the loaders look and what they say when nothing is there: files the tests write themselves."""

from __future__ import annotations

import pytest

from learning.datasets import DatasetError, DatasetMissing, babi, enron, shakespeare


def test_enron_prefers_the_books_lists_then_an_extracted_set_then_its_archive(tmp_path):
    root = tmp_path / "data"
    folder = root / "enron"
    (folder / "enron2" / "ham").mkdir(parents=True)
    assert enron.locate(root, 2) is None  # ham without spam is not a set
    (folder / "enron2" / "spam").mkdir()
    found = enron.locate(root, 2)
    assert (found.kind, found.path) == ("folder", folder / "enron2")
    assert enron.locate(root, 1) is None
    (folder / "enron1.tar.gz").write_bytes(b"")
    found = enron.locate(root, 1)
    assert (found.kind, found.path) == ("archive", folder / "enron1.tar.gz")
    (folder / enron.SPAM).write_text("spam line\n")
    assert enron.locate(root, 1).kind == "archive"  # spam.txt without ham.txt is not the book's pair
    (folder / enron.HAM).write_text("ham line\n")
    found = enron.locate(root, 2)
    assert (found.kind, found.path) == ("book", folder)
    (folder / "enron2").rename(tmp_path / "x")
    (folder / "ham").mkdir()
    (folder / "spam").mkdir()
    (folder / enron.SPAM).unlink()
    found = enron.locate(root, 5)
    assert (found.kind, found.path) == ("folder", folder)  # a set extracted straight into enron/


def test_enron_book_list_must_not_be_empty(tmp_path):
    empty = tmp_path / "spam.txt"
    empty.write_bytes(b"")
    with pytest.raises(DatasetError, match="spam.txt: the file is empty"):
        enron.read_book_list(empty)


def test_babi_lines_keep_their_newlines_and_crlf_counts_once(tmp_path):
    path = tmp_path / "qa1_single-supporting-fact_train.txt"
    path.write_bytes(b"1 Mary moved to the bathroom.\r\n2 Where is Mary? \tbathroom\t1\r\n3 John went home.")
    assert babi.read_task(path) == ["1 Mary moved to the bathroom.\n", "2 Where is Mary? \tbathroom\t1\n",
                                    "3 John went home."]
    path.write_bytes(b"1 Mary moved to the bathroom.\n")
    assert babi.read_task(path) == ["1 Mary moved to the bathroom.\n"]
    path.write_bytes(b"1 fine.\nnot a line\n")
    with pytest.raises(DatasetError, match=r"line 2: not a bAbI line .*'not a line'$"):
        babi.read_task(path)
    path.write_bytes(b"")
    with pytest.raises(DatasetError, match="the file is empty"):
        babi.read_task(path)


def test_missing_texts_name_their_data_set(tmp_path, monkeypatch):
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(DatasetMissing, match=r"book-shakespear\.txt\) was not found") as info:
        shakespeare.book_shakespeare(tmp_path)
    assert info.value.name == "shakespeare"
    with pytest.raises(DatasetMissing, match="tinyshakespeare.txt was not found") as info:
        shakespeare.tiny_shakespeare(tmp_path)
    assert info.value.name == "tinyshakespeare"
    (tmp_path / "shakespeare").mkdir()
    (tmp_path / "shakespeare" / "tinyshakespeare.txt").write_text("First Citizen:\nBefore we proceed\n")
    assert shakespeare.tiny_shakespeare(tmp_path) == "First Citizen:\nBefore we proceed\n"  # the chosen folder
