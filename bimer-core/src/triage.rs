//! One call from application to decision: eligibility, route, deadline.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::application::{Applicant, Application, Category, PetitionKind, Rank};
use crate::calendar::Calendar;
use crate::classify::Classifier;
use chrono::Months;

use crate::deadline::{deadline_for, Deadline, Procedure};
use crate::decision::{
    Authority, CategorySource, Classification, Decision, DecisionDeadline, Finding, Route,
    Severity, System,
};
use crate::eligibility::{evaluate, Stage, Subject, TargetStatus};
use crate::law;
use crate::routing::{InstitutionKind, Registry, RoutingData, Titles};
use crate::Topic;

/// The triage engine: calendar, routing data and configuration.
///
/// [`Engine::default`] uses the bundled data; every part can be replaced.
///
/// # Example
///
/// ```
/// use bimer_core::{Application, Engine};
/// let engine = Engine::default().with_reciprocity(["DE", "AZ"]);
/// let app = Application::from_json(r#"{
///     "id": "A-1", "received_on": "2026-12-31", "channel": "web",
///     "category": "information_request", "subject": "İhale kararı",
///     "text": "2026 yılı ihale kararlarının bir örneğini talep ediyorum.",
///     "applicant": {"type": "person", "name": "Ayşe Yılmaz", "tckn": "10000000146",
///                   "address": "Kızılay, Ankara"},
///     "target": {"institution": "saglik_bakanligi", "province": "Ankara"}
/// }"#)?;
/// let decision = engine.triage(&app);
/// assert!(decision.admissible);
/// let route = decision.route.as_ref().unwrap();
/// assert_eq!(route.unit.as_deref(), Some("Ankara İl Sağlık Müdürlüğü"));
/// assert_eq!(decision.deadline.unwrap().due_on.to_string(), "2027-01-22");
/// # Ok::<(), bimer_core::InvalidApplication>(())
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    calendar: Calendar,
    routing: RoutingData,
    reciprocity: BTreeSet<String>,
    classifier: Classifier,
}

impl Default for Engine {
    fn default() -> Self {
        Engine {
            calendar: Calendar::turkey(),
            routing: RoutingData::default(),
            reciprocity: BTreeSet::new(),
            classifier: Classifier::default(),
        }
    }
}

/// Triages one application with the bundled data ([`Engine::default`]).
///
/// # Example
///
/// ```
/// use bimer_core::{triage, Application, FindingCode};
/// let app = Application::from_json(
///     r#"{"id": "A-2", "received_on": "2026-12-31", "channel": "phone", "category": "information_request",
///         "subject": "Bilgi", "applicant": {"type": "person", "name": "Ali Can", "address": "Bolu"}}"#,
/// )?;
/// let decision = triage(&app);
/// assert!(!decision.admissible);
/// assert_eq!(decision.findings[0].code, FindingCode::ChannelNotWritten);
/// assert_eq!(decision.findings[0].citation, "4982 m.6 (written or electronic application)");
/// # Ok::<(), bimer_core::InvalidApplication>(())
/// ```
pub fn triage(application: &Application) -> Decision {
    static SHARED: OnceLock<Engine> = OnceLock::new();
    SHARED.get_or_init(Engine::default).triage(application)
}

impl Engine {
    /// The same engine with another calendar (policy, patched data).
    pub fn with_calendar(mut self, calendar: Calendar) -> Self {
        self.calendar = calendar;
        self
    }

    /// The same engine with another institution registry.
    pub fn with_registry(mut self, registry: Registry) -> Self {
        self.routing.registry = registry;
        self
    }

    /// The same engine with another list of official titles.
    pub fn with_titles(mut self, titles: Titles) -> Self {
        self.routing.titles = titles;
        self
    }

    /// The same engine with the countries (ISO 3166-1 alpha-2) whose
    /// reciprocity with Türkiye is established (4982 m.4; 3071 m.3/2).
    /// Foreigners from other countries get `RECIPROCITY_UNVERIFIED`.
    pub fn with_reciprocity<I, S>(mut self, countries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.reciprocity = countries
            .into_iter()
            .map(|c| c.as_ref().trim().to_ascii_uppercase())
            .collect();
        self
    }

    /// The same engine with another text classifier (a deployment's own
    /// lexicon: [`Classifier::from_lexicon`]).
    pub fn with_classifier(mut self, classifier: Classifier) -> Self {
        self.classifier = classifier;
        self
    }

    /// The calendar in use.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The institution registry in use.
    pub fn registry(&self) -> &Registry {
        &self.routing.registry
    }

    /// Parses one application from JSON and triages it.
    ///
    /// # Errors
    ///
    /// [`InvalidApplication`](crate::InvalidApplication) naming the field.
    pub fn triage_json(&self, json: &str) -> Result<Decision, crate::InvalidApplication> {
        Application::from_json(json).map(|app| self.triage(&app))
    }

    /// Decides what `application` is, whether it may be examined, who must
    /// handle it and by when.
    ///
    /// Without a declared category the text is classified: a confident
    /// classification supplies the category (`category_source: classified`),
    /// its petition kind, and, when no institution is named, the topic that
    /// routes it; an unsure one leaves the category missing for the officer.
    /// A declared category always wins; a confident disagreement is the
    /// warning `CATEGORY_MISMATCH`.
    pub fn triage(&self, application: &Application) -> Decision {
        let app = application;
        let read = self.read_text(app);
        let category = read.category;
        let target = match app.target.institution.as_deref().map(str::trim) {
            None | Some("") => TargetStatus::None,
            Some(code) => self
                .routing
                .registry
                .get(code)
                .map_or(TargetStatus::Unknown, TargetStatus::Known),
        };
        let official = app.target.official.as_ref();
        let title = official
            .and_then(|o| o.title.as_deref())
            .and_then(|t| self.routing.titles.lookup(t));
        let official_rank = official.and_then(|o| o.rank).or(title.map(|t| t.rank));
        let official_group = official.and_then(|o| o.group).or(title.map(|t| t.group));
        let ethics_limit = app.facts.incident_date.and_then(|incident| {
            let limit = incident.checked_add_months(Months::new(24))?;
            Some(
                self.calendar
                    .roll_to_full_business_day(limit)
                    .unwrap_or(limit),
            )
        });
        let mut subject = Subject {
            app,
            category,
            target,
            official_rank,
            official_group,
            human_rights_route: (category == Some(Category::HumanRights))
                .then(|| human_rights_authority(app)),
            reciprocity: &self.reciprocity,
            ethics_limit,
            deadline: None,
            petition_kind: read.petition_kind,
            category_mismatch: read.mismatch,
        };
        let mut findings = Vec::new();
        evaluate(&subject, Stage::Eligibility, &mut findings);
        let admissible = !blocking(&findings);
        let route = category.and_then(|c| self.route(c, &subject, read.topic));

        let deadline = match (&route, category) {
            (Some(route), Some(category))
                if admissible && answer_owed(app, category, read.petition_kind) =>
            {
                // Routes always pair up; an impossible pairing would mean no due date.
                Procedure::for_route(category, route.authority)
                    .map(|p| deadline_for(&self.calendar, p, app.received_on))
            }
            _ => None,
        };
        let computed = deadline.as_ref().map(|d| d.as_ref().map_err(|_| ()));
        subject.deadline = computed;
        evaluate(&subject, Stage::Deadline, &mut findings);
        let deadline = deadline
            .and_then(Result::ok)
            .map(|d: Deadline| DecisionDeadline {
                due_on: d.due_on,
                period: d.period,
                extendable_to: d.extendable_to,
                citation: d.citation.into_owned(),
            });

        Decision {
            id: app.id.clone(),
            system: System::on(app.received_on),
            category,
            category_source: read.source,
            classification: read.shown,
            admissible: !blocking(&findings),
            findings,
            route,
            deadline,
        }
    }

    /// What the text says, as far as triage may use it.
    fn read_text(&self, app: &Application) -> TextReading {
        let has_text = !(app.subject.trim().is_empty() && app.text.trim().is_empty());
        // A declared category shows its classification only when they
        // disagree: score first, build the evidence only then.
        let classified = has_text.then(|| match app.category {
            Some(declared) => {
                let scores = self
                    .classifier
                    .classify_without_evidence(&app.subject, &app.text);
                if self.classifier.contradicts(declared, &scores) {
                    self.classifier.classify(&app.subject, &app.text)
                } else {
                    scores
                }
            }
            None => self.classifier.classify(&app.subject, &app.text),
        });
        let confident = |p: f64| self.classifier.is_confident(p);
        match (app.category, classified) {
            (Some(declared), classified) => {
                let mismatch = classified
                    .as_ref()
                    .is_some_and(|c| self.classifier.contradicts(declared, c));
                TextReading {
                    category: Some(declared),
                    source: CategorySource::Declared,
                    petition_kind: app.petition_kind,
                    // DESIGN §2.4: with no institution named, the classified
                    // topic decides the competent institution.
                    topic: classified
                        .as_ref()
                        .filter(|c| confident(c.topic_confidence))
                        .map(|c| c.topic),
                    mismatch,
                    // Shown only when it disagrees, as the warning's evidence.
                    shown: classified.filter(|_| mismatch),
                }
            }
            (None, Some(c)) if !c.needs_review => TextReading {
                category: Some(c.category),
                source: CategorySource::Classified,
                petition_kind: c
                    .petition_kind
                    .filter(|_| c.petition_kind_confidence.is_some_and(confident)),
                topic: confident(c.topic_confidence).then_some(c.topic),
                mismatch: false,
                shown: Some(c),
            },
            (None, classified) => TextReading {
                category: None,
                source: CategorySource::Missing,
                petition_kind: app.petition_kind,
                topic: None,
                mismatch: false,
                shown: classified,
            },
        }
    }

    fn route(&self, category: Category, s: &Subject<'_>, topic: Option<Topic>) -> Option<Route> {
        let app = s.app;
        let place = (app.target.province, app.target.district.as_deref());
        let institution_route = |code: &str, citation: &str| {
            let inst = self.routing.registry.get(code)?;
            Some(Route {
                authority: Authority::Institution,
                institution: Some(inst.code.clone()),
                unit: inst.unit(place.0, place.1),
                citation: citation.to_string(),
            })
        };
        let named = match s.target {
            TargetStatus::Unknown => return None,
            TargetStatus::Known(i) if i.kind == InstitutionKind::Unreachable => return None,
            TargetStatus::Known(i) => Some(i),
            TargetStatus::None => None,
        };
        match category {
            Category::InformationRequest | Category::Petition => {
                let citation = match category {
                    Category::InformationRequest => "4982 m.7/3 (the body holding the information)",
                    _ => "3071 m.5 (the competent authority)",
                };
                if let Some(inst) = named {
                    return institution_route(&inst.code, citation);
                }
                let competent = topic
                    .filter(|&t| t != Topic::Other)
                    .and_then(|t| self.routing.registry.for_topic(t, app.received_on));
                if let Some(inst) = competent {
                    let citation = format!("{citation}; by the classified topic (DESIGN §2.6)");
                    return institution_route(&inst.code, &citation);
                }
                let operator = self
                    .routing
                    .registry
                    .for_topic(Topic::Other, app.received_on)?;
                let citation = if app.received_on < law::BIMER_START {
                    "3071 m.5 (the receiving authority forwards to the competent one)"
                } else if app.received_on < law::CIMER_START {
                    "Genelge 2006/3: Başbakanlık forwards to the competent body (law.md §6.1)"
                } else {
                    "CİMER: İletişim Başkanlığı pre-screens and forwards (law.md §6.4)"
                };
                institution_route(&operator.code, citation)
            }
            Category::EthicsComplaint => match s.official_rank? {
                Rank::GeneralDirectorOrAbove => Some(Route {
                    authority: Authority::EtikKurulu,
                    institution: None,
                    unit: Some("Kamu Görevlileri Etik Kurulu".into()),
                    citation: "Etik Yön. (genel müdür, eşiti ve üstü → Etik Kurulu)".into(),
                }),
                Rank::BelowGeneralDirector => Some(Route {
                    authority: Authority::DisiplinKurulu,
                    institution: named.map(|i| i.code.clone()),
                    unit: named.and_then(|i| i.unit(place.0, place.1)),
                    citation: "Etik Yön. (diğer görevliler → kurum disiplin kurulu)".into(),
                }),
            },
            Category::HumanRights => {
                let authority = s.human_rights_route?;
                Some(match authority {
                    Authority::Tihek => Route {
                        authority,
                        institution: None,
                        unit: Some("Türkiye İnsan Hakları ve Eşitlik Kurumu".into()),
                        citation: if app.facts.deprived_of_liberty {
                            "6701 m.9/1-i, m.17/8 (national preventive mechanism)"
                        } else {
                            "6701 m.17/1 (discrimination; geç. m.1/13)"
                        }
                        .into(),
                    },
                    _ => {
                        let district = place
                            .1
                            .map(str::trim)
                            .filter(|d| !d.is_empty() && place.0.is_some());
                        let unit = match (place.0, district) {
                            (Some(_), Some(d)) => Some(format!("{d} İlçe İnsan Hakları Kurulu")),
                            (Some(p), None) => {
                                Some(format!("{} İl İnsan Hakları Kurulu", p.name()))
                            }
                            _ => None,
                        };
                        Route {
                            authority,
                            institution: None,
                            unit,
                            citation: if app.received_on < law::LAW_6701_IN_FORCE {
                                "İl ve İlçe İHK Yön. (RG 23.11.2003)"
                            } else {
                                "İl ve İlçe İHK Yön. (RG 23.11.2003); 6701 geç. m.1/11"
                            }
                            .into(),
                        }
                    }
                })
            }
        }
    }
}

fn blocking(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Blocking)
}

/// Human rights by date and subject (DESIGN §2.4; 6701 m.17, geç. m.1/11, 1/13).
fn human_rights_authority(app: &Application) -> Authority {
    let on = app.received_on;
    if on < law::LAW_6701_IN_FORCE {
        Authority::InsanHaklariKurulu
    } else if app.facts.deprived_of_liberty
        || (app.facts.discrimination && on >= law::TIHEK_DISCRIMINATION_ACCEPTED)
    {
        Authority::Tihek
    } else {
        Authority::InsanHaklariKurulu
    }
}

/// No answer is owed to an anonymous complaint or report (3071 m.6-c) or an
/// anonymous human-rights application: there is no one to answer.
fn answer_owed(app: &Application, category: Category, kind: Option<PetitionKind>) -> bool {
    let anonymous = matches!(app.applicant, None | Some(Applicant::Anonymous));
    !(anonymous
        && (category == Category::HumanRights
            || (category == Category::Petition
                && matches!(kind, Some(PetitionKind::Complaint | PetitionKind::Report)))))
}

/// What triage takes from the application's text.
struct TextReading {
    category: Option<Category>,
    source: CategorySource,
    petition_kind: Option<PetitionKind>,
    /// The classified topic, when it may route (classified and confident).
    topic: Option<Topic>,
    mismatch: bool,
    /// The classification the decision reports.
    shown: Option<Classification>,
}
