"""The registry: HTTPS only, every download checked, sums agreeing with the real samples; what is present
where; imports from disk checked before they are copied."""

from __future__ import annotations

import gzip
import hashlib
import re
from urllib.parse import urlsplit

import numpy as np
import pytest

from learning.datasets import DatasetError, babi, locate, mnist, registry
from learning.datasets._files import file_md5, file_sha256
from learning.datasets.registry import DATASETS, Dataset, RemoteFile
from tests.learning.datasets.helpers import idx_bytes, need, write_idx, write_tar

HEX64 = re.compile(r"[0-9a-f]{64}")
HEX32 = re.compile(r"[0-9a-f]{32}")


# -- the entries ---------------------------------------------------------------------------------------------

def test_every_url_is_https():
    for ds in DATASETS.values():
        for file in ds.files:
            assert file.urls, file.name
            for url in file.urls:
                assert urlsplit(url).scheme == "https" and urlsplit(url).hostname, url
        assert ds.homepage.startswith("https://")


def test_every_download_is_checked():
    for ds in DATASETS.values():
        for file in ds.files:
            assert file.checked, file.name
            assert file.sha256 is None or HEX64.fullmatch(file.sha256), file.name
            assert file.md5 is None or HEX32.fullmatch(file.md5), file.name
            for member in file.members:
                assert HEX64.fullmatch(member.sha256), member.name


def test_names_and_experiments():
    assert set(DATASETS) == {"mnist", "imdb", "shakespeare", "tinyshakespeare", "babi", "enron"}
    assert registry.for_experiment("ch08.mnist-overfit") == "mnist"
    assert registry.for_experiment("ch11.word2vec") == "imdb"
    assert registry.for_experiment("ch13.rnn-babi") == "babi"
    assert registry.for_experiment("ch14.char-lstm") == "shakespeare"
    assert registry.for_experiment("ch15.paillier") == "enron"
    assert registry.for_experiment("ch04.alpha") is None
    with pytest.raises(DatasetError, match="unknown data set 'cifar'"):
        registry.get("cifar")


def test_mnist_download_size_is_the_sum_of_the_published_sizes():
    assert registry.get("mnist").download_size == 9_912_422 + 28_881 + 1_648_877 + 4_542
    assert registry.get("babi").download_size is None  # the archive's size is not published


def test_registry_sums_match_the_real_samples(shared_data):
    """Every registry file or archive member that the shared samples hold has exactly the registry's sums."""
    need(shared_data / "mnist")
    checked = 0
    for ds in DATASETS.values():
        for file in ds.files:
            path = shared_data / ds.folder / file.name
            if path.is_file():
                assert file_sha256(path) == file.sha256, path
                if file.md5:
                    assert file_md5(path) == file.md5, path
                assert path.stat().st_size == file.size, path
                checked += 1
            for member in file.members:
                member_path = shared_data / ds.folder / member.name
                if member_path.is_file():
                    assert file_sha256(member_path) == member.sha256, member_path
                    checked += 1
    assert checked >= 7  # t10k images and labels, the two Shakespeare files, two bAbI files, enron1


# -- status --------------------------------------------------------------------------------------------------

def test_status_absent_partial_complete(isolated):
    root = isolated / "data"
    assert registry.status("mnist", root).state == "absent"
    write_idx(root / "mnist" / "t10k-images-idx3-ubyte.gz", np.zeros((3, 28, 28), np.uint8))
    write_idx(root / "mnist" / "t10k-labels-idx1-ubyte.gz", np.zeros(3, np.uint8))
    st = registry.status("mnist", root)
    assert st.state == "partial" and st.root == root and st.path == root / "mnist"
    assert st.size == sum(p.stat().st_size for p in (root / "mnist").iterdir())
    write_idx(root / "mnist" / "train-images-idx3-ubyte.gz", np.zeros((3, 28, 28), np.uint8))
    write_idx(root / "mnist" / "train-labels-idx1-ubyte.gz", np.zeros(3, np.uint8))
    assert registry.status("mnist", root).state == "complete"


def test_status_searches_grokking_data_and_the_user_cache(isolated, monkeypatch):
    cache = locate.user_data_dir()
    assert str(cache).startswith(str(isolated))  # XDG_CACHE_HOME points into tmp_path
    (cache / "shakespeare").mkdir(parents=True)
    (cache / "shakespeare" / "book-shakespear.txt").write_text("abc")
    st = registry.status("shakespeare", isolated / "setting")
    assert st.state == "complete" and st.root == cache
    env = isolated / "env"
    (env / "shakespeare").mkdir(parents=True)
    (env / "shakespeare" / "shakespear.txt").write_text("abcd")
    monkeypatch.setenv("GROKKING_DATA", str(env))
    assert registry.status("shakespeare", isolated / "setting").root == env
    assert locate.data_dirs(isolated / "setting") == [isolated / "setting", env, cache]
    assert locate.download_root(None) == cache  # GROKKING_DATA is searched, never written
    assert locate.download_root(isolated / "setting") == isolated / "setting"


def test_status_in_looks_only_at_one_folder(isolated):
    (isolated / "a").mkdir()
    (isolated / "a" / babi.TRAIN).write_text("1 Mary moved to the bathroom.\n")
    assert registry.status_in("babi", isolated / "a").state == "complete"
    assert registry.status_in("babi", isolated / "b").state == "absent"


def test_status_of_the_real_samples(shared_data):
    need(shared_data / "mnist")
    states = {name: registry.status_in(name, shared_data).state for name in DATASETS}
    assert states == {"mnist": "partial", "imdb": "partial", "shakespeare": "complete",
                      "tinyshakespeare": "complete", "babi": "complete", "enron": "complete"}


# -- imports from disk ---------------------------------------------------------------------------------------------

def small_registry_file(tmp_path, content: bytes, name: str = "book-shakespear.txt"):
    source = tmp_path / "downloads" / name
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_bytes(content)
    file = RemoteFile("book-shakespear.txt", ("https://example.org/s.txt",), len(content),
                      hashlib.sha256(content).hexdigest(), aliases=("shakespear.txt",))
    return Dataset("shakespeare", "S", "test", "shakespeare", (file,), "https://example.org", "test"), source


def test_import_checks_the_sum_then_copies(isolated):
    ds, source = small_registry_file(isolated, b"To be or not to be")
    result = registry.import_files(ds, [source], isolated / "data")
    assert result.imported == [isolated / "data" / "shakespeare" / "book-shakespear.txt"]
    assert result.imported[0].read_bytes() == b"To be or not to be" and source.exists()


def test_import_finds_a_renamed_file_by_its_sum(isolated):
    ds, source = small_registry_file(isolated, b"To be or not to be", name="my copy.txt")
    result = registry.import_files(ds, [source.parent], isolated / "data")  # a folder is searched
    assert [p.name for p in result.imported] == ["book-shakespear.txt"]


def test_import_refuses_a_file_whose_sum_does_not_match(isolated):
    ds, source = small_registry_file(isolated, b"To be or not to be")
    source.write_bytes(b"To be or not to bE")
    with pytest.raises(DatasetError, match="checksum does not match"):
        registry.import_files(ds, [source], isolated / "data")
    assert not (isolated / "data").exists() or not list((isolated / "data").rglob("*.txt*"))


def test_import_refuses_unrelated_files(isolated):
    other = isolated / "notes.txt"
    other.write_text("hello")
    with pytest.raises(DatasetError, match="none of the chosen files belongs to shakespeare"):
        registry.import_files("shakespeare", [other], isolated / "data")


def test_import_checks_uncompressed_mnist_by_reading_it(isolated):
    good = write_idx(isolated / "src" / "t10k-labels-idx1-ubyte", np.arange(10_000) % 10)
    result = registry.import_files("mnist", [good], isolated / "data")
    assert result.imported == [isolated / "data" / "mnist" / "t10k-labels-idx1-ubyte"]
    bad = isolated / "src2" / "t10k-labels-idx1-ubyte"
    write_idx(bad, np.arange(9_999) % 10)
    with pytest.raises(DatasetError, match="9999 entries, MNIST has 10000"):
        registry.import_files("mnist", [bad], isolated / "other")
    assert not (isolated / "other" / "mnist" / "t10k-labels-idx1-ubyte").exists()


def test_import_of_a_gzip_with_the_wrong_sum_is_refused(isolated):
    fake = isolated / "src" / "t10k-labels-idx1-ubyte.gz"
    fake.parent.mkdir()
    fake.write_bytes(gzip.compress(idx_bytes(np.zeros(10_000, np.uint8))))
    with pytest.raises(DatasetError, match="not imported"):
        registry.import_files("mnist", [fake], isolated / "data")


def test_import_of_a_bad_babi_archive_keeps_nothing(isolated):
    archive = write_tar(isolated / "src" / "tasks_1-20_v1-1.tar.gz",
                        {"tasks_1-20_v1-1/en/" + babi.TRAIN: b"1 wrong.\n",
                         "tasks_1-20_v1-1/en/" + babi.TEST: b"1 x.\n"})
    with pytest.raises(DatasetError, match="checksum does not match"):
        registry.import_files("babi", [archive], isolated / "data")
    assert not (isolated / "data" / "babi" / babi.TRAIN).exists()


def test_import_of_the_real_samples(shared_data, isolated):
    """The shared samples import cleanly (checked by their sums) into a fresh data folder."""
    book = need(shared_data / "shakespeare" / "book-shakespear.txt")
    labels = need(shared_data / "mnist" / "t10k-labels-idx1-ubyte.gz")
    task = need(shared_data / "babi" / babi.TRAIN)
    registry.import_files("shakespeare", [book], isolated / "data")
    registry.import_files("mnist", [labels, shared_data / "mnist" / "t10k-images-idx3-ubyte.gz"], isolated / "data")
    registry.import_files("babi", [task], isolated / "data")
    assert registry.status_in("shakespeare", isolated / "data").state == "complete"
    assert registry.status_in("babi", isolated / "data").state == "complete"
    assert registry.status_in("mnist", isolated / "data").state == "partial"
    assert mnist.book_mnist(isolated / "data").sample_mode


def test_import_checks_a_file_published_with_an_md5_only(isolated):
    """Some files (MNIST's) are published with an MD5 and a size: a copy of that size with other bytes is refused."""
    content = b"0123456789abcdef"
    file = RemoteFile("book-shakespear.txt", ("https://example.org/s.txt",), len(content), None,
                      hashlib.md5(content).hexdigest())
    ds = Dataset("shakespeare", "S", "test", "shakespeare", (file,), "https://example.org", "test")
    source = isolated / "src" / "book-shakespear.txt"
    source.parent.mkdir()
    source.write_bytes(content[::-1])  # the same size, other bytes
    with pytest.raises(DatasetError, match="checksum does not match the published one; it was not imported"):
        registry.import_files(ds, [source], isolated / "data")
    assert not (isolated / "data" / "shakespeare" / "book-shakespear.txt").exists()
    source.write_bytes(content)
    assert registry.import_files(ds, [source], isolated / "data").imported == [
        isolated / "data" / "shakespeare" / "book-shakespear.txt"]


def test_every_md5_only_mnist_file_is_still_checked_on_import(isolated):
    """The real registry: a file of MNIST's published size but not MNIST's bytes is refused."""
    for file in registry.get("mnist").files:
        assert file.md5 is not None and file.size is not None
    labels = next(f for f in registry.get("mnist").files if f.name == "t10k-labels-idx1-ubyte.gz")
    fake = isolated / "src" / labels.name
    fake.parent.mkdir()
    fake.write_bytes(b"\0" * labels.size)
    with pytest.raises(DatasetError, match="checksum does not match"):
        registry.import_files("mnist", [fake], isolated / "data")
