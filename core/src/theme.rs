//! A ministry's look: an accent colour, a font and a corner radius, passed to the widget through
//! the embed attributes `data-accent`, `data-font` and `data-radius` and to the public results
//! page as `accent`, `font` and `radius` in its address. Values are checked: an accent colour is
//! used only if white text on it (and it as text on white) keeps a contrast of at least 4.5:1,
//! so theming can never make the widget inaccessible.

/// Validated theme values; `None` keeps the widget's default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    pub accent: Option<String>,
    pub font: Option<String>,
    pub radius: Option<String>,
}

/// WCAG 2.1 AA contrast for normal text.
const MIN_CONTRAST: f64 = 4.5;

impl Theme {
    pub fn parse(accent: Option<&str>, font: Option<&str>, radius: Option<&str>) -> Self {
        Self {
            accent: accent.and_then(accent_colour),
            font: font.and_then(font_family),
            radius: radius.and_then(radius_length),
        }
    }
}

/// `#rgb` or `#rrggbb` with enough contrast against white.
pub fn accent_colour(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let full: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    let channel = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
    let rgb = [channel(0)?, channel(2)?, channel(4)?];
    (contrast_with_white(rgb) >= MIN_CONTRAST).then(|| format!("#{}", full.to_ascii_lowercase()))
}

/// The WCAG contrast ratio of a colour against white.
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    1.05 / (luminance + 0.05)
}

/// A font-family list of names only: letters, digits, spaces, commas, hyphens and quotes.
pub fn font_family(s: &str) -> Option<String> {
    let s = s.trim();
    let safe = !s.is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '\'' | '"'));
    safe.then(|| s.to_owned())
}

/// A length from 0 to 2rem (or 32px/2em).
pub fn radius_length(s: &str) -> Option<String> {
    let s = s.trim();
    let (number, limit) = if let Some(n) = s.strip_suffix("rem") {
        (n, 2.0)
    } else if let Some(n) = s.strip_suffix("em") {
        (n, 2.0)
    } else if let Some(n) = s.strip_suffix("px") {
        (n, 32.0)
    } else {
        return None;
    };
    let value: f64 = number.parse().ok()?;
    ((0.0..=limit).contains(&value)).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_values_are_checked_so_pages_stay_readable() {
        assert_eq!(accent_colour("#004B76").as_deref(), Some("#004b76"));
        assert_eq!(accent_colour("#06c").as_deref(), Some("#0066cc"));
        // White text on these would be unreadable: the default stays.
        assert_eq!(accent_colour("#ffcc00"), None);
        assert_eq!(accent_colour("#777777"), None);
        assert_eq!(accent_colour("red"), None);
        assert_eq!(
            font_family("Georgia, 'Times New Roman', serif").as_deref(),
            Some("Georgia, 'Times New Roman', serif")
        );
        assert_eq!(font_family("x; } body { display: none"), None);
        assert_eq!(radius_length("6px").as_deref(), Some("6px"));
        assert_eq!(radius_length("3rem"), None);
        assert_eq!(radius_length("calc(1px)"), None);
    }
}
