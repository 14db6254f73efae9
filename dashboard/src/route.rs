//! Where the dashboard is, kept in the address (`/staff/?c=slug&room=moderation&status=pending`)
//! so that a reload, a bookmark or a link to a colleague opens the same view.

/// A room of one consultation: each a view of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Room {
    /// The briefing and live counts.
    #[default]
    Overview,
    Results,
    Moderation,
    Statements,
    /// Definition, settings, embedding and export.
    Setup,
}

impl Room {
    pub const ALL: [Room; 5] = [
        Room::Overview,
        Room::Results,
        Room::Moderation,
        Room::Statements,
        Room::Setup,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Room::Overview => "overview",
            Room::Results => "results",
            Room::Moderation => "moderation",
            Room::Statements => "statements",
            Room::Setup => "setup",
        }
    }

    pub fn parse(code: &str) -> Option<Room> {
        Room::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Which comments the moderation room shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// `pending`, `approved`, `rejected`, `hidden`; all when `None`.
    pub status: Option<String>,
    /// A goal conflict's id; all when `None`.
    pub conflict: Option<String>,
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
                if *room == Room::Moderation {
                    if let Some(s) = &filter.status {
                        href.push_str(&format!("&status={}", encode(s)));
                    }
                    if let Some(c) = &filter.conflict {
                        href.push_str(&format!("&conflict={}", encode(c)));
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
