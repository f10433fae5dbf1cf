//! Bulk business-day due dates over a binary file of dates: the Rust side of
//! `benches/numpy_vs_bimer.py`, which compares bimer with numpy's
//! `busday_offset` on the same million dates.
//!
//! ```text
//! cargo run --release --example bulk_due -- IN.bin OUT.bin [--policy default|working_day] [--n 15] [--repeat 9]
//! ```
//!
//! `IN.bin` holds little-endian `i64` days since 1970-01-01 (numpy
//! `datetime64[D]` written with `.astype('int64').tofile(...)`). For every day
//! the program computes [`Calendar::business_due_epoch`]`(day, n)`, the due date
//! of an `n`-business-day period, timing the whole loop `--repeat` times. It
//! writes the results in the same format to `OUT.bin` and prints one JSON line:
//! `{"count":…,"median_seconds":…,"dates_per_second":…}`.
//!
//! `--policy working_day` counts half days (arife, 28 October) as ordinary
//! business days, which is numpy's view when only full holidays are listed;
//! `default` also lets no period end on a half day.
//!
//! A date outside the calendar's data is an error (exit status 1).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use bimer::{Calendar, HalfDayPolicy, Policy};

struct Args {
    input: String,
    output: String,
    working_day: bool,
    n: u32,
    repeat: usize,
}

const USAGE: &str =
    "usage: bulk_due IN.bin OUT.bin [--policy default|working_day] [--n 15] [--repeat 9]";

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let (mut working_day, mut n, mut repeat) = (false, 15u32, 9usize);
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--policy" => {
                working_day = match value("--policy")?.as_str() {
                    "default" => false,
                    "working_day" => true,
                    other => {
                        return Err(format!(
                            "--policy `{other}` is not `default` or `working_day`"
                        ))
                    }
                }
            }
            "--n" => {
                let v = value("--n")?;
                n = v
                    .parse()
                    .map_err(|_| format!("--n `{v}` is not a non-negative integer"))?;
            }
            "--repeat" => {
                let v = value("--repeat")?;
                repeat = v
                    .parse()
                    .ok()
                    .filter(|&r| r > 0)
                    .ok_or(format!("--repeat `{v}` is not a positive integer"))?;
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            _ => positional.push(arg),
        }
    }
    let [input, output]: [String; 2] = positional
        .try_into()
        .map_err(|_| "expected exactly two files, IN.bin and OUT.bin".to_string())?;
    Ok(Args {
        input,
        output,
        working_day,
        n,
        repeat,
    })
}

fn read_days(path: &str) -> Result<Vec<i64>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() % 8 != 0 {
        return Err(format!(
            "{path}: {} bytes is not a whole number of little-endian i64 values",
            bytes.len()
        ));
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes(c.try_into().expect("8-byte chunk")))
        .collect())
}

fn write_days(path: &str, days: &[i64]) -> Result<(), String> {
    let bytes: Vec<u8> = days.iter().flat_map(|d| d.to_le_bytes()).collect();
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {path}: {e}"))
}

/// One pass: the due date of every day, or the first failure (its index and
/// message).
fn compute(cal: &Calendar, days: &[i64], n: u32, out: &mut [i64]) -> Result<(), String> {
    for (i, (&day, slot)) in days.iter().zip(out.iter_mut()).enumerate() {
        *slot = cal
            .business_due_epoch(day, n)
            .map_err(|e| format!("date #{i} (day {day} since 1970-01-01): {e}"))?;
    }
    Ok(())
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let cal = if args.working_day {
        Calendar::turkey().with_policy(Policy {
            half_day: HalfDayPolicy::WorkingDay,
            ..Policy::default()
        })
    } else {
        Calendar::turkey()
    };
    let days = read_days(&args.input)?;
    let mut out = vec![0i64; days.len()];

    let mut times = Vec::with_capacity(args.repeat);
    for _ in 0..args.repeat {
        let start = Instant::now();
        compute(&cal, black_box(&days), args.n, &mut out)?;
        black_box(&out);
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];

    write_days(&args.output, &out)?;
    // JSON has no infinity: a loop too fast for the clock has no rate.
    let rate = if median > 0.0 {
        format!("{:.1}", days.len() as f64 / median)
    } else {
        "null".to_string()
    };
    println!(
        "{{\"count\":{},\"median_seconds\":{median},\"dates_per_second\":{rate}}}",
        days.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bulk_due: {message}");
            ExitCode::FAILURE
        }
    }
}
