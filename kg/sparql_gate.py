"""The gate in front of `kg serve`'s Oxigraph server: queries past kg's limits are refused with
one line before they reach the engine, everything else is passed through unchanged.

Oxigraph's server parses queries by recursive descent on a thread of bounded stack: a 6 KB query
of nested braces aborted the whole process ("fatal runtime error: stack overflow"), closing the
port for every client. The gate listens on the public address and forwards to the server on a
private loopback port; a query too long or nested too deep (`kg.sparql.check_limits`) gets
`400 Bad Request` with the reason, as the SPARQL 1.1 Protocol (section 2.1.4) answers a query
the service will not run, and the server never sees it. While the server restarts (a new build
landed, or it stopped) clients get `503 Service Unavailable` for a moment.

The query is found where the SPARQL 1.1 Protocol puts it: the `query` or `update` parameter of
the URL or of a form-encoded POST body, or a POST body of type `application/sparql-query` or
`application/sparql-update`.
"""

from __future__ import annotations

import http.client
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from kg.graph import QueryRefused, check_limits

# headers that belong to one connection (RFC 9110 section 7.6.1) or that the gate sets itself
HOP_HEADERS = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
    "host",
}
OWN_HEADERS = {"server", "date"}  # http.server writes its own
CHUNK_BYTES = 1 << 16
SLACK_SECONDS = 5.0  # beyond the server's own time limit, before the gate gives up waiting


def query_text(target: str, content_type: str, body: bytes) -> str | None:
    """The SPARQL of a protocol request, or None when it carries none."""
    _, _, url_query = target.partition("?")
    kind = content_type.split(";")[0].strip().lower()
    found = parse_qs(url_query)
    if kind == "application/x-www-form-urlencoded":
        found |= parse_qs(body.decode("utf-8", errors="replace"))
    elif kind in ("application/sparql-query", "application/sparql-update"):
        return body.decode("utf-8", errors="replace")
    texts = found.get("query") or found.get("update")
    return "\n".join(texts) if texts else None


class SparqlGate:
    """A threaded HTTP server on `host:port` forwarding to the SPARQL server at `backend`."""

    def __init__(self, host: str, port: int, timeout: float | None) -> None:
        self.backend: tuple[str, int] | None = None
        self.wait_seconds = None if timeout is None else timeout + SLACK_SECONDS
        gate = self

        class Handler(_GateHandler):
            owner = gate

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, name="kg-sparql-gate", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _GateHandler(BaseHTTPRequestHandler):
    owner: SparqlGate
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: `kg serve` prints only its own status lines."""

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        text = query_text(self.path, self.headers.get("Content-Type", ""), body)
        if text is not None:
            try:
                check_limits(text)
            except QueryRefused as refusal:
                self._answer(400, f"kg serve: {refusal}")
                return
        backend = self.owner.backend
        if backend is None:
            self._answer(503, "kg serve: the SPARQL server is restarting; try again in a moment")
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        deadline = None if self.owner.wait_seconds is None else time.monotonic() + self.owner.wait_seconds
        connection = http.client.HTTPConnection(*backend, timeout=self.owner.wait_seconds)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
        except TimeoutError:
            connection.close()
            self._answer(503, "kg serve: the query ran past the server's time limit (kg serve --timeout)")
            return
        except OSError:
            connection.close()
            self._answer(503, "kg serve: the SPARQL server is restarting; try again in a moment")
            return
        try:
            self._relay(response, deadline)
        finally:
            connection.close()

    def _relay(self, response: http.client.HTTPResponse, deadline: float | None) -> None:
        """Pass the server's answer on as it comes, never holding more than one chunk: results
        can be larger than memory. The connection closes after it (the body ends with it), and
        at the deadline, even mid-answer, so that no answer streams on without end."""
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_HEADERS | OWN_HEADERS:
                self.send_header(name, value)
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            while chunk := response.read1(CHUNK_BYTES):
                self.wfile.write(chunk)
                if deadline is not None and time.monotonic() > deadline:
                    return
        except OSError:  # the client left, or the server stopped answering
            return

    def _answer(self, status: int, message: str) -> None:
        payload = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
