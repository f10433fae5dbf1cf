//! Classification throughput over the labelled corpus
//! (`tests/data/classify/*.jsonl`, 330 applications, subject + text).
//!
//! Three groups report MB/s (10^6 bytes of the original UTF-8 subject and
//! text) per core, so they compare directly:
//!
//! * `classify/bimer`: [`Classifier::classify`], the whole job;
//! * `classify/bare_scan`: the floor, folding and the multi-pattern scan
//!   ([`FoldedText::fold`] + [`Classifier::count_term_hits`]) with no suffix
//!   checks, scoring or evidence;
//! * `classify/scan_only`: the scan over keys folded before the timing.
//!
//! `python benches/classify_baseline.py` puts the same figures beside a
//! Python regex classifier over the same lexicon, in one run.

use std::hint::black_box;

use bimer::text::FoldedText;
use bimer::Classifier;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/classify");
    let mut corpus = Vec::new();
    for file in ["tuning.jsonl", "heldout.jsonl"] {
        let path = format!("{dir}/{file}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            let field = |f: &str| v[f].as_str().unwrap_or_default().to_string();
            corpus.push((field("subject"), field("text")));
        }
    }
    corpus
}

fn bench_classify(c: &mut Criterion) {
    let corpus = corpus();
    let classifier = Classifier::default();
    let bytes: usize = corpus.iter().map(|(s, t)| s.len() + t.len()).sum();
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::BytesDecimal(bytes as u64));

    group.bench_function("bimer", |b| {
        b.iter(|| {
            for (subject, text) in &corpus {
                black_box(classifier.classify(black_box(subject), black_box(text)));
            }
        })
    });

    let (mut subject_key, mut text_key) = (FoldedText::default(), FoldedText::default());
    group.bench_function("bare_scan", |b| {
        b.iter(|| {
            let mut hits = 0;
            for (subject, text) in &corpus {
                subject_key.fold(black_box(subject));
                text_key.fold(black_box(text));
                hits += classifier.count_term_hits(subject_key.key());
                hits += classifier.count_term_hits(text_key.key());
            }
            hits
        })
    });

    let folded: Vec<(String, String)> = corpus
        .iter()
        .map(|(s, t)| {
            (
                FoldedText::new(s).key().to_string(),
                FoldedText::new(t).key().to_string(),
            )
        })
        .collect();
    group.bench_function("scan_only", |b| {
        b.iter(|| {
            folded
                .iter()
                .map(|(s, t)| {
                    classifier.count_term_hits(black_box(s))
                        + classifier.count_term_hits(black_box(t))
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
