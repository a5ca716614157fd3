"""``build_cast``: the ``_Builder`` composed of the stage mixins, the build order and
the finishing (ids, reading order).
"""

from __future__ import annotations

from collections import Counter

from newslint.article.cast.model import Cast
from newslint.article.cast.names import _known_slug, _slug
from newslint.article.cast.core import _BuilderCore
from newslint.article.cast.people import _People
from newslint.article.cast.title_refs import _TitleRefs
from newslint.article.cast.pronouns import _Pronouns
from newslint.article.cast.quotes import _Quotes


# ---------------------------------------------------------------------------
# Building the cast
# ---------------------------------------------------------------------------

class _Builder(_People, _TitleRefs, _Pronouns, _Quotes, _BuilderCore):
    def finish(self):
        order = {b.index: i for i, b in enumerate(self.article.blocks)}
        body_kinds = ("body", "dek", "caption")
        seen_ids: Counter = Counter()
        mentioned = []
        for p in self.people:
            p.mentions.sort(key=lambda m: (order[m.block], m.start))
            if not p.mentions:
                continue
            body = [m for m in p.mentions if self.article.blocks[m.block].kind in body_kinds
                    and m.kind != "pronoun"]
            p._first = body[0] if body else p.mentions[0]
            mentioned.append(p)
        mentioned.sort(key=lambda p: (order[p._first.block], p._first.start))
        for p in mentioned + [k for k in self.cast.known if not k.mentions]:
            base = _known_slug(p.name) if p.known else _slug(p.name)
            seen_ids[base] += 1
            p.id = base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}"
            if len(p.titles) < 2:
                continue  # (already in order and without duplicates)
            # titles in reading order, without duplicates of the same text
            uniq, keys = [], set()
            for t in sorted(p.titles, key=lambda t: (t.block is None, order.get(t.block, 0), t.start)):
                key = (t.text.lower(), t.position, t.block, t.start)
                if key not in keys:
                    keys.add(key)
                    uniq.append(t)
            p.titles = uniq
        self.cast.people = mentioned
        self.cast.unlinked_pronouns.sort(key=lambda m: (order[m.block], m.start))
        self.cast.title_refs.sort(key=lambda r: (order[r.block], r.start))

    def build(self) -> Cast:
        self.collect_speakers()
        self.seed_known()
        for block in self.blocks:
            if block.kind == "headline":
                continue
            self.find_titled(block)
        for block in self.blocks:
            if block.kind == "headline":
                continue
            self.find_runs(block)
        self.cands.sort(key=lambda c: (c.block, c.start))
        self.resolve_candidates()
        self.link_names()
        self.find_title_refs()
        self.link_pronouns()
        self.attach_quotes()
        self.finish()
        return self.cast


def build_cast(article) -> Cast:
    """The cast of an article (use ``article.analysis.cast``: it is built once and shared)."""
    return _Builder(article).build()
