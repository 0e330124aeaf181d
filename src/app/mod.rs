//! The desktop window (eframe). State lives in [`AppState`], drawing in [`view`].
//!
//! For now the window lists the corpus's documents; the annotator proper is built on
//! the text layer in [`crate::text`].

mod state;
pub mod view;

use std::path::Path;
use std::process::ExitCode;

pub use state::{AppState, Source};

/// The bundled sample corpus: the seed news article with the default labels.
pub const SAMPLE_CORPUS: &str = include_str!("../../assets/sample/sample.json");

/// The eframe application: the state plus the fonts it draws with.
pub struct TaliqApp {
    /// Everything the window shows and edits.
    pub state: AppState,
    /// Bundled fonts, then system fonts for what they lack.
    pub fonts: fontdb::Database,
}

impl eframe::App for TaliqApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        view::show(ui, &mut self.state);
    }
}

/// Opens the window on `path`, or on the bundled sample, and runs until it is closed.
pub fn run(path: Option<&Path>) -> ExitCode {
    #[allow(
        clippy::print_stderr,
        reason = "start-up errors go to the terminal that started us"
    )]
    let report = |message: &dyn std::fmt::Display| eprintln!("taliq: {message}");
    let state = match path {
        Some(path) => match AppState::open(path) {
            Ok(state) => state,
            Err(e) => {
                report(&e);
                return ExitCode::FAILURE;
            }
        },
        None => match AppState::sample() {
            Ok(state) => state,
            Err(e) => {
                report(&format!("the bundled sample is broken: {e:?}"));
                return ExitCode::FAILURE;
            }
        },
    };
    let app = TaliqApp {
        state,
        fonts: crate::text::fonts::database_with_system_fallback(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("taliq — تعليق")
            .with_inner_size([1000.0, 700.0]),
        ..Default::default()
    };
    match eframe::run_native("taliq", options, Box::new(|_cc| Ok(Box::new(app)))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report(&e);
            ExitCode::FAILURE
        }
    }
}
