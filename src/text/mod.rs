//! Text: fonts now; shaping, bidi layout and hit-testing to come. Knows nothing of labels.

pub mod fonts;
pub mod shape;
