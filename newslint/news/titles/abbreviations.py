"""``title-abbreviation``: AP's abbreviated titles, or British style without a full point."""

from __future__ import annotations

from collections import Counter
from newslint import rx as regex
from newslint.cache import longest_first as _longest_first
from newslint.kinds.base import CheckContext, Hit, Option, RuleKind, per_article, word_gate
from newslint.news.titles.common import ENFORCE, before_names, sentence_span, title_case_line

AP_ABBREVIATIONS = {
    "Governor": "Gov.", "Lieutenant Governor": "Lt. Gov.", "Senator": "Sen.", "Representative": "Rep.",
    "Doctor": "Dr.", "Reverend": "the Rev.", "General": "Gen.", "Lieutenant General": "Lt. Gen.",
    "Major General": "Maj. Gen.", "Brigadier General": "Brig. Gen.", "Colonel": "Col.",
    "Lieutenant Colonel": "Lt. Col.", "Sergeant": "Sgt.", "Admiral": "Adm.", "Commander": "Cmdr.",
    "Lieutenant": "Lt.",
}
#: the name goes on after the match: a longer word, "&", or past a reporter's bracket
#: ("(Brazilian Finance Minister Dilson) Funaro": the quote named him "Dilson", the writer's insert is cut)
_NAME_GOES_ON = regex.compile(r"[&\w]|[)\]][ \u00a0]+\p{Lu}")
#: "Title Surname" naming a work or an era, not the person: "the Judge Dredd film", "the President
#: Obama administration"
_NAME_AS_MODIFIER = regex.compile(r"[ \u00a0]+(?:film|films|movie|movies|series|soundtrack|book|books|novel|"
                                  r"show|comic|comics|character|game|administration|era|years)\b")
_CAP_BEFORE = regex.compile(r"\p{Lu}[\p{L}.'’\-]*[ \u00a0]+$")
#: abbreviations that take a full point in AP style ("Dr." not "Dr")
_POINTED = frozenset(("Gov", "Sen", "Rep", "Gen", "Col", "Sgt", "Adm", "Cmdr", "Lt. Gov", "Lt. Gen", "Lt. Col",
                      "Maj. Gen", "Brig. Gen", "Dr", "Rev"))


def _abbreviation_key(form: str) -> str:
    """The abbreviation a title is written as, without "the" and the final point ("the Rev." -> "Rev")."""
    form = form.strip()
    if form.lower().startswith("the "):
        form = form[4:]
    return form.rstrip(".")


_ABBR_FORMS = ("Gov", "Lt. Gov", "Sen", "Rep", "Dr", "Rev", "Gen", "Lt. Gen", "Maj. Gen", "Brig. Gen", "Col",
               "Lt. Col", "Sgt", "Capt", "Adm", "Cmdr", "Maj", "Lt", "Prof")


class TitleAbbreviation(RuleKind):
    name = "title-abbreviation"
    description = "AP's abbreviated titles before a full name (Gov., Sen., the Rev.) and their full points."
    FIXABLE = True
    OPTIONS = {
        "abbreviate": Option("map[str,str]", default=dict(AP_ABBREVIATIONS),
                             doc="full title -> abbreviation used before a full name ({} to keep titles whole)"),
        "points": Option("bool", default=True, doc="abbreviations take a full point (AP 'Dr.'; British 'Dr')"),
        "the_rev": Option("bool", default=True, doc="'Rev.' before a name takes 'the' ('the Rev. Bill Graham')"),
        "max_per_article": Option("int", default=1,
                                  doc="report the first N titles of an article, with the count (0: all)"),
        "enforce": ENFORCE,
    }

    def setup(self, options):
        full = sorted(options["abbreviate"], key=_longest_first)
        alt = "|".join(regex.escape(f).replace(r"\ ", " ") for f in full)
        abbr = "|".join(regex.escape(a).replace(r"\ ", " ") for a in sorted(_ABBR_FORMS, key=_longest_first))
        parts = [rf"(?P<abbr>{abbr})(?P<point>\.?)"]
        if full:
            parts.insert(0, rf"(?P<full>{alt})")
        self.pattern = regex.compile(r"(?<![\w.\-])(?P<the>(?i:the)[ \u00a0]+)?(?:" + "|".join(parts)
                                     + r")[ \u00a0]+(?=\p{Lu})")
        # every match starts with a title's first word, a whole run of letters: most
        # blocks have none, and a set test costs less than the pattern's scan
        self.firsts = word_gate([*full, *_ABBR_FORMS])

    def check(self, ctx: CheckContext):
        # "Governor Jay Inslee", "Dr Tony Holohan": the writer's (or the feed's) form for every
        # title of the story; the first one, with the count, says it
        for hit in per_article(list(self._hits(ctx)), self.options["max_per_article"]):
            if hit.args["more"]:
                hit.message = hit.message[:-1] + hit.args["more"] + "."
            yield hit

    def _hits(self, ctx: CheckContext):
        analysis = ctx.article.analysis
        options = self.options
        consistent = options["enforce"] == "consistent"
        points = options["points"]
        # every title before a person's name (full or surname): the story's forms are counted
        # there, its findings are judged before full names only
        uses = []
        written = Counter()  # abbreviation ("Gov") -> titles written out before a name ("Governor")
        short = Counter()  # abbreviation -> the abbreviation before a name ("Gov. Inslee")
        dots = Counter()  # abbreviations with a full point (True) and without (False)
        for block, m, mention in before_names(ctx, self.pattern, self.firsts, ("full", "surname")):
            text = block.text
            full = m.groupdict().get("full")
            if full:
                if title_case_line(text, *sentence_span(analysis, block, m.start())):
                    continue
                if _CAP_BEFORE.search(text, max(0, m.start() - 30), m.start()) and not m.group("the") \
                        and full.split()[0] in ("General", "Commander", "Lieutenant", "Representative"):
                    continue  # "Attorney General Letitia James", "Supreme Allied Commander", "Trade Representative"
                written[_abbreviation_key(options["abbreviate"][full])] += 1
            else:
                abbr = m.group("abbr")
                short[abbr] += 1
                if (abbr in _POINTED) if points else "." not in abbr:
                    dots[bool(m.group("point"))] += 1
            if mention.kind == "full":
                uses.append((block, m))
        for block, m in uses:
            if m.groupdict().get("full"):
                full = m.group("full")
                repl = options["abbreviate"][full]
                key = _abbreviation_key(repl)
                if consistent and not short[key]:
                    continue  # the title written out throughout: another recognised style
                if not points:
                    repl = repl.replace(".", "")
                start = m.start("full")
                if repl.lower().startswith("the ") and m.group("the"):
                    repl = repl[4:]
                elif repl.lower().startswith("the ") and self._sentence_start(analysis, block, start):
                    repl = "The " + repl[4:]
                what = f"bbreviate the title before a full name: \"{repl}\", not \"{full}\"."
                if consistent:
                    what = (f"The story writes \"{full}\" ({written[key]}) and \"{key}{'.' if points else ''}\" "
                            f"({short[key]}) before names; a{what}")
                else:
                    what = "A" + what
                yield Hit(block, start, m.end("full"), args={"title": full, "form": repl}, suggestion=repl,
                          replacement=repl, message=what)
                continue
            abbr, point = m.group("abbr"), m.group("point")
            if abbr == "Rev" and options["the_rev"] and not m.group("the"):
                # every guide that abbreviates it writes "the Rev.": not a house-style choice
                form = "Rev." if points else "Rev"
                repl = ("The " if self._sentence_start(analysis, block, m.start("abbr")) else "the ") + form
                yield Hit(block, m.start("abbr"), m.end("point"), args={"title": abbr + point, "form": repl},
                          suggestion=repl, replacement=repl,
                          message=f"\"Rev.\" before a name takes \"the\": \"{repl}\".")
                continue
            mix = ""
            if consistent:
                if not (dots[True] and dots[False]):
                    continue  # "Dr Tony Holohan" and never "Dr.": one recognised style throughout
                mix = (f"The story writes abbreviated titles both with a full point ({dots[True]}) and "
                       f"without ({dots[False]}); ")
            if points and not point and abbr in _POINTED:
                what = "the abbreviated title takes a full point" if mix else \
                    "The abbreviated title takes a full point"
                yield Hit(block, m.start("abbr"), m.end("abbr"), args={"title": abbr, "form": abbr + "."},
                          suggestion=abbr + ".", replacement=abbr + ".",
                          message=f"{mix}{what}: \"{abbr}.\".")
            elif not points and point and "." not in abbr:
                what = "no full point after an abbreviated title" if mix else \
                    "No full point after an abbreviated title"
                yield Hit(block, m.start("abbr"), m.end("point"), args={"title": abbr + point, "form": abbr},
                          suggestion=abbr, replacement=abbr,
                          message=f"{mix}{what}: \"{abbr}\", not \"{abbr}.\".")

    @staticmethod
    def _sentence_start(analysis, block, pos) -> bool:
        s, _ = sentence_span(analysis, block, pos)
        return not block.text[s:pos].strip(" \u00a0“\"‘'(—–-")
