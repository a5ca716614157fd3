"""Captions against the rest of the story, and body text that repeats itself.

A caption that lifts the headline, the lede or a body sentence wastes the one
line most readers see, and a sentence pasted twice into the body is an
editing slip no spell-checker notices. Both are found by comparing
normalised text (case-folded, apostrophes and punctuation dropped, spaces
collapsed) and, for near duplicates, word shingles: the share of a
caption's word 3-grams that also occur in one body sentence or paragraph.
Everything an article needs is built once per article (normalised forms,
shingle and content-word indexes) and shared by the rules of these kinds.

Kinds:

- ``caption-duplicate``: a caption that repeats the headline, the lede, a
  body sentence or an earlier caption, exactly or nearly; with
  ``paraphrase: true`` the same kind reports captions that restate a body
  sentence in other words (shared content words), and only those.
- ``repeated-sentence``: the same sentence (or the same quotation, standing
  as a whole sentence) twice in the body.
- ``caption-length``: a caption of more than ``max_sentences`` sentences
  (photo credits do not count).
- ``caption-tense``: a caption whose first sentence has a clear past-tense
  main verb ("Blinken met ...") where AP wants the present ("meets").
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.article.furniture import furniture_blocks, is_furniture, is_section_end
from newslint.article.model import Article, Block
from newslint.article.parsers.text import ends_sentence
from newslint.findings import Record
from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind, compile_pattern

# -- normalising ---------------------------------------------------------------

_APOSTROPHE_CHARS = "'’ʼ‘`´"
_APOSTROPHES = str.maketrans("", "", _APOSTROPHE_CHARS)
_WORDS = regex.compile(r"[^\W_]+")
_WORD = regex.compile(r"\w+(?:['’ʼ]\w+)*")


def normalise(text: str) -> str:
    """Case-folded words of ``text``: quotes, dashes and punctuation dropped.

    Apostrophes go ("we’re" -> "were", "Israel's" -> "israels") so straight
    and curly forms agree; every other run of non-word characters is a space.
    """
    return " ".join(_words(text))


def _words(text: str) -> list[str]:
    """The words ``normalise`` joins (``str.translate`` is slow: only when there is an apostrophe)."""
    if any(c in text for c in _APOSTROPHE_CHARS):
        text = text.translate(_APOSTROPHES)
    return _WORDS.findall(text.casefold())


_NOT_ALNUM_BYTES = bytes(c for c in range(128) if not chr(c).isalnum())
#: characters outside ASCII that no word of ``_WORDS`` holds, even case-folded: a key leaves them out
_NOT_WORD_OUTSIDE_ASCII = "£€¥“”„«»–—―…•·§¶°±×÷\u00a0\u2009\u200a\u202f\u2032\u2033"
assert not any(_WORDS.search(c.casefold()) for c in _NOT_WORD_OUTSIDE_ASCII)
_NOT_WORD_DELETED = str.maketrans("", "", _APOSTROPHE_CHARS + _NOT_WORD_OUTSIDE_ASCII)


def _letters_key(text: str) -> bytes:
    """``normalise(text)`` without its spaces, as UTF-8: texts that normalise alike have the
    same key. ASCII text takes a fast path (lower case, every byte but a letter or digit
    deleted), which is the same thing: there case folding is lower-casing and a word
    character of ``_WORDS`` a letter or digit."""
    if not text.isascii():
        # apostrophes and the common signs and marks outside ASCII ("£", "“", "—") hold no word
        # character: deleted, most text is ASCII again
        stripped = text.translate(_NOT_WORD_DELETED)
        if not stripped.isascii():
            return "".join(_words(text)).encode()
        text = stripped
    return text.lower().encode().translate(None, _NOT_ALNUM_BYTES)


def shingles(words: list[str], n: int) -> set[tuple[str, ...]]:
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


# -- photo credits -------------------------------------------------------------

_CREDIT_WORDS = (r"(?:Photo(?:graph|graphy)?s?|Pictures?|Images?|Illustrations?|Credits?|Courtesy|Video|Graphic|"
                 r"Getty|Reuters|AFP|AP|EPA|PA|Shutterstock|Alamy|FILE|File|Handout|Supplied|Pool)")
# a trailing parenthesis naming a source: "(AP Photo/Ted S. Warren)", "(FILE)", "(Picture by Reco Moore.)"
_CREDIT_PAREN = regex.compile(rf"\s*\((?=[^()]*(?:/|\b{_CREDIT_WORDS}\b)|(?:GP|FILE)\))[^()]*\)[\s.]*$")
# a pipe-separated trailer: "... last year. | Photograph: Guy Smallman/Getty Images"
_CREDIT_PIPE = regex.compile(rf"\s*\|(?=[^|]*(?:/|\b{_CREDIT_WORDS}\b|©))[^|]*$")
# "Photo: X", "Photograph by X", "Credit... X", "Courtesy Louvre" after the caption's last sentence
_CREDIT_LABEL = regex.compile(
    r"(?:(?<=[.!?”\"')])\s*|\s+(?=(?:Photo|Picture|Image|Credit)\w*\s*:)|^)"
    r"(?:Photo(?:graph)?s?|Pictures?|Images?|Illustrations?|Credits?|Courtesy|Source|Video)(?:\s+credits?)?"
    r"(?:\s*:|\s+(?:by|via)\b|\s*\.{2,}|\s*…|\s+of\b|(?<=Courtesy)\s+(?=\p{Lu}))[^\n]*$")
# a bare credit after the last full stop: "... Atlanta, Georgia. Toni L. Sandys / The Washington Post / Getty Images"
_CREDIT_TAIL = regex.compile(
    r"(?<=[.!?”\"')])\s+(?=[^!?]*(?:/|—\s*Getty|\bGetty Images\b|\bvia Getty\b))"
    r"(?:[\p{Lu}\d][^\s/]*\s*(?:/\s*|—\s*|\s+via\s+|\s+|$)){1,10}$")


# an agency named bare after the caption's words: "... in Plymouth PA", "... festival Getty Images",
# "... AFP via Getty"; case-sensitive, and never the caption's first word
_CREDIT_BARE = regex.compile(
    r"(?<=\w[.!?”\"')]?)\s+(?:(?:AFP|AP|PA|EPA|Reuters|Getty(?:\s+Images)?|Shutterstock|Alamy)"
    r"(?:\s+via\s+Getty(?:\s+Images)?)?|\((?i:screen\s*(?:grab|shot)|file(?:\s+photo)?|handout)\))[\s.]*$")


# a last line holding a slash after the caption's closing punctuation: "... supply chain.\nMike Blake/Reuters
# files", "... life.”\nL: Random House / R: Simon & Schuster"
_CREDIT_LINE = regex.compile(r"(?<=[.!?”\"')])[ \t]*\n(?=[^\n]*/)[^\n]{1,100}$")


def is_credit(text: str) -> bool:
    """True when the whole text is a photo credit line ("Image credit: ...", "(AP Photo/...)")."""
    text = text.strip()
    return bool(text) and (bool(_CREDIT_LABEL.match(text)) or bool(_CREDIT_PAREN.match(text)))


def caption_end(text: str) -> int:
    """Where a caption's own words end: photo credits and source notes are cut off."""
    end = len(text.rstrip())
    while True:
        part = text[:end]
        for pattern in (_CREDIT_PAREN, _CREDIT_PIPE, _CREDIT_LABEL, _CREDIT_TAIL, _CREDIT_BARE, _CREDIT_LINE):
            m = pattern.search(part)
            if m and m.start() > 0:
                end = len(part[:m.start()].rstrip())
                break
        else:
            return end


# -- content words (for paraphrases) -------------------------------------------

STOPWORDS = frozenset("""
a about above after again against all along also although am among an and another any are around as at
be because been before being below between both but by can could did do does doing done down during each
either even ever every few for from further had has have having he her here hers him his how however i if
in into is it its itself just least less like made make many may me might more most much must my near
neither never no nor not now of off on once one only onto or other others our ours out over own per
rather said same say says she should since so some still such than that the their theirs them then there
these they this those though through thus to too toward towards under until up upon us very via was we
were what when where whether which while who whom whose why will with within without would yet you your
today yesterday tomorrow week year years day days time times new first last two three
""".split())


def _stem(word: str) -> str:
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    return word


def content_words(text: str) -> frozenset[str]:
    """Lower-case content words, stemmed; capitalised words (names, places) are left out.

    Names are what a caption and its story are bound to share, so they are
    no evidence of a paraphrase; the ordinary words describing the scene are.
    """
    return frozenset(_stem(w) for w in _WORD.findall(text)
                     if len(w) > 2 and w[0].islower() and w.casefold() not in STOPWORDS)


_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())


def name_words(text: str) -> frozenset[str]:
    """Capitalised words (names, places), folded: what ``content_words`` leaves out. Days and months
    are left out too (a caption and its story share the day of the event)."""
    out = set()
    for w in _WORD.findall(text):
        f = w.casefold().replace("’", "'")
        f = f[:-2] if f.endswith("'s") else f
        if len(w) > 2 and w[0].isupper() and f not in STOPWORDS and f not in _CALENDAR:
            out.add(f)
    return frozenset(out)


#: a figure of two digits or more ("1,800", "214"), not a year (1900-2099): as particular as a name
_FIGURE = regex.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d{2,}(?![\w,])")
_YEAR = regex.compile(r"(?:19|20)\d\d")


def figure_words(text: str) -> frozenset[str]:
    """The figures of ``text`` that a caption and the lede share only when both tell the same news
    (commas dropped; years left out, like days and months in ``name_words``)."""
    if not any(c.isdigit() for c in text):
        return frozenset()
    return frozenset(f for f in (m.replace(",", "") for m in _FIGURE.findall(text)) if not _YEAR.fullmatch(f))


#: a caption that opens with a name and a verb of announcing: it reports what someone says or will
#: do, not what the picture shows ("Thornbury vows to block ...", "Okafor says the rate rise ...")
_STATEMENT_CAPTION = regex.compile(
    r"(?:\p{Lu}[\p{L}.'’\-]*[ \u00a0]+){0,3}?(?P<name>\p{Lu}[\p{L}'’\-]+)[ \u00a0]+"
    r"(?:vows|pledges|promises|announces|threatens|vowed|pledged|promised|announced|threatened)[ \u00a0]+(?:to[ \u00a0]+)?\p{Ll}")


def _fold_name(word: str) -> str:
    f = word.casefold().replace("’", "'")
    return f[:-2] if f.endswith("'s") else f


# -- the per-article model -----------------------------------------------------

class Target(Record):
    """A text a caption may repeat: the headline, a body sentence or paragraph, a caption."""

    FIELDS = ("what", "block", "start", "end", "norm", "line", "order", "shingles", "content")
    __slots__ = FIELDS

    def __init__(self, what: str, block: Block, start: int, end: int, norm: str, line: int, order: int,
                 shingles: set | None = None, content: frozenset | None = None):
        self.what = what      # "the headline", "the lede", "a body sentence", "another caption"
        self.block = block
        self.start = start
        self.end = end
        self.norm = norm
        self.line = line
        self.order = order    # lower wins when two targets match equally well
        self.shingles = set() if shingles is None else shingles
        self.content = content  # content words, computed when a paraphrase is looked for

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


class CaptionUnit(Record):
    FIELDS = ("block", "end", "norm", "words", "sentence_norms", "content", "inline", "first")
    __slots__ = FIELDS

    def __init__(self, block: Block, end: int, norm: str, words: list[str], sentence_norms: list[str],
                 content: frozenset, inline: bool = False, first: str = ""):
        self.block = block
        self.end = end            # the caption's own words end here (credits cut off)
        self.norm = norm
        self.words = words
        self.sentence_norms = sentence_norms
        self.content = content    # content words of the first sentence (the description of the photo)
        #: the same text stands in the body as a paragraph of its own (the picture's caption printed there)
        self.inline = inline
        self.first = first        # the first sentence's text


_LOWER_WORD = regex.compile(r"(?<![\w'’-])\p{Ll}[\w'’]*")
#: a body paragraph this short that is word for word a caption is the caption printed in the body
#: ("Dead hunter, Bharrat Ramdehol."), not a sentence the caption lifted
_INLINE_WORDS = 6


class CaptionModel:
    """Normalised headline, lede, body sentences and captions of one article, with indexes.

    A body paragraph that is word for word one of the captions and looks like
    a caption itself (it carries a photo credit, has no closing punctuation,
    or is followed by a credit line) is that picture's caption printed in the
    body, as scraped pages and some CMS exports have it: it is not a target,
    so the caption is not reported for "repeating" it.
    """

    def __init__(self, article: Article, n: int):
        self.article = article
        self.n = n
        analysis = article.analysis
        source = article.source
        self.targets: list[Target] = []
        self.exact: dict[str, list[Target]] = {}
        self._index: dict[tuple, list[int]] | None = None
        self.captions: list[CaptionUnit] = []

        def line_of(block: Block, pos: int) -> int:
            return source.position(block.smap.start(pos))[0]

        def add(target: Target):
            if target.norm:
                self.exact.setdefault(target.norm, []).append(target)
                self.targets.append(target)

        for block in article.blocks:
            if block.kind != "caption":
                continue
            end = caption_end(block.text)
            own = block.text[:end]
            norm = normalise(own)
            spans = [(s, min(e, end)) for s, e in analysis.sentences(block) if s < end]
            sentence_norms = [x for x in (normalise(block.text[s:e]) for s, e in spans) if x]
            first = block.text[spans[0][0]:spans[0][1]] if spans else own
            self.captions.append(CaptionUnit(block, end, norm, norm.split(), sentence_norms, content_words(first),
                                             first=first))
        by_norm = {u.norm: u for u in self.captions if u.norm}

        lede_seen = False
        prose = [b for b in article.blocks if b.kind in ("body", "dek")]
        for i, block in enumerate(prose):
            text = block.text
            if by_norm:
                own_end = caption_end(text)
                unit = by_norm.get(normalise(text[:own_end]))
                if unit is not None:
                    following = prose[i + 1].text if i + 1 < len(prose) else ""
                    if own_end < len(text.rstrip()) or not ends_sentence(text) or is_credit(following) \
                            or len(unit.words) <= _INLINE_WORDS:
                        unit.inline = True
                        continue
            what = "a body sentence"
            if block.kind == "dek":
                what = "the dek"
            elif not lede_seen:
                what, lede_seen = "the lede", True
            order = 1 if what != "a body sentence" else 2
            sentences = analysis.sentences(block)
            for start, end in sentences:
                add(Target(what, block, start, end, normalise(text[start:end]), line_of(block, start), order))
            if len(sentences) > 1:
                end = len(text.rstrip())
                add(Target(what if what != "a body sentence" else "a body paragraph", block, 0, end,
                           normalise(text), line_of(block, 0), order))
        for block in article.blocks:
            if block.kind == "headline":
                add(Target("the headline", block, 0, len(block.text.rstrip()), normalise(block.text),
                           line_of(block, 0), 0))
        for unit in self.captions:
            add(Target("another caption", unit.block, 0, unit.end, unit.norm, line_of(unit.block, 0), 3))

    @property
    def index(self) -> dict[tuple, list[int]]:
        """Shingle -> targets holding it; built on the first near-duplicate question."""
        if self._index is None:
            self._index = {}
            for i, target in enumerate(self.targets):
                target.shingles = shingles(target.norm.split(), self.n)
                for s in target.shingles:
                    self._index.setdefault(s, []).append(i)
        return self._index

    # -- comparisons ---------------------------------------------------------
    def exact_match(self, unit: CaptionUnit, min_words: int) -> Target | None:
        """A target equal to the caption, or to one of its sentences, after normalising."""
        candidates = []
        for norm in [unit.norm, *(unit.sentence_norms if len(unit.sentence_norms) > 1 else [])]:
            if len(norm.split()) < min_words:
                continue
            candidates.extend(t for t in self.exact.get(norm, ()) if self._comparable(unit, t))
        return min(candidates, key=lambda t: (t.order, t.block.index, t.start), default=None)

    def run_match(self, unit: CaptionUnit, min_words: int) -> Target | None:
        """A sentence (or the headline) that holds the whole caption, word for word and in order,
        when the caption has at least ``min_words`` words: a short caption lifted from a sentence
        with its end cut off ("The paper made no mention of health")."""
        words = unit.words
        if len(words) < min_words or len(unit.sentence_norms) > 1:
            return None
        if len(_LOWER_WORD.findall(unit.first)) < 3:
            return None  # a name with its title ("Chief Education Officer Dr Ramona Archer-Bradshaw") names who is shown
        needle = f" {unit.norm} "
        for i in self.index.get(tuple(words[:self.n]), ()):
            target = self.targets[i]
            if target.order != 3 and self._comparable(unit, target) and needle in f" {target.norm} ":
                return target
        return None

    def near_match(self, unit: CaptionUnit, share: float, run_words: int, run_share: float,
                   min_words: int) -> Target | None:
        """The sentence, paragraph or headline that holds most of the caption's word shingles.

        A near duplicate holds at least ``share`` of them, or at least
        ``run_share`` of them together with an unbroken run of ``run_words``
        of the caption's words (a lifted clause with a new ending).
        Captions are only compared with each other exactly.
        """
        # the first sentence says what the picture shows; a second one may restate the story (AP)
        words = unit.sentence_norms[0].split() if len(unit.sentence_norms) > 1 else unit.words
        if len(words) < min_words:
            return None
        n = self.n
        seq = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
        own = set(seq)
        counts: dict[int, int] = {}
        index = self.index
        for s in own:
            for i in index.get(s, ()):
                counts[i] = counts.get(i, 0) + 1
        best = None
        for i, count in counts.items():
            target = self.targets[i]
            if target.order == 3 or not self._comparable(unit, target):
                continue
            score = count / len(own)
            if score < min(share, run_share):
                continue
            if score < share:
                run = longest = 0
                for s in seq:
                    run = run + 1 if s in target.shingles else 0
                    longest = max(longest, run)
                if longest + n - 1 < run_words:
                    continue
            key = (score, -target.order)
            if best is None or key > best[0]:
                best = (key, target)
        return best[1] if best else None

    def paraphrase_match(self, unit: CaptionUnit, min_shared: int, caption_share: float,
                         target_share: float, strong_shared: int = 0, lede_names: int = 0) -> Target | None:
        """The body sentence sharing the most content words with the caption's first sentence.

        Only body sentences count: the headline and the caption are bound to
        share the story's key words, and a background second sentence may
        restate the story (AP). With ``strong_shared`` words in common (and the
        caption's share met), the sentence's share is not asked: a short
        caption that retells most of a long lede covers only part of it.

        Against the lede, with ``lede_names`` of its names (capitalised words)
        in the caption too, the shared names count as shared words, and
        ``strong_shared`` words (two ordinary ones at least) make a paraphrase
        that uses other words for the rest ("swamped" for "flooded").
        """
        if unit.inline:
            return None
        if len(unit.content) < min_shared:
            return self._lede_by_names(unit, caption_share, strong_shared, lede_names)
        best = paragraph = None
        for target in self.targets:
            if target.order not in (1, 2):
                continue
            if target.content is None:
                target.content = content_words(target.text)
            if not target.content:
                continue
            shared = len(unit.content & target.content)
            if shared < min_shared:
                continue
            if shared / len(unit.content) < caption_share:
                continue
            if target.what == "a body paragraph":
                # a caption retelling a paragraph across its sentences ("where inmates overpowered an
                # officer after dinner and held him for about five hours"): strong sharing only
                if strong_shared and shared >= strong_shared and (paragraph is None or shared > paragraph[0]):
                    paragraph = (shared, target)
                continue
            if shared / len(target.content) < target_share and not (strong_shared and shared >= strong_shared):
                continue
            if best is None or shared > best[0]:
                best = (shared, target)
        best = best or paragraph
        return best[1] if best else self._lede_by_names(unit, caption_share, strong_shared, lede_names)

    def _lede_by_names(self, unit: CaptionUnit, caption_share: float, strong_shared: int,
                       lede_names: int) -> Target | None:
        if not lede_names or not strong_shared or len(unit.content) < 2:
            return None
        names = name_words(unit.first) | figure_words(unit.first)
        statement = _STATEMENT_CAPTION.match(unit.first)
        if len(names) < lede_names and statement is None:
            return None
        own = len(unit.content) + len(names)
        best = None
        for target in self.targets:
            if target.what != "the lede":
                continue
            if target.content is None:
                target.content = content_words(target.text)
            words = len(unit.content & target.content)
            shared_names = len(names & (name_words(target.text) | figure_words(target.text)))
            if words < 2 or shared_names < lede_names or words + shared_names < strong_shared \
                    or (words + shared_names) / own < caption_share:
                # a caption that announces what the lede's subject says or will do ("Thornbury vows to
                # block the Senate's redrawn districts") tells the news, not the picture: two of the
                # lede's names (the subject one of them) and two of its words are enough
                if statement is None or words < 2 or shared_names < 2 \
                        or _fold_name(statement.group("name")) not in name_words(target.text):
                    continue
            if best is None or words + shared_names > best[0]:
                best = (words + shared_names, target)
        return best[1] if best else None

    @staticmethod
    def _comparable(unit: CaptionUnit, target: Target) -> bool:
        if target.block is unit.block:
            return False
        if target.order == 3:
            return target.block.index < unit.block.index  # report the later of two captions
        return True


def caption_model(article: Article, n: int) -> CaptionModel:
    """The article's caption model, built once and shared by every rule that needs it."""
    analysis = article.analysis
    cache = getattr(analysis, "_caption_models", None)
    if cache is None:
        cache = analysis._caption_models = {}
    if n not in cache:
        cache[n] = CaptionModel(article, n)
    return cache[n]


def excerpt(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters, with "..." when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return (cut or text[:limit]) + " ..."


# -- kinds ---------------------------------------------------------------------

#: a last line that dates a link ("Aug 20, 2019", "3 hours ago") or is a label with nothing after it
#: ("JIS News | Presented by:"): a list of stories or a player, not a picture's caption
_TEASER_LINE = regex.compile(
    r"\n[ \t]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},[ \t]+\d{4}"
    r"|\d+[ \t]+(?:seconds?|minutes?|hours?|days?|weeks?|months?)[ \t]+ago"
    r"|[^\n]*:)[ \t]*\Z")


def _not_a_description(text: str, end: int) -> bool:
    """A "caption" that describes no picture: a pull quote (one quotation and its credit),
    a link to another story with its date, or a widget title ending in a bare label."""
    own = text[:end].strip()
    if len(own) > 2 and own[0] in _OPENING_MARKS and own.rstrip(".")[-1] in _CLOSING_MARKS:
        return True
    return bool(_TEASER_LINE.search(text.rstrip()))


class CaptionDuplicate(RuleKind):
    name = "caption-duplicate"
    description = "Flags a caption that repeats the headline, the lede, a body sentence or another caption."
    QUOTES_DEFAULT = True  # the whole caption is judged; a caption that is one quotation still counts
    OPTIONS = {
        "near": Option("float", default=0.6,
                       doc="share of the caption's word 3-grams found in one sentence or paragraph "
                           "that makes a near duplicate (0 turns near duplicates off)"),
        "run_words": Option("int", default=10,
                            doc="an unbroken run of this many words shared with one sentence ..."),
        "run_share": Option("float", default=0.5, doc="... makes a near duplicate from this share of 3-grams on"),
        "shingle": Option("int", default=3, doc="words per shingle"),
        "min_words": Option("int", default=4, doc="shorter captions (or caption sentences) are never compared"),
        "near_min_words": Option("int", default=10, doc="captions shorter than this are only matched exactly ..."),
        "short_run_words": Option("int", default=7,
                                  doc="... or, from this many words, when a sentence holds all of them in order "
                                      "(0: never)"),
        "paraphrase": Option("bool", default=False,
                             doc="report captions that restate a body sentence in other words instead "
                                 "(and not exact or near duplicates, which another rule reports)"),
        "min_shared": Option("int", default=4, doc="paraphrase: content words shared with the sentence"),
        "caption_share": Option("float", default=0.4, doc="paraphrase: share of the caption's content words"),
        "sentence_share": Option("float", default=0.4, doc="paraphrase: share of the sentence's content words"),
        "strong_shared": Option("int", default=0,
                                doc="paraphrase: with this many content words shared, sentence_share is not "
                                    "needed (0: always needed)"),
        "lede_names": Option("int", default=0,
                             doc="paraphrase: with this many of the lede's names in the caption, shared names "
                                 "count as shared words against the lede (0: never)"),
        "excerpt": Option("int", default=48, doc="characters of the repeated text quoted in the message"),
    }

    def setup(self, options):
        if options["shingle"] < 1:
            raise OptionError("options.shingle", "must be at least 1")
        for name in ("near", "run_share", "caption_share", "sentence_share"):
            if not 0 <= options[name] <= 1:
                raise OptionError(f"options.{name}", "must be between 0 and 1")

    def check(self, ctx: CheckContext):
        article = ctx.article
        if not any(b.kind == "caption" for b in article.blocks):
            return
        o = self.options
        model = caption_model(article, o["shingle"])
        in_scope = {b.index for b in ctx.blocks()}
        for unit in model.captions:
            if unit.block.index not in in_scope or unit.end == 0 or is_credit(unit.block.text[:unit.end]):
                continue  # a caption that is only a photo credit repeats nothing worth reporting
            if _not_a_description(unit.block.text, unit.end):
                continue
            exact = model.exact_match(unit, o["min_words"])
            near = None
            if exact is None and o["near"] > 0:
                near = model.near_match(unit, o["near"], o["run_words"], o["run_share"], o["near_min_words"])
                if near is None and o["short_run_words"] and len(unit.words) < o["near_min_words"]:
                    near = model.run_match(unit, o["short_run_words"])
            if o["paraphrase"]:
                if exact is not None or near is not None:
                    continue
                target, verb = model.paraphrase_match(unit, o["min_shared"], o["caption_share"],
                                                      o["sentence_share"], o["strong_shared"],
                                                      o["lede_names"]), "restates"
            elif exact is not None:
                target, verb = exact, "repeats"
            else:
                target, verb = near, "nearly repeats"
            if target is None:
                continue
            yield Hit(unit.block, 0, unit.end,
                      args={"verb": verb, "what": target.what, "line": target.line,
                            "text": excerpt(target.text, o["excerpt"])})


class RepeatedSentence(RuleKind):
    name = "repeated-sentence"
    description = "Flags a sentence (or a whole-sentence quotation) that appears twice in the body."
    QUOTES_DEFAULT = True  # whole sentences are compared; a repeated quote paragraph is the slip itself
    OPTIONS = {
        "min_words": Option("int", default=6, doc="shorter sentences (boilerplate, 'Read more.') are ignored"),
        "quotations": Option("bool", default=True,
                             doc="also flag a sentence that is only a quotation already quoted earlier"),
        "ignore": Option("list[regex]", default=[],
                         doc="sentences matching one of these (case-insensitive search) are not compared, "
                             "on top of the page furniture newslint.article.furniture recognises "
                             "(newsletter, cookie, copyright and sponsor notices)"),
        "max_passages": Option("int", default=2,
                               doc="more repeated passages than this in one article are reported once, "
                                   "as a body pasted or exported twice"),
        "excerpt": Option("int", default=48, doc="characters of the first occurrence quoted in the message"),
    }

    def setup(self, options):
        patterns = options["ignore"]
        self.ignore = compile_pattern("(?i)" + "|".join(f"(?:{p})" for p in patterns), "options.ignore") \
            if patterns else None

    def check(self, ctx: CheckContext):
        article = ctx.article
        by_block: dict[int, list[tuple[int, int]]] = {}
        if self.options["quotations"]:
            for q in article.analysis.quotations:
                by_block.setdefault(q.block, []).append((q.start, q.end))
        if not self._may_repeat(ctx, by_block):
            return
        # Finding the furniture blocks costs a notice search per block, and
        # leaving blocks out can only remove repeats: a pass over every body
        # block that meets no candidate repeat settles most articles.
        sentences, repeats, suspicious = self._repeats(ctx, by_block, frozenset())
        if not suspicious:
            return
        body = [b for b in ctx.blocks() if b.kind == "body"]
        furniture = furniture_blocks(article)
        skipped = furniture | _display_quotes(article.blocks, body) | _after_section_end(article.blocks, body)
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in article.analysis.quotations:
            spans.setdefault(q.block, []).append((q.start, q.end))
        sentences, repeats, _ = self._repeats(ctx, by_block, skipped, spans)
        if not repeats:
            return
        yield from self._report(article, sentences, repeats, body, furniture)

    def _may_repeat(self, ctx: CheckContext, by_block) -> bool:
        """Whether two body sentences, or a sentence and an earlier paragraph's quotation, have
        the same ``_letters_key``: equal normalised text has equal keys, so without one
        ``_repeats`` finds nothing (and the key costs a sixth of normalising)."""
        analysis = ctx.article.analysis
        min_words = self.options["min_words"]  # a word is at least one character of the key
        seen: set[bytes] = set()
        quoted: set[bytes] = set()
        for block in ctx.blocks():
            if block.kind != "body":
                continue
            text = block.text
            for start, end in analysis.sentences(block):
                key = _letters_key(text[start:end])
                if len(key) < min_words:
                    continue
                if key in seen or key in quoted:
                    return True
                seen.add(key)
            for qs, qe in by_block.get(block.index, ()):
                quoted.add(_letters_key(text[qs:qe]))
        return False

    def _repeats(self, ctx: CheckContext, by_block, furniture, spans=None):
        """The body's sentences and their repeats, leaving out ``furniture`` blocks; and
        whether any sentence met an earlier equal one or quotation (a repeat or an ignored one).

        With ``spans`` (block index -> quotation spans), a sentence first met inside a
        quotation and repeated in a paragraph with no quotation mark is not a repeat: the
        story quoted a statement and then prints it in full."""
        analysis = ctx.article.analysis
        min_words = self.options["min_words"]
        ignore = self.ignore
        suspicious = False
        seen: dict[str, int] = {}
        quotes_seen: dict[str, tuple[Block, int, int]] = {}
        sentences: list[tuple[Block, int, int]] = []
        # each repeat: (index in ``sentences``, index of the first occurrence or None, first (block, start, end), what)
        repeats: list[tuple[int, int | None, tuple[Block, int, int], str]] = []
        for block in ctx.blocks():
            if block.kind != "body":
                continue  # a dek may sum up the lede in its words; that is no slip
            text = block.text
            if block.index in furniture:
                continue  # a newsletter or copyright notice printed at every page break
            quotes = [(qs, qe, normalise(text[qs:qe])) for qs, qe in by_block.get(block.index, ())]
            marked = None  # whether the paragraph has a quotation mark: looked up once, at its first repeat
            for start, end in analysis.sentences(block):
                sentence = text[start:end]
                words = _words(sentence)  # normalise(), unjoined
                if len(words) < min_words or is_credit(sentence):
                    continue
                norm = " ".join(words)
                i = len(sentences)
                j = seen.get(norm)
                if j is not None:
                    suspicious = True
                    # only repeats need the furniture test: a notice inside a longer paragraph
                    if is_furniture(sentence) or (ignore is not None and ctx.search(ignore, sentence)):
                        continue
                    if spans is not None and marked is None:
                        marked = _QUOTE_MARKS.search(text) is not None
                    if spans is not None and not marked and _inside_quotation(spans, *sentences[j]):
                        continue
                    sentences.append((block, start, end))
                    repeats.append((i, j, sentences[j], "the sentence"))
                    continue
                sentences.append((block, start, end))
                seen[norm] = i
                quoted = self._only_quotation(text, start, end, quotes)
                if quoted is not None and quoted in quotes_seen:
                    suspicious = True
                    repeats.append((i, None, quotes_seen[quoted], "a quotation"))
            # quotations become comparable once their paragraph is done
            for qs, qe, qnorm in quotes:
                if len(qnorm.split()) >= min_words:
                    quotes_seen.setdefault(qnorm, (block, qs, qe))
        return sentences, repeats, suspicious

    def _report(self, article: Article, sentences, repeats, body=(), furniture=frozenset()):
        # consecutive sentences repeating consecutive sentences are one passage
        passages: list[list] = []
        for i, j, first, what in repeats:
            last = passages[-1] if passages else None
            if last is not None and j is not None and last[-1][1] is not None \
                    and i == last[-1][0] + 1 and j == last[-1][1] + 1:
                last.append((i, j, first, what))
            else:
                passages.append([(i, j, first, what)])
        if furniture:
            passages = [p for p in passages if not _boxed_passage(p, sentences, body, furniture)]
            if not passages:
                return
        note = ""
        if len(passages) > self.options["max_passages"]:
            note = f" (and {len(passages) - 1} more repeated passages: was the text pasted in twice?)"
            passages = passages[:1]
        for passage in passages:
            i, _, first, what = passage[0]
            block, start, end = sentences[i]
            for k, *_ in passage[1:]:
                if sentences[k][0] is block:
                    end = sentences[k][2]
            if len(passage) > 1:
                what = f"the {len(passage)} sentences"
            fblock, fstart, fend = first
            line = article.source.position(fblock.smap.start(fstart))[0]
            yield Hit(block, start, end, args={"what": what, "line": line, "note": note,
                                               "text": excerpt(fblock.text[fstart:fend], self.options["excerpt"])})

    @staticmethod
    def _only_quotation(text: str, start: int, end: int, quotes) -> str | None:
        """The normalised quoted words when the sentence is nothing but (part of) one quotation."""
        for qs, qe, qnorm in quotes:
            if qs >= end or qe <= start:
                continue
            if normalise(text[start:max(start, qs)]) or normalise(text[min(end, qe):end]):
                return None
            return qnorm if start <= qs and qe <= end else normalise(text[max(qs, start):min(qe, end)])
        return None


_QUOTE_MARKS = regex.compile(r"[\"“”«»„]")


def _inside_quotation(spans: dict[int, list[tuple[int, int]]], block: Block, start: int, end: int) -> bool:
    """Whether the sentence lies inside one quotation of its block (marks included)."""
    text = block.text
    for qs, qe in spans.get(block.index, ()):
        if qs <= start + 1 and end <= qe + 1 and qs < end and start < qe:
            # what sticks out is at most a quotation mark or the full stop after one
            if not text[start:qs].strip(_OPENING_MARKS + " ") and not text[qe:end].strip(".,;:!? "):
                return True
    return False


def _boxed_passage(passage, sentences, body: list[Block], furniture) -> bool:
    """Whether both copies of a repeated passage stand between two furniture blocks: the rest
    of a subscription or newsletter box (its pitch, its list of perks) printed at two breaks."""
    position = {b.index: k for k, b in enumerate(body)}

    def between(first: Block, last: Block) -> bool:
        a, b = position.get(first.index), position.get(last.index)
        if a is None or b is None or a == 0 or b + 1 >= len(body):
            return False
        return body[a - 1].index in furniture and body[b + 1].index in furniture

    i_first, j_first = passage[0][0], passage[0][1]
    i_last, j_last = passage[-1][0], passage[-1][1]
    if j_first is None or j_last is None:
        return False
    return between(sentences[j_first][0], sentences[j_last][0]) and \
        between(sentences[i_first][0], sentences[i_last][0])


def _after_section_end(every: list[Block], body: list[Block]) -> set[int]:
    """The body blocks after a heading over a list of other stories ("More news", "Most read"),
    when most of the body's words come before it (a sidebar printed first is not an end).
    The heading may be any block but the headline (a plain-text parser reads a short line
    as a caption)."""
    for block in every:
        if block.kind != "headline" and len(block.text) <= 60 and is_section_end(block.text):
            before = sum(len(b.text.split()) for b in body if b.index < block.index)
            after = sum(len(b.text.split()) for b in body if b.index > block.index)
            if before > after:
                return {b.index for b in body if b.index > block.index}
    return set()


_OPENING_MARKS = "“\"‘«"
_CLOSING_MARKS = "”\"’»"
_TERMINAL_END = regex.compile(r"[.!?…:;][\"'”’»)\]]*\s*\Z")
_WORD_COUNT = regex.compile(r"\w+")
_TEASER_END = regex.compile(r"(?:\.{3}|…)\s*(?:read\s+)?more\s*\Z", regex.I)


def _credit_line(text: str) -> bool:
    """A pull quote's credit: a name or a short description, no sentence ("Jane Smith, Acme",
    "— A GOP operative in the state")."""
    text = text.strip().lstrip("—–-― ").strip()
    return bool(text) and text[0].isupper() and len(_WORD_COUNT.findall(text)) <= 8 \
        and not _TERMINAL_END.search(text)


def _display_quotes(every: list[Block], blocks: list[Block]) -> set[int]:
    """Body paragraphs that are display text, not prose: a pull quote (a paragraph that is one
    quotation, followed by a credit line), a quotation set like a headline (no punctuation
    before its closing mark), or a teaser cut off with "... more". Designers repeat the
    story's words there on purpose."""
    found = set()
    for block in blocks:
        text = block.text.strip()
        if _TEASER_END.search(text):
            found.add(block.index)  # a link to another story, cut off: "The council met ... more"
            continue
        if len(text) < 3 or text[0] not in _OPENING_MARKS or text[-1] not in _CLOSING_MARKS:
            continue
        # the credit is the next block of any kind (a plain-text parser may read it as a caption)
        following = every[block.index + 1] if block.index + 1 < len(every) else None
        if text[-2].isalnum() or (following is not None and _credit_line(following.text)):
            found.add(block.index)
    return found


class CaptionLength(RuleKind):
    name = "caption-length"
    description = "Flags a caption of more sentences than the house allows (credits not counted)."
    QUOTES_DEFAULT = True
    OPTIONS = {
        "max_sentences": Option("int", default=2, doc="the most sentences a caption may run to"),
        "max_per_article": Option("int", default=1,
                                  doc="report the first N long captions of an article, with the count (0: all); "
                                      "a gallery's captions share one habit"),
    }

    def setup(self, options):
        if options["max_sentences"] < 1:
            raise OptionError("options.max_sentences", "must be at least 1")
        if options["max_per_article"] < 0:
            raise OptionError("options.max_per_article", "must be 0 (all) or more")

    def check(self, ctx: CheckContext):
        limit = self.options["max_sentences"]
        analysis = ctx.article.analysis
        found = []
        for block in ctx.blocks():
            if block.kind != "caption":
                continue
            end = caption_end(block.text)
            sentences = [(s, min(e, end)) for s, e in analysis.sentences(block)
                         if s < end and _HAS_WORD.search(block.text, s, min(e, end))]
            if len(sentences) > limit:
                found.append((block, sentences[limit][0], sentences[-1][1], len(sentences)))
        shown = self.options["max_per_article"] or len(found)
        more = f" ({len(found)} captions in this article)" if len(found) > shown else ""
        for block, start, end, count in found[:shown]:
            yield Hit(block, start, end, args={"count": count, "max": limit, "more": more})


_HAS_WORD = regex.compile(r"\p{L}{2}")

# -- present tense ---------------------------------------------------------------

#: past tense -> base form of verbs that describe what a photo shows
PAST_TENSE = {
    "addressed": "address", "applauded": "applaud", "arrived": "arrive", "attended": "attend",
    "boarded": "board", "bowed": "bow", "carried": "carry", "celebrated": "celebrate", "cheered": "cheer",
    "chatted": "chat", "clapped": "clap", "competed": "compete", "cried": "cry", "crossed": "cross",
    "danced": "dance", "delivered": "deliver", "departed": "depart", "embraced": "embrace",
    "gathered": "gather", "gestured": "gesture", "greeted": "greet", "hugged": "hug", "inspected": "inspect",
    "jumped": "jump", "kissed": "kiss", "knelt": "kneel", "laughed": "laugh", "listened": "listen",
    "looked": "look", "marched": "march", "met": "meet", "mourned": "mourn", "paused": "pause",
    "performed": "perform", "played": "play", "posed": "pose", "prayed": "pray", "protested": "protest",
    "rallied": "rally", "reacted": "react", "rode": "ride", "sang": "sing", "sat": "sit", "shook": "shake",
    "shouted": "shout", "smiled": "smile", "spoke": "speak", "stood": "stand", "swam": "swim",
    "talked": "talk", "toured": "tour", "unveiled": "unveil", "visited": "visit", "waited": "wait",
    "walked": "walk", "watched": "watch", "waved": "wave", "wept": "weep", "wore": "wear",
    # what people are pictured doing with their hands or a machine
    "demonstrated": "demonstrate", "displayed": "display", "examined": "examine", "held": "hold",
    "hauled": "haul", "lifted": "lift", "lined": "line", "loaded": "load", "painted": "paint",
    "planted": "plant", "raised": "raise", "repaired": "repair", "scrubbed": "scrub", "signed": "sign",
    "sorted": "sort", "taxied": "taxi", "unloaded": "unload", "wiped": "wipe", "climbed": "climb",
    "cleaned": "clean", "checked": "check", "pushed": "push", "pulled": "pull", "sprayed": "spray",
    "battled": "battle", "rescued": "rescue", "searched": "search", "worked": "work",
}

# words after which a past form is no longer the main verb of the first clause
_CLAUSE_BREAK = frozenset("""
who whom whose which that after before when whenever while as since because where if until once though
although whether than
says say said tells told suggests suggest suggested shows show showed finds find found reveals revealed
believes believe believed thinks think thought hopes hope hoped fears fear feared warns warned argues argued
claims claimed reports reported announces announced
""".split())
# an auxiliary before it makes it a participle or a different construction
_AUXILIARY = frozenset("""
is are was were be been being has have had having will would can could may might must shall should do does
did to not never
""".split())
# what may sit right before the main verb: the end of the subject
_DETERMINERS = frozenset("a an the this that these those his her its their our my your some any no every each".split())
_TOKEN = regex.compile(r"\w+(?:['’.\-]\w+)*|[,;:()—–]")
_STOP_MARKS = frozenset(";:()—–")


def _third_person(base: str) -> str:
    if regex.search(r"(?:s|sh|ch|x|z|o)$", base):
        return base + "es"
    if regex.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    return base + "s"


class CaptionTense(RuleKind):
    name = "caption-tense"
    description = "Flags a caption whose first sentence has a clear past-tense main verb (AP: present tense)."
    OPTIONS = {
        "verbs": Option("map[str,str]", default=None,
                        doc="past tense -> base form of the verbs to look for (replaces the built-in list)"),
        "extra_verbs": Option("map[str,str]", default={}, doc="more past -> base pairs on top of the list"),
    }

    def setup(self, options):
        verbs = dict(options["verbs"] if options["verbs"] is not None else PAST_TENSE)
        verbs.update(options["extra_verbs"])
        self.verbs = {k.casefold(): v for k, v in verbs.items()}

    def check(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        for block in ctx.blocks():
            if block.kind != "caption":
                continue
            sentences = analysis.sentences(block)
            if not sentences:
                continue
            start, end = sentences[0]
            end = min(end, caption_end(block.text))
            found = self._main_past_verb(block.text, start, end)
            if found is None:
                continue
            vstart, vend, subject_plural = found
            past = block.text[vstart:vend]
            base = self.verbs[past.casefold()]
            present = base if subject_plural else _third_person(base)
            yield Hit(block, vstart, vend, suggestion=present, args={"present": present})

    def _main_past_verb(self, text: str, start: int, end: int):
        """The listed past form heading the first clause, with whether its subject looks plural.

        Quiet by design: any subordinate word, auxiliary or punctuation other
        than a comma before the verb ends the search, and so does a verb
        that does not directly follow a word of the subject.
        """
        previous = None
        count = 0
        plural = False
        for m in _TOKEN.finditer(text, start, end):
            word = m.group()
            low = word.casefold()
            if low in _CLAUSE_BREAK or low in _AUXILIARY or word in _STOP_MARKS:
                return None
            if low in self.verbs and word[0].islower():
                if previous is None or previous == "," or previous.casefold() in _DETERMINERS \
                        or previous.casefold() in ("and", "or", "but", "of", "for", "with", "by", "in", "on", "at"):
                    return None
                if previous[-1:] == "s" and previous[-2:] != "ss" and (previous[0].islower() or count == 1):
                    plural = True
                return m.start(), m.end(), plural
            if low == "and":
                plural = True
            if word != ",":
                count += 1
            previous = word
        return None
