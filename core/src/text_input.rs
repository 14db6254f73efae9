//! Free text from participants: checked and cleaned the same way everywhere.

/// What is wrong with a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    Missing,
    TooLong { max: usize },
    ControlCharacters,
}

/// Trims and (with the `normalize` feature) NFC-normalises `raw`; refuses control characters
/// other than line breaks and tabs, and texts longer than `max` characters. `None` if nothing
/// is left.
pub fn clean(raw: &str, max: usize) -> Result<Option<String>, TextProblem> {
    if raw
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(TextProblem::ControlCharacters);
    }
    #[cfg(feature = "normalize")]
    let text: String = unicode_normalization::UnicodeNormalization::nfc(raw.trim()).collect();
    #[cfg(not(feature = "normalize"))]
    let text: String = raw.trim().to_owned();
    if length(&text) > max {
        return Err(TextProblem::TooLong { max });
    }
    Ok((!text.is_empty()).then_some(text))
}

/// How long `raw` counts against a limit: its characters (Unicode scalar values, so an emoji
/// is one, not two as in an HTML `maxlength`) without the spaces around it. [`clean`]'s
/// normalisation only ever makes a text shorter, so a text within the limit here passes there.
pub fn length(raw: &str) -> usize {
    raw.trim().chars().count()
}

/// By how many characters `raw` goes over `max` (0 if it does not).
pub fn excess(raw: &str, max: usize) -> usize {
    length(raw).saturating_sub(max)
}

/// Like [`clean`] for a text that must not be empty.
pub fn required(raw: &str, max: usize) -> Result<String, TextProblem> {
    clean(raw, max)?.ok_or(TextProblem::Missing)
}

/// Like [`clean`] for an optional field.
pub fn optional(raw: Option<&str>, max: usize) -> Result<Option<String>, TextProblem> {
    raw.map_or(Ok(None), |r| clean(r, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_checked() {
        assert_eq!(clean("  Hallo \n", 10), Ok(Some("Hallo".into())));
        assert_eq!(clean("   ", 10), Ok(None));
        assert_eq!(required(" ", 10), Err(TextProblem::Missing));
        assert_eq!(clean("zu lang", 3), Err(TextProblem::TooLong { max: 3 }));
        assert_eq!(clean("a\u{0}b", 10), Err(TextProblem::ControlCharacters));
        assert_eq!(
            clean("Zeile 1\nZeile 2\tx", 20),
            Ok(Some("Zeile 1\nZeile 2\tx".into()))
        );
    }

    #[test]
    fn the_limit_counts_characters_not_utf16_units_nor_the_spaces_around() {
        assert_eq!(length("  Tschüss 👋\n"), 9);
        assert_eq!(excess("👋👋👋", 3), 0);
        assert_eq!(excess(" 👋👋👋👋 ", 3), 1);
        assert_eq!(clean("👋👋👋", 3), Ok(Some("👋👋👋".into())));
    }

    #[cfg(feature = "normalize")]
    #[test]
    fn text_is_nfc_normalised() {
        assert_eq!(clean("Cafe\u{301}", 10), Ok(Some("Caf\u{e9}".into())));
    }
}
