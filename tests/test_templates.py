"""The seven built-in templates of SPEC section 3: each loads, says where it comes from,
reads its seed the way the SPEC settles it, and opens as a matrix with no errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rolematrix.core.checker import check
from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Matrix
from rolematrix.core.templates import Template, builtin_templates, get_template

SEEDS_DIR = Path(os.environ.get("ROLEMATRIX_SEEDS", "/work/shared/seeds"))

SEED_FILES = {
    "000_5d7794391fbc6264.txt",
    "001_189fe72498934c4a.txt",
    "002_d4c02502dbb53bcb.txt",
    "003_7c8d4e42d211b716.txt",
    "004_5523313e7eae7fd2.txt",
}

AM, PM = "Account Manager", "Project Manager"
FA_AM, FA_PM = "مدیر امور مشتری", "مدیر پروژه"

# id -> (seed file, scheme, role names in column order, number of tasks)
EXPECTED: dict[str, tuple[str, str, list[str], int]] = {
    "agency-am-pm": ("002_d4c02502dbb53bcb.txt", "CHECK", [AM, PM], 10),
    "agency-pm-producer": ("002_d4c02502dbb53bcb.txt", "CHECK", [PM, "Producer"], 10),
    "agency-am-pm-raci": ("002_d4c02502dbb53bcb.txt", "RACI", [AM, PM], 10),
    "sales-pm-account": (
        "004_5523313e7eae7fd2.txt",
        "RACI",
        ["Sales Manager", PM, AM, "Support Manager", "Product Manager"],
        11,
    ),
    "pm-o-am": ("000_5d7794391fbc6264.txt", "RACI", [PM, AM], 13),
    "agency-pm-client-experience": (
        "001_189fe72498934c4a.txt",
        "RACI",
        [PM, "Account Manager / Executive", "Sales", "Senior management", "Delivery team"],
        10,
    ),
    "fa-am-pm": ("003_7c8d4e42d211b716.txt", "RACI", [FA_AM, FA_PM], 15),
}

TRIANGLE_PRESETS = [
    "All in one",
    "Sales + PM&Account",
    "Account + Sales&PM (clinical)",
    "Sales&Account + PM",
    "Account + Sales + PM",
]


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def rule_ids(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def involved(matrix: Matrix, task_name: str) -> set[str]:
    """Names of the roles with any code on the task."""
    task = matrix.find_task(task_name)
    assert task is not None, f"task {task_name!r} is missing"
    return {matrix.role(role_id).name for role_id in matrix.row(task.id)}


def accountable(matrix: Matrix, task_name: str) -> list[str]:
    task = matrix.find_task(task_name)
    assert task is not None, f"task {task_name!r} is missing"
    return [matrix.role(r).name for r, codes in matrix.row(task.id).items() if "A" in codes]


def preset(matrix: Matrix, name: str) -> Matrix:
    chosen = next(p for p in matrix.presets if p.name == name)
    matrix.apply_preset(chosen)
    return matrix


def test_exactly_the_seven_spec_templates_are_built_in() -> None:
    assert set(builtin_templates()) == set(EXPECTED)


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
def test_template_names_its_seed_scheme_roles_and_tasks(template_id: str) -> None:
    seed, scheme, roles, task_count = EXPECTED[template_id]
    template = get_template(template_id)
    assert template.source == seed
    assert template.source in SEED_FILES
    if SEEDS_DIR.is_dir():  # the seed texts live outside the repository
        assert (SEEDS_DIR / template.source).is_file()
    assert template.source_title and template.title and template.summary
    matrix = template.build()
    assert matrix.template_id == template_id
    assert matrix.scheme.id == scheme == template.scheme
    assert [r.name for r in matrix.roles] == roles
    assert len(matrix.tasks) == task_count


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
def test_every_role_and_task_is_explained_for_a_new_hire(template_id: str) -> None:
    matrix = get_template(template_id).build()
    assert matrix.description
    for role in matrix.roles:
        assert role.short and len(role.short) <= 8, role.name
        assert len(role.description) > 40, role.name
    for task in matrix.tasks:
        assert len(task.description) > 20, task.name


@pytest.mark.parametrize("template_id", sorted(EXPECTED))
def test_template_opens_without_errors(template_id: str) -> None:
    template = get_template(template_id)
    matrix = template.build()
    assert errors(check(matrix)) == []
    # checked against itself, nothing is missing or differs
    assert not {r for r in rule_ids(check(matrix, template.reference)) if r.startswith("template-")}


def test_agency_am_pm_reads_the_seed_table_as_the_prose_settles_it() -> None:
    matrix = get_template("agency-am-pm").build()
    both = [
        "Communicating with clients about the project",
        "Relaying the client's wishes to the team",
        "Managing timelines",
    ]
    am_only = [
        "Communicating with clients about other potential projects",
        "Negotiating costs",
        "Sending/discussing invoices",
    ]
    pm_only = [
        "Managing scope",
        "Creating and delegating tasks",
        "Developing estimates",
        "Reporting on project metrics of success",
    ]
    assert len(both) + len(am_only) + len(pm_only) == len(matrix.tasks)
    for name in both:
        assert involved(matrix, name) == {AM, PM}, name
    for name in am_only:
        assert involved(matrix, name) == {AM}, name
    for name in pm_only:
        assert involved(matrix, name) == {PM}, name
    assert {codes for _, _, codes in matrix.cells()} == {"✓"}


def test_agency_pm_producer_gives_the_strategy_rows_to_the_producer() -> None:
    matrix = get_template("agency-pm-producer").build()
    names = [t.name for t in matrix.tasks]
    for name in names[:7]:
        assert involved(matrix, name) == {PM, "Producer"}, name
    for name in names[7:]:
        assert involved(matrix, name) == {"Producer"}, name
    assert names[7].startswith("Completing strategy work")


def test_agency_am_pm_raci_is_the_same_list_with_one_accountable_each() -> None:
    check_matrix = get_template("agency-am-pm").build()
    matrix = get_template("agency-am-pm-raci").build()
    assert [t.name for t in matrix.tasks] == [t.name for t in check_matrix.tasks]
    for task in matrix.tasks:
        assert len(accountable(matrix, task.name)) == 1, task.name
        # whoever the CHECK table marks also takes part in the RACI version
        assert involved(check_matrix, task.name) <= involved(matrix, task.name), task.name
    # the AM owns relationship and money, the PM scope, timeline and delivery
    for name in [
        "Negotiating costs",
        "Sending/discussing invoices",
        "Relaying the client's wishes to the team",
    ]:
        assert accountable(matrix, name) == [AM], name
    for name in ["Managing scope", "Managing timelines", "Creating and delegating tasks"]:
        assert accountable(matrix, name) == [PM], name
    assert check(matrix) == []  # clean: no errors, no warnings, nothing to remark


def test_sales_pm_account_declares_the_sales_pm_conflict_and_five_schemes() -> None:
    matrix = get_template("sales-pm-account").build(apply_default_preset=False)
    conflicts = {frozenset((matrix.role(a).name, matrix.role(b).name)) for a, b in matrix.conflicts}
    assert conflicts == {frozenset(("Sales Manager", PM))}
    assert [p.name for p in matrix.presets] == TRIANGLE_PRESETS
    assert matrix.people == []
    assert [p.name for p in matrix.phases] == ["Selling", "Production", "Client relationship"]


def test_sales_pm_account_opens_staffed_as_sales_and_account_plus_pm() -> None:
    matrix = get_template("sales-pm-account").build()
    held = {p.name: {matrix.role(r).name for r in p.role_ids} for p in matrix.people}
    assert len(held) == 2
    assert {"Sales Manager", AM} in [roles & {"Sales Manager", AM, PM} for roles in held.values()]
    assert {PM} in list(held.values())
    findings = check(matrix)
    assert errors(findings) == []
    assert "role-unstaffed" not in rule_ids(findings)


@pytest.mark.parametrize("name", ["All in one", "Account + Sales&PM (clinical)"])
def test_combining_sales_and_pm_in_one_person_is_an_error(name: str) -> None:
    matrix = preset(get_template("sales-pm-account").build(), name)
    conflicts = [f for f in check(matrix) if f.rule == "person-conflicting-roles"]
    assert conflicts and all(f.severity is Severity.ERROR for f in conflicts)
    assert conflicts[0].person_id is not None
    person = matrix.person(conflicts[0].person_id)
    assert {"Sales Manager", PM} <= {matrix.role(r).name for r in person.role_ids}


@pytest.mark.parametrize(
    "name", ["Sales + PM&Account", "Sales&Account + PM", "Account + Sales + PM"]
)
def test_schemes_that_keep_sales_and_pm_apart_have_no_errors(name: str) -> None:
    matrix = preset(get_template("sales-pm-account").build(), name)
    findings = check(matrix)
    assert errors(findings) == []
    assert "role-unstaffed" not in rule_ids(findings)


def test_persian_template_reads_right_to_left() -> None:
    templates: dict[str, Template] = builtin_templates()
    matrix = templates["fa-am-pm"].build()
    assert matrix.is_rtl
    assert not any(templates[t].build().is_rtl for t in templates if t != "fa-am-pm")
    # Persian letters, not their Arabic look-alikes, so search and sorting work
    text = "".join([t.name for t in matrix.tasks] + [r.name for r in matrix.roles])
    assert "ی" in text and "ي" not in text and "ك" not in text
