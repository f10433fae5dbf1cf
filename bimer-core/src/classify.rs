//! Classification of free-text applications (DESIGN §2.6): category,
//! petition kind and topic, each with a calibrated confidence and the terms
//! that decided it.
//!
//! # How it works
//!
//! 1. Subject and text are folded ([`FoldedText`]): Turkish lowercase, ASCII
//!    letters, punctuation dropped, so `ŞİKÂYET`, `Şikayet` and `sikayet` are
//!    one word.
//! 2. One pass over each folded text finds every lexicon term. Terms are
//!    anchored at word starts and matched in one of four ways: `stem` (the
//!    last word may carry Turkish suffixes: `hastane` finds `hastanede`, see
//!    [`stem_matches`](crate::text::stem_matches)), `word` (exactly), `prefix` (any continuation:
//!    `talep ed` finds `talep ediyorum`) or `ending` (words ending so: `meli`
//!    finds `verilmeli`, a mood that marks a suggestion).
//! 3. Each distinct term counts once, for every label it carries, with its
//!    weight (a subject match weighs more: the applicant chose those words).
//!    A label's score is its prior plus those weights.
//! 4. Per question (category, petition kind, topic) the scores go through a
//!    softmax with a temperature fitted on the validation part of the corpus,
//!    so a reported confidence of 0.8 is right about 80% of the time there.
//! 5. A petition is what remains when no other category has evidence, and
//!    that inference is only as good as the amount of text recognised: the
//!    category's confidence is discounted by `1 - exp(-mass / scale)`, where
//!    `mass` is the total weight, for or against any category, of the terms
//!    found. A text with nothing recognised has confidence 0 and needs
//!    review, whatever the priors say.
//!
//! Facts the officer should check (a court case, discrimination, detention,
//! a private dispute) are suggested with their evidence, never decided.
//!
//! The lexicon, its weights and the calibration are data
//! (`data/lexicon.csv`, whose format [`Classifier::from_lexicon`] describes);
//! a deployment loads its own with [`Classifier::from_lexicon`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::application::{Category, PetitionKind};
use crate::decision::{Classification, Evidence, Topic};
use crate::table;
use crate::text::{is_suffix_chain, is_vowel, softened, FoldedText};

/// A fact the text suggests. The names are the fields of
/// [`Facts`](crate::Facts) the officer may set after reading the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The matter seems to be before a court (3071 m.6-b).
    PendingInCourt,
    /// A court seems to have decided the matter.
    DecidedByCourt,
    /// The text alleges discrimination (6701 m.3).
    Discrimination,
    /// Someone seems deprived of liberty or in care (6701 m.9/1-i).
    DeprivedOfLiberty,
    /// A dispute between private parties seems to be the matter.
    PrivateLawDispute,
}

/// A fact suggested to the officer, with the terms that suggest it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestedFact {
    /// The fact.
    pub fact: Fact,
    /// Why.
    pub evidence: Vec<Evidence>,
}

/// Which part of the application a term matched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// The subject line.
    Subject,
    /// The body text.
    Text,
}

/// A lexicon that cannot be read: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("lexicon line {line}: {message}")]
pub struct LexiconError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

const CATEGORIES: [Category; 4] = [
    Category::InformationRequest,
    Category::Petition,
    Category::EthicsComplaint,
    Category::HumanRights,
];
const KINDS: [PetitionKind; 5] = [
    PetitionKind::Request,
    PetitionKind::Complaint,
    PetitionKind::Report,
    PetitionKind::Suggestion,
    PetitionKind::Thanks,
];
const TOPICS: [Topic; 24] = [
    Topic::Health,
    Topic::Education,
    Topic::HigherEducation,
    Topic::Municipal,
    Topic::SocialSecurity,
    Topic::Labour,
    Topic::Tax,
    Topic::LandRegistry,
    Topic::Security,
    Topic::Justice,
    Topic::Transport,
    Topic::EnvironmentUrban,
    Topic::Agriculture,
    Topic::FamilySocial,
    Topic::ReligiousAffairs,
    Topic::Energy,
    Topic::TradeConsumer,
    Topic::CivilRegistry,
    Topic::ForeignAffairs,
    Topic::CultureTourism,
    Topic::YouthSports,
    Topic::IndustryTechnology,
    Topic::Defense,
    Topic::Other,
];
const FACTS: [Fact; 5] = [
    Fact::PendingInCourt,
    Fact::DecidedByCourt,
    Fact::Discrimination,
    Fact::DeprivedOfLiberty,
    Fact::PrivateLawDispute,
];

/// Every label has a slot in one flat score array, question by question.
const CATEGORY_SLOTS: std::ops::Range<usize> = 0..4;
const KIND_SLOTS: std::ops::Range<usize> = 4..9;
const TOPIC_SLOTS: std::ops::Range<usize> = 9..33;
const FACT_SLOTS: std::ops::Range<usize> = 33..38;
const SLOTS: usize = 38;

/// The snake_case code of a wire enum value.
fn code_of<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The index of the value whose code is `code`.
fn index_of<T: Serialize + Copy>(all: &[T], code: &str) -> Option<usize> {
    all.iter().position(|&v| code_of(v) == code)
}

/// `category:petition`, `topic:health`…, by slot.
fn slot_name(slot: usize) -> &'static str {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let with = |question: &str, code: String| format!("{question}:{code}");
        CATEGORIES
            .iter()
            .map(|&c| with("category", code_of(c)))
            .chain(KINDS.iter().map(|&k| with("petition_kind", code_of(k))))
            .chain(TOPICS.iter().map(|&t| with("topic", code_of(t))))
            .chain(FACTS.iter().map(|&f| with("fact", code_of(f))))
            .collect()
    });
    names.get(slot).map_or("", String::as_str)
}

fn parse_label(label: &str) -> Option<usize> {
    let (question, code) = label.split_once(':')?;
    let (all_index, slots) = match question {
        "category" => (index_of(&CATEGORIES, code), CATEGORY_SLOTS),
        "petition_kind" => (index_of(&KINDS, code), KIND_SLOTS),
        "topic" => (index_of(&TOPICS, code), TOPIC_SLOTS),
        "fact" => (index_of(&FACTS, code), FACT_SLOTS),
        _ => return None,
    };
    Some(slots.start + all_index?)
}

/// How a term meets the words of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Mode {
    /// The last word may carry Turkish suffixes.
    Stem,
    /// Exactly, as whole words.
    Word,
    /// The last word may continue with anything.
    Prefix,
    /// A word ends with the term (after at least two letters of stem).
    Ending,
}

/// A lexicon term and what it counts for.
#[derive(Debug, Clone)]
struct Term {
    /// As the lexicon writes it (shown in evidence).
    text: String,
    /// (slot, weight) for each label it carries.
    labels: Vec<(usize, f64)>,
}

/// One way a trie node completes a term.
#[derive(Debug, Clone, Copy)]
struct Entry {
    term: u32,
    mode: Mode,
    /// The stem's last consonant was softened (`sokag` for `sokak`): a vowel
    /// suffix must follow.
    softened: bool,
}

/// Folded bytes a dense trie row indexes: `a`–`z`, `0`–`9` and the space
/// between words; class 0 is any other byte, which no term contains.
const CLASSES: usize = 38;
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 26 {
        table[b'a' as usize + i] = 1 + i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        table[b'0' as usize + d] = 27 + d as u8;
        d += 1;
    }
    table[b' ' as usize] = 37;
    table
};

/// A byte trie over folded terms, laid out for the scan: the root's and the
/// first level's edges are dense tables (those nodes have many edges and
/// every word visits them), every deeper node's edges a short sorted run;
/// nodes are numbered breadth first, so the first level is nodes
/// `1..=first_level` and the shallow levels sit together in cache. Node 0 is
/// the root; a step to 0 means "no edge" (nothing points back to the root).
/// An edge's target carries [`Trie::ENDS`] when terms end at that node, so
/// most steps never look at the entries.
#[derive(Debug, Clone)]
struct Trie {
    root: [u32; 256],
    /// How many nodes the first level has.
    first_level: u32,
    /// Their edges: row `node - 1`, [`CLASSES`] wide, indexed by [`CLASS`].
    first_rows: Vec<u32>,
    /// Per node: its edges are `edge_bytes/edge_targets[edges[n]..edges[n + 1]]`.
    edges: Vec<u32>,
    edge_bytes: Vec<u8>,
    edge_targets: Vec<u32>,
    /// Per node: the entries ending there are `entries[ends[n]..ends[n + 1]]`.
    ends: Vec<u32>,
    entries: Vec<Entry>,
}

impl Trie {
    /// Marks an edge target at which entries end.
    const ENDS: u32 = 1 << 31;

    fn build(keys: &[(Vec<u8>, Entry)]) -> Trie {
        // A plain tree first, then renumbered breadth first.
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut at_node: Vec<Vec<Entry>> = vec![Vec::new()];
        for (key, entry) in keys {
            let mut node = 0;
            for &b in key {
                node = match children[node].iter().find(|&&(c, _)| c == b) {
                    Some(&(_, child)) => child,
                    None => {
                        children.push(Vec::new());
                        at_node.push(Vec::new());
                        let child = children.len() - 1;
                        children[node].push((b, child));
                        child
                    }
                };
            }
            at_node[node].push(*entry);
        }
        let mut order = vec![0usize];
        let mut next = 0;
        while next < order.len() {
            let node = order[next];
            children[node].sort_unstable_by_key(|&(b, _)| b);
            order.extend(children[node].iter().map(|&(_, child)| child));
            next += 1;
        }
        let mut number = vec![0u32; children.len()];
        for (new, &old) in order.iter().enumerate() {
            number[old] = new as u32;
        }
        let target = |old: usize| {
            number[old]
                | if at_node[old].is_empty() {
                    0
                } else {
                    Trie::ENDS
                }
        };
        let first_level = children[0].len();
        let mut trie = Trie {
            root: [0; 256],
            first_level: first_level as u32,
            first_rows: vec![0; first_level * CLASSES],
            edges: vec![0],
            edge_bytes: Vec::new(),
            edge_targets: Vec::new(),
            ends: vec![0],
            entries: Vec::new(),
        };
        for (new, &old) in order.iter().enumerate() {
            if (1..=first_level).contains(&new) {
                let row = (new - 1) * CLASSES;
                for &(b, child) in &children[old] {
                    trie.first_rows[row + usize::from(CLASS[usize::from(b)])] = target(child);
                }
            }
            for &(b, child) in &children[old] {
                if old == 0 {
                    trie.root[usize::from(b)] = target(child);
                }
                trie.edge_bytes.push(b);
                trie.edge_targets.push(target(child));
            }
            trie.edges.push(trie.edge_bytes.len() as u32);
            trie.entries.extend(&at_node[old]);
            trie.ends.push(trie.entries.len() as u32);
        }
        trie
    }

    /// The edge from `node` on `byte` (0 when none), with the ENDS mark.
    #[inline]
    fn step(&self, node: u32, byte: u8) -> u32 {
        if node == 0 {
            return self.root[usize::from(byte)];
        }
        if node <= self.first_level {
            return match CLASS[usize::from(byte)] {
                0 => 0,
                class => self.first_rows[(node as usize - 1) * CLASSES + usize::from(class)],
            };
        }
        let n = node as usize;
        let (from, to) = (self.edges[n] as usize, self.edges[n + 1] as usize);
        match self.edge_bytes[from..to].iter().position(|&b| b == byte) {
            Some(i) => self.edge_targets[from + i],
            None => 0,
        }
    }

    /// The entries ending at a node reached by an edge marked ENDS.
    #[inline]
    fn entries_at(&self, target: u32) -> &[Entry] {
        let n = (target & !Trie::ENDS) as usize;
        &self.entries[self.ends[n] as usize..self.ends[n + 1] as usize]
    }
}

/// Calibration and decision settings, from the lexicon's `setting` rows.
#[derive(Debug, Clone, Copy)]
struct Settings {
    /// A subject match weighs this many times a text match.
    subject_weight: f64,
    /// Softmax temperatures: category, petition kind, topic.
    temperature: [f64; 3],
    /// Below this category confidence the classification needs review.
    review_below: f64,
    /// A declared category is contradicted only at this confidence or above.
    mismatch_above: f64,
    /// A fact is suggested when its score reaches this.
    fact_above: f64,
    /// Evidence mass at which the category keeps 63% of its confidence.
    evidence_scale: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            subject_weight: 1.5,
            temperature: [1.0; 3],
            review_below: 0.6,
            mismatch_above: 0.9,
            fact_above: 1.5,
            evidence_scale: 1.0,
        }
    }
}

#[derive(Debug)]
struct Lexicon {
    terms: Vec<Term>,
    forward: Trie,
    /// Ending terms, reversed, walked from a word's last byte.
    backward: Trie,
    prior: [f64; SLOTS],
    settings: Settings,
}

/// The classifier: a lexicon compiled for one-pass matching.
///
/// Cloning is cheap (the compiled lexicon is shared).
///
/// # Example
///
/// ```
/// use bimer_core::{Category, Classifier, PetitionKind, Topic};
/// let classifier = Classifier::default();
/// let c = classifier.classify("", "Hastanede doktor bana kötü davrandı, şikayetçiyim");
/// assert_eq!(c.category, Category::Petition);
/// assert_eq!(c.petition_kind, Some(PetitionKind::Complaint));
/// assert_eq!(c.topic, Topic::Health);
/// assert!(c.evidence.iter().any(|e| e.matched == "Hastanede" && e.label == "topic:health"));
/// ```
#[derive(Clone)]
pub struct Classifier {
    lexicon: Arc<Lexicon>,
}

impl std::fmt::Debug for Classifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Classifier")
            .field("terms", &self.lexicon.terms.len())
            .field("settings", &self.lexicon.settings)
            .finish_non_exhaustive()
    }
}

impl Default for Classifier {
    /// The bundled lexicon (`data/lexicon.csv`).
    fn default() -> Self {
        static BUNDLED: OnceLock<Classifier> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                Classifier::from_lexicon(include_str!("../data/lexicon.csv"))
                    .expect("bundled lexicon.csv is valid (checked by tests)")
            })
            .clone()
    }
}

/// Classifies with the bundled lexicon ([`Classifier::default`]).
///
/// # Example
///
/// ```
/// use bimer_core::{classify, Category};
/// let c = classify("Bilgi edinme", "4982 sayılı Kanun uyarınca ihale kararlarının bir örneğini talep ediyorum.");
/// assert_eq!(c.category, Category::InformationRequest);
/// assert!(!c.needs_review);
/// assert_eq!(c.petition_kind, None);
/// ```
pub fn classify(subject: &str, text: &str) -> Classification {
    Classifier::default().classify(subject, text)
}

impl Classifier {
    /// Compiles a lexicon in the format of `data/lexicon.csv`: CSV with the
    /// columns `label,term,match,weight,note`; lines starting with `#` are
    /// comments. `label` is `category:…`, `petition_kind:…`, `topic:…`,
    /// `fact:…` or `setting`; `term` is Turkish as usually written, or `*`
    /// for the label's prior; `match` is `stem` (the default), `word`,
    /// `prefix` or `ending`.
    ///
    /// # Errors
    ///
    /// [`LexiconError`] naming the line: an unknown label, match or setting,
    /// a weight that is not a finite number, a term that folds to nothing,
    /// an `ending` term of several words.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Classifier, Topic};
    /// let lexicon = "label,term,match,weight,note\n\
    ///                ## a comment: rustdoc shows this line with one `#`\n\
    ///                topic:energy,rüzgâr santrali,,3,\n\
    ///                topic:other,*,,0.5,prior\n";
    /// let c = Classifier::from_lexicon(lexicon)?;
    /// assert_eq!(c.classify("", "RÜZGAR SANTRALİNİN gürültüsü").topic, Topic::Energy);
    /// let err = Classifier::from_lexicon("label,term,match,weight,note\ntopic:space,x,,1,\n").unwrap_err();
    /// assert_eq!(err.line, 2);
    /// # Ok::<(), bimer_core::LexiconError>(())
    /// ```
    pub fn from_lexicon(text: &str) -> Result<Classifier, LexiconError> {
        // Comments become blank lines, which the table reader skips while
        // keeping the line numbers of errors right.
        let without_comments: String = text
            .lines()
            .map(|l| {
                if l.trim_start().starts_with('#') {
                    ""
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut terms: Vec<Term> = Vec::new();
        let mut by_key: HashMap<(String, Mode), usize> = HashMap::new();
        let mut prior = [0.0; SLOTS];
        let mut settings = Settings::default();
        table::read(
            &without_comments,
            &["label", "term", "match", "weight"],
            |row| {
                let weight: f64 = row
                    .get("weight")
                    .parse()
                    .ok()
                    .filter(|w: &f64| w.is_finite())
                    .ok_or_else(|| format!("weight `{}` is not a number", row.get("weight")))?;
                let (label, term) = (row.get("label"), row.get("term"));
                if label == "setting" {
                    return set(&mut settings, term, weight);
                }
                let slot = parse_label(label).ok_or_else(|| {
                    format!("unknown label `{label}` (category:…, petition_kind:…, topic:…, fact:… or setting)")
                })?;
                if term == "*" {
                    prior[slot] += weight;
                    return Ok(());
                }
                let mode = match row.get("match") {
                    "" | "stem" => Mode::Stem,
                    "word" => Mode::Word,
                    "prefix" => Mode::Prefix,
                    "ending" => Mode::Ending,
                    other => {
                        return Err(format!(
                            "unknown match `{other}` (stem, word, prefix or ending)"
                        ))
                    }
                };
                let key = FoldedText::new(term).key().to_string();
                if key.is_empty() {
                    return Err(format!("term `{term}` has no letters or digits"));
                }
                if mode == Mode::Ending && key.contains(' ') {
                    return Err(format!("an ending is one word, not `{term}`"));
                }
                let index = *by_key.entry((key, mode)).or_insert_with(|| {
                    terms.push(Term {
                        text: term.to_string(),
                        labels: Vec::new(),
                    });
                    terms.len() - 1
                });
                match terms[index].labels.iter_mut().find(|(s, _)| *s == slot) {
                    Some((_, w)) => *w += weight,
                    None => terms[index].labels.push((slot, weight)),
                }
                Ok(())
            },
        )
        .map_err(|e| LexiconError {
            line: e.line,
            message: e.message,
        })?;

        let mut forward_keys = Vec::new();
        let mut backward_keys = Vec::new();
        let mut keyed: Vec<_> = by_key.into_iter().collect();
        keyed.sort_by_key(|&(_, index)| index); // deterministic tries
        for ((key, mode), index) in keyed {
            let entry = |softened| Entry {
                term: index as u32,
                mode,
                softened,
            };
            let bytes = key.into_bytes();
            if mode == Mode::Ending {
                backward_keys.push((bytes.iter().rev().copied().collect(), entry(false)));
                continue;
            }
            // `sokak` also as `sokag` (sokağa): see text::stem_matches.
            let last_word = bytes.rsplit(|&b| b == b' ').next().unwrap_or(&[]);
            if let (Mode::Stem, Some(&last)) = (mode, last_word.last()) {
                if let Some(soft) = softened(last).filter(|_| last_word.len() >= 4) {
                    let mut variant = bytes.clone();
                    if let Some(end) = variant.last_mut() {
                        *end = soft;
                    }
                    forward_keys.push((variant, entry(true)));
                }
            }
            forward_keys.push((bytes, entry(false)));
        }
        Ok(Classifier {
            lexicon: Arc::new(Lexicon {
                terms,
                forward: Trie::build(&forward_keys),
                backward: Trie::build(&backward_keys),
                prior,
                settings,
            }),
        })
    }

    /// Classifies an application's subject and text. Never fails: an empty
    /// or meaningless text gets low confidences and `needs_review`.
    pub fn classify(&self, subject: &str, text: &str) -> Classification {
        self.classify_in_scratch(subject, text, true)
    }

    /// [`classify`](Self::classify) without building the evidence (empty
    /// `evidence` and `suggested_facts`): for triage, which shows a
    /// classification only when it disagrees with the declared category.
    pub(crate) fn classify_without_evidence(&self, subject: &str, text: &str) -> Classification {
        self.classify_in_scratch(subject, text, false)
    }

    fn classify_in_scratch(&self, subject: &str, text: &str, evidence: bool) -> Classification {
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => self.classify_with(&mut scratch, subject, text, evidence),
            Err(_) => self.classify_with(&mut Scratch::default(), subject, text, evidence),
        })
    }

    /// Whether a confidence is high enough to act on (the lexicon's
    /// `review_below` setting).
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::Classifier;
    /// let classifier = Classifier::default();
    /// let c = classifier.classify("", "Mahallemizdeki parkın bankları kırık.");
    /// assert_eq!(classifier.is_confident(c.confidence), !c.needs_review);
    /// ```
    pub fn is_confident(&self, confidence: f64) -> bool {
        confidence >= self.lexicon.settings.review_below
    }

    /// Whether `classification` confidently contradicts a declared category
    /// (the lexicon's `mismatch_above` setting): a `CATEGORY_MISMATCH`.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{Category, Classifier};
    /// let classifier = Classifier::default();
    /// let c = classifier.classify("Etik ihlali", "5176 sayılı Kanun kapsamında: müdür rüşvet istedi.");
    /// assert!(classifier.contradicts(Category::InformationRequest, &c));
    /// assert!(!classifier.contradicts(Category::EthicsComplaint, &c));
    /// ```
    pub fn contradicts(&self, declared: Category, classification: &Classification) -> bool {
        classification.category != declared
            && classification.confidence >= self.lexicon.settings.mismatch_above
    }

    /// The bare multi-pattern scan, for benchmarks: how many lexicon
    /// patterns occur in an already folded key (terms from each word start,
    /// endings from each word end), without suffix checks, scoring or
    /// evidence. It is the floor that [`Classifier::classify`] is measured
    /// against.
    ///
    /// # Example
    ///
    /// ```
    /// use bimer_core::{text::FoldedText, Classifier};
    /// let classifier = Classifier::default();
    /// let key = FoldedText::new("HASTANEDE bekletildik");
    /// assert!(classifier.count_term_hits(key.key()) >= 2);
    /// ```
    pub fn count_term_hits(&self, folded_key: &str) -> usize {
        let lex = &self.lexicon;
        let mut count = 0;
        for_each_word(folded_key.as_bytes(), |key, start, end| {
            let mut node = 0;
            for &b in &key[start..] {
                node = lex.forward.step(node & !Trie::ENDS, b);
                if node == 0 {
                    break;
                }
                if node & Trie::ENDS != 0 {
                    count += lex.forward.entries_at(node).len();
                }
            }
            let mut node = 0;
            for &b in key[start..end].iter().rev() {
                node = lex.backward.step(node & !Trie::ENDS, b);
                if node == 0 {
                    break;
                }
                if node & Trie::ENDS != 0 {
                    count += lex.backward.entries_at(node).len();
                }
            }
        });
        count
    }

    fn classify_with(
        &self,
        scratch: &mut Scratch,
        subject: &str,
        text: &str,
        with_evidence: bool,
    ) -> Classification {
        let lex = &*self.lexicon;
        scratch.begin(lex.terms.len());
        scratch.subject.fold(subject);
        scratch.text.fold(text);
        let Scratch {
            subject: folded_subject,
            text: folded_text,
            hits,
            seen,
            generation,
        } = scratch;
        for (field, folded) in [
            (TextField::Subject, &*folded_subject),
            (TextField::Text, &*folded_text),
        ] {
            lex.scan(folded.key_bytes(), |term, start, end| {
                // Each term counts once; the subject is scanned first.
                if seen[term as usize] != *generation {
                    seen[term as usize] = *generation;
                    hits.push(Hit {
                        term,
                        field,
                        start,
                        end,
                    });
                }
            });
        }

        let weight_of = |hit: &Hit, w: f64| match hit.field {
            TextField::Subject => w * lex.settings.subject_weight,
            TextField::Text => w,
        };
        let mut score = lex.prior;
        let mut mass = 0.0;
        for hit in hits.iter() {
            for &(slot, w) in &lex.terms[hit.term as usize].labels {
                score[slot] += weight_of(hit, w);
                if CATEGORY_SLOTS.contains(&slot) {
                    mass += weight_of(hit, w).abs();
                }
            }
        }
        let [t_category, t_kind, t_topic] = lex.settings.temperature;
        let (category_slot, category_p) = softmax_best(&score, CATEGORY_SLOTS, t_category);
        let category_p = category_p * (1.0 - (-mass / lex.settings.evidence_scale).exp());
        let (topic_slot, topic_p) = softmax_best(&score, TOPIC_SLOTS, t_topic);
        let category = CATEGORIES[category_slot - CATEGORY_SLOTS.start];
        let kind =
            (category == Category::Petition).then(|| softmax_best(&score, KIND_SLOTS, t_kind));

        let quote = |hit: &Hit| match hit.field {
            TextField::Subject => folded_subject.original(hit.start..hit.end, subject),
            TextField::Text => folded_text.original(hit.start..hit.end, text),
        };
        let evidence_for = |slots: &[usize]| {
            // (slot, weight, hit, term) first, strings only for what is kept.
            let mut found: Vec<(usize, f64, &Hit, &Term)> = Vec::new();
            for hit in hits.iter() {
                let term = &lex.terms[hit.term as usize];
                for &(slot, w) in &term.labels {
                    if slots.contains(&slot) {
                        found.push((slot, round3(weight_of(hit, w)), hit, term));
                    }
                }
            }
            // By question, then the heaviest first.
            found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            found
                .into_iter()
                .map(|(slot, weight, hit, term)| Evidence {
                    term: term.text.clone(),
                    weight,
                    label: std::borrow::Cow::Borrowed(slot_name(slot)),
                    field: Some(hit.field),
                    matched: quote(hit).to_string(),
                })
                .collect::<Vec<_>>()
        };
        let decided = [
            category_slot,
            topic_slot,
            kind.map_or(usize::MAX, |(slot, _)| slot),
        ];
        let suggested_facts = FACT_SLOTS
            .filter(|&slot| with_evidence && score[slot] >= lex.settings.fact_above)
            .map(|slot| SuggestedFact {
                fact: FACTS[slot - FACT_SLOTS.start],
                evidence: evidence_for(&[slot]),
            })
            .collect();

        Classification {
            category,
            confidence: round3(category_p),
            petition_kind: kind.map(|(slot, _)| KINDS[slot - KIND_SLOTS.start]),
            petition_kind_confidence: kind.map(|(_, p)| round3(p)),
            topic: TOPICS[topic_slot - TOPIC_SLOTS.start],
            topic_confidence: round3(topic_p),
            needs_review: !self.is_confident(category_p),
            evidence: if with_evidence {
                evidence_for(&decided)
            } else {
                Vec::new()
            },
            suggested_facts,
        }
    }
}

impl Lexicon {
    /// Calls `hit(term, start, end)` for every term found in a folded key,
    /// with the key range of the words it covers.
    fn scan(&self, key: &[u8], mut hit: impl FnMut(u32, usize, usize)) {
        for_each_word(key, |key, start, end| {
            // Forward: terms starting at this word, possibly spanning the
            // next words.
            let mut node = 0;
            let mut at = start;
            while at < key.len() {
                node = self.forward.step(node & !Trie::ENDS, key[at]);
                if node == 0 {
                    break;
                }
                at += 1;
                if node & Trie::ENDS == 0 {
                    continue;
                }
                let entries = self.forward.entries_at(node);
                let word_end = if at <= end { end } else { word_end(key, at) };
                let rest = &key[at..word_end];
                for e in entries {
                    let fits = match e.mode {
                        Mode::Word => rest.is_empty(),
                        Mode::Prefix => true,
                        Mode::Stem if e.softened => {
                            rest.first().is_some_and(|&b| is_vowel(b)) && is_suffix_chain(rest)
                        }
                        Mode::Stem => is_suffix_chain(rest),
                        Mode::Ending => false,
                    };
                    if fits {
                        hit(e.term, start, word_end);
                    }
                }
            }
            // Backward: endings of this word, leaving a stem of two letters.
            let mut node = 0;
            let mut at = end;
            while at > start + 2 {
                at -= 1;
                node = self.backward.step(node & !Trie::ENDS, key[at]);
                if node == 0 {
                    break;
                }
                if node & Trie::ENDS != 0 {
                    for e in self.backward.entries_at(node) {
                        hit(e.term, start, end);
                    }
                }
            }
        });
    }
}

/// Calls `each(key, start, end)` for every word of a folded key.
#[inline]
fn for_each_word(key: &[u8], mut each: impl FnMut(&[u8], usize, usize)) {
    let mut start = 0;
    while start < key.len() {
        let end = word_end(key, start);
        each(key, start, end);
        start = end + 1;
    }
}

#[inline]
fn word_end(key: &[u8], from: usize) -> usize {
    key[from..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(key.len(), |p| from + p)
}

/// The best slot of `slots` and its softmax probability at `temperature`.
fn softmax_best(
    score: &[f64; SLOTS],
    slots: std::ops::Range<usize>,
    temperature: f64,
) -> (usize, f64) {
    let mut best = slots.start;
    for slot in slots.clone() {
        if score[slot] > score[best] {
            best = slot;
        }
    }
    let top = score[best];
    // Labels without evidence share their prior's score (mostly 0): reuse
    // the last exponential instead of recomputing it for each.
    let mut last = (f64::NAN, 0.0);
    let mut total = 0.0;
    for slot in slots {
        if score[slot] != last.0 {
            last = (score[slot], ((score[slot] - top) / temperature).exp());
        }
        total += last.1;
    }
    // total >= 1 (the best slot contributes exp(0)).
    (best, 1.0 / total)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn set(settings: &mut Settings, name: &str, value: f64) -> Result<(), String> {
    let positive = |v: f64| {
        if v > 0.0 {
            Ok(v)
        } else {
            Err(format!("setting `{name}` must be positive, not {v}"))
        }
    };
    let probability = |v: f64| {
        if (0.0..=1.0).contains(&v) {
            Ok(v)
        } else {
            Err(format!("setting `{name}` must be in [0, 1], not {v}"))
        }
    };
    match name {
        "subject_weight" => settings.subject_weight = positive(value)?,
        "temperature.category" => settings.temperature[0] = positive(value)?,
        "temperature.petition_kind" => settings.temperature[1] = positive(value)?,
        "temperature.topic" => settings.temperature[2] = positive(value)?,
        "review_below" => settings.review_below = probability(value)?,
        "mismatch_above" => settings.mismatch_above = probability(value)?,
        "fact_above" => settings.fact_above = value,
        "evidence_scale" => settings.evidence_scale = positive(value)?,
        other => return Err(format!("unknown setting `{other}`")),
    }
    Ok(())
}

/// A term found in a field, at a key range of that field.
#[derive(Debug, Clone, Copy)]
struct Hit {
    term: u32,
    field: TextField,
    start: usize,
    end: usize,
}

/// Buffers reused across calls on one thread, so classifying a stream of
/// applications allocates only while they grow.
#[derive(Default)]
struct Scratch {
    subject: FoldedText,
    text: FoldedText,
    hits: Vec<Hit>,
    /// Per term: the generation that last counted it.
    seen: Vec<u32>,
    generation: u32,
}

impl Scratch {
    fn begin(&mut self, terms: usize) {
        self.hits.clear();
        if self.seen.len() < terms {
            self.seen.resize(terms, 0);
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Wrapped: forget every mark so none looks current.
            self.seen.iter_mut().for_each(|g| *g = 0);
            self.generation = 1;
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lexicon(rows: &str) -> Classifier {
        Classifier::from_lexicon(&format!("label,term,match,weight,note\n{rows}")).unwrap()
    }

    #[test]
    fn bundled_lexicon_loads() {
        let c = Classifier::default();
        assert!(c.lexicon.terms.len() > 500, "{c:?}");
    }

    #[test]
    fn match_modes() {
        let c = lexicon(
            "category:petition,*,,1,so that the kind is decided\n\
             topic:health,hastane,stem,1,\n\
             topic:tax,vergi,word,1,\n\
             petition_kind:request,talep ed,prefix,1,\n\
             petition_kind:suggestion,meli,ending,1,\n\
             topic:municipal,sokak,stem,1,\n",
        );
        let found = |text: &str| -> Vec<String> {
            let mut terms: Vec<String> = c
                .classify("", text)
                .evidence
                .into_iter()
                .map(|e| e.term)
                .collect();
            terms.sort();
            terms
        };
        assert_eq!(found("Hastanelerimizden"), ["hastane"]);
        assert!(found("hastalık").is_empty());
        assert_eq!(found("vergi"), ["vergi"]);
        assert!(found("vergiler").is_empty());
        assert_eq!(found("TALEP EDİYORUZ"), ["talep ed"]);
        assert!(found("talepte").is_empty());
        assert_eq!(found("verilmeli"), ["meli"]);
        assert!(found("meli").is_empty(), "an ending needs a stem");
        assert_eq!(found("sokağa"), ["sokak"]);
        assert!(found("sokag").is_empty());
    }

    #[test]
    fn evidence_quotes_the_original_words_and_field() {
        let c = classify("ŞİKÂYET", "Hastanede doktor bana kötü davrandı");
        let hospital = c
            .evidence
            .iter()
            .find(|e| e.term == "hastane")
            .expect("hastane is evidence");
        assert_eq!(hospital.matched, "Hastanede");
        assert_eq!(hospital.field, Some(TextField::Text));
        assert!(c
            .evidence
            .iter()
            .any(|e| e.field == Some(TextField::Subject) && e.matched == "ŞİKÂYET"));
    }

    #[test]
    fn empty_text_needs_review() {
        let c = classify("", "");
        assert!(c.needs_review);
        assert!(c.evidence.is_empty());
        assert_eq!(c.topic, Topic::Other);
        let c = classify("?!", "…");
        assert!(c.needs_review);
    }

    #[test]
    fn a_term_counts_once_and_the_subject_weighs_more() {
        let c = lexicon(
            "setting,subject_weight,,2,\n\
             topic:health,hastane,,1,\n",
        );
        let once = c.classify("", "hastane hastane hastanede");
        assert_eq!(once.evidence.len(), 1);
        assert_eq!(once.evidence[0].weight, 1.0);
        let subject = c.classify("Hastane", "hastane");
        assert_eq!(subject.evidence[0].weight, 2.0);
        assert_eq!(subject.evidence[0].field, Some(TextField::Subject));
    }

    #[test]
    fn facts_are_suggested_not_decided() {
        let c = classify(
            "",
            "Komşumla aramızdaki sınır anlaşmazlığı için mahkemede dava açtım.",
        );
        let facts: Vec<Fact> = c.suggested_facts.iter().map(|f| f.fact).collect();
        assert!(facts.contains(&Fact::PendingInCourt), "{facts:?}");
        assert!(facts.contains(&Fact::PrivateLawDispute), "{facts:?}");
        assert!(c.suggested_facts.iter().all(|f| !f.evidence.is_empty()));
    }

    #[test]
    fn lexicon_errors_name_the_line() {
        let header = "label,term,match,weight,note\n";
        for (rows, needle) in [
            ("topic:nowhere,x,,1,\n", "topic:nowhere"),
            ("topic:health,x,fuzzy,1,\n", "fuzzy"),
            ("topic:health,x,,heavy,\n", "heavy"),
            ("topic:health,x,,NaN,\n", "NaN"),
            ("topic:health,…,,1,\n", "no letters"),
            ("petition_kind:suggestion,olsa iyi,ending,1,\n", "one word"),
            ("setting,speed,,1,\n", "speed"),
            ("setting,review_below,,2,\n", "[0, 1]"),
        ] {
            let e = Classifier::from_lexicon(&format!("{header}# comment\n{rows}")).unwrap_err();
            assert_eq!(e.line, 3, "{rows}");
            assert!(e.message.contains(needle), "{e}");
        }
        assert!(Classifier::from_lexicon("").is_err());
    }

    #[test]
    fn confidences_are_probabilities() {
        for (subject, text) in [
            ("", ""),
            ("x", "4982 sayılı kanun kapsamında hastane ihale bilgisi"),
            ("ETİK", "rüşvet torpil ayrımcılık işkence şikayet teşekkür"),
        ] {
            let c = classify(subject, text);
            for p in [c.confidence, c.topic_confidence]
                .into_iter()
                .chain(c.petition_kind_confidence)
            {
                assert!((0.0..=1.0).contains(&p), "{p}");
            }
        }
    }

    /// Words from the lexicon's world, with Turkish letters, for properties.
    const WORDS: &[&str] = &[
        "Hastanede",
        "şikâyetçiyim",
        "ÖĞRETMEN",
        "4982",
        "sayılı",
        "bilgi",
        "edinme",
        "rüşvet",
        "ayrımcılığa",
        "uğradım",
        "teşekkür",
        "ederim",
        "İşverenim",
        "maaşımı",
        "ödemiyor",
        "belediyenin",
        "çöpleri",
        "Tapu",
        "müdürlüğünde",
        "ırkçı",
        "öneriyorum",
        "ihbar",
        "gözaltında",
        "dövüldüm",
        "Işık",
        "İÇİŞLERİ",
        "ve",
        "bu",
        "için",
    ];

    fn ascii(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                'ç' => 'c',
                'Ç' => 'C',
                'ğ' => 'g',
                'Ğ' => 'G',
                'ı' => 'i',
                'İ' => 'I',
                'ö' => 'o',
                'Ö' => 'O',
                'ş' => 's',
                'Ş' => 'S',
                'ü' => 'u',
                'Ü' => 'U',
                'â' => 'a',
                'Â' => 'A',
                c => c,
            })
            .collect()
    }

    fn labels(c: &Classification) -> impl PartialEq + std::fmt::Debug {
        let terms: Vec<(String, String, u64)> = c
            .evidence
            .iter()
            .map(|e| (e.term.clone(), e.label.to_string(), e.weight.to_bits()))
            .collect();
        (
            c.category,
            c.confidence.to_bits(),
            c.petition_kind,
            c.topic,
            c.topic_confidence.to_bits(),
            c.needs_review,
            terms,
        )
    }

    proptest! {
        #[test]
        fn ascii_typing_classifies_like_turkish(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..12),
            caps in any::<bool>(),
        ) {
            let text = words.join(" ");
            let text = if caps { crate::text::turkish_uppercase(&text) } else { text };
            let original = classify("", &text);
            let typed = classify("", &ascii(&text));
            prop_assert_eq!(labels(&original), labels(&typed));
        }

        #[test]
        fn never_panics_and_stays_in_range(subject in "\\PC{0,30}", text in "\\PC{0,200}") {
            let c = classify(&subject, &text);
            prop_assert!((0.0..=1.0).contains(&c.confidence));
            prop_assert!((0.0..=1.0).contains(&c.topic_confidence));
            prop_assert_eq!(c.petition_kind.is_some(), c.category == Category::Petition);
        }
    }
}
