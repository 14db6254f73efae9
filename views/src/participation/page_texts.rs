//! The translation table of what only the server-rendered participation pages say (the welcome,
//! the first question, the form without JavaScript and its receipt, the receipt look-up, a
//! closed consultation's outcome), in German and English side by side. Apart from
//! [`super::texts`] so that the widget's WebAssembly, which links that table, does not carry
//! these (about 2 KB of its download).

mitreden_core::ui_texts! {
    PartLoading => "Wird geladen\u{a0}…", "Loading\u{a0}…";
    StatementNeedsWidget => "Eine Stellungnahme lässt sich nur mit dem vollständigen Beteiligungsformular abgeben, und das konnte in diesem Browser nicht geladen werden. Versuchen Sie es später oder in einem anderen Browser noch einmal – oder wählen Sie eine Gruppe, um als Person über das einfache Formular teilzunehmen.", "A statement can only be handed in through the full participation form, which could not be loaded in this browser. Try again later or in another browser – or choose a group to take part as a person through the simple form.";
    LanguageSwitch => "Sprache", "Language";
    GroupLegend => "Für welche Gruppe sprechen Sie?", "Which group do you speak for?";
    GroupHint => "Wir werten die Antworten getrennt nach Gruppen aus.", "We analyse the responses separately for each group.";
    WelcomeHeading => "Worum es geht", "What this is about";
    WelcomeDuration => "Die Teilnahme dauert etwa fünf Minuten. Sie können jederzeit unterbrechen: Ihre Angaben bleiben auf diesem Gerät gespeichert, bis Sie sie absenden.", "Taking part takes about five minutes. You can stop at any time: your answers stay on this device until you send them.";
    PrivacyHeading => "Was mit Ihren Angaben geschieht", "What happens with your answers";
    PrivacyText => "Wir speichern nur Ihre Antworten – ohne Namen, ohne IP-Adresse und ohne Cookies. Ausgewertet wird nach Gruppen. Mit Ihrem Beleg-Code können Sie Ihre Antwort später ansehen oder zurückziehen.", "We store only your answers – no name, no IP address and no cookies. Results are analysed by group. With your receipt code you can view or withdraw your response later.";
    PrivacyLink => "Datenschutzhinweise im Detail (öffnet in neuem Fenster)", "Privacy notice in full (opens in a new window)";
    Start => "Beginnen", "Start";
    AccessibilityLink => "Erklärung zur Barrierefreiheit (öffnet in neuem Fenster)", "Accessibility statement (opens in a new window)";
    WhoHeading => "Wer Sie sind", "Who you are";
    OrganisationOption => "Ich spreche für eine Organisation und gebe eine Stellungnahme ab", "I speak for an organisation and hand in a statement";
    CharactersAtMost => "Höchstens {n} Zeichen", "At most {n} characters";
    ReceiptCodeMissing => "Bitte geben Sie Ihren Beleg-Code ein.", "Please enter your receipt code.";
    FormHeading => "Ihre Antwort", "Your response";
    FormIntro => "Alle Fragen auf einer Seite. Gesendet wird erst mit „Antwort absenden“; danach erhalten Sie einen Beleg-Code.", "All questions on one page. Nothing is sent until you press “Submit response”; you then get a receipt code.";
    PlacesHintPartial => "Geben Sie den Zielen, die Ihnen wichtig sind, einen Platz: 1 für das wichtigste, 2 für das nächste und so weiter. Ziele ohne Platz bleiben uneingeordnet.", "Give the goals that matter to you a place: 1 for the most important, 2 for the next and so on. Goals without a place stay unranked.";
    PlacesHintFull => "Geben Sie jedem Ziel einen Platz von 1 bis {max}: 1 für das wichtigste, jeden Platz nur einmal.", "Give every goal a place from 1 to {max}: 1 for the most important, each place once.";
    PlaceLabel => "Platz für „{title}“", "Place for “{title}”";
    ErrorSummaryHeading => "Bitte prüfen Sie Ihre Angaben", "There is a problem";
    ErrorPageTitle => "Fehler: {title}", "Error: {title}";
    FormNotStored => "Ihre Antwort konnte gerade nicht gespeichert werden; Ihre Angaben stehen unten noch. Bitte senden Sie sie in einigen Minuten erneut.", "Your response could not be stored just now; your answers are still below. Please send them again in a few minutes.";
    FormTooMany => "Aus Ihrem Netz kamen in kurzer Zeit sehr viele Antworten, daher wurde diese noch nicht angenommen. Ihre Angaben stehen unten noch: Bitte senden Sie sie in {seconds} erneut.", "Very many responses came from your network in a short time, so this one was not accepted yet. Your answers are still below: please send them again in {seconds}.";
    TroubleHeading => "Das hat nicht geklappt", "That did not work";
    TroubleTooManyHeading => "Zu viele Anfragen", "Too many requests";
    TroubleTooMany => "Aus Ihrem Netz kamen in kurzer Zeit sehr viele Anfragen, daher wurde diese nicht angenommen. Nichts wurde gespeichert. Bitte versuchen Sie es in {seconds} noch einmal.", "Very many requests came from your network in a short time, so this one was not accepted. Nothing was stored. Please try again in {seconds}.";
    OneSecond => "einer Sekunde", "1 second";
    Seconds => "{n} Sekunden", "{n} seconds";
    TroubleNotTheForm => "Was ankam, war nicht das Formular dieser Seite – es wurde unterwegs verändert oder ist viel zu lang. Nichts wurde gespeichert.", "What arrived was not this page's form – it was changed on the way or is far too long. Nothing was stored.";
    TroubleNotFound => "Diese Seite gibt es nicht: Die Beteiligung ist unbekannt, oder die Adresse ist unvollständig.", "This page does not exist: the consultation is unknown, or the address is incomplete.";
    TroubleUnavailable => "Der Server kann gerade nichts speichern oder nachsehen. Nichts wurde gespeichert. Bitte versuchen Sie es in einigen Minuten noch einmal.", "The server cannot store or look anything up just now. Nothing was stored. Please try again in a few minutes.";
    TroubleFailed => "Auf dem Server ist ein Fehler aufgetreten. Nichts wurde gespeichert. Bitte versuchen Sie es später noch einmal.", "An error occurred on the server. Nothing was stored. Please try again later.";
    TroubleAgain => "Noch einmal versuchen", "Try again";
    ErrorNotAPlace => "Bitte geben Sie als Platz eine ganze Zahl von 1 bis {max} ein.", "Enter a place as a whole number from 1 to {max}.";
    ErrorPlaceTwice => "Platz {place} ist mehrmals vergeben. Bitte vergeben Sie jeden Platz nur einmal.", "Place {place} is given more than once. Give each place only once.";
    ErrorNothingPlaced => "Bitte geben Sie mindestens einem Ziel einen Platz.", "Give at least one goal a place.";
    ErrorUnplaced => "Bitte geben Sie auch diesem Ziel einen Platz.", "Give this goal a place too.";
    ErrorNotAPosition => "Bitte wählen Sie eine der angebotenen Antworten.", "Choose one of the answers offered.";
    ErrorCommentTooLong => "Ihr Kommentar ist um {over} Zeichen zu lang: höchstens {max} Zeichen.", "Your comment is too long by {over}: at most {max} characters.";
    ErrorCommentInvalid => "Ihr Kommentar enthält Steuerzeichen. Bitte entfernen Sie sie.", "Your comment contains control characters. Please remove them.";
    ReceiptPageTitle => "Ihr Beleg: {title}", "Your receipt: {title}";
    ReceiptPrint => "Drucken Sie diese Seite oder speichern Sie sie (im Browser: Drucken, „Als PDF speichern“), um den Code aufzubewahren.", "Print this page or save it (in the browser: Print, “Save as PDF”) to keep the code.";
    BackToConsultation => "Zurück zur Beteiligung", "Back to the consultation";
    LookupSummary => "Schon teilgenommen? Antwort mit dem Beleg-Code ansehen oder zurückziehen", "Taken part already? View or withdraw your response with the receipt code";
    ReceiptCodeInput => "Beleg-Code", "Receipt code";
    ShowSubmission => "Anzeigen", "Show";
    LookupResultHeading => "Ihre Angaben zu diesem Beleg-Code", "Your answers for this receipt code";
    FoundResponse => "Antwort für die Gruppe „{group}“", "Response for the group “{group}”";
    OutcomeHeading => "Was aus Ihren Antworten wird", "What becomes of your input";
    OutcomeForYours => "Zu den Zielen, die Ihnen am wichtigsten waren:", "On the goals that mattered most to you:";
    OutcomeNotYet => "Das Ministerium hat noch nicht veröffentlicht, was aus den Antworten wird. Es erscheint hier und auf der Ergebnisseite.", "The ministry has not yet published what becomes of the input. It will appear here and on the results page.";
    OutcomeStatus => "Stand: {status}", "Status: {status}";
    OutcomeChanged => "geändert am {date}", "changed on {date}";
    OutcomeProgressLink => "Wie sich „{goal}“ messbar entwickelt (öffnet in neuem Fenster)", "How “{goal}” is measurably developing (opens in a new window)";
    OutcomeResultsLink => "Alle Ergebnisse und der Fortschritt (öffnet in neuem Fenster)", "All results and progress (opens in a new window)";
    OutcomeFeedLink => "Änderungen abonnieren (Atom-Feed, öffnet in neuem Fenster)", "Follow changes (Atom feed, opens in a new window)";
    OutcomeNoItem => "Zu diesem Ziel gibt es noch keine Rückmeldung.", "There is no response on this goal yet.";
    ClosedHeading => "Diese Beteiligung ist abgeschlossen", "This consultation is closed";
    ClosedIntro => "Vielen Dank an alle, die mitgemacht haben. Antworten werden nicht mehr angenommen.", "Thank you to everyone who took part. Responses are no longer accepted.";
    FoundStatement => "Stellungnahme von {name}", "Statement by {name}";
    LookupHeading => "Antwort ansehen oder zurückziehen", "View or withdraw your response";
    LookupIntro => "Geben Sie den Beleg-Code ein, den Sie nach dem Absenden erhalten haben. Er gilt für Antworten wie für Stellungnahmen.", "Enter the receipt code you were given after sending. It works for responses and statements alike.";
    LookupAgain => "Einen anderen Beleg-Code eingeben", "Enter another receipt code";
}

/// "1 second", "30 seconds": a wait, as the sentences above put it ("in {seconds}").
pub fn seconds(lang: mitreden_core::Lang, n: u64) -> String {
    if n == 1 {
        text(lang, Key::OneSecond).to_owned()
    } else {
        crate::i18n::fill(
            text(lang, Key::Seconds),
            &[("n", &mitreden_core::locale::integer(lang, n))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::seconds;
    use mitreden_core::Lang;

    #[test]
    fn a_wait_of_one_second_is_singular() {
        assert_eq!(seconds(Lang::De, 1), "einer Sekunde");
        assert_eq!(seconds(Lang::En, 1), "1 second");
        assert_eq!(seconds(Lang::De, 30), "30 Sekunden");
        assert_eq!(seconds(Lang::En, 1200), "1,200 seconds");
    }
}
