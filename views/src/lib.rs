//! The results of a consultation as people read them: a briefing in plain sentences, charts
//! (SVG, each with its table) and a method note. One set of components, rendered to HTML by
//! the server (the public results page, the report, chart downloads) and in the browser by the
//! staff dashboard, so each view exists once.
//!
//! Components take plain values (the language included), never signals: the dashboard renders
//! them again when its language changes. Texts come from [`i18n`]; numbers and dates are
//! formatted by [`mitreden_core::locale`].

pub mod components;
pub mod data;
pub mod follow_up;
pub mod i18n;
pub mod notices;
pub mod participation;
pub mod sentences;

pub use data::{Day, ResultsData};

/// The style of the results views, for the public page (inline) and the dashboard (bundled).
pub const RESULTS_CSS: &str = include_str!("../style/results.css");
