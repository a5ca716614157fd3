"""The contract every rule kind follows, and the option schema it declares.

A kind is a class. The loader validates a rule's ``options`` against the
kind's ``OPTIONS`` schema, then builds one instance per rule (compiling
patterns once). ``check`` yields ``Hit``s in block prose coordinates; the
engine maps them to source offsets, filters scope, quotations and
suppressions, and turns them into findings.
"""

from __future__ import annotations

TYPE_CHECKING = False  # ``typing`` is for the type checker only: importing it costs ms of a cold start
if TYPE_CHECKING:
    from typing import Any, Callable, Iterable, Iterator

from newslint import rx as regex
from newslint.article.model import Article, Block
from newslint.findings import Record

#: seconds one regular-expression call may run before the rule is stopped
DEFAULT_TIMEOUT = 1.0


class OptionError(ValueError):
    """An invalid option; ``field`` is the dotted path under ``options``."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class RuleTimeout(Exception):
    """A rule's regular expression ran past its timeout."""


class Option(Record):
    """One option in a kind's schema.

    ``type`` is one of: str, int, float, bool, regex, list[str], list[regex],
    map[str,str], list[list[str]], any.
    """

    FIELDS = ("type", "default", "required", "doc", "choices")

    def __init__(self, type: str, default: Any = None, required: bool = False, doc: str = "",
                 choices: tuple | None = None):
        self.type = type
        self.default = default
        self.required = required
        self.doc = doc
        self.choices = choices


def _is_list_of(value, check: Callable[[Any], bool]) -> bool:
    return isinstance(value, list) and all(check(v) for v in value)


def compile_pattern(pattern: str, field: str, flags: int = 0):
    if not isinstance(pattern, str):
        raise OptionError(field, f"expected a regular expression string, got {type(pattern).__name__}")
    try:
        return regex.compile(pattern, flags | regex.V0)
    except regex.error as exc:
        raise OptionError(field, f"bad regular expression {pattern!r}: {exc}") from None


def validate_options(schema: dict[str, Option], options: Any) -> dict:
    """Check types, fill defaults; raise OptionError naming the field."""
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise OptionError("options", f"expected a mapping, got {type(options).__name__}")
    unknown = sorted(set(options) - set(schema))
    if unknown:
        known = ", ".join(sorted(schema)) or "none"
        raise OptionError(f"options.{unknown[0]}", f"unknown option (this kind takes: {known})")
    result = {}
    for name, spec in schema.items():
        where = f"options.{name}"
        if name not in options:
            if spec.required:
                raise OptionError(where, "required option is missing")
            result[name] = spec.default
            continue
        value = options[name]
        ok = {
            "str": lambda v: isinstance(v, str),
            "regex": lambda v: isinstance(v, str),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "list[str]": lambda v: _is_list_of(v, lambda x: isinstance(x, str)),
            "list[regex]": lambda v: _is_list_of(v, lambda x: isinstance(x, str)),
            "map[str,str]": lambda v: isinstance(v, dict)
            and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
            "list[list[str]]": lambda v: _is_list_of(v, lambda x: _is_list_of(x, lambda y: isinstance(y, str))),
            "any": lambda v: True,
        }[spec.type](value)
        if not ok:
            raise OptionError(where, f"expected {spec.type}, got {type(value).__name__} {value!r:.60}")
        if spec.choices and value not in spec.choices:
            raise OptionError(where, f"expected one of {', '.join(map(str, spec.choices))}, got {value!r}")
        if spec.type == "regex":
            compile_pattern(value, where)
        elif spec.type == "list[regex]":
            for i, item in enumerate(value):
                compile_pattern(item, f"{where}[{i}]")
        result[name] = value
    return result


class Hit(Record):
    """A match in a block's prose: ``[start, end)`` in ``block.text``."""

    FIELDS = ("block", "start", "end", "args", "suggestion", "replacement", "message")

    def __init__(self, block: Block, start: int, end: int, args: dict | None = None,
                 suggestion: str | None = None, replacement: str | None = None, message: str | None = None):
        self.block = block
        self.start = start
        self.end = end
        #: extra placeholders for the rule's message
        self.args = {} if args is None else args
        self.suggestion = suggestion
        #: the replacement text for ``[start, end)`` when the hit can be fixed
        self.replacement = replacement
        #: a message that replaces the rule's template (news kinds with several cases)
        self.message = message


#: the shape of ``newslint.kinds.words.token_pattern``'s output (a word list's one alternation:
#: escaped words, ``\s+`` between the words of a phrase, a fixed look-behind and look-ahead).
#: Nothing in it repeats but ``\s+``, and a ``\s+`` stands between a word piece and another
#: (no blank in either): a search tries each branch once per position, never a combination,
#: so it runs in time linear in the text. A piece is any character but the syntax ones and
#: blanks, or a backslash and a character that is not a letter, digit, "_" or blank.
_PIECE = r"(?:[^\\()\[\]{}|?*+.^$\s]|\\[^\w\s])+"
_BRANCH = rf"{_PIECE}(?:\\s\+{_PIECE})*"
_WORD_LIST_SHAPE = regex.compile(
    r"(?:\(\?i\))?" + regex.escape(r"(?<![\w'’-])(?:") + rf"{_BRANCH}(?:\|{_BRANCH})*"
    + regex.escape(r")(?![\w-]|['’]\w)"), regex.V0)
#: id(pattern) -> (pattern, whether it may be searched without the timeout)
_UNTIMED: dict[int, tuple[Any, bool]] = {}


def searched_untimed(pattern) -> bool:
    """Whether ``CheckContext`` searches ``pattern`` without the regex module's timeout: only a
    word-list pattern (``token_pattern``'s shape: see ``_WORD_LIST_SHAPE``), never any other
    expression of a pack. The timeout reads a clock about three times a call (~2 us, more than
    most searches of a block take); a catastrophic pattern is not of this shape."""
    try:
        return _UNTIMED[id(pattern)][1]
    except KeyError:
        pass
    flags = getattr(pattern, "flags", None)
    source = getattr(pattern, "pattern", None)
    ok = (regex.is_pattern(pattern) and isinstance(source, str) and isinstance(flags, int)
          and not flags & (regex.VERBOSE | regex.V1 | regex.REVERSE)
          and _WORD_LIST_SHAPE.fullmatch(source) is not None)
    if len(_UNTIMED) >= 4096:  # (patterns are kept alive here: a server compiling packs anew)
        _UNTIMED.clear()
    _UNTIMED[id(pattern)] = (pattern, ok)
    return ok


class CheckContext:
    """What a kind sees while checking one article."""

    def __init__(self, article: Article, rule, timeout: float = DEFAULT_TIMEOUT, config=None):
        self.article = article
        self.rule = rule
        self.timeout = timeout
        self.config = config

    def blocks(self) -> Iterator[Block]:
        """The blocks in the rule's scope."""
        return self.article.blocks_in(self.rule.scope)

    def finditer(self, pattern, text: str, pos: int = 0, endpos: int | None = None):
        """``pattern.finditer`` with the per-call timeout; raises RuleTimeout.

        The matches are collected before the first is returned: the regex
        module's timeout is wall-clock time since the search began, so a lazy
        iterator would charge the caller's work between matches (the engine
        building quotations for the first hit) to the pattern. A word-list pattern
        (``searched_untimed``) runs without the timeout: it cannot backtrack.
        """
        if searched_untimed(pattern):
            return iter(list(pattern.finditer(text, pos) if endpos is None else pattern.finditer(text, pos, endpos)))
        try:
            if endpos is None:
                matches = list(pattern.finditer(text, pos, timeout=self.timeout))
            else:
                matches = list(pattern.finditer(text, pos, endpos, timeout=self.timeout))
        except TimeoutError:
            raise RuleTimeout(f"regular expression {pattern.pattern!r:.80} timed out after {self.timeout} s") from None
        return iter(matches)

    def search(self, pattern, text: str, pos: int = 0):
        if searched_untimed(pattern):
            return pattern.search(text, pos)
        try:
            return pattern.search(text, pos, timeout=self.timeout)
        except TimeoutError:
            raise RuleTimeout(f"regular expression {pattern.pattern!r:.80} timed out after {self.timeout} s") from None


class RuleKind:
    """Base class for rule kinds. Subclasses set ``name``, ``OPTIONS`` and ``check``."""

    name: str = ""
    #: one line for ``newslint plugins`` and the docs
    description: str = ""
    OPTIONS: dict[str, Option] = {}
    #: whether rules of this kind look inside quotations unless the rule says
    QUOTES_DEFAULT: bool = False
    #: whether the kind produces fixes at all (a rule may still produce none)
    FIXABLE: bool = False

    def __init__(self, rule, options: dict):
        self.rule = rule
        self.options = options
        self.setup(options)

    def setup(self, options: dict) -> None:
        """Compile options once; raise OptionError for values the schema allows but the kind cannot use."""

    def is_fixable(self) -> bool:
        return self.FIXABLE

    def check(self, ctx: CheckContext) -> Iterable[Hit]:
        raise NotImplementedError


def article_cache(article: Article, key, build: Callable[[], Any]):
    """``build()`` once per article and ``key``, shared by every rule that asks.

    For per-article data that depends on the text only, not on a rule's
    options (the case-folded text of a block, a set of words): the first rule
    pays, the rest look it up. ``key`` must say everything the value depends on.
    """
    try:  # the common case, a value built before: plain dictionary lookups (~10,000 a pass of 100 articles)
        return article.__dict__["analysis"].__dict__["_rule_cache"][key]
    except KeyError:
        pass
    state = article.analysis.__dict__
    store = state.get("_rule_cache")
    if store is None:
        store = state["_rule_cache"] = {}
    try:
        return store[key]
    except KeyError:
        value = store[key] = build()
        return value


def folded_text(article: Article, block: Block) -> str:
    """The block's prose case-folded (``str.casefold``), once per article."""
    try:
        return article.__dict__["analysis"].__dict__["_rule_cache"][("folded", block.index)]
    except KeyError:
        return article_cache(article, ("folded", block.index), block.text.casefold)


_LETTER_RUN = regex.compile(r"\p{L}+")
_WORD_RUN = regex.compile(r"[\p{L}\p{M}'’]+")


class _RunChars(dict):
    r"""A ``str.translate`` table that keeps the characters of word runs (``[\p{L}\p{M}'’]``) and
    turns every other character into a space: each character is classified by the expression
    itself the first time it is seen, so the table grows to the characters the texts use (up to
    ``_RUN_CHARS_KEPT`` of them: a text of every Unicode character must not make a huge table)."""

    def __missing__(self, code: int) -> int:
        value = code if _RUN_CHAR.match(chr(code)) else 32
        if len(self) < _RUN_CHARS_KEPT:
            self[code] = value
        return value


_RUN_CHARS_KEPT = 20_000


_RUN_CHAR = regex.compile(r"[\p{L}\p{M}'’]")
_RUN_CHARS = _RunChars()
#: ``_RUN_CHARS`` with the case folding for ASCII text, as a ``bytes.translate`` table:
#: A-Z -> a-z, a-z and ' kept, every other byte a space
_ASCII_RUN_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c == 39 else 32
                         for c in range(256))


def _runs(article: Article, block: Block) -> tuple[list[str], frozenset[str]]:
    """``(word_runs, letter_runs)`` of a block, built together once per article.

    The word runs are what ``_WORD_RUN.findall`` gives on the folded text: every character
    that is not part of a run becomes a space (``str.translate``, in C: ASCII text through its
    fast path) and ``str.split`` hands back the runs -- 1.6x faster than a Python loop over the
    whitespace tokens, 2x faster than the expression.
    """
    try:  # asked ~7 times per block: look first
        return article.__dict__["analysis"].__dict__["_rule_cache"][("runs", block.index)]
    except KeyError:
        pass

    def build():
        text = block.text
        if text.isascii():
            # ASCII prose (most blocks): its case folding is lower-casing and its runs are
            # [a-z']; one bytes.translate does the folding and the blanking, and the letter runs
            # of the runs with an apostrophe are the pieces between the apostrophes
            blanked = text.encode("ascii").translate(_ASCII_RUN_BYTES).decode("ascii")
            words = blanked.split()
            if "'" in blanked:
                return words, frozenset(words).union(blanked.replace("'", " ").split())
            return words, frozenset(words)
        words = folded_text(article, block).translate(_RUN_CHARS).split()
        letters = frozenset(words)
        # each letter run lies inside one word run: the runs of the few that are not all
        # letters ("mayor's", marks) are added (the word runs themselves stay in: a larger
        # set only lets more blocks through)
        odd = [run for run in letters if not run.isalpha()]
        text = block.text
        if odd or "\u0345" in text:
            extra = set(letters)
            for run in odd:
                extra.update(_LETTER_RUN.findall(run))
            if "\u0345" in text:
                extra.update(_LETTER_RUN.findall(text.replace("\u0345", " ").casefold()))
            letters = frozenset(extra)
        return words, letters

    return article_cache(article, ("runs", block.index), build)


def word_runs(article: Article, block: Block) -> list[str]:
    """The maximal runs of letters, marks and apostrophes (' ’) of the block's case-folded
    prose, in order, once per article: a word typed twice is two equal runs in a row."""
    try:
        return article.__dict__["analysis"].__dict__["_rule_cache"][("runs", block.index)][0]
    except KeyError:
        return _runs(article, block)[0]


def letter_runs(article: Article, block: Block) -> frozenset[str]:
    """The maximal runs of letters in the block's case-folded prose, once per article.

    A word-list rule can skip a block unless one of its words' first letter runs
    is here (``first_letter_run``): a set test instead of a case-insensitive
    alternation scanned over the block (a case-sensitive pattern's words match
    their folded forms here too). Case folding maps letters to letters and
    other characters to non-letters, so a run the rule's pattern matches stays a
    run here; the one exception (U+0345, a mark that folds to iota) puts every
    word of the block's raw text in, to stay on the safe side.
    """
    try:
        return article.__dict__["analysis"].__dict__["_rule_cache"][("runs", block.index)][1]
    except KeyError:
        return _runs(article, block)[1]


def article_letter_runs(article: Article) -> frozenset[str]:
    """Every block's ``letter_runs`` together, once per article: a word-list rule none of whose
    words' first runs occurs anywhere skips the article with one set test, without visiting a
    block (most articles lack most rules' words). A superset of any scope's runs."""
    return article_cache(article, "letter-runs", lambda: frozenset().union(
        *(letter_runs(article, block) for block in article.blocks)))


def article_text(article: Article) -> str:
    """Every block's prose, joined by newlines, once per article (article-level prefilters)."""
    return article_cache(article, "text", lambda: "\n".join(b.text for b in article.blocks))


def article_folded_text(article: Article) -> str:
    """Every block's case-folded prose, joined by newlines, once per article: a string in a
    block's ``folded_text`` is in here too, so a ``requires`` gate can rule out a whole article."""
    return article_cache(article, "folded", lambda: "\n".join(folded_text(article, b) for b in article.blocks))


def first_letter_run(word: str) -> str | None:
    """The letters ``word`` starts with, case-folded, or None when it starts with
    something else ("24/7", "$"): then no gate can be built on it."""
    m = _LETTER_RUN.match(word.casefold())
    return m.group() if m else None


def word_gate(words) -> frozenset[str] | None:
    """First letter runs of ``words`` for ``letter_runs`` tests; None when one has none."""
    firsts = {first_letter_run(w) for w in words}
    return None if None in firsts else frozenset(firsts)


#: the options of a block gate, for kinds that offer them (existence, substitution)
GATE_OPTIONS = {
    "requires": Option("list[str]", default=[],
                       doc="speed hint: every match contains one of these strings (in any case); "
                           "blocks with none are not searched"),
    "prefilter": Option("regex", default=None,
                        doc="speed hint: a cheap expression that finds something in every block "
                            "where the rule's expressions can match; other blocks are not searched"),
}


#: pattern syntax whose match depends on the text around it (anchors, word boundaries, lookarounds)
_CONTEXT_SENSITIVE = ("^", "$", "\\A", "\\Z", "\\z", "\\b", "\\B", "\\G", "\\m", "\\M", "\\K", "(?<", "(?=", "(?!")


class BlockGate:
    """Whether a block can hold a match at all, from a rule's ``requires``/``prefilter``.

    A rule's expressions cost a scan of every block; most blocks lack the one
    word or character sequence every match needs, and an ``in`` test or a
    literal-led expression finds that out many times faster. A wrong hint
    silently drops findings, so each shipped hint is exercised by the rule's
    fixtures.
    """

    def __init__(self, options: dict):
        self.requires = tuple(dict.fromkeys(w.casefold() for w in options.get("requires") or ()))
        # the strings that share a first character, after a test for that character: a text
        # without tabs skips every "\t..." with one scan (most texts lack most first characters)
        groups: dict[str, list[str]] = {}
        for w in self.requires:
            groups.setdefault(w[:1], []).append(w)
        self._single = tuple(ws[0] for ws in groups.values() if len(ws) == 1)
        self._grouped = tuple((head, tuple(ws)) for head, ws in groups.items() if len(ws) > 1)
        prefilter = options.get("prefilter")
        self.prefilter = compile_pattern(prefilter, "options.prefilter") if prefilter else None
        self.active = bool(self.requires) or self.prefilter is not None
        # a prefilter that looks at nothing around its match finds in the joined blocks whatever
        # it finds in one block; anchors and lookarounds would see the joins (conservatively
        # spotted in the pattern text: a false alarm only costs the article-level test)
        self.joinable = prefilter is not None and not any(t in prefilter for t in _CONTEXT_SENSITIVE)

    def _holds_required(self, folded: str) -> bool:
        """Whether one of ``requires`` is in ``folded``."""
        for w in self._single:
            if w in folded:
                return True
        for head, ws in self._grouped:
            if head in folded:
                for w in ws:
                    if w in folded:
                        return True
        return False

    def article(self, ctx: "CheckContext") -> bool:
        """Whether any block of the article can hold a match: one test of the article's
        text for the whole rule, before the test of each block."""
        if self.requires and not self._holds_required(article_folded_text(ctx.article)):
            return False
        if self.joinable and ctx.search(self.prefilter, article_text(ctx.article)) is None:
            return False
        return True

    def __call__(self, ctx: "CheckContext", block: Block) -> bool:
        if self.requires and not self._holds_required(folded_text(ctx.article, block)):
            return False
        if self.prefilter is not None and ctx.search(self.prefilter, block.text) is None:
            return False
        return True


def per_article(hits: list[Hit], limit: int) -> list[Hit]:
    """Collapse a writer's habit into one finding: the first ``limit`` hits (0: all).

    A house-style choice (a form, a capitalisation, a word) is made once and
    kept throughout a story, so one finding that names the count says it all;
    one per use buries the rest of the report. Every kept hit gets ``count``
    (all hits in the article) and ``more`` (" (N in this article)" when hits
    were left out, else "") for the rule's message.
    """
    total = len(hits)
    kept = hits[:limit] if limit else hits
    more = f" ({total} in this article)" if total > len(kept) else ""
    for hit in kept:
        hit.args.setdefault("count", total)
        hit.args["more"] = more
    return kept
