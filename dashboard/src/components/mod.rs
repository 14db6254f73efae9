//! The dashboard's components, one per file.

pub mod agreement_table;
pub mod app;
pub mod conflict_chart;
pub mod consultation_list;
pub mod consultation_page;
pub mod data_table;
pub mod definition_form;
pub mod definition_section;
pub mod embed_section;
pub mod export_section;
pub mod groups_table;
pub mod import_form;
pub mod lifecycle_note;
pub mod moderation_section;
pub mod queue_item;
pub mod ranking_table;
pub mod results_section;
pub mod settings_form;
pub mod sign_in;
pub mod statements_section;
pub mod timeline_chart;
