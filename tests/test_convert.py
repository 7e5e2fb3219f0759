from __future__ import annotations

import pytest

from rolematrix.core.checker import check
from rolematrix.core.convert import convert_check_to_raci
from rolematrix.core.templates import get_template
from tests.matrices import raci


def test_check_template_converts_to_a_clean_raci_when_each_task_gets_an_owner() -> None:
    m = get_template("agency-am-pm").build()
    am = m.find_role("Account Manager")
    assert am is not None
    owners = {t.id: next(iter(m.row(t.id))) for t in m.tasks}
    owners |= {t.id: am.id for t in m.tasks if am.id in m.row(t.id)}
    convert_check_to_raci(m, owners)
    assert m.scheme.id == "RACI"
    assert [f for f in check(m) if f.severity == "error"] == []
    both = m.find_task("Managing timelines")
    assert both is not None
    assert sorted(m.row(both.id).values()) == ["A", "R"]


def test_task_without_chosen_owner_is_flagged_after_conversion() -> None:
    m = raci({"Talk": {"AM": "✓", "PM": "✓"}}, scheme="CHECK")
    convert_check_to_raci(m, {})
    assert [f.rule for f in check(m)] == ["task-no-accountable"]


def test_only_check_matrices_convert() -> None:
    with pytest.raises(ValueError, match="RACI"):
        convert_check_to_raci(raci({"T": {"PM": "A/R"}}), {})
