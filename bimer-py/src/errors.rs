//! Every exception bimer raises in Python is built here, by one function,
//! [`to_py_err`], from one enum, [`Failure`].
//!
//! The classes form one hierarchy under `bimer.BimerError`; each carries the
//! stable snake_case `code` of [`bimer_core::Error::code`]. Messages come from
//! the core, which never puts an identity number in them; the binding's own
//! messages name the field and the expected type, never the value.

use std::panic::{catch_unwind, AssertUnwindSafe};

use bimer_core::{CalendarError, DeadlineError, Error, InvalidApplication};
use chrono::{Datelike, NaiveDate};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDate, PyDict, PyTuple, PyType};

/// Why a call failed.
#[derive(Debug)]
pub enum Failure {
    /// An error of the core.
    Core(Error),
    /// An argument or value the binding could not translate: wrong type,
    /// unknown enum value, malformed wire data of an output type.
    Input { field: String, problem: String },
    /// A date the core computed that Python's `datetime.date` cannot hold.
    PythonDateRange(NaiveDate),
    /// A panic caught at the boundary: a bug, reported as an exception.
    Internal(String),
}

impl Failure {
    /// A bad argument or value, naming the field.
    pub fn input(field: impl Into<String>, problem: impl Into<String>) -> Failure {
        Failure::Input {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Core(e)
    }
}

impl From<InvalidApplication> for Failure {
    fn from(e: InvalidApplication) -> Self {
        Failure::Core(e.into())
    }
}

impl From<CalendarError> for Failure {
    fn from(e: CalendarError) -> Self {
        Failure::Core(e.into())
    }
}

impl From<DeadlineError> for Failure {
    fn from(e: DeadlineError) -> Self {
        Failure::Core(e.into())
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> Self {
        Python::attach(|py| to_py_err(py, f, None))
    }
}

/// Result of the binding's translation steps.
pub type Res<T> = Result<T, Failure>;

/// Runs core code, turning a panic into [`Failure::Internal`], so that no
/// Rust panic reaches Python as a `PanicException`.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Res<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Failure::Internal(what)
    })
}

enum Base {
    Exception,
    ValueError,
    Class(&'static str),
}

/// The exception classes, base classes first.
const CLASSES: &[(&str, &str, &[Base], &str)] = &[
    (
        "BimerError",
        "error",
        &[Base::Exception],
        "Base class of every error bimer raises; `code` is the stable error code.",
    ),
    (
        "InvalidInputError",
        "invalid_input",
        &[Base::Class("BimerError"), Base::ValueError],
        "A value that cannot be used; `field` names it, `problem` says why.",
    ),
    (
        "InvalidApplicationError",
        "invalid_application",
        &[Base::Class("InvalidInputError")],
        "An application that cannot be read; `field` is the dotted path (`applicant.tckn`).",
    ),
    (
        "InvalidPeriodError",
        "invalid_period",
        &[Base::Class("InvalidInputError")],
        "A period that is not of the form 15bd, 30d or 3m (length 1-3660).",
    ),
    (
        "UnknownProcedureError",
        "unknown_procedure",
        &[Base::Class("InvalidInputError")],
        "A procedure code that does not exist.",
    ),
    (
        "InvalidCalendarDataError",
        "invalid_calendar_data",
        &[Base::Class("InvalidInputError")],
        "Calendar data or a calendar patch that cannot be used.",
    ),
    (
        "CalendarRangeError",
        "calendar_out_of_range",
        &[Base::Class("BimerError"), Base::ValueError],
        "A date outside the calendar's data (or outside Python's datetime.date range).",
    ),
    (
        "LawNotInForceError",
        "law_not_in_force",
        &[Base::Class("BimerError"), Base::ValueError],
        "The procedure's law did not apply on the date given.",
    ),
    (
        "InvalidCaseError",
        "invalid_case",
        &[Base::Class("InvalidInputError")],
        "A case history that cannot be read; `field` is the dotted path (`events[2].on`).",
    ),
    (
        "LifecycleError",
        "lifecycle",
        &[Base::Class("BimerError"), Base::ValueError],
        "An illegal lifecycle transition (a second extension, a late objection, an answer \
         before receipt…); the message names the article, `code` the rule broken.",
    ),
    (
        "InternalError",
        "internal",
        &[Base::Class("BimerError")],
        "A bug in bimer, caught at the boundary; please report it.",
    ),
];

static TYPES: PyOnceLock<Vec<(&'static str, Py<PyType>)>> = PyOnceLock::new();

/// Creates the exception classes and adds them to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let types = TYPES.get_or_try_init(py, || -> PyResult<_> {
        let builtins = py.import("builtins")?;
        let mut made: Vec<(&'static str, Py<PyType>)> = Vec::new();
        for (name, code, bases, doc) in CLASSES {
            let mut base_objs = Vec::new();
            for base in *bases {
                base_objs.push(match base {
                    Base::Exception => builtins.getattr("Exception")?,
                    Base::ValueError => builtins.getattr("ValueError")?,
                    Base::Class(n) => made
                        .iter()
                        .find(|(m, _)| m == n)
                        .map(|(_, t)| t.bind(py).clone().into_any())
                        .ok_or_else(|| {
                            pyo3::exceptions::PyRuntimeError::new_err(format!("no base {n}"))
                        })?,
                });
            }
            let dict = PyDict::new(py);
            dict.set_item("__module__", "bimer._bimer")?;
            dict.set_item("__qualname__", *name)?;
            dict.set_item("__doc__", *doc)?;
            dict.set_item("code", *code)?;
            match *name {
                "InvalidInputError" => {
                    dict.set_item("field", "")?;
                    dict.set_item("problem", "")?;
                }
                "CalendarRangeError" => {
                    dict.set_item("date", py.None())?;
                    dict.set_item("first", py.None())?;
                    dict.set_item("last", py.None())?;
                }
                "LawNotInForceError" => {
                    dict.set_item("procedure", "")?;
                    dict.set_item("date", py.None())?;
                    dict.set_item("valid_from", py.None())?;
                    dict.set_item("citation", "")?;
                }
                "BimerError" => {
                    dict.set_item("index", py.None())?;
                }
                _ => {}
            }
            let cls = builtins
                .getattr("type")?
                .call1((*name, PyTuple::new(py, base_objs)?, dict))?
                .cast_into::<PyType>()?;
            made.push((name, cls.unbind()));
        }
        Ok(made)
    })?;
    for (name, cls) in types {
        m.add(*name, cls.bind(py))?;
    }
    Ok(())
}

fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    TYPES
        .get(py)
        .and_then(|t| t.iter().find(|(n, _)| *n == name))
        .map(|(_, t)| t.bind(py).clone())
        .ok_or_else(|| pyo3::exceptions::PyRuntimeError::new_err("bimer._bimer is not initialised"))
}

/// A date for an error attribute: `None` when Python cannot hold it.
fn opt_date(py: Python<'_>, d: NaiveDate) -> Py<PyAny> {
    if (1..=9999).contains(&d.year()) {
        if let Ok(date) = PyDate::new(py, d.year(), d.month() as u8, d.day() as u8) {
            return date.into_any().unbind();
        }
    }
    py.None()
}

/// THE mapping from a failure to a Python exception: class by the core's
/// error code, message from the core, details as attributes. `index` is the
/// position of the failing item in a batch.
pub fn to_py_err(py: Python<'_>, failure: Failure, index: Option<usize>) -> PyErr {
    match build(py, failure, index) {
        Ok(err) => err,
        Err(err) => err,
    }
}

fn build(py: Python<'_>, failure: Failure, index: Option<usize>) -> PyResult<PyErr> {
    let mut attrs: Vec<(&str, Py<PyAny>)> = Vec::new();
    let text = |s: &str| s.into_pyobject(py).map(|s| s.into_any().unbind());
    let (class_name, code, message) = match &failure {
        Failure::Core(e) => {
            let class_name = match e.code() {
                "invalid_application" => "InvalidApplicationError",
                "calendar_out_of_range" => "CalendarRangeError",
                "invalid_calendar_data" => "InvalidCalendarDataError",
                "invalid_period" => "InvalidPeriodError",
                "unknown_procedure" => "UnknownProcedureError",
                "law_not_in_force" => "LawNotInForceError",
                "invalid_case" => "InvalidCaseError",
                _ if matches!(e, Error::Lifecycle(_)) => "LifecycleError",
                _ => "BimerError",
            };
            match e {
                Error::InvalidApplication(a) => {
                    attrs.push(("field", text(&a.field)?));
                    attrs.push(("problem", text(&a.problem)?));
                }
                Error::InvalidCase(c) => {
                    attrs.push(("field", text(&c.field)?));
                    attrs.push(("problem", text(&c.problem)?));
                }
                Error::Calendar(c) | Error::Deadline(DeadlineError::Calendar(c)) => match c {
                    CalendarError::OutOfRange { date, first, last } => {
                        attrs.push(("date", opt_date(py, *date)));
                        attrs.push(("first", opt_date(py, *first)));
                        attrs.push(("last", opt_date(py, *last)));
                    }
                    CalendarError::InvalidData {
                        source_name,
                        message,
                        ..
                    } => {
                        attrs.push(("field", text(source_name)?));
                        attrs.push(("problem", text(message)?));
                    }
                },
                Error::Deadline(DeadlineError::BadPeriod(_)) => {
                    attrs.push(("field", text("period")?));
                    attrs.push(("problem", text(&e.to_string())?));
                }
                Error::Deadline(DeadlineError::UnknownProcedure(_)) => {
                    attrs.push(("field", text("procedure")?));
                    attrs.push(("problem", text(&e.to_string())?));
                }
                Error::Deadline(DeadlineError::NotInForce {
                    procedure,
                    date,
                    citation,
                    valid_from,
                }) => {
                    attrs.push(("procedure", text(procedure)?));
                    attrs.push(("date", opt_date(py, *date)));
                    attrs.push(("valid_from", opt_date(py, *valid_from)));
                    attrs.push(("citation", text(citation)?));
                }
                _ => {}
            }
            (class_name, e.code(), e.to_string())
        }
        Failure::Input { field, problem } => {
            attrs.push(("field", text(field)?));
            attrs.push(("problem", text(problem)?));
            let shown = if field.is_empty() { "(value)" } else { field };
            (
                "InvalidInputError",
                "invalid_input",
                format!("{shown}: {problem}"),
            )
        }
        Failure::PythonDateRange(date) => {
            attrs.push(("date", py.None()));
            (
                "CalendarRangeError",
                "calendar_out_of_range",
                format!("{date} cannot be a Python datetime.date (years 1 to 9999)"),
            )
        }
        Failure::Internal(what) => (
            "InternalError",
            "internal",
            format!("internal error in bimer (please report): {what}"),
        ),
    };
    let message = match index {
        Some(i) => format!("item {i}: {message}"),
        None => message,
    };
    let exc = class(py, class_name)?.call1((message,))?;
    exc.setattr("code", code)?;
    if let Some(i) = index {
        exc.setattr("index", i)?;
    }
    for (name, value) in attrs {
        exc.setattr(name, value)?;
    }
    Ok(PyErr::from_value(exc))
}
