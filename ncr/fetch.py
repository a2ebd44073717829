"""Fetching web pages: one URL in, its bytes out, or one clear reason why not.

Every request has a timeout per network operation and a deadline for the whole
download, reads at most ``max_bytes``, names itself with a user agent, and
retries a 429 or 5xx answer (or a dropped connection) with exponential backoff,
honouring a short ``Retry-After``. Only http and https are fetched. The reasons
are written for a reader: "cannot resolve host (no network, or no such host)",
"HTTP 404 Not Found", "timed out after 20 s", "larger than 10,485,760 bytes".
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from email.message import Message

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How patient and how greedy a fetch is."""

    timeout: float = 20.0  # seconds per connect or read
    deadline: float = 60.0  # seconds for the whole download
    max_bytes: int = 10 * 1024 * 1024
    attempts: int = 3
    backoff: float = 1.0  # seconds before the second attempt; doubled for each further one
    max_retry_after: float = 30.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page's bytes, the URL it came from after redirects, and its content type."""

    url: str
    data: bytes
    content_type: str  # e.g. "text/html", lower case, without parameters


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, in a few words."""


def is_url(value: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def fetch(url: str, policy: FetchPolicy = FetchPolicy()) -> Fetched:
    """Download ``url`` under ``policy``; raises ``FetchError`` with the reason."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise FetchError("not an http(s) URL")
    attempt = 0
    while True:
        attempt += 1
        try:
            return _download(url, policy)
        except _Retryable as error:
            if attempt >= policy.attempts:
                raise FetchError(f"{error} (after {attempt} attempts)") from None
            wait = policy.backoff * 2 ** (attempt - 1)
            if error.retry_after is not None:
                wait = max(wait, min(error.retry_after, policy.max_retry_after))
            time.sleep(wait)


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


def _download(url: str, policy: FetchPolicy) -> Fetched:
    import urllib.error
    import urllib.request  # http.client and ssl: loaded when a URL is fetched, not with the CLI

    from . import __version__

    agent = f"ncr/{__version__} (news claim comparison; command line)"
    request = urllib.request.Request(url, headers={"User-Agent": agent, "Accept": "text/html, text/plain;q=0.9"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=policy.timeout) as response:  # noqa: S310 - scheme checked
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > policy.max_bytes:
                raise FetchError(f"larger than {policy.max_bytes:,} bytes")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchError(f"larger than {policy.max_bytes:,} bytes")
                if time.monotonic() - started > policy.deadline:
                    raise FetchError(f"download took longer than {policy.deadline:g} s")
                chunks.append(chunk)
            return Fetched(response.geturl(), b"".join(chunks), _content_type(response.headers))
    except urllib.error.HTTPError as error:
        reason = f"HTTP {error.code} {error.reason}"
        if error.code in RETRY_STATUSES:
            raise _Retryable(reason, _retry_after(error.headers)) from None
        raise FetchError(reason) from None
    except urllib.error.URLError as error:
        raise _reason_for(error.reason) from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {policy.timeout:g} s") from None
    except (ConnectionResetError, ConnectionAbortedError) as error:
        raise _Retryable(f"connection dropped ({error.strerror or error})") from None
    except OSError as error:
        raise _reason_for(error) from None


def _reason_for(error: object) -> Exception:
    """A ``FetchError`` (or a retry, for a dropped connection) naming a network failure."""
    if isinstance(error, socket.gaierror):
        return FetchError("cannot resolve host (no network, or no such host)")
    if isinstance(error, ConnectionRefusedError):
        return FetchError("connection refused")
    if isinstance(error, (socket.timeout, TimeoutError)):
        return FetchError("timed out")
    if isinstance(error, (ConnectionResetError, ConnectionAbortedError)):
        return _Retryable("connection dropped")
    if isinstance(error, OSError) and error.strerror:
        text = error.strerror
        if "unreachable" in text.lower():
            return FetchError(f"{text[:1].lower()}{text[1:]} (no network?)")
        return FetchError(text[:1].lower() + text[1:])
    return FetchError(str(error))


def _content_type(headers: Message) -> str:
    return (headers.get_content_type() or "").lower()


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
