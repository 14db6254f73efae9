//! The HTTP surface: the public JSON API, the staff API, the pages (widget, plain form,
//! receipt look-up, results, notices) and the OpenAPI document that describes the APIs.

pub mod api;
pub mod json;
pub mod openapi;
pub mod pages;
pub mod progress;
pub mod public_cache;
pub mod security;
pub mod staff_api;
