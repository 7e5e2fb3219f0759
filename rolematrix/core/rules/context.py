"""What every rule needs to know about the matrix being checked, computed once per check."""

from __future__ import annotations

from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Matrix, Suppression
from rolematrix.core.profiles import RuleConfig, rule_config


def quote(name: str) -> str:
    return f"“{name}”"


def names(items: list[str]) -> str:
    quoted = [quote(n) for n in items]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


class CheckContext:
    """The matrix plus its effective rule configuration and suppressions."""

    def __init__(self, matrix: Matrix, template: Matrix | None = None) -> None:
        self.matrix = matrix
        self.template = template
        self.scheme = matrix.scheme
        self.config: RuleConfig = rule_config(matrix.settings)
        self.accountable = self.scheme.accountable
        self.responsible = self.scheme.responsible
        self.consulted = self.scheme.consulted
        self.letters = set(self.scheme.letters)
        self.active = set(self.scheme.active_letters)
        self.passive = set(self.scheme.passive_letters)
        self.involving = set(self.scheme.involving_letters)
        self.decides = {c for c in (self.accountable, self.responsible) if c}
        # Cells repeat a handful of distinct values; classify each value once so rows
        # and columns are scanned with C-level set operations, not per-cell Python.
        self._decisive: dict[str, bool] = {}
        self._plain: dict[str, bool] = {}
        self._suppressions: list[Suppression] = list(matrix.suppressions)
        self._code_names = {c.letter: c.name.lower() for c in self.scheme.codes}

    def decisive(self, values: set[str]) -> set[str]:
        """The values among ``values`` that make a role responsible or accountable."""
        memo = self._decisive
        out = set()
        for v in values:
            hit = memo.get(v)
            if hit is None:
                hit = memo[v] = not self.decides.isdisjoint(v)
            if hit:
                out.add(v)
        return out

    def suspect(self, values: set[str]) -> bool:
        """Does any of ``values`` hold an unknown code or mix active and passive codes?"""
        memo = self._plain
        for v in values:
            plain = memo.get(v)
            if plain is None:
                letters = set(v)
                plain = memo[v] = letters <= self.letters and not (
                    letters & self.active and letters & self.passive
                )
            if not plain:
                return True
        return False

    @property
    def task_count(self) -> int:
        return len(self.matrix.tasks)

    @property
    def role_count(self) -> int:
        return len(self.matrix.roles)

    def code_name(self, letter: str) -> str:
        return self._code_names.get(letter, letter)

    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        *,
        task_id: int | None = None,
        role_id: int | None = None,
        person_id: int | None = None,
    ) -> Finding:
        """A finding, marked accepted when the user suppressed it with a reason."""
        m = self.matrix
        reason = ""
        accepted = False
        for s in self._suppressions:
            if s.matches(rule, task_id, role_id, person_id):
                accepted, reason = True, s.reason
                break
        return Finding(
            rule=rule,
            severity=severity,
            matrix=m.name,
            message=message,
            task=m.task(task_id).name if task_id is not None else None,
            role=m.role(role_id).name if role_id is not None else None,
            person=m.person(person_id).name if person_id is not None else None,
            task_id=task_id,
            role_id=role_id,
            person_id=person_id,
            accepted=accepted,
            reason=reason,
        )
