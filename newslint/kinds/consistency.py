"""``consistency``: one article, one spelling ("U.S." or "US", not both).

A story that writes "U.S." in one paragraph and "US" in the next looks
careless even when each form is allowed somewhere. This kind counts the
alternatives of each group over the rule's scope and flags the odd ones out.

Options:

``either`` (required)
    A list of groups of alternative forms, e.g.
    ``[["U.S.", "US"], ["percent", "%"], ["per cent", "percent"]]``.
    When an article uses more than one form of a group, every occurrence of
    the minority form(s) is flagged, with the majority form as suggestion
    and fix. Ties go to the form that appears first: the later form is
    flagged.
``prefer``
    A list of forms, at most one per group (each must be one of that group's
    forms). A group with a preferred form flags every other form, however
    often it is used, even when the preferred form never appears. Groups
    without one fall back to the majority.
``ignore_case`` (default false)
    Case matters by default: "US" is not "us". With ``false`` a form that
    starts with a lower-case letter also matches with its first letter
    capitalised ("Percent" at the start of a sentence), and the fix keeps
    that capital.
``fix`` (default true)
    Offer the suggestion as a fix.

Matching: forms are matched on word boundaries, and a form that ends in a
word character does not match when it continues with punctuation and more
word characters, so neither "U.S." nor "U.S" matches inside "U.S.A.", and
"US" does not match in "U.S.". A form made only of symbols ("%") has no
boundaries. Spaces in a form match any run of whitespace. When a word form
and a symbol form meet after a number ("5 percent" / "5%"), the finding
spans the number too, so the fix can drop or add the space; a word form not
after a number ("Percent changes") gets a suggestion but no fix.

Quotations are neither counted nor flagged unless the rule sets
``quotes: true``: a speaker's words are not the house's to change.

Message placeholders: ``{match}``, ``{suggestion}`` (the form to use),
``{form}`` (the flagged form as configured), ``{count}`` (occurrences of the
flagged form) and ``{preferred_count}`` (occurrences of the form to use).
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.kinds.base import CheckContext, Hit, Option, OptionError, RuleKind, compile_pattern
from newslint.kinds.words import preserve_case

_HSPACE = " \t\u00a0\u202f"


def _number_before(text: str, start: int) -> int | None:
    """Where the number right before ``start`` begins ("3.1 " or "40"), if any."""
    pos = start
    while pos > 0 and text[pos - 1] in _HSPACE:
        pos -= 1
    end = pos
    while pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in ".,"):
        pos -= 1
    while pos < end and not text[pos].isdigit():
        pos += 1
    if pos == end or (pos > 0 and text[pos - 1].isalpha()):
        return None
    return pos


def _is_symbolic(form: str) -> bool:
    return not regex.search(r"\w", form)


def form_pattern(form: str, ignore_case: bool) -> str:
    """A regular expression matching one form on sensible boundaries."""
    pieces = []
    for i, piece in enumerate(form.split()):
        body = regex.escape(piece)
        if i == 0 and not ignore_case and piece[:1].islower():
            first = piece[0]
            body = f"[{regex.escape(first)}{regex.escape(first.upper())}]" + regex.escape(piece[1:])
        pieces.append(body)
    body = r"\s+".join(pieces)
    if _is_symbolic(form):
        return body
    left = r"(?<![\w'’-])(?<!\w\.)" if regex.match(r"\w", form) else ""
    if regex.search(r"\w$", form):
        right = r"(?!\w|[.'’-]\w)"
    else:
        right = r"(?!\w)"
    return left + body + right


class Consistency(RuleKind):
    name = "consistency"
    description = "Flags the minority (or non-preferred) form when an article mixes alternatives."
    FIXABLE = True
    OPTIONS = {
        "either": Option("list[list[str]]", required=True, doc="groups of alternative forms"),
        "prefer": Option("list[str]", default=[], doc="the preferred form of some groups"),
        "ignore_case": Option("bool", default=False, doc="match forms in any case"),
        "fix": Option("bool", default=True, doc="offer the suggestion as a fix"),
    }

    def setup(self, options):
        groups = options["either"]
        if not groups:
            raise OptionError("options.either", "needs at least one group of alternatives")
        self.ignore_case = options["ignore_case"]
        self.fix = options["fix"]
        self.groups: list[tuple[list[str], object, list[int]]] = []
        owner: dict[str, int] = {}
        for g, forms in enumerate(groups):
            where = f"options.either[{g}]"
            forms = [" ".join(f.split()) for f in forms]
            if len(forms) < 2 or any(not f for f in forms):
                raise OptionError(where, "a group needs at least two non-empty forms")
            keys = [f.lower() if self.ignore_case else f for f in forms]
            if len(set(keys)) != len(keys):
                raise OptionError(where, "a group lists the same form twice")
            for f in forms:
                owner.setdefault(f, g)
            # longest first, so "per cent" wins over "cent"; one group per alternative
            order = sorted(range(len(forms)), key=lambda i: -len(forms[i]))
            alternatives = "|".join(f"({form_pattern(forms[i], self.ignore_case)})" for i in order)
            flags = "(?i)" if self.ignore_case else ""
            pattern = compile_pattern(flags + alternatives, where)
            self.groups.append((forms, pattern, order))
        self.prefer: dict[int, int] = {}
        for i, form in enumerate(options["prefer"]):
            where = f"options.prefer[{i}]"
            form = " ".join(form.split())
            g = owner.get(form)
            if g is None and self.ignore_case:
                g = next((owner[f] for f in owner if f.lower() == form.lower()), None)
                form = next((f for f in owner if f.lower() == form.lower()), form)
            if g is None:
                raise OptionError(where, f"{form!r} is not a form of any group in 'either'")
            if g in self.prefer:
                raise OptionError(where, f"group {g} already has a preferred form")
            self.prefer[g] = self.groups[g][0].index(form)

    def check(self, ctx: CheckContext):
        blocks = list(ctx.blocks())
        analysis = ctx.article.analysis
        skip_quotes = not ctx.rule.quotes
        for g, (forms, pattern, order) in enumerate(self.groups):
            uses: list[list[tuple]] = [[] for _ in forms]
            first_seen: dict[int, int] = {}
            seen = 0
            for block in blocks:
                for m in ctx.finditer(pattern, block.text):
                    if m.end() == m.start():
                        continue
                    if skip_quotes and analysis.in_quote(block, m.start(), m.end()):
                        continue
                    index = order[m.lastindex - 1]
                    uses[index].append((block, m.start(), m.end()))
                    first_seen.setdefault(index, seen)
                    seen += 1
            used = [i for i in range(len(forms)) if uses[i]]
            if g in self.prefer:
                winner = self.prefer[g]
            elif len(used) > 1:
                winner = min(used, key=lambda i: (-len(uses[i]), first_seen[i]))
            else:
                continue
            for i in used:
                if i == winner:
                    continue
                for block, start, end in uses[i]:
                    yield self._hit(block, start, end, forms[i], forms[winner], len(uses[i]), len(uses[winner]))

    def _hit(self, block, start, end, form, right, count, preferred_count):
        text = block.text
        original = text[start:end]
        suggestion = right
        if _is_symbolic(right) or _is_symbolic(original):
            pass
        elif self.ignore_case:
            suggestion = preserve_case(original, right)
        elif original[:1].isupper() and form[:1].islower() and right[:1].islower():
            # the form was capitalised at the start of a sentence
            suggestion = right[0].upper() + right[1:]
        replacement = suggestion
        if _is_symbolic(right) != _is_symbolic(original):
            # "5 percent" <-> "5%": the span takes in the number, so the fix can
            # drop or add the space; without a number, a word is not a symbol
            number = _number_before(text, start)
            if number is not None:
                start = number
                digits = text[number:end - len(original)].rstrip(_HSPACE)
                replacement = digits + ("" if _is_symbolic(right) else " ") + suggestion
            elif _is_symbolic(right):
                replacement = None
            elif start > 0 and text[start - 1].isalnum():
                replacement = " " + suggestion
        args = {"form": form, "count": count, "preferred_count": preferred_count}
        return Hit(block, start, end, args=args, suggestion=suggestion,
                   replacement=replacement if self.fix else None)
