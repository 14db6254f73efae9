//! Web origins as browsers send them (`https://host[:port]`): which pages may embed a
//! consultation (`settings.allowed_origins`, written into `frame-ancestors`) and which may call
//! the API (CORS). Anything that is not exactly scheme, host and optional port is refused,
//! since the value ends up in a security header.

/// An origin in the OpenAPI document: `http(s)://host[:port]`.
#[cfg(feature = "schema")]
pub struct OriginSchema;

#[cfg(feature = "schema")]
impl schemars::JsonSchema for OriginSchema {
    fn schema_name() -> String {
        "Origin".to_owned()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{InstanceType, SchemaObject, StringValidation};
        SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            string: Some(Box::new(StringValidation {
                pattern: Some(
                    r"^[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?/?$"
                        .to_owned(),
                ),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// Why a text is not an origin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OriginError {
    #[error("'{0}' is not an origin: it must start with https:// or http://")]
    Scheme(String),
    #[error("'{0}' is not an origin: only scheme, host and port are allowed, like https://portal.example or http://127.0.0.1:8081")]
    Shape(String),
}

/// `value` as an origin: scheme and host in lower case, a trailing slash dropped.
pub fn parse_origin(value: &str) -> Result<String, OriginError> {
    let shape = || OriginError::Shape(value.to_owned());
    let lower = value.to_ascii_lowercase();
    let trimmed = lower.strip_suffix('/').unwrap_or(&lower);
    let (scheme, rest) = trimmed
        .split_once("://")
        .filter(|(s, _)| matches!(*s, "https" | "http"))
        .ok_or_else(|| OriginError::Scheme(value.to_owned()))?;
    let (host, port) = if rest.starts_with('[') {
        let end = rest.find(']').ok_or_else(shape)?;
        let after = &rest[end + 1..];
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or_else(shape)?),
        };
        (&rest[..=end], port)
    } else {
        match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        }
    };
    if let Some(port) = port {
        let valid = !port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !valid {
            return Err(shape());
        }
    }
    let valid_host = if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !v6.is_empty()
            && v6
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    } else {
        !host.is_empty()
            && host.len() <= 253
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
    };
    if !valid_host {
        return Err(shape());
    }
    Ok(format!("{scheme}://{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_origins_pass_in_their_canonical_form() {
        for (given, expected) in [
            ("https://www.Example.org/", "https://www.example.org"),
            ("http://127.0.0.1:8081", "http://127.0.0.1:8081"),
            ("https://[2001:db8::1]:8443", "https://[2001:db8::1]:8443"),
            ("https://xn--mnchen-3ya.de", "https://xn--mnchen-3ya.de"),
        ] {
            assert_eq!(parse_origin(given).as_deref(), Ok(expected), "{given}");
        }
    }

    #[test]
    fn wildcards_control_characters_paths_and_lists_are_refused() {
        for bad in [
            "*",
            "https://*",
            "https://*.example.org",
            "https://exa\tmple.org",
            "https://example.org\0",
            "https://example.org/path",
            "https://example.org:99999",
            "https://example.org:",
            "https://a.org https://b.org",
            "https://a.org;script-src *",
            "ftp://example.org",
            "example.org",
            "https://",
            "'self'",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad:?}");
        }
    }
}
