"""Generated pages' raw HTML kept away from Python-Markdown (publish/rawhtml.py): Markdown's output with the
blocks stashed and restored is the output without, byte for byte, for the shapes the templates write and for
the seeds' real pages; a block Markdown would not copy as it is stays Markdown's."""
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from build_scripts.publish.rawhtml import anchor_ids, restore, stash

ROOT = Path(__file__).resolve().parent.parent


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's extensions and their settings (mkdocs.yml)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        listed = yaml_load(f)["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in listed]
    configs = {next(iter(e)): next(iter(e.values())) for e in listed if isinstance(e, dict)}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def both_ways(text: str) -> tuple[str, str, list[str]]:
    md = site_markdown()
    plain = md.reset().convert(text)
    stashed, blocks = stash(text)
    return plain, restore(md.reset().convert(stashed), blocks), blocks


FRAGMENTS = [
    # (id, Markdown as a generated page has it, blocks stashed)
    ("heading between blocks", '<div class="a">x\n<p>y &amp; *z*</p></div>\n\n# T <span>u</span> {: #t }\n\n'
                               '<section id="s">\n<h2 id="h">H</h2>\n</section>\n', 2),
    ("comment", "<!-- Generated; do not edit. -->\n\n<div>a</div>\n", 2),
    ("elements on their own lines", "<section><p>a</p></section>\n<p>b</p>\n\n<ol>\n<li>c</li>\n</ol>", 3),
    ("nested same tag", '<div class="o">\n<div class="i">a</div>\n<div>b</div>\n</div>', 1),
    ("two elements on one line: Markdown breaks the line", "<noscript><p>x</p></noscript><script>y</script>", 0),
    ("open across a blank line", "<div>a\n\n<p>b</p>\n</div>\n\n<p>c</p>", 1),
    ("inline tag: a paragraph", "<span>a</span> *b*\n\n<div>c</div>", 1),
    ("text after the close", "<div>a</div> tail\n\n# H", 0),
    ("script holding a tag name", '<div>\n<script>var s = "<div>";</script>\n</div>\n\n<p>x</p>', 1),
]


@pytest.mark.parametrize(("text", "stashed"), [f[1:] for f in FRAGMENTS], ids=[f[0] for f in FRAGMENTS])
def test_markdown_output_is_the_same(text, stashed):
    plain, restored, blocks = both_ways(text)
    assert restored == plain
    assert len(blocks) == stashed


def test_seed_pages_come_out_the_same(site):
    """Real article and full-text pages of the seeds, with the features' blocks, made as the build makes them."""
    from build_scripts.publish.site import Build
    from build_scripts.render.pages import PageContext, article_page, full_text_page
    build = Build.start(site)
    pages = {}
    for reg in site.regs:
        ctx = PageContext(reg, site.glosses[reg.id], site.urls, annotate=build.annotate, extras=build.article_blocks,
                          full_text_extras=build.full_text_blocks, repeals=site.edition.facts[reg.id].repeals,
                          status=site.edition.status.get(reg.id))
        pages[reg.id] = full_text_page(ctx)
        pages[f"{reg.id} art. 1"] = article_page(ctx, reg.articles[0])
        pages[f"{reg.id} art. 15"] = article_page(ctx, reg.article(15))
    for name, page in pages.items():
        body = page.split("\n---\n", 1)[1]     # what MkDocs hands Markdown: no front matter
        plain, restored, blocks = both_ways(body)
        assert restored == plain, name
        assert sum(map(len, blocks)) > len(body) / 2, f"{name}: most of the page should skip Markdown"
        assert anchor_ids(blocks) == mkdocs_anchor_ids("\n".join(blocks)), name


def mkdocs_anchor_ids(text: str) -> set[str]:
    """The anchors MkDocs' own reading of raw HTML finds (for its validation of links to anchors)."""
    from mkdocs.structure.pages import _HTMLHandler
    handler = _HTMLHandler()
    handler.feed(text)
    handler.close()
    return handler.present_anchor_ids


def test_anchor_ids_are_those_mkdocs_finds():
    text = ('<div id="a" class="x"><a name="b" href="#c">id="no" &amp; name="no"</a><h2 id="h&amp;1" name="n">t</h2>'
            '<script>var s = {"q": "<p id=\\"no\\">"};</script></div>')
    assert anchor_ids([text]) == mkdocs_anchor_ids(text) == {"a", "b", "h&1"}


def test_a_lost_placeholder_stops_the_build():
    text, blocks = stash("<div>a</div>\n\n<div>b</div>")
    with pytest.raises(ValueError, match="placeholders"):
        restore(text.split("\n\n")[0], blocks)
