use leptos::prelude::*;
use mitreden_core::{
    ConflictId, Consultation, GoalConflict, GroupId, Lang, LocalizedText, Priority, PriorityId,
    StakeholderGroup,
};

use crate::api::{self, ErrorText};
use crate::i18n::{use_i18n, Key};

/// The next free id `{prefix}-{n}`.
fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// A text field for one language of a localized text inside the definition.
fn text_field(
    draft: RwSignal<Consultation>,
    id: String,
    label: String,
    lang: Lang,
    get: impl Fn(&Consultation) -> Option<&LocalizedText> + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Consultation) -> Option<&mut LocalizedText> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let value = move || {
        draft.with(|c| {
            get(c)
                .map(|t| t.get_exact(lang).to_owned())
                .unwrap_or_default()
        })
    };
    view! {
        <label for=id.clone()>{label}" ("{lang.code()}")"</label>
        <input
            id=id
            type="text"
            prop:value=value
            on:input=move |ev| {
                let v = event_target_value(&ev);
                draft.update(|c| {
                    if let Some(t) = set(c) {
                        t.set(lang, v);
                    }
                });
            }
        />
    }
}

/// The definition as a form (admins): title and description, stakeholder groups, priorities
/// and goal conflicts in every language the consultation offers, with items to add and remove.
#[component]
pub fn DefinitionForm(consultation: Consultation) -> impl IntoView {
    let i18n = use_i18n();
    let draft = RwSignal::new(consultation);
    let note = RwSignal::new(None::<String>);
    let save = Action::new_local(move |c: &Consultation| {
        let c = c.clone();
        async move { api::save(&c).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => note.set(Some(i18n.t(Key::Saved).to_owned())),
        Some(Err(e)) => note.set(Some(i18n.t(e.key()).to_owned())),
        None => {}
    });
    let languages = draft.with_untracked(|c| c.languages.clone());
    let fields = move |prefix: String,
                       label: Key,
                       get: fn(&Consultation, usize) -> Option<&LocalizedText>,
                       set: fn(&mut Consultation, usize) -> Option<&mut LocalizedText>,
                       index: usize| {
        languages
            .clone()
            .into_iter()
            .map(|lang| {
                text_field(
                    draft,
                    format!("{prefix}-{}", lang.code()),
                    i18n.t(label).to_owned(),
                    lang,
                    move |c| get(c, index),
                    move |c| set(c, index),
                )
            })
            .collect_view()
    };
    let f = fields.clone();
    let head = view! {
        {f("dash-def-title".into(), Key::Title, |c, _| Some(&c.title), |c, _| Some(&mut c.title), 0)}
        {f("dash-def-description".into(), Key::Description, |c, _| Some(&c.description), |c, _| Some(&mut c.description), 0)}
    };
    let f = fields.clone();
    let groups = move || {
        let n = draft.with(|c| c.groups.len());
        (0..n)
            .map(|i| {
                let remove = move |_| draft.update(|c| {
                    if c.groups.len() > 1 {
                        c.groups.remove(i);
                    }
                });
                view! {
                    <fieldset class="dash-item">
                        <legend>{move || format!("{} {}", i18n.t(Key::Group), i + 1)}</legend>
                        {f(format!("dash-def-group-{i}"), Key::Name, |c, i| c.groups.get(i).map(|g| &g.label), |c, i| c.groups.get_mut(i).map(|g| &mut g.label), i)}
                        <button type="button" class="dash-button" on:click=remove>{move || i18n.t(Key::Remove)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let f = fields.clone();
    let priorities = move || {
        let n = draft.with(|c| c.priorities.len());
        (0..n)
            .map(|i| {
                let remove = move |_| draft.update(|c| {
                    if c.priorities.len() > 2 {
                        c.priorities.remove(i);
                    }
                });
                view! {
                    <fieldset class="dash-item">
                        <legend>{move || format!("{} {}", i18n.t(Key::Goal), i + 1)}</legend>
                        {f(format!("dash-def-priority-{i}-title"), Key::Title, |c, i| c.priorities.get(i).map(|p| &p.title), |c, i| c.priorities.get_mut(i).map(|p| &mut p.title), i)}
                        {f(format!("dash-def-priority-{i}-description"), Key::Description, |c, i| c.priorities.get(i).map(|p| &p.description), |c, i| c.priorities.get_mut(i).map(|p| &mut p.description), i)}
                        <button type="button" class="dash-button" on:click=remove>{move || i18n.t(Key::Remove)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let f = fields;
    let conflicts = move || {
        let n = draft.with(|c| c.conflicts.len());
        (0..n)
            .map(|i| {
                let remove = move |_| draft.update(|c| {
                    c.conflicts.remove(i);
                });
                view! {
                    <fieldset class="dash-item">
                        <legend>{move || format!("{} {}", i18n.t(Key::Conflict), i + 1)}</legend>
                        {f(format!("dash-def-conflict-{i}-title"), Key::Title, |c, i| c.conflicts.get(i).map(|x| &x.title), |c, i| c.conflicts.get_mut(i).map(|x| &mut x.title), i)}
                        {f(format!("dash-def-conflict-{i}-left"), Key::LeftGoal, |c, i| c.conflicts.get(i).map(|x| &x.left), |c, i| c.conflicts.get_mut(i).map(|x| &mut x.left), i)}
                        {f(format!("dash-def-conflict-{i}-right"), Key::RightGoal, |c, i| c.conflicts.get(i).map(|x| &x.right), |c, i| c.conflicts.get_mut(i).map(|x| &mut x.right), i)}
                        <button type="button" class="dash-button" on:click=remove>{move || i18n.t(Key::Remove)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add_group = move |_| {
        draft.update(|c| {
            let id = fresh_id("group", |x| c.group_index(x).is_some());
            c.groups.push(StakeholderGroup {
                id: GroupId::parse(&id).expect("a plain key"),
                label: LocalizedText::default(),
            });
        })
    };
    let add_priority = move |_| {
        draft.update(|c| {
            let id = fresh_id("priority", |x| c.priority_index(x).is_some());
            c.priorities.push(Priority {
                id: PriorityId::parse(&id).expect("a plain key"),
                title: LocalizedText::default(),
                description: LocalizedText::default(),
                indicator: None,
            });
        })
    };
    let add_conflict = move |_| {
        draft.update(|c| {
            let id = fresh_id("conflict", |x| c.conflict_index(x).is_some());
            c.conflicts.push(GoalConflict {
                id: ConflictId::parse(&id).expect("a plain key"),
                title: LocalizedText::default(),
                left: LocalizedText::default(),
                right: LocalizedText::default(),
                description: None,
            });
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = draft.get_untracked();
        // The server's rules, checked here first: every text in every language, unique ids.
        match c.validate() {
            Ok(()) => {
                note.set(None);
                save.dispatch(c);
            }
            Err(e) => note.set(Some(e.to_string())),
        }
    };
    view! {
        <h3>{move || i18n.t(Key::DefinitionForm)}</h3>
        <form class="dash-form" on:submit=submit>
            {head}
            <h4>{move || i18n.t(Key::Groups)}</h4>
            {groups}
            <button type="button" class="dash-button" on:click=add_group>{move || i18n.t(Key::AddGroup)}</button>
            <h4>{move || i18n.t(Key::Goals)}</h4>
            {priorities}
            <button type="button" class="dash-button" on:click=add_priority>{move || i18n.t(Key::AddGoal)}</button>
            <h4>{move || i18n.t(Key::ConflictsHeading)}</h4>
            {conflicts}
            <button type="button" class="dash-button" on:click=add_conflict>{move || i18n.t(Key::AddConflict)}</button>
            <p role="status">{move || note.get()}</p>
            <button type="submit" class="dash-button dash-primary">{move || i18n.t(Key::Save)}</button>
        </form>
    }
}
