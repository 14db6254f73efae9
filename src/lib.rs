//! The mitreden widget: a consultation participants answer inside an iframe on any page.
//!
//! Built with Leptos (client-side rendering) to WebAssembly. All rules come from
//! `mitreden-core`; this crate holds the components, the API client and the translations.

pub mod actions;
pub mod api;
pub mod components;
pub mod context;
pub mod device;
pub mod flow;
pub mod focus;
pub mod i18n;
pub mod json;
pub mod outbox;
pub mod panic;
pub mod proof;
pub mod static_page;
pub mod who_step;

pub use components::app::App;
