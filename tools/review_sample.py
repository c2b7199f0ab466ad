"""A blind review packet of the English gloss: N random units (seeded) and the longest units, each with its
Chinese, its English and its whole article in Chinese for context. Nothing else: no translation notes, no
change log, no glossary, so that the reviewer judges the English against the Chinese alone.

    .venv/bin/python -m tools.review_sample --seed 20261208 --n 30 --longest 8 > packet.md

Units are numbered R1..Rn in the packet; the reviewer grades each one (fully accurate / minor issue /
misleading / missing content). The same seed always draws the same units from the same corpus.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from build_scripts.enrich.edition import load_edition
from build_scripts.model.regulation import units

ROOT = Path(__file__).resolve().parent.parent


def packet(corpus: Path, seed: int, n: int, longest: int) -> str:
    edition = load_edition(corpus)
    rows = []   # (reg id, eid, zh, en, article text)
    for reg in edition.regs:
        gloss = edition.glosses[reg.id]
        for u in units(reg.articles):
            en = gloss.unit(u.eid)
            if u.zh and en:
                art = reg.article(u.article)
                context = "\n".join(p.text + "".join(f"\n  {i.label}{i.text}" for i in p.items) for p in art.paragraphs)
                rows.append((reg.id, u.eid, (u.label or "") + u.zh, en, f"{art.label}\n{context}"))
    drawn = random.Random(seed).sample(range(len(rows)), n)
    long_ones = sorted(range(len(rows)), key=lambda k: -len(rows[k][2]))[:longest]
    out = [f"# Review packet: seed {seed}, {n} random units of {len(rows)}, then the {longest} longest", ""]
    for title, picks, prefix in (("Random units", drawn, "R"), ("Longest units", long_ones, "L")):
        out += [f"## {title}", ""]
        for k, i in enumerate(picks, 1):
            reg_id, eid, zh, en, context = rows[i]
            out += [f"### {prefix}{k} — {reg_id} {eid}", "", f"Chinese: {zh}", "", f"English: {en}", "",
                    "<details><summary>Whole article (Chinese)</summary>", "", context, "", "</details>", ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--longest", type=int, default=8)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    args = parser.parse_args()
    print(packet(args.corpus, args.seed, args.n, args.longest))


if __name__ == "__main__":
    main()
