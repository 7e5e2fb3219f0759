"""The names and numbers inside a checker finding, so another language can say it again.

The checker writes one English sentence per finding, with every task, role
and template name in “curly quotes” and the counts as digits. The Persian
interface and the Persian PDF exports say the same thing in their own words:
they read the parts back out here, by rule, and set them into their own
sentence. The reading lives in core because both the GUI (Qt) and the
exporters (no Qt) need it, each with its own words for codes and numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rolematrix.core.findings import Finding
from rolematrix.core.model import Matrix
from rolematrix.core.schemes import Code

_QUOTED = re.compile(r"“([^”]*)”")
_NUMBER = re.compile(r"\d+")

#: rule -> (names in “quotes”, numbers) the checker's sentence holds at least
SHAPES: dict[str, tuple[int, int]] = {
    "task-uncovered": (1, 0),
    "task-no-accountable": (1, 0),
    "task-multiple-accountable": (2, 1),
    "task-no-responsible": (1, 0),
    "task-too-many-responsible": (1, 1),
    "task-accountable-is-responsible": (2, 0),
    "task-too-many-consulted": (1, 2),
    "task-everyone-involved": (1, 0),
    "role-idle": (1, 0),
    "role-overloaded": (1, 3),
    "role-no-decisions": (1, 0),
    "role-unstaffed": (1, 1),
    "person-conflicting-roles": (2, 0),
    "person-overloaded": (0, 3),
    "template-task-missing": (2, 0),
    "template-role-missing": (2, 0),
    "template-accountable-differs": (2, 0),
    "cell-unknown-code": (3, 0),
    "cell-mixed-codes": (2, 0),
}
_NAME_KEYS: dict[str, tuple[str, ...]] = {
    "task-uncovered": ("task",),
    "task-no-accountable": ("task",),
    "task-multiple-accountable": ("task",),
    "task-no-responsible": ("task",),
    "task-too-many-responsible": ("task",),
    "task-accountable-is-responsible": ("role", "task"),
    "task-too-many-consulted": ("task",),
    "task-everyone-involved": ("task",),
    "role-idle": ("role",),
    "role-overloaded": ("role",),
    "role-no-decisions": ("role",),
    "role-unstaffed": ("role",),
    "person-conflicting-roles": ("role", "other"),
    "template-task-missing": ("template", "task"),
    "template-role-missing": ("template", "role"),
    "cell-mixed-codes": ("role", "task"),
}
_NUMBER_KEYS: dict[str, tuple[str, ...]] = {
    "task-multiple-accountable": ("count",),
    "task-too-many-responsible": ("count", "limit"),
    "task-too-many-consulted": ("count", "limit"),
    "role-overloaded": ("count", "total", "percent"),
    "role-unstaffed": ("count",),
    "person-overloaded": ("count", "total", "percent"),
}
#: the parts that hold numbers (already in the target language's digits)
NUMBER_PARTS = frozenset(key for keys in _NUMBER_KEYS.values() for key in keys)


@dataclass(frozen=True, slots=True)
class Wording:
    """How the target language names a code, writes a number, quotes and lists names."""

    code_name: Callable[[Code], str]
    number: Callable[[int], str]
    quote: Callable[[str], str]
    join: Callable[[list[str]], str]


def numbers_in(text: str) -> list[str]:
    """The numbers of a sentence, leaving out digits inside quoted names."""
    return _NUMBER.findall(_QUOTED.sub("", text))


def finding_parts(
    finding: Finding, matrix: Matrix | None, wording: Wording
) -> dict[str, str] | None:
    """The named parts of the finding's sentence, or None when the sentence does not fit.

    None means: show the checker's own sentence; a translation with a name
    missing would say something else.
    """
    rule = finding.rule
    need_names, need_numbers = SHAPES.get(rule, (-1, -1))
    message = finding.message
    names = _QUOTED.findall(message)
    rest = message.replace(finding.person, "", 1) if finding.person else message
    numbers = numbers_in(rest)
    if need_names < 0 or len(names) < need_names or len(numbers) < need_numbers:
        return None
    scheme = matrix.scheme if matrix is not None else None

    def word(letter: str | None) -> str:
        if scheme is None or not letter or not scheme.has(letter):
            return ""
        return wording.code_name(scheme.code(letter)).lower()  # inside a sentence

    parts: dict[str, str] = {
        "accountable": word(scheme.accountable if scheme else None),
        "responsible": word(scheme.responsible if scheme else None),
        "consulted": word(scheme.consulted if scheme else None),
        "letter": (scheme.accountable or "") if scheme else "",
        "person": finding.person or "",
        "scheme": scheme.id if scheme else "",
    }
    parts.update(zip(_NAME_KEYS.get(rule, ()), names, strict=False))
    for key, value in zip(_NUMBER_KEYS.get(rule, ()), numbers, strict=False):
        parts[key] = wording.number(int(value))
    quote, join = wording.quote, wording.join
    if rule == "task-multiple-accountable":
        parts["roles"] = join([quote(n) for n in names[1:]])
    elif rule == "template-accountable-differs":
        task = finding.task
        if task is None or task not in names:
            return None
        i = names.index(task)
        parts["task"] = task
        parts["theirs"] = join([quote(n) for n in names[:i]])
        parts["mine"] = join([quote(n) for n in names[i + 1 :]])
    elif rule == "cell-unknown-code":
        parts["role"], parts["task"] = names[0], names[-1]
        parts["codes"] = join([quote(n) for n in names[1:-1]])
    elif rule == "cell-mixed-codes":
        if matrix is None or finding.task_id is None or finding.role_id is None:
            return None
        if not (matrix.has_task(finding.task_id) and matrix.has_role(finding.role_id)):
            return None
        codes = matrix.get(finding.task_id, finding.role_id)
        active = [c for c in codes if c in matrix.scheme.active_letters]
        passive = [c for c in codes if c in matrix.scheme.passive_letters]
        if not active or not passive:
            return None
        parts["active"], parts["passive"] = word(active[0]), word(passive[0])
    return parts
