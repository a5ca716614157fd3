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


def _record(body: str) -> dict:
    return {"id": "t", "headline": "Story", "body": body, "captions": []}


def test_long_title_run_moves_a_set_off_post_before_the_name():
    record = _record("The show was cancelled on Friday after a row over fees.\n\n"
                     "Philip Rinaldi, spokesman for the show, said the decision was final.")
    site = D.long_title_run(record, random.Random(0))
    assert site.planted == "Spokesman for the show Philip Rinaldi"
    assert site.block_text == "Spokesman for the show Philip Rinaldi said the decision was final."
    after_said = _record("Sales fell again in March.\n\n"
                         "\"It is a weak quarter,\" said Paul Sheard, economist at Lehman Brothers in Tokyo.")
    assert D.long_title_run(after_said, random.Random(0)).planted == \
        "economist at Lehman Brothers in Tokyo Paul Sheard"


def test_long_title_run_is_not_planted_on_clauses_formal_offices_or_short_posts():
    rng = random.Random(0)
    for body in ("Ann Lee, who is head of sales at Acme, said prices would rise.",    # a clause
                 "Antony Blinken, secretary of state for the region, said talks would go on.",  # not a head
                 "Ann Lee, head of sales, said prices would rise.",                      # three words
                 "Ann Lee, analyst at Merrill Lynch Pierce, Fenner and Smith, said so.",  # the name goes on
                 "Ann Lee, head of sales at Acme, a maker of tools, said so."):           # nested appositions
        assert D.long_title_run(_record("Prices rose.\n\n" + body), rng) is None, body


def test_unheld_post_swap_gives_a_holders_reference_a_post_nobody_holds():
    record = _record("Finance Minister Ali Hassan presented the budget on Monday.\n\n"
                     "Hassan said the deficit would shrink next year.\n\n"
                     "The finance minister said taxes would not rise.")
    for seed in range(6):
        site = D.unheld_post_swap(record, random.Random(seed))
        post = site.planted
        assert post in D._FAMILY_OF["finance minister"] and post.split()[0] not in record["body"].lower()
        assert site.block_text.startswith("The " + post + " said")


def test_unheld_post_swap_needs_a_named_holder_and_a_free_post():
    rng = random.Random(0)
    assert D.unheld_post_swap(_record("Prices rose.\n\nThe finance minister said taxes would not rise."), rng) is None
    taken = ("Mayor Jo Park opened the bridge.\n\nDeputy Mayor Al Green cut the ribbon.\n\n"
             "The mayor said the bridge was safe.")
    assert D.unheld_post_swap(_record(taken), rng) is None  # the deputy mayor is named
