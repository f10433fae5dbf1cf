//! Classification throughput over a JSON Lines corpus: the Rust side of
//! `benches/classify_baseline.py`, which compares bimer with a
//! straightforward Python regex classifier over the same lexicon.
//!
//! ```text
//! cargo run --release --example classify_corpus -- [FILE.jsonl…] [--repeat 9] [--min-bytes 4000000] [--labels OUT.tsv]
//! ```
//!
//! Each line is an object with `subject` and `text` (other fields are
//! ignored); the default files are `tests/data/classify/*.jsonl`. One timed
//! run classifies every application, passing over the corpus as often as it
//! takes to process `--min-bytes` bytes; the program reports the fastest of
//! `--repeat` runs for each loop over the same applications:
//!
//! * `classify`: [`Classifier::classify`] on subject and text: folding,
//!   matching with suffix checks, scoring, evidence;
//! * `bare_scan`: the floor, from the same raw subject and text: folding
//!   ([`FoldedText::fold`]) and the multi-pattern scan
//!   ([`Classifier::count_term_hits`]: every lexicon pattern found, nothing
//!   checked, scored or built). A Turkish-aware scan cannot skip folding:
//!   `ŞİKÂYET` must meet `şikâyet`;
//! * `scan_only`: the scan alone over keys folded before the timing, for
//!   reference.
//!
//! The rates are in MB (10^6 bytes) of the *original* UTF-8 subject and text
//! per second, on one thread, so they compare directly with each other and
//! with the Python side. It prints one JSON line. `--labels` writes
//! `category<TAB>petition_kind<TAB>topic` per application, in input order.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use bimer::text::FoldedText;
use bimer::Classifier;

struct Args {
    files: Vec<String>,
    repeat: usize,
    min_bytes: usize,
    labels: Option<String>,
}

const USAGE: &str =
    "usage: classify_corpus [FILE.jsonl…] [--repeat 9] [--min-bytes 4000000] [--labels OUT.tsv]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        files: Vec::new(),
        repeat: 9,
        min_bytes: 4_000_000,
        labels: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        let positive = |name: &str, v: String| {
            v.parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or(format!("{name} `{v}` is not a positive integer"))
        };
        match arg.as_str() {
            "--repeat" => args.repeat = positive("--repeat", value("--repeat")?)?,
            "--min-bytes" => args.min_bytes = positive("--min-bytes", value("--min-bytes")?)?,
            "--labels" => args.labels = Some(value("--labels")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => args.files.push(arg),
        }
    }
    if args.files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/classify");
        args.files = ["tuning.jsonl", "heldout.jsonl"]
            .iter()
            .map(|f| format!("{dir}/{f}"))
            .collect();
    }
    Ok(args)
}

fn read_corpus(files: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut corpus = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
            let field = |f: &str| v[f].as_str().unwrap_or_default().to_string();
            corpus.push((field("subject"), field("text")));
        }
    }
    if corpus.is_empty() {
        return Err("the corpus is empty".into());
    }
    Ok(corpus)
}

/// The fastest of `repeat` runs of `run`, in seconds: on a shared machine
/// the other runs measure the neighbours too (the advice of Python's
/// `timeit`, which the Python side follows).
fn best_seconds(repeat: usize, mut run: impl FnMut()) -> f64 {
    (0..repeat)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// The snake_case code of a wire value.
macro_rules! code {
    ($value:expr) => {
        serde_json::to_value($value)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    };
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let corpus = read_corpus(&args.files)?;
    let classifier = Classifier::default();
    let corpus_bytes: usize = corpus.iter().map(|(s, t)| s.len() + t.len()).sum();
    let passes = args.min_bytes.div_ceil(corpus_bytes).max(1);
    let bytes = (corpus_bytes * passes) as f64;

    let classify = best_seconds(args.repeat, || {
        for _ in 0..passes {
            for (subject, text) in &corpus {
                black_box(classifier.classify(black_box(subject), black_box(text)));
            }
        }
    });

    let (mut subject_key, mut text_key) = (FoldedText::default(), FoldedText::default());
    let mut hits = 0;
    let bare = best_seconds(args.repeat, || {
        hits = 0;
        for _ in 0..passes {
            for (subject, text) in &corpus {
                subject_key.fold(black_box(subject));
                text_key.fold(black_box(text));
                hits += classifier.count_term_hits(subject_key.key());
                hits += classifier.count_term_hits(text_key.key());
            }
        }
    });

    let folded: Vec<(String, String)> = corpus
        .iter()
        .map(|(s, t)| {
            let key = |x: &str| FoldedText::new(x).key().to_string();
            (key(s), key(t))
        })
        .collect();
    let mut scan_hits = 0;
    let scan_only = best_seconds(args.repeat, || {
        scan_hits = 0;
        for _ in 0..passes {
            for (subject, text) in &folded {
                scan_hits += classifier.count_term_hits(black_box(subject));
                scan_hits += classifier.count_term_hits(black_box(text));
            }
        }
    });
    if scan_hits != hits {
        return Err(format!("the scans disagree: {hits} and {scan_hits} hits"));
    }

    if let Some(path) = &args.labels {
        let mut out = String::new();
        for (subject, text) in &corpus {
            let c = classifier.classify(subject, text);
            let kind = c
                .petition_kind
                .map_or_else(|| "none".to_string(), |k| code!(k));
            out += &format!("{}\t{kind}\t{}\n", code!(c.category), code!(c.topic));
        }
        std::fs::write(path, out).map_err(|e| format!("cannot write {path}: {e}"))?;
    }

    // JSON has no infinity: a loop too fast for the clock has no rate.
    let rate = |seconds: f64| {
        if seconds > 0.0 {
            format!("{:.2}", bytes / seconds / 1e6)
        } else {
            "null".into()
        }
    };
    println!(
        "{{\"applications\":{},\"corpus_bytes\":{corpus_bytes},\"passes\":{passes},\"repeat\":{},\
         \"classify\":{{\"best_seconds\":{classify},\"mb_per_second\":{}}},\
         \"bare_scan\":{{\"best_seconds\":{bare},\"mb_per_second\":{},\"hits_per_pass\":{}}},\
         \"scan_only\":{{\"best_seconds\":{scan_only},\"mb_per_second\":{}}}}}",
        corpus.len(),
        args.repeat,
        rate(classify),
        rate(bare),
        hits / passes,
        rate(scan_only)
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("classify_corpus: {message}");
            ExitCode::FAILURE
        }
    }
}
