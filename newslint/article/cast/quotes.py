"""Giving each quotation to the person who speaks it (after the people are known)."""

from __future__ import annotations

from newslint.article.cast.core import _buckets


class _Quotes:
    """Quotations to their speakers."""

    # -- finishing ---------------------------------------------------------------
    def attach_quotes(self):
        try:
            quotes = self.analysis.quotations
        except Exception:
            return
        spans = None  # (block, bucket) -> [(start, end, rank of the person in self.people)]
        # few mentions: a scan of them all per quotation costs less than an index
        scan = sum(len(p.mentions) for p in self.people) <= 256
        for i, q in enumerate(quotes):
            att = getattr(q, "attribution", None) or q
            s, e = getattr(att, "speaker_start", None), getattr(att, "speaker_end", None)
            b = getattr(att, "block", q.block)
            owner = None
            if s is not None and e is not None and scan:
                owner = next((p for p in self.people for m in p.mentions
                              if m.block == b and m.start < e and s < m.end), None)
            elif s is not None and e is not None:
                if spans is None:
                    spans = {}
                    for rank, p in enumerate(self.people):
                        for m in p.mentions:
                            for k in _buckets(m.start, m.end):
                                spans.setdefault((m.block, k), []).append((m.start, m.end, rank))
                # the first person (in self.people) with a mention overlapping the speaker
                ranks = [rank for k in _buckets(s, e) for ms, me, rank in spans.get((b, k), ()) if ms < e and s < me]
                owner = self.people[min(ranks)] if ranks else None
            if owner is None:
                speaker = getattr(att, "speaker", None)
                if isinstance(speaker, str) and speaker.strip():
                    words = speaker.strip().split()
                    cands = [p for p in self.people if p.surname.lower() == words[-1].lower()
                             or p.name.lower() == speaker.strip().lower()]
                    owner = cands[0] if len(cands) == 1 else None
            if owner is not None:
                owner.quotes.append(i)
