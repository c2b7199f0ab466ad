"""Figures of issue 11 ("one core"), for a source tree: how much HTML is written in Python strings, which
modules escape HTML themselves, which spell an anchor or URL pattern.

    python -m tools.core_metrics [ROOT]      # default: this checkout
"""
from __future__ import annotations

import io
import re
import sys
import tokenize
from pathlib import Path

TAGS = ("a|abbr|b|body|br|button|caption|code|dd|del|details|dfn|div|dl|dt|em|footer|form|h[1-6]|head|header|html|i|"
        "img|input|ins|label|li|link|meta|nav|ol|p|q|script|section|small|span|strong|style|sub|summary|sup|"
        "table|tbody|td|th|thead|title|tr|ul")
HTML_IN_STRING = re.compile(rf"(?<!\?P)</?(?:{TAGS})(?:[\s>/]|$)")
ESCAPING = re.compile(r"\bhtml\.escape\(|\bmarkupsafe\.escape\(|\bMarkup\.escape\(|\.translate\(ESCAPES\)"
                      r"|\bxml\.sax\.saxutils\.escape\(")
# the public anchor and URL shapes: art-15, para-2, -item-3, chp-1, art-15/ pages, .html files
URL_PATTERN = re.compile(r"""["'/#{}](?:art|para|chp)-\{|-item-\{|f["'][^"']*/art-|["']#art-|["']art-["']""")


def python_files(root: Path) -> list[Path]:
    return sorted(p for d in ("build_scripts", "macros") for p in (root / d).rglob("*.py"))


def html_lines(path: Path) -> int:
    """Source lines holding HTML markup inside a string literal (docstrings and comments excepted)."""
    lines = set()
    tokens = list(tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline))
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.STRING and tok.type != getattr(tokenize, "FSTRING_MIDDLE", -1):
            continue
        prev = tokens[i - 1] if i else None
        at_statement_start = prev is None or prev.type in (tokenize.ENCODING, tokenize.INDENT, tokenize.NEWLINE,
                                                           tokenize.NL, tokenize.DEDENT)
        if at_statement_start and tok.string.startswith(('"""', "'''", 'r"""')):
            continue  # a docstring
        for n, text in enumerate(tok.string.splitlines(), tok.start[0]):
            if HTML_IN_STRING.search(text):
                lines.add(n)
    return len(lines)


def main(root: Path) -> None:
    files = python_files(root)
    html = {p: html_lines(p) for p in files}
    escaping = [p for p in files if ESCAPING.search(p.read_text(encoding="utf-8"))]
    url = [p for p in files if URL_PATTERN.search(p.read_text(encoding="utf-8"))]
    rel = lambda p: p.relative_to(root).as_posix()  # noqa: E731
    print(f"HTML lines in Python strings: {sum(html.values())} in {sum(1 for n in html.values() if n)} modules")
    for p, n in sorted(html.items(), key=lambda kv: -kv[1]):
        if n:
            print(f"    {n:4d} {rel(p)}")
    print(f"modules that escape HTML themselves: {len(escaping)}: {[rel(p) for p in escaping]}")
    print(f"modules that spell an anchor or URL pattern: {len(url)}: {[rel(p) for p in url]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
