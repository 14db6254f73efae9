//! Moderation: proposals waiting for a decision, and organisation statements.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use mitreden_core::text_input::TextProblem;
use serde::Deserialize;

use super::any;
use crate::error::AppError;
use crate::guard::auth::Staff;
use crate::http::json::ApiJson;
use crate::http::json::ApiPath;
use crate::staff::Role;
use crate::state::AppState;
use crate::storage::StorageError;
use crate::storage::{CommentRow, ProposalRow};

pub async fn proposals(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Vec<ProposalRow>>, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    Ok(Json(state.db.proposals(&slug).await?))
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    Reject,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decide {
    decision: Decision,
}

pub async fn decide(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath((slug, id)): ApiPath<(String, i64)>,
    ApiJson(decide): ApiJson<Decide>,
) -> Result<StatusCode, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    let approved = matches!(decide.decision, Decision::Approve);
    if state.db.decide_proposal(&slug, id, approved).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

/// A statement with staff's publication mark.
#[derive(serde::Serialize)]
pub struct MarkedStatement {
    /// The statement, with its public id as `id`.
    #[serde(flatten)]
    statement: serde_json::Value,
    /// Marked for publication by staff (only possible with the organisation's consent).
    published: bool,
}

pub async fn statements(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Vec<MarkedStatement>>, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    let marked = state.db.statements_with_marks(&slug).await?;
    let marked = marked
        .into_iter()
        .map(|(statement, published)| {
            Ok(MarkedStatement {
                statement: statement.to_json()?,
                published,
            })
        })
        .collect::<Result<_, StorageError>>()?;
    Ok(Json(marked))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    published: bool,
}

pub async fn publish_statement(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath((slug, id)): ApiPath<(String, String)>,
    ApiJson(p): ApiJson<Publication>,
) -> Result<StatusCode, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    match state
        .db
        .set_statement_published(&slug, &id, p.published)
        .await?
    {
        None => Err(AppError::NotFound),
        Some(false) => Err(AppError::NoPublicationConsent),
        Some(true) => Ok(StatusCode::NO_CONTENT),
    }
}

pub async fn comments(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Vec<CommentRow>>, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    Ok(Json(state.db.comments(&slug).await?))
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentDecision {
    Approve,
    Reject,
    Hide,
}

impl CommentDecision {
    fn status(&self) -> &'static str {
        match self {
            Self::Approve => "approved",
            Self::Reject => "rejected",
            Self::Hide => "hidden",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerateComment {
    decision: CommentDecision,
    /// Why a comment is rejected (kept for the record).
    #[serde(default)]
    reason: Option<String>,
}

pub async fn moderate_comment(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath((slug, id)): ApiPath<(String, i64)>,
    ApiJson(m): ApiJson<ModerateComment>,
) -> Result<StatusCode, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    let status = m.decision.status();
    let reason = reason_text(m.reason.as_deref())?;
    if state
        .db
        .moderate_comment(&slug, id, status, reason.as_deref())
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

/// Longest reason kept with a decision, in characters.
const MAX_REASON: usize = 1000;

/// A decision's reason, checked like any free text: trimmed, no control characters, not too
/// long; `None` if empty.
fn reason_text(raw: Option<&str>) -> Result<Option<String>, AppError> {
    mitreden_core::text_input::optional(raw, MAX_REASON).map_err(|problem| {
        AppError::InvalidReason(match problem {
            TextProblem::TooLong { max } => {
                format!("The reason may be at most {max} characters long.")
            }
            _ => "The reason may not contain control characters.".to_owned(),
        })
    })
}

/// Most comments decided in one request.
const MAX_BATCH: usize = 1000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModerateComments {
    /// The comments decided, e.g. every copy of one text, or a selection.
    ids: Vec<i64>,
    decision: CommentDecision,
    #[serde(default)]
    reason: Option<String>,
}

/// Decides several comments at once, all or none.
pub async fn moderate_comments(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath(slug): ApiPath<String>,
    ApiJson(m): ApiJson<ModerateComments>,
) -> Result<StatusCode, AppError> {
    staff.require(Role::Moderator)?;
    any(&state, &slug)?;
    let mut ids = m.ids;
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Err(AppError::NoCommentsChosen);
    }
    if ids.len() > MAX_BATCH {
        return Err(AppError::TooManyComments(MAX_BATCH));
    }
    let reason = reason_text(m.reason.as_deref())?;
    match state
        .db
        .moderate_comments(&slug, &ids, m.decision.status(), reason.as_deref())
        .await?
    {
        Ok(_) => Ok(StatusCode::NO_CONTENT),
        Err(unknown) => Err(AppError::CommentNotFound(unknown)),
    }
}

/// Adds an approved priority proposal to the consultation as a new priority (admins).
/// Ballots given before count it as not shown.
pub async fn adopt(
    State(state): State<AppState>,
    staff: Staff,
    ApiPath((slug, id)): ApiPath<(String, i64)>,
) -> Result<Json<mitreden_core::Consultation>, AppError> {
    staff.require(Role::Admin)?;
    let live = any(&state, &slug)?;
    let proposal = state
        .db
        .proposals(&slug)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    if proposal.status != "approved" || proposal.kind != "priority" {
        return Err(AppError::NotAdoptable);
    }
    if proposal.adopted_as.is_some() {
        return Ok(Json(live.consultation.clone()));
    }
    let mut consultation = live.consultation.clone();
    let priority = consultation.adopt_priority(&proposal.title, proposal.reason.as_deref());
    consultation
        .validate()
        .map_err(|e| AppError::InvalidConsultation(e.to_string()))?;
    let saved = state
        .db
        .save_adoption(&consultation, proposal.id, priority.as_str())
        .await?;
    let Some(version) = saved else {
        // Adopted meanwhile by another request: that one added it.
        let live = any(&state, &slug)?;
        return Ok(Json(live.consultation.clone()));
    };
    state
        .counts
        .counted_up_to(consultation.slug.as_str(), version)
        .await;
    Ok(Json(consultation))
}
