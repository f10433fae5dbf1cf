//! The typed layer is lossless: for every golden vector, the application read
//! into the FFI records, triaged through the typed API and written back to the
//! wire format gives exactly the golden decision, as does the JSON API. The
//! Kotlin and Swift suites check the same across the FFI.

use std::path::PathBuf;

use bimer_ffi::{
    application_from_json, application_to_json, decision_to_json, triage, triage_json, Application,
    BimerError,
};
use serde_json::Value;

fn vectors() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/triage");
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
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn typed_and_json_apis_give_the_golden_decisions() {
    let all = vectors();
    assert!(all.len() >= 45, "only {} vectors", all.len());
    let mut failures = Vec::new();
    for (name, v) in all {
        let wire = v["application"].to_string();
        let golden = &v["decision"];

        let json: Value = serde_json::from_str(&triage_json(wire.clone()).unwrap()).unwrap();
        if &json != golden {
            failures.push(format!("{name}: triage_json gives {json}"));
        }

        // Typed records read straight from the wire JSON (serde) ...
        let typed: Application = serde_json::from_str(&wire).unwrap();
        let decision = triage(typed.clone()).unwrap();
        let back: Value = serde_json::from_str(&decision_to_json(decision).unwrap()).unwrap();
        if &back != golden {
            failures.push(format!("{name}: typed triage gives {back}"));
        }
        // The typed layer loses nothing: the same as the JSON API.
        assert_eq!(back, json, "{name}: typed and JSON APIs differ");

        // ... and through the core's parser give the same decision.
        let parsed = application_from_json(wire).unwrap();
        assert_eq!(
            triage(parsed.clone()).unwrap(),
            triage(typed).unwrap(),
            "{name}"
        );
        let again = application_from_json(application_to_json(parsed.clone()).unwrap()).unwrap();
        assert_eq!(again, parsed, "{name}: application round trip");
    }
    assert!(
        failures.is_empty(),
        "{} differ from the golden decision:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let e =
        triage_json(r#"{"id":"A","received_on":"2026-01-05","chanel":"web"}"#.into()).unwrap_err();
    assert!(
        matches!(&e, BimerError::InvalidInput { code, field, .. } if code == "invalid_application" && field == "chanel"),
        "{e:?}"
    );
}
