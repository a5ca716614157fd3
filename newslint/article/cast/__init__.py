"""The cast of people: who is in the story, under which titles, and how each is referred to.

The titles, pronouns and attributions packs all ask the same questions (is
this the first reference? which person does "the secretary" mean? which
pronouns has this person been given?), so the answers are built once per
article, on first use, by rules over compiled regular expressions (no NLP
dependencies). The model prefers silence to noise: a candidate needs evidence
to become a person, a title-only reference links only when exactly one person
holds a matching title, and a pronoun links only through a strong pattern.

Build order (``build_cast``):

1. titled names ("Secretary of State Antony Blinken", "Gov. Jerry Brown",
   "Dr Tony Holohan", "astronaut Neil Armstrong", "Mr. Smith") and other
   capitalised runs, with places, organisations, nationalities, dates and
   title words ("Trade Secretary") filtered out;
2. evidence that a run names a person: a known given name, an attribution,
   an appositive title, a title before it set off by commas ("Zelenskyy's
   chief of staff, Andriy Yermak,"), a list with a person in it ("Elizabeth
   Warren, Bernie Sanders and Pete Buttigieg"), its last word speaking alone
   elsewhere ("... Safadi said"); a run with weak evidence that the story
   repeats in full and never shortens is written like a company ("Ask
   Jeeves said ... Ask Jeeves") and stays tentative;
3. people from full names and titled single names (East Asian names family
   name first: "Xi Jinping"); surname, full-name and first-name mentions
   anywhere (headlines included) link to them ("Sir Alan", "Mayor Pete" are
   first-name mentions of the one Alan, Pete in the story);
4. title-only references ("the secretary", "the Israeli prime minister");
5. pronoun links, each with its evidence.

Offsets are prose offsets of ``article.blocks[block].text``; ``to_dict`` maps
them to source lines and columns.

The package, in import order: ``model`` (the records), ``patterns`` (the
compiled patterns and their ``re`` twins), ``titles`` (``parse_title``),
``names`` (finding names and titled names), ``evidence`` (the text tests the
passes share), ``core`` (the builder's state and helpers), one mixin module per
pass (``people``: steps 1-3, ``title_refs``: step 4, ``pronouns``: step 5,
``quotes``), ``builder`` (``build_cast``) and ``table`` (``render_cast``).
"""

from newslint.article.cast.model import (
    MENTION_KINDS, PRONOUN_EVIDENCE, Cast, KnownPerson, Mention, Person, Title, TitleRef,
)
from newslint.article.cast.patterns import TITLE_WINDOW, TWIN_THRESHOLD, prepare_patterns
from newslint.article.cast.titles import parse_title
from newslint.article.cast.builder import build_cast
from newslint.article.cast.table import render_cast

__all__ = [
    "MENTION_KINDS", "PRONOUN_EVIDENCE", "TITLE_WINDOW", "TWIN_THRESHOLD", "Cast", "KnownPerson", "Mention",
    "Person", "Title", "TitleRef", "build_cast", "parse_title", "prepare_patterns", "render_cast",
]
