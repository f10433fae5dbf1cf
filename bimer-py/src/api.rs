//! The functions: `triage`, `triage_many`, `deadline`, and the configurable
//! `Engine`.

use std::num::NonZeroUsize;

use bimer_core as core;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::calendar::Calendar;
use crate::errors::{guarded, to_py_err, Failure};
use crate::values::{application_from_py, period_from_py, AppInput, Deadline, Decision, Policy};
use crate::wire::{self, date_from_py, enum_from_py, type_name};

/// Below this many applications per thread, `triage_many` stays on one thread.
const MIN_PER_THREAD: usize = 512;

type TriageFn<'a> = &'a (dyn Fn(&core::Application) -> core::Decision + Sync);

fn triage_one(
    py: Python<'_>,
    application: &Bound<'_, PyAny>,
    triage: TriageFn<'_>,
) -> PyResult<Decision> {
    let input = application_from_py(application).map_err(Failure::from)?;
    let result = py.detach(|| {
        let app = guarded(|| input.parse())?.map_err(Failure::from)?;
        guarded(|| triage(&app))
    });
    Ok(Decision { inner: result? })
}

fn triage_batch<'py>(
    py: Python<'py>,
    applications: &Bound<'py, PyAny>,
    errors: &str,
    threads: Option<usize>,
    triage: TriageFn<'_>,
) -> PyResult<Bound<'py, PyList>> {
    let raise = match errors {
        "raise" => true,
        "return" => false,
        _ => {
            return Err(Failure::input("errors", "must be 'raise' or 'return'").into());
        }
    };
    let threads = match threads {
        Some(0) => return Err(Failure::input("threads", "must be at least 1").into()),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
    };
    if applications.cast::<PyString>().is_ok() {
        return Err(Failure::input(
            "applications",
            "expected an iterable of applications, got a single str",
        )
        .into());
    }
    let iter = applications.try_iter().map_err(|_| {
        Failure::input(
            "applications",
            format!(
                "expected an iterable of applications, got {}",
                type_name(applications)
            ),
        )
    })?;
    let mut inputs = Vec::new();
    for item in iter {
        inputs.push(application_from_py(&item?));
    }
    let outcomes = py.detach(|| run_parallel(inputs, threads, triage));
    let list = PyList::empty(py);
    for (i, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Ok(inner) => list.append(Decision { inner })?,
            Err(failure) => {
                let err = to_py_err(py, failure, Some(i));
                if raise {
                    return Err(err);
                }
                list.append(err.value(py))?;
            }
        }
    }
    Ok(list)
}

type Outcome = Result<core::Decision, Failure>;

/// Parses and triages every input, on up to `threads` threads, in order.
fn run_parallel(
    inputs: Vec<Result<AppInput, core::InvalidApplication>>,
    threads: usize,
    triage: TriageFn<'_>,
) -> Vec<Outcome> {
    let one = |input: Result<AppInput, core::InvalidApplication>| -> Outcome {
        let app = guarded(|| input.and_then(AppInput::parse))?.map_err(Failure::from)?;
        guarded(|| triage(&app))
    };
    let threads = threads.min(inputs.len() / MIN_PER_THREAD).max(1);
    if threads == 1 {
        return inputs.into_iter().map(one).collect();
    }
    let per = inputs.len().div_ceil(threads);
    let mut chunks = Vec::with_capacity(threads);
    let mut rest = inputs;
    while !rest.is_empty() {
        let tail = rest.split_off(per.min(rest.len()));
        chunks.push(rest);
        rest = tail;
    }
    let one = &one;
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let len = chunk.len();
                (
                    len,
                    s.spawn(move || chunk.into_iter().map(one).collect::<Vec<_>>()),
                )
            })
            .collect();
        let mut out = Vec::new();
        for (len, handle) in handles {
            match handle.join() {
                Ok(part) => out.extend(part),
                Err(_) => out.extend(
                    (0..len).map(|_| Err(Failure::Internal("a triage thread failed".into()))),
                ),
            }
        }
        out
    })
}

/// Triages one application (a dict in the wire format, its JSON text, or an
/// `Application`) with the bundled data. Releases the GIL while it works.
#[pyfunction]
pub fn triage(py: Python<'_>, application: &Bound<'_, PyAny>) -> PyResult<Decision> {
    triage_one(py, application, &core::triage)
}

/// Triages many applications, in order, without the GIL and on several
/// threads. `errors="raise"` raises the first failure (its `index` says which
/// item); `errors="return"` puts the exception in that item's place.
#[pyfunction]
#[pyo3(signature = (applications, *, errors="raise", threads=None))]
pub fn triage_many<'py>(
    py: Python<'py>,
    applications: &Bound<'py, PyAny>,
    errors: &str,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    triage_batch(py, applications, errors, threads, &core::triage)
}

/// What `Engine.__reduce__` returns: the class and its arguments.
type Reduced<'py> = (Bound<'py, PyAny>, (Calendar, Vec<String>));

/// A triage engine with its own calendar (policy, patches) and the countries
/// whose reciprocity with Türkiye is established.
#[pyclass(frozen, module = "bimer._bimer")]
pub struct Engine {
    inner: core::Engine,
    calendar: Calendar,
    reciprocity: Vec<String>,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (calendar=None, reciprocity=None))]
    fn new(
        calendar: Option<PyRef<'_, Calendar>>,
        reciprocity: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let calendar = calendar.map_or_else(Calendar::turkey, |c| c.clone());
        let mut codes = Vec::new();
        if let Some(r) = reciprocity.filter(|r| !r.is_none()) {
            if r.cast::<PyString>().is_ok() {
                return Err(Failure::input(
                    "reciprocity",
                    "expected an iterable of country codes such as ['DE', 'AZ'], got a str",
                )
                .into());
            }
            let iter = r.try_iter().map_err(|_| {
                Failure::input(
                    "reciprocity",
                    format!(
                        "expected an iterable of country codes, got {}",
                        type_name(&r)
                    ),
                )
            })?;
            for item in iter {
                let item = item?;
                let code: String = item.extract().map_err(|_| {
                    Failure::input(
                        "reciprocity",
                        format!("country codes must be str, got {}", type_name(&item)),
                    )
                })?;
                codes.push(code.trim().to_ascii_uppercase());
            }
        }
        let inner = guarded(|| {
            core::Engine::default()
                .with_calendar(calendar.inner.clone())
                .with_reciprocity(codes.iter())
        })?;
        Ok(Engine {
            inner,
            calendar,
            reciprocity: codes,
        })
    }

    /// The calendar in use.
    #[getter]
    fn calendar(&self) -> Calendar {
        self.calendar.clone()
    }

    /// The reciprocity countries (ISO 3166-1 alpha-2, upper case).
    #[getter]
    fn reciprocity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.reciprocity)
    }

    /// Like `bimer.triage`, with this engine's configuration.
    fn triage(&self, py: Python<'_>, application: &Bound<'_, PyAny>) -> PyResult<Decision> {
        triage_one(py, application, &|a| self.inner.triage(a))
    }

    /// Like `bimer.triage_many`, with this engine's configuration.
    #[pyo3(signature = (applications, *, errors="raise", threads=None))]
    fn triage_many<'py>(
        &self,
        py: Python<'py>,
        applications: &Bound<'py, PyAny>,
        errors: &str,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        triage_batch(py, applications, errors, threads, &|a| self.inner.triage(a))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let e = slf.get();
        Ok((
            slf.get_type().into_any(),
            (e.calendar.clone(), e.reciprocity.clone()),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let cal = Bound::new(py, self.calendar.clone())?.repr()?.to_string();
        Ok(format!(
            "Engine(calendar={cal}, reciprocity={:?})",
            self.reciprocity
        ))
    }
}

/// The due date of a legal period.
///
/// Give exactly one of `procedure` (a `Procedure` code such as
/// `information_request` or `etik_kurulu`), `category` (a category that is
/// itself a procedure: `information_request`, `petition`) or `period`
/// (`Period` or `15bd`/`30d`/`3m`, with optional `extendable_to` and
/// `citation`). Counting uses `calendar` (default `Calendar.turkey()`) under
/// `policy` when given.
#[pyfunction]
#[pyo3(signature = (received, *, procedure=None, category=None, period=None, extendable_to=None,
                    citation=None, calendar=None, policy=None))]
#[allow(clippy::too_many_arguments)]
pub fn deadline(
    received: &Bound<'_, PyAny>,
    procedure: Option<Bound<'_, PyAny>>,
    category: Option<Bound<'_, PyAny>>,
    period: Option<Bound<'_, PyAny>>,
    extendable_to: Option<Bound<'_, PyAny>>,
    citation: Option<String>,
    calendar: Option<PyRef<'_, Calendar>>,
    policy: Option<PyRef<'_, Policy>>,
) -> PyResult<Deadline> {
    let received = date_from_py(received, "received")?;
    let mut calendar = calendar.map_or_else(Calendar::turkey, |c| c.clone());
    if let Some(p) = policy {
        calendar.inner = guarded(|| calendar.inner.with_policy(p.inner))?;
    }
    let given = [&procedure, &category, &period]
        .iter()
        .filter(|v| v.as_ref().is_some_and(|v| !v.is_none()))
        .count();
    if given != 1 {
        return Err(Failure::input(
            "procedure",
            "give exactly one of procedure=, category= or period=",
        )
        .into());
    }
    let codes = || {
        core::Procedure::ALL
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let procedure = match (
        procedure.filter(|v| !v.is_none()),
        category.filter(|v| !v.is_none()),
    ) {
        (Some(p), _) => {
            let code: String = p.extract().map_err(|_| {
                Failure::input(
                    "procedure",
                    format!("expected bimer.Procedure or str, got {}", type_name(&p)),
                )
            })?;
            Some(code.parse::<core::Procedure>().map_err(Failure::from)?)
        }
        (None, Some(c)) => {
            let category: core::Category = enum_from_py(&c, "category")?;
            let code = wire::to_json(&category)?;
            let code = code.trim_matches('"');
            Some(code.parse::<core::Procedure>().map_err(|_| {
                Failure::input(
                    "category",
                    format!(
                        "`{code}` has no single period: it depends on the authority that \
                         handles it; pass procedure= (one of {})",
                        codes()
                    ),
                )
            })?)
        }
        (None, None) => None,
    };
    let inner = match procedure {
        Some(p) => {
            if extendable_to.as_ref().is_some_and(|v| !v.is_none()) || citation.is_some() {
                return Err(Failure::input(
                    "extendable_to",
                    "extendable_to= and citation= go with period=; a procedure has its own",
                )
                .into());
            }
            guarded(|| core::deadline_for(&calendar.inner, p, received))?.map_err(Failure::from)?
        }
        None => {
            let Some(period) = period else {
                return Err(Failure::input("period", "is missing").into());
            };
            let period = period_from_py(&period, "period")?;
            let extendable_to = extendable_to
                .filter(|v| !v.is_none())
                .map(|e| period_from_py(&e, "extendable_to"))
                .transpose()?;
            let citation = citation.unwrap_or_else(|| {
                "İYUK m.8 (counting only; the period was given, not taken from a rule)".into()
            });
            guarded(|| core::deadline(&calendar.inner, received, period, extendable_to, citation))?
                .map_err(Failure::from)?
        }
    };
    Ok(Deadline { inner, calendar })
}
