"""No process outlives the command: SIGTERM/SIGINT end a run and its workers; a worker whose parent died exits."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from types import FrameType
from typing import Iterator

_PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 1.0


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by a signal; ``exit_code`` is the shell's 128 + signal number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.exit_code = 128 + signum


def end_children() -> None:
    """Terminate every worker process this process started (validation workers), then reap them."""
    children = multiprocessing.active_children()
    for child in children:
        with contextlib.suppress(Exception):
            child.terminate()
    for child in children:
        with contextlib.suppress(Exception):
            child.join(timeout=2.0)


@contextlib.contextmanager
def ended_by_signals() -> Iterator[None]:
    """While inside: SIGTERM and SIGINT end the workers and raise ``Stopped`` (so ``finally`` blocks
    run and the output is left as the old or the new tree); outside, the handlers are as before."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set signal handlers
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        end_children()
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def can_fork() -> bool:
    """Whether a worker may be forked: the platform has fork, there is a second CPU, and no other
    thread runs here (forking a threaded process can deadlock the child)."""
    return (
        (os.cpu_count() or 1) > 1
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


_FORKED_FROM = 0  # in a forked process: the pid of the process it was forked from


def _note_parent() -> None:
    global _FORKED_FROM
    _FORKED_FROM = os.getpid()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=_note_parent)


def die_with_parent() -> None:
    """Run in a forked worker: exit when the process that started it dies (even by SIGKILL).

    On Linux the kernel sends SIGTERM at the parent's death (``PR_SET_PDEATHSIG``); elsewhere a
    daemon thread notices the parent is gone. Either way a parent that died before this ran is seen:
    the parent is the process this one was forked from (noted at the fork), not whichever process
    adopted it meanwhile.
    """
    # first of all: a SIGTERM from the parent (ending its workers) must end this process, not run
    # the parent's handler inherited through fork; Ctrl-C is the parent's to handle, and it ends us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = _FORKED_FROM or os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            # the process's own symbols hold libc's prctl (ctypes.util.find_library would start ldconfig)
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        threading.Event().wait(PARENT_POLL_SECONDS)
    os._exit(1)
