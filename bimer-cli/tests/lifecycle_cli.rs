//! `bimer status` and `bimer recompute` end to end: the issue's "done when"
//! (a 4982 case through every step; late extension and late objection
//! refused with the article) and the calendar-change report.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/data/case-4982.json"
);

fn bimer(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bimer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bimer runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn example() -> String {
    std::fs::read_to_string(EXAMPLE).unwrap()
}

/// A scratch directory for this test run.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bimer-lifecycle-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example 4982 case on each day of its history (dates checked with
/// numpy's busday_offset): 4982 m.11 extension and fee, m.13 objection.
#[test]
fn status_walks_the_example_case() {
    for (as_of, state, due_on, applicant) in [
        ("2025-04-30", "received", Some("2025-05-07"), None),
        ("2025-05-07", "extended", Some("2025-05-29"), None),
        (
            "2025-05-14",
            "awaiting_fee",
            None,
            Some(("pay_fee", "2025-06-03")),
        ),
        ("2025-05-20", "extended", Some("2025-07-02"), None),
        (
            "2025-06-20",
            "answered",
            None,
            Some(("object_to_bedk", "2025-07-03")),
        ),
        ("2025-07-10", "objected", Some("2025-08-15"), None),
        ("2025-08-20", "objection_decided", None, None),
    ] {
        let out = bimer(&["status", EXAMPLE, "--as-of", as_of], "");
        assert!(out.status.success(), "{as_of}: {}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["state"], state, "{as_of}");
        assert_eq!(v["due_on"].as_str(), due_on, "{as_of}");
        let next = &v["next_deadline_for_applicant"];
        assert_eq!(
            applicant,
            next.as_object().map(|_| (
                next["action"].as_str().unwrap(),
                next["due_on"].as_str().unwrap()
            )),
            "{as_of}"
        );
    }
    // Without --as-of: today, long after BEDK decided.
    let out = bimer(&["status", EXAMPLE], "");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["state"], "objection_decided");
}

/// The same case with a late extension (4982 m.11) or a late objection
/// (4982 m.13): one line on stderr with the code and the article.
#[test]
fn late_extension_and_late_objection_are_refused_with_the_article() {
    for (from, to, expected) in [
        (
            "\"on\": \"2025-05-07\"",
            "\"on\": \"2025-05-08\"",
            "extension_late: 4982 m.11",
        ),
        (
            "\"on\": \"2025-07-03\"",
            "\"on\": \"2025-07-04\"",
            "objection_late: 4982 m.13",
        ),
    ] {
        let late = example().replace(from, to);
        assert_ne!(late, example());
        let out = bimer(&["status", "-", "--as-of", "2025-05-01"], &late);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("bimer: error: BE-2025-0142: ") && err.contains(expected),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn status_errors_name_the_field_or_the_problem() {
    let bad_date = example().replace("\"2025-05-12\"", "\"2025-05-32\"");
    let err = stderr(&bimer(&["status", "-"], &bad_date));
    assert!(err.contains("events[1].on"), "{err}");
    let stray = example().replace("\"amount\"", "\"amout\"");
    let err = stderr(&bimer(&["status", "-"], &stray));
    assert!(err.contains("events[1].amout"), "{err}");
    for args in [
        vec!["status", EXAMPLE, "--as-of", "2025-04-13"],
        vec!["status", EXAMPLE, "--as-of", "13.04.2025"],
        vec!["status", "/nonexistent/case.json"],
    ] {
        let out = bimer(&args, "");
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(stderr(&out).lines().count(), 1, "{args:?}");
    }
}

/// A new idari izin counted as a holiday moves the due dates running over
/// it; a broken line is reported in place and the exit status is 1.
#[test]
fn recompute_reports_what_moved() {
    let dir = scratch("recompute");
    let patch = dir.join("extra.json");
    std::fs::write(
        &patch,
        r#"{"administrative_leave": [{"date": "2025-05-06", "portion": "full", "occasion": "test"}]}"#,
    )
    .unwrap();
    let open = r#"{"id": "A", "category": "information_request", "authority": "institution", "received_on": "2025-04-14"}"#;
    let fee = r#"{"id": "B", "category": "information_request", "authority": "institution", "received_on": "2025-04-14", "events": [{"event": "fee_notified", "on": "2025-05-02", "amount": "5"}]}"#;
    let closed = r#"{"id": "C", "category": "information_request", "authority": "institution", "received_on": "2025-04-14", "events": [{"event": "answered", "on": "2025-04-20", "outcome": "granted"}]}"#;
    let petition = r#"{"id": "D", "category": "petition", "authority": "institution", "received_on": "2025-04-14"}"#;
    let cases = dir.join("cases.jsonl");
    std::fs::write(&cases, [open, fee, closed, petition].join("\n")).unwrap();
    let args = |cases: &str| {
        vec![
            "recompute".to_string(),
            cases.to_string(),
            "--calendar".into(),
            patch.to_str().unwrap().into(),
            "--leave-as-holiday".into(),
            "--as-of".into(),
            "2025-05-02".into(),
        ]
    };
    let run = |cases: &str, stdin: &str| {
        let a = args(cases);
        bimer(&a.iter().map(String::as_str).collect::<Vec<_>>(), stdin)
    };
    let out = run(cases.to_str().unwrap(), "");
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines,
        vec![
            serde_json::json!({"id": "A", "deadline": "information_request", "from": "2025-05-07", "to": "2025-05-08"}),
            serde_json::json!({"id": "B", "deadline": "pay_fee", "from": "2025-05-26", "to": "2025-05-27"}),
        ]
    );
    let out = run("-", &format!("{open}\n{{\"id\": \"E\"}}\n\n{closed}\n"));
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let bad: Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    assert_eq!(bad["line"], 2);
    assert_eq!(bad["error"]["code"], "invalid_case");
    assert_eq!(bad["error"]["field"], "category");
}

#[test]
fn recompute_needs_the_changed_calendar() {
    let out = bimer(&["recompute", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--calendar"), "{}", stderr(&out));
}
