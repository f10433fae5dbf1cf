//! Strict JSON reading shared by every wire type (applications, cases): one
//! place that turns serde's errors into a field path and a readable problem.

use serde::de::DeserializeOwned;

/// Why a wire document cannot be read: the dotted field path (empty for the
/// whole document) and what is wrong.
pub(crate) struct WireError {
    pub field: String,
    pub problem: String,
}

/// Parses `json` as a `T`. Path tracking costs on every field, so it is paid
/// only to explain a failure.
pub(crate) fn parse<T: DeserializeOwned>(json: &str) -> Result<T, WireError> {
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let problem = match inner.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                format!("not valid JSON: {inner}")
            }
            _ => {
                let text = inner.to_string();
                if CHRONO_ERRORS.iter().any(|m| text.starts_with(m)) {
                    format!("not a valid date in YYYY-MM-DD form ({text})")
                } else {
                    text
                }
            }
        };
        WireError {
            field: field_named(&path, &problem),
            problem,
        }
    })
}

/// chrono's date parse errors, which do not say what was expected.
const CHRONO_ERRORS: &[&str] = &[
    "input is out of range",
    "input contains invalid characters",
    "input is not enough for unique date",
    "premature end of input",
    "trailing input",
    "no possible date",
    "bad or unsupported format",
];

/// serde reports a missing, unknown or duplicate field at its parent's
/// path; name the field itself.
fn field_named(path: &str, problem: &str) -> String {
    let path = if path == "." || path == "?" { "" } else { path };
    let Some(name) = problem
        .split("field `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    else {
        return path.to_string();
    };
    if path.is_empty() {
        name.to_string()
    } else if path == name || path.ends_with(&format!(".{name}")) {
        path.to_string()
    } else {
        format!("{path}.{name}")
    }
}
