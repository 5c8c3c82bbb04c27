"""Many sources at once: JSON Lines in input order, failures inline, bounded concurrency, Ctrl+C.

Everything runs the real `reader` command against a local server. Timing claims are checked
through the server's record of when each request arrived and left, never by wall-clock
thresholds.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.safety import is_safe
from tests.helpers.reader_process import MARGIN, command, run_reader
from tests.helpers.servers import (
    Handler,
    TestServer,
    hang,
    redirect,
    refused_port,
    reset_mid_body,
    respond,
)

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

TIMEOUT = 2.0


def story(n: int) -> str:
    sentences = " ".join(
        f"Sentence {k} of story number {n} tells how the harbour reopened after repairs."
        for k in range(8)
    )
    return (
        f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        f"<p>{sentences}</p><p>{sentences}</p></article></body></html>"
    )


WALL = (
    "<html><body><h1>Big story</h1><div class='paywall'><p>Subscribe to continue reading.</p>"
    "<p>Already a subscriber? Log in</p></div></body></html>"
)


@dataclass
class Visit:
    path: str
    start: float
    end: float


@dataclass
class Counter:
    """Wraps routes to record how many requests the server is handling at once, and when
    each one arrived and finished."""

    active: int = 0
    peak: int = 0
    visits: list[Visit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def wrap(self, route: Handler, hold: float = 0.0) -> Handler:
        def handle(req: object) -> None:
            start = time.monotonic()
            with self.lock:
                self.active += 1
                self.peak = max(self.peak, self.active)
            try:
                if hold:
                    req.server.owner.stopping.wait(hold)  # type: ignore[attr-defined]
                route(req)  # type: ignore[arg-type]
            finally:
                with self.lock:
                    self.active -= 1
                    self.visits.append(Visit(req.path, start, time.monotonic()))  # type: ignore[attr-defined]

        return handle

    def settle(self, timeout: float = 10) -> list[Visit]:
        """The visits, once the server threads have finished recording them: the client can
        have its answer (and reader exit) before the handler's bookkeeping is done."""
        deadline = time.monotonic() + timeout
        while self.active and time.monotonic() < deadline:
            time.sleep(0.01)
        with self.lock:
            return list(self.visits)


@pytest.fixture
def refused() -> Iterator[int]:
    with refused_port() as port:
        yield port


def _listing(tmp_path: Path, sources: list[str]) -> str:
    path = tmp_path / "sources.txt"
    path.write_text("# the batch\n" + "\n".join(sources) + "\n", encoding="utf-8")
    return str(path)


def _lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


# 200 sources, every tenth failing ---------------------------------------------------------


def _failures(server: TestServer, refused: int) -> list[tuple[str, int, str]]:
    """(url, exit code, words of the reason) for ten different ways to fail."""
    routes: list[tuple[str, Handler | None, int, str]] = [
        ("/gone", respond("<p>gone</p>", status=404), 4, "404"),
        ("/broken", respond("<p>oops</p>", status=500), 4, "500"),
        ("/pdf", respond(b"%PDF-1.7", "application/pdf"), 5, "application/pdf"),
        ("/empty", respond(b""), 5, "empty"),
        ("/loop", redirect("/loop"), 3, "too many redirects"),
        ("/file", redirect("file:///etc/passwd"), 3, "only http and https"),
        ("/reset", reset_mid_body(b"<html><p>Half", 50_000), 3, "broke off"),
        ("/hang", hang(), 3, "timed out"),
        ("/wall", respond(WALL), 6, "paywall"),
    ]
    failures = [(server.add(path, route), code, words) for path, route, code, words in routes]
    failures.append((f"http://127.0.0.1:{refused}/story", 3, "refused"))
    return failures


def test_200_sources_every_tenth_failing(server, refused, tmp_path):
    failures = _failures(server, refused)
    sources, expected = [], []
    for i in range(200):
        if i % 10 == 9:
            url, code, words = failures[(i // 10) % len(failures)]
            sources.append(url)
            expected.append((code, words))
        else:
            sources.append(server.add(f"/story/{i}", respond(story(i))))
            expected.append((0, f"Story {i}"))
    run = run_reader(
        ["-i", _listing(tmp_path, sources), "--timeout", str(TIMEOUT), "--jobs", "8"],
        timeout=60,
    )
    assert run.code == 1, run.stderr  # some failed
    assert "Traceback" not in run.stderr
    lines = _lines(run.stdout)
    assert [line["source"] for line in lines] == sources
    for line, (code, words) in zip(lines, expected, strict=True):
        if code == 0:
            assert "error" not in line, line["error"]
            assert line["title"] == words
            assert f"story number {words.split()[1]} tells" in line["text"]
        else:
            assert line["exit_code"] == code, line
            assert words in line["error"], line
            assert "\n" not in line["error"]


def test_a_batch_that_all_succeeds_exits_0(server, tmp_path):
    sources = [server.add(f"/s/{i}", respond(story(i))) for i in range(5)]
    run = run_reader(sources, timeout=60)
    assert run.code == 0, run.stderr
    assert [line["title"] for line in _lines(run.stdout)] == [f"Story {i}" for i in range(5)]


def test_source_names_with_escape_codes_are_echoed_safely(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(story(1), encoding="utf-8")
    evil = [str(tmp_path / f"no{code}such.html") for code in ("\x1b[2J", "\x9b31m", "\u202e")]
    run = run_reader([str(good), *evil], timeout=60)
    assert run.code == 1
    assert is_safe(run.stdout) and "\\u001b" not in run.stdout
    lines = _lines(run.stdout)
    assert len(lines) == 4
    for line in lines:
        assert all(is_safe(v) for v in line.values() if isinstance(v, str)), line
    assert [line.get("exit_code") for line in lines[1:]] == [2, 2, 2]


# Concurrency -----------------------------------------------------------------------------


def test_concurrency_is_bounded_by_jobs(server, tmp_path):
    counter = Counter()
    sources = [server.add(f"/c/{i}", counter.wrap(respond(story(i)), hold=0.15)) for i in range(24)]
    run = run_reader(["-i", _listing(tmp_path, sources), "--jobs", "3"], timeout=60)
    assert run.code == 0, run.stderr
    assert len(counter.settle()) == 24
    assert counter.peak <= 3
    assert counter.peak >= 2  # the jobs really did overlap


def test_a_slow_source_holds_back_only_a_window_of_others(server, tmp_path):
    # While the first source is slow, the next ones in the window (2 x --jobs) are fetched;
    # no further, since their results would wait in memory for the slow one to be printed.
    counter = Counter()
    slow = server.add("/slow", counter.wrap(respond(story(0)), hold=3.0))
    fast = [server.add(f"/f/{i}", counter.wrap(respond(story(i)))) for i in range(1, 41)]
    run = run_reader(["-i", _listing(tmp_path, [slow, *fast]), "--jobs", "4"], timeout=60)
    assert run.code == 0, run.stderr
    assert [line["title"] for line in _lines(run.stdout)] == [f"Story {i}" for i in range(41)]
    visits = {visit.path: visit for visit in counter.settle()}
    during = [i for i in range(1, 41) if visits[f"/f/{i}"].end < visits["/slow"].end]
    assert during == list(range(1, 8))  # the window of 8, the slow one included


# Ctrl+C ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _live(args: list[str]) -> Iterator[subprocess.Popen[bytes]]:
    """`reader ARGS` running with piped output, killed at the end if a test left it running."""
    proc = subprocess.Popen(command(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def _wait_for(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the server never saw the request"
        time.sleep(0.02)


def _read_lines(proc: subprocess.Popen[bytes], count: int, timeout: float) -> bytes:
    """Read from the child's stdout until ``count`` lines are out, failing rather than
    blocking forever; returns all bytes read (maybe more than ``count`` lines)."""
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    data = b""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while data.count(b"\n") < count:
            left = deadline - time.monotonic()
            assert left > 0, f"only {data.splitlines()} after {timeout} s"
            if selector.select(left):
                chunk = proc.stdout.read()
                assert chunk, "reader exited early"
                data += chunk
    os.set_blocking(proc.stdout.fileno(), True)
    return data


def test_ctrl_c_in_a_batch_prints_what_finished_and_exits_130(server, tmp_path):
    fast = [server.add(f"/ok/{i}", respond(story(i))) for i in range(12)]
    stuck = [server.add(f"/stuck/{i}", hang()) for i in range(8)]
    listing = _listing(tmp_path, fast + stuck)
    with _live(["-i", listing, "--jobs", "4", "--timeout", "60"]) as proc:
        early = _read_lines(proc, 12, timeout=30)
        # The workers are now inside requests that will never end.
        _wait_for(lambda: any(r.path.startswith("/stuck/") for r in server.requests))
        proc.send_signal(signal.SIGINT)
        rest, err = proc.communicate(timeout=MARGIN)
    assert proc.returncode == 130, err
    stderr = err.decode()
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1, stderr
    assert "interrupted" in stderr
    lines = [json.loads(line) for line in (early + rest).splitlines()]
    assert [line["source"] for line in lines] == fast
    assert [line["title"] for line in lines] == [f"Story {i}" for i in range(12)]


def test_ctrl_c_while_lines_stream_out_never_repeats_or_cuts_a_line(server, tmp_path):
    sources = [server.add(f"/many/{i}", respond(story(i))) for i in range(150)]
    with _live(["-i", _listing(tmp_path, sources), "--jobs", "8", "--timeout", "60"]) as proc:
        early = _read_lines(proc, 1, timeout=30)
        proc.send_signal(signal.SIGINT)
        rest, err = proc.communicate(timeout=MARGIN)
    if proc.returncode == 0:
        pytest.skip("the batch finished before the signal arrived")
    assert proc.returncode == 130, err
    assert len(err.decode().splitlines()) == 1 and b"Traceback" not in err
    order = [sources.index(json.loads(line)["source"]) for line in (early + rest).splitlines()]
    assert order == sorted(set(order))  # input order, nothing twice, every line whole JSON


def test_ctrl_c_on_one_source_exits_130_with_one_line(server):
    url = server.add("/stuck", hang())
    with _live(["--format", "text", url, "--timeout", "60"]) as proc:
        _wait_for(lambda: bool(server.requests))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=MARGIN)
    assert proc.returncode == 130
    assert out == b""
    assert "Traceback" not in err.decode()
    assert err.decode().splitlines() == ["reader: interrupted"]


def test_a_closed_pipe_stops_the_batch_early(server, tmp_path):
    """`reader -i list | head -1`: once nobody reads, the rest is not fetched."""
    counter = Counter()
    sources = [server.add(f"/p/{i}", counter.wrap(respond(story(i)), hold=0.2)) for i in range(60)]
    with _live(["-i", _listing(tmp_path, sources), "--jobs", "2"]) as proc:
        _read_lines(proc, 1, timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()
        err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 0, err
    assert "Traceback" not in err.decode()
    assert len(server.requests) < 30  # 60 sources at 0.2 s over 2 jobs would take 6 s


def test_a_bug_costs_one_line_not_a_traceback(monkeypatch, tmp_path, capsys):
    import reader.pipeline
    from reader.cli import main

    def broken(source: str, options: object = None) -> None:
        raise ValueError("All strings must be \x1b[31mXML compatible")

    monkeypatch.setattr(reader.pipeline, "read", broken)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    assert main(["--format", "text", str(tmp_path / "a.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reader: internal error reading ") and err.count("\n") == 1
    assert "ValueError: All strings must be XML compatible" in err and is_safe(err)

    assert main([str(tmp_path / "a.html"), str(tmp_path / "b.html")]) == 1
    lines = _lines(capsys.readouterr().out)
    assert [line["exit_code"] for line in lines] == [1, 1]
    assert all(line["error"].startswith("internal error: ValueError") for line in lines)


@pytest.mark.parametrize("signals", [1, 2])
def test_ctrl_c_while_stdout_is_a_full_pipe_writes_whole_lines_and_counts_them(tmp_path, signals):
    sentence = "The harbour reopened on Tuesday after three weeks of repairs, the port said. "
    path = tmp_path / "long.txt"
    path.write_text(
        "Long story\n\n" + "".join(f"{sentence * 16}Paragraph {n}.\n\n" for n in range(100))
    )
    # Each line is far larger than a pipe holds: the first write blocks until we read.
    with _live(["--jobs", "2", *[str(path)] * 6]) as proc:
        _wait_for(lambda: "pipe" in _wchan(proc.pid))
        for _ in range(signals):  # a second Ctrl+C stops even the line being written
            proc.send_signal(signal.SIGINT)
            time.sleep(0.2)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    stderr = err.decode()
    assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr
    lines = out.decode().splitlines(keepends=True)
    whole = [line for line in lines if line.endswith("\n")]
    assert all(json.loads(line)["title"] == "Long story" for line in whole)
    assert f"interrupted: {len(whole)} of 6 sources finished and printed" in stderr
    if signals == 1:
        assert lines == whole
    else:  # at most the last line is cut, nothing is glued to it, and the summary says so
        assert lines[:-1] == whole[: len(lines) - 1]
        assert (lines[-1] in whole) == ("cut short" not in stderr)


def _wchan(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return ""
