//! What a participant meets before the widget's WebAssembly runs, and without it: the widget
//! page with its welcome and first question, the plain form that works without JavaScript and
//! its receipt, all rendered by the server in the visitor's language, and the texts they share
//! with the widget.

pub mod act_button;
pub mod carried_fields;
pub mod conflict_fields;
pub mod error_summary;
pub mod field_note;
pub mod form_page;
pub mod group_choice;
pub mod language_links;
pub mod missing_page;
pub mod place_inputs;
pub mod problems;
pub mod quoted;
pub mod receipt_page;
pub mod scale;
pub mod shell;
pub mod texts;
pub mod welcome;
pub mod who_step;
pub mod widget_page;
