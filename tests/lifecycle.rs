//! The lifecycle of a case (DESIGN §2.7): each legal constraint by its
//! article, dates on both sides of each boundary, and the clock policies.
//!
//! Every expected date was computed independently with numpy's
//! `busday_offset` over the bundled holiday table.

use bimer::law::RefusalGround;
use bimer::{
    AdministrativeLeave, AdministrativeLeavePolicy, ApplicantAction, Application, Authority,
    Calendar, CalendarPatch, Case, Category, ClockPolicy, DueKind, Error, Event, ExtensionReason,
    FeePolicy, ForwardingPolicy, LeavePortion, LifecycleError, Outcome, Policy, Procedure, State,
    Status, Unit,
};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn new_case(category: Category, authority: Authority, received: NaiveDate) -> Case {
    Case::new("T-1", category, authority, received).unwrap()
}

/// An information request received Monday 2025-04-14: 15 business days end
/// on 2025-05-07 (23 April and 1 May skipped), 30 on 2025-05-29.
fn info() -> Case {
    new_case(
        Category::InformationRequest,
        Authority::Institution,
        d(2025, 4, 14),
    )
}

fn petition(received: NaiveDate) -> Case {
    new_case(Category::Petition, Authority::Institution, received)
}

fn with(mut case: Case, events: impl IntoIterator<Item = Event>) -> Case {
    case.events.extend(events);
    case
}

fn status(case: &Case, as_of: NaiveDate) -> Status {
    case.status(&Calendar::turkey(), as_of)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The error the history breaks, with its code and the article in its message.
fn broken(case: &Case, code: &str, article: &str) -> LifecycleError {
    let e = case.status(&Calendar::turkey(), d(2040, 1, 1)).unwrap_err();
    assert_eq!(Error::from(e.clone()).code(), code, "{e}");
    assert!(e.to_string().starts_with(article), "{e}");
    e
}

fn extension(on: NaiveDate) -> Event {
    Event::ExtensionNotified {
        on,
        reason: ExtensionReason::OtherUnit,
    }
}

fn fee(on: NaiveDate) -> Event {
    Event::FeeNotified {
        on,
        amount: "37.50".parse().unwrap(),
    }
}

fn answered(on: NaiveDate, outcome: Outcome) -> Event {
    Event::Answered { on, outcome }
}

fn refused_and_notified(answered_on: NaiveDate, notified_on: NaiveDate) -> [Event; 2] {
    [
        answered(answered_on, Outcome::Refused),
        Event::RefusalNotified {
            on: notified_on,
            ground: RefusalGround::Other,
        },
    ]
}

// --- 4982 m.11: the extension --------------------------------------------

/// 4982 m.11: the extension is notified before the 15 business days end.
#[test]
fn law_4982_article_11_extension_before_the_15th_business_day_ends() {
    let on_time = with(info(), [extension(d(2025, 5, 7))]);
    let s = status(&on_time, d(2025, 5, 7));
    assert_eq!((s.state, s.due_on), (State::Extended, Some(d(2025, 5, 29))));
    let late = with(info(), [extension(d(2025, 5, 8))]);
    let e = broken(&late, "extension_late", "4982 m.11");
    assert!(e.to_string().contains("2025-05-07"), "{e}");
}

/// 4982 m.11 with the half-day rule: the 15th business day, 2027-03-08, is
/// the Ramazan arife, so the period ends on 2027-03-12 and so does the time
/// to extend it.
#[test]
fn law_4982_article_11_extension_deadline_after_an_arife() {
    let case = new_case(
        Category::InformationRequest,
        Authority::Institution,
        d(2027, 2, 15),
    );
    let on_time = with(case.clone(), [extension(d(2027, 3, 12))]);
    assert_eq!(status(&on_time, d(2027, 3, 12)).state, State::Extended);
    broken(
        &with(case, [extension(d(2027, 3, 15))]),
        "extension_late",
        "4982 m.11",
    );
}

/// 4982 m.11: the period is extended once.
#[test]
fn law_4982_article_11_extension_only_once() {
    let twice = with(
        info(),
        [extension(d(2025, 4, 20)), extension(d(2025, 4, 21))],
    );
    broken(&twice, "extension_twice", "4982 m.11");
}

/// 4982 m.11: the three grounds (another unit, another body's opinion,
/// several bodies); nothing else.
#[test]
fn law_4982_article_11_extension_only_on_the_stated_grounds() {
    for reason in [
        ExtensionReason::OtherUnit,
        ExtensionReason::OtherBodyOpinion,
        ExtensionReason::SeveralBodies,
    ] {
        let case = with(
            info(),
            [Event::ExtensionNotified {
                on: d(2025, 5, 2),
                reason,
            }],
        );
        assert_eq!(status(&case, d(2025, 5, 2)).due_on, Some(d(2025, 5, 29)));
    }
    let other = with(
        info(),
        [Event::ExtensionNotified {
            on: d(2025, 5, 2),
            reason: ExtensionReason::PresidentDecision,
        }],
    );
    broken(&other, "extension_ground", "4982 m.11");
}

/// 4982 m.11 extends information requests only (and 6701 m.18 TİHEK).
#[test]
fn law_4982_article_11_extension_only_for_information_requests() {
    let case = with(petition(d(2026, 12, 2)), [extension(d(2026, 12, 3))]);
    broken(&case, "extension_not_available", "4982 m.11, 6701 m.18");
    let ethics = new_case(
        Category::EthicsComplaint,
        Authority::EtikKurulu,
        d(2025, 4, 14),
    );
    broken(
        &with(ethics, [extension(d(2025, 4, 15))]),
        "extension_not_available",
        "4982 m.11",
    );
}

/// 6701 m.18: TİHEK concludes in 3 months, extended once by the President
/// by 3 more, counted from the same start.
#[test]
fn law_6701_article_18_tihek_extends_once_by_three_months() {
    let tihek = new_case(Category::HumanRights, Authority::Tihek, d(2026, 8, 31));
    let s = status(&tihek, d(2026, 9, 1));
    assert_eq!(s.due_on, Some(d(2026, 11, 30)));
    assert_eq!(s.days_left_unit, Some(Unit::Days)); // months count calendar days
    let by_president = |on| Event::ExtensionNotified {
        on,
        reason: ExtensionReason::PresidentDecision,
    };
    let extended = with(tihek.clone(), [by_president(d(2026, 11, 30))]);
    assert_eq!(
        status(&extended, d(2026, 12, 1)).due_on,
        Some(d(2027, 3, 1))
    );
    broken(
        &with(tihek.clone(), [by_president(d(2026, 12, 1))]),
        "extension_late",
        "6701 m.18",
    );
    broken(
        &with(tihek.clone(), [extension(d(2026, 9, 1))]),
        "extension_ground",
        "6701 m.18",
    );
    broken(
        &with(
            tihek,
            [by_president(d(2026, 9, 1)), by_president(d(2026, 9, 2))],
        ),
        "extension_twice",
        "6701 m.18",
    );
}

// --- 4982 m.11: the fee -----------------------------------------------------

/// 4982 m.11: the fee notice interrupts the period; by default a fresh 15
/// business days run from payment.
#[test]
fn law_4982_article_11_fee_notice_interrupts_restart_on_payment() {
    let case = with(
        info(),
        [fee(d(2025, 5, 5)), Event::FeePaid { on: d(2025, 5, 9) }],
    );
    let waiting = status(&case, d(2025, 5, 6));
    assert_eq!(waiting.state, State::AwaitingFee);
    assert_eq!((waiting.due_on, waiting.overdue), (None, false));
    let pay = waiting.next_deadline_for_applicant.unwrap();
    assert_eq!(pay.action, ApplicantAction::PayFee);
    assert_eq!(
        (pay.due_on, pay.days_left_unit),
        (d(2025, 5, 27), Unit::BusinessDays)
    );
    let paid = status(&case, d(2025, 5, 9));
    assert_eq!(
        (paid.state, paid.due_on),
        (State::InReview, Some(d(2025, 6, 2)))
    );
}

/// The alternative reading: the 13 business days used up to the notice stay
/// used; the 2 left run from payment.
#[test]
fn fee_policy_pause_and_resume() {
    let mut case = with(
        info(),
        [fee(d(2025, 5, 5)), Event::FeePaid { on: d(2025, 5, 9) }],
    );
    case.policy.fee = FeePolicy::PauseAndResume;
    assert_eq!(status(&case, d(2025, 5, 9)).due_on, Some(d(2025, 5, 13)));
}

/// 4982 m.11 and its Regulation: a fee unpaid 15 business days after the
/// notice means the application is withdrawn.
#[test]
fn law_4982_unpaid_fee_after_15_business_days_is_withdrawn() {
    let notified = with(info(), [fee(d(2025, 5, 5))]);
    assert_eq!(status(&notified, d(2025, 5, 27)).state, State::AwaitingFee);
    let lapsed = status(&notified, d(2025, 5, 28));
    assert_eq!(lapsed.state, State::Withdrawn);
    assert_eq!(lapsed.closed_on, Some(d(2025, 5, 28)));
    assert!(lapsed.next_deadline_for_applicant.is_none());
    let paid_last_day = with(notified.clone(), [Event::FeePaid { on: d(2025, 5, 27) }]);
    assert_eq!(
        status(&paid_last_day, d(2025, 5, 27)).state,
        State::InReview
    );
    let paid_late = with(notified, [Event::FeePaid { on: d(2025, 5, 28) }]);
    broken(&paid_late, "fee_not_paid", "4982 m.11; 4982 Yön.");
}

/// 4982 m.11: a notice interrupts a running period; one that has ended
/// cannot be interrupted.
#[test]
fn law_4982_article_11_fee_notice_while_the_period_runs() {
    assert_eq!(
        status(&with(info(), [fee(d(2025, 5, 7))]), d(2025, 5, 7)).state,
        State::AwaitingFee
    );
    broken(
        &with(info(), [fee(d(2025, 5, 8))]),
        "fee_notice_late",
        "4982 m.11",
    );
}

/// 4982 m.10: fees are for access to information; a petition has none.
#[test]
fn law_4982_article_10_fee_only_for_information_requests() {
    broken(
        &with(petition(d(2026, 12, 2)), [fee(d(2026, 12, 3))]),
        "only_information_requests",
        "4982 m.10-11",
    );
    broken(
        &with(info(), [Event::FeePaid { on: d(2025, 4, 15) }]),
        "not_allowed",
        "4982 m.11",
    );
}

// --- 4982 m.13: the objection to BEDK --------------------------------------

/// 4982 m.13: within 15 days of the refusal's notice; BEDK decides in 30
/// business days.
#[test]
fn law_4982_article_13_objection_within_15_days_of_notice() {
    let refused = with(info(), refused_and_notified(d(2025, 5, 5), d(2025, 6, 18)));
    let s = status(&refused, d(2025, 6, 20));
    assert_eq!(
        (s.state, s.outcome),
        (State::Answered, Some(Outcome::Refused))
    );
    let object = s.next_deadline_for_applicant.unwrap();
    assert_eq!(object.action, ApplicantAction::ObjectToBedk);
    assert_eq!((object.due_on, object.days_left), (d(2025, 7, 3), 13));
    assert_eq!(
        (object.days_left_unit, object.citation.as_str()),
        (Unit::Days, "4982 m.13")
    );

    let on_time = with(refused.clone(), [Event::Objected { on: d(2025, 7, 3) }]);
    let s = status(&on_time, d(2025, 8, 15));
    assert_eq!(
        (s.state, s.procedure),
        (State::Objected, Some(Procedure::BedkDecision))
    );
    assert_eq!((s.due_on, s.overdue), (Some(d(2025, 8, 15)), false));
    assert!(status(&on_time, d(2025, 8, 18)).overdue);

    let late = with(refused.clone(), [Event::Objected { on: d(2025, 7, 4) }]);
    broken(&late, "objection_late", "4982 m.13");
    // Unused, the objection period closes the case the day after it ends.
    let s = status(&refused, d(2025, 7, 4));
    assert_eq!((s.state, s.closed_on), (State::Closed, Some(d(2025, 7, 4))));
}

/// 4982 m.13 with İYUK m.8/2: 15 days from 2025-05-22 end on 6 June, in
/// Kurban Bayramı; the last day is 10 June.
#[test]
fn law_4982_article_13_objection_period_ending_in_a_bayram() {
    let refused = with(info(), refused_and_notified(d(2025, 5, 20), d(2025, 5, 22)));
    let on_time = with(refused.clone(), [Event::Objected { on: d(2025, 6, 10) }]);
    assert_eq!(status(&on_time, d(2025, 6, 10)).state, State::Objected);
    broken(
        &with(refused, [Event::Objected { on: d(2025, 6, 11) }]),
        "objection_late",
        "4982 m.13",
    );
}

/// 4982 m.13: an objection lies against a notified 4982 refusal only; a
/// partial refusal is one.
#[test]
fn law_4982_article_13_objection_only_against_a_4982_refusal() {
    let petition_refused = with(
        petition(d(2026, 12, 2)),
        [
            answered(d(2026, 12, 10), Outcome::Refused),
            Event::Objected {
                on: d(2026, 12, 11),
            },
        ],
    );
    broken(&petition_refused, "only_information_requests", "4982 m.13");
    let granted = with(
        info(),
        [
            answered(d(2025, 5, 5), Outcome::Granted),
            Event::Objected { on: d(2025, 5, 6) },
        ],
    );
    broken(&granted, "objection_without_refusal", "4982 m.13");
    let not_notified = with(
        info(),
        [
            answered(d(2025, 5, 5), Outcome::Refused),
            Event::Objected { on: d(2025, 5, 6) },
        ],
    );
    broken(&not_notified, "objection_without_refusal", "4982 m.13");
    let partial = with(
        info(),
        [
            answered(d(2025, 5, 5), Outcome::PartiallyGranted),
            Event::RefusalNotified {
                on: d(2025, 5, 6),
                ground: RefusalGround::Other,
            },
            Event::Objected { on: d(2025, 5, 7) },
        ],
    );
    assert_eq!(status(&partial, d(2025, 5, 7)).state, State::Objected);
}

/// 4982 m.13 as before Law 5432 (in force 2005-11-22): only refusals under
/// m.16 (State secret) or m.17 (economic interests) went to BEDK.
#[test]
fn law_5432_bedk_open_to_every_refusal_from_2005_11_22() {
    let case = |notified_on, ground| {
        with(
            new_case(
                Category::InformationRequest,
                Authority::Institution,
                d(2005, 10, 20),
            ),
            [
                answered(d(2005, 11, 10), Outcome::Refused),
                Event::RefusalNotified {
                    on: notified_on,
                    ground,
                },
            ],
        )
    };
    let before = case(d(2005, 11, 21), RefusalGround::Other);
    let s = status(&before, d(2005, 11, 21));
    assert_eq!(
        (s.state, s.closed_on),
        (State::Closed, Some(d(2005, 11, 21)))
    );
    assert!(s.next_deadline_for_applicant.is_none());
    broken(
        &with(
            before,
            [Event::Objected {
                on: d(2005, 11, 25),
            }],
        ),
        "objection_before_5432",
        "4982 m.13 before Law 5432",
    );
    for ground in [RefusalGround::StateSecret, RefusalGround::EconomicInterest] {
        let secret = with(
            case(d(2005, 11, 21), ground),
            [Event::Objected { on: d(2005, 12, 6) }],
        );
        assert_eq!(status(&secret, d(2005, 12, 6)).state, State::Objected);
    }
    let after = with(
        case(d(2005, 11, 22), RefusalGround::Other),
        [Event::Objected { on: d(2005, 12, 7) }],
    );
    assert_eq!(status(&after, d(2005, 12, 7)).state, State::Objected);
}

// --- Dates and closing --------------------------------------------------------

/// An answer cannot precede the receipt that starts its period (4982 m.11).
#[test]
fn answer_before_receipt_is_refused() {
    let same_day = with(info(), [answered(d(2025, 4, 14), Outcome::Granted)]);
    assert_eq!(status(&same_day, d(2025, 4, 14)).state, State::Closed);
    let before = with(info(), [answered(d(2025, 4, 13), Outcome::Granted)]);
    broken(&before, "before_receipt", "4982 m.11");
    let e = info()
        .status(&Calendar::turkey(), d(2025, 4, 13))
        .unwrap_err();
    assert!(matches!(e, LifecycleError::AsOfBeforeReceipt { .. }), "{e}");
}

/// Events are recorded in date order; the same day is fine.
#[test]
fn events_out_of_date_order_are_refused() {
    let same_day = with(
        info(),
        [fee(d(2025, 5, 5)), Event::FeePaid { on: d(2025, 5, 5) }],
    );
    assert_eq!(status(&same_day, d(2025, 5, 5)).state, State::InReview);
    let reversed = with(info(), [extension(d(2025, 5, 5)), fee(d(2025, 5, 2))]);
    broken(&reversed, "out_of_order", "DESIGN §2.7");
}

/// Nothing follows a closed case: granted, decided by BEDK, withdrawn.
#[test]
fn nothing_after_closing() {
    let granted = with(
        info(),
        [
            answered(d(2025, 5, 5), Outcome::Granted),
            Event::Withdrawn { on: d(2025, 5, 6) },
        ],
    );
    let e = broken(&granted, "after_closing", "DESIGN §2.7");
    assert!(
        e.to_string()
            .contains("the case is closed since 2025-05-05"),
        "{e}"
    );
    let decided = with(
        info(),
        refused_and_notified(d(2025, 5, 5), d(2025, 5, 6))
            .into_iter()
            .chain([
                Event::Objected { on: d(2025, 5, 8) },
                Event::ObjectionDecided {
                    on: d(2025, 6, 2),
                    outcome: Outcome::Refused,
                },
                Event::Objected { on: d(2025, 6, 3) },
            ]),
    );
    broken(&decided, "after_closing", "DESIGN §2.7");
    let withdrawn = with(
        petition(d(2026, 12, 2)),
        [
            Event::Withdrawn { on: d(2026, 12, 3) },
            answered(d(2026, 12, 4), Outcome::Granted),
        ],
    );
    broken(&withdrawn, "after_closing", "DESIGN §2.7");
    let answered_twice = with(
        petition(d(2026, 12, 2)),
        [
            answered(d(2026, 12, 3), Outcome::Refused),
            answered(d(2026, 12, 4), Outcome::Granted),
        ],
    );
    broken(&answered_twice, "after_closing", "DESIGN §2.7");
}

// --- 3071 m.7: the interim answer -------------------------------------------

/// 3071 m.7: an interim progress answer keeps the case open until the
/// result is notified.
#[test]
fn law_3071_article_7_interim_answer_keeps_the_case_open() {
    let interim = with(
        petition(d(2026, 12, 2)),
        [answered(d(2026, 12, 20), Outcome::Interim)],
    );
    let s = status(&interim, d(2027, 2, 1));
    assert_eq!(
        (s.state, s.outcome),
        (State::InterimAnswered, Some(Outcome::Interim))
    );
    assert!(s.state.is_open());
    assert_eq!((s.due_on, s.overdue), (None, false));
    let result = with(interim.clone(), [answered(d(2027, 2, 2), Outcome::Granted)]);
    let s = status(&result, d(2027, 2, 2));
    assert_eq!((s.state, s.closed_on), (State::Closed, Some(d(2027, 2, 2))));
    let withdrawn = with(interim, [Event::Withdrawn { on: d(2027, 1, 5) }]);
    assert_eq!(status(&withdrawn, d(2027, 1, 5)).state, State::Withdrawn);
    for (category, board) in [
        (Category::EthicsComplaint, Authority::DisiplinKurulu),
        (Category::HumanRights, Authority::InsanHaklariKurulu),
    ] {
        let case = with(
            new_case(category, board, d(2026, 12, 2)),
            [answered(d(2026, 12, 20), Outcome::Interim)],
        );
        assert_eq!(status(&case, d(2026, 12, 20)).state, State::InterimAnswered);
    }
}

/// 3071 m.7: an interim answer is a 3071 answer; 4982, the Etik Kurulu and
/// BEDK owe a decision.
#[test]
fn law_3071_article_7_interim_answer_only_under_3071() {
    broken(
        &with(info(), [answered(d(2025, 4, 20), Outcome::Interim)]),
        "interim_not_available",
        "3071 m.7",
    );
    let ethics = new_case(
        Category::EthicsComplaint,
        Authority::EtikKurulu,
        d(2025, 4, 14),
    );
    broken(
        &with(ethics, [answered(d(2025, 4, 20), Outcome::Interim)]),
        "interim_not_available",
        "3071 m.7",
    );
    let objected = with(
        info(),
        refused_and_notified(d(2025, 5, 5), d(2025, 5, 6))
            .into_iter()
            .chain([
                Event::Objected { on: d(2025, 5, 8) },
                Event::ObjectionDecided {
                    on: d(2025, 6, 2),
                    outcome: Outcome::Interim,
                },
            ]),
    );
    broken(&objected, "interim_not_available", "3071 m.7");
}

// --- Clock policies -----------------------------------------------------------

/// 3071 m.5 forwarding; by default the period restarts at the receiving body
/// (law.md §3.5 [M]): 30 days from 2026-12-10 end Saturday 2027-01-09.
#[test]
fn forwarding_restarts_the_period_at_the_receiving_body() {
    let forwarded = with(
        petition(d(2026, 12, 2)),
        [Event::Forwarded {
            to: "saglik_bakanligi".into(),
            received_on: d(2026, 12, 10),
        }],
    );
    let s = status(&forwarded, d(2026, 12, 10));
    assert_eq!(
        (s.state, s.due_on),
        (State::Forwarded, Some(d(2027, 1, 11)))
    );
    let mut kept = forwarded.clone();
    kept.policy = ClockPolicy {
        forwarding: ForwardingPolicy::KeepOriginal,
        ..ClockPolicy::default()
    };
    assert_eq!(status(&kept, d(2026, 12, 10)).due_on, Some(d(2027, 1, 4)));
    let after_answer = with(
        petition(d(2026, 12, 2)),
        [
            answered(d(2026, 12, 3), Outcome::Interim),
            Event::Forwarded {
                to: "x".into(),
                received_on: d(2026, 12, 4),
            },
        ],
    );
    broken(&after_answer, "not_allowed", "3071 m.5");
}

/// days_left and overdue on both sides of the due date, in the period's unit.
#[test]
fn overdue_on_both_sides_of_the_due_date() {
    let on_due = status(&info(), d(2025, 5, 7));
    assert_eq!((on_due.days_left, on_due.overdue), (Some(0), false));
    let day_after = status(&info(), d(2025, 5, 8));
    assert_eq!((day_after.days_left, day_after.overdue), (Some(-1), true));
    assert_eq!(day_after.days_left_unit, Some(Unit::BusinessDays));
    // Over a weekend: Friday 2 May to Wednesday 7 May is 3 business days.
    assert_eq!(status(&info(), d(2025, 5, 2)).days_left, Some(3));
    let p = status(&petition(d(2026, 3, 2)), d(2026, 3, 2));
    assert_eq!(
        (p.due_on, p.days_left, p.days_left_unit),
        (Some(d(2026, 4, 1)), Some(30), Some(Unit::Days))
    );
}

// --- Creating and recording -------------------------------------------------

/// A triaged application becomes a case with its route's procedure.
#[test]
fn case_from_a_triaged_application() {
    let app = Application::from_json(
        r#"{"id": "E-1", "received_on": "2025-04-14", "category": "ethics_complaint",
            "applicant": {"type": "person", "name": "Ali Can", "address": "Bolu"},
            "target": {"official": {"name": "X", "title": "Genel Müdür"}}}"#,
    )
    .unwrap();
    let route = bimer::triage(&app).route.unwrap();
    let case = Case::from_application(&app, route.authority).unwrap();
    assert_eq!(case.procedure().unwrap(), Procedure::EtikKurulu);
    let s = status(&case, d(2025, 4, 14));
    assert_eq!(
        (s.due_on, s.days_left_unit),
        (Some(d(2025, 7, 14)), Some(Unit::Days))
    );
    let mut unclassified = app.clone();
    unclassified.category = None;
    assert_eq!(
        Case::from_application(&unclassified, route.authority)
            .unwrap_err()
            .field,
        "category"
    );
}

/// `record` checks the new event and leaves the case as it was when it
/// breaks a rule.
#[test]
fn record_keeps_the_case_unchanged_on_error() {
    let cal = Calendar::turkey();
    let mut case = info();
    case.record(&cal, extension(d(2025, 5, 7))).unwrap();
    let e = case.record(&cal, extension(d(2025, 5, 8))).unwrap_err();
    assert!(matches!(e, LifecycleError::ExtensionTwice { .. }), "{e}");
    assert_eq!(case.events.len(), 1);
}

/// Dates outside the calendar's data are errors, never panics.
#[test]
fn outside_the_calendar_is_an_error() {
    let late = new_case(Category::Petition, Authority::Institution, d(2040, 12, 20));
    let e = late
        .status(&Calendar::turkey(), d(2040, 12, 21))
        .unwrap_err();
    assert_eq!(Error::from(e).code(), "calendar_out_of_range");
    let early = new_case(
        Category::InformationRequest,
        Authority::Institution,
        d(2004, 4, 23),
    );
    let e = early
        .status(&Calendar::turkey(), d(2004, 4, 23))
        .unwrap_err();
    assert_eq!(Error::from(e).code(), "law_not_in_force");
}

// --- Calendar change -----------------------------------------------------------

fn leave_policy(cal: Calendar) -> Calendar {
    cal.with_policy(Policy {
        administrative_leave: AdministrativeLeavePolicy::Holiday { province: None },
        ..Policy::default()
    })
}

/// A new idari izin under the Holiday policy moves due dates that run over
/// it, and only those.
#[test]
fn recompute_reports_due_dates_moved_by_new_administrative_leave() {
    let before = leave_policy(Calendar::turkey());
    let patch = CalendarPatch {
        administrative_leave: vec![AdministrativeLeave {
            date: d(2025, 5, 6),
            portion: LeavePortion::Full,
            occasion: "test".into(),
            provinces: vec![],
        }],
        ..CalendarPatch::default()
    };
    let after = leave_policy(Calendar::turkey().patched(&patch).unwrap());
    let moved = info().recompute(&before, &after, d(2025, 5, 2)).unwrap();
    assert_eq!(moved.len(), 1);
    assert_eq!(
        moved[0].deadline,
        DueKind::Body(Procedure::InformationRequest)
    );
    assert_eq!((moved[0].from, moved[0].to), (d(2025, 5, 7), d(2025, 5, 8)));
    // A 30-day petition ending after the leave does not move (holidays count).
    assert!(petition(d(2025, 4, 14))
        .recompute(&before, &after, d(2025, 5, 2))
        .unwrap()
        .is_empty());
    // A fee window running over it moves; a closed case reports nothing.
    let fee_case = with(info(), [fee(d(2025, 5, 2))]);
    let moved = fee_case.recompute(&before, &after, d(2025, 5, 2)).unwrap();
    assert_eq!(
        moved[0].deadline,
        DueKind::Applicant(ApplicantAction::PayFee)
    );
    let closed = with(info(), [answered(d(2025, 4, 20), Outcome::Granted)]);
    assert!(closed
        .recompute(&before, &after, d(2025, 5, 2))
        .unwrap()
        .is_empty());
}

/// A corrected holiday that shortens a period can make a recorded
/// extension late (4982 m.11): the case is reported, not skipped.
#[test]
fn recompute_finds_histories_a_correction_breaks() {
    let before = Calendar::turkey();
    let patch = CalendarPatch {
        remove_holidays: vec![d(2025, 5, 1)],
        ..CalendarPatch::default()
    };
    let after = before.patched(&patch).unwrap();
    let moved = info().recompute(&before, &after, d(2025, 5, 2)).unwrap();
    assert_eq!((moved[0].from, moved[0].to), (d(2025, 5, 7), d(2025, 5, 6)));
    let extended = with(info(), [extension(d(2025, 5, 7))]);
    let e = extended
        .recompute(&before, &after, d(2025, 5, 7))
        .unwrap_err();
    assert_eq!(Error::from(e).code(), "extension_late");
}
