//! What a participant meets before the widget's WebAssembly runs, and without it: the widget
//! page with its welcome, rendered by the server in the visitor's language, and the texts it
//! shares with the widget.

pub mod language_links;
pub mod missing_page;
pub mod texts;
pub mod welcome;
pub mod widget_page;
