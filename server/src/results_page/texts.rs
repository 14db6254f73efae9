//! The texts of the public results page, German and English side by side.

use mitreden_core::Lang;

macro_rules! texts {
    ($($key:ident => $de:literal, $en:literal;)*) => {
        #[derive(Clone, Copy)]
        pub enum T { $($key,)* }

        pub fn t(lang: Lang, key: T) -> &'static str {
            match lang {
                Lang::De => match key { $(T::$key => $de,)* },
                Lang::En => match key { $(T::$key => $en,)* },
            }
        }
    };
}

texts! {
    PageTitle => "Ergebnisse", "Results";
    NotPublished => "Die Ergebnisse dieser Beteiligung sind noch nicht veröffentlicht.", "The results of this consultation are not published yet.";
    Responses => "Antworten bisher: {n}", "Responses so far: {n}";
    Ranking => "Rangfolge aller Antworten", "Ranking of all responses";
    RankingCaption => "Rangfolge nach Borda-Punkten; die Spanne zeigt, zwischen welchen Plätzen das Ziel in 90 % der Nachberechnungen lag.", "Ranking by Borda score; the range shows between which places the goal fell in 90 % of the resamples.";
    EqualWeight => "Jede Gruppe gleich gewichtet", "Every group weighted equally";
    ByGroup => "Rangfolge je Gruppe", "Ranking per group";
    WholeWithheld => "Die Gesamtwertung erscheint, sobald sie nicht mehr verraten kann, wie Einzelne geantwortet haben: wenn insgesamt mindestens {n} Antworten vorliegen und die Gruppen, die nicht einzeln gezeigt werden, zusammen keine oder mindestens {n} haben.", "The overall ranking appears once it can no longer reveal how individuals answered: when there are at least {n} responses in all, and the groups not shown on their own have none or at least {n} together.";
    FewerThan => "weniger als {n}", "fewer than {n}";
    Withheld => "Gruppen mit weniger als {n} Antworten werden nicht einzeln gezeigt, damit niemand an seinen Antworten zu erkennen ist; in der Gesamtwertung zählen sie mit.", "Groups with fewer than {n} responses are not shown on their own, so that nobody can be recognised by their answers; they count in the overall ranking.";
    ByGroupCaption => "Platz des Ziels in jeder Gruppe (* = zu wenige Antworten für eine belastbare Aussage)", "Place of each goal in each group (* = too few responses to read much into it)";
    Place => "Platz", "Place";
    Goal => "Ziel", "Goal";
    Score => "Punkte", "Score";
    Range => "Spanne", "Range";
    Overall => "Alle", "All";
    Conflicts => "Zielkonflikte", "Goal conflicts";
    ConflictCaption => "Verteilung der Positionen je Gruppe, von „{left}“ bis „{right}“", "Distribution of positions per group, from “{left}” to “{right}”";
    Group => "Gruppe", "Group";
    NoView => "Keine Meinung", "No view";
    Median => "Median", "Median";
    Comments => "Freigegebene Kommentare", "Approved comments";
    NoComments => "Noch keine freigegebenen Kommentare.", "No approved comments yet.";
    Organisations => "Stellungnahmen von Organisationen", "Statements by organisations";
    OrganisationsCount => "{n} Stellungnahmen, getrennt von den Einzelantworten ausgewertet.", "{n} statements, analysed apart from individual responses.";
    Support => "Unterstützen", "Support";
    Oppose => "Ablehnen", "Oppose";
    Conditional => "Unter Bedingungen", "Conditional";
    NoViewStance => "Keine Haltung", "No view";
    PublishedStatements => "Veröffentlichte Stellungnahmen", "Published statements";
}
