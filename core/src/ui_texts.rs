//! A translation table macro shared by the widget and the dashboard: one table of
//! `Key => "German", "English";` lines defines the key enum and the lookup, so a text cannot
//! exist in one language only. (The texts themselves live with each user interface.)

/// Defines `enum Key`, `Key::ALL` and `fn text(Lang, Key) -> &'static str`.
#[macro_export]
macro_rules! ui_texts {
    ($($key:ident => $de:literal, $en:literal;)*) => {
        /// One text of the user interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($key,)*
        }

        impl Key {
            /// Every key, for completeness checks.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        /// The text for `key` in `lang`.
        pub fn text(lang: $crate::Lang, key: Key) -> &'static str {
            match lang {
                $crate::Lang::De => match key {
                    $(Key::$key => $de,)*
                },
                $crate::Lang::En => match key {
                    $(Key::$key => $en,)*
                },
            }
        }
    };
}
