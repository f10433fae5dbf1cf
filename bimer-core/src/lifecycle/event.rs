//! The events of a case history and their wire form.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::RefusalGround;

/// Something that happened to an application, with its date.
///
/// On the wire an event is one flat object tagged by `event`; the fields of
/// another event are refused by name.
///
/// # Example
///
/// ```
/// use bimer_core::{Event, ExtensionReason};
/// let json = r#"{"event": "extension_notified", "on": "2025-05-07", "reason": "other_unit"}"#;
/// let event: Event = serde_json::from_str(json).unwrap();
/// assert_eq!(event, Event::ExtensionNotified {
///     on: chrono::NaiveDate::from_ymd_opt(2025, 5, 7).unwrap(),
///     reason: ExtensionReason::OtherUnit,
/// });
/// let stray = r#"{"event": "fee_paid", "on": "2025-05-07", "amount": "5.00"}"#;
/// assert!(serde_json::from_str::<Event>(stray).unwrap_err().to_string().contains("`amount`"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", try_from = "RawEvent")]
pub enum Event {
    /// Sent on to the competent body (3071 m.5; 4982 m.7/3), which received
    /// it on `received_on`.
    Forwarded {
        /// The receiving body (registry code or unit name).
        to: String,
        /// The day the receiving body received it.
        received_on: NaiveDate,
    },
    /// The applicant was told in writing that the period is extended, and why
    /// (4982 m.11; 6701 m.18).
    ExtensionNotified {
        /// The day of the notice.
        on: NaiveDate,
        /// The ground stated.
        reason: ExtensionReason,
    },
    /// The applicant was told the cost of access (4982 m.10, m.11).
    FeeNotified {
        /// The day of the notice.
        on: NaiveDate,
        /// The cost notified.
        amount: Amount,
    },
    /// The applicant proved payment of the notified fee (4982 Yön.).
    FeePaid {
        /// The day the proof of payment reached the body.
        on: NaiveDate,
    },
    /// The body answered.
    Answered {
        /// The day of the answer.
        on: NaiveDate,
        /// What it said.
        outcome: Outcome,
    },
    /// A refusal was notified to the applicant: the BEDK objection period
    /// starts (4982 m.13).
    RefusalNotified {
        /// The day of notification (tebliğ).
        on: NaiveDate,
        /// The ground of the refusal, which decided BEDK's competence before
        /// 2005-11-22.
        ground: RefusalGround,
    },
    /// The applicant objected to BEDK (4982 m.13).
    Objected {
        /// The day the objection was made.
        on: NaiveDate,
    },
    /// BEDK decided the objection (4982 m.13).
    ObjectionDecided {
        /// The day of the decision.
        on: NaiveDate,
        /// What BEDK decided about access.
        outcome: Outcome,
    },
    /// The applicant withdrew the application.
    Withdrawn {
        /// The day of withdrawal.
        on: NaiveDate,
    },
}

impl Event {
    /// The day the event happened (for [`Event::Forwarded`], the day the
    /// receiving body received the application).
    pub fn on(&self) -> NaiveDate {
        match *self {
            Event::Forwarded { received_on, .. } => received_on,
            Event::ExtensionNotified { on, .. }
            | Event::FeeNotified { on, .. }
            | Event::FeePaid { on }
            | Event::Answered { on, .. }
            | Event::RefusalNotified { on, .. }
            | Event::Objected { on }
            | Event::ObjectionDecided { on, .. }
            | Event::Withdrawn { on } => on,
        }
    }

    /// Which kind of event it is.
    pub fn kind(&self) -> EventKind {
        match self {
            Event::Forwarded { .. } => EventKind::Forwarded,
            Event::ExtensionNotified { .. } => EventKind::ExtensionNotified,
            Event::FeeNotified { .. } => EventKind::FeeNotified,
            Event::FeePaid { .. } => EventKind::FeePaid,
            Event::Answered { .. } => EventKind::Answered,
            Event::RefusalNotified { .. } => EventKind::RefusalNotified,
            Event::Objected { .. } => EventKind::Objected,
            Event::ObjectionDecided { .. } => EventKind::ObjectionDecided,
            Event::Withdrawn { .. } => EventKind::Withdrawn,
        }
    }
}

/// The kind of an [`Event`], named as on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // each kind is documented on its Event variant
pub enum EventKind {
    Forwarded,
    ExtensionNotified,
    FeeNotified,
    FeePaid,
    Answered,
    RefusalNotified,
    Objected,
    ObjectionDecided,
    Withdrawn,
}

impl EventKind {
    /// The snake_case code used on the wire.
    pub fn code(self) -> &'static str {
        match self {
            EventKind::Forwarded => "forwarded",
            EventKind::ExtensionNotified => "extension_notified",
            EventKind::FeeNotified => "fee_notified",
            EventKind::FeePaid => "fee_paid",
            EventKind::Answered => "answered",
            EventKind::RefusalNotified => "refusal_notified",
            EventKind::Objected => "objected",
            EventKind::ObjectionDecided => "objection_decided",
            EventKind::Withdrawn => "withdrawn",
        }
    }

    /// The fields an event of this kind carries besides `event`.
    fn fields(self) -> &'static [&'static str] {
        match self {
            EventKind::Forwarded => &["to", "received_on"],
            EventKind::ExtensionNotified => &["on", "reason"],
            EventKind::FeeNotified => &["on", "amount"],
            EventKind::Answered | EventKind::ObjectionDecided => &["on", "outcome"],
            EventKind::RefusalNotified => &["on", "ground"],
            EventKind::FeePaid | EventKind::Objected | EventKind::Withdrawn => &["on"],
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The ground stated for extending a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtensionReason {
    /// 4982 m.11: the information is provided by another unit of the body.
    OtherUnit,
    /// 4982 m.11: another body's opinion is needed to answer.
    OtherBodyOpinion,
    /// 4982 m.11: the request concerns more than one body.
    SeveralBodies,
    /// 6701 m.18: the TİHEK President extends the examination.
    PresidentDecision,
}

impl ExtensionReason {
    /// The snake_case code used on the wire.
    pub fn code(self) -> &'static str {
        match self {
            ExtensionReason::OtherUnit => "other_unit",
            ExtensionReason::OtherBodyOpinion => "other_body_opinion",
            ExtensionReason::SeveralBodies => "several_bodies",
            ExtensionReason::PresidentDecision => "president_decision",
        }
    }
}

/// What an answer, or BEDK's decision on an objection, said about access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Granted (for BEDK: the objection is upheld and access is to be given).
    Granted,
    /// Granted in part, refused in part (4982 m.9).
    PartiallyGranted,
    /// Refused, with reasons and remedies (4982 m.12).
    Refused,
    /// An interim progress answer (safahat) under 3071 m.7: the result is
    /// still owed and will be notified separately.
    Interim,
}

impl Outcome {
    /// Whether the answer refuses something, so that 4982 m.13 opens an
    /// objection: a refusal or a partial one.
    pub fn refuses(self) -> bool {
        matches!(self, Outcome::Refused | Outcome::PartiallyGranted)
    }
}

/// An amount of Turkish lira, kept in kuruş so that nothing is rounded.
///
/// On the wire a string with at most two decimals: `"37.50"`.
///
/// # Example
///
/// ```
/// use bimer_core::Amount;
/// let fee: Amount = "37.5".parse().unwrap();
/// assert_eq!(fee.kurus(), 3750);
/// assert_eq!(fee.to_string(), "37.50");
/// assert!("37.505".parse::<Amount>().is_err());
/// assert!("-1".parse::<Amount>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Amount {
    kurus: u64,
}

impl Amount {
    /// An amount of `kurus` kuruş (1/100 lira).
    pub const fn from_kurus(kurus: u64) -> Amount {
        Amount { kurus }
    }

    /// The amount in kuruş.
    pub const fn kurus(self) -> u64 {
        self.kurus
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.kurus / 100, self.kurus % 100)
    }
}

impl FromStr for Amount {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!(
                "`{}` is not an amount in lira with at most two decimals, such as \"37.50\"",
                s.chars().take(20).collect::<String>()
            )
        };
        let (lira, kurus) = s.split_once('.').unwrap_or((s, "00"));
        let digits = |t: &str, max: usize| {
            !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(lira, 15) || !digits(kurus, 2) {
            return Err(bad());
        }
        let kurus = format!("{kurus:0<2}");
        let value = lira.parse::<u64>().map_err(|_| bad())? * 100
            + kurus.parse::<u64>().map_err(|_| bad())?;
        Ok(Amount { kurus: value })
    }
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// An event as read: one flat record, so that an error inside it names its
/// field (serde loses the path inside internally tagged enums), then checked
/// against its `event`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    event: EventKind,
    on: Option<NaiveDate>,
    to: Option<String>,
    received_on: Option<NaiveDate>,
    reason: Option<ExtensionReason>,
    amount: Option<Amount>,
    outcome: Option<Outcome>,
    ground: Option<RefusalGround>,
}

impl TryFrom<RawEvent> for Event {
    type Error = String;

    fn try_from(r: RawEvent) -> Result<Self, Self::Error> {
        let kind = r.event;
        let given = [
            ("on", r.on.is_some()),
            ("to", r.to.is_some()),
            ("received_on", r.received_on.is_some()),
            ("reason", r.reason.is_some()),
            ("amount", r.amount.is_some()),
            ("outcome", r.outcome.is_some()),
            ("ground", r.ground.is_some()),
        ];
        let expected = kind.fields();
        if let Some((stray, _)) = given
            .iter()
            .find(|(name, set)| *set && !expected.contains(name))
        {
            return Err(format!(
                "unknown field `{stray}` for event `{kind}`, expected `{}`",
                expected.join("`, `")
            ));
        }
        fn need<T>(value: Option<T>, field: &str, kind: EventKind) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}` for event `{kind}`"))
        }
        let on = need(r.on, "on", kind);
        Ok(match kind {
            EventKind::Forwarded => {
                let to = need(r.to, "to", kind)?;
                if to.trim().is_empty() {
                    return Err("field `to` must name the receiving body".into());
                }
                Event::Forwarded {
                    to,
                    received_on: need(r.received_on, "received_on", kind)?,
                }
            }
            EventKind::ExtensionNotified => Event::ExtensionNotified {
                on: on?,
                reason: need(r.reason, "reason", kind)?,
            },
            EventKind::FeeNotified => Event::FeeNotified {
                on: on?,
                amount: need(r.amount, "amount", kind)?,
            },
            EventKind::FeePaid => Event::FeePaid { on: on? },
            EventKind::Answered => Event::Answered {
                on: on?,
                outcome: need(r.outcome, "outcome", kind)?,
            },
            EventKind::RefusalNotified => Event::RefusalNotified {
                on: on?,
                ground: need(r.ground, "ground", kind)?,
            },
            EventKind::Objected => Event::Objected { on: on? },
            EventKind::ObjectionDecided => Event::ObjectionDecided {
                on: on?,
                outcome: need(r.outcome, "outcome", kind)?,
            },
            EventKind::Withdrawn => Event::Withdrawn { on: on? },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact() {
        for (text, kurus, shown) in [
            ("0", 0, "0.00"),
            ("12", 1200, "12.00"),
            ("12.5", 1250, "12.50"),
            ("12.05", 1205, "12.05"),
        ] {
            let a: Amount = text.parse().unwrap();
            assert_eq!((a.kurus(), a.to_string().as_str()), (kurus, shown));
        }
        for bad in [
            "",
            ".5",
            "5.",
            "1,5",
            "1e3",
            " 1",
            "1.234",
            "-1",
            "9999999999999999",
        ] {
            assert!(bad.parse::<Amount>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_event_round_trips() {
        let d = NaiveDate::from_ymd_opt(2025, 5, 7).unwrap();
        for event in [
            Event::Forwarded {
                to: "saglik_bakanligi".into(),
                received_on: d,
            },
            Event::ExtensionNotified {
                on: d,
                reason: ExtensionReason::SeveralBodies,
            },
            Event::FeeNotified {
                on: d,
                amount: Amount::from_kurus(3750),
            },
            Event::FeePaid { on: d },
            Event::Answered {
                on: d,
                outcome: Outcome::Interim,
            },
            Event::RefusalNotified {
                on: d,
                ground: RefusalGround::StateSecret,
            },
            Event::Objected { on: d },
            Event::ObjectionDecided {
                on: d,
                outcome: Outcome::PartiallyGranted,
            },
            Event::Withdrawn { on: d },
        ] {
            let json = serde_json::to_value(&event).unwrap();
            assert_eq!(json["event"], event.kind().code());
            assert_eq!(
                json.as_object().unwrap().len(),
                1 + event.kind().fields().len()
            );
            assert_eq!(serde_json::from_value::<Event>(json).unwrap(), event);
        }
    }

    #[test]
    fn fields_are_checked_against_the_kind() {
        let err = |json: &str| serde_json::from_str::<Event>(json).unwrap_err().to_string();
        assert!(err(r#"{"event": "objected"}"#).contains("missing field `on`"));
        assert!(err(r#"{"event": "answered", "on": "2025-05-07"}"#).contains("`outcome`"));
        assert!(
            err(r#"{"event": "forwarded", "to": " ", "received_on": "2025-05-07"}"#)
                .contains("field `to`")
        );
        assert!(err(r#"{"event": "reopened", "on": "2025-05-07"}"#).contains("reopened"));
        assert!(err(r#"{"event": "objected", "on": "2025-05-07", "note": 1}"#).contains("note"));
    }
}
