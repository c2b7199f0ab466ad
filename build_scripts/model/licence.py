"""The licences, stated once: the legal text, the edition's own work, the code (LICENSES/README.md).

Every download repeats them from here: the downloads page, the JSON export (`licence`), the Akoma Ntoso
files (a comment), the PDF cover and the offline zip (its LICENSE file). The CSV has no place for them
(a comment line would break CSV readers); the downloads page that lists it states them.
"""
from __future__ import annotations

from typing import Any

ATTRIBUTION = {"zh": "平安建设条例双语版", "en": "Ping'an-Building Regulations bilingual edition"}

EDITION = "CC BY 4.0"                 # the gloss, headings, notes, glossary, alignment, data structure
EDITION_SPDX = "CC-BY-4.0"
EDITION_URL = "https://creativecommons.org/licenses/by/4.0/"
CODE = "MIT"                          # the build, scripts, styles, templates
CODE_SPDX = "MIT"
CODE_URL = "https://opensource.org/license/mit"
LEGAL_BASIS = {"zh": "《中华人民共和国著作权法》第五条",
               "en": "Copyright Law of the People's Republic of China, art. 5"}


def export_metadata() -> dict[str, Any]:
    """The `licence` key of the JSON export."""
    return {
        "legal_text": {"status": "not subject to copyright", "basis": dict(LEGAL_BASIS),
                       "covers": ["zh"]},
        "edition": {"spdx": EDITION_SPDX, "name": EDITION, "url": EDITION_URL, "attribution": dict(ATTRIBUTION),
                    "covers": ["en", "heading", "references", "citation"]},
    }


def notice(title: str = "") -> str:
    """Plain-text statement (the offline zip's LICENSE, the Akoma Ntoso comment)."""
    head = f"{title}\n\n" if title else ""
    return head + (
        f"The legal text (the Chinese text of the regulations) is an official legislative document: under "
        f"{LEGAL_BASIS['en']}, laws, regulations and their official translations are not subject to copyright. "
        f"It is reproduced unaltered; no rights are claimed in it.\n\n"
        f"The edition's own work (the English gloss, editorial headings and notes, the glossary, the comparison "
        f"alignment and the structure of the data) is licensed under {EDITION} ({EDITION_URL}). "
        f"Attribute it to \"{ATTRIBUTION['en']}\" ({ATTRIBUTION['zh']}) with a link.\n\n"
        f"The site's code (its scripts, styles and templates) is licensed under the {CODE} licence ({CODE_URL}); "
        f"the Material for MkDocs theme it includes is MIT-licensed by Martin Donath.\n\n"
        f"The Chinese text is authoritative; the English is an unofficial gloss.\n"
    )
