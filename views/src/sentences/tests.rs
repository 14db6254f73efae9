//! The briefing's wording on many simulated consultations: every sentence names whom its
//! finding names, no list is empty, no placeholder is left, in German and English.

use mitreden_core::results::findings::Finding;
use mitreden_core::simulation::{Population, Random, Scenario, EVEN};
use mitreden_core::{Lang, Results};

use crate::data::ResultsData;

fn spread(n: usize, top_tied: bool) -> Vec<f64> {
    let mut w: Vec<f64> = (0..n).map(|i| -1.5 * i as f64 / (n - 1) as f64).collect();
    if top_tied {
        w[1] = w[0];
    }
    w
}

fn scenarios() -> Vec<Scenario> {
    let mut leaning = Population::plackett_luce(spread(6, false), 3);
    leaning.conflicts[0] = [0.5, 0.3, 0.1, 0.05, 0.05, 0.0];
    let mut apart = Population::plackett_luce(spread(6, true), 3);
    apart.conflicts = vec![EVEN; 3];
    let mut reversed = apart.clone();
    reversed.model = mitreden_core::simulation::Model::PlackettLuce(
        spread(6, false).into_iter().rev().collect(),
    );
    let mut partial = Population::plackett_luce(spread(12, true), 1);
    partial.ranked = Some(3);
    [
        (vec![leaning.clone(); 3], vec![60, 40, 5]),
        (vec![apart.clone(), reversed.clone()], vec![80, 12]),
        (vec![apart.clone(), reversed, apart], vec![300, 30, 0]),
        (vec![partial; 2], vec![15, 9]),
        (vec![leaning; 2], vec![3, 4]),
    ]
    .into_iter()
    .map(|(populations, sizes)| Scenario {
        name: String::new(),
        populations,
        sizes,
        previous: None,
    })
    .collect()
}

/// Checks the sentences of `results` and returns how many were read.
fn check(data: &ResultsData, lang: Lang) -> usize {
    let sentences = data.sentences(lang);
    let findings: &[Finding] = &data.results.findings;
    assert_eq!(sentences.len(), findings.len());
    for (finding, sentence) in findings.iter().zip(&sentences) {
        let text = &sentence.text;
        for broken in [
            "{", "}", "  ", " ,", ": ,", ": .", "„“", "“”", "()", " :", ",,", ";;",
        ] {
            assert!(
                !text.contains(broken),
                "{broken:?} in {text:?} for {finding:?}"
            );
        }
        assert!(!text.trim().is_empty());
        let goal = |p| data.goal(p, lang);
        let group = |g| data.group(g, lang);
        let named: Vec<String> = match finding {
            Finding::Lead {
                leader,
                contenders,
                followers,
                ..
            } => std::iter::once(leader)
                .chain(contenders.iter().take(3))
                .chain(followers)
                .map(goal)
                .collect(),
            Finding::CommonGround { priorities, .. } => priorities.iter().map(goal).collect(),
            Finding::Split(split) => vec![
                goal(&split.priority),
                group(&split.high.group),
                group(&split.low.group),
            ],
            Finding::Conflict { groups, .. } => groups.iter().map(|(g, _)| group(g)).collect(),
            Finding::Weighting { flips, .. } => flips
                .iter()
                .take(1)
                .flat_map(|f| [goal(&f.raw_ahead), goal(&f.equal_ahead)])
                .collect(),
            Finding::SmallGroups { groups, .. } => groups.iter().map(group).collect(),
            _ => Vec::new(),
        };
        for name in named {
            assert!(text.contains(&name), "{name:?} missing from {text:?}");
        }
        if let Finding::Lead {
            certainty: mitreden_core::results::findings::LeadCertainty::NearTie,
            contenders,
            ..
        } = finding
        {
            assert!(!contenders.is_empty(), "a near tie with nobody: {text:?}");
        }
    }
    sentences.len()
}

#[test]
fn every_sentence_names_whom_its_finding_names_and_leaves_nothing_empty() {
    let mut read = 0;
    for (i, scenario) in scenarios().iter().enumerate() {
        let consultation = scenario.consultation();
        let mut rng = Random::new(40 + i as u64);
        for _ in 0..12 {
            let results: Results = scenario.once(&consultation, &mut rng).results;
            let data = ResultsData {
                consultation: consultation.clone(),
                results,
                days: Vec::new(),
                read_at: 1_765_000_000,
                public: true,
            };
            read += check(&data, Lang::De) + check(&data, Lang::En);
        }
    }
    assert!(read > 300, "only {read} sentences read");
}
