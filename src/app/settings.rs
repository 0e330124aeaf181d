//! What the window remembers between runs (eframe's storage): the annotator's name, the
//! recent files, the reading options, the panels, the annotator chosen in each project.
//! The panels' widths and which of their sections are folded are in egui's memory, which
//! eframe saves itself.

use super::i18n::{Digits, Language, locale};
use super::{TaliqApp, project, shell::reading};

/// Where the annotator's name is remembered between runs (eframe storage).
const USER_KEY: &str = "taliq.annotator";
/// Where the recent files are remembered between runs (eframe storage).
const RECENT_KEY: &str = "taliq.recent";
/// The settings key of [`super::Panels`].
const PANELS_KEY: &str = "taliq-panels";
/// Where the interface's language and digits are remembered.
const INTERFACE_KEY: &str = "taliq.interface";

/// The interface's language and digits as remembered.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Interface {
    language: Language,
    digits: Digits,
}

impl TaliqApp {
    /// Writes what is remembered between runs: the annotator's name, the recent files, the
    /// reading options.
    pub fn save_settings(&self, storage: &mut dyn eframe::Storage) {
        if let Some(user) = &self.state.prefs.user {
            storage.set_string(USER_KEY, user.clone());
        }
        let recent: Vec<String> = self
            .recent
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        if let Ok(json) = serde_json::to_string(&recent) {
            storage.set_string(RECENT_KEY, json);
        }
        if let Ok(json) = serde_json::to_string(&self.reading) {
            storage.set_string(reading::READING_KEY, json);
        }
        if let Ok(json) = serde_json::to_string(&self.panels) {
            storage.set_string(PANELS_KEY, json);
        }
        let interface = Interface {
            language: self.state.prefs.language,
            digits: self.state.prefs.digits,
        };
        if let Ok(json) = serde_json::to_string(&interface) {
            storage.set_string(INTERFACE_KEY, json);
        }
        let mut chosen = remembered_annotators(storage);
        for (dir, name) in &self.state.prefs.project_annotators {
            chosen.insert(dir.clone(), name.clone().into());
        }
        if !chosen.is_empty() {
            storage.set_string(
                project::PROJECT_ANNOTATORS_KEY,
                serde_json::Value::Object(chosen).to_string(),
            );
        }
    }

    /// Takes back what [`Self::save_settings`] wrote in an earlier run; whether it held the
    /// interface's language.
    pub fn load_settings(&mut self, storage: &dyn eframe::Storage) -> bool {
        let interface: Option<Interface> = storage
            .get_string(INTERFACE_KEY)
            .and_then(|json| serde_json::from_str(&json).ok());
        if let Some(interface) = interface {
            self.state.prefs.language = interface.language;
            self.state.prefs.digits = interface.digits;
        }
        if let Some(user) = storage.get_string(USER_KEY) {
            self.state.prefs.user = Some(user);
        }
        if let Some(recent) = storage.get_string(RECENT_KEY) {
            let paths: Vec<String> = serde_json::from_str(&recent).unwrap_or_default();
            self.recent = paths.into_iter().map(std::path::PathBuf::from).collect();
        }
        if let Some(json) = storage.get_string(reading::READING_KEY) {
            self.reading = reading::ReadingOptions::from_json(&json);
        }
        if let Some(panels) = storage
            .get_string(PANELS_KEY)
            .and_then(|json| serde_json::from_str(&json).ok())
        {
            self.panels = panels;
        }
        // The project's annotator chosen last time opens at once (until then, `user` is
        // whatever name this machine used last).
        for (dir, name) in remembered_annotators(storage) {
            if let Some(name) = name.as_str() {
                self.state
                    .prefs
                    .project_annotators
                    .insert(dir, name.to_owned());
            }
        }
        let remembered = self
            .state
            .project
            .as_ref()
            .and_then(|mode| {
                self.state
                    .prefs
                    .project_annotators
                    .get(&mode.dir.display().to_string())
            })
            .cloned();
        if let Some(name) = remembered
            && let Err(e) = self.state.join_project(&name)
        {
            self.state.say(e);
        }
        interface.is_some()
    }

    /// The interface's language at start: `TALIQ_LANG` when set, else the one remembered,
    /// else the system's locale's (`get` reads the environment).
    pub fn choose_language(&mut self, remembered: bool, get: impl Fn(&str) -> Option<String>) {
        let prefs = &mut self.state.prefs;
        let remembered = remembered.then_some((prefs.language, prefs.digits));
        (prefs.language, prefs.digits) = starting_interface(remembered, get);
        super::i18n::set_locale(prefs.language, prefs.digits);
    }
}

/// The language and digits the interface starts in: `TALIQ_LANG`'s language when set (with
/// the remembered digits if it is the remembered language, else its own), else the
/// remembered ones, else the system locale's (`get` reads the environment).
pub(crate) fn starting_interface(
    remembered: Option<(Language, Digits)>,
    get: impl Fn(&str) -> Option<String>,
) -> (Language, Digits) {
    match (locale::overridden(&get), remembered) {
        (Some(language), Some((was, digits))) if language == was => (language, digits),
        (Some(language), _) => (language, language.default_digits()),
        (None, Some(remembered)) => remembered,
        (None, None) => {
            let language = locale::system_language(&get);
            (language, language.default_digits())
        }
    }
}

/// The interface remembered in the text of eframe's settings file (`app.ron` in the data
/// folder: a RON map of keys to strings), read before the window exists so that what is said
/// while the window is being made is said in the remembered language; `None` when the text
/// is not such a file or holds no interface.
pub(crate) fn remembered_interface(app_ron: &str) -> Option<(Language, Digits)> {
    let settings: std::collections::HashMap<String, String> = ron::from_str(app_ron).ok()?;
    let interface: Interface = serde_json::from_str(settings.get(INTERFACE_KEY)?).ok()?;
    Some((interface.language, interface.digits))
}

/// Which annotator was chosen in each project folder, as saved by [`TaliqApp::save_settings`].
fn remembered_annotators(
    storage: &dyn eframe::Storage,
) -> serde_json::Map<String, serde_json::Value> {
    storage
        .get_string(project::PROJECT_ANNOTATORS_KEY)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// eframe's settings file as eframe writes it (a pretty RON map of keys to strings).
    fn app_ron(entries: &[(&str, String)]) -> String {
        let map: std::collections::HashMap<String, String> = entries
            .iter()
            .map(|(key, value)| ((*key).to_owned(), value.clone()))
            .collect();
        ron::ser::to_string_pretty(&map, ron::ser::PrettyConfig::default()).unwrap()
    }

    fn interface(language: Language, digits: Digits) -> String {
        serde_json::to_string(&Interface { language, digits }).unwrap()
    }

    fn environment<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn the_remembered_interface_is_read_from_eframes_settings_file() {
        let text = app_ron(&[
            (USER_KEY, "أمل".to_owned()),
            (INTERFACE_KEY, interface(Language::Arabic, Digits::Western)),
            (RECENT_KEY, r#"["/tmp/مقالات.json"]"#.to_owned()),
        ]);
        assert_eq!(
            remembered_interface(&text),
            Some((Language::Arabic, Digits::Western))
        );
    }

    #[test]
    fn a_settings_file_without_an_interface_or_broken_remembers_none() {
        assert_eq!(
            remembered_interface(&app_ron(&[(USER_KEY, "amal".into())])),
            None
        );
        assert_eq!(remembered_interface(""), None);
        assert_eq!(remembered_interface("{\"taliq.interface\": 3"), None);
        let bad_json = app_ron(&[(INTERFACE_KEY, "{\"language\":\"klingon\"}".into())]);
        assert_eq!(remembered_interface(&bad_json), None);
    }

    #[test]
    fn the_starting_interface_is_the_override_then_the_remembered_then_the_locale() {
        let arabic_western = Some((Language::Arabic, Digits::Western));
        let english_locale = [("LANG", "en_US.UTF-8")];
        assert_eq!(
            starting_interface(arabic_western, environment(&english_locale)),
            (Language::Arabic, Digits::Western),
            "the remembered language wins over the locale"
        );
        assert_eq!(
            starting_interface(arabic_western, environment(&[("TALIQ_LANG", "en")])),
            (Language::English, Digits::Western),
            "TALIQ_LANG wins over the remembered language"
        );
        assert_eq!(
            starting_interface(arabic_western, environment(&[("TALIQ_LANG", "ar")])),
            (Language::Arabic, Digits::Western),
            "TALIQ_LANG naming the remembered language keeps its digits"
        );
        assert_eq!(
            starting_interface(None, environment(&[("LANG", "ar_EG.UTF-8")])),
            (Language::Arabic, Digits::ArabicIndic),
            "nothing remembered: the locale's language with its own digits"
        );
        assert_eq!(
            starting_interface(None, environment(&[])),
            (Language::English, Digits::Western)
        );
    }
}
