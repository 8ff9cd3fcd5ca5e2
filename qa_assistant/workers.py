"""Run tasks in worker processes under a per-task time limit and memory ceiling.

Each worker caps its own address space (``RLIMIT_AS``), so a draft that needs more memory fails
with ``MemoryError`` (or, in a parser's C code, ends the process) instead of taking the machine;
the parent ends a worker whose task passes the time limit (whatever it is doing, even inside C
code that never returns to Python). A worker that was ended, crashed or ran out of memory is
replaced and the other tasks go on: every task gets exactly one outcome.

One task is in flight per worker at a time, so the clock and the blame are per task.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

DEFAULT_SECONDS = 60.0
DEFAULT_MEMORY_MB = 1536
WARM_UP_SECONDS = 300.0  # loading the rules and models, once per worker; not a draft's time
_HEADROOM = 256 * 1024 * 1024  # above what a (forked) worker already maps before its first task


@dataclass(frozen=True)
class Limits:
    """Per-file limits: wall-clock seconds and the memory ceiling of the checking process."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    def time_message(self) -> str:
        return (
            f"checking took longer than the {self.seconds:g} s per-file time limit and was "
            "stopped (--time-limit to change it)"
        )

    def memory_message(self) -> str:
        return (
            f"checking needed more than the {self.memory_mb:,} MB per-file memory limit and was "
            "stopped (--memory-limit to change it)"
        )


@dataclass(frozen=True)
class Outcome:
    """What became of one task: ``kind`` is ok, timeout, memory, died or error."""

    kind: str
    value: Any = None  # the task's return value (ok), exception type name (error), exit code (died)

    def message(self, limits: Limits) -> str:
        if self.kind == "timeout":
            return limits.time_message()
        if self.kind == "memory":
            return limits.memory_message()
        if self.kind == "error":
            return f"unexpected error while checking ({self.value})"
        how = f" (signal {-self.value})" if isinstance(self.value, int) and self.value < 0 else ""
        return (
            f"the checker's process stopped on this draft{how}: it may be too large or "
            "malformed; split it or save it again and retry"
        )


def _vm_size() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def set_memory_ceiling(memory_mb: int) -> None:
    """Cap this process's address space at ``memory_mb`` (or, for a process that already maps
    more than that, at what it maps plus a margin)."""
    want = max(memory_mb * 1024 * 1024, _vm_size() + _HEADROOM)
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ValueError, OSError):  # pragma: no cover - a platform without RLIMIT_AS
        pass


def _worker(conn: Connection, task: Callable, warm: Callable | None, memory_mb: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    set_memory_ceiling(memory_mb)
    if warm is not None:
        with contextlib.suppress(Exception):  # the task reports the problem per draft
            warm()
    conn.send(("ready", None))
    while True:
        try:
            arg = conn.recv()
        except (EOFError, OSError):
            return
        if arg is None:
            return
        try:
            reply = ("ok", task(arg))
        except MemoryError:
            reply = ("memory", None)
        except RecursionError:
            reply = ("error", "RecursionError")
        except BaseException as exc:  # noqa: BLE001 - never a traceback (it could quote a draft)
            reply = ("error", type(exc).__name__)
        try:
            conn.send(reply)
        except MemoryError:
            os._exit(70)  # the parent sees a process that stopped
        if reply[0] == "memory":
            return  # a fresh process for the next draft, not a fragmented one


class _Slot:
    def __init__(self, ctx, task: Callable, warm: Callable | None, limits: Limits) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(
            target=_worker, args=(child, task, warm, limits.memory_mb), daemon=True
        )
        self.proc.start()
        child.close()
        self.ready = False
        self.busy: int | None = None
        self.since = time.monotonic()

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def run_limited(
    task: Callable[[Any], Any],
    args: Sequence[Any],
    on_done: Callable[[int, Outcome], None],
    workers: int = 1,
    limits: Limits | None = None,
    warm: Callable[[], None] | None = None,
) -> None:
    """Run ``task(arg)`` for every arg on ``workers`` processes; ``on_done(index, outcome)`` is
    called once per arg, in completion order. ``task`` and ``warm`` must be module-level
    functions (or partials of them) and ``task`` must return picklable values."""
    limits = limits or Limits()
    ctx = multiprocessing.get_context()
    pending = deque(range(len(args)))
    slots: list[_Slot] = []
    failed_starts = 0

    def replace(slot: _Slot) -> None:
        slot.stop()
        slots.remove(slot)
        if pending or any(s.busy is not None for s in slots):
            slots.append(_Slot(ctx, task, warm, limits))

    try:
        for _ in range(max(1, min(workers, len(args)))):
            slots.append(_Slot(ctx, task, warm, limits))
        while pending or any(s.busy is not None for s in slots):
            now = time.monotonic()
            for slot in slots:
                if slot.ready and slot.busy is None and pending:
                    i = pending.popleft()
                    try:
                        slot.conn.send(args[i])
                    except (OSError, ValueError):
                        pending.appendleft(i)  # the process is gone: found below
                        continue
                    slot.busy, slot.since = i, now
            deadlines = [s.since + limits.seconds for s in slots if s.busy is not None]
            deadlines += [s.since + WARM_UP_SECONDS for s in slots if not s.ready]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else 1.0
            waitables = [s.conn for s in slots] + [s.proc.sentinel for s in slots]
            wait(waitables, timeout)
            for slot in list(slots):
                alive = slot.proc.is_alive()
                if slot.conn.poll():
                    try:
                        kind, value = slot.conn.recv()
                    except (EOFError, OSError):
                        kind, value = "gone", None
                    if kind == "ready":
                        slot.ready = True
                        continue
                    if kind != "gone" and slot.busy is not None:
                        i, slot.busy = slot.busy, None
                        on_done(i, Outcome(kind, value))
                        if kind == "memory":
                            replace(slot)
                        continue
                    alive = False
                elapsed = time.monotonic() - slot.since
                if alive and slot.busy is not None and elapsed >= limits.seconds:
                    i, slot.busy = slot.busy, None
                    on_done(i, Outcome("timeout"))
                    replace(slot)
                    continue
                if alive and not slot.ready and elapsed >= WARM_UP_SECONDS:
                    alive = False
                if not alive:
                    slot.proc.join(5)
                    code = slot.proc.exitcode
                    if slot.busy is not None:
                        i, slot.busy = slot.busy, None
                        on_done(i, Outcome("died", code))
                    elif not slot.ready:
                        failed_starts += 1
                    if failed_starts > 3 + 2 * workers:  # workers cannot even start
                        while pending:
                            on_done(pending.popleft(), Outcome("died", code))
                    replace(slot)
    finally:
        for slot in slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
            if slot.busy is not None:
                slot.proc.kill()
        deadline = time.monotonic() + 2
        for slot in slots:
            slot.proc.join(max(0.0, deadline - time.monotonic()))
            slot.stop()
