//! Responses and organisation statements as rows: what is written for one, inside a
//! transaction the [writer](super::writer) owns, and how they are found again by receipt.

use mitreden_core::{ProposalKind, ValidResponse, ValidStatement};
use serde::de::DeserializeOwned;
use sqlx::{AnyConnection, Row};

use super::changes::{counted_response, counted_statement};
use super::{now, Db, Insert, StorageError};

/// The two tables of submissions that receipts lead to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Responses,
    Statements,
}

impl Kind {
    /// The table and the column holding the submission's JSON.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::Responses => ("responses", "ballot"),
            Kind::Statements => ("statements", "body"),
        }
    }
}

/// Everything written for one submission, owned so it can travel to the writer.
#[derive(Debug)]
pub(crate) struct NewSubmission {
    pub kind: Kind,
    pub consultation: String,
    pub id: String,
    /// The id exports and the staff API show instead of `id`, made here.
    pub public_id: String,
    /// The canonical JSON of the validated submission: a replay produces the same text.
    pub body: String,
    /// What counting needs of it, for the change log.
    pub counted: String,
    pub receipt_hash: String,
    /// Responses: the stakeholder group. Statements: `None`.
    pub group: Option<String>,
    /// Statements: whether the organisation consented to publication.
    pub publish: bool,
    /// Responses: `(conflict, comment)` for moderation.
    pub comments: Vec<(String, String)>,
    /// Responses: `(kind, title, reason)` for moderation.
    pub proposals: Vec<(&'static str, String, Option<String>)>,
    /// The proof-of-work challenge it came with, usable once, and until when it is kept.
    pub proof: Option<(String, i64)>,
}

impl NewSubmission {
    pub fn response(
        consultation: &str,
        r: &ValidResponse,
        receipt_hash: &str,
    ) -> Result<Self, StorageError> {
        Ok(Self {
            kind: Kind::Responses,
            consultation: consultation.to_owned(),
            id: r.id.to_string(),
            public_id: super::public_id(),
            body: serde_json::to_string(r)?,
            counted: counted_response(r)?,
            receipt_hash: receipt_hash.to_owned(),
            group: Some(r.group.to_string()),
            publish: false,
            comments: r
                .positions
                .iter()
                .filter_map(|p| Some((p.conflict.to_string(), p.comment.clone()?)))
                .collect(),
            proof: None,
            proposals: r
                .proposals
                .iter()
                .map(|p| {
                    let kind = match p.kind {
                        ProposalKind::Priority => "priority",
                        ProposalKind::Conflict => "conflict",
                    };
                    (kind, p.title.clone(), p.reason.clone())
                })
                .collect(),
        })
    }

    pub fn statement(
        consultation: &str,
        s: &ValidStatement,
        receipt_hash: &str,
    ) -> Result<Self, StorageError> {
        Ok(Self {
            kind: Kind::Statements,
            consultation: consultation.to_owned(),
            id: s.id.to_string(),
            public_id: super::public_id(),
            body: serde_json::to_string(s)?,
            counted: counted_statement(s)?,
            receipt_hash: receipt_hash.to_owned(),
            group: None,
            publish: s.publish,
            comments: Vec::new(),
            proposals: Vec::new(),
            proof: None,
        })
    }
}

/// Writes one submission unless its id is taken or was withdrawn, or its proof of work was
/// used for another. The first statement writes, so the transaction takes the write lock at
/// once.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    s: &NewSubmission,
) -> Result<Insert, StorageError> {
    if let Some((challenge, expires)) = &s.proof {
        let used_by: String = sqlx::query_scalar(
            "INSERT INTO proofs_used (challenge, submission_id, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (challenge) DO UPDATE SET challenge = excluded.challenge \
             RETURNING submission_id",
        )
        .bind(challenge)
        .bind(&s.id)
        .bind(*expires)
        .fetch_one(&mut *conn)
        .await?;
        if used_by != s.id {
            return Ok(Insert::ProofReused);
        }
    }
    let sql = match s.kind {
        Kind::Responses => {
            "INSERT INTO responses (id, consultation, group_id, ballot, receipt_hash, created_at, public_id) \
             SELECT $1, $2, $3, $4, $5, $6, $7 \
             WHERE NOT EXISTS (SELECT 1 FROM withdrawn WHERE id = $1) \
             ON CONFLICT (id) DO NOTHING"
        }
        Kind::Statements => {
            "INSERT INTO statements (id, consultation, publish, body, receipt_hash, created_at, public_id) \
             SELECT $1, $2, $3, $4, $5, $6, $7 \
             WHERE NOT EXISTS (SELECT 1 FROM withdrawn WHERE id = $1) \
             ON CONFLICT (id) DO NOTHING"
        }
    };
    let third = match s.kind {
        Kind::Responses => sqlx::query(sql)
            .bind(s.id.as_str())
            .bind(&s.consultation)
            .bind(&s.group),
        Kind::Statements => sqlx::query(sql)
            .bind(s.id.as_str())
            .bind(&s.consultation)
            .bind(i64::from(s.publish)),
    };
    let inserted = third
        .bind(&s.body)
        .bind(&s.receipt_hash)
        .bind(now())
        .bind(&s.public_id)
        .execute(&mut *conn)
        .await?
        .rows_affected()
        == 1;
    if !inserted {
        return existing(conn, s).await;
    }
    // The writer fills in the version once the batch is logged.
    for (conflict, text) in &s.comments {
        sqlx::query(
            "INSERT INTO comments (consultation, response_id, conflict, text, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&s.consultation)
        .bind(&s.id)
        .bind(conflict)
        .bind(text)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    }
    for (kind, title, reason) in &s.proposals {
        sqlx::query(
            "INSERT INTO proposals (consultation, response_id, kind, title, reason, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&s.consultation)
        .bind(&s.id)
        .bind(*kind)
        .bind(title)
        .bind(reason)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    }
    Ok(Insert::Created { version: 0 })
}

/// Responses per multi-row statement (7 values each; far below either engine's limit).
const ROWS_PER_STATEMENT: usize = 128;

/// Writes several responses without proofs of work at once: what [`insert`] does for each,
/// in a few statements for all of them instead of a few for each (every statement is a round
/// trip to the database's connection thread, and those round trips, not SQLite, were most
/// of the writer's time). The first statement writes, so the transaction takes the write
/// lock at once. Returns each one's outcome, in order; an id given twice is stored once and
/// the second copy answered as a replay or a conflict, as it would be one batch later.
pub(crate) async fn insert_responses(
    conn: &mut AnyConnection,
    batch: &[&NewSubmission],
) -> Result<Vec<Insert>, StorageError> {
    debug_assert!(batch
        .iter()
        .all(|s| s.kind == Kind::Responses && s.proof.is_none()));
    // The first of each id is written; later copies are decided against it below.
    let mut firsts: Vec<usize> = Vec::with_capacity(batch.len());
    let mut first_of: Vec<Option<usize>> = vec![None; batch.len()];
    for (i, s) in batch.iter().enumerate() {
        match firsts.iter().find(|&&f| batch[f].id == s.id) {
            Some(&f) => first_of[i] = Some(f),
            None => firsts.push(i),
        }
    }
    let created_at = now();
    let mut inserted = std::collections::HashSet::new();
    for chunk in firsts.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                let p = 7 * r;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6,
                    p + 7
                )
            })
            .collect();
        // VALUES as a table names its columns column1, column2, … in SQLite and PostgreSQL
        // alike. An id that was withdrawn is not written again.
        let sql = format!(
            "INSERT INTO responses (id, consultation, group_id, ballot, receipt_hash, created_at, public_id) \
             SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7 \
             FROM (VALUES {}) AS v \
             WHERE NOT EXISTS (SELECT 1 FROM withdrawn w WHERE w.id = v.column1) \
             ON CONFLICT (id) DO NOTHING RETURNING id",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for &i in chunk {
            let s = batch[i];
            query = query
                .bind(s.id.as_str())
                .bind(s.consultation.as_str())
                .bind(s.group.as_deref())
                .bind(s.body.as_str())
                .bind(s.receipt_hash.as_str())
                .bind(created_at)
                .bind(s.public_id.as_str());
        }
        for row in query.fetch_all(&mut *conn).await? {
            inserted.insert(row.get::<String, _>("id"));
        }
    }
    // Those not written: withdrawn, the same again, or another with the same id.
    let mut outcomes: Vec<Option<Insert>> = vec![None; batch.len()];
    for &f in &firsts {
        if inserted.contains(&batch[f].id) {
            outcomes[f] = Some(Insert::Created { version: 0 });
        } else {
            outcomes[f] = Some(existing(conn, batch[f]).await?);
        }
    }
    for (i, first) in first_of.iter().enumerate() {
        let Some(f) = *first else { continue };
        let (s, earlier) = (batch[i], batch[f]);
        let same = s.consultation == earlier.consultation && s.body == earlier.body;
        outcomes[i] = Some(match outcomes[f] {
            Some(Insert::Created { .. } | Insert::Replayed) if same => Insert::Replayed,
            Some(Insert::Created { .. } | Insert::Replayed) => Insert::Conflict,
            // What is stored differs from the first copy; this one may match it.
            _ => existing(conn, s).await?,
        });
    }
    let written: Vec<&NewSubmission> = firsts
        .iter()
        .filter(|&&f| inserted.contains(&batch[f].id))
        .map(|&f| batch[f])
        .collect();
    insert_comments(conn, &written, created_at).await?;
    insert_proposals(conn, &written, created_at).await?;
    Ok(outcomes
        .into_iter()
        .map(|o| o.expect("every one decided"))
        .collect())
}

/// The comments of `written`, in multi-row statements.
async fn insert_comments(
    conn: &mut AnyConnection,
    written: &[&NewSubmission],
    created_at: i64,
) -> Result<(), StorageError> {
    let comments: Vec<(&NewSubmission, &(String, String))> = written
        .iter()
        .flat_map(|s| s.comments.iter().map(move |c| (*s, c)))
        .collect();
    for chunk in comments.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                let p = 5 * r;
                format!(
                    "(${}, ${}, ${}, ${}, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO comments (consultation, response_id, conflict, text, created_at) VALUES {}",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (s, (conflict, text)) in chunk {
            query = query
                .bind(s.consultation.as_str())
                .bind(s.id.as_str())
                .bind(conflict.as_str())
                .bind(text.as_str())
                .bind(created_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// The proposals of `written`, in multi-row statements.
async fn insert_proposals(
    conn: &mut AnyConnection,
    written: &[&NewSubmission],
    created_at: i64,
) -> Result<(), StorageError> {
    type Proposal = (&'static str, String, Option<String>);
    let proposals: Vec<(&NewSubmission, &Proposal)> = written
        .iter()
        .flat_map(|s| s.proposals.iter().map(move |p| (*s, p)))
        .collect();
    for chunk in proposals.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|r| {
                let p = 6 * r;
                format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO proposals (consultation, response_id, kind, title, reason, created_at) \
             VALUES {}",
            rows.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for (s, (kind, title, reason)) in chunk {
            query = query
                .bind(s.consultation.as_str())
                .bind(s.id.as_str())
                .bind(*kind)
                .bind(title.as_str())
                .bind(reason.as_deref())
                .bind(created_at);
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Why an insert changed nothing: withdrawn before, the same submission again, or a
/// different one with the same id.
async fn existing(conn: &mut AnyConnection, s: &NewSubmission) -> Result<Insert, StorageError> {
    let (table, column) = s.kind.names();
    let sql = format!("SELECT consultation, {column} AS body FROM {table} WHERE id = $1");
    let row = sqlx::query(&sql).bind(&s.id).fetch_optional(conn).await?;
    Ok(match row {
        None => Insert::Withdrawn,
        Some(row)
            if row.get::<&str, _>("consultation") == s.consultation
                && row.get::<&str, _>("body") == s.body =>
        {
            Insert::Replayed
        }
        Some(_) => Insert::Conflict,
    })
}

/// Deletes the submission with this receipt (a response's proposals and comments go with
/// it) and remembers its id as withdrawn; returns the JSON of what was deleted.
pub(crate) async fn withdraw(
    conn: &mut AnyConnection,
    kind: Kind,
    consultation: &str,
    receipt_hash: &str,
) -> Result<Option<String>, StorageError> {
    let (table, column) = kind.names();
    let sql = format!(
        "DELETE FROM {table} WHERE consultation = $1 AND receipt_hash = $2 \
         RETURNING id, {column} AS body"
    );
    let row = sqlx::query(&sql)
        .bind(consultation)
        .bind(receipt_hash)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    sqlx::query("INSERT INTO withdrawn (id, consultation, withdrawn_at) VALUES ($1, $2, $3)")
        .bind(row.get::<&str, _>("id"))
        .bind(consultation)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(Some(row.get("body")))
}

impl Db {
    /// Stores a validated response once, with its comments and proposals, and returns when
    /// it is on disk. The comparison for replays is on the canonical JSON, so a
    /// byte-different but equal submission counts as the same. `proof` is the proof-of-work
    /// challenge it came with and until when that is good, if the consultation asks for one.
    pub async fn insert_response(
        &self,
        consultation: &str,
        response: &ValidResponse,
        receipt_hash: &str,
        proof: Option<(&str, i64)>,
    ) -> Result<Insert, StorageError> {
        let mut new = NewSubmission::response(consultation, response, receipt_hash)?;
        new.proof = proof.map(|(c, e)| (c.to_owned(), e));
        self.writer.insert(new).await
    }

    /// Stores an organisation statement once (same rules as responses).
    pub async fn insert_statement(
        &self,
        consultation: &str,
        statement: &ValidStatement,
        receipt_hash: &str,
        proof: Option<(&str, i64)>,
    ) -> Result<Insert, StorageError> {
        let mut new = NewSubmission::statement(consultation, statement, receipt_hash)?;
        new.proof = proof.map(|(c, e)| (c.to_owned(), e));
        self.writer.insert(new).await
    }

    /// The stored submission with this receipt.
    async fn by_receipt<T: DeserializeOwned>(
        &self,
        kind: Kind,
        consultation: &str,
        receipt_hash: &str,
    ) -> Result<Option<T>, StorageError> {
        let (table, column) = kind.names();
        let sql = format!(
            "SELECT {column} AS body FROM {table} WHERE consultation = $1 AND receipt_hash = $2"
        );
        let row = sqlx::query(&sql)
            .bind(consultation)
            .bind(receipt_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(serde_json::from_str(r.get("body"))?))
            .transpose()
    }

    async fn withdraw<T: DeserializeOwned>(
        &self,
        kind: Kind,
        consultation: &str,
        receipt_hash: &str,
    ) -> Result<Option<(T, u64)>, StorageError> {
        let withdrawn = self
            .writer
            .withdraw(kind, consultation.to_owned(), receipt_hash.to_owned())
            .await?;
        if withdrawn.is_some() {
            // The comment texts must not linger in the write-ahead log.
            self.erase_old_pages().await?;
        }
        withdrawn
            .map(|(body, version)| Ok((serde_json::from_str(&body)?, version)))
            .transpose()
    }

    pub async fn response_by_receipt(
        &self,
        consultation: &str,
        receipt_hash: &str,
    ) -> Result<Option<ValidResponse>, StorageError> {
        self.by_receipt(Kind::Responses, consultation, receipt_hash)
            .await
    }

    /// Deletes the response with this receipt; returns, once that is on disk, what was
    /// deleted and the consultation's version that uncounts it.
    pub async fn withdraw_response(
        &self,
        consultation: &str,
        receipt_hash: &str,
    ) -> Result<Option<(ValidResponse, u64)>, StorageError> {
        self.withdraw(Kind::Responses, consultation, receipt_hash)
            .await
    }

    pub async fn statement_by_receipt(
        &self,
        consultation: &str,
        receipt_hash: &str,
    ) -> Result<Option<ValidStatement>, StorageError> {
        self.by_receipt(Kind::Statements, consultation, receipt_hash)
            .await
    }

    /// Deletes the statement with this receipt; returns, once that is on disk, what was
    /// deleted and the consultation's version that uncounts it.
    pub async fn withdraw_statement(
        &self,
        consultation: &str,
        receipt_hash: &str,
    ) -> Result<Option<(ValidStatement, u64)>, StorageError> {
        self.withdraw(Kind::Statements, consultation, receipt_hash)
            .await
    }
}
