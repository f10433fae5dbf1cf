//! The decision: bimer's output on the wire (DESIGN §3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::application::{Category, PetitionKind};
use crate::deadline::Period;

/// The system an application was received under, by `received_on`
/// (DESIGN §2.4): direct application before BİMER, BİMER, then CİMER.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// Before 2006-01-20: applications went straight to the institution.
    Direct,
    /// 2006-01-20 to 2018-07-08: Başbakanlık İletişim Merkezi.
    Bimer,
    /// From 2018-07-09: Cumhurbaşkanlığı İletişim Merkezi.
    Cimer,
}

impl System {
    /// The system in force on `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::System;
    /// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(System::on(d(2006, 1, 19)), System::Direct);
    /// assert_eq!(System::on(d(2006, 1, 20)), System::Bimer);
    /// assert_eq!(System::on(d(2018, 7, 8)), System::Bimer);
    /// assert_eq!(System::on(d(2018, 7, 9)), System::Cimer);
    /// ```
    pub fn on(date: NaiveDate) -> System {
        if date < crate::law::BIMER_START {
            System::Direct
        } else if date < crate::law::CIMER_START {
            System::Bimer
        } else {
            System::Cimer
        }
    }
}

/// Where the category came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CategorySource {
    /// Given in the application.
    Declared,
    /// Inferred from the text.
    Classified,
    /// Neither: the application needs a category.
    Missing,
}

/// How much a finding weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// For the record.
    Info,
    /// The officer should look; the application may still be examined.
    Warning,
    /// The application may not be examined.
    Blocking,
}

/// The subject areas that decide the competent institution (DESIGN §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // the codes are their own documentation
pub enum Topic {
    Health,
    Education,
    HigherEducation,
    Municipal,
    SocialSecurity,
    Labour,
    Tax,
    LandRegistry,
    Security,
    Justice,
    Transport,
    EnvironmentUrban,
    Agriculture,
    FamilySocial,
    ReligiousAffairs,
    Energy,
    TradeConsumer,
    CivilRegistry,
    ForeignAffairs,
    CultureTourism,
    YouthSports,
    IndustryTechnology,
    Defense,
    Other,
}

/// One term that moved a classification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The lexicon term matched, as the lexicon writes it.
    pub term: String,
    /// Its weight toward `label` (the subject's weight applied).
    pub weight: f64,
    /// What it counted for: `category:petition`, `petition_kind:complaint`,
    /// `topic:health`, `fact:discrimination` (borrowed from a fixed list when
    /// the classifier makes it, so evidence costs no allocation for it).
    #[serde(default)]
    pub label: std::borrow::Cow<'static, str>,
    /// Where it matched: `subject` or `text`.
    #[serde(default)]
    pub field: Option<crate::classify::TextField>,
    /// The words as the applicant wrote them (`Hastanede`).
    #[serde(default)]
    pub matched: String,
}

/// A classification of the free text (DESIGN §2.6).
///
/// Each confidence is a calibrated probability in [0, 1]; `needs_review`
/// says the category is too uncertain to act on without an officer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// The most likely category.
    pub category: Category,
    /// Calibrated confidence in the category, in [0, 1].
    pub confidence: f64,
    /// The petition kind, for petitions.
    pub petition_kind: Option<PetitionKind>,
    /// Calibrated confidence in the petition kind, for petitions.
    #[serde(default)]
    pub petition_kind_confidence: Option<f64>,
    /// The subject area.
    pub topic: Topic,
    /// Calibrated confidence in the topic, in [0, 1].
    #[serde(default)]
    pub topic_confidence: f64,
    /// The category is not confident enough to be used without an officer.
    #[serde(default)]
    pub needs_review: bool,
    /// The terms that decided category, kind and topic.
    pub evidence: Vec<Evidence>,
    /// Facts the text suggests (a court case, discrimination…) for the
    /// officer to confirm; they are never set on the application by bimer.
    #[serde(default)]
    pub suggested_facts: Vec<crate::classify::SuggestedFact>,
}

/// The reason code of a finding (DESIGN §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)] // each code is documented in the rule table with its citation
pub enum FindingCode {
    MissingName,
    MissingAddress,
    MissingSignature,
    MissingIdentityNumber,
    InvalidIdentityNumber,
    MissingAuthorityDocument,
    AnonymousNotAllowed,
    AnonymousNoAnswer,
    AnonymousBoardDiscretion,
    NoSubject,
    CourtJurisdiction,
    ChannelNotWritten,
    ForeignerNotResident,
    ForeignerNotConcerned,
    ReciprocityUnverified,
    LanguageNotTurkish,
    BeforeLawInForce,
    EthicsOfficialExcluded,
    EthicsLegalPerson,
    EthicsOfficialUnspecified,
    EthicsRankUnknown,
    EthicsTimeBarred,
    HrPrivateLawDispute,
    HrPriorRequestRequired,
    HrDiscriminationNotYetAccepted,
    AuthorityNotReachable,
    UnknownInstitution,
    #[serde(rename = "APPLICANT_UNDER_12")]
    ApplicantUnder12,
    CategoryMismatch,
    CategoryRequired,
    PreviouslyExamined,
    CalendarEstimated,
    DeadlineUnavailable,
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The reason code.
    pub code: FindingCode,
    /// How much it weighs.
    pub severity: Severity,
    /// The article.
    pub citation: String,
    /// Message in Turkish.
    pub message_tr: String,
    /// Message in English.
    pub message_en: String,
}

/// Who must handle the application (DESIGN §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    /// The competent institution (information requests, petitions).
    Institution,
    /// Kamu Görevlileri Etik Kurulu.
    EtikKurulu,
    /// The official's institution's disciplinary board.
    DisiplinKurulu,
    /// An il or ilçe insan hakları kurulu.
    InsanHaklariKurulu,
    /// Türkiye İnsan Hakları ve Eşitlik Kurumu.
    Tihek,
}

/// The route of an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Which kind of body.
    pub authority: Authority,
    /// The institution's registry code, when there is one.
    pub institution: Option<String>,
    /// The concrete unit (`Ankara İl Sağlık Müdürlüğü`), when the place is known.
    pub unit: Option<String>,
    /// The article.
    pub citation: String,
}

/// The answer deadline in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionDeadline {
    /// The last day to answer.
    pub due_on: NaiveDate,
    /// The period.
    pub period: Period,
    /// The latest due date if extended.
    pub extendable_to: Option<NaiveDate>,
    /// The article.
    pub citation: String,
}

/// What bimer decided about one application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The application's id.
    pub id: String,
    /// The system in force on receipt.
    pub system: System,
    /// The category used.
    pub category: Option<Category>,
    /// Where the category came from.
    pub category_source: CategorySource,
    /// The text classification, when one was made.
    pub classification: Option<Classification>,
    /// No blocking finding.
    pub admissible: bool,
    /// Every rule that fired.
    pub findings: Vec<Finding>,
    /// Who must handle it.
    pub route: Option<Route>,
    /// By when; `null` when no answer is owed.
    pub deadline: Option<DecisionDeadline>,
}

impl Decision {
    /// Serialises to the wire format (one line of JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("decisions always serialise")
    }
}
