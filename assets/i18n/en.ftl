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
