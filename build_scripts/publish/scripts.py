"""The browser code (browser/, ES modules) bundled by esbuild into the scripts the pages load.

Once per build: `browser/build.mjs` (node, esbuild from node_modules/, installed by `npm ci`) reads the bundles
to make and the build's data (messages, URL shapes, storage keys, the units index, the features' tables) as JSON
on stdin and answers {output: script}. The modules import the data (`import messages from "lex:messages"`), so
nothing the Python side defines is copied into them. The scripts are generated files: never in docs/, never
committed."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from build_scripts.model.errors import BuildError

ROOT = Path(__file__).resolve().parents[2]
BROWSER = ROOT / "browser"
DRIVER = BROWSER / "build.mjs"
ESBUILD = ROOT / "node_modules" / "esbuild"


def bundle_scripts(bundles: Mapping[str, Sequence[str]], data: Mapping[str, Any],
                   minify: bool = True) -> dict[str, str]:
    """{docs-relative output: [modules under browser/, in import order]} -> {output: script}."""
    node = shutil.which("node")
    if node is None or not ESBUILD.is_dir():
        raise BuildError("the browser code needs Node.js and esbuild: run `make` (apt-get install nodejs npm; npm ci)")
    for modules in bundles.values():
        for module in modules:
            if not (BROWSER / module).is_file():
                raise BuildError(f"browser/{module}:1: no such module; a feature's js names a file under browser/")
    request = json.dumps({"bundles": bundles, "data": data, "minify": minify}, ensure_ascii=False)
    done = subprocess.run([node, str(DRIVER)], input=request.encode(), capture_output=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip() or f"browser/build.mjs exited {done.returncode}"
        raise BuildError(message.splitlines()[0] + (" (and more)" if "\n" in message else ""))
    out: dict[str, str] = json.loads(done.stdout)
    return out
