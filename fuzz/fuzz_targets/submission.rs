//! Any bytes as a submission: decoding and validation of responses and statements never
//! panic, and what is accepted stores, reads back, validates again and counts consistently.
//!
//! `cargo +nightly fuzz run submission fuzz/regressions` (see the README); a crash case found
//! goes into `fuzz/regressions/`, where `core/tests/fuzz_regressions.rs` keeps checking it.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mitreden_core::Consultation;

#[path = "../../core/tests/untrusted/mod.rs"]
mod untrusted;

fuzz_target!(|bytes: &[u8]| {
    static DEMO: OnceLock<Consultation> = OnceLock::new();
    untrusted::check(bytes, DEMO.get_or_init(untrusted::demo));
});
