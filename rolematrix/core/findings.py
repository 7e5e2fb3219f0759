"""What the checker reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or remark) about a matrix, phrased for a new hire."""

    rule: str
    severity: Severity
    matrix: str
    message: str
    task: str | None = None
    role: str | None = None
    person: str | None = None
    task_id: int | None = field(default=None, compare=True)
    role_id: int | None = None
    person_id: int | None = None
    accepted: bool = False
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of SPEC section 2 (names, not internal ids)."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "matrix": self.matrix,
            "task": self.task,
            "role": self.role,
            "person": self.person,
            "message": self.message,
            "accepted": self.accepted,
        }
        if self.accepted:
            data["reason"] = self.reason
        return data

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.accepted,
            self.severity.rank,
            self.rule,
            self.task_id or 0,
            self.role_id or 0,
            self.person_id or 0,
        )


def summary(findings: list[Finding]) -> dict[str, int]:
    """Counts of open (not accepted) findings by severity, plus accepted ones."""
    counts = {"error": 0, "warning": 0, "info": 0, "accepted": 0}
    for f in findings:
        if f.accepted:
            counts["accepted"] += 1
        else:
            counts[f.severity.value] += 1
    return counts
