"""A tiny HTTP server on 127.0.0.1 for the download tests (http.server in a thread; never the internet)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LocalServer:
    """An HTTP server on 127.0.0.1 in a thread. `routes[path] = (status, body, mode)`; mode "ok" sends
    the body, "short" announces 1,000 bytes more than it sends and closes the connection, "hold" sends the
    first 128 KiB and waits for `release` to be set before sending the rest."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.requests: list[str] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                server.requests.append(self.path)
                status, body, mode = server.routes.get(self.path, (404, b"not found", "ok"))
                self.send_response(status)
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

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        """The full http://127.0.0.1:port URL of `path`."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
