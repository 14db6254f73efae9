use leptos::prelude::*;
use mitreden_core::indicator::{
    Direction, Indicator, IndicatorSubmission, IndicatorsSubmission, MeasurementSubmission,
};
use mitreden_core::outcome::FollowUp;
use mitreden_core::{Consultation, Lang, LocalizedText};

use super::localized_field::LocalizedField;
use super::problem_note::ProblemNote;
use crate::api;
use crate::i18n::{fill, use_i18n, Key};

/// A value and its date as typed: the date as `YYYY-MM-DD`, the number with a point or comma.
#[derive(Clone, Default, PartialEq)]
struct Typed {
    value: String,
    date: String,
}

impl Typed {
    /// As the reader writes numbers ("58,5" in German), without grouping.
    fn shown(value: f64, date: mitreden_core::locale::Date, lang: Lang) -> Self {
        let text = mitreden_views::follow_up::number(lang, value);
        Self {
            value: match lang {
                Lang::De => text.replace(['\u{202f}', '\u{a0}', '.'], ""),
                Lang::En => text.replace(',', ""),
            },
            date: date.iso(),
        }
    }

    /// As sent: a German "1.062,5" and an English "1,062.5" are both 1062.5; a lone point
    /// in German before other than three digits ("58.5") is read as the decimal point.
    fn submission(&self, lang: Lang) -> Result<MeasurementSubmission, api::ApiError> {
        let typed = self.value.trim();
        let value = typed.replace(['\u{202f}', '\u{a0}', ' '], "");
        let value = match lang {
            Lang::De if value.contains(',') => value.replace('.', "").replace(',', "."),
            Lang::De => match value.rsplit_once('.') {
                Some((_, tail)) if tail.len() == 3 => value.replace('.', ""),
                _ => value,
            },
            Lang::En => value.replace(',', ""),
        };
        let number = match value.as_str() {
            "" => None,
            v => Some(
                v.parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| api::ApiError::Http {
                        status: 422,
                        code: "invalid_number".to_owned(),
                        message: format!("'{typed}' is no number"),
                    })?,
            ),
        };
        Ok(MeasurementSubmission {
            value: number,
            date: (!self.date.trim().is_empty()).then(|| self.date.trim().to_owned()),
        })
    }
}

/// An indicator as it is sent back unchanged.
fn unchanged(i: &Indicator) -> IndicatorSubmission {
    IndicatorSubmission {
        id: i.id.to_string(),
        name: i.name.clone(),
        unit: i.unit.clone(),
        direction: direction_code(i.direction).to_owned(),
        baseline: exact(&i.baseline),
        target: exact(&i.target),
        source: i.source.clone(),
        values: i.values.iter().map(exact).collect(),
    }
}

/// A published measurement, sent back as it is.
fn exact(m: &mitreden_core::indicator::Measurement) -> MeasurementSubmission {
    MeasurementSubmission {
        value: Some(m.value),
        date: Some(m.date.iso()),
    }
}

fn direction_code(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher_is_better",
        Direction::LowerIsBetter => "lower_is_better",
    }
}

/// One indicator of a goal to define or change: name, unit, direction, baseline, target,
/// source and measured values. Publishing sends the goal's indicators with this one in them.
#[component]
pub fn IndicatorForm(
    consultation: Consultation,
    /// What is published now; the form fills from it and follows it.
    #[prop(into)]
    follow_up: Signal<FollowUp>,
    on_published: Callback<FollowUp>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let goal = RwSignal::new(
        consultation
            .priorities
            .first()
            .map(|p| p.id.to_string())
            .unwrap_or_default(),
    );
    let chosen = RwSignal::new(String::new());
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(LocalizedText::default());
    let unit = RwSignal::new(LocalizedText::default());
    let source = RwSignal::new(LocalizedText::default());
    let direction = RwSignal::new("higher_is_better".to_owned());
    let baseline = RwSignal::new(Typed::default());
    let target = RwSignal::new(Typed::default());
    let values = RwSignal::new(Vec::<Typed>::new());
    let of_goal = move || {
        follow_up.with_untracked(|f| {
            f.indicators
                .iter()
                .find(|(p, _)| p.as_str() == goal.get())
                .map(|(_, list)| list.iter().map(|p| p.indicator.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    // What the form was filled from, per goal: publishing checks nobody published since.
    let based_on = RwSignal::new(0i64);
    // Choosing a goal or an indicator fills the form with what is published (and only that:
    // publishing elsewhere on the page leaves what is being typed here alone).
    Effect::new(move |_| {
        let wanted = chosen.get();
        goal.track();
        let lang = i18n.lang.get_untracked();
        based_on.set(follow_up.with_untracked(|f| f.version(&goal.get_untracked()).unwrap_or(0)));
        let found = of_goal().into_iter().find(|i| i.id.as_str() == wanted);
        id.set(wanted);
        name.set(found.as_ref().map(|i| i.name.clone()).unwrap_or_default());
        unit.set(found.as_ref().map(|i| i.unit.clone()).unwrap_or_default());
        source.set(found.as_ref().map(|i| i.source.clone()).unwrap_or_default());
        direction.set(
            found
                .as_ref()
                .map_or("higher_is_better", |i| direction_code(i.direction))
                .to_owned(),
        );
        baseline.set(
            found
                .as_ref()
                .map(|i| Typed::shown(i.baseline.value, i.baseline.date, lang))
                .unwrap_or_default(),
        );
        target.set(
            found
                .as_ref()
                .map(|i| Typed::shown(i.target.value, i.target.date, lang))
                .unwrap_or_default(),
        );
        values.set(
            found
                .map(|i| {
                    i.values
                        .iter()
                        .map(|v| Typed::shown(v.value, v.date, lang))
                        .collect()
                })
                .unwrap_or_default(),
        );
    });
    let slug = consultation.slug.to_string();
    let publish = Action::new_local(move |(): &()| {
        let lang = i18n.lang.get_untracked();
        // A value that is no number is said here, not sent as missing.
        let typed = (|| {
            Ok::<_, api::ApiError>((
                baseline.get_untracked().submission(lang)?,
                target.get_untracked().submission(lang)?,
                values
                    .get_untracked()
                    .iter()
                    .map(|v| v.submission(lang))
                    .collect::<Result<Vec<_>, _>>()?,
            ))
        })();
        let (id, name, unit, direction, source) = (
            id.get_untracked().trim().to_owned(),
            name.get_untracked(),
            unit.get_untracked(),
            direction.get_untracked(),
            source.get_untracked(),
        );
        let replaced = chosen.get_untracked();
        let others: Vec<IndicatorSubmission> = of_goal()
            .iter()
            .filter(|i| i.id.as_str() != replaced)
            .map(unchanged)
            .collect();
        let (slug, priority) = (slug.clone(), goal.get_untracked());
        let based_on = Some(based_on.get_untracked());
        async move {
            let (baseline, target, values) = typed?;
            let mut indicators = others;
            indicators.push(IndicatorSubmission {
                id,
                name,
                unit,
                direction,
                baseline,
                target,
                source,
                values,
            });
            let submission = IndicatorsSubmission {
                indicators,
                based_on,
            };
            api::publish_indicators(&slug, &priority, &submission).await
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(published)) = publish.value().get() {
            on_published.run(published);
            chosen.set(id.get_untracked().trim().to_owned());
        }
    });
    let message = move || {
        publish.value().get().map(|r| match r {
            Ok(_) => view! { <p class="dash-ok" role="status">{i18n.t(Key::IndicatorSaved)}</p> }
                .into_any(),
            Err(e) => view! { <ProblemNote error=e /> }.into_any(),
        })
    };
    let goals = consultation
        .priorities
        .iter()
        .map(|p| {
            let value = p.id.to_string();
            let v = value.clone();
            view! { <option value=value selected=move || goal.get() == v>{p.title.get(lang).to_owned()}</option> }
        })
        .collect_view();
    let indicator_options = move || {
        of_goal()
            .into_iter()
            .map(|i| {
                let value = i.id.to_string();
                let v = value.clone();
                view! { <option value=value selected=move || chosen.get() == v>{i.name.get(i18n.lang.get()).to_owned()}</option> }
            })
            .collect_view()
    };
    let measurement = move |key: Key, prefix: &'static str, field: RwSignal<Typed>| {
        view! {
            <fieldset class="dash-measurement">
                <legend>{move || i18n.t(key)}</legend>
                <p class="dash-field">
                    <label for=format!("{prefix}-value")>{move || i18n.t(Key::IndicatorValue)}</label>
                    <input id=format!("{prefix}-value") type="text" inputmode="decimal" required
                        prop:value=move || field.with(|t| t.value.clone())
                        on:input=move |ev| field.update(|t| t.value = event_target_value(&ev)) />
                </p>
                <p class="dash-field">
                    <label for=format!("{prefix}-date")>{move || i18n.t(Key::IndicatorDate)}</label>
                    <input id=format!("{prefix}-date") type="date" required
                        prop:value=move || field.with(|t| t.date.clone())
                        on:input=move |ev| field.update(|t| t.date = event_target_value(&ev)) />
                </p>
            </fieldset>
        }
    };
    let rows = move || {
        values
            .get()
            .into_iter()
            .enumerate()
            .map(|(n, row)| {
                let remove_label = move || {
                    let date = values.with(|v| v.get(n).map(|t| t.date.clone()).unwrap_or_default());
                    match mitreden_core::locale::Date::parse_iso(&date) {
                        Some(d) => fill(
                            i18n.t(Key::IndicatorRemoveValue),
                            &[("date", &mitreden_core::locale::date(i18n.lang.get(), d))],
                        ),
                        None => i18n.t(Key::IndicatorRemoveEmpty).to_owned(),
                    }
                };
                view! {
                    <li class="dash-value-row">
                        <label for=format!("value-{n}-date")>{move || i18n.t(Key::IndicatorDate)}</label>
                        <input id=format!("value-{n}-date") type="date" prop:value=row.date.clone()
                            on:change=move |ev| values.update(|v| v[n].date = event_target_value(&ev)) />
                        <label for=format!("value-{n}-value")>{move || i18n.t(Key::IndicatorValue)}</label>
                        <input id=format!("value-{n}-value") type="text" inputmode="decimal" prop:value=row.value.clone()
                            on:change=move |ev| values.update(|v| v[n].value = event_target_value(&ev)) />
                        <button type="button" class="dash-link" on:click=move |_| values.update(|v| { v.remove(n); })>
                            {remove_label}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let languages = consultation.languages.clone();
    view! {
        <form class="dash-indicator-form" on:submit=move |ev| { ev.prevent_default(); publish.dispatch(()); }>
            <p class="dash-field">
                <label for="indicator-goal">{move || i18n.t(Key::IndicatorGoal)}</label>
                <select id="indicator-goal" on:change=move |ev| { goal.set(event_target_value(&ev)); chosen.set(String::new()); }>
                    {goals}
                </select>
            </p>
            <p class="dash-field">
                <label for="indicator-choose">{move || i18n.t(Key::IndicatorChoose)}</label>
                <select id="indicator-choose" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="" selected=move || chosen.get().is_empty()>{move || i18n.t(Key::IndicatorNew)}</option>
                    {indicator_options}
                </select>
            </p>
            <p class="dash-field">
                <label for="indicator-id">{move || i18n.t(Key::IndicatorId)}</label>
                <input id="indicator-id" type="text" required pattern="[a-z0-9\\-]{1,64}"
                    prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev)) />
            </p>
            <LocalizedField id="indicator-name".to_owned() label=Key::IndicatorName languages=languages.clone() value=name required=true />
            <LocalizedField id="indicator-unit".to_owned() label=Key::IndicatorUnit languages=languages.clone() value=unit />
            <p class="dash-field">
                <label for="indicator-direction">{move || i18n.t(Key::IndicatorDirection)}</label>
                <select id="indicator-direction" on:change=move |ev| direction.set(event_target_value(&ev))>
                    <option value="higher_is_better" selected=move || direction.get() == "higher_is_better">{move || i18n.t(Key::IndicatorHigher)}</option>
                    <option value="lower_is_better" selected=move || direction.get() == "lower_is_better">{move || i18n.t(Key::IndicatorLower)}</option>
                </select>
            </p>
            {measurement(Key::IndicatorBaseline, "indicator-baseline", baseline)}
            {measurement(Key::IndicatorTarget, "indicator-target", target)}
            <LocalizedField id="indicator-source".to_owned() label=Key::IndicatorSource languages value=source />
            <fieldset>
                <legend>{move || i18n.t(Key::IndicatorValues)}</legend>
                <ul class="dash-values">{rows}</ul>
                <button type="button" class="dash-link" on:click=move |_| values.update(|v| v.push(Typed::default()))>
                    {move || i18n.t(Key::IndicatorAddValue)}
                </button>
            </fieldset>
            <p class="dash-meta">{move || i18n.t(Key::PublishingIsPermanent)}</p>
            <p>
                <button type="submit" class="dash-button" disabled=move || publish.pending().get()>
                    {move || i18n.t(Key::IndicatorSave)}
                </button>
            </p>
            {message}
        </form>
    }
}
