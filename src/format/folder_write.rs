//! Whole folders written at once (an export of many files, as brat's): a new folder appears
//! complete or not at all, and a folder of an earlier export is swapped for the new one in one
//! step. Temporary names and the removal of killed writers' leftovers are [`super::atomic`]'s.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::atomic::{folder_of, remove_dead_temps, sync_folder, temp_path};

/// Creates the folder `root`, which must not exist, holding `files` (paths relative to it),
/// all at once: they are written into a hidden folder beside it (`.NAME.HOST.PID-N.tmp`) that
/// is renamed to `root` when complete, so a reader or a killed writer sees no folder or the
/// whole one, and each file costs one plain write instead of a rename over an old file. As
/// with [`write_atomic_unflushed`], the files are not flushed one by one: the folders are.
///
/// # Errors
/// Any I/O error, or `root` appearing meanwhile; nothing is left behind then.
pub fn write_new_folder(root: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    if fs::symlink_metadata(root).is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} already exists", root.display()),
        ));
    }
    let parent = folder_of(root);
    fs::create_dir_all(&parent)?;
    let staging = temp_path(root, &parent);
    let result = fill_folder(&staging, files).and_then(|()| {
        if fs::symlink_metadata(root).is_ok() {
            // rename() would replace an empty folder; the caller asked for a new one.
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("{} appeared while it was written", root.display()),
            ));
        }
        fs::rename(&staging, root)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
        return result;
    }
    sync_folder(&parent);
    if let Some(name) = root.file_name().and_then(|n| n.to_str()) {
        remove_dead_temps(&parent, name);
    }
    Ok(())
}

/// Replaces the folder `root` by a new one holding `files` (names without folders) in one
/// step: they are written into a hidden folder beside it, the two are swapped atomically
/// (Linux's `renameat2` with `RENAME_EXCHANGE`), and the old content is removed. A reader or
/// a killed writer sees the old folder or the new one; a killed writer's leftover is a dead
/// temporary folder that the next export removes. Each file costs one plain write, not a
/// rename over its old version, which on a busy disk is several times faster.
///
/// Returns `Ok(false)`, having written nothing, where this cannot be done safely: `root` is
/// not a plain folder, holds anything but plain files that `files` names or `stale` calls an
/// earlier export's (anything else would be lost), or the platform or file system has no
/// exchange; the caller then replaces the files one by one.
///
/// # Errors
/// Any I/O error while writing the new folder; nothing is left behind then.
pub fn replace_folder(
    root: &Path,
    files: &[(PathBuf, Vec<u8>)],
    stale: &dyn Fn(&Path) -> bool,
) -> io::Result<bool> {
    if !cfg!(target_os = "linux") || !holds_only(root, files, stale) {
        return Ok(false);
    }
    let parent = folder_of(root);
    let staging = temp_path(root, &parent);
    let swapped = fill_folder(&staging, files).and_then(|()| {
        fs::set_permissions(&staging, fs::metadata(root)?.permissions())?;
        exchange(&staging, root)
    });
    match swapped {
        Ok(true) => {
            // The staging name now holds the old content.
            let _ = fs::remove_dir_all(&staging);
            sync_folder(&parent);
            if let Some(name) = root.file_name().and_then(|n| n.to_str()) {
                remove_dead_temps(&parent, name);
            }
            Ok(true)
        }
        other => {
            let _ = fs::remove_dir_all(&staging);
            other
        }
    }
}

/// Whether `root` is a folder (not a link to one) whose entries are all plain files named in
/// `files` or `stale`, and every file of `files` is a plain name.
fn holds_only(root: &Path, files: &[(PathBuf, Vec<u8>)], stale: &dyn Fn(&Path) -> bool) -> bool {
    let plain = |p: &Path| p.components().count() == 1 && p.file_name().is_some();
    if !files.iter().all(|(rel, _)| plain(rel)) {
        return false;
    }
    if !fs::symlink_metadata(root).is_ok_and(|m| m.is_dir()) {
        return false;
    }
    let Ok(entries) = fs::read_dir(root) else {
        return false;
    };
    let names: std::collections::HashSet<&std::ffi::OsStr> = files
        .iter()
        .filter_map(|(rel, _)| rel.file_name())
        .collect();
    entries.into_iter().all(|entry| {
        entry.is_ok_and(|e| {
            e.file_type().is_ok_and(|t| t.is_file())
                && (names.contains(e.file_name().as_os_str()) || stale(&e.path()))
        })
    })
}

/// Swaps the names `a` and `b` atomically; `Ok(false)` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Older kernels and some file systems (network ones) have no exchange.
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS | rustix::io::Errno::OPNOTSUPP) => {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Swaps the names `a` and `b` atomically; `Ok(false)` where the system cannot (elsewhere
/// than Linux: [`replace_folder`] then replaces the files one by one, each by a rename over
/// it, which on Windows too replaces an existing file).
#[cfg(not(target_os = "linux"))]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the signature of the Linux version"
)]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Creates `dir` and writes `files` into it, flushing each folder once at the end.
fn fill_folder(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    fs::create_dir(dir)?;
    let mut folders = vec![dir.to_path_buf()];
    for (rel, _) in files {
        if let Some(parent) = dir.join(rel).parent()
            && !folders.iter().any(|f| f == parent)
        {
            fs::create_dir_all(parent)?;
            folders.push(parent.to_path_buf());
        }
    }
    // Thousands of small files: creating one is a system call that mostly waits on the file
    // system, so a thread a core writes its share (a tenth of a second on 20,000 files).
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, MAX_WRITERS);
    let share = files.len().div_ceil(threads).max(FILES_PER_WRITER);
    std::thread::scope(|scope| {
        let writers: Vec<_> = files
            .chunks(share)
            .map(|part| scope.spawn(move || write_files(dir, part)))
            .collect();
        writers.into_iter().try_for_each(|writer| {
            writer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })?;
    for folder in &folders {
        sync_folder(folder);
    }
    Ok(())
}

/// Threads writing a folder's files at most.
const MAX_WRITERS: usize = 4;
/// Files a writer thread takes at least: fewer are not worth a thread.
const FILES_PER_WRITER: usize = 256;

/// Creates each of `files` (which must not exist) under `dir` with its bytes.
fn write_files(dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    for (rel, bytes) in files {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(dir.join(rel))?
            .write_all(bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::atomic::tests::names_in;
    use crate::format::host;

    #[test]
    fn many_files_in_sub_folders_are_all_written_whole() {
        // Past FILES_PER_WRITER, so several threads write; the parts go to their own folders.
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("split");
        let files: Vec<(PathBuf, Vec<u8>)> = (0..3 * FILES_PER_WRITER + 5)
            .map(|i| {
                let part = ["train", "dev", "test"][i % 3];
                let name = PathBuf::from(part).join(format!("{i:04}.txt"));
                (name, format!("نص رقم {i}\n").repeat(i % 7 + 1).into_bytes())
            })
            .collect();
        write_new_folder(&root, &files).unwrap();
        for (name, bytes) in &files {
            assert_eq!(
                &fs::read(root.join(name)).unwrap(),
                bytes,
                "{}",
                name.display()
            );
        }
        let count: usize = ["train", "dev", "test"]
            .iter()
            .map(|part| fs::read_dir(root.join(part)).unwrap().count())
            .sum();
        assert_eq!(count, files.len());
        assert_eq!(names_in(dir.path()), ["split"]);
    }

    #[test]
    fn a_new_folder_appears_whole_and_a_dead_writers_staging_folder_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("brat-out");
        // What an export killed while it filled its staging folder leaves, and a live one's.
        let dead = dir.path().join(format!(
            ".brat-out.{}.{}-2.tmp",
            host::host_name(),
            u32::MAX
        ));
        fs::create_dir_all(dead.join("sub")).unwrap();
        fs::write(dead.join("sub/001.ann"), "half").unwrap();
        let live = temp_path(&root, dir.path());
        fs::create_dir(&live).unwrap();
        let files = vec![
            (PathBuf::from("001.txt"), "قال بوتين".as_bytes().to_vec()),
            (PathBuf::from("001.ann"), b"T1\tPER 4 9\tbw\n".to_vec()),
            (
                PathBuf::from("nested/annotation.conf"),
                b"[entities]\n".to_vec(),
            ),
        ];
        write_new_folder(&root, &files).unwrap();
        assert_eq!(names_in(&root), ["001.ann", "001.txt", "nested"]);
        assert_eq!(
            fs::read_to_string(root.join("001.txt")).unwrap(),
            "قال بوتين"
        );
        assert_eq!(
            fs::read(root.join("nested/annotation.conf")).unwrap(),
            b"[entities]\n"
        );
        assert!(!dead.exists(), "the dead writer's staging folder is gone");
        assert!(live.exists(), "a live writer's is not touched");
        // A folder that exists is never replaced, and the attempt leaves nothing behind.
        let err = write_new_folder(&root, &files).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists, "{err}");
        assert_eq!(names_in(&root), ["001.ann", "001.txt", "nested"]);
        fs::remove_dir(&live).unwrap();
        assert_eq!(names_in(dir.path()), ["brat-out"]);
    }

    #[test]
    fn an_earlier_export_is_swapped_whole_and_a_folder_with_other_files_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("brat-out");
        let old = vec![
            (PathBuf::from("001.txt"), b"old".to_vec()),
            (PathBuf::from("002.txt"), b"old two".to_vec()),
        ];
        write_new_folder(&root, &old).unwrap();
        let new = vec![
            (PathBuf::from("001.txt"), "قال بوتين".as_bytes().to_vec()),
            (PathBuf::from("003.ann"), b"T1\tPER 4 9\tx\n".to_vec()),
        ];
        // What the caller says an earlier export wrote: here, any .txt.
        let stale = |p: &Path| p.extension().is_some_and(|e| e == "txt");
        let swapped = replace_folder(&root, &new, &stale).unwrap();
        assert_eq!(swapped, cfg!(target_os = "linux"));
        if swapped {
            // Exactly the new files: the old 002.txt went with the old folder.
            assert_eq!(names_in(&root), ["001.txt", "003.ann"]);
            assert_eq!(
                fs::read_to_string(root.join("001.txt")).unwrap(),
                "قال بوتين"
            );
            assert_eq!(names_in(dir.path()), ["brat-out"], "no staging folder left");
        }
        // A file the export does not write (the user's) or a sub-folder: nothing is swapped,
        // nothing written, and the caller replaces files one by one.
        fs::write(root.join("notes.md"), "mine").unwrap();
        assert!(!replace_folder(&root, &new, &stale).unwrap());
        assert_eq!(fs::read_to_string(root.join("notes.md")).unwrap(), "mine");
        fs::remove_file(root.join("notes.md")).unwrap();
        let nested = vec![(PathBuf::from("train/001.txt"), b"x".to_vec())];
        assert!(!replace_folder(&root, &nested, &stale).unwrap());
        // A link to a folder is not swapped either (the link would be replaced by a folder).
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&root, &link).unwrap();
            assert!(!replace_folder(&link, &new, &stale).unwrap());
        }
        assert_eq!(
            names_in(dir.path())
                .iter()
                .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
                .count(),
            0
        );
    }
}
