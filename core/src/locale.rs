//! Numbers, shares and dates the way readers of each language expect them: "14,3", "−0,55",
//! "62 %", "1. Dezember 2026" in German; "14.3", "−0.55", "62%", "1 December 2026" in English.
//!
//! Every user interface formats through here, so a figure reads the same on the public page,
//! in the dashboard, in the report and in the widget. Times are shown in German civil time
//! (CET/CEST, the EU's summer time rule), the time of the ministries this is made for.

use crate::text::Lang;

/// The minus sign (U+2212), wider and clearer than the hyphen.
const MINUS: char = '\u{2212}';
/// A narrow no-break space (U+202F): between a number and "%" in German, and between
/// thousands, so neither is ever broken across lines.
const NARROW_SPACE: char = '\u{202F}';

/// `value` with `digits` decimals, the language's decimal mark, a real minus sign and
/// thousands grouped ("2 500" in German, "2,500" in English, as browsers' `Intl.NumberFormat`
/// and the CLDR do; German with a narrow space, as DIN 5008 has it).
pub fn decimal(lang: Lang, value: f64, digits: usize) -> String {
    let text = format!("{:.*}", digits, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    // "-0.0" and the like read as 0.
    let negative = value < 0.0 && text.chars().any(|c| ('1'..='9').contains(&c));
    let mut out = String::new();
    if negative {
        out.push(MINUS);
    }
    out.push_str(&group_thousands(lang, whole));
    if let Some(f) = fraction {
        out.push(match lang {
            Lang::De => ',',
            Lang::En => '.',
        });
        out.push_str(f);
    }
    out
}

/// A count, thousands grouped: "Noch 1 000 Zeichen", "1,000 characters left".
pub fn integer(lang: Lang, n: u64) -> String {
    group_thousands(lang, &n.to_string())
}

/// A signed whole number with an explicit sign: "+2", "−1", "0".
pub fn signed(lang: Lang, n: i64) -> String {
    match n.signum() {
        1 => format!("+{}", integer(lang, n.unsigned_abs())),
        -1 => format!("{MINUS}{}", integer(lang, n.unsigned_abs())),
        _ => "0".to_owned(),
    }
}

/// A share in 0..=1 as a whole percentage: "62 %" in German, "62%" in English.
pub fn percent(lang: Lang, share: f64) -> String {
    let number = decimal(lang, (share * 100.0).round(), 0);
    match lang {
        Lang::De => format!("{number}{NARROW_SPACE}%"),
        Lang::En => format!("{number}%"),
    }
}

/// A share with up to two decimals of a percent, trailing zeros left out: "3,5 %", "0,15 %".
pub fn percent_fine(lang: Lang, share: f64) -> String {
    let mut number = decimal(lang, share * 100.0, 2);
    if number.contains([',', '.']) {
        number = number
            .trim_end_matches('0')
            .trim_end_matches([',', '.'])
            .to_owned();
    }
    match lang {
        Lang::De => format!("{number}{NARROW_SPACE}%"),
        Lang::En => format!("{number}%"),
    }
}

fn group_thousands(lang: Lang, digits: &str) -> String {
    if digits.len() < 4 {
        return digits.to_owned();
    }
    let separator = match lang {
        Lang::De => NARROW_SPACE,
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A day of the (proleptic Gregorian) calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// The day `days` after 1 January 1970.
    pub fn from_days(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// Days since 1 January 1970.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = Self { year, month, day };
        // Rejects 31 April and the like: a real date survives the round trip.
        (Self::from_days(date.days()) == date && (1..=12).contains(&month)).then_some(date)
    }

    /// `YYYY-MM-DD`, for machines (attributes, file names).
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// 1 = Monday … 7 = Sunday.
    fn weekday(self) -> i64 {
        // 1 January 1970 was a Thursday.
        (self.days() + 3).rem_euclid(7) + 1
    }

    /// The last Sunday of this date's month.
    fn last_sunday(year: i32, month: u8) -> Self {
        let next = if month == 12 {
            Self {
                year: year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Self {
                year,
                month: month + 1,
                day: 1,
            }
        };
        let last = Self::from_days(next.days() - 1);
        Self::from_days(last.days() - (last.weekday() % 7))
    }
}

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_DE: [&str; 12] = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];
const SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "1. Dezember 2026" / "1 December 2026".
pub fn date(lang: Lang, d: Date) -> String {
    let m = usize::from(d.month.clamp(1, 12) - 1);
    match lang {
        Lang::De => format!("{}. {} {}", d.day, MONTHS_DE[m], d.year),
        Lang::En => format!("{} {} {}", d.day, MONTHS_EN[m], d.year),
    }
}

/// A day on a chart's axis: "1. Dez." / "1 Dec".
pub fn short_date(lang: Lang, d: Date) -> String {
    let m = usize::from(d.month.clamp(1, 12) - 1);
    match lang {
        Lang::De => format!("{}. {}", d.day, SHORT_DE[m]),
        Lang::En => format!("{} {}", d.day, SHORT_EN[m]),
    }
}

/// A moment in German civil time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    /// Central European Summer Time (UTC+2) rather than Central European Time (UTC+1).
    pub summer: bool,
}

impl LocalTime {
    /// `unix` seconds in German civil time: summer time from 01:00 UTC on the last Sunday of
    /// March to 01:00 UTC on the last Sunday of October.
    pub fn german(unix: i64) -> Self {
        let utc_date = Date::from_days(unix.div_euclid(86_400));
        let switch = |month| Date::last_sunday(utc_date.year, month).days() * 86_400 + 3_600;
        let summer = unix >= switch(3) && unix < switch(10);
        let local = unix + if summer { 7_200 } else { 3_600 };
        let seconds = local.rem_euclid(86_400);
        Self {
            date: Date::from_days(local.div_euclid(86_400)),
            hour: (seconds / 3_600) as u8,
            minute: (seconds % 3_600 / 60) as u8,
            summer,
        }
    }
}

/// "1. Dezember 2026, 14:05 Uhr" / "1 December 2026, 14:05 CET".
pub fn date_time(lang: Lang, t: LocalTime) -> String {
    let day = date(lang, t.date);
    match lang {
        Lang::De => format!("{day}, {:02}:{:02} Uhr", t.hour, t.minute),
        Lang::En => {
            let zone = if t.summer { "CEST" } else { "CET" };
            format!("{day}, {:02}:{:02} {zone}", t.hour, t.minute)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_use_the_languages_mark_and_a_real_minus() {
        assert_eq!(decimal(Lang::De, 14.34, 1), "14,3");
        assert_eq!(decimal(Lang::En, 14.34, 1), "14.3");
        assert_eq!(decimal(Lang::De, -0.554, 2), "\u{2212}0,55");
        assert_eq!(decimal(Lang::En, -0.554, 2), "\u{2212}0.55");
        assert_eq!(decimal(Lang::De, -0.004, 2), "0,00");
        assert_eq!(decimal(Lang::De, 3.0, 0), "3");
    }

    #[test]
    fn large_numbers_are_grouped_by_thousands() {
        assert_eq!(integer(Lang::De, 999), "999");
        assert_eq!(integer(Lang::De, 1_000), "1\u{202F}000");
        assert_eq!(integer(Lang::En, 2_500), "2,500");
        assert_eq!(integer(Lang::De, 12_500), "12\u{202F}500");
        assert_eq!(integer(Lang::En, 1_000_000), "1,000,000");
        assert_eq!(
            decimal(Lang::De, -123_456.78, 1),
            "\u{2212}123\u{202F}456,8"
        );
        assert_eq!(signed(Lang::De, -3), "\u{2212}3");
        assert_eq!(signed(Lang::En, 2), "+2");
    }

    #[test]
    fn fine_percentages_keep_the_decimals_they_need() {
        assert_eq!(percent_fine(Lang::De, 0.035), "3,5\u{202f}%");
        assert_eq!(percent_fine(Lang::De, 0.0015), "0,15\u{202f}%");
        assert_eq!(percent_fine(Lang::En, 0.05), "5%");
        assert_eq!(percent_fine(Lang::En, 0.0075), "0.75%");
    }

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent(Lang::De, 0.624), "62\u{202F}%");
        assert_eq!(percent(Lang::En, 0.625), "63%");
    }

    #[test]
    fn dates_read_as_in_a_letter() {
        let d = Date::parse_iso("2026-12-01").unwrap();
        assert_eq!(date(Lang::De, d), "1. Dezember 2026");
        assert_eq!(date(Lang::En, d), "1 December 2026");
        assert_eq!(short_date(Lang::De, d), "1. Dez.");
        assert_eq!(d.iso(), "2026-12-01");
        assert_eq!(Date::parse_iso("2026-04-31"), None);
        assert_eq!(Date::parse_iso("2026-13-01"), None);
        assert_eq!(
            Date::parse_iso("2028-02-29").map(Date::iso).as_deref(),
            Some("2028-02-29")
        );
    }

    #[test]
    fn days_round_trip_across_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::from_days(0).iso(), "1970-01-01");
        assert_eq!(Date::from_days(20_423).iso(), "2025-12-01");
    }

    #[test]
    fn german_time_switches_to_summer_time_on_the_last_sunday_of_march() {
        // 2026-03-29 is the last Sunday of March; the switch is at 01:00 UTC.
        let before = Date::parse_iso("2026-03-29").unwrap().days() * 86_400 + 3_599;
        let after = before + 1;
        assert_eq!(LocalTime::german(before).hour, 1);
        assert!(!LocalTime::german(before).summer);
        assert_eq!(LocalTime::german(after).hour, 3);
        assert!(LocalTime::german(after).summer);
        // 2026-10-25 is the last Sunday of October.
        let october = Date::parse_iso("2026-10-25").unwrap().days() * 86_400 + 3_600;
        assert!(!LocalTime::german(october).summer);
        assert!(LocalTime::german(october - 1).summer);
    }

    #[test]
    fn date_and_time_name_the_clock() {
        // 2026-12-01 13:05 UTC = 14:05 CET.
        let t = Date::parse_iso("2026-12-01").unwrap().days() * 86_400 + 13 * 3_600 + 5 * 60;
        let local = LocalTime::german(t);
        assert_eq!(date_time(Lang::De, local), "1. Dezember 2026, 14:05 Uhr");
        assert_eq!(date_time(Lang::En, local), "1 December 2026, 14:05 CET");
        // Just before midnight UTC on 31 December it is already the new year in Germany.
        let late = Date::parse_iso("2026-12-31").unwrap().days() * 86_400 + 23 * 3_600 + 30 * 60;
        assert_eq!(LocalTime::german(late).date.iso(), "2027-01-01");
    }
}
