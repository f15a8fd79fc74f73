"""`kg serve`: a SPARQL 1.1 Protocol endpoint over a build's store, run by Oxigraph's own HTTP
server (the `oxigraph` binary of the PyPI package of that name, pinned to pyoxigraph's version:
both must read the same on-disk format).

- Read only by default (`oxigraph serve-read-only`): `/query` answers SPARQL queries, `/update`
  and writes to `/store` are refused (HTTP 403). `--allow-updates` starts `oxigraph serve`
  instead; updates then change the server's own copy only, never the build.
- The server reads a snapshot of `output/store` (a RocksDB checkpoint in `output/.serving-PID`:
  hard links, no copying, taken under the output's read lock so that no swap interrupts it),
  never the store itself: Oxigraph's documentation calls reading a
  store that another process writes undefined behaviour, and a build replaces `output/store`
  when it ends. When a new build lands (its `build.json` replaces the old one), `kg serve`
  takes a new snapshot and restarts the server on the same address, so clients see the new
  graph within a couple of seconds.
- Clients reach the server through a gate (`kg.sparql_gate`) that refuses queries nested too
  deep or too long for the engine with one line (HTTP 400); the server itself stops any query
  running longer than `--timeout` seconds (Oxigraph's `--timeout-s`) and is restarted if it stops.
- The default graph is the union of the briefs' graphs (the store keeps it materialised), so
  queries need no `GRAPH` clause; each brief's graph is there too, by its IRI.
"""

from __future__ import annotations

import ctypes
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph

from kg.build import MANIFEST_FILE, BuildError, read_manifest, reading
from kg.graph import DEFAULT_TIMEOUT_SECONDS, KnowledgeStore, StoreError
from kg.sparql_gate import SparqlGate
from kg.wording import counted

SNAPSHOT_PREFIX = ".serving-"
START_SECONDS = 15.0
POLL_SECONDS = 1.0


class ServeError(Exception):
    """The SPARQL server cannot be started or has stopped."""


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int

    @property
    def query_url(self) -> str:
        return f"http://{self.host}:{self.port}/query"

    @property
    def update_url(self) -> str:
        return f"http://{self.host}:{self.port}/update"


def oxigraph_binary() -> Path:
    """The `oxigraph` executable installed beside this Python (or on PATH), of pyoxigraph's version."""
    beside = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = beside if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ServeError(f"no oxigraph server found: pip install 'oxigraph=={pyoxigraph.__version__}'")
    reported = subprocess.run([str(found), "--version"], capture_output=True, text=True, check=False).stdout
    server_version = reported.split()[-1] if reported.split() else "?"
    if server_version.split(".")[:2] != pyoxigraph.__version__.split(".")[:2]:
        raise ServeError(
            f"{found} is oxigraph {server_version}, but the store is written by pyoxigraph "
            f"{pyoxigraph.__version__}: pip install 'oxigraph=={pyoxigraph.__version__}'"
        )
    return Path(found)


def serve(
    output: Path,
    endpoint: Endpoint,
    *,
    allow_updates: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT_SECONDS,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve the build in `output` until interrupted, following new builds as they land. Clients
    talk to the gate (`kg.sparql_gate`) on `endpoint`; the Oxigraph server listens on a private
    loopback port behind it, stops queries running past `timeout` seconds, and is restarted
    should it stop."""
    binary = oxigraph_binary()
    read_manifest(output)  # a clear error when there is no build
    _remove_stale_snapshots(output)
    _check_port_free(endpoint)
    snapshot = output / f"{SNAPSHOT_PREFIX}{os.getpid()}"
    backend = Endpoint("127.0.0.1", _free_port())
    gate = SparqlGate(endpoint.host, endpoint.port, timeout)
    gate.start()
    server: subprocess.Popen[bytes] | None = None
    log: IO[bytes] | None = None
    try:
        while True:
            build_id = _build_id(output)
            manifest = _take_snapshot(output, snapshot)
            server, log = _start(binary, snapshot, backend, allow_updates, timeout)
            gate.backend = (backend.host, backend.port)
            mode = "read and write (updates change this server's copy only)" if allow_updates else "read only"
            counts = f"{counted(manifest['briefs'], 'brief')}, {counted(manifest['triples'], 'triple')}"
            announce(f"serving {output} ({counts}) at {endpoint.query_url} ({mode}); Ctrl-C stops")
            while _build_id(output) == build_id:
                if server.poll() is not None:
                    gate.backend = None
                    announce(f"the SPARQL server stopped (exit {server.returncode}: {_last_line(log)}): restarting")
                    log.close()
                    server, log = _start(binary, snapshot, backend, allow_updates, timeout)
                    gate.backend = (backend.host, backend.port)
                time.sleep(POLL_SECONDS)
            gate.backend = None
            announce("a new build landed: reloading")
            _stop(server)
            log.close()
    finally:
        gate.close()
        if server is not None:
            _stop(server)
        if log is not None:
            log.close()
        shutil.rmtree(snapshot, ignore_errors=True)


def _build_id(output: Path) -> tuple[int, int]:
    """Identifies the build in place: a build swaps in a new build.json (a new inode)."""
    try:
        stat = (output / MANIFEST_FILE).stat()
    except FileNotFoundError:
        return (0, 0)
    return (stat.st_ino, stat.st_mtime_ns)


def _take_snapshot(output: Path, snapshot: Path, attempts: int = 3) -> dict[str, object]:
    """Checkpoint the store into `snapshot` (no build swaps stores meanwhile: `reading`);
    retried, should the file system fail once."""
    for attempt in range(attempts):
        shutil.rmtree(snapshot, ignore_errors=True)
        try:
            with reading(output) as build:
                if not isinstance(build.store, KnowledgeStore):
                    raise ServeError(
                        f"{output} was built into the SPARQL server {build.manifest.get('store')}: query it there"
                    )
                build.store.copy_to(snapshot)
                return build.manifest
        except (OSError, BuildError, StoreError):
            if attempt == attempts - 1:
                raise
            time.sleep(POLL_SECONDS)
    raise AssertionError("unreachable")


def _check_port_free(endpoint: Endpoint) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((endpoint.host, endpoint.port))
        except OSError as error:
            raise ServeError(
                f"cannot listen on {endpoint.host}:{endpoint.port}: {error.strerror or error} (try --port)"
            ) from error


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(
    binary: Path, location: Path, endpoint: Endpoint, allow_updates: bool, timeout: float | None
) -> tuple[subprocess.Popen[bytes], IO[bytes]]:
    """Start the server and wait until it accepts connections; return it with its log (stderr)."""
    command = [str(binary), "serve" if allow_updates else "serve-read-only", "--location", str(location)]
    command += ["--bind", f"{endpoint.host}:{endpoint.port}"]
    if timeout:
        command += ["--timeout-s", str(max(1, math.ceil(timeout)))]  # Oxigraph takes whole seconds
    log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server; serve() closes it)
    server = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=log,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            reason = _last_line(log)
            log.close()
            raise ServeError(f"the SPARQL server did not start on {endpoint.host}:{endpoint.port}: {reason}")
        try:
            with socket.create_connection((endpoint.host, endpoint.port), timeout=0.5):
                if server.poll() is None:
                    return server, log
        except OSError:
            time.sleep(0.1)
    _stop(server)
    log.close()
    raise ServeError(f"the SPARQL server did not answer on {endpoint.host}:{endpoint.port} in {START_SECONDS:.0f} s")


def _last_line(log: IO[bytes]) -> str:
    log.seek(0)
    lines = log.read().decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def _die_with_parent() -> None:
    """In the server process, before exec: have Linux send it SIGTERM when `kg serve` dies, even
    by SIGKILL (prctl PR_SET_PDEATHSIG), so no server is left holding the port."""
    ctypes.CDLL(None).prctl(1, signal.SIGTERM)


def _stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _remove_stale_snapshots(output: Path) -> None:
    """Snapshots of `kg serve` processes that were killed (their process id is gone)."""
    for folder in output.glob(SNAPSHOT_PREFIX + "*"):
        pid = folder.name.removeprefix(SNAPSHOT_PREFIX)
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
