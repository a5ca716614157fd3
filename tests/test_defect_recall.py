"""``python -m newslint.tools.defect_recall``: defects planted in clean articles, and whether they are found."""

from __future__ import annotations

import json
import random

from newslint.tools import defect_recall as D
from newslint.testing import make_linter

CLEAN = {
    "id": "c1", "headline": "Council delays budget vote",
    "body": ("The city council delayed a vote on the budget on Tuesday after a long debate about "
             "library funding and road repairs across the city.\n\n"
             "Council members met for three hours in the chamber.\n\n"
             "“We owe residents a budget that keeps the libraries open,” Mayor Dana Ortiz said.\n\n"
             "The council will meet again next week to vote on the plan."),
    "captions": [],
}


def test_loaded_verb_is_planted_on_an_attribution_and_found():
    site = D.loaded_verb(CLEAN, random.Random(0))
    assert site.planted in {"claimed", "insisted", "admitted", "conceded"}
    assert f"” Mayor Dana Ortiz {site.planted}." in site.record["body"]
    linter = make_linter()
    before = {D._key(item) for item in D._located(linter, CLEAN)}
    hits = D.found(linter, site, before)
    assert [h.rule for h in hits] == ["attributions.loaded-verb"]


def test_a_site_that_nothing_reports_is_a_miss():
    """``found`` counts only new findings of the expected pack over the planted text."""
    site = D.Site("doubled-word", CLEAN, "body", CLEAN["body"].split("\n\n")[1], 0, 7, {"mechanics"})
    linter = make_linter()
    before = {D._key(item) for item in D._located(linter, CLEAN)}
    assert D.found(linter, site, before) == []


def test_kinds_without_a_natural_site_plant_nothing():
    bare = {"id": "b", "headline": "Short", "body": "Rain fell.", "captions": []}
    rng = random.Random(0)
    assert D.us_mixed(bare, rng) is None
    assert D.unattributed_quote(bare, rng) is None
    assert D.pronoun_flip(bare, rng) is None


def test_unattributed_quote_drops_the_speaker_after_a_narrative_paragraph():
    site = D.unattributed_quote(CLEAN, random.Random(0))
    assert site.block_text == "“We owe residents a budget that keeps the libraries open.”"
    assert site.block_text in site.record["body"].split("\n\n")


def test_report_over_a_corpus(tmp_path, capsys):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(CLEAN) + "\n", encoding="utf-8")
    assert D.main([str(path), "--kinds", "loaded-verb,unattributed-quote,caption-repeats-lede",
                   "--no-plugins"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[1:] if line.strip()}
    assert rows["loaded-verb"] == ["1", "1", "100%"]
    assert rows["unattributed-quote"] == ["1", "1", "100%"]
    assert rows["caption-repeats-lede"] == ["1", "1", "100%"]
    assert rows["all"] == ["3", "3", "100%"]


def _record(body: str) -> dict:
    return {"id": "n1", "headline": "Mill reopens", "body": body, "captions": []}


def test_number_spellings_are_not_planted_inside_quotations_ages_or_ratios():
    body = ("“We lost ten years and two weeks to the flood,” she said.\n\n"
            "The e-mails were more than three months old when the mill hired two people for 15 days.\n\n"
            "One in three women and one in five men said so.")
    for seed in range(20):
        small = D.small_number_as_figure(_record(body), random.Random(seed))
        assert small.planted == "2" and small.block_text.endswith("hired 2 people for 15 days.")
        large = D.figures_spelled_out(_record(body), random.Random(seed))
        assert large.planted == "fifteen" and "for fifteen days." in large.block_text


def test_decades_are_planted_only_where_they_cannot_be_a_years_possessive():
    body = ("The bank dropped its 1990s strategy of a 1980s theme party.\n\n"
            "The mill closed in the 1990s.")
    planted = {D.decade_apostrophe(_record(body), random.Random(seed)).block_text for seed in range(20)}
    assert planted == {"The bank dropped its 1990s strategy of a 1980's theme party.",
                       "The mill closed in the 1990's."}


def test_number_defects_are_not_planted_in_data_lines():
    body = ("Record March 13\n\nPay April 9 REUTER\n\n"
            "The dividend was 13.2 cents on March 13.2, bought on March 67, and the payment date is March 31.")
    for seed in range(20):
        site = D.date_ordinal(_record(body), random.Random(seed))
        assert site.planted == "31st"


def test_caption_repeats_body_lifts_whole_sentences_not_tails_or_lists():
    body = ("Retail sales rose in the United States last month, figures showed on Thursday.\n\n"
            "US retail sales were up 0.6% in January, twice what some analysts had been expecting.\n\n"
            "Replacements: Fortey, Murphy, Daly, Vaili, Cole, Hayes, Trueman, Smith, Jones, Brown.\n\n"
            "Spending is expected to rise this year, but not as quickly as it did last year.")
    captions = {D.caption_repeats_body(_record(body), random.Random(seed)).planted for seed in range(20)}
    assert captions == {"Spending is expected to rise this year, but not as quickly as it did last"}
