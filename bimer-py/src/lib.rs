//! # bimer-py
//!
//! The Python bindings of bimer (`import bimer`), built with maturin as the
//! extension module `bimer._bimer`. This crate only translates: Python values
//! to the core's types and back ([`wire`], [`values`]), and errors to Python
//! exceptions in one place ([`errors::to_py_err`]). Every decision is the
//! core's.
//!
//! The Python API, its types and its tests live in `python/bimer/` and
//! `tests/`; `python -m mypy.stubtest bimer._bimer` keeps the hand-written
//! stubs (`_bimer.pyi`) equal to this module.
#![deny(unsafe_code)]

use pyo3::prelude::*;

mod api;
mod calendar;
mod errors;
mod lifecycle;
mod values;
mod wire;

#[pymodule]
fn _bimer(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    wire::register_enums(m)?;

    m.add_class::<values::Application>()?;
    m.add_class::<values::Decision>()?;
    m.add_class::<values::Finding>()?;
    m.add_class::<values::Route>()?;
    m.add_class::<values::DecisionDeadline>()?;
    m.add_class::<values::Classification>()?;
    m.add_class::<values::Evidence>()?;
    m.add_class::<values::Period>()?;
    m.add_class::<values::Policy>()?;
    m.add_class::<values::Holiday>()?;
    m.add_class::<values::Deadline>()?;
    m.add_class::<values::Explanation>()?;
    m.add_class::<values::SkippedDay>()?;
    m.add_class::<calendar::Calendar>()?;
    m.add_class::<api::Engine>()?;
    m.add_class::<lifecycle::Case>()?;
    m.add_class::<lifecycle::Event>()?;
    m.add_class::<lifecycle::ClockPolicy>()?;
    m.add_class::<lifecycle::Status>()?;
    m.add_class::<lifecycle::ApplicantDeadline>()?;
    m.add_class::<lifecycle::MovedDeadline>()?;
    m.add_class::<lifecycle::SuggestedFact>()?;

    m.add_function(wrap_pyfunction!(api::triage, m)?)?;
    m.add_function(wrap_pyfunction!(api::triage_many, m)?)?;
    m.add_function(wrap_pyfunction!(api::deadline, m)?)?;
    m.add_function(wrap_pyfunction!(lifecycle::classify, m)?)?;
    m.add_function(wrap_pyfunction!(values::_restore_deadline, m)?)?;
    m.add_function(wrap_pyfunction!(calendar::_restore_calendar, m)?)?;
    // The unpicklers are private: out of `__all__` (and so of `import *`).
    let all = m.index()?;
    all.call_method1("remove", ("_restore_deadline",))?;
    all.call_method1("remove", ("_restore_calendar",))?;
    Ok(())
}
