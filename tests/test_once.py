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


@pytest.fixture(scope="module")
def one_build(tmp_path_factory) -> Counter:
    """One whole in-process build, with calls counted: each function of PER_BUILD wherever a build_scripts
    module holds it, and each OpenCC converter made (as "OpenCC(config)"), the process's cache of converters
    (glossary._CONVERTERS) emptied first so that every converter the build uses is made during it.
    The tests below read the counts of this one build."""
    from build_scripts.publish.cli import build
    calls: Counter = Counter()
    with pytest.MonkeyPatch.context() as monkeypatch:
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

        def converter(config="t2s", *args, **kwargs):
            calls[f"OpenCC({config})"] += 1
            return real(config, *args, **kwargs)
        monkeypatch.setattr(opencc, "OpenCC", converter)
        monkeypatch.setattr(glossary, "_CONVERTERS", {})
        build(tmp_path_factory.mktemp("once") / "site")
    return calls


@pytest.mark.build
def test_each_derived_thing_is_computed_once_per_build(one_build, regs):
    expected = {fn.__name__: len(regs) if n == "regs" else n for fn, n in PER_BUILD.items()}
    assert {name: one_build[name] for name in expected} == expected
    assert all(n <= 1 for name, n in one_build.items() if name.startswith("OpenCC(")), one_build


@pytest.mark.build
def test_one_converter_per_config_per_build(one_build):
    """Building an OpenCC converter reads its dictionaries: one per config in a whole in-process build.
    (The traditional-character view's test, tests/test_hant.py's until it shared this build.)"""
    made = sorted(name[len("OpenCC("):-1] for name, n in one_build.items() if name.startswith("OpenCC(") for _ in range(n))
    assert made, "the build converts (traditional view, search table)"
    assert made == sorted(set(made)), made
    assert set(made) <= set(glossary.ALLOWED_CONFIGS)
