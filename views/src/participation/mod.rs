//! What a participant meets before the widget's WebAssembly runs, and without it: the widget
//! page with its welcome and first question (or, once closed, what became of the input), the
//! plain form that works without JavaScript and its receipt, the receipt look-up, all rendered
//! by the server in the visitor's language, and the texts they share with the widget.

pub mod act_button;
pub mod carried_fields;
pub mod closed_outcome;
pub mod conflict_fields;
pub mod error_page;
pub mod error_summary;
pub mod field_note;
pub mod first_screen;
pub mod form_page;
pub mod found_submission;
pub mod group_choice;
pub mod language_links;
pub mod lookup_disclosure;
pub mod lookup_form;
pub mod lookup_page;
pub mod missing_page;
pub mod outcome_list;
pub mod page_texts;
pub mod place_inputs;
pub mod position_list;
pub mod problems;
pub mod quoted;
pub mod receipt_page;
pub mod results_link;
pub mod scale;
pub mod shell;
pub mod texts;
pub mod welcome;
pub mod who_step;
pub mod widget_page;
pub mod your_outcome;
