"""The words of the domain in the interface language: codes, schemes and findings.

The core speaks English (its schemes name their codes "Responsible", its
checker writes English sentences), and must not depend on Qt. The interface
translates those words here, through the same Qt Linguist catalogue as the
rest of the GUI: code names and meanings and scheme titles by their English
text, and each finding by its rule, with the names and numbers taken from the
checker's sentence (names there always stand in “curly quotes”). Where no
translation is installed (English), the checker's own sentence is shown as it
is; if a sentence ever does not have the parts its rule should have, it is
shown as it is too, never garbled.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rolematrix.core.finding_parts import Wording, finding_parts, numbers_in
from rolematrix.core.findings import Finding
from rolematrix.core.model import Matrix
from rolematrix.core.schemes import Code, Scheme

# Every code name, meaning and scheme title of rolematrix.core.schemes, so that
# lupdate finds them (tests/test_i18n.py checks that none is missing).
CODE_WORDS = (
    QT_TRANSLATE_NOOP("Codes", "Responsible"),
    QT_TRANSLATE_NOOP("Codes", "does the work"),
    QT_TRANSLATE_NOOP("Codes", "Accountable"),
    QT_TRANSLATE_NOOP("Codes", "owns the outcome and signs it off; exactly one per task"),
    QT_TRANSLATE_NOOP("Codes", "Consulted"),
    QT_TRANSLATE_NOOP("Codes", "gives input before the work is done"),
    QT_TRANSLATE_NOOP("Codes", "Informed"),
    QT_TRANSLATE_NOOP("Codes", "is told about progress or the result"),
    QT_TRANSLATE_NOOP("Codes", "Support"),
    QT_TRANSLATE_NOOP("Codes", "helps the responsible with the work"),
    QT_TRANSLATE_NOOP("Codes", "Verifies"),
    QT_TRANSLATE_NOOP("Codes", "checks the result against the agreed criteria"),
    QT_TRANSLATE_NOOP("Codes", "Signs off"),
    QT_TRANSLATE_NOOP("Codes", "approves the verified result"),
    QT_TRANSLATE_NOOP("Codes", "Out of the loop"),
    QT_TRANSLATE_NOOP("Codes", "is deliberately not involved"),
    QT_TRANSLATE_NOOP("Codes", "Driver"),
    QT_TRANSLATE_NOOP("Codes", "drives the work and the decision forward"),
    QT_TRANSLATE_NOOP("Codes", "Approver"),
    QT_TRANSLATE_NOOP("Codes", "makes the final decision; exactly one per task"),
    QT_TRANSLATE_NOOP("Codes", "Contributor"),
    QT_TRANSLATE_NOOP("Codes", "contributes knowledge or work"),
    QT_TRANSLATE_NOOP("Codes", "is told about the decision"),
    QT_TRANSLATE_NOOP("Codes", "Involved"),
    QT_TRANSLATE_NOOP("Codes", "takes part in the task"),
)
SCHEME_TITLES = (
    QT_TRANSLATE_NOOP("Schemes", "RACI"),
    QT_TRANSLATE_NOOP("Schemes", "RASCI (RACI plus Support)"),
    QT_TRANSLATE_NOOP("Schemes", "RACI-VS (RACI plus Verifies and Signs off)"),
    QT_TRANSLATE_NOOP("Schemes", "CAIRO (RACI plus Out of the loop)"),
    QT_TRANSLATE_NOOP("Schemes", "DACI (Driver, Approver, Contributor, Informed)"),
    QT_TRANSLATE_NOOP("Schemes", "Check marks (involved or not)"),
)

#: A short title for each rule (tooltips, the Getting started page).
RULE_TITLES = {
    "task-uncovered": QT_TRANSLATE_NOOP("Rules", "Nobody takes part in the task"),
    "task-no-accountable": QT_TRANSLATE_NOOP("Rules", "The task has no accountable"),
    "task-multiple-accountable": QT_TRANSLATE_NOOP("Rules", "More than one accountable"),
    "task-no-responsible": QT_TRANSLATE_NOOP("Rules", "Nobody does the work"),
    "task-too-many-responsible": QT_TRANSLATE_NOOP("Rules", "Too many responsible"),
    "task-accountable-is-responsible": QT_TRANSLATE_NOOP(
        "Rules", "The doer signs off their own work"
    ),
    "task-too-many-consulted": QT_TRANSLATE_NOOP("Rules", "Too many consulted"),
    "task-everyone-involved": QT_TRANSLATE_NOOP("Rules", "Every role is involved"),
    "role-idle": QT_TRANSLATE_NOOP("Rules", "The role takes part in nothing"),
    "role-overloaded": QT_TRANSLATE_NOOP("Rules", "The role carries too much"),
    "role-no-decisions": QT_TRANSLATE_NOOP("Rules", "The role never does or decides"),
    "role-unstaffed": QT_TRANSLATE_NOOP("Rules", "Nobody holds the role"),
    "person-conflicting-roles": QT_TRANSLATE_NOOP("Rules", "One person holds conflicting roles"),
    "person-overloaded": QT_TRANSLATE_NOOP("Rules", "One person carries too much"),
    "template-task-missing": QT_TRANSLATE_NOOP("Rules", "A template task is missing"),
    "template-role-missing": QT_TRANSLATE_NOOP("Rules", "A template role is missing"),
    "template-accountable-differs": QT_TRANSLATE_NOOP(
        "Rules", "Accountable differs from the template"
    ),
    "cell-mixed-codes": QT_TRANSLATE_NOOP("Rules", "Active and passive codes in one cell"),
    "cell-unknown-code": QT_TRANSLATE_NOOP("Rules", "A code the scheme does not know"),
}

#: Each rule's sentence with named parts. The English text is only the key for
#: translators: in English the checker's own sentence is shown.
MESSAGES = {
    "task-uncovered": QT_TRANSLATE_NOOP(
        "Findings", "No role takes part in “{task}”, so nobody will do it."
    ),
    "task-no-accountable": QT_TRANSLATE_NOOP(
        "Findings", "Nobody is {accountable} for “{task}”: give exactly one role the {letter}."
    ),
    "task-multiple-accountable": QT_TRANSLATE_NOOP(
        "Findings",
        "“{task}” has {count} {accountable} roles ({roles}); only one can own the outcome.",
    ),
    "task-no-responsible": QT_TRANSLATE_NOOP(
        "Findings",
        "Nobody is {responsible} for doing “{task}”; an accountable alone does not do the work.",
    ),
    "task-too-many-responsible": QT_TRANSLATE_NOOP(
        "Findings",
        "“{task}” has {count} {responsible} roles, more than {limit}; "
        "too many hands blur who does what.",
    ),
    "task-too-many-responsible/strict": QT_TRANSLATE_NOOP(
        "Findings", "“{task}” has {count} {responsible} roles; this matrix asks for exactly one."
    ),
    "task-accountable-is-responsible": QT_TRANSLATE_NOOP(
        "Findings", "“{role}” both does “{task}” and signs it off; nobody else checks the work."
    ),
    "task-too-many-consulted": QT_TRANSLATE_NOOP(
        "Findings",
        "“{task}” has {count} {consulted} roles, more than {limit}; "
        "asking everyone slows the work down.",
    ),
    "task-everyone-involved": QT_TRANSLATE_NOOP(
        "Findings", "Every role takes part in “{task}”; check that each one really needs to."
    ),
    "role-idle": QT_TRANSLATE_NOOP("Findings", "“{role}” takes part in no task of this matrix."),
    "role-overloaded": QT_TRANSLATE_NOOP(
        "Findings",
        "“{role}” is responsible or accountable for {count} of {total} tasks ({percent}%); "
        "consider sharing the load.",
    ),
    "role-no-decisions": QT_TRANSLATE_NOOP(
        "Findings", "“{role}” is only consulted or informed; it never does or decides anything."
    ),
    "role-unstaffed": QT_TRANSLATE_NOOP(
        "Findings", "Nobody holds “{role}”, yet it is responsible or accountable for {count} tasks."
    ),
    "person-conflicting-roles": QT_TRANSLATE_NOOP(
        "Findings",
        "{person} holds both “{role}” and “{other}”, which must stay with different people.",
    ),
    "person-overloaded": QT_TRANSLATE_NOOP(
        "Findings",
        "{person} is responsible or accountable for {count} of {total} tasks ({percent}%) "
        "through the roles they hold.",
    ),
    "template-task-missing": QT_TRANSLATE_NOOP(
        "Findings", "The template “{template}” has the task “{task}”, which this matrix lacks."
    ),
    "template-role-missing": QT_TRANSLATE_NOOP(
        "Findings", "The template “{template}” has the role “{role}”, which this matrix lacks."
    ),
    "template-accountable-differs": QT_TRANSLATE_NOOP(
        "Findings",
        "The template makes {theirs} accountable for “{task}”; this matrix makes {mine} accountable.",
    ),
    "cell-unknown-code": QT_TRANSLATE_NOOP(
        "Findings", "“{role}” has {codes} on “{task}”, which the {scheme} scheme does not define."
    ),
    "cell-mixed-codes": QT_TRANSLATE_NOOP(
        "Findings",
        "“{role}” is both {active} and {passive} on “{task}”; a role that does or decides "
        "the work need not also be consulted or informed.",
    ),
}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def code_name(code: Code) -> str:
    return _tr("Codes", code.name)


def code_meaning(code: Code) -> str:
    return _tr("Codes", code.meaning)


def scheme_title(scheme: Scheme) -> str:
    return _tr("Schemes", scheme.title)


def codes_in_words(scheme: Scheme, codes: str) -> str:
    """ "AR" → "Accountable and Responsible" (in the interface language); "" → "not involved"."""
    if not codes:
        return QCoreApplication.translate("Vocabulary", "not involved")
    words = [
        code_name(scheme.code(c)) if scheme.has(c) else c for c in scheme.display(codes).split("/")
    ]
    return join_words(words)


def join_words(words: list[str]) -> str:
    """ "a", "a and b", "a, b and c" in the interface language."""
    if len(words) <= 1:
        return "".join(words)
    separator = QCoreApplication.translate("Vocabulary", ", ")
    return QCoreApplication.translate("Vocabulary", "{first} and {last}").format(
        first=separator.join(words[:-1]), last=words[-1]
    )


def rule_title(rule: str) -> str:
    title = RULE_TITLES.get(rule)
    return _tr("Rules", str(title)) if title else rule


def quoted(name: str) -> str:
    """A name quoted the way the interface language quotes (“…” in English, «…» in Persian)."""
    return QCoreApplication.translate("Vocabulary", "“{name}”").format(name=name)


def _parts(finding: Finding, matrix: Matrix | None) -> dict[str, str] | None:
    """The named parts of the finding's sentence, in the interface's words."""
    wording = Wording(code_name=code_name, number=_number, quote=quoted, join=join_words)
    return finding_parts(finding, matrix, wording)


def _number(value: int) -> str:
    from rolematrix.gui.i18n import number

    return number(value)


def finding_message(finding: Finding, matrix: Matrix | None = None) -> str:
    """The finding's sentence in the interface language."""
    key = finding.rule
    if key == "task-too-many-responsible" and len(numbers_in(finding.message)) < 2:
        key = "task-too-many-responsible/strict"
    source = MESSAGES.get(key)
    if source is None:
        return finding.message
    translated = _tr("Findings", str(source))
    if translated == source:
        return finding.message  # no catalogue for this sentence: the checker's English
    parts = _parts(finding, matrix)
    if parts is None:
        return finding.message
    try:
        return translated.format(**parts)
    except (KeyError, IndexError, ValueError):
        return finding.message


__all__ = [
    "CODE_WORDS",
    "MESSAGES",
    "RULE_TITLES",
    "SCHEME_TITLES",
    "code_meaning",
    "code_name",
    "codes_in_words",
    "finding_message",
    "join_words",
    "quoted",
    "rule_title",
    "scheme_title",
]
