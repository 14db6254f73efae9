use std::sync::Arc;

use leptos::prelude::*;
use mitreden_core::{GroupResults, Lang};

use super::agreement_table::AgreementTable;
use super::briefing::Briefing;
use super::conflict_chart::ConflictChart;
use super::conflict_table::ConflictTable;
use super::figure::Figure;
use super::group_chart::GroupChart;
use super::group_table::GroupTable;
use super::method_note::MethodNote;
use super::rank_chart::RankChart;
use super::rank_table::RankTable;
use super::timeline_chart::TimelineChart;
use super::timeline_table::TimelineTable;
use crate::data::ResultsData;
use crate::i18n::{fill, t, Key};
use crate::sentences::anchors;

/// The results as a whole: the briefing, then each chart with its table, then the method.
#[component]
pub fn ResultsView(
    data: Arc<ResultsData>,
    lang: Lang,
    /// The accent colour of the charts (the ministry's, validated for contrast).
    accent: String,
    /// Where the charts can be downloaded (`{downloads}/{chart}.svg`), if anywhere.
    downloads: Option<String>,
    /// Added to the download addresses (language and look, e.g. `?lang=en`).
    #[prop(optional)]
    download_query: String,
    /// Tables shown open (for print).
    #[prop(optional)]
    tables_open: bool,
) -> impl IntoView {
    let d = data.clone();
    let figure =
        move |chart: &str, title: String, description: String, drawing: AnyView, table: AnyView| {
            view! {
                <Figure
                    id=chart_anchor(chart)
                    title
                    description
                    source=d.source(lang)
                    lang
                    downloads=downloads.as_ref().map(|base| format!("{base}/{chart}"))
                download_query=download_query.clone()
                    table_open=tables_open
                    chart=drawing
                    table=table
                />
            }
        };
    let ranking = |which: &str, g: &GroupResults, title: Key, desc: Key| {
        let title = t(lang, title).to_owned();
        let mut description = t(lang, desc).to_owned();
        if g.responses > 0 && g.ranking.iter().any(|l| l.top_k_probability.is_none()) {
            description = format!("{description} {}", t(lang, Key::NotYetCalculated));
        }
        let drawing = view! { <RankChart data=data.clone() ranking=g.clone() title=title.clone() lang accent=accent.clone() /> };
        let table =
            view! { <RankTable data=data.clone() ranking=g.clone() caption=title.clone() lang /> };
        figure(
            which,
            title,
            description,
            drawing.into_any(),
            table.into_any(),
        )
    };
    let results = &data.results;
    let equal = (!results.equal_weight.withheld && results.equal_weight.responses > 0).then(|| {
        ranking(
            "equal",
            &results.equal_weight,
            Key::EqualTitle,
            Key::EqualDesc,
        )
    });
    let min = mitreden_core::locale::integer(lang, results.min_group_size);
    let whole_withheld = results.overall.withheld && results.total > 0;
    let rankings = if results.overall.withheld || results.total == 0 {
        view! {
            <p>{fill(t(lang, Key::WholeWithheld), &[("n", &min)])}</p>
            {equal}
        }
        .into_any()
    } else {
        view! {
            {ranking("ranking", &results.overall, Key::RankTitle, Key::RankDesc)}
            {equal}
            <p class="res-note">{t(lang, Key::WhichRanking)}</p>
            <p class="res-note">{t(lang, Key::PointsExplained)}</p>
        }
        .into_any()
    };
    let groups = {
        let title = t(lang, Key::GroupsTitle).to_owned();
        let drawing = view! { <GroupChart data=data.clone() title=title.clone() lang accent=accent.clone() /> };
        let table = view! { <GroupTable data=data.clone() caption=title.clone() lang /> };
        figure(
            "groups",
            title,
            t(
                lang,
                if data.public {
                    Key::GroupsDesc
                } else {
                    Key::GroupsDescStaff
                },
            )
            .to_owned(),
            drawing.into_any(),
            table.into_any(),
        )
    };
    let conflicts = data
        .consultation
        .conflicts
        .iter()
        .map(|c| {
            let title = fill(t(lang, Key::ConflictTitle), &[("title", c.title.get(lang))]);
            let description = fill(
                t(lang, Key::ConflictDesc),
                &[("left", c.left.get(lang)), ("right", c.right.get(lang))],
            );
            match results.conflicts.iter().find(|r| r.conflict == c.id) {
                Some(r) if r.overall.positions + r.overall.no_view > 0 => {
                    let drawing = view! { <ConflictChart data=data.clone() conflict=c.clone() results=r.clone() title=title.clone() lang /> };
                    let table = view! { <ConflictTable data=data.clone() conflict=c.clone() results=r.clone() caption=title.clone() lang /> };
                    figure(&format!("conflict-{}", c.id), title, description, drawing.into_any(), table.into_any())
                        .into_any()
                }
                // While the whole is withheld, so are the positions (said once, above).
                _ if whole_withheld => ().into_any(),
                _ => view! {
                    <h3 id=anchors::conflict(c.id.as_str())>{title}</h3>
                    <p>{t(lang, Key::NoPositions)}</p>
                }
                .into_any(),
            }
        })
        .collect_view();
    let timeline = (!data.days.is_empty()).then(|| {
        let title = t(lang, Key::TimelineTitle).to_owned();
        let drawing = view! { <TimelineChart data=data.clone() title=title.clone() lang accent=accent.clone() /> };
        let table = view! { <TimelineTable data=data.clone() caption=title.clone() lang /> };
        figure("timeline", title, t(lang, Key::TimelineDesc).to_owned(), drawing.into_any(), table.into_any())
    });
    view! {
        <Briefing data=data.clone() lang />
        <section class="res-section" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t(lang, Key::SectionRanking)}</h2>
            {rankings}
        </section>
        <section class="res-section" aria-labelledby="groups-heading">
            <h2 id="groups-heading">{t(lang, Key::SectionGroups)}</h2>
            {groups}
            <AgreementTable data=data.clone() lang />
        </section>
        <section class="res-section" aria-labelledby="conflicts-heading">
            <h2 id="conflicts-heading">{t(lang, Key::SectionConflicts)}</h2>
            {whole_withheld.then(|| view! { <p>{fill(t(lang, Key::ConflictsWithheld), &[("n", &min)])}</p> })}
            {conflicts}
        </section>
        {timeline.map(|figure| view! {
            <section class="res-section" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{t(lang, Key::SectionTimeline)}</h2>
                {figure}
            </section>
        })}
        <MethodNote data=data.clone() lang />
    }
}

/// The page anchor of a chart by its download name.
pub fn chart_anchor(chart: &str) -> String {
    match chart {
        "ranking" => anchors::RANKING.to_owned(),
        "equal" => anchors::EQUAL.to_owned(),
        "groups" => anchors::GROUPS.to_owned(),
        "timeline" => anchors::TIMELINE.to_owned(),
        other => format!("chart-{other}"),
    }
}

/// One chart on its own, title and source drawn in, for download; `None` for an unknown name
/// or a chart with nothing to show.
pub fn standalone_chart(
    data: &Arc<ResultsData>,
    chart: &str,
    lang: Lang,
    accent: &str,
) -> Option<AnyView> {
    let results = &data.results;
    let accent = accent.to_owned();
    let ranking_shown = !results.overall.withheld && results.total > 0;
    match chart {
        "ranking" if ranking_shown => Some(
            view! { <RankChart data=data.clone() ranking=results.overall.clone() title=t(lang, Key::RankTitle).to_owned() lang accent standalone=true /> }
                .into_any(),
        ),
        "equal" if !results.equal_weight.withheld && results.equal_weight.responses > 0 => Some(
            view! { <RankChart data=data.clone() ranking=results.equal_weight.clone() title=t(lang, Key::EqualTitle).to_owned() lang accent standalone=true /> }
                .into_any(),
        ),
        "groups" => Some(
            view! { <GroupChart data=data.clone() title=t(lang, Key::GroupsTitle).to_owned() lang accent standalone=true /> }.into_any(),
        ),
        "timeline" if !data.days.is_empty() => Some(
            view! { <TimelineChart data=data.clone() title=t(lang, Key::TimelineTitle).to_owned() lang accent standalone=true /> }
                .into_any(),
        ),
        other => {
            let id = other.strip_prefix("conflict-")?;
            let c = data.consultation.conflicts.iter().find(|c| c.id.as_str() == id)?;
            let r = results.conflicts.iter().find(|r| r.conflict == c.id)?;
            let title = fill(t(lang, Key::ConflictTitle), &[("title", c.title.get(lang))]);
            Some(view! { <ConflictChart data=data.clone() conflict=c.clone() results=r.clone() title lang standalone=true /> }.into_any())
        }
    }
}
