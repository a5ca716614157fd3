"""Reference versions of analysis functions that were replaced by faster equivalents.

Each is the code as it stood before the speed change (same results, slower); the tests compare
the current function with it on generated news-like text and on every paragraph of the corpora
the tests can read. Keep them unchanged: they are the definition the fast code must meet.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.article.quotations import (  # noqa: F401
    _MARK_STD, _ROCK_N_ROLL, _Open, _rstrip_end, Quotation, _style, _DOUBLE, _flanks, _ELISION, _SINGLE, _sentence_end_before,
)
from newslint.article import quotations as Q
from newslint.article import sentences as S
from newslint.article.sentences import (  # noqa: F401
    AMBIGUOUS, NEVER_FINAL, STARTERS, _CANDIDATE, _DOTTED, _WORD_BEFORE, _ends_sentence,
)


# -- quotations._scan, before the marks were found by str.find, the common open/close cases
# -- skipped the stack searches (9edb35c) and rock 'n' roll was looked up per mark

def reference_scan(text: str, block: int):
    """Marks with roles, closed top-level quotations, and the unclosed one at the end (if any).

    The marks come back as three parallel lists (positions, characters, roles) so that roles can
    be settled later (a running quote's opening mark) by index.
    """
    positions: list[int] = []
    chars: list[str] = []
    for m in _MARK_STD.finditer(text):
        positions.append(m.start())
        chars.append(m.group())
    roles = ["unmatched"] * len(positions)
    marks = (positions, chars, roles)
    quotes: list[Quotation] = []
    if not positions:
        return marks, quotes, None
    n = len(text)
    if "n'" in text or "n’" in text:
        rnr = {m.start() for m in _ROCK_N_ROLL.finditer(text)}
        rnr |= {p + 2 for p in rnr}
    else:
        rnr = ()

    def around(j: int) -> tuple[str, str]:
        pos = positions[j]
        return (text[pos - 1] if pos else " "), (text[pos + 1] if pos + 1 < n else " ")

    stack: list[_Open] = []

    def top_level_unclosed(entry: _Open, end: int, running: bool = False):
        end = _rstrip_end(text, end)
        quotes.append(Quotation(block, entry.pos, max(end, entry.pos + 1), entry.pos + 1, max(end, entry.pos + 1),
                                False, _style(entry.char, None), running=running, continuation=entry.continuation,
                                nested=entry.nested, kind="double" if entry.double else "single"))

    def close_out(index: int, pos: int):
        """Entries above ``index`` (and it) end unclosed at ``pos``."""
        while len(stack) > index:
            entry = stack.pop()
            roles[entry.mark] = "unmatched"
            if not stack:
                top_level_unclosed(entry, pos)

    for k in range(len(positions)):
        pos, ch = positions[k], chars[k]
        # the text's ends read as spaces
        prev = text[pos - 1] if pos else " "
        nxt = text[pos + 1] if pos + 1 < n else " "
        double = ch in _DOUBLE
        if double:
            left, right = _flanks(prev, nxt)
            if left and not right:
                act = "open"
            elif right and not left:
                act = "close"
            elif ch == "“":
                act = "open"
            elif ch == "”":
                act = "close"
            else:
                act = "close" if any(e.double for e in stack) else "open"
            if act == "close" and ch == '"' and prev.isdigit() and not any(e.double for e in stack):
                roles[k] = "apostrophe"  # an inch sign: 5'10"
                continue
        else:
            if (prev.isalnum() and nxt.isalnum()) or pos in rnr:
                roles[k] = "apostrophe"
                continue
            left, right = _flanks(prev, nxt)
            if left and not right:
                if _ELISION.match(text, pos + 1):
                    roles[k] = "apostrophe"
                    continue
                act = "open"
            elif right and not left:
                if any(not e.double for e in stack):
                    act = "close"
                    if prev in "sSzZ" and nxt == " " and pos + 2 < n and text[pos + 2].islower():
                        later = None
                        for j in range(k + 1, len(positions)):
                            if chars[j] in _SINGLE:
                                p, x = around(j)
                                if not (p.isalnum() and x.isalnum()):
                                    later = j
                                    break
                        if later is not None:
                            later_left, later_right = _flanks(*around(later))
                            if later_right and not later_left:
                                roles[k] = "apostrophe"  # 'the Hamas’ attack was brutal'
                                continue
                elif prev.isalpha():
                    roles[k] = "apostrophe"  # Hamas’ attack, goin’
                    continue
                else:
                    continue  # a stray closing mark: unmatched
            else:
                continue  # a lone mark between spaces
        if act == "open":
            same = [i for i, e in enumerate(stack) if e.double == double]
            continuation = False
            if same == [0] and _sentence_end_before(text, pos):
                # '... outset. "Some people ...': a running quote whose paragraph
                # break was lost (merged paragraphs); the open quote runs into this one
                close_out(1, pos)
                entry = stack.pop()
                roles[entry.mark] = "open"
                top_level_unclosed(entry, pos, running=True)
                continuation = True
            elif same:
                close_out(same[-1], pos)
            stack.append(_Open(pos, ch, double, k, continuation))
            continue
        same = [i for i, e in enumerate(stack) if e.double == double]
        if not same:
            continue  # a closing mark with nothing open: unmatched
        close_out(same[-1] + 1, pos)
        entry = stack.pop()
        roles[entry.mark] = "open"
        roles[k] = "close"
        if stack:
            stack[0].nested.append((entry.pos, pos + 1))
            stack[0].nested.extend(entry.nested)
        else:
            quotes.append(Quotation(block, entry.pos, pos + 1, entry.pos + 1, pos, True, _style(entry.char, ch),
                                    continuation=entry.continuation, nested=sorted(entry.nested),
                                    kind="double" if entry.double else "single"))
    tail = None
    if stack:
        close_out(1, n)
        tail = stack.pop()
        top_level_unclosed(tail, n)
        tail = quotes[-1], tail.mark
    quotes.sort(key=lambda q: q.start)
    return marks, quotes, tail



WORDS = ["the", "he", "said", "don't", "O'Brien", "Hamas'", "Hamas’", "rock", "'n'", "’n’", "'90s", "’em", "5'10\"",
         "goin’", "‘n’", "n'", "Smiths'", "Jones’s", "it", "was", "great", "a", "Mr.", "Go.", "end.", "one", "two", "s", "z"]
MARKS = ["“", "”", '"', "‘", "’", "'", ",", ".", ":", ";", "(", ")", "—", "?", "!", "…", "\n", "\t", "\x1c",
         "\u00a0", " ", " ", " ", ",” ", ".” ", " “", " ‘", "’ ", " '", "' ", ' "', '" ', "5", "[", "/"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS)), max_size=40)


def _plain(result):
    marks, quotes, tail = result
    return marks, [(q.__dict__) for q in quotes], (tail and (tail[0].__dict__, tail[1]))


@settings(max_examples=600, deadline=None)
@given(texts, st.sampled_from(["", " "]))
def test_scan_finds_what_it_found_before(parts, sep):
    text = sep.join(parts)
    assert _plain(Q._scan(text, 3)) == _plain(reference_scan(text, 3))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="“”\"‘’' a.5\nn", max_size=30))
def test_scan_on_marks_alone(text):
    assert _plain(Q._scan(text, 0)) == _plain(reference_scan(text, 0))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=";:“”\"‘()’' a\n", max_size=30))
def test_barriers_are_what_the_barrier_pattern_finds(text):
    assert Q._Block(text, [(0, len(text))]).barriers == [m.start() for m in Q._BARRIER.finditer(text)]


# -- sentences.split_sentences, before the word before a lone period was read by str.rfind when it
# -- is ASCII letters after a space (the regex pattern, not its re twin, as the definition)

def reference_split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, trailing whitespace excluded."""
    stripped_end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    if start >= stripped_end:
        return []
    spans = []
    for m in _CANDIDATE.finditer(text, start, stripped_end):
        punct, close = m.group(1, 2)  # punct, close
        if punct == "." and not close:
            # a lone period (nearly every candidate): ``_ends_sentence``'s steps for it, inline
            # (a sixth of the splitting time went to the call and the named groups)
            at = m.start()
            before = _WORD_BEFORE.match(text, max(0, at - 40), at)
            if before is not None:
                word = before.group()
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



SENTENCE_WORDS = ["Mr", "Mrs", "Dr", "Gov", "U.S", "U.K", "Inc", "Corp", "Jan", "No", "etc", "A", "J.K", "The", "He",
                  "said", "end", "Smith", "a.m", "3", "Rowling", "But", "état", "Łódź", "O'Brien", "co-op", "ex-Gov",
                  "Sept", "vs", "St", "it", "x", "É", "’90s", "naïve"]
SENTENCE_MARKS = [". ", ".", " ", "  ", ".\n", "? ", "! ", "… ", "...", ". “", ".” ", "\u00a0", "\t", ", ", "-", "(", ") "]
sentence_texts = st.lists(st.one_of(st.sampled_from(SENTENCE_WORDS), st.sampled_from(SENTENCE_MARKS)), max_size=50)


@settings(max_examples=600, deadline=None)
@given(sentence_texts, st.sampled_from(["", " "]))
def test_split_sentences_finds_what_it_found_before(parts, sep):
    text = sep.join(parts)
    assert S.split_sentences(text) == reference_split_sentences(text)
    long = "x" * 45 + text  # words cut by the 40-character window
    assert S.split_sentences(long) == reference_split_sentences(long)
