"""The shipped house-style profiles: each loads, and ap-strict enforces every house-style choice."""

import pytest

from newslint.config import Config, Settings
from newslint.engine import Linter
from newslint.plugins.manager import PluginHost


@pytest.fixture(scope="module")
def linter():
    return Linter(PluginHost(load_entry_points=False), Config(), Settings())


def _rules(linter, profile):
    return {r.id: r for r in linter.rules_for(linter._settings(Settings(profile=profile)))}


@pytest.mark.parametrize("profile", ["ap", "uk", "ap-strict"])
def test_profile_loads(linter, profile):
    assert _rules(linter, profile)


def test_ap_strict_enforces_every_house_style_choice(linter):
    """A rule whose kind has an ``enforce`` option is a house-style choice: ap-strict sets it to always.

    A new house-style rule that the profile forgets fails here.
    """
    rules = _rules(linter, "ap-strict")
    choices = [r for r in rules.values() if "enforce" in type(r.impl).OPTIONS]
    assert len(choices) >= 10
    assert {r.id: r.impl.options["enforce"] for r in choices} == {r.id: "always" for r in choices}
    assert rules["usage.serial-comma"].impl.options["style"] == "omit"


def test_ap_default_is_consistent_for_choices_where_guides_disagree(linter):
    rules = _rules(linter, "ap")
    consistent = {r.id for r in rules.values()
                  if "enforce" in type(r.impl).OPTIONS and r.impl.options["enforce"] == "consistent"}
    assert {"numbers.percent", "usage.us-un", "titles.courtesy"} <= consistent
    # AP is unambiguous on these, so the default profile enforces them in every story
    assert rules["titles.standalone-capitalized"].impl.options["enforce"] == "always"


def test_strict_flags_a_consistent_non_ap_story(linter):
    text = "Prices rose 5 percent in March, and wages rose 3 percent, officials said.\n"
    ap = linter.lint_text(text, settings=Settings(select=("numbers.percent",)))
    strict = linter.lint_text(text, settings=Settings(profile="ap-strict", select=("numbers.percent",)))
    assert ap.findings == []
    # a habit is reported once, with the count
    assert [f.match for f in strict.findings] == ["5 percent"]
    assert "(2 times)" in strict.findings[0].message
