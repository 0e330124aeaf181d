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
# علاقة بنصَّي مقطعيها، المصدر أولًا؛ يشير السهم إلى الهدف.
relations-line = { $from } ← { $to }

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

review-heading = المراجعة
review-progress = رُوجع { $reviewed } من { $total } مستندات
review-span-candidates = المقاطع المرشَّحة
review-this-document = هذا المستند: { $pending } من { $candidates } مرشَّحات معلَّقة، { $spans ->
        [zero] لا مقاطع ذهبية
        [one] مقطع ذهبي واحد
        [two] مقطعان ذهبيان
        [few] { $spans } مقاطع ذهبية
        [many] { $spans } مقطعًا ذهبيًا
       *[other] { $spans } مقطع ذهبي
    }، { $status }
review-status-new = جديد
review-status-in-progress = قيد التعليق
review-status-done = منجز
review-status-reviewed = مُراجَع
review-accept-all-agreed = اقبل كل المتفق عليه (Ctrl+Shift+A)
review-mark-reviewed = علِّمه مُراجَعًا (Ctrl+Enter)
review-agreement-charts = مخططات الاتفاق
review-close = أغلق المراجعة
review-candidate-tag = { $group }. { $label }
review-accept = اقبل
review-reject = ارفض
review-groups = المجموعات (مستندات أنهاها المعلِّقون أنفسهم):
review-group = { $names }: رُوجع { $reviewed } من { $total }
review-tiers = الطبقات، من الأدنى:
review-tier-number = { $number }.
review-decision-conflict = تعارض
review-decision-agreed = متفق عليه
review-decision-accepted = مقبول
review-decision-rejected = مرفوض
review-relations-pending = العلاقات: { $pending } من { $total } معلَّقة
review-document-labels = وسوم المستند:
review-links-heading = العلاقات ووسوم المستندات
review-relations-figures = العلاقات، بطرفين مطابقين (المقطعان والنوع): F1 { $f1 }، الدقة { $precision }، الاستدعاء { $recall }
review-relations-pair = { $other } مقابل { $reference }: تطابقت { $matched } من { $reference_count } و{ $other_count }، F1 { $f1 }
review-document-label-figures = { $label }: كابا كوهين { $kappa }، ألفا كريبندورف { $alpha } على { $documents ->
        [zero] لا مستندات
        [one] مستند واحد
        [two] مستندين
        [few] { $documents } مستندات
        [many] { $documents } مستندًا
       *[other] { $documents } مستند
    }
review-agreement-title = الاتفاق
review-agreement-summary = المعلِّقون: { $annotators }، المستندات: { $documents }، الرموز: { $tokens }. إجمالًا: F1 التام { $exact }، F1 الجزئي { $partial }، كابا كوهين { $kappa }، ألفا كريبندورف { $alpha }، α_U { $unitizing }
review-per-label = لكل وسم (المتوسط على أزواج المعلِّقين)
review-confusion = خلط الوسوم: مقاطع متداخلة وُسمت بوسوم مختلفة
review-pair = الزوج
review-every-pair = كل الأزواج
review-pair-name = { $rows } (الصفوف) مقابل { $columns } (الأعمدة)
review-measure-exact-f1 = F1 التام
review-measure-partial-f1 = F1 الجزئي
review-measure-cohen-kappa = كابا كوهين
review-measure-krippendorff-alpha = ألفا كريبندورف
review-measure-unitizing-alpha = α_U
review-first-of-pair = أول كل زوج
review-second-of-pair = ثاني كل زوج
review-heat-map-axes = الصفوف: { $rows }؛ الأعمدة: { $columns }
review-heat-map-name = خريطة حرارية لخلط الوسوم
review-start-title = بدء مراجعة
review-annotator-files = ملفات مدوَّنات المعلِّقين (ملف لكل معلِّق، المستندات نفسها):
review-numbered-file = { $number }. { $path }
review-remove = أزِل
review-add-files = أضف ملفات…
review-or-annotator-file = أو ملف معلِّق:
review-add = أضف
review-gold-file = الملف الذهبي:
review-gold-hint = gold.json (يُنشأ إن لم يوجد)
review-choose = اختر…
review-start = ابدأ المراجعة
review-mark-question-title = أتعلِّم هذا المستند مُراجَعًا؟
review-marking-rejects = { $pending ->
        [one] تعليم المستند مُراجَعًا يرفضه: يبقى خارج الذهبي.
       *[other] تعليم المستند مُراجَعًا يرفضها كلها: تبقى خارج الذهبي.
    }
review-reject-and-mark = ارفض وعلِّمه مُراجَعًا (Ctrl+Enter)
review-go-back = عُد (Escape)
review-gone-back = لم يُعلَّم مُراجَعًا: المرشَّحات المعلَّقة باقية
review-pending = { $pending ->
        [zero] لا مرشَّحات معلَّقة
        [one] مرشَّح واحد معلَّق
        [two] مرشَّحان معلَّقان
        [few] { $pending } مرشَّحات معلَّقة
        [many] { $pending } مرشَّحًا معلَّقًا
       *[other] { $pending } مرشَّح معلَّق
    }
review-pending-all-in-conflict = { $pending ->
        [zero] لا مرشَّحات معلَّقة
        [one] مرشَّح واحد معلَّق، في تعارض لم يُحسم
        [two] مرشَّحان معلَّقان، كلاهما في تعارض لم يُحسم
        [few] { $pending } مرشَّحات معلَّقة، كلها في تعارضات لم تُحسم
        [many] { $pending } مرشَّحًا معلَّقًا، كلها في تعارضات لم تُحسم
       *[other] { $pending } مرشَّح معلَّق، كلها في تعارضات لم تُحسم
    }
review-pending-some-in-conflict = { $pending ->
        [zero] لا مرشَّحات معلَّقة
        [one] مرشَّح واحد معلَّق
        [two] مرشَّحان معلَّقان
        [few] { $pending } مرشَّحات معلَّقة
        [many] { $pending } مرشَّحًا معلَّقًا
       *[other] { $pending } مرشَّح معلَّق
    }، منها { $conflicts } في تعارضات لم تُحسم
review-agreed-spans = { $count ->
        [zero] لا مقاطع متفق عليها
        [one] مقطع واحد متفق عليه
        [two] مقطعان متفق عليهما
        [few] { $count } مقاطع متفق عليها
        [many] { $count } مقطعًا متفقًا عليه
       *[other] { $count } مقطع متفق عليه
    }
review-agreed-relations = { $count ->
        [zero] لا علاقات
        [one] علاقة واحدة
        [two] علاقتان
        [few] { $count } علاقات
        [many] { $count } علاقةً
       *[other] { $count } علاقة
    }
review-agreed-document-labels = { $count ->
        [zero] لا وسوم مستندات
        [one] وسم مستند واحد
        [two] وسما مستند
        [few] { $count } وسوم مستندات
        [many] { $count } وسمًا للمستندات
       *[other] { $count } وسم مستند
    }
review-list-comma = {"، "}
review-list-and = { $first } و{ $last }
review-accepted-agreed = قُبل: { $parts }
review-unsaved-first = توجد تغييرات غير محفوظة: احفظها (Ctrl+S) قبل بدء المراجعة
review-started = مراجعة { $annotators } معلِّقين إلى { $gold }: رُوجع { $reviewed } من { $total } مستندات
review-group-unavailable = لا يمكن مراجعة هذه المجموعة
review-project-group = مراجعة المشروع، المجموعة { $number } من { $total }: { $group }
review-closed = أُغلقت المراجعة: تبقى المدوَّنة الذهبية مفتوحة
review-none-pending = لا مرشَّحات معلَّقة في هذا المستند
review-pick-first = اختر مرشَّحًا أولًا (السهم السفلي يختار المعلَّق التالي)
review-select-text-first = حدِّد نصًا أولًا
review-label-accepted = قُبل { $label }
review-label-accepted-instead = قُبل { $label } في { $range } بدل { $candidate }
review-label-rejected = رُفض { $label }
review-mark-asks = { $pending }: ‏Ctrl+Enter مرة أخرى يرفضها ويعلِّم المستند مُراجَعًا؛ Escape للعودة
review-marked = عُلِّم مُراجَعًا: رُوجع { $reviewed } من { $total } مستندات
review-marked-rejecting = عُلِّم مُراجَعًا (رُفض { $pending } من المرشَّحات المعلَّقة): رُوجع { $reviewed } من { $total } مستندات
review-relation-accepted = قُبلت العلاقة { $label }
review-relation-rejected = رُفضت العلاقة { $label }
review-choice-accepted = { $label }: قُبل { $values }
review-choice-rejected = { $label }: رُفض { $values }

# (end of review)

## project: team projects (src/app/project/)

project-chooser-title = المشروع { $name }
project-who-are-you = من أنت؟ تُفتح مستنداتك، ويُحفظ اختيارك.
project-guidelines-title = الإرشادات
project-no-guidelines = ليس في هذا المشروع ملف guidelines.md بعد.
project-labels = الوسوم
project-relations = العلاقات
project-document-labels = وسوم المستندات
project-any = أيّ
project-relation-kind = { $name }: { $from } ← { $to }
project-document-label-many = { $name }: واحد أو أكثر من { $values }
project-document-label-one = { $name }: واحد من { $values }
project-status-name = المشروع { $name }
project-status-you = أنت: { $name }
project-status-done = أُنجز { $done } من { $total }
project-syncing = جارٍ المزامنة…
project-state-new = جديد
project-state-in-progress = قيد التعليق
project-state-done = منجز
project-overview-title = نظرة عامة على المشروع
project-sync-state = المزامنة: { $state }
project-last-sync = آخر مزامنة: { $report }
project-refresh = حدِّث
project-unreadable = تتعذر قراءة المشروع: { $error }
project-summary = { $name }: المستندات { $documents }، أنهاها كل معلِّقيها { $finished }، جاهزة للمراجعة { $ready }، رُوجعت في الذهبي { $reviewed }؛ الاتفاق (F1 التام) { $f1 }
project-annotator-bar = { $number }. { $name } (أنجز { $done } من { $assigned })
project-ready-for-review = جاهز للمراجعة
project-reviewed-in-gold = رُوجع في الذهبي
project-not-finished = لم يكتمل
project-not-assigned = غير مُسند
project-document = المستند
project-annotator-number = { $number }
project-gold = الذهبي
project-cell = { $document }، { $annotator }: { $state }
project-gold-cell = { $document }، الذهبي: { $state }
project-none-open = لا مشروع مفتوح
project-not-an-annotator = { $name } ليس من معلِّقي هذا المشروع
project-joined = المشروع { $name }: { $documents ->
        [zero] لا مستندات لك
        [one] مستندك الوحيد
        [two] مستنداك الاثنان
        [few] مستنداتك الـ{ $documents }
        [many] مستنداتك الـ{ $documents }
       *[other] مستنداتك الـ{ $documents }
    }
project-gold-unreadable = تعذرت قراءة الذهبي: { $error }
project-unsaved-first = توجد تغييرات غير محفوظة: احفظها (Ctrl+S) أولًا
project-not-a-project = { $path } ليس مشروع تعليق: لا يحوي { $file }
project-choose-yourself-first = اختر من أنت في هذا المشروع أولًا
project-not-synced = لم تتم المزامنة: { $error }
project-sync-new-documents = { $count ->
        [zero] لم يُضف أي مستند جديد
        [one] أُضيف إلى ملفك مستند جديد واحد أُسند إليك
        [two] أُضيف إلى ملفك مستندان جديدان أُسندا إليك
        [few] أُضيفت إلى ملفك { $count } مستندات جديدة أُسندت إليك
        [many] أُضيف إلى ملفك { $count } مستندًا جديدًا أُسند إليك
       *[other] أُضيف إلى ملفك { $count } مستند جديد أُسند إليك
    }
project-sync-nothing-to-commit = لا جديد من عملك لإيداعه
project-sync-committed = أُودع: { $message }
project-sync-received = { $count ->
        [zero] لم يصل أي إيداع
        [one] وصل إيداع واحد
        [two] وصل إيداعان
        [few] وصلت { $count } إيداعات
        [many] وصل { $count } إيداعًا
       *[other] وصل { $count } إيداع
    }
project-sync-kept-both = تغيَّر { $ours } على جهازين: أُبقيت نسختك، والنسخة الأخرى في { $theirs }؛ قارن بينهما واحتفظ بالصحيح
project-sync-pushed = أُرسل
project-sync-offline = لم يُشارَك: { $reason }؛ يبقى إيداعك هنا وترسله المزامنة التالية
project-sync-uncommitted = عملك لم يُزامَن بعد
project-sync-up-to-date = محدَّث
project-sync-to-send = { $count ->
        [zero] لا إيداعات للإرسال
        [one] إيداع واحد للإرسال
        [two] إيداعان للإرسال
        [few] { $count } إيداعات للإرسال
        [many] { $count } إيداعًا للإرسال
       *[other] { $count } إيداع للإرسال
    }
project-sync-to-take-in = { $count ->
        [zero] لا إيداعات للاستقبال
        [one] إيداع واحد للاستقبال
        [two] إيداعان للاستقبال
        [few] { $count } إيداعات للاستقبال
        [many] { $count } إيداعًا للاستقبال
       *[other] { $count } إيداع للاستقبال
    }
project-sync-to-send-and-take-in = للإرسال { $ahead }، للاستقبال { $behind }
project-sync-never = لم يُزامَن قط مع مستودع بعيد
project-sync-not-yet = لا مزامنة بعد
project-sync-just-now = آخر مزامنة الآن
project-sync-minutes-ago = آخر مزامنة قبل { $count } دقيقة
project-sync-hours-ago = آخر مزامنة قبل { $count } ساعة
project-sync-days-ago = { $count ->
        [zero] آخر مزامنة اليوم
        [one] آخر مزامنة قبل يوم
        [two] آخر مزامنة قبل يومين
        [few] آخر مزامنة قبل { $count } أيام
        [many] آخر مزامنة قبل { $count } يومًا
       *[other] آخر مزامنة قبل { $count } يوم
    }
project-sync-separator = {"؛ "}

# (end of project)

## suggest: suggestions and the tagger (src/app/suggest/)

suggest-section-suggestions = الاقتراحات
suggest-section-tagger = الموسِّم الآلي
suggest-section-quality = جودة الموسِّم
suggest-review-ignores = وضع المراجعة يتجاهل الاقتراحات.
suggest-show = إظهار الاقتراحات
suggest-order-by-uncertainty-hint = ‏Ctrl+Enter يفتح المستند الأقل يقينًا عند الموسِّم
suggest-order-by-uncertainty = ‏Ctrl+Enter: الأقل يقينًا أولًا
suggest-offered = { $count ->
        [zero] لا اقتراحات في هذا المستند
        [one] اقتراح واحد في هذا المستند
        [two] اقتراحان في هذا المستند
        [few] { $count } اقتراحات في هذا المستند
        [many] { $count } اقتراحًا في هذا المستند
       *[other] { $count } اقتراح في هذا المستند
    } (‏Tab و‏Shift+Tab للتنقل بينها)
suggest-picked = المختار: { $label } { $score } ({ $source }) — ‏Enter يقبل، ‏Delete يرفض
suggest-threshold = العتبة
suggest-accept-above = اقبل { $count } عندها أو فوقها
suggest-accept-above-hint = خطوة تراجع واحدة (Ctrl+Shift+A)
suggest-stage-starting = البدء
suggest-stage-word-clusters = عناقيد الكلمات
suggest-stage-features = السمات
suggest-stage-training = التدريب
suggest-stage-cross-validating = التحقق المتقاطع
suggest-stage-learning-curve = منحنى التعلم
suggest-stage-done = انتهى
suggest-matcher = المطابِق: { $forms ->
        [zero] لا صيغ متعلَّمة من المقاطع
        [one] صيغة واحدة متعلَّمة من المقاطع
        [two] صيغتان متعلَّمتان من المقاطع
        [few] { $forms } صيغ متعلَّمة من المقاطع
        [many] { $forms } صيغةً متعلَّمة من المقاطع
       *[other] { $forms } صيغة متعلَّمة من المقاطع
    }
suggest-seconds-ago = قبل { $seconds } ث
suggest-minutes-ago = قبل { $minutes } د
suggest-trained = دُرِّب { $ago } في { $seconds } ث
suggest-loaded-from = حُمِّل { $ago } من { $file }
suggest-loaded = حُمِّل { $ago }
suggest-tagger = الموسِّم (CRF): { $how }، على { $spans } من المقاطع في { $documents ->
        [zero] لا مستندات
        [one] مستند واحد
        [two] مستندين
        [few] { $documents } مستندات
        [many] { $documents } مستندًا
       *[other] { $documents } مستند
    }
suggest-word-clusters = عناقيد الكلمات: { $words } كلمة
suggest-not-trained = الموسِّم: لم يُدرَّب بعد
suggest-training-progress = التدريب: { $stage } { $percent }٪
suggest-cancel-training = ألغِ التدريب
suggest-train-now = درِّب الآن
suggest-training-cancelled = أُلغي التدريب
suggest-retrain-after = أعد التدريب بعد
suggest-new-spans = مقاطع جديدة
suggest-load-model = حمِّل نموذجًا…
suggest-save-model = احفظ النموذج…
suggest-add-gazetteer = أضف معجم أعلام…
suggest-gazetteer = معجم الأعلام { $name }: { $names ->
        [zero] لا أسماء
        [one] اسم واحد
        [two] اسمان
        [few] { $names } أسماء
        [many] { $names } اسمًا
       *[other] { $names } اسم
    }
suggest-quality-measuring = الجودة: قيد القياس…
suggest-quality-too-few = الجودة: الجمل الموسومة أقل من أن يُتحقق منها تقاطعيًا ({ $sentences } أو أكثر)
suggest-scheme-documents = مستندات متصلة
suggest-scheme-sentence-blocks = كتل جمل متصلة
suggest-quality = الجودة: تحقق متقاطع بـ{ $folds } طيات، { $scheme }
suggest-quality-hint = تطابق تام (البداية والنهاية والوسم). تُقيَّم كل طية بموسِّم دُرِّب على الطيات الأخرى؛ والطيات سلاسل من مستندات كاملة بترتيب المدوَّنة (أو من جمل حين تقل المستندات عن الطيات)، فلا تقع الأسماء التي تتكرر في مقال على الجانبين معًا.
suggest-curve-documents = منحنى التعلم: F1 مقابل المستندات الموسومة
suggest-curve-sentences = منحنى التعلم: F1 مقابل الجمل الموسومة
suggest-column-label = الوسم
suggest-micro = الإجمالي (micro)
suggest-none-here = لا اقتراحات في هذا المستند
suggest-picked-status = الاقتراح { $number } من { $total }: { $label } { $score } ({ $source })
suggest-accepted = قُبل { $label }
suggest-rejected = رُفض { $label }
suggest-after-decision = { $message }؛ { $left ->
        [zero] لم يبقَ أي اقتراح
        [one] بقي اقتراح واحد
        [two] بقي اقتراحان
        [few] بقيت { $left } اقتراحات
        [many] بقي { $left } اقتراحًا
       *[other] بقي { $left } اقتراح
    }
suggest-none-above = لا اقتراح يبلغ { $threshold } أو أكثر
suggest-accepted-above = { $count ->
        [zero] لم يُقبل أي اقتراح
        [one] قُبل اقتراح واحد
        [two] قُبل اقتراحان
        [few] قُبلت { $count } اقتراحات
        [many] قُبل { $count } اقتراحًا
       *[other] قُبل { $count } اقتراح
    } (الدرجة ≥ { $threshold })؛ ‏Ctrl+Z يتراجع عنها
suggest-no-spans = لا مقاطع للتعلم منها: سِم بعض النص أولًا
suggest-training = جارٍ تدريب الموسِّم…
suggest-trained-status = دُرِّب الموسِّم على { $spans } من المقاطع في { $documents ->
        [zero] لا مستندات
        [one] مستند واحد
        [two] مستندين
        [few] { $documents } مستندات
        [many] { $documents } مستندًا
       *[other] { $documents } مستند
    } خلال { $seconds } ث
suggest-training-failed = فشل التدريب: { $reason }
suggest-training-was-cancelled = فشل التدريب: أُلغي التدريب
suggest-clusters-without-project = عناقيد الكلمات دون مستندات المشروع: { $reason }
suggest-model-loaded = حُمِّل الموسِّم { $path } (مدرَّب على { $spans } من المقاطع)
suggest-model-does-not-fit = لا يصلح الموسِّم { $path } لهذه المدوَّنة: { $reason }
suggest-nothing-to-save = لا موسِّم للحفظ: درِّب واحدًا أولًا
suggest-model-saved = حُفظ الموسِّم في { $path }
suggest-gazetteer-added = معجم الأعلام { $path }: { $names ->
        [zero] لا أسماء
        [one] اسم واحد
        [two] اسمان
        [few] { $names } أسماء
        [many] { $names } اسمًا
       *[other] { $names } اسم
    }

# (end of suggest)

## export: the export dialog (src/app/shell/export_dialog.rs)

export-title = تصدير
export-format = الصيغة
export-format-jsonl = jsonl (spaCy، HF datasets)
export-format-conll = CoNLL
export-format-hf = تصنيف رموز HF
export-format-brat = brat
export-format-label-studio = Label Studio
export-format-doccano = doccano (إزاحات UTF-16)
export-tags = الوسوم
export-align-split = فصل اللواصق
export-align-expand = توسيع
export-align-contract = تضييق
export-offsets = الإزاحات
export-offsets-code-points = نقاط الترميز
export-offsets-utf16 = UTF-16 (جافاسكربت)
export-statuses = الحالات
export-status-new = جديد
export-status-in-progress = قيد التعليق
export-status-done = منجز
export-status-reviewed = مُراجَع
export-split = التقسيم
export-seed = البذرة
export-write-to = اكتب إلى
export-write-to-hint = ملف أو مجلد
export-replace = استبدل المخرجات الموجودة
export-run = صدِّر
export-progress = { $percent }٪
export-done-exactly = صُدِّر؛ حُفظ كل مقطع كما هو
export-done-with-losses = صُدِّر؛ { $count ->
        [zero] لا مقاطع
        [one] مقطع واحد لم يُحفظ كما هو:
        [two] مقطعان لم يُحفظا كما هما:
        [few] { $count } مقاطع لم تُحفظ كما هي:
        [many] { $count } مقطعًا لم تُحفظ كما هي:
       *[other] { $count } مقطع لم تُحفظ كما هي:
    }
export-choose-where = اختر أين يُكتب التصدير
export-bad-split = التقسيم «{ $split }»: اكتب عددين أو ثلاثة أعداد صحيحة مجموعها مئة، مثل ‎80/20‎ أو ‎80/10/10‎
export-no-document = لا مستند بالحالات المختارة
export-cannot-start = تعذر بدء التصدير: { $error }
export-stopped-on-bug = توقف التصدير بسبب علة ({ $reason })؛ تعليقاتك سليمة وكل ملف كتبه كامل

# (end of export)

## reading: reading options (src/app/shell/reading.rs)

reading-title = خيارات القراءة
reading-harakat = الحركات
reading-show-harakat = إظهار الحركات والعلامات
reading-font = الخط
reading-text-size = حجم النص (نقطة)
reading-line-spacing = تباعد الأسطر (× حجم النص)
reading-theme = السمة
reading-theme-light = فاتحة
reading-theme-dark = داكنة
reading-digits = الأرقام
reading-digits-arabic-indic = ٠١٢٣
reading-digits-western = 0123
reading-defaults = القيم الافتراضية

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
file-chooser-system-failed = تعذّر فتح نافذة اختيار الملفات التي يوفرها النظام، فعُرضت نافذة البرنامج بدلًا منها. قال النظام: { $detail }
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

## errors: the library's errors as the window words them (src/app/i18n/errors/)

errors-problem = { $place }: { $problem }
errors-list-separator = {"، "}
errors-io-not-found = لا يوجد ملف أو مجلد بهذا الاسم
errors-io-permission-denied = لا تملك إذنًا بذلك
errors-io-already-exists = موجود من قبل
errors-io-storage-full = القرص ممتلئ
errors-io-quota-exceeded = نفدت حصّتك من مساحة القرص
errors-io-read-only-filesystem = القرص للقراءة فقط
errors-io-is-a-directory = هذا مجلد لا ملف
errors-io-not-a-directory = جزء من المسار ملفٌّ لا مجلد
errors-io-directory-not-empty = المجلد ليس فارغًا
errors-io-invalid-data = محتواه غير صالح
errors-io-unexpected-eof = ينتهي الملف قبل أوانه
errors-io-file-too-large = الملف كبير جدًّا
errors-io-invalid-filename = الاسم لا يصلح اسمًا لملف
errors-io-crosses-devices = لا يمكن نقله إلى قرص آخر
errors-io-busy = هو قيد الاستخدام الآن
errors-io-timed-out = استغرق وقتًا أطول من المسموح
errors-io-interrupted = انقطعت العملية
errors-io-out-of-memory = الذاكرة لا تكفي
errors-io-unsupported = النظام لا يدعم ذلك
errors-io-network = تعذّر الوصول إلى الشبكة أو الخادم
errors-io-other = يقول النظام: { $detail }
errors-lock-holder = { $owner } (العملية { $pid } على الجهاز { $host }) منذ { $date } الساعة { $time } بالتوقيت العالمي
errors-lock-holder-since = { $owner } (العملية { $pid } على الجهاز { $host }) منذ { $since }
errors-cannot-read = تتعذّر قراءة { $path }: { $reason }
errors-cannot-write = تعذّرت الكتابة في { $path }: { $reason }
errors-changed-on-disk = تغيّر { $path } على القرص منذ فُتح؛ أعد تحميله أو احفظ باسم آخر
errors-locked = { $path } مفتوح في نافذة أخرى، فتحه { $holder }؛ لم يُحفظ شيء (احفظ باسم آخر، أو تولَّ الملف)
errors-exists = { $path } موجود من قبل؛ لم يُكتب فوقه شيء
errors-import-line = { $path }، السطر { $line }: سطر لا يوافق صيغة الملف. التفاصيل: { $detail }
errors-import-place = { $path }: موضع لا يوافق صيغة الملف. التفاصيل: { $detail }
errors-encoding-mark = علامة ترتيب البايتات
errors-encoding-from-mark = من علامة ترتيب البايتات
errors-encoding-given = كما سُمّي
errors-encoding-detected = مكتشَف
errors-txt-invalid-sequence = { $path }: بايتات لا تصح في ترميز { $encoding } عند البايت { $byte } (السطر { $line }، العمود { $column }؛ الترميز { $how })؛ إن كان الملف بترميز آخر فسمِّه بالأمر ‎taliq import --encoding‎ ({ $names })
errors-txt-utf8-not-as-given = { $path }: الملف بترميز UTF-8 (فيه حرف خارج ASCII عند البايت { $byte }، السطر { $line }، العمود { $column })، وقراءته بترميز { $encoding } المسمّى تجعل نصّه رموزًا مشوّهة؛ لا تسمِّ ترميزًا، فيُكتشف ترميز كل ملف بنفسه
errors-txt-undetected = { $path }: ليس UTF-8 صالحًا عند البايت { $byte } (السطر { $line }، العمود { $column }؛ الترميز { $how })، وليس عربيةً بترميز ‎windows-1256‎ ولا ‎ISO-8859-6‎ (أقرب ما تشبهه بايتاته { $closest }، ولا يقرؤه البرنامج)؛ إن كان بترميز يقرؤه البرنامج فسمِّه بالأمر ‎taliq import --encoding‎ ({ $names })
errors-txt-control = { $path }: { $character } في السطر { $line }، العمود { $column }{ $more ->
        [0] {""}
        [one] ، ومعه محرف تحكم آخر
        [two] ، ومعه محرفا تحكم آخران
        [few] ، ومعه { $more } محارف تحكم أخرى
        [many] ، ومعه { $more } محرفَ تحكم آخر
       *[other] ، ومعه { $more } محرف تحكم آخر
    } (قُرئ بترميز { $encoding }، { $how }): محارف التحكم ليست نصًّا، عدا الجدولة وسطر جديد وعودة العربة وصفحة جديدة؛ إن كان الملف بترميز آخر فسمِّه بالأمر ‎taliq import --encoding‎
errors-txt-duplicate-id = سيصير كلٌّ من { $first } و{ $second } المستندَ «{ $id }»
errors-txt-nothing-to-import = لا ملف ‎.txt‎ في { $path }
errors-txt-read-file = { $file }: { $encoding } ({ $how })
errors-txt-summary-file = { $file } { $encoding } ({ $how })
errors-txt-summary-count = { $count } بترميز { $encoding } ({ $how })
errors-txt-imported = { $count ->
        [zero] لم يُستورد أي ملف نصي
        [one] استُورد ملف نصي واحد
        [two] استُورد ملفان نصيان
        [few] استُوردت { $count } ملفات نصية
        [many] استُورد { $count } ملفًا نصيًا
       *[other] استُورد { $count } ملف نصي
    }: { $files }
errors-txt-imported-more = { $count ->
        [one] ، وملف آخر
        [two] ، وملفان آخران
        [few] ، و{ $count } ملفات أخرى
        [many] ، و{ $count } ملفًا آخر
       *[other] ، و{ $count } ملف آخر
    }: { $encodings }
errors-loss-overlap = المستند «{ $document }»: حُذف مقطع { $label } في { $range } لأنه يتداخل مع المقطع { $kept } الذي أُبقي بدلًا منه
errors-loss-expanded = المستند «{ $document }»: وُسِّع مقطع { $label } في { $range } إلى { $to } لأن أحد طرفيه يقع داخل رمز
errors-loss-contracted = المستند «{ $document }»: ضُيِّق مقطع { $label } في { $range } إلى { $to } لأن أحد طرفيه يقع داخل رمز
errors-loss-no-token = المستند «{ $document }»: حُذف مقطع { $label } في { $range } لأنه لا يغطي رمزًا كاملًا
errors-project-io = { $path }: { $reason }
errors-project-invalid = { $path }: ملف المشروع ليس كما ينبغي. التفاصيل: { $detail }
errors-project-refused = الطلب لا يوافق المشروع. التفاصيل: { $detail }
errors-project-not-an-annotator = { $name } ليس من معلّقي هذا المشروع ({ $annotators })؛ ومن يراجع وليس منهم يزامن بعد أن يوجد gold.json
errors-project-merge-failed = تعذّر دمج { $upstream }؛ أُلغي الدمج ولم يتغيّر شيء
errors-project-nothing-to-review = لا شيء للمراجعة بعد: لم يُنهِ كلُّ معلّقيه (اثنان أو أكثر) أيًّا من المستندات ({ $documents })
errors-project-review-open = { $path } مفتوح في نافذة مراجعة، فتحه { $holder }؛ أغلقها أولًا
errors-project-git = فشل الأمر ‎git { $command }‎، وقال git: { $detail }
errors-review-too-few = تحتاج المراجعة إلى مدوَّنتَي معلِّقَين على الأقل، والمعطى { $count }
errors-review-text-differs = نص المستند «{ $document }» عند { $other } يختلف عنه عند { $first }: أول اختلاف عند نقطة الترميز { $offset }
errors-review-gold-text-differs = نص المستند «{ $document }» في المدوَّنة الذهبية يختلف عن نص المعلِّقين: أول اختلاف عند نقطة الترميز { $offset }
errors-review-nothing-in-common = لا مستند تحويه مدوَّنات المعلِّقين كلها
errors-review-gold-is-annotators = الملف الذهبي { $path } أحد ملفات المعلِّقين: اختر اسمًا آخر
errors-review-files-differ = نص المستند «{ $document }» في { $other_file } ({ $other }) يختلف عنه في { $first_file } ({ $first }): أول اختلاف عند نقطة الترميز { $offset }
errors-align-too-few = يحتاج حساب الاتفاق إلى مدوَّنتين على الأقل، والمعطى { $count }
errors-align-text-differs = نص المستند «{ $document }» في المدوَّنة { $other } يختلف عنه في المدوَّنة { $first }: أول اختلاف عند نقطة الترميز { $offset }
errors-model-io = { $path }: { $reason }
errors-model-invalid = { $path }: ليس ملف موسِّم صالحًا، أو رأسه تالف. التفاصيل: { $detail }
errors-model-labels = وسوم الموسِّم لا توافق المدوَّنة: يقترح { $missing } وليست في المدوَّنة (وسوم المدوَّنة: { $labels })
errors-train-cancelled = أُلغي التدريب
errors-train-no-spans = لا مقاطع يُتعلَّم منها: وسِّم شيئًا من النص أولًا
errors-train-too-few-sentences = عدد الجمل ({ $sentences }) أقل من أن يُجرى عليها التحقق المتقاطع
errors-gazetteer = { $path }: تتعذّر قراءة معجم الأعلام: { $reason }
errors-gazetteer-line = { $path }، السطر { $line }: سطر لا يصلح في معجم الأعلام: { $reason }
errors-gazetteer-not-utf8 = النص ليس بترميز UTF-8 ابتداءً من البايت { $byte }، ومعجم الأعلام نصٌّ بترميز UTF-8
errors-gazetteer-no-tab = لا علامة جدولة بين الوسم والاسم في { $text } (المتوقَّع: الوسم ثم علامة جدولة ثم الاسم)
errors-gazetteer-bad-label = الوسم { $label } قبل علامة الجدولة يجب أن يكون كلمة واحدة (مثل PER)
errors-gazetteer-empty-name = الاسم بعد علامة الجدولة فارغ أو بلا حروف ولا أرقام: { $name }
errors-gazetteer-unknown-label = وسم مجهول { $label }: وسوم المدوَّنة هي { $labels }
errors-span-empty = المقطع { $range } فارغ (يجب أن تكون بدايته قبل نهايته)
errors-span-out-of-range = ينتهي المقطع { $range } بعد نهاية النص ({ $length } نقطة ترميز)
errors-span-splits-cluster = أحد طرفي المقطع { $range } عند { $offset } داخل عنقود محارف (يفصل حركةً عن حرفها)
errors-span-duplicate = يوجد من قبل مقطع { $range } موسوم بـ{ $label }
errors-span-duplicate-id = لمقطع آخر المعرّف «{ $id }» من قبل
errors-edit-no-document = لا مستند رقمه { $index }
errors-edit-labels = مجموعة الوسوم غير صالحة. التفاصيل: { $detail }
errors-edit-no-span = لا مقطع { $range } موسوم بـ{ $label }
errors-edit-relation = العلاقة لا تصلح هنا. التفاصيل: { $detail }
errors-edit-document-label = وسم المستند لا يصلح هنا. التفاصيل: { $detail }
errors-edit-no-suggestion = لا اقتراح { $range } موسوم بـ{ $label }

# (end of errors)

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
