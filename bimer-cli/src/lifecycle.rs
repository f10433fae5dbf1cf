//! `bimer status` and `bimer recompute`: where a case stands on a day, and
//! which due dates a calendar change moves (DESIGN §2.7).

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use bimer_core::{Case, Error, LifecycleError};
use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::triage::Outcome;
use crate::{calendar, parse_date, pretty, CalendarArgs};

#[derive(clap::Args)]
pub(crate) struct StatusArgs {
    /// The case history (JSON), or - for standard input.
    case: PathBuf,
    /// The day to report on, YYYY-MM-DD (default: today in Türkiye).
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    #[command(flatten)]
    calendar: CalendarArgs,
}

#[derive(clap::Args)]
pub(crate) struct RecomputeArgs {
    /// The open cases, one JSON case per line, or - for standard input.
    cases: PathBuf,
    /// The day the cases stand on, YYYY-MM-DD (default: today in Türkiye).
    #[arg(long, value_name = "DATE")]
    as_of: Option<String>,
    /// `--calendar FILE` (required) is the change: due dates under the
    /// bundled calendar are compared with those under it patched.
    #[command(flatten)]
    calendar: CalendarArgs,
}

pub(crate) fn status(args: &StatusArgs) -> crate::Result<String> {
    let cal = calendar(&args.calendar)?;
    let as_of = as_of(args.as_of.as_deref())?;
    let text = read_all(&args.case)?;
    let case = Case::from_json(&text).map_err(|e| format!("{}: {e}", args.case.display()))?;
    let status = case
        .status(&cal, as_of)
        .map_err(|e| format!("{}: {}", case.id, coded(e)))?;
    pretty(&status)
}

/// A case that could not be recomputed, in place of its line.
#[derive(Serialize)]
struct LineError {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    error: ErrorBody,
}

#[derive(Serialize)]
struct ErrorBody {
    code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<String>,
    message: String,
}

/// Prints one JSON line per moved due date, and a [`LineError`] in place of
/// each case that cannot be read or breaks a rule under either calendar.
pub(crate) fn recompute(args: &RecomputeArgs) -> crate::Result<Outcome> {
    if args.calendar.calendar.is_none() {
        return Err("recompute needs --calendar FILE: the calendar patch to compare with".into());
    }
    let after = calendar(&args.calendar)?;
    let before = calendar(&CalendarArgs {
        calendar: None,
        half_day_policy: args.calendar.half_day_policy,
        leave_as_holiday: args.calendar.leave_as_holiday,
        province: args.calendar.province.clone(),
    })?;
    let as_of = as_of(args.as_of.as_deref())?;
    let mut input = BufReader::new(open(&args.cases)?);
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut buf, mut line, mut failed) = (Vec::new(), 0u64, false);
    loop {
        buf.clear();
        let read = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("reading {}: {e}", args.cases.display()))?;
        if read == 0 {
            break;
        }
        line += 1;
        let text = String::from_utf8_lossy(&buf);
        if text.trim().is_empty() {
            continue;
        }
        let report = match Case::from_json(&text) {
            Err(e) => Err(LineError {
                line,
                id: None,
                error: ErrorBody {
                    code: "invalid_case",
                    field: Some(e.field.clone()).filter(|f| !f.is_empty()),
                    message: e.to_string(),
                },
            }),
            Ok(case) => case.recompute(&before, &after, as_of).map_err(|e| {
                let e = Error::from(e);
                LineError {
                    line,
                    id: Some(case.id.clone()),
                    error: ErrorBody {
                        code: e.code(),
                        field: None,
                        message: e.to_string(),
                    },
                }
            }),
        };
        failed |= report.is_err();
        let written = match &report {
            Ok(moved) => moved.iter().try_for_each(|m| write_line(&mut out, m)),
            Err(e) => write_line(&mut out, e),
        };
        match written {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => return Err(format!("writing output: {e}")),
            Ok(()) => {}
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("writing output: {e}")),
        _ if failed => Ok(Outcome::SomeFailed),
        _ => Ok(Outcome::AllGood),
    }
}

fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// The error's stable code, then its message (which names the article).
fn coded(e: LifecycleError) -> String {
    let e = Error::from(e);
    format!("{}: {e}", e.code())
}

fn as_of(flag: Option<&str>) -> crate::Result<NaiveDate> {
    flag.map_or_else(|| Ok(today()), |text| parse_date(text, "--as-of"))
}

/// Today in Türkiye, which keeps UTC+3 all year (since 2016).
fn today() -> NaiveDate {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    epoch + Days::new((seconds + 3 * 3600) / 86_400)
}

fn open(path: &Path) -> crate::Result<Box<dyn Read>> {
    if path == Path::new("-") {
        Ok(Box::new(io::stdin().lock()))
    } else {
        let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Box::new(file))
    }
}

fn read_all(path: &Path) -> crate::Result<String> {
    let mut text = String::new();
    open(path)?
        .read_to_string(&mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text)
}
