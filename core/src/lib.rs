//! The domain of mitreden: consultations, ballots, and how ballots are counted.
//!
//! Everything here is pure: no I/O, no HTTP, no SQL. The server uses it as the authority, the
//! widget uses the same code for instant feedback, so every rule exists exactly once.

pub mod api_error;
pub mod ballot;
pub mod consultation;
pub mod draft;
pub mod ids;
pub mod indicator;
pub mod locale;
pub mod notices;
pub mod origin;
pub mod outcome;
pub mod plain_form;
pub mod proof;
pub mod proposal;
pub mod published;
pub mod ranking_draft;
pub mod results;
pub mod simulation;
pub mod statement;
pub mod steps;
pub mod submission;
pub mod submitted;
pub mod tally;
pub mod text;
pub mod text_input;
pub mod theme;
mod ui_texts;
pub mod validation_error;

pub use ballot::{Ballot, Mark};
pub use consultation::{
    Consultation, ConsultationError, GoalConflict, Licence, Priority, Settings, StakeholderGroup,
    Status,
};
pub use ids::{ConflictId, GroupId, IdError, IndicatorId, PriorityId, ResponseId, Slug};
pub use proposal::{ProposalKind, ProposalSubmission, ValidProposal};
pub use ranking_draft::RankingDraft;
pub use results::{GroupResults, RankedPriority, Results};
pub use statement::{
    OrganisationKind, Stance, StanceSubmission, StatementSubmission, StatementSummary,
    StatementTally, ValidStatement,
};
pub use submission::{
    Acknowledgement, PositionSubmission, ResponseSubmission, ValidPosition, ValidResponse,
    ValidationError,
};
pub use submitted::Submitted;
pub use tally::{ConflictTally, GroupTally, PairwiseMatrix, ScoreMoments, Tally};
pub use text::{Lang, LocalizedText};
