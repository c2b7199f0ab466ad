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
import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from build_scripts.model.han import CHARS
from build_scripts.model.messages import msg, pair
from build_scripts.model.messages import text as msg_text
from build_scripts.model.ref import article_title_en, chapter_title_en, chapter_title_zh

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


ENV = Environment(loader=PackageLoader("build_scripts.render", "templates"), autoescape=True, auto_reload=False,
                  undefined=StrictUndefined, finalize=_finalize, trim_blocks=True, lstrip_blocks=True,
                  keep_trailing_newline=True)
# Chinese inside English: a Han character, then Han characters, CJK punctuation and full-width forms
ZH_RUN = re.compile(f"[{CHARS}][\u3000-\u303f{CHARS}\uff01-\uff5e]*")


def en_html(text: str) -> Markup:
    """English text, escaped, with any Chinese inside it (titles quoted in a gloss or a note) marked
    lang="zh-Hans" so that screen readers switch voice (WCAG 3.1.2)."""
    return Markup(ZH_RUN.sub(lambda m: macro("zh")(Markup(m.group(0))), escape(text)))


def en_unit(text: str) -> Markup:
    """A unit's English: as given when already marked up (Markup: features/annotate.py), else through en_html."""
    return text if isinstance(text, Markup) else en_html(text)


# English kept inside Chinese prose (a rendering quoted in a reviewer's reason, a code name): a run that starts
# with a Latin letter and ends with a letter, a digit, an ellipsis, a closing bracket or an apostrophe
KEPT_ENGLISH = re.compile(r"[A-Za-z<][A-Za-z0-9'\-–/ ,.;:…<>()&]*[A-Za-z0-9…)'>]|[A-Za-z]")


def zh_html(text: str) -> Markup:
    """Chinese text, escaped, with the English kept inside it marked lang="en" and .lex-keep: shown in every
    display mode as part of the Chinese, and read with an English voice (WCAG 3.1.2)."""
    out, at = [], 0
    for m in KEPT_ENGLISH.finditer(text):
        out += [escape(text[at:m.start()]), Markup('<span class="lex-keep" lang="en">'), escape(m.group(0)),
                Markup("</span>")]
        at = m.end()
    return Markup("").join([*out, escape(text[at:])])


IDENT = re.compile(r"^[A-Za-z0-9_.:-]+$")


def ident(value: str) -> Markup:
    """An id, eid, class or tag name, checked and written as is (underscores stay readable): anything
    else raises at once, by name."""
    if not IDENT.match(str(value)):
        raise ValueError(f"{value!r} is not an identifier ([A-Za-z0-9_.:-]+)")
    return Markup(value)


def m(message_id: str, sep: str = " / ", **values: object) -> Markup:
    """An interface string of the catalogue (model/messages.yaml) in both languages, each marked with its
    language; the display mode shows one or both (edition.css). {placeholders} are filled from values."""
    message = msg(message_id)
    zh, en = (message.zh, message.en) if not values else (msg_text(message_id, "zh", **values),
                                                          msg_text(message_id, "en", **values))
    return bi(zh, en, sep)


def m_en(message_id: str, sep: str = " / ", **values: object) -> Markup:
    """As `m`, the English half through en_html: Chinese quoted in it (平安建设) is marked lang="zh-Hans"."""
    return bi(msg_text(message_id, "zh", **values), en_html(msg_text(message_id, "en", **values)), sep)


def tip(zh: str, en: str) -> str:
    """A tooltip (title attribute) in both languages: Chinese, a line break, English. edition.js shows the
    line(s) of the reader's display mode when Material makes the tooltip."""
    return f"{zh}\n{en}" if zh and en else zh or en


ENV.filters["json_script"] = json_script
ENV.globals.update(article_title_en=article_title_en, chapter_title_en=chapter_title_en,  # titles: model/ref.py
                   chapter_title_zh=chapter_title_zh)
ENV.filters["ident"] = ident
ENV.globals.update(en_html=en_html, en_unit=en_unit, zh_html=zh_html)
ENV.globals.update(m=m, m_en=m_en, mt=msg_text, pair=pair, tip=tip)


def render(template: str, **context: Any) -> str:
    """A template of render/templates/ with its context: the whole of a page or fragment."""
    return ENV.get_template(template).render(**context)


def macro(name: str) -> Callable[..., Markup]:
    """A macro of _lex.j2, callable from Python; it returns Markup."""
    fn: Callable[..., Markup] = getattr(ENV.get_template("_lex.j2").module, name)
    return fn


def bi(zh: str, en: str, sep: str = " / ") -> Markup:
    """A label in both languages, each marked with its language. `sep` is markup written by the code
    (" / ", "<br>"), never corpus text."""
    return macro("bi")(zh, en, Markup(sep))
