//! Atomic file replacement: a reader sees either the old file or the new one, never half,
//! even if the writer is killed at any moment.
//!
//! Every file taliq writes goes through [`write_atomic`]. The new bytes go to a temporary
//! file beside the target, named `.NAME.HOST.PID-N.tmp`: hidden, ending in `.tmp`, so no
//! folder listing of taliq (imports, recovery lookup) takes it for data, and naming the
//! process that made it, so that the next save can remove what a killed process left.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::host;

/// How many symbolic links are followed before giving up (Linux's own limit).
const MAX_SYMLINKS: usize = 40;

/// Replaces `path` with `bytes` atomically, keeping the previous file as `NAME.bak` when asked.
///
/// The bytes go to a temporary file in the same folder, which is flushed to disk
/// (`fsync`) and then renamed over the target; the folder is synced so the rename survives
/// a crash. The new file keeps the old one's permissions (and owner, where the system
/// lets us). When `path` is a symbolic link, the file it points to is replaced and the link
/// stays; the backup then sits beside that file. On any error the temporary file is
/// removed and the target is untouched.
///
/// # Errors
/// Any I/O error on the way; the target is then unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    write_atomic_mode_of(path, bytes, keep_backup, None)
}

/// [`write_atomic`], giving the file the permissions (and owner) of `mode_of` when that
/// file exists: a copy of a corpus (its recovery file) is kept as private as the corpus.
///
/// # Errors
/// As [`write_atomic`].
pub(crate) fn write_atomic_mode_of(
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
    mode_of: Option<&Path>,
) -> io::Result<()> {
    let mut writer = AtomicWriter::create(path, mode_of)?;
    writer.write_all(bytes)?;
    writer.finish(keep_backup)
}

/// Replaces one file of many (an export of thousands of files) as [`write_atomic`] does,
/// but without flushing it to disk, which costs milliseconds a file: a reader or a killed
/// writer still sees the old file or the new one, never half, but a power cut may lose the
/// new content. Call [`finish_unflushed`] on every folder written once all are done.
///
/// # Errors
/// As [`write_atomic`].
pub fn write_atomic_unflushed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut writer = AtomicWriter::create(path, None)?;
    writer.write_all(bytes)?;
    writer.commit(false, false).map(drop)
}

/// Ends a series of [`write_atomic_unflushed`] in `dir`: flushes the folder, and removes the
/// temporary files that killed writers left there.
pub fn finish_unflushed(dir: &Path) {
    sync_folder(dir);
    remove_dead_temps_of_any(dir);
}

/// A file being replaced by content written piece by piece (an export streamed as it is
/// made): the pieces go to a temporary file beside the target, which [`AtomicWriter::commit`]
/// renames over it as [`write_atomic`] does. Dropped without a commit, the temporary file
/// is removed and the target stays as it was.
#[derive(Debug)]
pub struct AtomicWriter {
    file: Option<File>,
    temp: PathBuf,
    target: PathBuf,
}

impl AtomicWriter {
    /// Creates the temporary file for `path`, with the permissions (and owner) of `mode_of`
    /// or else of the file it replaces.
    ///
    /// # Errors
    /// When the symbolic links cannot be followed or the temporary file cannot be made.
    pub fn create(path: &Path, mode_of: Option<&Path>) -> io::Result<Self> {
        let target = resolve_symlinks(path)?;
        let dir = folder_of(&target);
        let template = mode_of
            .and_then(|other| fs::metadata(other).ok())
            .filter(Metadata::is_file)
            .or_else(|| fs::metadata(&target).ok().filter(Metadata::is_file));
        let temp = temp_path(&target, &dir);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if let Some(meta) = &template {
            // Created with the old mode, so the new bytes are never readable by more people
            // than the old ones were, not even for a moment.
            use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
            options.mode(meta.permissions().mode() & 0o777);
        }
        let writer = Self {
            file: Some(options.open(&temp)?),
            temp,
            target,
        };
        if let (Some(meta), Some(file)) = (&template, &writer.file) {
            // On an error the writer is dropped, which removes the temporary file.
            keep_owner_and_mode(file, meta)?;
        }
        Ok(writer)
    }

    fn open_file(&mut self) -> io::Result<&mut File> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("the file was already committed"))
    }

    /// Renames the temporary file over the target (flushed to disk first when `flush`,
    /// the folder synced after), keeping the old file as `NAME.bak` when asked; returns the
    /// file replaced.
    ///
    /// # Errors
    /// Any I/O error on the way; the target is then unchanged and the temporary file gone.
    pub fn commit(mut self, keep_backup: bool, flush: bool) -> io::Result<PathBuf> {
        let file = self.file.take();
        let result = (|| {
            if flush && let Some(file) = &file {
                file.sync_all()?;
            }
            drop(file);
            // Only an existing file has an old version to back up.
            if keep_backup && fs::metadata(&self.target).is_ok_and(|m| m.is_file()) {
                replace_backup(&self.target, &folder_of(&self.target))?;
            }
            fs::rename(&self.temp, &self.target)
        })();
        match result {
            Ok(()) => Ok(std::mem::take(&mut self.target)),
            Err(e) => {
                let _ = fs::remove_file(&self.temp);
                Err(e)
            }
        }
    }

    /// Commits durably, as [`write_atomic`] does: the file flushed, renamed, the folder synced,
    /// and the temporary files that killed writers left beside the target removed.
    ///
    /// # Errors
    /// As [`AtomicWriter::commit`].
    pub fn finish(self, keep_backup: bool) -> io::Result<()> {
        let target = self.commit(keep_backup, true)?;
        let dir = folder_of(&target);
        sync_folder(&dir);
        if let Some(name) = target.file_name().and_then(|n| n.to_str()) {
            remove_dead_temps(&dir, name);
        }
        Ok(())
    }
}

impl Write for AtomicWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.open_file()?.write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.open_file()?.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.open_file()?.flush()
    }
}

impl Drop for AtomicWriter {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Gives the new file the old one's owner (best effort: only root may give files away)
/// and then its mode, which the umask may have narrowed at creation.
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
            // Keeping the group alone is often allowed when the owner cannot be kept.
            if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
                let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
            }
        }
    }
    // After chown, which clears set-id bits.
    file.set_permissions(old.permissions())
}

/// Points `NAME.bak` at the current file, atomically too: a hard link (no copy) made under
/// a temporary name and renamed over the old backup, so a kill leaves one backup or the other.
fn replace_backup(target: &Path, dir: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    let temp = temp_path(&backup, dir);
    let made = fs::hard_link(target, &temp).or_else(|_| {
        // Where links are not possible, a copy flushed to disk.
        fs::copy(target, &temp)?;
        File::open(&temp)?.sync_all()
    });
    let result = made.and_then(|()| fs::rename(&temp, &backup));
    // Gone after a rename, except when the backup already was this very file (a save killed
    // between its two renames): renaming a link over another link to the same file does
    // nothing, and the temporary name would stay behind.
    let _ = fs::remove_file(&temp);
    result
}

/// Makes the rename itself durable; not every platform can open a folder, so best effort.
pub(super) fn sync_folder(dir: &Path) {
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// The file `path` stands for: `path` itself, or where its chain of symbolic links ends
/// (which need not exist yet: writing through a dangling link creates its target).
pub(crate) fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_SYMLINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    folder_of(&current).join(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// The folder holding `path` (`.` for a bare file name).
pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `NAME.bak` beside `path`.
pub(crate) fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// `.NAME.HOST.PID-N.tmp` in `dir`: unique to this write, and naming its process.
pub(crate) fn temp_path(path: &Path, dir: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    dir.join(format!(
        ".{name}.{}.{}-{n}.tmp",
        host::host_name(),
        std::process::id()
    ))
}

/// The process that made a temporary file of `name` (or of `NAME.bak`), if `file` is one
/// made on this host.
fn temp_owner(file: &str, name: &str) -> Option<u32> {
    let inner = file.strip_prefix('.')?.strip_prefix(name)?;
    let inner = inner.strip_suffix(".tmp")?;
    let rest = after_host(inner).or_else(|| after_host(inner.strip_prefix(".bak")?))?;
    let (pid, n) = rest.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// `PID-N` after `.HOST.` at the start of `s`, when HOST is this host.
fn after_host(s: &str) -> Option<&str> {
    s.strip_prefix('.')?
        .strip_prefix(host::host_name())?
        .strip_prefix('.')
}

/// Removes the temporary files of `name` (and of its backup) in `dir` whose process is
/// gone: what a kill in the middle of a save left behind. Files of live processes, of
/// other hosts, or of any other name are left alone.
pub(crate) fn remove_dead_temps(dir: &Path, name: &str) {
    remove_dead(dir, |file| temp_owner(file, name));
}

/// Removes the files of `dir` that `owner` names a process for, when that process is gone.
fn remove_dead(dir: &Path, owner: impl Fn(&str) -> Option<u32>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name();
        let Some(pid) = file.to_str().and_then(&owner) else {
            continue;
        };
        if host::process_alive(pid) == Some(false) {
            // A folder of this name is a new export's staging folder (write_new_folder).
            let is_folder = entry.file_type().is_ok_and(|t| t.is_dir());
            let _ = if is_folder {
                fs::remove_dir_all(entry.path())
            } else {
                fs::remove_file(entry.path())
            };
        }
    }
}

/// The process that made `file`, if it is a temporary file of any name made on this host.
fn temp_owner_of_any(file: &str) -> Option<u32> {
    let inner = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, pid_n) = inner.rsplit_once('.')?;
    rest.strip_suffix(host::host_name())?.strip_suffix('.')?;
    let (pid, n) = pid_n.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Removes every temporary file in `dir` whose process is gone, whatever file it was for:
/// one look at a folder an export wrote thousands of files to.
fn remove_dead_temps_of_any(dir: &Path) {
    remove_dead(dir, temp_owner_of_any);
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The names in `dir`, sorted (the folder tests of `folder_write` use it too).
    pub(in crate::format) fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_file_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.json");
        write_atomic(&path, b"one", true).unwrap();
        assert!(
            !backup_path(&path).exists(),
            "no backup of a file that did not exist"
        );
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
        assert_eq!(names_in(dir.path()), ["c.json", "c.json.bak"]);
    }

    #[test]
    fn a_backup_that_already_is_the_file_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.json");
        fs::write(&path, "one").unwrap();
        // What a save killed between renaming the backup and renaming the file leaves.
        fs::hard_link(&path, backup_path(&path)).unwrap();
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names_in(dir.path()), ["c.json", "c.json.bak"]);
    }

    #[test]
    fn failed_write_leaves_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("c.json");
        assert!(write_atomic(&path, b"x", true).is_err());
        assert!(!path.exists());
    }

    #[test]
    fn temp_names_are_hidden_and_parse_back_to_their_process() {
        let dir = Path::new("/d");
        let temp = temp_path(Path::new("/d/مقالات.json"), dir);
        let file = temp.file_name().unwrap().to_str().unwrap();
        assert!(file.starts_with(".مقالات.json."));
        assert_eq!(Path::new(file).extension().unwrap(), "tmp");
        assert_eq!(temp_owner(file, "مقالات.json"), Some(std::process::id()));
        let backup = temp_path(Path::new("/d/مقالات.json.bak"), dir);
        let backup = backup.file_name().unwrap().to_str().unwrap();
        assert_eq!(temp_owner(backup, "مقالات.json"), Some(std::process::id()));
        // Other files, other hosts and other names are not ours to remove.
        assert_eq!(temp_owner("مقالات.json", "مقالات.json"), None);
        assert_eq!(temp_owner(".مقالات.json.otherhost.12-0.tmp", "x.json"), None);
        let foreign = format!(".مقالات.json.{}x.12-0.tmp", host::host_name());
        assert_eq!(temp_owner(&foreign, "مقالات.json"), None);
    }

    #[test]
    fn the_next_save_removes_what_a_dead_process_left_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.json");
        // A pid that cannot belong to a live process, and this (live) process.
        let dead = dir
            .path()
            .join(format!(".c.json.{}.{}-3.tmp", host::host_name(), u32::MAX));
        let dead_backup = dir.path().join(format!(
            ".c.json.bak.{}.{}-4.tmp",
            host::host_name(),
            u32::MAX
        ));
        let live = temp_path(&path, dir.path());
        let elsewhere = dir
            .path()
            .join(format!(".c.json.{}x.1-0.tmp", host::host_name()));
        for f in [&dead, &dead_backup, &live, &elsewhere] {
            fs::write(f, "half a corp").unwrap();
        }
        write_atomic(&path, b"whole", true).unwrap();
        assert!(!dead.exists() && !dead_backup.exists());
        assert!(live.exists() && elsewhere.exists());
    }

    #[test]
    fn unflushed_writes_replace_whole_files_and_finishing_clears_dead_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let ann = dir.path().join("001.ann");
        let txt = dir.path().join("001.txt");
        fs::write(&ann, "T1\tPER 0 3\tقال\n").unwrap();
        // Leftovers of a killed export of any file name, a live writer's, and no temp at all.
        let dead = dir
            .path()
            .join(format!(".002.ann.{}.{}-7.tmp", host::host_name(), u32::MAX));
        let live = temp_path(&txt, dir.path());
        let not_temp = dir.path().join(".notes.tmp");
        for f in [&dead, &live, &not_temp] {
            fs::write(f, "half").unwrap();
        }
        write_atomic_unflushed(&ann, "T1\tLOC 4 9\tروسيا\n".as_bytes()).unwrap();
        write_atomic_unflushed(&txt, "قال روسيا".as_bytes()).unwrap();
        assert!(dead.exists(), "only finishing cleans the folder");
        finish_unflushed(dir.path());
        assert_eq!(fs::read_to_string(&ann).unwrap(), "T1\tLOC 4 9\tروسيا\n");
        assert_eq!(fs::read_to_string(&txt).unwrap(), "قال روسيا");
        assert!(!dead.exists());
        assert!(live.exists() && not_temp.exists());
        assert_eq!(temp_owner_of_any(".002.ann.otherhost.12-0.tmp"), None);
        assert_eq!(
            temp_owner_of_any(live.file_name().unwrap().to_str().unwrap()),
            Some(std::process::id())
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_mode_of_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        for mode in [0o600, 0o640, 0o664, 0o444] {
            let path = dir.path().join(format!("c{mode:o}.json"));
            fs::write(&path, "old").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            write_atomic(&path, b"new", true).unwrap();
            let meta = fs::metadata(&path).unwrap();
            assert_eq!(meta.permissions().mode() & 0o777, mode, "{mode:o}");
            assert_eq!(fs::read(&path).unwrap(), b"new");
        }
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_replaces_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("data");
        fs::create_dir(&real_dir).unwrap();
        let target = real_dir.join("amal.json");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("corpus.json");
        std::os::unix::fs::symlink("data/amal.json", &link).unwrap();
        // A link to the link: the chain is followed to its end.
        let link2 = dir.path().join("again.json");
        std::os::unix::fs::symlink(&link, &link2).unwrap();
        write_atomic(&link2, b"new", true).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(
            fs::symlink_metadata(&link2)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::read(real_dir.join("amal.json.bak")).unwrap(), b"old");
        assert!(!dir.path().join("again.json.bak").exists());
        assert!(!dir.path().join("corpus.json.bak").exists());
        // A dangling link gets its target created.
        let dangling = dir.path().join("new.json");
        std::os::unix::fs::symlink("data/fresh.json", &dangling).unwrap();
        write_atomic(&dangling, b"fresh", false).unwrap();
        assert_eq!(fs::read(real_dir.join("fresh.json")).unwrap(), b"fresh");
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let err = write_atomic(&a, b"x", true).unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }
}
