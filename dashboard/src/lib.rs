//! The mitreden staff dashboard: sign in, run consultations, moderate, read and export
//! results. A crate of its own, so nothing of it reaches the public widget's bundle.

pub mod api;
pub mod components;
pub mod i18n;
pub mod route;

pub use components::app::App;
