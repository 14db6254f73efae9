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
    LeadClear => "„{goal}“ liegt klar vorn: {points} Punkte gegenüber {second} für „{runner}“ – ein Abstand, den der Zufall nicht erklärt.", "“{goal}” clearly leads: {points} points against {second} for “{runner}” – a gap chance does not explain.";
    LeadAlone => "„{goal}“ liegt vorn.", "“{goal}” leads.";
    LeadTie => "„{goal}“ liegt vorn ({points} Punkte), aber nicht sicher vor {others}: Die Unterschiede liegen im Rahmen der Unsicherheit.", "“{goal}” leads ({points} points), but not surely ahead of {others}: the differences are within the uncertainty.";
    GoalWithPoints => "{goal} ({points})", "{goal} ({points})";
    AndMore => "{list} und {n} weiteren Zielen", "{list} and {n} more goals";
    Followers => "Es folgen {goals}.", "Next come {goals}.";
    NoGroupReadable => "Noch keine Gruppe hat genug Antworten für eine eigene Aussage; ob Gruppen übereinstimmen, lässt sich noch nicht sagen.", "No group has enough responses to be read on its own yet, so whether groups agree cannot be said.";
    OneGroupReadable => "Nur eine Gruppe hat genug Antworten für eine eigene Aussage; ob Gruppen übereinstimmen, lässt sich noch nicht sagen.", "Only one group has enough responses to be read on its own, so whether groups agree cannot be said yet.";
    CommonGround => "Alle {n} auswertbaren Gruppen sehen {goals} sicher in der oberen Hälfte.", "All {n} readable groups surely put {goals} in their upper half.";
    CommonGroundBoth => "Beide auswertbaren Gruppen sehen {goals} sicher in der oberen Hälfte.", "Both readable groups surely put {goals} in their upper half.";
    NoCommonGround => "Kein Ziel steht bei allen auswertbaren Gruppen sicher in der oberen Hälfte.", "No goal is surely in the upper half for every readable group.";
    SplitClear => "Am deutlichsten unterscheiden sich die Gruppen bei „{goal}“: {high} auf Platz {ra} ({a} Punkte), {low} auf Platz {rb} ({b} Punkte) – mehr, als der Zufall erklärt.", "The groups differ most clearly on “{goal}”: {high} put it in place {ra} ({a} points), {low} in place {rb} ({b} points) – more than chance explains.";
    SplitNoise => "Am weitesten auseinander liegen die Gruppen bei „{goal}“: {high} auf Platz {ra} ({a} Punkte), {low} auf Platz {rb} ({b} Punkte) – noch im Rahmen der Unsicherheit.", "The groups are furthest apart on “{goal}”: {high} put it in place {ra} ({a} points), {low} in place {rb} ({b} points) – still within the uncertainty.";
    GroupsClose => "Die auswertbaren Gruppen ordnen jedes Ziel höchstens einen Platz auseinander; kein Unterschied geht über die Unsicherheit hinaus.", "The readable groups rank every goal within one place of each other; no difference goes beyond the uncertainty.";
    ConflictSentence => "Zielkonflikt „{conflict}“ – {parts}.", "Goal conflict “{conflict}” – {parts}.";
    LeansTo => "{who}: eher „{goal}“ ({share})", "{who}: rather “{goal}” ({share})";
    NoClearLean => "{who}: keine gesicherte Richtung ({left} zu {right})", "{who}: no direction beyond chance ({left} to {right})";
    Everyone => "Alle", "Everyone";
    WeightingSame => "Zählt jede Gruppe gleich viel, bleibt die Reihenfolge dieselbe.", "Counting every group equally keeps the order.";
    WeightingNoise => "Zählt jede Gruppe gleich viel, verschieben sich einzelne Plätze; dass sich dabei die Reihenfolge zweier Ziele sicher umkehrt, lässt sich nicht sagen.", "Counting every group equally shifts some places; that the order of any two goals surely turns round cannot be said.";
    WeightingFlip => "Zählt jede Gruppe gleich viel, liegt „{goal}“ vor „{old}“; zählt jede Antwort einmal, ist es umgekehrt – beides mehr, als der Zufall erklärt.", "Counting every group equally puts “{goal}” ahead of “{old}”; counting every response once, the other way round – both more than chance explains.";
    WeightingFlips => "Zählt jede Gruppe gleich viel, kehrt sich die Reihenfolge bei {n} Paaren von Zielen um, mehr, als der Zufall erklärt; so liegt „{goal}“ dann vor „{old}“.", "Counting every group equally turns the order of {n} pairs of goals round, more than chance explains; “{goal}”, for one, then comes before “{old}”.";
    SmallGroups => "Zu wenige Antworten für eine eigene Aussage (unter {min}): {groups}.", "Too few responses to be read on their own (under {min}): {groups}.";
    And => "und", "and";
    ShowChart => "Zum Diagramm", "See the chart";
    RankTitle => "Rangfolge aller Antworten", "Ranking of all responses";
    RankDesc => "Punkt: Platz des Ziels, jede Antwort zählt einmal. Linie: die Plätze, die es zu 90 % sicher einnehmen könnte – je kürzer, desto sicherer.", "Dot: the goal's place, every response counting once. Line: the places it could hold, 90 % sure – the shorter, the surer.";
    EqualTitle => "Rangfolge, jede Gruppe gleich gewichtet", "Ranking with every group weighted equally";
    EqualDesc => "Jede auswertbare Gruppe zählt gleich viel, wie viele aus ihr auch antworteten. Punkt: Platz des Ziels; Linie: die Plätze, die es zu 90 % sicher einnehmen könnte.", "Every readable group counts the same, however many of its members responded. Dot: the goal's place; line: the places it could hold, 90 % sure.";
    WhichRanking => "Welche Rangfolge wann? Die erste zählt jede Antwort einmal: Sie zeigt, was die Teilnehmenden insgesamt wollen. Die zweite zählt jede Gruppe gleich: Sie zeigt, was über die Gruppen hinweg trägt, und verhindert, dass eine stark mobilisierte Gruppe allein das Ergebnis bestimmt. Weichen beide voneinander ab, liegt das an unterschiedlich großen Gruppen.", "Which ranking when? The first counts every response once: it shows what the participants want as a whole. The second counts every group the same: it shows what holds across groups, and keeps one highly mobilised group from deciding alone. Where the two differ, groups of different sizes are the reason.";
    NotYetCalculated => "Die Chancen auf die vorderen Plätze werden gerade berechnet.", "The chances of the top places are being calculated.";
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
    PrivacyNotice => "Datenschutzhinweise", "Privacy notice";
    AccessibilityStatement => "Erklärung zur Barrierefreiheit", "Accessibility statement";
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
    MethodUncertainty => "Wie sicher ein Platz ist, zeigt der Vergleich jedes Ziels mit jedem anderen: Ein Ziel steht nur dann sicher vor einem anderen, wenn der Abstand größer ist, als der Zufall erklären kann. Die Spanne der Plätze umfasst alle Plätze, die danach möglich bleiben; sie enthält den wahren Platz mit mindestens 90 % Sicherheit. Die Chance auf die vorderen Plätze beruht auf vielfach wiederholten Auswertungen mit zufällig neu gezogenen Antworten.", "How sure a place is comes from comparing every goal with every other: a goal is surely ahead of another only when the gap is larger than chance can explain. The range of places holds every place that remains possible; it contains the true place with at least 90 % certainty. The chance of the top places comes from repeating the analysis many times with responses drawn again at random.";
    MethodPromise => "Was „klar“ und „sicher“ heißt: Eine Aussage über den Vorsprung eines Ziels, die Richtung einer Gruppe bei einem Zielkonflikt, einen Unterschied zwischen Gruppen, die Wirkung der Gewichtung, gemeinsame Prioritäten oder eine Veränderung seit der letzten Runde steht hier nur, wenn der Zufall sie nicht erklärt. Alle Aussagen zusammen sind so abgesichert, dass höchstens {rate} solcher Zusammenfassungen eine falsche enthalten – ob es in Wahrheit Unterschiede gibt oder nicht. Nachgeprüft in Simulationen mit 5 bis 50 Zielen und 2 bis 6 Gruppen mit je 10 bis 1 000 Antworten.", "What “clear” and “surely” mean: a statement about a goal's lead, a group's direction on a goal conflict, a difference between groups, the effect of weighting, common priorities or a change since the last round appears here only when chance does not explain it. All statements together are guarded so that at most {rate} of such summaries hold a false one – whether there are real differences or not. Checked in simulations with 5 to 50 goals and 2 to 6 groups of 10 to 1,000 responses each.";
    MethodBudget => "Von diesem Rahmen gehen im Grundsatz {lead} an den Vorsprung, {leans} an die Richtungen bei Zielkonflikten, {splits} an Unterschiede zwischen Gruppen, {weighting} an die Gewichtung, {common} an gemeinsame Prioritäten und {moves} an Veränderungen seit der letzten Runde; {margin} bleiben als Reserve für das, was die Tests nur annähern. Was eine Beteiligung nicht prüfen kann (etwa ohne Zielkonflikte oder ohne letzte Runde), geht an den Vorsprung.", "Of these 5 %, {lead} go in principle to the lead, {leans} to the directions on goal conflicts, {splits} to differences between groups, {weighting} to the weighting, {common} to common priorities and {moves} to changes since the last round; {margin} are kept in reserve for what the tests only approximate. What a consultation cannot test (without goal conflicts or a last round, say) goes to the lead.";
    MethodBudgetHere => "In dieser Beteiligung gehen daher {lead} an den Vorsprung.", "In this consultation, {lead} therefore go to the lead.";
    MethodSuppressed => "Gruppen mit weniger als {n} Antworten werden nicht einzeln gezeigt, damit niemand an seinen Antworten zu erkennen ist; in der Gesamtwertung zählen sie mit.", "Groups with fewer than {n} responses are not shown on their own, so that nobody can be recognised by their answers; they count in the overall ranking.";
    WholeWithheld => "Die Gesamtwertung erscheint, sobald sie nicht mehr verraten kann, wie Einzelne geantwortet haben: wenn insgesamt mindestens {n} Antworten vorliegen und die Gruppen, die nicht einzeln gezeigt werden, zusammen keine oder mindestens {n} haben.", "The overall ranking appears once it can no longer reveal how individuals answered: when there are at least {n} responses in all, and the groups not shown on their own have none or at least {n} together.";
    OutcomeHeading => "Was aus Ihren Antworten wird", "What becomes of your input";
    OutcomeUpdated => "Veröffentlicht am {first}, zuletzt geändert am {date}.", "Published on {first}, last changed on {date}.";
    OutcomeGoals => "Die Ziele, in der Reihenfolge der Beteiligung", "The goals, in the order of the consultation";
    OutcomeGoalsUnranked => "Die Ziele (ihre Reihenfolge erscheint mit der Gesamtwertung)", "The goals (their order appears with the overall ranking)";
    OutcomeConflicts => "Die Zielkonflikte", "The goal conflicts";
    OutcomeProposals => "Vorschläge der Teilnehmenden", "Proposals from participants";
    StatusLabel => "Stand der Umsetzung", "Status";
    ItemUpdated => "Geändert am {date}", "Changed on {date}";
    RankInConsultation => "Platz {rank} von {n} in der Beteiligung", "Place {rank} of {n} in the consultation";
    MovedUp => "seit der letzten Runde aufgestiegen (vorher Platz {a})", "up since the last round (was place {a})";
    MovedDown => "seit der letzten Runde abgestiegen (vorher Platz {a})", "down since the last round (was place {a})";
    MovedInNoise => "vorher Platz {a}; der Unterschied liegt im Rahmen der Unsicherheit", "was place {a}; the difference is within the uncertainty";
    MovedNot => "wie in der letzten Runde", "as in the last round";
    MovedNew => "neu in dieser Runde", "new in this round";
    MovedUnknown => "vorher Platz {a}; ob das eine Veränderung ist, wird gerade berechnet", "was place {a}; whether that is a change is being calculated";
    NoResponseYet => "Zu diesem Ziel gibt es noch keine Rückmeldung.", "There is no response on this goal yet.";
    IndicatorsHeading => "Woran der Fortschritt gemessen wird", "How progress is measured";
    ProgressNoValues => "Noch kein Messwert seit dem Ausgangswert.", "No value measured since the baseline yet.";
    ProgressOnTheWay => "{share} des Wegs vom Ausgangswert zum Ziel geschafft.", "{share} of the way from baseline to target.";
    ProgressReached => "Ziel erreicht.", "Target reached.";
    ProgressWorse => "Schlechter als zu Beginn: {latest} gegenüber {baseline}.", "Worse than at the start: {latest} against {baseline}.";
    ProgressMissed => "Zieldatum {date} verstrichen, Ziel nicht erreicht ({share} des Wegs).", "Target date {date} passed, target not reached ({share} of the way).";
    ProgressMissedNoValue => "Zieldatum {date} verstrichen, ohne Messwert.", "Target date {date} passed, with no value measured.";
    ProgressSetback => "Zuletzt rückläufig.", "Recently moving backwards.";
    IndicatorFacts => "Ausgangswert {baseline} ({bdate}), Ziel {target} bis {tdate}, zuletzt {latest} ({ldate}).", "Baseline {baseline} ({bdate}), target {target} by {tdate}, latest {latest} ({ldate}).";
    IndicatorFactsNoValue => "Ausgangswert {baseline} ({bdate}), Ziel {target} bis {tdate}.", "Baseline {baseline} ({bdate}), target {target} by {tdate}.";
    IndicatorSource => "Quelle: {source}", "Source: {source}";
    HigherIsBetter => "höher ist besser", "higher is better";
    LowerIsBetter => "niedriger ist besser", "lower is better";
    ChartBaseline => "Start", "Start";
    ChartTarget => "Ziel", "Target";
    ColumnValue => "Wert", "Value";
    ColumnKind => "Art", "Kind";
    RowBaseline => "Ausgangswert", "Baseline";
    RowTarget => "Ziel", "Target";
    RowMeasured => "Messwert", "Measured";
    HistoryHeading => "Alle Änderungen ({n})", "Every change ({n})";
    HistorySummary => "Zusammenfassung veröffentlicht oder geändert", "Summary published or changed";
    HistoryItem => "„{item}“: {status}", "“{item}”: {status}";
    HistoryItemFrom => "„{item}“: {status} (vorher: {previous})", "“{item}”: {status} (before: {previous})";
    HistoryRemoved => "„{item}“ ist nicht mehr Teil der Rückmeldung", "“{item}” is no longer part of the response";
    HistoryIndicatorAdded => "Neuer Indikator für „{goal}“: {indicator}", "New indicator for “{goal}”: {indicator}";
    HistoryValue => "„{indicator}“ ({goal}): Messwert {value} vom {date}", "“{indicator}” ({goal}): value {value} of {date}";
    HistoryCorrection => "„{indicator}“ ({goal}): Messwert vom {date} korrigiert von {previous} auf {value}", "“{indicator}” ({goal}): value of {date} corrected from {previous} to {value}";
    HistoryValueRemoved => "„{indicator}“ ({goal}): Messwert vom {date} zurückgenommen", "“{indicator}” ({goal}): value of {date} withdrawn";
    HistoryRedefined => "„{indicator}“ ({goal}): Ausgangswert, Ziel oder Beschreibung geändert", "“{indicator}” ({goal}): baseline, target or description changed";
    HistoryIndicatorRemoved => "„{indicator}“ ({goal}) wird nicht mehr gemessen", "“{indicator}” ({goal}) is no longer measured";
    RoundsHeading => "Veränderung seit der letzten Runde", "Change since the last round";
    RoundsIntro => "Platz jedes Ziels jetzt und in der letzten Runde. Als Auf- oder Abstieg gilt nur, was über die Unsicherheit hinausgeht: ein anderer Platz und eine Veränderung der Punkte, die der Zufall nicht erklärt.", "Each goal's place now and in the last round. Only what goes beyond the uncertainty counts as a rise or fall: a different place, and a change in points that chance does not explain.";
    RoundsLink => "Ergebnisse der letzten Runde", "Results of the last round";
    RoundsCaption => "Plätze jetzt und in der letzten Runde", "Places now and in the last round";
    RoundsGoal => "Ziel", "Goal";
    RoundsCell => "{rank} (vorher {previous}): {movement}", "{rank} (was {previous}): {movement}";
    RoundsCellNew => "{rank}: neu", "{rank}: new";
    MoveWordUp => "aufgestiegen", "up";
    MoveWordDown => "abgestiegen", "down";
    MoveWordSame => "gleich", "same";
    MoveWordNoise => "im Rahmen der Unsicherheit", "within the uncertainty";
    MoveWordUnknown => "wird berechnet", "being calculated";
    FeedLink => "Änderungen abonnieren (Atom-Feed)", "Follow changes (Atom feed)";
    Licence => "Offene Daten unter der Lizenz {licence}.", "Open data under the licence {licence}.";
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
