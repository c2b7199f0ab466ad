"""Hostile curated content renders as text, never as markup, script or macro.

The whole site is built (strict) over a temporary copy of corpus/ (EDITION_CORPUS) in which one
string of every curated free-text kind — gloss units, editorial headings, chapter titles, a
regulation's English title, glossary definitions, comparison topic names and notes — gets a
payload appended: a <script>, an <img
onerror>, Jinja expressions, statements and comments, Markdown emphasis, links, code, a heading
and a table, and HTML entities. Each payload carries a marker naming its field. Then:

- every marker shows up somewhere in the built site (so the field really is published);
- wherever a marker is found — in a text node or an attribute value of any HTML page, or in the
  text of any XML file — the whole payload is there verbatim (no Markdown, no HTML, no Jinja ate
  any of it), cut short only by an ellipsis;
- no page has a <script> with the payload, an element with the onerror handler, or a link to
  the payload's host;
- in a browser, pages with payloads and a search that finds them run no injected code.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from browser import wait_until
from conftest import copy_corpus

PAYLOAD = ("HOSTILE-{tag} <script>window.__pwned='{tag}'</script> <img src=x onerror=\"window.__pwned='{tag}'\"> "
           "{{{{ 7*7 }}}} {{% if true %}}JINJA-IF{{% endif %}} {{# hidden #}} *em* _u_ **b** __b__ "
           "[x](https://evil.example/{tag}) `code` \n# h1\n| a | b |\n|---|---|\n &amp; &lt;i&gt; 1\\*2")
EVIL_HOST = "evil.example"


def payload(tag: str) -> str:
    return PAYLOAD.format(tag=tag)


def squash(text: str) -> str:
    return " ".join(text.split())


def append(value: str | None, tag: str) -> str:
    return ((value or "").rstrip() + " " + payload(tag)).strip()


def inject(corpus: Path) -> list[str]:
    """Append payloads to curated strings in a corpus copy; the tags of the fields injected."""
    tags = []

    def edit(path: Path, change) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")

    for reg in sorted(p for p in corpus.iterdir() if (p / "gloss.yaml").is_file()):
        def gloss(d, reg=reg.name):
            for section, tag in (("units", "unit"), ("headings", "heading"), ("chapters", "chapter")):
                if d.get(section):
                    key = next(iter(d[section]))
                    d[section][key] = append(d[section][key], f"{tag}-{reg}")
                    tags.append(f"{tag}-{reg}")
        edit(reg / "gloss.yaml", gloss)
    first = sorted(p for p in corpus.iterdir() if (p / "meta.yaml").is_file())[0]

    def meta(d):
        d["title"]["en"] = append(d["title"]["en"], "title")
        tags.append("title")
    edit(first / "meta.yaml", meta)
    if (corpus / "glossary.yaml").is_file():
        def glossary(d):
            for i in (0, -1):
                d["terms"][i]["definition"] = append(d["terms"][i]["definition"], f"definition{i}")
                tags.append(f"definition{i}")
        edit(corpus / "glossary.yaml", glossary)
    if (corpus / "alignment.yaml").is_file():
        def alignment(d):
            topic = d["topics"][0]
            topic["note"] = append(topic.get("note"), "note")
            topic["name"]["en"] = append(topic["name"]["en"], "topic-name")
            tags.extend(["note", "topic-name"])
        edit(corpus / "alignment.yaml", alignment)
    return tags


@pytest.fixture(scope="session")
def hostile(tmp_path_factory):
    from build_scripts.publish.cli import build
    base = tmp_path_factory.mktemp("hostile")
    corpus = copy_corpus(base / "corpus")
    tags = inject(corpus)
    site = build(base / "site", corpus)
    return site, tags


class Strings(HTMLParser):
    """Every text node (joined per element run) and attribute value of a page, and red flags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.strings: list[str] = []
        self.flags: list[str] = []
        self._text: list[str] = []
        self._in_script = False

    def _flush(self):
        if self._text:
            self.strings.append("".join(self._text))
            self._text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("em", "strong", "b", "i", "code", "h1", "table", "a", "img", "script"):
            self._flush()  # an element born from the payload splits its text: caught below
        for key, value in attrs:
            if value is None:
                continue
            self.strings.append(value)
            if key.startswith("on") and "__pwned" in value:
                self.flags.append(f"<{tag} {key}> handler from the payload")
            if key in ("href", "src") and EVIL_HOST in value:
                self.flags.append(f"<{tag} {key}={value}> from the payload")
        self._in_script = tag == "script"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag in ("em", "strong", "b", "i", "code", "h1", "table", "a", "script", "p", "div", "li", "td"):
            self._flush()

    def handle_data(self, data):
        if self._in_script:
            # A script whose text ends in the payload's code was opened, or closed early, by the
            # payload's own <script>...</script>: injected code, or data that broke out of a script.
            if re.search(r"window\.__pwned='[^']*'\s*$", data):
                self.flags.append("a <script> ends in the payload's code (injected, or a data block cut short)")
            return
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def findings(tag: str, strings: list[str]) -> tuple[int, list[str]]:
    marker, whole = f"HOSTILE-{tag} ", squash(payload(tag))
    seen, bad = 0, []
    for s in strings:
        if marker not in s:
            continue
        seen += 1
        tail = squash(s[s.index(marker):])
        if tail.startswith(whole):
            continue
        cut = tail.rstrip("…").rstrip(".").rstrip()
        if tail != cut and whole.startswith(cut) and len(cut) > len(marker):
            continue  # shortened with an ellipsis, as tooltips may be
        at = next((i for i, (a, b) in enumerate(zip(tail, whole, strict=False)) if a != b), min(len(tail), len(whole)))
        bad.append(f"…{tail[max(0, at - 30):at + 50]}… (differs at character {at})")
    return seen, bad


def test_hostile_payloads_render_as_text(hostile):
    site, tags = hostile
    assert len(tags) >= 5
    seen = {t: 0 for t in tags}
    problems = []
    for page in sorted(site.rglob("*.html")):
        parser = Strings()
        text = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", text, re.S)  # RCDATA in browsers; HTMLParser parses it
        if title:
            parser.strings.append(html.unescape(title[1]))
            text = text[: title.start()] + text[title.end():]
        parser.feed(text)
        parser.close()
        rel = page.relative_to(site).as_posix()
        problems += [f"{rel}: {f}" for f in parser.flags]
        for tag in tags:
            n, bad = findings(tag, parser.strings)
            seen[tag] += n
            problems += [f"{rel}: {tag} rendered as {b!r}" for b in bad]
    for xml_file in sorted(site.rglob("*.xml")):
        rel = xml_file.relative_to(site).as_posix()
        try:
            root = ET.parse(xml_file).getroot()
        except ET.ParseError as exc:
            problems.append(f"{rel}: not well-formed XML: {exc}")
            continue
        strings = [s for el in root.iter() for s in (el.text or "", el.tail or "", *el.attrib.values())]
        for tag in tags:
            n, bad = findings(tag, strings)
            seen[tag] += n
            problems += [f"{rel}: {tag} rendered as {b!r}" for b in bad]
    missing = [t for t, n in seen.items() if not n]
    assert not missing, f"curated fields never published (or not read from EDITION_CORPUS): {missing}"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_hostile_site_runs_no_injected_code(hostile, serve, tabs):
    site, tags = hostile
    base = serve(site)
    pages = [""]
    for pattern in ("*/art-1/index.html", "glossary/index.html", "compare/*/index.html"):
        found = sorted(site.glob(pattern))
        pages += [p.relative_to(site).parent.as_posix() + "/" for p in found[:2]]
    with tabs.lease(lambda url: url.startswith(base)) as lease:  # others aborted, recorded in lease.outside
        page = lease.page
        for rel in pages:
            page.goto(base + rel, wait_until="networkidle")
            for term in page.locator("article .lex-term").all()[:3]:
                term.hover()
            assert page.evaluate("window.__pwned") is None, (rel, page.evaluate("window.__pwned"))
            assert page.locator(f"a[href*='{EVIL_HOST}'], img[src='x']").count() == 0, rel
        page.goto(base, wait_until="networkidle")
        page.focus("input.md-search__input")
        page.keyboard.type("HOSTILE")
        wait_until(page, """() => document.querySelectorAll('.md-search-result__item').length > 0
                                   && [...document.querySelectorAll('.md-search-result img')].every(i => i.complete)""",
                   timeout=10_000)  # the results drawn, and any image in them loaded or failed (onerror run)
        results = page.locator(".md-search-result__item")
        assert results.count() > 0, "search finds no payload (index built from this corpus?)"
        assert page.evaluate("window.__pwned") is None
        assert page.locator(f".md-search-result a[href*='{EVIL_HOST}'], .md-search-result img[src='x'], "
                            ".md-search-result script").count() == 0
    assert not lease.outside, lease.outside
