//! Whether an application may be examined: every rule as data, with its
//! citation, severity, validity period and source strength (DESIGN §2.3).
//!
//! A rule applies to an application when its category is one of the rule's
//! categories (or the rule lists none), `received_on` lies in the rule's
//! validity period, and its condition holds. The same finding code can come
//! from several rules, one per legal basis: `MISSING_NAME` cites 4982 m.6 for
//! an information request and 3071 m.4 for a petition. The table is exported
//! ([`RULES`]) and rendered as `docs/rules.md` for review by lawyers.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::application::{
    Applicant, Application, Category, Channel, LegalEntity, OfficialGroup, Person, PetitionKind,
    Rank,
};
use crate::deadline::Deadline;
use crate::decision::{Authority, Finding, FindingCode, Severity};
use crate::identity::{IdentityKind, IdentityNumber};
use crate::law::{self, SourceStrength};
use crate::routing::{Institution, InstitutionKind};

use Category::{
    EthicsComplaint as ETHICS, HumanRights as HR, InformationRequest as INFO, Petition as PETITION,
};

/// When in triage a rule is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// On the application, before routing and deadlines.
    Eligibility,
    /// On the computed deadline of an admissible application.
    Deadline,
}

/// One eligibility rule.
#[derive(Clone, Serialize)]
pub struct Rule {
    /// Stable identifier (`missing_name_4982`).
    pub id: &'static str,
    /// The finding code it yields.
    pub code: FindingCode,
    /// Its severity.
    pub severity: Severity,
    /// Categories it applies to; empty means any (including none declared).
    pub categories: &'static [Category],
    /// The article.
    pub citation: &'static str,
    /// How strongly sourced (law.md markers).
    pub source: SourceStrength,
    /// First receipt date it applies to.
    pub valid_from: Option<NaiveDate>,
    /// Last receipt date it applies to.
    pub valid_to: Option<NaiveDate>,
    /// When it fires, in plain English.
    pub fires_when: &'static str,
    /// Message in Turkish.
    pub message_tr: &'static str,
    /// Message in English.
    pub message_en: &'static str,
    /// When in triage it is checked.
    pub stage: Stage,
    #[serde(skip)]
    check: fn(&Subject<'_>) -> bool,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("code", &self.code)
            .field("citation", &self.citation)
            .finish_non_exhaustive()
    }
}

impl Rule {
    /// Whether the rule is in force for an application received on `date`.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| date >= f) && self.valid_to.is_none_or(|t| date <= t)
    }

    fn applies(&self, s: &Subject<'_>) -> bool {
        (self.categories.is_empty() || s.category.is_some_and(|c| self.categories.contains(&c)))
            && self.in_force_on(s.app.received_on)
            && (self.check)(s)
    }

    /// The finding this rule yields.
    pub fn finding(&self) -> Finding {
        Finding {
            code: self.code,
            severity: self.severity,
            citation: self.citation.to_string(),
            message_tr: self.message_tr.to_string(),
            message_en: self.message_en.to_string(),
        }
    }
}

/// What the target institution is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TargetStatus<'a> {
    /// None named.
    None,
    /// A registry institution.
    Known(&'a Institution),
    /// A code not in the registry.
    Unknown,
}

/// Everything the rules look at, derived once per application.
pub(crate) struct Subject<'a> {
    pub app: &'a Application,
    pub category: Option<Category>,
    pub target: TargetStatus<'a>,
    pub official_rank: Option<Rank>,
    pub official_group: Option<OfficialGroup>,
    pub human_rights_route: Option<Authority>,
    pub reciprocity: &'a BTreeSet<String>,
    /// The last day an ethics complaint may be made (incident + 2 years).
    pub ethics_limit: Option<NaiveDate>,
    /// The computed deadline or why there is none (deadline stage only).
    pub deadline: Option<Result<&'a Deadline, ()>>,
    /// The petition kind: declared, or classified with the category.
    pub petition_kind: Option<PetitionKind>,
    /// The text confidently contradicts the declared category.
    pub category_mismatch: bool,
}

impl Subject<'_> {
    fn person(&self) -> Option<&Person> {
        match &self.app.applicant {
            Some(Applicant::Person(p)) => Some(p),
            _ => None,
        }
    }
    fn entity(&self) -> Option<&LegalEntity> {
        match &self.app.applicant {
            Some(Applicant::LegalEntity(e)) => Some(e),
            _ => None,
        }
    }
    fn anonymous(&self) -> bool {
        matches!(self.app.applicant, None | Some(Applicant::Anonymous))
    }
    fn foreigner(&self) -> Option<&Person> {
        self.person().filter(|p| p.nationality.code() != "TR")
    }
    fn channel(&self) -> Option<Channel> {
        self.app.channel
    }
    fn electronic(&self) -> bool {
        self.channel().is_some_and(Channel::is_electronic)
    }
    fn paper(&self) -> bool {
        matches!(self.channel(), Some(Channel::Letter | Channel::InPerson))
    }
    fn petition_kind(&self) -> Option<PetitionKind> {
        self.petition_kind
    }
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

fn missing_name(s: &Subject<'_>) -> bool {
    s.person()
        .is_some_and(|p| blank(p.name.as_ref().map(|n| n.expose())))
        || s.entity().is_some_and(|e| blank(e.title.as_deref()))
}

fn missing_address(s: &Subject<'_>) -> bool {
    s.person()
        .is_some_and(|p| blank(p.address.as_ref().map(|a| a.expose())))
        || s.entity()
            .is_some_and(|e| blank(e.address.as_ref().map(|a| a.expose())))
}

fn missing_signature(s: &Subject<'_>) -> bool {
    s.paper() && (s.person().is_some_and(|p| !p.signed) || s.entity().is_some_and(|e| !e.signed))
}

fn missing_identity_number(s: &Subject<'_>) -> bool {
    if !s.electronic() {
        return false;
    }
    if let Some(p) = s.person() {
        return if p.nationality.code() == "TR" {
            p.tckn.is_none()
        } else {
            p.ykn.is_none() && p.passport.is_none() && p.tckn.is_none()
        };
    }
    s.entity()
        .is_some_and(|e| e.vkn.is_none() && e.mersis.is_none())
}

fn bad(n: &Option<IdentityNumber>, kind: IdentityKind) -> bool {
    n.as_ref().is_some_and(|n| n.validate(kind).is_err())
}

fn invalid_person_number(s: &Subject<'_>) -> bool {
    s.person().is_some_and(|p| {
        bad(&p.tckn, IdentityKind::Tckn)
            || bad(&p.ykn, IdentityKind::Ykn)
            || bad(&p.passport, IdentityKind::Passport)
    })
}

fn invalid_entity_number(s: &Subject<'_>) -> bool {
    s.entity()
        .is_some_and(|e| bad(&e.vkn, IdentityKind::Vkn) || bad(&e.mersis, IdentityKind::Mersis))
}

fn anonymous_petition_not_allowed(s: &Subject<'_>) -> bool {
    s.anonymous()
        && !matches!(
            s.petition_kind(),
            Some(PetitionKind::Complaint | PetitionKind::Report)
        )
}

fn anonymous_petition_examined(s: &Subject<'_>) -> bool {
    s.anonymous()
        && matches!(
            s.petition_kind(),
            Some(PetitionKind::Complaint | PetitionKind::Report)
        )
}

fn no_subject(s: &Subject<'_>) -> bool {
    s.app.subject.trim().is_empty() && s.app.text.trim().is_empty()
}

fn court(s: &Subject<'_>) -> bool {
    s.app.facts.pending_in_court || s.app.facts.decided_by_court
}

fn foreigner_not_resident(s: &Subject<'_>) -> bool {
    s.foreigner().is_some_and(|p| !p.resident_in_turkey)
}

fn foreigner_not_concerned(s: &Subject<'_>) -> bool {
    s.foreigner().is_some() && !s.app.facts.concerns_applicant
}

fn reciprocity_unverified(s: &Subject<'_>) -> bool {
    s.foreigner()
        .is_some_and(|p| !s.reciprocity.contains(p.nationality.code()))
}

fn not_turkish(s: &Subject<'_>) -> bool {
    s.foreigner().is_some() && s.app.language() != "tr"
}

fn ethics_excluded(s: &Subject<'_>) -> bool {
    s.official_group
        .is_some_and(|g| g != OfficialGroup::CivilServant)
}

fn official_named(s: &Subject<'_>) -> bool {
    s.app
        .target
        .official
        .as_ref()
        .is_some_and(|o| !blank(o.name.as_ref().map(|n| n.expose())) || !blank(o.title.as_deref()))
}

fn rank_unknown(s: &Subject<'_>) -> bool {
    official_named(s) && !ethics_excluded(s) && s.official_rank.is_none()
}

fn time_barred(s: &Subject<'_>) -> bool {
    s.ethics_limit
        .is_some_and(|limit| s.app.received_on > limit)
}

fn prior_request_missing(s: &Subject<'_>) -> bool {
    s.human_rights_route == Some(Authority::Tihek)
        && s.app.facts.discrimination
        && s.app
            .facts
            .prior_request_on
            .is_none_or(|on| (s.app.received_on - on).num_days() < 30)
}

fn discrimination_not_yet_accepted(s: &Subject<'_>) -> bool {
    s.app.facts.discrimination && s.human_rights_route != Some(Authority::Tihek)
}

fn unreachable_target(s: &Subject<'_>) -> bool {
    matches!(s.target, TargetStatus::Known(i) if i.kind == InstitutionKind::Unreachable)
}

fn unknown_target(s: &Subject<'_>) -> bool {
    matches!(s.target, TargetStatus::Unknown)
}

fn under_12(s: &Subject<'_>) -> bool {
    s.person()
        .and_then(|p| p.birth_date)
        .and_then(|b| {
            NaiveDate::from_ymd_opt(b.year() + 12, b.month(), b.day())
                // A 29 February birthday turns 12 on 1 March in a common year.
                .or_else(|| NaiveDate::from_ymd_opt(b.year() + 12, 3, 1))
        })
        .is_some_and(|twelfth| s.app.received_on < twelfth)
}

fn estimated(s: &Subject<'_>) -> bool {
    matches!(s.deadline, Some(Ok(d)) if d.estimated)
}

fn deadline_unavailable(s: &Subject<'_>) -> bool {
    matches!(s.deadline, Some(Err(())))
}

// Positional arguments keep each table row compact and in one fixed order.
#[allow(clippy::too_many_arguments)]
const fn rule(
    id: &'static str,
    code: FindingCode,
    severity: Severity,
    categories: &'static [Category],
    citation: &'static str,
    source: SourceStrength,
    valid: (Option<NaiveDate>, Option<NaiveDate>),
    fires_when: &'static str,
    messages: (&'static str, &'static str),
    check: fn(&Subject<'_>) -> bool,
) -> Rule {
    Rule {
        id,
        code,
        severity,
        categories,
        citation,
        source,
        valid_from: valid.0,
        valid_to: valid.1,
        fires_when,
        message_tr: messages.0,
        message_en: messages.1,
        stage: Stage::Eligibility,
        check,
    }
}

const fn at_deadline(mut r: Rule) -> Rule {
    r.stage = Stage::Deadline;
    r
}

const ALWAYS: (Option<NaiveDate>, Option<NaiveDate>) = (None, None);
const fn from(d: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (Some(d), None)
}
const fn until(d: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (None, Some(d))
}
const fn day_before(d: NaiveDate) -> NaiveDate {
    match d.pred_opt() {
        Some(p) => p,
        None => panic!("no day before"),
    }
}

use FindingCode as C;
use Severity::{Blocking, Info, Warning};
use SourceStrength::{Memory as M, Secondary as S, Verified as V};

const MSG_NAME: (&str, &str) = (
    "Başvuru sahibinin adı soyadı (tüzel kişide unvanı) yok.",
    "The applicant's name (a legal entity's title) is missing.",
);
const MSG_ADDRESS: (&str, &str) = (
    "Başvuru sahibinin yerleşim yeri veya iş adresi yok.",
    "The applicant's residence or work address is missing.",
);
const MSG_SIGNATURE: (&str, &str) = (
    "Yazılı (kâğıt) başvuruda imza yok.",
    "The paper application is not signed.",
);
const MSG_IDENTITY: (&str, &str) = (
    "Elektronik başvuruda kimlik numarası (T.C. kimlik no, yabancı kimlik no veya pasaport; tüzel kişide VKN/MERSİS) yok.",
    "An electronic application needs an identity number (TCKN, YKN or passport; VKN/MERSİS for a legal entity).",
);
const MSG_INVALID_ID: (&str, &str) = (
    "Kimlik numarası geçersiz (kontrol haneleri tutmuyor).",
    "The identity number is not valid (check digits do not match).",
);
const MSG_ANONYMOUS: (&str, &str) = (
    "Bu tür başvuru kimliği belirtilmeden yapılamaz.",
    "This kind of application cannot be made anonymously.",
);
const MSG_COURT: (&str, &str) = (
    "Konu yargı mercilerinin görevine giriyor (derdest veya karara bağlanmış); idari yoldan incelenemez.",
    "The matter is before or decided by a court; it cannot be examined administratively.",
);
const MSG_NOT_RESIDENT: (&str, &str) = (
    "Türkiye'de ikamet etmeyen yabancı bu hakkı kullanamaz.",
    "A foreigner not resident in Türkiye cannot use this right.",
);
const MSG_RECIPROCITY: (&str, &str) = (
    "Başvuranın ülkesi için karşılıklılık doğrulanmadı; kurum kontrol etmeli.",
    "Reciprocity is not verified for the applicant's country; the institution must check it.",
);
const MSG_LANGUAGE: (&str, &str) = (
    "Yabancıların başvurusu Türkçe olmalıdır.",
    "A foreigner's application must be in Turkish.",
);
const MSG_EXCLUDED: (&str, &str) = (
    "Şikâyet edilen görevli 5176 sayılı Kanunun kapsamı dışında (Cumhurbaşkanı, TBMM üyesi, bakan, TSK, yargı veya üniversite).",
    "The official is outside Law 5176 (President, MP, minister, armed forces, judiciary or university).",
);
const MSG_NO_SUBJECT: (&str, &str) = (
    "Başvuru belli bir konu içermiyor.",
    "The application has no specific subject.",
);
const MSG_NOT_REACHABLE: (&str, &str) = (
    "Hedef kurum (yargı, TBMM, KDK, YSK, HSK, Sayıştay) bu sistem üzerinden başvuru almaz; doğrudan başvurulmalıdır.",
    "The target (courts, TBMM, KDK, YSK, HSK, Sayıştay) cannot be reached through this system; apply to it directly.",
);
const MSG_PREVIOUSLY: (&str, &str) = (
    "Aynı konu daha önce incelenmiş; yeni bir delil veya iddia yoksa yeniden incelenmez.",
    "The same matter was examined before; it is not examined again without new evidence or a new claim.",
);

/// Every eligibility rule, in the order findings are reported.
pub const RULES: &[Rule] = &[
    rule("category_required", C::CategoryRequired, Blocking, &[],
        "BİMER/CİMER: the application type is chosen on the form (law.md §1)", S, ALWAYS,
        "no category is declared and the text cannot be classified confidently (classification.needs_review)",
        ("Başvuru türü (bilgi edinme, dilekçe, etik, insan hakları) belirtilmemiş.",
         "The application needs a category (information request, petition, ethics or human rights)."),
        |s| s.category.is_none()),
    rule("category_mismatch", C::CategoryMismatch, Warning, &[],
        "BİMER/CİMER: the applicant chooses the type on the form, and each type has its own law (4982, 3071, 5176, İHK/6701; law.md §1)", S, ALWAYS,
        "the declared category differs from a confident classification of the text (the lexicon's mismatch_above); the declared category is kept",
        ("Beyan edilen başvuru türü metinle çelişiyor; başvurunun hangi kanuna göre inceleneceğini görevli kontrol etmeli.",
         "The declared category disagrees with the text; the officer should check which law the application falls under."),
        |s| s.category_mismatch),
    rule("before_4982_in_force", C::BeforeLawInForce, Blocking, &[INFO],
        "4982 m.32", V, until(day_before(law::LAW_4982_IN_FORCE)),
        "an information request received before 2004-04-24",
        ("4982 sayılı Kanun başvuru tarihinde yürürlükte değildi (24.04.2004).",
         "Law 4982 was not yet in force on the date of receipt (24.04.2004)."),
        |_| true),
    rule("before_5176_in_force", C::BeforeLawInForce, Blocking, &[ETHICS],
        "5176 (RG 08.06.2004)", V, until(day_before(law::LAW_5176_IN_FORCE)),
        "an ethics complaint received before 2004-06-08",
        ("5176 sayılı Kanun başvuru tarihinde yürürlükte değildi (08.06.2004).",
         "Law 5176 was not yet in force on the date of receipt (08.06.2004)."),
        |_| true),
    rule("unknown_institution", C::UnknownInstitution, Blocking, &[],
        "3071 m.5; 4982 m.7/3 (a competent body must be identified)", S, ALWAYS,
        "target.institution is not a code of the institution registry",
        ("Hedef kurum kodu kurum listesinde yok.",
         "target.institution is not a code in the institution registry."),
        unknown_target),
    rule("not_reachable_bimer", C::AuthorityNotReachable, Blocking, &[],
        "BİMER: executive-branch system, same limits as CİMER (law.md §6.4, inferred)", M,
        (Some(law::BIMER_START), Some(day_before(law::CIMER_START))),
        "target is a court, TBMM, KDK, YSK, HSK or Sayıştay (BİMER era)",
        MSG_NOT_REACHABLE, unreachable_target),
    rule("not_reachable_cimer", C::AuthorityNotReachable, Blocking, &[],
        "CİMER: bodies that cannot be reached (law.md §6.4)", S, from(law::CIMER_START),
        "target is a court, TBMM, KDK, YSK, HSK or Sayıştay (CİMER era)",
        MSG_NOT_REACHABLE, unreachable_target),
    rule("no_subject_4982", C::NoSubject, Blocking, &[INFO], "4982 m.6", V, ALWAYS,
        "subject and text are both empty: no information is requested",
        MSG_NO_SUBJECT, no_subject),
    rule("no_subject_3071", C::NoSubject, Blocking, &[PETITION, ETHICS, HR], "3071 m.6-a", V, ALWAYS,
        "subject and text are both empty", MSG_NO_SUBJECT, no_subject),
    rule("channel_not_written", C::ChannelNotWritten, Blocking, &[INFO],
        "4982 m.6 (written or electronic application)", V, ALWAYS,
        "an information request by phone (Alo 150)",
        ("Bilgi edinme başvurusu yazılı veya elektronik yapılmalıdır; telefonla (Alo 150) yapılamaz.",
         "An information request must be written or electronic; it cannot be made by phone (Alo 150)."),
        |s| s.channel() == Some(Channel::Phone)),
    rule("anonymous_4982", C::AnonymousNotAllowed, Blocking, &[INFO],
        "4982 m.6; 4982 Yön. m.14", V, ALWAYS,
        "an anonymous information request (no applicant, or type anonymous)",
        MSG_ANONYMOUS, |s| s.anonymous()),
    rule("anonymous_ethics", C::AnonymousNotAllowed, Blocking, &[ETHICS],
        "Etik Yön. (kimliği tespit edilemeyen başvurular değerlendirilmez)", S, ALWAYS,
        "an anonymous ethics complaint", MSG_ANONYMOUS, |s| s.anonymous()),
    rule("anonymous_petition_kind", C::AnonymousNotAllowed, Blocking, &[PETITION],
        "3071 m.4; m.6-c", V, ALWAYS,
        "an anonymous petition that is not a complaint or report (or has no kind)",
        MSG_ANONYMOUS, anonymous_petition_not_allowed),
    rule("anonymous_no_answer", C::AnonymousNoAnswer, Info, &[PETITION],
        "BİMER/CİMER practice for anonymous ihbar/şikâyet (law.md §6.3)", S, ALWAYS,
        "an anonymous complaint or report: examined, but no answer is owed (no deadline)",
        ("Kimliksiz şikâyet/ihbar incelenir ancak başvurana cevap verilemez.",
         "An anonymous complaint or report is examined, but no answer can be given."),
        anonymous_petition_examined),
    rule("anonymous_human_rights", C::AnonymousBoardDiscretion, Warning, &[HR],
        "İl ve İlçe İHK practice (law.md §5.1)", S, ALWAYS,
        "an anonymous human-rights application: examined at the board's discretion, no answer owed",
        ("Kimliksiz insan hakları başvurusu, somut olgu ve kamu yararı varsa kurulun takdiriyle incelenir; cevap verilemez.",
         "An anonymous human-rights application is examined at the board's discretion if it has concrete facts; no answer can be given."),
        |s| s.anonymous()),
    rule("missing_name_4982", C::MissingName, Blocking, &[INFO], "4982 m.6", V, ALWAYS,
        "person without name or legal entity without title", MSG_NAME, missing_name),
    rule("missing_name_3071", C::MissingName, Blocking, &[PETITION], "3071 m.4; m.6-c", V, ALWAYS,
        "person without name or legal entity without title", MSG_NAME, missing_name),
    rule("missing_name_ethics", C::MissingName, Blocking, &[ETHICS],
        "Etik Yön. (başvuru şartları)", S, ALWAYS,
        "person without name", MSG_NAME, missing_name),
    rule("missing_name_human_rights", C::MissingName, Blocking, &[HR],
        "İl ve İlçe İHK practice: 3071 applied (law.md §5.1)", S, ALWAYS,
        "person without name or legal entity without title", MSG_NAME, missing_name),
    rule("missing_address_4982", C::MissingAddress, Blocking, &[INFO], "4982 m.6", V, ALWAYS,
        "no residence or work address", MSG_ADDRESS, missing_address),
    rule("missing_address_3071", C::MissingAddress, Blocking, &[PETITION], "3071 m.4; m.6-c", V, ALWAYS,
        "no residence or work address", MSG_ADDRESS, missing_address),
    rule("missing_address_ethics", C::MissingAddress, Blocking, &[ETHICS],
        "Etik Yön. (başvuru şartları)", S, ALWAYS,
        "no residence or work address", MSG_ADDRESS, missing_address),
    rule("missing_address_human_rights", C::MissingAddress, Blocking, &[HR],
        "İl ve İlçe İHK practice: 3071 applied (law.md §5.1)", S, ALWAYS,
        "no residence or work address", MSG_ADDRESS, missing_address),
    rule("missing_signature_4982", C::MissingSignature, Blocking, &[INFO], "4982 m.6", V, ALWAYS,
        "a letter or in-person application without signature", MSG_SIGNATURE, missing_signature),
    rule("missing_signature_3071", C::MissingSignature, Blocking, &[PETITION], "3071 m.4; m.6-c", V, ALWAYS,
        "a letter or in-person application without signature", MSG_SIGNATURE, missing_signature),
    rule("missing_signature_ethics", C::MissingSignature, Blocking, &[ETHICS],
        "Etik Yön. (başvuru şartları)", S, ALWAYS,
        "a letter or in-person application without signature", MSG_SIGNATURE, missing_signature),
    rule("missing_signature_human_rights", C::MissingSignature, Blocking, &[HR],
        "İl ve İlçe İHK practice: 3071 applied (law.md §5.1)", S, ALWAYS,
        "a letter or in-person application without signature", MSG_SIGNATURE, missing_signature),
    rule("missing_identity_number_4982", C::MissingIdentityNumber, Blocking, &[INFO],
        "4982 Yön. m.10", S, ALWAYS,
        "an electronic application (web, e-Devlet, e-mail) without TCKN (citizen), YKN/passport (foreigner) or VKN/MERSİS (legal entity)",
        MSG_IDENTITY, missing_identity_number),
    rule("missing_identity_number", C::MissingIdentityNumber, Blocking, &[PETITION, ETHICS, HR],
        "CİMER/BİMER identity check on electronic applications (law.md §6.3)", S, ALWAYS,
        "an electronic application without an identity number",
        MSG_IDENTITY, missing_identity_number),
    rule("invalid_identity_number_electronic", C::InvalidIdentityNumber, Blocking, &[],
        "4982 Yön. m.10; CİMER identity check (law.md §6.3)", S, ALWAYS,
        "an electronic application whose TCKN, YKN or passport number fails its check",
        MSG_INVALID_ID, |s| s.electronic() && invalid_person_number(s)),
    rule("invalid_identity_number_paper", C::InvalidIdentityNumber, Warning, &[],
        "4982 m.6; 3071 m.4 (identity on paper rests on name and signature)", S, ALWAYS,
        "a paper, phone or unknown-channel application whose TCKN, YKN or passport number fails its check",
        MSG_INVALID_ID, |s| !s.electronic() && invalid_person_number(s)),
    rule("invalid_entity_number", C::InvalidIdentityNumber, Blocking, &[],
        "4982 m.6; VKN/MERSİS check digits (legal entity identity)", S, ALWAYS,
        "a legal entity whose VKN or MERSİS number fails its check",
        MSG_INVALID_ID, invalid_entity_number),
    rule("missing_authority_document", C::MissingAuthorityDocument, Blocking, &[INFO],
        "4982 m.6", V, ALWAYS,
        "a legal entity's information request without its document of authority",
        ("Tüzel kişi başvurusunda yetki belgesi yok.",
         "A legal entity's application lacks the document of authority."),
        |s| s.entity().is_some_and(|e| !e.authority_document)),
    rule("foreigner_not_resident_4982", C::ForeignerNotResident, Blocking, &[INFO], "4982 m.4", V, ALWAYS,
        "a foreign person not resident in Türkiye", MSG_NOT_RESIDENT, foreigner_not_resident),
    rule("foreigner_not_resident_3071", C::ForeignerNotResident, Blocking, &[PETITION], "3071 m.3/2", V,
        from(law::LAW_3071_30_DAY_ANSWER),
        "a foreign person not resident in Türkiye", MSG_NOT_RESIDENT, foreigner_not_resident),
    rule("foreigner_not_resident_ethics", C::ForeignerNotResident, Blocking, &[ETHICS],
        "Etik Yön. (Türkiye'de ikamet eden yabancı gerçek kişiler)", S, ALWAYS,
        "a foreign person not resident in Türkiye", MSG_NOT_RESIDENT, foreigner_not_resident),
    rule("foreigner_not_concerned", C::ForeignerNotConcerned, Blocking, &[INFO], "4982 m.4", V, ALWAYS,
        "a foreigner's information request not about themselves or their activity",
        ("Yabancılar yalnızca kendileriyle veya faaliyet alanlarıyla ilgili bilgi isteyebilir.",
         "A foreigner may only request information about themselves or their field of activity."),
        foreigner_not_concerned),
    rule("reciprocity_4982", C::ReciprocityUnverified, Warning, &[INFO], "4982 m.4", V, ALWAYS,
        "a foreigner whose country is not in the configured reciprocity list",
        MSG_RECIPROCITY, reciprocity_unverified),
    rule("reciprocity_3071", C::ReciprocityUnverified, Warning, &[PETITION], "3071 m.3/2", V,
        from(law::LAW_3071_30_DAY_ANSWER),
        "a foreigner whose country is not in the configured reciprocity list",
        MSG_RECIPROCITY, reciprocity_unverified),
    rule("language_4982", C::LanguageNotTurkish, Blocking, &[INFO], "4982 Yön. m.5", S, ALWAYS,
        "a foreigner's information request whose language is not Turkish",
        MSG_LANGUAGE, not_turkish),
    rule("language_3071", C::LanguageNotTurkish, Blocking, &[PETITION], "3071 m.3/2", V,
        from(law::LAW_3071_30_DAY_ANSWER),
        "a foreigner's petition whose language is not Turkish", MSG_LANGUAGE, not_turkish),
    rule("applicant_under_12", C::ApplicantUnder12, Blocking, &[],
        "CİMER: citizens over 12 with capacity of discernment (law.md §6.3)", S, from(law::CIMER_START),
        "a person under 12 on the date of receipt (birth date known)",
        ("CİMER'e 12 yaşından küçükler başvuramaz.",
         "Applicants under 12 cannot apply to CİMER."),
        under_12),
    rule("court_3071", C::CourtJurisdiction, Blocking, &[PETITION], "3071 m.6-b", V, ALWAYS,
        "the matter is pending before or decided by a court", MSG_COURT, court),
    rule("court_ethics", C::CourtJurisdiction, Blocking, &[ETHICS],
        "Etik Yön. (yargıya intikal etmiş konular)", S, ALWAYS,
        "the matter is pending before or decided by a court", MSG_COURT, court),
    rule("court_human_rights", C::CourtJurisdiction, Blocking, &[HR],
        "İHK/TİHK practice (law.md §5.1-5.2); 6701 m.17/4", S, ALWAYS,
        "the matter is pending before or decided by a court", MSG_COURT, court),
    rule("ethics_legal_person", C::EthicsLegalPerson, Blocking, &[ETHICS],
        "Etik Kurulu practice (etik.gov.tr)", S, ALWAYS,
        "an ethics complaint by a legal entity",
        ("Tüzel kişilerin etik başvuruları işleme alınmaz.",
         "Ethics complaints by legal entities are not processed."),
        |s| s.entity().is_some()),
    rule("ethics_official_unspecified", C::EthicsOfficialUnspecified, Blocking, &[ETHICS],
        "Etik Yön. (iddia, kamu görevlisinin kimliği ve unvanıyla somut olmalı)", S, ALWAYS,
        "no official named (neither name nor title)",
        ("Şikâyet edilen kamu görevlisi (adı veya unvanı) belirtilmemiş.",
         "The official complained about is not named (neither name nor title)."),
        |s| !official_named(s)),
    rule("ethics_excluded_2004", C::EthicsOfficialExcluded, Blocking, &[ETHICS],
        "5176 m.1/3 (original text: Bakanlar Kurulu üyeleri)", V, until(day_before(law::CIMER_START)),
        "official is the President, an MP, a member of the Council of Ministers, armed forces, judiciary or university",
        MSG_EXCLUDED, ethics_excluded),
    rule("ethics_excluded_2018", C::EthicsOfficialExcluded, Blocking, &[ETHICS],
        "5176 m.1/3 (as amended by KHK 703: Cumhurbaşkanı Yardımcıları ve Bakanlar)", V,
        from(law::CIMER_START),
        "official is the President, an MP, a Vice President or minister, armed forces, judiciary or university",
        MSG_EXCLUDED, ethics_excluded),
    rule("ethics_rank_unknown", C::EthicsRankUnknown, Warning, &[ETHICS],
        "Etik Yön. (genel müdür, eşiti ve üstü → Etik Kurulu; diğerleri → disiplin kurulu)", S, ALWAYS,
        "the official's rank is neither given nor known from the title: the route is left to the officer",
        ("Görevlinin rütbesi (genel müdür ve üstü mü) belirlenemedi; yönlendirme görevliye bırakıldı.",
         "The official's rank (general director or above?) is unknown; routing is left to the officer."),
        rank_unknown),
    rule("ethics_time_barred", C::EthicsTimeBarred, Blocking, &[ETHICS],
        "Etik Kurulu practice: 2 years from the incident (etik.gov.tr; law.md §4.4)", S, ALWAYS,
        "received after incident date + 2 years (rolled to the next full business day)",
        ("Olayın üzerinden 2 yıldan fazla geçmiş; başvuru işleme alınmaz.",
         "More than 2 years have passed since the incident; the complaint is not processed."),
        time_barred),
    rule("previously_examined_ethics", C::PreviouslyExamined, Warning, &[ETHICS],
        "Etik Yön. (daha önce incelenmiş konu, yeni delil yoksa)", S, ALWAYS,
        "the same matter was examined before", MSG_PREVIOUSLY,
        |s| s.app.facts.previously_examined),
    rule("previously_examined_human_rights", C::PreviouslyExamined, Warning, &[HR],
        "İl ve İlçe İHK practice (law.md §5.1)", S, ALWAYS,
        "the same matter was examined before", MSG_PREVIOUSLY,
        |s| s.app.facts.previously_examined),
    rule("hr_private_law_dispute", C::HrPrivateLawDispute, Blocking, &[HR],
        "İHK/TİHK practice (law.md §5.1-5.2); CİMER Yön. 2022 (c)", S, ALWAYS,
        "a dispute between private parties",
        ("Özel hukuk uyuşmazlığı insan hakları başvurusu olarak incelenmez.",
         "A dispute between private parties is not examined as a human-rights application."),
        |s| s.app.facts.private_law_dispute),
    rule("hr_discrimination_not_yet_accepted", C::HrDiscriminationNotYetAccepted, Warning, &[HR],
        "6701 geç. m.1/13 (regulation in force 24.11.2017)", S,
        (Some(law::LAW_6701_IN_FORCE), Some(day_before(law::TIHEK_DISCRIMINATION_ACCEPTED))),
        "a discrimination application received 2016-04-20 to 2017-11-23: routed to the il/ilçe board",
        ("TİHEK ayrımcılık başvurularını 24.11.2017'den itibaren kabul eder; başvuru insan hakları kuruluna yönlendirildi.",
         "TİHEK accepts discrimination applications from 24.11.2017; routed to the human-rights board."),
        discrimination_not_yet_accepted),
    rule("hr_prior_request_required", C::HrPriorRequestRequired, Warning, &[HR],
        "6701 m.17/2", V, from(law::LAW_6701_IN_FORCE),
        "a discrimination application to TİHEK without a request to the respondent at least 30 days earlier",
        ("Önce muhataba başvurulmalı; 30 gün içinde cevap verilmemesi veya reddi hâlinde TİHEK'e başvurulur (Kurum bu şartı kaldırabilir).",
         "The respondent must be asked first; apply to TİHEK after a refusal or 30 days without answer (the Institution may waive this)."),
        prior_request_missing),
    at_deadline(rule("calendar_estimated", C::CalendarEstimated, Info, &[],
        "Diyanet: bayram dates after 2032 are estimates (calendar data)", S, ALWAYS,
        "the due date lies after the confirmed calendar range",
        ("Süre, bayram tarihleri henüz kesinleşmemiş bir döneme düşüyor; son gün tahminidir.",
         "The period runs into years whose bayram dates are estimates; the due date is provisional."),
        estimated)),
    at_deadline(rule("deadline_unavailable", C::DeadlineUnavailable, Warning, &[],
        "calendar data range (2004-2040) and period rules in force", S, ALWAYS,
        "no due date can be computed: the date is outside the calendar data or no period rule applied then",
        ("Son gün hesaplanamadı (takvim verisi dışında veya o tarihte süre kuralı yok).",
         "No due date could be computed (outside the calendar data, or no period rule applied then)."),
        deadline_unavailable)),
];

/// The findings of the rules of `stage` that apply.
pub(crate) fn evaluate(subject: &Subject<'_>, stage: Stage, into: &mut Vec<Finding>) {
    into.extend(
        RULES
            .iter()
            .filter(|r| r.stage == stage && r.applies(subject))
            .map(Rule::finding),
    );
}
