//! The 81 provinces of Türkiye, matched by name (any case, with or without
//! Turkish letters) or by plate code.
//!
//! Data: `data/provinces.csv` (plate, name, metropolitan municipality).

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::table;
use crate::text::fold;

/// A province, identified by its plate code (01–81).
///
/// # Example
///
/// ```
/// use bimer_core::Province;
/// let p: Province = "kahramanmaras".parse().unwrap();
/// assert_eq!(p.name(), "Kahramanmaraş");
/// assert_eq!(p.plate(), 46);
/// assert_eq!("06".parse::<Province>().unwrap().name(), "Ankara");
/// assert!("Atlantis".parse::<Province>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Province(u8);

struct Entry {
    name: String,
    key: String,
    metropolitan: bool,
}

/// Common short or former names that people still write.
const ALIASES: &[(&str, u8)] = &[
    ("afyon", 3),
    ("antep", 27),
    ("icel", 33),
    ("maras", 46),
    ("k.maras", 46),
    ("urfa", 63),
];

fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut entries = Vec::with_capacity(81);
        table::read(
            include_str!("../data/provinces.csv"),
            &["plate", "name", "metropolitan_municipality"],
            |row| {
                let plate: usize = row.get("plate").parse().map_err(|_| "bad plate")?;
                if plate != entries.len() + 1 {
                    return Err("plates must run 01..81 in order".into());
                }
                entries.push(Entry {
                    name: row.get("name").to_string(),
                    key: fold(row.get("name")),
                    metropolitan: row.get("metropolitan_municipality") == "true",
                });
                Ok(())
            },
        )
        .expect("bundled provinces.csv is valid (checked by tests)");
        entries
    })
}

impl Province {
    /// The province with plate code `plate`, if there is one (1–81).
    pub fn from_plate(plate: u8) -> Option<Province> {
        (1..=table().len() as u8)
            .contains(&plate)
            .then_some(Province(plate))
    }

    /// The official name, with Turkish letters (`Kahramanmaraş`).
    pub fn name(self) -> &'static str {
        &table()[self.0 as usize - 1].name
    }

    /// The plate code (1–81).
    pub fn plate(self) -> u8 {
        self.0
    }

    /// Whether the province has a metropolitan municipality (büyükşehir).
    pub fn is_metropolitan(self) -> bool {
        table()[self.0 as usize - 1].metropolitan
    }

    /// All 81 provinces in plate order.
    pub fn all() -> impl Iterator<Item = Province> {
        (1..=table().len() as u8).map(Province)
    }
}

/// Why a text is not a province.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a Turkish province name or plate code (01-81)")]
pub struct UnknownProvince(pub String);

impl std::str::FromStr for Province {
    type Err = UnknownProvince;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
            return s
                .parse()
                .ok()
                .and_then(Province::from_plate)
                .ok_or_else(|| UnknownProvince(s.to_string()));
        }
        if let Some(i) = table().iter().position(|e| e.name == s) {
            return Ok(Province(i as u8 + 1));
        }
        let key = fold(s);
        let key = key
            .strip_suffix(" ili")
            .or_else(|| key.strip_suffix(" valiligi"))
            .unwrap_or(&key);
        table()
            .iter()
            .position(|e| e.key == key)
            .map(|i| Province(i as u8 + 1))
            .or_else(|| {
                ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == key)
                    .map(|&(_, p)| Province(p))
            })
            .ok_or_else(|| UnknownProvince(s.chars().take(40).collect()))
    }
}

impl fmt::Display for Province {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Province {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Province {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Province;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a province name or plate code")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Province, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Province, E> {
                u8::try_from(v)
                    .ok()
                    .and_then(Province::from_plate)
                    .ok_or_else(|| E::custom(UnknownProvince(v.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Province, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(UnknownProvince(v.to_string())))
                    .and_then(|v| self.visit_u64(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_81_provinces_load_and_round_trip() {
        assert_eq!(Province::all().count(), 81);
        for p in Province::all() {
            assert_eq!(p.name().parse::<Province>(), Ok(p));
            assert_eq!(p.name().to_uppercase().parse::<Province>(), Ok(p));
            assert_eq!(format!("{:02}", p.plate()).parse::<Province>(), Ok(p));
        }
    }

    #[test]
    fn matched_without_turkish_letters_and_in_any_case() {
        for (text, name) in [
            ("ISTANBUL", "İstanbul"),
            ("izmir", "İzmir"),
            ("IĞDIR", "Iğdır"),
            ("igdir", "Iğdır"),
            ("sanliurfa", "Şanlıurfa"),
            ("Çankırı", "Çankırı"),
            ("canakkale", "Çanakkale"),
            ("Ankara İli", "Ankara"),
            ("mugla", "Muğla"),
            ("Afyon", "Afyonkarahisar"),
            ("34", "İstanbul"),
            ("6", "Ankara"),
        ] {
            assert_eq!(text.parse::<Province>().unwrap().name(), name, "{text}");
        }
        for bad in ["", "0", "82", "Ankaraa", "999"] {
            assert!(bad.parse::<Province>().is_err(), "{bad}");
        }
    }

    #[test]
    fn metropolitan_flag() {
        assert!("Ankara".parse::<Province>().unwrap().is_metropolitan());
        assert!(!"Bolu".parse::<Province>().unwrap().is_metropolitan());
    }
}
