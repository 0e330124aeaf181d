//! File → Export…: the export of the open corpus in another tool's format, run on a worker
//! thread with a progress bar, ending with what could not be kept.

use crate::app::i18n::{self, Worded, tr};
use crate::app::widgets::bidi_field::BidiField;
use crate::app::widgets::interface::{self, mirrored};
use crate::app::widgets::{TextEngine, numbers};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use crate::interchange::{
    Align, ExportError, Filter, Format, Loss, OffsetUnit, Options, Scheme, Split,
    export_to_with_progress,
};
use crate::model::{Corpus, Status};

/// The export window's width.
const WINDOW_WIDTH: f32 = 540.0;
/// The largest seed the split's seed field takes (any seed shuffles as well as another).
const SEED_MAX: f64 = 4_294_967_295.0;

/// An export running on its worker thread.
#[derive(Debug)]
struct Job {
    done: Arc<AtomicUsize>,
    total: usize,
    worker: JoinHandle<Result<Vec<Loss>, ExportError>>,
}

/// The export dialog: its choices, the running job, and the last result.
#[derive(Debug)]
pub struct ExportDialog {
    /// Output format.
    pub format: Format,
    /// Tag scheme (CoNLL, hf).
    pub scheme: Scheme,
    /// Span edges inside tokens (CoNLL, hf).
    pub align: Align,
    /// Offset unit (jsonl).
    pub offset_unit: OffsetUnit,
    /// Statuses to keep; all when none is ticked.
    pub statuses: Vec<Status>,
    /// `train/dev/test` percentages such as `80/10/10`; empty for no split.
    pub split: String,
    /// Seed of the split.
    pub seed: u64,
    /// File or folder to write.
    pub out: String,
    /// Replace existing output.
    pub force: bool,
    job: Option<Job>,
    /// Test hook ([`crate::app::crash::DebugCrash::Export`]): the worker of the next export panics.
    pub debug_crash: bool,
    /// What the last export said: done with losses, or why it failed.
    pub result: Option<Result<Vec<Loss>, String>>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        Self {
            format: Format::Jsonl,
            scheme: Scheme::default(),
            align: Align::default(),
            offset_unit: OffsetUnit::default(),
            statuses: Vec::new(),
            split: String::new(),
            seed: 1,
            out: String::new(),
            force: false,
            job: None,
            debug_crash: false,
            result: None,
        }
    }
}

impl ExportDialog {
    /// Whether an export is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Starts exporting `corpus` with the dialog's choices on a worker thread.
    ///
    /// # Errors
    /// A message when the choices are not valid (nothing is started then).
    ///
    /// # Panics
    /// Never here; the worker thread panics when [`Self::debug_crash`] asks it to.
    pub fn start(&mut self, corpus: &Corpus) -> Result<(), String> {
        if self.out.trim().is_empty() {
            return Err(tr!("export-choose-where"));
        }
        let split = match self.split.trim() {
            "" => None,
            text => Some(
                // Every way a split can be wrong breaks the one rule the message states.
                i18n::western_digits(text)
                    .parse::<Split>()
                    .map_err(|_| tr!("export-bad-split", split = text))?,
            ),
        };
        let filter = Filter {
            statuses: self.statuses.clone(),
            annotator: None,
        };
        let documents = filter.apply(corpus);
        if documents.is_empty() {
            return Err(tr!("export-no-document"));
        }
        let options = Options {
            offset_unit: if self.format == Format::Jsonl {
                self.offset_unit
            } else {
                OffsetUnit::Codepoint
            },
            scheme: self.scheme,
            align: self.align,
        };
        let done = Arc::new(AtomicUsize::new(0));
        let total = documents.len();
        let (corpus, format, out, seed, force) = (
            corpus.clone(),
            self.format,
            PathBuf::from(self.out.trim()),
            self.seed,
            self.force,
        );
        let counter = Arc::clone(&done);
        let crash = self.debug_crash;
        let work = move || {
            assert!(
                !crash,
                "TALIQ_DEBUG_CRASH=export: a bug in the export, on request"
            );
            let split = split.as_ref().map(|s| (s, seed));
            export_to_with_progress(
                &corpus,
                documents,
                format,
                &options,
                &out,
                split,
                force,
                &mut |n| {
                    counter.store(n, Ordering::Relaxed);
                },
            )
        };
        // Named, so that the panic hook can tell the user the window goes on.
        let worker = std::thread::Builder::new()
            .name("taliq-export".to_owned())
            .spawn(work)
            .map_err(|e| tr!("export-cannot-start", error = e.worded()))?;
        self.result = None;
        self.job = Some(Job {
            done,
            total,
            worker,
        });
        Ok(())
    }

    /// Fraction of the running export done (0–1), if one runs; collects its result when finished.
    pub fn poll(&mut self) -> Option<f32> {
        let job = self.job.as_ref()?;
        if !job.worker.is_finished() {
            #[allow(clippy::cast_precision_loss, reason = "a progress fraction")]
            return Some(job.done.load(Ordering::Relaxed) as f32 / job.total.max(1) as f32);
        }
        let job = self.job.take()?;
        self.result = Some(match job.worker.join() {
            Ok(result) => result.map_err(|e| e.worded()),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(tr!("export-stopped-on-bug", reason = why))
            }
        });
        None
    }

    /// Draws the dialog window; whether it stays open (its close button).
    pub fn show(&mut self, ctx: &egui::Context, corpus: &Corpus, engine: &mut TextEngine) -> bool {
        let mut open = true;
        // Below the menu bar and the file row, not over them.
        let top = egui::pos2(ctx.content_rect().center().x, 90.0);
        interface::window("export-dialog")
            .collapsible(false)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(top)
            .show(ctx, |ui| {
                // A width of its own: lines aligned to the right need a right edge.
                ui.set_width(WINDOW_WIDTH);
                mirrored(ui, |ui| {
                    interface::title_bar(ui, engine, &tr!("export-title"), &mut open);
                    self.contents(ui, corpus, engine);
                });
            });
        open
    }

    #[allow(
        clippy::too_many_lines,
        reason = "one grid of the dialog's options, a row each"
    )]
    fn contents(&mut self, ui: &mut egui::Ui, corpus: &Corpus, engine: &mut TextEngine) {
        let formats = [
            (Format::Jsonl, tr!("export-format-jsonl")),
            (Format::Conll, tr!("export-format-conll")),
            (Format::Hf, tr!("export-format-hf")),
            (Format::Brat, tr!("export-format-brat")),
            (Format::LabelStudio, tr!("export-format-label-studio")),
            (Format::Doccano, tr!("export-format-doccano")),
        ];
        // The grid lays out in a left-aligned column of its own (egui's grid measures its
        // cells badly in a right-aligned one); its columns are reversed in Arabic.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            egui::Grid::new("export-options")
                .num_columns(2)
                .show(ui, |ui| {
                    // One choice a line: a wrapped row inside a grid cell is measured a frame
                    // late and was drawn over the rows below it.
                    interface::grid_row(ui, engine, &tr!("export-format"), true, |ui, engine| {
                        ui.vertical(|ui| {
                            for (format, name) in formats {
                                interface::radio_value(ui, engine, &mut self.format, format, &name);
                            }
                        })
                        .response
                    });
                    if matches!(self.format, Format::Conll | Format::Hf) {
                        interface::grid_row(ui, engine, &tr!("export-tags"), true, |ui, engine| {
                            ui.horizontal(|ui| {
                                in_order(
                                    ui,
                                    engine,
                                    &mut self.scheme,
                                    [
                                        (Scheme::Iob2, "IOB2".to_owned()),
                                        (Scheme::Bioes, "BIOES".to_owned()),
                                    ],
                                );
                                ui.separator();
                                in_order(
                                    ui,
                                    engine,
                                    &mut self.align,
                                    [
                                        (Align::Split, tr!("export-align-split")),
                                        (Align::Expand, tr!("export-align-expand")),
                                        (Align::Contract, tr!("export-align-contract")),
                                    ],
                                );
                            })
                            .response
                        });
                    }
                    if self.format == Format::Jsonl {
                        interface::grid_row(
                            ui,
                            engine,
                            &tr!("export-offsets"),
                            true,
                            |ui, engine| {
                                ui.horizontal(|ui| {
                                    in_order(
                                        ui,
                                        engine,
                                        &mut self.offset_unit,
                                        [
                                            (
                                                OffsetUnit::Codepoint,
                                                tr!("export-offsets-code-points"),
                                            ),
                                            (OffsetUnit::Utf16, tr!("export-offsets-utf16")),
                                        ],
                                    );
                                })
                                .response
                            },
                        );
                    }
                    interface::grid_row(ui, engine, &tr!("export-statuses"), true, |ui, engine| {
                        ui.horizontal(|ui| {
                            let mut all = Status::ALL;
                            if i18n::is_rtl() {
                                all.reverse();
                            }
                            for status in all {
                                let mut on = self.statuses.contains(&status);
                                if interface::checkbox(ui, engine, &mut on, &status_name(status))
                                    .changed()
                                {
                                    self.statuses.retain(|s| *s != status);
                                    if on {
                                        self.statuses.push(status);
                                    }
                                }
                            }
                        })
                        .response
                    });
                    interface::grid_row(ui, engine, &tr!("export-split"), true, |ui, engine| {
                        ui.horizontal(|ui| {
                            // The seed, then the split: in Arabic the split comes first at
                            // the right, as its caption does.
                            // The engine's field: the split may be typed in Arabic-Indic
                            // digits, which egui's own field would draw in reverse.
                            let split =
                                |ui: &mut egui::Ui, engine: &mut TextEngine, split: &mut String| {
                                    let id = ui.make_persistent_id("taliq-export-split");
                                    let hint =
                                        i18n::localize_digits("80/10/10", i18n::catalog().digits());
                                    BidiField::new(split, id)
                                        .hint(&hint)
                                        .desired_width(90.0)
                                        .show(ui, engine)
                                };
                            let seed =
                                |ui: &mut egui::Ui, engine: &mut TextEngine, seed: &mut u64| {
                                    let name = tr!("export-seed");
                                    let caption = interface::label(ui, engine, &name);
                                    // The engine's number field: egui's own would draw
                                    // Arabic-Indic digits in reverse.
                                    #[expect(
                                        clippy::cast_precision_loss,
                                        reason = "seeds typed by hand are far below 2^53"
                                    )]
                                    let shown = *seed as f64;
                                    let (field, typed) = numbers::number_field(
                                        ui,
                                        engine,
                                        &name,
                                        shown,
                                        (0.0..=SEED_MAX, 0),
                                        80.0,
                                    );
                                    field.labelled_by(caption.id);
                                    if let Some(typed) = typed {
                                        #[expect(
                                            clippy::cast_sign_loss,
                                            clippy::cast_possible_truncation,
                                            reason = "the field keeps it in 0 to SEED_MAX"
                                        )]
                                        let typed = typed.round() as u64;
                                        *seed = typed;
                                    }
                                };
                            if i18n::is_rtl() {
                                seed(ui, engine, &mut self.seed);
                                split(ui, engine, &mut self.split)
                            } else {
                                let field = split(ui, engine, &mut self.split);
                                seed(ui, engine, &mut self.seed);
                                field
                            }
                        })
                        .inner
                    });
                    interface::grid_row(ui, engine, &tr!("export-write-to"), true, |ui, engine| {
                        // A path may be Arabic: a bidi field.
                        BidiField::new(&mut self.out, egui::Id::unique("taliq-export-out"))
                            .hint(&tr!("export-write-to-hint"))
                            .desired_width(300.0)
                            .show(ui, engine)
                    });
                });
        });
        interface::checkbox(ui, engine, &mut self.force, &tr!("export-replace"));
        self.run_and_report(ui, corpus, engine);
    }

    /// The export button, or the progress bar while it runs, then what the export said.
    fn run_and_report(&mut self, ui: &mut egui::Ui, corpus: &Corpus, engine: &mut TextEngine) {
        if let Some(fraction) = self.poll() {
            ui.add(egui::ProgressBar::new(fraction));
            let percent = (fraction * 100.0).round();
            interface::label(ui, engine, &tr!("export-progress", percent = percent));
            ui.ctx().request_repaint();
        } else if interface::button(ui, engine, &tr!("export-run")).clicked() {
            if let Err(e) = self.start(corpus) {
                self.result = Some(Err(e));
            }
            ui.ctx().request_repaint();
        }
        match &self.result {
            Some(Ok(losses)) if losses.is_empty() => {
                interface::label(ui, engine, &tr!("export-done-exactly"));
            }
            Some(Ok(losses)) => {
                let line = tr!("export-done-with-losses", count = losses.len());
                interface::label(ui, engine, &line);
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .show(ui, |ui| {
                        // Each loss quotes its span's text, which is Arabic: the engine
                        // draws it.
                        for loss in losses {
                            crate::app::widgets::engine_label(ui, engine, &loss.worded());
                        }
                    });
            }
            Some(Err(e)) => {
                let color = ui.visuals().error_fg_color;
                // Wrapped at the window's width: a path or a reason may be long.
                let size = egui::TextStyle::Body.resolve(ui.style()).size;
                let width = ui.available_width();
                crate::app::widgets::text_block(ui, engine, e, &[], size, width, color);
            }
            None => {}
        }
    }
}

/// A status as the export dialog names it.
fn status_name(status: Status) -> String {
    match status {
        Status::New => tr!("export-status-new"),
        Status::InProgress => tr!("export-status-in-progress"),
        Status::Done => tr!("export-status-done"),
        Status::Reviewed => tr!("export-status-reviewed"),
    }
}

/// Choices of a set side by side, the first at the leading edge (a grid's cell runs left to
/// right, so in Arabic the row is drawn from its end).
fn in_order<T: PartialEq + Copy, const N: usize>(
    ui: &mut egui::Ui,
    engine: &mut TextEngine,
    current: &mut T,
    mut choices: [(T, String); N],
) {
    if i18n::is_rtl() {
        choices.reverse();
    }
    for (value, text) in choices {
        interface::selectable_value(ui, engine, current, value, &text);
    }
}
