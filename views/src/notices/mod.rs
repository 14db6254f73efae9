//! What a public body must publish about the consultations it runs: the privacy notice and the
//! accessibility statement, rendered by the server from the deployment's notices file and the
//! consultation.

pub mod accessibility_page;
pub mod contact_card;
pub mod other_language;
pub mod privacy_page;
pub mod texts;
