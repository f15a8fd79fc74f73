"""`kg build --dask`: extraction on a dask.distributed cluster gives the bytes `--jobs 1` gives,
keeps the per-brief time limit, and survives a Dask worker killed in the middle of the build
(the scheduler runs its briefs again on a worker that is alive)."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster
from test_brief_limits import NORMAL_ROWS, rows, run_kg

from kg.build import build
from kg.build.cluster import MEMORY_TRIMMING, PLUGIN_NAME, _ExtractorPlugin

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PRODUCTS = ("graph.ttl", "statements.jsonl")


@pytest.fixture(scope="module")
def seeds_by_one_job(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("jobs1") / "output"
    build(SEEDS, output, jobs=1)
    return output


def sources(output: Path) -> list[object]:
    return json.loads((output / "build.json").read_text(encoding="utf-8"))["sources"]


@pytest.mark.timeout(300)
def test_a_local_cluster_of_two_workers_writes_the_bytes_of_one_job(seeds_by_one_job: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    result = run_kg("build", str(SEEDS), "-o", str(output), "--dask", "local:2")
    assert result.returncode == 0, result.stderr
    assert "extracting on the Dask cluster local:2 ..." in result.stderr
    assert "briefs [##############################] 5/5" in result.stderr  # progress as briefs come back
    assert result.stdout.startswith(f"built {output}: 5 briefs, ")
    for name in PRODUCTS:
        assert (output / name).read_bytes() == (seeds_by_one_job / name).read_bytes(), name
    assert sources(output) == sources(seeds_by_one_job)


@pytest.mark.timeout(300)
def test_the_time_limit_holds_on_dask_workers(tmp_path: Path) -> None:
    from test_brief_limits import long_brief

    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "a_long.txt").write_text(long_brief(), encoding="utf-8")
    (folder / "b_normal.txt").write_text(
        "Weekly note on the border\nMarch 3, 2016\n\n"
        "On 2 March 2016, Lithuania expelled a Russian diplomat from Vilnius after a spy scandal.\n\n"
        "Poland criticised the new Belarusian nuclear power plant near the Lithuanian border.\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    result = run_kg("build", str(folder), "-o", str(output), "--dask", "local:1", "--brief-timeout", "2", "-q")
    assert result.returncode == 4, result.stderr
    assert (
        f"kg: {folder / 'a_long.txt'}: left out of this build: stopped after 2 s (--brief-timeout 2)" in result.stderr
    )
    assert rows(output) == NORMAL_ROWS  # the same worker went on with the next brief


@pytest.fixture
def external_cluster() -> Iterator[Client]:
    """A cluster the build only connects to (tcp://), as a team's cluster would be."""
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, memory_limit=0) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.mark.timeout(300)
def test_a_worker_killed_mid_build_has_its_brief_run_again_elsewhere(
    external_cluster: Client, seeds_by_one_job: Path, tmp_path: Path
) -> None:
    source = tmp_path / "briefs"
    shutil.copytree(SEEDS, source)
    killed: list[int] = []

    def kill_a_worker(done: int, total: int, detail: str = "") -> None:
        if done == 1 and not killed and not detail:  # both workers hold briefs still to come back
            pids = external_cluster.run(os.getpid)
            killed.append(sorted(pids.values())[0])
            os.kill(killed[0], signal.SIGKILL)

    output = tmp_path / "output"
    summary = build(source, output, progress=kill_a_worker, dask=external_cluster.scheduler_info()["address"])
    assert killed
    assert summary.left_out == 0 and summary.briefs == 5
    for name in PRODUCTS:
        assert (output / name).read_bytes() == (seeds_by_one_job / name).read_bytes(), name


def environments_of_extractors() -> list[dict[str, str]]:
    """Run on a Dask worker: the environments of the processes it started (multiprocessing's
    resource tracker aside)."""
    import psutil

    children = psutil.Process().children()
    return [child.environ() for child in children if "resource_tracker" not in " ".join(child.cmdline())]


@pytest.mark.timeout(300)
def test_the_extractors_run_without_the_memory_trimming_dask_sets_for_its_workers(external_cluster: Client) -> None:
    workers = external_cluster.run(lambda: dict(os.environ))
    assert {env.get(MEMORY_TRIMMING) for env in workers.values()} == {"65536"}  # Dask's nanny set it
    external_cluster.register_plugin(_ExtractorPlugin(), name=PLUGIN_NAME)
    extractors = [env for envs in external_cluster.run(environments_of_extractors).values() for env in envs]
    assert len(extractors) == 2
    assert all(MEMORY_TRIMMING not in env for env in extractors)
    assert all(env.get("OMP_NUM_THREADS") == "1" for env in extractors)  # the rest of Dask's settings hold


def test_a_bad_local_cluster_size_is_one_line(tmp_path: Path) -> None:
    result = run_kg("build", str(SEEDS), "-o", str(tmp_path / "output"), "--dask", "local:zero")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "kg: error: --dask local:N takes a number of workers of at least 1, not 'local:zero'"
    )
