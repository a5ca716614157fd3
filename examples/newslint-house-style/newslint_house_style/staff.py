"""The newsroom's staff and contacts list, read once and handed to newslint as known people.

The list ships with the plugin (``staff.yaml``); ``NEWSLINT_LEDGER_STAFF``
names another file of the same shape. Every entry becomes a
``newslint.article.cast.KnownPerson``, so newslint's own title and pronoun
checks know these people too, and the ``ledger-staff-title`` kind checks
that the first reference gives the title on file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

STAFF_ENV = "NEWSLINT_LEDGER_STAFF"
DEFAULT_STAFF = Path(__file__).with_name("staff.yaml")
PRONOUNS = ("he", "she", "they")


class StaffFileError(ValueError):
    """A staff file that cannot be used; the message names the file and entry."""


@dataclass(frozen=True)
class StaffMember:
    name: str
    titles: tuple[str, ...]
    pronouns: str | None = None


def staff_path() -> Path:
    return Path(os.environ.get(STAFF_ENV) or DEFAULT_STAFF)


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> tuple[StaffMember, ...]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise StaffFileError(f"{path}: cannot read the staff list: {exc}") from None
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
    path = Path(path) if path is not None else staff_path()
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise StaffFileError(f"{path}: cannot read the staff list: {exc}") from None
    return _load(str(path), mtime)


def known_people(path: str | os.PathLike | None = None) -> list:
    """The staff list as ``KnownPerson`` objects for ``article.people_extra``."""
    from newslint.article.cast import KnownPerson

    return [KnownPerson(m.name, titles=list(m.titles), pronouns=m.pronouns) for m in load_staff(path)]
