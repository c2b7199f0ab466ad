"""The traditional tables' derivation (build_scripts/enrich/hant.py `derive`) of this tree against another revision's.

    .venv/bin/python -m bench.derive --corpus DIR [--against REV]      (REV default: HEAD~1)

Loads the corpus DIR once, then derives its tables (for_corpus, both standards) with REV's hant.py and with this
tree's, and prints the CPU time of each and whether the tables are equal (character map, phrases, unreviewed
phrases, longest phrase, runs). A corpus of real regulations: bench/scale.py's (e.g. --keep's corpus, or the seeds
plus bench/laws/ folders copied into a corpus folder).
"""
from __future__ import annotations

import argparse
import importlib.util
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--against", default="HEAD~1")
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)
    from build_scripts.enrich import hant as new
    from build_scripts.parse.corpus import load_all
    old_src = subprocess.run(["git", "show", f"{args.against}:build_scripts/enrich/hant.py"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hant_old.py"
        path.write_text(old_src, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("hant_old", path)
        assert spec and spec.loader
        old = importlib.util.module_from_spec(spec)
        sys.modules["hant_old"] = old
        spec.loader.exec_module(old)
    regs = load_all(args.corpus)
    for std in ("tw", "hk"):
        got = {}
        for name, mod in (("old", old), ("new", new)):
            t = time.process_time()
            tables = mod.for_corpus(regs, args.corpus, std)
            got[name] = (time.process_time() - t, tables)
        a, b = got["old"][1], got["new"][1]
        same = (dict(a.chars) == dict(b.chars) and dict(a.phrases) == dict(b.phrases)
                and a.unreviewed == b.unreviewed and a.longest == b.longest and a.runs == b.runs)
        print(f"{std}: {len(regs)} regulations, {args.against} {got['old'][0]:.2f} s CPU, this tree "
              f"{got['new'][0]:.2f} s CPU; tables {'equal' if same else 'DIFFERENT'} ({len(b.phrases)} phrases, "
              f"{len(b.unreviewed)} unreviewed)")


if __name__ == "__main__":
    main()
