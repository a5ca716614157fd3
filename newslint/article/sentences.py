"""Sentence splitting for news copy.

News copy is dense with abbreviations that end in a period ("Gov.", "U.S.",
"3 a.m.", "Jan. 5", "Apple Inc.") and with sentences that end inside closing
quotes (``.”``). A naive "period, space, capital" splitter cuts most
paragraphs in the wrong place, and every sentence-scoped rule (length,
attribution, pronoun links) inherits the error.

How it works: one compiled regex finds *candidate* ends (``.``, ``!``, ``?``,
an ellipsis, then any closing quotes or brackets, whitespace, and a next
sentence that starts with a capital or a digit, optionally after an opening
quote). Each candidate (not each character) is then judged:

- ``!`` and ``?`` always end a sentence (``“Why?” she asked.`` has no
  capital after the quote, so it is no candidate at all).
- A period followed by a closing quote ends the sentence (``“Go.” He left.``).
- Titles and words that only ever precede something (Mr., Dr., Gov., Lt.,
  Sen., Rep., Rev., Gen., Col., Sgt., vs. ...) never end a sentence.
- ``No.`` before a digit ("No. 10") does not end one.
- *Ambiguous* abbreviations can end a sentence: dotted acronyms (U.S., U.K.,
  U.N., a.m., p.m., J.K.), single initials ("Elizabeth A. Burton"), company
  suffixes (Inc., Corp., Co., Ltd.), Jr., Sr., St., etc., and month
  abbreviations (Jan., Sept., ...). They end the sentence only when the next
  word is a common sentence starter ("The", "He", "It", "But", "In", ...) or
  an opening quotation mark follows; before a name ("U.S. Army", "J.K.
  Rowling", "3 a.m. Eastern time", "Jan. 5") they do not. The price: "...
  based in the U.S. Blinken said" stays one sentence, which is the silent
  side to err on.
- A three-dot ellipsis (``...`` or ``…``) ends a sentence under the same
  starter test; four dots (``. ...``, ``....``) always do.
- Decimals (3.1), URLs and "U.S.-based" have no space after the period and are
  never candidates.

Spans are ``(start, end)`` in the text's code points, trailing whitespace
excluded. A quotation with several sentences is split inside it, like any
other text.
"""

from __future__ import annotations

from newslint import rx as regex

#: a candidate sentence end: terminal punctuation, closing marks, space, and
#: the first characters of the next sentence (captured in a lookahead). It never starts inside a
#: run of ``.!?`` (nor at a ``…`` right after one): every start in a run takes the rest of the run
#: and then needs the same thing after it, so the run's first mark stands for all of them, and
#: trying each mark over the rest of the run was quadratic (20,000 "!" took 49 s).
#: Written so that every alternative opens with its literal mark and the no-run test follows it
#: (``(?<![.!?].)`` once the mark is taken is ``(?<![.!?])`` before it): this is what
#: ``(?<![.!?])(?P<punct>\.{3,}|…|[.!?]+(?:\s?…)?)`` matches, tried in the same order, but the
#: stdlib ``re`` then skips to the next ``.!?…`` between attempts instead of trying every position.
_NO_RUN = r"(?<![.!?].)"
_CANDIDATE = regex.compile(
    rf"(?P<punct>\.{_NO_RUN}\.{{2,}}|…{_NO_RUN}|\.{_NO_RUN}[.!?]*(?:\s?…)?|!{_NO_RUN}[.!?]*(?:\s?…)?"
    rf"|\?{_NO_RUN}[.!?]*(?:\s?…)?)"
    r"(?P<close>[”’\"')\]]*)"
    r"\s+"
    r"(?=(?P<open>[“‘\"'(\[]*)(?P<next>\p{Lu}[\p{L}\p{M}'’]*|\p{N}))"
)
assert _CANDIDATE.groupindex == {"punct": 1, "close": 2, "open": 3, "next": 4}  # split_sentences reads them by number
#: once built: ``quotations._re_span`` and ``_CANDIDATE``'s ``re`` twin (twice as fast, exact on
#: the texts ``_re_span`` accepts: every paragraph of the BBC and Reuters corpora)
_twin = None


def _build_twin():
    global _twin
    from newslint.article import quotations  # (it imports this module: not at the top)

    _twin = (quotations._re_span, quotations._re_twin(_CANDIDATE.pattern))
    return _twin


#: the word right before a candidate period (``U.S`` for "U.S.", ``Mr`` for "Mr."): matched
#: backwards from the period (``_WORD_BEFORE.match(text, lo, end)``), which gives what
#: ``[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’&\-]*\Z`` searched in ``text[lo:end]`` gives (the longest such
#: word ending there) without trying every start in the window
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’&\-]*", regex.REVERSE)

_DOTTED = regex.compile(r"(?:\p{L}{1,2}\.)+\p{L}{1,2}")

#: abbreviations that stand before something and never end a sentence
NEVER_FINAL = frozenset(
    """Mr Mrs Ms Mx Dr Gov Lt Sen Sens Rep Reps Rev Gen Col Sgt Capt Cmdr Cpl Adm Maj Pvt
    Prof Pres Supt Det Insp Msgr Fr Hon Atty Gens vs v Vs Ft Mt approx Nos""".split()
)

#: abbreviations that end a sentence only before a sentence starter
AMBIGUOUS = frozenset(
    """Inc Corp Co Cos Ltd Plc plc LLC Bros Jr Sr St Ave Blvd Rd etc al Jan Feb Mar Apr Jun Jul
    Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun No no Dept Univ Assn""".split()
)

#: words that commonly open a news sentence (used only after an ambiguous abbreviation)
STARTERS = frozenset(
    """The A An He She It They We I You His Her Its Their Our My This That These Those There
    Then But And Or So Yet Nor In On At For With By From To Into After Before When While As
    If Although Though Because Since Until Meanwhile However Still Also Now Last Earlier Later
    Some Many Most Several Both All No Not One Two Three What Why How Who Where Which
    Officials Police Asked According Under Over During Despite Instead Even Such Each Every
    Other Another Others Here Today Yesterday Tomorrow Such Just Only Once Neither Either
    Mr Mrs Ms Dr""".split()
)


def _ends_sentence(text: str, m) -> bool:
    punct, close = m.group("punct", "close")
    if punct != ".":  # a single period (nearly every candidate) skips these
        if "?" in punct or "!" in punct:
            return True
        if punct in ("...", "…") or (punct.endswith("…") and punct[0] != "."):
            return m.group("next") in STARTERS
        if "…" in punct or len(punct) >= 4:
            return True  # four dots: a sentence end followed by an ellipsis
    if close:
        return True
    start = m.start()
    before = _WORD_BEFORE.match(text, max(0, start - 40), start)
    if before is None:
        return True
    word = before.group()
    if "-" in word:
        word = word.rsplit("-", 1)[1] or word
    if word in NEVER_FINAL:
        return False
    ambiguous = (
        word in AMBIGUOUS
        or (len(word) == 1 and word.isupper())
        or ("." in word and _DOTTED.fullmatch(word) is not None)
    )
    if not ambiguous:
        return True
    next_word, opening = m.group("next", "open")
    if next_word[0].isdigit():
        return False
    return next_word in STARTERS or bool(opening and opening[0] in "“‘\"'")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, trailing whitespace excluded."""
    stripped_end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    if start >= stripped_end:
        return []
    spans = []
    re_span, twin = _twin or _build_twin()
    for m in (twin if re_span(text) else _CANDIDATE).finditer(text, start, stripped_end):
        punct, close = m.group(1, 2)  # punct, close
        if punct == "." and not close:
            # a lone period (nearly every candidate): ``_ends_sentence``'s steps for it, inline
            # (a sixth of the splitting time went to the call and the named groups)
            at = m.start()
            lo = at - 40 if at > 40 else 0
            # most words before a period are ASCII letters after a space: then they are the word
            # _WORD_BEFORE would match (a space is none of its characters), found without it
            space = text.rfind(" ", lo, at)
            word = text[space + 1:at]
            if space < 0 or not (word.isascii() and word.isalpha()):
                before = _WORD_BEFORE.match(text, lo, at)
                word = None if before is None else before.group()
            if word is not None:
                if "-" in word:
                    word = word.rsplit("-", 1)[1] or word
                if word in NEVER_FINAL:
                    continue
                if (word in AMBIGUOUS or (len(word) == 1 and word.isupper())
                        or ("." in word and _DOTTED.fullmatch(word) is not None)):
                    next_word, opening = m.group(4, 3)  # next, open
                    if next_word[0].isdigit() or not (next_word in STARTERS or (opening and opening[0] in "“‘\"'")):
                        continue
        elif not _ends_sentence(text, m):
            continue
        spans.append((start, m.end(2)))
        start = m.end()
    if start < stripped_end:
        spans.append((start, stripped_end))
    return spans
