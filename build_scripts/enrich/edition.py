"""The Edition: everything the corpus says, read, validated and derived once per build.

Every feature reads it; none loads a corpus file, recomputes another's data or caches in a global.
`load_edition(corpus)` is the only place that reads corpus/ (through parse/ and the loaders here).
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from build_scripts.enrich.aliases import EMPTY as NO_ALIASES
from build_scripts.enrich.aliases import Aliases, load_aliases
from build_scripts.enrich.alignment import Alignment, load_alignment
from build_scripts.enrich.changes import Addition, Change, load_additions, load_changes
from build_scripts.enrich.expansions import EMPTY as NO_EXPANSIONS
from build_scripts.enrich.expansions import Expansions, load_expansions, load_synonyms
from build_scripts.enrich.gloss import Gloss, load_gloss
from build_scripts.enrich.glossary import Definition, Term, find_definitions, load_glossary
from build_scripts.enrich.hant import Hant, corpus_texts, derive, load_reviewed
from build_scripts.enrich.references import Reference, ReferenceError, incoming, notice, resolve, unresolved
from build_scripts.enrich.status import Status, edition_version, status_of
from build_scripts.model.ref import Ref
from build_scripts.model.regulation import Regulation
from build_scripts.parse.corpus import facts_from_text, load_all
from build_scripts.parse.normalise import decode

log = logging.getLogger("build_scripts.enrich")

K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class Facts:
    """What the text itself states (its last article), checked against meta.yaml when read."""
    effective: str | None
    repeals: Mapping[str, Any] | None


@dataclass(frozen=True)
class Edition:
    corpus: Path
    regs: tuple[Regulation, ...]
    glosses: Mapping[str, Gloss]
    glossary: tuple[Term, ...]
    definitions: Mapping[str, tuple[Definition, ...]]
    references: Mapping[str, Mapping[str, tuple[Reference, ...]]]   # reg id -> unit eid -> references
    referred_by: Mapping[str, Mapping[int, tuple[Reference, ...]]]  # reg id -> article -> incoming
    alignment: Alignment | None
    facts: Mapping[str, Facts]
    hant: Hant | None = None        # the traditional view's conversion tables of the corpus texts (enrich/hant.py):
                                    # Taiwan's forms, which the glossary's zh_hant and the build's tooltips use
    hant_hk: Hant | None = None     # the same for Hong Kong's forms
    changes: tuple[Change, ...] = ()               # the gloss change log, newest first
    additions: tuple[Addition, ...] = ()           # regulations added to the edition, newest first
    status: Mapping[str, Status] = field(default_factory=lambda: MappingProxyType({}))  # reg id -> status box
    version: str = ""                              # the edition's version (pyproject.toml)
    aliases: Aliases = NO_ALIASES   # reader vocabulary for glossary terms and topics (corpus/aliases.yaml)
    # how readers ask about each article (corpus/search_expansions.yaml)
    expansions: Expansions = field(default_factory=lambda: NO_EXPANSIONS)
    # lay English word -> gloss words (corpus/search_synonyms.yaml)
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    notices: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))  # reg id -> lines

    def reg(self, reg_id: str) -> Regulation:
        for r in self.regs:
            if r.id == reg_id:
                return r
        raise KeyError(f"unknown regulation {reg_id!r}; known: {[r.id for r in self.regs]}")

    def ref(self, reg_id: str, article: int, paragraph: int | None = None, item: int | None = None) -> Ref:
        return Ref(self.reg(reg_id), article, paragraph, item)

    def ref_of_eid(self, reg_id: str, eid: str) -> Ref:
        return Ref.from_eid(self.reg(reg_id), eid)


def _frozen(mapping: dict[K, V]) -> Mapping[K, V]:
    return MappingProxyType(mapping)


def reference_notices(corpus: Path, reg: Regulation, refs: Mapping[str, tuple[Reference, ...]],
                      strict: bool = False) -> tuple[str, ...]:
    """One line for each reference left unlinked; in a strict build (or meta.yaml references: strict) the
    first one stops the build."""
    bad = unresolved(dict(refs))
    if not bad:
        return ()
    path = corpus / reg.id / "source.txt"
    source = decode(path.read_bytes(), reg.source_path) if path.is_file() else None
    lines = tuple(notice(reg, r, source) for r in bad)
    if strict or reg.meta.references == "strict":
        why = "--strict" if strict else "references: strict in meta.yaml"
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        raise ReferenceError(f"{lines[0]}{more}; expected every reference resolved ({why})")
    return lines


def load_edition(corpus: Path, strict: bool = False) -> Edition:
    """strict: a reference that cannot be resolved stops the build (else: unlinked, with a notice)."""
    regs = load_all(corpus)
    references = {r.id: resolve(r) for r in regs}
    notices = {r.id: reference_notices(corpus, r, references[r.id], strict) for r in regs}
    for lines in notices.values():
        for line in lines:
            log.warning("notice: %s", line)
    reviewed = load_reviewed(corpus)
    hant = derive(corpus_texts(regs), reviewed["tw"], "tw")
    glosses = {r.id: load_gloss(r, corpus) for r in regs}
    facts = {r.id: Facts(**facts_from_text(r)) for r in regs}
    changes = load_changes(regs, glosses, corpus)
    version = edition_version()
    glossary = load_glossary(regs, corpus, hant.convert) if (corpus / "glossary.yaml").exists() else ()
    alignment = load_alignment(regs, corpus) if (corpus / "alignment.yaml").exists() else None
    return Edition(
        corpus=corpus,
        regs=regs,
        glosses=_frozen(glosses),
        glossary=glossary,
        definitions=_frozen({r.id: find_definitions(r) for r in regs}),
        references=_frozen({k: _frozen(v) for k, v in references.items()}),
        referred_by=_frozen({k: _frozen({a: tuple(rs) for a, rs in incoming(v).items()})
                             for k, v in references.items()}),
        alignment=alignment,
        facts=_frozen(facts),
        hant=hant,
        hant_hk=derive(corpus_texts(regs), reviewed["hk"], "hk"),
        changes=changes,
        additions=load_additions(regs, corpus),
        status=_frozen({r.id: status_of(r, facts[r.id].repeals, changes, version) for r in regs}),
        version=version,
        aliases=load_aliases(corpus, {t.id for t in glossary},
                             {t.id for t in alignment.topics} if alignment else set()),
        expansions=load_expansions(corpus, regs),
        synonyms=load_synonyms(corpus),
        notices=_frozen(notices),
    )

