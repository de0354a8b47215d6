"""Downloads against an HTTP server on 127.0.0.1 that the test starts: success with progress, checksum
mismatch, server errors, interrupted transfers, cancel, HTTPS-only, mirrors, archives with checked members."""

from __future__ import annotations

import hashlib

import pytest

from learning.datasets import babi, imdb, registry
from learning.datasets.download import DownloadError, check_url, fetch
from learning.datasets.registry import Dataset, Member, RemoteFile
from tests.learning.datasets.helpers import write_tar

BODY = bytes(range(256)) * 1000  # 256,000 bytes: several 64 KiB chunks
SHA = hashlib.sha256(BODY).hexdigest()
MD5 = hashlib.md5(BODY).hexdigest()


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# -- one file --------------------------------------------------------------------------------------------------

def test_fetch_with_progress(server, tmp_path):
    server.routes["/data.bin"] = (200, BODY, "ok")
    seen: list[tuple[int, int]] = []
    path = fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, size=len(BODY),
                 progress=lambda done, total: seen.append((done, total)), allow_local_http=True)
    assert path.read_bytes() == BODY
    assert leftovers(tmp_path) == ["data.bin"]
    assert len(seen) >= 4  # one report per 64 KiB chunk
    assert all(total == len(BODY) for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == len(BODY)


def test_fetch_md5_only(server, tmp_path):
    server.routes["/data.bin"] = (200, BODY, "ok")
    fetch(server.url("/data.bin"), tmp_path / "data.bin", md5=MD5, allow_local_http=True)
    assert (tmp_path / "data.bin").read_bytes() == BODY


@pytest.mark.parametrize("kind", ["sha256", "md5", "size"])
def test_checksum_or_size_mismatch_is_refused_and_nothing_is_left(server, tmp_path, kind):
    server.routes["/data.bin"] = (200, BODY[:-1] + b"\x00", "ok")
    sums = {"sha256": {"sha256": SHA}, "md5": {"md5": MD5}, "size": {"sha256": SHA, "size": len(BODY) + 1}}[kind]
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/data.bin"), tmp_path / "data.bin", allow_local_http=True, **sums)
    assert info.value.reason == ("size" if kind == "size" else "checksum")
    assert leftovers(tmp_path) == []


def test_a_wrong_file_never_replaces_a_good_one(server, tmp_path):
    (tmp_path / "data.bin").write_bytes(b"old")
    server.routes["/data.bin"] = (200, b"tampered", "ok")
    with pytest.raises(DownloadError):
        fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, allow_local_http=True)
    assert (tmp_path / "data.bin").read_bytes() == b"old" and leftovers(tmp_path) == ["data.bin"]


@pytest.mark.parametrize("status", [404, 500])
def test_server_error_is_reported(server, tmp_path, status):
    server.routes["/data.bin"] = (status, b"error page", "ok")
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, allow_local_http=True)
    assert info.value.reason == "http-status" and info.value.status == status
    assert str(status) in str(info.value)
    assert leftovers(tmp_path) == []


def test_interrupted_transfer_is_reported(server, tmp_path):
    server.routes["/data.bin"] = (200, BODY, "short")  # announces 1,000 bytes more, then closes
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, allow_local_http=True)
    assert info.value.reason == "interrupted"
    assert leftovers(tmp_path) == []


def test_connection_refused_is_reported(server, tmp_path):
    url = server.url("/data.bin")
    server.close()
    with pytest.raises(DownloadError) as info:
        fetch(url, tmp_path / "data.bin", sha256=SHA, allow_local_http=True, timeout=5)
    assert info.value.reason == "connection"
    assert leftovers(tmp_path) == []
    server.close = lambda: None  # already closed for the fixture


def test_cancel_leaves_nothing_behind(server, tmp_path):
    server.routes["/data.bin"] = (200, BODY, "ok")
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2  # after two chunks have arrived

    with pytest.raises(DownloadError) as info:
        fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, cancelled=cancelled, allow_local_http=True)
    assert info.value.reason == "cancelled"
    assert leftovers(tmp_path) == []


def test_cancelled_before_the_start_asks_nothing(server, tmp_path):
    server.routes["/data.bin"] = (200, BODY, "ok")
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, cancelled=lambda: True,
              allow_local_http=True)
    assert info.value.reason == "cancelled" and server.requests == []


def test_a_stale_part_file_is_replaced(server, tmp_path):
    (tmp_path / "data.bin.part").write_bytes(b"from an earlier crash")
    server.routes["/data.bin"] = (200, BODY, "ok")
    fetch(server.url("/data.bin"), tmp_path / "data.bin", sha256=SHA, allow_local_http=True)
    assert leftovers(tmp_path) == ["data.bin"]


def test_without_a_checksum_nothing_is_downloaded(server, tmp_path):
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/data.bin"), tmp_path / "data.bin", allow_local_http=True)
    assert info.value.reason == "no-checksum" and server.requests == []


@pytest.mark.parametrize("url", ["http://example.org/x.gz", "ftp://example.org/x.gz", "file:///etc/passwd",
                                 "https:///nohost", "x.gz"])
def test_only_https(url):
    with pytest.raises(DownloadError) as info:
        check_url(url)
    assert info.value.reason == "insecure-url"


def test_local_http_only_for_loopback_and_only_when_asked():
    check_url("http://127.0.0.1:8000/x", allow_local_http=True)
    check_url("https://example.org/x")
    with pytest.raises(DownloadError):
        check_url("http://127.0.0.1:8000/x")
    with pytest.raises(DownloadError):
        check_url("http://10.0.0.1/x", allow_local_http=True)


# -- whole data sets --------------------------------------------------------------------------------------------

def fake_mnist(server, body_by_name):
    files = []
    for name, body in body_by_name.items():
        server.routes["/mnist/" + name] = (200, body, "ok")
        files.append(RemoteFile(name, (server.url("/mnist/" + name),), len(body), hashlib.sha256(body).hexdigest()))
    return Dataset("mnist", "MNIST", "test", "mnist", tuple(files), "https://example.org", "test")


def test_dataset_download_reports_bytes_over_all_files(server, isolated):
    ds = fake_mnist(server, {"a.gz": BODY, "b.gz": BODY[:1000]})
    seen: list[tuple[int, int]] = []
    stages: list[str] = []
    root = registry.download(ds, isolated / "data", lambda d, t: seen.append((d, t)), None, stages.append,
                             allow_local_http=True)
    assert root == isolated / "data"
    assert (root / "mnist" / "a.gz").read_bytes() == BODY and (root / "mnist" / "b.gz").read_bytes() == BODY[:1000]
    assert {t for _, t in seen} == {len(BODY) + 1000}
    assert seen[-1][0] == len(BODY) + 1000 and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert stages[0] == "download" and stages[-1] == "done"


def test_present_files_are_not_downloaded_again(server, isolated):
    ds = fake_mnist(server, {"a.gz": BODY, "b.gz": BODY[:1000]})
    (isolated / "data" / "mnist").mkdir(parents=True)
    (isolated / "data" / "mnist" / "a.gz").write_bytes(BODY)
    registry.download(ds, isolated / "data", allow_local_http=True)
    assert server.requests == ["/mnist/b.gz"]


def test_second_mirror_is_tried_after_a_server_error(server, isolated):
    server.routes["/good/a.gz"] = (200, BODY, "ok")
    file = RemoteFile("a.gz", (server.url("/missing/a.gz"), server.url("/good/a.gz")), len(BODY), SHA)
    ds = Dataset("mnist", "MNIST", "test", "mnist", (file,), "https://example.org", "test")
    registry.download(ds, isolated / "data", allow_local_http=True)
    assert server.requests == ["/missing/a.gz", "/good/a.gz"]
    assert leftovers(isolated / "data") == ["a.gz"]


def test_all_mirrors_failing_reports_the_last_reason(server, isolated):
    server.routes["/bad/a.gz"] = (200, b"corrupt", "ok")
    file = RemoteFile("a.gz", (server.url("/missing/a.gz"), server.url("/bad/a.gz")), None, SHA)
    ds = Dataset("mnist", "MNIST", "test", "mnist", (file,), "https://example.org", "test")
    with pytest.raises(DownloadError) as info:
        registry.download(ds, isolated / "data", allow_local_http=True)
    assert info.value.reason == "checksum"
    assert leftovers(isolated / "data") == []


def test_registry_download_refuses_http_without_the_test_switch(server, isolated):
    ds = fake_mnist(server, {"a.gz": BODY})
    with pytest.raises(DownloadError) as info:
        registry.download(ds, isolated / "data")
    assert info.value.reason == "insecure-url" and server.requests == []


def test_dataset_download_cancel_leaves_nothing(server, isolated):
    ds = fake_mnist(server, {"a.gz": BODY, "b.gz": BODY})
    reports: list[int] = []
    with pytest.raises(DownloadError) as info:
        registry.download(ds, isolated / "data", lambda d, t: reports.append(d),
                          lambda: any(d > len(BODY) for d in reports), allow_local_http=True)
    assert info.value.reason == "cancelled"
    # cancelled once the second file had started: the first was complete and checked, the second left nothing
    assert leftovers(isolated / "data") == ["a.gz"]


def babi_like(server, tmp, train: bytes, test: bytes, served_train: bytes | None = None):
    archive_bytes = write_tar(tmp / "tasks.tar.gz", {
        "tasks_1-20_v1-1/en/" + babi.TRAIN: served_train if served_train is not None else train,
        "tasks_1-20_v1-1/en/" + babi.TEST: test,
        "tasks_1-20_v1-1/en/qa2_two-supporting-facts_train.txt": b"1 not kept.\n",
    }).read_bytes()
    server.routes["/babi.tar.gz"] = (200, archive_bytes, "ok")
    members = (Member("en/" + babi.TRAIN, babi.TRAIN, hashlib.sha256(train).hexdigest()),
               Member("en/" + babi.TEST, babi.TEST, hashlib.sha256(test).hexdigest()))
    file = RemoteFile("tasks_1-20_v1-1.tar.gz", (server.url("/babi.tar.gz"),), None, None, None, members)
    return Dataset("babi", "bAbI", "test", "babi", (file,), "https://example.org", "test")


def test_archive_members_are_checked_and_the_archive_is_dropped(server, isolated):
    train, test = b"1 Mary moved to the bathroom.\n", b"1 John went to the hallway.\n"
    ds = babi_like(server, isolated, train, test)
    root = registry.download(ds, isolated / "data", allow_local_http=True)
    assert leftovers(root / "babi") == [babi.TEST, babi.TRAIN]
    assert (root / "babi" / babi.TRAIN).read_bytes() == train
    assert registry.status_in("babi", root).state == "complete"


def test_archive_member_with_a_wrong_sum_is_refused(server, isolated):
    ds = babi_like(server, isolated, b"1 Mary moved to the bathroom.\n", b"1 x y.\n",
                   served_train=b"1 Mary moved away.\n")
    with pytest.raises(DownloadError) as info:
        registry.download(ds, isolated / "data", allow_local_http=True)
    assert info.value.reason == "checksum"
    assert leftovers(isolated / "data") == []


def test_prepare_runs_after_download(server, isolated):
    archive = write_tar(isolated / "src.tar.gz", {"aclImdb/train/pos/0_9.txt": b"Good.",
                                                   "aclImdb/train/neg/0_1.txt": b"Bad!"}).read_bytes()
    server.routes["/imdb.tar.gz"] = (200, archive, "ok")
    file = RemoteFile(imdb.ARCHIVE, (server.url("/imdb.tar.gz"),), len(archive), hashlib.sha256(archive).hexdigest())
    real = registry.get("imdb")
    ds = Dataset("imdb", "IMDB", "test", "imdb", (file,), "https://example.org", "test", prepare=real.prepare)
    stages: list[str] = []
    root = registry.download(ds, isolated / "data", stage=stages.append, allow_local_http=True)
    assert (root / "imdb" / "reviews.txt").read_text() == "good .\nbad \n"
    assert (root / "imdb" / "labels.txt").read_text() == "positive\nnegative\n"
    assert not (root / "imdb" / imdb.ARCHIVE).exists()  # unpacked into the book's files, then dropped
    assert "prepare" in stages and registry.status_in("imdb", root).state == "partial"  # 2 of 25,000 reviews
