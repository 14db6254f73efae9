//! The public results page, `/results/{slug}`: server-rendered HTML with tables only, so it
//! works without JavaScript, reads well with screen readers, and shows only what is public:
//! results of published consultations and approved comments.

mod texts;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Html;
use mitreden_core::{Consultation, Lang, Results, Stance, StatementSummary, ValidStatement};
use serde::Deserialize;

use crate::error::AppError;
use crate::json::ApiPath;
use crate::state::AppState;
use texts::{t, T};

#[derive(Deserialize)]
pub struct PageQuery {
    lang: Option<String>,
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

pub async fn page(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    Query(query): Query<PageQuery>,
) -> Result<(StatusCode, Html<String>), AppError> {
    let live = state
        .consultation(&slug)
        .filter(|l| l.consultation.status != mitreden_core::Status::Draft)
        .ok_or_else(|| AppError::ConsultationNotFound(slug.clone()))?;
    let c = &live.consultation;
    let lang = c.language_for(
        query
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default(),
    );
    if !c.settings.publish_results {
        let body = format!("<p>{}</p>", esc(t(lang, T::NotPublished)));
        return Ok((StatusCode::FORBIDDEN, Html(frame(c, lang, &body))));
    }
    // Only what may be published: groups too small to hide a person are withheld.
    let results = live.clone().results().await.public();
    let comments = state.db.approved_comments(&slug).await?;
    let statements = state.db.published_statements(&slug).await?;
    let body = [
        overall(c, &results, lang),
        by_group(c, &results, lang),
        conflicts(c, &results, &comments, lang),
        organisations(c, &live.statement_summary(), lang),
        published_statements(c, &statements, lang),
    ]
    .concat();
    Ok((StatusCode::OK, Html(frame(c, lang, &body))))
}

fn frame(c: &Consultation, lang: Lang, body: &str) -> String {
    let title = esc(c.title.get(lang));
    format!(
        "<!doctype html><html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{page}: {title}</title><style>{STYLE}</style></head><body><main>\
         <h1>{page}: {title}</h1><p>{description}</p>{body}</main></body></html>",
        code = lang.code(),
        page = esc(t(lang, T::PageTitle)),
        description = esc(c.description.get(lang)),
    )
}

const STYLE: &str = "body{font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;margin:0}\
main{max-width:56rem;margin:0 auto;padding:1rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}\
caption{text-align:left;font-weight:600;padding:.25rem 0}th,td{border-bottom:1px solid #6b6b6b;padding:.375rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.wrap{overflow-x:auto}";

/// A table in a region that scrolls sideways on narrow screens, reachable by keyboard.
fn wrap(label: &str, table: String) -> String {
    format!(
        "<div class=\"wrap\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">{table}</div>",
        esc(label)
    )
}

fn title_of(c: &Consultation, id: &mitreden_core::PriorityId, lang: Lang) -> String {
    c.priority(id)
        .map(|p| esc(p.title.get(lang)))
        .unwrap_or_default()
}

fn ranking_table(
    c: &Consultation,
    r: &mitreden_core::GroupResults,
    lang: Lang,
    caption: &str,
) -> String {
    let rows: String = r
        .ranking
        .iter()
        .map(|line| {
            let range = line
                .rank_interval
                .map(|[a, b]| if a == b { a.to_string() } else { format!("{a}–{b}") })
                .unwrap_or_default();
            format!(
                "<tr><td class=\"n\">{}</td><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                line.rank,
                title_of(c, &line.priority, lang),
                (line.borda.0 * 10.0).round() / 10.0,
                range
            )
        })
        .collect();
    wrap(caption, format!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
        esc(caption),
        esc(t(lang, T::Place)),
        esc(t(lang, T::Goal)),
        esc(t(lang, T::Score)),
        esc(t(lang, T::Range)),
    ))
}

fn overall(c: &Consultation, r: &Results, lang: Lang) -> String {
    let responses = esc(&t(lang, T::Responses).replace("{n}", &r.total.to_string()));
    // Withheld while it could show what single people answered (see `Results::public`).
    let overall = if r.overall.withheld {
        let min = r.min_group_size.to_string();
        format!(
            "<p>{}</p>",
            esc(&t(lang, T::WholeWithheld).replace("{n}", &min))
        )
    } else {
        format!(
            "<h2>{}</h2>{}",
            esc(t(lang, T::Ranking)),
            ranking_table(c, &r.overall, lang, t(lang, T::RankingCaption)),
        )
    };
    // Withheld until some group is large enough to read.
    let equal_weight = if r.equal_weight.withheld {
        String::new()
    } else {
        format!(
            "<h2>{}</h2>{}",
            esc(t(lang, T::EqualWeight)),
            ranking_table(c, &r.equal_weight, lang, t(lang, T::EqualWeight)),
        )
    };
    format!("<p>{responses}</p>{overall}{equal_weight}")
}

fn by_group(c: &Consultation, r: &Results, lang: Lang) -> String {
    if r.groups.iter().all(|(_, g)| g.withheld) {
        return String::new();
    }
    let head: String = c
        .groups
        .iter()
        .zip(&r.groups)
        .map(|(g, (_, gr))| {
            let mark = if gr.too_small && !gr.withheld {
                "*"
            } else {
                ""
            };
            let count = if gr.withheld {
                t(lang, T::FewerThan).replace("{n}", &r.min_group_size.to_string())
            } else {
                gr.responses.to_string()
            };
            format!(
                "<th scope=\"col\">{}{mark} ({})</th>",
                esc(g.label.get(lang)),
                esc(&count)
            )
        })
        .collect();
    let rows: String = c
        .priorities
        .iter()
        .map(|p| {
            let cells: String = r
                .groups
                .iter()
                .map(|(_, gr)| {
                    let rank = gr
                        .ranking
                        .iter()
                        .find(|l| l.priority == p.id)
                        .map(|l| l.rank);
                    format!(
                        "<td class=\"n\">{}</td>",
                        rank.map(|x| x.to_string()).unwrap_or_default()
                    )
                })
                .collect();
            format!(
                "<tr><th scope=\"row\">{}</th>{cells}</tr>",
                esc(p.title.get(lang))
            )
        })
        .collect();
    let table = format!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>{head}</tr></thead>\
         <tbody>{rows}</tbody></table>",
        esc(t(lang, T::ByGroupCaption)),
        esc(t(lang, T::Goal)),
    );
    let withheld = t(lang, T::Withheld).replace("{n}", &r.min_group_size.to_string());
    format!(
        "<h2>{}</h2><p>{}</p>{}",
        esc(t(lang, T::ByGroup)),
        esc(&withheld),
        wrap(t(lang, T::ByGroupCaption), table)
    )
}

fn conflicts(c: &Consultation, r: &Results, comments: &[(String, String)], lang: Lang) -> String {
    let mut out = format!("<h2>{}</h2>", esc(t(lang, T::Conflicts)));
    for conflict in &c.conflicts {
        let caption = t(lang, T::ConflictCaption)
            .replace("{left}", conflict.left.get(lang))
            .replace("{right}", conflict.right.get(lang));
        // Withheld while the whole is under the minimum size (see `Results::public`).
        let table = r
            .conflicts
            .iter()
            .find(|cr| cr.conflict == conflict.id)
            .map(|cr| wrap(&caption, conflict_table(c, cr, &caption, lang)))
            .unwrap_or_default();
        let quotes: Vec<String> = comments
            .iter()
            .filter(|(id, _)| id == conflict.id.as_str())
            .map(|(_, text)| format!("<li>{}</li>", esc(text)))
            .collect();
        let quotes = if quotes.is_empty() {
            format!("<p>{}</p>", esc(t(lang, T::NoComments)))
        } else {
            format!("<ul>{}</ul>", quotes.concat())
        };
        out.push_str(&format!(
            "<h3>{}</h3>{table}<h4>{}</h4>{quotes}",
            esc(conflict.title.get(lang)),
            esc(t(lang, T::Comments)),
        ));
    }
    out
}

/// The distribution of positions, overall and for each group published.
fn conflict_table(
    c: &Consultation,
    cr: &mitreden_core::results::ConflictResults,
    caption: &str,
    lang: Lang,
) -> String {
    let half = i32::from(cr.scale / 2);
    let steps: String = (-half..=half)
        .map(|v| format!("<th scope=\"col\">{v:+}</th>"))
        .collect();
    let row = |label: &str, s: &mitreden_core::results::ConflictStats| {
        let cells: String = s
            .histogram
            .iter()
            .map(|n| format!("<td class=\"n\">{n}</td>"))
            .collect();
        let median = s.median.map(|m| format!("{m:+}")).unwrap_or_default();
        format!(
            "<tr><th scope=\"row\">{}</th>{cells}<td class=\"n\">{}</td><td class=\"n\">{median}</td></tr>",
            esc(label),
            s.no_view
        )
    };
    let mut rows = row(t(lang, T::Overall), &cr.overall);
    for (id, s) in &cr.groups {
        if let Some(g) = c.groups.iter().find(|g| g.id == *id) {
            rows.push_str(&row(g.label.get(lang), s));
        }
    }
    format!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>{steps}\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
        esc(caption),
        esc(t(lang, T::Group)),
        esc(t(lang, T::NoView)),
        esc(t(lang, T::Median)),
    )
}

fn published_statements(c: &Consultation, statements: &[ValidStatement], lang: Lang) -> String {
    if statements.is_empty() {
        return String::new();
    }
    let items: String = statements
        .iter()
        .map(|s| {
            let stances: String = s
                .stances
                .iter()
                .map(|x| {
                    let stance = match x.stance {
                        Stance::Support => t(lang, T::Support),
                        Stance::Oppose => t(lang, T::Oppose),
                        Stance::Conditional => t(lang, T::Conditional),
                        Stance::NoView => t(lang, T::NoViewStance),
                    };
                    let reasoning = x
                        .reasoning
                        .as_deref()
                        .map(|r| format!(": {}", esc(r)))
                        .unwrap_or_default();
                    format!(
                        "<li><strong>{}</strong> – {}{reasoning}</li>",
                        title_of(c, &x.priority, lang),
                        esc(stance)
                    )
                })
                .collect();
            format!(
                "<article><h3>{}</h3><ul>{stances}</ul></article>",
                esc(&s.name)
            )
        })
        .collect();
    format!("<h2>{}</h2>{items}", esc(t(lang, T::PublishedStatements)))
}

fn organisations(c: &Consultation, s: &StatementSummary, lang: Lang) -> String {
    let rows: String = s
        .stances
        .iter()
        .map(|x| {
            format!(
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                title_of(c, &x.priority, lang),
                x.support,
                x.oppose,
                x.conditional
            )
        })
        .collect();
    let table = format!(
        "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
        esc(t(lang, T::Goal)),
        esc(t(lang, T::Support)),
        esc(t(lang, T::Oppose)),
        esc(t(lang, T::Conditional)),
    );
    format!(
        "<h2>{}</h2><p>{}</p>{}",
        esc(t(lang, T::Organisations)),
        esc(&t(lang, T::OrganisationsCount).replace("{n}", &s.statements.to_string())),
        wrap(t(lang, T::Organisations), table)
    )
}
