//! Every text the widget shows, from translation tables. German is the default.
//!
//! Components never hold literal UI text: they ask [`I18n::t`] for a [`Key`]. Texts with
//! placeholders (`{title}`) are filled with [`fill`].

mod de;
mod en;

use leptos::prelude::*;
use mitreden_core::Lang;

/// One text of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Loading,
    LanguageSwitch,
    GroupLegend,
    GroupHint,
    RankingHeading,
    RankingHintPartial,
    RankingHintFull,
    RankedListLabel,
    RankedEmpty,
    UnrankedHeading,
    UnrankedEmpty,
    MoveUp,
    MoveDown,
    Add,
    AddToRanking,
    RemoveFromRanking,
    Submit,
    Submitting,
    ReceiptHeading,
    ReceiptIntro,
    ReceiptLabel,
    ReceiptKeep,
    YourRanking,
    AnnounceMoved,
    AnnounceAlreadyTop,
    AnnounceAlreadyBottom,
    AnnounceAdded,
    AnnounceRemoved,
    ErrorNoGroup,
    ErrorEmptyRanking,
    ErrorIncomplete,
    ErrorInvalid,
    ErrorNetwork,
    ErrorNotFound,
    ErrorClosed,
    ErrorRejected,
    ErrorServer,
    ErrorNoConsultation,
    InContextHeading,
    InContextCaption,
    ColumnPriority,
    ColumnGroupRank,
    ColumnYourPlace,
    NotRanked,
    InContextTooSmall,
    InContextLoading,
    InContextUnavailable,
}

impl Key {
    /// Every key, for completeness checks of the tables.
    pub const ALL: [Key; 47] = [
        Key::Loading,
        Key::LanguageSwitch,
        Key::GroupLegend,
        Key::GroupHint,
        Key::RankingHeading,
        Key::RankingHintPartial,
        Key::RankingHintFull,
        Key::RankedListLabel,
        Key::RankedEmpty,
        Key::UnrankedHeading,
        Key::UnrankedEmpty,
        Key::MoveUp,
        Key::MoveDown,
        Key::Add,
        Key::AddToRanking,
        Key::RemoveFromRanking,
        Key::Submit,
        Key::Submitting,
        Key::ReceiptHeading,
        Key::ReceiptIntro,
        Key::ReceiptLabel,
        Key::ReceiptKeep,
        Key::YourRanking,
        Key::AnnounceMoved,
        Key::AnnounceAlreadyTop,
        Key::AnnounceAlreadyBottom,
        Key::AnnounceAdded,
        Key::AnnounceRemoved,
        Key::ErrorNoGroup,
        Key::ErrorEmptyRanking,
        Key::ErrorIncomplete,
        Key::ErrorInvalid,
        Key::ErrorNetwork,
        Key::ErrorNotFound,
        Key::ErrorClosed,
        Key::ErrorRejected,
        Key::ErrorServer,
        Key::ErrorNoConsultation,
        Key::InContextHeading,
        Key::InContextCaption,
        Key::ColumnPriority,
        Key::ColumnGroupRank,
        Key::ColumnYourPlace,
        Key::NotRanked,
        Key::InContextTooSmall,
        Key::InContextLoading,
        Key::InContextUnavailable,
    ];
}

/// The text for `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::De => de::text(key),
        Lang::En => en::text(key),
    }
}

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

/// A language's own name for itself, for the language switch.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "Deutsch",
        Lang::En => "English",
    }
}
