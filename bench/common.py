"""Shared helpers of the bench/ scripts (issue 8): numbers, not timed tests.

Every script measures the edition and a baseline in the same run, on the same machine, and
reports the ratio; results go to stdout and bench/results/<name>.json (gitignored).
"""
from __future__ import annotations

import gzip
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.browser import StaticHandler
from tests.browser import serve as serve_folder

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


SERVED: list[tuple[str, int]] = []
"""(path, bytes written: status line, headers and body) of every request GzipHandler answered, in order: what went on
the wire, whoever asked (a page, its workers), counted by the server. bench/weight.py's transfer() reads it."""
_SERVED_LOCK = threading.Lock()


class _CountingWriter:
    """The connection's output, counted."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class GzipHandler(StaticHandler):
    """Static files as a typical host serves them (the tests' handler: keep-alive, quiet), and gzip (level 6)
    for text, cacheable for an hour, so that a second page load shows what a warm cache saves. Every answer's
    bytes are recorded in SERVED."""

    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def handle_one_request(self):
        before = self.wfile.count
        self.path = ""
        super().handle_one_request()
        sent = self.wfile.count - before
        if sent and self.path:
            with _SERVED_LOCK:
                SERVED.append((self.path, sent))

    def end_headers(self):
        self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if (path.suffix in COMPRESSIBLE and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def serve(folder: Path, handler=GzipHandler):
    """A local gzip-serving HTTP server over folder (tests/browser.py's server with another handler)."""
    return serve_folder(folder, handler)


def copy_repo(dest: Path) -> Path:
    """The working tree without .git, the venv and build output: builds in it touch nothing here."""
    ignore = shutil.ignore_patterns(".git", ".venv", "site", "site.tmp", "dist", "node_modules", "results",
                                    "__pycache__", ".pytest_cache", ".cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    if (ROOT / "node_modules").is_dir():     # esbuild, which bundles browser/ in the build (read only)
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def cpu_timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the command and its children). CPU time barely moves
    when other work shares the machine's cores, wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = timed(cmd, cwd, env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1672531200", **(env or {})}
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def save(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def machine() -> dict:
    return {"cores": os.cpu_count(), "load_before": os.getloadavg()[0], "python": sys.version.split()[0]}
