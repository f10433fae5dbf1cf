//! Triage of applications whose category comes from their text (DESIGN §2.6):
//! a confident classification supplies category, petition kind and, when no
//! institution is named, the route; an unsure one is left to the officer; a
//! declared category always wins.

use bimer::{triage, Application, CategorySource, Classifier, Decision, Engine, FindingCode};

fn decide(json: &str) -> Decision {
    triage(&Application::from_json(json).expect("valid application"))
}

fn codes(d: &Decision) -> Vec<FindingCode> {
    d.findings.iter().map(|f| f.code).collect()
}

const PERSON: &str = r#""applicant": {"type": "person", "name": "Ayşe Yılmaz", "tckn": "10000000146", "address": "Kızılay, Ankara"}"#;

#[test]
fn no_category_is_classified_and_routed_by_topic() {
    let d = decide(&format!(
        r#"{{"id": "C-1", "received_on": "2026-12-02", "channel": "web", {PERSON},
            "subject": "Acil servis", "text": "Hastanede doktor bana kötü davrandı, şikayetçiyim.",
            "target": {{"province": "Ankara"}}}}"#
    ));
    assert_eq!(d.category_source, CategorySource::Classified);
    assert_eq!(d.category, Some(bimer::Category::Petition));
    let c = d
        .classification
        .as_ref()
        .expect("the classification is reported");
    assert!(!c.needs_review);
    assert_eq!(c.topic, bimer::Topic::Health);
    assert!(d.admissible, "{:?}", codes(&d));
    let route = d.route.as_ref().expect("routed");
    assert_eq!(route.institution.as_deref(), Some("saglik_bakanligi"));
    assert_eq!(route.unit.as_deref(), Some("Ankara İl Sağlık Müdürlüğü"));
    assert!(
        route.citation.contains("classified topic"),
        "{}",
        route.citation
    );
    // A petition: 30 days (3071 m.7).
    assert_eq!(
        d.deadline.expect("deadline").due_on.to_string(),
        "2027-01-04"
    );
}

#[test]
fn a_classified_information_request_goes_to_the_body_holding_it() {
    let d = decide(&format!(
        r#"{{"id": "C-2", "received_on": "2026-12-31", "channel": "web", {PERSON},
            "text": "4982 sayılı Kanun kapsamında ilçemizdeki ilkokullarda görev yapan öğretmen sayısını öğrenmek istiyorum.",
            "target": {{"province": "İzmir", "district": "Bornova"}}}}"#
    ));
    assert_eq!(d.category_source, CategorySource::Classified);
    assert_eq!(d.category, Some(bimer::Category::InformationRequest));
    let route = d.route.expect("routed");
    assert_eq!(route.institution.as_deref(), Some("milli_egitim_bakanligi"));
    assert_eq!(
        route.unit.as_deref(),
        Some("Bornova İlçe Millî Eğitim Müdürlüğü")
    );
    assert!(
        route.citation.starts_with("4982 m.7/3"),
        "{}",
        route.citation
    );
    // 15 business days, extendable to 30 (4982 m.11).
    let deadline = d.deadline.expect("deadline");
    assert_eq!(deadline.due_on.to_string(), "2027-01-22");
    assert!(deadline.extendable_to.is_some());
}

#[test]
fn an_unsure_classification_leaves_the_category_to_the_officer() {
    let d = decide(&format!(
        r#"{{"id": "C-3", "received_on": "2026-12-31", "channel": "web", {PERSON},
            "subject": "Merhaba", "text": "Konu ekte."}}"#
    ));
    assert_eq!(d.category_source, CategorySource::Missing);
    assert_eq!(d.category, None);
    assert!(codes(&d).contains(&FindingCode::CategoryRequired));
    assert!(!d.admissible);
    assert!(d.route.is_none() && d.deadline.is_none());
    let c = d.classification.expect("still reported, for the officer");
    assert!(c.needs_review);
}

#[test]
fn an_anonymous_classified_complaint_is_examined_without_an_answer() {
    let d = decide(
        r#"{"id": "C-4", "received_on": "2026-12-31", "channel": "web", "applicant": {"type": "anonymous"},
            "text": "Sokağımızdaki çöpler bir haftadır toplanmıyor, belediye ilgilenmiyor, şikayetçiyiz."}"#,
    );
    assert_eq!(d.category_source, CategorySource::Classified);
    let c = d.classification.as_ref().expect("classification");
    assert_eq!(c.petition_kind, Some(bimer::PetitionKind::Complaint));
    assert!(d.admissible, "{:?}", codes(&d));
    assert!(codes(&d).contains(&FindingCode::AnonymousNoAnswer));
    assert!(d.deadline.is_none(), "no answer is owed (3071 m.6-c)");
    assert_eq!(
        d.route.and_then(|r| r.institution).as_deref(),
        Some("belediye")
    );
}

#[test]
fn a_declared_category_wins_and_a_confident_disagreement_is_a_warning() {
    let d = decide(&format!(
        r#"{{"id": "C-5", "received_on": "2026-12-31", "channel": "web", {PERSON},
            "category": "information_request",
            "subject": "Etik ihlali",
            "text": "5176 sayılı Kanun kapsamında: tapu müdürü işlemimi hızlandırmak için rüşvet istedi, kayırmacılık yapıyor."}}"#
    ));
    assert_eq!(d.category_source, CategorySource::Declared);
    assert_eq!(d.category, Some(bimer::Category::InformationRequest));
    let mismatch = d
        .findings
        .iter()
        .find(|f| f.code == FindingCode::CategoryMismatch)
        .expect("CATEGORY_MISMATCH");
    assert_eq!(mismatch.severity, bimer::Severity::Warning);
    assert!(d.admissible, "a warning does not block");
    let c = d.classification.expect("the evidence for the warning");
    assert_eq!(c.category, bimer::Category::EthicsComplaint);
    // The declared category decides the procedure; with no institution
    // named, the classified topic (land registry) decides where it goes
    // (DESIGN §2.4).
    assert_eq!(
        d.route.and_then(|r| r.institution).as_deref(),
        Some("tapu_kadastro")
    );
}

#[test]
fn a_declared_category_that_agrees_reports_no_classification() {
    let d = decide(&format!(
        r#"{{"id": "C-6", "received_on": "2026-12-31", "channel": "web", {PERSON},
            "category": "petition", "petition_kind": "complaint",
            "text": "Hastanede doktor bana kötü davrandı, şikayetçiyim."}}"#
    ));
    assert_eq!(d.category_source, CategorySource::Declared);
    assert!(d.classification.is_none());
    assert!(!codes(&d).contains(&FindingCode::CategoryMismatch));
}

#[test]
fn suggested_facts_are_not_turned_into_findings() {
    let d = decide(&format!(
        r#"{{"id": "C-7", "received_on": "2026-12-31", "channel": "web", {PERSON},
            "text": "Komşumla aramızdaki sınır anlaşmazlığı için kadastro mahkemesinde dava açtım. Tapu müdürlüğünün ifraz işlemini durdurmasını istiyorum."}}"#
    ));
    let c = d.classification.as_ref().expect("classification");
    let facts: Vec<bimer::Fact> = c.suggested_facts.iter().map(|f| f.fact).collect();
    assert!(facts.contains(&bimer::Fact::PendingInCourt), "{facts:?}");
    // The court is a suggestion for the officer, not a fact: no COURT_JURISDICTION.
    assert!(!codes(&d).contains(&FindingCode::CourtJurisdiction));
}

#[test]
fn a_deployment_classifier_replaces_the_bundled_one() {
    let lexicon = "label,term,match,weight,note\n\
                   category:petition,rüzgâr,,3,\n\
                   petition_kind:request,rüzgâr,,3,\n\
                   topic:energy,rüzgâr,,3,\n\
                   setting,temperature.topic,,0.5,\n";
    let engine = Engine::default().with_classifier(Classifier::from_lexicon(lexicon).unwrap());
    let app = Application::from_json(&format!(
        r#"{{"id": "C-8", "received_on": "2026-12-31", "channel": "web", {PERSON}, "text": "Rüzgar türbini"}}"#
    ))
    .unwrap();
    let d = engine.triage(&app);
    assert_eq!(d.category_source, CategorySource::Classified);
    assert_eq!(
        d.route.and_then(|r| r.institution).as_deref(),
        Some("enerji_tabii_kaynaklar_bakanligi")
    );
}
