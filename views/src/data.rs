//! What the views show: the definition, the results and when they were read.

use mitreden_core::locale::{self, Date, LocalTime};
use mitreden_core::{Consultation, GroupId, Lang, PriorityId, Results};

/// Responses that arrived on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub responses: u64,
}

/// Everything a results view needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsData {
    pub consultation: Consultation,
    /// Full for staff, [`Results::public`] for everyone else.
    pub results: Results,
    /// Responses per day, oldest first.
    pub days: Vec<Day>,
    /// When the results were read (Unix seconds).
    pub read_at: i64,
    /// Whether this is the public view (withheld groups, no staff links).
    pub public: bool,
}

impl ResultsData {
    pub fn goal(&self, id: &PriorityId, lang: Lang) -> String {
        self.consultation
            .priority(id)
            .map(|p| p.title.get(lang).to_owned())
            .unwrap_or_else(|| id.to_string())
    }

    pub fn group(&self, id: &GroupId, lang: Lang) -> String {
        self.consultation
            .groups
            .iter()
            .find(|g| &g.id == id)
            .map(|g| g.label.get(lang).to_owned())
            .unwrap_or_else(|| id.to_string())
    }

    /// Groups large enough to read on their own.
    pub fn readable_groups(&self) -> usize {
        self.results
            .groups
            .iter()
            .filter(|(_, g)| g.responses > 0 && !g.too_small && !g.withheld)
            .count()
    }

    /// "1. Dezember 2026, 14:05 Uhr".
    pub fn stand(&self, lang: Lang) -> String {
        locale::date_time(lang, LocalTime::german(self.read_at))
    }

    /// The source line every chart carries.
    pub fn source(&self, lang: Lang) -> String {
        crate::i18n::fill(
            crate::i18n::text(lang, crate::i18n::Key::Source),
            &[
                ("title", self.consultation.title.get(lang)),
                ("n", &locale::integer(lang, self.results.total)),
                ("date", &self.stand(lang)),
            ],
        )
    }
}
