"""The one entry point to the pipeline.

    python -m build_scripts check     parse the corpus, report counts (no site)
    python -m build_scripts build     strict build into site/ (atomically: no half-written site)
    python -m build_scripts serve     live preview on http://127.0.0.1:8000
    python -m build_scripts offline   file:// copy in dist/offline/ and dist/pingan-offline.zip
    python -m build_scripts pdf       bilingual PDFs in dist/pdf/ (WeasyPrint), published by the next build
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EPOCH = "1672531200"  # 2023-01-01: used outside a git checkout


def build_epoch() -> str:
    """The build's date as SOURCE_DATE_EPOCH: as set, else the day (00:00 UTC) of the last commit, so that
    a commit always builds to the same bytes (sitemap dates, zip dates, the in-force status in JSON-LD)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return DEFAULT_EPOCH
    stamp = out.stdout.strip()
    return str(int(stamp) // 86400 * 86400) if out.returncode == 0 and stamp.isdigit() else DEFAULT_EPOCH


def mkdocs(*args: str, env: dict | None = None) -> None:
    cmd = [sys.executable, "-m", "mkdocs", *args]
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env["SOURCE_DATE_EPOCH"] = build_epoch()
    result = subprocess.run(cmd, cwd=ROOT, env=full_env)
    if result.returncode:
        raise SystemExit(result.returncode)


def build(dest: Path, env: dict | None = None) -> Path:
    """Build into a temporary directory and swap it in only when the build succeeded."""
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        mkdocs("build", "--strict", "--site-dir", str(tmp), env=env)
    except SystemExit:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return dest


def offline(dist: Path) -> Path:
    site = build(dist / "offline", env={"OFFLINE": "true"})
    archive = dist / "pingan-offline.zip"
    zip_time = time.gmtime(max(int(build_epoch()), 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(str(Path("pingan-offline") / path.relative_to(site)), zip_time)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    return archive


def check() -> None:
    from build_scripts.parse.corpus import load_all
    from build_scripts.enrich.gloss import load_gloss
    from build_scripts.model.regulation import units
    for reg in load_all():
        u = units(reg.articles)
        gloss = load_gloss(reg)
        done = sum(1 for x in u if gloss.unit(x.eid))
        print(f"{reg.id}: {len(reg.chapters)} chapters, {len(reg.articles)} articles, "
              f"{sum(len(a.paragraphs) for a in reg.articles)} paragraphs, "
              f"{sum(1 for x in u if x.item)} items; English gloss {done}/{len(u)} units")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "build", "serve", "offline", "pdf"])
    parser.add_argument("--site-dir", default=str(ROOT / "site"))
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    args = parser.parse_args(argv)
    if args.command == "check":
        check()
    elif args.command == "build":
        print(build(Path(args.site_dir)))
    elif args.command == "serve":
        mkdocs("serve", "--strict", "--dev-addr", "127.0.0.1:8000")
    elif args.command == "offline":
        print(offline(Path(args.dist)))
    elif args.command == "pdf":  # before build: the site publishes PDFs made from its current text
        from build_scripts.publish.pdf import make_all
        for path in make_all(Path(args.dist) / "pdf"):
            print(path)


if __name__ == "__main__":
    main()
