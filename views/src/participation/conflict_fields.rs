use leptos::prelude::*;
use mitreden_core::plain_form::{Field, FieldProblem, PlainAnswers};
use mitreden_core::submission::MAX_COMMENT_CHARS;
use mitreden_core::{locale, GoalConflict, Lang};

use super::field_note::{described_by, FieldNote};
use super::page_texts::{text as page_text, Key as PageKey};
use super::problems::about;
use super::scale::scale_label;
use super::texts::{text, Key};
use crate::i18n::fill;

/// One goal conflict in the plain form: a radio button per step of the scale, "no view", and
/// an optional comment. The conflict's explanation describes the group. The comment's limit
/// is said, not enforced with `maxlength`, which would cut a paste silently: a longer comment
/// comes back with an error, kept as typed.
#[component]
pub fn ConflictFields(
    conflict: GoalConflict,
    /// The scale's steps on each side (2 or 3).
    half: i8,
    lang: Lang,
    answers: PlainAnswers,
    problems: Vec<FieldProblem>,
) -> impl IntoView {
    let position = Field::Position(conflict.id.clone());
    let comment = Field::Comment(conflict.id.clone());
    let name = position.name();
    let chosen = answers.value(&name).to_owned();
    let error = about(lang, &problems, &position);
    let comment_error = about(lang, &problems, &comment);
    let description_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let values = (-half..=half)
        .map(|v| (v.to_string(), scale_label(lang, &conflict, half, v)))
        .chain([("none".to_owned(), text(lang, Key::NoView).to_owned())]);
    let options = values
        .enumerate()
        .map(|(i, (value, label))| {
            let id = format!("{name}-{i}");
            let checked = value == chosen;
            let separate = value == "none";
            view! {
                <div class="mtr-radio" class:mtr-radio-separate=separate>
                    <input type="radio" name=name.clone() id=id.clone() value=value checked=checked />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let description = conflict.description.as_ref().map(
        |d| view! { <p class="mtr-hint" id=description_id.clone()>{d.get(lang).to_owned()}</p> },
    );
    let comment_name = comment.name();
    let comment_error_id = format!("{comment_name}-error");
    let comment_hint_id = format!("{comment_name}-hint");
    let limit = fill(
        page_text(lang, PageKey::CharactersAtMost),
        &[("n", &locale::integer(lang, MAX_COMMENT_CHARS as u64))],
    );
    view! {
        <fieldset
            class="mtr-fieldset mtr-conflict"
            class:mtr-invalid=error.is_some()
            aria-describedby=described_by(
                conflict.description.as_ref().map(|_| description_id.as_str()),
                error.as_ref().map(|_| error_id.as_str()),
            )
        >
            <legend class="mtr-legend">{conflict.title.get(lang).to_owned()}</legend>
            {description}
            <FieldNote id=error_id.clone() error=error.clone() />
            <div class="mtr-radios mtr-scale">{options}</div>
            <label class="mtr-label" for=comment_name.clone()>{text(lang, Key::CommentLabel)}</label>
            <p class="mtr-hint" id=comment_hint_id.clone()>{limit}</p>
            <FieldNote id=comment_error_id.clone() error=comment_error.clone() />
            <textarea
                class="mtr-textarea"
                id=comment_name.clone()
                name=comment_name.clone()
                rows="3"
                aria-describedby=described_by(
                    Some(&comment_hint_id),
                    comment_error.as_ref().map(|_| comment_error_id.as_str()),
                )
                aria-invalid=comment_error.is_some().then_some("true")
            >
                {textarea_text(answers.value(&comment_name))}
            </textarea>
        </fieldset>
    }
}

/// Text for inside a `<textarea>`, escaped. Leptos writes a text area's children out as they
/// are (like a script's), so what a person typed could otherwise end the element and put markup
/// into the page; the browser turns the entities back into the text.
fn textarea_text(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mitreden_core::{ConflictId, LocalizedText};

    #[test]
    fn a_comment_sent_back_cannot_end_its_text_area() {
        let text = |s: &str| LocalizedText::new([(Lang::De, s.to_owned())]);
        let conflict = GoalConflict {
            id: ConflictId::parse("c").unwrap(),
            title: text("Konflikt"),
            left: text("links"),
            right: text("rechts"),
            description: None,
        };
        let answers = PlainAnswers::new([(
            "comment-c".to_owned(),
            "a & b </textarea><img src=x onerror=alert(1)>".to_owned(),
        )]);
        let html =
            view! { <ConflictFields conflict half=2 lang=Lang::De answers problems=vec![] /> }
                .to_html();
        assert!(
            html.contains(
                ">a &amp; b &lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>"
            ),
            "{html}"
        );
    }
}
