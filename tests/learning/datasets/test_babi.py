"""bAbI task 1: the line format checked, the book's tokens, and the real files."""

from __future__ import annotations

import pytest

from learning.datasets import DatasetError, DatasetMissing, babi
from learning.datasets._files import file_sha256
from learning.datasets.registry import get
from tests.learning.datasets.helpers import need

STORY = ("1 Mary moved to the bathroom.\n"
         "2 John went to the hallway.\n"
         "3 Where is Mary? \tbathroom\t1\n")


def test_read_task_keeps_readlines_form(tmp_path):
    path = tmp_path / babi.TRAIN
    path.write_text(STORY)
    assert babi.read_task(path) == STORY.splitlines(keepends=True)


def test_malformed_line_is_an_error_with_its_number(tmp_path):
    path = tmp_path / babi.TRAIN
    path.write_text(STORY + "Mary went home.\n")
    with pytest.raises(DatasetError, match="line 4"):
        babi.read_task(path)


def test_question_without_supporting_fact_is_an_error(tmp_path):
    path = tmp_path / babi.TRAIN
    path.write_text("1 Where is Mary?\tbathroom\n")
    with pytest.raises(DatasetError, match="line 1"):
        babi.read_task(path)


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / babi.TRAIN
    path.write_text("")
    with pytest.raises(DatasetError, match="empty"):
        babi.read_task(path)


def test_tokens_drop_the_id_and_keep_the_answer_token():
    tokens = babi.tokenize(STORY.splitlines(keepends=True))
    assert tokens[0] == ["mary", "moved", "to", "the", "bathroom."]
    assert tokens[2] == ["where", "is", "mary?", "\tbathroom\t1"]
    assert babi.vocabulary(tokens)[:3] == ["\tbathroom\t1", "bathroom.", "hallway."]
    assert babi.pad_left(tokens)[2] == ["-", "-", "where", "is", "mary?", "\tbathroom\t1"]


def test_book_babi_needs_enough_lines(isolated):
    folder = isolated / "data" / "babi" / "tasksv11" / "en"  # where the book's notebook keeps it
    folder.mkdir(parents=True)
    (folder / babi.TRAIN).write_text(STORY)
    assert babi.book_babi(isolated / "data", count=2) == STORY.splitlines(keepends=True)[:2]
    with pytest.raises(DatasetError, match="3 lines, the book reads 1000"):
        babi.book_babi(isolated / "data")


def test_book_babi_absent(isolated):
    with pytest.raises(DatasetMissing):
        babi.book_babi(isolated / "empty")


def test_real_task_1(shared_data):
    train = need(shared_data / "babi" / babi.TRAIN)
    test = need(shared_data / "babi" / babi.TEST)
    train_lines, test_lines = babi.read_task(train), babi.read_task(test)
    assert len(train_lines) == len(test_lines) == 3000
    assert sum("\t" in line for line in train_lines) == 1000  # 1,000 questions
    assert sum(line.startswith("1 ") for line in train_lines) == 200  # 200 stories
    tokens = babi.tokenize(train_lines[:1000])
    assert len(babi.vocabulary(tokens)) == 82  # BOOK.md, ch12.rnn-babi
    assert len(babi.vocabulary(babi.pad_left(tokens))) == 83  # BOOK.md, ch13.rnn-babi (with "-")
    sums = {m.name: m.sha256 for m in get("babi").files[0].members}
    assert file_sha256(train) == sums[babi.TRAIN] and file_sha256(test) == sums[babi.TEST]
