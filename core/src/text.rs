//! Languages and texts given in several languages.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A language mitreden speaks. German is the default.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The ISO 639-1 code, as used in JSON and in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Parses a code such as `de`, `en`, `en-GB` or `de-AT` (the region is ignored).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in several languages, serialised as `{"de": "…", "en": "…"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(BTreeMap<Lang, String>);

/// An object whose keys are the languages mitreden speaks and nothing else, as reading one
/// enforces (a derived schema would allow any key: schemars describes a map by its values).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for LocalizedText {
    fn schema_name() -> String {
        "LocalizedText".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, ObjectValidation, Schema, SchemaObject};
        let text = Schema::Object(SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            ..Default::default()
        });
        Schema::Object(SchemaObject {
            instance_type: Some(InstanceType::Object.into()),
            object: Some(Box::new(ObjectValidation {
                properties: Lang::ALL
                    .iter()
                    .map(|l| (l.code().to_owned(), text.clone()))
                    .collect(),
                additional_properties: Some(Box::new(Schema::Bool(false))),
                ..Default::default()
            })),
            ..Default::default()
        })
    }
}

impl LocalizedText {
    pub fn new(pairs: impl IntoIterator<Item = (Lang, String)>) -> Self {
        Self(pairs.into_iter().collect())
    }

    /// The text in `lang`, else in German, else in any language there is.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&Lang::De))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Only the text [`get`](Self::get) finds for `lang`, under `lang`.
    pub fn only(&self, lang: Lang) -> Self {
        if self.0.is_empty() {
            return Self::default();
        }
        Self::new([(lang, self.get(lang).to_owned())])
    }

    /// The text in exactly `lang`, empty if there is none (for editing).
    pub fn get_exact(&self, lang: Lang) -> &str {
        self.0.get(&lang).map_or("", String::as_str)
    }

    /// Sets the text in `lang`.
    pub fn set(&mut self, lang: Lang, text: String) {
        self.0.insert(lang, text);
    }

    /// The languages it has a text in.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.keys().copied()
    }

    /// Whether a non-blank text exists in `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.0.get(&lang).is_some_and(|t| !t.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_language_falls_back_to_german() {
        let text = LocalizedText::new([(Lang::De, "Hallo".to_owned())]);
        assert_eq!(text.get(Lang::En), "Hallo");
        let both: LocalizedText = serde_json::from_str(r#"{"de":"Hallo","en":"Hello"}"#).unwrap();
        assert_eq!(both.get(Lang::En), "Hello");
    }

    #[test]
    fn language_codes_ignore_region_and_case() {
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("DE"), Some(Lang::De));
        assert_eq!(Lang::from_code("fr"), None);
    }
}
