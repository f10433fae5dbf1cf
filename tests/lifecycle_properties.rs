//! Property tests of the lifecycle (DESIGN §2.7, §6): any history the rules
//! accept keeps its due dates on or after receipt, an extension never brings
//! a due date forward, and the wire format round-trips.

use bimer::law::RefusalGround;
use bimer::{
    Amount, Authority, Calendar, Case, Category, ClockPolicy, Event, ExtensionReason, FeePolicy,
    ForwardingPolicy, Outcome, Status,
};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn routes() -> impl Strategy<Value = (Category, Authority)> {
    prop_oneof![
        8 => Just((Category::InformationRequest, Authority::Institution)),
        1 => Just((Category::Petition, Authority::Institution)),
        1 => Just((Category::EthicsComplaint, Authority::EtikKurulu)),
        1 => Just((Category::EthicsComplaint, Authority::DisiplinKurulu)),
        1 => Just((Category::HumanRights, Authority::InsanHaklariKurulu)),
        1 => Just((Category::HumanRights, Authority::Tihek)),
    ]
}

fn policies() -> impl Strategy<Value = ClockPolicy> {
    (any::<bool>(), any::<bool>()).prop_map(|(keep, pause)| ClockPolicy {
        forwarding: if keep {
            ForwardingPolicy::KeepOriginal
        } else {
            ForwardingPolicy::RestartAtReceivingBody
        },
        fee: if pause {
            FeePolicy::PauseAndResume
        } else {
            FeePolicy::RestartOnPayment
        },
    })
}

/// A receipt between 2017 and 2038, when every procedure's law applies.
fn receipts() -> impl Strategy<Value = NaiveDate> {
    (0u64..8000).prop_map(|k| NaiveDate::from_ymd_opt(2017, 1, 1).unwrap() + Days::new(k))
}

fn outcomes() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        1 => Just(Outcome::Granted),
        3 => Just(Outcome::PartiallyGranted),
        5 => Just(Outcome::Refused),
        2 => Just(Outcome::Interim),
    ]
}

fn reasons() -> impl Strategy<Value = ExtensionReason> {
    prop_oneof![
        Just(ExtensionReason::OtherUnit),
        Just(ExtensionReason::OtherBodyOpinion),
        Just(ExtensionReason::SeveralBodies),
        Just(ExtensionReason::PresidentDecision),
    ]
}

fn grounds() -> impl Strategy<Value = RefusalGround> {
    prop_oneof![
        Just(RefusalGround::StateSecret),
        Just(RefusalGround::EconomicInterest),
        Just(RefusalGround::Other),
    ]
}

/// The days since the previous event, then what to build the event from.
type Step = (u64, u8, Outcome, ExtensionReason, RefusalGround, u32);

fn steps() -> impl Strategy<Value = Step> {
    // Weighted towards the events that need others before them, so that
    // histories reach fee payments, objections and BEDK decisions.
    let kinds = prop_oneof![
        1 => Just(0u8),
        3 => Just(1),
        3 => Just(2),
        4 => Just(3),
        2 => Just(4),
        4 => Just(5),
        4 => Just(6),
        3 => Just(7),
        1 => Just(8),
    ];
    (
        0u64..12,
        kinds,
        outcomes(),
        reasons(),
        grounds(),
        any::<u32>(),
    )
}

/// An event of any kind on `on`.
fn event(on: NaiveDate, (_, kind, outcome, reason, ground, n): &Step) -> Event {
    match kind {
        0 => Event::Forwarded {
            to: format!("kurum-{}", n % 10),
            received_on: on,
        },
        1 => Event::ExtensionNotified {
            on,
            reason: *reason,
        },
        2 => Event::FeeNotified {
            on,
            amount: Amount::from_kurus(u64::from(*n)),
        },
        3 => Event::FeePaid { on },
        4 => Event::Answered {
            on,
            outcome: *outcome,
        },
        5 => Event::RefusalNotified {
            on,
            ground: *ground,
        },
        6 => Event::Objected { on },
        7 => Event::ObjectionDecided {
            on,
            outcome: *outcome,
        },
        _ => Event::Withdrawn { on },
    }
}

fn cases() -> impl Strategy<Value = (Case, Vec<Step>)> {
    (
        routes(),
        receipts(),
        policies(),
        prop::collection::vec(steps(), 0..20),
    )
        .prop_map(|((category, authority), received, policy, steps)| {
            let mut case = Case::new("P-1", category, authority, received).unwrap();
            case.policy = policy;
            (case, steps)
        })
}

fn due_dates(s: &Status) -> impl Iterator<Item = NaiveDate> + '_ {
    s.due_on
        .into_iter()
        .chain(s.next_deadline_for_applicant.as_ref().map(|a| a.due_on))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Build a history by recording candidate events and keeping those the
    /// rules accept: every due date stays on or after receipt, and recording
    /// an extension never moves the answer's due date earlier.
    #[test]
    fn valid_histories_keep_due_dates_after_receipt_and_monotone_under_extension(
        (mut case, steps) in cases()
    ) {
        let cal = Calendar::turkey();
        let mut on = case.received_on;
        for step in &steps {
            on = on + Days::new(step.0);
            let candidate = event(on, step);
            let before = case.status(&cal, on).unwrap();
            let extension = matches!(candidate, Event::ExtensionNotified { .. });
            if case.record(&cal, candidate).is_err() {
                continue;
            }
            let after = case.status(&cal, on).unwrap();
            for due in due_dates(&before).chain(due_dates(&after)) {
                prop_assert!(due >= case.received_on, "{due} < {}", case.received_on);
            }
            if extension {
                if let (Some(a), Some(b)) = (before.due_on, after.due_on) {
                    prop_assert!(b >= a, "extension moved {a} to {b}");
                }
            }
            prop_assert_eq!(after.overdue, after.due_on.is_some_and(|due| on > due));
        }
        // The recorded history replays whole, on any later day.
        let later = on + Days::new(90);
        prop_assert!(case.status(&cal, later).is_ok());
    }

    /// serialise → deserialise is the identity, whatever the history.
    #[test]
    fn wire_format_round_trips((mut case, steps) in cases()) {
        let mut on = case.received_on;
        for step in &steps {
            on = on + Days::new(step.0);
            case.events.push(event(on, step));
        }
        let json = case.to_json();
        prop_assert_eq!(Case::from_json(&json).unwrap(), case.clone());
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::from_value::<Case>(value).unwrap(), case);
    }
}
