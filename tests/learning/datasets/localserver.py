"""A tiny HTTP server on 127.0.0.1 for the download tests (http.server in a thread; never the internet)."""

from __future__ import annotations

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

TLS = Path(__file__).resolve().parent / "tls"


class LocalServer:
    """An HTTP server on 127.0.0.1 in a thread. `routes[path] = (status, body, mode)`; mode "ok" sends
    the body, "short" announces 1,000 bytes more than it sends and closes the connection, "hold" sends the
    first 128 KiB and waits for `release` to be set before sending the rest, "trickle" sends one byte every
    `trickle_s` seconds (until `release`), "endless" announces no length and sends zeros until the client goes,
    "redirect" answers `status` with the body as its Location."""

    def __init__(self, tls: bool = False) -> None:
        self.tls = tls
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.requests: list[str] = []
        self.release = threading.Event()
        self.trickle_s = 2.0
        self.sent: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                server.requests.append(self.path)
                status, body, mode = server.routes.get(self.path, (404, b"not found", "ok"))
                self.send_response(status)
                if mode == "redirect":
                    self.send_header("Location", body.decode())
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if mode in ("trickle", "endless"):
                    self._slow(body, mode)
                    return
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body) + (1000 if mode == "short" else 0)))
                self.end_headers()
                if mode == "hold":
                    self.wfile.write(body[: 128 * 1024])
                    self.wfile.flush()
                    server.release.wait(timeout=30)
                    body = body[128 * 1024:]
                self.wfile.write(body)
                self.wfile.flush()
                if mode == "short":
                    self.close_connection = True

            def _slow(self, body, mode):
                if mode == "trickle":
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                sent = 0
                try:
                    while sent < (len(body) if mode == "trickle" else 64 * 2**20):
                        if mode == "trickle":
                            self.wfile.write(body[sent:sent + 1])
                            sent += 1
                        else:
                            self.wfile.write(bytes(64 * 1024))
                            sent += 64 * 1024
                        self.wfile.flush()
                        server.sent[self.path] = sent
                        if mode == "trickle" and server.release.wait(server.trickle_s):
                            return
                except OSError:  # the client went away
                    pass
                self.close_connection = True

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls:  # the test certificate of tls/ (trusted by a test through SSL_CERT_FILE)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(TLS / "localhost.pem", TLS / "localhost.key")
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        """The full http(s)://127.0.0.1:port URL of `path`."""
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
