"""The page the browser tests share (browser.Tabs): each test gets it as a new browser context would give it,
whatever the test before it did, and a test that changes it for longer gets it replaced."""


def test_a_lent_page_is_as_new(tabs, served_site, built_site):
    allow_local = lambda url: url.startswith(("http://127.0.0.1", "file://", "about:"))  # noqa: E731
    seen: list[str] = []
    with tabs.lease(allow_local) as first:
        page = first.page
        page.goto(served_site + "jiangxi/art-15/")
        page.evaluate("""() => { localStorage.setItem('lex-test', '1'); sessionStorage.setItem('lex-test', '1');
                                 document.cookie = 'lex-test=1; path=/'; indexedDB.open('lex-test'); }""")
        page.goto((built_site / "jiangxi" / "art-15" / "index.html").as_uri())
        page.evaluate("localStorage.setItem('lex-test', '1')")
        page.set_viewport_size({"width": 390, "height": 900})
        page.emulate_media(media="print", color_scheme="dark")
        page.mouse.move(300, 300)
        page.on("request", lambda r: seen.append(r.url))
        page.evaluate("fetch('http://192.0.2.1/').catch(() => null)")  # refused and recorded
        assert first.outside == ["http://192.0.2.1/"]
        lent = page._page
    with tabs.lease(allow_local) as second:
        page = second.page
        assert page._page is lent, "the page was not lent again (so this test checks nothing)"
        assert page.url == "about:blank" and second.outside == []
        assert page.evaluate("history.length") == 1, "the test before's pages are in the history"
        assert page.viewport_size == {"width": 1280, "height": 720}
        seen.clear()
        page.goto(served_site + "jiangxi/art-16/")
        assert not seen, "a listener of the test before is still there"
        state = page.evaluate("""async () => [localStorage.getItem('lex-test'), sessionStorage.getItem('lex-test'),
            document.cookie.includes('lex-test'), (await indexedDB.databases()).map(d => d.name),
            matchMedia('print').matches, matchMedia('(prefers-color-scheme: dark)').matches,
            [...document.querySelectorAll(':hover')].length]""")
        assert state == [None, None, False, [], False, False, 0], state
        page.goto((built_site / "jiangxi" / "art-16" / "index.html").as_uri())
        assert page.evaluate("localStorage.getItem('lex-test')") is None
        page.add_init_script("window.__lexInit = 1")
        kept = page._page
    with tabs.lease(allow_local) as third:
        assert third.page._page is not kept, "a page with an init script was lent again"
        third.page.goto(served_site)
        assert third.page.evaluate("window.__lexInit") is None


def test_a_navigation_left_under_way_does_not_reach_the_next_test(tabs, served_site):
    allow_local = lambda url: url.startswith(("http://127.0.0.1", "about:"))  # noqa: E731
    with tabs.lease(allow_local) as first:
        first.page.goto(served_site)
        first.page.evaluate("location.href = 'http://127.0.0.1:9/'")  # refused connection: an error page to come
    with tabs.lease(allow_local) as second:
        assert second.page.url == "about:blank"
        second.page.goto(served_site + "jiangxi/art-15/")
        assert second.page.url.endswith("/jiangxi/art-15/")
