//! Golden deadline vectors shared by every binding: `tests/vectors/deadlines.jsonl`.
//!
//! Each line names a procedure, a receipt date and optionally a policy, and
//! gives the expected due date, extension limit and citation, or the error code.

use bimer::{deadline_for, Calendar, Error, Policy, Procedure};
use chrono::NaiveDate;
use serde_json::Value;

#[test]
fn deadline_vectors() {
    let text = include_str!("vectors/deadlines.jsonl");
    let mut checked = 0;
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
        let name = v["name"].as_str().unwrap();
        let policy: Policy = v
            .get("policy")
            .map(|p| serde_json::from_value(p.clone()).unwrap())
            .unwrap_or_default();
        let cal = Calendar::turkey().with_policy(policy);
        let received: NaiveDate = serde_json::from_value(v["received_on"].clone()).unwrap();
        let procedure: Procedure = serde_json::from_value(v["procedure"].clone()).unwrap();
        match deadline_for(&cal, procedure, received).map_err(Error::from) {
            Ok(due) => {
                assert_eq!(due.due_on.to_string(), v["due_on"], "{name}");
                assert_eq!(
                    due.extendable_to.map(|d| d.to_string()),
                    v["extendable_to"].as_str().map(String::from),
                    "{name}"
                );
                assert_eq!(due.citation.as_ref(), v["citation"], "{name}");
                assert_eq!(
                    due.estimated,
                    v["estimated"].as_bool().unwrap_or(false),
                    "{name}"
                );
            }
            Err(e) => assert_eq!(Some(e.code()), v["error"].as_str(), "{name}: {e}"),
        }
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} vectors");
}
