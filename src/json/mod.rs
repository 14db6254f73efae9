//! JSON through the browser's own parser and printer (`JSON.parse`, `JSON.stringify`): no JSON
//! library compiled into the widget. Reading walks the parsed value with [`de::Value`];
//! writing goes through serde-wasm-bindgen.

mod de;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `text` read as `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_owned())?;
    T::deserialize(de::Value(value)).map_err(|e| e.to_string())
}

/// `value` as JSON text, as serde_json would write it (objects for maps and structs, `null`
/// for `None`).
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&js)
        .map(String::from)
        .map_err(|_| "cannot be written as JSON".to_owned())
}
