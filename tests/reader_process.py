"""Run the real `reader` command in a child process and measure what it cost.

Shared by the hostile-server, hostile-page and batch tests. The child's peak memory comes from
``os.wait4``, which reports the resource usage of that one child, so it does not depend on what
other children the test process ran before (``RUSAGE_CHILDREN`` keeps only the maximum).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from reader.safety import is_safe

# Enough for the interpreter to start and print a message on a loaded CI machine.
MARGIN = 15.0


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    peak_mb: float  # peak resident set size of the child

    @property
    def stderr_lines(self) -> list[str]:
        return self.stderr.splitlines()


class Hung(AssertionError):
    """The child did not finish in time: reader hung."""


def command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def run_reader(args: list[str], *, timeout: float, stdin: bytes | None = None) -> Run:
    """Run `reader ARGS`; raise :class:`Hung` if it is still running after ``timeout`` s."""
    # Files, not pipes: a child writing 20 MB must never block on a pipe nobody reads yet.
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as inp,
    ):
        inp.write(stdin or b"")
        inp.seek(0)
        proc = subprocess.Popen(command(args), stdin=inp, stdout=out, stderr=err)
        status, usage = _wait(proc, timeout)
        out.seek(0)
        err.seek(0)
        return Run(
            code=os.waitstatus_to_exitcode(status),
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            peak_mb=usage.ru_maxrss / 1024,  # Linux reports kilobytes
        )


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int, os.struct_rusage]:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
            return status, usage
        if time.monotonic() > deadline:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            raise Hung(f"reader {proc.args[3:]} still running after {timeout} s")
        time.sleep(0.02)


def assert_one_line_failure(run: Run, code: int) -> None:
    """What every failure must look like: its exit code, one safe stderr line, no traceback."""
    assert run.code == code, (run.code, run.stderr)
    assert "Traceback" not in run.stderr
    assert len(run.stderr_lines) == 1, run.stderr
    assert run.stderr.startswith("reader: ")
    assert is_safe(run.stderr)
