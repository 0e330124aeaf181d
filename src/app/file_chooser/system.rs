//! The system's file dialog (rfd), and whether there is one.
//!
//! On Linux rfd asks the XDG desktop portal over D-Bus, falls back to `zenity`, and returns
//! `None` both when the person cancels and when neither answers (no portal, a minimal
//! window manager, Xvfb): the window would do nothing and say nothing. So taliq looks
//! first whether either is there ([`FileDialogs::from_environment`]), and while rfd runs it
//! keeps the errors rfd logs, which are the only trace of a dialog that failed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::app::state::file_request::{FilePurpose, PickKind};

/// The environment variable that chooses the file dialog: `builtin` (taliq's own, drawn
/// in the window) or `system`; unset, the system's when there is one.
pub const FILE_DIALOG_VARIABLE: &str = "TALIQ_FILE_DIALOG";

/// How long a request waits for the look for a system dialog started at launch.
const PROBE_WAIT: Duration = Duration::from_secs(3);

/// Which file dialog the window uses.
#[derive(Debug, Default)]
pub enum FileDialogs {
    /// The system's (rfd); taliq's own when it fails.
    System,
    /// taliq's own chooser only (`TALIQ_FILE_DIALOG=builtin`, no system dialog found, or
    /// a window not started by `taliq`, as in tests).
    #[default]
    Builtin,
    /// Still looking whether the system has one: the answer comes from a thread.
    Probing(Receiver<bool>),
}

impl FileDialogs {
    /// As `TALIQ_FILE_DIALOG` says; unset, the system's if a portal's file chooser or
    /// `zenity` is found (looked for on a thread, so the window starts at once).
    pub fn from_environment() -> Self {
        match std::env::var(FILE_DIALOG_VARIABLE).as_deref() {
            Ok("builtin") => return Self::Builtin,
            Ok("system") => return Self::System,
            _ => {}
        }
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("taliq-file-dialog-probe".to_owned())
            .spawn(move || {
                send.send(system_dialog_exists()).ok();
            });
        match spawned {
            Ok(_) => Self::Probing(receive),
            Err(_) => Self::Builtin,
        }
    }

    /// Whether to ask the system's dialog now (waiting a little for the look at launch).
    pub fn use_system(&mut self) -> bool {
        if let Self::Probing(answer) = self {
            *self = if answer.recv_timeout(PROBE_WAIT).unwrap_or(false) {
                Self::System
            } else {
                Self::Builtin
            };
        }
        matches!(self, Self::System)
    }
}

/// Whether this system has a file dialog rfd can show: on Linux and the BSDs, the desktop
/// portal's file chooser on the session bus, or `zenity`; elsewhere always.
fn system_dialog_exists() -> bool {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        on_path("zenity") || portal_file_chooser()
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        true
    }
}

/// Whether `program` is an executable file in a folder of `PATH`.
#[cfg(all(unix, not(target_os = "macos")))]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// Whether the session bus has a desktop portal with a file chooser (the portal exports
/// the interface only when a backend implements it, GTK's, GNOME's or KDE's).
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_file_chooser() -> bool {
    async fn ask() -> zbus::Result<()> {
        let bus = zbus::Connection::session().await?;
        bus.call_method(
            Some("org.freedesktop.portal.Desktop"),
            "/org/freedesktop/portal/desktop",
            Some("org.freedesktop.DBus.Properties"),
            "Get",
            &("org.freedesktop.portal.FileChooser", "version"),
        )
        .await?;
        Ok(())
    }
    async_io::block_on(ask()).is_ok()
}

/// The errors rfd logged since [`take_rfd_errors`] last ran.
static RFD_ERRORS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Keeps rfd's error messages (the log's only use in taliq: nothing else logs through it).
struct RfdErrors;

impl log::Log for RfdErrors {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Error && metadata.target().starts_with("rfd")
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata())
            && let Ok(mut errors) = RFD_ERRORS.lock()
        {
            errors.push(record.args().to_string());
        }
    }

    fn flush(&self) {}
}

static RFD_LOGGER: RfdErrors = RfdErrors;

/// Starts keeping rfd's errors (the first time; if another logger was installed first,
/// they are not seen, and a failed dialog reads as a cancelled one).
fn capture_rfd_errors() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        if log::set_logger(&RFD_LOGGER).is_ok() {
            log::set_max_level(log::LevelFilter::Error);
        }
    });
}

fn take_rfd_errors() -> Vec<String> {
    RFD_ERRORS
        .lock()
        .map(|mut errors| std::mem::take(&mut *errors))
        .unwrap_or_default()
}

/// Shows the system's dialog for `purpose`, starting in `folder`.
///
/// # Errors
/// What rfd logged when no dialog could be shown; `Ok(None)` is a cancel.
pub fn pick(purpose: FilePurpose, folder: &Path) -> Result<Option<Vec<PathBuf>>, String> {
    capture_rfd_errors();
    take_rfd_errors();
    let mut dialog = rfd::FileDialog::new()
        .set_title(purpose.title())
        .set_directory(folder);
    for filter in purpose.filters() {
        dialog = dialog.add_filter(crate::app::i18n::text(filter.name, &[]), filter.extensions);
    }
    if let Some(name) = purpose.suggested_name() {
        dialog = dialog.set_file_name(name);
    }
    let picked = match purpose.kind() {
        PickKind::File => dialog.pick_file().map(|p| vec![p]),
        PickKind::Files => dialog.pick_files(),
        PickKind::SaveFile => dialog.save_file().map(|p| vec![p]),
        PickKind::Folder => dialog.pick_folder().map(|p| vec![p]),
    };
    let errors = take_rfd_errors();
    match picked {
        Some(paths) if !paths.is_empty() => Ok(Some(paths)),
        _ if !errors.is_empty() => Err(errors.join("; ")),
        _ => Ok(None),
    }
}
