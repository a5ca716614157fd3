"""docs/plugins.md documents every hook in the hookspecs module with its exact signature.

A hook heading looks like ``### `newslint_check(article, config) -> Iterable[Finding]` ``;
the parameter names (in order) must equal the spec's, and every documented
hook must exist, so the docs and the code cannot drift apart.
"""

from __future__ import annotations

import inspect
import re

import pytest

from conftest import ROOT
from newslint.plugins import hookspecs

DOCS = ROOT / "docs" / "plugins.md"
HEADING = re.compile(r"^###\s+`(newslint_\w+)\(([^)]*)\)(?:\s*->\s*[^`]+)?`\s*$", re.M)


def spec_hooks() -> dict[str, list[str]]:
    return {name: list(inspect.signature(fn).parameters)
            for name, fn in vars(hookspecs).items()
            if name.startswith("newslint_") and callable(fn) and hasattr(fn, "newslint_spec")}


def documented_hooks(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for m in HEADING.finditer(text):
        name, params = m.group(1), [p.strip() for p in m.group(2).split(",") if p.strip()]
        assert name not in found, f"{name} is documented twice"
        found[name] = params
    return found


def test_specs_are_found():
    assert len(spec_hooks()) >= 6


@pytest.mark.parametrize("name", sorted(spec_hooks()))
def test_hook_documented_with_its_signature(name):
    documented = documented_hooks(DOCS.read_text(encoding="utf-8"))
    assert name in documented, f"{name} is missing from {DOCS.name} (add a '### `{name}(...)`' heading)"
    assert documented[name] == spec_hooks()[name], (
        f"{DOCS.name} documents {name}({', '.join(documented[name])}), "
        f"the spec is {name}({', '.join(spec_hooks()[name])})")


def test_no_documented_hook_is_stale():
    stale = set(documented_hooks(DOCS.read_text(encoding="utf-8"))) - set(spec_hooks())
    assert not stale, f"documented but not in hookspecs: {sorted(stale)}"


def test_each_hook_section_has_an_example_and_says_when_it_is_called():
    text = DOCS.read_text(encoding="utf-8")
    headings = list(HEADING.finditer(text))
    for i, m in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else text.find("\n## ", m.end())
        section = text[m.end():end]
        assert "**Called**" in section and "**Returns**" in section, m.group(1)
        assert f"def {m.group(1)}(" in section, f"{m.group(1)}: no example implementation"


def test_the_checker_catches_drift():
    """The parser must see a wrong signature and a missing hook (so the tests above can fail)."""
    good = "### `newslint_check(article, config) -> Iterable[Finding]`\n"
    assert documented_hooks(good) == {"newslint_check": ["article", "config"]}
    assert documented_hooks(good.replace("article, config", "article")) != {
        "newslint_check": spec_hooks()["newslint_check"]}
    assert documented_hooks("## newslint_check is great\n") == {}
