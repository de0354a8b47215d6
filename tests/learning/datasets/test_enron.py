"""Enron-Spam: one file per e-mail into the book's one-e-mail-per-line lists, archives, the real set 1."""

from __future__ import annotations

import pytest

from learning.datasets import DatasetError, DatasetMissing, enron
from learning.datasets._files import file_sha256
from learning.datasets.registry import get
from tests.learning.datasets.helpers import need, truncate, write_tar


def test_email_line_replaces_every_line_break_with_a_space():
    assert enron.email_line(b"Subject: hi\r\nline two\nthree\r\n") == "Subject: hi line two three "
    assert enron.email_line(b"caf\xc3\xa9 \xff ok") == "café  ok"  # invalid UTF-8 is ignored


def test_folder_in_sorted_name_order(tmp_path):
    (tmp_path / "ham").mkdir()
    (tmp_path / "ham" / "2.txt").write_bytes(b"second\r\n")
    (tmp_path / "ham" / "10.txt").write_bytes(b"first")
    assert enron.emails_from_folder(tmp_path / "ham") == ["first", "second "]


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "spam").mkdir()
    with pytest.raises(DatasetError, match="no e-mails"):
        enron.emails_from_folder(tmp_path / "spam")


def test_archive_and_extracted_folder_agree(tmp_path):
    files = {"enron9/ham/b.txt": b"ham b\r\n", "enron9/ham/a.txt": b"ham a", "enron9/spam/x.txt": b"buy\r\nnow",
             "enron9/Summary.txt": b"not an e-mail"}
    archive = write_tar(tmp_path / "enron9.tar.gz", files)
    data = enron.read_set(archive)
    assert data.ham == ["ham a", "ham b "] and data.spam == ["buy now"]
    for name, content in files.items():
        (tmp_path / "x" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "x" / name).write_bytes(content)
    folder = enron.read_set(tmp_path / "x" / "enron9")
    assert (folder.ham, folder.spam) == (data.ham, data.spam)


def test_archive_without_spam_is_an_error(tmp_path):
    archive = write_tar(tmp_path / "enron1.tar.gz", {"enron1/ham/a.txt": b"x"})
    with pytest.raises(DatasetError, match="no spam"):
        enron.read_set(archive)


def test_truncated_archive_is_an_error(tmp_path):
    files = {f"enron1/ham/{i}.txt": bytes(range(256)) * 50 for i in range(40)}
    archive = truncate(write_tar(tmp_path / "enron1.tar.gz", files), 0.4)
    with pytest.raises(DatasetError, match="truncated"):
        enron.read_set(archive)


def test_book_list_strips_the_last_two_characters(tmp_path):
    path = tmp_path / "spam.txt"
    path.write_bytes(b"win money\r\ncheap\r\nlast line no crlf")
    # the book's row[:-2]: CR LF removed, and two real characters from a line without them
    assert enron.read_book_list(path) == ["win money", "cheap", "last line no cr"]


def test_book_list_round_trip(tmp_path):
    emails = [enron.email_line(b"a\r\nb"), "c d", enron.email_line(b"x\x0cy\xe2\x80\xa8z")]
    enron.write_book_list(emails, tmp_path / "ham.txt")
    assert enron.read_book_list(tmp_path / "ham.txt") == emails
    with pytest.raises(DatasetError, match="line break"):
        enron.write_book_list(["a\nb"], tmp_path / "bad.txt")


def test_book_enron_prefers_the_books_lists(isolated):
    folder = isolated / "data" / "enron"
    folder.mkdir(parents=True)
    write_tar(folder / "enron1.tar.gz", {"enron1/ham/a.txt": b"h", "enron1/spam/b.txt": b"s"})
    book = enron.book_enron(isolated / "data")
    assert book.substitute and (book.ham, book.spam) == (["h"], ["s"])
    enron.write_book_list(["spam one"], folder / "spam.txt")
    enron.write_book_list(["ham one", "ham two"], folder / "ham.txt")
    book = enron.book_enron(isolated / "data")
    assert not book.substitute and book.spam == ["spam one"] and book.ham == ["ham one", "ham two"]


def test_book_enron_absent_and_bad_set(isolated):
    with pytest.raises(DatasetMissing):
        enron.book_enron(isolated / "empty")
    with pytest.raises(DatasetError, match="sets 1 to 6"):
        enron.book_enron(isolated / "empty", which=7)


def test_real_enron1(shared_data):
    archive = need(shared_data / "enron" / "enron1.tar.gz")
    data = enron.read_set(archive)
    assert len(data.ham) == 3672 and len(data.spam) == 1500
    assert all("\n" not in e and "\r" not in e for e in data.ham + data.spam)
    assert data.spam[0].startswith("Subject: ")
    assert file_sha256(archive) == get("enron").files[0].sha256
