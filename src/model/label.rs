//! Labels: the entity types annotators give to spans.

use std::fmt;
use std::str::FromStr;

use super::Extra;

/// An sRGB colour written `#rrggbb`, used to tint a label's spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color(pub [u8; 3]);

impl FromStr for Color {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let hex = s
            .strip_prefix('#')
            .filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| format!("colour {s:?} is not of the form #rrggbb"))?;
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string());
        Ok(Self([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// A label an annotator can give to a span, with how it is shown and typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Unique name, e.g. `PER`; spans refer to their label by it.
    pub name: String,
    /// Colour of the label's highlights.
    pub color: Color,
    /// Hotkey that applies the label to the selection.
    pub key: Option<char>,
    /// What the label is for, often in Arabic (shown on hover).
    pub description: Option<String>,
    /// Fields taliq does not know, kept as read.
    pub extra: Extra,
}

impl Label {
    /// Builds a label with a name, colour, hotkey and description and no extra fields.
    pub fn new(name: &str, color: Color, key: Option<char>, description: Option<&str>) -> Self {
        Self {
            name: name.to_owned(),
            color,
            key,
            description: description.map(str::to_owned),
            extra: Extra::new(),
        }
    }

    /// The default label set of new corpora: PER, ORG, LOC, DATE, MISC on hotkeys 1–5.
    pub fn default_set() -> Vec<Self> {
        [
            ("PER", '1', "شخص"),
            ("ORG", '2', "منظمة"),
            ("LOC", '3', "مكان"),
            ("DATE", '4', "تاريخ"),
            ("MISC", '5', "متفرقات"),
        ]
        .into_iter()
        .zip(PALETTE)
        .map(|((name, key, description), rgb)| {
            Self::new(name, Color(rgb), Some(key), Some(description))
        })
        .collect()
    }
}

/// The label colours, in the order labels get them: the default set's five, then more of
/// the same distinct palette (Sasha Trubetskoy's). A label read without a `color`, or made by
/// an import, gets the first one no other label has.
pub const PALETTE: [[u8; 3]; 13] = [
    [0xe6, 0x19, 0x4b],
    [0x43, 0x63, 0xd8],
    [0x3c, 0xb4, 0x4b],
    [0xf5, 0x82, 0x31],
    [0x91, 0x1e, 0xb4],
    [0x42, 0xd4, 0xf4],
    [0xf0, 0x32, 0xe6],
    [0xbf, 0xef, 0x45],
    [0xfa, 0xbe, 0xd4],
    [0x46, 0x99, 0x90],
    [0xdc, 0xbe, 0xff],
    [0x9a, 0x63, 0x24],
    [0x80, 0x00, 0x00],
];

/// The first palette colour none of `taken` has (past the palette, they repeat in order).
pub fn next_palette_color(taken: &[Color]) -> Color {
    PALETTE
        .iter()
        .map(|rgb| Color(*rgb))
        .find(|c| !taken.contains(c))
        .unwrap_or(Color(PALETTE[taken.len() % PALETTE.len()]))
}

/// A relation type's colour when none is given: the first palette colour that neither a
/// span label (`labels`) nor another relation type (`relations`) has, so that an arc is
/// never mistaken for a span of the label with its colour.
pub fn relation_palette_color(labels: &[Color], relations: &[Color]) -> Color {
    let taken: Vec<Color> = labels.iter().chain(relations).copied().collect();
    next_palette_color(&taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_without_a_colour_get_the_first_free_palette_colour() {
        let taken: Vec<Color> = Label::default_set().iter().map(|l| l.color).collect();
        assert_eq!(next_palette_color(&taken), Color(PALETTE[5]));
        assert_eq!(next_palette_color(&[Color(PALETTE[0])]), Color(PALETTE[1]));
        let all: Vec<Color> = PALETTE.iter().map(|c| Color(*c)).collect();
        assert_eq!(
            next_palette_color(&all),
            Color(PALETTE[0]),
            "then they repeat"
        );
    }

    #[test]
    fn colour_round_trips_and_rejects_bad_forms() {
        let c: Color = "#E6194b".parse().unwrap();
        assert_eq!(c, Color([0xe6, 0x19, 0x4b]));
        assert_eq!(c.to_string(), "#e6194b");
        for bad in ["e6194b", "#e6194", "#e6194bb", "#g6194b", "#ـ6194"] {
            assert!(bad.parse::<Color>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_relation_type_without_a_colour_takes_none_of_the_labels() {
        let labels: Vec<Color> = Label::default_set().iter().map(|l| l.color).collect();
        let first = relation_palette_color(&labels, &[]);
        assert!(!labels.contains(&first));
        let second = relation_palette_color(&labels, &[first]);
        assert!(!labels.contains(&second) && second != first);
    }

    #[test]
    fn default_set_has_unique_names_and_keys() {
        let set = Label::default_set();
        let names: std::collections::HashSet<_> = set.iter().map(|l| &l.name).collect();
        let keys: std::collections::HashSet<_> = set.iter().map(|l| l.key).collect();
        assert_eq!(names.len(), 5);
        assert_eq!(keys.len(), 5);
    }
}
