//! Turkish-aware text handling: folding, display casing, tokens, and
//! suffix-tolerant matching.
//!
//! Turkish has two letter *i*s: dotted `i`/`İ` and dotless `ı`/`I`, so generic
//! Unicode lowercasing turns `ISPARTA` into `isparta` by luck and `İZMİR` into
//! `i̇zmir` (with a combining dot). People also type without Turkish letters
//! (`sikayet` for `şikâyet`). [`fold`] maps all of these to one ASCII key;
//! [`turkish_lowercase`] and [`turkish_uppercase`] keep the letters for display.
//!
//! Turkish is agglutinative: `hastane` appears as `hastanede`, `hastaneye`,
//! `hastanenin`. [`FoldedText`] is the form the classifier scans (folded words
//! separated by single spaces, each word mapped back to the original text), and
//! [`stem_matches`] decides whether a word is a stem plus Turkish suffixes.

/// Folds `text` for matching: Turkish lowercase, then Turkish letters and
/// circumflexes to their ASCII base (`ç→c`, `ğ→g`, `ı→i`, `ö→o`, `ş→s`,
/// `ü→u`, `â→a`, `î→i`, `û→u`), whitespace runs collapsed to one space.
///
/// Folding is idempotent: `fold(&fold(s)) == fold(s)`.
///
/// # Example
///
/// ```
/// use bimer_core::text::fold;
/// assert_eq!(fold("ŞİKÂYET"), "sikayet");
/// assert_eq!(fold("Şikâyet"), fold("sikayet"));
/// assert_eq!(fold("  KAHRAMANMARAŞ "), "kahramanmaras");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        // Turkish casing first: I is the capital of ı, İ the capital of i.
        let lower: &mut dyn Iterator<Item = char> = match c {
            'I' | 'İ' => &mut std::iter::once('i'),
            c => &mut c.to_lowercase(),
        };
        for l in lower {
            let base = match l {
                'ı' | 'î' | 'ì' | 'í' | 'ï' => 'i',
                'ç' => 'c',
                'ğ' => 'g',
                'ö' | 'ô' | 'ò' | 'ó' => 'o',
                'ş' => 's',
                'ü' | 'û' | 'ù' | 'ú' => 'u',
                'â' | 'à' | 'á' | 'ä' => 'a',
                'é' | 'è' | 'ê' => 'e',
                '\u{0307}' | '\u{0302}' | '\u{0308}' | '\u{0327}' | '\u{0306}' => continue,
                l => l,
            };
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(base);
        }
    }
    out
}

/// Lowercases for display, the Turkish way: `I` → `ı`, `İ` → `i`; every
/// other letter as Unicode says. Turkish letters are kept (unlike [`fold`]).
///
/// # Example
///
/// ```
/// use bimer_core::text::turkish_lowercase;
/// assert_eq!(turkish_lowercase("IĞDIR İLİ"), "ığdır ili");
/// assert_eq!(turkish_lowercase("ŞİKÂYET"), "şikâyet");
/// ```
pub fn turkish_lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'I' => out.push('ı'),
            'İ' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Uppercases for display, the Turkish way: `i` → `İ`, `ı` → `I`; every
/// other letter as Unicode says.
///
/// # Example
///
/// ```
/// use bimer_core::text::turkish_uppercase;
/// assert_eq!(turkish_uppercase("ığdır ili"), "IĞDIR İLİ");
/// assert_eq!(turkish_uppercase("izmir"), "İZMİR");
/// ```
pub fn turkish_uppercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'i' => out.push('İ'),
            'ı' => out.push('I'),
            c => out.extend(c.to_uppercase()),
        }
    }
    out
}

/// One word of a [`FoldedText`]: where it is in the key and in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSpan {
    /// Byte offset of the word in [`FoldedText::key`].
    pub key_start: usize,
    /// Byte offset just past the word in the key.
    pub key_end: usize,
    /// Byte offset of the word in the original text.
    pub start: usize,
    /// Byte offset just past the word in the original text.
    pub end: usize,
}

/// A text folded for matching: the words of [`fold`], separated by single
/// spaces, with punctuation dropped and apostrophes joined (`CİMER'e` →
/// `cimere`, so the suffix stays on its word), and a map from each word back
/// to the original.
///
/// The classifier scans the key; the map lets evidence quote the words as
/// the applicant wrote them. The buffers can be reused ([`FoldedText::fold`])
/// so a scan over many texts allocates only while they grow.
///
/// # Example
///
/// ```
/// use bimer_core::text::FoldedText;
/// let text = "HASTANEDE, doktor (Dr. Işık) CİMER'e…";
/// let folded = FoldedText::new(text);
/// assert_eq!(folded.key(), "hastanede doktor dr isik cimere");
/// let w = folded.words()[3];
/// assert_eq!(&text[w.start..w.end], "Işık");
/// assert_eq!(folded.original(0..9, text), "HASTANEDE");
/// ```
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    /// UTF-8 by construction (ASCII bytes and whole encoded characters);
    /// kept as bytes so the ASCII path pushes bytes, not `char`s.
    key: Vec<u8>,
    words: Vec<WordSpan>,
}

/// What an ASCII byte is in a key: a word byte (its folded form), a
/// separator, or an apostrophe that joins a suffix to its word.
const SEPARATOR: u8 = 0;
const JOINER: u8 = 1;
const ASCII_KEY: [u8; 128] = {
    let mut table = [SEPARATOR; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'0'..=b'9' => c,
            b'A'..=b'Z' => c + 32, // `I` folds to `i` like `İ`
            b'\'' | b'`' => JOINER,
            _ => SEPARATOR,
        };
        b += 1;
    }
    table
};

impl FoldedText {
    /// Folds `text`.
    pub fn new(text: &str) -> FoldedText {
        let mut folded = FoldedText::default();
        folded.fold(text);
        folded
    }

    /// Folds `text` into this value's buffers, replacing what was there.
    pub fn fold(&mut self, text: &str) {
        self.key.clear();
        self.words.clear();
        let bytes = text.as_bytes();
        let mut open: Option<WordSpan> = None;
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 || turkish_letter(bytes[i], bytes.get(i + 1).copied()).is_some() {
                if bytes[i] < 0x80 && ASCII_KEY[usize::from(bytes[i])] == SEPARATOR {
                    self.close(&mut open);
                    i += 1;
                    continue;
                }
                // A run of word bytes in one tight loop: ASCII letters and
                // digits, joiners, and the two-byte Turkish letters.
                let mut last = None;
                while let Some(&b) = bytes.get(i) {
                    let (folded, width) = if b < 0x80 {
                        (ASCII_KEY[usize::from(b)], 1)
                    } else {
                        match turkish_letter(b, bytes.get(i + 1).copied()) {
                            Some(folded) => (folded, 2),
                            None => break,
                        }
                    };
                    match folded {
                        SEPARATOR => break,
                        JOINER => {}
                        folded => {
                            if last.is_none() {
                                self.open(&mut open, i);
                            }
                            self.key.push(folded);
                            last = Some(i + width);
                        }
                    }
                    i += width;
                }
                if let (Some(end), Some(w)) = (last, open.as_mut()) {
                    w.end = end;
                }
                continue;
            }
            // Not ASCII: decode the character (i is always on a boundary).
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let next = i + c.len_utf8();
            fold_char(c, |l| {
                if matches!(l, '\u{2018}' | '\u{2019}' | '\u{02bc}') {
                    // Typographic apostrophes join like `'`.
                } else if l.is_alphanumeric() {
                    self.open(&mut open, i);
                    let mut utf8 = [0; 4];
                    self.key
                        .extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
                    if let Some(w) = open.as_mut() {
                        w.end = next;
                    }
                } else if !('\u{0300}'..='\u{036f}').contains(&l) {
                    self.close(&mut open);
                }
            });
            i = next;
        }
        self.close(&mut open);
    }

    fn open(&mut self, open: &mut Option<WordSpan>, at: usize) {
        if open.is_none() {
            if !self.key.is_empty() {
                self.key.push(b' ');
            }
            *open = Some(WordSpan {
                key_start: self.key.len(),
                key_end: self.key.len(),
                start: at,
                end: at,
            });
        }
    }

    fn close(&mut self, open: &mut Option<WordSpan>) {
        if let Some(mut w) = open.take() {
            w.key_end = self.key.len();
            self.words.push(w);
        }
    }

    /// The folded words, separated by single spaces.
    pub fn key(&self) -> &str {
        // Never fails: only whole characters are ever pushed.
        std::str::from_utf8(&self.key).unwrap_or_default()
    }

    /// The key as bytes, for scanning (no UTF-8 check needed).
    pub(crate) fn key_bytes(&self) -> &[u8] {
        &self.key
    }

    /// The words in order.
    pub fn words(&self) -> &[WordSpan] {
        &self.words
    }

    /// The original byte range of the words that `key_range` touches, or
    /// `None` when the range touches no word.
    pub fn original_span(
        &self,
        key_range: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        let first = self.words.partition_point(|w| w.key_end <= key_range.start);
        let last = self
            .words
            .partition_point(|w| w.key_start < key_range.end)
            .checked_sub(1)?;
        let (first, last) = (self.words.get(first)?, self.words.get(last)?);
        (first.start <= last.end).then_some(first.start..last.end)
    }

    /// The words of the original text that `key_range` touches, as written
    /// (empty when it touches none). `text` must be the text that was folded.
    pub fn original<'t>(&self, key_range: std::ops::Range<usize>, text: &'t str) -> &'t str {
        self.original_span(key_range)
            .and_then(|r| text.get(r))
            .unwrap_or("")
    }
}

/// The folded ASCII letter of a two-byte UTF-8 Turkish letter (either case,
/// with circumflexes), as [`fold_char`] maps it; `None` for anything else.
#[inline]
fn turkish_letter(first: u8, second: Option<u8>) -> Option<u8> {
    Some(match (first, second?) {
        (0xc3, 0xa7 | 0x87) => b'c',               // ç Ç
        (0xc3, 0xb6 | 0x96) => b'o',               // ö Ö
        (0xc3, 0xbc | 0x9c | 0xbb | 0x9b) => b'u', // ü Ü û Û
        (0xc3, 0xa2 | 0x82) => b'a',               // â Â
        (0xc3, 0xae | 0x8e) => b'i',               // î Î
        (0xc4, 0x9f | 0x9e) => b'g',               // ğ Ğ
        (0xc4, 0xb1 | 0xb0) => b'i',               // ı İ
        (0xc5, 0x9f | 0x9e) => b's',               // ş Ş
        _ => return None,
    })
}

/// Feeds the folded form of `c` to `push`: Turkish lowercase, then Turkish
/// letters and common diacritics to their ASCII base (the mapping of [`fold`]).
fn fold_char(c: char, mut push: impl FnMut(char)) {
    // Turkish letters of either case straight to their base: the common
    // case, and cheaper than Unicode's lowercase tables.
    let direct = match c {
        'ç' | 'Ç' => Some('c'),
        'ğ' | 'Ğ' => Some('g'),
        'ı' | 'I' | 'İ' | 'î' | 'Î' => Some('i'),
        'ö' | 'Ö' => Some('o'),
        'ş' | 'Ş' => Some('s'),
        'ü' | 'Ü' | 'û' | 'Û' => Some('u'),
        'â' | 'Â' => Some('a'),
        _ => None,
    };
    if let Some(d) = direct {
        return push(d);
    }
    let mut base = |l: char| {
        push(match l {
            'ı' | 'î' | 'ì' | 'í' | 'ï' => 'i',
            'ç' => 'c',
            'ğ' => 'g',
            'ö' | 'ô' | 'ò' | 'ó' => 'o',
            'ş' => 's',
            'ü' | 'û' | 'ù' | 'ú' => 'u',
            'â' | 'à' | 'á' | 'ä' => 'a',
            'é' | 'è' | 'ê' => 'e',
            l => l,
        })
    };
    match c {
        'I' | 'İ' => base('i'),
        c => c.to_lowercase().for_each(base),
    }
}

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word (letters, possibly with digits).
    Word,
    /// A number (digits only).
    Number,
    /// A law cited by number: `4982 sayılı`, `3071 numaralı`.
    LawReference(u32),
}

/// A token of a text: its folded form, its kind and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Folded (`4982 sayili`, `hastanede`).
    pub text: String,
    /// Word, number or law reference.
    pub kind: TokenKind,
    /// Byte range in the original text.
    pub span: std::ops::Range<usize>,
}

/// Splits `text` into folded tokens, keeping numbers and joining a number
/// with a following `sayılı` / `numaralı` into one law reference.
///
/// # Example
///
/// ```
/// use bimer_core::text::{tokens, TokenKind};
/// let t = tokens("4982 Sayılı Kanun'a göre 2024 yılı için…");
/// assert_eq!(t[0].text, "4982 sayili");
/// assert_eq!(t[0].kind, TokenKind::LawReference(4982));
/// assert_eq!(t[1].text, "kanuna");
/// assert_eq!(t[3].kind, TokenKind::Number);
/// ```
pub fn tokens(text: &str) -> Vec<Token> {
    let folded = FoldedText::new(text);
    let key = folded.key();
    let words = folded.words();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let word = &key[w.key_start..w.key_end];
        let number = word.bytes().all(|b| b.is_ascii_digit());
        let law = number
            .then(|| words.get(i + 1))
            .flatten()
            .filter(|next| {
                let next = &key[next.key_start..next.key_end];
                next.starts_with("sayili") || next.starts_with("numarali")
            })
            .and_then(|next| Some((word.parse::<u32>().ok()?, next)));
        if let Some((n, next)) = law {
            out.push(Token {
                text: key[w.key_start..next.key_end].to_string(),
                kind: TokenKind::LawReference(n),
                span: w.start..next.end,
            });
            i += 2;
            continue;
        }
        out.push(Token {
            text: word.to_string(),
            kind: if number {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            span: w.start..w.end,
        });
        i += 1;
    }
    out
}

/// Turkish suffixes as they look after [`fold`] (vowel harmony variants
/// collapse: `-ı/-i` → `i`, `-u/-ü` → `u`): plural, possessive, case, copula
/// and the common derivational endings. A stem may carry a chain of them.
const SUFFIXES: &[&str] = &[
    // plural
    "ler", "lar", // possessive
    "m", "im", "um", "n", "in", "un", "i", "u", "si", "su", "miz", "muz", "imiz", "umuz", "niz",
    "nuz", "iniz", "unuz", // case
    "a", "e", "ya", "ye", "na", "ne", "yi", "yu", "ni", "nu", "da", "de", "ta", "te", "nda", "nde",
    "dan", "den", "tan", "ten", "ndan", "nden", "nin", "nun", "la", "le", "yla", "yle", "ca", "ce",
    "ki", // copula and person
    "dir", "dur", "tir", "tur", "di", "du", "ti", "tu", "ydi", "ydu", "mis", "mus", "ymis", "ymus",
    "yim", "yum", "sin", "sun", "yiz", "yuz", "iz", "uz", "siniz", "sunuz", "ken", "yken", "mi",
    "mu", // derivation: -li, -siz, -lik (-lig- before a vowel), -ci, -cik, -sel
    "li", "lu", "siz", "suz", "lik", "luk", "lig", "lug", "ci", "cu", "cik", "cuk", "sel", "sal",
];

/// At most this many bytes of suffixes follow a stem (`-lerimizden` is 10).
const MAX_SUFFIX_BYTES: usize = 16;

/// Suffixes by first byte, so a chain test looks at a handful, not all.
fn suffixes_from(first: u8) -> &'static [&'static [u8]] {
    static BY_FIRST: std::sync::OnceLock<Vec<Vec<&'static [u8]>>> = std::sync::OnceLock::new();
    let table = BY_FIRST.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for s in SUFFIXES {
            table[usize::from(s.as_bytes()[0])].push(s.as_bytes());
        }
        table
    });
    &table[usize::from(first)]
}

/// Whether folded `rest` is a chain of Turkish suffixes (empty counts).
pub(crate) fn is_suffix_chain(rest: &[u8]) -> bool {
    if rest.len() > MAX_SUFFIX_BYTES {
        return false;
    }
    // reachable[i]: rest[..i] splits into suffixes.
    let mut reachable = [false; MAX_SUFFIX_BYTES + 1];
    reachable[0] = true;
    for i in 0..rest.len() {
        if !reachable[i] {
            continue;
        }
        for s in suffixes_from(rest[i]) {
            // Suffixes are 1-5 bytes: compare by hand, not through memcmp.
            let end = i + s.len();
            if end <= rest.len() && rest[i..end].iter().zip(s.iter()).all(|(a, b)| a == b) {
                reachable[end] = true;
            }
        }
    }
    reachable[rest.len()]
}

/// The form a stem's last consonant takes before a vowel suffix (`kitap` →
/// `kitabı`, `sokak` → `sokağı`, `yurt` → `yurdu`), folded; `None` when it
/// does not soften. `ç` → `c` folds to itself, so it needs no variant.
pub(crate) fn softened(last: u8) -> Option<u8> {
    match last {
        b'p' => Some(b'b'),
        b't' => Some(b'd'),
        b'k' => Some(b'g'),
        _ => None,
    }
}

pub(crate) fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether `word` is `stem` plus Turkish suffixes, ignoring case and
/// Turkish letters: `hastane` matches `Hastanede`, `hastaneye`, `HASTANENİN`
/// but not `hastalık`. A stem of four letters or more ending in `p`, `t` or
/// `k` also matches in its softened form before a vowel (`sokak` →
/// `sokağa`). Vowel loss (`şehir` → `şehri`) and doubling (`hak` → `hakkı`)
/// are not guessed: list such forms as terms of their own.
///
/// # Example
///
/// ```
/// use bimer_core::text::stem_matches;
/// assert!(stem_matches("hastane", "Hastanede"));
/// assert!(stem_matches("hastane", "hastanelerimizden"));
/// assert!(stem_matches("şikâyet", "SIKAYETCIYIM"));
/// assert!(stem_matches("sokak", "sokağa"));
/// assert!(!stem_matches("hastane", "hastalık"));
/// assert!(!stem_matches("kira", "kiraz"));
/// ```
pub fn stem_matches(stem: &str, word: &str) -> bool {
    let (stem, word) = (fold(stem), fold(word));
    let (stem, word) = (stem.as_bytes(), word.as_bytes());
    if let Some(rest) = word.strip_prefix(stem) {
        return is_suffix_chain(rest);
    }
    let Some((&last, head)) = stem.split_last() else {
        return false;
    };
    match (softened(last), word.strip_prefix(head)) {
        (Some(soft), Some([first, rest @ ..])) if stem.len() >= 4 && *first == soft => {
            rest.first().is_some_and(|&b| is_vowel(b)) && is_suffix_chain(rest)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn turkish_i_forms() {
        assert_eq!(fold("IĞDIR"), "igdir");
        assert_eq!(fold("İzmir"), "izmir");
        assert_eq!(fold("i\u{0307}zmi\u{0307}r"), "izmir");
        assert_eq!(fold("Millî Eğitim"), "milli egitim");
    }

    #[test]
    fn display_casing_keeps_the_two_is_apart() {
        assert_eq!(turkish_uppercase("istanbul ılgaz"), "İSTANBUL ILGAZ");
        assert_eq!(turkish_lowercase("İSTANBUL ILGAZ"), "istanbul ılgaz");
        assert_eq!(turkish_lowercase("Çanakkale ŞİKÂYET"), "çanakkale şikâyet");
    }

    #[test]
    fn suffixes_on_stems() {
        for word in [
            "hastanede",
            "hastaneye",
            "hastanenin",
            "HASTANEMİZDEKİ",
            "hastanelere",
        ] {
            assert!(stem_matches("hastane", word), "{word}");
        }
        for word in ["hastalık", "hastanelik_", "hastanex"] {
            assert!(!stem_matches("hastane", word), "{word}");
        }
        assert!(stem_matches("ayrımcılık", "ayrımcılığa"));
        assert!(stem_matches("kitap", "kitabı"));
        assert!(
            !stem_matches("kitap", "kitab"),
            "softened only before a vowel"
        );
        assert!(!stem_matches("ek", "egi"), "short stems do not soften");
        assert!(stem_matches("şikayetçi", "şikâyetçiyim"));
    }

    #[test]
    fn law_references_and_numbers() {
        let t = tokens("3071 NUMARALI kanun, 5176 sayili Kanun ve 12 kişi");
        assert_eq!(t[0].kind, TokenKind::LawReference(3071));
        assert_eq!(t[2].kind, TokenKind::LawReference(5176));
        assert_eq!(t[2].text, "5176 sayili");
        assert_eq!(t[5].kind, TokenKind::Number);
        let text = "Kanun'un 4982 sayılı";
        let t = tokens(text);
        assert_eq!(&text[t[1].span.clone()], "4982 sayılı");
        assert_eq!(t[0].text, "kanunun");
    }

    #[test]
    fn folded_text_maps_words_back() {
        let text = "  ŞİKAYET: İçişleri’nin (Dr. IŞIK) ";
        let f = FoldedText::new(text);
        assert_eq!(f.key(), "sikayet icislerinin dr isik");
        let quoted: Vec<&str> = f.words().iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(quoted, ["ŞİKAYET", "İçişleri’nin", "Dr", "IŞIK"]);
        assert_eq!(f.original(8..15, text), "İçişleri’nin");
        assert_eq!(f.original(8..22, text), "İçişleri’nin (Dr");
        assert_eq!(FoldedText::new("").original(0..3, ""), "");
    }

    proptest! {
        #[test]
        fn matching_key_agrees_with_fold(s in "\\PC{0,40}") {
            let direct = FoldedText::new(&s);
            let via_fold = FoldedText::new(&fold(&s));
            let again = FoldedText::new(direct.key());
            prop_assert_eq!(via_fold.key(), direct.key());
            prop_assert_eq!(again.key(), direct.key());
        }

        #[test]
        fn every_word_maps_back_to_its_original(s in "[a-zA-ZçÇğĞıİöÖşŞüÜâÂ0-9 '.,()-]{0,40}") {
            let f = FoldedText::new(&s);
            for w in f.words() {
                let original: String = s[w.start..w.end].chars().filter(|&c| c != '\'').collect();
                prop_assert_eq!(fold(&original), &f.key()[w.key_start..w.key_end]);
            }
        }

        #[test]
        fn display_casing_round_trips(s in "[a-zçğıiöşüA-ZÇĞIİÖŞÜ ]{0,30}") {
            let lower = turkish_lowercase(&s);
            prop_assert_eq!(turkish_lowercase(&turkish_uppercase(&s)), lower.clone());
            prop_assert_eq!(turkish_uppercase(&lower), turkish_uppercase(&s));
            prop_assert_eq!(fold(&lower), fold(&s));
        }

        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn ascii_typing_folds_like_turkish(s in "[a-zA-ZçÇğĞıİöÖşŞüÜ ]{0,30}") {
            let ascii: String = s.chars().map(|c| match c {
                'ç' => 'c', 'Ç' => 'C', 'ğ' => 'g', 'Ğ' => 'G', 'ı' => 'i', 'İ' => 'I',
                'ö' => 'o', 'Ö' => 'O', 'ş' => 's', 'Ş' => 'S', 'ü' => 'u', 'Ü' => 'U', c => c,
            }).collect();
            prop_assert_eq!(fold(&ascii), fold(&s));
        }
    }
}
