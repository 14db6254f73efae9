#!/usr/bin/env python3
"""Makes the upgrade test's fixture: a database written by an earlier release of mitreden.

    scripts/upgrade-fixture.py OLD_BINARY sqlite
    scripts/upgrade-fixture.py OLD_BINARY postgres://postgres@127.0.0.1:54329/some_empty_db

OLD_BINARY is mitreden-server built from an earlier commit (see the README's "Upgrade notes").
The script runs it on a new database, stores responses (with conflict positions, comments and
proposals), withdraws some, hands in statements, adds a staff member with a token and a
second consultation with settings of its own, and moderates; then it stops the server and
writes into server/tests/fixtures/upgrade/:

    ENGINE.sql    the database as SQL (SQLite: its dump; PostgreSQL: pg_dump --no-owner)
    ENGINE.json   what the earlier release answered: receipts with their rankings, results,
                  definitions, statements and the token, for the test to compare with
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

OUT = os.path.join(os.path.dirname(__file__), "..", "server", "tests", "fixtures", "upgrade")
ALL = ["digital-identity", "services-online", "once-only", "federal-it", "shared-platforms",
       "digital-skills", "impact-steering", "visible-progress"]
GROUPS = ["citizens", "civil-society", "academia", "business"]


def call(base, method, path, body=None, token=None, receipt=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("content-type", "application/json")
    if token:
        request.add_header("authorization", "Bearer " + token)
    if receipt:
        request.add_header("authorization", "Receipt " + receipt)
    try:
        with urllib.request.urlopen(request) as answer:
            text = answer.read().decode()
            return answer.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {path}: {e.code} {e.read().decode()}")


def uuid(n):
    return f"00000000-0000-4000-8000-{n:012d}"


def main():
    old, engine = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    database = os.path.join(work, "mitreden.db") if engine == "sqlite" else engine
    name = "sqlite" if engine == "sqlite" else "postgres"

    def cli(*args):
        return subprocess.run([old, *args, "--database", database], check=True,
                              capture_output=True, text=True).stdout

    server = subprocess.Popen([old, "serve", "--addr", "127.0.0.1:18190", "--database", database,
                               "--rate-limit", "0"], stdout=subprocess.PIPE, text=True)
    for line in server.stdout:
        if line.startswith("Results JSON:"):
            break
    base = "http://127.0.0.1:18190"
    try:
        fill(old, database, base, cli, server, engine, name)
    finally:
        if server.poll() is None:
            server.kill()


def fill(old, database, base, cli, server, engine, name):
    cli("staff", "add", "ada", "--role", "admin")
    token = cli("staff", "token", "ada").strip().rsplit(" ", 1)[-1]

    # A second consultation with settings of its own.
    _, demo = call(base, "GET", "/api/v1/staff/consultations/demo", token=token)
    second = demo.get("definition", demo)
    second = json.loads(json.dumps(second))
    second["slug"] = "altes-verfahren"
    second["settings"]["min_group_size"] = 3
    second["settings"]["conflict_scale"] = 7
    call(base, "PUT", "/api/v1/staff/consultations/altes-verfahren", second, token=token)
    call(base, "POST", "/api/v1/staff/consultations/altes-verfahren/status", {"status": "open"},
         token=token)

    kept, withdrawn = [], []
    for n in range(60):
        slug = "demo" if n % 3 else "altes-verfahren"
        ranking = ALL[n % 8:] + ALL[:n % 8]
        ranking = ranking[: 3 + n % 6]
        body = {"id": uuid(n), "group": GROUPS[n % 4], "ranking": ranking, "shown": ALL,
                "lang": "de" if n % 4 else "en"}
        if n % 5 == 0:
            scale = 3 if slug == "altes-verfahren" else 2
            body["positions"] = [{"conflict": "central-vs-local", "position": (n % 3) - 1,
                                  "comment": f"Kommentar {n}: vor Ort entscheiden, über {scale}"}]
        if n % 11 == 0:
            body["proposals"] = [{"kind": "priority", "title": f"Vorschlag {n}",
                                  "reason": "Fehlt bisher."}]
        status, ack = call(base, "POST", f"/api/v1/consultations/{slug}/responses", body)
        assert status == 201, status
        entry = {"consultation": slug, "id": body["id"], "receipt": ack["receipt"],
                 "ranking": ranking}
        (withdrawn if n in (7, 20) else kept).append(entry)
    for entry in withdrawn:
        call(base, "DELETE", f"/api/v1/consultations/{entry['consultation']}/responses/mine",
             receipt=entry["receipt"])

    statements = []
    for n, publish in ((100, True), (101, False), (102, True)):
        body = {"id": uuid(n), "name": f"Verband {n} e. V.", "kind": "association",
                "lobby_register": "R001234", "contact_email": f"info{n}@verband.example",
                "contact_consent": True,
                "stances": [{"priority": "once-only", "stance": "support", "reasoning": "Gut."},
                            {"priority": "federal-it", "stance": "conditional",
                             "reasoning": "Nur mit Ländern."}],
                "positions": [{"conflict": "central-vs-local", "position": 1}],
                "publish": publish, "lang": "de"}
        _, ack = call(base, "POST", "/api/v1/consultations/demo/statements", body)
        statements.append({"id": body["id"], "receipt": ack["receipt"], "name": body["name"]})

    # Moderation: the first comment approved, the first statement marked for publication.
    _, comments = call(base, "GET", "/api/v1/staff/consultations/demo/comments", token=token)
    listed = comments.get("comments", comments) if isinstance(comments, dict) else comments
    call(base, "POST", f"/api/v1/staff/consultations/demo/comments/{listed[0]['id']}",
         {"decision": "approve"}, token=token)
    _, listed_statements = call(base, "GET", "/api/v1/staff/consultations/demo/statements",
                                token=token)
    listed_statements = listed_statements.get("statements", listed_statements) \
        if isinstance(listed_statements, dict) else listed_statements
    first = next(s for s in listed_statements if s.get("publish"))
    call(base, "POST", f"/api/v1/staff/consultations/demo/statements/{first['id']}/publication",
         {"published": True}, token=token)

    expected = {"token": token, "responses": kept, "withdrawn": withdrawn,
                "statements": statements, "results": {}, "definitions": {}}
    for slug in ("demo", "altes-verfahren"):
        _, results = call(base, "GET", f"/api/v1/staff/consultations/{slug}/results",
                          token=token)
        # What two releases must count alike (the uncertainty's method may change).
        expected["results"][slug] = {
            "total": results["total"],
            "groups": {g: {"responses": v["responses"],
                           "ranking": [{"priority": p["priority"], "borda": p["borda"]}
                                       for p in v["ranking"]]}
                       for g, v in results["groups"].items()},
            "conflicts": [{"conflict": c["conflict"], "overall": c["overall"]}
                          for c in results["conflicts"]],
            "organisations": {"statements": results["organisations"]["statements"]},
        }
        _, definition = call(base, "GET", f"/api/v1/staff/consultations/{slug}", token=token)
        expected["definitions"][slug] = definition
    _, expected["comments"] = call(base, "GET", "/api/v1/staff/consultations/demo/comments",
                                   token=token)
    _, expected["statements_listed"] = call(base, "GET",
                                            "/api/v1/staff/consultations/demo/statements",
                                            token=token)

    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    time.sleep(0.2)
    os.makedirs(OUT, exist_ok=True)
    if engine == "sqlite":
        conn = sqlite3.connect(database)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with open(os.path.join(OUT, "sqlite.sql"), "w") as f:
            for line in conn.iterdump():
                f.write(line + "\n")
        conn.close()
    else:
        dump = subprocess.run(["pg_dump", "--no-owner", "--no-privileges", "--inserts", database],
                              check=True, capture_output=True, text=True).stdout
        # Without psql's meta-commands (\\restrict …), so that any client can run it.
        dump = "".join(line for line in dump.splitlines(keepends=True)
                       if not line.startswith("\\"))
        with open(os.path.join(OUT, "postgres.sql"), "w") as f:
            f.write(dump)
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    print(f"wrote {OUT}/{name}.sql and {name}.json")


if __name__ == "__main__":
    main()
