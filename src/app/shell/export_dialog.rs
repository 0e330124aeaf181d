//! File → Export…: the export of the open corpus in another tool's format, run on a worker
//! thread with a progress bar, ending with what could not be kept.

use crate::app::widgets::TextEngine;
use crate::app::widgets::bidi_field::BidiField;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use crate::interchange::{
    Align, ExportError, Filter, Format, Loss, OffsetUnit, Options, Scheme, Split,
    export_to_with_progress,
};
use crate::model::{Corpus, Status};

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
            return Err("choose where to write the export".to_owned());
        }
        let split = match self.split.trim() {
            "" => None,
            text => Some(
                text.parse::<Split>()
                    .map_err(|e| format!("split {text:?}: {e}"))?,
            ),
        };
        let filter = Filter {
            statuses: self.statuses.clone(),
            annotator: None,
        };
        let documents = filter.apply(corpus);
        if documents.is_empty() {
            return Err("no document has the chosen statuses".to_owned());
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
            .map_err(|e| format!("cannot start the export: {e}"))?;
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
            Ok(result) => result.map_err(|e| e.to_string()),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                Err(format!(
                    "the export stopped on a bug ({why}); your annotations are untouched and \
                     every file it wrote is complete"
                ))
            }
        });
        None
    }

    /// Draws the dialog window; whether it stays open (its close button).
    pub fn show(&mut self, ctx: &egui::Context, corpus: &Corpus, engine: &mut TextEngine) -> bool {
        let mut open = true;
        // Below the menu bar and the file row, not over them.
        let top = egui::pos2(ctx.content_rect().center().x, 90.0);
        egui::Window::new("Export")
            .open(&mut open)
            .collapsible(false)
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(top)
            .show(ctx, |ui| self.contents(ui, corpus, engine));
        open
    }

    fn contents(&mut self, ui: &mut egui::Ui, corpus: &Corpus, engine: &mut TextEngine) {
        let formats = [
            (Format::Jsonl, "jsonl (spaCy, HF datasets)"),
            (Format::Conll, "CoNLL"),
            (Format::Hf, "HF token classification"),
            (Format::Brat, "brat"),
            (Format::LabelStudio, "Label Studio"),
            (Format::Doccano, "doccano (UTF-16 offsets)"),
        ];
        egui::Grid::new("export-options")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("format");
                // One choice a line: a wrapped row inside a grid cell is measured a frame
                // late and was drawn over the rows below it.
                ui.vertical(|ui| {
                    for (format, name) in formats {
                        ui.radio_value(&mut self.format, format, name);
                    }
                });
                ui.end_row();
                if matches!(self.format, Format::Conll | Format::Hf) {
                    ui.label("tags");
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut self.scheme, Scheme::Iob2, "IOB2");
                        ui.selectable_value(&mut self.scheme, Scheme::Bioes, "BIOES");
                        ui.separator();
                        ui.selectable_value(&mut self.align, Align::Split, "split clitics");
                        ui.selectable_value(&mut self.align, Align::Expand, "expand");
                        ui.selectable_value(&mut self.align, Align::Contract, "contract");
                    });
                    ui.end_row();
                }
                if self.format == Format::Jsonl {
                    ui.label("offsets");
                    ui.horizontal(|ui| {
                        ui.selectable_value(
                            &mut self.offset_unit,
                            OffsetUnit::Codepoint,
                            "code points",
                        );
                        ui.selectable_value(
                            &mut self.offset_unit,
                            OffsetUnit::Utf16,
                            "UTF-16 (JavaScript)",
                        );
                    });
                    ui.end_row();
                }
                ui.label("statuses");
                ui.horizontal(|ui| {
                    for status in Status::ALL {
                        let mut on = self.statuses.contains(&status);
                        if ui.checkbox(&mut on, status.as_str()).changed() {
                            self.statuses.retain(|s| *s != status);
                            if on {
                                self.statuses.push(status);
                            }
                        }
                    }
                });
                ui.end_row();
                let caption = ui.label("split");
                ui.horizontal(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.split)
                            .hint_text("80/10/10 or empty")
                            .desired_width(90.0),
                    )
                    .labelled_by(caption.id);
                    ui.add(egui::DragValue::new(&mut self.seed).prefix("seed "));
                });
                ui.end_row();
                let caption = ui.label("write to");
                // A path may be Arabic: a bidi field.
                BidiField::new(&mut self.out, egui::Id::unique("taliq-export-out"))
                    .hint("file or folder")
                    .desired_width(300.0)
                    .show(ui, engine)
                    .labelled_by(caption.id);
                ui.end_row();
            });
        ui.checkbox(&mut self.force, "replace existing output");
        self.run_and_report(ui, corpus);
    }

    /// The export button, or the progress bar while it runs, then what the export said.
    fn run_and_report(&mut self, ui: &mut egui::Ui, corpus: &Corpus) {
        if let Some(fraction) = self.poll() {
            ui.add(egui::ProgressBar::new(fraction).show_percentage());
            ui.ctx().request_repaint();
        } else if ui.button("export").clicked() {
            if let Err(e) = self.start(corpus) {
                self.result = Some(Err(e));
            }
            ui.ctx().request_repaint();
        }
        match &self.result {
            Some(Ok(losses)) if losses.is_empty() => {
                ui.label("exported; every span kept exactly");
            }
            Some(Ok(losses)) => {
                ui.label(format!(
                    "exported; {} spans not kept exactly:",
                    losses.len()
                ));
                egui::ScrollArea::vertical()
                    .max_height(160.0)
                    .show(ui, |ui| {
                        for loss in losses {
                            ui.label(loss.to_string());
                        }
                    });
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    }
}
