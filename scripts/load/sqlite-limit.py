#!/usr/bin/env python3
"""SQLite's own limit for the writer's transactions, without the server: what the disk and
SQLite allow, to compare the server's acknowledged rate with.

A fresh database gets mitreden's schema (every migration in server/migrations/sqlite) and
the pragmas the server sets (WAL, synchronous=FULL, secure_delete). Then, for each batch
size, for a few seconds: one transaction per batch with what the writer does per response
(an insert into responses, one comment for every third) and per batch (the consultation's
version bumped, the changes logged in one statement), committed and synced. Prints commits
and responses per second per batch size.

    python3 scripts/load/sqlite-limit.py [seconds per batch size]
"""

import json
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0

BALLOT = json.dumps({
    "group": "citizens",
    "ranking": ["digital-identity", "once-only", "services-online"],
    "shown": ["digital-identity", "services-online", "once-only", "federal-it",
              "shared-platforms", "digital-skills", "impact-steering", "visible-progress"],
    "positions": [], "proposals": [], "lang": "de",
})


def database(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in sorted((ROOT / "server/migrations/sqlite").glob("*.sql")):
        conn.executescript(migration.read_text())
    conn.executescript("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                       "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;")
    definition = (ROOT / "server/seed/demo.json").read_text()
    conn.execute("INSERT INTO consultations (slug, definition, created_at) VALUES ('bench', ?, 0)",
                 (definition,))
    return conn


def run(conn: sqlite3.Connection, batch: int) -> tuple[float, float]:
    commits = responses = 0
    started = time.perf_counter()
    while time.perf_counter() - started < SECONDS:
        conn.execute("BEGIN")
        now = int(time.time())
        changes = []
        for _ in range(batch):
            rid = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO responses (id, consultation, group_id, ballot, receipt_hash, "
                "created_at, public_id) SELECT ?, 'bench', 'citizens', ?, ?, ?, ? "
                "WHERE NOT EXISTS (SELECT 1 FROM withdrawn WHERE id = ?) "
                "ON CONFLICT (id) DO NOTHING",
                (rid, BALLOT, uuid.uuid4().hex, now, uuid.uuid4().hex[:12], rid))
            if responses % 3 == 0:
                conn.execute(
                    "INSERT INTO comments (consultation, response_id, conflict, text, "
                    "created_at) VALUES ('bench', ?, 'quick-wins-vs-depth', ?, ?)",
                    (rid, "Erst die Grundlagen, dann die sichtbaren Erfolge.", now))
            changes.append(BALLOT)
            responses += 1
        (version,) = conn.execute(
            "UPDATE consultations SET version = version + 1 WHERE slug = 'bench' "
            "RETURNING version").fetchone()
        rows = ", ".join(["('bench', ?, ?, 'count', ?, ?)"] * len(changes))
        values = []
        for seq, body in enumerate(changes):
            values += [version, seq, body, now]
        conn.execute(
            f"INSERT INTO changes (consultation, version, seq, kind, body, created_at) "
            f"VALUES {rows}", values)
        conn.execute("COMMIT")
        commits += 1
    took = time.perf_counter() - started
    return commits / took, responses / took


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        conn = database(os.path.join(work, "limit.db"))
        print(f"SQLite {sqlite3.sqlite_version}, WAL, synchronous=FULL, {SECONDS:g} s each")
        for batch in (1, 8, 32, 64, 128):
            commits, responses = run(conn, batch)
            print(f"batch {batch:4}: {commits:8.0f} commits/s {responses:9.0f} responses/s")


if __name__ == "__main__":
    main()
