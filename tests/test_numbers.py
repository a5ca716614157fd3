"""The numbers pack: its fixtures and examples, the helpers the kinds share,
the uk profile's choices, and robustness on arbitrary text.

The fixture files (tests/fixtures/rules/numbers.*.yaml) hold the realistic
cases; this file adds what fixtures cannot express: helper units, option
validation, ``enforce`` (consistent/always), the one-finding-per-article collapse
and a no-crash property.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import Settings
from newslint.engine import Linter
from newslint.news.numbers import at_sentence_start, group_thousands, scaled
from newslint.packs.model import PackError
from newslint.plugins.manager import PluginHost
from newslint.testing import check, check_examples, fixture_params, load_fixture

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
NUMBER_FIXTURES = sorted(FIXTURES.glob("numbers.*.yaml"))
RULE_IDS = [
    "numbers.spell-out-small", "numbers.figures-large", "numbers.sentence-start", "numbers.age",
    "numbers.percent", "numbers.thousands-comma", "numbers.million", "numbers.money",
    "numbers.date-format", "numbers.time-format", "numbers.noon-midnight", "numbers.range",
    "numbers.ordinal", "numbers.decade", "numbers.consistency",
]


@pytest.fixture(scope="module")
def linter():
    return Linter(PluginHost(load_entry_points=False))


def lint(linter, text, rule="numbers.*", profile=None, rules=None):
    settings = Settings(profile=profile, select=(rule,),
                        rules=tuple((k, tuple(sorted(v.items()))) for k, v in (rules or {}).items()))
    result = linter.lint_text(text, settings=settings)
    assert not result.errors, result.errors
    return result.findings


@pytest.mark.parametrize("case", fixture_params(NUMBER_FIXTURES))
def test_fixture(case):
    check(case)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_examples(rule_id):
    assert check_examples(rule_id) >= 1


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_three_failing_and_three_passing_cases(rule_id):
    main = load_fixture(FIXTURES / f"{rule_id}.yaml")
    failing = [c for c in main.cases if c.findings]
    passing = [c for c in main.cases if not c.findings]
    assert len(failing) >= 3 and len(passing) >= 3, rule_id


def test_scaled():
    assert scaled(1_000_000) == "1 million"
    assert scaled(2_500_000) == "2.5 million"
    assert scaled(1_250_000) == "1.25 million"
    assert scaled(3_000_000_000) == "3 billion"
    assert scaled(1_234_567) is None  # exact figures stay
    assert scaled(999_999) is None


def test_group_thousands():
    assert group_thousands("24500") == "24,500"
    assert group_thousands("1234567") == "1,234,567"


@pytest.mark.parametrize("text, pos, expected", [
    ("15 people", 0, True),
    ("He left. 15 people", 9, True),
    ("“15 people", 1, True),
    ("on Oct. 10 people", 8, False),      # abbreviation
    ("the U.S. 30 years", 9, False),      # abbreviation with inner periods
    ("rose 3.5 points", 7, False),        # decimal
    ("He said 15 people", 8, False),
])
def test_at_sentence_start(text, pos, expected):
    assert at_sentence_start(text, pos) is expected


def test_acceptance_must_not_numbers(linter):
    text = ("Blinken landed in Tel Aviv shortly after 3 a.m. Eastern time, 10 a.m. local time. "
            "Saturday's attack killed more than 1,200 Israelis. The death toll in Gaza has also reached "
            "nearly 1,200, after four days of airstrikes. Hamas holds about 150 hostages.")
    assert lint(linter, text) == []


_CHOICES = ("numbers.date-format", "numbers.time-format", "numbers.percent")
_ALWAYS = {rule: {"enforce": "always"} for rule in _CHOICES}


def test_uk_profile_flips_dates_and_times(linter):
    text = "The hearing is on 10 October 2023 at 9am. Turnout was 61 per cent."
    assert lint(linter, text, profile="uk") == []
    assert lint(linter, text, profile="uk", rules=_ALWAYS) == []
    # British forms throughout: AP house style flags them only with enforce: always
    assert lint(linter, text) == []
    found = {f.rule for f in lint(linter, text, rules=_ALWAYS)}
    assert set(_CHOICES) <= found


def test_enforce_consistent_flags_only_a_mix(linter):
    text = ("The hearing is on 10 October at 9am. Turnout was 61 per cent.\n\n"
            "The count ends Oct. 12 at 6 p.m. and turnout may reach 70%.")
    found = [f for f in lint(linter, text) if f.rule in _CHOICES]
    assert [(f.rule, f.match) for f in found] == [
        ("numbers.date-format", "10 October"), ("numbers.time-format", "9am."), ("numbers.percent", "61 per cent")]
    assert all("this story mixes" in f.message for f in found)
    assert '"10 October" (1) and "Oct. 10" (1); house style: "Oct. 10"' in found[0].message
    # things every guide agrees on are flagged in any story: an ordinal date, figures for percent
    text = "The vote is on 10th October and about five per cent turned out."
    assert [f.match for f in lint(linter, text)] == ["10th October", "five per cent"]
    assert [f.fix.replacement for f in lint(linter, text)] == ["10 October", "5 per cent"]


@pytest.mark.parametrize("rule", _CHOICES)
def test_bad_enforce_value_is_reported_with_the_rule(rule):
    host = PluginHost(load_entry_points=False)
    with pytest.raises(PackError) as info:
        Linter(host).rules_for(Settings(rules=((rule, (("enforce", "sometimes"),)),)))
    assert "enforce" in str(info.value) and "consistent" in str(info.value)


def test_newsroom_overrides_one_option(linter):
    text = "Unemployment rose to 4.1 percent in March."
    assert lint(linter, text, "numbers.percent", rules={"numbers.percent": {"style": "percent"}}) == []
    assert lint(linter, text, "numbers.percent", rules={"numbers.percent": {"allow": ["percent"]}}) == []


def test_collapse_one_finding_per_article_in_another_style(linter):
    text = "\n\n".join(f"The measure ran until {d} October, officials said." for d in range(1, 6))
    assert lint(linter, text, "numbers.date-format") == []  # enforce: consistent
    findings = lint(linter, text, "numbers.date-format", rules=_ALWAYS)
    assert len(findings) == 1
    assert "throughout (5 times)" in findings[0].message
    every = lint(linter, text, "numbers.date-format",
                 rules={"numbers.date-format": {"collapse": False, "enforce": "always"}})
    assert len(every) == 5


def test_mixed_styles_flag_each_stray_use(linter):
    text = "The vote is on Oct. 10. The count ends 12 October and results come 14 October."
    assert len(lint(linter, text, "numbers.date-format")) == 2


def test_require_abbreviation_is_strict_ap(linter):
    text = "The vote is set for October 10."
    assert lint(linter, text, "numbers.date-format") == []
    strict = lint(linter, text, "numbers.date-format", rules={"numbers.date-format": {"require_abbreviation": True}})
    assert [f.fix.replacement for f in strict] == ["Oct. 10"]


def test_bad_option_is_reported_with_the_rule(linter):
    host = PluginHost(load_entry_points=False)
    with pytest.raises(PackError) as info:
        Linter(host).rules_for(Settings(rules=(("numbers.percent", (("allow", ("__list__", "pct")),)),)))
    assert "allow" in str(info.value)


def test_spell_out_threshold_option(linter):
    text = "The jury deliberated for 10 hours over 10 days."
    assert lint(linter, text, "numbers.spell-out-small") == []
    found = lint(linter, text, "numbers.spell-out-small", rules={"numbers.spell-out-small": {"threshold": 10}})
    assert [f.match for f in found] == ["10"]  # "10 hours" is a unit of time


def test_fixes_keep_the_sentence_stop(linter):
    text = "The curfew starts at 12 p.m. Shops must close."
    [finding] = lint(linter, text, "numbers.noon-midnight")
    assert finding.fix.replacement == "noon."


_WORDS = st.sampled_from([
    "5", "12", "1,000,000", "$5.00", "5¢", "October", "10th", "Oct.", "Mar.", "9am", "12", "p.m.", "a.m.",
    "from", "between", "10-20", "1990's", "percent", "%", "per cent", "five", "twenty-five", "year-old",
    "people", "the", "The", ".", ",", "“", "”", "\n\n", "24500", "$12-14", "million", "3rd", "tenth",
    "2019-20", "No.", "Category", "in", "her", "30's", "noon", "AM", "PM", "6.30pm", "0.5%", ".6%",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=30))
def test_any_text_gives_valid_spans_and_fixes(linter, words):
    text = " ".join(words)
    result = linter.lint_text(text, settings=Settings(select=("numbers.*",)))
    assert not result.errors, result.errors
    for f in result.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text)
        assert text[f.offset:f.offset + f.length] == f.match
        if f.fix:
            assert (f.fix.offset, f.fix.length) == (f.offset, f.length)
