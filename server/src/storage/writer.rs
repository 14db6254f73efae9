//! Group commit: every submission and withdrawal is written by one task, which takes whatever
//! has queued up while the previous commit was on its way to disk and commits it in one
//! transaction. Each caller is answered only after the transaction holding its write has been
//! committed (with `synchronous=FULL`, after the write-ahead log is synced).
//!
//! Under light load a batch holds one write, so nobody waits for a batch to fill; under heavy
//! load a batch holds everything that arrived during one sync, so the cost of syncing is
//! shared. If anything in a batch fails, the batch is rolled back and each of its writes is
//! retried in a transaction of its own, so one bad write cannot take the others with it and
//! nothing is ever half-stored.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Connection};
use tokio::sync::{broadcast, mpsc, oneshot, watch};

use super::changes::{self, Change, ChangeKind, Committed};
use super::submissions::{self, Kind, NewSubmission};
use super::{Insert, StorageError};

/// The most writes committed in one transaction.
const MAX_BATCH: usize = 512;
/// Writes waiting for the writer; further callers wait for room.
const QUEUE: usize = 16 * 1024;

type Reply<T> = oneshot::Sender<Result<T, StorageError>>;

/// A withdrawn submission's JSON and the consultation's version that uncounts it.
pub(crate) type Withdrawn = (String, u64);

/// One write and where its outcome goes.
enum Job {
    // Boxed: a submission is much larger than a withdrawal, and jobs wait in a queue.
    Insert(Box<NewSubmission>, Reply<Insert>),
    Withdraw {
        kind: Kind,
        consultation: String,
        receipt_hash: String,
        reply: Reply<Option<Withdrawn>>,
    },
}

/// The outcome of one job inside a batch, sent once the batch is committed.
enum Outcome {
    Insert(Insert),
    Withdraw(Option<Withdrawn>),
}

/// The handle callers hold; cheap to clone.
#[derive(Clone, Debug)]
pub(crate) struct Writer {
    queue: mpsc::Sender<Job>,
    /// Set to ask the writer to take no more writes and commit what is queued.
    finishing: Arc<watch::Sender<bool>>,
    /// Set by the writer once everything queued is committed and it has stopped.
    finished: watch::Receiver<bool>,
    trouble: Arc<Trouble>,
}

/// When a write last failed because the database was unavailable.
#[derive(Debug, Default)]
struct Trouble {
    /// Milliseconds since the Unix epoch; 0 if never.
    last: AtomicI64,
}

/// How long after a write failed for want of a database `/readyz` says not ready: long enough
/// for a load balancer to notice, short enough that writes are tried again soon.
const TROUBLE_LASTS_MS: i64 = 5_000;

impl Trouble {
    fn note(&self, outcome: &Result<Outcome, StorageError>) {
        if outcome.as_ref().is_err_and(StorageError::is_unavailable) {
            self.last.store(now_ms(), Ordering::Relaxed);
        }
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

type Announce = broadcast::Sender<Arc<Committed>>;

impl Writer {
    /// Starts the writer task on the current runtime; what it commits is announced on
    /// `announce`.
    pub fn start(pool: AnyPool, announce: Announce) -> Self {
        let (queue, jobs) = mpsc::channel(QUEUE);
        let (finishing, asked) = watch::channel(false);
        let (done, finished) = watch::channel(false);
        let trouble = Arc::new(Trouble::default());
        let noted = trouble.clone();
        tokio::spawn(async move {
            run(pool, jobs, announce, asked, &noted).await;
            let _ = done.send(true);
        });
        Self {
            queue,
            finishing: Arc::new(finishing),
            finished,
            trouble,
        }
    }

    /// Whether a write failed in the last few seconds because the database was unavailable
    /// (unreachable, disk full, read-only).
    pub fn failing(&self) -> bool {
        now_ms() - self.trouble.last.load(Ordering::Relaxed) < TROUBLE_LASTS_MS
    }

    /// Takes no more writes, commits every write queued so far and waits until it is on disk
    /// (or has failed and been answered so).
    pub async fn finish(&self) {
        self.finishing.send_replace(true);
        let _ = self.finished.clone().wait_for(|done| *done).await;
    }

    /// Writes waiting to be committed.
    pub fn queued(&self) -> usize {
        QUEUE - self.queue.capacity()
    }

    pub async fn insert(&self, submission: NewSubmission) -> Result<Insert, StorageError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Insert(Box::new(submission), reply)).await?;
        answer.await.map_err(|_| StorageError::WriterGone)?
    }

    pub async fn withdraw(
        &self,
        kind: Kind,
        consultation: String,
        receipt_hash: String,
    ) -> Result<Option<Withdrawn>, StorageError> {
        let (reply, answer) = oneshot::channel();
        let job = Job::Withdraw {
            kind,
            consultation,
            receipt_hash,
            reply,
        };
        self.send(job).await?;
        answer.await.map_err(|_| StorageError::WriterGone)?
    }

    /// Whether the writer task still takes jobs.
    pub fn running(&self) -> bool {
        !self.queue.is_closed()
    }

    async fn send(&self, job: Job) -> Result<(), StorageError> {
        self.queue
            .send(job)
            .await
            .map_err(|_| StorageError::WriterGone)
    }
}

async fn run(
    pool: AnyPool,
    mut jobs: mpsc::Receiver<Job>,
    announce: Announce,
    mut finishing: watch::Receiver<bool>,
    trouble: &Trouble,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    // The writer keeps its connection from batch to batch: its page cache stays warm (a
    // connection taken from the pool each time had found its cache outdated by the other
    // connections' commits and read the indexes' pages again), and no check runs before each
    // batch. A connection whose commit failed is closed and another taken for the next.
    let mut held: Option<PoolConnection<Any>> = None;
    loop {
        tokio::select! {
            // Queued writes first: once finishing, the queue is closed and drained.
            biased;
            taken = jobs.recv_many(&mut batch, MAX_BATCH) => if taken == 0 {
                return;
            },
            _ = finishing.wait_for(|finish| *finish) => {
                jobs.close();
                continue;
            }
        }
        crate::telemetry::batch(batch.len());
        let conn = match held.take() {
            Some(conn) => Ok(conn),
            None => pool.acquire().await,
        };
        match conn {
            Ok(mut conn) => {
                let failed =
                    commit(&mut conn, std::mem::take(&mut batch), &announce, trouble).await;
                if failed {
                    // A transaction whose COMMIT failed (disk full, I/O error) may still be
                    // open and hold SQLite's write lock: the connection goes, not back to the
                    // pool.
                    conn.close_on_drop();
                } else {
                    held = Some(conn);
                }
            }
            Err(e) => fail_all(batch.drain(..), StorageError::Database(e), trouble),
        }
    }
}

/// Answers every job with `error`.
fn fail_all(jobs: impl Iterator<Item = Job>, error: StorageError, trouble: &Trouble) {
    let error = Arc::new(error);
    for job in jobs {
        let outcome = Err(StorageError::Shared(error.clone()));
        trouble.note(&outcome);
        answer(job, outcome);
    }
}

/// Commits the batch in one transaction, or, if that fails, each job in its own; but if the
/// database is unavailable, fails them all at once rather than waiting for it once per job.
/// Returns whether any transaction failed.
async fn commit(
    conn: &mut AnyConnection,
    batch: Vec<Job>,
    announce: &Announce,
    trouble: &Trouble,
) -> bool {
    let mut failed = false;
    if batch.len() > 1 {
        match together(conn, &batch).await {
            Ok((outcomes, committed)) => {
                publish(announce, committed);
                for (job, outcome) in batch.into_iter().zip(outcomes) {
                    answer(job, Ok(outcome));
                }
                return false;
            }
            Err(e) if e.is_unavailable() => {
                fail_all(batch.into_iter(), e, trouble);
                return true;
            }
            Err(e) => {
                failed = true;
                tracing::warn!(writes = batch.len(), error = %e, "a batch failed; writing its writes one by one");
            }
        }
    }
    for job in batch {
        let outcome = match together(conn, std::slice::from_ref(&job)).await {
            Ok((mut outcomes, committed)) => {
                publish(announce, committed);
                Ok(outcomes.remove(0))
            }
            Err(e) => {
                failed = true;
                Err(e)
            }
        };
        trouble.note(&outcome);
        answer(job, outcome);
    }
    failed
}

fn publish(announce: &Announce, committed: Vec<Committed>) {
    for c in committed {
        // Nobody listening (the command line) is fine.
        let _ = announce.send(Arc::new(c));
    }
}

/// Writes the jobs in one transaction and logs what they change per consultation, under one
/// new version each.
async fn together(
    conn: &mut AnyConnection,
    batch: &[Job],
) -> Result<(Vec<Outcome>, Vec<Committed>), StorageError> {
    let mut tx = conn.begin().await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    // Per consultation touched: its changes, and which jobs they came from.
    let mut touched: Vec<(String, Vec<Change>, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < batch.len() {
        // A run of responses without proofs of work is written together; anything else (a
        // statement, a proof to spend, a withdrawal) on its own, in the order they came.
        let run = batch[i..].iter().take_while(|j| j.plain_response()).count();
        let written: Vec<(Outcome, Option<Change>)> = if run > 0 {
            let subs: Vec<&NewSubmission> = batch[i..i + run]
                .iter()
                .filter_map(|j| match j {
                    Job::Insert(s, _) => Some(&**s),
                    Job::Withdraw { .. } => None,
                })
                .collect();
            let inserted = submissions::insert_responses(&mut tx, &subs).await?;
            subs.iter()
                .zip(inserted)
                .map(|(s, outcome)| {
                    let change = created(s, &outcome);
                    (Outcome::Insert(outcome), change)
                })
                .collect()
        } else {
            vec![one(&mut tx, &batch[i]).await?]
        };
        for (offset, (outcome, change)) in written.into_iter().enumerate() {
            let at = i + offset;
            if let Some(change) = change {
                let slug = batch[at].consultation();
                match touched.iter_mut().find(|(s, ..)| s == slug) {
                    Some((_, changes, jobs)) => {
                        changes.push(change);
                        jobs.push(at);
                    }
                    None => touched.push((slug.to_owned(), vec![change], vec![at])),
                }
            }
            outcomes.push(outcome);
        }
        i += run.max(1);
    }
    let mut committed = Vec::with_capacity(touched.len());
    for (consultation, changes, jobs) in touched {
        let version = changes::log(&mut tx, &consultation, &changes).await?;
        for i in jobs {
            match &mut outcomes[i] {
                Outcome::Insert(Insert::Created { version: v }) => *v = version,
                Outcome::Withdraw(Some((_, v))) => *v = version,
                _ => {}
            }
        }
        committed.push(Committed {
            consultation,
            version,
            changes,
        });
    }
    tx.commit().await?;
    Ok((outcomes, committed))
}

/// The change an insert logs: its counted form, if it was stored now.
fn created(s: &NewSubmission, outcome: &Insert) -> Option<Change> {
    matches!(outcome, Insert::Created { .. }).then(|| Change {
        kind: ChangeKind::stored(s.kind),
        body: s.counted.clone(),
    })
}

/// Writes one job on its own: what became of it, and the change it logs.
async fn one(
    conn: &mut AnyConnection,
    job: &Job,
) -> Result<(Outcome, Option<Change>), StorageError> {
    Ok(match job {
        Job::Insert(s, _) => {
            let outcome = submissions::insert(conn, s).await?;
            (Outcome::Insert(outcome), created(s, &outcome))
        }
        Job::Withdraw {
            kind,
            consultation,
            receipt_hash,
            ..
        } => {
            let body = submissions::withdraw(conn, *kind, consultation, receipt_hash).await?;
            let change = match &body {
                Some(body) => Some(Change {
                    kind: ChangeKind::withdrawn(*kind),
                    body: changes::counted_form(*kind, body)?,
                }),
                None => None,
            };
            (Outcome::Withdraw(body.map(|b| (b, 0))), change)
        }
    })
}

impl Job {
    /// A response without a proof of work: written together with its neighbours.
    fn plain_response(&self) -> bool {
        matches!(self, Job::Insert(s, _) if s.kind == Kind::Responses && s.proof.is_none())
    }

    fn consultation(&self) -> &str {
        match self {
            Job::Insert(s, _) => &s.consultation,
            Job::Withdraw { consultation, .. } => consultation,
        }
    }
}

fn answer(job: Job, outcome: Result<Outcome, StorageError>) {
    // A caller that has gone away (its request was cancelled) needs no answer; its write
    // stands, and a retry with the same id is answered as a replay.
    if let Ok(Outcome::Insert(Insert::Created { .. } | Insert::Replayed)) = &outcome {
        crate::telemetry::acknowledged();
    }
    match job {
        Job::Insert(_, reply) => {
            let _ = reply.send(outcome.map(|o| match o {
                Outcome::Insert(i) => i,
                Outcome::Withdraw(_) => unreachable!("an insert job has an insert outcome"),
            }));
        }
        Job::Withdraw { reply, .. } => {
            let _ = reply.send(outcome.map(|o| match o {
                Outcome::Withdraw(w) => w,
                Outcome::Insert(_) => unreachable!("a withdrawal job has a withdrawal outcome"),
            }));
        }
    }
}
