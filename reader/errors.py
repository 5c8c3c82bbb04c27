"""Every failure reader reports, as one family of exceptions with messages written for people.

ReaderError                      exit 1   anything reader can explain in one line
├── SourceError                  exit 2   a file or stdin source cannot be read
├── FetchError                   exit 3   the network let us down
│   ├── ConnectError                      DNS failure, refused connection, TLS error, reset
│   ├── FetchTimeout                      no answer, or the body took too long
│   │   └── PageTimeout                   fetching and reading together took over --timeout
│   ├── TooManyRedirects
│   └── UnsafeRedirect                    redirect to a scheme other than http(s)
├── HTTPStatusError              exit 4   the server answered 4xx/5xx
├── ContentError                 exit 5   the answer is not a page we can read
│   ├── UnsupportedType                   PDF, image, JSON...
│   ├── TooLarge                          over --max-bytes (decoded)
│   ├── TooComplex                        more elements than reader reads in bounded memory
│   └── EmptyContent                      empty body, or nothing readable in it
└── WallError                    exit 6   all that is left is a paywall/ad-block/consent wall

Exit code 2 is shared with usage errors (argparse), 130 means interrupted (Ctrl+C), and a batch
where some sources failed exits 1 after printing every result.
"""

from __future__ import annotations


class ReaderError(Exception):
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class SourceError(ReaderError):
    exit_code = 2


class UsageError(ReaderError):
    """What the user asked for cannot be: an id not in the library, a query SQLite cannot
    parse. Exit 2, as argparse's own usage errors."""

    exit_code = 2


class FetchError(ReaderError):
    exit_code = 3


class ConnectError(FetchError):
    pass


class FetchTimeout(FetchError):
    pass


class PageTimeout(FetchTimeout):
    """--timeout is one budget for a page, fetched and read: running out of it while reading
    is the same failure, with the same exit code, as running out of it while fetching."""


class TooManyRedirects(FetchError):
    pass


class UnsafeRedirect(FetchError):
    pass


class HTTPStatusError(ReaderError):
    exit_code = 4

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class ContentError(ReaderError):
    exit_code = 5


class UnsupportedType(ContentError):
    pass


class TooLarge(ContentError):
    pass


class TooComplex(ContentError):
    pass


class EmptyContent(ContentError):
    pass


class WallError(ReaderError):
    """Raised by the CLI (not the pipeline) when an article is only a wall."""

    exit_code = 6


EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130
