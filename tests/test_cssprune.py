"""Material's stylesheets pruned to the rules the built site can match (publish/cssprune.py)."""
from build_scripts.publish.cssprune import Pruner, prune_bundle, words_of_html, words_of_script

PAGE = b'<html dir="ltr"><body data-md-color-scheme="default"><table><tr><td>x</td></tr></table>' \
       b'<div class="md-typeset lex-x" id="top">text with md-tabs in it, not a tag</div></body></html>'
SCRIPT = 'el.classList.add("md-search-result__more"); x.className = `md-tag--${kind}`;'


def pruner() -> Pruner:
    script_words, composed = words_of_script(SCRIPT)
    return Pruner(words_of_html(PAGE) | script_words, composed)


CASES = [
    # (id, rule, kept)
    ("class on a page", ".md-typeset td{color:red}", True),
    ("class in a script only", ".md-search-result__more{color:red}", True),
    ("class nowhere", ".md-tabs{color:red}", False),          # a word of the page's text is no class
    ("one selector of a list", ".md-tabs,.md-typeset{color:red}", True),
    ("attribute value used", "[data-md-color-scheme=default]{color:red}", True),
    ("attribute value unused", "[data-md-color-scheme=slate]{color:red}", False),
    ("dir of the page", "[dir=ltr] .md-typeset{margin:0}", True),
    ("dir of no page", "[dir=rtl] .md-typeset{margin:0}", False),
    ("inside :not() requires nothing", ".md-typeset table:not([class]) td:not([align]){color:red}", True),
    ("composed by a script", ".md-tag--draft{color:red}", True),
    ("id used", "#top{color:red}", True),
    ("id unused", "#bottom{color:red}", False),
    ("no class at all", "html{color:red}", True),
]


def test_rules_kept_and_dropped():
    for name, rule, kept in CASES:
        assert (pruner().prune(rule) != "") is kept, name


def test_a_list_keeps_only_its_selectors_that_can_match():
    assert pruner().prune(".md-tabs,.md-typeset td{color:red}") == ".md-typeset td{color:red}"


def test_at_rules():
    p = pruner()
    assert p.prune("@media screen{.md-tabs{color:red}}") == ""
    assert p.prune("@media screen{.md-tabs{color:red}.md-typeset{color:blue}}") == "@media screen{.md-typeset{color:blue}}"
    assert p.prune("@keyframes spin{0%{opacity:0}}") == "@keyframes spin{0%{opacity:0}}"
    assert p.prune("@font-face{font-family:x;src:url(x.woff2)}") == "@font-face{font-family:x;src:url(x.woff2)}"


def test_bundle_prunes_only_the_parts_named():
    bundle = "/* ---- theme.css */\n.md-tabs{color:red}.md-typeset{color:blue}\n/* ---- own.css */\n.lex-gone{color:red}\n"
    out = prune_bundle(bundle, lambda src: src == "theme.css", pruner())
    assert out == "/* ---- theme.css */\n.md-typeset{color:blue}\n/* ---- own.css */\n.lex-gone{color:red}\n"
