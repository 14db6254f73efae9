//! What the public pages and the public API keep between requests: the content besides the
//! counts (comments, statements, the follow-up), the public page as rendered and the charts.
//! The router hands it to the handlers that read it as a request extension ([`Cache`]); the
//! staff API's writes tell it that published content may have changed.

use std::sync::Arc;

use axum::Extension;

use super::pages::results::{ChartCache, PageCache, PublicContentCache};

/// The public pages' caches, one per server process.
#[derive(Default)]
pub struct PublicCache {
    /// What the public pages show besides the counts, read once per change.
    pub content: PublicContentCache,
    /// The public page as rendered, per consultation and language, in the default look.
    pub pages: PageCache,
    /// Charts of the public results, rendered once per counted version.
    pub charts: ChartCache,
}

/// The extractor handlers take the caches with.
pub type Cache = Extension<Arc<PublicCache>>;
