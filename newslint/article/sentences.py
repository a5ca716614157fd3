"""Sentence splitting (placeholder: replaced by the full splitter)."""

import regex

_END = regex.compile(r"[.!?]['\"”’)]*\s+(?=[\"“‘'(]?\p{Lu})")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _END.finditer(text):
        spans.append((start, m.end() - len(m.group()) + len(m.group().rstrip())))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans
