"""Rule profiles and thresholds: each setting declared once, with its default.

A matrix stores a profile name plus explicit overrides; the checker reads the
effective :class:`RuleConfig`. Profiles only change defaults, so an override
set by the user wins over any profile.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from rolematrix.core.model import Settings


@dataclass(frozen=True, slots=True)
class RuleConfig:
    max_responsible: int = 3  # task-too-many-responsible above this
    max_consulted: int = 4  # task-too-many-consulted above this
    everyone_involved_min_roles: int = 4  # task-everyone-involved only from this many roles
    overload_share: float = 0.6  # role-overloaded above this share of tasks as R or A
    overload_min_roles: int = 4  # role-overloaded only from this many roles
    person_overload_share: float = 0.6  # person-overloaded above this share
    person_overload_min_people: int = 2  # person-overloaded only from this many people
    too_many_rules: bool = True  # task-too-many-responsible / -consulted / everyone-involved
    overload_rules: bool = True  # role-overloaded / person-overloaded
    four_eyes: bool = False  # task-accountable-is-responsible
    exactly_one_responsible: bool = False  # strict: more than one R is an error


DEFAULTS = RuleConfig()

PROFILES: dict[str, dict[str, Any]] = {
    "standard": {},
    "strict": {"max_responsible": 1, "exactly_one_responsible": True, "four_eyes": True},
    "lenient": {"too_many_rules": False, "overload_rules": False},
}

PROFILE_TITLES = {
    "standard": "Standard: the usual RACI rules; one role may hold A and R",
    "strict": "Strict: exactly one R per task, and the accountable is not the only doer",
    "lenient": "Lenient: no limits on how many are responsible or consulted, no overload warnings",
}

SETTING_NAMES = tuple(f.name for f in fields(RuleConfig))
_KINDS: dict[str, type] = {f.name: type(getattr(DEFAULTS, f.name)) for f in fields(RuleConfig)}


def settings_problem(settings: Settings) -> str | None:
    """What makes ``settings`` unusable (an unknown profile or setting, a value of the
    wrong kind), or None.

    Readers call this so that a hand-edited or damaged file is refused with a
    message naming the setting, instead of failing later, inside a check.
    """
    if settings.profile not in PROFILES:
        return f"unknown rule profile {settings.profile!r} (known: {', '.join(PROFILES)})"
    unknown = set(settings.overrides) - set(SETTING_NAMES)
    if unknown:
        return f"unknown checker setting(s): {', '.join(sorted(unknown))}"
    for name, value in settings.overrides.items():
        kind = _KINDS[name]
        if kind is bool:
            fits = isinstance(value, bool)
        elif kind is int:
            fits = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        else:
            fits = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        if not fits:
            wanted = {bool: "true or false", int: "a whole number of 0 or more"}.get(
                kind, "a number of 0 or more"
            )
            return f"checker setting {name!r} is {value!r}; expected {wanted}"
    return None


def rule_config(settings: Settings) -> RuleConfig:
    """The effective thresholds for a matrix's settings."""
    problem = settings_problem(settings)
    if problem is not None:
        raise ValueError(problem)
    return replace(DEFAULTS, **{**PROFILES[settings.profile], **settings.overrides})
