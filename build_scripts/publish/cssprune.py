"""Material's stylesheets without the rules no page of the site can match. Pure: CSS and words in, CSS out.

Material's main and palette stylesheets (a third of a cold article page, gzip) style every feature of the theme:
content tabs, code blocks, mermaid, blog posts, tags, a dozen primary colours. The site uses a few of them. A rule
is kept when one of its selectors can match: every class, id, attribute name and attribute value it requires is a
word of the built site (its pages' tags and its scripts, which add classes at run time), or begins with a prefix
a script composes names from (`md-tag--${...}`). What is inside :not(), :is(), :where() and :has() requires
nothing (a rule for `table:not([class])` stays). @media and @supports blocks are pruned inside; other at-rules
(@font-face, @keyframes, @property) stay. The edition's own stylesheets are not pruned: its scripts compose class
names from data (`lex-mode-` + mode)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import tinycss2

WORD = re.compile(r"[A-Za-z0-9_-]+")
TAG = re.compile(rb"<[A-Za-z][^<>]*>")
COMPOSED = re.compile(r"([A-Za-z0-9_-]{3,})(?:\$\{|[\"']\s*\+)")   # `name-${x}`, "name-" + x
FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
REQUIRED = re.compile(r"[.#](-?[A-Za-z_][A-Za-z0-9_-]*)|\[\s*([A-Za-z_:][-A-Za-z0-9_:.]*)\s*"
                      r"(?:[~|^$*]?=\s*(\"[^\"]*\"|'[^']*'|[^\]\s]*)\s*[is]?\s*)?\]")
BLOCKS = {"media", "supports"}


def words_of_html(data: bytes) -> set[str]:
    """The words of a page's tags (names, attributes, their values): what a selector can match."""
    return {w for tag in set(TAG.findall(data)) for w in WORD.findall(tag.decode("utf-8", "replace"))}


def words_of_script(text: str) -> tuple[set[str], set[str]]:
    """(every word of a script, the prefixes it composes names from)."""
    return set(WORD.findall(text)), set(COMPOSED.findall(text))


def _without_functional(selector: str) -> str:
    """The selector with the arguments of :not(), :is(), :where(), :has() removed (they require nothing)."""
    out, i = [], 0
    for m in FUNCTIONAL.finditer(selector):
        if m.start() < i:
            continue
        out.append(selector[i:m.end()])
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        out.append(")")
        i = j
    out.append(selector[i:])
    return "".join(out)


def _split(prelude: str) -> list[str]:
    """A selector list's selectors (commas inside parentheses or brackets do not split)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    out.append(prelude[start:])
    return out


class Pruner:
    def __init__(self, words: Iterable[str], prefixes: Iterable[str] = ()):
        self.words = set(words)
        self.prefixes = tuple(sorted(set(prefixes)))

    def known(self, word: str) -> bool:
        return word in self.words or word.startswith(self.prefixes)

    def can_match(self, selector: str) -> bool:
        for m in REQUIRED.finditer(_without_functional(selector)):
            name = m[1] or m[2]
            if not self.known(name):
                return False
            if m[3] and not all(self.known(w) for w in WORD.findall(m[3].strip("\"'"))):
                return False
        return True

    def rules(self, nodes: list[tinycss2.ast.Node]) -> str:
        out = []
        for node in nodes:
            if node.type == "qualified-rule":
                kept = [s for s in _split(tinycss2.serialize(node.prelude)) if self.can_match(s)]
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(node.content) + "}")
            elif node.type == "at-rule" and node.lower_at_keyword in BLOCKS and node.content is not None:
                inner = self.rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{inner}}}")
            elif node.type not in ("whitespace", "comment"):
                out.append(tinycss2.serialize([node]))
        return "".join(out)

    def prune(self, css: str) -> str:
        return self.rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


SECTION = re.compile(r"(?m)^/\* ---- (\S+) \*/\n")     # publish/site.py bundle(): each part under its source


def prune_bundle(bundle: str, pruned: Callable[[str], bool], pruner: Pruner) -> str:
    """The bundle (publish/site.py bundle()) with the parts whose source `pruned` names pruned."""
    parts = SECTION.split(bundle)
    out = [parts[0]]
    for src, text in zip(parts[1::2], parts[2::2], strict=True):
        out.append(f"/* ---- {src} */\n" + (pruner.prune(text).rstrip() + "\n" if pruned(src) else text))
    return "".join(out)
