//! The lifecycle (`bimer.Case`, `Event`, `Status`) and text classification
//! (`bimer.classify`): translation only; the state machine and the
//! classifier are the core's.

use bimer_core as core;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDict, PyList, PyTuple};

use crate::calendar::Calendar;
use crate::errors::{guarded, Failure, Res};
use crate::values::{
    application_from_py, date_repr, generic_repr, py_str_repr, Classification, Wire,
};
use crate::wire::{
    self, date_from_py, date_to_py, enum_from_py, enum_to_py, opt_date_to_py, opt_enum_to_py,
};

impl Wire for core::Case {
    fn from_json_text(json: &str) -> Res<Self> {
        // The core's reader: strict, and its errors name the field.
        guarded(|| core::Case::from_json(json))?.map_err(|e| Failure::Core(e.into()))
    }

    fn bad_value(field: String, problem: String) -> Failure {
        Failure::Core(core::InvalidCase { field, problem }.into())
    }
}

impl Wire for core::Event {
    fn from_json_text(json: &str) -> Res<Self> {
        wire::parse(json)
    }
}

macro_rules! serde_wire {
    ($($ty:ty),+) => {$(
        impl Wire for $ty {
            fn from_json_text(json: &str) -> Res<Self> {
                wire::parse(json)
            }
        }
    )+};
}
serde_wire!(
    core::Status,
    core::ApplicantDeadline,
    core::MovedDeadline,
    core::ClockPolicy,
    core::SuggestedFact
);

fn calendar_or_default(calendar: Option<PyRef<'_, Calendar>>) -> core::Calendar {
    calendar.map_or_else(core::Calendar::turkey, |c| c.inner.clone())
}

/// An event argument: an `Event` or its wire-format dict.
fn event_from_py(obj: &Bound<'_, PyAny>) -> Res<core::Event> {
    if let Ok(e) = obj.cast::<Event>() {
        return Ok(e.get().inner.clone());
    }
    <core::Event as Wire>::from_dict(obj)
}

crate::values::value_type! {
    /// Something that happened to an application, with its date:
    /// `Event("extension_notified", on=date(2025, 5, 7), reason="other_unit")`.
    /// The fields are those of the wire format; the ones of another kind of
    /// event are refused by name.
    Event(core::Event) {
        #[new]
        #[pyo3(signature = (event, on=None, *, to=None, received_on=None, reason=None, amount=None,
                            outcome=None, ground=None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            py: Python<'_>,
            event: Bound<'_, PyAny>,
            on: Option<Bound<'_, PyAny>>,
            to: Option<Bound<'_, PyAny>>,
            received_on: Option<Bound<'_, PyAny>>,
            reason: Option<Bound<'_, PyAny>>,
            amount: Option<Bound<'_, PyAny>>,
            outcome: Option<Bound<'_, PyAny>>,
            ground: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let dict = PyDict::new(py);
            dict.set_item("event", event)?;
            for (key, value) in [
                ("on", on),
                ("to", to),
                ("received_on", received_on),
                ("reason", reason),
                ("amount", amount),
                ("outcome", outcome),
                ("ground", ground),
            ] {
                if let Some(v) = value.filter(|v| !v.is_none()) {
                    dict.set_item(key, v)?;
                }
            }
            Ok(Self { inner: <core::Event as Wire>::from_dict(dict.as_any())? })
        }
        /// The kind of event.
        #[getter]
        fn event<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.kind())
        }
        /// The day it happened (for `forwarded`, the day the receiving body
        /// received the application).
        #[getter]
        fn on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.on())
        }
        /// The fields of this event besides `event`, as in the wire format.
        #[getter]
        fn details<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let dict = wire::to_dict(py, &self.inner)?;
            dict.del_item("event")?;
            Ok(dict)
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Event", &self.inner)
        }
    }
}

crate::values::value_type! {
    /// The clock rules of a case where the law is silent: forwarding and fees.
    ClockPolicy(core::ClockPolicy) {
        #[new]
        #[pyo3(signature = (forwarding=None, fee=None))]
        fn new(forwarding: Option<Bound<'_, PyAny>>, fee: Option<Bound<'_, PyAny>>) -> PyResult<Self> {
            let mut inner = core::ClockPolicy::default();
            if let Some(f) = forwarding.filter(|v| !v.is_none()) {
                inner.forwarding = enum_from_py(&f, "forwarding")?;
            }
            if let Some(f) = fee.filter(|v| !v.is_none()) {
                inner.fee = enum_from_py(&f, "fee")?;
            }
            Ok(Self { inner })
        }
        #[getter]
        fn forwarding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.forwarding)
        }
        #[getter]
        fn fee<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.fee)
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "ClockPolicy", &self.inner)
        }
    }
}

crate::values::value_type! {
    /// An application's history: its receipt, route and events, in date order
    /// (DESIGN §2.7). Immutable: `with_event` returns the longer history after
    /// checking every rule.
    Case(core::Case) {
        #[new]
        #[pyo3(signature = (id, category, authority, received_on, *, policy=None, events=None))]
        fn new(
            py: Python<'_>,
            id: Bound<'_, PyAny>,
            category: Bound<'_, PyAny>,
            authority: Bound<'_, PyAny>,
            received_on: Bound<'_, PyAny>,
            policy: Option<Bound<'_, PyAny>>,
            events: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let dict = PyDict::new(py);
            dict.set_item("id", id)?;
            dict.set_item("category", category)?;
            dict.set_item("authority", authority)?;
            dict.set_item("received_on", received_on)?;
            if let Some(p) = policy.filter(|v| !v.is_none()) {
                match p.cast::<ClockPolicy>() {
                    Ok(p) => dict.set_item("policy", wire::to_dict(py, &p.get().inner)?)?,
                    Err(_) => dict.set_item("policy", p)?,
                }
            }
            if let Some(events) = events.filter(|v| !v.is_none()) {
                let list = PyList::empty(py);
                for e in events.try_iter().map_err(|_| Failure::Core(core::InvalidCase {
                    field: "events".into(),
                    problem: "expected an iterable of events".into(),
                }.into()))? {
                    let e = e?;
                    match e.cast::<Event>() {
                        Ok(ev) => list.append(wire::to_dict(py, &ev.get().inner)?)?,
                        Err(_) => list.append(e)?,
                    }
                }
                dict.set_item("events", list)?;
            }
            Ok(Self { inner: <core::Case as Wire>::from_dict(dict.as_any())? })
        }

        /// A new case for an application (dict, JSON or `Application`) and the
        /// authority of its route (`decision.route.authority`).
        #[staticmethod]
        fn from_application(application: &Bound<'_, PyAny>, authority: &Bound<'_, PyAny>) -> PyResult<Case> {
            let app = application_from_py(application)
                .and_then(|a| a.parse())
                .map_err(Failure::from)?;
            let authority: core::Authority = enum_from_py(authority, "authority")?;
            let inner = guarded(|| core::Case::from_application(&app, authority))?
                .map_err(|e| Failure::Core(e.into()))?;
            Ok(Case { inner })
        }

        #[getter]
        fn id(&self) -> &str {
            &self.inner.id
        }
        #[getter]
        fn category<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.category)
        }
        #[getter]
        fn authority<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.authority)
        }
        #[getter]
        fn received_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.received_on)
        }
        #[getter]
        fn policy(&self) -> ClockPolicy {
            ClockPolicy { inner: self.inner.policy }
        }
        #[getter]
        fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(py, self.inner.events.iter().map(|e| Event { inner: e.clone() }))
        }

        /// The procedure whose period the body answers in.
        fn procedure<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let p = guarded(|| self.inner.procedure())?.map_err(|e| Failure::Core(e.into()))?;
            enum_to_py(py, p)
        }

        /// Where the case stands on `as_of`: the whole history is checked,
        /// then replayed on `calendar` (default `Calendar.turkey()`).
        #[pyo3(signature = (as_of, *, calendar=None))]
        fn status(&self, as_of: &Bound<'_, PyAny>, calendar: Option<PyRef<'_, Calendar>>) -> PyResult<Status> {
            let as_of = date_from_py(as_of, "as_of")?;
            let cal = calendar_or_default(calendar);
            let inner = guarded(|| self.inner.status(&cal, as_of))?.map_err(|e| Failure::Core(e.into()))?;
            Ok(Status { inner })
        }

        /// This case with `event` added (an `Event` or its dict), if the
        /// history with it keeps every rule; else `LifecycleError` naming the
        /// article. This case is unchanged either way.
        #[pyo3(signature = (event, *, calendar=None))]
        fn with_event(&self, event: &Bound<'_, PyAny>, calendar: Option<PyRef<'_, Calendar>>) -> PyResult<Case> {
            let event = event_from_py(event)?;
            let cal = calendar_or_default(calendar);
            let mut inner = self.inner.clone();
            guarded(|| inner.record(&cal, event))?.map_err(|e| Failure::Core(e.into()))?;
            Ok(Case { inner })
        }

        /// The due dates that differ between two calendars for the events up
        /// to `as_of` (a new idari izin, a corrected bayram date).
        fn recompute<'py>(
            &self,
            py: Python<'py>,
            before: PyRef<'_, Calendar>,
            after: PyRef<'_, Calendar>,
            as_of: &Bound<'py, PyAny>,
        ) -> PyResult<Bound<'py, PyList>> {
            let as_of = date_from_py(as_of, "as_of")?;
            let moved = guarded(|| self.inner.recompute(&before.inner, &after.inner, as_of))?
                .map_err(|e| Failure::Core(e.into()))?;
            PyList::new(py, moved.into_iter().map(|inner| MovedDeadline { inner }))
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            use crate::values::Code;
            Ok(format!(
                "Case(id={}, category='{}', authority='{}', received_on={}, events={})",
                py_str_repr(py, &self.inner.id)?,
                self.inner.category.code(),
                self.inner.authority.code(),
                date_repr(self.inner.received_on),
                self.inner.events.len()
            ))
        }
    }
}

crate::values::value_type! {
    /// Where a case stands on one day: state, what the body owes and by when,
    /// what the applicant may still do.
    Status(core::Status) {
        #[getter]
        fn id(&self) -> &str {
            &self.inner.id
        }
        #[getter]
        fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.as_of)
        }
        #[getter]
        fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.state)
        }
        #[getter]
        fn outcome<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.outcome)
        }
        #[getter]
        fn procedure<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.procedure)
        }
        #[getter]
        fn due_on<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
            opt_date_to_py(py, self.inner.due_on)
        }
        #[getter]
        fn days_left(&self) -> Option<i64> {
            self.inner.days_left
        }
        #[getter]
        fn days_left_unit<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.days_left_unit)
        }
        #[getter]
        fn overdue(&self) -> bool {
            self.inner.overdue
        }
        #[getter]
        fn citation(&self) -> Option<&str> {
            self.inner.citation.as_deref()
        }
        #[getter]
        fn next_deadline_for_applicant(&self) -> Option<ApplicantDeadline> {
            self.inner.next_deadline_for_applicant.clone().map(|inner| ApplicantDeadline { inner })
        }
        #[getter]
        fn closed_on<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
            opt_date_to_py(py, self.inner.closed_on)
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Status", &self.inner)
        }
    }
}

crate::values::value_type! {
    /// The applicant's next deadline (pay the fee, object to BEDK).
    ApplicantDeadline(core::ApplicantDeadline) {
        #[getter]
        fn action<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.action)
        }
        #[getter]
        fn due_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.due_on)
        }
        #[getter]
        fn days_left(&self) -> i64 {
            self.inner.days_left
        }
        #[getter]
        fn days_left_unit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.days_left_unit)
        }
        #[getter]
        fn citation(&self) -> &str {
            &self.inner.citation
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "ApplicantDeadline", &self.inner)
        }
    }
}

crate::values::value_type! {
    /// A due date that moved when the calendar changed.
    MovedDeadline(core::MovedDeadline) {
        #[getter]
        fn id(&self) -> &str {
            &self.inner.id
        }
        /// Whose due date: a `Procedure` (the body's) or an `ApplicantAction`.
        #[getter]
        fn deadline<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            match self.inner.deadline {
                core::DueKind::Body(p) => enum_to_py(py, p),
                core::DueKind::Applicant(a) => enum_to_py(py, a),
            }
        }
        /// The due date under the old calendar (`from` on the wire).
        #[getter]
        fn from_<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.from)
        }
        /// The due date under the new calendar.
        #[getter]
        fn to<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.to)
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "MovedDeadline", &self.inner)
        }
    }
}

crate::values::value_type! {
    /// A fact the text suggests, for the officer to confirm (bimer never sets it).
    SuggestedFact(core::SuggestedFact) {
        #[getter]
        fn fact<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.fact)
        }
        #[getter]
        fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(
                py,
                self.inner.evidence.iter().map(|e| crate::values::Evidence { inner: e.clone() }),
            )
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "SuggestedFact", &self.inner)
        }
    }
}

/// Classifies a free text (subject and body) with the bundled lexicon:
/// category, petition kind and topic, each with a calibrated confidence, the
/// evidence, and the facts the text suggests. Releases the GIL.
#[pyfunction]
pub fn classify(py: Python<'_>, subject: &str, text: &str) -> PyResult<Classification> {
    let inner = py.detach(|| guarded(|| core::classify(subject, text)))?;
    Ok(Classification { inner })
}
