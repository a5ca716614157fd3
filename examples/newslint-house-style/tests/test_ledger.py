"""The Daily Ledger plugin's rules, run from YAML fixtures the way newslint tests its own
(install the plugin first: ``pip install -e .``), plus its staff list and reporter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newslint.reporters.base import Summary
from newslint.testing import check, check_examples, fixture_params, make_linter

from newslint_house_style import staff
from newslint_house_style.reporter import LedgerMarkdown

FIXTURES = Path(__file__).parent / "fixtures"
RULES = ["ledger.paper-name", "ledger.place-names", "ledger.house-terms", "ledger.headline-jargon",
         "ledger.staff-title"]


@pytest.mark.parametrize("case", fixture_params(FIXTURES))
def test_rule(case):
    check(case)


@pytest.mark.parametrize("rule", RULES)
def test_embedded_examples(rule):
    assert check_examples(rule) >= 1


def test_every_rule_has_fixtures():
    assert sorted(p.stem for p in FIXTURES.glob("*.yaml")) == sorted(RULES)


def test_staff_list_becomes_known_people(tmp_path, monkeypatch):
    people = {p.name: p for p in staff.known_people()}
    assert people["Miriam Okafor"].titles == ["executive editor"] and people["Miriam Okafor"].pronouns == "she"
    bad = tmp_path / "staff.yaml"
    bad.write_text("people:\n  - name: Cher\n", encoding="utf-8")
    monkeypatch.setenv(staff.STAFF_ENV, str(bad))
    with pytest.raises(staff.StaffFileError, match=r"people\[0\]"):
        staff.known_people()


def test_known_people_reach_the_cast():
    linter = make_linter()
    article = linter.parse(linter_source("Miriam Okafor said the paper would expand. She spoke on Monday."))[0]
    linter.host.call("newslint_enrich_article", article=article, config=linter.config)
    assert any(getattr(p, "name", "") == "Daniel Reyes" for p in article.people_extra)
    person = next(p for p in article.analysis.cast.people if p.name == "Miriam Okafor")
    assert person.known


def linter_source(text: str):
    from newslint.article.source import Source

    return Source(path="case.txt", text=text)


def test_markdown_summary():
    linter = make_linter()
    result = linter.lint_text("Editor Daniel Reyes said healthcare *costs* rose.\n")
    out = io.StringIO()
    reporter = LedgerMarkdown(out, {})
    reporter.start()
    summary = Summary()
    summary.add(result)
    reporter.file(result)
    reporter.finish(summary)
    text = out.getvalue()
    assert text.startswith("### Style check: ")
    assert '"Editor" is not the title on file for Daniel Reyes' in text
    assert "(`ledger.staff-title`, warning)" in text
    assert "→ _health care_" in text


def test_staff_title_reads_other_plugins_known_people_and_skips_odd_entries():
    from newslint.article.cast import KnownPerson
    from newslint.kinds.base import CheckContext

    linter = make_linter()
    rule = next(r for r in linter.rules_for(linter._settings(linter.config.settings)) if r.id == "ledger.staff-title")
    text = "Vale Okafor and Ines  Duarte met on Monday.\n\nCouncilor Ines Duarte said the vote was close.\n"
    article = linter.parse(linter_source(text))[0]
    article.people_extra.extend([{"name": "Ines Duarte"}, KnownPerson("Okafor", ["editor"]), KnownPerson(None),
                                 KnownPerson("Ines  Duarte", ["city councilor"]), KnownPerson("Pat Nobody", ["mayor"])])
    hits = list(rule.impl.check(CheckContext(article, rule)))
    # the first mention, "Ines  Duarte" (two spaces), lacks the title; the one-word and unnamed entries are skipped
    assert [(h.block.text[h.start:h.end], h.args["name"]) for h in hits] == [("Ines  Duarte", "Ines Duarte")]
