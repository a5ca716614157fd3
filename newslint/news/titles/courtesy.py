"""``courtesy-title``: Mr./Mrs./Ms. by profile."""

from __future__ import annotations

import re
from newslint import rx as regex
from newslint.kinds.base import CheckContext, Hit, Option, RuleKind
from newslint.news.titles.common import BODY_KINDS, ENFORCE, NAME_KINDS
from newslint.news.titles.abbreviations import _CAP_BEFORE

_COURTESY = regex.compile(r"(?<![\w.\-])(?P<t>Mr|Mrs|Ms|Mx|Miss)(?P<point>\.?)(?P<sp>[ \u00a0]+)(?=\p{Lu})")
_COURTESY_GATE = re.compile(r"M(?:[rsx]|iss)").search
_COUPLE = regex.compile(r"(?:Mr|Mrs|Ms|Dr)\.?[ \u00a0]+and[ \u00a0]+$")
#: a surname used as a modifier, not as a reference to the person ("the Blair government", "Trump-era")
_ATTRIBUTIVE_BEFORE = regex.compile(r"\b(?i:the|a|an)[ \u00a0]+$")
_ATTRIBUTIVE_AFTER = regex.compile(r"[\-–]\p{L}")


class CourtesyTitle(RuleKind):
    name = "courtesy-title"
    description = "Courtesy titles by house style: AP drops them; British style writes 'Mr' without a point."
    FIXABLE = True
    OPTIONS = {
        "style": Option("str", default="drop", choices=("drop", "no-point", "point"),
                        doc="drop (AP: no Mr./Ms.), no-point (British: 'Mr Smith'), point (NYT: 'Mr. Smith')"),
        "max_per_article": Option("int", default=1,
                                  doc="with style drop: findings per article (the first, with the count); 0 = all"),
        "enforce": ENFORCE,
    }

    def check(self, ctx: CheckContext):
        article = ctx.article
        analysis = article.analysis
        style = self.options["style"]
        limit = self.options["max_per_article"]
        consistent = self.options["enforce"] == "consistent"
        raw = []
        for block in ctx.blocks():
            text = block.text
            # every match holds "Mr" (also in "Mrs"), "Ms", "Mx" or "Miss": most blocks hold none,
            # and a literal search (the re module's) costs less than the pattern's scan
            if not _COURTESY_GATE(text):
                continue
            raw.extend((block, m) for m in ctx.finditer(_COURTESY, text))
        if not raw:
            return
        if consistent and style != "drop":
            # only a story that writes "Mr." and "Mr" can be reported: the filters below only
            # remove titles, so one form among all the matches settles it
            forms = {bool(m.group("point")) for _, m in raw if m.group("t") != "Miss"}
            if len(forms) < 2:
                return
        found = []  # (block, match, a couple) for each courtesy title before a person, outside quotations
        for block, m in raw:
            if analysis.in_quote(block, m.start(), m.end()):
                continue
            if m.group("t") == "Miss":
                who = analysis.cast.person_at(block.index, m.end(), m.end() + 1)
                if who is None or who[1].start != m.end():
                    continue  # "Miss America", "Miss Saigon"
            couple = bool(_COUPLE.search(block.text[max(0, m.start() - 12):m.start()]))
            found.append((block, m, couple))
        if not found:
            return
        # "Mr." and "Mr" ("Miss" takes no point in any style)
        pointed = sum(1 for _, m, _ in found if m.group("point") and m.group("t") != "Miss")
        plain = sum(1 for _, m, _ in found if not m.group("point") and m.group("t") != "Miss")
        mixed_points = pointed and plain
        if style == "drop":
            found = [(b, m) for b, m, couple in found if not couple]  # "Mr. and Mrs. Smith" names a couple
            if not found:
                return
            total = len(found)
            if not consistent:
                why = "No courtesy titles in news copy"
            elif mixed_points:
                why = (f"The story writes courtesy titles both with a full point ({pointed}) and without "
                       f"({plain}); the house style uses none")
            else:
                bare = self._bare_later(ctx)
                if not bare:
                    return  # courtesy titles used throughout: another recognised style, kept consistently
                why = (f"The story uses a courtesy title in some references ({total}) and the surname "
                       f"alone in later ones ({bare}); the house style uses none")
            for i, (block, m) in enumerate(found):
                if limit and i >= limit:
                    break
                title = m.group("t") + m.group("point")
                more = f" ({total} in this article)" if total > 1 and limit and not consistent else ""
                yield Hit(block, m.start(), m.end(), args={"title": title, "count": total}, suggestion="",
                          replacement="", message=f"{why}: drop \"{title}\" (use the surname alone){more}.")
            return
        if consistent and not mixed_points:
            return  # one form throughout: "Mr." (the New York Times) or "Mr" (British papers)
        mix = f"The story writes courtesy titles both with a full point ({pointed}) and without ({plain}); " \
            if consistent else ""
        for block, m, _ in found:
            t, point = m.group("t"), m.group("point")
            if style == "no-point" and point:
                what = f"no full point after a courtesy title" if mix else "No full point after a courtesy title"
                yield Hit(block, m.start("t"), m.end("point"), args={"title": t + point, "form": t},
                          suggestion=t, replacement=t,
                          message=f"{mix}{what}: \"{t}\", not \"{t}.\".")
            elif style == "point" and not point and t != "Miss":
                what = "a courtesy title takes a full point" if mix else "A courtesy title takes a full point"
                yield Hit(block, m.start("t"), m.end("t"), args={"title": t, "form": t + "."},
                          suggestion=t + ".", replacement=t + ".",
                          message=f"{mix}{what}: \"{t}.\".")

    @staticmethod
    def _bare_later(ctx: CheckContext) -> int:
        """Later references by the surname alone ("Smith said") to people the story also calls
        "Mr. Smith": a story that gives courtesy titles to some references and not others."""
        article = ctx.article
        scope = {b.index for b in ctx.blocks()}
        blocks = article.blocks
        bare = 0
        for person in article.analysis.cast.people:
            named = sorted((m for m in person.mentions if m.kind in NAME_KINDS and m.block in scope
                            and blocks[m.block].kind in BODY_KINDS), key=lambda m: (m.block, m.start))
            if not any(m.kind == "courtesy" and not m.quoted for m in named):
                continue
            for m in named[1:]:
                if m.kind != "surname" or m.quoted or m.title is not None:
                    continue
                text = blocks[m.block].text
                if _CAP_BEFORE.search(text, max(0, m.start - 30), m.start) \
                        or _ATTRIBUTIVE_BEFORE.search(text, max(0, m.start - 8), m.start) \
                        or _ATTRIBUTIVE_AFTER.match(text, m.end):
                    continue  # "Zoe Anderson" (a given name the cast did not know), "the Blair government"
                bare += 1
        return bare
