"""The one way the build writes HTML: Jinja templates in render/templates/, autoescaped through one
escape function.

`escape` is the only escaping in the build. Generated pages are Markdown with raw HTML, so text is
HTML-escaped and Markdown's metacharacters (\\ ` * _ { } [ ] |) and line breaks become character
references: corpus text then stays text in raw HTML blocks and in Markdown headings alike (where
emphasis, links and attr_list would otherwise apply, a line break would end a heading, and a blank
line would end an HTML block). The result is also valid plain HTML, so standalone pages (redirects,
the PDF source) use the same path.

Templates call the shared macros of `_lex.j2` (bilingual label, unit row, ...); Python code reaches
the same macros through `macro(name)`, so a fragment has one definition whatever builds it.
"""
from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
                        **{c: f"&#{ord(c)};" for c in "\\`*_{}[]|\n\r"}})


def escape(value: Any) -> Markup:
    """Text as HTML that no later stage reads as markup (see the module doc). Markup passes as is."""
    if isinstance(value, Markup):
        return value
    return Markup(str(value).translate(ESCAPES))


def _finalize(value: Any) -> Any:
    # Every {{ value }} goes through `escape` (Jinja's own autoescape then sees Markup and leaves it).
    if value is None:
        return ""
    return escape(value)


def json_script(value: Any) -> Markup:
    """JSON for a <script> element: `</` cannot close the element."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"))


ENV = Environment(loader=PackageLoader("build_scripts.render", "templates"), autoescape=True,
                  undefined=StrictUndefined, finalize=_finalize, trim_blocks=True, lstrip_blocks=True,
                  keep_trailing_newline=True)
ENV.filters["json_script"] = json_script


def render(template: str, **context: Any) -> str:
    """A template of render/templates/ with its context: the whole of a page or fragment."""
    return ENV.get_template(template).render(**context)


def macro(name: str):
    """A macro of _lex.j2, callable from Python; it returns Markup."""
    return getattr(ENV.get_template("_lex.j2").module, name)


def bi(zh: str, en: str, sep: str = " / ") -> Markup:
    """A label in both languages, each marked with its language."""
    return macro("bi")(zh, en, sep)
