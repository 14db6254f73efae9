use leptos::prelude::*;

/// A table in a box that scrolls sideways when the table is wider than the page, reachable
/// and scrollable by keyboard, with shadows at the edges while more is hidden there.
#[component]
pub fn ScrollTable(
    /// The table's caption, also the region's name.
    caption: String,
    /// A first row of headings over groups of columns, if any.
    #[prop(optional)]
    first_head: Option<AnyView>,
    /// Column headings.
    head: AnyView,
    rows: AnyView,
) -> impl IntoView {
    let label = caption.clone();
    view! {
        <div class="res-scroll" role="region" tabindex="0" aria-label=label>
            <table class="res-table">
                <caption>{caption}</caption>
                <thead>
                    {first_head}
                    <tr>{head}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
