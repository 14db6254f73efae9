//! Slows down password guessing at sign-in, without letting a stranger lock out the owner and
//! without memory an attacker can grow.
//!
//! Two counters per attempt, both kept only in memory under a keyed 64-bit hash (the key is
//! made at random when the server starts; neither names nor addresses are kept as such):
//!
//! - **per client and name**: after [`CLIENT_FREE`] failures from one client (its address, an
//!   IPv6 client by its /64 network) for one name, that client waits before its next attempt
//!   for that name, doubling each time up to [`CLIENT_MAX_WAIT`] (15 minutes);
//! - **per name**, from all clients together: after [`NAME_FREE`] failures the name waits too,
//!   but never longer than [`NAME_MAX_WAIT`] (one minute), so a burst from somewhere else holds
//!   up the real owner for a minute at most, while a guesser spread over many addresses still
//!   gets at most one guess a minute.
//!
//! An attempt is counted as failed *before* the password is checked ([`Throttle::begin`]), in
//! the same step that checks the waits, so parallel requests cannot slip past the count; a
//! correct password then takes the count back ([`Attempt::succeeded`]).
//!
//! The table holds at most [`MAX_ENTRIES`] entries: entries that have been quiet for an hour are
//! dropped, and when it is still full the eighth quiet the longest go. Entries are a few dozen
//! bytes, so the table stays within a few MB whatever an attacker sends.

use std::collections::hash_map::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Failures from one client for one name before it has to wait.
pub const CLIENT_FREE: u32 = 5;
/// The longest wait for one client and name.
pub const CLIENT_MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// Failures for one name from all clients before everybody has to wait.
pub const NAME_FREE: u32 = 20;
/// The longest wait for a name: what a stranger can cost the owner.
pub const NAME_MAX_WAIT: Duration = Duration::from_secs(60);
/// Entries kept at most (a few MB).
pub const MAX_ENTRIES: usize = 50_000;
/// An entry quiet for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(60 * 60);

#[derive(Clone)]
pub struct Throttle {
    entries: Arc<Mutex<HashMap<u64, Entry>>>,
    hasher: RandomState,
}

#[derive(Clone, Copy)]
struct Entry {
    failures: u32,
    until: Instant,
    seen: Instant,
}

/// An attempt that counts as failed unless [`Attempt::succeeded`] takes it back.
#[must_use]
pub struct Attempt {
    throttle: Throttle,
    keys: [u64; 2],
    settled: bool,
}

impl Default for Throttle {
    fn default() -> Self {
        Self {
            entries: Arc::default(),
            hasher: RandomState::new(),
        }
    }
}

impl Throttle {
    /// Starts an attempt by `client` for `name`: `Err(seconds to wait)` while either is held
    /// back; otherwise the attempt is counted as failed already.
    pub fn begin(&self, client: IpAddr, name: &str) -> Result<Attempt, u64> {
        let by_client = self.hasher.hash_one((0u8, client, name));
        let by_name = self.hasher.hash_one((1u8, name));
        let now = Instant::now();
        let mut entries = self.entries();
        let wait = [by_client, by_name]
            .iter()
            .filter_map(|key| entries.get(key))
            .map(|e| e.until.saturating_duration_since(now))
            .max()
            .unwrap_or_default();
        if !wait.is_zero() {
            return Err(wait.as_secs().max(1));
        }
        for key in [by_client, by_name] {
            if !entries.contains_key(&key) {
                make_room(&mut entries, now);
            }
            let entry = entries.entry(key).or_insert(Entry {
                failures: 0,
                until: now,
                seen: now,
            });
            entry.failures += 1;
            entry.seen = now;
        }
        hold_back(&mut entries, [by_client, by_name], now);
        Ok(Attempt {
            throttle: self.clone(),
            keys: [by_client, by_name],
            settled: false,
        })
    }

    /// How many entries are kept (for tests).
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Entry>> {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Attempt {
    /// The password was right: this client's failures for the name are forgotten. The name's
    /// count stays (it fades after an hour of quiet), so that the owner signing in does not
    /// hand guessers elsewhere a fresh set of free attempts.
    pub fn succeeded(mut self) {
        self.settled = true;
        let [by_client, by_name] = self.keys;
        let mut entries = self.throttle.entries();
        entries.remove(&by_client);
        // This attempt was counted against the name before the check; it was no guess.
        if let Some(entry) = entries.get_mut(&by_name) {
            entry.failures = entry.failures.saturating_sub(1);
        }
    }
}

impl Drop for Attempt {
    /// A failed attempt: the wait it earned counts from now, when checking the password is
    /// over, not from when it began (checking takes a moment).
    fn drop(&mut self) {
        if !self.settled {
            hold_back(&mut self.throttle.entries(), self.keys, Instant::now());
        }
    }
}

/// Sets the waits of the client's and the name's entries from their failures, counted from
/// `now`; a wait already longer stays.
fn hold_back(entries: &mut HashMap<u64, Entry>, [by_client, by_name]: [u64; 2], now: Instant) {
    for (key, free, max_wait) in [
        (by_client, CLIENT_FREE, CLIENT_MAX_WAIT),
        (by_name, NAME_FREE, NAME_MAX_WAIT),
    ] {
        if let Some(entry) = entries.get_mut(&key) {
            if entry.failures >= free {
                let doublings = (entry.failures - free).min(20);
                let wait = Duration::from_secs(1 << doublings).min(max_wait);
                entry.until = entry.until.max(now + wait);
            }
        }
    }
}

/// Makes room for one more entry: forgets quiet ones, and if that is not enough, the eighth
/// quiet the longest (so that a full table costs one pass per many attempts, not per attempt).
fn make_room(entries: &mut HashMap<u64, Entry>, now: Instant) {
    if entries.len() < MAX_ENTRIES {
        return;
    }
    entries.retain(|_, e| e.until > now || now.duration_since(e.seen) < FORGET_AFTER);
    if entries.len() >= MAX_ENTRIES {
        let mut seen: Vec<Instant> = entries.values().map(|e| e.seen).collect();
        let (_, cutoff, _) = seen.select_nth_unstable(MAX_ENTRIES / 8);
        let cutoff = *cutoff;
        entries.retain(|_, e| e.seen > cutoff);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(192, 0, 2, 1));
    const AWAY: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 7));

    #[test]
    fn a_client_waits_after_five_failures_and_the_owner_elsewhere_does_not() {
        let throttle = Throttle::default();
        for _ in 0..CLIENT_FREE {
            drop(throttle.begin(AWAY, "ada").expect("free attempt"));
        }
        assert!(throttle.begin(AWAY, "ada").is_err());
        throttle
            .begin(HOME, "ada")
            .expect("the owner's client is not held back")
            .succeeded();
    }

    #[test]
    fn a_name_waits_at_most_a_minute_whatever_strangers_do() {
        let throttle = Throttle::default();
        for n in 0..200u8 {
            let stranger = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, n));
            let _ = throttle.begin(stranger, "ada");
        }
        let wait = throttle.begin(HOME, "ada").err().expect("the name waits");
        assert!(wait <= NAME_MAX_WAIT.as_secs(), "{wait}");
    }

    #[test]
    fn the_table_never_grows_past_its_bound() {
        let throttle = Throttle::default();
        for n in 0..(MAX_ENTRIES as u32 + 5_000) {
            let _ = throttle.begin(HOME, &n.to_string());
        }
        assert!(throttle.len() <= MAX_ENTRIES, "{}", throttle.len());
    }
}
