//! The fonts taliq draws with: bundled OFL fonts first, system fonts as fallback.

/// Noto Naskh Arabic Regular (SIL OFL 1.1), the primary font for Arabic text.
pub const NOTO_NASKH_ARABIC: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Sans Regular (SIL OFL 1.1), for Latin text and digits.
pub const NOTO_SANS: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");

/// Family name of the bundled Arabic font.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";
/// Family name of the bundled Latin font, for interface text the engine draws (tooltips,
/// names); its Arabic letters come from the Arabic font by fallback.
pub const UI_FAMILY: &str = "Noto Sans";

/// A font database holding only the bundled fonts, so that results do not depend on the machine.
pub fn bundled_database() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    db.load_font_data(NOTO_NASKH_ARABIC.to_vec());
    db.load_font_data(NOTO_SANS.to_vec());
    db
}

/// The bundled fonts followed by the system's, for characters the bundled ones lack.
pub fn database_with_system_fallback() -> fontdb::Database {
    let mut db = bundled_database();
    db.load_system_fonts();
    db
}

/// A cosmic-text font system over the bundled fonts, plus the system's when `with_system_fonts`.
///
/// Tests use the bundled fonts alone so that their results do not depend on the machine.
pub fn font_system(with_system_fonts: bool) -> cosmic_text::FontSystem {
    let db = if with_system_fonts {
        database_with_system_fallback()
    } else {
        bundled_database()
    };
    cosmic_text::FontSystem::new_with_locale_and_db("ar".to_owned(), db)
}

/// The families of `db` that can draw Arabic letters (the reading options' font list), the
/// bundled one first, then by name.
pub fn arabic_families(db: &fontdb::Database) -> Vec<String> {
    let mut names: Vec<String> = db
        .faces()
        .filter(|face| {
            db.with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .is_ok_and(|f| ['ب', 'ل', 'ا'].iter().all(|&c| f.glyph_index(c).is_some()))
            })
            .unwrap_or(false)
        })
        .filter_map(|face| face.families.first().map(|(name, _)| name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names.retain(|n| n != ARABIC_FAMILY);
    names.insert(0, ARABIC_FAMILY.to_owned());
    names
}

/// `family` as a name that lives as long as the program, for [`crate::text::layout::LayoutConfig`]
/// (which is `Copy`): each name is kept once, and a window chooses among a few.
pub fn family_name(family: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, PoisonError};
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    if family == ARABIC_FAMILY {
        return ARABIC_FAMILY;
    }
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(name) = names.get(family) {
        return name;
    }
    let name: &'static str = Box::leak(family.to_owned().into_boxed_str());
    names.insert(name);
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_load_and_cover_arabic_and_quotes() {
        let db = bundled_database();
        let faces: Vec<_> = db.faces().collect();
        assert_eq!(faces.len(), 2);
        let arabic = faces
            .iter()
            .find(|f| f.families.iter().any(|(name, _)| name == ARABIC_FAMILY))
            .expect("Noto Naskh Arabic is bundled");
        let covers = |c: char| {
            db.with_face_data(arabic.id, |data, index| ttf_parser_glyph(data, index, c))
                .unwrap_or(false)
        };
        for c in ['ب', 'ل', 'ا', '\u{064E}', '“', '”', '،', '٣'] {
            assert!(covers(c), "Noto Naskh Arabic lacks {c:?}");
        }
    }

    #[test]
    fn the_bundled_arabic_family_is_listed_first_and_names_are_kept_once() {
        let families = arabic_families(&bundled_database());
        assert_eq!(families, [ARABIC_FAMILY], "Noto Sans has no Arabic");
        let a = family_name("Amiri");
        let b = family_name(&String::from("Amiri"));
        assert!(std::ptr::eq(a, b));
        assert_eq!(family_name(ARABIC_FAMILY), ARABIC_FAMILY);
    }

    fn ttf_parser_glyph(data: &[u8], index: u32, c: char) -> bool {
        ttf_parser::Face::parse(data, index).is_ok_and(|face| face.glyph_index(c).is_some())
    }
}
