//! A lock file beside a corpus, so that two windows on one file cannot silently overwrite
//! each other's work.
//!
//! The lock of `NAME` is `.NAME.taliq-lock` beside the file (beside the target of a
//! symbolic link, so every path to one file finds the same lock). It is a small JSON object
//! naming who holds the file (`owner`, `pid`, `host`, `since`) and a `token` unique to the
//! holder. It is created with a hard link from a complete temporary file, so two takers
//! cannot both succeed and a reader never sees half a lock. A lock whose process is gone
//! (same host, dead pid, or an earlier boot of the machine) is stale and is taken over; a lock
//! is removed only by its holder, checked by its token. See `docs/durability.md`.

use std::fs::{self, OpenOptions};
use std::hash::{BuildHasher, Hasher, RandomState};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::atomic::{remove_dead_temps, resolve_symlinks, temp_path, write_atomic};
use super::host;

/// How old a lock from another host must be before it is shown as probably abandoned.
pub const FOREIGN_LOCK_OLD: Duration = Duration::from_hours(12);

/// Who holds a corpus file: the content of its lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    /// The person (annotator name, else login name).
    pub owner: String,
    /// The holding process.
    pub pid: u32,
    /// The machine it runs on.
    pub host: String,
    /// When the lock was taken, UTC, as `2025-06-01T14:02:11Z`.
    pub since: String,
    /// The machine's boot id when the lock was taken (Linux), to spot locks from before a reboot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boot: Option<String>,
    /// Unique to the holder, so that only it removes the lock.
    pub token: String,
}

impl LockInfo {
    /// A lock for this process, held by `owner`, from now.
    fn mine(owner: &str) -> Self {
        let now = SystemTime::now();
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        hasher.write_u128(
            now.duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos(),
        );
        Self {
            owner: owner.to_owned(),
            pid: std::process::id(),
            host: host::host_name().to_owned(),
            since: format_utc(now),
            boot: host::boot_id().map(str::to_owned),
            token: format!("{:016x}", hasher.finish()),
        }
    }

    /// Whether the holder is certainly gone: a process of this host that no longer runs, or
    /// one from an earlier boot of this host. Locks of other hosts are never stale here (we
    /// cannot see their processes); see [`Self::is_old`].
    pub fn is_stale(&self) -> bool {
        if self.host != host::host_name() {
            return false;
        }
        let rebooted =
            matches!((&self.boot, host::boot_id()), (Some(then), Some(now)) if then != now);
        rebooted || host::process_alive(self.pid) == Some(false)
    }

    /// How long the lock has been held, when its time can be read.
    pub fn age(&self) -> Option<Duration> {
        SystemTime::now()
            .duration_since(parse_utc(&self.since)?)
            .ok()
    }

    /// Whether the lock is from another host and older than [`FOREIGN_LOCK_OLD`]: probably
    /// abandoned, so the window suggests taking it over.
    pub fn is_old(&self) -> bool {
        self.host != host::host_name() && self.age().is_some_and(|age| age > FOREIGN_LOCK_OLD)
    }

    /// `amal (pid 4242 on lab-3) since 2025-06-01 14:02 UTC`, for messages.
    pub fn describe(&self) -> String {
        let since = self.since.replacen('T', " ", 1);
        let since = since
            .strip_suffix('Z')
            .map_or(since.clone(), |s| format!("{s} UTC"));
        format!(
            "{} (pid {} on {}) since {since}",
            self.owner, self.pid, self.host
        )
    }
}

/// The login name of the user running taliq (`$USER`, `%USERNAME%`), for locks.
pub fn login_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "someone".to_owned())
}

/// `.NAME.taliq-lock` beside the file `corpus` stands for (through symbolic links).
pub fn lock_path(corpus: &Path) -> PathBuf {
    let target = resolve_symlinks(corpus).unwrap_or_else(|_| corpus.to_path_buf());
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.taliq-lock"))
}

/// Who holds the lock of `corpus`, if anyone: `Ok(None)` when there is no lock file,
/// `Err` with [`io::ErrorKind::InvalidData`] when it cannot be read as a lock.
///
/// # Errors
/// When the lock file exists but cannot be read or parsed.
pub fn read_lock(corpus: &Path) -> io::Result<Option<LockInfo>> {
    read_lock_file(&lock_path(corpus))
}

fn read_lock_file(path: &Path) -> io::Result<Option<LockInfo>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// What trying to lock a file came to.
#[derive(Debug)]
pub enum Locking {
    /// The file was free: it is ours now.
    Acquired(CorpusLock),
    /// The lock was stale (its holder is gone, or it was unreadable) and is ours now.
    TookOver {
        /// Our lock.
        lock: CorpusLock,
        /// Who held it before, when that could be read.
        from: Option<LockInfo>,
    },
    /// Someone else holds the file.
    Busy(LockInfo),
}

/// A held lock on a corpus file; dropping it releases the lock (if it is still ours).
#[derive(Debug)]
pub struct CorpusLock {
    path: PathBuf,
    info: LockInfo,
}

impl CorpusLock {
    /// Locks `corpus` for `owner`, taking over a stale lock.
    ///
    /// # Errors
    /// When the lock file cannot be created or read (e.g. a folder we may not write to).
    pub fn acquire(corpus: &Path, owner: &str) -> io::Result<Locking> {
        let path = lock_path(corpus);
        let mine = LockInfo::mine(owner);
        let bytes = lock_bytes(&mine)?;
        // A lock released between our attempt and our look is simply tried again.
        for _ in 0..3 {
            if create_exclusive(&path, &bytes)? {
                return Ok(Locking::Acquired(Self { path, info: mine }));
            }
            let holder = match read_lock_file(&path) {
                Ok(Some(holder)) => Some(holder),
                Ok(None) => continue,
                Err(e) if e.kind() == io::ErrorKind::InvalidData => None,
                Err(e) => return Err(e),
            };
            if let Some(holder) = holder.as_ref().filter(|h| !h.is_stale()) {
                return Ok(Locking::Busy(holder.clone()));
            }
            write_atomic(&path, &bytes, false)?;
            // Two takers of one stale lock both rename; the one whose token stayed has it.
            return Ok(match read_lock_file(&path)? {
                Some(now) if now.token == mine.token => Locking::TookOver {
                    lock: Self { path, info: mine },
                    from: holder,
                },
                Some(now) => Locking::Busy(now),
                None => continue,
            });
        }
        Err(io::Error::other(format!(
            "{}: the lock keeps changing; try again",
            path.display()
        )))
    }

    /// Takes the lock of `corpus` whoever holds it (the user insisted).
    ///
    /// # Errors
    /// When the lock file cannot be written.
    pub fn take_over(corpus: &Path, owner: &str) -> io::Result<Self> {
        let path = lock_path(corpus);
        let info = LockInfo::mine(owner);
        write_atomic(&path, &lock_bytes(&info)?, false)?;
        Ok(Self { path, info })
    }

    /// Whether the lock file still holds our token (someone may have taken the file over).
    ///
    /// # Errors
    /// When the lock file exists but cannot be read.
    pub fn is_held(&self) -> io::Result<bool> {
        match read_lock_file(&self.path) {
            Ok(Some(now)) => Ok(now.token == self.info.token),
            Ok(None) => Ok(false),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// What our lock file says.
    pub fn info(&self) -> &LockInfo {
        &self.info
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this is the lock of `corpus`.
    pub fn guards(&self, corpus: &Path) -> bool {
        self.path == lock_path(corpus)
    }
}

impl Drop for CorpusLock {
    fn drop(&mut self) {
        // Only our own lock is removed: someone who took the file over keeps theirs.
        if self.is_held().unwrap_or(false) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn lock_bytes(info: &LockInfo) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(info).map_err(io::Error::other)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Creates `path` with `bytes` unless it exists; `Ok(false)` when it does.
///
/// The bytes are written to a temporary file first and hard-linked to `path`: the link
/// fails if `path` exists, and what appears is always complete. Where hard links are not
/// possible, the file is created exclusively and written in place.
fn create_exclusive(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let temp = temp_path(path, &dir);
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
    let linked = written.and_then(|()| fs::hard_link(&temp, path));
    let _ = fs::remove_file(&temp);
    if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
        remove_dead_temps(&dir, name);
    }
    match linked {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) => create_in_place(path, bytes),
    }
}

fn create_in_place(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(mut file) => {
            file.write_all(bytes)?;
            file.sync_all()?;
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e),
    }
}

/// `2025-06-01T14:02:11Z` for a time (UTC, whole seconds).
fn format_utc(time: SystemTime) -> String {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The time [`format_utc`] wrote, or `None` for anything else.
fn parse_utc(text: &str) -> Option<SystemTime> {
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let mut date = date.split('-').map(str::parse::<u64>);
    let (year, month, day) = (date.next()?.ok()?, date.next()?.ok()?, date.next()?.ok()?);
    let mut time = time.split(':').map(str::parse::<u64>);
    let (hour, minute, second) = (time.next()?.ok()?, time.next()?.ok()?, time.next()?.ok()?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second;
    UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

/// Year, month, day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// Days since 1970-01-01 of a date from 1970 on (the inverse of [`civil_from_days`]).
fn days_from_civil(year: u64, month: u64, day: u64) -> Option<u64> {
    let year = if month <= 2 {
        year.checked_sub(1)?
    } else {
        year
    };
    let era = year / 400;
    let yoe = year % 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe).checked_sub(719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_print_and_parse_back() {
        for seconds in [0, 951_782_400, 1_717_250_531, 4_102_444_799] {
            let time = UNIX_EPOCH + Duration::from_secs(seconds);
            let text = format_utc(time);
            assert_eq!(parse_utc(&text), Some(time), "{text}");
        }
        assert_eq!(
            format_utc(UNIX_EPOCH + Duration::from_secs(1_717_250_531)),
            "2024-06-01T14:02:11Z"
        );
        // 2000-02-29 (a leap day of a century leap year).
        assert_eq!(
            format_utc(UNIX_EPOCH + Duration::from_hours(264_384)),
            "2000-02-29T00:00:00Z"
        );
        for bad in [
            "",
            "2024-06-01",
            "2024-13-01T00:00:00Z",
            "1969-12-31T23:59:59Z",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn lock_sits_hidden_beside_the_file() {
        assert_eq!(
            lock_path(Path::new("/d/عمل.json")),
            PathBuf::from("/d/.عمل.json.taliq-lock")
        );
    }

    #[test]
    fn describe_names_who_where_and_since_when() {
        let info = LockInfo {
            owner: "أمل".into(),
            pid: 4242,
            host: "lab-3".into(),
            since: "2024-06-01T14:02:11Z".into(),
            boot: None,
            token: "t".into(),
        };
        assert_eq!(
            info.describe(),
            "أمل (pid 4242 on lab-3) since 2024-06-01 14:02:11 UTC"
        );
        assert!(info.is_old(), "another host, years ago");
        assert!(!info.is_stale(), "another host's process cannot be checked");
    }

    #[test]
    fn a_lock_from_before_a_reboot_is_stale() {
        let Some(boot) = host::boot_id() else {
            return;
        };
        let mut info = LockInfo::mine("amal");
        assert!(!info.is_stale(), "this very process");
        info.boot = Some(format!("{boot}-earlier"));
        assert!(info.is_stale());
    }

    #[test]
    fn lock_writes_leave_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c.json");
        let Locking::Acquired(lock) = CorpusLock::acquire(&corpus, "amal").unwrap() else {
            panic!("a free file is acquired");
        };
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [".c.json.taliq-lock"]);
        drop(lock);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
