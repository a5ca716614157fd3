"""``python -m newslint.tools.corpus_report``: counts, rates, tables and the sample."""

from __future__ import annotations

import json

from newslint.config import Settings
from newslint.tools import corpus_report
from newslint.tools.corpus_report import format_report, lint_corpus
from newslint.testing import make_linter

ARTICLES = [
    {"id": "a1", "region": "US", "headline": "Council delays vote",
     "body": "Officials said the the vote would happen on Tuesday.\n\nThe mayor said  it was fine.",
     "captions": ["The council chamber on Monday"]},
    {"id": "a2", "region": "UK", "headline": "Nato meets",
     "body": "Nato leaders met in Brussels on Monday. They agreed to spend more.", "captions": []},
    {"id": "a3", "region": "US", "headline": "Clean copy",
     "body": "The school board approved the budget on Wednesday after a long debate.", "captions": []},
]


#: usage.nato flags "Nato" even in a story that writes it throughout (its default,
#: enforce: consistent, flags only a mix)
ALWAYS = (("usage.nato", (("enforce", "always"),)),)


def write_corpus(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def words():
    total = 0
    for a in ARTICLES:
        total += len(a["headline"].split()) + sum(len(p.split()) for p in a["body"].split("\n\n"))
        total += sum(len(c.split()) for c in a["captions"])
    return total


def test_counts_and_rates(tmp_path):
    linter = make_linter(settings=Settings(select=("mechanics", "usage.nato"), rules=ALWAYS))
    report = lint_corpus(str(write_corpus(tmp_path)), linter)
    assert report.articles == 3
    assert report.words == words()
    assert report.by_rule == {"mechanics.doubled-word": 1, "mechanics.doubled-space": 1, "usage.nato": 2}
    assert report.by_pack == {"mechanics": 2, "usage": 2}
    assert report.articles_by_rule() == {"mechanics.doubled-word": 1, "mechanics.doubled-space": 1, "usage.nato": 1}
    assert abs(report.per_thousand(4) - 4000 / words()) < 1e-9
    # the context is the sentence, with the match marked
    contexts = {f.rule: ctx for _, _, f, ctx in report.findings}
    assert contexts["mechanics.doubled-word"] == "Officials said »the the« vote would happen on Tuesday."
    kinds = sorted(kind for _, kind, f, _ in report.findings if f.rule == "usage.nato")
    assert kinds == ["body", "headline"]


def test_where_filter(tmp_path):
    linter = make_linter(settings=Settings(select=("mechanics", "usage.nato"), rules=ALWAYS))
    report = lint_corpus(str(write_corpus(tmp_path)), linter, {"region": "US"})
    assert report.articles == 2
    assert "usage.nato" not in report.by_rule


def test_profile_changes_the_counts(tmp_path):
    linter = make_linter(settings=Settings(select=("usage.nato",), profile="uk", rules=ALWAYS))
    report = lint_corpus(str(write_corpus(tmp_path)), linter)
    assert report.by_rule == {}


def test_format_report_tables_and_sample(tmp_path):
    linter = make_linter(settings=Settings(select=("mechanics", "usage.nato"), rules=ALWAYS))
    report = lint_corpus(str(write_corpus(tmp_path)), linter)
    text = format_report(report, sample=2, seed=1)
    assert f"words: {words():,}" in text and "findings: 4" in text
    rule_lines = [line.split() for line in text.splitlines() if line.startswith("  usage.nato")
                  or line.startswith("  mechanics.")]
    assert rule_lines[0][0] == "usage.nato" and rule_lines[0][2] == "2"  # sorted by count
    assert text.count("\n- ") == 2  # two sampled findings
    # the same seed gives the same sample
    assert format_report(report, sample=2, seed=1) == text


def test_main(tmp_path, capsys):
    path = write_corpus(tmp_path)
    assert corpus_report.main([str(path), "--select", "mechanics", "--sample", "5", "--no-plugins"]) == 0
    out = capsys.readouterr().out
    assert "by pack:" in out and "mechanics.doubled-word" in out and "sample of 2 findings" in out
    assert corpus_report.main([str(tmp_path / "missing.jsonl")]) == 2
