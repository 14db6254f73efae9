//! What the visitor asked for on the server-rendered welcome and first question, handed to the
//! widget: the page's script (`public/widget-boot.js`) calls the exported `act` once the widget has loaded, for a
//! click that came before it, and for every one after.

use std::cell::RefCell;

use leptos::prelude::*;

/// Something the visitor did on the welcome or the first question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// "Start": on to the first question.
    Start,
    /// "Back" on the first question: to the welcome.
    Back,
    /// "Next" on the first question: checked, then on.
    Next,
}

impl Action {
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "start" => Some(Self::Start),
            "back" => Some(Self::Back),
            "next" => Some(Self::Next),
            _ => None,
        }
    }
}

thread_local! {
    static HANDLER: RefCell<Option<Callback<Action>>> = const { RefCell::new(None) };
}

/// Lets `handler` answer the welcome's actions (the participation, once it is there).
pub fn handle_with(handler: Callback<Action>) {
    HANDLER.with(|h| *h.borrow_mut() = Some(handler));
}

/// Runs the action named `name`, if there is one of that name and something to answer it.
pub fn run(name: &str) {
    let handler = HANDLER.with(|h| *h.borrow());
    if let (Some(action), Some(handler)) = (Action::parse(name), handler) {
        handler.run(action);
    }
}
