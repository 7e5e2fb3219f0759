"""Every rule of SPEC section 2, each shown firing and staying quiet."""

from __future__ import annotations

import json

import pytest

from rolematrix.core.checker import check
from rolematrix.core.findings import Severity
from rolematrix.core.model import Matrix, Settings, Suppression
from tests.matrices import raci, rules

ROLES4 = ["Sales", "PM", "Account", "Support"]


def test_clean_matrix_has_no_findings() -> None:
    m = raci(
        {
            "Plan": {"PM": "A", "Dev": "R", "Sales": "I"},
            "Sell": {"Sales": "A/R", "PM": "C", "Dev": "I"},
        }
    )
    assert check(m) == []


def test_task_uncovered_is_the_only_finding_for_an_empty_row() -> None:
    m = raci({"Plan": {"PM": "A/R"}, "Orphan": {}}, roles=["PM"])
    assert rules(check(m)) == ["task-uncovered"]
    finding = check(m)[0]
    assert finding.task == "Orphan" and finding.severity is Severity.ERROR
    assert "Orphan" in finding.message


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"PM": "R"}, ["task-no-accountable"]),
        ({"PM": "A", "Dev": "R", "Ops": "A"}, ["task-multiple-accountable"]),
        ({"PM": "A", "Dev": "C"}, ["task-no-responsible"]),
        ({"PM": "A/R"}, []),
    ],
)
def test_accountable_and_responsible(cells: dict[str, str], expected: list[str]) -> None:
    m = raci({"Task": cells}, roles=["PM", "Dev", "Ops"])
    found = [r for r in rules(check(m)) if r.startswith("task-")]
    assert found == expected


def test_multiple_accountable_names_the_roles() -> None:
    m = raci({"Task": {"PM": "A", "Dev": "R", "Ops": "A"}})
    (f,) = [f for f in check(m) if f.rule == "task-multiple-accountable"]
    assert "“PM”" in f.message and "“Ops”" in f.message


def test_too_many_responsible_and_consulted_thresholds_are_settings() -> None:
    roles = [f"R{i}" for i in range(7)]
    m = raci(
        {"T": {"R0": "A", "R1": "R", "R2": "R", "R3": "R", "R4": "R", "R5": "C", "R6": "C"}}, roles
    )
    assert "task-too-many-responsible" in rules(check(m))
    m.set_settings(Settings(overrides={"max_responsible": 4}))
    assert "task-too-many-responsible" not in rules(check(m))
    for rid in [r.id for r in m.roles[1:5]]:
        m.set_cell(m.tasks[0].id, rid, "C")
    m.set_cell(m.tasks[0].id, m.roles[5].id, "R")
    assert "task-too-many-consulted" in rules(check(m))


def test_everyone_involved_only_from_four_roles() -> None:
    three = raci({"T": {"A1": "A", "B": "R", "C": "I"}})
    assert "task-everyone-involved" not in rules(check(three))
    four = raci({"T": {"A1": "A", "B": "R", "C": "I", "D": "C"}, "U": {"A1": "A/R"}})
    assert "task-everyone-involved" in rules(check(four))


def test_role_rules() -> None:
    m = raci(
        {
            "T1": {"Sales": "A/R", "PM": "I"},
            "T2": {"Sales": "A/R", "PM": "C"},
            "T3": {"Sales": "A/R"},
            "T4": {"Sales": "A", "Account": "R"},
        },
        roles=ROLES4,
    )
    found = check(m)
    by_role = {(f.rule, f.role) for f in found}
    assert ("role-idle", "Support") in by_role
    assert ("role-overloaded", "Sales") in by_role
    assert ("role-no-decisions", "PM") in by_role
    assert ("role-overloaded", "Account") not in by_role


def test_overload_not_reported_in_small_matrices() -> None:
    m = raci({"T1": {"A1": "A/R", "B": "I"}, "T2": {"A1": "A/R", "B": "C"}})
    assert "role-overloaded" not in rules(check(m))


def test_person_rules() -> None:
    m = raci(
        {f"T{i}": {"Sales": "A/R", "PM": "C"} for i in range(4)} | {"T4": {"PM": "A/R"}},
        roles=["Sales", "PM", "Account"],
    )
    sales, pm, account = (r.id for r in m.roles)
    m.add_conflict(sales, pm)
    m.add_person("Alex", [sales, pm])
    m.add_person("Bo", [account])
    found = check(m)
    assert ("person-conflicting-roles", "Alex") in {(f.rule, f.person) for f in found}
    assert ("person-overloaded", "Alex") in {(f.rule, f.person) for f in found}
    m.set_person_roles(m.people[0].id, [sales])
    m.set_person_roles(m.people[1].id, [account])
    found = check(m)
    assert "person-conflicting-roles" not in rules(found)
    assert ("role-unstaffed", "PM") in {(f.rule, f.role) for f in found}


def test_person_overload_needs_two_people() -> None:
    m = raci({"T": {"Sales": "A/R"}}, roles=["Sales"])
    m.add_person("Solo", [m.roles[0].id])
    assert "person-overloaded" not in rules(check(m))


def test_template_rules() -> None:
    template = raci(
        {"Plan": {"PM": "A", "Dev": "R"}, "Ship": {"PM": "A", "Dev": "R"}, "Bill": {"AM": "A/R"}}
    )
    m = raci({"Plan": {"Dev": "A/R"}, "  ship ": {"PM": "A", "Dev": "R"}}, roles=["PM", "Dev"])
    found = check(m, template)
    assert {(f.rule, f.task) for f in found if f.rule.startswith("template-task")} == {
        ("template-task-missing", None)
    }
    (missing,) = [f for f in found if f.rule == "template-task-missing"]
    assert "“Bill”" in missing.message
    assert [f.task for f in found if f.rule == "template-accountable-differs"] == ["Plan"]
    assert any(f.rule == "template-role-missing" and "“AM”" in f.message for f in found)


def test_cell_rules() -> None:
    m = raci({"T": {"PM": "A/C", "Dev": "R"}})
    assert "cell-mixed-codes" in rules(check(m))
    m.set_cell(m.tasks[0].id, m.roles[0].id, "A")
    m.set_cell(m.tasks[0].id, m.roles[1].id, "RS")  # S is no RACI code (reachable by import)
    found = check(m)
    assert rules(found) == ["cell-unknown-code"]
    assert "“S”" in found[0].message


def test_dacI_uses_driver_and_approver() -> None:
    m = raci({"Choose": {"Lead": "D", "Boss": "C"}}, scheme="DACI")
    found = [f for f in check(m) if f.rule.startswith("task-")]
    assert rules(found) == ["task-no-accountable"]
    assert "approver" in found[0].message


def test_check_scheme_only_runs_coverage_rules() -> None:
    m = raci(
        {"Talk": {"AM": "✓", "PM": "✓"}, "Bill": {"AM": "✓"}, "Idle": {}},
        scheme="CHECK",
        roles=["AM", "PM", "X"],
    )
    assert rules(check(m)) == ["role-idle", "task-uncovered"]


def test_profiles() -> None:
    m = raci({"T": {"PM": "A/R", "Dev": "C"}, "U": {"PM": "A", "Dev": "R", "Ops": "R"}})
    assert rules(check(m)) == []
    m.set_settings(Settings("strict"))
    found = check(m)
    assert {(f.rule, f.task) for f in found} == {
        ("task-accountable-is-responsible", "T"),
        ("task-too-many-responsible", "U"),
    }
    assert all(f.severity is Severity.ERROR for f in found)
    roles = [f"R{i}" for i in range(6)]
    busy = raci({"T": {"R0": "A", "R1": "R", "R2": "R", "R3": "R", "R4": "R", "R5": "C"}}, roles)
    assert "task-too-many-responsible" in rules(check(busy))
    busy.set_settings(Settings("lenient"))
    assert "task-too-many-responsible" not in rules(check(busy))


def test_unknown_profile_is_rejected() -> None:
    m = raci({"T": {"PM": "A/R"}})
    m.set_settings(Settings("chaotic"))
    with pytest.raises(ValueError, match="chaotic"):
        check(m)


def test_suppression_accepts_with_reason_and_errors_stay_visible() -> None:
    m = raci({"Decide": {"Board": "A", "CEO": "A", "Staff": "R"}})
    m.accept(
        Suppression(
            "task-multiple-accountable", "committee decides; no single A", task_id=m.tasks[0].id
        )
    )
    (f,) = check(m)
    assert f.accepted and f.reason == "committee decides; no single A"
    assert f.severity is Severity.ERROR
    assert f.as_dict()["reason"] == "committee decides; no single A"


def test_findings_serialise_with_spec_fields() -> None:
    m = raci({"T": {"PM": "R"}})
    data = json.loads(json.dumps([f.as_dict() for f in check(m)]))
    assert set(data[0]) >= {"rule", "severity", "matrix", "task", "role", "person", "message"}
    assert data[0]["matrix"] == "Test"


def test_check_is_pure() -> None:
    m = raci({"T": {"PM": "A", "Dev": "R"}, "U": {}})
    before = (list(m.cells()), m.journal.empty)
    assert check(m) == check(m)
    assert (list(m.cells()), m.journal.empty) == before


def test_matrix_with_o_codes_only_is_uncovered() -> None:
    m = Matrix("Cairo", "CAIRO")
    role = m.add_role("Legal")
    task = m.add_task("Sign")
    m.set_cell(task.id, role.id, "O")
    assert rules(check(m)) == ["role-idle", "task-uncovered"]
