"""Generated pages' raw HTML kept away from Python-Markdown, and put back after it. Pure: text in, text out.

A generated page is Markdown headings (the page's title and table of contents, with attr_list ids) between raw
HTML blocks that Markdown copies verbatim. Copying them cost Markdown's HTML parser a third of a build's time
(md_in_html parses every tag of them to find where each block ends). `stash` swaps each such block for a tiny
block-level placeholder, which Markdown treats as the same kind of block (so the whitespace around it is the
same); `restore` swaps the blocks back into Markdown's output. Headings stay Markdown: the table of contents,
anchors and permalinks come out as before.

A block is stashed only when Markdown would copy it as is (`_elements`); anything else is left to Markdown."""
from __future__ import annotations

import html
import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

PLACEHOLDER = '<div data-lex-raw="{}"></div>'
PLACEHOLDER_RE = re.compile(r'<div data-lex-raw="(\d+)"></div>')
START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s>]")
BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
# The anchors MkDocs finds in raw HTML (an id; the name of an <a>), which its link validation checks links against.
# Attribute values are written by render.html.escape, text cannot hold a bare `"`: a search of the text finds them.
START = re.compile(r"<([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)>")
ANCHOR_ATTR = re.compile(r'\s(id|name)="([^"]*)"')


def _elements(block: str) -> list[str] | None:
    """The block as the whole elements Markdown copies as they are, one after another on their own lines: each a
    comment, or an element of a block-level tag that closes at the end of a line, every element of that tag
    opened in it closed in it. None when the block is anything else (Markdown reads on past a blank line when an
    element stays open, and puts a line break between elements that share a line)."""
    out: list[str] = []
    lines: list[str] = []
    tag, depth = "", 0
    for line in block.split("\n"):
        if not lines:
            if line.startswith("<!--"):
                tag = "!--"
            else:
                m = START_TAG.match(line)
                if not m or m[1].lower() not in BLOCK_LEVEL:
                    return None
                tag = m[1]
            depth = 0
        lines.append(line)
        if tag == "!--":
            depth += line.count("<!--") - line.count("-->")
            done = depth == 0 and line.endswith("-->")
        else:
            depth += len(re.findall(f"<{tag}[\\s>]", line)) - line.count(f"</{tag}>")
            done = depth == 0 and line.endswith(f"</{tag}>")
        if done:
            out.append("\n".join(lines))
            lines = []
    return None if lines or not out else out


def stash(markdown: str) -> tuple[str, list[str]]:
    """(the Markdown with each whole raw HTML element replaced by a placeholder, the elements in order)."""
    if PLACEHOLDER_RE.search(markdown):
        raise ValueError("a generated page contains the raw-HTML placeholder itself; expected none")
    blocks: list[str] = []
    parts = markdown.split("\n\n")
    for i, part in enumerate(parts):
        core = part.rstrip("\n")      # the page's last block ends with its line break
        elements = _elements(core) if core.startswith("<") else None
        if elements:
            parts[i] = "\n".join(PLACEHOLDER.format(len(blocks) + k) for k in range(len(elements))) + part[len(core):]
            blocks.extend(elements)
    return "\n\n".join(parts), blocks


def restore(html: str, blocks: list[str]) -> str:
    """Markdown's output with the stashed blocks back in their placeholders' places (each exactly once)."""
    seen: list[int] = []

    def back(m: re.Match[str]) -> str:
        seen.append(int(m[1]))
        return blocks[int(m[1])]
    out = PLACEHOLDER_RE.sub(back, html)
    if sorted(seen) != list(range(len(blocks))):
        raise ValueError(f"raw HTML blocks {len(blocks)}, placeholders back from Markdown {len(seen)}; "
                         "expected each once")
    return out


def anchor_ids(blocks: list[str]) -> set[str]:
    """The anchors of the stashed blocks, as MkDocs' parser of raw HTML finds them (Page.present_anchor_ids):
    Markdown no longer sees these blocks, so the hook adds them back for the validation of links."""
    return {html.unescape(a[2]) for b in blocks for t in START.finditer(b) for a in ANCHOR_ATTR.finditer(t[2])
            if a[1] == "id" or t[1].lower() == "a"}
