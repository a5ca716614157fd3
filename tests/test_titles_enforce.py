"""titles.courtesy and titles.abbreviation: the ``enforce`` option (consistent / always)."""

import pytest

from newslint.config import Config, load_config, parse_settings
from newslint.engine import Linter
from newslint.packs.model import PackError
from newslint.plugins.manager import PluginHost

NYT = ("David Marcus, an energy consultant, studied the blackouts.\n\n"
       "The second stage began at 6:25 p.m., Mr. Marcus said. Mr. Marcus added that reserves were low.\n")
BRITISH = "Governor Andrew Cuomo said he took solace. Dr Anthony Fauci agreed.\n"


def _rules(text, **rules):
    settings = parse_settings({"rules": rules}, "test", "")
    linter = Linter(PluginHost(load_entry_points=False), Config(), settings)
    return [f.rule for f in linter.lint_text(text, "a.txt").findings if f.rule.startswith("titles.")]


@pytest.mark.parametrize("rule", ["titles.courtesy", "titles.abbreviation"])
def test_bad_enforce_value_names_the_file_and_field(tmp_path, rule):
    (tmp_path / "newslint.yaml").write_text(f"rules:\n  {rule}:\n    enforce: sometimes\n")
    with pytest.raises(PackError) as info:
        Linter(PluginHost(load_entry_points=False), load_config(str(tmp_path / "newslint.yaml")))
    assert info.value.path.endswith("newslint.yaml") and info.value.field == "options.enforce"
    assert "consistent, always" in str(info.value)


def test_consistent_is_the_default_and_always_restores_every_form():
    assert _rules(NYT) == []
    assert _rules(NYT, **{"titles.courtesy": {"enforce": "always"}}) == ["titles.courtesy"]
    assert _rules(BRITISH) == []
    assert _rules(BRITISH, **{"titles.abbreviation": {"enforce": "always", "max_per_article": 0}}) == \
        ["titles.abbreviation", "titles.abbreviation"]
