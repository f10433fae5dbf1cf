//! Translation between Python values and the wire format (DESIGN §3), dates
//! and enums. No rule logic: every value goes through the core's serde types.

use std::hash::{DefaultHasher, Hash, Hasher};

use bimer_core::law::RefusalGround;
use bimer_core::{
    ApplicantAction, Authority, Category, CategorySource, Channel, DayKind, EventKind,
    ExtensionReason, Fact, FeePolicy, FindingCode, ForwardingPolicy, HalfDayPolicy, OfficialGroup,
    Outcome, PetitionKind, Procedure, Rank, Severity, SkipReason, State, System, TextField, Topic,
    Unit,
};
use chrono::{Datelike, NaiveDate};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping,
    PyString, PyTuple,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use crate::errors::{Failure, Res};

// ---------------------------------------------------------------- JSON text

/// The wire format of a value.
pub fn to_json<T: Serialize>(value: &T) -> Res<String> {
    serde_json::to_string(value).map_err(|e| Failure::Internal(format!("serialising: {e}")))
}

/// Reads one wire-format value, naming the field of the first error.
pub fn parse<T: DeserializeOwned>(json: &str) -> Res<T> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let value: T = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path == "?" {
            String::new()
        } else {
            path
        };
        Failure::input(field, e.into_inner().to_string())
    })?;
    de.end()
        .map_err(|e| Failure::input("", format!("not valid JSON: {e}")))?;
    Ok(value)
}

/// A Python value as a dict: `json.loads(to_json())`, so that it equals the
/// wire format exactly.
pub fn to_dict<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    json_loads(py, &to_json(value)?)
}

/// `json.loads` of a text.
pub fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS
        .get_or_try_init(py, || -> PyResult<_> {
            Ok(py.import("json")?.getattr("loads")?.unbind())
        })?
        .bind(py)
        .call1((json,))
}

/// A stable hash of a value: of its wire format, so that equal values hash
/// alike in every process.
pub fn wire_hash<T: Serialize>(value: &T) -> Res<u64> {
    let mut h = DefaultHasher::new();
    to_json(value)?.hash(&mut h);
    Ok(h.finish())
}

/// The text of a JSON document given as `str`, `bytes` or `bytearray`.
pub fn json_text(obj: &Bound<'_, PyAny>, field: &str) -> Res<String> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_str()
            .map(str::to_owned)
            .map_err(|_| Failure::input(field, "is not valid UTF-8 text"));
    }
    let bytes: Option<Vec<u8>> = if let Ok(b) = obj.cast::<PyBytes>() {
        Some(b.as_bytes().to_vec())
    } else if let Ok(b) = obj.cast::<PyByteArray>() {
        Some(b.to_vec())
    } else {
        None
    };
    match bytes {
        Some(b) => {
            String::from_utf8(b).map_err(|_| Failure::input(field, "is not valid UTF-8 text"))
        }
        None => Err(Failure::input(
            field,
            format!("expected a JSON str or bytes, got {}", type_name(obj)),
        )),
    }
}

/// The Python type name of a value (never the value: it may be personal data).
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

// ------------------------------------------------------- Python -> JSON value

fn str_key(k: &Bound<'_, PyAny>) -> Option<String> {
    k.cast::<PyString>()
        .ok()
        .and_then(|k| k.to_str().ok().map(str::to_owned))
}

/// Converts a Python value (dicts, lists, tuples, str, int, float, bool,
/// None, `datetime.date`, str-valued enums) to a JSON value for the core's
/// parser. On failure returns the dotted path and the problem.
pub fn to_value(obj: &Bound<'_, PyAny>, path: &str) -> Result<Value, (String, String)> {
    to_value_at(obj, path, 0)
}

/// Nesting deeper than this is refused (serde_json's own limit is 128), so
/// that no input can exhaust the stack.
const MAX_DEPTH: usize = 128;

fn to_value_at(
    obj: &Bound<'_, PyAny>,
    path: &str,
    depth: usize,
) -> Result<Value, (String, String)> {
    let fail = |problem: String| Err((path.to_string(), problem));
    if depth > MAX_DEPTH {
        return fail(format!("is nested more than {MAX_DEPTH} levels deep"));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return match s.to_str() {
            Ok(s) => Ok(Value::String(s.to_owned())),
            Err(_) => fail("is not valid UTF-8 text".into()),
        };
    }
    if obj.cast::<PyInt>().is_ok() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return fail("is an integer too large for the wire format".into());
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return match Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => fail("must be a finite number".into()),
        };
    }
    if obj.cast::<PyDateTime>().is_ok() {
        return fail(
            "expected a datetime.date, got a datetime.datetime (pass .date(): a time of day \
             and a time zone could change the day)"
                .into(),
        );
    }
    if obj.cast::<PyDate>().is_ok() {
        return match obj.extract::<NaiveDate>() {
            Ok(d) => Ok(Value::String(d.format("%Y-%m-%d").to_string())),
            Err(_) => fail("is not a valid date".into()),
        };
    }
    let child = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let Some(key) = str_key(&k) else {
                return fail(format!("keys must be str, found {}", type_name(&k)));
            };
            let value = to_value_at(&v, &child(&key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(m) = obj.cast::<PyMapping>() {
        let Ok(items) = m.items() else {
            return fail("is a mapping whose items cannot be read".into());
        };
        let mut map = Map::new();
        for item in items.iter() {
            let Ok((k, v)) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>() else {
                return fail("is a mapping whose items cannot be read".into());
            };
            let Some(key) = str_key(&k) else {
                return fail(format!("keys must be str, found {}", type_name(&k)));
            };
            let value = to_value_at(&v, &child(&key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut out = Vec::new();
        let Ok(iter) = obj.try_iter() else {
            return fail("cannot be iterated".into());
        };
        for (i, item) in iter.enumerate() {
            let Ok(item) = item else {
                return fail("cannot be iterated".into());
            };
            out.push(to_value_at(&item, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    fail(format!(
        "unsupported type {} (expected dict, list, str, int, float, bool, None or datetime.date)",
        type_name(obj)
    ))
}

/// A Python dict (or JSON text) of an output type, read through the core's
/// serde types.
pub fn from_py<T: DeserializeOwned>(obj: &Bound<'_, PyAny>) -> Res<T> {
    let value = to_value(obj, "").map_err(|(field, problem)| Failure::input(field, problem))?;
    parse(&value.to_string())
}

// ------------------------------------------------------------------- dates

/// A core date as a Python `datetime.date`; a date Python cannot hold raises
/// `CalendarRangeError`, not a bare conversion `ValueError`.
pub fn date_to_py(py: Python<'_>, d: NaiveDate) -> PyResult<Bound<'_, PyDate>> {
    if !(1..=9999).contains(&d.year()) {
        return Err(Failure::PythonDateRange(d).into());
    }
    PyDate::new(py, d.year(), d.month() as u8, d.day() as u8)
}

/// An optional core date as `datetime.date | None`.
pub fn opt_date_to_py(py: Python<'_>, d: Option<NaiveDate>) -> PyResult<Option<Bound<'_, PyDate>>> {
    d.map(|d| date_to_py(py, d)).transpose()
}

/// A `datetime.date` (or an ISO `YYYY-MM-DD` text) argument.
pub fn date_from_py(obj: &Bound<'_, PyAny>, field: &str) -> Res<NaiveDate> {
    if obj.cast::<PyDateTime>().is_ok() {
        return Err(Failure::input(
            field,
            "expected a datetime.date, got a datetime.datetime (pass .date(): a time of day \
             and a time zone could change the day)",
        ));
    }
    if obj.cast::<PyDate>().is_ok() {
        return obj
            .extract::<NaiveDate>()
            .map_err(|_| Failure::input(field, "is not a valid date"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s
            .to_str()
            .map_err(|_| Failure::input(field, "is not valid UTF-8"))?;
        return NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| Failure::input(field, "is not a date in YYYY-MM-DD form"));
    }
    Err(Failure::input(
        field,
        format!(
            "expected a datetime.date or a YYYY-MM-DD str, got {}",
            type_name(obj)
        ),
    ))
}

/// Whether a value is a scalar date argument (rather than an array).
pub fn is_scalar_date(obj: &Bound<'_, PyAny>) -> bool {
    obj.cast::<PyDate>().is_ok() || obj.cast::<PyString>().is_ok()
}

/// A count argument (`n`, a period length): a non-negative int that fits u32.
pub fn count_from_py(obj: &Bound<'_, PyAny>, field: &str) -> Res<u32> {
    if obj.cast::<PyBool>().is_ok() || obj.cast::<PyInt>().is_err() {
        // numpy integers are not PyInt; accept anything with __index__.
        if obj.cast::<PyBool>().is_ok() || !obj.hasattr("__index__").unwrap_or(false) {
            return Err(Failure::input(
                field,
                format!("expected an int, got {}", type_name(obj)),
            ));
        }
    }
    let n: i128 = obj
        .call_method0("__index__")
        .and_then(|i| i.extract())
        .map_err(|_| Failure::input(field, "is not an integer in range"))?;
    u32::try_from(n).map_err(|_| {
        Failure::input(
            field,
            format!("must be between 0 and {} (got {n})", u32::MAX),
        )
    })
}

// ------------------------------------------------------------------- enums

/// A core enum mirrored as a Python `enum.Enum` whose members are `str`
/// (`class Category(str, Enum)`): members compare equal to their wire values.
pub trait PyEnum: Serialize + DeserializeOwned + Copy + 'static {
    /// The Python class name.
    const NAME: &'static str;
    /// The class docstring.
    const DOC: &'static str;
    /// Every variant.
    fn all() -> Vec<Self>;
}

/// Lists the variants of a core enum; the `match` fails to compile when the
/// core adds a variant, so the Python enum cannot silently fall behind.
macro_rules! py_enum {
    ($ty:ident, $doc:literal, [$($v:ident),+ $(,)?]) => {
        impl PyEnum for $ty {
            const NAME: &'static str = stringify!($ty);
            const DOC: &'static str = $doc;
            fn all() -> Vec<Self> {
                fn exhaustive(x: $ty) {
                    match x {
                        $($ty::$v => {}),+
                    }
                }
                let _ = exhaustive;
                vec![$($ty::$v),+]
            }
        }
    };
}

py_enum!(
    Category,
    "The four kinds of application (DESIGN §2.1).",
    [InformationRequest, Petition, EthicsComplaint, HumanRights]
);
py_enum!(
    PetitionKind,
    "The kind of a petition.",
    [Request, Complaint, Report, Suggestion, Thanks]
);
py_enum!(
    Channel,
    "How the application arrived.",
    [Web, EDevlet, Phone, Letter, InPerson, Email]
);
py_enum!(
    Rank,
    "The rank of a public official for ethics routing.",
    [GeneralDirectorOrAbove, BelowGeneralDirector]
);
py_enum!(
    OfficialGroup,
    "The group of a public official (5176 m.1/3).",
    [
        CivilServant,
        President,
        MemberOfParliament,
        Minister,
        ArmedForces,
        Judiciary,
        University
    ]
);
py_enum!(
    System,
    "The system in force on receipt: direct, BİMER or CİMER.",
    [Direct, Bimer, Cimer]
);
py_enum!(
    CategorySource,
    "Where the category of a decision came from.",
    [Declared, Classified, Missing]
);
py_enum!(
    Severity,
    "How much a finding weighs.",
    [Info, Warning, Blocking]
);
py_enum!(
    Authority,
    "Who must handle the application.",
    [
        Institution,
        EtikKurulu,
        DisiplinKurulu,
        InsanHaklariKurulu,
        Tihek
    ]
);
py_enum!(
    Topic,
    "The subject areas that decide the competent institution.",
    [
        Health,
        Education,
        HigherEducation,
        Municipal,
        SocialSecurity,
        Labour,
        Tax,
        LandRegistry,
        Security,
        Justice,
        Transport,
        EnvironmentUrban,
        Agriculture,
        FamilySocial,
        ReligiousAffairs,
        Energy,
        TradeConsumer,
        CivilRegistry,
        ForeignAffairs,
        CultureTourism,
        YouthSports,
        IndustryTechnology,
        Defense,
        Other,
    ]
);
py_enum!(
    FindingCode,
    "The reason code of a finding (DESIGN §2.3).",
    [
        MissingName,
        MissingAddress,
        MissingSignature,
        MissingIdentityNumber,
        InvalidIdentityNumber,
        MissingAuthorityDocument,
        AnonymousNotAllowed,
        AnonymousNoAnswer,
        AnonymousBoardDiscretion,
        NoSubject,
        CourtJurisdiction,
        ChannelNotWritten,
        ForeignerNotResident,
        ForeignerNotConcerned,
        ReciprocityUnverified,
        LanguageNotTurkish,
        BeforeLawInForce,
        EthicsOfficialExcluded,
        EthicsLegalPerson,
        EthicsOfficialUnspecified,
        EthicsRankUnknown,
        EthicsTimeBarred,
        HrPrivateLawDispute,
        HrPriorRequestRequired,
        HrDiscriminationNotYetAccepted,
        AuthorityNotReachable,
        UnknownInstitution,
        ApplicantUnder12,
        CategoryMismatch,
        CategoryRequired,
        PreviouslyExamined,
        CalendarEstimated,
        DeadlineUnavailable,
    ]
);
py_enum!(Unit, "The unit of a period.", [BusinessDays, Days, Months]);
py_enum!(
    Procedure,
    "A procedure that runs against a legal period.",
    [
        InformationRequest,
        Petition,
        EtikKurulu,
        DisiplinKurulu,
        InsanHaklariKurulu,
        Tihek,
        BedkObjection,
        BedkDecision,
    ]
);
py_enum!(
    HalfDayPolicy,
    "How half days (arife, 28 October afternoon) count.",
    [WorkingDayButNotLastDay, WorkingDay, Holiday]
);
py_enum!(
    DayKind,
    "Why a day is not an ordinary full business day.",
    [BusinessDay, Weekend, Holiday, HalfDay, AdministrativeLeave]
);
py_enum!(
    SkipReason,
    "Why a day was left out of a count.",
    [NotABusinessDay, PeriodCannotEndHere]
);

py_enum!(
    Fact,
    "A fact the text suggests (a field of the application's facts).",
    [
        PendingInCourt,
        DecidedByCourt,
        Discrimination,
        DeprivedOfLiberty,
        PrivateLawDispute
    ]
);
py_enum!(
    TextField,
    "Which part of the application a term matched in.",
    [Subject, Text]
);
py_enum!(
    State,
    "Where a case stands (DESIGN §2.7).",
    [
        Received,
        Forwarded,
        InReview,
        Extended,
        AwaitingFee,
        InterimAnswered,
        Answered,
        Objected,
        ObjectionDecided,
        Closed,
        Withdrawn,
    ]
);
py_enum!(
    EventKind,
    "The kind of a lifecycle event.",
    [
        Forwarded,
        ExtensionNotified,
        FeeNotified,
        FeePaid,
        Answered,
        RefusalNotified,
        Objected,
        ObjectionDecided,
        Withdrawn,
    ]
);
py_enum!(
    ExtensionReason,
    "The ground stated for extending a period (4982 m.11; 6701 m.18).",
    [
        OtherUnit,
        OtherBodyOpinion,
        SeveralBodies,
        PresidentDecision
    ]
);
py_enum!(
    Outcome,
    "What an answer, or BEDK's decision, said about access.",
    [Granted, PartiallyGranted, Refused, Interim]
);
py_enum!(
    RefusalGround,
    "The ground of a 4982 refusal, as far as the BEDK objection cares.",
    [StateSecret, EconomicInterest, Other]
);
py_enum!(
    ApplicantAction,
    "What the applicant has a deadline for.",
    [PayFee, ObjectToBedk]
);
py_enum!(
    ForwardingPolicy,
    "When a forwarded application's period starts.",
    [RestartAtReceivingBody, KeepOriginal]
);
py_enum!(
    FeePolicy,
    "What a 4982 fee notice does to the running period.",
    [RestartOnPayment, PauseAndResume]
);

/// How administrative leave counts: the `mode` of the core's
/// `AdministrativeLeavePolicy` (its province is a separate field in Python).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeavePolicy {
    /// Leave days are business days (default).
    Ignore,
    /// Leave days count as holidays.
    Holiday,
}
py_enum!(
    LeavePolicy,
    "How administrative leave (idari izin) counts.",
    [Ignore, Holiday]
);

static ENUMS: PyOnceLock<Vec<(&'static str, Py<PyAny>)>> = PyOnceLock::new();

fn wire_name<E: Serialize>(v: &E) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn make_enum<E: PyEnum>(py: Python<'_>) -> PyResult<(&'static str, Py<PyAny>)> {
    let members: Vec<(String, String)> = E::all()
        .iter()
        .map(|v| {
            let w = wire_name(v);
            (w.to_ascii_uppercase(), w)
        })
        .collect();
    let kwargs = PyDict::new(py);
    kwargs.set_item("module", "bimer._bimer")?;
    kwargs.set_item("qualname", E::NAME)?;
    kwargs.set_item("type", py.get_type::<PyString>())?;
    let cls = py
        .import("enum")?
        .getattr("Enum")?
        .call((E::NAME, members), Some(&kwargs))?;
    cls.setattr("__doc__", E::DOC)?;
    Ok((E::NAME, cls.unbind()))
}

/// Creates the enums and adds them to the module.
pub fn register_enums(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let enums = ENUMS.get_or_try_init(py, || -> PyResult<_> {
        Ok(vec![
            make_enum::<Category>(py)?,
            make_enum::<PetitionKind>(py)?,
            make_enum::<Channel>(py)?,
            make_enum::<Rank>(py)?,
            make_enum::<OfficialGroup>(py)?,
            make_enum::<System>(py)?,
            make_enum::<CategorySource>(py)?,
            make_enum::<Severity>(py)?,
            make_enum::<Authority>(py)?,
            make_enum::<Topic>(py)?,
            make_enum::<FindingCode>(py)?,
            make_enum::<Unit>(py)?,
            make_enum::<Procedure>(py)?,
            make_enum::<HalfDayPolicy>(py)?,
            make_enum::<LeavePolicy>(py)?,
            make_enum::<DayKind>(py)?,
            make_enum::<SkipReason>(py)?,
            make_enum::<Fact>(py)?,
            make_enum::<TextField>(py)?,
            make_enum::<State>(py)?,
            make_enum::<EventKind>(py)?,
            make_enum::<ExtensionReason>(py)?,
            make_enum::<Outcome>(py)?,
            make_enum::<RefusalGround>(py)?,
            make_enum::<ApplicantAction>(py)?,
            make_enum::<ForwardingPolicy>(py)?,
            make_enum::<FeePolicy>(py)?,
        ])
    })?;
    for (name, cls) in enums {
        m.add(*name, cls.bind(py))?;
    }
    Ok(())
}

/// A core enum value as its Python enum member.
pub fn enum_to_py<'py, E: PyEnum>(py: Python<'py>, value: E) -> PyResult<Bound<'py, PyAny>> {
    let cls = ENUMS
        .get(py)
        .and_then(|e| e.iter().find(|(n, _)| *n == E::NAME))
        .map(|(_, c)| c.bind(py).clone())
        .ok_or_else(|| {
            pyo3::exceptions::PyRuntimeError::new_err("bimer._bimer is not initialised")
        })?;
    cls.call1((wire_name(&value),))
}

/// An optional core enum value as `member | None`.
pub fn opt_enum_to_py<'py, E: PyEnum>(
    py: Python<'py>,
    value: Option<E>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    value.map(|v| enum_to_py(py, v)).transpose()
}

/// An enum argument: the Python member or its wire value as `str`.
pub fn enum_from_py<E: PyEnum>(obj: &Bound<'_, PyAny>, field: &str) -> Res<E> {
    let Ok(s) = obj.cast::<PyString>() else {
        return Err(Failure::input(
            field,
            format!("expected bimer.{} or str, got {}", E::NAME, type_name(obj)),
        ));
    };
    let s = s
        .to_str()
        .map_err(|_| Failure::input(field, "is not valid UTF-8"))?;
    serde_json::from_value(Value::String(s.to_owned()))
        .map_err(|e| Failure::input(field, e.to_string()))
}
