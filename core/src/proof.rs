//! Proof of work, ALTCHA-style: the server hands out a signed challenge (the SHA-256 of a salt
//! followed by a secret number no greater than `maxnumber`); the client finds the number by
//! trying them in turn and sends it with its submission. A person's browser does this in the
//! background in well under a second; sending thousands of submissions costs thousands of
//! those seconds. Issuing, signing and checking (with replay protection) are the server's;
//! the puzzle itself is here, shared by the server and the widget.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The only algorithm used.
pub const ALGORITHM: &str = "SHA-256";

/// A challenge as the server issues it (`GET …/challenge`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    /// Always `SHA-256`.
    pub algorithm: String,
    /// Hex SHA-256 of `salt` followed by the secret number in decimal.
    pub challenge: String,
    /// Random, and says until when the challenge is good (`…?expires=1767225600`).
    pub salt: String,
    /// The server's signature of `challenge`.
    pub signature: String,
    /// The secret number is at most this.
    pub maxnumber: u64,
}

/// A solved challenge, sent with a submission in the header `Mitreden-Proof` as JSON.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    pub algorithm: String,
    pub challenge: String,
    pub number: u64,
    pub salt: String,
    pub signature: String,
}

/// Hex SHA-256 of `salt` followed by `number` in decimal.
pub fn digest(salt: &str, number: u64) -> String {
    let mut hasher = Sha256::new();
    hasher.update(salt.as_bytes());
    hasher.update(number.to_string().as_bytes());
    hex(&hasher.finalize())
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

impl Challenge {
    /// Tries the numbers in `from..=to` (capped at `maxnumber`); a caller that must stay
    /// responsive solves in slices.
    pub fn solve_between(&self, from: u64, to: u64) -> Option<Solution> {
        let to = to.min(self.maxnumber);
        // Comparing bytes, not hex strings, keeps the loop cheap.
        let target = unhex(&self.challenge)?;
        let mut number = from;
        while number <= to {
            let mut hasher = Sha256::new();
            hasher.update(self.salt.as_bytes());
            hasher.update(number.to_string().as_bytes());
            if hasher.finalize().as_slice() == target.as_slice() {
                return Some(self.solution(number));
            }
            number += 1;
        }
        None
    }

    /// The whole search at once.
    pub fn solve(&self) -> Option<Solution> {
        self.solve_between(0, self.maxnumber)
    }

    fn solution(&self, number: u64) -> Solution {
        Solution {
            algorithm: self.algorithm.clone(),
            challenge: self.challenge.clone(),
            number,
            salt: self.salt.clone(),
            signature: self.signature.clone(),
        }
    }
}

impl Solution {
    /// Whether `number` is the one behind `challenge` (the signature and expiry are the
    /// server's to check).
    pub fn solves(&self) -> bool {
        self.algorithm == ALGORITHM && digest(&self.salt, self.number) == self.challenge
    }

    /// Until when the challenge is good (seconds since 1970), from its salt.
    pub fn expires(&self) -> Option<i64> {
        self.param("expires")?.parse().ok()
    }

    /// The consultation the challenge was issued for, from its salt.
    pub fn consultation(&self) -> Option<&str> {
        self.param("consultation")
    }

    /// The largest secret number the challenge was issued with, from its salt.
    pub fn maxnumber(&self) -> Option<u64> {
        self.param("maxnumber")?.parse().ok()
    }

    /// A parameter the server wrote into the salt (`random?expires=…&consultation=…`). The
    /// salt is part of what the signed challenge hashes, so nobody can change them.
    fn param(&self, name: &str) -> Option<&str> {
        let (_, params) = self.salt.split_once('?')?;
        params
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn challenge(salt: &str, number: u64, maxnumber: u64) -> Challenge {
        Challenge {
            algorithm: ALGORITHM.into(),
            challenge: digest(salt, number),
            salt: salt.into(),
            signature: "s".into(),
            maxnumber,
        }
    }

    #[test]
    fn the_digest_is_sha256_of_salt_and_decimal_number() {
        // printf 'abc123' | sha256sum
        assert_eq!(
            digest("abc", 123),
            "6ca13d52ca70c883e0f0bb101e425a89e8624de51db2d2392593af6a84118090"
        );
    }

    #[test]
    fn the_secret_number_is_found_and_checks_out() {
        let c = challenge("f00d?expires=1767225600", 4_321, 10_000);
        let solution = c.solve().unwrap();
        assert_eq!(solution.number, 4_321);
        assert!(solution.solves());
        assert_eq!(solution.expires(), Some(1_767_225_600));
        assert_eq!(c.solve_between(0, 4_000), None);
        assert_eq!(c.solve_between(4_000, 5_000).unwrap().number, 4_321);
    }

    #[test]
    fn a_wrong_number_or_algorithm_does_not_solve() {
        let mut solution = challenge("f00d", 7, 10).solve().unwrap();
        solution.number = 8;
        assert!(!solution.solves());
        solution.number = 7;
        solution.algorithm = "MD5".into();
        assert!(!solution.solves());
    }

    #[test]
    fn a_number_beyond_maxnumber_is_not_searched() {
        assert_eq!(challenge("f00d", 50, 10).solve(), None);
    }
}
