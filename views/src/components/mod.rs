//! One component per file; charts draw SVG with presentation attributes only (no inline
//! styles, which the dashboard's Content-Security-Policy forbids, and so a downloaded chart
//! looks the same on its own).

pub mod agreement_table;
pub mod briefing;
pub mod chart_frame;
pub mod comments_section;
pub mod conflict_chart;
pub mod conflict_table;
pub mod document;
pub mod figure;
pub mod group_chart;
pub mod group_table;
pub mod history_list;
pub mod indicator_table;
pub mod indicator_view;
pub mod method_note;
pub mod notice_links;
pub mod outcome_item;
pub mod outcome_section;
pub mod progress_chart;
pub mod public_page;
pub mod rank_chart;
pub mod rank_table;
pub mod report_page;
pub mod results_view;
pub mod rounds_section;
pub mod scroll_table;
pub mod statements_section;
pub mod svg;
pub mod timeline_chart;
pub mod timeline_table;
