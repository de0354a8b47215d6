"""Fetch one file over HTTPS into `name.part`, check it, then rename it.

Progress and cancel arrive as plain callables: `progress(done_bytes, total_bytes)` (total 0 when the
server does not say) and `cancelled() -> bool`. A file that fails its checksum, a cancelled or interrupted
transfer, or a server error never leaves a file under the real name: the `.part` file is removed and a
DownloadError says why (`reason` is an id the UI translates).

The transfer is the standard library's http.client on a socket this module connects itself, so that nothing
can hold it up: a watcher thread polls `cancelled()` every WATCH_S seconds and shuts the socket down, which ends a
connect, a TLS handshake or a read at once (even from a server that sends a byte every few seconds). It stops
past the expected size plus a margin (or MAX_UNKNOWN_BYTES when the size is not published), follows at most
MAX_REDIRECTS redirects and only to https:// (never from https to http), and reaches https:// through the
proxy named by HTTPS_PROXY when there is one.
"""

from __future__ import annotations

import base64
import errno
import http.client
import os
import select
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from learning.datasets import DatasetError
from learning.datasets._files import file_md5, file_sha256, part_path

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

CHUNK = 64 * 1024
TIMEOUT_S = 30
WATCH_S = 0.05
LOOPBACK = ("127.0.0.1", "localhost", "::1")
MAX_REDIRECTS = 5
#: A transfer stops past the expected size plus this margin (the larger of the two).
MARGIN_BYTES = 1 * 2**20
MARGIN_FRACTION = 0.01
#: ... or past this when no size is published.
MAX_UNKNOWN_BYTES = 2 * 2**30

#: Why a download failed; the desktop turns these ids into sentences.
REASONS = ("insecure-url", "http-status", "connection", "timeout", "interrupted", "size", "checksum",
           "no-checksum", "cancelled", "disk")


class DownloadError(DatasetError):
    """A download failed; `reason` is one of REASONS, `status` the HTTP status for "http-status"."""

    def __init__(self, reason: str, message: str, url: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.url = url
        self.status = status


def check_url(url: str, allow_local_http: bool = False) -> None:
    """Accept only https:// URLs; `allow_local_http` (tests only) also accepts http:// on this machine."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if allow_local_http and parts.scheme == "http" and parts.hostname in LOOPBACK:
        return
    raise DownloadError("insecure-url", f"only https:// downloads are allowed, not {url!r}", url)


def check_redirect(origin: str, target: str, allow_local_http: bool = False) -> None:
    """A redirect from `origin` to `target` must lead to an allowed URL, and never from https to http."""
    if urlsplit(origin).scheme == "https" and urlsplit(target).scheme != "https":
        raise DownloadError("insecure-url", f"{origin} redirects to {target!r}, which is not https://; refused",
                            target)
    check_url(target, allow_local_http)


def size_limit(expected_size: int | None) -> int:
    """The most bytes a transfer may bring: the expected size plus a margin, or MAX_UNKNOWN_BYTES."""
    if not expected_size:
        return MAX_UNKNOWN_BYTES
    return expected_size + max(MARGIN_BYTES, int(expected_size * MARGIN_FRACTION))


class _Watch:
    """Polls `cancelled()` in a thread of its own and shuts the current socket down when it says so."""

    def __init__(self, cancelled: Cancelled | None) -> None:
        self.cancelled = cancelled
        self.sock: socket.socket | None = None
        self.fired = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if cancelled is not None:
            self._thread = threading.Thread(target=self._run, name="download-watch", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(WATCH_S):
            try:
                stop = bool(self.cancelled and self.cancelled())
            except Exception:  # noqa: BLE001 - a failing callback counts as "cancel"
                stop = True
            if stop:
                self.fired = True
                self._shut()
                return

    def _shut(self) -> None:
        with self._lock:
            sock = self.sock
        if sock is not None:
            try:
                # the plain socket's shutdown (also for a TLS socket: its own would drop its state under the reader)
                socket.socket.shutdown(sock, socket.SHUT_RDWR)  # wakes a blocked handshake or read at once
            except OSError:
                pass

    def use(self, sock: socket.socket | None) -> None:
        """The socket to shut down from now on (shut at once if already cancelled)."""
        with self._lock:
            self.sock = sock
        if self.fired:
            self._shut()

    def check(self, url: str) -> None:
        """Raise "cancelled" if the learner asked to stop."""
        if self.fired or (self.cancelled is not None and self.cancelled()):
            self.fired = True
            raise DownloadError("cancelled", "the download was cancelled", url)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)


def _connect(host: str, port: int, timeout: float, watch: _Watch, url: str) -> socket.socket:
    """A TCP connection made without blocking, so that cancel ends it within WATCH_S."""
    deadline = time.monotonic() + timeout
    last: OSError | None = None
    try:
        addresses = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except OSError as exc:
        raise DownloadError("connection", f"cannot find the server {host} ({url}): {exc}", url) from None
    for family, kind, proto, _, address in addresses:
        sock = socket.socket(family, kind, proto)
        try:
            sock.setblocking(False)
            code = sock.connect_ex(address)
            while code in (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, errno.EAGAIN):
                watch.check(url)
                if time.monotonic() > deadline:
                    raise DownloadError("timeout", f"no answer from the server within {timeout:g} s ({url})", url)
                _, writable, _ = select.select([], [sock], [], WATCH_S)
                if writable:
                    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    break
            if code:
                raise OSError(code, os.strerror(code))
            sock.setblocking(True)
            sock.settimeout(timeout)
            watch.use(sock)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
        except BaseException:
            sock.close()
            raise
    raise DownloadError("connection", f"cannot connect to the server ({url}): {last}", url)


def _proxy_for(host: str) -> tuple[str, int, dict[str, str]] | None:
    """(host, port, headers) of the HTTPS proxy the environment names for `host`, or None."""
    if host in LOOPBACK or urllib.request.proxy_bypass(host):
        return None
    proxy = urllib.request.getproxies().get("https")
    if not proxy:
        return None
    parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    if not parts.hostname:
        return None
    headers = {}
    if parts.username:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(credentials).decode()
    return parts.hostname, parts.port or 8080, headers


def _request(url: str, timeout: float, watch: _Watch) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    """Connect and send GET `url`; the response's headers have arrived."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    proxy = _proxy_for(host) if parts.scheme == "https" else None
    sock = _connect(proxy[0], proxy[1], timeout, watch, url) if proxy else _connect(host, port, timeout, watch, url)
    context = ssl.create_default_context() if parts.scheme == "https" else None
    if context is not None:
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        if proxy:
            _tunnel(sock, host, port, proxy[2], url)
        if context is not None:
            sock = context.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
            watch.use(sock)  # before the handshake, so that cancel can end it
            sock.do_handshake()
        conn.sock = sock
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", target, headers={"Accept-Encoding": "identity", "User-Agent": "grokking-lab",
                                             "Connection": "close"})
        return conn, conn.getresponse()
    except BaseException:
        conn.close()
        sock.close()
        raise


def _tunnel(sock: socket.socket, host: str, port: int, headers: dict[str, str], url: str) -> None:
    """CONNECT host:port through the proxy at the other end of `sock`."""
    lines = [f"CONNECT {host}:{port} HTTP/1.1", f"Host: {host}:{port}", *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    answer = b""
    while b"\r\n\r\n" not in answer:
        data = sock.recv(4096)
        if not data or len(answer) > 65536:
            raise DownloadError("connection", f"the proxy closed the connection ({url})", url)
        answer += data
    status = answer.split(b"\r\n", 1)[0].split()
    if len(status) < 2 or status[1] != b"200":
        raise DownloadError("connection", f"the proxy refused the connection: {answer[:80]!r} ({url})", url)


def transfer(url: str, part: Path, *, expected_size: int | None = None, progress: Progress | None = None,
             cancelled: Cancelled | None = None, allow_local_http: bool = False, timeout: float = TIMEOUT_S,
             max_bytes: int | None = None) -> int:
    """Download `url` into `part`, unchecked (the caller checks it, then renames or deletes it); on any
    failure `part` is removed. Stops past `max_bytes` (default: the expected size plus a margin). Returns the
    Content-Length the server announced (0 if none)."""
    check_url(url, allow_local_http)
    if cancelled is not None and cancelled():
        raise DownloadError("cancelled", "the download was cancelled", url)
    limit = max_bytes if max_bytes is not None else size_limit(expected_size)
    watch = _Watch(cancelled)
    try:
        total = _run(url, part, expected_size or 0, limit, progress, watch, allow_local_http, timeout)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        watch.close()
    return total


def _run(url: str, part: Path, expected: int, limit: int, progress: Progress | None, watch: _Watch,
         allow_local_http: bool, timeout: float) -> int:
    """Follow redirects to the file and stream it into `part`; failures as DownloadError with a reason."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        try:
            conn, response = _request(current, timeout, watch)
        except DownloadError:
            raise
        except TimeoutError:
            watch.check(url)
            raise DownloadError("timeout", f"no answer from the server within {timeout:g} s ({current})",
                                current) from None
        except (OSError, http.client.HTTPException) as exc:
            watch.check(url)
            raise DownloadError("connection", f"the download failed ({current}): {exc}", current) from None
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise DownloadError("http-status", f"the server redirected without saying where ({current})",
                                        current, response.status)
                target = urljoin(current, location.strip())
                check_redirect(current, target, allow_local_http)
                current = target
                continue
            if response.status != 200:
                raise DownloadError("http-status", f"the server answered {response.status} {response.reason} for "
                                    f"{current}", current, response.status)
            return _stream(response, part, expected, limit, progress, watch, current, timeout)
        finally:
            conn.close()
    raise DownloadError("http-status", f"more than {MAX_REDIRECTS} redirects from {url}", url)


def _stream(response: http.client.HTTPResponse, part: Path, expected: int, limit: int, progress: Progress | None,
            watch: _Watch, url: str, timeout: float) -> int:
    """The response's body into `part`, chunk by chunk, within `limit` bytes."""
    announced = response.getheader("Content-Length")
    total = int(announced) if announced and announced.strip().isdigit() else 0
    if total > limit:
        raise DownloadError("size", f"the server offers {total} bytes, more than the {limit} expected ({url})", url)
    done = 0
    try:
        part.parent.mkdir(parents=True, exist_ok=True)
        handle = open(part, "wb")
    except OSError as exc:
        raise DownloadError("disk", f"cannot write {part} ({exc.strerror or exc})", url) from None
    with handle:
        while True:
            watch.check(url)
            try:
                data = response.read1(CHUNK)
            except TimeoutError:
                watch.check(url)
                raise DownloadError("timeout", f"no data from the server for {timeout:g} s ({url})", url) from None
            except (OSError, http.client.HTTPException):
                watch.check(url)
                raise DownloadError("interrupted", f"the connection broke after {done} bytes ({url})", url) from None
            if not data:
                break
            done += len(data)
            if done > limit:
                raise DownloadError("size", f"more than the {limit} bytes expected arrived ({url}); stopped", url)
            try:
                handle.write(data)
            except OSError as exc:
                raise DownloadError("disk", f"cannot write {part} ({exc.strerror or exc})", url) from None
            if progress is not None:
                progress(done, total or expected)
    watch.check(url)
    if total and done < total:
        raise DownloadError("interrupted", f"only {done} of {total} bytes arrived ({url})", url)
    return total


def verify(path: Path, *, sha256: str | None = None, md5: str | None = None, size: int | None = None) -> str | None:
    """None when `path` has the expected size and sums, else a reason id ("size" or "checksum")."""
    if size is not None and path.stat().st_size != size:
        return "size"
    if sha256 is not None and file_sha256(path) != sha256.lower():
        return "checksum"
    if md5 is not None and file_md5(path) != md5.lower():
        return "checksum"
    return None


def fetch(url: str, dest: Path, *, sha256: str | None = None, md5: str | None = None, size: int | None = None,
          progress: Progress | None = None, cancelled: Cancelled | None = None,
          allow_local_http: bool = False, timeout: float = TIMEOUT_S) -> Path:
    """Download `url` to `dest.part`, check its size and sums, then rename it to `dest`.
    At least one of sha256/md5 is required: an unchecked file is never stored under its real name."""
    if sha256 is None and md5 is None:
        raise DownloadError("no-checksum", f"no checksum is known for {dest.name}; it cannot be downloaded safely",
                            url)
    dest = Path(dest)
    part = part_path(dest)
    try:
        transfer(url, part, expected_size=size, progress=progress, cancelled=cancelled,
                 allow_local_http=allow_local_http, timeout=timeout)
        problem = verify(part, sha256=sha256, md5=md5, size=size)
        if problem == "size":
            raise DownloadError("size", f"{dest.name}: {part.stat().st_size} bytes arrived, {size} were expected",
                                url)
        if problem == "checksum":
            raise DownloadError("checksum", f"{dest.name}: the checksum does not match; the file was discarded", url)
        try:
            os.replace(part, dest)
        except OSError as exc:
            raise DownloadError("disk", f"cannot write {dest} ({exc.strerror or exc})", url) from None
    finally:
        part.unlink(missing_ok=True)
    return dest
