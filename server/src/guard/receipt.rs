//! Receipts: a code the participant keeps to view or withdraw their response later.
//!
//! A receipt is derived from the response id with a server-side key (HMAC-SHA-256), so it is
//! never stored, a replayed submission gets the same receipt back, and knowing a response id is
//! not enough to make its receipt.

use hmac::{Hmac, Mac};
use mitreden_core::ResponseId;
use sha2::Sha256;

/// Crockford's base-32 alphabet: no I, L, O or U, so codes read aloud without confusion.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Clone)]
pub struct ReceiptKey(Vec<u8>);

impl ReceiptKey {
    pub fn new(secret: Vec<u8>) -> Self {
        Self(secret)
    }

    /// A receipt such as `7KQ2-M9XD-4HNA-0ZTR` (80 bits).
    pub fn receipt(&self, id: &ResponseId) -> String {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC accepts keys of any length");
        mac.update(id.as_str().as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut bits: u128 = 0;
        for &b in &digest[..10] {
            bits = (bits << 8) | u128::from(b);
        }
        let mut out = String::with_capacity(19);
        for i in 0..16 {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            let shift = 75 - 5 * i;
            out.push(ALPHABET[((bits >> shift) & 31) as usize] as char);
        }
        out
    }
}

/// The canonical form of a receipt typed by a person: upper case, without spaces and hyphens,
/// with the letters Crockford's alphabet leaves out read as the digits they look like. A code
/// pasted with the words around it ("Ihr Beleg-Code: ABCD-EFGH-JKMN-PQRS.", "Code:abcd efgh
/// jkmn pqrs") is found among them, if they hold one receipt (the same one again is fine).
/// `None` if it cannot be a receipt.
pub fn normalise(typed: &str) -> Option<String> {
    canonical(typed).or_else(|| {
        // Words: runs of letters, digits and hyphens (as byte ranges). A code is one word, or
        // four words of four signs with nothing but spaces between them.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut open = None;
        for (i, c) in typed.char_indices().chain([(typed.len(), ' ')]) {
            let in_word = c.is_ascii_alphanumeric() || is_dash(c);
            match (in_word, open) {
                (true, None) => open = Some(i),
                (false, Some(from)) => {
                    words.push((from, i));
                    open = None;
                }
                _ => {}
            }
        }
        let spaced = words.windows(4).filter_map(|four| {
            let text = &typed[four[0].0..four[3].1];
            let groups: Vec<&str> = text.split(' ').filter(|g| !g.is_empty()).collect();
            (groups.len() == 4 && groups.iter().all(|g| g.len() == 4)).then(|| groups.concat())
        });
        let mut codes = words
            .iter()
            .map(|&(from, to)| typed[from..to].to_owned())
            .chain(spaced)
            .filter_map(|candidate| canonical(&candidate));
        let code = codes.next()?;
        codes.all(|other| other == code).then_some(code)
    })
}

/// A hyphen as typed, or as copied from a document or an app that set the code with a
/// non-breaking hyphen (U+2011, so it does not wrap) or another dash.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}'
    )
}

fn canonical(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|&c| !c.is_whitespace() && !is_dash(c))
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            other => other,
        })
        .collect();
    (code.len() == 16 && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// What is stored to find a submission by its receipt: a SHA-256 of the canonical form.
pub fn hash(receipt: &str) -> Option<String> {
    use sha2::Digest;
    let code = normalise(receipt)?;
    let digest = Sha256::digest(code.as_bytes());
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_receipts_are_read_generously() {
        let key = ReceiptKey::new(vec![3; 32]);
        let id = ResponseId::parse("123e4567-e89b-42d3-a456-426614174000").unwrap();
        let receipt = key.receipt(&id);
        let sloppy = receipt.to_lowercase().replace('-', " ");
        assert_eq!(hash(&sloppy), hash(&receipt));
        assert_eq!(
            normalise("oooo-iiii-llll-0000").as_deref(),
            Some("0000111111110000")
        );
        // Pasted with the words around it, from the receipt or a note.
        let pasted = format!("Ihr Beleg-Code: {receipt}.");
        assert_eq!(hash(&pasted), hash(&receipt));
        assert_eq!(
            hash(&format!("Code {receipt} oder {receipt}")),
            hash(&receipt)
        );
        let spaced = receipt.to_lowercase().replace('-', " ");
        assert_eq!(
            hash(&format!("Your receipt code: {spaced} ✓")),
            hash(&receipt)
        );
        assert_eq!(hash(&format!("Beleg-Code:{receipt}")), hash(&receipt));
        assert_eq!(hash(&format!("Prüfcode → {spaced} ✓ ü")), hash(&receipt));
        // Copied where the code was set with non-breaking hyphens (or another dash).
        assert_eq!(hash(&receipt.replace('-', "\u{2011}")), hash(&receipt));
        assert_eq!(
            hash(&format!("Code: {}", receipt.replace('-', "\u{2013}"))),
            hash(&receipt)
        );
        // Two different codes: which one was meant cannot be known.
        let other =
            key.receipt(&ResponseId::parse("123e4567-e89b-42d3-a456-426614174001").unwrap());
        assert_eq!(hash(&format!("{receipt} {other}")), None);
        assert_eq!(hash("too short"), None);
        assert_eq!(hash("UUUU-UUUU-UUUU-UUUU"), None);
    }

    #[test]
    fn receipts_are_stable_per_key_and_id_and_differ_otherwise() {
        let id = ResponseId::parse("123e4567-e89b-42d3-a456-426614174000").unwrap();
        let other = ResponseId::parse("123e4567-e89b-42d3-a456-426614174001").unwrap();
        let key = ReceiptKey::new(vec![1; 32]);
        let receipt = key.receipt(&id);
        assert_eq!(receipt.len(), 19);
        assert_eq!(receipt, key.receipt(&id));
        assert_ne!(receipt, key.receipt(&other));
        assert_ne!(receipt, ReceiptKey::new(vec![2; 32]).receipt(&id));
        assert!(receipt
            .chars()
            .all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
    }
}
