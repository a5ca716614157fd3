"""The example plugin (examples/newslint-house-style) installed for real into a
temporary virtual environment: found through its entry point, listed by
``newslint plugins``, its pack, kind, enrichment and reporter used by a lint
run, turned off by --no-plugins and NEWSLINT_DISABLE_PLUGINS, and its own
newslint.testing suite green."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "newslint-house-style"
STORY = """\
Mayor slams council over ferry cuts

Harold Finch told the Daily Ledger on Monday that the ferry would stop running in March. He said the \
council's healthcare plan left no money for boats.

Executive Editor Miriam Okafor said the paper would publish the budget in full. She said readers had asked for it.
"""


def _pip_install(python: str, path) -> subprocess.CompletedProcess:
    """``pip install --no-deps``; without build isolation when the build backend can build
    wheels offline (setuptools >= 70.1 or the wheel package), else with it."""
    probe = ("import setuptools, importlib.util as u; v = tuple(int(x) for x in setuptools.__version__.split('.')[:2]);"
             "print(v >= (70, 1) or u.find_spec('wheel') is not None)")
    offline = subprocess.run([python, "-c", probe], capture_output=True, text=True).stdout.strip() == "True"
    cmd = [python, "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check"]
    cmd += ["--no-build-isolation"] if offline else []
    return subprocess.run([*cmd, str(path)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A venv that sees this newslint and its dependencies with the example plugin installed.

    A venv's "system site-packages" are the base interpreter's, not those of the (virtual)
    environment running the tests, so a ``.pth`` file adds this environment's site-packages (the
    newslint under test, pluggy, regex, PyYAML; its own ``.pth`` files too, as an editable install
    needs) to the new venv's path, after its own."""
    home = tmp_path_factory.mktemp("ledger-venv")
    venv.create(home / "venv", system_site_packages=True, with_pip=True)
    python = str(home / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python")
    own = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    parent = [p for p in site.getsitepackages() if os.path.isdir(p)]
    (Path(own) / "newslint-under-test.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in parent), encoding="utf-8")
    proc = _pip_install(python, EXAMPLE)
    if proc.returncode != 0 and ("No matching distribution" in proc.stderr or "Could not find" in proc.stderr):
        pytest.skip(f"no build backend available offline: {proc.stderr.strip().splitlines()[-1]}")
    assert proc.returncode == 0, proc.stderr
    check = subprocess.run([python, "-c", "import newslint, sys; print(newslint.__file__)"], capture_output=True,
                           text=True)
    assert check.stdout.strip().startswith(str(ROOT)), "the venv must use the newslint under test"
    work = home / "work"
    work.mkdir()
    (work / "story.txt").write_text(STORY, encoding="utf-8")
    return python, work


def run(env, *args, extra_env=None, cwd=None):
    python, work = env
    full = dict(os.environ, NO_COLOR="1")
    full.pop("NEWSLINT_DISABLE_PLUGINS", None)
    full.update(extra_env or {})
    return subprocess.run([python, "-m", "newslint", *args], cwd=cwd or work, capture_output=True, text=True,
                          env=full, timeout=300, encoding="utf-8")


def test_listed_by_newslint_plugins(env):
    proc = run(env, "plugins")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    at = lines.index("ledger 1.0.0 (entry point of newslint-house-style)")
    block = lines[at + 1:at + 4]
    assert block[0] == "  kinds: ledger-staff-title"
    assert block[1].startswith("  packs: ") and block[1].endswith(os.path.join("newslint_house_style", "packs"))
    assert block[2] == "  reporters: ledger-md"
    data = json.loads(run(env, "plugins", "--format", "json").stdout)
    ledger = next(p for p in data["plugins"] if p["name"] == "ledger")
    assert (ledger["version"], ledger["kinds"], ledger["reporters"], ledger["parsers"]) == (
        "1.0.0", ["ledger-staff-title"], ["ledger-md"], [])
    assert data["errors"] == []


def ledger_findings(proc) -> list[tuple]:
    report = json.loads(proc.stdout)
    return [(f["rule"], f["line"], f["match"]) for f in report["files"][0]["findings"] if f["rule"].startswith("ledger.")]


def test_pack_kind_and_enrichment_in_a_lint_run(env):
    proc = run(env, "--format", "json", "story.txt")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["errors"] == []
    assert ledger_findings(proc) == [
        ("ledger.headline-jargon", 1, "slams"),
        ("ledger.staff-title", 3, "Harold Finch"),     # the kind, fed by newslint_enrich_article
        ("ledger.paper-name", 3, "the Daily Ledger"),
        ("ledger.house-terms", 3, "healthcare"),
    ]
    # the staff list reaches the shared cast: newslint's own title and pronoun rules know these people
    cast = json.loads(run(env, "cast", "--format", "json", "story.txt").stdout)
    known = {p["name"]: p["known"] for p in cast["people"]}
    assert known.get("Miriam Okafor") is True and known.get("Harold Finch") is True
    cast = json.loads(run(env, "cast", "--no-plugins", "--format", "json", "story.txt").stdout)
    assert {p["name"]: p["known"] for p in cast["people"]}.get("Miriam Okafor") is False


def test_reporter(env):
    proc = run(env, "--format", "ledger-md", "--select", "ledger", "story.txt")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines()[0] == "### Style check: 4 findings in 1 file (0 errors, 4 warnings, 0 notes)"
    assert ('- [ ] line 3: First reference to Harold Finch needs the title on file: "mayor". '
            "(`ledger.staff-title`, warning)") in proc.stdout.splitlines()


@pytest.mark.parametrize("args,extra", [(["--no-plugins"], None), ([], {"NEWSLINT_DISABLE_PLUGINS": "ledger"}),
                                        ([], {"NEWSLINT_DISABLE_PLUGINS": "newslint-house-style"})])
def test_turned_off(env, args, extra):
    proc = run(env, *args, "--format", "json", "story.txt", extra_env=extra)
    assert proc.returncode in (0, 1), proc.stderr
    assert ledger_findings(proc) == []
    proc = run(env, *args, "--format", "ledger-md", "story.txt", extra_env=extra)
    assert proc.returncode == 2 and "unknown format 'ledger-md'" in proc.stderr


def test_the_plugins_own_tests_pass(env):
    python, _ = env
    proc = subprocess.run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
                          cwd=EXAMPLE, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout
