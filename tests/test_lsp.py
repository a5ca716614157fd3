"""The language server, for real: ``newslint lsp`` as a subprocess, spoken to
over stdio with a small JSON-RPC client (no mocks).

Round trip: initialize, didOpen, publishDiagnostics (UTF-16 positions after
astral characters), codeAction, apply the edit, didChange, diagnostics update;
hover shows the rule's doc; "fix all" fixes every fixable finding; the
document folder's config decides the rules; nothing is written to disk.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

HERE = Path(__file__).resolve().parent
PACK = HERE / "packs" / "fixable.yaml"


class Client:
    def __init__(self, cwd: Path):
        env = dict(os.environ, NO_COLOR="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "newslint", "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.inbox: queue.Queue = queue.Queue()
        self.seq = 0
        self.backlog: list[dict] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, value = line.split(":", 1)
                headers[key.lower()] = value.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"])).decode("utf-8")))

    def send(self, method, params, request=True):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.seq += 1
            msg["id"] = self.seq
        data = json.dumps(msg).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()
        return msg.get("id")

    def wait(self, pred, timeout=20.0):
        for i, msg in enumerate(self.backlog):
            if pred(msg):
                return self.backlog.pop(i)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                msg = self.inbox.get(timeout=0.2)
            except queue.Empty:
                continue
            if pred(msg):
                return msg
            self.backlog.append(msg)
        raise AssertionError(f"timed out; got {self.backlog[-5:]}")

    def request(self, method, params):
        rid = self.send(method, params)
        reply = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def diagnostics(self, uri, version):
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri and m["params"].get("version") == version)
        return msg["params"]["diagnostics"]

    def close(self):
        try:
            rid = self.send("shutdown", None)
            self.wait(lambda m: m.get("id") == rid, timeout=5)
            self.send("exit", None, request=False)
            self.proc.wait(timeout=5)
        except Exception:  # noqa: BLE001
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) the way an editor does."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(pos):
        before = "".join(lines[:pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, i = 0, 0
        while i < len(line) and units < pos["character"]:
            units += utf16(line[i])
            i += 1
        return len(before) + i

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        a, b = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:a] + edit["newText"] + text[b:]
        lines = text.splitlines(keepends=True) or [""]
    return text


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "newslint.yaml").write_text(f"packs: ['{PACK}']\nselect: [fixable]\n", encoding="utf-8")
    client = Client(tmp_path)
    client.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}})
    client.send("initialized", {}, request=False)
    yield tmp_path, client
    client.close()


def test_round_trip(workspace):
    folder, client = workspace
    path = folder / "draft.md"
    uri = path.as_uri()
    line0 = "The 🗳️ vote 𝒳 was alright, arguably.\r\n"
    text = line0 + "The govt said so.\n"
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                          "text": text}}, request=False)
    diags = client.diagnostics(uri, 1)
    by_code = {d["code"]: d for d in diags}
    assert set(by_code) == {"fixable.spelling", "fixable.hedge", "fixable.growth"}
    spelling = by_code["fixable.spelling"]
    # positions are UTF-16 code units: the emoji and the math letter count double
    start = utf16(line0[:line0.index("alright")])
    assert start == line0.index("alright") + 2
    assert spelling["range"] == {"start": {"line": 0, "character": start},
                                 "end": {"line": 0, "character": start + len("alright")}}
    assert spelling["severity"] == 2 and spelling["source"] == "newslint"
    assert by_code["fixable.hedge"]["severity"] == 1
    assert by_code["fixable.growth"]["range"]["start"] == {"line": 1, "character": 4}

    # hover on the diagnostic shows the rule's doc
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 0, "character": start + 2}})
    assert "fixable.spelling" in hover["contents"]["value"]
    assert "A spelling or wording the house style replaces." in hover["contents"]["value"]

    # a quick fix for the finding, then apply it like an editor would
    actions = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": spelling["range"],
                                                         "context": {"diagnostics": [spelling]}})
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1 and "all right" in quick[0]["title"]
    fixed = apply_edits(text, quick[0]["edit"]["changes"][uri])
    assert fixed == text.replace("alright", "all right")
    fix_all = [a for a in actions if a["kind"] == "source.fixAll.newslint"]
    assert len(fix_all) == 1

    client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                           "contentChanges": [{"text": fixed}]}, request=False)
    diags = client.diagnostics(uri, 2)
    assert {d["code"] for d in diags} == {"fixable.hedge", "fixable.growth"}

    # fix all: every fixable finding at once, as one edit
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert [a["kind"] for a in actions] == ["source.fixAll.newslint"]
    final = apply_edits(fixed, actions[0]["edit"]["changes"][uri])
    assert final == "The 🗳️ vote 𝒳 was all right, arguably.\r\nThe government said so.\n"

    # an incremental change (a range edit) is linted too, after the debounce
    client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 0}}, "text": "Towards noon. "}]},
        request=False)
    diags = client.diagnostics(uri, 3)
    assert any(d["code"] == "fixable.spelling" and d["range"]["start"] == {"line": 1, "character": 0} for d in diags)
    # the server wrote nothing
    assert not path.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["newslint.yaml"]


def test_changes_are_debounced(workspace):
    folder, client = workspace
    uri = (folder / "typing.txt").as_uri()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                          "text": "A"}}, request=False)
    assert client.diagnostics(uri, 1) == []
    text = "A"
    for version, ch in enumerate(" colour", start=2):
        text += ch
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]}, request=False)
    last = 1 + len(" colour")
    diags = client.diagnostics(uri, last)
    assert not [m for m in client.backlog if m.get("method") == "textDocument/publishDiagnostics"]
    assert [d["code"] for d in diags] == ["fixable.spelling"]
    time.sleep(0.5)
    while not client.inbox.empty():
        client.backlog.append(client.inbox.get())
    published = [m["params"]["version"] for m in client.backlog if m.get("method") == "textDocument/publishDiagnostics"]
    # keystrokes in quick succession produce one lint (of the last version), not one per keystroke
    assert published == []


def test_config_of_the_documents_folder(workspace):
    folder, client = workspace
    other = folder / "desk"
    other.mkdir()
    (other / "newslint.yaml").write_text(f"packs: ['{PACK}']\nselect: [fixable.hedge]\n", encoding="utf-8")
    text = "It was arguably alright.\n"
    here, there = (folder / "a.txt").as_uri(), (other / "b.txt").as_uri()
    for uri in (here, there):
        client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                              "text": text}}, request=False)
    assert {d["code"] for d in client.diagnostics(here, 1)} == {"fixable.hedge", "fixable.spelling"}
    assert {d["code"] for d in client.diagnostics(there, 1)} == {"fixable.hedge"}


def test_position_map_round_trips_astral_characters():
    from lsprotocol.types import Position, PositionEncodingKind

    from newslint.lsp import PositionMap

    text = "a🗳️b\r\n𝒳y\rz\n"
    for encoding, expected in ((PositionEncodingKind.Utf16, 4), (PositionEncodingKind.Utf32, 3),
                               (PositionEncodingKind.Utf8, 8)):
        pm = PositionMap(text, encoding)
        assert pm.position(text.index("b")) == Position(line=0, character=expected)
        assert pm.position(text.index("y")) == Position(line=1, character={"utf-16": 2, "utf-32": 1,
                                                                           "utf-8": 4}[encoding])
        assert pm.position(text.index("z")) == Position(line=2, character=0)
        for offset in range(len(text) + 1):
            if text[offset - 1:offset + 1] == "\r\n":
                continue  # between CR and LF is not a position an editor can name
            assert pm.offset(pm.position(offset)) == offset
