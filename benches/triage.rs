//! Criterion benchmark of triage per application: parse JSON, decide, write
//! the decision JSON, over the bundled example applications.

use std::hint::black_box;
use std::time::Duration;

use bimer::{Application, Engine};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let text = include_str!("../examples/data/applications.jsonl");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let engine = Engine::default();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();

    let mut group = c.benchmark_group("triage");
    group
        .measurement_time(Duration::from_secs(4))
        .sample_size(30);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse_decide_serialise", |b| {
        let mut out = Vec::with_capacity(1 << 16);
        b.iter(|| {
            out.clear();
            for line in &lines {
                match engine.triage_json(black_box(line)) {
                    Ok(d) => serde_json::to_writer(&mut out, &d).unwrap(),
                    Err(e) => out.extend_from_slice(e.field.as_bytes()),
                }
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });
    let apps: Vec<Application> = lines
        .iter()
        .filter_map(|l| Application::from_json(l).ok())
        .collect();
    group.throughput(Throughput::Elements(apps.len() as u64));
    group.bench_function("decide_only", |b| {
        b.iter(|| {
            for app in &apps {
                black_box(engine.triage(black_box(app)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
