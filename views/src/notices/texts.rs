//! The texts of the privacy notice and the accessibility statement, German and English side by
//! side. They say what mitreden does; the deployment's facts are filled in from
//! [`mitreden_core::notices::Notices`] and the consultation.

mitreden_core::ui_texts! {
    PrivacyTitle => "Datenschutzhinweise zur Online-Beteiligung", "Privacy notice for the online consultation";
    PrivacyFor => "Für die Beteiligung „{title}“.", "For the consultation “{title}”.";
    PrivacyLead => "Diese Beteiligung wird mit mitreden betrieben, das so gebaut ist, dass so wenig personenbezogene Daten wie möglich entstehen.", "This consultation runs on mitreden, built to create as little personal data as possible.";
    Controller => "Verantwortlich", "Controller";
    Dpo => "Datenschutzbeauftragte", "Data protection officer";
    NotGiven => "Vom Betreiber noch nicht angegeben.", "Not yet given by the operator.";
    PurposeHeading => "Zweck und Rechtsgrundlage", "Purpose and legal basis";
    Purpose => "Ihre Angaben dienen dazu, die Meinungen der Beteiligten zu den Zielen und Zielkonflikten nach Gruppen auszuwerten und das Ergebnis in die Arbeit des Ministeriums einfließen zu lassen.", "Your answers serve to analyse the views of those taking part on the goals and goal conflicts by group, and to feed the result into the ministry's work.";
    DefaultLegalBasis => "Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 BDSG (Wahrnehmung einer Aufgabe im öffentlichen Interesse). Die E-Mail-Adresse einer Organisation für Rückfragen wird nur mit Einwilligung gespeichert (Art. 6 Abs. 1 Buchst. a DSGVO); die Einwilligung kann jederzeit widerrufen werden.", "The legal basis is Art. 6(1)(e) GDPR with § 3 BDSG (performance of a task in the public interest). An organisation's email address for questions is stored only with consent (Art. 6(1)(a) GDPR), which can be withdrawn at any time.";
    StoredHeading => "Was gespeichert wird", "What is stored";
    StoredAnswers => "Ihre Antworten: die gewählte Gruppe, Ihre Reihenfolge der Ziele, Ihre Positionen zu Zielkonflikten, Ihre Kommentare und Vorschläge, die Sprache und der Tag des Eingangs.", "Your answers: the group chosen, your order of the goals, your positions on goal conflicts, your comments and proposals, the language and the day they arrived.";
    StoredStatements => "Bei Stellungnahmen von Organisationen zusätzlich Name und Art der Organisation, freiwillig die Lobbyregister-Nummer und – nur mit Einwilligung – eine E-Mail-Adresse für Rückfragen.", "For organisation statements also the organisation's name and kind, optionally its lobby register number and – only with consent – an email address for questions.";
    StoredReceipt => "Zu jeder Antwort ein Prüfwert Ihres Beleg-Codes (nicht der Code selbst), damit nur Sie Ihre Antwort ansehen oder zurückziehen können.", "With each response a check value of your receipt code (not the code itself), so that only you can view or withdraw your response.";
    NotStoredHeading => "Was nicht gespeichert wird", "What is not stored";
    NotStored => "Keine Namen von Privatpersonen, keine IP-Adressen (auch nicht in Protokollen), keine Cookies, keine Geräte- oder Browsermerkmale. Es werden keine Inhalte von Dritten geladen und keine Angaben an Dritte übermittelt.", "No names of private persons, no IP addresses (not in logs either), no cookies, no device or browser fingerprints. Nothing is loaded from third parties and nothing is passed on to them.";
    DeviceHeading => "Auf Ihrem Gerät", "On your device";
    Device => "Solange Sie antworten, bleiben Ihre Angaben im Speicher Ihres Browsers (localStorage), damit beim Neuladen nichts verloren geht und eine Antwort auch bei schlechter Verbindung ankommt. Nach dem Absenden bleibt dort nur der Beleg; auf einem Gerät, das auch andere benutzen, können Sie ihn entfernen. Das Formular ohne JavaScript speichert nichts auf Ihrem Gerät.", "While you answer, your answers stay in your browser's storage (localStorage), so that a reload loses nothing and a response arrives even on a bad connection. After sending only the receipt stays there; on a device others use too, you can remove it. The form without JavaScript stores nothing on your device.";
    PublishedHeading => "Was veröffentlicht wird", "What is published";
    PublishedAggregates => "Zusammengefasste Ergebnisse nach Gruppen – für jede Gruppe erst ab {min} Antworten, damit niemand herauszulesen ist.", "Aggregated results by group – for each group only from {min} responses on, so that nobody can be singled out.";
    PublishedComments => "Kommentare und Vorschläge im Wortlaut, aber ohne Angaben zu Ihrer Person, nachdem das Ministerium sie geprüft und freigegeben hat. Schreiben Sie darum nichts hinein, woran man Sie erkennen kann.", "Comments and proposals word for word, but without anything about you, once the ministry has checked and approved them. So write nothing in them by which you could be recognised.";
    PublishedStatements => "Stellungnahmen von Organisationen im Wortlaut mit dem Namen der Organisation – nur, wenn die Organisation der Veröffentlichung zugestimmt hat. Die E-Mail-Adresse wird nie veröffentlicht.", "Organisation statements word for word with the organisation's name – only if the organisation agreed. The email address is never published.";
    NotPublished => "Die Ergebnisse dieser Beteiligung werden nicht öffentlich gezeigt; sie dienen der internen Auswertung.", "The results of this consultation are not shown publicly; they serve the internal analysis.";
    RetentionHeading => "Wie lange", "How long";
    Retention => "{days} Tage nach dem Ende der Beteiligung werden Kommentartexte, E-Mail-Adressen und die Prüfwerte der Beleg-Codes gelöscht. Die gezählten Antworten und die Ergebnisse bleiben – ohne Bezug zu Ihnen.", "{days} days after the consultation ends, comment texts, email addresses and the check values of receipt codes are deleted. The counted answers and the results remain – with no link to you.";
    RetentionGeneral => "Jede Beteiligung legt fest, wie viele Tage nach ihrem Ende Kommentartexte, E-Mail-Adressen und die Prüfwerte der Beleg-Codes gelöscht werden (höchstens zehn Jahre); die gezählten Antworten und die Ergebnisse bleiben, ohne Bezug zu Ihnen. Die Datenschutzhinweise jeder Beteiligung nennen ihre Frist.", "Each consultation sets how many days after it ends comment texts, email addresses and the check values of receipt codes are deleted (at most ten years); the counted answers and the results remain, with no link to you. The privacy notice of each consultation names its period.";
    RightsHeading => "Ihre Rechte", "Your rights";
    Rights => "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch (Art. 15 bis 21 DSGVO). Da wir nicht wissen, wer Sie sind, finden wir Ihre Antwort nur über Ihren Beleg-Code: Mit ihm können Sie Ihre Antwort jederzeit ansehen und zurückziehen; sie wird dann gelöscht und nicht mehr gezählt. Zum Berichtigen ziehen Sie sie zurück und antworten neu.", "You have the right of access, rectification, erasure, restriction of processing and objection (Art. 15 to 21 GDPR). As we do not know who you are, we can find your response only by your receipt code: with it you can view and withdraw your response at any time; it is then deleted and no longer counted. To correct it, withdraw it and answer again.";
    Complaint => "Sie können sich bei der Aufsichtsbehörde beschweren:", "You may lodge a complaint with the supervisory authority:";
    NoAutomatedDecisions => "Es gibt keine automatisierte Entscheidung im Einzelfall und kein Profiling.", "There is no automated individual decision-making and no profiling.";
    AccessibilityTitle => "Erklärung zur Barrierefreiheit", "Accessibility statement";
    PrivacyNoticeLink => "Datenschutzhinweise", "Privacy notice";
    AccessibilityStatementLink => "Erklärung zur Barrierefreiheit", "Accessibility statement";
    AccessibilityLead => "{body} ist bemüht, die Online-Beteiligung im Einklang mit § 12a des Behindertengleichstellungsgesetzes (BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für das Beteiligungs-Widget, das Formular ohne JavaScript und die öffentlichen Ergebnisseiten.", "{body} endeavours to make the online consultation accessible in accordance with § 12a of the Disability Equality Act (BGG) and the Accessible Information Technology Ordinance (BITV 2.0). This statement applies to the consultation widget, the form without JavaScript and the public results pages.";
    TheOperator => "Der Betreiber", "The operator";
    StatusHeading => "Stand der Vereinbarkeit mit den Anforderungen", "Compliance status";
    StatusFull => "Die Online-Beteiligung ist mit den Anforderungen der BITV 2.0 vollständig vereinbar.", "The online consultation is fully compliant with BITV 2.0.";
    StatusPartial => "Die Online-Beteiligung ist mit den Anforderungen der BITV 2.0 teilweise vereinbar. Die Ausnahmen stehen unten.", "The online consultation is partially compliant with BITV 2.0. The exceptions are listed below.";
    StatusNone => "Die Online-Beteiligung ist mit den Anforderungen der BITV 2.0 nicht vereinbar.", "The online consultation is not compliant with BITV 2.0.";
    GapsHeading => "Nicht barrierefreie Inhalte", "Non-accessible content";
    NoGaps => "Es sind keine Barrieren bekannt.", "No barriers are known.";
    PreparedHeading => "Erstellung dieser Erklärung", "Preparation of this statement";
    Prepared => "Diese Erklärung wurde am {date} erstellt.", "This statement was prepared on {date}.";
    FeedbackHeading => "Barrieren melden: Kontakt zu den Feedback-Ansprechpartnern", "Reporting barriers: feedback contact";
    Feedback => "Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen, oder brauchen Sie Inhalte in einer anderen Form? Dann schreiben Sie uns:", "Have you noticed barriers, or do you need content in another form? Then write to us:";
    EnforcementHeading => "Schlichtungsverfahren", "Enforcement procedure";
    Enforcement => "Wenn auch nach Ihrem Feedback an den oben genannten Kontakt keine zufriedenstellende Lösung gefunden wurde, können Sie sich an die Schlichtungsstelle nach § 16 BGG wenden. Sie hat die Aufgabe, bei Konflikten zum Thema Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen Stellen des Bundes eine außergerichtliche Streitbeilegung zu unterstützen. Das Schlichtungsverfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.", "If no satisfactory solution has been found after your feedback to the contact above, you can turn to the arbitration board under § 16 BGG. It supports out-of-court settlement of disputes about accessibility between people with disabilities and federal public bodies. The procedure is free of charge; you need no lawyer.";
    EnforcementBody => "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen", "Arbitration board under the Disability Equality Act at the Federal Government Commissioner for Matters relating to Persons with Disabilities";
    Email => "E-Mail", "Email";
    Phone => "Telefon", "Phone";
    Web => "Internet", "Web";
    OtherLanguage => "English", "Deutsch";
}

/// The text for `key` in `lang`.
pub fn t(lang: mitreden_core::Lang, key: Key) -> &'static str {
    text(lang, key)
}
