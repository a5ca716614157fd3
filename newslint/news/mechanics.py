"""``quote-style``: one article, one style of quotation marks and apostrophes.

Straight marks (" ') creep into curly-quote copy (“ ” ‘ ’) when text is pasted
from email or a wire feed, and the mix shows on the page. The style used most
in the article wins (ties go to the style that appears first); each mark of
the other style is flagged, with the matching mark of the winning style as a
fix when its direction is clear.

Page furniture (newsletter boxes, copyright lines: newslint.article.furniture)
comes from the site's template, not the story, and is not counted.

Primes after digits (6'2", 12" screen) are not quotation marks and are not
counted. A doubled mark of both styles ("“It) is a typo that
``attributions.unbalanced-quotes`` reports; its marks are not counted either
(making the straight one curly would leave ““It). An embedded post (a tweet
with its "— Name (@handle) January 7, 2020" line, an Instagram "A post shared
by ...") is the poster's text, reproduced as posted: it is not counted.
"""

from __future__ import annotations

from newslint import rx as regex
from newslint.article.furniture import furniture_blocks
from newslint.kinds.base import CheckContext, Hit, Option, RuleKind

_MARKS = regex.compile(r"[\"'“”‘’]")
_CURLY = frozenset("“”‘’")
_OPENERS = frozenset(" \t\n\r\u00a0([{—–-/“‘")
_DOUBLES = {'"': "“”", "“": '"', "”": '"'}
#: the line an embedded post ends with: "— Jane Doe (@jdoe) January 7, 2020" (Twitter/X),
#: "A post shared by Jane Doe (@jdoe) on Jan 7, 2020 at 9:12am PST" (Instagram)
_POST_SIGNATURE = regex.compile(
    r"(?:^|\s)[—–-][ \t\u00a0]*[^\n()]{0,80}\(@\w{1,30}\)[ \t\u00a0]+\p{L}{3,9}\.?[ \t\u00a0]+\d{1,2},[ \t\u00a0]+\d{4}\s*$"
    r"|\bA[ \t]+post[ \t]+shared[ \t]+by[ \t]+[^\n()]{0,80}\(@[\w.]{1,30}\)",
)


def embedded_posts(blocks, search=_POST_SIGNATURE.search) -> set[int]:
    """Indices of the blocks that hold an embedded post: a block ending with the post's
    signature line, and the block right before a signature that stands alone (the post's text).
    ``search(text)`` finds the signature (a kind passes one with its timeout)."""
    found: set[int] = set()
    previous = None
    for block in blocks:
        text = block.text
        if "(@" in text:
            m = search(text)
            if m:
                found.add(block.index)
                if previous is not None and m.start() <= 1:
                    found.add(previous.index)  # the signature alone: the post's text is the block before
        previous = block
    return found


def _curly_for(text: str, i: int) -> str | None:
    """The curly mark a straight one at ``text[i]`` stands for, or None when unclear."""
    mark = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    opening = before == "" or before in _OPENERS
    if mark == '"':
        if before.isalpha() and after.isalpha():
            return None  # Britain"s: an apostrophe was meant (attributions.unbalanced-quotes says so)
        if opening and after and not after.isspace():
            return "“"
        if not opening:
            return "”"
        return None
    # apostrophe or single quote
    if before.isalpha() or before in ".,!?;:":
        return "’"  # don't, Hamas', 'word.'
    if opening and after.isdigit():
        return "’"  # '90s
    return None  # 'em or an opening single quote: an editor decides


class QuoteStyle(RuleKind):
    name = "quote-style"
    description = "Flags straight quotation marks and apostrophes in curly-quote copy, or the reverse."
    FIXABLE = True
    QUOTES_DEFAULT = True
    OPTIONS = {
        "max_per_article": Option("int", default=5, doc="report at most this many marks per article (0: all)"),
        "min_majority": Option("int", default=3, doc="judge only articles with at least this many marks of the main style"),
    }

    def setup(self, options):
        self.limit = options["max_per_article"]
        self.evidence = options["min_majority"]

    def check(self, ctx: CheckContext):
        # Counting the marks with str.count (primes included, furniture not left
        # out: upper bounds) settles most articles, one style or too few marks,
        # before the mark scan and the furniture search.
        curly = straight = 0
        for block in ctx.blocks():
            text = block.text
            curly += text.count("“") + text.count("”") + text.count("‘") + text.count("’")
            straight += text.count('"') + text.count("'")
        if not curly or not straight or max(curly, straight) < self.evidence:
            return
        marks: list[tuple] = []
        curly = straight = 0
        first_curly = None
        furniture = furniture_blocks(ctx.article)
        blocks = tuple(ctx.blocks())
        posts = embedded_posts(ctx.article.blocks, lambda text: ctx.search(_POST_SIGNATURE, text))
        for block in blocks:
            if block.index in furniture or block.index in posts:
                continue  # a newsletter box or copyright line comes from the page template; a post as posted
            text = block.text
            for m in ctx.finditer(_MARKS, text):
                i = m.start()
                char = text[i]
                other = _DOUBLES.get(char)
                if other and ((i > 0 and text[i - 1] in other) or (i + 1 < len(text) and text[i + 1] in other)):
                    continue  # "“It: a doubled mark (attributions.unbalanced-quotes), not a style
                if char in _CURLY:
                    curly += 1
                    if first_curly is None:
                        first_curly = len(marks)
                else:
                    if i > 0 and text[i - 1].isdigit():
                        continue  # a prime: 6'2", 12" screen
                    straight += 1
                marks.append((block, i, char))
        if not curly or not straight or max(curly, straight) < self.evidence:
            return
        straight_first = first_curly != 0
        if curly > straight or (curly == straight and not straight_first):
            flag_curly, winner, loser, won, lost = False, "curly", "straight", curly, straight
        else:
            flag_curly, winner, loser, won, lost = True, "straight", "curly", straight, curly
        reported = 0
        for block, i, char in marks:
            if (char in _CURLY) != flag_curly:
                continue
            if flag_curly:
                fix = '"' if char in "“”" else "'"
            else:
                fix = _curly_for(block.text, i)
            yield Hit(block, i, i + 1, suggestion=fix, replacement=fix,
                      args={"style": loser, "other": winner, "count": lost, "other_count": won})
            reported += 1
            if self.limit and reported >= self.limit:
                return
