# واجهة تعليق بالعربية. لكل نص تعرضه النافذة رسالةٌ هنا وفي ملف كل لغة أخرى، بالمعرّفات
# نفسها والمتغيرات نفسها (تتحقق الاختبارات من ذلك). إضافة لغة: docs/translating.md.

## Menus

menu-file = ملف
menu-edit = تحرير
menu-view = عرض
menu-review = مراجعة
menu-help = مساعدة
menu-open-recent = فتح ملف حديث
menu-open-recent-empty = لم يُفتح أي مدوَّنة بعد
menu-language = اللغة

command-open = فتح…
command-save = حفظ
command-save-as = حفظ باسم…
command-import-text = استيراد ملفات نصية…
command-export = تصدير…
command-open-project = فتح مشروع…
command-sync-project = مزامنة المشروع
command-quit = خروج
command-undo = تراجع
command-redo = إعادة
command-find = بحث
command-edit-labels = الوسوم…
command-zoom-in = تكبير
command-zoom-out = تصغير
command-zoom-reset = الحجم الفعلي
command-toggle-theme = سمة فاتحة / داكنة
command-toggle-harakat = إظهار الحركات / إخفاؤها
command-reading-options = خيارات القراءة…
command-toggle-document-list = قائمة المستندات
command-toggle-side-panel = اللوحة الجانبية
command-guidelines = إرشادات التعليق
command-project-overview = نظرة عامة على المشروع
command-start-review = بدء المراجعة…
command-review-project = مراجعة المشروع
command-agreement-charts = مخططات الاتفاق
command-shortcuts = اختصارات لوحة المفاتيح
command-about = عن تعليق

language-english = English
language-arabic = العربية
window-close = إغلاق

status-language = لغة الواجهة: العربية

## Counts

count-spans = { $count ->
    [zero] لا مقاطع
    [one] مقطع واحد
    [two] مقطعان
    [few] { $count } مقاطع
    [many] { $count } مقطعًا
   *[other] { $count } مقطع
}
count-documents = { $count ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $count } مستندات
    [many] { $count } مستندًا
   *[other] { $count } مستند
}

## shell: the frame: bars, document list, side panel, banners, status bar (src/app/shell/)

name-row-caption = اسمك:
name-row-hint = المعلِّق

banner-read-only = للقراءة فقط: هذا الملف مفتوح في نافذة أخرى، فتحه { $holder }. التعديلات وCtrl+S مرفوضة هنا.
banner-read-only-old-lock = القفل قديم: غالبًا غادر صاحبه.
banner-take-over = تولَّ الملف (قد تضيع تغييراته غير المحفوظة)
banner-or-save-as = أو احفظ باسم آخر (ملف ← حفظ باسم…)
banner-changed-on-disk = تغيَّر الملف على القرص منذ فتحته. لم يُكتب فوق شيء.
banner-reload-theirs = أعد تحميل نسختهم (وأسقط تغييراتي)
banner-overwrite-theirs = اكتب نسختي فوقها (ونسختهم إلى ‎.bak‎)
banner-recovery-found = وُجد عمل غير محفوظ منذ { $minutes } دقيقة ({ $spans ->
        [zero] لا مقاطع
        [one] مقطع واحد
        [two] مقطعان
        [few] { $spans } مقاطع
        [many] { $spans } مقطعًا
       *[other] { $spans } مقطع
    } في { $path }).
banner-restore = استعِده
banner-discard = تجاهَله

status-document-of = المستند { $number } من { $total }
status-read-only-held = للقراءة فقط: يفتحه { $holder }
status-unsaved = تغييرات غير محفوظة
status-saved = محفوظ
status-no-annotator = (بلا معلِّق)
status-annotator = المعلِّق: { $name }
status-nothing-open = لا شيء مفتوح
status-review-progress = المراجعة: { $reviewed } من { $total } مستندات رُوجعت

# (end of shell)

## annotate: annotating: palette, find bar, span list (src/app/annotate/)

# (end of annotate)

## relations: relations (src/app/relations/)

# (end of relations)

## labels: the label editor (src/app/labels/)

# (end of labels)

## review: the review (src/app/review/)

# (end of review)

## project: team projects (src/app/project/)

# (end of project)

## suggest: suggestions and the tagger (src/app/suggest/)

# (end of suggest)

## export: the export dialog (src/app/shell/export_dialog.rs)

# (end of export)

## reading: reading options (src/app/shell/reading.rs)

# (end of reading)

## file-chooser: taliq's file chooser (src/app/file_chooser/)

# (end of file-chooser)

## welcome: the welcome screen (src/app/welcome/)

# (end of welcome)

## dialogs: dialogs: could not open, about, quit (src/app/shell/dialogs.rs)

# (end of dialogs)

## diagnostics: what a located problem of a corpus file says, by its diagnostic code

# (end of diagnostics)

## keys: the F1 overlay and the key table's help lines (src/app/input/)

# (end of keys)
