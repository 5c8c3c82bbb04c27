"""Messages that blame the right thing: the host that failed, the step that timed out, the
answer that was wrong, and the library calls that take what a person would pass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import reader
from reader.errors import FetchError, FetchTimeout, HTTPStatusError, UnsupportedType
from reader.source.fetch import FetchOptions, fetch
from reader.source.load import load
from tests.helpers.servers import TestServer, full_backlog_port, redirect, respond

WORDS = "The harbour reopened on Tuesday after three weeks of repairs, the port authority said. "
PAGE = f"<html><head><title>Harbour</title></head><body><article><p>{WORDS * 8}</p></article>"


def test_url_with_a_leading_space_is_still_a_url(server: TestServer) -> None:
    url = server.add("/story", respond(PAGE))
    page = load(f"  {url}\n")
    assert "harbour reopened" in page.text


def test_304_is_not_called_a_redirect(server: TestServer) -> None:
    url = server.add("/cached", respond("", status=304))
    with pytest.raises(HTTPStatusError) as caught:
        fetch(url)
    assert "304 Not Modified" in str(caught.value)
    assert "redirect" not in str(caught.value)
    assert "without the page" in str(caught.value)


def test_a_redirect_without_location_is_still_named(server: TestServer) -> None:
    url = server.add("/moved", respond("", status=302))
    with pytest.raises(HTTPStatusError, match="a redirect without a Location"):
        fetch(url)


def test_connect_timeout_after_the_deadline_fired_says_connecting(monkeypatch) -> None:
    # The deadline's timer and the connect timeout race when they are equal (--timeout 5
    # gives both 5 s); here the timer surely fires first, while the connect still waits.
    from reader.source.deadline import Deadline

    monkeypatch.setattr(Deadline, "left", lambda self: 2.0)
    with full_backlog_port() as port, pytest.raises(FetchTimeout) as caught:
        fetch(f"http://127.0.0.1:{port}/", FetchOptions(connect_timeout=2.0, timeout=0.5))
    assert f"connecting to 127.0.0.1:{port}" in str(caught.value), str(caught.value)


@pytest.mark.parametrize("target", ["http://xn--a.example/", "http://xn--zz.com/x"])
def test_redirect_to_a_bad_idn_is_an_invalid_redirect(server: TestServer, target: str) -> None:
    url = server.add("/idn", redirect(target))
    with pytest.raises(FetchError) as caught:
        fetch(url)
    message = str(caught.value)
    assert "redirected to an invalid URL" in message and target in message
    assert "network error" not in message


def test_bad_idn_url_is_invalid() -> None:
    with pytest.raises(FetchError, match="host name is not a valid one"):
        fetch("http://xn--zz.com/")


def test_read_takes_a_path(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    assert "harbour reopened" in reader.read(path).text


def test_extract_refuses_random_bytes_as_the_cli_does() -> None:
    with pytest.raises(UnsupportedType, match="binary data"):
        reader.extract(os.urandom(1 << 20))
