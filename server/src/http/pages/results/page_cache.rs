//! The public page as rendered, kept per consultation and language in the default look:
//! rendering it is most of what a view costs, and it changes only when the counts or the
//! public content do. A page in a ministry's own look (accent, font or radius in the address)
//! is rendered each time, so that varying the look cannot flood the memory.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use mitreden_core::Lang;

use super::PublicContent;

/// What a kept page shows: the counts (see [`crate::counting::Live::stamp`]) and the public
/// content read once (the very same reading).
struct Kept {
    stamp: (u64, Option<u64>),
    content: Arc<PublicContent>,
    html: Arc<str>,
}

/// One page per consultation and language (bounded by the consultations staff create).
#[derive(Clone, Default)]
pub struct PageCache(Arc<Mutex<HashMap<(String, Lang), Kept>>>);

impl PageCache {
    /// The page kept for `slug` in `lang`, if it shows these counts and this content.
    pub fn get(
        &self,
        slug: &str,
        lang: Lang,
        stamp: (u64, Option<u64>),
        content: &Arc<PublicContent>,
    ) -> Option<Arc<str>> {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let page = kept.get(&(slug.to_owned(), lang))?;
        (page.stamp == stamp && Arc::ptr_eq(&page.content, content)).then(|| page.html.clone())
    }

    /// Keeps the page rendered for `slug` in `lang` from these counts and this content.
    pub fn keep(
        &self,
        slug: &str,
        lang: Lang,
        stamp: (u64, Option<u64>),
        content: Arc<PublicContent>,
        html: Arc<str>,
    ) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(
                (slug.to_owned(), lang),
                Kept {
                    stamp,
                    content,
                    html,
                },
            );
    }
}
