//! Connections that send nothing, drip their headers or drip their body are closed; only so
//! many connections are open at once.

mod common;

use std::time::Duration;

use common::TestApp;
use mitreden_server::ops::serve::ConnectionLimits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

async fn spawn(limits: ConnectionLimits) -> TestApp {
    TestApp::spawn_configured(|args| args.limits = limits).await
}

/// Everything the server sends until it closes the connection; `None` if it is still open
/// after `within`.
async fn until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut received)).await;
    read.ok()
        .map(|_| String::from_utf8_lossy(&received).into_owned())
}

const QUICK: ConnectionLimits = ConnectionLimits {
    header_seconds: 1,
    body_seconds: 1,
    max_connections: 1024,
    shutdown_seconds: 1,
};

#[tokio::test]
async fn a_connection_that_sends_nothing_or_drips_its_headers_is_closed() {
    let app = spawn(QUICK).await;
    let mut silent = TcpStream::connect(app.addr).await.unwrap();
    assert!(
        until_closed(&mut silent, Duration::from_secs(10))
            .await
            .is_some(),
        "a silent connection stays open"
    );

    let mut dripping = TcpStream::connect(app.addr).await.unwrap();
    dripping
        .write_all(b"GET /api/v1/consultations/demo HTTP/1.1\r\n")
        .await
        .unwrap();
    let drip = async {
        for byte in b"X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
            if dripping.write_all(&[*byte]).await.is_err() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        false
    };
    assert!(drip.await, "a connection dripping its headers stays open");
}

#[tokio::test]
async fn a_kept_alive_connection_is_closed_once_idle() {
    let app = spawn(QUICK).await;
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    let request = format!(
        "GET /api/v1/consultations/demo HTTP/1.1\r\nHost: {}\r\n\r\n",
        app.addr
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let answer = until_closed(&mut stream, Duration::from_secs(10))
        .await
        .expect("closed once idle");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn a_dripping_body_is_refused_with_408() {
    let app = spawn(QUICK).await;
    let mut stream = TcpStream::connect(app.addr).await.unwrap();
    let head = format!(
        "POST /api/v1/consultations/demo/responses HTTP/1.1\r\nHost: {}\r\n\
         Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"id\"",
        app.addr
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = until_closed(&mut stream, Duration::from_secs(10))
        .await
        .expect("closed after the body timeout");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"request_timeout\""), "{answer}");
    assert_eq!(app.results().await["total"], 0);
}

#[tokio::test]
async fn no_more_than_the_cap_of_connections_are_served_at_once() {
    let app = spawn(ConnectionLimits {
        header_seconds: 30,
        body_seconds: 30,
        max_connections: 2,
        shutdown_seconds: 1,
    })
    .await;
    let first = TcpStream::connect(app.addr).await.unwrap();
    let _second = TcpStream::connect(app.addr).await.unwrap();
    let mut third = TcpStream::connect(app.addr).await.unwrap();
    let request = format!(
        "GET /api/v1/consultations/demo HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        app.addr
    );
    third.write_all(request.as_bytes()).await.unwrap();
    assert!(
        until_closed(&mut third, Duration::from_secs(2))
            .await
            .is_none(),
        "the third connection is not served while two are open"
    );
    drop(first);
    let answer = until_closed(&mut third, Duration::from_secs(10))
        .await
        .expect("served once one closed");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
