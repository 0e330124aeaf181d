//! This machine and its processes, as lock files and temporary names need them: the host
//! name, whether a process still runs, and which boot of the machine this is.

use std::sync::OnceLock;

/// The machine's host name, with anything but letters, digits, `-` and `_` made `_`, so that
/// it can stand inside a file name and be parsed back out of one.
pub(crate) fn host_name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| {
        let raw = raw_host_name();
        let clean: String = raw
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if clean.is_empty() {
            "localhost".to_owned()
        } else {
            clean
        }
    })
}

#[cfg(unix)]
fn raw_host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(not(unix))]
fn raw_host_name() -> String {
    std::env::var("COMPUTERNAME").unwrap_or_default()
}

/// Whether process `pid` of this machine still runs: `Some(false)` only when it certainly
/// does not, `None` where this platform cannot tell.
pub(crate) fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    alive_elsewhere(pid)
}

#[cfg(unix)]
fn alive_elsewhere(pid: u32) -> Option<bool> {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        // Not a pid this system can have, so no process of ours.
        return Some(false);
    };
    // Signal 0 checks existence; EPERM means it exists but belongs to another user.
    match rustix::process::test_kill_process(pid) {
        Ok(()) | Err(rustix::io::Errno::PERM) => Some(!is_zombie(pid.as_raw_nonzero().get())),
        Err(rustix::io::Errno::SRCH) => Some(false),
        Err(_) => None,
    }
}

/// Whether a process has ended but is not reaped yet (Linux: state `Z` or `X` in
/// `/proc/PID/stat`). Signal 0 still reaches such a process, but it runs no more code: a
/// window killed with -9 whose parent has not collected it yet holds no file.
#[cfg(unix)]
fn is_zombie(pid: i32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // `PID (COMMAND) STATE …`; the command may hold spaces and parentheses.
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .is_some_and(|state| state == "Z" || state == "X")
}

/// Windows has no `kill(pid, 0)`, and asking the kernel directly (`OpenProcess`) needs unsafe
/// code, which this crate forbids: `tasklist`, part of every Windows since XP, is asked for
/// that one pid instead (without a console window flashing up). Only on a lock conflict or a
/// leftover temporary file, so its tenth of a second does not matter.
#[cfg(windows)]
fn alive_elsewhere(pid: u32) -> Option<bool> {
    use std::os::windows::process::CommandExt as _;
    const CREATE_NO_WINDOW: u32 = 0x0800_0000;
    let output = std::process::Command::new("tasklist.exe")
        .args(["/FI", &format!("PID eq {pid}"), "/FO", "CSV", "/NH"])
        .creation_flags(CREATE_NO_WINDOW)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| tasklist_lists(&String::from_utf8_lossy(&output.stdout), pid))
}

/// Whether `tasklist /FO CSV /NH` printed a line for `pid` (`"taliq.exe","4242",…`). When no
/// process matches it prints a sentence instead, in the system's language, so only the
/// absence of a line with the pid counts.
#[cfg(any(windows, test))]
fn tasklist_lists(csv: &str, pid: u32) -> bool {
    let quoted = format!("\"{pid}\"");
    csv.lines().any(|line| {
        line.split(',')
            .nth(1)
            .is_some_and(|field| field.trim() == quoted)
    })
}

/// Elsewhere (not Unix, not Windows) there is no way to tell: a lock is never taken for
/// stale, and the window offers to take it over.
#[cfg(not(any(unix, windows)))]
fn alive_elsewhere(_pid: u32) -> Option<bool> {
    None
}

/// An id that changes at every boot of the machine (Linux), so that a lock left before a
/// reboot is known to be stale even if its pid was handed to another process since.
pub(crate) fn boot_id() -> Option<&'static str> {
    static ID: OnceLock<Option<String>> = OnceLock::new();
    ID.get_or_init(|| {
        std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    })
    .as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_name_is_safe_inside_a_file_name() {
        let name = host_name();
        assert!(!name.is_empty());
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{name}"
        );
    }

    #[test]
    fn this_process_is_alive_and_a_finished_child_is_not() {
        assert_eq!(process_alive(std::process::id()), Some(true));
        #[cfg(unix)]
        {
            let mut child = std::process::Command::new("true").spawn().unwrap();
            let pid = child.id();
            child.wait().unwrap();
            // Reaped, so the pid names no process (unless reused within microseconds).
            assert_eq!(process_alive(pid), Some(false));
            assert_eq!(process_alive(u32::MAX), Some(false));
        }
    }

    #[test]
    fn tasklist_output_names_the_pid_or_does_not() {
        let running = "\"taliq.exe\",\"4242\",\"Console\",\"1\",\"52,120 K\"\r\n";
        assert!(tasklist_lists(running, 4242));
        // Another pid that merely contains the digits, or sits in the memory column.
        assert!(!tasklist_lists(running, 424));
        assert!(!tasklist_lists(running, 52));
        // No match: a sentence, localised (here German), and no CSV line.
        let none = "INFORMATION: Es werden keine Aufgaben mit den angegebenen Kriterien ausgef\u{fc}hrt.\r\n";
        assert!(!tasklist_lists(none, 4242));
        assert!(!tasklist_lists("", 4242));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_killed_process_not_yet_reaped_is_not_alive() {
        let mut child = std::process::Command::new("sleep")
            .arg("60")
            .spawn()
            .unwrap();
        let pid = child.id();
        assert_eq!(process_alive(pid), Some(true));
        child.kill().unwrap();
        // Killed but not waited for: a zombie until `wait`. Its state changes in the kernel
        // shortly after the signal; poll rather than sleep a fixed time.
        let dead = (0..200).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(5));
            process_alive(pid) == Some(false)
        });
        child.wait().unwrap();
        assert!(dead, "a zombie counts as gone");
    }
}
