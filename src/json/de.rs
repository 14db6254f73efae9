//! A serde `Deserializer` over what `JSON.parse` returns: null, booleans, numbers, strings,
//! arrays and plain objects.
//!
//! serde-wasm-bindgen's deserializer would do, but its errors are written when they are made,
//! which keeps serde's descriptions of every unexpected value in the module, among them the
//! printing of floating-point numbers (about 12 KB of wasm). The errors here name what was
//! wrong (a field missing, a variant unknown, a value of the wrong kind) without the value.

use std::fmt::Display;

use js_sys::{Array, Object};
use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use wasm_bindgen::{JsCast, JsValue};

use super::Error;

impl de::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error(format!(
            "{} where {expected} was expected",
            kind(&unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error(format!("{} out of range for {expected}", kind(&unexpected)))
    }

    fn invalid_length(len: usize, expected: &dyn Expected) -> Self {
        Error(format!("{len} elements where {expected} was expected"))
    }

    fn unknown_variant(variant: &str, _expected: &'static [&'static str]) -> Self {
        Error(format!("unknown variant `{variant}`"))
    }

    fn unknown_field(field: &str, _expected: &'static [&'static str]) -> Self {
        Error(format!("unknown field `{field}`"))
    }

    fn missing_field(field: &'static str) -> Self {
        Error(format!("missing field `{field}`"))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error(format!("duplicate field `{field}`"))
    }
}

/// What kind of value `unexpected` is, without the value itself.
fn kind(unexpected: &Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        _ => "a value",
    }
}

/// One value of what `JSON.parse` returned.
pub struct Value(pub JsValue);

/// Integers JavaScript's numbers hold exactly (±2⁵³ − 1).
const SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// `deserialize_*` methods that read a narrower kind as a wider one (the visitor checks the
/// range: a `u8` of 300 is refused by its visitor).
macro_rules! as_wider {
    ($($($method:ident)+ => $wider:ident;)*) => {$($(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.$wider(visitor)
        }
    )+)*};
}

/// Each `deserialize_*` but `deserialize_any` asks its visitor for one kind of value only: the
/// visitor's other methods (serde's descriptions of what else came) are never compiled in.
impl<'de> de::Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = value.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = value.as_f64() {
            match integer(n) {
                Some(i) if i < 0 => visitor.visit_i64(i),
                Some(i) => visitor.visit_u64(i as u64),
                None => visitor.visit_f64(n),
            }
        } else if let Some(s) = value.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&value) {
            visitor.visit_seq(Items::new(value))
        } else {
            visitor.visit_map(Entries::new(value))
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_bool(
            self.0
                .as_bool()
                .ok_or_else(|| wrong(&self.0, "a boolean"))?,
        )
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.as_f64().and_then(integer) {
            Some(i) if i >= 0 => visitor.visit_u64(i as u64),
            _ => Err(wrong(&self.0, "a whole number from 0")),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let i = self.0.as_f64().and_then(integer);
        visitor.visit_i64(i.ok_or_else(|| wrong(&self.0, "a whole number"))?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_f64(self.0.as_f64().ok_or_else(|| wrong(&self.0, "a number"))?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_string(
            self.0
                .as_string()
                .ok_or_else(|| wrong(&self.0, "a string"))?,
        )
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !Array::is_array(&self.0) {
            return Err(wrong(&self.0, "an array"));
        }
        visitor.visit_seq(Items::new(self.0))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !is_object(&self.0) {
            return Err(wrong(&self.0, "an object"));
        }
        visitor.visit_map(Entries::new(self.0))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if !self.0.is_null() {
            return Err(wrong(&self.0, "null"));
        }
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if let Some(name) = self.0.as_string() {
            return visitor.visit_enum(name.into_deserializer());
        }
        // `{"variant": content}`: a variant with content.
        let entries = is_object(&self.0).then(|| Object::entries(self.0.unchecked_ref()));
        let Some(entry) = entries
            .filter(|e| e.length() == 1)
            .map(|e| Array::from(&e.get(0)))
        else {
            return Err(wrong(
                &self.0,
                "a variant's name or an object with one variant",
            ));
        };
        visitor.visit_enum(Variant {
            name: entry.get(0),
            content: entry.get(1),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        i128 u128 char bytes byte_buf tuple_struct
    }

    as_wider! {
        deserialize_i8 deserialize_i16 deserialize_i32 => deserialize_i64;
        deserialize_u8 deserialize_u16 deserialize_u32 => deserialize_u64;
        deserialize_f32 => deserialize_f64;
        deserialize_str deserialize_identifier => deserialize_string;
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }
}

/// `n` as an integer, if it is one JavaScript holds exactly.
fn integer(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() <= SAFE_INTEGER).then_some(n as i64)
}

/// A plain object: not null, not an array.
fn is_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

/// The error for `found` where `expected` belongs (one function for every type read, so
/// that no visitor's own error path is compiled in).
#[inline(never)]
fn wrong(found: &JsValue, expected: &str) -> Error {
    let found = if found.is_null() || found.is_undefined() {
        "null"
    } else if found.as_bool().is_some() {
        "a boolean"
    } else if found.as_f64().is_some() {
        "a number"
    } else if found.as_string().is_some() {
        "a string"
    } else if Array::is_array(found) {
        "an array"
    } else {
        "an object"
    };
    Error(format!("{found} where {expected} was expected"))
}

/// An array's items, one after the other.
struct Items {
    items: Array,
    next: u32,
}

impl Items {
    fn new(array: JsValue) -> Self {
        Items {
            items: Array::from(&array),
            next: 0,
        }
    }
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.items.length() - self.next) as usize)
    }
}

/// An object's `[key, value]` pairs (`Object.entries`), one after the other.
struct Entries {
    entries: Array,
    next: u32,
    value: Option<JsValue>,
}

impl Entries {
    fn new(object: JsValue) -> Self {
        Entries {
            entries: Object::entries(object.unchecked_ref()),
            next: 0,
            value: None,
        }
    }
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.next >= self.entries.length() {
            return Ok(None);
        }
        let entry = Array::from(&self.entries.get(self.next));
        self.next += 1;
        self.value = Some(entry.get(1));
        seed.deserialize(Value(entry.get(0))).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self.value.take().unwrap_or(JsValue::NULL);
        seed.deserialize(Value(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.entries.length() - self.next) as usize)
    }
}

/// A variant written `{"name": content}`.
struct Variant {
    name: JsValue,
    content: JsValue,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Value;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Value), Error> {
        let name = seed.deserialize(Value(self.name))?;
        Ok((name, Value(self.content)))
    }
}

impl<'de> VariantAccess<'de> for Value {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}
