//! The value types: frozen, hashable, picklable mirrors of the core's wire
//! types, each holding the core value itself.

use bimer_core as core;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyString, PyTuple, PyType};

use crate::calendar::Calendar;
use crate::errors::{guarded, Failure, Res};
use crate::wire::{
    self, date_to_py, enum_from_py, enum_to_py, opt_date_to_py, opt_enum_to_py, LeavePolicy,
};

/// Reads an output type from the wire format (`str`/`bytes` JSON or a dict).
pub trait Wire: Sized {
    /// Parses JSON text.
    fn from_json_text(json: &str) -> Res<Self>;

    /// The failure for a dict value that has no JSON form.
    fn bad_value(field: String, problem: String) -> Failure {
        Failure::input(field, problem)
    }

    /// Reads a Python dict (or other mapping; dates may be `datetime.date`).
    fn from_dict(data: &Bound<'_, PyAny>) -> Res<Self> {
        match wire::to_value(data, "") {
            Ok(value) => Self::from_json_text(&value.to_string()),
            Err((field, problem)) => Err(Self::bad_value(field, problem)),
        }
    }
}

macro_rules! wire_via_serde {
    ($($ty:ty),+) => {$(
        impl Wire for $ty {
            fn from_json_text(json: &str) -> Res<Self> {
                wire::parse(json)
            }
        }
    )+};
}

wire_via_serde!(
    core::Decision,
    core::Finding,
    core::Route,
    core::DecisionDeadline,
    core::Classification,
    core::Evidence,
    core::Period,
    core::Policy,
    core::Holiday,
    core::Deadline,
    core::Explanation,
    core::SkippedDay
);

impl Wire for core::Application {
    fn from_json_text(json: &str) -> Res<Self> {
        // The core's own reader: strict, and its errors name the field.
        guarded(|| core::Application::from_json(json))?.map_err(Failure::from)
    }

    fn bad_value(field: String, problem: String) -> Failure {
        core::InvalidApplication { field, problem }.into()
    }
}

/// `Name(key=value, ...)` from the wire dict, values shown as Python reprs.
pub fn generic_repr<T: serde::Serialize>(
    py: Python<'_>,
    name: &str,
    value: &T,
) -> PyResult<String> {
    let dict = wire::to_dict(py, value)?;
    let mut parts = Vec::new();
    for item in dict.call_method0("items")?.try_iter()? {
        let (k, v): (String, Bound<'_, PyAny>) = item?.extract()?;
        parts.push(format!("{k}={}", v.repr()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// A Python string literal.
pub fn py_str_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// `datetime.date(2027, 1, 22)`.
pub fn date_repr(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("datetime.date({}, {}, {})", d.year(), d.month(), d.day())
}

/// Declares a frozen pyclass around a core value with the common protocol:
/// `to_json`/`from_json`, `to_dict`/`from_dict`, `==`, `hash`, pickling.
macro_rules! value_type {
    (
        $(#[$meta:meta])*
        $name:ident($core:ty) { $($body:tt)* }
    ) => {
        $(#[$meta])*
        #[::pyo3::pyclass(frozen, module = "bimer._bimer")]
        #[derive(Clone)]
        pub struct $name {
            pub(crate) inner: $core,
        }

        #[::pyo3::pymethods]
        impl $name {
            $($body)*

            /// The wire format (JSON, one line).
            fn to_json(&self) -> PyResult<String> {
                Ok($crate::wire::to_json(&self.inner)?)
            }

            /// The wire format as a dict: equal to `json.loads(self.to_json())`.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                $crate::wire::to_dict(py, &self.inner)
            }

            /// Reads the wire format (JSON text as `str` or `bytes`).
            #[classmethod]
            fn from_json(_cls: &::pyo3::Bound<'_, ::pyo3::types::PyType>, json: &Bound<'_, PyAny>) -> PyResult<Self> {
                let text = $crate::wire::json_text(json, "json")?;
                Ok(Self { inner: <$core as $crate::values::Wire>::from_json_text(&text)? })
            }

            /// Reads the wire format as a dict (dates may be `datetime.date`).
            #[classmethod]
            fn from_dict(_cls: &::pyo3::Bound<'_, ::pyo3::types::PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
                Ok(Self { inner: <$core as $crate::values::Wire>::from_dict(data)? })
            }

            fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: ::pyo3::basic::CompareOp) -> PyResult<Py<PyAny>> {
                let py = other.py();
                let Ok(other) = other.cast::<Self>() else {
                    return Ok(py.NotImplemented());
                };
                let equal = self.inner == other.get().inner;
                Ok(match op {
                    ::pyo3::basic::CompareOp::Eq => equal.into_pyobject(py)?.to_owned().into_any().unbind(),
                    ::pyo3::basic::CompareOp::Ne => (!equal).into_pyobject(py)?.to_owned().into_any().unbind(),
                    _ => py.NotImplemented(),
                })
            }

            fn __hash__(&self) -> PyResult<u64> {
                Ok($crate::wire::wire_hash(&self.inner)?)
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                let from_json = slf.get_type().getattr("from_json")?;
                Ok((from_json, ($crate::wire::to_json(&slf.get().inner)?,)))
            }

            fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
                slf
            }

            fn __deepcopy__<'py>(slf: Bound<'py, Self>, memo: &Bound<'py, PyAny>) -> Bound<'py, Self> {
                let _ = memo;
                slf
            }
        }
    };
}
pub(crate) use value_type;

// ------------------------------------------------------------- Application

/// Reads an application from a dict, the wire format's JSON text, or an
/// `Application`; any failure is an `InvalidApplication` naming the field.
pub fn application_from_py(obj: &Bound<'_, PyAny>) -> Result<AppInput, core::InvalidApplication> {
    if let Ok(app) = obj.cast::<Application>() {
        return Ok(AppInput::Parsed(Box::new(app.get().inner.clone())));
    }
    if obj.cast::<PyString>().is_ok()
        || obj.cast::<pyo3::types::PyBytes>().is_ok()
        || obj.cast::<pyo3::types::PyByteArray>().is_ok()
    {
        return match wire::json_text(obj, "") {
            Ok(text) => Ok(AppInput::Json(text)),
            Err(_) => Err(core::InvalidApplication {
                field: String::new(),
                problem: "not valid UTF-8 text".into(),
            }),
        };
    }
    if obj.cast::<pyo3::types::PyDict>().is_ok() || obj.cast::<pyo3::types::PyMapping>().is_ok() {
        return match wire::to_value(obj, "") {
            Ok(value) => Ok(AppInput::Json(value.to_string())),
            Err((field, problem)) => Err(core::InvalidApplication { field, problem }),
        };
    }
    Err(core::InvalidApplication {
        field: String::new(),
        problem: format!(
            "expected a dict, a JSON str or a bimer.Application, got {}",
            wire::type_name(obj)
        ),
    })
}

/// An application as read from Python, not yet parsed when it came as data
/// (parsing can then run without the GIL).
pub enum AppInput {
    /// Already an `Application`.
    Parsed(Box<core::Application>),
    /// Wire-format JSON text.
    Json(String),
}

impl AppInput {
    /// The parsed application.
    pub fn parse(self) -> Result<core::Application, core::InvalidApplication> {
        match self {
            AppInput::Parsed(app) => Ok(*app),
            AppInput::Json(text) => core::Application::from_json(&text),
        }
    }
}

value_type! {
    /// An incoming application (DESIGN §3). Build it with keyword arguments
    /// (`Application(id="A-1", received_on=date(2026, 12, 31), category="petition", ...)`),
    /// `from_dict` or `from_json`; any dict works wherever an Application does.
    Application(core::Application) {
        #[new]
        #[pyo3(signature = (id, received_on, *, channel=None, category=None, petition_kind=None,
                            language=None, subject=None, text=None, applicant=None, target=None,
                            facts=None))]
        #[allow(clippy::too_many_arguments)]
        fn new(
            py: Python<'_>,
            id: Bound<'_, PyAny>,
            received_on: Bound<'_, PyAny>,
            channel: Option<Bound<'_, PyAny>>,
            category: Option<Bound<'_, PyAny>>,
            petition_kind: Option<Bound<'_, PyAny>>,
            language: Option<Bound<'_, PyAny>>,
            subject: Option<Bound<'_, PyAny>>,
            text: Option<Bound<'_, PyAny>>,
            applicant: Option<Bound<'_, PyAny>>,
            target: Option<Bound<'_, PyAny>>,
            facts: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let dict = pyo3::types::PyDict::new(py);
            dict.set_item("id", id)?;
            dict.set_item("received_on", received_on)?;
            for (key, value) in [
                ("channel", channel),
                ("category", category),
                ("petition_kind", petition_kind),
                ("language", language),
                ("subject", subject),
                ("text", text),
                ("applicant", applicant),
                ("target", target),
                ("facts", facts),
            ] {
                if let Some(v) = value.filter(|v| !v.is_none()) {
                    dict.set_item(key, v)?;
                }
            }
            Ok(Self { inner: <core::Application as Wire>::from_dict(dict.as_any())? })
        }

        #[getter]
        fn id(&self) -> &str {
            &self.inner.id
        }
        #[getter]
        fn received_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.received_on)
        }
        #[getter]
        fn channel<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.channel)
        }
        #[getter]
        fn category<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.category)
        }
        #[getter]
        fn petition_kind<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.petition_kind)
        }
        /// ISO 639-1 language; `"tr"` when not given.
        #[getter]
        fn language(&self) -> &str {
            self.inner.language()
        }
        #[getter]
        fn subject(&self) -> &str {
            &self.inner.subject
        }
        #[getter]
        fn text(&self) -> &str {
            &self.inner.text
        }
        /// The applicant as a wire-format dict (a copy), or None.
        #[getter]
        fn applicant<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.inner.applicant.as_ref().map(|a| wire::to_dict(py, a)).transpose()
        }
        /// The target as a wire-format dict (a copy).
        #[getter]
        fn target<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            wire::to_dict(py, &self.inner.target)
        }
        /// The stated facts as a wire-format dict (a copy).
        #[getter]
        fn facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            wire::to_dict(py, &self.inner.facts)
        }

        /// Shows no personal data: identity numbers are masked to their last
        /// two digits; names, addresses and texts are left out.
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            let a = &self.inner;
            let mut parts = vec![
                format!("id={}", py_str_repr(py, &a.id)?),
                format!("received_on={}", date_repr(a.received_on)),
            ];
            let code = |v: &dyn erased::Code| v.code();
            if let Some(c) = &a.channel {
                parts.push(format!("channel={}", py_str_repr(py, &code(c))?));
            }
            if let Some(c) = &a.category {
                parts.push(format!("category={}", py_str_repr(py, &code(c))?));
            }
            if let Some(k) = &a.petition_kind {
                parts.push(format!("petition_kind={}", py_str_repr(py, &code(k))?));
            }
            let applicant = match &a.applicant {
                None => "None".to_string(),
                Some(core::Applicant::Anonymous) => "'anonymous'".into(),
                Some(core::Applicant::Person(p)) => {
                    let ids: Vec<String> = [("tckn", &p.tckn), ("ykn", &p.ykn), ("passport", &p.passport)]
                        .into_iter()
                        .filter_map(|(k, v)| v.as_ref().map(|n| format!("{k}={}", n.masked())))
                        .collect();
                    py_str_repr(py, format!("person {}", ids.join(" ")).trim_end())?
                }
                Some(core::Applicant::LegalEntity(e)) => {
                    let ids: Vec<String> = [("vkn", &e.vkn), ("mersis", &e.mersis)]
                        .into_iter()
                        .filter_map(|(k, v)| v.as_ref().map(|n| format!("{k}={}", n.masked())))
                        .collect();
                    py_str_repr(py, format!("legal_entity {}", ids.join(" ")).trim_end())?
                }
            };
            parts.push(format!("applicant={applicant}"));
            if let Some(i) = &a.target.institution {
                parts.push(format!("institution={}", py_str_repr(py, i)?));
            }
            Ok(format!("Application({})", parts.join(", ")))
        }
    }
}

/// The wire code of a unit enum, for reprs.
pub(crate) use erased::Code;

mod erased {
    pub trait Code {
        fn code(&self) -> String;
    }
    impl<T: serde::Serialize> Code for T {
        fn code(&self) -> String {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            }
        }
    }
}

// ---------------------------------------------------------------- Decision

value_type! {
    /// What bimer decided about one application (DESIGN §3).
    Decision(core::Decision) {
        #[getter]
        fn id(&self) -> &str {
            &self.inner.id
        }
        #[getter]
        fn system<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.system)
        }
        #[getter]
        fn category<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.category)
        }
        #[getter]
        fn category_source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.category_source)
        }
        #[getter]
        fn classification(&self) -> Option<Classification> {
            self.inner.classification.clone().map(|inner| Classification { inner })
        }
        #[getter]
        fn admissible(&self) -> bool {
            self.inner.admissible
        }
        #[getter]
        fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(py, self.inner.findings.iter().map(|f| Finding { inner: f.clone() }))
        }
        #[getter]
        fn route(&self) -> Option<Route> {
            self.inner.route.clone().map(|inner| Route { inner })
        }
        #[getter]
        fn deadline(&self) -> Option<DecisionDeadline> {
            self.inner.deadline.clone().map(|inner| DecisionDeadline { inner })
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            use erased::Code;
            let d = &self.inner;
            let codes: Vec<String> = d.findings.iter().map(|f| f.code.code()).collect();
            let mut parts = vec![
                format!("id={}", py_str_repr(py, &d.id)?),
                format!("system={}", py_str_repr(py, &d.system.code())?),
                format!(
                    "category={}",
                    match &d.category {
                        Some(c) => py_str_repr(py, &c.code())?,
                        None => "None".into(),
                    }
                ),
                format!("admissible={}", if d.admissible { "True" } else { "False" }),
                format!("findings={codes:?}"),
            ];
            parts.push(format!(
                "route={}",
                match &d.route {
                    Some(r) => py_str_repr(
                        py,
                        &match (&r.unit, &r.institution) {
                            (Some(u), _) => format!("{}: {u}", r.authority.code()),
                            (None, Some(i)) => format!("{}: {i}", r.authority.code()),
                            (None, None) => r.authority.code(),
                        }
                    )?,
                    None => "None".into(),
                }
            ));
            parts.push(format!(
                "due_on={}",
                match &d.deadline {
                    Some(x) => date_repr(x.due_on),
                    None => "None".into(),
                }
            ));
            Ok(format!("Decision({})", parts.join(", ")))
        }
    }
}

value_type! {
    /// One rule that fired: code, severity, citation and messages.
    Finding(core::Finding) {
        #[getter]
        fn code<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.code)
        }
        #[getter]
        fn severity<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.severity)
        }
        #[getter]
        fn citation(&self) -> &str {
            &self.inner.citation
        }
        #[getter]
        fn message_tr(&self) -> &str {
            &self.inner.message_tr
        }
        #[getter]
        fn message_en(&self) -> &str {
            &self.inner.message_en
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Finding", &self.inner)
        }
    }
}

value_type! {
    /// Who must handle the application.
    Route(core::Route) {
        #[getter]
        fn authority<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.authority)
        }
        #[getter]
        fn institution(&self) -> Option<&str> {
            self.inner.institution.as_deref()
        }
        #[getter]
        fn unit(&self) -> Option<&str> {
            self.inner.unit.as_deref()
        }
        #[getter]
        fn citation(&self) -> &str {
            &self.inner.citation
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Route", &self.inner)
        }
    }
}

value_type! {
    /// The answer deadline in a decision.
    DecisionDeadline(core::DecisionDeadline) {
        #[getter]
        fn due_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.due_on)
        }
        #[getter]
        fn period(&self) -> Period {
            Period { inner: self.inner.period }
        }
        #[getter]
        fn extendable_to<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
            opt_date_to_py(py, self.inner.extendable_to)
        }
        #[getter]
        fn citation(&self) -> &str {
            &self.inner.citation
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "DecisionDeadline", &self.inner)
        }
    }
}

value_type! {
    /// A classification of the free text: category, kind, topic, confidence, evidence.
    Classification(core::Classification) {
        #[getter]
        fn category<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.category)
        }
        #[getter]
        fn confidence(&self) -> f64 {
            self.inner.confidence
        }
        #[getter]
        fn petition_kind<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.petition_kind)
        }
        #[getter]
        fn topic<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.topic)
        }
        #[getter]
        fn petition_kind_confidence(&self) -> Option<f64> {
            self.inner.petition_kind_confidence
        }
        #[getter]
        fn topic_confidence(&self) -> f64 {
            self.inner.topic_confidence
        }
        /// The category is too uncertain to act on without an officer.
        #[getter]
        fn needs_review(&self) -> bool {
            self.inner.needs_review
        }
        #[getter]
        fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(py, self.inner.evidence.iter().map(|e| Evidence { inner: e.clone() }))
        }
        /// Facts the text suggests, for the officer to confirm.
        #[getter]
        fn suggested_facts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(
                py,
                self.inner
                    .suggested_facts
                    .iter()
                    .map(|f| crate::lifecycle::SuggestedFact { inner: f.clone() }),
            )
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Classification", &self.inner)
        }
    }
}

value_type! {
    /// One lexicon term that moved a classification.
    Evidence(core::Evidence) {
        #[getter]
        fn term(&self) -> &str {
            &self.inner.term
        }
        #[getter]
        fn weight(&self) -> f64 {
            self.inner.weight
        }
        /// What it counted for: `category:petition`, `topic:health`, `fact:discrimination`.
        #[getter]
        fn label(&self) -> &str {
            &self.inner.label
        }
        /// Where it matched: subject or text.
        #[getter]
        fn field<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            opt_enum_to_py(py, self.inner.field)
        }
        /// The words as the applicant wrote them.
        #[getter]
        fn matched(&self) -> &str {
            &self.inner.matched
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Evidence", &self.inner)
        }
    }
}

// ------------------------------------------------------------------ Period

value_type! {
    /// A legal period: `length` units (`Period(15, "business_days")`, `Period.parse("15bd")`).
    Period(core::Period) {
        #[new]
        fn new(length: &Bound<'_, PyAny>, unit: &Bound<'_, PyAny>) -> PyResult<Self> {
            let length = wire::count_from_py(length, "length")?;
            let unit: core::Unit = enum_from_py(unit, "unit")?;
            // The core's parser is the one place that decides what a valid period is.
            let text = core::Period { length, unit }.to_string();
            Ok(Self { inner: text.parse::<core::Period>().map_err(Failure::from)? })
        }

        /// Parses the short form: `15bd`, `30d`, `3m`.
        #[staticmethod]
        fn parse(text: &str) -> PyResult<Self> {
            Ok(Self { inner: text.parse::<core::Period>().map_err(Failure::from)? })
        }

        #[getter]
        fn length(&self) -> u32 {
            self.inner.length
        }
        #[getter]
        fn unit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.unit)
        }
        /// The short form, `15bd`.
        fn __str__(&self) -> String {
            self.inner.to_string()
        }
        fn __repr__(&self) -> String {
            use erased::Code;
            format!("Period(length={}, unit='{}')", self.inner.length, self.inner.unit.code())
        }
    }
}

/// A period argument: a `Period` or its short form.
pub fn period_from_py(obj: &Bound<'_, PyAny>, field: &str) -> Res<core::Period> {
    if let Ok(p) = obj.cast::<Period>() {
        return Ok(p.get().inner);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s
            .to_str()
            .map_err(|_| Failure::input(field, "is not valid UTF-8"))?;
        return s.parse::<core::Period>().map_err(Failure::from);
    }
    Err(Failure::input(
        field,
        format!(
            "expected a bimer.Period or a str such as '15bd', got {}",
            wire::type_name(obj)
        ),
    ))
}

// ------------------------------------------------------------------ Policy

value_type! {
    /// The counting policy of a calendar: half days and administrative leave.
    Policy(core::Policy) {
        #[new]
        #[pyo3(signature = (half_day=None, administrative_leave=None, province=None))]
        fn new(
            half_day: Option<Bound<'_, PyAny>>,
            administrative_leave: Option<Bound<'_, PyAny>>,
            province: Option<Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            Ok(Self {
                inner: policy_with(core::Policy::default(), half_day, administrative_leave, province)?,
            })
        }
        #[getter]
        fn half_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.half_day)
        }
        #[getter]
        fn administrative_leave<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(
                py,
                match self.inner.administrative_leave {
                    core::AdministrativeLeavePolicy::Ignore => LeavePolicy::Ignore,
                    core::AdministrativeLeavePolicy::Holiday { .. } => LeavePolicy::Holiday,
                },
            )
        }
        /// The province whose regional leave also counts (holiday mode only).
        #[getter]
        fn province(&self) -> Option<&'static str> {
            match self.inner.administrative_leave {
                core::AdministrativeLeavePolicy::Holiday { province } => province.map(|p| p.name()),
                core::AdministrativeLeavePolicy::Ignore => None,
            }
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            use erased::Code;
            let mut parts = vec![format!("half_day={}", py_str_repr(py, &self.inner.half_day.code())?)];
            match self.inner.administrative_leave {
                core::AdministrativeLeavePolicy::Ignore => {
                    parts.push("administrative_leave='ignore'".into())
                }
                core::AdministrativeLeavePolicy::Holiday { province } => {
                    parts.push("administrative_leave='holiday'".into());
                    if let Some(p) = province {
                        parts.push(format!("province={}", py_str_repr(py, p.name())?));
                    }
                }
            }
            Ok(format!("Policy({})", parts.join(", ")))
        }
    }
}

/// `base` with the given overrides.
pub fn policy_with(
    base: core::Policy,
    half_day: Option<Bound<'_, PyAny>>,
    administrative_leave: Option<Bound<'_, PyAny>>,
    province: Option<Bound<'_, PyAny>>,
) -> Res<core::Policy> {
    let mut policy = base;
    if let Some(h) = half_day.filter(|v| !v.is_none()) {
        policy.half_day = enum_from_py(&h, "half_day")?;
    }
    let current_province = match base.administrative_leave {
        core::AdministrativeLeavePolicy::Holiday { province } => province,
        core::AdministrativeLeavePolicy::Ignore => None,
    };
    let mode = match administrative_leave.filter(|v| !v.is_none()) {
        Some(m) => enum_from_py::<LeavePolicy>(&m, "administrative_leave")?,
        None => match base.administrative_leave {
            core::AdministrativeLeavePolicy::Ignore => LeavePolicy::Ignore,
            core::AdministrativeLeavePolicy::Holiday { .. } => LeavePolicy::Holiday,
        },
    };
    let province = match province.filter(|v| !v.is_none()) {
        None => current_province,
        Some(p) => {
            let text = match p.extract::<u8>() {
                Ok(plate) => format!("{plate:02}"),
                Err(_) => p.extract::<String>().map_err(|_| {
                    Failure::input(
                        "province",
                        format!(
                            "expected a province name or plate code, got {}",
                            wire::type_name(&p)
                        ),
                    )
                })?,
            };
            Some(
                text.parse::<core::Province>()
                    .map_err(|e| Failure::input("province", e.to_string()))?,
            )
        }
    };
    policy.administrative_leave = match mode {
        LeavePolicy::Ignore => {
            if province.is_some() && current_province.is_none() {
                return Err(Failure::input(
                    "province",
                    "applies only with administrative_leave='holiday'",
                ));
            }
            core::AdministrativeLeavePolicy::Ignore
        }
        LeavePolicy::Holiday => core::AdministrativeLeavePolicy::Holiday { province },
    };
    Ok(policy)
}

// ----------------------------------------------------------------- Holiday

value_type! {
    /// One official holiday (two on one date are merged, names joined with "; ").
    Holiday(core::Holiday) {
        #[getter]
        fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.date)
        }
        #[getter]
        fn name_tr(&self) -> &str {
            &self.inner.name_tr
        }
        #[getter]
        fn name_en(&self) -> &str {
            &self.inner.name_en
        }
        #[getter]
        fn half_day(&self) -> bool {
            self.inner.half_day
        }
        #[getter]
        fn estimated(&self) -> bool {
            self.inner.estimated
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            Ok(format!(
                "Holiday(date={}, name_tr={}, name_en={}, half_day={}, estimated={})",
                date_repr(self.inner.date),
                py_str_repr(py, &self.inner.name_tr)?,
                py_str_repr(py, &self.inner.name_en)?,
                if self.inner.half_day { "True" } else { "False" },
                if self.inner.estimated { "True" } else { "False" },
            ))
        }
    }
}

// ---------------------------------------------------------------- Deadline

/// A computed due date; `explain()` says why it is what it is.
///
/// Remembers the calendar it was computed with, for `explain()`; a Deadline
/// read with `from_dict`/`from_json` uses `Calendar.turkey()`.
#[pyclass(frozen, module = "bimer._bimer")]
#[derive(Clone)]
pub struct Deadline {
    pub(crate) inner: core::Deadline,
    pub(crate) calendar: Calendar,
}

#[pymethods]
impl Deadline {
    #[getter]
    fn start_event_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        date_to_py(py, self.inner.start_event_on)
    }
    #[getter]
    fn due_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
        date_to_py(py, self.inner.due_on)
    }
    #[getter]
    fn period(&self) -> Period {
        Period {
            inner: self.inner.period,
        }
    }
    #[getter]
    fn extendable_to<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        opt_date_to_py(py, self.inner.extendable_to)
    }
    #[getter]
    fn citation(&self) -> &str {
        &self.inner.citation
    }
    #[getter]
    fn estimated(&self) -> bool {
        self.inner.estimated
    }
    /// The calendar the deadline was computed with.
    #[getter]
    fn calendar(&self) -> Calendar {
        self.calendar.clone()
    }

    /// The days skipped with their holiday names, the policy and the rules
    /// applied. `calendar` defaults to the one the deadline was computed with.
    #[pyo3(signature = (calendar=None))]
    fn explain(&self, calendar: Option<PyRef<'_, Calendar>>) -> PyResult<Explanation> {
        let cal = match &calendar {
            Some(c) => &c.inner,
            None => &self.calendar.inner,
        };
        let inner = guarded(|| self.inner.explain(cal))?.map_err(Failure::from)?;
        Ok(Explanation { inner })
    }

    fn to_json(&self) -> PyResult<String> {
        Ok(wire::to_json(&self.inner)?)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        wire::to_dict(py, &self.inner)
    }
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = wire::json_text(json, "json")?;
        Ok(Self {
            inner: wire::parse(&text)?,
            calendar: Calendar::turkey(),
        })
    }
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(Self {
            inner: <core::Deadline as Wire>::from_dict(data)?,
            calendar: Calendar::turkey(),
        })
    }
    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<Self>() else {
            return Ok(py.NotImplemented());
        };
        let equal = self.inner == other.get().inner;
        Ok(match op {
            CompareOp::Eq => equal.into_pyobject(py)?.to_owned().into_any().unbind(),
            CompareOp::Ne => (!equal).into_pyobject(py)?.to_owned().into_any().unbind(),
            _ => py.NotImplemented(),
        })
    }
    fn __hash__(&self) -> PyResult<u64> {
        Ok(wire::wire_hash(&self.inner)?)
    }
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Calendar))> {
        let restore = py.import("bimer._bimer")?.getattr("_restore_deadline")?;
        Ok((
            restore,
            (wire::to_json(&self.inner)?, self.calendar.clone()),
        ))
    }
    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }
    fn __deepcopy__<'py>(slf: Bound<'py, Self>, memo: &Bound<'py, PyAny>) -> Bound<'py, Self> {
        let _ = memo;
        slf
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = &self.inner;
        Ok(format!(
            "Deadline(start_event_on={}, due_on={}, period=Period(length={}, unit='{}'), \
             extendable_to={}, citation={}, estimated={})",
            date_repr(d.start_event_on),
            date_repr(d.due_on),
            d.period.length,
            erased::Code::code(&d.period.unit),
            d.extendable_to.map_or("None".into(), date_repr),
            py_str_repr(py, &d.citation)?,
            if d.estimated { "True" } else { "False" },
        ))
    }
}

/// Unpickles a Deadline with its calendar.
#[pyfunction]
pub fn _restore_deadline(json: &str, calendar: PyRef<'_, Calendar>) -> PyResult<Deadline> {
    Ok(Deadline {
        inner: wire::parse(json)?,
        calendar: calendar.clone(),
    })
}

value_type! {
    /// Why a due date is what it is: the days skipped, the policy, the rules.
    Explanation(core::Explanation) {
        #[getter]
        fn counting_starts_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.counting_starts_on)
        }
        #[getter]
        fn last_counted_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.last_counted_day)
        }
        #[getter]
        fn due_on<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.due_on)
        }
        #[getter]
        fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(py, self.inner.skipped.iter().map(|s| SkippedDay { inner: s.clone() }))
        }
        #[getter]
        fn policy(&self) -> Policy {
            Policy { inner: self.inner.policy }
        }
        #[getter]
        fn rules<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            PyTuple::new(py, &self.inner.rules)
        }
        /// A readable account: the rules, then each skipped day.
        fn __str__(&self) -> String {
            use erased::Code;
            let e = &self.inner;
            let mut lines = vec![format!(
                "counting starts {}, last counted day {}, due {}",
                e.counting_starts_on, e.last_counted_day, e.due_on
            )];
            lines.extend(e.rules.iter().map(|r| format!("  - {r}")));
            for s in &e.skipped {
                lines.push(format!(
                    "  skipped {} ({}, {}){}",
                    s.date,
                    s.kind.code(),
                    s.reason.code(),
                    s.name_tr.as_deref().map(|n| format!(": {n}")).unwrap_or_default()
                ));
            }
            lines.join("\n")
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "Explanation", &self.inner)
        }
    }
}

value_type! {
    /// One day left out of a count, with the reason and the holiday's name.
    SkippedDay(core::SkippedDay) {
        #[getter]
        fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDate>> {
            date_to_py(py, self.inner.date)
        }
        #[getter]
        fn kind<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.kind)
        }
        #[getter]
        fn reason<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            enum_to_py(py, self.inner.reason)
        }
        #[getter]
        fn name_tr(&self) -> Option<&str> {
            self.inner.name_tr.as_deref()
        }
        #[getter]
        fn name_en(&self) -> Option<&str> {
            self.inner.name_en.as_deref()
        }
        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            generic_repr(py, "SkippedDay", &self.inner)
        }
    }
}
