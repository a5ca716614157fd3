"""The cast of people (placeholder: replaced by the full model)."""

from dataclasses import dataclass, field


@dataclass
class Cast:
    people: list = field(default_factory=list)

    def to_dict(self, article=None):
        return []


def build_cast(article) -> Cast:
    return Cast()


def render_cast(article) -> str:
    return "(no people found)"
