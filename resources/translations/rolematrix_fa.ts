<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../rolematrix/gui/help.py" line="+276"/>
        <location line="+27"/>
        <source>About RoleMatrix</source>
        <translation>درباره‌ی RoleMatrix</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>RoleMatrix icon</source>
        <translation>نماد RoleMatrix</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version {version}</source>
        <translation>نسخه‌ی {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit and check responsibility matrices (RACI and its variants): who is responsible, accountable, consulted and informed.</source>
        <translation>ویرایش و بررسی ماتریس‌های مسئولیت (RACI و گونه‌های آن): چه کسی مسئول، پاسخگو، مشاور و مطلع است.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Free software under the MIT licence.</source>
        <translation>نرم‌افزار آزاد با پروانه‌ی MIT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uses Qt {qt} through PySide6 {pyside}, on Python {python}. The DejaVu fonts are used for PDF exports.</source>
        <translation>با Qt {qt} از راه PySide6 {pyside}، روی Python {python}. قلم‌های DejaVu برای خروجی PDF به کار می‌روند.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;About</source>
        <translation>&amp;درباره</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MIT licence of RoleMatrix</source>
        <translation>پروانه‌ی MIT نرم‌افزار RoleMatrix</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Licence</source>
        <translation>&amp;پروانه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The licence of the DejaVu fonts</source>
        <translation>پروانه‌ی قلم‌های DejaVu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fonts</source>
        <translation>&amp;قلم‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>درباره‌ی &amp;Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Qt</source>
        <translation>درباره‌ی Qt</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../rolematrix/gui/vocabulary.py" line="+26"/>
        <source>Responsible</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>does the work</source>
        <translation>کار را انجام می‌دهد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accountable</source>
        <translation>پاسخگو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>owns the outcome and signs it off; exactly one per task</source>
        <translation>صاحب نتیجه است و آن را تأیید نهایی می‌کند؛ برای هر وظیفه دقیقاً یکی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consulted</source>
        <translation>مشاور</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gives input before the work is done</source>
        <translation>پیش از انجام کار نظر می‌دهد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Informed</source>
        <translation>مطلع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is told about progress or the result</source>
        <translation>از پیشرفت یا نتیجه باخبر می‌شود</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Support</source>
        <translation>پشتیبان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>helps the responsible with the work</source>
        <translation>در انجام کار به مسئول کمک می‌کند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifies</source>
        <translation>وارسی‌کننده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checks the result against the agreed criteria</source>
        <translation>نتیجه را با معیارهای توافق‌شده می‌سنجد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signs off</source>
        <translation>امضاکننده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approves the verified result</source>
        <translation>نتیجه‌ی وارسی‌شده را تصویب می‌کند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of the loop</source>
        <translation>بیرون از جریان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is deliberately not involved</source>
        <translation>عمداً در کار دخالتی ندارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driver</source>
        <translation>پیش‌برنده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>drives the work and the decision forward</source>
        <translation>کار و تصمیم را پیش می‌برد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approver</source>
        <translation>تصویب‌کننده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>makes the final decision; exactly one per task</source>
        <translation>تصمیم نهایی را می‌گیرد؛ برای هر وظیفه دقیقاً یکی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contributor</source>
        <translation>مشارکت‌کننده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contributes knowledge or work</source>
        <translation>دانش یا کار خود را به میان می‌آورد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is told about the decision</source>
        <translation>از تصمیم باخبر می‌شود</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Involved</source>
        <translation>دخیل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>takes part in the task</source>
        <translation>در وظیفه نقش دارد</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../rolematrix/gui/undo.py" line="+79"/>
        <source>A task needs a name.</source>
        <translation>وظیفه باید نامی داشته باشد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role needs a name.</source>
        <translation>نقش باید نامی داشته باشد.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Set {name}</source>
        <extracomment>The Edit menu&apos;s words for each edit (see EditLabel for the keys).</extracomment>
        <translation>گذاشتن {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Toggle {name}</source>
        <translation>افزودن یا برداشتن {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle code</source>
        <translation>چرخش کد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear cells</source>
        <translation>پاک کردن خانه‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut</source>
        <translation>برش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste</source>
        <translation>چسباندن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit cells</source>
        <translation>ویرایش خانه‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert task “{name}”</source>
        <translation>افزودن وظیفه‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete task “{name}”</source>
        <translation>حذف وظیفه‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {count} tasks</source>
        <translation>حذف {count} وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move task “{name}”</source>
        <translation>جابه‌جایی وظیفه‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit task “{name}”</source>
        <translation>ویرایش وظیفه‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename task to “{name}”</source>
        <translation>تغییر نام وظیفه به «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Change the description of “{name}”</source>
        <translation>تغییر شرح «{name}»</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Change the notes of “{name}”</source>
        <translation>تغییر یادداشت‌های «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the reference of “{name}”</source>
        <translation>تغییر شناسهٔ «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert role “{name}”</source>
        <translation>افزودن نقش «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete role “{name}”</source>
        <translation>حذف نقش «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {count} roles</source>
        <translation>حذف {count} نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move role “{name}”</source>
        <translation>جابه‌جایی نقش «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit role “{name}”</source>
        <translation>ویرایش نقش «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename role to “{name}”</source>
        <translation>تغییر نام نقش به «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the short label of “{name}”</source>
        <translation>تغییر برچسب کوتاه «{name}»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the colour of “{name}”</source>
        <translation>تغییر رنگ «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert phase “{name}”</source>
        <translation>افزودن مرحله‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete phase “{name}”</source>
        <translation>حذف مرحله‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename phase to “{name}”</source>
        <translation>تغییر نام مرحله به «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move phase “{name}”</source>
        <translation>جابه‌جایی مرحله‌ی «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply staffing “{name}”</source>
        <translation>به‌کار بستن چینش «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add person “{name}”</source>
        <translation>افزودن «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove person “{name}”</source>
        <translation>برداشتن «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change roles of “{name}”</source>
        <translation>تغییر نقش‌های «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename person to “{name}”</source>
        <translation>تغییر نام فرد به «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role conflicts</source>
        <translation>تغییر تعارض نقش‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept {name}</source>
        <translation>پذیرفتن {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen {name}</source>
        <translation>بازگشایی {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change checker settings</source>
        <translation>تغییر تنظیمات بررسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the scheme to {name}</source>
        <translation>تغییر طرح به {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the properties of “{name}”</source>
        <translation>تغییر ویژگی‌های «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add matrix “{name}”</source>
        <translation>افزودن ماتریس «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate matrix “{name}”</source>
        <translation>رونوشت از ماتریس «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete matrix “{name}”</source>
        <translation>حذف ماتریس «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move matrix “{name}”</source>
        <translation>جابه‌جایی ماتریس «{name}»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename matrix to “{name}”</source>
        <translation>تغییر نام ماتریس به «{name}»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{text}” is not a code of {scheme} (codes: {codes})</source>
        <extracomment>What the status bar says when the editor refused something (see Refusal for the keys).</extracomment>
        <translation>«{text}» کدی از {scheme} نیست (کدها: {codes})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A person needs a name.</source>
        <translation>هر فرد باید نامی داشته باشد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A matrix needs a name.</source>
        <translation>ماتریس باید نامی داشته باشد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A task named “{text}” already exists.</source>
        <translation>وظیفه‌ای با نام «{text}» از پیش هست.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A role named “{text}” already exists.</source>
        <translation>نقشی با نام «{text}» از پیش هست.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A matrix named “{text}” already exists in this document.</source>
        <translation>ماتریسی با نام «{text}» از پیش در این سند هست.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A document keeps at least one matrix; add another before deleting this one.</source>
        <translation>هر سند دست‌کم یک ماتریس دارد؛ پیش از حذف این یکی، ماتریس دیگری بیفزایید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pasted block reaches past the matrix: it needs {count} more tasks and {extra} more roles.</source>
        <translation>بلوک چسبانده‌شده از ماتریس بیرون می‌زند: {count} وظیفه و {extra} نقش دیگر لازم دارد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The clipboard holds {count} cells, too many to paste; import the file instead.</source>
        <translation>حافظهٔ موقت {count} خانه دارد که برای چسباندن زیاد است؛ به‌جای آن پرونده را درون‌ریزی کنید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{count} pasted values were not codes and their cells were left as they were (“{text}”).</source>
        <translation>{count} مقدار چسبانده‌شده کد نبودند و خانه‌هایشان دست‌نخورده ماندند («{text}»).</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Edit matrix</source>
        <translation>ویرایش ماتریس</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../rolematrix/gui/conflict_dialog.py" line="+174"/>
        <source>Someone else changed the same things</source>
        <translation>کس دیگری همین موارد را تغییر داده است</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Since you opened {where}, others saved changes to things you changed too. Nothing has been saved yet. For each one, keep your version (checked) or take theirs (unchecked), then save.</source>
        <translation>از وقتی {where} را باز کردید، دیگران تغییراتی را در همان مواردی ذخیره کرده‌اند که شما هم تغییر داده‌اید. هنوز چیزی ذخیره نشده است. برای هر مورد، نسخهٔ خود را نگه دارید (تیک‌خورده) یا نسخهٔ آن‌ها را بپذیرید (بدون تیک)، سپس ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Conflicts</source>
        <translation>تعارض‌ها</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save with these choices</source>
        <translation>&amp;ذخیره با همین انتخاب‌ها</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep all &amp;mine</source>
        <translation>نگه‌داشتن همهٔ نسخه‌های &amp;من</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take all &amp;theirs</source>
        <translation>پذیرفتن همهٔ نسخه‌های &amp;آن‌ها</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Some of your new tasks or roles have the same name as ones someone else added. Cancel, rename yours, and save again.</source>
        <translation>برخی از وظیفه‌ها یا نقش‌های تازهٔ شما هم‌نام مواردی هستند که کس دیگری افزوده است. لغو کنید، نام موارد خود را تغییر دهید و دوباره ذخیره کنید.</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <location line="-162"/>
        <source>What</source>
        <translation>چه چیزی</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+52"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Before</source>
        <translation>پیش‌تر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theirs</source>
        <translation>نسخهٔ آن‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed by</source>
        <translation>تغییر توسط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mine</source>
        <translation>نسخهٔ من</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>نگه‌داشتن</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>rename yours first</source>
        <translation>اول نام مورد خود را تغییر دهید</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mine</source>
        <translation>مال من</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>theirs</source>
        <translation>مال آن‌ها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checked: keep my version. Unchecked: take theirs.</source>
        <translation>تیک‌خورده: نسخهٔ من نگه داشته می‌شود. بدون تیک: نسخهٔ آن‌ها پذیرفته می‌شود.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cell</source>
        <translation>خانه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phase</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Matrix</source>
        <translation>ماتریس</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Matrix deleted</source>
        <translation>ماتریس حذف شد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles kept apart</source>
        <translation>نقش‌های جدا از هم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted findings</source>
        <translation>یافته‌های پذیرفته‌شده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staffing presets</source>
        <translation>چیدمان‌های نیرو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task order</source>
        <translation>ترتیب وظیفه‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role order</source>
        <translation>ترتیب نقش‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phase order</source>
        <translation>ترتیب مرحله‌ها</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../rolematrix/gui/app.py" line="+224"/>
        <source>Open document</source>
        <extracomment>The desktop entry&apos;s name (resources/linux/): Wayland app id, task-switcher icon.</extracomment>
        <translation>باز کردن سند</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Untitled</source>
        <translation>بی‌نام</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Document in use</source>
        <translation>سند در حال استفاده است</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another window or program is editing it. Open a read-only copy?</source>
        <translation>پنجره یا برنامه‌ی دیگری در حال ویرایش آن است. رونوشتی فقط‌خواندنی باز شود؟</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+13"/>
        <source>Could not open</source>
        <translation>باز نشد</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>Could not import</source>
        <translation>وارد نشد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to import</source>
        <translation>چیزی برای وارد کردن نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No matrix was found in the file.</source>
        <translation>در این پرونده هیچ ماتریسی پیدا نشد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>… and {count} more</source>
        <translation>… و {count} مورد دیگر</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: 1 value could not be taken as it is:</source>
        <translation>{file}: یک مقدار را نمی‌شد همان‌گونه که هست برداشت:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file}: {count} values could not be taken as they are:</source>
        <translation>{file}: {count} مقدار را نمی‌شد همان‌گونه که هستند برداشت:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported with problems</source>
        <translation>با مشکلاتی وارد شد</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>an unsaved document</source>
        <translation>سندی ذخیره‌نشده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore unsaved work?</source>
        <translation>کار ذخیره‌نشده بازگردانده شود؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RoleMatrix was closed without saving changes to {name} (last autosaved {when}).</source>
        <translation>RoleMatrix بی‌آنکه تغییرات {name} را ذخیره کند بسته شد (آخرین ذخیره‌ی خودکار: {when}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore them? (No throws the unsaved changes away.)</source>
        <translation>بازگردانده شوند؟ («نه» تغییرات ذخیره‌نشده را دور می‌ریزد.)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not restore</source>
        <translation>بازگردانده نشد</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{title} (recovered)</source>
        <translation>{title} (بازیافته)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Internal error</source>
        <translation>خطای داخلی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RoleMatrix hit a bug; your document is still open. Save your work, then report the bug with the crash report.</source>
        <translation>RoleMatrix به یک اشکال نرم‌افزاری برخورد؛ سند شما هنوز باز است. کارتان را ذخیره کنید، سپس اشکال را همراه با گزارش خرابی گزارش دهید.</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <location filename="../../rolematrix/gui/session.py" line="+98"/>
        <source>Untitled</source>
        <extracomment>A staged open reads the cells of this many tasks (more than any screen shows) before the window paints; the rest right after the first paint (see DocumentSession.open). What the user does: before any of it is handled, a staged load is finished. A staged open found damage in the cells it read after the first paint (the message).</extracomment>
        <translation>بی‌نام</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../rolematrix/gui/vocabulary.py" line="+41"/>
        <source>No role takes part in “{task}”, so nobody will do it.</source>
        <extracomment>Each rule&apos;s sentence with named parts. The English text is only the key for translators: in English the checker&apos;s own sentence is shown.</extracomment>
        <translation>هیچ نقشی در «{task}» مشارکت ندارد، پس کسی آن را انجام نخواهد داد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody is {accountable} for “{task}”: give exactly one role the {letter}.</source>
        <translation>هیچ نقشی {accountable} «{task}» نیست: کد {letter} را دقیقاً به یک نقش بدهید.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{task}” has {count} {accountable} roles ({roles}); only one can own the outcome.</source>
        <translation>«{task}» {count} نقش {accountable} دارد ({roles})؛ تنها یکی می‌تواند صاحب نتیجه باشد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nobody is {responsible} for doing “{task}”; an accountable alone does not do the work.</source>
        <translation>هیچ نقشی {responsible} انجام «{task}» نیست؛ پاسخگو به‌تنهایی کار را انجام نمی‌دهد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{task}” has {count} {responsible} roles, more than {limit}; too many hands blur who does what.</source>
        <translation>«{task}» {count} نقش {responsible} دارد، بیش از {limit}؛ با دست‌های زیاد روشن نیست چه کسی چه کاری می‌کند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{task}” has {count} {responsible} roles; this matrix asks for exactly one.</source>
        <translation>«{task}» {count} نقش {responsible} دارد؛ این ماتریس دقیقاً یکی می‌خواهد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{role}” both does “{task}” and signs it off; nobody else checks the work.</source>
        <translation>«{role}» هم «{task}» را انجام می‌دهد و هم آن را تأیید نهایی می‌کند؛ کس دیگری کار را وارسی نمی‌کند.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{task}” has {count} {consulted} roles, more than {limit}; asking everyone slows the work down.</source>
        <translation>«{task}» {count} نقش {consulted} دارد، بیش از {limit}؛ نظرخواهی از همه کار را کُند می‌کند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every role takes part in “{task}”; check that each one really needs to.</source>
        <translation>همه‌ی نقش‌ها در «{task}» مشارکت دارند؛ بررسی کنید که حضور هر کدام واقعاً لازم باشد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{role}” takes part in no task of this matrix.</source>
        <translation>«{role}» در هیچ وظیفه‌ای از این ماتریس مشارکت ندارد.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{role}” is responsible or accountable for {count} of {total} tasks ({percent}%); consider sharing the load.</source>
        <translation>«{role}» در {count} وظیفه از {total} وظیفه ({percent}٪) مسئول یا پاسخگو است؛ بهتر است این بار تقسیم شود.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{role}” is only consulted or informed; it never does or decides anything.</source>
        <translation>«{role}» فقط مشاور یا مطلع است؛ هیچ‌گاه کاری انجام نمی‌دهد یا تصمیمی نمی‌گیرد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody holds “{role}”, yet it is responsible or accountable for {count} tasks.</source>
        <translation>هیچ فردی عهده‌دار «{role}» نیست، با اینکه این نقش در {count} وظیفه مسئول یا پاسخگو است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{person} holds both “{role}” and “{other}”, which must stay with different people.</source>
        <translation>{person} هم «{role}» را بر عهده دارد و هم «{other}» را، که باید با افراد جداگانه بمانند.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{person} is responsible or accountable for {count} of {total} tasks ({percent}%) through the roles they hold.</source>
        <translation>{person} از راه نقش‌هایی که بر عهده دارد در {count} وظیفه از {total} وظیفه ({percent}٪) مسئول یا پاسخگو است.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template “{template}” has the task “{task}”, which this matrix lacks.</source>
        <translation>الگوی «{template}» وظیفه‌ی «{task}» را دارد، اما این ماتریس ندارد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template “{template}” has the role “{role}”, which this matrix lacks.</source>
        <translation>الگوی «{template}» نقش «{role}» را دارد، اما این ماتریس ندارد.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template makes {theirs} accountable for “{task}”; this matrix makes {mine} accountable.</source>
        <translation>در الگو {theirs} پاسخگوی «{task}» است؛ در این ماتریس {mine}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{role}” has {codes} on “{task}”, which the {scheme} scheme does not define.</source>
        <translation>«{role}» در «{task}» کد {codes} را دارد که طرح {scheme} آن را تعریف نکرده است.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{role}” is both {active} and {passive} on “{task}”; a role that does or decides the work need not also be consulted or informed.</source>
        <translation>«{role}» در «{task}» هم {active} است و هم {passive}؛ نقشی که کار را انجام می‌دهد یا درباره‌ی آن تصمیم می‌گیرد، لازم نیست مشاور یا مطلع هم باشد.</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../rolematrix/gui/problems_panel.py" line="+47"/>
        <source>Errors</source>
        <translation>خطاها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings</source>
        <translation>هشدارها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remarks</source>
        <translation>نکته‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>پذیرفته‌شده‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>هشدار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remark</source>
        <translation>نکته</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule</source>
        <translation>قاعده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>folded</source>
        <extracomment>The matrix the findings are about (to phrase them in the interface language).</extracomment>
        <translation>بسته</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unfolded</source>
        <translation>باز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{group}: {count}, {state}</source>
        <translation>{group}: {count}، {state}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>accepted</source>
        <translation>پذیرفته‌شده</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accepted: {reason}</source>
        <translation>پذیرفته‌شده: {reason}</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <location filename="../../rolematrix/gui/gallery.py" line="+34"/>
        <source>New matrix</source>
        <translation>ماتریس تازه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role {number}</source>
        <translation>نقش {number}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First task</source>
        <translation>نخستین وظیفه</translation>
    </message>
</context>
<context>
    <name>GalleryDialog</name>
    <message>
        <location line="+110"/>
        <source>New document from a template</source>
        <translation>سند تازه از روی الگو</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../rolematrix/gui/help.py" line="-66"/>
        <source>Getting started — RoleMatrix</source>
        <translation>آغاز کار — RoleMatrix</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Getting started</source>
        <translation>آغاز کار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An introduction to responsibility matrices and the checks</source>
        <translation>آشنایی با ماتریس‌های مسئولیت و بررسی‌ها</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <location filename="../../rolematrix/gui/grid_view.py" line="+783"/>
        <source>A phase row holds no codes: move to one of its tasks.</source>
        <extracomment>From this many roles on, role headers are drawn vertically so columns stay narrow. A selected block of at least this many cells is set as a block (SetBlock), not cell by cell. The letter each key of the standard Persian keyboard (ISIRI 9147, the default &quot;ir&quot; layout) types, by the Latin letter printed on the same key: with the Persian layout on, the key marked R types ق, and a code letter is meant. (Not in the code parser: in a sheet, ق is text, not a code.) The Arabic yeh stands where the Persian one does. Keys that move the cursor; with Ctrl they still move the selection along (see :meth:`GridView.selectionCommand`). A name typed over a header (task id / role id / phase id, the new name); the window turns it into the rename command, which may still refuse it. The editor of a matrix (the window&apos;s session gives it); every change goes there.</extracomment>
        <translation>سطر مرحله کدی نمی‌گیرد: به یکی از وظیفه‌های آن بروید.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The pasted block reaches past the matrix. Add {tasks} tasks and {roles} roles for it?</source>
        <translation>بلوک چسبانده‌شده از ماتریس بیرون می‌زند. {tasks} وظیفه و {roles} نقش برایش افزوده شود؟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was pasted.</source>
        <translation>چیزی چسبانده نشد.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Paste</source>
        <translation>چسباندن</translation>
    </message>
</context>
<context>
    <name>HeaderEditor</name>
    <message>
        <location filename="../../rolematrix/gui/header_editor.py" line="+59"/>
        <source>Name</source>
        <extracomment>The narrowest editor over a role column: rotated role headers are a few pixels wide. The editor closed with ``text`` for ``section`` of the header of ``orientation``. Esc: the editor closed and the name stays as it was.</extracomment>
        <translation>نام</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../rolematrix/gui/help.py" line="-193"/>
        <source>The licence file of the DejaVu fonts is missing from this installation.</source>
        <translation>پرونده‌ی پروانه‌ی قلم‌های DejaVu در این نصب نیست.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Getting started with RoleMatrix</source>
        <translation>آغاز کار با RoleMatrix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a responsibility matrix is</source>
        <translation>ماتریس مسئولیت چیست</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A responsibility matrix answers one question for every piece of work: who does what? Tasks are the rows, roles are the columns, and each cell says how a role takes part in a task. RoleMatrix checks the answers as you type, so gaps and overlaps show up before they cause trouble.</source>
        <translation>ماتریس مسئولیت برای هر بخش از کار به یک پرسش پاسخ می‌دهد: چه کسی چه کاری می‌کند؟ وظیفه‌ها سطرها هستند، نقش‌ها ستون‌ها، و هر خانه می‌گوید یک نقش چگونه در یک وظیفه مشارکت دارد. RoleMatrix پاسخ‌ها را همزمان با نوشتن شما بررسی می‌کند تا کاستی‌ها و هم‌پوشانی‌ها پیش از آنکه دردسر درست کنند آشکار شوند.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The four RACI codes</source>
        <translation>چهار کد RACI</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A task needs at least one role that is &lt;b&gt;responsible&lt;/b&gt;: someone has to do the work. It needs exactly one role that is &lt;b&gt;accountable&lt;/b&gt;: when two roles own a result, in practice nobody does. &lt;b&gt;Consulted&lt;/b&gt; roles are asked before the work is done (a conversation); &lt;b&gt;informed&lt;/b&gt; roles are told afterwards (a message).</source>
        <translation>هر وظیفه دست‌کم به یک نقش &lt;b&gt;مسئول&lt;/b&gt; نیاز دارد: کسی باید کار را انجام دهد. و دقیقاً به یک نقش &lt;b&gt;پاسخگو&lt;/b&gt;: وقتی دو نقش صاحب یک نتیجه باشند، در عمل هیچ‌کدام صاحب آن نیست. از نقش‌های &lt;b&gt;مشاور&lt;/b&gt; پیش از انجام کار نظر خواسته می‌شود (گفت‌وگویی دوسویه)؛ نقش‌های &lt;b&gt;مطلع&lt;/b&gt; پس از آن باخبر می‌شوند (پیامی یک‌سویه).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One role may hold two codes on a task: “A/R” means the role owns the task and also does it.</source>
        <translation>یک نقش می‌تواند در یک وظیفه دو کد داشته باشد: «A/R» یعنی این نقش هم صاحب وظیفه است و هم خودش آن را انجام می‌دهد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An example: account and project managers</source>
        <translation>یک نمونه: مدیر امور مشتری و مدیر پروژه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In a digital agency the &lt;b&gt;account manager&lt;/b&gt; owns the relationship with the client and the money: other potential projects, negotiating costs, invoices. The &lt;b&gt;project manager&lt;/b&gt; owns scope, timeline and delivery: estimates, creating and delegating tasks, reporting on the project&apos;s success. Both talk to the client about the project, yet each task still needs exactly one accountable.</source>
        <translation>در یک آژانس دیجیتال، &lt;b&gt;مدیر امور مشتری&lt;/b&gt; صاحب رابطه با مشتری و امور مالی است: پروژه‌های احتمالی دیگر، مذاکره بر سر هزینه‌ها، صورت‌حساب‌ها. &lt;b&gt;مدیر پروژه&lt;/b&gt; صاحب دامنه، زمان‌بندی و تحویل است: برآوردها، تعریف و واگذاری کارها، گزارش موفقیت پروژه. هر دو درباره‌ی پروژه با مشتری گفت‌وگو می‌کنند، اما باز هم هر وظیفه دقیقاً یک پاسخگو می‌خواهد.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>In the “triangle” of sales, project and account managers, sales wants to sell: lower estimates, bigger promises. The project manager answers for quality and cost: higher estimates, smaller promises. A person who holds both roles argues with themselves, and the client hears both voices.</source>
        <translation>در «مثلث» مدیر فروش، مدیر پروژه و مدیر امور مشتری، فروش می‌خواهد بفروشد: برآورد پایین‌تر، وعده‌ی بزرگ‌تر. مدیر پروژه پاسخگوی کیفیت و هزینه است: برآورد بالاتر، وعده‌ی کوچک‌تر. کسی که هر دو نقش را بر عهده دارد با خودش درگیر است، و مشتری هر دو صدا را می‌شنود.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>As an agency article puts it, account managers decide what must be achieved for the client, and project managers decide how it gets done. The template “Account Manager vs Project Manager (RACI)” is one clean answer to start from.</source>
        <translation>به تعبیر مقاله‌ای از یک آژانس تبلیغاتی، شغل مدیران امور مشتری تعیین دقیق نیاز مشتری است و شغل مدیران پروژه آن است که تصمیم بگیرند این کارها چگونه انجام شود. الگوی «Account Manager vs Project Manager (RACI)» یک پاسخ پاکیزه برای شروع است؛ الگوی «مدیر امور مشتری و مدیر پروژه در آژانس تبلیغاتی» همین تقسیم کار را به فارسی دارد.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When two roles pull apart</source>
        <translation>وقتی دو نقش در برابر هم می‌ایستند</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The template “Sales – PM – Account triangle” therefore declares Sales and PM a conflicting pair and comes with the article&apos;s five ways of staffing the roles. Apply them in the People panel: with “All in one” RoleMatrix reports the conflict; with the author&apos;s choice, “Sales&amp;amp;Account + PM”, the matrix checks clean.</source>
        <translation>از همین رو الگوی «Sales – PM – Account triangle» فروش و مدیر پروژه را جفتی متعارض می‌شمارد و پنج شیوه‌ی چینش نقش‌ها را که در آن مقاله آمده همراه دارد. آن‌ها را در پنل «افراد» به کار ببندید: چینش «All in one» تعارض را آشکار می‌کند و با انتخاب نویسنده، یعنی «Sales&amp;amp;Account + PM»، ماتریس بدون خطا است.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Editing</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a code letter (R, A, C, I) in a cell. Shift+letter adds or removes that code, Space cycles through the codes, Delete clears the cell.</source>
        <translation>حرف یک کد (R، A، C، I) را در خانه بنویسید. Shift+حرف آن کد را می‌افزاید یا برمی‌دارد، Space کدها را به نوبت می‌چرخاند و Delete خانه را پاک می‌کند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select several cells and type to fill them all. Copy and paste work with spreadsheets such as Excel and LibreOffice.</source>
        <translation>چند خانه را برگزینید و بنویسید تا همه پر شوند. رونوشت و چسباندن با صفحه‌گسترده‌هایی مانند Excel و LibreOffice کار می‌کند.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ctrl+T inserts a task, Ctrl+Shift+T a role; Ctrl+R renames the task. Everything can be undone with Ctrl+Z.</source>
        <translation>Ctrl+T یک وظیفه می‌افزاید و Ctrl+Shift+T یک نقش؛ Ctrl+R نام وظیفه را تغییر می‌دهد. هر تغییری را می‌توان با Ctrl+Z واگرد کرد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ctrl+1 goes to the grid, Ctrl+2 to the problems, Ctrl+3 to Ctrl+6 to the side panels; F6 moves from one panel to the next.</source>
        <translation>Ctrl+1 به جدول می‌رود، Ctrl+2 به مشکلات، Ctrl+3 تا Ctrl+6 به پنل‌های کناری؛ F6 از یک پنل به پنل بعدی می‌رود.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>F5 presents the matrix full screen for a workshop: the arrow keys step through the tasks, Tab switches to the roles, Esc leaves.</source>
        <translation>F5 ماتریس را برای کارگاه به‌صورت تمام‌صفحه ارائه می‌کند: کلیدهای جهت‌نما وظیفه‌ها را یکی‌یکی پیش می‌برند، Tab به نقش‌ها می‌رود و Esc بیرون می‌آید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The checks</source>
        <translation>بررسی‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Problems panel reads the matrix in every direction and lists what it finds while you edit:</source>
        <translation>پنل «مشکلات» ماتریس را از هر سو می‌خواند و همزمان با ویرایش شما آنچه را می‌یابد فهرست می‌کند:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Across each task:&lt;/b&gt; some role takes part; exactly one role is accountable; at least one is responsible, because an accountable alone does not do the work; not too many responsible or consulted roles; not every role involved in everything.</source>
        <translation>&lt;b&gt;در طول هر وظیفه:&lt;/b&gt; نقشی در آن مشارکت دارد؛ دقیقاً یک نقش پاسخگو است؛ دست‌کم یکی مسئول است، چون پاسخگو به‌تنهایی کار را انجام نمی‌دهد؛ نقش‌های مسئول یا مشاور بیش از اندازه نیستند؛ همه‌ی نقش‌ها در همه‌چیز دخیل نیستند.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Down each role:&lt;/b&gt; the role takes part somewhere; it does not carry most of the matrix; it does or decides something rather than only being consulted or informed.</source>
        <translation>&lt;b&gt;در طول هر نقش:&lt;/b&gt; نقش دست‌کم در جایی مشارکت دارد؛ بیشتر بار ماتریس بر دوش آن نیست؛ به‌جای آنکه فقط مشاور یا مطلع باشد، کاری انجام می‌دهد یا تصمیمی می‌گیرد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;For each person:&lt;/b&gt; nobody holds two roles that must stay apart, such as Sales and PM; nobody carries too much through the roles they hold; every role that does or decides has someone holding it.</source>
        <translation>&lt;b&gt;برای هر فرد:&lt;/b&gt; کسی دو نقشی را که باید جدا بمانند، مانند فروش و مدیر پروژه، با هم بر عهده ندارد؛ کسی از راه نقش‌هایش بار بیش از اندازه ندارد؛ هر نقشی که کاری انجام می‌دهد یا تصمیمی می‌گیرد، کسی را دارد که عهده‌دارش باشد.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Against the template&lt;/b&gt; the matrix came from: a task or a role of the template is missing, or a task has a different accountable.</source>
        <translation>&lt;b&gt;در برابر الگویی&lt;/b&gt; که ماتریس از آن ساخته شده: وظیفه یا نقشی از الگو کم است، یا پاسخگوی یک وظیفه با الگو فرق دارد.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;In each cell:&lt;/b&gt; a role that does or decides a task is not also merely consulted or informed on it.</source>
        <translation>&lt;b&gt;در هر خانه:&lt;/b&gt; نقشی که وظیفه‌ای را انجام می‌دهد یا درباره‌ی آن تصمیم می‌گیرد، در همان وظیفه فقط مشاور یا مطلع هم نیست.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Errors&lt;/b&gt; will cause trouble; &lt;b&gt;warnings&lt;/b&gt; deserve a second look; &lt;b&gt;remarks&lt;/b&gt; are for information. Click a problem, or press Enter on it, to go to its cell.</source>
        <translation>&lt;b&gt;خطاها&lt;/b&gt; دردسر درست خواهند کرد؛ &lt;b&gt;هشدارها&lt;/b&gt; ارزش نگاهی دوباره دارند؛ &lt;b&gt;نکته‌ها&lt;/b&gt; برای آگاهی‌اند. روی یک مشکل کلیک کنید یا Enter بزنید تا به خانه‌ی آن بروید.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When a finding is right for your team (a committee decides, so there is no single accountable), choose &lt;i&gt;Accept…&lt;/i&gt; and write the reason: the finding stays visible as accepted, and the reason goes into the exports.</source>
        <translation>اگر یافته‌ای برای تیم شما درست است (مثلاً یک کمیته تصمیم می‌گیرد و پاسخگوی تکی در کار نیست)، &lt;i&gt;پذیرفتن…&lt;/i&gt; را برگزینید و دلیل را بنویسید: یافته به‌عنوان پذیرفته‌شده دیده می‌ماند و دلیل آن در خروجی‌ها می‌آید.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../rolematrix/gui/history_view.py" line="+100"/>
        <source>{count} recorded changes, newest first.</source>
        <translation>{count} تغییر ثبت‌شده، تازه‌ترین در بالا.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No saved changes are recorded here yet.</source>
        <translation>هنوز هیچ تغییر ذخیره‌شده‌ای اینجا ثبت نشده است.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location line="-55"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>(خالی)</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <location filename="../../rolematrix/gui/main_window.py" line="+131"/>
        <source>Legend</source>
        <extracomment>Matrices up to this many cells (tasks x roles) are checked before the window shows. Larger ones are checked once the grid has been painted, or after this long (ms) at the latest.</extracomment>
        <translation>راهنمای رنگ‌ها</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Type a code letter · Shift+letter adds/removes · Space cycles · Del clears</source>
        <translation>حرف کد را بنویسید · Shift+حرف می‌افزاید/برمی‌دارد · Space می‌چرخاند · Del پاک می‌کند</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../rolematrix/gui/window_files.py" line="+32"/>
        <source>RoleMatrix documents (*.rolematrix);;All files (*)</source>
        <translation>سندهای RoleMatrix (*.rolematrix);;همه‌ی پرونده‌ها (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spreadsheets and data (*.xlsx *.csv *.json);;Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>صفحه‌گسترده‌ها و داده‌ها (*.xlsx *.csv *.json);;کارپوشه‌ی Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>کارپوشه‌ی Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF matrix (*.pdf)</source>
        <translation>ماتریس به‌صورت PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV, one row per cell (*.csv)</source>
        <translation>CSV، یک سطر برای هر خانه (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RoleMatrix JSON (*.json)</source>
        <translation>JSON ویژه‌ی RoleMatrix (*.json)</translation>
    </message>
    <message>
        <location filename="../../rolematrix/gui/main_window.py" line="+60"/>
        <source>Matrix grid</source>
        <extracomment>(row, column) of the current cell; (-1, -1) for none the selected ranges as (top, left, bottom, right) (horizontal, vertical) scroll bar values</extracomment>
        <translation>جدول ماتریس</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tasks in rows, roles in columns. Type a code letter to set it, Space cycles the codes, Delete clears.</source>
        <translation>وظیفه‌ها در سطرها، نقش‌ها در ستون‌ها. حرف کد را بنویسید تا گذاشته شود، Space کدها را می‌چرخاند، Delete پاک می‌کند.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Matrices</source>
        <translation>ماتریس‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The matrices of this document</source>
        <translation>ماتریس‌های این سند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find tasks (name or description)…</source>
        <translation>یافتن وظیفه‌ها (نام یا شرح)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find tasks</source>
        <translation>یافتن وظیفه‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only the tasks whose name or description contains the text; Esc closes</source>
        <translation>تنها وظیفه‌هایی را نشان می‌دهد که نام یا شرحشان این متن را دارد؛ Esc می‌بندد</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Problems</source>
        <translation>مشکلات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The checker&apos;s findings, live; Enter on a finding selects its cell</source>
        <translation>یافته‌های بررسی، همزمان با ویرایش؛ Enter روی یک یافته خانه‌ی آن را برمی‌گزیند</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name, description and notes of the selected task</source>
        <translation>نام، شرح و یادداشت‌های وظیفه‌ی برگزیده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name, short label, description and colour of the selected role</source>
        <translation>نام، برچسب کوتاه، شرح و رنگ نقش برگزیده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the role does</source>
        <translation>کارهای نقش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tasks of the selected role, grouped by code</source>
        <translation>وظیفه‌های نقش برگزیده، دسته‌بندی‌شده بر پایه‌ی کد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who holds which roles, and staffing presets</source>
        <translation>چه کسی عهده‌دار کدام نقش است، و چینش‌های آماده</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Problem count</source>
        <translation>شمار مشکلات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status bar</source>
        <translation>نوار وضعیت</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared workspace state</source>
        <translation>وضعیت فضای کاری مشترک</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Checking…</source>
        <extracomment>Every action of the window&apos;s menus and toolbar, by a stable key.</extracomment>
        <translation>در حال بررسی…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{task} × {role}</source>
        <translation>{task} × {role}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>RoleMatrix</source>
        <translation>RoleMatrix</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Insert task</source>
        <translation>افزودن وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Task name:</source>
        <translation>نام وظیفه:</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>New task</source>
        <translation>وظیفه‌ی تازه</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Insert role</source>
        <translation>افزودن نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>Role name:</source>
        <translation>نام نقش:</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>New role</source>
        <translation>نقش تازه</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Insert phase</source>
        <translation>افزودن مرحله</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+43"/>
        <source>Phase name:</source>
        <translation>نام مرحله:</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>New phase</source>
        <translation>مرحله‌ی تازه</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename task</source>
        <translation>تغییر نام وظیفه</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename role</source>
        <translation>تغییر نام نقش</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename phase</source>
        <translation>تغییر نام مرحله</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Delete phase</source>
        <translation>حذف مرحله</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the phase “{name}” with its {count} tasks?</source>
        <translation>مرحله‌ی «{name}» همراه با {count} وظیفه‌اش حذف شود؟</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No task matches “{text}”</source>
        <translation>هیچ وظیفه‌ای با «{text}» جور نیست</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One task matches — Enter goes to it</source>
        <translation>یک وظیفه جور است — Enter به آن می‌رود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} tasks match — Enter goes to the first</source>
        <translation>{count} وظیفه جور است — Enter به اولی می‌رود</translation>
    </message>
    <message>
        <location line="+181"/>
        <source>{title}[*] (read-only) — RoleMatrix</source>
        <translation>{title}[*] (فقط خواندنی) — RoleMatrix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{title}[*] — RoleMatrix</source>
        <translation>{title}[*] — RoleMatrix</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “{title}” before closing?</source>
        <translation>تغییرات «{title}» پیش از بستن ذخیره شوند؟</translation>
    </message>
</context>
<context>
    <name>MatrixActions</name>
    <message>
        <location filename="../../rolematrix/gui/matrix_actions.py" line="+57"/>
        <source>&amp;New matrix…</source>
        <translation>ماتریس &amp;تازه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a blank matrix, in any scheme, to this document</source>
        <translation>افزودن ماتریسی خالی، با هر طرحی، به این سند</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matrix &amp;properties…</source>
        <translation>&amp;ویژگی‌های ماتریس…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name, description, scheme, rule profile and thresholds of this matrix</source>
        <translation>نام، شرح، طرح، نمایهٔ قواعد و آستانه‌های این ماتریس</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rename matrix…</source>
        <translation>تغییر &amp;نام ماتریس…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give this matrix another name (or double-click its tab)</source>
        <translation>نام دیگری به این ماتریس بدهید (یا روی زبانه‌اش دوبار کلیک کنید)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Duplicate matrix</source>
        <translation>&amp;رونوشت از ماتریس</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a copy of this matrix with all its tasks, roles and codes</source>
        <translation>افزودن رونوشتی از این ماتریس با همهٔ وظیفه‌ها، نقش‌ها و کدهایش</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>De&amp;lete matrix</source>
        <translation>&amp;حذف ماتریس</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this matrix from the document (Undo brings it back)</source>
        <translation>برداشتن این ماتریس از سند (واگرد آن را برمی‌گرداند)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move matrix &amp;left</source>
        <translation>بردن ماتریس به &amp;چپ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this matrix one tab earlier</source>
        <translation>نمایش این ماتریس یک زبانه جلوتر</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move matrix &amp;right</source>
        <translation>بردن ماتریس به &amp;راست</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this matrix one tab later</source>
        <translation>نمایش این ماتریس یک زبانه عقب‌تر</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>M&amp;atrix</source>
        <translation>&amp;ماتریس</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>RoleMatrix</source>
        <translation>RoleMatrix</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{count} cells hold codes {scheme} lacks; the checker lists them.</source>
        <translation>{count} خانه کدهایی دارند که {scheme} ندارد؛ بررسی‌گر آن‌ها را فهرست می‌کند.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename matrix</source>
        <translation>تغییر نام ماتریس</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matrix name:</source>
        <translation>نام ماتریس:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Delete matrix</source>
        <translation>حذف ماتریس</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the matrix {name} with its {count} tasks? Undo brings it back.</source>
        <translation>ماتریس {name} با {count} وظیفه‌اش حذف شود؟ واگرد آن را برمی‌گرداند.</translation>
    </message>
</context>
<context>
    <name>MatrixDialogs</name>
    <message>
        <location filename="../../rolematrix/gui/matrix_dialogs.py" line="+44"/>
        <source>Standard: the usual RACI rules; one role may hold A and R</source>
        <extracomment>The rule profiles as the dialog names them.</extracomment>
        <translation>استاندارد: قواعد معمول RACI؛ یک نقش می‌تواند A و R را با هم داشته باشد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Strict: exactly one R per task, and the accountable is not the only doer</source>
        <translation>سخت‌گیر: در هر وظیفه دقیقاً یک R، و پاسخ‌گو تنها انجام‌دهنده نیست</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lenient: no limits on how many are responsible or consulted, no overload</source>
        <translation>آسان‌گیر: بی‌محدودیت در شمار مسئولان یا مشاوران، بی هشدار پرباری</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Most responsible per task</source>
        <extracomment>Each checker threshold as the dialog names it (the names of RuleConfig&apos;s fields).</extracomment>
        <translation>بیشترین شمار مسئولان در هر وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most consulted per task</source>
        <translation>بیشترین شمار مشاوران در هر وظیفه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“Everyone involved” only from this many roles</source>
        <translation>«همه درگیرند» تنها از این شمار نقش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A role is overloaded above this share of tasks</source>
        <translation>نقش، بالاتر از این سهم از وظیفه‌ها، پربار است</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role overload only from this many roles</source>
        <translation>پرباری نقش تنها از این شمار نقش</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A person is overloaded above this share of tasks</source>
        <translation>فرد، بالاتر از این سهم از وظیفه‌ها، پربار است</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person overload only from this many people</source>
        <translation>پرباری فرد تنها از این شمار فرد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warn about too many responsible or consulted</source>
        <translation>هشدار دربارهٔ مسئولان یا مشاوران بیش از اندازه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warn about overloaded roles and people</source>
        <translation>هشدار دربارهٔ نقش‌ها و افراد پربار</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accountable must not be the only one doing the work</source>
        <translation>پاسخ‌گو نباید تنها انجام‌دهندهٔ کار باشد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More than one responsible is an error</source>
        <translation>بیش از یک مسئول خطاست</translation>
    </message>
</context>
<context>
    <name>MatrixGridModel</name>
    <message>
        <location filename="../../rolematrix/gui/grid_model.py" line="+248"/>
        <source>{role} on “{task}” holds “{text}”, which is no code. Type a code to replace it, or press Delete to clear it.</source>
        <extracomment>Extra item-data roles the views read. &quot;Changed by ann at 11:40&quot; on a cell someone else changed since the last refresh, else None What the editor refused of the text typed into a cell&apos;s editor (a status-bar sentence). Phase ids the view shows folded (for the ▸/▾ marker in the row header). The matrix&apos;s editor, through which the cell editor&apos;s text goes (set by the view).</extracomment>
        <translation>{role} در «{task}» «{text}» دارد که کد نیست. برای جایگزینی، یک کد تایپ کنید یا برای پاک کردن، Delete را بزنید.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Phase “{name}”, 1 task: click its name to fold or unfold it</source>
        <translation>مرحله‌ی «{name}»، یک وظیفه: برای بستن یا باز کردن روی نامش کلیک کنید</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phase “{name}”, {count} tasks: click its name to fold or unfold it</source>
        <translation>مرحله‌ی «{name}»، {count} وظیفه: برای بستن یا باز کردن روی نامش کلیک کنید</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+85"/>
        <source>folded</source>
        <translation>بسته</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+85"/>
        <source>unfolded</source>
        <translation>باز</translation>
    </message>
    <message>
        <location line="-84"/>
        <location line="+85"/>
        <source>Phase {name}, {state}</source>
        <translation>مرحله‌ی {name}، {state}</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>(no phase)</source>
        <translation>(بی‌مرحله)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{task} × {role}: {codes}</source>
        <translation>{task} × {role}: {codes}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{role} is not involved in “{task}”.</source>
        <translation>{role} در «{task}» دخالتی ندارد.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{letter} — not a code of {scheme}</source>
        <translation>{letter} — کدی از {scheme} نیست</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{role} on “{task}”:</source>
        <translation>{role} در «{task}»:</translation>
    </message>
</context>
<context>
    <name>MatrixPropertiesDialog</name>
    <message>
        <location filename="../../rolematrix/gui/matrix_dialogs.py" line="+74"/>
        <source>Matrix properties</source>
        <translation>ویژگی‌های ماتریس</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scheme</source>
        <translation>طرح</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rule profile</source>
        <translation>نمایهٔ قواعد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checker thresholds</source>
        <translation>آستانه‌های بررسی‌گر</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;شرح:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scheme:</source>
        <translation>&amp;طرح:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule &amp;profile:</source>
        <translation>&amp;نمایهٔ قواعد:</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{changed} cells get the codes of {scheme} that play the same part (A stays A, R becomes D in DACI, every code becomes ✓ in check marks).</source>
        <translation>{changed} خانه کدهایی از {scheme} می‌گیرند که همان نقش را دارند (A همان A می‌ماند، R در DACI به D بدل می‌شود، و در علامت‌ها هر کدی ✓ می‌شود).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} cells hold codes {scheme} lacks: they are kept and the checker flags them.</source>
        <translation>{count} خانه کدهایی دارند که {scheme} ندارد: نگه داشته می‌شوند و بررسی‌گر نشانشان می‌دهد.</translation>
    </message>
</context>
<context>
    <name>NewMatrixDialog</name>
    <message>
        <location line="-170"/>
        <location line="+1"/>
        <source>New matrix</source>
        <translation>ماتریس تازه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheme</source>
        <translation>طرح</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name:</source>
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Scheme:</source>
        <translation>&amp;طرح:</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <location filename="../../rolematrix/gui/people_panel.py" line="+66"/>
        <source>Staffing presets shipped with the template</source>
        <extracomment>The editor of a matrix (the window&apos;s session gives it); every change goes there.</extracomment>
        <translation>چینش‌های آماده‌ای که همراه الگو آمده‌اند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staffing preset</source>
        <translation>چینش آماده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;pply</source>
        <translation>&amp;به‌کار بستن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff the roles as the selected preset says</source>
        <translation>سپردن نقش‌ها به افراد همان‌گونه که چینش برگزیده می‌گوید</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each person with the roles they hold; Enter or F2 renames</source>
        <translation>هر فرد با نقش‌هایی که بر عهده دارد؛ Enter یا F2 نام را تغییر می‌دهد</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;dd…</source>
        <translation>&amp;افزودن…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a person</source>
        <translation>افزودن یک فرد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>ب&amp;رداشتن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected person</source>
        <translation>برداشتن فرد برگزیده</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Roles held by the selected person</source>
        <translation>نقش‌هایی که فرد برگزیده بر عهده دارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space ticks or unticks a role</source>
        <translation>Space یک نقش را علامت می‌زند یا علامتش را برمی‌دارد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Staffing:</source>
        <translation>&amp;چینش:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;eople</source>
        <translation>اف&amp;راد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;oles held by the selected person</source>
        <translation>&amp;نقش‌هایی که فرد برگزیده بر عهده دارد</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Custom</source>
        <translation>سفارشی</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The people match none of the presets</source>
        <translation>افراد با هیچ‌یک از چینش‌های آماده جور نیستند</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Must not be held by one person: {pairs}</source>
        <translation>نباید با یک نفر باشند: {pairs}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Add person</source>
        <translation>افزودن فرد</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename person</source>
        <translation>تغییر نام فرد</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../rolematrix/gui/presentation.py" line="+192"/>
        <source>{name} — presentation</source>
        <translation>{name} — ارائه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation</source>
        <translation>ارائه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up and Down step through the tasks, Tab switches to the roles, Esc leaves</source>
        <translation>بالا و پایین وظیفه‌ها را یکی‌یکی پیش می‌برند، Tab به نقش‌ها می‌رود، Esc بیرون می‌آید</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Task {number} of {count}</source>
        <translation>وظیفه‌ی {number} از {count}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>↑ ↓ step · Tab: roles · Esc: leave</source>
        <translation>↑ ↓ گام · Tab: نقش‌ها · Esc: بیرون</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Role {number} of {count}: {name}</source>
        <translation>نقش {number} از {count}: {name}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>← → step · Tab: tasks · Esc: leave</source>
        <translation>← → گام · Tab: وظیفه‌ها · Esc: بیرون</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>✔ no problems here</source>
        <translation>✔ اینجا مشکلی نیست</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>+{count} more</source>
        <translation>+{count} مورد دیگر</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../rolematrix/gui/problems_panel.py" line="+54"/>
        <source>Findings</source>
        <extracomment>The editor of a matrix (the window&apos;s session gives it); acceptances go there.</extracomment>
        <translation>یافته‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter goes to the cell of the finding; Left and Right fold a group</source>
        <translation>Enter به خانه‌ی یافته می‌رود؛ چپ و راست یک گروه را می‌بندند یا باز می‌کنند</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+3"/>
        <source>Filter problems</source>
        <translation>پالایش مشکلات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows only the findings whose text, rule or place contains this</source>
        <translation>تنها یافته‌هایی را نشان می‌دهد که متن، قاعده یا جایشان این را دارد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept…</source>
        <translation>&amp;پذیرفتن…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept this finding on purpose, with a reason readers will see</source>
        <translation>پذیرفتن آگاهانه‌ی این یافته، با دلیلی که خوانندگان خواهند دید</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re&amp;open</source>
        <translation>&amp;بازگشایی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the acceptance back; the finding is a problem again</source>
        <translation>پس گرفتن پذیرش؛ یافته دوباره مشکل به شمار می‌آید</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Accept finding</source>
        <translation>پذیرفتن یافته</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why is this acceptable? (readers of the matrix will see the reason)</source>
        <translation>چرا این پذیرفتنی است؟ (خوانندگان ماتریس دلیل را خواهند دید)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>1 error</source>
        <translation>۱ خطا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} errors</source>
        <translation>{count} خطا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 warning</source>
        <translation>۱ هشدار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} warnings</source>
        <translation>{count} هشدار</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 remark</source>
        <translation>۱ نکته</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} remarks</source>
        <translation>{count} نکته</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No problems</source>
        <translation>بدون مشکل</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>({count} accepted)</source>
        <translation>({count} پذیرفته‌شده)</translation>
    </message>
</context>
<context>
    <name>RoleDutiesPanel</name>
    <message>
        <location filename="../../rolematrix/gui/people_panel.py" line="+18"/>
        <source>Tasks of the role</source>
        <translation>وظیفه‌های نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected role&apos;s tasks, grouped by code</source>
        <translation>وظیفه‌های نقش برگزیده، دسته‌بندی‌شده بر پایه‌ی کد</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Select a cell to see what its role does.</source>
        <translation>خانه‌ای را برگزینید تا ببینید نقش آن چه می‌کند.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Responsible for</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accountable for</source>
        <translation>پاسخگو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consulted on</source>
        <translation>مشاور</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept informed on</source>
        <translation>مطلع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supports</source>
        <translation>پشتیبان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Involved in</source>
        <translation>دخیل</translation>
    </message>
</context>
<context>
    <name>RolePanel</name>
    <message>
        <location filename="../../rolematrix/gui/detail_panels.py" line="+210"/>
        <source>Column header, e.g. PM</source>
        <translation>عنوان ستون، مثلاً PM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the role is for; printed in the handbook</source>
        <translation>این نقش برای چیست؛ در دفترچه‌ی نقش‌ها چاپ می‌شود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;گزینش…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Role</source>
        <translation>&amp;نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Short label</source>
        <translation>برچسب &amp;کوتاه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>&amp;شرح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>رنگ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role name</source>
        <translation>نام نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short label</source>
        <translation>برچسب کوتاه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The column header when space is short</source>
        <translation>عنوان ستون هنگامی که جا تنگ است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role description</source>
        <translation>شرح نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the role&apos;s colour</source>
        <translation>گزینش رنگ نقش</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Role colour</source>
        <translation>رنگ نقش</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>no colour</source>
        <translation>بی‌رنگ</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../rolematrix/gui/vocabulary.py" line="-95"/>
        <source>Nobody takes part in the task</source>
        <extracomment>A short title for each rule (tooltips, the Getting started page).</extracomment>
        <translation>هیچ‌کس در وظیفه مشارکت ندارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The task has no accountable</source>
        <translation>وظیفه پاسخگو ندارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>More than one accountable</source>
        <translation>بیش از یک پاسخگو</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody does the work</source>
        <translation>هیچ‌کس کار را انجام نمی‌دهد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many responsible</source>
        <translation>مسئول بیش از اندازه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The doer signs off their own work</source>
        <translation>انجام‌دهنده کار خودش را تأیید می‌کند</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many consulted</source>
        <translation>مشاور بیش از اندازه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every role is involved</source>
        <translation>همه‌ی نقش‌ها دخیل‌اند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The role takes part in nothing</source>
        <translation>نقش در هیچ کاری مشارکت ندارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The role carries too much</source>
        <translation>بار نقش بیش از اندازه است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The role never does or decides</source>
        <translation>نقش هرگز کاری انجام نمی‌دهد یا تصمیمی نمی‌گیرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody holds the role</source>
        <translation>هیچ‌کس عهده‌دار نقش نیست</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One person holds conflicting roles</source>
        <translation>یک نفر نقش‌های متعارض دارد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One person carries too much</source>
        <translation>بار یک نفر بیش از اندازه است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A template task is missing</source>
        <translation>وظیفه‌ای از الگو کم است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A template role is missing</source>
        <translation>نقشی از الگو کم است</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accountable differs from the template</source>
        <translation>پاسخگو با الگو فرق دارد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active and passive codes in one cell</source>
        <translation>کد فعال و غیرفعال در یک خانه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A code the scheme does not know</source>
        <translation>کدی که طرح نمی‌شناسد</translation>
    </message>
</context>
<context>
    <name>Schemes</name>
    <message>
        <location line="-32"/>
        <source>RACI</source>
        <translation>RACI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RASCI (RACI plus Support)</source>
        <translation>RASCI (RACI به‌علاوه‌ی پشتیبان)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RACI-VS (RACI plus Verifies and Signs off)</source>
        <translation>RACI-VS (RACI به‌علاوه‌ی وارسی‌کننده و امضاکننده)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CAIRO (RACI plus Out of the loop)</source>
        <translation>CAIRO (RACI به‌علاوه‌ی بیرون از جریان)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DACI (Driver, Approver, Contributor, Informed)</source>
        <translation>DACI (پیش‌برنده، تصویب‌کننده، مشارکت‌کننده، مطلع)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check marks (involved or not)</source>
        <translation>علامت تیک (دخیل هست یا نیست)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../rolematrix/gui/gallery.py" line="+27"/>
        <source>RoleMatrix</source>
        <translation>RoleMatrix</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is responsible, accountable, consulted and informed — checked as you type.</source>
        <translation>چه کسی مسئول، پاسخگو، مشاور و مطلع است — بررسی‌شده همزمان با نوشتن شما.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New to responsibility matrices? Read Getting started</source>
        <translation>با ماتریس مسئولیت تازه آشنا شده‌اید؟ «آغاز کار» را بخوانید</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Getting started</source>
        <translation>آغاز کار</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>زبان سیستم</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of RoleMatrix&apos;s interface</source>
        <translation>زبان رابط کاربری RoleMatrix</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;زبان:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Create from template</source>
        <translation>&amp;ساختن از روی الگو</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recent documents</source>
        <translation>سندهای اخیر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter opens the selected document</source>
        <translation>Enter سند برگزیده را باز می‌کند</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No recent documents</source>
        <translation>سند اخیری نیست</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open shared &amp;workspace…</source>
        <translation>باز کردن &amp;فضای کاری مشترک…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start from a template</source>
        <translation>آغاز از روی &amp;الگو</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recent documents</source>
        <translation>سندهای ا&amp;خیر</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../rolematrix/gui/detail_panels.py" line="-145"/>
        <source>The task&apos;s own id, e.g. 1.2</source>
        <extracomment>The editor of a matrix (the window&apos;s session gives it); every change goes there.</extracomment>
        <translation>شناسهٔ خود کار، مثلاً ۱.۲</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the task is, for someone new to it</source>
        <translation>این وظیفه چیست، برای کسی که تازه با آن آشنا می‌شود</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes (not exported to the handbook)</source>
        <translation>یادداشت‌ها (به دفترچه‌ی نقش‌ها نمی‌روند)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Phase</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&amp;Task</source>
        <translation>&amp;وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference</source>
        <translation>&amp;شناسه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description</source>
        <translation>&amp;شرح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;یادداشت‌ها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Task name</source>
        <translation>نام وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task reference</source>
        <translation>شناسهٔ کار</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task description</source>
        <translation>شرح وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task notes</source>
        <translation>یادداشت‌های وظیفه</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not exported to the handbook</source>
        <translation>به دفترچه‌ی نقش‌ها نمی‌رود</translation>
    </message>
</context>
<context>
    <name>TemplateGallery</name>
    <message>
        <location filename="../../rolematrix/gui/gallery.py" line="-141"/>
        <source>Templates</source>
        <translation>الگوها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Built-in templates to start from; Enter creates a document from the selected one</source>
        <translation>الگوهای آماده برای شروع؛ Enter از الگوی برگزیده سندی می‌سازد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blank matrix (RACI)</source>
        <translation>ماتریس خالی (RACI)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An empty RACI matrix with three roles</source>
        <translation>یک ماتریس RACI خالی با سه نقش</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{scheme} · {tasks} tasks × {roles} roles · from “{source}”</source>
        <translation>{scheme} · {tasks} وظیفه × {roles} نقش · برگرفته از «{source}»</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../rolematrix/gui/vocabulary.py" line="+127"/>
        <source>not involved</source>
        <translation>دخالتی ندارد</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} and {last}</source>
        <translation>{first} و {last}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{name}”</source>
        <translation>«{name}»</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <location filename="../../rolematrix/gui/window_files.py" line="+60"/>
        <source>Open document</source>
        <extracomment>conflicts with others&apos; work the next save must settle</extracomment>
        <translation>باز کردن سند</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Not saved: the conflicts are still open.</source>
        <translation>ذخیره نشد: تعارض‌ها هنوز باز هستند.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saved, with the changes {who} made meanwhile</source>
        <translation>ذخیره شد، همراه با تغییراتی که {who} در این فاصله داده است</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not reach the workspace</source>
        <translation>دسترسی به فضای کاری ممکن نشد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem}

Nothing was lost: your changes are still here. Save again when the server is back, or save a copy to a file on this computer now.</source>
        <translation>{problem}

چیزی از دست نرفت: تغییرات شما هنوز اینجاست. وقتی سرور برگشت دوباره ذخیره کنید، یا همین حالا نسخه‌ای را در پرونده‌ای روی همین رایانه ذخیره کنید.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a &amp;local copy…</source>
        <translation>ذخیرهٔ یک نسخهٔ &amp;محلی…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved</source>
        <translation>ذخیره نشد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was changed by another program</source>
        <translation>پرونده را برنامهٔ دیگری تغییر داده است</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{problem}

Overwrite it with your version, or save yours under another name?</source>
        <translation>{problem}

نسخهٔ خود را روی آن بنویسید، یا نسخهٔ خود را با نام دیگری ذخیره کنید؟</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Overwrite</source>
        <translation>&amp;بازنویسی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;as…</source>
        <translation>ذخیره با &amp;نام…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save document as</source>
        <translation>ذخیره‌ی سند با نام</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+4"/>
        <source>Could not save</source>
        <translation>ذخیره نشد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved {title}</source>
        <translation>{title} ذخیره شد</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Copied {matrices} to {workspace}</source>
        <translation>{matrices} در {workspace} رونوشت شد</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Matrix already in the workspace</source>
        <translation>ماتریس از پیش در فضای کاری هست</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{workspace} already holds a matrix named {names}.

Replace it with yours? The colleagues&apos; version stays in the history.</source>
        <translation>{workspace} از پیش ماتریسی به نام {names} دارد.

آن را با نسخه‌ی خودتان جایگزین می‌کنید؟ نسخه‌ی همکاران در تاریخچه می‌ماند.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Replace</source>
        <translation>&amp;جایگزین کردن</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not copied: the workspace keeps its matrix.</source>
        <translation>رونوشت نشد: فضای کاری ماتریس خود را نگه می‌دارد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>وارد کردن</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export handbook</source>
        <translation>صدور دفترچه‌ی نقش‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} handbook.pdf</source>
        <translation>دفترچه‌ی {name}.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>صدور</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not export</source>
        <translation>صادر نشد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {path}</source>
        <translation>{path} صادر شد</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This document is not in a shared workspace.</source>
        <translation>این سند در فضای کاری مشترک نیست.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{who} saved changes to {matrices}</source>
        <translation>{who} تغییراتی را در {matrices} ذخیره کرد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone</source>
        <translation>کسی</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Changed by {who}, {when}</source>
        <translation>تغییر توسط {who}، {when}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed by someone else</source>
        <translation>تغییر توسط کسی دیگر</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace unreachable — your work is kept</source>
        <translation>فضای کاری در دسترس نیست — کار شما نگه داشته شده است</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The workspace answers again.</source>
        <translation>فضای کاری دوباره پاسخ می‌دهد.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shared — {count} conflicts to settle when you save</source>
        <translation>مشترک — {count} تعارض برای حل هنگام ذخیره</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shared workspace</source>
        <translation>فضای کاری مشترک</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a cell to see its history.</source>
        <translation>برای دیدن تاریخچه، یک خانه را انتخاب کنید.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History of {task} × {role}</source>
        <translation>تاریخچهٔ {task} × {role}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History of “{matrix}”</source>
        <translation>تاریخچهٔ «{matrix}»</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changes are recorded when the document is saved. Save it first.</source>
        <translation>تغییرات هنگام ذخیرهٔ سند ثبت می‌شوند. اول آن را ذخیره کنید.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../rolematrix/gui/window_menus.py" line="+332"/>
        <source>Menu bar</source>
        <extracomment>The toolbar, left to right; None is a separator. The menu texts of the panels (View ▸ Panels), the same as in View ▸ Go to. Every action of the window&apos;s menus and toolbar, by a stable key.</extracomment>
        <translation>نوار منو</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>&amp;File</source>
        <extracomment>Where the actions sit: (object name, title, entries) with entries an action key, &quot;-&quot; for a separator, or a nested menu; &quot;@recent&quot;, &quot;@panels&quot; and &quot;@language&quot; are filled by the window&apos;s state (recent documents, its docks, the languages).</extracomment>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>&amp;New from template…</source>
        <extracomment>when the action can be used; None: always (checked again by ``update_enabled``) a shortcut the grid handles itself, only shown in the menu&apos;s shortcut column</extracomment>
        <translation>&amp;تازه از روی الگو…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new document from a built-in template or a blank matrix</source>
        <translation>آغاز سندی تازه از روی یک الگوی آماده یا یک ماتریس خالی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>&amp;باز کردن…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a RoleMatrix document</source>
        <translation>باز کردن یک سند RoleMatrix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open shared &amp;workspace…</source>
        <translation>باز کردن &amp;فضای کاری مشترک…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a shared workspace on a database server</source>
        <translation>باز کردن یک فضای کاری مشترک روی سرور پایگاه داده</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh from workspace</source>
        <translation>&amp;به‌روزرسانی از فضای کاری</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring in what others saved in the shared workspace, keeping your edits</source>
        <translation>آنچه دیگران در فضای کاری مشترک ذخیره کرده‌اند را بیاور و ویرایش‌های خودت را نگه دار</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Open &amp;recent</source>
        <translation>سندهای &amp;اخیر</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the document</source>
        <translation>ذخیره‌ی سند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;as…</source>
        <translation>ذخیره با &amp;نام…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the document under another name or in another place</source>
        <translation>ذخیره‌ی سند با نامی دیگر یا در جایی دیگر</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import…</source>
        <translation>&amp;وارد کردن…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read a matrix from an Excel workbook, a CSV or a JSON file</source>
        <translation>خواندن ماتریس از یک کارپوشه‌ی Excel یا پرونده‌ی CSV یا JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>&amp;صدور…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the matrix as an Excel workbook, a PDF, a CSV or a JSON file</source>
        <translation>نوشتن ماتریس به‌صورت کارپوشه‌ی Excel یا پرونده‌ی PDF، CSV یا JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;handbook PDF…</source>
        <translation>صدور &amp;دفترچه‌ی نقش‌ها (PDF)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a PDF with a chapter per role: what each role does</source>
        <translation>نوشتن یک PDF با یک فصل برای هر نقش: هر نقش چه می‌کند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>ب&amp;ستن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close this window</source>
        <translation>بستن این پنجره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close every window</source>
        <translation>بستن همه‌ی پنجره‌ها</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <location line="-149"/>
        <location line="+288"/>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Save to shared wor&amp;kspace…</source>
        <translation>ذخیره در فضای کاری &amp;مشترک…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the matrices of this document into a shared workspace on a database server</source>
        <translation>رونوشت ماتریس‌های این سند در یک فضای کاری مشترک روی سرور پایگاه داده</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+288"/>
        <source>Take back the last change</source>
        <translation>پس گرفتن آخرین تغییر</translation>
    </message>
    <message>
        <location line="-286"/>
        <location line="+290"/>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
    </message>
    <message>
        <location line="-288"/>
        <location line="+290"/>
        <source>Make the change taken back again</source>
        <translation>انجام دوباره‌ی تغییری که پس گرفته شد</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Cu&amp;t</source>
        <translation>&amp;برش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected cells and clear them</source>
        <translation>رونوشت از خانه‌های برگزیده و پاک کردن آن‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy</source>
        <translation>&amp;رونوشت</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected cells as tab-separated text</source>
        <translation>رونوشت از خانه‌های برگزیده به‌صورت متن جداشده با Tab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>&amp;چسباندن</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste codes from a spreadsheet at the selected cell</source>
        <translation>چسباندن کدها از یک صفحه‌گسترده در خانه‌ی برگزیده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear cells</source>
        <translation>&amp;پاک کردن خانه‌ها</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the codes of the selected cells</source>
        <translation>برداشتن کدهای خانه‌های برگزیده</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;all</source>
        <translation>&amp;گزینش همه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select every cell of the grid</source>
        <translation>گزینش همه‌ی خانه‌های جدول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert &amp;task</source>
        <translation>افزودن و&amp;ظیفه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a task below the current one</source>
        <translation>افزودن یک وظیفه زیر وظیفه‌ی کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert r&amp;ole</source>
        <translation>افزودن &amp;نقش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a role after the current column</source>
        <translation>افزودن یک نقش پس از ستون کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert p&amp;hase</source>
        <translation>افزودن &amp;مرحله</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a phase (a group of tasks) after the current one</source>
        <translation>افزودن یک مرحله (گروهی از وظیفه‌ها) پس از مرحله‌ی کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name task…</source>
        <translation>تغییر نام وظیفه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename the current task</source>
        <translation>تغییر نام وظیفه‌ی کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me role…</source>
        <translation>تغییر نام نقش…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename the current role</source>
        <translation>تغییر نام نقش کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renam&amp;e phase…</source>
        <translation>تغییر نام مرحله…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename the phase of the current task</source>
        <translation>تغییر نام مرحله‌ی وظیفه‌ی کنونی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move task &amp;up</source>
        <translation>بردن وظیفه به &amp;بالا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the current task one row up</source>
        <translation>بردن وظیفه‌ی کنونی یک سطر به بالا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move task do&amp;wn</source>
        <translation>بردن وظیفه به &amp;پایین</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the current task one row down</source>
        <translation>بردن وظیفه‌ی کنونی یک سطر به پایین</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move role &amp;left</source>
        <translation>بردن نقش به &amp;چپ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the current role one column to the left</source>
        <translation>بردن نقش کنونی یک ستون به چپ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current role one column to the right</source>
        <translation>بردن نقش کنونی یک ستون به راست</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Move role &amp;right</source>
        <translation>بردن نقش به را&amp;ست</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete task</source>
        <translation>&amp;حذف وظیفه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected tasks with their cells</source>
        <translation>حذف وظیفه‌های برگزیده همراه با خانه‌هایشان</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete r&amp;ole</source>
        <translation>حذف ن&amp;قش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected roles with their cells</source>
        <translation>حذف نقش‌های برگزیده همراه با خانه‌هایشان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete &amp;phase</source>
        <translation>حذف مر&amp;حله</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the current phase with its tasks</source>
        <translation>حذف مرحله‌ی کنونی همراه با وظیفه‌هایش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find tasks…</source>
        <translation>&amp;یافتن وظیفه‌ها…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only the tasks whose name or description contains a text</source>
        <translation>نشان دادن تنها وظیفه‌هایی که نام یا شرحشان متنی را دارد</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the grid larger</source>
        <translation>بزرگ‌تر کردن جدول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the grid smaller</source>
        <translation>کوچک‌تر کردن جدول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset zoom</source>
        <translation>اندازه‌ی &amp;عادی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the grid at its normal size</source>
        <translation>نمایش جدول در اندازه‌ی عادی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collapse all phases</source>
        <translation>بستن &amp;همه‌ی مراحل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fold every phase to its header row</source>
        <translation>بستن هر مرحله تا سطر عنوانش</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpand all phases</source>
        <translation>باز کردن همه‌ی &amp;مراحل</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unfold every phase</source>
        <translation>باز کردن همه‌ی مراحل</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&amp;Panels</source>
        <translation>&amp;پنل‌ها</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Show or hide the {panel} panel</source>
        <translation>نمایش یا پنهان کردن پنل «{panel}»</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>&amp;Go to</source>
        <translation>&amp;رفتن به</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Cell &amp;history…</source>
        <translation>&amp;تاریخچهٔ خانه…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who changed the current cell, when, from what to what</source>
        <translation>چه کسی خانهٔ کنونی را کی و از چه به چه تغییر داد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Matrix history…</source>
        <translation>تاریخچهٔ &amp;ماتریس…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every recorded change of this matrix, newest first</source>
        <translation>همهٔ تغییرات ثبت‌شدهٔ این ماتریس، تازه‌ترین در بالا</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>&amp;Present</source>
        <translation>&amp;ارائه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the matrix full screen for a workshop, one task at a time</source>
        <translation>نمایش تمام‌صفحه‌ی ماتریس برای کارگاه، هر بار یک وظیفه</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>&amp;Getting started</source>
        <translation>&amp;آغاز کار</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What RACI is, how to edit the matrix, and what the checks look for</source>
        <translation>RACI چیست، ماتریس را چگونه ویرایش کنیم، و بررسی‌ها در پی چه هستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About RoleMatrix</source>
        <translation>&amp;درباره‌ی RoleMatrix</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version, licence and the fonts&apos; licence</source>
        <translation>نسخه، پروانه و پروانه‌ی قلم‌ها</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>درباره‌ی &amp;Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Qt</source>
        <translation>درباره‌ی Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The version and licence of Qt</source>
        <translation>نسخه و پروانه‌ی Qt</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>&amp;Undo {change}</source>
        <translation>&amp;واگرد {change}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Redo {change}</source>
        <translation>&amp;ازنو {change}</translation>
    </message>
    <message>
        <location line="-205"/>
        <source>&amp;Grid</source>
        <translation>&amp;جدول</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;roblems</source>
        <translation>&amp;مشکلات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Task</source>
        <translation>&amp;وظیفه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;ole</source>
        <translation>&amp;نقش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What the role does</source>
        <translation>&amp;کارهای نقش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;People</source>
        <translation>&amp;افراد</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Put the keyboard focus on the grid</source>
        <translation>بردن تمرکز صفحه‌کلید به جدول</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the keyboard focus on the problems</source>
        <translation>بردن تمرکز صفحه‌کلید به مشکلات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the keyboard focus on the task panel</source>
        <translation>بردن تمرکز صفحه‌کلید به پنل وظیفه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the keyboard focus on the role panel</source>
        <translation>بردن تمرکز صفحه‌کلید به پنل نقش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the keyboard focus on what the role does</source>
        <translation>بردن تمرکز صفحه‌کلید به کارهای نقش</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the keyboard focus on the people panel</source>
        <translation>بردن تمرکز صفحه‌کلید به پنل افراد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next panel</source>
        <translation>پنل &amp;بعدی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the next panel</source>
        <translation>بردن تمرکز صفحه‌کلید به پنل بعدی</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;vious panel</source>
        <translation>پنل &amp;قبلی</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the previous panel</source>
        <translation>بردن تمرکز صفحه‌کلید به پنل قبلی</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>&amp;System language</source>
        <translation>زبان &amp;سیستم</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use the language of the system</source>
        <translation>به‌کار بردن زبان سیستم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show RoleMatrix in {language}</source>
        <translation>نمایش RoleMatrix به زبان {language}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+2"/>
        <source>Main toolbar</source>
        <translation>نوار ابزار اصلی</translation>
    </message>
</context>
<context>
    <name>WorkspaceAddressDialog</name>
    <message>
        <location filename="../../rolematrix/gui/workspace_address.py" line="+26"/>
        <source>Save to shared workspace</source>
        <translation>ذخیره در فضای کاری مشترک</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open shared workspace</source>
        <translation>باز کردن فضای کاری مشترک</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database address:</source>
        <translation>&amp;نشانی پایگاه داده:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database address</source>
        <translation>نشانی پایگاه داده</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave the password out of the address: RoleMatrix takes it from your ~/.pgpass file or the PGPASSWORD variable, and never stores it. The history records you as ROLEMATRIX_USER if set, else as the database user.</source>
        <translation>گذرواژه را در نشانی ننویسید: RoleMatrix آن را از پروندهٔ ‎~/.pgpass‎ یا متغیر PGPASSWORD می‌گیرد و هرگز ذخیره‌اش نمی‌کند. تاریخچه شما را با نام ROLEMATRIX_USER (اگر تنظیم شده باشد) و گرنه با نام کاربر پایگاه داده ثبت می‌کند.</translation>
    </message>
</context>
</TS>
