//! A service embedding bimer: triage a batch of applications, keep the
//! admissible ones with their route and due date, and explain one deadline.
//!
//! ```text
//! cargo run --example service -- examples/data/applications.jsonl
//! ```

use std::collections::BTreeMap;
use std::error::Error;

use bimer::{deadline_for, Application, Engine, Procedure, Severity};

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/applications.jsonl".to_string());
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;

    // One engine per service: bundled calendar and registry, plus this
    // deployment's reciprocity list (4982 m.4; 3071 m.3/2).
    let engine = Engine::default().with_reciprocity(["DE", "AZ", "NL"]);

    let mut per_unit: BTreeMap<String, usize> = BTreeMap::new();
    let (mut admissible, mut refused, mut unreadable) = (0, 0, 0);
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let app = match Application::from_json(line) {
            Ok(app) => app,
            Err(e) => {
                // The error names the field; it never contains an identity number.
                eprintln!("line {}: {e}", n + 1);
                unreadable += 1;
                continue;
            }
        };
        let decision = engine.triage(&app);
        if decision.admissible {
            admissible += 1;
            let unit = decision
                .route
                .as_ref()
                .and_then(|r| r.unit.clone().or(r.institution.clone()))
                .unwrap_or_else(|| "(route left to the officer)".into());
            *per_unit.entry(unit).or_default() += 1;
        } else {
            refused += 1;
            let reasons: Vec<String> = decision
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Blocking)
                .map(|f| format!("{:?} ({})", f.code, f.citation))
                .collect();
            println!("{}: not examined: {}", decision.id, reasons.join("; "));
        }
    }
    println!("\n{admissible} admissible, {refused} not examined, {unreadable} unreadable");
    println!("\nadmissible applications per unit:");
    for (unit, count) in &per_unit {
        println!("  {count:>3}  {unit}");
    }

    // Explain one deadline as an officer would read it.
    let received = chrono::NaiveDate::from_ymd_opt(2027, 2, 15).expect("valid date");
    let due = deadline_for(engine.calendar(), Procedure::InformationRequest, received)?;
    let why = due.explain(engine.calendar())?;
    println!(
        "\n4982 information request received {received}: due {} (extendable to {}), {}",
        due.due_on,
        due.extendable_to.map_or("-".into(), |d| d.to_string()),
        due.citation
    );
    for day in &why.skipped {
        println!(
            "  skipped {} {:?} {}",
            day.date,
            day.kind,
            day.name_tr.as_deref().unwrap_or("")
        );
    }
    for rule in &why.rules {
        println!("  rule: {rule}");
    }
    Ok(())
}
