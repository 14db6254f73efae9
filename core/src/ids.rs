//! Identifiers. Each is a newtype with a private field: a value that exists has been checked.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("must not be empty")]
    Empty,
    #[error("must be at most {max} characters long")]
    TooLong { max: usize },
    #[error("may only contain lower-case letters a–z, digits and '-'")]
    InvalidCharacter,
    #[error("must be a UUID such as 123e4567-e89b-42d3-a456-426614174000")]
    NotUuid,
}

const MAX_KEY_LEN: usize = 64;

/// A key as used for slugs and ids in a consultation definition: `a-z`, `0-9` and `-`.
fn parse_key(s: &str) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    if s.len() > MAX_KEY_LEN {
        return Err(IdError::TooLong { max: MAX_KEY_LEN });
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(IdError::InvalidCharacter);
    }
    Ok(())
}

macro_rules! key_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks `s` and wraps it.
            pub fn parse(s: &str) -> Result<Self, IdError> {
                parse_key(s).map(|()| Self(s.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                parse_key(&s).map(|()| Self(s))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> String {
                stringify!($name).to_owned()
            }

            fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
                string_schema(None, Some(KEY_PATTERN))
            }
        }
    };
}

/// What [`parse_key`] accepts, as a JSON Schema pattern.
#[cfg(feature = "schema")]
const KEY_PATTERN: &str = "^[a-z0-9-]{1,64}$";

/// A string schema with a `format` or a `pattern`, for the OpenAPI document.
#[cfg(feature = "schema")]
fn string_schema(format: Option<&str>, pattern: Option<&str>) -> schemars::schema::Schema {
    use schemars::schema::{InstanceType, SchemaObject, StringValidation};
    SchemaObject {
        instance_type: Some(InstanceType::String.into()),
        format: format.map(str::to_owned),
        string: Some(Box::new(StringValidation {
            pattern: pattern.map(str::to_owned),
            ..Default::default()
        })),
        ..Default::default()
    }
    .into()
}

key_type!(
    /// The short name of a consultation in URLs, e.g. `demo`.
    Slug
);
key_type!(
    /// A stakeholder group, e.g. `citizens`.
    GroupId
);
key_type!(
    /// A priority (impact goal) within one consultation.
    PriorityId
);
key_type!(
    /// A goal conflict within one consultation.
    ConflictId
);
key_type!(
    /// An indicator of one priority, e.g. `online-services`.
    IndicatorId
);

/// The id of a response, made by the client. It doubles as idempotency key, so it must be
/// unguessable: a UUID, stored in its lower-case hyphenated form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ResponseId(String);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ResponseId {
    fn schema_name() -> String {
        "ResponseId".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        string_schema(
            Some("uuid"),
            Some("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"),
        )
    }
}

impl ResponseId {
    /// Accepts the canonical 8-4-4-4-12 hex form in either case.
    pub fn parse(s: &str) -> Result<Self, IdError> {
        let bytes = s.as_bytes();
        let well_formed = bytes.len() == 36
            && bytes.iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            });
        if well_formed {
            Ok(Self(s.to_ascii_lowercase()))
        } else {
            Err(IdError::NotUuid)
        }
    }

    /// A random (version 4) UUID from 16 random bytes the caller supplies.
    pub fn from_random_bytes(mut bytes: [u8; 16]) -> Self {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        Self(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ResponseId {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        Self::parse(&s)
    }
}

impl From<ResponseId> for String {
    fn from(id: ResponseId) -> String {
        id.0
    }
}

impl fmt::Display for ResponseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_accept_lowercase_digits_and_hyphens_only() {
        assert!(PriorityId::parse("digital-identity-2").is_ok());
        assert_eq!(PriorityId::parse(""), Err(IdError::Empty));
        assert_eq!(PriorityId::parse("Digital"), Err(IdError::InvalidCharacter));
        assert_eq!(PriorityId::parse("a b"), Err(IdError::InvalidCharacter));
        assert_eq!(
            GroupId::parse(&"x".repeat(65)),
            Err(IdError::TooLong { max: 64 })
        );
    }

    #[test]
    fn response_ids_are_uuids_in_lower_case() {
        let id = ResponseId::parse("123E4567-E89B-42D3-A456-426614174000").unwrap();
        assert_eq!(id.as_str(), "123e4567-e89b-42d3-a456-426614174000");
        assert_eq!(ResponseId::parse("123e4567"), Err(IdError::NotUuid));
        assert_eq!(
            ResponseId::parse("123e4567-e89b-42d3-a456-42661417400g"),
            Err(IdError::NotUuid)
        );
    }

    #[test]
    fn random_ids_are_version_4_variant_1() {
        let id = ResponseId::from_random_bytes([0xff; 16]);
        assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert!(ResponseId::parse(id.as_str()).is_ok());
    }

    #[test]
    fn ids_deserialize_only_when_valid() {
        assert!(serde_json::from_str::<GroupId>("\"citizens\"").is_ok());
        assert!(serde_json::from_str::<GroupId>("\"Citizens!\"").is_err());
    }
}
