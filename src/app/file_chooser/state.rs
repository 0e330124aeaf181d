//! taliq's own file chooser without a window: the folder shown, its entries (folders first,
//! files under the chosen filter), the highlighted row, the files chosen, the typed path, and
//! what confirming does. The window ([`super::window`]) only draws this and sends it the
//! person's clicks and keys, so every rule here is tested without one.

use std::path::{Path, PathBuf};

use crate::app::state::file_request::{FilePurpose, PickKind};
use crate::text::isolates::path_unit;

/// One entry of the folder shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name as shown (a name that is not UTF-8 shows its replacement characters).
    pub name: String,
    /// Its full path (exact, whatever its name's bytes).
    pub path: PathBuf,
    /// Whether it is a folder (a link to a folder counts as one).
    pub is_dir: bool,
}

/// What confirming the chooser did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// It stays open: it went into a folder, asks before replacing a file, or says what is
    /// missing (in [`Chooser::problem`]).
    Stay,
    /// These paths were chosen; the chooser is done.
    Chosen(Vec<PathBuf>),
}

/// The built-in file chooser's state.
#[derive(Debug, Clone)]
pub struct Chooser {
    /// What the file is for (its kind, title and filters).
    pub purpose: FilePurpose,
    folder: PathBuf,
    entries: Vec<Entry>,
    /// Why the folder shown could not be read, if it could not.
    pub folder_error: Option<String>,
    /// The filter in use: an index into the purpose's filters, or past them for all files.
    filter: usize,
    /// Whether names starting with a dot are listed.
    show_hidden: bool,
    /// The highlighted row (of [`Chooser::visible`]), which arrows move.
    cursor: Option<usize>,
    /// The files chosen in this folder (one, unless the purpose takes several).
    chosen: Vec<PathBuf>,
    /// The typed path or, when saving, the new file's name.
    pub typed: String,
    /// What the last confirmation lacked or found wrong.
    pub problem: Option<String>,
    /// A file that exists and was asked to be replaced: confirming it again replaces it.
    pub replacing: Option<PathBuf>,
}

impl Chooser {
    /// A chooser for `purpose` showing `folder`.
    pub fn new(purpose: FilePurpose, folder: &Path) -> Self {
        let mut chooser = Self {
            purpose,
            folder: PathBuf::new(),
            entries: Vec::new(),
            folder_error: None,
            filter: 0,
            show_hidden: false,
            cursor: None,
            chosen: Vec::new(),
            typed: purpose.suggested_name().unwrap_or_default().to_owned(),
            problem: None,
            replacing: None,
        };
        chooser.enter(folder);
        chooser
    }

    /// The folder shown.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Shows `folder`: its entries, or why it cannot be read (then none).
    pub fn enter(&mut self, folder: &Path) {
        self.folder = folder.to_path_buf();
        self.cursor = None;
        self.chosen.clear();
        self.problem = None;
        self.replacing = None;
        match read_folder(folder) {
            Ok(entries) => {
                self.entries = entries;
                self.folder_error = None;
            }
            Err(e) => {
                self.entries.clear();
                self.folder_error = Some(crate::app::i18n::tr!(
                    "file-chooser-cannot-read",
                    path = path_unit(&folder.display().to_string()),
                    error = crate::app::i18n::errors::io_reason(&e)
                ));
            }
        }
    }

    /// Reads the folder shown again (after a change on disk, or a new filter).
    pub fn refresh(&mut self) {
        let folder = self.folder.clone();
        let cursor = self.cursor;
        self.enter(&folder);
        self.cursor = cursor.filter(|&i| i < self.visible().len());
    }

    /// Goes up to the parent folder (nothing at the root).
    pub fn parent(&mut self) {
        if let Some(parent) = self.folder.parent().map(Path::to_path_buf) {
            self.enter(&parent);
        }
    }

    /// The filters offered: the purpose's, then "all files" (none for a folder).
    pub fn filter_names(&self) -> Vec<String> {
        let filters = self.purpose.filters();
        if filters.is_empty() {
            return Vec::new();
        }
        filters
            .iter()
            .map(|f| {
                crate::app::i18n::tr!(
                    "file-chooser-filter",
                    name = crate::app::i18n::text(f.name, &[]),
                    extensions = format!(".{}", f.extensions.join(", ."))
                )
            })
            .chain(std::iter::once(crate::app::i18n::tr!(
                "file-chooser-all-files"
            )))
            .collect()
    }

    /// The filter in use (an index into [`Chooser::filter_names`]).
    pub fn filter(&self) -> usize {
        self.filter
    }

    /// Lists the files of filter `index` (past the purpose's: all files).
    pub fn set_filter(&mut self, index: usize) {
        self.filter = index.min(self.purpose.filters().len());
        self.cursor = None;
    }

    /// Whether names starting with a dot are listed.
    pub fn shows_hidden(&self) -> bool {
        self.show_hidden
    }

    /// Lists names starting with a dot, or not.
    pub fn set_show_hidden(&mut self, show: bool) {
        self.show_hidden = show;
        self.cursor = None;
    }

    /// The entries listed: folders, then the files the filter lets through (none when a
    /// folder is picked), hidden ones only when asked.
    pub fn visible(&self) -> Vec<&Entry> {
        let folder_only = self.purpose.kind() == PickKind::Folder;
        let extensions = self
            .purpose
            .filters()
            .get(self.filter)
            .map(|f| f.extensions);
        self.entries
            .iter()
            .filter(|e| self.show_hidden || !e.name.starts_with('.'))
            .filter(|e| {
                e.is_dir
                    || (!folder_only && extensions.is_none_or(|exts| has_extension(&e.path, exts)))
            })
            .collect()
    }

    /// The highlighted row.
    pub fn cursor(&self) -> Option<usize> {
        self.cursor
    }

    /// The files chosen so far.
    pub fn chosen(&self) -> &[PathBuf] {
        &self.chosen
    }

    /// A click on row `index`: highlights it; a file is chosen (added to or taken from the
    /// chosen ones when several may be picked); when saving, its name is typed.
    pub fn click(&mut self, index: usize) {
        let Some(entry) = self.visible().get(index).map(|e| (*e).clone()) else {
            return;
        };
        self.cursor = Some(index);
        self.problem = None;
        self.replacing = None;
        if entry.is_dir {
            return;
        }
        match self.purpose.kind() {
            PickKind::Files => {
                if let Some(at) = self.chosen.iter().position(|p| *p == entry.path) {
                    self.chosen.remove(at);
                } else {
                    self.chosen.push(entry.path);
                }
            }
            PickKind::File => self.chosen = vec![entry.path],
            PickKind::SaveFile => self.typed = entry.name,
            PickKind::Folder => {}
        }
    }

    /// A double click on row `index`: into a folder, or this file chosen at once.
    pub fn activate(&mut self, index: usize) -> Step {
        let Some(entry) = self.visible().get(index).map(|e| (*e).clone()) else {
            return Step::Stay;
        };
        if entry.is_dir {
            self.enter(&entry.path);
            return Step::Stay;
        }
        if self.purpose.kind() == PickKind::SaveFile {
            self.typed = entry.name;
            return self.confirm_typed();
        }
        self.chosen = vec![entry.path.clone()];
        Step::Chosen(vec![entry.path])
    }

    /// Moves the highlight `by` rows (down when positive), staying in the list; a file
    /// highlighted is chosen as a click would, but for several files (there a click adds).
    pub fn move_cursor(&mut self, by: isize) {
        let count = self.visible().len();
        if count == 0 {
            return;
        }
        let next = match self.cursor {
            None if by < 0 => count - 1,
            None => 0,
            Some(at) => at.saturating_add_signed(by).min(count - 1),
        };
        self.cursor = Some(next);
        if self.purpose.kind() != PickKind::Files {
            self.click(next);
        }
    }

    /// Enter outside the typed field: into the highlighted folder; the highlighted file
    /// when none is chosen yet; else [`Chooser::confirm`].
    pub fn enter_key(&mut self) -> Step {
        let highlighted = self
            .cursor
            .and_then(|i| self.visible().get(i).map(|e| (i, e.is_dir)));
        match highlighted {
            Some((index, true)) => self.activate(index),
            Some((index, false)) if self.chosen.is_empty() && self.typed.trim().is_empty() => {
                self.activate(index)
            }
            _ => self.confirm(),
        }
    }

    /// The button that takes the choice (open, save…): a typed path first, then the files
    /// chosen, then (picking a folder) the highlighted folder or the one shown.
    pub fn confirm(&mut self) -> Step {
        self.problem = None;
        if !self.typed.trim().is_empty()
            && (self.purpose.kind() == PickKind::SaveFile || self.chosen.is_empty())
        {
            return self.confirm_typed();
        }
        match self.purpose.kind() {
            PickKind::Folder => {
                let highlighted = self
                    .cursor
                    .and_then(|i| self.visible().get(i).map(|e| e.path.clone()));
                Step::Chosen(vec![highlighted.unwrap_or_else(|| self.folder.clone())])
            }
            _ if !self.chosen.is_empty() => Step::Chosen(self.chosen.clone()),
            PickKind::SaveFile => self.stay(&crate::app::i18n::tr!("file-chooser-type-name")),
            _ => self.stay(&crate::app::i18n::tr!("file-chooser-pick-or-type")),
        }
    }

    /// The folder shown, chosen whole (for a purpose that takes one: see
    /// [`FilePurpose::whole_folder`]).
    pub fn choose_folder_shown(&self) -> Step {
        Step::Chosen(vec![self.folder.clone()])
    }

    /// Enter in the typed field: a folder is shown (picking a folder, it is chosen); else
    /// the file (for a new file, with the filter's extension when it has none, after asking
    /// to replace one that exists).
    pub fn confirm_typed(&mut self) -> Step {
        self.problem = None;
        let path = self.typed_path();
        if path.is_dir() {
            self.purpose
                .suggested_name()
                .unwrap_or_default()
                .clone_into(&mut self.typed);
            self.enter(&path);
            if self.purpose.kind() == PickKind::Folder {
                return Step::Chosen(vec![self.folder.clone()]);
            }
            return Step::Stay;
        }
        match self.purpose.kind() {
            PickKind::Folder => self.stay(&crate::app::i18n::tr!(
                "file-chooser-no-folder",
                path = path_unit(&path.display().to_string())
            )),
            PickKind::File | PickKind::Files => {
                if path.is_file() {
                    Step::Chosen(vec![path])
                } else {
                    self.stay(&crate::app::i18n::tr!(
                        "file-chooser-no-file",
                        path = path_unit(&path.display().to_string())
                    ))
                }
            }
            PickKind::SaveFile => {
                let path = self.with_extension(path);
                if path.parent().is_some_and(|p| !p.is_dir()) {
                    let parent = path.parent().unwrap_or(&path).display().to_string();
                    return self.stay(&crate::app::i18n::tr!(
                        "file-chooser-no-folder",
                        path = path_unit(&parent)
                    ));
                }
                if path.exists() && self.replacing.as_ref() != Some(&path) {
                    self.replacing = Some(path);
                    return Step::Stay;
                }
                Step::Chosen(vec![path])
            }
        }
    }

    /// The typed text as a path: `~` is the home folder, a relative path is in the folder
    /// shown.
    pub fn typed_path(&self) -> PathBuf {
        let typed = self.typed.trim();
        // The home folder by the system's convention (`%USERPROFILE%` on Windows), and
        // `~\` as well as `~/` there.
        let home = std::env::home_dir();
        let expanded = match (typed.strip_prefix('~'), home) {
            (Some(rest), Some(home))
                if rest.is_empty() || rest.starts_with(std::path::is_separator) =>
            {
                home.join(rest.trim_start_matches(std::path::is_separator))
            }
            _ => PathBuf::from(typed),
        };
        self.folder.join(expanded)
    }

    /// A new file's path with the filter's first extension when it has none of the filter's.
    fn with_extension(&self, path: PathBuf) -> PathBuf {
        match self.purpose.filters().get(self.filter) {
            Some(f) if !has_extension(&path, f.extensions) && path.extension().is_none() => {
                let mut name = path.file_name().unwrap_or_default().to_os_string();
                name.push(".");
                name.push(f.extensions[0]);
                path.with_file_name(name)
            }
            _ => path,
        }
    }

    fn stay(&mut self, problem: &str) -> Step {
        self.problem = Some(problem.to_owned());
        Step::Stay
    }
}

/// Whether `path`'s extension is one of `extensions` (any case).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The entries of `folder`, folders first, then by name (ignoring case); an entry whose type
/// cannot be read is listed as a file.
fn read_folder(folder: &Path) -> std::io::Result<Vec<Entry>> {
    let mut entries: Vec<Entry> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            Entry {
                name: e.file_name().to_string_lossy().into_owned(),
                is_dir: path.is_dir(),
                path,
            }
        })
        .collect();
    entries.sort_by_cached_key(|e| (!e.is_dir, e.name.to_lowercase(), e.name.clone()));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder with an Arabic-named folder, corpora, text, a hidden file and other files.
    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("أخبار")).unwrap();
        std::fs::create_dir(root.join("b-folder")).unwrap();
        std::fs::write(root.join("أخبار").join("خبر عاجل.json"), "{}").unwrap();
        std::fs::write(root.join("Zeta.JSON"), "{}").unwrap();
        std::fs::write(root.join("alpha.json"), "{}").unwrap();
        std::fs::write(root.join("مقال.txt"), "نص").unwrap();
        std::fs::write(root.join("notes.md"), "x").unwrap();
        std::fs::write(root.join(".hidden.json"), "{}").unwrap();
        dir
    }

    fn names(chooser: &Chooser) -> Vec<&str> {
        chooser.visible().iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn folders_come_first_then_files_the_filter_lets_through() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::OpenCorpus, dir.path());
        assert_eq!(
            names(&chooser),
            ["b-folder", "أخبار", "alpha.json", "Zeta.JSON", "مقال.txt"]
        );
        chooser.set_filter(2);
        assert_eq!(names(&chooser), ["b-folder", "أخبار", "مقال.txt"]);
        chooser.set_filter(3);
        chooser.set_show_hidden(true);
        assert_eq!(names(&chooser).len(), 7, "all files, the hidden one too");
        let project = Chooser::new(FilePurpose::OpenProject, dir.path());
        assert_eq!(names(&project), ["b-folder", "أخبار"], "a folder is picked");
    }

    #[test]
    fn into_an_arabic_folder_and_back_to_its_parent() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::OpenCorpus, dir.path());
        assert_eq!(chooser.activate(1), Step::Stay);
        assert_eq!(chooser.folder(), dir.path().join("أخبار"));
        assert_eq!(names(&chooser), ["خبر عاجل.json"]);
        assert_eq!(
            chooser.activate(0),
            Step::Chosen(vec![dir.path().join("أخبار").join("خبر عاجل.json")])
        );
        chooser.parent();
        assert_eq!(chooser.folder(), dir.path());
    }

    #[test]
    fn clicks_choose_one_file_or_several_and_confirm_takes_them() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::OpenCorpus, dir.path());
        assert_eq!(chooser.confirm(), Step::Stay);
        assert!(chooser.problem.is_some(), "nothing chosen says so");
        chooser.click(2);
        chooser.click(4);
        chooser.click(3);
        chooser.click(3);
        assert_eq!(
            chooser.confirm(),
            Step::Chosen(vec![
                dir.path().join("alpha.json"),
                dir.path().join("مقال.txt")
            ])
        );
        let mut model = Chooser::new(FilePurpose::LoadModel, dir.path());
        model.set_filter(1);
        model.click(2);
        model.click(3);
        assert_eq!(
            model.chosen(),
            [dir.path().join("notes.md")],
            "one file: the last"
        );
    }

    #[test]
    fn arrows_move_the_highlight_and_enter_goes_into_a_folder() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::AddGazetteer, dir.path());
        chooser.move_cursor(1);
        chooser.move_cursor(1);
        assert_eq!(chooser.cursor(), Some(1));
        chooser.move_cursor(10);
        assert_eq!(chooser.cursor(), Some(2), "stays in the list");
        assert_eq!(chooser.chosen(), [dir.path().join("مقال.txt")]);
        chooser.move_cursor(-1);
        assert_eq!(chooser.enter_key(), Step::Stay);
        assert_eq!(chooser.folder(), dir.path().join("أخبار"));
        let mut several = Chooser::new(FilePurpose::ImportText, dir.path());
        several.move_cursor(-1);
        assert!(several.chosen().is_empty(), "arrows only highlight here");
        assert_eq!(
            several.enter_key(),
            Step::Chosen(vec![dir.path().join("مقال.txt")]),
            "Enter takes the highlighted file"
        );
    }

    #[test]
    fn a_typed_tilde_is_the_home_folder_by_the_systems_convention() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::OpenCorpus, dir.path());
        let home = std::env::home_dir().expect("a home folder");
        chooser.typed = "~".to_owned();
        assert_eq!(chooser.typed_path(), home);
        chooser.typed = format!("~{}ملاحظات.json", std::path::MAIN_SEPARATOR);
        assert_eq!(chooser.typed_path(), home.join("ملاحظات.json"));
        // `~name` is a file or folder of that name here, not another user's home.
        chooser.typed = "~أمل".to_owned();
        assert_eq!(chooser.typed_path(), dir.path().join("~أمل"));
    }

    #[test]
    fn a_typed_path_opens_a_file_or_shows_a_folder_and_a_missing_one_says_so() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::OpenCorpus, dir.path());
        chooser.typed = "أخبار".to_owned();
        assert_eq!(chooser.confirm(), Step::Stay);
        assert_eq!(chooser.folder(), dir.path().join("أخبار"));
        chooser.typed = "خبر عاجل.json".to_owned();
        assert_eq!(
            chooser.confirm(),
            Step::Chosen(vec![dir.path().join("أخبار").join("خبر عاجل.json")])
        );
        chooser.typed = dir.path().join("nothing.json").display().to_string();
        assert_eq!(chooser.confirm(), Step::Stay);
        assert!(chooser.problem.as_ref().unwrap().contains("no file"));
    }

    #[test]
    fn saving_adds_the_extension_and_asks_before_replacing() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::SaveCorpusAs, dir.path());
        assert_eq!(chooser.typed, "corpus.json", "a name is offered");
        chooser.typed = "عمل".to_owned();
        assert_eq!(
            chooser.confirm(),
            Step::Chosen(vec![dir.path().join("عمل.json")])
        );
        chooser.click(2);
        assert_eq!(chooser.typed, "alpha.json");
        assert_eq!(chooser.confirm(), Step::Stay, "it exists: asked first");
        assert_eq!(chooser.replacing, Some(dir.path().join("alpha.json")));
        assert_eq!(
            chooser.confirm(),
            Step::Chosen(vec![dir.path().join("alpha.json")])
        );
        chooser.typed = "missing/x.json".to_owned();
        assert_eq!(chooser.confirm(), Step::Stay);
        assert!(chooser.problem.as_ref().unwrap().contains("no folder"));
    }

    #[test]
    fn a_folder_is_picked_as_shown_or_highlighted() {
        let dir = tree();
        let mut chooser = Chooser::new(FilePurpose::OpenProject, dir.path());
        chooser.typed.clear();
        assert_eq!(
            chooser.confirm(),
            Step::Chosen(vec![dir.path().to_path_buf()])
        );
        chooser.click(1);
        assert_eq!(
            chooser.confirm(),
            Step::Chosen(vec![dir.path().join("أخبار")])
        );
    }

    #[test]
    fn a_folder_that_cannot_be_read_says_why_and_lists_nothing() {
        let dir = tree();
        let missing = dir.path().join("gone");
        let mut chooser = Chooser::new(FilePurpose::OpenCorpus, &missing);
        assert!(chooser.visible().is_empty());
        let error = chooser.folder_error.clone().unwrap();
        assert!(error.contains("gone"), "{error}");
        chooser.parent();
        assert!(chooser.folder_error.is_none());
        assert_eq!(names(&chooser).len(), 5);
    }
}
