//! Widget components in a real browser (headless Chromium through wasm-bindgen-test).
//!
//! Each test mounts a component into a fresh element and works it like a person would: by
//! buttons and their accessible names, reading what is shown and announced.

use std::time::Duration;

use leptos::prelude::*;
use mitreden_core::draft::{Draft, Mode};
use mitreden_core::{Acknowledgement, GroupId, ResponseId};
use mitreden_core::{Consultation, Lang, PriorityId, RankingDraft};
use mitreden_views::participation::who_step::WhoStep;
use mitreden_widget::components::live_region::LiveRegion;
use mitreden_widget::components::participation::Participation;
use mitreden_widget::components::ranking_editor::RankingEditor;
use mitreden_widget::components::receipt_view::ReceiptView;
use mitreden_widget::context::{provide_announcer, provide_consultation};
use mitreden_widget::device::{Device, Sent};
use mitreden_widget::i18n::{provide_i18n, text, Key};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn consultation(partial: bool) -> Consultation {
    consultation_with(partial, false)
}

fn consultation_with(partial: bool, results_after_submit: bool) -> Consultation {
    let json = format!(
        r#"{{
        "slug": "sample",
        "title": {{"de": "Testbeteiligung", "en": "Test consultation"}},
        "description": {{"de": "Beschreibung", "en": "Description"}},
        "languages": ["de", "en"],
        "status": "open",
        "groups": [
            {{"id": "citizens", "label": {{"de": "Bürgerinnen und Bürger", "en": "Citizens"}}}},
            {{"id": "business", "label": {{"de": "Wirtschaft", "en": "Business"}}}}
        ],
        "priorities": [
            {{"id": "alpha", "title": {{"de": "Alpha-Ziel", "en": "Alpha goal"}},
              "description": {{"de": "Erstes", "en": "First"}}}},
            {{"id": "beta", "title": {{"de": "Beta-Ziel", "en": "Beta goal"}},
              "description": {{"de": "Zweites", "en": "Second"}}}},
            {{"id": "gamma", "title": {{"de": "Gamma-Ziel", "en": "Gamma goal"}},
              "description": {{"de": "Drittes", "en": "Third"}}}}
        ],
        "conflicts": [],
        "settings": {{"partial_ranking": {partial}, "results_after_submit": {results_after_submit}}}
    }}"#
    );
    serde_json::from_str(&json).expect("test consultation parses")
}

/// The sample consultation with one goal conflict.
fn consultation_with_conflict() -> Consultation {
    let mut c = consultation(true);
    c.conflicts = serde_json::from_str(
        r#"[{"id": "speed", "title": {"de": "Tempo oder Tiefe?", "en": "Speed or depth?"},
             "left": {"de": "Tempo", "en": "Speed"}, "right": {"de": "Tiefe", "en": "Depth"}}]"#,
    )
    .expect("test conflict parses");
    c
}

/// A fresh container in the page; each test mounts into its own.
fn container() -> HtmlElement {
    let document = document();
    // One test's page at a time: the widget finds what the server rendered by its ids.
    let earlier = document.query_selector_all(".test-page").unwrap();
    for i in 0..earlier.length() {
        if let Some(page) = earlier.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            page.remove();
        }
    }
    let div = document.create_element("div").unwrap();
    div.set_class_name("test-page");
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Lets Leptos run its effects and the browser draw a frame.
async fn settle() {
    gloo_timers::future::sleep(Duration::from_millis(50)).await;
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The accessible name of a button, as far as these components set it: `aria-label`, else
/// the text that is not hidden from assistive technology.
fn name(button: &Element) -> String {
    if let Some(label) = button.get_attribute("aria-label") {
        return label;
    }
    let hidden: String = all(button, "[aria-hidden=true]")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    let text = button.text_content().unwrap_or_default();
    text.replacen(&hidden, "", 1)
}

fn button(root: &Element, accessible_name: &str) -> HtmlElement {
    all(root, "button")
        .into_iter()
        .filter(|b| b.closest("[hidden]").unwrap().is_none())
        .find(|b| name(b).trim() == accessible_name)
        .unwrap_or_else(|| panic!("no button named {accessible_name:?}"))
        .unchecked_into()
}

fn ranked_titles(root: &Element) -> Vec<String> {
    all(root, "[data-testid=ranked] .mtr-item-title")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn live_text(root: &Element) -> String {
    root.query_selector("[data-testid=live-region]")
        .unwrap()
        .expect("live region")
        .text_content()
        .unwrap_or_default()
}

fn mount_editor(partial: bool) -> (HtmlElement, RwSignal<RankingDraft>) {
    let root = container();
    let c = consultation(partial);
    let shown: Vec<PriorityId> = c.priorities.iter().map(|p| p.id.clone()).collect();
    let draft = RwSignal::new(RankingDraft::new(shown, partial));
    let handle = mount_to(root.clone(), move || {
        provide_i18n(Lang::De);
        provide_announcer();
        provide_consultation(c.clone());
        view! {
            <LiveRegion />
            <RankingEditor draft error=Signal::derive(|| None) />
        }
    });
    handle.forget();
    (root, draft)
}

#[wasm_bindgen_test]
async fn ranking_by_buttons_reorders_and_announces_the_move() {
    let (root, draft) = mount_editor(true);
    assert!(ranked_titles(&root).is_empty());

    button(&root, "Alpha-Ziel: einordnen").click();
    settle().await;
    button(&root, "Gamma-Ziel: einordnen").click();
    settle().await;
    assert_eq!(ranked_titles(&root), ["Alpha-Ziel", "Gamma-Ziel"]);
    assert_eq!(live_text(&root), "Gamma-Ziel: auf Platz 2 eingeordnet");

    button(&root, "Gamma-Ziel: nach oben").click();
    settle().await;
    assert_eq!(ranked_titles(&root), ["Gamma-Ziel", "Alpha-Ziel"]);
    assert_eq!(
        live_text(&root),
        "Gamma-Ziel: von Platz 2 auf Platz 1 verschoben"
    );
    let ranked: Vec<String> =
        draft.with_untracked(|d| d.ranked().iter().map(|p| p.to_string()).collect());
    assert_eq!(ranked, ["gamma", "alpha"]);
}

#[wasm_bindgen_test]
async fn moving_past_the_top_is_announced_and_keeps_focus() {
    let (root, _) = mount_editor(false);
    assert_eq!(
        ranked_titles(&root),
        ["Alpha-Ziel", "Beta-Ziel", "Gamma-Ziel"]
    );
    let up = button(&root, "Alpha-Ziel: nach oben");
    assert_eq!(up.get_attribute("aria-disabled").as_deref(), Some("true"));
    up.focus().unwrap();
    up.click();
    settle().await;
    assert_eq!(live_text(&root), "Alpha-Ziel steht schon auf Platz 1");
    assert_eq!(
        ranked_titles(&root),
        ["Alpha-Ziel", "Beta-Ziel", "Gamma-Ziel"]
    );
    let focused = document().active_element().expect("something has focus");
    assert_eq!(focused.id(), "mtr-up-alpha");
}

#[wasm_bindgen_test]
async fn full_rankings_offer_no_way_to_take_items_out() {
    let (root, _) = mount_editor(false);
    assert!(all(&root, "[data-testid=unranked]").is_empty());
    assert!(all(&root, "button")
        .iter()
        .all(|b| !name(b).contains("herausnehmen")));
}

#[wasm_bindgen_test]
async fn taking_an_item_out_puts_it_back_in_shown_order() {
    let (root, _) = mount_editor(true);
    for title in ["Gamma-Ziel", "Beta-Ziel"] {
        button(&root, &format!("{title}: einordnen")).click();
        settle().await;
    }
    button(&root, "Gamma-Ziel: herausnehmen").click();
    settle().await;
    assert_eq!(ranked_titles(&root), ["Beta-Ziel"]);
    let unranked: Vec<String> = all(&root, "[data-testid=unranked] .mtr-item-title")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert_eq!(unranked, ["Alpha-Ziel", "Gamma-Ziel"]);
    assert_eq!(
        live_text(&root),
        "Gamma-Ziel: aus Ihrer Reihenfolge herausgenommen"
    );
}

fn mount_participation(partial: bool) -> HtmlElement {
    Device::new("sample").clear();
    remount_participation(partial)
}

/// Mounts the participation again without clearing the device, as a reload would.
fn remount_participation(partial: bool) -> HtmlElement {
    mount_in(partial, Lang::De)
}

/// Mounts the participation on a page in `lang` (the server renders the page in the visitor's
/// language; the widget follows it).
fn mount_in(partial: bool, lang: Lang) -> HtmlElement {
    mount_consultation(consultation(partial), lang)
}

/// Mounts the participation in `c` on a page in `lang`, after the first question the server
/// renders with the page (hidden until "start").
fn mount_consultation(c: Consultation, lang: Lang) -> HtmlElement {
    let root = page_with_first_question(c.clone(), lang);
    load_widget(&root, c, lang);
    root
}

/// A page as the server sends it: the first question, hidden until "start" (the welcome is
/// left out: the widget only hides and shows it).
fn page_with_first_question(c: Consultation, lang: Lang) -> HtmlElement {
    let root = container();
    mount_to(root.clone(), move || {
        view! { <WhoStep consultation=c.clone() lang form="/w/sample/form".to_owned() carried=vec![] /> }
    })
    .forget();
    root
}

/// The widget, loaded into `root` once the page is there.
fn load_widget(root: &HtmlElement, c: Consultation, lang: Lang) {
    mount_to(root.clone(), move || {
        provide_i18n(lang);
        provide_announcer();
        view! {
            <LiveRegion />
            <Participation consultation=c.clone() />
        }
    })
    .forget();
}

/// "Start" on the welcome, which the server renders: its script hands the click to the widget.
async fn start() {
    mitreden_widget::actions::run("start");
    settle().await;
}

/// Presses a button; one the server rendered (the first question's) is handed to the widget
/// as the page's script does, instead of submitting its form.
async fn press(root: &Element, accessible_name: &str) {
    let button = button(root, accessible_name);
    match button.get_attribute("data-mtr-act") {
        Some(act) => mitreden_widget::actions::run(&act),
        None => button.click(),
    }
    settle().await;
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn check(root: &Element, selector: &str) {
    let input: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.click();
}

#[wasm_bindgen_test]
async fn going_on_without_a_group_shows_an_error_tied_to_the_question() {
    let root = mount_participation(true);
    start().await;
    press(&root, "Weiter").await;
    assert_eq!(
        text_of(&root, "#mtr-who-error"),
        "Bitte wählen Sie eine Gruppe."
    );
    assert!(described_by(&root, "fieldset", "mtr-who-error"));
    assert_eq!(text_of(&root, "#mtr-who-heading"), "Wer Sie sind");
}

#[wasm_bindgen_test]
async fn the_widget_takes_over_the_first_question_as_the_visitor_left_it() {
    Device::new("sample").clear();
    let root = page_with_first_question(consultation(true), Lang::De);
    // "Start" before the widget is there: the page's script shows the question, and the
    // visitor chooses (the radio buttons work without the widget).
    let section = root.query_selector("#mtr-who").unwrap().unwrap();
    section.remove_attribute("hidden").unwrap();
    check(&root, "#mtr-group-business");
    let chosen: HtmlElement = root
        .query_selector("#mtr-group-business")
        .unwrap()
        .unwrap()
        .unchecked_into();
    chosen.focus().unwrap();

    load_widget(&root, consultation(true), Lang::De);
    settle().await;
    // The page's script hands over the press it answered itself.
    start().await;
    assert!(!section.has_attribute("hidden"), "the question stays");
    let chosen: web_sys::HtmlInputElement = chosen.unchecked_into();
    assert!(chosen.checked(), "the choice stays");
    let focused = document().active_element().map(|e| e.id());
    assert_eq!(
        focused.as_deref(),
        Some("mtr-group-business"),
        "focus stays"
    );
    // The widget goes on with the choice: no "choose a group" error.
    press(&root, "Weiter").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Prioritäten");
    assert!(section.has_attribute("hidden"));
    press(&root, "Zurück").await;
    assert!(!section.has_attribute("hidden"));
    assert!(chosen.checked());
}

/// A fresh English participation with one goal conflict, walked to the conflicts step:
/// a group, one goal ranked.
async fn at_the_conflicts_step() -> HtmlElement {
    Device::new("sample").clear();
    let root = mount_consultation(consultation_with_conflict(), Lang::En);
    start().await;
    check(&root, "#mtr-group-citizens");
    settle().await;
    press(&root, "Next").await;
    press(&root, "Alpha goal: add to ranking").await;
    press(&root, "Next").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Goal conflicts");
    root
}

/// Types `text` into the text field `selector` (a text area or a one-line input) as a paste
/// would; its value, read back, is what the field kept.
async fn type_into(root: &Element, selector: &str, text: &str) -> String {
    let field = root.query_selector(selector).unwrap().unwrap();
    match field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(area) => area.set_value(text),
        None => field
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .set_value(text),
    }
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    match field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => field.unchecked_ref::<web_sys::HtmlInputElement>().value(),
    }
}

/// Whether the (first shown) group `selector` names the element `id` among what describes it.
fn described_by(root: &Element, selector: &str, id: &str) -> bool {
    all(root, selector)
        .into_iter()
        .find(|e| e.closest("[hidden]").unwrap().is_none())
        .and_then(|e| e.get_attribute("aria-describedby"))
        .is_some_and(|ids| ids.split(' ').any(|i| i == id))
}

#[wasm_bindgen_test]
async fn a_comment_without_a_position_is_not_dropped_but_asks_for_one() {
    let root = at_the_conflicts_step().await;
    type_into(&root, "#mtr-conflict-speed-comment", &"x".repeat(999)).await;
    // One left, in the singular.
    assert_eq!(
        text_of(&root, "#mtr-conflict-speed-comment-counter"),
        "1 character left"
    );
    // Without a position the comment would not be sent: the step says so and stays.
    press(&root, "Next").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Goal conflicts");
    assert_eq!(
        text_of(&root, "#mtr-conflict-speed-error"),
        "Choose a position too – without one your comment does not count."
    );
    assert!(described_by(&root, "fieldset", "mtr-conflict-speed-error"));
    // "No view" is a position: the error goes and the step lets the participant on.
    check(&root, "#mtr-conflict-speed-none");
    settle().await;
    assert_eq!(text_of(&root, "#mtr-conflict-speed-error"), "");
    press(&root, "Next").await;
    assert_ne!(text_of(&root, "#mtr-step-heading"), "Goal conflicts");
}

#[wasm_bindgen_test]
async fn a_comment_over_the_limit_is_kept_whole_and_asked_to_be_shortened() {
    let root = at_the_conflicts_step().await;
    check(&root, "#mtr-conflict-speed-none");
    // 1,000 emoji are 2,000 UTF-16 units but 1,000 characters, as the server counts.
    let long = format!("{}x", "👋".repeat(1000));
    let kept = type_into(&root, "#mtr-conflict-speed-comment", &long).await;
    // Nothing cut: the field keeps what was pasted, says by how much it is over, and is
    // marked invalid.
    let area = root
        .query_selector("#mtr-conflict-speed-comment")
        .unwrap()
        .unwrap();
    assert_eq!(kept, long);
    assert_eq!(area.get_attribute("maxlength"), None);
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    let counter = "1 character too many – please shorten the text";
    assert_eq!(
        text_of(&root, "#mtr-conflict-speed-comment-counter"),
        counter
    );
    // Announced once typing pauses, not with the keystroke.
    assert_ne!(live_text(&root), counter);
    gloo_timers::future::sleep(Duration::from_millis(1500)).await;
    assert_eq!(live_text(&root), counter);
    // "Next" keeps the participant here, in the field to shorten.
    press(&root, "Next").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Goal conflicts");
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("mtr-conflict-speed-comment")
    );
    type_into(&root, "#mtr-conflict-speed-comment", &"👋".repeat(1000)).await;
    assert_eq!(area.get_attribute("aria-invalid"), None);
    assert_eq!(
        text_of(&root, "#mtr-conflict-speed-comment-counter"),
        "0 characters left"
    );
    press(&root, "Next").await;
    assert_ne!(text_of(&root, "#mtr-step-heading"), "Goal conflicts");
}

#[wasm_bindgen_test]
async fn a_proposal_keeps_a_long_title_whole_and_its_reason_count_is_announced() {
    let root = at_the_conflicts_step().await;
    press(&root, "Next").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Is something missing?");
    press(&root, "Add a proposal").await;
    // An empty title is asked for, and the request goes once there is one.
    press(&root, "Next").await;
    assert_eq!(
        text_of(&root, "#mtr-proposal-1-error"),
        "Please enter a title or remove the proposal."
    );
    let long = "👋".repeat(121);
    let kept = type_into(&root, "#mtr-proposal-1-title", &long).await;
    assert_eq!(text_of(&root, "#mtr-proposal-1-error"), "");
    assert_eq!(kept, long);
    let title: web_sys::HtmlInputElement = root
        .query_selector("#mtr-proposal-1-title")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(title.get_attribute("maxlength"), None);
    assert_eq!(
        text_of(&root, "#mtr-proposal-1-title-counter"),
        "1 character too many – please shorten the text"
    );
    // Typing in the reason does not make the fields anew: its count is announced once
    // typing pauses.
    type_into(&root, "#mtr-proposal-1-reason", &"x".repeat(1001)).await;
    type_into(&root, "#mtr-proposal-1-reason", &"x".repeat(1002)).await;
    gloo_timers::future::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        live_text(&root),
        "2 characters too many – please shorten the text"
    );
    // Typing in the title is heard as the title's count alone: the reason's counter, also
    // over its limit, stays quiet (it would speak last and be what is left in the region).
    type_into(&root, "#mtr-proposal-1-title", &"👋".repeat(125)).await;
    gloo_timers::future::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        live_text(&root),
        "5 characters too many – please shorten the text"
    );
    // As after a Tab through it: the whole title selected.
    title.select();
    press(&root, "Next").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Is something missing?");
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("mtr-proposal-1-title")
    );
    // Back in the field with the caret at the end, so the next key does not replace it all.
    let end = Some(title.value().encode_utf16().count() as u32);
    assert_eq!(title.selection_start().unwrap(), end);
    assert_eq!(title.selection_end().unwrap(), end);
    // Removing it is said, not only done.
    press(&root, "Remove proposal 1").await;
    assert_eq!(live_text(&root), "Proposal 1 removed");
}

#[wasm_bindgen_test]
async fn an_empty_ranking_is_refused_before_going_on() {
    let root = mount_participation(true);
    start().await;
    check(&root, "#mtr-group-business");
    settle().await;
    press(&root, "Weiter").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Prioritäten");
    press(&root, "Weiter").await;
    assert_eq!(
        text_of(&root, "#mtr-ranking-error"),
        "Bitte ordnen Sie mindestens ein Ziel ein."
    );
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Prioritäten");
}

#[wasm_bindgen_test]
async fn a_reload_keeps_the_answers_given_so_far() {
    let root = mount_participation(true);
    start().await;
    check(&root, "#mtr-group-citizens");
    settle().await;
    press(&root, "Weiter").await;
    press(&root, "Beta-Ziel: einordnen").await;
    let again = remount_participation(true);
    settle().await;
    start().await;
    let radio: web_sys::HtmlInputElement = again
        .query_selector("#mtr-group-citizens")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(radio.checked());
    press(&again, "Weiter").await;
    assert_eq!(ranked_titles(&again), ["Beta-Ziel"]);
}

#[wasm_bindgen_test]
async fn a_refused_submission_is_a_sentence_in_the_ui_language_not_a_panic() {
    Device::new("sample").clear();
    let root = mount_in(true, Lang::En);
    start().await;
    check(&root, "#mtr-group-citizens");
    settle().await;
    press(&root, "Next").await;
    press(&root, "Alpha goal: add to ranking").await;
    press(&root, "Next").await;
    press(&root, "Next").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Check your answers");
    // The test page has no mitreden API behind it: the server answers 404.
    button(&root, "Submit response").click();
    let mut sentence = String::new();
    for _ in 0..100 {
        settle().await;
        sentence = text_of(&root, "#mtr-submit-error");
        if !sentence.is_empty() {
            break;
        }
    }
    assert_eq!(sentence, text(Lang::En, Key::ErrorNotFound));
    // The answers are still there to try again.
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Check your answers");
    assert!(root.text_content().unwrap().contains("Alpha goal"));
}

#[wasm_bindgen_test]
async fn what_was_announced_on_one_step_is_not_read_again_on_the_next() {
    let root = mount_participation(true);
    start().await;
    check(&root, "#mtr-group-citizens");
    settle().await;
    press(&root, "Weiter").await;
    press(&root, "Alpha-Ziel: einordnen").await;
    assert_eq!(live_text(&root), "Alpha-Ziel: auf Platz 1 eingeordnet");
    press(&root, "Weiter").await;
    assert_eq!(live_text(&root), "");
}

#[wasm_bindgen_test]
async fn a_change_from_the_review_leads_back_to_the_review() {
    let root = mount_participation(true);
    start().await;
    check(&root, "#mtr-group-citizens");
    settle().await;
    press(&root, "Weiter").await;
    press(&root, "Alpha-Ziel: einordnen").await;
    press(&root, "Weiter").await;
    press(&root, "Weiter").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Angaben prüfen");
    press(&root, "Ändern: Gruppe").await;
    assert_eq!(text_of(&root, "#mtr-who-heading"), "Wer Sie sind");
    check(&root, "#mtr-group-business");
    settle().await;
    // Not through the ranking and the proposals again: straight back (GOV.UK's "check your
    // answers").
    press(&root, "Weiter zur Übersicht").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Angaben prüfen");
    assert!(root.text_content().unwrap().contains("Wirtschaft"));
    // An ordinary "next" again afterwards.
    press(&root, "Ändern: Reihenfolge").await;
    press(&root, "Zurück").await;
    press(&root, "Weiter").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Prioritäten");
}

#[wasm_bindgen_test]
async fn the_honeypot_is_out_of_reach_for_people_and_stops_a_program_that_fills_it() {
    let root = mount_participation(true);
    start().await;
    check(&root, "#mtr-group-citizens");
    settle().await;
    press(&root, "Weiter").await;
    press(&root, "Alpha-Ziel: einordnen").await;
    press(&root, "Weiter").await;
    press(&root, "Weiter").await;
    assert_eq!(text_of(&root, "#mtr-step-heading"), "Ihre Angaben prüfen");
    let trap: web_sys::HtmlInputElement = root
        .query_selector("#mtr-website")
        .unwrap()
        .expect("the review step has the honeypot")
        .unchecked_into();
    assert_eq!(trap.tab_index(), -1);
    assert_eq!(trap.value(), "");
    let wrapper = trap.parent_element().unwrap();
    assert_eq!(
        wrapper.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
    assert_eq!(wrapper.class_name(), "mtr-honeypot");

    trap.set_value("https://spam.example");
    trap.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    press(&root, "Antwort absenden").await;
    assert_eq!(
        text_of(&root, "#mtr-submit-error"),
        text(Lang::De, Key::ErrorHoneypot)
    );
}

fn key(target: &HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn handle(root: &Element, id: &str) -> HtmlElement {
    root.query_selector(&format!("#mtr-handle-{id}"))
        .unwrap()
        .expect("the item's move handle")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn keyboard_mode_picks_up_moves_drops_and_cancels_with_announcements() {
    let (root, _) = mount_editor(false);
    key(&handle(&root, "gamma"), " ");
    settle().await;
    assert_eq!(
        handle(&root, "gamma")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(live_text(&root).starts_with("Gamma-Ziel aufgenommen, Platz 3 von 3."));
    key(&handle(&root, "gamma"), "ArrowUp");
    settle().await;
    assert_eq!(
        ranked_titles(&root),
        ["Alpha-Ziel", "Gamma-Ziel", "Beta-Ziel"]
    );
    assert_eq!(
        live_text(&root),
        "Gamma-Ziel: von Platz 3 auf Platz 2 verschoben"
    );
    assert_eq!(
        document().active_element().unwrap().id(),
        "mtr-handle-gamma"
    );
    key(&handle(&root, "gamma"), "Escape");
    settle().await;
    assert_eq!(
        ranked_titles(&root),
        ["Alpha-Ziel", "Beta-Ziel", "Gamma-Ziel"]
    );
    assert_eq!(
        live_text(&root),
        "Verschieben abgebrochen, Gamma-Ziel wieder auf Platz 3"
    );

    key(&handle(&root, "gamma"), "Enter");
    settle().await;
    for _ in 0..2 {
        key(&handle(&root, "gamma"), "ArrowUp");
        settle().await;
    }
    key(&handle(&root, "gamma"), " ");
    settle().await;
    assert_eq!(
        ranked_titles(&root),
        ["Gamma-Ziel", "Alpha-Ziel", "Beta-Ziel"]
    );
    assert_eq!(live_text(&root), "Gamma-Ziel auf Platz 1 abgelegt");
    assert_eq!(
        handle(&root, "gamma")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
fn every_text_exists_in_german_and_english_with_the_same_placeholders() {
    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split('}').next())
            .collect();
        found.sort_unstable();
        found
    }
    for &key in Key::ALL {
        let (de, en) = (text(Lang::De, key), text(Lang::En, key));
        assert!(!de.trim().is_empty() && !en.trim().is_empty(), "{key:?}");
        assert_eq!(placeholders(de), placeholders(en), "{key:?}");
    }
}

fn mount_receipt(results_after_submit: bool) -> HtmlElement {
    let root = container();
    let c = consultation_with(true, results_after_submit);
    let mut draft = Draft::new(&c, ResponseId::from_random_bytes([1; 16]));
    draft.mode = Some(Mode::Individual);
    draft.group = Some(GroupId::parse("citizens").unwrap());
    draft.ranking.rank(&PriorityId::parse("beta").unwrap());
    let sent = Sent {
        acknowledgement: Acknowledgement {
            id: draft.id.to_string(),
            receipt: "ABCD-EFGH-JKMN-PQRS".into(),
        },
        draft,
    };
    let handle = mount_to(root.clone(), move || {
        provide_i18n(Lang::De);
        provide_consultation(c.clone());
        view! { <ReceiptView sent=sent.clone() on_restart=|()| {} /> }
    });
    handle.forget();
    root
}

#[wasm_bindgen_test]
async fn the_receipt_shows_the_code_and_the_ranking_sent() {
    let root = mount_receipt(false);
    settle().await;
    let code = root
        .query_selector("[data-testid=receipt-code]")
        .unwrap()
        .unwrap();
    assert_eq!(code.text_content().unwrap(), "ABCD-EFGH-JKMN-PQRS");
    let summary: Vec<String> = all(&root, ".mtr-summary li")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect();
    assert_eq!(summary, ["Beta-Ziel"]);
    assert!(all(&root, "button")
        .iter()
        .any(|b| name(b) == "Antwort zurückziehen"));
}

#[wasm_bindgen_test]
async fn results_in_context_appear_only_where_the_consultation_shows_them() {
    let hidden = mount_receipt(false);
    let shown = mount_receipt(true);
    settle().await;
    assert!(hidden.query_selector(".mtr-in-context").unwrap().is_none());
    let section = shown
        .query_selector(".mtr-in-context")
        .unwrap()
        .expect("the comparison section is there");
    assert!(section
        .text_content()
        .unwrap()
        .contains("Ihre Reihenfolge im Vergleich"));
}
