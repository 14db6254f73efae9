//! Every text the widget shows, from translation tables. German is the default.
//!
//! Components never hold literal UI text: they ask [`I18n::t`] for a [`Key`]. Texts with
//! placeholders (`{title}`) are filled with [`fill`].

use leptos::prelude::*;
use mitreden_core::Lang;

pub use mitreden_views::participation::texts::{text, Key};

/// Replaces `{name}` placeholders in `template`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |acc, (name, value)| {
            acc.replace(&format!("{{{name}}}"), value)
        })
}

/// The current UI language, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// The text for `key` in the current language (reactive when read in a view).
    pub fn t(&self, key: Key) -> &'static str {
        text(self.lang.get(), key)
    }

    /// A count in the current language's format (see [`mitreden_core::locale::integer`]).
    pub fn number(&self, n: usize) -> String {
        mitreden_core::locale::integer(self.lang.get_untracked(), n as u64)
    }
}

/// The text for `key`, following the current language. Every text in a view goes through this
/// one closure type, so a text costs a table entry, not another monomorphised view.
pub fn tr(key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// Provides the language for the components below.
pub fn provide_i18n(lang: Lang) -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

/// The language context; falls back to German outside a provider.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| provide_i18n(Lang::default()))
}
