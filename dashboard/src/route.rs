//! Where the dashboard is, kept in the address (`/staff/?c=slug&room=moderation&status=pending`,
//! `…&room=statements&kind=ngo&stance=oppose`)
//! so that a reload, a bookmark or a link to a colleague opens the same view.

/// A room of one consultation: each a view of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Room {
    /// The briefing and live counts.
    #[default]
    Overview,
    Results,
    /// What became of the input: outcome and indicators.
    Outcome,
    Moderation,
    Statements,
    /// Definition, settings, embedding and export.
    Setup,
}

impl Room {
    pub const ALL: [Room; 6] = [
        Room::Overview,
        Room::Results,
        Room::Outcome,
        Room::Moderation,
        Room::Statements,
        Room::Setup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Room::Overview => "overview",
            Room::Results => "results",
            Room::Outcome => "outcome",
            Room::Moderation => "moderation",
            Room::Statements => "statements",
            Room::Setup => "setup",
        }
    }

    pub fn parse(code: &str) -> Option<Room> {
        Room::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// What the moderation and statements rooms show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Comments: `pending`, `approved`, `rejected`, `hidden`; all when `None`.
    pub status: Option<String>,
    /// Comments: a goal conflict's id; all when `None`.
    pub conflict: Option<String>,
    /// Statements: an organisation kind (`ngo`, `association`, …); all when `None`.
    pub kind: Option<String>,
    /// Statements: a stance some priority was given (`support`, …); any when `None`.
    pub stance: Option<String>,
}

/// A page of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    List,
    Consultation {
        slug: String,
        room: Room,
        filter: Filter,
    },
}

const STATUSES: [&str; 4] = ["pending", "approved", "rejected", "hidden"];
const KINDS: [&str; 6] = [
    "ngo",
    "association",
    "company",
    "research",
    "public_body",
    "other",
];
const STANCES: [&str; 4] = ["support", "oppose", "conditional", "no_view"];

impl Page {
    /// A consultation's overview.
    pub fn consultation(slug: String) -> Self {
        Page::Consultation {
            slug,
            room: Room::Overview,
            filter: Filter::default(),
        }
    }

    /// The page an address's query names (`?c=…&room=…&status=…&conflict=…`); the list if none.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let Some(slug) = get("c").filter(|s| !s.is_empty()) else {
            return Page::List;
        };
        let room = get("room")
            .and_then(|r| Room::parse(&r))
            .unwrap_or_default();
        let filter = Filter {
            status: get("status").filter(|s| STATUSES.contains(&s.as_str())),
            conflict: get("conflict").filter(|c| !c.is_empty()),
            kind: get("kind").filter(|k| KINDS.contains(&k.as_str())),
            stance: get("stance").filter(|s| STANCES.contains(&s.as_str())),
        };
        Page::Consultation { slug, room, filter }
    }

    /// The address of this page, for the browser's history and for links.
    pub fn href(&self) -> String {
        match self {
            Page::List => "/staff/".to_owned(),
            Page::Consultation { slug, room, filter } => {
                let mut href = format!("/staff/?c={}", encode(slug));
                if *room != Room::Overview {
                    href.push_str(&format!("&room={}", room.code()));
                }
                let kept: [(&str, &Option<String>); 2] = match room {
                    Room::Moderation => {
                        [("status", &filter.status), ("conflict", &filter.conflict)]
                    }
                    Room::Statements => [("kind", &filter.kind), ("stance", &filter.stance)],
                    _ => [("", &None), ("", &None)],
                };
                for (name, value) in kept {
                    if let Some(v) = value {
                        href.push_str(&format!("&{name}={}", encode(v)));
                    }
                }
                href
            }
        }
    }
}

/// Percent-encodes everything but letters, digits and `-_.~`.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
