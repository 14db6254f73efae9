//! Staff accounts, sessions and API tokens.

use sqlx::Row;

use super::{now, Db, StorageError};
use crate::staff::{Role, StaffMember};

/// An API token as staff see it: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TokenInfo {
    /// Public id, to revoke it by.
    pub id: String,
    /// The staff member it signs in as.
    pub member: String,
    /// Seconds since 1970.
    pub created_at: i64,
    /// Seconds since 1970; `None` for tokens made before tokens expired.
    pub expires_at: Option<i64>,
}

fn member(row: &sqlx::any::AnyRow) -> Option<StaffMember> {
    Some(StaffMember {
        id: row.get("id"),
        name: row.get("name"),
        role: Role::parse(row.get("role"))?,
    })
}

impl Db {
    /// Adds a staff member; `false` if the name is taken.
    pub async fn add_staff(
        &self,
        name: &str,
        role: Role,
        password_hash: &str,
    ) -> Result<bool, StorageError> {
        let result = sqlx::query(
            "INSERT INTO staff (name, role, password_hash, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(role.as_str())
        .bind(password_hash)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    pub async fn staff(&self) -> Result<Vec<StaffMember>, StorageError> {
        let rows = sqlx::query("SELECT id, name, role FROM staff ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().filter_map(member).collect())
    }

    /// Removes a staff member with their sessions and tokens; `false` if there was none.
    pub async fn remove_staff(&self, name: &str) -> Result<bool, StorageError> {
        let result = sqlx::query("DELETE FROM staff WHERE name = $1")
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(result.rows_affected() == 1)
    }

    /// The member and their password hash, for signing in.
    pub async fn staff_credentials(
        &self,
        name: &str,
    ) -> Result<Option<(StaffMember, String)>, StorageError> {
        let row = sqlx::query("SELECT id, name, role, password_hash FROM staff WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| Some((member(&r)?, r.get("password_hash")))))
    }

    pub async fn add_session(
        &self,
        staff_id: i64,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO staff_sessions (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(token_hash)
        .bind(staff_id)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn remove_session(&self, token_hash: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM staff_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The member a live session belongs to.
    pub async fn session_member(
        &self,
        token_hash: &str,
    ) -> Result<Option<StaffMember>, StorageError> {
        let row = sqlx::query(
            "SELECT staff.id, staff.name, staff.role FROM staff_sessions \
             JOIN staff ON staff.id = staff_sessions.staff_id \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().and_then(member))
    }

    /// Stores an API token for `name` that expires after `days`; its public id, or `None` if
    /// there is no such member.
    pub async fn add_token(
        &self,
        name: &str,
        token_hash: &str,
        days: u32,
    ) -> Result<Option<String>, StorageError> {
        let id = crate::staff::secret(6);
        let result = sqlx::query(
            "INSERT INTO staff_tokens (token_hash, staff_id, created_at, id, expires_at) \
             SELECT $1, id, $2, $3, $4 FROM staff WHERE name = $5",
        )
        .bind(token_hash)
        .bind(now())
        .bind(&id)
        .bind(now() + i64::from(days) * 86_400)
        .bind(name)
        .execute(&self.pool)
        .await?;
        Ok((result.rows_affected() == 1).then_some(id))
    }

    /// API tokens (all, or one member's), newest first.
    pub async fn tokens(&self, name: Option<&str>) -> Result<Vec<TokenInfo>, StorageError> {
        // A parameter that may be NULL has no type PostgreSQL could infer: two queries.
        let all = "SELECT staff_tokens.id, staff.name, staff_tokens.created_at, \
                   staff_tokens.expires_at \
                   FROM staff_tokens JOIN staff ON staff.id = staff_tokens.staff_id";
        let order = "ORDER BY staff_tokens.created_at DESC, staff_tokens.id";
        let (every, one) = (
            format!("{all} {order}"),
            format!("{all} WHERE staff.name = $1 {order}"),
        );
        let rows = match name {
            None => sqlx::query(&every),
            Some(name) => sqlx::query(&one).bind(name),
        }
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| TokenInfo {
                id: r.get("id"),
                member: r.get("name"),
                created_at: r.get("created_at"),
                expires_at: r.get("expires_at"),
            })
            .collect())
    }

    /// Revokes the token with public id `id` (only `name`'s, if given); `false` if there was
    /// none.
    pub async fn revoke_token(&self, id: &str, name: Option<&str>) -> Result<bool, StorageError> {
        let result = match name {
            None => sqlx::query("DELETE FROM staff_tokens WHERE id = $1").bind(id),
            Some(name) => sqlx::query(
                "DELETE FROM staff_tokens WHERE id = $1 \
                 AND staff_id = (SELECT id FROM staff WHERE name = $2)",
            )
            .bind(id)
            .bind(name),
        }
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Deletes sessions and tokens that have expired; how many.
    pub async fn prune_expired_credentials(&self, now: i64) -> Result<u64, StorageError> {
        let sessions = sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected();
        let tokens = sqlx::query("DELETE FROM staff_tokens WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok(sessions + tokens)
    }

    pub async fn token_member(
        &self,
        token_hash: &str,
    ) -> Result<Option<StaffMember>, StorageError> {
        let row = sqlx::query(
            "SELECT staff.id, staff.name, staff.role FROM staff_tokens \
             JOIN staff ON staff.id = staff_tokens.staff_id \
             WHERE token_hash = $1 AND (expires_at IS NULL OR expires_at > $2)",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().and_then(member))
    }
}
