//! Property tests of the calendar arithmetic (DESIGN §6).

use bimer::{AdministrativeLeavePolicy, Calendar, HalfDayPolicy, Policy};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;

fn policies() -> impl Strategy<Value = Policy> {
    (
        prop_oneof![
            Just(HalfDayPolicy::WorkingDayButNotLastDay),
            Just(HalfDayPolicy::WorkingDay),
            Just(HalfDayPolicy::Holiday),
        ],
        prop_oneof![
            Just(AdministrativeLeavePolicy::Ignore),
            Just(AdministrativeLeavePolicy::Holiday { province: None }),
        ],
    )
        .prop_map(|(half_day, administrative_leave)| Policy {
            half_day,
            administrative_leave,
        })
}

/// A date between 2004-01-01 and 2039-12-31.
fn dates() -> impl Strategy<Value = NaiveDate> {
    (0u64..13_149).prop_map(|k| NaiveDate::from_ymd_opt(2004, 1, 1).unwrap() + Days::new(k))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Add n business days, then count back: n.
    #[test]
    fn add_then_count_back(date in dates(), n in 1u32..200, policy in policies()) {
        let cal = Calendar::turkey().with_policy(policy);
        let later = cal.add_business_days(date, n).unwrap();
        prop_assert_eq!(cal.business_days_between(date, later).unwrap(), i64::from(n));
        prop_assert_eq!(cal.business_days_between(later, date).unwrap(), -i64::from(n));
    }

    /// The result is a business day, after the start, and monotone in n.
    #[test]
    fn result_is_a_later_business_day_monotone_in_n(date in dates(), n in 1u32..200, policy in policies()) {
        let cal = Calendar::turkey().with_policy(policy);
        let a = cal.add_business_days(date, n).unwrap();
        let b = cal.add_business_days(date, n + 1).unwrap();
        prop_assert!(cal.is_business_day(a).unwrap());
        prop_assert!(a > date && b > a);
        prop_assert_eq!(cal.next_business_day(a).unwrap(), b);
    }

    /// The constant-time answer equals a day-by-day walk.
    #[test]
    fn agrees_with_a_day_by_day_walk(date in dates(), n in 1u32..60, policy in policies()) {
        let cal = Calendar::turkey().with_policy(policy);
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day.succ_opt().unwrap();
            if cal.is_business_day(day).unwrap() {
                left -= 1;
            }
        }
        prop_assert_eq!(cal.add_business_days(date, n).unwrap(), day);
    }

    /// Policies agree where they should: on days that are neither half days nor leave.
    #[test]
    fn policies_agree_on_ordinary_days(date in dates(), a in policies(), b in policies()) {
        let (x, y) = (Calendar::turkey().with_policy(a), Calendar::turkey().with_policy(b));
        let base = Calendar::turkey();
        let ordinary = base.day_kind(date).unwrap() != bimer::DayKind::HalfDay
            && base.administrative_leave_on(date).next().is_none();
        if ordinary {
            prop_assert_eq!(x.is_business_day(date).unwrap(), y.is_business_day(date).unwrap());
        }
        // A stricter half-day policy never gives an earlier due date.
        let lax = base.with_policy(Policy { half_day: HalfDayPolicy::WorkingDay, ..a });
        let default = base.with_policy(Policy { half_day: HalfDayPolicy::WorkingDayButNotLastDay, ..a });
        let strict = base.with_policy(Policy { half_day: HalfDayPolicy::Holiday, ..a });
        let due = |c: &Calendar| c.roll_to_full_business_day(c.add_business_days(date, 15).unwrap()).unwrap();
        prop_assert!(due(&lax) <= due(&default));
        prop_assert!(due(&default) <= due(&strict));
    }

    /// Weekends are never business days; full holidays never are.
    #[test]
    fn weekends_and_holidays_are_not_business_days(date in dates(), policy in policies()) {
        let cal = Calendar::turkey().with_policy(policy);
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let full_holiday = cal.holiday(date).is_some_and(|h| !h.half_day);
        if weekend || full_holiday {
            prop_assert!(!cal.is_business_day(date).unwrap());
        }
    }
}
