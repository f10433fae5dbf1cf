//! Rules are chosen by `received_on`: each boundary date of law.md §8, walked
//! on both sides (the day before and the day it takes effect).

use bimer::law::{bedk_objection_available, RefusalGround};
use bimer::{triage, Application, Authority, Decision, FindingCode, System};

fn decide(json: &str) -> Decision {
    triage(&Application::from_json(json).unwrap_or_else(|e| panic!("{e}: {json}")))
}

fn codes(d: &Decision) -> Vec<FindingCode> {
    d.findings.iter().map(|f| f.code).collect()
}

fn person() -> &'static str {
    r#"{"type": "person", "name": "Ayşe Yılmaz", "tckn": "10000000146", "address": "Kızılay, Ankara"}"#
}

fn application(received: &str, category: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "V", "received_on": "{received}", "channel": "web", "category": "{category}",
            "subject": "Konu", "text": "Metin", "applicant": {} {extra}}}"#,
        person()
    )
}

/// BİMER began 2006-01-20 (Genelge 2006/3); CİMER took over 2018-07-09 (KHK 703),
/// and with it the system operator that receives unaddressed applications.
#[test]
fn system_eras_and_operator() {
    for (day, system, operator) in [
        ("2006-01-19", System::Direct, "basbakanlik"),
        ("2006-01-20", System::Bimer, "basbakanlik"),
        ("2018-07-08", System::Bimer, "basbakanlik"),
        ("2018-07-09", System::Cimer, "iletisim_baskanligi"),
    ] {
        let d = decide(&application(
            day,
            "petition",
            r#", "petition_kind": "request""#,
        ));
        assert_eq!(d.system, system, "{day}");
        assert_eq!(
            d.route.unwrap().institution.as_deref(),
            Some(operator),
            "{day}"
        );
    }
}

/// 4982 m.32: in force 2004-04-24.
#[test]
fn law_4982_article_32_entry_into_force() {
    let before = decide(&application("2004-04-23", "information_request", ""));
    assert!(codes(&before).contains(&FindingCode::BeforeLawInForce));
    assert!(!before.admissible);
    let on = decide(&application("2004-04-24", "information_request", ""));
    assert!(!codes(&on).contains(&FindingCode::BeforeLawInForce));
    assert_eq!(on.deadline.unwrap().due_on.to_string(), "2004-05-14");
}

/// Law 5176: published and in force 2004-06-08.
#[test]
fn law_5176_entry_into_force() {
    let ethics = r#", "target": {"official": {"name": "Mehmet Demir", "title": "Genel Müdür"}}"#;
    let before = decide(&application("2004-06-07", "ethics_complaint", ethics));
    assert!(codes(&before).contains(&FindingCode::BeforeLawInForce));
    let on = decide(&application("2004-06-08", "ethics_complaint", ethics));
    assert!(on.admissible, "{:?}", codes(&on));
    assert_eq!(on.route.unwrap().authority, Authority::EtikKurulu);
}

/// 4982 m.13 as amended by Law 5432 (in force 2005-11-22): every refusal may
/// go to BEDK; before, only refusals under m.16 and m.17.
#[test]
fn law_5432_bedk_open_to_all_refusals() {
    let (before, on) = ("2005-11-21".parse().unwrap(), "2005-11-22".parse().unwrap());
    assert!(!bedk_objection_available(RefusalGround::Other, before));
    assert!(bedk_objection_available(RefusalGround::StateSecret, before));
    assert!(bedk_objection_available(
        RefusalGround::EconomicInterest,
        before
    ));
    assert!(bedk_objection_available(RefusalGround::Other, on));
    assert!(!bedk_objection_available(
        RefusalGround::StateSecret,
        "2004-04-23".parse().unwrap()
    ));
}

/// Law 6701 (in force 2016-04-20): TİHEK takes deprivation-of-liberty
/// applications (national preventive mechanism); before, the il/ilçe board.
#[test]
fn law_6701_tihek_from_2016_04_20() {
    let facts = r#", "facts": {"deprived_of_liberty": true}, "target": {"province": "Ankara"}"#;
    let before = decide(&application("2016-04-19", "human_rights", facts));
    assert_eq!(
        before.route.unwrap().authority,
        Authority::InsanHaklariKurulu
    );
    let on = decide(&application("2016-04-20", "human_rights", facts));
    assert_eq!(on.route.as_ref().unwrap().authority, Authority::Tihek);
    assert_eq!(on.deadline.unwrap().citation, "6701 m.18");
}

/// 6701 geç. m.1/13: discrimination applications from the regulation's entry
/// into force (2017-11-24); before, the board, with a warning.
#[test]
fn law_6701_discrimination_from_2017_11_24() {
    let facts = r#", "facts": {"discrimination": true, "prior_request_on": "2017-09-01"}"#;
    let before = decide(&application("2017-11-23", "human_rights", facts));
    assert_eq!(
        before.route.as_ref().unwrap().authority,
        Authority::InsanHaklariKurulu
    );
    assert!(codes(&before).contains(&FindingCode::HrDiscriminationNotYetAccepted));
    let on = decide(&application("2017-11-24", "human_rights", facts));
    assert_eq!(on.route.as_ref().unwrap().authority, Authority::Tihek);
    assert!(!codes(&on).contains(&FindingCode::HrDiscriminationNotYetAccepted));
    assert!(!codes(&on).contains(&FindingCode::HrPriorRequestRequired));
}

/// 5176 m.1/3: "Bakanlar Kurulu üyeleri" until KHK 703; "Cumhurbaşkanı
/// Yardımcıları ve Bakanlar" from 2018-07-09. Same exclusion, new wording.
#[test]
fn law_5176_article_1_3_wording_change() {
    let minister = r#", "target": {"official": {"name": "X Y", "title": "Bakan"}}"#;
    let citation = |day: &str| {
        let d = decide(&application(day, "ethics_complaint", minister));
        let f = d
            .findings
            .iter()
            .find(|f| f.code == FindingCode::EthicsOfficialExcluded)
            .unwrap_or_else(|| panic!("{day}: {:?}", codes(&d)))
            .clone();
        f.citation
    };
    assert!(citation("2018-07-08").contains("Bakanlar Kurulu"));
    assert!(citation("2018-07-09").contains("Cumhurbaşkanı Yardımcıları"));
}

/// CİMER's age rule applies from 2018-07-09 only.
#[test]
fn cimer_age_rule_from_2018_07_09() {
    let child = r#""applicant": {"type": "person", "name": "Can Ak", "tckn": "10000000146", "address": "Bolu", "birth_date": "2008-01-01"}"#;
    let app = |day: &str| {
        format!(
            r#"{{"id": "C", "received_on": "{day}", "channel": "web", "category": "petition",
                "petition_kind": "request", "subject": "Okul", {child}}}"#
        )
    };
    assert!(!codes(&decide(&app("2018-07-08"))).contains(&FindingCode::ApplicantUnder12));
    assert!(codes(&decide(&app("2018-07-09"))).contains(&FindingCode::ApplicantUnder12));
    // The 12th birthday itself is not "under 12".
    assert!(!codes(&decide(&app("2020-01-01"))).contains(&FindingCode::ApplicantUnder12));
    assert!(codes(&decide(&app("2019-12-31"))).contains(&FindingCode::ApplicantUnder12));
}

/// Etik Kurulu practice: 2 years from the incident, the last day rolled to
/// the next full business day (2026-03-14 is a Saturday → 2026-03-16).
#[test]
fn ethics_two_year_limit_both_sides() {
    let app = |day: &str| {
        application(
            day,
            "ethics_complaint",
            r#", "facts": {"incident_date": "2024-03-14"},
               "target": {"official": {"name": "X Y", "title": "Genel Müdür"}}"#,
        )
    };
    assert!(!codes(&decide(&app("2026-03-16"))).contains(&FindingCode::EthicsTimeBarred));
    assert!(codes(&decide(&app("2026-03-17"))).contains(&FindingCode::EthicsTimeBarred));
}
