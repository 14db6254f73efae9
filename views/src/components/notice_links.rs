use leptos::prelude::*;

/// The links every public page carries: the privacy notice and the accessibility statement.
#[component]
pub fn NoticeLinks(
    /// The footer's class (`res-footer` on results pages, `mtr-footer` on participant pages).
    class: &'static str,
    privacy: (String, &'static str),
    accessibility: (String, &'static str),
    /// Open in a new window (from the widget, so the participant keeps their place).
    #[prop(optional)]
    new_window: bool,
) -> impl IntoView {
    let target = new_window.then_some("_blank");
    let rel = new_window.then_some("noopener");
    view! {
        <footer class=class>
            <ul>
                <li><a href=privacy.0 target=target rel=rel>{privacy.1}</a></li>
                <li><a href=accessibility.0 target=target rel=rel>{accessibility.1}</a></li>
            </ul>
        </footer>
    }
}
