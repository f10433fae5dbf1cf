//! # bimer
//!
//! An embeddable rules engine for Türkiye's citizen-application system
//! (BİMER, now CİMER). This facade re-exports [`bimer_core`]; see its
//! documentation for the design notes.
#![forbid(unsafe_code)]

#[doc(inline)]
pub use bimer_core::*;
