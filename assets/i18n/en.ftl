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

# (end of file-chooser)

## welcome: the welcome screen (src/app/welcome/)

# (end of welcome)

## dialogs: dialogs: could not open, about, quit (src/app/shell/dialogs.rs)

# (end of dialogs)

## diagnostics: what a located problem of a corpus file says, by its diagnostic code

# (end of diagnostics)

## keys: the F1 overlay and the key table's help lines (src/app/input/)

# (end of keys)
