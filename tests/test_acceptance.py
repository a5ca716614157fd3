"""The example article's bar: every must item, >= 70 % of should items, no
false alarms, at most 45 findings. Same scoring as ../shared/tools/acceptance.py,
run through the real CLI so the JSON contract is exercised too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli

EXPECT_DIR = ROOT / "tests" / "acceptance"


def spans(text, entry):
    wanted = entry.get("any_of") or [entry["text"]]
    result = []
    for piece in wanted:
        found, start = [], text.find(piece)
        while start != -1:
            found.append((start, start + len(piece)))
            start = text.find(piece, start + 1)
        assert found, f"expectation text not in document: {piece!r}"
        if "occurrence" in entry:
            found = [found[entry["occurrence"] - 1]]
        result.extend(found)
    return result


def hits(findings, packs, span_list):
    out = []
    for f in findings:
        if f["pack"] not in packs:
            continue
        start, end = f["offset"], f["offset"] + max(f["length"], 1)
        if any(start < e and s < end for s, e in span_list):
            out.append(f)
    return out


@pytest.mark.parametrize("expect", sorted(EXPECT_DIR.glob("*.expect.yaml")), ids=lambda p: p.name)
def test_acceptance(expect: Path, tmp_path):
    spec = yaml.safe_load(expect.read_text(encoding="utf-8"))
    doc = expect.parent / spec["document"]
    text = doc.read_text(encoding="utf-8-sig")
    proc = run_cli("--no-config", "--format", "json", doc, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    findings = [f for entry in json.loads(proc.stdout)["files"] for f in entry["findings"]]

    missed_must = [e["id"] for e in spec.get("must", []) if not hits(findings, e["packs"], spans(text, e))]
    should = spec.get("should", [])
    found_should = [e["id"] for e in should if hits(findings, e["packs"], spans(text, e))]
    false_alarms = [
        f"{f['rule']} on {text[f['offset']:f['offset'] + max(f['length'], 1)]!r}"
        for e in spec.get("must_not", []) for f in hits(findings, e["packs"], spans(text, e))
    ]
    assert not missed_must, f"missed must items: {missed_must}"
    assert not false_alarms, f"false alarms: {false_alarms}"
    ratio = len(found_should) / len(should) if should else 1.0
    assert ratio >= spec.get("should_ratio", 0.7), f"should {found_should} ({ratio:.0%})"
    assert len(findings) <= spec.get("max_findings", 10**9), f"{len(findings)} findings"
