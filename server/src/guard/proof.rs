//! Proof-of-work challenges for consultations that ask for them (`settings.proof_of_work`,
//! the largest secret number). The puzzle is in [`mitreden_core::proof`]; here challenges are
//! issued and signed with a key kept in the database, and solutions checked: signed by us, not
//! expired, solved, and issued for this consultation at (at least) its present difficulty; a
//! challenge from an easy consultation does not open a hard one. That each is used for one submission only is checked when the submission
//! is stored, in the same transaction (see `storage::submissions`).

use axum::http::HeaderMap;
use hmac::{Hmac, Mac};
use mitreden_core::proof::{self, Challenge, Solution, ALGORITHM};
use rand::{Rng, RngCore};
use sha2::Sha256;

use crate::error::AppError;

/// The header a solution travels in, as JSON.
pub const HEADER: &str = "mitreden-proof";

/// How long a challenge may be solved and used.
const VALID_SECONDS: i64 = 20 * 60;

#[derive(Clone)]
pub struct ProofKey(Vec<u8>);

/// A checked solution: its challenge, which may be used once, and until when it is good.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    pub challenge: String,
    pub expires: i64,
}

impl ProofKey {
    pub fn new(secret: Vec<u8>) -> Self {
        Self(secret)
    }

    fn sign(&self, challenge: &str) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC accepts keys of any length");
        mac.update(challenge.as_bytes());
        mac
    }

    /// A new challenge for the consultation `slug` whose secret number is at most
    /// `maxnumber`, good for twenty minutes from `now` (seconds since 1970). All three are
    /// written into the salt, which the signed challenge covers.
    pub fn issue(&self, slug: &str, maxnumber: u64, now: i64) -> Challenge {
        let mut rng = rand::thread_rng();
        let mut random = [0u8; 12];
        rng.fill_bytes(&mut random);
        let salt = format!(
            "{}?expires={}&consultation={slug}&maxnumber={maxnumber}",
            proof::hex(&random),
            now + VALID_SECONDS
        );
        let number = rng.gen_range(0..=maxnumber);
        let challenge = proof::digest(&salt, number);
        let signature = proof::hex(&self.sign(&challenge).finalize().into_bytes());
        Challenge {
            algorithm: ALGORITHM.to_owned(),
            challenge,
            salt,
            signature,
            maxnumber,
        }
    }

    /// Checks the solution in the request's `Mitreden-Proof` header for a submission to the
    /// consultation `slug`, which asks for `difficulty`.
    pub fn check(
        &self,
        headers: &HeaderMap,
        slug: &str,
        difficulty: u64,
        now: i64,
    ) -> Result<Proof, AppError> {
        let sent = headers.get(HEADER).ok_or(AppError::ProofRequired)?;
        let solution: Solution = sent
            .to_str()
            .ok()
            .and_then(|s| serde_json::from_str(s).ok())
            .ok_or(AppError::ProofInvalid)?;
        let signature = unhex(&solution.signature).ok_or(AppError::ProofInvalid)?;
        self.sign(&solution.challenge)
            .verify_slice(&signature)
            .map_err(|_| AppError::ProofInvalid)?;
        let expires = solution.expires().ok_or(AppError::ProofInvalid)?;
        if !solution.solves()
            || solution.consultation() != Some(slug)
            || solution.maxnumber().is_none_or(|max| max < difficulty)
        {
            return Err(AppError::ProofInvalid);
        }
        if expires < now {
            return Err(AppError::ProofExpired);
        }
        Ok(Proof {
            challenge: solution.challenge,
            expires,
        })
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(solution: &Solution) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            HEADER,
            serde_json::to_string(solution).unwrap().parse().unwrap(),
        );
        headers
    }

    #[test]
    fn an_issued_challenge_solved_is_accepted_until_it_expires() {
        let key = ProofKey::new(vec![7; 32]);
        let challenge = key.issue("demo", 1_000, 100);
        let solution = challenge.solve().unwrap();
        let proof = key.check(&header(&solution), "demo", 1_000, 100).unwrap();
        assert_eq!(proof.challenge, challenge.challenge);
        assert_eq!(proof.expires, 100 + VALID_SECONDS);
        assert_eq!(
            key.check(&header(&solution), "demo", 1_000, 101 + VALID_SECONDS)
                .unwrap_err()
                .code(),
            "proof_expired"
        );
    }

    #[test]
    fn forged_wrong_or_missing_proofs_are_refused() {
        let key = ProofKey::new(vec![7; 32]);
        let solution = key.issue("demo", 100, 0).solve().unwrap();
        let other_key = ProofKey::new(vec![8; 32]);
        assert_eq!(
            other_key
                .check(&header(&solution), "demo", 100, 0)
                .unwrap_err()
                .code(),
            "proof_invalid"
        );
        let mut wrong = solution.clone();
        wrong.number += 1;
        assert_eq!(
            key.check(&header(&wrong), "demo", 100, 0)
                .unwrap_err()
                .code(),
            "proof_invalid"
        );
        // A challenge of one's own making, signed or not, is not ours.
        let mut own = solution.clone();
        own.salt = "0?expires=99999999999".into();
        own.challenge = proof::digest(&own.salt, 0);
        own.number = 0;
        assert_eq!(
            key.check(&header(&own), "demo", 100, 0).unwrap_err().code(),
            "proof_invalid"
        );
        assert_eq!(
            key.check(&HeaderMap::new(), "demo", 100, 0)
                .unwrap_err()
                .code(),
            "proof_required"
        );
        let mut garbage = HeaderMap::new();
        garbage.insert(HEADER, "{".parse().unwrap());
        assert_eq!(
            key.check(&garbage, "demo", 100, 0).unwrap_err().code(),
            "proof_invalid"
        );
    }

    #[test]
    fn a_challenge_opens_only_its_own_consultation_at_its_difficulty() {
        let key = ProofKey::new(vec![7; 32]);
        let easy = key.issue("easy", 10, 0).solve().unwrap();
        for (slug, difficulty) in [("hard", 10), ("easy", 5_000_000), ("hard", 5_000_000)] {
            assert_eq!(
                key.check(&header(&easy), slug, difficulty, 0)
                    .unwrap_err()
                    .code(),
                "proof_invalid",
                "{slug} {difficulty}"
            );
        }
        assert!(key.check(&header(&easy), "easy", 10, 0).is_ok());
        // Made harder after the challenge was issued: the challenge is too easy now.
        assert!(key.check(&header(&easy), "easy", 11, 0).is_err());
    }
}
