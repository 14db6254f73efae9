//! Rendered charts, kept so that a chart costs its rendering once per counted version, not
//! once per request: a PNG takes 130–200 ms of a core and several megabytes while it is drawn,
//! and anyone may ask for it.
//!
//! - A chart is kept per consultation, chart, format and language, with the stamp of the
//!   counts it shows ([`Stamp`]); a request under another stamp renders it afresh and replaces
//!   it. Only charts in the default look are kept: an accent colour from the address is
//!   rendered each time, so that varying it cannot flood the cache.
//! - What is kept is bounded in bytes; the least recently used chart goes first.
//! - Requests for a chart being rendered wait for that one rendering (single flight).
//! - At most [`RENDERS`] PNGs are drawn at once and at most [`WAITING`] more wait for their
//!   turn; beyond that the server answers 503 with `Retry-After` at once, holding nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use mitreden_core::Lang;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::AppError;

/// PNGs drawn at once (one per core of the machines mitreden is measured on).
pub const RENDERS: usize = 2;
/// PNG renderings that may wait for one of the [`RENDERS`] places.
pub const WAITING: usize = 14;
/// Bytes of rendered charts kept in all (a PNG is 0.1–1 MB, an SVG 10–60 KB).
const BUDGET: usize = 24 * 1024 * 1024;

/// What the counts of a chart are as of: the consultation's counted version, and that of the
/// uncertainty computed in the background (rank intervals appear once it is there).
pub type Stamp = (u64, Option<u64>);

/// One chart of one consultation, as one file.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ChartKey {
    pub slug: String,
    pub chart: String,
    pub lang: Lang,
    pub png: bool,
}

/// A rendered chart and the stamp it shows.
pub struct Rendered {
    pub stamp: Stamp,
    pub bytes: Vec<u8>,
}

#[derive(Default)]
struct Kept {
    charts: HashMap<ChartKey, (u64, Arc<Rendered>)>,
    bytes: usize,
    /// Counts uses, to find the least recently used.
    clock: u64,
}

/// The rendered charts of every consultation (shared by all requests).
#[derive(Clone)]
pub struct ChartCache {
    kept: Arc<Mutex<Kept>>,
    /// The chart being rendered, per key: later requests wait on it. Bounded by the charts
    /// there are (only kept charts fly together).
    flights: Arc<Mutex<HashMap<ChartKey, Arc<tokio::sync::Mutex<()>>>>>,
    /// Places for renderings under way or waiting.
    admitted: Arc<Semaphore>,
    /// Places for renderings under way.
    drawing: Arc<Semaphore>,
}

impl Default for ChartCache {
    fn default() -> Self {
        Self {
            kept: Arc::default(),
            flights: Arc::default(),
            admitted: Arc::new(Semaphore::new(RENDERS + WAITING)),
            drawing: Arc::new(Semaphore::new(RENDERS)),
        }
    }
}

/// Leave to draw one PNG: held while it is drawn.
pub struct Drawing {
    _admitted: OwnedSemaphorePermit,
    _drawing: OwnedSemaphorePermit,
}

impl ChartCache {
    /// The chart under `key` if it was rendered under `stamp`.
    pub fn get(&self, key: &ChartKey, stamp: Stamp) -> Option<Arc<Rendered>> {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.clock += 1;
        let now = kept.clock;
        let (used, rendered) = kept.charts.get_mut(key)?;
        if rendered.stamp != stamp {
            return None;
        }
        *used = now;
        Some(rendered.clone())
    }

    /// The chart under `key` as of `stamp`: kept, or rendered by `render` once however many
    /// ask at the same time.
    pub async fn get_or_render<F>(
        &self,
        key: ChartKey,
        stamp: Stamp,
        render: F,
    ) -> Result<Arc<Rendered>, AppError>
    where
        F: std::future::Future<Output = Result<Rendered, AppError>>,
    {
        if let Some(kept) = self.get(&key, stamp) {
            return Ok(kept);
        }
        let flight = self
            .flights
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(key.clone())
            .or_default()
            .clone();
        let _flying = flight.lock().await;
        // Whoever flew before may have rendered it meanwhile.
        let result = match self.get(&key, stamp) {
            Some(kept) => Ok(kept),
            None => render
                .await
                .map(|rendered| self.keep(key.clone(), rendered)),
        };
        let mut flights = self.flights.lock().unwrap_or_else(PoisonError::into_inner);
        // The last one out removes the flight (the map and this request hold the others).
        if Arc::strong_count(&flight) <= 2 {
            flights.remove(&key);
        }
        result
    }

    /// Leave to draw a PNG, after waiting for a place if every one is taken; `ChartsBusy` at
    /// once when too many wait already.
    pub async fn draw(&self) -> Result<Drawing, AppError> {
        let admitted = self
            .admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| AppError::ChartsBusy)?;
        let drawing = self
            .drawing
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| AppError::ChartsBusy)?;
        Ok(Drawing {
            _admitted: admitted,
            _drawing: drawing,
        })
    }

    /// Keeps a rendered chart, dropping the least recently used ones beyond the budget.
    fn keep(&self, key: ChartKey, rendered: Rendered) -> Arc<Rendered> {
        let rendered = Arc::new(rendered);
        let size = rendered.bytes.len();
        if size > BUDGET / 4 {
            return rendered;
        }
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.clock += 1;
        let now = kept.clock;
        if let Some((_, old)) = kept.charts.insert(key, (now, rendered.clone())) {
            kept.bytes -= old.bytes.len();
        }
        kept.bytes += size;
        while kept.bytes > BUDGET {
            let Some(oldest) = kept
                .charts
                .iter()
                .min_by_key(|(_, (used, _))| *used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some((_, gone)) = kept.charts.remove(&oldest) {
                kept.bytes -= gone.bytes.len();
            }
        }
        rendered
    }

    /// Bytes kept now (for tests).
    pub fn bytes(&self) -> usize {
        self.kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(chart: &str) -> ChartKey {
        ChartKey {
            slug: "demo".into(),
            chart: chart.into(),
            lang: Lang::De,
            png: true,
        }
    }

    fn rendered(stamp: Stamp, size: usize) -> Result<Rendered, AppError> {
        Ok(Rendered {
            stamp,
            bytes: vec![0; size],
        })
    }

    #[tokio::test]
    async fn a_chart_is_rendered_once_per_stamp() {
        let cache = ChartCache::default();
        let renders = std::sync::atomic::AtomicUsize::new(0);
        for stamp in [
            (1, None),
            (1, None),
            (2, None),
            (2, None),
            (2, Some(2)),
            (2, Some(2)),
        ] {
            cache
                .get_or_render(key("ranking"), stamp, async {
                    renders.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    rendered(stamp, 10)
                })
                .await
                .unwrap();
        }
        assert_eq!(renders.load(std::sync::atomic::Ordering::SeqCst), 3);
        assert!(cache.get(&key("ranking"), (2, Some(2))).is_some());
        // Replaced, not kept beside: one chart's bytes.
        assert_eq!(cache.bytes(), 10);
        assert!(cache.get(&key("ranking"), (1, None)).is_none());
    }

    #[tokio::test]
    async fn concurrent_first_requests_wait_for_one_rendering() {
        let cache = ChartCache::default();
        let renders = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let asks = (0..32).map(|_| {
            let cache = cache.clone();
            let renders = renders.clone();
            tokio::spawn(async move {
                cache
                    .get_or_render(key("groups"), (7, Some(7)), async move {
                        renders.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                        rendered((7, Some(7)), 100)
                    })
                    .await
                    .unwrap()
            })
        });
        for ask in futures_util::future::join_all(asks).await {
            assert_eq!(ask.unwrap().bytes.len(), 100);
        }
        assert_eq!(renders.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert!(
            cache.flights.lock().unwrap().is_empty(),
            "no flight left over"
        );
    }

    #[tokio::test]
    async fn kept_charts_stay_within_the_budget_least_recently_used_going_first() {
        let cache = ChartCache::default();
        let size = BUDGET / 5;
        for n in 0..5 {
            let k = key(&format!("conflict-{n}"));
            cache
                .get_or_render(k, (1, None), async { rendered((1, None), size) })
                .await
                .unwrap();
        }
        // Used again: now the most recent.
        assert!(cache.get(&key("conflict-0"), (1, None)).is_some());
        cache
            .get_or_render(key("conflict-5"), (1, None), async {
                rendered((1, None), size)
            })
            .await
            .unwrap();
        assert!(cache.bytes() <= BUDGET);
        assert!(cache.get(&key("conflict-0"), (1, None)).is_some());
        assert!(cache.get(&key("conflict-1"), (1, None)).is_none());
    }

    #[tokio::test]
    async fn beyond_the_waiting_places_drawing_is_refused_at_once() {
        let cache = ChartCache::default();
        let mut held = Vec::new();
        for _ in 0..RENDERS {
            held.push(cache.draw().await.unwrap());
        }
        // The waiting places fill with requests that wait for a drawing place.
        let waiting: Vec<_> = (0..WAITING)
            .map(|_| {
                let cache = cache.clone();
                tokio::spawn(async move { cache.draw().await.map(|_| ()) })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert!(matches!(cache.draw().await, Err(AppError::ChartsBusy)));
        drop(held);
        for w in waiting {
            w.await.unwrap().unwrap();
        }
        assert!(cache.draw().await.is_ok());
    }
}
