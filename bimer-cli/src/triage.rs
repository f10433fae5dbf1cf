//! `bimer triage`: streaming JSON Lines, bounded memory, one bad line never
//! loses the others.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use bimer_core::{Decision, Engine};
use serde::Serialize;

/// A line longer than this is refused (and skipped) so that memory stays
/// bounded whatever the input.
const MAX_LINE: u64 = 1 << 20;

/// Output format of `bimer triage`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    Json,
    Text,
}

pub(crate) enum Outcome {
    AllGood,
    SomeFailed,
}

#[derive(Serialize)]
struct LineError<'a> {
    line: u64,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    message: &'a str,
}

pub(crate) fn run(engine: &Engine, file: &Path, format: Format) -> crate::Result<Outcome> {
    let input: Box<dyn Read> = if file == Path::new("-") {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(file).map_err(|e| format!("{}: {e}", file.display()))?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = Vec::with_capacity(4096);
    let mut number = 0u64;
    let mut failed = false;
    loop {
        buf.clear();
        let n = (&mut reader)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("reading {}: {e}", file.display()))?;
        if n == 0 {
            break;
        }
        number += 1;
        let too_long = buf.len() as u64 > MAX_LINE && buf.last() != Some(&b'\n');
        if too_long {
            skip_rest_of_line(&mut reader).map_err(|e| format!("reading: {e}"))?;
        }
        let line = trim_line(&buf);
        if line.iter().all(u8::is_ascii_whitespace) && !too_long {
            continue; // blank lines separate nothing in JSON Lines
        }
        let result = if too_long {
            Err((
                "line_too_long",
                None,
                format!("the line is longer than {MAX_LINE} bytes"),
            ))
        } else {
            match std::str::from_utf8(line) {
                Err(e) => Err(("invalid_utf8", None, format!("the line is not UTF-8: {e}"))),
                Ok(text) => engine.triage_json(text).map_err(|e| {
                    let field = (!e.field.is_empty()).then_some(e.field.clone());
                    ("invalid_application", field, e.to_string())
                }),
            }
        };
        let written = match result {
            Ok(decision) if format == Format::Text => out
                .write_all(text(&decision).as_bytes())
                .map_err(serde_json::Error::io),
            Ok(decision) => serde_json::to_writer(&mut out, &decision),
            Err((_, _, message)) if format == Format::Text => {
                failed = true;
                writeln!(out, "line {number}: ERROR {message}").map_err(serde_json::Error::io)
            }
            Err((code, field, message)) => {
                failed = true;
                serde_json::to_writer(
                    &mut out,
                    &LineError {
                        line: number,
                        error: ErrorBody {
                            code,
                            field: field.as_deref(),
                            message: &message,
                        },
                    },
                )
            }
        };
        let written = written
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if let Err(e) = written {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(if failed {
                    Outcome::SomeFailed
                } else {
                    Outcome::AllGood
                });
            }
            return Err(format!("writing output: {e}"));
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(format!("writing output: {e}"))
        }
        _ => {}
    }
    Ok(if failed {
        Outcome::SomeFailed
    } else {
        Outcome::AllGood
    })
}

/// A decision as a few lines a person can follow.
fn text(d: &Decision) -> String {
    let mut s = format!(
        "{}  {} ({})  {}  {}\n",
        d.id,
        d.category.as_ref().map_or("-".into(), crate::wire_name),
        crate::wire_name(&d.category_source),
        crate::wire_name(&d.system),
        if d.admissible {
            "ADMISSIBLE"
        } else {
            "NOT EXAMINED"
        },
    );
    for f in &d.findings {
        s += &format!(
            "  {:<8} {} [{}]: {}\n",
            crate::wire_name(&f.severity),
            crate::wire_name(&f.code),
            f.citation,
            f.message_en
        );
    }
    match &d.route {
        Some(r) => {
            let target = [r.institution.as_deref(), r.unit.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" → ");
            s += &format!(
                "  route    {} {} [{}]\n",
                crate::wire_name(&r.authority),
                target,
                r.citation
            );
        }
        None => s += "  route    none\n",
    }
    match &d.deadline {
        Some(dl) => {
            s += &format!("  due      {} ({})", dl.due_on, dl.period);
            if let Some(e) = dl.extendable_to {
                s += &format!(", extendable to {e}");
            }
            s += &format!(" [{}]\n", dl.citation);
        }
        None if !d.admissible => s += "  due      none (not examined)\n",
        None if d.route.is_none() => s += "  due      none (route left to the officer)\n",
        None => s += "  due      none (no answer owed, or no due date could be computed)\n",
    }
    s
}

fn trim_line(buf: &[u8]) -> &[u8] {
    let mut line = buf;
    while let [rest @ .., b'\n' | b'\r'] = line {
        line = rest;
    }
    line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line)
}

fn skip_rest_of_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(());
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = available.len();
                reader.consume(n);
            }
        }
    }
}
