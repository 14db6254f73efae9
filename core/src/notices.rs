//! What a public body running mitreden must publish about it, and the values it fills in: who
//! is responsible for the data (GDPR Art. 13), and how accessible the service is (§ 12b BGG,
//! BITV 2.0). One file per deployment (`mitreden-server serve --notices FILE`, JSON); what differs per
//! consultation (how long data is kept, what is published) comes from the consultation itself.
//!
//! The texts around these values are written to match what the software does; only the facts
//! the software cannot know are configured here.

use serde::{Deserialize, Serialize};

use crate::text::LocalizedText;

/// The deployment's notices, as configured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notices {
    /// The controller (Verantwortlicher): the body running the consultations.
    pub controller: Option<Contact>,
    /// Its data protection officer.
    pub data_protection_officer: Option<Contact>,
    /// The supervisory authority a participant may complain to (for federal bodies the BfDI).
    pub supervisory_authority: Option<Contact>,
    /// The legal basis of processing, if not the usual one for public bodies (Art. 6 (1) e
    /// GDPR with § 3 BDSG; consent for an organisation's contact address).
    #[serde(default)]
    pub legal_basis: Option<LocalizedText>,
    /// How accessible the service is.
    #[serde(default)]
    pub accessibility: Accessibility,
}

/// Someone to write to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: LocalizedText,
    /// Postal address, lines separated by line breaks.
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// The accessibility statement's facts (BITV 2.0 § 7, the EU model statement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// How far the service meets BITV 2.0.
    pub status: Conformity,
    /// What is not (yet) accessible, and why, in plain words.
    #[serde(default)]
    pub known_gaps: Vec<LocalizedText>,
    /// When and how the statement was prepared ("2026-12-01", "Selbstbewertung …").
    #[serde(default)]
    pub prepared: Option<String>,
    #[serde(default)]
    pub method: Option<LocalizedText>,
    /// Where to report barriers and ask for content in an accessible form.
    #[serde(default)]
    pub feedback: Option<Contact>,
    /// The enforcement body, if not the federal arbitration board (Schlichtungsstelle nach
    /// § 16 BGG), e.g. a Land's.
    #[serde(default)]
    pub enforcement: Option<Contact>,
}

impl Default for Accessibility {
    fn default() -> Self {
        Self {
            status: Conformity::Partial,
            known_gaps: Vec::new(),
            prepared: None,
            method: None,
            feedback: None,
            enforcement: None,
        }
    }
}

/// Conformity with BITV 2.0 (EN 301 549, WCAG 2.1 level AA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conformity {
    Full,
    Partial,
    None,
}

/// Why a notices file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoticesError {
    #[error("{0} has no name")]
    Unnamed(&'static str),
}

impl Notices {
    /// Checks what serde cannot: every contact given has a name.
    pub fn validate(&self) -> Result<(), NoticesError> {
        let named = |c: &Option<Contact>| {
            c.as_ref()
                .is_none_or(|c| !c.name.get(crate::Lang::De).trim().is_empty())
        };
        for (contact, what) in [
            (&self.controller, "the controller"),
            (&self.data_protection_officer, "the data protection officer"),
            (&self.supervisory_authority, "the supervisory authority"),
            (
                &self.accessibility.feedback,
                "the accessibility feedback contact",
            ),
            (&self.accessibility.enforcement, "the enforcement body"),
        ] {
            if !named(contact) {
                return Err(NoticesError::Unnamed(what));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Notices, String> {
        let notices: Notices = serde_json::from_str(json).map_err(|e| e.to_string())?;
        notices.validate().map_err(|e| e.to_string())?;
        Ok(notices)
    }

    #[test]
    fn a_notices_file_is_read_and_checked() {
        let notices = parse(
            r#"{
                "controller": {"name": {"de": "Bundesministerium X", "en": "Federal Ministry X"},
                               "address": "Str. 1\n10117 Berlin", "email": "poststelle@x.example"},
                "accessibility": {"status": "partial",
                                  "known_gaps": [{"de": "Diagramme", "en": "Charts"}]}
            }"#,
        )
        .unwrap();
        assert_eq!(
            notices.controller.unwrap().name.get(crate::Lang::En),
            "Federal Ministry X"
        );
        assert_eq!(notices.accessibility.status, Conformity::Partial);
        assert!(parse(r#"{"controler": {}}"#)
            .unwrap_err()
            .contains("unknown field `controler`"));
        assert_eq!(
            parse(r#"{"controller": {"name": {"de": " "}}}"#),
            Err("the controller has no name".to_owned())
        );
    }
}
