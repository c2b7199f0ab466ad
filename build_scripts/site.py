"""Everything the site generates from the corpus, as {src_uri: content} and a nav. Pure."""
from __future__ import annotations

import json

from .export import regulation_json
from .gloss import Gloss
from .model import Regulation
from .pages import PageContext, article_page, full_text_page, nav_entries
from .urls import Urls, article_src, full_text_src

HAND_WRITTEN_NAV = [
    {"首页 Home": "index.md"},
]
ABOUT_NAV = {"关于本版 About": [
    {"关于 About this edition": "about.md"},
    {"译文说明 Translation notes": "translation-notes.md"},
    {"引用 How to cite": "cite.md"},
    {"数据 Data and URLs": "data.md"},
    {"新增法规 Adding a regulation": "adding.md"},
]}


def generated_files(regs: tuple[Regulation, ...], glosses: dict[str, Gloss], urls: Urls,
                    annotate=None, extras=None) -> dict[str, str]:
    files: dict[str, str] = {}
    for reg in regs:
        kwargs = {}
        if annotate:
            kwargs["annotate"] = annotate
        if extras:
            kwargs["extras"] = extras
        ctx = PageContext(reg, glosses[reg.id], urls, **kwargs)
        files[full_text_src(reg.id)] = full_text_page(ctx)
        for art in reg.articles:
            files[article_src(reg.id, art.number)] = article_page(ctx, art)
        files[f"data/{reg.id}.json"] = json.dumps(regulation_json(reg, glosses[reg.id]), ensure_ascii=False,
                                                  indent=1, sort_keys=False) + "\n"
    return files


def nav(regs: tuple[Regulation, ...], glosses: dict[str, Gloss]) -> list:
    entries = list(HAND_WRITTEN_NAV)
    for reg in regs:
        entries.append({f"{reg.meta.title_zh} {reg.meta.title_en}": nav_entries(reg, glosses[reg.id])})
    entries.append(ABOUT_NAV)
    return entries
