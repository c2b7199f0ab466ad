"""`python -m build_scripts …` is the `edition` command (build_scripts/publish/cli.py)."""
from build_scripts.publish.cli import main

main()
