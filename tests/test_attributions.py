"""The attributions pack: option handling, profiles, input formats and the
behaviour the fixtures cannot show (runs of quote paragraphs, per-article
counts, conflicts across paragraphs, robustness on arbitrary text)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newslint.article.quotations import SPEAKER_VERB
from newslint.config import Settings, parse_settings
from newslint.kinds.base import OptionError
from newslint.news.attributions import AttributionPlacement, AttributionVerb, _forms
from newslint.testing import make_linter


@pytest.fixture(scope="module")
def linter():
    return make_linter()


def lint(linter, text, path="story.txt", select=("attributions.*",), profile=None, rules=None):
    data = {"select": list(select), "rules": rules or {}}
    if profile:
        data["profile"] = profile
    result = linter.lint_text(text, path, parse_settings(data, "<test>"))
    assert result.error is None and not result.errors, (result.error, result.errors)
    return result.findings


def ids(findings):
    return [f.rule for f in findings]


# an excerpt in the shape of the acceptance article: narrative, then a run of bare quote paragraphs
RUN = """Blinken visits Israel

Blinken will meet Palestinian President Mahmoud Abbas on Friday in Amman.

But he will also try to stop the spread of the conflict to the north.

“We will reiterate the very strong message that the president has sent to any country that might try to take advantage of this situation.”

“The United States has Israel’s back, today and tomorrow and every day after that.”

“There will be further requests and we have already worked closely with Congress on this.”

“We know that Israel will take all possible precautions, just as we would,” he told reporters as he left.

“The Hamas attack is a reminder of the perception of an American absence,” said Alex Vatanka, director of the Iran program at the Middle East Institute.
"""


def test_a_run_of_bare_quote_paragraphs_is_flagged_paragraph_by_paragraph(linter):
    found = [f for f in lint(linter, RUN) if f.rule == "attributions.unattributed-quote"]
    assert [f.match[:12] for f in found] == ["“We will rei", "“The United ", "“There will "]
    assert "previous paragraph is not a quote" in found[0].message
    assert all("follows another quote paragraph" in f.message for f in found[1:])
    # attributed quotes after the run are never flagged, whatever came before
    assert not any("reporters" in f.match or "Vatanka" in f.match for f in lint(linter, RUN))


def test_a_named_speaker_restarts_the_chain(linter):
    # Blinken's quote left open (AP's running quote): the third paragraph continues his voice
    text = RUN.replace("“The United States has Israel’s back, today and tomorrow and every day after that.”",
                       "“The United States has Israel’s back,” Blinken said. “Today and tomorrow and every day.")
    found = [f.match[:12] for f in lint(linter, text, select=["attributions.unattributed-quote"])]
    assert found == ["“We will rei"]
    # closed, his turn is over: the third paragraph is a new quotation with no speaker
    closed = text.replace("every day.\n", "every day.”\n")
    assert closed != text
    found = lint(linter, closed, select=["attributions.unattributed-quote"])
    assert [f.match[:12] for f in found] == ["“We will rei", "“There will "]
    assert "closed and attributed" in found[1].message


def test_delayed_attribution_option(linter):
    text = ("“It was like a bomb went off in the middle of the street.”\n\n"
            "That was how Jane Smith, 42, described the explosion on Elm Street.\n")
    assert lint(linter, text, select=["attributions.unattributed-quote"]) == []
    strict = lint(linter, text, select=["attributions.unattributed-quote"],
                  rules={"attributions.unattributed-quote": {"delayed_attribution": False}})
    assert [f.line for f in strict] == [1]


def test_unattributed_quote_ignores_captions_and_headlines(linter):
    text = ("“We will never forget what happened here on that day in October”\n\n"
            "The memorial opened on Sunday near the border.\n\n"
            "Caption: “We will never forget what happened here on that day,” a sign reads at the memorial\n")
    assert lint(linter, text, select=["attributions.unattributed-quote"]) == []


def test_loaded_verb_profiles(linter):
    text = "But critics claimed the unforeseen attack was a symptom of years of neglect.\n"
    assert ids(lint(linter, text, select=["attributions.loaded-verb"])) == ["attributions.loaded-verb"]
    assert lint(linter, text, select=["attributions.loaded-verb"], profile="uk") == []
    quoted = "“Any of them would make competent MPs,” Martin Bell insisted.\n"
    assert len(lint(linter, quoted, select=["attributions.loaded-verb"])) == 1
    assert lint(linter, quoted, select=["attributions.loaded-verb"], profile="uk") == []


def test_loaded_verb_newsroom_override(linter):
    text = "“We will not back down,” the mayor noted.\n"
    assert len(lint(linter, text, select=["attributions.loaded-verb"])) == 1
    own = {"attributions.loaded-verb": {"verbs": {"claimed/claims": "suggests doubt"}, "reported_speech": []}}
    assert lint(linter, text, select=["attributions.loaded-verb"], rules=own) == []


def test_loaded_verb_message_and_span(linter):
    (f,) = lint(linter, "Viktor Makarov, 50, claims he has been betrayed by the authorities.\n",
                select=["attributions.loaded-verb"])
    assert (f.line, f.column, f.match) == (1, 21, "claims")
    assert f.message == "'claims' suggests doubt about the speaker; use 'says'."
    assert f.fix is None


def test_verb_forms_and_option_errors():
    assert _forms({"claimed/claims": "x", "Pointed  Out/points out": "y"}, "options.verbs") == {
        "claimed": "x", "claims": "x", "pointed out": "y", "points out": "y"}
    with pytest.raises(OptionError) as err:
        _forms({"claimed//claims": "x"}, "options.verbs")
    assert err.value.field == "options.verbs"
    with pytest.raises(OptionError) as err:
        AttributionVerb(None, {"verbs": {"claimed": "x"}, "reported_speech": ["insisted"], "quote_ends": ""})
    assert err.value.field == "options.reported_speech"
    with pytest.raises(OptionError):
        AttributionPlacement(None, {"min_complete": 0})


def test_anonymous_source_count_and_limit(linter):
    text = ("Officials said the talks had stalled.\n\n"
            "A senior official told reporters the deal was off.\n\n"
            "The talks will resume in May, according to people familiar with the matter.\n")
    # one finding, at the single unnamed person rather than the group before it
    (first,) = lint(linter, text, select=["attributions.anonymous-source"])
    assert first.match == "A senior official told" and "(3 in this story" in first.message
    assert "the first single unnamed person is shown" in first.message
    assert first.severity.name.lower() == "info"
    every = lint(linter, text, select=["attributions.anonymous-source"],
                 rules={"attributions.anonymous-source": {"max_per_article": 0}})
    assert [f.match for f in every] == ["Officials said", "A senior official told",
                                        "according to people familiar with the matter"]
    named_groups_off = lint(linter, text, select=["attributions.anonymous-source"],
                            rules={"attributions.anonymous-source": {"groups": False, "max_per_article": 0}})
    assert [f.match for f in named_groups_off] == ["A senior official told",
                                                   "according to people familiar with the matter"]
    explained = text + "\nThey spoke on condition of anonymity because the talks are private.\n"
    assert lint(linter, explained, select=["attributions.anonymous-source"]) == []


def test_conflicting_quote_names_the_first_line(linter):
    text = ("Blinken arrives\n\n"
            "Before leaving the US, Blinken said his simple message was: “The United States stands with Israel.”\n\n"
            "He will meet President Isaac Herzog.\n\n"
            "Before leaving the US, Blinken said his simple message was that “the United States has Israel’s back.”\n")
    (f,) = lint(linter, text, select=["attributions.conflicting-quote"])
    assert f.line == 7 and f.match == "“the United States has Israel’s back.”"
    assert "on line 3" in f.message and "“The United States stands with Israel.”" in f.message


def test_unbalanced_quotes_running_convention_and_single_option(linter):
    running = ("“We will rebuild the bridge by spring,” the mayor said. “And we will pay for it.\n\n"
               "“Nobody else is going to.”\n")
    assert lint(linter, running, select=["attributions.unbalanced-quotes"]) == []
    broken = running.replace("\n\n“Nobody", "\n\nNobody")
    opening, closing = lint(linter, broken, select=["attributions.unbalanced-quotes"])
    assert (opening.line, opening.column, opening.match) == (1, 57, "“")
    assert "opens a quote" in opening.message
    assert (closing.line, closing.column, closing.match) == (3, 25, "”")
    assert "no opening mark" in closing.message
    single = "‘We will rebuild the bridge by spring, the mayor said.\n"
    assert lint(linter, single, select=["attributions.unbalanced-quotes"]) == []
    assert len(lint(linter, single, select=["attributions.unbalanced-quotes"],
                    rules={"attributions.unbalanced-quotes": {"single": True}})) == 1


def test_placement_threshold_option(linter):
    text = "“It looks good. It looks very good,” he said about the balloons.\n"
    assert lint(linter, text, select=["attributions.attribution-placement"]) == []
    one = lint(linter, text, select=["attributions.attribution-placement"],
               rules={"attributions.attribution-placement": {"min_complete": 1}})
    assert [f.match for f in one] == ["“It looks good. It looks very good,”"]


def test_html_and_markdown_offsets(linter):
    html = ("<html><body><article><h1>Storm</h1><p>The storm hit on Monday.</p>"
            "<p>&ldquo;It was the best day of my life,&rdquo; she smiled.</p></article></body></html>")
    (f,) = lint(linter, html, "story.html", select=["attributions.non-speech-verb"])
    assert f.match == "smiled"
    md = "# Storm\n\nThe storm hit on Monday.\n\nBut *critics* claimed the attack was a symptom of neglect.\n"
    (g,) = lint(linter, md, "story.md", select=["attributions.loaded-verb"])
    assert g.match == "claimed" and g.line == 5


def test_speaker_verb_is_public():
    m = SPEAKER_VERB.search("But critics claimed the attack was a symptom.")
    assert m.group("speaker").endswith("critics") and m.group("verb") == "claimed"


_PIECES = st.sampled_from([
    "“", "”", "\"", "'", "’", "‘", " said ", " claimed ", " she smiled", " officials said ", "Smith", ". ", ", ",
    "\n\n", " the mayor ", "We will rebuild", " that ", ":", " according to sources ", " was ", " it ",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40))
def test_findings_stay_inside_the_text(linter, pieces):
    text = "".join(pieces)
    result = linter.lint_text(text, "story.txt", Settings(select=("attributions.*",)))
    assert result.error is None and not result.errors
    for f in result.findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(text)
        assert text[f.offset:f.offset + f.length] == f.match
