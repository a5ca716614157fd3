"""Page furniture: the notices and link lines a scraped or exported page carries.

Copyright lines, newsletter and subscription pitches, cookie notices, sponsor
and donation appeals, advertising disclosures, "This article originally
appeared on ...", "Read more:"/"Related"/"Tags:" link lines and excerpts of
other stories cut off with "[…]" are not the story's prose, and neither are
the short lines of a newsletter box between two such notices. A linter that reads them reports their serial commas, their straight
apostrophes and their repetitions (the same notice printed three times) as
if a reporter had written them. This module decides, once per article, which
blocks are furniture; the engine drops every rule's findings in them and
rules that tally the whole article (quote style, serial-comma consistency,
repeated sentences) leave them out of the count.

Quiet by design: only markers that ordinary news prose does not use
("©", "all rights reserved", "sign up for our newsletter", "we use
cookies"), and link-line openers only on short blocks. A real paragraph
about a copyright lawsuit or a newsletter keeps its findings.
"""

from __future__ import annotations

from newslint import rx as regex

#: markers that make a block (or sentence) furniture wherever they stand
_NOTICE = regex.compile(
    r"©|\b(?:all|some)\s+rights\s+reserved\b"
    r"|^copyright\s+(?:©\s*)?(?:\d{4}|(?-i:\p{Lu}))"
    r"|\bmay\s+not\s+be\s+(?:re)?(?:published|produced|distributed|printed)\b"
    r"|\bmaterial\s+may\s+not\s+be\b"
    # newsletters and subscriptions
    r"|\b(?:sign(?:ing)?|signs)\s+up\s+(?:for|to)\s+(?:our|the|a|this)?\s*(?:free\s+)?(?:\w+\s+){0,3}?newsletters?\b"
    r"|\b(?:our|free|daily|weekly|email|e-mail)\s+(?:\w+\s+)?newsletters?\b(?=.{0,80}$)"
    r"|\bsign\s+up\s+(?:here|now|today)\b|\bfree\s+sign\s+up\b|\bthanks?\s+(?:you\s+)?for\s+(?:subscribing|signing\s+up)\b"
    r"|\b(?:please\s+)?subscribe\s+(?:now|today|here)\b|^subscribe\b|\bunsubscribe\b"
    r"|\balready\s+a\s+(?:subscriber|member)\b|\b(?:annual|premium|digital)\s+subscription\b"
    r"|\bstart\s+your\s+(?:\w+\s+){0,3}subscription\b|\bdelivered\s+(?:right\s+)?to\s+your\s+inbox\b"
    r"|\bwas\s+this\s+email\s+forwarded\b|\bby\s+email\s+and\s+never\s+miss\b"
    r"|\bnever\s+miss\s+(?:the|our|a)\s+(?:latest|top|breaking)?\s*(?:news|stories|story|updates?)\b"
    # forms, comments, letters
    r"|\b(?:we(?:'|’)ve|we\s+have)\s+received\s+your\s+(?:submission|message|application)\b"
    r"|\bthanks?\s+(?:you\s+)?for\s+contacting\s+us\b|\bsubmit\s+your\s+letter\b"
    r"|\bwe\s+reserve\s+the\s+right\s+(?:at\s+all\s+times\s+)?to\s+(?:remove|delete|edit)\b"
    r"|\bcomments?\s+(?:threads?|community)\b.{0,80}\bsubscri"
    # cookies and policies
    r"|\b(?:we|website|site)\s+(?:is\s+|are\s+)?(?:uses?|using)\s+cookies\b|\bcookies?\s+(?:policy|settings|information)\b"
    r"|\b(?:disable|enable|accept)\s+(?:this\s+|all\s+)?cookies?\b|\buses\s+cookies\s+and\b"
    r"|\bPrivacy\s+Policy\s*\||\|\s*Terms\s+of\s+(?:Use|Service)\b|\bdata\s+protection\s+declaration\b"
    # sponsors, donations, advertising
    r"|\bis\s+(?:funded|supported)\s+by\s+(?:sponsors|readers|members|donations|listeners|foundations)\b"
    r"|\bsupport\s+(?:local|independent|our|quality)\W+(?:\w+\W+)?journalism\b"
    r"|\b(?:donate|contribute)\s+(?:now|today)\b|\bmake\s+(?:a|your)\s+(?:contribution|donation)\s+(?:now|today)\b"
    r"|\bwebsite\s+is\s+sponsored\s+by\b|\badvertising\s+(?:disclosure|disclaimer)\b|^advertising\s+opportunit"
    r"|\baffiliate\s+(?:advertising|links?|program)\b|\bAmazon\s+(?:Services\s+LLC\s+)?Associates?\b"
    r"|\bwe\s+may\s+receive\s+(?:compensation|a\s+commission)\b"
    r"|\bnot\s+responsible\s+for\s+the\s+(?:opinions|content)\b|\bCreative\s+Commons\s+licen[cs]e\b"
    r"|\btheme\s+(?:designed|developed)\b|\bcopyrighted\s+property\b|\bwritten\s+permission\s+must\b"
    r"|\b(?:reprinted|used)\s+(?:by|with)\s+permission\s+of\b"
    # syndication notes
    r"|^this\s+(?:article|story|post|piece)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published)\b",
    regex.IGNORECASE | regex.DOTALL,
)

#: openers of link lines and labels, furniture only in a short block
_LINK_LINE = regex.compile(
    r"^(?:read\s+more|related(?:\s+(?:coverage|stories|articles|content|links|topics))?|also\s+read"
    r"|recommended(?:\s+for\s+you)?|more\s+from|see\s+also|advertisement|sponsored(?:\s+content)?|advertise"
    r"|follow\s+us|share\s+this|watch|listen|most\s+(?:read|popular)|trending"
    r"|more\s+(?:news|stories)|tags|tagged|topics|filed\s+under)\b\s*(?:[:|\n]|$)",
    regex.IGNORECASE,
)
#: a heading that opens the list of other stories under a page's article ("More news", "Most read"):
#: what follows it is teasers, not the story (used by rules comparing the story with itself)
_SECTION_END = regex.compile(
    r"^(?:more\s+(?:news|stories|on\s+this\s+(?:story|topic)|from\b[^\n]{0,40})|most\s+(?:read|popular|viewed|shared)"
    r"|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like|read\s+next|up\s+next|top\s+stories"
    r"|trending(?:\s+now)?)\s*:?\s*$",
    regex.IGNORECASE,
)
#: an excerpt of another story cut off by the site: "... it would probably be […]", "... […] READ THE REST"
_EXCERPT_END = regex.compile(r"\[\s*(?:…|\.{3})\s*\]\s*(?:(?:read|see)\s+(?:the\s+rest|more)|continue\s+reading)?\s*\Z",
                             regex.IGNORECASE)
#: every alternative of _NOTICE contains one of these (lower case, single spaces): a substring test
#: each, in C, spares most story paragraphs the big case-insensitive search (three times faster
#: than one alternation of them searched by ``re``)
_GATE_WORDS = (
    "©", "rights reserved", "copyright", "may not be", "newsletter", "sign up", "signing up", "subscri",
    "already a", "inbox", "email", "never miss", "received your", "contacting us", "submit your letter",
    "reserve the right", "cookie", "privacy policy", "terms of", "data protection", "funded by",
    "supported by", "journalism", "donate", "contribute", "contribution", "donation", "sponsored by",
    "advertising", "affiliate", "associate", "may receive", "not responsible", "creative commons", "theme",
    "written permission", "permission", "originally", "first appeared", "first published")
_LINK_LINE_WORDS = 25
#: a notice longer than this is a story paragraph that happens to quote one
_MAX_WORDS = 120


def _link_line(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) <= _LINK_LINE_WORDS and _LINK_LINE.match(stripped) is not None


def is_section_end(text: str) -> bool:
    """True when ``text`` is a bare heading over a list of other stories ("More news", "Most read")."""
    stripped = text.strip()
    return len(stripped) <= 60 and _SECTION_END.match(stripped) is not None


def is_furniture(text: str) -> bool:
    """True when ``text`` (a block's prose or a sentence) is page furniture, not story prose."""
    stripped = text.strip()
    if not stripped:
        return False
    if "[" in stripped[-40:] and _EXCERPT_END.search(stripped):
        return True  # another story's excerpt, cut off with a bracketed ellipsis
    parts = stripped.split()
    words = len(parts)
    if words > _MAX_WORDS:
        return False
    if words <= _LINK_LINE_WORDS and _LINK_LINE.match(stripped):
        return True
    low = " ".join(parts).lower()
    if not any(word in low for word in _GATE_WORDS):
        return False
    return _NOTICE.search(stripped) is not None


def furniture_blocks(article) -> frozenset[int]:
    """Indexes of the article's furniture blocks: body and dek notices and link lines, captions
    that are link lines ("Related" teasers; a caption's "©" credit is handled as a credit), never
    the headline.

    Computed once per article and cached on its analysis.
    """
    analysis = article.analysis
    cached = getattr(analysis, "_furniture_blocks", None)
    if cached is None:
        found = {b.index for b in article.blocks if b.kind != "headline" and (
            _link_line(b.text) if b.kind == "caption" else is_furniture(b.text))}
        if len(found) > 1:
            found |= _boxed(article, found)
        cached = frozenset(found)
        analysis._furniture_blocks = cached
    return cached


#: at most this many short blocks between two notices are part of the same box
_BOX_BLOCKS = 2
_BOX_WORDS = 30


def _boxed(article, found: set[int]) -> set[int]:
    """Short body blocks between two notices: the rest of a newsletter or subscription box
    ("Sign up for our newsletter!" / "Simply pop your email into the box ..." / "You can
    unsubscribe at any time"). Link lines ("Advertisement", "Read more") do not bound a box:
    a story paragraph often stands between two of them."""
    prose = [b for b in article.blocks if b.kind in ("body", "dek")]
    notices = [i for i, b in enumerate(prose) if b.index in found and not _link_line(b.text)]
    boxed = set()
    for a, b in zip(notices, notices[1:]):
        inside = prose[a + 1:b]
        if 0 < len(inside) <= _BOX_BLOCKS and all(len(x.text.split()) <= _BOX_WORDS for x in inside):
            boxed.update(x.index for x in inside)
    return boxed
