//! Deadline and calendar arithmetic throughput.
//!
//! Every query of a [`Calendar`] is a few array lookups, so the figures here
//! are per-date costs of the public API over 10,000 pseudo-random dates
//! (a fixed LCG, so runs are comparable). Run with
//! `cargo bench --bench deadline`; each benchmark reports elements per second.
//!
//! Receipt dates are drawn from 2004-01-01 to 2039-12-31, but not before the
//! procedure's law came into force (4982: 2004-04-24; 6701: 2016-04-20), so
//! every call takes the full path instead of the early `NotInForce` return.

use std::hint::black_box;
use std::time::Duration;

use bimer::{deadline_for, Calendar, Procedure};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const N: usize = 10_000;
const UNIX_FROM_CE: i32 = 719_163;

/// A 64-bit LCG (Knuth's MMIX constants); the high bits are the usable ones.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// Uniform-enough integer in `[lo, hi]` (the bias is irrelevant here).
    fn between(&mut self, lo: i32, hi: i32) -> i32 {
        lo + (self.next() % u64::from((hi - lo + 1) as u32)) as i32
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// `N` dates in `[from, to]`, the same for the same `seed`.
fn dates(seed: u64, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    use chrono::Datelike;
    let mut rng = Lcg(seed);
    let (lo, hi) = (from.num_days_from_ce(), to.num_days_from_ce());
    (0..N)
        .map(|_| NaiveDate::from_num_days_from_ce_opt(rng.between(lo, hi)).expect("in range"))
        .collect()
}

fn receipt_dates(procedure: Procedure) -> Vec<NaiveDate> {
    let from = procedure.rule().valid_from.max(ymd(2004, 1, 1));
    dates(0x5eed_0001, from, ymd(2039, 12, 31))
}

fn bench_deadline_for(c: &mut Criterion) {
    let cal = Calendar::turkey();
    let mut group = c.benchmark_group("deadline_for");
    group.throughput(Throughput::Elements(N as u64));
    for (label, procedure) in [
        (
            "information_request_15_business_days",
            Procedure::InformationRequest,
        ),
        ("petition_30_days", Procedure::Petition),
        ("tihek_3_months", Procedure::Tihek),
    ] {
        let days = receipt_dates(procedure);
        // Every date must be answerable, or the benchmark measures errors.
        for &d in &days {
            deadline_for(&cal, procedure, d).expect("benchmark dates are in range");
        }
        group.bench_with_input(BenchmarkId::from_parameter(label), &days, |b, days| {
            b.iter(|| {
                for &d in days {
                    black_box(deadline_for(&cal, procedure, black_box(d)).ok());
                }
            })
        });
    }
    group.finish();
}

fn bench_calendar(c: &mut Criterion) {
    let cal = Calendar::turkey();
    let days = dates(0x5eed_0002, ymd(2004, 1, 1), ymd(2039, 12, 31));
    let epoch: Vec<i64> = {
        use chrono::Datelike;
        days.iter()
            .map(|d| i64::from(d.num_days_from_ce() - UNIX_FROM_CE))
            .collect()
    };
    // Pairs up to about a year apart, in either order.
    let pairs: Vec<(NaiveDate, NaiveDate)> = {
        let mut rng = Lcg(0x5eed_0003);
        let (lo, hi) = (ymd(2004, 1, 1), ymd(2039, 12, 31));
        days.iter()
            .map(|&d| {
                let e = d + chrono::Duration::days(i64::from(rng.between(-366, 366)));
                (d, e.clamp(lo, hi))
            })
            .collect()
    };

    let mut group = c.benchmark_group("calendar");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function("add_business_days_15", |b| {
        b.iter(|| {
            for &d in &days {
                black_box(cal.add_business_days(black_box(d), 15).ok());
            }
        })
    });
    group.bench_function("business_due_epoch_15", |b| {
        b.iter(|| {
            for &d in &epoch {
                black_box(cal.business_due_epoch(black_box(d), 15).ok());
            }
        })
    });
    group.bench_function("business_days_between", |b| {
        b.iter(|| {
            for &(from, to) in &pairs {
                black_box(
                    cal.business_days_between(black_box(from), black_box(to))
                        .ok(),
                );
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench_deadline_for, bench_calendar
}
criterion_main!(benches);
