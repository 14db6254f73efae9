//! The texts of the results views, German first, from one table.

use mitreden_core::Lang;

mitreden_core::ui_texts! {
    Briefing => "Auf einen Blick", "At a glance";
    SectionRanking => "Rangfolge der Ziele", "Ranking of the goals";
    SectionGroups => "Die Gruppen im Vergleich", "The groups compared";
    SectionConflicts => "Zielkonflikte", "Goal conflicts";
    SectionTimeline => "Verlauf der Beteiligung", "Participation over time";
    NoPositions => "Noch keine Positionen.", "No positions yet.";
    ConflictsWithheld => "Wie die Gruppen zu den Zielkonflikten stehen, erscheint mit der Gesamtwertung (siehe oben).", "How the groups stand on the goal conflicts appears with the overall ranking (see above).";
    ShowMethod => "Zur Methode", "See the method";
    ResponsesAsOf => "{n} Antworten, Stand {date}.", "{n} responses as of {date}.";
    OneResponseAsOf => "Eine Antwort, Stand {date}.", "One response as of {date}.";
    NoResponses => "Noch keine Antworten, Stand {date}.", "No responses yet, as of {date}.";
    LeadClear => "„{goal}“ liegt klar vorn: in 90 % der Nachberechnungen auf Platz 1.", "“{goal}” clearly leads: first in 90 % of the recalculations.";
    LeadTie => "„{goal}“ liegt vorn, aber fast gleichauf mit {others}: der Abstand liegt im Rahmen der Unsicherheit.", "“{goal}” leads, but almost level with {others}: the gap is within the uncertainty.";
    LeadUnknown => "„{goal}“ liegt vorn; wie sicher, wird gerade berechnet.", "“{goal}” leads; how surely is being calculated.";
    Followers => "Es folgen {goals}.", "Next come {goals}.";
    NoGroupReadable => "Noch keine Gruppe hat genug Antworten für eine eigene Aussage; ob Gruppen übereinstimmen, lässt sich noch nicht sagen.", "No group has enough responses to be read on its own yet, so whether groups agree cannot be said.";
    OneGroupReadable => "Nur eine Gruppe hat genug Antworten für eine eigene Aussage; ob Gruppen übereinstimmen, lässt sich noch nicht sagen.", "Only one group has enough responses to be read on its own, so whether groups agree cannot be said yet.";
    CommonGround => "Alle {n} auswertbaren Gruppen sehen {goals} in der oberen Hälfte, auch im Rahmen der Unsicherheit.", "All {n} readable groups put {goals} in their upper half, uncertainty included.";
    NoCommonGround => "Kein Ziel steht bei allen auswertbaren Gruppen sicher in der oberen Hälfte.", "No goal is surely in the upper half for every readable group.";
    SplitClear => "Am weitesten auseinander liegen die Gruppen bei „{goal}“: {high} auf Platz {a}, {low} auf Platz {b}.", "The groups are furthest apart on “{goal}”: {high} rank it {a}, {low} {b}.";
    SplitNoise => "Am weitesten auseinander liegen die Gruppen bei „{goal}“: {high} auf Platz {a}, {low} auf Platz {b} – noch im Rahmen der Unsicherheit.", "The groups are furthest apart on “{goal}”: {high} rank it {a}, {low} {b} – still within the uncertainty.";
    GroupsClose => "Die auswertbaren Gruppen ordnen jedes Ziel höchstens einen Platz auseinander.", "The readable groups rank every goal within one place of each other.";
    ConflictSentence => "Zielkonflikt „{conflict}“ – {parts}.", "Goal conflict “{conflict}” – {parts}.";
    LeansTo => "{who}: eher „{goal}“ ({share})", "{who}: rather “{goal}” ({share})";
    NoClearLean => "{who}: keine klare Richtung", "{who}: no clear direction";
    Everyone => "Alle", "Everyone";
    WeightingSame => "Zählt jede Gruppe gleich viel, bleibt die Reihenfolge dieselbe.", "Counting every group equally keeps the order.";
    WeightingLeader => "Zählt jede Gruppe gleich viel, liegt „{goal}“ vorn statt „{old}“.", "Counting every group equally puts “{goal}” first instead of “{old}”.";
    WeightingMove => "Zählt jede Gruppe gleich viel, ändert sich die Reihenfolge: „{goal}“ wechselt von Platz {a} auf Platz {b}.", "Counting every group equally changes the order: “{goal}” moves from place {a} to {b}.";
    SmallGroups => "Zu wenige Antworten für eine eigene Aussage (unter {min}): {groups}.", "Too few responses to be read on their own (under {min}): {groups}.";
    And => "und", "and";
    ShowChart => "Zum Diagramm", "See the chart";
    RankTitle => "Rangfolge aller Antworten", "Ranking of all responses";
    RankDesc => "Punkt: Platz des Ziels, jede Antwort zählt einmal. Linie: zwischen diesen Plätzen lag es in 90 % der Nachberechnungen – je kürzer, desto sicherer.", "Dot: the goal's place, every response counting once. Line: the places it took in 90 % of the recalculations – the shorter, the surer.";
    EqualTitle => "Rangfolge, jede Gruppe gleich gewichtet", "Ranking with every group weighted equally";
    EqualDesc => "Jede auswertbare Gruppe zählt gleich viel, wie viele aus ihr auch antworteten. Punkt: Platz des Ziels; Linie: die Plätze in 90 % der Nachberechnungen.", "Every readable group counts the same, however many of its members responded. Dot: the goal's place; line: its places in 90 % of the recalculations.";
    WhichRanking => "Welche Rangfolge wann? Die erste zählt jede Antwort einmal: Sie zeigt, was die Teilnehmenden insgesamt wollen. Die zweite zählt jede Gruppe gleich: Sie zeigt, was über die Gruppen hinweg trägt, und verhindert, dass eine stark mobilisierte Gruppe allein das Ergebnis bestimmt. Weichen beide voneinander ab, liegt das an unterschiedlich großen Gruppen.", "Which ranking when? The first counts every response once: it shows what the participants want as a whole. The second counts every group the same: it shows what holds across groups, and keeps one highly mobilised group from deciding alone. Where the two differ, groups of different sizes are the reason.";
    NotYetCalculated => "Die Spannen werden gerade berechnet.", "The ranges are being calculated.";
    GroupsTitle => "Platz jedes Ziels in jeder Gruppe", "Each goal's place in each group";
    GroupsDescStaff => "Jede Zelle nennt den Platz in der Gruppe; je dunkler, desto weiter vorn. Gruppen mit zu wenigen Antworten sind „nur intern“: Sie werden nicht veröffentlicht.", "Each cell names the place within the group; the darker, the higher. Groups with too few responses are “internal”: they are not published.";
    GroupsDesc => "Jede Zelle nennt den Platz in der Gruppe; je dunkler, desto weiter vorn. Gruppen mit zu wenigen Antworten bleiben leer.", "Each cell names the place within the group; the darker, the higher. Groups with too few responses stay empty.";
    ConflictTitle => "Zielkonflikt „{title}“", "Goal conflict “{title}”";
    ConflictDesc => "Anteil der Positionen je Gruppe, von „{left}“ (links) bis „{right}“ (rechts); wer keine Meinung hat, steht daneben.", "Share of positions per group, from “{left}” (left) to “{right}” (right); those with no view are shown apart.";
    TimelineTitle => "Antworten pro Tag", "Responses per day";
    TimelineDesc => "Eingegangene Antworten je Kalendertag.", "Responses received per calendar day.";
    AgreementTitle => "Wie ähnlich die Gruppen ordnen", "How alike the groups rank";
    AgreementDesc => "Von +1 (gleiche Reihenfolge) über 0 (kein Zusammenhang) bis −1 (umgekehrte Reihenfolge), berechnet als Kendalls Tau.", "From +1 (the same order) through 0 (unrelated) to −1 (the reverse order), computed as Kendall's tau.";
    Same => "nahezu gleich", "nearly the same";
    Similar => "ähnlich", "similar";
    Unrelated => "kaum verwandt", "hardly related";
    Opposed => "gegensätzlich", "opposed";
    Pair => "Gruppen", "Groups";
    Agreement => "Übereinstimmung", "Agreement";
    InWords => "In Worten", "In words";
    Source => "Quelle: Beteiligung „{title}“ (mitreden), {n} Antworten, Stand {date}", "Source: consultation “{title}” (mitreden), {n} responses, as of {date}";
    AsTable => "Als Tabelle", "As a table";
    Download => "Herunterladen:", "Download:";
    Place => "Platz", "Place";
    Goal => "Ziel", "Goal";
    Points => "Punkte", "Points";
    PointsExplained => "Punkte: wie oft ein Ziel im direkten Vergleich vor einem anderen lag, von 0 (nie) bis 100 (immer); 50 heißt ebenso oft davor wie dahinter.", "Points: how often a goal came before another one when compared directly, from 0 (never) to 100 (always); 50 means as often ahead as behind.";
    Places90 => "Plätze (90 %)", "Places (90 %)";
    TopK => "Chance auf Platz 1–{k}", "Chance of places 1–{k}";
    Group => "Gruppe", "Group";
    Responses => "Antworten", "Responses";
    FewerThan => "weniger als {n}", "fewer than {n}";
    Unpublished => "nur intern", "internal";
    NoView => "Keine Meinung", "No view";
    Middle => "Mitte", "Middle";
    InAll => "Je Seite insgesamt", "Each side in all";
    LeftSide => "links", "left";
    RightSide => "rechts", "right";
    Date => "Tag", "Day";
    Strongly => "deutlich", "strongly";
    Somewhat => "eher", "rather";
    Slightly => "leicht", "slightly";
    Towards => "zu „{goal}“", "for “{goal}”";
    PageKicker => "Ergebnisse der Beteiligung", "Results of the consultation";
    PageTitle => "Ergebnisse", "Results";
    Stand => "Stand: {date}", "As of {date}";
    TakePart => "Jetzt mitmachen", "Take part now";
    OpenUntil => "Die Beteiligung läuft; die Ergebnisse ändern sich mit jeder Antwort.", "The consultation is open; the results change with every response.";
    Closed => "Die Beteiligung ist abgeschlossen.", "The consultation is closed.";
    NotPublished => "Die Ergebnisse dieser Beteiligung sind noch nicht veröffentlicht.", "The results of this consultation are not published yet.";
    OtherLanguage => "English", "Deutsch";
    CommentsTitle => "Stimmen aus der Beteiligung", "Voices from the consultation";
    CommentsIntro => "Begründungen zu den Zielkonflikten, wie sie Teilnehmende geschrieben haben; veröffentlicht nach Prüfung durch die Redaktion.", "Reasons given on the goal conflicts, as participants wrote them; published after review by the editors.";
    NoComments => "Noch keine freigegebenen Kommentare.", "No approved comments yet.";
    StatementsTitle => "Stellungnahmen von Organisationen", "Statements by organisations";
    OneStatement => "Eine veröffentlichte Stellungnahme, getrennt von den Einzelantworten ausgewertet.", "One published statement, analysed apart from individual responses.";
    StatementsCount => "{n} veröffentlichte Stellungnahmen, getrennt von den Einzelantworten ausgewertet.", "{n} published statements, analysed apart from individual responses.";
    StatementsCaption => "Haltungen der Organisationen je Ziel", "Organisations' stances per goal";
    PublishedStatements => "Veröffentlichte Stellungnahmen", "Published statements";
    Support => "Unterstützen", "Support";
    Oppose => "Ablehnen", "Oppose";
    Conditional => "Unter Bedingungen", "Conditional";
    NoStance => "Keine Haltung", "No view";
    KindNgo => "Nichtregierungsorganisation", "Non-governmental organisation";
    KindAssociation => "Verband", "Association";
    KindCompany => "Unternehmen", "Company";
    KindResearch => "Wissenschaft", "Research";
    KindPublicBody => "Öffentliche Stelle", "Public body";
    KindOther => "Sonstige", "Other";
    ReportLink => "Bericht zum Drucken (A4, PDF)", "Report for printing (A4, PDF)";
    ReportKicker => "Bericht zur Beteiligung", "Report on the consultation";
    ReportTitle => "Bericht", "Report";
    ReportPrintHint => "Diese Seite ist für A4 gesetzt. Drucken Sie sie oder speichern Sie sie über „Drucken“ als PDF (Strg+P, auf dem Mac ⌘+P); Chrome und Edge schreiben dabei ein barrierefreies PDF mit Überschriften und Tabellen.", "This page is set for A4. Print it, or save it as a PDF through “Print” (Ctrl+P, ⌘+P on a Mac); Chrome and Edge then write an accessible PDF with headings and tables.";
    ReportFacts => "{n} Antworten · Stand {date}", "{n} responses · as of {date}";
    ReportBack => "Zur Ergebnisseite", "To the results page";
    MethodTitle => "Wie diese Ergebnisse zustande kommen", "How these results come about";
    MethodWho => "Teilgenommen hat, wer wollte. Die Antworten sind daher nicht repräsentativ für die Bevölkerung; sie zeigen, was den Teilnehmenden wichtig ist, getrennt nach Gruppen.", "Whoever wanted to took part. The responses are therefore not representative of the population; they show what matters to the participants, group by group.";
    MethodCount => "Jede Antwort bringt Ziele in eine Reihenfolge. Gezählt wird, wie oft ein Ziel vor einem anderen steht; nicht eingeordnete Ziele teilen sich die hinteren Plätze.", "Every response puts goals in an order. What counts is how often a goal comes before another; goals left unranked share the last places.";
    MethodUncertainty => "Wie sicher ein Platz ist, zeigt die Auswertung, indem sie die Rangfolge vielfach mit zufällig neu gezogenen Antworten wiederholt.", "How sure a place is, the analysis shows by repeating the ranking many times with responses drawn again at random.";
    MethodSuppressed => "Gruppen mit weniger als {n} Antworten werden nicht einzeln gezeigt, damit niemand an seinen Antworten zu erkennen ist; in der Gesamtwertung zählen sie mit.", "Groups with fewer than {n} responses are not shown on their own, so that nobody can be recognised by their answers; they count in the overall ranking.";
    WholeWithheld => "Die Gesamtwertung erscheint, sobald sie nicht mehr verraten kann, wie Einzelne geantwortet haben: wenn insgesamt mindestens {n} Antworten vorliegen und die Gruppen, die nicht einzeln gezeigt werden, zusammen keine oder mindestens {n} haben.", "The overall ranking appears once it can no longer reveal how individuals answered: when there are at least {n} responses in all, and the groups not shown on their own have none or at least {n} together.";
}

/// The text for `key` in `lang` with `{name}` placeholders filled.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |acc, (k, v)| {
        acc.replace(&format!("{{{k}}}"), v)
    })
}

/// Shorthand for [`text`].
pub fn t(lang: Lang, key: Key) -> &'static str {
    text(lang, key)
}

/// "A", "A und B", "A, B und C".
pub fn join(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t(lang, Key::And)),
    }
}

/// „Titel“ in German, “title” in English.
pub fn quoted(lang: Lang, s: &str) -> String {
    match lang {
        Lang::De => format!("„{s}“"),
        Lang::En => format!("“{s}”"),
    }
}
