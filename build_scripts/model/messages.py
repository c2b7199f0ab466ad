"""The one message catalogue: every string of the interface, in Simplified Chinese and English
(messages.yaml beside this file), keyed by a message id.

Python reads it here (`msg`, `text`), the templates through render/html.py (`m`, `mt`), the theme's own
strings through the generated Material language partial (publish/mkdocs_hook.py) and the scripts as the
build's data "messages" (publish/site.py script_messages; browser/shared/messages.js). Traditional forms:
each standard of the reading view (繁體（台灣）, 繁體（香港）) derives a message's form from its characters and the
vocabulary reviewed in corpus/zh_hant_corrections.yaml (enrich/hant.py `Hant.interface`: 複製連結, 資料); an
entry gives `zh_tw` / `zh_hk` only where that derived form is wrong for it. features/search.py ships the forms
that differ from the characters alone (the build's data "hant", browser/hant/state.js). Placeholders are
`{name}`, filled by `text(id, lang, name=...)` (str.format) and by the scripts' `fill` / `t`
(browser/shared/messages.js).

The legal text never passes through here: only what the edition says about it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from build_scripts.model.errors import InputError

PATH = Path(__file__).with_name("messages.yaml")
LANGS = ("zh", "en", "zh_tw", "zh_hk")
REQUIRED = ("zh", "en")


@dataclass(frozen=True)
class Message:
    id: str
    zh: str
    en: str
    zh_tw: str | None = None     # only where the derived Taiwan form (Hant.interface) is wrong for this string
    zh_hk: str | None = None     # only where the derived Hong Kong form is wrong for this string

    def get(self, lang: str) -> str:
        value: str | None = getattr(self, lang)
        return value if value is not None else self.zh


def parse(text: str, path: str = "messages.yaml") -> MappingProxyType[str, Message]:
    """The catalogue from YAML text: one mapping of id -> {zh, en[, zh_tw, zh_hk]}. Bad input stops with
    one line naming the file and line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, mark.line + 1 if mark else 1, f"{getattr(exc, 'problem', exc)}; expected YAML") from None
    if root is None:
        return MappingProxyType({})
    if not isinstance(root, yaml.MappingNode):
        raise InputError(path, root.start_mark.line + 1, "a list or a scalar; expected a mapping of message ids")
    data = yaml.safe_load(text)     # the values; the nodes above give the line of each id
    out: dict[str, Message] = {}
    for key_node, _value in root.value:
        line = key_node.start_mark.line + 1
        key = key_node.value
        if key in out:
            raise InputError(path, line, f"message {key!r} twice; expected each id once")
        value: Any = data.get(key)
        if not isinstance(value, dict) or set(value) - set(LANGS) or any(k not in value for k in REQUIRED):
            raise InputError(path, line, f"message {key!r}: {value!r}; expected {{zh: ..., en: ...}} "
                                         "(and zh_tw, zh_hk only where the derived form is wrong)")
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise InputError(path, line, f"message {key!r}: an empty or non-text value; expected text")
        out[key] = Message(key, **{k: str(v) for k, v in value.items()})
    return MappingProxyType(out)


@cache
def catalogue() -> MappingProxyType[str, Message]:
    """messages.yaml, read once per process (it is part of the code, not of the corpus)."""
    return parse(PATH.read_text(encoding="utf-8"), str(PATH.relative_to(PATH.parents[2])))


def msg(message_id: str) -> Message:
    try:
        return catalogue()[message_id]
    except KeyError:
        raise KeyError(f"no message {message_id!r} in build_scripts/model/messages.yaml") from None


def _half(value: object, lang: str) -> object:
    """A placeholder's value in one language: a (zh, en) pair gives its half (Chinese for every Chinese form),
    anything else (a number, a code) is the same in both."""
    if isinstance(value, tuple) and len(value) == 2:
        return value[1] if lang == "en" else value[0]
    return value


def text(message_id: str, lang: str = "zh", **values: object) -> str:
    """One language of a message, with its {placeholders} filled; a value given as a (zh, en) pair fills each
    language with its own half: text("compare.only-in", "en", name=("江西", "Jiangxi")) is "only in Jiangxi"."""
    template = msg(message_id).get(lang)
    return template.format(**{k: _half(v, lang) for k, v in values.items()}) if values else template


def pair(message_id: str, sep: str = " ", **values: object) -> str:
    """Both languages of a message as one plain string, Chinese first: a navigation or page title ("对照 Compare")
    or an attribute a screen reader reads (aria-label="位置 / Location"), where no element can carry lang."""
    return f"{text(message_id, 'zh', **values)}{sep}{text(message_id, 'en', **values)}"
