//! `bimer classify` end to end.

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
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    // bimer may exit before reading (a bad --lexicon, --text given): a
    // broken pipe then is expected, anything else is not.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    child.wait_with_output().expect("bimer exits")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// The acceptance example.
#[test]
fn hospital_complaint_from_stdin() {
    let out = bimer(
        &["classify"],
        "Hastanede doktor bana kötü davrandı, şikayetçiyim\n",
    );
    let c = json(&out);
    assert_eq!(c["category"], "petition");
    assert_eq!(c["petition_kind"], "complaint");
    assert_eq!(c["topic"], "health");
    assert_eq!(c["needs_review"], false);
    let evidence = c["evidence"].as_array().expect("evidence");
    let hospital = evidence
        .iter()
        .find(|e| e["term"] == "hastane")
        .expect("hastane is evidence");
    assert_eq!(hospital["matched"], "Hastanede");
    assert_eq!(hospital["field"], "text");
    assert_eq!(hospital["label"], "topic:health");
    assert!(evidence
        .iter()
        .any(|e| e["label"] == "petition_kind:complaint" && e["matched"] == "şikayetçiyim"));
}

#[test]
fn subject_and_text_flags_without_turkish_letters() {
    let out = bimer(
        &[
            "classify",
            "--subject",
            "BILGI EDINME",
            "--text",
            "4982 sayili kanun kapsaminda vergi dairesinin 2024 haciz sayisini ogrenmek istiyorum",
        ],
        "stdin is not read when --text is given",
    );
    let c = json(&out);
    assert_eq!(c["category"], "information_request");
    assert_eq!(c["petition_kind"], serde_json::Value::Null);
    assert_eq!(c["topic"], "tax");
    assert!(c["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .any(|e| e["field"] == "subject" && e["matched"] == "BILGI EDINME"));
}

#[test]
fn nothing_recognised_needs_review() {
    let c = json(&bimer(&["classify"], "xyzzy qwerty"));
    assert_eq!(c["needs_review"], true);
    assert_eq!(c["confidence"], 0.0);
    assert_eq!(c["topic"], "other");
}

#[test]
fn suggested_facts_are_reported() {
    let c = json(&bimer(
        &["classify"],
        "Ev sahibim kira sözleşmesi bitmeden beni çıkarmaya çalışıyor, mahkemede dava açtım.",
    ));
    let facts: Vec<&str> = c["suggested_facts"]
        .as_array()
        .expect("suggested_facts")
        .iter()
        .map(|f| f["fact"].as_str().expect("fact"))
        .collect();
    assert!(facts.contains(&"pending_in_court"), "{facts:?}");
    assert!(facts.contains(&"private_law_dispute"), "{facts:?}");
}

#[test]
fn a_deployment_lexicon_replaces_the_bundled_one() {
    let dir = std::env::temp_dir().join(format!("bimer-classify-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let good = dir.join("lexicon.csv");
    std::fs::write(
        &good,
        "label,term,match,weight,note\ncategory:petition,*,,1,\ntopic:energy,rüzgâr santrali,,3,\n",
    )
    .expect("write lexicon");
    let c = json(&bimer(
        &["classify", "--lexicon", good.to_str().expect("utf-8 path")],
        "Rüzgar santralinin gürültüsü",
    ));
    assert_eq!(c["topic"], "energy");

    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "label,term,match,weight,note\ntopic:moon,x,,1,\n").expect("write");
    let out = bimer(
        &["classify", "--lexicon", bad.to_str().expect("utf-8 path")],
        "x",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2") && err.contains("topic:moon"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_describes_the_command() {
    let out = bimer(&["classify", "--help"], "");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--subject") && help.contains("--lexicon"),
        "{help}"
    );
}
