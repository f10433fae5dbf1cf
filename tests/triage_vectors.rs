//! Golden triage vectors shared by every binding: `tests/vectors/triage/*.json`.
//!
//! Each file holds an application, hand-written expectations from the law
//! (`expect`: admissible, finding codes, route, due dates) and the full
//! expected decision (`decision`), which the Python, Kotlin and Swift suites
//! compare too. `BIMER_BLESS=1 cargo test --test triage_vectors` writes the
//! engine's decision into files whose `expect` it satisfies; the hand-written
//! expectations are never rewritten.

use std::collections::BTreeSet;
use std::path::PathBuf;

use bimer::{triage, Application, RULES};
use serde_json::{json, Value};

fn vectors() -> Vec<(PathBuf, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/triage");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v)
        })
        .collect()
}

fn expectation_failures(decision: &Value, expect: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let codes: BTreeSet<&str> = decision["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    let expected: BTreeSet<&str> = expect["codes"]
        .as_array()
        .expect("expect.codes")
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    if codes != expected {
        failures.push(format!("codes {codes:?} != expected {expected:?}"));
    }
    if decision["admissible"] != expect["admissible"] {
        failures.push(format!(
            "admissible {} != {}",
            decision["admissible"], expect["admissible"]
        ));
    }
    let route = &decision["route"];
    let want = &expect["route"];
    if want.is_null() != route.is_null()
        || (!want.is_null()
            && ["authority", "institution", "unit"]
                .iter()
                .any(|k| route[k] != want[k]))
    {
        failures.push(format!("route {route} != expected {want}"));
    }
    let deadline = &decision["deadline"];
    for key in ["due_on", "extendable_to"] {
        let got = if deadline.is_null() {
            &Value::Null
        } else {
            &deadline[key]
        };
        if got != &expect[key] {
            failures.push(format!("{key} {got} != expected {}", expect[key]));
        }
    }
    failures
}

#[test]
fn triage_vectors() {
    let bless = std::env::var_os("BIMER_BLESS").is_some();
    let all = vectors();
    assert!(all.len() >= 45, "only {} triage vectors", all.len());
    let mut failures = Vec::new();
    for (path, mut v) in all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            v["article"].as_str().is_some_and(|a| !a.is_empty()),
            "{name}: no article"
        );
        let app = Application::from_json(&v["application"].to_string())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let decision = serde_json::to_value(triage(&app)).unwrap();
        let wrong = expectation_failures(&decision, &v["expect"]);
        if !wrong.is_empty() {
            failures.push(format!("{name} ({}): {}", v["article"], wrong.join("; ")));
            continue;
        }
        if bless {
            v["decision"] = decision;
            let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
        } else if v.get("decision") != Some(&decision) {
            failures.push(format!(
                "{name}: decision differs from the golden one (BIMER_BLESS=1 to accept):\n  got  {decision}\n  want {}",
                v.get("decision").unwrap_or(&json!(null))
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} vector(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every eligibility rule (code, severity, citation) and every route
/// authority is exercised by at least one golden vector.
#[test]
fn vectors_cover_every_rule_and_route() {
    let mut fired = BTreeSet::new();
    let mut authorities = BTreeSet::new();
    for (_, v) in vectors() {
        let d = &v["decision"];
        for f in d["findings"].as_array().into_iter().flatten() {
            fired.insert((
                f["code"].to_string(),
                f["severity"].to_string(),
                f["citation"].to_string(),
            ));
        }
        if let Some(a) = d["route"]["authority"].as_str() {
            authorities.insert(a.to_string());
        }
    }
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|r| {
            let f = r.finding();
            let key = (
                serde_json::to_value(f.code).unwrap().to_string(),
                serde_json::to_value(f.severity).unwrap().to_string(),
                json!(f.citation).to_string(),
            );
            !fired.contains(&key)
        })
        .map(|r| r.id)
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a golden vector: {missing:?}"
    );
    for a in [
        "institution",
        "etik_kurulu",
        "disiplin_kurulu",
        "insan_haklari_kurulu",
        "tihek",
    ] {
        assert!(authorities.contains(a), "no vector routes to {a}");
    }
}

/// A rule is identified in a decision by its code, severity and citation.
#[test]
fn rules_are_distinguishable_in_decisions() {
    let mut seen = BTreeSet::new();
    for r in RULES {
        let f = r.finding();
        assert!(
            seen.insert((f.code, f.severity, f.citation.clone())),
            "rule {} has the same code, severity and citation as another",
            r.id
        );
        assert!(!r.citation.is_empty() && !r.message_tr.is_empty() && !r.message_en.is_empty());
    }
}
