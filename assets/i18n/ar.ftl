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

annotate-relabelled = صار وسمه { $label }
annotate-select-text-first = حدِّد نصًّا أولًا
annotate-span-added = أُضيف { $label }
annotate-all-matches-labelled = أُضيف { $label } إلى { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتين
    [few] { $count } نتائج
    [many] { $count } نتيجةً
   *[other] { $count } نتيجة
}
annotate-span-removed = حُذف { $label }
annotate-span-removed-with-relations = حُذف { $label } ومعه { $count ->
    [zero] لا علاقات
    [one] علاقة واحدة
    [two] علاقتان
    [few] { $count } علاقات
    [many] { $count } علاقةً
   *[other] { $count } علاقة
}
annotate-match-of = النتيجة { $number } من { $total }
annotate-no-matches = لا نتائج
annotate-no-unlabelled-match = لا نتيجة غير موسومة ليُضاف إليها { $label }

annotate-edit-labels = تحرير الوسوم
annotate-snap-words = التحديد بكلمات كاملة
annotate-trim-punctuation = استبعاد علامات الترقيم
annotate-light-theme = سمة فاتحة
annotate-dark-theme = سمة داكنة
annotate-shortcuts-hint = الاختصارات: F1

annotate-find-caption = بحث:
annotate-find-hint = كلمة للبحث عنها
annotate-fold-letters = أ=ا ى=ي ة=ه
annotate-inside-words = داخل الكلمات
annotate-all-documents = كل المستندات
annotate-label-all = وسم الكل بـ { $label }
annotate-label-all-tooltip = كل النتائج في المستند المفتوح، بخطوة تراجع واحدة
annotate-alt-key-hint = ‏Alt مع مفتاح الوسم: وسم الكل في هذا المستند
annotate-close-find = إغلاق
annotate-count-matches = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $shown } نتائج
    [many] { $shown } نتيجةً
   *[other] { $shown } نتيجة
}
annotate-count-documents = { $count ->
    [zero] لا مستندات
    [one] مستند واحد
    [two] مستندان
    [few] { $shown } مستندات
    [many] { $shown } مستندًا
   *[other] { $shown } مستند
}
annotate-find-counter-corpus = { $documents }، { $matches } ({ $here } هنا)

annotate-section-spans = المقاطع
annotate-note-mark = ملاحظة
annotate-documents-heading = المستندات
annotate-status-caption = الحالة:
annotate-status-all = الكل
annotate-status-new = جديد
annotate-status-in-progress = قيد التعليق
annotate-status-done = منجَز
annotate-status-reviewed = مُراجَع
annotate-in-gold = في المعيار الذهبي
annotate-in-gold-tooltip = رُوجع وأُدرج في المعيار الذهبي للمشروع: نسختك نهائية وللقراءة فقط
annotate-unsure = عدم اليقين { $score }
annotate-unsure-tooltip = مدى عدم يقين الموسِّم الآلي من هذا المستند
annotate-pending = معلَّق: { $count }
annotate-no-documents = لا مستندات في هذه المدوَّنة.

annotate-decision-pending-conflict = معلَّق، فيه خلاف
annotate-decision-pending-agreed = معلَّق، متَّفق عليه
annotate-decision-accepted = مقبول
annotate-decision-rejected = مرفوض
annotate-candidate-hover = { $label } { $range }: { $annotators } ({ $decision })
annotate-suggestion-hover = اقتراح { $label } (الدرجة { $score }، { $source }): انقر، ثم Enter للقبول وDelete للرفض

# (end of annotate)

## relations: relations (src/app/relations/)

relations-two-different-spans = العلاقة تربط مقطعين مختلفين
relations-added = أُضيفت العلاقة { $id } من نوع { $label }
relations-pick-span-first = اختر مقطعًا أولًا: العلاقة تنطلق من المقطع المختار
relations-started = { $label } من هذا المقطع ({ $span_label }): اختر المقطع الهدف (Tab / Shift+Tab أو انقر عليه)، Enter للربط، Escape للإلغاء
relations-no-other-span = لا مقطع آخر يُربط به في هذا المستند
relations-target = { $kind } إلى { $text } ({ $label })، المقطع { $number } من { $count }: Enter للربط، Tab للتالي، Escape للإلغاء
relations-no-target = لم يُختر مقطع هدف: لم تُنشأ العلاقة
relations-cancelled = لم تُنشأ علاقة
relations-deleted = حُذفت العلاقة { $id }
relations-cannot-relabel = لا يمكن أن تكون { $id } علاقة من نوع { $kind } بين هذين المقطعين
relations-added-by-drag = أُضيفت العلاقة { $id } من نوع { $kind }: انقر نوعًا آخر في اللوحة الجانبية لتغييره
relations-no-type = لا نوع علاقة يربط { $from } بـ { $to }

relations-section-document-labels = وسوم المستند
relations-section-note = ملاحظة على المقطع المختار
relations-section-relations = العلاقات
relations-note-hint = شكٌّ، أو سؤال للمراجِع
relations-save-note = حفظ الملاحظة (Enter)
relations-none = لا علاقات: اختر مقطعًا، واضغط مفتاح علاقة، ثم اختر الهدف
relations-picked = { $id }:
relations-delete = حذف (Del)

# (end of relations)

## labels: the label editor (src/app/labels/)

labels-title = الوسوم
labels-column-name = الاسم
labels-column-colour = اللون
labels-column-key = المفتاح
labels-column-description = الوصف
labels-column-from = من
labels-column-to = إلى
labels-name-hint = الاسم
labels-description-hint = الوصف
labels-values-hint = القيم، مفصولة بفواصل
labels-remove = إزالة
labels-add-label = إضافة وسم
labels-relation-types = أنواع العلاقات
labels-add-relation-type = إضافة نوع علاقة
labels-document-labels = وسوم المستندات
labels-add-document-label = إضافة وسم مستند
labels-several = متعدد
labels-any = أيّ وسم
labels-apply = تطبيق
labels-cancel = إلغاء
labels-changed = تغيَّرت الوسوم

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
