"""People's titles: capitalisation, length, abbreviations, references and consistency.

These checks need to know who is a person and which title belongs to whom,
so they read the cast of people (``article.analysis.cast``) instead of
matching words: "the Secretary" is only a standalone title when no name
follows it, "Governor Jerry Brown" only needs "Gov." when Jerry Brown is a
person, and "the foreign minister" can only be the wrong title when the cast
knows who the foreign minister is. Every kind prefers silence: when the cast
is unsure (ambiguous holders, a name inside a quotation, a line set in title
case) nothing is reported.

Kinds:

- ``title-standalone-case``: a capitalised title standing alone or after a name.
- ``title-before-name-case``: a formal title before a name in lower case.
- ``occupation-case``: a capitalised occupational description before a name.
- ``long-title``: a title of four or more content words before a name.
- ``title-abbreviation``: AP's abbreviated titles (Gov., Sen., the Rev. ...) or,
  in British style, the same abbreviations without a full point.
- ``first-reference``: a person first named by surname (or title + surname) only.
- ``repeated-full-name``: a later body reference repeating title and full name.
- ``wrong-title``: a title-only reference whose holder is not the person the
  sentence is about.
- ``courtesy-title``: Mr./Mrs./Ms. by profile (AP drops them; British style
  writes them without a full point).
"""

from __future__ import annotations

# The pack is split one idea per module; every name stays importable from here.
from newslint.kinds.base import article_letter_runs, letter_runs  # noqa: F401
from newslint.news.titles.common import NAME_KINDS, BODY_KINDS, TITLE_WORDS, _SMALL, FORMAL_HEADS, FIRST_REFERENCE_HEADS, _WORD_RE, _CAPWORD, _ANYWORD, _OPENER, title_case_line, sentence_span, before_names, before_full_names, ENFORCE, line_of, name_mentions, lower_title, upper_title, title_core_start, describe_title  # noqa: F401
from newslint.news.titles.posts import _COPULA_PRED, _COUNTRY_WORD, _country, UNHELD_OFFICES, _ONE_HOLDER, _DESCRIPTION_AFTER, _POST_AFTER, _WHO_WAS_POST, _WHOSE_KIN, _names_post, _office_key, _TOP_JOB_WORDS, _CHANGE_WORDS, _RANK_ABBR_BEFORE, _DESCRIPTION_BEFORE, _ORG_POST_BEFORE, _JOB_WORD_BEFORE, _PLURAL_JOB_BEFORE, _PLURAL_JOBS, _WORD_BEFORE, _CAP_WORD_BEFORE, _HONORIFICS, _NOT_NAME_LEADS, _WHO_POST_AFTER, _WHO_HOLDS_OFFICE, _OFFICE_NOUNS_HELD, _holds_office, _WHO_POST_VERBS, _NAME_IN_APPOSITION, _UNHELD_ORG_NOUNS, _ORG_ONLY_HEADS, _NOT_DOMAINS, _SELF_ORG_HEADS, _GENDER_TWIN, _DESK_HEADS, _WHO_WORDS, _DESK_ACTS, _DESK_GATE, _VERB_BETWEEN, _NOT_DESKS, _GOV_NOUNS, _GOV_LEGAL_HEADS, _NOT_ORG_MODIFIERS, _SELF_ORG_RUNS, _owner_only  # noqa: F401
from newslint.news.titles.case import _WORK_BEFORE, _WORK_AFTER, _THE_BEFORE, _title_key, _WEAK_PATTERN, _weak_pattern, TitleStandaloneCase, _DET_BEFORE, _HYPHENATED_BEFORE, TitleBeforeNameCase, _NOT_OCCUPATION, OCCUPATION_WORDS, _AtStarts, OccupationCase  # noqa: F401
from newslint.news.titles.long_title import _ORG_NOUNS, _VERBISH, title_words, _RUN_WORD, _RUN_SMALL, _RUN_HEADS, _RUN_HEAD_FIRST, _RUN_LONG_HEADS, _POST_ADJECTIVES, _RUN_DET, _RUN_OPENER, _RUN_DET_BEFORE, _words_back, _COMPLEMENT_BEFORE, _lower_run, _caps_run, _ranked_compound, long_caps_title, long_run_title, _ORG_NAME_BEFORE, _SERIES_END, _OFFICE_OF_BEFORE, long_org_title, _OFFICE_NOUNS, long_office_title, _SURNAME_ORG_WORDS, _LEFT_OUT_NAME, _POST_AND_BEFORE, _post_and_before, _RANKS_ALT, _RANKED_PREFIX, _RANKED_PAIR, _ranked_pair, _ranked_prefix, _after_other_caps, _name_starts_clear, _POST_TO_THE, _post_to_the, LongTitle  # noqa: F401
from newslint.news.titles.abbreviations import AP_ABBREVIATIONS, _NAME_GOES_ON, _NAME_AS_MODIFIER, _CAP_BEFORE, _POINTED, _abbreviation_key, _ABBR_FORMS, TitleAbbreviation  # noqa: F401
from newslint.news.titles.references import FirstReference, _INLINE_CAPTION, _PHOTO_CREDIT, _NOT_REPEAT, _may_credit, _A_BEFORE, _MAIN_FIGURE_REFS, paragraphs_before, _QUALIFIER_OPENS, RepeatedFullName  # noqa: F401
from newslint.news.titles.wrong_title import _WHO_HAS, _RUNS_VERB, _RUNS_CLAUSE, _RUNS_CLAUSE_ANY, _REPRESENTS_CLAUSE, _OF_PLACE_AFTER, _FOUNDED, _LEAD_HEADS, _ORG_TOP_HEADS, _acronym_qualified, _APPOSITION_END, _APPOSED_LEAD, _MEMBER_WORDS, _LEADING_VERBS, _NAMED_BODY, _ORG_WORDS_BEFORE, _NAMING_TOKEN, _NAMING_ANY, _NOT_BODY, _initials_in, _ref_as_quoted, WrongTitle  # noqa: F401
from newslint.news.titles.unheld_title import UnheldTitle  # noqa: F401
from newslint.news.titles.courtesy import _COURTESY, _COURTESY_GATE, _COUPLE, _ATTRIBUTIVE_BEFORE, _ATTRIBUTIVE_AFTER, CourtesyTitle  # noqa: F401
