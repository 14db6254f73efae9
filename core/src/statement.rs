//! Organisation statements: an organisation's structured position, handed in through the
//! widget's organisation mode. They are stored and reported apart from individual responses.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::consultation::{Consultation, Status};
use crate::ids::{PriorityId, ResponseId};
use crate::submission::{
    in_index_order, validate_positions, PositionSubmission, ValidPosition, ValidationError,
};
use crate::text::Lang;
use crate::text_input;

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_REASONING_CHARS: usize = 2000;
pub const MAX_EMAIL_CHARS: usize = 254;

/// What kind of organisation speaks.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Ngo,
    Association,
    Company,
    Research,
    PublicBody,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 6] = [
        Self::Ngo,
        Self::Association,
        Self::Company,
        Self::Research,
        Self::PublicBody,
        Self::Other,
    ];
}

/// An organisation's stance on one priority.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Support,
    Oppose,
    Conditional,
    NoView,
}

impl Stance {
    pub const ALL: [Stance; 4] = [Self::Support, Self::Oppose, Self::Conditional, Self::NoView];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// A stance as sent.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceSubmission {
    #[cfg_attr(feature = "schema", schemars(with = "crate::ids::PriorityId"))]
    pub priority: String,
    pub stance: Stance,
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 2000)))]
    pub reasoning: Option<String>,
}

/// A statement as sent (`POST /api/v1/consultations/{slug}/statements`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementSubmission {
    /// A UUID made by the client; sending the same statement again is harmless.
    #[cfg_attr(feature = "schema", schemars(with = "crate::ids::ResponseId"))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = 200)))]
    pub name: String,
    pub kind: OrganisationKind,
    /// Number in the German lobby register (`R001234`) or the EU transparency register
    /// (`123456789012-34`).
    #[serde(default)]
    pub lobby_register: Option<String>,
    /// Only with `contact_consent`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(length(max = 254)))]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub contact_consent: bool,
    #[serde(default)]
    pub stances: Vec<StanceSubmission>,
    #[serde(default)]
    pub positions: Vec<PositionSubmission>,
    /// The organisation agrees that its statement may be published.
    pub publish: bool,
    #[cfg_attr(feature = "schema", schemars(with = "Lang"))]
    pub lang: String,
    /// A honeypot, as in responses: must be left out or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[cfg_attr(feature = "schema", schemars(length(max = 0)))]
    pub website: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidStance {
    pub priority: PriorityId,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
}

/// A statement that passed every check.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidStatement {
    pub id: ResponseId,
    pub name: String,
    pub kind: OrganisationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lobby_register: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// In the consultation's priority order.
    pub stances: Vec<ValidStance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<ValidPosition>,
    pub publish: bool,
    pub lang: Lang,
}

/// Whether `s` looks like a lobby register number: German `R` + 6 digits, or the EU
/// transparency register's 9–12 digits, a hyphen and 2 digits.
pub fn is_lobby_register_number(s: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if let Some(rest) = s.strip_prefix('R') {
        return rest.len() == 6 && digits(rest);
    }
    match s.split_once('-') {
        Some((a, b)) => (9..=12).contains(&a.len()) && digits(a) && b.len() == 2 && digits(b),
        None => false,
    }
}

/// A plausibility check, not a proof: one `@`, a non-empty local part, a dotted domain, no
/// spaces.
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && s.len() <= MAX_EMAIL_CHARS
}

impl StatementSubmission {
    pub fn validate(&self, consultation: &Consultation) -> Result<ValidStatement, ValidationError> {
        if consultation.status != Status::Open {
            return Err(ValidationError::ConsultationNotOpen);
        }
        crate::submission::honeypot(&self.website)?;
        let id = ResponseId::parse(&self.id).map_err(|_| ValidationError::InvalidResponseId)?;
        let name = text_input::required(&self.name, MAX_NAME_CHARS)
            .map_err(|e| ValidationError::text("The organisation's name", e))?;
        let lobby_register = match self.lobby_register.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(n) if is_lobby_register_number(n) => Some(n.to_owned()),
            Some(n) => return Err(ValidationError::InvalidLobbyRegister(n.to_owned())),
        };
        let contact_email = match self.contact_email.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(e) if !is_plausible_email(e) => {
                return Err(ValidationError::InvalidEmail(e.to_owned()))
            }
            Some(_) if !self.contact_consent => {
                return Err(ValidationError::ContactConsentRequired)
            }
            Some(e) => Some(e.to_owned()),
        };
        let lang = Lang::from_code(&self.lang)
            .filter(|l| consultation.languages.contains(l))
            .ok_or_else(|| ValidationError::UnsupportedLanguage(self.lang.clone()))?;

        let mut seen = HashSet::new();
        let mut stances = Vec::with_capacity(self.stances.len());
        for s in &self.stances {
            let index = consultation
                .priority_index(&s.priority)
                .ok_or_else(|| ValidationError::UnknownPriority(s.priority.clone()))?;
            if !seen.insert(index) {
                return Err(ValidationError::DuplicateStance(s.priority.clone()));
            }
            let reasoning = text_input::optional(s.reasoning.as_deref(), MAX_REASONING_CHARS)
                .map_err(|e| {
                    ValidationError::text(format!("The reasoning on '{}'", s.priority), e)
                })?;
            stances.push((
                index,
                ValidStance {
                    priority: consultation.priorities[index].id.clone(),
                    stance: s.stance,
                    reasoning,
                },
            ));
        }
        let stances = in_index_order(stances, consultation.priorities.len());
        let positions = validate_positions(&self.positions, consultation)?;
        if stances.is_empty() && positions.is_empty() {
            return Err(ValidationError::EmptyStatement);
        }
        Ok(ValidStatement {
            id,
            name,
            kind: self.kind,
            lobby_register,
            contact_email,
            stances,
            positions,
            publish: self.publish,
            lang,
        })
    }
}

/// Stances of the organisations that handed in statements, per priority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementTally {
    pub statements: u64,
    /// Statements whose organisation agreed to publication.
    pub publishable: u64,
    /// Per priority, in definition order: counts of support, oppose, conditional, no view.
    pub stances: Vec<[u64; 4]>,
}

impl StatementTally {
    pub fn new(priorities: usize) -> Self {
        Self {
            statements: 0,
            publishable: 0,
            stances: vec![[0; 4]; priorities],
        }
    }

    fn apply(&mut self, statement: &ValidStatement, consultation: &Consultation, add: bool) {
        let op: fn(u64, u64) -> u64 = if add {
            u64::wrapping_add
        } else {
            u64::wrapping_sub
        };
        self.statements = op(self.statements, 1);
        self.publishable = op(self.publishable, u64::from(statement.publish));
        for s in &statement.stances {
            if let Some(i) = consultation.priority_index(s.priority.as_str()) {
                let count = &mut self.stances[i][s.stance.index()];
                *count = op(*count, 1);
            }
        }
    }

    pub fn add(&mut self, statement: &ValidStatement, consultation: &Consultation) {
        self.apply(statement, consultation, true);
    }

    pub fn remove(&mut self, statement: &ValidStatement, consultation: &Consultation) {
        self.apply(statement, consultation, false);
    }
}

/// How organisations' stances are reported: apart from individual responses.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementSummary {
    pub statements: u64,
    pub publishable: u64,
    /// Per priority in the consultation's order.
    pub stances: Vec<StanceCount>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceCount {
    pub priority: PriorityId,
    pub support: u64,
    pub oppose: u64,
    pub conditional: u64,
    pub no_view: u64,
}

impl StatementSummary {
    pub fn new(consultation: &Consultation, tally: &StatementTally) -> Self {
        Self {
            statements: tally.statements,
            publishable: tally.publishable,
            stances: consultation
                .priorities
                .iter()
                .zip(&tally.stances)
                .map(|(p, [support, oppose, conditional, no_view])| StanceCount {
                    priority: p.id.clone(),
                    support: *support,
                    oppose: *oppose,
                    conditional: *conditional,
                    no_view: *no_view,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::tests::sample;

    fn statement() -> StatementSubmission {
        StatementSubmission {
            id: "123e4567-e89b-42d3-a456-426614174000".into(),
            name: "  Verband Digitale Verwaltung e. V. ".into(),
            kind: OrganisationKind::Association,
            lobby_register: Some("R001234".into()),
            contact_email: None,
            contact_consent: false,
            stances: vec![
                StanceSubmission {
                    priority: "p2".into(),
                    stance: Stance::Oppose,
                    reasoning: Some("Zu teuer.".into()),
                },
                StanceSubmission {
                    priority: "p0".into(),
                    stance: Stance::Support,
                    reasoning: None,
                },
            ],
            positions: vec![],
            publish: true,
            lang: "de".into(),
            website: String::new(),
        }
    }

    #[test]
    fn a_statement_is_cleaned_and_its_stances_put_in_priority_order() {
        let c = sample(3, true);
        let v = statement().validate(&c).unwrap();
        assert_eq!(v.name, "Verband Digitale Verwaltung e. V.");
        assert_eq!(v.stances[0].priority.as_str(), "p0");
        assert_eq!(v.stances[1].stance, Stance::Oppose);
        let mut tally = StatementTally::new(3);
        tally.add(&v, &c);
        assert_eq!(tally.stances[2], [0, 1, 0, 0]);
        assert_eq!(tally.publishable, 1);
        tally.remove(&v, &c);
        assert_eq!(tally, StatementTally::new(3));
    }

    #[test]
    fn lobby_register_numbers_and_emails_are_checked() {
        assert!(is_lobby_register_number("R001234"));
        assert!(is_lobby_register_number("123456789012-34"));
        assert!(!is_lobby_register_number("R1234"));
        assert!(!is_lobby_register_number("ABC"));
        assert!(is_plausible_email("kontakt@verband.de"));
        assert!(!is_plausible_email("kontakt@verband"));
        assert!(!is_plausible_email("kon takt@verband.de"));
    }

    #[test]
    fn bad_statements_get_their_own_codes() {
        let c = sample(3, true);
        let code = |f: &dyn Fn(&mut StatementSubmission)| {
            let mut s = statement();
            f(&mut s);
            s.validate(&c).unwrap_err().code()
        };
        assert_eq!(code(&|s| s.name = " ".into()), "text_missing");
        assert_eq!(
            code(&|s| s.lobby_register = Some("12".into())),
            "invalid_lobby_register"
        );
        assert_eq!(
            code(&|s| s.contact_email = Some("nope".into())),
            "invalid_email"
        );
        assert_eq!(
            code(&|s| s.contact_email = Some("a@b.de".into())),
            "contact_consent_required"
        );
        assert_eq!(
            code(&|s| s.stances[1].priority = "p2".into()),
            "duplicate_stance"
        );
        assert_eq!(
            code(&|s| s.stances[0].priority = "p9".into()),
            "unknown_priority"
        );
        assert_eq!(code(&|s| s.stances.clear()), "empty_statement");
    }
}
