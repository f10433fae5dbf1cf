//! Who must handle an application (DESIGN §2.4).
//!
//! Information requests and petitions go to the institution the applicant
//! names, else to the system operator (Başbakanlık under BİMER, İletişim
//! Başkanlığı under CİMER), with the concrete provincial or district unit when
//! the place is known. Ethics complaints go by the official's rank; human-rights
//! applications by date and by subject.
//!
//! The institution registry (`data/institutions.csv`) and the title list
//! (`data/official_titles.csv`) are data a deployment can replace.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::application::{OfficialGroup, Rank};
use crate::decision::Topic;
use crate::province::Province;
use crate::table;
use crate::text::fold;

/// What kind of body an institution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InstitutionKind {
    /// A ministry.
    Ministry,
    /// A central agency (SGK, Gelir İdaresi, YÖK…).
    Agency,
    /// Municipality, valilik.
    LocalGovernment,
    /// The system's own operator (Başbakanlık, İletişim Başkanlığı).
    SystemOperator,
    /// A body the system cannot forward to (courts, TBMM, KDK, YSK, HSK, Sayıştay).
    Unreachable,
}

/// One institution of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Institution {
    /// Registry code (`saglik_bakanligi`).
    pub code: String,
    /// Turkish name.
    pub name_tr: String,
    /// English name.
    pub name_en: String,
    /// What kind of body.
    pub kind: InstitutionKind,
    /// Topics it is the default competent body for.
    pub topics: Vec<Topic>,
    /// Provincial unit pattern with `{il}` (or `{belediye}`).
    pub province_unit: Option<String>,
    /// District unit pattern with `{ilce}`.
    pub district_unit: Option<String>,
    /// First day it exists, if bounded.
    pub valid_from: Option<NaiveDate>,
    /// Last day it exists, if bounded.
    pub valid_to: Option<NaiveDate>,
}

impl Institution {
    fn valid_on(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| date >= f) && self.valid_to.is_none_or(|t| date <= t)
    }

    /// The concrete unit for a place: the district unit when a district is
    /// given and the institution has one there, else the provincial unit,
    /// else `None` (the centre). A district named `Merkez` or like its
    /// province is the province centre.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Province, Registry};
    /// let reg = Registry::turkey();
    /// let ankara: Province = "ankara".parse().unwrap();
    /// let bolu: Province = "Bolu".parse().unwrap();
    /// let health = reg.get("saglik_bakanligi").unwrap();
    /// assert_eq!(health.unit(Some(ankara), None).as_deref(), Some("Ankara İl Sağlık Müdürlüğü"));
    /// let belediye = reg.get("belediye").unwrap();
    /// assert_eq!(belediye.unit(Some(ankara), None).as_deref(), Some("Ankara Büyükşehir Belediyesi"));
    /// assert_eq!(belediye.unit(Some(bolu), None).as_deref(), Some("Bolu Belediyesi"));
    /// assert_eq!(belediye.unit(Some(ankara), Some("Çankaya")).as_deref(), Some("Çankaya Belediyesi"));
    /// ```
    pub fn unit(&self, province: Option<Province>, district: Option<&str>) -> Option<String> {
        let province = province?;
        let district = district
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .filter(|d| {
                let key = fold(d);
                key != "merkez" && key != fold(province.name())
            });
        if let (Some(d), Some(pattern)) = (district, &self.district_unit) {
            return Some(pattern.replace("{ilce}", d));
        }
        let pattern = self.province_unit.as_ref()?;
        let belediye = if province.is_metropolitan() {
            format!("{} Büyükşehir Belediyesi", province.name())
        } else {
            format!("{} Belediyesi", province.name())
        };
        Some(
            pattern
                .replace("{belediye}", &belediye)
                .replace("{il}", province.name()),
        )
    }
}

/// Errors of the routing data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("routing data, {source_name} line {line}: {message}")]
pub struct RoutingDataError {
    /// Which table.
    pub source_name: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The institution registry.
#[derive(Debug, Clone)]
pub struct Registry {
    institutions: Vec<Institution>,
    by_code: HashMap<String, usize>,
}

fn topic_from_code(code: &str) -> Option<Topic> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

fn optional(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn optional_date(s: &str, column: &str) -> Result<Option<NaiveDate>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("{column} `{s}` is not a date in YYYY-MM-DD form"))
}

impl Registry {
    /// The bundled registry of current central government bodies,
    /// municipalities, valilik/kaymakamlık, the system operators and the
    /// bodies the system cannot reach.
    pub fn turkey() -> Registry {
        static TURKEY: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
        TURKEY
            .get_or_init(|| {
                Registry::from_csv(include_str!("../data/institutions.csv"))
                    .expect("bundled institutions.csv is valid (checked by tests)")
            })
            .clone()
    }

    /// Reads a registry in the format of `data/institutions.csv`.
    ///
    /// # Errors
    ///
    /// [`RoutingDataError`] naming the line: a missing column, an unknown
    /// kind or topic, a duplicate code, a bad date.
    pub fn from_csv(text: &str) -> Result<Registry, RoutingDataError> {
        let mut institutions: Vec<Institution> = Vec::new();
        let mut by_code = HashMap::new();
        table::read(
            text,
            &["code", "name_tr", "name_en", "kind", "topics"],
            |row| {
                let code = row.get("code").to_string();
                if code.is_empty() {
                    return Err("code is empty".into());
                }
                let kind = match row.get("kind") {
                    "ministry" => InstitutionKind::Ministry,
                    "agency" => InstitutionKind::Agency,
                    "local_government" => InstitutionKind::LocalGovernment,
                    "system_operator" => InstitutionKind::SystemOperator,
                    "unreachable" => InstitutionKind::Unreachable,
                    other => return Err(format!("unknown kind `{other}`")),
                };
                let topics = row
                    .get("topics")
                    .split_whitespace()
                    .map(|t| topic_from_code(t).ok_or_else(|| format!("unknown topic `{t}`")))
                    .collect::<Result<_, _>>()?;
                if by_code.insert(code.clone(), institutions.len()).is_some() {
                    return Err(format!("duplicate code `{code}`"));
                }
                institutions.push(Institution {
                    code,
                    name_tr: row.get("name_tr").to_string(),
                    name_en: row.get("name_en").to_string(),
                    kind,
                    topics,
                    province_unit: optional(row.get("province_unit")),
                    district_unit: optional(row.get("district_unit")),
                    valid_from: optional_date(row.get("valid_from"), "valid_from")?,
                    valid_to: optional_date(row.get("valid_to"), "valid_to")?,
                });
                Ok(())
            },
        )
        .map_err(|e| RoutingDataError {
            source_name: "institutions".into(),
            line: e.line,
            message: e.message,
        })?;
        Ok(Registry {
            institutions,
            by_code,
        })
    }

    /// The institution with registry code `code`.
    pub fn get(&self, code: &str) -> Option<&Institution> {
        self.by_code.get(code).map(|&i| &self.institutions[i])
    }

    /// All institutions in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Institution> {
        self.institutions.iter()
    }

    /// The default competent institution for `topic` on `date`.
    pub fn for_topic(&self, topic: Topic, date: NaiveDate) -> Option<&Institution> {
        self.institutions
            .iter()
            .find(|i| i.valid_on(date) && i.topics.contains(&topic))
    }
}

/// What a title says about an official.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleEntry {
    /// The title, folded (`genel mudur`).
    pub key: String,
    words: Vec<String>,
    /// Rank for ethics routing.
    pub rank: Rank,
    /// Group for the 5176 m.1/3 exclusions.
    pub group: OfficialGroup,
}

/// The list of official titles with their rank and group.
#[derive(Debug, Clone)]
pub struct Titles {
    entries: Vec<TitleEntry>,
}

impl Titles {
    /// The bundled list (`data/official_titles.csv`).
    pub fn turkey() -> Titles {
        static TURKEY: std::sync::OnceLock<Titles> = std::sync::OnceLock::new();
        TURKEY
            .get_or_init(|| {
                Titles::from_csv(include_str!("../data/official_titles.csv"))
                    .expect("bundled official_titles.csv is valid (checked by tests)")
            })
            .clone()
    }

    /// Reads a list in the format of `data/official_titles.csv`.
    ///
    /// # Errors
    ///
    /// [`RoutingDataError`] naming the line.
    pub fn from_csv(text: &str) -> Result<Titles, RoutingDataError> {
        let mut entries = Vec::new();
        table::read(text, &["title", "rank", "group"], |row| {
            let parse = |column: &str| serde_json::Value::String(row.get(column).to_string());
            let rank: Rank = serde_json::from_value(parse("rank"))
                .map_err(|_| format!("unknown rank `{}`", row.get("rank")))?;
            let group: OfficialGroup = serde_json::from_value(parse("group"))
                .map_err(|_| format!("unknown group `{}`", row.get("group")))?;
            let key = fold(row.get("title"));
            if key.is_empty() {
                return Err("title is empty".into());
            }
            let words = key.split(' ').map(String::from).collect();
            entries.push(TitleEntry {
                key,
                words,
                rank,
                group,
            });
            Ok(())
        })
        .map_err(|e| RoutingDataError {
            source_name: "official_titles".into(),
            line: e.line,
            message: e.message,
        })?;
        // Longest first, so "genel müdür yardımcısı" wins over "genel müdür".
        entries.sort_by(|a, b| b.key.len().cmp(&a.key.len()).then(a.key.cmp(&b.key)));
        Ok(Titles { entries })
    }

    /// The entry for the longest listed title found in `title` on word
    /// boundaries, ignoring case and Turkish letters.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Rank, Titles};
    /// let titles = Titles::turkey();
    /// let gm = titles.lookup("Tapu ve Kadastro Genel Müdürü").unwrap();
    /// assert_eq!(gm.rank, Rank::GeneralDirectorOrAbove);
    /// let deputy = titles.lookup("GENEL MUDUR YARDIMCISI").unwrap();
    /// assert_eq!(deputy.rank, Rank::BelowGeneralDirector);
    /// assert!(titles.lookup("Gezgin").is_none());
    /// ```
    pub fn lookup(&self, title: &str) -> Option<&TitleEntry> {
        let folded = fold(title);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        self.entries.iter().find(|e| {
            let n = e.words.len();
            words.windows(n).any(|window| {
                let (last, rest) = window.split_last().expect("titles have a word");
                let (key_last, key_rest) = e.words.split_last().expect("titles have a word");
                rest == key_rest
                    // Allow a Turkish possessive or case suffix on the last
                    // word: "genel müdürü", "valisi".
                    && last
                        .strip_prefix(key_last.as_str())
                        .is_some_and(|suffix| suffix.is_empty() || suffix_ok(suffix))
            })
        })
    }
}

/// Whether `suffix` (after a title word) is a short Turkish possessive or
/// case suffix: `ü`, `sü`, `si`, `ı`, `leri`… (folded).
fn suffix_ok(suffix: &str) -> bool {
    matches!(
        suffix,
        "u" | "i"
            | "su"
            | "si"
            | "nun"
            | "nin"
            | "na"
            | "ne"
            | "ya"
            | "ye"
            | "ler"
            | "lar"
            | "leri"
            | "lari"
            | "yu"
            | "yi"
    )
}

/// Routing data in one place.
#[derive(Debug, Clone)]
pub struct RoutingData {
    /// The institution registry.
    pub registry: Registry,
    /// The official titles.
    pub titles: Titles,
}

impl Default for RoutingData {
    fn default() -> Self {
        RoutingData {
            registry: Registry::turkey(),
            titles: Titles::turkey(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn bundled_registry_covers_every_topic_on_both_sides_of_2018() {
        let reg = Registry::turkey();
        let topics: Vec<Topic> = serde_json::from_str(
            r#"["health","education","higher_education","municipal","social_security","labour",
            "tax","land_registry","security","justice","transport","environment_urban","agriculture",
            "family_social","religious_affairs","energy","trade_consumer","civil_registry",
            "foreign_affairs","culture_tourism","youth_sports","industry_technology","defense","other"]"#,
        )
        .unwrap();
        assert_eq!(topics.len(), 24);
        for date in ["2006-01-20", "2018-07-08", "2018-07-09", "2026-11-29"] {
            let date: NaiveDate = date.parse().unwrap();
            for t in &topics {
                assert!(reg.for_topic(*t, date).is_some(), "{t:?} on {date}");
            }
        }
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            reg.for_topic(Topic::Other, d("2018-07-08")).unwrap().code,
            "basbakanlik"
        );
        assert_eq!(
            reg.for_topic(Topic::Other, d("2018-07-09")).unwrap().code,
            "iletisim_baskanligi"
        );
        for code in ["mahkeme", "tbmm", "kdk", "ysk", "hsk", "sayistay"] {
            assert_eq!(
                reg.get(code).unwrap().kind,
                InstitutionKind::Unreachable,
                "{code}"
            );
        }
    }

    #[test]
    fn units_by_place() {
        let reg = Registry::turkey();
        let kadikoy = reg
            .get("milli_egitim_bakanligi")
            .unwrap()
            .unit("istanbul".parse().ok(), Some("Kadıköy"));
        assert_eq!(
            kadikoy.as_deref(),
            Some("Kadıköy İlçe Millî Eğitim Müdürlüğü")
        );
        let sgk = reg.get("sgk").unwrap();
        assert_eq!(
            sgk.unit("izmir".parse().ok(), Some("Bornova")).as_deref(),
            Some("İzmir Sosyal Güvenlik İl Müdürlüğü")
        );
        assert_eq!(sgk.unit(None, Some("Bornova")), None);
        let valilik = reg.get("valilik").unwrap();
        assert_eq!(
            valilik.unit("Bolu".parse().ok(), Some("Merkez")).as_deref(),
            Some("Bolu Valiliği")
        );
        assert_eq!(
            reg.get("yok").unwrap().unit("Ankara".parse().ok(), None),
            None
        );
    }

    #[test]
    fn bad_registry_rows_name_their_line() {
        let header =
            "code,name_tr,name_en,kind,topics,province_unit,district_unit,valid_from,valid_to\n";
        let e = Registry::from_csv(&format!("{header}x,X,X,castle,,,,,\n")).unwrap_err();
        assert_eq!(e.line, 2);
        let e = Registry::from_csv(&format!("{header}x,X,X,agency,magic,,,,\n")).unwrap_err();
        assert!(e.message.contains("magic"));
        let e = Registry::from_csv(&format!("{header}x,X,X,agency,,,,,\nx,X,X,agency,,,,,\n"))
            .unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn titles_match_on_word_boundaries_and_suffixes() {
        let t = Titles::turkey();
        assert_eq!(t.lookup("Ankara Valisi").unwrap().key, fold("vali"));
        assert_eq!(
            t.lookup("Vali Yardımcısı").unwrap().rank,
            Rank::BelowGeneralDirector
        );
        assert!(t.lookup("Cavalier").is_none()); // "vali" inside a word
        assert_eq!(
            t.lookup("milletvekili").unwrap().group,
            OfficialGroup::MemberOfParliament
        );
        assert_eq!(t.lookup("Hakim").unwrap().group, OfficialGroup::Judiciary);
        for (title, key) in [
            ("Sağlık Bakanı", "bakan"),
            ("Karayolları Genel Müdürü", "genel mudur"),
            ("Tapu Müdürü", "mudur"),
            ("Bölük Komutanı", "komutan"),
        ] {
            assert_eq!(
                t.lookup(title).map(|e| e.key.as_str()),
                Some(key),
                "{title}"
            );
        }
        assert_eq!(
            t.lookup("Sağlık Bakanı").unwrap().group,
            OfficialGroup::Minister
        );
    }
}
