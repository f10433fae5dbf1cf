//! Legal sources: how strongly a rule is sourced, and the dates on which the
//! laws behind bimer changed (law.md §8).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How strongly a rule is sourced, mirroring the markers of law.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStrength {
    /// \[V\] The statutory wording was read in the source.
    Verified,
    /// \[S\] Read in a secondary source (ministry FAQ, law-firm article, news).
    Secondary,
    /// \[M\] From memory or inferred; to be confirmed.
    Memory,
}

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("invalid constant date"),
    }
}

/// Law 4778 amends 3071 m.7: a reasoned answer within 30 days (RG 11.01.2003) \[V\].
pub const LAW_3071_30_DAY_ANSWER: NaiveDate = ymd(2003, 1, 11);
/// İl ve İlçe İnsan Hakları Kurulları regulation (RG 23.11.2003 No 25298) \[V\].
pub const HUMAN_RIGHTS_BOARDS_REGULATION: NaiveDate = ymd(2003, 11, 23);
/// Law 4982 in force, six months after publication (4982 m.32) \[V\].
pub const LAW_4982_IN_FORCE: NaiveDate = ymd(2004, 4, 24);
/// Law 5176 published and in force (RG 08.06.2004 No 25486) \[V\].
pub const LAW_5176_IN_FORCE: NaiveDate = ymd(2004, 6, 8);
/// Law 5432 opens the BEDK objection to every refusal (RG 22.11.2005) \[V\].
pub const BEDK_OPEN_TO_ALL_REFUSALS: NaiveDate = ymd(2005, 11, 22);
/// BİMER starts (Genelge 2006/3, RG 20.01.2006) \[V\].
pub const BIMER_START: NaiveDate = ymd(2006, 1, 20);
/// Law 6701 (TİHEK) in force on publication (RG 20.04.2016 No 29690) \[V\].
pub const LAW_6701_IN_FORCE: NaiveDate = ymd(2016, 4, 20);
/// TİHEK regulation in force: discrimination applications accepted (6701
/// geç. m.1/13; RG 24.11.2017 No 30250) \[S\].
pub const TIHEK_DISCRIMINATION_ACCEPTED: NaiveDate = ymd(2017, 11, 24);
/// KHK 703: Başbakanlık abolished, BİMER folded into CİMER, 5176 m.1/3 reads
/// "Cumhurbaşkanı Yardımcıları ve Bakanlar" \[V text / M exact date\].
pub const CIMER_START: NaiveDate = ymd(2018, 7, 9);

/// The ground of a 4982 refusal, as far as the BEDK objection cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// 4982 m.16: State secret.
    StateSecret,
    /// 4982 m.17: the country's economic interests.
    EconomicInterest,
    /// Any other ground (m.7, m.8, m.15, m.18–m.28…).
    Other,
}

/// Whether a 4982 refusal notified on `notified_on` may be objected to at
/// BEDK (4982 m.13). Until Law 5432 (in force 22.11.2005) only refusals under
/// m.16 and m.17 could; since then every refusal can \[V\].
///
/// # Example
///
/// ```
/// use bimer_core::law::{bedk_objection_available, RefusalGround};
/// let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(!bedk_objection_available(RefusalGround::Other, d(2005, 11, 21)));
/// assert!(bedk_objection_available(RefusalGround::Other, d(2005, 11, 22)));
/// assert!(bedk_objection_available(RefusalGround::StateSecret, d(2005, 11, 21)));
/// ```
pub fn bedk_objection_available(ground: RefusalGround, notified_on: NaiveDate) -> bool {
    notified_on >= LAW_4982_IN_FORCE
        && (notified_on >= BEDK_OPEN_TO_ALL_REFUSALS || ground != RefusalGround::Other)
}
