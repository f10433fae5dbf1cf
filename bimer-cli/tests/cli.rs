//! The `bimer` command end to end.

use std::io::Write;
use std::process::{Command, Output, Stdio};

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

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// docs/rules.md is generated from the rule tables; keep them equal.
#[test]
fn docs_rules_md_matches_the_rule_tables() {
    let out = bimer(&["rules", "--markdown"], "");
    assert!(out.status.success());
    let docs = include_str!("../../docs/rules.md");
    assert!(
        String::from_utf8(out.stdout).unwrap() == docs,
        "docs/rules.md is stale: run `cargo run -p bimer-cli -- rules --markdown > docs/rules.md`"
    );
}

/// The golden cases of the foundation issue, from the command line.
#[test]
fn deadline_golden_cases() {
    for (args, due, extendable) in [
        (
            vec![
                "--received",
                "2026-12-31",
                "--category",
                "information_request",
            ],
            "2027-01-22",
            Some("2027-02-12"),
        ),
        (
            vec!["--received", "2026-12-02", "--category", "petition"],
            "2027-01-04",
            None,
        ),
        (
            vec![
                "--received",
                "2027-02-15",
                "--category",
                "information_request",
            ],
            "2027-03-12",
            Some("2027-04-01"),
        ),
        (
            vec![
                "--received",
                "2027-02-15",
                "--category",
                "information_request",
                "--half-day-policy",
                "working-day",
            ],
            "2027-03-08",
            Some("2027-04-01"),
        ),
        (
            vec!["--received", "2027-02-15", "--period", "15bd"],
            "2027-03-12",
            None,
        ),
        (
            vec![
                "--received",
                "2026-08-31",
                "--category",
                "human_rights",
                "--authority",
                "tihek",
            ],
            "2026-11-30",
            Some("2027-03-01"),
        ),
        (
            vec!["--received", "2026-12-17", "--category", "bedk_objection"],
            "2027-01-04",
            None,
        ),
    ] {
        let mut all = vec!["deadline"];
        all.extend(args.iter());
        let out = bimer(&all, "");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v = json(&out);
        assert_eq!(v["due_on"], due, "{args:?}");
        assert_eq!(v["extendable_to"].as_str(), extendable, "{args:?}");
    }
}

#[test]
fn deadline_explains_skipped_days() {
    let out = bimer(
        &[
            "deadline",
            "--received",
            "2026-12-02",
            "--category",
            "petition",
            "--explain",
        ],
        "",
    );
    let v = json(&out);
    let skipped = v["explanation"]["skipped"].as_array().unwrap();
    assert_eq!(skipped[0]["name_tr"], "Yılbaşı");
    assert_eq!(skipped[0]["reason"], "period_cannot_end_here");
    assert!(v["explanation"]["rules"][0]
        .as_str()
        .unwrap()
        .starts_with("3071 m.7"));
}

#[test]
fn bad_input_is_one_clear_line_on_stderr() {
    for args in [
        vec!["deadline", "--received", "2026-02-30", "--period", "15bd"],
        vec!["deadline", "--received", "2026-02-03", "--period", "15x"],
        vec!["deadline", "--received", "2040-12-20", "--period", "15bd"],
        vec![
            "deadline",
            "--received",
            "2026-02-03",
            "--category",
            "ethics_complaint",
        ],
        vec!["deadline", "--received", "2026-02-03", "--category", "poem"],
        vec![
            "deadline",
            "--received",
            "2015-02-03",
            "--category",
            "human_rights",
            "--authority",
            "tihek",
        ],
        vec!["holidays", "--year", "2041"],
    ] {
        let out = bimer(&args, "");
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("bimer: error: "), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn holidays_of_a_year() {
    let v = json(&bimer(&["holidays", "--year", "2027"], ""));
    let days = v.as_array().unwrap();
    assert_eq!(days[0]["date"], "2027-01-01");
    assert!(days
        .iter()
        .any(|d| d["date"] == "2027-03-08" && d["half_day"] == true));
    let estimated = json(&bimer(&["holidays", "--year", "2035"], ""));
    assert!(estimated
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["estimated"] == true));
}

#[test]
fn calendar_patch_from_a_file() {
    let dir = std::env::temp_dir().join(format!("bimer-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("extra.json");
    std::fs::write(
        &path,
        r#"{"administrative_leave": [{"date": "2027-01-04", "portion": "full", "occasion": "test"}]}"#,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let base = json(&bimer(
        &[
            "deadline",
            "--received",
            "2026-12-02",
            "--category",
            "petition",
        ],
        "",
    ));
    assert_eq!(base["due_on"], "2027-01-04");
    let leave = json(&bimer(
        &[
            "deadline",
            "--received",
            "2026-12-02",
            "--category",
            "petition",
            "--calendar",
            path,
            "--leave-as-holiday",
        ],
        "",
    ));
    assert_eq!(leave["due_on"], "2027-01-05");
    std::fs::write(
        dir.join("bad.json"),
        r#"{"holidays": [{"date": "2027-01-04"}]}"#,
    )
    .unwrap();
    let bad = bimer(
        &[
            "deadline",
            "--received",
            "2026-12-02",
            "--period",
            "30d",
            "--calendar",
            dir.join("bad.json").to_str().unwrap(),
        ],
        "",
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("name_tr"));
}

/// Broken lines are answered in place; every good line still gets its decision.
#[test]
fn triage_streams_in_order_and_survives_bad_lines() {
    let good = r#"{"id":"G-1","received_on":"2026-12-31","channel":"web","category":"information_request","subject":"Bilgi","applicant":{"type":"person","name":"Ayşe Yılmaz","tckn":"10000000146","address":"Ankara"}}"#;
    let input = format!(
        "{good}\nnot json\n\n{{\"id\":\"B\",\"received_on\":\"2026-02-30\"}}\n\u{feff}{}\n{}\n",
        good.replace("G-1", "G-2"),
        good.replace("G-1", "G-3")
            .replace("\"tckn\":\"10000000146\"", "\"tckn\":10000000146")
    );
    let out = bimer(&["triage"], &input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "G-1");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["error"]["field"], "received_on");
    assert_eq!(lines[3]["id"], "G-2");
    assert_eq!(lines[4]["error"]["field"], "applicant.tckn");
    // No identity number in full anywhere in the output.
    assert!(!lines[4].to_string().contains("10000000146"));
    let ok = bimer(&["triage", "-"], &format!("{good}\n"));
    assert_eq!(ok.status.code(), Some(0));
    let missing = bimer(&["triage", "/no/such/file.jsonl"], "");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn overlong_line_is_refused_not_buffered() {
    let good = r#"{"id":"G","received_on":"2026-12-31","category":"petition","subject":"x"}"#;
    let long = format!(
        "{{\"id\":\"L\",\"received_on\":\"2026-12-31\",\"text\":\"{}\"}}",
        "a".repeat(1 << 21)
    );
    let out = bimer(&["triage"], &format!("{long}\n{good}\n"));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("line_too_long"));
    assert!(lines[1].contains("\"id\":\"G\""));
}
