//! Triage: application in, decision out; typed and as wire-format JSON.

use std::sync::Arc;

use crate::calendar::LegalCalendar;
use crate::error::BimerError;
use crate::types::{Application, Decision};

/// A triage engine: calendar and configuration. The free functions
/// [`triage`] and [`triage_json`] use the bundled default engine.
#[derive(Debug, uniffi::Object)]
pub struct Engine {
    inner: bimer_core::Engine,
}

#[uniffi::export]
impl Engine {
    /// The engine with the bundled data (calendar, institutions, titles).
    #[uniffi::constructor]
    pub fn new() -> Result<Arc<Self>, BimerError> {
        Ok(Arc::new(Engine {
            inner: bimer_core::Engine::default(),
        }))
    }

    /// The engine with another calendar (policy, patched data) and the
    /// countries (ISO 3166-1 alpha-2) whose reciprocity with Türkiye is
    /// established; foreigners from others get `RECIPROCITY_UNVERIFIED`.
    #[uniffi::constructor]
    pub fn with_options(
        calendar: Arc<LegalCalendar>,
        reciprocity: Vec<String>,
    ) -> Result<Arc<Self>, BimerError> {
        Ok(Arc::new(Engine {
            inner: bimer_core::Engine::default()
                .with_calendar(calendar.inner.clone())
                .with_reciprocity(reciprocity),
        }))
    }

    /// The calendar in use.
    pub fn calendar(&self) -> Result<Arc<LegalCalendar>, BimerError> {
        Ok(LegalCalendar::wrap(self.inner.calendar().clone()))
    }

    /// Decides what the application is, whether it may be examined, who must
    /// handle it and by when.
    pub fn triage(&self, application: Application) -> Result<Decision, BimerError> {
        Ok(self.inner.triage(&application.into_core()?).into())
    }

    /// [`Engine::triage`] on one application in the wire format (JSON),
    /// returning the decision in the wire format.
    pub fn triage_json(&self, json: String) -> Result<String, BimerError> {
        Ok(self.inner.triage_json(&json)?.to_json())
    }
}

/// Triages one application with the bundled data.
#[uniffi::export]
pub fn triage(application: Application) -> Result<Decision, BimerError> {
    Ok(bimer_core::triage(&application.into_core()?).into())
}

/// Triages one application given as wire-format JSON and returns the
/// decision as wire-format JSON (one line), exactly as the `bimer` command
/// and the Rust API produce it.
#[uniffi::export]
pub fn triage_json(json: String) -> Result<String, BimerError> {
    let app = bimer_core::Application::from_json(&json)?;
    Ok(bimer_core::triage(&app).to_json())
}

/// Reads an application from wire-format JSON with the core's parser (the
/// same checks and field-named errors as `triage_json`).
#[uniffi::export]
pub fn application_from_json(json: String) -> Result<Application, BimerError> {
    Ok(bimer_core::Application::from_json(&json)?.into())
}

/// The application in the wire format, as the core reads and writes it
/// (province names normalised, defaults filled in).
#[uniffi::export]
pub fn application_to_json(application: Application) -> Result<String, BimerError> {
    Ok(application.into_core()?.to_json())
}

/// The decision in the wire format (one line of JSON).
#[uniffi::export]
pub fn decision_to_json(decision: Decision) -> Result<String, BimerError> {
    Ok(serde_json::to_string(&decision).expect("plain records always serialise"))
}
