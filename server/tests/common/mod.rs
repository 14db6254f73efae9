//! Test helpers: a real server on a loopback port over a fresh database: a SQLite file, or,
//! when `MITREDEN_TEST_POSTGRES` holds the URL of a PostgreSQL server (the test command starts
//! one with `scripts/postgres.sh`), a new database on it.

#![allow(dead_code)]

use std::net::SocketAddr;

use mitreden_core::Consultation;
use mitreden_server::cli::ServeArgs;
use mitreden_server::guard::rate_limit::RateLimit;
use mitreden_server::staff::{hash_password, secret_hash, Role};
use mitreden_server::storage::Db;
use mitreden_server::{app, open_state, AppState};
use reqwest::Method;
use serde_json::{json, Value};
use tempfile::TempDir;

pub struct TestApp {
    pub addr: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    pub dir: TempDir,
    /// Where the data is: a file in `dir`, or a PostgreSQL URL.
    pub database: String,
    /// A staff token for reading the full results, made on first use.
    results_token: tokio::sync::OnceCell<String>,
}

/// Whether the tests run against PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var_os("MITREDEN_TEST_POSTGRES").is_some()
}

/// A new, empty database for one test: `mitreden.db` in `dir`, or a new database on the
/// PostgreSQL server.
pub async fn database(dir: &TempDir) -> String {
    let Ok(admin) = std::env::var("MITREDEN_TEST_POSTGRES") else {
        return dir.path().join("mitreden.db").display().to_string();
    };
    use sqlx::Connection;
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("mitreden_test_{}_{n}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let (server, _) = admin.rsplit_once('/').unwrap();
    format!("{server}/{name}")
}

pub fn args(database: &str, dir: &TempDir) -> ServeArgs {
    ServeArgs {
        addr: "127.0.0.1:0".parse().unwrap(),
        database: database.to_owned(),
        widget_dir: dir.path().join("dist"),
        dashboard_dir: dir.path().join("dashboard"),
        public_url: None,
        notices: None,
        demo_page_addr: None,
        // Tests save the tallies themselves (tally_saver::save_all) where it matters.
        save_tallies_every: 0,
        rate_limit: Default::default(),
        limits: Default::default(),
        cors_origins: Vec::new(),
        metrics_from: Vec::new(),
    }
}

impl TestApp {
    /// A server on a new database holding the demo and `extra` consultations.
    pub async fn spawn_with(extra: &[Consultation]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database = database(&dir).await;
        let db = Db::open(&database).await.unwrap();
        for c in extra {
            db.insert_consultation(c).await.unwrap();
        }
        Self::serve_limited(dir, database, RateLimit::default()).await
    }

    pub async fn spawn() -> Self {
        Self::spawn_with(&[]).await
    }

    /// Another server on the same database, as a restarted server would be.
    pub async fn restart(self) -> Self {
        Self::serve_limited(self.dir, self.database, RateLimit::default()).await
    }

    /// A server on a new database holding the demo, with the given rate limit.
    pub async fn spawn_limited(rate_limit: RateLimit) -> Self {
        Self::spawn_configured(|args| args.rate_limit = rate_limit).await
    }

    /// A server on a new database holding the demo, with its command line changed by
    /// `configure`.
    pub async fn spawn_configured(configure: impl FnOnce(&mut ServeArgs)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database = database(&dir).await;
        let mut args = args(&database, &dir);
        configure(&mut args);
        Self::serve_args(dir, database, args).await
    }

    async fn serve_limited(dir: TempDir, database: String, rate_limit: RateLimit) -> Self {
        let args = ServeArgs {
            rate_limit,
            ..args(&database, &dir)
        };
        Self::serve_args(dir, database, args).await
    }

    async fn serve_args(dir: TempDir, database: String, args: ServeArgs) -> Self {
        let state = open_state(&args).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (app, limits) = (app(state.clone()), args.limits);
        tokio::spawn(mitreden_server::ops::serve::serve(
            listener,
            app,
            limits,
            std::future::pending(),
        ));
        Self {
            addr,
            state,
            client: reqwest::Client::new(),
            dir,
            database,
            results_token: tokio::sync::OnceCell::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A widget build as `scripts/build-wasm.sh` leaves it, with the real style sheet: the
    /// server renders the widget page around it. Returns the build's directory name.
    #[allow(dead_code)]
    pub fn widget_build(&self) -> &'static str {
        let build = "0123456789abcdef";
        let dir = self.state.settings.widget_dir.join(build);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("widget.css"),
            include_str!("../../../style/widget.css"),
        )
        .unwrap();
        std::fs::write(
            self.state.settings.widget_dir.join("current"),
            format!("{build}\n"),
        )
        .unwrap();
        build
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let r = self.client.get(self.url(path)).send().await.unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let r = self
            .client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// The page at `path`, which must answer 200.
    pub async fn page(&self, path: &str) -> String {
        let r = self.client.get(self.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        r.text().await.unwrap()
    }

    pub async fn submit(&self, body: &Value) -> (u16, Value) {
        self.post("/api/v1/consultations/demo/responses", body)
            .await
    }

    /// The demo's full results as staff read them (the public feed withholds small groups).
    pub async fn results(&self) -> Value {
        let token = self
            .results_token
            .get_or_init(|| async {
                // The member may be there from before a restart; a new token either way.
                let db = &self.state.db;
                let name = "results-reader";
                db.add_staff(name, Role::Moderator, &hash_password(PASSWORD))
                    .await
                    .unwrap();
                let token = mitreden_server::staff::secret(16);
                assert!(db
                    .add_token(name, &secret_hash(&token), 1)
                    .await
                    .unwrap()
                    .is_some());
                token
            })
            .await;
        staff_get(self, "/api/v1/staff/consultations/demo/results", token).await
    }

    /// The demo's full results once the uncertainty, computed in the background, reflects
    /// every counted response.
    pub async fn settled_results(&self) -> Value {
        settled(self, || self.results()).await
    }

    /// [`TestApp::public_results`] once the uncertainty reflects every counted response.
    pub async fn settled_public_results(&self) -> Value {
        settled(self, || self.public_results()).await
    }

    /// The demo's results as the public feed publishes them.
    pub async fn public_results(&self) -> Value {
        let (status, body) = self.get("/api/v1/consultations/demo/results").await;
        assert_eq!(status, 200);
        body
    }
}

/// Submits `total` responses made by `make` (from its number), from eight clients at once;
/// each must be stored (`201`). Needs a server without a rate limit.
pub async fn submit_many(app: &TestApp, total: u32, make: fn(u32) -> Value) {
    let url = app.url("/api/v1/consultations/demo/responses");
    let clients: Vec<_> = (0..8u32)
        .map(|client| {
            let (http, url) = (app.client.clone(), url.clone());
            tokio::spawn(async move {
                for n in (client..total).step_by(8) {
                    let r = http.post(&url).json(&make(n)).send().await.unwrap();
                    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
                }
            })
        })
        .collect();
    for c in clients {
        c.await.unwrap();
    }
}

/// Reads results until their uncertainty reflects every counted response.
async fn settled<F: std::future::Future<Output = Value>>(
    app: &TestApp,
    read: impl Fn() -> F,
) -> Value {
    for _ in 0..200 {
        // Equal counts alone are not enough: after a withdrawal, an uncertainty computed
        // before the latest response may count as many responses as the results. (Asked
        // anew each time: a count afresh replaces the consultation's state.)
        let live = app.state.counts.consultation("demo").unwrap();
        let current = live.uncertainty_current();
        let results = read().await;
        if current && results["as_of"]["uncertainty"] == results["as_of"]["results"] {
            return results;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the uncertainty never caught up");
}

/// What any two counts of the same responses must agree on (two processes, two releases):
/// totals, each group's responses and Borda scores, each conflict's spread, and the
/// organisations' statements. (Not the uncertainty, whose method may change.)
pub fn counts(r: &Value) -> Value {
    let groups: serde_json::Map<String, Value> = r["groups"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(g, v)| {
            let borda: Vec<_> = v["ranking"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| json!([p["priority"], p["borda"]]))
                .collect();
            (
                g.clone(),
                json!({ "responses": v["responses"], "borda": borda }),
            )
        })
        .collect();
    let conflicts: Vec<Value> = r["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!([c["conflict"], c["overall"]]))
        .collect();
    json!({
        "total": r["total"],
        "groups": groups,
        "conflicts": conflicts,
        "organisations": r["organisations"]["statements"],
    })
}

/// A valid demo submission: `ranking` out of `shown`, in group `group`.
pub fn submission(id: &str, group: &str, ranking: &[&str], shown: &[&str]) -> Value {
    json!({ "id": id, "group": group, "ranking": ranking, "shown": shown, "lang": "de" })
}

pub const ALL: [&str; 8] = [
    "digital-identity",
    "services-online",
    "once-only",
    "federal-it",
    "shared-platforms",
    "digital-skills",
    "impact-steering",
    "visible-progress",
];

/// The n-th test id, a valid UUID.
pub fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

impl TestApp {
    /// Sends `method` to `path` with `Authorization: Receipt {receipt}`.
    pub async fn with_receipt(
        &self,
        method: reqwest::Method,
        path: &str,
        receipt: &str,
    ) -> (u16, Value) {
        let r = self
            .client
            .request(method, self.url(path))
            .header("authorization", format!("Receipt {receipt}"))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }
}

/// A valid organisation statement.
pub fn statement(id: &str) -> Value {
    json!({
        "id": id,
        "name": "Verband Digitale Verwaltung e. V.",
        "kind": "association",
        "lobby_register": "R001234",
        "stances": [
            { "priority": "once-only", "stance": "support", "reasoning": "Weniger Doppelarbeit." },
            { "priority": "federal-it", "stance": "conditional" }
        ],
        "positions": [{ "conflict": "central-vs-local", "position": 1 }],
        "publish": true,
        "lang": "de"
    })
}

pub const PASSWORD: &str = "ein langes Passwort";

/// Adds a member and returns an API token for them.
pub async fn member(app: &TestApp, name: &str, role: Role) -> String {
    assert!(app
        .state
        .db
        .add_staff(name, role, &hash_password(PASSWORD))
        .await
        .unwrap());
    let token = format!("token-{name}");
    assert!(app
        .state
        .db
        .add_token(name, &secret_hash(&token), 1)
        .await
        .unwrap()
        .is_some());
    token
}

pub async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut request = app.client.request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// A staff `GET` that must succeed; its body.
pub async fn staff_get(app: &TestApp, path: &str, token: &str) -> Value {
    let (status, body) = call(app, Method::GET, path, Some(token), None).await;
    assert_eq!(status, 200, "GET {path}: {body}");
    body
}

/// Starts the real server binary on a free port over `database`, with `extra` arguments;
/// returns it and its base URL.
pub fn start_binary(database: &str, extra: &[&str]) -> (std::process::Child, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_mitreden-server"));
    command
        .args(["serve", "--addr", "127.0.0.1:0", "--database", database])
        .args(extra)
        .env("RUST_LOG", "error");
    start_command(command)
}

/// A server process, stopped when the test ends, also when it fails (an orphan would keep
/// the test's output pipe open).
pub struct Running(pub std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `command`, a server binary's `serve`, and waits until it prints its URLs; returns
/// it and its base URL.
pub fn start_command(mut command: std::process::Command) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("server starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let base = loop {
        let line = lines.next().expect("server prints its URLs").unwrap();
        // As lines for people, or, with --log-format json, as one JSON object.
        let url = match serde_json::from_str::<Value>(&line) {
            Ok(object) => object["results_json"].as_str().map(str::to_owned),
            Err(_) => line
                .strip_prefix("Results JSON:")
                .map(|u| u.trim().to_owned()),
        };
        if let Some(url) = url {
            break url[..url.find("/api/").unwrap()].to_owned();
        }
    };
    (child, base)
}

/// A connection of our own to `database` (a SQLite file or a PostgreSQL URL), to look at
/// what is stored without the server.
pub async fn connect(database: &str) -> sqlx::AnyConnection {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let url = if on_postgres() {
        database.to_owned()
    } else {
        format!("sqlite://{database}")
    };
    sqlx::AnyConnection::connect(&url).await.unwrap()
}

/// A response header as text; empty when it is not there.
pub fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Sends `fields` to `path` as a form, as a browser without JavaScript does.
pub async fn post_form(app: &TestApp, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(fields).unwrap())
        .send()
        .await
        .unwrap()
}

/// The value of the hidden response id in a form page.
pub fn form_id(html: &str) -> String {
    let at = html.find("name=\"id\" value=\"").expect("a response id") + 17;
    html[at..at + 36].to_owned()
}

/// How many responses the demo's results count.
pub async fn total(app: &TestApp) -> u64 {
    app.results().await["total"].as_u64().unwrap()
}

/// A process's resident memory, in KiB.
pub fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Runs `mitreden-server staff ARGS` on `database` (no terminal: passwords are generated);
/// what it printed, which must be a success.
pub fn staff_cli(database: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mitreden-server"))
        .args(["staff", "--database", database])
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
