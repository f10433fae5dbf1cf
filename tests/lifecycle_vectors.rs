//! Golden case histories shared by every binding: `tests/vectors/lifecycle/*.json`.
//!
//! Each file holds a case history and either the exact status expected on
//! each of some days, or the error code and the article its message starts
//! with. The dates in them were checked against numpy's `busday_offset`.

use std::fs;
use std::path::Path;

use bimer::{Calendar, Case, Error};
use chrono::NaiveDate;
use serde_json::Value;

#[test]
fn lifecycle_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/lifecycle");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let cal = Calendar::turkey();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        let v: Value = serde_json::from_str(&fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let case =
            Case::from_json(&v["case"].to_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(Case::from_json(&case.to_json()).unwrap(), case, "{name}");
        if let Some(expected) = v.get("error") {
            let e = Error::from(case.status(&cal, case.received_on).unwrap_err());
            assert_eq!(e.code(), expected["code"], "{name}: {e}");
            let article = expected["message_starts_with"].as_str().unwrap();
            assert!(e.to_string().starts_with(article), "{name}: {e}");
            continue;
        }
        let statuses = v["statuses"].as_array().unwrap();
        assert!(!statuses.is_empty(), "{name}");
        for step in statuses {
            let as_of: NaiveDate = serde_json::from_value(step["as_of"].clone()).unwrap();
            let status = case
                .status(&cal, as_of)
                .unwrap_or_else(|e| panic!("{name} {as_of}: {e}"));
            assert_eq!(
                serde_json::to_value(&status).unwrap(),
                step["status"],
                "{name} {as_of}"
            );
        }
    }
    assert!(files.len() >= 20, "only {} vectors", files.len());
}
