//! Everything a participant has entered so far. The widget keeps it on the participant's
//! device between visits and turns it into a submission at the end.

use serde::{Deserialize, Serialize};

use crate::consultation::Consultation;
use crate::ids::{ConflictId, GroupId, PriorityId, ResponseId};
use crate::proposal::{
    ProposalKind, ProposalSubmission, ValidProposal, MAX_PROPOSAL_REASON_CHARS,
    MAX_PROPOSAL_TITLE_CHARS,
};
use crate::ranking_draft::RankingDraft;
use crate::statement::{
    OrganisationKind, Stance, StanceSubmission, StatementSubmission, ValidStance,
    MAX_REASONING_CHARS,
};
use crate::submission::{PositionSubmission, ResponseSubmission, ValidPosition, MAX_COMMENT_CHARS};
use crate::text::Lang;
use crate::text_input;

/// Who is speaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A person, for a stakeholder group.
    Individual,
    /// An organisation handing in a statement.
    Organisation,
}

/// An answer on a conflict's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// `-k..=k`, from the left goal to the right one.
    Step(i8),
    NoView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionDraft {
    pub conflict: ConflictId,
    /// `None` until the participant answers.
    pub choice: Option<Choice>,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDraft {
    pub kind: ProposalKind,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceDraft {
    pub priority: PriorityId,
    pub stance: Option<Stance>,
    pub reasoning: String,
}

impl From<&ValidStance> for StanceDraft {
    /// A stance as stored, in the draft's terms (to show it the way it was reviewed).
    fn from(s: &ValidStance) -> Self {
        Self {
            priority: s.priority.clone(),
            stance: Some(s.stance),
            reasoning: s.reasoning.clone().unwrap_or_default(),
        }
    }
}

impl From<&ValidPosition> for PositionDraft {
    /// A position as stored, in the draft's terms: no position stored is "no view".
    fn from(p: &ValidPosition) -> Self {
        Self {
            conflict: p.conflict.clone(),
            choice: Some(p.position.map_or(Choice::NoView, Choice::Step)),
            comment: p.comment.clone().unwrap_or_default(),
        }
    }
}

impl From<&ValidProposal> for ProposalDraft {
    /// A proposal as stored, in the draft's terms.
    fn from(p: &ValidProposal) -> Self {
        Self {
            kind: p.kind,
            title: p.title.clone(),
            reason: p.reason.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrganisationDraft {
    pub name: String,
    pub kind: Option<OrganisationKind>,
    pub lobby_register: String,
    pub contact_email: String,
    pub contact_consent: bool,
    pub stances: Vec<StanceDraft>,
    pub publish: bool,
}

/// A participation in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Made once, kept through retries: the server counts the submission once.
    pub id: ResponseId,
    pub mode: Option<Mode>,
    pub group: Option<GroupId>,
    pub ranking: RankingDraft,
    pub positions: Vec<PositionDraft>,
    pub proposals: Vec<ProposalDraft>,
    pub organisation: OrganisationDraft,
    /// What went into the honeypot field people never see (see
    /// [`ResponseSubmission::website`]); empty for people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

fn blank(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Draft {
    pub fn new(consultation: &Consultation, id: ResponseId) -> Self {
        let shown: Vec<PriorityId> = consultation
            .priorities
            .iter()
            .map(|p| p.id.clone())
            .collect();
        Self {
            id,
            mode: None,
            group: None,
            ranking: RankingDraft::new(shown, consultation.settings.partial_ranking),
            positions: Vec::new(),
            proposals: Vec::new(),
            organisation: OrganisationDraft::default(),
            website: String::new(),
        }
        .reconcile(consultation)
    }

    /// Fits a draft from an earlier visit to the consultation as it is now.
    pub fn reconcile(mut self, consultation: &Consultation) -> Self {
        let shown: Vec<PriorityId> = consultation
            .priorities
            .iter()
            .map(|p| p.id.clone())
            .collect();
        self.ranking = self
            .ranking
            .reconcile(&shown, consultation.settings.partial_ranking);
        if self
            .group
            .as_ref()
            .is_some_and(|g| consultation.group_index(g.as_str()).is_none())
        {
            self.group = None;
        }
        let mut positions = Vec::with_capacity(consultation.conflicts.len());
        for c in &consultation.conflicts {
            let kept = self.positions.iter().find(|p| p.conflict == c.id).cloned();
            positions.push(kept.unwrap_or_else(|| PositionDraft {
                conflict: c.id.clone(),
                choice: None,
                comment: String::new(),
            }));
        }
        self.positions = positions;
        let mut stances = Vec::with_capacity(shown.len());
        for p in &shown {
            let kept = self
                .organisation
                .stances
                .iter()
                .find(|s| &s.priority == p)
                .cloned();
            stances.push(kept.unwrap_or_else(|| StanceDraft {
                priority: p.clone(),
                stance: None,
                reasoning: String::new(),
            }));
        }
        self.organisation.stances = stances;
        self
    }

    /// Whether the conflict at `index` has a comment but no position: the comment would not be
    /// sent (nor count), so the participant is asked for a position first — the plain form's
    /// rule too ([`crate::plain_form`]).
    pub fn comment_without_position(&self, index: usize) -> bool {
        self.positions
            .get(index)
            .is_some_and(|p| p.choice.is_none() && !p.comment.trim().is_empty())
    }

    /// Whether the organisation's stance on the priority at `index` has a reasoning but no
    /// stance: the reasoning would not be sent, so the organisation is asked for a stance.
    pub fn reasoning_without_stance(&self, index: usize) -> bool {
        self.organisation
            .stances
            .get(index)
            .is_some_and(|s| s.stance.is_none() && !s.reasoning.trim().is_empty())
    }

    /// Whether the comment on the conflict at `index` is longer than the server takes: the
    /// participant is asked to shorten it rather than having it cut.
    pub fn comment_too_long(&self, index: usize) -> bool {
        self.positions
            .get(index)
            .is_some_and(|p| text_input::excess(&p.comment, MAX_COMMENT_CHARS) > 0)
    }

    /// Whether the reasoning of the organisation's stance at `index` is too long (see
    /// [`Self::comment_too_long`]).
    pub fn reasoning_too_long(&self, index: usize) -> bool {
        self.organisation
            .stances
            .get(index)
            .is_some_and(|s| text_input::excess(&s.reasoning, MAX_REASONING_CHARS) > 0)
    }

    /// Whether the title of the proposal at `index` is too long (see
    /// [`Self::comment_too_long`]).
    pub fn proposal_title_too_long(&self, index: usize) -> bool {
        self.proposals
            .get(index)
            .is_some_and(|p| text_input::excess(&p.title, MAX_PROPOSAL_TITLE_CHARS) > 0)
    }

    /// Whether the reason given for the proposal at `index` is too long (see
    /// [`Self::comment_too_long`]).
    pub fn proposal_reason_too_long(&self, index: usize) -> bool {
        self.proposals
            .get(index)
            .is_some_and(|p| text_input::excess(&p.reason, MAX_PROPOSAL_REASON_CHARS) > 0)
    }

    fn position_submissions(&self) -> Vec<PositionSubmission> {
        self.positions
            .iter()
            .filter_map(|p| {
                let choice = p.choice?;
                Some(PositionSubmission {
                    conflict: p.conflict.to_string(),
                    position: match choice {
                        Choice::Step(v) => Some(i64::from(v)),
                        Choice::NoView => None,
                    },
                    comment: blank(&p.comment),
                })
            })
            .collect()
    }

    /// The individual response this draft amounts to.
    pub fn response(&self, lang: Lang) -> ResponseSubmission {
        ResponseSubmission {
            id: self.id.to_string(),
            group: self
                .group
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            ranking: self
                .ranking
                .ranked()
                .iter()
                .map(ToString::to_string)
                .collect(),
            shown: self
                .ranking
                .shown()
                .iter()
                .map(ToString::to_string)
                .collect(),
            lang: lang.code().to_owned(),
            positions: self.position_submissions(),
            proposals: self
                .proposals
                .iter()
                .map(|p| ProposalSubmission {
                    kind: p.kind,
                    title: p.title.clone(),
                    reason: blank(&p.reason),
                })
                .collect(),
            website: self.website.clone(),
        }
    }

    /// The organisation statement this draft amounts to.
    pub fn statement(&self, lang: Lang) -> StatementSubmission {
        let o = &self.organisation;
        StatementSubmission {
            id: self.id.to_string(),
            name: o.name.clone(),
            kind: o.kind.unwrap_or(OrganisationKind::Other),
            lobby_register: blank(&o.lobby_register),
            contact_email: blank(&o.contact_email),
            contact_consent: o.contact_consent,
            stances: o
                .stances
                .iter()
                .filter_map(|s| {
                    Some(StanceSubmission {
                        priority: s.priority.to_string(),
                        stance: s.stance?,
                        reasoning: blank(&s.reasoning),
                    })
                })
                .collect(),
            positions: self.position_submissions(),
            publish: o.publish,
            lang: lang.code().to_owned(),
            website: self.website.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::tests::sample;

    fn id() -> ResponseId {
        ResponseId::from_random_bytes([7; 16])
    }

    #[test]
    fn a_draft_becomes_a_valid_response() {
        let c = sample(3, true);
        let mut d = Draft::new(&c, id());
        d.mode = Some(Mode::Individual);
        d.group = Some(GroupId::parse("b").unwrap());
        d.ranking.rank(&PriorityId::parse("p1").unwrap());
        d.positions[1].choice = Some(Choice::Step(-1));
        d.positions[1].comment = "  weil  ".into();
        d.positions[0].choice = Some(Choice::NoView);
        d.proposals.push(ProposalDraft {
            kind: ProposalKind::Conflict,
            title: "Tempo gegen Sorgfalt".into(),
            reason: " ".into(),
        });
        let r = d.response(Lang::En).validate(&c).unwrap();
        assert_eq!(r.ranking[0].as_str(), "p1");
        assert_eq!(r.positions[0].position, None);
        assert_eq!(r.positions[1].position, Some(-1));
        assert_eq!(r.positions[1].comment.as_deref(), Some("weil"));
        assert_eq!(r.proposals[0].reason, None);
        assert_eq!(r.lang, Lang::En);
        // Read back for the receipt look-up, the positions are what was reviewed.
        let back: Vec<PositionDraft> = r.positions.iter().map(PositionDraft::from).collect();
        assert_eq!(back[0].choice, Some(Choice::NoView));
        assert_eq!(back[1].choice, Some(Choice::Step(-1)));
        assert_eq!(back[1].comment, "weil");
        let proposal = ProposalDraft::from(&r.proposals[0]);
        assert_eq!(proposal.kind, ProposalKind::Conflict);
        assert_eq!(proposal.title, "Tempo gegen Sorgfalt");
        assert_eq!(proposal.reason, "");
    }

    #[test]
    fn a_draft_becomes_a_valid_statement_with_only_the_stances_given() {
        let c = sample(3, true);
        let mut d = Draft::new(&c, id());
        d.organisation.name = "Forschungsinstitut".into();
        d.organisation.kind = Some(OrganisationKind::Research);
        d.organisation.stances[2].stance = Some(Stance::Conditional);
        let s = d.statement(Lang::De).validate(&c).unwrap();
        assert_eq!(s.stances.len(), 1);
        assert_eq!(s.stances[0].priority.as_str(), "p2");
        assert_eq!(s.lobby_register, None);
        d.organisation.stances[1].reasoning = "ohne Haltung".into();
        assert!(d.reasoning_without_stance(1));
        assert!(!d.reasoning_without_stance(2));
        let back = StanceDraft::from(&s.stances[0]);
        assert_eq!(back.stance, Some(Stance::Conditional));
        assert_eq!(back.reasoning, "");
    }

    #[test]
    fn texts_over_the_limit_are_flagged_exactly_where_the_server_would_refuse_them() {
        let c = sample(3, true);
        let mut d = Draft::new(&c, id());
        d.mode = Some(Mode::Individual);
        d.group = Some(GroupId::parse("b").unwrap());
        d.ranking.rank(&PriorityId::parse("p1").unwrap());
        d.positions[0].choice = Some(Choice::NoView);
        // Emoji count once, as on the server; the spaces around do not count.
        d.positions[0].comment = format!(" {} ", "👋".repeat(MAX_COMMENT_CHARS));
        assert!(!d.comment_too_long(0));
        assert_eq!(d.response(Lang::De).validate(&c).map(|_| ()), Ok(()));
        d.positions[0].comment.push('x');
        assert!(d.comment_too_long(0));
        assert!(!d.comment_too_long(1));
        assert_eq!(
            d.response(Lang::De).validate(&c).unwrap_err().code(),
            "text_too_long"
        );

        d.organisation.stances[1].reasoning = "x".repeat(MAX_REASONING_CHARS + 1);
        assert!(d.reasoning_too_long(1));
        assert!(!d.reasoning_too_long(0));
        d.proposals.push(ProposalDraft {
            kind: ProposalKind::Priority,
            title: "Neu".into(),
            reason: "x".repeat(MAX_PROPOSAL_REASON_CHARS),
        });
        assert!(!d.proposal_reason_too_long(0));
        d.proposals[0].reason.push('x');
        assert!(d.proposal_reason_too_long(0));
        assert!(!d.proposal_title_too_long(0));
        d.proposals[0].title = "👋".repeat(MAX_PROPOSAL_TITLE_CHARS + 1);
        assert!(d.proposal_title_too_long(0));
    }

    #[test]
    fn a_kept_draft_is_fitted_to_a_changed_consultation() {
        let c = sample(3, true);
        let mut d = Draft::new(&c, id());
        d.group = Some(GroupId::parse("a").unwrap());
        d.positions[0].choice = Some(Choice::Step(2));
        let json = serde_json::to_string(&d).unwrap();
        let mut changed = sample(4, true);
        changed.groups.remove(0);
        changed.conflicts.remove(1);
        let kept: Draft = serde_json::from_str(&json).unwrap();
        let fitted = kept.reconcile(&changed);
        assert_eq!(fitted.group, None);
        assert_eq!(fitted.positions.len(), 1);
        assert_eq!(fitted.positions[0].choice, Some(Choice::Step(2)));
        assert_eq!(fitted.ranking.shown().len(), 4);
        assert_eq!(fitted.organisation.stances.len(), 4);
    }
}
