"""The newsroom's staff and contacts list, read once and handed to newslint as known people.

The list ships with the plugin (``staff.yaml``); ``NEWSLINT_LEDGER_STAFF``
names another file of the same shape. Every entry becomes a
``newslint.article.cast.KnownPerson``, so newslint's own title and pronoun
checks know these people too, and the ``ledger-staff-title`` kind checks
that the first reference gives the title on file.

The file is read with newslint's own YAML reader (``load_yaml`` with
``cache_as``): safe loading, and the parsed list is cached on disk beside
newslint's packs, so a run whose staff file has not changed never imports
PyYAML. Plugins run on every save in an editor; their start-up time is the
linter's.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import NamedTuple

from newslint.packs.yamlsource import YAMLError, load_yaml

STAFF_ENV = "NEWSLINT_LEDGER_STAFF"
DEFAULT_STAFF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "staff.yaml")
PRONOUNS = ("he", "she", "they")


class StaffFileError(ValueError):
    """A staff file that cannot be used; the message names the file and entry."""


class StaffMember(NamedTuple):
    name: str
    titles: tuple[str, ...]
    pronouns: str | None = None


def staff_path() -> str:
    return os.environ.get(STAFF_ENV) or DEFAULT_STAFF


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> tuple[StaffMember, ...]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = load_yaml(handle.read(), cache_as=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise StaffFileError(f"{path}: cannot read the staff list: {exc}") from None
    except YAMLError as exc:
        where = f"line {exc.line}: " if exc.line else ""
        raise StaffFileError(f"{path}: cannot read the staff list: {where}{exc}") from None
    people = data.get("people") if isinstance(data, dict) else None
    if not isinstance(people, list):
        raise StaffFileError(f"{path}: expected a mapping with a 'people' list")
    members = []
    for i, entry in enumerate(people):
        where = f"{path}: people[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or len(entry["name"].split()) < 2:
            raise StaffFileError(f"{where}: expected a 'name' with given name and surname")
        titles = entry.get("titles", [])
        if isinstance(titles, str):
            titles = [titles]
        if not isinstance(titles, list) or not all(isinstance(t, str) and t.strip() for t in titles):
            raise StaffFileError(f"{where}.titles: expected a list of titles")
        pronouns = entry.get("pronouns")
        if pronouns is not None and pronouns not in PRONOUNS:
            raise StaffFileError(f"{where}.pronouns: expected one of {', '.join(PRONOUNS)}")
        members.append(StaffMember(" ".join(entry["name"].split()), tuple(" ".join(t.split()) for t in titles),
                                   pronouns))
    return tuple(members)


def load_staff(path: str | os.PathLike | None = None) -> tuple[StaffMember, ...]:
    """The staff list (cached until the file changes)."""
    path = os.fspath(path) if path is not None else staff_path()
    try:
        mtime = os.stat(path).st_mtime
    except OSError as exc:
        raise StaffFileError(f"{path}: cannot read the staff list: {exc}") from None
    return _load(path, mtime)


def known_people(path: str | os.PathLike | None = None) -> list:
    """The staff list as ``KnownPerson`` objects for ``article.people_extra``.

    The hook asks for them once per article: they are built once per version of the
    file and shared (newslint only reads them), so an article costs one ``stat``."""
    return list(_known_people(load_staff(path)))


@lru_cache(maxsize=8)
def _known_people(members: tuple[StaffMember, ...]) -> tuple:
    from newslint.article.cast import KnownPerson

    return tuple(KnownPerson(m.name, titles=list(m.titles), pronouns=m.pronouns) for m in members)
