"""Work shared out to forked worker processes, the results handed back in order.

``forked_map(work, tasks, jobs)`` is what ``multiprocessing.Pool.imap`` does for
a lint run, without its machinery: each worker is a plain ``os.fork()`` of
the process (so it inherits the compiled rules and patterns) with a pipe for
tasks and one for results, and the parent's one thread hands out the tasks
and reads the results. Given ``local``, the parent is one of the ``jobs``
itself: between reads it runs tasks with ``local(task)``, whose results
cross no pipe (on 2 cores: one fork instead of two, and no idle parent).
``multiprocessing`` costs more in a short parallel
run than a 2-core machine can spare: ~8 ms to import, a few ms to start and
stop its three threads and queues, and a keeper thread that spins on the
result pipe while the workers run.

Each worker has at most ``PREFETCH`` tasks handed to it, so it never waits
for the parent between tasks, and the next task goes to whichever worker
returns one first. A worker that dies (killed, out of memory) ends the run
with ``WorkerDied`` instead of a hang; an exception in ``work`` is raised in
the parent. On any exit from the generator (done, an error, Ctrl-C, the
caller stopping early) the workers are ended and reaped. POSIX only.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys

#: tasks handed to a worker ahead of its results
PREFETCH = 2
_HEADER = 8  # bytes of a message's length


class WorkerDied(RuntimeError):
    """A worker process ended without returning its tasks' results."""


def available() -> bool:
    return hasattr(os, "fork")


def _write(fd: int, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exact(fd: int, size: int) -> bytes | None:
    parts = []
    while size:
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _read(fd: int):
    """The next message, or raise EOFError when the other end is closed."""
    head = _read_exact(fd, _HEADER)
    body = None if head is None else _read_exact(fd, int.from_bytes(head, "little"))
    if body is None:
        raise EOFError
    return pickle.loads(body)


def _serve(task_fd: int, result_fd: int, work) -> None:
    """A worker's loop: run tasks until the parent closes the task pipe."""
    while True:
        try:
            index, task = _read(task_fd)
        except EOFError:
            return
        try:
            outcome = (True, work(task))
        except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
            import traceback

            outcome = (False, (exc, traceback.format_exc()))
        try:
            _write(result_fd, (index, outcome))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            if not outcome[0]:
                outcome = (False, (None, outcome[1][1]))
            else:
                outcome = (False, (None, f"cannot hand back the result: {type(exc).__name__}: {exc}"))
            _write(result_fd, (index, outcome))


class _Worker:
    __slots__ = ("pid", "tasks", "results", "pending")

    def __init__(self, pid: int, tasks: int, results: int):
        self.pid = pid
        self.tasks = tasks  # the parent's write end
        self.results = results  # the parent's read end
        self.pending = 0


def _start(jobs: int, work, in_worker, started=None) -> list[_Worker]:
    """Fork ``jobs`` workers; ``started(worker)`` right after each fork (the first worker
    gets its tasks while the next is forked: a fork of a big process takes 1-5 ms)."""
    workers: list[_Worker] = []
    try:
        for _ in range(jobs):
            task_r, task_w = os.pipe()
            result_r, result_w = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: never returns into the caller's code
                code = 0
                try:
                    # Ctrl-C reaches the whole process group: the parent handles it and ends us
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    os.close(task_w)
                    os.close(result_r)
                    for sibling in workers:
                        os.close(sibling.tasks)
                        os.close(sibling.results)
                    if in_worker is not None:
                        in_worker()
                    _serve(task_r, result_w, work)
                except BrokenPipeError:  # the parent is gone
                    code = 1
                except BaseException:  # noqa: BLE001 - report, then end this process, whatever happened
                    code = 1
                    try:
                        import traceback

                        traceback.print_exc()
                        sys.stderr.flush()
                    except BaseException:  # noqa: BLE001
                        pass
                finally:
                    os._exit(code)
            os.close(task_r)
            os.close(result_w)
            workers.append(_Worker(pid, task_w, result_r))
            if started is not None:
                started(workers[-1])
    except BaseException:
        _stop(workers)
        raise
    return workers


def _stop(workers: list[_Worker]) -> None:
    """Close the pipes (an idle worker reads EOF and exits), end busy workers, reap all."""
    for worker in workers:
        for fd in (worker.tasks, worker.results):
            try:
                os.close(fd)
            except OSError:
                pass
    for worker in workers:
        if worker.pending and worker.pid:
            try:
                os.kill(worker.pid, signal.SIGTERM)
            except OSError:
                pass
    for worker in workers:
        if not worker.pid:
            continue
        try:
            os.waitpid(worker.pid, 0)
        except OSError:
            pass
        except KeyboardInterrupt:  # a second Ctrl-C: do not wait
            os.kill(worker.pid, signal.SIGKILL)
    workers.clear()


def forked_map(work, tasks: list, jobs: int, in_worker=None, local=None):
    """Yield ``work(task)`` for each task, in order, computed in ``jobs`` forked workers.

    ``work`` and what it needs are inherited by the fork; ``task`` and what
    ``work`` returns cross a pipe, pickled. ``in_worker()`` runs first in each
    worker. Results that come back out of order wait in the parent. With
    ``local`` (``work``'s counterpart for the parent), ``jobs - 1`` workers
    are forked and the parent runs a task whenever no worker's result is
    waiting to be read.
    """
    if not tasks:
        return
    sent = 0
    done: dict[int, object] = {}
    expected = 0

    def hand_out(worker: _Worker) -> None:
        nonlocal sent
        while worker.pending < PREFETCH and sent < len(tasks):
            try:
                _write(worker.tasks, (sent, tasks[sent]))
            except BrokenPipeError:
                raise WorkerDied(f"a worker process ended unexpectedly ({_reap(worker)})") from None
            worker.pending += 1
            sent += 1

    forks = max(1, min(jobs, len(tasks))) - (local is not None)
    workers = _start(forks, work, in_worker, started=hand_out) if forks else []
    by_fd = {w.results: w for w in workers}
    try:
        while expected < len(tasks):
            while expected not in done:
                busy = [w.results for w in workers if w.pending]
                if local is not None and sent < len(tasks):
                    ready = select.select(busy, [], [], 0)[0] if busy else []
                    if not ready:  # nothing to read: the parent's turn to work
                        sent += 1
                        done[sent - 1] = local(tasks[sent - 1])
                        continue
                else:
                    ready = select.select(busy, [], [])[0]
                for fd in ready:
                    worker = by_fd[fd]
                    try:
                        index, (ok, value) = _read(fd)
                    except EOFError:
                        raise WorkerDied(f"a worker process ended unexpectedly ({_reap(worker)})") from None
                    worker.pending -= 1
                    hand_out(worker)
                    if not ok:
                        exc, trace = value
                        if isinstance(exc, BaseException):
                            raise exc
                        raise RuntimeError(f"a worker process failed:\n{trace}")
                    done[index] = value
            yield done.pop(expected)
            expected += 1
    finally:
        _stop(workers)


def _reap(worker: _Worker) -> str:
    """Wait for a worker that closed its pipe; how it ended."""
    worker.pending = 0
    try:
        _, status = os.waitpid(worker.pid, 0)
    except ChildProcessError:
        return "already reaped"
    worker.pid = 0
    if os.WIFSIGNALED(status):
        try:
            return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
        except ValueError:
            return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit code {os.WEXITSTATUS(status) if os.WIFEXITED(status) else status}"


def guided_chunks(count: int, jobs: int, largest: int = 16) -> list[tuple[int, int]]:
    """``[start, end)`` index ranges over ``count`` items, large first and down to one item at
    the end (guided scheduling): few round trips, and the workers finish within an item of
    each other instead of one waiting out the other's last chunk."""
    chunks = []
    start = 0
    while start < count:
        size = max(1, min(largest, (count - start) // (jobs * 4)))
        chunks.append((start, start + size))
        start += size
    return chunks
