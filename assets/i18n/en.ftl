# taliq's window in English. Every string the window shows is a message here and in
# every other language's file, with the same ids and the same variables (the tests check).
# How to add a language: docs/translating.md.

## Menus

menu-file = File
menu-edit = Edit
menu-view = View
menu-review = Review
menu-help = Help
menu-open-recent = Open Recent
menu-open-recent-empty = no corpus opened yet
menu-language = Language

command-open = Open…
command-save = Save
command-save-as = Save As…
command-import-text = Import text files…
command-export = Export…
command-open-project = Open Project…
command-sync-project = Sync project
command-quit = Quit
command-undo = Undo
command-redo = Redo
command-find = Find
command-edit-labels = Labels…
command-zoom-in = Zoom in
command-zoom-out = Zoom out
command-zoom-reset = Actual size
command-toggle-theme = Light / dark theme
command-toggle-harakat = Show / hide harakat
command-reading-options = Reading options…
command-toggle-document-list = Document list
command-toggle-side-panel = Side panel
command-guidelines = Guidelines
command-project-overview = Project overview
command-start-review = Start review…
command-review-project = Review project
command-agreement-charts = Agreement charts
command-shortcuts = Shortcuts
command-about = About taliq

language-english = English
language-arabic = العربية
window-close = Close

status-language = Interface language: English

## Counts

count-spans = { $count ->
    [one] { $count } span
   *[other] { $count } spans
}
count-documents = { $count ->
    [one] { $count } document
   *[other] { $count } documents
}

## shell: the frame: bars, document list, side panel, banners, status bar (src/app/shell/)

name-row-caption = your name:
name-row-hint = annotator

banner-read-only = Read-only: this file is open in another window, by { $holder }. Edits and Ctrl+S are refused here.
banner-read-only-old-lock = The lock is old: its holder has probably gone.
banner-take-over = take over (their unsaved changes may be lost)
banner-or-save-as = or save under another name (File → Save As…)
banner-changed-on-disk = The file was changed on disk since you opened it. Nothing was overwritten.
banner-reload-theirs = reload theirs (drop my changes)
banner-overwrite-theirs = overwrite with mine (theirs to .bak)
banner-recovery-found = Unsaved work from { $minutes } min ago was found ({ $spans ->
        [one] { $spans } span
       *[other] { $spans } spans
    } in { $path }).
banner-restore = Restore it
banner-discard = Discard it

status-document-of = document { $number } of { $total }
status-read-only-held = read-only: { $holder } has it open
status-unsaved = unsaved changes
status-saved = saved
status-no-annotator = (no annotator)
status-annotator = annotator: { $name }
status-nothing-open = nothing open
status-review-progress = review: { $reviewed }/{ $total } documents reviewed

# (end of shell)

## annotate: annotating: palette, find bar, span list (src/app/annotate/)

annotate-relabelled = relabelled as { $label }
annotate-select-text-first = select some text first
annotate-span-added = { $label } added
annotate-all-matches-labelled = { $count } × { $label } added
annotate-span-removed = { $label } removed
annotate-span-removed-with-relations = { $label } removed with its { $count } relation(s)
annotate-match-of = match { $number } of { $total }
annotate-no-matches = no matches
annotate-no-unlabelled-match = no unlabelled match to label { $label }

annotate-edit-labels = edit labels
annotate-snap-words = snap to words
annotate-trim-punctuation = trim punctuation
annotate-light-theme = light theme
annotate-dark-theme = dark theme
annotate-shortcuts-hint = F1: shortcuts

annotate-find-caption = Find:
annotate-find-hint = word to find
annotate-fold-letters = أ=ا ى=ي ة=ه
annotate-inside-words = inside words
annotate-all-documents = all documents
annotate-label-all = label all { $label }
annotate-label-all-tooltip = every match in the open document, as one undo step
annotate-alt-key-hint = Alt+key labels all in this document
annotate-close-find = close
annotate-count-matches = { $count ->
    [one] { $shown } match
   *[other] { $shown } matches
}
annotate-count-documents = { $count ->
    [one] { $shown } document
   *[other] { $shown } documents
}
annotate-find-counter-corpus = { $documents }, { $matches } ({ $here } here)

annotate-section-spans = Spans
annotate-note-mark = note
annotate-documents-heading = Documents
annotate-status-caption = Status:
annotate-status-all = all
annotate-status-new = new
annotate-status-in-progress = in_progress
annotate-status-done = done
annotate-status-reviewed = reviewed
annotate-in-gold = in gold
annotate-in-gold-tooltip = reviewed into the project's gold: your version is final and read-only
annotate-unsure = unsure { $score }
annotate-unsure-tooltip = how unsure the tagger is about this document
annotate-pending = { $count } pending
annotate-no-documents = This corpus has no documents.

annotate-decision-pending-conflict = pending, in conflict
annotate-decision-pending-agreed = pending, all agree
annotate-decision-accepted = accepted
annotate-decision-rejected = rejected
annotate-candidate-hover = { $label } { $range }: { $annotators } ({ $decision })
annotate-suggestion-hover = suggested { $label } (score { $score }, { $source }): click, then Enter accepts, Delete rejects

# (end of annotate)

## relations: relations (src/app/relations/)

relations-two-different-spans = a relation links two different spans
relations-added = { $label } relation { $id } added
relations-pick-span-first = pick a span first: a relation leaves from the picked span
relations-started = { $label } from this { $span_label }: pick the target span (Tab / Shift+Tab, or click it), Enter links, Escape gives up
relations-no-other-span = no other span to link to in this document
relations-target = { $kind } to { $text } ({ $label }), span { $number } of { $count }: Enter links, Tab goes on, Escape gives up
relations-no-target = no target span picked: the relation was not made
relations-cancelled = no relation made
relations-deleted = relation { $id } deleted
relations-cannot-relabel = { $id } cannot be a { $kind } relation between these spans
relations-added-by-drag = { $kind } relation { $id } added: click another type in the side panel to change it
relations-no-type = no relation type goes from { $from } to { $to }

relations-section-document-labels = Document labels
relations-section-note = Note on the picked span
relations-section-relations = Relations
relations-note-hint = a doubt, a question to the reviewer
relations-save-note = save note (Enter)
relations-none = none: pick a span, press a relation's key, pick the target
relations-picked = { $id }:
relations-delete = delete (Del)
# A relation by its spans' texts, source first; the arrow points at the target.
relations-line = { $from } → { $to }

# (end of relations)

## labels: the label editor (src/app/labels/)

labels-title = Labels
labels-column-name = name
labels-column-colour = colour
labels-column-key = key
labels-column-description = description
labels-column-from = from
labels-column-to = to
labels-name-hint = name
labels-description-hint = description
labels-values-hint = values, separated by commas
labels-remove = remove
labels-add-label = add label
labels-relation-types = Relation types
labels-add-relation-type = add relation type
labels-document-labels = Document labels
labels-add-document-label = add document label
labels-several = several
labels-any = any
labels-apply = apply
labels-cancel = cancel
labels-changed = labels changed

# (end of labels)

## review: the review (src/app/review/)

review-heading = Review
review-progress = { $reviewed } of { $total } documents reviewed
review-span-candidates = Span candidates
review-this-document = this document: { $pending } of { $candidates } candidates pending, { $spans ->
        [one] { $spans } gold span
       *[other] { $spans } gold spans
    }, { $status }
review-status-new = new
review-status-in-progress = in progress
review-status-done = done
review-status-reviewed = reviewed
review-accept-all-agreed = accept all agreed (Ctrl+Shift+A)
review-mark-reviewed = mark reviewed (Ctrl+Enter)
review-agreement-charts = agreement charts
review-close = close review
review-candidate-tag = { $group }. { $label }
review-accept = accept
review-reject = reject
review-groups = Groups (documents finished by the same annotators):
review-group = { $names }: { $reviewed } of { $total } reviewed
review-tiers = Tiers, lowest first:
review-tier-number = { $number }.
review-decision-conflict = conflict
review-decision-agreed = agreed
review-decision-accepted = accepted
review-decision-rejected = rejected
review-relations-pending = Relations: { $pending } of { $total } pending
review-document-labels = Document labels:
review-links-heading = Relations and document labels
review-relations-figures = Relations, exact endpoints (both spans and the type): F1 { $f1 }, precision { $precision }, recall { $recall }
review-relations-pair = { $other } against { $reference }: { $matched } matched of { $reference_count } and { $other_count }, F1 { $f1 }
review-document-label-figures = { $label }: Cohen's κ { $kappa }, Krippendorff's α { $alpha } over { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    }
review-agreement-title = Agreement
review-agreement-summary = { $annotators } annotators, { $documents } documents, { $tokens } tokens. Overall: exact F1 { $exact }, partial F1 { $partial }, Cohen's κ { $kappa }, Krippendorff's α { $alpha }, α_U { $unitizing }
review-per-label = Per label (mean over annotator pairs)
review-confusion = Label confusion: overlapping spans labelled differently
review-pair = pair
review-every-pair = every pair
review-pair-name = { $rows } (rows) against { $columns } (columns)
review-measure-exact-f1 = exact F1
review-measure-partial-f1 = partial F1
review-measure-cohen-kappa = Cohen's κ
review-measure-krippendorff-alpha = Krippendorff's α
review-measure-unitizing-alpha = α_U
review-first-of-pair = first of each pair
review-second-of-pair = second of each pair
review-heat-map-axes = rows: { $rows }; columns: { $columns }
review-heat-map-name = label confusion heat map
review-start-title = Start a review
review-annotator-files = Annotators' corpus files (one per annotator, same documents):
review-numbered-file = { $number }. { $path }
review-remove = remove
review-add-files = add files…
review-or-annotator-file = or annotator file:
review-add = add
review-gold-file = Gold file:
review-gold-hint = gold.json (created if missing)
review-choose = choose…
review-start = start review
review-mark-question-title = Mark this document reviewed?
review-marking-rejects = { $pending ->
        [one] Marking the document reviewed rejects it: it stays out of the gold.
       *[other] Marking the document reviewed rejects them all: they stay out of the gold.
    }
review-reject-and-mark = reject and mark reviewed (Ctrl+Enter)
review-go-back = go back (Escape)
review-gone-back = not marked reviewed: the pending candidates are kept
review-pending = { $pending ->
        [one] 1 candidate is pending
       *[other] { $pending } candidates are pending
    }
review-pending-all-in-conflict = { $pending ->
        [one] 1 candidate is pending, in an unresolved conflict
       *[other] { $pending } candidates are pending, all in unresolved conflicts
    }
review-pending-some-in-conflict = { $pending ->
        [one] 1 candidate is pending
       *[other] { $pending } candidates are pending
    }, { $conflicts } of them in unresolved conflicts
review-agreed-spans = { $count ->
        [one] { $count } agreed span
       *[other] { $count } agreed spans
    }
review-agreed-relations = { $count ->
        [one] { $count } relation
       *[other] { $count } relations
    }
review-agreed-document-labels = { $count ->
        [one] { $count } document label
       *[other] { $count } document labels
    }
review-list-comma = {", "}
review-list-and = { $first } and { $last }
review-accepted-agreed = { $parts } accepted
review-unsaved-first = there are unsaved changes: save them (Ctrl+S) before starting a review
review-started = reviewing { $annotators } annotators into { $gold }: { $reviewed } of { $total } documents reviewed
review-group-unavailable = that group cannot be reviewed
review-project-group = project review, group { $number } of { $total }: { $group }
review-closed = review closed: the gold corpus stays open
review-none-pending = no pending candidates in this document
review-pick-first = pick a candidate first (Down picks the next pending one)
review-select-text-first = select some text first
review-label-accepted = { $label } accepted
review-label-accepted-instead = { $range } { $label } accepted in place of { $candidate }
review-label-rejected = { $label } rejected
review-mark-asks = { $pending }: Ctrl+Enter again rejects them and marks the document reviewed; Escape goes back
review-marked = marked reviewed: { $reviewed } of { $total } documents reviewed
review-marked-rejecting = marked reviewed ({ $pending } pending candidates rejected): { $reviewed } of { $total } documents reviewed
review-relation-accepted = { $label } relation accepted
review-relation-rejected = { $label } relation rejected
review-choice-accepted = { $label }: { $values } accepted
review-choice-rejected = { $label }: { $values } rejected

# (end of review)

## project: team projects (src/app/project/)

project-chooser-title = Project { $name }
project-who-are-you = Who are you? Your documents open; your choice is remembered.
project-guidelines-title = Guidelines
project-no-guidelines = This project has no guidelines.md yet.
project-labels = Labels
project-relations = Relations
project-document-labels = Document labels
project-any = any
project-relation-kind = { $name }: { $from } → { $to }
project-document-label-many = { $name }: one or more of { $values }
project-document-label-one = { $name }: one of { $values }
project-status-name = project { $name }
project-status-you = you: { $name }
project-status-done = { $done } of { $total } done
project-syncing = syncing…
project-state-new = new
project-state-in-progress = in progress
project-state-done = done
project-overview-title = Project overview
project-sync-state = sync: { $state }
project-last-sync = last sync: { $report }
project-refresh = Refresh
project-unreadable = the project cannot be read: { $error }
project-summary = { $name }: { $documents } documents, { $finished } finished by all their annotators, { $ready } ready for review, { $reviewed } reviewed in gold; agreement (exact F1) { $f1 }
project-annotator-bar = { $number }. { $name } ({ $done }/{ $assigned })
project-ready-for-review = ready for review
project-reviewed-in-gold = reviewed in gold
project-not-finished = not finished
project-not-assigned = not assigned
project-document = document
project-annotator-number = { $number }
project-gold = gold
project-cell = { $document }, { $annotator }: { $state }
project-gold-cell = { $document }, gold: { $state }
project-none-open = no project is open
project-not-an-annotator = { $name } is not an annotator of this project
project-joined = project { $name }: your { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    }
project-gold-unreadable = gold could not be read: { $error }
project-unsaved-first = there are unsaved changes: save them (Ctrl+S) first
project-not-a-project = { $path } is not a taliq project: it has no { $file }
project-choose-yourself-first = choose who you are in this project first
project-not-synced = not synced: { $error }
project-sync-new-documents = { $count ->
        [one] { $count } new document assigned to you was added to your file
       *[other] { $count } new documents assigned to you were added to your file
    }
project-sync-nothing-to-commit = nothing new of yours to commit
project-sync-committed = committed: { $message }
project-sync-received = { $count ->
        [one] { $count } commit came in
       *[other] { $count } commits came in
    }
project-sync-kept-both = { $ours } was changed on two machines: yours is kept, the other version is in { $theirs }; compare them and keep what is right
project-sync-pushed = pushed
project-sync-offline = not shared: { $reason }; your commit stays here and the next sync sends it
project-sync-uncommitted = your work is not synced yet
project-sync-up-to-date = up to date
project-sync-to-send = { $count ->
        [one] { $count } commit to send
       *[other] { $count } commits to send
    }
project-sync-to-take-in = { $count ->
        [one] { $count } commit to take in
       *[other] { $count } commits to take in
    }
project-sync-to-send-and-take-in = { $ahead } to send, { $behind } to take in
project-sync-never = never synced with a remote
project-sync-not-yet = no sync yet
project-sync-just-now = last sync just now
project-sync-minutes-ago = last sync { $count } min ago
project-sync-hours-ago = last sync { $count } h ago
project-sync-days-ago = { $count ->
        [one] last sync { $count } day ago
       *[other] last sync { $count } days ago
    }
project-sync-separator = {"; "}

# (end of project)

## suggest: suggestions and the tagger (src/app/suggest/)

suggest-section-suggestions = Suggestions
suggest-section-tagger = Tagger
suggest-section-quality = Tagger quality
suggest-review-ignores = The review mode ignores suggestions.
suggest-show = show suggestions
suggest-order-by-uncertainty-hint = Ctrl+Enter opens the document the tagger is least sure of
suggest-order-by-uncertainty = Ctrl+Enter: least sure first
suggest-offered = { $count } offered in this document (Tab / Shift+Tab go through them)
suggest-picked = picked: { $label } { $score } ({ $source }) — Enter accepts, Delete rejects
suggest-threshold = threshold
suggest-accept-above = accept { $count } at or above it
suggest-accept-above-hint = one undo step (Ctrl+Shift+A)
suggest-stage-starting = starting
suggest-stage-word-clusters = word clusters
suggest-stage-features = features
suggest-stage-training = training
suggest-stage-cross-validating = cross-validating
suggest-stage-learning-curve = learning curve
suggest-stage-done = done
suggest-matcher = matcher: { $forms ->
        [one] { $forms } form learned from spans
       *[other] { $forms } forms learned from spans
    }
suggest-seconds-ago = { $seconds } s ago
suggest-minutes-ago = { $minutes } min ago
suggest-trained = trained { $ago } in { $seconds } s
suggest-loaded-from = loaded { $ago } from { $file }
suggest-loaded = loaded { $ago }
suggest-tagger = tagger (CRF): { $how }, on { $spans } spans of { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    }
suggest-word-clusters = word clusters: { $words } words
suggest-not-trained = tagger: not trained yet
suggest-training-progress = training: { $stage } { $percent } %
suggest-cancel-training = cancel training
suggest-train-now = train now
suggest-training-cancelled = training cancelled
suggest-retrain-after = train again after
suggest-new-spans = new spans
suggest-load-model = load model…
suggest-save-model = save model…
suggest-add-gazetteer = add gazetteer…
suggest-gazetteer = gazetteer { $name }: { $names ->
        [one] { $names } name
       *[other] { $names } names
    }
suggest-quality-measuring = quality: being measured…
suggest-quality-too-few = quality: too few labelled sentences to cross-validate ({ $sentences } or more)
suggest-scheme-documents = contiguous documents
suggest-scheme-sentence-blocks = contiguous sentence blocks
suggest-quality = quality: { $folds }-fold CV, { $scheme }
suggest-quality-hint = Exact match (start, end and label). Each fold is scored by a tagger trained on the others; folds are runs of whole documents in corpus order (of sentences when there are fewer documents than folds), so the names an article repeats are never on both sides.
suggest-curve-documents = learning curve: F1 against labelled documents
suggest-curve-sentences = learning curve: F1 against labelled sentences
suggest-column-label = label
suggest-micro = micro
suggest-none-here = no suggestions in this document
suggest-picked-status = suggestion { $number } of { $total }: { $label } { $score } ({ $source })
suggest-accepted = { $label } accepted
suggest-rejected = { $label } rejected
suggest-after-decision = { $message }; { $left ->
        [one] { $left } suggestion left
       *[other] { $left } suggestions left
    }
suggest-none-above = no suggestion scores { $threshold } or more
suggest-accepted-above = { $count ->
        [one] { $count } suggestion accepted
       *[other] { $count } suggestions accepted
    } (score ≥ { $threshold }); Ctrl+Z takes them back
suggest-no-spans = no spans to learn from: label some text first
suggest-training = training the tagger…
suggest-trained-status = tagger trained on { $spans } spans of { $documents ->
        [one] { $documents } document
       *[other] { $documents } documents
    } in { $seconds } s
suggest-training-failed = training failed: { $reason }
suggest-training-was-cancelled = training failed: training was cancelled
suggest-clusters-without-project = word clusters without the project's documents: { $reason }
suggest-model-loaded = loaded the tagger { $path } (trained on { $spans } spans)
suggest-model-does-not-fit = { $path }: { $reason }
suggest-nothing-to-save = no tagger to save: train one first
suggest-model-saved = saved the tagger to { $path }
suggest-gazetteer-added = gazetteer { $path }: { $names ->
        [one] { $names } name
       *[other] { $names } names
    }

# (end of suggest)

## export: the export dialog (src/app/shell/export_dialog.rs)

export-title = Export
export-format = format
export-format-jsonl = jsonl (spaCy, HF datasets)
export-format-conll = CoNLL
export-format-hf = HF token classification
export-format-brat = brat
export-format-label-studio = Label Studio
export-format-doccano = doccano (UTF-16 offsets)
export-tags = tags
export-align-split = split clitics
export-align-expand = expand
export-align-contract = contract
export-offsets = offsets
export-offsets-code-points = code points
export-offsets-utf16 = UTF-16 (JavaScript)
export-statuses = statuses
export-status-new = new
export-status-in-progress = in_progress
export-status-done = done
export-status-reviewed = reviewed
export-split = split
export-seed = seed
export-write-to = write to
export-write-to-hint = file or folder
export-replace = replace existing output
export-run = export
export-progress = { $percent } %
export-done-exactly = exported; every span kept exactly
export-done-with-losses = exported; { $count ->
        [one] { $count } span not kept exactly:
       *[other] { $count } spans not kept exactly:
    }
export-choose-where = choose where to write the export
export-bad-split = split "{ $split }": write two or three whole numbers that add up to 100, as 80/20 or 80/10/10
export-no-document = no document has the chosen statuses
export-cannot-start = cannot start the export: { $error }
export-stopped-on-bug = the export stopped on a bug ({ $reason }); your annotations are untouched and every file it wrote is complete

# (end of export)

## reading: reading options (src/app/shell/reading.rs)

reading-title = Reading options
reading-harakat = harakat
reading-show-harakat = show harakat and marks
reading-font = font
reading-text-size = text size (pt)
reading-line-spacing = line spacing (× text size)
reading-theme = theme
reading-theme-light = light
reading-theme-dark = dark
reading-digits = digits
reading-digits-arabic-indic = ٠١٢٣
reading-digits-western = 0123
reading-defaults = defaults

# (end of reading)

## file-chooser: taliq's file chooser (src/app/file_chooser/)

file-chooser-title-open-corpus = Open a corpus or text files
file-chooser-title-save-corpus-as = Save the corpus as
file-chooser-title-import-text = Import text files
file-chooser-title-open-project = Open a project folder
file-chooser-title-load-model = Load a tagger model
file-chooser-title-save-model = Save the tagger model
file-chooser-title-add-gazetteer = Add a gazetteer
file-chooser-title-review-files = Add annotators' corpus files
file-chooser-title-review-gold = Choose the gold file
file-chooser-filter-corpus = taliq corpus
file-chooser-filter-text = plain text
file-chooser-filter-corpus-or-text = corpus or text files
file-chooser-filter-model = taliq tagger model
file-chooser-filter-gazetteer = gazetteer (LABEL<TAB>name lines)
file-chooser-filter = { $name } ({ $extensions })
file-chooser-all-files = all files
file-chooser-import-folder = import all .txt files here
file-chooser-import-folder-hint = every .txt file of the folder shown, each in its own encoding
file-chooser-verb-open = { $count ->
        [one] open
       *[other] open { $count } files
    }
file-chooser-verb-save = save
file-chooser-verb-import = { $count ->
        [one] import
       *[other] import { $count } files
    }
file-chooser-verb-load = load
file-chooser-verb-add = { $count ->
        [one] add
       *[other] add { $count } files
    }
file-chooser-verb-choose = choose
file-chooser-up = up
file-chooser-up-hint = the folder above (Backspace)
file-chooser-home = home
file-chooser-reload = reload
file-chooser-show = show:
file-chooser-hidden = hidden files
file-chooser-name = name:
file-chooser-path = path:
file-chooser-path-hint = a name here, or a whole path (Enter)
file-chooser-replace-question = { $path } exists: replace it?
file-chooser-replace = replace
file-chooser-cancel = cancel
file-chooser-empty = nothing here for this filter
file-chooser-cannot-read = cannot read { $path }: { $error }
file-chooser-system-failed = the system's file dialog could not open ({ $detail }); taliq's own is shown instead
file-chooser-type-name = type the new file's name
file-chooser-pick-or-type = pick a file, or type its path
file-chooser-no-folder = no folder { $path }
file-chooser-no-file = no file { $path }

# (end of file-chooser)

## welcome: the welcome screen (src/app/welcome/)

welcome-title = Welcome to taliq
welcome-what = Annotate Arabic text: select spans, label them, review, export.
welcome-open-corpus = Open a corpus…
welcome-open-corpus-hint = a taliq corpus (.json, .jsonl), or .txt files to import
welcome-import-text = Import text files…
welcome-import-text-hint = one document per .txt file (UTF-8, UTF-16, windows-1256, ISO-8859-6)
welcome-open-project = Open a project folder…
welcome-open-project-hint = a team's project folder (made with `taliq project init`)
welcome-try-sample = Try the sample
welcome-try-sample-hint = a news article with its spans, to try taliq on
welcome-next-time = Next time taliq opens the last corpus you worked on.
welcome-unsaved-first = there are unsaved changes: save them (Ctrl+S) first
welcome-sample-broken = the bundled sample is broken: { $error }
welcome-sample-opened = the bundled sample: save it under a name of your own to keep your work

# (end of welcome)

## dialogs: dialogs: could not open, about, quit (src/app/shell/dialogs.rs)

dialogs-about-title = About taliq
dialogs-about-version = taliq { $version }
dialogs-about-what = Annotating Arabic text: offline, keyboard-first, exact offsets.
dialogs-about-offsets = Offsets are Unicode code points; exports convert where a tool counts otherwise.
dialogs-quit-title = Save the changes before quitting?
dialogs-quit-unsaved = { $name } has unsaved changes.
dialogs-quit-save = save and quit
dialogs-quit-discard = discard and quit
dialogs-quit-cancel = cancel
dialogs-problems-title = Could not open
dialogs-problems-kept = Nothing was changed; the corpus that was open is still open.
dialogs-problems-nothing-opened = Nothing was opened.
dialogs-close = close
dialogs-invalid-corpus = { $file } is not a valid corpus ({ $count ->
        [one] { $count } problem
       *[other] { $count } problems
    }):
dialogs-cannot-read = cannot read { $file }: { $error }
dialogs-unsaved-before-open = there are unsaved changes: save them (Ctrl+S) before opening another corpus
dialogs-import-read = read: { $file }
dialogs-open-one-corpus = open one corpus file, or any number of .txt files
dialogs-open-one-corpus-or-folders = open one corpus file, or any number of .txt files and folders
dialogs-opened = opened { $name }
dialogs-saved = saved { $path }
dialogs-saved-over-theirs = saved over the changed file; their version is in the .bak file
dialogs-reloaded = reloaded the file from disk
dialogs-sample-has-no-file = the bundled sample has no file: save it under a name
dialogs-last-corpus-gone = the last corpus, { $path }, is no longer there

# (end of dialogs)

## diagnostics: what a located problem of a corpus file says, by its diagnostic code

diagnostics-place = { $file }: { $place }
diagnostics-place-file = { $file }
diagnostics-place-separator = {", "}
diagnostics-place-line = line { $line }
diagnostics-place-line-column = line { $line }, column { $column }
diagnostics-place-document = document "{ $document }" (#{ $index })
diagnostics-place-document-id = document "{ $document }"
diagnostics-place-document-index = document #{ $index }
diagnostics-place-span = span { $span }
diagnostics-place-field = field { $field }
diagnostics-detail = details: { $detail }
diagnostics-empty-file = The file is empty.
diagnostics-invalid-utf8 = The file is not valid UTF-8.
diagnostics-byte-order-mark = The file starts with a byte-order mark; save it as UTF-8 without one.
diagnostics-syntax = The file is not well-formed JSON.
diagnostics-wrong-format = This is not a taliq corpus: "format" is missing or not "taliq-corpus".
diagnostics-unsupported-version = This taliq does not read this version of the corpus format.
diagnostics-wrong-offset-unit = Offsets must count Unicode code points ("offset_unit": "codepoint").
diagnostics-missing-field = A required field is missing.
diagnostics-wrong-type = A field has the wrong type.
diagnostics-invalid-value = A field has a value it does not allow.
diagnostics-duplicate-label = Two labels have the same name.
diagnostics-duplicate-hotkey = Two labels have the same key.
diagnostics-duplicate-document = Two documents have the same id.
diagnostics-empty-span = A span is empty: its start is not before its end.
diagnostics-out-of-range = A span ends past the end of its text.
diagnostics-splits-cluster = A span's edge falls inside a letter with its marks (a grapheme cluster).
diagnostics-text-mismatch = A span's text differs from the text it covers.
diagnostics-unknown-label = A span names a label the file does not define.
diagnostics-duplicate-span = A document has the same span (start, end, label) twice.
diagnostics-duplicate-id = Two spans or two relations of a document have the same id.
diagnostics-unknown-span-id = A relation names a span its document does not have.
diagnostics-relation-not-allowed = A relation links spans whose labels its type does not allow.
diagnostics-control-character = A document's text holds a control character (only tab, line feed, carriage return and form feed are allowed).

# (end of diagnostics)

## keys: the F1 overlay and the key table's help lines (src/app/input/)

keys-title = Keyboard shortcuts
keys-command-in-menu = { $command } ({ $menu } menu)
keys-in-group = { $group }: { $help }
keys-group-relation-draft = relation being made
keys-group-review = review
keys-group-suggestions = suggestions
keys-group-find = find field
keys-group-field = text field
keys-group-question = question
keys-group-file-chooser = file chooser
keys-label-key = label key (1–5 by default)
keys-alt-label-key = Alt+label key
keys-label-row = label { $label }
keys-relation-row = relation { $relation } from the picked span ({ $from } to { $to }); retypes the picked relation
keys-relation-any = any
keys-relation-or = {" or "}
keys-pointer-select = drag / double-click / Shift+click
keys-pointer-select-help = select text / a word / extend the selection
keys-pointer-pick-span = click a span
keys-pointer-pick-span-help = pick it (innermost of nested spans)
keys-pointer-pick-relation = click an arc or its tag
keys-pointer-pick-relation-help = pick its relation
keys-pointer-link = Alt+drag from span to span
keys-pointer-link-help = link them by the first relation type that allows their labels
keys-escape = close the open dialog; else drop the selection and the pick, close the find bar
keys-next-target = the next span as its target
keys-previous-target = the previous span as its target
keys-link = link it to its target
keys-cancel-relation = give it up
keys-next-pending = pick the next pending candidate
keys-previous-pending = pick the previous pending candidate
keys-accept = accept the picked candidate (as selected, to edit its extent)
keys-accept-agreed = accept every span all annotators agree on
keys-mark-reviewed = mark the document reviewed, open the next (asks first while candidates are pending)
keys-next-suggestion = pick the next suggestion (dashed outline)
keys-previous-suggestion = pick the previous suggestion
keys-accept-suggestion = accept the picked suggestion
keys-accept-above-threshold = accept every suggestion at or above the threshold (one undo step)
keys-label = label the selection; relabel the picked span; accept the picked candidate or suggestion as that label; a relation type's key starts a relation from the picked span or retypes the picked relation
keys-remove = remove the picked span or relation; reject the picked candidate or suggestion
keys-caret-left = move the caret left on screen (in Arabic, forward)
keys-caret-right = move the caret right on screen (in Arabic, back)
keys-extend-left = extend the selection to the left
keys-extend-right = extend the selection to the right
keys-extend-word-left = extend the selection by a word to the left
keys-extend-word-right = extend the selection by a word to the right
keys-line-start = move the caret to the line's start (in Arabic, its right end)
keys-line-end = move the caret to the line's end (in Arabic, its left end)
keys-extend-line-start = extend the selection to the line's start
keys-extend-line-end = extend the selection to the line's end
keys-next-document = next document
keys-previous-document = previous document
keys-mark-done = mark the document done, open the next unfinished one
keys-next-match = select the next match
keys-previous-match = select the previous match
keys-label-all-matches = label every match in the document (one undo step)
keys-close-find = close the find bar
keys-submit = take what was typed (a path in the file chooser; a note; the annotator's name)
keys-cancel = cancel
keys-chooser-up = highlight the row above
keys-chooser-down = highlight the row below
keys-chooser-open = into the highlighted folder, else open / save the choice
keys-chooser-parent = up to the parent folder
keys-chooser-cancel = close it, choosing nothing

# (end of keys)

## errors: the library's errors as the window words them (src/app/i18n/errors/)

errors-problem = { $place }: { $problem }
errors-list-separator = {", "}
errors-io-not-found = no such file or folder
errors-io-permission-denied = permission denied
errors-io-already-exists = it already exists
errors-io-storage-full = the disk is full
errors-io-quota-exceeded = the disk quota is used up
errors-io-read-only-filesystem = the disk is read-only
errors-io-is-a-directory = it is a folder, not a file
errors-io-not-a-directory = a part of the path is a file, not a folder
errors-io-directory-not-empty = the folder is not empty
errors-io-invalid-data = its content is not valid
errors-io-unexpected-eof = the file ends too early
errors-io-file-too-large = the file is too large
errors-io-invalid-filename = the name is not valid for a file
errors-io-crosses-devices = it cannot be moved to another disk
errors-io-busy = it is in use
errors-io-timed-out = it took too long
errors-io-interrupted = it was interrupted
errors-io-out-of-memory = there is not enough memory
errors-io-unsupported = the system does not support it
errors-io-network = the network or the server is not reachable
errors-io-other = the system says: { $detail }
errors-lock-holder = { $owner } (pid { $pid } on { $host }) since { $date } { $time } UTC
errors-lock-holder-since = { $owner } (pid { $pid } on { $host }) since { $since }
errors-cannot-read = cannot read { $path }: { $reason }
errors-cannot-write = cannot write { $path }: { $reason }
errors-changed-on-disk = { $path } was changed on disk since it was opened; reload it or save under another name
errors-locked = { $path } is open in another window: { $holder }; nothing was saved (save under another name, or take the file over)
errors-exists = { $path } already exists; nothing was overwritten
errors-import-line = { $path }:{ $line }: { $detail }
errors-import-place = { $path }: { $detail }
errors-encoding-mark = BOM
errors-encoding-from-mark = from its BOM
errors-encoding-given = given
errors-encoding-detected = detected
errors-txt-invalid-sequence = { $path }: invalid { $encoding } at byte offset { $byte } (line { $line }, column { $column }; encoding { $how }); if the file is in another encoding, name it with `taliq import --encoding` ({ $names })
errors-txt-utf8-not-as-given = { $path }: the file is UTF-8 (a character beyond ASCII at byte offset { $byte }, line { $line }, column { $column }), and read as the { $encoding } given it would be mojibake; drop `--encoding`: each file's encoding is then detected
errors-txt-undetected = { $path }: invalid UTF-8 at byte offset { $byte } (line { $line }, column { $column }; encoding { $how }), and not Arabic in windows-1256 or ISO-8859-6 either (its bytes look most like { $closest }, which taliq does not read); if it is in one taliq reads, name it with `taliq import --encoding` ({ $names })
errors-txt-control = { $path }: { $character } at line { $line }, column { $column }{ $more ->
        [0] {""}
        [one] , and 1 more control character
       *[other] , and { $more } more control characters
    } (read as { $encoding }, { $how }): control characters other than tab, line feed, carriage return and form feed are not text; if the file is in another encoding, name it with `taliq import --encoding`
errors-txt-duplicate-id = { $first } and { $second } would both become document "{ $id }"
errors-txt-nothing-to-import = no .txt file found in { $path }
errors-txt-read-file = { $file }: { $encoding } ({ $how })
errors-txt-summary-file = { $file } { $encoding } ({ $how })
errors-txt-summary-count = { $count } { $encoding } ({ $how })
errors-txt-imported = { $count ->
        [one] imported 1 text file
       *[other] imported { $count } text files
    }: { $files }
errors-txt-imported-more = , and { $count } more: { $encodings }
errors-loss-overlap = document "{ $document }": { $label } span { $range } dropped: it overlaps the span { $kept } kept instead
errors-loss-expanded = document "{ $document }": { $label } span { $range } widened to { $to }: an edge falls inside a token
errors-loss-contracted = document "{ $document }": { $label } span { $range } narrowed to { $to }: an edge falls inside a token
errors-loss-no-token = document "{ $document }": { $label } span { $range } dropped: it covers no whole token
errors-project-io = { $path }: { $reason }
errors-project-invalid = { $path }: { $detail }
errors-project-refused = { $detail }
errors-project-not-an-annotator = { $name } is not an annotator of this project ({ $annotators }); a reviewer who is not one syncs once gold.json exists
errors-project-merge-failed = merging { $upstream } failed; the merge was undone and nothing changed
errors-project-nothing-to-review = nothing to review yet: none of the { $documents } documents is finished by all its annotators (two or more)
errors-project-review-open = { $path } is open in a review window: { $holder }; close it first
errors-project-git = git { $command }: { $detail }
errors-review-too-few = a review needs at least two annotators' corpora, got { $count }
errors-review-text-differs = document "{ $document }" has a different text for { $other } than for { $first }: first difference at code point { $offset }
errors-review-gold-text-differs = document "{ $document }" of the gold corpus has a different text than the annotators': first difference at code point { $offset }
errors-review-nothing-in-common = no document is held by every annotator's corpus
errors-review-gold-is-annotators = the gold file { $path } is one of the annotators' files: choose another name
errors-review-files-differ = document "{ $document }" has a different text in { $other_file } ({ $other }) than in { $first_file } ({ $first }): first difference at code point { $offset }
errors-align-too-few = agreement needs at least two corpora, got { $count }
errors-align-text-differs = document "{ $document }" has a different text in corpus { $other } than in corpus { $first }: first difference at code point { $offset }
errors-model-io = { $path }: { $reason }
errors-model-invalid = { $path }: { $detail }
errors-model-labels = the model's labels do not match the corpus: it suggests { $missing } that the corpus does not have (corpus labels: { $labels })
errors-train-cancelled = training was cancelled
errors-train-no-spans = no spans to learn from: label some text first
errors-train-too-few-sentences = { $sentences } sentences are too few to cross-validate
errors-gazetteer = { $path }: { $reason }
errors-gazetteer-line = { $path }:{ $line }: { $reason }
errors-gazetteer-not-utf8 = invalid UTF-8 at byte offset { $byte }: a gazetteer is UTF-8
errors-gazetteer-no-tab = expected LABEL<TAB>name, found no tab in { $text }
errors-gazetteer-bad-label = the label { $label } before the tab must be one word (e.g. PER)
errors-gazetteer-empty-name = the name after the tab is empty or has no letters or digits: { $name }
errors-gazetteer-unknown-label = unknown label { $label }: the corpus's labels are { $labels }
errors-span-empty = span { $range } is empty (start must be less than end)
errors-span-out-of-range = span { $range } ends past the end of the text ({ $length } code points)
errors-span-splits-cluster = span { $range } has an edge at { $offset } inside a grapheme cluster (it would cut a mark from its letter)
errors-span-duplicate = a span { $range } labelled { $label } already exists
errors-span-duplicate-id = another span already has the id "{ $id }"
errors-edit-no-document = no document #{ $index }
errors-edit-labels = { $detail }
errors-edit-no-span = no span { $range } labelled { $label }
errors-edit-relation = { $detail }
errors-edit-document-label = { $detail }
errors-edit-no-suggestion = no suggestion { $range } labelled { $label }

# (end of errors)

## state: status messages of the window's state (src/app/state/, src/app/mod.rs, launch, settings, dispatch)

state-took-over-stale-lock = took over the lock of { $path } left by { $holder }
state-read-only = read-only: { $holder } has this file open; save under another name, or take it over
state-could-not-lock = could not lock { $path } ({ $error }): another window could overwrite it
state-took-file-over = took the file over: { $path } is yours now{ $reloaded ->
        [loaded] , with the changes saved in the other window
        [failed] ; it changed on disk and could not be loaded again
       *[nothing] {""}
    }
state-could-not-take-over = could not take the file over: { $error }
state-other-window-let-go = the other window let go of { $path }: it is yours now{ $reloaded ->
        [loaded] , with the changes saved in the other window
        [failed] ; it changed on disk and could not be loaded again
       *[nothing] {""}
    }
state-frozen-document = { $id } was reviewed into the project's gold: it is read-only now
state-undone = undone
state-redone = redone
state-nothing-to-undo = nothing to undo
state-nothing-to-redo = nothing to redo
state-gone-back-from-marking = not marked reviewed: the pending candidates are kept
state-autosave-failed = autosave failed: { $error }
state-recovery-does-not-fit = the recovery file does not fit this review: { $error }
state-restored = restored unsaved work from { $path }
state-discarded-recovery = discarded the recovery file
state-relation-retyped = relation { $id } is { $kind } now
state-source-sample = bundled sample
state-source-untitled = untitled (imported text)
state-not-quitting-yet = not quitting yet: choose where to save, then quit again
state-not-saved-not-quitting = not saved, not quitting: { $error }
state-title-sample = bundled sample
state-title-untitled = untitled
state-title-read-only = {" (read-only)"}

# (end of state)
