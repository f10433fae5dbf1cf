//! The `bimer` command: JSON in, JSON out (DESIGN §4).
//!
//! Results go to stdout; an error is one line on stderr and a non-zero exit.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod classify;
mod lifecycle;
mod rules;
mod triage;

use bimer_core::{
    AdministrativeLeavePolicy, Authority, Calendar, CalendarPatch, Category, Engine, HalfDayPolicy,
    Period, Policy, Procedure, Province,
};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;

/// bimer: what a Turkish citizen application is, whether it may be examined,
/// who must handle it and by when, with the law behind every answer.
#[derive(Parser)]
#[command(name = "bimer", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Official holidays of a year as a JSON array.
    Holidays {
        /// The year (the bundled data covers 2004-2040).
        #[arg(long)]
        year: i32,
        /// Also list administrative-leave days (idari izin).
        #[arg(long)]
        administrative_leave: bool,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// The due date of a legal period, optionally with an explanation.
    Deadline(DeadlineArgs),
    /// Triage JSON Lines of applications into JSON Lines of decisions, in order.
    ///
    /// A malformed line is answered in place with
    /// {"line": N, "error": {"code": ..., "field": ..., "message": ...}} and the
    /// rest go on; the exit status is 1 if any line failed.
    Triage {
        /// The input file, or - (the default) for standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// Countries (ISO 3166-1 alpha-2, comma-separated) whose reciprocity
        /// with Türkiye is established.
        #[arg(long, value_delimiter = ',', value_name = "CC")]
        reciprocity: Vec<String>,
        /// json: one decision per line (the wire format); text: a summary a
        /// person can read.
        #[arg(long, value_enum, default_value_t = triage::Format::Json)]
        format: triage::Format,
        #[command(flatten)]
        calendar: CalendarArgs,
    },
    /// Where a case stands on a day: state, due date, days left, overdue,
    /// and the applicant's next deadline.
    ///
    /// The case history is checked in full; a history that breaks a rule (a
    /// late extension, a late objection) is an error naming the article.
    Status(lifecycle::StatusArgs),
    /// Which due dates of open cases a calendar change moves, from what to what.
    ///
    /// Prints one JSON line per moved due date; a case that cannot be read,
    /// or breaks a rule under either calendar, is answered in place with
    /// {"line": N, "id": ..., "error": {"code": ..., "message": ...}} and the
    /// exit status is 1.
    Recompute(lifecycle::RecomputeArgs),
    /// Classify free text (standard input, or --text) into category,
    /// petition kind and topic, with confidences and evidence, as JSON.
    Classify(classify::ClassifyArgs),
    /// The rule table (eligibility rules and period rules) for legal review.
    Rules {
        /// Print Markdown (docs/rules.md) instead of JSON.
        #[arg(long)]
        markdown: bool,
    },
}

#[derive(Args)]
struct CalendarArgs {
    /// A JSON calendar patch (extra or corrected holidays, administrative leave).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
    /// How half days (arife, 28 October afternoon) count.
    #[arg(long, value_enum, default_value_t = HalfDay::WorkingDayButNotLastDay)]
    half_day_policy: HalfDay,
    /// Count administrative-leave days as holidays (default: ignore them).
    #[arg(long)]
    leave_as_holiday: bool,
    /// With --leave-as-holiday: the province whose regional leave also counts.
    #[arg(long, requires = "leave_as_holiday")]
    province: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum HalfDay {
    WorkingDayButNotLastDay,
    WorkingDay,
    Holiday,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["category", "period"]))]
struct DeadlineArgs {
    /// The day the application was received (or the refusal notified), YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    received: String,
    /// information_request, petition, ethics_complaint, human_rights, or the
    /// objection procedures bedk_objection and bedk_decision.
    #[arg(long, value_name = "CODE")]
    category: Option<String>,
    /// For ethics_complaint: etik_kurulu | disiplin_kurulu; for human_rights:
    /// insan_haklari_kurulu (default) | tihek.
    #[arg(long, value_name = "CODE", requires = "category")]
    authority: Option<String>,
    /// A bare period instead of a category: 15bd, 30d or 3m.
    #[arg(long, value_name = "PERIOD", conflicts_with = "category")]
    period: Option<String>,
    /// Include the explanation: skipped days, policy, rules.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    calendar: CalendarArgs,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Holidays {
            year,
            administrative_leave,
            calendar,
        } => holidays(year, administrative_leave, &calendar),
        Command::Deadline(args) => deadline(&args),
        Command::Triage {
            file,
            reciprocity,
            format,
            calendar: cal,
        } => {
            return match calendar(&cal).and_then(|c| {
                let engine = Engine::default()
                    .with_calendar(c)
                    .with_reciprocity(reciprocity);
                triage::run(&engine, &file, format)
            }) {
                Ok(triage::Outcome::AllGood) => ExitCode::SUCCESS,
                Ok(triage::Outcome::SomeFailed) => ExitCode::from(1),
                Err(message) => fail(&message),
            };
        }
        Command::Status(args) => lifecycle::status(&args),
        Command::Recompute(args) => {
            return match lifecycle::recompute(&args) {
                Ok(triage::Outcome::AllGood) => ExitCode::SUCCESS,
                Ok(triage::Outcome::SomeFailed) => ExitCode::from(1),
                Err(message) => fail(&message),
            };
        }
        Command::Classify(args) => classify::run(&args),
        Command::Rules { markdown } => {
            if markdown {
                Ok(rules::markdown())
            } else {
                rules::json()
            }
        }
    };
    match result {
        Ok(value) => {
            let mut out = std::io::stdout().lock();
            match writeln!(out, "{value}") {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => fail(&format!("cannot write output: {e}")),
            }
        }
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("bimer: error: {message}");
    ExitCode::from(2)
}

pub(crate) type Result<T> = std::result::Result<T, String>;

pub(crate) fn pretty(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| e.to_string())
}

fn calendar(args: &CalendarArgs) -> Result<Calendar> {
    let mut cal = Calendar::turkey();
    if let Some(path) = &args.calendar {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("--calendar {}: {e}", path.display()))?;
        let patch: CalendarPatch = serde_json::from_str(&text)
            .map_err(|e| format!("--calendar {}: {e}", path.display()))?;
        cal = cal.patched(&patch).map_err(|e| e.to_string())?;
    }
    let province = args
        .province
        .as_deref()
        .map(|p| p.parse::<Province>())
        .transpose()
        .map_err(|e| format!("--province: {e}"))?;
    Ok(cal.with_policy(Policy {
        half_day: match args.half_day_policy {
            HalfDay::WorkingDayButNotLastDay => HalfDayPolicy::WorkingDayButNotLastDay,
            HalfDay::WorkingDay => HalfDayPolicy::WorkingDay,
            HalfDay::Holiday => HalfDayPolicy::Holiday,
        },
        administrative_leave: if args.leave_as_holiday {
            AdministrativeLeavePolicy::Holiday { province }
        } else {
            AdministrativeLeavePolicy::Ignore
        },
    }))
}

fn holidays(year: i32, leave: bool, args: &CalendarArgs) -> Result<String> {
    let cal = calendar(args)?;
    let days = cal.holidays(year).map_err(|e| e.to_string())?;
    if leave {
        pretty(&json!({
            "holidays": days,
            "administrative_leave": cal.administrative_leave(year),
        }))
    } else {
        pretty(&days)
    }
}

fn parse_date(text: &str, flag: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{flag}: `{text}` is not a date in YYYY-MM-DD form"))
}

/// The procedure for `--category` and `--authority`.
fn procedure(category: &str, authority: Option<&str>) -> Result<Procedure> {
    if let Ok(p @ (Procedure::BedkObjection | Procedure::BedkDecision)) = category.parse() {
        return match authority {
            None => Ok(p),
            Some(a) => Err(format!("--authority `{a}` does not apply to {category}")),
        };
    }
    let parsed: Category = serde_json::from_value(json!(category)).map_err(|_| {
        format!(
            "--category `{category}` is not one of information_request, petition, \
             ethics_complaint, human_rights, bedk_objection, bedk_decision"
        )
    })?;
    let authority = match (parsed, authority) {
        (_, Some(a)) => serde_json::from_value(json!(a)).map_err(|_| {
            format!(
                "--authority `{a}` is not one of institution, etik_kurulu, disiplin_kurulu, \
                 insan_haklari_kurulu, tihek"
            )
        })?,
        (Category::InformationRequest | Category::Petition, None) => Authority::Institution,
        (Category::HumanRights, None) => Authority::InsanHaklariKurulu,
        (Category::EthicsComplaint, None) => {
            return Err(
                "ethics_complaint needs --authority etik_kurulu (genel müdür and above) \
                        or disiplin_kurulu (below)"
                    .into(),
            )
        }
    };
    Procedure::for_route(parsed, authority).ok_or_else(|| {
        let allowed = match parsed {
            Category::InformationRequest | Category::Petition => "institution",
            Category::EthicsComplaint => "etik_kurulu or disiplin_kurulu",
            Category::HumanRights => "insan_haklari_kurulu or tihek",
        };
        format!(
            "--authority `{}` does not apply to {category}; use {allowed}",
            wire_name(&authority)
        )
    })
}

/// The wire name of a snake_case or SCREAMING_SNAKE_CASE enum value
/// (`etik_kurulu`, `CHANNEL_NOT_WRITTEN`).
pub(crate) fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn deadline(args: &DeadlineArgs) -> Result<String> {
    let cal = calendar(&args.calendar)?;
    let received = parse_date(&args.received, "--received")?;
    let (due, procedure) = match (&args.category, &args.period) {
        (Some(category), _) => {
            let p = procedure(category, args.authority.as_deref())?;
            (bimer_core::deadline_for(&cal, p, received), Some(p))
        }
        (None, Some(period)) => {
            let period: Period = period.parse().map_err(|e| format!("--period: {e}"))?;
            (
                bimer_core::deadline(
                    &cal,
                    received,
                    period,
                    None,
                    "İYUK m.8 (counting only; the period was given, not taken from a rule)",
                ),
                None,
            )
        }
        (None, None) => unreachable!("clap requires --category or --period"),
    };
    let due = due.map_err(|e| e.to_string())?;
    let rule = procedure.map(Procedure::rule);
    let explanation = if args.explain {
        Some(due.explain(&cal).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let value = DeadlineOutput {
        received_on: received,
        procedure: procedure.map(Procedure::code),
        due_on: due.due_on,
        period: due.period,
        extendable_to: due.extendable_to,
        citation: &due.citation,
        source: rule.map(|r| r.source),
        starts_after: rule.map(|r| r.starts_after),
        estimated: due.estimated,
        explanation,
    };
    pretty(&value)
}

/// The output of `bimer deadline`, fields in reading order.
#[derive(serde::Serialize)]
struct DeadlineOutput<'a> {
    received_on: NaiveDate,
    procedure: Option<&'static str>,
    due_on: NaiveDate,
    period: Period,
    extendable_to: Option<NaiveDate>,
    citation: &'a str,
    source: Option<bimer_core::SourceStrength>,
    starts_after: Option<&'static str>,
    estimated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<bimer_core::Explanation>,
}
