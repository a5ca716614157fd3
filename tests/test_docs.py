"""Docs that cannot drift: the README's rules table and its links."""

from __future__ import annotations

import re

from conftest import ROOT
from newslint.tools import rules_table


def test_readme_rules_table_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rules_table.render(readme) == readme, (
        "README rules table is out of date: run python -m newslint.tools.rules_table --write")


def test_readme_table_lists_every_shipped_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in rules_table.shipped_rules():
        assert f"| `{rule.id}` |" in readme


def test_readme_local_links_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?!https?:)[^)#]+)\)", readme):
        assert (ROOT / target).exists(), target


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh|shell|console)?\n(.*?)```", readme, re.S)
    assert "newslint examples/blinken-visit.txt" in blocks[0]
    assert blocks[1].strip() == 'python -m pip install -e ".[test]" && python -m pytest -q'
    ci = (ROOT / ".ci" / "run").read_text()
    assert blocks[1].strip() in ci
