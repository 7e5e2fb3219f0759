"""The PDF exporters' own words, in English and Persian.

The matrix brings its own text (task and role names, descriptions); every word
the exporter adds around it -- "Accountable for", "page 3 of 6", the cover,
the legend, the findings -- comes from here, in the language of the matrix: a
right-to-left matrix gets Persian, any other English, unless the caller names
a language. The GUI translates through Qt Linguist, but the io layer must not
import Qt (the CLI exports on machines without it), so these words live in
plain dictionaries, one per language with the same keys; the Persian terms are
the ones the GUI's Persian catalogue uses, so the handbook and the editor call
a code by the same name.

Beyond words, a language here also fixes its digits (``۱۲۳`` in Persian), its
calendar (the Persian solar calendar, as dates are read in Iran) and its
reading direction, which the layout follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from rolematrix.core.finding_parts import NUMBER_PARTS, Wording, finding_parts, numbers_in
from rolematrix.core.findings import Finding, Severity
from rolematrix.core.model import Matrix
from rolematrix.core.schemes import Code, Scheme

EN: dict[str, str] = {
    # how the language is written
    "direction": "ltr",
    "digits": "0123456789",
    "calendar": "gregorian",
    "date.long": "{day} {month} {year}",
    "date.short": "{year}-{month}-{day}",
    "quote": "“{name}”",
    "list.separator": ", ",
    "list.and": "{first} and {last}",
    # counted nouns: one form per plural category
    "tasks.one": "{count} task",
    "tasks.other": "{count} tasks",
    "roles.one": "{count} role",
    "roles.other": "{count} roles",
    "errors.one": "{count} error",
    "errors.other": "{count} errors",
    "warnings.one": "{count} warning",
    "warnings.other": "{count} warnings",
    "remarks.one": "{count} remark",
    "remarks.other": "{count} remarks",
    # page furniture
    "page": "page {page} of {pages}",
    # the handbook
    "handbook.title": "{name}: roles and responsibilities",
    "handbook.subject": "Role handbook",
    "cover.subtitle": "Roles and responsibilities: a handbook",
    "cover.intro": (
        "Each chapter describes one role: what it is accountable for, the work it does, "
        "where it is consulted and what it is kept informed about. Read your own role's "
        "chapter first, then the roles you work with."
    ),
    "cover.facts": "{roles} · {tasks} · {scheme}",
    "cover.prepared": "Prepared {date}",
    "contents": "Contents",
    "appendix.matrix": "Appendix A: the whole matrix",
    "appendix.legend": "Appendix B: legend and findings",
    "chapter.held_by": "Held by: {names}",
    "chapter.summary": "In short: {parts}.",
    "chapter.summary_separator": "; ",
    "chapter.no_tasks": "This role has no tasks in the matrix yet.",
    "chapter.heading": "{section} ({count})",
    "chapter.unknown_code": (
        "Marked “{letter}”, a code the {scheme} scheme does not define ({count})"
    ),
    "entry.phase": "Phase: {phase}",
    "entry.described_above": "Described above, under “{section}”.",
    "entry.with": "{code}: {names}",
    "entry.and_more": "{names} and {count} more",
    "entry.nobody_else": "Nobody else is involved.",
    # the matrix report, and the handbook's appendix
    "report.subject": "Responsibility matrix",
    "report.facts": "{scheme} · {tasks} × {roles} · {date}",
    "grid.task": "Task",
    "grid.group": "Roles {first}–{last} of {total} (part {part} of {parts})",
    "legend.title": "Legend: {scheme}",
    "legend.code": "Code",
    "legend.name": "Name",
    "legend.meaning": "Meaning",
    "legend.combined": (
        "A cell may hold several codes, written together like “A/R”; it is coloured by the first."
    ),
    "findings.title": "Findings",
    "findings.none": "No findings: every rule of the checker passes.",
    "findings.summary": "{errors}, {warnings}, {remarks} and {accepted} accepted on purpose.",
    "findings.severity": "Severity",
    "findings.rule": "Rule",
    "findings.finding": "Finding",
    "findings.accepted": "{severity} (accepted)",
    "findings.reason": "Accepted: {reason}",
    "findings.more": "… and {count} more findings (all of them are in the xlsx export).",
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",
    # a role's chapter heading per code, and the same in the one-line summary
    "section.Accountable": "Accountable for",
    "section.Approver": "Approves",
    "section.Responsible": "Responsible for",
    "section.Driver": "Drives",
    "section.Support": "Supports",
    "section.Consulted": "Consulted on",
    "section.Contributor": "Contributes to",
    "section.Informed": "Kept informed on",
    "section.Verifies": "Verifies",
    "section.Signs off": "Signs off",
    "section.Out of the loop": "Deliberately left out of",
    "section.Involved": "Involved in",
    "summary.Accountable": "accountable for {tasks}",
    "summary.Approver": "approves {tasks}",
    "summary.Responsible": "responsible for {tasks}",
    "summary.Driver": "drives {tasks}",
    "summary.Support": "supports {tasks}",
    "summary.Consulted": "consulted on {tasks}",
    "summary.Contributor": "contributes to {tasks}",
    "summary.Informed": "kept informed on {tasks}",
    "summary.Verifies": "verifies {tasks}",
    "summary.Signs off": "signs off {tasks}",
    "summary.Out of the loop": "deliberately left out of {tasks}",
    "summary.Involved": "involved in {tasks}",
    # the schemes' own words (rolematrix.core.schemes), by their English text
    "code.Responsible": "Responsible",
    "code.Accountable": "Accountable",
    "code.Consulted": "Consulted",
    "code.Informed": "Informed",
    "code.Support": "Support",
    "code.Verifies": "Verifies",
    "code.Signs off": "Signs off",
    "code.Out of the loop": "Out of the loop",
    "code.Driver": "Driver",
    "code.Approver": "Approver",
    "code.Contributor": "Contributor",
    "code.Involved": "Involved",
    "meaning.does the work": "does the work",
    "meaning.owns the outcome and signs it off; exactly one per task": (
        "owns the outcome and signs it off; exactly one per task"
    ),
    "meaning.gives input before the work is done": "gives input before the work is done",
    "meaning.is told about progress or the result": "is told about progress or the result",
    "meaning.helps the responsible with the work": "helps the responsible with the work",
    "meaning.checks the result against the agreed criteria": (
        "checks the result against the agreed criteria"
    ),
    "meaning.approves the verified result": "approves the verified result",
    "meaning.is deliberately not involved": "is deliberately not involved",
    "meaning.drives the work and the decision forward": (
        "drives the work and the decision forward"
    ),
    "meaning.makes the final decision; exactly one per task": (
        "makes the final decision; exactly one per task"
    ),
    "meaning.contributes knowledge or work": "contributes knowledge or work",
    "meaning.is told about the decision": "is told about the decision",
    "meaning.takes part in the task": "takes part in the task",
    "scheme.RACI": "RACI",
    "scheme.RASCI (RACI plus Support)": "RASCI (RACI plus Support)",
    "scheme.RACI-VS (RACI plus Verifies and Signs off)": (
        "RACI-VS (RACI plus Verifies and Signs off)"
    ),
    "scheme.CAIRO (RACI plus Out of the loop)": "CAIRO (RACI plus Out of the loop)",
    "scheme.DACI (Driver, Approver, Contributor, Informed)": (
        "DACI (Driver, Approver, Contributor, Informed)"
    ),
    "scheme.Check marks (involved or not)": "Check marks (involved or not)",
    # the checker's rules: English shows the rule's id, as the xlsx and JSON do
    "rule.task-uncovered": "task-uncovered",
    "rule.task-no-accountable": "task-no-accountable",
    "rule.task-multiple-accountable": "task-multiple-accountable",
    "rule.task-no-responsible": "task-no-responsible",
    "rule.task-too-many-responsible": "task-too-many-responsible",
    "rule.task-accountable-is-responsible": "task-accountable-is-responsible",
    "rule.task-too-many-consulted": "task-too-many-consulted",
    "rule.task-everyone-involved": "task-everyone-involved",
    "rule.role-idle": "role-idle",
    "rule.role-overloaded": "role-overloaded",
    "rule.role-no-decisions": "role-no-decisions",
    "rule.role-unstaffed": "role-unstaffed",
    "rule.person-conflicting-roles": "person-conflicting-roles",
    "rule.person-overloaded": "person-overloaded",
    "rule.template-task-missing": "template-task-missing",
    "rule.template-role-missing": "template-role-missing",
    "rule.template-accountable-differs": "template-accountable-differs",
    "rule.cell-mixed-codes": "cell-mixed-codes",
    "rule.cell-unknown-code": "cell-unknown-code",
    # Each finding's sentence with named parts. English prints the checker's own
    # sentence; these are what the other languages translate (and the tests
    # check that they rebuild the checker's sentence, so the parts are right).
    "finding.task-uncovered": "No role takes part in “{task}”, so nobody will do it.",
    "finding.task-no-accountable": (
        "Nobody is {accountable} for “{task}”: give exactly one role the {letter}."
    ),
    "finding.task-multiple-accountable": (
        "“{task}” has {count} {accountable} roles ({roles}); only one can own the outcome."
    ),
    "finding.task-no-responsible": (
        "Nobody is {responsible} for doing “{task}”; an accountable alone does not do the work."
    ),
    "finding.task-too-many-responsible": (
        "“{task}” has {count} {responsible} roles, more than {limit}; "
        "too many hands blur who does what."
    ),
    "finding.task-too-many-responsible/strict": (
        "“{task}” has {count} {responsible} roles; this matrix asks for exactly one."
    ),
    "finding.task-accountable-is-responsible": (
        "“{role}” both does “{task}” and signs it off; nobody else checks the work."
    ),
    "finding.task-too-many-consulted": (
        "“{task}” has {count} {consulted} roles, more than {limit}; "
        "asking everyone slows the work down."
    ),
    "finding.task-everyone-involved": (
        "Every role takes part in “{task}”; check that each one really needs to."
    ),
    "finding.role-idle": "“{role}” takes part in no task of this matrix.",
    "finding.role-overloaded": (
        "“{role}” is responsible or accountable for {count} of {total} tasks ({percent}%); "
        "consider sharing the load."
    ),
    "finding.role-no-decisions": (
        "“{role}” is only consulted or informed; it never does or decides anything."
    ),
    "finding.role-unstaffed": (
        "Nobody holds “{role}”, yet it is responsible or accountable for {count} tasks."
    ),
    "finding.person-conflicting-roles": (
        "{person} holds both “{role}” and “{other}”, which must stay with different people."
    ),
    "finding.person-overloaded": (
        "{person} is responsible or accountable for {count} of {total} tasks ({percent}%) "
        "through the roles they hold."
    ),
    "finding.template-task-missing": (
        "The template “{template}” has the task “{task}”, which this matrix lacks."
    ),
    "finding.template-role-missing": (
        "The template “{template}” has the role “{role}”, which this matrix lacks."
    ),
    "finding.template-accountable-differs": (
        "The template makes {theirs} accountable for “{task}”; "
        "this matrix makes {mine} accountable."
    ),
    "finding.cell-unknown-code": (
        "“{role}” has {codes} on “{task}”, which the {scheme} scheme does not define."
    ),
    "finding.cell-mixed-codes": (
        "“{role}” is both {active} and {passive} on “{task}”; a role that does or decides "
        "the work need not also be consulted or informed."
    ),
    # months of the language's calendar
    "month.1": "January",
    "month.2": "February",
    "month.3": "March",
    "month.4": "April",
    "month.5": "May",
    "month.6": "June",
    "month.7": "July",
    "month.8": "August",
    "month.9": "September",
    "month.10": "October",
    "month.11": "November",
    "month.12": "December",
}

FA: dict[str, str] = {
    "direction": "rtl",
    "digits": "۰۱۲۳۴۵۶۷۸۹",
    "calendar": "jalali",
    "date.long": "{day} {month} {year}",
    "date.short": "{year}/{month}/{day}",
    "quote": "«{name}»",
    "list.separator": "، ",
    "list.and": "{first} و {last}",
    # Persian nouns do not inflect after a number: "۱ وظیفه", "۷ وظیفه".
    "tasks.one": "{count} وظیفه",
    "tasks.other": "{count} وظیفه",
    "roles.one": "{count} نقش",
    "roles.other": "{count} نقش",
    "errors.one": "{count} خطا",
    "errors.other": "{count} خطا",
    "warnings.one": "{count} هشدار",
    "warnings.other": "{count} هشدار",
    "remarks.one": "{count} نکته",
    "remarks.other": "{count} نکته",
    "page": "صفحه‌ی {page} از {pages}",
    "handbook.title": "{name}: نقش‌ها و مسئولیت‌ها",
    "handbook.subject": "دفترچه‌ی نقش‌ها",
    "cover.subtitle": "نقش‌ها و مسئولیت‌ها: دفترچه‌ی راهنما",
    "cover.intro": (
        "هر فصل یک نقش را شرح می‌دهد: پاسخگوی چه چیزهایی است، چه کارهایی انجام می‌دهد، "
        "در چه کارهایی از او نظر می‌خواهند و از چه چیزهایی باخبر می‌شود. نخست فصل نقش "
        "خودتان را بخوانید، سپس فصل نقش‌هایی را که با آن‌ها کار می‌کنید."
    ),
    "cover.facts": "{roles} · {tasks} · {scheme}",
    "cover.prepared": "تهیه‌شده در {date}",
    "contents": "فهرست مطالب",
    "appendix.matrix": "پیوست الف: کل ماتریس",
    "appendix.legend": "پیوست ب: راهنمای کدها و یافته‌ها",
    "chapter.held_by": "عهده‌دار: {names}",
    "chapter.summary": "به‌طور خلاصه: {parts}.",
    "chapter.summary_separator": "؛ ",
    "chapter.no_tasks": "این نقش هنوز هیچ وظیفه‌ای در ماتریس ندارد.",
    "chapter.heading": "{section} ({count})",
    "chapter.unknown_code": "کد «{letter}»، که طرح {scheme} آن را تعریف نکرده است ({count})",
    "entry.phase": "مرحله: {phase}",
    "entry.described_above": "پیش‌تر، زیر «{section}»، شرح داده شده است.",
    "entry.with": "{code}: {names}",
    "entry.and_more": "{names} و {count} نقش دیگر",
    "entry.nobody_else": "نقش دیگری در این وظیفه دخیل نیست.",
    "report.subject": "ماتریس مسئولیت‌ها",
    # the scheme last: a Latin title before "۱۵" would pull the number into its left-to-right run
    "report.facts": "{tasks} × {roles} · {date} · {scheme}",
    "grid.task": "وظیفه",
    "grid.group": "نقش‌های {first} تا {last} از {total} (بخش {part} از {parts})",
    "legend.title": "راهنمای کدها: {scheme}",
    "legend.code": "کد",
    "legend.name": "نام",
    "legend.meaning": "معنا",
    "legend.combined": (
        "یک خانه می‌تواند چند کد داشته باشد که با هم نوشته می‌شوند، مانند «A/R»؛ "
        "رنگ خانه را کد نخست تعیین می‌کند."
    ),
    "findings.title": "یافته‌ها",
    "findings.none": "یافته‌ای نیست: ماتریس همه‌ی قاعده‌های بررسی را برآورده می‌کند.",
    "findings.summary": "{errors}، {warnings}، {remarks} و {accepted} مورد آگاهانه پذیرفته‌شده.",
    "findings.severity": "شدت",
    "findings.rule": "قاعده",
    "findings.finding": "یافته",
    "findings.accepted": "{severity} (پذیرفته‌شده)",
    "findings.reason": "پذیرفته‌شده: {reason}",
    "findings.more": "… و {count} یافته‌ی دیگر (همه‌ی آن‌ها در خروجی xlsx آمده‌اند).",
    "severity.error": "خطا",
    "severity.warning": "هشدار",
    "severity.info": "نکته",
    "section.Accountable": "پاسخگو",
    "section.Approver": "تصویب‌کننده",
    "section.Responsible": "مسئول",
    "section.Driver": "پیش‌برنده",
    "section.Support": "پشتیبان",
    "section.Consulted": "مشاور",
    "section.Contributor": "مشارکت‌کننده",
    "section.Informed": "مطلع",
    "section.Verifies": "وارسی‌کننده",
    "section.Signs off": "امضاکننده",
    "section.Out of the loop": "عمداً بیرون از جریان",
    "section.Involved": "دخیل",
    "summary.Accountable": "پاسخگوی {tasks}",
    "summary.Approver": "تصویب‌کننده‌ی {tasks}",
    "summary.Responsible": "مسئول {tasks}",
    "summary.Driver": "پیش‌برنده‌ی {tasks}",
    "summary.Support": "پشتیبان در {tasks}",
    "summary.Consulted": "مشاور در {tasks}",
    "summary.Contributor": "مشارکت‌کننده در {tasks}",
    "summary.Informed": "مطلع از {tasks}",
    "summary.Verifies": "وارسی‌کننده‌ی {tasks}",
    "summary.Signs off": "امضاکننده‌ی {tasks}",
    "summary.Out of the loop": "عمداً بیرون از {tasks}",
    "summary.Involved": "دخیل در {tasks}",
    "code.Responsible": "مسئول",
    "code.Accountable": "پاسخگو",
    "code.Consulted": "مشاور",
    "code.Informed": "مطلع",
    "code.Support": "پشتیبان",
    "code.Verifies": "وارسی‌کننده",
    "code.Signs off": "امضاکننده",
    "code.Out of the loop": "بیرون از جریان",
    "code.Driver": "پیش‌برنده",
    "code.Approver": "تصویب‌کننده",
    "code.Contributor": "مشارکت‌کننده",
    "code.Involved": "دخیل",
    "meaning.does the work": "کار را انجام می‌دهد",
    "meaning.owns the outcome and signs it off; exactly one per task": (
        "صاحب نتیجه است و آن را تأیید نهایی می‌کند؛ برای هر وظیفه دقیقاً یکی"
    ),
    "meaning.gives input before the work is done": "پیش از انجام کار نظر می‌دهد",
    "meaning.is told about progress or the result": "از پیشرفت یا نتیجه باخبر می‌شود",
    "meaning.helps the responsible with the work": "در انجام کار به مسئول کمک می‌کند",
    "meaning.checks the result against the agreed criteria": (
        "نتیجه را با معیارهای توافق‌شده می‌سنجد"
    ),
    "meaning.approves the verified result": "نتیجه‌ی وارسی‌شده را تصویب می‌کند",
    "meaning.is deliberately not involved": "عمداً در کار دخالتی ندارد",
    "meaning.drives the work and the decision forward": "کار و تصمیم را پیش می‌برد",
    "meaning.makes the final decision; exactly one per task": (
        "تصمیم نهایی را می‌گیرد؛ برای هر وظیفه دقیقاً یکی"
    ),
    "meaning.contributes knowledge or work": "دانش یا کار خود را به میان می‌آورد",
    "meaning.is told about the decision": "از تصمیم باخبر می‌شود",
    "meaning.takes part in the task": "در وظیفه نقش دارد",
    "scheme.RACI": "RACI",
    "scheme.RASCI (RACI plus Support)": "RASCI (RACI به‌علاوه‌ی پشتیبان)",
    "scheme.RACI-VS (RACI plus Verifies and Signs off)": (
        "RACI-VS (RACI به‌علاوه‌ی وارسی‌کننده و امضاکننده)"
    ),
    "scheme.CAIRO (RACI plus Out of the loop)": "CAIRO (RACI به‌علاوه‌ی بیرون از جریان)",
    "scheme.DACI (Driver, Approver, Contributor, Informed)": (
        "DACI (پیش‌برنده، تصویب‌کننده، مشارکت‌کننده، مطلع)"
    ),
    "scheme.Check marks (involved or not)": "علامت تیک (دخیل هست یا نیست)",
    "rule.task-uncovered": "هیچ‌کس در وظیفه مشارکت ندارد",
    "rule.task-no-accountable": "وظیفه پاسخگو ندارد",
    "rule.task-multiple-accountable": "بیش از یک پاسخگو",
    "rule.task-no-responsible": "هیچ‌کس کار را انجام نمی‌دهد",
    "rule.task-too-many-responsible": "مسئول بیش از اندازه",
    "rule.task-accountable-is-responsible": "انجام‌دهنده کار خودش را تأیید می‌کند",
    "rule.task-too-many-consulted": "مشاور بیش از اندازه",
    "rule.task-everyone-involved": "همه‌ی نقش‌ها دخیل‌اند",
    "rule.role-idle": "نقش در هیچ کاری مشارکت ندارد",
    "rule.role-overloaded": "بار نقش بیش از اندازه است",
    "rule.role-no-decisions": "نقش هرگز کاری انجام نمی‌دهد یا تصمیمی نمی‌گیرد",
    "rule.role-unstaffed": "هیچ‌کس عهده‌دار نقش نیست",
    "rule.person-conflicting-roles": "یک نفر نقش‌های متعارض دارد",
    "rule.person-overloaded": "بار یک نفر بیش از اندازه است",
    "rule.template-task-missing": "وظیفه‌ای از الگو کم است",
    "rule.template-role-missing": "نقشی از الگو کم است",
    "rule.template-accountable-differs": "پاسخگو با الگو فرق دارد",
    "rule.cell-mixed-codes": "کد فعال و غیرفعال در یک خانه",
    "rule.cell-unknown-code": "کدی که طرح نمی‌شناسد",
    "finding.task-uncovered": "هیچ نقشی در «{task}» مشارکت ندارد، پس کسی آن را انجام نخواهد داد.",
    "finding.task-no-accountable": (
        "هیچ نقشی {accountable} «{task}» نیست: کد {letter} را دقیقاً به یک نقش بدهید."
    ),
    "finding.task-multiple-accountable": (
        "«{task}» {count} نقش {accountable} دارد ({roles})؛ تنها یکی می‌تواند صاحب نتیجه باشد."
    ),
    "finding.task-no-responsible": (
        "هیچ نقشی {responsible} انجام «{task}» نیست؛ پاسخگو به‌تنهایی کار را انجام نمی‌دهد."
    ),
    "finding.task-too-many-responsible": (
        "«{task}» {count} نقش {responsible} دارد، بیش از {limit}؛ "
        "با دست‌های زیاد روشن نیست چه کسی چه کاری می‌کند."
    ),
    "finding.task-too-many-responsible/strict": (
        "«{task}» {count} نقش {responsible} دارد؛ این ماتریس دقیقاً یکی می‌خواهد."
    ),
    "finding.task-accountable-is-responsible": (
        "«{role}» هم «{task}» را انجام می‌دهد و هم آن را تأیید نهایی می‌کند؛ "
        "کس دیگری کار را وارسی نمی‌کند."
    ),
    "finding.task-too-many-consulted": (
        "«{task}» {count} نقش {consulted} دارد، بیش از {limit}؛ نظرخواهی از همه کار را کُند می‌کند."
    ),
    "finding.task-everyone-involved": (
        "همه‌ی نقش‌ها در «{task}» مشارکت دارند؛ بررسی کنید که حضور هر کدام واقعاً لازم باشد."
    ),
    "finding.role-idle": "«{role}» در هیچ وظیفه‌ای از این ماتریس مشارکت ندارد.",
    "finding.role-overloaded": (
        "«{role}» در {count} وظیفه از {total} وظیفه ({percent}٪) مسئول یا پاسخگو است؛ "
        "بهتر است این بار تقسیم شود."
    ),
    "finding.role-no-decisions": (
        "«{role}» فقط مشاور یا مطلع است؛ هیچ‌گاه کاری انجام نمی‌دهد یا تصمیمی نمی‌گیرد."
    ),
    "finding.role-unstaffed": (
        "هیچ فردی عهده‌دار «{role}» نیست، با اینکه این نقش در {count} وظیفه مسئول یا پاسخگو است."
    ),
    "finding.person-conflicting-roles": (
        "{person} هم «{role}» را بر عهده دارد و هم «{other}» را، که باید با افراد جداگانه بمانند."
    ),
    "finding.person-overloaded": (
        "{person} از راه نقش‌هایی که بر عهده دارد در {count} وظیفه از {total} وظیفه "
        "({percent}٪) مسئول یا پاسخگو است."
    ),
    "finding.template-task-missing": (
        "الگوی «{template}» وظیفه‌ی «{task}» را دارد، اما این ماتریس ندارد."
    ),
    "finding.template-role-missing": "الگوی «{template}» نقش «{role}» را دارد، اما این ماتریس ندارد.",
    "finding.template-accountable-differs": (
        "در الگو {theirs} پاسخگوی «{task}» است؛ در این ماتریس {mine}."
    ),
    "finding.cell-unknown-code": (
        "«{role}» در «{task}» کد {codes} را دارد که طرح {scheme} آن را تعریف نکرده است."
    ),
    "finding.cell-mixed-codes": (
        "«{role}» در «{task}» هم {active} است و هم {passive}؛ نقشی که کار را انجام می‌دهد "
        "یا درباره‌ی آن تصمیم می‌گیرد، لازم نیست مشاور یا مطلع هم باشد."
    ),
    # the months of the Persian solar calendar
    "month.1": "فروردین",
    "month.2": "اردیبهشت",
    "month.3": "خرداد",
    "month.4": "تیر",
    "month.5": "مرداد",
    "month.6": "شهریور",
    "month.7": "مهر",
    "month.8": "آبان",
    "month.9": "آذر",
    "month.10": "دی",
    "month.11": "بهمن",
    "month.12": "اسفند",
}

WORDS: dict[str, dict[str, str]] = {"en": EN, "fa": FA}
LANGUAGES = tuple(WORDS)


@dataclass(frozen=True)
class Words:
    """The exporter's words in one language, with that language's numbers, dates and lists."""

    language: str
    table: Mapping[str, str]

    @property
    def rtl(self) -> bool:
        return self.table["direction"] == "rtl"

    def __call__(self, key: str, **values: object) -> str:
        """The text of ``key`` with ``values`` set in; whole numbers in this language's digits.

        In a right-to-left language every other value is set in as a bidi
        isolate (see :func:`isolate`): a Latin name must not carry the number
        after it into its own left-to-right run ("«Task 56» ۹ نقش" would print
        the ۹ inside the quotes). The PDF text layer drops the isolates once
        the line is ordered.
        """
        text = self.table[key]
        if not values:
            return text
        rtl = self.rtl
        shown = {
            k: self.number(v) if isinstance(v, int) else isolate(str(v)) if rtl else v
            for k, v in values.items()
        }
        return text.format(**shown)

    def number(self, value: int) -> str:
        return str(value).translate(_digit_map(self.table["digits"]))

    def count(self, value: int, noun: str) -> str:
        """ "1 task", "7 tasks" -- the plural category decides the form (Persian has one)."""
        return self(f"{noun}.one" if value == 1 else f"{noun}.other", count=value)

    def date(self, day: dt.date, *, short: bool = False) -> str:
        """A date in this language's calendar: "1 December 2026" / "۱۰ آذر ۱۴۰۵"."""
        if self.table["calendar"] == "jalali":
            year, month, date = to_jalali(day)
        else:
            year, month, date = day.year, day.month, day.day
        number = self.number
        if short:  # digits only: no isolates, which would turn "۱۴۰۵/۰۹/۱۰" around
            zero = self.table["digits"][0]
            return self.table["date.short"].format(
                year=number(year),
                month=number(month).rjust(2, zero),
                day=number(date).rjust(2, zero),
            )
        month_name = self(f"month.{month}")
        return self.table["date.long"].format(day=number(date), month=month_name, year=number(year))

    def quote(self, name: str) -> str:
        return self("quote", name=name)

    def join(self, items: list[str]) -> str:
        """ "a", "a and b", "a, b and c"."""
        if len(items) <= 1:
            return "".join(items)
        first = self("list.separator").join(items[:-1])
        return self("list.and", first=first, last=items[-1])

    # --------------------------------------------------- the schemes' words
    def code_name(self, code: Code) -> str:
        return self.table.get(f"code.{code.name}", code.name)

    def code_meaning(self, code: Code) -> str:
        return self.table.get(f"meaning.{code.meaning}", code.meaning)

    def scheme_title(self, scheme: Scheme) -> str:
        return self.table.get(f"scheme.{scheme.title}", scheme.title)

    def section(self, code: Code) -> str:
        """A role chapter's heading for the tasks holding ``code`` ("Accountable for")."""
        return self.table.get(f"section.{code.name}", self.code_name(code))

    def summary_part(self, code: Code, tasks: int) -> str:
        """``code`` in a chapter's one-line summary: "accountable for 7 tasks"."""
        counted = self.count(tasks, "tasks")
        key = f"summary.{code.name}"
        if key in self.table:
            return self(key, tasks=counted)
        return f"{self.code_name(code).lower()}: {counted}"

    # --------------------------------------------------------- the checker
    def severity(self, severity: Severity) -> str:
        return self(f"severity.{severity.value}")

    def rule(self, rule: str) -> str:
        return self.table.get(f"rule.{rule}", rule)

    def finding(self, finding: Finding, matrix: Matrix | None = None) -> str:
        """The finding's sentence in this language; the checker's English when it cannot be read."""
        if self.language == "en":
            return finding.message
        return self.rebuild(finding, matrix) or finding.message

    def rebuild(self, finding: Finding, matrix: Matrix | None = None) -> str | None:
        """The finding's sentence from this language's template, or None if it does not fit."""
        key = finding.rule
        if key == "task-too-many-responsible" and len(numbers_in(finding.message)) < 2:
            key += "/strict"
        template = self.table.get(f"finding.{key}")
        parts = finding_parts(
            finding, matrix, Wording(self.code_name, self.number, self.quote, self.join)
        )
        if template is None or parts is None:
            return None
        if self.rtl:  # names as isolates, as in __call__; numbers stay numbers
            parts = {k: v if k in NUMBER_PARTS else isolate(v) for k, v in parts.items()}
        try:
            return template.format(**parts)
        except (KeyError, IndexError, ValueError):
            return None


def isolate(value: str) -> str:
    """``value`` as a bidi isolate in a right-to-left sentence.

    A plain value (a name) is a first-strong isolate (FSI), reading in its
    own direction. A value already holding isolates is this language's own
    composition (a list of quoted names, "۷ وظیفه" set into a sentence); its
    strong characters may all sit inside the inner isolates, where FSI would
    not see them and fall back to left to right, so it is a right-to-left
    isolate (RLI).
    """
    return f"\u2067{value}\u2069" if "\u2069" in value else f"\u2068{value}\u2069"


def words_for(matrix: Matrix, language: str | None = None) -> Words:
    """The words for exporting ``matrix``: Persian when it reads right to left, else English.

    Raises ``ValueError`` for a language there are no words for.
    """
    if language is None:
        language = "fa" if matrix.is_rtl else "en"
    table = WORDS.get(language)
    if table is None:
        raise ValueError(f"no words for language {language!r} (known: {', '.join(LANGUAGES)})")
    return Words(language, table)


_DIGIT_MAPS: dict[str, dict[int, str]] = {}


def _digit_map(digits: str) -> dict[int, str]:
    found = _DIGIT_MAPS.get(digits)
    if found is None:
        found = _DIGIT_MAPS[digits] = {ord(str(n)): d for n, d in enumerate(digits)}
    return found


# ------------------------------------------------------------- calendar
# Years (of the Persian calendar) where the 33-year leap cycle shifts: the
# arithmetic of jalaali-js (after Borkowski), which agrees with Iran's
# official calendar over the centuries around our own.
_BREAKS: tuple[int, ...] = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635)
_BREAKS += (2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


def _nowruz(year: int) -> dt.date:
    """The Gregorian date of 1 Farvardin (the new year) of Persian ``year``."""
    leap = -14
    previous = _BREAKS[0]
    jump = 0
    for mark in _BREAKS[1:]:
        jump = mark - previous
        if year < mark:
            break
        leap += jump // 33 * 8 + jump % 33 // 4
        previous = mark
    n = year - previous
    leap += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap += 1
    gregorian = year + 621
    gregorian_leap = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    return dt.date(gregorian, 3, 20 + leap - gregorian_leap)


def to_jalali(day: dt.date) -> tuple[int, int, int]:
    """(year, month, day) of ``day`` in the Persian solar calendar (Iran's civil calendar)."""
    year = day.year - 621
    start = _nowruz(year)
    if day < start:
        year -= 1
        start = _nowruz(year)
    k = (day - start).days
    if k < 186:  # six months of 31 days, then five of 30 and Esfand
        return year, 1 + k // 31, 1 + k % 31
    k -= 186
    return year, 7 + k // 30, 1 + k % 30


__all__ = ["EN", "FA", "LANGUAGES", "WORDS", "Words", "isolate", "to_jalali", "words_for"]
