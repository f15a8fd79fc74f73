"""HTTP to a SPARQL 1.1 server: queries and updates by the SPARQL 1.1 Protocol (POST, form
encoded), graphs by the Graph Store HTTP Protocol (`PUT`/`DELETE` with `?graph=IRI`).

Credentials never come from the command line (where `ps` and the shell's history show them):
`KG_STORE_USER` and `KG_STORE_PASSWORD` from the environment, else the server's host in the
netrc file (`$NETRC`, else `~/.netrc`), sent as HTTP Basic authentication.
"""

from __future__ import annotations

import base64
import netrc
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)

from kg.graph.store import StoreError

REQUEST_SECONDS = 600.0  # one request: a union refresh of a large graph takes minutes
RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Endpoints:
    """The URLs of one dataset. `URL` with no path is Oxigraph's server (`oxigraph serve`):
    `URL/query`, `URL/update`, `URL/store`. `URL` with a path names a Fuseki dataset
    (`http://HOST:3030/DATASET`): `URL/query`, `URL/update`, `URL/data`."""

    query: str
    update: str
    graph_store: str

    @classmethod
    def of(cls, url: str) -> Endpoints:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"--store takes the http:// or https:// URL of a SPARQL server, not '{url}'")
        base = url.rstrip("/")
        store = "store" if parts.path.strip("/") == "" else "data"
        return cls(f"{base}/query", f"{base}/update", f"{base}/{store}")


class SparqlClient:
    def __init__(self, endpoints: Endpoints) -> None:
        self.endpoints = endpoints
        self._authorization = _authorization(endpoints.query)

    def query(self, sparql: str) -> QuerySolutions | QueryBoolean | list[Triple]:
        """SELECT and ASK answers as pyoxigraph's results, CONSTRUCT and DESCRIBE as triples."""
        body, content_type = self._send(
            self.endpoints.query,
            "POST",
            urllib.parse.urlencode({"query": sparql}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"},
        )
        if content_type == RESULTS_JSON:
            return parse_query_results(body, format=QueryResultsFormat.JSON)
        return [q.triple for q in parse(body, format=RdfFormat.from_media_type(content_type) or RdfFormat.N_TRIPLES)]

    def select(self, sparql: str) -> QuerySolutions:
        results = self.query(sparql)
        assert isinstance(results, QuerySolutions), sparql
        return results

    def construct(self, sparql: str) -> list[Triple]:
        results = self.query(sparql)
        assert isinstance(results, list), sparql
        return results

    def update(self, sparql: str) -> None:
        self._send(
            self.endpoints.update,
            "POST",
            urllib.parse.urlencode({"update": sparql}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def put_graph(self, graph: NamedNode, n_triples: bytes) -> None:
        self._send(self._graph_url(graph), "PUT", n_triples, {"Content-Type": N_TRIPLES})

    def delete_graph(self, graph: NamedNode) -> None:
        """Drop a graph; one the server does not hold (HTTP 404) is gone already."""
        self._send(self._graph_url(graph), "DELETE", None, {}, missing_ok=True)

    def _graph_url(self, graph: NamedNode) -> str:
        return f"{self.endpoints.graph_store}?{urllib.parse.urlencode({'graph': graph.value})}"

    def _send(
        self, url: str, method: str, data: bytes | None, headers: dict[str, str], *, missing_ok: bool = False
    ) -> tuple[bytes, str]:
        if self._authorization:
            headers = {**headers, "Authorization": self._authorization}
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_SECONDS) as response:
                return response.read(), _media_type(response.headers)
        except urllib.error.HTTPError as error:
            if missing_ok and error.code == 404:
                return b"", ""
            detail = error.read().decode("utf-8", "replace").strip().splitlines()
            reason = f": {detail[0][:200]}" if detail else ""
            raise StoreError(f"{method} {url}: HTTP {error.code} {error.reason}{reason}") from error
        except (urllib.error.URLError, OSError) as error:
            cause = error.reason if isinstance(error, urllib.error.URLError) else error
            raise StoreError(f"cannot reach the SPARQL server at {url}: {cause}") from error


def _media_type(headers: Message) -> str:
    return headers.get_content_type()


def _authorization(url: str) -> str | None:
    """HTTP Basic credentials from the environment, else from the netrc file, else none."""
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user is None:
        found = _netrc_entry(urllib.parse.urlsplit(url).hostname or "")
        if found is None:
            return None
        user, password = found
    token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
    return f"Basic {token}"


def _netrc_entry(host: str) -> tuple[str, str] | None:
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as error:
        raise StoreError(f"cannot read the credentials in {path}: {error}") from error
    return (entry[0], entry[2] or "") if entry else None
