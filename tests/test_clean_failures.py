"""Failures of the world around reader, each one line and a non-zero exit, never a traceback:
a full disk, closed standard streams, options that cannot work, source lists without end,
a SOCKS proxy without SOCKS support, a rules file of the wrong shape. (An early Ctrl+C is
tests/test_cli_entry.py's.)"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from reader.safety import is_safe
from reader.source.sourcelist import MAX_LINE, MAX_SOURCES
from tests.helpers.reader_process import assert_one_line_failure, command, run_reader

pytestmark = pytest.mark.slow

WORDS = "The harbour reopened on Tuesday after three weeks of repairs, the port authority said. "
PAGE = f"<html><head><title>Harbour</title></head><body><article><p>{WORDS * 8}</p></article>"


@pytest.fixture
def page(tmp_path: Path) -> str:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    return str(path)


def _raw(args: list[str], **streams: object) -> subprocess.CompletedProcess[bytes]:
    """The command with its standard streams as given (closed, /dev/full...)."""
    return subprocess.run(command(args), capture_output=False, timeout=60, **streams)  # type: ignore[call-overload]


def _one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert len(text.splitlines()) == 1, text
    assert text.startswith("reader: ") and is_safe(text)
    return text


def test_a_full_disk_is_one_line(page):
    with open("/dev/full", "w") as full:
        done = _raw([page], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert "cannot write the output: No space left on device" in _one_line(done.stderr)


def test_a_full_disk_in_a_batch_is_one_line_and_stops_the_batch(page):
    with open("/dev/full", "w") as full:
        done = _raw([page] * 3, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert "cannot write the output: No space left on device (0 of 3 sources printed)" in line


def test_closed_stdout_is_one_line(page):
    # `reader page.html >&-`: the child starts with file descriptor 1 closed.
    closed = subprocess.run(
        command([page]),
        stderr=subprocess.PIPE,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert closed.returncode == 1
    assert "standard output is closed" in _one_line(closed.stderr)


@pytest.mark.parametrize("args", [["-"], ["-i", "-"]])
def test_closed_stdin_is_one_line(args):
    done = subprocess.run(
        command(args),
        capture_output=True,
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert "standard input" in _one_line(done.stderr) and "closed" in done.stderr.decode()


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--max-bytes", "inf"),
        ("--max-bytes", "nan"),
        ("--max-bytes", "1e99"),
        ("--max-bytes", "100000G"),
        ("--timeout", "inf"),
        ("--timeout", "1e300"),
        ("--timeout", "nan"),
        ("--timeout", "0"),
        ("-j/--jobs", "1000000"),
    ],
)
def test_options_that_cannot_work_are_refused(page, option, value):
    run = run_reader([option.split("/")[-1], value, page], timeout=60)
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr_lines[-1].startswith(f"reader: error: argument {option}")


def test_a_large_max_bytes_reads_in_chunks_not_all_at_once(page):
    # 16G was once allocated up front by read(max_bytes + 1), for a page of 1 KB.
    run = run_reader(["--max-bytes", "16G", page], timeout=60)
    assert run.code == 0, run.stderr
    assert run.peak_mb < 200, f"peak {run.peak_mb:.0f} MB"
    stdin = run_reader(["--max-bytes", "16G", "-"], timeout=60, stdin=PAGE.encode())
    assert stdin.code == 0 and stdin.peak_mb < 200


def test_source_list_of_endless_line_ends_at_once():
    run = run_reader(["-i", "/dev/zero"], timeout=30)
    assert_one_line_failure(run, 2)
    assert f"line 1 of the source list /dev/zero is longer than {MAX_LINE:,} bytes" in run.stderr
    assert run.peak_mb < 100


def test_endless_source_list_on_stdin_ends_at_the_cap():
    # `yes URL | reader -i -`, as a process that never stops writing.
    feeder = subprocess.Popen(
        ["yes", "http://127.0.0.1:9/story"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        done = subprocess.run(
            command(["-i", "-"]), stdin=feeder.stdout, capture_output=True, timeout=60
        )
    finally:
        feeder.kill()
        feeder.wait()
    assert done.returncode == 2
    assert f"more than {MAX_SOURCES:,} sources" in _one_line(done.stderr)
    assert done.stdout == b""  # refused before anything was fetched


def test_ctrl_c_while_the_source_list_is_read():
    # A list that never ends and never sends a line: reading it must still stop on Ctrl+C.
    reader, writer = os.pipe()
    proc = subprocess.Popen(command(["-i", "-"]), stdin=reader, stderr=subprocess.PIPE)
    os.close(reader)
    try:
        os.write(writer, b"http://127.0.0.1:9/a\n")
        _wait_for_import(proc)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        os.close(writer)
    assert proc.returncode == 130
    assert _one_line(err) == "reader: interrupted\n"


def _wait_for_import(proc: subprocess.Popen[bytes]) -> None:
    """Until the child is blocked reading the list from its pipe (its start is the
    interpreter's, not reader's; see the next test for Ctrl+C as the command starts)."""
    import time

    for _ in range(600):
        try:
            if "pipe" in Path(f"/proc/{proc.pid}/wchan").read_text():
                return
        except OSError:
            pass
        time.sleep(0.05)


def test_socks_proxy_without_socks_support_is_exit_3(page):
    pytest.importorskip("httpx")
    try:
        import socksio  # noqa: F401

        pytest.skip("socksio is installed: SOCKS proxies work")
    except ImportError:
        pass
    env = {**os.environ, "ALL_PROXY": "socks5://127.0.0.1:9"}
    done = subprocess.run(
        command(["http://127.0.0.1:9/story"]), capture_output=True, timeout=60, env=env
    )
    assert done.returncode == 3
    line = _one_line(done.stderr)
    assert "SOCKS" in line and "httpx[socks]" in line


def test_rules_file_of_the_wrong_shape_names_the_file(page, tmp_path):
    config = tmp_path / "config"
    (config / "reader").mkdir(parents=True)
    rules = config / "reader" / "rules.toml"
    rules.write_text("selectors = 5\n")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    done = subprocess.run(command([page]), capture_output=True, timeout=60, env=env)
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert str(rules) in line and "selectors must be a table" in line
