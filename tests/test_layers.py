"""The folders are the pipeline: model <- parse <- enrich <- render <- features <- publish.
An import that runs the other way breaks the layers contract in pyproject.toml."""

import grimp
from importlinter.cli import lint_imports


def test_stages_depend_only_on_earlier_stages():
    assert lint_imports() == 0


def test_an_upward_import_would_be_caught():
    """The contract sees real imports: model importing publish shows up as a chain in the graph."""
    graph = grimp.build_graph("build_scripts")
    assert not graph.find_shortest_chain(importer="build_scripts.model.ref", imported="build_scripts.publish.site")
    assert graph.find_shortest_chain(importer="build_scripts.publish.site", imported="build_scripts.model.ref")


def test_every_stage_is_a_package_of_the_contract():
    import tomllib
    from pathlib import Path

    import build_scripts
    root = Path(build_scripts.__file__).parent
    contract = tomllib.loads((root.parent / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]
    stages = {f"build_scripts.{p.name}" for p in root.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert stages == set(contract["layers"])
    assert not [p.name for p in root.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]


def test_features_are_independent_of_each_other():
    """No feature imports another (the independence contract); what they share lives in the core."""
    import tomllib
    from pathlib import Path

    import build_scripts
    graph = grimp.build_graph("build_scripts")
    features = set(graph.find_children("build_scripts.features")) - {"build_scripts.features.protocol"}
    assert len(features) >= 8
    assert not [(a, b) for a in features for b in graph.find_modules_directly_imported_by(a) if b in features]
    contracts = tomllib.loads((Path(build_scripts.__file__).parents[1] / "pyproject.toml").read_text())
    independence = [c for c in contracts["tool"]["importlinter"]["contracts"] if c["type"] == "independence"]
    assert [c["modules"] for c in independence] == [["build_scripts.features.*"]]
