//! `bimer.Calendar`: the Turkish legal calendar, scalar and vectorised over
//! numpy `datetime64[D]` arrays.

use std::sync::Arc;

use bimer_core as core;
use chrono::{Datelike, NaiveDate};
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDate, PyDict, PyList};
use serde::{Deserialize, Serialize};

use crate::errors::{guarded, to_py_err, Failure, Res};
use crate::values::{policy_with, Holiday, Policy};
use crate::wire::{self, date_from_py, date_to_py, enum_to_py, is_scalar_date, type_name};

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01 (numpy's day 0).
const UNIX_FROM_CE: i64 = 719_163;
/// numpy's NaT in `datetime64[D]`.
const NAT: i64 = i64::MIN;

/// The Turkish legal calendar under one counting policy: official holidays
/// 2004–2040 with half days, administrative leave, business-day arithmetic in
/// constant time. Immutable: `with_policy` and `patched` return new calendars.
#[pyclass(frozen, module = "bimer._bimer")]
#[derive(Clone)]
pub struct Calendar {
    pub(crate) inner: core::Calendar,
    /// The patches applied to the bundled data, in order: with the policy,
    /// the calendar's whole state (for equality and pickling).
    patches: Arc<Vec<core::CalendarPatch>>,
}

/// What a pickled calendar holds.
#[derive(Serialize, Deserialize)]
struct State {
    policy: core::Policy,
    patches: Vec<core::CalendarPatch>,
}

impl Calendar {
    /// The bundled calendar under the default policy.
    pub fn turkey() -> Calendar {
        Calendar {
            inner: core::Calendar::turkey(),
            patches: Arc::new(Vec::new()),
        }
    }

    fn state(&self) -> State {
        State {
            policy: self.inner.policy(),
            patches: self.patches.as_ref().clone(),
        }
    }

    fn from_state(state: State) -> Res<Calendar> {
        let mut cal = core::Calendar::turkey();
        for patch in &state.patches {
            cal = cal.patched(patch)?;
        }
        Ok(Calendar {
            inner: cal.with_policy(state.policy),
            patches: Arc::new(state.patches),
        })
    }

    fn range_error(&self, date: NaiveDate) -> core::CalendarError {
        let (first, last) = self.inner.range();
        core::CalendarError::OutOfRange { date, first, last }
    }

    /// `add_business_days` over a numpy day number (days since 1970-01-01).
    fn add_epoch(&self, day: i64, n: u32) -> Result<i64, core::CalendarError> {
        self.inner.add_business_days_epoch(day, n)
    }

    /// Applies `f` to every day of a numpy `datetime64[D]` array (any shape),
    /// without the GIL; NaT stays NaT. The first failure raises, naming the
    /// flat index.
    fn map_days<'py, F>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        field: &str,
        f: F,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        F: Fn(i64) -> Result<i64, core::CalendarError> + Sync + Send,
    {
        let np = py.import("numpy").map_err(|_| {
            Failure::input(
                field,
                format!(
                    "expected a datetime.date, or a numpy datetime64[D] array (numpy is not \
                     installed), got {}",
                    type_name(dates)
                ),
            )
        })?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("dtype", "datetime64[D]")?;
        let array = np
            .call_method("asarray", (dates,), Some(&kwargs))
            .map_err(|e| {
                Failure::input(
                    field,
                    format!(
                        "expected a datetime.date or an array of datetime64[D], got {} ({})",
                        type_name(dates),
                        e.value(py)
                    ),
                )
            })?;
        let shape = array.getattr("shape")?;
        let raw = array
            .call_method1("view", ("int64",))?
            .call_method0("tobytes")?;
        let raw = raw.cast::<PyBytes>()?;
        let input: &[u8] = raw.as_bytes();
        let result = py.detach(|| {
            guarded(|| {
                let mut out = Vec::with_capacity(input.len());
                for (i, chunk) in input.chunks_exact(8).enumerate() {
                    let mut bytes = [0u8; 8];
                    bytes.copy_from_slice(chunk);
                    let day = i64::from_ne_bytes(bytes);
                    let due = if day == NAT {
                        NAT
                    } else {
                        f(day).map_err(|e| (i, e))?
                    };
                    out.extend_from_slice(&due.to_ne_bytes());
                }
                Ok::<_, (usize, core::CalendarError)>(out)
            })
        });
        let out = match result? {
            Ok(out) => out,
            Err((i, e)) => return Err(to_py_err(py, e.into(), Some(i))),
        };
        let buffer = PyByteArray::new(py, &out);
        np.call_method1("frombuffer", (buffer, "int64"))?
            .call_method1("view", ("datetime64[D]",))?
            .call_method1("reshape", (shape,))
    }
}

fn date_arg(obj: &Bound<'_, PyAny>, field: &str) -> Res<NaiveDate> {
    date_from_py(obj, field)
}

#[pymethods]
impl Calendar {
    /// The bundled Turkish calendar (2004-01-01 to 2040-12-31) under the
    /// default policy.
    #[staticmethod]
    #[pyo3(name = "turkey")]
    fn py_turkey() -> Calendar {
        Calendar::turkey()
    }

    /// The same data under another counting policy: a `Policy`, or keyword
    /// overrides of the current one.
    #[pyo3(signature = (policy=None, *, half_day=None, administrative_leave=None, province=None))]
    fn with_policy(
        &self,
        policy: Option<PyRef<'_, Policy>>,
        half_day: Option<Bound<'_, PyAny>>,
        administrative_leave: Option<Bound<'_, PyAny>>,
        province: Option<Bound<'_, PyAny>>,
    ) -> PyResult<Calendar> {
        let base = policy.map_or(self.inner.policy(), |p| p.inner);
        let policy = policy_with(base, half_day, administrative_leave, province)?;
        Ok(Calendar {
            inner: guarded(|| self.inner.with_policy(policy))?,
            patches: Arc::clone(&self.patches),
        })
    }

    /// This calendar with additions and corrections (a CalendarPatch in the
    /// wire format: `holidays`, `remove_holidays`, `administrative_leave`,
    /// `covers_until`), as a dict or JSON text.
    fn patched(&self, patch: &Bound<'_, PyAny>) -> PyResult<Calendar> {
        let patch: core::CalendarPatch = if wire::json_text(patch, "patch").is_ok() {
            wire::parse(&wire::json_text(patch, "patch")?)?
        } else {
            wire::from_py(patch)?
        };
        let inner = guarded(|| self.inner.patched(&patch))?.map_err(Failure::from)?;
        let mut patches = self.patches.as_ref().clone();
        patches.push(patch);
        Ok(Calendar {
            inner,
            patches: Arc::new(patches),
        })
    }

    /// The counting policy in force.
    #[getter]
    fn policy(&self) -> Policy {
        Policy {
            inner: self.inner.policy(),
        }
    }

    /// First and last date with data.
    #[getter]
    fn range<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyDate>, Bound<'py, PyDate>)> {
        let (first, last) = self.inner.range();
        Ok((date_to_py(py, first)?, date_to_py(py, last)?))
    }

    /// Last date whose holidays are confirmed; later ones are estimates.
    #[getter]
    fn confirmed_until<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        date_to_py(py, self.inner.confirmed_until())
    }

    /// Whether `date` lies after the confirmed range.
    fn is_estimated(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.is_estimated(date_arg(date, "date")?))
    }

    /// Whether `date` is a business day under the policy.
    fn is_business_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = date_arg(date, "date")?;
        Ok(guarded(|| self.inner.is_business_day(d))?.map_err(Failure::from)?)
    }

    /// Whether a period may end on `date`.
    fn is_full_business_day(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = date_arg(date, "date")?;
        Ok(guarded(|| self.inner.is_full_business_day(d))?.map_err(Failure::from)?)
    }

    /// What kind of day `date` is under the policy.
    fn day_kind<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = date_arg(date, "date")?;
        let kind = guarded(|| self.inner.day_kind(d))?.map_err(Failure::from)?;
        enum_to_py(py, kind)
    }

    /// The holiday on `date`, if any (half days included).
    fn holiday(&self, date: &Bound<'_, PyAny>) -> PyResult<Option<Holiday>> {
        let d = date_arg(date, "date")?;
        Ok(self
            .inner
            .holiday(d)
            .cloned()
            .map(|inner| Holiday { inner }))
    }

    /// All holidays of `year`, one entry per date, in date order.
    fn holidays<'py>(
        &self,
        py: Python<'py>,
        year: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let y = wire::count_from_py(year, "year")?;
        let y = i32::try_from(y).map_err(|_| Failure::input("year", "is too large"))?;
        let list = guarded(|| self.inner.holidays(y))?.map_err(Failure::from)?;
        PyList::new(py, list.into_iter().map(|inner| Holiday { inner }))
    }

    /// The first business day strictly after `date`.
    fn next_business_day<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = date_arg(date, "date")?;
        let next = guarded(|| self.inner.next_business_day(d))?.map_err(Failure::from)?;
        date_to_py(py, next)
    }

    /// `date` when a period may end on it, else the next day it may (İYUK m.8/2).
    fn roll_to_full_business_day<'py>(
        &self,
        py: Python<'py>,
        date: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDate>> {
        let d = date_arg(date, "date")?;
        let rolled = guarded(|| self.inner.roll_to_full_business_day(d))?.map_err(Failure::from)?;
        date_to_py(py, rolled)
    }

    /// The `n`-th business day after each date (the date itself never
    /// counts; `n = 0` gives the date if it is a business day, else the next
    /// one). `dates` is a `datetime.date` (gives a date) or a numpy
    /// `datetime64[D]` array of any shape (gives an array; NaT stays NaT).
    fn add_business_days<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let n = wire::count_from_py(n, "n")?;
        if is_scalar_date(dates) {
            let d = date_arg(dates, "dates")?;
            let due = guarded(|| self.inner.add_business_days(d, n))?.map_err(Failure::from)?;
            return Ok(date_to_py(py, due)?.into_any());
        }
        self.map_days(py, dates, "dates", |day| self.add_epoch(day, n))
    }

    /// The due date of an `n`-business-day period from each date: the
    /// `n`-th business day, moved to the next full business day when a period
    /// may not end on it (a half day under the default policy). Scalar or
    /// numpy array, like `add_business_days`.
    fn business_due<'py>(
        &self,
        py: Python<'py>,
        dates: &Bound<'py, PyAny>,
        n: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let n = wire::count_from_py(n, "n")?;
        if is_scalar_date(dates) {
            let d = date_arg(dates, "dates")?;
            let day = i64::from(d.num_days_from_ce()) - UNIX_FROM_CE;
            let due = guarded(|| self.inner.business_due_epoch(day, n))?.map_err(Failure::from)?;
            let due = due
                .checked_add(UNIX_FROM_CE)
                .and_then(|d| i32::try_from(d).ok())
                .and_then(NaiveDate::from_num_days_from_ce_opt)
                .ok_or_else(|| Failure::from(self.range_error(NaiveDate::MAX)))?;
            return Ok(date_to_py(py, due)?.into_any());
        }
        self.map_days(py, dates, "dates", |day| {
            self.inner.business_due_epoch(day, n)
        })
    }

    /// Business days in `(start, end]`; negative when `end` is before `start`.
    fn business_days_between(
        &self,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        let a = date_arg(start, "start")?;
        let b = date_arg(end, "end")?;
        Ok(guarded(|| self.inner.business_days_between(a, b))?.map_err(Failure::from)?)
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<Self>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        let equal = self.inner.policy() == o.inner.policy() && self.patches == o.patches;
        Ok(match op {
            CompareOp::Eq => equal.into_pyobject(py)?.to_owned().into_any().unbind(),
            CompareOp::Ne => (!equal).into_pyobject(py)?.to_owned().into_any().unbind(),
            _ => py.NotImplemented(),
        })
    }

    fn __hash__(&self) -> PyResult<u64> {
        Ok(wire::wire_hash(&self.state())?)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let restore = py.import("bimer._bimer")?.getattr("_restore_calendar")?;
        Ok((restore, (wire::to_json(&self.state())?,)))
    }

    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __deepcopy__<'py>(slf: Bound<'py, Self>, memo: &Bound<'py, PyAny>) -> Bound<'py, Self> {
        let _ = memo;
        slf
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (first, last) = self.inner.range();
        let policy = Policy {
            inner: self.inner.policy(),
        };
        let policy = Bound::new(py, policy)?.repr()?.to_string();
        let patches = if self.patches.is_empty() {
            String::new()
        } else {
            format!(", patches={}", self.patches.len())
        };
        Ok(format!(
            "Calendar(range=({first}, {last}), confirmed_until={}, policy={policy}{patches})",
            self.inner.confirmed_until()
        ))
    }
}

/// Unpickles a calendar: the bundled data, its patches, its policy.
#[pyfunction]
pub fn _restore_calendar(state: &str) -> PyResult<Calendar> {
    Ok(Calendar::from_state(wire::parse(state)?)?)
}
