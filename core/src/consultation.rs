//! A consultation as staff define it: who is asked, what is ranked, which conflicts are named.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::ballot::MAX_PRIORITIES;
use crate::ids::{ConflictId, GroupId, PriorityId, Slug};
use crate::text::{Lang, LocalizedText};

/// Whether a consultation takes responses.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Open,
    Closed,
}

/// A stakeholder group participants say they belong to.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StakeholderGroup {
    pub id: GroupId,
    pub label: LocalizedText,
}

/// An impact goal (Wirkungsziel) participants rank.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub id: PriorityId,
    pub title: LocalizedText,
    pub description: LocalizedText,
    /// How progress towards the goal would be measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<LocalizedText>,
}

/// Two goals in tension. `left` and `right` name the two poles participants place themselves
/// between; they may be priorities of this consultation or goals named only here.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalConflict {
    pub id: ConflictId,
    pub title: LocalizedText,
    pub left: LocalizedText,
    pub right: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
}

/// What a consultation allows.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Participants may rank only some priorities; the rest tie at the bottom.
    pub partial_ranking: bool,
    /// Participants see the current results after submitting.
    pub results_after_submit: bool,
    /// The results (with approved comments) are public: the results feed and the public
    /// results page.
    #[serde(default)]
    pub publish_results: bool,
    /// Origins (`https://example.org`) whose pages may embed the widget.
    #[serde(default)]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Vec<crate::origin::OriginSchema>")
    )]
    pub allowed_origins: Vec<String>,
    /// Steps on the scale between the two goals of a conflict: 5 or 7.
    #[serde(default = "default_conflict_scale")]
    #[cfg_attr(feature = "schema", schemars(range(min = 5, max = 7)))]
    pub conflict_scale: u8,
    /// Groups with fewer responses are flagged as too small to read.
    #[serde(default = "default_min_group_size")]
    pub min_group_size: u64,
    /// Days after closing until personal data (comment texts, contact emails, receipts) is
    /// removed; the counted answers and the results stay. At most [`MAX_RETENTION_DAYS`].
    #[serde(default = "default_retention_days")]
    #[cfg_attr(feature = "schema", schemars(range(max = 3650)))]
    pub retention_days: u16,
    /// Abuse control: with a number above 0, every submission needs a solved proof-of-work
    /// challenge whose secret number is at most this (see [`crate::proof`]); 100,000 costs a
    /// participant's browser a fraction of a second. 0 (the default) asks for none. At most
    /// [`MAX_PROOF_OF_WORK`].
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(max = 5_000_000)))]
    pub proof_of_work: u64,
}

/// The hardest proof of work staff can ask for.
pub const MAX_PROOF_OF_WORK: u64 = 5_000_000;

/// The longest retention staff can set: ten years.
pub const MAX_RETENTION_DAYS: u16 = 3650;

impl Settings {
    /// When the personal data of a consultation closed at `closed_at` is due to be removed
    /// (both in seconds since 1970).
    pub fn personal_data_due(&self, closed_at: i64) -> i64 {
        closed_at + i64::from(self.retention_days) * 24 * 60 * 60
    }
}

fn default_retention_days() -> u16 {
    180
}

fn default_conflict_scale() -> u8 {
    5
}

fn default_min_group_size() -> u64 {
    10
}

/// A consultation definition.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    pub slug: Slug,
    pub title: LocalizedText,
    pub description: LocalizedText,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub languages: Vec<Lang>,
    pub status: Status,
    /// ISO 8601 dates, informative for participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub groups: Vec<StakeholderGroup>,
    #[cfg_attr(feature = "schema", schemars(length(min = 2, max = 200)))]
    pub priorities: Vec<Priority>,
    pub conflicts: Vec<GoalConflict>,
    pub settings: Settings,
    /// The consultation of the round before, if this is a later round; the same goal keeps
    /// the same priority id, so that its ranks can be compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<Slug>,
    /// Under which licence the published results, outcome and indicators are open data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Licence>,
}

/// A licence for open data.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Licence {
    #[serde(rename = "CC-BY-4.0")]
    CcBy4,
    #[serde(rename = "CC0-1.0")]
    Cc0,
    /// Datenlizenz Deutschland – Namensnennung – Version 2.0.
    #[serde(rename = "dl-de/by-2-0")]
    DlDeBy2,
    /// Datenlizenz Deutschland – Zero – Version 2.0.
    #[serde(rename = "dl-de/zero-2-0")]
    DlDeZero2,
}

impl Licence {
    pub const ALL: [Licence; 4] = [
        Licence::CcBy4,
        Licence::Cc0,
        Licence::DlDeBy2,
        Licence::DlDeZero2,
    ];

    /// The licence with the short name `id`.
    pub fn parse(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.id() == id)
    }

    /// Its short name, as the API writes it.
    pub fn id(self) -> &'static str {
        match self {
            Licence::CcBy4 => "CC-BY-4.0",
            Licence::Cc0 => "CC0-1.0",
            Licence::DlDeBy2 => "dl-de/by-2-0",
            Licence::DlDeZero2 => "dl-de/zero-2-0",
        }
    }

    /// Its full name.
    pub fn name(self) -> &'static str {
        match self {
            Licence::CcBy4 => "Creative Commons Attribution 4.0 International",
            Licence::Cc0 => "Creative Commons Zero 1.0 Universal",
            Licence::DlDeBy2 => "Datenlizenz Deutschland – Namensnennung – Version 2.0",
            Licence::DlDeZero2 => "Datenlizenz Deutschland – Zero – Version 2.0",
        }
    }

    /// Where its text is published.
    pub fn url(self) -> &'static str {
        match self {
            Licence::CcBy4 => "https://creativecommons.org/licenses/by/4.0/",
            Licence::Cc0 => "https://creativecommons.org/publicdomain/zero/1.0/",
            Licence::DlDeBy2 => "https://www.govdata.de/dl-de/by-2-0",
            Licence::DlDeZero2 => "https://www.govdata.de/dl-de/zero-2-0",
        }
    }
}

/// Why a consultation definition cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsultationError {
    #[error("a consultation needs at least one language")]
    NoLanguage,
    #[error("a consultation needs at least one stakeholder group")]
    NoGroups,
    #[error("a consultation needs at least two priorities to rank")]
    TooFewPriorities,
    #[error("a consultation may have at most {max} priorities")]
    TooManyPriorities { max: usize },
    #[error("the conflict scale must have 5 or 7 steps, not {0}")]
    InvalidConflictScale(u8),
    #[error("personal data can be kept for at most {max} days after closing, not {0}", max = MAX_RETENTION_DAYS)]
    RetentionTooLong(u16),
    #[error("the proof of work can ask for numbers up to {max} at most, not {0}", max = MAX_PROOF_OF_WORK)]
    ProofOfWorkTooHard(u64),
    #[error("settings.allowed_origins: {0}")]
    InvalidOrigin(#[from] crate::origin::OriginError),
    #[error("the id '{0}' is used twice")]
    DuplicateId(String),
    #[error("'{field}' has no text in language '{lang}'")]
    MissingText { field: String, lang: Lang },
    #[error("a consultation cannot be its own predecessor")]
    OwnPredecessor,
}

impl Settings {
    /// Writes each allowed origin in its canonical form (lower case, no trailing slash), as
    /// browsers send it and `frame-ancestors` expects it. Entries that are no origin (which
    /// [`Consultation::validate`] refuses) stay as they are.
    pub fn canonicalise_origins(&mut self) {
        for origin in &mut self.allowed_origins {
            if let Ok(canonical) = crate::origin::parse_origin(origin) {
                *origin = canonical;
            }
        }
    }
}

impl Consultation {
    /// Checks the definition: ids unique, every text present in every language offered.
    pub fn validate(&self) -> Result<(), ConsultationError> {
        if self.languages.is_empty() {
            return Err(ConsultationError::NoLanguage);
        }
        if self.groups.is_empty() {
            return Err(ConsultationError::NoGroups);
        }
        if self.priorities.len() < 2 {
            return Err(ConsultationError::TooFewPriorities);
        }
        if self.priorities.len() > MAX_PRIORITIES {
            return Err(ConsultationError::TooManyPriorities {
                max: MAX_PRIORITIES,
            });
        }
        if ![5, 7].contains(&self.settings.conflict_scale) {
            return Err(ConsultationError::InvalidConflictScale(
                self.settings.conflict_scale,
            ));
        }
        if self.settings.retention_days > MAX_RETENTION_DAYS {
            return Err(ConsultationError::RetentionTooLong(
                self.settings.retention_days,
            ));
        }
        if self.settings.proof_of_work > MAX_PROOF_OF_WORK {
            return Err(ConsultationError::ProofOfWorkTooHard(
                self.settings.proof_of_work,
            ));
        }
        for origin in &self.settings.allowed_origins {
            crate::origin::parse_origin(origin)?;
        }
        if self.predecessor.as_ref() == Some(&self.slug) {
            return Err(ConsultationError::OwnPredecessor);
        }
        let ids = self
            .groups
            .iter()
            .map(|g| format!("group {}", g.id))
            .chain(self.priorities.iter().map(|p| format!("priority {}", p.id)))
            .chain(self.conflicts.iter().map(|c| format!("conflict {}", c.id)));
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id.clone()) {
                return Err(ConsultationError::DuplicateId(id));
            }
        }
        for (field, text) in self.texts() {
            for &lang in &self.languages {
                if !text.has(lang) {
                    return Err(ConsultationError::MissingText { field, lang });
                }
            }
        }
        Ok(())
    }

    fn texts(&self) -> Vec<(String, &LocalizedText)> {
        let mut texts = vec![
            ("title".to_owned(), &self.title),
            ("description".to_owned(), &self.description),
        ];
        for g in &self.groups {
            texts.push((format!("group {} label", g.id), &g.label));
        }
        for p in &self.priorities {
            texts.push((format!("priority {} title", p.id), &p.title));
            texts.push((format!("priority {} description", p.id), &p.description));
        }
        for c in &self.conflicts {
            texts.push((format!("conflict {} title", c.id), &c.title));
            texts.push((format!("conflict {} left", c.id), &c.left));
            texts.push((format!("conflict {} right", c.id), &c.right));
        }
        texts
    }

    /// What decides how a response is counted: the ids of the groups, priorities and conflicts
    /// in their order, and the conflict scale. Two definitions with the same key count every
    /// response the same way, so a tally made under one holds under the other (changes of
    /// texts, status or settings keep it; adding a priority does not).
    pub fn counting_key(&self) -> String {
        let ids = |ids: Vec<&str>| ids.join(",");
        format!(
            "groups={};priorities={};conflicts={};scale={}",
            ids(self.groups.iter().map(|g| g.id.as_str()).collect()),
            ids(self.priorities.iter().map(|p| p.id.as_str()).collect()),
            ids(self.conflicts.iter().map(|c| c.id.as_str()).collect()),
            self.settings.conflict_scale
        )
    }

    /// Position of a priority in the definition order, used as index in the tallies.
    pub fn priority_index(&self, id: &str) -> Option<usize> {
        self.priorities.iter().position(|p| p.id.as_str() == id)
    }

    /// Position of a group in the definition order.
    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.id.as_str() == id)
    }

    /// Position of a conflict in the definition order.
    pub fn conflict_index(&self, id: &str) -> Option<usize> {
        self.conflicts.iter().position(|c| c.id.as_str() == id)
    }

    pub fn priority(&self, id: &PriorityId) -> Option<&Priority> {
        self.priorities.iter().find(|p| &p.id == id)
    }

    /// Adds a priority proposed by participants (texts as proposed, in every language, for
    /// staff to translate later); its id is made from the title and unique. Ballots given
    /// before count it as not shown.
    pub fn adopt_priority(&mut self, title: &str, reason: Option<&str>) -> PriorityId {
        let mut base: String = title
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'ä' => 'a',
                'ö' => 'o',
                'ü' => 'u',
                'ß' => 's',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        base.truncate(48);
        if base.is_empty() {
            base = "proposal".to_owned();
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.priority_index(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        let id = PriorityId::parse(id.trim_end_matches('-')).unwrap_or_else(|_| {
            PriorityId::parse(&format!("proposal-{}", self.priorities.len() + 1))
                .expect("a plain key")
        });
        let text = |t: &str| LocalizedText::new(self.languages.iter().map(|&l| (l, t.to_owned())));
        self.priorities.push(Priority {
            id: id.clone(),
            title: text(title),
            description: text(reason.unwrap_or(title)),
            indicator: None,
        });
        id
    }

    /// Whether anyone may read the results: when they are published, or shown to participants.
    pub fn results_public(&self) -> bool {
        self.settings.publish_results || self.settings.results_after_submit
    }

    /// The definition with every text in `lang` only, as a page in that language shows it
    /// (the widget page carries this, not every language's texts).
    pub fn in_language(&self, lang: Lang) -> Self {
        let only = |t: &LocalizedText| t.only(lang);
        Self {
            title: only(&self.title),
            description: only(&self.description),
            groups: (self.groups.iter())
                .map(|g| StakeholderGroup {
                    id: g.id.clone(),
                    label: only(&g.label),
                })
                .collect(),
            priorities: (self.priorities.iter())
                .map(|p| Priority {
                    id: p.id.clone(),
                    title: only(&p.title),
                    description: only(&p.description),
                    indicator: p.indicator.as_ref().map(only),
                })
                .collect(),
            conflicts: (self.conflicts.iter())
                .map(|c| GoalConflict {
                    id: c.id.clone(),
                    title: only(&c.title),
                    left: only(&c.left),
                    right: only(&c.right),
                    description: c.description.as_ref().map(only),
                })
                .collect(),
            ..self.clone()
        }
    }

    /// The language to use for a participant who asked for `wanted`.
    pub fn language_for(&self, wanted: Lang) -> Lang {
        if self.languages.contains(&wanted) {
            wanted
        } else {
            self.languages.first().copied().unwrap_or_default()
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn text(s: &str) -> LocalizedText {
        LocalizedText::new([(Lang::De, s.to_owned()), (Lang::En, s.to_owned())])
    }

    /// A small consultation for tests: groups `a`, `b`; priorities `p0`…`p{n-1}`.
    pub(crate) fn sample(n: usize, partial: bool) -> Consultation {
        Consultation {
            slug: Slug::parse("sample").unwrap(),
            title: text("Sample"),
            description: text("A sample"),
            languages: vec![Lang::De, Lang::En],
            status: Status::Open,
            opens: None,
            closes: None,
            groups: ["a", "b"]
                .iter()
                .map(|id| StakeholderGroup {
                    id: GroupId::parse(id).unwrap(),
                    label: text(id),
                })
                .collect(),
            priorities: (0..n)
                .map(|i| Priority {
                    id: PriorityId::parse(&format!("p{i}")).unwrap(),
                    title: text(&format!("Priority {i}")),
                    description: text("…"),
                    indicator: None,
                })
                .collect(),
            conflicts: ["c0", "c1"]
                .iter()
                .map(|id| GoalConflict {
                    id: ConflictId::parse(id).unwrap(),
                    title: text(id),
                    left: text("left"),
                    right: text("right"),
                    description: None,
                })
                .collect(),
            settings: Settings {
                partial_ranking: partial,
                results_after_submit: true,
                publish_results: true,
                allowed_origins: vec![],
                conflict_scale: 5,
                min_group_size: 2,
                retention_days: 30,
                proof_of_work: 0,
            },
            predecessor: None,
            licence: None,
        }
    }

    #[test]
    fn an_adopted_priority_gets_a_unique_id_and_texts_in_every_language() {
        let mut c = sample(2, true);
        let a = c.adopt_priority("Barrierefreiheit für alle!", Some("Fehlt."));
        let b = c.adopt_priority("Barrierefreiheit für alle", None);
        assert_eq!(a.as_str(), "barrierefreiheit-fur-alle");
        assert_eq!(b.as_str(), "barrierefreiheit-fur-alle-2");
        assert_eq!(c.priorities[2].description.get(Lang::En), "Fehlt.");
        assert_eq!(c.validate(), Ok(()));
    }

    #[test]
    fn in_one_language_every_text_is_the_one_that_language_shows() {
        let mut c = sample(2, true);
        c.title = LocalizedText::new([(Lang::De, "Titel".into()), (Lang::En, "Title".into())]);
        c.priorities[0].title = LocalizedText::new([(Lang::De, "Nur Deutsch".into())]);
        c.priorities[1].indicator = Some(text("Anteil"));
        c.conflicts[0].description = Some(text("Erklärung"));
        let en = c.in_language(Lang::En);
        assert_eq!(
            serde_json::to_value(&en.title).unwrap(),
            serde_json::json!({"en": "Title"})
        );
        let title = &en.priorities[0].title;
        assert_eq!(
            serde_json::to_value(title).unwrap(),
            serde_json::json!({"en": "Nur Deutsch"})
        );
        let indicator = en.priorities[1].indicator.as_ref().unwrap();
        assert_eq!(indicator.languages().collect::<Vec<_>>(), [Lang::En]);
        let described = en.conflicts[0].description.as_ref().unwrap();
        assert_eq!(described.languages().collect::<Vec<_>>(), [Lang::En]);
        for (field, text) in en.texts() {
            assert_eq!(text.languages().collect::<Vec<_>>(), [Lang::En], "{field}");
        }
        // Everything but the texts stays as it was.
        assert_eq!(en.languages, c.languages);
        assert_eq!(en.settings, c.settings);
        assert_eq!(en.counting_key(), c.counting_key());
    }

    #[test]
    fn a_sound_definition_validates() {
        assert_eq!(sample(4, true).validate(), Ok(()));
    }

    #[test]
    fn retention_is_180_days_unless_set_and_at_most_ten_years() {
        let mut json = serde_json::to_value(sample(2, true)).unwrap();
        json["settings"]
            .as_object_mut()
            .unwrap()
            .remove("retention_days");
        let c: Consultation = serde_json::from_value(json).unwrap();
        assert_eq!(c.settings.retention_days, 180);
        let mut c = sample(2, true);
        c.settings.retention_days = 2;
        assert_eq!(c.settings.personal_data_due(1_000), 1_000 + 2 * 86_400);
        c.settings.retention_days = MAX_RETENTION_DAYS;
        assert_eq!(c.validate(), Ok(()));
        c.settings.retention_days = MAX_RETENTION_DAYS + 1;
        assert_eq!(
            c.validate(),
            Err(ConsultationError::RetentionTooLong(MAX_RETENTION_DAYS + 1))
        );
    }

    #[test]
    fn no_proof_of_work_unless_set_and_never_beyond_the_maximum() {
        let mut c = sample(2, true);
        assert_eq!(c.settings.proof_of_work, 0);
        c.settings.proof_of_work = MAX_PROOF_OF_WORK;
        assert_eq!(c.validate(), Ok(()));
        c.settings.proof_of_work = MAX_PROOF_OF_WORK + 1;
        assert_eq!(
            c.validate(),
            Err(ConsultationError::ProofOfWorkTooHard(MAX_PROOF_OF_WORK + 1))
        );
    }

    #[test]
    fn duplicate_priority_ids_are_refused() {
        let mut c = sample(3, true);
        c.priorities[2].id = c.priorities[0].id.clone();
        assert_eq!(
            c.validate(),
            Err(ConsultationError::DuplicateId("priority p0".into()))
        );
    }

    #[test]
    fn every_offered_language_needs_every_text() {
        let mut c = sample(3, true);
        c.priorities[1].title = LocalizedText::new([(Lang::De, "Nur Deutsch".into())]);
        assert_eq!(
            c.validate(),
            Err(ConsultationError::MissingText {
                field: "priority p1 title".into(),
                lang: Lang::En
            })
        );
    }
}
