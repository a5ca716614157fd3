"""``render_cast``: the editor's table of the cast (``newslint cast FILE``)."""

from __future__ import annotations

from collections import Counter

from newslint.article.cast.model import _where


# ---------------------------------------------------------------------------
# The editor's table
# ---------------------------------------------------------------------------

_KIND_LABELS = (("full", "full"), ("surname", "surname"), ("title", "title"), ("pronoun", "pronoun"),
                ("courtesy", "Mr./Ms."), ("first-name", "first name"))


def render_cast(article) -> str:
    """A who's who of the article for editors: titles, first reference, mentions, pronouns, quotes."""
    cast = article.analysis.cast
    if not cast.people and not cast.title_refs:
        return "(no people found)"
    lines = []
    for n, p in enumerate(cast.people, 1):
        lines.append(f"{n}. {p.name}" + ("  [known]" if p.known else ""))
        if p.titles:
            shown = dict.fromkeys(f"{t.text} ({t.position}{', descriptor' if not t.formal else ''})" for t in p.titles)
            lines.append("   titles:   " + "; ".join(shown))
        if p.first is not None:
            w = _where(article, p.first.block, p.first.start, p.first.end)
            written = p.first.text
            if p.first.title is not None and p.first.title.position == "before":
                b = article.blocks[p.first.block]
                written = b.text[p.first.title.start:p.first.end]
            lines.append(f"   first:    {w['line']}:{w['column']}  \"{written}\"  ({p.first.kind})")
        counts = p.mention_counts()
        lines.append("   mentions: " + ", ".join(f"{label} {counts[k]}" for k, label in _KIND_LABELS if counts[k]))
        if p.pronouns:
            ev = Counter(m.evidence for m in p.mentions if m.kind == "pronoun")
            lines.append("   pronouns: " + ", ".join(f"{k} {v}" for k, v in p.pronouns.most_common())
                         + "  (" + ", ".join(f"{k} {v}" for k, v in ev.most_common()) + ")")
        if p.quotes:
            lines.append(f"   quotes:   {len(p.quotes)} (#" + ", #".join(str(i + 1) for i in p.quotes) + ")")
    if cast.title_refs:
        lines.append("")
        lines.append("Title-only references:")
        for r in cast.title_refs:
            w = _where(article, r.block, r.start, r.end)
            if r.person is not None:
                who = f"-> {r.person.name}"
            elif r.candidates:
                who = "ambiguous: " + ", ".join(p.name for p in r.candidates)
            else:
                who = "nobody in the story holds this title"
            lines.append(f"  {w['line']}:{w['column']}  \"{r.text}\"  {who}")
    if cast.unlinked_pronouns:
        he_she = [m for m in cast.unlinked_pronouns if m.pronoun in ("he", "she") and not m.quoted]
        if he_she:
            lines.append("")
            lines.append(f"Pronouns not linked to anyone: {len(he_she)} (he/she outside quotations)")
    return "\n".join(lines)
