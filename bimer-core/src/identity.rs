//! Identity numbers (TCKN, YKN, VKN, MERSİS) and other personal data.
//!
//! These are personal data: [`IdentityNumber`] and [`PersonalText`] never show
//! their content in `Debug` or `Display`, and no error message carries it.
//! Identity numbers are masked to their last two digits.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The kind of an identity number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdentityKind {
    /// T.C. kimlik numarası: 11 digits of a Turkish citizen.
    Tckn,
    /// Yabancı kimlik numarası: 11 digits of a foreigner, starting 99.
    Ykn,
    /// Vergi kimlik numarası: 10 digits of a legal entity.
    Vkn,
    /// MERSİS number: 16 digits of a company.
    Mersis,
    /// A passport number: letters and digits, 5–20 characters.
    Passport,
}

impl fmt::Display for IdentityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdentityKind::Tckn => "TCKN",
            IdentityKind::Ykn => "YKN",
            IdentityKind::Vkn => "VKN",
            IdentityKind::Mersis => "MERSİS number",
            IdentityKind::Passport => "passport number",
        })
    }
}

/// Why an identity number is not valid. Never carries the number itself.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    /// Not the right number of characters.
    #[error("{kind} must have {expected} digits, found {found} characters")]
    WrongLength {
        /// The kind checked.
        kind: IdentityKind,
        /// How many digits it must have.
        expected: usize,
        /// How many characters it had.
        found: usize,
    },
    /// A character that is not allowed.
    #[error("{kind} may contain only digits")]
    NotDigits {
        /// The kind checked.
        kind: IdentityKind,
    },
    /// A TCKN or YKN starting with 0.
    #[error("{kind} cannot start with 0")]
    LeadingZero {
        /// The kind checked.
        kind: IdentityKind,
    },
    /// A YKN not starting with 99.
    #[error("YKN must start with 99")]
    NotForeignerNumber,
    /// The check digits do not match.
    #[error("{kind} check digits do not match")]
    CheckDigits {
        /// The kind checked.
        kind: IdentityKind,
    },
    /// A passport number of the wrong shape.
    #[error("passport number must be 5-20 letters or digits")]
    BadPassport,
}

/// An identity number as given: its content is personal data.
///
/// `Debug` and `Display` mask all but the last two digits.
///
/// # Example
///
/// ```
/// use bimer_core::{IdentityKind, IdentityNumber};
/// let n = IdentityNumber::new("10000000146");
/// assert_eq!(format!("{n:?}"), "IdentityNumber(*********46)");
/// assert!(n.validate(IdentityKind::Tckn).is_ok());
/// assert!(IdentityNumber::new("10000000147").validate(IdentityKind::Tckn).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdentityNumber(String);

impl IdentityNumber {
    /// Wraps a number (not yet validated).
    pub fn new(number: impl Into<String>) -> Self {
        IdentityNumber(number.into())
    }

    /// The full number. Use it only where the full number is needed (a
    /// lookup), never in logs or messages.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The number with all but its last two characters replaced by `*`.
    pub fn masked(&self) -> String {
        let n = self.0.chars().count();
        self.0
            .chars()
            .enumerate()
            .map(|(i, c)| if i + 2 < n { '*' } else { c })
            .collect()
    }

    /// Checks the number's shape and check digits for `kind`.
    ///
    /// # Errors
    ///
    /// An [`IdentityError`] saying what is wrong, without the number.
    pub fn validate(&self, kind: IdentityKind) -> Result<(), IdentityError> {
        match kind {
            IdentityKind::Tckn => validate_tckn(&self.0, kind),
            IdentityKind::Ykn => {
                validate_tckn(&self.0, kind)?;
                if self.0.starts_with("99") {
                    Ok(())
                } else {
                    Err(IdentityError::NotForeignerNumber)
                }
            }
            IdentityKind::Vkn => validate_vkn(&self.0),
            IdentityKind::Mersis => digits(&self.0, 16, kind).map(|_| ()),
            IdentityKind::Passport => {
                let n = self.0.chars().count();
                if (5..=20).contains(&n) && self.0.chars().all(|c| c.is_ascii_alphanumeric()) {
                    Ok(())
                } else {
                    Err(IdentityError::BadPassport)
                }
            }
        }
    }
}

impl fmt::Debug for IdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdentityNumber({})", self.masked())
    }
}

impl fmt::Display for IdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl Serialize for IdentityNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IdentityNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A custom visitor, so that a number given as a JSON number is refused
        // without serde echoing it in the error message.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = IdentityNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an identity number as a JSON string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IdentityNumber, E> {
                Ok(IdentityNumber(v.trim().to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<IdentityNumber, E> {
                Err(E::custom(
                    "an identity number must be a JSON string, not a number",
                ))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<IdentityNumber, E> {
                Err(E::custom(
                    "an identity number must be a JSON string, not a number",
                ))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<IdentityNumber, E> {
                Err(E::custom(
                    "an identity number must be a JSON string, not a number",
                ))
            }
        }
        d.deserialize_any(Visitor)
    }
}

fn digits(s: &str, expected: usize, kind: IdentityKind) -> Result<Vec<u32>, IdentityError> {
    let found = s.chars().count();
    if found != expected {
        return Err(IdentityError::WrongLength {
            kind,
            expected,
            found,
        });
    }
    s.chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<_>>>()
        .ok_or(IdentityError::NotDigits { kind })
}

/// TCKN and YKN (DESIGN §2.2): d10 = ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10,
/// d11 = (d1+…+d10) mod 10.
fn validate_tckn(s: &str, kind: IdentityKind) -> Result<(), IdentityError> {
    let d = digits(s, 11, kind)?;
    if d[0] == 0 {
        return Err(IdentityError::LeadingZero { kind });
    }
    let odd: i64 = [0, 2, 4, 6, 8].iter().map(|&i| i64::from(d[i])).sum();
    let even: i64 = [1, 3, 5, 7].iter().map(|&i| i64::from(d[i])).sum();
    let d10 = (odd * 7 - even).rem_euclid(10) as u32;
    let d11 = d[..10].iter().sum::<u32>() % 10;
    if d[9] == d10 && d[10] == d11 {
        Ok(())
    } else {
        Err(IdentityError::CheckDigits { kind })
    }
}

/// VKN (DESIGN §2.2): for i in 0..9, t = (d[i] + 9 − i) mod 10,
/// v = (t · 2^(9−i)) mod 9, v = 9 when t ≠ 0 and v = 0; the check digit is
/// (10 − Σv mod 10) mod 10.
fn validate_vkn(s: &str) -> Result<(), IdentityError> {
    let kind = IdentityKind::Vkn;
    let d = digits(s, 10, kind)?;
    let sum: u32 = (0..9)
        .map(|i| {
            let t = (d[i] + 9 - i as u32) % 10;
            let v = (t * (1 << (9 - i))) % 9;
            if t != 0 && v == 0 {
                9
            } else {
                v
            }
        })
        .sum();
    if d[9] == (10 - sum % 10) % 10 {
        Ok(())
    } else {
        Err(IdentityError::CheckDigits { kind })
    }
}

/// A free text that is personal data (a name, an address): `Debug` and
/// `Display` show only its initials and length.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct PersonalText(String);

impl PersonalText {
    /// Wraps a text.
    pub fn new(text: impl Into<String>) -> Self {
        PersonalText(text.into())
    }
    /// The full text; never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// Whether the text is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for PersonalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonalText({self})")
    }
}

impl fmt::Display for PersonalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let initials: String = self
            .0
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .map(|c| format!("{c}."))
            .collect();
        write!(f, "{initials}<{} chars>", self.0.chars().count())
    }
}

impl Serialize for PersonalText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PersonalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(PersonalText)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tckn_from(first9: &[u32; 9]) -> String {
        let odd: i64 = [0, 2, 4, 6, 8].iter().map(|&i| i64::from(first9[i])).sum();
        let even: i64 = [1, 3, 5, 7].iter().map(|&i| i64::from(first9[i])).sum();
        let d10 = (odd * 7 - even).rem_euclid(10) as u32;
        let d11 = (first9.iter().sum::<u32>() + d10) % 10;
        first9
            .iter()
            .chain([d10, d11].iter())
            .map(|d| char::from_digit(*d, 10).unwrap())
            .collect()
    }

    /// An independent VKN generator written from the DESIGN §2.2 formula.
    fn vkn_from(first9: &[u32; 9]) -> String {
        let mut sum = 0;
        for (i, d) in first9.iter().enumerate() {
            let t = (d + 9 - i as u32) % 10;
            let mut v = (t * 2u32.pow(9 - i as u32)) % 9;
            if t != 0 && v == 0 {
                v = 9;
            }
            sum += v;
        }
        let check = (10 - sum % 10) % 10;
        first9
            .iter()
            .chain(std::iter::once(&check))
            .map(|d| char::from_digit(*d, 10).unwrap())
            .collect()
    }

    #[test]
    fn known_valid_numbers() {
        assert!(IdentityNumber::new("10000000146")
            .validate(IdentityKind::Tckn)
            .is_ok());
        assert_eq!(
            IdentityNumber::new("10000000147").validate(IdentityKind::Tckn),
            Err(IdentityError::CheckDigits {
                kind: IdentityKind::Tckn
            })
        );
        let ykn = tckn_from(&[9, 9, 1, 2, 3, 4, 5, 6, 7]);
        assert!(IdentityNumber::new(ykn).validate(IdentityKind::Ykn).is_ok());
        assert_eq!(
            IdentityNumber::new("10000000146").validate(IdentityKind::Ykn),
            Err(IdentityError::NotForeignerNumber)
        );
        let vkn = vkn_from(&[1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert!(IdentityNumber::new(vkn.clone())
            .validate(IdentityKind::Vkn)
            .is_ok());
        let mut wrong = vkn.into_bytes();
        wrong[9] = b'0' + (wrong[9] - b'0' + 1) % 10;
        assert!(IdentityNumber::new(String::from_utf8(wrong).unwrap())
            .validate(IdentityKind::Vkn)
            .is_err());
        assert!(IdentityNumber::new("0123456789012345")
            .validate(IdentityKind::Mersis)
            .is_ok());
        assert!(IdentityNumber::new("U1234567")
            .validate(IdentityKind::Passport)
            .is_ok());
        assert!(IdentityNumber::new("U-12")
            .validate(IdentityKind::Passport)
            .is_err());
    }

    #[test]
    fn errors_never_contain_the_number() {
        for (n, kind) in [
            ("12345678901", IdentityKind::Tckn),
            ("1234567890123", IdentityKind::Tckn),
            ("01234567890", IdentityKind::Tckn),
            ("98765432109", IdentityKind::Ykn),
            ("987654321", IdentityKind::Vkn),
            ("98765432a1", IdentityKind::Vkn),
        ] {
            let id = IdentityNumber::new(n);
            let err = id.validate(kind).unwrap_err().to_string();
            assert!(!err.contains(&n[..8]), "{err}");
            assert!(!format!("{id:?}{id}").contains(&n[..8]));
        }
    }

    #[test]
    fn personal_text_is_masked() {
        let name = PersonalText::new("Ayşe Yılmaz");
        assert_eq!(format!("{name:?}"), "PersonalText(A.Y.<11 chars>)");
        assert!(!format!("{name}").contains("Yılmaz"));
    }

    #[test]
    fn json_number_refused_without_echo() {
        let err = serde_json::from_str::<IdentityNumber>("12345678901").unwrap_err();
        assert!(!err.to_string().contains("12345678901"), "{err}");
    }

    proptest! {
        #[test]
        fn generated_tckn_validates_and_one_digit_change_fails(
            d in proptest::array::uniform9(0u32..10), pos in 0usize..11, delta in 1u32..10,
        ) {
            let mut first = d;
            if first[0] == 0 { first[0] = 1; }
            let good = tckn_from(&first);
            prop_assert!(IdentityNumber::new(good.clone()).validate(IdentityKind::Tckn).is_ok());
            let mut bytes: Vec<u32> = good.chars().map(|c| c.to_digit(10).unwrap()).collect();
            bytes[pos] = (bytes[pos] + delta) % 10;
            let bad: String = bytes.iter().map(|d| char::from_digit(*d, 10).unwrap()).collect();
            // A single changed digit is always caught by d11 (sum mod 10).
            prop_assert!(IdentityNumber::new(bad).validate(IdentityKind::Tckn).is_err());
        }
    }
}
