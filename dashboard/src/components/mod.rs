//! The dashboard's components, one per file.

pub mod app;
pub mod consultation_list;
pub mod consultation_page;
pub mod definition_form;
pub mod definition_section;
pub mod embed_section;
pub mod export_section;
pub mod filter_bar;
pub mod import_form;
pub mod indicator_form;
pub mod lifecycle_note;
pub mod localized_field;
pub mod moderation_section;
pub mod outcome_form;
pub mod outcome_room;
pub mod overview_room;
pub mod problem_note;
pub mod queue_item;
pub mod results_section;
pub mod selection_bar;
pub mod settings_form;
pub mod sign_in;
pub mod statements_section;
pub mod values_import;
