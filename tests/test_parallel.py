"""newslint.parallel: forked workers, results in order, failures that end the run instead of hanging it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from newslint import parallel

pytestmark = pytest.mark.skipif(not parallel.available(), reason="needs os.fork")


def _live_children():
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == me:  # ppid
                found.append(entry)
    return found


def _square_slowly(n):
    time.sleep(0.002 * (n % 3))  # out-of-order completion
    return n * n, os.getpid()


def test_results_come_back_in_order_from_every_worker():
    out = list(parallel.forked_map(_square_slowly, list(range(40)), 3))
    assert [v for v, _ in out] == [n * n for n in range(40)]
    pids = {pid for _, pid in out}
    assert os.getpid() not in pids and len(pids) >= 2
    assert not _live_children()


def test_empty_and_single_job():
    assert list(parallel.forked_map(_square_slowly, [], 2)) == []
    assert [v for v, _ in parallel.forked_map(_square_slowly, [3], 4)] == [9]


class Odd(ValueError):
    pass


def _fail_on_seven(n):
    if n == 7:
        raise Odd(f"no {n}")
    return n


def test_an_exception_in_a_worker_is_raised_in_the_parent():
    with pytest.raises(Odd, match="no 7"):
        list(parallel.forked_map(_fail_on_seven, list(range(20)), 2))
    assert not _live_children()


def _die_on_five(n):
    if n == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_a_killed_worker_ends_the_run_instead_of_hanging_it():
    with pytest.raises(parallel.WorkerDied, match="SIGKILL"):
        list(parallel.forked_map(_die_on_five, list(range(20)), 2))
    assert not _live_children()


def _unpicklable(n):
    return lambda: n


def test_a_result_that_cannot_be_pickled_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="cannot hand back"):
        list(parallel.forked_map(_unpicklable, [1, 2, 3], 2))
    assert not _live_children()


def _slow(n):
    time.sleep(0.01)
    return n


def test_stopping_early_ends_and_reaps_the_workers():
    results = parallel.forked_map(_slow, list(range(100)), 2)
    assert next(results) == 0
    results.close()
    assert not _live_children()


_MARK = {"in": "parent"}


def _where(_):
    return _MARK["in"]


def test_in_worker_runs_in_each_worker_only():
    def started():
        _MARK["in"] = "worker"

    assert set(parallel.forked_map(_where, list(range(10)), 2, in_worker=started)) == {"worker"}
    assert _MARK["in"] == "parent"


def _big(n):
    return "x" * (300_000 + n)  # larger than a pipe's buffer


def test_results_larger_than_a_pipe_buffer():
    out = list(parallel.forked_map(_big, list(range(12)), 2))
    assert [len(s) for s in out] == [300_000 + n for n in range(12)]


def _here(n):
    return n * n, "here"


def test_local_makes_the_parent_one_of_the_jobs():
    """With ``local``, jobs=2 forks one worker and the parent runs tasks itself while no result
    is waiting; the order is kept and the worker is reaped."""
    out = list(parallel.forked_map(_square_slowly, list(range(60)), 2, local=_here))
    assert [v for v, _ in out] == [n * n for n in range(60)]
    where = {w for _, w in out}
    assert "here" in where and len(where - {"here"}) == 1 and os.getpid() not in where
    assert not _live_children()


def test_local_alone_when_there_is_one_task_per_job():
    assert list(parallel.forked_map(_square_slowly, [4], 2, local=_here)) == [(16, "here")]
    assert not _live_children()


def _local_fails(n):
    raise Odd(f"here {n}")


def test_an_exception_in_the_parent_s_share_ends_the_run_and_reaps_the_worker():
    with pytest.raises(Odd, match="here"):
        list(parallel.forked_map(_slow, list(range(40)), 2, local=_local_fails))
    assert not _live_children()


@pytest.mark.parametrize("count,jobs", [(0, 2), (1, 2), (7, 2), (600, 2), (1000, 8), (64, 61)])
def test_guided_chunks_cover_every_item_once_and_end_small(count, jobs):
    chunks = parallel.guided_chunks(count, jobs)
    assert [i for s, e in chunks for i in range(s, e)] == list(range(count))
    sizes = [e - s for s, e in chunks]
    assert sizes == sorted(sizes, reverse=True)
    if count:
        assert sizes[-1] == 1 and max(sizes) <= 16


def test_cli_parallel_run_matches_serial_with_json_lines_and_errors(tmp_path):
    """-j2 and -j1 give the same report: text files, a JSON Lines file, a missing file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"The the mayor said {i} people came on Tuesday.\n", encoding="utf-8")
    records = [{"id": f"a{i}", "headline": "Vote", "body": "The the council met. It said 5 percent agreed."}
               for i in range(20)]
    (folder / "batch.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    paths = sorted(str(p) for p in folder.iterdir()) + [str(folder / "missing.txt")]

    def run(jobs):
        proc = subprocess.run([sys.executable, "-m", "newslint", "--no-config", "-q", "-j", jobs,
                               "--format", "json", *paths], capture_output=True, text=True,
                              env={**os.environ, "NEWSLINT_NO_CACHE": "1"}, timeout=120)
        report = json.loads(proc.stdout)
        report["summary"].pop("elapsed", None)
        return proc.returncode, report, proc.stderr

    serial, parallel_run = run("1"), run("2")
    assert serial[0] == parallel_run[0] == 1
    assert serial[1] == parallel_run[1]
    assert serial[1]["summary"]["findings"] > 40
    assert parallel_run[2] == serial[2]


def test_cli_parallel_run_reports_a_crashing_plugin_like_a_serial_run(tmp_path):
    """A plugin's failures in a worker reach the parent's report once, as in a serial run (exit 3)."""
    (tmp_path / "crash.py").write_text(
        "import pluggy\nhookimpl = pluggy.HookimplMarker('newslint')\n\n"
        "@hookimpl\ndef newslint_check(article, config):\n    raise RuntimeError('broken check')\n",
        encoding="utf-8")
    (tmp_path / "newslint.yaml").write_text("plugins: [crash.py]\n", encoding="utf-8")
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text("The the mayor spoke.\n", encoding="utf-8")
    paths = [f"{i}.txt" for i in range(6)]

    def run(jobs):
        proc = subprocess.run([sys.executable, "-m", "newslint", "-j", jobs, "--format", "json", *paths],
                              capture_output=True, text=True, cwd=tmp_path, timeout=120,
                              env={**os.environ, "NEWSLINT_NO_CACHE": "1"})
        report = json.loads(proc.stdout)
        report["summary"].pop("elapsed", None)
        for error in report["errors"]:
            error.pop("traceback", None)
        return proc.returncode, report

    serial, parallel_run = run("1"), run("2")
    assert serial[0] == parallel_run[0] == 3
    assert serial[1]["errors"] and serial[1] == parallel_run[1]


def test_a_one_file_run_does_not_load_the_parallel_machinery(tmp_path):
    """The cold start stays lean: one file is linted in process, without newslint.parallel
    (pickle, signal) or multiprocessing."""
    (tmp_path / "a.txt").write_text("The the mayor said the vote would happen on Tuesday.\n", encoding="utf-8")
    code = ("import json, sys\nfrom newslint.cli import main\ncode = main(['a.txt'])\n"
            "print(json.dumps(sorted(m for m in ('newslint.parallel', 'multiprocessing') if m in sys.modules)))\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]),
               NEWSLINT_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unbuffered_python_still_gives_the_whole_report(tmp_path, jobs):
    """With PYTHONUNBUFFERED the command buffers its report on a pipe (one system call per write
    otherwise) and flushes it whole at the end, also after --fix on stdin."""
    for i in range(70):
        (tmp_path / f"{i:02}.txt").write_text("The the mayor said on Tuesday.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NEWSLINT_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "newslint", "--no-config", "-j", jobs, "--format", "jsonl",
                           *sorted(p.name for p in tmp_path.glob("*.txt"))], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sum(1 for r in lines if r.get("rule") == "mechanics.doubled-word") == 70
    fixed = subprocess.run([sys.executable, "-m", "newslint", "--no-config", "--fix", "-", "--stdin-filename", "a.txt"],
                           input="The the mayor said on Tuesday.\n", env=env, capture_output=True, text=True,
                           timeout=120)
    assert fixed.stdout == "The mayor said on Tuesday.\n", fixed.stderr


def test_the_parent_s_share_keeps_a_json_lines_file_s_findings_in_its_result(tmp_path):
    """In the parent of a parallel run a JSON Lines file is linted as a worker lints it: its
    findings stay in the file's result (a streamed file would reach the report ahead of the files
    before it), plugin errors start from none, and the linters' sink is put back afterwards."""
    from newslint.config import Settings
    from newslint.plugins.manager import PluginHost
    from newslint.session import Session

    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "a1", "headline": "Vote", "body": "The the council met."}) + "\n",
                    encoding="utf-8")
    session = Session(PluginHost(load_entry_points=False), Settings(), use_config=False)
    session.prepare([str(path)], None)

    class Sink:
        def __init__(self):
            self.begun = 0

        def begin(self, result):
            self.begun += 1
            return True

        def add(self, result, findings):
            raise AssertionError("streamed in the parent's share")

    sink = Sink()
    for linter in session._linters.values():
        linter.stream_to = sink
    import newslint.session as S

    S._WORKER_SESSION = session
    try:
        results = session._lint_chunk_here((0, 1, False))
    finally:
        S._WORKER_SESSION = None
    assert sink.begun == 0
    assert [f.rule for f in results[0].findings] == ["mechanics.doubled-word"]
    assert all(linter.stream_to is sink for linter in session._linters.values())
    assert results[0].plugin_errors == [] and session.host.errors == []
