//! The feature matrix behind `scripts/fit_lexicon.py`: which lexicon terms,
//! and which candidate word stems, each labelled application contains.
//!
//! ```text
//! cargo run --release --example lexicon_features -- LEXICON.csv OUT.json CORPUS.jsonl…
//! ```
//!
//! A feature is a lexicon term (its text and match mode, whatever its
//! labels) or a candidate stem: the first five letters of a word, matched as
//! a prefix, found in at least four applications of the corpus. Each feature
//! is matched alone, through a one-term [`Classifier`], so it meets the
//! words exactly as the bundled classifier would. An application's value
//! for a feature is 0, 1 (found in the text) or the lexicon's
//! `subject_weight` (found in the subject), as in the classifier's scoring.

use std::collections::{BTreeMap, BTreeSet};

use bimer::text::FoldedText;
use bimer::{Classifier, TextField};
use serde_json::{json, Value};

const STEM_LETTERS: usize = 5;
const MIN_DOCUMENTS: usize = 4;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lexicon_path, out_path, corpus @ ..] = args.as_slice() else {
        return Err("usage: lexicon_features LEXICON.csv OUT.json CORPUS.jsonl…".into());
    };
    let lexicon = std::fs::read_to_string(lexicon_path)?;
    let mut items: Vec<Value> = Vec::new();
    for path in corpus {
        for line in std::fs::read_to_string(path)?.lines() {
            items.push(serde_json::from_str(line)?);
        }
    }
    // (subject, text) of each application, read once.
    let texts: Vec<(&str, &str)> = items
        .iter()
        .map(|item| {
            let field = |name: &str| item[name].as_str().unwrap_or_default();
            (field("subject"), field("text"))
        })
        .collect();

    // Lexicon terms, once per (term, mode), in file order.
    let mut subject_weight = 1.5;
    let mut features: Vec<(String, String)> = Vec::new();
    let mut known = BTreeSet::new();
    for line in lexicon.lines().skip(1) {
        let cells: Vec<&str> = line.splitn(5, ',').collect();
        if line.starts_with('#') || cells.len() < 4 || cells[1] == "*" {
            continue;
        }
        if cells[0] == "setting" {
            if cells[1] == "subject_weight" {
                subject_weight = cells[3].parse()?;
            }
            continue;
        }
        let mode = if cells[2].is_empty() {
            "stem"
        } else {
            cells[2]
        };
        if known.insert((cells[1].to_string(), mode.to_string())) {
            features.push((cells[1].to_string(), mode.to_string()));
        }
    }
    let lexicon_features = features.len();

    // Candidate stems: five-letter word starts shared by enough applications.
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    for (subject, text) in &texts {
        let folded = FoldedText::new(&format!("{subject} {text}"));
        let stems: BTreeSet<&str> = folded
            .key()
            .split(' ')
            .filter(|w| w.len() >= STEM_LETTERS && w.bytes().all(|b| b.is_ascii_lowercase()))
            .map(|w| &w[..STEM_LETTERS])
            .collect();
        for stem in stems {
            *documents.entry(stem.to_string()).or_default() += 1;
        }
    }
    for (stem, n) in documents {
        if n >= MIN_DOCUMENTS && known.insert((stem.clone(), "prefix".to_string())) {
            features.push((stem, "prefix".to_string()));
        }
    }

    let mut rows: Vec<Vec<(usize, f64)>> = vec![Vec::new(); items.len()];
    for (f, (term, mode)) in features.iter().enumerate() {
        let mode = if mode == "stem" { "" } else { mode.as_str() };
        let alone = Classifier::from_lexicon(&format!(
            "label,term,match,weight,note\ntopic:health,{term},{mode},2,"
        ))?;
        for (i, (subject, text)) in texts.iter().enumerate() {
            let c = alone.classify(subject, text);
            if let Some(e) = c.evidence.first() {
                let x = match e.field {
                    Some(TextField::Subject) => subject_weight,
                    _ => 1.0,
                };
                rows[i].push((f, x));
            }
        }
    }
    let out = json!({
        "features": features.iter().enumerate().map(|(f, (term, mode))| json!({
            "term": term, "mode": mode, "lexicon": f < lexicon_features,
        })).collect::<Vec<_>>(),
        "items": items.iter().zip(&rows).map(|(item, row)| json!({
            "id": item["id"], "category": item["category"],
            "petition_kind": item["petition_kind"], "topic": item["topic"],
            "x": row,
        })).collect::<Vec<_>>(),
    });
    std::fs::write(out_path, serde_json::to_string(&out)?)?;
    eprintln!(
        "{} applications, {} features ({} from the lexicon)",
        items.len(),
        features.len(),
        lexicon_features
    );
    Ok(())
}
