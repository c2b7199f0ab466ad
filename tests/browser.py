"""Headless Chromium helpers shared by the browser tests and bench/search.py.

Debian's chromium driven by Playwright (never `playwright install`); the site is served from a
thread on 127.0.0.1, or opened from file://. Every request is routed through `Guard` (benches, search
sessions) or a `Tab` (the tests' lent page), which let only the local origin through and record anything else.
"""
from __future__ import annotations

import functools
import os
import re
import sys
import threading
from contextlib import contextmanager, suppress
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

# The one setting for the browser's path: Debian's chromium unless EDITION_CHROMIUM names another
# Chromium-based browser (the GitHub workflow points it at the runner's google-chrome).
CHROMIUM = os.environ.get("EDITION_CHROMIUM") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

ARTICLE_HREF = re.compile(r"/(?P<reg>[a-z][a-z0-9-]*)/art-(?P<n>\d+)(?:/|\.html)(?:[?#].*)?$")

# Records when Material's search interface first answers: it writes its result line (the "type to start
# searching" placeholder) once the worker has said READY and answered the box's empty query. That is the
# moment a reader's query gets an answer, whoever started the worker and whenever; the same for Material's
# own worker, the edition's, and the iframe-worker shim of the offline copy.
READY_PROBE = """
(() => {
  const text = Object.getOwnPropertyDescriptor(Node.prototype, "textContent");
  Object.defineProperty(Node.prototype, "textContent", {
    configurable: true,
    enumerable: text.enumerable,
    get: text.get,
    set(value) {
      text.set.call(this, value);
      if (window.__lexReadyAt === undefined && this.classList && this.classList.contains("md-search-result__meta"))
        window.__lexReadyAt = performance.now();
    },
  });
})();
"""


class StaticHandler(SimpleHTTPRequestHandler):
    """A static host's answers (also bench/common.GzipHandler's base), without a log line per request."""
    protocol_version = "HTTP/1.1"  # keep-alive, as every static host: not a new connection per request
    disable_nagle_algorithm = True  # the headers and the body are two writes: no wait for an ACK between them

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page navigated away mid-download (tabs are reset between tests): the browser closed the
        # connection, which is not the site's fault. Anything else still prints its traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, handler_class=StaticHandler):
    """Serve a built site on 127.0.0.1 (a free port) from a thread; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


class Guard:
    """Watch every request of a browser context and record in `outside` the ones that leave the local
    origin. Intercepting (the tests): outside requests are also aborted. Not intercepting (the benches):
    requests are only recorded, since routing each one through Playwright's driver adds milliseconds
    per request; the caller fails afterwards if anything went outside."""

    def __init__(self, context, base: str, intercept: bool = True):
        parts = urlsplit(base)
        self.scheme, self.netloc = parts.scheme, parts.netloc
        self.seen: list[str] = []
        self.outside: list[str] = []
        if intercept:
            context.route("**/*", self._route)
        else:
            context.on("request", self._record)

    def _local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            return True
        if self.scheme == "file":
            return parts.scheme == "file"
        return parts.scheme == self.scheme and parts.netloc == self.netloc

    def _record(self, request):
        self.seen.append(request.url)
        if not self._local(request.url):
            self.outside.append(request.url)

    def _route(self, route):
        url = route.request.url
        self.seen.append(url)
        if self._local(url):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


# Playwright's viewport of a new context (what a fresh page has).
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}


class Tab:
    """A browser context with one page, whose every request goes through the `allow` of the test holding it:
    allowed ones continue, others are aborted and recorded in `outside`. Remembers the origins it visited."""

    def __init__(self, browser, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.allow = lambda url: False
        self.outside: list[str] = []
        self.origins: set[str] = set()
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "file"):
            self.origins.add("file://" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}")
        if self.allow(url):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def reset(self) -> None:
        """Back to what a new context's page is: about:blank, with no history before it; no cookies, storage
        (local, session, IndexedDB, caches) or permissions of any origin it visited; no media emulation; the
        default viewport; the mouse at (0, 0) (moved over about:blank: a navigation leaves nothing hovered). Raises when it cannot (a
        navigation the test left under way interrupts about:blank): the lender then closes the tab."""
        page = self.page
        for other in self.context.pages:  # popups
            if other != page:
                other.close()
        page.goto("about:blank")
        cdp = self.context.new_cdp_session(page)
        try:
            for origin in sorted(self.origins):
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
            cdp.send("Page.resetNavigationHistory")  # going back leads nowhere but about:blank
        finally:
            cdp.detach()
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        page.emulate_media(media="null", color_scheme="null")
        if page.viewport_size != DEFAULT_VIEWPORT:
            page.set_viewport_size(DEFAULT_VIEWPORT)
        page.mouse.move(0, 0)
        if page.url != "about:blank":
            raise RuntimeError(f"the page left {page.url} after the reset")

    def close(self) -> None:
        self.context.close()


class LeasedPage:
    """The tab's page as one test sees it. Listeners the test adds are removed when it ends; a call whose effect
    would outlive the test (an init script, a route, an exposed function, extra headers, default timeouts, the
    clock, anything done through the context) marks the tab spent: it is closed, not handed to the next test."""

    SPENDING = frozenset({"add_init_script", "route", "route_from_har", "route_web_socket", "unroute", "unroute_all",
                          "expose_function", "expose_binding", "set_extra_http_headers", "set_default_timeout",
                          "set_default_navigation_timeout", "clock", "context", "request"})

    def __init__(self, page):
        self._page = page
        self._listeners: list[tuple[str, object]] = []
        self.spent = False

    def on(self, event: str, f) -> None:
        self._listeners.append((event, f))
        self._page.on(event, f)

    def once(self, event: str, f) -> None:
        self._listeners.append((event, f))
        self._page.once(event, f)

    def remove_listeners(self) -> None:
        for event, f in self._listeners:
            with suppress(KeyError):  # a `once` listener that has run
                self._page.remove_listener(event, f)
        self._listeners.clear()

    def __getattr__(self, name: str):
        if name in self.SPENDING:
            self.spent = True
        return getattr(self._page, name)


class Lease:
    def __init__(self, tab: Tab, temporary: bool):
        self.tab, self.temporary = tab, temporary
        self.page = LeasedPage(tab.page)
        self.outside = tab.outside = []  # this test's: the next lease gets a list of its own


class Tabs:
    """The worker's browser page, lent to one test after another instead of a new context each (a new page
    starts a renderer process: about a second of CPU, more than most browser tests take). Between two tests
    the page is reset to what a new context gives (Tab.reset); a test that changes it for longer (LeasedPage)
    gets it replaced. While the page is lent, or for context options, a lease gets a context of its own."""

    def __init__(self, browser):
        self.browser = browser
        self.tab: Tab | None = None
        self.lent = False

    @contextmanager
    def lease(self, allow, **context_args):
        """A Lease (.page, .outside) whose requests `allow(url)` decides; the others are aborted and recorded."""
        temporary = self.lent or bool(context_args)
        if temporary:
            tab = Tab(self.browser, **context_args)
        else:
            tab = self.tab = self.tab if self.tab and not self.tab.page.is_closed() else Tab(self.browser)
            self.lent = True
        tab.allow = allow
        lease = Lease(tab, temporary)
        try:
            yield lease
        finally:
            lease.page.remove_listeners()
            if not temporary:
                self.lent = False
            if temporary or lease.page.spent or tab.page.is_closed():
                tab.close()
                if not temporary:
                    self.tab = None
            else:
                try:
                    tab.reset()
                except Exception:  # not the test's failure: the next lease gets a new context
                    tab.close()
                    self.tab = None

    def close(self) -> None:
        if self.tab:
            self.tab.close()
            self.tab = None


def new_context(browser, base: str, probe_ready: bool = False, intercept: bool = True):
    context = browser.new_context(locale="zh-CN")
    guard = Guard(context, base, intercept)
    if probe_ready:
        context.add_init_script(READY_PROBE)
    return context, guard


def wait_until(page, condition: str, arg=None, timeout: float = 5_000) -> bool:
    """Wait until the JavaScript function `condition` returns something truthy (polled each animation frame),
    at most `timeout` ms; whether it did. Instead of a fixed sleep: the caller's own assertions follow."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(condition, arg=arg, timeout=timeout)
    except PlaywrightTimeout:
        return False
    return True


def open_search(page) -> None:
    page.locator("label.md-header__button[for='__search']").first.click()
    page.wait_for_selector("input.md-search__input", state="visible")


# Material's result count line (it says that the search is initialising until the worker is ready).
RESULT_LINE = """() => document.querySelector(".md-search-result__meta").textContent.trim()"""

# Whether Material's search has answered since the page loaded: the result line is one of its translations.
SEARCH_ANSWERED = r"""() => {
  const t = JSON.parse(document.getElementById("__config").textContent).translations;
  const line = (RESULT_LINE)();
  // each string whole and its halves: in a traditional view (browser/hant/) the Chinese half is in the view's
  // standard, the English half as written; edition/ shows a count in both languages ("找到 12 个结果 / 12
  // matching documents"): either half counts
  const halves = s => [s, ...s.split(" / ")];
  const fixed = ["search.result.placeholder", "search.result.none", "search.result.one"].flatMap(k => halves(t[k]));
  const counts = halves(t["search.result.other"]).map(s =>
    new RegExp("^" + s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/#/g, "[\\d,.]+k?") + "$"));  // Material writes 1.7k
  return halves(line).some(l => fixed.includes(l) || counts.some(re => re.test(l)));
}""".replace("RESULT_LINE", RESULT_LINE)

# Focuses the search box and selects its text (the value is unchanged, so Material sends no query); then, if
# the search has answered since the page loaded, puts a stale probe into the result list, which Material's next
# redraw removes: the observer stamps __lexT1 and hands the redrawn list to whoever waits (QUERY_ANSWER).
# "hidden": the box is not shown; "wait": not answered yet (focusing the box for the first time sends the
# search the box's value; its answer would redraw the list and pass for the answer to the next query).
QUERY_SETUP = """() => {
  const box = document.querySelector("input.md-search__input");
  const rect = box && box.getBoundingClientRect();
  if (!rect || !rect.width || !rect.height || getComputedStyle(box).visibility === "hidden") return "hidden";
  box.focus();
  box.select();
  if (!(SEARCH_ANSWERED)()) return "wait";
  const list = document.querySelector(".md-search-result__list");
  const probe = document.createElement("li");
  probe.id = "lex-probe-stale";
  list.appendChild(probe);
  window.__lexT0 = undefined; window.__lexT1 = undefined; window.__lexRedrawn = undefined;
  if (!window.__lexObserver) {
    window.__lexObserver = new MutationObserver(() => {
      if (document.getElementById("lex-probe-stale")) return;
      if (window.__lexT1 === undefined) window.__lexT1 = performance.now();
      if (window.__lexRedrawn) { const done = window.__lexRedrawn; window.__lexRedrawn = undefined; done(); }
    });
    window.__lexObserver.observe(list, {childList: true});
    document.addEventListener("keyup", (ev) => {
      if (ev.key === "End") window.__lexT0 = performance.now();
    }, true);
  }
  return "ready";
}""".replace("SEARCH_ANSWERED", SEARCH_ANSWERED)

# Resolves with the result list once it has been redrawn (Material clears it and draws the first ten
# results in one task, so the list is whole by then), or with null after `timeout` ms.
QUERY_ANSWER = """(timeout) => new Promise((resolve) => {
  const read = () => {
    const items = [...document.querySelectorAll(".md-search-result__list > .md-search-result__item")];
    return {
      ms: window.__lexT1 - window.__lexT0,
      items: items.map(li => {
        const links = [...li.querySelectorAll("a.md-search-result__link")];
        return {
          href: links[0] ? links[0].href : null,
          title: links[0] ? links[0].querySelector("h1,h2").textContent : null,
          children: links.slice(1).map(a => ({href: a.href, text: a.textContent,
                                             html: a.querySelector("article").innerHTML})),
          html: li.innerHTML,
        };
      }),
    };
  };
  if (!document.getElementById("lex-probe-stale")) return resolve(read());
  const timer = setTimeout(() => { window.__lexRedrawn = undefined; resolve(null); }, timeout);
  window.__lexRedrawn = () => { clearTimeout(timer); resolve(read()); };
})"""


def run_query(page, query: str, timeout: float = 10_000) -> dict:
    """Type a query into Material's header search box and wait for the result list to be redrawn.

    Returns {"items": [{"href", "title", "children": [{"href", "text"}]}], "ms": latency from the
    key press that Material reacts to (keyup) to the redrawn list}. Four calls to the browser a query once the
    search has answered the box on this page.
    """
    last = getattr(page, "_lex_last", None)
    if last and last[0] == query:  # Material ignores an unchanged value: nothing would be redrawn
        return last[1]
    state = page.evaluate(QUERY_SETUP)
    if state == "hidden":
        open_search(page)
        state = page.evaluate(QUERY_SETUP)
    if state == "wait":
        assert wait_until(page, SEARCH_ANSWERED, timeout=timeout), (
            f"the search never answered the search box (before {query!r}; its result line: "
            f"{page.evaluate(RESULT_LINE)!r})")
        state = page.evaluate(QUERY_SETUP)
    assert state == "ready", f"search box: {state}"
    page.keyboard.insert_text(query)  # replaces the selection
    page.keyboard.press("End")  # insertText fires no keyup; Material searches on keyup
    data = page.evaluate(QUERY_ANSWER, timeout)
    assert data is not None, f"the result list was not redrawn within {timeout} ms of the query {query!r}"
    page._lex_last = (query, data)
    return data


def article_of(href: str | None) -> str | None:
    m = ARTICLE_HREF.search(href or "")
    return f"{m['reg']}/{m['n']}" if m else None


def top_articles(result: dict, n: int = 5) -> list[str | None]:
    return [article_of(item["href"]) for item in result["items"][:n]]
