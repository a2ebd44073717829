"""Web pages and URLs: main text and metadata from HTML, fetching with limits, all on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ncr.fetch import FetchError, FetchPolicy, fetch, is_url
from ncr.ingest import Limits, read_inputs, url_id
from ncr.pages import looks_like_html, read_page

SAVED_PAGE = Path(__file__).parent / "data" / "saved_page.html"
QUICK = FetchPolicy(timeout=2.0, deadline=5.0, max_bytes=200_000, attempts=3, backoff=0.01)


@dataclass
class Route:
    """What the test server answers on one path: a list of (status, body, headers) to play in turn."""

    answers: list[tuple[int, bytes, dict[str, str]]]
    delay: float = 0.0
    hits: int = 0


@dataclass
class Server:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture()
def server() -> Iterator[Server]:
    """An HTTP server on 127.0.0.1 (an ephemeral port), stopped when the test ends."""
    state = Server(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            state.agents.append(self.headers.get("User-Agent", ""))
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            status, body, headers = route.answers[min(route.hits, len(route.answers) - 1)]
            route.hits += 1
            if route.delay:
                time.sleep(route.delay)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:
                pass

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


HTML = {"Content-Type": "text/html; charset=utf-8"}


def test_saved_page_main_text_and_metadata() -> None:
    page = read_page(SAVED_PAGE.read_bytes())

    assert page.title == "Warehouse fire in Tollerby: 14 firefighters hurt as blaze spreads"
    assert page.published == "2025-03-14"  # published, not modified (2025-03-15)
    assert page.outlet == "The Tollerby Gazette"
    assert page.author == "Priya Castellane"
    assert page.url == "https://gazette.example/news/2025/03/14/tollerby-warehouse-fire"
    assert "About 200 residents were moved out" in page.text
    assert page.text.startswith(page.title + "\n")
    # Scripts, navigation, cookie banner, comments, most-read and footer are not the article.
    for boilerplate in ("adSlots", "dataLayer", "Subscribe", "cookies", "reader99", "Most read", "journalists", "widgets"):
        assert boilerplate not in page.text


def test_html_is_recognised_by_its_start() -> None:
    assert looks_like_html(b"\n  <!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html(b"\xef\xbb\xbf<html lang='en'>")
    assert looks_like_html(b"<!-- saved --> <HTML>")
    assert not looks_like_html(b"Police said <b>40</b> people marched.")


def test_saved_page_file_is_read_as_a_page(tmp_path: Path) -> None:
    copy = tmp_path / "fire.htm"
    copy.write_bytes(SAVED_PAGE.read_bytes())
    # a page saved under a .txt name is recognised by its content
    misnamed = tmp_path / "fire-page.txt"
    misnamed.write_bytes(SAVED_PAGE.read_bytes())

    result = read_inputs([str(copy), str(misnamed)])

    first, second = result.articles
    assert first.id == "fire" and first.extracted and first.published_from == "html"
    assert first.published == "2025-03-14"
    assert second.text == first.text
    assert result.problems == ()


def test_url_page_gives_the_same_article_as_the_saved_page(server: Server) -> None:
    server.routes["/news/fire.html"] = Route([(200, SAVED_PAGE.read_bytes(), HTML)])

    (fetched,) = read_inputs([server.url("/news/fire.html")], limits=Limits(fetch=QUICK)).articles
    (saved,) = read_inputs([str(SAVED_PAGE)]).articles

    assert fetched.id == "fire" and fetched.path == server.url("/news/fire.html")
    assert (fetched.text, fetched.title, fetched.published, fetched.outlet) == (
        saved.text, saved.title, saved.published, saved.outlet,
    )
    assert server.agents and server.agents[0].startswith("ncr/")


@pytest.mark.model
def test_cli_page_and_url_give_the_same_claims_dated_by_the_page(server: Server, tmp_path: Path) -> None:
    from test_cli import assert_exit, ncr, valid_document

    server.routes["/2025/fire"] = Route([(200, SAVED_PAGE.read_bytes(), HTML)])
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today's pages\n\n{server.url('/2025/fire')}\n", encoding="utf-8")

    from_file = ncr("claims", "--json", SAVED_PAGE)
    from_url = ncr("claims", "--json", "--urls", urls)

    assert_exit(from_file, 0)
    assert_exit(from_url, 0)
    file_doc, url_doc = valid_document(from_file.stdout), valid_document(from_url.stdout)

    def claims(document: dict) -> list[tuple]:
        return [(c["text"], c["start"], c["end"], c["value"]["estimate"], c["as_of"]) for c in document["claims"]]

    assert claims(file_doc) == claims(url_doc)
    assert ("Fourteen", 14) in {(c[0], c[3]) for c in claims(file_doc)}
    assert all(c[4] == "2025-03-14" for c in claims(file_doc))  # "on Friday" of the page's date
    for document in (file_doc, url_doc):
        (source,) = document["sources"]
        assert source["published"] == "2025-03-14" and source["published_from"] == "html"
        text = source["text"]
        assert all(text[c["start"] : c["end"]] == c["text"] for c in document["claims"])


def test_fetch_retries_429_and_5xx_with_backoff(server: Server) -> None:
    body = b"Plain words: 40 boats sailed."
    server.routes["/busy"] = Route(
        [(429, b"slow down", {"Retry-After": "0"}), (503, b"", {}), (200, body, {"Content-Type": "text/plain"})]
    )

    fetched = fetch(server.url("/busy"), QUICK)

    assert fetched.data == body and fetched.content_type == "text/plain"
    assert server.routes["/busy"].hits == 3


def test_fetch_gives_up_with_the_reason(server: Server) -> None:
    server.routes["/down"] = Route([(500, b"", {})])
    server.routes["/huge"] = Route([(200, b"x" * 300_000, HTML)])
    server.routes["/slow"] = Route([(200, b"late", HTML)], delay=1.5)

    with pytest.raises(FetchError, match=r"HTTP 500 .*\(after 3 attempts\)"):
        fetch(server.url("/down"), QUICK)
    assert server.routes["/down"].hits == 3
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(server.url("/missing"), QUICK)
    assert "/missing" not in server.routes  # a 404 is not retried
    with pytest.raises(FetchError, match="larger than 200,000 bytes"):
        fetch(server.url("/huge"), QUICK)
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/slow"), FetchPolicy(timeout=0.3, attempts=1))
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd")


def test_fetch_says_when_there_is_no_network() -> None:
    with pytest.raises(FetchError, match="cannot resolve host"):
        fetch("http://no-such-host.invalid/story", FetchPolicy(timeout=2.0, attempts=1))


def test_unfetchable_urls_are_skipped_and_the_rest_read(server: Server, tmp_path: Path) -> None:
    server.routes["/ok.txt"] = Route([(200, b"Officials said 12 ferries were cancelled.", {"Content-Type": "text/plain"})])
    server.routes["/photo.png"] = Route([(200, b"\x89PNG\r\n", {"Content-Type": "image/png"})])
    server.routes["/empty"] = Route([(200, b"<html><body><script>var n = 40;</script></body></html>", HTML)])
    good = tmp_path / "local.txt"
    good.write_text("Local words, 3 of them.", encoding="utf-8")

    result = read_inputs(
        [server.url("/gone"), str(good)], limits=Limits(fetch=QUICK),
        urls=[server.url("/ok.txt"), server.url("/photo.png"), server.url("/empty"), "not a url"],
    )

    assert [a.id for a in result.articles] == ["local", "ok"]
    assert [(p.path, p.reason) for p in result.problems] == [
        (server.url("/gone"), "cannot fetch (HTTP 404 Not Found)"),
        (server.url("/photo.png"), "not a web page or text (image/png)"),
        (server.url("/empty"), "no main text found in the page"),
        ("not a url", "cannot fetch (not an http(s) URL)"),
    ]
    assert all(p.skipped for p in result.problems)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2025/03/14/harbour-fire.html", "harbour-fire"),
        ("https://news.example/", "news.example"),
        ("https://news.example/world/index.html", "news.example-world"),
        ("https://news.example/a%20b", "a b"),
    ],
)
def test_url_ids(url: str, expected: str) -> None:
    assert url_id(url) == expected


def test_is_url() -> None:
    assert is_url("https://x.example/a") and is_url("HTTP://x.example")
    assert not is_url("x.example/a.txt") and not is_url("-")


def test_schema_documents_html_dates() -> None:
    schema = json.loads((Path(__file__).parents[1] / "ncr" / "schema" / "ncr-v1.json").read_text(encoding="utf-8"))
    assert "html" in schema["$defs"]["source"]["properties"]["published_from"]["enum"]
