"""IMDB: the book's cleaning rule, the interleaved order, the book's files, archives, and the real sample."""

from __future__ import annotations

import re

import pytest

from learning.datasets import DatasetError, DatasetMissing, imdb
from learning.datasets._files import file_sha256
from learning.datasets.registry import IMDB_LABELS_SHA256
from tests.learning.datasets.helpers import need, truncate, write_tar


def write_reviews(train, pos: dict[str, str], neg: dict[str, str]):
    for side, files in (("pos", pos), ("neg", neg)):
        (train / side).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (train / side / name).write_text(text, encoding="utf-8")
    return train


# -- the cleaning rule ----------------------------------------------------------------------------------------

def test_clean_review_by_the_book_rule():
    raw = 'Great "film"! 10/10.<br />Loved it... Ça va'
    # worked by hand: 8 characters between "film" and "." become spaces, each '.' gets a space before it,
    # the tag's "<" and " />" become spaces, and "Ç" (not a-z) becomes a space.
    assert imdb.clean_review(raw) == "great  film" + " " * 9 + ". br   loved it . . .  a va"


def test_clean_review_keeps_only_a_to_z_dot_and_space():
    cleaned = imdb.clean_review("ÀÉ x\tY\nz's 42 — ok.")
    assert set(cleaned) <= set("abcdefghijklmnopqrstuvwxyz. ")
    assert cleaned == "   x y z s      ok ."


def test_tokens_and_sorted_vocabulary():
    reviews = ["b a  c .\n", "a z\n"]
    assert imdb.tokens(reviews[0]) == ["b", "a", "c", "."]
    assert imdb.vocabulary(reviews) == [".", "a", "b", "c", "z"]


def test_targets():
    assert imdb.targets(["positive", "negative", "positive"]) == [1, 0, 1]


# -- folders and archives -------------------------------------------------------------------------------------

def test_folders_interleave_in_sorted_file_name_order(tmp_path):
    # sorted() puts "10_1.txt" before "2_7.txt": code-point order, as the book's rule says
    train = write_reviews(tmp_path / "train", {"2_7.txt": "Pos two", "10_1.txt": "Pos ten"},
                          {"5_2.txt": "Neg five", "0_3.txt": "Neg zero"})
    reviews, labels = imdb.reviews_from_folders(train)
    assert reviews == ["pos ten\n", "neg zero\n", "pos two\n", "neg five\n"]
    assert labels == ["positive", "negative", "positive", "negative"]


def test_unequal_folders_are_an_error(tmp_path):
    train = write_reviews(tmp_path / "train", {"0_9.txt": "a", "1_9.txt": "b"}, {"0_1.txt": "c"})
    with pytest.raises(DatasetError, match="2 reviews but train/neg 1"):
        imdb.reviews_from_folders(train)


def test_empty_folders_are_an_error(tmp_path):
    train = write_reviews(tmp_path / "train", {}, {})
    with pytest.raises(DatasetError, match="no reviews"):
        imdb.reviews_from_folders(train)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(DatasetError, match="does not exist"):
        imdb.reviews_from_folders(tmp_path / "nothing")


def test_archive_reads_train_pos_and_neg_only(tmp_path):
    archive = write_tar(tmp_path / imdb.ARCHIVE, {
        "aclImdb/train/pos/1_8.txt": b"Second positive.",
        "aclImdb/train/pos/0_9.txt": b"First positive!",
        "aclImdb/train/neg/0_2.txt": b"First negative",
        "aclImdb/train/neg/1_1.txt": b"Second negative",
        "aclImdb/test/pos/0_10.txt": b"a test review is not read",
        "aclImdb/train/unsup/0_0.txt": b"neither is an unlabelled one",
        "aclImdb/README": b"readme",
    })
    reviews, labels = imdb.reviews_from_archive(archive)
    assert reviews == ["first positive \n", "first negative\n", "second positive .\n", "second negative\n"]
    assert labels == ["positive", "negative"] * 2


def test_truncated_archive_is_an_error(tmp_path):
    files = {f"aclImdb/train/{side}/{i}_5.txt": bytes(range(256)) * 40 for side in ("pos", "neg") for i in range(30)}
    archive = truncate(write_tar(tmp_path / imdb.ARCHIVE, files), 0.5)
    with pytest.raises(DatasetError, match="truncated"):
        imdb.reviews_from_archive(archive)


def test_not_an_archive_is_an_error(tmp_path):
    path = tmp_path / imdb.ARCHIVE
    path.write_bytes(b"this is not a tar file at all" * 20)
    with pytest.raises(DatasetError, match=imdb.ARCHIVE):
        imdb.reviews_from_archive(path)


# -- the book's files -----------------------------------------------------------------------------------------

def test_book_files_round_trip(tmp_path):
    reviews = ["one good film .\n", "bad\n", "fine\n"]
    labels = ["positive", "negative", "positive"]
    imdb.write_book_files(reviews, labels, tmp_path)
    assert (tmp_path / "labels.txt").read_text() == "positive\nnegative\npositive\n"
    assert imdb.read_book_pair(tmp_path / "reviews.txt", tmp_path / "labels.txt") == (reviews, labels)
    assert not list(tmp_path.glob("*.part"))


def test_wrong_label_count_is_an_error(tmp_path):
    (tmp_path / "reviews.txt").write_text("a\nb\nc\n")
    (tmp_path / "labels.txt").write_text("positive\nnegative\n")
    with pytest.raises(DatasetError, match="3 reviews but labels.txt has 2 labels"):
        imdb.read_book_pair(tmp_path / "reviews.txt", tmp_path / "labels.txt")


def test_bad_label_word_is_an_error(tmp_path):
    (tmp_path / "labels.txt").write_text("positive\nneutral\n")
    with pytest.raises(DatasetError, match="line 2: 'neutral'"):
        imdb.read_labels(tmp_path / "labels.txt")


def test_empty_reviews_file_is_an_error(tmp_path):
    (tmp_path / "reviews.txt").write_text("")
    with pytest.raises(DatasetError, match="empty"):
        imdb.read_reviews(tmp_path / "reviews.txt")


def test_book_imdb_prefers_a_complete_copy(isolated, monkeypatch):
    partial = write_reviews(isolated / "a" / "imdb" / "train", {"0_9.txt": "Yes"}, {"0_1.txt": "No"})
    full = isolated / "b" / "imdb"
    full.mkdir(parents=True)
    imdb.write_book_files(["x\n", "y\n"] * 12_500, ["positive", "negative"] * 12_500, full)
    monkeypatch.setenv("GROKKING_DATA", str(isolated / "b"))
    book = imdb.book_imdb(partial.parent.parent)
    assert book.source == str(full) and book.reviews[:3] == ["x\n", "y\n", "x\n"] and len(book.reviews) == 25_000
    assert not book.sample_mode


def test_book_files_with_fewer_reviews_are_a_sample(isolated):
    folder = isolated / "data" / "imdb"
    imdb.write_book_files(["x\n", "y\n"], ["positive", "negative"], folder)
    book = imdb.book_imdb(isolated / "data")
    assert book.sample_mode and book.labels == ["positive", "negative"]


def test_book_imdb_labels_beside_folders_must_agree(isolated):
    root = isolated / "data"
    write_reviews(root / "imdb" / "train", {"0_9.txt": "Yes"}, {"0_1.txt": "No"})
    (root / "imdb" / "labels.txt").write_text("negative\npositive\n")
    with pytest.raises(DatasetError, match="disagree"):
        imdb.book_imdb(root)


def test_book_imdb_absent(isolated):
    with pytest.raises(DatasetMissing) as info:
        imdb.book_imdb(isolated / "empty")
    assert info.value.name == "imdb"


# -- the real sample (GROKKING_DATA) --------------------------------------------------------------------------

def test_real_labels_file(shared_data):
    labels = imdb.read_labels(need(shared_data / "imdb" / "labels.txt"))
    assert len(labels) == 25_000 and labels[0] == "positive"
    assert labels.count("positive") == labels.count("negative") == 12_500
    assert file_sha256(shared_data / "imdb" / "labels.txt") == IMDB_LABELS_SHA256


def test_real_sample_reviews(shared_data, monkeypatch):
    need(shared_data / "imdb" / "train" / "pos")
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_data / "no-such-cache"))
    book = imdb.book_imdb(shared_data)
    assert len(book.reviews) == 2000 and book.sample_mode
    assert book.labels == ["positive", "negative"] * 1000
    assert len(list((shared_data / "imdb" / "train" / "pos").glob("*.txt"))) == 1000
    assert len(list((shared_data / "imdb" / "train" / "neg").glob("*.txt"))) == 1000
    assert all(re.fullmatch(r"[a-z. ]*\n", r) for r in book.reviews)


def test_real_review_0_by_the_book_rule(shared_data):
    train = need(shared_data / "imdb" / "train")
    assert sorted(p.name for p in (train / "pos").iterdir())[0] == "0_9.txt"
    reviews, _ = imdb.reviews_from_folders(train)
    review = reviews[0]
    # worked by hand from train/pos/0_9.txt ("... school life, such as "Teachers". My 35 years ...")
    assert review.startswith("bromwell high is a cartoon comedy . it ran at the same time as some other programs "
                             "about school life  such as  teachers  . my    years in the teaching profession")
    assert review.endswith("what a pity that it isn t \n")
    # "recalled ......... at .......... High. A classic line: INSPECTOR: I'm here": each '.' gets its own space
    assert "recalled  . . . . . . . . . at  . . . . . . . . . . high . a classic line  inspector  i m here" in review
    words = set(imdb.tokens(review))
    assert {"bromwell", "high", "s", "satire", "teachers", "inspector", "i", "m", "isn", "t", "."} <= words
    assert not words & {"35", "high's", "teachers'", "comedy.", "Bromwell", ""}
    assert all(w == "." or re.fullmatch("[a-z]+", w) for w in words)


def test_real_sample_file_sums(shared_data):
    sums = need(shared_data / "imdb" / "SHA256SUMS").read_text().split("\n")
    entries = [line.split() for line in sums if line.strip()]
    assert len(entries) == 2000
    for digest, name in entries[::97]:  # a spread of the 2,000 files
        assert file_sha256(shared_data / "imdb" / name) == digest
