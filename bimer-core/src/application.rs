//! The application: bimer's input on the wire (DESIGN §3).
//!
//! Parsing is strict: an unknown field or a bad value is an error that names
//! the field (`applicant.nationality`) and what is wrong with the value.
//! Only `id` and `received_on` are required; omitted booleans are false,
//! except `facts.concerns_applicant`, which is true.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::identity::{IdentityNumber, PersonalText};
use crate::province::Province;

/// The four kinds of application (DESIGN §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Bilgi edinme (Law 4982).
    InformationRequest,
    /// Dilekçe (Law 3071).
    Petition,
    /// Etik ihlali (Law 5176).
    EthicsComplaint,
    /// İnsan hakları ihlali (İHK regulation; Law 6701).
    HumanRights,
}

/// The kind of a petition (DESIGN §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PetitionKind {
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

/// How the application arrived (DESIGN §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The web form (bimer.gov.tr, cimer.gov.tr).
    Web,
    /// e-Devlet.
    EDevlet,
    /// Alo 150.
    Phone,
    /// Letter or fax.
    Letter,
    /// In person at a Halkla İlişkiler Müracaat Bürosu.
    InPerson,
    /// E-mail.
    Email,
}

impl Channel {
    /// Electronic channels replace the wet signature by a valid identity number.
    pub fn is_electronic(self) -> bool {
        matches!(self, Channel::Web | Channel::EDevlet | Channel::Email)
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case (`TR`, `DE`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Country(String);

impl Country {
    /// The code.
    pub fn code(&self) -> &str {
        &self.0
    }
    /// Türkiye.
    pub fn turkey() -> Country {
        Country("TR".into())
    }
}

impl Default for Country {
    fn default() -> Self {
        Country::turkey()
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let code = s.trim().to_ascii_uppercase();
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Country(code))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{}` is not an ISO 3166-1 alpha-2 country code such as TR or DE",
                s.chars().take(20).collect::<String>()
            )))
        }
    }
}

/// Who applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawApplicant")]
pub enum Applicant {
    /// A natural person.
    Person(Person),
    /// A company, association or other legal entity.
    LegalEntity(LegalEntity),
    /// No identity given.
    Anonymous,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum ApplicantType {
    Person,
    LegalEntity,
    Anonymous,
}

/// The applicant as read: one flat record, so that an error inside it names
/// its field (serde loses the path inside internally tagged enums), then
/// checked against its `type`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApplicant {
    #[serde(rename = "type")]
    kind: ApplicantType,
    name: Option<PersonalText>,
    tckn: Option<IdentityNumber>,
    ykn: Option<IdentityNumber>,
    passport: Option<IdentityNumber>,
    nationality: Option<Country>,
    resident_in_turkey: Option<bool>,
    birth_date: Option<NaiveDate>,
    title: Option<String>,
    vkn: Option<IdentityNumber>,
    mersis: Option<IdentityNumber>,
    authority_document: Option<bool>,
    address: Option<PersonalText>,
    signed: Option<bool>,
}

impl TryFrom<RawApplicant> for Applicant {
    type Error = String;

    fn try_from(r: RawApplicant) -> Result<Self, Self::Error> {
        let present = |name: &'static str, set: bool| set.then_some(name);
        let person_only = [
            present("name", r.name.is_some()),
            present("tckn", r.tckn.is_some()),
            present("ykn", r.ykn.is_some()),
            present("passport", r.passport.is_some()),
            present("nationality", r.nationality.is_some()),
            present("resident_in_turkey", r.resident_in_turkey.is_some()),
            present("birth_date", r.birth_date.is_some()),
        ];
        let entity_only = [
            present("title", r.title.is_some()),
            present("vkn", r.vkn.is_some()),
            present("mersis", r.mersis.is_some()),
            present("authority_document", r.authority_document.is_some()),
        ];
        let shared = [
            present("address", r.address.is_some()),
            present("signed", r.signed.is_some()),
        ];
        let (kind, stray) = match r.kind {
            ApplicantType::Person => ("person", entity_only.iter().flatten().next()),
            ApplicantType::LegalEntity => ("legal_entity", person_only.iter().flatten().next()),
            ApplicantType::Anonymous => (
                "anonymous",
                person_only
                    .iter()
                    .chain(&entity_only)
                    .chain(&shared)
                    .flatten()
                    .next(),
            ),
        };
        if let Some(field) = stray {
            return Err(format!(
                "unknown field `{field}` for applicant type `{kind}`"
            ));
        }
        Ok(match r.kind {
            ApplicantType::Person => Applicant::Person(Person {
                name: r.name,
                tckn: r.tckn,
                ykn: r.ykn,
                passport: r.passport,
                nationality: r.nationality.unwrap_or_default(),
                resident_in_turkey: r.resident_in_turkey.unwrap_or(false),
                address: r.address,
                signed: r.signed.unwrap_or(false),
                birth_date: r.birth_date,
            }),
            ApplicantType::LegalEntity => Applicant::LegalEntity(LegalEntity {
                title: r.title,
                vkn: r.vkn,
                mersis: r.mersis,
                address: r.address,
                signed: r.signed.unwrap_or(false),
                authority_document: r.authority_document.unwrap_or(false),
            }),
            ApplicantType::Anonymous => Applicant::Anonymous,
        })
    }
}

/// A natural person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Name and surname.
    #[serde(default)]
    pub name: Option<PersonalText>,
    /// T.C. kimlik numarası (citizens).
    #[serde(default)]
    pub tckn: Option<IdentityNumber>,
    /// Yabancı kimlik numarası (foreigners, 99…).
    #[serde(default)]
    pub ykn: Option<IdentityNumber>,
    /// Passport number (foreigners without a YKN).
    #[serde(default)]
    pub passport: Option<IdentityNumber>,
    /// Nationality, ISO 3166-1 alpha-2; `TR` when omitted.
    #[serde(default)]
    pub nationality: Country,
    /// Whether a foreigner resides in Türkiye (4982 m.4; 3071 m.3/2).
    #[serde(default)]
    pub resident_in_turkey: bool,
    /// Residence or work address.
    #[serde(default)]
    pub address: Option<PersonalText>,
    /// Whether a paper application carries a wet signature.
    #[serde(default)]
    pub signed: bool,
    /// Date of birth (CİMER's age rule).
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
}

/// A legal entity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalEntity {
    /// Unvan.
    #[serde(default)]
    pub title: Option<String>,
    /// Vergi kimlik numarası (10 digits).
    #[serde(default)]
    pub vkn: Option<IdentityNumber>,
    /// MERSİS number (16 digits).
    #[serde(default)]
    pub mersis: Option<IdentityNumber>,
    /// Address of the seat.
    #[serde(default)]
    pub address: Option<PersonalText>,
    /// Whether a paper application carries the authorised person's signature.
    #[serde(default)]
    pub signed: bool,
    /// Whether the document of authority (yetki belgesi) is attached.
    #[serde(default)]
    pub authority_document: bool,
}

/// The rank of a public official for ethics routing (DESIGN §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    /// Genel müdür, its equals and above: Etik Kurulu.
    GeneralDirectorOrAbove,
    /// Below genel müdür: the institution's disciplinary board.
    BelowGeneralDirector,
}

/// The group of a public official (5176 m.1/3 exclusions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficialGroup {
    /// Any other public official: covered by 5176.
    CivilServant,
    /// Cumhurbaşkanı.
    President,
    /// TBMM üyesi.
    MemberOfParliament,
    /// Bakanlar Kurulu üyesi (to 2018), Cumhurbaşkanı Yardımcısı or Bakan (from 2018).
    Minister,
    /// Türk Silahlı Kuvvetleri.
    ArmedForces,
    /// Yargı mensubu.
    Judiciary,
    /// University staff.
    University,
}

/// The public official an ethics complaint is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// Name (personal data).
    #[serde(default)]
    pub name: Option<PersonalText>,
    /// Title as written (`Genel Müdür`, `Şube Müdürü`).
    #[serde(default)]
    pub title: Option<String>,
    /// Rank, when known.
    #[serde(default)]
    pub rank: Option<Rank>,
    /// Group, when known.
    #[serde(default)]
    pub group: Option<OfficialGroup>,
}

/// What the application is addressed to or about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Registry code of the institution named by the applicant.
    #[serde(default)]
    pub institution: Option<String>,
    /// Province: name in any case, with or without Turkish letters, or plate code.
    #[serde(default)]
    pub province: Option<Province>,
    /// District (ilçe).
    #[serde(default)]
    pub district: Option<String>,
    /// The official complained about.
    #[serde(default)]
    pub official: Option<Official>,
}

fn yes() -> bool {
    true
}

/// Facts stated by the applicant or established by the officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The matter is pending before a court.
    #[serde(default)]
    pub pending_in_court: bool,
    /// The matter has been decided by a court.
    #[serde(default)]
    pub decided_by_court: bool,
    /// When the complained-of incident happened.
    #[serde(default)]
    pub incident_date: Option<NaiveDate>,
    /// The application alleges discrimination (6701 m.3).
    #[serde(default)]
    pub discrimination: bool,
    /// The applicant is deprived of liberty or under protection.
    #[serde(default)]
    pub deprived_of_liberty: bool,
    /// A dispute between private parties.
    #[serde(default)]
    pub private_law_dispute: bool,
    /// When the applicant asked the respondent to correct the practice (6701 m.17/2).
    #[serde(default)]
    pub prior_request_on: Option<NaiveDate>,
    /// The information concerns the applicant (foreigners, 4982 m.4).
    #[serde(default = "yes")]
    pub concerns_applicant: bool,
    /// Already examined on the same matter.
    #[serde(default)]
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

/// An incoming application.
///
/// # Example
///
/// ```
/// use bimer_core::{Application, Category};
/// let app = Application::from_json(
///     r#"{"id": "A-1", "received_on": "2026-12-31", "category": "information_request"}"#,
/// ).unwrap();
/// assert_eq!(app.category, Some(Category::InformationRequest));
///
/// let err = Application::from_json(r#"{"id": "A-2", "received_on": "2026-12-31", "chanel": "web"}"#)
///     .unwrap_err();
/// assert_eq!(err.field, "chanel");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// The caller's identifier, echoed in the decision.
    pub id: String,
    /// The day the application reached the system.
    pub received_on: NaiveDate,
    /// How it arrived.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// The declared category; absent means "classify".
    #[serde(default)]
    pub category: Option<Category>,
    /// The petition kind (petitions only).
    #[serde(default)]
    pub petition_kind: Option<PetitionKind>,
    /// ISO 639-1 language of the text; `tr` when omitted.
    #[serde(default)]
    pub language: Option<String>,
    /// Subject line.
    #[serde(default)]
    pub subject: String,
    /// Body text.
    #[serde(default)]
    pub text: String,
    /// Who applies; absent means not stated.
    #[serde(default)]
    pub applicant: Option<Applicant>,
    /// What it is addressed to or about.
    #[serde(default)]
    pub target: Target,
    /// Stated facts.
    #[serde(default)]
    pub facts: Facts,
}

/// An application that cannot be read: names the field and what is wrong.
///
/// The message never contains an identity number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid application: {}: {problem}", if field.is_empty() { "(document)" } else { field.as_str() })]
pub struct InvalidApplication {
    /// Dotted path of the field (`applicant.tckn`); empty for the whole document.
    pub field: String,
    /// What is wrong with its value.
    pub problem: String,
}

impl Application {
    /// Parses one application from JSON (DESIGN §3).
    ///
    /// # Errors
    ///
    /// [`InvalidApplication`] naming the field (`received_on`,
    /// `applicant.nationality`) and the problem, for malformed JSON, unknown
    /// fields, missing `id` or `received_on`, and bad values.
    pub fn from_json(json: &str) -> Result<Application, InvalidApplication> {
        let app: Application = crate::wire::parse(json).map_err(|e| InvalidApplication {
            field: e.field,
            problem: e.problem,
        })?;
        app.check()?;
        Ok(app)
    }

    /// Serialises to the wire format.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("applications always serialise")
    }

    /// Checks what serde's types cannot: a non-empty id, a 2-letter language.
    fn check(&self) -> Result<(), InvalidApplication> {
        if self.id.trim().is_empty() {
            return Err(InvalidApplication {
                field: "id".into(),
                problem: "must not be empty".into(),
            });
        }
        if let Some(lang) = &self.language {
            if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(InvalidApplication {
                    field: "language".into(),
                    problem: format!(
                        "`{}` is not an ISO 639-1 code such as tr or en",
                        lang.chars().take(20).collect::<String>()
                    ),
                });
            }
        }
        Ok(())
    }

    /// The language, `tr` when not given.
    pub fn language(&self) -> &str {
        self.language.as_deref().unwrap_or("tr")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> InvalidApplication {
        Application::from_json(json).unwrap_err()
    }

    #[test]
    fn minimal_application_defaults() {
        let app = Application::from_json(r#"{"id":"A","received_on":"2026-01-05"}"#).unwrap();
        assert!(app.facts.concerns_applicant);
        assert!(!app.facts.pending_in_court);
        assert_eq!(app.language(), "tr");
        assert_eq!(app.applicant, None);
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(err(r#"{"received_on":"2026-01-05"}"#).field, "id");
        assert_eq!(err(r#"{"id":"A"}"#).field, "received_on");
        let e = err(r#"{"id":"A","received_on":"2026-13-05"}"#);
        assert_eq!(e.field, "received_on");
        let e = err(r#"{"id":"A","received_on":"2026-01-05","channel":"fax"}"#);
        assert_eq!(e.field, "channel");
        assert!(
            e.problem.contains("fax") && e.problem.contains("letter"),
            "{e}"
        );
        let e = err(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","nationality":"Turkey"}}"#,
        );
        assert_eq!(e.field, "applicant.nationality", "{e}");
        let e = err(r#"{"id":"A","received_on":"2026-01-05","target":{"province":"Atlantis"}}"#);
        assert_eq!(e.field, "target.province");
        let e = err(r#"{"id":"A","received_on":"2026-01-05","facts":{"in_court":true}}"#);
        assert_eq!(e.field, "facts.in_court");
        let e = err(r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"robot"}}"#);
        assert!(e.field.starts_with("applicant"), "{e}");
        let e = err(r#"{"id":" ","received_on":"2026-01-05"}"#);
        assert_eq!(e.field, "id");
        let e = err(r#"{"id":"A","received_on":"2026-01-05","language":"Turkish"}"#);
        assert_eq!(e.field, "language");
        let e = err("{not json");
        assert_eq!(e.field, "");
    }

    #[test]
    fn fields_of_another_applicant_type_are_refused() {
        let e = err(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","vkn":"0010101010"}}"#,
        );
        assert_eq!(e.field, "applicant.vkn", "{e}");
        let e = err(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"anonymous","name":"X"}}"#,
        );
        assert_eq!(e.field, "applicant.name", "{e}");
    }

    #[test]
    fn unknown_field_inside_applicant_is_refused() {
        let e = err(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","nmae":"X"}}"#,
        );
        assert!(e.field.starts_with("applicant"), "{e}");
        assert!(e.problem.contains("nmae"), "{e}");
    }

    #[test]
    fn identity_number_never_in_errors_or_debug() {
        let e = err(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","tckn":10000000146}}"#,
        );
        assert_eq!(e.field, "applicant.tckn", "{e}");
        assert!(!e.to_string().contains("10000000146"));
        let app = Application::from_json(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"person","name":"Ayşe Yılmaz","tckn":"10000000146","address":"Kızılay Mah. 5/3 Ankara"}}"#,
        )
        .unwrap();
        let debug = format!("{app:?}");
        assert!(
            !debug.contains("10000000146")
                && !debug.contains("Yılmaz")
                && !debug.contains("Kızılay"),
            "{debug}"
        );
    }

    #[test]
    fn round_trip() {
        let json = r#"{"id":"A-1","received_on":"2026-12-31","channel":"web","category":"information_request","petition_kind":null,"language":"tr","subject":"s","text":"t","applicant":{"type":"person","name":"N","tckn":"10000000146","nationality":"TR","resident_in_turkey":true,"address":"x","signed":false,"birth_date":null},"target":{"institution":null,"province":"ankara","district":"Çankaya","official":{"name":"n","title":"Genel Müdür","rank":"general_director_or_above","group":"civil_servant"}},"facts":{"pending_in_court":false,"decided_by_court":false,"incident_date":null,"discrimination":false,"deprived_of_liberty":false,"private_law_dispute":false,"prior_request_on":null,"concerns_applicant":true,"previously_examined":false}}"#;
        let app = Application::from_json(json).unwrap();
        assert_eq!(app.target.province.unwrap().name(), "Ankara");
        let again = Application::from_json(&app.to_json()).unwrap();
        assert_eq!(app, again);
        let anon = Application::from_json(
            r#"{"id":"A","received_on":"2026-01-05","applicant":{"type":"anonymous"}}"#,
        )
        .unwrap();
        assert_eq!(anon.applicant, Some(Applicant::Anonymous));
    }
}
