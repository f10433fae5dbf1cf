//! Records and enums that mirror the wire format (DESIGN §3) field for field.
//!
//! They derive serde with the wire names, so a typed value and its JSON are
//! the same thing: `Application` is lowered to the wire format and read by the
//! core's one parser ([`bimer_core::Application::from_json`]), which keeps
//! validation and field-named errors identical to the JSON API; outputs are
//! converted from the core's types with exhaustive matches, so a change in
//! the core is a compile error here, not a silent gap.
//!
//! Names that would clash in a target language are changed: `System` →
//! [`ApplicationSystem`] (Kotlin's `java.lang.System`), `Unit` →
//! [`PeriodUnit`] (Kotlin's `Unit`, Swift Foundation's `Unit`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Declares a fieldless enum that mirrors a core enum, with conversions both
/// ways by exhaustive match and the core's serde names.
macro_rules! mirror_enum {
    (
        $(#[$meta:meta])*
        $name:ident <=> $core:path { $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize, ::uniffi::Enum)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                use $core as C;
                match v {
                    $( C::$variant => $name::$variant ),+
                }
            }
        }

        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                use $core as C;
                match v {
                    $( $name::$variant => C::$variant ),+
                }
            }
        }
    };
}

mirror_enum! {
    /// The four kinds of application (DESIGN §2.1).
    Category <=> bimer_core::Category {
        /// Bilgi edinme (Law 4982).
        InformationRequest,
        /// Dilekçe (Law 3071).
        Petition,
        /// Etik ihlali (Law 5176).
        EthicsComplaint,
        /// İnsan hakları ihlali (İHK regulation; Law 6701).
        HumanRights,
    }
}

mirror_enum! {
    /// The kind of a petition.
    PetitionKind <=> bimer_core::PetitionKind {
        /// İstek.
        Request,
        /// Şikâyet.
        Complaint,
        /// İhbar.
        Report,
        /// Görüş / öneri.
        Suggestion,
        /// Teşekkür (CİMER era).
        Thanks,
    }
}

mirror_enum! {
    /// How the application arrived.
    Channel <=> bimer_core::Channel {
        /// The web form.
        Web,
        /// e-Devlet.
        EDevlet,
        /// Alo 150.
        Phone,
        /// Letter or fax.
        Letter,
        /// In person.
        InPerson,
        /// E-mail.
        Email,
    }
}

mirror_enum! {
    /// The rank of a public official for ethics routing.
    Rank <=> bimer_core::Rank {
        /// Genel müdür, its equals and above: Etik Kurulu.
        GeneralDirectorOrAbove,
        /// Below genel müdür: the institution's disciplinary board.
        BelowGeneralDirector,
    }
}

mirror_enum! {
    /// The group of a public official (5176 m.1/3 exclusions).
    OfficialGroup <=> bimer_core::OfficialGroup {
        /// Any other public official.
        CivilServant,
        /// Cumhurbaşkanı.
        President,
        /// TBMM üyesi.
        MemberOfParliament,
        /// Bakan (and Cumhurbaşkanı Yardımcısı from 2018).
        Minister,
        /// Türk Silahlı Kuvvetleri.
        ArmedForces,
        /// Yargı mensubu.
        Judiciary,
        /// University staff.
        University,
    }
}

mirror_enum! {
    /// The system an application was received under (`system` on the wire).
    ApplicationSystem <=> bimer_core::System {
        /// Before 2006-01-20.
        Direct,
        /// Başbakanlık İletişim Merkezi, 2006-01-20 to 2018-07-08.
        Bimer,
        /// Cumhurbaşkanlığı İletişim Merkezi, from 2018-07-09.
        Cimer,
    }
}

mirror_enum! {
    /// Where the category came from.
    CategorySource <=> bimer_core::CategorySource {
        /// Given in the application.
        Declared,
        /// Inferred from the text.
        Classified,
        /// Neither.
        Missing,
    }
}

mirror_enum! {
    /// How much a finding weighs.
    Severity <=> bimer_core::Severity {
        /// For the record.
        Info,
        /// The officer should look.
        Warning,
        /// The application may not be examined.
        Blocking,
    }
}

mirror_enum! {
    /// The subject areas that decide the competent institution.
    Topic <=> bimer_core::Topic {
        /// Sağlık.
        Health,
        /// Millî Eğitim.
        Education,
        /// Yükseköğretim.
        HigherEducation,
        /// Belediye.
        Municipal,
        /// Sosyal güvenlik.
        SocialSecurity,
        /// Çalışma.
        Labour,
        /// Vergi.
        Tax,
        /// Tapu kadastro.
        LandRegistry,
        /// Emniyet.
        Security,
        /// Adalet.
        Justice,
        /// Ulaştırma.
        Transport,
        /// Çevre, şehircilik.
        EnvironmentUrban,
        /// Tarım.
        Agriculture,
        /// Aile, sosyal hizmetler.
        FamilySocial,
        /// Diyanet.
        ReligiousAffairs,
        /// Enerji.
        Energy,
        /// Ticaret, tüketici.
        TradeConsumer,
        /// Nüfus.
        CivilRegistry,
        /// Dışişleri.
        ForeignAffairs,
        /// Kültür, turizm.
        CultureTourism,
        /// Gençlik, spor.
        YouthSports,
        /// Sanayi, teknoloji.
        IndustryTechnology,
        /// Savunma.
        Defense,
        /// Anything else: the system operator.
        Other,
    }
}

mirror_enum! {
    /// Who must handle the application.
    Authority <=> bimer_core::Authority {
        /// The competent institution.
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
}

mirror_enum! {
    /// The unit of a period (`unit` on the wire).
    PeriodUnit <=> bimer_core::Unit {
        /// İş günü.
        BusinessDays,
        /// Calendar days.
        Days,
        /// Months (HMK m.92/2).
        Months,
    }
}

mirror_enum! {
    /// A procedure that runs against a legal period.
    Procedure <=> bimer_core::Procedure {
        /// Answer to an information request (4982 m.11).
        InformationRequest,
        /// Answer to a petition (3071 m.7).
        Petition,
        /// Examination by the Kamu Görevlileri Etik Kurulu.
        EtikKurulu,
        /// Ethics complaint before the disciplinary board.
        DisiplinKurulu,
        /// Application to an il/ilçe human-rights board.
        InsanHaklariKurulu,
        /// Application to TİHEK (6701 m.18).
        Tihek,
        /// Objection to BEDK after a refusal (4982 m.13).
        BedkObjection,
        /// BEDK's decision on an objection (4982 m.13).
        BedkDecision,
    }
}

mirror_enum! {
    /// What kind of day a date is under the policy.
    DayKind <=> bimer_core::DayKind {
        /// Monday to Friday with nothing special.
        BusinessDay,
        /// Saturday or Sunday.
        Weekend,
        /// A full official holiday.
        Holiday,
        /// A holiday from 13:00 (arife, 28 October).
        HalfDay,
        /// Administrative leave under the policy in force.
        AdministrativeLeave,
    }
}

mirror_enum! {
    /// Why a day was left out of a count.
    SkipReason <=> bimer_core::SkipReason {
        /// Not a business day, so not counted.
        NotABusinessDay,
        /// The period may not end on it (İYUK m.8/2).
        PeriodCannotEndHere,
    }
}

mirror_enum! {
    /// How half days count.
    HalfDayPolicy <=> bimer_core::HalfDayPolicy {
        /// Business days, but a period cannot end on one (the default).
        WorkingDayButNotLastDay,
        /// Ordinary business days.
        WorkingDay,
        /// Holidays.
        Holiday,
    }
}

mirror_enum! {
    /// How strongly a rule is sourced.
    SourceStrength <=> bimer_core::SourceStrength {
        /// Verified in the statute.
        Verified,
        /// From secondary sources.
        Secondary,
        /// From memory, to be verified.
        Memory,
    }
}

// ---------------------------------------------------------------- input

/// An incoming application (DESIGN §3). Only `id` and `received_on` are
/// required.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The caller's identifier, echoed in the decision.
    pub id: String,
    /// The day the application reached the system.
    pub received_on: NaiveDate,
    /// How it arrived.
    #[serde(default)]
    #[uniffi(default = None)]
    pub channel: Option<Channel>,
    /// The declared category; absent means "classify".
    #[serde(default)]
    #[uniffi(default = None)]
    pub category: Option<Category>,
    /// The petition kind (petitions only).
    #[serde(default)]
    #[uniffi(default = None)]
    pub petition_kind: Option<PetitionKind>,
    /// ISO 639-1 language of the text; `tr` when absent.
    #[serde(default)]
    #[uniffi(default = None)]
    pub language: Option<String>,
    /// Subject line.
    #[serde(default)]
    #[uniffi(default = "")]
    pub subject: String,
    /// Body text.
    #[serde(default)]
    #[uniffi(default = "")]
    pub text: String,
    /// Who applies; absent means not stated.
    #[serde(default)]
    #[uniffi(default = None)]
    pub applicant: Option<Applicant>,
    /// What it is addressed to or about.
    #[serde(default)]
    #[uniffi(default)]
    pub target: Target,
    /// Stated facts.
    #[serde(default)]
    #[uniffi(default)]
    pub facts: Facts,
}

/// Who applies (`type` on the wire). `Debug` masks its personal data like
/// the core's types do.
#[derive(Clone, PartialEq, Serialize, Deserialize, uniffi::Enum)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Applicant {
    /// A natural person.
    Person {
        /// Name and surname.
        #[serde(default)]
        #[uniffi(default = None)]
        name: Option<String>,
        /// T.C. kimlik numarası.
        #[serde(default)]
        #[uniffi(default = None)]
        tckn: Option<String>,
        /// Yabancı kimlik numarası (99…).
        #[serde(default)]
        #[uniffi(default = None)]
        ykn: Option<String>,
        /// Passport number.
        #[serde(default)]
        #[uniffi(default = None)]
        passport: Option<String>,
        /// ISO 3166-1 alpha-2; `TR` when absent.
        #[serde(default)]
        #[uniffi(default = None)]
        nationality: Option<String>,
        /// Whether a foreigner resides in Türkiye.
        #[serde(default)]
        #[uniffi(default = false)]
        resident_in_turkey: bool,
        /// Address.
        #[serde(default)]
        #[uniffi(default = None)]
        address: Option<String>,
        /// Whether a paper application is signed.
        #[serde(default)]
        #[uniffi(default = false)]
        signed: bool,
        /// Date of birth.
        #[serde(default)]
        #[uniffi(default = None)]
        birth_date: Option<NaiveDate>,
    },
    /// A company, association or other legal entity.
    LegalEntity {
        /// Unvan.
        #[serde(default)]
        #[uniffi(default = None)]
        title: Option<String>,
        /// Vergi kimlik numarası.
        #[serde(default)]
        #[uniffi(default = None)]
        vkn: Option<String>,
        /// MERSİS number.
        #[serde(default)]
        #[uniffi(default = None)]
        mersis: Option<String>,
        /// Address of the seat.
        #[serde(default)]
        #[uniffi(default = None)]
        address: Option<String>,
        /// Whether a paper application is signed.
        #[serde(default)]
        #[uniffi(default = false)]
        signed: bool,
        /// Whether the document of authority is attached.
        #[serde(default)]
        #[uniffi(default = false)]
        authority_document: bool,
    },
    /// No identity given.
    Anonymous,
}

/// What the application is addressed to or about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Registry code of the institution named by the applicant.
    #[serde(default)]
    #[uniffi(default = None)]
    pub institution: Option<String>,
    /// Province: name in any case, with or without Turkish letters, or plate
    /// code (`"34"`; the wire format also takes the number).
    #[serde(default, deserialize_with = "province_text")]
    #[uniffi(default = None)]
    pub province: Option<String>,
    /// District (ilçe).
    #[serde(default)]
    #[uniffi(default = None)]
    pub district: Option<String>,
    /// The official complained about.
    #[serde(default)]
    #[uniffi(default = None)]
    pub official: Option<Official>,
}

/// A province as text, whether the wire has a name or a plate number.
fn province_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        Name(String),
        Plate(u64),
    }
    Ok(Option::<Text>::deserialize(d)?.map(|t| match t {
        Text::Name(name) => name,
        Text::Plate(plate) => plate.to_string(),
    }))
}

/// The public official an ethics complaint is about. `Debug` masks the name.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// Name.
    #[serde(default)]
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// Title as written (`Genel Müdür`).
    #[serde(default)]
    #[uniffi(default = None)]
    pub title: Option<String>,
    /// Rank, when known.
    #[serde(default)]
    #[uniffi(default = None)]
    pub rank: Option<Rank>,
    /// Group, when known.
    #[serde(default)]
    #[uniffi(default = None)]
    pub group: Option<OfficialGroup>,
}

fn yes() -> bool {
    true
}

/// Facts stated by the applicant or established by the officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Pending before a court.
    #[serde(default)]
    #[uniffi(default = false)]
    pub pending_in_court: bool,
    /// Decided by a court.
    #[serde(default)]
    #[uniffi(default = false)]
    pub decided_by_court: bool,
    /// When the complained-of incident happened.
    #[serde(default)]
    #[uniffi(default = None)]
    pub incident_date: Option<NaiveDate>,
    /// Alleges discrimination.
    #[serde(default)]
    #[uniffi(default = false)]
    pub discrimination: bool,
    /// Deprived of liberty or under protection.
    #[serde(default)]
    #[uniffi(default = false)]
    pub deprived_of_liberty: bool,
    /// A dispute between private parties.
    #[serde(default)]
    #[uniffi(default = false)]
    pub private_law_dispute: bool,
    /// When the respondent was first asked (6701 m.17/2).
    #[serde(default)]
    #[uniffi(default = None)]
    pub prior_request_on: Option<NaiveDate>,
    /// The information concerns the applicant (true when absent).
    #[serde(default = "yes")]
    #[uniffi(default = true)]
    pub concerns_applicant: bool,
    /// Already examined on the same matter.
    #[serde(default)]
    #[uniffi(default = false)]
    pub previously_examined: bool,
}

impl Default for Facts {
    fn default() -> Self {
        Facts {
            pending_in_court: false,
            decided_by_court: false,
            incident_date: None,
            discrimination: false,
            deprived_of_liberty: false,
            private_law_dispute: false,
            prior_request_on: None,
            concerns_applicant: true,
            previously_examined: false,
        }
    }
}

impl Application {
    /// The wire format, for the core's parser.
    pub(crate) fn to_wire(&self) -> String {
        serde_json::to_string(self).expect("plain records always serialise")
    }

    /// Parses with the core and converts back, so that the typed value holds
    /// what the core read (province names normalised, defaults filled in).
    pub(crate) fn into_core(self) -> Result<bimer_core::Application, crate::BimerError> {
        Ok(bimer_core::Application::from_json(&self.to_wire())?)
    }
}

impl From<bimer_core::Application> for Application {
    fn from(a: bimer_core::Application) -> Self {
        let text = |t: Option<bimer_core::PersonalText>| t.map(|t| t.expose().to_string());
        let number = |n: Option<bimer_core::IdentityNumber>| n.map(|n| n.expose().to_string());
        let bimer_core::Application {
            id,
            received_on,
            channel,
            category,
            petition_kind,
            language,
            subject,
            text: body,
            applicant,
            target,
            facts,
        } = a;
        Application {
            id,
            received_on,
            channel: channel.map(Into::into),
            category: category.map(Into::into),
            petition_kind: petition_kind.map(Into::into),
            language,
            subject,
            text: body,
            applicant: applicant.map(|a| match a {
                bimer_core::Applicant::Person(p) => Applicant::Person {
                    name: text(p.name),
                    tckn: number(p.tckn),
                    ykn: number(p.ykn),
                    passport: number(p.passport),
                    nationality: Some(p.nationality.code().to_string()),
                    resident_in_turkey: p.resident_in_turkey,
                    address: text(p.address),
                    signed: p.signed,
                    birth_date: p.birth_date,
                },
                bimer_core::Applicant::LegalEntity(e) => Applicant::LegalEntity {
                    title: e.title,
                    vkn: number(e.vkn),
                    mersis: number(e.mersis),
                    address: text(e.address),
                    signed: e.signed,
                    authority_document: e.authority_document,
                },
                bimer_core::Applicant::Anonymous => Applicant::Anonymous,
            }),
            target: Target {
                institution: target.institution,
                province: target.province.map(|p| p.name().to_string()),
                district: target.district,
                official: target.official.map(|o| Official {
                    name: text(o.name),
                    title: o.title,
                    rank: o.rank.map(Into::into),
                    group: o.group.map(Into::into),
                }),
            },
            facts: Facts {
                pending_in_court: facts.pending_in_court,
                decided_by_court: facts.decided_by_court,
                incident_date: facts.incident_date,
                discrimination: facts.discrimination,
                deprived_of_liberty: facts.deprived_of_liberty,
                private_law_dispute: facts.private_law_dispute,
                prior_request_on: facts.prior_request_on,
                concerns_applicant: facts.concerns_applicant,
                previously_examined: facts.previously_examined,
            },
        }
    }
}

// ---------------------------------------------------------------- output

/// What bimer decided about one application (DESIGN §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The application's id.
    pub id: String,
    /// The system in force on receipt.
    pub system: ApplicationSystem,
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
    /// By when; absent when no answer is owed.
    pub deadline: Option<DecisionDeadline>,
}

/// A classification of the free text (DESIGN §2.6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Classification {
    /// The most likely category.
    pub category: Category,
    /// Calibrated confidence in the category, in [0, 1].
    pub confidence: f64,
    /// The petition kind, for petitions.
    pub petition_kind: Option<PetitionKind>,
    /// Calibrated confidence in the petition kind, for petitions.
    pub petition_kind_confidence: Option<f64>,
    /// The subject area.
    pub topic: Topic,
    /// Calibrated confidence in the topic, in [0, 1].
    pub topic_confidence: f64,
    /// The category is not confident enough to act on without an officer.
    pub needs_review: bool,
    /// The terms that decided category, kind and topic.
    pub evidence: Vec<Evidence>,
    /// Facts the text suggests, for the officer to confirm.
    pub suggested_facts: Vec<SuggestedFact>,
}

/// One term that moved a classification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The lexicon term matched, as the lexicon writes it.
    pub term: String,
    /// Its weight toward `label`.
    pub weight: f64,
    /// What it counted for: `category:petition`, `topic:health`, `fact:discrimination`.
    pub label: String,
    /// Where it matched.
    pub field: Option<TextField>,
    /// The words as the applicant wrote them (`Hastanede`).
    pub matched: String,
}

mirror_enum! {
    /// Which part of the application a term matched in.
    TextField <=> bimer_core::TextField {
        /// The subject line.
        Subject,
        /// The body text.
        Text,
    }
}

mirror_enum! {
    /// A fact the text suggests (a field of `Facts` the officer may set).
    Fact <=> bimer_core::Fact {
        /// Before a court (3071 m.6-b).
        PendingInCourt,
        /// Decided by a court.
        DecidedByCourt,
        /// Alleges discrimination (6701 m.3).
        Discrimination,
        /// Deprived of liberty or in care (6701 m.9/1-i).
        DeprivedOfLiberty,
        /// A dispute between private parties.
        PrivateLawDispute,
    }
}

/// A fact suggested to the officer, with the terms that suggest it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct SuggestedFact {
    /// The fact.
    pub fact: Fact,
    /// Why.
    pub evidence: Vec<Evidence>,
}

/// One rule that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The reason code (`MISSING_NAME`, …): an open set, new codes may be
    /// added, so it is a string rather than an enum.
    pub code: String,
    /// How much it weighs.
    pub severity: Severity,
    /// The article.
    pub citation: String,
    /// Message in Turkish.
    pub message_tr: String,
    /// Message in English.
    pub message_en: String,
}

/// Who must handle the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Which kind of body.
    pub authority: Authority,
    /// The institution's registry code.
    pub institution: Option<String>,
    /// The concrete unit (`Ankara İl Sağlık Müdürlüğü`).
    pub unit: Option<String>,
    /// The article.
    pub citation: String,
}

/// The answer deadline in a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, uniffi::Record)]
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

/// A legal period: `length` units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, uniffi::Record)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// How many units.
    pub length: u32,
    /// Which unit.
    pub unit: PeriodUnit,
}

impl From<bimer_core::Period> for Period {
    fn from(p: bimer_core::Period) -> Self {
        Period {
            length: p.length,
            unit: p.unit.into(),
        }
    }
}

impl From<Period> for bimer_core::Period {
    fn from(p: Period) -> Self {
        bimer_core::Period {
            length: p.length,
            unit: p.unit.into(),
        }
    }
}

fn finding_code(code: bimer_core::FindingCode) -> String {
    match serde_json::to_value(code) {
        Ok(serde_json::Value::String(s)) => s,
        // FindingCode is a plain enum with string names: never reached.
        other => format!("{other:?}"),
    }
}

impl From<bimer_core::Evidence> for Evidence {
    fn from(e: bimer_core::Evidence) -> Self {
        let bimer_core::Evidence {
            term,
            weight,
            label,
            field,
            matched,
        } = e;
        Evidence {
            term,
            weight,
            label: label.into_owned(),
            field: field.map(Into::into),
            matched,
        }
    }
}

impl From<bimer_core::Classification> for Classification {
    fn from(c: bimer_core::Classification) -> Self {
        let bimer_core::Classification {
            category,
            confidence,
            petition_kind,
            petition_kind_confidence,
            topic,
            topic_confidence,
            needs_review,
            evidence,
            suggested_facts,
        } = c;
        Classification {
            category: category.into(),
            confidence,
            petition_kind: petition_kind.map(Into::into),
            petition_kind_confidence,
            topic: topic.into(),
            topic_confidence,
            needs_review,
            evidence: evidence.into_iter().map(Into::into).collect(),
            suggested_facts: suggested_facts
                .into_iter()
                .map(|f| SuggestedFact {
                    fact: f.fact.into(),
                    evidence: f.evidence.into_iter().map(Into::into).collect(),
                })
                .collect(),
        }
    }
}

impl From<bimer_core::Decision> for Decision {
    fn from(d: bimer_core::Decision) -> Self {
        let bimer_core::Decision {
            id,
            system,
            category,
            category_source,
            classification,
            admissible,
            findings,
            route,
            deadline,
        } = d;
        Decision {
            id,
            system: system.into(),
            category: category.map(Into::into),
            category_source: category_source.into(),
            classification: classification.map(Into::into),
            admissible,
            findings: findings
                .into_iter()
                .map(|f| Finding {
                    code: finding_code(f.code),
                    severity: f.severity.into(),
                    citation: f.citation,
                    message_tr: f.message_tr,
                    message_en: f.message_en,
                })
                .collect(),
            route: route.map(|r| Route {
                authority: r.authority.into(),
                institution: r.institution,
                unit: r.unit,
                citation: r.citation,
            }),
            deadline: deadline.map(|d| DecisionDeadline {
                due_on: d.due_on,
                period: d.period.into(),
                extendable_to: d.extendable_to,
                citation: d.citation,
            }),
        }
    }
}

/// Personal data in `Debug`: identity numbers to their last two digits,
/// names and addresses to initials and length (the core's masking).
fn masked_number(n: &Option<String>) -> Option<bimer_core::IdentityNumber> {
    n.clone().map(bimer_core::IdentityNumber::new)
}

fn masked_text(t: &Option<String>) -> Option<bimer_core::PersonalText> {
    t.clone().map(bimer_core::PersonalText::new)
}

impl std::fmt::Debug for Applicant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Applicant::Person {
                name,
                tckn,
                ykn,
                passport,
                nationality,
                resident_in_turkey,
                address,
                signed,
                birth_date,
            } => f
                .debug_struct("Person")
                .field("name", &masked_text(name))
                .field("tckn", &masked_number(tckn))
                .field("ykn", &masked_number(ykn))
                .field("passport", &masked_number(passport))
                .field("nationality", nationality)
                .field("resident_in_turkey", resident_in_turkey)
                .field("address", &masked_text(address))
                .field("signed", signed)
                .field("birth_date", birth_date)
                .finish(),
            Applicant::LegalEntity {
                title,
                vkn,
                mersis,
                address,
                signed,
                authority_document,
            } => f
                .debug_struct("LegalEntity")
                .field("title", title)
                .field("vkn", &masked_number(vkn))
                .field("mersis", &masked_number(mersis))
                .field("address", &masked_text(address))
                .field("signed", signed)
                .field("authority_document", authority_document)
                .finish(),
            Applicant::Anonymous => f.write_str("Anonymous"),
        }
    }
}

impl std::fmt::Debug for Official {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Official")
            .field("name", &masked_text(&self.name))
            .field("title", &self.title)
            .field("rank", &self.rank)
            .field("group", &self.group)
            .finish()
    }
}

#[cfg(test)]
mod masking_tests {
    use super::*;

    #[test]
    fn debug_never_shows_identity_numbers_names_or_addresses() {
        let person = Applicant::Person {
            name: Some("Ayşe Yılmaz".into()),
            tckn: Some("10000000146".into()),
            ykn: None,
            passport: None,
            nationality: None,
            resident_in_turkey: false,
            address: Some("Kızılay Mah. 5, Ankara".into()),
            signed: false,
            birth_date: None,
        };
        let debug = format!("{person:?}");
        assert!(debug.contains("*********46"), "{debug}");
        for secret in ["10000000146", "Yılmaz", "Kızılay"] {
            assert!(!debug.contains(secret), "{debug}");
        }
    }
}
