//! The participant's translation table: every text the widget shows (most of them also on the
//! server-rendered participation pages), in German and English side by side, so that a text
//! cannot exist in one language only. Texts only the server's pages show are in
//! [`super::page_texts`]: the widget's WebAssembly does not carry them.

mitreden_core::ui_texts! {
    RankingHeading => "Ihre Prioritäten", "Your priorities";
    RankingHintPartial => "Nehmen Sie die Ziele, die Ihnen wichtig sind, in Ihre Reihenfolge auf – das wichtigste zuerst. Sie müssen nicht alle Ziele einordnen.", "Add the goals that matter to you in your order – the most important first. You do not have to rank every goal.";
    RankingHintFull => "Bringen Sie alle Ziele in Ihre Reihenfolge – das wichtigste zuerst.", "Put all goals in your order – the most important first.";
    RankedListLabel => "Ihre Reihenfolge", "Your order";
    RankedEmpty => "Noch keine Ziele eingeordnet.", "No goals ranked yet.";
    UnrankedHeading => "Noch nicht eingeordnet", "Not ranked yet";
    UnrankedEmpty => "Alle Ziele sind eingeordnet.", "All goals are ranked.";
    MoveUp => "{title}: nach oben", "{title}: move up";
    MoveUpShort => "Nach oben", "Move up";
    MoveDownShort => "Nach unten", "Move down";
    RemoveShort => "Herausnehmen", "Take out";
    MoveDown => "{title}: nach unten", "{title}: move down";
    Add => "Einordnen", "Add";
    AddToRanking => "{title}: einordnen", "{title}: add to ranking";
    RemoveFromRanking => "{title}: herausnehmen", "{title}: take out";
    Submit => "Antwort absenden", "Submit response";
    SubmitStatement => "Stellungnahme absenden", "Submit statement";
    StatementReceiptHeading => "Vielen Dank für Ihre Stellungnahme!", "Thank you for your statement!";
    StatementReceiptIntro => "Ihre Stellungnahme ist gespeichert. Stellungnahmen werden getrennt von den Antworten einzelner Personen ausgewertet und berichtet.", "Your statement is saved. Statements are analysed and reported apart from the responses of individuals.";
    StatementReceiptKeep => "Bewahren Sie diesen Code auf. Mit ihm können Sie Ihre Stellungnahme später ansehen oder zurückziehen.", "Keep this code. With it you can view or withdraw your statement later.";
    ReceiptHeading => "Vielen Dank für Ihre Antwort!", "Thank you for your response!";
    ReceiptIntro => "Ihre Antwort ist gespeichert und wird in den Ergebnissen gezählt.", "Your response is saved and counted in the results.";
    ReceiptLabel => "Ihr Beleg-Code", "Your receipt code";
    ReceiptKeep => "Bewahren Sie diesen Code auf. Mit ihm können Sie Ihre Antwort später ansehen oder zurückziehen.", "Keep this code. With it you can view or withdraw your response later.";
    YourRanking => "Ihre Reihenfolge", "Your order";
    AnnounceMoved => "{title}: von Platz {from} auf Platz {to} verschoben", "{title}: moved from place {from} to place {to}";
    AnnounceAlreadyTop => "{title} steht schon auf Platz 1", "{title} is already in first place";
    AnnounceAlreadyBottom => "{title} steht schon auf dem letzten Platz", "{title} is already in last place";
    AnnounceAdded => "{title}: auf Platz {to} eingeordnet", "{title}: ranked in place {to}";
    AnnounceRemoved => "{title}: aus Ihrer Reihenfolge herausgenommen", "{title}: taken out of your ranking";
    ErrorNoGroup => "Bitte wählen Sie eine Gruppe.", "Please choose a group.";
    ErrorEmptyRanking => "Bitte ordnen Sie mindestens ein Ziel ein.", "Please rank at least one goal.";
    ErrorIncomplete => "Bitte ordnen Sie alle Ziele ein.", "Please rank all goals.";
    ErrorInvalid => "Ihre Antwort passt nicht zu dieser Beteiligung. Bitte laden Sie die Seite neu.", "Your response does not match this consultation. Please reload the page.";
    HoneypotLabel => "Dieses Feld bitte leer lassen", "Please leave this field empty";
    ErrorHoneypot => "Ein Feld, das leer bleiben muss, ist ausgefüllt. Bitte laden Sie die Seite neu.", "A field that must stay empty has been filled in. Please reload the page.";
    ErrorNetwork => "Der Server ist gerade nicht erreichbar. Ihre Angaben bleiben hier stehen – bitte versuchen Sie es gleich noch einmal.", "The server cannot be reached right now. Your answers stay here – please try again in a moment.";
    ErrorNotFound => "Diese Beteiligung gibt es nicht (mehr).", "This consultation does not exist (any more).";
    ErrorClosed => "Diese Beteiligung nimmt keine Antworten mehr an.", "This consultation no longer accepts responses.";
    ErrorRejected => "Ihre Antwort wurde nicht angenommen. Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.", "Your response was not accepted. Please check your answers and try again.";
    ErrorServer => "Auf unserer Seite ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.", "Something went wrong on our side. Please try again later.";
    ErrorNoConsultation => "Auf dieser Seite ist keine Beteiligung angegeben.", "No consultation is given for this page.";
    ErrorNotLoaded => "Die Beteiligung kann gerade nicht geladen werden. Bitte versuchen Sie es später noch einmal.", "The consultation cannot be loaded right now. Please try again later.";
    FormInstead => "Über das einfache Formular teilnehmen", "Take part through the simple form";
    InContextHeading => "Ihre Reihenfolge im Vergleich", "Your order in context";
    InContextCaption => "Bisherige Rangfolge der Gruppe „{group}“ (Antworten bisher: {count}) und Ihre Reihenfolge", "Ranking of the group “{group}” (responses so far: {count}) and your order";
    ColumnPriority => "Ziel", "Goal";
    ColumnGroupRank => "Platz in der Gruppe", "Place in the group";
    ColumnYourPlace => "Ihr Platz", "Your place";
    NotRanked => "nicht eingeordnet", "not ranked";
    InContextDash => "„–“: von Ihnen nicht eingeordnet.", "“–”: not ranked by you.";
    InContextTooSmall => "Aus dieser Gruppe haben bisher nur wenige geantwortet; die Rangfolge kann sich noch deutlich ändern.", "Only a few people from this group have responded so far; the ranking may still change a lot.";
    InContextWithheld => "Aus Ihrer Gruppe haben bisher weniger als {n} Personen geantwortet. Damit niemand an seinen Antworten zu erkennen ist, zeigen wir die Rangfolge Ihrer Gruppe erst ab {n} Antworten.", "Fewer than {n} people from your group have responded so far. So that nobody can be recognised by their answers, your group's ranking is shown from {n} responses on.";
    InContextLoading => "Die bisherigen Ergebnisse werden geladen …", "Loading the results so far …";
    InContextUnavailable => "Die bisherigen Ergebnisse können gerade nicht geladen werden. Ihre Antwort ist trotzdem gespeichert.", "The results so far cannot be loaded right now. Your response is saved all the same.";
    StepProgress => "Schritt {n} von {total}", "Step {n} of {total}";
    Next => "Weiter", "Next";
    Back => "Zurück", "Back";
    MoveHandle => "{title}: mit der Tastatur verschieben", "{title}: move with the keyboard";
    AnnouncePickedUp => "{title} aufgenommen, Platz {place} von {total}. Mit den Pfeiltasten verschieben, mit der Leertaste ablegen, mit Escape abbrechen.", "{title} picked up, place {place} of {total}. Move with the arrow keys, drop with Space, cancel with Escape.";
    AnnounceDropped => "{title} auf Platz {place} abgelegt", "{title} dropped in place {place}";
    AnnounceCancelled => "Verschieben abgebrochen, {title} wieder auf Platz {place}", "Move cancelled, {title} back in place {place}";
    ConflictsHeading => "Zielkonflikte", "Goal conflicts";
    ConflictsHint => "Wo stehen Sie zwischen den beiden Zielen? Sie können jede Frage auch auslassen.", "Where do you stand between the two goals? You may skip any question.";
    ScaleFully => "Ganz: {goal}", "Fully: {goal}";
    ScaleMostly => "Überwiegend: {goal}", "Mostly: {goal}";
    ScaleRather => "Eher: {goal}", "Rather: {goal}";
    ScaleBalanced => "Ausgewogen zwischen beiden", "Balanced between both";
    NoView => "Keine Meinung", "No view";
    CommentLabel => "Warum? (freiwillig)", "Why? (optional)";
    CharactersLeft => "Noch {n} Zeichen", "{n} characters left";
    OneCharacterLeft => "Noch 1 Zeichen", "1 character left";
    CharactersTooMany => "{n} Zeichen zu viel – bitte kürzen Sie den Text", "{n} characters too many – please shorten the text";
    OneCharacterTooMany => "1 Zeichen zu viel – bitte kürzen Sie den Text", "1 character too many – please shorten the text";
    ProposeHeading => "Fehlt etwas?", "Is something missing?";
    ProposeHint => "Schlagen Sie ein Ziel oder einen Zielkonflikt vor, der fehlt. Vorschläge werden geprüft, bevor etwas davon veröffentlicht wird.", "Propose a goal or a goal conflict that is missing. Proposals are checked before anything of them is published.";
    AddProposal => "Vorschlag hinzufügen", "Add a proposal";
    ProposalRemoved => "Vorschlag {n} entfernt", "Proposal {n} removed";
    ProposalHeading => "Vorschlag {n}", "Proposal {n}";
    ProposalKindLegend => "Was schlagen Sie vor?", "What do you propose?";
    KindPriority => "Ein Ziel", "A goal";
    KindConflict => "Einen Zielkonflikt", "A goal conflict";
    ProposalTitle => "Titel", "Title";
    ProposalReason => "Warum ist das wichtig? (freiwillig)", "Why does it matter? (optional)";
    RemoveProposal => "Vorschlag {n} entfernen", "Remove proposal {n}";
    ErrorProposalTitle => "Bitte geben Sie einen Titel ein oder entfernen Sie den Vorschlag.", "Please enter a title or remove the proposal.";
    OrgHeading => "Ihre Organisation", "Your organisation";
    OrgName => "Name der Organisation", "Name of the organisation";
    OrgKind => "Art der Organisation", "Kind of organisation";
    KindNgo => "Nichtregierungsorganisation", "Non-governmental organisation";
    KindAssociation => "Verband oder Verein", "Association";
    KindCompany => "Unternehmen", "Company";
    KindResearch => "Wissenschaft und Forschung", "Research";
    KindPublicBody => "Öffentliche Stelle", "Public body";
    KindOther => "Andere", "Other";
    LobbyRegister => "Lobbyregister-Nummer (freiwillig)", "Lobby register number (optional)";
    LobbyHint => "Deutsches Lobbyregister (z. B. R001234) oder EU-Transparenzregister (z. B. 123456789012-34)", "German lobby register (e.g. R001234) or EU transparency register (e.g. 123456789012-34)";
    ContactEmail => "E-Mail-Adresse für Rückfragen (freiwillig)", "Email address for questions (optional)";
    ContactConsent => "Das Ministerium darf uns unter dieser Adresse zu unserer Stellungnahme kontaktieren.", "The ministry may contact us at this address about our statement.";
    Publish => "Unsere Stellungnahme darf veröffentlicht werden.", "Our statement may be published.";
    ErrorOrgName => "Bitte geben Sie den Namen der Organisation an.", "Please give the name of the organisation.";
    ErrorOrgKind => "Bitte wählen Sie die Art der Organisation.", "Please choose the kind of organisation.";
    ErrorLobby => "Diese Nummer hat nicht das Format einer Lobbyregister-Nummer.", "This number does not have the format of a lobby register number.";
    ErrorEmail => "Bitte prüfen Sie die E-Mail-Adresse.", "Please check the email address.";
    ErrorConsent => "Eine E-Mail-Adresse speichern wir nur mit Ihrer Einwilligung zur Kontaktaufnahme.", "We only store an email address with your consent to be contacted.";
    StancesHeading => "Ihre Haltung zu den Zielen", "Your stance on the goals";
    StancesHint => "Geben Sie zu den Zielen, zu denen Sie etwas sagen möchten, Ihre Haltung und eine Begründung an.", "For the goals you want to comment on, give your stance and your reasoning.";
    StanceSupport => "Unterstützen", "Support";
    StanceOppose => "Ablehnen", "Oppose";
    StanceConditional => "Unter Bedingungen", "Conditional";
    StanceNoView => "Keine Haltung", "No view";
    Reasoning => "Begründung (freiwillig)", "Reasoning (optional)";
    YourComment => "Ihr Kommentar:", "Your comment:";
    YourReasoning => "Ihre Begründung:", "Your reasoning:";
    ErrorEmptyStatement => "Bitte geben Sie mindestens zu einem Ziel eine Haltung oder zu einem Zielkonflikt eine Position an.", "Please give a stance on at least one goal or a position on a goal conflict.";
    ReviewHeading => "Ihre Angaben prüfen", "Check your answers";
    ReviewHint => "Prüfen Sie Ihre Angaben. Über „Ändern“ kommen Sie zurück zum jeweiligen Schritt.", "Check your answers. “Change” takes you back to that step.";
    Change => "Ändern: {section}", "Change: {section}";
    ReviewGroup => "Gruppe", "Group";
    ReviewOrganisation => "Organisation", "Organisation";
    ReviewRanking => "Reihenfolge", "Order";
    ReviewConflicts => "Zielkonflikte", "Goal conflicts";
    ReviewProposals => "Vorschläge", "Proposals";
    ProposedGoal => "Ziel: {title}", "Goal: {title}";
    ProposedConflict => "Zielkonflikt: {title}", "Goal conflict: {title}";
    BackToReview => "Weiter zur Übersicht", "Continue to the review";
    ReviewRegister => "Lobbyregister-Nummer", "Lobby register number";
    ReviewEmail => "E-Mail-Adresse für Rückfragen", "Email address for questions";
    ReviewContactYes => "Das Ministerium darf Sie unter dieser Adresse kontaktieren.", "The ministry may contact you at this address.";
    ReviewPublishYes => "Die Stellungnahme darf veröffentlicht werden.", "The statement may be published.";
    ReviewPublishNo => "Die Stellungnahme wird nicht veröffentlicht.", "The statement will not be published.";
    ReviewStances => "Haltungen", "Stances";
    NotAnswered => "keine Angabe", "not answered";
    Nothing => "keine", "none";
    StatusSending => "Ihre Antwort wird gesendet …", "Sending your response …";
    StatusSavedOffline => "Auf diesem Gerät gespeichert – wird gesendet, sobald Sie online sind.", "Saved on this device – it will be sent when you are online.";
    StatusSent => "Gesendet.", "Sent.";
    PrintReceipt => "Beleg drucken oder als PDF speichern", "Print the receipt or save it as PDF";
    CopyReceipt => "Code kopieren", "Copy code";
    Copied => "Code kopiert", "Code copied";
    Withdraw => "Antwort zurückziehen", "Withdraw response";
    WithdrawConfirm => "Wirklich zurückziehen? Ihre Antwort wird gelöscht und nicht mehr gezählt.", "Really withdraw? Your response will be deleted and no longer counted.";
    WithdrawYes => "Ja, zurückziehen", "Yes, withdraw";
    WithdrawNo => "Nein, behalten", "No, keep it";
    WithdrawStatement => "Stellungnahme zurückziehen", "Withdraw statement";
    WithdrawStatementConfirm => "Wirklich zurückziehen? Ihre Stellungnahme wird gelöscht und nicht mehr berücksichtigt.", "Really withdraw? Your statement will be deleted and no longer taken into account.";
    StatementWithdrawnNotice => "Ihre Stellungnahme wurde zurückgezogen und gelöscht.", "Your statement has been withdrawn and deleted.";
    WithdrawnNotice => "Ihre Antwort wurde zurückgezogen und gelöscht.", "Your response has been withdrawn and deleted.";
    SentOnDevice => "Von diesem Gerät wurde schon eine Antwort gesendet", "A response has already been sent from this device";
    SentOnDeviceHint => "Wer sie gesendet hat, kann ihren Beleg hier ansehen. Auf einem Gerät, das auch andere benutzen, entfernen Sie den Beleg am besten – den Beleg-Code brauchen Sie dann, um die Antwort später anzusehen. „Beginnen“ startet eine neue Antwort und entfernt diesen Beleg von diesem Gerät.", "Whoever sent it can view its receipt here. On a device others use too, best remove the receipt – you then need the receipt code to view the response later. “Start” begins a new response and removes this receipt from the device.";
    ReceiptForgotten => "Der Beleg ist von diesem Gerät entfernt.", "The receipt has been removed from this device.";
    ShowReceipt => "Beleg anzeigen", "Show the receipt";
    ForgetReceipt => "Beleg von diesem Gerät entfernen", "Remove the receipt from this device";
    ErrorReasoningWithoutStance => "Bitte wählen Sie auch eine Haltung – ohne sie wird Ihre Begründung nicht gesendet.", "Choose a stance too – without one your reasoning is not sent.";
    ErrorCommentWithoutPosition => "Bitte wählen Sie auch eine Position – ohne sie zählt Ihr Kommentar nicht.", "Choose a position too – without one your comment does not count.";
    StartAgain => "Neu beginnen", "Start again";
    ErrorReceiptInvalid => "Das ist kein gültiger Beleg-Code. Er hat 16 Zeichen, Buchstaben und Ziffern ohne U, etwa ABCD\u{2011}EFGH\u{2011}JKMN\u{2011}PQRS.", "That is not a valid receipt code. It has 16 characters, letters and digits without U, such as ABCD\u{2011}EFGH\u{2011}JKMN\u{2011}PQRS.";
    ErrorReceiptUnknown => "Zu diesem Code ist nichts (mehr) gespeichert. Bitte prüfen Sie ihn auf Tippfehler; eine zurückgezogene Antwort oder Stellungnahme ist gelöscht.", "Nothing is stored (any more) for this code. Please check it for typos; a response or statement that was withdrawn is deleted.";

}

/// The name of an organisation's kind.
pub fn kind_key(kind: mitreden_core::statement::OrganisationKind) -> Key {
    use mitreden_core::statement::OrganisationKind::*;
    match kind {
        Ngo => Key::KindNgo,
        Association => Key::KindAssociation,
        Company => Key::KindCompany,
        Research => Key::KindResearch,
        PublicBody => Key::KindPublicBody,
        Other => Key::KindOther,
    }
}

/// The name of a stance on a priority.
pub fn stance_key(stance: mitreden_core::Stance) -> Key {
    use mitreden_core::Stance::*;
    match stance {
        Support => Key::StanceSupport,
        Oppose => Key::StanceOppose,
        Conditional => Key::StanceConditional,
        NoView => Key::StanceNoView,
    }
}
