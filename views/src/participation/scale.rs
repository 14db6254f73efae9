//! The words for a position on a goal conflict's scale, shared by the widget and the plain form.

use mitreden_core::{GoalConflict, Lang};

use super::texts::{text, Key};
use crate::i18n::fill;

/// The label of step `v` on `conflict`'s scale `-half..=half` (negative: towards the left goal):
/// "Ganz: …", "Überwiegend: …" (7 steps only), "Eher: …", "Ausgewogen zwischen beiden".
pub fn scale_label(lang: Lang, conflict: &GoalConflict, half: i8, v: i8) -> String {
    let goal = if v < 0 {
        conflict.left.get(lang)
    } else {
        conflict.right.get(lang)
    };
    let key = match (v.unsigned_abs(), half) {
        (0, _) => Key::ScaleBalanced,
        (d, h) if d == h.unsigned_abs() => Key::ScaleFully,
        (2, 3) => Key::ScaleMostly,
        _ => Key::ScaleRather,
    };
    fill(text(lang, key), &[("goal", goal)])
}
