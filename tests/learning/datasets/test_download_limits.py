"""Downloads that cannot hang or flood: cancel ends any transfer within a second (a slow server, a silent TLS
handshake), a transfer stops past the expected size plus a margin, redirects never lead to plain http, and no
partial file remains."""

from __future__ import annotations

import hashlib
import socket
import threading
import time

import pytest

from learning.datasets import download
from learning.datasets.download import DownloadError, check_redirect, fetch, size_limit, transfer

BODY = bytes(range(256)) * 400  # 102,400 bytes
SHA = hashlib.sha256(BODY).hexdigest()


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def cancel_after(seconds):
    start = time.monotonic()
    return lambda: time.monotonic() - start > seconds


def test_cancel_stops_a_trickling_server_within_a_second(server, tmp_path):
    server.trickle_s = 3.0  # one byte, then nothing for 3 s
    server.routes["/slow.bin"] = (200, BODY, "trickle")
    asked = threading.Event()
    seen = []

    def cancelled():
        return asked.is_set()

    def progress(done, total):
        seen.append(done)
        asked.set()  # the learner presses Cancel once the first byte is there

    start = time.monotonic()
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/slow.bin"), tmp_path / "slow.bin", sha256=SHA, size=len(BODY), progress=progress,
              cancelled=cancelled, allow_local_http=True)
    elapsed = time.monotonic() - start
    assert info.value.reason == "cancelled" and seen == [1]
    assert elapsed < 2.0  # the next byte was 3 s away: the read was cut, not waited for
    assert leftovers(tmp_path) == []


def test_cancel_ends_a_silent_tls_handshake(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    start = time.monotonic()
    with pytest.raises(DownloadError) as info:
        transfer(f"https://127.0.0.1:{port}/x", tmp_path / "x.part", cancelled=cancel_after(0.3), timeout=20)
    assert info.value.reason == "cancelled" and time.monotonic() - start < 1.5
    assert leftovers(tmp_path) == []
    listener.close()


def test_a_transfer_stops_past_the_expected_size(server, tmp_path):
    server.routes["/endless.bin"] = (200, b"", "endless")  # no length, zeros without end
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/endless.bin"), tmp_path / "e.bin", sha256=SHA, size=1000, allow_local_http=True)
    assert info.value.reason == "size" and leftovers(tmp_path) == []
    assert server.sent["/endless.bin"] < size_limit(1000) + 8 * 2**20  # stopped soon after the limit


def test_an_announced_size_past_the_limit_is_refused_at_once(server, tmp_path):
    server.routes["/big.bin"] = (200, BODY, "ok")
    with pytest.raises(DownloadError) as info:
        transfer(server.url("/big.bin"), tmp_path / "big.part", max_bytes=1000, allow_local_http=True)
    assert info.value.reason == "size" and "offers 102400 bytes" in str(info.value)
    assert leftovers(tmp_path) == []


def test_size_limit_margin():
    assert size_limit(1000) == 1000 + 2**20
    assert size_limit(10**9) == 10**9 + 10**7
    assert size_limit(None) == download.MAX_UNKNOWN_BYTES


def test_a_redirect_on_the_same_server_is_followed(server, tmp_path):
    server.routes["/old.bin"] = (302, b"/new.bin", "redirect")
    server.routes["/new.bin"] = (200, BODY, "ok")
    fetch(server.url("/old.bin"), tmp_path / "d.bin", sha256=SHA, allow_local_http=True)
    assert (tmp_path / "d.bin").read_bytes() == BODY and server.requests == ["/old.bin", "/new.bin"]


@pytest.mark.parametrize("location", ["http://example.org/data.bin", "ftp://example.org/x", "file:///etc/passwd"])
def test_a_redirect_to_plain_http_is_refused(server, tmp_path, location):
    server.routes["/old.bin"] = (301, location.encode(), "redirect")
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/old.bin"), tmp_path / "d.bin", sha256=SHA, allow_local_http=True)
    assert info.value.reason == "insecure-url" and leftovers(tmp_path) == []


def test_https_never_redirects_to_http():
    with pytest.raises(DownloadError) as info:
        check_redirect("https://example.org/a", "http://127.0.0.1/b", allow_local_http=True)
    assert info.value.reason == "insecure-url" and "not https" in str(info.value)
    check_redirect("https://example.org/a", "https://mirror.example.net/b")  # https to https is fine


def test_a_redirect_loop_ends(server, tmp_path):
    server.routes["/a"] = (302, b"/b", "redirect")
    server.routes["/b"] = (302, b"/a", "redirect")
    with pytest.raises(DownloadError) as info:
        fetch(server.url("/a"), tmp_path / "d.bin", sha256=SHA, allow_local_http=True)
    assert "redirects" in str(info.value) and len(server.requests) == download.MAX_REDIRECTS + 1


def test_a_failing_cancel_callback_stops_the_transfer(server, tmp_path):
    server.trickle_s = 3.0
    server.routes["/slow.bin"] = (200, BODY, "trickle")
    calls = []

    def broken():
        calls.append(1)
        if len(calls) > 3:
            raise RuntimeError("the window is gone")
        return False

    start = time.monotonic()
    with pytest.raises((DownloadError, RuntimeError)):
        transfer(server.url("/slow.bin"), tmp_path / "s.part", cancelled=broken, allow_local_http=True)
    assert time.monotonic() - start < 2.0 and leftovers(tmp_path) == []


# -- over TLS, with the test certificate of tls/ -----------------------------------------------------------------

@pytest.fixture
def tls_server():
    from tests.learning.datasets.localserver import LocalServer

    s = LocalServer(tls=True)
    yield s
    s.close()


@pytest.fixture
def trusted(monkeypatch):
    from tests.learning.datasets.localserver import TLS

    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "localhost.pem"))


def test_https_download_with_a_trusted_certificate(tls_server, trusted, tmp_path):
    tls_server.routes["/d.bin"] = (200, BODY, "ok")
    path = fetch(tls_server.url("/d.bin"), tmp_path / "d.bin", sha256=SHA, size=len(BODY))
    assert path.read_bytes() == BODY and leftovers(tmp_path) == ["d.bin"]


def test_an_untrusted_certificate_is_refused(tls_server, tmp_path, monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "nothing.pem"))
    tls_server.routes["/d.bin"] = (200, BODY, "ok")
    with pytest.raises(DownloadError) as info:
        fetch(tls_server.url("/d.bin"), tmp_path / "d.bin", sha256=SHA)
    assert info.value.reason == "connection" and "CERTIFICATE_VERIFY_FAILED" in str(info.value)
    assert leftovers(tmp_path) == []


def test_https_redirect_to_http_is_refused_even_on_this_machine(tls_server, trusted, server, tmp_path):
    server.routes["/d.bin"] = (200, BODY, "ok")
    tls_server.routes["/d.bin"] = (302, server.url("/d.bin").encode(), "redirect")
    with pytest.raises(DownloadError) as info:
        fetch(tls_server.url("/d.bin"), tmp_path / "d.bin", sha256=SHA, allow_local_http=True)
    assert info.value.reason == "insecure-url" and server.requests == [] and leftovers(tmp_path) == []


def test_cancel_stops_a_trickling_https_transfer(tls_server, trusted, tmp_path):
    tls_server.trickle_s = 3.0
    tls_server.routes["/slow.bin"] = (200, BODY, "trickle")
    asked = threading.Event()
    start = time.monotonic()
    with pytest.raises(DownloadError) as info:
        transfer(tls_server.url("/slow.bin"), tmp_path / "s.part", progress=lambda d, t: asked.set(),
                 cancelled=asked.is_set)
    assert info.value.reason == "cancelled" and time.monotonic() - start < 2.0 and leftovers(tmp_path) == []
