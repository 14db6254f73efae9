use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// A table of figures: a caption, the corner heading over the row headings, the column
/// headings and the rows, in a box that scrolls sideways on narrow screens.
#[component]
pub fn DataTable(
    caption: Key,
    corner: Key,
    /// Extra classes of the table (e.g. the heatmap's).
    #[prop(optional)]
    class: &'static str,
    head: AnyView,
    rows: AnyView,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="dash-wrap">
            <table class=format!("dash-table {class}")>
                <caption>{move || i18n.t(caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t(corner)}</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
