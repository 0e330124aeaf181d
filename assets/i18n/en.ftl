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
export-bad-split = split "{ $split }": { $error }
export-no-document = no document has the chosen statuses
export-cannot-start = cannot start the export: { $error }
export-stopped-on-bug = the export stopped on a bug ({ $reason }); your annotations are untouched and every file it wrote is complete

# (end of export)

## reading: reading options (src/app/shell/reading.rs)

reading-title = Reading options
reading-harakat = harakat
reading-show-harakat = show harakat and marks
reading-font = font
reading-text-size = text size
reading-line-spacing = line spacing
reading-theme = theme
reading-theme-light = light
reading-theme-dark = dark
reading-digits = digits
reading-digits-arabic-indic = ٠١٢٣
reading-digits-western = 0123
reading-defaults = defaults

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
