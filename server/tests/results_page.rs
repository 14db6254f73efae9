//! The public results page and its chart downloads over HTTP: the briefing says what the
//! published figures support and nothing more; charts come as well-formed SVG and as PNG.

mod common;

use common::{submission, submit_many, uuid, TestApp, ALL};
use mitreden_core::Slug;
use serde_json::Value;

const FIRST: &str = "„Digitale Identitäten, die alle nutzen können“";

fn citizen(n: u32) -> Value {
    submission(&uuid(n), "citizens", &ALL, &ALL)
}

fn academic(n: u32) -> Value {
    let reversed: Vec<&str> = ALL.iter().rev().copied().collect();
    submission(&uuid(1000 + n), "academia", &reversed, &ALL)
}

/// The text of the page's briefing, tags removed.
fn briefing(page: &str) -> String {
    let start = page.find("data-testid=\"briefing\"").expect("a briefing");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    let mut text = String::new();
    let mut in_tag = false;
    for c in section.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn the_briefing_claims_agreement_only_once_two_groups_can_be_read() {
    let app = TestApp::spawn().await;
    submit_many(&app, 12, citizen).await;
    app.settled_public_results().await;
    let text = briefing(&app.page("/results/demo").await);
    assert!(text.contains("12 Antworten, Stand"), "{text}");
    // Everyone put the same goal first: a clear lead.
    assert!(text.contains(&format!("{FIRST} liegt klar vorn")), "{text}");
    // One readable group is no consensus.
    assert!(
        text.contains("Nur eine Gruppe hat genug Antworten"),
        "{text}"
    );
    assert!(!text.contains("auswertbaren Gruppen sehen"), "{text}");
    assert!(!text.contains("Am weitesten auseinander"), "{text}");

    // Academia ranks everything the other way round.
    submit_many(&app, 12, academic).await;
    let public = app.settled_public_results().await;
    let text = briefing(&app.page("/results/demo").await);
    assert!(text.contains("24 Antworten, Stand"), "{text}");
    // Every goal ties overall: no lead is clear.
    assert!(
        text.contains(&format!(
            "{FIRST} liegt vorn (50,0 Punkte), aber nicht sicher vor"
        )),
        "{text}"
    );
    assert!(!text.contains("klar vorn"), "{text}");
    // The split names the groups, the places their rankings show and the points.
    let place = |group: &str| {
        public["groups"][group]["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["priority"] == "digital-identity")
            .unwrap()["rank"]
            .clone()
    };
    assert_eq!((place("citizens"), place("academia")), (1.into(), 8.into()));
    assert!(
        text.contains(&format!(
            "Am deutlichsten unterscheiden sich die Gruppen bei {FIRST}: \
             Bürgerinnen und Bürger auf Platz\u{a0}1 (100,0 Punkte), Wissenschaft auf \
             Platz\u{a0}8 (0,0 Punkte) – mehr, als der Zufall erklärt."
        )),
        "{text}"
    );
    assert!(
        text.contains("Kein Ziel steht bei allen auswertbaren Gruppen"),
        "{text}"
    );
}

#[tokio::test]
async fn english_readers_get_english_sentences_and_numbers() {
    let app = TestApp::spawn().await;
    submit_many(&app, 12, citizen).await;
    app.settled_public_results().await;
    let page = app.page("/results/demo?lang=en").await;
    assert!(page.contains("<html lang=\"en\""));
    assert!(
        briefing(&page).contains("12 responses as of"),
        "{}",
        briefing(&page)
    );
    // Points with a decimal point in English, a decimal comma in German.
    assert!(page.contains("100.0"), "English decimals");
    let german = app.page("/results/demo").await;
    assert!(german.contains("100,0"), "German decimals");
    assert!(!german.contains("100.0"));
}

#[tokio::test]
async fn charts_download_as_svg_and_png_with_their_source() {
    let mut closed = mitreden_server::seed::demo();
    closed.slug = Slug::parse("closed-book").unwrap();
    closed.settings.publish_results = false;
    let app = TestApp::spawn_with(&[mitreden_server::seed::demo(), closed]).await;
    submit_many(&app, 12, citizen).await;
    app.settled_public_results().await;
    for chart in [
        "ranking",
        "groups",
        "conflict-quick-wins-vs-depth",
        "timeline",
    ] {
        let r = app
            .client
            .get(app.url(&format!("/results/demo/charts/{chart}.svg")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{chart}");
        assert_eq!(r.headers()["content-type"], "image/svg+xml; charset=utf-8");
        let disposition = r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            disposition,
            format!("attachment; filename=\"demo-{chart}.svg\"")
        );
        let svg = r.text().await.unwrap();
        let doc =
            roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{chart}: {e}\n{svg}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert!(root.children().any(|c| c.has_tag_name("title")));
        // Lines of the drawing, as a reader reads them.
        let text = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("12 Antworten, Stand"),
            "{chart}: the source line is drawn in"
        );
        assert!(
            text.contains("2026") || text.contains("20"),
            "{chart}: dated"
        );
    }
    let r = app
        .client
        .get(app.url("/results/demo/charts/ranking.png"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "image/png");
    let png = r.bytes().await.unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 1440, "four times the drawing, sharp on a projector");

    for (path, status, code) in [
        ("/results/demo/charts/nope.svg", 404, "chart_not_found"),
        ("/results/demo/charts/ranking.gif", 404, "chart_not_found"),
        (
            "/results/nope/charts/ranking.svg",
            404,
            "consultation_not_found",
        ),
        (
            "/results/closed-book/charts/ranking.svg",
            403,
            "results_not_published",
        ),
    ] {
        let (got, body) = app.get(path).await;
        assert_eq!(
            (got, body["error"]["code"].as_str()),
            (status, Some(code)),
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_valid_ministry_colour_themes_the_page_and_an_invalid_one_is_ignored() {
    let app = TestApp::spawn().await;
    let page = app.page("/results/demo?accent=%23006633").await;
    assert!(page.contains("--res-accent:#006633"));
    // Too light for white text: the default stays, and nothing of the value gets in.
    let page = app.page("/results/demo?accent=%23ffee00").await;
    assert!(page.contains("--res-accent:#004b76"));
    assert!(!page.contains("ffee00"));
    let page = app
        .page("/results/demo?font=x%3B%7D%3C%2Fstyle%3E%3Cscript%3E")
        .await;
    assert!(!page.contains("<script>"));
    // The language switch keeps the look.
    let page = app.page("/results/demo?accent=%23006633").await;
    assert!(
        page.contains("href=\"?lang=en&amp;accent=%23006633\""),
        "{page}"
    );
}

#[tokio::test]
async fn the_page_kept_for_readers_shows_every_new_response_and_look() {
    let app = TestApp::spawn_with(&[]).await;
    submit_many(&app, 12, citizen).await;
    app.settled_public_results().await;
    let first = app.page("/results/demo").await;
    assert!(first.contains("12 Antworten, Stand"), "{first}");
    // Kept: the same page again.
    assert_eq!(app.page("/results/demo").await, first);
    let (status, _) = app.submit(&academic(1)).await;
    assert_eq!(status, 201);
    app.settled_public_results().await;
    let after = app.page("/results/demo").await;
    assert!(after.contains("13 Antworten, Stand"), "{after}");
    // A ministry's look is rendered for it, not taken from what was kept.
    let themed = app.page("/results/demo?accent=%238a1538").await;
    assert!(themed.contains("#8a1538"), "{themed}");
    assert!(!app.page("/results/demo").await.contains("#8a1538"));
}
