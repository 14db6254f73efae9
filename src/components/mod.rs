//! The widget's components, one per file.

pub mod app;
pub mod ballot_in_context;
pub mod group_picker;
pub mod language_switch;
pub mod live_region;
pub mod participation;
pub mod priority_text;
pub mod ranked_item;
pub mod ranking_editor;
pub mod receipt_view;
pub mod unranked_item;
