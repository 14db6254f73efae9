//! Charts as PNG under bursts of anonymous requests, against the real binary: each chart is
//! drawn once per counted version, a repeat costs a 304, drawings at once are bounded, and the
//! server's memory stays within 100 MB of what it was before the first chart.

mod common;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use common::{on_postgres, rss_kib, start_binary, submission, uuid, Running, ALL};
use futures_util::StreamExt;

/// The most memory the process held while `work` ran, sampled every 5 ms.
async fn peak_during<F: std::future::Future>(pid: u32, work: F) -> (u64, F::Output) {
    let peak = Arc::new(AtomicU64::new(rss_kib(pid)));
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        })
    };
    let out = work.await;
    done.store(true, Ordering::Relaxed);
    sampler.join().unwrap();
    (peak.load(Ordering::Relaxed), out)
}

/// `count` requests for the addresses `path(n)`, all at once: their statuses.
async fn burst(
    client: &reqwest::Client,
    base: &str,
    count: u32,
    path: impl Fn(u32) -> String,
) -> Vec<reqwest::Response> {
    futures_util::stream::iter((0..count).map(|n| client.get(format!("{base}{}", path(n))).send()))
        .buffer_unordered(count as usize)
        .map(|r| r.unwrap())
        .collect()
        .await
}

/// How many charts the server has drawn, by format, from its metrics.
async fn rendered(client: &reqwest::Client, base: &str, format: &str) -> u64 {
    let text = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let prefix = format!("mitreden_charts_rendered_total{{format=\"{format}\"}} ");
    text.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .map_or(0, |n| n.trim().parse().unwrap())
}

#[tokio::test]
async fn bursts_of_png_requests_draw_each_chart_once_and_keep_memory_flat() {
    if on_postgres() {
        // What is measured happens above the storage; once, on SQLite, is enough.
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let database = common::database(&dir).await;
    let (server, base) = start_binary(
        &database,
        &["--rate-limit", "0", "--metrics-from", "127.0.0.1"],
    );
    let server = Running(server);
    let pid = server.0.id();
    let client = reqwest::Client::new();
    for n in 0..30 {
        let body = submission(&uuid(n), "citizens", &ALL, &ALL);
        let r = client
            .post(format!("{base}/api/v1/consultations/demo/responses"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());
    }
    // The results' uncertainty is computed in the background: once it is there, the counts
    // a chart shows stay as they are for the rest of the test.
    for _ in 0..400 {
        let r: serde_json::Value = client
            .get(format!("{base}/api/v1/consultations/demo/results"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if r["as_of"]["uncertainty"] == r["as_of"]["results"] {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let idle = rss_kib(pid);
    let limit = idle + 100 * 1024;

    // 256 at once for the same chart: drawn once, everyone gets it.
    let (peak, answers) = peak_during(
        pid,
        burst(&client, &base, 256, |_| {
            "/results/demo/charts/ranking.png".into()
        }),
    )
    .await;
    eprintln!("same chart: idle {idle} KiB, peak {peak} KiB");
    assert!(answers.iter().all(|r| r.status() == 200));
    assert_eq!(rendered(&client, &base, "png").await, 1);
    assert!(peak < limit, "peak {peak} KiB, idle {idle} KiB");
    let tag = answers[0].headers()["etag"].clone();
    assert!(tag.to_str().unwrap().starts_with("W/\""));

    // Asked again with what the browser holds: 304, nothing drawn.
    let again = client
        .get(format!("{base}/results/demo/charts/ranking.png"))
        .header("if-none-match", tag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"], tag);
    assert_eq!(again.headers()["cache-control"], "public, no-cache");

    // 256 at once over every chart in both languages: each drawn once.
    let charts = [
        "ranking",
        "equal",
        "groups",
        "timeline",
        "conflict-quick-wins-vs-depth",
    ];
    let (peak, answers) = peak_during(
        pid,
        burst(&client, &base, 256, |n| {
            let chart = charts[n as usize % charts.len()];
            let lang = if n % 2 == 0 { "de" } else { "en" };
            format!("/results/demo/charts/{chart}.png?lang={lang}")
        }),
    )
    .await;
    eprintln!("every chart, both languages: peak {peak} KiB");
    let statuses: Vec<u16> = answers.iter().map(|r| r.status().as_u16()).collect();
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    // The ranking in German was drawn before.
    assert_eq!(
        rendered(&client, &base, "png").await,
        2 * charts.len() as u64
    );
    assert!(peak < limit, "peak {peak} KiB, idle {idle} KiB");

    // An accent from the address is drawn each time, never kept: beyond the places for
    // drawing and waiting, the answer is 503 with Retry-After at once.
    let (peak, answers) = peak_during(
        pid,
        burst(&client, &base, 256, |n| {
            format!(
                "/results/demo/charts/ranking.png?accent=%23{:02x}0040",
                n % 128
            )
        }),
    )
    .await;
    eprintln!("256 accents: peak {peak} KiB");
    let busy: Vec<_> = answers.iter().filter(|r| r.status() == 503).collect();
    assert!(!busy.is_empty(), "every one of 256 drawings was let in");
    assert!(busy.iter().all(|r| r.headers()["retry-after"] == "2"));
    assert!(answers
        .iter()
        .all(|r| r.status() == 200 || r.status() == 503));
    assert!(peak < limit, "peak {peak} KiB, idle {idle} KiB");

    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let after = rss_kib(pid);
    eprintln!("after: {after} KiB");
    assert!(after < limit, "after {after} KiB, idle {idle} KiB");
}
