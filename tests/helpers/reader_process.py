"""Run the real `reader` command in a child process and measure what it cost.

Shared by the hostile-server, hostile-page and batch tests. Peak memory is the child's
``ru_maxrss`` from ``wait4``, taken by a small launcher process rather than by pytest: Linux
carries the high-water mark of the address space a process had before ``exec`` into the new
program, and a child forked (or vforked) straight from pytest starts with pytest's hundreds of
megabytes. Forked from the launcher, it starts from the launcher's few.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
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


# argv: rusage-file, reader args... Exits as the child did (128+N when killed by signal N).
_LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "reader", *sys.argv[2:]])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
os._exit(code if code >= 0 else 128 - code)
"""


def run_reader(args: list[str], *, timeout: float, stdin: bytes | None = None) -> Run:
    """Run `reader ARGS`; raise :class:`Hung` if it is still running after ``timeout`` s."""
    # Files, not pipes: a child writing 20 MB must never block on a pipe nobody reads yet.
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as inp,
        tempfile.NamedTemporaryFile("r") as usage,
    ):
        inp.write(stdin or b"")
        inp.seek(0)
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, usage.name, *args],
            stdin=inp,
            stdout=out,
            stderr=err,
            start_new_session=True,  # so a hung reader can be killed with its launcher
        )
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise Hung(f"reader {args} still running after {timeout} s") from None
        out.seek(0)
        err.seek(0)
        return Run(
            code=code,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            peak_mb=int(usage.read() or 0) / 1024,  # Linux reports kilobytes
        )


def assert_one_line_failure(run: Run, code: int) -> None:
    """What every failure must look like: its exit code, one safe stderr line, no traceback."""
    assert run.code == code, (run.code, run.stderr)
    assert "Traceback" not in run.stderr
    assert len(run.stderr_lines) == 1, run.stderr
    assert run.stderr.startswith("reader: ")
    assert is_safe(run.stderr)


def run_in_terminal(
    args: list[str],
    *,
    timeout: float,
    columns: int = 80,
    rows: int = 24,
    keys: bytes = b"",
    keys_after: bytes = b"\x1b[?1049h",
    env: dict[str, str] | None = None,
) -> Run:
    """Run `reader ARGS` in a pseudo-terminal of ``columns`` x ``rows`` (stdin, stdout and
    stderr, as in a person's terminal; Textual draws on stderr), type ``keys`` once the screen
    shows ``keys_after`` (the alternate screen: the TUI is up). ``stdout`` is everything the
    terminal got, with line ends as the terminal sends them (\r\n)."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    proc = subprocess.Popen(
        command(args),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
        env={**os.environ, "TERM": "xterm-256color", **(env or {})},
    )
    os.close(slave)
    output = b""
    deadline = time.monotonic() + timeout
    typed = not keys
    try:
        while True:
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise Hung(f"reader {args} still running after {timeout} s")
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if chunk:
                    output += chunk
                    if not typed and keys_after in output:
                        time.sleep(0.5)  # let the first screen settle before typing
                        os.write(master, keys)
                        typed = True
                    continue
            if proc.poll() is not None:
                break
            if ready:
                time.sleep(0.05)  # end of output while the child is still exiting
    finally:
        os.close(master)
    return Run(code=proc.wait(), stdout=output.decode("utf-8", "replace"), stderr="", peak_mb=0.0)
