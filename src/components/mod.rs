//! The widget's components, one per file.

pub mod app;
pub mod ballot_in_context;
pub mod char_counter;
pub mod conflict_question;
pub mod conflicts_step;
pub mod field_error;
pub mod language_switch;
pub mod live_region;
pub mod organisation_step;
pub mod outbox_status;
pub mod participation;
pub mod priority_text;
pub mod proposal_fields;
pub mod propose_step;
pub mod rank_step;
pub mod ranked_item;
pub mod ranking_editor;
pub mod receipt_view;
pub mod review_step;
pub mod stance_question;
pub mod stances_step;
pub mod step_frame;
pub mod unranked_item;
pub mod welcome_step;
pub mod who_step;
pub mod withdraw_panel;
