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

use sqlx::{AnyConnection, AnyPool, Connection};
use tokio::sync::{mpsc, oneshot};

use super::submissions::{self, Kind, NewSubmission};
use super::{Insert, StorageError};

/// The most writes committed in one transaction.
const MAX_BATCH: usize = 512;
/// Writes waiting for the writer; further callers wait for room.
const QUEUE: usize = 16 * 1024;

type Reply<T> = oneshot::Sender<Result<T, StorageError>>;

/// One write and where its outcome goes.
enum Job {
    Insert(NewSubmission, Reply<Insert>),
    Withdraw {
        kind: Kind,
        consultation: String,
        receipt_hash: String,
        reply: Reply<Option<String>>,
    },
}

/// The outcome of one job inside a batch, sent once the batch is committed.
enum Outcome {
    Insert(Insert),
    Withdraw(Option<String>),
}

/// The handle callers hold; cheap to clone.
#[derive(Clone, Debug)]
pub(crate) struct Writer {
    queue: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer task on the current runtime.
    pub fn start(pool: AnyPool) -> Self {
        let (queue, jobs) = mpsc::channel(QUEUE);
        tokio::spawn(run(pool, jobs));
        Self { queue }
    }

    pub async fn insert(&self, submission: NewSubmission) -> Result<Insert, StorageError> {
        let (reply, answer) = oneshot::channel();
        self.send(Job::Insert(submission, reply)).await?;
        answer.await.map_err(|_| StorageError::WriterGone)?
    }

    pub async fn withdraw(
        &self,
        kind: Kind,
        consultation: String,
        receipt_hash: String,
    ) -> Result<Option<String>, StorageError> {
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

    async fn send(&self, job: Job) -> Result<(), StorageError> {
        self.queue
            .send(job)
            .await
            .map_err(|_| StorageError::WriterGone)
    }
}

async fn run(pool: AnyPool, mut jobs: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        match pool.acquire().await {
            Ok(mut conn) => commit(&mut conn, std::mem::take(&mut batch)).await,
            Err(e) => {
                let e = std::sync::Arc::new(e);
                for job in batch.drain(..) {
                    answer(job, Err(StorageError::Shared(e.clone())));
                }
            }
        }
    }
}

/// Commits the batch in one transaction, or, if that fails, each job in its own.
async fn commit(conn: &mut AnyConnection, batch: Vec<Job>) {
    if batch.len() > 1 {
        match together(conn, &batch).await {
            Ok(outcomes) => {
                for (job, outcome) in batch.into_iter().zip(outcomes) {
                    answer(job, Ok(outcome));
                }
                return;
            }
            Err(e) => {
                tracing::warn!(writes = batch.len(), error = %e, "a batch failed; writing its writes one by one");
            }
        }
    }
    for job in batch {
        let outcome = together(conn, std::slice::from_ref(&job)).await;
        answer(job, outcome.map(|mut o| o.remove(0)));
    }
}

async fn together(conn: &mut AnyConnection, batch: &[Job]) -> Result<Vec<Outcome>, StorageError> {
    let mut tx = conn.begin().await?;
    let mut outcomes = Vec::with_capacity(batch.len());
    for job in batch {
        outcomes.push(match job {
            Job::Insert(s, _) => Outcome::Insert(submissions::insert(&mut tx, s).await?),
            Job::Withdraw {
                kind,
                consultation,
                receipt_hash,
                ..
            } => Outcome::Withdraw(
                submissions::withdraw(&mut tx, *kind, consultation, receipt_hash).await?,
            ),
        });
    }
    tx.commit().await?;
    Ok(outcomes)
}

fn answer(job: Job, outcome: Result<Outcome, StorageError>) {
    // A caller that has gone away (its request was cancelled) needs no answer; its write
    // stands, and a retry with the same id is answered as a replay.
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
