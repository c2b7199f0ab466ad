"""Linking from other documents (issue 28), build-time half: the Python-Markdown extension `edition_links`
(build_scripts/publish/markdown_links.py), run on documents that are not the edition's, reading only the data a
built site publishes (data/cite-rules.json, data/anchors.json), written here by the same code the build uses."""
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from build_scripts.features.citations import Citations
from build_scripts.model import citeparse
from build_scripts.render.export import json_file

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "citation_cases.yaml").read_text(encoding="utf-8"))["cases"]
BASE = "https://example.org/pingan/"
# the cases that name a regulation and resolve to exactly one provision: each must become a link in running text
# (short links and URLs are addresses, not citations in prose: a page links them already)
LINKABLE = [c for c in CASES if isinstance(c["parse"], dict) and c["parse"]["reg"] and c["parse"]["article"]
            and isinstance(c["resolve"], list) and len(c["resolve"]) == 1 and "/" not in c["input"]
            and c.get("prose", True)]
# the cases that must not: no regulation named, or no such provision
UNLINKABLE = [c for c in CASES if c not in LINKABLE and c["input"].strip() and "/" not in c["input"] and c.get("prose", True)
              and not (isinstance(c["parse"], dict) and c["parse"]["reg"] and c["parse"]["article"] is None)]


@pytest.fixture(scope="module")
def published(site, tmp_path_factory) -> Path:
    """A folder shaped like a built site's data/: the two files the extension reads, as the build writes them."""
    root = tmp_path_factory.mktemp("edition-site")
    (root / "data").mkdir()
    cite = Citations(site)
    (root / "data" / "cite-rules.json").write_text(json_file(cite.rules_json()), encoding="utf-8")
    (root / "data" / "anchors.json").write_text(json_file(cite.anchors_json()), encoding="utf-8")
    return root


class Links(HTMLParser):
    """The a elements of an HTML fragment, [(attrs, text)], and its whole text."""
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict, str]] = []
        self.text, self._open = "", None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = (dict(attrs), "")

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            self.links.append(self._open)
            self._open = None

    def handle_data(self, data):
        self.text += data
        if self._open:
            self._open = (self._open[0], self._open[1] + data)


def render(text: str, published: Path, **config) -> str:
    return markdown.markdown(text, extensions=["edition_links"],
                             extension_configs={"edition_links": {"site": str(published), "base_url": BASE, **config}})


def expected_href(case) -> str:
    reg, eid = case["resolve"][0].split(":")
    art = eid.split("__")[0].removeprefix("art_")
    parts = dict(p.split("_") for p in eid.split("__")[1:])
    anchor = f"#para-{parts['para']}" + (f"-item-{parts['point']}" if "point" in parts else "") if parts else ""
    return f"{BASE}{reg}/art-{art}/{anchor}"


@pytest.mark.parametrize("case", LINKABLE, ids=[c["input"] for c in LINKABLE])
def test_each_citation_form_becomes_a_link_in_running_text(case, published):
    html = render(f"参见{case['input']}。See also the rest.", published)
    found = Links(html)
    assert [(a.get("href"), text) for a, text in found.links] == \
        [(expected_href(case), case["input"].rstrip(citeparse.TRAILING))], html
    assert found.text == f"参见{case['input']}。See also the rest.", "not one character lost, added or moved"


@pytest.mark.parametrize("case", UNLINKABLE, ids=[c["input"] for c in UNLINKABLE])
def test_no_link_without_a_regulation_or_a_provision(case, published):
    html = render(f"参见{case['input']}。", published)
    assert Links(html).links == [], html


def test_links_carry_the_citation_in_both_languages(published):
    (a, text), = Links(render("见《江西省平安建设条例》第十五条第二款。", published)).links
    assert text == "《江西省平安建设条例》第十五条第二款"           # the title marks belong to the link
    assert a["title"] == "《江西省平安建设条例》第十五条第二款 / Jiangxi Province Regulations on Ping'an-Building, Art. 15(2)"
    assert a["class"] == "edition-cite"
    (a, _), = Links(render("见赣40条。", published, titles=False)).links
    assert "title" not in a


def test_code_links_and_raw_html_are_left_alone(published):
    src = textwrap.dedent("""\
        Inline `赣40条` and [晋平安条例第20条](https://elsewhere.example/) and <span>Shanxi Art. 7 item 3</span>.

            赣平安条例第58条第2款 in an indented code block

        ```
        赣平安条例第58条第2款 in a fenced block
        ```

        Running text: 晋第九条第（五）项, then <em>Jiangxi art. 11(2)(3)</em> in emphasis.
        """)
    html = render(src, published)
    plain = markdown.markdown(src)
    found = Links(html)
    assert [(a.get("href"), t) for a, t in found.links] == [
        ("https://elsewhere.example/", "晋平安条例第20条"),
        (BASE + "shanxi/art-7/#para-1-item-3", "Shanxi Art. 7 item 3"),     # inline HTML's text is text
        (BASE + "shanxi/art-9/#para-1-item-5", "晋第九条第（五）项"),
        (BASE + "jiangxi/art-11/#para-2-item-3", "Jiangxi art. 11(2)(3)"),
    ]
    assert found.text == Links(plain).text
    assert html.count("<code>") == plain.count("<code>") == 3


def test_several_citations_in_one_text_node_keep_their_order(published):
    text = "赣40条、晋平安条例第20条和Jiangxi Art. 15(2)；赣平安条例第58条第2款。"
    found = Links(render(text, published))
    assert [t for _, t in found.links] == ["赣40条", "晋平安条例第20条", "Jiangxi Art. 15(2)", "赣平安条例第58条第2款"]
    assert found.text == text


def test_base_url_defaults_to_the_published_site_url(published, tmp_path):
    import json
    data = tmp_path / "data"
    data.mkdir()
    anchors = json.loads((published / "data" / "anchors.json").read_text(encoding="utf-8"))
    anchors["site_url"] = "https://pingan.example/"
    (data / "anchors.json").write_text(json.dumps(anchors), encoding="utf-8")
    (data / "cite-rules.json").write_text((published / "data" / "cite-rules.json").read_text(encoding="utf-8"))
    html = markdown.markdown("赣40条", extensions=["edition_links"],
                             extension_configs={"edition_links": {"site": str(data)}})   # the data folder itself
    assert Links(html).links[0][0]["href"] == "https://pingan.example/jiangxi/art-40/"


@pytest.mark.parametrize("site_value, fragment", [
    ("https://example.org/pingan/", "https://example.org/pingan/: a URL; expected a local folder"),
    ("{tmp}/nowhere", "{tmp}/nowhere/data/cite-rules.json: not found; expected the citation rules"),
    ("{tmp}/broken", "{tmp}/broken/data/cite-rules.json: unreadable ("),
])
def test_bad_data_stops_with_one_line(site_value, fragment, tmp_path):
    from build_scripts.publish.markdown_links import EditionDataError
    (tmp_path / "broken" / "data").mkdir(parents=True)
    (tmp_path / "broken" / "data" / "cite-rules.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(EditionDataError) as err:
        markdown.markdown("x", extensions=["edition_links"],
                          extension_configs={"edition_links": {"site": site_value.format(tmp=tmp_path)}})
    assert str(err.value).startswith(fragment.format(tmp=tmp_path))
    assert "\n" not in str(err.value)


def mkdocs_project(folder: Path, site: str, base_url: str | None = BASE) -> Path:
    (folder / "docs").mkdir(parents=True)
    config = {"site_name": "A report that cites the regulations", "theme": {"name": "mkdocs"},
              "markdown_extensions": [{"edition_links": {"site": site, **({"base_url": base_url} if base_url else {})}}]}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (folder / "docs" / "index.md").write_text(textwrap.dedent("""\
        # 平安建设比较 / A comparison

        江西的规定见《江西省平安建设条例》第十五条第二款；山西见晋平安条例第20条。
        In English: Shanxi Province Regulations on Ping'an-Building, Art. 7, item 3.

        Not in code: `赣40条`.
        """), encoding="utf-8")
    return folder


def test_a_separate_mkdocs_project_links_its_citations(published, tmp_path):
    project = mkdocs_project(tmp_path / "report", str(published))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    links = [(a["href"], t) for a, t in Links(page).links if a.get("class") == "edition-cite"]
    assert links == [(BASE + "jiangxi/art-15/#para-2", "《江西省平安建设条例》第十五条第二款"),
                     (BASE + "shanxi/art-20/", "晋平安条例第20条"),
                     (BASE + "shanxi/art-7/#para-1-item-3", "Shanxi Province Regulations on Ping'an-Building, Art. 7, item 3")]
    assert "<code>赣40条</code>" in page


def test_a_mkdocs_project_without_the_data_stops_non_zero(tmp_path):
    project = mkdocs_project(tmp_path / "report", str(tmp_path / "no-site"))
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    assert f"{tmp_path}/no-site/data/cite-rules.json: not found; expected the citation rules" in run.stderr


# ---------------------------------------------------------------------------------------------- embed
class Snippet(HTMLParser):
    """The paragraphs of each language of an embed snippet, its link targets and its cite attribute."""
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, list[str]] = {}
        self.hrefs: list[str] = []
        self.cite, self.footer = None, ""
        self._lang, self._p, self._in_footer = None, None, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "blockquote":
            self.cite = a["cite"]
        elif tag == "div":
            self._lang = a["lang"]
            self.parts[self._lang] = []
        elif tag == "p" and self._lang:
            self._p = ""
        elif tag == "a":
            self.hrefs.append(a["href"])
        elif tag == "footer":
            self._in_footer = True

    def handle_endtag(self, tag):
        if tag == "p" and self._p is not None:
            self.parts[self._lang].append(self._p)
            self._p = None
        elif tag == "div":
            self._lang = None

    def handle_data(self, data):
        if self._p is not None:
            self._p += data
        elif self._in_footer:
            self.footer += data


def legal_parts(ref) -> list[str]:
    """The paragraphs and items of a unit as the model holds them (source text, items with their labels)."""
    out = []
    for p in ref.art.paragraphs:
        if ref.paragraph in (None, p.number):
            if ref.item is None and p.text:
                out.append(p.text)
            out += [i.label + i.text for i in p.items if ref.item in (None, i.number)]
    return out


def test_every_embed_snippet_carries_the_legal_text_exactly(site):
    from build_scripts.features.citations import embed_snippets
    from build_scripts.model.ref import Ref
    checked = 0
    for reg in site.regs:
        for ref in Ref.all(reg):
            snippets = embed_snippets(site, ref, "https://example.org/pingan/" + ref.path)
            zh = Snippet(snippets["zh"])
            assert zh.parts == {"zh-Hans": legal_parts(ref)}, ref.eid
            assert zh.cite == zh.hrefs[0] == "https://example.org/pingan/" + ref.path
            assert ref.citation["zh"] in zh.footer and "unofficial" not in zh.footer
            if "both" in snippets:
                both = Snippet(snippets["both"])
                assert both.parts["zh-Hans"] == legal_parts(ref)
                assert len(both.parts["en"]) == len(legal_parts(ref))
                assert ref.citation["en"] in both.footer and "unofficial gloss" in both.footer
                assert "英文为本版的非官方译文" in both.footer
                assert Snippet(snippets["en"]).parts == {"en": both.parts["en"]}
            checked += 1
    assert checked == sum(len(Ref.all(r)) for r in site.regs) > 300


def test_an_embed_snippet_escapes_its_url(site):
    from build_scripts.features.citations import embed_snippets
    from build_scripts.model.ref import Ref
    reg = site.regs[0]
    html = embed_snippets(site, Ref(reg, 1), 'https://x.example/?a=1&b="><img src=x onerror=alert(1)>')["zh"]
    assert "<img" not in html and 'onerror=alert(1)>"' not in html
    assert Snippet(html).cite == 'https://x.example/?a=1&b="><img src=x onerror=alert(1)>'
