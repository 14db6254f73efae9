//! What the widget keeps on the participant's device (localStorage, per consultation): the
//! draft while they answer, the outbox while a submission is not yet acknowledged, and the
//! receipt once it is. No cookies; nothing leaves the device except the submission itself.
//!
//! Where storage is unavailable (blocked by the browser), everything still works for the
//! current visit; it is just not kept across reloads.

use mitreden_core::draft::Draft;
use mitreden_core::{Acknowledgement, Lang};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// A submission waiting for the server's acknowledgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub draft: Draft,
    pub lang: Lang,
}

/// A submission the server acknowledged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub acknowledgement: Acknowledgement,
    pub draft: Draft,
}

/// The device storage of one consultation.
#[derive(Debug, Clone)]
pub struct Device {
    slug: String,
}

impl Device {
    pub fn new(slug: &str) -> Self {
        Self {
            slug: slug.to_owned(),
        }
    }

    fn key(&self, what: &str) -> String {
        format!("mitreden:{}:{what}", self.slug)
    }

    fn load<T: DeserializeOwned>(&self, what: &str) -> Option<T> {
        let text = storage()?.get_item(&self.key(what)).ok()??;
        crate::json::from_str(&text).ok()
    }

    fn save<T: Serialize>(&self, what: &str, value: &T) {
        let kept = crate::json::to_string(value).and_then(|text| {
            storage()
                .ok_or_else(|| "no storage".to_owned())?
                .set_item(&self.key(what), &text)
                .map_err(|_| "storage refused it (full or blocked)".to_owned())
        });
        if let Err(e) = kept {
            leptos::logging::warn!("mitreden: cannot keep {what} on this device: {e}");
        }
    }

    fn forget(&self, what: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.key(what));
        }
    }

    pub fn draft(&self) -> Option<Draft> {
        self.load("draft")
    }

    pub fn save_draft(&self, draft: &Draft) {
        self.save("draft", draft);
    }

    pub fn pending(&self) -> Option<Pending> {
        self.load("outbox")
    }

    /// Puts a submission in the outbox, before the first attempt to send it.
    pub fn queue(&self, pending: &Pending) {
        self.save("outbox", pending);
    }

    pub fn sent(&self) -> Option<Sent> {
        self.load("sent")
    }

    /// Records an acknowledged submission: the outbox and the draft are done with.
    pub fn acknowledge(&self, sent: &Sent) {
        self.save("sent", sent);
        self.forget("outbox");
        self.forget("draft");
    }

    /// Takes a submission the server refused out of the outbox; the draft stays for fixing.
    pub fn unqueue(&self) {
        self.forget("outbox");
    }

    /// Forgets everything about this consultation, to start afresh.
    pub fn clear(&self) {
        for what in ["draft", "outbox", "sent"] {
            self.forget(what);
        }
    }
}

/// The browser's localStorage, if it may be used.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}
