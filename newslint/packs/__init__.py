"""Rule packs: YAML files of rules, loaded, validated and merged.

- ``yamlsource`` reads YAML safely and keeps the line of every key;
- ``model`` holds ``Rule`` and ``Pack``;
- ``loader`` validates pack files, resolves ``extends`` and builds the rule set.
"""

from newslint.packs.model import Pack, PackError, Rule

__all__ = ["Pack", "PackError", "Rule"]
