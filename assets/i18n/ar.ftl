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

file-chooser-title-open-corpus = افتح مدوَّنة أو ملفات نصية
file-chooser-title-save-corpus-as = احفظ المدوَّنة باسم
file-chooser-title-import-text = استورد ملفات نصية
file-chooser-title-open-project = افتح مجلد مشروع
file-chooser-title-load-model = حمِّل نموذج موسِّم
file-chooser-title-save-model = احفظ نموذج الموسِّم
file-chooser-title-add-gazetteer = أضف معجم أسماء
file-chooser-title-review-files = أضف ملفات مدوَّنات المعلِّقين
file-chooser-title-review-gold = اختر الملف المرجعي
file-chooser-filter-corpus = مدوَّنة تعليق
file-chooser-filter-text = نص عادي
file-chooser-filter-corpus-or-text = مدوَّنة أو ملفات نصية
file-chooser-filter-model = نموذج موسِّم تعليق
file-chooser-filter-gazetteer = معجم أسماء (أسطر LABEL<TAB>name)
file-chooser-filter = { $name } ({ $extensions })
file-chooser-all-files = كل الملفات
file-chooser-import-folder = استورد كل ملفات ‎.txt‎ هنا
file-chooser-import-folder-hint = كل ملف ‎.txt‎ في المجلد المعروض، كلٌّ بترميزه
file-chooser-verb-open = { $count ->
        [zero] افتح
        [one] افتح
        [two] افتح الملفين
        [few] افتح { $count } ملفات
        [many] افتح { $count } ملفًا
       *[other] افتح { $count } ملف
    }
file-chooser-verb-save = احفظ
file-chooser-verb-import = { $count ->
        [zero] استورد
        [one] استورد
        [two] استورد الملفين
        [few] استورد { $count } ملفات
        [many] استورد { $count } ملفًا
       *[other] استورد { $count } ملف
    }
file-chooser-verb-load = حمِّل
file-chooser-verb-add = { $count ->
        [zero] أضف
        [one] أضف
        [two] أضف الملفين
        [few] أضف { $count } ملفات
        [many] أضف { $count } ملفًا
       *[other] أضف { $count } ملف
    }
file-chooser-verb-choose = اختر
file-chooser-up = أعلى
file-chooser-up-hint = المجلد الأعلى (Backspace)
file-chooser-home = المنزل
file-chooser-reload = حدِّث
file-chooser-show = اعرض:
file-chooser-hidden = الملفات المخفية
file-chooser-name = الاسم:
file-chooser-path = المسار:
file-chooser-path-hint = اسمٌ هنا، أو مسار كامل (Enter)
file-chooser-replace-question = { $path } موجود: أتستبدله؟
file-chooser-replace = استبدل
file-chooser-cancel = إلغاء
file-chooser-empty = لا شيء هنا لهذا المرشِّح
file-chooser-cannot-read = تتعذّر قراءة { $path }: { $error }
file-chooser-type-name = اكتب اسم الملف الجديد
file-chooser-pick-or-type = اختر ملفًا، أو اكتب مساره
file-chooser-no-folder = لا مجلد { $path }
file-chooser-no-file = لا ملف { $path }

# (end of file-chooser)

## welcome: the welcome screen (src/app/welcome/)

welcome-title = مرحبًا بك في تعليق
welcome-what = علِّق على النص العربي: حدِّد المقاطع، وضع وسومها، وراجِع، وصدِّر.
welcome-open-corpus = افتح مدوَّنة…
welcome-open-corpus-hint = مدوَّنة تعليق (‎.json‎ أو ‎.jsonl‎)، أو ملفات ‎.txt‎ لاستيرادها
welcome-import-text = استورد ملفات نصية…
welcome-import-text-hint = مستند لكل ملف ‎.txt‎ (UTF-8 أو UTF-16 أو windows-1256 أو ISO-8859-6)
welcome-open-project = افتح مجلد مشروع…
welcome-open-project-hint = مجلد مشروع فريق (أُنشئ بالأمر ‎`taliq project init`‎)
welcome-try-sample = جرِّب العيِّنة
welcome-try-sample-hint = مقال إخباري بمقاطعه، لتجرِّب عليه تعليق
welcome-next-time = في المرة القادمة يفتح تعليق آخر مدوَّنة عملت عليها.
welcome-unsaved-first = هناك تغييرات غير محفوظة: احفظها (Ctrl+S) أولًا
welcome-sample-broken = العيِّنة المرفقة تالفة: { $error }
welcome-sample-opened = العيِّنة المرفقة: احفظها باسم من عندك لتحتفظ بعملك

# (end of welcome)

## dialogs: dialogs: could not open, about, quit (src/app/shell/dialogs.rs)

dialogs-about-title = عن تعليق
dialogs-about-version = تعليق { $version }
dialogs-about-what = تعليق النصوص العربية: دون اتصال، بلوحة المفاتيح أولًا، بإزاحات دقيقة.
dialogs-about-offsets = الإزاحات نقاط ترميز يونيكود؛ ويحوّلها التصدير حيث تعدّ الأداة بغيرها.
dialogs-quit-title = أتحفظ التغييرات قبل الخروج؟
dialogs-quit-unsaved = في { $name } تغييرات غير محفوظة.
dialogs-quit-save = احفظ واخرج
dialogs-quit-discard = اخرج دون حفظ
dialogs-quit-cancel = إلغاء
dialogs-problems-title = تعذّر الفتح
dialogs-problems-kept = لم يتغير شيء؛ المدوَّنة التي كانت مفتوحة ما زالت مفتوحة.
dialogs-problems-nothing-opened = لم يُفتح شيء.
dialogs-close = إغلاق
dialogs-invalid-corpus = { $file } ليس مدوَّنة صالحة ({ $count ->
        [zero] لا مشكلات
        [one] مشكلة واحدة
        [two] مشكلتان
        [few] { $count } مشكلات
        [many] { $count } مشكلةً
       *[other] { $count } مشكلة
    }):
dialogs-cannot-read = تتعذّر قراءة { $file }: { $error }
dialogs-unsaved-before-open = هناك تغييرات غير محفوظة: احفظها (Ctrl+S) قبل فتح مدوَّنة أخرى
dialogs-import-read = قُرئ: { $file }
dialogs-open-one-corpus = افتح ملف مدوَّنة واحدًا، أو أي عدد من ملفات ‎.txt‎
dialogs-open-one-corpus-or-folders = افتح ملف مدوَّنة واحدًا، أو أي عدد من ملفات ‎.txt‎ ومجلداتها
dialogs-opened = فُتح { $name }
dialogs-saved = حُفظ { $path }
dialogs-saved-over-theirs = حُفظ فوق الملف المتغيِّر؛ ونسختهم في ملف ‎.bak‎
dialogs-reloaded = أُعيد تحميل الملف من القرص
dialogs-sample-has-no-file = ليس للعيِّنة المرفقة ملف: احفظها باسم
dialogs-last-corpus-gone = آخر مدوَّنة، { $path }، لم تعد موجودة

# (end of dialogs)

## diagnostics: what a located problem of a corpus file says, by its diagnostic code

diagnostics-place = { $file }: { $place }
diagnostics-place-file = { $file }
diagnostics-place-separator = {"، "}
diagnostics-place-line = السطر { $line }
diagnostics-place-line-column = السطر { $line }، العمود { $column }
diagnostics-place-document = المستند «{ $document }» (رقم { $index })
diagnostics-place-document-id = المستند «{ $document }»
diagnostics-place-document-index = المستند رقم { $index }
diagnostics-place-span = المقطع { $span }
diagnostics-place-field = الحقل { $field }
diagnostics-detail = التفاصيل: { $detail }
diagnostics-empty-file = الملف فارغ.
diagnostics-invalid-utf8 = الملف ليس بترميز UTF-8 صالح.
diagnostics-byte-order-mark = يبدأ الملف بعلامة ترتيب البايتات (BOM)؛ احفظه بترميز UTF-8 دونها.
diagnostics-syntax = الملف ليس JSON سليم البنية.
diagnostics-wrong-format = ليس هذا مدوَّنة تعليق: الحقل "format" مفقود أو ليس "taliq-corpus".
diagnostics-unsupported-version = لا يقرأ هذا الإصدار من تعليق هذه النسخة من صيغة المدوَّنة.
diagnostics-wrong-offset-unit = يجب أن تُعَدّ الإزاحات بنقاط ترميز يونيكود ("offset_unit": "codepoint").
diagnostics-missing-field = حقل مطلوب مفقود.
diagnostics-wrong-type = نوع الحقل خاطئ.
diagnostics-invalid-value = في الحقل قيمة لا يقبلها.
diagnostics-duplicate-label = وسمان لهما الاسم نفسه.
diagnostics-duplicate-hotkey = وسمان لهما المفتاح نفسه.
diagnostics-duplicate-document = مستندان لهما المعرِّف نفسه.
diagnostics-empty-span = مقطع فارغ: بدايته ليست قبل نهايته.
diagnostics-out-of-range = مقطع ينتهي بعد نهاية نصه.
diagnostics-splits-cluster = حدّ المقطع يقع داخل حرف مع علاماته (عنقود حروف).
diagnostics-text-mismatch = نص المقطع يخالف النص الذي يغطيه.
diagnostics-unknown-label = مقطع يسمّي وسمًا لا يعرِّفه الملف.
diagnostics-duplicate-span = في المستند المقطع نفسه (البداية والنهاية والوسم) مرتين.
diagnostics-duplicate-id = مقطعان أو علاقتان في المستند لهما المعرِّف نفسه.
diagnostics-unknown-span-id = علاقة تسمّي مقطعًا ليس في مستندها.
diagnostics-relation-not-allowed = علاقة تربط مقطعين لا يسمح نوعها بوسميهما.
diagnostics-control-character = في نص المستند محرف تحكم (المسموح فقط: الجدولة وسطر جديد وعودة العربة وصفحة جديدة).

# (end of diagnostics)

## keys: the F1 overlay and the key table's help lines (src/app/input/)

keys-title = اختصارات لوحة المفاتيح
keys-command-in-menu = { $command } (قائمة { $menu })
keys-in-group = { $group }: { $help }
keys-group-relation-draft = علاقة قيد الإنشاء
keys-group-review = المراجعة
keys-group-suggestions = الاقتراحات
keys-group-find = حقل البحث
keys-group-field = حقل نصي
keys-group-question = سؤال
keys-group-file-chooser = منتقي الملفات
keys-label-key = مفتاح الوسم (1–5 افتراضيًا)
keys-alt-label-key = Alt+مفتاح الوسم
keys-label-row = الوسم { $label }
keys-relation-row = العلاقة { $relation } من المقطع المختار (من { $from } إلى { $to })؛ ويغيِّر نوع العلاقة المختارة
keys-relation-any = أي وسم
keys-relation-or = {" أو "}
keys-pointer-select = سحب / نقر مزدوج / Shift+نقر
keys-pointer-select-help = حدِّد نصًّا / كلمة / وسِّع التحديد
keys-pointer-pick-span = النقر على مقطع
keys-pointer-pick-span-help = اختره (الأعمق بين المقاطع المتداخلة)
keys-pointer-pick-relation = النقر على قوس أو وسمه
keys-pointer-pick-relation-help = اختر علاقته
keys-pointer-link = Alt+سحب من مقطع إلى مقطع
keys-pointer-link-help = اربطهما بأول نوع علاقة يسمح بوسميهما
keys-escape = أغلق النافذة المفتوحة؛ وإلا فأسقط التحديد والاختيار وأغلق شريط البحث
keys-next-target = المقطع التالي هدفًا لها
keys-previous-target = المقطع السابق هدفًا لها
keys-link = اربطها بهدفها
keys-cancel-relation = تخلَّ عنها
keys-next-pending = اختر المرشَّح المعلَّق التالي
keys-previous-pending = اختر المرشَّح المعلَّق السابق
keys-accept = اقبل المرشَّح المختار (محدَّدًا، لتعديل امتداده)
keys-accept-agreed = اقبل كل مقطع يتفق عليه جميع المعلِّقين
keys-mark-reviewed = علِّم المستند مُراجَعًا وافتح التالي (يسأل أولًا ما دام هناك مرشَّحون معلَّقون)
keys-next-suggestion = اختر الاقتراح التالي (إطار متقطع)
keys-previous-suggestion = اختر الاقتراح السابق
keys-accept-suggestion = اقبل الاقتراح المختار
keys-accept-above-threshold = اقبل كل اقتراح عند العتبة أو فوقها (خطوة تراجع واحدة)
keys-label = ضع الوسم على التحديد؛ غيِّر وسم المقطع المختار؛ اقبل المرشَّح أو الاقتراح المختار بهذا الوسم؛ ومفتاح نوع العلاقة يبدأ علاقة من المقطع المختار أو يغيِّر نوع العلاقة المختارة
keys-remove = احذف المقطع أو العلاقة المختارة؛ ارفض المرشَّح أو الاقتراح المختار
keys-caret-left = حرِّك المؤشر يسارًا على الشاشة (في العربية: إلى الأمام)
keys-caret-right = حرِّك المؤشر يمينًا على الشاشة (في العربية: إلى الخلف)
keys-extend-left = وسِّع التحديد إلى اليسار
keys-extend-right = وسِّع التحديد إلى اليمين
keys-extend-word-left = وسِّع التحديد كلمةً إلى اليسار
keys-extend-word-right = وسِّع التحديد كلمةً إلى اليمين
keys-line-start = انقل المؤشر إلى بداية السطر (في العربية: طرفه الأيمن)
keys-line-end = انقل المؤشر إلى نهاية السطر (في العربية: طرفه الأيسر)
keys-extend-line-start = وسِّع التحديد إلى بداية السطر
keys-extend-line-end = وسِّع التحديد إلى نهاية السطر
keys-next-document = المستند التالي
keys-previous-document = المستند السابق
keys-mark-done = علِّم المستند منجزًا وافتح التالي غير المنجز
keys-next-match = حدِّد النتيجة التالية
keys-previous-match = حدِّد النتيجة السابقة
keys-label-all-matches = ضع الوسم على كل نتيجة في المستند (خطوة تراجع واحدة)
keys-close-find = أغلق شريط البحث
keys-submit = اعتمد ما كُتب (مسارًا في منتقي الملفات، أو ملاحظة، أو اسم المعلِّق)
keys-cancel = ألغِ
keys-chooser-up = أبرِز الصف الأعلى
keys-chooser-down = أبرِز الصف الأسفل
keys-chooser-open = ادخل المجلد المُبرَز، وإلا فافتح الاختيار أو احفظه
keys-chooser-parent = اصعد إلى المجلد الأب
keys-chooser-cancel = أغلقه دون اختيار شيء

# (end of keys)

## state: status messages of the window's state (src/app/state/, src/app/mod.rs, launch, settings, dispatch)

state-took-over-stale-lock = تولّيتَ قفل { $path } الذي تركه { $holder }
state-read-only = للقراءة فقط: { $holder } يفتح هذا الملف؛ احفظ باسم آخر، أو تولَّ الملف
state-could-not-lock = تعذّر قفل { $path } ({ $error }): قد تكتب نافذة أخرى فوقه
state-took-file-over = تولّيتَ الملف: { $path } لك الآن{ $reloaded ->
        [loaded] ، مع التغييرات المحفوظة في النافذة الأخرى
        [failed] ؛ تغيَّر على القرص وتعذّر تحميله من جديد
       *[nothing] {""}
    }
state-could-not-take-over = تعذّر تولّي الملف: { $error }
state-other-window-let-go = تركت النافذة الأخرى { $path }: هو لك الآن{ $reloaded ->
        [loaded] ، مع التغييرات المحفوظة في النافذة الأخرى
        [failed] ؛ تغيَّر على القرص وتعذّر تحميله من جديد
       *[nothing] {""}
    }
state-frozen-document = رُوجع { $id } ودخل المرجع الذهبي للمشروع: صار للقراءة فقط
state-undone = تمّ التراجع
state-redone = أُعيد
state-nothing-to-undo = لا شيء للتراجع عنه
state-nothing-to-redo = لا شيء لإعادته
state-gone-back-from-marking = لم يُعلَّم مُراجَعًا: بقي المرشَّحون المعلَّقون
state-autosave-failed = فشل الحفظ التلقائي: { $error }
state-recovery-does-not-fit = ملف الاستعادة لا يوافق هذه المراجعة: { $error }
state-restored = استُعيد العمل غير المحفوظ من { $path }
state-discarded-recovery = أُهمل ملف الاستعادة
state-relation-retyped = صارت العلاقة { $id } من نوع { $kind }
state-source-sample = العيِّنة المرفقة
state-source-untitled = بلا عنوان (نص مستورد)
state-not-quitting-yet = لم يتم الخروج بعد: اختر أين تحفظ، ثم اخرج مجددًا
state-not-saved-not-quitting = لم يُحفظ، ولن يتم الخروج: { $error }
state-title-sample = العيِّنة المرفقة
state-title-untitled = بلا عنوان
state-title-read-only = {" (للقراءة فقط)"}

# (end of state)
