//! Geometry and colours shared by the charts.

/// Width of every chart's drawing, in SVG units; charts scale to their box.
pub const WIDTH: f64 = 360.0;
/// Font size of labels, in SVG units.
pub const FONT: f64 = 11.0;
/// Height of one line of label text.
pub const LINE: f64 = 14.0;
/// Text colour (contrast 16:1 on white).
pub const INK: &str = "#1b1b1b";
/// Secondary text and axes (contrast 7:1 on white).
pub const MUTED: &str = "#4a4a4a";
/// Grid lines.
pub const GRID: &str = "#c4c4c4";
/// The default accent, the widget's primary colour.
pub const ACCENT: &str = "#004b76";
/// The font stack of every chart, the same as the pages'.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/// Breaks `text` into lines of at most `width` characters at spaces, at most `max_lines`
/// lines (the last one shortened with "…").
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // A word longer than a line (German compounds) is broken with a hyphen.
    let width = width.max(3);
    let words = text.split_whitespace().flat_map(|word| {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() <= width {
            return vec![word.to_owned()];
        }
        let chunks: Vec<String> = chars
            .chunks(width - 1)
            .map(|c| c.iter().collect())
            .collect();
        let last = chunks.len() - 1;
        chunks
            .into_iter()
            .enumerate()
            .map(|(i, c)| if i < last { format!("{c}-") } else { c })
            .collect()
    });
    for word in words {
        let fits = current.chars().count() + 1 + word.chars().count() <= width;
        if !current.is_empty() && !fits {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = &mut lines[max_lines - 1];
        let kept: String = last.chars().take(width.saturating_sub(1)).collect();
        *last = format!("{}…", kept.trim_end());
    }
    lines
}

/// Characters of label text that fit in `units` of width (an average glyph of the wider
/// fallback fonts is ~0.6 em).
pub fn chars_in(units: f64) -> usize {
    ((units / (FONT * 0.6)).floor() as usize).max(4)
}

/// `x` rounded for attributes.
pub fn n(x: f64) -> String {
    format!("{:.1}", x)
}

/// Black or white, whichever reads better on the hex colour `background`.
pub fn ink_on(background: &str) -> &'static str {
    let hex = background.trim_start_matches('#');
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255))
            / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    // Contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05).
    if (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) {
        INK
    } else {
        "#ffffff"
    }
}

/// A shade between `dark` (t = 0) and white (t = 1), as hex.
pub fn shade(dark: &str, t: f64) -> String {
    let hex = dark.trim_start_matches('#');
    let channel = |i: usize| {
        f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0))
    };
    let mix = |c: f64| (c + (255.0 - c) * t.clamp(0.0, 1.0)).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(0)),
        mix(channel(2)),
        mix(channel(4))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_at_spaces_and_shorten_the_last_line() {
        assert_eq!(
            wrap("Digitale Verwaltung für alle", 12, 3),
            ["Digitale", "Verwaltung", "für alle"]
        );
        assert_eq!(wrap("eins zwei drei vier", 9, 1), ["eins zwe…"]);
        assert!(wrap("", 10, 2).is_empty());
        assert_eq!(
            wrap("Zivilgesellschaft", 8, 3),
            ["Zivilge-", "sellsch-", "aft"]
        );
    }

    #[test]
    fn text_on_a_colour_keeps_its_contrast() {
        assert_eq!(ink_on("#004b76"), "#ffffff");
        assert_eq!(ink_on("#f0f0f0"), INK);
        assert_eq!(shade("#004b76", 1.0), "#ffffff");
        assert_eq!(shade("#004b76", 0.0), "#004b76");
    }
}
