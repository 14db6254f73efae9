//! JSON for the widget with the browser's own parser (`JSON.parse`) and serde: no JSON library
//! compiled into the widget. Reading walks what `JSON.parse` returns ([`de::Value`]); writing
//! prints the text straight from serde ([`ser::Writer`]).

mod de;
mod ser;

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `text` read as `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
    T::deserialize(de::Value(value)).map_err(|e| e.0)
}

/// `value` as JSON text, as serde_json writes it.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    let mut writer = ser::Writer { out: String::new() };
    value.serialize(&mut writer).map_err(|e| e.0)?;
    Ok(writer.out)
}

/// Why a value could not be read or written.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}
