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
