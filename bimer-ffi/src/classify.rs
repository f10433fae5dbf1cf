//! Classification of free text: category, petition kind and topic, each with
//! a calibrated confidence and the terms that decided it (DESIGN §2.6).

use std::sync::Arc;

use crate::error::BimerError;
use crate::types::{Category, Classification, Evidence, SuggestedFact};

/// A classifier over a lexicon: the bundled one (`Classifier()`) or a
/// deployment's own (`Classifier.fromLexicon(csv)`).
#[derive(Debug, uniffi::Object)]
pub struct Classifier {
    inner: bimer_core::Classifier,
}

#[uniffi::export]
impl Classifier {
    /// The classifier with the bundled lexicon.
    #[uniffi::constructor]
    pub fn new() -> Result<Arc<Self>, BimerError> {
        Ok(Arc::new(Classifier {
            inner: bimer_core::Classifier::default(),
        }))
    }

    /// A classifier over a lexicon in the format of `data/lexicon.csv`
    /// (`label,term,match,weight,note`).
    #[uniffi::constructor]
    pub fn from_lexicon(lexicon: String) -> Result<Arc<Self>, BimerError> {
        Ok(Arc::new(Classifier {
            inner: bimer_core::Classifier::from_lexicon(&lexicon)?,
        }))
    }

    /// Classifies an application's subject and text. Never fails on text: an
    /// empty or meaningless one gets low confidences and `needs_review`.
    pub fn classify(&self, subject: String, text: String) -> Result<Classification, BimerError> {
        Ok(self.inner.classify(&subject, &text).into())
    }

    /// Whether a confidence is high enough to act on.
    pub fn is_confident(&self, confidence: f64) -> Result<bool, BimerError> {
        Ok(self.inner.is_confident(confidence))
    }

    /// Whether `classification` confidently contradicts a declared category
    /// (a `CATEGORY_MISMATCH`).
    pub fn contradicts(
        &self,
        declared: Category,
        classification: Classification,
    ) -> Result<bool, BimerError> {
        Ok(self
            .inner
            .contradicts(declared.into(), &classification.into()))
    }
}

/// Classifies with the bundled lexicon.
#[uniffi::export]
pub fn classify(subject: String, text: String) -> Result<Classification, BimerError> {
    Ok(bimer_core::classify(&subject, &text).into())
}

/// [`classify`] with the classification as wire-format JSON, exactly as the
/// Rust API and `bimer classify` produce it.
#[uniffi::export]
pub fn classify_json(subject: String, text: String) -> Result<String, BimerError> {
    Ok(
        serde_json::to_string(&bimer_core::classify(&subject, &text))
            .expect("classifications always serialise"),
    )
}

impl From<Evidence> for bimer_core::Evidence {
    fn from(e: Evidence) -> Self {
        bimer_core::Evidence {
            term: e.term,
            weight: e.weight,
            label: e.label.into(),
            field: e.field.map(Into::into),
            matched: e.matched,
        }
    }
}

impl From<SuggestedFact> for bimer_core::SuggestedFact {
    fn from(f: SuggestedFact) -> Self {
        bimer_core::SuggestedFact {
            fact: f.fact.into(),
            evidence: f.evidence.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<Classification> for bimer_core::Classification {
    fn from(c: Classification) -> Self {
        bimer_core::Classification {
            category: c.category.into(),
            confidence: c.confidence,
            petition_kind: c.petition_kind.map(Into::into),
            petition_kind_confidence: c.petition_kind_confidence,
            topic: c.topic.into(),
            topic_confidence: c.topic_confidence,
            needs_review: c.needs_review,
            evidence: c.evidence.into_iter().map(Into::into).collect(),
            suggested_facts: c.suggested_facts.into_iter().map(Into::into).collect(),
        }
    }
}
