"""Each derived thing is computed once per build: the corpus read, references resolved, the glossary and
the alignment loaded and validated, the JSON export built, each OpenCC converter made. Features read the
Edition instead of recomputing (enrich/edition.py)."""
import sys
from collections import Counter

import opencc
import pytest

from build_scripts.enrich import alignment, gloss, glossary, references
from build_scripts.parse import corpus
from build_scripts.render import export

PER_BUILD = {  # function -> how many calls one build may make (per regulation where it is per regulation)
    corpus.load_all: 1,
    gloss.load_gloss: "regs",
    glossary.load_glossary: 1,
    glossary.find_definitions: "regs",
    references.resolve: "regs",
    alignment.load_alignment: 1,
    export.regulation_json: "regs",
}


@pytest.fixture
def counted(monkeypatch):
    """Replace each function wherever a build_scripts module holds it, counting calls."""
    calls: Counter = Counter()
    for fn in PER_BUILD:
        def wrapper(*args, __fn=fn, **kwargs):
            calls[__fn.__name__] += 1
            return __fn(*args, **kwargs)
        for name, module in list(sys.modules.items()):
            if name.startswith(("build_scripts", "macros")):
                for attr, value in list(vars(module).items()):
                    if value is fn:
                        monkeypatch.setattr(module, attr, wrapper)
    real = opencc.OpenCC

    def converter(config, *args, **kwargs):
        calls[f"OpenCC({config})"] += 1
        return real(config, *args, **kwargs)
    monkeypatch.setattr(opencc, "OpenCC", converter)
    return calls


@pytest.mark.build
def test_each_derived_thing_is_computed_once_per_build(counted, tmp_path, regs):
    from build_scripts.publish.cli import build
    build(tmp_path / "site")
    expected = {fn.__name__: len(regs) if n == "regs" else n for fn, n in PER_BUILD.items()}
    assert {name: counted[name] for name in expected} == expected
    assert all(n <= 1 for name, n in counted.items() if name.startswith("OpenCC(")), counted
