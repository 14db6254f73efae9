//! A [`Date`] as `YYYY-MM-DD` in JSON.

use serde::{Deserialize, Deserializer, Serializer};

use crate::locale::Date;

pub fn serialize<S: Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&date.iso())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    Date::parse_iso(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("'{text}' is no date (YYYY-MM-DD)")))
}
